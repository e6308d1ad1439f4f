//! Tokens of a sentence: words and the punctuation that bounds phrases, each knowing
//! whether it stands inside a quotation.
//!
//! ## What it handles
//! A word is a run of letters and digits that may hold a hyphen, an apostrophe, a full
//! stop or an ampersand between two of them ("Holtz-Eakin", "don't", "U.S", "AT&T"); a
//! possessive ending ("Trump's", "Voss’") stays with the word and is reported apart.
//! Commas, colons, semicolons, dashes, brackets and sentence ends are tokens of their own;
//! quotation marks are not tokens: a token inside a quoted span says so.
//!
//! ## What it does not
//! Split contractions ("don't" is one word) or hyphenated compounds.

use crate::marks::Quoted;

/// One token, in byte offsets of its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// First byte.
    pub start: usize,
    /// Just past the last byte.
    pub end: usize,
    /// A word, or the punctuation character.
    pub kind: TokenKind,
    /// Inside a quoted span.
    pub quoted: bool,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits.
    Word,
    /// A punctuation character that bounds phrases: `, ; : — – ( ) . ! ?`.
    Punct(char),
}

impl Token {
    /// The token's text.
    pub fn text<'a>(&self, p: &'a str) -> &'a str {
        &p[self.start..self.end]
    }

    /// The word without a possessive ending ("Trump's" → "Trump").
    pub fn stem<'a>(&self, p: &'a str) -> &'a str {
        let t = self.text(p);
        for end in ["'s", "’s", "'", "’"] {
            if let Some(s) = t.strip_suffix(end) {
                if !s.is_empty() {
                    return s;
                }
            }
        }
        t
    }

    /// True for a word that ends in a possessive.
    pub fn possessive(&self, p: &str) -> bool {
        self.kind == TokenKind::Word && self.stem(p).len() != self.text(p).len()
    }

    /// True for a word that opens with a capital letter.
    pub fn capitalised(&self, p: &str) -> bool {
        self.kind == TokenKind::Word && self.text(p).chars().next().is_some_and(char::is_uppercase)
    }

    /// True for this punctuation character.
    pub fn is(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
}

/// Whether `text` reads as a title-case line, as headlines are set: it ends with no full
/// stop and most of its words (`tokens`, placed in `p`) are capitalised.
pub fn title_case(text: &str, tokens: &[Token], p: &str) -> bool {
    let words = tokens.iter().filter(|t| t.kind == TokenKind::Word).count();
    let capitalised = tokens.iter().filter(|t| t.capitalised(p)).count();
    !text.trim_end().ends_with(['.', '”', '"']) && capitalised * 2 > words
}

/// The tokens of `p[from..to]`, given the paragraph's quoted spans.
pub fn tokens(p: &str, from: usize, to: usize, quotes: &[Quoted]) -> Vec<Token> {
    let text = &p[from..to];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let inside = |at: usize| quotes.iter().any(|q| q.start <= at && at < q.end);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if c.is_alphanumeric() {
            let start = i;
            let mut end = i + c.len_utf8();
            k += 1;
            while k < chars.len() {
                let (j, d) = chars[k];
                let joins = matches!(d, '-' | '\'' | '’' | '.' | '&')
                    && chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if d.is_alphanumeric() || joins {
                    end = j + d.len_utf8();
                    k += 1;
                } else if matches!(d, '\'' | '’') && text[start..end].ends_with(['s', 'S']) {
                    // A plural possessive: "voters'".
                    end = j + d.len_utf8();
                    k += 1;
                    break;
                } else {
                    break;
                }
            }
            // A title, an initial or an abbreviation keeps its full stop: "Sen.", "J.",
            // "U.S.", "R-Ky.".
            if text[end..].starts_with('.') && keeps_stop(&text[start..end]) {
                end += 1;
                if k < chars.len() && chars[k].1 == '.' {
                    k += 1;
                }
            }
            out.push(Token {
                start: from + start,
                end: from + end,
                kind: TokenKind::Word,
                quoted: inside(from + start),
            });
            continue;
        }
        if matches!(
            c,
            ',' | ';' | ':' | '—' | '–' | '―' | '(' | ')' | '.' | '!' | '?'
        ) || (c == '-' && text[i..].starts_with("--"))
        {
            out.push(Token {
                start: from + i,
                end: from + i + c.len_utf8(),
                kind: TokenKind::Punct(if matches!(c, '-' | '―') { '—' } else { c }),
                quoted: inside(from + i),
            });
        } else if c == '-'
            && chars.get(k.wrapping_sub(1)).is_some_and(|x| x.1 == ' ')
            && chars.get(k + 1).is_some_and(|x| x.1 == ' ')
        {
            // A spaced hyphen stands for a dash.
            out.push(Token {
                start: from + i,
                end: from + i + 1,
                kind: TokenKind::Punct('—'),
                quoted: inside(from + i),
            });
        }
        k += 1;
    }
    out
}

/// Whether a word keeps the full stop after it.
fn keeps_stop(word: &str) -> bool {
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial
        || word.contains('.')
        || (crate::lexicon::title(word).is_some() && word.len() <= 5)
        || crate::sentences::is_party_tag(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_punctuation() {
        let p = "Holtz-Eakin, the U.S. adviser, said voters' fears weren't new - really.";
        let t = tokens(p, 0, p.len(), &[]);
        let words: Vec<&str> = t
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(p))
            .collect();
        assert_eq!(
            words,
            [
                "Holtz-Eakin",
                "the",
                "U.S.",
                "adviser",
                "said",
                "voters'",
                "fears",
                "weren't",
                "new",
                "really"
            ]
        );
        assert!(t.iter().any(|t| t.is('—')));
        assert_eq!(t[0].stem(p), "Holtz-Eakin");
        let voters = t.iter().find(|t| t.text(p) == "voters'").unwrap();
        assert!(voters.possessive(p));
    }
}
