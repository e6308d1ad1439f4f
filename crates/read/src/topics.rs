//! Topics and positions: what a source spoke about or stood for, rather than a clause it
//! said. Verbs with a preposition ("called for a ban", "talked about the border"), verbs
//! of position with a direct object ("endorsed Ted Cruz"), questions ("asked Trump about
//! his remarks"), and nouns of speech owned by their source ("his critique of the deal",
//! "Trump's call for a wall").
//!
//! ## What it does not
//! Nouns of speech with no owner ("concerns about the economy"), whose source the
//! sentence does not give; objects that stand in quotation marks (the quotation's frame
//! reports them).

use crate::frames::{
    clause_end, piece, sentence_subject, source_start, subject_before, Frame, SentenceView,
};
use crate::lexicon::{self, CueKind};
use crate::names::{self, Head};
use crate::tokens::TokenKind;

/// Topics and positions reported through a verb and a preposition ([`lexicon::topic_cue`]):
/// "Sanders called for a $15 minimum wage", "Trump talked about the border", "…, pointing
/// to the polls"; and questions ("Hewitt asked Trump about his remarks", "Asked whether he
/// would run, Voss said …"). The content runs from the preposition's object (the question
/// word) to the clause's end; the source is the verb's subject, or the sentence's for a
/// participle after a comma, or nobody for a question asked in the passive.
///
/// Not read: the nouns ("the calls for a recount"), infinitives and passives ("to call
/// for", "was called for"), whose subject says nothing.
pub(crate) fn topic_frames(s: &SentenceView<'_>, earlier: &[Frame]) -> Vec<Frame> {
    (0..s.tokens.len().saturating_sub(2))
        .filter_map(|i| topic_frame(s, earlier, i))
        .collect()
}

/// The topic frame of the cue at token `i`, if it is one.
fn topic_frame(s: &SentenceView<'_>, earlier: &[Frame], i: usize) -> Option<Frame> {
    let t = s.tokens;
    let (from, passive) = topic_start(s, i)?;
    let participle = t[i].text(s.text).ends_with("ing") && i > 0 && t[i - 1].is(',');
    let mut end = clause_end(s, from);
    // "The minister, pointing to the deficit, defended the levy", "Asked about the levy,
    // Voss said": an aside ends at its comma.
    if participle || passive {
        end = (from..end).find(|&k| t[k].is(',')).unwrap_or(end);
    }
    let words = (from..end.max(from))
        .filter(|&k| t[k].kind == TokenKind::Word)
        .count();
    // "The union condemned the closure, saying …": the participle's frame reports the
    // reaction with its reason.
    let explained = t.get(end).is_some_and(|x| x.is(','))
        && lexicon::cue(&s.lower(end + 1)).is_some_and(|(c, _)| c.participle);
    if words < 2 || explained {
        return None;
    }
    // A topic that holds a quotation another frame reports ("referred to the clause that
    // states, “…”") is that frame's.
    if overlaps(s, earlier, from, end) {
        return None;
    }
    let source = if passive {
        None
    } else if participle {
        sentence_subject(s, i).or_else(|| subject_before(s, i, 0))
    } else {
        subject_before(s, i, 0).or_else(|| sentence_subject(s, i))
    };
    let mut f = Frame::new(s, false);
    f.cue = Some(piece(s, i, from));
    f.kind = Some(CueKind::Position);
    f.content.push(piece(s, from, end));
    let first = match &source {
        Some(h) if !participle => source_start(s, h).min(i),
        _ => i,
    };
    f.attribution = Some(piece(s, first, from));
    f.source = source;
    Some(f)
}

