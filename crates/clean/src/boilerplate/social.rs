//! "Follow us" and app prompts.
//!
//! ## What it handles
//! "Follow us on ...", "Follow @name", "Like us on Facebook", "Join our WhatsApp channel",
//! "Download our app", "Get the app", "Subscribe to our YouTube channel", "Listen to our
//! podcast".
//!
//! ## What it does not
//! "Follow-up" and other uses of "follow" in reporting: the cue must address the reader.

use super::pattern;
use crate::line::Line;

pattern!(
    RE,
    r"^(follow (us|@\w+|me|the [\w ]{1,20}) on(?-u:\b)|follow us(?-u:\b)|follow @\w+|like us on|find us on|join (us|our [\w ]{0,20}(channel|group|community)) on|join our (whatsapp|telegram|discord|facebook)|download (our|the [\w ]{1,20}) app|get (our|the) app|subscribe to our (podcast|youtube|channel)|listen to (our|the [\w ]{1,20}) podcast)"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 30 && RE.is_match(line.text)
}
