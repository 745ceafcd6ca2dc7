//! The related-stories index held in memory for a full rebuild: the same
//! tables as in the cache, kept in maps and sorted sets, so relating every
//! story again costs map lookups instead of B-tree statements; written to
//! the cache once at the end, each table in key order.
//!
//! Every method answers as its statement in related_index.rs's [`Sql`]
//! does, in the same order: the test below drives both with random
//! statements, and tests/related.rs compares the tables a rebuild writes
//! with those that storing one story at a time wrote.
//!
//! [`Sql`]: super::related_index::Sql

use std::collections::{BTreeMap, BTreeSet};

use foldhash::HashMap;
use rusqlite::{Connection, params};

use super::StoreError;
use super::related_index::{
    BAND_READ, EventRow, LinkRow, MEMBERS_READ, POSTINGS_READ, StoryRow, Tables,
};
use crate::relate::{Term, Vector};

/// The index's tables in memory, with the reverse maps their statements'
/// indexes stand for.
#[derive(Debug, Default)]
pub(super) struct Memory {
    terms: HashMap<i64, i64>,
    stories: HashMap<i64, StoryRow>,
    /// Per event its members (relate_stories_event).
    members: HashMap<i64, BTreeSet<i64>>,
    /// Per first copy its other copies (relate_stories_copies).
    copies: HashMap<i64, BTreeSet<i64>>,
    events: BTreeMap<i64, EventRow>,
    postings: HashMap<Term, BTreeSet<i64>>,
    bands: HashMap<u32, BTreeSet<i64>>,
    /// Per story its band keys (relate_bands_story).
    bands_of: HashMap<i64, Vec<u32>>,
    links: HashMap<i64, Vec<LinkRow>>,
    /// Per story the stories that keep a link to it (relate_links_other).
    linked_from: HashMap<i64, BTreeSet<i64>>,
}

impl Memory {
    /// Writes every table into the cache, whose index tables are empty.
    pub(super) fn write(&self, conn: &Connection) -> Result<(), StoreError> {
        let mut stmt = conn.prepare("INSERT INTO relate_terms (term, df) VALUES (?1, ?2)")?;
        for (term, df) in sorted(self.terms.iter().map(|(t, d)| (*t, *d))) {
            stmt.execute(params![term, df])?;
        }
        let mut stmt = conn.prepare(
            "INSERT INTO relate_stories (story_id, published, event, duplicate_of, terms)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (id, row) in sorted(self.stories.iter().map(|(id, row)| (*id, row))) {
            stmt.execute(params![
                id,
                row.published,
                row.event,
                row.duplicate_of,
                row.vector.encode()
            ])?;
        }
        let mut stmt = conn.prepare(
            "INSERT INTO relate_events (id, first, last, size, centroid) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for e in self.events.values() {
            stmt.execute(params![e.id, e.first, e.last, e.size, e.centroid.encode()])?;
        }
        let mut stmt =
            conn.prepare("INSERT INTO relate_event_terms (term, event) VALUES (?1, ?2)")?;
        for (term, events) in sorted(self.postings.iter().map(|(t, e)| (*t, e))) {
            for &e in events {
                stmt.execute(params![i64::from(term), e])?;
            }
        }
        let mut stmt = conn.prepare("INSERT INTO relate_bands (band, story) VALUES (?1, ?2)")?;
        for (band, stories) in sorted(self.bands.iter().map(|(b, s)| (*b, s))) {
            for &s in stories {
                stmt.execute(params![i64::from(band), s])?;
            }
        }
        let mut stmt = conn.prepare(
            "INSERT INTO relate_links (story, other, score, duplicate) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (id, links) in sorted(self.links.iter().map(|(id, l)| (*id, l))) {
            let mut links = links.clone();
            links.sort_by_key(|l| l.0);
            for (other, score, dup) in links {
                stmt.execute(params![id, other, score, dup])?;
            }
        }
        Ok(())
    }

    /// Takes a story's band keys out of the bands.
    fn unband(&mut self, id: i64) {
        for band in self.bands_of.remove(&id).unwrap_or_default() {
            remove(&mut self.bands, band, id);
        }
    }

    /// Takes the links a story keeps out of the reverse map too.
    fn unlink(&mut self, id: i64) {
        for (other, _, _) in self.links.remove(&id).unwrap_or_default() {
            remove(&mut self.linked_from, other, id);
        }
    }

    /// Takes a story's row out, and out of its event and copy group.
    fn unrow(&mut self, id: i64) {
        if let Some(row) = self.stories.remove(&id) {
            remove(&mut self.members, row.event, id);
            if let Some(first) = row.duplicate_of {
                remove(&mut self.copies, first, id);
            }
        }
    }

