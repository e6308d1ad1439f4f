//! An opinion column joins the story it argues about, but what it asserts is never a fact
//! the outlets agree on: a figure that one report gives and a column repeats rests on the
//! one report.

use parallax_model::Kind;
use parallax_pipeline::{analyze, Settings};

const WIRE: &str = "Title: Vellmar river bridge shut after inspectors find cracks\nOutlet: Northgate Wire\nPublished: 2026-05-11T09:00:00+02:00\n\nVELLMAR - The Vellmar river bridge was closed to all traffic on Monday after inspectors found 40 cracks in its steel supports, the regional roads agency said.\n\nThe agency said the bridge would stay closed for 14 weeks while the supports were replaced. Repairs will cost 3.2 million euros, it said.\n\nAbout 21,000 vehicles cross the bridge each day, according to the agency.";

const GAZETTE: &str = "Title: Drivers face long detours as Vellmar bridge closes\nOutlet: Vellmar Gazette\nPublished: 2026-05-11T13:00:00+02:00\n\nVELLMAR - Drivers faced long detours on Monday after the regional roads agency closed the Vellmar river bridge over damage to its steel supports.\n\nThe bridge will stay closed for 14 weeks, the agency said, while the supports are replaced.\n\nAbout 21,000 vehicles use the crossing every day.";

const COLUMN: &str = "Title: Opinion: The Vellmar bridge was a warning we chose to ignore\nOutlet: The Kessler Review\nPublished: 2026-05-12T18:00:00+02:00\n\nBy Ilse Marrow, Opinion columnist\n\nWe should all be angry about the Vellmar river bridge. Inspectors found 40 cracks in its steel supports, and I believe every one of them was visible years ago.\n\nThe regional roads agency now says the bridge will stay closed for 14 weeks. In my view the agency has known for a decade that this day would come, and it did nothing.\n\nThe views expressed here are the author's own.";

#[test]
fn a_column_repeating_a_report_is_no_second_source() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("wire.txt", WIRE),
        ("gazette.txt", GAZETTE),
        ("column.txt", COLUMN),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let mut settings = Settings::default();
    settings.embeddings.enabled = false;
    let a = analyze(&[dir.path().to_path_buf()], &settings, &|_| {}).unwrap();
    let articles: Vec<_> = a.articles().unwrap().map(Result::unwrap).collect();
    let column = articles
        .iter()
        .find(|x| x.source.ends_with("column.txt"))
        .expect("the column is read");
    assert_eq!(column.kind, Kind::Opinion, "{column:?}");
    let stories: Vec<_> = a.stories().map(Result::unwrap).collect();
    let story = stories
        .iter()
        .find(|s| s.articles.contains(&column.id))
        .unwrap();
    assert_eq!(
        story.articles.len(),
        3,
        "the column joins the story: {stories:?}"
    );

    // The column is the evidence for nothing.
    for f in &story.facts {
        for v in &f.values {
            assert!(!v.articles.contains_key(&column.id), "{f:?}");
        }
    }
    // The closure both reports give is agreed; the 40 cracks, which the wire alone reports
    // and the column repeats, rest on the wire.
    let with = |needle: &'static str| -> Vec<&parallax_model::Fact> {
        story
            .facts
            .iter()
            .filter(|f| {
                f.values
                    .iter()
                    .any(|v| v.articles.values().any(|e| e.contains(needle)))
            })
            .collect()
    };
    assert!(
        with("14 weeks").iter().any(|f| f.status == "agreed"),
        "{:#?}",
        story.facts
    );
    let cracks: Vec<_> = with("40 cracks")
        .into_iter()
        .filter(|f| f.values.iter().any(|v| v.value == "40"))
        .collect();
    assert!(!cracks.is_empty(), "{:#?}", story.facts);
    for f in cracks {
        assert_eq!(f.status, "single_source", "{f:?}");
    }
}
