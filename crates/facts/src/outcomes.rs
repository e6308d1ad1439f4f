//! Outcomes told the other way round: a verdict or a decision that one outlet gives and
//! another reverses ("It acquitted him of money laundering" / "was also found guilty of
//! laundering the cash"; "the president accepted the government's resignation" / "rejected
//! the resignation").
//!
//! ## What it handles
//! Verdicts (convicted, found guilty, guilty of / acquitted, cleared, found not guilty)
//! with what they are of ("of money laundering", "on two counts of fraud"), and decisions
//! (accepted, approved, upheld, granted / rejected, refused, turned down, overturned,
//! voted down) with what they are about, to the clause's end; a "not" or "never" before the
//! verb ("did not find him guilty") turns it round. Two articles tell one outcome when what it is of or about shares a
//! word (as compared by stems: "laundering" / "laundering"), the story's words for any
//! charge ("charge", "count", "offence") aside; opposite sides are a contradiction, unless
//! one of the articles gives both sides of that thing itself (an outlet that says he was
//! cleared of one charge and convicted of another states both).
//!
//! ## What it does not
//! Outcomes without a verb of its list ("walked free", "the motion fell"), won and lost
//! (a story's many matches and votes), who decided (see [`crate::actors`]), or outcomes
//! told only in a quotation's words as someone's opinion: every sentence is read as the
//! outlet's.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use parallax_model::Fact;
use regex::Regex;

use crate::claims::{content_words, stems};

/// Which side of an outcome a verb tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    /// Convicted, accepted, approved.
    Yes,
    /// Acquitted, rejected, refused.
    No,
}

/// What an outcome is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    /// A court's finding on a charge: what it is of follows "of" or "on".
    Verdict,
    /// A decision on a request, a resignation, an appeal, a bill.
    Decision,
}

/// The printed forms of outcomes, longest first where one holds another, each with its
/// family and side.
const OUTCOMES: &[(&str, Family, Side)] = &[
    ("found not guilty", Family::Verdict, Side::No),
    ("not guilty", Family::Verdict, Side::No),
    ("acquitted", Family::Verdict, Side::No),
    ("cleared", Family::Verdict, Side::No),
    ("found guilty", Family::Verdict, Side::Yes),
    ("guilty", Family::Verdict, Side::Yes),
    ("convicted", Family::Verdict, Side::Yes),
    ("accepted", Family::Decision, Side::Yes),
    ("approved", Family::Decision, Side::Yes),
    ("upheld", Family::Decision, Side::Yes),
    ("granted", Family::Decision, Side::Yes),
    ("rejected", Family::Decision, Side::No),
    ("refused", Family::Decision, Side::No),
    ("turned down", Family::Decision, Side::No),
    ("overturned", Family::Decision, Side::No),
    ("voted down", Family::Decision, Side::No),
];

/// Words of what a verdict is of that every charge shares, not what it is ("the charge
/// of", "two counts of"): stems as [`stems`] gives them.
const ANY_CHARGE: &[&str] = &["charg", "count", "offenc", "crime", "alleg", "separ"];

/// Most words after a verdict's verb before its "of" ("acquitted him of", "convicted on
/// two counts of").
const VERDICT_REACH: usize = 4;

/// Most words before an outcome's verb that a "not" turns it round from ("did not find
/// him guilty").
const NEGATION_REACH: usize = 3;

/// Most words of what an outcome is of that are compared.
const OBJECT_WORDS: usize = 6;

/// One outcome one sentence tells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Outcome {
    family: Family,
    side: Side,
    /// The verb as printed ("acquitted", "found guilty").
    printed: String,
    /// The stems of what it is of or about.
    object: Vec<String>,
    /// What a contradiction cites ([`crate::details::cited`]).
    evidence: String,
}

