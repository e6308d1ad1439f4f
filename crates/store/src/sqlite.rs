//! The SQLite backend: one file, write-ahead log, full sync.

use std::io::Write;
use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use crate::save::{self, ArticlePut, Member, Rows, Stored, StoryPut, Table};
use crate::{search_words, Added, Error, Keyed, Part, Result, StoryFilter, StoryRow};

/// SQLite's schema changes, in order; `PRAGMA user_version` says how many have run.
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
    // 2: full-text search over each story's words and its articles' text (Porter stems,
    // diacritics folded: "ferries" finds "ferry", "Ostvik" finds "Östvik"). The analysis
    // saved before it has no search rows, so it is dropped: the next add, export or serve
    // analyses again.
    "CREATE VIRTUAL TABLE story_search USING fts5(
        story UNINDEXED, text, tokenize = 'porter unicode61 remove_diacritics 2'
    );
    DELETE FROM analyses;",
    // 3: an analysis kept as rows only (no whole report), each with its place in the report
    // and a digest, so that a new analysis rewrites only what changed; search rows keyed
    // by their story's rowid. The analysis saved before is dropped: the next add, export or
    // serve analyses again.
    "DROP TABLE story_search;
    DROP TABLE story_articles;
    DROP TABLE stories;
    DROP TABLE analysed_articles;
    DROP TABLE analyses;
    CREATE TABLE analyses (
        id INTEGER PRIMARY KEY,
        revision INTEGER NOT NULL,
        articles INTEGER NOT NULL,
        settings TEXT NOT NULL,
        generator TEXT NOT NULL,
        summary TEXT NOT NULL,
        created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        digest TEXT NOT NULL,
        key TEXT NOT NULL,
        headline TEXT NOT NULL,
        newest TEXT,
        article_count INTEGER NOT NULL,
        contradictions INTEGER NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX stories_position ON stories (position);
    CREATE TABLE story_articles (
        story TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        article TEXT NOT NULL,
        PRIMARY KEY (story, article)
    );
    CREATE INDEX story_articles_article ON story_articles (article);
    CREATE TABLE analysed_articles (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        digest TEXT NOT NULL,
        story TEXT NOT NULL,
        outlet TEXT,
        published TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX analysed_articles_position ON analysed_articles (position);
    CREATE VIRTUAL TABLE story_search USING fts5(
        text, tokenize = 'porter unicode61 remove_diacritics 2'
    );",
];

/// Opens (creating and migrating as needed) the file at `path`.
pub(crate) fn open(path: &Path, place: &str) -> Result<Connection> {
    let sqlite = sqlite_error(place);
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
        return Err(newer_schema(place, version, MIGRATIONS.len()));
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
    Ok(conn)
}

/// The error for a store whose schema is newer than this build knows.
pub(crate) fn newer_schema(place: &str, version: usize, known: usize) -> Error {
    Error::Corrupt {
        path: place.to_string(),
        problem: format!("written by a newer parallax (schema {version}, this one knows {known})"),
    }
}

pub(crate) fn add(conn: &mut Connection, place: &str, lines: &[Keyed]) -> Result<Added> {
    let sqlite = sqlite_error(place);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    let mut revision = max_revision(&tx).map_err(sqlite)?;
    let mut added = Added::default();
    for line in lines {
        let stored: Option<String> = tx
            .query_row(
                "SELECT digest FROM articles WHERE id = ?1",
                params![line.id],
                |r| r.get(0),
            )
            .optional()
            .map_err(sqlite)?;
        match stored {
            Some(d) if d == line.digest => {
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
            params![line.id, line.digest, line.line, line.source, revision],
        )
        .map_err(sqlite)?;
    }
    tx.commit().map_err(sqlite)?;
    Ok(added)
}

pub(crate) fn article_count(conn: &Connection, place: &str) -> Result<usize> {
    conn.query_row("SELECT COUNT(*) FROM articles", [], |r| r.get::<_, i64>(0))
        .map(|n| n as usize)
        .map_err(sqlite_error(place))
}

pub(crate) fn revision(conn: &Connection, place: &str) -> Result<i64> {
    max_revision(conn).map_err(sqlite_error(place))
}

pub(crate) fn changed_since(
    conn: &Connection,
    place: &str,
    revision: i64,
) -> Result<std::collections::HashSet<String>> {
    let sqlite = sqlite_error(place);
    let mut q = conn
        .prepare("SELECT id FROM articles WHERE revision > ?1")
        .map_err(sqlite)?;
    let ids = q
        .query_map([revision], |r| r.get(0))
        .map_err(sqlite)?
        .collect::<rusqlite::Result<_>>()
        .map_err(sqlite)?;
    Ok(ids)
}

pub(crate) fn write_lines(
    conn: &Connection,
    place: &str,
    out: &mut impl Write,
) -> Result<(i64, usize)> {
    let sqlite = sqlite_error(place);
    // One read transaction: the lines and the revision belong together.
    let tx = conn.unchecked_transaction().map_err(sqlite)?;
    let revision = max_revision(&tx).map_err(sqlite)?;
    let mut statement = tx
        .prepare("SELECT line FROM articles ORDER BY rowid")
        .map_err(sqlite)?;
    let mut rows = statement.query([]).map_err(sqlite)?;
    let mut n = 0;
    while let Some(row) = rows.next().map_err(sqlite)? {
        let line: String = row.get(0).map_err(sqlite)?;
        writeln!(out, "{line}")?;
        n += 1;
    }
    Ok((revision, n))
}

/// A saving's transaction, begun when no newer analysis is saved.
pub(crate) fn begin<'c>(
    conn: &'c mut Connection,
    place: &str,
    revision: i64,
) -> Result<Option<SqliteRows<'c>>> {
    let sqlite = sqlite_error(place);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(sqlite)?;
    let saved: Option<i64> = tx
        .query_row("SELECT MAX(revision) FROM analyses", [], |r| r.get(0))
        .map_err(sqlite)?;
    if saved.is_some_and(|s| s > revision) {
        return Ok(None);
    }
    Ok(Some(SqliteRows {
        tx,
        place: place.to_string(),
    }))
}

