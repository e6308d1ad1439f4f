//! Names and the phrases that name a source: runs of capitalised words with their titles,
//! and the head of a noun phrase before or after a cue.
//!
//! ## What it handles
//! A name is a run of capitalised words (with "von", "de", "al" and the like between them,
//! and initials), outside quotations. Titles and role words at its front are taken off and
//! kept ("Senate Majority Leader Mitch McConnell" is Mitch McConnell, a leader and a
//! senator; "Mrs. Clinton" is Clinton, a woman). A run with an organisation word
//! ("Clinton Foundation", "Washington Post") or in capitals ("FBI") is an organisation.
//! The head of a source phrase is its last person's name ("Trump lawyer Marc Kasowitz"),
//! past an apposition set off by commas ("Donna Brazile, the interim party chair,"), a
//! party tag ("Mitch McConnell, R-Ky.,") or an age; else a pronoun; else the role or body
//! it names ("a Clinton spokesman", "the ministry").
//!
//! ## What it does not
//! Tell a person from a place by their names alone ("Jordan said"): a one-word run that is
//! the subject of a cue is taken for a speaker.

use crate::lexicon::{self, Gender, PronounKind};
use crate::sentences::is_party_tag;
use crate::tokens::{Token, TokenKind};

/// Small words that join the parts of one name.
const CONNECTORS: &[&str] = &[
    "von", "van", "der", "de", "da", "di", "du", "del", "la", "le", "al", "bin", "ibn", "el",
    "dos", "das", "ter", "den",
];

/// A run of capitalised words naming one person, organisation or place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameRun {
    /// The name's first and past-the-last token (titles left out).
    pub first: usize,
    /// Past the name's last token.
    pub last: usize,
    /// Where the run with its titles starts.
    pub with_titles: usize,
    /// The name as printed, possessive taken off.
    pub text: String,
    /// Titles and role words before it, lower case, full stops taken off.
    pub titles: Vec<String>,
    /// Gender its titles carry.
    pub gender: Option<Gender>,
    /// An organisation rather than a person.
    pub organisation: bool,
    /// Printed as a possessive ("Trump's").
    pub possessive: bool,
    /// Printed before a role noun in lower case ("Sporting Vell president Osvaldo Brenn",
    /// "a Varga aide"): it says whose someone is, and is no one a pronoun stands for.
    pub modifier: bool,
    /// A place, by the list of places or the preposition before it ("in Almaty").
    pub place: bool,
}

impl NameRun {
    /// The same run with its token positions counted from `by` tokens earlier: a run read
    /// in a slice of the sentence, placed in the whole sentence.
    pub(crate) fn shifted(mut self, by: usize) -> NameRun {
        self.first += by;
        self.last += by;
        self.with_titles += by;
        self
    }
}

/// The name runs among `tokens` (one sentence's), outside quotations.
pub fn name_runs(p: &str, tokens: &[Token]) -> Vec<NameRun> {
    runs(p, tokens, false)
}

/// The name runs among `tokens` (one sentence's), those inside quotations too (each run
/// wholly inside or wholly outside): the names a text prints, whoever prints them.
pub fn all_name_runs(p: &str, tokens: &[Token]) -> Vec<NameRun> {
    runs(p, tokens, true)
}

fn runs(p: &str, tokens: &[Token], quoted_too: bool) -> Vec<NameRun> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        if !tokens[k].capitalised(p) || (tokens[k].quoted && !quoted_too) {
            k += 1;
            continue;
        }
        let start = k;
        let mut end = k + 1;
        while end < tokens.len() {
            let t = &tokens[end];
            // "Steel and Metal Workers' Union": a plural possessive inside a body's name.
            let held = tokens[end - 1].possessive(p) && !plural_possessive_in_body(p, tokens, end);
            if let Some(after) = nickname_end(p, tokens, start, end) {
                end = after;
                continue;
            }
            if t.quoted != tokens[start].quoted || t.kind != TokenKind::Word || held {
                break;
            }
            let word = t.text(p);
            // "Minister of Healthcare", "Ministry of Ocean Affairs", "University of Tartu".
            // "Institute for Atmospheric Chemistry", "Centre for Coastal Studies".
            let title_of = (word == "of" || word == "for")
                && (title_word(tokens[end - 1].text(p)).is_some() && word == "of"
                    || lexicon::organisation_word(tokens[end - 1].text(p)));
            // "von der Leyen": connectors, one or two, before a capitalised word.
            let next_capitalised = |k: usize| tokens.get(k).is_some_and(|n| n.capitalised(p));
            let next_connector = tokens
                .get(end + 1)
                .is_some_and(|n| CONNECTORS.contains(&n.text(p)));
            let joins = (CONNECTORS.contains(&word)
                && (next_capitalised(end + 1) || next_connector && next_capitalised(end + 2)))
                || article_joined(word)
                || (title_of && next_capitalised(end + 1))
                || (word == "and" && and_in_body_name(p, tokens, end));
            // A headline's capitalised verb of saying ends the name: "Bill Clinton Calls
            // Obamacare a ‘Crazy System’".
            let cue = lexicon::cue(&word.to_lowercase()).is_some_and(|(c, _)| !c.base);
            if !(t.capitalised(p) || joins) || cue || lexicon::weekday(word) {
                break;
            }
            end += 1;
        }
        if let Some(mut run) = read_run(p, tokens, start, end) {
            if let Some((role, gender)) = apposition_role(p, tokens, end) {
                run.gender = run.gender.or(gender);
                if !run.organisation && !run.titles.contains(&role) {
                    run.titles.push(role);
                }
            }
            out.push(run);
        }
        k = end;
    }
    out
}

