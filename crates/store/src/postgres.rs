//! The PostgreSQL backend: the same tables as SQLite's, in a schema of their own
//! (`parallax`), for a store that many users and workers share.
//!
//! Writers take turns: every transaction that writes holds one advisory lock until it
//! ends, so revisions are handed out in commit order and two workers' analyses cannot
//! interleave. Readers never wait for it.

use std::collections::HashMap;
use std::io::Write;

use ::postgres::fallible_iterator::FallibleIterator;
use ::postgres::{Client, GenericClient, IsolationLevel, NoTls, Transaction};

use crate::save::{self, ArticlePut, Member, Rows, Stored, StoryPut, Table};
use crate::sqlite::newer_schema;
use crate::{search_words, Added, Error, Keyed, Part, Result, StoryFilter, StoryRow};

/// The advisory lock writers hold ("parallax" in ASCII).
const WRITERS: i64 = 0x7061_7261_6c6c_6178;

/// Schema changes, in order; `parallax.schema_version` says how many have run.
const MIGRATIONS: &[&str] = &[
    // 1: articles as read, analyses, stories and analysed articles.
    "CREATE TABLE articles (
        seq BIGSERIAL NOT NULL,
        id TEXT PRIMARY KEY,
        digest TEXT NOT NULL,
        line TEXT NOT NULL,
        source TEXT,
        revision BIGINT NOT NULL,
        added TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE INDEX articles_revision ON articles (revision);
    CREATE INDEX articles_seq ON articles (seq);
    CREATE TABLE analyses (
        id BIGSERIAL PRIMARY KEY,
        revision BIGINT NOT NULL,
        articles BIGINT NOT NULL,
        settings TEXT NOT NULL,
        report TEXT NOT NULL,
        created TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        headline TEXT NOT NULL,
        newest TEXT,
        article_count BIGINT NOT NULL,
        contradictions BIGINT NOT NULL,
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
        outlet TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX story_articles_article ON story_articles (article);
    -- Full-text search over each story's words and its articles' text (English stems).
    CREATE TABLE story_search (
        story TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        document TSVECTOR NOT NULL
    );
    CREATE INDEX story_search_document ON story_search USING GIN (document);",
    // 2: an analysis kept as rows only (no whole report), each with its place in the report
    // and a digest, so that a new analysis rewrites only what changed. The analysis saved
    // before is dropped: the next add, export or serve analyses again.
    "DROP TABLE story_search;
    DROP TABLE story_articles;
    DROP TABLE stories;
    DROP TABLE analysed_articles;
    DROP TABLE analyses;
    CREATE TABLE analyses (
        id BIGSERIAL PRIMARY KEY,
        revision BIGINT NOT NULL,
        articles BIGINT NOT NULL,
        settings TEXT NOT NULL,
        generator TEXT NOT NULL,
        summary TEXT NOT NULL,
        created TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        position BIGINT NOT NULL,
        digest TEXT NOT NULL,
        key TEXT NOT NULL,
        headline TEXT NOT NULL,
        newest TEXT,
        article_count BIGINT NOT NULL,
        contradictions BIGINT NOT NULL,
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
        position BIGINT NOT NULL,
        digest TEXT NOT NULL,
        story TEXT NOT NULL,
        outlet TEXT,
        published TEXT,
        json TEXT NOT NULL
    );
    CREATE INDEX analysed_articles_position ON analysed_articles (position);
    CREATE TABLE story_search (
        story TEXT PRIMARY KEY REFERENCES stories (id) ON DELETE CASCADE,
        document TSVECTOR NOT NULL
    );
    CREATE INDEX story_search_document ON story_search USING GIN (document);",
];

/// Connects to `url`, creating the schema and running migrations as needed.
pub(crate) fn open(url: &str, place: &str) -> Result<Client> {
    let pg = pg_error(place);
    let mut client = Client::connect(url, NoTls).map_err(pg)?;
    let mut tx = client.transaction().map_err(pg)?;
    lock_writers(&mut tx).map_err(pg)?;
    tx.batch_execute(
        "CREATE SCHEMA IF NOT EXISTS parallax;
         CREATE TABLE IF NOT EXISTS parallax.schema_version (version BIGINT NOT NULL);
         SET search_path TO parallax",
    )
    .map_err(pg)?;
    let version: i64 = match tx
        .query_opt("SELECT version FROM schema_version", &[])
        .map_err(pg)?
    {
        Some(row) => row.get(0),
        None => {
            tx.execute("INSERT INTO schema_version (version) VALUES (0)", &[])
                .map_err(pg)?;
            0
        }
    };
    let version = usize::try_from(version).unwrap_or(usize::MAX);
    if version > MIGRATIONS.len() {
        return Err(newer_schema(place, version, MIGRATIONS.len()));
    }
    for (k, sql) in MIGRATIONS.iter().enumerate().skip(version) {
        tx.batch_execute(sql).map_err(pg)?;
        tx.execute(
            "UPDATE schema_version SET version = $1",
            &[&((k + 1) as i64)],
        )
        .map_err(pg)?;
    }
    tx.commit().map_err(pg)?;
    Ok(client)
}

/// Waits for the writers' lock; it is let go when the transaction ends.
fn lock_writers(tx: &mut Transaction) -> std::result::Result<(), ::postgres::Error> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITERS])
        .map(|_| ())
}

