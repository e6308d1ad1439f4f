//! Details pinned by something specific: a count of a thing, a day, or a minor name, and
//! the few words around it. Outlets that print the same detail in different sentences
//! ("the 3.5-year war" / "the three and a half-year war"; "on August 18" / "on Monday";
//! "speaking on CNN’s “State of the Union”" / "he said on CNN’s State of the Union") agree
//! on it even when the clauses around it share too few words to be compared whole.
//!
//! ## What it handles
//! - Counts with a unit ("62 passengers", "3.5-year"), equal within rounding (2%).
//! - Days resolved to the calendar (an article's "Monday" and another's "August 18").
//! - Names an article mentions in one or two sentences only (a programme, a venue, a
//!   minor official): the story's main actors are in every clause and agree on nothing by
//!   being named.
//!
//! Two mentions of one anchor in different articles are the same detail when the words
//! around them share a content word (for counts of a generic unit such as years, when the
//! word after the count is the same: "3.5-year war" / "half-year war").
//!
//! ## What it does not
//! Compare details that disagree (that is the clause comparison's job), or join a detail
//! printed with different anchors ("Monday" in one outlet, "next week" in another).

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use parallax_model::{Fact, FactValue};
use regex::Regex;

use crate::claims::{content_words, stems, GENERIC_UNITS, STOP};
use crate::dates::{resolve_dates, Resolved};
use crate::entities::NameMention;
use crate::numbers::numbers;

/// What pins a detail.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Anchor {
    /// A count of a unit ("passenger", "year").
    Count { value: f64, unit: String },
    /// A day or span, as an ISO date or `first/last`.
    Day(String),
    /// A time of day, in minutes after midnight ("2:40 a.m." → 160).
    Time(u32),
    /// A minor name, lower-cased and without diacritics.
    Name(String),
}

/// How loosely a figure is given: the words before it ("about 40", "more than 300",
/// "up to 50"), which make it agree with figures near it or on its side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Hedge {
    /// Given as exact.
    #[default]
    Exact,
    /// "about", "around", "nearly", "some", "an estimated": within a tenth either way.
    About,
    /// "more than", "over", "at least": this figure or more.
    AtLeast,
    /// "fewer than", "under", "at most": this figure or less.
    AtMost,
    /// "up to", "as many as": a limit, this figure or less, but one figure as limits go.
    Cap,
}

/// The words that hedge a figure, each with its hedge, as they end the text before it.
const HEDGES: &[(&str, Hedge)] = &[
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("nearly", Hedge::About),
    ("almost", Hedge::About),
    ("some", Hedge::About),
    ("estimated", Hedge::About),
    ("close to", Hedge::About),
    ("shortly after", Hedge::About),
    ("shortly before", Hedge::About),
    ("just after", Hedge::About),
    ("just before", Hedge::About),
    ("more than", Hedge::AtLeast),
    ("over", Hedge::AtLeast),
    ("at least", Hedge::AtLeast),
    ("upwards of", Hedge::AtLeast),
    ("in excess of", Hedge::AtLeast),
    ("as many as", Hedge::Cap),
    ("up to", Hedge::Cap),
    ("fewer than", Hedge::AtMost),
    ("less than", Hedge::AtMost),
    ("under", Hedge::AtMost),
    ("at most", Hedge::AtMost),
];

/// What comes before the second figure of a range: a figure (with its scale or currency)
/// and "to", "or" or a dash, or "between" a figure "and".
static RANGE_OPEN: LazyLock<Regex> = LazyLock::new(|| {
    let word = crate::numbers::WORD;
    let figure =
        format!(r"(?:\d[\d,.]*(?:\s*(?:m|bn|k|million|billion|thousand))?|{word}|hundred)");
    Regex::new(&format!(
        r"(?:(?-u:\b){figure}\s*(?:to|or|-|–)|(?-u:\b)between\s+[$€£]?{figure}\s+and)$"
    ))
    .unwrap()
});

/// The hedge that the text before a figure ends with ("... treated about" → `About`), a
/// currency sign or "a"/"an" between them left aside ("about $40m", "an estimated 300").
pub(crate) fn hedge_before(before: &str) -> Hedge {
    let lower = before
        .trim_end()
        .trim_end_matches(['$', '€', '£', '¥', '₹'])
        .to_lowercase();
    let lower = lower.trim_end();
    // "between 60 and 70", "300 to 400", "three or four": the second figure of a range is
    // its ceiling, and any figure inside it agrees.
    if RANGE_OPEN.is_match(lower) {
        return Hedge::AtMost;
    }
    let lower = lower
        .strip_suffix(" an")
        .or_else(|| lower.strip_suffix(" a"))
        .unwrap_or(lower);
    HEDGES
        .iter()
        .find(|(w, _)| {
            lower.ends_with(w)
                && !lower[..lower.len() - w.len()].ends_with(|c: char| c.is_alphanumeric())
        })
        .map_or(Hedge::Exact, |(_, h)| *h)
}

/// Whether a date mention is a day named relative to when someone spoke, inside their
/// quoted words (“…, and today it does,” the company said): "today", "yesterday" or a
/// weekday there counts from the day of the words, which the article need not print, not
/// from its own. A calendar date (a month or a year printed) is read anywhere.
fn said_then(quoted: &[parallax_read::marks::Quoted], at: usize, m: &crate::DateMention) -> bool {
    let (start, end) = (at + m.range.0, at + m.range.1);
    let lower = m.text.to_lowercase();
    let calendar = lower.chars().any(|c| c.is_ascii_digit())
        || crate::dates::MONTH_NAMES
            .iter()
            .any(|n| lower.contains(&n[..3].to_lowercase()));
    !calendar && quoted.iter().any(|q| q.start <= start && end <= q.end)
}

