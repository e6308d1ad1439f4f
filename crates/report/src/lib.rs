//! Writing reports: the JSON contract (`parallax_report: 1`) and a self-contained HTML page
//! for people.
//!
//! Both writers take the articles as an iterator and write each as it comes, and the JSON
//! writer takes the stories the same way, so a report of a large corpus never has to sit in
//! memory whole. The HTML page sorts its stories, so it takes them as a slice: it is meant
//! for corpora a person reads through.
//!
//! ```
//! use parallax_model::{Article, Story, Summary};
//! use parallax_report::{write_json, Head};
//!
//! let head = Head { generator: "parallax test".into(), settings: serde_json::json!({}), summary: Summary::default() };
//! let mut out = Vec::new();
//! let articles = vec![Ok::<_, std::io::Error>(Article::new("a1", "a1.txt"))];
//! let stories: Vec<Result<Story, std::io::Error>> = Vec::new();
//! write_json(&head, articles.into_iter(), stories.into_iter(), &mut out).unwrap();
//! let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(report["parallax_report"], 1);
//! assert_eq!(report["articles"][0]["id"], "a1");
//! ```

mod html;

use std::io::Write;

use parallax_model::{Article, Story, Summary, REPORT_VERSION};

pub use html::{esc as escape_html, write_html};

/// What can go wrong while writing a report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Writing failed.
    #[error("cannot write the report: {0}")]
    Write(#[from] std::io::Error),
    /// Serialising failed.
    #[error("cannot serialise the report: {0}")]
    Json(#[from] serde_json::Error),
    /// The articles could not be read back.
    #[error("cannot read the analysed articles: {0}")]
    Source(String),
}

/// A `Result` whose error is the report's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// The parts of a report that are not articles or stories.
#[derive(Debug, Clone)]
pub struct Head {
    /// The program and version that wrote it.
    pub generator: String,
    /// The settings of the run.
    pub settings: serde_json::Value,
    /// How the run went.
    pub summary: Summary,
}

/// Writes the JSON report. Articles and stories come as iterators (read back from a spool
/// by the pipeline), so that a report is written without holding it in memory.
pub fn write_json<E: std::fmt::Display>(
    head: &Head,
    articles: impl Iterator<Item = std::result::Result<Article, E>>,
    stories: impl Iterator<Item = std::result::Result<Story, E>>,
    out: impl Write,
) -> Result<()> {
    let mut report = JsonWriter::start(
        out,
        &serde_json::to_string(&head.generator)?,
        &serde_json::to_string(&head.settings)?,
        &serde_json::to_string(&head.summary)?,
    )?;
    for article in articles {
        let article = article.map_err(|e| Error::Source(e.to_string()))?;
        report.article(&serde_json::to_string(&article)?)?;
    }
    for story in stories {
        let story = story.map_err(|e| Error::Source(e.to_string()))?;
        report.story(&serde_json::to_string(&story)?)?;
    }
    report.finish()?;
    Ok(())
}

/// The JSON report written a part at a time from parts already serialised: the head's
/// three values, then every article, then every story, each on a line of its own. The
/// report [`write_json`] writes and one put together again from saved parts (a store's
/// rows) are the same bytes.
///
/// ```
/// let mut report = parallax_report::JsonWriter::start(Vec::new(), "\"parallax\"", "{}", "{}").unwrap();
/// report.article(r#"{"id":"a1"}"#).unwrap();
/// report.story(r#"{"id":"S1","articles":["a1"]}"#).unwrap();
/// let out = report.finish().unwrap();
/// let parsed: serde_json::Value = serde_json::from_slice(&out).unwrap();
/// assert_eq!(parsed["stories"][0]["articles"][0], "a1");
/// ```
pub struct JsonWriter<W: Write> {
    out: W,
    articles: usize,
    /// Stories written so far; `None` while articles are still being written.
    stories: Option<usize>,
}

impl<W: Write> JsonWriter<W> {
    /// Writes the head: `generator`, `settings` and `summary` are JSON texts.
    pub fn start(mut out: W, generator: &str, settings: &str, summary: &str) -> Result<Self> {
        write!(
            out,
            "{{\n\"parallax_report\": {REPORT_VERSION},\n\"generator\": {generator},\n\"settings\": {settings},\n\"summary\": {summary},\n\"articles\": ["
        )?;
        Ok(JsonWriter {
            out,
            articles: 0,
            stories: None,
        })
    }

    /// Writes the next article (a JSON object); every article comes before the stories.
    pub fn article(&mut self, json: &str) -> Result<()> {
        if self.stories.is_some() {
            return Err(Error::Source("an article after the stories".into()));
        }
        self.out
            .write_all(if self.articles == 0 { b"\n" } else { b",\n" })?;
        self.out.write_all(json.as_bytes())?;
        self.articles += 1;
        Ok(())
    }

    /// Writes the next story (a JSON object).
    pub fn story(&mut self, json: &str) -> Result<()> {
        let written = self.end_articles()?;
        self.out
            .write_all(if written == 0 { b"\n" } else { b",\n" })?;
        self.out.write_all(json.as_bytes())?;
        self.stories = Some(written + 1);
        Ok(())
    }

    /// Ends the report, flushes it and hands the writer back.
    pub fn finish(mut self) -> Result<W> {
        self.end_articles()?;
        self.out.write_all(b"\n]\n}\n")?;
        self.out.flush()?;
        Ok(self.out)
    }

    /// Closes the articles' list and opens the stories', once; returns the stories written.
    fn end_articles(&mut self) -> Result<usize> {
        if let Some(n) = self.stories {
            return Ok(n);
        }
        self.out.write_all(b"\n],\n\"stories\": [")?;
        self.stories = Some(0);
        Ok(0)
    }
}
