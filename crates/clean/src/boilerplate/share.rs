//! Share bars.
//!
//! ## What it handles
//! Short lines made only of sharing words and network names ("Share", "Share on Facebook
//! Share on Twitter", "Facebook Twitter WhatsApp Email Copy link", "Share this article",
//! "Tweet", "Print Email").
//!
//! ## What it does not
//! A sentence of the report about sharing: every word must belong to the share vocabulary.

use crate::line::Line;

const VOCABULARY: &[&str] = &[
    "share",
    "shares",
    "shared",
    "sharing",
    "tweet",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "email",
    "e-mail",
    "mail",
    "linkedin",
    "reddit",
    "telegram",
    "pinterest",
    "print",
    "copy",
    "copied",
    "link",
    "url",
    "this",
    "article",
    "story",
    "page",
    "on",
    "via",
    "with",
    "messenger",
    "save",
    "bluesky",
    "threads",
    "gift",
    "flipboard",
    "sms",
    "more",
    "options",
    "the",
    "your",
    "friends",
    "to",
    "clipboard",
    "a",
    "friend",
    "click",
    "opens",
    "open",
    "in",
    "new",
    "window",
    "tab",
    "send",
];
const CUES: &[&str] = &[
    "share", "tweet", "facebook", "twitter", "whatsapp", "email", "linkedin", "copy", "telegram",
    "print", "reddit",
];

pub(super) fn applies(line: &Line) -> bool {
    if line.words > 16 {
        return false;
    }
    // The blogging platforms' share and like bars.
    if matches!(
        line.lower.trim(),
        "share this:" | "like this:" | "like this" | "share this"
    ) {
        return true;
    }
    let words: Vec<String> = line
        .lower
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_string()
        })
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    !words.is_empty()
        && words.iter().all(|w| VOCABULARY.contains(&w.as_str()))
        && words.iter().any(|w| CUES.contains(&w.as_str()))
}
