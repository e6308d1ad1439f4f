//! `parallax serve`: a JSON API and server-rendered pages over a store.
//!
//! - `GET /api/stories?q=&outlet=&from=&to=`: the stories of the stored analysis, newest
//!   first, with their outlets, article and contradiction counts; `q` is a full-text
//!   search of headlines, quotes, facts and article text (every word, the last one as a
//!   prefix; stems and diacritics aside); `outlet` keeps the stories an outlet told; `from` and
//!   `to` (ISO dates) those whose newest article falls between them.
//! - `GET /api/stories/{id}`, `GET /api/articles/{id}`: one story or article, as in the
//!   report.
//! - `POST /api/articles`: one article as a JSON object, or JSON lines (`{"id", "text",
//!   "title", "outlet", "published", ...}`): stored and analysed with the rest.
//! - `GET /`, `/stories/{id}`, `/articles/{id}`: the same as pages. A story page shows its
//!   outlets, the fact table with contradicted rows marked and every outlet's evidence
//!   linked to where its article says it, the quotations with each outlet's wording
//!   against the fullest (words left out struck, words added marked), reported speech,
//!   the timeline as a chart and the copy/rewrite lineage; an article page its cleaned
//!   text with quotations and names marked, and what cleaning removed, struck through with
//!   its reason.
//!
//! Every text from an article is escaped. Writes need `Authorization: Bearer TOKEN` when a
//! token is set, and are refused without one when the server listens beyond loopback.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use parallax_report::escape_html as esc;
use parallax_store::Store;
use serde_json::Value;
use tiny_http::{Header, Method, Request, Response, Server};

/// How to serve.
#[derive(Debug, Clone)]
pub struct Options {
    /// The store: a SQLite file or a `postgres://` URL.
    pub db: String,
    /// Where to listen (`127.0.0.1:8080`; port 0 takes a free one).
    pub addr: String,
    /// The token writes must carry.
    pub token: Option<String>,
    /// Worker threads.
    pub threads: usize,
}

/// Stores articles and analyses the store again; returns a line saying what happened.
pub type AddFn = dyn Fn(&[Value]) -> Result<String, String> + Send + Sync;

/// Serves until the process ends. `ready` is called with the address bound, once.
pub fn serve(options: &Options, add: Arc<AddFn>, ready: &dyn Fn(SocketAddr)) -> Result<(), String> {
    let server = Server::from_listener(listen(&options.addr)?, None)
        .map_err(|e| format!("{}: {e}", options.addr))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| format!("{}: not an IP address", options.addr))?;
    // Opening the store here checks it before any request comes.
    Store::connect(&options.db).map_err(|e| e.to_string())?;
    ready(addr);
    let server = Arc::new(server);
    let writes = Arc::new(Mutex::new(()));
    let cache = Arc::new(Mutex::new(Cache::default()));
    let loopback = addr.ip().is_loopback();
    let workers: Vec<_> = (0..options.threads.max(1))
        .map(|_| {
            let (server, add, writes, cache) =
                (server.clone(), add.clone(), writes.clone(), cache.clone());
            let options = options.clone();
            std::thread::spawn(move || {
                let mut store = None;
                for request in server.incoming_requests() {
                    if store.is_none() {
                        store = Store::connect(&options.db).ok();
                    }
                    let Some(s) = store.as_ref() else {
                        send(request, text(500, "the store cannot be opened"));
                        continue;
                    };
                    let ctx = Context {
                        store: s,
                        add: &*add,
                        writes: &writes,
                        cache: &cache,
                        token: options.token.as_deref(),
                        loopback,
                    };
                    // A fault in one request answers it with an error and keeps the worker.
                    let answered = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        handle(&ctx, request)
                    }));
                    if answered.is_err() {
                        eprintln!("parallax serve: a request failed");
                    }
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

/// Connections the kernel may hold waiting to be accepted: a burst of a thousand page
/// requests waits in the queue instead of being dropped and retried a second later.
const BACKLOG: i32 = 4096;

fn listen(addr: &str) -> Result<std::net::TcpListener, String> {
    use std::net::ToSocketAddrs;
    let at = addr
        .to_socket_addrs()
        .map_err(|e| format!("{addr}: {e}"))?
        .next()
        .ok_or_else(|| format!("{addr}: no address"))?;
    let socket = socket2::Socket::new(
        socket2::Domain::for_address(at),
        socket2::Type::STREAM,
        None,
    )
    .map_err(|e| format!("{addr}: {e}"))?;
    socket
        .set_reuse_address(true)
        .and_then(|()| socket.bind(&at.into()))
        .and_then(|()| socket.listen(BACKLOG))
        .map_err(|e| format!("{addr}: {e}"))?;
    Ok(socket.into())
}

/// Pages and API answers already rendered, for the analysis they were rendered from: a
/// story page is rendered once per analysis, however many read it.
#[derive(Default)]
struct Cache {
    revision: Option<i64>,
    /// When the store was last asked for its analysis revision.
    checked: Option<Instant>,
    replies: HashMap<String, Reply>,
}

/// How long an analysis revision read from the store stands before the store is asked
/// again: another process's add shows within this; this server's own posts show at once.
/// Asking on every request cost a PostgreSQL round trip each (p99 of 1,000 story pages at
/// once 145–164 ms against 7–28 ms from SQLite).
const RECHECK: Duration = Duration::from_millis(250);

impl Cache {
    /// The revision of the analysis the replies come from, asking the store when the last
    /// answer is older than [`RECHECK`]; a new revision empties the cache.
    fn revision(cache: &Mutex<Cache>, store: &Store) -> Option<i64> {
        {
            let cache = lock(cache);
            if cache.checked.is_some_and(|at| at.elapsed() < RECHECK) {
                return cache.revision;
            }
        }
        let revision = store.analysis_revision().ok().flatten();
        let mut cache = lock(cache);
        if cache.revision != revision {
            cache.revision = revision;
            cache.replies.clear();
        }
        cache.checked = Some(Instant::now());
        revision
    }
}

fn lock(cache: &Mutex<Cache>) -> std::sync::MutexGuard<'_, Cache> {
    cache.lock().unwrap_or_else(|e| e.into_inner())
}

/// Most replies kept (searches make new URLs without end).
const CACHED: usize = 10_000;

struct Context<'a> {
    store: &'a Store,
    add: &'a AddFn,
    writes: &'a Mutex<()>,
    cache: &'a Mutex<Cache>,
    token: Option<&'a str>,
    loopback: bool,
}

