use parallax_model::Article;

use super::*;

fn article(id: &str, published: Option<&str>, body: &str) -> Article {
    let mut a = Article::new(id, format!("{id}.txt"));
    a.body = body.to_string();
    a.published = published.map(chrono_parse);
    a
}

/// Each article's features, with the default term weights.
fn described(articles: &[Article]) -> Vec<Features> {
    articles
        .iter()
        .map(|a| Features::of(a, &TermWeights::default()))
        .collect()
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
    let f = described(&articles);
    let g = group(&f, &Settings::default());
    assert_eq!(g.story_of, vec![0, 0, 0, 1, 2]);
    assert_eq!(g.copy_of[1].map(|c| c.0), Some(0));
    assert!(g.copy_of[2].is_none(), "a rewrite is not a copy");
    assert!(g.copy_of[0].is_none());
    assert_eq!(g.stories[0].origin, Some(0));
    assert_eq!(g.stories[0].members, vec![0, 1, 2]);
    let lineage = &g.stories[0].lineage;
    assert!(
        lineage
            .iter()
            .any(|l| l.article == 1 && l.source == 0 && l.relation == Relation::Copy),
        "{lineage:?}"
    );
    assert!(
        lineage.iter().all(|l| l.article != 0),
        "the original takes from nobody: {lineage:?}"
    );
}

#[test]
fn origin_prefers_the_earliest_among_near_ties() {
    let later = article("later", Some("2026-05-12T09:00:00+02:00"), WIRE);
    let earlier = article(
        "earlier",
        Some("2026-05-12T07:00:00+02:00"),
        &WIRE.replace("six hours", "6 hours"),
    );
    let f = described(&[later, earlier]);
    let g = group(&f, &Settings::default());
    assert_eq!(g.stories.len(), 1);
    assert_eq!(g.stories[0].members, vec![1, 0]);
    assert_eq!(g.stories[0].origin, Some(1));
    assert_eq!(g.copy_of[0].map(|c| c.0), Some(1));
}

/// Two drink-driving arrests at one club: same kind, same setting, different specifics.
fn arrest(
    player: &str,
    role: &str,
    street: &str,
    day: &str,
    hour: &str,
    detail: &str,
    variant: usize,
) -> String {
    let openings = [
        format!("Kessa Rovers {role} {player} was arrested on suspicion of drink-driving early on {day}, police said."),
        format!("Police in Kessa arrested Rovers {role} {player} on suspicion of drink-driving on {day}."),
        format!("{player}, the Kessa Rovers {role}, has been arrested on suspicion of drink-driving, police confirmed on {day}."),
        format!("The Kessa Rovers {role} {player} was held by police on {day} on suspicion of drink-driving."),
    ];
    format!(
        "{}\n\nOfficers stopped his car on {street} at about {hour}, a police spokesman said. {detail}\n\nKessa Rovers said in a statement that the club was aware of the arrest of {player} and would not comment further while the police investigation continued.",
        openings[variant % openings.len()]
    )
}

#[test]
fn two_events_of_one_kind_are_two_stories() {
    let mut articles = Vec::new();
    for v in 0..4 {
        let body = arrest(
            "Ivo Marsh",
            "defender",
            "Harbour Road",
            "Tuesday",
            "2 a.m.",
            "Marsh was released on bail and is due in court on 14 March.",
            v,
        );
        articles.push(article(&format!("marsh-{v}"), None, &body));
        let body = arrest(
            "Nils Aune",
            "goalkeeper",
            "Mill Lane",
            "Saturday",
            "11 p.m.",
            "Aune was fined 9,000 crowns and banned from driving for 18 months.",
            v + 1,
        );
        articles.push(article(&format!("aune-{v}"), None, &body));
    }
    let f = described(&articles);
    let g = group(&f, &Settings::default());
    let story = |id: &str| g.story_of[articles.iter().position(|a| a.id == id).unwrap()];
    for v in 1..4 {
        assert_eq!(
            story(&format!("marsh-{v}")),
            story("marsh-0"),
            "{:?}",
            g.story_of
        );
        assert_eq!(
            story(&format!("aune-{v}")),
            story("aune-0"),
            "{:?}",
            g.story_of
        );
    }
    assert_ne!(story("marsh-0"), story("aune-0"), "{:?}", g.story_of);

    // One event told eight times stays one story.
    let one: Vec<Article> = (0..8)
        .map(|v| {
            article(
                &format!("m{v}"),
                None,
                &arrest(
                    "Ivo Marsh",
                    "defender",
                    "Harbour Road",
                    "Tuesday",
                    "2 a.m.",
                    "Marsh was released on bail and is due in court on 14 March.",
                    v,
                ),
            )
        })
        .collect();
    let f = described(&one);
    assert_eq!(group(&f, &Settings::default()).stories.len(), 1);
}

