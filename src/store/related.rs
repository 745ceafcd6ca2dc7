//! Related stories in the cache: each story's duplicates (`duplicate_of`,
//! the first cached copy), its event, and its related list.
//!
//! [`relate`] runs whenever a story's text or analysis is stored: it looks
//! up candidates in the index (posted event terms, MinHash bands), never
//! scans the cache, and updates the index. [`Store::rebuild_related`]
//! clears the index and relates every story again in id order, the order
//! in which they were first stored, so it reproduces what storing them one
//! by one built.

use std::collections::HashMap;

use rusqlite::{Connection, params};

use super::related_index::{self as index, EventRow, StoryRow};
use super::{Store, StoreError};
use crate::model::{Entity, EntityKind, Related, Relation, StoryId};
use crate::relate::{self, Shingles, Vector};

/// Where a story stands among the others: its event (when it shares one
/// with another story) and the first cached copy when it is a copy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Grouping {
    pub event: Option<i64>,
    pub duplicate_of: Option<StoryId>,
}

/// Related stories shown for one story.
const RELATED_SHOWN: usize = 10;
/// Events whose members are compared for the related list.
const EVENTS_COMPARED: usize = 3;

impl Store {
    /// Relates one story (again) in its own transaction; fetch and the demo
    /// loader do this as part of storing a story's text and analysis.
    pub fn relate_story(&mut self, id: StoryId) -> Result<(), StoreError> {
        let tx = self.write_tx()?;
        relate(&tx, id.0)?;
        tx.commit()?;
        Ok(())
    }

    /// Clears the related-stories index and relates every story again, in
    /// the order they were first stored, in one transaction; returns how
    /// many stories were related.
    pub fn rebuild_related(&mut self) -> Result<usize, StoreError> {
        // The whole index is rewritten: a page cache that holds it (up to
        // 256 MiB) saves re-reading pages from the file for every story.
        let cache: i64 = self.conn.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "cache_size", -262_144)?;
        let result = self.rebuild_in_one_transaction();
        self.conn.pragma_update(None, "cache_size", cache)?;
        result
    }

    fn rebuild_in_one_transaction(&mut self) -> Result<usize, StoreError> {
        let tx = self.write_tx()?;
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
        for &id in &ids {
            relate(&tx, id)?;
        }
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
    let root = index::story(conn, id)?
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

/// What relating needs to read about a story.
struct Source {
    title: String,
    text: String,
    published: i64,
    entities: Vec<Entity>,
}

fn source(conn: &Connection, id: i64) -> Result<Option<Source>, StoreError> {
    let found = conn
        .prepare_cached("SELECT title, text, published FROM stories WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)));
    let (title, text, published) = match found {
        Ok(row) => row,
        Err(rusqlite::Error::QueryReturnedNoRows) => return Ok(None),
        Err(e) => return Err(e.into()),
    };
    let mut stmt = conn.prepare_cached(
        "SELECT e.kind, e.name, e.country, se.salience
         FROM story_entities se JOIN entities e ON e.id = se.entity_id WHERE se.story_id = ?1",
    )?;
    let entities = stmt
        .query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, f64>(3)?,
            ))
        })?
        .filter_map(|row| {
            let (kind, name, country, salience) = row.ok()?;
            let kind = match kind.as_str() {
                "person" => EntityKind::Person,
                "org" => EntityKind::Org,
                "country" => EntityKind::Country,
                "place" => EntityKind::Place,
                _ => return None,
            };
            Some(Entity {
                kind,
                name,
                country: (!country.is_empty()).then_some(country),
                salience: salience as f32,
                mentions: Vec::new(),
            })
        })
        .collect();
    Ok(Some(Source {
        title,
        text,
        published,
        entities,
    }))
}

