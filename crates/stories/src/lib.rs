//! Stories: grouping cleaned articles into events, spotting syndicated copies, and naming
//! the original report.
//!
//! Grouping works on [`Features`], a few kilobytes per article made in the per-article
//! stage, so memory grows with the number of articles' summaries, never with their text.
//!
//! ```
//! use parallax_model::Article;
//! use parallax_stories::{group, Features, Settings};
//!
//! let mut a = Article::new("a", "a.txt");
//! a.body = "Floodwater closed the Lisk bridge on Monday, the mayor of Lisk said.".into();
//! let mut b = Article::new("b", "b.txt");
//! b.body = "The mayor of Lisk closed the bridge after floodwater rose on Monday.".into();
//! let mut c = Article::new("c", "c.txt");
//! c.body = "Harbour United beat Kessa Rovers 3-1 in the cup final.".into();
//! let features: Vec<Features> = [a, b, c].iter().map(|x| Features::of(x, &Default::default())).collect();
//! let grouping = group(&features, &Settings::default());
//! assert_eq!(grouping.story_of, vec![0, 0, 1]);
//! ```

mod copies;
mod features;
mod group;
mod index;
mod lone;
mod split;
mod terms;

use serde::{Deserialize, Serialize};

pub use features::Features;
pub use index::StoryIndex;
use parallax_model::Kind;
pub use terms::TermWeights;

/// The story stage's knobs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// How much names, capitalised words and numbers count.
    pub weights: TermWeights,
    /// Lowest average similarity at which two groups of articles are one story.
    pub threshold: f64,
    /// Dated articles naming at least this many specific things (names, numbers) ...
    pub min_specifics: usize,
    /// ... and sharing none of them have their similarity multiplied by this.
    pub no_shared_specifics: f64,
    /// Days within which publication times do not count against similarity.
    pub window_days: f64,
    /// Terms per article put in the candidate index.
    pub index_terms: usize,
    /// Terms shared by more articles than this do not make candidates.
    pub max_posting: usize,
    /// Terms shared by more articles than this within an article's time reach do not make
    /// candidates for it.
    pub max_window_postings: usize,
    /// Most candidates compared with each article (those sharing the most terms).
    pub max_candidates: usize,
    /// Most neighbours kept per article.
    pub max_neighbors: usize,
    /// Split a story in two when, weighing words by their rarity within it, its members fall
    /// into separate groups (two events of one kind).
    pub split_events: bool,
    /// Lowest average within-story similarity that keeps members in one event.
    pub split_threshold: f64,
    /// Smallest story considered for splitting.
    pub split_min_size: usize,
    /// Largest story considered for splitting (the check is quadratic in its size).
    pub split_max_size: usize,
    /// Smallest share of the story each part of a split must hold.
    pub split_min_share: f64,
    /// Lowest average similarity at which a lone opinion column joins a story it names
    /// something of.
    pub opinion_threshold: f64,
    /// Lowest average similarity at which a lone report joins a story whose closest member
    /// reaches `threshold` (a retelling of the original report, in other words than the
    /// story's other rewrites).
    pub retelling_threshold: f64,
    /// Lowest shingle resemblance (Jaccard) for a syndicated copy.
    pub copy_resemblance: f64,
    /// Lowest shingle containment for a syndicated copy that was cut short.
    pub copy_containment: f64,
    /// Lowest shingle resemblance with the original report for a rewrite of it.
    pub rewrite_resemblance: f64,
    /// How much sentence embeddings add to the term cosine, when both articles carry one
    /// (0 turns them off, and articles are then not embedded at all).
    pub embedding_weight: f64,
    /// Embedding cosine that counts as no likeness at all (what any two news texts share).
    pub embedding_floor: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            weights: TermWeights::default(),
            threshold: 0.15,
            min_specifics: 3,
            no_shared_specifics: 0.3,
            window_days: 4.0,
            index_terms: 24,
            max_posting: 5000,
            max_window_postings: 300,
            max_candidates: 100,
            max_neighbors: 64,
            split_events: true,
            split_threshold: 0.05,
            split_min_size: 6,
            split_max_size: 400,
            split_min_share: 0.3,
            opinion_threshold: 0.05,
            retelling_threshold: 0.10,
            copy_resemblance: 0.6,
            copy_containment: 0.9,
            rewrite_resemblance: 0.03,
            // Measured on ECB+ with all-MiniLM-L6-v2 over each article's first 128 word
            // pieces: weight 0.1 above a floor of 0.7 gave train 0.912 / dev 0.930 B-cubed,
            // against 0.911 / 0.937 on words alone, and more weight did worse (two events of
            // one kind read alike to the model). So it is off unless asked for.
            embedding_weight: 0.0,
            embedding_floor: 0.7,
        }
    }
}

/// One story: its members and what reads as the original report.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Members (indexes into the features), earliest first.
    pub members: Vec<usize>,
    /// The original report, if one reads as such.
    pub origin: Option<usize>,
    /// A short description of the event.
    pub headline: String,
    /// Who copied or rewrote whom, where the text shows it.
    pub lineage: Vec<Lineage>,
}

