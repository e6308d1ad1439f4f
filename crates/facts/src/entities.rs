//! People, organisations and places named in a story, merged across outlets.
//!
//! ## What it handles
//! Capitalised name sequences in every article ("Steve Witkoff", "Mr Witkoff",
//! "European Commission president Ursula von der Leyen" → "Ursula von der Leyen"), with
//! titles, roles and possessives taken off. Across a story: full names merge when their
//! surnames, written as they sound, are one letter apart at most and their first names
//! agree (Zelensky / Zelenskyy, Kowalczyk / Kovalchik, Müller / Mueller, Đorđević /
//! Djordjevic, Aleksandr / Oleksandr); a surname alone ("Witkoff", "Mr Putin") joins the
//! one full name it fits, and stays apart when two people share it; acronyms join the name
//! whose initials they are (EU / European Union) and match across case (NATO / Nato).
//!
//! Roles: "Mayor Ada Voss", "Ada Voss, the mayor," or "coastguard commander Lena Brandt"
//! make each later "the mayor" / "the commander" of that article a mention of her, where
//! no one else in the article holds the role ([`role_mentions`]).
//!
//! ## What it does not
//! Resolve pronouns to people, roles two people of an article hold, transliterations the
//! sound key does not bring within a letter of each other, or tell people from
//! organisations and places with more than a few cue words.

use std::collections::{BTreeMap, HashMap, HashSet};

use parallax_model::{Entity, Mention};

/// Words that name a post ("Minister", "Mayor"), before a name or as a role.
pub(crate) const TITLES: &[&str] = &[
    "President",
    "Minister",
    "Secretary",
    "Chancellor",
    "Commissioner",
    "Envoy",
    "Director",
    "Governor",
    "Mayor",
    "Leader",
    "Chief",
    "Executive",
    "Spokesman",
    "Spokeswoman",
    "Judge",
    "Captain",
    "Commander",
    "Senator",
    "Deputy",
    "King",
    "Queen",
    "Prince",
    "Pope",
    "General",
    "Ambassador",
    "Chairman",
    "Chairwoman",
    "CEO",
    "Coach",
    "Manager",
    "Representative",
    "Prosecutor",
    "Magistrate",
];

const ORG_WORDS: &[&str] = &[
    "Union",
    "Commission",
    "Council",
    "Party",
    "Ministry",
    "Group",
    "Bank",
    "Agency",
    "Service",
    "Office",
    "Committee",
    "Court",
    "Parliament",
    "Association",
    "Institute",
    "University",
    "Foods",
    "Line",
    "United",
    "Rovers",
    "Times",
    "Post",
    "Herald",
    "News",
    "Press",
    "Company",
    "Corporation",
    "Inc",
    "Ltd",
    "Authority",
    "Police",
    "Army",
    "Navy",
    "Rights",
    "Watch",
    "International",
    "Organization",
    "Organisation",
    "Federation",
    "Department",
    "Government",
    "Guard",
    "Forces",
    "Force",
    "Club",
    "League",
    "Foundation",
    "Network",
    "Channel",
    "Airlines",
];

/// A name as one article prints it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// As printed.
    pub text: String,
    /// Titles and roles taken off.
    pub name: String,
    /// The gender its titles give ("Ms Carrick"), which tells apart two people sharing a
    /// surname.
    pub gender: Option<parallax_read::lexicon::Gender>,
    /// Read as an organisation's name ("Halvern Steel", "Ashgrove Children's Hospital").
    pub organisation: bool,
}

/// The names an article's paragraphs print, each printed form once: [`names_read`] over
/// a reading of them.
pub fn article_names(paragraphs: &[&str]) -> Vec<NameMention> {
    names_read(&parallax_read::read(paragraphs), 0)
}

