//! The web pages, rendered on the server from the stored story and article JSON; every
//! text taken from an article is escaped. The pages carry no script and no inline style
//! (their style sheet is [`STYLE`], served as `/style.css`), so that the server's
//! Content-Security-Policy forbids both.

use std::fmt::Write as _;

use parallax_report::escape_html as esc;
use parallax_store::Store;
use serde_json::Value;

use crate::http::Reply;
use crate::route::{encode, Filter};

/// The pages' style sheet, served as `/style.css`.
pub(crate) const STYLE: &str = include_str!("style.css");

/// An HTML answer.
pub(crate) fn html(status: u16, body: String) -> Reply {
    Reply::new(status, "text/html; charset=utf-8", body.into_bytes())
}

/// The array `v` holds (none when it is not one).
fn arr(v: &Value) -> Vec<Value> {
    v.as_array().cloned().unwrap_or_default()
}

/// A page saying the store could not answer; what went wrong goes to the server's log,
/// not to the reader.
fn failure(e: &dyn std::fmt::Display) -> Reply {
    eprintln!("parallax serve: {e}");
    html(
        500,
        page("Unavailable", "<p>The store could not answer.</p>"),
    )
}

pub(crate) fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\"><title>{} · parallax</title><link rel=stylesheet href=\"/style.css\"></head><body><header><p><a href=\"/\">parallax</a></p></header>{body}</body></html>",
        esc(title)
    )
}

