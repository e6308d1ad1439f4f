//! Numbers as news prints them.
//!
//! ## What it handles
//! Digits with thousands separators and decimals (`12,000`, `3.5`), number words up to the
//! thousands (`Twenty-six`, `eleven`, `three hundred`), fractions after a number (`three and
//! a half`), scale words (`1.2 million`, `5m`, `410 million crowns`), hyphenated compounds
//! (`3.5-year`, `32-member`, `three and a half-year`), and the word after the number as its
//! unit.
//!
//! ## What it does not
//! Ordinals, percentages as ratios, and currency conversion. A range ("10 to 12") is two
//! numbers; [`crate::details`] reads the second as a ceiling.

use std::sync::LazyLock;

use regex::Regex;

/// A number found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// As printed, with a hyphenated unit ("3.5-year").
    pub text: String,
    /// Byte range in the text.
    pub range: (usize, usize),
    /// Its value.
    pub value: f64,
    /// The word it counts, lower-cased and without a plural s ("passenger", "year").
    pub unit: Option<String>,
    /// The whole that a part before it is counted out of ("13" in "twelve of the
    /// Senate's 13 Republicans"): a total, not what the sentence tells of.
    pub whole: bool,
}

/// The number words up to ninety.
pub(crate) const WORD: &str = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    let word = WORD;
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|{word}(?:[- ]{word})?(?:\s+hundred(?:\s+and\s+{word}(?:[- ]{word})?)?)?(?-u:\b))(?P<half>\s+and\s+a\s+half)?(?:(?:\s*|-)(?P<scale>million|billion|thousand|m|bn|k)(?-u:\b))?(?P<unit>-[a-z]+|\s+[a-z]+|(?:km/h|kg|km|cm|mm|mph|kph|ha|mw|t)(?-u:\b))?"
    ))
    .unwrap()
});

fn word_value(s: &str) -> Option<f64> {
    let s = s.to_lowercase();
    let mut total = 0.0;
    let mut current = 0.0;
    for part in s
        .split(|c: char| c == '-' || c.is_whitespace())
        .filter(|p| !p.is_empty() && *p != "and")
    {
        if part == "hundred" {
            current = if current == 0.0 {
                100.0
            } else {
                current * 100.0
            };
        } else {
            current += parallax_text::number_word(part)?;
        }
    }
    total += current;
    Some(total)
}

/// Every number in `text`.
pub fn numbers(text: &str) -> Vec<Number> {
    let mut out: Vec<Number> = Vec::new();
    // Where the whole of the last part read ends ("of the Senate's 13 Republicans").
    let mut whole_until = 0;
    for c in NUMBER.captures_iter(text) {
        let Some(num) = c.name("num") else { continue };
        let raw = num.as_str();
        let mut value = if raw.chars().next().is_some_and(|ch| ch.is_ascii_digit()) {
            match raw.replace(',', "").parse::<f64>() {
                Ok(v) => v,
                Err(_) => continue,
            }
        } else {
            match word_value(raw) {
                Some(v) => v,
                None => continue,
            }
        };
        if c.name("half").is_some() {
            value += 0.5;
        }
        if let Some(scale) = c.name("scale") {
            value *= match scale.as_str().to_lowercase().as_str() {
                "million" | "m" => 1e6,
                "billion" | "bn" => 1e9,
                _ => 1e3,
            };
        }
        let whole = num.start() < whole_until;
        let unit_m = c.name("unit");
        let unit = unit_m.map(|u| {
            // "71 of the 120 deputies", "1,150 of the site's nearly 2,300 jobs": a part
            // counts what the whole does.
            if u.as_str().trim() == "of" {
                if let Some(whole) = PART_OF.captures(&text[u.end()..]) {
                    whole_until = u.end() + whole.get(0).map_or(0, |m| m.end());
                    return singular(&whole["unit"].to_lowercase());
                }
            }
            let u = u.as_str().trim_start_matches('-').trim().to_lowercase();
            if let Some((_, full)) = MEASURES.iter().find(|(short, _)| *short == u) {
                return full.to_string();
            }
            singular(&u)
        });
        // A hyphenated or glued unit belongs to the printed form ("32-member", "1,150kg");
        // a spaced one does not.
        let end = match unit_m {
            Some(u) if !u.as_str().starts_with(char::is_whitespace) => u.end(),
            _ => c
                .name("scale")
                .map_or(c.name("half").map_or(num.end(), |h| h.end()), |s| s.end()),
        };
        out.push(Number {
            text: text[num.start()..end].to_string(),
            range: (num.start(), end),
            value,
            unit,
            whole,
        });
    }
    out
}

