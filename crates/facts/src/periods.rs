//! Periods longer than a day, resolved against the day an article was published: years
//! ("in 2025", "since 2019", "the 2009 privatisation", "last year", "a year earlier",
//! "two years ago"), months without a day ("in January", "since November 2024", "late
//! May", "early March", "at the end of March"), weekends and the ends of weeks and months
//! ("by the weekend", "last weekend", "the end of the week", "until the end of the
//! month"), and seasons ("this summer"), each as a span of days.
//!
//! ## What it handles
//! A year is read only after a word that makes it one ("in", "since", "the", "for",
//! "until", ...), so "2019 workers" is a count. A month without a year is the latest one
//! up to the article's month, or the next one when the clause looks ahead ("will",
//! "planned", "due"); "May" is a month only after such a word. "early", "mid" and "late"
//! take a month's first, middle and last ten days, "the end of" its last seven. A weekend
//! is the coming one (the current one on a Saturday or Sunday), "last weekend" the one
//! before. Seasons are the northern hemisphere's, by meteorological months.
//!
//! ## What it does not
//! Decades ("the 1990s"), fiscal years ("FY2025"), quarters ("the third quarter"), or
//! periods counted from another date than the article's ("the year before" in a story told
//! in the past).

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::dates::{DateMention, Resolved, MONTH_NAMES};

/// Words after which a four-digit number is a year, or a month's name a month.
const LEADS: &str =
    "in|since|for|until|till|by|of|during|from|before|after|through|early|late|mid|last|this|next";

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTH_NAMES.join("|");
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:(?P<yrel>last year|next year|this year|a year earlier|a year ago|a year later|the previous year|the following year)|(?P<ago>(?P<n>\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten) years ago)|(?P<part>early|mid-?|late|the end of|end of|the start of|the beginning of|(?:{LEADS}))\s+(?P<mon>{months})(?:,?\s+(?P<my>(?:1[89]|20)\d\d))?(?-u:\b)|(?:{LEADS}|the|year|season)\s+(?P<year>(?:1[89]|20)\d\d)(?-u:\b)|(?P<wk>(?:this|last|next|the|by the|over the) weekend)|(?P<eow>the end of the (?:week|month))|(?P<season>(?:this|last|next) (?:summer|winter|spring|autumn|fall)))"
    ))
    .unwrap()
});

/// The periods in `text`, resolved against `reference`, the article's day.
pub(crate) fn periods(text: &str, reference: NaiveDate) -> Vec<DateMention> {
    let mut out = Vec::new();
    for c in PERIOD.captures_iter(text) {
        let m = c.get(0).expect("a match");
        // "March 3" is a calendar date ([`crate::dates`]), "2019,000" no year.
        let rest = &text[m.end()..];
        let digit_follows = rest
            .trim_start()
            .starts_with(|ch: char| ch.is_ascii_digit())
            && (c.name("mon").is_some() || !rest.starts_with(char::is_whitespace));
        if digit_follows {
            continue;
        }
        let (printed, span) = if let Some(y) = c.name("year") {
            (y, year_span(y.as_str().parse().ok()))
        } else if let Some(mon) = c.name("mon") {
            let part = c.name("part").map_or("", |p| p.as_str());
            let ahead = crate::dates::AHEAD.is_match(clause_to(text, m.end()))
                || crate::dates::deadline(&text[..m.start()]);
            let year = c.name("my").and_then(|y| y.as_str().parse().ok());
            (m, month_span(mon.as_str(), part, year, ahead, reference))
        } else {
            (m, relative(&c, reference))
        };
        let Some((first, last)) = span else {
            continue;
        };
        out.push(DateMention {
            text: printed.as_str().to_string(),
            range: (printed.start(), printed.end()),
            date: first,
            resolved: Resolved::Span(first, last),
        });
    }
    out
}

/// The clause of `text` that ends at byte `end`: back to the last comma, semicolon or
/// sentence end ("again in late February" / "and will strike in June").
fn clause_to(text: &str, end: usize) -> &str {
    let s = text[..end]
        .rfind([',', ';', '.', '!', '?'])
        .map_or(0, |i| i + 1);
    &text[s..end]
}

fn year_span(year: Option<i32>) -> Option<(NaiveDate, NaiveDate)> {
    let y = year?;
    Some((
        NaiveDate::from_ymd_opt(y, 1, 1)?,
        NaiveDate::from_ymd_opt(y, 12, 31)?,
    ))
}

/// The first and last day of `month` of `year`.
fn whole_month(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    Some((first, next.pred_opt()?))
}