/// Where a nickname in quotation marks inside a name ends: one or two capitalised quoted
/// words at `k`, with the name going on unquoted after them (Terry "Tank" Boswell). The
/// token after the nickname, or None.
fn nickname_end(p: &str, tokens: &[Token], start: usize, k: usize) -> Option<usize> {
    let word = |t: &Token, quoted: bool| {
        t.kind == TokenKind::Word && t.quoted == quoted && t.capitalised(p)
    };
    if tokens[start].quoted || !word(&tokens[k], true) {
        return None;
    }
    let after = (k + 1..tokens.len().min(k + 3)).find(|&j| !tokens[j].quoted)?;
    (tokens[k..after].iter().all(|t| word(t, true)) && word(&tokens[after], false)).then_some(after)
}

/// Whether a word is an Arabic article or a patronymic particle joined to a name by a
/// hyphen ("al-Rahim", "el-Sayed", "bin-Talal", "ould-Abdallah"): inside a name, as a
/// capitalised word is ("Abd al-Rahim Nasser").
fn article_joined(word: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "al", "el", "ad", "ar", "as", "an", "at", "ash", "az", "bin", "ibn", "abu", "ould",
    ];
    word.split_once('-').is_some_and(|(lead, rest)| {
        PARTICLES.contains(&lead) && rest.starts_with(char::is_uppercase)
    })
}

/// Whether the plural possessive before token `k` ("Workers'", "Midwives’", "Children's")
/// is inside a body's name that a capitalised organisation word goes on to close ("… Workers' Union",
/// "… Midwives’ Association"), not a possessive before a name ("the Brandts’ Ferry").
fn plural_possessive_in_body(p: &str, tokens: &[Token], k: usize) -> bool {
    let before = tokens[k - 1].text(p);
    let t = &tokens[k];
    // "Workers'", and the plurals not in -s: "Children's", "Women's", "People's".
    let irregular = ["children", "women", "men", "people"]
        .contains(&tokens[k - 1].stem(p).to_lowercase().as_str());
    (before.ends_with("s'") || before.ends_with("s’") || irregular)
        && t.capitalised(p)
        && lexicon::organisation_word(t.text(p))
}

/// Whether "and" at token `k` joins the capitalised words around it into one body's name:
/// the words after it name the body ("The Maritime and Allied Workers Union"), or those
/// before are a body "of" something and the words after it name nothing by themselves
/// ("Ministry of Information and Communication Technology"). "Smith and Jones", "the
/// Justice Department and Homeland Security" are two names.
pub(crate) fn and_in_body_name(p: &str, tokens: &[Token], k: usize) -> bool {
    let name_word = |t: &&Token| {
        t.kind == TokenKind::Word && !t.quoted && (t.capitalised(p) || t.text(p) == "of")
    };
    let after: Vec<&str> = tokens[k + 1..]
        .iter()
        .take_while(|t| t.kind == TokenKind::Word && !t.quoted && t.capitalised(p))
        .map(|t| t.text(p))
        .collect();
    let mut before: Vec<&str> = tokens[..k]
        .iter()
        .rev()
        .take_while(name_word)
        .map(|t| t.text(p))
        .collect();
    before.reverse();
    let body = |ws: &[&str]| ws.iter().any(|w| lexicon::organisation_word(w));
    // "Maja Lind and Orlen Foods": a person named before it is no part of a body's name.
    let person_before =
        before.first().is_some_and(|w| lexicon::known_first_name(w)) && !body(&before);
    k > 0
        && !person_before
        && tokens[k - 1].capitalised(p)
        && !after.is_empty()
        && (after.last().is_some_and(|w| lexicon::organisation_word(w))
            || (before.contains(&"of") && body(&before) && !body(&after)))
}

