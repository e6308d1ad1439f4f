//! Properties that hold for any article, checked on generated ones: cleaning keeps the
//! body's characters as the input prints them, and every quotation and every fact's
//! evidence that an analysis reports is printed in its article.

use std::collections::HashMap;

use parallax_pipeline::{analyze, Settings};
use proptest::prelude::*;

/// How many generated cases each property runs: enough to mix every kind of line and
/// sentence, few enough that the file runs in seconds.
const CLEAN_CASES: u32 = 96;
const ANALYSIS_CASES: u32 = 12;

const NAMES: [&str; 6] = [
    "Ilse Varga",
    "Lena Brandt",
    "Tomas Ekdal",
    "Marta Solheim",
    "the coastguard",
    "Harbour Board chair Ove Lind",
];
const WORDS: [&str; 12] = [
    "ferry",
    "levy",
    "harbour",
    "crew",
    "dam",
    "council",
    "storm",
    "budget",
    "bridge",
    "passengers",
    "inquiry",
    "rescue",
];
const MONTHS: [&str; 4] = ["March", "June", "October", "December"];
const DAYS: [&str; 4] = ["Monday", "Tuesday", "yesterday", "last week"];

/// A clause of 3 to 8 of the [`WORDS`].
fn clause() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(&WORDS[..]), 3..8).prop_map(|w| w.join(" "))
}

/// One sentence: a quotation (straight or curly marks, attribution before or after),
/// reported speech, a count, a date, or a plain clause.
fn sentence() -> impl Strategy<Value = String> {
    let name = prop::sample::select(&NAMES[..]);
    prop_oneof![
        (clause(), name.clone())
            .prop_map(|(c, n)| format!("\"The {c} was never checked,\" {n} said.")),
        (clause(), name.clone()).prop_map(|(c, n)| format!("{n} said: “We knew the {c}.”")),
        (clause(), name.clone()).prop_map(|(c, n)| format!("{n} said that the {c} would rise.")),
        (1u32..100_000, prop::sample::select(&WORDS[..]))
            .prop_map(|(k, w)| format!("There were {k} {w} on Tuesday.")),
        (1u32..29, prop::sample::select(&MONTHS[..]), 2020u32..2030)
            .prop_map(|(d, m, y)| format!("The inquiry opens on {m} {d}, {y}.")),
        (prop::sample::select(&DAYS[..]), 1u32..90)
            .prop_map(|(d, p)| format!("The levy rose by {p}.5 percent {d}.")),
        clause().prop_map(|c| format!("The {c} stayed shut.")),
    ]
}

/// One line of a raw article: prose, boilerplate, bylines, blank lines, stray symbols.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" ")),
        1 => Just(String::new()),
        1 => Just("Share on Facebook Share on Twitter".to_string()),
        1 => Just("Advertisement".to_string()),
        1 => prop::sample::select(&NAMES[..]).prop_map(|n| format!("By {n}")),
        1 => Just("HALVERSTON, Norland, March 10 (NWA) - The dam opened.".to_string()),
        1 => Just("Read more: Ferry wreck questions".to_string()),
        1 => "[ \\t\\PC]{0,40}",
    ]
}

/// A raw article's text: an optional header block, then lines.
fn raw_text() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec(line(), 0..24),
        prop::sample::select(&["\n", "\r\n"][..]),
    )
        .prop_map(|(header, lines, newline)| {
            let mut text = String::new();
            if header {
                text.push_str("Title: Dam opens\nOutlet: The Courier\n\n");
            }
            text.push_str(&lines.join(newline));
            text
        })
}

