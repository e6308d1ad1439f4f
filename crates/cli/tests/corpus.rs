//! The binary on the bundled example corpus: a report that follows the contract and scores
//! above the floors measured for it.

mod common;

use common::{analyze, assert_floor, root};

#[test]
fn example_corpus_report_scores_above_its_floors() {
    let corpus = root().join("examples/corpus");
    let out = tempfile::tempdir().unwrap();
    let (output, report) = analyze(&[&corpus], out.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "exit {:?}: {stderr}",
        output.status
    );
    assert!(stderr.contains("21 articles read, 0 skipped"), "{stderr}");
    assert!(stderr.contains("report written to"), "{stderr}");

    let problems = parallax_eval::validate(&report);
    assert!(problems.is_empty(), "contract: {problems:#?}");
    assert_eq!(
        report["settings"]["stories"]["threshold"],
        serde_json::json!(0.15)
    );

    let key: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("key.json")).unwrap()).unwrap();
    let metrics = parallax_eval::score(&key, &report, &corpus);
    // Floors set from measurement: every one of these is 1.0 today.
    assert_floor(&metrics, "clean.f1", 0.95);
    assert_floor(&metrics, "clean.appended_separated", 1.0);
    assert_floor(&metrics, "articles.metadata", 0.95);
    assert_floor(&metrics, "articles.kind_accuracy", 0.9);
    assert_floor(&metrics, "cluster.bcubed_f1", 0.9);
    assert_floor(&metrics, "cluster.copies_found", 1.0);
    assert_floor(&metrics, "cluster.origin", 0.75);
    assert_eq!(
        parallax_eval::metric(&metrics, "cluster.false_copies"),
        Some(0.0)
    );
    // Speech only ever reported ("the coastguard said", "according to the coastal
    // authority"): measured 1.0, 1.0, 0.907 and 0.714.
    assert_floor(&metrics, "reported.recall", 0.95);
    assert_floor(&metrics, "reported.precision", 0.95);
    assert_floor(&metrics, "reported.attribution", 0.9);
    assert_floor(&metrics, "reported.alignment_f1", 0.7);

    if let Some(shared) = common::shared() {
        let reference = common::reference_score(
            &shared,
            &corpus.join("key.json"),
            &out.path().join("report.json"),
            &corpus,
        );
        if let Some(reference) = reference {
            let get = |n: &str| reference.iter().find(|(m, _)| m == n).map(|x| x.1);
            // The ferry's passenger count (26 / 62) is found, and nothing else is called
            // a contradiction.
            assert_eq!(get("facts.contradictions_found"), Some(1.0));
            assert_eq!(get("facts.false_contradictions"), Some(0.0));
            assert_eq!(get("provenance.exact"), Some(1.0));
            // Quotes, facts, timeline and entities, with floors at what words alone give
            // (the sentence model adds to alignment and fidelity): measured 1.0, 1.0, 1.0,
            // 0.935, 0.957 (1.0 and 1.0 with the model); agreements 0.903 (two-word statements about nobody count),
            // single-source 0.875 (a time of day one outlet alone gives), numbers, dates
            // and entities 1.0.
            let floors = [
                ("quotes.direct_recall", 1.0),
                ("quotes.precision", 0.95),
                ("quotes.attribution_accuracy", 0.95),
                ("quotes.alignment_f1", 0.9),
                ("quotes.fidelity_accuracy", 0.9),
                ("facts.agreements_found", 0.87),
                ("facts.single_source_found", 0.85),
                ("facts.numbers_normalized", 1.0),
                ("timeline.dates_resolved", 1.0),
                ("entities.bcubed_f1", 0.95),
            ];
            for (name, floor) in floors {
                let value = get(name).unwrap_or_else(|| panic!("no {name}"));
                assert!(value >= floor, "{name} {value} < {floor}");
            }
            assert_eq!(get("quotes.non_speech_taken"), Some(0.0));
            for (name, value) in reference.iter().filter(|(n, _)| {
                n.starts_with("clean.") || n.starts_with("cluster.") || n.starts_with("articles.")
            }) {
                let ours = parallax_eval::metric(&metrics, name)
                    .unwrap_or_else(|| panic!("the Rust scorer lacks {name}"));
                assert!(
                    (ours - value).abs() < 1e-3,
                    "{name}: reference {value}, ours {ours}"
                );
            }
        }
    } else {
        println!("../shared not found: the reference scorer was not run");
    }

    // The mayor's words, as three outlets printed them (one in its headline too), are one
    // quote with her as speaker.
    let mayor = common::story_with(&report, "mayor-nwa");
    let voss = mayor["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| {
            q["text"]
                .as_str()
                .unwrap()
                .starts_with("I did not take a single crown")
        })
        .expect("the mayor's quote");
    assert_eq!(voss["speaker"], "Ada Voss");
    assert_eq!(voss["occurrences"].as_array().unwrap().len(), 4);

    let page = std::fs::read_to_string(out.path().join("report.html")).unwrap();
    assert!(page.contains("Halverston mayor Ada Voss resigns after harbour audit"));
    assert!(page.contains("Removed:"));
}

