//! With the embedding model (`scripts/fetch-model`), a quotation retold in other words by a
//! second outlet is aligned with the original; without it the test says it skipped.

use parallax_pipeline::{analyze, Settings};

const WIRE: &str = "Title: Ostvik bridge to be rebuilt\nOutlet: Norland Wire Agency\nPublished: 2026-10-16T09:00:00+02:00\n\nOstvik's mayor, Ingrid Solheim, promised on Friday to rebuild the road bridge over the river Tarn that collapsed on Thursday.\n\n“We will rebuild the bridge before the winter comes, whatever it costs,” Solheim told reporters at the town hall.\n\nEngineers from the regional roads authority began inspecting the remaining piers on Friday morning.";

const RETOLD: &str = "Title: Norland town vows new river crossing\nOutlet: Continental Daily\nPublished: 2026-10-16T15:00:00+01:00\n\nThe mayor of Ostvik, Ingrid Solheim, has pledged to replace the collapsed bridge over the Tarn.\n\n“We are going to have the bridge rebuilt ahead of winter, no matter the cost,” Solheim said on Friday.\n\nInspectors from the roads authority examined the piers that are still standing.";

#[test]
fn a_retold_quotation_joins_the_original() {
    if parallax_embed::locate(None).is_none() {
        eprintln!("no embedding model (scripts/fetch-model): skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("wire.txt"), WIRE).unwrap();
    std::fs::write(dir.path().join("retold.txt"), RETOLD).unwrap();
    let run = |settings: &Settings| {
        let a = analyze(&[dir.path().to_path_buf()], settings, &|_| {}).unwrap();
        let stories: Vec<_> = a.stories().map(Result::unwrap).collect();
        assert_eq!(stories.len(), 1, "one story: {stories:?}");
        (a, stories)
    };
    let (with, stories) = run(&Settings::default());
    assert_eq!(
        with.summary.embedding_model.as_deref(),
        Some("all-minilm-l6-v2")
    );
    let quotes = &stories[0].quotes;
    assert_eq!(quotes.len(), 1, "{quotes:#?}");
    let mut grades: Vec<(&str, &str)> = quotes[0]
        .occurrences
        .iter()
        .map(|o| (o.article.as_str(), o.fidelity.as_str()))
        .collect();
    grades.sort();
    // Either version can be the reference (the fuller one is); the other is altered.
    assert!(
        grades == [("retold", "altered"), ("wire", "verbatim")]
            || grades == [("retold", "verbatim"), ("wire", "altered")],
        "{grades:?}"
    );

    let mut words_alone = Settings::default();
    words_alone.embeddings.enabled = false;
    let (without, stories) = run(&words_alone);
    assert_eq!(without.summary.embedding_model, None);
    assert_eq!(stories[0].quotes.len(), 2);
}

#[test]
fn a_broken_model_is_a_warning_not_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("wire.txt"), WIRE).unwrap();
    let model = tempfile::tempdir().unwrap();
    for f in ["config.json", "vocab.txt", "model.safetensors"] {
        std::fs::write(model.path().join(f), "not a model").unwrap();
    }
    let mut settings = Settings::default();
    settings.embeddings.model_dir = Some(model.path().to_path_buf());
    let a = analyze(&[dir.path().to_path_buf()], &settings, &|_| {}).unwrap();
    assert_eq!(a.summary.articles, 1);
    assert_eq!(a.summary.embedding_model, None);
    assert!(
        a.summary.warnings.iter().any(|w| w.contains("config.json")),
        "{:?}",
        a.summary.warnings
    );

    settings.embeddings.model_dir = Some(dir.path().join("no-such-folder"));
    let a = analyze(&[dir.path().to_path_buf()], &settings, &|_| {}).unwrap();
    assert!(a
        .summary
        .warnings
        .iter()
        .any(|w| w.contains("no-such-folder")));
}
