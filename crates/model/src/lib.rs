//! The shared data types of parallax, shaped as the report contract (`parallax_report: 1`)
//! names them.
//!
//! Stages pass these plain types to one another: ingest makes a [`RawArticle`], cleaning
//! turns it into an [`Article`], story grouping fills in [`Article::story`] and builds
//! [`Story`] values, and the report is a [`Report`]. Field names follow the contract
//! exactly; fields the contract does not name are additions, never renames.
//!
//! ```
//! use parallax_model::{Article, Kind};
//!
//! let a = Article::new("a1", "corpus/a1.txt");
//! assert_eq!(a.kind, Kind::News);
//! let json = serde_json::to_value(&a).unwrap();
//! assert_eq!(json["copy_of"], serde_json::Value::Null);
//! ```

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

/// The contract version written as `parallax_report`.
pub const REPORT_VERSION: u32 = 1;

/// An article as read from its input, before cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    /// Stable id: the file stem, or the id the input gives.
    pub id: String,
    /// Path or URL it was read from.
    pub source: String,
    /// The input text: for a text file everything after the header block.
    pub text: String,
    /// Metadata the input declared (header block, JSON fields).
    pub header: Header,
    /// The text was taken from a page's markup, whose structure already set the article
    /// apart from the page around it (so cleaning need not guess at leading and trailing
    /// page furniture).
    pub from_markup: bool,
}

/// Metadata an input declares about its article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Header {
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Publication time.
    pub published: Option<DateTime<FixedOffset>>,
    /// Address of the page.
    pub url: Option<String>,
    /// Byline name.
    pub author: Option<String>,
    /// Language code.
    pub language: Option<String>,
}

/// What kind of text an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A news report.
    #[default]
    News,
    /// A column, editorial or analysis signed as opinion.
    Opinion,
    /// Not journalism: a product page, a forecast widget, a listing.
    Other,
}

/// Where an article's publication time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PublishedSource {
    /// Declared by the input (header block, JSON field).
    Header,
    /// Read from a source/date line or dateline in the text.
    Text,
    /// Taken from the article's story.
    Inferred,
}

/// Why a line or fragment was taken out of an article's body.
///
/// Serialised as the contract's reason words (`byline`, `related-link`, ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// "By Jane Doe", "Reporting by ...; Editing by ...".
    Byline,
    /// "Advertisement", "Sponsored content".
    Advertisement,
    /// Share bars: "Share on Facebook", "Copy link".
    Share,
    /// "Also Read: ...", "RELATED: ...", "More from ...".
    RelatedLink,
    /// Newsletter sign-up prompts.
    Newsletter,
    /// Cookie consent banners.
    CookieBanner,
    /// "Leave a Comment", "Comments (12)".
    CommentPrompt,
    /// Appeals for money or membership.
    DonationAppeal,
    /// Copyright and rights lines.
    Copyright,
    /// Photo and video captions and credits.
    PhotoCaption,
    /// Tag and category lists.
    Tags,
    /// Paywall and subscription prompts.
    Paywall,
    /// Publication metadata: date lines, reading time, source lines, empty labels.
    Metadata,
    /// The headline repeated as the first line of the text.
    Title,
    /// Site navigation and breadcrumbs.
    Navigation,
    /// "Follow us on ...", app download prompts.
    SocialFollow,
    /// Section labels such as "Opinion" or "World news".
    SectionLabel,
    /// A short note about the author, placed after the report.
    AuthorBio,
    /// Disclaimers ("The views expressed ...").
    Disclaimer,
    /// A call to action that introduces appended advocacy ("Sign Our Petition").
    CallToAction,
    /// A line that repeats an earlier line word for word.
    Duplicate,
}

impl Reason {
    /// The reason word as the report writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Byline => "byline",
            Reason::Advertisement => "advertisement",
            Reason::Share => "share",
            Reason::RelatedLink => "related-link",
            Reason::Newsletter => "newsletter",
            Reason::CookieBanner => "cookie-banner",
            Reason::CommentPrompt => "comment-prompt",
            Reason::DonationAppeal => "donation-appeal",
            Reason::Copyright => "copyright",
            Reason::PhotoCaption => "photo-caption",
            Reason::Tags => "tags",
            Reason::Paywall => "paywall",
            Reason::Metadata => "metadata",
            Reason::Title => "title",
            Reason::Navigation => "navigation",
            Reason::SocialFollow => "social-follow",
            Reason::SectionLabel => "section-label",
            Reason::AuthorBio => "author-bio",
            Reason::Disclaimer => "disclaimer",
            Reason::CallToAction => "call-to-action",
            Reason::Duplicate => "duplicate",
        }
    }
}

