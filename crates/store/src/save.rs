//! Saving an analysis a part at a time: every article, then every story, compared with the
//! rows of the analysis saved before, so that only what changed is written again.
//!
//! A row keeps the SHA-256 of its JSON (a story's also covers its articles' JSON, which
//! its search text and newest time come from) and its place in the report. An unchanged
//! part costs a hash and a look-up; one that only moved has its place updated; a changed
//! one is written again with its members and search text; one that is gone is deleted.
//! Adding one article to a large store thus rewrites the article, its story and whatever
//! the new analysis changed, not the whole report.
//!
//! Writes are gathered into batches of [`BATCH`] rows, which PostgreSQL sends in one
//! statement each.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::{search_text, Error, Result};

/// Rows written per batch.
const BATCH: usize = 1000;

/// The two tables of parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Table {
    /// `analysed_articles`.
    Articles,
    /// `stories`.
    Stories,
}

impl Table {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Table::Articles => "analysed_articles",
            Table::Stories => "stories",
        }
    }
}

/// A saved part's digest and place.
pub(crate) struct Stored {
    pub digest: String,
    pub position: i64,
}

/// An analysed article to write.
pub(crate) struct ArticlePut {
    pub id: String,
    pub position: i64,
    pub digest: String,
    pub story: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub json: String,
}

/// A story to write, with its members and what a search looks through.
pub(crate) struct StoryPut {
    pub id: String,
    pub position: i64,
    pub digest: String,
    pub key: String,
    pub headline: String,
    pub newest: Option<String>,
    pub members: Vec<String>,
    pub contradictions: i64,
    pub json: String,
    /// The story's own words and its articles' titles, outlets and bodies, diacritics
    /// folded.
    pub text: String,
}

/// An analysed article as saved: its published time (if any) and its JSON.
pub(crate) type Member = (Option<String>, String);

/// What a backend does for a [`Saving`], inside the one transaction it holds.
pub(crate) trait Rows {
    /// Every saved part of `table`, by id.
    fn stored(&mut self, table: Table) -> Result<HashMap<String, Stored>>;
    /// Writes these articles, replacing any saved under their ids.
    fn put_articles(&mut self, rows: &[ArticlePut]) -> Result<()>;
    /// Writes these stories with their members and search text, replacing any saved
    /// under their ids.
    fn put_stories(&mut self, rows: &[StoryPut]) -> Result<()>;
    /// Gives saved parts new places.
    fn moved(&mut self, table: Table, moves: &[(String, i64)]) -> Result<()>;
    /// Deletes saved parts (a story with its members and search text).
    fn delete(&mut self, table: Table, ids: &[String]) -> Result<()>;
    /// The saved articles among `ids`, by id.
    fn members(&mut self, ids: &[&str]) -> Result<HashMap<String, Member>>;
    /// Replaces the saved analysis's head and commits.
    fn finish(self: Box<Self>, head: &Head) -> Result<()>;
}

/// The parts of an analysis that are not articles or stories, as saved.
pub(crate) struct Head {
    pub revision: i64,
    pub articles: i64,
    pub settings: String,
    pub generator: String,
    pub summary: String,
}

/// How a [`Saving`] went: how many parts it wrote, moved and deleted (the others were
/// saved already as they are).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Saved {
    /// Articles written (new or changed).
    pub articles_written: usize,
    /// Articles that only changed place.
    pub articles_moved: usize,
    /// Articles of the saved analysis no longer in it.
    pub articles_deleted: usize,
    /// Stories written (new or changed).
    pub stories_written: usize,
    /// Stories that only changed place.
    pub stories_moved: usize,
    /// Stories of the saved analysis no longer in it.
    pub stories_deleted: usize,
}

