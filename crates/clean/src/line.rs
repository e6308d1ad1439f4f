//! A line of an article's input text with what the rules look at.

use parallax_text::Span;

/// One non-blank line, trimmed.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// The trimmed text.
    pub text: &'a str,
    /// Its position in the input text.
    pub span: Span,
    /// Lower-cased text.
    pub lower: String,
    /// Number of words.
    pub words: usize,
    /// Position among the non-blank lines.
    pub index: usize,
    /// Number of non-blank lines in the article.
    pub count: usize,
}

impl<'a> Line<'a> {
    pub(crate) fn new(text: &'a str, span: Span, index: usize, count: usize) -> Self {
        Line {
            text,
            span,
            lower: text.to_lowercase(),
            words: text.split_whitespace().count(),
            index,
            count,
        }
    }

    /// True when the line ends like a sentence of prose.
    pub(crate) fn ends_as_sentence(&self) -> bool {
        self.text
            .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
            .ends_with(['.', '!', '?', ':', ';'])
    }

    /// True among the last `n` lines.
    pub(crate) fn near_end(&self, n: usize) -> bool {
        self.index + n >= self.count
    }

    /// True among the first `n` lines.
    pub(crate) fn near_start(&self, n: usize) -> bool {
        self.index < n
    }
}

#[cfg(test)]
pub(crate) fn line(text: &str) -> Line<'_> {
    Line::new(text, Span::new(0, text.len()), 5, 10)
}
