//! Direct quotations in one article, with their attribution and speaker.
//!
//! ## What it handles
//! Quoted spans (see [`crate::marks`]) and the words that attribute them: after the quote
//! (`“…,” he said`, `“…,” said Kovalchik`, `“…,” Mr Witkoff said, without elaborating`),
//! before it (`Rubio said: “…”`, `von der Leyen, speaking in Brussels, said that “…”`,
//! `According to Witkoff, this “…”`). Pronouns and unattributed quotes take the last
//! speaker named in the article. A quotation split by its attribution with a comma
//! (`“A,” she said, “B.”`) or continued into the next paragraph is one occurrence with
//! several parts. Short quoted strings in title case (a programme, a law, a name) and short
//! quotes in sentences with no word of saying (scare quotes) are not speech.
//!
//! ## What it does not
//! Indirect speech without quote marks (that is [`crate::reported_speech`]). A speaker
//! named only by a role ("the minister said") is the person the article has named with that
//! role ("transport minister Anna Lindqvist"); a role it never gave a name takes the last
//! named speaker.

use std::sync::LazyLock;

use regex::Regex;

use crate::marks::{quoted_spans, Marked};

/// Verbs that attribute speech or writing.
const VERBS: &str = r"said|says|say|mentioned|told|tells|added|adds|stated|states|noted|notes|continued|explained|warned|insisted|asked|declared|wrote|writes|tweeted|posted|remarked|stressed|emphasi[sz]ed|acknowledged|admitted|argued|claimed|replied|recalled|announced|described|called|urged|cautioned|confirmed|promised|vowed|predicted|conceded|told reporters|stating|saying|adding|noting|telling|insisting|arguing|warning";

static NAME: &str = r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][\p{L}’'\-]+(?:\s+(?:(?:von|van|der|de|da|al|bin|la|le)(?-u:\b)|[A-Z][\p{L}’'\-]+))*";

static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*,?\s*(?:(?P<pro>[Hh]e|[Ss]he|[Tt]hey|[Ii]t|this he|this she)\s+(?:{VERBS})(?-u:\b)|(?:[a-z][\p{{L}}’'\-]*,?\s+){{0,6}}(?P<name>{NAME}),?\s+(?:{VERBS})(?-u:\b)|(?:{VERBS})\s+(?:[a-z][\p{{L}}’'\-]*,?\s+){{0,6}}(?P<name2>{NAME}))"
    ))
    .unwrap()
});
static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:(?-u:\b)(?:{VERBS})(?:\s+\w+){{0,6}}?(?:\s+that)?|(?-u:\b)(?i:according to)\s+(?P<acc>{NAME}),?(?:\s+\w+)?)\s*[,:]?\s*$")).unwrap()
});
static NAME_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(NAME).unwrap());
static SAYING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{VERBS}|according to|acknowledging|calling|describing|dubbed|warning|saying)(?-u:\b)"
    ))
    .unwrap()
});
static SPEECH_VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)(?:{VERBS})(?-u:\b)")).unwrap());
static PREPOSITION_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:of|for|in|at|from|to|with|by|on|near|into)\s+(?:the\s+)?$").unwrap()
});
static PRONOUN_SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[Hh]e|[Ss]he|[Tt]hey)(?-u:\b)").unwrap());

/// Words that start a capitalised sequence without being a name.
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "According",
    "Speaking",
    "While",
    "After",
    "Before",
    "When",
    "As",
    "If",
    "Although",
    "Meanwhile",
    "Special",
    "European",
    "US",
    "U.S.",
    "Ukrainian",
    "Russian",
    "President",
    "Secretary",
    "Minister",
    "Commission",
    "Without",
    "Additionally",
    "Asked",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "State",
    "Foreign",
    "Defence",
    "Defense",
    "Prime",
    "Chief",
    "Executive",
    "General",
    "Governor",
    "Mayor",
    "Senator",
    "Chancellor",
    "Commissioner",
    "Envoy",
    "Leader",
    "Speaker",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Deputy",
    "Vice",
    "Head",
    "Judge",
    "Captain",
    "Commander",
    "Opposition",
    "Former",
    "Ukrainian",
    "Russian",
    "American",
    "British",
    "French",
    "German",
    "Chinese",
    "Israeli",
    "Palestinian",
    "Iranian",
    "Indian",
    "Turkish",
    "Polish",
    "Italian",
    "Spanish",
    "Japanese",
];

/// A direct quotation as one article prints it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of the paragraph it starts in.
    pub paragraph: usize,
    /// The quoted characters, one part per quoted span.
    pub parts: Vec<String>,
    /// The attributing words.
    pub attribution: Option<String>,
    /// The speaker as the article names them, fullest form found in the article.
    pub speaker: Option<String>,
    /// True inside quote marks; false for reported speech ("X said that ...").
    pub direct: bool,
}

/// First-person words that mark a sentence as someone's own words.
static FIRST_PERSON: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(?:I|[Ww]e|[Oo]ur|[Uu]s|[Mm]y|[Mm]e)(?-u:\b)").unwrap());

