//! What outlets call one person: the office or post before or beside the name and the
//! party, compared across outlets ("Infrastructure Minister Joel Tuilagi-Marsh" / "The
//! health minister, Joel Tuilagi-Marsh"; "Deputy Opposition Leader Sina Faleafa" /
//! "Opposition leader Sina Faleafa"; "State Sen. Walter Brandvold" / "U.S. Sen. Walter
//! Brandvold"; "Gov. Patrick Szalai, a Republican" / "The Democratic governor, Patrick
//! Szalai").
//!
//! ## What it handles
//! A title printed with the name (the words the name reading took off it), a role set off
//! before it ("The health minister, Joel Tuilagi-Marsh") or after it (", the university's
//! head rowing coach,"), and a party: "Republican", "Democrat(ic)", "independent", the
//! American tags "(D)", "R-Ore.", and any party named with the word ("the nationalist
//! Motherland Party"). Two outlets contradict each other on one person when
//! they give one post (the same head word: minister, leader, senator, coach) with a
//! different rank ("deputy", "assistant", "acting", "vice", "head") or with portfolios
//! that share no word ("infrastructure" / "health"; "state" / "U.S."), or two parties.
//!
//! ## What it does not
//! Compare different posts ("spokesman" / "customs chief": people hold several), ranks
//! in time ("former" is left out: an outlet may write after a resignation), a post told
//! after the name as what someone is to become (", to serve as acting prime minister"),
//! or parties other than those named above (a party is compared only where both outlets
//! print one of them).

use std::collections::BTreeMap;

use parallax_model::{Fact, FactValue};

use crate::entities::{NameMention, TITLES};

/// Words that put a post below the post itself ("deputy minister", "assistant coach"): an
/// outlet that gives one and another that gives another, or none, disagree.
const LOWER_RANKS: &[&str] = &[
    "deputy",
    "assistant",
    "vice",
    "acting",
    "interim",
    "associate",
    "junior",
];

/// Words that put a post at the top of its kind ("head coach", "chief executive"): often
/// left out, so they disagree only with another such word.
const TOP_RANKS: &[&str] = &["head", "chief", "senior", "principal", "lead"];

/// Most words of a role set off before a name ("The health minister, Joel …").
const SET_OFF_WORDS: usize = 6;

/// Words that open a role set off before a name.
const ROLE_OPENERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Titles printed short, with the post they stand for.
const SHORT_TITLES: &[(&str, &str)] = &[
    ("sen", "senator"),
    ("rep", "representative"),
    ("gov", "governor"),
    ("lt", "lieutenant"),
    ("gen", "general"),
    ("supt", "superintendent"),
];

/// Words in a role phrase that say nothing about the post.
const NOT_PORTFOLIO: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "former",
    "new",
    "then",
    "current",
    "longtime",
    "veteran",
    "embattled",
    "of",
    "for",
    "and",
];

/// A post as compared: its head word ("minister"), its rank words and its other words.
type Post = (String, Vec<String>, Vec<String>);

/// What one article calls one person.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Description {
    /// The person, as the name reading gives them (titles off).
    person: String,
    /// The post's head word ("minister"), its rank words and its other words.
    post: Option<Post>,
    /// The party, normalised ("Republican", "Democratic", "independent").
    party: Option<String>,
    /// The sentence that says it: exact characters of the article.
    evidence: String,
}

/// The descriptions an article's `sentence` gives the people it prints there (`printed`:
/// where each stands, of the article's `names`).
pub(crate) fn descriptions(
    sentence: &str,
    printed: &[(usize, &NameMention)],
    names: &[NameMention],
) -> Vec<Description> {
    let mut out = Vec::new();
    for &(at, n) in printed.iter().filter(|(_, n)| n.name.contains(' ')) {
        let printed_title = n.text.strip_suffix(n.name.as_str()).unwrap_or("");
        let before = sentence[..at].trim_end();
        let set_off_before = before
            .strip_suffix(',')
            .map(|b| b.rsplit([',', ';', ':']).next().unwrap_or(b).trim())
            .filter(|b| {
                let words: Vec<&str> = b.split_whitespace().collect();
                words.len() <= SET_OFF_WORDS
                    && words
                        .first()
                        .is_some_and(|w| ROLE_OPENERS.contains(&w.to_lowercase().as_str()))
            });
        let after = &sentence[at + n.text.len()..];
        let set_off_after = after
            .strip_prefix(", ")
            .map(|a| a.split([',', ';', '.']).next().unwrap_or(""));
        let phrases = [
            Some(printed_title.to_string()),
            Some(lead(before)),
            set_off_before.map(str::to_string),
            set_off_after.map(str::to_string),
        ];
        // A phrase after the name names a post where it opens as one (", the mayor,", ",
        // head of the party,"), not where it goes on with the sentence (", to serve as
        // acting prime minister").
        let post = (phrases[..3].iter().flatten())
            .chain(phrases[3].as_ref().filter(|p| opens_role(p)))
            .find_map(|p| post_of(p, names));
        let party = party_of(&phrases, after);
        if post.is_some() || party.is_some() {
            out.push(Description {
                person: n.name.clone(),
                post,
                party,
                evidence: crate::details::cited(sentence, (at, at + n.text.len())),
            });
        }
    }
    out
}

