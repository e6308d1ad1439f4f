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
//!   "title", "outlet", "published", ...}`): stored and analysed with the rest. An article
//!   larger than the analysis reads (`max_article_bytes` of its settings, as the store
//!   keeps it) is refused with 413, and so is the whole post. Posts are stored one at a
//!   time, and at most half the workers hold posts at once (past that, 503: try again),
//!   so that slow analyses leave pages served.
//! - `GET /`, `/stories/{id}`, `/articles/{id}`: the same as pages. A story page shows its
//!   outlets, the fact table with contradicted rows marked and every outlet's evidence
//!   linked to where its article says it, the quotations with each outlet's wording
//!   against the fullest (words left out struck, words added marked), reported speech,
//!   the timeline as a chart and the copy/rewrite lineage; an article page its cleaned
//!   text with quotations and names marked, and what cleaning removed, struck through with
//!   its reason. `/style.css` is their style sheet.
//!
//! Every text from an article is escaped, and every answer carries a
//! Content-Security-Policy that allows no script, no inline style and no framing
//! (`frame-ancestors 'none'`, `X-Frame-Options: DENY`), with `X-Content-Type-Options:
//! nosniff`. Writes are taken only as JSON from pages and names of this server, with the
//! token when one is set, and without one only on loopback (`writes.rs`). The API's errors
//! are JSON, `{"error": "..."}`, and never carry the store's own messages (those go to
//! the server's log). The HTTP layer (`http.rs`) bounds connections, threads, time and
//! bytes per request, and the reply cache (`cache.rs`) entries and bytes.

mod cache;
mod diff;
mod http;
mod pages;
mod route;
mod writes;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use parallax_store::Store;
use serde_json::Value;

use crate::cache::Cache;
use crate::http::{Head, Reply, Request};
use crate::route::{Filter, Route};

/// How to serve.
#[derive(Debug, Clone)]
pub struct Options {
    /// The store: a SQLite file or a `postgres://` URL.
    pub db: String,
    /// Where to listen (`127.0.0.1:8080`; port 0 takes a free one).
    pub addr: String,
    /// The token writes must carry.
    pub token: Option<String>,
    /// Worker threads: how many requests are worked out at once.
    pub threads: usize,
    /// Host names the server answers to besides its addresses (and `localhost` on
    /// loopback): a write whose `Host` or `Origin` names another is refused.
    pub hosts: Vec<String>,
    /// The largest article the analysis reads, in bytes, as the store keeps it (a JSON
    /// line): a post of a larger one is refused with 413.
    pub max_article_bytes: u64,
}

/// Stores articles and analyses the store again; returns a line saying what happened.
pub type AddFn = dyn Fn(&[Value]) -> Result<String, AddError> + Send + Sync;

/// Why posted articles were not stored.
#[derive(Debug)]
pub enum AddError {
    /// An article the analysis could not read (its date out of range, its text empty):
    /// nothing is stored and the post is answered 422 with this message, which names it.
    Refused(String),
    /// The store failed: the post is answered 500 and the message only logged.
    Failed(String),
}

/// The headers every answer carries.
const SECURITY_HEADERS: [&str; 5] = [
    "Content-Security-Policy: default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options: nosniff",
    "X-Frame-Options: DENY",
    "Referrer-Policy: same-origin",
    "Cross-Origin-Resource-Policy: same-origin",
];

/// Serves until the process ends. `ready` is called with the address bound, once.
pub fn serve(options: &Options, add: Arc<AddFn>, ready: &dyn Fn(SocketAddr)) -> Result<(), String> {
    let listener = listen(&options.addr)?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("{}: {e}", options.addr))?;
    // Opening the store here checks it before any request comes.
    Store::connect(&options.db).map_err(|e| e.to_string())?;
    let server = Server {
        db: options.db.clone(),
        add,
        writes: Mutex::new(()),
        posting: AtomicUsize::new(0),
        most_posting: (options.threads / 2).max(1),
        cache: Mutex::new(Cache::default()),
        policy: writes::WritePolicy {
            bound,
            token: options.token.clone(),
            hosts: options
                .hosts
                .iter()
                .map(|h| h.to_ascii_lowercase())
                .collect(),
        },
        headers: SECURITY_HEADERS.iter().map(|h| h.to_string()).collect(),
        max_article_bytes: options.max_article_bytes,
    };
    ready(bound);
    http::run(listener, Arc::new(server), options.threads);
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

