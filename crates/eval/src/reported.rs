//! Reported speech that no outlet quotes: a story's `reported_speech` against a key's
//! `reported_speech_groups` (same shape as `quote_groups`).
//!
//! Metrics, in the manner of the quote metrics: `reported.recall` (labelled occurrences
//! found, word-bag Dice ≥ 0.5, best pairs first, one to one), `reported.precision` (found
//! occurrences, in the articles of clusters that have such labels, that match a label; one
//! that renders a quoted utterance, labelled among the quote groups, counts neither way),
//! `reported.attribution` (matched occurrences whose speaker ends with the same word as the
//! labelled speaker or one of its variants) and `reported.alignment_f1` (pairs of matched
//! occurrences put in one utterance, against the labelled groups).

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use crate::{f1, Metric};

/// The lower-cased words of a text: runs of letters and digits.
pub fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Dice over word bags: twice the words two texts share, over the words of both (0..1).
pub fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut bag: HashMap<&str, usize> = HashMap::new();
    for w in a {
        *bag.entry(w).or_default() += 1;
    }
    let mut shared = 0;
    for w in b {
        if let Some(n) = bag.get_mut(w.as_str()) {
            if *n > 0 {
                *n -= 1;
                shared += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

fn parts(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(" "),
        _ => String::new(),
    }
}

struct Gold<'a> {
    cluster: &'a str,
    group: &'a str,
    article: &'a str,
    words: Vec<String>,
    speakers: Vec<String>,
}

/// The reported-speech metrics, or nothing when the key labels none.
pub(crate) fn score(key: &Value, report: &Value) -> Vec<Metric> {
    let Some(clusters) = key["clusters"].as_object() else {
        return Vec::new();
    };
    let mut gold = Vec::new();
    let mut labelled: HashSet<&str> = HashSet::new();
    // Reported versions of quoted utterances: the quote metrics' business, not wrong here.
    let mut elsewhere: Vec<(&str, Vec<String>)> = Vec::new();
    for (c, v) in clusters {
        let Some(groups) = v["reported_speech_groups"].as_array() else {
            continue;
        };
        labelled.extend(
            v["articles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        );
        for g in v["quote_groups"].as_array().into_iter().flatten() {
            for o in g["occurrences"].as_array().into_iter().flatten() {
                if o["class"] == "paraphrase_indirect" {
                    let article = o["article"].as_str().unwrap_or("");
                    elsewhere.push((article, tokens(&parts(&o["quoted"]))));
                }
            }
        }
        for g in groups {
            let mut forms: Vec<&str> = g["speaker"].as_str().into_iter().collect();
            forms.extend(
                g["speaker_variants"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str),
            );
            for o in g["occurrences"].as_array().into_iter().flatten() {
                let speakers = match o["speaker"].as_str() {
                    Some(s) => vec![s.to_string()],
                    None => forms.iter().map(|s| s.to_string()).collect(),
                };
                gold.push(Gold {
                    cluster: c,
                    group: g["id"].as_str().unwrap_or(""),
                    article: o["article"].as_str().unwrap_or(""),
                    words: tokens(&parts(&o["quoted"])),
                    speakers,
                });
            }
        }
    }
    if gold.is_empty() {
        return Vec::new();
    }
    let story_of: HashMap<&str, &str> = report["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| Some((a["id"].as_str()?, a["story"].as_str()?)))
        .collect();
    // (story, quote id, article, words, speaker) of every reported occurrence.
    let mut found = Vec::new();
    for s in report["stories"].as_array().into_iter().flatten() {
        let sid = s["id"].as_str().unwrap_or("");
        for q in s["reported_speech"].as_array().into_iter().flatten() {
            let qid = q["id"].as_str().unwrap_or("");
            for o in q["occurrences"].as_array().into_iter().flatten() {
                let article = o["article"].as_str().unwrap_or("");
                if labelled.contains(article) {
                    let speaker = o["speaker"]
                        .as_str()
                        .or(q["speaker"].as_str())
                        .unwrap_or("");
                    found.push((
                        sid,
                        qid,
                        article,
                        tokens(&parts(&o["parts"])),
                        speaker.to_string(),
                    ));
                }
            }
        }
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, f) in found.iter().enumerate() {
            if f.2 == g.article && story_of.get(g.article) == Some(&f.0) {
                let d = dice(&g.words, &f.3);
                if d >= 0.5 {
                    pairs.push((d, i, j));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut matched: HashMap<usize, usize> = HashMap::new();
    let mut used = HashSet::new();
    for (_, i, j) in pairs {
        if !matched.contains_key(&i) && used.insert(j) {
            matched.insert(i, j);
        }
    }
    let counted = (0..found.len())
        .filter(|j| {
            used.contains(j)
                || !elsewhere
                    .iter()
                    .any(|(a, w)| *a == found[*j].2 && dice(w, &found[*j].3) >= 0.5)
        })
        .count();
    let last = |s: &str| tokens(s).last().cloned();
    let attributed = matched
        .iter()
        .filter(|(&i, &j)| {
            let said = last(&found[j].4);
            said.is_some() && gold[i].speakers.iter().any(|s| last(s) == said)
        })
        .count();
    let (mut tp, mut fp, mut gold_pairs) = (0, 0, 0);
    for i in 0..gold.len() {
        for k in i + 1..gold.len() {
            let same_gold = gold[i].cluster == gold[k].cluster && gold[i].group == gold[k].group;
            gold_pairs += usize::from(same_gold);
            if let (Some(&a), Some(&b)) = (matched.get(&i), matched.get(&k)) {
                let same_found = found[a].0 == found[b].0 && found[a].1 == found[b].1;
                tp += usize::from(same_gold && same_found);
                fp += usize::from(!same_gold && same_found);
            }
        }
    }
    let n = matched.len();
    let p = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let r = if gold_pairs == 0 {
        1.0
    } else {
        tp as f64 / gold_pairs as f64
    };
    let metric = |name: &str, value: f64, detail: String| Metric {
        name: name.into(),
        value,
        detail,
    };
    vec![
        metric(
            "reported.recall",
            n as f64 / gold.len() as f64,
            format!("{n}/{}", gold.len()),
        ),
        metric(
            "reported.precision",
            n as f64 / counted.max(1) as f64,
            format!("{n}/{counted}"),
        ),
        metric(
            "reported.attribution",
            attributed as f64 / n.max(1) as f64,
            format!("{attributed}/{n} (over matched)"),
        ),
        metric(
            "reported.alignment_f1",
            f1(p, r),
            format!("P={p:.3} R={r:.3} over {gold_pairs} labelled pairs"),
        ),
    ]
}
