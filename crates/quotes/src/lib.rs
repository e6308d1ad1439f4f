//! Quotations: who said what, and how faithfully each outlet reported it.
//!
//! Word boundaries in the patterns are ASCII ones, `(?-u:\b)`: a Unicode `\b` makes the
//! regex engine's fast lazy DFA give up at the first non-ASCII byte (a curly quote, a dash,
//! an accented name) and fall back to an engine several times slower. The words they bound
//! are ASCII, so the two agree everywhere but right next to a non-ASCII letter.
//!
//! [`direct_quotes`] finds the direct quotations of one article with their attribution and
//! speaker, [`reported_speech`] its reported speech ("X said that ...", "..., the coastguard
//! said", "according to X, ..."); [`align`] groups the quotations of a story's articles into
//! utterances and grades each outlet's version against the fullest one, and
//! [`split_reported`] sets apart the utterances no outlet quotes.

mod align;
mod extract;
mod marks;
mod reported;

pub use align::{align, align_by_meaning, split_reported, EmbedFn, Fidelity};
pub use extract::{direct_quotes, unmarked_speech, Found, Roles};
pub use reported::reported_speech;
