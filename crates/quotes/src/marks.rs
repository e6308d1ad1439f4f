//! Finding quoted spans in a paragraph.
//!
//! ## What it handles
//! Curly double quotes (“…”), straight double quotes ("…", paired left to right), and
//! curly single quotes (‘…’) as the primary marks in a text that uses no double quotes.
//! Single quotes nested inside double quotes belong to the outer quotation. A quotation
//! opened and not closed by the end of its paragraph runs to the paragraph's end (it
//! continues in the next paragraph); a closing mark with no opening mark (the opening was
//! lost in the source) closes a quotation that starts at the paragraph's start, or after
//! "that " when an attribution ("Rubio stated ... that") stands before it.
//!
//! German-style marks („…“) and guillemets («…», »…«, »…») are read as English ones
//! ([`with_english_marks`]).
//!
//! ## What it does not
//! Straight single quotes as primary marks: they cannot be told from apostrophes. Single
//! guillemets (‹…›) as primary marks.

/// `p` with the quotation marks of other typographies written as English ones (“…”), so
/// that the rest of the crate reads one style: German low-high marks („…“, „…”), guillemets
/// pointing out («…», as in French, Italian, Spanish or Russian text) and pointing in (»…«,
/// as in German or Danish), and Swedish »…». The first guillemet of the paragraph decides
/// which way it points; a space or no-break space just inside a guillemet (« Oui ») is
/// dropped. A quotation's words are unchanged; offsets into the result are not offsets
/// into `p` once anything was rewritten. Text without these marks is returned as it is.
///
/// Single guillemets (‹…›) are left as they are: they nest inside a quotation, whose
/// words they then stay part of.
pub(crate) fn with_english_marks(p: &str) -> std::borrow::Cow<'_, str> {
    if !p.contains(['„', '«', '»']) {
        return std::borrow::Cow::Borrowed(p);
    }
    let pointing_in = p.find(['«', '»']).is_some_and(|i| p[i..].starts_with('»'));
    let (opener, closer) = if pointing_in {
        ('»', '«')
    } else {
        ('«', '»')
    };
    let gap = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    let mut out = String::with_capacity(p.len());
    let mut open: Option<char> = None;
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, open) {
            ('„', None) => {
                out.push('“');
                open = Some('„');
            }
            ('“' | '”', Some('„')) => {
                out.push('”');
                open = None;
            }
            (c, None) if c == opener => {
                out.push('“');
                open = Some(c);
                while chars.next_if(|&x| gap(x)).is_some() {}
            }
            // Swedish text opens and closes with the same mark.
            (c, Some(o)) if o == opener && (c == closer || c == opener) => {
                while out.ends_with(gap) {
                    out.pop();
                }
                out.push('”');
                open = None;
            }
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`with_english_marks`] for each of an article's paragraphs.
pub(crate) fn with_english_marks_all<'a>(paragraphs: &[&'a str]) -> Vec<std::borrow::Cow<'a, str>> {
    paragraphs.iter().map(|p| with_english_marks(p)).collect()
}

/// A quoted span inside a paragraph, in byte offsets of the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marked {
    /// First byte inside the marks.
    pub start: usize,
    /// Byte just past the last character inside the marks.
    pub end: usize,
    /// An opening mark was present.
    pub opened: bool,
    /// A closing mark was present.
    pub closed: bool,
}

/// The quoted spans of `p`, in order.
pub(crate) fn quoted_spans(p: &str, singles_are_primary: bool) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut straight_open = false;
    for (i, c) in p.char_indices() {
        let n = c.len_utf8();
        match c {
            '“' if open.is_none() => open = Some(i + n),
            '‘' if singles_are_primary && open.is_none() => open = Some(i + n),
            '"' if open.is_none() => {
                open = Some(i + n);
                straight_open = true;
            }
            '"' if straight_open => {
                out.push(Marked {
                    start: open.take().unwrap_or(0),
                    end: i,
                    opened: true,
                    closed: true,
                });
                straight_open = false;
            }
            '”' if !straight_open => match open.take() {
                Some(s) => out.push(Marked {
                    start: s,
                    end: i,
                    opened: true,
                    closed: true,
                }),
                None if out.is_empty() => out.push(Marked {
                    start: 0,
                    end: i,
                    opened: false,
                    closed: true,
                }),
                None => {}
            },
            '’' if singles_are_primary && !straight_open => {
                // A closing single quote ends a quotation only before a space or punctuation,
                // so apostrophes inside words (Putin’s, don’t) are left alone.
                let next = p[i + n..].chars().next();
                if open.is_some()
                    && next.is_none_or(|x| {
                        x.is_whitespace() || matches!(x, ',' | '.' | ';' | ':' | '!' | '?')
                    })
                {
                    out.push(Marked {
                        start: open.take().unwrap_or(0),
                        end: i,
                        opened: true,
                        closed: true,
                    });
                }
            }
            _ => {}
        }
    }
    if let Some(s) = open {
        out.push(Marked {
            start: s,
            end: p.len(),
            opened: true,
            closed: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str, singles: bool) -> Vec<&str> {
        quoted_spans(p, singles)
            .iter()
            .map(|m| &p[m.start..m.end])
            .collect()
    }

    #[test]
    fn marks() {
        assert_eq!(
            texts("“We will rebuild,” the mayor said, “and soon.”", false),
            ["We will rebuild,", "and soon."]
        );
        assert_eq!(texts("He said \"no\" and \"yes\".", false), ["no", "yes"]);
        assert_eq!(
            texts("“the ‘Coalition of the willing’ is ready”", false),
            ["the ‘Coalition of the willing’ is ready"]
        );
        assert_eq!(
            texts("One reason is this; we won it,” he said.", false),
            ["One reason is this; we won it,"]
        );
        assert_eq!(texts("“It runs on", false), ["It runs on"]);
        assert_eq!(
            texts("Putin’s aide said ‘we are ready’, officials said.", true),
            ["we are ready"]
        );
        assert_eq!(texts("Putin’s aide said it.", true), Vec::<&str>::new());
    }

    #[test]
    fn german_marks() {
        let p = "„Wir bauen neu“, sagte sie, „und bald.” Danach „kein Wort“.";
        let english = with_english_marks(p);
        assert_eq!(
            texts(&english, false),
            ["Wir bauen neu", "und bald.", "kein Wort"]
        );
        assert!(matches!(
            with_english_marks("“No change,” she said."),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn guillemets_either_way() {
        let read = |p: &str| {
            let english = with_english_marks(p);
            texts(&english, false)
                .into_iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read("«We will rebuild,» the mayor said, «and soon.»"),
            ["We will rebuild,", "and soon."]
        );
        assert_eq!(
            read("« Nous reconstruirons », a déclaré\u{a0}la maire, «\u{202f}vite\u{202f}»."),
            ["Nous reconstruirons", "vite"]
        );
        assert_eq!(
            read("»Wir bauen neu«, sagte sie. »Und bald.«"),
            ["Wir bauen neu", "Und bald."]
        );
        assert_eq!(
            read("»Vi bygger igen», sa hon, »och snart.»"),
            ["Vi bygger igen", "och snart."]
        );
        // Single guillemets nest inside and stay part of the words.
        assert_eq!(
            read("«The ‹harbour plan› is dead,» she said."),
            ["The ‹harbour plan› is dead,"]
        );
    }
}
