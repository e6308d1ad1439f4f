//! The checkable statements of a story, compared across its outlets.
//!
//! ## What it handles
//! - Clauses that say the same thing in several outlets (they share most of their content
//!   words) become one `agreed` fact, with each outlet's clause as evidence; when they give
//!   different numbers for the same unit ("26 passengers" / "62 passengers") the fact is
//!   `contradicted`, one value per number. Rounding is not a contradiction: numbers within
//!   2% of each other agree.
//! - Clauses only one outlet prints become `single_source` facts: what rests on that outlet
//!   alone (a syndicated copy and its source are one outlet; see [`copies_are_one_source`]).
//! - Party descriptions of one office ("the Republican president" / "the Democratic
//!   administration") that disagree become a `contradicted` fact.
//! - A quotation that outlets credit to different people, one of them named by its own
//!   attribution, becomes a `contradicted` fact "who said ..." (one person across
//!   spellings, transliterations and a second surname left out is one speaker).
//! - Counts, amounts, days and times of day that outlets give differently in sentences
//!   worded each their own way are [`crate::disagree`]'s.
//! - Numbers in a fact are normalised (`three and a half-year` → 3.5).
//! - A time of day that one outlet alone gives inside an agreed statement ("... under
//!   control at around 9 a.m.") is a `single_source` fact of its own.
//! - A contradiction whose later figure comes an hour or more after the earlier one and is
//!   worded as an update ("rose to", "now") is reported as a later update
//!   ([`later_updates`]).
//! - Sentences are cut into statements at commas, semicolons, colons, dashes and quote
//!   marks, but not inside a number ("21,000", "10:30").
//!
//! ## What it does not
//! Align statements that share few words (a paraphrase in other terms), take a statement
//! of fewer than three content words unless it says nobody or nothing ("Nobody was
//! injured"), or tell a checkable statement from a remark (every clause of three content
//! words or more counts). Opinion columns are left out by the caller.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use parallax_model::{Fact, FactValue, Quote};
use regex::Regex;

use crate::details::{agreed_details, hedge_before, Details, Hedge};
use crate::disagree::figures_agree;
use crate::numbers::{numbers, Number};
use crate::times::{time_key, TIME_OF_DAY};

/// One clause of one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// The exact characters.
    pub text: String,
    /// Its content words (lower-cased, function words left out).
    words: Vec<String>,
    /// The same words as compared ([`stems`]).
    stems: Vec<String>,
    /// The numbers it gives.
    numbers: Vec<Number>,
}

pub(crate) use parallax_text::FUNCTION_WORDS as STOP;

/// A clause that only names a source: "according to the coastal authority", "As informed
/// the coastal authority", "fire chief Piet Dorn said", "said union leader Ana Sorel".
static ATTRIBUTION_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:according to|as informed|said|says|added)(?-u:\b)[^,]*$|^[^,]{0,60}(?-u:\b)(?:said|says|added|told reporters|told journalists)$").unwrap()
});

static PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<party>Republican|Democratic|Democrat|Labour|Conservative|Tory|Liberal|Green|Socialist|Social Democratic|Christian Democratic)\s+(?P<office>president|administration|government|White House|leader|prime minister|chancellor|party leader|mayor|governor)(?-u:\b)").unwrap()
});

/// Fewest content words a clause needs to be compared ("no sign of a crime" has three).
const MIN_CLAUSE_WORDS: usize = 3;

/// A verb of saying that opens a clause cut from its subject ("but said ...").
static REPORTED_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:also\s+)?(?:said|says|added|stated|confirmed)\s+(?:that\s+)?").unwrap()
});

/// A finite verb: what is left after [`REPORTED_LEAD`] is a statement only with one.
static FINITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:is|are|was|were|had|has|have|would|will|could|can|did)(?-u:\b)")
        .unwrap()
});

/// "No one", which says what "nobody" says.
static NO_ONE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)([Nn])o[ -]one(?-u:\b)").unwrap());

/// Words that say nobody or nothing: a clause of two content words led by one ("Nobody was
/// injured", "no one had been charged") is a statement as checkable as a longer one.
const NONE_WORDS: &[&str] = &["nobody", "none", "nothing", "noone"];

/// A two-word statement about nobody or nothing (see [`NONE_WORDS`]).
fn is_none_statement(words: &[String]) -> bool {
    words.len() == 2 && words.iter().any(|w| NONE_WORDS.contains(&w.as_str()))
}

pub(crate) fn content_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(['\'', '’']).to_lowercase())
        .map(|w| {
            w.strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .map(String::from)
                .unwrap_or(w)
        })
        .filter(|w| w.len() >= 2 && !STOP.contains(&w.as_str()))
        .collect()
}

static STEMMER: LazyLock<rust_stemmers::Stemmer> =
    LazyLock::new(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));

/// Words that news copy uses for one another, each with the stem that stands for all of
/// them. A heuristic lexicon of the commonest pairs in reports of accidents, disputes and
/// resignations; it does not know senses ("fire" the blaze and "fire" the dismissal).
const SAME_SENSE: &[(&str, &str)] = &[
    ("hurt", "injur"),
    ("injuri", "injur"),
    ("dead", "kill"),
    ("die", "kill"),
    ("death", "kill"),
    ("wound", "injur"),
    ("nobodi", "none"),
    ("staff", "worker"),
    ("employe", "worker"),
    ("workforc", "worker"),
    ("blaze", "fire"),
    ("quit", "resign"),
    ("shut", "close"),
    ("probe", "investig"),
    ("inquiri", "investig"),
];

