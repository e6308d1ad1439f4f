//! `parallax`: reads many outlets' reports of the news and shows, for every story, what each
//! outlet said. This binary only parses arguments and calls the library crates.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use parallax_pipeline::{Progress, Settings};
use parallax_report::Head;

/// mimalloc rather than the system allocator: a run allocates many small strings and
/// vectors on two threads, and glibc's per-thread arenas keep much of what the cleaning
/// stage frees, so grouping a large corpus started from a higher floor.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod store;

/// Exit status when the report was written but some inputs were skipped.
const EXIT_SKIPPED: u8 = 3;

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "What each outlet really said, story by story"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles (files and folders, recursively) and write the report.
    ///
    /// Exits 0 when every input was read, 3 when the report was written but some inputs were
    /// skipped (each is named on stderr), 1 on an error that stopped the run.
    Analyze {
        /// Article files (.txt, .jsonl) and folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the JSON report here (`-` for standard output).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Write a self-contained HTML page of the report here.
        #[arg(long)]
        html: Option<PathBuf>,
        /// Read settings from this JSON file (see `parallax settings`).
        #[arg(long)]
        settings: Option<PathBuf>,
        /// No progress bar and no summary line.
        #[arg(long, short)]
        quiet: bool,
        /// Also add the articles to this store (a SQLite file, or a `postgres://` URL) and
        /// report on everything it holds.
        #[arg(long)]
        db: Option<String>,
    },
    /// Read inputs (text, HTML pages, WARC crawl files, feeds, JSON lines) and write each
    /// article's metadata and main text as JSON lines, without cleaning or grouping; parallax
    /// reads the result back as input. One core, in input order.
    Extract {
        /// Input files and folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the JSON lines here (default: standard output).
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// Add articles to a store (created if missing) and analyse everything stored: new
    /// articles join the stories already there; an article stored before is not added
    /// again. Exits 3 when some inputs were skipped.
    Add {
        /// Article files and folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The store: a SQLite file, or a PostgreSQL database (`postgres://user@host/db`).
        #[arg(long)]
        db: String,
        /// Read settings from this JSON file (see `parallax settings`).
        #[arg(long)]
        settings: Option<PathBuf>,
        /// No summary line.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Write the report of everything in a store (analysing it again first if articles
    /// were added since its last analysis).
    Export {
        /// The store: a SQLite file, or a PostgreSQL database (`postgres://user@host/db`).
        #[arg(long)]
        db: String,
        /// Write the JSON report here (`-` for standard output, the default).
        #[arg(long)]
        json: Option<PathBuf>,
        /// Write a self-contained HTML page of the report here.
        #[arg(long)]
        html: Option<PathBuf>,
        /// No summary line.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Serve the store as a JSON API and web pages (see the README for the routes).
    Serve {
        /// The store: a SQLite file, or a PostgreSQL database (`postgres://user@host/db`).
        #[arg(long, default_value = "parallax.db")]
        db: String,
        /// Where to listen.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
        /// The token `POST /api/articles` must carry (`Authorization: Bearer TOKEN`); needed
        /// for writes when listening beyond loopback. Also read from `PARALLAX_TOKEN`.
        #[arg(long, env = "PARALLAX_TOKEN")]
        token: Option<String>,
    },
    /// Print the default settings as JSON.
    Settings,
    /// Score a report against a labelled key (cleaning, metadata and story metrics).
    Score {
        /// The labelled key (JSON).
        #[arg(long)]
        key: PathBuf,
        /// The report to score.
        #[arg(long)]
        report: PathBuf,
        /// The folder holding the input articles as ID.txt.
        #[arg(long)]
        articles: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("parallax: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze {
            paths,
            json,
            html,
            settings,
            quiet,
            db,
        } => {
            let settings = load_settings(settings.as_ref())?;
            let json = json_or_stdout(json, html.as_ref());
            match db {
                None => {
                    let analysis = run_pipeline(&paths, &settings, quiet, &Default::default())?;
                    finish(analysis, &settings, json, html, quiet, None)
                }
                Some(db) => {
                    let mut store = store::open(&db)?;
                    let (added, skipped) = store::add_inputs(&mut store, &paths, &settings)?;
                    store::report_added(&store, added, &skipped, quiet);
                    let saved = store.analysis()?;
                    store::analyse(&mut store, &settings, saved, json, html, quiet, skipped)
                }
            }
        }
        Command::Add {
            paths,
            db,
            settings,
            quiet,
        } => {
            let settings = load_settings(settings.as_ref())?;
            let mut store = store::open(&db)?;
            let (added, skipped) = store::add_inputs(&mut store, &paths, &settings)?;
            store::report_added(&store, added, &skipped, quiet);
            if added.new + added.replaced == 0 && store.is_current()? {
                // Nothing changed: the stored analysis stands.
                store::name_skipped(&skipped);
                return Ok(if skipped.is_empty() {
                    ExitCode::SUCCESS
                } else {
                    ExitCode::from(EXIT_SKIPPED)
                });
            }
            let saved = store.analysis()?;
            store::analyse(&mut store, &settings, saved, None, None, quiet, skipped)
        }
        Command::Export {
            db,
            json,
            html,
            quiet,
        } => {
            let json = json_or_stdout(json, html.as_ref());
            let mut store = store::open(&db)?;
            store::export(&mut store, json, html, quiet)
        }
        Command::Extract { paths, json } => run_extract(&paths, json),
        Command::Serve { db, addr, token } => store::serve(db, addr, token),
        Command::Settings => {
            println!("{}", serde_json::to_string_pretty(&Settings::default())?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Score {
            key,
            report,
            articles,
        } => {
            let key = read_json(&key)?;
            let report = read_json(&report)?;
            for m in parallax_eval::score(&key, &report, &articles) {
                println!("{m}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn run_extract(paths: &[PathBuf], json: Option<PathBuf>) -> Result<ExitCode> {
    let started = std::time::Instant::now();
    let mut out: Box<dyn Write> = match &json {
        Some(p) => Box::new(create(p)?),
        None => Box::new(std::io::stdout().lock()),
    };
    let found = parallax_ingest::discover(paths);
    let mut skipped = found.errors.len();
    for e in &found.errors {
        eprintln!("skipped {e}");
    }
    let mut articles = 0;
    for input in &found.inputs {
        for article in parallax_ingest::read(input, Default::default()) {
            match article {
                Ok(a) => {
                    writeln!(out, "{}", store::extracted_line(&a))?;
                    articles += 1;
                }
                Err(e) => {
                    eprintln!("skipped {e}");
                    skipped += 1;
                }
            }
        }
    }
    out.flush()?;
    eprintln!(
        "parallax: {articles} articles extracted, {skipped} skipped, {:.2} s",
        started.elapsed().as_secs_f64()
    );
    Ok(if skipped == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SKIPPED)
    })
}

fn read_json(path: &PathBuf) -> Result<serde_json::Value> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", path.display()))
}

/// The JSON report goes to standard output when no output was asked for.
fn json_or_stdout(json: Option<PathBuf>, html: Option<&PathBuf>) -> Option<PathBuf> {
    if json.is_none() && html.is_none() {
        Some(PathBuf::from("-"))
    } else {
        json
    }
}

fn load_settings(path: Option<&PathBuf>) -> Result<Settings> {
    Ok(match path {
        Some(p) => serde_json::from_value(read_json(p)?)
            .with_context(|| format!("{}: not valid settings", p.display()))?,
        None => Settings::default(),
    })
}

/// Reads, cleans and groups everything under `paths`, with a progress bar on a terminal.
fn run_pipeline(
    paths: &[PathBuf],
    settings: &Settings,
    quiet: bool,
    reuse: &parallax_pipeline::Reuse,
) -> Result<parallax_pipeline::Analysis> {
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos}/{len} files · {msg} · {elapsed}",
            )
            .expect("a valid template"),
        );
        bar
    });
    let on_progress = |p: Progress| {
        if let Some(bar) = &bar {
            // Small corpora finish before a bar is worth drawing.
            if p.files >= 200 {
                bar.set_length(p.files as u64);
                bar.set_position(p.files_done as u64);
                bar.set_message(format!("{} articles", p.articles));
            }
        }
    };
    let analysis = parallax_pipeline::analyze_reusing(paths, settings, &on_progress, reuse)?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    Ok(analysis)
}

