//! Finished stories are spooled and read back: more stories than the second pass puts
//! together at once come back complete, in order, and agreeing with their articles.

use std::collections::HashMap;

use parallax_pipeline::{analyze, Settings};

/// A made-up word for `n`, so that every article has a vocabulary of its own.
fn word(mut n: usize, salt: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ka", "lo", "mer", "tis", "vun", "dra", "pel", "sor", "nik", "bau", "fen", "gri", "hol",
        "jup", "quo", "zeb",
    ];
    let mut w = String::from(SYLLABLES[salt % 16]);
    for _ in 0..3 {
        w.push_str(SYLLABLES[n % 16]);
        n /= 16;
    }
    w
}

#[test]
fn more_stories_than_one_chunk_come_back_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let n = 1100;
    let mut lines = String::new();
    for i in 0..n {
        let (town, firm, person) = (word(i, 1), word(i, 2), word(i, 3));
        let text = format!(
            "The {firm} works in {town} closed on Tuesday after inspectors found cracks in its {}. \
             {person} said the {firm} works would stay shut while the {} was checked.",
            word(i, 4),
            word(i, 5)
        );
        let line = serde_json::json!({
            "id": format!("a{i:04}"),
            "title": format!("{firm} works in {town} closes"),
            "published": "2026-05-05T10:00:00+00:00",
            "text": text,
        });
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    std::fs::write(dir.path().join("day.jsonl"), lines).unwrap();
    let mut settings = Settings::default();
    settings.embeddings.enabled = false;
    let a = analyze(&[dir.path().to_path_buf()], &settings, &|_| {}).unwrap();
    assert_eq!(a.summary.articles, n);
    assert!(a.story_count() > 1024, "{} stories", a.story_count());
    assert_eq!(a.summary.stories, a.story_count());

    let stories: Vec<_> = a.stories().map(Result::unwrap).collect();
    assert_eq!(stories.len(), a.story_count());
    let mut home = HashMap::new();
    for (k, s) in stories.iter().enumerate() {
        assert_eq!(s.id, format!("S{}", k + 1));
        assert_eq!(s.id, a.story(k).unwrap().id);
        for id in &s.articles {
            assert!(
                home.insert(id.clone(), s.id.clone()).is_none(),
                "{id} twice"
            );
        }
    }
    for article in a.articles().unwrap() {
        let article = article.unwrap();
        assert_eq!(
            home.get(&article.id),
            Some(&article.story),
            "{}",
            article.id
        );
    }
    assert_eq!(home.len(), n);
}