/// Sentences printed without quote marks that are still someone's own words: first-person
/// sentences in a report ("We made progress in identifying possible points of agreement."),
/// as translated or transcribed copy prints them.
///
/// ## What it handles
/// Sentences of six words or more, outside quote marks and not already reported speech,
/// that speak in the first person. Their speaker is the last person named as a sentence's
/// subject before them, or, for one that opens its paragraph, the person the next sentence
/// reports ("We made progress. Rubio stated that ..."). They are only candidates:
/// [`crate::align`] keeps one when it says what another outlet quoted, and grades it
/// `paraphrase`.
///
/// ## What it does not
/// Tell a first-person column or a reporter's "we" from a speaker's words on its own: that
/// is why a candidate that matches no quotation is dropped.
pub fn unmarked_speech(paragraphs: &[&str]) -> Vec<Found> {
    let english = crate::marks::with_english_marks_all(paragraphs);
    let paragraphs: &[&str] = &english.iter().map(AsRef::as_ref).collect::<Vec<_>>();
    let singles = !paragraphs.iter().any(|p| p.contains(['“', '"']));
    let mut found = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut last_subject: Option<String> = None;
    for (k, p) in paragraphs.iter().enumerate() {
        remember_names(p, &mut names);
        let quoted = quoted_spans(p, singles);
        let mut at = 0;
        let mut sentences = Vec::new();
        for sentence in p.split_inclusive(['.', '!', '?']) {
            let from = at;
            at += sentence.len();
            // A closing mark and space left over from the sentence before belong to it.
            let lead = sentence.len() - sentence.trim_start_matches(['”', '’', '"', ' ']).len();
            let text = sentence[lead..].trim_end();
            if !text.is_empty() {
                sentences.push((from + lead, text));
            }
        }
        for (s, &(start, text)) in sentences.iter().enumerate() {
            let end = start + text.len();
            let inside_quote = quoted.iter().any(|m| m.start < end && start < m.end);
            if !inside_quote
                && !text.contains(['“', '”', '"', '‘'])
                && text.split_whitespace().count() >= 6
                && FIRST_PERSON.is_match(text)
                && crate::reported::reported_speech(&[text]).is_empty()
            {
                // Words that open a paragraph belong to whoever its next sentence says is
                // speaking ("We made progress. Rubio stated that ..."); later ones to the
                // last person named.
                let next_speaker = (s == 0)
                    .then(|| sentences.get(1))
                    .flatten()
                    .filter(|(_, next)| speaks(next))
                    .and_then(|(_, next)| {
                        full_subject(next.trim_end_matches(['.', '!', '?']), &names)
                    });
                found.push(Found {
                    paragraph: k,
                    parts: vec![text.to_string()],
                    attribution: None,
                    speaker: next_speaker.or_else(|| last_subject.clone()),
                    direct: false,
                });
            }
            let plain = text.trim_end_matches(['.', '!', '?']);
            if let Some(n) = full_subject(plain, &names) {
                last_subject = Some(n);
            }
        }
    }
    found
}

/// Whether a sentence reports speech: it quotes someone or says what they said.
fn speaks(sentence: &str) -> bool {
    sentence.contains(['“', '”', '"']) || !crate::reported::reported_speech(&[sentence]).is_empty()
}

/// The direct quotations in an article's body paragraphs.
pub fn direct_quotes(paragraphs: &[&str]) -> Vec<Found> {
    let english = crate::marks::with_english_marks_all(paragraphs);
    let paragraphs: &[&str] = &english.iter().map(AsRef::as_ref).collect::<Vec<_>>();
    // Most of the work is tracking who is speaking; an article without a quote mark needs
    // none of it.
    if !paragraphs.iter().any(|p| p.contains(['“', '”', '"', '‘'])) {
        return Vec::new();
    }
    let singles = !paragraphs.iter().any(|p| p.contains(['“', '"']));
    let mut found: Vec<Found> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut roles: Vec<(String, String)> = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut last_subject: Option<String> = None;
    let mut open_from_previous = false;
    for (k, p) in paragraphs.iter().enumerate() {
        let spans = quoted_spans(p, singles);
        // Names said to speak in this paragraph's own sentences (indirect speech) count as
        // the last speaker too.
        remember_names(p, &mut names);
        remember_roles(p, &mut roles);
        // A pronoun before this paragraph's first quotation means the last sentence subject
        // of the paragraphs so far, or the last speaker.
        let referent = last_subject.clone().or_else(|| last_speaker.clone());
        let mut previous_end = 0;
        let mut previous_att_comma = false;
        for (j, m) in spans.iter().enumerate() {
            let text = p[m.start..m.end].trim();
            let after = &p[m.end + closing_len(p, m)..];
            let after = cut_at_next_quote(after);
            let before = &p[previous_end..opening_start(p, m)];
            previous_end = m.end + closing_len(p, m);
            let words = text.split_whitespace().count();
            if text.is_empty() {
                continue;
            }
            // Continuation of a quotation left open at the end of the last paragraph.
            if j == 0 && open_from_previous && m.opened && m.start <= 3 {
                if let Some(last) = found.last_mut() {
                    last.parts.push(text.to_string());
                    open_from_previous = !m.closed;
                    if let Some((att, sp)) = attribution_after(after, &names, &last_speaker) {
                        last.attribution.get_or_insert(att);
                        if last.speaker.is_none() {
                            last.speaker = sp;
                        }
                    }
                    continue;
                }
            }
            // A quotation split by its attribution and a comma: “A,” she said, “B.”
            if j > 0 && previous_att_comma {
                if let Some(last) = found.last_mut() {
                    last.parts.push(text.to_string());
                    previous_att_comma = false;
                    open_from_previous = !m.closed;
                    continue;
                }
            }
            // A quotation right after another one of the same paragraph goes on with it,
            // however short; elsewhere a short quote needs a word of saying near it.
            let follows_quote = j > 0 && found.last().is_some_and(|l| l.paragraph == k);
            let sentence = sentence_around(p, m);
            if names_a_term(text, words, &p[..opening_start(p, m)])
                || (!follows_quote && !is_speech(text, words, sentence))
            {
                continue;
            }
            let mut attribution = None;
            let mut speaker = None;
            let pronoun_means = if j == 0 {
                referent.clone().or_else(|| last_speaker.clone())
            } else {
                last_speaker.clone()
            };
            let pronoun_means = subject_before(p, m, &names).or(pronoun_means);
            if let Some((att, sp)) = attribution_after(after, &names, &pronoun_means) {
                attribution = Some(att);
                speaker = sp;
            } else if let Some((att, sp)) = attribution_before(before, &names, &pronoun_means) {
                attribution = Some(att);
                speaker = sp;
            } else if let Some((att, sp)) = role_after(after, &roles) {
                attribution = Some(att);
                speaker = Some(sp);
            }
            // Let an opening quote with no attribution at all continue a quotation when it
            // fills its paragraph right after a quoted paragraph.
            // One left open is a new quotation run over paragraphs, its attribution to come.
            let whole_paragraph =
                m.closed && m.start <= 3 && after.trim().len() <= 2 && before.trim().is_empty();
            if attribution.is_none() && whole_paragraph && j == 0 {
                if let Some(last) = found.last_mut().filter(|l| l.paragraph + 1 == k) {
                    last.parts.push(text.to_string());
                    open_from_previous = !m.closed;
                    continue;
                }
            }
            // A quotation right after another of its paragraph, with no attribution of its
            // own, goes on in the same voice (“A,” Jeilgain said. “B.”), even where that
            // voice is a surname the article never gave in full.
            if speaker.is_none() && attribution.is_none() && follows_quote {
                speaker = found.last().and_then(|l| l.speaker.clone());
            }
            if speaker.is_none() {
                speaker = last_speaker.clone();
            }
            if let Some(s) = speaker
                .as_ref()
                .filter(|s| s.split_whitespace().count() >= 2)
            {
                last_speaker = Some(s.clone());
                last_subject = Some(s.clone());
            }
            previous_att_comma = attribution.is_some() && after_attribution_ends_with_comma(after);
            found.push(Found {
                direct: true,
                paragraph: k,
                parts: vec![text.to_string()],
                attribution,
                speaker,
            });
            open_from_previous = !m.closed;
        }
        if spans.is_empty() {
            open_from_previous = false;
            if let Some(s) =
                indirect_speaker(p, &names).filter(|s| s.split_whitespace().count() >= 2)
            {
                last_speaker = Some(s);
            }
        }
        if let Some(s) = sentence_subjects(p, &names) {
            last_subject = Some(s);
        }
    }
    found
}

