//! WARC crawl files (`.warc`, `.warc.gz`): the HTML pages among their records, streamed.
//!
//! ## What it handles
//! WARC/1.0 and 1.1 records read one at a time from a plain or gzip-compressed file (one
//! gzip member per record, as Common Crawl writes them, or one member for the whole file),
//! so memory holds one record whatever the file's size. `response` records whose HTTP
//! payload is an HTML page become articles, with the HTTP headers taken off, chunked
//! transfer and gzip or deflate content encoding undone, and the record's target URI and
//! date as the page's address and a fallback publication time; `resource` records of HTML
//! are read the same way without HTTP headers. Other records (`warcinfo`, `request`,
//! `metadata`, images, scripts) are passed over. A record that is malformed, larger than
//! the article limit ([`crate::MAX_ARTICLE_BYTES`] by default, also for what its content
//! encoding inflates to) or whose header runs past [`crate::MAX_WARC_HEADER_BYTES`] is
//! reported with its number and skipped; reading goes on at the next record. The charset
//! an HTTP `Content-Type` names is the page's declared charset (believed when its bytes
//! agree), and a WARC-Date outside the years a publication may have is dropped.
//!
//! ## What it does not
//! Read `revisit` records (they point to an earlier copy), or go on after the gzip stream
//! itself is corrupt (the rest of that file is lost, and said so).

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use crate::{article_id, InputError, Limits, Problem, Result, MAX_WARC_HEADER_BYTES};

/// One HTML record of a WARC file, read but not yet parsed, so that parsing can happen on
/// another thread.
#[derive(Debug)]
pub struct PendingRecord {
    stem: std::sync::Arc<str>,
    source: std::sync::Arc<str>,
    /// The record's place in the file, from 1.
    number: usize,
    uri: Option<String>,
    date: Option<String>,
    /// True for a `response` record (HTTP headers before the page).
    http: bool,
    block: Vec<u8>,
}

impl PendingRecord {
    /// Where the record is: the file and the record's place in it.
    pub fn source_name(&self) -> String {
        format!("{} record {}", self.source, self.number)
    }

    fn error(&self, problem: Problem) -> InputError {
        InputError {
            source_name: self.source_name(),
            problem,
        }
    }

    /// Parses the record's page into an article, or `None` when it holds no HTML page.
    pub fn parse(self, limits: Limits) -> Option<Result<parallax_model::RawArticle>> {
        let (body, charset) = if self.http {
            match http_body(&self.block, limits.max_article_bytes) {
                Ok(Some(b)) => b,
                Ok(None) => return None,
                Err(p) => return Some(Err(self.error(p))),
            }
        } else {
            (self.block.clone(), None)
        };
        if !crate::sniff::looks_like_html_bytes(&body) {
            return None;
        }
        let page = match crate::sniff::decode_html(body, charset.as_deref()) {
            Ok(p) => p,
            Err(p) => return Some(Err(self.error(p))),
        };
        let id = format!("{}-{}", self.stem, self.number);
        let source = match &self.uri {
            Some(u) => u.clone(),
            None => format!("{} record {}", self.source, self.number),
        };
        let mut article = match crate::html::page_article(id, source, &page) {
            Ok(a) => a,
            Err(p) => return Some(Err(self.error(p))),
        };
        if article.text.trim().is_empty() {
            return Some(Err(self.error(Problem::NoMainText)));
        }
        if article.header.url.is_none() {
            article.header.url = self.uri.clone();
        }
        if article.header.published.is_none() {
            // The crawl date is when the page was fetched: later than or the same as its
            // publication, and better than nothing for an undated page.
            article.header.published = self.date.as_deref().and_then(crate::parse_timestamp);
        }
        Some(Ok(article))
    }
}