/// Writes the report of `analysis` where asked, saves it into `store` when given (with the
/// revision of the stored articles it covers), and prints the summary line.
fn finish(
    analysis: parallax_pipeline::Analysis,
    settings: &Settings,
    json: Option<PathBuf>,
    html: Option<PathBuf>,
    quiet: bool,
    store: Option<(&mut parallax_store::Store, i64)>,
) -> Result<ExitCode> {
    store::name_skipped(&analysis.summary.skipped);
    for w in &analysis.summary.warnings {
        eprintln!("warning: {w}");
    }
    let head = Head {
        generator: generator(),
        settings: serde_json::to_value(settings)?,
        summary: analysis.summary.clone(),
    };
    if let Some((store, revision)) = store {
        save_and_write(&analysis, &head, store, revision, json.as_ref())?;
    } else if let Some(path) = &json {
        let out = output(path)?;
        parallax_report::write_json(&head, analysis.articles()?, analysis.stories(), out)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(path) = &html {
        let titles: HashMap<String, (Option<String>, Option<String>)> = analysis
            .entries
            .iter()
            .map(|e| (e.id.clone(), (e.title.clone(), e.outlet.clone())))
            .collect();
        // The page sorts its stories, so they are all read back for it.
        let stories = analysis
            .stories()
            .collect::<parallax_pipeline::Result<Vec<_>>>()?;
        let out = create(path)?;
        parallax_report::write_html(&head, &titles, analysis.articles()?, &stories, out)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let s = &analysis.summary;
    if !quiet {
        let written: Vec<String> = [json.filter(|p| p.as_os_str() != "-"), html]
            .into_iter()
            .flatten()
            .map(|p| p.display().to_string())
            .collect();
        let reasons = skipped_reasons(s);
        let meaning = match &s.embedding_model {
            Some(m) => format!(" (sentence embeddings: {m})"),
            None if settings.embeddings.enabled => {
                " (no embedding model: scripts/fetch-model adds one)".to_string()
            }
            None => String::new(),
        };
        eprintln!(
            "parallax: {} articles read, {} skipped{}, {} stories, {:.2} s{meaning}{}",
            s.articles,
            s.skipped.len(),
            reasons,
            s.stories,
            s.seconds,
            if written.is_empty() {
                String::new()
            } else {
                format!("; report written to {}", written.join(" and "))
            }
        );
    }
    Ok(if s.skipped.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_SKIPPED)
    })
}

