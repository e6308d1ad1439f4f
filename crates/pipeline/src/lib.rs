//! The pipeline: ingest → clean → stories, with its settings as one serde type.
//!
//! Articles are read and cleaned in parallel batches and spooled to a temporary file as
//! they are done; only each article's compact [`Features`] stay in memory for grouping, so
//! memory grows with the number of articles' summaries, not with the bytes read. Finished
//! stories are spooled the same way. [`Analysis::articles`] streams the cleaned articles
//! back, each with its story, and [`Analysis::stories`] the stories.
//!
//! ```
//! use parallax_pipeline::{analyze, Settings};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("a.txt"), "Title: Dam opens\n\nThe Lisk dam opened on Tuesday, officials said.").unwrap();
//! std::fs::write(dir.path().join("b.txt"), [0u8, 159, 146, 150]).unwrap();
//! let analysis = analyze(&[dir.path().to_path_buf()], &Settings::default(), &|_| {}).unwrap();
//! assert_eq!(analysis.summary.articles, 1);
//! assert!(analysis.summary.skipped[0].problem.contains("binary"));
//! let a = analysis.articles().unwrap().next().unwrap().unwrap();
//! assert_eq!(a.story, analysis.story(0).unwrap().id);
//! ```

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::time::Instant;

use parallax_embed::{Embedder, MiniLm};
use parallax_ingest::{Format, InputError, Limits};
use parallax_model::{Article, CopyOf, Kind, LineageLink, RawArticle, Skipped, Story, Summary};
use parallax_stories::Features;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Every knob of a run, saved in the report so that it says how it was made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Largest text article file, in bytes; larger files are skipped.
    pub max_article_bytes: u64,
    /// Articles read and cleaned together in one parallel batch.
    pub batch_size: usize,
    /// Cleaning.
    pub clean: parallax_clean::Settings,
    /// Story grouping.
    pub stories: parallax_stories::Settings,
    /// Sentence embeddings.
    pub embeddings: EmbeddingSettings,
    /// Articles per story whose statements are compared for facts (the first ones read):
    /// comparing is quadratic in a story's statements, so a story of hundreds of articles
    /// is checked on a sample.
    pub facts_max_articles: usize,
    /// The most of an article's body, in bytes, that is read for quotations, names, dates
    /// and facts: the body's paragraphs up to this size (a single larger paragraph cut at
    /// it). Real articles, long transcripts included, are well under it; past it the
    /// reading would grow faster than the text, so the rest is left unread, with a
    /// warning naming the article. The whole body is still cleaned, grouped and reported.
    pub max_read_bytes: usize,
    /// The most quotations and reports of speech of one article that are aligned with
    /// other outlets' (those in quote marks first); real articles hold a few dozen.
    pub max_quotations: usize,
    /// The most text of one story, in bytes, whose statements are compared for facts:
    /// each compared article gives its first paragraphs up to an equal share of it, and
    /// never less than 16 KiB (a long news report). Comparing grows with the square of
    /// the statements compared.
    pub facts_max_bytes: usize,
}

/// The least of an article's body whose statements are compared for facts, however many
/// articles share [`Settings::facts_max_bytes`].
const MIN_FACT_BYTES: usize = 16 * 1024;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            max_article_bytes: Limits::default().max_article_bytes,
            batch_size: 512,
            clean: parallax_clean::Settings::default(),
            stories: parallax_stories::Settings::default(),
            embeddings: EmbeddingSettings::default(),
            facts_max_articles: 20,
            max_read_bytes: 256 * 1024,
            max_quotations: 300,
            facts_max_bytes: 128 * 1024,
        }
    }
}

/// Whether and how articles are embedded for story grouping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct EmbeddingSettings {
    /// Use a sentence-embedding model when one is found (`scripts/fetch-model`): it aligns
    /// quotations that outlets reworded, and adds to story similarity when
    /// `stories.embedding_weight` is above 0. Without one, or with this off, both work on
    /// words alone.
    pub enabled: bool,
    /// The model folder; by default `PARALLAX_MODEL_DIR`, else `models/all-minilm-l6-v2`.
    pub model_dir: Option<PathBuf>,
    /// Word pieces of each article (headline first) that are embedded.
    pub max_tokens: usize,
    /// Join, with the model, single-source facts that two outlets state in their own words
    /// into agreed facts ([`parallax_facts::agree_by_meaning`]). Off by default: it embeds
    /// a few sentences of every story, about a twentieth of the second pass on the
    /// generated 100k corpus, for one agreement in forty on labelled stories.
    #[serde(default)]
    pub facts_by_meaning: bool,
}

impl Default for EmbeddingSettings {
    fn default() -> Self {
        EmbeddingSettings {
            enabled: true,
            model_dir: None,
            max_tokens: 128,
            facts_by_meaning: false,
        }
    }
}

/// The embedding model these settings ask for, loaded the first time it is needed (the
/// weights are 90 MB, and a corpus without reworded quotations never needs them).
struct Model {
    dir: Option<PathBuf>,
    max_tokens: usize,
    loaded: std::sync::OnceLock<Option<MiniLm>>,
    problem: std::sync::Mutex<Option<String>>,
}

