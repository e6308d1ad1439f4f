//! Reported speech: what someone said, in the outlet's words, without quote marks.
//!
//! ## What it handles
//! - The verb before the clause: "Lind said (that) deliveries would be delayed", "she added
//!   that ...", "Voss told a news conference at the town hall that ...", "fishermen told the
//!   Courier the light had been out", "..., saying an audit had made it impossible ...",
//!   "Orlen Foods said in a statement that ...". Two reports joined in one sentence ("...
//!   but said no one had been charged") are two clauses.
//! - The attribution after the clause: "Nobody was injured, fire chief Piet Dorn said.",
//!   "..., the hospital said.", "..., said the minister.", "..., she told reporters."
//! - The attribution inside the sentence: "We need the border open by spring, he added,
//!   but nobody has set a date." and "The repairs, Ranta said, would take the summer." (the
//!   words on both sides are the parts), as translated copy prints a quotation whose marks
//!   it lost.
//! - "According to": "..., according to the coastal authority.", "..., according to a
//!   passenger list, far more than ..." and "According to the coastguard, ..." (also "As
//!   informed the coastal authority, ...", as translated copy has it).
//!
//! Speakers: a name in the subject, in its fullest form in the article; a pronoun takes the
//! last person named as a sentence's subject; otherwise the head of the subject as printed,
//! without its article or possessive ("the coastguard" → "coastguard", "a police spokesman"
//! → "police spokesman", "their union" → "union").
//!
//! ## What it does not
//! Verbs of reporting that take an object rather than a clause ("welcomed the offer",
//! "denied any wrongdoing"), unless a verdict ("called them game-changing") or a reaction
//! set off by a participle ("welcomed the offer, stressing ..."), and negated or passive
//! reports ("has not yet said what started it", "is said to be"). A clause without "that"
//! needs a finite verb among its first words ("said deliveries would be delayed"), so "said
//! in a statement." is not speech. "The company" is not resolved to the company's name.

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::{
    canonical, document_speaker, full_subject, holder_of, remember_names, remember_roles,
    subject_name, Found,
};

/// Verbs that report speech and take a clause.
const REPORT: &str = r"said|says|say|added|adds|stated|states|noted|notes|explained|warned|warns|insisted|insists|declared|declares|wrote|writes|confirmed|announced|argued|claimed|told|tells|acknowledged|admitted|stressed|emphasi[sz]ed|replied|predicted|conceded|promised|estimated|reported|saying|adding|noting|stating|warning|insisting|arguing|stressing|acknowledging|confirming|explaining";

static VERB: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)(?:{REPORT})(?-u:\b)")).unwrap());

/// What may stand between the verb and "that": an object or a setting ("told a news
/// conference at the town hall that", "said in a statement that", "added on Tuesday that").
static UP_TO_THAT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[\s,]+[\p{L}\d’'\-]+){0,8}?[\s,]+that\s+").unwrap());

/// A setting between the verb and a clause without "that".
static SETTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:also|later|earlier|again|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|in a statement|in an interview|to reporters|to journalists)(?-u:\b),?")
        .unwrap()
});

/// The object of "told" before a clause without "that". Its boundary stays a Unicode one:
/// it closes a name that may end in a non-ASCII letter ("Đorđević").
static TOLD_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:reporters|journalists|the press|(?:the\s+)?\p{Lu}[\p{L}’'\-]*(?:\s+\p{Lu}[\p{L}’'\-]*)*)\b")
        .unwrap()
});

/// Verbs that may take their clause without "that" ("said deliveries would be delayed");
/// the others take an object when "that" is missing ("promised full cooperation").
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:said|says|say|told|tells|added|adds|insisted|insists|saying|adding|insisting|warned|warns|warning|confirmed|noted|explained|stressed|argued|claimed|admitted|acknowledged)$")
        .unwrap()
});

/// A finite verb: a clause without "that" must have one among its first words.
static FINITE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:is|are|was|were|had|has|have|would|will|could|can|should|may|might|must|did|does|do|\p{Ll}+ed|saw|knew|thought|found|took|made|came|went|gave|got|left|felt|kept|began|ran|became|brought|bought|built|caught|held|lost|met|paid|put|sent|spent|stood|won|fell|rose|struck|hit|led|broke|chose|drove|grew|sold|sank|spoke|threw|understood|meant)(?-u:\b)")
        .unwrap()
});