/// Two floods on one day in two towns: the same words but for the names.
#[test]
fn same_kind_same_day_different_places_are_two_stories() {
    let flood = |town: &str, mayor: &str, river: &str, n: u32| {
        format!(
            "Floodwater forced {n} residents of {town} from their homes on Tuesday after the {river} burst its banks.\n\n\
             Mayor {mayor} declared an emergency in {town} and opened two shelters.\n\n\
             Rescue teams used boats to reach families on the east bank, the flood authority said.\n\n\
             Forecasters expect more rain later in the week."
        )
    };
    let articles = [
        article(
            "lisk-1",
            Some("2026-04-07T09:00:00+02:00"),
            &flood("Lisk", "Ada Voss", "Tarn", 400),
        ),
        article(
            "lisk-2",
            Some("2026-04-07T11:00:00+02:00"),
            &flood("Lisk", "Ada Voss", "Tarn", 400)
                .replace("Forecasters expect", "Meteorologists expect"),
        ),
        article(
            "brekke-1",
            Some("2026-04-07T10:00:00+02:00"),
            &flood("Brekke", "Jonas Hale", "Vell", 250),
        ),
        article(
            "brekke-2",
            Some("2026-04-07T12:30:00+02:00"),
            &flood("Brekke", "Jonas Hale", "Vell", 250).replace("Rescue teams", "Volunteers"),
        ),
    ];
    let f = described(&articles);
    let g = group(&f, &Settings::default());
    assert_eq!(g.story_of, vec![0, 0, 1, 1]);
    let merged = group(
        &f,
        &Settings {
            no_shared_specifics: 1.0,
            ..Settings::default()
        },
    );
    assert_eq!(
        merged.stories.len(),
        1,
        "without the names rule the two floods are one story"
    );
}

/// A unit vector along axis `k` of a 384-dimensional space, a little tilted toward the next.
fn direction(k: usize, tilt: f32) -> Vec<f32> {
    let mut v = vec![0.0; 384];
    v[k] = 1.0;
    v[k + 1] = tilt;
    let norm = (1.0 + tilt * tilt).sqrt();
    v.iter().map(|x| x / norm).collect()
}

#[test]
fn embeddings_join_a_rewrite_that_shares_few_words_only_when_weighted() {
    let brief = "Part of the span carrying the coast road across the Tarn gave way at Ostvik in the small hours, tipping two heavy goods vehicles into the flood. Commuters face a long detour; the town hall is laying on a boat service.";
    let report = "A road bridge over the river Tarn collapsed before dawn at Ostvik, sending two lorries into the water. Fire crews rescued both men within half an hour, police said, and the regional roads authority opened an inquiry.";
    let articles = [
        article("report", Some("2026-10-15T08:40:00+02:00"), report),
        article("brief", Some("2026-10-15T12:05:00+02:00"), brief),
        article("chess", Some("2026-10-14T18:00:00+02:00"), "Sixteen-year-old Nora Berg from Kessa won the national chess championship on Wednesday, beating the defending champion in a final game that lasted more than six hours."),
        article("school", Some("2026-10-12T10:00:00+02:00"), "The mayor of Ostvik opened the town's new primary school on Monday, three years after the old building was closed because of damp. The school has room for 320 pupils."),
    ];
    let words_alone = group(&described(&articles), &Settings::default());
    assert_ne!(words_alone.story_of[0], words_alone.story_of[1]);

    let mut f = described(&articles);
    f[0].set_embedding(&direction(3, 0.1));
    f[1].set_embedding(&direction(3, 0.2));
    assert!(f[0].has_embedding());
    // Off by default: the same embeddings change nothing.
    assert_eq!(
        group(&f, &Settings::default()).story_of,
        words_alone.story_of
    );
    let weighted = Settings {
        embedding_weight: 0.3,
        ..Settings::default()
    };
    let g = group(&f, &weighted);
    assert_eq!(g.story_of[0], g.story_of[1]);
    // Meanings far apart add nothing.
    f[1].set_embedding(&direction(40, 0.0));
    let g = group(&f, &weighted);
    assert_ne!(g.story_of[0], g.story_of[1]);
}

