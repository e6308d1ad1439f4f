//! Quotations: who said what, and how faithfully each outlet reported it.
//!
//! An article's quotations and reports of speech come from its reading
//! ([`parallax_read`]): [`said`] turns each attribution frame into a [`Found`] with its
//! parts, attribution and speaker, and [`unmarked`] adds the first-person sentences printed
//! without quote marks that may render someone's words. [`Roles`] names a speaker an
//! article knows only by a role after the story's other articles. [`align`] groups the
//! quotations of a story's articles into utterances and grades each outlet's version
//! against the fullest one, and [`split_reported`] sets apart the utterances no outlet
//! quotes.

mod align;
mod found;
mod read;
mod roles;

pub use align::{align, align_by_meaning, split_reported, EmbedFn, Fidelity};
pub use found::Found;
pub use read::{in_headline, said, unmarked};
pub use roles::Roles;
