//! The words that say what an article is about.
//!
//! ## What it handles
//! Lower-cased words of three letters or more that are not function words, with plural and
//! past-tense endings trimmed (`guarantees` → `guarantee`, `agreed` → `agree`), and
//! capitalised names inside a sentence joined into one term (`Steve Witkoff` →
//! `steve witkoff`), which count twice as much, and numbers of two digits or more (`#23`,
//! `#2008`): names, numbers and event words together pick out an event better than any of
//! them.
//!
//! Diacritics are folded (`Östvik` and `Ostvik` are one term), so that outlets that print a
//! place's name with and without its accents meet.
//!
//! ## What it does not
//! Merge other spelling variants of names (Zelensky / Zelenskyy) or synonyms; the entity
//! stage does that for facts.

use std::collections::HashMap;

use parallax_text::words;
use serde::{Deserialize, Serialize};

const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "that",
    "with",
    "this",
    "from",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "not",
    "but",
    "his",
    "her",
    "its",
    "they",
    "their",
    "them",
    "she",
    "him",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "been",
    "being",
    "also",
    "than",
    "then",
    "there",
    "here",
    "about",
    "after",
    "before",
    "into",
    "over",
    "under",
    "again",
    "more",
    "most",
    "some",
    "such",
    "only",
    "other",
    "any",
    "all",
    "each",
    "our",
    "out",
    "off",
    "one",
    "two",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "according",
    "added",
    "new",
    "year",
    "years",
    "last",
    "first",
    "just",
    "like",
    "very",
    "much",
    "many",
    "did",
    "does",
    "done",
    "while",
    "because",
    "these",
    "those",
    "how",
    "why",
    "you",
    "your",
    "yours",
    "mr",
    "mrs",
    "ms",
    "dr",
    "its",
    "it's",
    "she's",
    "he's",
    "we",
    "us",
    "upon",
    "between",
    "during",
    "without",
    "within",
    "through",
    "against",
    "among",
    "still",
    "even",
    "yet",
    "both",
    "either",
    "neither",
    "own",
    "same",
    "so",
    "too",
    "now",
    "since",
    "until",
    "though",
    "although",
    "however",
    "per",
    "via",
    "including",
    "week",
    "day",
    "days",
    "time",
    "made",
    "make",
    "get",
    "got",
    "way",
    "well",
    "around",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "people",
];

/// How much each kind of term counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TermWeights {
    /// A multi-word capitalised name inside a sentence ("steve witkoff").
    pub name: f32,
    /// A capitalised word inside a sentence.
    pub capitalised: f32,
    /// A number of two digits or more ("23", "2008"), which tells events of one kind apart.
    pub number: f32,
}

impl Default for TermWeights {
    fn default() -> Self {
        TermWeights {
            name: 2.0,
            capitalised: 1.5,
            number: 1.0,
        }
    }
}

/// A term's weighted count, and whether it is specific to one event: a name, a word
/// capitalised inside a sentence, or a number.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Term {
    pub weight: f32,
    pub specific: bool,
}

/// Weighted terms of a text.
pub(crate) fn terms(text: &str, weights: &TermWeights) -> HashMap<String, Term> {
    let mut out: HashMap<String, Term> = HashMap::new();
    let mut name: Vec<String> = Vec::new();
    let mut sentence_start = true;
    let mut last_end = 0;
    let add = |out: &mut HashMap<String, Term>, key: String, weight: f32, specific: bool| {
        let t = out.entry(key).or_default();
        t.weight += weight;
        t.specific |= specific;
    };
    let flush = |name: &mut Vec<String>, out: &mut HashMap<String, Term>| {
        if name.len() >= 2 {
            add(out, name.join(" "), weights.name, true);
        }
        name.clear();
    };
    for span in words(text) {
        let gap = &text[last_end..span.start];
        last_end = span.end;
        if gap.contains(['.', '!', '?', '\n', '“', '"', ':']) {
            sentence_start = true;
        }
        if !gap.trim().is_empty() && !gap.trim().chars().all(|c| c == '-') {
            flush(&mut name, &mut out);
        }
        let w = span.slice(text);
        let lower = parallax_text::fold_diacritics(&w.to_lowercase());
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let inside = capitalised && !sentence_start;
        if inside && !STOPWORDS.contains(&lower.as_str()) {
            name.push(lower.clone());
        } else {
            flush(&mut name, &mut out);
        }
        sentence_start = false;
        if weights.number > 0.0 && lower.len() >= 2 && lower.chars().all(|c| c.is_ascii_digit()) {
            add(&mut out, format!("#{lower}"), weights.number, true);
            continue;
        }
        if lower.chars().count() < 3
            || STOPWORDS.contains(&lower.as_str())
            || lower.chars().all(|c| c.is_ascii_digit())
        {
            continue;
        }
        let weight = if capitalised {
            weights.capitalised
        } else {
            1.0
        };
        add(&mut out, stem(&lower), weight, inside);
    }
    flush(&mut name, &mut out);
    out
}

/// Trims common inflections so that forms of one word meet (`agree`, `agreed` and `agrees`
/// all become `agre`).
pub(crate) fn stem(w: &str) -> String {
    let s = strip_suffix(w);
    if w.ends_with("ed") && s.len() < w.len() {
        return s;
    }
    match s.strip_suffix('e') {
        Some(t) if t.chars().count() >= 3 => t.to_string(),
        _ => s,
    }
}

fn strip_suffix(w: &str) -> String {
    let w = w
        .trim_end_matches(['’', '\''])
        .trim_end_matches("’s")
        .trim_end_matches("'s");
    let n = w.chars().count();
    for (suffix, keep) in [
        ("ies", "y"),
        ("sses", "ss"),
        ("xes", "x"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("ing", ""),
        ("ed", ""),
        ("s", ""),
    ] {
        if let Some(stem) = w.strip_suffix(suffix) {
            if stem.chars().count() >= 4 && n > 4 && !w.ends_with("ss") {
                return format!("{stem}{keep}");
            }
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        for (w, s) in [
            ("guarantees", "guarante"),
            ("agreed", "agre"),
            ("agree", "agre"),
            ("agrees", "agre"),
            ("parties", "party"),
            ("talks", "talk"),
            ("press", "press"),
            ("bus", "bus"),
            ("meeting", "meet"),
        ] {
            assert_eq!(stem(w), s, "{w}");
        }
    }

    #[test]
    fn names_are_joined() {
        let t = terms(
            "Special envoy Steve Witkoff met Vladimir Putin. Witkoff said talks went well in 2025.",
            &TermWeights::default(),
        );
        let weight = |k: &str| t.get(k).map(|t| t.weight);
        assert_eq!(weight("#2025"), Some(1.0));
        assert_eq!(weight("steve witkoff"), Some(2.0));
        assert_eq!(weight("vladimir putin"), Some(2.0));
        assert!(t["steve witkoff"].specific && t["witkoff"].specific && t["#2025"].specific);
        assert!(!t["envoy"].specific && !t["special"].specific);
        assert!(!t.contains_key("said"));
    }
}
