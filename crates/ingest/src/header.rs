//! The header block of a plain-text article.
//!
//! ## What it handles
//! `Key: value` lines at the very top of a file (`Title`, `Outlet`, `Published`, `URL`,
//! `Author`, `Language`, and a few common aliases), ended by one blank line. Every line of
//! the block must be such a line with a known key, so a body that happens to open with
//! "Witkoff: Russians agreed ..." is never mistaken for a header.
//!
//! A `Published:` date outside the years a publication may have
//! ([`crate::EARLIEST_PUBLICATION_YEAR`] to [`crate::LATEST_PUBLICATION_YEAR`]) is left out
//! of the header, and a text article that declares one is refused when read.
//!
//! ## What it does not
//! Headers that are not at the top, or that are not ended by a blank line: those are read,
//! if at all, by the cleaning stage's metadata rules.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone};
use parallax_model::Header;

use crate::{Problem, EARLIEST_PUBLICATION_YEAR, LATEST_PUBLICATION_YEAR};

/// Reads the header block at the top of `contents`: the metadata it declares and the byte
/// offset where the input text starts (0 when there is no header). A `Published:` value
/// that is no date, or a date outside the years a publication may have, is left out.
pub fn parse_header(contents: &str) -> (Header, usize) {
    let (header, start, _) = read_header(contents);
    (header, start)
}

/// As [`parse_header`], refusing a header whose `Published:` value is a date outside
/// [`EARLIEST_PUBLICATION_YEAR`]..=[`LATEST_PUBLICATION_YEAR`].
pub(crate) fn parse_header_checked(contents: &str) -> Result<(Header, usize), Problem> {
    match read_header(contents) {
        (_, _, Some(date)) => Err(out_of_range(date)),
        (header, start, None) => Ok((header, start)),
    }
}

/// The header, where the text starts, and a `Published:` date out of range, as written.
fn read_header(contents: &str) -> (Header, usize, Option<String>) {
    let none = (Header::default(), 0, None);
    let mut header = Header::default();
    let mut offset = 0;
    let mut out_of_range = None;
    for (seen, line) in contents.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_end_matches(['\n', '\r']);
        if trimmed.trim().is_empty() {
            if seen == 0 {
                return none;
            }
            return (header, offset + line.len(), out_of_range);
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            return none;
        };
        let value = value.trim();
        let value = (!value.is_empty()).then(|| value.to_string());
        match key.trim().to_ascii_lowercase().as_str() {
            "title" | "headline" => header.title = value,
            "outlet" | "source" | "publisher" | "site" => header.outlet = value,
            "published" | "date" | "published_at" => {
                header.published = match value.as_deref().map(published) {
                    Some(Err(Problem::DateOutOfRange { date, .. })) => {
                        out_of_range = Some(date);
                        None
                    }
                    Some(t) => t.ok().flatten(),
                    None => None,
                }
            }
            "url" | "link" => header.url = value,
            "author" | "byline" => header.author = value,
            "language" | "lang" => header.language = value,
            "id" | "updated" | "section" | "kind" => {}
            _ => return none,
        }
        offset += line.len();
    }
    // A file that is all header and no body has no header: its lines are its text.
    none
}

/// Parses a publication time: RFC 3339, or the common near-forms (`2026-03-10 14:05`,
/// `2026-03-10T14:05:00` without a zone, taken as UTC, or a bare date `2026-03-10`).
/// `None` for text that is no such time, and for a time outside the years
/// [`EARLIEST_PUBLICATION_YEAR`]..=[`LATEST_PUBLICATION_YEAR`].
pub fn parse_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    published(s).ok().flatten()
}

/// A declared publication time: `Ok(None)` for text that is no time, an error naming the
/// date for one outside the years a publication may have.
pub(crate) fn published(s: &str) -> Result<Option<DateTime<FixedOffset>>, Problem> {
    match any_timestamp(s) {
        Some(t) if (EARLIEST_PUBLICATION_YEAR..=LATEST_PUBLICATION_YEAR).contains(&t.year()) => {
            Ok(Some(t))
        }
        Some(_) => Err(out_of_range(s.trim().to_string())),
        None => Ok(None),
    }
}

fn out_of_range(date: String) -> Problem {
    Problem::DateOutOfRange {
        date,
        earliest: EARLIEST_PUBLICATION_YEAR,
        latest: LATEST_PUBLICATION_YEAR,
    }
}

/// A time in any of the forms [`parse_timestamp`] reads, whatever its year.
fn any_timestamp(s: &str) -> Option<DateTime<FixedOffset>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t);
    }
    if let Ok(t) = DateTime::parse_from_rfc2822(s) {
        return Some(t);
    }
    let utc = FixedOffset::east_opt(0)?;
    for f in [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return utc.from_local_datetime(&t).single();
        }
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    utc.from_local_datetime(&d.and_hms_opt(0, 0, 0)?).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_blocks() {
        let cases = [
            (
                "Title: A\nOutlet: B\nPublished: 2026-03-10T08:00:00+01:00\n\nText",
                Some("A"),
                57,
            ),
            ("Title: A\r\n\r\nText", Some("A"), 12),
            ("Witkoff: Russians agreed\n\nText", None, 0),
            ("Plain first line\n\nText", None, 0),
            ("Title: only a header\n", None, 0),
            ("\nTitle: A\n\nText", None, 0),
        ];
        for (input, title, start) in cases {
            let (h, at) = parse_header(input);
            assert_eq!(h.title.as_deref(), title, "{input:?}");
            assert_eq!(at, start, "{input:?}");
        }
        let (h, _) =
            parse_header("Title: A\nPublished: 2026-03-10T08:00:00+01:00\nURL: http://x\n\nT");
        assert_eq!(
            h.published.unwrap().to_rfc3339(),
            "2026-03-10T08:00:00+01:00"
        );
        assert_eq!(h.url.as_deref(), Some("http://x"));
    }

    #[test]
    fn timestamps() {
        let ok = [
            ("2026-03-10T08:00:00Z", "2026-03-10T08:00:00+00:00"),
            ("2026-03-10 08:00", "2026-03-10T08:00:00+00:00"),
            ("2026-03-10", "2026-03-10T00:00:00+00:00"),
            (
                "Tue, 10 Mar 2026 08:00:00 +0200",
                "2026-03-10T08:00:00+02:00",
            ),
        ];
        for (s, want) in ok {
            assert_eq!(
                parse_timestamp(s).map(|t| t.to_rfc3339()).as_deref(),
                Some(want),
                "{s}"
            );
        }
        assert!(parse_timestamp("next Tuesday").is_none());
    }
}
