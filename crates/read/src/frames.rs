//! Attribution frames: a source, a cue and a content, for quoted and reported speech alike.
//!
//! ## What it handles
//! In each sentence, the cues of [`crate::lexicon`] outside quotations and "according to".
//! A quotation takes the cue right after it ("“…,” Senate Majority Leader Mitch McConnell,
//! R-Ky., said", "“…,” said Rep. Adam Schiff") or, failing one, the cue before it in its
//! sentence ("Voss said: “…”", "called the plan “reckless”"), or a colon after a name
//! ("Varga on the levy: ‘It is theft’"). A quotation split by its attribution (“A,” she said,
//! “B.”) or run on into the next paragraph is one frame with several parts; a quotation
//! with no cue in its sentence goes on in the voice of the frame before it. A cue with no
//! quotation reports speech: its content is the clause after it ("said (that) …", "told
//! reporters on Tuesday that …", "wants to …") or, for an attribution closing the sentence,
//! the clause before it ("…, the coastguard said", "…, according to the ministry"); a
//! participle ("…, adding that …") reports for the subject of its sentence; an attribution
//! set in the middle ("The repairs, Ranta said, would take the summer") has both sides.
//! Short quoted titles and scare quotes in sentences without a cue are not speech.
//!
//! ## What it does not
//! Nominal reports without a verb ("Voss's claim that …"), content running over several
//! sentences without quotation marks, and cues not in the lexicon.

use crate::lexicon::{self, Cue, CueKind};
use crate::marks::Quoted;
use crate::names::{self, Head};
use crate::tokens::{Token, TokenKind};

/// A piece of an article: a byte range of one paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// The paragraph's index.
    pub paragraph: usize,
    /// First byte in the paragraph.
    pub start: usize,
    /// Just past the last byte.
    pub end: usize,
}

/// One attribution: who (source), by what words (cue), said what (content).
#[derive(Debug, Clone, PartialEq)]
pub struct Frame {
    /// Paragraph and sentence of its cue, or of its first content piece.
    pub paragraph: usize,
    /// The sentence's index within its paragraph.
    pub sentence: usize,
    /// The sentence's place among all the article's sentences (0, 1, 2, … across
    /// paragraphs).
    pub order: usize,
    /// What was said: the quoted characters (one piece per quoted span), or the reported
    /// clause.
    pub content: Vec<Piece>,
    /// True when the content stands in quotation marks.
    pub direct: bool,
    /// The cue word, if the frame has one.
    pub cue: Option<Piece>,
    /// The cue's kind.
    pub kind: Option<CueKind>,
    /// The source phrase's head, and where it starts in the paragraph.
    pub source: Option<(Head, usize)>,
    /// The attributing words: source and cue.
    pub attribution: Option<Piece>,
    /// No source of its own: the voice of the frame before it.
    pub follows: bool,
    /// The last quoted span is still open at the paragraph's end.
    pub open_end: bool,
    /// The speaker, once [`crate::chains`] has resolved the source.
    pub speaker: Option<String>,
}

impl Frame {
    pub(crate) fn new(s: &SentenceView<'_>, direct: bool) -> Frame {
        Frame {
            paragraph: s.paragraph,
            sentence: s.index,
            order: s.order,
            content: Vec::new(),
            direct,
            cue: None,
            kind: None,
            source: None,
            attribution: None,
            follows: false,
            open_end: false,
            speaker: None,
        }
    }
}

/// A sentence as the frame finder sees it.
pub(crate) struct SentenceView<'a> {
    pub paragraph: usize,
    pub index: usize,
    /// The sentence's place among all the article's sentences.
    pub order: usize,
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub quotes: Vec<Quoted>,
}

impl SentenceView<'_> {
    /// The token at `i` in lower case, or nothing past the sentence's end.
    pub(crate) fn lower(&self, i: usize) -> String {
        self.tokens
            .get(i)
            .map(|x| x.text(self.text).to_lowercase())
            .unwrap_or_default()
    }
}

/// The frames of one sentence.
pub(crate) fn frames_of(s: &SentenceView<'_>) -> Vec<Frame> {
    let mut out = Vec::new();
    let cues = cues(s);
    let mut used = vec![false; cues.len()];
    direct_frames(s, &cues, &mut used, &mut out);
    for (k, &(i, cue)) in cues.iter().enumerate() {
        if !used[k] {
            if let Some(f) = reported(s, i, cue, &out) {
                out.push(f);
            }
        }
    }
    if let Some(f) = according_to(s) {
        out.push(f);
    }
    let inner = inner_frames(s);
    out.extend(inner);
    let topics = crate::topics::topic_frames(s, &out);
    out.extend(topics);
    let nominal = crate::topics::nominal_frames(s, &out);
    out.extend(nominal);
    out
}

/// The quotations a speaker quotes inside their own words, each with the source the
/// speaker gives it: “The minister sat in my office and told me, ‘Nothing is decided,
/// Jonas.’ Then she decided” holds the minister's words, “her office told me ‘it is not
/// ready’” the office's. The speaker's words are read as a sentence of their own around
/// the inner quotation; an inner quotation with no cue there, or given to a pronoun ("they
/// said ‘…’", "you say ‘…’"), is left to the outer one.
fn inner_frames(s: &SentenceView<'_>) -> Vec<Frame> {
    let mut out = Vec::new();
    for q in &s.quotes {
        for inner in crate::marks::inner(s.text, q) {
            if s.text[inner.start..inner.end].split_whitespace().count() < 2 {
                continue;
            }
            let tokens = crate::tokens::tokens(s.text, q.start, q.end, &[inner]);
            let view = SentenceView {
                tokens: &tokens,
                quotes: vec![inner],
                ..*s
            };
            let cues = cues(&view);
            let mut used = vec![false; cues.len()];
            let mut found = Vec::new();
            direct_frames(&view, &cues, &mut used, &mut found);
            // Only a source the speaker names or describes: "he said, ‘…’" inside a
            // quotation is seldom someone the article has named, "you say ‘…’" is the one
            // spoken to, "people say ‘…’" no one.
            out.extend(found.into_iter().filter(|f| {
                f.cue.is_some()
                    && match &f.source {
                        Some((Head::Name(r), _)) => {
                            !r.place
                                && !vague_source(&r.text)
                                && lexicon::pronoun(&r.text).is_none()
                        }
                        Some((Head::Role { noun, .. }, _)) => !vague_source(noun),
                        _ => false,
                    }
            }));
        }
    }
    out
}

/// Whether a source names no one in particular: "you", "people", "others", "some".
fn vague_source(text: &str) -> bool {
    matches!(
        text.to_lowercase().as_str(),
        "you" | "people" | "others" | "some" | "many" | "everyone" | "everybody" | "they"
    )
}

/// The cue tokens of the sentence, outside quotations.
fn cues(s: &SentenceView<'_>) -> Vec<(usize, Cue)> {
    let t = s.tokens;
    let p = s.text;
    let headline = headline(s);
    // A capitalised cue word inside a sentence is part of a name ("the United States",
    // "Reports Editor"); in a headline every word is capitalised.
    let in_name = |i: usize| {
        !headline
            && i > 0
            && t[i].capitalised(p)
            && t[i - 1].kind == TokenKind::Word
            && !t[i - 1].quoted
    };
    (0..t.len())
        .filter(|&i| t[i].kind == TokenKind::Word && !t[i].quoted && !in_name(i))
        .filter_map(|i| {
            if put_it(p, t, i) {
                return Some((i, lexicon::PUT_IT));
            }
            let (cue, base) = lexicon::cue(&t[i].text(p).to_lowercase())?;
            cue_holds(p, t, i, cue, base).then_some((i, cue))
        })
        .collect()
}

/// "As Ines Kallo, the harbour master, put it, “…”", "as one skipper puts it": a way of saying
/// that is no verb of saying alone.
fn put_it(p: &str, t: &[Token], i: usize) -> bool {
    matches!(t[i].text(p), "put" | "puts")
        && t.get(i + 1).is_some_and(|n| n.text(p) == "it")
        && t[..i].iter().any(|x| x.text(p).eq_ignore_ascii_case("as"))
}

/// Whether a cue word is used as a verb of attribution here.
fn cue_holds(p: &str, t: &[Token], i: usize, cue: Cue, base: &str) -> bool {
    let prev = word_before(p, t, i);
    let prev_l = prev.as_deref().map(str::to_lowercase);
    let prev_l = prev_l.as_deref();
    // "the treaty clause that states": a document speaks for itself.
    if matches!(prev_l, Some("that" | "which")) && i >= 2 {
        return document_before(p, t, i - 1).is_some();
    }
    if blocked_before(prev_l, cue, base) || noun_here(p, t, i, cue, base, prev.as_deref()) {
        return false;
    }
    // "a hastily called meeting": a participle after a determiner and an adverb describes.
    let adverb = prev_l.is_some_and(|w| w.ends_with("ly"));
    if adverb
        && i >= 2
        && word_before(p, t, i - 1).is_some_and(|w| lexicon::determiner(&w.to_lowercase()))
    {
        return false;
    }
    if cue.participle {
        // "..., saying that", "while adding", "is saying", "began by saying", and a name
        // doing it ("footage of Trump saying").
        return matches!(prev_l, Some("is" | "was" | "were" | "are" | "been"))
            || prev_l.is_some_and(lexicon::links_participle)
            || i > 0 && t[i - 1].is(',')
            || i > 1 && t[i - 1].kind == TokenKind::Word && t[i - 1].capitalised(p);
    }
    if cue.base {
        // "The state officials whose laws were struck down say", "Aides to Clinton say":
        // a verb of speech in its base form after any word but a name's, whose clause
        // [`reported`] still asks for.
        let speech = matches!(cue.kind, CueKind::Speech) && matches!(base, "say" | "tell");
        let after_word = i > 0 && t[i - 1].kind == TokenKind::Word && !t[i - 1].quoted;
        // "Executives for Mondelez, which generated $30 billion last year, say": after the
        // comma that closes a relative clause.
        let after_aside = i > 1
            && t[i - 1].is(',')
            && ((1..i - 1).any(|k| {
                t[k - 1].is(',') && matches!(t[k].text(p).to_lowercase().as_str(), "which" | "who")
            })
                // "Others, however, say": an adverb set off between commas; "Economists,
                // like their counterparts abroad, say": a comparison or a companion.
                || (i > 3
                    && t[i - 3].is(',')
                    && t[i - 2].kind == TokenKind::Word
                    && !t[i - 2].capitalised(p)
                    && t[i - 4].kind == TokenKind::Word)
                || (i.saturating_sub(10)..i - 1).any(|j| {
                    t[j].is(',')
                        && t
                            .get(j + 1)
                            .is_some_and(|x| lexicon::opens_companion(&x.text(p).to_lowercase()))
                }));
        return base_form_holds(p, t, i) || (speech && (after_word || after_aside));
    }
    true
}

/// Whether the word before a cue makes it no report: an infinitive, a passive or a
/// negation ("to say", "is said to", "did not say"), or a determiner ("the claims"), save
/// a quantifier standing for people before a verb that is no noun ("Some said").
fn blocked_before(prev: Option<&str>, cue: Cue, base: &str) -> bool {
    let Some(prev) = prev else {
        return false;
    };
    let people = matches!(prev, "some" | "those") && !lexicon::noun_too(base);
    lexicon::blocks_verb(prev)
        || (matches!(prev, "is" | "are" | "was" | "were") && !cue.participle)
        || (lexicon::determiner(prev) && !people)
}