/// The HTML records of a WARC file, streamed; errors name the file and the record.
pub(crate) fn records(
    path: &Path,
    limits: Limits,
) -> Box<dyn Iterator<Item = Result<PendingRecord>> + Send> {
    let raw = match crate::sniff::open_decompressed(path) {
        Ok(r) => r,
        Err(p) => return Box::new(std::iter::once(Err(InputError::new(path, p)))),
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let stem: std::sync::Arc<str> = article_id(path).into();
    let source: std::sync::Arc<str> = path.display().to_string().into();
    let mut number = 0usize;
    let mut done = false;
    Box::new(std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        let at = |number: usize, p| InputError {
            source_name: format!("{source} record {number}"),
            problem: p,
        };
        let head = match read_head(&mut reader) {
            Ok(Some(h)) => h,
            Ok(None) => return None,
            Err(Broken::Io(e)) => {
                done = true;
                return Some(Err(at(
                    number + 1,
                    Problem::BadWarc(format!("unreadable: {e}")),
                )));
            }
            Err(Broken::Header(why)) => {
                number += 1;
                // Find the next record and go on from there.
                if let Err(e) = skip_to_next_record(&mut reader) {
                    done = true;
                    return Some(Err(at(
                        number,
                        Problem::BadWarc(format!("{why}; then {e}")),
                    )));
                }
                return Some(Err(at(number, Problem::BadWarc(why))));
            }
        };
        number += 1;
        let length = head.length;
        let wanted = matches!(head.kind.as_str(), "response" | "resource")
            && head.content_type.as_deref().is_none_or(|t| {
                let t = t.to_ascii_lowercase();
                t.contains("application/http") || t.contains("html")
            });
        if !wanted || length > limits.max_article_bytes {
            if let Err(e) = std::io::copy(&mut (&mut reader).take(length), &mut std::io::sink()) {
                done = true;
                return Some(Err(at(number, Problem::BadWarc(format!("cut short: {e}")))));
            }
            if wanted {
                return Some(Err(at(
                    number,
                    Problem::TooLarge {
                        bytes: length,
                        limit: limits.max_article_bytes,
                        of: crate::ONE_ARTICLE,
                    },
                )));
            }
            continue;
        }
        let mut block = Vec::with_capacity(length as usize);
        match (&mut reader).take(length).read_to_end(&mut block) {
            Ok(n) if n as u64 == length => {}
            Ok(n) => {
                done = true;
                return Some(Err(at(
                    number,
                    Problem::BadWarc(format!(
                        "cut short: {n} of {length} bytes of the record's content"
                    )),
                )));
            }
            Err(e) => {
                done = true;
                return Some(Err(at(number, Problem::BadWarc(format!("cut short: {e}")))));
            }
        }
        return Some(Ok(PendingRecord {
            stem: stem.clone(),
            source: source.clone(),
            number,
            uri: head.uri,
            date: head.date,
            http: head.kind == "response",
            block,
        }));
    }))
}

struct Head {
    kind: String,
    length: u64,
    uri: Option<String>,
    date: Option<String>,
    content_type: Option<String>,
}

enum Broken {
    Io(std::io::Error),
    Header(String),
}