/// Where the topic of a cue at token `i` starts, and whether the cue is a question asked
/// in the passive ("Asked about …", "when asked whether …", "was asked if …").
fn topic_start(s: &SentenceView<'_>, i: usize) -> Option<(usize, bool)> {
    let t = s.tokens;
    let word = t[i].text(s.text);
    if t[i].kind != TokenKind::Word || t[i].quoted {
        return None;
    }
    // The word before, past any "-ly" adverb ("was hotly criticized").
    let mut j = i;
    while j > 1
        && lexicon::between_subject_and_cue(&s.lower(j - 1))
        && s.lower(j - 1).ends_with("ly")
    {
        j -= 1;
    }
    let prev = if j > 0 { s.lower(j - 1) } else { String::new() };
    let asked = lexicon::cue(&word.to_lowercase()).is_some_and(|(_, base)| base == "ask");
    let passive =
        asked && (i == 0 || matches!(prev.as_str(), "was" | "were" | "when" | "being" | "if"));
    // Infinitives, nouns, passives, negations and degrees ("to call for", "the calls for",
    // "was called for", "did not respond to", "more focused on").
    if !passive && lexicon::before_topic_cue(&prev) {
        return None;
    }
    // "pivot from pushing for …": a gerund after a preposition is a noun.
    let gerund = word.ends_with("ing")
        && matches!(
            prev.as_str(),
            "from" | "of" | "by" | "for" | "after" | "before" | "without" | "about" | "on" | "in"
        );
    // "abandon talks of a ceasefire": a plural noun; a verb in "-s" follows its subject
    // ("Trump talks", "the senator calls", "he points").
    let noun = word.ends_with('s')
        && i > 0
        && !(t[i - 1].capitalised(s.text)
            || lexicon::subject_pronoun(&prev)
            || lexicon::person_role(&prev).is_some()
            || lexicon::organisation_word(&prev)
            || (prev.ends_with('s') && prev.len() > 3));
    if gerund || noun {
        return None;
    }
    // "endorsed Ted Cruz for president", "they oppose the pipeline".
    if let Some((_, base_form)) = lexicon::position_verb(&word.to_lowercase()) {
        return position_object(s, i, base_form, &prev).then_some((i + 1, false));
    }
    if lexicon::topic_cue(word, &s.lower(i + 1)) {
        // "weighed in on the ruling".
        let from = if s.lower(i + 1) == "in" && s.lower(i + 2) == "on" {
            i + 3
        } else {
            i + 2
        };
        return Some((from, passive));
    }
    // "asked Trump about his remarks", "asked the council whether …".
    if asked {
        return question_start(s, i).map(|k| (k, passive));
    }
    None
}

/// Whether the verb of position at token `i` takes an object here: a form that needs no
/// subject word before it, or a base form after one that takes it ("they oppose"); an
/// object that is no passive's agent ("criticized by"); and no participle that modifies
/// a noun ("PAC supporting John Faso"), which only a comma or a form of "be" may precede.
fn position_object(s: &SentenceView<'_>, i: usize, base_form: bool, prev: &str) -> bool {
    let t = s.tokens;
    let subject = !base_form || lexicon::takes_base_form(prev) || prev == "strongly";
    let next = s.lower(i + 1);
    let object = t.get(i + 1).is_some_and(|x| {
        x.kind == TokenKind::Word && !x.quoted && !lexicon::before_topic_cue(&next) && next != "by"
    });
    let modifier = t[i].text(s.text).ends_with("ing")
        && !(i > 0 && t[i - 1].is(',') || matches!(prev, "is" | "are" | "was" | "were" | "been"));
    let determiner = t.get(i + 1).is_some_and(|x| !x.quoted) && lexicon::determiner(&next);
    subject && !modifier && (object || determiner)
}

/// Where the question after "asked" at token `i` starts: at a question word within a few
/// words, past the person asked and the scene ("asked Trump about …", "asked at a
/// briefing Monday in Washington whether …"), with no verb or comma before it.
fn question_start(s: &SentenceView<'_>, i: usize) -> Option<usize> {
    let t = s.tokens;
    let end = clause_end(s, i + 1).min(i + 12);
    let k = (i + 1..end).find(|&k| lexicon::question_word(&s.lower(k)))?;
    let clear = t[i + 1..k].iter().all(|x| {
        let w = x.text(s.text).to_lowercase();
        x.kind == TokenKind::Word
            && !x.quoted
            && !lexicon::finite_verb(&w)
            && !lexicon::past_tense(&w)
    });
    clear.then_some(k)
}

