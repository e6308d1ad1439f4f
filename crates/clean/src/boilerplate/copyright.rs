//! Copyright and rights lines.
//!
//! ## What it handles
//! "© 2026 The Harbour Gazette", "(c) 2026 ...", "Copyright 2026 ...", "All rights reserved",
//! "This material may not be published, broadcast, rewritten or redistributed", and the
//! line blog feeds append to every entry: "The post ... appeared first on ...".
//!
//! ## What it does not
//! A report about a copyright dispute: such sentences do not open with the sign or the word
//! and a year.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"(^(©|\(c\)\s*\d{4}|copyright\s*(©\s*)?(\d{4}|\(c\)))|all rights reserved|this material may not be (published|reproduced|broadcast)|may not be (reproduced|republished|redistributed) without|^the post .{3,200} appeared first on )"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 40 && RE.is_match(line.text)
}