/// Words that cannot open a reported clause without "that".
const NOT_CLAUSE_START: &[&str] = &[
    "in", "on", "at", "to", "for", "with", "by", "from", "of", "about", "what", "how", "why",
    "whether", "when", "where", "who", "so", "goodbye", "sorry", "thanks", "hello", "as", "and",
    "but", "or",
];

/// Where a second report joined to the first begins ("... but said", ", adding that").
static NEXT_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:,\s*|\s+)(?:and|but)\s+(?:also\s+)?(?:{REPORT})(?-u:\b)|,\s+(?:adding|saying|noting|warning|insisting|stressing)(?-u:\b)"
    ))
    .unwrap()
});

/// Before the verb: a negation or a passive, which report no speech.
static NOT_SPEECH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:not|never|n't|yet|is|are|was|were|be|been|being)\s*$").unwrap()
});

/// The attribution closing a sentence: ", SUBJECT said (on Tuesday)", ", said SUBJECT",
/// ", according to SOURCE".
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<clause>.{{12,}}?),\s+(?:(?P<subj>[^,]{{1,70}}?)\s+(?P<verb>{REPORT}|told (?:reporters|journalists|the press|(?:the |a )?\p{{Lu}}\S*|a [\p{{L}} ]{{1,40}}))(?:\s+(?:on|in|at|late|earlier|later|last|this|yesterday|today)(?-u:\b)[^,]*)?|(?:said|says|added)\s+(?P<subj2>[^,]{{1,70}}?)|(?i:according to)\s+(?P<acc>[^,]{{1,80}}?)(?:,[^,]*)?)$"
    ))
    .unwrap()
});

static ACCORDING_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?i:according to)|As (?:informed|said|reported|stated|announced))\s+(?P<acc>[^,]{1,80}),\s+(?P<clause>.{12,})$").unwrap()
});

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that",
];
const PREPOSITIONS: &[&str] = &[
    "on", "at", "of", "in", "for", "from", "with", "by", "near", "outside", "inside",
];
/// Words that show a would-be subject is a clause, not a speaker.
const VERBISH: &[&str] = &[
    "is", "are", "was", "were", "had", "has", "have", "would", "will", "could", "can", "that",
    "which", "who", "and", "but",
];

/// Reported speech in sentences without quote marks (see the module comment). The clause
/// is what was said, in the outlet's words.
pub fn reported_speech(paragraphs: &[&str]) -> Vec<Found> {
    let english = crate::marks::with_english_marks_all(paragraphs);
    let paragraphs: &[&str] = &english.iter().map(AsRef::as_ref).collect::<Vec<_>>();
    let mut found = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut roles: Vec<(String, String)> = Vec::new();
    let mut last_subject: Option<String> = None;
    let mut last_org: Option<String> = None;
    for (k, p) in paragraphs.iter().enumerate() {
        remember_names(p, &mut names);
        remember_roles(p, &mut roles);
        for sentence in parallax_text::sentences(p) {
            let sentence = sentence.trim();
            let quoted = sentence.contains(['“', '”', '"']);
            let body = sentence.trim_end_matches(['.', '!', '?']);
            let found_here: Vec<(Vec<&str>, &str, &str)> = if quoted {
                after_quotation(body)
                    .map(|(c, a, s)| (vec![c], a, s))
                    .into_iter()
                    .collect()
            } else if let Some(split) = split_by_attribution(body) {
                vec![split]
            } else {
                reports(body)
                    .into_iter()
                    .map(|(c, a, s)| (vec![c], a, s))
                    .collect()
            };
            for (parts, attribution, subject) in found_here {
                let speaker = speaker(subject, &names, &roles, &last_subject, &last_org);
                if let Some(s) = &speaker {
                    if s.split_whitespace().count() >= 2 && names.contains(s) {
                        last_subject = Some(s.clone());
                    }
                }
                found.push(Found {
                    paragraph: k,
                    parts: parts.into_iter().map(str::to_string).collect(),
                    attribution: Some(attribution.to_string()),
                    speaker,
                    direct: false,
                });
            }
            if let Some(n) = full_subject(body, &names) {
                last_subject = Some(n);
            }
            if let Some(org) = last_company(body, &names) {
                last_org = Some(org);
            }
        }
    }
    found
}