/// The server's shared state.
struct Server {
    db: String,
    add: Arc<AddFn>,
    /// Posts are taken one at a time.
    writes: Mutex<()>,
    /// Posts being stored and analysed or waiting their turn, each on a worker.
    posting: AtomicUsize,
    /// Most posts on workers at once: half of them, so that slow analyses leave the other
    /// half to serve pages. Past it a post is answered 503 to try again.
    most_posting: usize,
    cache: Mutex<Cache>,
    policy: writes::WritePolicy,
    headers: Vec<String>,
    max_article_bytes: u64,
}

impl http::Service for Server {
    /// A worker's own connection to the store, opened when first needed.
    type Worker = Option<Store>;

    fn worker(&self) -> Option<Store> {
        Store::connect(&self.db).ok()
    }

    fn admit(&self, head: &Head) -> Result<(), Reply> {
        match head.method.as_str() {
            "GET" | "HEAD" => Ok(()),
            "POST" if is_articles(&head.target) => self
                .policy
                .check(head)
                .map_err(|(status, message)| error(status, &message)),
            "POST" => Err(error(404, "not found")),
            _ => Err(error(405, "only GET, HEAD and POST are answered")),
        }
    }

    fn answer(&self, store: &mut Option<Store>, request: &Request) -> Reply {
        if store.is_none() {
            *store = Store::connect(&self.db).ok();
        }
        let Some(store) = store.as_ref() else {
            eprintln!("parallax serve: the store {} cannot be opened", self.db);
            return error(500, "the store cannot be opened");
        };
        if request.head.method == "POST" {
            return self.post(&request.body);
        }
        self.get(store, Route::of(&request.head.target))
    }

    fn headers(&self) -> &[String] {
        &self.headers
    }

    fn error(&self, status: u16, message: &str) -> Reply {
        error(status, message)
    }
}

fn is_articles(target: &str) -> bool {
    target.split('?').next().unwrap_or("").trim_end_matches('/') == "/api/articles"
}

impl Server {
    /// A GET's answer, from the cache when the analysis it was rendered from is still
    /// the store's.
    fn get(&self, store: &Store, route: Route) -> Reply {
        let revision = Cache::revision(&self.cache, store);
        if let Some(hit) = cache::lock(&self.cache).get(&route, revision) {
            return hit;
        }
        let reply = answer_get(store, &route);
        if matches!(reply.status, 200..=299) {
            cache::lock(&self.cache).put(route, reply.clone(), revision);
        }
        reply
    }

    /// Stores the posted articles and analyses the store again.
    fn post(&self, body: &[u8]) -> Reply {
        let Ok(body) = std::str::from_utf8(body) else {
            return error(400, "the body is not UTF-8");
        };
        let lines = match posted_articles(body, self.max_article_bytes) {
            Ok(lines) => lines,
            Err((status, message)) => return error(status, &message),
        };
        let Some(_turn) = Posting::take(&self.posting, self.most_posting) else {
            return error(503, "the server is busy storing other posts; try again");
        };
        let added = {
            let _guard = self.writes.lock().unwrap_or_else(|e| e.into_inner());
            (self.add)(&lines)
        };
        // The next read asks the store, and finds the analysis this post made.
        Cache::expire(&self.cache);
        match added {
            Ok(message) => json(201, serde_json::json!({ "message": message }).to_string()),
            Err(AddError::Refused(message)) => error(422, &message),
            Err(AddError::Failed(e)) => {
                eprintln!("parallax serve: a post failed: {e}");
                error(500, "the articles could not be stored")
            }
        }
    }
}

/// A post's place among those on workers, given back when it is dropped (a failed add
/// included).
struct Posting<'a>(&'a AtomicUsize);

impl<'a> Posting<'a> {
    /// A place, when fewer than `most` posts have one.
    fn take(posting: &'a AtomicUsize, most: usize) -> Option<Posting<'a>> {
        let taken = posting.fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
            (n < most).then_some(n + 1)
        });
        taken.is_ok().then(|| Posting(posting))
    }
}

