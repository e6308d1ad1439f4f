//! The reading's quotations and reports of speech, class by class of writing.

use super::*;

fn direct_quotes(ps: &[&str]) -> Vec<Found> {
    said(&parallax_read::read(ps), &[])
        .into_iter()
        .filter(|f| f.direct)
        .collect()
}

fn reported_speech(ps: &[&str]) -> Vec<Found> {
    said(&parallax_read::read(ps), &[])
        .into_iter()
        .filter(|f| !f.direct)
        .collect()
}

fn unmarked_speech(ps: &[&str]) -> Vec<Found> {
    unmarked(&parallax_read::read(ps), &[])
}

/// Each version's speaker.
fn speakers(found: Vec<Found>) -> Vec<Option<String>> {
    found.into_iter().map(|f| f.speaker).collect()
}

/// Each version's parts, joined, and its speaker.
fn parts_and_speakers(found: Vec<Found>) -> Vec<(String, Option<String>)> {
    found
        .into_iter()
        .map(|f| (f.parts.join(" | "), f.speaker))
        .collect()
}

/// A row of [`parts_and_speakers`] with a speaker.
fn row(parts: &str, speaker: &str) -> (String, Option<String>) {
    (parts.to_string(), Some(speaker.to_string()))
}

#[test]
fn attribution_forms() {
    let ps = [
        "Special envoy Maren Holt said that the talks had gone well.",
        "“We won the concession,” she said on the radio.",
        "“We covered almost everything,” Ms Holt said, without elaborating.",
        "Commission president Ada Voss, speaking in Lisk with minister Per Lind, said that “we welcome the offer”.",
        "“We are not close,” said Per Lind. “Maybe next year.”",
        "Speaking on “Morning Report,” Holt called it “game-changing” in a bid to calm critics.",
    ];
    let q = direct_quotes(&ps);
    let got: Vec<(String, Option<String>)> = q
        .iter()
        .map(|f| (f.parts.join(" | "), f.speaker.clone()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "We won the concession,".to_string(),
                Some("Maren Holt".to_string())
            ),
            (
                "We covered almost everything,".to_string(),
                Some("Maren Holt".to_string())
            ),
            (
                "we welcome the offer".to_string(),
                Some("Ada Voss".to_string())
            ),
            (
                "We are not close,".to_string(),
                Some("Per Lind".to_string())
            ),
            ("Maybe next year.".to_string(), Some("Per Lind".to_string())),
            ("game-changing".to_string(), Some("Maren Holt".to_string())),
        ]
    );
    assert_eq!(q[1].attribution.as_deref(), Some("Ms Holt said"));
}

#[test]
fn split_and_continued_quotations() {
    let ps = [
        "“We will rebuild,” the mayor Ada Voss said, “and we will do it this year.”",
        "“It will cost a lot,” she said.",
        "“But it is worth it.”",
    ];
    let q = direct_quotes(&ps);
    assert_eq!(q.len(), 2, "{q:#?}");
    assert_eq!(
        q[0].parts,
        ["We will rebuild,", "and we will do it this year."]
    );
    assert_eq!(q[1].parts, ["It will cost a lot,", "But it is worth it."]);
}

#[test]
fn a_quoted_sentence_after_an_attributed_one_keeps_its_voice() {
    let ps = [
        "Health minister Brit Halvorsen said no decision had been taken.",
        "“Closing it would leave the valley without care,” Jeilgain said. “We will march every week.”",
    ];
    let q = direct_quotes(&ps);
    let got: Vec<(&str, Option<&str>)> = q
        .iter()
        .map(|f| (f.parts[0].as_str(), f.speaker.as_deref()))
        .collect();
    // The second quotation is Jeilgain's, though the article never gives his full
    // name, not the minister's, the last person named in full.
    assert_eq!(
        got,
        [
            (
                "Closing it would leave the valley without care,",
                Some("Jeilgain")
            ),
            ("We will march every week.", Some("Jeilgain")),
        ]
    );
}