/// Whether the cue word at `i` is a noun here: "states that vote in March" (unless a
/// text, a name or a pronoun stands before it: "the treaty states", "Article 5 states",
/// "it states"), "calls for" (a topic, [`crate::topics`]), "Trump's tweets accusing her"
/// and "his claims of fraud" (the plural of a verb that is also a noun, followed by what
/// follows nouns), "they made plans to build" (after a verb).
fn noun_here(p: &str, t: &[Token], i: usize, cue: Cue, base: &str, prev: Option<&str>) -> bool {
    let prev_l = prev.map(str::to_lowercase);
    let next = t
        .get(i + 1)
        .filter(|n| n.kind == TokenKind::Word)
        .map(|n| n.text(p).to_lowercase());
    let states = t[i].text(p) == "states"
        && !prev.is_some_and(|w| {
            lexicon::document_word(w)
                || (w.starts_with(char::is_uppercase) && !lexicon::before_noun(&w.to_lowercase()))
                || matches!(w, "it" | "he" | "she" | "which")
        });
    let call_for = base == "call" && matches!(next.as_deref(), Some("for" | "on" | "off" | "up"));
    let plural = lexicon::noun_too(base) && !cue.participle && t[i].text(p).ends_with('s');
    let noun_like = plural
        && !cue.base
        && next
            .as_deref()
            .is_some_and(|n| n.ends_with("ing") || lexicon::follows_nouns(n));
    let after_verb = plural
        && prev_l.as_deref().is_some_and(|w| {
            (lexicon::finite_verb(w) || lexicon::past_tense(w)) && !lexicon::auxiliary(w)
        });
    states || call_for || noun_like || after_verb
}

/// Whether a cue in its base form has a subject that takes it: "Democrats say", "polls
/// show", "they believe", "would say", "Police say", or the same before an adverb
/// ("Mexican officials now say", "proponents of the ban here say").
fn base_form_holds(p: &str, t: &[Token], i: usize) -> bool {
    let subject = |w: &str| {
        lexicon::takes_base_form(w)
            || lexicon::plural_without_s(w)
            || (w.ends_with('s') && !w.ends_with("'s") && !w.ends_with("’s") && w.len() > 3)
    };
    let word = |k: usize| t[k].text(p).to_lowercase();
    if i == 0 || t[i - 1].kind != TokenKind::Word {
        return false;
    }
    if subject(&word(i - 1)) {
        return true;
    }
    let mut j = i;
    while j > 0
        && t[j - 1].kind == TokenKind::Word
        && lexicon::between_subject_and_cue(t[j - 1].text(p))
    {
        j -= 1;
    }
    j < i && j > 0 && t[j - 1].kind == TokenKind::Word && subject(&word(j - 1))
}

/// A document as the subject of the cue at `c`: "the NATO treaty clause that states" speaks
/// as the NATO treaty, "Article 5, which declares" as Article 5.
fn document_subject(s: &SentenceView<'_>, c: usize) -> Option<(Head, usize)> {
    let t = s.tokens;
    if c < 2
        || !matches!(
            t[c - 1].text(s.text).to_lowercase().as_str(),
            "that" | "which"
        )
    {
        return None;
    }
    let (a, mut b) = document_before(s.text, t, c - 1)?;
    while b - a > 1 && matches!(t[b - 1].text(s.text), "clause" | "section" | "provision") {
        b -= 1;
    }
    let text = (a..b)
        .map(|i| t[i].text(s.text))
        .collect::<Vec<_>>()
        .join(" ");
    let noun = t[b - 1].text(s.text).to_lowercase();
    Some((
        Head::Role {
            text,
            noun,
            gender: None,
            definite: false,
        },
        t[a].start,
    ))
}

/// The document phrase ending right before token `k` ("the NATO treaty clause" before
/// "that states"), as a token range.
fn document_before(p: &str, t: &[Token], k: usize) -> Option<(usize, usize)> {
    let mut end = k;
    if end > 0 && t[end - 1].is(',') {
        end -= 1;
    }
    let last = t.get(end.checked_sub(1)?)?;
    let numbered = last.text(p).chars().all(|c| c.is_ascii_digit());
    let noun = if numbered {
        end.checked_sub(2)?
    } else {
        end - 1
    };
    if !lexicon::document_word(t[noun].text(p)) {
        return None;
    }
    let mut start = noun;
    while start > 0
        && t[start - 1].kind == TokenKind::Word
        && (t[start - 1].capitalised(p) || lexicon::document_word(t[start - 1].text(p)))
    {
        start -= 1;
    }
    Some((start, end))
}

fn word_before(p: &str, t: &[Token], i: usize) -> Option<String> {
    (i > 0 && t[i - 1].kind == TokenKind::Word).then(|| t[i - 1].text(p).to_string())
}

/// Token ranges of each quotation of the sentence, and the quotation.
fn quote_tokens(s: &SentenceView<'_>) -> Vec<(usize, usize, Quoted)> {
    s.quotes
        .iter()
        .map(|q| {
            let a = s
                .tokens
                .iter()
                .position(|t| t.start >= q.outer_start)
                .unwrap_or(s.tokens.len());
            let b = s
                .tokens
                .iter()
                .position(|t| t.start >= q.outer_end)
                .unwrap_or(s.tokens.len());
            (a, b, *q)
        })
        .collect()
}

/// Frames for the quotations of the sentence.
fn direct_frames(
    s: &SentenceView<'_>,
    cues: &[(usize, Cue)],
    used: &mut [bool],
    out: &mut Vec<Frame>,
) {
    let qt = quote_tokens(s);
    let cue_in = |from: usize, to: usize| cues.iter().position(|&(i, _)| from <= i && i < to);
    let mut split_by_attribution = false;
    let mut characterised_before = false;
    for (j, &(a, b, q)) in qt.iter().enumerate() {
        let piece = Piece {
            paragraph: s.paragraph,
            start: q.start,
            end: q.end,
        };
        // “A,” she said, “B.”: the second part of the frame before.
        if split_by_attribution {
            if let Some(f) = out.last_mut() {
                f.content.push(piece);
                f.open_end = !q.closed;
                split_by_attribution = false;
                continue;
            }
        }
        let next_start = qt.get(j + 1).map_or(s.tokens.len(), |x| x.0);
        let prev_end = if j == 0 { 0 } else { qt[j - 1].1 };
        let quoted_text = &s.text[q.start..q.end];
        let words = quoted_text.split_whitespace().count();
        // "… as “provocative” and a “grave threat”": the second goes with the first.
        let says_what_it_is =
            characterises(s, a) || (characterised_before && only_and_between(s, prev_end, a));
        characterised_before = says_what_it_is;
        if no_words(quoted_text)
            || (is_title(quoted_text, words) && !headline(s) && !shouted(s))
            || (!says_what_it_is && names_a_term(s, &q, a, words))
            || names_a_work(s, a, b)
            || printed_on_a_sign(s, a)
            || (says_what_it_is && named_by_no_one(s, a, b))
        {
            continue;
        }
        let mut f = Frame::new(s, true);
        f.content.push(piece);
        f.open_end = !q.closed;
        // An opening mark lost after "… stated that": the quotation starts after "that".
        if !q.opened && lost_opening_frame(s, &mut f, a, b) {
            out.push(f);
            continue;
        }
        let after = cue_in(b, next_start).filter(|&k| {
            crate::sentences::attributes_quotation(cues[k].1) && attribution_after(s, b, cues[k].0)
        });
        let (before, set_apart) = cue_before(s, cues, prev_end, a, words);
        // "Brisk, who calls the levy a “tax on fishing,” said she …": what a verdict calls a
        // thing is its subject's words; the cue after belongs to the sentence.
        let verdict_before = before.is_some_and(|k| {
            let c = cues[k].0;
            a - c <= 5 && lexicon::cue(&s.lower(c)).is_some_and(|(_, base)| lexicon::verdict(base))
        });
        let after = after.filter(|_| !verdict_before);
        if let Some(k) = after {
            used[k] = true;
            frame_cue(s, &mut f, cues[k], b, next_start);
            // A comma after the attribution and another quotation right after it.
            let end = attribution_end(s, cues[k].0, next_start);
            split_by_attribution = j + 1 < qt.len()
                && end == next_start
                && s.tokens[..end].last().is_some_and(|t| t.is(','));
        } else if let Some(k) = before {
            used[k] = true;
            frame_cue(s, &mut f, cues[k], prev_end, a);
        } else if let Some(head) = dash_source(s, b) {
            // "“We came here for a better life.” ― Francisco Herrero, 34".
            f.source = Some(head);
        } else if let Some(head) = colon_source(s, prev_end, a) {
            f.source = Some(head);
        } else if let Some((head, attribution)) = according_source(s) {
            // "According to Witkoff, this “significant progress” led …".
            f.source = Some(head);
            f.attribution = Some(attribution);
        } else if let Some(head) = says_what_it_is.then(|| sentence_subject(s, a)).flatten() {
            // "Christie blasted Clinton as a “disgrace”": the subject's words.
            f.source = Some(head);
        } else if !speech_without_cue(s, &q, a, b, !cues.is_empty() && !set_apart)
            && !headline_lead(s, a, b)
        {
            continue;
        } else if let Some(head) = predicate_of(s, a) {
            // "Voss ended her address with a promise to “keep the ferry”": the subject's words.
            f.source = Some(head);
        } else {
            f.follows = true;
        }
        out.push(f);
    }
}

/// The subject of the sentence when a quotation starting at token `a` stands in its
/// predicate, after its verb: a person or a body named, or a pronoun ("Councillor Voss
/// ended her address with a promise to “keep the ferry in the hands of the islanders”",
/// "the board issued a statement calling the quota “unworkable”"). A place is no subject that speaks. Nothing for a quotation that opens the
/// sentence.
fn predicate_of(s: &SentenceView<'_>, a: usize) -> Option<(Head, usize)> {
    let words_before = s.tokens[..a]
        .iter()
        .filter(|t| t.kind == TokenKind::Word && !t.quoted)
        .count();
    if words_before < 3 {
        return None;
    }
    sentence_subject(s, a).filter(|(head, _)| match head {
        Head::Name(r) => !r.place,
        Head::Pronoun(..) => true,
        Head::Role { .. } => false,
    })
}

/// Whether a quotation after "as" (tokens `a..b`) is what a thing is called by no one in
/// particular: a passive with no agent ("diuretics often described as ‘masking agents’",
/// "what is known as the “green lane”"). "was described by the mayor as “…”" and "… as
/// “…”, the mayor said" have someone who calls it so.
fn named_by_no_one(s: &SentenceView<'_>, a: usize, b: usize) -> bool {
    let t = s.tokens;
    let word = |i: usize| t[i].text(s.text).to_lowercase();
    let Some(as_at) = (a.saturating_sub(4)..a).rev().find(|&i| word(i) == "as") else {
        return false;
    };
    let Some(verb) = as_at
        .checked_sub(1)
        .filter(|&i| t[i].kind == TokenKind::Word)
    else {
        return false;
    };
    let participle = word(verb).ends_with("ed") || matches!(word(verb).as_str(), "known" | "seen");
    let before = verb.checked_sub(1).map(word).unwrap_or_default();
    let passive = matches!(
        before.as_str(),
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "often"
            | "widely"
            | "commonly"
            | "sometimes"
            | "generally"
            | "popularly"
            | "usually"
            | "also"
    );
    let agent = t[b..t.len().min(b + 4)]
        .iter()
        .any(|x| x.text(s.text) == "by");
    let cue_after = attribution_follows(s, b);
    participle
        && passive
        && !agent
        && !cue_after
        && !t[..verb].iter().any(|x| x.text(s.text) == "by")
}

