//! Bylines and credits.
//!
//! ## What it handles
//! "By Jane Doe", "By JANE DOE, Staff Writer", "Written by ...", "Reporting by X; Editing by
//! Y", "Additional reporting by ...", "Contributing: ...", "(With inputs from agencies)", "Jane Doe | Political Correspondent", "Staff Reporter".
//! The name must be capitalised, so "By Tuesday evening, the river had risen" stays.
//!
//! ## What it does not
//! Bylines glued into the first sentence of the report.

use super::pattern;
use crate::line::Line;

pattern!(
    LEAD,
    r"^(by|written by|words by|reported by|story by|posted by|author:?)\s+"
);
pattern!(
    CREDITS,
    r"^[(\[—–-]*\s*(additional |with additional )?(reporting|writing|editing|edited|research|compiled|produced|translated|contributing) (by|from)(?-u:\b)|^contributing:|^[(\[—–-]*\s*with (inputs|reporting|additional reporting) from(?-u:\b)|^\(with [\w ]{1,30}\)$"
);
pattern!(
    ROLE,
    r"^[A-Z][\w.'’-]+( [A-Z][\w.'’-]+){1,3}\s*[|,–—-]\s*(senior |chief |staff |political |foreign |economics |special |deputy )?(correspondent|reporter|writer|editor|columnist|contributor)(?-u:\b)"
);
pattern!(
    BARE_ROLE,
    r"^(staff|special|our) (reporter|correspondent|writer)s?$"
);

/// A name: capitalised words, at most four, optionally followed by a role after a comma.
fn starts_with_name(s: &str) -> bool {
    let name: Vec<&str> = s
        .split([',', '|', ';', '('])
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    (1..=5).contains(&name.len())
        && name.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(
                    *w,
                    "and" | "de" | "van" | "von" | "der" | "da" | "al" | "bin"
                )
        })
}

pub(super) fn applies(line: &Line) -> bool {
    if line.words > 25 {
        return false;
    }
    if let Some(m) = LEAD.find(line.text) {
        return starts_with_name(&line.text[m.end()..]);
    }
    CREDITS.is_match(line.text) || ROLE.is_match(line.text) || BARE_ROLE.is_match(line.text)
}

/// The author a byline names ("By Jane Doe, Staff Writer" → "Jane Doe").
pub(crate) fn author_of(text: &str) -> Option<String> {
    let m = LEAD.find(text)?;
    let rest = &text[m.end()..];
    if !starts_with_name(rest) {
        return None;
    }
    let name = rest.split([',', '|', ';', '(']).next()?.trim();
    let name = name.split(" and ").next().unwrap_or(name).trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn authors() {
        assert_eq!(
            super::author_of("By Maren Holt, Senior Correspondent").as_deref(),
            Some("Maren Holt")
        );
        assert_eq!(super::author_of("By Tuesday evening, the river rose"), None);
    }
}
