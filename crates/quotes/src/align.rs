//! Grouping one story's quotations into utterances, and grading each outlet's version.
//!
//! ## What it handles
//! Two quotations from different articles are one utterance when their words overlap
//! enough (Dice over bags of senses at least 0.45, or one nearly contained in the other),
//! and overlap more strongly still (0.6) when the outlets name different speakers: the same
//! words given to two people is itself a finding. Words are compared as senses
//! ([`parallax_text::sense`]: "headway" is "progress", "believe" is "think"), so a rewording or a
//! retranslation keeps the words it swapped. Each occurrence is graded against the fullest
//! version, on the words as printed: `verbatim` (the same words, case, quote marks and
//! punctuation aside), `trimmed` (its words appear in order in the fuller one, some left
//! out) or `altered`; reported speech ("he said that ...") joins an utterance on a looser
//! test and is graded `paraphrase`. A first-person sentence printed without quote marks
//! ([`crate::unmarked`]) joins the quotation one of whose sentences it says sense
//! for sense (0.6 with the same speaker named, 0.8 whoever is named). The parts one
//! article reports in one paragraph of an utterance are one occurrence.
//!
//! With sentence embeddings ([`align_by_meaning`]), quotations that share some words but
//! too few (Dice 0.25 or more) and mean the same (cosine 0.8 or more: a retranslation, a
//! close rewording) are one utterance too, and reported speech and unmarked sentences join
//! the utterance one of whose sentences they render (0.8, and 0.85 for the unmarked ones),
//! ranked after every link the words make.
//!
//! ## What it does not
//! Align a paraphrase that shares few words and senses with the quotation it renders ("the
//! evacuation took less than forty minutes" for "within forty minutes every passenger was
//! in a lifeboat"): MiniLM scores such pairs no higher than different utterances of the
//! same speaker. Reported speech that renders no quoted utterance stays apart
//! ([`split_reported`]).

use std::collections::HashMap;

use parallax_model::{Occurrence, Quote};

use crate::found::Found;

/// How faithfully an occurrence renders the fullest version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fidelity {
    /// The same words.
    Verbatim,
    /// Every word appears, in order, with some left out.
    Trimmed,
    /// Reworded inside quote marks.
    Altered,
    /// Indirect speech.
    Paraphrase,
}

impl Fidelity {
    /// The contract's word.
    pub fn as_str(self) -> &'static str {
        match self {
            Fidelity::Verbatim => "verbatim",
            Fidelity::Trimmed => "trimmed",
            Fidelity::Altered => "altered",
            Fidelity::Paraphrase => "paraphrase",
        }
    }
}

/// The numbers of a version that are part of a name: right after a capitalised word
/// ("Article 5", "Lumen-8").
fn named_numbers(parts: &[String]) -> Vec<String> {
    let joined = parts.join(" ");
    let words: Vec<&str> = parallax_text::words(&joined)
        .map(|s| s.slice(&joined))
        .collect();
    words
        .windows(2)
        .filter(|w| {
            w[0].chars().next().is_some_and(char::is_uppercase)
                && w[1].chars().all(|c| c.is_ascii_digit())
        })
        .map(|w| w[1].to_string())
        .collect()
}

fn tokens(parts: &[String]) -> Vec<String> {
    let joined = parts.join(" ");
    parallax_text::words(&joined)
        .map(|s| s.slice(&joined).to_lowercase().replace('’', "'"))
        .collect()
}

/// The words of a version as senses ([`parallax_text::sense`]): what its words mean, for deciding
/// which versions are one utterance.
fn senses(tokens: &[String]) -> Vec<String> {
    tokens
        .iter()
        .map(|w| match parallax_text::number_word(w) {
            // "forty seconds" and "40 seconds" say one thing.
            Some(v) => format!("{v}"),
            None => parallax_text::sense(w).to_string(),
        })
        .collect()
}

/// The senses of each sentence of a version, when it has more than one.
fn sentence_senses(parts: &[String]) -> Vec<Vec<String>> {
    let joined = parts.join(" ");
    let sentences: Vec<Vec<String>> = parallax_text::sentences(&joined)
        .map(|s| senses(&tokens(&[s.to_string()])))
        .filter(|s| s.len() >= 3)
        .collect();
    if sentences.len() >= 2 {
        sentences
    } else {
        Vec::new()
    }
}

/// `words` in sorted order: a bag of words, as [`overlap`] takes them.
fn bag(mut words: Vec<String>) -> Vec<String> {
    words.sort_unstable();
    words
}

/// The words two bags ([`bag`]) have in common, as a share of both (Dice) and of the
/// smaller (containment).
fn overlap(a: &[String], b: &[String]) -> (f64, f64) {
    debug_assert!(a.is_sorted() && b.is_sorted());
    let common = parallax_text::shared_sorted(a, b);
    let dice = 2.0 * common as f64 / (a.len() + b.len()).max(1) as f64;
    let containment = common as f64 / a.len().min(b.len()).max(1) as f64;
    (dice, containment)
}

/// A speaker's surname as a key that survives spelling ([`parallax_text::name_key`]): the
/// last word, or the last part of a hyphenated one ("Tuilagi-Marsh" and "Tuilagi Marsh"
/// are one surname).
fn surname(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(parallax_text::surname_key)
        .filter(|k| !k.is_empty())
}

/// Whether two speakers may be one: the same surname (or one letter apart), or, where one
/// is a source named by its role rather than a person ("police spokesman" / "Police",
/// "coastguard" / "coastguard service"), a word in common. Unknown speakers may be anyone.
fn may_be_same_speaker(a: &Option<String>, b: &Option<String>) -> bool {
    let (Some(x), Some(y)) = (surname(a), surname(b)) else {
        return true;
    };
    if parallax_text::one_letter_apart(&x, &y) {
        return true;
    }
    let is_person = |s: &str| {
        let w: Vec<&str> = s.split_whitespace().collect();
        w.len() >= 2
            && w.iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    let (a, b) = (a.as_deref().unwrap_or(""), b.as_deref().unwrap_or(""));
    // Two names for one text ("NATO treaty", "Article 5"): the words decide.
    if names_a_document(a) && names_a_document(b) {
        return true;
    }
    if is_person(a) && is_person(b) {
        return false;
    }
    let words = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| w.len() > 3)
            .collect()
    };
    let wa = words(a);
    words(b).iter().any(|w| wa.contains(w))
}

/// The speakers of a story's versions, compared once per pair of distinct names rather
/// than once per pair of versions.
struct Speakers {
    /// Each version's speaker, as an index into the distinct speakers.
    of: Vec<usize>,
    /// Each distinct speaker's surname key.
    keys: Vec<Option<String>>,
    /// Whether two distinct speakers may be one ([`may_be_same_speaker`]).
    same: Vec<Vec<bool>>,
}

impl Speakers {
    fn of(items: &[(usize, &Found, Vec<String>)]) -> Speakers {
        let mut names: Vec<&Option<String>> = Vec::new();
        let of = items
            .iter()
            .map(
                |(_, f, _)| match names.iter().position(|n| **n == f.speaker) {
                    Some(k) => k,
                    None => {
                        names.push(&f.speaker);
                        names.len() - 1
                    }
                },
            )
            .collect();
        let keys = names.iter().map(|n| surname(n)).collect();
        let same = names
            .iter()
            .map(|a| names.iter().map(|b| may_be_same_speaker(a, b)).collect())
            .collect();
        Speakers { of, keys, same }
    }

    fn may_be_one(&self, i: usize, j: usize) -> bool {
        self.same[self.of[i]][self.of[j]]
    }

    /// Both versions name a speaker, with the same surname.
    fn named_alike(&self, i: usize, j: usize) -> bool {
        matches!(
            (&self.keys[self.of[i]], &self.keys[self.of[j]]),
            (Some(x), Some(y)) if x == y
        )
    }
}

/// Least share (Dice) of content words a report and a quoted sentence hold in common for
/// the report to render the sentence, when they share no number.
const GIST_SHARE: f64 = 0.4;