/// " (2 binary file, 1 empty file)": the skipped inputs counted by problem.
fn skipped_reasons(s: &parallax_model::Summary) -> String {
    if s.skipped.is_empty() {
        return String::new();
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for k in &s.skipped {
        let kind = k
            .problem
            .split([':', '('])
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let kind = if kind.starts_with("file is") {
            "too large".to_string()
        } else {
            kind
        };
        match counts.iter_mut().find(|(p, _)| *p == kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((kind, 1)),
        }
    }
    format!(
        " ({})",
        counts
            .iter()
            .map(|(p, n)| format!("{n} {p}"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

/// What a report names as its generator: this program and its version.
pub(crate) fn generator() -> String {
    format!("parallax {}", env!("CARGO_PKG_VERSION"))
}

/// Saves `analysis` into `store` (rewriting only the rows that changed since the analysis
/// saved before) and writes its JSON report to `json` when asked, serialising each article
/// and story once for both, one at a time.
fn save_and_write(
    analysis: &parallax_pipeline::Analysis,
    head: &Head,
    store: &mut parallax_store::Store,
    revision: i64,
    json: Option<&PathBuf>,
) -> Result<()> {
    let generator = serde_json::to_string(&head.generator)?;
    let settings = serde_json::to_string(&head.settings)?;
    let summary = serde_json::to_string(&head.summary)?;
    let writing = |e: parallax_report::Error| match json {
        Some(p) => anyhow::anyhow!("writing {}: {e}", p.display()),
        None => anyhow::anyhow!(e),
    };
    let mut report = match json {
        Some(path) => Some(
            parallax_report::JsonWriter::start(output(path)?, &generator, &settings, &summary)
                .map_err(writing)?,
        ),
        None => None,
    };
    // `None`: a newer analysis (another worker's) is saved already; this one is only
    // written out.
    let mut saving = store.begin_analysis(revision, &generator, &settings, &summary)?;
    for article in analysis.articles()? {
        let text = serde_json::to_string(&article?)?;
        if let Some(r) = &mut report {
            r.article(&text).map_err(writing)?;
        }
        if let Some(s) = &mut saving {
            s.article(&text)?;
        }
    }
    for story in analysis.stories() {
        let text = serde_json::to_string(&story?)?;
        if let Some(r) = &mut report {
            r.story(&text).map_err(writing)?;
        }
        if let Some(s) = &mut saving {
            s.story(&text)?;
        }
    }
    if let Some(s) = saving {
        s.commit()?;
    }
    if let Some(r) = report {
        r.finish().map_err(writing)?;
    }
    Ok(())
}

/// Where a report goes: standard output for `-`, else the file (its folder made).
fn output(path: &PathBuf) -> Result<Box<dyn Write>> {
    Ok(if path.as_os_str() == "-" {
        Box::new(BufWriter::new(std::io::stdout().lock()))
    } else {
        Box::new(create(path)?)
    })
}

fn create(path: &PathBuf) -> Result<BufWriter<File>> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let f = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    Ok(BufWriter::new(f))
}
