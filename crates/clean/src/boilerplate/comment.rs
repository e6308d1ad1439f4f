//! Comment-section prompts.
//!
//! ## What it handles
//! "Leave a Comment", "Leave a reply", "Comments (14)", "3 comments", "Join the
//! conversation", "Be the first to comment", "Show comments", "Have your say", "What do you
//! think? Let us know in the comments".
//!
//! ## What it does not
//! The comments themselves when a scraper kept them: they read as prose and need the page
//! structure (HTML input) to be told apart.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"^(leave a (comment|reply)|post a comment|add (a|your) comment|write a comment|comments?( \(\d+\)| \d+)?|\d+ comments?|view( all)? comments|show comments|load comments|join the (conversation|discussion|debate)|be the first to comment|have your say|comment on this (story|article)|share your (thoughts|views)( below| in the comments)?|what do you think\?.*comments.*|let us know (what you think )?in the comments.*|comments are (closed|open))[.!:]?$"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 16 && RE.is_match(line.text)
}
