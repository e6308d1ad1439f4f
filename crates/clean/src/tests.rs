//! Whole-article cleaning tests on small fictional articles.

use parallax_ingest::text_article;
use parallax_model::{AppendedKind, Kind, Reason};

use super::*;

fn cleaned(text: &str) -> Article {
    clean(
        &text_article("t".into(), "t.txt".into(), text),
        &Settings::default(),
    )
}

fn reasons(a: &Article) -> Vec<(&str, &str)> {
    a.removed
        .iter()
        .map(|r| (r.text.as_str(), r.reason.as_str()))
        .collect()
}

#[test]
fn every_piece_points_into_the_input() {
    let text = "Ferry runs aground off Kessa\nharbourwatch.no -- Tuesday, March 10, 2026, 7:05 AM CET\n\nKESSA, Norland (NWA) — A ferry with 26 passengers on board ran aground on Tuesday, the coastguard said.\n\nAlso Read: Storm closes Kessa bridge\n\n“Everyone is safe,” said captain Ivo Marsh.\n\n© 2026 Harbour Watch. All rights reserved.";
    let a = cleaned(text);
    assert_eq!(a.title.as_deref(), Some("Ferry runs aground off Kessa"));
    assert_eq!(a.outlet.as_deref(), Some("harbourwatch.no"));
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2026-03-10T07:05:00+01:00"
    );
    assert_eq!(a.published_source, Some(PublishedSource::Text));
    assert_eq!(a.dateline.as_deref(), Some("KESSA, Norland (NWA) — "));
    let chars: Vec<char> = text.chars().collect();
    let at = |s: [usize; 2]| chars[s[0]..s[1]].iter().collect::<String>();
    for r in &a.removed {
        assert_eq!(at(r.span), r.text);
    }
    let paragraphs: Vec<String> = a.paragraphs.iter().map(|&s| at(s)).collect();
    assert_eq!(paragraphs.join("\n\n"), a.body);
    assert_eq!(
        reasons(&a),
        [
            ("Ferry runs aground off Kessa", "title"),
            (
                "harbourwatch.no -- Tuesday, March 10, 2026, 7:05 AM CET",
                "metadata"
            ),
            ("Also Read: Storm closes Kessa bridge", "related-link"),
            ("© 2026 Harbour Watch. All rights reserved.", "copyright"),
        ]
    );
}

#[test]
fn a_dated_dateline_dates_the_article() {
    let a = cleaned(
        "LISK, Norland, March 2, 2026 (NWA) — The Lisk bridge closed on Monday, the council said.",
    );
    assert_eq!(
        a.published.unwrap().to_rfc3339(),
        "2026-03-02T12:00:00+00:00"
    );
    assert_eq!(a.published_source, Some(PublishedSource::Text));
    let b = cleaned(
        "LISK, Norland, March 2 (NWA) — The Lisk bridge closed on Monday, the council said.",
    );
    assert_eq!(b.published, None, "no year, no date");
}

#[test]
fn glued_petition_is_appended_advocacy() {
    let report = "The council voted on Monday to close the Lisk bridge, officials said.\nThe mayor said repairs would take a year.\n“We had no choice,” she said.\n";
    let essay = "The closure of the bridge raises critical questions about how we fund public works. We must demand better. It is essential that citizens contact their representatives and sign the petition. Write to your senators today. Join the campaign for safe bridges, because our towns deserve it and we cannot wait another decade.";
    let text = format!("{report}The vote was close.Sign Our Petition{essay}\n\nLeave a Comment");
    let a = cleaned(&text);
    assert_eq!(a.appended.len(), 1);
    assert!(a.appended[0].text.starts_with("The closure of the bridge"));
    assert_eq!(a.appended[0].kind, AppendedKind::Advocacy);
    assert!(a.body.ends_with("The vote was close."), "{}", a.body);
    assert!(reasons(&a).contains(&("Sign Our Petition", "call-to-action")));
    assert!(reasons(&a).contains(&("Leave a Comment", "comment-prompt")));
}

