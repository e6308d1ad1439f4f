//! Tag and category lists.
//!
//! ## What it handles
//! "Tags: ...", "Topics:", "Categories:", "Filed under:", "Keywords:", "Related topics:",
//! "More about:".
//!
//! ## What it does not
//! Untagged keyword lists (a line of comma-separated words without a label).

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"^(tags?|tagged( with)?|topics?|categories|category|filed under|keywords|related topics|more about|subjects?|posted in|sources?)\s*:"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 40 && RE.is_match(line.text)
}
