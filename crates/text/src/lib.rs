//! Spans: pieces of an article's input text that keep their exact position in it.
//!
//! Every string parallax reports about an article (a body paragraph, a removed line, a quote)
//! is a [`Span`] of the article's input text, so it can always be found again. Spans hold
//! byte offsets, which Rust slices with; [`CharIndex`] turns them into the Unicode scalar
//! offsets the report contract uses. Beside spans: words and sentences of a text, keys
//! for names across spellings, and [`sense`], which folds near-synonyms onto one word.
//!
//! ```
//! use parallax_text::{lines, Span};
//!
//! let text = "Headline\n\nFirst paragraph.\n";
//! let spans: Vec<Span> = lines(text).filter(|s| !s.is_blank(text)).collect();
//! assert_eq!(spans[1].slice(text), "First paragraph.");
//! ```

use std::ops::Range;

mod function_words;
mod senses;
pub use function_words::{is_number, number_word, FUNCTION_WORDS};
pub use senses::sense;

/// A half-open byte range `[start, end)` of an article's input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; panics when `end < start`.
    pub fn new(start: usize, end: usize) -> Self {
        assert!(start <= end, "span end {end} before start {start}");
        Span { start, end }
    }

    /// The text this span covers.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True for an empty span.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the span holds only whitespace.
    pub fn is_blank(&self, text: &str) -> bool {
        self.slice(text).trim().is_empty()
    }

    /// The same span without leading and trailing whitespace.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }

    /// The part of this span from byte offset `at` (absolute) to its end.
    pub fn from(&self, at: usize) -> Span {
        Span::new(at.clamp(self.start, self.end), self.end)
    }

    /// The part of this span from its start up to byte offset `at` (absolute).
    pub fn until(&self, at: usize) -> Span {
        Span::new(self.start, at.clamp(self.start, self.end))
    }

    /// The byte range, for slicing.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Every line of `text` as a span without its line ending (`\n` or `\r\n`), blank lines
/// included, in order.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    text.split_inclusive('\n').scan(0, |start, piece| {
        let span_start = *start;
        *start += piece.len();
        let content = piece.strip_suffix('\n').unwrap_or(piece);
        let content = content.strip_suffix('\r').unwrap_or(content);
        Some(Span::new(span_start, span_start + content.len()))
    })
}

/// Converts byte offsets of one text to offsets in Unicode scalar values.
///
/// Built once per text; each lookup is a binary search over the positions of non-ASCII
/// characters, so ASCII-heavy news text costs almost nothing.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offsets of each multi-byte character, with the extra bytes it adds.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Index `text`.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                extra += n - 1;
                wide.push((i, extra));
            }
        }
        CharIndex { wide }
    }

    /// The character offset of byte offset `byte` (which must be a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        // Characters that start before `byte` have added their extra bytes.
        let k = self.wide.partition_point(|&(at, _)| at < byte);
        let extra = if k == 0 { 0 } else { self.wide[k - 1].1 };
        byte - extra
    }

    /// A span as `[start, end]` in Unicode scalar values.
    pub fn char_span(&self, span: Span) -> [usize; 2] {
        [self.char_offset(span.start), self.char_offset(span.end)]
    }
}

/// Collapses every run of whitespace to one space and trims the ends: the form in which two
/// renderings of the same text are compared.
pub fn flatten_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The words of `s`: maximal runs of letters and digits, apostrophes inside a word kept
/// (`don't`, `Putin’s`), as spans relative to `s`.
pub fn words(s: &str) -> impl Iterator<Item = Span> + '_ {
    let mut it = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = it.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = start;
        while let Some(&(i, c)) = it.peek() {
            if c.is_alphanumeric() {
                end = i + c.len_utf8();
                it.next();
            } else if matches!(c, '\'' | '’') {
                // Keep the apostrophe only when a letter follows it.
                let mut look = s[i + c.len_utf8()..].chars();
                if look.next().is_some_and(|n| n.is_alphabetic()) {
                    it.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        if end == start {
            end = start + s[start..].chars().next().map_or(1, char::len_utf8);
        }
        Some(Span::new(start, end))
    })
}

