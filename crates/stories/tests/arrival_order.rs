//! The stories of a corpus depend on which articles it holds, never on the order they
//! arrive in.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};
use parallax_model::Article;
use parallax_stories::{group, Features, Settings, StoryIndex, TermWeights};
use proptest::prelude::*;

/// Sentences of five fictional events; two of them are of one kind at one place.
const EVENTS: &[(&str, &[&str])] = &[
    ("2026-03-10T08:00:00+01:00", &[
        "The ferry Astrid Marie ran aground on the Gull Rocks outside Kessa harbour on Tuesday.",
        "All 26 passengers and five crew were rescued by the coastguard, commander Lena Brandt said.",
        "A small diesel leak was contained with floating barriers.",
        "Nordvik Line suspended the crossing and said it would cooperate with investigators.",
        "Transport Minister Ingrid Solberg ordered inspections of every ferry on the Kessa routes.",
        "Two passengers were treated for mild hypothermia at Kessa hospital.",
    ]),
    ("2026-05-12T08:00:00+02:00", &[
        "A fire destroyed the Orlen Foods warehouse at Brekke in Kessa early on Tuesday.",
        "About 200 night-shift workers were evacuated and nobody was hurt, fire chief Piet Dorn said.",
        "Firefighters needed six hours to bring the blaze under control.",
        "The roof collapsed within the first hour because of packaging and cooking oil stored inside.",
        "Deliveries to shops in the north will be delayed for about a week.",
        "Residents of the Brekke estate were told to keep their windows shut because of the smoke.",
    ]),
    ("2026-10-05T08:00:00+02:00", &[
        "About 200 workers at the Orlen Foods warehouse in Kessa walked out over pay on Monday.",
        "The union is demanding a 10 percent rise, union leader Ana Sorel said.",
        "Orlen Foods said it had offered 4 percent and was ready to return to talks.",
        "It is the first strike in the food distributor's history.",
        "Pickets stood at the gates of the warehouse at Brekke.",
        "Deliveries could be affected if the strike lasts beyond the week.",
    ]),
    ("2026-06-18T08:00:00+02:00", &[
        "Halverston mayor Ada Voss resigned on Thursday after an audit of the harbour renovation.",
        "The audit found 3.2 million crowns without matching invoices.",
        "Deputy mayor Jonas Hale will act as mayor until the September election.",
        "Voss denied any wrongdoing and said she would prove it.",
        "The audit office passed its report to the police.",
        "Opposition leader Frida Nyberg called for the harbour contract to be reviewed.",
    ]),
    ("2026-05-16T20:00:00+02:00", &[
        "Kessa Rovers won the Norland Cup on Saturday, beating Harbour United 3-1.",
        "Striker Ivo Marsh scored twice in the first half.",
        "Nils Aune pulled one back for United just after the break.",
        "Substitute Theo Rask sealed the win in stoppage time.",
        "It is the club's first cup in 31 years.",
        "Manager Petra Kallio said she had waited her whole life for the trophy.",
    ]),
];

fn article(k: usize, event: usize, picks: &[usize], dated: bool, hours: i64) -> Article {
    let (time, sentences) = EVENTS[event];
    let mut a = Article::new(format!("a{k:02}"), format!("a{k:02}.txt"));
    a.body = picks
        .iter()
        .map(|&p| sentences[p % sentences.len()])
        .collect::<Vec<_>>()
        .join("\n\n");
    if dated {
        let t: DateTime<FixedOffset> = DateTime::parse_from_rfc3339(time).unwrap();
        a.published = Some(t + chrono::Duration::hours(hours));
    }
    a
}

/// Stories as sets of ids, (copy, original) pairs, and origins.
type Outcome = (
    BTreeSet<Vec<String>>,
    BTreeSet<(String, String)>,
    BTreeSet<String>,
);

/// The stories as sets of ids, with each article's copy and each story's origin, by id.
fn outcome(articles: &[Article]) -> Outcome {
    let f: Vec<Features> = articles
        .iter()
        .map(|a| Features::of(a, &TermWeights::default()))
        .collect();
    let g = group(&f, &Settings::default());
    let stories = g
        .stories
        .iter()
        .map(|s| {
            let mut ids: Vec<String> = s.members.iter().map(|&m| articles[m].id.clone()).collect();
            ids.sort();
            ids
        })
        .collect();
    let copies = g
        .copy_of
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|(o, _)| (articles[i].id.clone(), articles[o].id.clone())))
        .collect();
    let origins = g
        .stories
        .iter()
        .filter_map(|s| s.origin.map(|o| articles[o].id.clone()))
        .collect();
    (stories, copies, origins)
}

/// The articles in another order: a Fisher-Yates shuffle driven by `seed`.
fn shuffled(articles: &[Article], seed: u64) -> Vec<Article> {
    let mut out = articles.to_vec();
    let mut x = seed | 1;
    for i in (1..out.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.swap(i, (x % (i as u64 + 1)) as usize);
    }
    out
}

fn corpus() -> impl Strategy<Value = Vec<Article>> {
    let one = (
        0..EVENTS.len(),
        proptest::collection::vec(0..6usize, 2..6),
        any::<bool>(),
        0..48i64,
    );
    proptest::collection::vec(one, 2..24).prop_map(|specs| {
        specs
            .into_iter()
            .enumerate()
            .map(|(k, (e, picks, dated, hours))| article(k, e, &picks, dated, hours))
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn stories_do_not_depend_on_arrival_order(articles in corpus(), seed in any::<u64>()) {
        let shuffled = shuffled(&articles, seed);
        prop_assert_eq!(outcome(&articles), outcome(&shuffled));
    }
}

/// Stories keyed by the index's story keys: (key, sorted member ids).
fn keyed(index: &StoryIndex) -> BTreeSet<(String, Vec<String>)> {
    let g = index.grouping();
    g.stories
        .iter()
        .map(|s| {
            let mut ids: Vec<String> = s
                .members
                .iter()
                .map(|&m| index.features()[m].id.clone())
                .collect();
            ids.sort();
            (index.story_key(s.members[0]), ids)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn adding_in_batches_gives_the_stories_of_one_analysis(articles in corpus(), seed in any::<u64>(), cut in 1usize..6) {
        let features = |xs: &[Article]| -> Vec<Features> { xs.iter().map(|a| Features::of(a, &TermWeights::default())).collect() };
        let mut all = StoryIndex::new(Settings::default());
        all.add(features(&articles));

        let shuffled = shuffled(&articles, seed);
        let mut growing = StoryIndex::new(Settings::default());
        for chunk in shuffled.chunks(cut) {
            let keys = growing.add(features(chunk));
            prop_assert_eq!(keys.len(), chunk.len());
        }
        prop_assert_eq!(keyed(&all), keyed(&growing));
    }
}