/// Whether the quotation at tokens `a..b` is the title of the work named right before it
/// ("the documentary “The Quarry Beneath”", "a report entitled “…”"), or set off after it
/// by commas with no cue after it ("The survey, “Ring seals of the outer skerries”, is free
/// to read"; "In its report, “the pier is unsafe,” the agency wrote" is speech).
fn names_a_work(s: &SentenceView<'_>, a: usize, b: usize) -> bool {
    let t = s.tokens;
    let word = |i: usize| t[i].kind == TokenKind::Word && !t[i].quoted;
    // A title opens with a capital; "called the show “the news show of record”" and "the
    // program “is gaining traction”" quote someone.
    let capital = t
        .get(a)
        .is_some_and(|x| x.text(s.text).starts_with(char::is_uppercase));
    if !capital {
        return false;
    }
    if a > 0 && word(a - 1) && lexicon::titled_work(t[a - 1].text(s.text)) {
        return true;
    }
    let set_off = a > 1
        && t[a - 1].is(',')
        && word(a - 2)
        && (lexicon::titled_work(t[a - 2].text(s.text))
            || lexicon::work_of_someone(t[a - 2].text(s.text)));
    let closed = t.get(b).is_some_and(|x| x.is(',') || x.is(')'))
        || s.text[..t.get(b).map_or(s.text.len(), |x| x.start)]
            .trim_end()
            .trim_end_matches(['”', '"', '’', '\'', '»', '«'])
            .ends_with(',');
    set_off && closed && !attribution_follows(s, b)
}

/// Whether an attribution follows a quotation that ends before token `b`: a cue within
/// five tokens, not in the passive or an infinitive ("…,” the agency wrote"; not "…”,
/// were found in every sample", "…”, is free to read").
fn attribution_follows(s: &SentenceView<'_>, b: usize) -> bool {
    let t = s.tokens;
    (b..t.len().min(b + 5)).any(|i| {
        let w = t[i].text(s.text).to_lowercase();
        let before = i
            .checked_sub(1)
            .map(|k| t[k].text(s.text).to_lowercase())
            .unwrap_or_default();
        t[i].kind == TokenKind::Word
            && !t[i].quoted
            && lexicon::cue(&w).is_some()
            && !matches!(
                before.as_str(),
                "is" | "are" | "was" | "were" | "be" | "been" | "to"
            )
    })
}

/// Whether the quotation starting at token `a` is printed on a sign, not said: "carrying
/// banners that read “…”", "a notice on the kiosk door reads « … »", "a placard saying “…”".
fn printed_on_a_sign(s: &SentenceView<'_>, a: usize) -> bool {
    let t = s.tokens;
    let Some(verb) = (a.saturating_sub(2)..a)
        .rev()
        .find(|&i| t[i].kind == TokenKind::Word)
    else {
        return false;
    };
    let w = t[verb].text(s.text).to_lowercase();
    let reach = match w.as_str() {
        "read" | "reads" | "reading" => 12,
        // "A hand-painted sign on the chandlery window says « … »".
        "says" | "said" => 8,
        "saying" | "declaring" | "proclaiming" | "bearing" | "with" => 3,
        _ => 1,
    };
    let from = verb.saturating_sub(reach);
    let sign = |i: usize| t[i].kind == TokenKind::Word && lexicon::sign_word(t[i].text(s.text));
    if reach == 1 {
        // "a banner “…”": the sign right before the quotation.
        return sign(verb);
    }
    (from..verb).any(sign)
}

/// Whether the quotation starting at token `a` says what someone called a thing: right
/// after "as", a determiner or "being" between ("condemned the test as “provocative”",
/// "dismissed Estonia as being in the “suburbs of St. Petersburg”", "blasted Clinton as a
/// “disgrace”"), or after a verb of being and a determiner ("Trump Is a ‘Proven Failure’").
/// "As well as" and "such as" list things and call nothing.
fn characterises(s: &SentenceView<'_>, a: usize) -> bool {
    let word = |k: usize| {
        a.checked_sub(k)
            .map(|i| s.tokens[i].text(s.text).to_lowercase())
            .unwrap_or_default()
    };
    let filler = |w: &str| {
        matches!(
            w,
            "a" | "an" | "the" | "being" | "in" | "its" | "his" | "her"
        )
    };
    let mut k = 1;
    while k <= 3 && filler(&word(k)) {
        k += 1;
    }
    // "Trump Is a ‘Proven Failure’": a verb of being and a determiner say what it is.
    let being = k > 1 && matches!(word(k).as_str(), "is" | "was" | "are" | "were");
    being || word(k) == "as" && !matches!(word(k + 1).as_str(), "well" | "such" | "so" | "just")
}

/// Whether the tokens from `from` to `to` only join two things: "and", "or", a comma, a
/// determiner.
fn only_and_between(s: &SentenceView<'_>, from: usize, to: usize) -> bool {
    let words: Vec<String> = s.tokens[from..to]
        .iter()
        .map(|t| t.text(s.text).to_lowercase())
        .collect();
    words.iter().any(|w| w == "and" || w == "or")
        && words
            .iter()
            .all(|w| matches!(w.as_str(), "and" | "or" | "," | "a" | "an" | "the" | "as"))
}

/// The frame of a quotation whose opening mark was lost after "… stated that": the
/// quotation starts after "that", and the words up to it are the reporter's.
fn lost_opening_frame(s: &SentenceView<'_>, f: &mut Frame, a: usize, b: usize) -> bool {
    let Some((cue, that)) = lost_opening(s, a, b) else {
        return false;
    };
    f.content[0].start = s.tokens[that + 1].start;
    let mut tokens = s.tokens.to_vec();
    for t in &mut tokens[..=that] {
        t.quoted = false;
    }
    let view = SentenceView {
        tokens: &tokens,
        quotes: Vec::new(),
        ..*s
    };
    frame_cue(&view, f, cue, 0, that);
    true
}

/// The cue before a quotation at tokens `a..` (after `prev_end`), and whether a short
/// quotation is set apart from it by a preposition of time ("Recount Frozen After
/// ‘Forgotten’ Ballot Box Found"), in which case it says nothing of the cue's. A comma or a
/// colon right before the quotation ties it back to the cue ("saying during the debate, “…”").
fn cue_before(
    s: &SentenceView<'_>,
    cues: &[(usize, Cue)],
    prev_end: usize,
    a: usize,
    words: usize,
) -> (Option<usize>, bool) {
    let before = (prev_end..a)
        .rev()
        .find_map(|i| cues.iter().position(|&(c, _)| c == i));
    let tied = a > 0 && (s.tokens[a - 1].is(',') || s.tokens[a - 1].is(':'));
    let set_apart = words <= 4
        && !tied
        && before.is_some_and(|k| {
            s.tokens[cues[k].0 + 1..a]
                .iter()
                .any(|t| lexicon::sets_apart(&t.text(s.text).to_lowercase()))
        });
    (before.filter(|_| !set_apart), set_apart)
}

/// A short quotation after a determiner or "so-called" that no verb of calling governs
/// names a thing ("the so-called “green lane”", "The “green lane” will stay open"); after
/// "called it the" or "described the plan as a" it is someone's words.
fn names_a_term(s: &SentenceView<'_>, q: &Quoted, a: usize, words: usize) -> bool {
    let t = s.tokens;
    let p = s.text;
    // A quotation that fills a bracket names what stands before it: "Article 299 of the
    // Criminal Code (“Production or sale of goods …”)".
    let bracketed = p[..q.outer_start].trim_end().ends_with('(')
        && p[q.outer_end..].trim_start().starts_with(')');
    if bracketed {
        return true;
    }
    let before = |k: usize| a.checked_sub(k).map(|i| t[i].text(p).to_lowercase());
    let term = matches!(
        before(1).as_deref(),
        Some("the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "so-called")
    );
    let called = (2..=6).any(|k| {
        before(k).is_some_and(|w| {
            // "dubbed the “ghost box”" names a thing; "called it the “longest in a
            // generation”" quotes someone.
            lexicon::cue(&w).is_some_and(|(_, base)| {
                (lexicon::verdict(base) && !matches!(base, "dub" | "term")) || base == "say"
            })
        })
    });
    words <= 4 && term && !called
}

/// Whether a quotation at tokens `a..b` opens its sentence before a colon: "‘Nothing is
/// ruled out’: two dead in outbreak", the headline style that puts the words first and
/// the news after them (in sentence case or title case alike). Its speaker is the one the
/// body gives the words.
fn headline_lead(s: &SentenceView<'_>, a: usize, b: usize) -> bool {
    a == 0 && s.tokens.get(b).is_some_and(|t| t.is(':')) && b + 1 < s.tokens.len()
}

/// Whether a sentence is printed in capitals ("'NOTHING TO HIDE': KRAY IN THE DOCK"), where
/// capitals say nothing of titles and names: most of its words of two letters or more are
/// upper case.
fn shouted(s: &SentenceView<'_>) -> bool {
    let words: Vec<&str> = s
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(s.text))
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let upper = words
        .iter()
        .filter(|w| !w.chars().any(char::is_lowercase))
        .count();
    !words.is_empty() && upper * 5 >= words.len() * 4
}

/// Whether the sentence is a headline: no full stop at its end and most words capitalised.
fn headline(s: &SentenceView<'_>) -> bool {
    crate::tokens::title_case(s.text, s.tokens, s.text)
}

/// In a quotation whose opening mark was lost, a cue and "that" where the reporter's words
/// end and the quotation begins ("Rubio stated on ABC that there would be …”").
fn lost_opening(s: &SentenceView<'_>, a: usize, b: usize) -> Option<((usize, Cue), usize)> {
    let t = s.tokens;
    (a..b).find_map(|i| {
        let (cue, base) = lexicon::cue(&t[i].text(s.text).to_lowercase())?;
        if !cue_holds(s.text, t, i, cue, base) || !crate::sentences::attributes_quotation(cue) {
            return None;
        }
        let that =
            (i + 1..b.min(i + 9)).find(|&j| t[j].text(s.text).eq_ignore_ascii_case("that"))?;
        (that + 1 < b).then_some(((i, cue), that))
    })
}