pub(crate) fn add(client: &mut Client, place: &str, lines: &[Keyed]) -> Result<Added> {
    let pg = pg_error(place);
    let mut tx = client.transaction().map_err(pg)?;
    lock_writers(&mut tx).map_err(pg)?;
    let mut revision = max_revision(&mut tx).map_err(pg)?;
    // One query for what is stored and one for what changes, whatever the batch's size:
    // a round trip per article would cost more than the work.
    let ids: Vec<&str> = lines.iter().map(|l| l.id).collect();
    let stored: HashMap<String, String> = tx
        .query(
            "SELECT id, digest FROM articles WHERE id = ANY($1)",
            &[&ids],
        )
        .map_err(pg)?
        .into_iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut current: HashMap<&str, &str> = stored
        .iter()
        .map(|(id, d)| (id.as_str(), d.as_str()))
        .collect();
    // What to write: for each id, its last version in the batch and the revision it took
    // (an id twice in one batch: the second is compared with the first, as one by one).
    let mut pending: HashMap<&str, (&Keyed, i64)> = HashMap::new();
    let mut added = Added::default();
    for line in lines {
        match current.get(line.id) {
            Some(&d) if d == line.digest => {
                added.unchanged += 1;
                continue;
            }
            Some(_) => added.replaced += 1,
            None => added.new += 1,
        }
        revision += 1;
        current.insert(line.id, &line.digest);
        pending.insert(line.id, (line, revision));
    }
    let mut pending: Vec<(&Keyed, i64)> = pending.into_values().collect();
    pending.sort_unstable_by_key(|&(_, r)| r);
    let column = |f: for<'k> fn(&'k Keyed<'k>) -> Option<&'k str>| -> Vec<Option<&str>> {
        pending.iter().map(|&(l, _)| f(l)).collect()
    };
    let revisions: Vec<i64> = pending.iter().map(|&(_, r)| r).collect();
    tx.execute(
        "INSERT INTO articles (id, digest, line, source, revision)
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[])
         ON CONFLICT (id) DO UPDATE SET digest = EXCLUDED.digest, line = EXCLUDED.line,
             source = EXCLUDED.source, revision = EXCLUDED.revision",
        &[
            &column(|l| Some(l.id)),
            &column(|l| Some(&l.digest)),
            &column(|l| Some(&l.line)),
            &column(|l| l.source),
            &revisions,
        ],
    )
    .map_err(pg)?;
    tx.commit().map_err(pg)?;
    Ok(added)
}

pub(crate) fn article_count(client: &mut Client, place: &str) -> Result<usize> {
    let row = client
        .query_one("SELECT COUNT(*) FROM articles", &[])
        .map_err(pg_error(place))?;
    Ok(row.get::<_, i64>(0) as usize)
}

pub(crate) fn revision(client: &mut Client, place: &str) -> Result<i64> {
    max_revision(client).map_err(pg_error(place))
}

pub(crate) fn changed_since(
    client: &mut Client,
    place: &str,
    revision: i64,
) -> Result<std::collections::HashSet<String>> {
    let rows = client
        .query("SELECT id FROM articles WHERE revision > $1", &[&revision])
        .map_err(pg_error(place))?;
    Ok(rows.iter().map(|r| r.get(0)).collect())
}

