//! `parallax serve` over a store of the example corpus: the API, the pages, writes.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;

use common::{exported, start, store_of_the_example_corpus};

/// One HTTP/1.0 exchange: (status, body).
fn http(addr: &str, method: &str, path: &str, headers: &[&str], body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.0\r\nHost: {addr}\r\nContent-Length: {}\r\n",
        body.len()
    );
    // Writes are taken as JSON only.
    if method == "POST" && !headers.iter().any(|h| h.starts_with("Content-Type")) {
        req.push_str("Content-Type: application/json\r\n");
    }
    for h in headers {
        req.push_str(h);
        req.push_str("\r\n");
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out.split_whitespace().nth(1).unwrap().parse().unwrap();
    let body = out
        .split_once("\r\n\r\n")
        .map(|x| x.1)
        .unwrap_or("")
        .to_string();
    (status, body)
}

/// The ferry story of a `/api/stories` answer.
fn ferry_story(body: &str) -> serde_json::Value {
    let list: serde_json::Value = serde_json::from_str(body).unwrap();
    list.as_array()
        .unwrap()
        .iter()
        .find(|s| s["headline"].as_str().unwrap().contains("Ferry"))
        .expect("the ferry story")
        .clone()
}

#[test]
fn the_api_and_pages_show_a_story_with_its_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);

    let (status, body) = http(&server.addr, "GET", "/api/stories?q=ferry", &[], "");
    assert_eq!(status, 200);
    let ferry = ferry_story(&body);
    assert_eq!(ferry["article_count"], 5);
    assert_eq!(ferry["contradictions"], 1);
    let id = ferry["id"].as_str().unwrap();

    let (status, story) = http(&server.addr, "GET", &format!("/api/stories/{id}"), &[], "");
    assert_eq!(status, 200);
    let story: serde_json::Value = serde_json::from_str(&story).unwrap();
    assert!(story["quotes"].as_array().unwrap().len() >= 2);

    let (status, page) = http(&server.addr, "GET", &format!("/stories/{id}"), &[], "");
    assert_eq!(status, 200);
    // The passenger count is a contradicted row, each side linked to its article.
    let row = page
        .split("<tr class=\"contradicted\">")
        .nth(1)
        .expect("a contradicted row");
    assert!(row.contains("62") && row.contains("26"), "{row}");
    assert!(row.contains("/articles/ferry-courier?hl="), "{row}");
    // The courier's trimmed version of Brandt's words strikes what it left out.
    assert!(page.contains("<span class=kind>trimmed</span>"), "{page}");
    assert!(
        page.contains("<del>The crew did everything right.</del> Within forty minutes"),
        "{page}"
    );

    let (status, article) = http(
        &server.addr,
        "GET",
        "/articles/ferry-courier?hl=There%20were%2062%20passengers%20on%20board",
        &[],
        "",
    );
    assert_eq!(status, 200);
    assert!(
        article.contains("<mark id=hl>There were 62 passengers on board</mark>"),
        "{article}"
    );
    // What cleaning removed stands struck through where it stood: the photo caption
    // between the second and third paragraphs, the comment prompt after the last.
    let at = |needle: &str| {
        article
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {article}"))
    };
    assert!(at("There were 62 passengers") < at("<s>Photo: Lifeboats"));
    assert!(at("<s>Photo: Lifeboats") < at("Coastguard commander"));
    assert!(at("removed: photo-caption") < at("Coastguard commander"));
    assert!(at("Transport Minister") < at("<s>Comments (12)"));
    assert_eq!(
        http(&server.addr, "GET", "/api/stories/S999", &[], "").0,
        404
    );
}

#[test]
fn posted_articles_join_the_store_and_their_text_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, Some("s3cret"));
    let article = serde_json::json!({
        "id": "raised",
        "title": "<script>alert(1)</script> Ferry raised off Kessa",
        "outlet": "Test Wire",
        "published": "2026-03-11T10:00:00+01:00",
        "text": "The Astrid Marie was raised from the Gull Rocks outside Kessa harbour on Wednesday, the coastguard said.",
    })
    .to_string();
    // A token is set: a write without it is refused, and nothing is stored.
    assert_eq!(
        http(&server.addr, "POST", "/api/articles", &[], &article).0,
        403
    );
    assert_eq!(
        http(&server.addr, "GET", "/api/articles/raised", &[], "").0,
        404
    );
    let (status, body) = http(
        &server.addr,
        "POST",
        "/api/articles",
        &["Authorization: Bearer s3cret"],
        &article,
    );
    assert_eq!(status, 201, "{body:?}");
    // The answer cached before the post is gone with the analysis it came from.
    assert_eq!(
        http(&server.addr, "GET", "/api/articles/raised", &[], "").0,
        200
    );
    let (status, page) = http(&server.addr, "GET", "/articles/raised", &[], "");
    assert_eq!(status, 200);
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    assert!(!page.contains("<script>"), "{page}");
    let (_, list) = http(&server.addr, "GET", "/", &[], "");
    assert!(!list.contains("<script>"));
    // A body that is not an article is a clear error.
    let (status, body) = http(
        &server.addr,
        "POST",
        "/api/articles",
        &["Authorization: Bearer s3cret"],
        "{\"id\": \"x\"}",
    );
    assert_eq!(status, 400);
    let error: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(error["error"].as_str().unwrap().contains("text"), "{body}");
}