/// The sentences of `s`, each with its closing punctuation: a full stop, question or
/// exclamation mark ends a sentence only where whitespace or the end follows it, so "3.5"
/// and "U.S.-led" stay whole; and a full stop does not end one when the next word starts in
/// lower case ("before 6 a.m. in strong winds") or when it closes a title before a name
/// ("Mr. Tomas Ekholm", "Dr. Lind", "Sen. Dana Whitlock", "Lt. Col. Renata Osei"), or
/// when it stands between short runs of digits ("6. 2 miles", a decimal whose point
/// scraping spaced out; "in 2019. 12 people" still ends one).
///
/// It does not know other abbreviations before a capital ("Corp. said", "Jr. The"): those
/// end a sentence.
pub fn sentences(s: &str) -> impl Iterator<Item = &str> + '_ {
    const TITLES: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Sen", "Rep", "Gov", "Gen", "Lt", "Col",
        "Capt", "Sgt", "Supt", "Insp", "Cllr", "Hon", "Rev", "Cmdr", "Maj", "Adm", "Det",
    ];
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|&(_, n)| n.is_whitespace())
            {
                let end = i + c.len_utf8();
                if c == '.' {
                    let next = s[end..].trim_start().chars().next();
                    let word = s[..i]
                        .rsplit(|ch: char| !ch.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    // "6. 2 miles": a decimal broken by a space, not a sentence end.
                    let broken_decimal = word.chars().all(|ch| ch.is_ascii_digit())
                        && !word.is_empty()
                        && word.len() <= 3
                        && next.is_some_and(|ch| ch.is_ascii_digit());
                    if next.is_some_and(char::is_lowercase)
                        || broken_decimal
                        || (TITLES.contains(&word) && next.is_some_and(char::is_uppercase))
                    {
                        continue;
                    }
                }
                let sentence = &s[start..end];
                start = end;
                return Some(sentence);
            }
        }
        (start < s.len()).then(|| {
            let rest = &s[start..];
            start = s.len();
            rest
        })
    })
}