impl Model {
    /// Finds the model folder and checks it cheaply; a folder that was asked for and is
    /// missing, or a model that is broken, is a warning, and the run goes on without it.
    fn find(s: &EmbeddingSettings, warnings: &mut Vec<String>) -> Model {
        let mut dir = None;
        if s.enabled {
            match parallax_embed::locate(s.model_dir.as_deref()) {
                Some(d) => match MiniLm::check(&d) {
                    Ok(()) => dir = Some(d),
                    Err(e) => warnings.push(format!(
                        "embedding model not used: {e}; the run goes on with words alone"
                    )),
                },
                None => {
                    if let Some(asked) = parallax_embed::asked_for(s.model_dir.as_deref()) {
                        warnings.push(format!(
                            "{}: no embedding model there (config.json, vocab.txt, \
                             model.safetensors); the run goes on with words alone",
                            asked.display()
                        ));
                    }
                }
            }
        }
        Model {
            dir,
            max_tokens: s.max_tokens,
            loaded: std::sync::OnceLock::new(),
            problem: std::sync::Mutex::new(None),
        }
    }

    /// The model's name, when there is one to use.
    fn name(&self) -> Option<String> {
        let dir = self.dir.as_ref()?;
        dir.file_name().map(|n| n.to_string_lossy().into_owned())
    }

    /// The loaded model, loading it on first use.
    fn get(&self) -> Option<&MiniLm> {
        let dir = self.dir.as_ref()?;
        self.loaded
            .get_or_init(|| match MiniLm::load(dir, self.max_tokens) {
                Ok(m) => Some(m),
                Err(e) => {
                    let mut p = self.problem.lock().unwrap_or_else(|e| e.into_inner());
                    *p = Some(format!(
                        "embedding model not used: {e}; the run goes on with words alone"
                    ));
                    None
                }
            })
            .as_ref()
    }
}