/// An analysis being saved, begun by [`crate::Store::begin_analysis`]: give it every
/// article with [`Saving::article`], then every story with [`Saving::story`], in report
/// order, then [`Saving::commit`]. Dropped before that, nothing of it is saved.
pub struct Saving<'s> {
    rows: Box<dyn Rows + 's>,
    place: String,
    head: Head,
    stored_articles: HashMap<String, Stored>,
    /// Loaded with the first story.
    stored_stories: Option<HashMap<String, Stored>>,
    /// The digest of each article given, by id.
    digests: HashMap<String, [u8; 32]>,
    stories_seen: HashSet<String>,
    articles: i64,
    stories: i64,
    put_articles: Vec<ArticlePut>,
    /// Changed stories waiting for their members to be read.
    put_stories: Vec<(StoryPut, Value)>,
    moves: Vec<(String, i64)>,
    saved: Saved,
}

/// What a saved article's columns come from.
#[derive(Deserialize)]
struct ArticleHead {
    id: String,
    #[serde(default)]
    story: String,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    published: Option<String>,
}

impl<'s> Saving<'s> {
    pub(crate) fn new(mut rows: Box<dyn Rows + 's>, place: &str, head: Head) -> Result<Self> {
        let stored_articles = rows.stored(Table::Articles)?;
        Ok(Saving {
            rows,
            place: place.to_string(),
            head,
            stored_articles,
            stored_stories: None,
            digests: HashMap::new(),
            stories_seen: HashSet::new(),
            articles: 0,
            stories: 0,
            put_articles: Vec::new(),
            put_stories: Vec::new(),
            moves: Vec::new(),
            saved: Saved::default(),
        })
    }

    /// The next article of the report (a JSON object with an `id`).
    pub fn article(&mut self, json: &str) -> Result<()> {
        if self.stored_stories.is_some() {
            return Err(self.corrupt("an article after the stories".into()));
        }
        let head: ArticleHead = serde_json::from_str(json)
            .map_err(|e| self.corrupt(format!("an analysed article to save: {e}")))?;
        let hash: [u8; 32] = Sha256::digest(json.as_bytes()).into();
        if self.digests.insert(head.id.clone(), hash).is_some() {
            return Err(self.corrupt(format!("article {} twice in one analysis", head.id)));
        }
        let position = self.articles;
        self.articles += 1;
        let digest = hex(&hash);
        match self.stored_articles.remove(&head.id) {
            Some(s) if s.digest == digest => {
                if s.position != position {
                    self.moves.push((head.id, position));
                    self.saved.articles_moved += 1;
                }
            }
            _ => {
                self.put_articles.push(ArticlePut {
                    id: head.id,
                    position,
                    digest,
                    story: head.story,
                    outlet: head.outlet,
                    published: head.published,
                    json: json.to_string(),
                });
                self.saved.articles_written += 1;
            }
        }
        if self.put_articles.len() >= BATCH || self.moves.len() >= BATCH {
            self.flush_articles()?;
        }
        Ok(())
    }

