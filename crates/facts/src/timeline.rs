//! A story's timeline: the days its articles name, in order, each with the expressions
//! that name it.
//!
//! ## What it handles
//! Every date expression in every article of the story (see [`crate::resolve_dates`]),
//! resolved against that article's own day of publication (or the story's, when the
//! article has none), grouped by the day or span it names. An entry's `event` is the
//! clause of its first mention.
//!
//! ## What it does not
//! Tell two events on one day apart, or name the event in its own words.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use parallax_model::{Mention, TimelineEntry};

use crate::dates::{resolve_dates, Resolved};

/// The timeline of one story: `articles` holds each article's id, its body paragraphs and
/// the day its date expressions are resolved against.
pub fn timeline(articles: &[(String, Vec<&str>, NaiveDate)]) -> Vec<TimelineEntry> {
    let mut by_date: BTreeMap<String, TimelineEntry> = BTreeMap::new();
    for (id, paragraphs, reference) in articles {
        for p in paragraphs {
            for m in resolve_dates(p, *reference) {
                let key = match m.resolved {
                    Resolved::Day(d) => d.to_string(),
                    Resolved::Span(a, b) => format!("{a}/{b}"),
                };
                let entry = by_date.entry(key.clone()).or_insert_with(|| TimelineEntry {
                    date: key,
                    event: event_clause(p, m.range),
                    mentions: Vec::new(),
                });
                if !entry
                    .mentions
                    .iter()
                    .any(|x| x.article == *id && x.text == m.text)
                {
                    entry.mentions.push(Mention {
                        article: id.clone(),
                        text: m.text,
                        span: None,
                    });
                }
            }
        }
    }
    by_date.into_values().collect()
}

/// The clause around a mention, shortened to about twenty words.
fn event_clause(p: &str, (start, end): (usize, usize)) -> String {
    let s = p[..start].rfind(['.', '!', '?', ';']).map_or(0, |i| i + 1);
    let e = p[end..]
        .find(['.', '!', '?', ';'])
        .map_or(p.len(), |i| end + i);
    let words: Vec<&str> = p[s..e].split_whitespace().collect();
    if words.len() > 20 {
        format!("{} …", words[..20].join(" "))
    } else {
        words.join(" ")
    }
}

/// Merges the timelines of a story's articles (each made by [`timeline`] over one
/// article), in the order given: one entry per day, the first article's clause as its
/// event.
pub fn merge(parts: Vec<Vec<TimelineEntry>>) -> Vec<TimelineEntry> {
    let mut by_date: BTreeMap<String, TimelineEntry> = BTreeMap::new();
    for part in parts {
        for e in part {
            match by_date.get_mut(&e.date) {
                Some(entry) => {
                    for m in e.mentions {
                        if !entry.mentions.contains(&m) {
                            entry.mentions.push(m);
                        }
                    }
                }
                None => {
                    by_date.insert(e.date.clone(), e);
                }
            }
        }
    }
    by_date.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_group_by_the_day_they_name() {
        let sunday = NaiveDate::from_ymd_opt(2025, 8, 17).unwrap();
        let monday = NaiveDate::from_ymd_opt(2025, 8, 18).unwrap();
        let articles = vec![
            (
                "a".to_string(),
                vec!["The summit on Friday ended without a deal."],
                sunday,
            ),
            (
                "b".to_string(),
                vec!["Friday's summit was the first since 2019. Talks resume on August 18."],
                monday,
            ),
        ];
        let t = timeline(&articles);
        let got: Vec<(String, Vec<(String, String)>)> = t
            .iter()
            .map(|e| {
                (
                    e.date.clone(),
                    e.mentions
                        .iter()
                        .map(|m| (m.article.clone(), m.text.clone()))
                        .collect(),
                )
            })
            .collect();
        // A year is a span of its own ("since 2019").
        assert_eq!(
            got,
            [
                (
                    "2019-01-01/2019-12-31".to_string(),
                    vec![("b".to_string(), "2019".to_string())],
                ),
                (
                    "2025-08-15".to_string(),
                    vec![
                        ("a".to_string(), "Friday".to_string()),
                        ("b".to_string(), "Friday".to_string())
                    ]
                ),
                (
                    "2025-08-18".to_string(),
                    vec![("b".to_string(), "August 18".to_string())]
                ),
            ]
        );
        assert_eq!(t[1].event, "The summit on Friday ended without a deal");
    }
}
