//! Articles that stand alone after grouping but belong to a story.
//!
//! ## What it handles
//! Two kinds of article fall below the grouping threshold against a story as a whole:
//! - An opinion column about an event uses fewer of the event's words than a report does
//!   (it argues, it does not retell). A lone column joins the story it is closest to when
//!   its average similarity to the story's articles reaches `opinion_threshold`.
//! - A retelling: a digest or a foreign desk that rewrote the original report in its own
//!   words resembles the report it rewrote, but not the story's other rewrites, each of
//!   which kept different words of the original (a story told from one wire report is
//!   star-shaped). Its average over the story then falls short although its closest
//!   member is as near as any two articles grouping joins. A lone report joins the story
//!   of the article closest to it when that similarity reaches `threshold`, its average
//!   over the story reaches `retelling_threshold`, and it was not published before that
//!   article (a retelling follows its source; a same-place event of the days before, which
//!   shares the names but not the event, is kept out by this).
//!
//! A column must name one of the story's specific things (a place, a person, a number)
//! that is not common across the corpus: its candidates are found through those. A
//! report's only candidate is the story of its closest article (found while grouping, so
//! this costs one pass over that story's members).
//!
//! ## What it does not
//! Move an article that already shares a story with others, or join two lone articles
//! (grouping has compared those itself). A later report of another event that resembles
//! one member as closely as a retelling would (the same place and officials, a day or two
//! after) can still join; in undated corpora so can an earlier one.

use std::collections::{HashMap, HashSet};

use parallax_model::Kind;

use crate::features::{Features, TermId};
use crate::group::{similarity, Vectors};
use crate::Settings;

/// Moves lone opinion columns and lone retellings into the stories they belong to;
/// `closest` is each article's closest article and their similarity.
pub(crate) fn attach_lone(
    f: &[Features],
    v: &Vectors,
    closest: &[Option<(u32, f32)>],
    groups: &mut Vec<Vec<usize>>,
    s: &Settings,
) {
    let mut group_of: Vec<usize> = vec![0; f.len()];
    for (g, members) in groups.iter().enumerate() {
        for &m in members {
            group_of[m] = g;
        }
    }
    let mean = |a: usize, g: usize| {
        groups[g]
            .iter()
            .map(|&m| similarity(v, f, a, m, s))
            .sum::<f64>()
            / groups[g].len() as f64
    };
    let reports = |g: usize| groups[g].iter().any(|&m| f[m].kind == Kind::News);
    let lone = |kind: Kind| {
        groups
            .iter()
            .filter(move |g| g.len() == 1 && f[g[0]].kind == kind)
            .map(|g| g[0])
    };
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for a in lone(Kind::News) {
        let Some((b, sim)) = closest[a] else { continue };
        let g = group_of[b as usize];
        // A retelling comes after the report it retells.
        let later = match (f[a].published, f[b as usize].published) {
            (Some(x), Some(y)) => x >= y,
            _ => true,
        };
        if sim as f64 >= s.threshold
            && later
            && g != group_of[a]
            && groups[g].len() > 1
            && reports(g)
            && mean(a, g) >= s.retelling_threshold
        {
            moves.push((a, g));
        }
    }
    // Columns: the stories that hold one of their specific things.
    let mut index: HashMap<TermId, Vec<usize>> = HashMap::new();
    for (i, terms) in v.specifics.iter().enumerate() {
        for &t in terms {
            index.entry(t).or_default().push(i);
        }
    }
    // A story's key (its smallest member key) breaks ties, never its position.
    let key = |g: usize| groups[g].iter().map(|&i| f[i].key).min().unwrap_or(0);
    for a in lone(Kind::Opinion) {
        let mut candidates: HashSet<usize> = HashSet::new();
        for t in &v.specifics[a] {
            let postings = &index[t];
            if postings.len() <= s.max_window_postings {
                candidates.extend(
                    postings
                        .iter()
                        .map(|&i| group_of[i])
                        .filter(|&g| g != group_of[a]),
                );
            }
        }
        let best = candidates
            .into_iter()
            .filter(|&g| reports(g))
            .map(|g| (g, mean(a, g)))
            .max_by(|x, y| x.1.total_cmp(&y.1).then(key(y.0).cmp(&key(x.0))));
        if let Some((g, _)) = best.filter(|&(_, mean)| mean >= s.opinion_threshold) {
            moves.push((a, g));
        }
    }
    for (a, g) in moves {
        let from = group_of[a];
        groups[from].retain(|&m| m != a);
        groups[g].push(a);
    }
    groups.retain(|g| !g.is_empty());
    for g in groups.iter_mut() {
        g.sort_unstable();
    }
}