/// Cleans, describes and serialises one article, and finds the place it names, on a
/// worker thread.
fn prepare(
    raw: parallax_model::RawArticle,
    settings: &Settings,
    model: &Model,
    failed_embeddings: &std::sync::atomic::AtomicUsize,
) -> Prepared {
    let article = parallax_clean::clean(&raw, &settings.clean);
    let mut features = Features::of(&article, &settings.stories.weights);
    // Articles are embedded only when story similarity uses it; asking first keeps the
    // model unloaded otherwise.
    let wanted = settings.stories.embedding_weight > 0.0;
    if let Some(m) = wanted.then(|| model.get()).flatten() {
        let text = embedded_text(&article, settings.embeddings.max_tokens);
        match m.embed(&[&text]) {
            Ok(v) => features.set_embedding(&v[0]),
            Err(_) => {
                failed_embeddings.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
    }
    let json = serde_json::to_vec(&article).expect("an article serialises");
    let zone = parallax_facts::article_zone(
        article.dateline.as_deref(),
        article.body_paragraphs().next().unwrap_or(""),
    );
    (article, features, json, zone)
}

/// The passage of an article that is embedded: its headline and the opening of its body
/// (enough characters for any `max_tokens`; the tokenizer cuts the rest).
fn embedded_text(a: &Article, max_tokens: usize) -> String {
    let budget = max_tokens * 8;
    let mut text = a.title.clone().unwrap_or_default();
    text.push('\n');
    let end = a
        .body
        .char_indices()
        .nth(budget)
        .map_or(a.body.len(), |(i, _)| i);
    text.push_str(&a.body[..end]);
    text
}

/// What can stop a whole run (a bad input never does: it is skipped and reported).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The temporary spool file failed.
    #[error("spool file: {0}")]
    Spool(#[from] std::io::Error),
    /// A spooled article could not be read back.
    #[error("spool file is corrupt: {0}")]
    Corrupt(#[from] serde_json::Error),
}

/// A `Result` whose error is the pipeline's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// How far a run has come.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Input files finished.
    pub files_done: usize,
    /// Input files in all.
    pub files: usize,
    /// Articles cleaned so far.
    pub articles: usize,
}

/// A short description of each article, kept in memory for reports and listings.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Article id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Kind.
    pub kind: Kind,
    /// Publication time, when the article gives one.
    pub published: Option<chrono::DateTime<chrono::FixedOffset>>,
    /// The time zone of the place its dateline (`true`) or opening names, if known.
    pub zone: Option<(parallax_facts::Tz, bool)>,
}

/// The result of a run.
#[derive(Debug)]
pub struct Analysis {
    spool: Spool,
    /// Each article's short description, in input order.
    pub entries: Vec<Entry>,
    story_of: Vec<usize>,
    /// For an undated article, its story's earliest publication time.
    inferred: Vec<Option<chrono::DateTime<chrono::FixedOffset>>>,
    copy_of: Vec<Option<CopyOf>>,
    /// The finished stories.
    stories: Spool,
    /// How the run went.
    pub summary: Summary,
}

/// An article made ready on a worker thread: cleaned, described, serialised.
/// A cleaned article, its grouping features, its spooled JSON, and the time zone of the
/// place it names.
type Prepared = (
    Article,
    Features,
    Vec<u8>,
    Option<(parallax_facts::Tz, bool)>,
);

enum Unit {
    File(PathBuf),
    Line(std::result::Result<parallax_ingest::PendingLine, InputError>),
    Record(std::result::Result<parallax_ingest::PendingRecord, InputError>),
    Entry(std::result::Result<parallax_ingest::PendingEntry, InputError>),
}

/// What an earlier analysis found that a run may take over: the findings (names,
/// quotations, reported speech, facts, timeline) of stories none of whose articles changed
/// since. A story of the new run takes them when it has exactly the same articles, the
/// same copies among them, and the run has the same embedding model; every other story is
/// worked out afresh. The caller vouches that the settings are the same and that the
/// articles of each story given are unchanged.
#[derive(Debug, Default)]
pub struct Reuse {
    /// The embedding model the earlier analysis ran with.
    pub model: Option<String>,
    /// Stories of the earlier analysis, by their article ids, sorted.
    pub stories: std::collections::HashMap<Vec<String>, Story>,
}

/// Each unit of a batch read, cleaned, described and serialised on the worker threads, in
/// order. A failure inside parallax on one input costs that input only: it is skipped,
/// named, and the rest of the batch goes on.
fn prepared(
    batch: Vec<(Unit, bool)>,
    limits: Limits,
    settings: &Settings,
    model: &Model,
    failed_embeddings: &std::sync::atomic::AtomicUsize,
) -> Vec<std::result::Result<Prepared, Skipped>> {
    batch
        .into_par_iter()
        .filter_map(|(unit, _)| {
            let source = unit.source_name();
            let work = || {
                let raw = unit.read(limits)?;
                Some(raw.map(|raw| prepare(raw, settings, model, failed_embeddings)))
            };
            match guarded(work) {
                Ok(done) => done.map(|d| d.map_err(|e| e.skipped())),
                Err(problem) => Some(Err(Skipped { source, problem })),
            }
        })
        .collect()
}

impl Unit {
    /// The units of one input, each with whether it is the input's last (for counting
    /// files done): a text file is one; JSON lines, feed entries and WARC records are
    /// streamed.
    fn all_of(
        input: &parallax_ingest::Input,
        limits: Limits,
    ) -> Box<dyn Iterator<Item = (Unit, bool)> + Send> {
        match input.format {
            Format::Text => Box::new(std::iter::once((Unit::File(input.path.clone()), true))),
            Format::JsonLines => {
                let mut lines = parallax_ingest::json_lines(input, limits).peekable();
                Box::new(std::iter::from_fn(move || {
                    let unit = lines.next()?;
                    Some((Unit::Line(unit), lines.peek().is_none()))
                }))
            }
            Format::Feed => {
                let entries = parallax_ingest::feed_entries(input, limits);
                let n = entries.len();
                Box::new(
                    entries
                        .into_iter()
                        .enumerate()
                        .map(move |(k, e)| (Unit::Entry(e), k + 1 == n)),
                )
            }
            Format::Warc => {
                let mut records = parallax_ingest::warc_records(input, limits).peekable();
                Box::new(std::iter::from_fn(move || {
                    let unit = records.next()?;
                    Some((Unit::Record(unit), records.peek().is_none()))
                }))
            }
        }
    }

    /// Where the unit comes from, to name it if its work fails.
    fn source_name(&self) -> String {
        match self {
            Unit::File(path) => path.display().to_string(),
            Unit::Line(Ok(line)) => line.source_name(),
            Unit::Record(Ok(record)) => record.source_name(),
            Unit::Entry(Ok(entry)) => entry.source_name().to_string(),
            Unit::Line(Err(e)) | Unit::Record(Err(e)) | Unit::Entry(Err(e)) => {
                e.source_name.clone()
            }
        }
    }

    /// The unit read as an article, or `None` for a web-archive record that holds no
    /// HTML page (no article, and no error either).
    fn read(self, limits: Limits) -> Option<std::result::Result<RawArticle, InputError>> {
        Some(match self {
            Unit::File(path) => parallax_ingest::read_text(&path, limits),
            Unit::Line(line) => line.and_then(|l| l.parse()),
            Unit::Entry(entry) => entry.and_then(|e| e.parse()),
            Unit::Record(record) => match record {
                Ok(r) => r.parse(limits)?,
                Err(e) => Err(e),
            },
        })
    }
}

/// `work`'s result, or, when it panics, what a report says of the input or story it was
/// for: parallax failed on it, with the panic's message (the rest of the run goes on).
fn guarded<T>(work: impl FnOnce() -> T) -> std::result::Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "no message".to_string());
        format!("parallax failed on it (internal error: {message}); the rest was analysed")
    })
}

