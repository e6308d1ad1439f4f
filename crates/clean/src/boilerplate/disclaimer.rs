//! Disclaimers.
//!
//! ## What it handles
//! "The views expressed ... are the author's own", "... do not necessarily reflect ...",
//! "This article is for information only and is not financial advice".
//!
//! ## What it does not
//! Corrections and editor's notes, which are part of the record and stay.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"((views|opinions) expressed (in|here|by|are)|do(es)? not necessarily (reflect|represent)|is not (intended as )?(financial|investment|legal) advice|for (general )?information(al)? purposes only)"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 45 && RE.is_match(line.text)
}
