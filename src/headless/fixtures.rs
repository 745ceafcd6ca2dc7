//! Feeds and stories held in memory, answering the app's queries as the
//! store would (filters, full-text words, entity filters ranked by
//! salience, the entity index), so UI tests need no database.

use std::cell::RefCell;

use anyhow::Context as _;
use serde::Deserialize;

use super::Source;
use crate::app::{Effect, Loaded, Query, StoryDetail};
use crate::model::{EntityKind, FeedState, StoryRow};
use crate::store::{EntityCount, ListQuery};

/// Feeds and stories held in memory, answering queries like the store would.
#[derive(Debug, Default)]
pub struct Fixtures {
    feeds: Vec<FeedState>,
    stories: RefCell<Vec<StoryDetail>>,
}

/// The JSON shape of a fixture file: `{"feeds": [...], "stories": [...]}`.
#[derive(Deserialize)]
struct FixtureFile {
    feeds: Vec<FeedState>,
    stories: Vec<StoryDetail>,
}

impl Fixtures {
    /// Returns fixtures holding these feeds and stories.
    pub fn new(feeds: Vec<FeedState>, stories: Vec<StoryDetail>) -> Fixtures {
        Fixtures {
            feeds,
            stories: RefCell::new(stories),
        }
    }

    /// Parses a fixture file (`{"feeds": [...], "stories": [...]}`).
    pub fn from_json(json: &str) -> anyhow::Result<Fixtures> {
        let file: FixtureFile =
            serde_json::from_str(json).context("the fixture file is not valid JSON for Byline")?;
        Ok(Fixtures::new(file.feeds, file.stories))
    }

    fn rows(&self, query: &ListQuery) -> Vec<StoryRow> {
        let stories = self.stories.borrow();
        let words: Vec<String> = query
            .search
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        let mut rows: Vec<(f32, StoryRow)> = stories
            .iter()
            .filter(|d| query.feed.is_none_or(|f| d.story.feed_id == f))
            .filter(|d| !query.unread_only || !d.story.read)
            .filter(|d| !query.starred_only || d.story.starred)
            .filter(|d| {
                // Whole words, as the store's full-text index matches them.
                let hay = format!("{} {}", d.story.title, d.story.text).to_lowercase();
                let hay: Vec<&str> = hay.split(|c: char| !c.is_alphanumeric()).collect();
                words.iter().all(|w| hay.contains(&w.as_str()))
            })
            .filter_map(|d| Some((entity_salience(d, query)?, d)))
            .map(|(salience, d)| {
                let s = &d.story;
                let row = StoryRow {
                    id: s.id,
                    title: s.title.clone(),
                    feed: s.feed_title.clone(),
                    url: s.url.clone(),
                    published: s.published,
                    read: s.read,
                    starred: s.starred,
                    event: None,
                    duplicate_of: None,
                    copies: 1,
                };
                (salience, row)
            })
            .collect();
        rows.sort_by(|(sa, a), (sb, b)| {
            sb.total_cmp(sa)
                .then(b.published.cmp(&a.published))
                .then(b.id.cmp(&a.id))
        });
        rows.truncate(query.limit.unwrap_or(usize::MAX));
        rows.into_iter().map(|(_, row)| row).collect()
    }

    /// Returns one story, its links to other fixture stories found by URL
    /// as the store finds cached ones.
    fn detail(&self, id: crate::model::StoryId) -> Option<StoryDetail> {
        let stories = self.stories.borrow();
        let mut detail = stories.iter().find(|d| d.story.id == id)?.clone();
        detail.cached_links = detail
            .story
            .links
            .iter()
            .map(|link| {
                stories
                    .iter()
                    .find(|d| d.story.id != id && d.story.url.as_deref() == Some(link.url.as_str()))
                    .map(|d| d.story.id)
            })
            .collect();
        Some(detail)
    }

