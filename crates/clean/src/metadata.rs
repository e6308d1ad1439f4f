//! Metadata that a headerless article carries in its first lines.
//!
//! ## What it handles
//! - a headline as the first line (no closing full stop, at most 30 words), unless the
//!   input declared a different title;
//! - a source/date line, `site -- Weekday, Month D, YYYY, H:MM:SS AM Zone` or `Outlet |
//!   17 August 2025`, giving the outlet and the publication time;
//! - `Published:` / `Updated:` lines and bare date lines, giving the publication time;
//! - `Source: Outlet` / `Publisher: Outlet` lines, giving the outlet;
//! - a byline among the first lines, giving the author.
//!
//! ## What it does not
//! Overrule what the input declared: header values win, and text values only fill gaps.
//! Dates without a year are never completed by guessing one.

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, TimeZone};
use parallax_model::{Header, Reason};
use regex::Regex;

use crate::boilerplate;
use crate::datetext::find_date;
use crate::line::Line;

/// How many leading lines may carry metadata.
const LEADING: usize = 6;

static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<site>[^\s|].{0,60}?)\s+(?:--|—|–|\||·|•)\s+(?P<rest>.{6,80})$").unwrap()
});
static SOURCE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(source|outlet|publisher|published by|publication)\s*:\s*(?P<name>\S.{0,60})$",
    )
    .unwrap()
});
static DATED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(published|updated|last updated|posted|first published|date)( on| at)?\s*:?\s*",
    )
    .unwrap()
});

/// What the leading lines say about the article.
#[derive(Debug, Default)]
pub(crate) struct Leading {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<DateTime<FixedOffset>>,
    pub author: Option<String>,
    /// Lines (by index) that carried metadata, with the reason they leave the body.
    pub lines: Vec<(usize, Reason)>,
}

/// Reads the metadata in the first lines of an article.
///
/// `wrapped` says the text is hard-wrapped, so a long first line that runs on into the next
/// is the start of a paragraph, not a headline.
pub(crate) fn read_leading(lines: &[Line], header: &Header, wrapped: bool) -> Leading {
    let mut found = Leading::default();
    for line in lines.iter().take(LEADING) {
        if let Some(c) = SOURCE_LINE.captures(line.text) {
            if let Some(date) = find_date(&c["rest"]) {
                let site = c["site"].trim().trim_end_matches([',', ':']);
                if let Some(author) = boilerplate::author_of(site) {
                    found.author.get_or_insert(author);
                    found
                        .published
                        .get_or_insert(date.timestamp.unwrap_or_else(|| noon(date.date)));
                    found.lines.push((line.index, Reason::Byline));
                    continue;
                }
                if site.split_whitespace().count() <= 6 && find_date(site).is_none() {
                    found.outlet.get_or_insert_with(|| site.to_string());
                    found
                        .published
                        .get_or_insert(date.timestamp.unwrap_or_else(|| noon(date.date)));
                    found.lines.push((line.index, Reason::Metadata));
                    continue;
                }
            }
        }
        if let Some(c) = SOURCE_LABEL.captures(line.text) {
            let name = c["name"].trim();
            if find_date(name).is_none() && name.split_whitespace().count() <= 6 {
                found.outlet.get_or_insert_with(|| name.to_string());
                found.lines.push((line.index, Reason::Metadata));
                continue;
            }
        }
        if let Some(m) = DATED_LABEL.find(line.text) {
            if line.words <= 16 {
                if let Some(date) = find_date(&line.text[m.end()..]) {
                    found
                        .published
                        .get_or_insert(date.timestamp.unwrap_or_else(|| noon(date.date)));
                    found.lines.push((line.index, Reason::Metadata));
                    continue;
                }
            }
        }
        if found.author.is_none() {
            if let Some(a) = boilerplate::author_of(line.text) {
                found.author = Some(a);
                found.lines.push((line.index, Reason::Byline));
                continue;
            }
        }
    }
    if let Some(first) = lines.first() {
        let taken = found.lines.iter().any(|(i, _)| *i == first.index);
        // A first line continued by the next one (hard-wrapped prose) is no headline.
        let wrapped = lines.get(1).is_some_and(|next| {
            let starts = next.text.chars().next();
            !found.lines.iter().any(|(i, _)| *i == next.index)
                && text_between_is_one_newline(first, next)
                && (starts.is_some_and(char::is_lowercase)
                    || (wrapped && starts.is_some_and(char::is_alphanumeric)))
        });
        if !taken && !wrapped && is_headline(first) && boilerplate::classify(first).is_none() {
            let same = |t: &str| {
                parallax_text::flatten_whitespace(t)
                    == parallax_text::flatten_whitespace(first.text)
            };
            match &header.title {
                Some(t) if same(t) => found.lines.push((first.index, Reason::Title)),
                Some(_) => {}
                None => {
                    found.title = Some(first.text.to_string());
                    found.lines.push((first.index, Reason::Title));
                }
            }
        }
    }
    found
}

