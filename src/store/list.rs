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
        let (sql, args) = list_sql(query, true);
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
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Returns SQLite's query plan for [`Store::list`], one step per line.
    ///
    /// Tests use it to prove that a list page is an indexed query.
    pub fn list_plan(&self, query: &ListQuery) -> Result<Vec<String>, StoreError> {
        let (sql, args) = list_sql(query, true);
        let mut stmt = self.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let steps = stmt.query_map(params_from_iter(args), |r| r.get::<_, String>(3))?;
        Ok(steps.collect::<Result<_, _>>()?)
    }

    /// Returns how many stories a list would show (its limit aside).
    ///
    /// The sidebar's saved filters show their unread counts with it.
    pub fn count(&self, query: &ListQuery) -> Result<u64, StoreError> {
        let (sql, args) = list_sql(query, false);
        let sql = format!("SELECT COUNT(*) FROM ({sql})");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        Ok(stmt.query_row(params_from_iter(args), |r| r.get(0))?)
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

    /// Sets or clears a story's read flag.
    ///
    /// The flag belongs to the story, so it changes in every feed that carries it.
    pub fn set_read(&mut self, id: StoryId, read: bool) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("UPDATE stories SET read = ?2 WHERE id = ?1")?
            .execute(params![id.0, read])?;
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
        let (sql, args) = list_sql(query, false);
        let sql = format!(
            "UPDATE stories SET read = 1 WHERE read = 0 AND id IN (SELECT id FROM ({sql}))"
        );
        Ok(self.conn.execute(&sql, params_from_iter(args))?)
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

/// Builds the list query and its arguments; `ordered` adds the ORDER BY
/// and LIMIT (counts leave them out).
///
/// Without an entity filter, `CROSS JOIN` keeps `stories` as the outer
/// table, so SQLite walks the `published` index backwards and stops at the
/// limit instead of sorting. With person, country or organisation filters,
/// each filter becomes a small table of (story, salience) read from the
/// entity index (`story_entities` by entity), the tables are joined, and the
/// stories come most central first: by the sum of their saliences, then
/// newest first.
fn list_sql(query: &ListQuery, ordered: bool) -> (String, Vec<Value>) {
    let mut args = Vec::new();
    let mut tables: Vec<String> = Vec::new();
    if let Some(person) = &query.person {
        let name = Value::Text(person.trim().to_owned());
        tables.push(entity_table(
            tables.len(),
            "e.kind = 'person' AND (e.name = ? COLLATE NOCASE OR e.name LIKE '% ' || ?)",
        ));
        args.extend([name.clone(), name]);
    }
    if let Some(org) = &query.org {
        tables.push(entity_table(
            tables.len(),
            "e.kind = 'org' AND e.name = ? COLLATE NOCASE",
        ));
        args.push(Value::Text(org.trim().to_owned()));
    }
    if let Some(country) = &query.country {
        let code = Value::Text(country.trim().to_owned());
        tables.push(entity_table(
            tables.len(),
            "e.country <> '' AND (e.country = upper(?) OR e.country IN
                 (SELECT country FROM entities WHERE kind = 'country' AND name = ? COLLATE NOCASE))",
        ));
        args.extend([code.clone(), code]);
    }
    let mut sql = String::new();
    if !tables.is_empty() {
        sql.push_str("WITH ");
        sql.push_str(&tables.join(", "));
        sql.push(' ');
    }
    sql.push_str(&format!(
        "SELECT s.id, s.title, {FEED_TITLE}, s.url, s.published, s.read, s.starred FROM "
    ));
    for i in 1..tables.len() {
        sql.push_str(&format!("m{i} CROSS JOIN "));
    }
    if tables.is_empty() {
        sql.push_str("stories s");
    } else {
        sql.push_str("m0 CROSS JOIN stories s ON s.id = m0.sid");
    }
    sql.push_str(" CROSS JOIN feeds f ON f.id = s.feed_id WHERE 1");
    for i in 1..tables.len() {
        sql.push_str(&format!(" AND m{i}.sid = m0.sid"));
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
    if let Some(fts) = query.search.as_deref().and_then(fts_query) {
        sql.push_str(" AND s.id IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH ?)");
        args.push(Value::Text(fts));
    }
    if !ordered {
        return (sql, args);
    }
    sql.push_str(" ORDER BY ");
    if !tables.is_empty() {
        let sum: Vec<String> = (0..tables.len()).map(|i| format!("m{i}.sal")).collect();
        sql.push_str(&format!("{} DESC, ", sum.join(" + ")));
    }
    sql.push_str("s.published DESC, s.id DESC");
    if let Some(limit) = query.limit {
        sql.push_str(" LIMIT ?");
        args.push(Value::Integer(clamp(limit)));
    }
    (sql, args)
}

/// Returns the common table `m{index}(sid, sal)`: every story naming an
/// entity that meets `condition`, with its highest salience among them.
fn entity_table(index: usize, condition: &str) -> String {
    format!(
        "m{index}(sid, sal) AS (SELECT se.story_id, MAX(se.salience)
         FROM entities e JOIN story_entities se ON se.entity_id = e.id
         WHERE {condition} GROUP BY se.story_id)"
    )
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
