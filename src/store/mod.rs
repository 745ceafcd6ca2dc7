//! The cache: the only code that speaks SQL.
//!
//! SQLite in WAL mode with a busy timeout, migrations by `user_version`,
//! FTS5 over title and text. Every feed fetch is stored in one transaction,
//! so a crash loses at most the feed in flight and never read or starred flags.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::model::{
    Article, FeedId, FeedItem, FeedSource, FeedState, Story, StoryId, StoryRow, TextSource,
    Validators,
};

/// Errors from the cache.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the cache at {path}: {source}")]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    #[error(
        "the cache at {path} was written by a newer Byline (schema {found}, this one knows {known}); upgrade Byline"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    #[error("the cache is full: {0}")]
    Full(String),
    #[error("cache error: {0}")]
    Sql(#[from] rusqlite::Error),
}

/// What a feed fetch brought, to be stored in one transaction.
#[derive(Debug, Clone, Default)]
pub struct FeedUpdate {
    /// The feed's own title and site.
    pub title: Option<String>,
    pub site_url: Option<String>,
    /// Validators to send next time.
    pub validators: Validators,
    /// Where a permanent redirect said the feed now lives.
    pub moved_to: Option<String>,
    pub items: Vec<FeedItem>,
}

/// What storing a feed fetch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredFeed {
    /// Stories that were not in the cache before, in feed order.
    pub new: Vec<StoryId>,
    /// Stories already cached (this feed or another) that the feed carried again.
    pub seen: usize,
}

/// A story whose page should be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageJob {
    pub id: StoryId,
    pub url: String,
}

/// Which stories a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Full-text search (FTS5 syntax is escaped: words are matched as typed).
    pub search: Option<String>,
    pub unread_only: bool,
    pub starred_only: bool,
    pub feed: Option<FeedId>,
    pub limit: Option<usize>,
}

/// A connection to the cache.
pub struct Store {
    conn: rusqlite::Connection,
}

impl Store {
    /// Opens (creating if needed) the cache file and migrates it.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        todo!("{path:?}")
    }

    /// Opens a fresh in-memory cache, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        todo!()
    }

    /// Adds the feed if its URL is new, updates title and tags from the
    /// config otherwise; returns its id.
    pub fn upsert_feed(&mut self, source: &FeedSource) -> Result<FeedId, StoreError> {
        todo!("{source:?}")
    }

    /// Returns every feed with its state and story counts, in config order
    /// (insertion order).
    pub fn feeds(&self) -> Result<Vec<FeedState>, StoreError> {
        todo!()
    }

    /// Returns the validators stored for a feed.
    pub fn validators(&self, feed: FeedId) -> Result<Validators, StoreError> {
        todo!("{feed:?}")
    }

    /// Stores a successful fetch in one transaction: feed metadata,
    /// validators, last fetch and success time, cleared error, and the items.
    /// An item whose key is known for this feed, or whose canonical URL is
    /// known from any feed, is the same story (title and feed text refreshed,
    /// read and starred flags untouched); others become new stories.
    pub fn store_feed(
        &mut self,
        feed: FeedId,
        update: &FeedUpdate,
        at: DateTime<Utc>,
    ) -> Result<StoredFeed, StoreError> {
        todo!("{feed:?} {update:?} {at}")
    }

    /// Records a 304: last fetch and success times, cleared error.
    pub fn store_not_modified(
        &mut self,
        feed: FeedId,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        todo!("{feed:?} {at}")
    }

    /// Records a failed fetch; the feed's stories stay as they are.
    pub fn store_feed_error(
        &mut self,
        feed: FeedId,
        error: &str,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        todo!("{feed:?} {error} {at}")
    }

    /// Returns stories that have a URL and no extracted page yet, and whose
    /// page has not failed too often, oldest first.
    pub fn page_jobs(&self, limit: usize) -> Result<Vec<PageJob>, StoreError> {
        todo!("{limit}")
    }

    /// Stores an extracted article for a story in one transaction (text,
    /// captions, links, dateline, author when the feed gave none; FTS updated).
    pub fn store_article(
        &mut self,
        id: StoryId,
        article: &Article,
        source: TextSource,
    ) -> Result<(), StoreError> {
        todo!("{id:?} {article:?} {source:?}")
    }

    /// Records that a story's page could not be fetched or extracted.
    pub fn store_page_error(&mut self, id: StoryId, error: &str) -> Result<(), StoreError> {
        todo!("{id:?} {error}")
    }

    /// Returns stories, newest first.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<StoryRow>, StoreError> {
        todo!("{query:?}")
    }

    /// Returns one story with its text.
    pub fn story(&self, id: StoryId) -> Result<Option<Story>, StoreError> {
        todo!("{id:?}")
    }

    /// Sets or clears a story's read flag.
    pub fn set_read(&mut self, id: StoryId, read: bool) -> Result<(), StoreError> {
        todo!("{id:?} {read}")
    }

    /// Sets or clears a story's starred flag.
    pub fn set_starred(&mut self, id: StoryId, starred: bool) -> Result<(), StoreError> {
        todo!("{id:?} {starred}")
    }

    /// Returns the number of stories in the cache.
    pub fn story_count(&self) -> Result<u64, StoreError> {
        todo!()
    }
}