/// True when a name follows a preposition ("Envoy for the Middle East"), unless the
/// preposition is part of a title ("Secretary of State Marco Rubio").
fn after_preposition(before: &str) -> bool {
    let Some(m) = PREPOSITION_BEFORE.find(before) else {
        return false;
    };
    let title = before[..m.start()].split_whitespace().last().unwrap_or("");
    let title_of = m.as_str().trim() == "of"
        && (NOT_NAMES.contains(&title) || ROLES.contains(&title.to_lowercase().as_str()));
    !title_of
}

/// The subject of the last complete sentence before a quotation in its paragraph.
fn subject_before(p: &str, m: &Marked, names: &[String]) -> Option<String> {
    let before = &p[..opening_start(p, m)];
    let end = before.rfind(['.', '!', '?'])?;
    sentence_subjects(&before[..=end], names)
}

fn closing_len(p: &str, m: &Marked) -> usize {
    if m.closed {
        p[m.end..].chars().next().map_or(0, char::len_utf8)
    } else {
        0
    }
}

fn opening_start(p: &str, m: &Marked) -> usize {
    if m.opened {
        p[..m.start]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i)
    } else {
        m.start
    }
}

fn cut_at_next_quote(s: &str) -> &str {
    match s.find(['“', '"']) {
        Some(i) => &s[..i],
        None => s,
    }
}

/// The sentence around a quotation: from the last full stop before it to the first after.
fn sentence_around<'a>(p: &'a str, m: &Marked) -> &'a str {
    let start = p[..opening_start(p, m)]
        .rfind(['.', '!', '?'])
        .map_or(0, |i| i + 1);
    let end = p[m.end..]
        .find(['.', '!', '?'])
        .map_or(p.len(), |i| m.end + i + 1);
    &p[start.min(m.start)..end.max(m.end)]
}

/// Words before a quoted term: "the so-called", "a", "their".
static TERM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)so-called|(?:^|[^\p{L}])(?:the|a|an|its|their|his|her|our))\s*$")
        .unwrap()
});

/// A verb of saying or calling a few words before the determiner: "called it the “longest
/// in a generation”", "described the concession as a “game-changing” step" quote
/// someone's words even after "the" or "a".
static CALLED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{VERBS}|calling|describing|dubbed|labelled|labeled|termed)(?:\s+[\p{{L}}’'\-]+){{0,4}}?\s+(?:the|a|an|its|their|his|her|our|this|that)\s*$"
    ))
    .unwrap()
});

/// A quoted name of a thing, not anyone's words, told by the words around it: a title in
/// title case ("the “Harbour Compact” talks"), whatever precedes it, and a short quote
/// after "so-called" or after a determiner that no verb of saying governs ("the so-called
/// “green lane”", "The “green lane” will stay open").
fn names_a_term(text: &str, words: usize, before: &str) -> bool {
    if is_title(text, words) {
        return true;
    }
    words <= 4 && TERM_BEFORE.is_match(before) && !CALLED_BEFORE.is_match(before)
}

/// A short quoted string in title case: a programme, a law, a nickname.
fn is_title(text: &str, words: usize) -> bool {
    let word_list: Vec<&str> = text.split_whitespace().collect();
    let small = [
        "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by",
    ];
    let capitalised = word_list
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let content = word_list
        .iter()
        .filter(|w| {
            !small.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        })
        .count();
    words <= 6 && content > 0 && capitalised * 10 >= content * 8
}