/// The names an article's reading prints ([`parallax_read::Reading::names`]) from paragraph
/// `from` on (past a headline read first), each printed form once: the name with its
/// titles and roles taken off ("Dagny Reuter"), and as printed with them where it has any
/// ("Mayor Dagny Reuter", "Mr Thielen", "Judge Beketova"). Subheadings are left out, and
/// so is a one-word name seen only where a sentence opens ("Residents", "Eleven"), unless
/// it is an acronym or the surname of a full name the article prints.
pub fn names_read(reading: &parallax_read::Reading<'_>, from: usize) -> Vec<NameMention> {
    let mut out: Vec<NameMention> = Vec::new();
    let mut inside: HashSet<String> = HashSet::new();
    let mut opening: Vec<String> = Vec::new();
    for n in body_names(reading, from) {
        let p = reading.paragraphs[n.paragraph].text;
        if n.run.text.is_empty() {
            continue;
        }
        let name = n.run.text.clone();
        if !name.contains(' ') && !is_acronym(&name) {
            if n.opens && n.run.titles.is_empty() {
                opening.push(name.clone());
            } else {
                inside.insert(name.clone());
            }
        }
        let mut add = |text: &str| {
            if !out.iter().any(|s| s.text == text) {
                out.push(NameMention {
                    text: text.to_string(),
                    name: name.clone(),
                    gender: n.run.gender,
                    organisation: n.run.organisation,
                });
            }
        };
        add(&p[n.name_start..n.end]);
        if n.start < n.name_start && !n.run.titles.is_empty() {
            add(&p[n.start..n.end]);
        }
    }
    let surnames: HashSet<String> = out
        .iter()
        .filter(|m| m.name.contains(' '))
        .filter_map(|m| m.name.split_whitespace().last().map(String::from))
        .collect();
    out.retain(|m| {
        m.name.contains(' ')
            || is_acronym(&m.name)
            || inside.contains(&m.name)
            || surnames.contains(&m.name)
            || !opening.contains(&m.name)
    });
    out
}

/// The names a reading gives from paragraph `from` on (past a headline read first),
/// subheadings left out ([`is_heading`], judged once a paragraph).
fn body_names<'r>(
    reading: &'r parallax_read::Reading<'_>,
    from: usize,
) -> impl Iterator<Item = &'r parallax_read::Named> {
    let heading: Vec<bool> = (reading.paragraphs.iter())
        .map(|p| is_heading(p.text))
        .collect();
    (reading.names.iter()).filter(move |n| n.paragraph >= from && !heading[n.paragraph])
}

/// The roles an article gives people ("Mayor Ada Voss", "coastguard commander Lena
/// Brandt", "Ada Voss, the mayor,", "the mayor, Ada Voss") and, where only one person of
/// the article holds a role, each later "the mayor" / "its chief" as a mention of that
/// person (the mention's text is the role as printed, its name the person's): the roles
/// of the names of an article's reading ([`parallax_read::names::NameRun::titles`]) from paragraph
/// `from` on.
///
/// A heuristic over the title words parallax knows ("mayor", "minister", "commander",
/// ...); a role two people of the article hold is attached to neither, and roles never
/// cross articles ("the minister" of one outlet may be another's "the secretary").
pub fn role_mentions(reading: &parallax_read::Reading<'_>, from: usize) -> Vec<NameMention> {
    let titles: Vec<String> = TITLES.iter().map(|t| t.to_lowercase()).collect();
    let is_title = |w: &str| titles.iter().any(|t| t == &w.to_lowercase());
    let mut holders: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let paragraphs: Vec<&str> = (reading.paragraphs.iter().skip(from))
        .map(|p| p.text)
        .filter(|p| !is_heading(p))
        .collect();
    let people = body_names(reading, from)
        .filter(|n| !n.run.organisation && !n.run.place)
        .filter(|n| n.run.text.contains(' ') && kind_of(&n.run.text) == "person");
    // "Mayor Ada Voss", "coastguard commander Lena Brandt", "Ada Voss, the mayor,".
    for n in people {
        for role in n.run.titles.iter().filter(|t| is_title(t)) {
            let list = holders.entry(role.clone()).or_default();
            if !list.contains(&n.run.text) {
                list.push(n.run.text.clone());
            }
        }
    }
    let mut out: Vec<NameMention> = Vec::new();
    for (role, people) in holders.iter().filter(|(_, p)| p.len() == 1) {
        for p in &paragraphs {
            for text in role_phrases(p, role) {
                if !out.iter().any(|o| o.text == text) {
                    out.push(NameMention {
                        text: text.to_string(),
                        name: people[0].clone(),
                        gender: None,
                        organisation: false,
                    });
                }
            }
        }
    }
    out
}

/// "the mayor", "The mayor", "its mayor", "their mayor" in `p`, as printed, the role a
/// whole word (a plain search: this runs for every article of a large corpus).
fn role_phrases<'a>(p: &'a str, role: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    for (at, _) in p.match_indices(role) {
        let after = p[at + role.len()..].chars().next();
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let before = &p[..at];
        let Some(det) = ["the ", "The ", "its ", "Its ", "their ", "Their "]
            .iter()
            .find(|d| before.ends_with(*d))
        else {
            continue;
        };
        let start = at - det.len();
        if p[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        out.push(&p[start..at + role.len()]);
    }
    out
}

