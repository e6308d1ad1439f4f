//! Commentary and advocacy appended after a report.
//!
//! ## What it handles
//! - A call-to-action or commentary marker, at the start of a line or glued to the end of
//!   the report's last sentence ("...without elaborating.Sign Our PetitionThe recent
//!   remarks"): "Sign Our Petition", "Take Action", "What You Can Do", "Editor's Note:",
//!   "Commentary:", "Our View:". The marker must look like a heading (capitalised words or a
//!   colon), so a sentence that starts "Take action..." stays. What follows it must be at
//!   least a few sentences long.
//! - An essay tail without a marker: the last paragraphs of a report that argue ("must",
//!   "crucial", "we") rather than report ("said", quotations), after at least two
//!   paragraphs that report.
//!
//! ## What it does not
//! Commentary placed before or inside the report, and opinion columns, which are
//! commentary from the first line (their `kind` says so instead).

use std::sync::LazyLock;

use parallax_model::AppendedKind;
use regex::Regex;

use crate::line::Line;
use crate::signals::Signals;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(sign (our|the|this) petition|take action( now| today)?|act now|what (can )?(you|we) (can )?(personally )?do( about (this|it))?\??|how (you|we) can help|editor'?s note|our view|our take|the bottom line|commentary|analysis|in our opinion|opinion|get involved|join the (campaign|movement)|call to action)").unwrap()
});
static ADVOCACY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(petitions?|sign|contact (your|local)|representatives?|senators?|donate|write to|call your|take action|join|advocate|campaigns?|rally|rallies)(?-u:\b)").unwrap()
});

/// Where appended text starts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Split {
    /// Index (among `lines`) of the line where it starts.
    pub line: usize,
    /// Byte range of the marker in the input text, if one introduced it.
    pub marker: Option<(usize, usize)>,
    /// Byte offset in the input text where the appended text starts.
    pub start: usize,
    /// Commentary or advocacy.
    pub kind: AppendedKind,
}

/// Finds appended commentary among the kept lines of an article (in order).
pub(crate) fn find(text: &str, lines: &[&Line]) -> Option<Split> {
    find_marker(text, lines).or_else(|| find_essay_tail(text, lines))
}

fn kind_of(rest: &str) -> AppendedKind {
    if ADVOCACY.find_iter(rest).count() >= 3 {
        AppendedKind::Advocacy
    } else {
        AppendedKind::Commentary
    }
}

fn find_marker(text: &str, lines: &[&Line]) -> Option<Split> {
    // Never in the first two lines: a marker there opens a column, it is not appended.
    for (k, line) in lines.iter().enumerate().skip(2) {
        for m in MARKER.find_iter(line.text) {
            let before = line.text[..m.start()].trim_end();
            let at_boundary = before.is_empty() || before.ends_with(['.', '!', '?', '"', '”', '’']);
            if !at_boundary || !looks_like_heading(m.as_str(), &line.text[m.end()..]) {
                continue;
            }
            let abs_end = line.span.start + m.end();
            let after = &text[abs_end..];
            let start = abs_end
                + (after.len()
                    - after
                        .trim_start_matches([':', '.', '!', ' ', '-', '–', '—', '\n', '\r'])
                        .len());
            let rest = &text[start..];
            // Counted only as far as the thresholds, so that a marker on every line costs
            // no more than one.
            let sentences = rest.matches(['.', '!', '?']).take(3).count();
            if rest.split_whitespace().take(40).count() < 40 || sentences < 3 {
                continue;
            }
            let marker = (line.span.start + m.start(), abs_end);
            return Some(Split {
                line: k,
                marker: Some(marker),
                start,
                kind: kind_of(rest),
            });
        }
    }
    None
}

/// A marker styled as a heading: every word capitalised, all capitals, or followed by a
/// colon or the end of the line.
fn looks_like_heading(marker: &str, after: &str) -> bool {
    let words: Vec<&str> = marker.split_whitespace().collect();
    let small = [
        "our", "the", "this", "to", "can", "you", "we", "do", "of", "about", "a",
    ];
    let capitalised = words.iter().enumerate().all(|(i, w)| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            || (i > 0 && small.contains(&w.to_lowercase().as_str()))
    }) && words.len() >= 2;
    let upper = marker
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| c.is_uppercase());
    let after = after.trim_start_matches(' ');
    let colon = after.starts_with(':') || after.is_empty();
    let glued = after.chars().next().is_some_and(|c| c.is_uppercase()) && !after.starts_with(' ');
    colon
        || ((capitalised || upper)
            && (glued || after.starts_with(['.', '!', '?']) || words.len() >= 2))
}

fn find_essay_tail(text: &str, lines: &[&Line]) -> Option<Split> {
    let signals: Vec<Signals> = lines.iter().map(|l| Signals::of(l.text)).collect();
    let n = lines.len();
    // What each tail holds, summed from the end once: its words, its arguing lines and its
    // reporting lines (attributed quotations).
    let mut tails = vec![(0usize, 0usize, 0usize); n + 1];
    for k in (0..n).rev() {
        let s = &signals[k];
        let (words, arguing, reporting) = tails[k + 1];
        tails[k] = (
            words + s.words,
            arguing + usize::from(s.reads_as_commentary()),
            reporting + usize::from(s.attribution >= 1 && s.quotes >= 1),
        );
    }
    // Reporting must come first: at least two reporting paragraphs before the tail.
    let mut reporting_before = 0;
    for k in 0..n {
        if k >= 3 && reporting_before >= 2 {
            let tail = &signals[k..];
            let (words, arguing, reporting) = tails[k];
            if tail.len() >= 2
                && words >= 60
                && signals[k].reads_as_commentary()
                && arguing * 5 >= tail.len() * 4
                && reporting == 0
            {
                let rest = &text[lines[k].span.start..];
                return Some(Split {
                    line: k,
                    marker: None,
                    start: lines[k].span.start,
                    kind: kind_of(rest),
                });
            }
        }
        if signals[k].reads_as_reporting() {
            reporting_before += 1;
        }
    }
    None
}
