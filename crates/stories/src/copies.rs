//! Syndicated copies and rewrites within a story.
//!
//! ## What it handles
//! - Copies: a later member whose word shingles resemble an earlier member's closely
//!   (Jaccard at least `copy_resemblance`), or that holds nearly all of a shorter version
//!   (containment at least `copy_containment`): a syndicated copy with a paragraph changed
//!   and other boilerplate. Candidate pairs come from locality-sensitive hashing: the
//!   MinHash signature is cut into bands, and only members sharing a band are compared, so a
//!   large story is not compared pair by pair.
//! - Rewrites: a member that is no copy but keeps whole phrases of the original report
//!   (shingle resemblance at least `rewrite_resemblance`).
//!
//! ## What it does not
//! Say who rewrote whom between two rewrites, or find a rewrite that keeps no phrase of
//! its source (a translation).

use std::collections::HashMap;

use crate::features::{self, Features, MINHASH};
use crate::{Lineage, Relation, Settings};

/// Rows per LSH band: with two rows and 64 bands, pairs at resemblance 0.3 meet in some
/// band with probability above 0.99.
const ROWS: usize = 2;

/// Marks near-verbatim copies among `members` (earliest first): each later member that
/// resembles an earlier one closely gets that one as its `copy_of`.
pub(crate) fn find_copies(
    f: &[Features],
    members: &[usize],
    s: &Settings,
    copy_of: &mut [Option<(usize, f64)>],
) {
    // Positions (in `members`) of the earlier members sharing a band with each member.
    let mut buckets: HashMap<(usize, u64), Vec<usize>> = HashMap::new();
    let mut earlier: Vec<Vec<usize>> = vec![Vec::new(); members.len()];
    for (k, &m) in members.iter().enumerate() {
        if f[m].shingles == 0 {
            continue;
        }
        for band in 0..MINHASH / ROWS {
            let rows = &f[m].minhash[band * ROWS..(band + 1) * ROWS];
            let key = features::hash(rows, band as u64);
            let bucket = buckets.entry((band, key)).or_default();
            earlier[k].extend(bucket.iter().copied());
            bucket.push(k);
        }
    }
    for (k, &later) in members.iter().enumerate() {
        let mut candidates = std::mem::take(&mut earlier[k]);
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, f64)> = None;
        for e in candidates {
            let source = members[e];
            if copy_of[source].is_some() {
                continue;
            }
            let j = features::resemblance(&f[source], &f[later]);
            let c = features::containment(&f[source], &f[later], j);
            let is_copy = j >= s.copy_resemblance
                || (c >= s.copy_containment && j >= s.copy_resemblance / 2.0);
            if is_copy && best.is_none_or(|(_, b)| j > b) {
                best = Some((source, j));
            }
        }
        copy_of[later] = best.map(|(e, j)| (e, round(j)));
    }
}

/// Who copied or rewrote whom in one story.
pub(crate) fn lineage(
    f: &[Features],
    members: &[usize],
    origin: Option<usize>,
    copy_of: &[Option<(usize, f64)>],
    s: &Settings,
) -> Vec<Lineage> {
    let mut out = Vec::new();
    for &m in members {
        if let Some((source, similarity)) = copy_of[m] {
            out.push(Lineage {
                article: m,
                source,
                relation: Relation::Copy,
                similarity,
            });
        } else if let Some(o) = origin.filter(|&o| o != m) {
            let j = features::resemblance(&f[o], &f[m]);
            if j >= s.rewrite_resemblance {
                out.push(Lineage {
                    article: m,
                    source: o,
                    relation: Relation::Rewrite,
                    similarity: round(j),
                });
            }
        }
    }
    out
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
