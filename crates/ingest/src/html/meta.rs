//! What a page says about itself: headline, outlet, author, publication time, address.
//!
//! ## What it handles
//! JSON-LD `NewsArticle` / `Article` / `ReportageNewsArticle` objects (also inside an
//! `@graph` or a list), Open Graph and `article:` meta tags, `name`/`itemprop` meta tags
//! (`author`, `date`, `datePublished`, `pubdate`, `dc.date`), `<link rel=canonical>`, the
//! first `<time datetime>` and, for the headline, the first `<h1>` or the `<title>` without
//! its " | Site" or " - Site" tail. JSON-LD wins over meta tags, meta tags over the body.
//!
//! ## What it does not
//! Dates written only in words inside the page's text: the text cleaning reads those.

use std::sync::LazyLock;

use scraper::{Html, Selector};
use serde_json::Value;

use parallax_model::Header;

use crate::parse_timestamp;

/// A static selector, parsed once.
macro_rules! css {
    ($name:ident, $css:literal) => {
        static $name: LazyLock<Selector> =
            LazyLock::new(|| Selector::parse($css).expect("a valid selector"));
    };
}

css!(META, "meta[content]");
css!(JSON_LD, "script[type=\"application/ld+json\"]");
css!(H1, "h1");
css!(TITLE, "title");
css!(TIME, "time[datetime]");
css!(CANONICAL, "link[rel=\"canonical\"]");
css!(LANG, "html[lang]");

/// Every `<meta>` tag's content, by its `property`, `name` or `itemprop` (lower-cased),
/// first one first.
struct Metas(std::collections::HashMap<String, String>);

impl Metas {
    fn of(doc: &Html) -> Metas {
        let mut map = std::collections::HashMap::new();
        for m in doc.select(&META) {
            let content = clean(m.value().attr("content").unwrap_or(""));
            if content.is_empty() {
                continue;
            }
            for attr in ["property", "name", "itemprop"] {
                if let Some(key) = m.value().attr(attr) {
                    map.entry(key.to_ascii_lowercase())
                        .or_insert_with(|| content.clone());
                }
            }
        }
        Metas(map)
    }

    /// The content of the first of `keys` that the page has.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter()
            .find_map(|k| self.0.get(&k.to_ascii_lowercase()).cloned())
    }
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The JSON-LD objects of article type on the page.
fn json_ld_articles(doc: &Html) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select(&JSON_LD) {
        let text: String = script.text().collect();
        let Ok(v) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        collect_articles(&v, &mut out);
    }
    out
}

/// The objects of article type in a JSON-LD value, in document order (an object's
/// `@graph` before the object itself), found with a stack of its own rather than by
/// recursion.
fn collect_articles(v: &Value, out: &mut Vec<Value>) {
    enum Step<'a> {
        Visit(&'a Value),
        Take(&'a Value),
    }
    let mut steps = vec![Step::Visit(v)];
    while let Some(step) = steps.pop() {
        let v = match step {
            Step::Take(v) => {
                out.push(v.clone());
                continue;
            }
            Step::Visit(v) => v,
        };
        match v {
            Value::Array(items) => steps.extend(items.iter().rev().map(Step::Visit)),
            Value::Object(map) => {
                let is_article = match map.get("@type") {
                    Some(Value::String(t)) => t.ends_with("Article") || t == "BlogPosting",
                    Some(Value::Array(ts)) => ts
                        .iter()
                        .filter_map(Value::as_str)
                        .any(|t| t.ends_with("Article") || t == "BlogPosting"),
                    _ => false,
                };
                if is_article {
                    steps.push(Step::Take(v));
                }
                if let Some(graph) = map.get("@graph") {
                    steps.push(Step::Visit(graph));
                }
            }
            _ => {}
        }
    }
}

/// A JSON-LD value as text: a string, or the `name` of an object, or the first of a list
/// that gives one (depth first, with a stack of its own rather than by recursion).
fn ld_text(v: Option<&Value>) -> Option<String> {
    let mut stack: Vec<&Value> = v.into_iter().collect();
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) => {
                let s = clean(s);
                if !s.is_empty() {
                    return Some(s);
                }
            }
            Value::Object(o) => stack.extend(o.get("name")),
            Value::Array(a) => stack.extend(a.iter().rev()),
            _ => {}
        }
    }
    None
}

/// The page's metadata.
pub(crate) fn header(doc: &Html) -> Header {
    let ld = json_ld_articles(doc);
    let metas = Metas::of(doc);
    let from_ld = |key: &str| ld.iter().find_map(|a| ld_text(a.get(key)));
    let outlet = ld
        .iter()
        .find_map(|a| ld_text(a.get("publisher")))
        .or_else(|| metas.get(&["og:site_name", "application-name"]));
    let title = from_ld("headline")
        .or_else(|| metas.get(&["og:title", "twitter:title", "headline"]))
        .or_else(|| {
            doc.select(&H1)
                .map(|h| clean(&h.text().collect::<String>()))
                .find(|t| !t.is_empty())
        })
        .or_else(|| {
            doc.select(&TITLE)
                .map(|t| strip_site(&clean(&t.text().collect::<String>()), outlet.as_deref()))
                .find(|t| !t.is_empty())
        });
    let author = from_ld("author").or_else(|| metas.get(&["author", "article:author"]));
    let published = from_ld("datePublished")
        .or_else(|| {
            metas.get(&[
                "article:published_time",
                "datePublished",
                "og:published_time",
                "pubdate",
                "publishdate",
                "date",
                "dc.date",
                "DC.date.issued",
                "sailthru.date",
            ])
        })
        .or_else(|| {
            doc.select(&TIME)
                .filter_map(|t| t.value().attr("datetime").map(clean))
                .next()
        })
        .and_then(|t| parse_timestamp(&t));
    let url = doc
        .select(&CANONICAL)
        .filter_map(|l| l.value().attr("href").map(clean))
        .find(|h| h.starts_with("http"))
        .or_else(|| metas.get(&["og:url"]));
    let language = doc
        .select(&LANG)
        .filter_map(|h| h.value().attr("lang").map(clean))
        .next();
    Header {
        title,
        outlet,
        published,
        url,
        author,
        language,
    }
}

/// "Dam opens | The Courier" → "Dam opens": the last " | ", " - " or " — " part goes when
/// it is the outlet's name, or a short tail after " | " (site names, not headline words).
fn strip_site(title: &str, outlet: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let is_outlet = outlet.is_some_and(|o| o.eq_ignore_ascii_case(tail.trim()));
            let short = sep == " | " && tail.split_whitespace().count() <= 4;
            if !head.trim().is_empty() && (is_outlet || short) {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}