    fn entity_index(&self, kind: EntityKind) -> Vec<EntityCount> {
        let stories = self.stories.borrow();
        let mut index: Vec<EntityCount> = Vec::new();
        for entity in stories.iter().flat_map(|d| &d.entities) {
            if entity.kind != kind {
                continue;
            }
            match index
                .iter_mut()
                .find(|e| e.name == entity.name && e.country == entity.country)
            {
                Some(found) => found.stories += 1,
                None => index.push(EntityCount {
                    kind,
                    name: entity.name.clone(),
                    country: entity.country.clone(),
                    stories: 1,
                }),
            }
        }
        index.sort_by(|a, b| b.stories.cmp(&a.stories).then(a.name.cmp(&b.name)));
        index
    }
}

/// Returns the story's rank for the query's person, country and organisation
/// filters (the sum of the best salience per filter, 0 without filters), or
/// `None` when a filter does not match it: the store's rules, on one story.
fn entity_salience(detail: &StoryDetail, query: &ListQuery) -> Option<f32> {
    let best = |wanted: &dyn Fn(&crate::model::Entity) -> bool| {
        detail
            .entities
            .iter()
            .filter(|e| wanted(e))
            .map(|e| e.salience)
            .reduce(f32::max)
    };
    let mut total = 0.0;
    if let Some(person) = query.person.as_deref().map(str::trim) {
        total += best(&|e| {
            e.kind == EntityKind::Person
                && (e.name.eq_ignore_ascii_case(person) || e.name.ends_with(&format!(" {person}")))
        })?;
    }
    if let Some(org) = query.org.as_deref().map(str::trim) {
        total += best(&|e| e.kind == EntityKind::Org && e.name.eq_ignore_ascii_case(org))?;
    }
    if let Some(country) = query.country.as_deref().map(str::trim) {
        // A country's name stands for its code, as in the store.
        let code = detail
            .entities
            .iter()
            .find(|e| e.kind == EntityKind::Country && e.name.eq_ignore_ascii_case(country))
            .and_then(|e| e.country.clone())
            .unwrap_or_else(|| country.to_uppercase());
        total += best(&|e| e.country.as_deref() == Some(code.as_str()))?;
    }
    Some(total)
}

impl Source for Fixtures {
    fn load(&self, query: &Query) -> anyhow::Result<Loaded> {
        Ok(match query {
            Query::Feeds => {
                let stories = self.stories.borrow();
                let feeds = self
                    .feeds
                    .iter()
                    .map(|f| {
                        let mine = stories.iter().filter(|d| d.story.feed_id == f.id);
                        FeedState {
                            stories: mine.clone().count() as u64,
                            unread: mine.filter(|d| !d.story.read).count() as u64,
                            ..f.clone()
                        }
                    })
                    .collect();
                Loaded::Feeds(feeds)
            }
            Query::Stories(q) => Loaded::Stories(self.rows(q)),
            Query::Entities(kind) => Loaded::Entities(self.entity_index(*kind)),
            Query::Counts(queries) => {
                Loaded::Counts(queries.iter().map(|q| self.rows(q).len() as u64).collect())
            }
            Query::Story(id) => Loaded::Story(self.detail(*id).map(Box::new)),
        })
    }

    fn write(&self, effect: &Effect) -> anyhow::Result<()> {
        let listed: Vec<_> = match effect {
            Effect::MarkAllRead(query) => self.rows(query).into_iter().map(|r| r.id).collect(),
            _ => Vec::new(),
        };
        let mut stories = self.stories.borrow_mut();
        match effect {
            Effect::SetRead { id, read } => {
                if let Some(d) = stories.iter_mut().find(|d| d.story.id == *id) {
                    d.story.read = *read;
                }
            }
            Effect::SetStarred { id, starred } => {
                if let Some(d) = stories.iter_mut().find(|d| d.story.id == *id) {
                    d.story.starred = *starred;
                }
            }
            Effect::MarkAllRead(_) => {
                for d in stories.iter_mut().filter(|d| listed.contains(&d.story.id)) {
                    d.story.read = true;
                }
            }
            _ => {}
        }
        Ok(())
    }
}
