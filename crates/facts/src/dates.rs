//! Date expressions, resolved against the day an article was published.
//!
//! ## What it handles
//! - Calendar dates: `August 15, 2025`, `15 August 2025`, `Aug. 17`, `August 17` (the year is
//!   the one that puts the date nearest the article's day).
//! - Weekdays: `on Friday`, `Friday's summit`, `said Sunday`, `last Tuesday`, `next
//!   Monday`. A weekday is the latest such day up to the article's day, unless the words
//!   around it look ahead ("will", "plan", "scheduled", "next"), when it is the next one.
//! - `yesterday`, `today`, `tomorrow`, `last week` and `next week` (as spans, Monday to
//!   Sunday).
//! - Parts of the day: `overnight` (the night before the article's day, as a two-day
//!   span), `last night`, `tonight`, `this morning` / `afternoon` / `evening`.
//! - Months: `last month`, `the previous month`, `this month`, `earlier this month`, `later
//!   this month`, `next month`, `the following month`, as spans of days.
//! - A weekday after "by" ("by Sunday") is a deadline: the coming one.
//! - Years, months without a day, weekends and seasons ([`crate::periods`]).
//!
//! ## What it does not
//! Times of day ("at 9 a.m."), ordinal days without a month ("on the 3rd"), months counted
//! from a day other than the article's ("the previous month" of a story told in the past
//! is taken as the article's), and dates in other languages.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

/// What a date expression stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// One day.
    Day(NaiveDate),
    /// A span of days, first and last included.
    Span(NaiveDate, NaiveDate),
}

/// A date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// The expression as printed.
    pub text: String,
    /// Its byte range in the text.
    pub range: (usize, usize),
    /// The day it names (the first day, for a span).
    pub date: NaiveDate,
    /// The day or span.
    pub resolved: Resolved,
}

const MONTHS: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";

static EXPRESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?:(?P<md>(?P<m1>{MONTHS})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?)|(?P<dm>(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTHS})(?:,?\s+(?P<y2>\d{{4}}))?)|(?P<wd>(?:(?P<dir>last|next|this)\s+)?(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))|(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow|(?:last|next|this) week|[Oo]vernight|[Ll]ast night|[Tt]onight|[Tt]his (?:morning|afternoon|evening)|(?:[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier this|[Ll]ater this|the previous|the following) month))(?-u:\b)"
    ))
    .unwrap()
});
/// Words that point a clause ahead ("will meet on Friday", "closed until March"): a day or
/// month named without a year is then the coming one.
pub(crate) static AHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(will|plans?|planned|scheduled|due|expected|to meet|next|upcoming|is set to|are set to|until)(?-u:\b)").unwrap()
});

/// Whether a date expression is a deadline ("by Sunday", "by the end of May"): the coming
/// one.
pub(crate) fn deadline(before: &str) -> bool {
    let before = before.trim_end();
    before.ends_with(" by") || before == "by"
}

/// The months' names, in order.
pub(crate) const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether `word` names a month in full or as its three-letter abbreviation ("Jun.",
/// "Sept"), in any case.
pub(crate) fn is_month_name(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    MONTH_NAMES.iter().any(|m| {
        let m = m.to_lowercase();
        m == w || (w.len() == 3 || w == "sept") && m.starts_with(&w)
    })
}

fn month(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    MONTH_NAMES
        .iter()
        .position(|m| n.starts_with(&m[..3].to_ascii_lowercase()))
        .map(|i| i as u32 + 1)
}

fn weekday(name: &str) -> Weekday {
    match name {
        "Monday" => Weekday::Mon,
        "Tuesday" => Weekday::Tue,
        "Wednesday" => Weekday::Wed,
        "Thursday" => Weekday::Thu,
        "Friday" => Weekday::Fri,
        "Saturday" => Weekday::Sat,
        _ => Weekday::Sun,
    }
}

/// The date `d` of `month` nearest to `reference` (a year before, that year, or after).
fn nearest_year(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    (reference.year().saturating_sub(1)..=reference.year().saturating_add(1))
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - reference).num_days().abs())
}

/// The day `n` days after `d` (before it when `n` is negative), where the calendar has one:
/// an article dated at the edge of what dates can hold resolves nothing past it.
fn days_from(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::try_days(n)?)
}

