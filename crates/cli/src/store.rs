//! `parallax add`, `analyze --db` and `export`: articles kept in a store and analysed
//! together, so that new ones join the stories already there.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use parallax_model::{RawArticle, Skipped};
use parallax_pipeline::Settings;
use parallax_store::{Added, Part, Store};

/// Articles stored per transaction: each batch is on disk before the next is read.
const BATCH: usize = 500;

/// An article as `parallax extract` writes it and a store keeps it: its id, where it was
/// read from, the metadata its input declared and its text.
pub(crate) fn extracted_line(a: &RawArticle) -> serde_json::Value {
    let h = &a.header;
    serde_json::json!({
        "id": a.id,
        "source": a.source,
        "title": h.title,
        "outlet": h.outlet,
        "published": h.published.map(|t| t.to_rfc3339()),
        "url": h.url,
        "author": h.author,
        "language": h.language,
        "markup": a.from_markup,
        "text": a.text,
    })
}

/// Opens the store `db` names (a SQLite file, its folder made if missing, or a
/// `postgres://` URL).
pub(crate) fn open(db: &str) -> Result<Store> {
    if !parallax_store::is_postgres(db) {
        let path = Path::new(db);
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
    }
    Ok(Store::connect(db)?)
}

/// Reads every input under `paths` into the store, a batch per transaction; an input
/// that cannot be read is skipped and named, and costs nothing else.
pub(crate) fn add_inputs(
    store: &mut Store,
    paths: &[PathBuf],
    settings: &Settings,
) -> Result<(Added, Vec<Skipped>)> {
    let limits = parallax_ingest::Limits {
        max_article_bytes: settings.max_article_bytes,
    };
    let found = parallax_ingest::discover(paths);
    let mut skipped: Vec<Skipped> = found
        .errors
        .iter()
        .map(parallax_ingest::InputError::skipped)
        .collect();
    let mut total = Added::default();
    let mut batch = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<serde_json::Value>, total: &mut Added| -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let added = store.add(batch)?;
        total.new += added.new;
        total.replaced += added.replaced;
        total.unchanged += added.unchanged;
        batch.clear();
        Ok(())
    };
    for input in &found.inputs {
        for article in parallax_ingest::read(input, limits) {
            match article {
                Ok(a) => batch.push(extracted_line(&a)),
                Err(e) => skipped.push(e.skipped()),
            }
            if batch.len() >= BATCH {
                flush(&mut batch, &mut total)?;
            }
        }
    }
    flush(&mut batch, &mut total)?;
    Ok((total, skipped))
}

/// "parallax: 12 articles added to news.db (3 already there, 1 replaced, 0 skipped)". The
/// skipped inputs themselves are named by the analysis that follows (or, when nothing
/// changed, by [`name_skipped`]).
pub(crate) fn report_added(store: &Store, added: Added, skipped: &[Skipped], quiet: bool) {
    if !quiet {
        eprintln!(
            "parallax: {} articles added to {} ({} already there, {} replaced, {} skipped)",
            added.new,
            store.place(),
            added.unchanged,
            added.replaced,
            skipped.len()
        );
    }
}

/// One line per input that could not be read.
pub(crate) fn name_skipped(skipped: &[Skipped]) {
    for s in skipped {
        eprintln!("skipped {}: {}", s.source, s.problem);
    }
}

/// Analyses everything the store holds, saves the analysis, and writes the report where
/// asked, taking over what it can of `saved`, the store's last analysis. `skipped` are the
/// inputs the add before it could not read.
pub(crate) fn analyse(
    store: &mut Store,
    settings: &Settings,
    saved: Option<parallax_store::Analysis>,
    json: Option<PathBuf>,
    html: Option<PathBuf>,
    quiet: bool,
    skipped: Vec<Skipped>,
) -> Result<ExitCode> {
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    let lines = dir.path().join("stored.jsonl");
    let (revision, left_out) = {
        let mut out = std::io::BufWriter::new(
            std::fs::File::create(&lines)
                .with_context(|| format!("cannot create {}", lines.display()))?,
        );
        let mut fitting = FittingLines::new(&mut out, settings.max_article_bytes);
        let (revision, _) = store.write_lines(&mut fitting)?;
        let left_out = fitting.finish()?;
        std::io::Write::flush(&mut out)?;
        (revision, left_out)
    };
    let reuse = reusable(store, settings, revision, saved)?;
    let mut analysis = crate::run_pipeline(std::slice::from_ref(&lines), settings, quiet, &reuse)?;
    name_stored(&mut analysis.summary.skipped, &lines)?;
    analysis.summary.skipped.extend(skipped);
    analysis.summary.warnings.extend(left_out);
    crate::finish(
        analysis,
        settings,
        json,
        html,
        quiet,
        Some((store, revision)),
    )
}