/// A posted article the analysis could not read (a publication date at the edge of the
/// calendar) is refused, named, and never stored: the store goes on serving, taking posts
/// and exporting.
#[test]
fn an_article_the_analysis_cannot_read_is_refused_and_the_store_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let odd = serde_json::json!({
        "id": "odd-date",
        "title": "Quay reopens",
        "published": "-262143-01-01",
        "text": "The quay at Lisk reopened on Friday, the harbour office said.",
    });
    let (status, body) = http(&server.addr, "POST", "/api/articles", &[], &odd.to_string());
    assert_eq!(status, 422, "{body}");
    let error: serde_json::Value = serde_json::from_str(&body).unwrap();
    let said = error["error"].as_str().unwrap();
    assert!(
        said.starts_with("article odd-date: publication date"),
        "{said}"
    );
    assert_eq!(
        http(&server.addr, "GET", "/api/articles/odd-date", &[], "").0,
        404
    );
    let good = serde_json::json!({
        "id": "quay",
        "title": "Quay reopens",
        "published": "2026-03-13",
        "text": "The quay at Lisk reopened on Friday, the harbour office said.",
    });
    let (status, body) = http(
        &server.addr,
        "POST",
        "/api/articles",
        &[],
        &good.to_string(),
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(http(&server.addr, "GET", "/", &[], "").0, 200);
    drop(server);
    let report = exported(db.as_os_str());
    assert!(report["articles"].to_string().contains("\"quay\""));
}

#[test]
fn a_postgres_store_is_served_the_same_way() {
    let test = "a_postgres_store_is_served_the_same_way";
    let Some(pg) = parallax_store::testing::server_or_skip(test) else {
        return;
    };
    let url = pg.database("served");
    common::add_the_example_corpus(std::ffi::OsStr::new(&url));
    let server = start(std::path::Path::new(&url), None);
    let (status, body) = http(
        &server.addr,
        "GET",
        "/api/stories?q=FERRY&outlet=Coastline%20News",
        &[],
        "",
    );
    assert_eq!(status, 200, "{body}");
    let ferry = ferry_story(&body);
    assert_eq!(ferry["contradictions"], 1);
    let id = ferry["id"].as_str().unwrap();
    let (status, page) = http(&server.addr, "GET", &format!("/stories/{id}"), &[], "");
    assert_eq!(status, 200);
    assert!(page.contains("contradicted"), "{page}");
    // A post from loopback needs no token; it is stored and analysed with the rest.
    let article = serde_json::json!({
        "id": "raised",
        "title": "Ferry raised off Kessa",
        "outlet": "Test Wire",
        "published": "2026-03-11T10:00:00+01:00",
        "text": "The Astrid Marie was raised from the Gull Rocks outside Kessa harbour on Wednesday, the coastguard said.",
    })
    .to_string();
    let (status, body) = http(&server.addr, "POST", "/api/articles", &[], &article);
    assert_eq!(status, 201, "{body}");
    let (status, body) = http(&server.addr, "GET", "/api/articles/raised", &[], "");
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        parallax_store::Store::connect(&url)
            .unwrap()
            .article_count()
            .unwrap(),
        22
    );
}

/// One POST that may find the server gone: its status, or `None` when the connection
/// failed or closed without an answer.
fn try_post(addr: &str, body: &str) -> Option<u16> {
    let mut s = TcpStream::connect(addr).ok()?;
    let req = format!(
        "POST /api/articles HTTP/1.0\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut out = String::new();
    s.read_to_string(&mut out).ok()?;
    out.split_whitespace().nth(1)?.parse().ok()
}

/// Killing the server (SIGKILL) while articles are posted to it loses none it answered
/// as added, and the next start analyses them with the rest.
#[test]
fn a_killed_server_loses_no_article_it_answered_as_added() {
    let dir = tempfile::tempdir().unwrap();
    let db = store_of_the_example_corpus(dir.path());
    let server = start(&db, None);
    let article = |k: usize| {
        serde_json::json!({
            "id": format!("posted-{k}"),
            "title": format!("Harbour notice {k}"),
            "outlet": "Test Wire",
            "published": "2026-03-12T10:00:00+01:00",
            "text": format!("The harbour office of Kessa posted notice {k} about berth repairs on Thursday, its clerk said."),
        })
        .to_string()
    };
    let mut answered = Vec::new();
    for k in 0..2 {
        assert_eq!(try_post(&server.addr, &article(k)), Some(201));
        answered.push(format!("posted-{k}"));
    }
    // A third post, killed while the server stores or analyses it.
    let addr = server.addr.clone();
    let third = article(2);
    let in_flight = std::thread::spawn(move || try_post(&addr, &third));
    std::thread::sleep(std::time::Duration::from_millis(150));
    std::process::Command::new("kill")
        .args(["-9", &server.pid().to_string()])
        .status()
        .unwrap();
    if in_flight.join().unwrap() == Some(201) {
        answered.push("posted-2".into());
    }
    drop(server);

    // Every article answered as added is in the store.
    let store = parallax_store::Store::open(&db).expect("the store opens after the kill");
    let n = store.article_count().unwrap();
    assert!(
        n >= 21 + answered.len(),
        "{n} stored, {} answered",
        answered.len()
    );
    drop(store);
    // A new server analyses what the killed one had not, and shows every answered one.
    let server = start(&db, None);
    for id in &answered {
        let (status, body) = http(&server.addr, "GET", &format!("/api/articles/{id}"), &[], "");
        assert_eq!(status, 200, "{id}: {body}");
    }
    assert!(parallax_store::Store::open(&db)
        .unwrap()
        .is_current()
        .unwrap());
}