/// `/`: the stories, newest first, with the search form.
pub(crate) fn page_stories(store: &Store, filter: &Filter) -> Reply {
    let list = match crate::listed(store, filter) {
        Ok(l) => l,
        Err(e) => return failure(&e),
    };
    let Filter {
        q,
        outlet,
        from,
        to,
    } = filter;
    let mut b = format!(
        "<h1>Stories</h1><form><input name=q placeholder=\"search\" value=\"{}\"> <input name=outlet placeholder=\"outlet\" value=\"{}\"> <input name=from type=date value=\"{}\"> <input name=to type=date value=\"{}\"> <button>Find</button></form><ul class=stories>",
        esc(q),
        esc(outlet),
        esc(from),
        esc(to)
    );
    for s in &list {
        let outlets: Vec<String> = s["outlets"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(esc)
            .collect();
        let _ = write!(
            b,
            "<li><a href=\"/stories/{}\">{}</a> <span class=meta>{} · {} articles · {} contradictions · {}</span></li>",
            encode(s["id"].as_str().unwrap_or("")),
            esc(s["headline"].as_str().unwrap_or("")),
            outlets.join(", "),
            s["article_count"],
            s["contradictions"],
            esc(s["newest"].as_str().unwrap_or("undated")),
        );
    }
    b.push_str("</ul>");
    html(200, page("Stories", &b))
}

/// `/stories/{id}`.
pub(crate) fn page_story(store: &Store, id: &str) -> Reply {
    let story: Value = match store.story(id) {
        Ok(Some(s)) => serde_json::from_str(&s).unwrap_or(Value::Null),
        Ok(None) => return html(404, page("Not found", "<p>No such story.</p>")),
        Err(e) => return failure(&e),
    };
    let headline = story["headline"].as_str().unwrap_or("");
    let mut b = format!("<h1>{}</h1>", esc(headline));
    // Articles without an outlet go by their id.
    let outlets = store.outlets(id).unwrap_or_default();
    b.push_str("<h2>Outlets</h2><ul>");
    for a in arr(&story["articles"]) {
        let a = a.as_str().unwrap_or("");
        let outlet = outlets.get(a).cloned().unwrap_or_else(|| a.to_string());
        let origin = if story["origin"].as_str() == Some(a) {
            " <span class=meta>(the original report)</span>"
        } else {
            ""
        };
        let _ = write!(
            b,
            "<li><a href=\"/articles/{}\">{}</a> <span class=meta>{}</span>{origin}</li>",
            encode(a),
            esc(&outlet),
            esc(a)
        );
    }
    b.push_str("</ul>");
    let name = |a: &str| esc(outlets.get(a).map_or(a, String::as_str));
    let name: &dyn Fn(&str) -> String = &name;

    facts_table(&mut b, &story, name);
    quotations(&mut b, &story, name);

    reported_speech(&mut b, &story, name);
    timeline(&mut b, &story, name);
    lineage(&mut b, &story, &outlets, name);
    html(200, page(headline, &b))
}

/// Reported speech: each source's words as each outlet gives them.
fn reported_speech(b: &mut String, story: &Value, name: &dyn Fn(&str) -> String) {
    let reported = arr(&story["reported_speech"]);
    if !reported.is_empty() {
        b.push_str("<h2>Reported speech</h2><ul>");
        for q in reported {
            let _ = write!(
                b,
                "<li>{}: ",
                esc(q["speaker"].as_str().unwrap_or("unknown source"))
            );
            let items: Vec<String> = arr(&q["occurrences"])
                .iter()
                .map(|o| {
                    let a = o["article"].as_str().unwrap_or("");
                    let parts: Vec<&str> = o["parts"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .collect();
                    format!(
                        "<a href=\"/articles/{}\">{}</a> “{}”",
                        encode(a),
                        name(a),
                        esc(&parts.join(" … "))
                    )
                })
                .collect();
            b.push_str(&items.join("; "));
            b.push_str("</li>");
        }
        b.push_str("</ul>");
    }
}

/// The timeline, as a chart and a list with what each outlet says of each day.
fn timeline(b: &mut String, story: &Value, name: &dyn Fn(&str) -> String) {
    let timeline = arr(&story["timeline"]);
    if !timeline.is_empty() {
        b.push_str("<h2>Timeline</h2>");
        b.push_str(&timeline_chart(&timeline));
        b.push_str("<ul>");
        for t in &timeline {
            let said: Vec<String> = arr(&t["mentions"])
                .iter()
                .map(|m| {
                    format!(
                        "{} “{}”",
                        name(m["article"].as_str().unwrap_or("")),
                        esc(m["text"].as_str().unwrap_or(""))
                    )
                })
                .collect();
            let _ = write!(
                b,
                "<li><b>{}</b> {} <span class=meta>{}</span></li>",
                esc(t["date"].as_str().unwrap_or("")),
                esc(t["event"].as_str().unwrap_or("")),
                said.join(", ")
            );
        }
        b.push_str("</ul>");
    }
}

/// Who copied or rewrote whom, as a graph and a list.
fn lineage(
    b: &mut String,
    story: &Value,
    outlets: &std::collections::HashMap<String, String>,
    name: &dyn Fn(&str) -> String,
) {
    let lineage = arr(&story["lineage"]);
    if !lineage.is_empty() {
        b.push_str("<h2>Who copied or rewrote whom</h2>");
        let members: Vec<String> = arr(&story["articles"])
            .iter()
            .filter_map(|a| a.as_str().map(String::from))
            .collect();
        b.push_str(&lineage_graph(&members, &lineage, &|a: &str| {
            outlets.get(a).cloned().unwrap_or_else(|| a.to_string())
        }));
        b.push_str("<ul>");
        for l in lineage {
            let _ = write!(
                b,
                "<li>{} → {} <span class=meta>{} ({:.0}% alike)</span></li>",
                name(l["source"].as_str().unwrap_or("")),
                name(l["article"].as_str().unwrap_or("")),
                esc(l["relation"].as_str().unwrap_or("")),
                l["similarity"].as_f64().unwrap_or(0.0) * 100.0
            );
        }
        b.push_str("</ul>");
    }
}

/// The story's fact table: contradictions first, each value with every outlet's evidence
/// linked to where its article says it.
fn facts_table(b: &mut String, story: &Value, name: &dyn Fn(&str) -> String) {
    b.push_str("<h2>Facts</h2><table class=facts><tr><th>fact</th><th>status</th><th>what each outlet says</th></tr>");
    let mut facts = arr(&story["facts"]);
    // Contradictions first, then what is agreed, then what rests on one outlet.
    facts.sort_by_key(|f| match f["status"].as_str() {
        Some("contradicted") => 0,
        Some("updated") => 1,
        Some("agreed") => 2,
        _ => 3,
    });
    for f in &facts {
        let status = f["status"].as_str().unwrap_or("");
        let _ = write!(
            b,
            "<tr class=\"{}\"><td>{}</td><td class=status>{}</td><td>",
            esc(status),
            esc(f["topic"].as_str().unwrap_or("")),
            esc(&status.replace('_', " "))
        );
        for v in arr(&f["values"]) {
            let _ = write!(b, "<p><b>{}</b>", esc(v["value"].as_str().unwrap_or("")));
            if let Some(ev) = v["articles"].as_object() {
                for (a, e) in ev {
                    let e = e.as_str().unwrap_or("");
                    let _ = write!(
                        b,
                        "<br><a href=\"/articles/{}?hl={}#hl\">{}</a>: “{}”",
                        encode(a),
                        encode(e),
                        name(a),
                        esc(e)
                    );
                }
            }
            b.push_str("</p>");
        }
        b.push_str("</td></tr>");
    }
    b.push_str("</table>");
}

/// The story's quotations, each outlet's wording against the fullest.
fn quotations(b: &mut String, story: &Value, name: &dyn Fn(&str) -> String) {
    b.push_str("<h2>Quotations</h2><ul class=quotes>");
    for q in arr(&story["quotes"]) {
        let full = q["text"].as_str().unwrap_or("");
        let _ = write!(
            b,
            "<li><q>{}</q> <span class=meta>— {}</span><ul>",
            esc(full),
            esc(q["speaker"].as_str().unwrap_or("speaker unknown"))
        );
        for o in arr(&q["occurrences"]) {
            let a = o["article"].as_str().unwrap_or("");
            let words: Vec<String> = arr(&o["parts"])
                .iter()
                .filter_map(|p| p.as_str().map(String::from))
                .collect();
            let fidelity = o["fidelity"].as_str().unwrap_or("");
            let credited = match (o["speaker"].as_str(), q["speaker"].as_str()) {
                (Some(s), Some(t)) if s != t => format!(" <b>credited to {}</b>", esc(s)),
                _ => String::new(),
            };
            let shown = if o["direct"] == true {
                crate::diff::word_diff(&words.join(" "), full)
            } else {
                esc(&words.join(" … "))
            };
            let _ = write!(b, "<li><a href=\"/articles/{}\">{}</a>: <span class=kind>{}</span>{credited} <span class=diff>{shown}</span></li>", encode(a), name(a), esc(fidelity));
        }
        b.push_str("</ul></li>");
    }
    b.push_str("</ul>");
}

/// The story's articles as boxes, earliest first, and an arrow from each source to the
/// article that copied (solid) or rewrote (dashed) it.
fn lineage_graph(members: &[String], links: &[Value], name: &dyn Fn(&str) -> String) -> String {
    let x_of = |a: &str| members.iter().position(|m| m == a).map(|k| 60 + k * 120);
    let width = 120 * members.len().max(1);
    let mut svg = format!(
        "<svg viewBox=\"0 0 {width} 110\" width=\"100%\" role=img aria-label=\"lineage\"><defs><marker id=arrow viewBox=\"0 0 10 10\" refX=9 refY=5 markerWidth=6 markerHeight=6 orient=auto><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker></defs>"
    );
    for l in links {
        let (Some(from), Some(to)) = (
            l["source"].as_str().and_then(x_of),
            l["article"].as_str().and_then(x_of),
        ) else {
            continue;
        };
        let dash = if l["relation"] == "copy" {
            ""
        } else {
            " stroke-dasharray=\"4 3\""
        };
        let mid = (from + to) / 2;
        let _ = write!(
            svg,
            "<path d=\"M{from},70 Q{mid},{} {to},70\" fill=none stroke=\"#555\"{dash} marker-end=\"url(#arrow)\"/>",
            if from < to { 105 } else { 35 }
        );
    }
    for m in members {
        let x = x_of(m).unwrap_or(0);
        let label: String = name(m).chars().take(16).collect();
        let _ = write!(
            svg,
            "<rect x={} y=42 width=110 height=26 rx=4 fill=\"#eef3fb\" stroke=\"#99b\"/><text x={x} y=59 text-anchor=middle>{}</text>",
            x - 55,
            esc(&label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The timeline's days as dots on a line, spaced by date.
fn timeline_chart(entries: &[Value]) -> String {
    let days: Vec<(i64, &str)> = entries
        .iter()
        .filter_map(|t| {
            let d = t["date"].as_str()?;
            Some((day_number(d.get(..10)?)?, d))
        })
        .collect();
    let (Some(first), Some(last)) = (
        days.iter().map(|d| d.0).min(),
        days.iter().map(|d| d.0).max(),
    ) else {
        return String::new();
    };
    let span = (last - first).max(1) as f64;
    let mut svg = String::from("<svg viewBox=\"0 0 600 50\" width=\"100%\" role=img aria-label=\"timeline\"><line x1=60 y1=20 x2=540 y2=20 stroke=\"#999\"/>");
    for (k, (d, label)) in days.iter().enumerate() {
        let x = 60.0 + 480.0 * (d - first) as f64 / span;
        let y = if k % 2 == 0 { 40 } else { 12 };
        let _ = write!(svg, "<circle cx=\"{x:.0}\" cy=20 r=5 fill=\"#0645ad\"/><text x=\"{x:.0}\" y={y} text-anchor=middle>{}</text>", esc(label));
    }
    svg.push_str("</svg>");
    svg
}

/// Days since 1970-01-01 of an ISO date.
fn day_number(d: &str) -> Option<i64> {
    let day = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some(day.signed_duration_since(epoch).num_days())
}

/// `/articles/{id}?hl=`.
pub(crate) fn page_article(store: &Store, id: &str, hl: &str) -> Reply {
    let a: Value = match store.article(id) {
        Ok(Some(a)) => serde_json::from_str(&a).unwrap_or(Value::Null),
        Ok(None) => return html(404, page("Not found", "<p>No such article.</p>")),
        Err(e) => return failure(&e),
    };
    let story: Value = a["story"]
        .as_str()
        .and_then(|s| store.story(s).ok().flatten())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null);
    let title = a["title"].as_str().unwrap_or(id);
    let mut b = format!(
        "<h1>{}</h1><p class=meta>{} · {} · <span class=kind>{}</span> · story <a href=\"/stories/{}\">{}</a></p>",
        esc(title),
        esc(a["outlet"].as_str().unwrap_or("outlet unknown")),
        esc(a["published"].as_str().unwrap_or("date unknown")),
        esc(a["kind"].as_str().unwrap_or("")),
        encode(a["story"].as_str().unwrap_or("")),
        esc(story["headline"].as_str().unwrap_or("")),
    );
    // What to mark: the linked evidence, this article's quotations and its names.
    let mut marks: Vec<(String, &str)> = Vec::new();
    if !hl.is_empty() {
        marks.push((hl.to_string(), "hl"));
    }
    for q in story["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(story["reported_speech"].as_array().into_iter().flatten())
    {
        for o in q["occurrences"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|o| o["article"].as_str() == Some(id))
        {
            for p in o["parts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                marks.push((p.to_string(), "q"));
            }
        }
    }
    for e in story["entities"].as_array().into_iter().flatten() {
        for m in e["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|m| m["article"].as_str() == Some(id))
        {
            if let Some(t) = m["text"].as_str() {
                marks.push((t.to_string(), "e"));
            }
        }
    }
    let body = a["body"].as_str().unwrap_or("");
    let paragraphs: Vec<&str> = body.split('\n').filter(|p| !p.trim().is_empty()).collect();
    let removed: Vec<&Value> = a["removed"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(a["appended"].as_array().into_iter().flatten())
        .collect();
    for piece in in_reading_order(&a, &paragraphs, &removed) {
        match piece {
            Piece::Kept(p) => {
                let _ = write!(b, "<p>{}</p>", marked(p, &marks));
            }
            Piece::Removed(r) => {
                let reason = r["reason"].as_str().or(r["kind"].as_str());
                let _ = write!(
                    b,
                    "<p class=removed><s>{}</s> <span class=meta>removed: {}</span></p>",
                    esc(r["text"].as_str().unwrap_or("")),
                    esc(reason.unwrap_or("appended"))
                );
            }
        }
    }
    html(200, page(title, &b))
}

/// A piece of an article page: a paragraph cleaning kept, or what it took out.
enum Piece<'a> {
    Kept(&'a str),
    Removed(&'a Value),
}

/// The kept paragraphs and the removed pieces in the order they stand in the input text,
/// by their spans (the report's `paragraphs` and each removed piece's `span`); where the
/// spans are missing or do not match the body, the kept text first and what was removed
/// after it.
fn in_reading_order<'a>(
    article: &'a Value,
    paragraphs: &[&'a str],
    removed: &[&'a Value],
) -> Vec<Piece<'a>> {
    let start = |v: &Value| v.get(0).and_then(Value::as_u64);
    let kept: Vec<u64> = article["paragraphs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(start)
        .collect();
    let cut: Vec<Option<u64>> = removed.iter().map(|r| start(&r["span"])).collect();
    if kept.len() != paragraphs.len() || cut.iter().any(Option::is_none) {
        return paragraphs
            .iter()
            .map(|&p| Piece::Kept(p))
            .chain(removed.iter().map(|&r| Piece::Removed(r)))
            .collect();
    }
    let mut pieces: Vec<(u64, Piece)> = kept
        .into_iter()
        .zip(paragraphs)
        .map(|(at, &p)| (at, Piece::Kept(p)))
        .chain(
            cut.into_iter()
                .flatten()
                .zip(removed)
                .map(|(at, &r)| (at, Piece::Removed(r))),
        )
        .collect();
    // A stable sort: a piece removed from inside a paragraph comes after it.
    pieces.sort_by_key(|&(at, _)| at);
    pieces.into_iter().map(|(_, p)| p).collect()
}

/// `p` escaped, with the first place each mark's text stands wrapped (the linked evidence
/// as `<mark id=hl>`, quotations as `<mark class=q>`, names as `<span class=e>`); marks
/// that would overlap one already placed are left out.
fn marked(p: &str, marks: &[(String, &str)]) -> String {
    let mut placed: Vec<(usize, usize, &str)> = Vec::new();
    // Where the search for a text goes on (None: it is not in `p` any more). A text
    // marked again (an article names Kessa forty times) starts after its last place: the
    // places before it all overlap a mark already placed, and searching them again for
    // every mention of every paragraph took seconds on a long article.
    let mut resume: std::collections::HashMap<&str, Option<usize>> = Default::default();
    for (t, kind) in marks {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        let Some(mut from) = resume.get(t).copied().unwrap_or(Some(0)) else {
            continue;
        };
        let mut found = None;
        while let Some(i) = p[from..].find(t) {
            let (s, e) = (from + i, from + i + t.len());
            from = e;
            if !placed.iter().any(|&(a, b, _)| s < b && a < e) {
                placed.push((s, e, kind));
                found = Some(e);
                break;
            }
        }
        resume.insert(t, found);
    }
    placed.sort();
    let mut out = String::new();
    let mut at = 0;
    for (s, e, kind) in placed {
        out.push_str(&esc(&p[at..s]));
        let (open, close) = match kind {
            "hl" => ("<mark id=hl>", "</mark>"),
            "q" => ("<mark class=q>", "</mark>"),
            _ => ("<span class=e>", "</span>"),
        };
        out.push_str(open);
        out.push_str(&esc(&p[s..e]));
        out.push_str(close);
        at = e;
    }
    out.push_str(&esc(&p[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_escaped_and_do_not_overlap() {
        let p = "Lena Brandt said <all> were safe, Brandt said.";
        let got = marked(
            p,
            &[
                ("<all> were safe".into(), "q"),
                ("Lena Brandt".into(), "e"),
                ("Brandt".into(), "e"),
            ],
        );
        assert_eq!(
            got,
            "<span class=e>Lena Brandt</span> said <mark class=q>&lt;all&gt; were safe</mark>, <span class=e>Brandt</span> said."
        );
    }

    #[test]
    fn a_text_marked_again_takes_its_next_place() {
        let p = "Kessa and Kessa, then Kessa.";
        let kessa = || ("Kessa".to_string(), "e");
        assert_eq!(
            marked(p, &[kessa(), ("and Kessa".into(), "q"), kessa(), kessa(), kessa()]),
            "<span class=e>Kessa</span> <mark class=q>and Kessa</mark>, then <span class=e>Kessa</span>."
        );
    }

    #[test]
    fn lineage_draws_an_arrow_per_link() {
        let members = vec!["wire".to_string(), "copy".to_string(), "<b>".to_string()];
        let links = vec![
            serde_json::json!({"article": "copy", "source": "wire", "relation": "copy"}),
            serde_json::json!({"article": "<b>", "source": "wire", "relation": "rewrite"}),
        ];
        let svg = lineage_graph(&members, &links, &|a: &str| a.to_string());
        assert_eq!(svg.matches("marker-end").count(), 2);
        assert_eq!(svg.matches("stroke-dasharray").count(), 1);
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
    }

    #[test]
    fn days() {
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(
            day_number("2026-03-10").unwrap() - day_number("2026-02-28").unwrap(),
            10
        );
    }

    /// The pages carry no inline script or style for the Content-Security-Policy to
    /// refuse: their style comes from `/style.css`.
    #[test]
    fn pages_have_no_inline_script_or_style() {
        let p = page("<t>", "<p>x</p>");
        assert!(
            p.contains("<link rel=stylesheet href=\"/style.css\">"),
            "{p}"
        );
        for inline in ["<script", "<style", " style=", " onclick=", " onload="] {
            assert!(!p.contains(inline), "{inline} in {p}");
        }
    }
}