/// Whether the cue at `c` attributes the quotation that ends at token `b`: only a source
/// phrase (and a comma) stands between them.
fn attribution_after(s: &SentenceView<'_>, b: usize, c: usize) -> bool {
    let t = s.tokens;
    let p = s.text;
    // A relative clause set off by commas may hold any words: "Lt. Col. Renata Osei, who
    // commands the range and oversaw the launch, said".
    let aside = (b..c).find(|&i| {
        i > b
            && t[i - 1].is(',')
            && matches!(
                t[i].text(p).to_lowercase().as_str(),
                "who" | "which" | "whose"
            )
    });
    let between: Vec<&Token> = match aside {
        Some(i) if c > 0 && t[c - 1].is(',') => t[b..i].iter().collect(),
        _ => t[b..c].iter().collect(),
    };
    // A quotation that runs on into the reporter's sentence ("The “green lane” for fish
    // lorries will stay open, the port said") is a term in it, not what the cue reports.
    let runs_on = between.first().is_some_and(|x| {
        x.kind == TokenKind::Word && x.text(p).chars().next().is_some_and(char::is_lowercase)
    }) && b > 0
        && !s.text[..t[b].start]
            .trim_end()
            .trim_end_matches(['”', '"', '’', '\'', '»', '«'])
            .ends_with([',', '.', '?', '!', '—']);
    // An apposition set off by commas right before the cue may join two things: "Douglas
    // Emsley, a harbour pilot and union steward, told the council".
    let apposition = appositive_before(t, p, b, c);
    between.len() <= 24
        && !runs_on
        && !between.iter().enumerate().any(|(k, t)| {
            let in_apposition = apposition.is_some_and(|(x, y)| x <= b + k && b + k < y);
            let joins = t.kind == TokenKind::Word
                && matches!(t.text(p).to_lowercase().as_str(), "and" | "or");
            if in_apposition && joins {
                return false;
            }
            t.is(';')
                || t.is(':')
                || t.is('.')
                || (t.kind == TokenKind::Word
                    && matches!(
                        t.text(p).to_lowercase().as_str(),
                        "that"
                            | "because"
                            | "when"
                            | "and"
                            | "but"
                            | "then"
                            | "will"
                            | "would"
                            | "is"
                            | "are"
                            | "was"
                            | "were"
                            | "can"
                            | "could"
                            | "should"
                            | "must"
                            | "may"
                    ))
        })
}

/// The tokens of an apposition right before the cue at `c`, between two commas, after a
/// quotation that ends at `b`: "…,” Halvard Emsley, a harbour pilot and union steward,
/// told". The words before the first comma must hold a capitalised word (the name the
/// apposition describes).
fn appositive_before(t: &[Token], p: &str, b: usize, c: usize) -> Option<(usize, usize)> {
    if c < 2 || !t[c - 1].is(',') {
        return None;
    }
    let first = (b + 1..c - 1).find(|&i| t[i].is(','))?;
    let named = t[b..first]
        .iter()
        .any(|x| x.kind == TokenKind::Word && x.capitalised(p));
    named.then_some((first + 1, c - 1))
}

/// Where the attribution that starts with the cue at `c` ends: the next comma, full stop or
/// quotation.
fn attribution_end(s: &SentenceView<'_>, c: usize, limit: usize) -> usize {
    let mut k = c + 1;
    // The source after the cue may carry an apposition set off by commas: "said Rep. Adam
    // Schiff, D-Calif.," — read up to the next quotation.
    while k < limit && !s.tokens[k].is('.') && !s.tokens[k].is(';') {
        k += 1;
    }
    k.min(limit)
}

/// Fills in a frame's cue, source and attribution, the source looked for between `from`
/// and `to` around the cue.
fn frame_cue(s: &SentenceView<'_>, f: &mut Frame, (c, cue): (usize, Cue), from: usize, to: usize) {
    let t = s.tokens;
    f.cue = Some(piece(s, c, c + 1));
    f.kind = Some(cue.kind);
    let hangs = hangs(s, c, cue);
    let inverted = (from..c).all(|i| t[i].kind != TokenKind::Word);
    let coordinated = coordinated(s, c);
    let source = if let Some(doc) = document_subject(s, c) {
        Some(doc)
    } else if hangs || coordinated {
        sentence_subject(s, c)
    } else {
        subject_past_relative(s, c, from)
            .or_else(|| subject_before(s, c, from))
            .or_else(|| inverted.then(|| subject_after(s, c, to)).flatten())
    };
    let hangs = hangs || coordinated;
    match &source {
        Some((head, at)) => {
            let first_tok = source_start(s, &(head.clone(), *at));
            let (a, b) = if hangs || first_tok > c {
                (c, if hangs { c + 1 } else { head_end(s, c + 1, to) })
            } else {
                (first_tok, c + 1)
            };
            f.attribution = Some(piece(s, a, b));
            f.source = Some((head.clone(), *at));
        }
        None => {
            f.attribution = Some(piece(s, c, c + 1));
            f.follows = true;
        }
    }
}

/// Whether a cue hangs from the clause before it and speaks for that clause's subject: a
/// participle set off by a comma ("…, saying that"), or after "while" or "having".
fn hangs(s: &SentenceView<'_>, c: usize, cue: Cue) -> bool {
    let t = s.tokens;
    let having = c > 0 && t[c - 1].text(s.text).eq_ignore_ascii_case("having");
    having
        || cue.participle
            && (c == 0
                || t[c - 1].kind != TokenKind::Word
                || lexicon::links_participle(&t[c - 1].text(s.text).to_lowercase()))
}

/// Whether the cue at `c` is a second verb of its sentence's subject ("… and said", "… but
/// stressed").
fn coordinated(s: &SentenceView<'_>, c: usize) -> bool {
    c > 0
        && matches!(
            s.tokens[c - 1].text(s.text).to_lowercase().as_str(),
            "and" | "but"
        )
}

/// The end of the source phrase after a cue: up to a comma, full stop or quotation.
fn head_end(s: &SentenceView<'_>, from: usize, to: usize) -> usize {
    let mut k = from;
    while k < to && s.tokens[k].kind == TokenKind::Word && !s.tokens[k].quoted {
        k += 1;
    }
    k.max(from)
}

pub(crate) fn piece(s: &SentenceView<'_>, a: usize, b: usize) -> Piece {
    Piece {
        paragraph: s.paragraph,
        start: s.tokens[a].start,
        end: s.tokens[b.max(a + 1) - 1].end,
    }
}

/// The subject before the cue at `c`, no further back than `floor`.
pub(crate) fn subject_before(
    s: &SentenceView<'_>,
    c: usize,
    floor: usize,
) -> Option<(Head, usize)> {
    let t = s.tokens;
    let p = s.text;
    let end = subject_end(s, c, floor);
    let (start, end) = subject_start(s, end, floor)?;
    let head = names::head_before(p, t, start, end)?;
    let at = match &head {
        Head::Name(r) => t[r.first].start,
        Head::Pronoun(_, at) => *at,
        Head::Role { .. } => t[start].start,
    };
    Some((head, at))
}

/// Where the subject before the cue at `c` ends: before the words that may stand between
/// a subject and its verb ("has", "also", "-ly" adverbs), a time ("Ruth Marcus on
/// Tuesday wrote"), and an aside set off by commas (a relative clause, an apposition, "in
/// contrast").
fn subject_end(s: &SentenceView<'_>, c: usize, floor: usize) -> usize {
    let t = s.tokens;
    let p = s.text;
    let mut end = c;
    loop {
        while end > floor
            && t[end - 1].kind == TokenKind::Word
            && lexicon::between_subject_and_cue(t[end - 1].text(p))
        {
            end -= 1;
        }
        // A time set between subject and verb: "Ruth Marcus on Tuesday wrote".
        let time = (1..=3).find(|&n| {
            end > floor + n
                && matches!(
                    t[end - n - 1].text(p).to_lowercase().as_str(),
                    "on" | "in" | "at" | "last" | "this" | "early" | "late"
                )
                && (end - n..end).all(|i| {
                    lexicon::time_word(t[i].text(p)) || matches!(t[i].text(p), "the" | "a" | "an")
                })
        });
        match time {
            Some(n) => end -= n + 1,
            None => break,
        }
    }
    // "Lt. Col. Renata Osei, who commands the range and oversaw the launch, said": the
    // subject stands before the relative clause, which may hold any words.
    if end > floor + 1 && t[end - 1].is(',') {
        let relative = (floor + 1..end - 1).rev().take(30).find(|&i| {
            t[i - 1].is(',')
                && matches!(
                    t[i].text(p).to_lowercase().as_str(),
                    "who" | "which" | "whose"
                )
        });
        // "Ruth Amsel, the district's chief engineer and a critic of the plan, said": an
        // apposition set off by commas may hold "and" too.
        let apposition = || {
            (floor + 1..end - 1)
                .rev()
                .take(30)
                .take_while(|&i| !t[i].quoted && !t[i].is('.') && !t[i].is(';'))
                .find(|&i| t[i].is(','))
                .filter(|&i| {
                    let after = t[i + 1].text(p).to_lowercase();
                    lexicon::opens_apposition(&after, &s.lower(i + 2))
                        || t[i + 1].possessive(p)
                        || lexicon::person_role(&after).is_some()
                })
                .map(|i| i + 1)
        };
        // "Gates, in contrast, told": a short aside of lower-case words.
        let aside = || {
            (end.saturating_sub(6).max(floor + 1)..end - 1)
                .rev()
                .find(|&i| t[i].is(','))
                .filter(|&i| {
                    t[i + 1..end - 1]
                        .iter()
                        .all(|x| x.kind == TokenKind::Word && !x.capitalised(p) && !x.quoted)
                })
                .map(|i| i + 1)
        };
        // "President Obama, speaking at the National Museum of African American History and
        // Culture on Saturday, said": a participle sets off an aside of any words.
        let participle = || {
            (floor + 1..end - 1).rev().take(30).find(|&i| {
                t[i - 1].is(',')
                    && t[i].kind == TokenKind::Word
                    && !t[i].capitalised(p)
                    && t[i].text(p).ends_with("ing")
            })
        };
        // "Island skippers, like their mainland rivals, say", "Brisk, along with two
        // members of the board, says": a comparison or a companion set off by commas.
        let companion = || {
            (end.saturating_sub(10).max(floor + 1)..end - 1)
                .rev()
                .find(|&i| t[i].is(','))
                .filter(|&i| lexicon::opens_companion(&s.lower(i + 1)))
                .map(|i| i + 1)
        };
        if let Some(i) = relative
            .or_else(apposition)
            .or_else(aside)
            .or_else(companion)
            .or_else(participle)
        {
            end = i - 1;
        }
    }
    end
}

/// Where the subject ending at `end` starts, back to a clause word or punctuation that
/// bounds it; a relative clause with no comma moves the end before it ("others who want
/// to ban abortion said"). Nothing for a phrase of more than 28 tokens.
fn subject_start(s: &SentenceView<'_>, mut end: usize, floor: usize) -> Option<(usize, usize)> {
    let t = s.tokens;
    let p = s.text;
    let mut start = end;
    while start > floor {
        let x = &t[start - 1];
        // A full stop inside a sentence ends an abbreviation ("Ava, Mo.,", "(Mich.)").
        if x.quoted || x.is(';') || x.is(':') || x.is('—') || x.is('!') || x.is('?') {
            break;
        }
        // "The Maritime and Allied Workers Union": "and" inside a body's name.
        let in_name = x.text(p) == "and" && names::and_in_body_name(p, t, start - 1);
        if x.kind == TokenKind::Word && clause_word(x.text(p)) && !in_name {
            let word = x.text(p).to_lowercase();
            let relative = matches!(word.as_str(), "who" | "whose" | "which");
            // "the trade pact, which Trump had called": a relative clause with a subject
            // of its own, which is the source.
            let own_subject = matches!(word.as_str(), "which" | "whom")
                && start < end
                && t[start].kind == TokenKind::Word
                && (t[start].capitalised(p) || lexicon::subject_pronoun(t[start].text(p)));
            if own_subject {
                break;
            }
            // ", who chairs the panel," is an aside within the subject phrase.
            let aside = relative
                && t[start.saturating_sub(10)..start - 1]
                    .iter()
                    .any(|y| y.is(','));
            // "Hawkins and others who want to ban abortion said": the subject stands
            // before a relative clause set off by no comma.
            let bare_relative = relative
                && start >= floor + 2
                && t[start - 2].kind == TokenKind::Word
                && !t[start - 2].quoted;
            if bare_relative && !aside {
                end = start - 1;
                start = end;
                continue;
            }
            if !aside {
                break;
            }
        }
        if end - start >= 28 {
            return None;
        }
        start -= 1;
    }
    (start < end).then_some((start, end))
}

