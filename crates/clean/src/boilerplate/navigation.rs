//! Site navigation.
//!
//! ## What it handles
//! Breadcrumbs ("Home > News > Europe", "World / Europe / Norland"), skip links, menu and
//! search labels, "Back to top", "Next article", "Print this page", "Loading...", and short
//! lines made only of navigation words.
//!
//! ## What it does not
//! Menus that a scraper flattened into one long line of section names; those need the page
//! structure (HTML input).

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"^(home|skip to (main )?content|skip navigation|main menu|menu|search|sign in|log in|login|register|back to top|next (article|story)|previous (article|story)|print( this (page|article))?|close|open menu|loading\.*|click here( to read more)?|read full (article|story)|view (gallery|slideshow)|enlarge (image|this image)|toggle navigation|menu close|your browser does not support[\w ]*|(please )?enable javascript[\w ,]*|javascript is (disabled|required)[\w ,]*|advertisement feedback|report an error|send us a tip|contact us|privacy policy|terms of (use|service)|about us|jump to( main)? content)[.!]?$"
);
pattern!(CRUMBS, r"^[^>»›/\\]+(\s+(>|»|›|/|\\)\s+[^>»›/\\]+)+$");

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 12
        && (RE.is_match(line.text) || (CRUMBS.is_match(line.text) && !line.ends_as_sentence()))
}