/// Content words as compared: Snowball (Porter 2) English stems, so that "evacuated" meets
/// "evacuation" and "injured" meets "injuries", with [`SAME_SENSE`] folded in.
pub(crate) fn stems(words: &[String]) -> Vec<String> {
    words
        .iter()
        .map(|w| {
            let s = STEMMER.stem(w);
            SAME_SENSE
                .iter()
                .find(|(from, _)| *from == s)
                .map_or_else(|| s.into_owned(), |(_, to)| to.to_string())
        })
        .collect()
}

/// Where a clause holds two statements: before "but", "while", "whereas", "although", and
/// after a verb of saying and its "that" ("told a news conference that she had done
/// nothing wrong but could not stay on" → "she had done nothing wrong", "could not stay
/// on").
static STATEMENT_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:but|while|whereas|although)\s+|(?-u:\b)(?:said|says|told(?-u:\b)[^,]{0,40}?|stated|added|insisted|warned|confirmed|announced|noted|argued|claimed|denied)\s+that\s+").unwrap()
});

/// The clauses of an article's paragraphs: sentences cut at commas, semicolons, dashes,
/// quote marks and the words that join two statements ("but", "while", a reported "that"), kept when
/// they hold three content words or more, or two of which one says nobody; a clause cut
/// from its subject keeps only what follows its verb of saying ("but said no one had been
/// charged" → "no one had been charged").
pub fn clauses(paragraphs: &[&str]) -> Vec<Clause> {
    let mut out = Vec::new();
    // A subheading ("Small Leak of Fuel") announces a statement; it makes none.
    for p in paragraphs
        .iter()
        .filter(|p| !crate::entities::is_heading(p))
    {
        for sentence in parallax_text::sentences(p) {
            let pieces = pieces(sentence)
                .into_iter()
                .flat_map(|piece| STATEMENT_BREAK.split(piece));
            for piece in pieces {
                let text = piece.trim().trim_end_matches(['.', '!', '?']).trim();
                // "(but) said no one had been charged": the statement after the verb.
                let text = match REPORTED_LEAD.find(text) {
                    Some(m) if FINITE.is_match(&text[m.end()..]) => &text[m.end()..],
                    _ => text,
                };
                let words = content_words(&NO_ONE.replace_all(text, "nobody"));
                if !(words.len() >= MIN_CLAUSE_WORDS || is_none_statement(&words))
                    || ATTRIBUTION_ONLY.is_match(text)
                {
                    continue;
                }
                let nums = numbers(text);
                out.push(Clause {
                    text: text.to_string(),
                    numbers: nums,
                    stems: stems(&words),
                    words,
                });
            }
        }
    }
    out
}

/// A sentence cut at its commas, semicolons, colons, dashes and quote marks, the places
/// where one statement ends and the next, or the attribution, begins; a comma or colon
/// between digits ("21,000", "10:30") is part of a number and cuts nothing.
fn pieces(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut before = None;
    let mut chars = sentence.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let digit_follows = chars.peek().is_some_and(|(_, n)| n.is_ascii_digit());
        let cuts = match c {
            ',' | ':' => !(before.is_some_and(|b: char| b.is_ascii_digit()) && digit_follows),
            ';' | '“' | '”' | '"' | '—' | '–' => true,
            _ => false,
        };
        if cuts {
            out.push(&sentence[start..at]);
            start = at + c.len_utf8();
        }
        before = Some(c);
    }
    out.push(&sentence[start..]);
    out
}

/// Each clause's distinct stems as numbers, sorted, so that two clauses are compared by
/// one merge of two short lists (a story's clauses are compared pair by pair).
fn stem_ids(items: &[(usize, &Clause)]) -> Vec<Vec<u32>> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    items
        .iter()
        .map(|(_, c)| {
            let mut own: Vec<u32> = c
                .stems
                .iter()
                .map(|s| {
                    let next = ids.len() as u32;
                    *ids.entry(s.as_str()).or_insert(next)
                })
                .collect();
            own.sort_unstable();
            own.dedup();
            own
        })
        .collect()
}

/// How much two clauses' stems ([`stem_ids`]) overlap: the share of the smaller set's that
/// the other has, and the Dice coefficient.
fn overlap(a: &[u32], b: &[u32]) -> (f64, f64) {
    let common = parallax_text::shared_sorted(a, b) as f64;
    (
        common / a.len().min(b.len()).max(1) as f64,
        2.0 * common / (a.len() + b.len()).max(1) as f64,
    )
}

fn normalized(n: &Number) -> serde_json::Value {
    number_json(n.value)
}

/// A number as JSON: whole numbers without a fraction.
pub(crate) fn number_json(value: f64) -> serde_json::Value {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        serde_json::json!(value as i64)
    } else {
        serde_json::json!(value)
    }
}

