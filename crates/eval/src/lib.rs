//! Quality measurement: [`score`] computes the cleaning, metadata, story and reported-speech
//! metrics of a report against a labelled key (the key format of the project's labelled corpora), and
//! [`validate`] checks a report against the contract's fields and types.
//!
//! Metric names and definitions follow the project's reference scorer, so numbers from
//! either agree; matching is by text, never by position.
//!
//! ```
//! use serde_json::json;
//!
//! let report = json!({"parallax_report": 1, "articles": [], "stories": []});
//! assert!(parallax_eval::validate(&report).is_empty());
//! let broken = json!({"articles": [{"id": 7}], "stories": []});
//! assert!(!parallax_eval::validate(&broken).is_empty());
//! ```

mod contract;
mod reported;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

pub use contract::validate;
pub use reported::{dice, tokens};
use serde_json::Value;

/// One measured number.
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    /// Dotted name, such as `clean.f1`.
    pub name: String,
    /// The value.
    pub value: f64,
    /// What it was computed from.
    pub detail: String,
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:.3} {}", self.name, self.value, self.detail)
    }
}

/// Looks a metric up by name.
pub fn metric(metrics: &[Metric], name: &str) -> Option<f64> {
    metrics.iter().find(|m| m.name == name).map(|m| m.value)
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The non-blank lines of an article's input text (header block removed).
fn body_lines(dir: &Path, id: &str) -> Option<Vec<String>> {
    let t = std::fs::read_to_string(dir.join(format!("{id}.txt"))).ok()?;
    let first = t.split('\n').next().unwrap_or("");
    let is_header = {
        let mut c = first.chars();
        c.next().is_some_and(|x| x.is_ascii_uppercase()) && {
            let key: String = first
                .chars()
                .skip(1)
                .take_while(|x| x.is_ascii_alphabetic())
                .collect();
            first[1 + key.len()..].starts_with(": ")
        }
    };
    let body = if is_header && t.contains("\n\n") {
        t.split_once("\n\n").map(|x| x.1).unwrap_or("")
    } else {
        &t
    };
    Some(
        body.split('\n')
            .filter(|l| !l.trim().is_empty())
            .map(String::from)
            .collect(),
    )
}

/// Scores `report` against `key`; `articles` is the folder holding the inputs as `ID.txt`.
pub fn score(key: &Value, report: &Value, articles: &Path) -> Vec<Metric> {
    let mut out = Vec::new();
    let mut emit = |name: &str, value: f64, detail: String| {
        out.push(Metric {
            name: name.into(),
            value,
            detail,
        })
    };
    let empty = serde_json::Map::new();
    let key_articles = key["articles"].as_object().unwrap_or(&empty);
    let arts: HashMap<&str, &Value> = report["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| Some((a["id"].as_str()?, a)))
        .collect();
    let stories: HashMap<&str, &Value> = report["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| Some((s["id"].as_str()?, s)))
        .collect();

    let missing: Vec<&String> = key_articles
        .keys()
        .filter(|a| !arts.contains_key(a.as_str()))
        .collect();
    let n = key_articles.len().max(1) as f64;
    emit(
        "articles.present",
        (n - missing.len() as f64) / n,
        if missing.is_empty() {
            String::new()
        } else {
            format!("missing={missing:?}")
        },
    );

    // Cleaning: labelled boilerplate lines must leave the body, every other line must stay.
    let (mut bp_total, mut bp_removed, mut keep_total, mut keep_kept) = (0, 0, 0, 0);
    let (mut lost, mut left) = (Vec::new(), Vec::new());
    for (id, a) in key_articles {
        let (Some(r), Some(lines)) = (arts.get(id.as_str()), body_lines(articles, id)) else {
            continue;
        };
        let body_text = r["body"].as_str().unwrap_or("");
        let body = flat(body_text);
        let body_set: HashSet<String> = body_text
            .split('\n')
            .filter(|l| !l.trim().is_empty())
            .map(flat)
            .collect();
        let mut bps: HashSet<String> = strs(&a["boilerplate_lines"]).into_iter().collect();
        bps.extend(strs(&a["donation_appeal_lines"]));
        let commentary = a["appended_from"].as_str();
        let optional: Vec<String> = strs(&a["optional_lines"]);
        let mut in_appended = false;
        for l in &lines {
            let mut fl = flat(l);
            if commentary.is_some_and(|c| l.contains(c)) {
                in_appended = true;
            }
            if bps.contains(l) {
                bp_total += 1;
                let still_in_body =
                    body_set.contains(&fl) || (fl.split(' ').count() > 6 && body.contains(&fl));
                if !still_in_body {
                    bp_removed += 1;
                } else {
                    left.push(format!("{id}:{}", l.chars().take(40).collect::<String>()));
                }
            } else if in_appended {
                continue;
            } else {
                if let Some(prefix) = a["inline_dateline_prefix"]
                    .as_str()
                    .filter(|p| l.starts_with(p))
                {
                    fl = flat(&l[prefix.len()..]);
                }
                if optional.contains(&fl) {
                    continue;
                }
                keep_total += 1;
                if body.contains(&fl) {
                    keep_kept += 1;
                } else {
                    lost.push(format!("{id}:{}", l.chars().take(40).collect::<String>()));
                }
            }
        }
    }
    let rec = bp_removed as f64 / bp_total.max(1) as f64;
    let pres = keep_kept as f64 / keep_total.max(1) as f64;
    if bp_total > 0 {
        emit(
            "clean.boilerplate_removed",
            rec,
            format!(
                "{bp_removed}/{bp_total} left={:?}",
                &left[..left.len().min(5)]
            ),
        );
    }
    if keep_total > 0 {
        emit(
            "clean.content_kept",
            pres,
            format!(
                "{keep_kept}/{keep_total} lost={:?}",
                &lost[..lost.len().min(5)]
            ),
        );
    }
    if bp_total > 0 && keep_total > 0 {
        emit("clean.f1", f1(pres, rec), String::new());
    }
    let appended: Vec<(&String, &str)> = key_articles
        .iter()
        .filter_map(|(id, a)| Some((id, a["appended_from"].as_str()?)))
        .collect();
    if !appended.is_empty() {
        let ok = appended
            .iter()
            .filter(|(id, start)| {
                let Some(r) = arts.get(id.as_str()) else {
                    return false;
                };
                let txt: Vec<&str> = r["appended"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|x| x["text"].as_str())
                    .collect();
                let head: String = start.chars().take(60).collect();
                flat(&txt.join(" ")).contains(&head)
                    && !flat(r["body"].as_str().unwrap_or("")).contains(&head)
            })
            .count();
        emit(
            "clean.appended_separated",
            ok as f64 / appended.len() as f64,
            format!("{ok}/{}", appended.len()),
        );
    }
    let kinds: Vec<(&String, &str)> = key_articles
        .iter()
        .filter(|(id, a)| {
            arts.contains_key(id.as_str()) && !a["cluster"].as_str().unwrap_or("").starts_with('D')
        })
        .map(|(id, a)| {
            (
                id,
                if a["is_opinion"].as_bool().unwrap_or(false) {
                    "opinion"
                } else {
                    "news"
                },
            )
        })
        .collect();
    if !kinds.is_empty() {
        let ok = kinds
            .iter()
            .filter(|(id, k)| arts[id.as_str()]["kind"].as_str() == Some(k))
            .count();
        emit(
            "articles.kind_accuracy",
            ok as f64 / kinds.len() as f64,
            format!("{ok}/{}", kinds.len()),
        );
    }
    let mut meta = Vec::new();
    for (id, a) in key_articles {
        for field in ["outlet", "published"] {
            if let (Some(v), true) = (a[field].as_str(), arts.contains_key(id.as_str())) {
                meta.push((id, field, v));
            }
        }
    }
    if !meta.is_empty() {
        let ok = meta
            .iter()
            .filter(|(id, field, v)| {
                let got = arts[id.as_str()][*field].as_str().unwrap_or("");
                !got.is_empty()
                    && if *field == "published" {
                        got.chars().take(10).eq(v.chars().take(10))
                    } else {
                        got.to_lowercase() == v.to_lowercase()
                    }
            })
            .count();
        emit(
            "articles.metadata",
            ok as f64 / meta.len() as f64,
            format!("{ok}/{}", meta.len()),
        );
    }

    // Stories.
    let gold: HashMap<&str, &str> = key_articles
        .iter()
        .map(|(id, a)| (id.as_str(), a["cluster"].as_str().unwrap_or("")))
        .collect();
    let pred: HashMap<&str, String> = gold
        .keys()
        .map(|&id| {
            (
                id,
                arts.get(id)
                    .and_then(|a| a["story"].as_str())
                    .map(String::from)
                    .unwrap_or_else(|| format!("_none_{id}")),
            )
        })
        .collect();
    let (mut p, mut r) = (0.0, 0.0);
    for &a in gold.keys() {
        let gs: HashSet<&str> = gold
            .keys()
            .copied()
            .filter(|b| gold[b] == gold[a])
            .collect();
        let ps: HashSet<&str> = gold
            .keys()
            .copied()
            .filter(|b| pred[b] == pred[a])
            .collect();
        let inter = gs.intersection(&ps).count() as f64;
        p += inter / ps.len() as f64;
        r += inter / gs.len() as f64;
    }
    let g = gold.len().max(1) as f64;
    let (p, r) = (p / g, r / g);
    emit("cluster.bcubed_f1", f1(p, r), format!("P={p:.3} R={r:.3}"));
    let clusters = key["clusters"].as_object().unwrap_or(&empty);
    let mut wrong = Vec::new();
    let mut exact = 0;
    for (c, v) in clusters {
        let members: HashSet<String> = strs(&v["articles"]).into_iter().collect();
        for neg in strs(&v["hard_negative_not_in_cluster"]) {
            if members
                .iter()
                .any(|m| pred.get(m.as_str()) == pred.get(neg.as_str()))
            {
                wrong.push(format!("{neg} joined {c}"));
            }
        }
        if let Some(first) = strs(&v["articles"]).first() {
            let same: HashSet<String> = gold
                .keys()
                .filter(|b| pred.get(**b) == pred.get(first.as_str()))
                .map(|b| b.to_string())
                .collect();
            exact += usize::from(same == members);
        }
    }
    emit(
        "cluster.exact_stories",
        exact as f64 / clusters.len().max(1) as f64,
        format!("{exact}/{} {}", clusters.len(), wrong.join(" ")),
    );
    let copies: Vec<(&String, &str)> = key_articles
        .iter()
        .filter_map(|(id, a)| Some((id, a["syndicated_copy_of"].as_str()?)))
        .collect();
    if !copies.is_empty() {
        let ok = copies
            .iter()
            .filter(|(id, src)| {
                arts.get(id.as_str())
                    .and_then(|a| a["copy_of"]["article"].as_str())
                    == Some(src)
            })
            .count();
        emit(
            "cluster.copies_found",
            ok as f64 / copies.len() as f64,
            format!("{ok}/{}", copies.len()),
        );
    }
    let mut claimed: Vec<&str> = arts
        .iter()
        .filter(|(id, a)| {
            !a["copy_of"].is_null()
                && key_articles
                    .get(**id)
                    .is_some_and(|k| k["syndicated_copy_of"].is_null())
        })
        .map(|(id, _)| *id)
        .collect();
    claimed.sort();
    emit(
        "cluster.false_copies",
        claimed.len() as f64,
        claimed.join(" "),
    );
    let origins: Vec<&str> = clusters
        .values()
        .filter_map(|v| v["wire_original"].as_str())
        .collect();
    if !origins.is_empty() {
        let ok = origins
            .iter()
            .filter(|o| {
                let sid = pred.get(*o).map(String::as_str).unwrap_or("");
                stories
                    .get(sid)
                    .is_some_and(|s| s["origin"].as_str() == Some(o))
            })
            .count();
        emit(
            "cluster.origin",
            ok as f64 / origins.len() as f64,
            format!("{ok}/{}", origins.len()),
        );
    }
    out.extend(reported::score(key, report));
    out
}
