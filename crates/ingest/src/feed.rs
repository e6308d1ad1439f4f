//! RSS 2.0 and Atom feed files: each entry an article.
//!
//! ## What it handles
//! RSS `<item>`s and Atom `<entry>`s with their title, link, author (`author`,
//! `dc:creator`, Atom `<author><name>`), publication time (`pubDate`, `dc:date`,
//! `published`, `updated`) and text: the full text where the feed carries it
//! (`content:encoded`, Atom `<content>`), else the summary (`description`, `<summary>`).
//! Text that is HTML is read through the same main-text extraction as a page (and the
//! "The post ... appeared first on ..." line of blog feeds is then removed by cleaning, as
//! copyright furniture).
//! The feed's own title is each entry's outlet. An entry with no text, or with a
//! publication date outside the years a publication may have, is reported with its number
//! and skipped. The feed is decoded in the encoding its XML declaration names (Latin-1,
//! Windows-1252, ...) when its bytes agree. A feed is refused whole, before it is parsed,
//! when it is larger than [`crate::FEED_ARTICLES`] articles' worth or its internal DTD
//! entities would expand past [`crate::MAX_ENTITY_EXPANSION`] (a billion-laughs without
//! nesting; nested ones and external entities the XML parser refuses itself), and while
//! parsed when it holds more than [`crate::MAX_FEED_NODES`] nodes.
//!
//! ## What it does not
//! Fetch the linked page when the feed carries only a summary: parallax reads what it is
//! given and never goes on the network.

use std::collections::HashMap;
use std::path::Path;

use parallax_model::{Header, RawArticle};

use crate::{
    article_id, InputError, Limits, Problem, Result, MAX_ENTITY_EXPANSION, MAX_FEED_NODES,
};

/// One entry of a feed, read but not yet parsed.
#[derive(Debug)]
pub struct PendingEntry {
    source: String,
    id: String,
    header: Header,
    text: String,
}

impl PendingEntry {
    /// Where the entry is: the feed and the entry's place in it.
    pub fn source_name(&self) -> &str {
        &self.source
    }

    /// The entry as an article: its text through main-text extraction when it is HTML.
    pub fn parse(self) -> Result<RawArticle> {
        let fail = |p| InputError {
            source_name: self.source.clone(),
            problem: p,
        };
        let from_markup = self.text.contains('<');
        let text = if from_markup {
            crate::html::page_article(self.id.clone(), self.source.clone(), &self.text)
                .map_err(fail)?
                .text
        } else {
            self.text.trim().to_string()
        };
        if text.trim().is_empty() {
            return Err(fail(Problem::EmptyEntry));
        }
        Ok(RawArticle {
            id: self.id,
            source: self.source,
            text,
            header: self.header,
            from_markup,
        })
    }
}

