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
//! The analysis is kept as rows: its head (revision, settings, generator, summary), each
//! story (id, headline, newest publication time, article and contradiction counts, the
//! story's JSON) with its member articles and search text, and each analysed article as
//! JSON, each with its place in the report, so that the report can be written again from
//! them byte for byte. A new analysis is saved a part at a time and rewrites only the rows
//! that changed (see [`Saving`]).
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
mod save;
mod sqlite;
#[cfg(any(test, feature = "testing"))]
pub mod testing;

use std::io::Write;
use std::path::Path;
use std::sync::Mutex;

use serde_json::Value;
use sha2::{Digest, Sha256};

pub use save::{Saved, Saving};

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
    /// The settings it ran with (JSON text, as the report gives them).
    pub settings: String,
    /// The report's `generator` (JSON text).
    pub generator: String,
    /// The report's `summary` (JSON text).
    pub summary: String,
}

/// A part of the saved analysis, as [`Store::read_analysis`] hands them out.
#[derive(Debug, Clone, Copy)]
pub enum Part<'a> {
    /// The head, first.
    Head(&'a Analysis),
    /// An analysed article (JSON), in report order.
    Article(&'a str),
    /// A story (JSON), in report order, after every article.
    Story(&'a str),
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

    /// Begins saving an analysis of the articles at `revision` (`generator`, `settings`
    /// and `summary` are the report's JSON texts), to replace the saved one in one
    /// transaction when [`Saving::commit`] is called. `None` when a newer analysis (a
    /// faster worker's) is saved: this one is not.
    pub fn begin_analysis(
        &mut self,
        revision: i64,
        generator: &str,
        settings: &str,
        summary: &str,
    ) -> Result<Option<Saving<'_>>> {
        let head = save::Head {
            revision,
            articles: 0,
            settings: settings.to_string(),
            generator: generator.to_string(),
            summary: summary.to_string(),
        };
        let rows: Box<dyn save::Rows + '_> = match &mut self.backend {
            Backend::Sqlite(c) => match sqlite::begin(c, &self.place, revision)? {
                Some(rows) => Box::new(rows),
                None => return Ok(None),
            },
            Backend::Postgres(c) => {
                let client = c
                    .get_mut()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                match postgres::begin(client, &self.place, revision)? {
                    Some(rows) => Box::new(rows),
                    None => return Ok(None),
                }
            }
        };
        Saving::new(rows, &self.place, head).map(Some)
    }

    /// Saves a whole report (JSON text) of the articles at `revision`, as
    /// [`Store::begin_analysis`] does a part at a time; returns whether it was saved.
    pub fn save_analysis(&mut self, revision: i64, settings: &Value, report: &str) -> Result<bool> {
        let parsed: Value = serde_json::from_str(report).map_err(|e| Error::Corrupt {
            path: self.place.clone(),
            problem: format!("the report to save is not JSON: {e}"),
        })?;
        let Some(mut saving) = self.begin_analysis(
            revision,
            &parsed["generator"].to_string(),
            &settings.to_string(),
            &parsed["summary"].to_string(),
        )?
        else {
            return Ok(false);
        };
        for a in parsed["articles"].as_array().into_iter().flatten() {
            saving.article(&a.to_string())?;
        }
        for s in parsed["stories"].as_array().into_iter().flatten() {
            saving.story(&s.to_string())?;
        }
        saving.commit()?;
        Ok(true)
    }

    /// The latest saved analysis's head, if any.
    pub fn analysis(&self) -> Result<Option<Analysis>> {
        let mut head = None;
        self.read(false, false, &mut |part| {
            if let Part::Head(h) = part {
                head = Some(h.clone());
            }
            Ok(())
        })?;
        Ok(head)
    }

    /// Reads the saved analysis in one snapshot: its head, then (when `articles`) every
    /// analysed article, then every story, in report order, each handed to `each` as it
    /// is read. Returns whether there was one.
    pub fn read_analysis(
        &self,
        articles: bool,
        each: &mut dyn FnMut(Part<'_>) -> Result<()>,
    ) -> Result<bool> {
        self.read(articles, true, each)
    }

    fn read(
        &self,
        articles: bool,
        stories: bool,
        each: &mut dyn FnMut(Part<'_>) -> Result<()>,
    ) -> Result<bool> {
        match &self.backend {
            Backend::Sqlite(c) => sqlite::read(c, &self.place, articles, stories, each),
            Backend::Postgres(c) => {
                postgres::read(&mut lock(c), &self.place, articles, stories, each)
            }
        }
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

/// The text a story is found by: every string value of the story (its headline, the
/// words of its quotes, facts and timeline), then its articles' titles and bodies, with
/// diacritics folded as the search's words are ("Ostvik" finds "Östvik" in both
/// backends).
fn search_text(story: &Value, articles: &[Value]) -> String {
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
    for a in articles {
        for field in ["title", "outlet", "body"] {
            strings(&a[field], &mut out);
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
        saves_only_what_changed(&dir.path().join("saves.db").display().to_string());
    }

    #[test]
    fn postgres_behaves_as_sqlite() {
        let Some(server) = testing::server_or_skip("postgres_behaves_as_sqlite") else {
            return;
        };
        let url = server.database("behaves");
        behaves_as_a_store(&url);
        saves_only_what_changed(&server.database("saves"));
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

    /// Saves `articles` and `stories` (JSON objects) as an analysis at `revision`.
    fn save(store: &mut Store, revision: i64, articles: &[Value], stories: &[Value]) -> Saved {
        let mut saving = store
            .begin_analysis(revision, "\"parallax test\"", "{}", "{\"articles\":0}")
            .unwrap()
            .expect("nothing newer saved");
        for a in articles {
            saving.article(&a.to_string()).unwrap();
        }
        for s in stories {
            saving.story(&s.to_string()).unwrap();
        }
        saving.commit().unwrap()
    }

    /// Every part of the saved analysis, as read back.
    fn parts(store: &Store) -> Vec<String> {
        let mut parts = Vec::new();
        store
            .read_analysis(true, &mut |p| {
                parts.push(match p {
                    Part::Head(h) => format!("head {} {}", h.revision, h.articles),
                    Part::Article(j) | Part::Story(j) => j.to_string(),
                });
                Ok(())
            })
            .unwrap();
        parts
    }

    /// A second analysis rewrites the parts that changed and no others, and the saved
    /// analysis reads back as given, part for part.
    fn saves_only_what_changed(db: &str) {
        let mut store = Store::connect(db).unwrap();
        let article = |id: &str, story: &str, body: &str| json!({"id": id, "story": story, "outlet": "Kessa Post", "body": body});
        let story = |id: &str, members: &[&str], headline: &str| json!({"id": id, "key": id.to_lowercase(), "headline": headline, "articles": members});
        let articles = [
            article("a", "S1", "Ferries collided."),
            article("b", "S1", "Two ferries collided."),
            article("c", "S2", "The harbour reopened."),
        ];
        let stories = [
            story("S1", &["a", "b"], "Ferries collide"),
            story("S2", &["c"], "Harbour reopens"),
        ];
        let first = save(&mut store, 1, &articles, &stories);
        assert_eq!((first.articles_written, first.stories_written), (3, 2));
        // The same analysis again writes nothing.
        assert_eq!(save(&mut store, 1, &articles, &stories), Saved::default());
        // A new article joins S2: it and S2 are written, S1 and its articles are not.
        // An article's text changing rewrites the story it is in (its search text), even
        // when the story's own JSON is the same.
        let mut more = articles.to_vec();
        more[0] = article("a", "S1", "Ferries collided at dawn.");
        more.push(article("d", "S2", "Ships left the harbour again."));
        let stories = [
            story("S1", &["a", "b"], "Ferries collide"),
            story("S2", &["c", "d"], "Harbour reopens"),
        ];
        let second = save(&mut store, 2, &more, &stories);
        assert_eq!(
            second,
            Saved {
                articles_written: 2,
                stories_written: 2,
                ..Saved::default()
            }
        );
        let found = |store: &Store, q: &str| -> Vec<String> {
            let filter = StoryFilter {
                search: Some(q.into()),
                ..StoryFilter::default()
            };
            store
                .stories(&filter)
                .unwrap()
                .into_iter()
                .map(|r| r.id)
                .collect()
        };
        assert_eq!(found(&store, "dawn"), ["S1"]);
        assert_eq!(found(&store, "ships"), ["S2"]);
        // A story before the others: everything after it moves, nothing else is written;
        // an article and a story gone are deleted.
        let mut third = vec![article("e", "S1", "Fog closed the strait.")];
        third.extend(more.iter().filter(|a| a["id"] != "c").cloned());
        let stories = [
            story("S1", &["e"], "Fog closes strait"),
            story("S2", &["a", "b"], "Ferries collide"),
        ];
        let saved = save(&mut store, 3, &third, &stories);
        assert_eq!(saved.articles_written, 1, "e only: {saved:?}");
        assert_eq!(saved.articles_moved, 2, "{saved:?}");
        assert_eq!(saved.articles_deleted, 1, "{saved:?}");
        // S1 and S2 are other stories now (their JSON changed), and there is no third.
        assert_eq!((saved.stories_written, saved.stories_deleted), (2, 0));
        assert!(found(&store, "ships").is_empty(), "d's story is gone");
        assert_eq!(found(&store, "fog"), ["S1"]);
        assert_eq!(found(&store, "dawn"), ["S2"]);
        let mut expected = vec!["head 3 4".to_string()];
        expected.extend(third.iter().map(Value::to_string));
        expected.extend(stories.iter().map(Value::to_string));
        assert_eq!(parts(&store), expected);
        assert_eq!(store.outlets("S2").unwrap().len(), 2);
        assert!(store.article("c").unwrap().is_none());
        assert_eq!(
            store.analysis().unwrap().unwrap().summary,
            "{\"articles\":0}"
        );
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
