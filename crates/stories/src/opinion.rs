//! Opinion columns that stand alone after grouping.
//!
//! ## What it handles
//! A column about an event uses fewer of the event's words than a report does (it argues,
//! it does not retell), so it can fall below the grouping threshold and end up alone. A
//! lone column joins the story it is closest to when its average similarity to that
//! story's articles reaches `opinion_threshold` and it names one of the story's specific
//! things (a place, a person, a number) that is not common across the corpus.
//!
//! ## What it does not
//! Move a column that already shares a story with other articles, or attach news reports:
//! a lone report is a story of its own.

use std::collections::{HashMap, HashSet};

use parallax_model::Kind;

use crate::features::{Features, TermId};
use crate::group::{similarity, Vectors};
use crate::Settings;

/// Moves lone opinion columns into the stories they comment on.
pub(crate) fn attach_lone_opinions(
    f: &[Features],
    v: &Vectors,
    groups: &mut Vec<Vec<usize>>,
    s: &Settings,
) {
    let mut group_of: Vec<usize> = vec![0; f.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let mut index: HashMap<TermId, Vec<usize>> = HashMap::new();
    for (i, terms) in v.specifics.iter().enumerate() {
        for &t in terms {
            index.entry(t).or_default().push(i);
        }
    }
    let lone: Vec<usize> = groups
        .iter()
        .filter(|g| g.len() == 1 && f[g[0]].kind == Kind::Opinion)
        .map(|g| g[0])
        .collect();
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for op in lone {
        let mut candidates: HashSet<usize> = HashSet::new();
        for t in &v.specifics[op] {
            let postings = &index[t];
            if postings.len() <= s.max_window_postings {
                candidates.extend(
                    postings
                        .iter()
                        .map(|&i| group_of[i])
                        .filter(|&g| g != group_of[op]),
                );
            }
        }
        let mut candidates: Vec<usize> = candidates.into_iter().collect();
        candidates.sort_unstable();
        let best = candidates
            .into_iter()
            .filter(|&g| groups[g].iter().any(|&m| f[m].kind == Kind::News))
            .map(|g| {
                let mean = groups[g]
                    .iter()
                    .map(|&m| similarity(v, f, op, m, s))
                    .sum::<f64>()
                    / groups[g].len() as f64;
                (g, mean)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        if let Some((g, mean)) = best.filter(|&(_, mean)| mean >= s.opinion_threshold) {
            let _ = mean;
            moves.push((op, g));
        }
    }
    for (op, g) in moves {
        let from = group_of[op];
        groups[from].retain(|&m| m != op);
        groups[g].push(op);
    }
    groups.retain(|g| !g.is_empty());
    for g in groups.iter_mut() {
        g.sort_unstable();
    }
}