/// What a part is counted out of: "of the 120 deputies", "of the site's nearly 2,300 jobs".
static PART_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s+(?:the|its|their)\s+(?:[\w’']+\s+){{0,3}}?(?:\d[\d,.]*|{WORD}(?:[- ]{WORD})?)\s+(?P<unit>[a-z]+)"
    ))
    .unwrap()
});

/// A unit word without its plural s ("passengers" → "passenger"); words of two letters
/// or less as they are.
fn singular(u: &str) -> String {
    u.strip_suffix('s')
        .filter(|x| x.len() >= 3)
        .map(String::from)
        .unwrap_or_else(|| u.to_string())
}

/// A measure's value in its dimension's base unit, with that unit: masses in kilograms,
/// lengths in metres ("1,150kg" and "1.5-tonne" compare as 1,150 and 1,500 kilograms).
/// Other units as they are.
pub(crate) fn in_base_unit(unit: &str, value: f64) -> (&str, f64) {
    match unit {
        "tonne" => ("kilogram", value * 1000.0),
        "gram" => ("kilogram", value / 1000.0),
        "kilometre" => ("metre", value * 1000.0),
        "centimetre" => ("metre", value / 100.0),
        "millimetre" => ("metre", value / 1000.0),
        _ => (unit, value),
    }
}

/// Units of measure as printed, abbreviated or in another spelling, each with the one
/// name they are compared under ("84 kilometers" and "96 km" are both kilometres).
const MEASURES: &[(&str, &str)] = &[
    ("km", "kilometre"),
    ("kms", "kilometre"),
    ("kilometer", "kilometre"),
    ("kilometers", "kilometre"),
    ("kilometres", "kilometre"),
    ("kg", "kilogram"),
    ("kgs", "kilogram"),
    ("kilo", "kilogram"),
    ("kilos", "kilogram"),
    ("kilograms", "kilogram"),
    ("meter", "metre"),
    ("meters", "metre"),
    ("metres", "metre"),
    ("cm", "centimetre"),
    ("mm", "millimetre"),
    ("ha", "hectare"),
    ("hectares", "hectare"),
    ("tonnes", "tonne"),
    ("g", "gram"),
    ("grams", "gram"),
    ("tons", "tonne"),
    ("ton", "tonne"),
    ("t", "tonne"),
    ("mph", "mph"),
    ("kph", "kph"),
    ("km/h", "kph"),
    ("mw", "megawatt"),
    ("megawatts", "megawatt"),
    ("ft", "foot"),
    ("feet", "foot"),
    ("mi", "mile"),
    ("hrs", "hour"),
    ("hr", "hour"),
    ("mins", "minute"),
    ("min", "minute"),
];

/// Whether `unit` is a unit of measure as [`numbers`] names it ("kilometre", "hectare").
pub(crate) fn is_measure(unit: &str) -> bool {
    MEASURES.iter().any(|(_, full)| *full == unit)
}

/// Currency signs, as they stand before a figure, and the currency each names.
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "dollar"),
    ("€", "euro"),
    ("£", "pound"),
    ("¥", "yen"),
    ("₹", "rupee"),
    ("₦", "naira"),
    ("₽", "rouble"),
    ("₺", "lira"),
    ("₩", "won"),
];