/// Reads, cleans and groups everything under `paths`.
pub fn analyze(
    paths: &[PathBuf],
    settings: &Settings,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Analysis> {
    analyze_reusing(paths, settings, progress, &Reuse::default())
}

/// As [`analyze`], taking over what `reuse` holds where it still holds.
pub fn analyze_reusing(
    paths: &[PathBuf],
    settings: &Settings,
    progress: &(dyn Fn(Progress) + Sync),
    reuse: &Reuse,
) -> Result<Analysis> {
    let started = Instant::now();
    let limits = Limits {
        max_article_bytes: settings.max_article_bytes,
    };
    let found = parallax_ingest::discover(paths);
    let mut summary = Summary {
        ignored_files: found.ignored,
        ..Summary::default()
    };
    summary
        .skipped
        .extend(found.errors.iter().map(InputError::skipped));
    let model = Model::find(&settings.embeddings, &mut summary.warnings);
    summary.embedding_model = model.name();
    let failed_embeddings = std::sync::atomic::AtomicUsize::new(0);

    let files = found.inputs.len();
    let mut files_done = 0;
    let mut units = found
        .inputs
        .iter()
        .flat_map(|input| Unit::all_of(input, limits));

    let mut spool = Spooler::new()?;
    let mut features: Vec<Features> = Vec::new();
    let mut entries = Vec::new();
    let mut ids = HashSet::new();
    loop {
        let batch: Vec<(Unit, bool)> = units.by_ref().take(settings.batch_size.max(1)).collect();
        if batch.is_empty() {
            break;
        }
        files_done += batch.iter().filter(|(_, last)| *last).count();
        // Reading, parsing, cleaning, describing and serialising each article all happen
        // on the worker threads; this thread only keeps order and writes the spool.
        let done = prepared(batch, limits, settings, &model, &failed_embeddings);
        for result in done {
            let (mut article, mut described, mut json, zone) = match result {
                Ok(x) => x,
                Err(skipped) => {
                    summary.skipped.push(skipped);
                    continue;
                }
            };
            if !ids.insert(article.id.clone()) {
                let base = article.id.clone();
                let id = (2..)
                    .map(|n| format!("{base}~{n}"))
                    .find(|id| !ids.contains(id))
                    .expect("a free id");
                summary.warnings.push(format!(
                    "{}: id {base} is used by an earlier article; this one is {id}",
                    article.source
                ));
                ids.insert(id.clone());
                described.rename(&id);
                article.id = id;
                json = serde_json::to_vec(&article)?;
            }
            features.push(described);
            entries.push(Entry {
                zone,
                id: article.id,
                title: article.title,
                outlet: article.outlet,
                kind: article.kind,
                published: article.published,
            });
            spool.push(&json)?;
        }
        progress(Progress {
            files_done,
            files,
            articles: entries.len(),
        });
    }
    let spool = spool.finish()?;
    let failed = failed_embeddings.into_inner();
    if failed > 0 {
        summary.warnings.push(format!(
            "{failed} articles could not be embedded and were grouped by their words alone"
        ));
    }
    let cleaned_at = started.elapsed().as_secs_f64();
    summary
        .stage_seconds
        .insert("read_and_clean".into(), cleaned_at);

    let grouping = parallax_stories::group(&features, &settings.stories);
    let stories_took = started.elapsed().as_secs_f64() - cleaned_at;
    // A story's key needs the grouping's inputs; the rest of it is built in the second pass.
    let keys: Vec<String> = grouping
        .stories
        .iter()
        .map(|g| parallax_stories::story_key(&features, &g.members))
        .collect();
    // The grouping's inputs are no longer needed: free them before the second pass.
    drop(features);

    // An undated article takes its story's earliest publication time, marked inferred.
    let mut story_time: Vec<Option<chrono::DateTime<chrono::FixedOffset>>> =
        vec![None; grouping.stories.len()];
    for (i, e) in entries.iter().enumerate() {
        let slot = &mut story_time[grouping.story_of[i]];
        if let Some(t) = e.published {
            if slot.is_none_or(|s| t < s) {
                *slot = Some(t);
            }
        }
    }
    let inferred: Vec<Option<chrono::DateTime<chrono::FixedOffset>>> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            if e.published.is_none() {
                story_time[grouping.story_of[i]]
            } else {
                None
            }
        })
        .collect();
    // Days are those of the place the story happened, where it is known.
    let zones: Vec<Option<parallax_facts::Tz>> = grouping
        .stories
        .iter()
        .map(|g| {
            let named: Vec<_> = g.members.iter().map(|&m| entries[m].zone).collect();
            parallax_facts::story_zone(&named)
        })
        .collect();
    let days: Vec<Option<chrono::NaiveDate>> = entries
        .iter()
        .zip(&inferred)
        .enumerate()
        .map(|(i, (e, inf))| {
            let zone = zones[grouping.story_of[i]];
            e.published
                .or(*inf)
                .map(|t| parallax_facts::local_day(t, zone))
        })
        .collect();
    let known = Known {
        entries: &entries,
        keys: &keys,
        zones: &zones,
        days: &days,
    };
    let reuse = (reuse.model == summary.embedding_model).then_some(reuse);
    let (stories, reused) = second_pass(
        &spool,
        &grouping.stories,
        &known,
        settings,
        &model,
        reuse,
        &mut summary.warnings,
    )?;
    summary.reused_stories = reused;
    if let Some(p) = model
        .problem
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .take()
    {
        summary.warnings.push(p);
        summary.embedding_model = None;
    }
    drop(model);
    let quotes_took = started.elapsed().as_secs_f64() - cleaned_at - stories_took;
    summary
        .stage_seconds
        .insert("quotes_and_dates".into(), quotes_took);
    let copy_of = grouping
        .copy_of
        .iter()
        .map(|c| {
            c.map(|(o, similarity)| CopyOf {
                article: entries[o].id.clone(),
                similarity,
            })
        })
        .collect();
    summary.articles = entries.len();
    summary.stories = grouping.stories.len();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.stage_seconds.insert("stories".into(), stories_took);
    Ok(Analysis {
        spool,
        inferred,
        entries,
        story_of: grouping.story_of,
        copy_of,
        stories,
        summary,
    })
}

