//! The durable store: every article as it was read and the latest analysis of all of them,
//! in one SQLite file (write-ahead log, full sync) by default, or in a PostgreSQL database
//! (`postgres://...`) that many users and workers share.
//!
//! An article is stored as its input line: the JSON object `parallax extract` writes (id,
//! source, metadata, text), so that analysing the stored lines gives the report that
//! analysing the original files gives. Each line is stored with the SHA-256 of its content
//! (its `source` left out): adding the same article again is a no-op, adding an article
//! under a stored id with other content replaces it. Every change takes the next revision
//! number, and an analysis records the revision it covers, so a reader can tell whether the
//! stored report is current.
//!
//! Stories are kept as rows (id, headline, newest publication time, article and
//! contradiction counts, the story's JSON) with their member articles, and each analysed
//! article as JSON, beside the whole report.
//!
//! Both backends hold the same tables and answer the same questions; PostgreSQL keeps its
//! tables in a schema of their own (`parallax`), and writers to one database take turns
//! (an advisory lock per transaction), so that revisions grow in commit order whatever
//! number of workers add at once.
//!
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = parallax_store::Store::open(&dir.path().join("news.db")).unwrap();
//! let line = serde_json::json!({"id": "a1", "source": "a1.txt", "text": "Body."});
//! let added = store.add(&[line.clone()]).unwrap();
//! assert_eq!((added.new, added.unchanged), (1, 0));
//! assert_eq!(store.add(&[line]).unwrap().unchanged, 1);
//! assert!(!store.is_current().unwrap());
//! ```

mod postgres;
mod sqlite;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use serde_json::Value;
use sha2::{Digest, Sha256};

/// What can go wrong with a store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The database said no.
    #[error("{path}: {source}")]
    Sqlite {
        /// The store's file.
        path: String,
        /// What SQLite reported.
        source: rusqlite::Error,
    },
    /// The PostgreSQL server said no, or could not be reached.
    #[error("{place}: {source}")]
    Postgres {
        /// The database, its password left out.
        place: String,
        /// What the client reported.
        source: ::postgres::Error,
    },
    /// A stored value is not what this version writes.
    #[error("{path}: {problem}")]
    Corrupt {
        /// The store's file or database.
        path: String,
        /// What is wrong.
        problem: String,
    },
    /// Writing the stored lines out failed.
    #[error("writing stored articles: {0}")]
    Io(#[from] std::io::Error),
}

/// Result with [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// How an [`Store::add`] went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Added {
    /// Articles not stored before.
    pub new: usize,
    /// Articles stored before under the same id with other content, now replaced.
    pub replaced: usize,
    /// Articles stored before exactly as given.
    pub unchanged: usize,
}

/// The latest stored analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The revision of the articles it covers.
    pub revision: i64,
    /// How many articles it covers.
    pub articles: usize,
    /// The settings it ran with (JSON).
    pub settings: Value,
    /// The contract report (JSON text).
    pub report: String,
}

/// Which stories [`Store::stories`] lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryFilter {
    /// Words to look for.
    pub search: Option<String>,
    /// An outlet that told the story.
    pub outlet: Option<String>,
    /// Earliest day of the newest article (ISO date).
    pub from: Option<String>,
    /// Latest day of the newest article (ISO date).
    pub to: Option<String>,
}

/// A story of the saved analysis, as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryRow {
    /// Story id.
    pub id: String,
    /// Its headline.
    pub headline: String,
    /// The newest publication time among its articles (RFC 3339), if any has one.
    pub newest: Option<String>,
    /// How many articles.
    pub article_count: usize,
    /// How many contradicted facts.
    pub contradictions: usize,
    /// The story (JSON).
    pub json: String,
}

/// Articles and their analysis, in a SQLite file or a PostgreSQL database.
pub struct Store {
    backend: Backend,
    /// The file, or the database URL without its password: what messages name.
    place: String,
}

enum Backend {
    Sqlite(rusqlite::Connection),
    // The client needs `&mut` for every query; a store is used by one thread at a time,
    // so the lock is never contended.
    Postgres(Mutex<::postgres::Client>),
}

/// What [`Store::save_analysis`] writes: the report taken apart into rows.
pub(crate) struct AnalysisRows<'a> {
    pub articles: i64,
    pub stories: Vec<StoryInsert<'a>>,
    /// Each analysed article: id, story, outlet, JSON.
    pub analysed: Vec<(&'a str, &'a str, Option<&'a str>, String)>,
}