/// What kind of non-news text was appended after a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AppendedKind {
    /// Essay-style commentary on the report.
    Commentary,
    /// Campaigning: petitions, calls to contact officials, lists of actions.
    Advocacy,
}

/// A line or fragment removed from the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// The exact characters removed.
    pub text: String,
    /// Why.
    pub reason: Reason,
    /// Position in the input text, in Unicode scalar values.
    pub span: [usize; 2],
}

/// Non-news text glued after the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Appended {
    /// The exact characters.
    pub text: String,
    /// What kind of text it is.
    pub kind: AppendedKind,
    /// Position in the input text, in Unicode scalar values.
    pub span: [usize; 2],
}

/// Marks an article as a near-verbatim copy of an earlier one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopyOf {
    /// The earlier article's id.
    pub article: String,
    /// How alike the two bodies are, 0..1.
    pub similarity: f64,
}

/// One article, cleaned: the contract's `Article`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable id.
    pub id: String,
    /// Path or URL it was read from.
    pub source: String,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Address of the page.
    pub url: Option<String>,
    /// Author named by the input or a byline.
    #[serde(default)]
    pub author: Option<String>,
    /// Language code, when declared.
    #[serde(default)]
    pub language: Option<String>,
    /// Publication time (RFC 3339), or null when nothing says.
    pub published: Option<DateTime<FixedOffset>>,
    /// Where `published` came from; null when `published` is null.
    pub published_source: Option<PublishedSource>,
    /// News, opinion or other.
    pub kind: Kind,
    /// The dateline prefix of the first paragraph.
    pub dateline: Option<String>,
    /// Cleaned text: paragraphs separated by a blank line.
    pub body: String,
    /// Each body paragraph's position in the input text, in Unicode scalar values.
    #[serde(default)]
    pub paragraphs: Vec<[usize; 2]>,
    /// Everything taken out of the body, with a reason.
    pub removed: Vec<Removed>,
    /// Non-news text glued after the report.
    pub appended: Vec<Appended>,
    /// The story this article belongs to.
    pub story: String,
    /// Set when this article is a syndicated copy of an earlier one.
    pub copy_of: Option<CopyOf>,
}

impl Article {
    /// An empty news article with the given id and source.
    pub fn new(id: impl Into<String>, source: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            source: source.into(),
            title: None,
            outlet: None,
            url: None,
            author: None,
            language: None,
            published: None,
            published_source: None,
            kind: Kind::News,
            dateline: None,
            body: String::new(),
            paragraphs: Vec::new(),
            removed: Vec::new(),
            appended: Vec::new(),
            story: String::new(),
            copy_of: None,
        }
    }

    /// The body's paragraphs.
    pub fn body_paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.split("\n\n").filter(|p| !p.trim().is_empty())
    }
}

/// One real-world person, organisation or place named in a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Entity id within the story.
    pub id: String,
    /// Fullest canonical name.
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    #[serde(rename = "type")]
    pub entity_type: String,
    /// Where it is named.
    pub mentions: Vec<Mention>,
}

/// A piece of one article's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// Article id.
    pub article: String,
    /// The exact characters.
    pub text: String,
    /// Where the article first prints them in its input text, in Unicode scalar values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
}

/// One utterance as reported by one or more outlets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Quote id within the story.
    pub id: String,
    /// Who said it.
    pub speaker: Option<String>,
    /// The speaker's entity id.
    pub speaker_entity: Option<String>,
    /// The fullest wording found.
    pub text: String,
    /// Each outlet's version.
    pub occurrences: Vec<Occurrence>,
}

/// One outlet's version of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Occurrence {
    /// Article id.
    pub article: String,
    /// The quoted characters, one part per quoted span.
    pub parts: Vec<String>,
    /// True inside quote marks.
    pub direct: bool,
    /// `verbatim`, `trimmed`, `altered` or `paraphrase`.
    pub fidelity: String,
    /// The attributing words.
    pub attribution: Option<String>,
    /// Who this outlet says spoke, when it names someone.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Where each part stands in the article's input text, in Unicode scalar values (left
    /// out for a part printed elsewhere, such as a headline from a header block).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spans: Option<Vec<[usize; 2]>>,
    /// The sentences that print the words with their attribution, when both stand in one
    /// paragraph: the evidence of who this outlet says spoke. Kept for the facts compared
    /// in the same run, not written to the report.
    #[serde(skip)]
    pub context: Option<String>,
}

