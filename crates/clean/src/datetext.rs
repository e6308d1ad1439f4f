//! Dates and times as news sites print them on source and date lines.
//!
//! ## What it handles
//! `Sunday, August 17, 2025, 10:28:25 AM Eastern Daylight Time`, `August 17, 2025`,
//! `Aug. 17, 2025 10:28 a.m. ET`, `17 August 2025 14:05 BST`, `2025-08-17`, ISO and RFC 3339
//! timestamps; zones by abbreviation or full name from a table of the common ones (US, UK,
//! central and eastern Europe, Moscow, India, east Asia, Australia). `ET`, `CT`, `MT`, `PT`
//! without daylight information take daylight time from March to October.
//!
//! ## What it does not
//! Relative dates ("yesterday"), numeric day/month orders that are ambiguous (`03/04/2025`),
//! dates without a year, and zones outside the table: those give no time rather than a
//! guessed one.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone};
use regex::Regex;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The month number (1-12) of an English month name or abbreviation.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let l = name.trim_end_matches('.').to_ascii_lowercase();
    if l.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| l.starts_with(m) && (full.iter().any(|f| f.starts_with(&l)) || l == "sept"))
        .map(|i| i as u32 + 1)
}

static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?-u:\b)").unwrap()
});
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})(?-u:\b)").unwrap()
});
static ISO_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").unwrap());
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?(?:\s|,|$)")
        .unwrap()
});

/// A date found in a line of text, with its time and zone when the line gives them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FoundDate {
    /// The calendar date.
    pub date: NaiveDate,
    /// The time with its zone, when both are printed.
    pub timestamp: Option<DateTime<FixedOffset>>,
}

/// Finds the first full date (with a year) in `s`.
pub(crate) fn find_date(s: &str) -> Option<FoundDate> {
    if let Some(t) = s.split_whitespace().find_map(|w| {
        DateTime::parse_from_rfc3339(w.trim_matches(|c: char| c == ',' || c == '.')).ok()
    }) {
        return Some(FoundDate {
            date: t.date_naive(),
            timestamp: Some(t),
        });
    }
    let (date, end) = if let Some(c) = MONTH_FIRST.captures(s) {
        let m = month_number(&c[1])?;
        (
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[2].parse().ok()?)?,
            c.get(0)?.end(),
        )
    } else if let Some(c) = DAY_FIRST.captures(s) {
        let m = month_number(&c[2])?;
        (
            NaiveDate::from_ymd_opt(c[3].parse().ok()?, m, c[1].parse().ok()?)?,
            c.get(0)?.end(),
        )
    } else if let Some(c) = ISO_DATE.captures(s) {
        (
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?,
            c.get(0)?.end(),
        )
    } else {
        return None;
    };
    let rest = &s[end..];
    let timestamp = TIME.captures(rest).and_then(|c| {
        let mut hour: u32 = c[1].parse().ok()?;
        let minute: u32 = c[2].parse().ok()?;
        let second: u32 = c.get(3).map_or(Some(0), |m| m.as_str().parse().ok())?;
        if let Some(ampm) = c.get(4) {
            let pm = ampm.as_str().to_ascii_lowercase().starts_with('p');
            hour = match (hour, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, true) => h + 12,
                (h, false) => h,
            };
        }
        let time = NaiveTime::from_hms_opt(hour, minute, second)?;
        let zone = zone_offset(&rest[c.get(0)?.end()..], date)?;
        zone.from_local_datetime(&date.and_time(time)).single()
    });
    Some(FoundDate { date, timestamp })
}

