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
}

/// The article's mentions, in order, and what has been learnt of each person.
#[derive(Debug, Default)]
pub struct People {
    mentions: Vec<Mention>,
    /// Genders learnt from resolved pronouns, by name key.
    learnt: Vec<(String, Gender)>,
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
    /// Notes a name run found in sentence `sentence` of paragraph `paragraph`.
    pub fn add(&mut self, sentence: usize, paragraph: usize, at: usize, run: &NameRun) {
        self.mentions.push(Mention {
            sentence,
            paragraph,
            at,
            name: run.text.clone(),
            titles: run.titles.clone(),
            organisation: run.organisation,
            gender: run.gender,
            possessive: run.possessive,
            place: run.place,
            speaker: false,
        });
    }

    /// Notes that a pronoun or role at `place` was resolved to `name`: the speaker it
    /// names is the most salient person there for the pronouns after it.
    pub fn add_resolved(&mut self, place: Place, name: &str) {
        // Only a person the article names: a role left as printed ("minister") is no one.
        let named = self
            .mentions
            .iter()
            .any(|m| !m.organisation && !m.place && m.name == name);
        if !named {
            return;
        }
        let gender = self.gender(name);
        self.mentions.push(Mention {
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
        });
    }

    /// Notes that a body's common noun at `place` ("The institute") was resolved to `name`:
    /// the body is the nearest one there for "it" and "they" after it.
    pub fn add_body(&mut self, place: Place, name: &str) {
        let Some(named) = self
            .mentions
            .iter()
            .find(|m| m.organisation && m.name == name)
            .cloned()
        else {
            return;
        };
        self.mentions.push(Mention {
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
                && key(&m.name) == k
                && gender.is_none_or(|g| {
                    self.gender(&m.name).is_none_or(|x| x == g) && m.gender.is_none_or(|x| x == g)
                })
                && m.name.len() > name.len()
                && words
                    .iter()
                    .all(|w| m.name.split_whitespace().any(|x| x == *w))
        };
        let before = self
            .mentions
            .iter()
            .filter(|m| place.before(m))
            .rfind(fuller);
        let after = || {
            self.mentions
                .iter()
                .filter(|m| !place.before(m))
                .find(fuller)
        };
        // "beamed Bernie" after "Bernie Quayle": a first name alone, as features and
        // tabloids print it, where no one has it as a surname.
        let first_name = || {
            if words.len() != 1 {
                return None;
            }
            let by_first = |m: &&Mention| {
                !m.organisation
                    && m.name.split_whitespace().count() >= 2
                    && m.name.split_whitespace().next() == Some(name)
                    && gender.is_none_or(|g| self.gender(&m.name).is_none_or(|x| x == g))
            };
            let mut firsts = self.mentions.iter().filter(by_first).map(|m| key(&m.name));
            let one = firsts.next()?;
            let surname = self
                .mentions
                .iter()
                .any(|m| m.name.split_whitespace().count() >= 2 && key(&m.name) == k);
            (!surname && firsts.all(|x| x == one))
                .then(|| self.mentions.iter().find(by_first))
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
        let k = key(name);
        let family = || {
            let k = &k;
            self.mentions
                .iter()
                .filter(move |m| !m.organisation && key(&m.name) == *k)
        };
        let mut known = family().filter_map(|m| m.gender);
        let first = known.next();
        if first.is_some() && known.all(|g| Some(g) == first) {
            return first;
        }
        if first.is_some() {
            return family().filter(|m| m.name == name).find_map(|m| m.gender);
        }
        self.learnt.iter().find(|(n, _)| *n == k).map(|(_, g)| *g)
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
                if self.gender(&found).is_none() {
                    self.learnt.push((k, g));
                }
                Some(self.fullest_of(&found, Some(g), place))
            }
            PronounKind::Plural | PronounKind::Thing => self
                .mentions
                .iter()
                .rev()
                .filter(|m| place.before(m) && place.sentence - m.sentence <= 2)
                .find(|m| m.organisation)
                .map(|m| m.name.clone()),
            PronounKind::Speaker => None,
        }
    }

    /// The person a sentence is about: its first person's name, in its fullest form.
    pub fn subject_of(&self, sentence: usize) -> Option<String> {
        let here = || {
            self.mentions
                .iter()
                .filter(|m| m.sentence == sentence && !m.organisation)
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
            || self.mentions.iter().any(|x| {
                !x.organisation
                    && x.name.split_whitespace().count() >= 2
                    && key(&x.name) == key(&m.name)
            })
    }

    /// The nearest person of gender `g` before `place`, sentence by sentence, subjects first.
    fn person_for(&self, g: Gender, place: Place) -> Option<String> {
        let mut earlier: Vec<&Mention> = self
            .mentions
            .iter()
            .filter(|m| !m.organisation && place.before(m) && place.sentence - m.sentence <= 12)
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
        let compatible = |m: &Mention| self.gender(&m.name).is_none_or(|x| x == g);
        // The pronoun's own sentence first: "Desmond Achterberg said he would ask".
        back(0, &compatible)
            .or_else(|| back(1, &|m| self.gender(&m.name) == Some(g)))
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
            self.mentions
                .iter()
                .rev()
                .filter(|m| m.organisation && place.before(m) && m.name.contains(' '))
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
        let holds = |m: &&Mention| !m.organisation && m.titles.iter().any(matches_role);
        let before = self
            .mentions
            .iter()
            .rev()
            .filter(|m| place.before(m))
            .find(holds);
        let after = || {
            let later = self.mentions.iter().filter(|m| !place.before(m));
            later.filter(|_| definite).find(holds)
        };
        before.or_else(after).map(|m| self.fullest(&m.name, place))
    }
}