/// Words that open a clause, so that a subject never reaches back past them.
fn clause_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "that"
            | "which"
            | "who"
            | "whom"
            | "when"
            | "while"
            | "because"
            | "as"
            | "if"
            | "but"
            | "and"
            | "or"
            | "after"
            | "before"
            | "since"
            | "although"
            | "though"
            | "where"
            | "whether"
            | "said"
            | "says"
            | "told"
            | "than"
            | "whose"
    )
}

/// The subject after the cue at `c` ("said Rep. Adam Schiff", "said the minister").
fn subject_after(s: &SentenceView<'_>, c: usize, to: usize) -> Option<(Head, usize)> {
    let t = s.tokens;
    let mut end = c + 1;
    while end < to && !t[end].quoted && !t[end].is('.') && !t[end].is(';') && !t[end].is(':') {
        if t[end].kind == TokenKind::Word && t[end].text(s.text).eq_ignore_ascii_case("that") {
            break;
        }
        end += 1;
    }
    if end == c + 1 {
        return None;
    }
    // "said on Radio Norden", "wrote in The Kessby Courier": where or to whom, not who.
    if matches!(
        t[c + 1].text(s.text).to_lowercase().as_str(),
        "on" | "in" | "at" | "to" | "from" | "via" | "during" | "after" | "before" | "with"
    ) {
        return None;
    }
    let head = names::head_after(s.text, t, c + 1, end)?;
    let at = match &head {
        Head::Name(r) => t[r.first].start,
        Head::Pronoun(_, at) => *at,
        Head::Role { .. } => t[c + 1].start,
    };
    Some((head, at))
}

/// A person's name after a dash right after the quotation, as lists of voices print it.
fn dash_source(s: &SentenceView<'_>, b: usize) -> Option<(Head, usize)> {
    let t = s.tokens;
    if !t.get(b)?.is('—') {
        return None;
    }
    let end = (b + 1..t.len())
        .find(|&i| t[i].kind != TokenKind::Word)
        .unwrap_or(t.len());
    let runs = names::name_runs(s.text, &t[b + 1..end]);
    let run = runs
        .into_iter()
        .next()
        .filter(|r| !r.organisation && r.first == 0)?;
    let at = t[b + 1].start;
    Some((Head::Name(run), at))
}

/// A name before a colon right before the quotation: "Varga on the levy: ‘It is theft’",
/// or anywhere before it in a headline.
fn colon_source(s: &SentenceView<'_>, from: usize, a: usize) -> Option<(Head, usize)> {
    let t = s.tokens;
    // In a headline the colon may stand further back: "Obama on Climate Change: The Trends
    // Are ‘Terrifying’".
    let colon = if headline(s) {
        (from..a).rev().find(|&i| t[i].is(':'))?
    } else {
        a.checked_sub(1).filter(|&i| t[i].is(':'))?
    };
    // "Republicans walk out over gas tax; Whitcomb: ‘…’": a headline's second clause.
    let from = (from..colon)
        .rev()
        .find(|&i| t[i].is(';'))
        .map_or(from, |i| i + 1);
    if colon < from || colon - from > 8 {
        return None;
    }
    let runs = names::name_runs(s.text, &t[from..colon]);
    // The name is what the words before the colon are about: right before it, before one
    // word ("Voss quits:"), or before a topic ("Varga on the levy:"); "Night of flames
    // at Orlen Foods:" names no speaker.
    let run = runs
        .iter()
        .find(|r| {
            let next = from + r.last;
            !r.organisation
                && (colon - next <= 1
                    || matches!(
                        t[next].text(s.text).to_lowercase().as_str(),
                        "on" | "about" | "to" | "at" | "in"
                    ))
        })?
        .clone();
    // "Lund's agent: ‘…’": the one whose agent, not the speaker; the role is.
    if run.possessive {
        let role = names::head_before(s.text, t, from, colon)
            .filter(|h| matches!(h, Head::Role { .. }))?;
        return Some((role, t[from].start));
    }
    let at = t[from + run.first].start;
    Some((Head::Name(run), at))
}

/// Whether a quotation with no cue of its own is speech: not a title in title case, not a
/// term after a determiner ("the “green lane”"), and, when short, in a sentence with a cue.
fn speech_without_cue(
    s: &SentenceView<'_>,
    q: &Quoted,
    a: usize,
    b: usize,
    sentence_has_cue: bool,
) -> bool {
    let text = &s.text[q.start..q.end];
    let words = text.split_whitespace().count();
    if is_title(text, words) {
        return false;
    }
    // "spoke of the »hardest decision of my career«": words in the first person are
    // someone's, whatever stands before them.
    if words >= 3
        && text
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| matches!(w, "I" | "my" | "me" | "we" | "our" | "us" | "I'm" | "I've"))
    {
        return true;
    }
    let outside = s.tokens[..a].len() + s.tokens[b..].len();
    if outside <= 1 {
        return true;
    }
    if words <= 4 {
        return sentence_has_cue;
    }
    // A longer quotation inside a sentence of the reporter's: speech unless a determiner
    // makes it a name ("the “Keep the Harbour Ours” campaign").
    let before = s.tokens[..a].last().map(|t| t.text(s.text).to_lowercase());
    !matches!(before.as_deref(), Some("the" | "a" | "an" | "so-called"))
}

/// A quoted string that holds no words a person says: a number ("672160155992100864"), a
/// handle ("@SkyNews"), markup or an address ("[<a href=", "http://…").
fn no_words(text: &str) -> bool {
    text.contains("href=")
        || text.contains("http://")
        || text.contains("https://")
        || !text.split_whitespace().any(|w| {
            !w.starts_with(['@', '#']) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        })
}

/// A short quoted string in title case: a programme, a law, a nickname.
pub(crate) fn is_title(text: &str, words: usize) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by",
    ];
    let list: Vec<&str> = text.split_whitespace().collect();
    let capitalised = list
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    let content = list
        .iter()
        .filter(|w| {
            !SMALL.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        })
        .count();
    words <= 6 && content > 0 && capitalised * 10 >= content * 8
}

/// Reported speech around a cue no quotation took.
fn reported(s: &SentenceView<'_>, c: usize, cue: Cue, earlier: &[Frame]) -> Option<Frame> {
    let t = s.tokens;
    let p = s.text;
    let (_, base) = lexicon::cue(&t[c].text(p).to_lowercase())?;
    let mut f = Frame::new(s, false);
    f.cue = Some(piece(s, c, c + 1));
    f.kind = Some(cue.kind);
    // The subject stands after any quotation before the cue; one after it bounds nothing.
    let floor = earlier
        .iter()
        .filter_map(|x| x.content.last())
        .filter(|x| x.paragraph == s.paragraph && x.end <= t[c].start)
        .map(|x| t.iter().position(|k| k.start >= x.end).unwrap_or(0))
        .max()
        .unwrap_or(0)
        .min(c);
    let coordinated = coordinated(s, c);
    let subject = if coordinated {
        sentence_subject(s, c)
    } else {
        document_subject(s, c)
            .or_else(|| subject_before(s, c, floor))
            // "Marco Rubio, speaking on ABC’s “This Week,” cautioned that": the subject of
            // the sentence, past an aside the phrase reader stops at.
            .or_else(|| sentence_subject(s, c).filter(|(_, at)| *at >= t[floor].start))
            .or_else(|| subject_past_relative(s, c, floor))
    };
    // "shows" and "found" report only for a study, a poll, a report or a body.
    if cue.kind == CueKind::Evidence && !subject.as_ref().is_some_and(|(h, _)| evidence_source(h)) {
        return None;
    }
    let hangs = hangs(s, c, cue);
    // "…, Brisk said, a change that could …": a cue set off by commas closes the clause
    // before it; what follows its comma comments on that clause.
    if t.get(c + 1).is_some_and(|x| x.is(',')) && closing_attribution(s, c, floor, &mut f) {
        return Some(f);
    }
    let clause = clause_after(s, c, base, cue);
    // "welcomed the offer, stressing its readiness to help": a reaction and what the
    // participle adds, together, where the participle reports no clause of its own.
    if hangs && cue.participle && clause.is_none() {
        if let Some(verb) = main_verb(s, c).filter(|&v| lexicon::reaction(s.tokens[v].text(p))) {
            let end = clause_end(s, c + 1);
            if end > c + 1 {
                f.content.push(piece(s, verb, end));
                f.follows = true;
                f.attribution = Some(piece(s, c, c + 1));
                f.source = sentence_subject(s, c);
                return Some(f);
            }
        }
    }
    if let Some(range) = clause {
        f.content.push(piece(s, range.0, range.1));
        if hangs && !coordinated {
            f.follows = true;
            f.attribution = Some(piece(s, c, c + 1));
            f.source = sentence_subject(s, c);
        } else if let Some(h) = subject {
            let first = if coordinated {
                c - 1
            } else {
                source_start(s, &h).min(c)
            };
            // "Mayor Ada Voss said that", "told a news conference at the town hall that".
            f.attribution = Some(piece(s, first, range.0.max(c + 1)));
            f.source = Some(h);
        } else {
            // A subject the names cannot read ("proponents of more controls on hate speech
            // here say …", "Some said …"): the report stands, its speaker unknown.
            f.attribution = Some(piece(s, c, range.0.max(c + 1)));
        }
        return Some(f);
    }
    if lexicon::verdict(base) {
        let (a, b) = verdict_complement(s, c)?;
        f.content.push(piece(s, a, b));
        let h = subject?;
        let first = t.iter().position(|x| x.start >= h.1).unwrap_or(c);
        f.attribution = Some(piece(s, first.min(c), c + 1));
        f.source = Some(h);
        return Some(f);
    }
    // "a strike that company executives said could affect earnings": the relative
    // clause goes on after the cue, its subject the noun before the source.
    if let Some(((a, b), h)) = relative_report(s, c, floor) {
        f.content.push(piece(s, a, b));
        let first = source_start(s, &h).min(c);
        f.attribution = Some(piece(s, first, c + 1));
        f.source = Some(h);
        return Some(f);
    }
    // The attribution closes the sentence or stands in its middle: "…, the coastguard
    // said." / "The repairs, Ranta said, would take the summer."
    closing_attribution(s, c, floor, &mut f).then_some(f)
}