/// A sentence split by its attribution, without quote marks: "We need security to work in
/// practice, he added, but there are no specifics on how it will work." or "The plan, she
/// said, would cost two million." (the words on each side, the attribution, its subject).
/// Translated copy often prints a quotation this way, its marks lost.
fn split_by_attribution(body: &str) -> Option<(Vec<&str>, &str, &str)> {
    let c = MID_ATTRIBUTION.captures(body)?;
    let (before, after) = (
        c.name("before")?.as_str().trim(),
        c.name("after")?.as_str().trim(),
    );
    let subject = c.name("subj")?.as_str();
    let attribution = body[c.name("subj")?.start()..c.name("verb")?.end()].trim();
    if words(before) + words(after) < 5 || NOT_SPEECH_BEFORE.is_match(subject) {
        return None;
    }
    Some((vec![before, after], attribution, subject))
}

/// ", he added, ", ", Voss said, " or ", police said, " inside a sentence, with words on both
/// sides. A subject in lower case opens with an article or possessive ("the fire chief", "a
/// spokeswoman", "its owner") or is one of the bare plurals that speak for an event
/// ("police", "officials").
static MID_ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<before>[^“”"]{3,}?),\s+(?P<subj>(?i:he|she|they)|\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}[\p{L}’'\-]+){0,2}|(?:the|a|an|its|their)\s+(?:[\p{L}’'\-]+\s+){0,2}\p{Ll}[\p{Ll}\-]+|police|officials|authorities|investigators|prosecutors|witnesses|residents)\s+(?P<verb>added|said|says|stated|noted|insisted|stressed|continued|explained|argued|warned),\s+(?P<after>[^“”"]{3,})$"#).unwrap()
});

/// A report run on after a quotation: "“...,” Witkoff said, adding that Russia showed
/// signs of moderating its approach." (clause, attribution, subject).
fn after_quotation(body: &str) -> Option<(&str, &str, &str)> {
    let close = body.rfind(['”', '"'])?;
    let tail = &body[close + body[close..].chars().next()?.len_utf8()..];
    if tail.contains('“') {
        return None;
    }
    let c = AFTER_QUOTE.captures(tail)?;
    let (subj, clause) = (c.name("subj")?, c.name("clause")?);
    let attribution = tail[subj.start()..clause.start()]
        .trim()
        .trim_start_matches([',', ' ']);
    (words(clause.as_str()) >= 3).then(|| (clause.as_str().trim(), attribution, subj.as_str()))
}

static AFTER_QUOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<subj>[^“”]*?),?\s+(?:adding|saying|noting|insisting|stressing|warning|arguing|explaining)\s+(?:that\s+)?(?P<clause>[^“”]{12,})$").unwrap()
});

/// "called them game-changing", "described it as a breakthrough": a verdict someone gave,
/// in the outlet's words.
static CALLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:called|described|labelled|labeled|termed|dubbed)\s+(?:it|them|him|her|this|that|the\s+[\p{L}\-]+)\s+(?:as\s+)?(?P<desc>(?:an?\s+)?[\p{L}\-]+(?:\s+[\p{L}\-]+){0,3}?)(?:\s+(?:and|but)(?-u:\b)|$)").unwrap()
});

/// "welcomed the offer, emphasizing its readiness to help": a reaction someone voiced, told
/// by its verb and object and set off as speech by the participle after it. The reaction
/// with what follows is the report; without the participle ("welcomed the offer", "the
/// town welcomed 5,000 visitors") it is not taken.
static REACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?P<desc>(?:welcomed|praised|hailed|condemned|critici[sz]ed|denounced|rejected|dismissed)\s+[^,]{3,120}?,\s+(?:emphasi[sz]ing|stressing|saying|noting|adding|calling|insisting|warning)\s+[^,]{3,200})$").unwrap()
});

/// A subject without the aside after its name ("Ursula von der Leyen, speaking beside the
/// president in Brussels," → "Ursula von der Leyen").
fn without_aside(subject: &str) -> &str {
    match subject.find(", ") {
        Some(i)
            if subject[i + 2..]
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with("ing")) =>
        {
            &subject[..i]
        }
        _ => subject,
    }
}

