//! The related-stories index, table by table: term frequencies, event
//! centroids and their posted terms, MinHash bands, and related links.
//!
//! [`Tables`] is what the relating rules (relating.rs) may do to those
//! tables, one statement each; [`Sql`] does it in the cache, and
//! related_memory.rs in memory for a full rebuild, which writes the
//! tables once at the end. The lookups built on them (idf, candidate
//! events, band mates, posting an event) are here, written once for both.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;
use super::term_counts::TermCounts;
use crate::relate::{self, Term, Vector};

/// The `relate_terms` row that counts the stories in the index.
pub(super) const STORIES_ROW: i64 = -1;
/// `relate_terms` rows from here up count, per term, the events posted
/// under it (row `POSTED_ROWS + term`; terms are below 2^31).
pub(super) const POSTED_ROWS: i64 = 1 << 32;
/// Postings read per term: the most recent events posted under it.
pub(super) const POSTINGS_READ: usize = 48;
/// Members of an event compared for the related list: its most recent.
pub(super) const MEMBERS_READ: usize = 24;
/// Stories read per band: its most recent.
pub(super) const BAND_READ: usize = 16;

/// One event: its time span, size and centroid (the sum of its members'
/// weighted term vectors).
#[derive(Debug, Clone)]
pub(super) struct EventRow {
    pub id: i64,
    pub first: i64,
    pub last: i64,
    pub size: i64,
    pub centroid: Vector,
}

impl EventRow {
    /// Returns the cosine between a unit vector and this event's centroid.
    pub fn cosine(&self, v: &Vector) -> f32 {
        let norm = self.centroid.dot(&self.centroid).sqrt();
        if norm > 0.0 {
            v.dot(&self.centroid) / norm
        } else {
            0.0
        }
    }

    /// Returns whether a story published at `t` (µs) falls inside the event's window.
    pub fn covers(&self, t: i64) -> bool {
        let window = relate::WINDOW_DAYS * 86_400_000_000;
        t >= self.first - window && t <= self.last + window
    }
}

/// A story's row in the index.
#[derive(Debug, Clone)]
pub(super) struct StoryRow {
    pub published: i64,
    pub event: i64,
    pub duplicate_of: Option<i64>,
    pub vector: Vector,
}

/// A related link a story keeps: (other story, score × 1000, is a copy).
pub(super) type LinkRow = (i64, i64, bool);

/// The index's tables, one method per statement the relating rules run.
/// Both implementations must give the same answers in the same order.
pub(super) trait Tables {
    /// Adds `delta` to a term's document frequency; returns it afterwards.
    fn bump_term(&mut self, term: i64, delta: i64) -> Result<i64, StoreError>;
    /// Returns a term's document frequency (0 for a term never counted).
    fn term_count(&self, term: i64) -> Result<i64, StoreError>;
    fn story(&self, id: i64) -> Result<Option<StoryRow>, StoreError>;
    /// Inserts a story's row (it has none).
    fn put_story(&mut self, id: i64, row: &StoryRow) -> Result<(), StoreError>;
    /// Removes a story's row, bands and links, both the links it keeps and
    /// those kept to it.
    fn drop_story(&mut self, id: i64) -> Result<(), StoreError>;
    /// Points at `to` the first copy of `from` and of every copy of `from`.
    fn move_copies(&mut self, from: i64, to: i64) -> Result<(), StoreError>;
    /// Gives the copies of `id` the smallest of them as their first copy
    /// (and that one none); `id` is out of the index.
    fn pass_copies_on(&mut self, id: i64) -> Result<(), StoreError>;
    /// Moves every member of event `from` into event `to`.
    fn move_members(&mut self, from: i64, to: i64) -> Result<(), StoreError>;
    /// Returns the [`MEMBERS_READ`] most recent members of an event, with vectors.
    fn members(&self, event: i64) -> Result<Vec<(i64, Vector)>, StoreError>;
    fn event(&self, id: i64) -> Result<Option<EventRow>, StoreError>;
    /// Inserts an event (its `id` is ignored); returns the id it was given,
    /// one past the largest in use.
    fn insert_event(&mut self, event: &EventRow) -> Result<i64, StoreError>;
    fn update_event(&mut self, event: &EventRow) -> Result<(), StoreError>;
    /// Deletes an event's row (not its postings).
    fn delete_event(&mut self, id: i64) -> Result<(), StoreError>;
    /// Returns the [`POSTINGS_READ`] most recent events posted under a term.
    fn postings(&self, term: Term) -> Result<Vec<i64>, StoreError>;
    /// Posts an event under a term (again is a no-op); returns whether it
    /// was not posted before.
    fn post(&mut self, term: Term, event: i64) -> Result<bool, StoreError>;
    /// Takes a posting away; returns whether there was one.
    fn unpost(&mut self, term: Term, event: i64) -> Result<bool, StoreError>;
    /// Returns the [`BAND_READ`] most recent stories but `skip` in a band.
    fn band_stories(&self, band: u32, skip: i64) -> Result<Vec<i64>, StoreError>;
    /// Replaces a story's band keys.
    fn set_bands(&mut self, id: i64, bands: &[u32]) -> Result<(), StoreError>;
    /// Replaces the links a story keeps.
    fn set_links(&mut self, id: i64, links: &[LinkRow]) -> Result<(), StoreError>;
}