/// A reply before it is sent: status, content type and body.
type Reply = (u16, &'static str, Arc<Vec<u8>>);

fn with_type(body: String, status: u16, kind: &'static str) -> Reply {
    (status, kind, Arc::new(body.into_bytes()))
}

fn send(request: Request, (status, kind, body): Reply) {
    let header = Header::from_bytes("Content-Type", kind).expect("a valid header");
    let response = Response::from_data(body.as_slice())
        .with_status_code(status)
        .with_header(header);
    let _ = request.respond(response);
}

fn text(status: u16, message: &str) -> Reply {
    with_type(format!("{message}\n"), status, "text/plain; charset=utf-8")
}

fn json(status: u16, body: String) -> Reply {
    with_type(body, status, "application/json")
}

fn html(status: u16, body: String) -> Reply {
    with_type(body, status, "text/html; charset=utf-8")
}

fn handle(ctx: &Context, mut request: Request) {
    let url = request.url().to_string();
    if *request.method() == Method::Get {
        let revision = Cache::revision(ctx.cache, ctx.store);
        let hit = {
            let cache = lock(ctx.cache);
            (cache.revision == revision)
                .then(|| cache.replies.get(&url).cloned())
                .flatten()
        };
        let reply = hit.unwrap_or_else(|| {
            let r = route(ctx, &url);
            let mut cache = lock(ctx.cache);
            if r.0 < 500 && cache.revision == revision && cache.replies.len() < CACHED {
                cache.replies.insert(url.clone(), r.clone());
            }
            r
        });
        return send(request, reply);
    }
    let reply = if *request.method() == Method::Post && url.trim_end_matches('/') == "/api/articles"
    {
        post(ctx, &mut request)
    } else {
        text(404, "not found")
    };
    send(request, reply);
}

fn post(ctx: &Context, request: &mut Request) -> Reply {
    let authorised = match ctx.token {
        Some(t) => request
            .headers()
            .iter()
            .any(|h| h.field.equiv("Authorization") && h.value.as_str() == format!("Bearer {t}")),
        None => ctx.loopback,
    };
    if !authorised {
        return text(403, "writes need the server's token");
    }
    let mut body = String::new();
    match std::io::Read::read_to_string(request.as_reader(), &mut body) {
        Ok(_) => post_articles(ctx, &body),
        Err(e) => text(400, &format!("cannot read the body: {e}")),
    }
}

/// The answer to a GET.
fn route(ctx: &Context, url: &str) -> Reply {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    let query = parse_query(query);
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["api", "stories"] => api_stories(ctx, &query),
        ["api", "stories", id] => match ctx.store.story(&decode(id)) {
            Ok(Some(s)) => json(200, s),
            Ok(None) => text(404, "no such story"),
            Err(e) => text(500, &e.to_string()),
        },
        ["api", "articles", id] => match ctx.store.article(&decode(id)) {
            Ok(Some(a)) => json(200, a),
            Ok(None) => text(404, "no such article"),
            Err(e) => text(500, &e.to_string()),
        },
        [""] => page_stories(ctx, &query),
        ["stories", id] => page_story(ctx, &decode(id)),
        ["articles", id] => page_article(ctx, &decode(id), &query),
        _ => text(404, "not found"),
    }
}