/// A wire report, a digest that kept most of its words, a foreign desk's retelling that
/// kept others (and shares almost nothing with the digest), and another event at the same
/// harbour, with the same harbour master, two days before.
const FERRY_WIRE: &str = "The passenger ferry Saga Nord ran aground outside Vellen harbour late on Friday, and coastguard boats took all 212 passengers ashore overnight, the coastguard said.\n\nThe ferry struck a sandbank in fog about two kilometres from the harbour mouth. Its owner, Nordlinje, said the hull was intact and no fuel had leaked.\n\nVellen's harbour master, Tove Brandt, said the channel would stay closed to large ships until the vessel was towed free, probably on Sunday.";
const FERRY_DIGEST: &str = "Fog put the Nordlinje ferry Saga Nord on a sandbank outside Vellen harbour on Friday night. Coastguard boats took all passengers ashore by dawn; nobody needed hospital care. Nordlinje cancelled Saturday's crossings and is refunding tickets.";
const FERRY_ABROAD: &str = "Off the Norland coast, a vessel carrying 212 travellers became stuck at the end of Friday. Rescue crews evacuated them during the night. The harbour master Tove Brandt expects the channel to reopen once tugs pull the ship clear.";
const PIER_STORM: &str = "A storm tore away part of the old fishing pier at Vellen harbour on Wednesday, and the harbour master, Tove Brandt, shut it to walkers. Waves of four metres damaged twelve moored boats. A council spokesman said repairs would cost about 90,000 crowns.";

#[test]
fn a_lone_retelling_joins_the_report_it_retells() {
    let articles = [
        article("wire", Some("2026-03-06T23:30:00+01:00"), FERRY_WIRE),
        article("digest", Some("2026-03-07T09:00:00+01:00"), FERRY_DIGEST),
        article("abroad", Some("2026-03-07T11:00:00+01:00"), FERRY_ABROAD),
        article("storm", Some("2026-03-04T18:00:00+01:00"), PIER_STORM),
    ];
    let f = described(&articles);
    let v = group::Vectors::new(&f);
    let s = Settings::default();
    let sim = |a, b| group::similarity(&v, &f, a, b, &s);
    // What the case is: the retelling is as near the wire report as grouping asks, but its
    // average over the wire and the digest is not.
    assert!(sim(0, 2) >= s.threshold, "{}", sim(0, 2));
    assert!((sim(0, 2) + sim(1, 2)) / 2.0 < s.threshold);
    assert!(sim(0, 1) >= s.threshold);
    // The storm is as near the wire report, but came before it.
    assert!(sim(0, 3) >= s.threshold && (sim(0, 3) + sim(1, 3)) / 2.0 >= s.retelling_threshold);
    let g = group(&f, &s);
    assert_eq!(g.story_of, vec![0, 0, 0, 1], "{g:?}");
    assert_eq!(g.stories[0].origin, Some(0));
    // Without the pass, the retelling stays alone.
    let off = Settings {
        retelling_threshold: 1.0,
        ..Settings::default()
    };
    assert_eq!(group(&f, &off).story_of, vec![0, 0, 1, 2]);
}
