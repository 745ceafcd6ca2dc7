//! Reading stories: lists, search, one story, and the read/starred flags.

use rusqlite::{OptionalExtension, params, params_from_iter};

use super::list_sql::{FEED_TITLE, Named, list_sql};
use super::{ListQuery, Store, StoreError, from_micros};
use crate::model::{FeedId, Link, Story, StoryId, StoryRow, TextSource};

impl Store {
    /// Returns stories, newest first (published, then id, both descending).
    ///
    /// The order comes from an index, so the first page of a large cache is
    /// read directly rather than sorted.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<StoryRow>, StoreError> {
        let (sql, args) = list_sql(query, &self.named(query)?, true);
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(StoryRow {
                id: StoryId(r.get(0)?),
                title: r.get(1)?,
                feed: r.get(2)?,
                url: r.get(3)?,
                published: from_micros(r.get(4)?),
                read: r.get(5)?,
                starred: r.get(6)?,
                event: r.get(7)?,
                duplicate_of: r.get::<_, Option<i64>>(8)?.map(StoryId),
                copies: r.get(9)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Returns SQLite's query plan for [`Store::list`], one step per line.
    ///
    /// Tests use it to prove that a list page is an indexed query.
    pub fn list_plan(&self, query: &ListQuery) -> Result<Vec<String>, StoreError> {
        let (sql, args) = list_sql(query, &self.named(query)?, true);
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let steps = stmt.query_map(params_from_iter(args), |r| r.get::<_, String>(3))?;
        Ok(steps.collect::<Result<_, _>>()?)
    }

    /// Returns how many stories a list would show (its limit aside).
    ///
    /// The sidebar's saved filters show their unread counts with it.
    pub fn count(&self, query: &ListQuery) -> Result<u64, StoreError> {
        let (sql, args) = list_sql(query, &self.named(query)?, false);
        let sql = format!("SELECT COUNT(*) FROM ({sql})");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(stmt.query_row(params_from_iter(args), |r| r.get(0))?)
    }

    /// Returns the entities the query's person and organisation names stand
    /// for: a person by canonical name or by its last word ("Okonkwo-Reyes"),
    /// an organisation by canonical name or a known short form of it
    /// ("NATO"), both in any case.
    fn named(&self, query: &ListQuery) -> Result<Named, StoreError> {
        let ids = |sql: &str, name: &str| -> Result<Vec<i64>, StoreError> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            let rows = stmt.query_map([name.trim()], |r| r.get(0))?;
            Ok(rows.collect::<Result<_, _>>()?)
        };
        Ok(Named {
            person: query
                .person
                .as_deref()
                .map(|name| {
                    ids(
                        "SELECT id FROM entities WHERE kind = 'person'
                         AND (name = ?1 COLLATE NOCASE OR name LIKE '% ' || ?1)
                         ORDER BY id",
                        name,
                    )
                })
                .transpose()?,
            org: query
                .org
                .as_deref()
                .map(|name| {
                    // "NATO" and "nato" stand for the full name stories store.
                    let name = crate::analyze::orgs::full_name(name).unwrap_or(name);
                    ids(
                        "SELECT id FROM entities WHERE kind = 'org' AND name = ?1 COLLATE NOCASE
                         ORDER BY id",
                        name,
                    )
                })
                .transpose()?,
        })
    }

    /// Returns, for each canonical URL, the cached story that has it.
    ///
    /// The reader marks an article's links to stories already in the cache,
    /// so `enter` opens them there instead of in the browser.
    pub fn stories_by_canonical_url(
        &self,
        urls: &[Option<String>],
    ) -> Result<Vec<Option<StoryId>>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM stories WHERE canonical_url = ?1")?;
        urls.iter()
            .map(|url| match url {
                Some(url) => Ok(stmt.query_row([url], |r| r.get(0)).optional()?.map(StoryId)),
                None => Ok(None),
            })
            .collect()
    }

    /// Returns one story with its text.
    pub fn story(&self, id: StoryId) -> Result<Option<Story>, StoreError> {
        let sql = format!(
            "SELECT s.id, s.feed_id, {FEED_TITLE}, s.url, s.title, s.author, s.published,
                    s.first_seen, s.dateline, s.text, s.captions, s.links, s.text_source,
                    s.read, s.starred
             FROM stories s JOIN feeds f ON f.id = s.feed_id WHERE s.id = ?1"
        );
        let story = self
            .conn
            .prepare_cached(&sql)?
            .query_row([id.0], |r| {
                let captions: String = r.get(10)?;
                let links: String = r.get(11)?;
                let source: String = r.get(12)?;
                Ok(Story {
                    id: StoryId(r.get(0)?),
                    feed_id: FeedId(r.get(1)?),
                    feed_title: r.get(2)?,
                    url: r.get(3)?,
                    title: r.get(4)?,
                    author: r.get(5)?,
                    published: from_micros(r.get(6)?),
                    first_seen: from_micros(r.get(7)?),
                    dateline: r.get(8)?,
                    text: r.get(9)?,
                    captions: serde_json::from_str(&captions).unwrap_or_default(),
                    links: serde_json::from_str::<Vec<Link>>(&links).unwrap_or_default(),
                    text_source: match source.as_str() {
                        "page" => TextSource::Page,
                        "demo" => TextSource::Demo,
                        _ => TextSource::Feed,
                    },
                    read: r.get(13)?,
                    starred: r.get(14)?,
                })
            })
            .optional()?;
        Ok(story)
    }

