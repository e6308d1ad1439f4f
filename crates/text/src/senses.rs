//! Words that outlets swap for one another when they reword or retranslate a report,
//! folded onto one word of their group, so that two versions share words where they share
//! meaning: "Everyone, I believe, agreed that we had made headway" and "I think everybody
//! agreed that we had made progress" are the same nine senses, and "two truckers were saved
//! when the crossing collapsed" shares "lorry", "driver", "rescue" and "bridge" with the
//! wire's "two lorry drivers were rescued after the bridge collapsed".
//!
//! ## What it handles
//! Groups of common English near-synonyms (verbs of thinking, seeing, starting, getting and
//! giving; adjectives of size, importance and necessity; nouns of agreement, progress and
//! guarantees; and the words of common news events: fires, crashes, floods, collapses,
//! rescues, deaths, arrests, protests), each with its inflected forms written out. The
//! first word of a group stands for all of them.
//!
//! ## What it does not
//! Tell a word's senses apart ("right" as correct and as a direction fold alike; "fell" is
//! a fall in prices and a fall from a roof), take phrases ("no one", "gave way"), or know
//! words outside the table: those stand for themselves. Quotations use it to decide which
//! versions are one utterance, never to grade fidelity, which compares the words as
//! printed. Story grouping does not use it: folded event words made the two similar events
//! of an ECB+ topic meet more often than they brought rewrites together (dev B-cubed 0.937
//! down to 0.919).

use std::collections::HashMap;
use std::sync::LazyLock;

/// Each line is one group; its first word stands for the rest.
const GROUPS: &[&str] = &[
    // Thinking and knowing.
    "think thinks thought believe believes believed reckon reckons",
    "consider considers considered regard regards regarded deem deems deemed view views viewed",
    "know knows knew aware",
    "sure certain confident convinced",
    "hope hopes hoped trust trusts trusted",
    "worried concerned afraid fearful anxious",
    // Seeing and showing.
    "see sees saw seen seeing notice notices noticed noticing observe observes observed observing witness witnessed",
    "show shows showed shown showing demonstrate demonstrates demonstrated display displays displayed reveal reveals revealed",
    "look looks looked looking examine examines examined investigate investigates investigated probe probed inspect inspected",
    // Starting, going on, ending.
    "begin begins began begun beginning start starts started starting commence commenced launch launched",
    "continue continues continued continuing proceed proceeds proceeded",
    "end ends ended ending stop stops stopped stopping halt halts halted cease ceases ceased finish finished conclude concluded",
    // Getting, giving, helping.
    "get gets got gotten getting obtain obtains obtained secure secures secured securing gain gains gained win wins won winning achieve achieved",
    "offer offers offered offering provide provides provided providing grant grants granted supply supplied",
    "help helps helped helping assist assists assisted aid aided",
    "support supports supported supporting backed",
    "want wants wanted wish wishes wished desire desires desired",
    "try tries tried trying attempt attempts attempted seek seeks sought",
    "need needs needed require requires required necessary needful essential",
    "allow allows allowed let lets permit permits permitted enable enables enabled",
    "ask asks asked request requests requested",
    "discuss discusses discussed discussing cover covers covered address addresses addressed",
    "talk talks talked speak speaks spoke spoken",
    "agree agrees agreed concur concurs concurred",
    "decide decides decided determine determined",
    "plan plans planned intend intends intended",
    "work works worked working function functions functioned operate operates operated",
    "build builds built construct constructs constructed",
    "rebuild rebuilds rebuilt reconstruct reconstructed",
    "repair repairs repaired fix fixes fixed mend mended",
    "choose chooses chose chosen select selects selected pick picks picked",
    "leave leaves left depart departs departed",
    "increase increases increased rise rises rose risen grow grows grew grown raise raised",
    "decrease decreases decreased reduce reduces reduced cut cuts lower lowered fall falls fell fallen drop drops dropped decline declines declined",
    "damage damaged harm harmed",
    "injure injured injures hurt wound wounded",
    "prepared ready willing",
    "able capable",
    // Size, importance, degree.
    "big large major significant substantial considerable huge great",
    "small little minor slight",
    "important crucial vital key critical",
    "difficult hard tough",
    "easy simple",
    "fast quick rapid swift",
    "quickly rapidly swiftly",
    "immediately instantly",
    "final definitive ultimate conclusive",
    "correct right proper accurate",
    "wrong incorrect mistaken",
    "lucky fortunate",
    "happy glad pleased delighted",
    "angry furious outraged",
    "enough sufficient",
    "almost nearly practically virtually",
    "maybe perhaps possibly",
    "very extremely highly",
    "often frequently",
    "now currently presently",
    // Things.
    "everybody everyone",
    "anybody anyone",
    "somebody someone",
    "nobody",
    "deal deals agreement agreements accord accords pact pacts",
    "progress headway advance advances",
    "problem problems issue issues question questions matter matters",
    "disagreement disagreements contention dispute disputes",
    "guarantee guarantees guaranteed assurance assurances",
    "protection safeguard safeguards",
    "restraint moderation",
    "way ways manner",
    "path road track",
    "verge brink precipice edge threshold",
    "fighting hostilities combat",
    "attack attacks attacked assault assaults assaulted",
    "threat threats danger dangers risk risks",
    "mistake mistakes error errors",
    "goal goals aim aims objective objectives target targets",
    "company companies firm firms business businesses",
    "workers employees staff",
    "people persons",
    "children kids",
    "money funds cash",
    "vessel vessels ship ships boat boats",
    "part parts portion share component element",
    "country countries nation nations",
    // The words of news events.
    "bridge bridges crossing crossings span spans overpass viaduct",
    "collapse collapses collapsed collapsing",
    "lorry lorries truck trucks",
    "driver drivers trucker truckers motorist motorists",
    "vehicle vehicles car cars",
    "rescue rescues rescued rescuing save saves saved saving",
    "police policemen officers",
    "fire fires blaze blazes flames inferno",
    "firefighters firemen",
    "kill kills killed killing die dies died dying dead death deaths fatalities",
    "injury injuries",
    "earthquake earthquakes quake quakes tremor tremors",
    "flood floods flooded flooding floodwater floodwaters deluge",
    "storm storms gale gales",
    "shooting shootings gunfire",
    "gunman gunmen shooter shooters",
    "arrest arrests arrested detain detains detained",
    "explosion explosions blast blasts",
    "crash crashes crashed collision collisions collided",
    "plane planes aircraft airliner airliners jet jets",
    "protest protests protested protesters demonstrators demonstration demonstrations rally rallies",
    "resign resigns resigned resignation quit quits",
    "election elections poll polls ballot ballots",
    "closed shut",
    "temporary provisional substitute interim makeshift",
    "lawyer lawyers attorney attorneys",
];

