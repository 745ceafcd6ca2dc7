//! Keeping the full-text index (`stories_fts`) in step with `stories`.
//!
//! The index is an FTS5 external-content table over `stories(title, text)`.
//! Inserts and updates are indexed here rather than by triggers: a trigger
//! makes each statement open a savepoint, FTS5 flushes its pending terms at
//! every savepoint, and a cold fetch of 10,000 items became several times
//! slower. Every write of `title` or `text` must therefore go through here.

use rusqlite::{Connection, params};

use super::StoreError;

/// Indexes a story just inserted.
pub(super) fn index_new(
    conn: &Connection,
    id: i64,
    title: &str,
    text: &str,
) -> Result<(), StoreError> {
    conn.prepare_cached("INSERT INTO stories_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![id, title, text])?;
    Ok(())
}

/// Sets a story's title and text and re-indexes it; `None` keeps a field.
///
/// FTS5 removes a row from an external-content index only when given the
/// values it indexed, so the old ones are read first.
pub(super) fn rewrite(
    conn: &Connection,
    id: i64,
    title: Option<&str>,
    text: Option<&str>,
) -> Result<(), StoreError> {
    let (old_title, old_text): (String, String) = conn
        .prepare_cached("SELECT title, text FROM stories WHERE id = ?1")?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let title = title.unwrap_or(&old_title);
    let text = text.unwrap_or(&old_text);
    conn.prepare_cached(
        "INSERT INTO stories_fts (stories_fts, rowid, title, text) VALUES ('delete', ?1, ?2, ?3)",
    )?
    .execute(params![id, old_title, old_text])?;
    conn.prepare_cached("UPDATE stories SET title = ?2, text = ?3 WHERE id = ?1")?
        .execute(params![id, title, text])?;
    index_new(conn, id, title, text)
}