/// The facts of one story: `articles` holds each article's id and its clauses, `details`
/// each article's id and its [`Details`], `quotes` the story's aligned quotations.
pub fn facts(
    articles: &[(String, Vec<Clause>)],
    details: &[(String, Details)],
    quotes: &[Quote],
) -> Vec<Fact> {
    let items: Vec<(usize, &Clause)> = (articles.iter().enumerate())
        .flat_map(|(a, (_, cs))| cs.iter().map(move |c| (a, c)))
        .collect();
    // Group clauses of different articles that share most of their content words.
    let stems = stem_ids(&items);
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            if items[i].0 == items[j].0 {
                continue;
            }
            let (cover, dice) = overlap(&stems[i], &stems[j]);
            if cover >= 0.6 && dice >= 0.4 {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut out: Vec<Fact> = Vec::new();
    for members in groups.values() {
        let articles_in: HashSet<usize> = members.iter().map(|&i| items[i].0).collect();
        // One clause per article: the one closest to the other articles' clauses.
        let closeness = |i: usize| -> f64 {
            members
                .iter()
                .filter(|&&j| items[j].0 != items[i].0)
                .map(|&j| overlap(&stems[i], &stems[j]).1)
                .sum()
        };
        let mut per_article: BTreeMap<usize, (&Clause, f64)> = BTreeMap::new();
        for &i in members {
            let c = closeness(i);
            let best = per_article.entry(items[i].0).or_insert((items[i].1, c));
            if c > best.1 {
                *best = (items[i].1, c);
            }
        }
        let per_article: BTreeMap<usize, &Clause> =
            per_article.into_iter().map(|(a, (c, _))| (a, c)).collect();
        let topic = topic_of(per_article.values().copied().collect());
        if articles_in.len() >= 2 {
            out.push(compared(&topic, articles, &per_article));
        } else if let Some((&a, c)) = per_article.iter().next() {
            let mut ev = BTreeMap::new();
            ev.insert(articles[a].0.clone(), c.text.clone());
            let (value, norm) = match c.numbers.first() {
                Some(num) => (num.text.clone(), normalized(num)),
                None => (c.text.clone(), serde_json::json!(c.text)),
            };
            out.push(Fact {
                id: String::new(),
                topic,
                status: "single_source".into(),
                values: vec![FactValue {
                    value,
                    normalized: norm,
                    articles: ev,
                }],
            });
        }
    }
    beyond_clauses(articles, details, quotes, &mut out);
    for (k, f) in out.iter_mut().enumerate() {
        f.id = format!("F{}", k + 1);
    }
    out
}

/// Adds to `out`, the facts of a story's clauses, those its clauses alone do not show: times one
/// outlet gives, party descriptions, quotations credited to different people, ages,
/// figures, days and times that differ ([`crate::disagree`]), people described
/// differently ([`crate::roles`]) and details outlets agree on ([`agreed_details`]).
fn beyond_clauses(
    articles: &[(String, Vec<Clause>)],
    details: &[(String, Details)],
    quotes: &[Quote],
    out: &mut Vec<Fact>,
) {
    let times = times_one_outlet_gives(articles, out);
    out.extend(times);
    out.extend(party_descriptions(articles));
    out.extend(who_said(quotes));
    let ages: Vec<(String, Vec<crate::ages::Age>)> = details
        .iter()
        .map(|(id, d)| (id.clone(), d.ages.clone()))
        .collect();
    out.extend(crate::ages::age_facts(&ages));
    let differ = crate::disagree::disagreements(details, out);
    out.extend(differ);
    let described: Vec<(String, Vec<crate::roles::Description>)> = (details.iter())
        .map(|(id, d)| (id.clone(), d.descriptions.clone()))
        .collect();
    out.extend(crate::roles::described_differently(&described));
    let acts: Vec<(String, Vec<crate::actors::Act>)> = (details.iter())
        .map(|(id, d)| (id.clone(), d.acts.clone()))
        .collect();
    out.extend(crate::actors::credited_differently(&acts));
    let told: Vec<(String, Vec<crate::outcomes::Outcome>)> = (details.iter())
        .map(|(id, d)| (id.clone(), d.outcomes.clone()))
        .collect();
    out.extend(crate::outcomes::told_both_ways(&told));
    let pinned = agreed_details(details, out);
    out.extend(pinned);
}

/// Marks `single_source` the agreed facts whose outlets are one report and its syndicated
/// copies (`copies` holds each copy's id and the id of the article it copies): a wire story
/// and a site that reprints it are one source, however many outlets print it.
pub fn copies_are_one_source(facts: &mut [Fact], copies: &[(String, String)]) {
    let root = |first: &str| {
        let mut a = first.to_string();
        // Copies of copies lead back to the first report; a loop cannot run for ever.
        for _ in 0..copies.len() {
            match copies.iter().find(|(copy, _)| *copy == a) {
                Some((_, source)) => a = source.clone(),
                None => break,
            }
        }
        a
    };
    for f in facts.iter_mut().filter(|f| f.status == "agreed") {
        let sources: HashSet<String> = f
            .values
            .iter()
            .flat_map(|v| v.articles.keys())
            .map(|a| root(a))
            .collect();
        if sources.len() < 2 {
            f.status = "single_source".into();
        }
    }
}

/// Words that give a figure as a later one: "rose to 12", "has climbed to", "now stands at",
/// "the latest figure", "revised".
static LATER_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:rose|risen|climbed|increased|jumped|grew|grown|reached|now|latest|updated|revised|fell|fallen|dropped|went up|gone up)(?-u:\b)").unwrap()
});

/// Least time between the outlets of an earlier and a later figure for the later one to be
/// an update.
const UPDATE_AFTER: chrono::Duration = chrono::Duration::hours(1);

/// Marks `updated` the contradicted counts that are a later figure, not a disagreement:
/// every outlet giving the later value published at least an hour after every outlet
/// giving the one before, and the later evidence says it is a later figure ("the death
/// toll rose to 12"). The values are put in time order. `published` holds each article's
/// publication time; a value from an article without one is never an update.
///
/// It does not catch an update told without such words ("12 people died", hours after "5
/// died"): that stays a contradiction, as does a later outlet that disputes an earlier
/// figure ("62 on board, far more than the coastguard said").
pub fn later_updates(
    facts: &mut [Fact],
    published: &[(String, chrono::DateTime<chrono::FixedOffset>)],
) {
    let time = |a: &str| published.iter().find(|(id, _)| id == a).map(|(_, t)| *t);
    for f in facts.iter_mut().filter(|f| f.status == "contradicted") {
        let spans: Option<Vec<_>> = f
            .values
            .iter()
            .map(|v| {
                let times: Option<Vec<_>> = v.articles.keys().map(|a| time(a)).collect();
                let times = times?;
                Some((*times.iter().min()?, *times.iter().max()?))
            })
            .collect();
        let Some(spans) = spans else {
            continue;
        };
        let mut order: Vec<usize> = (0..f.values.len()).collect();
        order.sort_by_key(|&k| spans[k].0);
        let later = order.windows(2).all(|w| {
            spans[w[0]]
                .1
                .checked_add_signed(UPDATE_AFTER)
                .is_some_and(|after| after <= spans[w[1]].0)
                && f.values[w[1]]
                    .articles
                    .values()
                    .any(|e| LATER_FIGURE.is_match(e))
        });
        if later {
            let values = std::mem::take(&mut f.values);
            let mut slots: Vec<Option<FactValue>> = values.into_iter().map(Some).collect();
            f.values = order.iter().filter_map(|&k| slots[k].take()).collect();
            f.status = "updated".into();
        }
    }
}

