use super::*;
use crate::{Format, Input};

fn page(headline: &str, text: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>{headline}</title></head><body><nav><a href=\"/\">Home</a></nav><article><p>{text}</p></article></body></html>")
}

fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-03-10T09:30:00Z\r\nWARC-Record-ID: <urn:uuid:{kind}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(headers: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(50) {
        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

/// A crawl: bookkeeping records, two pages (one chunked and gzip-encoded), an image, a
/// broken record, and a third page after it.
fn crawl() -> Vec<Vec<u8>> {
    let ferry = page(
        "Ferry runs aground",
        "A passenger ferry carrying 62 people ran aground off Kessa early on Tuesday, the coastguard said.",
    );
    let fire = page(
        "Warehouse fire",
        "A fire destroyed the Orlen Foods warehouse in Kessa on Tuesday night, and 200 workers were sent home, the fire service said.",
    );
    let vote = page(
        "Lisk votes no",
        "Voters in Lisk rejected a second harbour bridge on Sunday by 58 percent to 42, the town said.",
    );
    vec![
        record("warcinfo", "", "application/warc-fields", b"software: test\r\n"),
        record(
            "request",
            "https://coastline.example/ferry",
            "application/http; msgtype=request",
            b"GET /ferry HTTP/1.1\r\nHost: coastline.example\r\n\r\n",
        ),
        record(
            "response",
            "https://coastline.example/ferry",
            "application/http; msgtype=response",
            &http("Content-Type: text/html; charset=utf-8\r\n", ferry.as_bytes()),
        ),
        record(
            "response",
            "https://courier.example/fire",
            "application/http; msgtype=response",
            &http(
                "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
                &chunked(&gzip(fire.as_bytes())),
            ),
        ),
        record(
            "response",
            "https://courier.example/logo.png",
            "application/http; msgtype=response",
            &http("Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n"),
        ),
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n<html>broken</html>\r\n\r\n"
            .to_vec(),
        record(
            "response",
            "https://herald.example/vote",
            "application/http; msgtype=response",
            &http("Content-Type: text/html\r\n", vote.as_bytes()),
        ),
    ]
}

fn read_all(path: &Path) -> Vec<Result<parallax_model::RawArticle>> {
    let input = Input {
        path: path.to_path_buf(),
        format: Format::Warc,
    };
    crate::read(&input, Limits::default()).collect()
}

fn check(got: &[Result<parallax_model::RawArticle>], name: &str) {
    assert_eq!(got.len(), 4, "{got:#?}");
    let ok: Vec<&parallax_model::RawArticle> = got.iter().filter_map(|r| r.as_ref().ok()).collect();
    let ids: Vec<&str> = ok.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["crawl-3", "crawl-4", "crawl-7"]);
    assert_eq!(ok[0].header.title.as_deref(), Some("Ferry runs aground"));
    assert_eq!(
        ok[0].header.url.as_deref(),
        Some("https://coastline.example/ferry")
    );
    assert_eq!(ok[0].source, "https://coastline.example/ferry");
    assert_eq!(
        ok[0].header.published.map(|t| t.to_rfc3339()),
        Some("2026-03-10T09:30:00+00:00".into())
    );
    assert!(
        ok[1]
            .text
            .starts_with("A fire destroyed the Orlen Foods warehouse"),
        "{}",
        ok[1].text
    );
    assert_eq!(ok[2].header.title.as_deref(), Some("Lisk votes no"));
    let e = got
        .iter()
        .find_map(|r| r.as_ref().err())
        .unwrap()
        .to_string();
    assert!(
        e.contains(&format!("{name} record 6")) && e.contains("Content-Length \"lots\""),
        "{e}"
    );
}

#[test]
fn html_records_become_articles_and_a_broken_one_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("crawl.warc");
    std::fs::write(&plain, crawl().concat()).unwrap();
    check(&read_all(&plain), "crawl.warc");

    // Compressed record by record, as Common Crawl writes it.
    let sub = dir.path().join("gz");
    std::fs::create_dir(&sub).unwrap();
    let compressed = sub.join("crawl.warc.gz");
    let members: Vec<u8> = crawl().iter().flat_map(|r| gzip(r)).collect();
    std::fs::write(&compressed, members).unwrap();
    check(&read_all(&compressed), "crawl.warc.gz");

    // Found by name in a folder, and by content when named directly without an extension.
    let found = crate::discover(std::slice::from_ref(&sub));
    assert_eq!(found.inputs[0].format, Format::Warc);
    let bare = dir.path().join("crawl-file");
    std::fs::write(&bare, crawl().concat()).unwrap();
    assert_eq!(crate::discover(&[bare]).inputs[0].format, Format::Warc);
}

#[test]
fn a_crawl_cut_short_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.warc");
    let mut bytes = crawl().concat();
    bytes.truncate(bytes.len() - 120);
    std::fs::write(&path, bytes).unwrap();
    let got = read_all(&path);
    let last = got.last().unwrap().as_ref().unwrap_err().to_string();
    assert!(
        last.contains("cut.warc record 7") && last.contains("cut short"),
        "{last}"
    );
    assert_eq!(got.iter().filter(|r| r.is_ok()).count(), 2);
}

#[test]
fn chunks_are_joined() {
    assert_eq!(
        dechunk(b"4\r\nWiki\r\n5;x=y\r\npedia\r\n0\r\n\r\n").unwrap(),
        b"Wikipedia"
    );
    assert_eq!(dechunk(b"zz\r\n"), None);
}
