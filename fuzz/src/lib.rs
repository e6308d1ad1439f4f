//! What the fuzz targets share: the readers take paths, so each input is written to a file
//! of this process's own first, then read the way `parallax analyze` reads it.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;

use parallax_ingest::{Format, Input, Limits};

/// A file of this process's own, under the system's temporary folder, named `name`.
fn scratch(name: &str) -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("parallax-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a scratch folder");
        dir
    });
    dir.join(name)
}

/// Writes `bytes` to the scratch file `name` and reads it as `format`, every article and
/// every error, as the pipeline does (readers must return, never panic).
pub fn read_as(format: Format, name: &str, bytes: &[u8]) {
    let path = scratch(name);
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(bytes))
        .expect("the scratch file written");
    let input = Input { path, format };
    let limits = Limits::default();
    for article in parallax_ingest::read(&input, limits) {
        let _ = article.map(|a| a.text.len());
    }
}

/// The input cut into paragraphs at blank lines, each with where it starts in the input in
/// Unicode scalar values, as the pipeline gives them to the reading.
pub fn paragraphs(text: &str) -> (Vec<&str>, Vec<Option<usize>>) {
    let (mut paragraphs, mut starts) = (Vec::new(), Vec::new());
    let mut at = 0;
    for p in text.split("\n\n") {
        let trimmed = p.trim();
        if !trimmed.is_empty() {
            let offset = p.len() - p.trim_start().len();
            paragraphs.push(trimmed);
            starts.push(Some(text[..at + offset].chars().count()));
        }
        at += p.len() + 2;
    }
    (paragraphs, starts)
}

/// The characters of `text` in the Unicode-scalar range `span`.
fn chars_at(text: &str, span: [usize; 2]) -> String {
    text.chars()
        .skip(span[0])
        .take(span[1].saturating_sub(span[0]))
        .collect()
}

/// Checks what the cleaning promises: the body is its paragraphs, each the input's
/// characters at its position, joined by blank lines; every removed and appended piece is
/// the input's characters at its span.
pub fn check_clean(input: &str, article: &parallax_model::Article) {
    let pieces: Vec<String> = article
        .paragraphs
        .iter()
        .map(|&p| chars_at(input, p))
        .collect();
    assert_eq!(
        article.body,
        pieces.join("\n\n"),
        "the body is its paragraphs of the input"
    );
    for r in &article.removed {
        assert_eq!(
            r.text,
            chars_at(input, r.span),
            "a removed piece is the input's"
        );
    }
    for a in &article.appended {
        assert_eq!(
            a.text,
            chars_at(input, a.span),
            "an appended piece is the input's"
        );
    }
}