/// Speech, not a title or a scare quote.
fn is_speech(text: &str, words: usize, sentence: &str) -> bool {
    if is_title(text, words) {
        return false;
    }
    if words <= 4 {
        let outside: String = sentence.replace(text, " ");
        return SAYING.is_match(&outside);
    }
    true
}

fn attribution_after(
    after: &str,
    names: &[String],
    last: &Option<String>,
) -> Option<(String, Option<String>)> {
    let c = AFTER.captures(after)?;
    let whole = c.get(0)?;
    // The attribution runs to the end of its clause.
    let rest = &after[whole.end()..];
    let clause_end = rest.find(['.', ';', '“', '"']).unwrap_or(rest.len());
    let clause = rest[..clause_end].trim_end_matches(',');
    let attribution = format!(
        "{}{}",
        whole.as_str().trim_start_matches([',', ' ']),
        clause
    )
    .trim()
    .to_string();
    let speaker = if c.name("pro").is_some() {
        last.clone()
    } else {
        match (c.name("name"), c.name("name2")) {
            (Some(n), _) => canonical(n.as_str(), names),
            // "said Rovers manager Petra Kallio, who ...": the last name of the clause.
            (None, Some(n)) => {
                let tail = &after[n.start()..];
                let tail = &tail[..tail.find([',', '.', ';']).unwrap_or(tail.len())];
                NAME_RE
                    .find_iter(tail)
                    .last()
                    .map(|m| m.as_str())
                    .and_then(|x| canonical(x, names))
            }
            (None, None) => None,
        }
    };
    Some((attribution, speaker))
}

/// An attribution to a role after the quotation: "“...,” the minister said." or "“...,”
/// said the chief executive." The speaker is whoever the article has said holds the role,
/// else the role word itself.
fn role_after(after: &str, roles: &[(String, String)]) -> Option<(String, String)> {
    static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^\s*,?\s*(?:(?:the|its|their)\s+(?:[\p{{L}}’'\-]+\s+){{0,3}}?(?P<role>[\p{{L}}]+)\s+(?:{VERBS})(?-u:\b)|(?:{VERBS})\s+the\s+(?:[\p{{L}}’'\-]+\s+){{0,3}}?(?P<role2>[\p{{L}}]+)\s*(?:[.,;]|$))"
        ))
        .unwrap()
    });
    let c = ROLE_AFTER.captures(after)?;
    let role = c.name("role").or(c.name("role2"))?;
    // A role the article never put a name to stays the role: the story's other articles
    // may name its holder ([`Roles::name_speakers`]).
    let holder = holder_of(role.as_str(), roles).or_else(|| {
        PERSON_ROLES
            .contains(&role.as_str().to_lowercase().as_str())
            .then(|| role.as_str().to_lowercase())
    })?;
    let attribution = after[..role.end().max(c.get(0)?.end())]
        .trim()
        .trim_start_matches([',', ' '])
        .to_string();
    Some((attribution, holder))
}

fn after_attribution_ends_with_comma(after: &str) -> bool {
    let end = after.find(['.', '“', '"']).unwrap_or(after.len());
    after[..end].trim_end().ends_with(',')
        || after[end..].starts_with(['“', '"']) && after[..end].trim_end().ends_with(',')
}

fn attribution_before(
    before: &str,
    names: &[String],
    last: &Option<String>,
) -> Option<(String, Option<String>)> {
    // Only the clause the quotation belongs to.
    let start = before.rfind(['.', '!', '?', '”']).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let clause = before[start..].trim();
    let m = BEFORE.find(clause)?;
    let c = BEFORE.captures(clause)?;
    let attribution = clause.trim_end_matches([',', ':', ' ']).to_string();
    if let Some(acc) = c.name("acc") {
        return Some((attribution, canonical(acc.as_str(), names)));
    }
    let subject = &clause[..m.start()];
    if let Some(doc) = document_speaker(subject) {
        return Some((attribution, Some(doc)));
    }
    if PRONOUN_SUBJECT.is_match(subject.trim_start()) {
        return Some((attribution, last.clone()));
    }
    let speaker = subject_name(subject, names)
        .and_then(|n| canonical(&n, names))
        .or_else(|| last.clone());
    Some((attribution, speaker))
}

/// True when `s` is one name of two words or more and nothing else ("Anna Lindqvist").
fn is_whole_name(s: &str) -> bool {
    let s = s.trim();
    NAME_RE
        .find(s)
        .is_some_and(|m| m.start() == 0 && m.end() == s.len() && s.contains(' '))
        && !NOT_NAMES.contains(&s.split_whitespace().next().unwrap_or(""))
}

/// The subject of a sentence when it is a full name ("Ingrid Solheim", not "Solheim"): the
/// person a later "he" or "she" most likely means.
pub(crate) fn full_subject(sentence: &str, names: &[String]) -> Option<String> {
    // A sentence led by a pronoun is about the last person named; a name later in it
    // ("He stated that the United States' cooperation ...") is not its subject.
    let first = sentence.split_whitespace().next().unwrap_or("");
    if matches!(first, "He" | "She" | "They" | "It" | "We" | "I") {
        return None;
    }
    subject_name(sentence, names)
        .and_then(|n| canonical(&n, names))
        .filter(|n| n.split_whitespace().count() >= 2)
}

/// Whether `s` names a written text ("NATO treaty", "Article 5") rather than a person.
pub(crate) fn names_a_document(s: &str) -> bool {
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i)(?-u:\b)(?:{DOCUMENT_WORDS})(?-u:\b)")).unwrap()
    });
    WORDS.is_match(s)
}