#[test]
fn guillemet_quotations_are_quotations() {
    let ps = [
        "Harbour master Jens Okafor said the quay would reopen.",
        "«We will rebuild,» Okafor said, «and we will do it this year.»",
        "»It will cost a lot«, said Okafor.",
    ];
    let q = direct_quotes(&ps);
    let got: Vec<(String, Option<String>)> = q
        .iter()
        .map(|f| (f.parts.join(" | "), f.speaker.clone()))
        .collect();
    let okafor = Some("Jens Okafor".to_string());
    assert_eq!(
        got,
        [
            (
                "We will rebuild, | and we will do it this year.".to_string(),
                okafor.clone()
            ),
            ("It will cost a lot".to_string(), okafor),
        ]
    );
}
#[test]
fn unmarked_first_person_sentences() {
    let paragraphs = [
        "Mayor Ingrid Solheim spoke after the meeting. We will have the bridge open again before the winter.",
        "Solheim said, “We owe it to our commuters to move quickly.” We started to see some progress with the contractors this week.",
        "The “we are ready” message was repeated at every stop. Our reporter saw the site.",
        "“I think we will manage. We always have, in this town and in others,” she said.",
    ];
    let found = unmarked_speech(&paragraphs);
    let texts: Vec<&str> = found.iter().map(|f| f.parts[0].as_str()).collect();
    assert_eq!(
        texts,
        [
            "We will have the bridge open again before the winter.",
            "We started to see some progress with the contractors this week.",
        ]
    );
    assert!(found.iter().all(|f| !f.direct && f.attribution.is_none()));
    assert_eq!(found[0].speaker.as_deref(), Some("Ingrid Solheim"));
}

#[test]
fn roles_set_off_by_commas_and_quoted_terms() {
    let ps = [
        "Transport minister Anna Lindqvist and the union's lawyer, Per Lindqvist, arrived together.",
        "“We will sign on Thursday,” the port authority's chief executive, Sigrid Talvik, said.",
        "“It is fair,” said the port's harbour master, Jens Okafor, who had warned of delays.",
        "The minister of transport, Anna Lindqvist, called it “a fair deal for the region”.",
        "The deal keeps the so-called “green lane” for fish, and the “Harbour Compact” talks go on.",
        "The “green lane” will stay open, the port said.",
        "Talvik described the offer as a “game-changing” step.",
        "“Per Lindqvist is right,” Per Lindqvist said of himself.",
        "“The state will pay for the dredging,” the minister said.",
        "“We start on Monday,” said the chief executive.",
    ];
    let got = parts_and_speakers(direct_quotes(&ps));
    assert_eq!(
        got,
        [
            row("We will sign on Thursday,", "Sigrid Talvik"),
            row("It is fair,", "Jens Okafor"),
            row("a fair deal for the region", "Anna Lindqvist"),
            row("game-changing", "Sigrid Talvik"),
            row("Per Lindqvist is right,", "Per Lindqvist"),
            row("The state will pay for the dredging,", "Anna Lindqvist"),
            row("We start on Monday,", "Sigrid Talvik"),
        ]
    );
}

#[test]
fn german_marks_in_an_english_report() {
    let ps = ["„Wir bauen die Brücke neu“, Mayor Ingrid Solheim told the Kessa Zeitung, promising work by June."];
    let q = direct_quotes(&ps);
    assert_eq!(q.len(), 1, "{q:#?}");
    assert_eq!(q[0].parts, ["Wir bauen die Brücke neu"]);
    assert!(ps[0].contains(&q[0].parts[0]));
    assert_eq!(q[0].speaker.as_deref(), Some("Ingrid Solheim"));
}

#[test]
fn unmarked_words_opening_a_paragraph_belong_to_the_next_speaker() {
    let paragraphs = [
        "Mayor Ingrid Solheim opened the meeting with a report on the bridge.",
        "We have made real progress with the contractors this month. Council leader Tor Aas said that the budget would hold.",
        "We are still far from an agreement on the tolls. It rained all afternoon.",
    ];
    let found = unmarked_speech(&paragraphs);
    let speakers: Vec<Option<&str>> = found.iter().map(|f| f.speaker.as_deref()).collect();
    // The first is Aas's, told by the sentence after it, not Solheim's, the last named
    // before it; the second opens a paragraph whose next sentence reports nobody, so it
    // goes to the last person named, Aas again.
    assert_eq!(speakers, [Some("Tor Aas"), Some("Tor Aas")]);
    let solo = unmarked_speech(
        &paragraphs[..1]
            .iter()
            .chain(&paragraphs[2..])
            .copied()
            .collect::<Vec<_>>(),
    );
    assert_eq!(solo[0].speaker.as_deref(), Some("Ingrid Solheim"));
}