/// An agreed or contradicted fact from clauses of several articles.
fn compared(
    topic: &str,
    articles: &[(String, Vec<Clause>)],
    per_article: &BTreeMap<usize, &Clause>,
) -> Fact {
    // Numbers of one unit that differ by more than rounding are a contradiction.
    let mut by_value: Vec<(Number, Hedge, BTreeMap<String, String>)> = Vec::new();
    let mut unit: Option<String> = None;
    let mut all_numbered = true;
    for (&a, c) in per_article {
        // A year, a date's day or a broken figure ("000" of "500, 000") counts nothing.
        let Some(num) = c
            .numbers
            .first()
            .filter(|n| !crate::details::not_a_count(&c.text, n, &[]) && !n.text.starts_with('0'))
        else {
            all_numbered = false;
            continue;
        };
        if unit.is_none() {
            unit = num.unit.clone();
        }
        if num.unit != unit {
            all_numbered = false;
            continue;
        }
        // "nearly 2 million" agrees with "1.9 million".
        let this = (num.value, hedge_before(&c.text[..num.range.0]));
        match (by_value.iter_mut()).find(|(v, h, _)| figures_agree((v.value, *h), this)) {
            Some((_, _, ev)) => {
                ev.insert(articles[a].0.clone(), c.text.clone());
            }
            None => {
                let ev = BTreeMap::from([(articles[a].0.clone(), c.text.clone())]);
                by_value.push((num.clone(), this.1, ev));
            }
        }
    }
    // Counts of a generic unit (years, games) in similar clauses may count different things.
    let generic = unit.as_deref().is_none_or(|u| GENERIC_UNITS.contains(&u));
    if all_numbered && !generic && by_value.len() >= 2 {
        return Fact {
            id: String::new(),
            topic: topic.to_string(),
            status: "contradicted".into(),
            values: by_value
                .into_iter()
                .map(|(num, _, ev)| FactValue {
                    value: num.text.clone(),
                    normalized: normalized(&num),
                    articles: ev,
                })
                .collect(),
        };
    }
    let evidence: BTreeMap<String, String> = per_article
        .iter()
        .map(|(&a, c)| (articles[a].0.clone(), c.text.clone()))
        .collect();
    let first = per_article.values().next().expect("a group has clauses");
    let (value, norm) = match by_value.first() {
        Some((num, _, _)) if by_value.len() == 1 => (num.text.clone(), normalized(num)),
        _ => (first.text.clone(), serde_json::json!(first.text)),
    };
    Fact {
        id: String::new(),
        topic: topic.to_string(),
        status: "agreed".into(),
        values: vec![FactValue {
            value,
            normalized: norm,
            articles: evidence,
        }],
    }
}

/// A short topic: the shortest of the clauses, cut at ten words ("A small amount of diesel
/// leaked from a damaged tank"), which reads better in a fact table than the words the
/// clauses share.
fn topic_of(clauses: Vec<&Clause>) -> String {
    let Some(c) = clauses
        .iter()
        .min_by_key(|c| (c.text.split_whitespace().count(), c.text.len()))
    else {
        return String::new();
    };
    let words: Vec<&str> = c.text.split_whitespace().collect();
    if words.len() > 10 {
        format!("{} …", words[..10].join(" "))
    } else {
        words.join(" ")
    }
}

/// Times of day that one outlet alone gives inside a statement several outlets make
/// ("Firefighters fought the blaze for six hours before bringing it under control at around
/// 9 a.m." beside three reports of six hours without the hour): the agreed fact does not
/// show that the time rests on one outlet, so it becomes a `single_source` fact of its own.
/// A time that another article of the story prints in any clause it compares is not one
/// outlet's (a time in a clause too short to compare, "at 9am,", is not seen).
fn times_one_outlet_gives(articles: &[(String, Vec<Clause>)], done: &[Fact]) -> Vec<Fact> {
    let printed_by = |key: &str| -> HashSet<&str> {
        articles
            .iter()
            .filter(|(_, cs)| {
                cs.iter().any(|c| {
                    TIME_OF_DAY
                        .find_iter(&c.text)
                        .any(|m| time_key(m.as_str()) == key)
                })
            })
            .map(|(id, _)| id.as_str())
            .collect()
    };
    let mut out = Vec::new();
    for f in done.iter().filter(|f| f.status == "agreed") {
        for v in &f.values {
            for (article, evidence) in &v.articles {
                for m in TIME_OF_DAY.find_iter(evidence) {
                    let by = printed_by(&time_key(m.as_str()));
                    if by.len() != 1 || !by.contains(article.as_str()) {
                        continue;
                    }
                    let mut ev = BTreeMap::new();
                    ev.insert(article.clone(), evidence.clone());
                    out.push(Fact {
                        id: String::new(),
                        topic: format!("time: {}", m.as_str()),
                        status: "single_source".into(),
                        values: vec![FactValue {
                            value: m.as_str().to_string(),
                            normalized: serde_json::json!(m.as_str()),
                            articles: ev,
                        }],
                    });
                }
            }
        }
    }
    out
}

