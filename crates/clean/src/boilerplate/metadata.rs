//! Publication metadata printed in the text.
//!
//! ## What it handles
//! "Published On:" (empty or with a date), "Updated: March 10, 2026 08:14 CET", "Last
//! updated 2 hours ago", "Posted on ...", "4 min read", "Reading time: 3 minutes", and a line
//! that is only a date or a date and time. The dates themselves are read by
//! [`crate::metadata`].
//!
//! ## What it does not
//! Dates inside sentences of the report.

use super::pattern;
use crate::datetext::find_date;
use crate::line::Line;

pattern!(
    LABEL,
    r"^(published|updated|last updated|last modified|modified|posted|first published|originally published|date|dated)( on| at)?(?-u:\b)\s*:?"
);
pattern!(
    READING,
    r"^(\d+\s*(-|to)?\s*(\d+\s*)?min(ute)?s?\.?( read| reading time)?|(estimated )?reading time\s*:?.*|listen to this article.*|\d+:\d\d( min)?|audio available.*)$"
);
pattern!(
    AGO,
    r"^(\d+|an?|one|two|three) (seconds?|minutes?|mins?|hours?|hrs?|days?) ago$"
);

pub(super) fn applies(line: &Line) -> bool {
    if line.words > 16 {
        return false;
    }
    if LABEL.is_match(line.text) {
        let rest = LABEL.replace(line.text, "");
        let rest = rest.trim();
        return rest.is_empty()
            || find_date(rest).is_some()
            || AGO.is_match(rest)
            || rest.split_whitespace().count() <= 6;
    }
    if READING.is_match(line.text) || AGO.is_match(line.text) {
        return true;
    }
    is_bare_date(line)
}

/// A line that is nothing but a date, perhaps with a weekday and a time.
fn is_bare_date(line: &Line) -> bool {
    if line.words > 9 || find_date(line.text).is_none() {
        return false;
    }
    line.text.split_whitespace().all(|w| {
        let w =
            w.trim_matches(|c: char| matches!(c, ',' | '.' | '|' | '(' | ')' | '-' | '–' | '—'));
        w.is_empty()
            || w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '-' | '/' | 'T' | 'Z' | '+'))
            || crate::datetext::month_number(w).is_some()
            || WEEKDAY_OR_ZONE.is_match(w)
    })
}

pattern!(
    WEEKDAY_OR_ZONE,
    r"^(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?$|^(a\.?m\.?|p\.?m\.?|utc|gmt|bst|cet|cest|eet|eest|edt|est|et|cdt|cst|pdt|pst|ist|jst|msk|updated|published|at|on)$|^(\d+(st|nd|rd|th))$"
);