/// True when a file's opening reads as an RSS or Atom feed.
pub(crate) fn looks_like_feed(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&head[..head.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with('<')
        && (head.contains("<rss") || head.contains("<feed") && head.contains("xmlns"))
        && !head.contains("<html")
}

/// The entries of a feed file. A feed is read whole (feeds are small): one larger than
/// [`Limits::max_feed_bytes`] (before or after decompression), one whose internal entities
/// expand past [`MAX_ENTITY_EXPANSION`] or one of more than [`MAX_FEED_NODES`] XML nodes
/// is refused.
pub(crate) fn entries(path: &Path, limits: Limits) -> Vec<Result<PendingEntry>> {
    match document(path, limits) {
        Ok(text) => entries_of(path, &text),
        Err(p) => vec![Err(InputError::new(path, p))],
    }
}

/// What [`Limits::max_feed_bytes`] bounds, in messages.
const ONE_FEED: &str = "one feed";

/// A feed file's text: read within its bound, inflated, decoded, its entities measured.
fn document(path: &Path, limits: Limits) -> std::result::Result<String, Problem> {
    let bytes = crate::sniff::read_file_within(path, limits.max_feed_bytes(), ONE_FEED)?;
    let text = crate::sniff::decode_xml(bytes)?;
    let bytes = entity_expansion(&text);
    if bytes > MAX_ENTITY_EXPANSION {
        return Err(Problem::EntityExpansion {
            bytes,
            limit: MAX_ENTITY_EXPANSION,
        });
    }
    Ok(text)
}

/// The articles of a feed's text.
fn entries_of(path: &Path, text: &str) -> Vec<Result<PendingEntry>> {
    let fail = |p| vec![Err(InputError::new(path, p))];
    let doc = match roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            nodes_limit: MAX_FEED_NODES,
            ..Default::default()
        },
    ) {
        Ok(d) => d,
        Err(roxmltree::Error::NodesLimitReached) => {
            return fail(Problem::BadFeed(format!(
                "more than {MAX_FEED_NODES} XML nodes, the limit for one feed"
            )))
        }
        Err(e) => return fail(Problem::BadFeed(e.to_string())),
    };
    let root = doc.root_element();
    let stem = article_id(path);
    let source = path.display().to_string();
    let channel_title = |parent: roxmltree::Node| child_text(parent, "title");
    let (outlet, items): (Option<String>, Vec<roxmltree::Node>) = match root.tag_name().name() {
        "rss" | "RDF" => {
            let channel = root.children().find(|c| c.has_tag_name("channel"));
            let items = root
                .descendants()
                .filter(|n| n.is_element() && n.tag_name().name() == "item")
                .collect();
            (channel.and_then(channel_title), items)
        }
        "feed" => (
            channel_title(root),
            root.children()
                .filter(|n| n.is_element() && n.tag_name().name() == "entry")
                .collect(),
        ),
        other => {
            return fail(Problem::BadFeed(format!(
                "<{other}> is not an RSS or Atom feed"
            )))
        }
    };
    items
        .into_iter()
        .enumerate()
        .map(|(k, item)| {
            let number = k + 1;
            let source = format!("{source} entry {number}");
            let text = ["encoded", "content", "description", "summary"]
                .iter()
                .find_map(|name| child_text(item, name))
                .ok_or_else(|| InputError {
                    source_name: source.clone(),
                    problem: Problem::EmptyEntry,
                })?;
            let link = item
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "link")
                .find_map(|l| {
                    l.attribute("href")
                        .map(str::to_string)
                        .or_else(|| l.text().map(|t| t.trim().to_string()))
                })
                .filter(|l| !l.is_empty());
            let author = child_text(item, "creator").or_else(|| {
                item.children()
                    .find(|c| c.has_tag_name("author") || c.tag_name().name() == "author")
                    .and_then(|a| {
                        child_text(a, "name").or_else(|| a.text().map(|t| t.trim().to_string()))
                    })
                    .filter(|a| !a.is_empty())
            });
            let published = match ["pubDate", "published", "date", "updated"]
                .iter()
                .find_map(|name| child_text(item, name))
            {
                Some(t) => crate::header::published(&t).map_err(|problem| InputError {
                    source_name: source.clone(),
                    problem,
                })?,
                None => None,
            };
            Ok(PendingEntry {
                id: format!("{stem}-{number}"),
                header: Header {
                    title: child_text(item, "title"),
                    outlet: outlet.clone(),
                    published,
                    url: link,
                    author,
                    language: None,
                },
                source,
                text,
            })
        })
        .collect()
}

