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

use crate::sqlite::newer_schema;
use crate::{search_words, Added, AnalysisRows, Error, Keyed, Result, StoryFilter, StoryRow};

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

pub(crate) fn write_lines(
    client: &mut Client,
    place: &str,
    out: &mut impl Write,
) -> Result<(i64, usize)> {
    let pg = pg_error(place);
    // One snapshot: the lines and the revision belong together.
    let mut tx = client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(pg)?;
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

pub(crate) fn save_analysis(
    client: &mut Client,
    place: &str,
    revision: i64,
    settings: &str,
    report: &str,
    rows: &AnalysisRows,
) -> Result<bool> {
    let pg = pg_error(place);
    let mut tx = client.transaction().map_err(pg)?;
    lock_writers(&mut tx).map_err(pg)?;
    let saved: Option<i64> = tx
        .query_one("SELECT MAX(revision) FROM analyses", &[])
        .map_err(pg)?
        .get(0);
    if saved.is_some_and(|s| s > revision) {
        return Ok(false);
    }
    tx.batch_execute(
        "DELETE FROM analyses; DELETE FROM story_articles; DELETE FROM stories;
         DELETE FROM analysed_articles",
    )
    .map_err(pg)?;
    tx.execute(
        "INSERT INTO analyses (revision, articles, settings, report) VALUES ($1, $2, $3, $4)",
        &[&revision, &rows.articles, &settings, &report],
    )
    .map_err(pg)?;
    // Each table in one statement (arrays unnested): a round trip per row would cost
    // more than the rows.
    let stories = &rows.stories;
    tx.execute(
        "INSERT INTO stories (id, key, headline, newest, article_count, contradictions, json)
         SELECT * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[],
             $6::bigint[], $7::text[])",
        &[
            &stories.iter().map(|s| s.id).collect::<Vec<_>>(),
            &stories.iter().map(|s| s.key).collect::<Vec<_>>(),
            &stories.iter().map(|s| s.headline).collect::<Vec<_>>(),
            &stories.iter().map(|s| s.newest).collect::<Vec<_>>(),
            &stories
                .iter()
                .map(|s| s.members.len() as i64)
                .collect::<Vec<_>>(),
            &stories.iter().map(|s| s.contradictions).collect::<Vec<_>>(),
            &stories.iter().map(|s| s.json.as_str()).collect::<Vec<_>>(),
        ],
    )
    .map_err(pg)?;
    tx.execute(
        "INSERT INTO story_search (story, document)
         SELECT story, to_tsvector('english', text)
         FROM UNNEST($1::text[], $2::text[]) AS t (story, text)",
        &[
            &stories.iter().map(|s| s.id).collect::<Vec<_>>(),
            &stories.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
        ],
    )
    .map_err(pg)?;
    let (member_story, member): (Vec<&str>, Vec<&str>) = stories
        .iter()
        .flat_map(|s| s.members.iter().map(move |&m| (s.id, m)))
        .unzip();
    tx.execute(
        "INSERT INTO story_articles (story, article)
         SELECT * FROM UNNEST($1::text[], $2::text[]) ON CONFLICT DO NOTHING",
        &[&member_story, &member],
    )
    .map_err(pg)?;
    let analysed = &rows.analysed;
    tx.execute(
        "INSERT INTO analysed_articles (id, story, outlet, json)
         SELECT DISTINCT ON (id) * FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[])
             AS a (id, story, outlet, json)",
        &[
            &analysed.iter().map(|a| a.0).collect::<Vec<_>>(),
            &analysed.iter().map(|a| a.1).collect::<Vec<_>>(),
            &analysed.iter().map(|a| a.2).collect::<Vec<_>>(),
            &analysed.iter().map(|a| a.3.as_str()).collect::<Vec<_>>(),
        ],
    )
    .map_err(pg)?;
    tx.commit().map_err(pg)?;
    Ok(true)
}

/// The latest analysis: revision, article count, settings and report.
pub(crate) fn analysis(
    client: &mut Client,
    place: &str,
) -> Result<Option<(i64, i64, String, String)>> {
    let row = client
        .query_opt(
            "SELECT revision, articles, settings, report FROM analyses ORDER BY id DESC LIMIT 1",
            &[],
        )
        .map_err(pg_error(place))?;
    Ok(row.map(|r| (r.get(0), r.get(1), r.get(2), r.get(3))))
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
