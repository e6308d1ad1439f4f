//! Web input end to end: the example corpus's articles written as HTML pages (two page
//! templates with the usual furniture around the article) and as a WARC crawl file give the
//! same cleaned articles and the same stories as their text versions.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{analyze, root};

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A text article's header fields and body lines.
fn parse(text: &str) -> (BTreeMap<String, String>, Vec<String>) {
    let (head, body) = text.split_once("\n\n").unwrap();
    let header = head
        .lines()
        .filter_map(|l| l.split_once(": "))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let lines = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect();
    (header, lines)
}

/// The body lines as paragraphs; the lines a page would print as links to other pages
/// (the teasers a text scrape leaves after the report) as links.
fn paragraphs(lines: &[String], links: &[String]) -> String {
    lines
        .iter()
        .map(|l| {
            if links.contains(l) {
                format!("<p><a href=\"/more\">{}</a></p>\n", escape(l))
            } else {
                format!("<p>{}</p>\n", escape(l))
            }
        })
        .collect()
}

/// A news site's page: metadata in meta tags and JSON-LD, the article among navigation, a
/// share bar, related links, a comment section and a footer.
fn news_page(h: &BTreeMap<String, String>, lines: &[String], links: &[String]) -> String {
    let paragraphs = paragraphs(lines, links);
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{title}","datePublished":"{published}"}}</script>
<script>var ads = [];</script>
</head><body>
<header class="site-header"><a href="/">{outlet}</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article class="article">
<h1>{title}</h1>
<div class="social-share"><a href="/s/fb">Facebook</a> <a href="/s/x">X</a> <a href="/s/mail">Email</a></div>
<div class="article-body">
{paragraphs}</div>
<aside class="related-stories"><h2>More on this story</h2><ul><li><a href="/1">Kessa harbour pilots warned of shifting sandbanks</a></li><li><a href="/2">Nordvik Line adds winter sailings</a></li></ul></aside>
</article>
<section id="comments"><h2>Comments</h2><p>Thanks for the clear report, it answered everything I wanted to know.</p></section>
</main>
<footer class="site-footer"><p>Contact us</p><p>Privacy policy</p></footer>
</body></html>"#,
        title = escape(&h["Title"]),
        outlet = escape(h.get("Outlet").map_or("", String::as_str)),
        url = escape(
            h.get("URL")
                .map_or("https://example.news/a", String::as_str)
        ),
        published = h["Published"],
    )
}

/// A blog-engine page: metadata in meta tags, the article in an entry-content div, a
/// sidebar and widgets beside it.
fn blog_page(h: &BTreeMap<String, String>, lines: &[String], links: &[String]) -> String {
    let paragraphs = paragraphs(lines, links);
    format!(
        r#"<!doctype html>
<html><head>
<meta name="viewport" content="width=device-width">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta property="article:published_time" content="{published}">
<style>body {{ font-family: serif; }}</style>
</head><body class="single-post">
<div id="page"><div class="site-branding"><p class="site-title"><a href="/">{outlet}</a></p></div>
<div id="primary" class="content-area"><div class="post type-post">
<h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on"><time datetime="{published}">{published}</time></span></div>
<div class="entry-content">
{paragraphs}</div>
<div class="sharedaddy"><h3>Share this:</h3><ul><li><a href="/?share=twitter">Twitter</a></li></ul></div>
</div></div>
<div id="secondary" class="widget-area sidebar"><section class="widget"><h2>Recent posts</h2><ul><li><a href="/r1">Harbour fees to rise</a></li></ul></section></div>
</div></body></html>"#,
        title = escape(&h["Title"]),
        outlet = escape(h.get("Outlet").map_or("", String::as_str)),
        published = h["Published"],
    )
}

fn warc_record(uri: &str, page: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-12-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    )
    .into_bytes()
}

/// Each article's cleaned body, title, outlet, publication time, and the others in its story.
fn digest(report: &serde_json::Value, rename: &dyn Fn(&str) -> String) -> BTreeMap<String, String> {
    let articles = report["articles"].as_array().unwrap();
    let story_of: BTreeMap<String, String> = articles
        .iter()
        .map(|a| (rename(a["id"].as_str().unwrap()), a["story"].to_string()))
        .collect();
    articles
        .iter()
        .map(|a| {
            let id = rename(a["id"].as_str().unwrap());
            let mates: Vec<&String> = story_of
                .iter()
                .filter(|(_, s)| **s == story_of[&id])
                .map(|(m, _)| m)
                .collect();
            let value = format!(
                "title={} outlet={} published={} dateline={} story={:?}\n{}",
                a["title"],
                a["outlet"],
                a["published"],
                a["dateline"],
                mates,
                a["body"].as_str().unwrap()
            );
            (id, value)
        })
        .collect()
}

