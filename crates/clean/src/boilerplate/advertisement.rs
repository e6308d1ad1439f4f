//! Advertisement markers.
//!
//! ## What it handles
//! Lines that only label an ad slot or say the story continues past one: "Advertisement",
//! "ADVERTISEMENT", "Sponsored", "Paid content", "Story continues below advertisement",
//! "Continue reading the main story", "Scroll to continue with content", "Sponsored by
//! ...".
//!
//! ## What it does not
//! The ads' own copy, which rarely survives scraping as text.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"^(advertisements?|ad|ads|sponsored( content| post| link)?|promoted( content| stories)?|paid (content|post|partner content)|partner content|story continues (below|after)( this)? (advertisement|ad)|continue reading (the main story|below)|scroll (down )?to continue( with content)?|article continues below( advertisement)?)[.:]?$|^(sponsored|presented|brought to you|supported) by(?-u:\b)"
);

pattern!(
    LABELLED,
    r"^(advertisement|sponsored|ad)\s*[-–—:|]\s*[\w ]{0,40}$"
);

pub(super) fn applies(line: &Line) -> bool {
    if line.words <= 8 && LABELLED.is_match(line.text) {
        return true;
    }
    line.words <= 10 && RE.is_match(line.text)
}
