//! A small, bounded HTTP/1.1 server over `std::net`.
//!
//! ## Why not tiny_http (or hyper)
//! tiny_http spawns a thread for every connection, without limit, and has no timeout on
//! reading a request's head: 3,000 connections that never finish their headers held 2,999
//! threads and 698 MB for ever, and its workers read request bodies themselves, so four
//! posts that stall before their bodies took every worker. Neither can be set from
//! outside it. hyper on tokio would bound all of this, at the cost of an async runtime, a
//! dozen crates and an async/sync boundary around a store that is synchronous; the
//! server needs little of HTTP (no chunked bodies, no upgrades, no HTTP/2), so this
//! module does that little itself, with every bound a named constant:
//!
//! - at most [`MAX_CONNECTIONS`] connections at once, each on a thread of its own with a
//!   small stack; past that the connection that has waited longest for a request's head
//!   (a stalled client, an idle keep-alive one) is closed to make room, and when none
//!   waits the new one is answered 503;
//! - a request's head must arrive within [`HEAD_TIMEOUT`] (a slow drip of bytes does not
//!   extend it) and be at most [`MAX_HEAD_BYTES`]; a body within [`BODY_TIMEOUT`], at
//!   most [`MAX_BODY_BYTES`], all bodies being read at once at most [`BODY_BUDGET`];
//! - the answers are worked out on a fixed pool of worker threads (each with its own
//!   state, a store connection), which never wait on a client: a connection's thread
//!   reads the whole request before it hands it over, and writes the answer after;
//! - `TCP_NODELAY` on every connection, and each answer written in one piece, so a
//!   keep-alive request is not held back by Nagle's algorithm and delayed ACKs.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Connections open at once. Each holds a thread of [`CONNECTION_STACK`] bytes and at
/// most a head's and a body's bytes; past it a new connection is answered 503 and closed,
/// so stalled or idle clients cost at most this many threads.
pub(crate) const MAX_CONNECTIONS: usize = 1024;

/// Stack of a connection's thread: it only reads requests and writes answers (pages are
/// rendered on the workers), so it needs little; 1,024 of them reserve 128 MiB of
/// address space and use a few pages each.
const CONNECTION_STACK: usize = 128 << 10;

/// How long a request's head (request line and headers) may take to arrive, from the
/// moment the connection waits for it, an idle keep-alive connection included; past it
/// the connection is closed without an answer.
pub(crate) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a request's body may take to arrive once its head has; past it the request
/// is answered 408 and the connection closed.
pub(crate) const BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// How long writing an answer may block on a client that does not read it; past it the
/// connection is closed.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// Largest request head (request line and headers); past it 431 and the connection is
/// closed.
pub(crate) const MAX_HEAD_BYTES: usize = 16 << 10;

/// Most header lines in a request; past them 431.
const MAX_HEADERS: usize = 64;

/// Largest request body: a post of many articles at once. Past it 413, without reading
/// the body. (One article is further bounded by what the analysis reads, which the
/// service checks.)
pub(crate) const MAX_BODY_BYTES: u64 = 32 << 20;

/// Bytes of request bodies being read at once, by all connections together: each body is
/// counted from its Content-Length before it is read. Past it a post is answered 503 to
/// try again later, so that many large posts at once cannot exhaust memory.
const BODY_BUDGET: u64 = 256 << 20;

/// Requests worked out or waiting for a worker; past it a connection waits to hand its
/// request over.
const QUEUED: usize = 256;

/// After an answer that closes a connection with a body left unread, how long and how much
/// of it is read and dropped, so that the client sees the answer rather than a reset.
const LINGER: Duration = Duration::from_millis(500);
const LINGER_BYTES: usize = 1 << 20;

/// A request's head.
#[derive(Debug)]
pub(crate) struct Head {
    /// `GET`, `POST`, ...
    pub(crate) method: String,
    /// The request target as sent: path and query.
    pub(crate) target: String,
    /// Header lines in order, names as sent.
    headers: Vec<(String, String)>,
    /// HTTP/1.1 (keep-alive unless asked otherwise) rather than HTTP/1.0.
    http11: bool,
}