/// Whether a phrase opens as a role does: with "the", "a", "its" and the like, a title
/// or a rank ("head of", "leader of").
fn opens_role(phrase: &str) -> bool {
    phrase.split_whitespace().next().is_some_and(|w| {
        let w = w.to_lowercase();
        ROLE_OPENERS.contains(&w.as_str())
            || TOP_RANKS.contains(&w.as_str())
            || LOWER_RANKS.contains(&w.as_str())
            || TITLES.iter().any(|t| t.eq_ignore_ascii_case(&w))
    })
}

/// Most words a role printed right before a name runs to.
const LEAD_WORDS: usize = 4;

/// The words right before a name that may be its role ("… said Selby Cove Mayor", "… that
/// federation president"): back to the first punctuation, function word, quote mark or
/// word in -ed, at most [`LEAD_WORDS`].
fn lead(before: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in before.split_whitespace().rev().take(LEAD_WORDS) {
        let ends = w.ends_with(|c: char| !c.is_alphanumeric() && c != '.');
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // A verb ends it too: "the board has suspended president …"; and a word in lower
        // case before one in capitals: "though Judge …", "allows Interior Secretary …".
        let verb = bare.ends_with("ed");
        let capitals_before = words.iter().any(|x| x.starts_with(char::is_uppercase));
        let case_changes = capitals_before && w.starts_with(char::is_lowercase);
        if ends
            || verb
            || case_changes
            || bare.is_empty()
            || parallax_text::FUNCTION_WORDS.contains(&bare.as_str())
        {
            break;
        }
        words.push(w);
    }
    words.reverse();
    words.join(" ")
}

/// The post a role phrase names: its last title word, the ranks before it and its other
/// words ("Deputy Opposition Leader" → leader, [deputy], [opposition]). Whose post it is
/// says nothing of which post: a possessive ("the company's", "SGT's") and any word of a
/// name the article prints ("Zuri Telecom chief executive") are left out.
fn post_of(phrase: &str, names: &[NameMention]) -> Option<Post> {
    let owner = |w: &str| {
        w.ends_with("’s")
            || w.ends_with("'s")
            || names.iter().any(|n| {
                n.name
                    .split_whitespace()
                    .any(|x| x == w.trim_end_matches(['.', ',']))
            })
    };
    // Several posts ("president and chief executive") are not one to compare.
    if phrase.split_whitespace().any(|w| w == "and" || w == "&") {
        return None;
    }
    let words: Vec<String> = phrase
        .split_whitespace()
        .filter(|w| !owner(w))
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
            let bare = w.trim_end_matches('.').to_lowercase();
            SHORT_TITLES
                .iter()
                .find(|(s, _)| *s == bare)
                .map_or(bare, |(_, full)| full.to_string())
        })
        .collect();
    let rank = |w: &str| LOWER_RANKS.contains(&w) || TOP_RANKS.contains(&w);
    let head_at = words
        .iter()
        .rposition(|w| TITLES.iter().any(|t| t.eq_ignore_ascii_case(w)) && !rank(w))?;
    let (mut ranks, mut other) = (Vec::new(), Vec::new());
    let title = |w: &str| TITLES.iter().any(|t| t.eq_ignore_ascii_case(w));
    for w in &words[..head_at] {
        if title(w) && !rank(w) {
            // Two posts in one phrase ("director … vice president").
            return None;
        }
        if rank(w) {
            ranks.push(w.clone());
        } else if !NOT_PORTFOLIO.contains(&w.as_str())
            && w.chars().all(|c| c.is_alphabetic() || c == '.')
        {
            other.push(w.clone());
        }
    }
    ranks.sort();
    Some((words[head_at].clone(), ranks, other))
}

