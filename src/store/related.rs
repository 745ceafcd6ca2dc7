//! Related stories in the cache: each story's duplicates (`duplicate_of`,
//! the first cached copy), its event, and its related list.
//!
//! Relating (relating.rs) runs whenever a story's text or analysis is
//! stored: it looks up candidates in the index (posted event terms, MinHash
//! bands), never scans the cache, and updates the index. [`Store::rebuild_related`]
//! clears the index and relates every story again in id order, the order
//! in which they were first stored, so it reproduces what storing them one
//! by one built.

use rusqlite::Connection;

use super::related_index::{Sql, Tables};
use super::related_memory::Memory;
use super::term_counts::TermCounts;
use super::{Store, StoreError};
use crate::model::{Related, Relation, StoryId};

/// Where a story stands among the others: its event (when it shares one
/// with another story) and the first cached copy when it is a copy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Grouping {
    pub event: Option<i64>,
    pub duplicate_of: Option<StoryId>,
}

/// Related stories shown for one story.
const RELATED_SHOWN: usize = 10;

impl Store {
    /// Relates one story (again) in its own transaction; fetch and the demo
    /// loader do this as part of storing a story's text and analysis.
    pub fn relate_story(&mut self, id: StoryId) -> Result<(), StoreError> {
        let tx = super::begin(&mut self.conn)?;
        let mut terms = TermCounts::default();
        super::relating::relate(&tx, &mut self.shingles, &mut terms, id.0)?;
        terms.flush(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Clears the related-stories index and relates every story again, in
    /// the order they were first stored, in one transaction; returns how
    /// many stories were related. The index is built in memory and written
    /// once at the end (related_memory.rs): the same tables storing the
    /// stories one by one writes, without a statement per lookup.
    pub fn rebuild_related(&mut self) -> Result<usize, StoreError> {
        // Secondary indexes are filled out of order: a page cache that
        // holds them (up to 256 MiB) saves re-reading pages from the file.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        let result = self.rebuild_in_memory();
        self.conn.pragma_update(None, "cache_size", cache)?;
        result
    }

    fn rebuild_in_memory(&mut self) -> Result<usize, StoreError> {
        let tx = super::begin(&mut self.conn)?;
        for table in [
            "relate_stories",
            "relate_terms",
            "relate_events",
            "relate_event_terms",
            "relate_bands",
            "relate_links",
        ] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        let ids: Vec<i64> = tx
            .prepare("SELECT id FROM stories ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut memory = Memory::default();
        for &id in &ids {
            super::relating::relate_in(&tx, &mut memory, &mut self.shingles, id)?;
        }
        memory.write(&tx)?;
        tx.commit()?;
        Ok(ids.len())
    }

    /// Returns whether some stored story is missing from the related-stories
    /// index (a cache written before it existed); [`Store::rebuild_related`]
    /// fills it.
    pub fn related_missing(&self) -> Result<bool, StoreError> {
        Ok(self.conn.query_row(
            "SELECT (SELECT COUNT(*) FROM stories) > (SELECT COUNT(*) FROM relate_stories)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Returns a story's event and first copy.
    pub fn grouping(&self, id: StoryId) -> Result<Grouping, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT CASE WHEN e.size > 1 THEN e.id END, r.duplicate_of
                 FROM relate_stories r LEFT JOIN relate_events e ON e.id = r.event
                 WHERE r.story_id = ?1",
            )?
            .query_row([id.0], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?)));
        match row {
            Ok((event, dup)) => Ok(Grouping {
                event,
                duplicate_of: dup.map(StoryId),
            }),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(Grouping::default()),
            Err(e) => Err(e.into()),
        }
    }

    /// Returns a story's related list, best first: the stories it keeps
    /// and those that keep it, copies marked as duplicates.
    pub fn related(&self, id: StoryId) -> Result<Vec<Related>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT l.other, l.score, l.duplicate, s.title FROM relate_links l
                 JOIN stories s ON s.id = l.other WHERE l.story = ?1
             UNION ALL
             SELECT l.story, l.score, l.duplicate, s.title FROM relate_links l
                 JOIN stories s ON s.id = l.story WHERE l.other = ?1",
        )?;
        let rows = stmt.query_map([id.0], |r| {
            Ok(Related {
                id: StoryId(r.get(0)?),
                score: r.get::<_, i64>(1)? as f32 / 1000.0,
                relation: if r.get(2)? {
                    Relation::Duplicate
                } else {
                    Relation::Related
                },
                title: r.get(3)?,
            })
        })?;
        let mut related: Vec<Related> = Vec::new();
        for r in rows {
            let r = r?;
            match related.iter_mut().find(|x| x.id == r.id) {
                Some(x) if r.score > x.score => *x = r,
                Some(_) => {}
                None => related.push(r),
            }
        }
        related.sort_by(|a, b| {
            let dup = |r: &Related| r.relation == Relation::Duplicate;
            dup(b)
                .cmp(&dup(a))
                .then(b.score.total_cmp(&a.score))
                .then(a.id.cmp(&b.id))
        });
        related.truncate(RELATED_SHOWN);
        Ok(related)
    }

    /// Returns the story stored under a canonical URL, if any; an in-text
    /// link to it carries its id.
    pub fn story_by_url(&self, canonical_url: &str) -> Result<Option<StoryId>, StoreError> {
        match self
            .conn
            .prepare_cached("SELECT id FROM stories WHERE canonical_url = ?1")?
            .query_row([canonical_url], |r| r.get(0))
        {
            Ok(id) => Ok(Some(StoryId(id))),
            Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Returns the bytes the related-stories index takes in the cache file
    /// (its tables and their indexes), for the benchmark's per-story figure.
    pub fn related_index_bytes(&self) -> Result<u64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat
             WHERE name LIKE 'relate_%' OR name LIKE 'sqlite_autoindex_relate_%'",
            [],
            |r| r.get(0),
        )?)
    }

    /// Returns the stories in the same duplicate group as `id` (itself included).
    pub fn copies(&self, id: StoryId) -> Result<Vec<StoryId>, StoreError> {
        copies_of(&self.conn, id.0)
    }
}

/// Returns the members of a story's duplicate group, first copy first.
pub(super) fn copies_of(conn: &Connection, id: i64) -> Result<Vec<StoryId>, StoreError> {
    let root = Sql {
        conn,
        terms: &mut TermCounts::default(),
    }
    .story(id)?
    .and_then(|r| r.duplicate_of)
    .unwrap_or(id);
    let mut stmt = conn.prepare_cached(
        "SELECT story_id FROM relate_stories WHERE duplicate_of = ?1 ORDER BY story_id",
    )?;
    let mut ids = vec![StoryId(root)];
    for s in stmt.query_map([root], |r| r.get::<_, i64>(0))? {
        ids.push(StoryId(s?));
    }
    Ok(ids)
}
