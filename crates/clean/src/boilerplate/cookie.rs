//! Cookie and consent banners.
//!
//! ## What it handles
//! "We use cookies ...", "This site uses cookies", "Accept all cookies", "Manage cookie
//! preferences", "We and our partners store and/or access information ...", and short
//! consent buttons ("Accept all", "Reject all", "Manage preferences").
//!
//! ## What it does not
//! A report about cookies: the banner cues must open the line.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"^(we (and our (\d+ )?partners )?use cookies|this (web)?site uses cookies|by (continuing|using) (to (use|browse) )?(this|our) (web)?site,? you (agree|accept|consent)|we and our partners (store|use|process)|(accept|reject|allow) (all )?cookies|manage (cookie )?(preferences|settings|consent)|cookie (policy|settings|preferences|consent)|accept all|reject all|your privacy choices|we value your privacy)"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 70 && RE.is_match(line.text)
}
