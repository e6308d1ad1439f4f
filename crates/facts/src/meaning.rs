//! Facts two outlets state in their own words: single-source facts of two articles whose
//! sentences mean the same (sentence embeddings), taken together as one agreed fact
//! ("Pharmacies have been told to clear them from their shelves by 6 p.m. on Wednesday" /
//! "Pharmacists had until Wednesday evening to take the affected bottles off their
//! shelves").
//!
//! ## What it handles
//! The facts [`crate::facts`] leaves single-source, one article each: their evidence is
//! embedded where two of two articles share some content words ([`near_pairs`]), and two
//! join where they are each other's closest among the other article's and alike past
//! [`SAME_MEANING`], and the figures both print agree (rounding and hedges as
//! [`crate::disagree`] reads them); a group holds one fact an article.
//!
//! ## What it does not
//! Run without a sentence model, join facts of one article, or tell a copy from an
//! independent outlet (that is [`crate::copies_are_one_source`], run after it).

use std::collections::{BTreeMap, HashMap};

use crate::claims::{content_words, stems};

use parallax_model::{Fact, FactValue};

/// Sentence embeddings of some texts, one vector each (unit length), or None without a
/// model.
pub type EmbedFn<'a> = dyn Fn(&[&str]) -> Option<Vec<Vec<f32>>> + 'a;

/// Least cosine of two sentences' embeddings for them to state one fact. Measured on
/// fictional stories with the bundled MiniLM model: rewordings of one fact by two outlets
/// score about 0.65 to 0.8, and two facts of one story told in similar words as high as
/// 0.78 (two statements of one body) — this threshold joins about one in nine wrongly and
/// leaves most rewordings apart; the figures check keeps two amounts of one kind apart.
pub const SAME_MEANING: f32 = 0.75;

/// Joins the single-source facts of two articles that state one fact, each in its own
/// words, into agreed facts (see the module's notes). `embed` gives sentence embeddings;
/// without them nothing changes.
pub fn agree_by_meaning(facts: &mut Vec<Fact>, embed: &EmbedFn) {
    let alone: Vec<usize> = (0..facts.len())
        .filter(|&i| facts[i].status == "single_source" && one_article(&facts[i]).is_some())
        .collect();
    if alone.len() > MAX_FACTS {
        return;
    }
    let (arts, texts): (Vec<String>, Vec<String>) = alone
        .iter()
        .filter_map(|&i| one_article(&facts[i]))
        .map(|(a, e)| (a.to_string(), e.to_string()))
        .unzip();
    let candidates = near_pairs(&texts, &arts);
    if candidates.is_empty() {
        return;
    }
    let mut which: Vec<usize> = candidates.iter().flat_map(|&(x, y)| [x, y]).collect();
    which.sort_unstable();
    which.dedup();
    let refs: Vec<&str> = which.iter().map(|&k| texts[k].as_str()).collect();
    let Some(vectors) = embed(&refs) else {
        return;
    };
    let slot: HashMap<usize, usize> = which.iter().enumerate().map(|(s, &k)| (k, s)).collect();
    let cosine = |x: usize, y: usize| -> f32 {
        let (a, b) = (&vectors[slot[&x]], &vectors[slot[&y]]);
        a.iter().zip(b).map(|(p, q)| p * q).sum()
    };
    // Each fact's closest candidate in every other article.
    let mut best: HashMap<(usize, &str), (usize, f32)> = HashMap::new();
    for &(x, y) in &candidates {
        let c = cosine(x, y);
        for (from, to) in [(x, y), (y, x)] {
            let e = best.entry((from, arts[to].as_str())).or_insert((to, c));
            if c > e.1 {
                *e = (to, c);
            }
        }
    }
    let closest = |x: usize, y: usize| best.get(&(x, arts[y].as_str())).is_some_and(|b| b.0 == y);
    let mut pairs: Vec<(f32, usize, usize)> = candidates
        .iter()
        .map(|&(x, y)| (cosine(x, y), x, y))
        .filter(|&(c, x, y)| {
            c >= SAME_MEANING && closest(x, y) && closest(y, x) && figures_fit(&texts[x], &texts[y])
        })
        .collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    join(facts, &alone, &pairs, &arts);
}

