//! Cleaning: a [`RawArticle`] becomes an [`Article`] with its metadata read, its boilerplate
//! removed (each removal with a reason), its dateline split off, appended commentary kept
//! apart from the report, and its kind (news, opinion, other) decided.
//!
//! Word boundaries in the patterns are ASCII ones, `(?-u:\b)`: a Unicode `\b` makes the
//! regex engine's fast lazy DFA give up at the first non-ASCII byte (a curly quote, a dash,
//! an accented name) and fall back to an engine several times slower. The words they bound
//! are ASCII, so the two agree everywhere but right next to a non-ASCII letter.
//!
//! Everything works on spans of the input text, so the body's paragraphs, every removed
//! line and the appended text are exact substrings of the input.
//!
//! ```
//! use parallax_clean::{clean, Settings};
//! use parallax_ingest::text_article;
//!
//! let raw = text_article(
//!     "a1".into(),
//!     "a1.txt".into(),
//!     "Dam opens early\n\nHALVERSTON, Norland, June 3 (NWA) - The new dam opened on Tuesday.\n\nShare on Facebook Share on Twitter\n",
//! );
//! let article = clean(&raw, &Settings::default());
//! assert_eq!(article.title.as_deref(), Some("Dam opens early"));
//! assert_eq!(article.dateline.as_deref(), Some("HALVERSTON, Norland, June 3 (NWA) - "));
//! assert_eq!(article.body, "The new dam opened on Tuesday.");
//! assert_eq!(article.removed[1].reason.as_str(), "share");
//! ```

mod appended;
mod boilerplate;
mod dateline;
mod datetext;
mod furniture;
mod kind;
mod line;
mod metadata;
mod signals;

use std::collections::HashSet;

use parallax_model::{Appended, Article, PublishedSource, RawArticle, Reason, Removed};
use parallax_text::{flatten_whitespace, CharIndex, Span};
use serde::{Deserialize, Serialize};

use crate::line::Line;

/// The cleaning stage's knobs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Separate commentary and advocacy glued after the report.
    pub split_appended: bool,
    /// Remove a short line that repeats an earlier line word for word.
    pub drop_repeated_lines: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            split_appended: true,
            drop_repeated_lines: true,
        }
    }
}