#[test]
fn every_removed_and_appended_text_is_in_its_input() {
    let corpus = root().join("examples/corpus");
    let out = tempfile::tempdir().unwrap();
    let (_, report) = analyze(&[&corpus], out.path());
    let mut placed = 0;
    for a in report["articles"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        let input = std::fs::read_to_string(corpus.join(format!("{id}.txt"))).unwrap();
        let chars: Vec<char> = input.chars().collect();
        let (header, offset) = parallax_ingest::parse_header(&input);
        let _ = header;
        let skip = input[..offset].chars().count();
        // The characters a span of the report selects in the input text.
        let at = |span: &serde_json::Value| -> String {
            let (s, e) = (
                span[0].as_u64().unwrap() as usize + skip,
                span[1].as_u64().unwrap() as usize + skip,
            );
            chars[s..e].iter().collect()
        };
        for piece in a["removed"]
            .as_array()
            .unwrap()
            .iter()
            .chain(a["appended"].as_array().unwrap())
        {
            let text = piece["text"].as_str().unwrap();
            assert_eq!(at(&piece["span"]), text, "{id}: span of {text:?}");
        }
        let said = report["stories"].as_array().unwrap().iter().flat_map(|s| {
            let reported = s["reported_speech"].as_array().into_iter().flatten();
            s["quotes"].as_array().unwrap().iter().chain(reported)
        });
        for o in said
            .flat_map(|q| q["occurrences"].as_array().unwrap())
            .filter(|o| o["article"] == id)
        {
            let parts = o["parts"].as_array().unwrap();
            for part in parts {
                assert!(
                    input.contains(part.as_str().unwrap()),
                    "{id}: quote part not in the input: {part}"
                );
            }
            // Each part's span selects exactly its characters; only a headline from the
            // header block is printed nowhere in the input text.
            let Some(spans) = o["spans"].as_array() else {
                let title = a["title"].as_str().unwrap_or_default();
                assert!(
                    parts.iter().all(|p| title.contains(p.as_str().unwrap())),
                    "{id}: no spans for {parts:?}"
                );
                continue;
            };
            assert_eq!(spans.len(), parts.len(), "{id}: spans of {parts:?}");
            for (span, part) in spans.iter().zip(parts) {
                assert_eq!(at(span), part.as_str().unwrap());
                placed += 1;
            }
        }
        // Every entity and timeline mention is placed where its article first prints it.
        let mentions = report["stories"].as_array().unwrap().iter().flat_map(|s| {
            let entities = s["entities"].as_array().into_iter().flatten();
            let dates = s["timeline"].as_array().into_iter().flatten();
            entities
                .chain(dates)
                .flat_map(|e| e["mentions"].as_array().into_iter().flatten())
        });
        for m in mentions.filter(|m| m["article"] == id) {
            let text = m["text"].as_str().unwrap();
            let span = &m["span"];
            assert!(span.is_array(), "{id}: no span for the mention {text:?}");
            assert_eq!(at(span), text, "{id}: mention span");
            placed += 1;
        }
        for paragraph in a["body"].as_str().unwrap().split("\n\n") {
            assert!(
                input.contains(paragraph),
                "{id}: body paragraph not in the input: {paragraph:?}"
            );
        }
    }
    assert!(placed > 30, "only {placed} parts placed");
}