/// Words that name a written text rather than a person.
const DOCUMENT_WORDS: &str = "treaty|charter|constitution|convention|resolution|law|act|agreement|accord|article|ruling|indictment|letter|document|text|report|statement";

/// A document as the subject of a verb of saying, right before it: "the NATO treaty clause
/// that states" → "NATO treaty", "Article 5, which declares" → "Article 5". A quoted
/// document is its own speaker, not the person who cites it.
static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<doc>(?:\p{{Lu}}[\p{{L}}’'\-]*\s+)*(?i:{DOCUMENT_WORDS})(?:\s+\d+)?)(?:\s+(?i:clause|section|provision))?,?\s+(?:that|which)\s*$"
    ))
    .unwrap()
});

/// The document that is the subject right before a verb (see [`DOCUMENT`]).
pub(crate) fn document_speaker(subject: &str) -> Option<String> {
    let doc = DOCUMENT.captures(subject.trim_end())?.name("doc")?.as_str();
    Some(doc.to_string())
}

/// The name that is the subject before a verb: within the verb's sentence, past a leading
/// participial phrase ("Speaking in Brussels, ..."), and not inside a comma-set-off aside
/// just before the verb ("Ursula von der Leyen, speaking with Volodymyr Zelensky, said").
pub(crate) fn subject_name(subject: &str, names: &[String]) -> Option<String> {
    let sentence_start = subject.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    let mut clause = subject[sentence_start..].trim();
    if clause.ends_with(',') {
        // "Ada Voss, speaking in Lisk," is Voss; "The minister of transport, Anna
        // Lindqvist," is the name set off after the role.
        let inner = clause.trim_end_matches(',');
        clause = match inner.rfind(", ") {
            Some(i) if is_whole_name(&inner[i + 2..]) => &inner[i + 2..],
            Some(i) => &inner[..i],
            None => inner,
        };
    }
    if let Some(rest) = clause.strip_prefix("According to ") {
        return NAME_RE
            .find(rest)
            .map(|m| strip_leading_non_names(m.as_str()))
            .filter(|n| !n.is_empty());
    }
    let first_word = clause.split_whitespace().next().unwrap_or("");
    if first_word.ends_with("ing") || first_word.ends_with("ing,") {
        if let Some(i) = clause.find(", ") {
            clause = &clause[i + 2..];
        }
    }
    let matches: Vec<regex::Match> = NAME_RE.find_iter(clause).collect();
    matches
        .iter()
        .enumerate()
        .filter(|(k, m)| {
            // A capital that only opens the sentence ("Forklift driver Emil Strand") is no name.
            let known = names
                .iter()
                .any(|n| n.split_whitespace().last() == Some(m.as_str()));
            let opener = m.start() == 0
                && !known
                && !m.as_str().contains(' ')
                && clause[m.end()..]
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_lowercase);
            !opener
                && !after_preposition(&clause[..m.start()])
                && !person_after_role(clause, &matches, *k)
        })
        .map(|(_, m)| strip_leading_non_names(m.as_str()))
        .find(|n| !n.is_empty())
}

/// The subject of each sentence of a paragraph, quotations left out: the person a later
/// "he" or "she" most likely means.
fn sentence_subjects(p: &str, names: &[String]) -> Option<String> {
    let mut outside = String::with_capacity(p.len());
    let mut inside = false;
    for c in p.chars() {
        match c {
            '“' => inside = true,
            '”' => inside = false,
            '"' => inside = !inside,
            _ if !inside => outside.push(c),
            _ => {}
        }
    }
    let mut last = None;
    for sentence in outside.split_inclusive(['.', '!', '?']) {
        let sentence = sentence.trim().trim_end_matches(['.', '!', '?']);
        if let Some(n) = subject_name(sentence, names).and_then(|n| canonical(&n, names)) {
            if n.split_whitespace().count() >= 2
                || names.iter().any(|x| x.ends_with(&format!(" {n}")))
            {
                last = Some(n);
            }
        }
    }
    last
}

fn strip_leading_non_names(n: &str) -> String {
    let words: Vec<&str> = n.split_whitespace().collect();
    let skip = words
        .iter()
        .take_while(|w| {
            let w = w.trim_end_matches('.');
            NOT_NAMES.contains(&w) || ROLES.contains(&w.to_lowercase().as_str())
        })
        .count();
    let rest = &words[skip..];
    // A title inside the sequence ("Palmer Public Safety Director Jon Owen") ends with its
    // role word: the name is what follows it.
    let after_role = rest
        .iter()
        .rposition(|w| ROLES.contains(&w.to_lowercase().as_str()))
        .map_or(0, |i| i + 1);
    if after_role < rest.len() {
        rest[after_role..].join(" ")
    } else {
        rest.join(" ")
    }
}

/// Role nouns that stand between an organisation and a person ("Nordvik Line chief
/// executive Tomas Ekholm") or before a name ("Singer Mira Dalen").
const ROLES: &[&str] = &[
    "chief",
    "executive",
    "manager",
    "leader",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "president",
    "minister",
    "director",
    "head",
    "secretary",
    "commander",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "owner",
    "coach",
    "captain",
    "striker",
    "defender",
    "goalkeeper",
    "mayor",
    "governor",
    "official",
    "envoy",
    "lawyer",
    "judge",
    "singer",
    "reporter",
    "editor",
    "analyst",
    "economist",
    "professor",
    "ceo",
    "boss",
    "chancellor",
    "senator",
    "general",
    "officer",
    "inspector",
    "deputy",
    "union",
    "opposition",
    "party",
    "fire",
    "police",
    "prime",
    "foreign",
    "finance",
];

