//! Newsletter sign-up prompts.
//!
//! ## What it handles
//! A line opening with a sign-up cue ("Sign up", "Subscribe to our", "Get the ... newsletter",
//! "Enter your email") and speaking of a newsletter, a briefing, an inbox or alerts; and
//! short labels such as "Newsletter sign-up" or "Your email address".
//!
//! ## What it does not
//! A report that mentions a newsletter: the cue must open the line and the line must
//! address the reader.

use super::pattern;
use crate::line::Line;

pattern!(
    CUE,
    r"^(sign up|signup|subscribe( now)?( to| for)?|get (the|our)|receive (the|our)|enter your e-?mail|don'?t miss|never miss|stay (informed|updated|up to date)|want (the|more)|like this (story|article)\?|newsletter|by signing up|your e-?mail( address)?)(?-u:\b)"
);
pattern!(
    WHAT,
    r"(?-u:\b)(newsletters?|briefings?|inbox|e-?mail|alerts|daily digest|weekly digest|free updates)(?-u:\b)"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 45 && CUE.is_match(line.text) && WHAT.is_match(line.text)
}