/// What the first pass knows about every article and story that the second needs.
struct Known<'a> {
    entries: &'a [Entry],
    /// Each story's key.
    keys: &'a [String],
    /// Each story's time zone.
    zones: &'a [Option<parallax_facts::Tz>],
    /// Each article's local publication day.
    days: &'a [Option<chrono::NaiveDate>],
}

/// Stories put together at once by the second pass: enough to keep both threads busy with
/// stories of very different sizes, few enough that the finished stories of one chunk are
/// a small part of memory.
const STORY_CHUNK: usize = 1024;

/// Story `n` as grouping left it: its members, headline, origin and lineage, with the
/// findings of the second pass still empty.
fn skeleton(n: usize, g: &parallax_stories::Group, known: &Known) -> Story {
    let entries = known.entries;
    let mut outlets: Vec<String> = Vec::new();
    for &m in &g.members {
        if let Some(o) = &entries[m].outlet {
            if !outlets.contains(o) {
                outlets.push(o.clone());
            }
        }
    }
    Story {
        id: format!("S{}", n + 1),
        key: known.keys[n].clone(),
        headline: g.headline.clone(),
        articles: g.members.iter().map(|&m| entries[m].id.clone()).collect(),
        origin: g.origin.map(|o| entries[o].id.clone()),
        outlets,
        lineage: g
            .lineage
            .iter()
            .map(|l| LineageLink {
                article: entries[l.article].id.clone(),
                source: entries[l.source].id.clone(),
                relation: match l.relation {
                    parallax_stories::Relation::Copy => "copy".into(),
                    parallax_stories::Relation::Rewrite => "rewrite".into(),
                },
                similarity: l.similarity,
            })
            .collect(),
        entities: Vec::new(),
        quotes: Vec::new(),
        reported_speech: Vec::new(),
        facts: Vec::new(),
        timeline: Vec::new(),
        time_zone: known.zones[n].map(|z| z.name().to_string()),
        problem: None,
    }
}

/// A second pass over the spooled articles, story by story: each story's members are read
/// back from the spool by position, and their quotations, reported speech, names, dates
/// and statements are found and put together. Stories are done a chunk at a time (in
/// parallel within the chunk) and each finished story is spooled to a file of its own, so
/// memory holds one chunk of stories whatever the corpus's size.
fn second_pass(
    spool: &Spool,
    groups: &[parallax_stories::Group],
    known: &Known,
    settings: &Settings,
    model: &Model,
    reuse: Option<&Reuse>,
    warnings: &mut Vec<String>,
) -> Result<(Spool, usize)> {
    let mut out = Spooler::new()?;
    let mut reused = 0;
    for (c, chunk) in groups.chunks(STORY_CHUNK).enumerate() {
        let done: Vec<Result<Done>> = chunk
            .par_iter()
            .enumerate()
            .map(|(k, g)| {
                let n = c * STORY_CHUNK + k;
                let story = skeleton(n, g, known);
                if let Some(story) = reuse.and_then(|r| taken_over(r, &story)) {
                    return Ok((serde_json::to_vec(&story)?, true, Vec::new()));
                }
                let (story, notes) = worked_out(spool, story, (n, g), known, settings, model)?;
                Ok((serde_json::to_vec(&story)?, false, notes))
            })
            .collect();
        for done in done {
            let (json, was_reused, notes) = done?;
            reused += usize::from(was_reused);
            warnings.extend(notes);
            out.push(&json)?;
        }
    }
    Ok((out.finish()?, reused))
}

/// A story done by the second pass: its JSON, whether it was taken over from an earlier
/// analysis, and the warnings its work gave.
type Done = (Vec<u8>, bool, Vec<String>);

/// `story` (the skeleton of story `n`, grouped as `g`) with its findings worked out, and
/// the warnings the work gave. A failure inside parallax on the story costs its findings
/// only: the skeleton is made again, keeping its articles and lineage, and says why the
/// rest is missing.
fn worked_out(
    spool: &Spool,
    story: Story,
    (n, g): (usize, &parallax_stories::Group),
    known: &Known,
    settings: &Settings,
    model: &Model,
) -> Result<(Story, Vec<String>)> {
    let mut notes = Vec::new();
    let work = || {
        put_together(
            spool, story, &g.members, known.days, settings, model, &mut notes,
        )
    };
    let story = match guarded(work) {
        Ok(story) => story?,
        Err(problem) => Story {
            problem: Some(problem),
            ..skeleton(n, g, known)
        },
    };
    if let Some(p) = &story.problem {
        let articles = story.articles.join(", ");
        notes.push(format!(
            "story {} ({articles}): its findings are missing: {p}",
            story.id
        ));
    }
    Ok((story, notes))
}

/// `story` (a skeleton) with the findings of the earlier story of the same articles and
/// the same copies among them, if `reuse` holds one.
fn taken_over(reuse: &Reuse, story: &Story) -> Option<Story> {
    let mut ids = story.articles.clone();
    ids.sort_unstable();
    let earlier = reuse.stories.get(&ids)?;
    if copies(earlier) != copies(story) {
        return None;
    }
    let mut story = story.clone();
    story.entities = earlier.entities.clone();
    story.quotes = earlier.quotes.clone();
    story.reported_speech = earlier.reported_speech.clone();
    story.facts = earlier.facts.clone();
    story.timeline = earlier.timeline.clone();
    Some(story)
}

