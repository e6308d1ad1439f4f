//! Finding the inputs under the paths a user gives.
//!
//! ## What it handles
//! Files named directly are always read: `.jsonl`/`.ndjson` as JSON lines, anything else as
//! an article file, text or HTML page, told apart by content (a file that opens with a JSON
//! object line is read as JSON lines). Folders are walked recursively in name order; inside
//! them only article formats (`.txt`, `.text`, `.html`, `.htm`, `.xhtml`, any of them
//! `.gz`-compressed, no extension, `.jsonl`, `.ndjson`) are taken, so a labelled key
//! (`key.json`), a README or a picture lying beside the articles is left alone and counted
//! as ignored. Hidden files and folders are skipped. Symlinked folders are followed once.
//! A FIFO, a device or a socket (or a link to one) is never opened: with an article's name
//! it is reported as not a regular file, else ignored.
//!
//! ## What it does not
//! Decide whether a text file is really an article: that is cleaning's job.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::{Format, Input, InputError, Problem};

/// Extensions stripped from a file name to make an article id.
pub(crate) const KNOWN_EXTENSIONS: &[&str] = &[
    "txt", "text", "jsonl", "ndjson", "html", "htm", "xhtml", "warc", "rss", "atom", "xml", "gz",
];

/// The inputs found under some paths.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Files to read, in a stable order.
    pub inputs: Vec<Input>,
    /// Files in folders that are not article formats.
    pub ignored: usize,
    /// Paths that could not be listed or opened.
    pub errors: Vec<InputError>,
}

/// Lists the inputs under `paths`.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut found = Discovery::default();
    let mut visited = HashSet::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk_dir(path, &mut found, &mut visited),
            Ok(m) if !m.is_file() => found.errors.push(not_a_file(path, &m)),
            Ok(_) => found.inputs.push(Input {
                path: path.clone(),
                format: format_of(path, true),
            }),
            Err(e) => found
                .errors
                .push(InputError::new(path, Problem::Unreadable(e))),
        }
    }
    found
}

fn walk_dir(dir: &Path, found: &mut Discovery, visited: &mut HashSet<PathBuf>) {
    let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !visited.insert(canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            return found
                .errors
                .push(InputError::new(dir, Problem::Unreadable(e)))
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => walk_dir(&path, found, visited),
            Ok(_) if !is_article_name(&path) => found.ignored += 1,
            // A FIFO, device or socket (or a link to one) is never opened: reading it could
            // wait for ever or never end.
            Ok(m) if !m.is_file() => found.errors.push(not_a_file(&path, &m)),
            Ok(_) => found.inputs.push(Input {
                format: format_of(&path, false),
                path,
            }),
            // A dangling link or a file we may not stat: report it only when it would have
            // been read.
            Err(e) if is_article_name(&path) => found
                .errors
                .push(InputError::new(&path, Problem::Unreadable(e))),
            Err(_) => found.ignored += 1,
        }
    }
}

/// The error for a path that is neither a folder nor a regular file.
fn not_a_file(path: &Path, meta: &std::fs::Metadata) -> InputError {
    let problem = crate::sniff::regular(meta)
        .err()
        .unwrap_or(Problem::NotAFile {
            kind: "a special file",
        });
    InputError::new(path, problem)
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

fn is_article_name(path: &Path) -> bool {
    match extension(path) {
        None => true,
        Some(e) => KNOWN_EXTENSIONS.contains(&e.as_str()),
    }
}

fn format_of(path: &Path, named: bool) -> Format {
    let inner = || {
        path.file_stem()
            .and_then(|s| Path::new(s).extension().map(|e| e.to_ascii_lowercase()))
    };
    match extension(path).as_deref() {
        Some("jsonl" | "ndjson") => Format::JsonLines,
        Some("warc") => Format::Warc,
        Some("rss" | "atom") => Format::Feed,
        Some("gz") if inner().is_some_and(|e| e == "jsonl" || e == "ndjson") => Format::JsonLines,
        Some("gz") if inner().is_some_and(|e| e == "warc") => Format::Warc,
        Some("txt" | "text" | "html" | "htm" | "xhtml") if !named => Format::Text,
        _ => sniff_format(path),
    }
}

/// The format a file's first bytes show (decompressed when it is gzip): a WARC version
/// line, a JSON object, or else an article file (text or HTML, told apart when read).
fn sniff_format(path: &Path) -> Format {
    use std::io::Read;
    let mut head = Vec::new();
    let read =
        crate::sniff::open_decompressed(path).map(|file| file.take(1024).read_to_end(&mut head));
    if !matches!(read, Ok(Ok(_))) {
        return Format::Text;
    }
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"WARC/") {
        Format::Warc
    } else if crate::feed::looks_like_feed(head) {
        Format::Feed
    } else if head.starts_with(b"{") {
        Format::JsonLines
    } else {
        Format::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_take_article_formats_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("sub/.hidden")).unwrap();
        for name in [
            "b.txt",
            "a.txt",
            "key.json",
            "notes.md",
            "sub/c.jsonl",
            "sub/.hidden/x.txt",
            "sub/README",
        ] {
            std::fs::write(d.join(name), "x").unwrap();
        }
        let found = discover(&[d.to_path_buf()]);
        let names: Vec<String> = found
            .inputs
            .iter()
            .map(|i| i.path.strip_prefix(d).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "sub/README", "sub/c.jsonl"]);
        assert_eq!(found.inputs[3].format, Format::JsonLines);
        assert_eq!(found.ignored, 2);
        assert!(found.errors.is_empty());
    }

    #[test]
    fn missing_paths_and_dangling_links_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        #[cfg(unix)]
        std::os::unix::fs::symlink(d.join("nowhere.txt"), d.join("dangling.txt")).unwrap();
        let found = discover(&[d.to_path_buf(), d.join("absent")]);
        let msgs: Vec<String> = found.errors.iter().map(|e| e.to_string()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("absent") && m.contains("cannot read")),
            "{msgs:?}"
        );
        #[cfg(unix)]
        assert!(msgs.iter().any(|m| m.contains("dangling.txt")), "{msgs:?}");
    }
}