/// The party in a person's role phrases, or in an American tag right after the name
/// ("(D)", "(R-Harlow Springs)", ", R-Ore.,").
fn party_of(phrases: &[Option<String>], after: &str) -> Option<String> {
    let tag = after
        .trim_start_matches([',', ' ', '('])
        .split([')', ',', ' '])
        .next()
        .unwrap_or("");
    let from_tag = match tag.split('-').next() {
        Some("R") => Some("Republican"),
        Some("D") => Some("Democratic"),
        Some("I") => Some("independent"),
        _ => None,
    };
    let named = phrases.iter().flatten().find_map(|p| {
        p.split(|c: char| !c.is_alphabetic()).find_map(|w| match w {
            "Republican" | "Republicans" | "GOP" => Some("Republican"),
            "Democratic" | "Democrat" | "Democrats" => Some("Democratic"),
            "independent" | "Independent" => Some("independent"),
            _ => None,
        })
    });
    named
        .or(from_tag)
        .map(str::to_string)
        .or_else(|| phrases.iter().flatten().find_map(|p| party_named(p)))
}

/// A party named with the word "Party" ("the nationalist Motherland Party", "of the Green
/// Party"): its capitalised words before it ("Motherland", "Green").
fn party_named(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let at = words.iter().position(|w| *w == "Party")?;
    let name: Vec<&str> = words[..at]
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .copied()
        .collect();
    (!name.is_empty()).then(|| name.into_iter().rev().collect::<Vec<_>>().join(" "))
}

/// Whether two posts of one person disagree: one head word, and lower ranks that differ
/// (one "deputy", the other not), top ranks that both give and differ, or portfolios that
/// both give and share no word (one word a prefix of the other counts as shared: "health"
/// / "healthcare").
fn posts_differ(a: &Post, b: &Post) -> bool {
    if a.0 != b.0 {
        return false;
    }
    let of = |ranks: &[String], set: &[&str]| -> Vec<String> {
        ranks
            .iter()
            .filter(|r| set.contains(&r.as_str()))
            .cloned()
            .collect()
    };
    let lower = of(&a.1, LOWER_RANKS) != of(&b.1, LOWER_RANKS);
    let (top_a, top_b) = (of(&a.1, TOP_RANKS), of(&b.1, TOP_RANKS));
    let top = !top_a.is_empty() && !top_b.is_empty() && top_a != top_b;
    let shared = a.2.iter().any(|x| {
        b.2.iter()
            .any(|y| x.starts_with(y.as_str()) || y.starts_with(x.as_str()))
    });
    lower || top || !a.2.is_empty() && !b.2.is_empty() && !shared
}

/// The people outlets describe differently: a `contradicted` fact per person and kind
/// (post, party), each side's articles with their sentences. `articles` holds each
/// article's id and descriptions; people across spellings are one
/// ([`parallax_text::same_name`]).
pub(crate) fn described_differently(articles: &[(String, Vec<Description>)]) -> Vec<Fact> {
    let mut people: Vec<(String, Vec<(&str, &Description)>)> = Vec::new();
    for (id, ds) in articles {
        for d in ds {
            match people
                .iter_mut()
                .find(|(p, _)| parallax_text::same_name(p, &d.person))
            {
                Some((_, list)) => list.push((id.as_str(), d)),
                None => people.push((d.person.clone(), vec![(id.as_str(), d)])),
            }
        }
    }
    let mut out = Vec::new();
    for (person, said) in &people {
        let parties: Vec<(&str, &Description, String)> = (said.iter())
            .filter_map(|(a, d)| Some((*a, *d, d.party.clone()?)))
            .collect();
        out.extend(sides(
            person,
            "party",
            &parties,
            |x, y| x == y,
            |x| x.clone(),
        ));
        let posts: Vec<(&str, &Description, Post)> = (said.iter())
            .filter_map(|(a, d)| Some((*a, *d, d.post.clone()?)))
            .collect();
        let show = |(head, ranks, other): &Post| {
            ranks
                .iter()
                .chain(other)
                .chain([head])
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        };
        out.extend(sides(
            person,
            "post",
            &posts,
            |x, y| !posts_differ(x, y),
            show,
        ));
    }
    out
}

