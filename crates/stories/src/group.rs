//! Average-linkage grouping over a sparse similarity graph.
//!
//! ## What it handles
//! Articles become stories when their average pairwise similarity stays above the
//! threshold; only pairs that share at least one distinctive term and lie within reach of
//! each other in time are ever compared (an inverted index over each article's
//! highest-weighted terms, its postings sorted by time), and each article keeps its closest
//! neighbours only, so cost grows about linearly with the corpus. Average linkage keeps a chain of loosely related
//! articles from collapsing into one story, as single linkage would.
//!
//! ## What it does not
//! Re-split a story once merged, or use entities, numbers and dates beyond their words.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

use rayon::prelude::*;

use crate::features::{Features, TermId};
use crate::Settings;

/// Weighted, normalised term vectors with inverse document frequency.
pub(crate) struct Vectors {
    pub vectors: Vec<Vec<(TermId, f32)>>,
    /// Each article's specific terms that are not everywhere in the corpus, sorted.
    pub specifics: Vec<Vec<TermId>>,
}

impl Vectors {
    pub(crate) fn new(features: &[Features]) -> Vectors {
        let mut df: HashMap<TermId, u32> = HashMap::new();
        for f in features {
            for &(t, _) in &f.terms {
                *df.entry(t).or_default() += 1;
            }
        }
        let n = features.len() as f32;
        let vectors = features
            .iter()
            .map(|f| {
                let mut v: Vec<(TermId, f32)> = f
                    .terms
                    .iter()
                    .map(|&(t, tf)| {
                        let idf = ((1.0 + n) / (1.0 + df[&t] as f32)).ln() + 1.0;
                        (t, (1.0 + tf.ln()) * idf)
                    })
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
                v.iter_mut().for_each(|(_, w)| *w /= norm);
                v.sort_by_key(|&(t, _)| t);
                v
            })
            .collect();
        // A name in one article in a hundred (or in twenty articles, in a small corpus) is
        // everywhere: the capital, the head of state.
        let common = (features.len() / 100).max(20) as u32;
        let specifics = features
            .iter()
            .map(|f| {
                f.specifics
                    .iter()
                    .copied()
                    .filter(|t| df.get(t).is_none_or(|&d| d <= common))
                    .collect()
            })
            .collect();
        Vectors { vectors, specifics }
    }

    pub(crate) fn cosine(&self, a: usize, b: usize) -> f64 {
        let (x, y) = (&self.vectors[a], &self.vectors[b]);
        let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                Ordering::Less => i += 1,
                Ordering::Greater => j += 1,
                Ordering::Equal => {
                    dot += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot as f64
    }
}

/// Similarity of two articles: term cosine, lowered when their publication times lie far
/// apart (two events at one company months apart share names, not time), and lowered when
/// both are dated, name several specific things (people, places, numbers) and share none
/// of them (two floods on one day in two towns share every word but the names).
pub(crate) fn similarity(v: &Vectors, f: &[Features], a: usize, b: usize, s: &Settings) -> f64 {
    let mut sim = v.cosine(a, b);
    // Meaning, where both articles carry an embedding: a rewrite that shares few words with
    // a report of the same event still says the same thing. It only adds: cosines below
    // the floor are what any two news texts share, and count as nothing.
    if let Some(e) = crate::features::embedding_cosine(&f[a], &f[b]) {
        let meaning = ((e - s.embedding_floor) / (1.0 - s.embedding_floor)).max(0.0);
        sim += s.embedding_weight * meaning;
    }
    // Two reports of one event name something in common; two events of one kind in the same
    // days need not. Without dates this cannot be told from two reports of one event that
    // dwell on different things, so it applies to dated articles only.
    let dated = f[a].published.is_some() && f[b].published.is_some();
    let (x, y) = (&v.specifics[a], &v.specifics[b]);
    if dated && x.len() >= s.min_specifics && y.len() >= s.min_specifics && !shares_any(x, y) {
        sim *= s.no_shared_specifics;
    }
    if let (Some(x), Some(y)) = (f[a].published, f[b].published) {
        let days = (x - y).abs() as f64 / 86_400.0;
        if days > s.window_days {
            sim *= (-(days - s.window_days) / s.window_days).exp();
        }
    }
    sim
}

/// True when two sorted lists share an element.
fn shares_any(x: &[TermId], y: &[TermId]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => return true,
        }
    }
    false
}

/// The articles that index one term: the dated ones sorted by time, and the undated ones
/// (indexes as u32: postings are the second-largest structure of a run).
type Postings = (Vec<u32>, Vec<u32>);

/// How far apart (in days) two dated articles can be and still reach the threshold.
fn reach_days(s: &Settings) -> f64 {
    s.window_days + s.window_days * (1.0 / s.threshold.max(1e-6)).ln()
}