/// The rows of an analysis being saved, in one write transaction.
pub(crate) struct SqliteRows<'c> {
    tx: rusqlite::Transaction<'c>,
    place: String,
}

impl SqliteRows<'_> {
    fn run<P: rusqlite::Params>(&self, sql: &str, params: P) -> Result<()> {
        let sqlite = sqlite_error(&self.place);
        self.tx
            .prepare_cached(sql)
            .and_then(|mut q| q.execute(params))
            .map(|_| ())
            .map_err(sqlite)
    }
}

impl Rows for SqliteRows<'_> {
    fn stored(&mut self, table: Table) -> Result<std::collections::HashMap<String, Stored>> {
        let sqlite = sqlite_error(&self.place);
        let mut q = self
            .tx
            .prepare(&format!(
                "SELECT id, digest, position FROM {}",
                table.name()
            ))
            .map_err(sqlite)?;
        let rows = q
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    Stored {
                        digest: r.get(1)?,
                        position: r.get(2)?,
                    },
                ))
            })
            .map_err(sqlite)?;
        rows.collect::<rusqlite::Result<_>>().map_err(sqlite)
    }

    fn put_articles(&mut self, rows: &[ArticlePut]) -> Result<()> {
        for a in rows {
            self.run(
                "INSERT INTO analysed_articles (id, position, digest, story, outlet, published, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET position = ?2, digest = ?3, story = ?4,
                     outlet = ?5, published = ?6, json = ?7",
                params![a.id, a.position, a.digest, a.story, a.outlet, a.published, a.json],
            )?;
        }
        Ok(())
    }

    fn put_stories(&mut self, rows: &[StoryPut]) -> Result<()> {
        let ids: Vec<String> = rows.iter().map(|s| s.id.clone()).collect();
        self.delete(Table::Stories, &ids)?;
        for s in rows {
            self.run(
                "INSERT INTO stories (id, position, digest, key, headline, newest, article_count,
                     contradictions, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    s.id,
                    s.position,
                    s.digest,
                    s.key,
                    s.headline,
                    s.newest,
                    s.members.len() as i64,
                    s.contradictions,
                    s.json
                ],
            )?;
            let rowid = self.tx.last_insert_rowid();
            self.run(
                "INSERT INTO story_search (rowid, text) VALUES (?1, ?2)",
                params![rowid, s.text],
            )?;
            for a in &s.members {
                self.run(
                    "INSERT OR IGNORE INTO story_articles (story, article) VALUES (?1, ?2)",
                    params![s.id, a],
                )?;
            }
        }
        Ok(())
    }

    fn moved(&mut self, table: Table, moves: &[(String, i64)]) -> Result<()> {
        let sql = format!("UPDATE {} SET position = ?2 WHERE id = ?1", table.name());
        for (id, position) in moves {
            self.run(&sql, params![id, position])?;
        }
        Ok(())
    }

    fn delete(&mut self, table: Table, ids: &[String]) -> Result<()> {
        for id in ids {
            if table == Table::Stories {
                // The search row first, found by its story's rowid; the members go with
                // the story.
                self.run(
                    "DELETE FROM story_search WHERE rowid = (SELECT rowid FROM stories WHERE id = ?1)",
                    params![id],
                )?;
            }
            self.run(
                &format!("DELETE FROM {} WHERE id = ?1", table.name()),
                params![id],
            )?;
        }
        Ok(())
    }

    fn members(&mut self, ids: &[&str]) -> Result<std::collections::HashMap<String, Member>> {
        let sqlite = sqlite_error(&self.place);
        let mut q = self
            .tx
            .prepare_cached("SELECT published, json FROM analysed_articles WHERE id = ?1")
            .map_err(sqlite)?;
        let mut found = std::collections::HashMap::new();
        for &id in ids {
            if let Some(m) = q
                .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(sqlite)?
            {
                found.insert(id.to_string(), m);
            }
        }
        Ok(found)
    }

    fn finish(self: Box<Self>, head: &save::Head) -> Result<()> {
        let sqlite = sqlite_error(&self.place);
        self.run("DELETE FROM analyses", [])?;
        self.run(
            "INSERT INTO analyses (revision, articles, settings, generator, summary)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                head.revision,
                head.articles,
                head.settings,
                head.generator,
                head.summary
            ],
        )?;
        self.tx.commit().map_err(sqlite)
    }
}

