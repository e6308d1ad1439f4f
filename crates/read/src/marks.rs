//! Quotation marks: where each quoted span of a paragraph begins and ends.
//!
//! ## What it handles
//! Every convention of English-language news: curly double marks (“…”), straight ones
//! ("…", paired left to right), two apostrophes as double marks (''…'', a house style of
//! some American papers) and two backticks (``…''), German low-high marks („…“), guillemets
//! pointing out («…») or in (»…«) and the Swedish »…», single marks (‘…’ or '…') as the
//! primary marks of a paragraph that opens its quotation with one (British style, and the
//! headlines of American papers), a quotation opened with a closing mark (”We will…), and a
//! closing mark with no opening one (the opening was lost), which closes a quotation from
//! the paragraph's start. Marks of the other kind inside a quotation belong to it (“the
//! ‘green lane’ is shut”). A quotation still open at the paragraph's end runs to it (it may
//! continue in the next paragraph). A space just inside the marks (« Oui ») is left out.
//!
//! ## What it does not
//! Tell an apostrophe after a plural ("the players' union") from a closing single mark when a
//! single-mark quotation is open; single guillemets (‹…›) as primary marks.

/// A quoted span of one paragraph, in byte offsets of the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// First byte inside the marks (spaces just inside left out).
    pub start: usize,
    /// Byte just past the last character inside the marks.
    pub end: usize,
    /// Where the opening mark starts (`start` when there was none).
    pub outer_start: usize,
    /// Just past the closing mark (`end` when there was none).
    pub outer_end: usize,
    /// An opening mark was present.
    pub opened: bool,
    /// A closing mark was present.
    pub closed: bool,
    /// The marks were single ones (‘…’, '…').
    pub single: bool,
}

/// The role a mark can play at its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Either: a straight mark, which pairs left to right.
    Either,
}

/// One mark found in the text.
#[derive(Debug, Clone, Copy)]
struct Mark {
    at: usize,
    len: usize,
    role: Role,
    single: bool,
}

/// The quoted spans of `p`, in order.
pub fn quoted(p: &str) -> Vec<Quoted> {
    let marks = marks(p);
    let mut out = Vec::new();
    let mut open: Option<Mark> = None;
    for (k, m) in marks.iter().enumerate() {
        match open {
            None => {
                let opens = match m.role {
                    Role::Open | Role::Either => !m.single || single_closes_later(&marks[k + 1..]),
                    Role::Close => false,
                };
                if opens {
                    open = Some(*m);
                } else if m.role == Role::Close && !m.single && out.is_empty() {
                    // The opening mark was lost: the quotation runs from the paragraph's
                    // start.
                    out.push(span(p, None, Some(*m)));
                }
            }
            Some(o) => {
                // Guillemets close guillemets: “…” inside «…» is a quotation within.
                let same_family = guillemet(p, &o) == guillemet(p, m);
                if m.single == o.single
                    && same_family
                    && matches!(m.role, Role::Close | Role::Either)
                {
                    out.push(span(p, Some(o), Some(*m)));
                    open = None;
                }
            }
        }
    }
    if let Some(o) = open {
        out.push(span(p, Some(o), None));
    }
    out.retain(|q| q.end > q.start);
    out
}

/// The quotations of the other kind inside the quotation `q` of `p`, opened and closed
/// there: single marks inside double marks or guillemets (“… told me, ‘Nothing is
/// decided.’ …”), double marks inside single marks or guillemets. Someone the speaker
/// quotes.
pub fn inner(p: &str, q: &Quoted) -> Vec<Quoted> {
    let outer_guillemets = p[q.outer_start..].starts_with(['«', '»']);
    let text = &p[q.start..q.end];
    quoted(text)
        .into_iter()
        .filter(|x| x.opened && x.closed && (x.single != q.single || outer_guillemets))
        .map(|x| Quoted {
            start: x.start + q.start,
            end: x.end + q.start,
            outer_start: x.outer_start + q.start,
            outer_end: x.outer_end + q.start,
            ..x
        })
        .collect()
}

