//! Ingest: files, folders and JSON lines → [`RawArticle`].
//!
//! [`discover`] walks the paths a user gives (folders recursively, in a stable order) and
//! lists the inputs; [`read`] turns one input into articles, one at a time, so a large
//! JSON-lines file streams. Anything that cannot be read becomes an [`InputError`] naming the
//! file (and line) and the problem; it never stops the other inputs.
//!
//! ```
//! use parallax_ingest::parse_header;
//!
//! let (header, body_start) = parse_header("Title: Dam opens\nOutlet: The Courier\n\nBody text.");
//! assert_eq!(header.title.as_deref(), Some("Dam opens"));
//! assert_eq!(body_start, 38);
//! ```

mod feed;
mod header;
pub mod html;
mod jsonl;
mod sniff;
mod walk;
mod warc;

use std::path::{Path, PathBuf};

pub use feed::PendingEntry;
pub use header::{parse_header, parse_timestamp};
pub use jsonl::PendingLine;
use parallax_model::RawArticle;
pub use walk::{discover, Discovery};
pub use warc::PendingRecord;

/// The most bytes one article may take: 8 MiB, a hundred times a long news report.
///
/// It bounds a text or HTML file (and what it decompresses to), one JSON line (and what a
/// gzip-compressed JSON-lines file inflates to for that line), one WARC record's content
/// and one page's body after its transfer and content encodings are undone. Bytes are
/// counted as they are read, so nothing past the bound is ever held in memory; an input
/// past it is skipped with a message naming it and the bound, and the rest is read. It is
/// the default of [`Limits::max_article_bytes`], and a fit bound for an HTTP request that
/// posts one article.
pub const MAX_ARTICLE_BYTES: u64 = 8 << 20;

/// How many articles' worth of bytes ([`Limits::max_article_bytes`]) one feed file may
/// hold, compressed or decompressed: 16. A feed is parsed whole (its entries are small and
/// few); a larger one is skipped with a message naming it and the bound.
pub const FEED_ARTICLES: u64 = 16;

/// The deepest nesting of elements read in an HTML page: 512, as in Chromium's HTML
/// parser. Real pages stay under a hundred. The HTML parsing algorithm does work in
/// proportion to the open elements for every tag, so a page nested deeper (10,000
/// `<div>`s) costs time quadratic in its size; parsing stops as soon as an element lands
/// deeper than this, and the page (or feed entry or WARC record) is skipped with a
/// message naming it and the bound.
pub const MAX_HTML_DEPTH: usize = 512;

/// The most bytes that the internal entities a feed declares in its DTD may expand to in
/// all, counting every reference: 1 MiB. Such entities stand for short strings; one of
/// 100 KB referenced 10,000 times is an attack on memory (a billion-laughs without the
/// nesting). A feed over it is skipped, before it is parsed, with a message naming the
/// bound.
pub const MAX_ENTITY_EXPANSION: u64 = 1 << 20;

/// The most XML nodes (elements, text runs, comments) one feed may hold: 1,048,576, some
/// hundred times what a feed of a hundred entries holds. The XML parser keeps some
/// hundred bytes a node, so a feed of tiny elements within the byte bound could still
/// take gigabytes; one past it is skipped with a message naming it and the bound.
pub const MAX_FEED_NODES: u32 = 1 << 20;

/// The most bytes one WARC record's header block may take: 64 KiB (real ones take a few
/// hundred). A record whose header runs past it is skipped and named, and reading goes
/// on at the next record.
pub const MAX_WARC_HEADER_BYTES: u64 = 64 << 10;

/// The earliest year a publication date may have: 1000. Dates outside
/// [`EARLIEST_PUBLICATION_YEAR`]..=[`LATEST_PUBLICATION_YEAR`] are no publication dates:
/// they are typos or attacks (`-262143-01-01` is at the edge of what the date library
/// holds, and arithmetic on it overflows later). An article whose declared metadata (a
/// text header's `Published:`, a JSON line's `published`, a feed entry's date) holds one
/// is skipped with a message naming it and the range; a page's own markup (meta tags,
/// JSON-LD, `<time>`) and a WARC record's date are only dropped, since pages carry
/// placeholder dates such as `0001-01-01` and are still worth reading.
pub const EARLIEST_PUBLICATION_YEAR: i32 = 1000;

/// The latest year a publication date may have: 2999 (see [`EARLIEST_PUBLICATION_YEAR`]).
pub const LATEST_PUBLICATION_YEAR: i32 = 2999;

