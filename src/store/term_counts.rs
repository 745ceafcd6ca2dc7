//! The related-stories index's term counts, buffered for one transaction.
//!
//! Relating a story bumps the document frequency of each of its terms and
//! reads it back, and the same terms (and the row that counts the stories)
//! come up again for every story of a feed. The counts are read once per
//! transaction and written once at its end by [`TermCounts::flush`], as
//! the entity counts (analysis.rs) and full-text rows (fts.rs) are. The
//! transaction holds the cache's write lock, so no other process changes
//! them meanwhile; a transaction that fails drops its buffer with it.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::StoreError;

/// Term counts read and changed in this transaction, not yet written.
#[derive(Debug, Default)]
pub(super) struct TermCounts {
    /// The count now, per term touched.
    now: HashMap<i64, i64>,
    /// What this transaction added, per term touched.
    added: HashMap<i64, i64>,
}

impl TermCounts {
    /// Adds `delta` to a term's count; returns the count afterwards.
    pub fn bump(&mut self, conn: &Connection, term: i64, delta: i64) -> Result<i64, StoreError> {
        let now = match self.now.get(&term) {
            Some(&n) => n,
            None => stored(conn, term)?,
        } + delta;
        self.now.insert(term, now);
        *self.added.entry(term).or_default() += delta;
        Ok(now)
    }

    /// Returns a term's count (0 for a term never counted).
    pub fn get(&self, conn: &Connection, term: i64) -> Result<i64, StoreError> {
        match self.now.get(&term) {
            Some(&n) => Ok(n),
            None => stored(conn, term),
        }
    }

    /// Writes what this transaction added, one statement per term: a row
    /// for each term touched, as bumping each in turn would leave them.
    pub fn flush(&mut self, conn: &Connection) -> Result<(), StoreError> {
        // An UPDATE, else an INSERT, not an upsert: inside a feed's
        // transaction an upsert opens a statement savepoint, and every
        // savepoint makes the full-text index flush (see fts.rs).
        let mut update =
            conn.prepare_cached("UPDATE relate_terms SET df = df + ?2 WHERE term = ?1")?;
        let mut insert =
            conn.prepare_cached("INSERT INTO relate_terms (term, df) VALUES (?1, ?2)")?;
        for (&term, &delta) in &self.added {
            if update.execute(params![term, delta])? == 0 {
                insert.execute(params![term, delta])?;
            }
        }
        self.now.clear();
        self.added.clear();
        Ok(())
    }
}

fn stored(conn: &Connection, term: i64) -> Result<i64, StoreError> {
    Ok(conn
        .prepare_cached("SELECT df FROM relate_terms WHERE term = ?1")?
        .query_row([term], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}