/// The role an apposition gives the name before it: "Grace Tamapua, a police
/// spokeswoman," holds "spokeswoman", "Ilse Brandt, the port's harbour master," "master".
/// Only a phrase of a few words that ends in a role word at a comma, a cue or the
/// sentence's end, or whose role word goes on with "of", "at" or "for" ("Eva Holm, the
/// coach of the juniors,"); "Brandt, a former nurse who …" is no role.
fn apposition_role(p: &str, tokens: &[Token], end: usize) -> Option<(String, Option<Gender>)> {
    if !tokens.get(end)?.is(',') {
        return None;
    }
    let first = tokens.get(end + 1)?;
    let lead = first.text(p).to_lowercase();
    if !(matches!(
        lead.as_str(),
        "a" | "an" | "the" | "his" | "her" | "its" | "their"
    ) || first.possessive(p))
    {
        return None;
    }
    let stop = (end + 2..tokens.len().min(end + 8))
        .find(|&i| tokens[i].kind != TokenKind::Word || tokens[i].quoted)
        .unwrap_or(tokens.len().min(end + 8));
    let closes = tokens
        .get(stop)
        .is_none_or(|t| t.is(',') || t.is('.') || t.is(';'));
    // The role ends the phrase, or goes on with what it is of ("the coach of the
    // juniors", "its chief at the port").
    let held = (end + 2..stop)
        .find(|&k| k + 1 == stop || matches!(tokens[k + 1].text(p), "of" | "at" | "for"))?;
    let word = tokens[held].text(p).to_lowercase();
    let gender = lexicon::person_role(&word)?;
    (closes && stop > end + 2).then_some((word, gender))
}

/// Splits a capitalised run into its titles and its name.
fn read_run(p: &str, tokens: &[Token], start: usize, end: usize) -> Option<NameRun> {
    let mut first = start;
    let mut titles = Vec::new();
    let mut gender = None;
    while first < end {
        let w = tokens[first].text(p);
        let last_word = first + 1 == end;
        let function_word = parallax_text::FUNCTION_WORDS.contains(&w.to_lowercase().as_str());
        if let Some(g) = title_word(w).filter(|_| !last_word) {
            titles.push(w.trim_end_matches('.').to_lowercase());
            gender = gender.or(g);
        } else if w == "of" && first + 2 < end {
            // "Minister of Healthcare Aygerim Tuleubaeva": the portfolio goes with the title.
            first += 1;
        } else if lexicon::not_a_name(w) || function_word {
        } else {
            break;
        }
        first += 1;
    }
    if first >= end || (end - start == 1 && title_word(tokens[start].text(p)).is_some()) {
        return None;
    }
    // "Ostrander Memorial Hospital President and Chief Executive …": a body's name with the
    // title of its head after it names the body.
    let mut end = end;
    if end - first >= 2
        && lexicon::person_role(tokens[end - 1].text(p)).is_some()
        && (first..end - 1).any(|k| lexicon::organisation_word(tokens[k].text(p)))
    {
        titles.push(tokens[end - 1].text(p).trim_end_matches('.').to_lowercase());
        end -= 1;
    }
    let name_first = name_start(p, tokens, (start, first, end), &mut titles, &mut gender);
    let first = name_first;
    let words: Vec<&str> = (first..end).map(|k| tokens[k].text(p)).collect();
    let possessive = tokens[end - 1].possessive(p);
    let modifier = tokens.get(end).is_some_and(|t| {
        t.kind == TokenKind::Word && !t.capitalised(p) && lexicon::person_role(t.text(p)).is_some()
    });
    let last_text = tokens[end - 1].stem(p);
    let text = if end - first == 1 {
        last_text.to_string()
    } else {
        p[tokens[first].start..tokens[end - 1].start].to_string() + last_text
    };
    // "Grau & Sohn": an ampersand joins the names of a firm.
    let organisation = words.iter().any(|w| lexicon::organisation_word(w))
        || (words.len() > 1 && lexicon::named_thing(words[words.len() - 1]))
        || (words.len() == 1 && is_acronym(last_text))
        || text.contains(" & ");
    gender = gender
        .or_else(|| lexicon::first_name_gender(words[0]).filter(|_| words.len() > 1))
        .or_else(|| lexicon::surname_gender(last_text));
    titles.extend(roles_before(p, tokens, start, end));
    // "PORT KESSBY, March 3 (NWA) —": a dateline's town, in capitals, opens a sentence.
    let dateline = start == 0
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !text.chars().any(char::is_lowercase)
        && tokens.get(end).is_some_and(|t| t.is(',') || t.is('—'));
    let place = lexicon::place(&text)
        || dateline
        || (start > 0
            && titles.is_empty()
            && lexicon::place_preposition(tokens[start - 1].text(p)));
    Some(NameRun {
        first,
        last: end,
        with_titles: start,
        text,
        titles,
        gender,
        organisation,
        possessive,
        modifier,
        place,
    })
}