/// Names each stored article the analysis skipped by its id ("stored article x1") rather
/// than by its line in `lines`, the temporary file the analysis read (an article stored
/// by an older version that this one cannot read).
fn name_stored(skipped: &mut [Skipped], lines: &Path) -> Result<()> {
    let prefix = format!("{}:", lines.display());
    let wanted: std::collections::HashSet<usize> = skipped
        .iter()
        .filter_map(|s| s.source.strip_prefix(&prefix)?.parse().ok())
        .collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let file =
        std::fs::File::open(lines).with_context(|| format!("cannot read {}", lines.display()))?;
    let mut ids = std::collections::HashMap::new();
    for (k, line) in std::io::BufRead::lines(std::io::BufReader::new(file)).enumerate() {
        if wanted.contains(&(k + 1)) {
            let id = serde_json::from_str::<serde_json::Value>(&line?)
                .ok()
                .and_then(|l| l.get("id").and_then(|i| i.as_str()).map(String::from));
            ids.insert(k + 1, id.unwrap_or_else(|| "without an id".into()));
        }
    }
    for s in skipped.iter_mut() {
        let number = s.source.strip_prefix(&prefix).and_then(|n| n.parse().ok());
        if let Some(id) = number.and_then(|n: usize| ids.get(&n)) {
            s.source = format!("stored article {id}");
        }
    }
    Ok(())
}

/// The stored articles' JSON lines on their way to the analysis, less those longer than
/// the analysis reads (`max_article_bytes`, newline included): such an article (stored by
/// an older version, or under a larger bound) would be named as a skipped line of the
/// temporary file on every analysis after; it is left out and named by its id in a
/// warning instead.
struct FittingLines<W> {
    out: W,
    line: Vec<u8>,
    limit: u64,
    left_out: Vec<String>,
}

impl<W: std::io::Write> FittingLines<W> {
    fn new(out: W, limit: u64) -> Self {
        FittingLines {
            out,
            line: Vec::new(),
            limit,
            left_out: Vec::new(),
        }
    }

    /// Writes or leaves out the line now complete.
    fn end_line(&mut self) -> std::io::Result<()> {
        let bytes = self.line.len() as u64 + 1;
        if bytes <= self.limit {
            self.out.write_all(&self.line)?;
            self.out.write_all(b"\n")?;
        } else {
            let id = serde_json::from_slice::<serde_json::Value>(&self.line)
                .ok()
                .and_then(|l| l.get("id").map(ToString::to_string))
                .unwrap_or_else(|| "without an id".to_string());
            self.left_out.push(format!(
                "stored article {id} is {bytes} bytes, over the {}-byte limit for one article (max_article_bytes): left out of the analysis",
                self.limit
            ));
        }
        self.line.clear();
        Ok(())
    }

    /// The warnings naming the articles left out, once every line is written.
    fn finish(mut self) -> std::io::Result<Vec<String>> {
        if !self.line.is_empty() {
            self.end_line()?;
        }
        Ok(self.left_out)
    }
}

impl<W: std::io::Write> std::io::Write for FittingLines<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(at) = rest.iter().position(|&b| b == b'\n') {
            self.line.extend_from_slice(&rest[..at]);
            self.end_line()?;
            rest = &rest[at + 1..];
        }
        self.line.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

/// The stories of the store's last analysis (`saved`) that a new analysis at `revision`
/// may take over: none when it ran with other settings or another version of parallax, else those none of whose articles were
/// added or replaced since. A saved story this version cannot read is simply worked out
/// again.
fn reusable(
    store: &Store,
    settings: &Settings,
    revision: i64,
    saved: Option<parallax_store::Analysis>,
) -> Result<parallax_pipeline::Reuse> {
    let mut reuse = parallax_pipeline::Reuse::default();
    let Some(saved) = saved else {
        return Ok(reuse);
    };
    let same_settings = serde_json::from_str::<serde_json::Value>(&saved.settings)
        .is_ok_and(|s| s == serde_json::to_value(settings).unwrap_or_default());
    // Another version may clean, group or read quotations differently: its findings are
    // not taken over.
    let same_version =
        serde_json::from_str::<String>(&saved.generator).is_ok_and(|g| g == crate::generator());
    if saved.revision > revision || !same_settings || !same_version {
        return Ok(reuse);
    }
    let changed = store.changed_since(saved.revision)?;
    reuse.model = serde_json::from_str::<serde_json::Value>(&saved.summary)
        .ok()
        .and_then(|s| s["embedding_model"].as_str().map(str::to_string));
    // Read in a snapshot of its own: an analysis saved since `saved` was read (another
    // worker's) may have run with other settings, and is not used.
    let mut same = true;
    store.read_analysis(false, &mut |part| {
        match part {
            Part::Head(h) => same = h.revision == saved.revision && h.settings == saved.settings,
            Part::Story(json) if same => {
                // A story this version cannot read is simply worked out again.
                if let Ok(story) = serde_json::from_str::<parallax_model::Story>(json) {
                    if !story.articles.iter().any(|a| changed.contains(a)) {
                        let mut ids = story.articles.clone();
                        ids.sort_unstable();
                        reuse.stories.insert(ids, story);
                    }
                }
            }
            _ => {}
        }
        Ok(())
    })?;
    if !same {
        reuse.stories.clear();
    }
    Ok(reuse)
}

