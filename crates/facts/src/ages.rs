//! People's ages as outlets print them ("Ada Voss, 58,", "58-year-old Ada Voss", "Voss,
//! aged 58,"): one fact per person of the story, agreed when every outlet gives the same
//! age, contradicted when they differ, single-source when one outlet gives it.
//!
//! ## What it handles
//! An age right after a name and set off by commas, after "aged", or before the name as
//! "N-year-old" (with words between: "58-year-old harbour master Ada Voss"); the name is
//! taken in its fullest form in the article, and people across outlets are one person when
//! their names sound alike ([`parallax_text::name_key`]).
//!
//! ## What it does not
//! Ages of unnamed people ("a 58-year-old man"), ages in words ("fifty-eight"), or an age
//! that changed between two reports (a birthday between them reads as a contradiction).
//! Two ages one article gives under one name are two people's and make no fact.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use parallax_model::{Fact, FactValue};
use regex::Regex;

use crate::entities::NameMention;

/// One age one article gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    /// The person, in the fullest form the article prints.
    pub person: String,
    /// The age in years.
    pub years: u32,
    /// The sentence that gives it: exact characters of the article.
    pub evidence: String,
}

const NAME: &str = r"\p{Lu}[\p{L}’'\-]+(?:\s+(?:(?:von|van|der|de|da)\s+)?\p{Lu}[\p{L}’'\-]+)*";

static AFTER_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<name>{NAME}),\s+(?:aged\s+)?(?P<age>\d{{1,3}}),"
    ))
    .unwrap()
});

static BEFORE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?-u:\b)(?P<age>\d{{1,3}})-year-old\s+(?:\p{{Ll}}[\p{{L}}\-]*\s+){{0,3}}(?P<name>{NAME})"
    ))
    .unwrap()
});

/// The ages an article's paragraphs give to the people it names (`names`, from
/// [`crate::article_names`]).
pub fn ages(paragraphs: &[&str], names: &[NameMention]) -> Vec<Age> {
    // A printed name is a person the article names in full: "Voss" is "Ada Voss".
    let person = |printed: &str| -> Option<String> {
        let last = printed.split_whitespace().last()?;
        names
            .iter()
            .filter(|n| n.name.contains(' ') && crate::entities::kind_of(&n.name) == "person")
            .filter(|n| printed.ends_with(n.name.as_str()) || n.name.ends_with(&format!(" {last}")))
            .map(|n| n.name.clone())
            .max_by_key(String::len)
    };
    let mut out = Vec::new();
    for p in paragraphs {
        for sentence in parallax_text::sentences(p) {
            for c in AFTER_NAME
                .captures_iter(sentence)
                .chain(BEFORE_NAME.captures_iter(sentence))
            {
                let (Some(name), Some(years)) = (
                    person(&c["name"]),
                    c["age"]
                        .parse::<u32>()
                        .ok()
                        .filter(|y| (1..=120).contains(y)),
                ) else {
                    continue;
                };
                let age = Age {
                    person: name,
                    years,
                    evidence: sentence.trim().to_string(),
                };
                if !out.contains(&age) {
                    out.push(age);
                }
            }
        }
    }
    out
}

/// Each age a person is given, with the articles (id → evidence) that give it.
type AgesGiven = BTreeMap<u32, BTreeMap<String, String>>;

/// One fact per person whose age some outlet gives (see the module comment).
pub fn age_facts(articles: &[(String, Vec<Age>)]) -> Vec<Fact> {
    // Person (sound key of the full name) → a printed name and the ages given.
    let mut by_person: BTreeMap<String, (String, AgesGiven)> = BTreeMap::new();
    for (id, list) in articles {
        for a in list {
            let key = a
                .person
                .split_whitespace()
                .map(parallax_text::name_key)
                .collect::<Vec<_>>()
                .join(" ");
            let entry = by_person
                .entry(key)
                .or_insert_with(|| (a.person.clone(), BTreeMap::new()));
            entry
                .1
                .entry(a.years)
                .or_default()
                .entry(id.clone())
                .or_insert_with(|| a.evidence.clone());
        }
    }
    by_person
        .into_values()
        .filter_map(|(person, values)| {
            let outlets: usize = values.values().map(BTreeMap::len).sum();
            // One article giving two ages under one name speaks of two people ("Gomes,
            // 35" and his mother "Kathryn Gomes, 61"): no fact about one age.
            let articles: std::collections::BTreeSet<&String> =
                values.values().flat_map(BTreeMap::keys).collect();
            if articles.len() < outlets {
                return None;
            }
            let status = if values.len() > 1 {
                "contradicted"
            } else if outlets > 1 {
                "agreed"
            } else {
                "single_source"
            };
            Some(Fact {
                id: String::new(),
                topic: format!("the age of {person}"),
                status: status.into(),
                values: values
                    .into_iter()
                    .map(|(years, articles)| FactValue {
                        value: years.to_string(),
                        normalized: serde_json::json!(years),
                        articles,
                    })
                    .collect(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article_names;

    fn read(id: &str, text: &str) -> (String, Vec<Age>) {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let names = article_names(&paragraphs);
        (id.to_string(), ages(&paragraphs, &names))
    }

    #[test]
    fn ages_are_found_after_and_before_names() {
        for (text, person, years) in [
            (
                "Harbour master Ada Voss, 58, said the light was out.",
                "Ada Voss",
                58,
            ),
            (
                "Ada Voss said so. Voss, aged 58, has led the port since 2019.",
                "Ada Voss",
                58,
            ),
            (
                "The 58-year-old harbour master Ada Voss said so.",
                "Ada Voss",
                58,
            ),
        ] {
            let (_, found) = read("a", text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(
                (found[0].person.as_str(), found[0].years),
                (person, years),
                "{text}"
            );
        }
        for text in [
            "A 58-year-old man was hurt.",
            "Kessa, 58, is a town.",
            "On March 3, 2026, the port closed.",
        ] {
            assert!(read("a", text).1.is_empty(), "{text}");
        }
    }

    #[test]
    fn outlets_agree_and_disagree_on_ages() {
        let story = [
            read(
                "a",
                "Mayor Ada Voss, 58, closed the bridge. Per Lind, 41, agreed.",
            ),
            read("b", "The 58-year-old mayor Ada Voss closed the bridge."),
            read("c", "Ada Voss, 59, closed the bridge."),
        ];
        let facts = age_facts(&story);
        let of = |topic: &str| facts.iter().find(|f| f.topic == topic).expect(topic);
        let voss = of("the age of Ada Voss");
        assert_eq!(voss.status, "contradicted");
        let values: Vec<(&str, usize)> = voss
            .values
            .iter()
            .map(|v| (v.value.as_str(), v.articles.len()))
            .collect();
        assert_eq!(values, [("58", 2), ("59", 1)]);
        assert_eq!(of("the age of Per Lind").status, "single_source");
        let agreed = age_facts(&story[..2]);
        assert_eq!(agreed[0].status, "agreed");
    }
}