/// Units too general to say two counts are of one thing (years of a contract, years of a
/// war, games of a season, miles of a route).
pub(crate) const GENERIC_UNITS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "time",
    "season",
    "game",
    "point",
    "percent",
    "per",
    "cent",
    "mile",
    "metre",
    "meter",
    "kilometre",
    "kilometer",
    "run",
    "goal",
    "match",
    "round",
    "other",
    "yard",
];

/// Party descriptions of one office that disagree across articles.
fn party_descriptions(articles: &[(String, Vec<Clause>)]) -> Vec<Fact> {
    let mut by_party: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (id, cs) in articles {
        for c in cs {
            if let Some(m) = PARTY.captures(&c.text) {
                let party = m["party"]
                    .replace("Democrat", "Democratic")
                    .replace("Democraticic", "Democratic");
                by_party
                    .entry(party)
                    .or_default()
                    .entry(id.clone())
                    .or_insert_with(|| c.text.clone());
            }
        }
    }
    if by_party.len() < 2 {
        return Vec::new();
    }
    vec![contradicted(
        "the party of the office holder".into(),
        by_party
            .into_iter()
            .map(|(party, ev)| (party.to_string(), ev)),
    )]
}

/// A contradicted fact about `topic` whose values are `sides`: each a value as printed
/// (its normal form the same text) with the articles that give it and their evidence.
pub(crate) fn contradicted(
    topic: String,
    sides: impl IntoIterator<Item = (String, BTreeMap<String, String>)>,
) -> Fact {
    Fact {
        id: String::new(),
        topic,
        status: "contradicted".into(),
        values: sides
            .into_iter()
            .map(|(value, articles)| FactValue {
                normalized: serde_json::json!(value),
                value,
                articles,
            })
            .collect(),
    }
}

/// Quotations that outlets give to different people.
fn who_said(quotes: &[Quote]) -> Vec<Fact> {
    quotes.iter().filter_map(credited_differently).collect()
}

/// Most a quotation's topic quotes of it.
const TOPIC_WORDS: usize = 8;

/// The people one quotation is credited to, when outlets name different ones: versions in
/// quote marks credited to a person printed as a name (capitalised), one person across
/// spellings ([`parallax_text::same_name`]), and versions that quote the same words (most
/// of the shorter one's), so that two utterances put together by mistake contradict
/// nothing. The person must be the outlet's own words, not only worked out: at least one
/// version's attribution names its source or its role ("…,” Brugger added", "the mayor
/// added"), or the versions' pronouns differ ("she said" / "he said"). A version with
/// "he said" alone, whose person was resolved and may be wrong, cannot make one on its
/// own. Each outlet's evidence is the sentence that prints the words with their
/// attribution, or the words where none stands beside them.
fn credited_differently(q: &Quote) -> Option<Fact> {
    let mut sides: Vec<(String, BTreeMap<String, String>)> = Vec::new();
    let mut named = false;
    let mut genders = HashSet::new();
    // Each outlet's sentence that prints the words with their attribution.
    let mut shown: HashMap<&str, &str> = HashMap::new();
    for o in q.occurrences.iter().filter(|o| o.direct) {
        let Some(speaker) = o.speaker.as_deref().filter(|s| a_person(s)) else {
            continue;
        };
        let source = o
            .attribution
            .as_deref()
            .map_or(Source::Other, |a| source_of(a, speaker));
        named |= source == Source::Named;
        if let Source::Pronoun(g) = source {
            genders.insert(g);
        }
        let part = o
            .parts
            .iter()
            .max_by_key(|p| p.len())
            .cloned()
            .unwrap_or_default();
        if let Some(c) = &o.context {
            shown.entry(o.article.as_str()).or_insert(c);
        }
        let surname = |s: &str| s.split_whitespace().next_back().unwrap_or("").to_string();
        let one = |s: &str| {
            parallax_text::same_name(s, speaker)
                || parallax_text::same_name(&surname(s), &surname(speaker))
                || within_name(s, speaker)
        };
        match sides.iter_mut().find(|(s, _)| one(s)) {
            Some((name, ev)) => {
                if speaker.len() > name.len() {
                    *name = speaker.to_string();
                }
                ev.entry(o.article.clone()).or_insert(part);
            }
            None => sides.push((
                speaker.to_string(),
                BTreeMap::from([(o.article.clone(), part)]),
            )),
        }
    }
    let told_apart = named || genders.len() > 1;
    if sides.len() < 2 || !told_apart || !same_words_quoted(&sides) {
        return None;
    }
    let words: Vec<&str> = q.text.split_whitespace().take(TOPIC_WORDS).collect();
    let cited = |(a, part): (String, String)| {
        let c = shown.get(a.as_str()).map_or(part, |c| c.to_string());
        (a, c)
    };
    Some(contradicted(
        format!("who said “{} …”", words.join(" ")),
        sides
            .into_iter()
            .map(|(name, parts)| (name, parts.into_iter().map(cited).collect())),
    ))
}

/// What an attribution's source is: the speaker's surname or a role printed there
/// ("Brugger added", "the mayor told reporters"), or only a pronoun ("she said", "he
/// added").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Named,
    Pronoun(parallax_read::lexicon::Gender),
    Other,
}

fn source_of(attribution: &str, speaker: &str) -> Source {
    use parallax_read::lexicon::{pronoun, PronounKind};
    let words: Vec<&str> = attribution
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(g) = words.iter().find_map(|w| match pronoun(w) {
        Some(PronounKind::Person(g)) => Some(g),
        _ => None,
    }) {
        return Source::Pronoun(g);
    }
    let surname = speaker.split_whitespace().next_back().unwrap_or(speaker);
    if words.iter().any(|w| parallax_text::same_name(w, surname))
        || words.iter().any(|w| {
            w.starts_with(char::is_lowercase) && parallax_read::lexicon::person_role(w).is_some()
        })
    {
        Source::Named
    } else {
        Source::Other
    }
}