impl Head {
    /// The first header called `name` (case-insensitive), trimmed.
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }

    /// Every header called `name`.
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim())
    }

    fn keep_alive(&self) -> bool {
        let connection = self.header("Connection").unwrap_or("").to_ascii_lowercase();
        let said = |word: &str| connection.split(',').any(|c| c.trim() == word);
        if self.http11 {
            !said("close")
        } else {
            said("keep-alive")
        }
    }
}

/// A whole request: its head and body.
#[derive(Debug)]
pub(crate) struct Request {
    /// The head.
    pub(crate) head: Head,
    /// The body (empty without one).
    pub(crate) body: Vec<u8>,
}

/// An answer.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    /// The status code.
    pub(crate) status: u16,
    /// The Content-Type.
    pub(crate) kind: &'static str,
    /// The body, shared with the reply cache.
    pub(crate) body: Arc<Vec<u8>>,
}

impl Reply {
    /// An answer of `status` with `body` of type `kind`.
    pub(crate) fn new(status: u16, kind: &'static str, body: Vec<u8>) -> Reply {
        Reply {
            status,
            kind,
            body: Arc::new(body),
        }
    }
}

/// What the server serves.
pub(crate) trait Service: Send + Sync + 'static {
    /// A worker's own state (a store connection).
    type Worker: 'static;

    /// A new worker's state.
    fn worker(&self) -> Self::Worker;

    /// Checked once a request's head has arrived and before its body is read: an answer
    /// here is sent instead, and the body is never read.
    fn admit(&self, head: &Head) -> Result<(), Reply>;

    /// The answer to a whole request, worked out on a worker.
    fn answer(&self, worker: &mut Self::Worker, request: &Request) -> Reply;

    /// The headers every answer carries (security policy), each `Name: value`.
    fn headers(&self) -> &[String];

    /// An answer of `status` saying `message`, for errors of the HTTP layer itself.
    fn error(&self, status: u16, message: &str) -> Reply;
}

/// A request handed to the workers, with where its answer goes.
type Job = (Request, SyncSender<Reply>);

/// What every connection's thread shares.
struct Shared {
    /// Where requests go to the workers.
    jobs: SyncSender<Job>,
    /// Bytes of bodies that may still be read at once ([`BODY_BUDGET`]).
    budget: AtomicU64,
    /// Connections open.
    open: AtomicUsize,
    /// Connections waiting for a request's head.
    waiting: Waiting,
}