    fn set_first_copy(&mut self, id: i64, first: Option<i64>) {
        let Some(row) = self.stories.get_mut(&id) else {
            return;
        };
        if let Some(old) = row.duplicate_of {
            remove(&mut self.copies, old, id);
        }
        row.duplicate_of = first;
        if let Some(new) = first {
            self.copies.entry(new).or_default().insert(id);
        }
    }
}

/// Rows sorted by key, the order a table's B-tree is cheapest to fill in.
fn sorted<K: Ord, V>(rows: impl Iterator<Item = (K, V)>) -> Vec<(K, V)> {
    let mut rows: Vec<(K, V)> = rows.collect();
    rows.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    rows
}

/// Takes `value` out of the set under `key`, dropping a set left empty;
/// returns whether it was there.
fn remove<K: std::hash::Hash + Eq>(
    map: &mut HashMap<K, BTreeSet<i64>>,
    key: K,
    value: i64,
) -> bool {
    let Some(set) = map.get_mut(&key) else {
        return false;
    };
    let found = set.remove(&value);
    if set.is_empty() {
        map.remove(&key);
    }
    found
}

impl Tables for Memory {
    fn bump_term(&mut self, term: i64, delta: i64) -> Result<i64, StoreError> {
        let df = self.terms.entry(term).or_insert(0);
        *df += delta;
        Ok(*df)
    }

    fn term_count(&self, term: i64) -> Result<i64, StoreError> {
        Ok(self.terms.get(&term).copied().unwrap_or(0))
    }

    fn story(&self, id: i64) -> Result<Option<StoryRow>, StoreError> {
        Ok(self.stories.get(&id).cloned())
    }

    fn put_story(&mut self, id: i64, row: &StoryRow) -> Result<(), StoreError> {
        self.unrow(id);
        self.members.entry(row.event).or_default().insert(id);
        if let Some(first) = row.duplicate_of {
            self.copies.entry(first).or_default().insert(id);
        }
        self.stories.insert(id, row.clone());
        Ok(())
    }

    fn drop_story(&mut self, id: i64) -> Result<(), StoreError> {
        self.unband(id);
        self.unlink(id);
        for from in self.linked_from.remove(&id).unwrap_or_default() {
            if let Some(kept) = self.links.get_mut(&from) {
                kept.retain(|l| l.0 != id);
            }
        }
        self.unrow(id);
        Ok(())
    }

    fn move_copies(&mut self, from: i64, to: i64) -> Result<(), StoreError> {
        let copies: Vec<i64> = self
            .copies
            .get(&from)
            .map(|c| c.iter().copied().collect())
            .unwrap_or_default();
        for id in copies.into_iter().chain([from]) {
            self.set_first_copy(id, Some(to));
        }
        Ok(())
    }

    fn pass_copies_on(&mut self, id: i64) -> Result<(), StoreError> {
        let Some(copies) = self.copies.get(&id).cloned() else {
            return Ok(());
        };
        let Some(&heir) = copies.first() else {
            return Ok(());
        };
        for c in copies {
            self.set_first_copy(c, (c != heir).then_some(heir));
        }
        Ok(())
    }

    fn move_members(&mut self, from: i64, to: i64) -> Result<(), StoreError> {
        let Some(moved) = self.members.remove(&from) else {
            return Ok(());
        };
        for id in &moved {
            if let Some(row) = self.stories.get_mut(id) {
                row.event = to;
            }
        }
        let into = self.members.entry(to).or_default();
        if into.len() < moved.len() {
            let mut moved = moved;
            moved.append(into);
            *into = moved;
        } else {
            into.extend(moved);
        }
        Ok(())
    }

    fn members(&self, event: i64) -> Result<Vec<(i64, Vector)>, StoreError> {
        Ok(self
            .members
            .get(&event)
            .into_iter()
            .flat_map(|m| m.iter().rev())
            .take(MEMBERS_READ)
            .filter_map(|id| Some((*id, self.stories.get(id)?.vector.clone())))
            .collect())
    }

    fn event(&self, id: i64) -> Result<Option<EventRow>, StoreError> {
        Ok(self.events.get(&id).cloned())
    }

    fn insert_event(&mut self, event: &EventRow) -> Result<i64, StoreError> {
        // SQLite's choice for an INTEGER PRIMARY KEY left unset.
        let id = self.events.last_key_value().map_or(1, |(id, _)| id + 1);
        self.events.insert(
            id,
            EventRow {
                id,
                ..event.clone()
            },
        );
        Ok(id)
    }

    fn update_event(&mut self, event: &EventRow) -> Result<(), StoreError> {
        if let Some(kept) = self.events.get_mut(&event.id) {
            *kept = event.clone();
        }
        Ok(())
    }

    fn delete_event(&mut self, id: i64) -> Result<(), StoreError> {
        self.events.remove(&id);
        Ok(())
    }