/// A month named without a day: of `year`, else the latest up to `reference`'s month (the
/// next when the clause looks `ahead`), narrowed by `part` ("early", "late", ...).
fn month_span(
    name: &str,
    part: &str,
    year: Option<i32>,
    ahead: bool,
    reference: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    let lower = name.to_lowercase();
    let month = MONTH_NAMES
        .iter()
        .position(|m| m.eq_ignore_ascii_case(&lower))? as u32
        + 1;
    let year = year.unwrap_or_else(|| {
        let later_in_year = month > reference.month();
        match (later_in_year, ahead) {
            (true, false) => reference.year() - 1,
            (false, true) if month < reference.month() => reference.year() + 1,
            _ => reference.year(),
        }
    });
    let (first, last) = whole_month(year, month)?;
    let day = |d: u32| first.with_day(d);
    Some(match part.to_lowercase().trim_end_matches('-') {
        "early" | "the start of" | "the beginning of" => (first, day(10)?),
        "mid" => (day(11)?, day(20)?),
        "late" => (day(21)?, last),
        "the end of" | "end of" => (last.checked_sub_days(chrono::Days::new(6))?, last),
        _ => (first, last),
    })
}

/// Years counted from the article's, weekends, the ends of weeks and months, seasons.
fn relative(c: &regex::Captures, reference: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let y = reference.year();
    if let Some(r) = c.name("yrel") {
        let shift = match r.as_str().to_lowercase().as_str() {
            "this year" => 0,
            "next year" | "a year later" | "the following year" => 1,
            _ => -1,
        };
        return year_span(Some(y + shift));
    }
    if let Some(n) = c.name("n") {
        let n =
            n.as_str().parse::<i32>().ok().or_else(|| {
                parallax_text::number_word(&n.as_str().to_lowercase()).map(|v| v as i32)
            })?;
        return year_span(Some(y - n));
    }
    let from_monday = reference.weekday().num_days_from_monday() as u64;
    let monday = reference.checked_sub_days(chrono::Days::new(from_monday))?;
    let days = |d: NaiveDate, n: i64| d.checked_add_signed(chrono::Duration::try_days(n)?);
    if let Some(w) = c.name("wk") {
        let shift = if w.as_str().to_lowercase().starts_with("last") {
            -7
        } else if w.as_str().to_lowercase().starts_with("next") {
            7
        } else {
            0
        };
        return Some((days(monday, 5 + shift)?, days(monday, 6 + shift)?));
    }
    if let Some(e) = c.name("eow") {
        if e.as_str().to_lowercase().ends_with("week") {
            return Some((days(monday, 4)?, days(monday, 6)?));
        }
        let (_, last) = whole_month(y, reference.month())?;
        return Some((days(last, -6)?, last));
    }
    let season = c.name("season")?.as_str().to_lowercase();
    let shift = if season.starts_with("last") {
        -1
    } else if season.starts_with("next") {
        1
    } else {
        0
    };
    let (from, to) = match season.rsplit(' ').next()? {
        "summer" => (6, 8),
        "autumn" | "fall" => (9, 11),
        "spring" => (3, 5),
        _ => (12, 2),
    };
    let first = NaiveDate::from_ymd_opt(y + shift, from, 1)?;
    let last = whole_month(y + shift + i32::from(to < from), to)?.1;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str, day: &str) -> Vec<(String, String)> {
        let reference = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap();
        periods(text, reference)
            .into_iter()
            .map(|m| match m.resolved {
                Resolved::Span(a, b) => (m.text, format!("{a}/{b}")),
                Resolved::Day(d) => (m.text, d.to_string()),
            })
            .collect()
    }

    #[test]
    fn years_months_weekends_and_seasons_are_spans() {
        // Thursday 19 March 2026.
        let found = spans(
            "The line, laid in 1978 and audited since 2019, lost money last year; 2019 workers \
             struck in January, again in late February and will strike in June. Talks resume \
             by the weekend, before the end of the week, and the fund runs out this summer.",
            "2026-03-19",
        );
        let expected = [
            ("1978", "1978-01-01/1978-12-31"),
            ("2019", "2019-01-01/2019-12-31"),
            ("last year", "2025-01-01/2025-12-31"),
            ("in January", "2026-01-01/2026-01-31"),
            ("late February", "2026-02-21/2026-02-28"),
            ("in June", "2026-06-01/2026-06-30"),
            ("by the weekend", "2026-03-21/2026-03-22"),
            ("the end of the week", "2026-03-20/2026-03-22"),
            ("this summer", "2026-06-01/2026-08-31"),
        ];
        let found: Vec<(&str, &str)> = found
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(found, expected);
        // A month after the article's, told in the past, is last year's; "May" is a month
        // only after a word that makes it one.
        let found = spans(
            "Prices rose in October. May we ask? It closed in May.",
            "2026-03-19",
        );
        let found: Vec<&str> = found.iter().map(|(_, s)| s.as_str()).collect();
        assert_eq!(found, ["2025-10-01/2025-10-31", "2025-05-01/2025-05-31"]);
        // A deadline is the coming one, whatever the tense of its clause.
        let found = spans(
            "The board said the rules would be settled by the end of August.",
            "2026-03-19",
        );
        assert_eq!(found[0].1, "2026-08-25/2026-08-31");
    }
}