/// One story row and its members.
pub(crate) struct StoryInsert<'a> {
    pub id: &'a str,
    pub key: &'a str,
    pub headline: &'a str,
    pub newest: Option<&'a str>,
    pub members: Vec<&'a str>,
    pub contradictions: i64,
    pub json: String,
    /// What a search looks through: the story's own words (headline, quotes, facts,
    /// timeline) and its articles' titles and bodies.
    pub text: String,
}

impl Store {
    /// Opens the SQLite store at `path`, creating it and running migrations as needed.
    pub fn open(path: &Path) -> Result<Store> {
        let place = path.display().to_string();
        let conn = sqlite::open(path, &place)?;
        Ok(Store {
            backend: Backend::Sqlite(conn),
            place,
        })
    }

    /// Opens the store `db` names: a PostgreSQL database when it is a `postgres://` or
    /// `postgresql://` URL (created tables in its `parallax` schema as needed), else a
    /// SQLite file.
    pub fn connect(db: &str) -> Result<Store> {
        if is_postgres(db) {
            let place = without_password(db);
            let client = postgres::open(db, &place)?;
            Ok(Store {
                backend: Backend::Postgres(Mutex::new(client)),
                place,
            })
        } else {
            Store::open(Path::new(db))
        }
    }

    /// The file or database, as messages name it (a URL's password left out).
    pub fn place(&self) -> &str {
        &self.place
    }

    /// Stores `lines` (JSON objects with at least `id` and `text`) in one transaction:
    /// when it returns, they are on disk.
    pub fn add(&mut self, lines: &[Value]) -> Result<Added> {
        let mut keyed = Vec::with_capacity(lines.len());
        for line in lines {
            let Some(id) = line["id"].as_str() else {
                return Err(Error::Corrupt {
                    path: self.place.clone(),
                    problem: "an article without an id".into(),
                });
            };
            keyed.push(Keyed {
                id,
                digest: digest(line),
                line: line.to_string(),
                source: line["source"].as_str(),
            });
        }
        match &mut self.backend {
            Backend::Sqlite(c) => sqlite::add(c, &self.place, &keyed),
            Backend::Postgres(c) => postgres::add(&mut lock(c), &self.place, &keyed),
        }
    }

