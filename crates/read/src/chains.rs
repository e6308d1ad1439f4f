//! Who each source means: names in their fullest form, pronouns and roles tied to the
//! person they stand for.
//!
//! ## What it handles
//! Every person's name the article prints outside quotations is a mention. A surname or a
//! shorter form takes the fullest name that ends with it, the nearest one before it (so
//! "Clinton" after "Bill Clinton" is Bill, after "Hillary Clinton" Hillary), else the first
//! one after it. A pronoun takes the nearest compatible person: the sentence it stands in,
//! then each sentence before it, the subject of each (its first person) before the others;
//! "he" and "she" agree with the gender the person's titles, first name, role or earlier
//! pronouns give, a person of unknown gender counting only where no known one fits in
//! that sentence (a surname that people of both genders share gives none of its own);
//! "he" or "she" opening a sentence is resolved in its turn even where it reports nothing,
//! so that the pronouns after it follow the same person; "they" and "it" take the nearest
//! organisation, a body a sentence opens with by its common noun ("The institute was quick
//! to respond.") counting as named there. A role ("the senator")
//! takes the nearest person the article gave that title or role.
//!
//! ## What it does not
//! Cataphora ("Before he spoke, Voss ..."), plural people ("they" for two named people),
//! and nested reports' inner sources.

use std::collections::{HashMap, HashSet};

use crate::lexicon::{Gender, PronounKind};
use crate::names::{Head, NameRun};

/// A person or organisation named in the article.
#[derive(Debug, Clone)]
pub struct Mention {
    /// The sentence's order in the article (0, 1, 2, … across paragraphs).
    pub sentence: usize,
    /// Its byte offset in the paragraph, and the paragraph.
    pub paragraph: usize,
    /// Where it starts in the paragraph.
    pub at: usize,
    /// The name as printed, titles and possessive taken off.
    pub name: String,
    /// The titles and roles printed with it.
    pub titles: Vec<String>,
    /// An organisation rather than a person.
    pub organisation: bool,
    /// Its gender, where its titles or first name give one.
    pub gender: Option<Gender>,
    /// Printed as a possessive ("Sanders's campaign manager"): a modifier, not a subject.
    pub possessive: bool,
    /// A place.
    pub place: bool,
    /// Named as the source of speech: a person even when only a surname is printed.
    pub speaker: bool,
    /// The key the name is known by across its forms ([`key`]).
    key: String,
}

/// The article's mentions, in the order they were noted, and what has been learnt of each
/// person. The mentions are indexed (by key, sentence, first name and kind) so that each
/// question about a source looks only at the mentions that can answer it: an article of
/// many thousands of attributions is read in time about proportional to its length.
#[derive(Debug, Default)]
pub struct People {
    mentions: Vec<Mention>,
    /// What the article tells of each name key.
    families: HashMap<String, Family>,
    /// The mentions of each sentence, by sentence order.
    by_sentence: HashMap<usize, Vec<usize>>,
    /// Mentions of people named in two words or more, by their first word.
    by_first: HashMap<String, Vec<usize>>,
    /// Mentions of people printed with a title or role.
    titled: Vec<usize>,
    /// Mentions of bodies named in two words or more.
    bodies: Vec<usize>,
    /// Each body's first mention, by its name as printed.
    body_named: HashMap<String, usize>,
    /// Names of people as printed (neither bodies nor places).
    persons: HashSet<String>,
    /// Genders learnt from resolved pronouns, by name key.
    learnt: HashMap<String, Gender>,
}

/// What the article tells of one name key: its mentions and the genders they give.
#[derive(Debug, Default)]
struct Family {
    /// Its mentions, in the order they were noted.
    members: Vec<usize>,
    /// The first gender a person's mention of it gives.
    gender: Option<Gender>,
    /// Whether another mention gives another gender ("Bill Clinton", "Mrs. Clinton").
    mixed: bool,
    /// The first gender each name as printed is given.
    by_name: HashMap<String, Gender>,
    /// Whether a person of it is named in two words or more.
    full: bool,
    /// Whether any mention of it (a body's too) has two words or more.
    long: bool,
}

/// A place in the article: sentence order, paragraph and byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The sentence's order in the article.
    pub sentence: usize,
    /// The paragraph.
    pub paragraph: usize,
    /// Byte offset in the paragraph.
    pub at: usize,
}

impl Place {
    fn before(&self, m: &Mention) -> bool {
        (m.sentence, m.at) < (self.sentence, self.at)
    }
}