/// How closely a report in an outlet's own words (`report`, a bag of its content senses,
/// [`content`]) renders one quoted sentence (`sentence`, the same), as the Dice share of
/// their content words, when it does:
/// they share two content words or more, and either [`GIST_SHARE`] of them or a number
/// ("the evacuation took less than forty minutes" renders "Within forty minutes every
/// passenger was in a lifeboat"; "it collapsed within an hour of his crews arriving"
/// renders "The roof collapsed within the first hour"); a number that is part of a name
/// (`named`: "Article 5", "Halcyon 2") is no quantity and does not count. Only asked of
/// one named speaker's words, whose other sentences about the same event share a word or
/// two with each other but seldom a number with a second word, or half their content.
fn renders_gist(report: &[String], sentence: &[String], named: &[String]) -> Option<f64> {
    let (dice, _) = overlap(report, sentence);
    let shared: Vec<&String> = report.iter().filter(|w| sentence.contains(w)).collect();
    let number = shared
        .iter()
        .any(|w| parallax_text::is_number(w) && !named.contains(w));
    (shared.len() >= 2 && (dice >= GIST_SHARE || number)).then_some(dice)
}

/// How closely report `r` renders quotation `q` ([`renders_gist`]): the best share over
/// the quotation whole and each of its sentences, numbers that are part of a name left out.
fn gist_share(v: &Versions<'_>, r: usize, q: usize) -> Option<f64> {
    let items = &v.items;
    let mut named = named_numbers(&items[r].1.parts);
    named.extend(named_numbers(&items[q].1.parts));
    std::iter::once(&v.gists[q].0)
        .chain(&v.gists[q].1)
        .filter_map(|s| renders_gist(&v.gists[r].0, s, &named))
        .fold(None, |a: Option<f64>, b| Some(a.map_or(b, |a| a.max(b))))
}

/// Pronouns of speech that [`parallax_text::FUNCTION_WORDS`] leaves in.
const SPEECH_PRONOUNS: &[&str] = &["my", "me", "us", "you", "your", "him", "them", "mine"];

/// The words of a version that carry its content: without function words and pronouns.
fn content(t: &[String]) -> Vec<String> {
    t.iter()
        .filter(|w| {
            !parallax_text::FUNCTION_WORDS.contains(&w.as_str())
                && !SPEECH_PRONOUNS.contains(&w.as_str())
        })
        .cloned()
        .collect()
}

/// True when `short` is `long` with some words left out.
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

/// Splits aligned utterances into quotations (some outlet prints the words inside quote
/// marks) and speech only ever reported in the outlets' own words, numbering each list
/// afresh (`Q1`..., `R1`...).
pub fn split_reported(all: Vec<Quote>) -> (Vec<Quote>, Vec<Quote>) {
    let (mut quoted, mut reported): (Vec<Quote>, Vec<Quote>) = all
        .into_iter()
        .partition(|q| q.occurrences.iter().any(|o| o.direct));
    for (k, q) in quoted.iter_mut().enumerate() {
        q.id = format!("Q{}", k + 1);
    }
    for (k, q) in reported.iter_mut().enumerate() {
        q.id = format!("R{}", k + 1);
    }
    (quoted, reported)
}

/// Groups the quotations of one story (article id, its quotations) into utterances, on
/// their words alone.
pub fn align(articles: &[(String, Vec<Found>)]) -> Vec<Quote> {
    align_by_meaning(articles, &|_| None)
}

/// Lowest embedding cosine at which two quotations that share too few words are still one
/// utterance: a retranslation or a close rewording of the same sentence.
const SAME_MEANING: f32 = 0.8;

/// Lowest embedding cosine for speech an outlet reports in its own words to render one
/// sentence of a quotation given to the same named speaker. Measured on reports and the
/// quotations they render: 0.55 to 0.86; on the same speaker's other sentences: at most
/// 0.37.
const REPORT_OF_QUOTATION: f32 = 0.55;

/// Lowest embedding cosine for a sentence printed without quote marks to render a quoted
/// utterance.
const SAME_MEANING_UNMARKED: f32 = 0.85;

/// Least overlap of senses (Dice) between a sentence printed without quote marks and one
/// sentence of a quotation for the sentence to render it.
const UNMARKED_SENSES: f64 = 0.6;

/// As [`UNMARKED_SENSES`], where the outlets name different speakers or none.
const UNMARKED_SENSES_ANYONE: f64 = 0.8;

/// Least word overlap (Dice) for two quotations to be compared by meaning: a rewording keeps
/// some of the words, and comparing only these pairs keeps the model's work small.
const NEAR_MISS: f64 = 0.25;

/// Most overlap of content words (Dice, [`content`]) between two versions from one article
/// for both to be parts of one utterance.
const SAME_ARTICLE_PARTS: f64 = 0.2;

/// Sentence embeddings of texts, one unit vector each, or `None` when there is no model.
pub type EmbedFn<'a> = dyn Fn(&[&str]) -> Option<Vec<Vec<f32>>> + 'a;

/// A quotation's embeddings: of its whole text, and of each sentence when it has several.
struct Meaning {
    whole: Vec<f32>,
    sentences: Vec<Vec<f32>>,
}

impl Meaning {
    fn all(&self) -> impl Iterator<Item = &[f32]> {
        std::iter::once(self.whole.as_slice()).chain(self.sentences.iter().map(Vec::as_slice))
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The embeddings of the quotations `which`, from one call of `embed`.
fn meanings(items: &[&Found], which: &[usize], embed: &EmbedFn) -> HashMap<usize, Meaning> {
    let mut texts: Vec<String> = Vec::new();
    let mut shape: Vec<(usize, usize)> = Vec::new();
    for &i in which {
        let whole = items[i].parts.join(" ");
        let sentences: Vec<String> = parallax_text::sentences(&whole)
            .map(|x| x.trim().to_string())
            .filter(|x| x.split_whitespace().count() >= 3)
            .collect();
        texts.push(whole);
        let n = if sentences.len() >= 2 {
            sentences.len()
        } else {
            0
        };
        texts.extend(sentences.into_iter().take(n));
        shape.push((i, n));
    }
    // Outlets that print the same words make the same text: each is embedded once.
    let mut unique: Vec<&str> = Vec::new();
    let mut at: HashMap<&str, usize> = HashMap::new();
    let slots: Vec<usize> = texts
        .iter()
        .map(|t| {
            *at.entry(t.as_str()).or_insert_with(|| {
                unique.push(t.as_str());
                unique.len() - 1
            })
        })
        .collect();
    let Some(vectors) = embed(&unique).filter(|v| v.len() == unique.len()) else {
        return HashMap::new();
    };
    let mut rest = slots.into_iter().map(|k| vectors[k].clone());
    shape
        .into_iter()
        .filter_map(|(i, n)| {
            let whole = rest.next()?;
            let sentences = rest.by_ref().take(n).collect();
            Some((i, Meaning { whole, sentences }))
        })
        .collect()
}

/// Versions joined into utterances: a union-find over version indexes that keeps each
/// set's members.
struct Sets {
    parent: Vec<usize>,
    members_of: Vec<Vec<usize>>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets {
            parent: (0..n).collect(),
            members_of: (0..n).map(|i| vec![i]).collect(),
        }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the sets of two roots under the lower one.
    fn join(&mut self, a: usize, b: usize) {
        let (keep, gone) = (a.min(b), a.max(b));
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.members_of[gone]);
        self.members_of[keep].extend(moved);
    }
}

/// One version of what was said: its article's index, the version, its words.
type Item<'a> = (usize, &'a Found, Vec<String>);

/// How the words tie two versions ([`pair_link`]).
enum Link {
    /// One utterance, with this strength.
    Take(f64),
    /// Close, but meaning decides: one utterance from this embedding cosine up.
    Near(f32),
    /// Not one utterance.
    Apart,
}

/// A story's versions with what each means, word by word and sense by sense.
struct Versions<'a> {
    items: Vec<Item<'a>>,
    /// The senses of each, whole and (for a quotation) sentence by sentence.
    meant: Vec<(Vec<String>, Vec<Vec<String>>)>,
    /// The content senses of the same, for reports that render a quoted sentence.
    gists: Vec<(Vec<String>, Vec<Vec<String>>)>,
    speakers: Speakers,
}