fn got(ps: &[&str]) -> Vec<(String, Option<String>, String)> {
    reported_speech(ps)
        .into_iter()
        .map(|f| {
            assert!(!f.direct);
            (
                f.parts[0].clone(),
                f.speaker,
                f.attribution.unwrap_or_default(),
            )
        })
        .collect()
}

fn reported_row(
    clause: &str,
    speaker: Option<&str>,
    attribution: &str,
) -> (String, Option<String>, String) {
    (
        clause.to_string(),
        speaker.map(str::to_string),
        attribution.to_string(),
    )
}

#[test]
fn verb_before_the_clause() {
    let ps = [
        "Mayor Ada Voss said that the bridge would reopen in June after repairs.",
        "She added that the repairs would cost about two million crowns in all.",
        "Mr Lind said it was the first time the council had agreed on anything.",
        "“We will reopen it,” Voss said, and the council said that nothing else was planned.",
        "Harbour master Eva Dahl said deliveries across the north would be delayed by a week.",
        "Voss, who has led the city since 2019, told a news conference at the town hall that she had done nothing wrong.",
        "Local fishermen told the Courier the harbour light had been out for a week.",
        "Police confirmed they had received the report but said no one had been charged.",
        "The company said in a statement that its offer was fair.",
        "A spokeswoman for the company, Maja Lind, said orders would go through the depot.",
    ];
    assert_eq!(
        got(&ps),
        [
            reported_row("the bridge would reopen in June after repairs", Some("Ada Voss"), "Mayor Ada Voss said that"),
            reported_row("the repairs would cost about two million crowns in all", Some("Ada Voss"), "She added that"),
            reported_row("it was the first time the council had agreed on anything", Some("Lind"), "Mr Lind said"),
            reported_row("nothing else was planned", Some("council"), "the council said that"),
            reported_row("deliveries across the north would be delayed by a week", Some("Eva Dahl"), "Harbour master Eva Dahl said"),
            reported_row("she had done nothing wrong", Some("Ada Voss"), "Voss, who has led the city since 2019, told a news conference at the town hall that"),
            reported_row("the harbour light had been out for a week", Some("Local fishermen"), "Local fishermen told the Courier"),
            reported_row("they had received the report", Some("Police"), "Police confirmed"),
            reported_row("no one had been charged", Some("Police"), "but said"),
            reported_row("its offer was fair", Some("company"), "The company said in a statement that"),
            reported_row("orders would go through the depot", Some("Maja Lind"), "Maja Lind, said"),
        ]
    );
}

#[test]
fn attribution_after_the_clause() {
    let ps = [
        "Nobody was injured, fire chief Piet Dorn said.",
        "Two passengers were treated for hypothermia at the hospital, the hospital said.",
        "Coastguard commander Lena Brandt spoke first.",
        "The ferry struck the rocks shortly before 6 a.m. in strong winds, she told reporters.",
        "A small amount of diesel leaked from a tank, according to the coastal authority.",
        "According to the coastguard service, all people on board were evacuated.",
        "There were 62 passengers on board, according to a passenger list, far more than first said.",
        "As informed the coastal authority, a small quantity of fuel has leaked.",
        "Police said they saw no sign of a crime.",
        "Ministers must act now, said union leader Ana Sorel on Monday.",
    ];
    assert_eq!(
        got(&ps),
        [
            reported_row(
                "Nobody was injured",
                Some("Piet Dorn"),
                "fire chief Piet Dorn said"
            ),
            reported_row(
                "Two passengers were treated for hypothermia at the hospital",
                Some("hospital"),
                "the hospital said"
            ),
            reported_row(
                "The ferry struck the rocks shortly before 6 a.m. in strong winds",
                Some("Lena Brandt"),
                "she told reporters"
            ),
            reported_row(
                "A small amount of diesel leaked from a tank",
                Some("coastal authority"),
                "according to the coastal authority"
            ),
            reported_row(
                "all people on board were evacuated",
                Some("coastguard service"),
                "According to the coastguard service"
            ),
            reported_row(
                "There were 62 passengers on board",
                Some("passenger list"),
                "according to a passenger list",
            ),
            reported_row(
                "a small quantity of fuel has leaked",
                Some("coastal authority"),
                "As informed the coastal authority",
            ),
            reported_row("they saw no sign of a crime", Some("Police"), "Police said"),
            reported_row(
                "Ministers must act now",
                Some("Ana Sorel"),
                "said union leader Ana Sorel on Monday"
            ),
        ]
    );
}

