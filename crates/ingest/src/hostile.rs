//! Each bound on what one input may cost, met by an input made to break it: the input is
//! named with the bound, and reading goes on.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{
    read, read_text, Format, Input, Limits, Problem, MAX_ENTITY_EXPANSION, MAX_FEED_NODES,
    MAX_HTML_DEPTH, MAX_WARC_HEADER_BYTES,
};

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Every article or error an input gives, errors as their messages.
fn all(path: &Path, format: Format, limits: Limits) -> Vec<Result<String, String>> {
    let input = Input {
        path: path.to_path_buf(),
        format,
    };
    read(&input, limits)
        .map(|r| r.map(|a| a.text).map_err(|e| e.to_string()))
        .collect()
}

const PARAGRAPH: &str = "<p>The harbour council voted on Tuesday to close the old pier, officials said, after engineers found cracks.</p>";

#[test]
fn special_files_are_named_and_never_opened() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A link to a device that never ends, with an article's name; a FIFO that would
    // wait for a writer for ever.
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.txt")).unwrap();
    let fifo = d.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    write(d, "ok.txt", "A good article.");
    let found = crate::discover(&[d.to_path_buf()]);
    let names: Vec<String> = found
        .inputs
        .iter()
        .map(|i| i.path.display().to_string())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    let errors: Vec<String> = found.errors.iter().map(|e| e.to_string()).collect();
    assert!(
        errors
            .iter()
            .any(|e| e.contains("zero.txt")
                && e.contains("not a regular file but a character device")),
        "{errors:?}"
    );
    if made {
        assert!(
            errors
                .iter()
                .any(|e| e.contains("pipe.txt") && e.contains("a FIFO")),
            "{errors:?}"
        );
        // Named directly, and read directly: refused before any open.
        let e = read_text(&fifo, Limits::default()).unwrap_err();
        assert!(
            matches!(e.problem, Problem::NotAFile { kind: "a FIFO" }),
            "{e}"
        );
        let named = crate::discover(std::slice::from_ref(&fifo));
        assert!(named.inputs.is_empty() && named.errors.len() == 1);
    }
    let e = read_text(&d.join("zero.txt"), Limits::default()).unwrap_err();
    assert!(e.to_string().contains("not a regular file"), "{e}");
    for format in [Format::JsonLines, Format::Warc, Format::Feed] {
        let got = all(&d.join("zero.txt"), format, Limits::default());
        assert!(
            matches!(&got[..], [Err(e)] if e.contains("not a regular file")),
            "{got:?}"
        );
    }
}

#[test]
fn a_json_line_past_the_bound_is_skipped_without_being_held() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = b"{\"id\":\"big\",\"text\":\"".to_vec();
    lines.extend(std::iter::repeat_n(b'a', 100_000));
    lines.extend_from_slice(b"\"}\n{\"id\":\"ok\",\"text\":\"The pier closed.\"}\n");
    let path = write(dir.path(), "lines.jsonl.gz", gzip(&lines));
    let limits = Limits {
        max_article_bytes: 10_000,
    };
    let got = all(&path, Format::JsonLines, limits);
    assert_eq!(got.len(), 2, "{got:?}");
    let e = got[0].as_ref().unwrap_err();
    assert!(
        e.contains("lines.jsonl.gz:1") && e.contains("100023 bytes, over the 10000-byte limit"),
        "{e}"
    );
    assert_eq!(got[1].as_deref(), Ok("The pier closed."));
    // What is kept of the long line while it is read is the bound and one byte.
    let mut buf = Vec::new();
    let mut reader = std::io::BufReader::new(&lines[..]);
    let n = crate::sniff::read_line_within(&mut reader, &mut buf, 10_000).unwrap();
    assert_eq!((n, buf.len()), (100_023, 10_001));
}

#[test]
fn a_file_that_inflates_past_the_bound_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "bomb.txt.gz", gzip(&vec![b'a'; 1 << 20]));
    let e = read_text(
        &path,
        Limits {
            max_article_bytes: 10_000,
        },
    )
    .unwrap_err();
    assert!(
        matches!(e.problem, Problem::InflatesTooLarge { limit: 10_000, .. }),
        "{e}"
    );
    assert!(
        e.to_string().contains(
            "bomb.txt.gz: decompresses to more than the 10000-byte limit for one article"
        ),
        "{e}"
    );
}

