//! `parallax serve` against hostile and careless clients, over loopback: pages of other
//! sites that try to write, clients that stall or never finish, URLs that vary only in
//! what the server ignores, a quotation of 20,000 words, an article larger than the
//! analysis reads. Each test failed on the server as it was before these were bounded.
//! No test asserts on timings: a hung server is caught by the clients' read timeouts,
//! a blown-up one by its own peak memory, as `/proc` tells it.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use common::{start, store_of_the_example_corpus};

/// How long a client waits for an answer before it calls the server hung.
const WATCHDOG: Duration = Duration::from_secs(60);

/// One HTTP/1.0 exchange with `headers` (a Host naming the server unless one is given):
/// (status, head, body). A server that does not answer within [`WATCHDOG`] fails the test.
fn exchange(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[&str],
    body: &[u8],
) -> (u16, String, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(WATCHDOG)).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.0\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !headers.iter().any(|h| h.starts_with("Host:")) {
        req.push_str(&format!("Host: {addr}\r\n"));
    }
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("\r\n");
    // A refused write may be answered before its body is read: what the server no longer
    // reads may fail to send.
    let _ = s.write_all(req.as_bytes()).and_then(|()| s.write_all(body));
    let mut out = Vec::new();
    if let Err(e) = s.read_to_end(&mut out) {
        assert!(!out.is_empty(), "{method} {path}: no answer ({e})");
    }
    let out = String::from_utf8_lossy(&out).into_owned();
    let (head, body) = out.split_once("\r\n\r\n").unwrap_or((&out, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{method} {path}: no status in {head:?}"));
    (status, head.to_string(), body.to_string())
}

fn get(addr: &str, path: &str) -> (u16, String, String) {
    exchange(addr, "GET", path, &[], b"")
}

/// Posts `body` as JSON to `/api/articles`, as the server's own page would; the status and
/// the answer's body.
fn post_json(addr: &str, body: &str) -> (u16, String) {
    let json = ["Content-Type: application/json"];
    let (status, _, answer) = exchange(addr, "POST", "/api/articles", &json, body.as_bytes());
    (status, answer)
}

/// A field of `/proc/PID/status` (`VmHWM`, `VmRSS`, `Threads`), in its own unit.
fn proc_status(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or_else(|| panic!("no {field} in {status}"))
}

fn article(id: &str, text: &str) -> String {
    serde_json::json!({
        "id": id,
        "title": "Harbour office notice",
        "outlet": "Test Wire",
        "published": "2026-03-12T10:00:00+01:00",
        "text": text,
    })
    .to_string()
}

/// A page on another site (or on a name rebound to 127.0.0.1) can send a form or a
/// `text/plain` fetch to the server without asking; none of them may write, token or not.
#[test]
fn writes_from_other_sites_are_refused_and_store_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let addr = server.addr.as_str();
    let port = addr.rsplit(':').next().unwrap();
    let rebound = format!("Host: evil.example:{port}");
    let cases: Vec<(&str, Vec<&str>, u16)> = vec![
        (
            "cross-origin text/plain",
            vec!["Origin: http://evil.example", "Content-Type: text/plain"],
            415,
        ),
        (
            "cross-origin form",
            vec![
                "Origin: http://evil.example",
                "Content-Type: application/x-www-form-urlencoded",
            ],
            415,
        ),
        ("no content type", vec![], 415),
        (
            "cross-origin JSON",
            vec![
                "Origin: http://evil.example",
                "Content-Type: application/json",
            ],
            403,
        ),
        (
            "another port's page",
            vec![
                "Origin: http://127.0.0.1:1",
                "Content-Type: application/json",
            ],
            403,
        ),
        (
            "rebound name, JSON",
            vec![&rebound, "Content-Type: application/json"],
            403,
        ),
        (
            "rebound name, text/plain",
            vec![&rebound, "Content-Type: text/plain"],
            415,
        ),
    ];
    for (k, (what, headers, status)) in cases.iter().enumerate() {
        let id = format!("foreign-{k}");
        let body = article(
            &id,
            "The harbour office of Kessa said berth repairs start on Thursday.",
        );
        let (got, _, answer) = exchange(addr, "POST", "/api/articles", headers, body.as_bytes());
        assert_eq!(got, *status, "{what}: {answer}");
        let error: serde_json::Value = serde_json::from_str(&answer).unwrap();
        assert!(error["error"].is_string(), "{what}: {answer}");
        assert_eq!(get(addr, &format!("/api/articles/{id}")).0, 404, "{what}");
    }
    assert_eq!(
        parallax_store::Store::open(&db)
            .unwrap()
            .article_count()
            .unwrap(),
        21
    );
    // The server's own page may write.
    let body = article(
        "own",
        "The harbour office of Kessa said berth repairs start on Thursday.",
    );
    let origin = format!("Origin: http://{addr}");
    let (status, _, answer) = exchange(
        addr,
        "POST",
        "/api/articles",
        &[&origin, "Content-Type: application/json; charset=utf-8"],
        body.as_bytes(),
    );
    assert_eq!(status, 201, "{answer}");
}