/// Whether the shorter of two names of two words or more is the longer one's first words
/// ("Efrain Mamani" in "Efraín Mamani Torrico"): a second surname left out.
fn within_name(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|w| parallax_text::fold_diacritics(w).to_lowercase())
            .collect()
    };
    let (x, y) = (words(a), words(b));
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    short.len() >= 2 && long.starts_with(&short)
}

/// Whether a speaker is a person printed as a name ("Annelies Brugger", not "police
/// spokesman", "the ministry's" or "Three Musketeers").
fn a_person(speaker: &str) -> bool {
    let first = speaker.split_whitespace().next().unwrap_or("");
    parallax_text::number_word(&first.to_lowercase()).is_none()
        && speaker
            .split_whitespace()
            .next_back()
            .is_some_and(|last| last.starts_with(char::is_uppercase))
        && crate::entities::kind_of(speaker) == "person"
        && !speaker.contains(['’', '\''])
}

/// Fewest content words two sides' versions must share unless both print a sentence of
/// their own (a capital first): a phrase inside a sentence ("a sledgehammer taken to a
/// walnut") is repeated by many people, a sentence ("It is a fair deal for the region")
/// is said by one.
const MIN_WORDS_CREDITED: usize = 5;

/// Whether every two sides quote the same words: some version of one and some of the
/// other share most (three in five) of the shorter one's content words, and at least
/// [`MIN_WORDS_CREDITED`] of them unless both are sentences.
fn same_words_quoted(sides: &[(String, BTreeMap<String, String>)]) -> bool {
    let words = |s: &str| -> HashSet<String> { content_words(s).into_iter().collect() };
    let alike = |a: &str, b: &str| {
        let (x, y) = (words(a), words(b));
        let shared = x.intersection(&y).count();
        let sentences = [a, b].iter().all(|s| s.starts_with(char::is_uppercase));
        (shared >= MIN_WORDS_CREDITED || sentences && shared > 0)
            && shared * 5 >= x.len().min(y.len()).max(1) * 3
    };
    sides.iter().enumerate().all(|(k, (_, a))| {
        sides[k + 1..]
            .iter()
            .all(|(_, b)| a.values().any(|x| b.values().any(|y| alike(x, y))))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_where_statements_end_but_not_inside_numbers() {
        let cases: &[(&str, &[&str])] = &[
            (
                "About 21,000 vehicles cross the bridge each day, the agency said",
                &[
                    "About 21,000 vehicles cross the bridge each day",
                    " the agency said",
                ],
            ),
            (
                "It opens at 10:30; it shuts at 18:00",
                &["It opens at 10:30", " it shuts at 18:00"],
            ),
            ("In 2024, 300 jobs went", &["In 2024", " 300 jobs went"]),
            ("Votes: 12,5", &["Votes", " 12,5"]),
            (
                "\"We will stay,\" she said",
                &["", "We will stay", "", " she said"],
            ),
            ("no cut", &["no cut"]),
        ];
        for (sentence, expected) in cases {
            assert_eq!(pieces(sentence), *expected, "{sentence}");
        }
    }

    #[test]
    fn a_quotation_given_to_two_people_contradicts_but_one_name_spelled_two_ways_does_not() {
        let occurrence = |article: &str, speaker: &str| {
            parallax_model::Occurrence {
            article: article.into(),
            parts: vec!["The quay will be rebuilt by spring and the ferries will return before the summer timetable".into()],
            direct: true,
            fidelity: "verbatim".into(),
            attribution: speaker
                .split_whitespace()
                .next_back()
                .map(|last| format!("{last} told reporters")),
            speaker: Some(speaker.into()),
            spans: None,
            context: None,
        }
        };
        let quote = |speakers: &[(&str, &str)]| {
            Quote {
            id: "Q1".into(),
            speaker: None,
            speaker_entity: None,
            text: "The quay will be rebuilt by spring and the ferries will return before the summer timetable".into(),
            occurrences: speakers.iter().map(|(a, s)| occurrence(a, s)).collect(),
        }
        };
        let one = quote(&[("a", "Henry Aldous-Fale"), ("b", "Henry Aldous Fale")]);
        assert!(who_said(&[one]).is_empty());
        let two = quote(&[("a", "Henry Aldous-Fale"), ("b", "Marta Lindqvist")]);
        assert_eq!(who_said(std::slice::from_ref(&two)).len(), 1);
        // A second surname left out, a nickname beside the surname, a transliteration.
        for pair in [
            [("a", "Efraín Mamani Torrico"), ("b", "Efrain Mamani")],
            [("a", "Tomas Halloran"), ("b", "Tommy Halloran")],
            [("a", "Aigerim Tuleubayeva"), ("b", "Aygerim Tuleubaeva")],
        ] {
            assert!(who_said(&[quote(&pair)]).is_empty(), "{pair:?}");
        }
        // Speakers worked out from "he said" alone name no one for sure.
        let mut inferred = two;
        for o in &mut inferred.occurrences {
            o.attribution = Some("he said".into());
        }
        assert!(who_said(std::slice::from_ref(&inferred)).is_empty());
        // ... but "she said" in one outlet and "he said" in the other are two people, and
        // a role the outlet prints ("the harbourmaster added") names its person.
        let mut genders = inferred.clone();
        genders.occurrences[0].attribution = Some("she told the inquiry".into());
        assert_eq!(who_said(&[genders]).len(), 1);
        let mut role = inferred;
        role.occurrences[1].attribution = Some(", the harbourmaster added".into());
        assert_eq!(who_said(&[role]).len(), 1);
        // Each outlet's evidence is the sentence that credits the words, where known.
        let mut shown = quote(&[("a", "Henry Aldous-Fale"), ("b", "Marta Lindqvist")]);
        let cited = "“The quay will be rebuilt by spring,” Lindqvist told reporters.";
        shown.occurrences[1].context = Some(cited.into());
        let found = who_said(&[shown]);
        let lindqvist = found[0]
            .values
            .iter()
            .find(|v| v.value == "Marta Lindqvist");
        assert_eq!(lindqvist.unwrap().articles["b"], cited);
        // A short phrase many people repeat is no one's.
        let mut phrase = quote(&[("a", "Henry Aldous-Fale"), ("b", "Marta Lindqvist")]);
        for o in &mut phrase.occurrences {
            o.parts = vec!["a sledgehammer to crack a walnut".into()];
        }
        assert!(who_said(&[phrase]).is_empty());
    }

    #[test]
    fn numbers_that_differ_contradict_and_rounding_agrees() {
        let a =
            clauses(&["A ferry with 26 passengers on board ran aground near Kessa on Tuesday."]);
        let b =
            clauses(&["There were 62 passengers on board the ferry that ran aground near Kessa."]);
        let c = clauses(&["The ferry that ran aground near Kessa had 26 passengers on board."]);
        let story = vec![
            ("a".to_string(), a),
            ("b".to_string(), b),
            ("c".to_string(), c),
        ];
        let f = facts(&story, &[], &[]);
        let contradicted: Vec<&Fact> = f.iter().filter(|f| f.status == "contradicted").collect();
        assert_eq!(contradicted.len(), 1, "{f:#?}");
        let values: Vec<(serde_json::Value, usize)> = contradicted[0]
            .values
            .iter()
            .map(|v| (v.normalized.clone(), v.articles.len()))
            .collect();
        assert_eq!(
            values,
            [(serde_json::json!(26), 2), (serde_json::json!(62), 1)]
        );
    }

    /// Regression: excluding generic units from contradictions once also dropped their
    /// normalised values from agreed facts.
    #[test]
    fn generic_units_still_normalise_in_agreed_facts() {
        let story = vec![
            (
                "a".to_string(),
                clauses(&["The envoy spoke about ending the 3.5-year war in Ukraine."]),
            ),
            (
                "b".to_string(),
                clauses(&[
                    "The envoy spoke about ending the three and a half-year war in Ukraine.",
                ]),
            ),
        ];
        let f = facts(&story, &[], &[]);
        let agreed: Vec<&Fact> = f.iter().filter(|f| f.status == "agreed").collect();
        assert_eq!(agreed.len(), 1, "{f:#?}");
        assert_eq!(agreed[0].values[0].normalized, serde_json::json!(3.5));
    }

    /// Each agreed fact's evidence clauses, in article order.
    fn agreed_evidence(f: &[Fact]) -> Vec<Vec<&str>> {
        f.iter()
            .filter(|f| f.status == "agreed")
            .map(|f| f.values[0].articles.values().map(String::as_str).collect())
            .collect()
    }

    /// Short statements in other inflections meet; a clause that only names a source is no
    /// statement.
    #[test]
    fn inflections_and_short_statements_agree() {
        let story = vec![
            (
                "a".to_string(),
                clauses(&[
                    "Nobody was injured, fire chief Piet Dorn said. Police said there was no sign of a crime.",
                ]),
            ),
            (
                "b".to_string(),
                clauses(&[
                    "Police said they saw no signs of crime, and nobody was hurt, fire chief Piet Dorn said.",
                ]),
            ),
        ];
        let f = facts(&story, &[], &[]);
        let agreed = agreed_evidence(&f);
        assert!(
            agreed.contains(&vec![
                "Police said there was no sign of a crime",
                "Police said they saw no signs of crime"
            ]),
            "{f:#?}"
        );
        assert!(
            f.iter()
                .flat_map(|f| &f.values)
                .flat_map(|v| v.articles.values())
                .all(|e| e != "fire chief Piet Dorn said"),
            "{f:#?}"
        );
        let table = [
            ("evacuated", "evacuation"),
            ("injured", "injuries"),
            ("hurt", "injured"),
            ("staff", "workers"),
            ("employees", "workers"),
        ];
        for (a, b) in table {
            assert_eq!(
                stems(&[a.to_string()]),
                stems(&[b.to_string()]),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn two_word_statements_about_nobody_agree() {
        let story = vec![
            (
                "a".to_string(),
                clauses(&[
                    "Nobody was injured, fire chief Piet Dorn said. A police spokesman said no one had been charged.",
                ]),
            ),
            (
                "b".to_string(),
                clauses(&[
                    "The roof fell in, and no one was hurt. Police confirmed the report but said no one had been charged.",
                ]),
            ),
        ];
        let f = facts(&story, &[], &[]);
        let agreed = agreed_evidence(&f);
        for pair in [
            vec!["Nobody was injured", "and no one was hurt"],
            vec![
                "A police spokesman said no one had been charged",
                "no one had been charged",
            ],
        ] {
            assert!(agreed.contains(&pair), "{pair:?} in {agreed:#?}");
        }
        // Two words that say nothing about nobody are still too few, and a bare
        // attribution is none.
        let few = clauses(&["The roof fell.", "said union leader Ana Sorel"]);
        assert!(few.is_empty(), "{few:#?}");
    }

    #[test]
    fn a_time_one_outlet_alone_gives_is_single_source() {
        let story = vec![
            (
                "a".to_string(),
                clauses(&["Firefighters fought the blaze for six hours before bringing it under control at around 9 a.m."]),
            ),
            (
                "b".to_string(),
                clauses(&["Firefighters needed six hours to bring the blaze under control."]),
            ),
            (
                "c".to_string(),
                clauses(&["The fire was brought under control at 9am after six hours."]),
            ),
        ];
        let times = |story: &[(String, Vec<Clause>)]| -> Vec<(String, Vec<String>)> {
            facts(story, &[], &[])
                .into_iter()
                .filter(|f| f.topic.starts_with("time: "))
                .map(|f| {
                    assert_eq!(f.status, "single_source");
                    (f.topic, f.values[0].articles.keys().cloned().collect())
                })
                .collect()
        };
        // "9 a.m." and "9am" are one time, printed by two outlets: no one's alone.
        assert_eq!(times(&story), []);
        assert_eq!(
            times(&story[..2]),
            [("time: 9 a.m".to_string(), vec!["a".to_string()])]
        );
        let table = [
            ("9 a.m.", "9am"),
            ("6.30 pm", "6:30pm"),
            ("midnight", "Midnight"),
        ];
        for (x, y) in table {
            assert_eq!(time_key(x), time_key(y), "{x} / {y}");
        }
        assert_ne!(time_key("9 a.m."), time_key("9 p.m."));
    }

    #[test]
    fn what_one_outlet_alone_says_is_single_source() {
        let story = vec![
            (
                "a".to_string(),
                clauses(&["No new talks have been scheduled. The strike went on."]),
            ),
            (
                "b".to_string(),
                clauses(&["Pickets stood at the gates again."]),
            ),
        ];
        let f = facts(&story, &[], &[]);
        let single: Vec<(&str, &str)> = f
            .iter()
            .filter(|f| f.status == "single_source")
            .flat_map(|f| f.values[0].articles.iter())
            .map(|(a, e)| (a.as_str(), e.as_str()))
            .collect();
        assert!(
            single.contains(&("a", "No new talks have been scheduled")),
            "{f:#?}"
        );
        assert!(
            single.contains(&("b", "Pickets stood at the gates again")),
            "{f:#?}"
        );
    }

    #[test]
    fn a_subheading_is_no_statement() {
        let found = clauses(&[
            "Small Leak of Fuel Reported",
            "A small quantity of diesel fuel leaked into the sea near the harbour.",
        ]);
        let texts: Vec<&str> = found.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            ["A small quantity of diesel fuel leaked into the sea near the harbour"]
        );
    }

    #[test]
    fn a_later_figure_is_an_update_not_a_contradiction() {
        let at = |t: &str| chrono::DateTime::parse_from_rfc3339(t).unwrap();
        let story = |later: &str| {
            vec![
                (
                    "morning".to_string(),
                    clauses(&["Five people died in the flooding in Osterby on Tuesday."]),
                ),
                ("evening".to_string(), clauses(&[later])),
            ]
        };
        let times = [
            ("morning".to_string(), at("2031-04-01T08:00:00+02:00")),
            ("evening".to_string(), at("2031-04-01T19:00:00+02:00")),
        ];
        let mut f = facts(
            &story("The number of people who died in the flooding in Osterby rose to 12 people."),
            &[],
            &[],
        );
        let n = f.iter().filter(|f| f.status == "contradicted").count();
        assert_eq!(n, 1, "{f:#?}");
        later_updates(&mut f, &times);
        let updated: Vec<&Fact> = f.iter().filter(|f| f.status == "updated").collect();
        assert_eq!(updated.len(), 1, "{f:#?}");
        let values: Vec<&serde_json::Value> =
            updated[0].values.iter().map(|v| &v.normalized).collect();
        assert_eq!(values, [&serde_json::json!(5), &serde_json::json!(12)]);

        // Without the words of a later figure, or from the same hour, it stays disputed.
        let mut f = facts(
            &story("Twelve people died in the flooding in Osterby on Tuesday."),
            &[],
            &[],
        );
        later_updates(&mut f, &times);
        assert!(f.iter().any(|f| f.status == "contradicted"), "{f:#?}");
        let soon = [
            ("morning".to_string(), at("2031-04-01T08:00:00+02:00")),
            ("evening".to_string(), at("2031-04-01T08:30:00+02:00")),
        ];
        let mut f = facts(
            &story("The number of people who died in the flooding in Osterby rose to 12 people."),
            &[],
            &[],
        );
        later_updates(&mut f, &soon);
        assert!(f.iter().any(|f| f.status == "contradicted"), "{f:#?}");
    }

    #[test]
    fn a_wire_report_and_its_copy_are_one_source() {
        let text = "Two passengers were treated for mild hypothermia at Kessa hospital.";
        let story = vec![
            ("wire".to_string(), clauses(&[text])),
            ("copy".to_string(), clauses(&[text])),
        ];
        let mut f = facts(&story, &[], &[]);
        assert_eq!(f[0].status, "agreed");
        copies_are_one_source(&mut f, &[("copy".to_string(), "wire".to_string())]);
        assert_eq!(f[0].status, "single_source");
        let mut g = facts(&story, &[], &[]);
        copies_are_one_source(&mut g, &[]);
        assert_eq!(g[0].status, "agreed");
    }

    #[test]
    fn party_descriptions_disagree() {
        let story = vec![
            (
                "a".to_string(),
                clauses(&["The Republican president had changed his mind about the deal."]),
            ),
            (
                "b".to_string(),
                clauses(&[
                    "There was no reply to the Democratic administration’s reading of the talks.",
                ]),
            ),
        ];
        let f = facts(&story, &[], &[]);
        assert!(
            f.iter()
                .any(|f| f.status == "contradicted" && f.topic.contains("party")),
            "{f:#?}"
        );
    }
}