/// A subheading inside the body ("Rescue in Forty Minutes", "Minister Orders Control"):
/// a short line, without closing punctuation, whose longer words are all capitalised. Its
/// capitals are headline style, not names.
pub(crate) fn is_heading(p: &str) -> bool {
    let t = p.trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() >= 4).collect();
    words.len() <= 8
        && !t.ends_with(['.', '!', '?', '"', '”', ':'])
        && long.len() >= 2
        && long
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn is_acronym(s: &str) -> bool {
    s.len() >= 2 && s.chars().all(|c| c.is_ascii_uppercase() || c == '.')
}

fn initials(name: &str) -> String {
    // "National Anti-Corruption Office" is NACO.
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

pub(crate) fn kind_of(name: &str) -> &'static str {
    let words: Vec<&str> = name.split_whitespace().collect();
    if is_acronym(name) || words.iter().any(|w| ORG_WORDS.contains(w)) {
        "organization"
    } else if words.len() >= 2 {
        "person"
    } else {
        "other"
    }
}

/// Whether two first names, as sound keys ([`parallax_text::name_key`]), are spellings of
/// one: the same key, or five letters or more that differ only in an opening vowel
/// (Aleksandr / Oleksandr, the Russian and the Ukrainian spelling). Maria and Mario stay
/// two.
fn same_first_name(x: &str, y: &str) -> bool {
    let vowel = |c: char| "aeiou".contains(c);
    x == y
        || (x.len() >= 5
            && x.len() == y.len()
            && x.chars().next().is_some_and(vowel)
            && y.chars().next().is_some_and(vowel)
            && x[1..] == y[1..])
}

/// The names a story's entities are known by, indexed so that each new mention is
/// compared only with the names it could join: by lower-cased name, by initials, and by
/// every form of the surname's sound key with one letter dropped (two keys at most one
/// letter apart share such a form), so a story of thousands of names is merged in time
/// about proportional to their number.
#[derive(Default)]
struct Known {
    names: Vec<String>,
    /// Each name's surname and first-name sound keys.
    keys: Vec<(String, String)>,
    lower: HashMap<String, usize>,
    by_initials: HashMap<String, Vec<usize>>,
    by_surname: HashMap<String, Vec<usize>>,
    /// Each name's words as [`name_words`] gives them.
    words: Vec<Vec<NameWord>>,
    /// Organisations' names of two words or more by their first word, lower-cased
    /// ("halvern" for "Halvern Steel").
    by_opening: HashMap<String, Vec<usize>>,
    /// The groups read as organisations.
    bodies: HashSet<usize>,
    /// Groups by each word of their name ([`name_words`]).
    by_word: HashMap<String, Vec<usize>>,
}

/// Words in a name that are particles, not names ("Mohammed bin Yousef", "Abdelkader
/// el-Hachemi", "Pieter van der Meulen"), and company forms ("Sarykol Gas Transport JSC"):
/// left out when two renderings of a name are compared word by word.
const NAME_PARTICLES: &[&str] = &[
    "al", "el", "bin", "ben", "ibn", "bint", "abu", "van", "der", "den", "de", "da", "di", "von",
    "la", "le", "del", "dos", "das", "du", "jsc", "sa", "ag", "gmbh", "ltd", "plc", "inc", "llc",
    "corp", "nv", "bv", "spa", "srl", "oy", "ab", "as", "pjsc", "ojsc", "co",
];

/// A name's words as renderings of one name share them: each word's
/// [`parallax_text::name_skeleton`], particles and company forms left out, a word joined
/// by hyphens read as one ("Tae-hyun"), a particle joined by a hyphen dropped
/// ("el-Hachemi" → "Hachemi").
fn name_words(name: &str) -> Vec<NameWord> {
    given_compounds(name)
        .split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            match w.split_once(['-', '\u{2011}']) {
                Some((head, rest)) if NAME_PARTICLES.contains(&head.to_lowercase().as_str()) => {
                    rest
                }
                _ => w,
            }
        })
        .filter(|w| !NAME_PARTICLES.contains(&w.to_lowercase().replace('.', "").as_str()))
        .map(|w| NameWord {
            key: parallax_text::name_key(&w.replace(['-', '\u{2011}'], "")),
            skeleton: parallax_text::name_skeleton(w),
            letters: w.chars().count(),
        })
        .filter(|w| w.skeleton.len() >= 2)
        .collect()
}