/// Finds the quotations, reported speech, names, dates and facts of one story's members.
fn put_together(
    spool: &Spool,
    mut story: Story,
    members: &[usize],
    days: &[Option<chrono::NaiveDate>],
    settings: &Settings,
    model: &Model,
    notes: &mut Vec<String>,
) -> Result<Story> {
    let mut quotes = Vec::new();
    let mut roles = parallax_quotes::Roles::default();
    let mut dated = Vec::new();
    let mut named = Vec::new();
    let mut claimed = Vec::new();
    let mut detailed = Vec::new();
    let mut published = Vec::new();
    let mut places = HashMap::new();
    let compared = members.len().min(settings.facts_max_articles).max(1);
    let fact_bytes = (settings.facts_max_bytes / compared).max(MIN_FACT_BYTES);
    // Input order within the story, so that results do not depend on threads.
    let mut order: Vec<usize> = members.to_vec();
    order.sort_unstable();
    for (rank, &i) in order.iter().enumerate() {
        let a: Article = spool.read(i)?;
        if let Some(t) = a.published {
            published.push((a.id.clone(), t));
        }
        let paragraphs = read_part(&a, settings, notes);
        let several = members.len() >= 2;
        let Quoted {
            found,
            starts,
            names,
            roles: mut mentions,
        } = quoted(&a, &paragraphs, several, settings, &mut roles, notes);
        // Where each body paragraph starts (the reading's, past its headline).
        let body_starts = &starts[starts.len() - paragraphs.len()..];
        if !found.is_empty() {
            quotes.push((a.id.clone(), found));
        }
        if let Some(day) = days[i] {
            let t = parallax_facts::timeline(&[(a.id.clone(), paragraphs.clone(), day)]);
            let dates = t.iter().flat_map(|e| &e.mentions).map(|m| m.text.as_str());
            first_places(&a.id, &paragraphs, body_starts, dates, &mut places);
            if !t.is_empty() {
                dated.push(t);
            }
        }
        // Facts are compared across outlets, never taken from opinion columns, and
        // checked on the first articles of a very large story.
        if members.len() >= 2 && rank < settings.facts_max_articles && a.kind == Kind::News {
            let (stated, cut) = within(paragraphs.iter().copied(), fact_bytes);
            if cut {
                notes.push(cut_note(
                    &a.id,
                    "facts were compared",
                    fact_bytes,
                    "facts_max_bytes",
                ));
            }
            claimed.push((a.id.clone(), parallax_facts::clauses(&stated)));
            let mut found = parallax_facts::details(&stated, days[i], &names);
            if a.published.is_none() {
                found = found.with_borrowed_day();
            }
            detailed.push((a.id.clone(), found));
        }
        mentions.splice(0..0, names);
        let printed = mentions.iter().map(|m| m.text.as_str());
        first_places(&a.id, &paragraphs, body_starts, printed, &mut places);
        if !mentions.is_empty() {
            named.push((a.id.clone(), mentions));
        }
    }
    // "The minister said" in one article is the minister another names.
    for (_, found) in &mut quotes {
        roles.name_speakers(found);
    }
    let aligned = if model.dir.is_some() {
        parallax_quotes::align_by_meaning(&quotes, &|texts| model.get()?.embed(texts).ok())
    } else {
        parallax_quotes::align(&quotes)
    };
    (story.quotes, story.reported_speech) = parallax_quotes::split_reported(aligned);
    story.timeline = parallax_facts::merge(dated);
    story.entities = parallax_facts::entities(&named);
    place_mentions(&mut story, &places);
    tie_speakers(&mut story);
    story.facts = parallax_facts::facts(&claimed, &detailed, &story.quotes);
    if settings.embeddings.facts_by_meaning && model.dir.is_some() {
        parallax_facts::agree_by_meaning(&mut story.facts, &|texts| model.get()?.embed(texts).ok());
    }
    let copied = copies(&story);
    parallax_facts::copies_are_one_source(&mut story.facts, &copied);
    parallax_facts::later_updates(&mut story.facts, &published);
    Ok(story)
}

/// One reading of article `a` (its headline, then its body `paragraphs`): its quotations
/// and reports of speech, at most [`Settings::max_quotations`] of them, with sentences
/// that render no quotation of their own kept only in a story of `several` articles (where
/// they may render another outlet's); and where each paragraph read starts in the input
/// text. The reading's roles are noted in `roles`, quotations left out in `notes`.
fn quoted(
    a: &Article,
    paragraphs: &[&str],
    several: bool,
    settings: &Settings,
    roles: &mut parallax_quotes::Roles,
    notes: &mut Vec<String>,
) -> Quoted {
    let headline = a.title.as_deref().filter(|t| !t.trim().is_empty());
    let read: Vec<&str> = headline
        .into_iter()
        .chain(paragraphs.iter().copied())
        .collect();
    let reading = parallax_read::read(&read);
    let starts = input_starts(a, headline.is_some(), paragraphs.len());
    let mut found = parallax_quotes::said(&reading, &starts);
    if several {
        found.extend(parallax_quotes::unmarked(&reading, &starts));
    }
    if headline.is_some() {
        parallax_quotes::in_headline(&mut found);
    }
    if found.len() > settings.max_quotations {
        found.truncate(settings.max_quotations);
        notes.push(format!(
            "{}: only its first {} quotations and reports were aligned (max_quotations)",
            a.id, settings.max_quotations
        ));
    }
    roles.read(&reading);
    let body = usize::from(headline.is_some());
    Quoted {
        found,
        starts,
        names: parallax_facts::names_read(&reading, body),
        roles: parallax_facts::role_mentions(&reading, body),
    }
}