/// Each article's neighbours and their similarity: articles that share at least one of its
/// most distinctive terms and lie within reach in time, the closest `max_neighbors` kept.
fn neighbours(features: &[Features], v: &Vectors, s: &Settings) -> Vec<Vec<(u32, f32)>> {
    // Postings per term: dated members sorted by time, then the undated ones.
    let mut index: HashMap<TermId, Postings> = HashMap::new();
    let top_terms: Vec<Vec<TermId>> = v
        .vectors
        .iter()
        .map(|vec| {
            let mut top: Vec<&(TermId, f32)> = vec.iter().collect();
            top.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            top.iter().take(s.index_terms).map(|x| x.0).collect()
        })
        .collect();
    for (i, terms) in top_terms.iter().enumerate() {
        for &t in terms {
            let entry = index.entry(t).or_default();
            match features[i].published {
                Some(_) => entry.0.push(i as u32),
                None => entry.1.push(i as u32),
            }
        }
    }
    let time = |b: &u32| features[*b as usize].published.unwrap_or(0);
    for (dated, _) in index.values_mut() {
        dated.sort_unstable_by_key(|b| (time(b), *b));
    }
    let reach = (reach_days(s) * 86_400.0) as i64;
    let found: Vec<Vec<(u32, f32)>> = (0..features.len())
        .into_par_iter()
        .map(|a| {
            let mut shared: HashMap<usize, u32> = HashMap::new();
            for t in &top_terms[a] {
                let (dated, undated) = &index[t];
                // A term shared by a large part of the corpus picks out no event.
                if dated.len() + undated.len() > s.max_posting {
                    continue;
                }
                let slice = match features[a].published {
                    Some(p) => {
                        let lo = dated.partition_point(|b| time(b) < p - reach);
                        let hi = dated.partition_point(|b| time(b) <= p + reach);
                        &dated[lo..hi]
                    }
                    None => &dated[..],
                };
                // So is a term that many articles of the same days share: a word of the
                // day's news, not of one event.
                if slice.len() + undated.len() > s.max_window_postings {
                    continue;
                }
                for b in slice.iter().chain(undated).map(|&b| b as usize) {
                    if b != a {
                        *shared.entry(b).or_default() += 1;
                    }
                }
            }
            let mut candidates: Vec<(usize, u32)> = shared.into_iter().collect();
            candidates.sort_unstable_by(|x, y| {
                y.1.cmp(&x.1)
                    .then(features[x.0].key.cmp(&features[y.0].key))
            });
            candidates.truncate(s.max_candidates);
            let mut sims: Vec<(usize, f64)> = candidates
                .into_iter()
                .map(|(b, _)| (b, similarity(v, features, a, b, s)))
                .filter(|&(_, sim)| sim > 0.0)
                .collect();
            sims.sort_unstable_by(|x, y| {
                y.1.total_cmp(&x.1)
                    .then(features[x.0].key.cmp(&features[y.0].key))
            });
            sims.truncate(s.max_neighbors);
            sims.into_iter()
                .map(|(b, sim)| (b as u32, sim as f32))
                .collect()
        })
        .collect();
    found
}

#[derive(PartialEq)]
struct Link {
    average: f64,
    a: u32,
    b: u32,
    /// The two groups' keys, smaller first: ties are broken by these, not by position.
    keys: (u64, u64),
    versions: (u32, u32),
}

impl Eq for Link {}
impl PartialOrd for Link {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Link {
    fn cmp(&self, other: &Self) -> Ordering {
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.keys.cmp(&self.keys))
    }
}

/// What grouping found.
pub(crate) struct Clusters {
    /// Each article's group number (groups numbered from 0 in order of their first article).
    pub group_of: Vec<usize>,
    /// Each article's closest article and their similarity, among those compared.
    pub closest: Vec<Option<(u32, f32)>>,
}