#[test]
fn pages_and_a_crawl_give_the_text_articles_report() {
    let corpus = root().join("examples/corpus");
    let dir = tempfile::tempdir().unwrap();
    let (text_dir, html_dir, warc_dir) = (
        dir.path().join("text"),
        dir.path().join("html"),
        dir.path().join("warc"),
    );
    for d in [&text_dir, &html_dir, &warc_dir] {
        std::fs::create_dir(d).unwrap();
    }
    let mut names: Vec<_> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut articles = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        let (header, lines) = parse(&text);
        // Articles with a full header; the others carry their metadata in the text itself.
        if !(header.contains_key("Title") && header.contains_key("Published")) {
            continue;
        }
        let stem = path.file_stem().unwrap().to_str().unwrap().to_string();
        std::fs::copy(path, text_dir.join(format!("{stem}.txt"))).unwrap();
        articles.push((stem, header, lines));
    }
    assert!(articles.len() >= 10);

    let run = |d: &Path| {
        let out = tempfile::tempdir().unwrap();
        let (output, report) = analyze(&[d], out.path());
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(parallax_eval::validate(&report).is_empty());
        report
    };
    let text_report = run(&text_dir);
    // What the text scrape left after the report as links to other pages.
    let links = |id: &str| -> Vec<String> {
        text_report["articles"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["id"] == id)
            .flat_map(|a| a["removed"].as_array().unwrap().iter())
            .filter(|r| matches!(r["reason"].as_str(), Some("navigation" | "related-link")))
            .map(|r| r["text"].as_str().unwrap().to_string())
            .collect()
    };
    let mut crawl = Vec::new();
    let mut order = Vec::new();
    for (k, (stem, header, lines)) in articles.iter().enumerate() {
        let page = if k % 2 == 0 {
            news_page(header, lines, &links(stem))
        } else {
            blog_page(header, lines, &links(stem))
        };
        std::fs::write(html_dir.join(format!("{stem}.html")), &page).unwrap();
        crawl.extend(warc_record(&format!("https://example.news/{stem}"), &page));
        order.push(stem.clone());
    }
    std::fs::write(warc_dir.join("crawl.warc"), crawl).unwrap();

    let same = |id: &str| id.to_string();
    let text = digest(&text_report, &same);
    let html = digest(&run(&html_dir), &same);
    // The crawl's records are numbered from 1 in the order they were written.
    let from_record = |id: &str| {
        let n: usize = id.rsplit('-').next().unwrap().parse().unwrap();
        order[n - 1].clone()
    };
    let warc = digest(&run(&warc_dir), &from_record);
    for (id, want) in &text {
        assert_eq!(html.get(id), Some(want), "{id} as an HTML page");
        assert_eq!(warc.get(id), Some(want), "{id} in a crawl file");
    }
    assert_eq!(text.len(), html.len());
    assert_eq!(text.len(), warc.len());
}

#[test]
fn extract_writes_json_lines_that_analyze_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("examples/corpus/ferry-nwa.txt")).unwrap();
    let (header, lines) = parse(&text);
    std::fs::write(
        dir.path().join("ferry.html"),
        news_page(&header, &lines, &[]),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.html"),
        "<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    let out = dir.path().join("out.jsonl");
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["extract"])
        .arg(dir.path())
        .arg("--json")
        .arg(&out)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("broken.html: an HTML page with no main text"),
        "{stderr}"
    );
    let written = std::fs::read_to_string(&out).unwrap();
    let line: serde_json::Value = serde_json::from_str(written.lines().next().unwrap()).unwrap();
    assert_eq!(line["id"], "ferry");
    assert_eq!(line["title"], header["Title"].as_str());
    assert_eq!(line["outlet"], "Norland Wire Agency");
    assert_eq!(line["text"], lines.join("\n\n"));

    let back = tempfile::tempdir().unwrap();
    let (output, report) = analyze(&[&out], back.path());
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(report["articles"][0]["id"], "ferry");
    assert_eq!(report["articles"][0]["outlet"], "Norland Wire Agency");
}