/// Writes the stored report: put together from the saved rows when they cover every stored
/// article and only JSON is asked for, else after analysing the store again with the settings it last ran with.
pub(crate) fn export(
    store: &mut Store,
    json: Option<PathBuf>,
    html: Option<PathBuf>,
    quiet: bool,
) -> Result<ExitCode> {
    let saved = store.analysis()?;
    if let (Some(_), None, true) = (&saved, &html, store.is_current()?) {
        if let Some(path) = &json {
            let articles = write_saved(store, path)?;
            if !quiet && path.as_os_str() != "-" {
                eprintln!(
                    "parallax: report of {articles} articles written to {}",
                    path.display()
                );
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let settings = stored_settings(&saved)?;
    analyse(store, &settings, saved, json, html, quiet, Vec::new())
}

/// Writes the saved analysis's JSON report to `path` (`-`: standard output) from its rows,
/// the same bytes as the analysis wrote; returns how many articles it covers.
fn write_saved(store: &Store, path: &PathBuf) -> Result<usize> {
    let out = crate::output(path)?;
    let mut out = Some(out);
    let mut report = None;
    let mut articles = 0;
    let writing = |e: parallax_report::Error| parallax_store::Error::Io(std::io::Error::other(e));
    store
        .read_analysis(true, &mut |part| {
            match part {
                Part::Head(h) => {
                    articles = h.articles;
                    let out = out.take().expect("one head");
                    report = Some(
                        parallax_report::JsonWriter::start(
                            out,
                            &h.generator,
                            &h.settings,
                            &h.summary,
                        )
                        .map_err(writing)?,
                    );
                }
                Part::Article(json) => report
                    .as_mut()
                    .expect("a head")
                    .article(json)
                    .map_err(writing)?,
                Part::Story(json) => report
                    .as_mut()
                    .expect("a head")
                    .story(json)
                    .map_err(writing)?,
            }
            Ok(())
        })
        .with_context(|| format!("writing {}", path.display()))?;
    if let Some(r) = report {
        r.finish()
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(articles)
}

/// The settings an analysis ran with, or the defaults when there was none.
fn stored_settings(analysis: &Option<parallax_store::Analysis>) -> Result<Settings> {
    Ok(match analysis {
        Some(a) => serde_json::from_str(&a.settings).context("the stored settings")?,
        None => Settings::default(),
    })
}

/// Analyses the store again, with the settings it last ran with, when articles changed
/// since its last analysis.
fn refresh(store: &mut Store, quiet: bool) -> Result<()> {
    if store.article_count()? > 0 && !store.is_current()? {
        let saved = store.analysis()?;
        let settings = stored_settings(&saved)?;
        analyse(store, &settings, saved, None, None, quiet, Vec::new())?;
    }
    Ok(())
}

/// Posted articles, each read first as the analysis will read it: the first that cannot be
/// read is named with its problem, and none is stored.
fn readable(lines: &[serde_json::Value]) -> std::result::Result<Vec<serde_json::Value>, String> {
    lines
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let name = match line["id"].as_str() {
                Some(id) => format!("article {id}"),
                None => format!("article {}", k + 1),
            };
            parallax_ingest::PendingLine::given(&name, line.to_string())
                .parse()
                .map(|_| line.clone())
                .map_err(|e| format!("{name}: {}", e.problem))
        })
        .collect()
}

/// `parallax serve`: the store's API and pages; articles posted are stored and the store
/// analysed again with the settings it last ran with (and refused when larger than their
/// `max_article_bytes`). Host names the server answers to for writes, besides its
/// addresses and `localhost`, come from `PARALLAX_HOSTS` (comma-separated).
pub(crate) fn serve(db: String, addr: String, token: Option<String>) -> Result<ExitCode> {
    // Articles stored since the last analysis (an add that was stopped) are analysed first.
    let mut store = open(&db)?;
    refresh(&mut store, false)?;
    let place = store.place().to_string();
    let settings = stored_settings(&store.analysis()?)?;
    drop(store);
    let options = parallax_serve::Options {
        db: db.clone(),
        addr,
        token,
        threads: std::thread::available_parallelism().map_or(4, |n| n.get() * 2),
        hosts: std::env::var("PARALLAX_HOSTS")
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(String::from)
            .collect(),
        max_article_bytes: settings.max_article_bytes,
    };
    let add = move |lines: &[serde_json::Value]| {
        // Only what the analysis will read is stored, as an add from files stores it.
        let lines = readable(lines).map_err(parallax_serve::AddError::Refused)?;
        let run = || -> Result<String> {
            let mut store = Store::connect(&db)?;
            let added = store.add(&lines)?;
            refresh(&mut store, true)?;
            Ok(format!(
                "{} articles added ({} already there, {} replaced)",
                added.new, added.unchanged, added.replaced
            ))
        };
        run().map_err(|e| parallax_serve::AddError::Failed(format!("{e:#}")))
    };
    parallax_serve::serve(&options, std::sync::Arc::new(add), &|at| {
        eprintln!("parallax: serving {place} on http://{at}/");
    })
    .map_err(anyhow::Error::msg)?;
    Ok(ExitCode::SUCCESS)
}
