//! What the grouping keeps of each article: a few kilobytes, whatever the article's size.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use parallax_model::{Article, Kind};

use crate::terms::{terms, Term, TermWeights};

/// Number of MinHash values kept per article.
pub(crate) const MINHASH: usize = 128;
/// Words per shingle for copy detection.
const SHINGLE: usize = 5;
/// Most terms kept per article (the most frequent).
const MAX_TERMS: usize = 200;

/// The compact description of one article that story grouping works on.
#[derive(Debug, Clone)]
pub struct Features {
    /// Article id.
    pub id: String,
    /// A hash of the id: breaks ties so that results depend on which articles there are,
    /// never on the order they arrived in.
    pub(crate) key: u64,
    /// Publication time, seconds since the epoch.
    pub published: Option<i64>,
    /// News, opinion or other.
    pub kind: Kind,
    /// Headline, when known.
    pub title: Option<String>,
    /// The body's first sentence, for a headline when no article has a title.
    pub lead: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Weighted terms (hashed), most frequent first.
    pub(crate) terms: Vec<(TermId, f32)>,
    /// The terms specific to one event (names, numbers), hashed and sorted.
    pub(crate) specifics: Vec<TermId>,
    /// MinHash signature of the body's word shingles.
    pub(crate) minhash: Vec<u32>,
    /// Number of distinct shingles.
    pub(crate) shingles: usize,
    /// A sentence embedding of the headline and opening, as unit-vector components times
    /// 127 (one byte each); empty when no model was used.
    pub(crate) embedding: Vec<i8>,
}

impl Features {
    /// Describes a cleaned article.
    pub fn of(article: &Article, weights: &TermWeights) -> Features {
        let title = article.title.clone().unwrap_or_default();
        let mut weighted: Vec<(String, Term)> =
            terms(&format!("{title}\n{}", article.body), weights)
                .into_iter()
                .collect();
        weighted.sort_by(|a, b| {
            b.1.weight
                .total_cmp(&a.1.weight)
                .then_with(|| a.0.cmp(&b.0))
        });
        weighted.truncate(MAX_TERMS);
        let mut specifics: Vec<TermId> = weighted
            .iter()
            .filter(|(_, t)| t.specific)
            .map(|(k, _)| term_id(k))
            .collect();
        specifics.sort_unstable();
        let (minhash, shingles) = minhash(&article.body);
        let lead = article
            .body
            .split_inclusive(['.', '\n'])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        Features {
            id: article.id.clone(),
            key: hash(&article.id, 11),
            published: article.published.map(|t| t.timestamp()),
            kind: article.kind,
            title: article.title.clone(),
            lead,
            outlet: article.outlet.clone(),
            terms: weighted
                .into_iter()
                .map(|(k, t)| (term_id(&k), t.weight))
                .collect(),
            specifics,
            minhash,
            shingles,
            embedding: Vec::new(),
        }
    }

    /// Gives the article another id (when its own was taken by an earlier article).
    pub fn rename(&mut self, id: &str) {
        self.id = id.to_string();
        self.key = hash(id, 11);
    }

    /// Adds a sentence embedding (a unit vector) of the article, stored at one byte per
    /// component: cosines between stored vectors are within about 0.01 of the exact ones.
    pub fn set_embedding(&mut self, unit: &[f32]) {
        self.embedding = unit
            .iter()
            .map(|x| (x * 127.0).round().clamp(-127.0, 127.0) as i8)
            .collect();
    }

    /// True when the article carries a sentence embedding.
    pub fn has_embedding(&self) -> bool {
        !self.embedding.is_empty()
    }
}

/// Cosine of two stored embeddings, when both articles have one.
pub(crate) fn embedding_cosine(a: &Features, b: &Features) -> Option<f64> {
    if a.embedding.is_empty() || a.embedding.len() != b.embedding.len() {
        return None;
    }
    let dot: i32 = a
        .embedding
        .iter()
        .zip(&b.embedding)
        .map(|(&x, &y)| x as i32 * y as i32)
        .sum();
    Some(dot as f64 / (127.0 * 127.0))
}

/// A term, hashed to 32 bits: with millions of distinct terms a few collide, which only
/// adds a little noise to similarities, and halves the memory every term costs.
pub(crate) type TermId = u32;

/// The 32-bit id of a term.
pub(crate) fn term_id(term: &str) -> TermId {
    (hash(term, 0) >> 32) as TermId
}

pub(crate) fn hash<T: Hash + ?Sized>(t: &T, seed: u64) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    seed.hash(&mut h);
    t.hash(&mut h);
    h.finish()
}

/// MinHash over lower-cased word shingles; also returns how many distinct shingles there
/// were.
fn minhash(body: &str) -> (Vec<u32>, usize) {
    let words: Vec<String> = parallax_text::words(body)
        .map(|s| s.slice(body).to_lowercase())
        .collect();
    let mut shingles: HashMap<u64, ()> = HashMap::new();
    if words.len() >= SHINGLE {
        for w in words.windows(SHINGLE) {
            shingles.insert(hash(w, 7), ());
        }
    } else if !words.is_empty() {
        shingles.insert(hash(&words, 7), ());
    }
    let mut sig = vec![u32::MAX; MINHASH];
    for &s in shingles.keys() {
        for (k, slot) in sig.iter_mut().enumerate() {
            // Cheap independent permutations: multiply-xorshift of the shingle hash.
            let mut x = s ^ (k as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
            x = (x ^ (x >> 31)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            x ^= x >> 29;
            let x = (x >> 32) as u32;
            if x < *slot {
                *slot = x;
            }
        }
    }
    (sig, shingles.len())
}

/// Estimated Jaccard similarity of two articles' shingle sets.
pub(crate) fn resemblance(a: &Features, b: &Features) -> f64 {
    if a.shingles == 0 || b.shingles == 0 {
        return 0.0;
    }
    let same = a
        .minhash
        .iter()
        .zip(&b.minhash)
        .filter(|(x, y)| x == y)
        .count();
    same as f64 / MINHASH as f64
}

/// Estimated share of the smaller article's shingles found in the larger one.
pub(crate) fn containment(a: &Features, b: &Features, jaccard: f64) -> f64 {
    let (small, large) = if a.shingles <= b.shingles {
        (a.shingles, b.shingles)
    } else {
        (b.shingles, a.shingles)
    };
    if small == 0 {
        return 0.0;
    }
    (jaccard * (small + large) as f64 / ((1.0 + jaccard) * small as f64)).min(1.0)
}