/// The first and last day of the month `months` away from `reference`'s.
fn month_of(reference: NaiveDate, months: i32) -> Option<(NaiveDate, NaiveDate)> {
    let this = reference.with_day(1)?;
    let shift = |d: NaiveDate, n: i32| {
        let by = chrono::Months::new(n.unsigned_abs());
        if n < 0 {
            d.checked_sub_months(by)
        } else {
            d.checked_add_months(by)
        }
    };
    let first = shift(this, months)?;
    Some((first, days_from(shift(first, 1)?, -1)?))
}

/// The clause around a match: from the previous sentence end to the next.
fn clause(text: &str, start: usize, end: usize) -> &str {
    let s = text[..start]
        .rfind(['.', '!', '?', ';'])
        .map_or(0, |i| i + 1);
    let e = text[end..]
        .find(['.', '!', '?', ';'])
        .map_or(text.len(), |i| end + i);
    &text[s..e]
}

/// A calendar date ("August 15, 2025", "15 August", "Aug. 17"): the year printed, or the
/// one that puts the day nearest to `reference`.
fn calendar(c: &regex::Captures, reference: NaiveDate) -> Option<Resolved> {
    let mon = month(c.name("m1").or(c.name("m2")).map_or("", |x| x.as_str()))?;
    let day: u32 = c.name("d1").or(c.name("d2"))?.as_str().parse().ok()?;
    let year: Option<i32> = c
        .name("y1")
        .or(c.name("y2"))
        .and_then(|x| x.as_str().parse().ok());
    let date = match year {
        Some(y) => NaiveDate::from_ymd_opt(y, mon, day),
        None => nearest_year(mon, day, reference),
    };
    date.map(Resolved::Day)
}

/// A weekday ("on Friday", "last Tuesday", "next Monday"): the one before the article's
/// day unless "next" or the clause's tense points ahead.
fn weekday_date(
    c: &regex::Captures,
    day: &str,
    text: &str,
    range: (usize, usize),
    reference: NaiveDate,
) -> Option<Resolved> {
    let target = weekday(day);
    let back = (reference.weekday().num_days_from_monday() as i64
        - target.num_days_from_monday() as i64)
        .rem_euclid(7);
    let forward = (7 - back) % 7;
    let direction = c.name("dir").map(|d| d.as_str());
    // "by Sunday" is a deadline: the coming one.
    let by = deadline(&text[..range.0]);
    let ahead = match direction {
        Some("next") => true,
        Some("last") => false,
        _ => back != 0 && (by || AHEAD.is_match(clause(text, range.0, range.1))),
    };
    let days = if direction == Some("last") && back == 0 {
        -7
    } else if ahead {
        if forward == 0 {
            7
        } else {
            forward
        }
    } else {
        -back
    };
    days_from(reference, days).map(Resolved::Day)
}

/// A relative day, week or month ("yesterday", "last week", "earlier this month").
fn relative(rel: &str, reference: NaiveDate) -> Option<Resolved> {
    let day = |n| days_from(reference, n).map(Resolved::Day);
    let monday = -(reference.weekday().num_days_from_monday() as i64);
    let week = |from, to| {
        let (first, last) = (
            days_from(reference, monday + from)?,
            days_from(reference, monday + to)?,
        );
        Some(Resolved::Span(first, last))
    };
    match rel {
        "yesterday" | "last night" => day(-1),
        "today" | "tonight" | "this morning" | "this afternoon" | "this evening" => day(0),
        "tomorrow" => day(1),
        "last week" => week(-7, -1),
        "next week" => week(7, 13),
        "this week" => week(0, 6),
        // The night before the article's day, into it.
        "overnight" => Some(Resolved::Span(days_from(reference, -1)?, reference)),
        "last month" | "the previous month" => {
            month_of(reference, -1).map(|(f, l)| Resolved::Span(f, l))
        }
        "next month" | "the following month" => {
            month_of(reference, 1).map(|(f, l)| Resolved::Span(f, l))
        }
        "earlier this month" => month_of(reference, 0).map(|(f, _)| Resolved::Span(f, reference)),
        "later this month" => month_of(reference, 0).map(|(_, l)| Resolved::Span(reference, l)),
        _ => month_of(reference, 0).map(|(f, l)| Resolved::Span(f, l)),
    }
}

