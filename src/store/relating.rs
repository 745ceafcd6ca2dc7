//! The rules that relate one story to the others, applied inside the
//! transaction that stores its text and analysis: its copies, its event
//! (joined, started or merged) and its related links (see related.rs for
//! what is read back, and relate/ for the pure parts).

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;

use rusqlite::Connection;

use super::StoreError;
use super::related_index::{self as index, EventRow, Sql, StoryRow, Tables};
use super::term_counts::TermCounts;
use crate::model::{Entity, EntityKind};
use crate::relate::{self, Shingles, Vector};

/// Events whose members are compared for the related list.
const EVENTS_COMPARED: usize = 2;

/// Texts whose shingles the memo keeps: about 5 KB each for a long article.
const MEMO_TEXTS: usize = 2048;

/// The shingles of recently related texts, keyed by story and a hash of
/// the text (so a changed text is never judged by its old shingles). The
/// copies of a story are found among its band mates, and each band mate
/// would otherwise be shingled again for every new story that meets it.
#[derive(Debug, Default)]
pub(crate) struct ShingleMemo {
    kept: HashMap<(i64, u64), Arc<Shingles>>,
    order: VecDeque<(i64, u64)>,
}

impl ShingleMemo {
    /// Returns the shingles of story `id`'s `text`, made at most once
    /// while the memo remembers them.
    fn of(&mut self, id: i64, text: &str) -> Arc<Shingles> {
        let key = (id, relate::shingles::text_hash(text));
        if let Some(found) = self.kept.get(&key) {
            return Arc::clone(found);
        }
        let made = Arc::new(Shingles::of(text));
        self.keep(key, Arc::clone(&made));
        made
    }

    /// Remembers shingles made elsewhere for story `id`'s text.
    pub(super) fn remember(&mut self, id: i64, made: &relate::TextShingles) {
        self.keep((id, made.text_hash), Arc::clone(&made.shingles));
    }

