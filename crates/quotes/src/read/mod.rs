//! Quotations and reported speech from an article's reading ([`parallax_read`]): each
//! attribution frame becomes one [`Found`], its parts the frame's content and its speaker the
//! one the reading resolved.

use parallax_read::Reading;

use crate::found::Found;

/// The quotations and reported speech of one article, in the order it prints them; `starts`
/// is where each paragraph read starts in the article's input text ([`Reading::span`]).
pub fn said(reading: &Reading<'_>, starts: &[Option<usize>]) -> Vec<Found> {
    reading
        .frames
        .iter()
        .filter(|f| !f.content.is_empty())
        .map(|f| Found {
            paragraph: f.content[0].paragraph,
            parts: f
                .content
                .iter()
                .map(|c| reading.text(*c).to_string())
                .collect(),
            attribution: f.attribution.map(|a| reading.text(a).to_string()),
            speaker: f.speaker.clone(),
            direct: f.direct,
            headline: false,
            spans: f.content.iter().map(|c| reading.span(*c, starts)).collect(),
            context: said_in(reading, f),
        })
        .collect()
}

/// Most words [`said_in`] cites.
const MAX_CITED_WORDS: usize = 30;

/// The sentences of a frame's paragraph that hold its attribution and the words it
/// attributes there (“…,” the mayor added. / Dr Eklund told reporters: “…”): what shows
/// whom the outlet credits. Where those run past [`MAX_CITED_WORDS`], the words around the
/// attribution with as many of the nearest quoted words as fit (“… nothing is ruled out,”
/// Dr Rasa Eklund told a news conference in Hollin.). None without an attribution, or
/// with one printed in another paragraph than all of its words.
fn said_in(reading: &Reading<'_>, f: &parallax_read::frames::Frame) -> Option<String> {
    let a = f.attribution?;
    let here: Vec<_> = f
        .content
        .iter()
        .filter(|c| c.paragraph == a.paragraph)
        .collect();
    let start = here.iter().map(|c| c.start).min()?.min(a.start);
    let end = here.iter().map(|c| c.end).max()?.max(a.end);
    let para = &reading.paragraphs[a.paragraph];
    let held = para
        .sentences
        .iter()
        .map(|(s, _)| s)
        .filter(|s| s.start < end && start < s.end);
    let first = held.clone().map(|s| s.start).min()?.min(start);
    let last = held.map(|s| s.end).max()?.max(end);
    let text = para.text;
    if text[first..last].split_whitespace().count() <= MAX_CITED_WORDS {
        return Some(text[first..last].to_string());
    }
    // The attribution between the quoted words before and after it.
    let from = (here.iter().map(|c| c.end))
        .filter(|&e| e <= a.start)
        .max()
        .unwrap_or(first);
    let to = (here.iter().map(|c| c.start))
        .filter(|&s| s >= a.end)
        .min()
        .unwrap_or(last);
    let room = MAX_CITED_WORDS.saturating_sub(text[from..to].split_whitespace().count());
    let (from, to) = if from > first {
        (words_back(text, first, from, room), to)
    } else {
        (from, words_on(text, to, last, room))
    };
    Some(text[from..to].to_string())
}

/// Where the last `n` words of `text[lo..at]` start (`at` for none).
fn words_back(text: &str, lo: usize, at: usize, n: usize) -> usize {
    let starts: Vec<usize> = word_bounds(&text[lo..at]).map(|(s, _)| lo + s).collect();
    match n {
        0 => at,
        n if n >= starts.len() => lo,
        n => starts[starts.len() - n],
    }
}

/// Where the first `n` words of `text[at..hi]` end (`at` for none).
fn words_on(text: &str, at: usize, hi: usize, n: usize) -> usize {
    let ends: Vec<usize> = word_bounds(&text[at..hi]).map(|(_, e)| at + e).collect();
    match n {
        0 => at,
        n if n >= ends.len() => hi,
        n => ends[n - 1],
    }
}

/// Where each run of non-space characters starts and ends.
fn word_bounds(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    s.split_whitespace().map(move |w| {
        let start = w.as_ptr() as usize - s.as_ptr() as usize;
        (start, start + w.len())
    })
}