/// Every date expression in `text`, resolved against `reference`, the article's day.
/// An expression whose day falls outside what the calendar holds is left out.
pub fn resolve_dates(text: &str, reference: NaiveDate) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in EXPRESSION.captures_iter(text) {
        let m = c.get(0).expect("a match");
        let resolved = if c.name("md").is_some() || c.name("dm").is_some() {
            calendar(&c, reference)
        } else if let Some(day) = c.name("day") {
            weekday_date(&c, day.as_str(), text, (m.start(), m.end()), reference)
        } else {
            let rel = c.name("rel").map_or("", |x| x.as_str()).to_lowercase();
            relative(&rel, reference)
        };
        let Some(resolved) = resolved else {
            continue;
        };
        let date = match resolved {
            Resolved::Day(d) | Resolved::Span(d, _) => d,
        };
        out.push(DateMention {
            text: m.as_str().to_string(),
            range: (m.start(), m.end()),
            date,
            resolved,
        });
        // "on Thursday, two days after an audit found": a day counted from this one.
        if let (Resolved::Day(base), Some(o)) = (resolved, OFFSET_AFTER.captures(&text[m.end()..]))
        {
            let whole = o.name("offset").expect("the offset group");
            if let Some(d) = offset(base, &o) {
                let start = m.end() + whole.start();
                out.push(DateMention {
                    text: whole.as_str().to_string(),
                    range: (start, m.end() + whole.end()),
                    date: d,
                    resolved: Resolved::Day(d),
                });
            }
        }
    }
    // "three days ago": counted from the article's own day.
    for o in AGO.captures_iter(text) {
        let whole = o.get(0).expect("a match");
        if let Some(d) = offset(reference, &o) {
            out.push(DateMention {
                text: whole.as_str().to_string(),
                range: (whole.start(), whole.end()),
                date: d,
                resolved: Resolved::Day(d),
            });
        }
    }
    // Years, months, weekends and seasons, where no expression above took their words.
    for p in crate::periods::periods(text, reference) {
        if !out
            .iter()
            .any(|m| m.range.0 < p.range.1 && p.range.0 < m.range.1)
        {
            out.push(p);
        }
    }
    out.sort_by_key(|m| m.range);
    out
}

const COUNT_WORDS: &str = r"\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten";

/// A count of days or weeks right after a day: ", two days after", " a week before".
static OFFSET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^,?\s+(?P<offset>(?P<n>{COUNT_WORDS})\s+(?P<unit>days?|weeks?)\s+(?P<dir>after|before|earlier|later))(?-u:\b)"
    ))
    .unwrap()
});

static AGO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?P<n>{COUNT_WORDS})\s+(?P<unit>days?|weeks?)\s+(?P<dir>ago)(?-u:\b)"
    ))
    .unwrap()
});