#[test]
fn a_page_nested_past_the_bound_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for tag in ["div", "b", "blockquote"] {
        let n = MAX_HTML_DEPTH * 4;
        let page = format!(
            "<!DOCTYPE html><html><body>{}{PARAGRAPH}{}</body></html>",
            format!("<{tag}>").repeat(n),
            format!("</{tag}>").repeat(n)
        );
        let path = write(dir.path(), &format!("{tag}.html"), page);
        let e = read_text(&path, Limits::default()).unwrap_err();
        assert!(
            e.to_string().ends_with(&format!(
                "HTML elements nested deeper than the limit of {MAX_HTML_DEPTH}"
            )),
            "{tag}: {e}"
        );
    }
    // Nested just within the bound, the page is read, its text found by a walk that keeps
    // its own stack.
    let n = MAX_HTML_DEPTH - 10;
    let page = format!(
        "<!DOCTYPE html><html><body>{}{PARAGRAPH}{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let path = write(dir.path(), "within.html", page);
    let a = read_text(&path, Limits::default()).unwrap();
    assert!(
        a.text.starts_with("The harbour council voted"),
        "{}",
        a.text
    );
}

#[test]
fn feed_entities_past_the_bound_refuse_the_feed() {
    let dir = tempfile::tempdir().unwrap();
    let feed = |value: &str, refs: usize| {
        format!(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!-- ] --><!ENTITY a \"{value}\"><!ENTITY b \"&a;&a;\">]>\
             <rss version=\"2.0\"><channel><title>T</title><item><title>x</title>\
             <description>The pier closed. {}</description></item></channel></rss>",
            "&b;".repeat(refs)
        )
    };
    // 1,000 bytes through `b` twice, 600 times: 1.2 MB (counted with the references).
    let path = write(dir.path(), "laughs.rss", feed(&"x".repeat(1000), 600));
    let got = all(&path, Format::Feed, Limits::default());
    let want = format!("laughs.rss: its internal entities expand to 1203600 bytes, over the {MAX_ENTITY_EXPANSION}-byte limit");
    assert!(matches!(&got[..], [Err(e)] if e.contains(&want)), "{got:?}");
    // A few short ones are read.
    let path = write(dir.path(), "fine.rss", feed("y", 3));
    let got = all(&path, Format::Feed, Limits::default());
    assert_eq!(got[0].as_deref(), Ok("The pier closed. yyyyyy"));
}

#[test]
fn a_feed_of_too_many_nodes_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let feed = format!(
        "<rss version=\"2.0\"><channel><title>T</title><item><description>{}</description></item></channel></rss>",
        "<i/>".repeat(MAX_FEED_NODES as usize)
    );
    let path = write(dir.path(), "many.rss", feed);
    let got = all(&path, Format::Feed, Limits::default());
    assert!(
        matches!(&got[..], [Err(e)] if e.contains(&format!("more than {MAX_FEED_NODES} XML nodes"))),
        "{got:?}"
    );
}

#[test]
fn a_feed_past_its_bound_is_refused_compressed_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        max_article_bytes: 1_000,
    };
    let body = format!(
        "<rss version=\"2.0\"><channel><title>T</title><item><description>{}</description></item></channel></rss>",
        "x".repeat(20_000)
    );
    let plain = write(dir.path(), "big.rss", &body);
    let got = all(&plain, Format::Feed, limits);
    assert!(
        matches!(&got[..], [Err(e)] if e.contains("over the 16000-byte limit for one feed")),
        "{got:?}"
    );
    let packed = write(dir.path(), "big.rss.gz", gzip(body.as_bytes()));
    let got = all(&packed, Format::Feed, limits);
    assert!(
        matches!(&got[..], [Err(e)] if e.contains("decompresses to more than the 16000-byte limit for one feed")),
        "{got:?}"
    );
}

#[test]
fn a_warc_header_past_the_bound_is_skipped_and_the_next_record_read() {
    let dir = tempfile::tempdir().unwrap();
    let page = format!("<!DOCTYPE html><html><body><article>{PARAGRAPH}</article></body></html>");
    let record = |extra: &str| {
        format!(
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://x.test/a\r\n{extra}Content-Type: text/html\r\nContent-Length: {}\r\n\r\n{page}\r\n\r\n",
            page.len()
        )
    };
    let long = format!("X-Note: {}\r\n", "n".repeat(MAX_WARC_HEADER_BYTES as usize));
    let path = write(dir.path(), "crawl.warc", record(&long) + &record(""));
    let got = all(&path, Format::Warc, Limits::default());
    assert_eq!(got.len(), 2, "{got:?}");
    let e = got[0].as_ref().unwrap_err();
    assert!(
        e.contains("crawl.warc record 1")
            && e.contains(&format!(
                "a record header longer than the {MAX_WARC_HEADER_BYTES}-byte limit"
            )),
        "{e}"
    );
    assert!(got[1].as_ref().unwrap().starts_with("The harbour council"));
}