/// A name with an Arabic compound given name written as one word, however it is spelled:
/// "Abd al-Karim", "Abdul Karim", "Abdel-Karim" and "Abdelkarim" are all "Abdkarim" (the
/// servant of, then one of the names of God), so that their renderings compare word for
/// word.
fn given_compounds(name: &str) -> String {
    use parallax_read::lexicon::SERVANT_FORMS as SERVANT;
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut k = 0;
    while k < words.len() {
        let w = words[k];
        let lower = w.to_lowercase();
        let (head, tail) = lower.split_once('-').unwrap_or((&lower, ""));
        let next = words.get(k + 1).filter(|n| n.chars().count() > 2);
        if SERVANT.contains(&head) && tail.is_empty() && next.is_some() {
            // "Abd al-Karim", "Abdul Karim".
            let rest = next.unwrap_or(&"");
            let rest = rest.split_once('-').map_or(*rest, |(_, r)| r);
            out.push(format!("Abd{}", rest.to_lowercase()));
            k += 2;
            continue;
        }
        let joined = SERVANT
            .iter()
            .filter(|s| s.len() > 3)
            .find_map(|s| lower.strip_prefix(s))
            .map(|r| r.trim_start_matches('-'))
            .filter(|r| r.len() > 2);
        match joined.or((SERVANT.contains(&head) && tail.len() > 2).then_some(tail)) {
            Some(rest) => out.push(format!("Abd{rest}")),
            None => out.push(w.to_string()),
        }
        k += 1;
    }
    out.join(" ")
}

/// One word of a name as renderings are compared: its sound key, its consonants
/// ([`parallax_text::name_skeleton`]) and its length.
#[derive(Debug, Clone)]
struct NameWord {
    key: String,
    skeleton: String,
    letters: usize,
}

impl NameWord {
    /// Two renderings of one word: the same sound key, or the same consonants where
    /// there are enough of them to tell names apart (four; three in words of six letters
    /// or more): "Sadykov" / "Sadyqov", "Yerlan" / "Erlan", but not "Lind" / "Land" or
    /// "Maria" / "Mario".
    fn renders(&self, other: &NameWord) -> bool {
        let consonants = self.skeleton.chars().filter(|&c| c != '_').count();
        let long = self.letters.min(other.letters) >= 6;
        self.key == other.key
            || self.skeleton == other.skeleton && (consonants >= 4 || consonants >= 3 && long)
    }
}

/// Whether two names' words ([`name_words`]) are one name's: the same words in any order
/// ("Kang Tae-hyun" / "Taehyun Kang", "Sarykol Gas Transport JSC" / "Sarykol Gas
/// Transport"), or, for two people (`people`), the shorter's two or more words opening the
/// longer ("Efrain Mamani" and "Efraín Mamani Torrico": a second surname left out). Words
/// before a name are not taken for a given name left out: they are as often a title the
/// reading kept ("Councilwoman Rosalind Pike"). A place inside a body's name ("Pell
/// County" in "Pell County Republican Party") is not the body.
fn same_words(a: &[NameWord], b: &[NameWord], people: bool) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 2 {
        return false;
    }
    // Any order: each word of one renders a word of the other not yet taken.
    let mut taken = vec![false; long.len()];
    let any_order = a.len() == b.len()
        && short.iter().all(|w| {
            let free = (0..long.len()).find(|&k| !taken[k] && w.renders(&long[k]));
            free.map(|k| taken[k] = true).is_some()
        });
    let opening = people && short.iter().zip(long).all(|(x, y)| x.renders(y));
    any_order || opening
}

/// The sound key of a name's last word (`last`) or first word.
fn word_key(name: &str, last: bool) -> String {
    let name = given_compounds(name);
    let mut words = name.split_whitespace();
    let w = if last {
        words.next_back()
    } else {
        words.next()
    };
    // "el-Hachemi" is "Hachemi" with its article.
    let w = w.unwrap_or("");
    let w = match w.split_once('-') {
        Some((head, rest)) if NAME_PARTICLES.contains(&head.to_lowercase().as_str()) => rest,
        _ => w,
    };
    parallax_text::name_key(w)
}

