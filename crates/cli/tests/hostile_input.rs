//! Inputs made to exhaust the stack, memory or time of the reader or the analysis: each costs
//! only itself. Every probe runs `parallax analyze` on a folder with two good articles beside the
//! hostile file, in a child process held to 1.5 GB of address space and killed after 120
//! seconds; the hostile file must be named (skipped) or read correctly, the two good
//! articles must be in the report, and the run must end normally.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What one run gave: its exit status, its messages and the ids in its report.
struct Run {
    code: Option<i32>,
    stderr: String,
    report: serde_json::Value,
}

impl Run {
    fn ids(&self) -> Vec<&str> {
        self.report["articles"]
            .as_array()
            .map(|a| a.iter().filter_map(|a| a["id"].as_str()).collect())
            .unwrap_or_default()
    }

    fn article(&self, id: &str) -> &serde_json::Value {
        self.report["articles"]
            .as_array()
            .and_then(|a| a.iter().find(|a| a["id"] == id))
            .unwrap_or_else(|| panic!("no article {id}: {}", self.stderr))
    }

    /// The run ended normally with both good articles read.
    fn kept_the_good_articles(&self, probe: &str) {
        assert!(
            matches!(self.code, Some(0 | 3)),
            "{probe}: exit {:?}\n{}",
            self.code,
            self.stderr
        );
        assert!(
            !self.stderr.contains("panicked"),
            "{probe}: {}",
            self.stderr
        );
        let ids = self.ids();
        for id in ["good-1", "good-2"] {
            assert!(
                ids.contains(&id),
                "{probe}: {id} not in {ids:?}\n{}",
                self.stderr
            );
        }
    }

    /// The hostile file is named on a `skipped` line with `problem`, and the run says so.
    fn skipped(&self, probe: &str, name: &str, problem: &str) {
        self.kept_the_good_articles(probe);
        assert_eq!(self.code, Some(3), "{probe}: {}", self.stderr);
        assert!(
            self.stderr
                .lines()
                .any(|l| l.starts_with("skipped ") && l.contains(name) && l.contains(problem)),
            "{probe}: no line naming {name} with {problem:?}\n{}",
            self.stderr
        );
    }
}

/// A folder holding the two good articles.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good-1.txt"),
        "Title: Lisk bridge closes\n\nThe Lisk bridge closed on Monday for repairs, the council said.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("good-2.txt"),
        "Lisk bridge shut for a year\n\nEngineers found cracks in two supports of the Lisk bridge, the council said on Monday.",
    )
    .unwrap();
    dir
}

/// Runs `parallax analyze DIR --json FILE` with an address-space limit and a watchdog.
fn analyze(dir: &Path) -> Run {
    let out = tempfile::tempdir().unwrap();
    let json = out.path().join("report.json");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1500000; exec \"$0\" analyze \"$1\" --json \"$2\"")
        .arg(env!("CARGO_BIN_EXE_parallax"))
        .arg(dir)
        .arg(&json)
        // Each malloc arena reserves address space; a few suffice.
        .env("MALLOC_ARENA_MAX", "2")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("parallax runs");
    let mut stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut text).ok();
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().ok();
            child.wait().ok();
            panic!("parallax analyze {} hung: killed", dir.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let report = std::fs::read_to_string(&json)
        .map(|t| serde_json::from_str(&t).expect("the report is JSON"))
        .unwrap_or_default();
    Run {
        code: status.code(),
        stderr: reader.join().unwrap(),
        report,
    }
}

const PARAGRAPH: &str = "<p>The harbour council voted on Tuesday to close the old pier, officials said, after engineers found cracks.</p>";

#[test]
fn pages_nested_ten_thousand_and_two_hundred_thousand_deep() {
    for tag in ["div", "b", "table", "blockquote"] {
        for depth in [10_000, 200_000] {
            let dir = folder();
            let page = format!(
                "<!DOCTYPE html><html><body>{}{PARAGRAPH}{}</body></html>",
                format!("<{tag}>").repeat(depth),
                format!("</{tag}>").repeat(depth)
            );
            std::fs::write(dir.path().join("deep.html"), page).unwrap();
            let run = analyze(dir.path());
            let probe = format!("<{tag}> x {depth}");
            if tag == "table" {
                // A table started inside a table closes it: the tree is flat, the page read.
                run.kept_the_good_articles(&probe);
                assert!(run.ids().contains(&"deep"), "{probe}: {}", run.stderr);
            } else {
                run.skipped(
                    &probe,
                    "deep.html",
                    "HTML elements nested deeper than the limit of 512",
                );
            }
        }
    }
}