/// Limits on what one input may be.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest article, in bytes: see [`MAX_ARTICLE_BYTES`], its default.
    pub max_article_bytes: u64,
}

impl Limits {
    /// Largest feed file, in bytes: [`FEED_ARTICLES`] articles' worth.
    pub fn max_feed_bytes(&self) -> u64 {
        self.max_article_bytes.saturating_mul(FEED_ARTICLES)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_article_bytes: MAX_ARTICLE_BYTES,
        }
    }
}

/// The formats parallax reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One article per file: optional `Key: value` header block, blank line, body.
    Text,
    /// One JSON object per line: `{"id","title","outlet","published","url","text"}`.
    JsonLines,
    /// A WARC crawl file: its HTML response records.
    Warc,
    /// An RSS or Atom feed: its entries.
    Feed,
}

/// One file to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Where it is.
    pub path: PathBuf,
    /// How to read it.
    pub format: Format,
}

/// What is wrong with an input.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Unreadable(#[from] std::io::Error),
    /// Nothing but whitespace.
    #[error("empty file")]
    Empty,
    /// Looks like binary data, not text.
    #[error("binary file (not text)")]
    Binary,
    /// Not valid UTF-8.
    #[error("invalid UTF-8 at byte {at}")]
    InvalidUtf8 {
        /// Offset of the first bad byte.
        at: usize,
    },
    /// Over a size bound.
    #[error("{bytes} bytes, over the {limit}-byte limit for {of}")]
    TooLarge {
        /// The size found.
        bytes: u64,
        /// The bound.
        limit: u64,
        /// What the bound is for: "one article", "one feed".
        of: &'static str,
    },
    /// Compressed data that inflates past a size bound (inflating stops there).
    #[error("decompresses to more than the {limit}-byte limit for {of}")]
    InflatesTooLarge {
        /// The bound.
        limit: u64,
        /// What the bound is for: "one article", "one feed".
        of: &'static str,
    },
    /// A FIFO, a device, a socket: never opened, since reading one may block or never end.
    #[error("not a regular file but {kind}; only regular files are read")]
    NotAFile {
        /// What it is: "a FIFO", "a character device", ...
        kind: &'static str,
    },
    /// An HTML page nested deeper than [`MAX_HTML_DEPTH`].
    #[error("HTML elements nested deeper than the limit of {limit}")]
    TooDeep {
        /// The bound.
        limit: usize,
    },
    /// A feed whose internal entities expand past [`MAX_ENTITY_EXPANSION`].
    #[error("its internal entities expand to {bytes} bytes, over the {limit}-byte limit for entity text")]
    EntityExpansion {
        /// What they would expand to in all (at least).
        bytes: u64,
        /// The bound.
        limit: u64,
    },
    /// A declared publication date outside the years a publication may have.
    #[error("publication date {date:?} is outside the years {earliest} to {latest}")]
    DateOutOfRange {
        /// The date as written.
        date: String,
        /// [`EARLIEST_PUBLICATION_YEAR`].
        earliest: i32,
        /// [`LATEST_PUBLICATION_YEAR`].
        latest: i32,
    },
    /// A header block and nothing after it.
    #[error("a header but no article text")]
    HeaderOnly,
    /// A JSON line that does not parse.
    #[error("invalid JSON: {0}")]
    BadJson(String),
    /// A JSON line without article text.
    #[error("no \"text\" field")]
    NoText,
    /// An HTML page in which no text was found.
    #[error("an HTML page with no main text")]
    NoMainText,
    /// A gzip file that does not decompress.
    #[error("bad gzip data: {0}")]
    BadGzip(String),
    /// A WARC record that cannot be read.
    #[error("bad WARC record: {0}")]
    BadWarc(String),
    /// A feed entry without text.
    #[error("a feed entry with no text")]
    EmptyEntry,
    /// A feed that is not well-formed XML, or not RSS or Atom.
    #[error("bad feed: {0}")]
    BadFeed(String),
}

/// An input (a file, or one line of a JSON-lines file) that was skipped.
#[derive(Debug, thiserror::Error)]
#[error("{source_name}: {problem}")]
pub struct InputError {
    /// The file, with `:LINE` for a JSON line.
    pub source_name: String,
    /// What is wrong.
    pub problem: Problem,
}

impl InputError {
    /// The report's record of this input: where, and what is wrong.
    pub fn skipped(&self) -> parallax_model::Skipped {
        parallax_model::Skipped {
            source: self.source_name.clone(),
            problem: self.problem.to_string(),
        }
    }

    fn new(path: &Path, problem: Problem) -> Self {
        InputError {
            source_name: path.display().to_string(),
            problem,
        }
    }
}