impl<'a> Versions<'a> {
    fn of(articles: &'a [(String, Vec<Found>)]) -> Versions<'a> {
        let mut items: Vec<Item<'a>> = Vec::new();
        for (a, (_, found)) in articles.iter().enumerate() {
            for f in found {
                items.push((a, f, tokens(&f.parts)));
            }
        }
        let meant: Vec<(Vec<String>, Vec<Vec<String>>)> = items
            .iter()
            .map(|(_, f, t)| {
                let sentences = if f.direct {
                    sentence_senses(&f.parts).into_iter().map(bag).collect()
                } else {
                    Vec::new()
                };
                (bag(senses(t)), sentences)
            })
            .collect();
        let gists = meant
            .iter()
            .map(|(whole, sentences)| {
                (
                    content(whole),
                    sentences.iter().map(|s| content(s)).collect(),
                )
            })
            .collect();
        let speakers = Speakers::of(&items);
        Versions {
            items,
            meant,
            gists,
            speakers,
        }
    }
}

/// Fewest words of a quotation that another outlet's quotation holds whole for the two to
/// be one utterance whoever each names: a trimmed version given to another person
/// ("Both sides need to get back into a room today," Lamberth said / the minister's
/// longer words). Shorter runs ("a step in the right direction") are said by many.
const MIN_WORDS_HELD_WHOLE: usize = 8;

/// How the words tie versions `i` and `j` of a story (of different articles): a link and
/// its strength, a near miss for meaning to decide, or nothing.
fn pair_link(v: &Versions<'_>, i: usize, j: usize) -> Link {
    let items = &v.items;
    let same_speaker = v.speakers.may_be_one(i, j);
    let reported = !items[i].1.direct || !items[j].1.direct;
    // Speech in an outlet's own words links only to words given to the same
    // speaker, save an unmarked sentence and the quotation it renders.
    if reported && !same_speaker && unmarked(items[i].1) == unmarked(items[j].1) {
        return Link::Apart;
    }
    let (dice, containment) = overlap(&v.meant[i].0, &v.meant[j].0);
    let shortest = items[i].2.len().min(items[j].2.len());
    let needed = if same_speaker { 0.45 } else { 0.6 };
    // A short verdict in the outlet's words ("called them game-changing") joins the
    // quotation holding it whole, when both name the same speaker.
    let named_alike = v.speakers.named_alike(i, j);
    // The report is the shorter: it is held in the quotation, not the other way
    // round (a two-word quotation, "significant progress", inside a long report).
    let report_within = {
        let (r, q) = report_and_quotation(items, i, j);
        items[q].1.direct && items[r].2.len() <= items[q].2.len()
    };
    let linked = if reported {
        // Reported speech keeps fewer of the words: a looser test, same speaker only; a
        // report held within a quotation must be so in its content words too, not in
        // "had", "a" and "the".
        same_speaker
            && (dice >= 0.4
                || (shortest >= 5
                    && containment >= 0.6
                    && overlap(&v.gists[i].0, &v.gists[j].0).1 >= 0.6)
                || (named_alike && shortest >= 2 && containment >= 0.99 && report_within))
    } else {
        dice >= needed
            || (same_speaker && shortest >= 2 && containment >= 0.85)
            || (shortest >= MIN_WORDS_HELD_WHOLE && containment >= 0.99)
    };
    // Unmarked sentences join by meaning only, and only a quotation.
    let (ui, uj) = (unmarked(items[i].1), unmarked(items[j].1));
    if linked && !ui && !uj {
        return Link::Take(dice.max(containment * 0.9));
    }
    // An unmarked sentence that says, sense for sense, one sentence of a quotation
    // renders it: when the same person is named for both, or when nearly every
    // sense is the same whoever is named (the same words given to two people).
    if ui != uj {
        let (u, q) = if ui { (i, j) } else { (j, i) };
        let best = std::iter::once(&v.meant[q].0)
            .chain(&v.meant[q].1)
            .map(|s| overlap(&v.meant[u].0, s).0)
            .fold(0.0, f64::max);
        let needed = if named_alike {
            UNMARKED_SENSES
        } else {
            UNMARKED_SENSES_ANYONE
        };
        if items[q].1.direct && items[u].2.len() >= 6 && best >= needed {
            return Link::Take(best * 0.9);
        }
    }
    // Speech an outlet reports in its own words, given to the speaker it names for
    // a quotation, renders one of the quotation's sentences when the two share the
    // words that carry that sentence: see [`renders_gist`].
    let attributed = |f: &Found| !f.direct && f.attribution.is_some();
    if named_alike
        && (attributed(items[i].1) && items[j].1.direct
            || attributed(items[j].1) && items[i].1.direct)
    {
        let (r, q) = report_and_quotation(items, i, j);
        if let Some(best) = gist_share(v, r, q) {
            return Link::Take(best * 0.9);
        }
        // Else meaning decides, more loosely than for two quotations, where the report
        // keeps a word that carries the quotation ("she plans to call hearings" for "I
        // will be calling hearings, and I expect …"); a report on the same matter in
        // none of its words ("a legislative commitment not to go after territory" and
        // "some sort of land swap") is another claim.
        if overlap(&v.gists[r].0, &v.gists[q].0).0 > 0.0 {
            return Link::Near(REPORT_OF_QUOTATION);
        }
    }
    let one_quoted = items[i].1.direct || items[j].1.direct;
    if same_speaker && one_quoted && shortest >= 4 && dice >= NEAR_MISS {
        let needed = if unmarked(items[i].1) || unmarked(items[j].1) {
            SAME_MEANING_UNMARKED
        } else {
            SAME_MEANING
        };
        return Link::Near(needed);
    }
    Link::Apart
}

/// Of two versions, the one in the outlet's own words and the quotation: `(j, i)` when
/// the first is quoted, else `(i, j)`.
fn report_and_quotation(items: &[Item<'_>], i: usize, j: usize) -> (usize, usize) {
    if items[i].1.direct {
        (j, i)
    } else {
        (i, j)
    }
}

/// Speech printed neither in quote marks nor with an attribution: a sentence that may
/// render someone's quotation ([`crate::unmarked`]).
fn unmarked(f: &Found) -> bool {
    !f.direct && f.attribution.is_none()
}

/// As [`align`], and where `embed` gives sentence embeddings, quotations that share some
/// words but too few (a retranslation, a close rewording) are one utterance when they mean
/// the same, and reported speech and first-person sentences without quote marks
/// ([`crate::unmarked`]) join the utterance one of whose sentences they render.
/// Only such near misses are embedded; `embed` returning `None` means words alone.
pub fn align_by_meaning(articles: &[(String, Vec<Found>)], embed: &EmbedFn) -> Vec<Quote> {
    let v = Versions::of(articles);
    let items = &v.items;
    let n = items.len();
    // Candidate links, best first; a link is taken unless it would put two quotations of one
    // article into one utterance. Pairs the words almost link are decided by meaning.
    let mut links: Vec<(f64, usize, usize)> = Vec::new();
    let mut near: Vec<(usize, usize, f32)> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if items[i].0 == items[j].0 {
                continue;
            }
            match pair_link(&v, i, j) {
                Link::Take(strength) => links.push((strength, i, j)),
                Link::Near(needed) => near.push((i, j, needed)),
                Link::Apart => {}
            }
        }
    }
    let contents: Vec<Vec<String>> = items.iter().map(|x| bag(content(&x.2))).collect();
    let mut sets = Sets::new(n);
    // Links are taken best first ([`take`]). A quotation and a report of one article may
    // be one part told twice, the gist and then the words ("... has declared that the
    // evacuation took less than forty minutes. “In forty minutes all passengers were in
    // boats,” she declared.").
    take(items, &contents, links, &mut sets, false);
    gist_then_words(&v, &mut sets);
    // Meaning decides, after every link the words make, the near misses they left apart.
    // Only pairs meaning could still join are embedded: not those of a report that meaning
    // alone may join to one of its candidates and not to another (a report the words
    // already tied to a quotation, or one whose article quotes one of the candidates):
    // which one it renders is not clear.
    let mut unclear: Vec<usize> = near
        .iter()
        .filter(|&&(i, j, needed)| {
            needed < SAME_MEANING && {
                let (ri, rj) = (sets.root(i), sets.root(j));
                ri != rj && loose_blocked(items, &sets, ri, rj)
            }
        })
        .map(|&(i, j, _)| report_and_quotation(items, i, j).0)
        .collect();
    unclear.sort_unstable();
    near.retain(|&(i, j, needed)| {
        let (report, _) = report_and_quotation(items, i, j);
        sets.root(i) != sets.root(j)
            && (needed >= SAME_MEANING || unclear.binary_search(&report).is_err())
    });
    if !near.is_empty() {
        let (sure, loose) = by_meaning(items, near, embed);
        take(items, &contents, sure, &mut sets, false);
        take(items, &contents, loose, &mut sets, true);
    }
    join_continuations(items, &mut sets);
    headline_of_body(&v, &mut sets);
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = sets.root(i);
        let g = *index.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    // Sentences without quote marks or attribution are kept only where they render an
    // utterance quoted somewhere; reported speech ("X said that ...") is speech on its own.
    groups.retain(|g| g.iter().any(|&i| !unmarked(items[i].1)));
    groups
        .iter()
        .enumerate()
        .map(|(k, members)| quote_of(k, members, items, articles))
        .collect()
}