fn text_between_is_one_newline(a: &Line, b: &Line) -> bool {
    b.span.start.saturating_sub(a.span.end) <= 2
}

/// A date printed without a time, as a timestamp: noon UTC, which falls on the same calendar
/// date in every zone from UTC−11 to UTC+11 (midnight would be the day before in the
/// Americas), and which no precise time of that day loses to when "earliest" is decided.
pub(crate) fn noon(date: chrono::NaiveDate) -> DateTime<FixedOffset> {
    FixedOffset::east_opt(0)
        .unwrap()
        .from_local_datetime(&date.and_hms_opt(12, 0, 0).unwrap())
        .unwrap()
}

/// A first line shaped like a headline: a few words, no closing full stop, not a dateline.
fn is_headline(line: &Line) -> bool {
    (2..=30).contains(&line.words)
        && !line.text.ends_with('.')
        && !line.text.ends_with(':')
        && crate::dateline::split(line.text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_text::Span;

    fn lines(text: &str) -> Vec<Line<'_>> {
        let spans: Vec<Span> = parallax_text::lines(text)
            .filter(|s| !s.is_blank(text))
            .collect();
        spans
            .iter()
            .enumerate()
            .map(|(i, s)| Line::new(s.slice(text), *s, i, spans.len()))
            .collect()
    }

    #[test]
    fn source_line_and_headline() {
        let text = "US envoy says deal is near\nshropshirestar.com -- Sunday, August 17, 2025, 10:28:25 AM Eastern Daylight Time\n\nBody sentence one.";
        let l = lines(text);
        let m = read_leading(&l, &Header::default(), false);
        assert_eq!(m.title.as_deref(), Some("US envoy says deal is near"));
        assert_eq!(m.outlet.as_deref(), Some("shropshirestar.com"));
        assert_eq!(
            m.published.unwrap().to_rfc3339(),
            "2025-08-17T10:28:25-04:00"
        );
        assert_eq!(m.lines, vec![(1, Reason::Metadata), (0, Reason::Title)]);
    }

    #[test]
    fn headers_win_and_sentences_are_not_titles() {
        let text = "A first sentence that ends like prose.\nPublished: 12 March 2026 09:30 CET\nBy Ida Brenner\nText.";
        let l = lines(text);
        let m = read_leading(&l, &Header::default(), false);
        assert_eq!(m.title, None);
        assert_eq!(
            m.published.unwrap().to_rfc3339(),
            "2026-03-12T09:30:00+01:00"
        );
        assert_eq!(m.author.as_deref(), Some("Ida Brenner"));
        let text = "Source: The Lisk Herald\nThe bridge closed on Monday, the council said.";
        assert_eq!(
            read_leading(&lines(text), &Header::default(), false)
                .outlet
                .as_deref(),
            Some("The Lisk Herald")
        );
        let text = "Different Kicker Line\nBody.";
        let header = Header {
            title: Some("Real title".into()),
            ..Header::default()
        };
        assert!(read_leading(&lines(text), &header, false).lines.is_empty());
        let header = Header {
            title: Some("Different  Kicker Line".into()),
            ..Header::default()
        };
        assert_eq!(
            read_leading(&lines(text), &header, false).lines,
            vec![(0, Reason::Title)]
        );
    }
}
