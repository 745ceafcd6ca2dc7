//! Feeds: configuration, fetch state and per-feed story counts.

use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, params};

use super::{Store, StoreError, from_micros_opt, to_micros};
use crate::model::{FeedId, FeedSource, FeedState, Validators};
use crate::sanitize::clean_line;

impl Store {
    /// Adds the feed if its URL is new, updates title and tags from the
    /// config otherwise; returns its id.
    pub fn upsert_feed(&mut self, source: &FeedSource) -> Result<FeedId, StoreError> {
        let title = source
            .title
            .as_deref()
            .map(clean_line)
            .filter(|t| !t.is_empty());
        let tags = serde_json::to_string(&source.tags).unwrap_or_else(|_| "[]".to_owned());
        let id = self.conn.prepare_cached(
            "INSERT INTO feeds (url, config_title, tags) VALUES (?1, ?2, ?3)
             ON CONFLICT (url) DO UPDATE SET config_title = excluded.config_title, tags = excluded.tags
             RETURNING id",
        )?
        .query_row(params![source.url, title, tags], |r| r.get(0))?;
        Ok(FeedId(id))
    }

    /// Returns every feed with its state and story counts, in config order
    /// (insertion order).
    ///
    /// A story counts for every feed that carried it, so two feeds sharing a
    /// story both show it, and reading it lowers both unread counts.
    pub fn feeds(&self) -> Result<Vec<FeedState>, StoreError> {
        // Both counts are computed once, grouped by feed: the unread ones
        // start from the partial index of unread stories (small when most
        // are read), never from every story's row.
        let mut stmt = self.conn.prepare_cached(
            "WITH total(feed_id, n) AS (
                 SELECT feed_id, COUNT(DISTINCT story_id) FROM story_feeds GROUP BY feed_id),
             unread(feed_id, n) AS (
                 SELECT l.feed_id, COUNT(DISTINCT l.story_id)
                 FROM stories s CROSS JOIN story_feeds l ON l.story_id = s.id
                 WHERE s.read = 0 GROUP BY l.feed_id)
             SELECT f.id, f.url,
                    COALESCE(NULLIF(f.config_title, ''), NULLIF(f.own_title, ''), f.url),
                    f.tags, f.site_url, f.last_fetch, f.last_success, f.last_error,
                    f.moved_to, f.retry_at, COALESCE(t.n, 0), COALESCE(u.n, 0)
             FROM feeds f LEFT JOIN total t ON t.feed_id = f.id
                  LEFT JOIN unread u ON u.feed_id = f.id
             ORDER BY f.id",
        )?;
        let rows = stmt.query_map([], |r| {
            let tags: String = r.get(3)?;
            Ok(FeedState {
                id: FeedId(r.get(0)?),
                url: r.get(1)?,
                title: r.get(2)?,
                tags: serde_json::from_str(&tags).unwrap_or_default(),
                site_url: r.get(4)?,
                last_fetch: from_micros_opt(r.get(5)?),
                last_success: from_micros_opt(r.get(6)?),
                last_error: r.get(7)?,
                moved_to: r.get(8)?,
                retry_at: from_micros_opt(r.get(9)?),
                stories: r.get(10)?,
                unread: r.get(11)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Returns the validators stored for a feed.
    ///
    /// An unknown feed has none, so its first fetch is unconditional.
    pub fn validators(&self, feed: FeedId) -> Result<Validators, StoreError> {
        let found = self
            .conn
            .prepare_cached("SELECT etag, last_modified FROM feeds WHERE id = ?1")?
            .query_row([feed.0], |r| {
                Ok(Validators {
                    etag: r.get(0)?,
                    last_modified: r.get(1)?,
                })
            })
            .optional()?;
        Ok(found.unwrap_or_default())
    }

    /// Records a 304: last fetch and success times, cleared error.
    pub fn store_not_modified(
        &mut self,
        feed: FeedId,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE feeds SET last_fetch = ?2, last_success = ?2, last_error = NULL,
                        retry_at = NULL
                 WHERE id = ?1",
            )?
            .execute(params![feed.0, to_micros(at)])?;
        Ok(())
    }

    /// Records a failed fetch; the feed's stories stay as they are.
    ///
    /// `retry_at` is when the server asked us to come back (`Retry-After`);
    /// the next run skips the feed before then.
    pub fn store_feed_error(
        &mut self,
        feed: FeedId,
        error: &str,
        at: DateTime<Utc>,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "UPDATE feeds SET last_fetch = ?2, last_error = ?3, retry_at = ?4 WHERE id = ?1",
            )?
            .execute(params![
                feed.0,
                to_micros(at),
                clean_line(error),
                retry_at.map(to_micros)
            ])?;
        Ok(())
    }

    /// Removes the bundled demo outlets (feeds whose URL has the `demo:`
    /// scheme) and their stories; returns how many stories went.
    ///
    /// The demo set only fills an empty cache until real news arrives.
    pub fn remove_demo(&mut self) -> Result<usize, StoreError> {
        let tx = self.write_tx()?;
        let demo: Vec<i64> = tx
            .prepare_cached(
                "SELECT id FROM stories WHERE feed_id IN (SELECT id FROM feeds WHERE url LIKE 'demo:%')",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut terms = super::term_counts::TermCounts::default();
        for id in demo {
            super::relating::forget(&tx, &mut terms, id)?;
        }
        terms.flush(&tx)?;
        let stories = tx
            .prepare_cached(
                "DELETE FROM stories WHERE feed_id IN (SELECT id FROM feeds WHERE url LIKE 'demo:%')",
            )?
            .execute([])?;
        tx.prepare_cached("DELETE FROM feeds WHERE url LIKE 'demo:%'")?
            .execute([])?;
        super::analysis::recount(&tx)?;
        tx.commit()?;
        Ok(stories)
    }
}
