//! The JSON report `parallax analyze` writes follows the contract (`parallax_eval::validate`)
//! whatever articles it is given: generated text files, JSON lines and HTML pages of quotes,
//! numbers, dates and stray characters.

mod common;

use common::analyze;
use proptest::prelude::*;

/// How many generated folders are analysed: each runs the binary once, so a few suffice to
/// mix every format and kind of sentence in seconds.
const CASES: u32 = 8;

const NAMES: [&str; 4] = ["Ilse Varga", "Lena Brandt", "the coastguard", "Ove Lind"];
const WORDS: [&str; 8] = [
    "ferry", "levy", "harbour", "crew", "dam", "council", "storm", "inquiry",
];

/// One sentence: a quotation, reported speech, a count, a date, or stray characters.
fn sentence() -> impl Strategy<Value = String> {
    let name = prop::sample::select(&NAMES[..]);
    let clause =
        prop::collection::vec(prop::sample::select(&WORDS[..]), 2..6).prop_map(|w| w.join(" "));
    prop_oneof![
        (clause.clone(), name.clone()).prop_map(|(c, n)| format!("\"The {c} failed,\" {n} said.")),
        (clause.clone(), name).prop_map(|(c, n)| format!("{n} said that the {c} would rise.")),
        (1u32..100_000).prop_map(|k| format!("There were {k} passengers on Tuesday.")),
        (1u32..29, 2020u32..2030).prop_map(|(d, y)| format!("It opens on March {d}, {y}.")),
        "[a-z“”\"' .,0-9\\PC]{1,30}",
    ]
}

/// One article's body: a plain opening paragraph, then paragraphs of sentences.
fn body() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join(" ")),
        1..5,
    )
    .prop_map(|mut paragraphs| {
        paragraphs.insert(0, "The harbour inquiry opened on Tuesday.".to_string());
        paragraphs
    })
}

/// The HTML-escaped form of `s`.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Writes each body as a text file, a JSON line or an HTML page, by turns.
fn write_inputs(dir: &std::path::Path, bodies: &[Vec<String>]) {
    let mut lines = String::new();
    for (k, paragraphs) in bodies.iter().enumerate() {
        let title = format!("Ferry levy rises {k}");
        match k % 3 {
            0 => {
                let text = format!(
                    "Title: {title}\nOutlet: The Courier\nPublished: 2026-03-10T10:00:00+00:00\n\n{}\n",
                    paragraphs.join("\n\n")
                );
                std::fs::write(dir.join(format!("a{k}.txt")), text).unwrap();
            }
            1 => {
                let line = serde_json::json!({
                    "id": format!("a{k}"),
                    "title": title,
                    "outlet": "Coast Post",
                    "published": "2026-03-11T10:00:00Z",
                    "text": paragraphs.join("\n\n"),
                });
                lines.push_str(&format!("{line}\n"));
            }
            _ => {
                let ps: String = paragraphs
                    .iter()
                    .map(|p| format!("<p>{}</p>", escape(p)))
                    .collect();
                let page = format!(
                    "<!doctype html><html><head><title>{title}</title></head><body><article><h1>{title}</h1>{ps}</article></body></html>"
                );
                std::fs::write(dir.join(format!("a{k}.html")), page).unwrap();
            }
        }
    }
    if !lines.is_empty() {
        std::fs::write(dir.join("lines.jsonl"), lines).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn the_report_follows_the_contract(bodies in prop::collection::vec(body(), 1..6)) {
        // Words alone: the embedding model, when fetched, would only slow each run.
        std::env::set_var("PARALLAX_MODEL_DIR", "/nonexistent");
        let input = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        write_inputs(input.path(), &bodies);
        let (output, report) = analyze(&[input.path()], out.path());
        prop_assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let problems = parallax_eval::validate(&report);
        prop_assert!(problems.is_empty(), "contract: {problems:#?}");
        prop_assert!(report["articles"].as_array().is_some_and(|a| !a.is_empty()));
    }
}