/// Most single-source facts of a story compared by meaning: a story of more (hundreds of
/// articles of one event) keeps its single-source facts as they are, at the cost of
/// its words alone.
const MAX_FACTS: usize = 400;

/// Least share of their content words (Dice, as stems) two facts' sentences need for
/// their meaning to be compared: rewordings keep a few words ("shelves", "Wednesday").
const MIN_SHARED: f64 = 0.4;

/// Most distinct sentences of a story embedded: the likeliest pairs first.
const MAX_EMBEDDED: usize = 8;

/// Words in more of a story's facts than this say nothing about which two are alike.
const MAX_POSTING: usize = 64;

/// The pairs of facts of two articles whose sentences share two content words or more
/// and [`MIN_SHARED`] of them, likeliest first, over at most [`MAX_EMBEDDED`] sentences:
/// only these are embedded, so a story of thousands of facts costs about as much as its
/// words.
fn near_pairs(texts: &[String], arts: &[String]) -> Vec<(usize, usize)> {
    let bags: Vec<Vec<String>> = texts
        .iter()
        .map(|t| {
            let mut b = stems(&content_words(t));
            b.sort_unstable();
            b.dedup();
            b
        })
        .collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (k, bag) in bags.iter().enumerate() {
        for w in bag {
            index.entry(w.as_str()).or_default().push(k);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for posting in index.values().filter(|p| p.len() <= MAX_POSTING) {
        for (i, &x) in posting.iter().enumerate() {
            for &y in &posting[i + 1..] {
                if arts[x] != arts[y] {
                    *shared.entry((x, y)).or_default() += 1;
                }
            }
        }
    }
    let mut pairs: Vec<(f64, usize, usize)> = shared
        .into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|((x, y), n)| {
            (
                2.0 * n as f64 / (bags[x].len() + bags[y].len()) as f64,
                x,
                y,
            )
        })
        .filter(|&(d, _, _)| d >= MIN_SHARED)
        .collect();
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut seen = std::collections::HashSet::new();
    pairs
        .into_iter()
        .take_while(|&(_, x, y)| {
            seen.insert(x);
            seen.insert(y);
            seen.len() <= MAX_EMBEDDED
        })
        .map(|(_, x, y)| (x, y))
        .collect()
}

/// Takes `pairs` best first into groups of one fact an article, and makes each group of
/// two or more one agreed fact in place of its members.
fn join(facts: &mut Vec<Fact>, alone: &[usize], pairs: &[(f32, usize, usize)], arts: &[String]) {
    let article = |k: usize| arts[k].as_str();
    let mut group: Vec<usize> = (0..alone.len()).collect();
    // Only the facts some pair holds can join.
    let mut involved: Vec<usize> = pairs.iter().flat_map(|&(_, x, y)| [x, y]).collect();
    involved.sort_unstable();
    involved.dedup();
    let root = crate::disagree::root;
    for &(_, x, y) in pairs {
        let (rx, ry) = (root(&mut group, x), root(&mut group, y));
        if rx == ry {
            continue;
        }
        let members = |g: &mut [usize], r: usize| -> Vec<usize> {
            involved
                .iter()
                .copied()
                .filter(|&k| root(g, k) == r)
                .collect()
        };
        let (mx, my) = (members(&mut group, rx), members(&mut group, ry));
        if mx
            .iter()
            .any(|&a| my.iter().any(|&b| article(a) == article(b)))
        {
            continue;
        }
        group[rx.max(ry)] = rx.min(ry);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &k in &involved {
        let r = root(&mut group, k);
        groups.entry(r).or_default().push(k);
    }
    let mut gone = vec![false; facts.len()];
    let mut joined = Vec::new();
    for members in groups.into_values().filter(|m| m.len() >= 2) {
        let first = &facts[alone[members[0]]];
        let mut articles = BTreeMap::new();
        for &k in &members {
            if let Some((a, e)) = one_article(&facts[alone[k]]) {
                articles.insert(a.to_string(), e.to_string());
            }
            gone[alone[k]] = true;
        }
        let value = first.values[0].clone();
        joined.push(Fact {
            id: String::new(),
            topic: first.topic.clone(),
            status: "agreed".into(),
            values: vec![FactValue { articles, ..value }],
        });
    }
    let mut k = 0;
    facts.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    facts.extend(joined);
    for (k, f) in facts.iter_mut().enumerate() {
        f.id = format!("F{}", k + 1);
    }
}

/// The one article a fact cites, with its evidence, when it cites one.
fn one_article(f: &Fact) -> Option<(&str, &str)> {
    match f.values.as_slice() {
        [v] if v.articles.len() == 1 => v
            .articles
            .iter()
            .next()
            .map(|(a, e)| (a.as_str(), e.as_str())),
        _ => None,
    }
}

/// Whether the figures two sentences print can be one: where both print numbers, some
/// number of one agrees with some number of the other ([`crate::disagree::figures_agree`]).
fn figures_fit(a: &str, b: &str) -> bool {
    use crate::details::{hedge_before, Hedge};
    let read = |s: &str| -> Vec<(f64, Hedge)> {
        crate::numbers::numbers(s)
            .into_iter()
            .map(|n| (n.value, hedge_before(&s[..n.range.0])))
            .collect()
    };
    let (x, y) = (read(a), read(b));
    x.is_empty()
        || y.is_empty()
        || x.iter()
            .any(|&p| y.iter().any(|&q| crate::disagree::figures_agree(p, q)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(article: &str, evidence: &str) -> Fact {
        Fact {
            id: String::new(),
            topic: evidence.to_string(),
            status: "single_source".into(),
            values: vec![FactValue {
                value: evidence.to_string(),
                normalized: serde_json::json!(evidence),
                articles: BTreeMap::from([(article.to_string(), evidence.to_string())]),
            }],
        }
    }

    /// Embeddings by the first word: sentences opening alike mean the same.
    fn by_first_word(texts: &[&str]) -> Option<Vec<Vec<f32>>> {
        let mut seen: Vec<&str> = Vec::new();
        Some(
            texts
                .iter()
                .map(|t| {
                    let w = t.split_whitespace().next().unwrap_or("");
                    let k = seen.iter().position(|s| *s == w).unwrap_or_else(|| {
                        seen.push(w);
                        seen.len() - 1
                    });
                    (0..8).map(|d| f32::from(u8::from(d == k))).collect()
                })
                .collect(),
        )
    }

    #[test]
    fn one_fact_in_two_outlets_words_is_agreed() {
        let mut facts = vec![
            single(
                "a",
                "Pharmacies must clear the shelves by Wednesday evening.",
            ),
            single(
                "b",
                "Pharmacies had until Wednesday to take the bottles off the shelves.",
            ),
            single("c", "Ferries resume on Friday."),
            single("a", "Ferries resume on Friday, the operator said."),
            single("b", "Losses reached €85m last year."),
            single("c", "Losses reached €210m last year."),
        ];
        agree_by_meaning(&mut facts, &by_first_word);
        let agreed: Vec<Vec<&str>> = facts
            .iter()
            .filter(|f| f.status == "agreed")
            .map(|f| f.values[0].articles.keys().map(String::as_str).collect())
            .collect();
        // The pharmacies (a, b) and the ferries (c, a); not two losses of two sizes.
        assert_eq!(agreed, [["a", "b"], ["a", "c"]]);
        assert_eq!(facts.len(), 4);
        let ids: Vec<&str> = facts.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(ids, ["F1", "F2", "F3", "F4"]);
        // Without a model nothing changes.
        let mut same = vec![
            single("a", "Ferries resume."),
            single("b", "Ferries resume."),
        ];
        agree_by_meaning(&mut same, &|_| None);
        assert!(same.iter().all(|f| f.status == "single_source"));
    }
}
