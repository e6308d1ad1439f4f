//! Section labels at the top of an article.
//!
//! ## What it handles
//! A line of one to three words among the first three lines naming a section ("Opinion",
//! "World News", "Analysis", "Breaking", "Exclusive", "Live", "Entertainment"). Opinion labels also mark the
//! article as a column (see [`is_opinion_label`]).
//!
//! ## What it does not
//! Labels further down, which are subheads.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"^(opinion|comment|commentary|editorial|column|columns|op-ed|analysis|perspective|viewpoint|letters?|world|world news|news|politics|business|economy|sport|sports|culture|science|health|europe|africa|asia|americas|middle east|local|national|breaking|breaking news|exclusive|live|live updates|latest|features?|investigation|entertainment|lifestyle|travel|food|food and drink|technology|tech|climate|environment|education|property|motoring|arts|books|music|film|tv|media|weather|crime|justice|obituaries)[.:]?$"
);
pattern!(
    OPINION,
    r"^(opinion|comment|commentary|editorial|column|columns|op-ed|perspective|viewpoint|letters?|guest (column|essay|opinion)|our view|my view)(?-u:\b)"
);

pub(super) fn applies(line: &Line) -> bool {
    line.near_start(3) && line.words <= 3 && RE.is_match(line.text)
}

/// True for a label or title prefix that marks a column ("Opinion", "Opinion |", "Guest
/// column:").
pub(crate) fn is_opinion_label(s: &str) -> bool {
    OPINION.is_match(s.trim())
}
