//! A note about the author placed after the report.
//!
//! ## What it handles
//! One of the last two lines naming someone as a columnist, correspondent, professor or
//! the like ("Lena Park is a columnist for ...", "The writer is a senior fellow at ...").
//!
//! ## What it does not
//! Such a sentence inside the report: position decides, so a profile sentence in the middle
//! stays.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"^(the (writer|author)|[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){0,3}) is (a|an|the)( [\w-]+){0,4} (columnist|correspondent|reporter|editor|writer|professor|lecturer|fellow|author|journalist|contributor|director|analyst|commentator|researcher|economist)(?-u:\b)"
);

pub(super) fn applies(line: &Line) -> bool {
    line.near_end(2) && line.words <= 60 && RE.is_match(line.text)
}