/// A key and each form of it with one letter dropped.
fn dropped_forms(key: &str) -> Vec<String> {
    let chars: Vec<char> = key.chars().collect();
    let mut forms = vec![key.to_string()];
    for k in 0..chars.len() {
        forms.push(chars[..k].iter().chain(&chars[k + 1..]).collect());
    }
    forms
}

impl Known {
    /// Adds `name` as a new entity's (an organisation's when `body`); returns its group.
    fn push(&mut self, name: &str, body: bool) -> usize {
        let g = self.names.len();
        if body {
            self.bodies.insert(g);
            if let Some((first, _)) = name.split_once(' ') {
                self.by_opening
                    .entry(first.to_lowercase())
                    .or_default()
                    .push(g);
            }
        }
        let surname = word_key(name, true);
        for form in dropped_forms(&surname) {
            self.by_surname.entry(form).or_default().push(g);
        }
        self.by_initials.entry(initials(name)).or_default().push(g);
        self.lower.entry(name.to_lowercase()).or_insert(g);
        self.keys.push((surname, word_key(name, false)));
        self.names.push(name.to_string());
        let words = name_words(name);
        for w in &words {
            for k in [&w.key, &w.skeleton] {
                self.by_word.entry(k.clone()).or_default().push(g);
            }
        }
        self.words.push(words);
        g
    }

    /// The first group whose name is another rendering of `n`'s words ([`same_words`]).
    fn rendered(&self, n: &str) -> Option<usize> {
        let words = name_words(n);
        let mut candidates: Vec<usize> = (words.iter())
            .flat_map(|w| [&w.key, &w.skeleton])
            .filter_map(|k| self.by_word.get(k))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let person = kind_of(n) == "person";
        (candidates.into_iter()).find(|&g| {
            let people = person && kind_of(&self.names[g]) == "person";
            same_words(&self.words[g], &words, people)
        })
    }