#[test]
fn the_company_is_the_company_last_named() {
    let ps = [
        "The ferry, run by Nordvik Line, struck the rocks.",
        "Passengers were offered seats on a chartered boat, the company added.",
    ];
    assert_eq!(
        got(&ps),
        [reported_row(
            "Passengers were offered seats on a chartered boat",
            Some("Nordvik Line"),
            "the company added"
        )]
    );
}

#[test]
fn reports_beside_quotations_and_verdicts() {
    let ps = [
        "Envoy Maren Holt spoke on the radio.",
        "“We covered almost everything,” Holt said, adding that the other side showed signs of moving.",
        "She called them game-changing and noted that it was a first for the talks.",
    ];
    assert_eq!(
        got(&ps),
        [
            reported_row(
                "the other side showed signs of moving",
                Some("Maren Holt"),
                "adding"
            ),
            reported_row("game-changing", Some("Maren Holt"), "She called"),
            reported_row(
                "it was a first for the talks",
                Some("Maren Holt"),
                "and noted that"
            ),
        ]
    );
}

#[test]
fn reactions_set_off_as_speech() {
    let ps = [
        "Council leader Petra Lund, speaking beside the mayor in Kessa, welcomed the government's offer of help, stressing the town's need for a new bridge.",
        "The union condemned the closure, saying it would cost 200 jobs.",
    ];
    assert_eq!(
        got(&ps),
        [
            reported_row(
                "welcomed the government's offer of help, stressing the town's need for a new bridge",
                Some("Petra Lund"),
                "stressing"
            ),
            // A participle with a clause of its own reports that clause.
            reported_row("it would cost 200 jobs", Some("union"), "saying"),
        ]
    );
}

#[test]
fn sentences_split_by_their_attribution() {
    let ps = [
        "Minister Ivo Ranta spoke after the talks.",
        "He said that the treaty was the only way forward for the region.",
        "We need the border open by spring, he added, but nobody has set a date yet.",
        "The repairs, Ranta said, would take most of the summer.",
        "The fire, police said, started in a storage room behind the kitchen.",
        "The road, the city council said, will reopen on Friday.",
    ];
    let found = reported_speech(&ps);
    let got: Vec<(Vec<&str>, Option<&str>, Option<&str>)> = found
        .iter()
        .map(|f| {
            (
                f.parts.iter().map(String::as_str).collect(),
                f.speaker.as_deref(),
                f.attribution.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                vec!["the treaty was the only way forward for the region"],
                Some("Ivo Ranta"),
                Some("He said that")
            ),
            (
                vec![
                    "We need the border open by spring",
                    "but nobody has set a date yet"
                ],
                Some("Ivo Ranta"),
                Some("he added")
            ),
            (
                vec!["The repairs", "would take most of the summer"],
                Some("Ivo Ranta"),
                Some("Ranta said")
            ),
            (
                vec!["The fire", "started in a storage room behind the kitchen"],
                Some("police"),
                Some("police said")
            ),
            (
                vec!["The road", "will reopen on Friday"],
                Some("city council"),
                Some("the city council said")
            ),
        ]
    );
}

#[test]
fn a_pronoun_subject_keeps_the_last_person_named() {
    // "the United Nations" is named in the sentence led by "She", but she is still Lund.
    let ps = [
        "Envoy Petra Lund arrived on Monday.",
        "She said that the United Nations would send observers to the border.",
        "She added that the observers would stay until the vote was counted.",
    ];
    let speakers = speakers(reported_speech(&ps));
    assert_eq!(
        speakers,
        [
            Some("Petra Lund".to_string()),
            Some("Petra Lund".to_string())
        ]
    );
}

#[test]
fn not_speech() {
    let ps = [
        "Investigators have not yet said what started the fire.",
        "The plant is said to be the largest in the north.",
        "The company said in a statement.",
        "She said goodbye to the crew, and the ship left.",
        "Voss denied any wrongdoing.",
        "The minister told reporters about the plan.",
        "The operator has promised full cooperation and has stopped the line.",
        "The mayor called off the vote and called the police.",
        "The town welcomed 5,000 visitors to the festival.",
    ];
    assert_eq!(got(&ps), []);
}