/// Drops an organisation name that only introduces a person's role ("Nordvik Line chief
/// executive Tomas Ekholm" → the person).
fn person_after_role<'a>(clause: &'a str, matches: &[regex::Match<'a>], k: usize) -> bool {
    let Some(next) = matches.get(k + 1) else {
        return false;
    };
    let gap = &clause[matches[k].end()..next.start()];
    let words: Vec<String> = gap
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|w| ROLES.contains(&w.as_str()) || w == "the" || w == "its")
}

/// A speaker named in indirect speech ("Steve Witkoff said that ...").
fn indirect_speaker(p: &str, names: &[String]) -> Option<String> {
    let v = SPEECH_VERB.find(p)?;
    subject_name(&p[..v.start()], names).and_then(|n| canonical(&n, names))
}

/// The capitalised name sequences of a text, titles and roles taken off.
pub(crate) fn name_matches(text: &str) -> Vec<String> {
    NAME_RE
        .find_iter(text)
        .map(|m| strip_leading_non_names(m.as_str()))
        .filter(|n| !n.is_empty())
        .collect()
}

/// Collects the multi-word names of a paragraph, so that a surname can be given its fullest
/// form.
pub(crate) fn remember_names(p: &str, names: &mut Vec<String>) {
    for m in NAME_RE.find_iter(p) {
        let n = strip_leading_non_names(m.as_str());
        if n.split_whitespace().count() >= 2 && !names.contains(&n) {
            names.push(n);
        }
    }
}

/// Role nouns that name one person of a story ("the minister", "the chief executive"),
/// unlike those that may name a body ("the union", "the police").
const PERSON_ROLES: &[&str] = &[
    "minister",
    "mayor",
    "governor",
    "president",
    "director",
    "secretary",
    "commander",
    "chairman",
    "chairwoman",
    "chair",
    "coach",
    "captain",
    "envoy",
    "lawyer",
    "judge",
    "chancellor",
    "senator",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executive",
    "boss",
    "manager",
    "leader",
    "master",
    "founder",
    "owner",
    "ceo",
    "prosecutor",
    "inspector",
];

/// Notes who holds which role in a paragraph: "transport minister Anna Lindqvist", "The
/// minister of transport, Anna Lindqvist," and "the port authority's chief executive,
/// Sigrid Talvik," give (role word, name) for each role word before the name, latest last.
pub(crate) fn remember_roles(p: &str, roles: &mut Vec<(String, String)>) {
    for m in NAME_RE.find_iter(p) {
        let name = strip_leading_non_names(m.as_str());
        if name.split_whitespace().count() < 2 {
            continue;
        }
        // A role inside the match itself ("Minister Anna Lindqvist").
        let inside: Vec<String> = m
            .as_str()
            .split_whitespace()
            .map(|w| w.to_lowercase())
            .take_while(|w| PERSON_ROLES.contains(&w.as_str()) || ROLES.contains(&w.as_str()))
            .collect();
        let before = &p[..m.start()];
        let from = before
            .char_indices()
            .rev()
            .find(|(_, c)| matches!(c, '.' | '!' | '?' | ';' | '“' | '”' | '"'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let before = &before[from..];
        let trimmed = before.trim_end();
        let set_off = trimmed.ends_with(',');
        let words: Vec<String> = trimmed
            .trim_end_matches(',')
            .split_whitespace()
            .rev()
            .take(5)
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .trim_end_matches("’s")
                    .trim_end_matches("'s")
                    .to_lowercase()
            })
            .collect();
        // The role words right before the name, or before its comma; "of transport" may
        // stand between a set-off role and its name, nothing else.
        let mut found: Vec<String> = inside;
        for (k, w) in words.iter().enumerate() {
            let modifier = ROLES.contains(&w.as_str()) && !found.is_empty();
            let between = found.is_empty()
                && set_off
                && k < 3
                && !matches!(w.as_str(), "and" | "said" | "with" | "told");
            if PERSON_ROLES.contains(&w.as_str()) {
                found.push(w.clone());
            } else if !modifier && !between {
                break;
            }
        }
        for role in found
            .into_iter()
            .filter(|r| PERSON_ROLES.contains(&r.as_str()))
        {
            roles.retain(|(r, _)| *r != role);
            roles.push((role, name.clone()));
        }
    }
}

/// Who holds which role, as the articles of one story name them ("transport minister Anna
/// Lindqvist" in one, "the minister said" in another): each article's paragraphs in turn.
/// A role two articles give to different people is nobody's.
#[derive(Debug, Default, Clone)]
pub struct Roles {
    held: Vec<(String, String)>,
    disputed: Vec<String>,
}

impl Roles {
    /// Notes the roles one article names.
    pub fn read(&mut self, paragraphs: &[&str]) {
        let mut own = Vec::new();
        for p in paragraphs {
            remember_roles(p, &mut own);
        }
        for (role, name) in own {
            match self.held.iter().find(|(r, _)| *r == role) {
                Some((_, n)) if *n != name => self.disputed.push(role),
                Some(_) => {}
                None => self.held.push((role, name)),
            }
        }
    }

    /// Gives a speaker the story knows only by a role ("minister", "regional governor")
    /// the name of the one person the story's articles give that role.
    pub fn name_speakers(&self, found: &mut [Found]) {
        for f in found {
            let Some(role) = f
                .speaker
                .as_deref()
                .filter(|s| s.chars().next().is_some_and(char::is_lowercase))
                .and_then(|s| s.split_whitespace().last())
                .filter(|w| PERSON_ROLES.contains(w))
            else {
                continue;
            };
            if self.disputed.iter().any(|r| r == role) {
                continue;
            }
            if let Some(n) = holder_of(role, &self.held) {
                f.speaker = Some(n);
            }
        }
    }
}