/// Currency names as printed after a figure (singular, plural and other spellings), each
/// with the currency it names.
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "dollar"),
    ("dollars", "dollar"),
    ("euro", "euro"),
    ("euros", "euro"),
    ("pound", "pound"),
    ("pounds", "pound"),
    ("sterling", "pound"),
    ("yen", "yen"),
    ("yuan", "yuan"),
    ("renminbi", "yuan"),
    ("rupee", "rupee"),
    ("rupees", "rupee"),
    ("franc", "franc"),
    ("francs", "franc"),
    ("peso", "peso"),
    ("pesos", "peso"),
    ("shilling", "shilling"),
    ("shillings", "shilling"),
    ("rouble", "rouble"),
    ("roubles", "rouble"),
    ("ruble", "rouble"),
    ("rubles", "rouble"),
    ("lira", "lira"),
    ("liras", "lira"),
    ("dinar", "dinar"),
    ("dinars", "dinar"),
    ("dirham", "dirham"),
    ("dirhams", "dirham"),
    ("riyal", "riyal"),
    ("riyals", "riyal"),
    ("rand", "rand"),
    ("krona", "krona"),
    ("kronor", "krona"),
    ("krone", "krone"),
    ("kroner", "krone"),
    ("zloty", "zloty"),
    ("zlotys", "zloty"),
    ("naira", "naira"),
    ("cedi", "cedi"),
    ("cedis", "cedi"),
    ("tenge", "tenge"),
    ("som", "som"),
    ("lari", "lari"),
    ("manat", "manat"),
    ("dram", "dram"),
    ("drams", "dram"),
    ("baht", "baht"),
    ("ringgit", "ringgit"),
    ("rupiah", "rupiah"),
    ("won", "won"),
    ("dong", "dong"),
    ("taka", "taka"),
    ("kwacha", "kwacha"),
    ("birr", "birr"),
    ("real", "real"),
    ("reais", "real"),
    ("lev", "lev"),
    ("leva", "lev"),
    ("lei", "leu"),
    ("forint", "forint"),
    ("hryvnia", "hryvnia"),
    ("hryvnias", "hryvnia"),
];

/// The currency of an amount: a sign right before the figure ("$14.6m", "US$2bn",
/// "€3.4bn") or a currency name after it, past one capitalised word that says whose
/// ("14.6 million Teluvian dollars", "5m euros"). `None` for a count of anything else.
/// Currencies named only by a code ("USD 40m") are not read.
pub(crate) fn currency(sentence: &str, n: &Number) -> Option<&'static str> {
    let before = sentence[..n.range.0].trim_end();
    if let Some((_, c)) = CURRENCY_SIGNS.iter().find(|(s, _)| before.ends_with(s)) {
        return Some(c);
    }
    let mut words = sentence[n.range.1..]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let find = |w: &str| {
        let lower = w.to_lowercase();
        CURRENCY_WORDS
            .iter()
            .find(|(name, _)| *name == lower)
            .map(|(_, c)| *c)
    };
    let first = words.next()?;
    find(first).or_else(|| {
        first
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
            .then(|| words.next().and_then(find))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_normalise() {
        let table = [
            ("the 3.5-year war", "3.5-year", 3.5, Some("year")),
            (
                "the three and a half-year war",
                "three and a half-year",
                3.5,
                Some("year"),
            ),
            (
                "the 32-member military alliance",
                "32-member",
                32.0,
                Some("member"),
            ),
            (
                "Twenty-six passengers were on board",
                "Twenty-six",
                26.0,
                Some("passenger"),
            ),
            (
                "There were 62 passengers on board",
                "62",
                62.0,
                Some("passenger"),
            ),
            (
                "cutting power to about 12,000 households",
                "12,000",
                12000.0,
                Some("household"),
            ),
            (
                "a bridge estimated to cost 410 million crowns",
                "410 million",
                410e6,
                Some("crown"),
            ),
            ("a 5m euros fund", "5m", 5e6, Some("euro")),
            (
                "three hundred and twenty people",
                "three hundred and twenty",
                320.0,
                Some("people"),
            ),
        ];
        for (text, printed, value, unit) in table {
            let n = numbers(text);
            assert_eq!(n.len(), 1, "{text}: {n:?}");
            assert_eq!(n[0].text, printed, "{text}");
            assert_eq!(n[0].value, value, "{text}");
            assert_eq!(n[0].unit.as_deref(), unit, "{text}");
        }
        assert!(numbers("No one was hurt and someone left")
            .iter()
            .all(|n| n.text.to_lowercase() != "someone"));
        // A number word is a whole word: "tender" holds no ten, "often" no ... ten.
        assert!(numbers("awarded without a tender, as often happens").is_empty());
        // A unit glued to the figure.
        let n = numbers("the 2,400kg rover");
        assert_eq!(
            (n[0].text.as_str(), n[0].unit.as_deref()),
            ("2,400kg", Some("kilogram"))
        );
        // A part counts its whole's unit; the whole is marked as one.
        let n = numbers("Nine of the board's 15 trustees voted, and 40 of its staff left.");
        let read: Vec<(f64, Option<&str>, bool)> = n
            .iter()
            .map(|n| (n.value, n.unit.as_deref(), n.whole))
            .collect();
        assert_eq!(
            read,
            [
                (9.0, Some("trustee"), false),
                (15.0, Some("trustee"), true),
                (40.0, Some("of"), false)
            ]
        );
    }
}
