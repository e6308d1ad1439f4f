//! Relative dates are resolved on the day of the place the event happened: an outlet in
//! New York that publishes at 23:30 its time is already on the next day in Kyiv.

use parallax_pipeline::{analyze, Settings};

const LATE: &str = "Title: Tram derails in central Kyiv\nOutlet: Hudson Evening Ledger\nPublished: 2026-03-02T23:30:00-05:00\n\nKYIV, Ukraine - A tram carrying morning commuters left the rails on Khreshchatyk Street yesterday, injuring 12 passengers, city transport officials said.\n\nThe officials said a broken rail was the likely cause and that the line would stay closed while engineers checked the track.";

const LOCAL: &str = "Title: Twelve hurt as tram leaves the rails\nOutlet: Dnipro Morning Star\nPublished: 2026-03-03T08:00:00+02:00\n\nKYIV, Ukraine - Twelve passengers were injured on Monday when a tram derailed on Khreshchatyk Street during the morning rush, the city transport department said.\n\nA broken rail is the likely cause, the department said, and the line will stay closed until engineers have checked the track.";

#[test]
fn yesterday_is_the_day_before_in_the_place_of_the_event() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("late.txt"), LATE).unwrap();
    std::fs::write(dir.path().join("local.txt"), LOCAL).unwrap();
    let mut settings = Settings::default();
    settings.embeddings.enabled = false;
    let a = analyze(&[dir.path().to_path_buf()], &settings, &|_| {}).unwrap();
    let stories: Vec<_> = a.stories().map(Result::unwrap).collect();
    assert_eq!(stories.len(), 1, "{stories:?}");
    let story = &stories[0];
    assert_eq!(story.time_zone.as_deref(), Some("Europe/Kyiv"));
    // 23:30 in New York on 2 March is 06:30 on 3 March in Kyiv: "yesterday" is Monday
    // 2 March, the day the Kyiv outlet's "on Monday" names (in New York's own day it
    // would be 1 March).
    let derailed: Vec<(&str, &str)> = story
        .timeline
        .iter()
        .flat_map(|t| {
            t.mentions
                .iter()
                .map(move |m| (t.date.as_str(), m.text.as_str()))
        })
        .collect();
    assert!(
        derailed.contains(&("2026-03-02", "yesterday")),
        "{derailed:?}"
    );
    assert!(derailed.contains(&("2026-03-02", "Monday")), "{derailed:?}");
    assert!(
        !derailed.iter().any(|(d, _)| *d == "2026-03-01"),
        "{derailed:?}"
    );
}
