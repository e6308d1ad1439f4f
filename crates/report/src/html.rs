//! The HTML report: one self-contained page (no scripts, no external files) with the
//! stories, and for each article its cleaned text, what was removed and why, and what was
//! appended.

use std::collections::HashMap;
use std::io::Write;

use parallax_model::{Article, Quote, Story};

use crate::{Error, Head, Result};

const STYLE: &str = r#"
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin:1.5rem 0 .25rem}
.meta{color:#555;font-size:.9rem}.kind{display:inline-block;padding:0 .4rem;border-radius:.3rem;background:#eef;font-size:.8rem}
.kind.opinion{background:#fde7c8}.kind.other{background:#eee}.story{border:1px solid #ddd;border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0}
.story ol{margin:.25rem 0}.body p{margin:.5rem 0}.dateline{font-weight:600}
details{margin:.5rem 0}summary{cursor:pointer;color:#333}
.removed li{color:#777;text-decoration:line-through}.removed .reason{text-decoration:none;display:inline-block;margin-left:.5rem;font-size:.8rem;color:#a33}
.appended{border-left:3px solid #c96;padding-left:.75rem;color:#555;white-space:pre-wrap}
.skipped li{color:#a33}@media (max-width:40rem){body{font-size:15px}}
"#;

/// Escapes text for HTML.
/// `s` with the characters HTML gives meaning to written as entities, for text and for
/// attribute values alike.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// "1 article", "3 articles".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

fn anchor(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("a-{safe}")
}

/// Writes the HTML report. `titles` gives each article's headline and outlet for the story
/// list, which comes before the articles themselves.
pub fn write_html<E: std::fmt::Display>(
    head: &Head,
    titles: &HashMap<String, (Option<String>, Option<String>)>,
    articles: impl Iterator<Item = std::result::Result<Article, E>>,
    stories: &[Story],
    mut out: impl Write,
) -> Result<()> {
    let s = &head.summary;
    write!(
        out,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>parallax report</title><style>{STYLE}</style></head><body>\n<h1>parallax report</h1>\n\
         <p class=\"meta\">{} in {}; {} skipped; {:.2} s. Written by {}.</p>\n",
        count(s.articles, "article"),
        count(s.stories, "story").replace("storys", "stories"),
        count(s.skipped.len(), "input"),
        s.seconds,
        esc(&head.generator)
    )?;
    if !s.skipped.is_empty() {
        writeln!(
            out,
            "<details class=\"skipped\"><summary>Skipped inputs</summary><ul>"
        )?;
        for k in &s.skipped {
            writeln!(out, "<li>{}: {}</li>", esc(&k.source), esc(&k.problem))?;
        }
        writeln!(out, "</ul></details>")?;
    }
    writeln!(out, "<h2>Stories</h2>")?;
    // Stories told by many outlets first: they are where outlets can disagree.
    let mut order: Vec<&Story> = stories.iter().collect();
    order.sort_by_key(|s| std::cmp::Reverse((s.outlets.len(), s.articles.len())));
    for story in order {
        writeln!(
            out,
            "<section class=\"story\" id=\"{}\"><h3>{}</h3>",
            esc(&story.id),
            esc(&story.headline)
        )?;
        writeln!(
            out,
            "<p class=\"meta\">{} · {} · {}</p><ol>",
            esc(&story.id),
            count(story.articles.len(), "article"),
            count(story.outlets.len(), "outlet")
        )?;
        for id in &story.articles {
            let (title, outlet) = titles.get(id).cloned().unwrap_or_default();
            let origin = if story.origin.as_deref() == Some(id) {
                " <span class=\"kind\">original report</span>"
            } else {
                ""
            };
            writeln!(
                out,
                "<li><a href=\"#{}\">{}</a> <span class=\"meta\">{}</span>{origin}</li>",
                anchor(id),
                esc(title.as_deref().unwrap_or(id)),
                esc(outlet.as_deref().unwrap_or("outlet unknown"))
            )?;
        }
        writeln!(out, "</ol>")?;
        if !story.lineage.is_empty() {
            write!(out, "<p class=\"meta\">Lineage: ")?;
            for (k, l) in story.lineage.iter().enumerate() {
                let verb = if l.relation == "copy" {
                    "copies"
                } else {
                    "rewrites"
                };
                write!(
                    out,
                    "{}<a href=\"#{}\">{}</a> {verb} <a href=\"#{}\">{}</a> ({:.0}% of phrases shared)",
                    if k == 0 { "" } else { "; " },
                    anchor(&l.article),
                    esc(&l.article),
                    anchor(&l.source),
                    esc(&l.source),
                    l.similarity * 100.0
                )?;
            }
            writeln!(out, "</p>")?;
        }
        write_quotes(story, &mut out)?;
        writeln!(out, "</section>")?;
    }
    writeln!(out, "<h2>Articles</h2>")?;
    for article in articles {
        let a = article.map_err(|e| Error::Source(e.to_string()))?;
        write_article(&a, &mut out)?;
    }
    writeln!(out, "</body></html>")?;
    out.flush()?;
    Ok(())
}

/// Each utterance with the outlets that carried it, how faithfully, and whom they credit.
fn write_quotes(story: &Story, out: &mut impl Write) -> Result<()> {
    write_utterances(&story.quotes, "quote", out)?;
    write_utterances(&story.reported_speech, "reported statement", out)
}

fn write_utterances(quotes: &[Quote], what: &str, out: &mut impl Write) -> Result<()> {
    if quotes.is_empty() {
        return Ok(());
    }
    writeln!(
        out,
        "<details><summary>{}</summary><ul class=\"quotes\">",
        count(quotes.len(), what)
    )?;
    for q in quotes {
        write!(
            out,
            "<li><q>{}</q> <span class=\"meta\">— {}</span><ul>",
            esc(&q.text),
            esc(q.speaker.as_deref().unwrap_or("speaker unknown"))
        )?;
        for o in &q.occurrences {
            let credited = match (&o.speaker, &q.speaker) {
                (Some(s), Some(t)) if s != t => format!(", credited to {}", esc(s)),
                _ => String::new(),
            };
            writeln!(
                out,
                "<li class=\"meta\"><a href=\"#{}\">{}</a>: <span class=\"kind\">{}</span>{credited} {}</li>",
                anchor(&o.article),
                esc(&o.article),
                esc(&o.fidelity),
                esc(&o.parts.join(" … "))
            )?;
        }
        writeln!(out, "</ul></li>")?;
    }
    writeln!(out, "</ul></details>")?;
    Ok(())
}

fn write_article(a: &Article, out: &mut impl Write) -> Result<()> {
    let kind = match a.kind {
        parallax_model::Kind::News => "news",
        parallax_model::Kind::Opinion => "opinion",
        parallax_model::Kind::Other => "other",
    };
    writeln!(
        out,
        "<article id=\"{}\"><h3>{}</h3>",
        anchor(&a.id),
        esc(a.title.as_deref().unwrap_or(&a.id))
    )?;
    let published = a
        .published
        .map(|p| p.to_rfc3339())
        .unwrap_or_else(|| "date unknown".into());
    write!(
        out,
        "<p class=\"meta\"><span class=\"kind {kind}\">{kind}</span> {} · {} · {} · story <a href=\"#{}\">{}</a>",
        esc(&a.id),
        esc(a.outlet.as_deref().unwrap_or("outlet unknown")),
        esc(&published),
        esc(&a.story),
        esc(&a.story)
    )?;
    if let Some(c) = &a.copy_of {
        write!(
            out,
            " · copy of <a href=\"#{}\">{}</a> ({:.0}% alike)",
            anchor(&c.article),
            esc(&c.article),
            c.similarity * 100.0
        )?;
    }
    writeln!(out, "</p><div class=\"body\">")?;
    for (k, p) in a.body_paragraphs().enumerate() {
        match (&a.dateline, k) {
            (Some(d), 0) => writeln!(
                out,
                "<p><span class=\"dateline\">{}</span>{}</p>",
                esc(d),
                esc(p)
            )?,
            _ => writeln!(out, "<p>{}</p>", esc(p))?,
        }
    }
    writeln!(out, "</div>")?;
    if !a.removed.is_empty() {
        writeln!(
            out,
            "<details class=\"removed\"><summary>Removed: {} lines or fragments</summary><ul>",
            a.removed.len()
        )?;
        for r in &a.removed {
            writeln!(
                out,
                "<li>{}<span class=\"reason\">{}</span></li>",
                esc(&r.text),
                r.reason.as_str()
            )?;
        }
        writeln!(out, "</ul></details>")?;
    }
    for x in &a.appended {
        let kind = match x.kind {
            parallax_model::AppendedKind::Commentary => "commentary",
            parallax_model::AppendedKind::Advocacy => "advocacy",
        };
        writeln!(out, "<details><summary>Appended {kind}, kept out of the report</summary><div class=\"appended\">{}</div></details>", esc(&x.text))?;
    }
    writeln!(out, "</article>")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let mut a = Article::new("x<1>", "x.txt");
        a.title = Some("<script>alert(1)</script>".into());
        a.body = "Tom & Jerry \"quoted\"".into();
        let head = Head {
            generator: "t".into(),
            settings: serde_json::json!({}),
            summary: Default::default(),
        };
        let mut out = Vec::new();
        write_html(
            &head,
            &HashMap::new(),
            std::iter::once(Ok::<_, std::io::Error>(a)),
            &[],
            &mut out,
        )
        .unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("Tom &amp; Jerry &quot;quoted&quot;"));
        assert!(page.contains("id=\"a-x-1-\""));
    }
}
