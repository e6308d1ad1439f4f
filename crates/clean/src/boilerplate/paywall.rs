//! Paywall and subscription prompts.
//!
//! ## What it handles
//! "Subscribe to continue reading", "This article is for subscribers only", "You have 2 free
//! articles left", "Already a subscriber? Log in", "Unlock this article", "Register to read
//! more".
//!
//! ## What it does not
//! The teaser text before a paywall, which is part of the report.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"((subscribe|register|log ?in|sign in)( now)? to (continue|read|keep reading|unlock|access)|(this|the) (article|story|content) is (for|only available to|reserved for|exclusive to) (subscribers|members)|free (articles?|stories) (left|remaining)|already a (subscriber|member)\??|you'?ve (reached|used) (your|all)|unlock (this|the full) (article|story)|to continue reading|subscriber[- ]only|premium (article|content))"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 30 && RE.is_match(line.text)
}