#[test]
fn a_sentence_opening_with_take_action_is_not_a_marker() {
    let text = "The agency ordered the closure on Monday, a spokesman said.\nIt said inspections would follow.\nTake action early, the agency told farmers, or risk losing the harvest to the flood that forecasters expect on Friday and through the weekend along the river.";
    let a = cleaned(text);
    assert!(a.appended.is_empty());
    assert!(a.body.contains("Take action early"));
}

#[test]
fn essay_tail_without_marker() {
    let text = "The port strike entered its third day on Wednesday, the union said.\n\nShipping firms said 40 vessels were waiting, according to the harbour master.\n\n“We will not move,” said union leader Dana Roik.\n\nThe strike raises critical questions about how we value work. We must recognise that ports are essential, and it is crucial that we listen to the workers who keep them running. Ultimately, our economy depends on them.\n\nMoreover, we should ask what kind of country we want to be. It is essential that we support fair pay, and we cannot ignore the broader implications for every worker in our towns. In conclusion, we must act.";
    let a = cleaned(text);
    assert_eq!(a.appended.len(), 1, "{:?}", a.body);
    assert!(a.appended[0]
        .text
        .starts_with("The strike raises critical questions"));
    assert_eq!(a.appended[0].kind, AppendedKind::Commentary);
    assert_eq!(a.kind, Kind::News);
}

#[test]
fn opinion_columns() {
    let labelled = "Opinion\n\nWhy the bridge must stay open\n\nThe bridge matters to everyone in Lisk.\n\nLena Park is a columnist for the Lisk Herald.";
    let a = cleaned(labelled);
    assert_eq!(a.kind, Kind::Opinion);
    assert!(reasons(&a).contains(&(
        "Lena Park is a columnist for the Lisk Herald.",
        "author-bio"
    )));
    let voiced = "I have crossed the Lisk bridge every morning for twenty years, and I cannot imagine my town without it. \
        The council's decision is a mistake, and I think most of my neighbours know it.\n\n\
        We should be asking why the repairs were delayed for so long. It is time the council explained itself, \
        and it is essential that the money is found. I believe we can keep it open if we insist on it. \
        My grandfather helped build it, and I will not watch it close without a fight. We must speak up now.";
    assert_eq!(cleaned(voiced).kind, Kind::Opinion);
    let news = "LISK, Norland (NWA) - The council voted on Monday to close the Lisk bridge for a year, officials said.\n\n\
        “We had no choice,” Mayor Ada Voss told reporters. Engineers found cracks in two supports, according to a report.";
    assert_eq!(cleaned(news).kind, Kind::News);
}

#[test]
fn forecast_widget_is_other() {
    let text = "Lisk weather\n\nToday 14°C, feels like 11°C\nHumidity 80%\nWind: 20 km/h NW\nChance of rain 60%\nHourly forecast\n10-day forecast";
    assert_eq!(cleaned(text).kind, Kind::Other);
}

#[test]
fn wrapped_lines_join_subheads_stay() {
    let text = "The council said on Monday that the bridge across the\nLisk would close in June for at least a year while\nengineers replace two of its supports and the deck.\nRepairs Begin\nWork will start in June, the council said, and the\nferry will run every hour until the bridge reopens.";
    let a = cleaned(text);
    assert_eq!(a.title, None);
    assert_eq!(
        a.body,
        "The council said on Monday that the bridge across the\nLisk would close in June for at least a year while\nengineers replace two of its supports and the deck.\n\nRepairs Begin\n\nWork will start in June, the council said, and the\nferry will run every hour until the bridge reopens."
    );
    // Unwrapped text: a long headline runs straight into the first paragraph.
    let a = cleaned("The council closes the bridge across the Lisk for a whole year\nThe council said on Monday that the bridge would close in June.\nWork will start in June.\nThe ferry will run every hour.");
    assert_eq!(
        a.title.as_deref(),
        Some("The council closes the bridge across the Lisk for a whole year")
    );
}