#[test]
fn a_headline_quotes_again_what_its_body_quotes() {
    let ps = [
        "Dam engineer: ‘The spillway will hold’",
        "‘The spillway will hold’",
        "Chief engineer Oskar Lindqvist told the county board on Monday: “The spillway will hold, and the town is safe.”",
        "Residents Rally Before Vote On ‘Flood Tax’",
    ];
    let mut found = said(&parallax_read::read(&ps), &[]);
    in_headline(&mut found);
    let got: Vec<(usize, &str, bool)> = found
        .iter()
        .map(|f| (f.paragraph, f.parts[0].as_str(), f.headline))
        .collect();
    // The headline printed again at the top of the body is the headline's; the body's
    // fuller quotation is another occurrence; a scare-quoted term is no one's words.
    assert_eq!(
        got,
        [
            (0, "The spillway will hold", true),
            (2, "The spillway will hold, and the town is safe.", false),
        ]
    );
}

#[test]
fn every_part_is_placed_in_the_input_text() {
    // Two paragraphs at characters 12 and 80 of the input; the first holds a character of
    // two bytes before its quotation.
    let ps = [
        "Rådhus chair Ola Brekke said: “We will vote in May.”",
        "The levy, Brekke said, “is not on the table” and “never was.”",
    ];
    let r = parallax_read::read(&ps);
    let found = said(&r, &[Some(12), Some(80)]);
    let spans: Vec<Vec<[usize; 2]>> = found.iter().map(|f| f.spans.clone().unwrap()).collect();
    let at = |p: usize, part: &str| ps[p][..ps[p].find(part).unwrap()].chars().count();
    let first = 12 + at(0, "We will");
    assert_eq!(
        spans[0],
        [[first, first + "We will vote in May.".chars().count()]]
    );
    let second = 80 + at(1, "is not");
    assert_eq!(spans[1][0], [second, second + "is not on the table".len()]);
    assert_eq!(spans[1].len(), found[1].parts.len());
    // A paragraph printed nowhere in the input text (a headline from a header) is placed
    // nowhere.
    assert!(said(&r, &[None, Some(80)])[0].spans.is_none());
}

#[test]
fn speakers_past_opening_phrases_appositions_and_predicates() {
    let ps = [
        "“We cannot afford it,” said Tomas Reyd, the ferry company's treasurer.",
        "Councillor Mirela Voss ended her address with a promise to “keep the ferry in the hands of the islanders” before the vote.",
        "“The levy is overdue,” Halvard Emsley, a harbour pilot and union steward, told the council.",
        "Following a hastily called, closed-door meeting, the Sorvik Fisheries Board issued a statement calling the quota “unworkable for small boats and ruinous for the islands”.",
        "As the harbour master, Ines Kallo, put it, “the tide waits for no committee.”",
    ];
    let got = parts_and_speakers(direct_quotes(&ps));
    assert_eq!(
        got,
        [
            row("We cannot afford it,", "Tomas Reyd"),
            row(
                "keep the ferry in the hands of the islanders",
                "Mirela Voss"
            ),
            row("The levy is overdue,", "Halvard Emsley"),
            row(
                "unworkable for small boats and ruinous for the islands",
                "Sorvik Fisheries Board"
            ),
            row("the tide waits for no committee.", "Ines Kallo"),
        ]
    );
}

#[test]
fn a_weekday_after_a_place_is_no_part_of_a_name() {
    let ps = [
        "At a rally in Dunmere, Karvia Saturday, Ilse Brandt laid out her plan to halve the levy.",
        "Along with the harbour dues, the Karvian Senate this week rejected a plan to sell the pier.",
    ];
    let speakers = speakers(reported_speech(&ps));
    assert_eq!(
        speakers,
        [
            Some("Ilse Brandt".to_string()),
            Some("Karvian Senate".to_string())
        ]
    );
}

#[test]
fn a_name_that_says_whose_someone_is_is_not_who_a_pronoun_stands_for() {
    let ps = [
        "Harbour Rovers chairman Lorcan Pike said the club would appeal the ban. “We are not finished with this,” he said.",
    ];
    let speakers = speakers(direct_quotes(&ps));
    assert_eq!(speakers, [Some("Lorcan Pike".to_string())]);
}