/// The reports of one sentence (its final stop taken off): (clause, attribution, subject).
fn reports(body: &str) -> Vec<(&str, &str, &str)> {
    if let Some(desc) = REACTION.captures(body).and_then(|c| c.name("desc")) {
        let subject = without_aside(body[..desc.start()].trim().trim_end_matches(','));
        let from = body[..desc.start()].rfind([';']).map_or(0, |i| i + 1);
        if plausible_subject(subject) && !subject.trim().is_empty() {
            return vec![(desc.as_str(), body[from..desc.start()].trim(), subject)];
        }
    }
    if let Some(c) = TRAILING.captures(body) {
        let clause = c.name("clause").map_or("", |m| m.as_str()).trim();
        let subject = ["subj", "subj2", "acc"]
            .iter()
            .find_map(|g| c.name(g))
            .map_or("", |m| m.as_str());
        let from = c.name("clause").map_or(0, |m| m.end());
        let attribution = body[from..].trim_start_matches([',', ' ']);
        if plausible_subject(subject) && !VERB.is_match(clause) && words(clause) >= 3 {
            return vec![(clause, attribution, subject)];
        }
    }
    if let Some(c) = ACCORDING_FIRST.captures(body) {
        let acc = c.name("acc").map_or("", |m| m.as_str());
        let clause = c.name("clause").map_or("", |m| m.as_str());
        if plausible_subject(acc) && !VERB.is_match(clause) {
            let attribution = &body[..c.name("acc").map_or(0, |m| m.end())];
            return vec![(clause.trim(), attribution, acc)];
        }
    }
    let mut out: Vec<(&str, &str, &str)> = Vec::new();
    for c in CALLED.captures_iter(body) {
        let (Some(whole), Some(desc)) = (c.get(0), c.name("desc")) else {
            continue;
        };
        let first = desc.as_str().split_whitespace().next().unwrap_or("");
        if NOT_CLAUSE_START.contains(&first) || matches!(first, "off" | "into" | "up") {
            continue;
        }
        let subject = &body[..whole.start()];
        let from = subject.rfind([',', ';']).map_or(0, |i| i + 1);
        out.push((desc.as_str(), body[from..desc.start()].trim(), subject));
    }
    let mut taken_to = 0;
    let mut subject_from = 0;
    for v in VERB.find_iter(body) {
        if v.start() < taken_to {
            continue;
        }
        let before = &body[..v.start()];
        if NOT_SPEECH_BEFORE.is_match(before) {
            continue;
        }
        let verb = v.as_str();
        let told = verb.starts_with("tell") || verb == "told";
        let Some(start) = clause_start(body, v.end(), told, BARE.is_match(verb)) else {
            continue;
        };
        let rest = &body[start..];
        let end = start + NEXT_REPORT.find(rest).map_or(rest.len(), |m| m.start());
        let clause = body[start..end].trim().trim_end_matches(',');
        if words(clause) < 3 {
            continue;
        }
        // A report joined to the one before ("... but said ...") has its subject; one after
        // a semicolon begins there ("... settled for 6; the port authority said ...").
        subject_from = body[subject_from..v.start()]
            .rfind(';')
            .map_or(subject_from, |i| subject_from + i + 1);
        let own = &body[subject_from..v.start()];
        let subject = match out.last() {
            Some(prev) if only_connectives(own) => prev.2,
            _ => own,
        };
        let attribution = body[subject_from..start]
            .trim()
            .trim_start_matches([',', ' ']);
        out.push((clause, attribution.trim(), subject));
        taken_to = end;
        subject_from = end;
    }
    out
}

/// Where the reported clause after a verb begins, or `None` when the verb reports no clause.
fn clause_start(body: &str, verb_end: usize, told: bool, bare: bool) -> Option<usize> {
    let rest = &body[verb_end..];
    if let Some(m) = UP_TO_THAT.find(rest) {
        // Only an object or a setting may stand before "that", never a clause of its own.
        let between = &rest[..m.end()];
        if !FINITE.is_match(between.trim_end().trim_end_matches("that")) {
            return Some(verb_end + m.end());
        }
    }
    if !bare {
        return None;
    }
    let mut at = verb_end;
    if told {
        at += TOLD_OBJECT.find(rest)?.end();
    } else if let Some(m) = SETTING.find(rest) {
        at += m.end();
    }
    let clause = body[at..].trim_start();
    let first = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("")
        .to_lowercase();
    if first.is_empty() || NOT_CLAUSE_START.contains(&first.as_str()) {
        return None;
    }
    let head: String = clause
        .split_whitespace()
        .take(12)
        .collect::<Vec<_>>()
        .join(" ");
    if !FINITE.is_match(&head) {
        return None;
    }
    Some(body.len() - clause.len())
}

