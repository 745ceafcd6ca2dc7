//! The related-stories index, table by table: term frequencies, event
//! centroids and their posted terms, MinHash bands, and related links.
//! The rules that use them are in related.rs.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;
use crate::relate::{self, Term, Vector};

/// The `relate_terms` row that counts the stories in the index.
const STORIES_ROW: i64 = -1;

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

/// Adds `delta` to the document frequency of each term and to the story
/// count; returns each term's inverse document frequency afterwards.
pub(super) fn count_terms(
    conn: &Connection,
    terms: &[Term],
    delta: i64,
) -> Result<HashMap<Term, f32>, StoreError> {
    // An UPDATE, else an INSERT, not an upsert: inside a feed's transaction
    // an upsert opens a statement savepoint, and every savepoint makes the
    // full-text index flush (see fts.rs).
    let mut update =
        conn.prepare_cached("UPDATE relate_terms SET df = df + ?2 WHERE term = ?1 RETURNING df")?;
    let mut insert = conn.prepare_cached("INSERT INTO relate_terms (term, df) VALUES (?1, ?2)")?;
    let mut bump = |term: i64| -> Result<i64, StoreError> {
        match update
            .query_row(params![term, delta], |r| r.get(0))
            .optional()?
        {
            Some(df) => Ok(df),
            None => {
                insert.execute(params![term, delta])?;
                Ok(delta)
            }
        }
    };
    let n = bump(STORIES_ROW)?;
    let mut df = HashMap::with_capacity(terms.len());
    for &t in terms {
        let count = bump(i64::from(t))?;
        df.insert(t, relate::idf(count.max(0) as u32, n.max(0) as u32));
    }
    Ok(df)
}

/// Reads a story's index row, if it has one.
pub(super) fn story(conn: &Connection, id: i64) -> Result<Option<StoryRow>, StoreError> {
    Ok(conn
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

/// Writes a story's index row.
pub(super) fn put_story(conn: &Connection, id: i64, row: &StoryRow) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO relate_stories (story_id, published, event, duplicate_of, terms)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        id,
        row.published,
        row.event,
        row.duplicate_of,
        row.vector.encode()
    ])?;
    Ok(())
}