/// Where the name of the run `start..end` begins, past the words before it that say what
/// someone is or does (from `first`, past the titles already read), each noted as a title.
/// A run that still holds a title or role word further in is a modifier and a name ("Trump
/// Campaign Manager Kellyanne Conway", "Auditor-General Dr Mereana Koloi"): the name is what
/// follows the last such word. A known first name with a surname after it starts the name
/// too ("Grandmaster Eleanor Pryce-Whitfield").
fn name_start(
    p: &str,
    tokens: &[Token],
    (start, first, end): (usize, usize, usize),
    titles: &mut Vec<String>,
    gender: &mut Option<Gender>,
) -> usize {
    let mut name_first = first;
    // "Pensioner Doreen Clegg", "Rector Maja Lindqvist": a sentence opening with a noun of
    // what someone does before a full name.
    let opens_sentence = start == 0 || tokens[start - 1].kind != TokenKind::Word;
    if opens_sentence
        && end - first >= 3
        && !lexicon::known_first_name(tokens[first].text(p))
        && lexicon::agent_noun(tokens[first].text(p))
        && !(first..end).any(|k| lexicon::organisation_word(tokens[k].text(p)))
    {
        titles.push(tokens[first].text(p).to_lowercase());
        name_first = first + 1;
    }
    // "Battling Bernie, 67,": a participle as an epithet before a first name (a known one,
    // or the one word left). Names in "-ing" ("Irving") are known first names.
    let lead = tokens[first].text(p);
    if opens_sentence
        && end - first >= 2
        && lead.len() >= 6
        && lead.ends_with("ing")
        && !lexicon::known_first_name(lead)
        && (end - first == 2 || lexicon::known_first_name(tokens[first + 1].text(p)))
    {
        name_first = first + 1;
    }
    // "Warehouse and Transport Union", "Police Federation": a body's name keeps the words
    // inside it that could be titles elsewhere.
    if lexicon::organisation_word(tokens[end - 1].text(p)) {
        return name_first;
    }
    for (k, token) in tokens
        .iter()
        .enumerate()
        .take(end.saturating_sub(1))
        .skip(first)
    {
        let w = token.text(p);
        if let Some(g) = title_word(w).filter(|_| !lexicon::organisation_word(w)) {
            name_first = k + 1;
            titles.push(w.trim_end_matches('.').to_lowercase());
            *gender = gender.or(g);
        } else if k > name_first
            && lexicon::known_first_name(w)
            && k + 1 < end
            && !lexicon::given_name_lead(tokens[k - 1].text(p))
            && !lexicon::known_first_name(tokens[k - 1].text(p))
        {
            name_first = k;
        }
    }
    name_first
}

/// Role words printed before a name in lower case: "transport minister Anna Lindqvist",
/// and, set off by commas on both sides, "The minister of transport, Anna Lindqvist," or
/// "the port authority's chief executive, Sigrid Talvik,".
fn roles_before(p: &str, tokens: &[Token], start: usize, end: usize) -> Vec<String> {
    let role = |k: usize| {
        let w = tokens[k].text(p).to_lowercase();
        (tokens[k].kind == TokenKind::Word && lexicon::person_role(&w).is_some()).then_some(w)
    };
    let mut out = Vec::new();
    let mut k = start;
    while k > 0
        && start - k < 4
        && tokens[k - 1].kind == TokenKind::Word
        && !tokens[k - 1].capitalised(p)
    {
        k -= 1;
        out.extend(role(k));
    }
    let set_off =
        start > 1 && tokens[start - 1].is(',') && tokens.get(end).is_some_and(|t| t.is(','));
    if out.is_empty() && set_off {
        let mut k = start - 1;
        while k > 0 && start - k < 8 && tokens[k - 1].kind == TokenKind::Word {
            k -= 1;
            out.extend(role(k));
        }
    }
    out
}

/// A title or role word, each part of a hyphenated one too ("Auditor-General"), with the
/// gender it carries.
fn title_word(w: &str) -> Option<Option<Gender>> {
    let one = |x: &str| lexicon::title(x).or_else(|| lexicon::person_role(x));
    one(w).or_else(|| {
        let parts: Vec<&str> = w.split('-').collect();
        (parts.len() > 1 && parts.iter().all(|x| one(x).is_some())).then_some(None)
    })
}

