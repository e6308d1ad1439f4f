//! Quotations: who said what, and how faithfully each outlet reported it.
//!
//! [`direct_quotes`] finds the direct quotations of one article with their attribution and
//! speaker, [`reported_speech`] its "X said that ..." clauses; [`align`] groups the quotations of a story's articles into utterances and grades
//! each outlet's version against the fullest one.

mod align;
mod extract;
mod marks;
mod reported;

pub use align::{align, align_by_meaning, split_reported, EmbedFn, Fidelity};
pub use extract::{direct_quotes, unmarked_speech, Found};
pub use reported::reported_speech;
