//! Who holds which role across a story's articles, so that "the minister said" in one
//! article is the minister another names.

use parallax_read::Reading;

use crate::found::Found;

/// Who holds which role, as the articles of one story name them ("transport minister Anna
/// Lindqvist" in one, "the minister said" in another), each article in turn. A role two
/// articles give to different people is nobody's.
#[derive(Debug, Default, Clone)]
pub struct Roles {
    held: Vec<(String, String)>,
    disputed: Vec<String>,
}

impl Roles {
    /// Notes the roles one article's reading names.
    pub fn read(&mut self, reading: &Reading<'_>) {
        for (role, name) in reading.people.roles() {
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
            // A role as printed: "minister", "regional governor", "Lund's agent".
            let Some(role) = f
                .speaker
                .as_deref()
                .filter(|s| {
                    s.chars().next().is_some_and(char::is_lowercase)
                        || s.contains("'s ")
                        || s.contains("’s ")
                })
                .and_then(|s| s.split_whitespace().last())
                .filter(|w| parallax_read::lexicon::person_role(w).is_some())
            else {
                continue;
            };
            if self.disputed.iter().any(|r| r == role) {
                continue;
            }
            if let Some((_, n)) = self.held.iter().rev().find(|(r, _)| r == role) {
                f.speaker = Some(n.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_is_named_by_another_article_of_the_story() {
        let mut roles = Roles::default();
        roles.read(&parallax_read::read(&[
            "The works were ordered by transport minister Hedda Morland on Monday.",
        ]));
        let mut found = crate::said(
            &parallax_read::read(&["The bridge will reopen in June, the minister said."]),
            &[],
        );
        assert_eq!(found[0].speaker.as_deref(), Some("minister"));
        roles.name_speakers(&mut found);
        assert_eq!(found[0].speaker.as_deref(), Some("Hedda Morland"));
    }

    #[test]
    fn an_agent_set_off_before_the_name_is_the_agent_another_article_quotes() {
        let mut roles = Roles::default();
        roles.read(&parallax_read::read(&[
            "His agent, Marta Quist, blamed a tainted supplement.",
        ]));
        let mut found = crate::said(
            &parallax_read::read(&["His agent says the sample was tainted."]),
            &[],
        );
        roles.name_speakers(&mut found);
        assert_eq!(found[0].speaker.as_deref(), Some("Marta Quist"));
    }

    #[test]
    fn a_role_two_articles_give_to_different_people_is_nobodys() {
        let mut roles = Roles::default();
        roles.read(&parallax_read::read(&[
            "Harbour chair Tove Rask spoke first.",
        ]));
        roles.read(&parallax_read::read(&[
            "Harbour chair Linus Berg spoke first.",
        ]));
        let mut found = crate::said(
            &parallax_read::read(&["The quay will close for a month, the chair said."]),
            &[],
        );
        roles.name_speakers(&mut found);
        assert_eq!(found[0].speaker.as_deref(), Some("chair"));
    }
}