/// The key a name is known by across its forms: its last word, folded.
fn key(name: &str) -> String {
    parallax_text::fold_diacritics(name.split_whitespace().last().unwrap_or("")).to_lowercase()
}

impl People {
    /// Notes a mention and indexes it.
    fn push(&mut self, m: Mention) {
        let i = self.mentions.len();
        let long = m.name.split_whitespace().nth(1).is_some();
        let family = self.families.entry(m.key.clone()).or_default();
        family.members.push(i);
        family.long |= long;
        if !m.organisation {
            family.full |= long;
            if let Some(g) = m.gender {
                family.mixed |= family.gender.is_some_and(|x| x != g);
                family.gender.get_or_insert(g);
                family.by_name.entry(m.name.clone()).or_insert(g);
            }
            if long {
                let first = m.name.split_whitespace().next().unwrap_or("");
                self.by_first.entry(first.to_string()).or_default().push(i);
            }
            if !m.titles.is_empty() {
                self.titled.push(i);
            }
            if !m.place {
                self.persons.insert(m.name.clone());
            }
        } else {
            self.body_named.entry(m.name.clone()).or_insert(i);
            if m.name.contains(' ') {
                self.bodies.push(i);
            }
        }
        self.by_sentence.entry(m.sentence).or_default().push(i);
        self.mentions.push(m);
    }

    /// The mentions of sentence `sentence`, in the order they were noted.
    fn in_sentence(&self, sentence: usize) -> impl Iterator<Item = (usize, &Mention)> {
        self.by_sentence
            .get(&sentence)
            .into_iter()
            .flatten()
            .map(|&i| (i, &self.mentions[i]))
    }

    /// Notes a name run found in sentence `sentence` of paragraph `paragraph`.
    pub fn add(&mut self, sentence: usize, paragraph: usize, at: usize, run: &NameRun) {
        self.push(Mention {
            sentence,
            paragraph,
            at,
            name: run.text.clone(),
            titles: run.titles.clone(),
            organisation: run.organisation,
            gender: run.gender,
            possessive: run.possessive || run.modifier,
            place: run.place,
            speaker: false,
            key: key(&run.text),
        });
    }

    /// Notes that a pronoun or role at `place` was resolved to `name`: the speaker it
    /// names is the most salient person there for the pronouns after it.
    pub fn add_resolved(&mut self, place: Place, name: &str) {
        // Only a person the article names: a role left as printed ("minister") is no one.
        if !self.persons.contains(name) {
            return;
        }
        let gender = self.gender(name);
        self.push(Mention {
            sentence: place.sentence,
            paragraph: place.paragraph,
            at: place.at,
            name: name.to_string(),
            titles: Vec::new(),
            organisation: false,
            gender,
            possessive: false,
            place: false,
            speaker: true,
            key: key(name),
        });
    }

    /// Notes that a body's common noun at `place` ("The institute") was resolved to `name`:
    /// the body is the nearest one there for "it" and "they" after it.
    pub fn add_body(&mut self, place: Place, name: &str) {
        let Some(named) = self.body_named.get(name).map(|&i| self.mentions[i].clone()) else {
            return;
        };
        self.push(Mention {
            sentence: place.sentence,
            paragraph: place.paragraph,
            at: place.at,
            ..named
        });
    }

    /// The fullest form of a person's name, as near `place` as the article gives it.
    pub fn fullest(&self, name: &str, place: Place) -> String {
        self.fullest_of(name, None, place)
    }

