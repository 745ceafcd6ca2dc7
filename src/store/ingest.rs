//! Storing a feed fetch: feed metadata and items, in one transaction.
//!
//! An item is the story already cached under its (feed, key), else the story
//! with its canonical URL from any feed, else a new story. Known stories keep
//! their read and starred flags whatever the feed says.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction, params};

use super::analysis::{Counts, write_analysis};
use super::fts::FtsWrites;
use super::pages::write_article;
use super::relating::ShingleMemo;
use super::term_counts::TermCounts;
use super::{FeedUpdate, Store, StoreError, StoredFeed, to_micros};
use crate::model::{Article, FeedId, FeedItem, StoryId, TextSource};
use crate::sanitize::clean_line;

impl Store {
    /// Stores a successful fetch in one transaction: feed metadata,
    /// validators, last fetch and success time, cleared error, and the items.
    /// An item whose key is known for this feed, or whose canonical URL is
    /// known from any feed, is the same story (title and feed text refreshed,
    /// read and starred flags untouched); others become new stories.
    ///
    /// New stories keep the feed's HTML (see [`Store::feed_html`]) and have no
    /// text until the caller stores one with [`Store::store_article`].
    pub fn store_feed(
        &mut self,
        feed: FeedId,
        update: &FeedUpdate,
        at: DateTime<Utc>,
    ) -> Result<StoredFeed, StoreError> {
        Ok(self
            .store_feeds(&[(feed, update)], at)?
            .pop()
            .unwrap_or_default())
    }

    /// Stores several fetches in one transaction, as [`Store::store_feed`]
    /// stores one: all of them or, on an error, none.
    pub fn store_feeds(
        &mut self,
        fetches: &[(FeedId, &FeedUpdate)],
        at: DateTime<Utc>,
    ) -> Result<Vec<StoredFeed>, StoreError> {
        let tx = super::begin(&mut self.conn)?;
        let mut stored = Vec::with_capacity(fetches.len());
        let mut counts = Counts::default();
        let mut fts = FtsWrites::default();
        let mut terms = TermCounts::default();
        for &(feed, update) in fetches {
            let buffers = Buffers {
                shingles: &mut self.shingles,
                counts: &mut counts,
                fts: &mut fts,
                terms: &mut terms,
            };
            stored.push(feed_in(&tx, buffers, feed, update, at)?);
        }
        counts.apply(&tx)?;
        fts.flush(&tx)?;
        terms.flush(&tx)?;
        tx.commit()?;
        Ok(stored)
    }

    /// Returns the HTML the feed gave for a story (its content, else its
    /// summary), or `None` when the feed gave none or the story is unknown.
    ///
    /// The pipeline turns it into the story's first text with
    /// `extract::article_from_fragment` and [`Store::store_article`].
    pub fn feed_html(&self, id: StoryId) -> Result<Option<String>, StoreError> {
        let html = self
            .conn
            .prepare_cached("SELECT feed_html FROM stories WHERE id = ?1")?
            .query_row([id.0], |r| r.get::<_, Option<String>>(0))
            .optional()?;
        Ok(html.flatten())
    }
}

/// What a transaction of fetches keeps until it commits (or, for the
/// shingles, for as long as they are useful).
struct Buffers<'a> {
    shingles: &'a mut ShingleMemo,
    counts: &'a mut Counts,
    fts: &'a mut FtsWrites,
    terms: &'a mut TermCounts,
}

/// Stores one fetch inside the caller's transaction (see [`Store::store_feed`]).
fn feed_in(
    tx: &Transaction<'_>,
    buffers: Buffers<'_>,
    feed: FeedId,
    update: &FeedUpdate,
    at: DateTime<Utc>,
) -> Result<StoredFeed, StoreError> {
    let Buffers {
        shingles,
        counts,
        fts,
        terms,
    } = buffers;
    let own_title = update
        .title
        .as_deref()
        .map(clean_line)
        .filter(|t| !t.is_empty());
    tx.prepare_cached(
        "UPDATE feeds SET own_title = COALESCE(?2, own_title),
                site_url = COALESCE(?3, site_url), etag = ?4, last_modified = ?5,
                last_fetch = ?6, last_success = ?6, last_error = NULL,
                moved_to = ?7, retry_at = NULL
         WHERE id = ?1",
    )?
    .execute(params![
        feed.0,
        own_title,
        update.site_url,
        update.validators.etag,
        update.validators.last_modified,
        to_micros(at),
        update.moved_to,
    ])?;
    let mut stored = StoredFeed::default();
    for (index, item) in update.items.iter().enumerate() {
        let text = update.texts.get(index).and_then(Option::as_ref);
        let article = text.map(|t| &t.article);
        let (new, refreshed) = (stored.new.len(), stored.refreshed.len());
        store_item(tx, fts, feed, item, article, at, &mut stored)?;
        let story = if stored.new.len() > new {
            stored
                .new_items
                .extend(stored.new.last().map(|id| (index, *id)));
            stored.new.last().copied()
        } else if let (Some(id), Some(article)) = (stored.refreshed.get(refreshed), article) {
            write_article(tx, fts, *id, article, TextSource::Feed)?.then_some(*id)
        } else {
            None
        };
        let Some(id) = story else {
            continue;
        };
        if let Some(text) = text {
            write_analysis(tx, counts, id, &text.analysis, text.analyzer_version)?;
        }
        let page_follows =
            update.pages_follow && stored.new.last() == Some(&id) && item.url.is_some();
        if !page_follows {
            // A story with no text yet is related by its title alone.
            if let Some(made) = text.and_then(|t| t.shingles.as_ref()) {
                shingles.remember(id.0, made);
            }
            super::relating::relate(tx, shingles, terms, id.0)?;
        }
    }
    Ok(stored)
}

