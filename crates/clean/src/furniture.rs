//! Page furniture around the report: short lines before its first sentence and link-like
//! lines after its last.
//!
//! ## What it handles
//! - Before the report: lines of at most four words that are not sentences, between the
//!   headline and the first line of prose (an author's name on its own, a role, a place
//!   tag, "Updated 2h ago" variants the metadata rules do not know).
//! - After the report: lines of at most 14 words after its last sentence that do not end
//!   like a sentence: the headlines of other stories a scraper kept ("Match ratings: how
//!   every Rovers player performed") and page buttons ("Save this recipe"). A line with a
//!   colon or a bar reads as a link to another story, anything else as page navigation.
//!
//! ## What it does not
//! Lines in the middle of an article (subheads stay), longer standfirsts before the report,
//! or anything in a text that has no sentence at all (a forecast widget is left whole; its
//! kind says what it is).

use parallax_model::Reason;

use crate::line::Line;

/// The lines (by index) that lead or trail the report, each with its reason.
pub(crate) fn furniture(lines: &[Line], verdict: &[Option<Reason>]) -> Vec<(usize, Reason)> {
    let mut found = leading(lines, verdict);
    found.extend(trailing(lines, verdict));
    found
}

fn leading(lines: &[Line], verdict: &[Option<Reason>]) -> Vec<(usize, Reason)> {
    let mut found = Vec::new();
    for line in lines {
        if verdict[line.index].is_some() {
            continue;
        }
        if line.ends_as_sentence() || line.words > 4 {
            // The report starts here, if this is prose.
            return if line.words >= 8 { found } else { Vec::new() };
        }
        found.push((line.index, Reason::Metadata));
    }
    Vec::new()
}

fn trailing(lines: &[Line], verdict: &[Option<Reason>]) -> Vec<(usize, Reason)> {
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