/// A `Result` whose error is an [`InputError`].
pub type Result<T> = std::result::Result<T, InputError>;

/// The articles of one input, read lazily: a text file yields one, a JSON-lines file one per
/// line.
pub fn read(input: &Input, limits: Limits) -> Box<dyn Iterator<Item = Result<RawArticle>> + Send> {
    match input.format {
        Format::Text => Box::new(std::iter::once(read_text(&input.path, limits))),
        Format::JsonLines => jsonl::read(&input.path, limits),
        Format::Warc => Box::new(
            warc::records(&input.path, limits)
                .filter_map(move |r| r.map_or_else(|e| Some(Err(e)), |r| r.parse(limits))),
        ),
        Format::Feed => Box::new(
            feed::entries(&input.path, limits)
                .into_iter()
                .map(|e| e.and_then(PendingEntry::parse)),
        ),
    }
}

/// The entries of a feed input, read but not parsed, for callers that parse them in
/// parallel ([`PendingEntry::parse`]).
pub fn feed_entries(input: &Input, limits: Limits) -> Vec<Result<PendingEntry>> {
    feed::entries(&input.path, limits)
}

/// The HTML records of a WARC input, read but not parsed, for callers that parse them in
/// parallel ([`PendingRecord::parse`]).
pub fn warc_records(
    input: &Input,
    limits: Limits,
) -> Box<dyn Iterator<Item = Result<PendingRecord>> + Send> {
    warc::records(&input.path, limits)
}

/// The lines of a JSON-lines input, read but not parsed, for callers that parse them in
/// parallel ([`PendingLine::parse`]).
pub fn json_lines(
    input: &Input,
    limits: Limits,
) -> Box<dyn Iterator<Item = Result<PendingLine>> + Send> {
    jsonl::lines(&input.path, limits)
}

/// Reads one article file: a plain-text article or an HTML page (told apart by content,
/// not by name), either of them possibly gzip-compressed. Only a regular file is opened,
/// and no more than [`Limits::max_article_bytes`] are read from it or inflated out of it.
pub fn read_text(path: &Path, limits: Limits) -> Result<RawArticle> {
    let fail = |p| InputError::new(path, p);
    let bytes =
        sniff::read_file_within(path, limits.max_article_bytes, ONE_ARTICLE).map_err(fail)?;
    let (id, source) = (article_id(path), path.display().to_string());
    let article = if sniff::looks_like_html_bytes(&bytes) {
        let page = sniff::decode_html(bytes, None).map_err(fail)?;
        let article = html::page_article(id, source, &page).map_err(fail)?;
        if article.text.trim().is_empty() {
            return Err(fail(Problem::NoMainText));
        }
        article
    } else {
        let text = sniff::decode_text(bytes).map_err(fail)?;
        let (header, start) = header::parse_header_checked(&text).map_err(fail)?;
        RawArticle {
            id,
            source,
            text: text[start..].to_string(),
            header,
            from_markup: false,
        }
    };
    if article.text.trim().is_empty() {
        return Err(fail(Problem::HeaderOnly));
    }
    Ok(article)
}

/// What [`MAX_ARTICLE_BYTES`] bounds, in messages.
pub(crate) const ONE_ARTICLE: &str = "one article";

/// Builds an article from a text file's whole contents: the header block, if any, gives the
/// metadata and the rest is the input text.
pub fn text_article(id: String, source: String, contents: &str) -> RawArticle {
    let (header, start) = parse_header(contents);
    RawArticle {
        id,
        source,
        text: contents[start..].to_string(),
        header,
        from_markup: false,
    }
}

/// The article id a file gives: its name without the extensions parallax knows.
pub fn article_id(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut id = name.as_str();
    while let Some((stem, ext)) = id.rsplit_once('.') {
        if stem.is_empty() || !walk::KNOWN_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) {
            break;
        }
        id = stem;
    }
    id.to_string()
}

#[cfg(test)]
mod hostile;

