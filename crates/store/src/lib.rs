//! The durable store: one SQLite file (write-ahead log, full sync) holding every article as
//! it was read and the latest analysis of all of them.
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
//! ```
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = parallax_store::Store::open(&dir.path().join("news.db")).unwrap();
//! let line = serde_json::json!({"id": "a1", "source": "a1.txt", "text": "Body."});
//! let added = store.add(&[line.clone()]).unwrap();
//! assert_eq!((added.new, added.unchanged), (1, 0));
//! assert_eq!(store.add(&[line]).unwrap().unchanged, 1);
//! assert!(!store.is_current().unwrap());
//! ```

use std::io::Write;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
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
    /// A stored value is not what this version writes.
    #[error("{path}: {problem}")]
    Corrupt {
        /// The store's file.
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

/// Schema changes, in order; `PRAGMA user_version` says how many have run.
const MIGRATIONS: &[&str] = &[
    // 1: articles as read, analyses, stories and analysed articles.
    "CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        digest TEXT NOT NULL,
        line TEXT NOT NULL,
        source TEXT,
        revision INTEGER NOT NULL,
        added TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE INDEX articles_revision ON articles (revision);
    CREATE TABLE analyses (
        id INTEGER PRIMARY KEY,
        revision INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        settings TEXT NOT NULL,
        report TEXT NOT NULL,
        created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        headline TEXT NOT NULL,
        newest TEXT,
        article_count INTEGER NOT NULL,
        contradictions INTEGER NOT NULL,
        json TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        article TEXT NOT NULL,
        PRIMARY KEY (story, article)
    );
    CREATE TABLE analysed_articles (
        id TEXT PRIMARY KEY,
        story TEXT NOT NULL,
        json TEXT NOT NULL
    );",
];

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

/// One SQLite file of articles and their analysis.
pub struct Store {
    conn: Connection,
    path: String,
}

impl Store {
    /// Opens the store at `path`, creating it and running migrations as needed.
    pub fn open(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        let sqlite = sqlite_error(&name);
        let mut conn = Connection::open(path).map_err(sqlite)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(sqlite)?;
        // WAL lets readers work while a writer adds; FULL sync makes every committed add
        // survive a crash of the process or of the machine.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(sqlite)?;
        let version: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(sqlite)?;
        let version = usize::try_from(version).unwrap_or(usize::MAX);
        if version > MIGRATIONS.len() {
            return Err(Error::Corrupt {
                path: name.clone(),
                problem: format!(
                    "written by a newer parallax (schema {version}, this one knows {})",
                    MIGRATIONS.len()
                ),
            });
        }
        for (k, sql) in MIGRATIONS.iter().enumerate().skip(version) {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(sqlite)?;
            tx.execute_batch(sql).map_err(sqlite)?;
            tx.pragma_update(None, "user_version", (k + 1) as i64)
                .map_err(sqlite)?;
            tx.commit().map_err(sqlite)?;
        }
        Ok(Store { conn, path: name })
    }

    /// Stores `lines` (JSON objects with at least `id` and `text`) in one transaction:
    /// when it returns, they are on disk.
    pub fn add(&mut self, lines: &[Value]) -> Result<Added> {
        let sqlite = sqlite_error(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let mut revision = max_revision(&tx).map_err(sqlite)?;
        let mut added = Added::default();
        for line in lines {
            let Some(id) = line["id"].as_str() else {
                return Err(Error::Corrupt {
                    path: self.path.clone(),
                    problem: "an article without an id".into(),
                });
            };
            let digest = digest(line);
            let stored: Option<String> = tx
                .query_row(
                    "SELECT digest FROM articles WHERE id = ?1",
                    params![id],
                    |r| r.get(0),
                )
                .optional()
                .map_err(sqlite)?;
            match stored {
                Some(d) if d == digest => {
                    added.unchanged += 1;
                    continue;
                }
                Some(_) => added.replaced += 1,
                None => added.new += 1,
            }
            revision += 1;
            tx.execute(
                "INSERT INTO articles (id, digest, line, source, revision)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (id) DO UPDATE SET digest = ?2, line = ?3, source = ?4,
                     revision = ?5",
                params![
                    id,
                    digest,
                    line.to_string(),
                    line["source"].as_str(),
                    revision
                ],
            )
            .map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)?;
        Ok(added)
    }

    /// How many articles are stored.
    pub fn article_count(&self) -> Result<usize> {
        self.conn
            .query_row("SELECT COUNT(*) FROM articles", [], |r| r.get::<_, i64>(0))
            .map(|n| n as usize)
            .map_err(sqlite_error(&self.path))
    }

    /// The revision of the stored articles: it grows with every change.
    pub fn revision(&self) -> Result<i64> {
        max_revision(&self.conn).map_err(sqlite_error(&self.path))
    }

    /// Writes every stored article as a JSON line, in the order they were first added, and
    /// returns the revision they are at and how many there were.
    pub fn write_lines(&self, out: &mut impl Write) -> Result<(i64, usize)> {
        // One read transaction: the lines and the revision belong together.
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(sqlite_error(&self.path))?;
        let revision = max_revision(&tx).map_err(sqlite_error(&self.path))?;
        let mut statement = tx
            .prepare("SELECT line FROM articles ORDER BY rowid")
            .map_err(sqlite_error(&self.path))?;
        let mut rows = statement.query([]).map_err(sqlite_error(&self.path))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(sqlite_error(&self.path))? {
            let line: String = row.get(0).map_err(sqlite_error(&self.path))?;
            writeln!(out, "{line}")?;
            n += 1;
        }
        Ok((revision, n))
    }

    /// Saves an analysis of the articles at `revision`: the whole report, and its stories
    /// and articles as rows, replacing the previous one in one transaction.
    pub fn save_analysis(&mut self, revision: i64, settings: &Value, report: &str) -> Result<()> {
        let parsed: Value = serde_json::from_str(report).map_err(|e| Error::Corrupt {
            path: self.path.clone(),
            problem: format!("the report to save is not JSON: {e}"),
        })?;
        let sqlite = sqlite_error(&self.path);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(sqlite)?;
        let articles = parsed["articles"].as_array().map_or(0, Vec::len) as i64;
        tx.execute("DELETE FROM analyses", []).map_err(sqlite)?;
        tx.execute(
            "INSERT INTO analyses (revision, articles, settings, report) VALUES (?1, ?2, ?3, ?4)",
            params![revision, articles, settings.to_string(), report],
        )
        .map_err(sqlite)?;
        tx.execute("DELETE FROM story_articles", [])
            .map_err(sqlite)?;
        tx.execute("DELETE FROM stories", []).map_err(sqlite)?;
        tx.execute("DELETE FROM analysed_articles", [])
            .map_err(sqlite)?;
        let published: std::collections::HashMap<&str, &str> = parsed["articles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| Some((a["id"].as_str()?, a["published"].as_str()?)))
            .collect();
        for s in parsed["stories"].as_array().into_iter().flatten() {
            let id = s["id"].as_str().unwrap_or("");
            let members: Vec<&str> = s["articles"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let newest = members.iter().filter_map(|a| published.get(a)).max();
            let contradictions = s["facts"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|f| f["status"] == "contradicted")
                .count();
            tx.execute(
                "INSERT INTO stories (id, key, headline, newest, article_count, contradictions, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    s["key"].as_str().unwrap_or(""),
                    s["headline"].as_str().unwrap_or(""),
                    newest,
                    members.len() as i64,
                    contradictions as i64,
                    s.to_string()
                ],
            )
            .map_err(sqlite)?;
            for a in members {
                tx.execute(
                    "INSERT OR IGNORE INTO story_articles (story, article) VALUES (?1, ?2)",
                    params![id, a],
                )
                .map_err(sqlite)?;
            }
        }
        for a in parsed["articles"].as_array().into_iter().flatten() {
            tx.execute(
                "INSERT OR REPLACE INTO analysed_articles (id, story, json) VALUES (?1, ?2, ?3)",
                params![
                    a["id"].as_str().unwrap_or(""),
                    a["story"].as_str().unwrap_or(""),
                    a.to_string()
                ],
            )
            .map_err(sqlite)?;
        }
        tx.commit().map_err(sqlite)
    }

    /// The latest saved analysis, if any.
    pub fn analysis(&self) -> Result<Option<Analysis>> {
        let row = self
            .conn
            .query_row(
                "SELECT revision, articles, settings, report FROM analyses ORDER BY id DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)? as usize,
                        r.get::<_, String>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                },
            )
            .optional()
            .map_err(sqlite_error(&self.path))?;
        row.map(|(revision, articles, settings, report)| {
            let settings = serde_json::from_str(&settings).map_err(|e| Error::Corrupt {
                path: self.path.clone(),
                problem: format!("stored settings are not JSON: {e}"),
            })?;
            Ok(Analysis {
                revision,
                articles,
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
        let (search, outlet) = (filter.search.as_deref(), filter.outlet.as_deref());
        let like = |s: Option<&str>| s.map(|s| format!("%{}%", s.replace(['%', '_'], "")));
        let mut statement = self
            .conn
            .prepare(
                "SELECT s.id, s.headline, s.newest, s.article_count, s.contradictions, s.json
                 FROM stories s
                 WHERE (?1 IS NULL OR s.json LIKE ?1 OR EXISTS (
                         SELECT 1 FROM story_articles m JOIN analysed_articles a ON a.id = m.article
                         WHERE m.story = s.id AND a.json LIKE ?1))
                   AND (?2 IS NULL OR EXISTS (
                         SELECT 1 FROM story_articles m JOIN analysed_articles a ON a.id = m.article
                         WHERE m.story = s.id AND json_extract(a.json, '$.outlet') = ?3))
                   AND (?4 IS NULL OR substr(s.newest, 1, 10) >= ?4)
                   AND (?5 IS NULL OR substr(s.newest, 1, 10) <= ?5)
                 ORDER BY s.newest IS NULL, s.newest DESC, s.id",
            )
            .map_err(sqlite_error(&self.path))?;
        let rows = statement
            .query_map(
                params![like(search), like(outlet), outlet, filter.from, filter.to],
                |r| {
                    Ok(StoryRow {
                        id: r.get(0)?,
                        headline: r.get(1)?,
                        newest: r.get(2)?,
                        article_count: r.get::<_, i64>(3)? as usize,
                        contradictions: r.get::<_, i64>(4)? as usize,
                        json: r.get(5)?,
                    })
                },
            )
            .map_err(sqlite_error(&self.path))?;
        rows.collect::<std::result::Result<Vec<_>, _>>()
            .map_err(sqlite_error(&self.path))
    }

    /// One story of the saved analysis, as JSON.
    pub fn story(&self, id: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT json FROM stories WHERE id = ?1", params![id], |r| {
                r.get(0)
            })
            .optional()
            .map_err(sqlite_error(&self.path))
    }

    /// The outlet of each article of a story that names one (article id → outlet).
    pub fn outlets(&self, story: &str) -> Result<std::collections::HashMap<String, String>> {
        let mut statement = self
            .conn
            .prepare(
                "SELECT a.id, json_extract(a.json, '$.outlet') FROM story_articles m
                 JOIN analysed_articles a ON a.id = m.article
                 WHERE m.story = ?1 AND json_extract(a.json, '$.outlet') IS NOT NULL",
            )
            .map_err(sqlite_error(&self.path))?;
        let rows = statement
            .query_map(params![story], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sqlite_error(&self.path))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(sqlite_error(&self.path))
    }

    /// One analysed article of the saved analysis, as JSON.
    pub fn article(&self, id: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT json FROM analysed_articles WHERE id = ?1",
                params![id],
                |r| r.get(0),
            )
            .optional()
            .map_err(sqlite_error(&self.path))
    }

    /// The revision of the articles the saved analysis covers (changes whenever a new
    /// analysis of changed articles is saved), without reading the report.
    pub fn analysis_revision(&self) -> Result<Option<i64>> {
        self.conn
            .query_row(
                "SELECT revision FROM analyses ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(sqlite_error(&self.path))
    }

    /// Whether the saved analysis covers every stored article as it is now.
    pub fn is_current(&self) -> Result<bool> {
        Ok(self
            .analysis()?
            .is_some_and(|a| a.revision == self.revision().unwrap_or(-1)))
    }
}

/// The revision of the stored articles: the highest any change took, 0 for none.
fn max_revision(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT COALESCE(MAX(revision), 0) FROM articles", [], |r| {
        r.get(0)
    })
}

/// Turns SQLite's errors into ones that name the store's file.
fn sqlite_error(path: &str) -> impl Fn(rusqlite::Error) -> Error + Copy + '_ {
    move |source| Error::Sqlite {
        path: path.to_string(),
        source,
    }
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
        let path = dir.path().join("news.db");
        let mut store = Store::open(&path).unwrap();
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
        let report = json!({"articles": [{"id": "a", "story": "S1", "published": "2026-01-02T10:00:00+01:00"}, {"id": "b", "story": "S1"}],
            "stories": [{"id": "S1", "key": "k", "headline": "H", "articles": ["a", "b"], "facts": [{"status": "contradicted"}]}]});
        let revision = store.revision().unwrap();
        store
            .save_analysis(revision, &json!({}), &report.to_string())
            .unwrap();
        assert!(store.is_current().unwrap());
        let (count, contradictions): (i64, i64) = store
            .conn
            .query_row(
                "SELECT article_count, contradictions FROM stories WHERE id = 'S1'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((count, contradictions), (2, 1));
        let all = StoryFilter::default();
        assert_eq!(store.stories(&all).unwrap().len(), 1);
        let none = StoryFilter {
            search: Some("nothing like it".into()),
            ..all.clone()
        };
        assert_eq!(store.stories(&none).unwrap().len(), 0);
        let days = |from: &str, to: &str| StoryFilter {
            from: Some(from.into()),
            to: Some(to.into()),
            ..all.clone()
        };
        assert_eq!(
            store
                .stories(&days("2026-01-02", "2026-01-02"))
                .unwrap()
                .len(),
            1
        );
        assert_eq!(
            store
                .stories(&days("2026-01-03", "2026-12-31"))
                .unwrap()
                .len(),
            0
        );
        assert!(store.story("S1").unwrap().is_some());
        assert!(store.outlets("S1").unwrap().is_empty());
        assert!(store.article("a").unwrap().is_some());
        // Other content under a stored id replaces it, and the analysis is stale.
        let edited = json!({"id": "b", "source": "x/b.txt", "text": "Two, corrected."});
        assert_eq!(store.add(&[edited]).unwrap().replaced, 1);
        assert!(!store.is_current().unwrap());
        drop(store);

        // Reopened, everything is there, in the order first added.
        let store = Store::open(&path).unwrap();
        let mut out = Vec::new();
        let (_, n) = store.write_lines(&mut out).unwrap();
        assert_eq!(n, 2);
        let text = String::from_utf8(out).unwrap();
        let ids: Vec<String> = text
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap()["id"].to_string())
            .collect();
        assert_eq!(ids, ["\"a\"", "\"b\""]);
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