/// Most paragraphs between an article's report of what someone said and the quotation
/// that follows it for the report to be the quotation's gist.
const GIST_REACH: usize = 1;

/// One article's gist and then the words: a report given to a named speaker ("Hollis said
/// every payment had passed through a relative's consultancy") followed, in its paragraph
/// or the next, by a quotation given to the same name whose sentence it renders
/// ([`renders_gist`]: "“Every payment went through a company registered in his
/// sister-in-law's name,” Hollis said") is one utterance told twice. A report after the
/// quotation, or farther from it, is another claim of the same person; so is one that
/// only means what the quotation says (embeddings of one speaker's sentences in one
/// article are too alike to tell: joined from a cosine of 0.55, the seeds' reports of
/// other claims joined the quotations after them). Each report joins the one quotation it
/// renders best.
fn gist_then_words(v: &Versions<'_>, sets: &mut Sets) {
    let items = &v.items;
    let mut best: HashMap<usize, (f64, usize)> = HashMap::new();
    for (r, q, share) in gist_candidates(v) {
        let e = best.entry(r).or_insert((share, q));
        if share > e.0 {
            *e = (share, q);
        }
    }
    let mut joins: Vec<(usize, usize)> = best.into_iter().map(|(r, (_, q))| (r, q)).collect();
    joins.sort_unstable();
    for (r, q) in joins {
        let (rr, rq) = (sets.root(r), sets.root(q));
        let reported_alone = sets.members_of[rr].iter().all(|&i| !items[i].1.direct);
        if rr != rq && reported_alone {
            sets.join(rr, rq);
        }
    }
}

/// The (report, quotation) pairs of one article that are its gist and then its words
/// ([`gist_then_words`]), with the share of content words by which the report renders a
/// sentence of the quotation.
fn gist_candidates(v: &Versions<'_>) -> Vec<(usize, usize, f64)> {
    let items = &v.items;
    let attributed = |f: &Found| !f.direct && f.attribution.is_some();
    let mut out = Vec::new();
    for r in (0..items.len()).filter(|&r| attributed(items[r].1)) {
        let near = (r + 1..items.len()).take_while(|&q| {
            items[q].0 == items[r].0 && items[q].1.paragraph <= items[r].1.paragraph + GIST_REACH
        });
        for q in near.filter(|&q| items[q].1.direct && v.speakers.named_alike(r, q)) {
            if let Some(share) = gist_share(v, r, q) {
                out.push((r, q, share));
            }
        }
    }
    out
}

/// Least share of a headline quotation's content words its article's body quotation must
/// hold for the headline to quote the body again ([`headline_of_body`]).
const HEADLINE_IN_BODY: f64 = 0.8;

/// A headline quotes again, often trimmed, words its own body quotes ("Whitcomb: ‘The
/// people sent us here to vote’" over "“… The people of Tamarack sent us here to vote,”
/// Whitcomb said"): the headline's quotation joins the body quotation, or the sentence of
/// it, that holds [`HEADLINE_IN_BODY`] of its content words, where no other outlet's
/// version has tied them already.
fn headline_of_body(v: &Versions<'_>, sets: &mut Sets) {
    let items = &v.items;
    // The headline, or a line atop the body that quotes with no attribution of its own
    // (a fuller headline printed under a shorter one).
    let top = |f: &Found| f.headline || (f.paragraph <= 1 && f.attribution.is_none());
    for h in (0..items.len()).filter(|&h| top(items[h].1) && items[h].1.direct) {
        if v.gists[h].0.len() < 2 {
            continue;
        }
        let best = (0..items.len())
            .filter(|&q| {
                items[q].0 == items[h].0
                    && items[q].1.direct
                    && items[q].1.paragraph > items[h].1.paragraph
                    && !items[q].1.headline
            })
            .filter_map(|q| {
                let held = std::iter::once(&v.gists[q].0)
                    .chain(&v.gists[q].1)
                    .map(|s| parallax_text::shared_sorted(&v.gists[h].0, s) as f64)
                    .fold(0.0, f64::max)
                    / v.gists[h].0.len() as f64;
                (held >= HEADLINE_IN_BODY).then_some((held, q))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, q)) = best {
            let (rh, rq) = (sets.root(h), sets.root(q));
            if rh != rq {
                sets.join(rh, rq);
            }
        }
    }
}