/// Marks what an article's reading found in its headline (paragraph 0 of a reading made
/// headline first). A headline quotes again, often trimmed, what its body quotes: that is
/// one more occurrence of the words. Not kept: a headline sentence with neither quote
/// marks nor attribution, and the headline printed again at the top of the body (the same
/// parts, whatever their case, in one of the body's first two paragraphs).
pub fn in_headline(found: &mut Vec<Found>) {
    found.retain(|f| f.paragraph > 0 || f.direct || f.attribution.is_some());
    // The headline printed again may be in capitals ("'NOTHING TO HIDE': …").
    let lower = |f: &Found| -> Vec<String> { f.parts.iter().map(|p| p.to_lowercase()).collect() };
    let headline: Vec<Vec<String>> = found
        .iter()
        .filter(|f| f.paragraph == 0)
        .map(lower)
        .collect();
    found.retain(|f| f.paragraph == 0 || f.paragraph > 2 || !headline.contains(&lower(f)));
    for f in found.iter_mut() {
        f.headline = f.paragraph == 0;
    }
}

/// First-person sentences printed without quote marks that may be someone's own words
/// ("We made progress in identifying possible points of agreement."), as translated or
/// transcribed copy prints them.
///
/// ## What it handles
/// Sentences of six words or more with no quotation and no attribution frame in them that
/// speak in the first person. Their speaker is the one of the frame after them in their
/// paragraph when they open it ("We made progress. Rubio stated that ..."), else the one of
/// the last frame before them, else the person the sentence before them is about. They are only candidates: [`crate::align`] keeps one when it
/// says what another outlet quoted, and grades it `paraphrase`.
///
/// ## What it does not
/// Tell a first-person column or a reporter's "we" from a speaker's words on its own: that
/// is why a candidate that matches no quotation is dropped.
pub fn unmarked(reading: &Reading<'_>, starts: &[Option<usize>]) -> Vec<Found> {
    let mut found = Vec::new();
    let mut order: usize = 0;
    for (k, para) in reading.paragraphs.iter().enumerate() {
        for (index, (sentence, tokens)) in para.sentences.iter().enumerate() {
            order += 1;
            let text = &para.text[sentence.start..sentence.end];
            let words: Vec<&str> = tokens
                .iter()
                .filter(|t| t.kind == parallax_read::tokens::TokenKind::Word)
                .map(|t| t.text(para.text))
                .collect();
            let framed = reading
                .frames
                .iter()
                .any(|f| f.paragraph == k && f.sentence == index);
            let first_person = words
                .iter()
                .any(|w| parallax_read::lexicon::first_person(w));
            if framed
                || words.len() < 6
                || !first_person
                || tokens.iter().any(|t| t.quoted)
                || text.contains(['“', '”', '"', '‘', '«', '»', '„'])
                || text.contains("''")
            {
                continue;
            }
            let next = (index == 0)
                .then(|| {
                    reading
                        .frames
                        .iter()
                        .find(|f| f.paragraph == k && f.sentence == 1)
                })
                .flatten();
            let before = reading
                .frames
                .iter()
                .rev()
                .find(|f| (f.paragraph, f.sentence) < (k, index) && f.speaker.is_some());
            // Else the person the sentence before is about ("Mayor Ingrid Solheim opened
            // the meeting. We have made real progress …").
            let speaker = next.or(before).and_then(|f| f.speaker.clone()).or_else(|| {
                order
                    .checked_sub(2)
                    .and_then(|o| reading.people.subject_of(o))
            });
            let piece = parallax_read::frames::Piece {
                paragraph: k,
                start: sentence.start,
                end: sentence.end,
            };
            found.push(Found {
                paragraph: k,
                parts: vec![text.to_string()],
                attribution: None,
                speaker,
                direct: false,
                headline: false,
                spans: reading.span(piece, starts).map(|s| vec![s]),
                context: None,
            });
        }
    }
    found
}

#[cfg(test)]
mod tests;
