//! Link-like lines after the end of the report.
//!
//! ## What it handles
//! Short lines (at most 14 words) after the report's last sentence that do not end like a
//! sentence: the headlines of other stories a scraper kept ("Match ratings: how every
//! Rovers player performed"), and page buttons ("Save this recipe"). A line with a colon or
//! a bar reads as a link to another story, anything else as page navigation.
//!
//! ## What it does not
//! Such lines in the middle of an article (subheads stay), or in a text that has no
//! sentence at all (a forecast widget is left whole; its kind says what it is).

use parallax_model::Reason;

use crate::line::Line;

/// The lines (by index) that trail the report, each with its reason.
pub(crate) fn trailing_furniture(
    lines: &[Line],
    verdict: &[Option<Reason>],
) -> Vec<(usize, Reason)> {
    let mut found = Vec::new();
    for line in lines.iter().rev() {
        if verdict[line.index].is_some() {
            continue;
        }
        let opens_quote = line.text.starts_with(['"', '“', '‘', '\'']);
        if line.ends_as_sentence() || opens_quote || line.words > 14 {
            // The report ends here: what came after it is furniture, unless nothing did.
            return if line.ends_as_sentence() {
                found
            } else {
                Vec::new()
            };
        }
        let reason = if line.text.contains([':', '|']) {
            Reason::RelatedLink
        } else {
            Reason::Navigation
        };
        found.push((line.index, reason));
    }
    Vec::new()
}