#[cfg(test)]
mod tests {
    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(bytes).unwrap();
        z.finish().unwrap()
    }

    #[test]
    fn pages_and_compressed_files_are_told_by_their_content() {
        let dir = tempfile::tempdir().unwrap();
        let page = "<!DOCTYPE html><html><head><title>Dam opens | The Courier</title></head><body><article><p>The Lisk dam opened on Tuesday, after six years of building, officials said.</p></article></body></html>";
        // A page without an HTML name, a compressed page, a compressed text article.
        std::fs::write(dir.path().join("saved"), page).unwrap();
        std::fs::write(dir.path().join("dam.html.gz"), gzip(page.as_bytes())).unwrap();
        std::fs::write(
            dir.path().join("brief.txt.gz"),
            gzip(b"Title: Dam opens\n\nThe Lisk dam opened on Tuesday."),
        )
        .unwrap();
        for (name, id) in [("saved", "saved"), ("dam.html.gz", "dam")] {
            let a = read_text(&dir.path().join(name), Limits::default()).unwrap();
            assert_eq!(a.id, id);
            assert_eq!(a.header.title.as_deref(), Some("Dam opens"));
            assert_eq!(
                a.text,
                "The Lisk dam opened on Tuesday, after six years of building, officials said."
            );
        }
        let brief = read_text(&dir.path().join("brief.txt.gz"), Limits::default()).unwrap();
        assert_eq!(brief.id, "brief");
        assert_eq!(brief.text, "The Lisk dam opened on Tuesday.");

        // Broken gzip data and a gzip bomb are named, not read.
        std::fs::write(dir.path().join("cut.html.gz"), &gzip(page.as_bytes())[..20]).unwrap();
        let e = read_text(&dir.path().join("cut.html.gz"), Limits::default()).unwrap_err();
        assert!(e.to_string().contains("bad gzip data"), "{e}");
        std::fs::write(dir.path().join("bomb.txt.gz"), gzip(&vec![b'a'; 100_000])).unwrap();
        let limits = Limits {
            max_article_bytes: 10_000,
        };
        let e = read_text(&dir.path().join("bomb.txt.gz"), limits).unwrap_err();
        assert!(
            e.to_string().contains("more than the 10000-byte limit"),
            "{e}"
        );
    }

    #[test]
    fn a_page_in_a_declared_or_western_charset_is_decoded() {
        let latin1 = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 owners in Lisk said the new bridge brought more trade, and more noise.</p></body></html>".to_vec();
        let text = sniff::decode_html(latin1.clone(), None).unwrap();
        assert!(text.contains("Café owners"), "{text}");
        // No declaration and not UTF-8: Windows-1252, as browsers read it.
        let undeclared =
            String::from_utf8_lossy(&latin1).replace("<meta charset=\"iso-8859-1\">", "");
        let mut bytes = undeclared.into_bytes();
        let at = bytes
            .windows(3)
            .position(|w| w == "\u{fffd}".as_bytes())
            .unwrap();
        bytes.splice(at..at + 3, [0xe9]);
        assert!(sniff::decode_html(bytes, None)
            .unwrap()
            .contains("Café owners"));
    }

    #[test]
    fn ids_drop_known_extensions_only() {
        assert_eq!(article_id(Path::new("x/abc.html.gz")), "abc");
        assert_eq!(article_id(Path::new("x/feed.jsonl.gz")), "feed");
        assert_eq!(article_id(Path::new("x/000_ab.txt")), "000_ab");
        assert_eq!(article_id(Path::new("x/a.b.txt")), "a.b");
        assert_eq!(article_id(Path::new("x/feed.jsonl")), "feed");
        assert_eq!(article_id(Path::new("x/noext")), "noext");
        assert_eq!(article_id(Path::new("x/.txt")), ".txt");
    }

    #[test]
    fn bad_files_are_named_with_their_problem() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8], &str); 5] = [
            ("empty.txt", b"  \n\n", "empty file"),
            ("bin.txt", b"\x7fELF\x00\x00\x01binary", "binary file"),
            (
                "latin1.txt",
                b"Caf\xe9 au lait is served daily in the old town.",
                "invalid UTF-8 at byte 3",
            ),
            ("ok.txt", b"A good article.", ""),
            (
                "header.txt",
                b"Title: Only a title\nOutlet: Nobody\n\n\n",
                "a header but no article text",
            ),
        ];
        for (name, bytes, want) in cases {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            match read_text(&p, Limits::default()) {
                Ok(a) => assert!(want.is_empty(), "{name} read but should fail: {a:?}"),
                Err(e) => {
                    let msg = e.to_string();
                    assert!(!want.is_empty() && msg.contains(want), "{name}: {msg}");
                    assert!(msg.contains(name), "message names the file: {msg}");
                }
            }
        }
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 2000]).unwrap();
        let err = read_text(
            &big,
            Limits {
                max_article_bytes: 1000,
            },
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("over the 1000-byte limit"),
            "{err}"
        );
        let missing = read_text(&dir.path().join("gone.txt"), Limits::default()).unwrap_err();
        assert!(missing.to_string().contains("cannot read"), "{missing}");
    }
}