/// What the general entities declared in a document's internal DTD subset expand to in
/// all: every reference to one in the rest of the document, counted at its full
/// expansion (references inside an entity's value expanded in turn, to the depth of 10
/// that the XML parser allows; a loop saturates). 0 when nothing is declared.
///
/// The count is an upper bound: a reference inside a comment or CDATA section, which the
/// parser leaves alone, is counted too.
fn entity_expansion(text: &str) -> u64 {
    let Some((entities, body)) = declared_entities(text) else {
        return 0;
    };
    if entities.is_empty() {
        return 0;
    }
    fn references<'a>(s: &'a str, entities: &HashMap<&str, &str>) -> Vec<&'a str> {
        s.split('&')
            .skip(1)
            .filter_map(|r| r.split_once(';').map(|(name, _)| name))
            .filter(|name| entities.contains_key(name))
            .collect()
    }
    // Each entity's size, one more level of nesting expanded per round.
    let mut size: HashMap<&str, u64> = entities.iter().map(|(&n, v)| (n, v.len() as u64)).collect();
    for _ in 0..=10 {
        let next: HashMap<&str, u64> = entities
            .iter()
            .map(|(&n, v)| {
                let nested = references(v, &entities)
                    .iter()
                    .fold(0u64, |t, r| t.saturating_add(size[r]));
                (n, (v.len() as u64).saturating_add(nested))
            })
            .collect();
        size = next;
    }
    references(body, &entities)
        .iter()
        .fold(0u64, |t, r| t.saturating_add(size[r]))
}

/// The general entities declared with a literal value in a document's internal DTD subset
/// (name → value), and the document after the subset; `None` without a subset.
fn declared_entities(text: &str) -> Option<(HashMap<&str, &str>, &str)> {
    let doctype = text.find("<!DOCTYPE")?;
    let b = text.as_bytes();
    // The subset opens at the first `[` before the doctype's `>`, outside quotes.
    let mut at = doctype + "<!DOCTYPE".len();
    loop {
        match *b.get(at)? {
            b'[' => break,
            b'>' => return None,
            q @ (b'"' | b'\'') => at += 1 + memchr::memchr(q, &b[at + 1..])?,
            _ => {}
        }
        at += 1;
    }
    at += 1;
    let mut entities = HashMap::new();
    loop {
        while b.get(at).is_some_and(u8::is_ascii_whitespace) {
            at += 1;
        }
        let rest = &text[at..];
        if rest.is_empty() || rest.starts_with(']') {
            return Some((entities, &text[(at + 1).min(text.len())..]));
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            at += 4 + comment.find("-->")? + 3;
            continue;
        }
        if let Some(decl) = rest.strip_prefix("<!ENTITY") {
            let decl = decl.trim_start();
            if !decl.starts_with('%') {
                let name_end = decl.find(|c: char| c.is_whitespace())?;
                let value = decl[name_end..].trim_start();
                if let Some(q) = value.chars().next().filter(|q| matches!(q, '"' | '\'')) {
                    let literal = value[1..].split(q).next()?;
                    entities.entry(&decl[..name_end]).or_insert(literal);
                }
            }
        }
        // To the end of this declaration (`>` outside quotes), or past one character.
        at += declaration_end(&b[at..]).unwrap_or(1);
    }
}

/// The length of a markup declaration (`<!...>`, `<?...?>`) at the start of `b`, to its
/// `>` outside quoted values; `None` when `b` does not start one.
fn declaration_end(b: &[u8]) -> Option<usize> {
    if !(b.starts_with(b"<!") || b.starts_with(b"<?")) {
        return None;
    }
    let mut at = 2;
    loop {
        match *b.get(at)? {
            b'>' => return Some(at + 1),
            q @ (b'"' | b'\'') => at += 1 + memchr::memchr(q, &b[at + 1..])?,
            _ => {}
        }
        at += 1;
    }
}