#[test]
fn repeated_lines_and_hard_wrapped_paragraphs() {
    let text = "The dam opened on Tuesday after six years of\nwork, officials said.\n\nAdvertisement\n\nIt holds 40 million cubic metres.\n\nAdvertisement\n\nIt holds 40 million cubic metres.";
    let a = cleaned(text);
    assert_eq!(a.body, "The dam opened on Tuesday after six years of\nwork, officials said.\n\nIt holds 40 million cubic metres.");
    assert_eq!(
        a.removed
            .iter()
            .filter(|r| r.reason == Reason::Duplicate)
            .count(),
        1
    );
    assert_eq!(
        a.removed
            .iter()
            .filter(|r| r.reason == Reason::Advertisement)
            .count(),
        2
    );
}

#[test]
fn repeated_labels_are_structure_not_doubles() {
    let text = "The two plans below differ only in what you eat before training, the coach said.\n\nPlan A\n\nPre-workout meal\n\nEat it an hour before you train.\n\nTwo eggs and a cup of asparagus.\n\nPlan B\n\nPre-workout meal\n\nEat it an hour before you train.\n\nA slice of toast with butter.";
    let a = cleaned(text);
    assert_eq!(a.body.matches("Pre-workout meal").count(), 2, "{}", a.body);
    assert_eq!(
        a.body.matches("Eat it an hour before you train.").count(),
        2,
        "{}",
        a.body
    );
    assert!(a.removed.iter().all(|r| r.reason != Reason::Duplicate));
}

#[test]
fn link_lines_after_the_report_go() {
    let text = "Kessa Rovers won the cup on Saturday, beating Harbour United 3-1.\n\nA Late Winner\n\nSubstitute Theo Rask sealed it in stoppage time.\n\nMatch ratings: how every Rovers player performed\nSave this recipe";
    let a = cleaned(text);
    assert!(
        a.body.contains("A Late Winner"),
        "a subhead inside the report stays"
    );
    assert_eq!(
        reasons(&a),
        [
            (
                "Match ratings: how every Rovers player performed",
                "related-link"
            ),
            ("Save this recipe", "navigation")
        ]
    );
    let leading = "Bridge to close for a year\n\nMaren Holt\nLisk\n\nThe Lisk bridge will close for a year from Monday, the council said.\n\nRepairs Begin\n\nWork starts in June.";
    let a = cleaned(leading);
    assert_eq!(
        reasons(&a),
        [
            ("Bridge to close for a year", "title"),
            ("Maren Holt", "metadata"),
            ("Lisk", "metadata")
        ]
    );
    assert!(a.body.contains("Repairs Begin"));
    let widget = "Today\n14°C, feels like 11°C\nHourly forecast";
    assert!(
        cleaned(widget).removed.is_empty(),
        "a text with no sentence is left whole"
    );
}

#[test]
fn a_question_put_to_each_person_stays() {
    let text = "Three cooks from the valley told us about their kitchens, and what they eat at home.\n\nAnna Berg runs a bakery in Lisk.\n\nWhat inspired you to start writing about food for other people?\n\nMy grandmother, who baked every morning.\n\nPer Holm cooks at the harbour inn.\n\nWhat inspired you to start writing about food for other people?\n\nThe fish that comes in every day.";
    let a = cleaned(text);
    assert_eq!(a.body.matches("What inspired you").count(), 2, "{}", a.body);
}

#[test]
fn text_from_markup_keeps_its_closing_lines() {
    // A tour's dates after the report's last sentence: page furniture in a scraped text
    // file, the article's own list when a page's structure put them inside the article.
    let text = "The band will play twelve shows next summer, its manager said on Tuesday.\n\nJune 9 -- Coral Sky Amphitheatre, West Palm Beach\n\nJune 10 -- Harbour Arena, Kessa";
    let mut raw = text_article("t".into(), "t.html".into(), text);
    assert!(clean(&raw, &Settings::default())
        .body
        .starts_with("The band"));
    assert!(!clean(&raw, &Settings::default()).body.contains("June 10"));
    raw.from_markup = true;
    assert!(clean(&raw, &Settings::default())
        .body
        .ends_with("June 10 -- Harbour Arena, Kessa"));
}
