//! Details that outlets give differently: one count, day or time of day of one thing, in
//! sentences worded each outlet's own way ("Thirty-seven children ... were treated at the
//! district hospital" / "Twenty-seven children ... were admitted to the district
//! hospital"; "placed on leave on Monday" / "placed on leave on Tuesday morning"; "at
//! about 2:40 a.m." / "at about 3.15am").
//!
//! ## How
//! Each article's [`Details`] are its figures, days and times with the sentence around
//! each. Two mentions in two articles are of one thing when they are of one kind (a count
//! of one unit, a day, a time of day) and their sentences share the words that matter:
//! content words weighted by how rare they are among the story's mentions, so that the
//! story's own name, in every sentence, weighs little and "admitted" or "leave" much.
//! Between two articles each mention takes only its best match, and only a match that is
//! best both ways counts. Matches whose values differ are a contradiction unless either
//! article also prints the other's value of that kind (an outlet that gives 27 and 37
//! children counts two things), and unless the figures are hedged into agreement ("about
//! 40" / "41", "more than 300" / "320").
//!
//! ## What it does not
//! Compare names, roles or who did what (see [`crate::claims`]), units that are not one
//! word ("37 children" / "37 kids" are one unit only through the sense table), or tell a
//! later figure from a disagreement (that is [`crate::later_updates`]' job, on the facts
//! this makes). A count of a generic unit (years, hours) is only compared with one of the
//! same unit followed by the same word ("41-year-old man" / "44-year-old man").

use std::collections::{BTreeMap, HashMap, HashSet};

use parallax_model::{Fact, FactValue};

use crate::claims::{stems, GENERIC_UNITS};
use crate::details::{Anchor, Detail, Details, Hedge};
use crate::numbers::in_base_unit;

/// Least weighted share of their sentences' words two mentions need to be of one thing:
/// the shared words' weight over the lighter sentence's. Measured on labelled corpora:
/// lower joins figures of different things told in similar sentences, higher misses
/// outlets that word one event differently.
const MIN_SAME_THING: f64 = 0.3;

/// Least likeness of two days or times to be of one event: a story tells of many days, and
/// two sentences about its people on two days share many words; only sentences that say
/// mostly the same thing happened are compared.
const MIN_SAME_EVENT: f64 = 0.5;

/// Least likeness of two mentions that are each their article's only value of a specific
/// unit ("312 ballots" in one, "321 ballots" in the other): the unit alone
/// nearly says they are of one thing.
const MIN_SAME_ONLY_THING: f64 = 0.12;

/// The most one figure may be times another for two lone figures of one unit to be
/// compared at [`MIN_SAME_ONLY_THING`]: further apart, they count different things.
const LONE_FIGURES_RATIO: f64 = 2.0;

/// Words before or after a count that make it a part of something counted elsewhere
/// ("the other three gates", "two more bodies", "four remaining crew"): not the count
/// another outlet gives of the whole.
const PARTIAL: &[&str] = &[
    "other",
    "more",
    "remaining",
    "another",
    "further",
    "additional",
    "extra",
    "last",
    "first",
    "next",
    "fewer",
];

/// Units of time spans: counts of these are compared only when the same word follows
/// them ("41-year-old man" / "44-year-old man"; not "a 20-year sentence" / "20 years ago").
const SPANS: &[&str] = &["year", "month", "week", "day", "hour", "minute", "second"];

/// Figures given as exact still agree within this share of the larger (rounding).
const ROUNDING: f64 = 0.02;

/// Figures given as "about" agree within this share of the larger.
const ABOUT: f64 = 0.1;

/// Minutes apart two times of day given as "about" still agree.
const ABOUT_MINUTES: u32 = 20;