    /// [`People::fullest`] for a name printed with a gender ("Mr Lind" is never Maja Lind).
    fn fullest_of(&self, name: &str, gender: Option<Gender>, place: Place) -> String {
        let k = key(name);
        let words: Vec<&str> = name.split_whitespace().collect();
        let fuller = |m: &&Mention| {
            !m.organisation
                && m.name.len() > name.len()
                && gender.is_none_or(|g| {
                    m.gender.is_none_or(|x| x == g)
                        && self.gender_of(&k, &m.name).is_none_or(|x| x == g)
                })
                && words
                    .iter()
                    .all(|w| m.name.split_whitespace().any(|x| x == *w))
        };
        let family = self.families.get(&k).map_or(&[][..], |f| &f.members[..]);
        let family = || family.iter().map(|&i| &self.mentions[i]);
        let before = family().filter(|m| place.before(m)).rfind(fuller);
        let after = || family().filter(|m| !place.before(m)).find(fuller);
        // "beamed Bernie" after "Bernie Quayle": a first name alone, as features and
        // tabloids print it, where no one has it as a surname.
        let first_name = || {
            if words.len() != 1 {
                return None;
            }
            let by_first = |m: &&Mention| {
                gender.is_none_or(|g| self.gender_of(&m.key, &m.name).is_none_or(|x| x == g))
            };
            let named = self.by_first.get(name).map_or(&[][..], |v| &v[..]);
            let named = || named.iter().map(|&i| &self.mentions[i]).filter(by_first);
            let mut firsts = named().map(|m| &m.key);
            let one = firsts.next()?;
            let surname = self.families.get(&k).is_some_and(|f| f.long);
            (!surname && firsts.all(|x| x == one))
                .then(|| named().next())
                .flatten()
        };
        before
            .or_else(after)
            .or_else(first_name)
            .map_or_else(|| name.to_string(), |m| m.name.clone())
    }

    /// The gender the article gives a person, where it gives one. Where people of both
    /// genders share the surname ("Bill Clinton", "Mrs. Clinton"), only the mentions of
    /// the name as given count, and a bare surname has none.
    pub fn gender(&self, name: &str) -> Option<Gender> {
        self.gender_of(&key(name), name)
    }

    /// [`People::gender`] of `name`, whose key is `k`.
    fn gender_of(&self, k: &str, name: &str) -> Option<Gender> {
        match self.families.get(k) {
            Some(f) if f.mixed => f.by_name.get(name).copied(),
            Some(f) if f.gender.is_some() => f.gender,
            _ => self.learnt.get(k).copied(),
        }
    }

    /// The person or body a source phrase stands for, as a speaker's name.
    pub fn speaker(&mut self, head: &Head, place: Place) -> Option<String> {
        match head {
            Head::Name(run) if run.organisation => Some(run.text.clone()),
            Head::Name(run) => Some(self.fullest_of(&run.text, run.gender, place)),
            Head::Pronoun(kind, _) => self.pronoun(*kind, place),
            Head::Role {
                text,
                noun,
                definite,
                ..
            } => self
                .role(noun, *definite, place)
                .or_else(|| self.described(text, *definite, place))
                .or_else(|| Some(text.clone())),
        }
    }

    /// The person (or body) a pronoun at `place` stands for.
    fn pronoun(&mut self, kind: PronounKind, place: Place) -> Option<String> {
        match kind {
            PronounKind::Person(g) => {
                let found = self.person_for(g, place)?;
                let k = key(&found);
                if self.gender_of(&k, &found).is_none() {
                    self.learnt.insert(k, g);
                }
                Some(self.fullest_of(&found, Some(g), place))
            }
            // The body noted last in this sentence and the two before it.
            PronounKind::Plural | PronounKind::Thing => (place.sentence.saturating_sub(2)
                ..=place.sentence)
                .flat_map(|s| self.in_sentence(s))
                .filter(|(_, m)| m.organisation && place.before(m))
                .max_by_key(|(i, _)| *i)
                .map(|(_, m)| m.name.clone()),
            PronounKind::Speaker => None,
        }
    }

    /// The person a sentence is about: its first person's name, in its fullest form.
    pub fn subject_of(&self, sentence: usize) -> Option<String> {
        let here = || {
            self.in_sentence(sentence)
                .map(|(_, m)| m)
                .filter(|m| !m.organisation)
        };
        let m = here()
            .find(|m| m.name.contains(' ') || !m.titles.is_empty())
            .or_else(|| here().find(|m| self.is_person(m)))?;
        let place = Place {
            sentence,
            paragraph: m.paragraph,
            at: m.at,
        };
        Some(self.fullest(&m.name, place))
    }

    /// Who holds which role, as the article names them: (role word, fullest name) for every
    /// person printed with a role or title ("transport minister Anna Lindqvist"), latest
    /// last.
    pub fn roles(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for m in self
            .mentions
            .iter()
            .filter(|m| !m.organisation && m.name.contains(' '))
        {
            for t in m
                .titles
                .iter()
                .filter(|t| crate::lexicon::person_role(t).is_some())
            {
                out.retain(|(r, _)| r != t);
                out.push((t.clone(), m.name.clone()));
            }
        }
        out
    }