/// A report set inside a relative clause: "moorings, which she said were all rented", "a
/// rota that union officials said would cost every boat two sailings", "a shortfall Kallo
/// said could empty the harbour" (no "that"). The cue at `c` is followed by the relative clause's
/// own verb, with no subject; the source stands right after "which", "that" or the noun
/// the clause describes. The reported words run from that verb to the clause's end.
fn relative_report(
    s: &SentenceView<'_>,
    c: usize,
    floor: usize,
) -> Option<((usize, usize), (Head, usize))> {
    let t = s.tokens;
    let next = s.lower(c + 1);
    let verb = t
        .get(c + 1)
        .is_some_and(|x| x.kind == TokenKind::Word && !x.quoted)
        && (lexicon::auxiliary(&next)
            || lexicon::finite_verb(&next)
            || matches!(
                next.as_str(),
                "was" | "were" | "is" | "are" | "had" | "has" | "have"
            ));
    if !verb {
        return None;
    }
    let h = subject_before(s, c, floor)?;
    let start = source_start(s, &h);
    let before = start
        .checked_sub(1)
        .filter(|&i| t[i].kind == TokenKind::Word)?;
    let w = s.lower(before);
    let relative = matches!(w.as_str(), "that" | "which" | "whom")
        || (!t[before].capitalised(s.text)
            && !lexicon::determiner(&w)
            && !lexicon::finite_verb(&w)
            && !lexicon::past_tense(&w)
            && !parallax_text::FUNCTION_WORDS.contains(&w.as_str()));
    if !relative || c - start > 5 {
        return None;
    }
    let end = clause_end(s, c + 1);
    (end > c + 2).then_some(((c + 1, end), h))
}

/// The subject before a relative clause set off by commas that holds a quotation, for the
/// cue at `c` after it (`floor` is where the search stopped, past that quotation):
/// "Brisk, who calls the levy a “tax on fishing,” said", "Aili Strand, who is known as “the
/// Admiral” since the blockade, said her members would …".
fn subject_past_relative(s: &SentenceView<'_>, c: usize, floor: usize) -> Option<(Head, usize)> {
    let t = s.tokens;
    let relative = (1..floor.min(t.len()))
        .any(|i| t[i - 1].is(',') && matches!(s.lower(i).as_str(), "who" | "which"));
    // The clause is closed by a comma before the cue, inside the marks or after them.
    let closed = c > 0 && (t[c - 1].is(',') || (floor..c).any(|i| t[i].is(',')));
    (relative && closed)
        .then(|| subject_before(s, c, 0))
        .flatten()
}

/// Whether a source can report evidence: an organisation or a document-like body ("the
/// audit", "a poll").
fn evidence_source(h: &Head) -> bool {
    match h {
        Head::Name(r) => r.organisation,
        // "FBI statistics show", "polls show", "a 2011 email shows".
        Head::Role { noun, .. } => {
            lexicon::organisation_word(noun)
                || lexicon::work_of_someone(noun)
                || lexicon::work_of_someone(noun.strip_suffix('s').unwrap_or(noun))
        }
        Head::Pronoun(..) => false,
    }
}

/// The reported clause after the cue at `c`, as a token range.
fn clause_after(s: &SentenceView<'_>, c: usize, base: &str, cue: Cue) -> Option<(usize, usize)> {
    let t = s.tokens;
    let p = s.text;
    let mut end = clause_end(s, c + 1);
    // "Gov. Celia Marchetti, who declared a state of emergency for the county, repeated …":
    // a relative clause's report ends at its comma.
    if c > 0 && matches!(s.lower(c - 1).as_str(), "who" | "which") {
        end = (c + 1..end).find(|&k| t[k].is(',')).unwrap_or(end);
    }
    let mut k = c + 1;
    let mut that = false;
    // "told reporters on Tuesday that", "said in a statement that", "wrote on Twitter:".
    if lexicon::takes_object(base) {
        k = object_end(s, k, end);
    }
    let mut scene = 0;
    let mut after_preposition = false;
    while k < end && scene < 12 {
        let x = &t[k];
        let w = x.text(p).to_lowercase();
        let named_place = after_preposition
            && x.kind == TokenKind::Word
            && (x.capitalised(p) || w.chars().all(|c| c.is_ascii_digit()));
        after_preposition = matches!(w.as_str(), "on" | "in" | "at" | "to" | "during")
            || (after_preposition && (named_place || x.is(',')));
        if named_place {
            k += 1;
            scene += 1;
            continue;
        }
        if x.kind == TokenKind::Word && w == "that" {
            // "on a programme that trains pilots": a relative "that", its verb after it.
            if k > c + 1 && relative_that(s, k) {
                break;
            }
            that = true;
            k += 1;
            break;
        }
        // A determiner is part of a setting only before another setting word ("in a
        // statement"); otherwise it opens the clause ("told the Courier the light was out").
        let determiner = matches!(
            w.as_str(),
            "a" | "an" | "the" | "his" | "her" | "their" | "its"
        );
        let scene_next = t.get(k + 1).is_some_and(|n| {
            n.kind == TokenKind::Word && lexicon::scene_word(n.text(p)) && !n.capitalised(p)
        });
        if x.is(',')
            || x.is(':')
            || (x.kind == TokenKind::Word && lexicon::scene_word(&w) && (!determiner || scene_next))
        {
            k += 1;
            scene += 1;
            continue;
        }
        break;
    }
    if !that {
        if let Some(i) = that_a_few_words_on(s, c, k, end) {
            k = i + 1;
            that = true;
        }
    }
    if !that {
        k = bare_clause(s, c, end, base, cue)?;
    }
    if t.get(k).is_some_and(|x| x.quoted) {
        return None;
    }
    let words = (k..end).filter(|&i| t[i].kind == TokenKind::Word).count();
    (words >= 3).then_some((k, end))
}

/// Where a clause without "that" starts after the cue at `c` (the clause ending at `end`),
/// if the words after the cue are one: a clause with a verb of its own, or what a verb of
/// intent says is to be done.
fn bare_clause(s: &SentenceView<'_>, c: usize, end: usize, base: &str, cue: Cue) -> Option<usize> {
    let t = s.tokens;
    let p = s.text;
    // Without "that" the scene words may be the clause's own ("said the port would
    // reopen"): the clause starts right after the cue unless a setting stands there.
    let mut k = bare_clause_start(s, c + 1, end);
    if lexicon::takes_object(base) {
        k = object_end(s, k, end);
    }
    // "plans to file a complaint", "vowed to take her seat", "expects the regulator to
    // impose", "threatened on Saturday to fine"; not "a payment he knew to be improper".
    let intent = (cue.kind == CueKind::Belief && lexicon::takes_intent(base))
        || lexicon::reports_infinitive(base);
    let to = intent
        .then(|| infinitive_start(s, c + 1, end, base))
        .flatten();
    // The one expected to act is part of what was said ("the regulator to impose"); a
    // time before the infinitive is not, nor the one spoken to ("asked drivers").
    match to {
        Some(i) if lexicon::takes_object(base) || !lexicon::object_before_infinitive(base) => k = i,
        Some(_) => k = c + 1,
        None => {}
    }
    let wants_to = to.is_some();
    // "…, said Brian Baker, a political adviser who oversees …": a cue set after a comma
    // is inverted, its subject after it, not a clause.
    let inverted = c > 0 && t[c - 1].is(',') && {
        let after_name = (c + 1..end).find(|&i| !t[i].capitalised(p)).unwrap_or(end);
        after_name > c + 1 && (after_name == end || t[after_name].is(','))
    };
    // After "say" a verb in "-s" shows the clause whatever follows it ("experts say
    // the problem reaches well beyond Oregon").
    let clause = lexicon::takes_bare_clause(base)
        && !inverted
        && (finite_soon(s, k, end) || (base == "say" && verb_in_s_soon(s, k, end)))
        && opens_clause(s, k);
    (wants_to || clause).then_some(k)
}

/// Where the infinitive a verb of intent reports starts, from `k` past a time ("threatened
/// on Saturday to fine") or, for a verb that takes one, a short object ("expects the
/// regulator to impose"): the "to", with no verb nor comma before it.
fn infinitive_start(s: &SentenceView<'_>, k: usize, end: usize, base: &str) -> Option<usize> {
    let t = s.tokens;
    let reach = if lexicon::object_before_infinitive(base) {
        6
    } else {
        4
    };
    (k..end.min(k + reach))
        .take_while(|&i| {
            t[i].kind == TokenKind::Word
                && !t[i].quoted
                && (i == k || !lexicon::finite_verb(&s.lower(i)))
        })
        .find(|&i| s.lower(i) == "to")
        .filter(|&i| {
            lexicon::object_before_infinitive(base)
                || (k..i).all(|j| lexicon::time_word(t[j].text(s.text)) || s.lower(j) == "on")
        })
}

/// "told The Post and Courier newspaper of Charleston on Saturday that": a "that" a few
/// words after `k` (the cue at `c`), past words that are no verbs; not a relative "that"
/// with its verb right after it ("maintains a programme that trains …").
fn that_a_few_words_on(s: &SentenceView<'_>, c: usize, k: usize, end: usize) -> Option<usize> {
    let t = s.tokens;
    (k..end.min(k + 12))
        .find(|&i| s.lower(i) == "that")
        .filter(|&i| {
            !(i > c + 1 && relative_that(s, i))
                && (k..i).all(|j| {
                    let x = &t[j];
                    let w = x.text(s.text).to_lowercase();
                    // "told a crowded union hall that": after a determiner, "-ed"
                    // describes.
                    let adjective = j > 0 && lexicon::determiner(&s.lower(j - 1));
                    !x.quoted
                        && (x.kind == TokenKind::Word || x.is(','))
                        && !lexicon::finite_verb(&w)
                        && (adjective || !lexicon::past_tense(&w))
                        && !lexicon::subject_pronoun(&w)
                })
        })
}

/// Whether the "that" at token `i`, after a noun, opens a relative clause, its verb right
/// after it ("a programme that trains pilots"), rather than reported words. (Right after
/// the cue, "said that was wrong" reports.)
fn relative_that(s: &SentenceView<'_>, i: usize) -> bool {
    let next = s.lower(i + 1);
    lexicon::finite_verb(&next)
        || lexicon::past_tense(&next)
        || lexicon::present_third_person(&next)
}

/// What a verdict calls its object: "called them game-changing" → "game-changing",
/// "described the deal as historic" → "historic". The object is a pronoun or a short phrase
/// after a determiner; the verdict runs to the next comma, "and" or the sentence's end, six
/// words at most.
fn verdict_complement(s: &SentenceView<'_>, c: usize) -> Option<(usize, usize)> {
    let t = s.tokens;
    let w = |i: usize| s.lower(i);
    let mut k = c + 1;
    if matches!(
        w(k).as_str(),
        "them" | "it" | "him" | "her" | "this" | "that" | "those" | "these"
    ) {
        k += 1;
    } else if matches!(
        w(k).as_str(),
        "the" | "a" | "an" | "his" | "her" | "their" | "its"
    ) {
        k += 2;
        if t.get(k).is_some_and(|x| x.kind == TokenKind::Word)
            && w(k) != "as"
            && t.get(k + 1).is_some_and(|x| x.kind == TokenKind::Word)
        {
            k += 1;
        }
    } else {
        return None;
    }
    if w(k) == "as" {
        k += 1;
    }
    let mut end = k;
    while end < t.len()
        && t[end].kind == TokenKind::Word
        && !t[end].quoted
        && !matches!(
            w(end).as_str(),
            "and" | "but" | "because" | "after" | "before" | "when" | "in" | "on" | "at"
        )
    {
        end += 1;
    }
    (end > k && end - k <= 6).then_some((k, end))
}