    /// The groups whose name's surname is a spelling of `surname` (a sound key,
    /// [`parallax_text::name_key`]): the keys at most one letter apart (Zelensky /
    /// Zelenskyy, Kowalczyk / Kovalchik, Müller / Mueller, Đorđević / Djordjevic); in order.
    fn surnamed(&self, surname: &str) -> Vec<usize> {
        let mut found: Vec<usize> = dropped_forms(surname)
            .iter()
            .filter_map(|f| self.by_surname.get(f))
            .flatten()
            .copied()
            .filter(|&g| parallax_text::one_letter_apart(&self.keys[g].0, surname))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The first group a full name `n` belongs to: the same name, or a spelling of the
    /// same person's ([`Known::surnamed`], [`same_first_name`]).
    fn person(&self, n: &str) -> Option<usize> {
        let first = word_key(n, false);
        let spelled = self
            .surnamed(&word_key(n, true))
            .into_iter()
            .find(|&g| same_first_name(&self.keys[g].1, &first));
        let same = self.lower.get(&n.to_lowercase()).copied();
        spelled
            .into_iter()
            .chain(same)
            .min()
            .or_else(|| self.rendered(n))
    }

    /// The groups a one-word mention `n` may be the short form of: an acronym of the
    /// name's initials, a surname that sounds alike, or the same name.
    fn short_of(&self, n: &str) -> Vec<usize> {
        let mut found = if is_acronym(n) {
            self.by_initials
                .get(&n.replace('.', ""))
                .cloned()
                .unwrap_or_default()
        } else {
            self.surnamed(&word_key(n, true))
        };
        found.extend(self.lower.get(&n.to_lowercase()));
        // "Halvern" for "Halvern Steel": the one body whose name it opens.
        if let Some([g]) = self.by_opening.get(&n.to_lowercase()).map(Vec::as_slice) {
            found.push(*g);
        }
        found.sort_unstable();
        found.dedup();
        found
    }
}

/// Whether a name is a short form, a surname alone or an acronym ("Thielen", "Ó Briain",
/// "de Vries", "NACO"): one word after particles and one-letter words.
fn short_form(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words[..words.len().saturating_sub(1)].iter().all(|w| {
        let w = parallax_text::fold_diacritics(&w.to_lowercase());
        w.chars().count() == 1 || NAME_PARTICLES.contains(&w.as_str())
    })
}

/// The entities of one story: `articles` holds each article's id and the names it prints
/// ([`article_names`]). A full name joins the first entity of the same person (its
/// surname and first name spelled alike); a one-word name joins the one entity whose
/// surname, initials or name it is, and stays apart where two people could be meant.
pub fn entities(articles: &[(String, Vec<NameMention>)]) -> Vec<Entity> {
    let mut found: Vec<(String, NameMention)> = Vec::new();
    for (id, names) in articles {
        for s in names {
            found.push((id.clone(), s.clone()));
        }
    }
    let mut known = Known::default();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    // Full names first, longest first: they anchor the short forms.
    let mut multi: Vec<usize> = (0..found.len())
        .filter(|&i| !short_form(&found[i].1.name))
        .collect();
    multi.sort_by_key(|&i| std::cmp::Reverse(found[i].1.name.len()));
    for i in multi {
        let n = &found[i].1.name;
        match known.person(n) {
            Some(g) => groups[g].push(i),
            None => {
                known.push(n, found[i].1.organisation);
                groups.push(vec![i]);
            }
        }
    }
    for (i, (_, mention)) in found.iter().enumerate() {
        let n = &mention.name;
        if !short_form(n) {
            continue;
        }
        // The gender of a candidate's first name, where the lexicon knows it.
        let given = |g: usize| {
            let first = known.names[g].split_whitespace().next().unwrap_or("");
            parallax_read::lexicon::first_name_gender(first)
        };
        // "Ms Carrick" is not Ian Carrick.
        let fits = |g: &usize| {
            mention.gender.is_none() || given(*g).is_none() || given(*g) == mention.gender
        };
        let mut candidates: Vec<usize> = known.short_of(n).into_iter().filter(fits).collect();
        // One of them known to be of the title's gender: that one.
        let of_gender: Vec<usize> = (candidates.iter().copied())
            .filter(|&g| mention.gender.is_some() && given(g) == mention.gender)
            .collect();
        if of_gender.len() == 1 {
            candidates = of_gender;
        }
        // Two people share the surname: the short form stays apart.
        let distinct_firsts: HashSet<&str> = candidates
            .iter()
            .map(|&g| known.keys[g].1.as_str())
            .collect();
        match (candidates.first(), distinct_firsts.len()) {
            (Some(&g), 1) => groups[g].push(i),
            _ => match known.lower.get(&n.to_lowercase()) {
                Some(&g) => groups[g].push(i),
                None => {
                    known.push(n, mention.organisation);
                    groups.push(vec![i]);
                }
            },
        }
    }
    let mut out: BTreeMap<usize, Entity> = BTreeMap::new();
    for (g, members) in groups.iter().enumerate() {
        let mut mentions: Vec<Mention> = Vec::new();
        for &i in members {
            let m = Mention {
                article: found[i].0.clone(),
                text: found[i].1.text.clone(),
                span: None,
            };
            if !mentions.contains(&m) {
                mentions.push(m);
            }
        }
        out.insert(
            g,
            Entity {
                id: format!("E{}", g + 1),
                name: known.names[g].clone(),
                entity_type: if known.bodies.contains(&g) {
                    "organization".to_string()
                } else {
                    kind_of(&known.names[g]).to_string()
                },
                mentions,
            },
        );
    }
    let mut list: Vec<Entity> = out.into_values().collect();
    list.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
    for (k, e) in list.iter_mut().enumerate() {
        e.id = format!("E{}", k + 1);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(texts: &[(&str, &str)]) -> Vec<Entity> {
        let articles: Vec<(String, Vec<NameMention>)> = texts
            .iter()
            .map(|(id, t)| (id.to_string(), article_names(&[t])))
            .collect();
        entities(&articles)
    }

    fn group_of<'a>(es: &'a [Entity], article: &str, text: &str) -> &'a str {
        &es.iter()
            .find(|e| {
                e.mentions
                    .iter()
                    .any(|m| m.article == article && m.text == text)
            })
            .unwrap_or_else(|| panic!("no {text}"))
            .name
    }