/// Every answer says: no script, no inline style, no framing, no sniffing; the pages
/// need none of it (their style is `/style.css`). The token is a Bearer token whose
/// scheme may be in any case, and an error of the API is JSON without internals.
#[test]
fn answers_carry_the_security_headers_and_the_token_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, Some("s3cret"));
    let addr = server.addr.as_str();
    for path in [
        "/",
        "/stories/S1",
        "/api/stories",
        "/api/stories/S999",
        "/nowhere",
    ] {
        let (_, head, body) = get(addr, path);
        let head = head.to_ascii_lowercase();
        assert!(
            head.contains("content-security-policy: default-src 'none'; style-src 'self';"),
            "{path}: {head}"
        );
        assert!(head.contains("frame-ancestors 'none'"), "{path}: {head}");
        assert!(
            head.contains("x-content-type-options: nosniff"),
            "{path}: {head}"
        );
        assert!(head.contains("x-frame-options: deny"), "{path}: {head}");
        assert!(
            !body.contains("<script") && !body.contains("<style"),
            "{path}: {body}"
        );
    }
    let (status, head, css) = get(addr, "/style.css");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/css"), "{head}");
    assert!(css.contains("tr.contradicted"), "{css}");
    let (status, _, body) = get(addr, "/api/stories/S999");
    assert_eq!(status, 404);
    assert_eq!(body, r#"{"error":"no such story"}"#);

    let post = |auth: &str| {
        let body = article(
            "tokened",
            "The harbour office of Kessa said berth repairs start on Thursday.",
        );
        exchange(
            addr,
            "POST",
            "/api/articles",
            &[auth, "Content-Type: application/json"],
            body.as_bytes(),
        )
        .0
    };
    assert_eq!(post("Authorization: Bearer s3creT"), 403);
    assert_eq!(post("Authorization: Bearer s3cre"), 403);
    assert_eq!(post("Authorization: Basic s3cret"), 403);
    assert_eq!(post("Authorization: bearer s3cret"), 201);
}

/// Posts that stall before their bodies and connections that never finish their heads
/// hold none of the threads that answer: a page is still served while they wait, and
/// the server closes them after its head timeout.
#[test]
fn stalled_clients_do_not_starve_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let addr = server.addr.as_str();
    let mut stalled = Vec::new();
    for _ in 0..4 {
        let mut s = TcpStream::connect(addr).unwrap();
        write!(
            s,
            "POST /api/articles HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{{"
        )
        .unwrap();
        stalled.push(s);
    }
    for _ in 0..300 {
        let mut s = TcpStream::connect(addr).unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
        stalled.push(s);
    }
    for _ in 0..3 {
        let (status, _, body) = get(addr, "/api/stories");
        assert_eq!(status, 200, "{body}");
    }
    // A never-finished head is closed by the server, without an answer.
    let mut unfinished = stalled.pop().unwrap();
    unfinished.set_read_timeout(Some(WATCHDOG)).unwrap();
    let mut rest = Vec::new();
    assert!(
        matches!(unfinished.read_to_end(&mut rest), Ok(0)),
        "{rest:?}"
    );
    drop(stalled);
}

/// More never-finished connections than the server keeps: it holds a bounded number of
/// threads, still serves a page (the longest-waiting stalled connection makes room), and
/// closes them all after its head timeout. (Before, each held a thread for ever.)
#[test]
fn a_flood_of_unfinished_heads_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let addr = server.addr.as_str();
    let mut flood = Vec::new();
    for _ in 0..1500 {
        let Ok(mut s) = TcpStream::connect(addr) else {
            break;
        };
        let _ = s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n");
        flood.push(s);
    }
    assert!(
        flood.len() > 1100,
        "only {} connections could be opened",
        flood.len()
    );
    let (status, _, body) = get(addr, "/api/stories");
    assert_eq!(status, 200, "{body}");
    let threads = proc_status(server.pid(), "Threads");
    // 1,024 connections, the workers, the accepting thread.
    assert!(threads <= 1024 + 64, "{threads} threads");
    for s in &mut flood {
        s.set_read_timeout(Some(WATCHDOG)).unwrap();
        let mut rest = Vec::new();
        let closed = match s.read_to_end(&mut rest) {
            Ok(_) => true,
            Err(e) => e.kind() == std::io::ErrorKind::ConnectionReset,
        };
        assert!(closed, "a stalled connection is still open");
    }
}