/// Whether a mark is a guillemet (« or »).
fn guillemet(p: &str, m: &Mark) -> bool {
    p[m.at..].starts_with(['«', '»'])
}

/// A single opening mark opens only where a single closing mark follows in its paragraph:
/// otherwise it is an apostrophe ("'90s", "'em").
fn single_closes_later(rest: &[Mark]) -> bool {
    rest.iter()
        .any(|m| m.single && matches!(m.role, Role::Close | Role::Either))
}

fn span(p: &str, open: Option<Mark>, close: Option<Mark>) -> Quoted {
    let outer_start = open.map_or(0, |m| m.at);
    let start = open.map_or(0, |m| m.at + m.len);
    let outer_end = close.map_or(p.len(), |m| m.at + m.len);
    let end = close.map_or(p.len(), |m| m.at).max(start);
    let inner = &p[start..end];
    let lead = inner.len() - inner.trim_start().len();
    let trail = inner.len() - inner.trim_end().len();
    Quoted {
        start: start + lead,
        end: (end - trail).max(start + lead),
        outer_start,
        outer_end,
        opened: open.is_some(),
        closed: close.is_some(),
        single: open.or(close).is_some_and(|m| m.single),
    }
}

/// The marks of `p` with the role each can play, in order.
fn marks(p: &str) -> Vec<Mark> {
    let guillemets_point_in = p.find(['«', '»']).is_some_and(|i| p[i..].starts_with('»'));
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut out = Vec::new();
    let mut low_open = false;
    let mut k = 0;
    while k < chars.len() {
        let (at, c) = chars[k];
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let double = |role| Mark {
            at,
            len: c.len_utf8(),
            role,
            single: false,
        };
        match c {
            '\'' | '`' if next == Some(c) || (c == '`' && next == Some('`')) => {
                // Two apostrophes or two backticks: a double mark.
                let role = if c == '`' { Role::Open } else { Role::Either };
                out.push(Mark {
                    at,
                    len: 2,
                    role,
                    single: false,
                });
                k += 2;
                continue;
            }
            '“' if low_open => {
                out.push(double(Role::Close));
                low_open = false;
            }
            '“' => out.push(double(Role::Open)),
            '„' => {
                out.push(double(Role::Open));
                low_open = true;
            }
            '”' if low_open => {
                out.push(double(Role::Close));
                low_open = false;
            }
            // A closing mark typed where an opening one belongs: at a word's start.
            '”' if opens_word(prev, next) => out.push(double(Role::Open)),
            '”' => out.push(double(Role::Close)),
            '"' => out.push(double(Role::Either)),
            '«' => out.push(double(if guillemets_point_in {
                Role::Close
            } else {
                Role::Open
            })),
            // Swedish text opens and closes with the same mark.
            '»' if guillemets_point_in && !p.contains('«') => out.push(double(Role::Either)),
            '»' if guillemets_point_in => out.push(double(Role::Open)),
            '»' => out.push(double(if p[..at].contains('«') {
                Role::Close
            } else {
                Role::Either
            })),
            '‘' | '’' | '\'' => {
                if let Some(role) = single_role(c, prev, next) {
                    out.push(Mark {
                        at,
                        len: c.len_utf8(),
                        role,
                        single: true,
                    });
                }
            }
            _ => {}
        }
        k += 1;
    }
    out
}

/// Whether a mark between `prev` and `next` stands at a word's start.
fn opens_word(prev: Option<char>, next: Option<char>) -> bool {
    let before_ok =
        prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '/'));
    before_ok && next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '…'))
}

