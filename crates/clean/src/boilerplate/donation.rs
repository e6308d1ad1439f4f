//! Appeals for money or membership.
//!
//! ## What it handles
//! A short line (at most 60 words) that asks for a donation, a contribution or a membership
//! and speaks of the outlet's journalism or of a price ("Independent journalism needs your
//! support. Donate today", "Become a member from just £3 a month").
//!
//! Short buttons ("Donate now", "Become a member", "Support us") go too.
//!
//! ## What it does not
//! A report on a fundraising drive: the appeal must ask the reader (an imperative or "you",
//! "your") and speak of the outlet's own work or a price.

use super::pattern;
use crate::line::Line;

pattern!(
    ASK,
    r"(?-u:\b)(donate|donation|contribute|contribution|become a (member|supporter|subscriber|patron)|support (us|our|independent)|chip in|make a (gift|one-off|monthly)|give (today|now|monthly)|support the guardian|your support)(?-u:\b)"
);
pattern!(
    OUR_WORK,
    r"(?-u:\b)(journalism|newsroom|our (work|reporting|reporters|mission)|independent|reader[- ]funded|free (for|to) (everyone|all|read)|paywall|[$£€]\s?\d|a month|per month|monthly|today)(?-u:\b)"
);
pattern!(
    READER,
    r"(?-u:\b)(you|your|donate|become|support us|chip in|give)(?-u:\b)"
);

pub(super) fn applies(line: &Line) -> bool {
    if line.words <= 5 && ASK.is_match(line.text) && !line.ends_as_sentence() {
        return true;
    }
    line.words <= 60
        && ASK.is_match(line.text)
        && OUR_WORK.is_match(line.text)
        && READER.is_match(line.text)
        && !line.text.contains(" said")
        && !line.text.contains("according to")
}