/// The person an article has said holds `role` (a role word such as "minister"), if one.
pub(crate) fn holder_of(role: &str, roles: &[(String, String)]) -> Option<String> {
    let role = role.to_lowercase();
    roles
        .iter()
        .rev()
        .find(|(r, _)| *r == role)
        .map(|(_, n)| n.clone())
}

/// The fullest form of a name among those seen ("Mr Witkoff" → "Steve Witkoff").
pub(crate) fn canonical(name: &str, names: &[String]) -> Option<String> {
    let n = strip_leading_non_names(name);
    let n = n
        .trim_start_matches("Mr ")
        .trim_start_matches("Mrs ")
        .trim_start_matches("Ms ")
        .trim_start_matches("Dr ");
    if n.is_empty() || NOT_NAMES.contains(&n) {
        return None;
    }
    let last = n.split_whitespace().last()?;
    // A surname alone takes the fullest name that ends with it; a name with its first name
    // only a longer form of itself ("Lindqvist" may be Anna or Per Lindqvist, "Per
    // Lindqvist" is never Anna).
    let alone = !n.contains(' ');
    let longer = names
        .iter()
        .filter(|x| {
            x.len() > n.len()
                && if alone {
                    x.split_whitespace().last() == Some(last)
                } else {
                    x.ends_with(n) && x[..x.len() - n.len()].ends_with(' ')
                }
        })
        .max_by_key(|x| x.len());
    Some(longer.cloned().unwrap_or_else(|| n.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribution_forms() {
        let ps = [
            "Special envoy Maren Holt said that the talks had gone well.",
            "“We won the concession,” she said on the radio.",
            "“We covered almost everything,” Ms Holt said, without elaborating.",
            "Commission president Ada Voss, speaking in Lisk with minister Per Lind, said that “we welcome the offer”.",
            "“We are not close,” said Per Lind. “Maybe next year.”",
            "Speaking on “Morning Report,” Holt called it “game-changing” in a bid to calm critics.",
        ];
        let q = direct_quotes(&ps);
        let got: Vec<(String, Option<String>)> = q
            .iter()
            .map(|f| (f.parts.join(" | "), f.speaker.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "We won the concession,".to_string(),
                    Some("Maren Holt".to_string())
                ),
                (
                    "We covered almost everything,".to_string(),
                    Some("Maren Holt".to_string())
                ),
                (
                    "we welcome the offer".to_string(),
                    Some("Ada Voss".to_string())
                ),
                (
                    "We are not close,".to_string(),
                    Some("Per Lind".to_string())
                ),
                ("Maybe next year.".to_string(), Some("Per Lind".to_string())),
                ("game-changing".to_string(), Some("Maren Holt".to_string())),
            ]
        );
        assert_eq!(
            q[1].attribution.as_deref(),
            Some("Ms Holt said, without elaborating")
        );
    }

    #[test]
    fn split_and_continued_quotations() {
        let ps = [
            "“We will rebuild,” the mayor Ada Voss said, “and we will do it this year.”",
            "“It will cost a lot,” she said.",
            "“But it is worth it.”",
        ];
        let q = direct_quotes(&ps);
        assert_eq!(q.len(), 2, "{q:#?}");
        assert_eq!(
            q[0].parts,
            ["We will rebuild,", "and we will do it this year."]
        );
        assert_eq!(q[1].parts, ["It will cost a lot,", "But it is worth it."]);
    }

    #[test]
    fn a_quoted_sentence_after_an_attributed_one_keeps_its_voice() {
        let ps = [
            "Health minister Brit Halvorsen said no decision had been taken.",
            "“Closing it would leave the valley without care,” Jeilgain said. “We will march every week.”",
        ];
        let q = direct_quotes(&ps);
        let got: Vec<(&str, Option<&str>)> = q
            .iter()
            .map(|f| (f.parts[0].as_str(), f.speaker.as_deref()))
            .collect();
        // The second quotation is Jeilgain's, though the article never gives his full
        // name, not the minister's, the last person named in full.
        assert_eq!(
            got,
            [
                (
                    "Closing it would leave the valley without care,",
                    Some("Jeilgain")
                ),
                ("We will march every week.", Some("Jeilgain")),
            ]
        );
    }

    #[test]
    fn guillemet_quotations_are_quotations() {
        let ps = [
            "Harbour master Jens Okafor said the quay would reopen.",
            "«We will rebuild,» Okafor said, «and we will do it this year.»",
            "»It will cost a lot«, said Okafor.",
        ];
        let q = direct_quotes(&ps);
        let got: Vec<(String, Option<String>)> = q
            .iter()
            .map(|f| (f.parts.join(" | "), f.speaker.clone()))
            .collect();
        let okafor = Some("Jens Okafor".to_string());
        assert_eq!(
            got,
            [
                (
                    "We will rebuild, | and we will do it this year.".to_string(),
                    okafor.clone()
                ),
                ("It will cost a lot".to_string(), okafor),
            ]
        );
    }
    #[test]
    fn unmarked_first_person_sentences() {
        let paragraphs = [
            "Mayor Ingrid Solheim spoke after the meeting. We will have the bridge open again before the winter.",
            "Solheim said, “We owe it to our commuters to move quickly.” We started to see some progress with the contractors this week.",
            "The “we are ready” message was repeated at every stop. Our reporter saw the site.",
            "“I think we will manage. We always have, in this town and in others,” she said.",
        ];
        let found = unmarked_speech(&paragraphs);
        let texts: Vec<&str> = found.iter().map(|f| f.parts[0].as_str()).collect();
        assert_eq!(
            texts,
            [
                "We will have the bridge open again before the winter.",
                "We started to see some progress with the contractors this week.",
            ]
        );
        assert!(found.iter().all(|f| !f.direct && f.attribution.is_none()));
        assert_eq!(found[0].speaker.as_deref(), Some("Ingrid Solheim"));
    }

    #[test]
    fn roles_set_off_by_commas_and_quoted_terms() {
        let ps = [
            "Transport minister Anna Lindqvist and the union's lawyer, Per Lindqvist, arrived together.",
            "“We will sign on Thursday,” the port authority's chief executive, Sigrid Talvik, said.",
            "“It is fair,” said the port's harbour master, Jens Okafor, who had warned of delays.",
            "The minister of transport, Anna Lindqvist, called it “a fair deal for the region”.",
            "The deal keeps the so-called “green lane” for fish, and the “Harbour Compact” talks go on.",
            "The “green lane” will stay open, the port said.",
            "Talvik described the offer as a “game-changing” step.",
            "“Per Lindqvist is right,” Per Lindqvist said of himself.",
            "“The state will pay for the dredging,” the minister said.",
            "“We start on Monday,” said the chief executive.",
        ];
        let got: Vec<(String, Option<String>)> = direct_quotes(&ps)
            .into_iter()
            .map(|f| (f.parts.join(" | "), f.speaker))
            .collect();
        let row = |q: &str, s: &str| (q.to_string(), Some(s.to_string()));
        assert_eq!(
            got,
            [
                row("We will sign on Thursday,", "Sigrid Talvik"),
                row("It is fair,", "Jens Okafor"),
                row("a fair deal for the region", "Anna Lindqvist"),
                row("game-changing", "Sigrid Talvik"),
                row("Per Lindqvist is right,", "Per Lindqvist"),
                row("The state will pay for the dredging,", "Anna Lindqvist"),
                row("We start on Monday,", "Sigrid Talvik"),
            ]
        );
    }

    #[test]
    fn german_marks_in_an_english_report() {
        let ps = ["„Wir bauen die Brücke neu“, Mayor Ingrid Solheim told the Kessa Zeitung, promising work by June."];
        let q = direct_quotes(&ps);
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(q[0].parts, ["Wir bauen die Brücke neu"]);
        assert!(ps[0].contains(&q[0].parts[0]));
        assert_eq!(q[0].speaker.as_deref(), Some("Ingrid Solheim"));
    }

    #[test]
    fn a_role_is_named_by_another_article_of_the_story() {
        let named = ["Transport minister Anna Lindqvist opened the talks."];
        let unnamed = ["“The state will pay for the dredging,” the minister said."];
        let mut found = direct_quotes(&unnamed);
        assert_eq!(found[0].speaker.as_deref(), Some("minister"));
        let mut roles = Roles::default();
        roles.read(&named);
        roles.read(&unnamed);
        roles.name_speakers(&mut found);
        assert_eq!(found[0].speaker.as_deref(), Some("Anna Lindqvist"));
        // Two ministers in the story: the role names nobody.
        let mut found = direct_quotes(&unnamed);
        roles.read(&["Finance minister Per Holm stayed away."]);
        roles.name_speakers(&mut found);
        assert_eq!(found[0].speaker.as_deref(), Some("minister"));
    }

    #[test]
    fn who_holds_a_role() {
        let mut roles = Vec::new();
        remember_roles(
            "Transport minister Anna Lindqvist met the port authority's chief executive, Sigrid Talvik, and Mayor Ivo Ranta.",
            &mut roles,
        );
        assert_eq!(
            holder_of("minister", &roles).as_deref(),
            Some("Anna Lindqvist")
        );
        assert_eq!(
            holder_of("executive", &roles).as_deref(),
            Some("Sigrid Talvik")
        );
        assert_eq!(holder_of("mayor", &roles).as_deref(), Some("Ivo Ranta"));
        assert_eq!(holder_of("coach", &roles), None);
    }

    #[test]
    fn a_first_name_is_never_another_persons() {
        let names = vec!["Anna Lindqvist".to_string(), "Steve Witkoff".to_string()];
        assert_eq!(
            canonical("Per Lindqvist", &names).as_deref(),
            Some("Per Lindqvist")
        );
        assert_eq!(
            canonical("Witkoff", &names).as_deref(),
            Some("Steve Witkoff")
        );
        assert_eq!(
            canonical("Mr Witkoff", &names).as_deref(),
            Some("Steve Witkoff")
        );
    }

    #[test]
    fn unmarked_words_opening_a_paragraph_belong_to_the_next_speaker() {
        let paragraphs = [
            "Mayor Ingrid Solheim opened the meeting with a report on the bridge.",
            "We have made real progress with the contractors this month. Council leader Tor Aas said that the budget would hold.",
            "We are still far from an agreement on the tolls. It rained all afternoon.",
        ];
        let found = unmarked_speech(&paragraphs);
        let speakers: Vec<Option<&str>> = found.iter().map(|f| f.speaker.as_deref()).collect();
        // The first is Aas's, told by the sentence after it, not Solheim's, the last named
        // before it; the second opens a paragraph whose next sentence reports nobody, so it
        // goes to the last person named, Aas again.
        assert_eq!(speakers, [Some("Tor Aas"), Some("Tor Aas")]);
        let solo = unmarked_speech(
            &paragraphs[..1]
                .iter()
                .chain(&paragraphs[2..])
                .copied()
                .collect::<Vec<_>>(),
        );
        assert_eq!(solo[0].speaker.as_deref(), Some("Ingrid Solheim"));
    }
}
