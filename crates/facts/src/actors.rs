//! Who did what: an act of authority credited to different people by different outlets
//! ("President Timur Sadykov ordered an investigation" / "a commission set up on the orders
//! of …" is not read, but "Prime Minister Bakhyt Ormanov ordered an inquiry" is;
//! "Finance Minister Mohammed bin Yousef announced the suspension" / "Prime Minister Nour
//! el-Houda Khaldi announced the move").
//!
//! ## What it handles
//! A person the article names, right before a verb of decision in the past tense
//! (ordered, announced, signed, appointed, ...), past a title or a role set off by commas
//! and a day ("Sadykov, the president, on Tuesday ordered"), and what the verb is done to
//! (the words after it, to the clause's end). Two outlets credit one act to different
//! people when the verb is the same, what it is done to shares a word (as compared by
//! stems and their senses: "investigation" and "inquiry" are one), and the people are not
//! one across spellings.
//!
//! ## What it does not
//! Passives ("was ordered by", "on the orders of"), acts credited to bodies ("the ministry
//! announced"), acts done together ("Salazar and Locke announced"), verbs outside its
//! list, or two people who both did it (an outlet that credits the act to both is read as
//! saying so, and contradicts neither).

use std::collections::BTreeMap;

use parallax_model::Fact;

use crate::claims::{content_words, stems};
use crate::entities::NameMention;

/// Verbs of decision and announcement, as printed in the past tense.
const ACTS: &[&str] = &[
    "ordered",
    "announced",
    "signed",
    "appointed",
    "approved",
    "dismissed",
    "fired",
    "sacked",
    "suspended",
    "launched",
    "declared",
    "imposed",
    "vetoed",
    "granted",
    "revoked",
    "authorised",
    "authorized",
    "banned",
    "lifted",
    "set",
    "called",
];

/// Most words of what an act is done to that are compared.
const OBJECT_WORDS: usize = 6;

/// One act one article credits to one person.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Act {
    actor: String,
    verb: String,
    object: Vec<String>,
    evidence: String,
}

/// The acts a `sentence` credits to the people it prints there (`printed`: where each
/// stands).
pub(crate) fn acts(sentence: &str, printed: &[(usize, &NameMention)]) -> Vec<Act> {
    let mut out = Vec::new();
    let people = (printed.iter())
        .filter(|(_, n)| n.name.contains(' ') && crate::entities::kind_of(&n.name) == "person");
    for &(at, n) in people {
        // "Salazar and Commerce Secretary Gary Locke announced": done together.
        let together = (sentence[..at].split_whitespace().rev().take(4))
            .any(|w| matches!(w, "and" | "with" | "&"));
        if together || sentence[..at].trim_end().ends_with(',') {
            continue;
        }
        let after = skip_aside(&sentence[at + n.text.len()..]);
        let mut words = after.split_whitespace();
        let Some(verb) = words
            .next()
            .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()))
        else {
            continue;
        };
        let verb = verb.to_lowercase();
        if !ACTS.contains(&verb.as_str()) {
            continue;
        }
        let rest = &after[after.find(&*verb).map_or(0, |i| i + verb.len())..];
        let clause = rest.split([',', ';', '.', ':']).next().unwrap_or("");
        let object: Vec<String> = content_words(clause)
            .into_iter()
            .take(OBJECT_WORDS)
            .collect();
        if object.is_empty() {
            continue;
        }
        out.push(Act {
            actor: n.name.clone(),
            verb,
            object: stems(&object),
            evidence: crate::details::cited(sentence, (at, at + n.text.len())),
        });
    }
    out
}

/// The text after a name past what sits between it and its verb: a role set off by
/// commas (", the president,"), "has" or "had", and a day ("on Tuesday").
fn skip_aside(after: &str) -> &str {
    let mut rest = after.trim_start();
    if let Some(r) = rest.strip_prefix(',') {
        if let Some(end) = r.find(',') {
            rest = r[end + 1..].trim_start();
        }
    }
    for lead in [
        "has ",
        "had ",
        "on Monday ",
        "on Tuesday ",
        "on Wednesday ",
        "on Thursday ",
        "on Friday ",
        "on Saturday ",
        "on Sunday ",
        "yesterday ",
        "today ",
        "later ",
    ] {
        if let Some(r) = rest.strip_prefix(lead) {
            rest = r.trim_start();
        }
    }
    rest
}

