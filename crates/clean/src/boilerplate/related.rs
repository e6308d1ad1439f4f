//! Links to other stories.
//!
//! ## What it handles
//! Lines opening with a related-content cue followed by a separator ("Also Read:", "READ
//! MORE:", "RELATED STORY |", "See also -", "Recommended:", "More from ...:", "Watch:",
//! "Trending:"), and such cues standing alone as a heading ("You may also like", "Most
//! read").
//!
//! ## What it does not
//! The bare headlines listed under such a heading on their own lines: they look like
//! subheads, and are kept.

use super::pattern;
use crate::line::Line;

pattern!(
    CUE,
    r"^[▶►»→•*\s]*(also read|read also|also see|read more|more|related|related (story|stories|articles?|content|coverage|news|reading|topics)|see also|recommended( for you| reading| stories)?|you may (also )?like|you might (also )?(like|be interested in)|more from [\w .'’-]{1,30}|more on (this|that)( story)?|more stories|read next|up next|watch|watch now|trending( now)?|most read|most popular|popular now|don'?t miss|must read|top stories|latest news|explore more|in other news|click here to read|catch up|listen|editor'?s picks?|most (viewed|shared|commented|watched|read)|more in [\w ]{1,25}|more (news|coverage) from [\w ]{1,25}|read the (full|original|complete) [\w ’'-]{1,40}?( at| on| here| below)?|this (article|story) (was )?(originally|first) (appeared|published).*|originally published (at|on|in|by).*)\s*([:|»>–—.-]|$)"
);

pub(super) fn applies(line: &Line) -> bool {
    let Some(m) = CUE.find(line.text) else {
        return false;
    };
    let standalone = m.end() == line.text.len();
    standalone || line.words <= 45
}
