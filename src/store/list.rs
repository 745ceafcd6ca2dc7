//! Reading stories: lists, search, one story, and the read/starred flags.

use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params, params_from_iter};

use super::pages::clamp;
use super::{ListQuery, Store, StoreError, from_micros};
use crate::model::{FeedId, Link, Story, StoryId, StoryRow, TextSource};

/// The displayed title of feed `f`: configured, else its own, else its URL.
const FEED_TITLE: &str = "COALESCE(NULLIF(f.config_title, ''), NULLIF(f.own_title, ''), f.url)";

impl Store {
    /// Returns stories, newest first (published, then id, both descending).
    ///
    /// The order comes from an index, so the first page of a large cache is
    /// read directly rather than sorted.
    pub fn list(&self, query: &ListQuery) -> Result<Vec<StoryRow>, StoreError> {
        let (sql, args) = list_sql(query);
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
        let (sql, args) = list_sql(query);
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let steps = stmt.query_map(params_from_iter(args), |r| r.get::<_, String>(3))?;
        Ok(steps.collect::<Result<_, _>>()?)
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

    /// Returns the number of unread stories in the cache (each story once,
    /// however many feeds carry it).
    pub fn unread_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM stories WHERE read = 0")?
            .query_row([], |r| r.get(0))?)
    }

    /// Returns the number of stories in the cache.
    pub fn story_count(&self) -> Result<u64, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT COUNT(*) FROM stories")?
            .query_row([], |r| r.get(0))?)
    }
}

/// Builds the list query and its arguments.
///
/// `CROSS JOIN` keeps `stories` as the outer table, so SQLite walks the
/// `published` index backwards and stops at the limit instead of sorting.
fn list_sql(query: &ListQuery) -> (String, Vec<Value>) {
    // The event shows when another story shares it; copies count the
    // group of a first copy (a copy's own row counts its group too).
    let mut sql = format!(
        "SELECT s.id, s.title, {FEED_TITLE}, s.url, s.published, s.read, s.starred,
                (SELECT e.id FROM relate_events e WHERE e.id = r.event AND e.size > 1),
                r.duplicate_of,
                1 + (SELECT COUNT(*) FROM relate_stories c
                     WHERE c.duplicate_of = COALESCE(r.duplicate_of, s.id))
         FROM stories s CROSS JOIN feeds f ON f.id = s.feed_id
              LEFT JOIN relate_stories r ON r.story_id = s.id
         WHERE 1"
    );
    let mut args = Vec::new();
    if query.collapse_copies {
        sql.push_str(" AND r.duplicate_of IS NULL");
    }
    if query.unread_only {
        sql.push_str(" AND s.read = 0");
    }
    if query.starred_only {
        sql.push_str(" AND s.starred = 1");
    }
    if let Some(feed) = query.feed {
        sql.push_str(" AND s.id IN (SELECT story_id FROM story_feeds WHERE feed_id = ?)");
        args.push(Value::Integer(feed.0));
    }
    // Entity filters go through the entity index (story_entities by entity).
    const ENTITY: &str = " AND s.id IN (SELECT se.story_id FROM story_entities se
        JOIN entities e ON e.id = se.entity_id WHERE ";
    if let Some(person) = &query.person {
        sql.push_str(ENTITY);
        sql.push_str("e.kind = 'person' AND (e.name = ? COLLATE NOCASE OR e.name LIKE '% ' || ?))");
        args.extend([
            Value::Text(person.trim().to_owned()),
            Value::Text(person.trim().to_owned()),
        ]);
    }
    if let Some(org) = &query.org {
        sql.push_str(ENTITY);
        sql.push_str("e.kind = 'org' AND e.name = ? COLLATE NOCASE)");
        args.push(Value::Text(org.trim().to_owned()));
    }
    if let Some(country) = &query.country {
        sql.push_str(ENTITY);
        sql.push_str(
            "e.country <> '' AND (e.country = upper(?) OR e.country IN
                 (SELECT country FROM entities WHERE kind = 'country' AND name = ? COLLATE NOCASE)))",
        );
        args.extend([
            Value::Text(country.trim().to_owned()),
            Value::Text(country.trim().to_owned()),
        ]);
    }
    if let Some(fts) = query.search.as_deref().and_then(fts_query) {
        sql.push_str(" AND s.id IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)");
        args.push(Value::Text(fts));
    }
    sql.push_str(" ORDER BY s.published DESC, s.id DESC");
    if let Some(limit) = query.limit {
        sql.push_str(" LIMIT ?");
        args.push(Value::Integer(clamp(limit)));
    }
    (sql, args)
}

/// Turns what the user typed into an FTS5 query that matches every word.
///
/// Each word becomes a quoted string, so FTS5 operators (`"`, `*`, `-`, `:`,
/// `AND`, `NEAR`, parentheses) are searched as text instead of parsed.
/// Words without a letter or digit cannot match anything the tokenizer
/// indexes and are dropped; `None` means no word is left to search.
fn fts_query(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn typed_words_become_quoted_terms() {
        assert_eq!(
            fts_query("Kim  Seoul").as_deref(),
            Some("\"Kim\" \"Seoul\"")
        );
        assert_eq!(
            fts_query("say \"hi\"").as_deref(),
            Some("\"say\" \"\"\"hi\"\"\"")
        );
        assert_eq!(fts_query("a:b -c*").as_deref(), Some("\"a:b\" \"-c*\""));
        assert_eq!(fts_query(" - : * \" "), None);
    }
}