/// All capitals, two letters or more: "FBI", "DNC".
fn is_acronym(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// The head of a source phrase.
#[derive(Debug, Clone, PartialEq)]
pub enum Head {
    /// A name (person or organisation).
    Name(NameRun),
    /// A pronoun, at the token's start byte.
    Pronoun(PronounKind, usize),
    /// A role or a body, as printed without its determiner ("Clinton spokesman",
    /// "ministry"), the role word in lower case and its gender.
    Role {
        /// The phrase, determiners taken off.
        text: String,
        /// The head noun, lower case.
        noun: String,
        /// Printed with "the" or "this": someone the article has met ("the 41-year-old
        /// bike shop owner"), not someone new ("a spokeswoman").
        definite: bool,
        /// The gender the role word carries.
        gender: Option<Gender>,
    },
}

/// The head of the source phrase `tokens[from..to]`, read back from its end (a subject
/// before its cue).
pub fn head_before(p: &str, tokens: &[Token], from: usize, to: usize) -> Option<Head> {
    let segments = comma_segments(tokens, from, to);
    let last = *segments.last()?;
    // Past appositions, tags and asides back to a person's name: "State Sen. Walter
    // Brandvold (R-Harlow Springs), who endorsed Marchetti in February,".
    for (k, &seg) in segments.iter().enumerate().rev() {
        let place = matches!(head_of(p, tokens, seg), Some(Head::Name(ref r)) if r.place);
        // "Ava, Mo.,": a state's abbreviation after a town.
        let (a, b) = seg;
        let short = |t: &Token| t.capitalised(p) && t.text(p).len() <= 6;
        // "N.C." kept whole as one word, or its full stop a token of its own.
        let abbreviation = short(&tokens[a])
            && ((b >= a + 2 && b - a <= 3 && tokens[b - 1].is('.'))
                || (b == a + 1 && tokens[a].text(p).ends_with('.')));
        // "Harry Bond, 30, of Raleigh,", "Dr Sabine Olander, of the University of
        // Karvenna,": where someone lives or works.
        let residence = b > a + 1 && matches!(tokens[a].text(p), "of" | "from" | "at");
        // "Konrad Imfeld, the chief executive of the state railway, SSB,": a body named
        // after an apposition names the body of the person before.
        let body_named = k >= 2
            && matches!(head_of(p, tokens, seg), Some(Head::Name(ref r)) if r.organisation)
            && is_apposition(p, tokens, segments[k - 1]);
        // "Eric Nordstrom, State Department regional security director,": a role set off
        // after a name without a determiner.
        let role_after = k > 0
            && (a..b)
                .rev()
                .find(|&i| tokens[i].kind == TokenKind::Word)
                .is_some_and(|i| {
                    lexicon::person_role(tokens[i].text(p)).is_some() && !tokens[i].capitalised(p)
                });
        // "Dianne Feinstein, Democrat of California,": a party and a state.
        let party_of = b > a + 2
            && matches!(tokens[a].text(p), "Democrat" | "Republican" | "Independent")
            && matches!(tokens[a + 1].text(p), "of" | "from");
        let aside = is_apposition(p, tokens, seg)
            || role_after
            || party_of
            || parenthetical(tokens, seg)
            || place
            || abbreviation
            || residence
            || body_named;
        if aside && k > 0 {
            continue;
        }
        let head = head_of(p, tokens, seg);
        if let Some(Head::Name(_)) = &head {
            return head;
        }
        break;
    }
    head_of(p, tokens, last)
}

/// Whether a piece stands in brackets.
fn parenthetical(tokens: &[Token], (a, b): (usize, usize)) -> bool {
    a > 0 && tokens[a - 1].is('(') && tokens.get(b).is_some_and(|t| t.is(')'))
}

/// The head of the source phrase that starts at `from` (a subject after its cue: "said
/// Rep. Adam Schiff, D-Calif.").
pub fn head_after(p: &str, tokens: &[Token], from: usize, to: usize) -> Option<Head> {
    let segments = comma_segments(tokens, from, to);
    let head = head_of(p, tokens, *segments.first()?);
    // "said the port's harbour master, Jens Okafor": the name set off after the role.
    if let (None | Some(Head::Role { .. }), Some(&next)) = (&head, segments.get(1)) {
        if let Some(Head::Name(r)) = head_of(p, tokens, next) {
            if !r.organisation && !r.place && next.1 - next.0 == r.last - r.with_titles {
                return Some(Head::Name(r));
            }
        }
    }
    head
}

/// `[from, to)` cut at commas, each piece trimmed of empty ends.
fn comma_segments(tokens: &[Token], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = from;
    for (k, token) in tokens.iter().enumerate().take(to).skip(from) {
        if token.is(',') || token.is('(') || token.is(')') {
            if k > start {
                out.push((start, k));
            }
            start = k + 1;
        }
    }
    if to > start {
        out.push((start, to));
    }
    out
}

/// An apposition or tag after a name: "the interim party chair", "R-Ky.", "64".
fn is_apposition(p: &str, tokens: &[Token], (a, b): (usize, usize)) -> bool {
    let first = tokens[a].text(p);
    let lower = first.to_lowercase();
    let second = tokens
        .get(a + 1)
        .map(|t| t.text(p).to_lowercase())
        .unwrap_or_default();
    let determiner = lexicon::opens_apposition(&lower, &second)
        || matches!(lower.as_str(), "who" | "whose" | "which");
    // "Piet Ambühl, president of the railway workers' federation,": a role sets one off.
    let role = lexicon::person_role(&lower).is_some()
        && tokens.get(a + 1).is_some_and(|t| t.text(p) == "of");
    // "Rustam Akhmedjanov, Nurafarm’s general director,".
    let owner = tokens[a].possessive(p) && b - a >= 2;
    if role || owner {
        return true;
    }
    // "The poll, released on Tuesday, found": a participle sets off an aside too.
    let participle = first.chars().next().is_some_and(char::is_lowercase)
        && (lower.ends_with("ed") || lower.ends_with("ing"));
    determiner
        || participle
        || (b - a == 1 && (is_party_tag(first) || first.chars().all(|c| c.is_ascii_digit())))
        || party_and_place(p, &tokens[a..b])
}

/// A party's letters joined to a home town, as state and city papers tag their members:
/// "D-Alder Falls", "R-Prineford", "KPP-Brenmoor Central" (up to four capital letters, a
/// place of up to three capitalised words). A hyphenated name ("Esposito-Kahn") has
/// lower-case letters before its hyphen.
fn party_and_place(p: &str, phrase: &[Token]) -> bool {
    let Some((first, rest)) = phrase.split_first() else {
        return false;
    };
    let Some((party, place)) = first.text(p).split_once('-') else {
        return false;
    };
    (1..=4).contains(&party.len())
        && party.chars().all(|c| c.is_ascii_uppercase())
        && place.chars().next().is_some_and(char::is_uppercase)
        && rest.len() <= 2
        && rest
            .iter()
            .all(|t| t.kind == TokenKind::Word && t.capitalised(p))
}

/// The head of one comma-free phrase: a person's name, else a pronoun, else the role or
/// body it names.
fn head_of(p: &str, tokens: &[Token], (a, b): (usize, usize)) -> Option<Head> {
    let b = without_time(p, tokens, a, b);
    let slice = tokens.get(a..b).filter(|x| !x.is_empty())?;
    if slice.iter().any(|t| t.quoted) {
        return None;
    }
    if let Some(run) = name_head(p, slice) {
        return Some(Head::Name(run.shifted(a)));
    }
    // A pronoun standing alone.
    if let Some(t) = slice.iter().rev().find(|t| t.kind == TokenKind::Word) {
        let w = t.text(p);
        if let Some(kind) = lexicon::pronoun(w).filter(|_| lexicon::subject_pronoun(w)) {
            return Some(Head::Pronoun(kind, t.start));
        }
    }
    role_head(p, slice)
}

/// Where a phrase ends before a time set after it ("union leader Ana Sorel on Monday").
fn without_time(p: &str, tokens: &[Token], a: usize, b: usize) -> usize {
    (a..b)
        .find(|&k| {
            matches!(
                tokens[k].text(p).to_lowercase().as_str(),
                "on" | "last" | "this" | "late" | "early"
            ) && k + 1 < b
                && (k + 1..b).all(|i| lexicon::time_word(tokens[i].text(p)))
        })
        .unwrap_or(b)
}

/// The name heading a phrase, in the phrase's token positions: a person's name followed by
/// a phrase of place or body ("Lt. Col. Matthias Egloff of the civil protection corps"),
/// else the last name when nothing follows it; not a name that lower-case nouns follow
/// ("the Clinton campaign", "a Trump aide"), which names a body or a role.
fn name_head(p: &str, slice: &[Token]) -> Option<NameRun> {
    let runs = name_runs(p, slice);
    let followed_by_phrase = |r: &&NameRun| {
        let next = slice.get(r.last).map(|t| t.text(p).to_lowercase());
        matches!(
            next.as_deref(),
            Some("of" | "at" | "from" | "for" | "with" | "in")
        )
    };
    let person = runs
        .iter()
        .filter(|r| !r.organisation && !r.possessive && !r.place)
        .find(followed_by_phrase);
    if let Some(run) = person {
        return Some(run.clone());
    }
    // "the U.S. Court of Appeals for the 6th Circuit": a body that opens the phrase.
    if let Some(body) = runs
        .first()
        .filter(|r| {
            r.organisation && !r.possessive && r.text.contains(' ') && followed_by_phrase(r)
        })
        .filter(|r| {
            slice[..r.with_titles]
                .iter()
                .all(|t| lexicon::determiner(&t.text(p).to_lowercase()))
        })
    {
        return Some(body.clone());
    }
    // The last run, at the phrase's end or before a full stop ("Joseph R. Biden Jr."),
    // unless a role speaks for it ("a spokesman for Attorney General Joanna Pruett").
    runs.last()
        .filter(|r| slice[r.last..].iter().all(|t| t.is('.')))
        .filter(|r| !spoken_for(p, slice, r.with_titles))
        .cloned()
}

/// Whether the name starting at token `k` follows a role that speaks for it: "a
/// spokesman for", "an aide to".
fn spoken_for(p: &str, slice: &[Token], k: usize) -> bool {
    k >= 2
        && matches!(slice[k - 1].text(p).to_lowercase().as_str(), "for" | "to")
        && lexicon::person_role(slice[k - 2].text(p)).is_some()
}

/// Words that make a phrase a clause rather than a source ("is also the adviser").
const CLAUSE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "be", "been", "not", "to",
    "that", "which", "who",
];

