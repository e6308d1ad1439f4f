//! Splitting a story that holds two events of one kind.
//!
//! ## What it handles
//! Two events that share their kind and their setting (two pirate captures by one navy, two
//! drink-driving arrests at one club) share most of their words, so they can land in one
//! story. Inside each story of some size, the words every member uses say nothing about
//! which event a member reports; weighting terms by how rare they are *within the story*
//! leaves the specifics (the ship's name, the number captured, the player arrested). The
//! members are grouped again on those alone, and the story is split when that gives two
//! or more substantial groups; a few stragglers join the group they are closest to.
//!
//! ## What it does not
//! Split small stories (too little evidence), or tell apart an event and its follow-up
//! reports when they name the same specifics.

use std::collections::HashMap;

use crate::features::{Features, TermId};
use crate::Settings;

/// The events within one story's members: one group when the story holds one event.
pub(crate) fn split_events(
    features: &[Features],
    members: &[usize],
    s: &Settings,
) -> Vec<Vec<usize>> {
    // Work in key order, so that ties fall the same way whatever order the articles came in.
    let mut members = members.to_vec();
    members.sort_by_key(|&m| features[m].key);
    let members = members.as_slice();
    let k = members.len();
    if !s.split_events || k < s.split_min_size || k > s.split_max_size {
        return vec![members.to_vec()];
    }
    let vectors = local_vectors(features, members);
    let mut sim = vec![vec![0.0f64; k]; k];
    for a in 0..k {
        for b in a + 1..k {
            let x = cosine(&vectors[a], &vectors[b]);
            sim[a][b] = x;
            sim[b][a] = x;
        }
    }
    let groups = average_linkage(&sim, s.split_threshold);
    let least = ((k as f64 * s.split_min_share).ceil() as usize).max(3);
    let (big, small): (Vec<Vec<usize>>, Vec<Vec<usize>>) =
        groups.into_iter().partition(|g| g.len() >= least);
    if big.len() < 2 {
        return vec![members.to_vec()];
    }
    let mut big = big;
    for straggler in small.into_iter().flatten() {
        let mean =
            |g: &Vec<usize>| g.iter().map(|&m| sim[straggler][m]).sum::<f64>() / g.len() as f64;
        let best = (0..big.len())
            .max_by(|&x, &y| mean(&big[x]).total_cmp(&mean(&big[y])).then(y.cmp(&x)))
            .unwrap_or(0);
        big[best].push(straggler);
    }
    let mut out: Vec<Vec<usize>> = big
        .into_iter()
        .map(|g| {
            let mut g: Vec<usize> = g.into_iter().map(|i| members[i]).collect();
            g.sort_unstable();
            g
        })
        .collect();
    out.sort();
    out
}

/// Term vectors weighted by rarity within the story: a term every member uses weighs nothing.
fn local_vectors(features: &[Features], members: &[usize]) -> Vec<HashMap<TermId, f32>> {
    let mut df: HashMap<TermId, u32> = HashMap::new();
    for &m in members {
        for &(t, _) in &features[m].terms {
            *df.entry(t).or_default() += 1;
        }
    }
    let k = members.len() as f32;
    members
        .iter()
        .map(|&m| {
            let mut v: HashMap<TermId, f32> = features[m]
                .terms
                .iter()
                .map(|&(t, tf)| {
                    (
                        t,
                        (1.0 + tf.ln()) * ((1.0 + k) / (1.0 + df[&t] as f32)).ln(),
                    )
                })
                .filter(|&(_, w)| w > 0.0)
                .collect();
            let norm = v.values().map(|w| w * w).sum::<f32>().sqrt().max(1e-9);
            v.values_mut().for_each(|w| *w /= norm);
            v
        })
        .collect()
}

fn cosine(a: &HashMap<TermId, f32>, b: &HashMap<TermId, f32>) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .filter_map(|(t, w)| large.get(t).map(|x| (w * x) as f64))
        .sum()
}

/// Average linkage over a dense similarity matrix, merging while the best pair's average
/// similarity is at least `threshold`. Returns groups of row indexes.
fn average_linkage(sim: &[Vec<f64>], threshold: f64) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = (0..sim.len()).map(|i| vec![i]).collect();
    // Sum of similarities between groups.
    let mut sums: Vec<Vec<f64>> = sim.to_vec();
    let mut alive: Vec<bool> = vec![true; sim.len()];
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for a in 0..groups.len() {
            if !alive[a] {
                continue;
            }
            for b in a + 1..groups.len() {
                if !alive[b] {
                    continue;
                }
                let avg = sums[a][b] / (groups[a].len() * groups[b].len()) as f64;
                if best.is_none_or(|(x, _, _)| avg > x) {
                    best = Some((avg, a, b));
                }
            }
        }
        let Some((avg, a, b)) = best else { break };
        if avg < threshold {
            break;
        }
        let moved = std::mem::take(&mut groups[b]);
        groups[a].extend(moved);
        alive[b] = false;
        for c in 0..groups.len() {
            if c != a && alive[c] {
                let x = sums[a][c] + sums[b][c];
                sums[a][c] = x;
                sums[c][a] = x;
            }
        }
    }
    groups
        .into_iter()
        .zip(alive)
        .filter(|(_, a)| *a)
        .map(|(g, _)| g)
        .collect()
}