    #[test]
    fn spellings_titles_and_acronyms_merge() {
        let es = story(&[
            ("a", "Ukrainian president Volodymyr Zelensky met Mr Witkoff. The European Union and Nato agreed."),
            ("b", "Volodymyr Zelenskyy said Steve Witkoff was right. The EU and NATO welcomed it. Witkoff left."),
        ]);
        assert_eq!(
            group_of(&es, "a", "Volodymyr Zelensky"),
            group_of(&es, "b", "Volodymyr Zelenskyy")
        );
        assert_eq!(group_of(&es, "a", "Mr Witkoff"), "Steve Witkoff");
        assert_eq!(group_of(&es, "b", "Witkoff"), "Steve Witkoff");
        assert_eq!(group_of(&es, "b", "EU"), "European Union");
        assert_eq!(group_of(&es, "a", "Nato"), group_of(&es, "b", "NATO"));
        let a = article_names(&[
            "Rescue in Forty Minutes",
            "The commander, Mrs. Lena Brandt, spoke. The Warehouse and Transport Union agreed.",
        ]);
        let b = article_names(&[
            "Coastguard commander Lena Brandt said Maja Lind and Orlen Foods were told.",
        ]);
        let es = entities(&[("a".to_string(), a), ("b".to_string(), b)]);
        assert_eq!(group_of(&es, "a", "Mrs. Lena Brandt"), "Lena Brandt");
        assert_eq!(
            group_of(&es, "a", "Warehouse and Transport Union"),
            "Warehouse and Transport Union"
        );
        assert_eq!(group_of(&es, "b", "Orlen Foods"), "Orlen Foods");
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert!(!names.contains(&"Forty Minutes"), "{names:?}");
    }

    #[test]
    fn transliterations_of_one_name_merge() {
        for (a, b) in [
            (
                "Coach Marek Kowalczyk resigned.",
                "Coach Marek Kovalchik resigned.",
            ),
            (
                "Minister Aleksandr Petrenko spoke.",
                "Minister Oleksandr Petrenko spoke.",
            ),
            ("Judge Hanna Müller ruled.", "Judge Hanna Mueller ruled."),
            (
                "Coach Dušan Đorđević resigned.",
                "Coach Dusan Djordjevic resigned.",
            ),
            (
                "Envoy Mikhail Orlov arrived.",
                "Envoy Mihail Orlov arrived.",
            ),
        ] {
            let es = story(&[("a", a), ("b", b)]);
            let people: Vec<&str> = es
                .iter()
                .filter(|e| e.entity_type == "person")
                .map(|e| e.name.as_str())
                .collect();
            assert_eq!(people.len(), 1, "{a} / {b}: {people:?}");
        }
        for (a, b) in [
            ("Maria Rossi spoke.", "Mario Rossi spoke."),
            ("Anna Petrova spoke.", "Ivan Petrov spoke."),
            ("Olga Lind spoke.", "Olga Land spoke."),
        ] {
            let es = story(&[("a", a), ("b", b)]);
            assert_ne!(
                group_of(&es, "a", a.trim_end_matches(" spoke.")),
                group_of(&es, "b", b.trim_end_matches(" spoke.")),
                "{a} / {b}"
            );
        }
    }

    #[test]
    fn renderings_from_other_scripts_and_other_naming_orders_merge() {
        for (a, b) in [
            ("Rustam Kadyrbekov", "Rustam Qadyrbekov"),
            ("Ruslan Zhumabayev", "Ruslan Jumabaev"),
            ("Aleksei Morozkin", "Alexei Morozkin"),
            ("Pak Min-joon", "Minjoon Pak"),
            ("María Fernanda Quispe Huanca", "Maria Fernanda Quispe"),
            ("Teslov Grain Holding PJSC", "Teslov Grain Holding"),
        ] {
            let es = story(&[
                ("a", &format!("{a} spoke to the inquiry at Oskemen.")),
                ("b", &format!("At Oskemen, {b} spoke to the inquiry.")),
            ]);
            assert_eq!(group_of(&es, "a", a), group_of(&es, "b", b), "{a} / {b}");
        }
        for (a, b) in [
            ("Pell County", "Pell County Republican Party"),
            ("Maria Quispe Huanca", "Mario Quispe"),
        ] {
            let es = story(&[
                ("a", &format!("{a} spoke to the inquiry at Oskemen.")),
                ("b", &format!("At Oskemen, {b} spoke to the inquiry.")),
            ]);
            assert_ne!(group_of(&es, "a", a), group_of(&es, "b", b), "{a} / {b}");
        }
    }