/// Relates one story inside the caller's transaction: forgets what the
/// index knew of it, then finds its copies and its event from indexed
/// candidates, keeps its best related stories, and merges events it joins
/// together. An unknown story is ignored.
pub(super) fn relate(conn: &Connection, id: i64) -> Result<(), StoreError> {
    let Some(src) = source(conn, id)? else {
        return Ok(());
    };
    forget(conn, id)?;
    let sig = relate::signature(&src.title, &src.text, &src.entities);
    let terms: Vec<relate::Term> = sig.terms.0.iter().map(|t| t.0).collect();
    let idf = index::count_terms(conn, &terms, 1)?;
    let v = sig.terms.weighed(|t| idf.get(&t).copied().unwrap_or(0.0));

    // Candidate events, scored in full.
    let mut scored: Vec<(f32, EventRow)> = Vec::new();
    for e in index::candidate_events(conn, &v, None, relate::CANDIDATE_EVENTS)? {
        if let Some(event) = index::event(conn, e)?.filter(|ev| ev.covers(src.published)) {
            scored.push((event.cosine(&v), event));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));

    // Copies: band mates confirmed by the overlap of their texts.
    let mut copies: Vec<(i64, f32)> = Vec::new();
    if !sig.bands.is_empty() {
        for other in index::band_mates(conn, &sig.bands, id, relate::COPY_CANDIDATES)? {
            let Some(text) = text_of(conn, other)? else {
                continue;
            };
            if let Some(score) = sig.shingles.copy_score(&Shingles::of(&text)) {
                copies.push((other, score));
            }
        }
    }
    let mut roots: Vec<i64> = Vec::new();
    for &(other, _) in &copies {
        let root = index::story(conn, other)?
            .and_then(|r| r.duplicate_of)
            .unwrap_or(other);
        if !roots.contains(&root) {
            roots.push(root);
        }
    }
    let root = roots.iter().copied().chain([id]).min().unwrap_or(id);

    // Members of the closest events, compared one by one for the related list.
    let mut members: Vec<(i64, f32, i64)> = Vec::new();
    for (_, e) in scored.iter().take(EVENTS_COMPARED) {
        for (other, ov) in index::members(conn, e.id)? {
            if other != id {
                members.push((other, v.dot(&ov), e.id));
            }
        }
    }

    // The event: the first copy's, else the closest one, else a new one.
    let joined = if root != id {
        index::story(conn, root)?.and_then(|r| index::event(conn, r.event).ok().flatten())
    } else {
        None
    }
    .or_else(|| {
        scored
            .first()
            .filter(|(score, _)| *score >= relate::JOIN_EVENT)
            .map(|(_, e)| e.clone())
    });
    let mut event = joined.unwrap_or(EventRow {
        id: 0,
        first: src.published,
        last: src.published,
        size: 0,
        centroid: Vector::default(),
    });
    let old_posted = event.centroid.top(relate::POSTED_TERMS);
    event.centroid.add(&v, 1.0, relate::terms::EVENT_TERMS);
    event.size += 1;
    event.first = event.first.min(src.published);
    event.last = event.last.max(src.published);
    let event_id = index::put_event(conn, &event, &old_posted)?;

    index::put_story(
        conn,
        id,
        &StoryRow {
            published: src.published,
            event: event_id,
            duplicate_of: (root != id).then_some(root),
            vector: v.clone(),
        },
    )?;
    index::put_bands(conn, id, &sig.bands)?;
    for &other_root in roots.iter().filter(|r| **r != root) {
        regroup_copies(conn, other_root, root)?;
    }
    if root == id && !roots.is_empty() {
        // This story is older than the copies it found: it becomes their first.
        for &r in &roots {
            regroup_copies(conn, r, id)?;
        }
    }

    // The related list: copies first, then the closest members of the
    // closest events.
    let mut links: HashMap<i64, (f32, bool)> =
        copies.iter().map(|&(o, s)| (o, (s, true))).collect();
    if !scored
        .iter()
        .take(EVENTS_COMPARED)
        .any(|(_, e)| e.id == event_id)
    {
        for (other, ov) in index::members(conn, event_id)? {
            if other != id {
                members.push((other, v.dot(&ov), event_id));
            }
        }
    }
    for &(other, score, _) in &members {
        if score >= relate::MIN_RELATED {
            links.entry(other).or_insert((score, false));
        }
    }
    let mut links: Vec<(i64, f32, bool)> = links.into_iter().map(|(o, (s, d))| (o, s, d)).collect();
    links.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.total_cmp(&a.1)).then(a.0.cmp(&b.0)));
    links.truncate(relate::LINKS_PER_STORY);
    index::put_links(conn, id, &links)?;

    // Regrouping copies may have merged the event away; read it afresh.
    // A story that started its own event was close to no other event.
    let current = index::story(conn, id)?.map_or(event_id, |r| r.event);
    if let Some(event) = index::event(conn, current)?.filter(|e| e.size > 1) {
        merge_neighbours(conn, event)?;
    }
    Ok(())
}

