//! BERT's uncased WordPiece tokenizer, as all-MiniLM-L6-v2 was trained with it.
//!
//! ## What it handles
//! The normaliser (control characters dropped, every kind of whitespace a space, CJK
//! ideographs set apart, accents stripped after canonical decomposition, lower case), the
//! pre-tokeniser (split at whitespace, every punctuation mark a token of its own) and the
//! greedy longest-match-first WordPiece split with `##` continuations; a word no split
//! covers, or longer than 100 characters, is `[UNK]`.
//!
//! ## What it does not
//! Pairs of sequences, or offsets back into the text: parallax embeds whole passages and
//! keeps positions itself. Punctuation outside ASCII is recognised by the Unicode blocks that
//! hold it (general punctuation, CJK and full-width punctuation, Latin-1 marks) rather than
//! by the full general-category table; letters and digits are never taken for punctuation.

use std::collections::HashMap;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Words longer than this (in characters) are `[UNK]`.
const MAX_WORD_CHARS: usize = 100;

/// A vocabulary and the special tokens of a BERT model.
#[derive(Debug, Clone)]
pub struct WordPiece {
    ids: HashMap<String, u32>,
    unk: u32,
    cls: u32,
    sep: u32,
}

impl WordPiece {
    /// Reads `vocab.txt`: one token per line, its id the line number.
    pub fn from_vocab(text: &str) -> Option<WordPiece> {
        let ids: HashMap<String, u32> = text
            .lines()
            .enumerate()
            .map(|(i, t)| (t.to_string(), i as u32))
            .collect();
        Some(WordPiece {
            unk: *ids.get("[UNK]")?,
            cls: *ids.get("[CLS]")?,
            sep: *ids.get("[SEP]")?,
            ids,
        })
    }

    /// The token ids of `text`: `[CLS]`, at most `max_len - 2` word pieces, `[SEP]`.
    pub fn encode(&self, text: &str, max_len: usize) -> Vec<u32> {
        let budget = max_len.saturating_sub(2);
        let mut out = vec![self.cls];
        let normalized = normalize(text);
        'words: for word in pre_tokenize(&normalized) {
            for id in self.pieces(word) {
                if out.len() > budget {
                    break 'words;
                }
                out.push(id);
            }
        }
        out.push(self.sep);
        out
    }

    /// Greedy longest-match-first split of one word.
    fn pieces(&self, word: &str) -> Vec<u32> {
        if word.chars().count() > MAX_WORD_CHARS {
            return vec![self.unk];
        }
        let mut pieces = Vec::new();
        let mut start = 0;
        let mut key = String::new();
        while start < word.len() {
            let mut end = word.len();
            let found = loop {
                key.clear();
                if start > 0 {
                    key.push_str("##");
                }
                key.push_str(&word[start..end]);
                if let Some(&id) = self.ids.get(&key) {
                    break Some(id);
                }
                match word[start..end].char_indices().next_back() {
                    Some((i, _)) if i > 0 => end = start + i,
                    _ => break None,
                }
            };
            match found {
                Some(id) => pieces.push(id),
                None => return vec![self.unk],
            }
            start = end;
        }
        pieces
    }
}

/// BERT's normaliser for uncased models.
fn normalize(text: &str) -> String {
    let mut cleaned = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{fffd}' {
            continue;
        }
        if c.is_whitespace() {
            cleaned.push(' ');
        } else if c.is_control() || is_format(c) {
            continue;
        } else if is_cjk(c) {
            cleaned.push(' ');
            cleaned.push(c);
            cleaned.push(' ');
        } else {
            cleaned.push(c);
        }
    }
    cleaned
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Splits at whitespace and sets every punctuation mark apart.
fn pre_tokenize(text: &str) -> impl Iterator<Item = &str> {
    text.split(' ').flat_map(|chunk| {
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, c) in chunk.char_indices() {
            if is_punctuation(c) {
                if start < i {
                    parts.push(&chunk[start..i]);
                }
                parts.push(&chunk[i..i + c.len_utf8()]);
                start = i + c.len_utf8();
            }
        }
        if start < chunk.len() {
            parts.push(&chunk[start..]);
        }
        parts
    })
}

/// Format characters (zero-width joiners, soft hyphens, direction marks) that BERT drops.
fn is_format(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// ASCII symbols count as punctuation for BERT, as do the Unicode punctuation blocks.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c,
            '\u{a1}' | '\u{a7}' | '\u{ab}' | '\u{b6}' | '\u{b7}' | '\u{bb}' | '\u{bf}'
            | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}'
            | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301f}'
            | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}' | '\u{ff3b}'..='\u{ff40}'
            | '\u{ff5b}'..='\u{ff65}')
}

/// The CJK ideograph blocks that BERT sets apart as words of their own.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{20000}'..='\u{2a6df}'
        | '\u{2a700}'..='\u{2b73f}' | '\u{2b740}'..='\u{2b81f}' | '\u{2b820}'..='\u{2ceaf}'
        | '\u{f900}'..='\u{faff}' | '\u{2f800}'..='\u{2fa1f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> WordPiece {
        let tokens = [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "mayor", "said", ",", ".", "un", "##want",
            "##ed", "cafe", "'", "t", "don", "東", "naive", "resume", "$", "5", "2", "m", "##m",
        ];
        WordPiece::from_vocab(&tokens.join("\n")).unwrap()
    }

    #[test]
    fn splits_words_punctuation_and_pieces() {
        let v = vocab();
        let cases: &[(&str, &[u32])] = &[
            ("The mayor said.", &[2, 4, 5, 6, 8, 3]),
            ("unwanted", &[2, 9, 10, 11, 3]),
            // Accents stripped and case folded: "Café" is "cafe", "naïve" "naive".
            ("Café NAÏVE résumé", &[2, 12, 17, 18, 3]),
            ("don't", &[2, 15, 13, 14, 3]),
            // A CJK ideograph is a word of its own; an unknown word is [UNK].
            ("東京", &[2, 16, 1, 3]),
            ("$5.2m", &[2, 19, 20, 8, 21, 23, 3]),
            // Every whitespace is a separator; zero-width and control characters go.
            ("the\u{a0}mayor\u{200b}\tsaid", &[2, 4, 5, 6, 3]),
            ("", &[2, 3]),
        ];
        for (text, ids) in cases {
            assert_eq!(v.encode(text, 64), *ids, "{text:?}");
        }
    }

    #[test]
    fn truncates_to_the_model_length() {
        let v = vocab();
        assert_eq!(
            v.encode("the mayor said the mayor said", 5),
            [2, 4, 5, 6, 3]
        );
    }

    #[test]
    fn a_word_no_split_covers_is_unknown() {
        let v = vocab();
        assert_eq!(v.encode("unwantedx", 64), [2, 1, 3]);
        assert_eq!(v.encode(&"a".repeat(101), 64), [2, 1, 3]);
    }
}