#[test]
fn declared_charsets_are_believed_only_when_the_bytes_agree() {
    let ascii =
        format!("<html><head><meta charset=\"utf-16\"></head><body>{PARAGRAPH}</body></html>");
    let text = crate::sniff::decode_html(ascii.clone().into_bytes(), None).unwrap();
    assert_eq!(text, ascii);
    // A template that says Latin-1 around UTF-8 text.
    let utf8 = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Café</p></body></html>";
    let text = crate::sniff::decode_html(utf8.as_bytes().to_vec(), None).unwrap();
    assert!(text.contains("Café"), "{text}");
    // The HTTP header's charset comes before the page's.
    let latin1 =
        b"<html><head><meta charset=\"utf-8\"></head><body><p>Caf\xe9</p></body></html>".to_vec();
    let text = crate::sniff::decode_html(latin1.clone(), Some("iso-8859-1")).unwrap();
    assert!(text.contains("Café"), "{text}");
    // Declared UTF-8 on Latin-1 bytes: Windows-1252, not replacement characters.
    let text = crate::sniff::decode_html(latin1, None).unwrap();
    assert!(text.contains("Café"), "{text}");
    // A real UTF-16 page has its byte-order mark.
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "<html><body><p>Café</p></body></html>".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let text = crate::sniff::decode_html(utf16, None).unwrap();
    assert!(text.contains("Café"), "{text}");
}

#[test]
fn feeds_decode_the_encoding_they_declare() {
    let dir = tempfile::tempdir().unwrap();
    let feed = |decl: &str| {
        format!("<?xml version=\"1.0\" encoding=\"{decl}\"?><rss version=\"2.0\"><channel><title>Le Café</title><item><description>Le café du port a fermé lundi.</description></item></channel></rss>")
    };
    let declared = feed("ISO-8859-1");
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(&declared);
    let path = write(dir.path(), "latin1.rss", &latin1);
    let got = all(&path, Format::Feed, Limits::default());
    assert_eq!(got[0].as_deref(), Ok("Le café du port a fermé lundi."));
    // UTF-16 declared on bytes that are not: read as the UTF-8 they are.
    let path = write(dir.path(), "utf16.rss", feed("UTF-16"));
    let got = all(&path, Format::Feed, Limits::default());
    assert_eq!(got[0].as_deref(), Ok("Le café du port a fermé lundi."));
    // No declaration and not UTF-8: refused, as XML requires.
    let undeclared = feed("X").replace(" encoding=\"X\"", "");
    let (undeclared, _, _) = encoding_rs::WINDOWS_1252.encode(&undeclared);
    let path = write(dir.path(), "bare.rss", &undeclared);
    let got = all(&path, Format::Feed, Limits::default());
    assert!(
        matches!(&got[..], [Err(e)] if e.contains("invalid UTF-8")),
        "{got:?}"
    );
}

#[test]
fn publication_dates_outside_the_years_are_refused_or_dropped() {
    let dir = tempfile::tempdir().unwrap();
    for date in [
        "-262143-01-01",
        "+200000-01-01",
        "0999-12-31",
        "3000-01-01T00:00:00Z",
    ] {
        assert_eq!(crate::parse_timestamp(date), None, "{date}");
        let path = write(
            dir.path(),
            "dated.txt",
            format!("Title: Pier closes\nPublished: {date}\n\nThe pier closed."),
        );
        let e = read_text(&path, Limits::default()).unwrap_err();
        assert!(
            e.to_string().contains(&format!(
                "dated.txt: publication date {date:?} is outside the years 1000 to 2999"
            )),
            "{e}"
        );
        let (header, start) = crate::parse_header(&std::fs::read_to_string(&path).unwrap());
        assert!(header.published.is_none() && start > 0);
    }
    assert!(crate::parse_timestamp("1000-01-01").is_some());
    assert!(crate::parse_timestamp("2999-12-31T23:59:59Z").is_some());
    let lines = write(
        dir.path(),
        "lines.jsonl",
        "{\"published\":\"+200000-01-01\",\"text\":\"A.\"}\n{\"published\":\"2026-03-10\",\"text\":\"B.\"}\n",
    );
    let got = all(&lines, Format::JsonLines, Limits::default());
    assert!(
        matches!(&got[0], Err(e) if e.contains("lines.jsonl:1: publication date")),
        "{got:?}"
    );
    assert_eq!(got[1].as_deref(), Ok("B."));
    let feed = write(
        dir.path(),
        "dated.rss",
        "<rss version=\"2.0\"><channel><title>T</title><item><pubDate>-262143-01-01</pubDate><description>A.</description></item>\
         <item><description>B.</description></item></channel></rss>",
    );
    let got = all(&feed, Format::Feed, Limits::default());
    assert!(
        matches!(&got[0], Err(e) if e.contains("dated.rss entry 1: publication date")),
        "{got:?}"
    );
    assert_eq!(got[1].as_deref(), Ok("B."));
    // A page's own placeholder date is dropped; the page is read.
    let page = format!("<html><head><meta property=\"article:published_time\" content=\"0001-01-01T00:00:00Z\"></head><body>{PARAGRAPH}</body></html>");
    let path = write(dir.path(), "page.html", page);
    let a = read_text(&path, Limits::default()).unwrap();
    assert!(a.header.published.is_none());
}