/// Whether a date stands in a dateline ("ASHGROVE, Wendmark, Feb 10 (MPA) - …"): the day
/// the report was filed, not the day of what its sentence tells.
fn in_dateline(sentence: &str, range: (usize, usize)) -> bool {
    static BEFORE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{Lu}\s.'’-]+,(?:\s*[\p{L}\s.]+,)?\s*$").unwrap());
    static AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^,?\s*(?:\d{4}\s*)?(?:\([^)]{1,24}\))?\s*[-–—]").unwrap());
    BEFORE.is_match(&sentence[..range.0]) && AFTER.is_match(&sentence[range.1..])
}

/// Whether a day is given as a limit ("by the end of May", "before Friday", "until
/// Sunday"): any earlier day fits it.
fn day_limit(before: &str) -> bool {
    let last = before.trim_end().rsplit(' ').next().unwrap_or("");
    crate::dates::deadline(before) || matches!(last.to_lowercase().as_str(), "before" | "until")
}

/// One mention of a specific detail in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub(crate) anchor: Anchor,
    /// The anchor as printed.
    pub(crate) printed: String,
    /// The clause around it: exact characters of the article.
    pub(crate) evidence: String,
    /// The content words of the clause, the anchor's own left out.
    context: Vec<String>,
    /// The same words as compared ([`stems`]), over the whole sentence.
    pub(crate) context_stems: Vec<String>,
    /// The word after the anchor, lower-cased ("war" in "the 3.5-year war").
    pub(crate) next: Option<String>,
    /// How loosely the figure is given.
    pub(crate) hedge: Hedge,
    /// The whole sentence it stands in: exact characters of the article, shared by the
    /// sentence's mentions.
    pub(crate) sentence: std::sync::Arc<str>,
    /// Where the anchor stands in [`Detail::sentence`].
    pub(crate) at: (usize, usize),
    /// The stems of the sentence's words printed in lower case (what happened, without
    /// the names of who and where).
    pub(crate) plain_stems: Vec<String>,
    /// A whole that a part before it is counted out of ("13" in "twelve of the Senate's
    /// 13 Republicans"): it agrees with another outlet's figure, but the part is what the
    /// sentence tells of, and only the part is matched.
    pub(crate) whole: bool,
}

/// Names printed in more sentences of one article than this are its main actors.
const MINOR_NAME_SENTENCES: usize = 2;

/// The details of one article, and the names it prints too often to be details.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Details {
    pub(crate) mentions: Vec<Detail>,
    /// Names printed in more than [`MINOR_NAME_SENTENCES`] sentences (keys).
    main: HashSet<String>,
    /// The ages it gives people ([`crate::ages::ages`]).
    pub(crate) ages: Vec<crate::ages::Age>,
    /// What it calls the people it names ([`crate::roles::descriptions`]).
    pub(crate) descriptions: Vec<crate::roles::Description>,
    /// The acts it credits to them ([`crate::actors::acts`]).
    pub(crate) acts: Vec<crate::actors::Act>,
    /// The verdicts and decisions it tells ([`crate::outcomes::outcomes`]).
    pub(crate) outcomes: Vec<crate::outcomes::Outcome>,
    /// Whether its days were read against its own publication day, not one borrowed from
    /// its story ([`Details::with_borrowed_day`]): only such days can contradict another
    /// outlet's.
    pub(crate) own_day: bool,
}

impl Details {
    /// The same details, marked as read against a day borrowed from the story (the
    /// article printed no publication time): its "Tuesday" may be any Tuesday, so its
    /// days agree with others' but contradict none.
    pub fn with_borrowed_day(mut self) -> Self {
        self.own_day = false;
        self
    }
}