    /// Whether a mention is known to name a person: a name of two words or more, a title,
    /// or a surname the article also gives in full. A lone capitalised word the article
    /// says nothing more of may be a place ("Washington").
    fn is_person(&self, m: &Mention) -> bool {
        if m.possessive || (m.place && m.gender.is_none() && m.titles.is_empty()) {
            return false;
        }
        if m.speaker {
            return true;
        }
        m.name.split_whitespace().count() >= 2
            || !m.titles.is_empty()
            || m.gender.is_some()
            || self.families.get(&m.key).is_some_and(|f| f.full)
    }

    /// The nearest person of gender `g` before `place`, sentence by sentence, subjects first.
    fn person_for(&self, g: Gender, place: Place) -> Option<String> {
        let mut earlier: Vec<&Mention> = (place.sentence.saturating_sub(12)..=place.sentence)
            .flat_map(|s| self.in_sentence(s))
            .map(|(_, m)| m)
            .filter(|m| !m.organisation && place.before(m))
            .filter(|m| self.is_person(m))
            .collect();
        earlier.sort_by_key(|m| (m.sentence, m.at));
        // Sentence by sentence back from the pronoun, its subject first: someone known to
        // be of the pronoun's gender within the last few sentences, else the nearest
        // person of unknown gender.
        let back = |limit: usize, fits: &dyn Fn(&Mention) -> bool| {
            (0..=limit.min(place.sentence)).find_map(|d| {
                earlier
                    .iter()
                    .filter(|m| m.sentence == place.sentence - d)
                    .find(|m| fits(m))
                    .map(|m| m.name.clone())
            })
        };
        let compatible = |m: &Mention| self.gender_of(&m.key, &m.name).is_none_or(|x| x == g);
        // The pronoun's own sentence first: "Desmond Achterberg said he would ask".
        back(0, &compatible)
            .or_else(|| back(1, &|m| self.gender_of(&m.key, &m.name) == Some(g)))
            .or_else(|| back(12, &compatible))
    }

    /// The person a definite description by age stands for, where no one was given its
    /// role before ("“…,” fumed the 41-year-old bike shop owner" after a sentence about
    /// Callum Ferriday): the person the sentence before is about. Only an age ties the
    /// description to someone met; "the Florida senator" or "the GOP front-runner" may be
    /// anyone the reader is expected to know.
    fn described(&self, text: &str, definite: bool, place: Place) -> Option<String> {
        if !definite || !text.to_lowercase().contains("-year-old") {
            return None;
        }
        self.subject_of(place.sentence.checked_sub(1)?)
    }

    /// The nearest person the article gave the role `noun` before `place` (for a `definite`
    /// role, else the first one after it); for a body ("the company", "the ministry"), the
    /// nearest organisation named before it.
    fn role(&self, noun: &str, definite: bool, place: Place) -> Option<String> {
        let bodies = || {
            self.bodies
                .iter()
                .rev()
                .map(|&i| &self.mentions[i])
                .filter(|m| place.before(m))
        };
        // "the authority" is the Vaeloa Regional Water Authority named before it.
        if let Some(m) =
            bodies().find(|m| m.name.to_lowercase().split_whitespace().any(|w| w == noun))
        {
            return Some(m.name.clone());
        }
        if matches!(
            noun,
            "company"
                | "firm"
                | "operator"
                | "airline"
                | "carrier"
                | "manufacturer"
                | "maker"
                | "utility"
        ) {
            return bodies().next().map(|m| m.name.clone());
        }
        let matches_role = |t: &String| {
            t == noun
                || matches!(
                    (t.as_str(), noun),
                    ("sen", "senator")
                        | ("rep", "representative" | "congressman" | "congresswoman")
                        | ("gov", "governor")
                        | ("gen", "general")
                        | ("dr", "doctor")
                        | ("prof", "professor")
                )
        };
        // The nearest holder before; else, for a definite role in a lede that names the
        // holder only later ("Dalveria’s culture minister has vowed …" before "Ilka
        // Moravec, the culture minister,"), the first one after; "a spokeswoman" is not
        // who a later paragraph names.
        let holds = |m: &&Mention| m.titles.iter().any(matches_role);
        let titled = || self.titled.iter().map(|&i| &self.mentions[i]);
        let before = titled().rev().filter(|m| place.before(m)).find(holds);
        let after = || {
            let later = titled().filter(|m| !place.before(m));
            later.filter(|_| definite).find(holds)
        };
        before.or_else(after).map(|m| self.fullest(&m.name, place))
    }
}