impl Drop for Posting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The answer to a GET of `route`.
fn answer_get(store: &Store, route: &Route) -> Reply {
    let found = |what: parallax_store::Result<Option<String>>, missing: &str| match what {
        Ok(Some(s)) => json(200, s),
        Ok(None) => error(404, missing),
        Err(e) => unavailable(&e),
    };
    match route {
        Route::ApiStories(filter) => match listed(store, filter) {
            Ok(list) => json(200, Value::Array(list).to_string()),
            Err(e) => unavailable(&e),
        },
        Route::ApiStory(id) => found(store.story(id), "no such story"),
        Route::ApiArticle(id) => found(store.article(id), "no such article"),
        Route::Stories(filter) => pages::page_stories(store, filter),
        Route::Story(id) => pages::page_story(store, id),
        Route::Article { id, hl } => pages::page_article(store, id, hl),
        Route::Style => Reply::new(200, "text/css; charset=utf-8", pages::STYLE.into()),
        Route::NotFound { api: true } => error(404, "not found"),
        Route::NotFound { api: false } => {
            pages::html(404, pages::page("Not found", "<p>Nothing here.</p>"))
        }
    }
}

fn json(status: u16, body: String) -> Reply {
    Reply::new(status, "application/json", body.into_bytes())
}

/// An error answer: `{"error": message}`.
fn error(status: u16, message: &str) -> Reply {
    json(status, serde_json::json!({ "error": message }).to_string())
}

/// The store could not answer: the reason goes to the server's log, not to the client.
fn unavailable(e: &dyn std::fmt::Display) -> Reply {
    eprintln!("parallax serve: {e}");
    error(500, "the store could not answer")
}

/// The stories `filter` keeps, as the list shows them.
fn listed(store: &Store, filter: &Filter) -> parallax_store::Result<Vec<Value>> {
    let given = |s: &str| (!s.is_empty()).then(|| s.to_string());
    let filter = parallax_store::StoryFilter {
        search: given(&filter.q),
        outlet: given(&filter.outlet),
        from: given(&filter.from),
        to: given(&filter.to),
    };
    let rows = store.stories(&filter)?;
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

/// The articles of a post (one JSON object, an array of them, or JSON lines), each with
/// an id and a text, and none larger as the store keeps it (a JSON line) than the
/// `max_article_bytes` the analysis reads; else the status and what is wrong.
fn posted_articles(body: &str, max_article_bytes: u64) -> Result<Vec<Value>, (u16, String)> {
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
    let lines = lines.map_err(|e| (400, e))?;
    for (k, l) in lines.iter().enumerate() {
        let ok = l["id"].as_str().is_some_and(|s| !s.is_empty())
            && l["text"].as_str().is_some_and(|s| !s.trim().is_empty());
        if !ok {
            return Err((
                400,
                format!("article {}: needs a non-empty \"id\" and \"text\"", k + 1),
            ));
        }
        // The analysis reads the stored line with its newline.
        let stored = l.to_string().len() as u64 + 1;
        if stored > max_article_bytes {
            return Err((
                413,
                format!(
                    "article {} ({}) is {stored} bytes as stored; the analysis reads articles of at most {max_article_bytes} bytes (max_article_bytes)",
                    k + 1,
                    l["id"]
                ),
            ));
        }
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posts_over_the_analysis_bound_are_refused() {
        let article = |text: &str| serde_json::json!({"id": "a", "text": text}).to_string();
        let fits = article("x");
        let bound = fits.len() as u64 + 1;
        assert_eq!(posted_articles(&fits, bound).map(|l| l.len()), Ok(1));
        let (status, message) = posted_articles(&article("xx"), bound).unwrap_err();
        assert_eq!(status, 413);
        assert!(
            message.contains(&format!("at most {bound} bytes")),
            "{message}"
        );
        let lines = format!("{fits}\n{}\n", article("xx"));
        assert_eq!(posted_articles(&lines, bound).unwrap_err().0, 413);
        assert_eq!(
            posted_articles("{\"id\": \"x\"}", bound).unwrap_err().0,
            400
        );
        assert_eq!(posted_articles("nope", bound).unwrap_err().0, 400);
    }

    #[test]
    fn posts_take_at_most_their_share_of_workers() {
        let posting = AtomicUsize::new(0);
        let first = Posting::take(&posting, 2);
        let second = Posting::take(&posting, 2);
        assert!(first.is_some() && second.is_some());
        assert!(Posting::take(&posting, 2).is_none());
        drop(first);
        assert!(Posting::take(&posting, 2).is_some());
        drop(second);
        assert_eq!(posting.load(Ordering::Acquire), 0);
    }

    #[test]
    fn api_errors_are_json() {
        let e = error(404, "no such \"story\"");
        assert_eq!(e.kind, "application/json");
        let v: Value = serde_json::from_slice(&e.body).unwrap();
        assert_eq!(v["error"], "no such \"story\"");
    }
}
