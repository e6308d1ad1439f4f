//! One quotation or report as one article prints it, before alignment.

/// A quotation or a report of speech as one article prints it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    /// Index of the paragraph it starts in.
    pub paragraph: usize,
    /// The quoted characters, one part per quoted span; for reported speech, the clause.
    pub parts: Vec<String>,
    /// The attributing words.
    pub attribution: Option<String>,
    /// The speaker as the article names them, fullest form found in the article.
    pub speaker: Option<String>,
    /// True inside quote marks; false for reported speech ("X said that ...").
    pub direct: bool,
    /// In the article's headline, which may quote again what its body quotes.
    pub headline: bool,
    /// Where each part stands in the article's input text, in Unicode scalar values, when
    /// every part stands there (not for a headline from a header block).
    pub spans: Option<Vec<[usize; 2]>>,
    /// The sentences that print the words with their attribution, when both stand in one
    /// paragraph: what shows who an outlet says spoke.
    pub context: Option<String>,
}
