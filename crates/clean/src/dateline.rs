//! Datelines: the place (and date, and agency) that opens a report.
//!
//! ## What it handles
//! `HALVERSTON, Norland, June 3 (NWA) - `, `KYIV, Ukraine (AP) — `, `LONDON (Reuters) -`,
//! `WASHINGTON — `, `ST. LOUIS, Mo., March 2 -`, `LISK, March 2, 2026 (NWA) —`, and a title-case place when an agency
//! follows it (`Kyiv (AFP) - `). The place's first part must be in capitals, or an agency
//! must follow, so an ordinary sentence opening with a name and a dash is left alone.
//!
//! ## What it does not
//! Datelines set on a line of their own, or placed after the first paragraph.

use std::sync::LazyLock;

use regex::Regex;

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?";
    let caps_place = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}(?:,\s*[A-Z][A-Za-z'’.\-]+(?:\s+[A-Z][A-Za-z'’.\-]+){0,2}){0,2}";
    let title_place =
        r"[A-Z][a-z'’.\-]+(?:\s+[A-Z][a-z'’.\-]+){0,2}(?:,\s*[A-Z][A-Za-z'’.\-]+){0,2}";
    let agency = r"\([A-Z][A-Za-z&.\- ]{0,30}\)";
    Regex::new(&format!(
        r"^(?:(?:{caps_place})(?:,?\s+{month})?(?:\s*{agency})?|(?:{title_place})(?:,?\s+{month})?\s*{agency})\s*(?:-{{1,2}}|–|—|:)\s+"
    ))
    .unwrap()
});

/// Capitalised labels that open paragraphs the way a dateline does.
const NOT_PLACES: &[&str] = &[
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "EXCLUSIVE",
    "WATCH",
    "LIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "CORRECTION",
    "NOTE",
    "WARNING",
    "ALERT",
    "URGENT",
    "FLASH",
    "VIDEO",
    "PHOTOS",
    "LISTEN",
    "READ",
    "EDITOR",
    "EDITORS",
    "FACT",
    "CLARIFICATION",
    "SPONSORED",
    "ADVERTISEMENT",
    "NEWS",
    "REVIEW",
    "INTERVIEW",
    "COMMENT",
];

/// The length in bytes of the dateline that opens `paragraph`, if it has one.
pub(crate) fn split(paragraph: &str) -> Option<usize> {
    let m = DATELINE.find(paragraph)?;
    let prefix = m.as_str();
    // The capitals must make a word of three letters or more ("AP" alone is not a place),
    // and something must follow.
    let first: String = prefix
        .chars()
        .take_while(|c| c.is_alphabetic() || matches!(c, ' ' | '.'))
        .collect();
    if first.trim().chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return None;
    }
    // Labels in capitals are not places.
    let head = first.split([' ', ',', '.']).next().unwrap_or("");
    if NOT_PLACES.contains(&head.to_ascii_uppercase().as_str()) {
        return None;
    }
    // A report's first sentence follows: a capital, a digit or a quote mark.
    let next = paragraph[m.end()..].chars().next()?;
    if !(next.is_uppercase() || next.is_ascii_digit() || matches!(next, '"' | '“' | '‘' | '\''))
    {
        return None;
    }
    Some(m.end())
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn datelines() {
        let cases = [
            (
                "HALVERSTON, Norland, June 3 (NWA) - The dam opened.",
                Some("HALVERSTON, Norland, June 3 (NWA) - "),
            ),
            (
                "KYIV, Ukraine (AP) — Officials said.",
                Some("KYIV, Ukraine (AP) — "),
            ),
            (
                "LONDON (Reuters) - Prices rose.",
                Some("LONDON (Reuters) - "),
            ),
            ("WASHINGTON — The envoy said.", Some("WASHINGTON — ")),
            (
                "ST. LOUIS, Mo., March 2 - Rain fell.",
                Some("ST. LOUIS, Mo., March 2 - "),
            ),
            ("Kyiv (AFP) - Sirens sounded.", Some("Kyiv (AFP) - ")),
            (
                "LISK, Norland, March 2, 2026 (NWA) — Rain fell.",
                Some("LISK, Norland, March 2, 2026 (NWA) — "),
            ),
            (
                "Special US envoy Steve Witkoff said that Russia agreed.",
                None,
            ),
            ("Witkoff: Russians Agreed to Such Provisions", None),
            ("NATO - the alliance - met.", None),
            ("The mayor — who was re-elected — said.", None),
            ("AP - x", None),
            ("BREAKING: Fire at the Orlen warehouse.", None),
            ("UPDATE — The council met again.", None),
            ("NEW DELHI: The government said.", Some("NEW DELHI: ")),
        ];
        for (text, want) in cases {
            assert_eq!(split(text).map(|n| &text[..n]), want, "{text}");
        }
    }
}
