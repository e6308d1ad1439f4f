//! `parallax add`, `analyze --db` and `export` against a store on disk.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{exported, root};

fn parallax(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .env("PARALLAX_MODEL_DIR", "/nonexistent")
        .output()
        .expect("parallax runs")
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

/// Each story as the set of its articles, and each article without where it was read from.
fn shape(report: &serde_json::Value) -> (BTreeSet<Vec<String>>, Vec<serde_json::Value>) {
    let stories = report["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let mut a: Vec<String> = s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            a.sort();
            a
        })
        .collect();
    let mut articles: Vec<serde_json::Value> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let mut a = a.clone();
            let o = a.as_object_mut().unwrap();
            o.remove("source");
            o.remove("story");
            a
        })
        .collect();
    articles.sort_by_key(|a| a["id"].to_string());
    (stories, articles)
}

fn read_json(p: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

#[test]
fn articles_added_in_two_goes_make_the_stories_of_one_analysis() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store/news.db");
    two_goes_make_one_analysis(dir.path(), db.as_os_str());
}

#[test]
fn a_postgres_store_makes_the_stories_of_one_analysis() {
    let test = "a_postgres_store_makes_the_stories_of_one_analysis";
    let Some(server) = parallax_store::testing::server_or_skip(test) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = server.database("two_goes");
    two_goes_make_one_analysis(dir.path(), os(&url));
    // What the messages say names the database.
    assert!(parallax_eval::validate(&exported(os(&url))).is_empty());

    // Two workers adding at once into one database: every article is stored once, and the
    // analysis left standing covers all of them.
    let url = server.database("workers");
    let corpus = root().join("examples/corpus");
    let (first, second) = halves(&corpus, dir.path().join("workers").as_path());
    let workers: Vec<_> = [&first, &second]
        .iter()
        .map(|part| {
            Command::new(env!("CARGO_BIN_EXE_parallax"))
                .args([os("add"), part.as_os_str(), os("--db"), os(&url), os("-q")])
                .env("PARALLAX_MODEL_DIR", "/nonexistent")
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for w in workers {
        let out = w.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let store = parallax_store::Store::connect(&url).unwrap();
    assert_eq!(store.article_count().unwrap(), 21);
    assert!(store.is_current().unwrap());
    let stored = exported(os(&url));
    let direct = dir.path().join("direct.json");
    assert!(parallax(&[
        os("analyze"),
        corpus.as_os_str(),
        os("--json"),
        direct.as_os_str()
    ])
    .status
    .success());
    assert_eq!(shape(&stored), shape(&read_json(&direct)));
}

/// The example corpus's articles copied into two folders under `dir`, alternately; the
/// second holds the ferry's wire report and its copy.
fn halves(corpus: &Path, dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let (first, second) = (dir.join("first"), dir.join("second"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    for (k, p) in names.iter().enumerate() {
        let to = if k % 2 == 0 { &first } else { &second };
        std::fs::copy(p, to.join(p.file_name().unwrap())).unwrap();
    }
    (first, second)
}

/// The example corpus added to the store `db` in two halves gives the stories of one
/// analysis of it; adding again is a no-op; `analyze --db` adds to what is stored.
fn two_goes_make_one_analysis(dir: &Path, db: &std::ffi::OsStr) {
    let corpus = root().join("examples/corpus");
    // The second go holds the ferry's wire report and its copy: later arrivals join the
    // story the first go made.
    let (first, second) = halves(&corpus, dir);
    for part in [&first, &second] {
        let out = parallax(&[os("add"), part.as_os_str(), os("--db"), db]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    // Adding the same files again adds nothing and leaves the analysis as it was.
    let again = parallax(&[os("add"), second.as_os_str(), os("--db"), db]);
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{stderr}");
    assert!(stderr.contains("0 articles added"), "{stderr}");
    assert!(
        !stderr.contains("articles read"),
        "no analysis was needed: {stderr}"
    );

    let exported = dir.join("export.json");
    let out = parallax(&[
        os("export"),
        os("--db"),
        db,
        os("--json"),
        exported.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stored = read_json(&exported);
    assert!(parallax_eval::validate(&stored).is_empty());

    let direct = dir.join("direct.json");
    let out = parallax(&[
        os("analyze"),
        corpus.as_os_str(),
        os("--json"),
        direct.as_os_str(),
    ]);
    assert!(out.status.success());
    let direct = read_json(&direct);
    assert_eq!(stored["articles"].as_array().unwrap().len(), 21);
    assert_eq!(shape(&stored), shape(&direct));
    // Articles keep the path they were first read from.
    let sources: Vec<&str> = stored["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["source"].as_str().unwrap())
        .collect();
    assert!(sources.iter().all(|s| s.ends_with(".txt")), "{sources:?}");

    // analyze --db adds and reports on everything stored.
    let extra = dir.join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    std::fs::write(
        extra.join("late-note.txt"),
        "Title: Kessa harbour reopens\nOutlet: Coastline News\nPublished: 2026-03-12T08:00:00+01:00\n\nKessa harbour reopened to traffic on Thursday after divers cleared the last of the wreck's debris, the port office said.\n",
    )
    .unwrap();
    let both = dir.join("both.json");
    let out = parallax(&[
        os("analyze"),
        extra.as_os_str(),
        os("--db"),
        db,
        os("--json"),
        both.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(read_json(&both)["articles"].as_array().unwrap().len(), 22);
    // The store's rows give the report that analysis wrote, byte for byte.
    let out = parallax(&[os("export"), os("--db"), db, os("--json"), os("-")]);
    assert!(out.status.success());
    assert!(
        out.stdout == std::fs::read(&both).unwrap(),
        "the exported report differs from the one analyze --db wrote"
    );
}

#[test]
fn a_skipped_input_is_named_once() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).unwrap();
    std::fs::write(inputs.join("bad.txt"), b"\x00\x01\x02 not text").unwrap();
    std::fs::copy(
        root().join("examples/corpus/d-recipe.txt"),
        inputs.join("d-recipe.txt"),
    )
    .unwrap();
    let db = dir.path().join("news.db");
    for _ in 0..2 {
        let out = parallax(&[os("add"), inputs.as_os_str(), os("--db"), db.as_os_str()]);
        assert_eq!(out.status.code(), Some(3));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            stderr.matches("bad.txt: binary file").count(),
            1,
            "{stderr}"
        );
    }
}

/// An article stored by a version that read more than this one (here a date out of the
/// range this one takes) is named by its id as skipped on every analysis; the rest of the
/// store is analysed, exported and never broken.
#[test]
fn a_stored_article_that_cannot_be_analysed_is_named_by_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    let corpus = root().join("examples/corpus");
    let out = parallax(&[os("add"), corpus.as_os_str(), os("--db"), db.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut store = parallax_store::Store::connect(db.to_str().unwrap()).unwrap();
    let odd = serde_json::json!({
        "id": "odd-date",
        "title": "Quay reopens",
        "published": "-262143-01-01",
        "text": "The quay at Lisk reopened on Friday, the harbour office said.",
    });
    store.add(&[odd]).unwrap();
    drop(store);
    // The export that analyses the store again names it; the one after, from the saved
    // analysis, carries it in the report's summary.
    for again in [false, true] {
        let out = parallax(&[
            os("export"),
            os("--db"),
            db.as_os_str(),
            os("--json"),
            os("-"),
        ]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(if again { 0 } else { 3 }),
            "{stderr}"
        );
        assert_eq!(
            stderr.contains("skipped stored article odd-date: publication date"),
            !again,
            "{stderr}"
        );
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["summary"]["articles"], 21, "{stderr}");
        let skipped = report["summary"]["skipped"].to_string();
        assert!(skipped.contains("\"stored article odd-date\""), "{skipped}");
        assert!(!skipped.contains("stored.jsonl"), "{skipped}");
    }
}

#[test]
fn a_store_that_is_not_one_is_named_in_the_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.db");
    std::fs::write(&db, "not a database at all, just some notes").unwrap();
    let corpus = root().join("examples/corpus");
    let out = parallax(&[os("add"), corpus.as_os_str(), os("--db"), db.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("notes.db"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&db).unwrap(),
        "not a database at all, just some notes"
    );
}

/// Killing `parallax add` (SIGKILL) at any moment loses no article it had reported as
/// added, and leaves a store that the next add completes.
#[test]
fn a_killed_add_loses_nothing_it_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    killed_add_loses_nothing(dir.path(), db.as_os_str());
}

/// As [`a_killed_add_loses_nothing_it_reported`], into a PostgreSQL database.
#[test]
fn a_killed_add_into_postgres_loses_nothing_it_reported() {
    let test = "a_killed_add_into_postgres_loses_nothing_it_reported";
    let Some(server) = parallax_store::testing::server_or_skip(test) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let url = server.database("killed");
    killed_add_loses_nothing(dir.path(), os(&url));
}

fn killed_add_loses_nothing(dir: &Path, db: &std::ffi::OsStr) {
    let place = db.to_str().unwrap();
    // A first add that finishes: what it reports is what must survive.
    let corpus = root().join("examples/corpus");
    let out = parallax(&[os("add"), corpus.as_os_str(), os("--db"), db]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("21 articles added"));

    // A large second add, killed while it runs.
    let lines = dir.join("many.jsonl");
    let mut text = String::new();
    for k in 0..3000 {
        text.push_str(&serde_json::json!({
            "id": format!("m{k}"),
            "title": format!("Item {k}"),
            "text": format!("The council of Town{} met on day {} and voted {} to {} on the harbour plan, its clerk said.", k % 97, k % 28, k % 11, k % 7),
        }).to_string());
        text.push('\n');
    }
    std::fs::write(&lines, text).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([os("add"), lines.as_os_str(), os("--db"), db])
        .env("PARALLAX_MODEL_DIR", "/nonexistent")
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(400));
    child.kill().unwrap();
    child.wait().unwrap();

    let store = parallax_store::Store::connect(place).expect("the store opens after the kill");
    let n = store.article_count().unwrap();
    // The first add's articles, and whole batches of the second.
    assert!(n >= 21, "{n}");
    assert!((n - 21).is_multiple_of(500) || n == 3021, "{n}");
    drop(store);

    // The next add completes the job, with nothing twice.
    let out = parallax(&[os("add"), lines.as_os_str(), os("--db"), db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let store = parallax_store::Store::connect(place).unwrap();
    assert_eq!(store.article_count().unwrap(), 3021);
    assert!(store.is_current().unwrap());
}

/// An analysis saved by another version of parallax is not taken over: the next add works
/// every story out afresh.
#[test]
fn findings_of_another_version_are_worked_out_again() {
    let dir = tempfile::tempdir().unwrap();
    let (first, second) = halves(&root().join("examples/corpus"), dir.path());
    let db = dir.path().join("news.db");
    let add = |part: &Path| {
        let out = parallax(&[os("add"), part.as_os_str(), os("--db"), db.as_os_str()]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    add(&first);
    // The same analysis, saved again as an older version's.
    {
        let mut store = parallax_store::Store::connect(db.to_str().unwrap()).unwrap();
        let mut head = None;
        let mut parts = (Vec::new(), Vec::new());
        store
            .read_analysis(true, &mut |part| {
                match part {
                    parallax_store::Part::Head(h) => head = Some(h.clone()),
                    parallax_store::Part::Article(a) => parts.0.push(a.to_string()),
                    parallax_store::Part::Story(s) => parts.1.push(s.to_string()),
                }
                Ok(())
            })
            .unwrap();
        let head = head.unwrap();
        assert!(
            head.generator.starts_with("\"parallax "),
            "{}",
            head.generator
        );
        let mut saving = store
            .begin_analysis(
                head.revision,
                "\"parallax 0.0.0\"",
                &head.settings,
                &head.summary,
            )
            .unwrap()
            .unwrap();
        parts.0.iter().for_each(|a| saving.article(a).unwrap());
        parts.1.iter().for_each(|s| saving.story(s).unwrap());
        saving.commit().unwrap();
    }
    add(&second);
    let report = exported(db.as_os_str());
    assert!(
        report["summary"]["reused_stories"].is_null(),
        "{}",
        report["summary"]
    );
}

/// A second add works out afresh only the stories it changes: the others' findings are
/// taken over from the saved analysis, and the report is the one a single add of every
/// article gives. A story one of whose articles is replaced is worked out again.
#[test]
fn a_second_add_takes_over_the_stories_it_leaves_alone() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("examples/corpus");
    let (first, second) = halves(&corpus, dir.path());
    let db = dir.path().join("news.db");
    for part in [&first, &second] {
        let out = parallax(&[os("add"), part.as_os_str(), os("--db"), db.as_os_str()]);
        assert!(out.status.success());
    }
    let twice = exported(db.as_os_str());
    // The second half joins the stories of several outlets; the ones of a single article
    // of the first half are left alone.
    let reused = twice["summary"]["reused_stories"].as_u64().unwrap_or(0);
    assert!(reused >= 1, "{}", twice["summary"]);
    let once_db = dir.path().join("once.db");
    let out = parallax(&[
        os("add"),
        first.as_os_str(),
        second.as_os_str(),
        os("--db"),
        once_db.as_os_str(),
    ]);
    assert!(out.status.success());
    let once = exported(once_db.as_os_str());
    assert!(once["summary"]["reused_stories"].is_null());
    assert_eq!(twice["stories"], once["stories"]);
    assert_eq!(twice["articles"], once["articles"]);

    // A story taken over is worked out again once one of its articles changes.
    let reused_story = twice["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .all(|a| first.join(format!("{}.txt", a.as_str().unwrap())).exists())
        })
        .expect("a story of the first half alone")
        .clone();
    let member = reused_story["articles"][0].as_str().unwrap().to_string();
    let path = first.join(format!("{member}.txt"));
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = dir.path().join("changed");
    std::fs::create_dir_all(&changed).unwrap();
    std::fs::write(
        changed.join(format!("{member}.txt")),
        format!("{text}\n\n“We will appeal the decision,” said Hedda Marsk, a spokeswoman.\n"),
    )
    .unwrap();
    let out = parallax(&[os("add"), changed.as_os_str(), os("--db"), db.as_os_str()]);
    assert!(out.status.success());
    let after = exported(db.as_os_str());
    let story = common::story_with(&after, &member);
    let quotes = serde_json::to_string(&story["quotes"]).unwrap();
    assert!(quotes.contains("We will appeal the decision"), "{quotes}");
}