    /// The next story of the report (a JSON object with an `id` and its `articles`).
    pub fn story(&mut self, json: &str) -> Result<()> {
        if self.stored_stories.is_none() {
            self.end_articles()?;
        }
        let story: Value = serde_json::from_str(json)
            .map_err(|e| self.corrupt(format!("a story to save: {e}")))?;
        let id = story["id"].as_str().unwrap_or("").to_string();
        if !self.stories_seen.insert(id.clone()) {
            return Err(self.corrupt(format!("story {id} twice in one analysis")));
        }
        let members: Vec<String> = story["articles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_string)
            .collect();
        // The story's JSON and its articles' (search text, newest time).
        let mut hash = Sha256::new();
        hash.update(json.as_bytes());
        for m in &members {
            hash.update(self.digests.get(m).map_or(&[0u8; 32][..], |d| &d[..]));
        }
        let digest = hex(&hash.finalize().into());
        let position = self.stories;
        self.stories += 1;
        let stored = self.stored_stories.as_mut().and_then(|s| s.remove(&id));
        match stored {
            Some(s) if s.digest == digest => {
                if s.position != position {
                    self.moves.push((id, position));
                    self.saved.stories_moved += 1;
                }
            }
            _ => {
                let put = StoryPut {
                    key: story["key"].as_str().unwrap_or("").to_string(),
                    headline: story["headline"].as_str().unwrap_or("").to_string(),
                    contradictions: story["facts"]
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter(|f| f["status"] == "contradicted")
                        .count() as i64,
                    id,
                    position,
                    digest,
                    newest: None,
                    members,
                    json: json.to_string(),
                    text: String::new(),
                };
                self.put_stories.push((put, story));
                self.saved.stories_written += 1;
            }
        }
        if self.put_stories.len() >= BATCH || self.moves.len() >= BATCH {
            self.flush_stories()?;
        }
        Ok(())
    }

    /// Writes what is left, deletes what the analysis no longer has, and commits.
    pub fn commit(mut self) -> Result<Saved> {
        if self.stored_stories.is_none() {
            self.end_articles()?;
        }
        self.flush_stories()?;
        let gone: Vec<String> = self
            .stored_stories
            .take()
            .unwrap_or_default()
            .into_keys()
            .collect();
        self.saved.stories_deleted = gone.len();
        self.rows.delete(Table::Stories, &gone)?;
        self.head.articles = self.articles;
        let saved = self.saved;
        self.rows.finish(&self.head)?;
        Ok(saved)
    }

    /// After the last article: writes what is waiting, deletes the articles the analysis
    /// no longer has, and reads the saved stories.
    fn end_articles(&mut self) -> Result<()> {
        self.flush_articles()?;
        let gone: Vec<String> = std::mem::take(&mut self.stored_articles)
            .into_keys()
            .collect();
        self.saved.articles_deleted = gone.len();
        self.rows.delete(Table::Articles, &gone)?;
        self.stored_stories = Some(self.rows.stored(Table::Stories)?);
        Ok(())
    }

    fn flush_articles(&mut self) -> Result<()> {
        self.rows.put_articles(&self.put_articles)?;
        self.put_articles.clear();
        self.rows.moved(Table::Articles, &self.moves)?;
        self.moves.clear();
        Ok(())
    }

    /// Writes the changed stories waiting, their search text and newest time read from
    /// their saved articles.
    fn flush_stories(&mut self) -> Result<()> {
        let ids: Vec<&str> = self
            .put_stories
            .iter()
            .flat_map(|(s, _)| s.members.iter().map(String::as_str))
            .collect();
        let members = if ids.is_empty() {
            HashMap::new()
        } else {
            self.rows.members(&ids)?
        };
        let mut puts = Vec::with_capacity(self.put_stories.len());
        for (mut put, story) in self.put_stories.drain(..) {
            let saved: Vec<&Member> = put.members.iter().filter_map(|m| members.get(m)).collect();
            put.newest = saved.iter().filter_map(|(p, _)| p.clone()).max();
            let articles: Vec<Value> = saved
                .iter()
                .filter_map(|(_, json)| serde_json::from_str(json).ok())
                .collect();
            put.text = search_text(&story, &articles);
            puts.push(put);
        }
        self.rows.put_stories(&puts)?;
        self.rows.moved(Table::Stories, &self.moves)?;
        self.moves.clear();
        Ok(())
    }

    fn corrupt(&self, problem: String) -> Error {
        Error::Corrupt {
            path: self.place.clone(),
            problem,
        }
    }
}

impl Head {
    /// The head as [`crate::Store::analysis`] gives it.
    pub(crate) fn analysis(self) -> crate::Analysis {
        crate::Analysis {
            revision: self.revision,
            articles: usize::try_from(self.articles).unwrap_or(0),
            settings: self.settings,
            generator: self.generator,
            summary: self.summary,
        }
    }
}

/// Lower-case hexadecimal.
pub(crate) fn hex(bytes: &[u8; 32]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