/// The day `n` days or weeks from `base`: "after" and "earlier" point back (what came
/// before the day it is counted from), "before", "later" forward, "ago" back.
fn offset(base: NaiveDate, c: &regex::Captures) -> Option<NaiveDate> {
    let n = match c.name("n")?.as_str() {
        "a" => 1,
        count => crate::numbers::numbers(count).first()?.value as i64,
    };
    let days = if c.name("unit")?.as_str().starts_with("week") {
        7 * n
    } else {
        n
    };
    match c.name("dir")?.as_str() {
        "after" | "earlier" | "ago" => days_from(base, -days),
        _ => days_from(base, days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_at_the_calendar_edges_resolve_nothing_past_them() {
        let text = "Yesterday, last week and next month; on Monday, three days after the vote \
                    and two weeks ago, tomorrow, next Friday, later this month, June 3.";
        for edge in [NaiveDate::MIN, NaiveDate::MAX] {
            let found = resolve_dates(text, edge);
            assert!(found.iter().all(|m| {
                let (first, last) = match m.resolved {
                    Resolved::Day(d) => (d, d),
                    Resolved::Span(a, b) => (a, b),
                };
                first <= last && m.date == first
            }));
            // What lies inside the calendar is still resolved.
            let inward = if edge == NaiveDate::MIN {
                "tomorrow"
            } else {
                "Yesterday"
            };
            assert!(found.iter().any(|m| m.text == inward), "{edge}: {found:?}");
        }
    }

    #[test]
    fn expressions_resolve_against_the_article_day() {
        // Sunday 17 August 2025.
        let sunday = NaiveDate::from_ymd_opt(2025, 8, 17).unwrap();
        let table = [
            (
                "after the August 15, 2025, summit in Alaska",
                "August 15, 2025",
                "2025-08-15",
            ),
            ("at Friday's summit in Alaska", "Friday", "2025-08-15"),
            ("Witkoff said Sunday that", "Sunday", "2025-08-17"),
            (
                "Trump will meet Zelenskyy at the White House on Monday.",
                "Monday",
                "2025-08-18",
            ),
            (
                "On Monday, we plan to talk about it.",
                "Monday",
                "2025-08-18",
            ),
            ("The talks on Monday went badly.", "Monday", "2025-08-11"),
            ("he revealed on August 17 that", "August 17", "2025-08-17"),
            ("the meeting on 3 March 2026", "3 March 2026", "2026-03-03"),
            ("last Sunday", "last Sunday", "2025-08-10"),
            ("next Friday", "next Friday", "2025-08-22"),
            ("yesterday", "yesterday", "2025-08-16"),
            ("in a statement last week", "last week", "2025-08-04"),
            ("on Dec. 30", "Dec. 30", "2025-12-30"),
            ("on March 2", "March 2", "2025-03-02"),
        ];
        for (text, expression, date) in table {
            let found = resolve_dates(text, sunday);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].text, expression, "{text}");
            assert_eq!(found[0].date.to_string(), date, "{text}");
        }
        let span = resolve_dates("last week", sunday)[0].resolved;
        assert_eq!(
            span,
            Resolved::Span(
                NaiveDate::from_ymd_opt(2025, 8, 4).unwrap(),
                NaiveDate::from_ymd_opt(2025, 8, 10).unwrap()
            )
        );
        assert!(resolve_dates("The May Day rally and a Sundayish mood", sunday).is_empty());
    }

    #[test]
    fn parts_of_the_day_and_months_resolve_to_days_and_spans() {
        // Sunday 17 August 2025; and 14 January 2026, for a month across a new year.
        let sunday = NaiveDate::from_ymd_opt(2025, 8, 17).unwrap();
        let january = NaiveDate::from_ymd_opt(2026, 1, 14).unwrap();
        let table = [
            (
                "Strikes hit the port overnight.",
                sunday,
                "overnight",
                "2025-08-16/2025-08-17",
            ),
            (
                "Overnight, the river rose.",
                sunday,
                "Overnight",
                "2025-08-16/2025-08-17",
            ),
            (
                "A fire broke out last night.",
                sunday,
                "last night",
                "2025-08-16",
            ),
            ("The vote is tonight.", sunday, "tonight", "2025-08-17"),
            (
                "He resigned this morning.",
                sunday,
                "this morning",
                "2025-08-17",
            ),
            (
                "Sales fell last month.",
                sunday,
                "last month",
                "2025-07-01/2025-07-31",
            ),
            (
                "Sales fell last month.",
                january,
                "last month",
                "2025-12-01/2025-12-31",
            ),
            (
                "in the previous month",
                sunday,
                "the previous month",
                "2025-07-01/2025-07-31",
            ),
            (
                "Talks resume next month.",
                january,
                "next month",
                "2026-02-01/2026-02-28",
            ),
            (
                "A deal signed earlier this month",
                january,
                "earlier this month",
                "2026-01-01/2026-01-14",
            ),
            (
                "The plant opens later this month.",
                january,
                "later this month",
                "2026-01-14/2026-01-31",
            ),
            (
                "Prices rose this month.",
                sunday,
                "this month",
                "2025-08-01/2025-08-31",
            ),
        ];
        for (text, reference, expression, expected) in table {
            let found = resolve_dates(text, reference);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].text, expression, "{text}");
            let got = match found[0].resolved {
                Resolved::Day(d) => d.to_string(),
                Resolved::Span(a, b) => format!("{a}/{b}"),
            };
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn days_counted_from_another_day() {
        // Sunday 17 August 2025.
        let sunday = NaiveDate::from_ymd_opt(2025, 8, 17).unwrap();
        let table = [
            (
                "She resigned on Friday, two days after an audit found gaps.",
                "two days after",
                "2025-08-13",
            ),
            (
                "The vote on August 10, a week before the summit, passed.",
                "a week before",
                "2025-08-17",
            ),
            (
                "The fire started three days ago.",
                "three days ago",
                "2025-08-14",
            ),
        ];
        for (text, expression, date) in table {
            let found = resolve_dates(text, sunday);
            let m = found
                .iter()
                .find(|m| m.text == expression)
                .unwrap_or_else(|| panic!("{text}: {found:?}"));
            assert_eq!(m.date.to_string(), date, "{text}");
        }
        // A count of days that is not counted from a day is no date.
        assert!(resolve_dates("It took two days after the storm to reopen.", sunday).is_empty());
    }
}