/// The details of an article's paragraphs: `day` resolves its date expressions (none are
/// taken without it), `names` are the names it prints (from [`crate::article_names`]).
pub fn details(paragraphs: &[&str], day: Option<NaiveDate>, names: &[NameMention]) -> Details {
    let mut out = Details {
        ages: crate::ages::ages(paragraphs, names),
        own_day: day.is_some(),
        ..Details::default()
    };
    let mut name_sentences: BTreeMap<String, usize> = BTreeMap::new();
    for p in paragraphs
        .iter()
        .filter(|p| !crate::entities::is_heading(p))
    {
        let quoted = parallax_read::marks::quoted(p);
        for text in parallax_text::sentences(p) {
            let sentence = &Sentence::new(text);
            let at = text.as_ptr() as usize - p.as_ptr() as usize;
            let dates = day.map(|d| resolve_dates(text, d)).unwrap_or_default();
            for m in dates
                .iter()
                .filter(|m| !said_then(&quoted, at, m) && !in_dateline(text, m.range))
            {
                let key = match m.resolved {
                    Resolved::Day(d) => d.to_string(),
                    Resolved::Span(a, b) => format!("{a}/{b}"),
                };
                out.mentions
                    .extend(mention(sentence, m.range, Anchor::Day(key)));
            }
            // Found once for the roles, the acts and the names below.
            let printed = printed_in(text, names);
            out.descriptions
                .extend(crate::roles::descriptions(text, &printed, names));
            out.acts.extend(crate::actors::acts(text, &printed));
            out.outcomes.extend(crate::outcomes::outcomes(text));
            let times = crate::times::times(text);
            for &(range, minutes) in &times {
                out.mentions
                    .extend(mention(sentence, range, Anchor::Time(minutes)));
            }
            let taken: Vec<(usize, usize)> = (dates.iter().map(|d| d.range))
                .chain(times.iter().map(|t| t.0))
                .collect();
            for n in numbers(text) {
                let not_counted = not_a_count(text, &n, &taken);
                let Some(unit) = counted(text, &n).filter(|u| {
                    u.len() >= 3
                        && !STOP.contains(&u.as_str())
                        && (u.starts_with("percent") || !NOT_UNITS.contains(&u.as_str()))
                }) else {
                    continue;
                };
                if !not_counted {
                    let anchor = Anchor::Count {
                        value: n.value,
                        unit,
                    };
                    let found = mention(sentence, n.range, anchor);
                    out.mentions.extend(found.map(|d| Detail {
                        whole: n.whole,
                        ..d
                    }));
                }
            }
            let (mut counted, mut anchored) = (HashSet::new(), HashSet::new());
            for &(at, name) in &printed {
                let key = key_of(&name.name);
                if counted.insert(key.clone()) {
                    *name_sentences.entry(key).or_default() += 1;
                }
                let range = widen_name(text, (at, at + name.text.len()));
                let key = key_of(&text[range.0..range.1]);
                if anchored.insert(key.clone()) {
                    out.mentions
                        .extend(mention(sentence, range, Anchor::Name(key)));
                }
            }
        }
    }
    out.main = name_sentences
        .into_iter()
        .filter(|&(_, n)| n > MINOR_NAME_SENTENCES)
        .map(|(k, _)| k)
        .collect();
    out
}

/// A name run on over "of" and "of the" into the capitalised words that continue it
/// ("State" → "State of the Union", "Union" → "State of the Union"), and back over a
/// capitalised article ("Week" → "This Week").
fn widen_name(sentence: &str, (mut start, mut end): (usize, usize)) -> (usize, usize) {
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    loop {
        let rest = &sentence[end..];
        let Some(tail) = rest
            .strip_prefix(" of the ")
            .or_else(|| rest.strip_prefix(" of "))
            .or_else(|| rest.strip_prefix(" Of The "))
            .or_else(|| rest.strip_prefix(" Of "))
        else {
            break;
        };
        let word_len = tail
            .find(|c: char| !c.is_alphanumeric() && c != '-')
            .unwrap_or(tail.len());
        if word_len == 0 || !capital(&tail[..word_len]) {
            break;
        }
        end += rest.len() - tail.len() + word_len;
    }
    loop {
        let before = &sentence[..start];
        let Some(head) = before
            .strip_suffix(" of the ")
            .or_else(|| before.strip_suffix(" of "))
            .or_else(|| before.strip_suffix(" Of The "))
            .or_else(|| before.strip_suffix(" Of "))
        else {
            break;
        };
        let word_start = head
            .rfind(|c: char| !c.is_alphanumeric() && c != '-')
            .map_or(0, |i| {
                i + head[i..].chars().next().map_or(1, char::len_utf8)
            });
        if word_start == head.len() || !capital(&head[word_start..]) {
            break;
        }
        start = word_start;
    }
    // A capitalised word the name finder took for a function word: "This Week", "The Hague".
    if let Some(head) = sentence[..start].strip_suffix(' ') {
        let word_start = head.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + head[i..].chars().next().map_or(1, char::len_utf8)
        });
        let word = &head[word_start..];
        if matches!(word, "This" | "The" | "That") {
            start = word_start;
        }
    }
    (start, end)
}

/// Words between a number and what it counts ("200 night-shift workers", "two new
/// ferries").
const MODIFIERS: &[&str] = &[
    "new",
    "more",
    "other",
    "mild",
    "local",
    "extra",
    "young",
    "old",
    "senior",
    "former",
    "small",
    "large",
    "additional",
    "further",
    "armed",
    "full",
    "part",
    "foreign",
    "british",
    "american",
    "european",
    "unarmed",
    "injured",
    "elderly",
];

/// What a number counts, as compared: the word after it, past a hyphenated or adjectival
/// modifier ("200 night-shift workers" → worker), singular, and folded with its other
/// names in news copy (staff, employees → worker; see [`stems`]). A hyphenated unit of
/// the number itself ("3.5-year") is kept as the number's own.
fn counted(sentence: &str, n: &crate::numbers::Number) -> Option<String> {
    if let Some(harm) = casualties(sentence, n) {
        return Some(harm);
    }
    // "31%" is a share as "31 per cent" and "31 percent" are.
    let sign = sentence[n.range.1..].starts_with('%');
    let own = if sign {
        "percent".to_string()
    } else {
        n.unit.clone()?
    };
    let from = n.range.1 + usize::from(sign);
    let words: Vec<String> = sentence[from..]
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'))
        .filter(|w| !w.is_empty())
        .take(4)
        .map(str::to_lowercase)
        .collect();
    // "a 10 percent rise": a share of something, told apart by what it is a share of.
    if matches!(own.as_str(), "percent" | "per" | "cent") {
        let of = words
            .iter()
            .find(|w| !matches!(w.as_str(), "percent" | "per" | "cent"))
            .filter(|w| w.chars().all(char::is_alphabetic) && !STOP.contains(&w.as_str()));
        return Some(match of {
            Some(w) => format!("percent {}", stems(std::slice::from_ref(w)).pop()?),
            None => "percent".to_string(),
        });
    }
    if let Some(money) = crate::numbers::currency(sentence, n) {
        return Some(money.to_string());
    }
    if n.text.ends_with(&format!("-{own}"))
        || GENERIC_UNITS.contains(&own.as_str())
        || crate::numbers::is_measure(&own)
    {
        return Some(own);
    }
    // "71 of the 120 deputies": the part counts the whole's unit ([`crate::numbers`]).
    if sentence[n.range.1..].trim_start().starts_with("of ") {
        return stems(&[parallax_text::sense(&own).to_string()]).pop();
    }
    let noun = head_noun(&sentence[n.range.1..])?;
    if !noun.chars().all(char::is_alphabetic) {
        return Some(own);
    }
    stems(&[parallax_text::sense(&noun).to_string()]).pop()
}