/// The reply cache is keyed by the route and the parameters it reads: `?cachebust=N`
/// neither renders the page again nor keeps another copy of it (before, every such GET
/// rendered the page again and kept its copy, without bound).
#[test]
fn ignored_parameters_do_not_grow_the_cache() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let addr = server.addr.clone();
    // An article whose page is about 150 kB.
    let paragraph = "the office said that the repairs would start soon and would last a week. ";
    let text: Vec<String> = (0..160).map(|_| paragraph.repeat(10)).collect();
    let body = article("long", &text.join("\n\n"));
    let (status, answer) = post_json(&addr, &body);
    assert_eq!(status, 201, "{answer}");
    let (status, _, page) = get(&addr, "/articles/long");
    assert_eq!(status, 200);
    assert!(page.len() > 140_000, "{}", page.len());
    let before = proc_status(server.pid(), "VmRSS");
    let clients: Vec<_> = (0..8)
        .map(|c| {
            let (addr, size) = (addr.clone(), page.len());
            std::thread::spawn(move || {
                for k in 0..40 {
                    let (status, _, again) =
                        get(&addr, &format!("/articles/long?cachebust={c}-{k}"));
                    assert_eq!((status, again.len()), (200, size));
                }
            })
        })
        .collect();
    for c in clients {
        c.join().unwrap();
    }
    let grown_kb = proc_status(server.pid(), "VmRSS").saturating_sub(before);
    // 320 copies would be 48 MB.
    assert!(grown_kb < 20 << 10, "the server grew by {grown_kb} kB");
}

/// A story page with a quotation of 20,000 words: its word diff is bounded (before, its
/// table took 1.6 GB and 6–9 s).
#[test]
fn a_quotation_of_twenty_thousand_words_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let addr = server.addr.as_str();
    let words: Vec<String> = (0..20_000).map(|k| format!("harbour{}", k % 251)).collect();
    let text = format!(
        "Kessa harbour master Lena Brandt spoke on Tuesday about the ferry grounding off Kessa.\n\n\"{},\" Brandt said at the harbour office in Kessa on Tuesday.\n\nThe ferry Astrid Marie ran aground off Kessa on Monday; all passengers were rescued, the coastguard said.",
        words.join(" ")
    );
    let body = article("long-quote", &text);
    let (status, answer) = post_json(addr, &body);
    assert_eq!(status, 201, "{answer}");
    let (_, _, stored) = get(addr, "/api/articles/long-quote");
    let stored: serde_json::Value = serde_json::from_str(&stored).unwrap();
    let story = stored["story"].as_str().expect("a story").to_string();
    let (_, _, story_json) = get(addr, &format!("/api/stories/{story}"));
    assert!(
        story_json.contains("harbour250 harbour0"),
        "the quotation is read whole"
    );
    let (status, _, page) = get(addr, &format!("/stories/{story}"));
    assert_eq!(status, 200);
    assert!(page.contains("harbour250 harbour0"));
    let peak_kb = proc_status(server.pid(), "VmHWM");
    assert!(peak_kb < 1 << 20, "the server peaked at {peak_kb} kB");
}

/// An article larger than the analysis reads is refused when posted, naming the bound,
/// rather than stored and never analysed.
#[test]
fn an_article_over_the_analysis_bound_is_refused_at_post() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let addr = server.addr.as_str();
    let limit = parallax_pipeline::Settings::default().max_article_bytes;
    let words = "harbour ".repeat(limit as usize / 8 + 1000);
    let body = article("huge", &format!("The ferry ran aground. {words}"));
    let (status, answer) = post_json(addr, &body);
    assert_eq!(status, 413, "{answer}");
    let error: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert!(
        error["error"]
            .as_str()
            .unwrap()
            .contains(&format!("at most {limit} bytes")),
        "{answer}"
    );
    assert_eq!(get(addr, "/api/articles/huge").0, 404);
    assert_eq!(
        parallax_store::Store::open(&db)
            .unwrap()
            .article_count()
            .unwrap(),
        21
    );
}

/// An article already stored that is larger than the analysis reads (stored by an older
/// version) is named by its id, once per analysis, as a warning; no analysis names a
/// line of its temporary file as skipped, and the exit status says nothing was.
#[test]
fn a_stored_article_over_the_bound_is_named_not_its_temporary_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let limit = parallax_pipeline::Settings::default().max_article_bytes;
    let text = format!(
        "The ferry ran aground. {}",
        "harbour ".repeat(limit as usize / 8 + 1000)
    );
    let line = serde_json::json!({"id": "huge", "title": "Huge", "text": text});
    parallax_store::Store::open(&db)
        .unwrap()
        .add(&[line])
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["export", "--db"])
        .arg(&db)
        .arg("--html")
        .arg(dir.path().join("report.html"))
        .env("PARALLAX_MODEL_DIR", "/nonexistent")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!said.contains("stored.jsonl"), "{said}");
    assert!(said.contains("stored article \"huge\""), "{said}");
    assert!(out.status.success(), "{said}");
}