/// One article's debt to an earlier one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lineage {
    /// The later article (index into the features).
    pub article: usize,
    /// The article it took from.
    pub source: usize,
    /// A near-verbatim copy, or a rewrite that keeps whole phrases.
    pub relation: Relation,
    /// Shingle resemblance of the two bodies, 0..1.
    pub similarity: f64,
}

/// How a later article relates to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Syndicated: near-verbatim.
    Copy,
    /// Rewritten from it, keeping whole phrases.
    Rewrite,
}

/// The stories of a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct Grouping {
    /// Story number of each article.
    pub story_of: Vec<usize>,
    /// The stories, in order of their first article in the input.
    pub stories: Vec<Group>,
    /// For each article that is a syndicated copy: the earlier article and the resemblance.
    pub copy_of: Vec<Option<(usize, f64)>>,
}

/// A key for a story that depends only on who is in it (the smallest hash of its members'
/// ids): the same whatever order the articles arrived in.
pub fn story_key(features: &[Features], members: &[usize]) -> String {
    let key = members.iter().map(|&m| features[m].key).min().unwrap_or(0);
    format!("{key:016x}")
}

/// Groups articles into stories.
pub fn group(features: &[Features], settings: &Settings) -> Grouping {
    let vectors = group::Vectors::new(features);
    let first_pass = group::cluster(features, &vectors, settings);
    let count = first_pass
        .group_of
        .iter()
        .copied()
        .max()
        .map_or(0, |m| m + 1);
    let mut candidates: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (i, &s) in first_pass.group_of.iter().enumerate() {
        candidates[s].push(i);
    }
    let mut members: Vec<Vec<usize>> = candidates
        .iter()
        .flat_map(|m| split::split_events(features, m, settings))
        .collect();
    lone::attach_lone(
        features,
        &vectors,
        &first_pass.closest,
        &mut members,
        settings,
    );
    members.sort_by_key(|m| m.iter().copied().min());
    let mut story_of = vec![0; features.len()];
    for (s, m) in members.iter().enumerate() {
        for &i in m {
            story_of[i] = s;
        }
    }
    let count = members.len();
    let mut copy_of = vec![None; features.len()];
    let mut stories = Vec::with_capacity(count);
    for mut m in members {
        m.sort_by_key(|&i| earliest_key(&features[i]));
        copies::find_copies(features, &m, settings, &mut copy_of);
        let origin = origin(features, &vectors, &m, &copy_of, settings);
        let headline = headline(features, &m, origin);
        let lineage = copies::lineage(features, &m, origin, &copy_of, settings);
        stories.push(Group {
            members: m,
            origin,
            headline,
            lineage,
        });
    }
    Grouping {
        story_of,
        stories,
        copy_of,
    }
}

/// Sort key that puts dated articles first, earliest first, then the rest; ties go by id, so
/// that input order never decides which article is "earlier".
fn earliest_key(f: &Features) -> (bool, i64, &str) {
    (
        f.published.is_none(),
        f.published.unwrap_or(0),
        f.id.as_str(),
    )
}

/// The member that reads as the original report: a news article that others copied, or
/// failing that the one closest to all the others (the wire copy others rewrote shares most
/// with each of them); among near-ties, the earliest.
fn origin(
    f: &[Features],
    v: &group::Vectors,
    members: &[usize],
    copy_of: &[Option<(usize, f64)>],
    s: &Settings,
) -> Option<usize> {
    let news: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&i| f[i].kind == Kind::News && copy_of[i].is_none())
        .collect();
    match news.len() {
        0 => return None,
        1 => return Some(news[0]),
        _ => {}
    }
    let score = |i: usize| {
        let others: Vec<usize> = members.iter().copied().filter(|&j| j != i).collect();
        let copies = members
            .iter()
            .filter(|&&j| copy_of[j].is_some_and(|(o, _)| o == i))
            .count();
        let mean = others
            .iter()
            .map(|&j| group::similarity(v, f, i, j, s))
            .sum::<f64>()
            / others.len().max(1) as f64;
        mean + copies as f64
    };
    let scores: Vec<(usize, f64)> = news.iter().map(|&i| (i, score(i))).collect();
    let best = scores.iter().map(|x| x.1).fold(f64::MIN, f64::max);
    scores
        .iter()
        .filter(|x| x.1 >= best * 0.9)
        .min_by_key(|x| earliest_key(&f[x.0]))
        .map(|x| x.0)
}

fn headline(f: &[Features], members: &[usize], origin: Option<usize>) -> String {
    let pick = origin.into_iter().chain(members.iter().copied());
    let titled = pick
        .clone()
        .find_map(|i| f[i].title.clone().filter(|t| !t.trim().is_empty()));
    titled.unwrap_or_else(|| {
        let lead = pick
            .map(|i| f[i].lead.clone())
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        let words: Vec<&str> = lead.split_whitespace().collect();
        if words.len() > 16 {
            format!("{}…", words[..16].join(" "))
        } else {
            lead
        }
    })
}

#[cfg(test)]
mod tests;