/// The outcomes a sentence tells.
pub(crate) fn outcomes(sentence: &str) -> Vec<Outcome> {
    // One pass over the sentence for any of the forms before each is looked for.
    static ANY: LazyLock<Regex> = LazyLock::new(|| {
        let forms: Vec<String> = OUTCOMES.iter().map(|(f, _, _)| regex::escape(f)).collect();
        Regex::new(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", forms.join("|"))).unwrap()
    });
    if !ANY.is_match(sentence) {
        return Vec::new();
    }
    let lower = sentence.to_lowercase();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for &(form, family, side) in OUTCOMES {
        for (at, _) in lower.match_indices(form) {
            let end = at + form.len();
            let whole_word = !lower[..at].ends_with(char::is_alphanumeric)
                && !lower[end..].starts_with(char::is_alphanumeric);
            if !whole_word || taken.iter().any(|&(a, b)| at < b && a < end) {
                continue;
            }
            taken.push((at, end));
            let Some(object) = object_of(&lower[end..], family) else {
                continue;
            };
            let negated = (lower[..at].split_whitespace().rev().take(NEGATION_REACH))
                .any(|w| matches!(w, "not" | "never" | "didn't" | "wasn't" | "no"));
            let side = match (side, negated) {
                (s, false) => s,
                (Side::Yes, true) => Side::No,
                (Side::No, true) => Side::Yes,
            };
            out.push(Outcome {
                family,
                side,
                printed: sentence[at..end].to_string(),
                object,
                evidence: crate::details::cited(sentence, (at, end)),
            });
        }
    }
    out
}

/// The stems of what an outcome is of or about, in the text after its verb: for a verdict
/// the words after its "of" or "on" ([`VERDICT_REACH`]), for a decision the words to the
/// clause's end (cut at "and", "but" and punctuation). None when nothing is left.
fn object_of(after: &str, family: Family) -> Option<Vec<String>> {
    let clause = after
        .split([',', ';', '.', ':', '(', '—'])
        .next()
        .unwrap_or("");
    let clause = [" and ", " but ", " after ", " because "]
        .iter()
        .filter_map(|w| clause.find(w))
        .min()
        .map_or(clause, |i| &clause[..i]);
    let about = match family {
        Family::Decision => clause,
        Family::Verdict => {
            let words: Vec<&str> = clause.split_whitespace().collect();
            let k = words
                .iter()
                .take(VERDICT_REACH)
                .position(|w| matches!(*w, "of" | "on"))?;
            let skip: usize = words[..=k].iter().map(|w| w.len() + 1).sum();
            clause
                .trim_start()
                .get(skip.min(clause.trim_start().len())..)?
        }
    };
    let object: Vec<String> = stems(&content_words(about))
        .into_iter()
        .filter(|s| s.len() >= 4 && !ANY_CHARGE.contains(&s.as_str()))
        .take(OBJECT_WORDS)
        .collect();
    (!object.is_empty()).then_some(object)
}

/// The outcomes outlets tell the other way round, one `contradicted` fact each. `articles`
/// holds each article's id and outcomes.
pub(crate) fn told_both_ways(articles: &[(String, Vec<Outcome>)]) -> Vec<Fact> {
    let all: Vec<(&str, &Outcome)> = (articles.iter())
        .flat_map(|(id, told)| told.iter().map(move |o| (id.as_str(), o)))
        .collect();
    // Outcomes of one family sharing a word of what they are of, found through an index
    // of those words (a story's outcomes are compared in about the time of their words).
    let mut by_word: BTreeMap<(Family, &str), Vec<usize>> = BTreeMap::new();
    for (i, (_, o)) in all.iter().enumerate() {
        for w in &o.object {
            by_word.entry((o.family, w.as_str())).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut done = vec![false; all.len()];
    for i in 0..all.len() {
        if done[i] {
            continue;
        }
        let o = all[i].1;
        let mut group: Vec<usize> = (o.object.iter())
            .filter_map(|w| by_word.get(&(o.family, w.as_str())))
            .flatten()
            .copied()
            .filter(|&j| !done[j])
            .collect();
        group.sort_unstable();
        group.dedup();
        for &j in &group {
            done[j] = true;
        }
        // An article that tells both sides of the thing states both.
        let both = group.iter().any(|&j| {
            group
                .iter()
                .any(|&k| all[j].0 == all[k].0 && all[j].1.side != all[k].1.side)
        });
        let mut sides: BTreeMap<Side, (String, BTreeMap<String, String>)> = BTreeMap::new();
        for &j in &group {
            let (article, o) = all[j];
            let (_, cited) = sides
                .entry(o.side)
                .or_insert_with(|| (o.printed.to_lowercase(), BTreeMap::new()));
            cited
                .entry(article.to_string())
                .or_insert_with(|| o.evidence.clone());
        }
        if both || sides.len() < 2 {
            continue;
        }
        out.push(crate::claims::contradicted(
            format!("outcome: {}", all[i].1.object.join(" ")),
            sides.into_values(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(texts: &[(&str, &str)]) -> Vec<Fact> {
        let read: Vec<(String, Vec<Outcome>)> = texts
            .iter()
            .map(|(id, t)| {
                let told = parallax_text::sentences(t).flat_map(outcomes).collect();
                (id.to_string(), told)
            })
            .collect();
        told_both_ways(&read)
    }

    #[test]
    fn a_verdict_or_a_decision_told_the_other_way_round_contradicts() {
        let found = story(&[
            (
                "a",
                "The tribunal convicted Ostrova of fraud. It acquitted her of tax evasion.",
            ),
            (
                "b",
                "Ostrova was cleared of fraud but found guilty on one count of tax evasion.",
            ),
        ]);
        assert_eq!(found.len(), 2, "{found:?}");
        let found = story(&[
            (
                "a",
                "The governor accepted the harbour board's request for new dredging.",
            ),
            (
                "b",
                "The governor turned down the dredging request on Friday.",
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        let sides: Vec<&str> = found[0].values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(sides, ["accepted", "turned down"]);
    }

    #[test]
    fn one_outlet_telling_both_sides_or_two_things_contradicts_nothing() {
        // Cleared of one charge, convicted of another: both outlets agree.
        let found = story(&[
            ("a", "She was cleared of bribery and convicted of perjury."),
            ("b", "The court convicted her of perjury."),
        ]);
        assert!(found.is_empty(), "{found:?}");
        // "not" turns the verdict round.
        let found = story(&[
            ("a", "The jury did not find him guilty of arson."),
            ("b", "He was acquitted of arson on Monday."),
        ]);
        assert!(found.is_empty(), "{found:?}");
        // Different things decided.
        let found = story(&[
            ("a", "The council approved the ferry timetable."),
            ("b", "The council rejected the parking levy."),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }
}
