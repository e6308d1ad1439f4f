//! Sentences of a paragraph, told apart with its quotations in view.
//!
//! ## What it handles
//! A full stop, question or exclamation mark (with any closing marks and brackets after it)
//! ends a sentence where whitespace and a capital, a digit or an opening mark follow, or the
//! paragraph ends. Inside a quotation it ends one only where the quotation closes right
//! after it (“It is slow.” He said ... is two sentences; “It is slow. Nobody sees it,” he
//! said is one, the attribution belonging to the whole quotation). Titles and abbreviations
//! before a name ("Sen. Ada Voss", "Lt. Col. Hale", "the U.S. Senate") end nothing; nor does
//! a full stop before a lower-case word.
//!
//! ## What it does not
//! Abbreviations that really end a sentence before a capital ("... in Washington, D.C. The
//! next day"): they do not end it.

use crate::lexicon;
use crate::marks::Quoted;

/// A sentence of a paragraph, in byte offsets of the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// First byte (leading spaces left out).
    pub start: usize,
    /// Just past its last byte (trailing spaces left out).
    pub end: usize,
}

/// Abbreviations that do not end a sentence before a capital, besides the titles.
const ABBREVIATIONS: &[&str] = &[
    "u.s", "u.n", "u.k", "e.u", "st", "mt", "ft", "jr", "sr", "no", "vol", "jan", "feb", "mar",
    "apr", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "vs", "a.m",
    "p.m", "d.c", "n.y", "calif", "fla", "mass", "penn", "wash", "va", "pa", "ky", "tex",
];

/// The sentences of `p`, given its quoted spans.
pub fn sentences(p: &str, quotes: &[Quoted]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in p.char_indices() {
        if !matches!(c, '.' | '!' | '?') || i < start {
            continue;
        }
        // What closes after the punctuation: marks and brackets.
        let mut end = i + c.len_utf8();
        while let Some(n) = p[end..].chars().next() {
            if matches!(n, '”' | '"' | '’' | '\'' | ')' | ']' | '»' | '«' | '“') && !opens(p, end)
            {
                end += n.len_utf8();
            } else {
                break;
            }
        }
        let rest = &p[end..];
        let gap = rest.len() - rest.trim_start().len();
        if end < p.len() && gap == 0 {
            continue;
        }
        let next = rest.trim_start().chars().next();
        let starts_anew =
            next.is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || is_opening_mark(n));
        if !starts_anew {
            continue;
        }
        if c == '.' && abbreviation_before(p, i) && !time_of_day_ends(p, i, rest) {
            continue;
        }
        // “Where were they?” Marchetti asked. — the attribution after a quotation that
        // ends with its own punctuation belongs to it.
        if end > i + c.len_utf8() && attribution_follows(rest) {
            continue;
        }
        // Inside a quotation only where it closes with this punctuation.
        let inside = quotes
            .iter()
            .find(|q| q.start <= i && i < q.end.max(q.start + 1));
        if let Some(q) = inside {
            if !(q.closed && q.outer_end <= end) {
                continue;
            }
        }
        push(&mut out, p, start, end);
        start = end;
    }
    push(&mut out, p, start, p.len());
    out
}

/// Whether the words after a quotation attribute it: a cue among the next few words, before
/// any punctuation ("Marchetti asked reporters.", "Senate leader Ada Voss said.").
fn attribution_follows(rest: &str) -> bool {
    let clause = rest
        .trim_start()
        .split(['.', ';', ':', '!', '?', '“', '"', '”'])
        .next()
        .unwrap_or("");
    let words: Vec<String> = clause
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(20)
        .map(str::to_lowercase)
        .collect();
    // A verb of its own makes the words a sentence, not an attribution.
    let verb = |w: &str| {
        matches!(
            w,
            "is" | "was"
                | "are"
                | "were"
                | "will"
                | "would"
                | "has"
                | "had"
                | "have"
                | "can"
                | "could"
        )
    };
    for (i, w) in words.iter().enumerate() {
        if verb(w) {
            return false;
        }
        if lexicon::cue(w).is_some_and(|(c, _)| attributes_quotation(c)) {
            // "He said he had directed his team …" after “… France.” reports something
            // new: a clause of its own after the cue.
            let after = &words[i + 1..];
            return after.len() <= 8
                && !after
                    .iter()
                    .any(|w| verb(w) || lexicon::subject_pronoun(w) || w == "that");
        }
    }
    false
}

/// Whether a cue can stand after a quotation and attribute it: a finite verb of speech,
/// writing or position ("said", "wrote", "insisted"), not one of belief or evidence
/// ("plans", "shows").
pub(crate) fn attributes_quotation(c: lexicon::Cue) -> bool {
    !c.base
        && !c.participle
        && !matches!(
            c.kind,
            lexicon::CueKind::Belief | lexicon::CueKind::Evidence
        )
}