#[test]
fn a_place_named_by_its_geography_is_not_who_a_pronoun_stands_for() {
    let ps = [
        "Transport minister Ilse Varga said on Monday that ferries would move to the Kessel Bay terminal from May. Under the new timetable, Kessel Bay would take about 40 sailings a day.",
        "“A terminal that sees two boats a day cannot stay open,” she said.",
    ];
    let speakers = speakers(direct_quotes(&ps));
    assert_eq!(speakers, [Some("Ilse Varga".to_string())]);
}

#[test]
fn words_on_signs_titles_of_works_and_terms_no_one_speaks_are_not_quotations() {
    let ps = [
        "Some 300 fishermen marched on the quay, waving placards that read “Our nets, our waters, our children”.",
        "A hand-painted sign on the chandlery window says « Closed until the harbour is ours again ».",
        "The survey, “Ring seals of the outer skerries and the winter ice they need”, is free to read.",
        "The chemicals, widely described as “forever pollutants that build up in the food chain”, were found in every sample.",
        "“We will go to court if we must,” said Aili Strand, who leads the fishermen's union.",
    ];
    let got: Vec<String> = direct_quotes(&ps)
        .into_iter()
        .map(|f| f.parts.join(" | "))
        .collect();
    assert_eq!(got, ["We will go to court if we must,"]);
}

#[test]
fn long_appositions_places_after_the_cue_and_rarer_verbs_of_saying() {
    let ps = [
        "Pekka Lind, the union's treasurer and a skipper for thirty years whose boat was sold at auction last spring after the yard closed for good, said on Radio Norden that the sale was unlawful.",
        "“We will not sell the ferry, not this year and not next,” exhorted the harbour board's chair, Anja Brisk.",
        "“Nobody reads the small print,” sneered Brisk.",
    ];
    let speakers: Vec<Option<String>> = said(&parallax_read::read(&ps), &[])
        .into_iter()
        .map(|f| f.speaker)
        .collect();
    let name = |s: &str| Some(s.to_string());
    assert_eq!(
        speakers,
        [name("Pekka Lind"), name("Anja Brisk"), name("Anja Brisk")]
    );
}

#[test]
fn a_headline_colon_after_someones_role_names_the_role_not_them() {
    let ps = [
        "Varga's lawyer: ‘The fine will be appealed’",
        "Ilse Varga was fined on Monday.",
    ];
    let speakers = speakers(direct_quotes(&ps));
    assert_eq!(speakers.len(), 1);
    assert_ne!(speakers[0].as_deref(), Some("Ilse Varga"));
    assert_ne!(speakers[0].as_deref(), Some("Varga"));
}

#[test]
fn a_club_named_without_club_is_no_one_a_pronoun_stands_for() {
    let ps = [
        "Kessel Rovers chairman Ewan Blyth confirmed the sale on Friday.",
        "The striker will leave on Monday, and Dunmore Athletic will pay the fee in two parts.",
        "“We have a plan for the money,” he said.",
    ];
    let speakers = speakers(direct_quotes(&ps));
    assert_eq!(speakers, [Some("Ewan Blyth".to_string())]);
}

#[test]
fn a_headline_may_open_with_the_words_or_shout_them() {
    let parts = |ps: &[&str]| -> Vec<(usize, String)> {
        let mut found = said(&parallax_read::read(ps), &[]);
        in_headline(&mut found);
        found
            .into_iter()
            .filter(|f| f.direct)
            .map(|f| (f.paragraph, f.parts.join(" | ")))
            .collect()
    };
    // The words first, the news after a colon, in sentence case.
    let ps = [
        "‘The pier will not reopen’: storm leaves Kessby cut off",
        "Harbour master Ines Kallo said on Sunday: “The pier will not reopen this winter.”",
    ];
    assert_eq!(
        parts(&ps),
        [
            (0, "The pier will not reopen".to_string()),
            (1, "The pier will not reopen this winter.".to_string())
        ]
    );
    // In capitals; and printed again in capitals at the top of the body.
    let body = "“We owe nothing to anyone,” Tor Malmberg told the court.";
    let shouted = "'WE OWE NOTHING': FERRY BOSS IN COURT";
    assert_eq!(
        parts(&[shouted, body]),
        [
            (0, "WE OWE NOTHING".to_string()),
            (1, "We owe nothing to anyone,".to_string())
        ]
    );
    assert_eq!(
        parts(&["'We owe nothing': ferry boss in court", shouted, body]),
        [
            (0, "We owe nothing".to_string()),
            (2, "We owe nothing to anyone,".to_string())
        ]
    );
}

