use super::*;

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Ferry runs aground off Kessa | Coastline News</title>
<meta property="og:site_name" content="Coastline News">
<meta property="article:published_time" content="2026-03-10T11:02:00+01:00">
<link rel="canonical" href="https://coastline.example/kessa-ferry">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry with 62 on board runs aground off Kessa","author":{"@type":"Person","name":"Hanna Vik"}}</script>
<style>.x{color:red}</style>
</head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<main>
<article class="story">
<h1>Ferry with 62 on board runs aground off Kessa</h1>
<div class="story-body" itemprop="articleBody">
<p>A passenger ferry carrying 62 people ran aground on a sandbank off Kessa early on Tuesday, and everyone on board was brought ashore safely, the coastguard said.</p>
<p>The Astrid Marie, operated by Nordvik Line, struck the bank at about 5 a.m. in heavy fog, according to the coastguard, which sent two lifeboats.</p>
<figure><img src="x.jpg"><figcaption>The Astrid Marie in Kessa harbour.</figcaption></figure>
<p>“The crew did everything right,” said harbour master Lene Berg. An investigation has been opened.</p>
</div>
<aside class="related"><h3>Related</h3><ul><li><a href="/a">Harbour pilots warned of sandbanks</a></li></ul></aside>
</article>
</main>
<section class="comments"><p>Great reporting, as always, thank you for covering the coast so well.</p></section>
<footer><p>© 2026 Coastline News. All rights reserved.</p></footer>
</body></html>"##;

#[test]
fn a_page_gives_its_article_and_metadata() {
    assert!(looks_like_html(PAGE));
    let a = page_article("kessa".into(), "kessa.html".into(), PAGE).unwrap();
    assert_eq!(
        a.text,
        "A passenger ferry carrying 62 people ran aground on a sandbank off Kessa early on Tuesday, and everyone on board was brought ashore safely, the coastguard said.\n\n\
         The Astrid Marie, operated by Nordvik Line, struck the bank at about 5 a.m. in heavy fog, according to the coastguard, which sent two lifeboats.\n\n\
         “The crew did everything right,” said harbour master Lene Berg. An investigation has been opened."
    );
    let h = &a.header;
    assert_eq!(
        h.title.as_deref(),
        Some("Ferry with 62 on board runs aground off Kessa")
    );
    assert_eq!(h.outlet.as_deref(), Some("Coastline News"));
    assert_eq!(h.author.as_deref(), Some("Hanna Vik"));
    assert_eq!(
        h.published.map(|t| t.to_rfc3339()),
        Some("2026-03-10T11:02:00+01:00".into())
    );
    assert_eq!(
        h.url.as_deref(),
        Some("https://coastline.example/kessa-ferry")
    );
    assert_eq!(h.language.as_deref(), Some("en"));
}

#[test]
fn paragraphs_written_with_breaks_are_kept_apart() {
    let page = "<html><body><div id=\"content\">The dam on the Lisk river opened on Tuesday, after six years of work, officials said.<br><br>It will supply power to 40,000 homes, and water to the farms of the valley, the operator said.</div><div class=\"footer\">Contact us</div></body></html>";
    let a = page_article("dam".into(), "dam.html".into(), page).unwrap();
    assert_eq!(
        a.text,
        "The dam on the Lisk river opened on Tuesday, after six years of work, officials said.\n\nIt will supply power to 40,000 homes, and water to the farms of the valley, the operator said."
    );
}

#[test]
fn what_is_and_is_not_a_page() {
    assert!(looks_like_html("  <!doctype html><html></html>"));
    assert!(looks_like_html("<html><body>x</body></html>"));
    assert!(looks_like_html(
        "\u{feff}<!-- saved --><!DOCTYPE html><html>"
    ));
    assert!(!looks_like_html("Title: Dam opens\n\n<b>not a page</b>"));
    assert!(!looks_like_html("The <html> tag starts a page."));
}

#[test]
fn a_layout_box_named_for_its_sidebar_is_not_furniture() {
    let page = "<html><body><div class=\"container penci_sidebar\"><div class=\"post\"><p>The Lisk dam opened on Tuesday, after six years of work and two floods, officials said.</p><p>It will supply 40,000 homes, the operator said, and the valley's farms.</p></div><div class=\"widget\"><p>Popular posts</p></div></div></body></html>";
    let a = page_article("dam".into(), "dam.html".into(), page).unwrap();
    assert_eq!(
        a.text,
        "The Lisk dam opened on Tuesday, after six years of work and two floods, officials said.\n\nIt will supply 40,000 homes, the operator said, and the valley's farms."
    );
}