static SENSE: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for group in GROUPS {
        let mut words = group.split_whitespace();
        let Some(head) = words.next() else { continue };
        map.insert(head, head);
        for w in words {
            map.insert(w, head);
        }
    }
    map
});

/// The word that stands for `word`'s group, or `word` itself (lowercase words expected).
pub fn sense(word: &str) -> &str {
    SENSE.get(word).copied().unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn senses(s: &str) -> Vec<String> {
        s.split_whitespace()
            .map(|w| sense(&w.to_lowercase()).to_string())
            .collect()
    }

    #[test]
    fn rewordings_share_their_senses() {
        for (a, b) in [
            (
                "everyone I believe agreed that we had made headway",
                "everybody I think agreed that we had made progress",
            ),
            (
                "we started to notice some restraint",
                "we began to see some moderation",
            ),
            (
                "we discussed nearly every issue required",
                "we covered almost every question necessary",
            ),
            ("a crucial deal", "an important agreement"),
        ] {
            let (x, y) = (senses(a), senses(b));
            let shared = x.iter().filter(|w| y.contains(w)).count();
            assert!(shared >= x.len() - 1, "{a} / {b}: {x:?} {y:?}");
        }
    }

    #[test]
    fn words_outside_the_table_and_different_senses_stay_apart() {
        assert_eq!(sense("harbour"), "harbour");
        assert_ne!(sense("began"), sense("ended"));
        assert_ne!(sense("increase"), sense("decrease"));
        assert_ne!(sense("big"), sense("small"));
    }

    #[test]
    fn no_word_is_in_two_groups() {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for group in GROUPS {
            let head = group.split_whitespace().next().unwrap();
            for w in group.split_whitespace() {
                if let Some(other) = seen.insert(w, head) {
                    panic!("{w} is in the groups of {other} and {head}");
                }
            }
        }
    }
}
