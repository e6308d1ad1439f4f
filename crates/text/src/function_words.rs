//! Words that carry grammar rather than content, and the words for small numbers: what
//! comparisons of wording leave out, and what they count as a number.

/// Articles, pronouns, auxiliaries, common prepositions and conjunctions, and "said": the
/// words two sentences share whatever they are about (lowercase).
pub const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "that", "this", "it", "its", "is", "was", "were", "are", "be", "been", "has",
    "have", "had", "he", "she", "they", "we", "i", "his", "her", "their", "our", "would", "will",
    "could", "can", "not", "no", "said", "says", "also", "which", "who", "about", "there", "than",
    "so", "if", "into", "after", "before", "over", "more", "some", "any", "all", "mr", "ms", "mrs",
    "being", "do", "does", "did", "should", "may", "might", "must", "shall",
];

/// Number words below a hundred that are written as one word, with their values.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// The value of a one-word number below a hundred ("forty" is 40), lowercase expected.
/// Compounds ("twenty-six", "three hundred") are built from these by the caller.
pub fn number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, v)| v)
}

/// Whether a lowercase word is a number: digits ("26", "3.5", "12,000") or a number word.
pub fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || number_word(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_digits_and_words() {
        for w in ["26", "3.5", "12,000", "forty", "five"] {
            assert!(is_number(w), "{w}");
        }
        for w in ["article", "5-like", "", ",", "fortyish"] {
            assert!(!is_number(w), "{w}");
        }
        assert_eq!(number_word("ninety"), Some(90.0));
        assert_eq!(number_word("hundred"), None);
    }
}