/// Cleans one article. The returned article has no story yet.
pub fn clean(raw: &RawArticle, settings: &Settings) -> Article {
    let text = raw.text.as_str();
    let index = CharIndex::new(text);

    // Non-blank lines, and the block (run of lines between blank lines) each belongs to.
    let mut spans = Vec::new();
    let mut blocks = Vec::new();
    let mut block = 0;
    for span in parallax_text::lines(text) {
        let t = span.trim(text);
        if t.is_empty() {
            block += 1;
        } else {
            spans.push(t);
            blocks.push(block);
        }
    }
    let lines: Vec<Line> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| Line::new(s.slice(text), *s, i, spans.len()))
        .collect();

    let wrapped = is_hard_wrapped(&lines);
    let leading = metadata::read_leading(&lines, &raw.header, wrapped);
    let mut verdict: Vec<Option<Reason>> = vec![None; lines.len()];
    for &(i, reason) in &leading.lines {
        verdict[i] = Some(reason);
    }
    let mut seen = HashSet::new();
    let mut previous: Option<String> = None;
    for (i, line) in lines.iter().enumerate() {
        if verdict[i].is_none() {
            verdict[i] = boilerplate::classify(line);
        }
        if verdict[i].is_some() {
            continue;
        }
        // A repeated paragraph, or a line printed twice in a row (boilerplate aside), is a
        // scraper's double; a short line repeated further on ("Pre-workout meal", "Eat an
        // hour before you train" under each of a page's plans) is the page's structure, and
        // so is a question put again to each person an interview speaks to.
        let key = flatten_whitespace(&line.lower);
        let again = !seen.insert(key.clone());
        let doubled = previous.as_deref() == Some(key.as_str());
        let paragraph = line.words >= 10 && !line.text.trim_end().ends_with('?');
        if settings.drop_repeated_lines && line.words <= 40 && again && (paragraph || doubled) {
            verdict[i] = Some(Reason::Duplicate);
        }
        previous = Some(key);
    }

    // Text from a page's markup was set apart from the page by its structure already.
    if !raw.from_markup {
        for (i, reason) in furniture::furniture(&lines, &verdict) {
            verdict[i] = Some(reason);
        }
    }

    // Pieces of text kept for the body, in order; the line each came from.
    let mut pieces: Vec<(Span, usize)> = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| verdict[*i].is_none())
        .map(|(i, l)| (l.span, i))
        .collect();
    let mut removed: Vec<(Span, Reason)> = lines
        .iter()
        .zip(&verdict)
        .filter_map(|(l, v)| v.map(|r| (l.span, r)))
        .collect();

    let mut appended = Vec::new();
    if settings.split_appended {
        let kept: Vec<&Line> = pieces.iter().map(|&(_, i)| &lines[i]).collect();
        if let Some(split) = appended::find(text, &kept) {
            let cut = split.marker.map_or(split.start, |(at, _)| at);
            let end = pieces.last().map_or(text.len(), |(s, _)| s.end);
            pieces.truncate(split.line + 1);
            let last = pieces.pop().expect("the split line is kept");
            let before = last.0.until(cut).trim(text);
            if !before.is_empty() {
                pieces.push((before, last.1));
            }
            if let Some((a, b)) = split.marker {
                removed.push((Span::new(a, b), Reason::CallToAction));
            }
            let span = Span::new(split.start, end.max(split.start)).trim(text);
            appended.push(Appended {
                text: span.slice(text).to_string(),
                kind: split.kind,
                span: index.char_span(span),
            });
        }
    }

    // The dateline opens the first kept piece.
    let mut dateline = None;
    if let Some((first, _)) = pieces.first_mut() {
        if let Some(n) = dateline::split(first.slice(text)) {
            dateline = Some(
                Span::new(first.start, first.start + n)
                    .slice(text)
                    .to_string(),
            );
            *first = first.from(first.start + n).trim(text);
        }
    }

    // Hard-wrapped text: a line continues the paragraph above it when nothing lies between
    // them and either it starts in lower case or the line above is long and stops mid-sentence
    // (a short line without a full stop is a subhead, not a wrapped line).
    let mut paragraphs: Vec<Span> = Vec::new();
    let mut previous_line: Option<usize> = None;
    for &(span, i) in &pieces {
        let continues = previous_line.is_some_and(|p| {
            let above = &lines[p];
            let starts = span.slice(text).chars().next();
            p + 1 == i
                && blocks[p] == blocks[i]
                && (starts.is_some_and(char::is_lowercase)
                    || (wrapped
                        && above.text.chars().count() >= 50
                        && !above.ends_as_sentence()
                        && !above.text.ends_with([',', '"', '”'])
                        && starts.is_some_and(char::is_alphanumeric)))
        });
        match paragraphs.last_mut() {
            Some(last) if continues => last.end = span.end,
            _ => paragraphs.push(span),
        }
        previous_line = Some(i);
    }
    let body = paragraphs
        .iter()
        .map(|p| p.slice(text))
        .collect::<Vec<_>>()
        .join("\n\n");

    let title = raw.header.title.clone().or(leading.title);
    let labels: Vec<&str> = removed
        .iter()
        .filter(|(_, r)| *r == Reason::SectionLabel)
        .map(|(s, _)| s.slice(text))
        .collect();
    let kind = kind::classify(&kind::Evidence {
        title: title.as_deref(),
        labels,
        has_author_note: removed.iter().any(|(s, r)| {
            *r == Reason::AuthorBio
                || (*r == Reason::Disclaimer && s.slice(text).to_lowercase().contains("views"))
        }),
        has_dateline: dateline.is_some(),
        paragraphs: paragraphs.iter().map(|p| p.slice(text)).collect(),
    });

    // A dateline with a full date ("LISK, March 2, 2026 (NWA) —") dates the article when
    // nothing else does; one without a year does not.
    let dateline_date = dateline
        .as_deref()
        .and_then(datetext::find_date)
        .map(|d| d.timestamp.unwrap_or_else(|| metadata::noon(d.date)));
    let (published, published_source) =
        match (raw.header.published, leading.published.or(dateline_date)) {
            (Some(t), _) => (Some(t), Some(PublishedSource::Header)),
            (None, Some(t)) => (Some(t), Some(PublishedSource::Text)),
            (None, None) => (None, None),
        };
    removed.sort_by_key(|(s, _)| s.start);
    let mut article = Article::new(raw.id.clone(), raw.source.clone());
    article.title = title;
    article.outlet = raw.header.outlet.clone().or(leading.outlet);
    article.url = raw.header.url.clone();
    article.author = raw.header.author.clone().or(leading.author);
    article.language = raw.header.language.clone();
    article.published = published;
    article.published_source = published_source;
    article.kind = kind;
    article.dateline = dateline;
    article.body = body;
    article.paragraphs = paragraphs.iter().map(|p| index.char_span(*p)).collect();
    article.removed = removed
        .into_iter()
        .map(|(s, reason)| Removed {
            text: s.slice(text).to_string(),
            reason,
            span: index.char_span(s),
        })
        .collect();
    article.appended = appended;
    article
}

/// True when the text was wrapped at a fixed width: most lines fall in one band of
/// lengths and none runs far past it.
fn is_hard_wrapped(lines: &[Line]) -> bool {
    if lines.len() < 4 {
        return false;
    }
    let lengths: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    let longest = lengths.iter().copied().max().unwrap_or(0);
    let banded = lengths.iter().filter(|&&n| n >= 50 && n <= longest).count();
    longest <= 100 && banded * 10 >= lengths.len() * 6
}

#[cfg(test)]
mod tests;