/// Points every copy whose first copy is `from` (and `from` itself) at `to`.
fn regroup_copies(conn: &Connection, from: i64, to: i64) -> Result<(), StoreError> {
    if from == to {
        return Ok(());
    }
    conn.prepare_cached(
        "UPDATE relate_stories SET duplicate_of = ?2 WHERE duplicate_of = ?1 OR story_id = ?1",
    )?
    .execute(params![from, to])?;
    // The copies' events become one.
    let target = index::story(conn, to)?.map(|r| r.event);
    let source = index::story(conn, from)?.map(|r| r.event);
    if let (Some(t), Some(s)) = (target, source)
        && t != s
        && let (Some(into), Some(from)) = (index::event(conn, t)?, index::event(conn, s)?)
    {
        merge(conn, into, from)?;
    }
    Ok(())
}

/// Merges into `event` every neighbouring event whose centroid is close
/// enough and whose time span is near.
fn merge_neighbours(conn: &Connection, mut event: EventRow) -> Result<(), StoreError> {
    let norm = event.centroid.dot(&event.centroid).sqrt();
    if norm == 0.0 {
        return Ok(());
    }
    // The posted terms find every event that could be close enough.
    let posted = event.centroid.top(relate::POSTED_TERMS);
    let probe = Vector(
        event
            .centroid
            .0
            .iter()
            .filter(|t| posted.contains(&t.0))
            .map(|&(t, w)| (t, w / norm))
            .collect(),
    );
    let whole = Vector(
        event
            .centroid
            .0
            .iter()
            .map(|&(t, w)| (t, w / norm))
            .collect(),
    );
    for other in index::candidate_events(conn, &probe, Some(event.id), relate::CANDIDATE_EVENTS)? {
        let Some(other) = index::event(conn, other)? else {
            continue;
        };
        let near =
            other.covers(event.first) || other.covers(event.last) || event.covers(other.first);
        // A small event is one a story of it could have joined had it come later.
        let small = other.size.min(event.size) <= relate::SMALL_EVENT as i64;
        let needed = if small {
            relate::JOIN_EVENT
        } else {
            relate::MERGE_EVENTS
        };
        if near && other.cosine(&whole) >= needed {
            event = merge(conn, event, other)?;
        }
    }
    Ok(())
}

/// Merges two events into the older one (the smaller id); returns it.
fn merge(conn: &Connection, a: EventRow, b: EventRow) -> Result<EventRow, StoreError> {
    let (mut keep, gone) = if a.id < b.id { (a, b) } else { (b, a) };
    let old_posted = keep.centroid.top(relate::POSTED_TERMS);
    keep.centroid
        .add(&gone.centroid, 1.0, relate::terms::EVENT_TERMS);
    keep.size += gone.size;
    keep.first = keep.first.min(gone.first);
    keep.last = keep.last.max(gone.last);
    index::drop_event(conn, &gone)?;
    index::put_event(conn, &keep, &old_posted)?;
    conn.prepare_cached("UPDATE relate_stories SET event = ?2 WHERE event = ?1")?
        .execute(params![gone.id, keep.id])?;
    Ok(keep)
}

/// Removes a story from the index: its term counts, its share of its
/// event, its bands and links. Its copies get the next copy as their first.
pub(super) fn forget(conn: &Connection, id: i64) -> Result<(), StoreError> {
    let Some(row) = index::story(conn, id)? else {
        return Ok(());
    };
    let terms: Vec<relate::Term> = row.vector.0.iter().map(|t| t.0).collect();
    index::count_terms(conn, &terms, -1)?;
    if let Some(mut event) = index::event(conn, row.event)? {
        if event.size <= 1 {
            index::drop_event(conn, &event)?;
        } else {
            let old_posted = event.centroid.top(relate::POSTED_TERMS);
            event
                .centroid
                .add(&row.vector, -1.0, relate::terms::EVENT_TERMS);
            event.size -= 1;
            index::put_event(conn, &event, &old_posted)?;
        }
    }
    index::drop_story_rows(conn, id)?;
    let heir: Option<i64> = conn
        .prepare_cached("SELECT MIN(story_id) FROM relate_stories WHERE duplicate_of = ?1")?
        .query_row([id], |r| r.get(0))?;
    if let Some(heir) = heir {
        conn.prepare_cached(
            "UPDATE relate_stories SET duplicate_of = CASE WHEN story_id = ?2 THEN NULL ELSE ?2 END
             WHERE duplicate_of = ?1",
        )?
        .execute(params![id, heir])?;
    }
    Ok(())
}

fn text_of(conn: &Connection, id: i64) -> Result<Option<String>, StoreError> {
    match conn
        .prepare_cached("SELECT text FROM stories WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
    {
        Ok(t) => Ok(Some(t)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(e) => Err(e.into()),
    }
}
