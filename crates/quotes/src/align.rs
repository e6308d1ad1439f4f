//! Grouping one story's quotations into utterances, and grading each outlet's version.
//!
//! ## What it handles
//! Two quotations from different articles are one utterance when their words overlap
//! enough (Dice over word bags at least 0.45, or one nearly contained in the other), and
//! overlap more strongly still (0.7) when the outlets name different speakers: the same
//! words given to two people is itself a finding. Each occurrence is graded against the
//! fullest version: `verbatim` (the same words, case, quote marks and punctuation aside),
//! `trimmed` (its words appear in order in the fuller one, some left out) or `altered`;
//! reported speech ("he said that ...") joins an utterance on a looser word test and is
//! graded `paraphrase`.
//!
//! ## What it does not
//! Align rewordings that share few words (a retranslation): that needs sentence
//! embeddings. Reported speech that renders no quoted utterance is dropped, not reported
//! on its own.

use std::collections::HashMap;

use parallax_model::{Occurrence, Quote};

use crate::extract::Found;

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

fn tokens(parts: &[String]) -> Vec<String> {
    let joined = parts.join(" ");
    parallax_text::words(&joined)
        .map(|s| s.slice(&joined).to_lowercase().replace('’', "'"))
        .collect()
}

fn bag(t: &[String]) -> HashMap<&str, usize> {
    let mut b = HashMap::new();
    for w in t {
        *b.entry(w.as_str()).or_insert(0) += 1;
    }
    b
}

fn overlap(a: &[String], b: &[String]) -> (f64, f64) {
    let (ba, bb) = (bag(a), bag(b));
    let common: usize = ba
        .iter()
        .map(|(w, n)| (*n).min(*bb.get(w).unwrap_or(&0)))
        .sum();
    let dice = 2.0 * common as f64 / (a.len() + b.len()).max(1) as f64;
    let containment = common as f64 / a.len().min(b.len()).max(1) as f64;
    (dice, containment)
}

fn surname(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .and_then(|s| s.split_whitespace().last())
        .map(str::to_lowercase)
}

/// True when `short` is `long` with some words left out.
fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|x| x == w))
}

/// Groups the quotations of one story (article id, its quotations) into utterances.
pub fn align(articles: &[(String, Vec<Found>)]) -> Vec<Quote> {
    let mut items: Vec<(usize, &Found, Vec<String>)> = Vec::new();
    for (a, (_, found)) in articles.iter().enumerate() {
        for f in found {
            items.push((a, f, tokens(&f.parts)));
        }
    }
    let n = items.len();
    // Candidate links, best first; a link is taken unless it would put two quotations of one
    // article into one utterance.
    let mut links: Vec<(f64, usize, usize)> = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if items[i].0 == items[j].0 {
                continue;
            }
            let (dice, containment) = overlap(&items[i].2, &items[j].2);
            let shortest = items[i].2.len().min(items[j].2.len());
            let same_speaker = match (surname(&items[i].1.speaker), surname(&items[j].1.speaker)) {
                (Some(x), Some(y)) => parallax_text::one_letter_apart(&x, &y),
                _ => true,
            };
            let needed = if same_speaker { 0.45 } else { 0.6 };
            let reported = !items[i].1.direct || !items[j].1.direct;
            let linked = if reported {
                // Reported speech keeps fewer of the words: a looser test, same speaker only.
                same_speaker && (dice >= 0.4 || (shortest >= 5 && containment >= 0.6))
            } else {
                dice >= needed || (same_speaker && shortest >= 2 && containment >= 0.85)
            };
            if linked {
                links.push((dice.max(containment * 0.9), i, j));
            }
        }
    }
    links.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut parent: Vec<usize> = (0..n).collect();
    let mut articles_in: Vec<Vec<usize>> = items.iter().map(|(a, _, _)| vec![*a]).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (_, i, j) in links {
        let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
        if ri == rj || articles_in[ri].iter().any(|a| articles_in[rj].contains(a)) {
            continue;
        }
        let (keep, gone) = (ri.min(rj), ri.max(rj));
        parent[gone] = keep;
        let moved = std::mem::take(&mut articles_in[gone]);
        articles_in[keep].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = root(&mut parent, i);
        let g = *index.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    // Reported speech is kept only where it renders an utterance quoted somewhere.
    groups.retain(|g| g.iter().any(|&i| items[i].1.direct));
    groups
        .iter()
        .enumerate()
        .map(|(k, members)| {
            // The reference version is the one the others agree with most (several outlets
            // that print the same words outvote one long rewording), widened to any version
            // that holds it whole with more words.
            let agreement = |i: usize| {
                members
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| overlap(&items[i].2, &items[j].2).0)
                    .sum::<f64>()
            };
            let direct: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| items[i].1.direct)
                .collect();
            let members_all = members;
            let members = &direct;
            let medoid = *members
                .iter()
                .max_by(|&&a, &&b| {
                    agreement(a)
                        .total_cmp(&agreement(b))
                        .then(items[a].2.len().cmp(&items[b].2.len()))
                        .then(b.cmp(&a))
                })
                .expect("a group has members");
            let fullest = *members
                .iter()
                .filter(|&&i| is_subsequence(&items[medoid].2, &items[i].2))
                .max_by_key(|&&i| (items[i].2.len(), std::cmp::Reverse(i)))
                .unwrap_or(&medoid);
            let full = &items[fullest].2;
            let mut votes: HashMap<&str, usize> = HashMap::new();
            for &i in members_all {
                if let Some(s) = &items[i].1.speaker {
                    *votes.entry(s.as_str()).or_default() += 1;
                }
            }
            let speaker = votes
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map(|(s, _)| s.to_string());
            Quote {
                id: format!("Q{}", k + 1),
                speaker,
                speaker_entity: None,
                text: items[fullest].1.parts.join(" "),
                occurrences: members_all
                    .iter()
                    .map(|&i| {
                        let (a, f, t) = &items[i];
                        let fidelity = if !f.direct {
                            Fidelity::Paraphrase
                        } else if t == full {
                            Fidelity::Verbatim
                        } else if is_subsequence(t, full) {
                            Fidelity::Trimmed
                        } else {
                            Fidelity::Altered
                        };
                        Occurrence {
                            article: articles[*a].0.clone(),
                            parts: f.parts.clone(),
                            direct: f.direct,
                            fidelity: fidelity.as_str().to_string(),
                            attribution: f.attribution.clone(),
                            speaker: f.speaker.clone(),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(parts: &[&str], speaker: &str) -> Found {
        Found {
            paragraph: 0,
            parts: parts.iter().map(|s| s.to_string()).collect(),
            attribution: None,
            speaker: Some(speaker.into()),
            direct: true,
        }
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
        let grades: Vec<(&str, &str)> = q[0]
            .occurrences
            .iter()
            .map(|o| (o.article.as_str(), o.fidelity.as_str()))
            .collect();
        assert_eq!(
            grades,
            [
                ("a", "verbatim"),
                ("b", "trimmed"),
                ("c", "verbatim"),
                ("d", "altered")
            ]
        );
        assert_eq!(q[0].speaker.as_deref(), Some("Maren Holt"));
    }
}