    fn postings(&self, term: Term) -> Result<Vec<i64>, StoreError> {
        Ok(self
            .postings
            .get(&term)
            .into_iter()
            .flat_map(|e| e.iter().rev())
            .take(POSTINGS_READ)
            .copied()
            .collect())
    }

    fn post(&mut self, term: Term, event: i64) -> Result<bool, StoreError> {
        Ok(self.postings.entry(term).or_default().insert(event))
    }

    fn unpost(&mut self, term: Term, event: i64) -> Result<bool, StoreError> {
        Ok(remove(&mut self.postings, term, event))
    }

    fn band_stories(&self, band: u32, skip: i64) -> Result<Vec<i64>, StoreError> {
        Ok(self
            .bands
            .get(&band)
            .into_iter()
            .flat_map(|s| s.iter().rev())
            .filter(|&&s| s != skip)
            .take(BAND_READ)
            .copied()
            .collect())
    }

    fn set_bands(&mut self, id: i64, bands: &[u32]) -> Result<(), StoreError> {
        self.unband(id);
        let mut kept: Vec<u32> = Vec::with_capacity(bands.len());
        for &b in bands {
            if self.bands.entry(b).or_default().insert(id) {
                kept.push(b);
            }
        }
        if !kept.is_empty() {
            self.bands_of.insert(id, kept);
        }
        Ok(())
    }