/// A read-only transaction that sees one snapshot of the database throughout.
fn snapshot(client: &mut Client) -> std::result::Result<Transaction<'_>, ::postgres::Error> {
    client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
}

pub(crate) fn write_lines(
    client: &mut Client,
    place: &str,
    out: &mut impl Write,
) -> Result<(i64, usize)> {
    let pg = pg_error(place);
    // One snapshot: the lines and the revision belong together.
    let mut tx = snapshot(client).map_err(pg)?;
    let revision = max_revision(&mut tx).map_err(pg)?;
    let none: [&str; 0] = [];
    // Streamed: the rows come as they are read, never all at once.
    let mut rows = tx
        .query_raw("SELECT line FROM articles ORDER BY seq", none)
        .map_err(pg)?;
    let mut n = 0;
    while let Some(row) = rows.next().map_err(pg)? {
        let line: &str = row.get(0);
        writeln!(out, "{line}")?;
        n += 1;
    }
    Ok((revision, n))
}

/// A saving's transaction, holding the writers' lock, begun when no newer analysis is
/// saved.
pub(crate) fn begin<'c>(
    client: &'c mut Client,
    place: &str,
    revision: i64,
) -> Result<Option<PgRows<'c>>> {
    let pg = pg_error(place);
    let mut tx = client.transaction().map_err(pg)?;
    lock_writers(&mut tx).map_err(pg)?;
    let saved: Option<i64> = tx
        .query_one("SELECT MAX(revision) FROM analyses", &[])
        .map_err(pg)?
        .get(0);
    if saved.is_some_and(|s| s > revision) {
        return Ok(None);
    }
    Ok(Some(PgRows {
        tx,
        place: place.to_string(),
    }))
}

/// The rows of an analysis being saved, in one write transaction. Each batch is one
/// statement per table (arrays unnested): a round trip per row would cost more than the
/// rows.
pub(crate) struct PgRows<'c> {
    tx: Transaction<'c>,
    place: String,
}

impl PgRows<'_> {
    fn run(&mut self, sql: &str, params: &[&(dyn ::postgres::types::ToSql + Sync)]) -> Result<()> {
        self.tx
            .execute(sql, params)
            .map(|_| ())
            .map_err(pg_error(&self.place))
    }
}

