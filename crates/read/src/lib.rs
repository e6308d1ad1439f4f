//! One reading of each article, for every stage after cleaning: its sentences and tokens,
//! its quotation marks, the names it prints, its attribution frames (who said what, quoted
//! or reported) and the person each source stands for. Everything is kept as byte ranges of
//! the article's body paragraphs, so that what a later stage reports can be found again in
//! the input.
//!
//! ```
//! let paragraphs = [
//!     "Harbour Board deputy chair Ilse Varga spoke on Tuesday.",
//!     "“We were never told,” she said. The levy would rise, she added.",
//! ];
//! let reading = parallax_read::read(&paragraphs);
//! let said: Vec<(&str, Option<&str>)> = reading
//!     .frames
//!     .iter()
//!     .map(|f| (reading.text(f.content[0]), f.speaker.as_deref()))
//!     .collect();
//! assert_eq!(
//!     said,
//!     [("We were never told,", Some("Ilse Varga")), ("The levy would rise", Some("Ilse Varga"))]
//! );
//! ```
//!
//! The steps, each in its own module: [`marks`] finds the quoted spans of each paragraph,
//! [`sentences`] its sentences, [`tokens`] their words; [`frames`] reads the attribution
//! frames of each sentence with the cues of [`lexicon`] (the one home of every word list)
//! and the source phrases of [`names`]; [`chains`] ties each source to a person.

pub mod chains;
pub mod frames;
pub mod lexicon;
pub mod marks;
pub mod names;
pub mod sentences;
pub mod tokens;
mod topics;

use chains::{People, Place};
use frames::{Frame, Piece, SentenceView};
use marks::Quoted;
use sentences::Sentence;
use tokens::Token;

/// One paragraph as read.
#[derive(Debug, Clone)]
pub struct Paragraph<'a> {
    /// The paragraph's text.
    pub text: &'a str,
    /// Its quoted spans.
    pub quotes: Vec<Quoted>,
    /// Its sentences, each with its tokens.
    pub sentences: Vec<(Sentence, Vec<Token>)>,
}

/// An article as read: its paragraphs, its frames and the people it names.
#[derive(Debug)]
pub struct Reading<'a> {
    /// The paragraphs in order.
    pub paragraphs: Vec<Paragraph<'a>>,
    /// The attribution frames in order, each with its speaker resolved.
    pub frames: Vec<Frame>,
    /// The people and organisations named.
    pub people: People,
    /// Every name printed outside a title-case headline or attested by the running text,
    /// inside quotations too, in order.
    pub names: Vec<Named>,
}

/// A name as an article prints it: where it stands and how it reads.
#[derive(Debug, Clone)]
pub struct Named {
    /// The paragraph's index.
    pub paragraph: usize,
    /// Where its titles start in the paragraph ("Mayor" in "Mayor Dagny Reuter").
    pub start: usize,
    /// Where the name itself starts.
    pub name_start: usize,
    /// Just past its last word (a possessive ending taken off).
    pub end: usize,
    /// The first word of its sentence.
    pub opens: bool,
    /// Inside quotation marks.
    pub quoted: bool,
    /// The run as read.
    pub run: names::NameRun,
}

impl Reading<'_> {
    /// The text of a piece.
    pub fn text(&self, piece: Piece) -> &str {
        &self.paragraphs[piece.paragraph].text[piece.start..piece.end]
    }

    /// Where a piece stands in the article's input text, in Unicode scalar values, given
    /// where each paragraph read starts there (`None` for one printed elsewhere, such as a
    /// headline from a header block).
    pub fn span(&self, piece: Piece, starts: &[Option<usize>]) -> Option<[usize; 2]> {
        let at = (*starts.get(piece.paragraph)?)?;
        let text = self.paragraphs[piece.paragraph].text;
        let start = at + text[..piece.start].chars().count();
        Some([start, start + text[piece.start..piece.end].chars().count()])
    }
}

/// Reads an article's body paragraphs.
pub fn read<'a>(paragraphs: &[&'a str]) -> Reading<'a> {
    let paragraphs: Vec<Paragraph<'a>> = paragraphs.iter().map(|p| paragraph(p)).collect();
    let mut people = People::default();
    let mut frames = Vec::new();
    let mut subjects = Vec::new();
    let mut order = 0;
    let mut names = Vec::new();
    let named = names_by_sentence(&paragraphs);
    // The keys of the names printed in sentences not set in title case.
    let printed: std::collections::HashSet<String> = named
        .iter()
        .flatten()
        .filter(|(title_case, _)| !title_case)
        .flat_map(|(_, runs)| runs.iter().map(|r| name_key(&r.text)))
        .collect();
    for (k, para) in paragraphs.iter().enumerate() {
        for (index, (sentence, tokens)) in para.sentences.iter().enumerate() {
            let (title_case, runs) = &named[k][index];
            for run in runs {
                // "Harbour Gap Goes On" in a headline is no one: a capitalised run there is
                // a name when the running text prints it too, or opens with a first name.
                let attested = !title_case
                    || run.organisation
                    || printed.contains(&name_key(&run.text))
                    || run
                        .text
                        .split_whitespace()
                        .next()
                        .is_some_and(lexicon::known_first_name);
                let quoted = tokens[run.first].quoted;
                if attested && !quoted {
                    people.add(order, k, tokens[run.first].start, run);
                }
                if attested {
                    names.push(named_at(k, para.text, tokens, run));
                }
            }
            let view = SentenceView {
                paragraph: k,
                index,
                order,
                text: para.text,
                tokens,
                quotes: para
                    .quotes
                    .iter()
                    .filter(|q| q.start < sentence.end && sentence.start < q.end.max(q.start + 1))
                    .copied()
                    .collect(),
            };
            frames.extend(
                frames::frames_of(&view)
                    .into_iter()
                    .filter(|f| !first_person(f)),
            );
            if let Some((head, at)) = opening_subject(para.text, tokens) {
                let place = Place {
                    sentence: order,
                    paragraph: k,
                    at,
                };
                subjects.push((place, head));
            }
            order += 1;
        }
    }
    let frames = join_continued(&paragraphs, frames);
    let frames = resolve(&mut people, frames, &subjects);
    let frames = transcript_turns(&paragraphs, &people, frames);
    Reading {
        paragraphs,
        frames,
        people,
        names,
    }
}