/// The characters of `text` in the Unicode-scalar range `span`.
fn chars_at(text: &str, span: [usize; 2]) -> String {
    text.chars()
        .skip(span[0])
        .take(span[1].saturating_sub(span[0]))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CLEAN_CASES))]

    /// The cleaning's promise (`parallax_clean`'s crate docs): the body is its paragraphs,
    /// each the input's characters at its position and so a substring of the input, joined
    /// by blank lines; removed lines and appended text are the input's characters at their
    /// spans.
    #[test]
    fn cleaning_keeps_the_input_characters(text in raw_text(), split in any::<bool>()) {
        let raw = parallax_ingest::text_article("a".into(), "a.txt".into(), &text);
        let settings = parallax_clean::Settings { split_appended: split, drop_repeated_lines: split };
        let article = parallax_clean::clean(&raw, &settings);
        let pieces: Vec<String> = article.paragraphs.iter().map(|&p| chars_at(&raw.text, p)).collect();
        for p in &pieces {
            prop_assert!(raw.text.contains(p.as_str()), "{p:?} is not in the input");
        }
        prop_assert_eq!(&article.body, &pieces.join("\n\n"));
        for r in &article.removed {
            prop_assert_eq!(&r.text, &chars_at(&raw.text, r.span));
        }
        for a in &article.appended {
            prop_assert_eq!(&a.text, &chars_at(&raw.text, a.span));
        }
    }
}

/// An article file of one outlet on the shared event: header, then paragraphs.
fn article() -> impl Strategy<Value = String> {
    (
        prop::sample::select(&["The Courier", "Coast Post", "NWA", "Meridian"][..]),
        1u32..28,
        prop::collection::vec(prop::collection::vec(sentence(), 1..4), 2..7),
    )
        .prop_map(|(outlet, day, paragraphs)| {
            let body: Vec<String> = paragraphs.iter().map(|p| p.join(" ")).collect();
            format!(
                "Title: Ferry levy rises after harbour inquiry\nOutlet: {outlet}\nPublished: 2026-03-{day:02}T10:00:00+00:00\n\n\
                 HALVERSTON, Norland (NWA) - The harbour levy will rise after the ferry inquiry.\n\n{}\n",
                body.join("\n\n")
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(ANALYSIS_CASES))]

    /// Every quotation part (and its position, when given) and every fact's evidence that
    /// an analysis reports is printed in the article it names.
    #[test]
    fn quotations_and_evidence_are_printed_in_their_articles(
        articles in prop::collection::vec(article(), 1..4)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let mut texts = HashMap::new();
        for (k, text) in articles.iter().enumerate() {
            let id = format!("a{k}");
            std::fs::write(dir.path().join(format!("{id}.txt")), text).unwrap();
            texts.insert(id, text.as_str());
        }
        let mut settings = Settings::default();
        settings.embeddings.enabled = false;
        let analysis = analyze(&[dir.path().to_path_buf()], &settings, &|_| {}).unwrap();
        prop_assert_eq!(analysis.summary.articles, articles.len());
        // Parts checked: a generated article that says something must have some.
        let mut quoted = 0;
        for story in analysis.stories() {
            let story = story.unwrap();
            prop_assert!(story.problem.is_none(), "{:?}", story.problem);
            for quote in story.quotes.iter().chain(&story.reported_speech) {
                for o in &quote.occurrences {
                    let text = texts[&o.article];
                    for part in &o.parts {
                        quoted += 1;
                        prop_assert!(text.contains(part.as_str()), "{part:?} is not in {}", o.article);
                    }
                    if let Some(spans) = &o.spans {
                        let body = &text[text.find("\n\n").unwrap() + 2..];
                        for (part, &span) in o.parts.iter().zip(spans) {
                            prop_assert_eq!(part, &chars_at(body, span));
                        }
                    }
                }
            }
            for fact in &story.facts {
                for value in &fact.values {
                    for (id, evidence) in &value.articles {
                        prop_assert!(texts[id].contains(evidence.as_str()), "{evidence:?} is not in {id}");
                    }
                }
            }
        }
        let said = articles.iter().any(|a| a.contains(" said"));
        prop_assert!(quoted > 0 || !said, "no quotation found in articles that quote");
    }
}