#[test]
fn a_feed_whose_entity_is_referenced_ten_thousand_times() {
    let dir = folder();
    let feed = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"{}\">]><rss version=\"2.0\"><channel>\
         <title>T</title><item><title>x</title><description>{}</description></item></channel></rss>",
        "x".repeat(100_000),
        "&a;".repeat(10_000)
    );
    std::fs::write(dir.path().join("laughs.rss"), feed).unwrap();
    analyze(dir.path()).skipped(
        "entity expansion",
        "laughs.rss",
        "over the 1048576-byte limit for entity text",
    );
}

#[test]
fn a_gzipped_json_line_inflating_to_one_and_a_half_gigabytes() {
    let dir = folder();
    let member = |bytes: &[u8]| {
        let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(bytes).unwrap();
        z.finish().unwrap()
    };
    // One gzip member per MiB of the line (a file may hold many members), so that making
    // the file compresses one MiB once.
    let mib = member(&vec![b'a'; 1 << 20]);
    let mut file = std::fs::File::create(dir.path().join("big.jsonl.gz")).unwrap();
    file.write_all(&member(b"{\"id\":\"big\",\"text\":\""))
        .unwrap();
    for _ in 0..1500 {
        file.write_all(&mib).unwrap();
    }
    file.write_all(&member(b"\"}\n")).unwrap();
    drop(file);
    analyze(dir.path()).skipped(
        "gzip JSON line",
        "big.jsonl.gz:1",
        "1572864023 bytes, over the 8388608-byte limit for one article",
    );
}

#[test]
fn a_device_and_a_fifo_with_article_names() {
    let dir = folder();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("x.txt")).unwrap();
    analyze(dir.path()).skipped(
        "/dev/zero",
        "x.txt",
        "not a regular file but a character device",
    );

    let dir = folder();
    let fifo = dir.path().join("a.txt");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        println!("skipped the FIFO probe: mkfifo is not there");
        return;
    }
    analyze(dir.path()).skipped("FIFO", "a.txt", "not a regular file but a FIFO");
}

#[test]
fn a_declared_charset_that_the_bytes_belie() {
    let dir = folder();
    std::fs::write(
        dir.path().join("page.html"),
        format!("<!DOCTYPE html><html><head><meta charset=\"utf-16\"><title>Pier closes</title></head><body><article>{PARAGRAPH}{PARAGRAPH}</article></body></html>"),
    )
    .unwrap();
    let run = analyze(dir.path());
    run.kept_the_good_articles("utf-16 declared");
    let body = run.article("page")["body"].as_str().unwrap().to_string();
    assert!(
        body.starts_with("The harbour council voted on Tuesday"),
        "{body}"
    );

    let dir = folder();
    let feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Le Café</title><item><title>Café</title><description>Le café du port a fermé lundi, a dit le conseil municipal de la ville.</description></item></channel></rss>";
    // Latin-1: each of these characters is one byte of its code point.
    let latin1: Vec<u8> = feed.chars().map(|c| u8::try_from(c).unwrap()).collect();
    std::fs::write(dir.path().join("feed.rss"), &latin1).unwrap();
    let run = analyze(dir.path());
    run.kept_the_good_articles("Latin-1 feed");
    let entry = run.article("feed-1");
    assert_eq!(entry["outlet"], "Le Café");
    assert!(
        entry["body"]
            .as_str()
            .unwrap()
            .starts_with("Le café du port a fermé lundi"),
        "{entry}"
    );
}

#[test]
fn publication_dates_at_the_edge_of_the_calendar() {
    for date in ["-262143-01-01", "+200000-01-01"] {
        let dir = folder();
        std::fs::write(
            dir.path().join("dated.txt"),
            format!("Title: Pier closes\nPublished: {date}\n\nThe harbour council voted on Tuesday to close the old pier, officials said."),
        )
        .unwrap();
        analyze(dir.path()).skipped(
            date,
            "dated.txt",
            &format!("publication date {date:?} is outside the years 1000 to 2999"),
        );
    }
}