/// A word with its diacritics taken off, so that spellings with and without them meet:
/// Östvik / Ostvik, Đorđević / Djordjevic, Łódź / Lodz, Søren / Soren, Straße / Strasse.
///
/// Letters that decompose (é, ö, ñ, č) lose their marks; the Nordic, Slavic and German
/// letters that do not (ø, æ, đ, ł, ß, þ) are written the way English-language outlets write
/// them. It does not transliterate other scripts, or fold "ue" into "ü" (Müller / Mueller
/// becomes muller / mueller).
pub fn fold_diacritics(word: &str) -> String {
    use unicode_normalization::char::is_combining_mark;
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.nfd().filter(|&c| !is_combining_mark(c)) {
        match c {
            'ø' => out.push('o'),
            'Ø' => out.push('O'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            'đ' => out.push_str("dj"),
            'Đ' => out.push_str("Dj"),
            'ł' => out.push('l'),
            'Ł' => out.push('L'),
            'ß' => out.push_str("ss"),
            'þ' => out.push_str("th"),
            'Þ' => out.push_str("Th"),
            'ð' => out.push('d'),
            'ı' => out.push('i'),
            c => out.push(c),
        }
    }
    out
}

/// A name as it sounds rather than as one language writes it, for comparing
/// transliterations: lower-cased, diacritics folded, the commonest spellings of one sound
/// made one (`sch`/`sz` → `sh`, `dzh` → `dj`, `zh` → `j`, `cz` → `ch`, `w` → `v`, `y` →
/// `i`, `kh` → `h`, `ph` → `f`, `ks` → `x`, the German `ue`/`oe`/`ae` → `u`/`o`/`a`) and
/// doubled letters single: Kowalczyk and Kovalchik are both `kovalchik`, Müller and Mueller both `muler`,
/// Zelensky and Zelenskyy both `zelenski`, Aleksandr and Alexandr both `alexandr`,
/// Akhmedzhanov and Akhmedjanov both `ahmedjanov`.
///
/// A heuristic for Latin-script spellings of Slavic, German and Polish names; it does not
/// transliterate other scripts, and two different names can share a key (the comparisons
/// that use it also check first names).
pub fn name_key(name: &str) -> String {
    let s = replaced(
        fold_diacritics(&name.to_lowercase()),
        &[
            ("sch", "sh"),
            ("dzh", "dj"),
            ("zh", "j"),
            ("sz", "sh"),
            ("cz", "ch"),
            ("kh", "h"),
            ("ph", "f"),
            // A hard c is a k: "Oscar" / "Oskar", "Nicolai" / "Nikolai", "Jacob" / "Jakob".
            ("ck", "k"),
            ("ca", "ka"),
            ("co", "ko"),
            ("cu", "ku"),
            ("ks", "x"),
            ("ue", "u"),
            ("oe", "o"),
            ("ae", "a"),
            ("w", "v"),
            ("y", "i"),
        ],
    );
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// `s` with each pair's first string replaced by its second, in order.
fn replaced(mut s: String, pairs: &[(&str, &str)]) -> String {
    for (from, to) in pairs {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s
}

/// The key of a person's surname across spellings: the [`name_key`] of the name's last
/// word, or of the last part of a hyphenated one ("Aldous-Fale" and "Aldous Fale" both
/// `fale`).
pub fn surname_key(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2011}')
        .rfind(|w| !w.is_empty())
        .map(name_key)
        .unwrap_or_default()
}

/// Whether two printed names can be one person's across spellings and transliterations:
/// the same [`name_key`], one letter apart, the same letters once spaces and hyphens go
/// ("Van der Meulen" / "Vandermeulen"), or the same consonants in the same order after the
/// same first letter ("Tuleubayeva" / "Tuleubaeva", "Volkhova" / "Volkova"), with four
/// consonants or more. It compares the names alone: two people whose surnames differ by a
/// vowel ("Karimov" / "Kurimov") read as one, so callers also compare first names or
/// roles where they have them.
pub fn same_name(a: &str, b: &str) -> bool {
    let squash = |s: &str| -> String {
        name_key(
            &s.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>(),
        )
    };
    let (x, y) = (squash(a), squash(b));
    if x.is_empty() || y.is_empty() {
        return false;
    }
    if x == y || one_letter_apart(&x, &y) {
        return true;
    }
    let (sx, sy) = (name_skeleton(a), name_skeleton(b));
    sx == sy && sx.chars().count() >= 4
}

/// The consonants of a name's word as Latin renderings of other scripts share them: lower
/// case without diacritics, "zh", "dzh" and "j" as one sound, "kh", "ch" and "h" as breath
/// (dropped), "q" as "k", "x" as "ks", "w" as "v", "ph" as "f", "th" as "t", "y" as a
/// vowel; vowels dropped (a word that opens with one keeps "_" in its place) and doubled
/// letters made one: "Sadykov" and "Sadyqov" are `sdkv`, "Yerlan" and "Erlan" `_rln`,
/// "Aleksandr" and "Alexander" `_lksndr`, "Vlachos" and "Vlahos" `vls`, "Mohamed" and
/// "Muhammad" `md`. Spaces and hyphens inside are dropped ("Tae-hyun" is "Taehyun").
/// A heuristic: it joins renderings the name key keeps apart, and two different names
/// with the same consonants ("Marta" / "Merit") share it, so callers compare whole names.
pub fn name_skeleton(word: &str) -> String {
    let s: String = fold_diacritics(&word.to_lowercase())
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    let s = replaced(
        s,
        &[
            ("dzh", "j"),
            ("zh", "j"),
            ("kh", "h"),
            ("ch", "h"),
            ("ph", "f"),
            ("th", "t"),
            ("q", "k"),
            ("x", "ks"),
            ("w", "v"),
            ("y", "i"),
            ("j", "i"),
        ],
    );
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        if i == 0 && vowel {
            out.push('_');
            continue;
        }
        if vowel || c == 'h' || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// How many items two sorted lists share (an item as often as both hold it), in one merge
/// of the two.
pub fn shared_sorted<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// True when two spellings of a name are at most one letter apart (one letter changed,
/// added or dropped) and both have five letters or more: Zelensky / Zelenskyy,
/// Kowalczyk / Kowalczik. Shorter names must match exactly, so Lind and Land stay apart.
pub fn one_letter_apart(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if x.len().min(y.len()) < 5 || x.len().abs_diff(y.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        if x[i] == y[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match x.len().cmp(&y.len()) {
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (x.len() - i) + (y.len() - j) <= 1
}

#[cfg(test)]
mod tests {
    #[test]
    fn transliterations_and_left_out_spaces_are_one_name_but_other_surnames_are_not() {
        for (a, b) in [
            ("Tuleubayeva", "Tuleubaeva"),
            ("Volkhova", "Volkova"),
            ("Pieter Van der Meulen", "Pieter Vandermeulen"),
            ("Zhukovsky", "Joukovskiy"),
        ] {
            assert!(same_name(a, b), "{a} / {b}");
        }
        for (a, b) in [("Brugger", "Fluri"), ("Lind", "Land"), ("Imfeld", "Imhof")] {
            assert!(!same_name(a, b), "{a} / {b}");
        }
    }

    use super::*;

    #[test]
    fn sorted_lists_share_items_as_often_as_both_hold_them() {
        assert_eq!(shared_sorted(&[1, 2, 2, 5, 9], &[2, 2, 3, 9]), 3);
        assert_eq!(shared_sorted(&["a", "b"], &["c"]), 0);
        assert_eq!(shared_sorted::<u32>(&[], &[1]), 0);
    }

    #[test]
    fn transliterations_share_a_key() {
        for (a, b) in [
            ("Kowalczyk", "Kovalchik"),
            ("Müller", "Mueller"),
            ("Đorđević", "Djordjevic"),
            ("Zelensky", "Zelenskyy"),
            ("Aleksandr", "Alexandr"),
            ("Schröder", "Schroeder"),
            ("Mikhail", "Mihail"),
            ("Akhmedzhanov", "Akhmedjanov"),
            ("Zhanna", "Janna"),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
        for (a, b) in [("Lind", "Land"), ("Maria", "Mario"), ("Petrov", "Petrova")] {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn diacritics_fold_to_the_english_spelling() {
        for (word, folded) in [
            ("Östvik", "Ostvik"),
            ("Đorđević", "Djordjevic"),
            ("Łódź", "Lodz"),
            ("søren", "soren"),
            ("Straße", "Strasse"),
            ("Ærø", "Aero"),
            ("café", "cafe"),
            ("Zelenskyy", "Zelenskyy"),
            ("Müller", "Muller"),
            ("Киев", "Киев"),
        ] {
            assert_eq!(fold_diacritics(word), folded, "{word}");
        }
    }

    #[test]
    fn lines_keep_blank_lines_and_strip_endings() {
        let t = "a\r\n\nb\nc";
        let got: Vec<&str> = lines(t).map(|s| s.slice(t)).collect();
        assert_eq!(got, ["a", "", "b", "c"]);
        let t = "a\n";
        let got: Vec<&str> = lines(t).map(|s| s.slice(t)).collect();
        assert_eq!(got, ["a"]);
        assert_eq!(lines("").count(), 0);
        let t = "\nx";
        let got: Vec<&str> = lines(t).map(|s| s.slice(t)).collect();
        assert_eq!(got, ["", "x"]);
    }

    #[test]
    fn char_index_counts_scalar_values() {
        let t = "a’b “c” d";
        let ix = CharIndex::new(t);
        let d = t.find('d').unwrap();
        assert_eq!(ix.char_offset(d), t.chars().count() - 1);
        assert_eq!(ix.char_offset(0), 0);
        assert_eq!(ix.char_offset(1), 1);
        assert_eq!(ix.char_offset(4), 2);
    }

    #[test]
    fn trim_and_flatten() {
        let t = "  x y \n";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s.slice(t), "x y");
        assert_eq!(flatten_whitespace(" a \n\n b  c "), "a b c");
        assert!(Span::new(0, 2).trim("  ").is_empty());
    }

    #[test]
    fn words_keep_inner_apostrophes() {
        let t = "Putin’s “deal” isn't 5-like, 'quoted'";
        let got: Vec<&str> = words(t).map(|s| s.slice(t)).collect();
        assert_eq!(got, ["Putin’s", "deal", "isn't", "5", "like", "quoted"]);
    }

    #[test]
    fn sentences_end_before_whitespace() {
        let t = "The 3.5-year war went on. U.S.-led talks stalled! Did they? Yes";
        let got: Vec<&str> = sentences(t).collect();
        assert_eq!(
            got,
            [
                "The 3.5-year war went on.",
                " U.S.-led talks stalled!",
                " Did they?",
                " Yes"
            ]
        );
        assert_eq!(sentences("").count(), 0);
        let t = "It struck at 6 a.m. in strong winds. Mr. Ekholm spoke. Then Dr. Lind did.";
        let got: Vec<&str> = sentences(t).collect();
        assert_eq!(
            got,
            [
                "It struck at 6 a.m. in strong winds.",
                " Mr. Ekholm spoke.",
                " Then Dr. Lind did."
            ]
        );
        let t = "It fell 10 kilometres (6. 2 miles) away. Sen. Dana Whitlock spoke in 2019. 12 more came.";
        let got: Vec<&str> = sentences(t).collect();
        assert_eq!(
            got,
            [
                "It fell 10 kilometres (6. 2 miles) away.",
                " Sen. Dana Whitlock spoke in 2019.",
                " 12 more came."
            ]
        );
    }

    #[test]
    fn spellings_one_letter_apart() {
        assert!(one_letter_apart("zelensky", "zelenskyy"));
        assert!(one_letter_apart("kowalczyk", "kowalczik"));
        assert!(!one_letter_apart("lind", "land"));
        assert!(!one_letter_apart("holt", "voss"));
        assert!(!one_letter_apart("lindqvist", "lundkvist"));
    }
}