fn parse_query(q: &str) -> HashMap<String, String> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decoding, with `+` as a space.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some(hex(bytes[i + 1])? * 16 + hex(bytes[i + 2])?))
            .flatten();
        match (bytes[i], escaped) {
            (_, Some(b)) => {
                out.push(b as u8);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encoding for a path segment or query value.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

fn listed(ctx: &Context, query: &HashMap<String, String>) -> Result<Vec<Value>, String> {
    let given = |k: &str| query.get(k).filter(|s| !s.is_empty()).cloned();
    let filter = parallax_store::StoryFilter {
        search: given("q"),
        outlet: given("outlet"),
        from: given("from"),
        to: given("to"),
    };
    let rows = ctx.store.stories(&filter).map_err(|e| e.to_string())?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let story: Value = serde_json::from_str(&r.json).unwrap_or(Value::Null);
            serde_json::json!({
                "id": r.id,
                "headline": r.headline,
                "outlets": story["outlets"],
                "article_count": r.article_count,
                "contradictions": r.contradictions,
                "newest": r.newest,
            })
        })
        .collect())
}

fn api_stories(ctx: &Context, query: &HashMap<String, String>) -> Reply {
    match listed(ctx, query) {
        Ok(list) => json(200, Value::Array(list).to_string()),
        Err(e) => text(500, &e),
    }
}