/// Counts a new story: adds one to the document frequency of each of its
/// terms and to the story count; returns each term's inverse document
/// frequency afterwards.
pub(super) fn count_terms(
    tables: &mut impl Tables,
    terms: &[Term],
) -> Result<HashMap<Term, f32>, StoreError> {
    let n = tables.bump_term(STORIES_ROW, 1)?;
    let mut df = HashMap::with_capacity(terms.len());
    for &t in terms {
        let count = tables.bump_term(i64::from(t), 1)?;
        let events = tables.term_count(posted_row(t))?;
        df.insert(
            t,
            relate::idf(count.max(0) as u32, events.max(0) as u32, n.max(0) as u32),
        );
    }
    Ok(df)
}

/// Takes a forgotten story out of the counts that [`count_terms`] keeps.
pub(super) fn uncount_terms(tables: &mut impl Tables, terms: &[Term]) -> Result<(), StoreError> {
    tables.bump_term(STORIES_ROW, -1)?;
    for &t in terms {
        tables.bump_term(i64::from(t), -1)?;
    }
    Ok(())
}

/// The `relate_terms` row that counts the events posted under `term`.
fn posted_row(term: Term) -> i64 {
    POSTED_ROWS + i64::from(term)
}

/// Posts an event under a term, counted in the term's posted row.
fn post(tables: &mut impl Tables, term: Term, event: i64) -> Result<(), StoreError> {
    if tables.post(term, event)? {
        tables.bump_term(posted_row(term), 1)?;
    }
    Ok(())
}

/// Takes an event's posting under a term away, and its count.
fn unpost(tables: &mut impl Tables, term: Term, event: i64) -> Result<(), StoreError> {
    if tables.unpost(term, event)? {
        tables.bump_term(posted_row(term), -1)?;
    }
    Ok(())
}

/// Returns the events posted under the vector's terms, best first by the
/// part of the dot product the postings alone show, at most `limit`.
pub(super) fn candidate_events(
    tables: &impl Tables,
    v: &Vector,
    skip: Option<i64>,
    limit: usize,
) -> Result<Vec<i64>, StoreError> {
    let mut partial: HashMap<i64, f32> = HashMap::new();
    for &(t, w) in &v.0 {
        for e in tables.postings(t)? {
            *partial.entry(e).or_default() += w;
        }
    }
    if let Some(s) = skip {
        partial.remove(&s);
    }
    let mut ranked: Vec<(i64, f32)> = partial.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(ranked.into_iter().take(limit).map(|e| e.0).collect())
}

/// Writes an event (creating it when `id` is 0) and posts its heaviest
/// terms in place of `old_posted`; returns its id.
pub(super) fn put_event(
    tables: &mut impl Tables,
    event: &EventRow,
    old_posted: &[Term],
) -> Result<i64, StoreError> {
    let id = if event.id == 0 {
        tables.insert_event(event)?
    } else {
        tables.update_event(event)?;
        event.id
    };
    let new_posted = event.centroid.top(relate::POSTED_TERMS);
    for &t in old_posted.iter().filter(|t| !new_posted.contains(t)) {
        unpost(tables, t, id)?;
    }
    for &t in new_posted.iter().filter(|t| !old_posted.contains(t)) {
        post(tables, t, id)?;
    }
    Ok(id)
}

