//! Adding articles to an existing corpus.
//!
//! ## What it handles
//! A [`StoryIndex`] keeps every article's [`Features`] and the grouping of all of them. Each
//! [`StoryIndex::add`] regroups the whole corpus, so the stories after any sequence of
//! additions, in any order and any batch sizes, are exactly those of analysing everything
//! at once; a story's [`StoryIndex::story_key`] comes from its members' ids, so a story
//! keeps its key as articles join it, whatever order they came in.
//!
//! ## What it does not
//! Update in less than linear time: corpus-wide term weights shift with every article, so
//! an exact update touches everything. Add articles in batches (a crawl, a file) rather
//! than one by one when the corpus is large.

use crate::{group, Features, Grouping, Settings};

/// The stories of a growing corpus.
#[derive(Debug, Clone)]
pub struct StoryIndex {
    settings: Settings,
    features: Vec<Features>,
    grouping: Grouping,
}

impl StoryIndex {
    /// An empty index.
    pub fn new(settings: Settings) -> Self {
        StoryIndex {
            settings,
            features: Vec::new(),
            grouping: Grouping {
                story_of: Vec::new(),
                stories: Vec::new(),
                copy_of: Vec::new(),
            },
        }
    }

    /// Adds articles and regroups; returns the story key of each added article.
    pub fn add(&mut self, batch: Vec<Features>) -> Vec<String> {
        let first = self.features.len();
        self.features.extend(batch);
        self.grouping = group(&self.features, &self.settings);
        (first..self.features.len())
            .map(|i| self.story_key(i))
            .collect()
    }

    /// The articles' features, in the order they were added.
    pub fn features(&self) -> &[Features] {
        &self.features
    }

    /// The current grouping (indexes into [`StoryIndex::features`]).
    pub fn grouping(&self) -> &Grouping {
        &self.grouping
    }

    /// The key of the story article `i` belongs to: the smallest id-hash among its members,
    /// so it depends on who is in the story, never on arrival order.
    pub fn story_key(&self, i: usize) -> String {
        let story = &self.grouping.stories[self.grouping.story_of[i]];
        crate::story_key(&self.features, &story.members)
    }
}