/// What happened to the people a count counts, as stems ([`stems`], with its senses:
/// "hurt" and "wounded" are "injur", "dead" and "died" are "kill"): a count of these is of
/// the people it happened to, however the sentence names them.
const CASUALTY_STEMS: &[&str] = &[
    "kill",
    "injur",
    "evacu",
    "arrest",
    "rescu",
    "hospitalis",
    "hospitaliz",
    "displac",
    "strand",
    "trap",
    "detain",
    "miss",
];

/// A count of casualties told by its verb, not its noun: "19 injured", "27 hurt", "three
/// dead", "injuring 19", "killing at least three" (past a hedge). The verb's stem is what
/// is counted, so "injuring 19" and "27 hurt" are two counts of one thing. A verb outside
/// [`CASUALTY_STEMS`] ("14 signed") is left to the noun phrase.
fn casualties(sentence: &str, n: &crate::numbers::Number) -> Option<String> {
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let harm = |w: &str| {
        let stem = stems(&[bare(w)]).pop()?;
        CASUALTY_STEMS.contains(&stem.as_str()).then_some(stem)
    };
    let after = sentence[n.range.1..].split_whitespace().next();
    if let Some(stem) = after.and_then(harm) {
        return Some(stem);
    }
    // A verb before: only when no noun follows the count ("injuring 19,").
    let noun_follows = after.is_some_and(|w| {
        let b = bare(w);
        !b.is_empty()
            && !STOP.contains(&b.as_str())
            && !w.starts_with(|c: char| !c.is_alphanumeric())
    }) && !sentence[n.range.1..].starts_with([',', '.', ';', ')']);
    if noun_follows {
        return None;
    }
    let before: Vec<&str> = sentence[..n.range.0]
        .split_whitespace()
        .rev()
        .take(3)
        .collect();
    let hedges = [
        "at", "least", "more", "than", "some", "about", "nearly", "almost", "over",
    ];
    let verb = before
        .into_iter()
        .find(|w| !hedges.contains(&bare(w).as_str()))?;
    verb.to_lowercase()
        .ends_with("ing")
        .then(|| harm(verb))
        .flatten()
}

/// Most words a counted noun phrase runs to after its number.
const COUNTED_PHRASE_WORDS: usize = 4;

/// The head of the noun phrase that follows a number: the first word that is not a
/// modifier, or a plural one or two words on that the words between lead to ("112 water
/// quality results were changed" → "results"; "two railway maintenance workers died" →
/// "workers"; "five crew ran aground" → "crew"; "five crew members" → "crew", as what a
/// count of members counts is the body they belong to). A function word, a word in -ed,
/// a digit or punctuation ends the phrase. It does not know nouns from verbs otherwise
/// ("20 officers arrest" reads "officers", but "three ferries sank" could read "sank" were
/// it plural).
fn head_noun(after: &str) -> Option<String> {
    let raw: Vec<&str> = after
        .split_whitespace()
        .take(COUNTED_PHRASE_WORDS + 2)
        .collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_lowercase()
    };
    let ends = |w: &str| w.ends_with([',', '.', ';', ':', ')', '?', '!']);
    let plain = |w: &str| {
        let b = bare(w);
        !b.is_empty()
            && b.chars().all(|c| c.is_alphabetic() || c == '-')
            && !STOP.contains(&b.as_str())
            && !b.ends_with("ed")
    };
    let plural = |w: &str| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss");
    let mut words = raw.iter().take(COUNTED_PHRASE_WORDS);
    let (first_at, first) = words
        .by_ref()
        .enumerate()
        .find(|(_, w)| !MODIFIERS.contains(&bare(w).as_str()))?;
    if !plain(first) {
        return None;
    }
    let mut head = bare(first);
    if !plural(&head) && !ends(first) {
        // A plural one or two words on, past content words only: the compound's head.
        for (k, w) in raw.iter().enumerate().skip(first_at + 1).take(2) {
            if !plain(w) {
                break;
            }
            if plural(&bare(w)) {
                let before = bare(raw[k - 1]);
                head = bare(w);
                if head == "members" {
                    head = before;
                }
                break;
            }
            if ends(w) {
                break;
            }
        }
    }
    (!head.contains('-')).then_some(head)
}

/// Evidence for a contradiction is the whole sentence up to this many words, else this
/// many words either side of the figure within it: a reader checks a contradiction against
/// what each outlet said, not against the few words around the figure.
const MAX_EVIDENCE_WORDS: usize = 24;

/// Words either side of the figure kept as evidence from a longer sentence.
const EVIDENCE_REACH: usize = 10;