/// Serves `listener` with `service` on `workers` worker threads, until the process ends.
pub(crate) fn run<S: Service>(listener: TcpListener, service: Arc<S>, workers: usize) {
    let (jobs, queue) = sync_channel::<Job>(QUEUED);
    let queue = Arc::new(Mutex::new(queue));
    for k in 0..workers.max(1) {
        let (service, queue) = (service.clone(), queue.clone());
        let spawned = std::thread::Builder::new()
            .name(format!("serve-worker-{k}"))
            .spawn(move || work(&*service, &queue));
        if let Err(e) = spawned {
            eprintln!("parallax serve: cannot start a worker: {e}");
        }
    }
    let shared = Arc::new(Shared {
        jobs,
        budget: AtomicU64::new(BODY_BUDGET),
        open: AtomicUsize::new(0),
        waiting: Waiting::default(),
    });
    for (id, stream) in (0u64..).zip(listener.incoming()) {
        let Ok(stream) = stream else {
            // Out of file descriptors or the like: wait a moment rather than spin.
            std::thread::sleep(Duration::from_millis(10));
            continue;
        };
        if !make_room(&shared) {
            refuse_busy(stream, &*service);
            continue;
        }
        shared.open.fetch_add(1, Ordering::AcqRel);
        let (service, shared2) = (service.clone(), shared.clone());
        let spawned = std::thread::Builder::new()
            .stack_size(CONNECTION_STACK)
            .spawn(move || {
                Connection::new(id, Arc::new(stream)).serve(&*service, &shared2);
                shared2.open.fetch_sub(1, Ordering::AcqRel);
            });
        if spawned.is_err() {
            shared.open.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

/// How long a new connection over [`MAX_CONNECTIONS`] waits for the one closed to make
/// room for it to end; past it the new one is answered 503.
const ROOM_WAIT: Duration = Duration::from_millis(200);

/// Whether a new connection may open: there are fewer than [`MAX_CONNECTIONS`], or the
/// connection that has waited longest for a request's head was closed to make room (a
/// stalled client's, or an idle keep-alive one), and has ended.
fn make_room(shared: &Shared) -> bool {
    if shared.open.load(Ordering::Acquire) < MAX_CONNECTIONS {
        return true;
    }
    if !shared.waiting.close_oldest() {
        return false;
    }
    let deadline = Instant::now() + ROOM_WAIT;
    while Instant::now() < deadline {
        if shared.open.load(Ordering::Acquire) < MAX_CONNECTIONS {
            return true;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    false
}

/// The connections waiting for a request's head, with when each began to wait.
#[derive(Default)]
struct Waiting(Mutex<HashMap<u64, (Instant, Arc<TcpStream>)>>);

impl Waiting {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u64, (Instant, Arc<TcpStream>)>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn start(&self, id: u64, stream: &Arc<TcpStream>) {
        self.lock().insert(id, (Instant::now(), stream.clone()));
    }

    fn stop(&self, id: u64) {
        self.lock().remove(&id);
    }

    /// Shuts down the connection that has waited longest, so that its thread's read
    /// ends and the thread with it; false when none waits.
    fn close_oldest(&self) -> bool {
        let mut waiting = self.lock();
        let Some(id) = waiting
            .iter()
            .min_by_key(|(_, (since, _))| *since)
            .map(|(id, _)| *id)
        else {
            return false;
        };
        if let Some((_, stream)) = waiting.remove(&id) {
            let _ = stream.shutdown(std::net::Shutdown::Both);
        }
        true
    }
}

/// Answers 503 to a connection over [`MAX_CONNECTIONS`] without waiting on it.
fn refuse_busy<S: Service>(stream: TcpStream, service: &S) {
    let reply = service.error(503, "the server has too many connections; try again");
    let _ = stream.set_nonblocking(true);
    let mut bytes = Vec::new();
    if write_head(&mut bytes, &reply, service.headers(), false).is_ok() {
        bytes.extend_from_slice(&reply.body);
        let _ = (&stream).write_all(&bytes);
    }
}

/// A worker: takes requests off the queue and answers them until the server ends.
fn work<S: Service>(service: &S, queue: &Mutex<Receiver<Job>>) {
    let mut state = service.worker();
    loop {
        let job = queue.lock().unwrap_or_else(|e| e.into_inner()).recv();
        let Ok((request, reply_to)) = job else {
            return;
        };
        // A fault in one request answers it with an error and keeps the worker.
        let reply = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            service.answer(&mut state, &request)
        }))
        .unwrap_or_else(|_| {
            eprintln!("parallax serve: a request failed");
            service.error(500, "the request failed")
        });
        let _ = reply_to.send(reply);
    }
}

/// Why reading a request stopped.
enum Stop {
    /// The client closed, or sent nothing in time: close without an answer.
    Quiet,
    /// Answer this and close.
    Answer(u16, String),
}

/// Bytes a connection keeps between reads: a whole head at most, with the blank line
/// that ends it.
const PENDING: usize = MAX_HEAD_BYTES + 4;

/// One client connection and the bytes read from it but not yet used. They are kept in
/// an array on the connection thread's stack: a client that never finishes its head costs
/// no allocation (with mimalloc each connection thread's first allocations of a size take
/// a fresh page of its own, 64 KiB or more each).
struct Connection {
    id: u64,
    stream: Arc<TcpStream>,
    pending: [u8; PENDING],
    /// How many bytes of `pending` hold data.
    len: usize,
}

impl Connection {
    fn new(id: u64, stream: Arc<TcpStream>) -> Connection {
        Connection {
            id,
            stream,
            pending: [0; PENDING],
            len: 0,
        }
    }

    /// Answers the connection's requests, one after another, until it closes, asks to,
    /// or breaks a bound.
    fn serve<S: Service>(mut self, service: &S, shared: &Shared) {
        prepare(&self.stream);
        loop {
            shared.waiting.start(self.id, &self.stream);
            let head = self.read_head();
            shared.waiting.stop(self.id);
            let head = match head {
                Ok(head) => head,
                Err(Stop::Quiet) => return,
                Err(Stop::Answer(status, message)) => {
                    return self.close_with(&service.error(status, &message), service);
                }
            };
            let keep_alive = head.keep_alive();
            let head_only = head.method == "HEAD";
            let length = match body_length(&head) {
                Ok(n) => n,
                Err((status, message)) => {
                    return self.close_with(&service.error(status, &message), service);
                }
            };
            if let Err(reply) = service.admit(&head) {
                if length == 0 && keep_alive {
                    if !self.write(&reply, service, true, head_only) {
                        return;
                    }
                    continue;
                }
                return self.close_with(&reply, service);
            }
            let body = match self.read_body(&head, length, &shared.budget) {
                Ok(body) => body,
                Err(Stop::Quiet) => return,
                Err(Stop::Answer(status, message)) => {
                    return self.close_with(&service.error(status, &message), service);
                }
            };
            let (reply_to, answer) = sync_channel(1);
            let reply = match shared.jobs.send((Request { head, body }, reply_to)) {
                Ok(()) => answer.recv().ok(),
                Err(_) => None,
            }
            .unwrap_or_else(|| service.error(500, "the request failed"));
            if !self.write(&reply, service, keep_alive, head_only) || !keep_alive {
                return;
            }
        }
    }

    /// Reads until a whole head is pending, within [`HEAD_TIMEOUT`], and parses it. A
    /// client that sends no whole head in time is closed without an answer.
    fn read_head(&mut self) -> Result<Head, Stop> {
        let deadline = Instant::now() + HEAD_TIMEOUT;
        let mut searched: usize = 0;
        loop {
            let from = searched.saturating_sub(3);
            if let Some(end) = find(&self.pending[from..self.len], b"\r\n\r\n") {
                let end = from + end;
                let head = parse_head(&self.pending[..end])?;
                self.consume(end + 4);
                return Ok(head);
            }
            if self.len == PENDING {
                return Err(Stop::Answer(431, "the request head is too large".into()));
            }
            searched = self.len;
            let at = self.len;
            match read_until(&self.stream, &mut self.pending[at..], deadline) {
                Ok(0) | Err(_) => return Err(Stop::Quiet),
                Ok(n) => self.len += n,
            }
        }
    }

    /// Drops the first `n` pending bytes.
    fn consume(&mut self, n: usize) {
        self.pending.copy_within(n..self.len, 0);
        self.len -= n;
    }

    /// Reads the `length` bytes of a body within [`BODY_TIMEOUT`], counting them against
    /// the [`BODY_BUDGET`] while it does.
    fn read_body(&mut self, head: &Head, length: u64, budget: &AtomicU64) -> Result<Vec<u8>, Stop> {
        if length == 0 {
            return Ok(Vec::new());
        }
        let reserved = budget.fetch_update(Ordering::AcqRel, Ordering::Acquire, |left| {
            left.checked_sub(length)
        });
        if reserved.is_err() {
            return Err(Stop::Answer(
                503,
                "the server is reading too many posts; try again".into(),
            ));
        }
        let read = self.read_reserved(head, length as usize);
        budget.fetch_add(length, Ordering::AcqRel);
        read
    }

    fn read_reserved(&mut self, head: &Head, length: usize) -> Result<Vec<u8>, Stop> {
        let mut body = vec![0u8; length];
        let have = self.len.min(length);
        body[..have].copy_from_slice(&self.pending[..have]);
        self.consume(have);
        if have < length
            && head
                .header("Expect")
                .is_some_and(|e| e.eq_ignore_ascii_case("100-continue"))
        {
            let _ = (&*self.stream).write_all(b"HTTP/1.1 100 Continue\r\n\r\n");
        }
        let deadline = Instant::now() + BODY_TIMEOUT;
        let mut at = have;
        while at < length {
            match read_until(&self.stream, &mut body[at..], deadline) {
                Ok(0) => return Err(Stop::Quiet),
                Ok(n) => at += n,
                Err(e) if timed_out(&e) => {
                    return Err(Stop::Answer(408, "the request body took too long".into()));
                }
                Err(_) => return Err(Stop::Quiet),
            }
        }
        Ok(body)
    }

    /// Writes `reply`: its head from a buffer on the stack, then its body; false when the
    /// connection broke.
    fn write<S: Service>(
        &mut self,
        reply: &Reply,
        service: &S,
        keep_alive: bool,
        head_only: bool,
    ) -> bool {
        let mut head = [0u8; 2048];
        let mut cursor = std::io::Cursor::new(&mut head[..]);
        if write_head(&mut cursor, reply, service.headers(), keep_alive).is_err() {
            return false;
        }
        let n = cursor.position() as usize;
        let body: &[u8] = if head_only { &[] } else { &reply.body };
        let mut stream = &*self.stream;
        stream.write_all(&head[..n]).is_ok() && stream.write_all(body).is_ok()
    }

    /// Writes `reply`, says the connection closes, and closes it after reading and
    /// dropping for a moment what the client still sends (an unread body), so that the
    /// client reads the answer rather than a reset.
    fn close_with<S: Service>(mut self, reply: &Reply, service: &S) {
        if !self.write(reply, service, false, false) {
            return;
        }
        let _ = self.stream.shutdown(std::net::Shutdown::Write);
        let deadline = Instant::now() + LINGER;
        let mut dropped = 0;
        while dropped < LINGER_BYTES {
            match read_until(&self.stream, &mut self.pending, deadline) {
                Ok(0) | Err(_) => break,
                Ok(n) => dropped += n,
            }
        }
    }
}

/// Sets an accepted connection's socket up: answers go out at once (`TCP_NODELAY`: with
/// Nagle's algorithm and the client's delayed ACK, every answer after the first on a
/// keep-alive connection waited about 40 ms), and a write blocks at most
/// [`WRITE_TIMEOUT`].
fn prepare(stream: &TcpStream) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(WRITE_TIMEOUT));
}