/// Where a source phrase starts, titles and role words included ("Mayor Ada Voss").
pub(crate) fn source_start(s: &SentenceView<'_>, h: &(Head, usize)) -> usize {
    let t = s.tokens;
    let mut k = t.iter().position(|x| x.start >= h.1).unwrap_or(0);
    if let Head::Name(r) = &h.0 {
        k = k.min(r.with_titles);
        while k > 0
            && t[k - 1].kind == TokenKind::Word
            && !t[k - 1].capitalised(s.text)
            && lexicon::person_role(t[k - 1].text(s.text)).is_some()
        {
            k -= 1;
        }
        // "Harbour master Eva Dahl": the capitalised word opening the role.
        if k > 0
            && t[k - 1].capitalised(s.text)
            && (lexicon::person_role(t[k - 1].text(s.text)).is_some() || k == 1)
        {
            k -= 1;
        }
    }
    k
}

/// Past the object of "told", "asked" or "warned": a pronoun, "reporters", or a name
/// ("told the Courier", "told CNN's Jake Tapper").
fn object_end(s: &SentenceView<'_>, k: usize, end: usize) -> usize {
    let t = s.tokens;
    let p = s.text;
    let w = |i: usize| s.lower(i);
    if k >= end {
        return k;
    }
    if matches!(
        w(k).as_str(),
        "reporters"
            | "journalists"
            | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "supporters"
            | "voters"
            | "listeners"
            | "viewers"
            | "lawmakers"
    ) {
        return k + 1;
    }
    let mut j = k;
    if matches!(w(j).as_str(), "the" | "a") && t.get(j + 1).is_some_and(|x| x.capitalised(p)) {
        j += 1;
    }
    let start = j;
    while j < end
        && t[j].kind == TokenKind::Word
        && (t[j].capitalised(p)
            || (j > start
                && CONNECTOR_WORDS.contains(&w(j).as_str())
                && t.get(j + 1).is_some_and(|n| n.capitalised(p))))
    {
        j += 1;
    }
    if j > start {
        j
    } else {
        k
    }
}

/// Small words inside a name of several words.
const CONNECTOR_WORDS: &[&str] = &["of", "the", "de", "von", "van", "der", "al"];

/// Whether a clause can open with the token at `k`: not a preposition, conjunction or
/// greeting ("said goodbye to the crew", "said in a statement."), nor a finite verb or a
/// past participle ("Ranta said, would take the summer": an attribution set in the middle).
fn opens_clause(s: &SentenceView<'_>, k: usize) -> bool {
    let Some(x) = s.tokens.get(k) else {
        return false;
    };
    let w = x.text(s.text).to_lowercase();
    const NOT_OPENING: &[&str] = &[
        "in", "on", "at", "to", "for", "with", "by", "from", "of", "about", "what", "how", "why",
        "whether", "when", "where", "who", "so", "goodbye", "sorry", "thanks", "hello", "as",
        "and", "but", "or", "would", "will", "is", "was", "are", "were", "had", "has", "have",
        "could", "should", "may", "might", "must", "can", "did", "does", "do",
        // An object pronoun is no clause's subject ("those who know him say").
        "him", "them", "me", "us",
    ];
    // "those who know her say": "her" before a verb in its base form is an object too.
    let object_her = w == "her" && lexicon::cue(&s.lower(k + 1)).is_some_and(|(cue, _)| cue.base);
    !NOT_OPENING.contains(&w.as_str())
        && !object_her
        && (!lexicon::past_tense(&w) || x.capitalised(s.text))
}

/// Where a clause without "that" starts: past a setting ("in a statement", "on Tuesday",
/// "to reporters") and a comma.
fn bare_clause_start(s: &SentenceView<'_>, from: usize, end: usize) -> usize {
    let t = s.tokens;
    let p = s.text;
    let mut k = from;
    loop {
        let w = t
            .get(k)
            .map(|x| x.text(p).to_lowercase())
            .unwrap_or_default();
        if k < end && matches!(w.as_str(), "in" | "on" | "to" | "during" | "at") {
            // A preposition with a short phrase of scene words.
            let mut j = k + 1;
            while j < end
                && j - k <= 4
                && t[j].kind == TokenKind::Word
                && (lexicon::scene_word(t[j].text(p)) || t[j].capitalised(p))
            {
                j += 1;
            }
            if j > k + 1 && (j == end || t[j].is(',') || t[j].kind == TokenKind::Word) {
                k = j;
                continue;
            }
        }
        if k < end
            && (t[k].is(',')
                || matches!(w.as_str(), "also" | "later" | "again")
                || lexicon::time_word(&w))
        {
            k += 1;
            continue;
        }
        return k;
    }
}

/// A finite verb among the first words of a clause.
fn finite_soon(s: &SentenceView<'_>, k: usize, end: usize) -> bool {
    let t = s.tokens;
    (k..end.min(k + 14)).any(|i| {
        let w = t[i].text(s.text).to_lowercase();
        let before = if i > 0 { s.lower(i - 1) } else { String::new() };
        t[i].kind == TokenKind::Word
            && i > k
            && (lexicon::finite_verb(&w)
                // "a newly created role": a participle after an adverb or a determiner
                // describes a noun.
                || (lexicon::past_tense(&w)
                    && !lexicon::before_noun(&before)
                    && !before.ends_with("ly"))
                || (!t[i].capitalised(s.text)
                    && lexicon::present_third_person(&w)
                    && !lexicon::before_noun(&before)
                    // "gives his campaign", "decries also": a verb has something after
                    // it; "her social media accounts" ends the clause.
                    && i + 1 < end
                    && {
                        // A preposition follows plural nouns as often ("leaders in").
                        let after = s.lower(i + 1);
                        lexicon::object_opener(&after)
                            || lexicon::pronoun(&after).is_some()
                            || after.ends_with("ly")
                            || matches!(after.as_str(), "that" | "also" | "up" | "out" | "not")
                    }))
    }) || t.get(k).is_some_and(|x| {
        x.kind == TokenKind::Word && lexicon::subject_pronoun(x.text(s.text)) && end > k + 1
    })
}

/// Whether a verb stands a few words after `k`, as a clause after "say" shows one: a verb
/// in "-s" after a word no verb follows ("the problem reaches"), or any word after an
/// adverb that comes before verbs ("officers still scrutinize the area"), with anything
/// after it.
fn verb_in_s_soon(s: &SentenceView<'_>, k: usize, end: usize) -> bool {
    (k + 1..end.min(k + 8)).any(|i| {
        let w = s.lower(i);
        let before = s.lower(i - 1);
        s.tokens[i].kind == TokenKind::Word
            && !s.tokens[i].capitalised(s.text)
            && ((lexicon::present_third_person(&w)
                && !lexicon::before_noun(&before)
                && !s.tokens[i - 1].possessive(s.text))
                || (i > k + 1 && lexicon::before_verb(&before) && !lexicon::before_noun(&w)))
            && i + 1 < end
    })
}

/// The end of a reported clause that starts at `from`: the sentence's end, or a second
/// report joined to it (", adding that", ", according to").
pub(crate) fn clause_end(s: &SentenceView<'_>, from: usize) -> usize {
    let t = s.tokens;
    let p = s.text;
    let mut k = from;
    while k < t.len() {
        let x = &t[k];
        if x.is('.') || x.is('!') || x.is('?') || x.is(';') {
            break;
        }
        // "… they had received the report but said no one had been charged": a second report.
        if x.kind == TokenKind::Word && matches!(x.text(p), "and" | "but") && k > from {
            let mut j = k + 1;
            if t.get(j).is_some_and(|n| n.text(p) == "also") {
                j += 1;
            }
            if t.get(j).is_some_and(|n| {
                lexicon::cue(&n.text(p).to_lowercase())
                    .is_some_and(|(c, _)| !c.base && !c.participle)
            }) {
                break;
            }
            // "…, and the National Guard has said no one …": a second source's report.
            let comma = t[k - 1].is(',');
            let cue_soon = (j + 1..t.len().min(j + 7)).any(|i| {
                t[i].kind == TokenKind::Word
                    && !t[i].quoted
                    && lexicon::cue(&t[i].text(p).to_lowercase())
                        .is_some_and(|(c, base)| !c.participle && matches!(base, "say" | "tell"))
            });
            if comma && cue_soon {
                break;
            }
        }
        if x.is(',') {
            let next = t.get(k + 1).map(|n| n.text(p).to_lowercase());
            let participle = next
                .as_deref()
                .and_then(lexicon::cue)
                .is_some_and(|(c, _)| c.participle);
            if participle || next.as_deref() == Some("according") {
                break;
            }
        }
        if x.quoted {
            // Quoted words inside a clause belong to it; a quotation after it ends it only
            // where a new sentence starts.
        }
        k += 1;
    }
    // Trailing closing punctuation or marks are not words of the clause.
    while k > from && t[k - 1].kind != TokenKind::Word {
        k -= 1;
    }
    k
}

/// An attribution closing its sentence or set in its middle; fills the frame's content.
fn closing_attribution(s: &SentenceView<'_>, c: usize, floor: usize, f: &mut Frame) -> bool {
    let t = s.tokens;
    let p = s.text;
    let Some((_, base)) = lexicon::cue(&t[c].text(p).to_lowercase()) else {
        return false;
    };
    if !lexicon::takes_bare_clause(base) {
        return false;
    }
    // The subject sits between a comma and the cue ("…, fire chief Piet Dorn said"), or
    // right after it ("…, said the minister").
    let comma = (floor..c).rev().find(|&i| t[i].is(','));
    let mut inverted = comma == Some(c.wrapping_sub(1));
    let Some(mut comma) = comma.filter(|&i| c - i <= 10) else {
        return false;
    };
    let to = (c + 1..t.len())
        .find(|&i| t[i].kind != TokenKind::Word)
        .unwrap_or(t.len());
    // "…, a spokeswoman, Anna White, said.": the comma before the cue closes the
    // source's apposition; the source starts after the comma before it.
    if inverted && subject_after(s, c, to).is_none() {
        match apposed_source_start(s, floor, c - 1) {
            Some(start) => {
                comma = start;
                inverted = false;
            }
            None => return false,
        }
    }
    let (source, source_end) = if inverted {
        (subject_after(s, c, to), to)
    } else {
        (subject_before(s, c, comma + 1), c + 1)
    };
    let Some(source) = source else {
        return false;
    };
    // After the attribution: the sentence's end (closing) or a comma and more (middle),
    // past whom it was told to ("…, Ines Kallo told KESSBY RADIO.").
    let mut k = source_end;
    if lexicon::takes_object(base) && k == c + 1 {
        k = object_end(s, k, t.len());
    }
    while k < t.len() && t[k].kind == TokenKind::Word && lexicon::scene_word(t[k].text(p)) {
        k += 1;
    }
    // "…, said Mark Jones, a political scientist at Rice.": an apposition to the source
    // closes the sentence with it.
    if t.get(k).is_some_and(|x| x.is(',')) {
        let end = clause_end(s, k + 1);
        let lead = s.lower(k + 1);
        let apposition = (matches!(lead.as_str(), "a" | "an" | "the" | "his" | "her" | "its")
            || lexicon::person_role(&lead).is_some())
            && !finite_soon(s, k + 1, end);
        if apposition && t[end..].iter().all(|x| x.kind != TokenKind::Word) {
            k = end;
        }
    }
    let closing = t[k..].iter().all(|x| x.kind != TokenKind::Word);
    let middle = t.get(k).is_some_and(|x| x.is(',')) && !closing;
    if !(closing || middle) {
        return false;
    }
    let before_words = (floor..comma)
        .filter(|&i| t[i].kind == TokenKind::Word && !t[i].quoted)
        .count();
    let verb_before = finite_soon(s, floor, comma.min(floor + 14))
        || finite_soon(s, comma.saturating_sub(13).max(floor), comma);
    // Set in the middle ("The repairs, Ranta said, would take the summer"), the verb may
    // come after the attribution.
    let verb_after = middle && finite_soon(s, k, clause_end(s, k + 1));
    let least = if middle { 1 } else { 3 };
    if before_words < least || (floor..comma).any(|i| t[i].quoted) || !(verb_before || verb_after) {
        return false;
    }
    f.content.push(piece(s, floor, comma));
    // "…, Brisk said, a change that could …": a noun and its relative clause after the
    // attribution comment on what was said; they are the reporter's.
    let comment = matches!(s.lower(k + 1).as_str(), "a" | "an" | "the" | "one")
        && (k + 2..t.len().min(k + 6)).any(|i| matches!(s.lower(i).as_str(), "that" | "which"));
    if middle && !comment {
        let end = clause_end(s, k + 1);
        if end > k + 1 {
            f.content.push(piece(s, k + 1, end));
        }
    }
    let attribution_start = comma + 1;
    f.attribution = Some(piece(s, attribution_start, k.max(source_end).max(c + 1)));
    f.source = Some(source);
    true
}