/// The acts outlets credit to different people, one `contradicted` fact each. `articles`
/// holds each article's id and acts.
pub(crate) fn credited_differently(articles: &[(String, Vec<Act>)]) -> Vec<Fact> {
    let all: Vec<(&str, &Act)> = (articles.iter())
        .flat_map(|(id, acts)| acts.iter().map(move |a| (id.as_str(), a)))
        .collect();
    let one = |x: &Act, y: &Act| x.verb == y.verb && x.object.iter().any(|w| y.object.contains(w));
    let same = |x: &str, y: &str| parallax_text::same_name(x, y);
    let mut out = Vec::new();
    let mut done: Vec<usize> = Vec::new();
    for (i, (_, act)) in all.iter().enumerate() {
        if done.contains(&i) {
            continue;
        }
        let group: Vec<usize> = (0..all.len()).filter(|&j| one(act, all[j].1)).collect();
        done.extend(&group);
        // An article crediting the act to two people says both did it.
        let both = group.iter().any(|&j| {
            group
                .iter()
                .any(|&k| all[j].0 == all[k].0 && !same(&all[j].1.actor, &all[k].1.actor))
        });
        if both {
            continue;
        }
        let mut sides: Vec<(String, BTreeMap<String, String>)> = Vec::new();
        for &j in &group {
            let (a, x) = all[j];
            match sides.iter_mut().find(|(p, _)| same(p, &x.actor)) {
                Some((_, ev)) => {
                    ev.entry(a.to_string())
                        .or_insert_with(|| x.evidence.clone());
                }
                None => sides.push((
                    x.actor.clone(),
                    BTreeMap::from([(a.to_string(), x.evidence.clone())]),
                )),
            }
        }
        if sides.len() < 2 {
            continue;
        }
        out.push(crate::claims::contradicted(
            format!("who {} {}", act.verb, act.object.join(" ")),
            sides,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article_names;

    fn story(texts: &[(&str, &str)]) -> Vec<Fact> {
        let read: Vec<(String, Vec<Act>)> = texts
            .iter()
            .map(|(id, text)| {
                let names = article_names(&[text]);
                let found = parallax_text::sentences(text)
                    .flat_map(|s| acts(s, &crate::details::printed_in(s, &names)))
                    .collect();
                (id.to_string(), found)
            })
            .collect();
        credited_differently(&read)
    }

    #[test]
    fn one_act_credited_to_two_people_contradicts() {
        let found = story(&[
            ("a", "Governor Ilse Brandauer ordered an inquiry into the Vellin dam failure."),
            ("b", "Interior Minister Paavo Lind on Tuesday ordered an investigation into the dam failure at Vellin."),
            ("c", "The dam's operator, said Paavo Lind, had warned of cracks."),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        let actors: Vec<&str> = found[0].values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(actors, ["Ilse Brandauer", "Paavo Lind"]);
    }

    #[test]
    fn one_person_spelled_two_ways_or_two_people_in_one_outlet_do_not() {
        let found = story(&[
            (
                "a",
                "Minister Aleksandr Voronkov announced the closure of the pipeline.",
            ),
            (
                "b",
                "Minister Alexander Voronkov announced the pipeline's closure on Monday.",
            ),
            (
                "c",
                "Mayor Ada Kell signed the order. Judge Rui Sousa signed the order too.",
            ),
            ("d", "Mayor Ada Kell signed the order."),
        ]);
        assert!(found.is_empty(), "{found:?}");
        // Done together in one outlet, by one of the two in another: no contradiction.
        let found = story(&[
            ("a", "Mayor Ada Kell and Judge Rui Sousa signed the order."),
            ("b", "Judge Rui Sousa signed the order on Friday."),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }
}