/// One fact from one person's descriptions of one kind, when two articles' values do not
/// `fit`: the values in groups that fit, one sentence per article.
fn sides<T: Clone>(
    person: &str,
    kind: &str,
    found: &[(&str, &Description, T)],
    fit: impl Fn(&T, &T) -> bool,
    show: impl Fn(&T) -> String,
) -> Option<Fact> {
    let mut groups: Vec<(T, BTreeMap<String, String>)> = Vec::new();
    for (a, d, v) in found {
        // An article that describes one person two ways is read as saying both.
        if found.iter().any(|(b, _, w)| b == a && !fit(v, w)) {
            return None;
        }
        match groups.iter_mut().find(|(g, _)| fit(g, v)) {
            Some((_, ev)) => {
                ev.entry(a.to_string())
                    .or_insert_with(|| d.evidence.clone());
            }
            None => groups.push((
                v.clone(),
                BTreeMap::from([(a.to_string(), d.evidence.clone())]),
            )),
        }
    }
    if groups.len() < 2 {
        return None;
    }
    Some(Fact {
        id: String::new(),
        topic: format!("the {kind} of {person}"),
        status: "contradicted".into(),
        values: groups
            .into_iter()
            .map(|(v, articles)| {
                let value = show(&v);
                FactValue {
                    normalized: serde_json::json!(value),
                    value,
                    articles,
                }
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article_names;

    fn story(texts: &[(&str, &str)]) -> Vec<Fact> {
        let read: Vec<(String, Vec<Description>)> = texts
            .iter()
            .map(|(id, text)| {
                let names = article_names(&[text]);
                let found = parallax_text::sentences(text)
                    .flat_map(|s| descriptions(s, &crate::details::printed_in(s, &names), &names))
                    .collect();
                (id.to_string(), found)
            })
            .collect();
        described_differently(&read)
    }

    #[test]
    fn a_party_named_with_the_word_and_a_post_to_come() {
        let found = story(&[
            (
                "a",
                "Marit Engvall, leader of the opposition Farmers' Union Party, spoke.",
            ),
            (
                "b",
                "Marit Engvall, head of the breakaway Coastal Party, spoke first.",
            ),
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        // What someone is asked to become is not what they are.
        let found = story(&[
            (
                "a",
                "He asked the deputy speaker, Tove Rask, to serve as acting speaker until May.",
            ),
            ("b", "The deputy speaker, Tove Rask, will stand in."),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn one_person_given_two_posts_or_two_parties_is_a_contradiction() {
        let found = story(&[
            (
                "a",
                "Transport Minister Halvard Ostby said the ferry would sail.",
            ),
            (
                "b",
                "The fisheries minister, Halvard Ostby, said the ferry would sail.",
            ),
            ("c", "Deputy Mayor Ines Calloway opened the bridge."),
            ("d", "Mayor Ines Calloway opened the bridge on Monday."),
            ("e", "Sen. Dana Whitlock, R-Mont., voted against the bill."),
            ("f", "Democratic Sen. Dana Whitlock voted against the bill."),
        ]);
        let topics: Vec<&str> = found.iter().map(|f| f.topic.as_str()).collect();
        assert_eq!(
            topics,
            [
                "the post of Halvard Ostby",
                "the post of Ines Calloway",
                "the party of Dana Whitlock"
            ],
            "{found:?}"
        );
        let evidence = &found[0].values[1].articles["b"];
        assert!(evidence.contains("fisheries minister"), "{evidence}");
    }

    #[test]
    fn a_post_printed_shorter_or_with_its_employer_is_the_same_post() {
        let found = story(&[
            ("a", "Head coach Ruben Tarr quit on Sunday."),
            ("b", "The club said coach Ruben Tarr quit."),
            ("c", "Kelso Telecom chief executive Ada Kimani apologised."),
            (
                "d",
                "The company's chief executive, Ada Kimani, apologised.",
            ),
            ("e", "Its president and chief executive, Ada Kimani, spoke."),
            ("f", "The board has suspended president Omar Teller."),
            (
                "g",
                "Federation president Omar Teller failed to disclose it.",
            ),
        ]);
        assert!(found.is_empty(), "{found:?}");
    }
}