    fn set_links(&mut self, id: i64, links: &[LinkRow]) -> Result<(), StoreError> {
        self.unlink(id);
        for &(other, _, _) in links {
            self.linked_from.entry(other).or_default().insert(id);
        }
        if !links.is_empty() {
            self.links.insert(id, links.to_vec());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;
    use crate::store::related_index::Sql;
    use crate::store::term_counts::TermCounts;

    /// A small deterministic generator (xorshift).
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> i64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n) as i64
        }
    }

    fn vector(rng: &mut Rng) -> Vector {
        let mut terms: Vec<(Term, f32)> = (0..1 + rng.below(4))
            .map(|_| (rng.below(6) as Term, 0.5 + rng.below(4) as f32))
            .collect();
        terms.sort_by_key(|t| t.0);
        terms.dedup_by_key(|t| t.0);
        Vector(terms)
    }

    /// Story ids and event ids the operations use: enough for a band,
    /// an event's members and a term's postings to pass their read limits.
    const STORIES: i64 = 60;
    const EVENTS: i64 = 80;

    /// Everything the rules can read back, for stories, events, terms
    /// and bands in the ranges the operations use.
    fn reads(t: &impl Tables) -> String {
        let mut out = String::new();
        for id in 1..=STORIES {
            let row = t.story(id).unwrap_or_else(|e| panic!("{e}"));
            let row = row.map(|r| (r.published, r.event, r.duplicate_of, r.vector));
            out.push_str(&format!("story {id}: {row:?}\n"));
        }
        for id in 1..=EVENTS {
            let event = t.event(id).unwrap_or_else(|e| panic!("{e}"));
            let event = event.map(|e| (e.id, e.first, e.last, e.size, e.centroid));
            out.push_str(&format!("event {id}: {event:?}\n"));
            let members = t.members(id).unwrap_or_else(|e| panic!("{e}"));
            out.push_str(&format!("members {id}: {members:?}\n"));
        }
        for term in 0..=STORIES {
            let count = t.term_count(term).unwrap_or_else(|e| panic!("{e}"));
            out.push_str(&format!("term {term}: {count}\n"));
        }
        for term in 0..6 {
            let posted = t.postings(term).unwrap_or_else(|e| panic!("{e}"));
            out.push_str(&format!("postings {term}: {posted:?}\n"));
            let band = t.band_stories(term, 3).unwrap_or_else(|e| panic!("{e}"));
            out.push_str(&format!("band {term}: {band:?}\n"));
        }
        out
    }

    fn tables(store: &Store) -> Vec<String> {
        [
            "SELECT story_id, published, event, duplicate_of, hex(terms) FROM relate_stories",
            "SELECT term, df FROM relate_terms",
            "SELECT id, first, last, size, hex(centroid) FROM relate_events",
            "SELECT term, event FROM relate_event_terms",
            "SELECT band, story FROM relate_bands",
            "SELECT story, other, score, duplicate FROM relate_links",
        ]
        .iter()
        .flat_map(|sql| {
            let mut stmt = store.conn.prepare(sql).unwrap_or_else(|e| panic!("{e}"));
            let n = stmt.column_count();
            stmt.query_map([], |r| {
                let values: Vec<String> = (0..n)
                    .map(|k| format!("{:?}", r.get::<_, rusqlite::types::Value>(k).ok()))
                    .collect();
                Ok(format!("{sql}: {}", values.join(",")))
            })
            .unwrap_or_else(|e| panic!("{e}"))
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
    }

    /// Random statements applied to the cache's tables and to the memory
    /// tables give the same reads after every step, and the memory
    /// tables, written out, are the cache's rows.
    #[test]
    fn memory_tables_answer_as_the_cache_does() {
        let sql_store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        // The index rows here have no stories behind them.
        sql_store
            .conn
            .pragma_update(None, "foreign_keys", "OFF")
            .unwrap_or_else(|e| panic!("{e}"));
        let mut terms = TermCounts::default();
        let mut sql = Sql {
            conn: &sql_store.conn,
            terms: &mut terms,
        };
        let mut memory = Memory::default();
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for step in 0..3000 {
            let (a, b) = (1 + rng.below(STORIES as u64), 1 + rng.below(STORIES as u64));
            let (e, f) = (1 + rng.below(EVENTS as u64), 1 + rng.below(EVENTS as u64));
            let op = rng.below(15);
            macro_rules! both {
                ($t:ident => $call:expr) => {{
                    let on_sql = {
                        let $t = &mut sql;
                        $call
                    };
                    let on_memory = {
                        let $t = &mut memory;
                        $call
                    };
                    let (x, y) = (
                        on_sql.unwrap_or_else(|e| panic!("{e}")),
                        on_memory.unwrap_or_else(|e| panic!("{e}")),
                    );
                    assert_eq!(format!("{x:?}"), format!("{y:?}"), "step {step}, op {op}");
                }};
            }
            match op {
                0 => both!(t => t.bump_term(a, b - 6)),
                1 => {
                    if memory.story(a).unwrap_or_else(|e| panic!("{e}")).is_none() {
                        let row = StoryRow {
                            published: b * 100,
                            event: 1 + rng.below(12),
                            duplicate_of: (b % 3 == 0).then_some(1 + rng.below(12)),
                            vector: vector(&mut rng),
                        };
                        both!(t => t.put_story(a, &row));
                    }
                }
                2 => {
                    if a % 4 == 0 {
                        both!(t => t.drop_story(a));
                    }
                }
                3 => {
                    if a != b {
                        both!(t => t.move_copies(a, b));
                    }
                }
                4 => {
                    if memory.story(a).unwrap_or_else(|e| panic!("{e}")).is_none() {
                        both!(t => t.pass_copies_on(a));
                    }
                }
                5 => {
                    // Mostly into the small ids, so some event grows large.
                    let f = f % 8 + 1;
                    if e != f {
                        both!(t => t.move_members(e, f));
                    }
                }
                6 => {
                    let event = EventRow {
                        id: 0,
                        first: a,
                        last: a + b,
                        size: b,
                        centroid: vector(&mut rng),
                    };
                    both!(t => t.insert_event(&event));
                }
                7 => {
                    let event = EventRow {
                        id: e,
                        first: b,
                        last: b + 5,
                        size: a + b,
                        centroid: vector(&mut rng),
                    };
                    both!(t => t.update_event(&event));
                }
                8 => both!(t => t.delete_event(e)),
                9 | 13 => both!(t => t.post((b % 2) as Term, e)),
                10 => both!(t => t.unpost((b % 6) as Term, e)),
                11 => {
                    let bands: Vec<u32> = (0..rng.below(4)).map(|_| rng.below(2) as u32).collect();
                    both!(t => t.set_bands(a, &bands));
                }
                _ => {
                    let mut others: Vec<i64> = (0..rng.below(4))
                        .map(|_| 1 + rng.below(STORIES as u64))
                        .collect();
                    others.sort_unstable();
                    others.dedup();
                    let links: Vec<LinkRow> =
                        others.iter().map(|&o| (o, o * 7, o % 2 == 0)).collect();
                    both!(t => t.set_links(a, &links));
                }
            }
            assert_eq!(reads(&sql), reads(&memory), "after step {step}, op {op}");
            // Term counts are written when a transaction ends.
            if step % 500 == 499 {
                sql.terms.flush(sql.conn).unwrap_or_else(|e| panic!("{e}"));
            }
        }
        sql.terms.flush(sql.conn).unwrap_or_else(|e| panic!("{e}"));
        // The read limits were reached.
        assert!(memory.bands.values().any(|s| s.len() > BAND_READ));
        assert!(memory.members.values().any(|s| s.len() > MEMBERS_READ));
        assert!(memory.postings.values().any(|s| s.len() > POSTINGS_READ));
        let written = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        written
            .conn
            .pragma_update(None, "foreign_keys", "OFF")
            .unwrap_or_else(|e| panic!("{e}"));
        memory
            .write(&written.conn)
            .unwrap_or_else(|e| panic!("{e}"));
        let (mut x, mut y) = (tables(&sql_store), tables(&written));
        x.sort();
        y.sort();
        assert!(x.len() > 20, "the steps leave rows: {}", x.len());
        assert_eq!(x, y);
    }
}
