//! HTML pages → an article: metadata from the page's head, main text from its body.
//!
//! [`page_article`] leaves out what is never read (`prune.rs`: scripts, style sheets, most
//! attributes, drawings, plain navigation), parses the page with html5ever (the HTML
//! standard's parsing algorithm, through `scraper`; `parse.rs` stops it at
//! [`MAX_HTML_DEPTH`]), reads its metadata (`meta.rs`) and its
//! main text ([`main_text`]), and writes the main text as paragraphs separated by blank
//! lines, so that the text cleaning that follows works on it exactly as on a text article.

mod main_text;
mod meta;
mod parse;
mod prune;

use parallax_model::RawArticle;

use crate::{Problem, MAX_HTML_DEPTH};

pub use main_text::main_text;

/// True when a decoded file reads as an HTML page rather than as plain text: it opens with
/// a doctype, an `<html>`, `<head>` or `<body>` tag, or an HTML comment before one.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    if !head.starts_with('<') {
        return false;
    }
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<meta",
        "<title",
    ]
    .iter()
    .any(|t| head.starts_with(t))
        || (head.starts_with("<!--") || head.starts_with("<?xml"))
            && (head.contains("<html") || head.contains("<!doctype html"))
}

/// The article a page holds: id and source as given, the main text as the input text, and
/// what the page declares about itself as the header. A page whose elements nest deeper
/// than [`MAX_HTML_DEPTH`] is refused ([`Problem::TooDeep`]), its parse stopped there.
pub fn page_article(id: String, source: String, html: &str) -> Result<RawArticle, Problem> {
    let pruned = prune::pruned(html);
    let doc = parse::parse(&pruned, MAX_HTML_DEPTH).map_err(|_| Problem::TooDeep {
        limit: MAX_HTML_DEPTH,
    })?;
    let header = meta::header(&doc);
    let blocks = main_text(&doc);
    Ok(RawArticle {
        id,
        source,
        text: blocks.join("\n\n"),
        header,
        from_markup: true,
    })
}

#[cfg(test)]
mod tests;
