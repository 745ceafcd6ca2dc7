//! The JSON shapes of DESIGN.md section 3 (`show`, `analyze`, `list`).

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;

use crate::model::{
    Analysis, Article, Entity, EntityKind, Link, Quote, Related, Story, StoryId, StoryRow,
};

/// An in-text link; `story_id` names the cached story it points to.
#[derive(Debug, Serialize)]
pub struct LinkJson {
    pub text: String,
    pub url: String,
    pub story_id: Option<StoryId>,
    pub start: usize,
    pub end: usize,
}

/// The analysis part shared by `show --json` and `analyze --json`.
#[derive(Debug, Serialize)]
pub struct ArticleJson {
    pub feed: Option<String>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub dateline: Option<String>,
    pub text: String,
    pub captions: Vec<String>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub links: Vec<LinkJson>,
}

/// `show --json`: the article plus the cache fields.
#[derive(Debug, Serialize)]
pub struct StoryJson {
    pub id: StoryId,
    #[serde(flatten)]
    pub article: ArticleJson,
    pub related: Vec<Related>,
    pub event: Option<i64>,
    pub duplicate_of: Option<StoryId>,
    pub read: bool,
    pub starred: bool,
}

/// One element of `list --json`.
#[derive(Debug, Serialize)]
pub struct ListItemJson {
    pub id: StoryId,
    pub title: String,
    pub feed: String,
    pub url: Option<String>,
    pub published: String,
    pub read: bool,
    pub starred: bool,
    pub persons: Vec<String>,
    pub countries: Vec<String>,
    pub event: Option<i64>,
    pub duplicate_of: Option<StoryId>,
}

/// Formats a time as RFC 3339 in UTC with a `Z`, to the second.
pub fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl StoryJson {
    /// Builds the `show --json` object of a cached story with its analysis.
    pub fn new(story: Story, analysis: Analysis) -> StoryJson {
        let links = links_json(story.links);
        StoryJson {
            id: story.id,
            article: ArticleJson {
                feed: Some(story.feed_title),
                url: story.url,
                title: Some(story.title),
                author: story.author,
                published: Some(time(story.published)),
                dateline: story.dateline,
                text: story.text,
                captions: story.captions,
                entities: analysis.entities,
                quotes: analysis.quotes,
                links,
            },
            related: Vec::new(),
            event: None,
            duplicate_of: None,
            read: story.read,
            starred: story.starred,
        }
    }
}

impl ArticleJson {
    /// Builds the `analyze --json` object of an article read outside the cache.
    pub fn from_article(article: Article, url: Option<String>) -> ArticleJson {
        let text = article.text();
        let links = links_json(article.links);
        ArticleJson {
            feed: None,
            url,
            title: article.title,
            author: article.author,
            published: article.published.map(time),
            dateline: article.dateline,
            text,
            captions: article.captions,
            entities: Vec::new(),
            quotes: Vec::new(),
            links,
        }
    }
}

impl ListItemJson {
    /// Builds one element of `list --json`: persons by canonical name and
    /// countries by code (places count for their country), most central first.
    pub fn new(row: StoryRow, analysis: &Analysis) -> ListItemJson {
        let mut persons = Vec::new();
        let mut countries: Vec<String> = Vec::new();
        for entity in &analysis.entities {
            match (entity.kind, &entity.country) {
                (EntityKind::Person, _) => persons.push(entity.name.clone()),
                (EntityKind::Country | EntityKind::Place, Some(code))
                    if !countries.contains(code) =>
                {
                    countries.push(code.clone());
                }
                _ => {}
            }
        }
        ListItemJson {
            id: row.id,
            title: row.title,
            feed: row.feed,
            url: row.url,
            published: time(row.published),
            read: row.read,
            starred: row.starred,
            persons,
            countries,
            event: row.event,
            duplicate_of: row.duplicate_of,
        }
    }
}

/// Converts stored links; `story_id` is filled by `show` from the cache.
fn links_json(links: Vec<Link>) -> Vec<LinkJson> {
    links
        .into_iter()
        .map(|l| LinkJson {
            text: l.text,
            url: l.url,
            story_id: None,
            start: l.start,
            end: l.end,
        })
        .collect()
}