/// Hands `each` the saved analysis's head, then its articles (when `articles`) and its
/// stories (when `stories`) in report order, all from one read transaction.
pub(crate) fn read(
    conn: &Connection,
    place: &str,
    articles: bool,
    stories: bool,
    each: &mut dyn FnMut(Part<'_>) -> Result<()>,
) -> Result<bool> {
    let sqlite = sqlite_error(place);
    let tx = conn.unchecked_transaction().map_err(sqlite)?;
    let head = tx
        .query_row(
            "SELECT revision, articles, settings, generator, summary FROM analyses
             ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok(save::Head {
                    revision: r.get(0)?,
                    articles: r.get(1)?,
                    settings: r.get(2)?,
                    generator: r.get(3)?,
                    summary: r.get(4)?,
                })
            },
        )
        .optional()
        .map_err(sqlite)?;
    let Some(head) = head else {
        return Ok(false);
    };
    each(Part::Head(&head.analysis()))?;
    for (table, wanted) in [(Table::Articles, articles), (Table::Stories, stories)] {
        if !wanted {
            continue;
        }
        let mut q = tx
            .prepare(&format!(
                "SELECT json FROM {} ORDER BY position",
                table.name()
            ))
            .map_err(sqlite)?;
        let mut rows = q.query([]).map_err(sqlite)?;
        while let Some(row) = rows.next().map_err(sqlite)? {
            let json = row
                .get_ref(0)
                .and_then(|v| Ok(v.as_str()?))
                .map_err(sqlite)?;
            each(match table {
                Table::Articles => Part::Article(json),
                Table::Stories => Part::Story(json),
            })?;
        }
    }
    Ok(true)
}