/// Analyses `<id>.txt` (a headline, then `body`) beside the two good articles: the run
/// must end normally with all three read.
fn read_beside_the_good(id: &str, body: &str) -> Run {
    let dir = folder();
    let text = format!("Title: Probe {id}\n\n{body}");
    std::fs::write(dir.path().join(format!("{id}.txt")), text).unwrap();
    let run = analyze(dir.path());
    run.kept_the_good_articles(id);
    assert!(run.ids().contains(&id), "{id} not read\n{}", run.stderr);
    run
}

/// The stories of a run's report.
fn stories(run: &Run) -> &[serde_json::Value] {
    run.report["stories"].as_array().map_or(&[], |s| &s[..])
}

#[test]
fn an_article_of_thirty_thousand_attributed_quotations() {
    let speakers = ["Ilse Varga", "Tomas Brede", "Oona Pell", "Kofi Amarh"];
    let body: Vec<String> = (0..30_000)
        .map(|k| {
            let said = if k % 3 == 0 { "she said" } else { "said" };
            let who = speakers[k % speakers.len()];
            format!("\u{201c}Item {k} stands as agreed,\u{201d} {said} {who}.")
        })
        .collect();
    let run = read_beside_the_good("minutes", &body.join("\n\n"));
    // Read and aligned as far as the bounds, each cut named.
    for bound in ["max_read_bytes", "max_quotations"] {
        assert!(
            run.stderr
                .lines()
                .any(|l| l.starts_with("warning: minutes:") && l.contains(bound)),
            "no warning naming {bound}\n{}",
            run.stderr
        );
    }
    let quoted: usize = stories(&run)
        .iter()
        .filter(|s| s["articles"] == serde_json::json!(["minutes"]))
        .map(|s| s["quotes"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(quoted >= 100, "{quoted} quotations found");
}

#[test]
fn a_story_of_four_reports_of_two_megabytes() {
    let dir = folder();
    for k in 0..4 {
        let body: Vec<String> = (0..16_000)
            .map(|i| {
                let n = (i * 7 + k) % 900 + 1;
                format!(
                    "Crews said {n} homes in ward {} of Marrowby lost power in the gale, and {} engineers were sent.",
                    i % 400,
                    n + k
                )
            })
            .collect();
        let text = format!(
            "Title: Gale cuts power across Marrowby\nOutlet: Outlet {k}\nPublished: 2026-02-1{k}T08:00:00Z\n\n{}",
            body.join("\n\n")
        );
        std::fs::write(dir.path().join(format!("gale-{k}.txt")), text).unwrap();
    }
    let run = analyze(dir.path());
    run.kept_the_good_articles("four reports of 2 MB");
    let together = stories(&run)
        .iter()
        .any(|s| s["articles"].as_array().is_some_and(|a| a.len() == 4));
    assert!(together, "the four reports are one story\n{}", run.stderr);
    assert!(
        run.stderr.lines().any(|l| l.contains("(facts_max_bytes)")),
        "{}",
        run.stderr
    );
}

/// Words from a small list, `n` of them, in an order that never repeats for long.
fn words(list: &[&str], n: usize) -> Vec<String> {
    (0..n)
        .map(|k| list[(k * 7 + k / list.len()) % list.len()].to_string())
        .collect()
}

#[test]
fn an_article_of_one_run_of_words_without_a_sentence_end() {
    let run = words(
        &["harbour", "Vessen", "said", "the", "quay", "told", "Orla"],
        60_000,
    );
    read_beside_the_good("run", &run.join(" "));
}

#[test]
fn an_article_naming_tens_of_thousands_of_people() {
    let syllables = [
        "ka", "lo", "ven", "tri", "sa", "mur", "del", "pi", "oth", "ru",
    ];
    let name = |k: usize| {
        let s = |d: usize| syllables[(k / d) % syllables.len()];
        let mut n = format!("{}{}{}", s(1), s(10), s(100));
        n[..1].make_ascii_uppercase();
        n
    };
    let body: Vec<String> = (0..6_000)
        .map(|k| {
            format!(
                "{} {} said the plan works, and {} {} agreed.",
                name(4 * k),
                name(4 * k + 1),
                name(4 * k + 2),
                name(4 * k + 3)
            )
        })
        .collect();
    read_beside_the_good("names", &body.join("\n\n"));
}
