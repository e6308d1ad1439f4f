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
    mut out: impl Write,
) -> Result<()> {
    write!(
        out,
        "{{\n\"parallax_report\": {REPORT_VERSION},\n\"generator\": "
    )?;
    serde_json::to_writer(&mut out, &head.generator)?;
    out.write_all(b",\n\"settings\": ")?;
    serde_json::to_writer(&mut out, &head.settings)?;
    out.write_all(b",\n\"summary\": ")?;
    serde_json::to_writer(&mut out, &head.summary)?;
    out.write_all(b",\n\"articles\": [")?;
    for (k, article) in articles.enumerate() {
        let article = article.map_err(|e| Error::Source(e.to_string()))?;
        out.write_all(if k == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut out, &article)?;
    }
    out.write_all(b"\n],\n\"stories\": [")?;
    for (k, story) in stories.enumerate() {
        let story = story.map_err(|e| Error::Source(e.to_string()))?;
        out.write_all(if k == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut out, &story)?;
    }
    out.write_all(b"\n]\n}\n")?;
    out.flush()?;
    Ok(())
}