/// Words that only join or qualify a verb: "and", "but also", "then".
const CONNECTIVES: &[&str] = &["and", "but", "also", "then", "later", "again"];

fn only_connectives(s: &str) -> bool {
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .all(|w| CONNECTIVES.contains(&w.to_lowercase().as_str()))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// A speaker phrase, not a clause: a few words without a verb.
fn plausible_subject(s: &str) -> bool {
    let w: Vec<String> = s.split_whitespace().map(|w| w.to_lowercase()).collect();
    !w.is_empty() && w.len() <= 7 && !w.iter().any(|x| VERBISH.contains(&x.as_str()))
}

/// Who made a report, from the words before its verb (see the module comment).
fn speaker(
    subject: &str,
    names: &[String],
    roles: &[(String, String)],
    last: &Option<String>,
    company: &Option<String>,
) -> Option<String> {
    let clause = subject.trim().trim_end_matches(',').trim();
    let own: Vec<String> = clause
        .split_whitespace()
        .map(str::to_lowercase)
        .filter(|w| !CONNECTIVES.contains(&w.as_str()))
        .collect();
    // A pronoun opening the subject ("He called them game-changing and noted that") or the
    // part after a sentence adverb ("Additionally, he stated that") is the last subject.
    let after_comma = clause.rsplit(',').next().unwrap_or(clause).trim();
    let opens_with_pronoun = |s: &str| {
        s.split_whitespace()
            .next()
            .is_some_and(|w| PRONOUNS.contains(&w.to_lowercase().as_str()))
    };
    if own.is_empty() || opens_with_pronoun(clause) || opens_with_pronoun(after_comma) {
        return last.clone();
    }
    if let Some(doc) = document_speaker(subject) {
        return Some(doc);
    }
    if let Some(n) = subject_name(subject, names).and_then(|n| canonical(&n, names)) {
        return Some(n);
    }
    // A role with the name set off after it: "Its chief executive, Tomas Ekholm, said".
    if let Some(n) = clause
        .split(',')
        .skip(1)
        .find_map(|part| subject_name(part, names).and_then(|n| canonical(&n, names)))
    {
        return Some(n);
    }
    // The head of the subject: its words up to a preposition or a comma, without the
    // article or possessive in front.
    let tail = clause.rsplit(". ").next().unwrap_or(clause);
    let head: Vec<&str> = tail
        .split(',')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .skip_while(|w| {
            DETERMINERS.contains(&w.to_lowercase().as_str())
                || matches!(w.to_lowercase().as_str(), "and" | "but")
        })
        .take_while(|w| !PREPOSITIONS.contains(&w.to_lowercase().as_str()))
        .collect();
    // "The minister" is whoever the article has called the minister.
    if let Some(n) = head
        .last()
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s"))
        .and_then(|w| holder_of(w, roles))
    {
        return Some(n);
    }
    if let (["company" | "firm" | "operator" | "distributor" | "carrier" | "group"], Some(org)) =
        (head.as_slice(), company)
    {
        return Some(org.clone());
    }
    (!head.is_empty() && head.len() <= 4).then(|| head.join(" "))
}

/// Last words of company names ("Nordvik Line", "Orlen Foods", "Meridian Bank").
const COMPANY_WORDS: &[&str] = &[
    "Line",
    "Lines",
    "Foods",
    "Bank",
    "Group",
    "Company",
    "Corporation",
    "Airlines",
    "Airways",
    "Motors",
    "Energy",
    "Holdings",
    "Partners",
    "Inc",
    "Ltd",
    "plc",
    "AG",
    "SA",
    "Shipping",
    "Ferries",
    "Rail",
    "Telecom",
    "Pharma",
    "Media",
];

/// The company an article last named, for "the company said".
fn last_company(sentence: &str, names: &[String]) -> Option<String> {
    crate::extract::name_matches(sentence)
        .into_iter()
        .map(|n| {
            n.trim_end_matches("’s")
                .trim_end_matches("'s")
                .trim_end_matches(['’', '\''])
                .to_string()
        })
        .filter(|n| {
            n.split_whitespace().count() >= 2
                && n.split_whitespace()
                    .last()
                    .is_some_and(|w| COMPANY_WORDS.contains(&w))
        })
        .map(|n| canonical(&n, names).unwrap_or(n))
        .next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn got(ps: &[&str]) -> Vec<(String, Option<String>, String)> {
        reported_speech(ps)
            .into_iter()
            .map(|f| {
                assert!(!f.direct);
                (
                    f.parts[0].clone(),
                    f.speaker,
                    f.attribution.unwrap_or_default(),
                )
            })
            .collect()
    }

    fn row(
        clause: &str,
        speaker: Option<&str>,
        attribution: &str,
    ) -> (String, Option<String>, String) {
        (
            clause.to_string(),
            speaker.map(str::to_string),
            attribution.to_string(),
        )
    }

    #[test]
    fn verb_before_the_clause() {
        let ps = [
            "Mayor Ada Voss said that the bridge would reopen in June after repairs.",
            "She added that the repairs would cost about two million crowns in all.",
            "Mr Lind said it was the first time the council had agreed on anything.",
            "“We will reopen it,” Voss said, and the council said that nothing else was planned.",
            "Harbour master Eva Dahl said deliveries across the north would be delayed by a week.",
            "Voss, who has led the city since 2019, told a news conference at the town hall that she had done nothing wrong.",
            "Local fishermen told the Courier the harbour light had been out for a week.",
            "Police confirmed they had received the report but said no one had been charged.",
            "The company said in a statement that its offer was fair.",
            "A spokeswoman for the company, Maja Lind, said orders would go through the depot.",
        ];
        assert_eq!(
            got(&ps),
            [
                row("the bridge would reopen in June after repairs", Some("Ada Voss"), "Mayor Ada Voss said that"),
                row("the repairs would cost about two million crowns in all", Some("Ada Voss"), "She added that"),
                row("it was the first time the council had agreed on anything", Some("Lind"), "Mr Lind said"),
                row("deliveries across the north would be delayed by a week", Some("Eva Dahl"), "Harbour master Eva Dahl said"),
                row("she had done nothing wrong", Some("Ada Voss"), "Voss, who has led the city since 2019, told a news conference at the town hall that"),
                row("the harbour light had been out for a week", Some("Local fishermen"), "Local fishermen told the Courier"),
                row("they had received the report", Some("Police"), "Police confirmed"),
                row("no one had been charged", Some("Police"), "but said"),
                row("its offer was fair", Some("company"), "The company said in a statement that"),
                row("orders would go through the depot", Some("Maja Lind"), "A spokeswoman for the company, Maja Lind, said"),
            ]
        );
    }

    #[test]
    fn attribution_after_the_clause() {
        let ps = [
            "Nobody was injured, fire chief Piet Dorn said.",
            "Two passengers were treated for hypothermia at the hospital, the hospital said.",
            "Coastguard commander Lena Brandt spoke first.",
            "The ferry struck the rocks shortly before 6 a.m. in strong winds, she told reporters.",
            "A small amount of diesel leaked from a tank, according to the coastal authority.",
            "According to the coastguard service, all people on board were evacuated.",
            "There were 62 passengers on board, according to a passenger list, far more than first said.",
            "As informed the coastal authority, a small quantity of fuel has leaked.",
            "Police said they saw no sign of a crime.",
            "Ministers must act now, said union leader Ana Sorel on Monday.",
        ];
        assert_eq!(
            got(&ps),
            [
                row(
                    "Nobody was injured",
                    Some("Piet Dorn"),
                    "fire chief Piet Dorn said"
                ),
                row(
                    "Two passengers were treated for hypothermia at the hospital",
                    Some("hospital"),
                    "the hospital said"
                ),
                row(
                    "The ferry struck the rocks shortly before 6 a.m. in strong winds",
                    Some("Lena Brandt"),
                    "she told reporters"
                ),
                row(
                    "A small amount of diesel leaked from a tank",
                    Some("coastal authority"),
                    "according to the coastal authority"
                ),
                row(
                    "all people on board were evacuated",
                    Some("coastguard service"),
                    "According to the coastguard service"
                ),
                row(
                    "There were 62 passengers on board",
                    Some("passenger list"),
                    "according to a passenger list, far more than first said",
                ),
                row(
                    "a small quantity of fuel has leaked",
                    Some("coastal authority"),
                    "As informed the coastal authority",
                ),
                row("they saw no sign of a crime", Some("Police"), "Police said"),
                row(
                    "Ministers must act now",
                    Some("Ana Sorel"),
                    "said union leader Ana Sorel on Monday"
                ),
            ]
        );
    }

    #[test]
    fn the_company_is_the_company_last_named() {
        let ps = [
            "The ferry, run by Nordvik Line, struck the rocks.",
            "Passengers were offered seats on a chartered boat, the company added.",
        ];
        assert_eq!(
            got(&ps),
            [row(
                "Passengers were offered seats on a chartered boat",
                Some("Nordvik Line"),
                "the company added"
            )]
        );
    }

    #[test]
    fn reports_beside_quotations_and_verdicts() {
        let ps = [
            "Envoy Maren Holt spoke on the radio.",
            "“We covered almost everything,” Holt said, adding that the other side showed signs of moving.",
            "She called them game-changing and noted that it was a first for the talks.",
        ];
        assert_eq!(
            got(&ps),
            [
                row(
                    "the other side showed signs of moving",
                    Some("Maren Holt"),
                    "Holt said, adding that"
                ),
                row("game-changing", Some("Maren Holt"), "She called them"),
                row(
                    "it was a first for the talks",
                    Some("Maren Holt"),
                    "She called them game-changing and noted that"
                ),
            ]
        );
    }

    #[test]
    fn reactions_set_off_as_speech() {
        let ps = [
            "Council leader Petra Lund, speaking beside the mayor in Kessa, welcomed the government's offer of help, stressing the town's need for a new bridge.",
            "The union condemned the closure, saying it would cost 200 jobs.",
        ];
        assert_eq!(
            got(&ps),
            [
                row(
                    "welcomed the government's offer of help, stressing the town's need for a new bridge",
                    Some("Petra Lund"),
                    "Council leader Petra Lund, speaking beside the mayor in Kessa,"
                ),
                row(
                    "condemned the closure, saying it would cost 200 jobs",
                    Some("union"),
                    "The union"
                ),
            ]
        );
    }

    #[test]
    fn sentences_split_by_their_attribution() {
        let ps = [
            "Minister Ivo Ranta spoke after the talks.",
            "He said that the treaty was the only way forward for the region.",
            "We need the border open by spring, he added, but nobody has set a date yet.",
            "The repairs, Ranta said, would take most of the summer.",
            "The fire, police said, started in a storage room behind the kitchen.",
            "The road, the city council said, will reopen on Friday.",
        ];
        let found = reported_speech(&ps);
        let got: Vec<(Vec<&str>, Option<&str>, Option<&str>)> = found
            .iter()
            .map(|f| {
                (
                    f.parts.iter().map(String::as_str).collect(),
                    f.speaker.as_deref(),
                    f.attribution.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (
                    vec!["the treaty was the only way forward for the region"],
                    Some("Ivo Ranta"),
                    Some("He said that")
                ),
                (
                    vec![
                        "We need the border open by spring",
                        "but nobody has set a date yet"
                    ],
                    Some("Ivo Ranta"),
                    Some("he added")
                ),
                (
                    vec!["The repairs", "would take most of the summer"],
                    Some("Ivo Ranta"),
                    Some("Ranta said")
                ),
                (
                    vec!["The fire", "started in a storage room behind the kitchen"],
                    Some("police"),
                    Some("police said")
                ),
                (
                    vec!["The road", "will reopen on Friday"],
                    Some("city council"),
                    Some("the city council said")
                ),
            ]
        );
    }

    #[test]
    fn a_pronoun_subject_keeps_the_last_person_named() {
        // "the United Nations" is named in the sentence led by "She", but she is still Lund.
        let ps = [
            "Envoy Petra Lund arrived on Monday.",
            "She said that the United Nations would send observers to the border.",
            "She added that the observers would stay until the vote was counted.",
        ];
        let speakers: Vec<Option<String>> = reported_speech(&ps)
            .into_iter()
            .map(|f| f.speaker)
            .collect();
        assert_eq!(
            speakers,
            [
                Some("Petra Lund".to_string()),
                Some("Petra Lund".to_string())
            ]
        );
    }

    #[test]
    fn not_speech() {
        let ps = [
            "Investigators have not yet said what started the fire.",
            "The plant is said to be the largest in the north.",
            "The company said in a statement.",
            "She said goodbye to the crew, and the ship left.",
            "Voss denied any wrongdoing.",
            "The minister told reporters about the plan.",
            "The operator has promised full cooperation and has stopped the line.",
            "The mayor called off the vote and called the police.",
            "The town welcomed 5,000 visitors to the festival.",
        ];
        assert_eq!(got(&ps), []);
    }
}