#[test]
fn a_fragment_in_the_first_person_is_someones_words() {
    let ps = [
        "Harbour master Ines Kallo spoke of the “longest night of my working life” after the storm.",
        "The town opened the “Harbour of Light” festival on Friday.",
    ];
    let got = parts_and_speakers(direct_quotes(&ps));
    assert_eq!(
        got,
        [(
            "longest night of my working life".to_string(),
            Some("Ines Kallo".to_string())
        )]
    );
}

#[test]
fn a_statement_from_a_body_speaks_for_the_body() {
    let ps = [
        "The Harbour Authority of Kessby suspended the pilot on Monday.",
        "No further sailings will be cancelled, according to a statement from the authority.",
    ];
    let speakers = speakers(reported_speech(&ps));
    assert_eq!(
        speakers.last().cloned().flatten().as_deref(),
        Some("Harbour Authority of Kessby")
    );
}

#[test]
fn a_headline_colon_in_its_second_clause_names_the_speaker() {
    let ps = [
        "Ferry strike at the port of Kessby ends after nine long days; Holm: ‘Nobody won this’",
        "Gov. Maria Esposito-Kahn urged both sides to sign.",
    ];
    let speakers = speakers(direct_quotes(&ps));
    assert_eq!(speakers, [Some("Holm".to_string())]);
}

#[test]
fn first_names_from_many_languages_carry_their_gender_to_a_pronoun() {
    let ps = [
        "Piet Ambühl spoke after Tove Rask at the harbour meeting on Monday.",
        "“We will sign the lease this week,” she said.",
        "Dagny Holt thanked Joaquin Vela for the loan. “It came in time,” he said.",
    ];
    let speakers = speakers(direct_quotes(&ps));
    let name = |s: &str| Some(s.to_string());
    assert_eq!(speakers, [name("Tove Rask"), name("Joaquin Vela")]);
}

#[test]
fn reports_told_to_an_outlet_by_an_apposed_source_after_an_aside_or_a_long_object() {
    let ps = [
        "The ferry will run through the winter, harbour chief Ines Kallo told KESSBY RADIO.",
        "The pier was never insured, a spokeswoman, Tove Rask, said on Monday.",
        "Skippers, however, say the new quota will empty the harbour.",
        "Aili Strand told a crowded union hall in the old fish market that the strike would go on.",
    ];
    let got = parts_and_speakers(reported_speech(&ps));
    let row = |q: &str, s: Option<&str>| (q.to_string(), s.map(str::to_string));
    assert_eq!(
        got,
        [
            row("The ferry will run through the winter", Some("Ines Kallo")),
            row("The pier was never insured", Some("Tove Rask")),
            row("the new quota will empty the harbour", Some("Skippers")),
            row("the strike would go on", Some("Aili Strand")),
        ]
    );
}

#[test]
fn a_verdict_quoted_in_a_relative_clause_leaves_the_sentences_cue_to_its_subject() {
    let ps =
        ["Brisk, who calls the levy a “tax on fishing itself,” said she would vote against it."];
    let got: Vec<(bool, String, Option<String>)> = said(&parallax_read::read(&ps), &[])
        .into_iter()
        .map(|f| (f.direct, f.parts.join(" | "), f.speaker))
        .collect();
    let brisk = Some("Brisk".to_string());
    assert_eq!(
        got,
        [
            (true, "tax on fishing itself,".to_string(), brisk.clone()),
            (false, "she would vote against it".to_string(), brisk),
        ]
    );
}

#[test]
fn a_comment_after_a_closing_attribution_is_the_reporters() {
    let ps = [
        "Trawlers under twelve metres would be exempt from the levy, Brisk said, a change that could save the smallest boats a season's takings.",
    ];
    let got = parts_and_speakers(reported_speech(&ps));
    assert_eq!(
        got,
        [(
            "Trawlers under twelve metres would be exempt from the levy".to_string(),
            Some("Brisk".to_string())
        )]
    );
}