/// The role a single mark or apostrophe plays: opening at a word's start, closing at a
/// word's end, none inside a word (Putin’s, don't).
fn single_role(c: char, prev: Option<char>, next: Option<char>) -> Option<Role> {
    let letter_before = prev.is_some_and(char::is_alphanumeric);
    let letter_after = next.is_some_and(char::is_alphanumeric);
    if letter_before && letter_after {
        return None;
    }
    let before_ok = prev.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | '-' | '"' | '“' | ':')
    });
    if c != '’' && before_ok && next.is_some_and(|n| n.is_alphanumeric() || n == '.') {
        return Some(Role::Open);
    }
    let after_ok = next.is_none_or(|n| {
        n.is_whitespace() || matches!(n, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '”' | '"' | '—')
    });
    if c != '‘' && after_ok && prev.is_some_and(|p| !p.is_whitespace()) {
        return Some(Role::Close);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str) -> Vec<&str> {
        quoted(p).iter().map(|q| &p[q.start..q.end]).collect()
    }

    #[test]
    fn quotations_inside_quotations() {
        let inside = |p: &str| -> Vec<String> {
            quoted(p)
                .iter()
                .flat_map(|q| inner(p, q))
                .map(|q| p[q.start..q.end].to_string())
                .collect()
        };
        // Single marks in double marks, and double marks in guillemets, which they do
        // not close.
        let p = "“She told me, ‘The pier stays open,’ and then shut it,” he said.";
        assert_eq!(
            texts(p),
            ["She told me, ‘The pier stays open,’ and then shut it,"]
        );
        assert_eq!(inside(p), ["The pier stays open,"]);
        let p = "« Ils ont dit “nous n'accusons personne”. Puis ils l'ont fait », dit-il.";
        assert_eq!(
            texts(p),
            ["Ils ont dit “nous n'accusons personne”. Puis ils l'ont fait"]
        );
        assert_eq!(inside(p), ["nous n'accusons personne"]);
        // An apostrophe is no quotation inside one.
        assert!(inside("“The skippers' union won't sign,” she said.").is_empty());
    }

    #[test]
    fn double_marks_of_every_kind() {
        assert_eq!(
            texts("“We will rebuild,” the mayor said, “and soon.”"),
            ["We will rebuild,", "and soon."]
        );
        assert_eq!(texts("He said \"no\" and \"yes\"."), ["no", "yes"]);
        assert_eq!(
            texts("''The levy is a tax on thrift,'' said Corin Maddox, an economist."),
            ["The levy is a tax on thrift,"]
        );
        assert_eq!(texts("``Not again,'' she said."), ["Not again,"]);
        assert_eq!(texts("„Wir bauen neu“, sagte sie."), ["Wir bauen neu"]);
        assert_eq!(texts("« Nous verrons », a-t-il dit."), ["Nous verrons"]);
        assert_eq!(texts("»Wir bauen neu«, sagte sie."), ["Wir bauen neu"]);
        assert_eq!(texts("»Vi bygger», sa hon."), ["Vi bygger"]);
    }

    #[test]
    fn sloppy_and_lost_marks() {
        assert_eq!(
            texts("”The pumps failed twice,” the engineer said."),
            ["The pumps failed twice,"]
        );
        assert_eq!(
            texts("One reason is this; we won it,” he said."),
            ["One reason is this; we won it,"]
        );
        let open = quoted("“It runs on");
        assert_eq!((open.len(), open[0].closed), (1, false));
    }

    #[test]
    fn single_marks_and_apostrophes() {
        assert_eq!(
            texts("Grid Chief: Blackouts 'Could Last Weeks'"),
            ["Could Last Weeks"]
        );
        assert_eq!(
            texts("‘We’ve been told to “wait and see”,’ she said."),
            ["We’ve been told to “wait and see”,"]
        );
        assert_eq!(
            texts("“the ‘Coalition of the willing’ is ready”"),
            ["the ‘Coalition of the willing’ is ready"]
        );
        assert!(texts("Putin’s aide said it in the '90s.").is_empty());
    }
}