/// Returns the 24 most recent members of an event, with their vectors.
pub(super) fn members(conn: &Connection, event: i64) -> Result<Vec<(i64, Vector)>, StoreError> {
    // A literal limit: see candidate_events.
    let mut stmt = conn.prepare_cached(
        "SELECT story_id, terms FROM relate_stories WHERE event = ?1
         ORDER BY story_id DESC LIMIT 24",
    )?;
    let rows = stmt.query_map([event], |r| {
        Ok((r.get(0)?, Vector::decode(&r.get::<_, Vec<u8>>(1)?)))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Reads an event.
pub(super) fn event(conn: &Connection, id: i64) -> Result<Option<EventRow>, StoreError> {
    Ok(conn
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

/// Returns the events posted under the vector's terms, best first by the
/// part of the dot product the postings alone show, at most `limit`.
pub(super) fn candidate_events(
    conn: &Connection,
    v: &Vector,
    skip: Option<i64>,
    limit: usize,
) -> Result<Vec<i64>, StoreError> {
    // At most 48 postings per term, the most recent events. The limit is
    // written into the SQL: SQLite plans again every time a bound LIMIT
    // changes hands, which costs more than the query.
    let mut stmt = conn.prepare_cached(
        "SELECT event FROM relate_event_terms WHERE term = ?1 ORDER BY event DESC LIMIT 48",
    )?;
    let mut partial: HashMap<i64, f32> = HashMap::new();
    for &(t, w) in &v.0 {
        let events = stmt.query_map([i64::from(t)], |r| r.get::<_, i64>(0))?;
        for e in events {
            *partial.entry(e?).or_default() += w;
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
    conn: &Connection,
    event: &EventRow,
    old_posted: &[Term],
) -> Result<i64, StoreError> {
    let blob = event.centroid.encode();
    let id = if event.id == 0 {
        conn.prepare_cached(
            "INSERT INTO relate_events (first, last, size, centroid) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![event.first, event.last, event.size, blob])?;
        conn.last_insert_rowid()
    } else {
        conn.prepare_cached(
            "UPDATE relate_events SET first = ?2, last = ?3, size = ?4, centroid = ?5 WHERE id = ?1",
        )?
        .execute(params![event.id, event.first, event.last, event.size, blob])?;
        event.id
    };
    let new_posted = event.centroid.top(relate::POSTED_TERMS);
    let mut unpost =
        conn.prepare_cached("DELETE FROM relate_event_terms WHERE term = ?1 AND event = ?2")?;
    for t in old_posted.iter().filter(|t| !new_posted.contains(t)) {
        unpost.execute(params![i64::from(*t), id])?;
    }
    let mut post = conn
        .prepare_cached("INSERT OR IGNORE INTO relate_event_terms (term, event) VALUES (?1, ?2)")?;
    for t in new_posted.iter().filter(|t| !old_posted.contains(t)) {
        post.execute(params![i64::from(*t), id])?;
    }
    Ok(id)
}

/// Deletes an event and its postings.
pub(super) fn drop_event(conn: &Connection, event: &EventRow) -> Result<(), StoreError> {
    let mut unpost =
        conn.prepare_cached("DELETE FROM relate_event_terms WHERE term = ?1 AND event = ?2")?;
    for t in event.centroid.top(relate::POSTED_TERMS) {
        unpost.execute(params![i64::from(t), event.id])?;
    }
    conn.prepare_cached("DELETE FROM relate_events WHERE id = ?1")?
        .execute([event.id])?;
    Ok(())
}

/// Returns the stories that share a band with these keys, most shared
/// bands first (each band a pair shares makes a high overlap likelier),
/// then most recent; at most `limit`, and beyond the first few only those
/// sharing two bands or more, so a crowded band costs little.
pub(super) fn band_mates(
    conn: &Connection,
    bands: &[u32],
    skip: i64,
    limit: usize,
) -> Result<Vec<i64>, StoreError> {
    /// Stories sharing a single band that are still checked.
    const SINGLE: usize = 2;
    let mut stmt = conn.prepare_cached(
        // At most 16 per band (a literal limit: see candidate_events).
        "SELECT story FROM relate_bands WHERE band = ?1 AND story <> ?2
         ORDER BY story DESC LIMIT 16",
    )?;
    let mut shared: HashMap<i64, usize> = HashMap::new();
    for &b in bands {
        for s in stmt.query_map(params![i64::from(b), skip], |r| r.get::<_, i64>(0))? {
            *shared.entry(s?).or_default() += 1;
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

/// Replaces a story's band keys.
pub(super) fn put_bands(conn: &Connection, id: i64, bands: &[u32]) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM relate_bands WHERE story = ?1")?
        .execute([id])?;
    let mut stmt =
        conn.prepare_cached("INSERT OR IGNORE INTO relate_bands (band, story) VALUES (?1, ?2)")?;
    for &b in bands {
        stmt.execute(params![i64::from(b), id])?;
    }
    Ok(())
}

/// Replaces the links a story keeps: (other story, score, is a copy).
pub(super) fn put_links(
    conn: &Connection,
    id: i64,
    links: &[(i64, f32, bool)],
) -> Result<(), StoreError> {
    conn.prepare_cached("DELETE FROM relate_links WHERE story = ?1")?
        .execute([id])?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO relate_links (story, other, score, duplicate) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for &(other, score, dup) in links {
        stmt.execute(params![id, other, (score * 1000.0).round() as i64, dup])?;
    }
    Ok(())
}

/// Removes every trace of a story from the bands and links.
pub(super) fn drop_story_rows(conn: &Connection, id: i64) -> Result<(), StoreError> {
    for sql in [
        "DELETE FROM relate_bands WHERE story = ?1",
        "DELETE FROM relate_links WHERE story = ?1",
        "DELETE FROM relate_links WHERE other = ?1",
        "DELETE FROM relate_stories WHERE story_id = ?1",
    ] {
        conn.prepare_cached(sql)?.execute([id])?;
    }
    Ok(())
}