/// Deletes an event and its postings.
pub(super) fn drop_event(tables: &mut impl Tables, event: &EventRow) -> Result<(), StoreError> {
    for t in event.centroid.top(relate::POSTED_TERMS) {
        unpost(tables, t, event.id)?;
    }
    tables.delete_event(event.id)
}

/// Returns the stories that share a band with these keys, most shared
/// bands first (each band a pair shares makes a high overlap likelier),
/// then most recent; at most `limit`, and beyond the first few only those
/// sharing two bands or more, so a crowded band costs little.
pub(super) fn band_mates(
    tables: &impl Tables,
    bands: &[u32],
    skip: i64,
    limit: usize,
) -> Result<Vec<i64>, StoreError> {
    /// Stories sharing a single band that are still checked.
    const SINGLE: usize = 2;
    let mut shared: HashMap<i64, usize> = HashMap::new();
    for &b in bands {
        for s in tables.band_stories(b, skip)? {
            *shared.entry(s).or_default() += 1;
        }
    }
    let mut ranked: Vec<(i64, usize)> = shared.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    let mut singles = 0;
    Ok(ranked
        .into_iter()
        .filter(|&(_, n)| {
            singles += usize::from(n == 1);
            n > 1 || singles <= SINGLE
        })
        .take(limit)
        .map(|(s, _)| s)
        .collect())
}

/// The index in the cache, inside the caller's transaction, with the term
/// counts buffered until the caller flushes them before committing.
pub(super) struct Sql<'c> {
    pub conn: &'c Connection,
    pub terms: &'c mut TermCounts,
}

impl Sql<'_> {
    fn run(&self, sql: &str, values: impl rusqlite::Params) -> Result<(), StoreError> {
        self.conn.prepare_cached(sql)?.execute(values)?;
        Ok(())
    }
}

// Limits are literals in the SQL: SQLite plans again every time a bound
// LIMIT changes hands, which costs more than the query.
const _: () = assert!(POSTINGS_READ == 48 && MEMBERS_READ == 24 && BAND_READ == 16);