    fn keep(&mut self, key: (i64, u64), shingles: Arc<Shingles>) {
        if self.kept.insert(key, shingles).is_some() {
            return;
        }
        if self.order.len() >= MEMO_TEXTS
            && let Some(oldest) = self.order.pop_front()
        {
            self.kept.remove(&oldest);
        }
        self.order.push_back(key);
    }
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
/// together. An unknown story is ignored. The caller flushes `terms`
/// before it commits.
pub(super) fn relate(
    conn: &Connection,
    memo: &mut ShingleMemo,
    terms: &mut TermCounts,
    id: i64,
) -> Result<(), StoreError> {
    relate_in(conn, &mut Sql { conn, terms }, memo, id)
}

/// Relates one story read from `conn` in the index held by `ix`.
pub(super) fn relate_in(
    conn: &Connection,
    ix: &mut impl Tables,
    memo: &mut ShingleMemo,
    id: i64,
) -> Result<(), StoreError> {
    let Some(src) = source(conn, id)? else {
        return Ok(());
    };
    forget_in(ix, id)?;
    let shingles = memo.of(id, &src.text);
    let sig = relate::signature(&src.title, &src.text, &src.entities, &shingles);
    let terms: Vec<relate::Term> = sig.terms.0.iter().map(|t| t.0).collect();
    let idf = index::count_terms(ix, &terms)?;
    let v = sig.terms.weighed(|t| idf.get(&t).copied().unwrap_or(0.0));

    // Candidate events, scored in full.
    let mut scored: Vec<(f32, EventRow)> = Vec::new();
    for e in index::candidate_events(ix, &v, None, relate::CANDIDATE_EVENTS)? {
        if let Some(event) = ix.event(e)?.filter(|ev| ev.covers(src.published)) {
            scored.push((event.cosine(&v), event));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.id.cmp(&b.1.id)));

    // Copies: band mates confirmed by the overlap of their texts.
    let mut copies: Vec<(i64, f32)> = Vec::new();
    if !sig.bands.is_empty() {
        for other in index::band_mates(ix, &sig.bands, id, relate::COPY_CANDIDATES)? {
            let Some(text) = text_of(conn, other)? else {
                continue;
            };
            if let Some(score) = shingles.copy_score(&memo.of(other, &text)) {
                copies.push((other, score));
            }
        }
    }
    let mut roots: Vec<i64> = Vec::new();
    for &(other, _) in &copies {
        let root = ix
            .story(other)?
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
        for (other, ov) in ix.members(e.id)? {
            if other != id {
                members.push((other, v.dot(&ov), e.id));
            }
        }
    }

    // The event: the first copy's, else the closest one, else a new one.
    let joined = if root != id {
        ix.story(root)?
            .and_then(|r| ix.event(r.event).ok().flatten())
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
    // An event whose posted terms stay the same meets the same neighbours
    // it already met and did not merge with; only a change can bring a merge.
    let mut reshaped = event.centroid.top(relate::POSTED_TERMS) != old_posted;
    event.size += 1;
    event.first = event.first.min(src.published);
    event.last = event.last.max(src.published);
    let event_id = index::put_event(ix, &event, &old_posted)?;

    ix.put_story(
        id,
        &StoryRow {
            published: src.published,
            event: event_id,
            duplicate_of: (root != id).then_some(root),
            vector: v.clone(),
        },
    )?;
    ix.set_bands(id, &sig.bands)?;
    for &other_root in roots.iter().filter(|r| **r != root) {
        regroup_copies(ix, other_root, root)?;
        reshaped = true;
    }
    if root == id && !roots.is_empty() {
        // This story is older than the copies it found: it becomes their first.
        for &r in &roots {
            regroup_copies(ix, r, id)?;
        }
        reshaped = true;
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
        for (other, ov) in ix.members(event_id)? {
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
    let links: Vec<index::LinkRow> = links
        .into_iter()
        .map(|(o, score, dup)| (o, (score * 1000.0).round() as i64, dup))
        .collect();
    ix.set_links(id, &links)?;

    // Regrouping copies may have merged the event away; read it afresh.
    // A story that started its own event was close to no other event.
    if reshaped {
        let current = ix.story(id)?.map_or(event_id, |r| r.event);
        if let Some(event) = ix.event(current)?.filter(|e| e.size > 1) {
            merge_neighbours(ix, event)?;
        }
    }
    Ok(())
}

/// Points every copy whose first copy is `from` (and `from` itself) at `to`.
fn regroup_copies(ix: &mut impl Tables, from: i64, to: i64) -> Result<(), StoreError> {
    if from == to {
        return Ok(());
    }
    ix.move_copies(from, to)?;
    // The copies' events become one.
    let target = ix.story(to)?.map(|r| r.event);
    let source = ix.story(from)?.map(|r| r.event);
    if let (Some(t), Some(s)) = (target, source)
        && t != s
        && let (Some(into), Some(from)) = (ix.event(t)?, ix.event(s)?)
    {
        merge(ix, into, from)?;
    }
    Ok(())
}

/// Merges into `event` every neighbouring event whose centroid is close
/// enough and whose time span is near.
fn merge_neighbours(ix: &mut impl Tables, mut event: EventRow) -> Result<(), StoreError> {
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
    for other in index::candidate_events(ix, &probe, Some(event.id), relate::CANDIDATE_EVENTS)? {
        let Some(other) = ix.event(other)? else {
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
            event = merge(ix, event, other)?;
        }
    }
    Ok(())
}

/// Merges two events into the older one (the smaller id); returns it.
fn merge(ix: &mut impl Tables, a: EventRow, b: EventRow) -> Result<EventRow, StoreError> {
    let (mut keep, gone) = if a.id < b.id { (a, b) } else { (b, a) };
    let old_posted = keep.centroid.top(relate::POSTED_TERMS);
    keep.centroid
        .add(&gone.centroid, 1.0, relate::terms::EVENT_TERMS);
    keep.size += gone.size;
    keep.first = keep.first.min(gone.first);
    keep.last = keep.last.max(gone.last);
    index::drop_event(ix, &gone)?;
    index::put_event(ix, &keep, &old_posted)?;
    ix.move_members(gone.id, keep.id)?;
    Ok(keep)
}

/// Removes a story from the index: its term counts, its share of its
/// event, its bands and links. Its copies get the next copy as their first.
/// The caller flushes `terms` before it commits.
pub(super) fn forget(conn: &Connection, terms: &mut TermCounts, id: i64) -> Result<(), StoreError> {
    forget_in(&mut Sql { conn, terms }, id)
}

fn forget_in(ix: &mut impl Tables, id: i64) -> Result<(), StoreError> {
    let Some(row) = ix.story(id)? else {
        return Ok(());
    };
    let terms: Vec<relate::Term> = row.vector.0.iter().map(|t| t.0).collect();
    index::uncount_terms(ix, &terms)?;
    if let Some(mut event) = ix.event(row.event)? {
        if event.size <= 1 {
            index::drop_event(ix, &event)?;
        } else {
            let old_posted = event.centroid.top(relate::POSTED_TERMS);
            event
                .centroid
                .add(&row.vector, -1.0, relate::terms::EVENT_TERMS);
            event.size -= 1;
            index::put_event(ix, &event, &old_posted)?;
        }
    }
    ix.drop_story(id)?;
    ix.pass_copies_on(id)
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