    /// How many articles are stored.
    pub fn article_count(&self) -> Result<usize> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::article_count(c, &self.place),
            Backend::Postgres(c) => postgres::article_count(&mut lock(c), &self.place),
        }
    }

    /// The revision of the stored articles: it grows with every change.
    pub fn revision(&self) -> Result<i64> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::revision(c, &self.place),
            Backend::Postgres(c) => postgres::revision(&mut lock(c), &self.place),
        }
    }

    /// The ids of the articles added or replaced after `revision`.
    pub fn changed_since(&self, revision: i64) -> Result<std::collections::HashSet<String>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::changed_since(c, &self.place, revision),
            Backend::Postgres(c) => postgres::changed_since(&mut lock(c), &self.place, revision),
        }
    }

    /// Writes every stored article as a JSON line, in the order they were first added, and
    /// returns the revision they are at and how many there were.
    pub fn write_lines(&self, out: &mut impl Write) -> Result<(i64, usize)> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::write_lines(c, &self.place, out),
            Backend::Postgres(c) => postgres::write_lines(&mut lock(c), &self.place, out),
        }
    }

    /// Saves an analysis of the articles at `revision`: the whole report, and its stories
    /// and articles as rows, replacing the previous one in one transaction. An analysis of
    /// an older revision than the one saved (a slower worker's) is not saved; returns
    /// whether this one was.
    pub fn save_analysis(&mut self, revision: i64, settings: &Value, report: &str) -> Result<bool> {
        let parsed: Value = serde_json::from_str(report).map_err(|e| Error::Corrupt {
            path: self.place.clone(),
            problem: format!("the report to save is not JSON: {e}"),
        })?;
        let rows = analysis_rows(&parsed);
        let settings = settings.to_string();
        match &mut self.backend {
            Backend::Sqlite(c) => {
                sqlite::save_analysis(c, &self.place, revision, &settings, report, &rows)
            }
            Backend::Postgres(c) => postgres::save_analysis(
                &mut lock(c),
                &self.place,
                revision,
                &settings,
                report,
                &rows,
            ),
        }
    }

    /// The latest saved analysis, if any.
    pub fn analysis(&self) -> Result<Option<Analysis>> {
        let row = match &self.backend {
            Backend::Sqlite(c) => sqlite::analysis(c, &self.place)?,
            Backend::Postgres(c) => postgres::analysis(&mut lock(c), &self.place)?,
        };
        row.map(|(revision, articles, settings, report)| {
            let settings = serde_json::from_str(&settings).map_err(|e| Error::Corrupt {
                path: self.place.clone(),
                problem: format!("stored settings are not JSON: {e}"),
            })?;
            Ok(Analysis {
                revision,
                articles: articles as usize,
                settings,
                report,
            })
        })
        .transpose()
    }

    /// The stories of the saved analysis, newest first: each row's story JSON with
    /// `article_count`, `contradictions` and `newest` beside it. `filter.search` keeps the
    /// stories whose headline, quotes or facts, or whose articles' text, hold it (case
    /// aside); `filter.outlet` those an outlet told; `filter.from` and `filter.to` (ISO
    /// dates, inclusive) those whose newest article falls between them.
    pub fn stories(&self, filter: &StoryFilter) -> Result<Vec<StoryRow>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::stories(c, &self.place, filter),
            Backend::Postgres(c) => postgres::stories(&mut lock(c), &self.place, filter),
        }
    }

    /// One story of the saved analysis, as JSON.
    pub fn story(&self, id: &str) -> Result<Option<String>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::story(c, &self.place, id),
            Backend::Postgres(c) => postgres::story(&mut lock(c), &self.place, id),
        }
    }

    /// The outlet of each article of a story that names one (article id → outlet).
    pub fn outlets(&self, story: &str) -> Result<std::collections::HashMap<String, String>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::outlets(c, &self.place, story),
            Backend::Postgres(c) => postgres::outlets(&mut lock(c), &self.place, story),
        }
    }

    /// One analysed article of the saved analysis, as JSON.
    pub fn article(&self, id: &str) -> Result<Option<String>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::article(c, &self.place, id),
            Backend::Postgres(c) => postgres::article(&mut lock(c), &self.place, id),
        }
    }

    /// The revision of the articles the saved analysis covers (changes whenever a new
    /// analysis of changed articles is saved), without reading the report.
    pub fn analysis_revision(&self) -> Result<Option<i64>> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::analysis_revision(c, &self.place),
            Backend::Postgres(c) => postgres::analysis_revision(&mut lock(c), &self.place),
        }
    }

    /// Whether the saved analysis covers every stored article as it is now.
    pub fn is_current(&self) -> Result<bool> {
        Ok(self
            .analysis_revision()?
            .is_some_and(|r| r == self.revision().unwrap_or(-1)))
    }
}

/// An article line ready to store.
pub(crate) struct Keyed<'a> {
    pub id: &'a str,
    pub digest: String,
    pub line: String,
    pub source: Option<&'a str>,
}

/// The PostgreSQL client, whoever held it last (a panic while holding it leaves the
/// client as it was: every write is one transaction, rolled back when dropped).
fn lock(c: &Mutex<::postgres::Client>) -> std::sync::MutexGuard<'_, ::postgres::Client> {
    c.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Whether `db` names a PostgreSQL database rather than a file.
pub fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A database URL without its password (`postgres://ana:secret@host/db` →
/// `postgres://ana@host/db`), for messages.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or("");
            format!("{scheme}://{user}@{host}{path}")
        }
        None => url.to_string(),
    }
}

/// The report taken apart into the rows both backends keep.
fn analysis_rows(parsed: &Value) -> AnalysisRows<'_> {
    let articles = parsed["articles"].as_array().map_or(&[][..], Vec::as_slice);
    let published: std::collections::HashMap<&str, &str> = articles
        .iter()
        .filter_map(|a| Some((a["id"].as_str()?, a["published"].as_str()?)))
        .collect();
    let by_id: std::collections::HashMap<&str, &Value> = articles
        .iter()
        .filter_map(|a| Some((a["id"].as_str()?, a)))
        .collect();
    let stories = parsed["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            let members: Vec<&str> = s["articles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            StoryInsert {
                id: s["id"].as_str().unwrap_or(""),
                key: s["key"].as_str().unwrap_or(""),
                headline: s["headline"].as_str().unwrap_or(""),
                newest: members
                    .iter()
                    .filter_map(|a| published.get(a).copied())
                    .max(),
                contradictions: s["facts"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|f| f["status"] == "contradicted")
                    .count() as i64,
                text: search_text(s, &members, &by_id),
                members,
                json: s.to_string(),
            }
        })
        .collect();
    let analysed = articles
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap_or(""),
                a["story"].as_str().unwrap_or(""),
                a["outlet"].as_str(),
                a.to_string(),
            )
        })
        .collect();
    AnalysisRows {
        articles: articles.len() as i64,
        stories,
        analysed,
    }
}