fn opens(p: &str, at: usize) -> bool {
    let prev = p[..at].chars().next_back();
    let c = p[at..].chars().next();
    matches!(c, Some('“')) || (matches!(c, Some('"')) && prev.is_some_and(char::is_whitespace))
}

fn is_opening_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '"' | '‘' | '\'' | '„' | '«' | '»' | '(' | '[' | '”' | '`' | '—'
    )
}

/// "at 9 a.m. Nobody was hurt": "a.m." or "p.m." ends a sentence before a capitalised word
/// that is not a day, a month or a time zone ("6 a.m. Tuesday", "9 p.m. EST").
fn time_of_day_ends(p: &str, i: usize, rest: &str) -> bool {
    let word = p[..i]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .to_lowercase();
    if word != "a.m" && word != "p.m" {
        return false;
    }
    let next = rest
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric());
    let lower = next.to_lowercase();
    let calendar = lexicon::calendar(&lower);
    let zone = next.len() <= 4 && next.chars().all(|c| c.is_ascii_uppercase());
    !calendar && !zone
}

/// Whether the full stop at `i` closes a title or abbreviation ("Sen.", "U.S.") or an
/// initial or initials ("J.", "G.K.").
fn abbreviation_before(p: &str, i: usize) -> bool {
    let word = p[..i]
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '—'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let initials = word.contains('.')
        && word
            .split('.')
            .all(|x| x.chars().count() == 1 && x.chars().all(char::is_uppercase));
    single_initial
        || initials
        || lexicon::title(word).is_some() && word.len() <= 5
        || ABBREVIATIONS.contains(&lower.as_str())
        || is_party_tag(word)
}

/// "R-Ky", "D-Ill", "I-Vt": a party letter and a state abbreviation.
pub(crate) fn is_party_tag(word: &str) -> bool {
    let mut parts = word.splitn(2, '-');
    let party = parts.next().unwrap_or("");
    let state = parts.next().unwrap_or("");
    party.len() == 1
        && party.chars().all(char::is_uppercase)
        && (2..=6).contains(&state.len())
        && state.chars().next().is_some_and(char::is_uppercase)
}

/// The longest sentence read, in bytes: some ten times a long sentence of real news. A
/// run of text longer than this without a sentence end (a scraped page of words without
/// punctuation) is read as sentences of at most this length, cut at a space where there
/// is one, so that nothing done per sentence grows with the length of such a run.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn push(out: &mut Vec<Sentence>, p: &str, mut start: usize, end: usize) {
    while end - start > MAX_SENTENCE_BYTES {
        let mut cut = start + MAX_SENTENCE_BYTES;
        while !p.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = p[start..cut].rfind(char::is_whitespace) {
            if space > 0 {
                cut = start + space;
            }
        }
        push_one(out, p, start, cut);
        start = cut;
    }
    push_one(out, p, start, end);
}

fn push_one(out: &mut Vec<Sentence>, p: &str, start: usize, end: usize) {
    let s = &p[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if start + lead < end - trail {
        out.push(Sentence {
            start: start + lead,
            end: end - trail,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::marks::quoted;

    fn split(p: &str) -> Vec<&str> {
        sentences(p, &quoted(p))
            .iter()
            .map(|s| &p[s.start..s.end])
            .collect()
    }

    #[test]
    fn a_run_without_a_sentence_end_is_read_in_bounded_pieces() {
        let run = "word ".repeat(3 * MAX_SENTENCE_BYTES / 5);
        let pieces = split(&run);
        assert!(pieces.len() >= 3, "{}", pieces.len());
        assert!(pieces.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert!(pieces
            .iter()
            .all(|s| s.starts_with("word") && s.ends_with("word")));
        assert_eq!(
            pieces.concat().len() + pieces.len() - 1,
            run.trim_end().len()
        );
        // Letters without a space are cut between characters.
        let long = "é".repeat(MAX_SENTENCE_BYTES);
        assert!(split(&long).iter().all(|s| s.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(split(&long).concat(), long);
    }

    #[test]
    fn quotations_and_titles() {
        assert_eq!(
            split("“It is slow. Nobody sees it,” he said. Sen. Ada Voss, D-Ill., disagreed."),
            [
                "“It is slow. Nobody sees it,” he said.",
                "Sen. Ada Voss, D-Ill., disagreed."
            ]
        );
        assert_eq!(
            split("“Is it slow?” Voss asked. “It is.” The U.S. Senate waits."),
            [
                "“Is it slow?” Voss asked.",
                "“It is.”",
                "The U.S. Senate waits."
            ]
        );
        assert_eq!(
            split("Trains ran until 6 a.m. on Sunday. Then they stopped"),
            ["Trains ran until 6 a.m. on Sunday.", "Then they stopped"]
        );
        assert_eq!(
            split("''It failed.'' That was all, said Lt. Col. Hale."),
            ["''It failed.''", "That was all, said Lt. Col. Hale."]
        );
    }
}