/// Takes links best first, unless one would put two utterances of one article together
/// (two versions from one article are one utterance only as different parts of it, whose
/// words barely meet; a headline may quote again words its body quotes), or, for a `loose`
/// link (a report's meaning alone), two quoted utterances or two versions of one article.
fn take(
    items: &[Item<'_>],
    contents: &[Vec<String>],
    mut links: Vec<(f64, usize, usize)>,
    sets: &mut Sets,
    loose: bool,
) {
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    for (_, i, j) in links {
        let (ri, rj) = (sets.root(i), sets.root(j));
        if ri == rj {
            continue;
        }
        if loose && loose_blocked(items, sets, ri, rj) {
            continue;
        }
        let clash = sets.members_of[ri].iter().any(|&p| {
            sets.members_of[rj].iter().any(|&q| {
                items[p].0 == items[q].0
                    && items[p].1.direct == items[q].1.direct
                    && items[p].1.headline == items[q].1.headline
                    && overlap(&contents[p], &contents[q]).0 >= SAME_ARTICLE_PARTS
            })
        });
        if !clash {
            sets.join(ri, rj);
        }
    }
}

/// Whether a report's meaning alone may not join the sets rooted at `ri` and `rj`: it never
/// joins two quoted utterances, nor a quotation its own article prints (there the report
/// is the article's summary, the words its detail).
fn loose_blocked(items: &[Item<'_>], sets: &Sets, ri: usize, rj: usize) -> bool {
    let quoted = |r: usize| sets.members_of[r].iter().any(|&p| items[p].1.direct);
    let same_article = sets.members_of[ri].iter().any(|&p| {
        sets.members_of[rj]
            .iter()
            .any(|&q| items[p].0 == items[q].0)
    });
    (quoted(ri) && quoted(rj)) || same_article
}

/// The near misses (`near`, pairs of versions the words left apart, each with the cosine
/// that makes them one) that mean the same by their sentence embeddings, with how alike
/// they are: those held to [`SAME_MEANING`] or more, and, apart, reports that render a
/// quotation of their speaker ([`REPORT_OF_QUOTATION`]), each with the one it renders best.
#[allow(clippy::type_complexity)]
fn by_meaning(
    items: &[Item<'_>],
    near: Vec<(usize, usize, f32)>,
    embed: &EmbedFn,
) -> (Vec<(f64, usize, usize)>, Vec<(f64, usize, usize)>) {
    let mut which: Vec<usize> = near.iter().flat_map(|&(i, j, _)| [i, j]).collect();
    which.sort_unstable();
    which.dedup();
    let found: Vec<&Found> = items.iter().map(|x| x.1).collect();
    let meaning = meanings(&found, &which, embed);
    let mut by_meaning = Vec::new();
    for (i, j, needed) in near {
        let (Some(x), Some(y)) = (meaning.get(&i), meaning.get(&j)) else {
            continue;
        };
        // Two quotations compare as wholes; speech in the outlet's own words compares
        // with each sentence of a quotation, since it usually renders one of them.
        let c = if items[i].1.direct && items[j].1.direct {
            dot(&x.whole, &y.whole)
        } else {
            x.all()
                .flat_map(|a| y.all().map(move |b| dot(a, b)))
                .fold(f32::MIN, f32::max)
        };
        if c >= needed {
            by_meaning.push((c as f64, i, j, needed < SAME_MEANING));
        }
    }
    let (loose, sure): (Vec<_>, Vec<_>) = by_meaning.into_iter().partition(|x| x.3);
    let sure = sure.into_iter().map(|(c, i, j, _)| (c, i, j)).collect();
    // A report renders one quotation: the one it is nearest to.
    let mut best: HashMap<usize, (f64, usize, usize)> = HashMap::new();
    for (c, i, j, _) in loose {
        let e = best
            .entry(report_and_quotation(items, i, j).0)
            .or_insert((c, i, j));
        if c > e.0 {
            *e = (c, i, j);
        }
    }
    (sure, best.into_values().collect())
}

/// “A,” Voss said. “B.”: a quoted sentence with no attribution of its own, right after an
/// attributed quotation of the same speaker in its paragraph, goes on with it. Where no outlet
/// prints A and B together the words cannot tell; an utterance every one of whose
/// versions goes on from the same other utterance this way is part of it.
fn join_continuations(items: &[Item<'_>], sets: &mut Sets) {
    let n = items.len();
    let goes_on_from: Vec<Option<usize>> = (0..n)
        .map(|i| {
            let p = i.checked_sub(1)?;
            let (a, f) = (items[i].0, items[i].1);
            let (b, g) = (items[p].0, items[p].1);
            (a == b
                && f.paragraph == g.paragraph
                && f.direct
                && g.direct
                && f.attribution.is_none()
                && g.attribution.is_some()
                // A new sentence, not a phrase quoted inside the attribution's own
                // (“A,” Rubio said, acknowledging “big areas of disagreement”).
                && f.parts[0].starts_with(char::is_uppercase)
                && may_be_same_speaker(&f.speaker, &g.speaker))
            .then_some(p)
        })
        .collect();
    for r in 0..n {
        if sets.root(r) != r {
            continue;
        }
        let from: Vec<Option<usize>> = sets.members_of[r]
            .iter()
            .map(|&i| goes_on_from[i])
            .collect();
        let Some(&Some(first)) = from.first() else {
            continue;
        };
        let target = sets.root(first);
        let all_from_target = from
            .into_iter()
            .all(|p| p.is_some_and(|p| sets.root(p) == target));
        if target != r && all_from_target {
            sets.join(r, target);
        }
    }
}

/// The quote one group of versions (`members`, indices into `items`) makes: its reference
/// wording, its speaker, its graded occurrences.
fn quote_of(
    k: usize,
    members: &[usize],
    items: &[Item<'_>],
    articles: &[(String, Vec<Found>)],
) -> Quote {
    let occurrences = by_occurrence(members, items);
    let words: Vec<Vec<String>> = occurrences
        .iter()
        .map(|o| o.iter().flat_map(|&i| items[i].2.iter().cloned()).collect())
        .collect();
    let fullest = reference(&occurrences, &words, items);
    let mut votes: HashMap<&str, usize> = HashMap::new();
    for &i in members {
        if let Some(s) = &items[i].1.speaker {
            *votes.entry(s.as_str()).or_default() += 1;
        }
    }
    let speaker = votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(s, _)| s.to_string());
    let parts = |o: &[usize]| -> Vec<String> {
        o.iter()
            .flat_map(|&i| items[i].1.parts.iter().cloned())
            .collect()
    };
    Quote {
        id: format!("Q{}", k + 1),
        speaker,
        speaker_entity: None,
        text: parts(&occurrences[fullest]).join(" "),
        occurrences: occurrences
            .iter()
            .zip(&words)
            .map(|(o, w)| Occurrence {
                article: articles[items[o[0]].0].0.clone(),
                parts: parts(o),
                direct: items[o[0]].1.direct,
                fidelity: grade(items[o[0]].1.direct, w, &words[fullest])
                    .as_str()
                    .to_string(),
                attribution: o.iter().find_map(|&i| items[i].1.attribution.clone()),
                speaker: o.iter().find_map(|&i| items[i].1.speaker.clone()),
                spans: o
                    .iter()
                    .map(|&i| items[i].1.spans.clone())
                    .collect::<Option<Vec<_>>>()
                    .map(|s| s.concat()),
                context: o.iter().find_map(|&i| items[i].1.context.clone()),
            })
            .collect(),
    }
}

/// The versions of one utterance grouped into occurrences: the versions one article gives
/// of it in one paragraph are one occurrence, a part each: the sentences it quotes (“A,” he
/// said. “B.”) and, apart from those, the ones it reports in its own words ("He stated
/// that ... We need security ..., he added, but ...").
fn by_occurrence(members: &[usize], items: &[Item<'_>]) -> Vec<Vec<usize>> {
    let mut together: Vec<Vec<usize>> = Vec::new();
    let mut at: HashMap<(usize, usize, bool), usize> = HashMap::new();
    for &i in members {
        let (a, f, _) = &items[i];
        let k = *at.entry((*a, f.paragraph, f.direct)).or_insert_with(|| {
            together.push(Vec::new());
            together.len() - 1
        });
        together[k].push(i);
    }
    together
}

/// The occurrence whose wording the others are graded against: the one the others agree
/// with most (several outlets that print the same words outvote one long rewording),
/// widened to any occurrence that holds it whole with more words; a quotation where there
/// is one, else a report. Whole occurrences are compared, so an article that quotes two
/// sentences of an utterance in one paragraph is one version of it, not two.
fn reference(occurrences: &[Vec<usize>], words: &[Vec<String>], items: &[Item<'_>]) -> usize {
    let bags: Vec<Vec<String>> = words.iter().map(|w| bag(w.clone())).collect();
    let article = |o: usize| items[occurrences[o][0]].0;
    let agreement = |o: usize| {
        (0..occurrences.len())
            .filter(|&p| article(p) != article(o))
            .map(|p| overlap(&bags[o], &bags[p]).0)
            .sum::<f64>()
    };
    let direct: Vec<usize> = (0..occurrences.len())
        .filter(|&o| items[occurrences[o][0]].1.direct)
        .collect();
    let candidates: Vec<usize> = if direct.is_empty() {
        (0..occurrences.len()).collect()
    } else {
        direct
    };
    let medoid = *candidates
        .iter()
        .max_by(|&&a, &&b| {
            agreement(a)
                .total_cmp(&agreement(b))
                .then(words[a].len().cmp(&words[b].len()))
                .then(b.cmp(&a))
        })
        .expect("a group has members");
    *candidates
        .iter()
        .filter(|&&o| is_subsequence(&words[medoid], &words[o]))
        .max_by_key(|&&o| (words[o].len(), std::cmp::Reverse(o)))
        .unwrap_or(&medoid)
}

/// An occurrence's grade against the reference wording `full`.
fn grade(direct: bool, words: &[String], full: &[String]) -> Fidelity {
    if !direct {
        Fidelity::Paraphrase
    } else if words == full {
        Fidelity::Verbatim
    } else if is_subsequence(words, full) {
        Fidelity::Trimmed
    } else {
        Fidelity::Altered
    }
}

/// Whether a speaker's name names a written text ("NATO treaty", "Article 5") rather
/// than a person.
fn names_a_document(s: &str) -> bool {
    s.split_whitespace().any(|w| {
        parallax_read::lexicon::document_word(w.trim_matches(|c: char| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_occurrence_of_several_quoted_sentences_is_graded_whole() {
        // “A,” she said. “B.” in one paragraph is one version of the utterance: printed
        // alone it is verbatim, and another outlet's first sentence alone is trimmed.
        let said = |part: &str, attributed: bool| Found {
            attribution: attributed.then(|| "Ilse Varga said".to_string()),
            ..found(&[part], "Ilse Varga")
        };
        let both = vec![
            said("The dredging starts in April,", true),
            said("We have waited eleven years for it.", false),
        ];
        let story = vec![
            ("a".to_string(), both.clone()),
            (
                "b".to_string(),
                vec![said("The dredging starts in April,", true)],
            ),
        ];
        let q = align(&story);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(grades(&q[0]), [("a", "verbatim"), ("b", "trimmed")]);
        assert_eq!(
            q[0].text,
            "The dredging starts in April, We have waited eleven years for it."
        );
        let alone = align(&[("a".to_string(), both)]);
        assert_eq!(grades(&alone[0]), [("a", "verbatim")]);
    }

    #[test]
    fn one_articles_gist_and_then_its_words_are_one_utterance() {
        let at = |f: Found, paragraph: usize| Found { paragraph, ..f };
        let gist = reported(
            "every ferry ticket had risen by a third since the spring",
            "Ilse Varga",
        );
        let words = found(
            &["Every ticket on the ferry has gone up by a third since April,"],
            "Ilse Varga",
        );
        let other = found(&["The harbour will reopen in June."], "Ilse Varga");
        // The gist before the words, in the next paragraph: one utterance, told twice.
        let q = align(&[(
            "a".to_string(),
            vec![
                at(gist.clone(), 0),
                at(words.clone(), 1),
                at(other.clone(), 2),
            ],
        )]);
        fn grades_of(q: &[Quote]) -> Vec<Vec<&str>> {
            q.iter()
                .map(|x| x.occurrences.iter().map(|o| o.fidelity.as_str()).collect())
                .collect()
        }
        assert_eq!(
            grades_of(&q),
            [vec!["paraphrase", "verbatim"], vec!["verbatim"]]
        );
        // After the words, or paragraphs away, the report is another claim.
        let q = align(&[(
            "a".to_string(),
            vec![at(words.clone(), 0), at(gist.clone(), 1)],
        )]);
        assert_eq!(q.len(), 2);
        let q = align(&[(
            "a".to_string(),
            vec![at(gist, 0), at(other, 1), at(words, 3)],
        )]);
        assert_eq!(q.len(), 3);
    }

    fn found(parts: &[&str], speaker: &str) -> Found {
        Found {
            paragraph: 0,
            parts: parts.iter().map(|s| s.to_string()).collect(),
            attribution: None,
            speaker: Some(speaker.into()),
            direct: true,
            headline: false,
            spans: None,
            context: None,
        }
    }

    /// Each occurrence of a quote as (article, fidelity).
    fn grades(q: &Quote) -> Vec<(&str, &str)> {
        q.occurrences
            .iter()
            .map(|o| (o.article.as_str(), o.fidelity.as_str()))
            .collect()
    }

    fn reported(clause: &str, speaker: &str) -> Found {
        Found {
            attribution: Some(format!("{speaker} said")),
            direct: false,
            ..found(&[clause], speaker)
        }
    }

    #[test]
    fn a_trimmed_version_given_to_another_person_is_the_same_utterance() {
        let story = vec![
            (
                "wire".to_string(),
                vec![found(
                    &[
                        "Every ward on the north side needs its buses back before the winter \
                       term starts, not after the spring review that the council keeps \
                       promising and keeps putting off. The money is there.",
                    ],
                    "Aurelia Penhallow",
                )],
            ),
            (
                "daily".to_string(),
                vec![found(
                    &["Every ward on the north side needs its buses back,"],
                    "Declan Morrow",
                )],
            ),
        ];
        let quotes = align(&story);
        assert_eq!(quotes.len(), 1, "{quotes:?}");
    }

    #[test]
    fn a_long_report_is_not_the_short_quotation_it_mentions() {
        // “Steady progress,” says one outlet; another reports the decision the progress led
        // to, in words that hold the two of the quotation.
        let story = vec![
            (
                "wire".to_string(),
                vec![found(&["steady progress"], "Ilse Brandt")],
            ),
            (
                "post".to_string(),
                vec![reported(
                    "the council had dropped its plan for a harbour levy on the ferries this \
                     winter because of steady progress in the talks",
                    "Ilse Brandt",
                )],
            ),
        ];
        let quotes = align(&story);
        assert_eq!(quotes.len(), 2, "{quotes:?}");
        // A short verdict held whole in the quotation still joins it.
        let story = vec![
            (
                "wire".to_string(),
                vec![found(
                    &["This is steady progress for the whole harbour"],
                    "Ilse Brandt",
                )],
            ),
            (
                "post".to_string(),
                vec![reported("steady progress", "Ilse Brandt")],
            ),
        ];
        assert_eq!(align(&story).len(), 1);
    }

    #[test]
    fn a_number_in_words_and_in_figures_is_one_number() {
        let story = vec![
            (
                "wire".to_string(),
                vec![found(
                    &["The pumps ran for roughly forty minutes before the pressure fell. We shut them down."],
                    "Ola Berge",
                )],
            ),
            (
                "post".to_string(),
                vec![reported("the pumps stopped after 40 minutes", "Ola Berge")],
            ),
        ];
        assert_eq!(align(&story).len(), 1);
    }

    #[test]
    fn speakers_spelled_apart_are_one() {
        for (a, b) in [
            ("Sione Tuilagi-Marsh", "Sione Tuilagi Marsh"),
            ("Rustam Akhmedzhanov", "Rustam Akhmedjanov"),
        ] {
            assert!(
                may_be_same_speaker(&Some(a.into()), &Some(b.into())),
                "{a} / {b}"
            );
        }
        assert!(!may_be_same_speaker(
            &Some("Ilse Lind".into()),
            &Some("Ilse Land".into())
        ));
    }

    #[test]
    fn a_headline_and_its_body_quote_one_utterance() {
        let headline = Found {
            headline: true,
            spans: None,
            ..found(&["The spillway will hold"], "Lindqvist")
        };
        let body = Found {
            paragraph: 3,
            ..found(
                &["The spillway will hold, and the town is safe."],
                "Oskar Lindqvist",
            )
        };
        let story = vec![
            ("gazette".to_string(), vec![headline, body.clone()]),
            ("herald".to_string(), vec![body]),
        ];
        let quotes = align(&story);
        assert_eq!(quotes.len(), 1, "{quotes:?}");
        assert_eq!(
            grades(&quotes[0]),
            [
                ("gazette", "trimmed"),
                ("gazette", "verbatim"),
                ("herald", "verbatim")
            ]
        );
    }

    #[test]
    fn a_headline_quotes_again_what_its_own_body_quotes() {
        let headline = Found {
            headline: true,
            spans: None,
            ..found(&["The people sent us here to vote"], "Whitcomb")
        };
        let body = Found {
            paragraph: 3,
            ..found(
                &[
                    "You don't walk out because you're losing,",
                    "The people of Tamarack sent us here to vote.",
                ],
                "Dana Whitcomb",
            )
        };
        let other = Found {
            paragraph: 5,
            ..found(
                &["We will be back on Monday to vote on the budget."],
                "Dana Whitcomb",
            )
        };
        let quotes = align(&[(
            "ledger".to_string(),
            vec![headline.clone(), body.clone(), other.clone()],
        )]);
        assert_eq!(quotes.len(), 2, "{quotes:?}");
        assert_eq!(
            grades(&quotes[0]),
            [("ledger", "trimmed"), ("ledger", "verbatim")]
        );
        // A fuller headline printed atop the body, under the header's shorter one.
        let top = Found {
            headline: false,
            paragraph: 1,
            attribution: None,
            ..headline
        };
        let quotes = align(&[("ledger".to_string(), vec![top, body, other])]);
        assert_eq!(quotes.len(), 2, "{quotes:?}");
    }

    #[test]
    fn one_article_may_quote_one_part_and_report_another() {
        let story = vec![
            (
                "wire".to_string(),
                vec![found(
                    &["The roof collapsed within the first hour. It was a building full of packaging and cooking oil,"],
                    "Piet Dorn",
                )],
            ),
            (
                "local".to_string(),
                vec![
                    found(&["It was a building full of packaging and cooking oil,"], "Dorn"),
                    reported("the roof collapsed within the first hour of the fire", "Piet Dorn"),
                    // A second, different report of the same man stays apart.
                    reported("the crews would stay at the site overnight", "Piet Dorn"),
                ],
            ),
        ];
        let (quotes, reports) = split_reported(align(&story));
        assert_eq!(quotes.len(), 1, "{quotes:#?}");
        let got = grades(&quotes[0]);
        assert_eq!(
            got,
            [
                ("wire", "verbatim"),
                ("local", "trimmed"),
                ("local", "paraphrase")
            ]
        );
        // Speech only ever reported is kept, apart from the quotations.
        assert_eq!(reports.len(), 1);
        assert_eq!(reports[0].id, "R1");
        assert_eq!(reports[0].occurrences[0].fidelity, "paraphrase");
    }

    #[test]
    fn unmarked_retranslations_join_sense_for_sense_on_words_alone() {
        let quoted = "I think everybody agreed that we had made progress. Maybe not enough for a deal, but we are on the path.";
        let story = vec![
            ("wire".to_string(), vec![found(&[quoted], "Maren Holt")]),
            (
                "translated".to_string(),
                vec![
                    // The same sentence in other words, printed without quote marks.
                    unmarked(
                        "Everyone, I believe, agreed that we had made headway.",
                        "Maren Holt",
                    ),
                    // A first-person sentence that renders nothing quoted is dropped.
                    unmarked(
                        "We will publish the full transcript on our website tonight.",
                        "Maren Holt",
                    ),
                ],
            ),
        ];
        let q = align(&story);
        assert_eq!(q.len(), 1, "{q:#?}");
        let got = grades(&q[0]);
        assert_eq!(got, [("wire", "verbatim"), ("translated", "paraphrase")]);
        // Given to someone else, it needs nearly every sense: these are.
        let mut other = story.clone();
        other[1].1[0].speaker = Some("Per Lindqvist".into());
        assert_eq!(align(&other)[0].occurrences.len(), 2);
        // A looser rendering given to someone else is not taken.
        let mut loose = story.clone();
        loose[1].1[0] = unmarked(
            "Everyone agreed, I believe, that the two sides had made headway today.",
            "Per Lindqvist",
        );
        assert_eq!(align(&loose)[0].occurrences.len(), 1);
    }

    #[test]
    fn one_paragraph_of_reported_parts_is_one_occurrence() {
        let quoted = "It is important that the port stays open. We need the ferries to run every day, and we consider the new pier part of the plan,";
        let mut second = reported("We need the ferries to run every day, and we consider the new pier to be part of the plan", "Ivo Ranta");
        second.parts.push("but nobody has said who will pay".into());
        let story = vec![
            ("wire".to_string(), vec![found(&[quoted], "Ivo Ranta")]),
            (
                "local".to_string(),
                vec![
                    reported("it is important that the port stays open", "Ivo Ranta"),
                    second,
                ],
            ),
        ];
        let q = align(&story);
        assert_eq!(q.len(), 1, "{q:#?}");
        let local: Vec<&Occurrence> = q[0]
            .occurrences
            .iter()
            .filter(|o| o.article == "local")
            .collect();
        assert_eq!(local.len(), 1);
        assert_eq!(local[0].parts.len(), 3);
        assert_eq!(local[0].fidelity, "paraphrase");

        // “A,” he said. “B.”: two quoted sentences of one paragraph that render one
        // utterance are one occurrence; one that renders another utterance stays apart.
        let whole = "It is important that the port stays open, But nobody has said who will pay for the new pier.";
        let story = vec![
            (
                "wire".to_string(),
                vec![
                    found(&[whole], "Ivo Ranta"),
                    found(&["The ferries will run again on Monday."], "Ivo Ranta"),
                ],
            ),
            (
                "local".to_string(),
                vec![
                    found(&["It is important that the port stays open,"], "Ivo Ranta"),
                    found(
                        &["But nobody has said who will pay for the new pier."],
                        "Ivo Ranta",
                    ),
                    found(&["The ferries will run again on Monday."], "Ivo Ranta"),
                ],
            ),
        ];
        let q = align(&story);
        assert_eq!(q.len(), 2, "{q:#?}");
        let local: Vec<(usize, &str)> = q
            .iter()
            .flat_map(|q| &q.occurrences)
            .filter(|o| o.article == "local")
            .map(|o| (o.parts.len(), o.fidelity.as_str()))
            .collect();
        assert_eq!(local, [(2, "verbatim"), (1, "verbatim")]);
    }

    #[test]
    fn speakers_that_may_be_one() {
        let s = |x: &str| Some(x.to_string());
        let table = [
            (s("Ada Voss"), s("Voss"), true),
            (s("Volodymyr Zelensky"), s("Volodymyr Zelenskyy"), true),
            (s("police spokesman"), s("Police"), true),
            (s("coastguard"), s("coastguard service"), true),
            (s("Maja Lind"), s("Ana Sorel"), false),
            (s("Maja Lind"), s("Orlen Foods"), false),
            (s("hospital"), s("coastal authority"), false),
            (None, s("Ana Sorel"), true),
            (s("NATO treaty"), s("Article 5"), true),
        ];
        for (a, b, want) in table {
            assert_eq!(may_be_same_speaker(&a, &b), want, "{a:?} / {b:?}");
        }
    }

    #[test]
    fn a_quoted_sentence_that_goes_on_from_an_attributed_one_is_part_of_it() {
        let attributed = |text: &str| Found {
            attribution: Some("Vanferath said".into()),
            ..found(&[text], "Vanferath")
        };
        let first = "We got every worker out of the building in time,";
        let second = "The warehouse itself could not be saved.";
        // “A,” Vanferath said. “B.” in two outlets, and nobody prints A and B together.
        let split = || vec![attributed(first), found(&[second], "Vanferath")];
        let story = vec![
            ("post".to_string(), split()),
            ("courier".to_string(), split()),
        ];
        let q = align(&story);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert!(q[0].occurrences.iter().all(|o| o.parts.len() == 2));
        // A phrase quoted inside the attribution is not a sentence that goes on from it.
        let phrase = || {
            vec![
                attributed(first),
                found(&["big questions remain"], "Vanferath"),
            ]
        };
        let story = vec![
            ("post".to_string(), phrase()),
            ("courier".to_string(), phrase()),
        ];
        assert_eq!(align(&story).len(), 2);
        // Nor is a sentence some other outlet prints on its own, apart from A.
        let mut story = vec![
            ("post".to_string(), split()),
            ("courier".to_string(), split()),
        ];
        story.push(("wire".to_string(), vec![found(&[second], "Vanferath")]));
        assert_eq!(align(&story).len(), 2);
    }

    #[test]
    fn two_quoted_sentences_of_one_article_that_share_only_small_words_are_parts_of_one_utterance()
    {
        let full =
            "I have never taken a bribe in my life. I will prove my innocence in this court,";
        let story = vec![
            ("wire".to_string(), vec![found(&[full], "Lirsov Stonnaun")]),
            (
                "local".to_string(),
                vec![
                    found(&["I have never taken a bribe in my life,"], "Stonnaun"),
                    found(&["I will prove my innocence in this court."], "Stonnaun"),
                ],
            ),
        ];
        let q = align(&story);
        assert_eq!(q.len(), 1, "{q:#?}");
    }

    #[test]
    fn a_report_joins_the_quoted_sentence_whose_gist_it_gives() {
        let quoted = "The pumps held all night. Within ninety minutes every cellar on the quay was dry again,";
        let story = vec![
            ("wire".to_string(), vec![found(&[quoted], "Rune Aaltonen")]),
            (
                "abroad".to_string(),
                vec![
                    // The gist and then the words, in one paragraph: two occurrences.
                    reported(
                        "the draining took less than ninety minutes",
                        "Rune Aaltonen",
                    ),
                    found(
                        &["Within ninety minutes all the cellars on the quay were dry again,"],
                        "Rune Aaltonen",
                    ),
                ],
            ),
            (
                "local".to_string(),
                vec![
                    reported("the pumps held through the night", "Aaltonen"),
                    // One shared word is not a rendering: another thing he said.
                    reported("the cellars of the old town would be inspected", "Aaltonen"),
                ],
            ),
        ];
        let (quotes, reports) = split_reported(align(&story));
        assert_eq!(quotes.len(), 1, "{quotes:#?}");
        let got = grades(&quotes[0]);
        assert_eq!(
            got,
            [
                ("wire", "verbatim"),
                ("abroad", "paraphrase"),
                ("abroad", "altered"),
                ("local", "paraphrase"),
            ]
        );
        assert_eq!(reports.len(), 1, "{reports:#?}");
        assert!(reports[0].text.contains("inspected"));
        // Given to someone else, a report renders nothing of his.
        let mut other = story.clone();
        other[2].1[0].speaker = Some("Hedda Marsk".into());
        let (quotes, _) = split_reported(align(&other));
        assert!(quotes[0].occurrences.iter().all(|o| o.article != "local"));
    }

    #[test]
    fn fidelity_grades() {
        let story = vec![
            (
                "a".to_string(),
                vec![found(
                    &["We covered almost all the other issues necessary for a peace deal,"],
                    "Maren Holt",
                )],
            ),
            (
                "b".to_string(),
                vec![found(
                    &["We covered almost all issues necessary for a peace deal,"],
                    "Maren Holt",
                )],
            ),
            (
                "c".to_string(),
                vec![found(
                    &["we covered almost all the other issues necessary for a peace deal."],
                    "Holt",
                )],
            ),
            (
                "d".to_string(),
                vec![found(
                    &["We covered almost all the other issues needed for a peace agreement,"],
                    "Maren Holt",
                )],
            ),
            (
                "e".to_string(),
                vec![found(&["The harbour will reopen in June."], "Per Lind")],
            ),
        ];
        let q = align(&story);
        assert_eq!(q.len(), 2);
        assert_eq!(
            grades(&q[0]),
            [
                ("a", "verbatim"),
                ("b", "trimmed"),
                ("c", "verbatim"),
                ("d", "altered")
            ]
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Maren Holt"));
    }

    fn unmarked(text: &str, speaker: &str) -> Found {
        Found {
            direct: false,
            ..found(&[text], speaker)
        }
    }

    /// A stand-in model: texts in the same group of `alike` get the same unit vector, every
    /// other text a vector of its own, at right angles to all the others.
    fn model<'a>(alike: &'a [&'a [&'a str]]) -> impl Fn(&[&str]) -> Option<Vec<Vec<f32>>> + 'a {
        move |texts: &[&str]| {
            Some(
                texts
                    .iter()
                    .enumerate()
                    .map(|(k, t)| {
                        let axis = alike
                            .iter()
                            .position(|g| g.contains(t))
                            .unwrap_or(alike.len() + k);
                        let mut v = vec![0.0; 64];
                        v[axis] = 1.0;
                        v
                    })
                    .collect(),
            )
        }
    }

    #[test]
    fn rewordings_join_by_meaning_only_with_a_model() {
        let original = "We will rebuild the bridge before the winter comes, whatever it costs,";
        let retold = "We are going to have the bridge rebuilt ahead of winter.";
        let first_person = "We want every family back in their homes by the spring.";
        let quoted = "Every family should be back in its own home by spring,";
        let story = vec![
            (
                "wire".to_string(),
                vec![
                    found(&[original], "Ingrid Solheim"),
                    found(&[quoted], "Ingrid Solheim"),
                ],
            ),
            (
                "translated".to_string(),
                vec![
                    found(&[retold], "Ingrid Solheim"),
                    unmarked(first_person, "Ingrid Solheim"),
                ],
            ),
        ];
        // Words alone: the retelling is an utterance of its own, the unmarked sentence is
        // dropped.
        let words = align(&story);
        assert_eq!(words.len(), 3, "{words:#?}");
        assert!(words.iter().all(|q| q.occurrences.len() == 1));

        let alike: &[&[&str]] = &[&[original, retold], &[first_person, quoted]];
        let q = align_by_meaning(&story, &model(alike));
        assert_eq!(q.len(), 2, "{q:#?}");
        let grades = |q: &Quote| -> Vec<(String, String)> {
            q.occurrences
                .iter()
                .map(|o| (o.article.clone(), o.fidelity.clone()))
                .collect()
        };
        assert_eq!(
            grades(&q[0]),
            [
                ("wire".into(), "verbatim".into()),
                ("translated".into(), "altered".into())
            ]
        );
        assert_eq!(
            grades(&q[1]),
            [
                ("wire".into(), "verbatim".into()),
                ("translated".into(), "paraphrase".into())
            ]
        );

        // The same meaning given to someone else is not the same utterance.
        let mut other = story.clone();
        other[1].1[0].speaker = Some("Per Lindqvist".into());
        let q = align_by_meaning(&other, &model(alike));
        assert!(q
            .iter()
            .all(|q| q.occurrences.iter().all(
                |o| o.speaker.as_deref() != Some("Per Lindqvist") || q.occurrences.len() == 1
            )));

        // Quotations that share too few words are never sent to the model.
        let unrelated = vec![
            (
                "a".to_string(),
                vec![found(&["The harbour reopens in June."], "Ingrid Solheim")],
            ),
            (
                "b".to_string(),
                vec![found(&["Taxes will not rise this year."], "Ingrid Solheim")],
            ),
        ];
        let asked = std::cell::Cell::new(0);
        let counting = |t: &[&str]| {
            asked.set(asked.get() + t.len());
            None
        };
        assert_eq!(align_by_meaning(&unrelated, &counting).len(), 2);
        assert_eq!(asked.get(), 0);
    }

    #[test]
    fn a_report_in_other_words_joins_the_quotation_it_renders_by_meaning() {
        let quoted =
            "I will be calling hearings, and I expect the board to sit in the witness chair,";
        let plans = "she plans to call hearings";
        let oath = "she wants answers under oath";
        let summary = "she will summon the board before the committee";
        // Cosines as a sentence model might give them: a report near the quotation, one
        // near it in meaning alone, one on another matter.
        let cosine = |t: &str| match t {
            x if x == plans => 0.62,
            x if x == oath => 0.66,
            x if x == summary => 0.7,
            _ => 0.1,
        };
        let embed = |texts: &[&str]| -> Option<Vec<Vec<f32>>> {
            Some(
                texts
                    .iter()
                    .map(|t| {
                        if t.starts_with("I will") {
                            vec![1.0, 0.0]
                        } else {
                            let c: f32 = cosine(t);
                            vec![c, (1.0 - c * c).sqrt()]
                        }
                    })
                    .collect(),
            )
        };
        let story = vec![
            (
                "wire".to_string(),
                vec![
                    found(&[quoted], "Delia Frampton"),
                    reported(summary, "Delia Frampton"),
                ],
            ),
            ("post".to_string(), vec![reported(plans, "Delia Frampton")]),
            ("herald".to_string(), vec![reported(oath, "Delia Frampton")]),
        ];
        // Words alone keep them apart.
        let words = align(&story);
        assert_eq!(words.len(), 4, "{words:#?}");
        let q = align_by_meaning(&story, &embed);
        let with_quote = q.iter().find(|q| q.occurrences[0].direct).unwrap();
        // "plans to call hearings" keeps a word of the quotation; "under oath" keeps none;
        // the wire's own summary is its own.
        assert_eq!(
            grades(with_quote),
            [("wire", "verbatim"), ("post", "paraphrase")],
            "{q:#?}"
        );
        assert_eq!(q.len(), 3);

        // A report that an article quoting the words also prints is that article's
        // summary, and the other outlets' versions of it stay with it.
        let story = vec![
            ("wire".to_string(), vec![found(&[quoted], "Delia Frampton")]),
            (
                "herald".to_string(),
                vec![
                    found(&[quoted], "Delia Frampton"),
                    reported(summary, "Delia Frampton"),
                ],
            ),
            (
                "post".to_string(),
                vec![reported(
                    "she will summon the board before the committee next week",
                    "Delia Frampton",
                )],
            ),
        ];
        let q = align_by_meaning(&story, &embed);
        assert_eq!(q.len(), 2, "{q:#?}");
        assert!(q.iter().all(|q| q.occurrences.len() == 2));
    }
}
