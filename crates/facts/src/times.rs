//! Times of day as printed ("9 a.m.", "around 6.30 pm", "05:40", "22:41", "midnight"),
//! read to minutes after midnight so that "10:41 p.m." and "22:41" are one time.
//!
//! ## What it handles
//! Hours with minutes after a colon or a point and a half of the day ("a.m.", "pm",
//! "p. m."),
//! 24-hour times with a colon, "noon" and "midnight".
//!
//! ## What it does not
//! Times in words ("half past nine", "quarter to six"), military times without a colon
//! ("0140 GMT"), or zones: two outlets giving one moment in two zones read as two times.

use std::sync::LazyLock;

use regex::Regex;

/// A time of day: "9 a.m.", "around 6.30 pm", "05:40", "midnight".
pub(crate) static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.\s?m\.?|p\.\s?m\.?|am|pm)(?-u:\b)|\d{1,2}:\d{2}(?-u:\b)|midnight|noon)").unwrap()
});

/// The time as compared: digits and the half of the day ("9 a.m." and "9am" are one).
pub(crate) fn time_key(t: &str) -> String {
    let lower = t.to_lowercase();
    let digits: String = lower.chars().filter(char::is_ascii_digit).collect();
    let half = if lower.contains('p') {
        "pm"
    } else if lower.contains('a') {
        "am"
    } else {
        ""
    };
    format!(
        "{digits}{half}{}",
        if digits.is_empty() { lower.trim() } else { "" }
    )
}

/// Minutes after midnight of a time [`TIME_OF_DAY`] found ("10:41 p.m." → 1361, "22:41" →
/// 1361, "noon" → 720); `None` for an hour or minute out of range.
pub(crate) fn minutes_of(t: &str) -> Option<u32> {
    let lower = t.to_lowercase();
    match lower.trim() {
        "noon" => return Some(720),
        "midnight" => return Some(0),
        _ => {}
    }
    let mut numbers = lower
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<u32>().ok());
    let hour = numbers.next()??;
    let minute = numbers.next().flatten().unwrap_or(0);
    let pm = lower.contains('p');
    let am = !pm && lower.contains('a');
    let hour = match (am, pm, hour) {
        (_, _, h) if h > 23 || minute > 59 => return None,
        (true, _, 12) => 0,
        (_, true, h) if h < 12 => h + 12,
        (_, _, h) => h,
    };
    Some(hour * 60 + minute)
}

/// Each time of day in `text`: its byte range and minutes after midnight.
pub(crate) fn times(text: &str) -> Vec<((usize, usize), u32)> {
    TIME_OF_DAY
        .find_iter(text)
        .filter_map(|m| Some(((m.start(), m.end()), minutes_of(m.as_str())?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_moment_printed_in_twelve_and_twenty_four_hours_is_one_time() {
        let found: Vec<u32> = [
            "10:41 p.m.",
            "22:41",
            "3.15am",
            "12 am",
            "noon",
            "1:35 p. m.",
        ]
        .iter()
        .map(|t| minutes_of(t).unwrap())
        .collect();
        assert_eq!(found, [1361, 1361, 195, 0, 720, 815]);
        assert_eq!(minutes_of("25:10"), None);
        let spans: Vec<u32> = times("It lifted off at 22:41 and fell by 10:55 p.m.")
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        assert_eq!(spans, [1361, 1375]);
    }
}
