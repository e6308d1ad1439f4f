//! JSON lines: one article object per line, read as a stream.
//!
//! ## What it handles
//! Objects with `text` (required) and any of `id`, `title`, `outlet`, `published`, `url`,
//! `author`, `language`; blank lines; a line that does not parse or has no text is reported
//! with its line number and skipped, and the rest of the file goes on. A line without an
//! `id` gets `FILESTEM-LINE`. A line longer than [`crate::MAX_ARTICLE_BYTES`] (or the
//! limit set) is skipped and named, without ever being held whole (a gzip-compressed file
//! is inflated as it streams, and a line's bytes counted as they come), and one whose
//! `published` date lies outside the years a publication may have is skipped and named.
//!
//! ## What it does not
//! Read a JSON array or one pretty-printed object spread over many lines.

use std::io::BufReader;
use std::path::Path;

use parallax_model::{Header, RawArticle};
use serde::Deserialize;

use crate::{article_id, header::published, InputError, Limits, Problem, Result};

#[derive(Deserialize)]
struct Line {
    id: Option<serde_json::Value>,
    title: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    url: Option<String>,
    author: Option<String>,
    language: Option<String>,
    text: Option<String>,
    /// Where the article was first read from (a store's lines keep it).
    source: Option<String>,
    /// The text was taken from a page's markup.
    markup: Option<bool>,
}

/// One line of a JSON-lines file, read but not yet parsed, so that parsing can happen on
/// another thread.
#[derive(Debug)]
pub struct PendingLine {
    stem: std::sync::Arc<str>,
    source: std::sync::Arc<str>,
    number: usize,
    text: String,
}

impl PendingLine {
    /// One JSON object given on its own (an article posted to the server), as it would be
    /// read from line 1 of a JSON-lines file named `source`: parsing it says whether an
    /// analysis will read it.
    pub fn given(source: &str, text: String) -> PendingLine {
        PendingLine {
            stem: source.into(),
            source: source.into(),
            number: 1,
            text,
        }
    }

    /// Where the line is: the file and the line's number.
    pub fn source_name(&self) -> String {
        format!("{}:{}", self.source, self.number)
    }

    fn error(&self, problem: Problem) -> InputError {
        InputError {
            source_name: self.source_name(),
            problem,
        }
    }

    /// Parses the line into an article.
    pub fn parse(self) -> Result<RawArticle> {
        let line: Line = serde_json::from_str(&self.text)
            .map_err(|e| self.error(Problem::BadJson(e.to_string())))?;
        let Some(body) = line.text.filter(|t| !t.trim().is_empty()) else {
            return Err(self.error(Problem::NoText));
        };
        let id = match line.id {
            Some(serde_json::Value::String(s)) if !s.is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{}-{}", self.stem, self.number),
        };
        let header = Header {
            title: line.title,
            outlet: line.outlet,
            published: match line.published.as_deref().map(published) {
                Some(t) => t.map_err(|p| self.error(p))?,
                None => None,
            },
            url: line.url,
            author: line.author,
            language: line.language,
        };
        Ok(RawArticle {
            id,
            source: line
                .source
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| format!("{}:{}", self.source, self.number)),
            text: body,
            header,
            from_markup: line.markup.unwrap_or(false),
        })
    }
}

/// The non-blank lines of a JSON-lines file, streamed; a line that is too long or not
/// UTF-8 is an error naming the file and line, and reading goes on.
pub(crate) fn lines(
    path: &Path,
    limits: Limits,
) -> Box<dyn Iterator<Item = Result<PendingLine>> + Send> {
    // A gzip-compressed file is decompressed as it streams.
    let raw = match crate::sniff::open_decompressed(path) {
        Ok(r) => r,
        Err(p) => return Box::new(std::iter::once(Err(InputError::new(path, p)))),
    };
    let stem: std::sync::Arc<str> = article_id(path).into();
    let source: std::sync::Arc<str> = path.display().to_string().into();
    let mut reader = BufReader::new(raw);
    let mut number = 0usize;
    let mut buf = Vec::new();
    let mut done = false;
    Box::new(std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        buf.clear();
        number += 1;
        let at = |p| InputError {
            source_name: format!("{source}:{number}"),
            problem: p,
        };
        let bytes =
            match crate::sniff::read_line_within(&mut reader, &mut buf, limits.max_article_bytes) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    done = true;
                    return Some(Err(at(e.into())));
                }
            };
        if bytes > limits.max_article_bytes {
            return Some(Err(at(Problem::TooLarge {
                bytes,
                limit: limits.max_article_bytes,
                of: crate::ONE_ARTICLE,
            })));
        }
        let text = match std::str::from_utf8(&buf) {
            Ok(t) => t.trim(),
            Err(e) => {
                return Some(Err(at(Problem::InvalidUtf8 {
                    at: e.valid_up_to(),
                })))
            }
        };
        if text.is_empty() {
            continue;
        }
        return Some(Ok(PendingLine {
            stem: stem.clone(),
            source: source.clone(),
            number,
            text: text.to_string(),
        }));
    }))
}

/// The articles of a JSON-lines file, parsed as they are read.
pub(crate) fn read(
    path: &Path,
    limits: Limits,
) -> Box<dyn Iterator<Item = Result<RawArticle>> + Send> {
    Box::new(lines(path, limits).map(|l| l.and_then(PendingLine::parse)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Input};

    #[test]
    fn good_lines_read_bad_lines_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("feed.jsonl");
        let lines = [
            r#"{"id":"x1","title":"T","outlet":"O","published":"2026-03-10T08:00:00Z","url":"u","text":"Body one."}"#,
            "",
            r#"{"title":"no id","text":"Body two."}"#,
            r#"{"id":"x3" "text":"broken"}"#,
            r#"{"id":"x4"}"#,
        ];
        std::fs::write(&p, lines.join("\n")).unwrap();
        let got: Vec<_> = crate::read(
            &Input {
                path: p,
                format: Format::JsonLines,
            },
            Limits::default(),
        )
        .collect();
        assert_eq!(got.len(), 4);
        let a = got[0].as_ref().unwrap();
        assert_eq!((a.id.as_str(), a.text.as_str()), ("x1", "Body one."));
        assert_eq!(a.header.outlet.as_deref(), Some("O"));
        assert_eq!(got[1].as_ref().unwrap().id, "feed-3");
        let e = got[2].as_ref().unwrap_err().to_string();
        assert!(
            e.contains("feed.jsonl:4") && e.contains("invalid JSON"),
            "{e}"
        );
        let e = got[3].as_ref().unwrap_err().to_string();
        assert!(
            e.contains("feed.jsonl:5") && e.contains("no \"text\""),
            "{e}"
        );
    }
}