impl Tables for Sql<'_> {
    fn bump_term(&mut self, term: i64, delta: i64) -> Result<i64, StoreError> {
        self.terms.bump(self.conn, term, delta)
    }

    fn term_count(&self, term: i64) -> Result<i64, StoreError> {
        self.terms.get(self.conn, term)
    }

    fn story(&self, id: i64) -> Result<Option<StoryRow>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT published, event, duplicate_of, terms FROM relate_stories WHERE story_id = ?1",
            )?
            .query_row([id], |r| {
                Ok(StoryRow {
                    published: r.get(0)?,
                    event: r.get(1)?,
                    duplicate_of: r.get(2)?,
                    vector: Vector::decode(&r.get::<_, Vec<u8>>(3)?),
                })
            })
            .optional()?)
    }

    fn put_story(&mut self, id: i64, row: &StoryRow) -> Result<(), StoreError> {
        self.run(
            "INSERT INTO relate_stories (story_id, published, event, duplicate_of, terms)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                id,
                row.published,
                row.event,
                row.duplicate_of,
                row.vector.encode()
            ],
        )
    }

    fn drop_story(&mut self, id: i64) -> Result<(), StoreError> {
        for sql in [
            "DELETE FROM relate_bands WHERE story = ?1",
            "DELETE FROM relate_links WHERE story = ?1",
            "DELETE FROM relate_links WHERE other = ?1",
            "DELETE FROM relate_stories WHERE story_id = ?1",
        ] {
            self.run(sql, [id])?;
        }
        Ok(())
    }

    fn move_copies(&mut self, from: i64, to: i64) -> Result<(), StoreError> {
        self.run(
            "UPDATE relate_stories SET duplicate_of = ?2 WHERE duplicate_of = ?1 OR story_id = ?1",
            params![from, to],
        )
    }

    fn pass_copies_on(&mut self, id: i64) -> Result<(), StoreError> {
        let heir: Option<i64> = self
            .conn
            .prepare_cached("SELECT MIN(story_id) FROM relate_stories WHERE duplicate_of = ?1")?
            .query_row([id], |r| r.get(0))?;
        match heir {
            Some(heir) => self.run(
                "UPDATE relate_stories SET duplicate_of = CASE WHEN story_id = ?2 THEN NULL ELSE ?2 END
                 WHERE duplicate_of = ?1",
                params![id, heir],
            ),
            None => Ok(()),
        }
    }

    fn move_members(&mut self, from: i64, to: i64) -> Result<(), StoreError> {
        self.run(
            "UPDATE relate_stories SET event = ?2 WHERE event = ?1",
            params![from, to],
        )
    }

    fn members(&self, event: i64) -> Result<Vec<(i64, Vector)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT story_id, terms FROM relate_stories WHERE event = ?1
             ORDER BY story_id DESC LIMIT 24",
        )?;
        let rows = stmt.query_map([event], |r| {
            Ok((r.get(0)?, Vector::decode(&r.get::<_, Vec<u8>>(1)?)))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn event(&self, id: i64) -> Result<Option<EventRow>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT first, last, size, centroid FROM relate_events WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(EventRow {
                    id,
                    first: r.get(0)?,
                    last: r.get(1)?,
                    size: r.get(2)?,
                    centroid: Vector::decode(&r.get::<_, Vec<u8>>(3)?),
                })
            })
            .optional()?)
    }

    fn insert_event(&mut self, event: &EventRow) -> Result<i64, StoreError> {
        self.run(
            "INSERT INTO relate_events (first, last, size, centroid) VALUES (?1, ?2, ?3, ?4)",
            params![event.first, event.last, event.size, event.centroid.encode()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    fn update_event(&mut self, event: &EventRow) -> Result<(), StoreError> {
        self.run(
            "UPDATE relate_events SET first = ?2, last = ?3, size = ?4, centroid = ?5 WHERE id = ?1",
            params![
                event.id,
                event.first,
                event.last,
                event.size,
                event.centroid.encode()
            ],
        )
    }

    fn delete_event(&mut self, id: i64) -> Result<(), StoreError> {
        self.run("DELETE FROM relate_events WHERE id = ?1", [id])
    }

    fn postings(&self, term: Term) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT event FROM relate_event_terms WHERE term = ?1 ORDER BY event DESC LIMIT 48",
        )?;
        let rows = stmt.query_map([i64::from(term)], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn post(&mut self, term: Term, event: i64) -> Result<bool, StoreError> {
        let changed = self
            .conn
            .prepare_cached(
                "INSERT OR IGNORE INTO relate_event_terms (term, event) VALUES (?1, ?2)",
            )?
            .execute(params![i64::from(term), event])?;
        Ok(changed > 0)
    }

    fn unpost(&mut self, term: Term, event: i64) -> Result<bool, StoreError> {
        let changed = self
            .conn
            .prepare_cached("DELETE FROM relate_event_terms WHERE term = ?1 AND event = ?2")?
            .execute(params![i64::from(term), event])?;
        Ok(changed > 0)
    }

    fn band_stories(&self, band: u32, skip: i64) -> Result<Vec<i64>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT story FROM relate_bands WHERE band = ?1 AND story <> ?2
             ORDER BY story DESC LIMIT 16",
        )?;
        let rows = stmt.query_map(params![i64::from(band), skip], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn set_bands(&mut self, id: i64, bands: &[u32]) -> Result<(), StoreError> {
        self.run("DELETE FROM relate_bands WHERE story = ?1", [id])?;
        let mut stmt = self
            .conn
            .prepare_cached("INSERT OR IGNORE INTO relate_bands (band, story) VALUES (?1, ?2)")?;
        for &b in bands {
            stmt.execute(params![i64::from(b), id])?;
        }
        Ok(())
    }

    fn set_links(&mut self, id: i64, links: &[LinkRow]) -> Result<(), StoreError> {
        self.run("DELETE FROM relate_links WHERE story = ?1", [id])?;
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO relate_links (story, other, score, duplicate) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for &(other, score, dup) in links {
            stmt.execute(params![id, other, score, dup])?;
        }
        Ok(())
    }
}
