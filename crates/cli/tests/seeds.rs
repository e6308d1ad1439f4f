//! The binary on the five real seed articles in `../shared/seeds` (run only where that
//! folder exists, as in CI).

mod common;

use common::{analyze, assert_floor};

#[test]
fn seed_articles_meet_the_done_floors() {
    let Some(shared) = common::shared() else {
        println!("../shared not found: seed test skipped");
        return;
    };
    println!("scoring the seeds in {}", shared.display());
    let seeds = shared.join("seeds");
    let out = tempfile::tempdir().unwrap();
    let (output, report) = analyze(&[&seeds], out.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let problems = parallax_eval::validate(&report);
    assert!(problems.is_empty(), "contract: {problems:#?}");

    let key: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(seeds.join("key.json")).unwrap()).unwrap();
    let metrics = parallax_eval::score(&key, &report, &seeds);
    assert_floor(&metrics, "clean.f1", 0.95);
    assert_floor(&metrics, "clean.appended_separated", 1.0);
    assert_floor(&metrics, "articles.metadata", 1.0);
    assert_floor(&metrics, "cluster.bcubed_f1", 1.0);
    assert_floor(&metrics, "cluster.origin", 1.0);

    if let Some(reference) = common::reference_score(
        &shared,
        &seeds.join("key.json"),
        &out.path().join("report.json"),
        &seeds,
    ) {
        let get = |n: &str| {
            reference
                .iter()
                .find(|(m, _)| m == n)
                .map(|x| x.1)
                .unwrap_or_else(|| panic!("reference lacks {n}"))
        };
        assert!(get("clean.f1") >= 0.95);
        assert_eq!(get("clean.appended_separated"), 1.0);
        assert_eq!(get("articles.metadata"), 1.0);
        assert_eq!(get("cluster.bcubed_f1"), 1.0);
        assert_eq!(get("cluster.origin"), 1.0);
        assert_eq!(
            get("provenance.exact"),
            1.0,
            "every cited string is in its article"
        );
        // Quote floors, met on words alone (today 1.000, 0.933, 1.000, 0.952, 0.965 and
        // 0.818). Precision is 42 of 45: three reports in the outlets' own words join the
        // utterances they render, and the key lists none of them as an occurrence: seed
        // 002's "Rubio cautioned that getting to a peace agreement would not be easy and
        // would require significant effort" (seed 004 reports the same words: "it would
        // require a great deal of effort to get there"), and seeds 002 and 003's "saying the
        // president had pivoted toward a peace deal due to significant progress", Witkoff's
        // account of the progress he is quoted on. Seed 004's unmarked first-person
        // sentences join the quotations they retranslate sense for sense.
        assert!(get("quotes.direct_recall") >= 0.95);
        assert!(get("quotes.precision") >= 0.9);
        assert!(get("quotes.attribution_accuracy") >= 0.95);
        assert!(get("quotes.fidelity_accuracy") >= 0.9);
        assert!(get("quotes.alignment_f1") >= 0.9);
        assert!(get("quotes.indirect_recall") >= 0.75);
        // The embedding model adds links by meaning; it must not cost any of that (the
        // same scores today).
        if parallax_embed::locate(None).is_some() {
            assert!(get("quotes.alignment_f1") >= 0.9);
            assert!(get("quotes.fidelity_accuracy") >= 0.9);
        } else {
            println!("no embedding model: the quote floors with meaning were not checked");
        }
        // Every labelled date expression resolves to its day (10/10 today).
        assert!(get("timeline.dates_resolved") >= 0.9);
        // Names merged across outlets and spellings (1.0 today).
        assert!(get("entities.bcubed_f1") >= 0.9);
        // Facts (today: contradictions 2/2 with none false, agreements 8/9, single-source
        // 10/12, numbers 3/3).
        assert_eq!(get("facts.contradictions_found"), 1.0);
        assert!(get("facts.false_contradictions") <= 1.0);
        assert!(get("facts.agreements_found") >= 0.8);
        assert!(get("facts.single_source_found") >= 0.75);
        assert!(get("facts.numbers_normalized") >= 1.0);
        assert_eq!(get("quotes.non_speech_taken"), 0.0);
    }
}