/// Reads what has come into `into`, waiting until `deadline` at the latest.
fn read_until(
    mut stream: &TcpStream,
    into: &mut [u8],
    deadline: Instant,
) -> std::io::Result<usize> {
    let left = deadline.saturating_duration_since(Instant::now());
    if left.is_zero() {
        return Err(std::io::ErrorKind::TimedOut.into());
    }
    stream.set_read_timeout(Some(left))?;
    stream.read(into)
}

/// The body's length, from Content-Length: none for a request without one; bodies sent
/// in chunks are not taken (411), nor bodies over [`MAX_BODY_BYTES`] (413).
fn body_length(head: &Head) -> Result<u64, (u16, String)> {
    if head.header("Transfer-Encoding").is_some() {
        return Err((
            411,
            "send the body with a Content-Length, not in chunks".into(),
        ));
    }
    let mut lengths = head.all("Content-Length");
    let Some(first) = lengths.next() else {
        return Ok(0);
    };
    let n: u64 = first
        .parse()
        .map_err(|_| (400, "the Content-Length is not a number".to_string()))?;
    if lengths.any(|other| other != first) {
        return Err((400, "the request has two Content-Lengths".into()));
    }
    if n > MAX_BODY_BYTES {
        return Err((
            413,
            format!("a request body is at most {MAX_BODY_BYTES} bytes; this one has {n}"),
        ));
    }
    Ok(n)
}

