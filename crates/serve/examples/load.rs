//! A load test for `parallax serve`: N requests for one path, all sent at once from N
//! threads over loopback, each on its own connection; prints latency percentiles.
//!
//! `cargo run --release -p parallax-serve --example load -- ADDR PATH [N]`

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(addr), Some(path)) = (args.get(1).cloned(), args.get(2).cloned()) else {
        eprintln!("usage: load ADDR PATH [N]");
        std::process::exit(2);
    };
    let n: usize = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let start = std::sync::Arc::new(std::sync::Barrier::new(n + 1));
    let threads: Vec<_> = (0..n)
        .map(|_| {
            let (addr, path, start) = (addr.clone(), path.clone(), start.clone());
            std::thread::spawn(move || -> Option<(Duration, usize)> {
                start.wait();
                let t = Instant::now();
                let mut s = TcpStream::connect(&addr).ok()?;
                write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").ok()?;
                let mut body = Vec::new();
                s.read_to_end(&mut body).ok()?;
                (body.starts_with(b"HTTP/1.1 200") || body.starts_with(b"HTTP/1.0 200"))
                    .then(|| (t.elapsed(), body.len()))
            })
        })
        .collect();
    let wall = Instant::now();
    start.wait();
    let mut times: Vec<Duration> = Vec::new();
    let mut bytes = 0;
    let mut failed = 0;
    for t in threads {
        match t.join().ok().flatten() {
            Some((d, b)) => {
                times.push(d);
                bytes = b;
            }
            None => failed += 1,
        }
    }
    let wall = wall.elapsed();
    times.sort();
    let pct = |p: f64| {
        times
            .get(((times.len() as f64 * p).ceil() as usize).saturating_sub(1))
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    println!(
        "{n} requests at once for {path}: {} answered 200 ({failed} failed), {bytes} bytes each; \
         p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms; all done in {:.0} ms",
        times.len(),
        pct(0.5),
        pct(0.9),
        pct(0.99),
        pct(1.0),
        wall.as_secs_f64() * 1000.0
    );
}