/// The source an "according to" of the sentence names, with the attributing words.
fn according_source(s: &SentenceView<'_>) -> Option<((Head, usize), Piece)> {
    let t = s.tokens;
    let p = s.text;
    let k = (0..t.len().saturating_sub(1)).find(|&i| {
        !t[i].quoted
            && t[i].text(p).eq_ignore_ascii_case("according")
            && t[i + 1].text(p).eq_ignore_ascii_case("to")
    })?;
    let to = (k + 2..t.len())
        .find(|&i| t[i].kind != TokenKind::Word || t[i].quoted)
        .unwrap_or(t.len());
    let head = according_head(s, k + 2, to)?;
    Some((head, piece(s, k, to)))
}

/// Who "according to" names in the tokens `from..to`, and where: a name or a known role,
/// else the phrase itself, save a work made by a name ("an analysis by the Pew Research
/// Center" speaks as the Pew Research Center).
fn according_head(s: &SentenceView<'_>, from: usize, to: usize) -> Option<(Head, usize)> {
    let t = s.tokens;
    let p = s.text;
    let named = qualified_end(s, from, to);
    let head = names::head_after(p, t, from, named).or_else(|| source_phrase(s, from, named))?;
    let maker = match &head {
        Head::Role { noun, .. }
            if lexicon::work_of_someone(noun)
                && named + 1 < to
                && matches!(s.lower(named).as_str(), "by" | "from") =>
        {
            names::head_after(p, t, named + 1, to)
        }
        _ => None,
    };
    Some(match maker {
        Some(Head::Name(run)) => {
            let at = t[run.first].start;
            (Head::Name(run), at)
        }
        // "according to a statement from the ministry": the body that made it, as the
        // article names it before.
        Some(Head::Role { ref noun, .. }) if lexicon::organisation_word(noun) => {
            (maker.expect("a role"), t[named + 1].start)
        }
        _ => (head, t.get(from)?.start),
    })
}

/// Where the source phrase after "according to" ends and what qualifies it begins:
/// "port records | seen by the Herald", "a publishing executive | familiar with the talks",
/// "officials | who …".
fn qualified_end(s: &SentenceView<'_>, from: usize, to: usize) -> usize {
    (from + 1..to)
        .find(|&i| {
            matches!(
                s.lower(i).as_str(),
                "who"
                    | "that"
                    | "which"
                    | "familiar"
                    | "involved"
                    | "close"
                    | "with"
                    | "in"
                    | "at"
                    | "on"
                    | "for"
                    | "from"
                    | "published"
                    | "conducted"
                    | "seen"
                    | "obtained"
                    | "released"
                    | "cited"
                    | "by"
            )
        })
        .unwrap_or(to)
}

/// What "according to" names when it is no name nor known role: "his campaign finance
/// documents", "a publishing executive", "complete but unofficial returns", as a role.
fn source_phrase(s: &SentenceView<'_>, from: usize, to: usize) -> Option<Head> {
    let t = s.tokens;
    let words: Vec<&str> = (from..to)
        .filter(|&i| t[i].kind == TokenKind::Word)
        .map(|i| t[i].text(s.text))
        .collect();
    let skip = usize::from(matches!(
        words.first().map(|w| w.to_lowercase()).as_deref(),
        Some("a" | "an" | "the")
    ));
    let text = words.get(skip..)?.join(" ");
    let noun = words.last()?.to_lowercase();
    (!text.is_empty() && words.len() <= 8).then_some(Head::Role {
        text,
        noun,
        gender: None,
        definite: false,
    })
}

/// "According to X, …" and "…, according to X".
fn according_to(s: &SentenceView<'_>) -> Option<Frame> {
    let t = s.tokens;
    let p = s.text;
    // "As informed the coastal authority, …", as translated copy has it, is read the same.
    let k = (0..t.len().saturating_sub(1)).find(|&i| {
        !t[i].quoted
            && (t[i].text(p).eq_ignore_ascii_case("according")
                && t[i + 1].text(p).eq_ignore_ascii_case("to")
                || i == 0
                    && t[i].text(p) == "As"
                    && matches!(
                        t[i + 1].text(p),
                        "informed" | "said" | "reported" | "stated" | "announced"
                    ))
    })?;
    let to = (k + 2..t.len())
        .find(|&i| t[i].is(',') || t[i].is('.') || t[i].is(';') || t[i].quoted)
        .unwrap_or(t.len());
    if to <= k + 2 {
        return None;
    }
    let (head, at) = according_head(s, k + 2, to)?;
    let mut f = Frame::new(s, false);
    f.cue = Some(piece(s, k, k + 2));
    f.kind = Some(CueKind::Speech);
    f.attribution = Some(piece(s, k, to));
    let (a, b) = if k == 0 {
        (to + 1, clause_end(s, to + 1))
    } else {
        let start = (0..k).rev().find(|&i| t[i].is(';')).map_or(0, |i| i + 1);
        let mut end = k;
        while end > start && t[end - 1].kind != TokenKind::Word {
            end -= 1;
        }
        (start, end)
    };
    if b <= a
        || (a..b).filter(|&i| t[i].kind == TokenKind::Word).count() < 3
        || (a..b).any(|i| t[i].quoted)
    {
        return None;
    }
    f.content.push(piece(s, a, b));
    f.source = Some((head, at));
    Some(f)
}

/// The sentence's verb of reaction before `c` ("welcomed", "condemned", "praised").
fn main_verb(s: &SentenceView<'_>, c: usize) -> Option<usize> {
    (1..c).find(|&i| {
        let x = &s.tokens[i];
        x.kind == TokenKind::Word && !x.quoted && lexicon::reaction(x.text(s.text))
    })
}

/// Where a source set off by commas before its cue starts, as the comma before it:
/// "…, Anna White, said" (a name), "…, a spokeswoman, Anna White, said" (a role and the
/// name it describes, both short), from the comma at `closing` back, no further than
/// `floor`.
fn apposed_source_start(s: &SentenceView<'_>, floor: usize, closing: usize) -> Option<usize> {
    let t = s.tokens;
    let comma_before = |to: usize| (floor..to).rev().find(|&i| t[i].is(','));
    let name_start = comma_before(closing)?;
    let named = (name_start + 1..closing).any(|i| t[i].capitalised(s.text));
    if !named || closing - name_start > 6 {
        return None;
    }
    // A role set off before the name: "a spokeswoman,", "the club's lawyer,".
    let Some(role_start) = comma_before(name_start) else {
        return Some(name_start);
    };
    let role = (role_start + 1..name_start)
        .any(|i| t[i].kind == TokenKind::Word && lexicon::person_role(&s.lower(i)).is_some());
    Some(if role && name_start - role_start <= 6 {
        role_start
    } else {
        name_start
    })
}

/// The subject of the sentence a participle cue hangs from: the phrase before the
/// sentence's first verb ("Special envoy Steve Witkoff announced …, stating that"), after
/// an opening phrase set off by a comma ("Following a hastily called meeting, the Sorvik
/// Fisheries Board issued …").
pub(crate) fn sentence_subject(s: &SentenceView<'_>, c: usize) -> Option<(Head, usize)> {
    let t = s.tokens;
    let floor = opening_phrase_end(s, c);
    let verb = (floor..c).find(|&i| verb_like(s, i))?;
    subject_before(s, verb, floor).or_else(|| {
        // subject_before reads back from a cue; the verb here may be any verb.
        let mut end = verb;
        while end > floor && lexicon::between_subject_and_cue(t[end - 1].text(s.text)) {
            end -= 1;
        }
        let head = names::head_before(s.text, t, floor, end)?;
        let at = match &head {
            Head::Name(r) => t[r.first].start,
            Head::Pronoun(_, at) => *at,
            Head::Role { .. } => t[floor].start,
        };
        Some((head, at))
    })
}

/// Whether the token at `i` may be a sentence's finite verb.
fn verb_like(s: &SentenceView<'_>, i: usize) -> bool {
    let t = s.tokens;
    let w = t[i].text(s.text);
    t[i].kind == TokenKind::Word
        && !t[i].quoted
        && w.chars().next().is_some_and(char::is_lowercase)
        && (lexicon::cue(w).is_some()
            || lexicon::past_tense(w)
            || lexicon::finite_verb(w)
            // "Marco Rubio, speaking on ABC’s “This Week,” cautioned": an aside.
            || (w.ends_with("ing") && i > 0 && t[i - 1].is(','))
            // "Trump openly admires Putin as a “strong leader”": a verb in "-s" after a
            // name or an adverb, where no plural noun stands.
            || (lexicon::present_third_person(w)
                && i > 0
                && t[i - 1].kind == TokenKind::Word
                && !t[i - 1].possessive(s.text)
                && (t[i - 1].capitalised(s.text) || t[i - 1].text(s.text).ends_with("ly")))
            || matches!(
                w,
                "is" | "was" | "has" | "had" | "met" | "spoke" | "made" | "gave" | "took"
            ))
}

/// Where a sentence's opening phrase ends, before token `c`: a sentence opened by a
/// preposition or a participle ("Following a hastily called, closed-door meeting,",
/// "At a rally in Dunmere, Karvia Saturday,") runs to the last comma before the first
/// verb after its first comma. 0 when the sentence opens with its subject.
fn opening_phrase_end(s: &SentenceView<'_>, c: usize) -> usize {
    let t = s.tokens;
    let opens = t
        .first()
        .is_some_and(|x| lexicon::opens_phrase(&x.text(s.text).to_lowercase()));
    let Some(first_comma) = opens.then(|| (1..c).find(|&i| t[i].is(','))).flatten() else {
        return 0;
    };
    let Some(verb) = (first_comma + 1..c).find(|&i| verb_like(s, i)) else {
        return 0;
    };
    (first_comma..verb)
        .rev()
        .find(|&i| t[i].is(','))
        .map_or(0, |i| i + 1)
}