/// The request line and headers of a head (without its blank line).
fn parse_head(bytes: &[u8]) -> Result<Head, Stop> {
    let bad = Stop::Answer(400, "the request head is malformed".into());
    let text = std::str::from_utf8(bytes)
        .map_err(|_| Stop::Answer(400, "the request head is not UTF-8".into()))?;
    let mut lines = text.split("\r\n");
    let line = lines.next().unwrap_or("");
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad);
    };
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => {
            return Err(Stop::Answer(
                505,
                "only HTTP/1.0 and HTTP/1.1 are spoken".into(),
            ))
        }
    };
    if method.is_empty()
        || !method.bytes().all(|b| b.is_ascii_uppercase())
        || !target.starts_with('/')
    {
        return Err(bad);
    }
    let mut headers = Vec::new();
    for line in lines {
        if headers.len() >= MAX_HEADERS {
            return Err(Stop::Answer(431, "the request has too many headers".into()));
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(bad);
        };
        if name.is_empty() || name.bytes().any(|b| b.is_ascii_whitespace()) {
            return Err(bad);
        }
        headers.push((name.to_string(), value.trim().to_string()));
    }
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        headers,
        http11,
    })
}

/// Writes an answer's status line and headers, up to the blank line.
fn write_head(
    out: &mut impl Write,
    reply: &Reply,
    extra: &[String],
    keep_alive: bool,
) -> std::io::Result<()> {
    write!(
        out,
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: {}\r\n",
        reply.status,
        reason(reply.status),
        reply.kind,
        reply.body.len(),
        if keep_alive { "keep-alive" } else { "close" },
    )?;
    for h in extra {
        write!(out, "{h}\r\n")?;
    }
    write!(out, "\r\n")
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        505 => "HTTP Version Not Supported",
        _ => "",
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn timed_out(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A GET head with these header lines.
    pub(crate) fn head_of(lines: &[&str]) -> Head {
        let text = format!("POST /api/articles HTTP/1.1\r\n{}", lines.join("\r\n"));
        match parse_head(text.trim_end().as_bytes()) {
            Ok(head) => head,
            Err(_) => panic!("a head: {text}"),
        }
    }

    #[test]
    fn connections_send_at_once() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let _client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (accepted, _) = listener.accept().unwrap();
        assert!(!accepted.nodelay().unwrap());
        prepare(&accepted);
        assert!(accepted.nodelay().unwrap());
        assert_eq!(accepted.write_timeout().unwrap(), Some(WRITE_TIMEOUT));
    }

    #[test]
    fn heads_are_parsed_and_bounded() {
        let head = head_of(&["Host: a", "content-length:  12 ", "Connection: close"]);
        assert_eq!(head.method, "POST");
        assert_eq!(head.header("Content-Length"), Some("12"));
        assert!(!head.keep_alive());
        assert_eq!(body_length(&head), Ok(12));
        let status = |text: &str| match parse_head(text.as_bytes()) {
            Ok(_) => 0,
            Err(Stop::Answer(s, _)) => s,
            Err(Stop::Quiet) => 1,
        };
        assert_eq!(status("GET / HTTP/1.0"), 0);
        assert_eq!(status("GET / HTTP/2"), 505);
        assert_eq!(status("GET  / HTTP/1.1"), 400);
        assert_eq!(status("GET http://x/ HTTP/1.1"), 400);
        assert_eq!(status("GET / HTTP/1.1\r\nno colon"), 400);
        let many: String = (0..=MAX_HEADERS).map(|k| format!("\r\nX-{k}: 1")).collect();
        assert_eq!(status(&format!("GET / HTTP/1.1{many}")), 431);
        let chunked = head_of(&["Transfer-Encoding: chunked"]);
        assert_eq!(body_length(&chunked).map_err(|e| e.0), Err(411));
        let huge = head_of(&["Content-Length: 99999999999"]);
        assert_eq!(body_length(&huge).map_err(|e| e.0), Err(413));
        let two = head_of(&["Content-Length: 1", "Content-Length: 2"]);
        assert_eq!(body_length(&two).map_err(|e| e.0), Err(400));
    }
}