/// Reads one record's header block; `None` at the end of the file.
fn read_head(r: &mut impl BufRead) -> std::result::Result<Option<Head>, Broken> {
    let mut line = Vec::new();
    // Blank lines between records (they count towards no record's header).
    loop {
        if header_line(r, &mut line, &mut 0)? == 0 {
            return Ok(None);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    let mut taken = line.len() as u64;
    let first = String::from_utf8_lossy(&line).trim().to_string();
    if !first.starts_with("WARC/") {
        return Err(Broken::Header(format!(
            "expected a WARC/1.x version line, found {:?}",
            first.chars().take(40).collect::<String>()
        )));
    }
    let mut head = Head {
        kind: String::new(),
        length: 0,
        uri: None,
        date: None,
        content_type: None,
    };
    let mut has_length = false;
    loop {
        if header_line(r, &mut line, &mut taken)? == 0 {
            return Err(Broken::Header(
                "the file ends inside a record header".into(),
            ));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        let Some((name, value)) = text.split_once(':') else {
            continue;
        };
        let value = value.trim().to_string();
        match name.trim().to_ascii_lowercase().as_str() {
            "warc-type" => head.kind = value.to_ascii_lowercase(),
            "content-length" => {
                head.length = value.parse().map_err(|_| {
                    Broken::Header(format!("Content-Length {value:?} is not a number"))
                })?;
                has_length = true;
            }
            "warc-target-uri" => head.uri = Some(value.trim_matches(['<', '>']).to_string()),
            "warc-date" => head.date = Some(value),
            "content-type" => head.content_type = Some(value),
            _ => {}
        }
    }
    if !has_length {
        return Err(Broken::Header("a record without Content-Length".into()));
    }
    Ok(Some(head))
}

/// Reads one line of a record's header into `line`, adding its length to `taken`: a
/// header past [`MAX_WARC_HEADER_BYTES`] is broken (and the line is never held whole).
fn header_line(
    r: &mut impl BufRead,
    line: &mut Vec<u8>,
    taken: &mut u64,
) -> std::result::Result<u64, Broken> {
    line.clear();
    let n = crate::sniff::read_line_within(r, line, MAX_WARC_HEADER_BYTES).map_err(Broken::Io)?;
    *taken += n;
    if *taken > MAX_WARC_HEADER_BYTES {
        return Err(Broken::Header(format!(
            "a record header longer than the {MAX_WARC_HEADER_BYTES}-byte limit"
        )));
    }
    Ok(n)
}

/// Skips to the line that starts the next record, leaving it unread.
fn skip_to_next_record(r: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        if buf.starts_with(b"WARC/") {
            return Ok(());
        }
        let n = buf
            .iter()
            .position(|&b| b == b'\n')
            .map_or(buf.len(), |i| i + 1);
        r.consume(n);
    }
}

/// The body of an HTTP response held in a `response` record, with the charset its
/// `Content-Type` names: `None` when it is not HTML. Its content encoding is undone up to
/// `limit` bytes, past which the record is refused.
type Body = (Vec<u8>, Option<String>);
fn http_body(block: &[u8], limit: u64) -> std::result::Result<Option<Body>, Problem> {
    let split = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, i + 2))
        });
    let Some((end, start)) = split else {
        return Err(Problem::BadWarc(
            "an HTTP response without a blank line after its headers".into(),
        ));
    };
    let headers = String::from_utf8_lossy(&block[..end]).to_ascii_lowercase();
    let header = |name: &str| {
        headers.lines().skip(1).find_map(|l| {
            let (n, v) = l.split_once(':')?;
            (n.trim() == name).then(|| v.trim().to_string())
        })
    };
    let content_type = header("content-type");
    if content_type.as_ref().is_some_and(|t| !t.contains("html")) {
        return Ok(None);
    }
    let charset = content_type.as_ref().and_then(|t| {
        let at = t.find("charset=")? + "charset=".len();
        let value = t[at..].split(';').next()?.trim().trim_matches(['"', '\'']);
        Some(value.to_string()).filter(|v| !v.is_empty())
    });
    let mut body = block[start..].to_vec();
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body).ok_or_else(|| Problem::BadWarc("bad chunked encoding".into()))?;
    }
    match header("content-encoding").as_deref() {
        Some("gzip" | "x-gzip") => body = crate::sniff::gunzip(&body, limit, crate::ONE_ARTICLE)?,
        Some("deflate") => {
            let inflate = flate2::read::ZlibDecoder::new(body.as_slice());
            body =
                crate::sniff::read_within(inflate, limit, crate::ONE_ARTICLE).map_err(
                    |p| match p {
                        Problem::Unreadable(e) => {
                            Problem::BadWarc(format!("bad deflate data: {e}"))
                        }
                        Problem::TooLarge { limit, of, .. } => {
                            Problem::InflatesTooLarge { limit, of }
                        }
                        p => p,
                    },
                )?;
        }
        _ => {}
    }
    Ok(Some((body, charset)))
}

/// Undoes HTTP chunked transfer encoding.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests;