/// What [`quoted`] reads of an article.
struct Quoted {
    /// Its quotations and reports of speech.
    found: Vec<parallax_quotes::Found>,
    /// Where each paragraph read starts in the input text.
    starts: Vec<Option<usize>>,
    /// The names its body prints.
    names: Vec<parallax_facts::NameMention>,
    /// "The mayor" as a mention of the one person its body calls the mayor.
    roles: Vec<parallax_facts::NameMention>,
}

/// The part of article `a`'s body that is read ([`Settings::max_read_bytes`]); a cut is
/// noted in `notes`.
fn read_part<'a>(a: &'a Article, settings: &Settings, notes: &mut Vec<String>) -> Vec<&'a str> {
    let (paragraphs, cut) = within(a.body_paragraphs(), settings.max_read_bytes);
    if cut {
        let read = "quotations, names, dates and facts were read";
        notes.push(cut_note(
            &a.id,
            read,
            settings.max_read_bytes,
            "max_read_bytes",
        ));
    }
    paragraphs
}

/// The warning for article `id` whose body was cut at `bytes` (the setting `setting`)
/// for `what`.
fn cut_note(id: &str, what: &str, bytes: usize, setting: &str) -> String {
    format!("{id}: {what} on the first {bytes} bytes of its body ({setting})")
}

/// The paragraphs of `body` that fit in `max_bytes`, the last one cut at a character
/// boundary where it overruns; and whether anything was left out.
fn within<'a>(body: impl Iterator<Item = &'a str>, max_bytes: usize) -> (Vec<&'a str>, bool) {
    let mut kept = Vec::new();
    let mut room = max_bytes;
    for p in body {
        if p.len() <= room {
            room -= p.len();
            kept.push(p);
            continue;
        }
        let mut end = room;
        while !p.is_char_boundary(end) {
            end -= 1;
        }
        if !p[..end].trim().is_empty() {
            kept.push(&p[..end]);
        }
        return (kept, true);
    }
    (kept, false)
}

/// Where article `id` first prints each of `texts` (its names and dates), by article and
/// text, in Unicode scalar values of its input text; `starts` is where each of its body
/// `paragraphs` starts there ([`input_starts`]).
fn first_places<'t>(
    id: &str,
    paragraphs: &[&str],
    starts: &[Option<usize>],
    texts: impl Iterator<Item = &'t str>,
    places: &mut HashMap<(String, String), [usize; 2]>,
) {
    for text in texts {
        let key = (id.to_string(), text.to_string());
        if text.is_empty() || places.contains_key(&key) {
            continue;
        }
        let found = paragraphs.iter().zip(starts).find_map(|(p, start)| {
            let at = p.find(text)?;
            let from = (*start)? + p[..at].chars().count();
            Some([from, from + text.chars().count()])
        });
        if let Some(span) = found {
            places.insert(key, span);
        }
    }
}

/// Gives every entity and timeline mention the place its article first prints it.
fn place_mentions(story: &mut Story, places: &HashMap<(String, String), [usize; 2]>) {
    let entities = story
        .entities
        .iter_mut()
        .flat_map(|e| e.mentions.iter_mut());
    let dates = story
        .timeline
        .iter_mut()
        .flat_map(|e| e.mentions.iter_mut());
    for m in entities.chain(dates) {
        m.span = places.get(&(m.article.clone(), m.text.clone())).copied();
    }
}

/// Where each paragraph of an article's reading starts in its input text: the headline
/// where cleaning took it from the text (nowhere for one from the header), then the body's
/// paragraphs as cleaning placed them (nowhere at all for an article stored without their
/// places).
fn input_starts(a: &Article, headline: bool, paragraphs: usize) -> Vec<Option<usize>> {
    let title = a.removed.iter().find(|r| {
        r.reason == parallax_model::Reason::Title && Some(r.text.as_str()) == a.title.as_deref()
    });
    // The first `paragraphs` of the body are read (all of them unless it was cut).
    let placed = a.paragraphs.len() == a.body_paragraphs().count();
    let body = (0..paragraphs).map(|k| placed.then(|| a.paragraphs[k][0]));
    (headline.then_some(title.map(|r| r.span[0])))
        .into_iter()
        .chain(body)
        .collect()
}