/// What a contradiction cites from `sentence` for the words at `at`: the sentence when
/// short ([`MAX_EVIDENCE_WORDS`]), else the words around them ([`EVIDENCE_REACH`]); exact
/// characters of the sentence.
pub(crate) fn cited(s: &str, at: (usize, usize)) -> String {
    if s.split_whitespace().count() <= MAX_EVIDENCE_WORDS {
        return s.trim().to_string();
    }
    let starts: Vec<usize> = (s.char_indices())
        .filter(|&(i, c)| !c.is_whitespace() && (i == 0 || s[..i].ends_with(char::is_whitespace)))
        .map(|(i, _)| i)
        .collect();
    let first = starts.iter().rposition(|&i| i <= at.0).unwrap_or(0);
    let from = starts[first.saturating_sub(EVIDENCE_REACH)];
    let last = starts
        .iter()
        .position(|&i| i >= at.1)
        .unwrap_or(starts.len());
    let to = starts
        .get(last + EVIDENCE_REACH)
        .copied()
        .unwrap_or(s.len());
    s[from..to].trim().to_string()
}

/// A number that counts nothing: part of a date or time already read (`taken`), a day of
/// the month after its month ("June 24 outside"), a year ("in 2005"; four digits from 1800
/// to 2100 without a separator, unless a plural follows: "1500 revellers"), or one side of a
/// score, record or range joined by a hyphen ("the 15-17 Bulldogs", "a 3-1 win"), or the
/// tail of a decimal whose point a scraper spaced out ("6. 2 miles").
pub(crate) fn not_a_count(
    text: &str,
    n: &crate::numbers::Number,
    taken: &[(usize, usize)],
) -> bool {
    let (start, end) = n.range;
    if taken.iter().any(|&(a, b)| start < b && a < end) {
        return true;
    }
    let before = text[..start].trim_end();
    let word_before = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let digits = &text[start..end];
    let year = digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && (1800.0..=2100.0).contains(&n.value)
        && !text[end..].split_whitespace().next().is_some_and(|w| {
            w.len() > 3
                && w.trim_end_matches(|c: char| !c.is_alphabetic())
                    .ends_with('s')
        });
    let hyphen_digit = before.ends_with('-')
        && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit())
        || text[end..].starts_with('-')
            && text[end + 1..].starts_with(|c: char| c.is_ascii_digit());
    // "6. 2 miles": the figure after a point a scraper spaced out is a decimal's tail.
    let decimal_tail =
        before.ends_with('.') && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit());
    crate::dates::is_month_name(&word_before) || year || hyphen_digit || decimal_tail
}

/// Words after a number that are not what it counts.
const NOT_UNITS: &[&str] = &[
    "and", "per", "percent", "cent", "times", "other", "more", "less", "like", "style", "type",
    "based", "linked", "related", "gmt", "utc", "bst", "cet", "est", "edt", "pst", "pdt", "ist",
];

fn key_of(name: &str) -> String {
    parallax_text::fold_diacritics(name).to_lowercase()
}

/// Where each of an article's `names` stands in `sentence`, as a whole word (the first
/// time), for those it prints there.
pub(crate) fn printed_in<'a>(
    sentence: &str,
    names: &'a [NameMention],
) -> Vec<(usize, &'a NameMention)> {
    (names.iter())
        .filter_map(|n| Some((find_word(sentence, &n.text)?, n)))
        .collect()
}

/// Where `needle` stands in `hay` as whole words.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let end = at + needle.len();
        let before = hay[..at].chars().next_back();
        let after = hay[end..].chars().next();
        if !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric) {
            return Some(at);
        }
        from = end;
    }
    None
}

/// A sentence, with its content words and their stems worked out once for all the
/// anchors in it.
struct Sentence<'a> {
    text: &'a str,
    /// The content words without digits, each with its stem, and whether it is printed in
    /// lower case somewhere in the sentence.
    words: std::cell::OnceCell<Vec<(String, String, bool)>>,
    /// The text, shared by every mention in it.
    shared: std::cell::OnceCell<std::sync::Arc<str>>,
}

impl<'a> Sentence<'a> {
    fn new(text: &'a str) -> Self {
        Sentence {
            text,
            words: std::cell::OnceCell::new(),
            shared: std::cell::OnceCell::new(),
        }
    }

    fn shared(&self) -> std::sync::Arc<str> {
        self.shared.get_or_init(|| self.text.into()).clone()
    }