/// Words a role phrase drops at its front ("the minister" is "minister").
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "their", "its", "our", "this", "that", "one", "another",
];

/// Words that open a phrase of place or time, not a source ("on Tuesday").
const PREPOSITIONS: &[&str] = &[
    "on", "in", "at", "for", "with", "from", "by", "to", "during", "after", "before", "of", "as",
    "like",
];

/// The role or body a phrase names ("a Clinton spokesman", "the ministry", "officials"):
/// a person role or a body word at its end, or any short noun phrase.
fn role_head(p: &str, slice: &[Token]) -> Option<Head> {
    let words: Vec<&str> = slice
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(p))
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // "the ministry of transport", "the head of the railway": the noun before "of" heads
    // the phrase, unless it counts the noun after ("one of his aides").
    let of = lower.iter().position(|w| w == "of").filter(|&k| {
        k > 0
            && !lexicon::before_noun(&lower[k - 1])
            && !matches!(lower[k - 1].as_str(), "one" | "none" | "each" | "any")
    });
    // "a spokesman for the attorney general": the role before "for" or "to" heads it.
    let for_whom = lower
        .iter()
        .position(|w| w == "for" || w == "to")
        .filter(|&k| k > 0 && lexicon::person_role(&lower[k - 1]).is_some());
    let noun = match of.or(for_whom) {
        Some(k) => lower[k - 1].clone(),
        None => lower.last()?.clone(),
    };
    if lower
        .iter()
        .enumerate()
        .any(|(k, w)| CLAUSE_WORDS.contains(&w.as_str()) && Some(k) != for_whom)
    {
        return None;
    }
    let role = lexicon::person_role(&noun);
    let known = lexicon::organisation_word(&noun)
        || role.is_some()
        || lexicon::work_of_someone(noun.strip_suffix('s').unwrap_or(&noun));
    if !known && (words.len() > 3 || noun.chars().any(|c| !c.is_alphabetic() && c != '-')) {
        return None;
    }
    // "Yet many economists": a conjunction or adverb opening the sentence is no part of it.
    let skip = lower
        .iter()
        .take_while(|w| {
            DETERMINERS.contains(&w.as_str())
                || matches!(w.as_str(), "yet" | "but" | "and" | "so" | "still" | "now")
        })
        .count();
    let text = words[skip..].join(" ");
    if text.is_empty() || PREPOSITIONS.contains(&lower[0].as_str()) {
        return None;
    }
    // "a spokesman for the attorney general", "one adviser to Clinton": someone not met
    // before, whom no earlier holder of the role stands for; the phrase is all there is.
    let someone_new = for_whom.is_some() && matches!(lower[0].as_str(), "a" | "an" | "one");
    Some(Head::Role {
        noun: if someone_new {
            text.to_lowercase()
        } else {
            noun
        },
        text,
        gender: role.flatten(),
        definite: matches!(lower[0].as_str(), "the" | "this")
            || slice.first().is_some_and(|t| t.possessive(p)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokens;

    fn head(phrase: &str, before: bool) -> Option<Head> {
        let t = tokens(phrase, 0, phrase.len(), &[]);
        if before {
            head_before(phrase, &t, 0, t.len())
        } else {
            head_after(phrase, &t, 0, t.len())
        }
    }

    fn name(phrase: &str, before: bool) -> String {
        match head(phrase, before) {
            Some(Head::Name(r)) => r.text,
            Some(Head::Role { text, .. }) => format!("role:{text}"),
            Some(Head::Pronoun(..)) => "pronoun".into(),
            None => "none".into(),
        }
    }

    #[test]
    fn a_datelines_town_in_capitals_is_a_place() {
        let p = "PORT KESSBY, March 3 (NWA) — Aili Strand sang for an hour.";
        let tokens = crate::tokens::tokens(p, 0, p.len(), &[]);
        let runs = name_runs(p, &tokens);
        assert_eq!(runs[0].text, "PORT KESSBY");
        assert!(runs[0].place);
        assert!(!runs.iter().any(|r| r.text == "Aili Strand" && r.place));
    }

    #[test]
    fn heads_of_source_phrases() {
        assert_eq!(
            name("Senate Majority Leader Mitch McConnell, R-Ky.,", true),
            "Mitch McConnell"
        );
        assert_eq!(
            name("Republican presidential nominee Donald Trump", true),
            "Donald Trump"
        );
        assert_eq!(name("Trump lawyer Marc Kasowitz", true), "Marc Kasowitz");
        assert_eq!(
            name("Donna Brazile, the interim party chair,", true),
            "Donna Brazile"
        );
        assert_eq!(
            name("The campaign's chairman, John Podesta,", true),
            "John Podesta"
        );
        assert_eq!(name("On Tuesday, the senator", true), "role:senator");
        assert_eq!(name("a Clinton spokesman", true), "role:Clinton spokesman");
        assert_eq!(
            name("Rep. Adam Schiff, D-Calif., who leads the panel", false),
            "Adam Schiff"
        );
        assert_eq!(name("she", true), "pronoun");
        assert_eq!(name("Mrs. Ilse Varga", true), "Ilse Varga");
        // A party letter and a home town of one or more words.
        assert_eq!(
            name("Assembly Speaker Noor Haddad-Quist, D-Lower Brenton,", true),
            "Noor Haddad-Quist"
        );
        assert_eq!(name("Sen. Oskar Vale, R-Tillbury,", true), "Oskar Vale");
        assert_eq!(
            name("Councillor Rhea Mott, LVP-Ostby North,", true),
            "Rhea Mott"
        );
    }

    #[test]
    fn names_hold_their_particles_nicknames_and_bodies_their_inner_words() {
        let cases = [
            (
                "Defence lawyer Abd al-Rahim Qassab said Abdul Rahim Qassab was his client.",
                vec!["Abd al-Rahim Qassab", "Abdul Rahim Qassab"],
            ),
            (
                "Keeper Josef \"The Wall\" Brandl left, and Ana Lucía Ferreyra Mamani came on.",
                vec!["Josef \"The Wall\" Brandl", "Ana Lucía Ferreyra Mamani"],
            ),
            (
                "The Ferry and Dock Workers' Union wrote to the Tollan Gallery of Maritime Art.",
                vec![
                    "Ferry and Dock Workers' Union",
                    "Tollan Gallery of Maritime Art",
                ],
            ),
            (
                "Inga Thorsen and Kell Freight met the Pilots and Tug Crews Association.",
                vec![
                    "Inga Thorsen",
                    "Kell Freight",
                    "Pilots and Tug Crews Association",
                ],
            ),
        ];
        for (p, expected) in cases {
            let t = tokens(p, 0, p.len(), &[]);
            let runs: Vec<String> = all_name_runs(p, &t).into_iter().map(|r| r.text).collect();
            assert_eq!(runs, expected, "{p}");
        }
    }

    #[test]
    fn runs_know_organisations_and_gender() {
        let p = "Mrs. Varga told the Harbour Board and the FBI.";
        let t = tokens(p, 0, p.len(), &[]);
        let runs = name_runs(p, &t);
        let found: Vec<(&str, bool)> = runs
            .iter()
            .map(|r| (r.text.as_str(), r.organisation))
            .collect();
        assert_eq!(
            found,
            [("Varga", false), ("Harbour Board", true), ("FBI", true)]
        );
        assert_eq!(runs[0].gender, Some(Gender::Female));
    }
}