/// Ties each quotation's speaker to the story's entity of that name (`speaker_entity`):
/// the entity named so in full, else the one person whose name ends with the speaker's
/// surname. A speaker two entities could be, or none, is left untied.
fn tie_speakers(story: &mut Story) {
    let entities = &story.entities;
    let tie = |speaker: &str| -> Option<String> {
        if let Some(e) = entities.iter().find(|e| e.name == speaker) {
            return Some(e.id.clone());
        }
        let surname = speaker.split_whitespace().last()?;
        let mut people = entities.iter().filter(|e| {
            e.entity_type == "person" && e.name.split_whitespace().last() == Some(surname)
        });
        let one = people.next()?;
        people.next().is_none().then(|| one.id.clone())
    };
    for q in story
        .quotes
        .iter_mut()
        .chain(story.reported_speech.iter_mut())
    {
        q.speaker_entity = q.speaker.as_deref().and_then(tie);
    }
}

/// A story's copies, as (copy, source) pairs, sorted.
fn copies(story: &Story) -> Vec<(String, String)> {
    let mut c: Vec<(String, String)> = story
        .lineage
        .iter()
        .filter(|l| l.relation == "copy")
        .map(|l| (l.article.clone(), l.source.clone()))
        .collect();
    c.sort_unstable();
    c
}

/// JSON values being written one per line to a temporary file.
struct Spooler {
    out: BufWriter<File>,
    /// Where each line starts, and where the last one ends.
    offsets: Vec<u64>,
}

impl Spooler {
    fn new() -> Result<Spooler> {
        Ok(Spooler {
            out: BufWriter::new(tempfile::tempfile()?),
            offsets: vec![0],
        })
    }

    /// Writes one value's JSON as the next line.
    fn push(&mut self, json: &[u8]) -> Result<()> {
        self.out.write_all(json)?;
        self.out.write_all(b"\n")?;
        let end = self.offsets.last().copied().unwrap_or(0) + json.len() as u64 + 1;
        self.offsets.push(end);
        Ok(())
    }

    fn finish(self) -> Result<Spool> {
        Ok(Spool {
            file: self.out.into_inner().map_err(|e| e.into_error())?,
            offsets: self.offsets,
        })
    }
}

/// JSON values spooled one per line, read back by position or in order.
#[derive(Debug)]
struct Spool {
    file: File,
    offsets: Vec<u64>,
}

impl Spool {
    /// How many values it holds.
    fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Value `i`, read back by position.
    fn read<T: serde::de::DeserializeOwned>(&self, i: usize) -> Result<T> {
        use std::os::unix::fs::FileExt;
        let (start, end) = (self.offsets[i], self.offsets[i + 1]);
        let mut buf = vec![0u8; (end - start) as usize];
        self.file.read_exact_at(&mut buf, start)?;
        Ok(serde_json::from_slice(&buf)?)
    }
}

impl Analysis {
    /// How many stories there are.
    pub fn story_count(&self) -> usize {
        self.stories.len()
    }

    /// Story `n` (0-based: story `S{n+1}`), read back from the story spool.
    pub fn story(&self, n: usize) -> Result<Story> {
        self.stories.read(n)
    }

    /// The stories in order (`S1`, `S2`, …), read back from the story spool one at a time,
    /// so that a report of a million articles never holds all its stories at once.
    pub fn stories(&self) -> impl Iterator<Item = Result<Story>> + '_ {
        (0..self.story_count()).map(|n| self.story(n))
    }

    /// The cleaned articles in input order, each with its story and `copy_of` set, read back
    /// from the spool one at a time.
    pub fn articles(&self) -> Result<impl Iterator<Item = Result<Article>> + '_> {
        let mut file = self.spool.file.try_clone()?;
        file.seek(SeekFrom::Start(0))?;
        let mut lines = BufReader::new(file).lines();
        let mut k = 0;
        Ok(std::iter::from_fn(move || {
            let line = lines.next()?;
            let at = k;
            k += 1;
            Some(line.map_err(Error::from).and_then(|l| {
                let mut a: Article = serde_json::from_str(&l)?;
                a.story = format!("S{}", self.story_of[at] + 1);
                a.copy_of = self.copy_of[at].clone();
                if a.published.is_none() {
                    if let Some(t) = self.inferred[at] {
                        a.published = Some(t);
                        a.published_source = Some(parallax_model::PublishedSource::Inferred);
                    }
                }
                Ok(a)
            }))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_and_named_as_a_failure_of_parallax() {
        assert_eq!(guarded(|| 7), Ok(7));
        let failed = guarded(|| -> usize { panic!("an index past the end") }).unwrap_err();
        assert!(failed.contains("an index past the end"), "{failed}");
        assert!(failed.starts_with("parallax failed on it"), "{failed}");
        let formatted = guarded(|| -> usize { panic!("{} of {}", 3, 2) }).unwrap_err();
        assert!(formatted.contains("3 of 2"), "{formatted}");
    }

    #[test]
    fn a_body_is_read_as_far_as_its_bound() {
        let body = ["Ana spoke.", "Then Bo spoke at length.", "Cy."];
        assert_eq!(within(body.into_iter(), 100), (body.to_vec(), false));
        assert_eq!(within(body.into_iter(), 34), (body[..2].to_vec(), true));
        // A paragraph that overruns is cut, never inside a character.
        assert_eq!(within(["Ana å"].into_iter(), 5), (vec!["Ana "], true));
        assert_eq!(within(["Ana å"].into_iter(), 2), (vec!["An"], true));
        assert_eq!(within(["  "].into_iter(), 1), (vec![], true));
    }
}
