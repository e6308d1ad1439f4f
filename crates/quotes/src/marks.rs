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
//! ## What it does not
//! Straight single quotes as primary marks: they cannot be told from apostrophes.

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
}