impl Rows for PgRows<'_> {
    fn stored(&mut self, table: Table) -> Result<HashMap<String, Stored>> {
        let rows = self
            .tx
            .query(
                &format!("SELECT id, digest, position FROM {}", table.name()),
                &[],
            )
            .map_err(pg_error(&self.place))?;
        Ok(rows
            .into_iter()
            .map(|r| {
                (
                    r.get(0),
                    Stored {
                        digest: r.get(1),
                        position: r.get(2),
                    },
                )
            })
            .collect())
    }

    fn put_articles(&mut self, rows: &[ArticlePut]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        self.run(
            "INSERT INTO analysed_articles (id, position, digest, story, outlet, published, json)
             SELECT * FROM UNNEST($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[],
                 $6::text[], $7::text[])
             ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position,
                 digest = EXCLUDED.digest, story = EXCLUDED.story, outlet = EXCLUDED.outlet,
                 published = EXCLUDED.published, json = EXCLUDED.json",
            &[
                &rows.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
                &rows.iter().map(|a| a.position).collect::<Vec<_>>(),
                &rows.iter().map(|a| a.digest.as_str()).collect::<Vec<_>>(),
                &rows.iter().map(|a| a.story.as_str()).collect::<Vec<_>>(),
                &rows.iter().map(|a| a.outlet.as_deref()).collect::<Vec<_>>(),
                &rows
                    .iter()
                    .map(|a| a.published.as_deref())
                    .collect::<Vec<_>>(),
                &rows.iter().map(|a| a.json.as_str()).collect::<Vec<_>>(),
            ],
        )
    }

    fn put_stories(&mut self, rows: &[StoryPut]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let ids: Vec<&str> = rows.iter().map(|s| s.id.as_str()).collect();
        // Members and search rows go with their story.
        self.run("DELETE FROM stories WHERE id = ANY($1)", &[&ids])?;
        self.run(
            "INSERT INTO stories (id, position, digest, key, headline, newest, article_count,
                 contradictions, json)
             SELECT * FROM UNNEST($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[],
                 $6::text[], $7::bigint[], $8::bigint[], $9::text[])",
            &[
                &ids,
                &rows.iter().map(|s| s.position).collect::<Vec<_>>(),
                &rows.iter().map(|s| s.digest.as_str()).collect::<Vec<_>>(),
                &rows.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(),
                &rows.iter().map(|s| s.headline.as_str()).collect::<Vec<_>>(),
                &rows.iter().map(|s| s.newest.as_deref()).collect::<Vec<_>>(),
                &rows
                    .iter()
                    .map(|s| s.members.len() as i64)
                    .collect::<Vec<_>>(),
                &rows.iter().map(|s| s.contradictions).collect::<Vec<_>>(),
                &rows.iter().map(|s| s.json.as_str()).collect::<Vec<_>>(),
            ],
        )?;
        self.run(
            "INSERT INTO story_search (story, document)
             SELECT story, to_tsvector('english', text)
             FROM UNNEST($1::text[], $2::text[]) AS t (story, text)",
            &[
                &ids,
                &rows.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
            ],
        )?;
        let (member_story, member): (Vec<&str>, Vec<&str>) = rows
            .iter()
            .flat_map(|s| s.members.iter().map(move |m| (s.id.as_str(), m.as_str())))
            .unzip();
        self.run(
            "INSERT INTO story_articles (story, article)
             SELECT * FROM UNNEST($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
            &[&member_story, &member],
        )
    }

    fn moved(&mut self, table: Table, moves: &[(String, i64)]) -> Result<()> {
        if moves.is_empty() {
            return Ok(());
        }
        self.run(
            &format!(
                "UPDATE {} t SET position = m.position
                 FROM UNNEST($1::text[], $2::bigint[]) AS m (id, position) WHERE t.id = m.id",
                table.name()
            ),
            &[
                &moves.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(),
                &moves.iter().map(|&(_, p)| p).collect::<Vec<_>>(),
            ],
        )
    }

    fn delete(&mut self, table: Table, ids: &[String]) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        self.run(
            &format!("DELETE FROM {} WHERE id = ANY($1)", table.name()),
            &[&ids],
        )
    }

    fn members(&mut self, ids: &[&str]) -> Result<HashMap<String, Member>> {
        let rows = self
            .tx
            .query(
                "SELECT id, published, json FROM analysed_articles WHERE id = ANY($1)",
                &[&ids],
            )
            .map_err(pg_error(&self.place))?;
        Ok(rows
            .into_iter()
            .map(|r| (r.get(0), (r.get(1), r.get(2))))
            .collect())
    }

    fn finish(mut self: Box<Self>, head: &save::Head) -> Result<()> {
        self.run("DELETE FROM analyses", &[])?;
        self.run(
            "INSERT INTO analyses (revision, articles, settings, generator, summary)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                &head.revision,
                &head.articles,
                &head.settings,
                &head.generator,
                &head.summary,
            ],
        )?;
        let place = self.place.clone();
        self.tx.commit().map_err(pg_error(&place))
    }
}