    #[test]
    fn compound_given_names_hard_cs_titles_and_gender_join_the_right_person() {
        let es = story(&[
            (
                "a",
                "Prosecutor Abd al-Latif Mansour questioned Oskar Lindqvist. Welder Pia Kovacs, \
                 44, and her brother Tibor Kovacs were in court. Seán Ó Dálaigh, the clerk, read \
                 the charge.",
            ),
            (
                "b",
                "Abdul Latif Mansour, the prosecutor, questioned Oscar Lindqvist. Ms Kovacs was \
                 in the gallery. Mr Ó Dálaigh read the charge to Abdellatif Mansour's witness.",
            ),
        ]);
        assert_eq!(
            group_of(&es, "a", "Abd al-Latif Mansour"),
            group_of(&es, "b", "Abdul Latif Mansour")
        );
        assert_eq!(
            group_of(&es, "a", "Abd al-Latif Mansour"),
            group_of(&es, "b", "Abdellatif Mansour")
        );
        assert_eq!(
            group_of(&es, "a", "Oskar Lindqvist"),
            group_of(&es, "b", "Oscar Lindqvist")
        );
        assert_eq!(group_of(&es, "b", "Ms Kovacs"), "Pia Kovacs");
        assert_eq!(group_of(&es, "b", "Mr Ó Dálaigh"), "Seán Ó Dálaigh");
        // A title printed with the name is a mention as printed.
        assert_eq!(group_of(&es, "a", "Welder Pia Kovacs"), "Pia Kovacs");
        assert_eq!(
            group_of(&es, "a", "Prosecutor Abd al-Latif Mansour"),
            "Abd al-Latif Mansour"
        );
        // A body's first word alone, its acronym over hyphenated words, its name with a
        // plural possessive or "for" inside.
        let es = story(&[
            (
                "a",
                "Tallis Holdings will shut its mill, the National Anti-Fraud Office and the \
                 Brenna Women's Hospital said, as did the Institute for Coastal Ecology.",
            ),
            ("b", "Shares in Tallis fell. NAFO agreed."),
        ]);
        assert_eq!(group_of(&es, "b", "Tallis"), "Tallis Holdings");
        assert_eq!(group_of(&es, "b", "NAFO"), "National Anti-Fraud Office");
        let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
        assert!(names.contains(&"Brenna Women's Hospital"), "{names:?}");
        assert!(
            names.contains(&"Institute for Coastal Ecology"),
            "{names:?}"
        );
        let forge = es.iter().find(|e| e.name == "Tallis Holdings").unwrap();
        assert_eq!(forge.entity_type, "organization");
    }

    #[test]
    fn particles_and_nicknames_stay_inside_a_name() {
        let es = story(&[
            (
                "a",
                "Economy Minister Samir el-Haddad resigned. Terry \"Tank\" Boswell was sacked.",
            ),
            (
                "b",
                "Mr Haddad resigned on Monday, and Terry Boswell was sacked.",
            ),
        ]);
        assert_eq!(
            group_of(&es, "a", "Samir el-Haddad"),
            group_of(&es, "b", "Mr Haddad")
        );
        assert_eq!(
            group_of(&es, "a", "Terry \"Tank\" Boswell"),
            group_of(&es, "b", "Terry Boswell")
        );
    }

    #[test]
    fn roles_attach_to_the_one_person_who_holds_them() {
        let a = [
            "Mayor Ada Voss closed the bridge. Coastguard commander Lena Brandt said the crew was safe.",
            "The mayor said repairs would take a month, and the commander praised the crew.",
            "Anna Lindqvist, the minister, and Per Lindqvist, the coach, met; Eva Holm, the coach of the juniors, joined them.",
            "The minister spoke first, and the coach did not speak.",
        ];
        let names = article_names(&a);
        let roles = role_mentions(&parallax_read::read(&a), 0);
        let of = |text: &str| {
            roles
                .iter()
                .find(|r| r.text == text)
                .map(|r| r.name.as_str())
        };
        assert_eq!(of("The mayor"), Some("Ada Voss"));
        assert_eq!(of("the commander"), Some("Lena Brandt"));
        assert_eq!(of("The minister"), Some("Anna Lindqvist"));
        // Two coaches: "the coach" is neither.
        assert_eq!(of("the coach"), None);
        let mut all = names.clone();
        all.extend(roles);
        let es = entities(&[("a".to_string(), all)]);
        assert_eq!(group_of(&es, "a", "The mayor"), "Ada Voss");
    }

    #[test]
    fn people_who_share_a_surname_stay_apart() {
        let es = story(&[("a", "Anna Lindqvist, the minister, and Per Lindqvist, the coach, met. Lindqvist spoke first.")]);
        assert_ne!(
            group_of(&es, "a", "Anna Lindqvist"),
            group_of(&es, "a", "Per Lindqvist")
        );
        assert_eq!(group_of(&es, "a", "Lindqvist"), "Lindqvist");
    }
}