/// A checkable statement with every version of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Fact id within the story.
    pub id: String,
    /// What the fact is about.
    pub topic: String,
    /// `agreed`, `contradicted` or `single_source`.
    pub status: String,
    /// Each distinct value with its evidence.
    pub values: Vec<FactValue>,
}

/// One value of a fact and the articles that give it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactValue {
    /// The value as printed.
    pub value: String,
    /// Its normal form: a number, an ISO date or a canonical name.
    pub normalized: serde_json::Value,
    /// Article id to evidence sentence.
    pub articles: std::collections::BTreeMap<String, String>,
}

/// A dated event of a story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// ISO date or `start/end` span.
    pub date: String,
    /// What happened.
    pub event: String,
    /// The expressions that date it.
    pub mentions: Vec<Mention>,
}

/// One article's debt to an earlier one in its story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LineageLink {
    /// The later article.
    pub article: String,
    /// The article it took from.
    pub source: String,
    /// `copy` (near-verbatim) or `rewrite` (keeps whole phrases).
    pub relation: String,
    /// Shingle resemblance of the two bodies, 0..1.
    pub similarity: f64,
}

/// One event, told by any number of outlets: the contract's `Story`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Story id.
    pub id: String,
    /// A key that depends only on the story's members, not on input order.
    #[serde(default)]
    pub key: String,
    /// A short description of the event.
    pub headline: String,
    /// Member article ids, earliest first.
    pub articles: Vec<String>,
    /// The article that reads as the original report.
    pub origin: Option<String>,
    /// Outlets that told the story, in article order, each once.
    #[serde(default)]
    pub outlets: Vec<String>,
    /// Who copied or rewrote whom, where the text shows it.
    #[serde(default)]
    pub lineage: Vec<LineageLink>,
    /// People, organisations and places.
    pub entities: Vec<Entity>,
    /// Quotes: utterances that at least one outlet prints inside quote marks, with every
    /// outlet's version, reported speech included.
    pub quotes: Vec<Quote>,
    /// Utterances that no outlet quotes, only reports in its own words ("the coastguard
    /// said ...", "according to the coastal authority, ..."): who is the source of what.
    /// Same shape as `quotes`; every occurrence is `direct: false`, fidelity `paraphrase`.
    #[serde(default)]
    pub reported_speech: Vec<Quote>,
    /// Facts.
    pub facts: Vec<Fact>,
    /// Timeline.
    pub timeline: Vec<TimelineEntry>,
    /// The IANA time zone of the place the event happened, when its articles' datelines
    /// or openings name a place parallax knows: relative dates ("yesterday", "on Monday")
    /// are resolved against the day of publication there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Why the story's findings (names, quotations, reported speech, facts, timeline) are
    /// missing, when working them out failed: the story keeps its articles and lineage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
}

/// An input that could not be read as an article, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    /// The file (and line, for JSON lines) that was skipped.
    pub source: String,
    /// What is wrong with it.
    pub problem: String,
}

/// How a run went.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Articles read and cleaned.
    pub articles: usize,
    /// Inputs skipped, with reasons.
    pub skipped: Vec<Skipped>,
    /// Files in the input folders that are not article formats and were left alone.
    pub ignored_files: usize,
    /// Things the run changed or doubted without skipping anything (a repeated id).
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Stories found.
    pub stories: usize,
    /// Wall-clock seconds the analysis took.
    pub seconds: f64,
    /// Wall-clock seconds of each stage: `read_and_clean`, `stories`.
    #[serde(default)]
    pub stage_seconds: std::collections::BTreeMap<String, f64>,
    /// The sentence-embedding model the run used, if any (without one, stories are told
    /// apart by their words alone).
    #[serde(default)]
    pub embedding_model: Option<String>,
    /// Stories whose findings were taken over from the store's earlier analysis, their
    /// articles unchanged since (`parallax add`, `analyze --db`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub reused_stories: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The whole report: the contract's top level plus what the run recorded about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`REPORT_VERSION`].
    pub parallax_report: u32,
    /// The program that wrote it.
    pub generator: String,
    /// The pipeline settings the run used.
    pub settings: serde_json::Value,
    /// How the run went.
    pub summary: Summary,
    /// Every article, in input order.
    pub articles: Vec<Article>,
    /// Every story.
    pub stories: Vec<Story>,
}
