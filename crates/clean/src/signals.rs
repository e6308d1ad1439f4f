//! Counts of the words that tell reporting from commentary, outside quotation marks.
//!
//! Reporting attributes ("said", "told", "according to"); commentary argues ("must",
//! "crucial", "in conclusion", "we"). Words inside quote marks belong to the people quoted,
//! not to the writer, so they are not counted.

use std::sync::LazyLock;

use regex::Regex;

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(said|says|told|according to|stated|added|announced|reported|confirmed|denied|declined to comment|spokes(man|woman|person)|said in a statement|wrote|tweeted|testified|insisted|warned|noted)(?-u:\b)").unwrap()
});
static ARGUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(must|should|ought to|essential|crucial|imperative|it is (important|vital|time)|we need|moreover|furthermore|ultimately|in conclusion|underscores?|raises? (critical |serious )?questions|implications?|reflects? a broader|historically|it is clear|we cannot|let us|shameful|disgrace|i believe|in my view|frankly|surely|advocate|accountable|moral|let's)(?-u:\b)").unwrap()
});
static WE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(we|We|our|Our|us|ourselves)(?-u:\b)").unwrap());
static I: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(I|I'm|I’m|I've|I’ve|my|My|me)(?-u:\b)").unwrap());

/// Word counts for one stretch of text, quotations left out.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Signals {
    pub words: usize,
    pub attribution: usize,
    pub argument: usize,
    pub we: usize,
    pub i: usize,
    pub quotes: usize,
}

impl Signals {
    pub(crate) fn of(text: &str) -> Signals {
        let (outside, quotes) = outside_quotes(text);
        Signals {
            words: text.split_whitespace().count(),
            attribution: ATTRIBUTION.find_iter(&outside).count(),
            argument: ARGUMENT.find_iter(&outside).count(),
            we: WE.find_iter(&outside).count(),
            i: I.find_iter(&outside).count(),
            quotes,
        }
    }

    pub(crate) fn add(&mut self, o: Signals) {
        self.words += o.words;
        self.attribution += o.attribution;
        self.argument += o.argument;
        self.we += o.we;
        self.i += o.i;
        self.quotes += o.quotes;
    }

    /// Per hundred words.
    pub(crate) fn rate(&self, n: usize) -> f64 {
        n as f64 * 100.0 / self.words.max(1) as f64
    }

    /// True when the text argues rather than reports.
    pub(crate) fn reads_as_commentary(&self) -> bool {
        let comment = self.argument + self.we;
        comment >= 2 && comment > 2 * (self.attribution + self.quotes)
    }

    /// True when the text reports: it attributes or quotes.
    pub(crate) fn reads_as_reporting(&self) -> bool {
        self.attribution + self.quotes >= 1
    }
}

/// The text with quoted passages blanked out, and how many quotations there were.
pub(crate) fn outside_quotes(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    let mut quotes = 0;
    for c in text.chars() {
        match c {
            '“' => inside = true,
            '”' => {
                if inside {
                    quotes += 1;
                }
                inside = false;
            }
            '"' => {
                if inside {
                    quotes += 1;
                }
                inside = !inside;
            }
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    (out, quotes)
}