/// The text a story is found by: every string value of the story (its headline, the
/// words of its quotes, facts and timeline), then its articles' titles and bodies, with
/// diacritics folded as the search's words are ("Ostvik" finds "Östvik" in both
/// backends).
fn search_text(
    story: &Value,
    members: &[&str],
    articles: &std::collections::HashMap<&str, &Value>,
) -> String {
    fn strings(v: &Value, out: &mut String) {
        match v {
            Value::String(s) => {
                out.push_str(s);
                out.push('\n');
            }
            Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            Value::Object(o) => o.values().for_each(|x| strings(x, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    strings(story, &mut out);
    for m in members {
        if let Some(a) = articles.get(m) {
            for field in ["title", "outlet", "body"] {
                strings(&a[field], &mut out);
            }
        }
    }
    parallax_text::fold_diacritics(&out)
}

/// The words of a search, lower-cased and diacritics folded: runs of letters and digits,
/// everything else (operators, quotes, wildcards) dropped, so that no search is a syntax
/// error.
pub(crate) fn search_words(q: &str) -> Vec<String> {
    parallax_text::fold_diacritics(q)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// SHA-256 of an article line's content, its `source` left out (the same article read
/// from another path is the same article).
fn digest(line: &Value) -> String {
    let mut content = line.clone();
    if let Some(o) = content.as_object_mut() {
        o.remove("source");
    }
    let hash = Sha256::digest(content.to_string().as_bytes());
    hash.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn adds_replaces_and_keeps_an_analysis_until_articles_change() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news.db").display().to_string();
        behaves_as_a_store(&path);
    }

    #[test]
    fn postgres_behaves_as_sqlite() {
        let Some(server) = testing::server_or_skip("postgres_behaves_as_sqlite") else {
            return;
        };
        let url = server.database("behaves");
        behaves_as_a_store(&url);
        // A second connection finds the schema made, and migrates nothing twice.
        let store = Store::connect(&url).unwrap();
        assert_eq!(store.article_count().unwrap(), 3);
    }

    #[test]
    fn an_older_analysis_does_not_replace_a_newer_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("news.db")).unwrap();
        store
            .add(&[json!({"id": "a", "source": "a.txt", "text": "One."})])
            .unwrap();
        let report = |n: usize| json!({"articles": [], "stories": [], "n": n}).to_string();
        assert!(store.save_analysis(2, &json!({}), &report(2)).unwrap());
        assert!(!store.save_analysis(1, &json!({}), &report(1)).unwrap());
        assert_eq!(store.analysis().unwrap().unwrap().revision, 2);
    }

    #[test]
    fn a_database_url_is_named_without_its_password() {
        assert_eq!(
            without_password("postgres://ana:secret@db.example:5432/news?sslmode=disable"),
            "postgres://ana@db.example:5432/news?sslmode=disable"
        );
        assert_eq!(
            without_password("postgresql://db.example/news"),
            "postgresql://db.example/news"
        );
        assert!(is_postgres("postgresql://x/y") && !is_postgres("postgres.db"));
    }

    #[test]
    fn an_unreachable_database_is_an_error_naming_it() {
        // Port 1 on loopback: nothing listens there.
        let e = Store::connect("postgres://ana:secret@127.0.0.1:1/news")
            .err()
            .expect("an error");
        let message = e.to_string();
        assert!(
            message.contains("postgres://ana@127.0.0.1:1/news"),
            "{message}"
        );
        assert!(!message.contains("secret"), "{message}");
    }

    /// The behaviour every backend shares, on the store at `db`.
    fn behaves_as_a_store(db: &str) {
        let mut store = Store::connect(db).unwrap();
        let a = json!({"id": "a", "source": "x/a.txt", "text": "One."});
        let b = json!({"id": "b", "source": "x/b.txt", "text": "Two."});
        assert_eq!(
            store.add(&[a.clone(), b.clone()]).unwrap(),
            Added {
                new: 2,
                replaced: 0,
                unchanged: 0
            }
        );
        // The same article from another path is no change.
        let moved = json!({"id": "a", "source": "y/a.txt", "text": "One."});
        assert_eq!(store.add(&[moved]).unwrap().unchanged, 1);
        // One id twice in a batch: the second replaces the first, and is the one kept.
        let c1 = json!({"id": "c", "source": "c.txt", "text": "Three."});
        let c2 = json!({"id": "c", "source": "c.txt", "text": "Three, again."});
        let c3 = json!({"id": "c", "source": "c.txt", "text": "Three, again."});
        assert_eq!(
            store.add(&[c1, c2, c3]).unwrap(),
            Added {
                new: 1,
                replaced: 1,
                unchanged: 1
            }
        );
        let mut out = Vec::new();
        assert_eq!(store.write_lines(&mut out).unwrap().1, 3);
        assert!(String::from_utf8(out).unwrap().contains("Three, again."));
        let report = json!({"articles": [
                {"id": "a", "story": "S1", "published": "2026-01-02T10:00:00+01:00", "outlet": "Kessa Post", "body": "Two ferries collided off Östvik."},
                {"id": "b", "story": "S1", "body": "Two."},
                {"id": "c", "story": "S2", "body": "The harbour reopened."}],
            "stories": [
                {"id": "S1", "key": "k", "headline": "H", "articles": ["a", "b"], "facts": [{"status": "contradicted"}]},
                {"id": "S2", "key": "l", "headline": "Harbour reopens", "articles": ["c"], "quotes": [{"text": "We are open again"}]}]});
        let revision = store.revision().unwrap();
        store
            .save_analysis(revision, &json!({}), &report.to_string())
            .unwrap();
        assert!(store.is_current().unwrap());
        let all = StoryFilter::default();
        let rows = store.stories(&all).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "S1", "newest first, undated last");
        assert_eq!((rows[0].article_count, rows[0].contradictions), (2, 1));
        assert_eq!(rows[0].newest.as_deref(), Some("2026-01-02T10:00:00+01:00"));
        let found = |f: StoryFilter| -> Vec<String> {
            store
                .stories(&f)
                .unwrap()
                .into_iter()
                .map(|r| r.id)
                .collect()
        };
        // Search is over words: case, inflection and diacritics aside, every word there,
        // the last one perhaps half typed; an outlet must be one that told the story.
        let search = |q: &str| StoryFilter {
            search: Some(q.into()),
            ..all.clone()
        };
        for (q, stories) in [
            ("two", &["S1"][..]),
            ("FERRY", &["S1"]),
            ("ostvik collided", &["S1"]),
            ("ferries harbour", &[]),
            ("harb", &["S2"]),
            ("open again", &["S2"]),
            ("\"two\" OR (harbour*", &[]),
            ("%_\\", &["S1", "S2"]),
        ] {
            assert_eq!(found(search(q)), stories, "{q}");
        }
        let outlet = |o: &str| StoryFilter {
            outlet: Some(o.into()),
            ..all.clone()
        };
        assert_eq!(found(outlet("Kessa Post")), ["S1"]);
        assert!(found(outlet("Kessa")).is_empty());
        let days = |from: &str, to: &str| StoryFilter {
            from: Some(from.into()),
            to: Some(to.into()),
            ..all.clone()
        };
        assert_eq!(found(days("2026-01-02", "2026-01-02")), ["S1"]);
        assert!(found(days("2026-01-03", "2026-12-31")).is_empty());
        assert!(store.story("S1").unwrap().is_some());
        assert_eq!(store.outlets("S1").unwrap().len(), 1);
        assert!(store.article("a").unwrap().is_some());
        // Other content under a stored id replaces it, and the analysis is stale.
        let edited = json!({"id": "b", "source": "x/b.txt", "text": "Two, corrected."});
        assert_eq!(store.add(&[edited]).unwrap().replaced, 1);
        assert!(!store.is_current().unwrap());
        drop(store);

        // Reopened, everything is there, in the order first added.
        let store = Store::connect(db).unwrap();
        let mut out = Vec::new();
        let (_, n) = store.write_lines(&mut out).unwrap();
        assert_eq!(n, 3);
        let text = String::from_utf8(out).unwrap();
        let ids: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].to_string())
            .collect();
        assert_eq!(ids, ["\"a\"", "\"b\"", "\"c\""]);
        assert!(text.contains("Two, corrected."));
    }

    #[test]
    fn a_file_that_is_not_a_store_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "these are my notes, not a database").unwrap();
        let e = Store::open(&path).err().expect("an error");
        assert!(e.to_string().contains("notes.db"), "{e}");
    }
}