/// Analyses the labelled corpus `crates/cli/tests/corpora/<name>`, checks that the run
/// succeeded and the report follows the contract, and scores it against the corpus's key:
/// (the corpus folder, the folder holding the report, the report, its metrics).
fn scored(
    name: &str,
) -> (
    std::path::PathBuf,
    tempfile::TempDir,
    serde_json::Value,
    Vec<parallax_eval::Metric>,
) {
    let corpus = root().join("crates/cli/tests/corpora").join(name);
    let out = tempfile::tempdir().unwrap();
    let (output, report) = analyze(&[&corpus], out.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(parallax_eval::validate(&report).is_empty());
    let key: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(corpus.join("key.json")).unwrap()).unwrap();
    let metrics = parallax_eval::score(&key, &report, &corpus);
    (corpus, out, report, metrics)
}

/// A second corpus in other house styles (share and like bars, video pointers, source
/// lists, a lone comment piece), written after the cleaning rules to check that they
/// generalise.
#[test]
fn house_styles_corpus_scores_above_its_floors() {
    let (_, _, _, metrics) = scored("house-styles");
    // Measured 1.0 each; before the rules were widened for these styles: clean.f1 0.863,
    // cluster.bcubed_f1 0.909, cluster.origin 0.5.
    assert_floor(&metrics, "clean.f1", 0.95);
    assert_floor(&metrics, "articles.metadata", 0.95);
    assert_floor(&metrics, "articles.kind_accuracy", 1.0);
    assert_floor(&metrics, "cluster.bcubed_f1", 0.95);
    assert_floor(&metrics, "cluster.copies_found", 1.0);
    assert_floor(&metrics, "cluster.origin", 1.0);
    assert_eq!(
        parallax_eval::metric(&metrics, "cluster.false_copies"),
        Some(0.0)
    );
}