    fn words(&self) -> &[(String, String, bool)] {
        self.words.get_or_init(|| {
            let words: Vec<String> = content_words(self.text)
                .into_iter()
                .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                .collect();
            let stems = stems(&words);
            // The words printed in lower case: what happened, not who or where.
            let plain: HashSet<&str> = (self.text.split(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.starts_with(char::is_lowercase))
                .collect();
            (words.into_iter().zip(stems))
                .map(|(w, s)| {
                    let lower = plain.contains(w.as_str());
                    (w, s, lower)
                })
                .collect()
        })
    }
}

/// The mention of an anchor at `range` of `sentence`, with its clause as evidence.
fn mention(whole: &Sentence, range: (usize, usize), anchor: Anchor) -> Option<Detail> {
    let sentence = whole.text;
    let evidence = clause_around(sentence, range)?;
    let printed = sentence[range.0..range.1].to_string();
    let mut own: HashSet<String> = content_words(&printed).into_iter().collect();
    // The words of a share ("per cent") say what kind it is, not what it is of.
    if matches!(&anchor, Anchor::Count { unit, .. } if unit.starts_with("percent")) {
        own.extend(["per", "cent", "percent"].map(String::from));
    }
    let context: Vec<String> = content_words(evidence)
        .into_iter()
        .filter(|w| !own.contains(w) && !w.chars().any(|c| c.is_ascii_digit()))
        .collect();
    // Compared over the whole sentence: a clause clipped to its anchor's neighbours can
    // miss the word two outlets share ("On Tuesday morning the ferry ... collided with the
    // rocks" / "ran aground on rocks ... early on Tuesday").
    let context_stems: Vec<String> = whole
        .words()
        .iter()
        .filter(|(w, _, _)| !own.contains(w))
        .map(|(_, s, _)| s.clone())
        .collect();
    let plain_stems = (whole.words().iter())
        .filter(|(w, _, lower)| *lower && !own.contains(w))
        .map(|(_, s, _)| s.clone())
        .collect();
    let next = sentence[range.1..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    let hedge = match anchor {
        Anchor::Day(_) if day_limit(&sentence[..range.0]) => Hedge::AtMost,
        _ => hedge_before(&sentence[..range.0]),
    };
    Some(Detail {
        anchor,
        printed,
        evidence: evidence.to_string(),
        context,
        context_stems,
        plain_stems,
        next,
        hedge,
        sentence: whole.shared(),
        at: range,
        whole: false,
    })
}

/// The clause of `sentence` holding `range`: cut at commas, semicolons, colons, dashes and
/// brackets (not at a comma inside a number), joined with the next clause when it is under
/// four words, and cut to eight words either side of the anchor when it is long.
fn clause_around(sentence: &str, range: (usize, usize)) -> Option<&str> {
    let cuts: Vec<(usize, usize)> = sentence
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, ';' | ':' | '—' | '–' | '(' | ')')
                || (c == ','
                    && !(sentence[..i].ends_with(|p: char| p.is_ascii_digit())
                        && sentence[i + 1..].starts_with(|n: char| n.is_ascii_digit())))
        })
        .map(|(i, c)| (i, i + c.len_utf8()))
        .collect();
    let mut start = cuts
        .iter()
        .rfind(|&&(i, _)| i < range.0)
        .map_or(0, |&(_, after)| after);
    let mut after = cuts.iter().filter(|&&(i, _)| i >= range.1).map(|&(i, _)| i);
    let mut end = after.next().unwrap_or(sentence.len());
    if sentence[start..end].split_whitespace().count() < 4 {
        end = after.next().unwrap_or(sentence.len());
    }
    // Long clauses: eight words either side.
    let before_words: Vec<(usize, &str)> = word_starts(&sentence[start..range.0])
        .map(|(i, w)| (start + i, w))
        .collect();
    if before_words.len() > 8 {
        start = before_words[before_words.len() - 8].0;
    }
    let after_words: Vec<(usize, &str)> = word_starts(&sentence[range.1..end])
        .map(|(i, w)| (range.1 + i, w))
        .collect();
    if after_words.len() > 8 {
        let (i, w) = after_words[7];
        end = i + w.len();
    }
    let text = sentence[start..end]
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '“' | '”' | '"' | '’'))
        .trim_start_matches(['”', '’'])
        .trim_end_matches('“')
        .trim();
    (text.split_whitespace().count() >= 3).then_some(text)
}