/// Groups articles.
pub(crate) fn cluster(features: &[Features], v: &Vectors, s: &Settings) -> Clusters {
    let n = features.len();
    // Sums of similarities between groups, by group, each list sorted by group (article
    // indexes as u32 and sums as f32, in sorted lists rather than hash maps: this is the
    // largest structure of a run, a few hundred bytes per article).
    let found = neighbours(features, v, s);
    // Each list is made its full size at once (growing by doubling leaves up to half of
    // each unused).
    let mut degree: Vec<u32> = found.iter().map(|near| near.len() as u32).collect();
    for near in &found {
        for &(b, _) in near {
            degree[b as usize] += 1;
        }
    }
    let mut sums: Vec<Vec<(u32, f32)>> = degree
        .into_iter()
        .map(|d| Vec::with_capacity(d as usize))
        .collect();
    for (a, near) in found.into_iter().enumerate() {
        for (b, sim) in near {
            sums[a].push((b, sim));
            sums[b as usize].push((a as u32, sim));
        }
    }
    for links in &mut sums {
        // A pair found from both ends has one similarity (it is symmetric).
        links.sort_unstable_by_key(|&(b, _)| b);
        links.dedup_by_key(|&mut (b, _)| b);
        links.shrink_to_fit();
    }
    // Ties go to the smaller key, so that arrival order never decides.
    let closest: Vec<Option<(u32, f32)>> = sums
        .iter()
        .map(|links| {
            links.iter().copied().max_by(|x, y| {
                x.1.total_cmp(&y.1)
                    .then(features[y.0 as usize].key.cmp(&features[x.0 as usize].key))
            })
        })
        .collect();
    let mut size = vec![1usize; n];
    let mut alive = vec![true; n];
    let mut version = vec![0u32; n];
    let mut parent: Vec<usize> = (0..n).collect();
    // Each group's key is the smallest key of its members.
    let mut key: Vec<u64> = features.iter().map(|f| f.key).collect();
    let keys = |key: &[u64], x: usize, y: usize| (key[x].min(key[y]), key[x].max(key[y]));
    // The first links are counted, then laid out at once and made a heap in place: a heap
    // grown by doubling copies its largest buffer on the way.
    let first = || {
        sums.iter().enumerate().flat_map(|(a, links)| {
            links
                .iter()
                .map(move |&(b, sum)| (a, b as usize, sum as f64))
                .filter(|&(a, b, sum)| a < b && sum >= s.threshold)
        })
    };
    let count = first().count();
    let mut links = Vec::with_capacity(count + count / 4);
    links.extend(first().map(|(a, b, sum)| Link {
        average: sum,
        a: a as u32,
        b: b as u32,
        keys: keys(&key, a, b),
        versions: (0, 0),
    }));
    let mut heap = BinaryHeap::from(links);
    while let Some(link) = heap.pop() {
        let (a, b) = (link.a as usize, link.b as usize);
        if !alive[a] || !alive[b] || (version[a], version[b]) != link.versions {
            continue;
        }
        if link.average < s.threshold {
            break;
        }
        // Merge b into a.
        let from_b = std::mem::take(&mut sums[b]);
        for &(c, _) in &from_b {
            if c as usize != a {
                let list = &mut sums[c as usize];
                let moved = take_link(list, b as u32).unwrap_or(0.0);
                add_link(list, a as u32, moved);
            }
        }
        let from_a = std::mem::take(&mut sums[a]);
        sums[a] = merge_links(from_a, from_b, a as u32, b as u32);
        size[a] += size[b];
        key[a] = key[a].min(key[b]);
        alive[b] = false;
        parent[b] = a;
        version[a] += 1;
        for &(c, sum) in &sums[a] {
            let c = c as usize;
            let average = sum as f64 / (size[a] * size[c]) as f64;
            if alive[c] && average >= s.threshold {
                let (x, y) = (a.min(c), a.max(c));
                heap.push(Link {
                    average,
                    a: x as u32,
                    b: y as u32,
                    keys: keys(&key, x, y),
                    versions: (version[x], version[y]),
                });
            }
        }
    }
    drop(sums);
    // Number groups in order of their first article.
    let root = |mut i: usize| {
        while parent[i] != i {
            i = parent[i];
        }
        i
    };
    let mut numbers: HashMap<usize, usize> = HashMap::new();
    let group_of = (0..n)
        .map(|i| {
            let r = root(i);
            let next = numbers.len();
            *numbers.entry(r).or_insert(next)
        })
        .collect();
    Clusters { group_of, closest }
}

/// Removes the link to `to` from a sorted list, returning its sum.
fn take_link(list: &mut Vec<(u32, f32)>, to: u32) -> Option<f32> {
    let at = list.binary_search_by_key(&to, |&(c, _)| c).ok()?;
    Some(list.remove(at).1)
}

/// Adds `sum` to the link to `to` in a sorted list, making the link if there is none.
fn add_link(list: &mut Vec<(u32, f32)>, to: u32, sum: f32) {
    match list.binary_search_by_key(&to, |&(c, _)| c) {
        Ok(at) => list[at].1 += sum,
        Err(at) => list.insert(at, (to, sum)),
    }
}

/// The links of two merged groups `a` and `b`: one sorted list, sums added where both link
/// to one group, without the links between the two.
fn merge_links(x: Vec<(u32, f32)>, y: Vec<(u32, f32)>, a: u32, b: u32) -> Vec<(u32, f32)> {
    let mut out = Vec::with_capacity(x.len() + y.len());
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        let next = match (x.get(i), y.get(j)) {
            (Some(&(c, p)), Some(&(d, q))) => match c.cmp(&d) {
                Ordering::Less => {
                    i += 1;
                    (c, p)
                }
                Ordering::Greater => {
                    j += 1;
                    (d, q)
                }
                Ordering::Equal => {
                    i += 1;
                    j += 1;
                    (c, p + q)
                }
            },
            (Some(&l), None) => {
                i += 1;
                l
            }
            (None, Some(&l)) => {
                j += 1;
                l
            }
            (None, None) => unreachable!("the loop runs while either list has links"),
        };
        if next.0 != a && next.0 != b {
            out.push(next);
        }
    }
    out
}