/// The text of `node`'s first child element named `name` (any namespace), trimmed.
fn child_text(node: roxmltree::Node, name: &str) -> Option<String> {
    node.children()
        .filter(|c| c.is_element() && c.tag_name().name() == name)
        .find_map(|c| {
            let t: String = c
                .descendants()
                .filter(|d| d.is_text())
                .filter_map(|d| d.text())
                .collect();
            Some(t.trim().to_string()).filter(|t| !t.is_empty())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Input};

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Lisk Herald</title><link>https://herald.example</link>
<item>
  <title>Lisk votes against a second bridge</title>
  <link>https://herald.example/vote</link>
  <pubDate>Sun, 08 Nov 2026 21:30:00 +0100</pubDate>
  <dc:creator>Sara Lund</dc:creator>
  <description>Voters rejected the plan.</description>
  <content:encoded><![CDATA[<p>Voters in Lisk rejected a second harbour bridge on Sunday, by 58 percent to 42, the town said.</p><p>Turnout was 71 percent.</p><p>The post <a href="https://herald.example/vote">Lisk votes against a second bridge</a> appeared first on The Lisk Herald.</p>]]></content:encoded>
</item>
<item>
  <title>Ferry timetable changes</title>
  <link>https://herald.example/ferry</link>
  <pubDate>Mon, 09 Nov 2026 08:00:00 +0100</pubDate>
  <description>The winter timetable for the Kessa ferry starts on 1 December.</description>
</item>
<item><title>Empty</title></item>
</channel></rss>"#;

    const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Norland Wire Agency</title>
  <entry>
    <title>Quake hits Orsa</title>
    <link href="https://nwa.example/quake"/>
    <id>urn:nwa:quake</id>
    <published>2026-09-02T06:10:00+02:00</published>
    <author><name>Hanna Vik</name></author>
    <content type="html">&lt;p&gt;A magnitude 5.8 earthquake struck near Orsa early on Wednesday, officials said.&lt;/p&gt;</content>
  </entry>
</feed>"#;

    fn read(name: &str, body: &str) -> Vec<Result<RawArticle>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        let found = crate::discover(std::slice::from_ref(&path));
        assert_eq!(found.inputs[0].format, Format::Feed, "{name}");
        crate::read(
            &Input {
                path,
                format: Format::Feed,
            },
            Limits::default(),
        )
        .collect()
    }

    #[test]
    fn rss_items_become_articles() {
        let got = read("herald.xml", RSS);
        assert_eq!(got.len(), 3);
        let vote = got[0].as_ref().unwrap();
        assert_eq!(vote.id, "herald-1");
        assert_eq!(vote.header.outlet.as_deref(), Some("The Lisk Herald"));
        assert_eq!(vote.header.author.as_deref(), Some("Sara Lund"));
        assert_eq!(
            vote.header.url.as_deref(),
            Some("https://herald.example/vote")
        );
        assert_eq!(
            vote.header.published.map(|t| t.to_rfc3339()),
            Some("2026-11-08T21:30:00+01:00".into())
        );
        assert!(vote
            .text
            .starts_with("Voters in Lisk rejected a second harbour bridge"));
        assert!(vote.text.contains("\n\nTurnout was 71 percent."));
        let ferry = got[1].as_ref().unwrap();
        assert_eq!(
            ferry.text,
            "The winter timetable for the Kessa ferry starts on 1 December."
        );
        let e = got[2].as_ref().unwrap_err().to_string();
        assert!(
            e.contains("herald.xml entry 3") && e.contains("no text"),
            "{e}"
        );
    }

    #[test]
    fn atom_entries_become_articles() {
        let got = read("wire.atom", ATOM);
        let quake = got[0].as_ref().unwrap();
        assert_eq!(quake.header.title.as_deref(), Some("Quake hits Orsa"));
        assert_eq!(quake.header.outlet.as_deref(), Some("Norland Wire Agency"));
        assert_eq!(quake.header.author.as_deref(), Some("Hanna Vik"));
        assert_eq!(
            quake.header.url.as_deref(),
            Some("https://nwa.example/quake")
        );
        assert_eq!(
            quake.text,
            "A magnitude 5.8 earthquake struck near Orsa early on Wednesday, officials said."
        );
    }

    #[test]
    fn a_broken_feed_is_named() {
        let got = read(
            "broken.rss",
            "<?xml version=\"1.0\"?><rss><channel><item><title>x</channel></rss>",
        );
        let e = got[0].as_ref().unwrap_err().to_string();
        assert!(e.contains("broken.rss") && e.contains("bad feed"), "{e}");
    }
}