fn word_starts(s: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

fn same_anchor(a: &Anchor, b: &Anchor) -> bool {
    match (a, b) {
        (Anchor::Count { value: x, unit: u }, Anchor::Count { value: y, unit: v }) => {
            u == v && (x - y).abs() <= 0.02 * x.abs().max(y.abs())
        }
        (Anchor::Day(x), Anchor::Day(y)) | (Anchor::Name(x), Anchor::Name(y)) => x == y,
        (Anchor::Time(x), Anchor::Time(y)) => x == y,
        _ => false,
    }
}

/// Two mentions of one anchor say the same thing: the words around them meet.
fn same_detail(a: &Detail, b: &Detail) -> bool {
    if !same_anchor(&a.anchor, &b.anchor) {
        return false;
    }
    if let Anchor::Count { unit, value } = &a.anchor {
        if GENERIC_UNITS.contains(&unit.as_str()) {
            return a.next.is_some() && a.next == b.next;
        }
        // Ten or more of one specific thing in one story are one count ("about 200
        // workers" / "200 staff"); small counts recur ("two passengers" hurt, "two" missing).
        if *value >= 10.0 {
            return true;
        }
    }
    a.context_stems.iter().any(|w| b.context_stems.contains(w))
}

/// The details several articles of a story agree on, as `agreed` facts, leaving out those
/// that `done` already shows (a fact citing the same anchor in every one of the articles).
pub(crate) fn agreed_details(articles: &[(String, Details)], done: &[Fact]) -> Vec<Fact> {
    // A name some outlet prints in many sentences is a main actor of the story: naming it
    // is no detail, and sharing it is no sign that two clauses say the same thing.
    let main: HashSet<&String> = articles.iter().flat_map(|(_, d)| &d.main).collect();
    let main_raw: HashSet<&str> = main.iter().flat_map(|k| k.split_whitespace()).collect();
    let main_words: HashSet<String> = main
        .iter()
        .flat_map(|k| stems(&k.split_whitespace().map(String::from).collect::<Vec<_>>()))
        .collect();
    let kept: Vec<Vec<Detail>> = articles
        .iter()
        .map(|(_, ds)| {
            ds.mentions
                .iter()
                .filter(|d| !matches!(&d.anchor, Anchor::Name(k) if main.contains(k)))
                .map(|d| {
                    let mut d = d.clone();
                    d.context.retain(|w| !main_raw.contains(w.as_str()));
                    d.context_stems.retain(|w| !main_words.contains(w.as_str()));
                    d
                })
                .collect()
        })
        .collect();
    let items: Vec<(usize, &Detail)> = kept
        .iter()
        .enumerate()
        .flat_map(|(a, ds)| ds.iter().map(move |d| (a, d)))
        .collect();
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
            if items[i].0 != items[j].0 && same_detail(items[i].1, items[j].1) {
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
        // One mention per article: the first.
        let mut per_article: BTreeMap<usize, &Detail> = BTreeMap::new();
        for &i in members {
            per_article.entry(items[i].0).or_insert(items[i].1);
        }
        if per_article.len() < 2 {
            continue;
        }
        let first = per_article.values().next().expect("two articles");
        // A fact already shows this detail when it gives the same value (a clause with two
        // counts in it is a fact about one of them) and cites it in every one of the articles.
        let same_value = |v: &FactValue| match &first.anchor {
            Anchor::Count { value, .. } => v
                .normalized
                .as_f64()
                .is_some_and(|x| (x - value).abs() <= 0.02 * x.abs().max(value.abs())),
            Anchor::Day(key) => v.normalized == serde_json::json!(key),
            Anchor::Time(_) | Anchor::Name(_) => true,
        };
        let shown = |f: &Fact| {
            per_article
                .iter()
                .filter(|(&a, d)| {
                    f.values.iter().filter(|v| same_value(v)).any(|v| {
                        v.articles.get(&articles[a].0).is_some_and(|ev| {
                            ev.contains(&d.printed)
                                || ev.contains(&d.evidence)
                                || d.evidence.contains(ev.as_str())
                        })
                    })
                })
                .count()
                == per_article.len()
        };
        if done.iter().any(shown) || out.iter().any(shown) {
            continue;
        }
        let (value, normalized) = match &first.anchor {
            Anchor::Count { value, .. } => {
                (first.printed.clone(), crate::claims::number_json(*value))
            }
            Anchor::Day(key) => (first.printed.clone(), serde_json::json!(key)),
            Anchor::Time(_) | Anchor::Name(_) => {
                (first.printed.clone(), serde_json::json!(first.printed))
            }
        };
        let mut shared: Vec<&String> = first.context.iter().collect();
        for d in per_article.values().skip(1) {
            shared.retain(|w| d.context.contains(w));
        }
        let mut seen = HashSet::new();
        let topic = match &first.anchor {
            // "how many passengers", from the words the first outlet prints after the count.
            Anchor::Count { .. } => {
                let after = first
                    .evidence
                    .find(&first.printed)
                    .map_or("", |i| &first.evidence[i + first.printed.len()..]);
                let mut words: Vec<&str> = Vec::new();
                for w in after.split_whitespace() {
                    words.push(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
                    let bare = w.to_lowercase();
                    if !bare.contains('-') && !MODIFIERS.contains(&bare.as_str())
                        || words.len() == 3
                    {
                        break;
                    }
                }
                format!("how many {}", words.join(" "))
                    .trim_end()
                    .to_string()
            }
            Anchor::Day(_) => "when".to_string(),
            Anchor::Time(_) => "at what time".to_string(),
            Anchor::Name(_) => first.printed.clone(),
        };
        let about: Vec<&str> = shared
            .into_iter()
            .filter(|w| {
                seen.insert(*w) && !topic.split_whitespace().any(|t| t.eq_ignore_ascii_case(w))
            })
            .take(6)
            .map(String::as_str)
            .collect();
        let topic = if about.is_empty() {
            topic
        } else {
            format!("{topic}: {}", about.join(" "))
        };
        out.push(Fact {
            id: String::new(),
            topic,
            status: "agreed".into(),
            values: vec![FactValue {
                value,
                normalized,
                articles: per_article
                    .iter()
                    .map(|(&a, d)| (articles[a].0.clone(), d.evidence.clone()))
                    .collect(),
            }],
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article_names;

    fn read(id: &str, text: &str, day: &str) -> (String, Details) {
        let paragraphs = [text];
        let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
        let names = article_names(&paragraphs);
        (id.to_string(), details(&paragraphs, day, &names))
    }

    fn agreed(story: &[(String, Details)]) -> Vec<(String, Vec<String>)> {
        agreed_details(story, &[])
            .into_iter()
            .map(|f| {
                (
                    f.values[0].normalized.to_string(),
                    f.values[0].articles.values().cloned().collect(),
                )
            })
            .collect()
    }

    #[test]
    fn dates_times_years_and_scores_are_not_counts() {
        let (_, found) = read(
            "a",
            "The tremor struck Vell at 17:06 hours on June 24, 2005 outside the 2005 harbour wall, a day after the 15-17 Harriers lost 3-1.",
            "2031-03-09",
        );
        let counts: Vec<&str> = (found.mentions.iter())
            .filter(|m| matches!(m.anchor, Anchor::Count { .. }))
            .map(|m| m.printed.as_str())
            .collect();
        assert!(counts.is_empty(), "{counts:?}");
        let (_, found) = read(
            "b",
            "Some 1500 revellers and 12 Vell fishermen waited.",
            "2031-03-09",
        );
        let counts: Vec<&str> = (found.mentions.iter())
            .filter(|m| matches!(m.anchor, Anchor::Count { .. }))
            .map(|m| m.printed.as_str())
            .collect();
        assert_eq!(counts, ["1500", "12"]);
    }

    #[test]
    fn a_count_printed_two_ways_agrees() {
        let story = [
            read(
                "a",
                "The envoy called it a step toward ending the 3.5-year war, officials said.",
                "2031-03-09",
            ),
            read(
                "b",
                "Talks on a deal to end the three and a half-year war in Osterland resume soon.",
                "2031-03-09",
            ),
        ];
        let found = agreed(&story);
        assert!(
            found.iter().any(|(v, ev)| v == "3.5"
                && ev[0].contains("3.5-year war")
                && ev[1].contains("half-year war")),
            "{found:?}"
        );
    }

    #[test]
    fn counts_of_one_thing_by_other_names_agree() {
        let story = [
            read(
                "a",
                "The blaze forced about 200 night-shift workers to leave the building.",
                "2031-05-12",
            ),
            read(
                "b",
                "About 200 staff walked out into the car park.",
                "2031-05-12",
            ),
            read(
                "c",
                "A ferry carrying 26 passengers and five crew ran aground.",
                "2031-05-12",
            ),
            read(
                "d",
                "On board were 26 passengers and 5 crew members.",
                "2031-05-12",
            ),
        ];
        let found = agreed(&story);
        let values: Vec<&str> = found.iter().map(|(v, _)| v.as_str()).collect();
        assert!(values.contains(&"200"), "{found:?}");
        // Two counts in one clause are two details.
        assert!(values.contains(&"26") && values.contains(&"5"), "{found:?}");

        // A share is told apart by what it is a share of.
        let story = [
            read(
                "a",
                "The union is demanding a 10 percent rise for the staff.",
                "2031-10-05",
            ),
            read(
                "b",
                "Sorel said it would not accept less than a 10 percent rise.",
                "2031-10-05",
            ),
            read(
                "c",
                "Output fell 10 percent in the third quarter.",
                "2031-10-05",
            ),
        ];
        let found = agreed(&story);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1.len(), 2, "{found:?}");
    }

    #[test]
    fn a_generic_count_of_different_things_does_not_agree() {
        let story = [
            read(
                "a",
                "He served three years in prison for the fraud at the club.",
                "2031-03-09",
            ),
            read(
                "b",
                "The three-year contract with the club ends in June.",
                "2031-03-09",
            ),
        ];
        assert!(
            agreed(&story).iter().all(|(v, _)| v != "3"),
            "{:?}",
            agreed(&story)
        );
    }

    #[test]
    fn a_weekday_and_a_calendar_date_of_one_meeting_agree() {
        // 2031-03-09 is a Sunday: "on Monday" ahead of a meeting is March 10.
        let story = [
            read(
                "a",
                "Talks go on, with Halvard Brix scheduled to meet Mirela Osk in Tarnow on March 10.",
                "2031-03-09",
            ),
            read(
                "b",
                "Mirela Osk will meet Brix at the town hall on Monday after the vote.",
                "2031-03-09",
            ),
        ];
        let found = agreed(&story);
        assert!(
            found.iter().any(|(v, ev)| v == "\"2031-03-10\""
                && ev[0].contains("March 10")
                && ev[1].contains("on Monday")),
            "{found:?}"
        );
    }

    #[test]
    fn a_programme_named_once_in_each_outlet_agrees() {
        let story = [
            read(
                "a",
                "Speaking on KTV’s “Morning Desk,” Brix described the offer as a real step.",
                "2031-03-09",
            ),
            read(
                "b",
                "“It is a real step,” he said on KTV’s Morning Desk on Sunday.",
                "2031-03-09",
            ),
        ];
        let found = agreed(&story);
        assert!(
            found
                .iter()
                .any(|(_, ev)| ev[0].contains("Morning Desk") && ev[1].contains("Morning Desk")),
            "{found:?}"
        );
        // One fact for the programme, not one per word of its name.
        let programme = found
            .iter()
            .filter(|(_, ev)| ev.iter().all(|e| e.contains("Morning Desk")))
            .count();
        assert_eq!(programme, 1, "{found:?}");
    }

    #[test]
    fn a_main_actor_named_everywhere_is_not_a_detail() {
        let text = "Brix spoke first. Brix then left the hall. Later Brix came back to the hall.";
        let story = [read("a", text, "2031-03-09"), read("b", text, "2031-03-09")];
        assert!(
            agreed(&story).iter().all(|(v, _)| v != "\"Brix\""),
            "{:?}",
            agreed(&story)
        );
    }

    #[test]
    fn evidence_is_a_short_exact_clause() {
        let text = "The committee, which met for the first time in a decade after a long and \
                    bitter dispute over who would sit on it and how its members would be paid \
                    for their many hours of work, voted on 14 amendments to the harbour bill \
                    that the council had sent back to it twice before the summer recess began.";
        let (_, ds) = read("a", text, "2031-03-09");
        let count = ds
            .mentions
            .iter()
            .find(|d| matches!(d.anchor, Anchor::Count { .. }))
            .expect("the count");
        assert!(text.contains(&count.evidence));
        assert!(
            count.evidence.split_whitespace().count() <= 18,
            "{}",
            count.evidence
        );
        assert!(
            count.evidence.contains("14 amendments"),
            "{}",
            count.evidence
        );
    }
}