/// The UTC offset of the zone named at the start of `s`.
fn zone_offset(s: &str, date: NaiveDate) -> Option<FixedOffset> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    let summer = (3..=10).contains(&date.month());
    let hours = |h: f32| FixedOffset::east_opt((h * 3600.0) as i32);
    let first = words.first()?.to_ascii_uppercase();
    let named = words
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    let by_name = [
        ("eastern daylight", -4.0),
        ("eastern standard", -5.0),
        ("eastern time", if summer { -4.0 } else { -5.0 }),
        ("central daylight", -5.0),
        ("central standard", -6.0),
        ("central european summer", 2.0),
        ("central european", 1.0),
        ("central time", if summer { -5.0 } else { -6.0 }),
        ("mountain daylight", -6.0),
        ("mountain standard", -7.0),
        ("pacific daylight", -7.0),
        ("pacific standard", -8.0),
        ("pacific time", if summer { -7.0 } else { -8.0 }),
        ("british summer", 1.0),
        ("greenwich mean", 0.0),
        ("eastern european summer", 3.0),
        ("eastern european", 2.0),
        ("moscow", 3.0),
        ("india standard", 5.5),
        ("japan standard", 9.0),
        ("australian eastern daylight", 11.0),
        ("australian eastern standard", 10.0),
    ];
    if let Some((_, h)) = by_name.iter().find(|(n, _)| named.starts_with(n)) {
        return hours(*h);
    }
    let h = match first.trim_end_matches('.') {
        "UTC" | "GMT" | "Z" => 0.0,
        "EDT" => -4.0,
        "EST" => -5.0,
        "ET" => {
            if summer {
                -4.0
            } else {
                -5.0
            }
        }
        "CDT" => -5.0,
        "CST" => -6.0,
        "CT" => {
            if summer {
                -5.0
            } else {
                -6.0
            }
        }
        "MDT" => -6.0,
        "MST" => -7.0,
        "MT" => {
            if summer {
                -6.0
            } else {
                -7.0
            }
        }
        "PDT" => -7.0,
        "PST" => -8.0,
        "PT" => {
            if summer {
                -7.0
            } else {
                -8.0
            }
        }
        "BST" => 1.0,
        "CET" => 1.0,
        "CEST" => 2.0,
        "EET" => 2.0,
        "EEST" => 3.0,
        "MSK" => 3.0,
        "IST" => 5.5,
        "SGT" | "HKT" | "AWST" => 8.0,
        "JST" | "KST" => 9.0,
        "AEST" => 10.0,
        "AEDT" => 11.0,
        _ => return None,
    };
    hours(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_on_source_lines() {
        let cases = [
            (
                "Sunday, August 17, 2025, 10:28:25 AM Eastern Daylight Time",
                "2025-08-17",
                Some("2025-08-17T10:28:25-04:00"),
            ),
            ("August 17, 2025", "2025-08-17", None),
            (
                "Aug. 17, 2025 10:28 a.m. ET",
                "2025-08-17",
                Some("2025-08-17T10:28:00-04:00"),
            ),
            (
                "17 August 2025 14:05 BST",
                "2025-08-17",
                Some("2025-08-17T14:05:00+01:00"),
            ),
            (
                "Tue 3 March 2026 09.15 GMT",
                "2026-03-03",
                Some("2026-03-03T09:15:00+00:00"),
            ),
            (
                "Published 2026-03-10T08:00:00+01:00",
                "2026-03-10",
                Some("2026-03-10T08:00:00+01:00"),
            ),
            ("Updated 2026-03-10 at 8 pm", "2026-03-10", None),
            (
                "December 1, 2025, 12:05 PM PST",
                "2025-12-01",
                Some("2025-12-01T12:05:00-08:00"),
            ),
        ];
        for (s, date, ts) in cases {
            let f = find_date(s).unwrap_or_else(|| panic!("no date in {s}"));
            assert_eq!(f.date.to_string(), date, "{s}");
            assert_eq!(f.timestamp.map(|t| t.to_rfc3339()).as_deref(), ts, "{s}");
        }
        for s in ["Sunday", "June 3", "03/04/2025", "Mayor said 12 people"] {
            assert!(find_date(s).is_none(), "{s}");
        }
    }

    #[test]
    fn month_names() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("august"), Some(8));
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number("Ma"), None);
    }
}