/// One mention of a detail, with its article and the weight of its words.
struct Item<'a> {
    article: usize,
    detail: &'a Detail,
    kind: String,
    /// Each content stem's weight (rarer in the story, heavier).
    /// (In a sorted map: the shared words' weights are summed in one order on every run,
    /// so that ties between matches fall the same way.)
    words: BTreeMap<&'a str, f64>,
    total: f64,
}

/// The contradicted details of one story, leaving out the contradictions `done` already
/// shows (the same values, cited for the same articles).
pub(crate) fn disagreements(articles: &[(String, Details)], done: &[Fact]) -> Vec<Fact> {
    let items = weighed(articles);
    let mut parent: Vec<usize> = (0..items.len()).collect();
    let mut differ = HashSet::new();
    for (i, j) in matches(&items) {
        if !agree(items[i].detail, items[j].detail) {
            if also_prints(&items, i, j) {
                continue;
            }
            differ.insert((i.min(j), i.max(j)));
        }
        let (a, b) = (root(&mut parent, i), root(&mut parent, j));
        if a != b {
            parent[a.max(b)] = a.min(b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..items.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    groups
        .into_values()
        .filter(|members| {
            members
                .iter()
                .any(|&i| members.iter().any(|&j| differ.contains(&(i, j))))
        })
        .map(|members| joined(&items, members))
        .filter_map(|members| contradiction(articles, &items, &members))
        .filter(|f| !shown(f, done))
        .collect()
}

/// The root of `i` in a union-find forest `p`, halving the path to it.
pub(crate) fn root(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

/// What kind of thing a detail is, as compared: a count's unit (with the word after a
/// generic unit), "day" or "time"; names are not compared here.
fn kind_of(d: &Detail) -> Option<String> {
    match &d.anchor {
        // Shares compare as shares, whatever they are of ("an 11% wage increase" / "a 12
        // per cent rise"): the sentences say whether they are of one thing.
        Anchor::Count { unit, .. } if unit.starts_with("percent") => Some("percent".into()),
        Anchor::Count { unit, .. } if SPANS.contains(&unit.as_str()) => {
            Some(format!("{unit} {}", d.next.as_deref()?))
        }
        Anchor::Count { unit, .. } => Some(in_base_unit(unit, 0.0).0.to_string()),
        Anchor::Day(key) if longer_than_a_week(key) => None,
        Anchor::Day(_) => Some("day".into()),
        Anchor::Time(_) => Some("time".into()),
        Anchor::Name(_) => None,
    }
}

/// Whether a day key is a span of more than a week ("2019-01-01/2019-12-31", a month): a
/// period a story's background names ("since 2019", "in October"), not the day of one of
/// its events, and too coarse to contradict one.
fn longer_than_a_week(key: &str) -> bool {
    let Some((a, b)) = key.split_once('/') else {
        return false;
    };
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    match (day(a), day(b)) {
        (Some(a), Some(b)) => (b - a).num_days() > 7,
        _ => true,
    }
}

/// The story's mentions with their words weighted by rarity: a stem in `df` of `n`
/// mentions weighs `ln(1 + n / df)`.
fn weighed(articles: &[(String, Details)]) -> Vec<Item<'_>> {
    let all: Vec<(usize, &Detail, String)> = (articles.iter().enumerate())
        .flat_map(|(a, (_, d))| d.mentions.iter().map(move |m| (a, m)))
        .filter(|(a, m)| {
            !partial(m) && (articles[*a].1.own_day || !matches!(m.anchor, Anchor::Day(_)))
        })
        .filter_map(|(a, m)| Some((a, m, kind_of(m)?)))
        .collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for (_, d, _) in &all {
        let own: HashSet<&str> = compared_words(d).iter().map(String::as_str).collect();
        for s in own {
            *df.entry(s).or_default() += 1;
        }
    }
    let n = all.len() as f64;
    all.into_iter()
        .map(|(article, detail, kind)| {
            let words: BTreeMap<&str, f64> = (compared_words(detail).iter())
                .map(|s| (s.as_str(), (1.0 + n / df[s.as_str()] as f64).ln()))
                .collect();
            let total = words.values().sum();
            Item {
                article,
                detail,
                kind,
                words,
                total,
            }
        })
        .collect()
}

/// The words a mention is compared by: for a count, its whole sentence (the names of who
/// and where say which count it is); for a day or a time, the words printed in lower case
/// (a story's people act on many days, and the same people in two sentences say nothing
/// about whether they tell of one event).
fn compared_words(d: &Detail) -> &[String] {
    match d.anchor {
        Anchor::Day(_) | Anchor::Time(_) => &d.plain_stems,
        Anchor::Count { .. } | Anchor::Name(_) => &d.context_stems,
    }
}

/// A count that is a part, not the whole ([`PARTIAL`]), or given as "one" (mostly an
/// article, not a count: "one bundle of fifty").
fn partial(d: &Detail) -> bool {
    let Anchor::Count { value, .. } = d.anchor else {
        return false;
    };
    let word = |s: &str| {
        s.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let before = d.sentence[..d.at.0]
        .split_whitespace()
        .next_back()
        .map(word);
    let after = d.sentence[d.at.1..].split_whitespace().next().map(word);
    value == 1.0
        || [before, after]
            .iter()
            .flatten()
            .any(|w| PARTIAL.contains(&w.as_str()))
}

/// What a contradiction cites from a mention ([`crate::details::cited`]).
fn evidence(d: &Detail) -> String {
    crate::details::cited(&d.sentence, d.at)
}

/// How much two mentions' sentences share: the shared words' weight over the lighter
/// sentence's.
/// Two sentences sharing fewer words than this are not alike, however short: "Saturday
/// night." and "came to the area Monday night" share one word and say nothing alike.
const MIN_SHARED_WORDS: usize = 2;

fn likeness(a: &Item, b: &Item) -> f64 {
    let shared: Vec<f64> = (a.words.iter())
        .filter(|(w, _)| b.words.contains_key(*w))
        .map(|(_, x)| *x)
        .collect();
    if shared.len() < MIN_SHARED_WORDS {
        return 0.0;
    }
    shared.iter().sum::<f64>() / a.total.min(b.total).max(f64::EPSILON)
}

/// Pairs of mentions of one kind in two articles that are each other's best match and
/// alike enough to be of one thing.
fn matches(items: &[Item]) -> Vec<(usize, usize)> {
    let mut by_kind: BTreeMap<(&str, usize), Vec<usize>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate().filter(|(_, it)| !it.detail.whole) {
        by_kind.entry((&it.kind, it.article)).or_default().push(i);
    }
    let best = |i: usize, among: &[usize]| -> Option<(usize, f64)> {
        among
            .iter()
            .map(|&j| (j, likeness(&items[i], &items[j])))
            .fold(None, |acc: Option<(usize, f64)>, (j, s)| match acc {
                Some((_, t)) if t >= s => acc,
                _ => Some((j, s)),
            })
    };
    let mut out = Vec::new();
    for ((kind, a), left) in &by_kind {
        for ((other, b), right) in by_kind.range((*kind, a + 1)..) {
            if other != kind {
                break;
            }
            debug_assert!(b > a);
            let lone = lone(items, left) && lone(items, right);
            for &i in left {
                let Some((j, s)) = best(i, right) else {
                    continue;
                };
                let least = match &items[i].detail.anchor {
                    Anchor::Day(_) | Anchor::Time(_) => MIN_SAME_EVENT,
                    Anchor::Count { unit, .. }
                        if GENERIC_UNITS.contains(&unit.as_str())
                            && !crate::numbers::is_measure(unit)
                            && !unit.starts_with("percent") =>
                    {
                        MIN_SAME_EVENT
                    }
                    Anchor::Count { .. } | Anchor::Name(_) => MIN_SAME_THING,
                };
                let enough = (s >= least && within_reach(&items[i], &items[j]))
                    || lone
                        && (s >= MIN_SAME_ONLY_THING || same_next(&items[i], &items[j]))
                        && near_enough(&items[i], &items[j]);
                if enough
                    && (lone || same_happening(&items[i], &items[j]))
                    && best(j, left).is_some_and(|(k, _)| k == i)
                {
                    out.push((i, j));
                }
            }
        }
    }
    out
}

/// Whether two counts' sentences say one thing happened: a word printed in lower case
/// that both share besides what is counted ("14 batches recalled" / "ordered the recall
/// of eleven batches"; not "played for 10 seasons in West Germany" / "has spent 19
/// seasons with the 76ers"). Days and times are compared on such words already, and two
/// articles' only figures of a unit need no such word ([`lone`]).
fn same_happening(a: &Item, b: &Item) -> bool {
    let Anchor::Count { unit, .. } = &a.detail.anchor else {
        return true;
    };
    let counted = stems(std::slice::from_ref(unit));
    // A word both sentences print, in lower case in one of them at least (a sentence's
    // first word is capitalised: "Inflation hit 31%" / "inflation, which reached 27 per
    // cent").
    let plain = |w: &String| a.detail.plain_stems.contains(w) || b.detail.plain_stems.contains(w);
    (a.detail.context_stems.iter())
        .filter(|w| !counted.contains(w) && w.len() > 2)
        .any(|w| b.detail.context_stems.contains(w) && plain(w))
}

/// Two figures of the same thing named right after them ("the 1,150kg spacecraft" / "the
/// 1.5-tonne spacecraft"): the same content word follows both.
fn same_next(a: &Item, b: &Item) -> bool {
    match (&a.detail.next, &b.detail.next) {
        (Some(x), Some(y)) => x == y && x.len() > 2 && !crate::claims::STOP.contains(&x.as_str()),
        _ => false,
    }
}

/// Whether an article's mentions of one kind all give one value, and the kind is a count
/// of a specific unit (a story has many days and times, and many spans of years).
fn lone(items: &[Item], mentions: &[usize]) -> bool {
    let specific = |it: &Item| match &it.detail.anchor {
        Anchor::Count { unit, .. } => !GENERIC_UNITS.contains(&unit.as_str()),
        Anchor::Time(_) | Anchor::Day(_) | Anchor::Name(_) => false,
    };
    let first = &items[mentions[0]];
    specific(first)
        && mentions
            .iter()
            .all(|&i| agree(first.detail, items[i].detail))
}

/// The most one figure may be times another for two figures to be two outlets' versions
/// of one count: "12 miles" and "110 miles" in alike sentences are two distances.
const MAX_FIGURES_RATIO: f64 = 3.0;

/// Two mentions whose values could be versions of one: figures within
/// [`MAX_FIGURES_RATIO`] of each other or with their digits transposed; any days or times.
fn within_reach(a: &Item, b: &Item) -> bool {
    match (base(a.detail), base(b.detail)) {
        (Some(x), Some(y)) => {
            let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
            hi <= lo * MAX_FIGURES_RATIO || transposed(x, y)
        }
        _ => true,
    }
}

/// Two lone figures near enough to be two outlets' versions of one
/// ([`LONE_FIGURES_RATIO`]).
fn near_enough(a: &Item, b: &Item) -> bool {
    match (base(a.detail), base(b.detail)) {
        (Some(x), Some(y)) => {
            let (lo, hi) = (x.abs().min(y.abs()), x.abs().max(y.abs()));
            hi <= lo * LONE_FIGURES_RATIO || transposed(x, y)
        }
        _ => false,
    }
}

/// A count's value in its dimension's base unit ([`in_base_unit`]): "1,150kg" and a
/// "1.5-tonne" craft compare as 1,150 and 1,500 kilograms.
fn base(d: &Detail) -> Option<f64> {
    match &d.anchor {
        Anchor::Count { value, unit } => Some(in_base_unit(unit, *value).1),
        _ => None,
    }
}

/// Two figures with the same digits in another order ("26" / "62", "14.6m" / "16.4m"), the
/// commonest slip in copying a figure.
fn transposed(x: f64, y: f64) -> bool {
    let digits = |v: f64| {
        let mut d: Vec<char> = format!("{v}")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        d.sort_unstable();
        d
    };
    x != y && digits(x) == digits(y)
}

/// Two mentions of one thing give compatible values: equal within rounding, within their
/// hedges ("about 40" / "41", "more than 300" / "320"), or a day inside the other's span.
fn agree(a: &Detail, b: &Detail) -> bool {
    match (&a.anchor, &b.anchor) {
        (Anchor::Count { .. }, Anchor::Count { .. }) => match (base(a), base(b)) {
            (Some(x), Some(y)) => figures_agree((x, a.hedge), (y, b.hedge)),
            _ => true,
        },
        // "Friday" and "Friday" read against two publication days can resolve to two
        // Fridays; two outlets printing the same day word do not disagree.
        (Anchor::Day(x), Anchor::Day(y)) => {
            days_meet(x, y)
                || a.printed.eq_ignore_ascii_case(&b.printed)
                || a.hedge == Hedge::AtMost && first_day(y) <= last_day(x)
                || b.hedge == Hedge::AtMost && first_day(x) <= last_day(y)
        }
        (Anchor::Time(x), Anchor::Time(y)) => {
            let loose = a.hedge != Hedge::Exact || b.hedge != Hedge::Exact;
            x.abs_diff(*y) <= if loose { ABOUT_MINUTES } else { 0 }
        }
        _ => true,
    }
}

/// Two figures, each with its hedge, that can be one figure: within rounding
/// ([`ROUNDING`]), within [`ABOUT`] where either is "about", or on the side of a "more
/// than" or "up to".
pub(crate) fn figures_agree((x, hx): (f64, Hedge), (y, hy): (f64, Hedge)) -> bool {
    let near = |share: f64| (x - y).abs() <= share * x.abs().max(y.abs());
    if near(ROUNDING) {
        return true;
    }
    let side = |v: f64, h: Hedge, other: f64| match h {
        Hedge::AtLeast => other >= v,
        Hedge::AtMost | Hedge::Cap => other <= v,
        Hedge::About | Hedge::Exact => false,
    };
    // Two floors ("more than 600" / "more than 660") or two ceilings ("less than 50 km" /
    // "less than 25 km") can both be true; two caps ("can fine up to 450 million" / "up to
    // 540 million") name one limit.
    let both = |h: Hedge| hx == h && hy == h;
    (hx == Hedge::About || hy == Hedge::About) && near(ABOUT)
        || both(Hedge::AtLeast)
        || both(Hedge::AtMost)
        || !both(Hedge::Cap) && (side(x, hx, y) || side(y, hy, x))
}

/// The first and the last day of a day key (an ISO date or `first/last`): ISO dates
/// compare as strings.
fn first_day(key: &str) -> &str {
    key.split('/').next().unwrap_or(key)
}

fn last_day(key: &str) -> &str {
    key.rsplit('/').next().unwrap_or(key)
}

/// Two day keys (an ISO date or `first/last`) that can be one day.
fn days_meet(x: &str, y: &str) -> bool {
    first_day(x) <= last_day(y) && first_day(y) <= last_day(x)
}

/// Whether either article of a differing match also prints the other's value for that
/// kind: then the two count different things, and neither contradicts the other. A story
/// tells of several days and times, so for those only a mention alike enough to be of
/// the same thing counts; two counts of one unit are of different things however they are
/// worded.
fn also_prints(items: &[Item], i: usize, j: usize) -> bool {
    let prints = |own: &Item, other: &Item| {
        let any_wording = matches!(own.detail.anchor, Anchor::Count { .. });
        items.iter().any(|it| {
            it.article == own.article
                && it.kind == own.kind
                && agree(it.detail, other.detail)
                && (any_wording || likeness(it, other) >= MIN_SAME_THING)
        })
    };
    prints(&items[i], &items[j]) || prints(&items[j], &items[i])
}

/// A contradicted group with the other articles' versions of its figure added: in each
/// article it leaves out, the mention of its kind most like one of its members
/// ([`MIN_SAME_ONLY_THING`] at least) whose value agrees with one of its values.
fn joined(items: &[Item], mut members: Vec<usize>) -> Vec<usize> {
    let kind = &items[members[0]].kind;
    let inside: HashSet<usize> = members.iter().map(|&i| items[i].article).collect();
    let mut best: BTreeMap<usize, (usize, f64)> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        if &it.kind != kind || inside.contains(&it.article) {
            continue;
        }
        let fits = members
            .iter()
            .filter(|&&m| agree(items[m].detail, it.detail));
        let Some(s) = fits.map(|&m| likeness(it, &items[m])).reduce(f64::max) else {
            continue;
        };
        let least = match it.detail.anchor {
            Anchor::Day(_) | Anchor::Time(_) => MIN_SAME_EVENT,
            Anchor::Count { .. } | Anchor::Name(_) => MIN_SAME_ONLY_THING,
        };
        if s >= least && best.get(&it.article).is_none_or(|&(_, t)| s > t) {
            best.insert(it.article, (i, s));
        }
    }
    members.extend(best.into_values().map(|(i, _)| i));
    members
}

/// One contradicted fact from a group of matched mentions: their values in groups that
/// agree, one mention per article; none where an article gives two values that differ
/// (the group then joins two things).
fn contradiction(
    articles: &[(String, Details)],
    items: &[Item],
    members: &[usize],
) -> Option<Fact> {
    let mut sides: Vec<(&Detail, BTreeMap<String, String>)> = Vec::new();
    let mut seen: BTreeMap<usize, &Detail> = BTreeMap::new();
    for &i in members {
        let (a, d) = (items[i].article, items[i].detail);
        if let Some(before) = seen.insert(a, d) {
            if !agree(before, d) {
                return None;
            }
            continue;
        }
        let id = articles[a].0.clone();
        let evidence = evidence(d);
        match sides.iter_mut().find(|(s, _)| agree(s, d)) {
            Some((_, ev)) => {
                ev.insert(id, evidence);
            }
            None => sides.push((d, BTreeMap::from([(id, evidence)]))),
        }
    }
    if sides.len() < 2 {
        return None;
    }
    let first = sides[0].0;
    let topic = match &first.anchor {
        Anchor::Count { unit, .. } => format!("how many {unit}s: {}", first.evidence),
        Anchor::Day(_) => format!("on which day: {}", first.evidence),
        Anchor::Time(_) => format!("at what time: {}", first.evidence),
        Anchor::Name(_) => first.evidence.clone(),
    };
    let values = sides
        .into_iter()
        .map(|(d, articles)| FactValue {
            value: d.printed.clone(),
            normalized: normalized(&d.anchor),
            articles,
        })
        .collect();
    Some(Fact {
        id: String::new(),
        topic,
        status: "contradicted".into(),
        values,
    })
}

fn normalized(anchor: &Anchor) -> serde_json::Value {
    match anchor {
        Anchor::Count { value, .. } => crate::claims::number_json(*value),
        Anchor::Day(key) => serde_json::json!(key),
        Anchor::Time(m) => serde_json::json!(format!("{:02}:{:02}", m / 60, m % 60)),
        Anchor::Name(key) => serde_json::json!(key),
    }
}

/// A contradiction `done` already shows: a contradicted fact with the same values, each
/// cited for one of the same articles.
fn shown(f: &Fact, done: &[Fact]) -> bool {
    done.iter()
        .filter(|d| d.status == "contradicted" && d.values.len() == f.values.len())
        .any(|d| {
            f.values.iter().all(|v| {
                d.values.iter().any(|w| {
                    w.normalized == v.normalized
                        && w.articles.keys().any(|a| v.articles.contains_key(a))
                })
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{article_names, details};
    use chrono::NaiveDate;

    fn story(texts: &[(&str, &str)]) -> Vec<Fact> {
        let day = NaiveDate::from_ymd_opt(2031, 6, 12);
        let read: Vec<(String, Details)> = texts
            .iter()
            .map(|(id, text)| {
                let paragraphs = [*text];
                let names = article_names(&paragraphs);
                (id.to_string(), details(&paragraphs, day, &names))
            })
            .collect();
        disagreements(&read, &[])
    }

    fn values(facts: &[Fact]) -> Vec<Vec<serde_json::Value>> {
        facts
            .iter()
            .map(|f| f.values.iter().map(|v| v.normalized.clone()).collect())
            .collect()
    }

    #[test]
    fn two_counts_of_one_unit_about_different_happenings_are_not_compared() {
        let found = story(&[
            (
                "a",
                "Halvorsen coached Brisgau City for 10 seasons. He played 4 seasons in Norway.",
            ),
            (
                "b",
                "Halvorsen has spent 19 seasons at Brisgau City. He won 3 seasons in a row.",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn ranges_wholes_and_units_of_one_dimension() {
        // A figure inside another outlet's range agrees with it.
        let found = story(&[
            (
                "a",
                "The co-operative said between 40 and 55 growers would lose their contracts.",
            ),
            (
                "b",
                "Some 48 growers would lose their contracts, the co-operative said.",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
        // The part is compared, not the whole it is counted out of.
        let found = story(&[
            (
                "a",
                "Nine of the board's 15 trustees voted to sell the painting.",
            ),
            (
                "b",
                "Seven trustees voted for the sale of the painting on Monday.",
            ),
        ]);
        assert_eq!(values(&found), [[9, 7]], "{found:?}");
        let found = story(&[
            ("a", "The party's 15 trustees met on Monday."),
            ("b", "Nine of its 15 trustees voted to leave."),
        ]);
        assert!(found.is_empty(), "{found:?}");
        // Kilograms and tonnes are one dimension.
        let found = story(&[
            ("a", "The 2,400kg rover touched down in the crater at dawn."),
            (
                "b",
                "Engineers cheered as the 1.9-tonne rover landed safely.",
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_deadline_and_a_relative_day_in_someones_words_contradict_no_day() {
        // "by the end of July" holds any earlier day.
        let found = story(&[
            (
                "a",
                "The assembly will vote on the harbour levy by the end of July, the speaker's office said.",
            ),
            (
                "b",
                "The assembly will vote on the harbour levy on Monday, the speaker's office said.",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
        // "today" inside a quotation is the day the words were said.
        let found = story(&[
            (
                "a",
                "“The ferry quay reopens to traffic today,” the port authority said in its statement.",
            ),
            (
                "b",
                "The port authority said in a statement on Tuesday that the ferry quay had reopened to traffic.",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn one_count_worded_two_ways_with_two_figures_contradicts() {
        let found = story(&[
            (
                "a",
                "Forty-one lorry drivers spent the night stranded at the Kessel border post after the customs computers failed.",
            ),
            (
                "b",
                "At the Kessel crossing, 14 drivers were left stranded overnight when the customs system went down, officials said.",
            ),
        ]);
        assert_eq!(values(&found), [[41, 14]], "{found:?}");
        let evidence = &found[0].values[1].articles["b"];
        assert!(
            evidence.contains("14 drivers were left stranded"),
            "{evidence}"
        );
    }

    #[test]
    fn shares_printed_with_a_sign_or_in_words_are_compared() {
        let found = story(&[
            ("a", "Inflation in Tarsia hit 31% in March, the statistics office said."),
            ("b", "Annual inflation in Tarsia, which reached 27 per cent in March, has eaten into wages."),
        ]);
        assert_eq!(values(&found), [[31, 27]], "{found:?}");
    }

    #[test]
    fn casualties_counted_by_their_verb_are_one_count() {
        let found = story(&[
            (
                "a",
                "The blast at the Orsk compressor station killed two workers, injuring 19 and forcing an evacuation.",
            ),
            ("b", "Two workers were killed and 27 hurt in the Orsk compressor station blast."),
        ]);
        assert_eq!(values(&found), [[19, 27]], "{found:?}");
    }

    #[test]
    fn an_outlet_that_gives_both_figures_counts_two_things() {
        let found = story(&[
            (
                "a",
                "The explosion at the Vessby mill injured 12 workers, and 30 workers were sent home as a precaution.",
            ),
            ("b", "Thirty workers were injured by the explosion at the Vessby mill."),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn hedged_figures_and_parts_agree() {
        let found = story(&[
            (
                "a",
                "About 40 households in Orrin Vale lost power when the substation flooded. The other three substations held.",
            ),
            (
                "b",
                "The flooded substation left 43 households in Orrin Vale without power; all four substations are being checked.",
            ),
            ("c", "More than 300 fans waited outside the Orrin Vale arena."),
            ("d", "Some 320 fans waited outside the arena in Orrin Vale."),
            ("e", "More than 310 fans waited outside the Orrin Vale arena by noon."),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn one_event_on_two_days_contradicts_but_two_events_do_not() {
        let found = story(&[
            (
                "a",
                "The harbour master of Port Ilse was suspended on Monday pending the review. A ferry sailed on Tuesday.",
            ),
            (
                "b",
                "Port Ilse's harbour master was suspended on Wednesday pending a review of the collision.",
            ),
        ]);
        assert_eq!(values(&found), [["2031-06-09", "2031-06-11"]], "{found:?}");
    }

    #[test]
    fn one_day_word_read_against_two_publication_days_is_no_contradiction() {
        let read = |id: &str, text: &str, day: u32| {
            let paragraphs = [text];
            let names = article_names(&paragraphs);
            let day = NaiveDate::from_ymd_opt(2031, 6, day);
            (id.to_string(), details(&paragraphs, day, &names))
        };
        let found = disagreements(
            &[
                read(
                    "a",
                    "The dockers will be back at the Ostra cranes on Friday.",
                    10,
                ),
                read(
                    "b",
                    "The dockers said they would be back at the Ostra cranes on Friday.",
                    14,
                ),
            ],
            &[],
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn amounts_in_one_currency_are_compared_whatever_their_form() {
        let same = story(&[
            ("a", "The ministry paid $4.2m to the Harwick dredging firm for the channel."),
            ("b", "Harwick's dredging firm received 4.2 million dollars from the ministry for the channel."),
        ]);
        assert!(same.is_empty(), "{same:?}");
        let differ = story(&[
            ("a", "The ministry paid $4.2m to the Harwick dredging firm for the channel."),
            ("b", "Harwick's dredging firm received 2.4 million dollars from the ministry for the channel."),
        ]);
        assert_eq!(values(&differ), [[4_200_000, 2_400_000]], "{differ:?}");
    }

    #[test]
    fn a_time_of_day_in_two_clocks_is_one_time() {
        let found = story(&[
            (
                "a",
                "The tower at Brenna lost contact with the aircraft at 10:41 p.m. local time.",
            ),
            (
                "b",
                "Controllers at Brenna lost contact with the aircraft at 22:41.",
            ),
            (
                "c",
                "The aircraft lost contact with the Brenna tower at 11:15 p.m., the operator said.",
            ),
        ]);
        assert_eq!(values(&found).len(), 1, "{found:?}");
        assert_eq!(found[0].values.len(), 2, "{found:?}");
    }
}