pub(crate) fn stories(
    conn: &Connection,
    place: &str,
    filter: &StoryFilter,
) -> Result<Vec<StoryRow>> {
    let search = filter.search.as_deref().and_then(match_query);
    let sqlite = sqlite_error(place);
    let mut statement = conn
        .prepare(
            "SELECT s.id, s.headline, s.newest, s.article_count, s.contradictions, s.json
             FROM stories s
             WHERE (?1 IS NULL OR s.rowid IN (
                     SELECT rowid FROM story_search WHERE story_search MATCH ?1))
               AND (?2 IS NULL OR EXISTS (
                     SELECT 1 FROM story_articles m JOIN analysed_articles a ON a.id = m.article
                     WHERE m.story = s.id AND a.outlet = ?2))
               AND (?3 IS NULL OR substr(s.newest, 1, 10) >= ?3)
               AND (?4 IS NULL OR substr(s.newest, 1, 10) <= ?4)
             ORDER BY s.newest IS NULL, s.newest DESC, s.id",
        )
        .map_err(sqlite)?;
    let rows = statement
        .query_map(
            params![search, filter.outlet, filter.from, filter.to],
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
        .map_err(sqlite)?;
    rows.collect::<std::result::Result<Vec<_>, _>>()
        .map_err(sqlite)
}

/// A search as an FTS5 query: every word must be there, the last as the start of a word
/// (what a reader still typing means). `None` when it has no words.
fn match_query(q: &str) -> Option<String> {
    let words = search_words(q);
    let last = words.len().checked_sub(1)?;
    let phrases: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(k, w)| format!("\"{w}\"{}", if k == last { "*" } else { "" }))
        .collect();
    Some(phrases.join(" "))
}

pub(crate) fn story(conn: &Connection, place: &str, id: &str) -> Result<Option<String>> {
    conn.query_row("SELECT json FROM stories WHERE id = ?1", params![id], |r| {
        r.get(0)
    })
    .optional()
    .map_err(sqlite_error(place))
}

pub(crate) fn outlets(
    conn: &Connection,
    place: &str,
    story: &str,
) -> Result<std::collections::HashMap<String, String>> {
    let sqlite = sqlite_error(place);
    let mut statement = conn
        .prepare(
            "SELECT a.id, a.outlet FROM story_articles m
             JOIN analysed_articles a ON a.id = m.article
             WHERE m.story = ?1 AND a.outlet IS NOT NULL",
        )
        .map_err(sqlite)?;
    let rows = statement
        .query_map(params![story], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(sqlite)?;
    rows.collect::<std::result::Result<_, _>>().map_err(sqlite)
}

pub(crate) fn article(conn: &Connection, place: &str, id: &str) -> Result<Option<String>> {
    conn.query_row(
        "SELECT json FROM analysed_articles WHERE id = ?1",
        params![id],
        |r| r.get(0),
    )
    .optional()
    .map_err(sqlite_error(place))
}

pub(crate) fn analysis_revision(conn: &Connection, place: &str) -> Result<Option<i64>> {
    conn.query_row(
        "SELECT revision FROM analyses ORDER BY id DESC LIMIT 1",
        [],
        |r| r.get(0),
    )
    .optional()
    .map_err(sqlite_error(place))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_store_of_the_first_schema_is_migrated_and_analysed_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.execute_batch(
                "PRAGMA user_version = 1;
                 INSERT INTO articles (id, digest, line, revision) VALUES ('a', 'd', '{}', 1);
                 INSERT INTO analyses (revision, articles, settings, report)
                     VALUES (1, 1, '{}', '{}');",
            )
            .unwrap();
        }
        let store = crate::Store::open(&path).unwrap();
        // The old analysis is dropped by the migrations after it: the store reads as stale.
        assert!(store.analysis().unwrap().is_none());
        assert!(!store.is_current().unwrap());
        assert_eq!(store.article_count().unwrap(), 1);
        let searched = store.stories(&crate::StoryFilter {
            search: Some("anything".into()),
            ..Default::default()
        });
        assert!(searched.unwrap().is_empty());
    }
}
