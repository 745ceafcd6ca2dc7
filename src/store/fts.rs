//! Keeping the full-text index (`stories_fts`) in step with `stories`.
//!
//! The index is an FTS5 external-content table over `stories(title, text)`.
//! FTS5 keeps the terms of a transaction in memory and writes them out when
//! it commits, but also at every statement savepoint: any statement that
//! may abort half-way (an upsert, `DELETE … RETURNING`, `INSERT … SELECT`, a
//! trigger) flushes the pending terms as a new segment, which later has to
//! be merged. A fetch stores an analysis with dozens of such statements per
//! story, so the index writes of a transaction are queued here and applied
//! together just before it commits ([`FtsWrites::flush`]): one flush per
//! transaction instead of one per statement. No trigger indexes a story for
//! the same reason; every write of `title` or `text` goes through here.

use rusqlite::{Connection, params};

use super::StoreError;

/// One transaction's index writes, in order, until [`FtsWrites::flush`].
///
/// The stories table is written at once (the transaction reads it back);
/// only the index waits. A transaction that fails drops its queue with its
/// changes.
#[derive(Debug, Default)]
pub(super) struct FtsWrites {
    ops: Vec<Op>,
}

#[derive(Debug)]
enum Op {
    /// Index a story's title and text.
    Add {
        id: i64,
        title: String,
        text: String,
    },
    /// Remove what was indexed for a story (FTS5 needs the indexed values).
    Remove {
        id: i64,
        title: String,
        text: String,
    },
}

impl Op {
    fn id(&self) -> i64 {
        match self {
            Op::Add { id, .. } | Op::Remove { id, .. } => *id,
        }
    }
}

impl FtsWrites {
    /// Queues indexing of a story just inserted with this title and text.
    pub(super) fn index_new(&mut self, id: i64, title: &str, text: &str) {
        self.ops.push(Op::Add {
            id,
            title: title.to_owned(),
            text: text.to_owned(),
        });
    }

    /// Sets a story's title and text (`None` keeps a field) and queues its
    /// re-indexing. FTS5 removes a row from an external-content index only
    /// when given the values it indexed, so the old ones are read first.
    pub(super) fn rewrite(
        &mut self,
        conn: &Connection,
        id: i64,
        title: Option<&str>,
        text: Option<&str>,
    ) -> Result<(), StoreError> {
        let (old_title, old_text): (String, String) = conn
            .prepare_cached("SELECT title, text FROM stories WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let title = title.map_or_else(|| old_title.clone(), str::to_owned);
        let text = text.map_or_else(|| old_text.clone(), str::to_owned);
        conn.prepare_cached("UPDATE stories SET title = ?2, text = ?3 WHERE id = ?1")?
            .execute(params![id, title, text])?;
        self.ops.push(Op::Remove {
            id,
            title: old_title,
            text: old_text,
        });
        self.ops.push(Op::Add { id, title, text });
        Ok(())
    }

    /// Applies the queued writes; call it last in the transaction, just
    /// before it commits.
    ///
    /// FTS5 also flushes whenever a write's rowid is below the last one's, or
    /// a story is removed just after it was added, so the writes go in rowid
    /// order (each story's own in the order queued), and a removal that
    /// undoes the addition just before it is dropped with it.
    pub(super) fn flush(mut self, conn: &Connection) -> Result<(), StoreError> {
        self.ops.sort_by_key(Op::id);
        let mut ops: Vec<Op> = Vec::with_capacity(self.ops.len());
        for op in self.ops {
            if let (
                Some(Op::Add { id, title, text }),
                Op::Remove {
                    id: i,
                    title: t,
                    text: x,
                },
            ) = (ops.last(), &op)
                && (id, title, text) == (i, t, x)
            {
                ops.pop();
                continue;
            }
            ops.push(op);
        }
        for op in ops {
            match op {
                Op::Add { id, title, text } => conn
                    .prepare_cached(
                        "INSERT INTO stories_fts (rowid, title, text) VALUES (?1, ?2, ?3)",
                    )?
                    .execute(params![id, title, text])?,
                Op::Remove { id, title, text } => conn
                    .prepare_cached(
                        "INSERT INTO stories_fts (stories_fts, rowid, title, text)
                         VALUES ('delete', ?1, ?2, ?3)",
                    )?
                    .execute(params![id, title, text])?,
            };
        }
        Ok(())
    }
}