#[test]
fn reports_inside_relative_clauses_and_by_people_unnamed() {
    let ps = [
        "Harbour master Ines Kallo listed 14 moorings, which she said were all rented to trawlers from the south.",
        "The crews accepted a rota that union officials said would cost every boat two sailings a week.",
        "It is a shortfall Kallo said could empty the harbour by spring.",
        "Some say the quota was drawn up in the capital by people who have never seen a trawler.",
        "Those who know him say he will stand again.",
    ];
    let got = parts_and_speakers(reported_speech(&ps));
    assert_eq!(
        got,
        [
            row("were all rented to trawlers from the south", "Ines Kallo"),
            row(
                "would cost every boat two sailings a week",
                "union officials"
            ),
            row("could empty the harbour by spring", "Ines Kallo"),
            row(
                "the quota was drawn up in the capital by people who have never seen a trawler",
                "Some"
            ),
            row("he will stand again", "Those"),
        ]
    );
}

#[test]
fn a_comparison_or_a_companion_set_off_after_the_subject() {
    let ps = [
        "Island skippers, like their mainland rivals, say the quota favours the big trawlers.",
        "Brisk, along with two members of the harbour board, says the vote was rigged.",
    ];
    let got = parts_and_speakers(reported_speech(&ps));
    assert_eq!(
        got,
        [
            row("the quota favours the big trawlers", "Island skippers"),
            row("the vote was rigged", "Brisk"),
        ]
    );
}

#[test]
fn a_headline_in_title_case_names_no_one_the_body_does_not() {
    let ps = [
        "Harbour Gap Goes On",
        "The pier has been shut since March. “We will not sell the ferry,” he said.",
    ];
    let speakers = speakers(direct_quotes(&ps));
    assert_eq!(speakers, [None]);
}

#[test]
fn a_quotation_inside_a_quotation_is_the_words_of_whom_the_speaker_quotes() {
    let ps = [
        "Fisheries minister Tove Rask visited Kessby in March.",
        "“The minister sat in my kitchen and told me, ‘Nothing is decided, Aili.’ A week later it was,” said Aili Strand.",
        "“You say you ‘never saw the letter,’ but you signed it,” Strand told the inquiry.",
    ];
    let got = parts_and_speakers(direct_quotes(&ps));
    assert_eq!(
        got,
        [
            row(
                "The minister sat in my kitchen and told me, ‘Nothing is decided, Aili.’ A week later it was,",
                "Aili Strand"
            ),
            row("Nothing is decided, Aili.", "Tove Rask"),
            row(
                "You say you ‘never saw the letter,’ but you signed it,",
                "Aili Strand"
            ),
        ]
    );
}

#[test]
fn a_quotation_after_a_relative_clause_that_holds_another_speaks_for_the_subject() {
    let ps = [
        "Harbour master Jonas Brekke spoke first.",
        "Aili Strand, who leads the skippers and is known on the quay as “the Admiral” since the 2019 blockade, said her members would “fish until the last day”.",
    ];
    let speakers: Vec<(String, Option<String>)> = direct_quotes(&ps)
        .into_iter()
        .map(|f| (f.parts.join(" | "), f.speaker))
        .collect();
    assert_eq!(
        speakers.last().cloned(),
        Some((
            "fish until the last day".to_string(),
            Some("Aili Strand".to_string())
        ))
    );
}

#[test]
fn a_name_of_a_thing_or_an_event_is_no_one_a_pronoun_stands_for() {
    let ps = [
        "Mayor Ines Kallo opened the fair on Friday.",
        "The crowds came for the Kessby Herring Festival, which has run since 1921.",
        "“We have never had so many boats in the harbour,” she said.",
    ];
    assert_eq!(
        speakers(direct_quotes(&ps)),
        [Some("Ines Kallo".to_string())]
    );
}

#[test]
fn each_version_keeps_the_sentence_that_credits_it() {
    let found = direct_quotes(&[
        "The ward meeting ran late. “We have waited long enough,” said councillor Odile Varga. \
         Nobody answered her.",
        "“Every ward on the north side needs its buses back before the winter term starts, and \
         we have waited three winters for it already, through two reviews and a consultation \
         nobody read,” the transport secretary, Declan Morrow, told the hall on Tuesday.",
    ]);
    let context: Vec<Option<&str>> = found.iter().map(|f| f.context.as_deref()).collect();
    assert_eq!(
        context,
        [
            Some("“We have waited long enough,” said councillor Odile Varga."),
            // A long sentence is cut to the attribution and the quoted words nearest it.
            Some(
                "term starts, and we have waited three winters for it already, through two \
                 reviews and a consultation nobody read,” the transport secretary, Declan \
                 Morrow, told the hall on Tuesday."
            ),
        ]
    );
}
