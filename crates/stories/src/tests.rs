use parallax_model::Article;

use super::*;

fn article(id: &str, published: Option<&str>, body: &str) -> Article {
    let mut a = Article::new(id, format!("{id}.txt"));
    a.body = body.to_string();
    a.published = published.map(chrono_parse);
    a
}

fn chrono_parse(s: &str) -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339(s).unwrap()
}

const WIRE: &str = "A fire broke out at the Orlen Foods warehouse in Kessa early on Tuesday, destroying stock and forcing 200 workers to leave, the fire service said.\n\nFirefighters fought the blaze for six hours. No one was hurt, according to the regional fire chief, Piet Dorn.\n\n“The roof collapsed within an hour,” Dorn said. The cause of the fire is being investigated.\n\nOrlen Foods said deliveries to shops across the north would be delayed for a week.";

#[test]
fn copies_rewrites_and_hard_negatives() {
    let copy = WIRE.replace(
        "Orlen Foods said deliveries to shops across the north would be delayed for a week.",
        "Shops in Kessa reported empty shelves by the evening.",
    );
    let rewrite = "Hundreds of staff were evacuated when fire tore through an Orlen Foods warehouse in Kessa on Tuesday. Fire chief Piet Dorn said the roof gave way within the first hour and that investigators were looking for the cause. The blaze burned for six hours; nobody was injured. Orlen Foods warned of week-long delays to deliveries.";
    let dispute = "Workers at Orlen Foods in Kessa walked out on Monday in a dispute over pay, the union said. The strike at the company's warehouse is the first in its history. Union leader Ana Sorel said 200 staff had joined the walkout and demanded a ten percent rise.";
    let football = "Kessa Rovers beat Harbour United 3-1 in the cup final on Saturday. Two goals from Ivo Marsh settled the match before a crowd of 20,000.";
    let articles = [
        article("wire", Some("2026-05-12T08:00:00+02:00"), WIRE),
        article("copy", Some("2026-05-12T10:00:00+02:00"), &copy),
        article("rewrite", Some("2026-05-12T12:00:00+02:00"), rewrite),
        article("dispute", Some("2026-10-05T09:00:00+02:00"), dispute),
        article("football", Some("2026-05-16T20:00:00+02:00"), football),
    ];
    let f: Vec<Features> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Features::of(a, i))
        .collect();
    let g = group(&f, &Settings::default());
    assert_eq!(g.story_of, vec![0, 0, 0, 1, 2]);
    assert_eq!(g.copy_of[1].map(|c| c.0), Some(0));
    assert!(g.copy_of[2].is_none(), "a rewrite is not a copy");
    assert!(g.copy_of[0].is_none());
    assert_eq!(g.stories[0].origin, Some(0));
    assert_eq!(g.stories[0].members, vec![0, 1, 2]);
}

#[test]
fn origin_prefers_the_earliest_among_near_ties() {
    let later = article("later", Some("2026-05-12T09:00:00+02:00"), WIRE);
    let earlier = article(
        "earlier",
        Some("2026-05-12T07:00:00+02:00"),
        &WIRE.replace("six hours", "6 hours"),
    );
    let f: Vec<Features> = [later, earlier]
        .iter()
        .enumerate()
        .map(|(i, a)| Features::of(a, i))
        .collect();
    let g = group(&f, &Settings::default());
    assert_eq!(g.stories.len(), 1);
    assert_eq!(g.stories[0].members, vec![1, 0]);
    assert_eq!(g.stories[0].origin, Some(1));
    assert_eq!(g.copy_of[0].map(|c| c.0), Some(1));
}