/// What a known story holds that a refresh may change.
struct Known {
    id: i64,
    feed_id: i64,
    title: String,
    feed_html: Option<String>,
    page_done: bool,
    published_known: bool,
}

/// Stores one item inside the feed's transaction and tallies it in `stored`.
fn store_item(
    tx: &Transaction<'_>,
    fts: &mut FtsWrites,
    feed: FeedId,
    item: &FeedItem,
    article: Option<&Article>,
    at: DateTime<Utc>,
    stored: &mut StoredFeed,
) -> Result<(), StoreError> {
    let canonical = item.canonical_url.as_deref().filter(|u| !u.is_empty());
    let html = feed_html_of(item);
    let title = clean_line(&item.title);

    let by_key: Option<i64> = tx
        .prepare_cached("SELECT story_id FROM story_feeds WHERE feed_id = ?1 AND key = ?2")?
        .query_row(params![feed.0, item.key], |r| r.get(0))
        .optional()?;
    let by_url = match (by_key, canonical) {
        (None, Some(url)) => tx
            .prepare_cached("SELECT id FROM stories WHERE canonical_url = ?1")?
            .query_row([url], |r| r.get::<_, i64>(0))
            .optional()?,
        _ => None,
    };

    if let Some(id) = by_key.or(by_url) {
        if by_key.is_none() {
            link(tx, feed, &item.key, id)?;
        }
        stored.seen += 1;
        if refresh(tx, fts, feed, id, &title, html, item.published)? {
            stored.refreshed.push(StoryId(id));
        }
        return Ok(());
    }

    let (published, published_from) = match item.published {
        Some(p) => (p, "feed"),
        None => (at, "first_seen"),
    };
    // No RETURNING: SQLite runs it like a trigger, which costs a statement
    // savepoint and so an FTS5 flush per row (see fts.rs).
    // The feed's own text goes in with the story, so a crash never leaves
    // a new story without it.
    let text = article.map(Article::text).unwrap_or_default();
    let json = |v: Option<String>| v.unwrap_or_else(|| "[]".to_owned());
    let captions = json(article.and_then(|a| serde_json::to_string(&a.captions).ok()));
    let links = json(article.and_then(|a| serde_json::to_string(&a.links).ok()));
    let author = item
        .author
        .as_deref()
        .or(article.and_then(|a| a.author.as_deref()))
        .map(clean_line);
    tx.prepare_cached(
        "INSERT INTO stories (feed_id, url, canonical_url, title, author, published,
                              published_from, first_seen, feed_html, text, captions, links,
                              dateline)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        feed.0,
        item.url,
        canonical,
        title,
        author,
        to_micros(published),
        published_from,
        to_micros(at),
        html,
        text,
        captions,
        links,
        article.and_then(|a| a.dateline.as_deref()),
    ])?;
    let id = tx.last_insert_rowid();
    fts.index_new(id, &title, &text);
    link(tx, feed, &item.key, id)?;
    stored.new.push(StoryId(id));
    Ok(())
}

/// Records that `feed` carries story `id` under `key`.
fn link(tx: &Transaction<'_>, feed: FeedId, key: &str, id: i64) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT INTO story_feeds (feed_id, key, story_id) VALUES (?1, ?2, ?3)")?
        .execute(params![feed.0, key, id])?;
    Ok(())
}

/// Refreshes a known story from the feed that first stored it: title, feed
/// HTML while no page is extracted, and a publication time the first fetch
/// lacked. Returns whether the feed HTML changed (the text must be redone).
///
/// Other feeds carrying the same story leave it alone, so two feeds with
/// different headlines do not rewrite it on every fetch. Nothing is written
/// when nothing changed, which keeps re-fetches cheap and the FTS index still.
fn refresh(
    tx: &Transaction<'_>,
    fts: &mut FtsWrites,
    feed: FeedId,
    id: i64,
    title: &str,
    html: Option<&str>,
    published: Option<DateTime<Utc>>,
) -> Result<bool, StoreError> {
    let known = tx
        .prepare_cached(
            "SELECT id, feed_id, title, feed_html, page_done, published_from <> 'first_seen'
             FROM stories WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(Known {
                id: r.get(0)?,
                feed_id: r.get(1)?,
                title: r.get(2)?,
                feed_html: r.get(3)?,
                page_done: r.get(4)?,
                published_known: r.get(5)?,
            })
        })?;
    if known.feed_id != feed.0 {
        return Ok(false);
    }
    if !title.is_empty() && known.title != title {
        fts.rewrite(tx, known.id, Some(title), None)?;
    }
    if let (false, Some(p)) = (known.published_known, published) {
        tx.prepare_cached(
            "UPDATE stories SET published = ?2, published_from = 'feed' WHERE id = ?1",
        )?
        .execute(params![known.id, to_micros(p)])?;
    }
    let html_changed = !known.page_done && html.is_some() && known.feed_html.as_deref() != html;
    if html_changed {
        tx.prepare_cached("UPDATE stories SET feed_html = ?2 WHERE id = ?1")?
            .execute(params![known.id, html])?;
    }
    Ok(html_changed)
}

/// Returns the HTML to keep for an item: its full content, else its summary.
fn feed_html_of(item: &FeedItem) -> Option<&str> {
    non_empty(&item.content_html).or_else(|| non_empty(&item.summary_html))
}

/// Returns the string unless it is missing or blank.
fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|h| !h.trim().is_empty())
}
