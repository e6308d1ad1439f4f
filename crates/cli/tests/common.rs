//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The workspace root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The shared evaluation folder beside the repository, when it is there
/// (`PARALLAX_SHARED` overrides where to look).
pub(crate) fn shared() -> Option<PathBuf> {
    let p = std::env::var_os("PARALLAX_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    p.join("seeds").is_dir().then_some(p)
}

/// Runs `parallax analyze` on `inputs`, writing the JSON report into `out`.
pub(crate) fn analyze(inputs: &[&Path], out: &Path) -> (Output, serde_json::Value) {
    let json = out.join("report.json");
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .arg("analyze")
        .args(inputs)
        .arg("--json")
        .arg(&json)
        .arg("--html")
        .arg(out.join("report.html"))
        .output()
        .expect("parallax runs");
    let report = std::fs::read_to_string(&json)
        .map(|t| serde_json::from_str(&t).expect("the report is JSON"))
        .unwrap_or_default();
    (output, report)
}

/// Asserts `name` is at least `floor` among `metrics`.
pub(crate) fn assert_floor(metrics: &[parallax_eval::Metric], name: &str, floor: f64) {
    let got = parallax_eval::metric(metrics, name).unwrap_or_else(|| panic!("no metric {name}"));
    assert!(
        got >= floor,
        "{name} = {got:.3}, below the floor {floor}\n{}",
        metrics
            .iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Runs the reference scorer (Python) when it and python3 are there; its metrics by name.
pub(crate) fn reference_score(
    shared: &Path,
    key: &Path,
    report: &Path,
    articles: &Path,
) -> Option<Vec<(String, f64)>> {
    let scorer = shared.join("tools/score");
    if !scorer.exists() {
        return None;
    }
    let out = Command::new("python3")
        .arg(&scorer)
        .arg("--key")
        .arg(key)
        .arg("--report")
        .arg(report)
        .arg("--articles")
        .arg(articles)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "the reference scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    println!("{text}");
    Some(
        text.lines()
            .filter_map(|l| {
                let mut w = l.split_whitespace();
                Some((w.next()?.to_string(), w.next()?.parse().ok()?))
            })
            .collect(),
    )
}

/// The story of a report that holds `article`.
pub(crate) fn story_with<'a>(
    report: &'a serde_json::Value,
    article: &str,
) -> &'a serde_json::Value {
    report["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .any(|a| a == article)
        })
        .unwrap_or_else(|| panic!("no story holds {article}"))
}

/// A `parallax serve` child process, killed when dropped.
pub(crate) struct Server {
    child: std::process::Child,
    /// Where it listens (`127.0.0.1:PORT`).
    pub(crate) addr: String,
}

impl Server {
    /// Its process id, for a test that kills it.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `parallax serve` on a free loopback port over the store `db`.
pub(crate) fn start(db: &std::path::Path, token: Option<&str>) -> Server {
    use std::io::BufRead;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_parallax"));
    cmd.args(["serve", "--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .env("PARALLAX_MODEL_DIR", "/nonexistent")
        .env_remove("PARALLAX_TOKEN")
        .stderr(std::process::Stdio::piped());
    if let Some(t) = token {
        cmd.args(["--token", t]);
    }
    let mut child = cmd.spawn().unwrap();
    let mut line = String::new();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    // The address comes after what the analysis of articles stored and not yet analysed
    // (an add that was stopped) has to say.
    loop {
        line.clear();
        let read = stderr.read_line(&mut line).unwrap_or(0);
        if read == 0 || line.contains("http://") {
            break;
        }
    }
    if !line.contains("http://") {
        let _ = child.kill();
        let _ = child.wait();
        panic!("parallax serve ended without saying where it listens");
    }
    // Whatever else the server says (warnings, the analyses of posted articles) is read
    // and dropped, so that it never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    let addr = line
        .split("http://")
        .nth(1)
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim()
        .trim_end_matches('/')
        .to_string();
    Server { child, addr }
}

/// A store in `dir` holding the example corpus, analysed.
pub(crate) fn store_of_the_example_corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("news.db");
    add_the_example_corpus(db.as_os_str());
    db
}

/// What `parallax` with `args` writes to standard output, run on words alone; it must
/// succeed.
fn parallax_ok(args: &[&std::ffi::OsStr]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_MODEL_DIR", "/nonexistent")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The report `parallax export --json -` writes from the store `db` (words alone).
pub(crate) fn exported(db: &std::ffi::OsStr) -> serde_json::Value {
    let out = parallax_ok(&[
        "export".as_ref(),
        "--db".as_ref(),
        db,
        "--json".as_ref(),
        "-".as_ref(),
    ]);
    serde_json::from_slice(&out).unwrap()
}

/// Adds the example corpus to the store `db` (a file or a database URL).
pub(crate) fn add_the_example_corpus(db: &std::ffi::OsStr) {
    let corpus = root().join("examples/corpus");
    parallax_ok(&["add".as_ref(), "--db".as_ref(), db, corpus.as_os_str()]);
}