fn post_articles(ctx: &Context, body: &str) -> Reply {
    let lines: Result<Vec<Value>, String> =
        if body.trim_start().starts_with('{') && body.trim().lines().count() > 1 {
            body.lines()
                .filter(|l| !l.trim().is_empty())
                .enumerate()
                .map(|(k, l)| serde_json::from_str(l).map_err(|e| format!("line {}: {e}", k + 1)))
                .collect()
        } else {
            serde_json::from_str::<Value>(body)
                .map(|v| match v {
                    Value::Array(a) => a,
                    v => vec![v],
                })
                .map_err(|e| format!("not JSON: {e}"))
        };
    let lines = match lines {
        Ok(l) => l,
        Err(e) => return text(400, &e),
    };
    for (k, l) in lines.iter().enumerate() {
        let ok = l["id"].as_str().is_some_and(|s| !s.is_empty())
            && l["text"].as_str().is_some_and(|s| !s.trim().is_empty());
        if !ok {
            return text(
                400,
                &format!("article {}: needs a non-empty \"id\" and \"text\"", k + 1),
            );
        }
    }
    let _guard = ctx.writes.lock().unwrap_or_else(|e| e.into_inner());
    let added = (ctx.add)(&lines);
    // The next read asks the store, and finds the analysis this post made.
    lock(ctx.cache).checked = None;
    match added {
        Ok(message) => json(201, serde_json::json!({ "message": message }).to_string()),
        Err(e) => text(500, &e),
    }
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:60rem;padding:0 1rem;color:#222}
a{color:#0645ad}header{border-bottom:1px solid #ddd;margin-bottom:1rem}h1{font-size:1.5rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem;text-align:left;vertical-align:top}
tr.contradicted{background:#fde8e8}tr.updated{background:#eef3fb}.status{font-weight:600}.meta{color:#666;font-size:.9rem}
del{color:#a00}ins{color:#070;text-decoration:none;background:#e6f4e6}s{color:#888}p.removed{font-size:.9rem;margin:.3rem 0}
mark.q{background:#fff2b3}span.e{border-bottom:2px solid #9cc}.kind{font-variant:small-caps}
form input{font-size:1rem;padding:.3rem}li{margin:.3rem 0}svg text{font-size:11px}
@media(max-width:40rem){td,th{display:block}}";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport content=\"width=device-width,initial-scale=1\"><title>{} · parallax</title><style>{STYLE}</style></head><body><header><p><a href=\"/\">parallax</a></p></header>{body}</body></html>",
        esc(title)
    )
}

fn page_stories(ctx: &Context, query: &HashMap<String, String>) -> Reply {
    let list = match listed(ctx, query) {
        Ok(l) => l,
        Err(e) => return text(500, &e),
    };
    let q = query.get("q").cloned().unwrap_or_default();
    let outlet = query.get("outlet").cloned().unwrap_or_default();
    let (from, to) = (
        query.get("from").cloned().unwrap_or_default(),
        query.get("to").cloned().unwrap_or_default(),
    );
    let mut b = format!(
        "<h1>Stories</h1><form><input name=q placeholder=\"search\" value=\"{}\"> <input name=outlet placeholder=\"outlet\" value=\"{}\"> <input name=from type=date value=\"{}\"> <input name=to type=date value=\"{}\"> <button>Find</button></form><ul class=stories>",
        esc(&q),
        esc(&outlet),
        esc(&from),
        esc(&to)
    );
    for s in &list {
        let outlets: Vec<String> = s["outlets"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(esc)
            .collect();
        let _ = write!(
            b,
            "<li><a href=\"/stories/{}\">{}</a> <span class=meta>{} · {} articles · {} contradictions · {}</span></li>",
            encode(s["id"].as_str().unwrap_or("")),
            esc(s["headline"].as_str().unwrap_or("")),
            outlets.join(", "),
            s["article_count"],
            s["contradictions"],
            esc(s["newest"].as_str().unwrap_or("undated")),
        );
    }
    b.push_str("</ul>");
    html(200, page("Stories", &b))
}

fn page_story(ctx: &Context, id: &str) -> Reply {
    let story: Value = match ctx.store.story(id) {
        Ok(Some(s)) => serde_json::from_str(&s).unwrap_or(Value::Null),
        Ok(None) => return html(404, page("Not found", "<p>No such story.</p>")),
        Err(e) => return text(500, &e.to_string()),
    };
    let arr = |v: &Value| v.as_array().cloned().unwrap_or_default();
    let headline = story["headline"].as_str().unwrap_or("");
    let mut b = format!("<h1>{}</h1>", esc(headline));
    // Articles without an outlet go by their id.
    let outlets = ctx.store.outlets(id).unwrap_or_default();
    b.push_str("<h2>Outlets</h2><ul>");
    for a in arr(&story["articles"]) {
        let a = a.as_str().unwrap_or("");
        let outlet = outlets.get(a).cloned().unwrap_or_else(|| a.to_string());
        let origin = if story["origin"].as_str() == Some(a) {
            " <span class=meta>(the original report)</span>"
        } else {
            ""
        };
        let _ = write!(
            b,
            "<li><a href=\"/articles/{}\">{}</a> <span class=meta>{}</span>{origin}</li>",
            encode(a),
            esc(&outlet),
            esc(a)
        );
    }
    b.push_str("</ul>");
    let name = |a: &str| esc(outlets.get(a).map_or(a, String::as_str));

    b.push_str("<h2>Facts</h2><table class=facts><tr><th>fact</th><th>status</th><th>what each outlet says</th></tr>");
    let mut facts = arr(&story["facts"]);
    // Contradictions first, then what is agreed, then what rests on one outlet.
    facts.sort_by_key(|f| match f["status"].as_str() {
        Some("contradicted") => 0,
        Some("updated") => 1,
        Some("agreed") => 2,
        _ => 3,
    });
    for f in &facts {
        let status = f["status"].as_str().unwrap_or("");
        let _ = write!(
            b,
            "<tr class=\"{}\"><td>{}</td><td class=status>{}</td><td>",
            esc(status),
            esc(f["topic"].as_str().unwrap_or("")),
            esc(&status.replace('_', " "))
        );
        for v in arr(&f["values"]) {
            let _ = write!(b, "<p><b>{}</b>", esc(v["value"].as_str().unwrap_or("")));
            if let Some(ev) = v["articles"].as_object() {
                for (a, e) in ev {
                    let e = e.as_str().unwrap_or("");
                    let _ = write!(
                        b,
                        "<br><a href=\"/articles/{}?hl={}#hl\">{}</a>: “{}”",
                        encode(a),
                        encode(e),
                        name(a),
                        esc(e)
                    );
                }
            }
            b.push_str("</p>");
        }
        b.push_str("</td></tr>");
    }
    b.push_str("</table>");

    b.push_str("<h2>Quotations</h2><ul class=quotes>");
    for q in arr(&story["quotes"]) {
        let full = q["text"].as_str().unwrap_or("");
        let _ = write!(
            b,
            "<li><q>{}</q> <span class=meta>— {}</span><ul>",
            esc(full),
            esc(q["speaker"].as_str().unwrap_or("speaker unknown"))
        );
        for o in arr(&q["occurrences"]) {
            let a = o["article"].as_str().unwrap_or("");
            let words: Vec<String> = arr(&o["parts"])
                .iter()
                .filter_map(|p| p.as_str().map(String::from))
                .collect();
            let fidelity = o["fidelity"].as_str().unwrap_or("");
            let credited = match (o["speaker"].as_str(), q["speaker"].as_str()) {
                (Some(s), Some(t)) if s != t => format!(" <b>credited to {}</b>", esc(s)),
                _ => String::new(),
            };
            let shown = if o["direct"] == true {
                word_diff(&words.join(" "), full)
            } else {
                esc(&words.join(" … "))
            };
            let _ = write!(b, "<li><a href=\"/articles/{}\">{}</a>: <span class=kind>{}</span>{credited} <span class=diff>{shown}</span></li>", encode(a), name(a), esc(fidelity));
        }
        b.push_str("</ul></li>");
    }
    b.push_str("</ul>");

    let reported = arr(&story["reported_speech"]);
    if !reported.is_empty() {
        b.push_str("<h2>Reported speech</h2><ul>");
        for q in reported {
            let _ = write!(
                b,
                "<li>{}: ",
                esc(q["speaker"].as_str().unwrap_or("unknown source"))
            );
            let items: Vec<String> = arr(&q["occurrences"])
                .iter()
                .map(|o| {
                    let a = o["article"].as_str().unwrap_or("");
                    let parts: Vec<&str> = o["parts"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .collect();
                    format!(
                        "<a href=\"/articles/{}\">{}</a> “{}”",
                        encode(a),
                        name(a),
                        esc(&parts.join(" … "))
                    )
                })
                .collect();
            b.push_str(&items.join("; "));
            b.push_str("</li>");
        }
        b.push_str("</ul>");
    }

    let timeline = arr(&story["timeline"]);
    if !timeline.is_empty() {
        b.push_str("<h2>Timeline</h2>");
        b.push_str(&timeline_chart(&timeline));
        b.push_str("<ul>");
        for t in &timeline {
            let said: Vec<String> = arr(&t["mentions"])
                .iter()
                .map(|m| {
                    format!(
                        "{} “{}”",
                        name(m["article"].as_str().unwrap_or("")),
                        esc(m["text"].as_str().unwrap_or(""))
                    )
                })
                .collect();
            let _ = write!(
                b,
                "<li><b>{}</b> {} <span class=meta>{}</span></li>",
                esc(t["date"].as_str().unwrap_or("")),
                esc(t["event"].as_str().unwrap_or("")),
                said.join(", ")
            );
        }
        b.push_str("</ul>");
    }

    let lineage = arr(&story["lineage"]);
    if !lineage.is_empty() {
        b.push_str("<h2>Who copied or rewrote whom</h2>");
        let members: Vec<String> = arr(&story["articles"])
            .iter()
            .filter_map(|a| a.as_str().map(String::from))
            .collect();
        b.push_str(&lineage_graph(&members, &lineage, &|a: &str| {
            outlets.get(a).cloned().unwrap_or_else(|| a.to_string())
        }));
        b.push_str("<ul>");
        for l in lineage {
            let _ = write!(
                b,
                "<li>{} → {} <span class=meta>{} ({:.0}% alike)</span></li>",
                name(l["source"].as_str().unwrap_or("")),
                name(l["article"].as_str().unwrap_or("")),
                esc(l["relation"].as_str().unwrap_or("")),
                l["similarity"].as_f64().unwrap_or(0.0) * 100.0
            );
        }
        b.push_str("</ul>");
    }
    html(200, page(headline, &b))
}

/// The story's articles as boxes, earliest first, and an arrow from each source to the
/// article that copied (solid) or rewrote (dashed) it.
fn lineage_graph(members: &[String], links: &[Value], name: &dyn Fn(&str) -> String) -> String {
    let x_of = |a: &str| members.iter().position(|m| m == a).map(|k| 60 + k * 120);
    let width = 120 * members.len().max(1);
    let mut svg = format!(
        "<svg viewBox=\"0 0 {width} 110\" width=\"100%\" role=img aria-label=\"lineage\"><defs><marker id=arrow viewBox=\"0 0 10 10\" refX=9 refY=5 markerWidth=6 markerHeight=6 orient=auto><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker></defs>"
    );
    for l in links {
        let (Some(from), Some(to)) = (
            l["source"].as_str().and_then(x_of),
            l["article"].as_str().and_then(x_of),
        ) else {
            continue;
        };
        let dash = if l["relation"] == "copy" {
            ""
        } else {
            " stroke-dasharray=\"4 3\""
        };
        let mid = (from + to) / 2;
        let _ = write!(
            svg,
            "<path d=\"M{from},70 Q{mid},{} {to},70\" fill=none stroke=\"#555\"{dash} marker-end=\"url(#arrow)\"/>",
            if from < to { 105 } else { 35 }
        );
    }
    for m in members {
        let x = x_of(m).unwrap_or(0);
        let label: String = name(m).chars().take(16).collect();
        let _ = write!(
            svg,
            "<rect x={} y=42 width=110 height=26 rx=4 fill=\"#eef3fb\" stroke=\"#99b\"/><text x={x} y=59 text-anchor=middle>{}</text>",
            x - 55,
            esc(&label)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The timeline's days as dots on a line, spaced by date.
fn timeline_chart(entries: &[Value]) -> String {
    let days: Vec<(i64, &str)> = entries
        .iter()
        .filter_map(|t| {
            let d = t["date"].as_str()?;
            Some((day_number(d.get(..10)?)?, d))
        })
        .collect();
    let (Some(first), Some(last)) = (
        days.iter().map(|d| d.0).min(),
        days.iter().map(|d| d.0).max(),
    ) else {
        return String::new();
    };
    let span = (last - first).max(1) as f64;
    let mut svg = String::from("<svg viewBox=\"0 0 600 50\" width=\"100%\" role=img aria-label=\"timeline\"><line x1=60 y1=20 x2=540 y2=20 stroke=\"#999\"/>");
    for (k, (d, label)) in days.iter().enumerate() {
        let x = 60.0 + 480.0 * (d - first) as f64 / span;
        let y = if k % 2 == 0 { 40 } else { 12 };
        let _ = write!(svg, "<circle cx=\"{x:.0}\" cy=20 r=5 fill=\"#0645ad\"/><text x=\"{x:.0}\" y={y} text-anchor=middle>{}</text>", esc(label));
    }
    svg.push_str("</svg>");
    svg
}

/// Days since 1970-01-01 of an ISO date.
fn day_number(d: &str) -> Option<i64> {
    let day = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
    let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
    Some(day.signed_duration_since(epoch).num_days())
}

/// An outlet's wording against the fullest one, word by word: words it leaves out struck,
/// words it adds or changes marked.
fn word_diff(version: &str, fullest: &str) -> String {
    let norm = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            .replace('’', "'")
    };
    let a: Vec<&str> = version.split_whitespace().collect();
    let b: Vec<&str> = fullest.split_whitespace().collect();
    let (na, nb): (Vec<String>, Vec<String>) = (
        a.iter().map(|w| norm(w)).collect(),
        b.iter().map(|w| norm(w)).collect(),
    );
    // Longest common subsequence, by table.
    let mut t = vec![vec![0u32; nb.len() + 1]; na.len() + 1];
    for i in (0..na.len()).rev() {
        for j in (0..nb.len()).rev() {
            t[i][j] = if na[i] == nb[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut left_out: Vec<&str> = Vec::new();
    let flush = |left_out: &mut Vec<&str>, out: &mut Vec<String>| {
        if !left_out.is_empty() {
            out.push(format!("<del>{}</del>", esc(&left_out.join(" "))));
            left_out.clear();
        }
    };
    while i < na.len() || j < nb.len() {
        if i < na.len() && j < nb.len() && na[i] == nb[j] {
            flush(&mut left_out, &mut out);
            out.push(esc(a[i]));
            i += 1;
            j += 1;
        } else if j < nb.len() && (i == na.len() || t[i][j + 1] >= t[i + 1][j]) {
            left_out.push(b[j]);
            j += 1;
        } else {
            flush(&mut left_out, &mut out);
            out.push(format!("<ins>{}</ins>", esc(a[i])));
            i += 1;
        }
    }
    flush(&mut left_out, &mut out);
    out.join(" ")
}

fn page_article(ctx: &Context, id: &str, query: &HashMap<String, String>) -> Reply {
    let a: Value = match ctx.store.article(id) {
        Ok(Some(a)) => serde_json::from_str(&a).unwrap_or(Value::Null),
        Ok(None) => return html(404, page("Not found", "<p>No such article.</p>")),
        Err(e) => return text(500, &e.to_string()),
    };
    let story: Value = a["story"]
        .as_str()
        .and_then(|s| ctx.store.story(s).ok().flatten())
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null);
    let title = a["title"].as_str().unwrap_or(id);
    let mut b = format!(
        "<h1>{}</h1><p class=meta>{} · {} · <span class=kind>{}</span> · story <a href=\"/stories/{}\">{}</a></p>",
        esc(title),
        esc(a["outlet"].as_str().unwrap_or("outlet unknown")),
        esc(a["published"].as_str().unwrap_or("date unknown")),
        esc(a["kind"].as_str().unwrap_or("")),
        encode(a["story"].as_str().unwrap_or("")),
        esc(story["headline"].as_str().unwrap_or("")),
    );
    // What to mark: the linked evidence, this article's quotations and its names.
    let mut marks: Vec<(String, &str)> = Vec::new();
    if let Some(hl) = query.get("hl").filter(|h| !h.is_empty()) {
        marks.push((hl.clone(), "hl"));
    }
    for q in story["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(story["reported_speech"].as_array().into_iter().flatten())
    {
        for o in q["occurrences"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|o| o["article"].as_str() == Some(id))
        {
            for p in o["parts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                marks.push((p.to_string(), "q"));
            }
        }
    }
    for e in story["entities"].as_array().into_iter().flatten() {
        for m in e["mentions"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|m| m["article"].as_str() == Some(id))
        {
            if let Some(t) = m["text"].as_str() {
                marks.push((t.to_string(), "e"));
            }
        }
    }
    let body = a["body"].as_str().unwrap_or("");
    let paragraphs: Vec<&str> = body.split('\n').filter(|p| !p.trim().is_empty()).collect();
    let removed: Vec<&Value> = a["removed"]
        .as_array()
        .into_iter()
        .flatten()
        .chain(a["appended"].as_array().into_iter().flatten())
        .collect();
    for piece in in_reading_order(&a, &paragraphs, &removed) {
        match piece {
            Piece::Kept(p) => {
                let _ = write!(b, "<p>{}</p>", marked(p, &marks));
            }
            Piece::Removed(r) => {
                let reason = r["reason"].as_str().or(r["kind"].as_str());
                let _ = write!(
                    b,
                    "<p class=removed><s>{}</s> <span class=meta>removed: {}</span></p>",
                    esc(r["text"].as_str().unwrap_or("")),
                    esc(reason.unwrap_or("appended"))
                );
            }
        }
    }
    html(200, page(title, &b))
}

/// A piece of an article page: a paragraph cleaning kept, or what it took out.
enum Piece<'a> {
    Kept(&'a str),
    Removed(&'a Value),
}

/// The kept paragraphs and the removed pieces in the order they stand in the input text,
/// by their spans (the report's `paragraphs` and each removed piece's `span`); where the
/// spans are missing or do not match the body, the kept text first and what was removed
/// after it.
fn in_reading_order<'a>(
    article: &'a Value,
    paragraphs: &[&'a str],
    removed: &[&'a Value],
) -> Vec<Piece<'a>> {
    let start = |v: &Value| v.get(0).and_then(Value::as_u64);
    let kept: Vec<u64> = article["paragraphs"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(start)
        .collect();
    let cut: Vec<Option<u64>> = removed.iter().map(|r| start(&r["span"])).collect();
    if kept.len() != paragraphs.len() || cut.iter().any(Option::is_none) {
        return paragraphs
            .iter()
            .map(|&p| Piece::Kept(p))
            .chain(removed.iter().map(|&r| Piece::Removed(r)))
            .collect();
    }
    let mut pieces: Vec<(u64, Piece)> = kept
        .into_iter()
        .zip(paragraphs)
        .map(|(at, &p)| (at, Piece::Kept(p)))
        .chain(
            cut.into_iter()
                .flatten()
                .zip(removed)
                .map(|(at, &r)| (at, Piece::Removed(r))),
        )
        .collect();
    // A stable sort: a piece removed from inside a paragraph comes after it.
    pieces.sort_by_key(|&(at, _)| at);
    pieces.into_iter().map(|(_, p)| p).collect()
}

/// `p` escaped, with the first place each mark's text stands wrapped (the linked evidence
/// as `<mark id=hl>`, quotations as `<mark class=q>`, names as `<span class=e>`); marks
/// that would overlap one already placed are left out.
fn marked(p: &str, marks: &[(String, &str)]) -> String {
    let mut placed: Vec<(usize, usize, &str)> = Vec::new();
    for (t, kind) in marks {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(i) = p[from..].find(t) {
            let (s, e) = (from + i, from + i + t.len());
            if !placed.iter().any(|&(a, b, _)| s < b && a < e) {
                placed.push((s, e, kind));
                break;
            }
            from = e;
        }
    }
    placed.sort();
    let mut out = String::new();
    let mut at = 0;
    for (s, e, kind) in placed {
        out.push_str(&esc(&p[at..s]));
        let (open, close) = match kind {
            "hl" => ("<mark id=hl>", "</mark>"),
            "q" => ("<mark class=q>", "</mark>"),
            _ => ("<span class=e>", "</span>"),
        };
        out.push_str(open);
        out.push_str(&esc(&p[s..e]));
        out.push_str(close);
        at = e;
    }
    out.push_str(&esc(&p[at..]));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_left_out_and_added() {
        let full = "The crew did everything right. Within forty minutes every passenger was safe,";
        assert_eq!(
            word_diff("Within forty minutes every passenger was safe,", full),
            "<del>The crew did everything right.</del> Within forty minutes every passenger was safe,"
        );
        assert_eq!(
            word_diff("The crew did right. Within forty minutes all were safe,", full),
            "The crew did <del>everything</del> right. Within forty minutes <del>every passenger was</del> <ins>all</ins> <ins>were</ins> safe,"
        );
        assert_eq!(word_diff("<b>", "x"), "<del>x</del> <ins>&lt;b&gt;</ins>");
    }

    #[test]
    fn marks_are_escaped_and_do_not_overlap() {
        let p = "Lena Brandt said <all> were safe, Brandt said.";
        let got = marked(
            p,
            &[
                ("<all> were safe".into(), "q"),
                ("Lena Brandt".into(), "e"),
                ("Brandt".into(), "e"),
            ],
        );
        assert_eq!(
            got,
            "<span class=e>Lena Brandt</span> said <mark class=q>&lt;all&gt; were safe</mark>, <span class=e>Brandt</span> said."
        );
    }

    #[test]
    fn lineage_draws_an_arrow_per_link() {
        let members = vec!["wire".to_string(), "copy".to_string(), "<b>".to_string()];
        let links = vec![
            serde_json::json!({"article": "copy", "source": "wire", "relation": "copy"}),
            serde_json::json!({"article": "<b>", "source": "wire", "relation": "rewrite"}),
        ];
        let svg = lineage_graph(&members, &links, &|a: &str| a.to_string());
        assert_eq!(svg.matches("marker-end").count(), 2);
        assert_eq!(svg.matches("stroke-dasharray").count(), 1);
        assert!(svg.contains("&lt;b&gt;") && !svg.contains("<b>"));
    }

    #[test]
    fn queries_and_days() {
        let q = parse_query("q=ferry+aground&outlet=Coastline%20News");
        assert_eq!(q["q"], "ferry aground");
        assert_eq!(q["outlet"], "Coastline News");
        assert_eq!(encode("a b/é"), "a%20b%2F%C3%A9");
        assert_eq!(decode(&encode("a b/é")), "a b/é");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%e"), "%e");
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(
            day_number("2026-03-10").unwrap() - day_number("2026-02-28").unwrap(),
            10
        );
    }
}