/// Hands `each` the saved analysis's head, then its articles (when `articles`) and its
/// stories (when `stories`) in report order, streamed from one snapshot.
pub(crate) fn read(
    client: &mut Client,
    place: &str,
    articles: bool,
    stories: bool,
    each: &mut dyn FnMut(Part<'_>) -> Result<()>,
) -> Result<bool> {
    let pg = pg_error(place);
    let mut tx = snapshot(client).map_err(pg)?;
    let head = tx
        .query_opt(
            "SELECT revision, articles, settings, generator, summary FROM analyses
             ORDER BY id DESC LIMIT 1",
            &[],
        )
        .map_err(pg)?;
    let Some(head) = head else {
        return Ok(false);
    };
    let head = save::Head {
        revision: head.get(0),
        articles: head.get(1),
        settings: head.get(2),
        generator: head.get(3),
        summary: head.get(4),
    };
    each(Part::Head(&head.analysis()))?;
    let none: [&str; 0] = [];
    for (table, wanted) in [(Table::Articles, articles), (Table::Stories, stories)] {
        if !wanted {
            continue;
        }
        let mut rows = tx
            .query_raw(
                &format!("SELECT json FROM {} ORDER BY position", table.name()),
                none,
            )
            .map_err(pg)?;
        while let Some(row) = rows.next().map_err(pg)? {
            let json: &str = row.get(0);
            each(match table {
                Table::Articles => Part::Article(json),
                Table::Stories => Part::Story(json),
            })?;
        }
    }
    Ok(true)
}

pub(crate) fn stories(
    client: &mut Client,
    place: &str,
    filter: &StoryFilter,
) -> Result<Vec<StoryRow>> {
    let search = filter.search.as_deref().and_then(ts_query);
    let rows = client
        .query(
            "SELECT s.id, s.headline, s.newest, s.article_count, s.contradictions, s.json
             FROM stories s
             WHERE ($1::text IS NULL OR s.id IN (
                     SELECT story FROM story_search
                     WHERE document @@ to_tsquery('english', $1)))
               AND ($2::text IS NULL OR EXISTS (
                     SELECT 1 FROM story_articles m JOIN analysed_articles a ON a.id = m.article
                     WHERE m.story = s.id AND a.outlet = $2))
               AND ($3::text IS NULL OR substr(s.newest, 1, 10) >= $3)
               AND ($4::text IS NULL OR substr(s.newest, 1, 10) <= $4)
             ORDER BY s.newest IS NULL, s.newest DESC, s.id",
            &[&search, &filter.outlet, &filter.from, &filter.to],
        )
        .map_err(pg_error(place))?;
    Ok(rows
        .into_iter()
        .map(|r| StoryRow {
            id: r.get(0),
            headline: r.get(1),
            newest: r.get(2),
            article_count: r.get::<_, i64>(3) as usize,
            contradictions: r.get::<_, i64>(4) as usize,
            json: r.get(5),
        })
        .collect())
}

/// A search as a `tsquery`: every word must be there, the last as the start of a word
/// (what a reader still typing means). `None` when it has no words.
fn ts_query(q: &str) -> Option<String> {
    let words = search_words(q);
    (!words.is_empty()).then(|| words.join(" & ") + ":*")
}

pub(crate) fn story(client: &mut Client, place: &str, id: &str) -> Result<Option<String>> {
    one_text(client, place, "SELECT json FROM stories WHERE id = $1", id)
}

pub(crate) fn outlets(
    client: &mut Client,
    place: &str,
    story: &str,
) -> Result<HashMap<String, String>> {
    let rows = client
        .query(
            "SELECT a.id, a.outlet FROM story_articles m
             JOIN analysed_articles a ON a.id = m.article
             WHERE m.story = $1 AND a.outlet IS NOT NULL",
            &[&story],
        )
        .map_err(pg_error(place))?;
    Ok(rows.into_iter().map(|r| (r.get(0), r.get(1))).collect())
}

pub(crate) fn article(client: &mut Client, place: &str, id: &str) -> Result<Option<String>> {
    one_text(
        client,
        place,
        "SELECT json FROM analysed_articles WHERE id = $1",
        id,
    )
}

pub(crate) fn analysis_revision(client: &mut Client, place: &str) -> Result<Option<i64>> {
    let row = client
        .query_opt(
            "SELECT revision FROM analyses ORDER BY id DESC LIMIT 1",
            &[],
        )
        .map_err(pg_error(place))?;
    Ok(row.map(|r| r.get(0)))
}

/// The one text column a query keyed by `id` returns, if a row matches.
fn one_text(client: &mut Client, place: &str, sql: &str, id: &str) -> Result<Option<String>> {
    let row = client.query_opt(sql, &[&id]).map_err(pg_error(place))?;
    Ok(row.map(|r| r.get(0)))
}

/// The revision of the stored articles: the highest any change took, 0 for none.
fn max_revision(c: &mut impl GenericClient) -> std::result::Result<i64, ::postgres::Error> {
    c.query_one(
        "SELECT COALESCE(MAX(revision), 0)::BIGINT FROM articles",
        &[],
    )
    .map(|r| r.get(0))
}

/// Turns the client's errors into ones that name the database.
fn pg_error(place: &str) -> impl Fn(::postgres::Error) -> Error + Copy + '_ {
    move |source| Error::Postgres {
        place: place.to_string(),
        source,
    }
}