    /// Returns whether the story's publication time is the first-seen time
    /// because neither the feed nor the page gave one.
    ///
    /// Lets the interface mark such times as approximate.
    pub fn published_is_first_seen(&self, id: StoryId) -> Result<bool, StoreError> {
        let flag = self
            .conn
            .prepare_cached("SELECT published_from = 'first_seen' FROM stories WHERE id = ?1")?
            .query_row([id.0], |r| r.get(0))
            .optional()?;
        Ok(flag.unwrap_or(false))
    }

    /// Sets or clears a story's read flag, and its copies' too unless
    /// [`Store::set_copies_share_read`] turned that off.
    ///
    /// The flag belongs to the story, so it changes in every feed that carries it.
    pub fn set_read(&mut self, id: StoryId, read: bool) -> Result<(), StoreError> {
        let ids = if self.copies_share_read {
            super::related::copies_of(&self.conn, id.0)?
        } else {
            vec![id]
        };
        let tx = self.write_tx()?;
        for id in ids {
            tx.prepare_cached("UPDATE stories SET read = ?2 WHERE id = ?1")?
                .execute(params![id.0, read])?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Sets or clears a story's starred flag.
    pub fn set_starred(&mut self, id: StoryId, starred: bool) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE stories SET starred = ?2 WHERE id = ?1")?
            .execute(params![id.0, starred])?;
        Ok(())
    }

    /// Marks every story of a list read (its limit aside); returns how many
    /// changed.
    ///
    /// "Mark all read" in the reader covers the whole list, also the rows
    /// it has not loaded.
    pub fn mark_read(&mut self, query: &ListQuery) -> Result<usize, StoreError> {
        let (sql, args) = list_sql(query, &self.named(query)?, false);
        let sql = format!(
            "UPDATE stories SET read = 1 WHERE read = 0 AND id IN (SELECT id FROM ({sql}))"
        );
        Ok(self.conn.execute(&sql, params_from_iter(args))?)
    }

    /// Returns the number of unread rows of the whole list: each story once,
    /// however many feeds carry it, and a copy group once, as the list
    /// shows it.
    pub fn unread_count(&self) -> Result<u64, StoreError> {
        self.count(&ListQuery {
            unread_only: true,
            collapse_copies: true,
            ..ListQuery::default()
        })
    }

    /// Returns the number of stories in the cache.
    pub fn story_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM stories")?
            .query_row([], |r| r.get(0))?)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::model::{Analysis, Entity, EntityKind, FeedItem, FeedSource, StoryId};
    use crate::store::{FeedUpdate, ListQuery, Store};
    use chrono::{TimeZone, Utc};

    /// Stores stories (newest last) naming (person, salience) and a country each.
    fn stories(named: &[(&str, f32, &str)]) -> (Store, Vec<StoryId>) {
        let mut store = Store::open_in_memory().unwrap();
        let feed = store
            .upsert_feed(&FeedSource {
                url: "https://a.example/rss".to_owned(),
                title: None,
                tags: Vec::new(),
            })
            .unwrap();
        let items = (0..named.len())
            .map(|i| FeedItem {
                key: format!("k{i}"),
                title: format!("Story {i}"),
                published: Utc.with_ymd_and_hms(2026, 1, 1, i as u32, 0, 0).single(),
                ..FeedItem::default()
            })
            .collect();
        let update = FeedUpdate {
            items,
            ..FeedUpdate::default()
        };
        let ids = store.store_feed(feed, &update, Utc::now()).unwrap().new;
        for (id, (person, salience, country)) in ids.iter().zip(named) {
            let entity = |kind, name: &str, country: Option<&str>, salience| Entity {
                kind,
                name: name.to_owned(),
                country: country.map(str::to_owned),
                salience,
                mentions: Vec::new(),
            };
            let analysis = Analysis {
                entities: vec![
                    entity(EntityKind::Person, person, None, *salience),
                    entity(EntityKind::Country, "Chile", Some(country), 0.5),
                ],
                quotes: Vec::new(),
            };
            store.store_analysis(*id, &analysis, 1).unwrap();
        }
        (store, ids)
    }

    #[test]
    fn entity_filters_rank_by_salience_then_recency_and_count_and_mark() {
        let (mut store, ids) = stories(&[
            ("Ana Rojas", 0.2, "CL"),
            ("Ana Rojas", 0.9, "CL"),
            ("Ana Rojas", 0.2, "PE"),
            ("Luis Vera", 0.9, "CL"),
        ]);
        let query = ListQuery {
            person: Some("Rojas".to_owned()),
            ..ListQuery::default()
        };
        let listed: Vec<StoryId> = store.list(&query).unwrap().iter().map(|r| r.id).collect();
        // Most central first; equal salience, newest first.
        assert_eq!(listed, [ids[1], ids[2], ids[0]]);
        // A page cut between equal ranks still takes the newest of them.
        let page = ListQuery {
            limit: Some(2),
            ..query.clone()
        };
        let first: Vec<StoryId> = store.list(&page).unwrap().iter().map(|r| r.id).collect();
        assert_eq!(first, [ids[1], ids[2]]);
        let both = ListQuery {
            country: Some("CL".to_owned()),
            limit: Some(1),
            ..query.clone()
        };
        let top: Vec<StoryId> = store.list(&both).unwrap().iter().map(|r| r.id).collect();
        assert_eq!(top, [ids[1]]);
        assert_eq!(store.count(&both).unwrap(), 2, "a count ignores the limit");
        assert_eq!(store.mark_read(&both).unwrap(), 2);
        let unread = ListQuery {
            unread_only: true,
            ..ListQuery::default()
        };
        let left: Vec<StoryId> = store.list(&unread).unwrap().iter().map(|r| r.id).collect();
        assert_eq!(left, [ids[3], ids[2]]);
    }
}
