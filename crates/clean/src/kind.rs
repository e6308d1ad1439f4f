//! Telling news from opinion and from text that is not journalism.
//!
//! ## What it handles
//! - Opinion: a column label or title prefix ("Opinion", "Opinion |", "Editorial:",
//!   "Guest column"), an author note or "views expressed" disclaimer, or a text that argues
//!   in the first person and hardly attributes anything.
//! - Other: shop pages and forecast widgets (prices and carts, temperatures with humidity
//!   and wind) that attribute nothing.
//!
//! ## What it does not
//! Tell news analysis from news: analysis reads as news unless it is labelled as opinion.

use std::sync::LazyLock;

use parallax_model::Kind;
use regex::Regex;

use crate::signals::Signals;

static NOT_JOURNALISM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(add to (cart|basket|bag)|in stock|out of stock|free shipping|buy now|checkout|(?-u:\b)sku(?-u:\b)|customer reviews|humidity|wind:? \d|feels like|chance of (rain|precipitation)|uv index|\d+\s*°\s*[cf](?-u:\b)|hourly forecast|10-day forecast)").unwrap()
});

/// What the cleaning stage knows when it decides the kind.
pub(crate) struct Evidence<'a> {
    pub title: Option<&'a str>,
    pub labels: Vec<&'a str>,
    pub has_author_note: bool,
    pub has_dateline: bool,
    pub paragraphs: Vec<&'a str>,
}

pub(crate) fn classify(e: &Evidence) -> Kind {
    let body = e.paragraphs.join("\n");
    let mut s = Signals::default();
    for p in &e.paragraphs {
        s.add(Signals::of(p));
    }
    let cues: std::collections::HashSet<String> = NOT_JOURNALISM
        .find_iter(&body)
        .map(|m| m.as_str().to_lowercase())
        .collect();
    if cues.len() >= 2 && s.attribution <= 1 {
        return Kind::Other;
    }
    let labelled = e
        .labels
        .iter()
        .any(|l| crate::boilerplate::is_opinion_label(l))
        || e.title.is_some_and(|t| {
            let head = t.split([':', '|', '–', '—']).next().unwrap_or("");
            head.len() < t.len() && crate::boilerplate::is_opinion_label(head)
        });
    if labelled || e.has_author_note {
        return Kind::Opinion;
    }
    if e.has_dateline || s.words < 80 {
        return Kind::News;
    }
    let attribution = s.rate(s.attribution + s.quotes);
    let first_person = s.rate(s.i);
    let argument = s.rate(s.argument + s.we);
    if (first_person >= 1.0 && attribution < 1.5) || (argument >= 2.0 && attribution < 1.0) {
        Kind::Opinion
    } else {
        Kind::News
    }
}