/// Nouns of speech owned by their source, and what they are about: "his critique of the
/// deal", "Trump's call for a wall", "her concerns about the levy", "their claim that the
/// vote was rigged" ([`lexicon::nominal_cue`]). The owner is the source; the content runs
/// from the preposition's object (or the clause after "that") to the clause's end.
pub(crate) fn nominal_frames(s: &SentenceView<'_>, earlier: &[Frame]) -> Vec<Frame> {
    (1..s.tokens.len().saturating_sub(2))
        .filter_map(|i| nominal_frame(s, earlier, i))
        .collect()
}

/// The nominal frame of the noun at token `i`, if it is one.
fn nominal_frame(s: &SentenceView<'_>, earlier: &[Frame], i: usize) -> Option<Frame> {
    let t = s.tokens;
    if t[i].kind != TokenKind::Word
        || t[i].quoted
        || !lexicon::nominal_cue(&s.lower(i), &s.lower(i + 1))
    {
        return None;
    }
    let (source, first) = owner(s, i)?;
    let from = i + 2;
    let end = clause_end(s, from);
    // A comma ends a noun's object sooner than a verb's clause ("his critique of the deal,
    // which …"), and so does the verb of a sentence the noun is the subject of ("Trump's
    // calls for a wall drew crowds"); "that" opens a clause with a verb of its own.
    let clause = s.lower(i + 1) == "that";
    let end = (from + 1..end)
        .find(|&k| {
            t[k].is(',')
                || (!clause && {
                    let w = s.lower(k);
                    t[k].kind == TokenKind::Word
                        && (lexicon::finite_verb(&w)
                            || lexicon::past_tense(&w)
                            || (lexicon::present_third_person(&w)
                                && !t[k].capitalised(s.text)
                                && !lexicon::before_noun(&s.lower(k - 1))))
                })
        })
        .unwrap_or(end);
    let words = (from..end.max(from))
        .filter(|&k| t[k].kind == TokenKind::Word)
        .count();
    if words < 2 || overlaps(s, earlier, from, end) {
        return None;
    }
    let mut f = Frame::new(s, false);
    f.cue = Some(piece(s, i, from));
    f.kind = Some(CueKind::Position);
    f.content.push(piece(s, from, end));
    f.attribution = Some(piece(s, first, from));
    f.source = Some(source);
    Some(f)
}

/// Who owns the noun at token `i`: a possessive pronoun ("his critique") or a name in the
/// possessive ("Trump's call", "Sen. Ada Voss's plea"), and where the owner starts.
fn owner(s: &SentenceView<'_>, i: usize) -> Option<((Head, usize), usize)> {
    let t = s.tokens;
    let mut k = i - 1;
    // "his repeated calls for", "Trump's latest critique of": a word or two between.
    for _ in 0..2 {
        let w = s.lower(k);
        if k > 0
            && !t[k].possessive(s.text)
            && lexicon::pronoun(&w).is_none()
            && !t[k].capitalised(s.text)
        {
            k -= 1;
        }
    }
    let w = s.lower(k);
    if matches!(w.as_str(), "his" | "her" | "their" | "its") {
        let kind = lexicon::pronoun(&w)?;
        return Some(((Head::Pronoun(kind, t[k].start), t[k].start), k));
    }
    if !t[k].possessive(s.text) || !t[k].capitalised(s.text) {
        return None;
    }
    let mut a = k;
    while a > 0
        && t[a - 1].kind == TokenKind::Word
        && t[a - 1].capitalised(s.text)
        && !t[a - 1].quoted
    {
        a -= 1;
    }
    let run = names::name_runs(s.text, &t[a..=k]).pop()?.shifted(a);
    let at = t[run.first].start;
    Some(((Head::Name(run), at), a))
}

/// Whether another frame's content overlaps tokens `from..end` of the sentence.
fn overlaps(s: &SentenceView<'_>, earlier: &[Frame], from: usize, end: usize) -> bool {
    let (a, b) = (s.tokens[from].start, s.tokens[end - 1].end);
    earlier.iter().any(|f| {
        f.content
            .iter()
            .any(|c| c.paragraph == s.paragraph && c.start < b && a < c.end)
    })
}