/// Where a name run of a paragraph's sentence stands.
fn named_at(paragraph: usize, text: &str, tokens: &[Token], run: &names::NameRun) -> Named {
    let last = &tokens[run.last - 1];
    Named {
        paragraph,
        start: tokens[run.with_titles].start,
        name_start: tokens[run.first].start,
        end: last.start + last.stem(text).len(),
        opens: run.with_titles == 0
            || tokens[..run.with_titles]
                .iter()
                .all(|t| t.kind != tokens::TokenKind::Word),
        quoted: tokens[run.first].quoted,
        run: run.clone(),
    }
}

/// Whether a sentence is set in title case, as headlines are: no full stop at its end and
/// most of its words capitalised.
fn in_title_case(sentence: &str, tokens: &[tokens::Token], p: &str) -> bool {
    let words = tokens
        .iter()
        .filter(|t| t.kind == tokens::TokenKind::Word)
        .count();
    words >= 3 && tokens::title_case(sentence, tokens, p)
}

/// The last word of a name, in lower case: what a headline's name must share with a name
/// the running text prints.
fn name_key(name: &str) -> String {
    name.split_whitespace().last().unwrap_or("").to_lowercase()
}

/// Each sentence's name runs, paragraph by paragraph, and whether the sentence is set in
/// title case ([`in_title_case`]).
fn names_by_sentence(paragraphs: &[Paragraph<'_>]) -> Vec<Vec<(bool, Vec<names::NameRun>)>> {
    paragraphs
        .iter()
        .map(|para| {
            para.sentences
                .iter()
                .map(|(sentence, tokens)| {
                    let title_case =
                        in_title_case(&para.text[sentence.start..sentence.end], tokens, para.text);
                    (title_case, names::all_name_runs(para.text, tokens))
                })
                .collect()
        })
        .collect()
}

/// A transcript printed as a quotation, each turn opening with its speaker's name in
/// capitals ("“WALLACE: Let’s start …", "“PENCE: Well, look, …"): one frame a turn, its
/// speaker the person the article names so ("Chris Wallace", "Mike Pence"), the label left
/// out of the words; a part without a label ("(CROSSTALK.)") goes on with the turn before.
fn transcript_turns(
    paragraphs: &[Paragraph<'_>],
    people: &People,
    frames: Vec<Frame>,
) -> Vec<Frame> {
    let mut out = Vec::with_capacity(frames.len());
    for f in frames {
        if !f.direct {
            out.push(f);
            continue;
        }
        let labels: Vec<Option<usize>> = f
            .content
            .iter()
            .map(|c| turn_label(&paragraphs[c.paragraph].text[c.start..c.end]))
            .collect();
        if labels.iter().all(Option::is_none) {
            out.push(f);
            continue;
        }
        let mut turn: Option<Frame> = None;
        for (c, label) in f.content.iter().zip(labels) {
            let text = paragraphs[c.paragraph].text;
            match label {
                Some(n) => {
                    out.extend(turn.take());
                    let name = title_case(text[c.start..c.start + n].trim_end_matches(':'));
                    let place = Place {
                        sentence: f.order,
                        paragraph: c.paragraph,
                        at: c.start,
                    };
                    let mut t = f.clone();
                    let skip = text[c.start + n..c.end].len()
                        - text[c.start + n..c.end].trim_start().len();
                    t.content = vec![Piece {
                        start: c.start + n + skip,
                        ..*c
                    }];
                    t.attribution = Some(Piece {
                        end: c.start + n - 1,
                        ..*c
                    });
                    t.paragraph = c.paragraph;
                    t.speaker = Some(people.fullest(&name, place));
                    t.follows = false;
                    turn = Some(t);
                }
                None => match turn.as_mut() {
                    Some(t) => t.content.push(*c),
                    None => {
                        let mut t = f.clone();
                        t.content = vec![*c];
                        turn = Some(t);
                    }
                },
            }
        }
        out.extend(turn);
    }
    out
}

/// The length of a transcript's speaker label opening `text` ("WALLACE: ", "SEN. BROWN:"),
/// colon included: one to three words in capitals, no more than 30 bytes.
fn turn_label(text: &str) -> Option<usize> {
    let colon = text.get(..32.min(text.len()))?.find(':')?;
    let label = &text[..colon];
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitals = |w: &&str| {
        w.chars().any(char::is_alphabetic)
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    (!words.is_empty()
        && words.len() <= 3
        && words.iter().all(capitals)
        && text[colon + 1..].starts_with(' '))
    .then_some(colon + 1)
}

/// "PENCE" as a name is printed: "Pence".
fn title_case(label: &str) -> String {
    label
        .split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|c| {
                    c.to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// A frame whose source is "I" or "we": words inside someone's speech, not a report.
fn first_person(f: &Frame) -> bool {
    matches!(
        f.source,
        Some((names::Head::Pronoun(lexicon::PronounKind::Speaker, _), _))
    )
}

fn paragraph(text: &str) -> Paragraph<'_> {
    let quotes = marks::quoted(text);
    let sentences = sentences::sentences(text, &quotes)
        .into_iter()
        .map(|s| (s, tokens::tokens(text, s.start, s.end, &quotes)))
        .collect();
    Paragraph {
        text,
        quotes,
        sentences,
    }
}

/// A quotation left open at a paragraph's end goes on in the next paragraph's opening
/// quotation: one frame with a part from each.
fn join_continued(paragraphs: &[Paragraph<'_>], frames: Vec<Frame>) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::with_capacity(frames.len());
    for f in frames {
        let first = f.content.first().copied();
        let opens_paragraph = f.direct
            && first.is_some_and(|c| {
                let p = &paragraphs[c.paragraph];
                p.quotes
                    .first()
                    .is_some_and(|q| q.start == c.start && q.opened && q.outer_start <= 3)
            });
        // A quotation that fills its paragraph, with no attribution of its own, right after
        // a paragraph that ends with a quotation goes on with it (“A,” he said. ¶ “B.”).
        let fills_paragraph = opens_paragraph
            && f.follows
            && first.is_some_and(|c| {
                let p = &paragraphs[c.paragraph];
                p.quotes.len() == 1
                    && p.quotes[0].closed
                    && p.quotes[0].outer_end + 2 >= p.text.trim_end().len()
            });
        let previous = out
            .iter_mut()
            .rev()
            .find(|x| x.direct)
            .filter(|x| {
                (x.open_end || fills_paragraph)
                    && first.is_some_and(|c| {
                        x.content
                            .last()
                            .is_some_and(|l| l.paragraph + 1 == c.paragraph)
                    })
            })
            .filter(|x| {
                // The paragraph before ends with that quotation's frame.
                let last = x.content.last().map(|l| l.paragraph);
                last.is_some_and(|k| {
                    paragraphs[k]
                        .quotes
                        .last()
                        .is_some_and(|q| x.content.last().is_some_and(|l| l.start == q.start))
                })
            });
        match previous {
            Some(prev) if opens_paragraph => {
                prev.content.extend(f.content);
                prev.open_end = f.open_end;
                if prev.source.is_none() && f.source.is_some() {
                    prev.source = f.source;
                    prev.attribution = f.attribution;
                    prev.cue = f.cue;
                    prev.follows = false;
                }
            }
            _ => out.push(f),
        }
    }
    out
}

/// The subject opening a sentence (or its clause after "but", "and", "then") that stands
/// for someone met before: "he" or "she", or a body by its common noun ("The institute was
/// quick to respond."). Each is resolved in its turn, so that the pronouns after it follow
/// the same person or body ("Lance Beebe, 49, said … He attended the rally … “…,” he said";
/// "The institute … “…,” it said"); with where the sentence starts.
fn opening_subject(p: &str, tokens: &[Token]) -> Option<(names::Head, usize)> {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.kind == tokens::TokenKind::Word && !t.quoted)
        .take(3)
        .map(|t| t.text(p))
        .collect();
    let at = tokens.first().map_or(0, |t| t.start);
    let lead = usize::from(
        words
            .first()
            .is_some_and(|w| matches!(w.to_lowercase().as_str(), "but" | "and" | "then")),
    );
    let head = match words.get(lead..).unwrap_or_default() {
        [w, ..] if lexicon::subject_pronoun(w) => match lexicon::pronoun(w) {
            Some(kind @ lexicon::PronounKind::Person(_)) => Some(names::Head::Pronoun(kind, at)),
            _ => None,
        },
        ["The", noun, ..]
            if lexicon::organisation_word(noun) && noun.starts_with(char::is_lowercase) =>
        {
            Some(names::Head::Role {
                text: noun.to_string(),
                noun: noun.to_string(),
                gender: None,
                definite: true,
            })
        }
        _ => None,
    };
    head.map(|h| (h, at))
}

/// Gives every frame its speaker: its source resolved, or the voice of the frame before.
/// The subject pronouns of the sentences between frames are resolved in their turn.
fn resolve(
    people: &mut People,
    mut frames: Vec<Frame>,
    subjects: &[(Place, names::Head)],
) -> Vec<Frame> {
    let mut last: Option<(String, usize)> = None;
    let mut next_subject = 0;
    for f in &mut frames {
        let order = f.order;
        // Pronoun subjects of the sentences before this frame's (a frame resolves its own).
        while let Some((place, head)) = subjects.get(next_subject) {
            if place.sentence >= order {
                break;
            }
            if let Some(name) = people.speaker(head, *place) {
                match head {
                    names::Head::Role { .. } => people.add_body(*place, &name),
                    _ => people.add_resolved(*place, &name),
                }
            }
            next_subject += 1;
        }
        if let Some((head, at)) = &f.source {
            let place = Place {
                sentence: order,
                paragraph: f.paragraph,
                at: *at,
            };
            f.speaker = people.speaker(head, place);
            // The speaker is the most salient person there for the pronouns after it.
            if let Some(name) = &f.speaker {
                if !matches!(head, names::Head::Name(r) if r.organisation) {
                    people.add_resolved(place, name);
                }
            }
        }
        if f.speaker.is_none() && f.follows {
            // The voice of the sentence before: its frame's speaker, else the person it is
            // about ("Reds captain Isileli Fusi was blunt. “We gave away …”"), else the
            // last speaker.
            let recent = last
                .as_ref()
                .filter(|(_, o)| order - o <= 1)
                .map(|(n, _)| n.clone());
            f.speaker = recent
                .or_else(|| order.checked_sub(1).and_then(|o| people.subject_of(o)))
                .or_else(|| last.as_ref().map(|(n, _)| n.clone()));
        }
        if let Some(n) = &f.speaker {
            last = Some((n.clone(), order));
        }
    }
    frames
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(paragraphs: &[&str]) -> Vec<(String, Option<String>, bool)> {
        let r = read(paragraphs);
        r.frames
            .iter()
            .map(|f| {
                let parts: Vec<&str> = f.content.iter().map(|c| r.text(*c)).collect();
                (parts.join(" | "), f.speaker.clone(), f.direct)
            })
            .collect()
    }

    #[test]
    fn long_speaker_phrases_after_the_quote() {
        let got = said(&[
            "Senator Ada Quist opened the hearing.",
            "''This is not reform,'' Senate Majority Leader Tobias Wren, R-Ore., said on Tuesday.",
            "“It is a tax on thrift,” said Rep. Mara Ellison, D-Vt., who chairs the panel.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Tobias Wren"));
        assert_eq!(got[0].0, "This is not reform,");
        assert_eq!(got[1].1.as_deref(), Some("Mara Ellison"));
    }

    #[test]
    fn participles_after_a_preposition_an_aspect_verb_or_a_name() {
        let got = said(&[
            "Councillor Bram Oduya closed the hearing by insisting the depot would stay open.",
            "Deputy warden Lise Achterberg kept repeating that the gates were “never” locked.",
            "The broadcast ended with footage of Oduya declaring, “We are not done here.”",
        ]);
        assert_eq!(got[0].0, "the depot would stay open");
        assert_eq!(got[0].1.as_deref(), Some("Bram Oduya"));
        assert_eq!(got[1].0, "never");
        assert_eq!(got[1].1.as_deref(), Some("Lise Achterberg"));
        assert_eq!(got[2].0, "We are not done here.");
        assert_eq!(got[2].1.as_deref(), Some("Bram Oduya"));
        // After "for" the one who spoke may be the sentence's object: nothing is guessed.
        let got = said(&["Growers mocked Achterberg for claiming the harvest was safe."]);
        assert!(
            got.iter().all(|g| g.1.as_deref() != Some("Growers")),
            "{got:?}"
        );
    }

    #[test]
    fn what_someone_called_a_thing_is_their_words() {
        let got = said(&[
            "Harbour master Kaisa Nurmi dismissed the survey as “a paper exercise” and a “waste of a summer.”",
            "The council condemned the ferry timetable as ‘unworkable’ in its reply.",
            "Residents who say the pier is “falling apart” have written to the board.",
        ]);
        assert_eq!(
            got[..2],
            [
                ("a paper exercise".into(), Some("Kaisa Nurmi".into()), true),
                (
                    "waste of a summer.".into(),
                    Some("Kaisa Nurmi".into()),
                    true
                ),
            ]
        );
        assert_eq!(got[2].0, "unworkable");
        assert_eq!(got[2].1.as_deref(), Some("council"));
        // A verb in "-s" after an adverb, and a verb of being in a headline after a colon.
        let got = said(&[
            "Mayor Juno Palk openly regards the tram plan as a “vanity project,” aides say.",
        ]);
        assert_eq!(got[0].0, "vanity project,");
        assert_eq!(got[0].1.as_deref(), Some("Juno Palk"));
        let got = said(&["Ines Varga: Port Levy Is a ‘Tax on Fishermen’ and Must Go"]);
        assert_eq!(got[0].0, "Tax on Fishermen");
        assert_eq!(got[0].1.as_deref(), Some("Ines Varga"));
        // A plural without "-s" speaks in the base form too.
        let got = said(&["Police say they have “enough officers” for the regatta."]);
        assert_eq!(got[0].0, "enough officers");
        // "As well as" lists things, and a term after a determiner stays a name.
        let got = said(&["The fund covers repairs as well as the “blue route” ferries."]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_short_quotation_after_a_preposition_of_time_is_not_the_cue_s() {
        // Title case makes "Recount" a verb; "after" sets the quotation apart from it.
        let got = said(&["Lakemoor Recount Paused After ‘Missing’ Envelope Turns Up"]);
        assert!(got.is_empty(), "{got:?}");
        let got = said(&["Mayor Ilse Brandt Says Flood Barrier ‘Will Hold’"]);
        assert_eq!(got[0].1.as_deref(), Some("Ilse Brandt"));
    }

    #[test]
    fn a_role_given_in_an_apposition_names_its_holder() {
        let got = said(&[
            "Sergeant Lena Marsh, a coastguard spokeswoman, confirmed the search had ended.",
            "Ferry operator Tom Ruud said the crossing would resume.",
            "The spokeswoman added that divers would return at dawn.",
        ]);
        assert_eq!(got[2].1.as_deref(), Some("Lena Marsh"));
    }

    #[test]
    fn a_headline_colon_names_a_speaker_only_right_before_it() {
        let got = said(&["Smoke over the old mill: ‘The kiln went first and nobody saw it’"]);
        assert_eq!(got[0].1, None);
        let got = said(&["Haugen on the kiln fire: ‘It went first’"]);
        assert_eq!(got[0].1.as_deref(), Some("Haugen"));
    }

    #[test]
    fn plain_reports_in_the_present_and_with_contractions() {
        let got = said(&[
            "Councillor Edda Vik said she’d vote against the levy.",
            "Harbour chief Jon Ask says the new quay gives the town a second ferry berth.",
            "Ask told the Vestby Herald weekly of Oddland on Friday that he backed the plan.",
        ]);
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "she’d vote against the levy",
                "the new quay gives the town a second ferry berth",
                "he backed the plan"
            ]
        );
    }

    #[test]
    fn a_report_after_a_closed_quotation_is_a_sentence_of_its_own() {
        let got = said(&[
            "The mayor condemned “an act of vandalism.” She said she had asked police to patrol the park.",
            "Brekke said the pier would close, but added, “We will reopen it,” promising repairs.",
        ]);
        let reported: Vec<(&str, Option<&str>)> = got
            .iter()
            .filter(|g| !g.2)
            .map(|g| (g.0.as_str(), g.1.as_deref()))
            .collect();
        // (The request inside the first report, "asked police to patrol the park", is a
        // report of its own.)
        assert_eq!(
            reported,
            [
                ("she had asked police to patrol the park", None),
                ("to patrol the park", None),
                ("the pier would close", Some("Brekke")),
            ]
        );
    }

    #[test]
    fn subjects_past_asides_abbreviations_and_relative_clauses() {
        let got = said(&[
            "Ines Moll, in turn, told Radio Vest the ferry was safe.",
            "Lena Ruud, a welder from Brekke, Okla., said the yard had no orders.",
            "Sen. Piet Haug (Nev.) said the bill would pass.",
            "Dock workers who lost their jobs said the yard had misled them.",
            "Some said they had never been paid.",
            "The levy is unfair, said Oda Lind, a lawyer for the growers.",
            "Harbour pilots here now say the channel is too shallow.",
        ]);
        let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Ines Moll"),
                Some("Lena Ruud"),
                Some("Piet Haug"),
                Some("Dock workers"),
                Some("Some"),
                Some("Oda Lind"),
                Some("Harbour pilots"),
            ]
        );
        assert_eq!(got[5].0, "The levy is unfair");
    }

    #[test]
    fn a_cue_word_in_a_name_or_a_noun_after_a_verb_reports_nothing() {
        let got = said(&[
            "The United States sent two frigates to the strait.",
            "The villagers made plans to rebuild the school before winter.",
            "Moll posted a long statement on her party's social media accounts.",
            "Ruud has assumed a newly created role as harbour counsellor.",
            "The trust maintains a programme that trains young pilots in Tromsø.",
            "The clerk signed a payment he knew to be improper.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn positions_and_topics_through_a_preposition() {
        let got = said(&[
            "Fishers' leader Rolf Hegge called for a ban on trawling inside the fjord.",
            "The minister, pointing to the deficit in the harbour fund, defended the levy.",
            "The ferry company did not respond to a request for comment.",
            "Residents abandoned talks of a merger with the next parish.",
            "Rolf Hegge referred to the harbour law that states, “no net shall cross the channel.”",
            "According to port records seen by the Herald, the dredging never took place.",
            "Three states that vote in March have closed their polls early.",
        ]);
        let got: Vec<(&str, Option<&str>)> =
            got.iter().map(|g| (g.0.as_str(), g.1.as_deref())).collect();
        assert_eq!(
            got,
            [
                ("a ban on trawling inside the fjord", Some("Rolf Hegge")),
                ("the deficit in the harbour fund", Some("minister")),
                ("the levy", Some("minister")),
                ("no net shall cross the channel.", Some("law")),
                ("the dredging never took place", Some("port records")),
            ]
        );
    }

    #[test]
    fn positions_taken_and_questions_asked() {
        let got = said(&[
            "The dockers' union endorsed Ilse Brandt for harbour master on Friday.",
            "Radio host Per Ulven asked the mayor about the missing invoices.",
            "Asked at a council meeting whether she would resign, Brandt said no.",
            "The plan is supported by most members.",
        ]);
        let got: Vec<(&str, Option<&str>)> =
            got.iter().map(|g| (g.0.as_str(), g.1.as_deref())).collect();
        assert_eq!(
            got,
            [
                (
                    "Ilse Brandt for harbour master on Friday",
                    Some("dockers' union")
                ),
                ("about the missing invoices", Some("Per Ulven")),
                ("whether she would resign", None),
            ]
        );
        // What someone wants, mentions, announces or demands; not what a town welcomes or
        // troops attack, which are no words.
        let got = said(&[
            "The pilots' union wants a second tug in the harbour.",
            "Councillor Vera Lund demanded a recount on Monday.",
            "The operator announced a winter timetable for the island ferries.",
            "The ferry was wanted by nobody.",
            "The town welcomed 5,000 visitors to the regatta.",
        ]);
        let contents: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            contents,
            [
                "a second tug in the harbour",
                "a recount on Monday",
                "a winter timetable for the island ferries",
            ]
        );
    }

    /// Scrambled sentences of the words every rule looks at, in every order: the reading
    /// must not panic on text no rule was written for (every rule indexes tokens around a
    /// cue).
    #[test]
    fn scrambled_words_never_break_the_reading() {
        const WORDS: &[&str] = &[
            "said",
            "Said",
            "says",
            "told",
            "asked",
            "Asked",
            "about",
            "whether",
            "according",
            "to",
            "his",
            "her",
            "their",
            "Trump’s",
            "calls",
            "for",
            "called",
            "endorsed",
            "supporting",
            "Supporting",
            "the",
            "a",
            "as",
            "and",
            "who",
            "that",
            ",",
            ".",
            ":",
            ";",
            "—",
            "(",
            ")",
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "''",
            "Mr.",
            "Sen.",
            "Ada",
            "Voss",
            "R-Ky.",
            "Mo.,",
            "he",
            "she'll",
            "it",
            "they",
            "were",
            "was",
            "would",
            "on",
            "Tuesday",
            "after",
            "in",
            "contrast",
            "pointing",
            "critique",
            "of",
            "states",
            "United",
            "States",
            "plans",
            "Some",
            "Police",
            "say",
            "—Voss",
            "“We",
            "won,”",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let paragraphs: Vec<String> = (0..1 + next(3))
                .map(|_| {
                    (0..next(24))
                        .map(|_| WORDS[next(WORDS.len())])
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect();
            let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            let reading = read(&refs);
            for f in &reading.frames {
                for c in &f.content {
                    assert!(c.start <= c.end && c.end <= refs[c.paragraph].len());
                }
            }
        }
    }

    #[test]
    fn subjects_with_initials_suffixes_and_asides() {
        let got = said(&[
            "Deputy Mayor Carl T. Brenning Jr. warned on Friday that the dyke would not hold.",
            "Mr. Okafor, now a paid television pundit, has denied that he took the money.",
            "Nils Aune, a harbour pilot, asked the ministry whether the channel was safe.",
            "Brenning and Okafor both said the levy was unfair.",
        ]);
        let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Carl T. Brenning Jr"),
                Some("Okafor"),
                Some("Nils Aune"),
                Some("Okafor")
            ]
        );
    }

    #[test]
    fn say_in_its_base_form_after_any_subject_and_typographic_contractions() {
        let got = said(&[
            "Harbour pilots whose licences were suspended say the dredging never happened.",
            "Aides to Brandt say she is leaving the council.",
            "Aune said the town doesn’t want the new quay.",
        ]);
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the dredging never happened",
                "she is leaving the council",
                "the town doesn’t want the new quay"
            ]
        );
    }

    #[test]
    fn a_body_named_after_a_persons_apposition_is_not_the_speaker() {
        let got = said(&[
            "Lise Amundsen, the director of the coastal authority, KFA, said the beacon had failed.",
            "The ministry of fisheries, which licenses the boats, said the quota would stand.",
        ]);
        let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Lise Amundsen"), Some("ministry of fisheries")]
        );
    }

    #[test]
    fn pronouns_take_the_nearest_compatible_person() {
        let got = said(&[
            "Mrs. Ilse Varga met the engineer Tomas Brandt on Monday.",
            "Brandt said the pumps had failed twice. “We were never told,” she said.",
        ]);
        assert_eq!(got.last().unwrap().1.as_deref(), Some("Ilse Varga"));
        assert_eq!(
            got[0],
            (
                "the pumps had failed twice".into(),
                Some("Tomas Brandt".into()),
                false
            )
        );
    }

    #[test]
    fn a_pronoun_follows_the_person_the_sentences_before_it_go_on_about() {
        let got = said(&[
            "Ferry pilot Arvo Kessel, 52, said the crossing should be ready for winter. He joined the protest, though he has not decided whether to back Lindqvist or councillor Imre Sova.",
            "“Nobody asked the pilots,” he said.",
        ]);
        assert_eq!(got.last().unwrap().1.as_deref(), Some("Arvo Kessel"));
    }

    #[test]
    fn the_source_past_an_age_a_home_town_a_relative_clause_or_a_work() {
        let got = said(&[
            "Petra Lunde, 41, of Kessel Bay, Ore., said the ferry had been late all summer.",
            "Landings fell by a third, according to a survey by the Harbour Users Association.",
            "The board kept the levy, which Mayor Ines Roop had called “theft by another name.”",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Petra Lunde"));
        assert_eq!(got[1].1.as_deref(), Some("Harbour Users Association"));
        assert_eq!(got[2].0, "theft by another name.");
        assert_eq!(got[2].1.as_deref(), Some("Ines Roop"));
    }

    #[test]
    fn bodies_named_with_of_a_head_after_them_and_roles_that_speak_for_someone() {
        let got = said(&[
            "The Ministry of Coastal Works said the sea wall would be finished by June.",
            "Vell River Authority Director and Chief Engineer Dr. Oskar Brun inspected the weir. The authority said the weir was sound.",
            "Pharmacist Oona Brill, 52, told the Courier that the shelves were empty.",
            "A spokeswoman for Governor Ines Halvard said the ferry would run on Sunday.",
            "The Court of Appeals for the Ninth Circuit heard the case and said the levy was lawful.",
        ]);
        let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Ministry of Coastal Works"),
                Some("Vell River Authority"),
                Some("Oona Brill"),
                Some("spokeswoman for Governor Ines Halvard"),
                Some("Court of Appeals"),
            ]
        );
    }

    #[test]
    fn it_follows_the_body_a_sentence_names_by_its_common_noun() {
        let got = said(&[
            "The Tarn Valley Authority owns the dam. The Vessel Owners Federation filed the complaint.",
            "The authority was quick to answer. “The gates were checked in May,” it said.",
        ]);
        assert_eq!(
            got.last().unwrap().1.as_deref(),
            Some("Tarn Valley Authority")
        );
    }

    #[test]
    fn tabloid_verbs_first_names_epithets_and_ages() {
        let got = said(&[
            "Lollipop lady Ottilie Brask has won the Ferndale seat. Her rival, Sven Harrow, came second.",
            "Beaming Ottilie, 71, was at the count. “I always knew,” beamed Ottilie.",
            "Harrow left without a word. “It was rigged,” grumbled the 52-year-old.",
        ]);
        let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Ottilie Brask"), Some("Sven Harrow")],
            "{got:?}"
        );
    }

    #[test]
    fn bodies_with_and_firms_affiliations_roles_named_later_and_apologies() {
        let got = said(&[
            "The Harbour and Canal Workers Federation said the locks were unsafe.",
            "The Ministry of Fisheries and Coastal Affairs said it would review the quotas.",
            "Lena Fisk sold the vase to Brandt & Kohl. “It was a fair price,” she said.",
            "“The glaze is Ming,” Dr Ida Renn, of the Tallis Institute, who dated the vase, said.",
            "Juno Vale, harbour board deputy chair, said the dredging would start in May.",
            "Norland’s fisheries minister has promised to cut the quota, saying the cod were gone.",
            "“We have no choice,” Nora Lind, the fisheries minister, told reporters.",
            "Chief executive Ola Dahl apologised “without reservation” on Monday.",
        ]);
        let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [
                Some("Harbour and Canal Workers Federation"),
                Some("Ministry of Fisheries and Coastal Affairs"),
                Some("Lena Fisk"),
                Some("Ida Renn"),
                Some("Juno Vale"),
                Some("Nora Lind"),
                Some("Nora Lind"),
                Some("Nora Lind"),
                Some("Ola Dahl"),
            ],
            "{got:?}"
        );
        // Someone new ("a spokeswoman") is not the holder a later paragraph names.
        let got = said(&[
            "A port spokeswoman said the cranes were idle.",
            "Mia Holt, the port spokeswoman, joined in June.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("port spokeswoman"));
    }

    #[test]
    fn intent_with_an_object_or_a_time_and_say_before_any_verb_in_s() {
        let got = said(&[
            "Harbour engineers say the swell reaches far past the breakwater.",
            "Mayor Lise Borg expects the contractor to finish by June.",
            "The port authority threatened on Monday to close the ferry ramp.",
            "Councillor Ada Quist vowed to block the levy.",
            "The coastguard asked skippers to stay in port.",
            "Ferry crews, who struck twice last year, say the owners never answered.",
            "Yet many skippers say inspectors still board the boats at night.",
            "Engineers expect the repairs to take weeks, and the coastguard has said no boat may sail.",
            "Mayor Ines Roop, who said the levy would fall, resigned on Friday.",
            "Gov. Ada Brekke, who declared a state of emergency for the county, repeated her warning.",
        ]);
        let contents: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            contents,
            [
                "the swell reaches far past the breakwater",
                "the contractor to finish by June",
                "to close the ferry ramp",
                "to block the levy",
                "to stay in port",
                "the owners never answered",
                "inspectors still board the boats at night",
                "the repairs to take weeks",
                "no boat may sail",
                "the levy would fall",
            ]
        );
        assert_eq!(got[1].1.as_deref(), Some("Lise Borg"));
        assert_eq!(got[6].1.as_deref(), Some("many skippers"));
    }

    #[test]
    fn statistics_emails_and_polls_show_what_they_show() {
        let got = said(&[
            "Port statistics show that landings fell by a third.",
            "A March 2019 email shows the board knew of the cracks.",
            "Her fans show up at every match.",
        ]);
        let contents: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            contents,
            ["landings fell by a third", "the board knew of the cracks"]
        );
    }

    #[test]
    fn a_transcript_quoted_turn_by_turn_speaks_in_each_labelled_voice() {
        let got = said(&[
            "Presenter Ines Korva interviewed harbour master Tomas Lind on Sunday.",
            "Part of the transcript:",
            "“KORVA: Will the ferry run in winter?",
            "“LIND: It will, every day, from the first of December.",
            "“(CROSSTALK.)",
        ]);
        let turns: Vec<(&str, Option<&str>)> =
            got.iter().map(|g| (g.0.as_str(), g.1.as_deref())).collect();
        assert_eq!(
            turns,
            [
                ("Will the ferry run in winter?", Some("Ines Korva")),
                // A part without a label goes on with the turn before.
                (
                    "It will, every day, from the first of December. | (CROSSTALK.)",
                    Some("Tomas Lind")
                ),
            ]
        );
    }

    #[test]
    fn initials_a_party_and_state_and_a_participle_aside_before_the_cue() {
        let got = said(&[
            "“The quay is safe,” said Rep. J.T. Harrow of Maine.",
            "Senator Olive Brandt, Republican of Vermont, said the levy would pass.",
            "Mayor Ada Voss, speaking at the Museum of Sea and Shore on Friday, said the pier would reopen.",
        ]);
        let speakers: Vec<Option<&str>> = got.iter().map(|g| g.1.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("J.T. Harrow"), Some("Olive Brandt"), Some("Ada Voss")]
        );
    }

    #[test]
    fn a_surname_two_genders_share_keeps_each_persons_own() {
        let got = said(&[
            "Mr. Teodor Marsh runs the co-op with his sister, Ms. Alma Marsh.",
            "“We lost the whole crop,” she said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Alma Marsh"));
        // A pronoun that lands on the bare surname takes the full name of its gender.
        let got = said(&[
            "Ms. Alma Marsh runs the co-op with her brother, Mr. Teodor Marsh.",
            "The board met Marsh in May. “We lost the whole crop,” she said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Alma Marsh"));
    }

    #[test]
    fn split_and_continued_quotations_are_one_frame() {
        let got = said(&[
            "“The tunnel held,” the engineer, Petra Lund, said, “until it did not.",
            "“Nobody could have known.”",
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].0,
            "The tunnel held, | until it did not. | Nobody could have known."
        );
        assert_eq!(got[0].1.as_deref(), Some("Petra Lund"));
    }

    #[test]
    fn reported_speech_of_every_shape() {
        let got = said(&[
            "The ministry said in a statement that the ferry would resume on Friday.",
            "Nobody was hurt in the blaze, fire chief Piet Dorn said.",
            "According to the coastguard, six crew members were rescued.",
            "Officials fear the levy will rise again.",
        ]);
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the ferry would resume on Friday",
                "Nobody was hurt in the blaze",
                "six crew members were rescued",
                "the levy will rise again"
            ]
        );
        assert_eq!(got[1].1.as_deref(), Some("Piet Dorn"));
        assert_eq!(got[2].1.as_deref(), Some("coastguard"));
    }

    #[test]
    fn titles_and_scare_quotes_are_not_speech() {
        let got = said(&[
            "The “Harbour Compact” talks resumed, and the so-called “green lane” stayed shut.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn headlines_and_questions_keep_their_speakers() {
        let got = said(&[
            "Orchard Board Chair Wilma Tesch on Frost Damage: ‘We Lost a Season’",
            "“Who will pay for the nets?” grower Jonas Pfeil asked the board.",
        ]);
        assert_eq!(got[0].0, "We Lost a Season");
        assert_eq!(got[0].1.as_deref(), Some("Wilma Tesch"));
        assert_eq!(got[1].0, "Who will pay for the nets?");
        assert_eq!(got[1].1.as_deref(), Some("Jonas Pfeil"));
    }

    #[test]
    fn a_lost_opening_mark_after_a_cue_and_that() {
        let got = said(&[
            "Commissioner Aldo Brix stated at the hearing that the levees would hold through March. We have checked every one.”",
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!(
            got[0].0,
            "the levees would hold through March. We have checked every one."
        );
        assert_eq!(got[0].1.as_deref(), Some("Aldo Brix"));
    }

    #[test]
    fn documents_speak_for_themselves() {
        let got = said(&[
            "The charter has a clause that states that no district may secede without a vote.",
        ]);
        assert_eq!(got[0].0, "no district may secede without a vote");
        let r = read(&["Section 12 of the Water Act, which declares that rivers belong to the public, was cited."]);
        assert_eq!(r.frames[0].speaker.as_deref(), Some("Water Act"));
    }

    #[test]
    fn a_title_keeps_two_people_of_one_surname_apart() {
        let got = said(&[
            "Councillor Maja Ostrander chaired the session.",
            "Mr Ostrander said the vote had been rigged.",
            "Ms Ostrander said the vote would stand.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Ostrander"));
        assert_eq!(got[1].1.as_deref(), Some("Maja Ostrander"));
    }

    #[test]
    fn surnames_and_first_names_tell_gender() {
        let got = said(&[
            "Inspector Bolat Seitkali met the pharmacist Zarina Abenova on Friday.",
            "“The labels were forged,” she said.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Zarina Abenova"));
    }

    #[test]
    fn subjects_past_relative_clauses_and_appositions() {
        let got = said(&[
            "“The dam is sound,” Halvard Oyen, who inspected it in May and signed the report, told the council.",
            "Ruth Amsel, the district's chief engineer and a critic of the plan, said the spillway was too narrow.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Halvard Oyen"));
        assert_eq!(got[1].0, "the spillway was too narrow");
        assert_eq!(got[1].1.as_deref(), Some("Ruth Amsel"));
    }

    #[test]
    fn voices_after_a_dash_and_adverbs_before_the_cue() {
        let got = said(&[
            "“The ferry is our only road to the mainland.” ― Oona Falk, 61, a retired teacher",
            "Separately, the harbour board predicted that fares would double by spring.",
            "Skipper Leif Moen pointedly warned that the new timetable ignored the tides.",
        ]);
        assert_eq!(got[0].1.as_deref(), Some("Oona Falk"));
        assert_eq!(got[1].1.as_deref(), Some("harbour board"));
        assert_eq!(got[2].0, "the new timetable ignored the tides");
        assert_eq!(got[2].1.as_deref(), Some("Leif Moen"));
    }
}