#[test]
fn rewrites_corpus_keeps_same_place_events_apart() {
    let (_, _, report, metrics) = scored("rewrites");
    assert_floor(&metrics, "clean.f1", 0.95);
    assert_floor(&metrics, "articles.metadata", 0.95);
    assert_floor(&metrics, "cluster.origin", 1.0);
    // Measured 1.0; 0.875 (P 1.0, R 0.778) before lone retellings were attached: the
    // foreign desk's retelling shares little but the names with the wire report, and less
    // with the digest, so its average over the story fell short.
    assert_floor(&metrics, "cluster.bcubed_f1", 0.95);
    let story_of = |id: &str| {
        report["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .map(|a| a["story"].clone())
            .unwrap()
    };
    // The same town, mayor and river, in the same weeks: three events, three stories.
    assert_eq!(story_of("span-wire"), story_of("span-digest"));
    assert_eq!(story_of("span-wire"), story_of("span-abroad"));
    assert_ne!(story_of("span-wire"), story_of("school-opening"));
    assert_ne!(story_of("span-wire"), story_of("flood-brekke"));
    assert_ne!(story_of("school-opening"), story_of("flood-brekke"));
}

/// The quotations corpus: one story from four outlets, written to hold the hard cases of
/// quotation work (a quote split by its attribution, one run over paragraphs, one whose
/// opening mark is lost, partial phrases, an unmarked retranslated sentence, the same words
/// given to two people, a role standing for a name, two people sharing a surname, and
/// quoted terms nobody said).
#[test]
fn quotations_corpus_hard_cases() {
    let (corpus, out, report, metrics) = scored("quotes");
    assert_floor(&metrics, "cluster.bcubed_f1", 1.0);
    assert_floor(&metrics, "articles.kind_accuracy", 1.0);
    // Measured 1.0 each: "the minister" is Anna Lindqvist, and the union's lawyer Per
    // Lindqvist keeps his own name.
    assert_floor(&metrics, "reported.recall", 1.0);
    assert_floor(&metrics, "reported.attribution", 1.0);

    let stories = report["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    let story = &stories[0];
    let occurrences: Vec<&serde_json::Value> = story["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|q| q["occurrences"].as_array().unwrap())
        .collect();
    // Quoted terms are not speech.
    for term in ["green lane", "Harbour Compact", "Iron Lady"] {
        assert!(
            occurrences.iter().all(|o| o["parts"][0] != term),
            "{term} taken as a quotation"
        );
    }
    // The words each outlet gives to someone, with who it names.
    let speaker_of = |article: &str, start: &str| -> String {
        occurrences
            .iter()
            .find(|o| o["article"] == article && o["parts"][0].as_str().unwrap().starts_with(start))
            .unwrap_or_else(|| panic!("{article}: no quotation starting {start:?}"))["speaker"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(speaker_of("dock-abroad", "Nobody has won"), "Oskar Brenne");
    assert_eq!(
        speaker_of("dock-courier", "This agreement"),
        "Sigrid Talvik"
    );
    assert_eq!(
        speaker_of("dock-courier", "It is a fair deal"),
        "Jens Okafor"
    );
    assert_eq!(speaker_of("dock-abroad", "a fair deal"), "Anna Lindqvist");
    assert_eq!(
        speaker_of("dock-wire", "It is a fair deal"),
        "Anna Lindqvist"
    );
    // A quotation closed at its paragraph's end is not run on into the next one.
    let wire_talvik: Vec<usize> = occurrences
        .iter()
        .filter(|o| o["article"] == "dock-wire" && o["speaker"] == "Sigrid Talvik")
        .map(|o| o["parts"].as_array().unwrap().len())
        .collect();
    assert_eq!(wire_talvik, [1, 2]);
    // Each quotation's speaker is tied to the story's entity of that name.
    for q in story["quotes"].as_array().unwrap() {
        let entity = story["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == q["speaker_entity"])
            .unwrap_or_else(|| panic!("{} has no speaker entity", q["id"]));
        assert_eq!(entity["name"], q["speaker"]);
    }
    // The same words given to two people is a contradicted fact.
    assert!(story["facts"].as_array().unwrap().iter().any(|f| {
        f["status"] == "contradicted"
            && f["topic"]
                .as_str()
                .unwrap()
                .starts_with("who said “It is a fair deal")
    }));

    if let Some(shared) = common::shared() {
        if let Some(reference) = common::reference_score(
            &shared,
            &corpus.join("key.json"),
            &out.path().join("report.json"),
            &corpus,
        ) {
            // Measured 1.0 each, with and without the sentence model.
            for name in [
                "quotes.direct_recall",
                "quotes.indirect_recall",
                "quotes.precision",
                "quotes.attribution_accuracy",
                "quotes.alignment_f1",
                "quotes.fidelity_accuracy",
                "facts.contradictions_found",
            ] {
                let value = reference
                    .iter()
                    .find(|(m, _)| m == name)
                    .map(|x| x.1)
                    .unwrap_or_else(|| panic!("no {name}"));
                assert!(value >= 0.95, "{name} {value}");
            }
            let get = |n: &str| reference.iter().find(|(m, _)| m == n).map(|x| x.1);
            assert_eq!(get("quotes.non_speech_taken"), Some(0.0));
            assert_eq!(get("facts.false_contradictions"), Some(0.0));
        }
    } else {
        println!("../shared not found: the reference scorer was not run");
    }
}

/// Two corpora written apart from the code, to measure who said what on house styles
/// nobody tuned the rules to: every quotation and reported statement labelled, in many
/// mark conventions and attribution shapes.
#[test]
fn attribution_corpora_name_their_speakers() {
    // Measured with the model and without it (the same): direct recall
    // 0.988 and 1.000, precision 0.989 and 0.989, attribution 0.946 and 0.977, fidelity
    // 0.891 and 0.907, nothing non-speech taken. Before the reading layer: direct recall
    // 0.768 and 0.764, precision 0.987 and 0.910, attribution 0.613 and 0.738.
    for name in ["water-chess-tunnel", "recall-recount-launch"] {
        let (corpus, out, _, _) = scored(name);
        let Some(shared) = common::shared() else {
            println!("../shared not found: the reference scorer was not run on {name}");
            continue;
        };
        let Some(reference) = common::reference_score(
            &shared,
            &corpus.join("key.json"),
            &out.path().join("report.json"),
            &corpus,
        ) else {
            continue;
        };
        let get = |n: &str| reference.iter().find(|(m, _)| m == n).map(|x| x.1);
        for (metric, floor) in [
            ("quotes.direct_recall", 0.95),
            ("quotes.precision", 0.95),
            ("quotes.attribution_accuracy", 0.9),
            ("quotes.fidelity_accuracy", 0.85),
        ] {
            let value = get(metric).unwrap_or_else(|| panic!("{name}: no {metric}"));
            assert!(value >= floor, "{name}: {metric} {value} < {floor}");
        }
        assert_eq!(get("quotes.non_speech_taken"), Some(0.0), "{name}");
    }
}
