//! The cache: the only code that speaks SQL.
//!
//! SQLite in WAL mode with a busy timeout, migrations by `user_version`,
//! FTS5 over title and text. Every feed fetch is stored in one transaction,
//! so a crash loses at most the feed in flight and never read or starred flags.

mod analysis;
mod feeds;
mod fts;
mod ingest;
mod list;
mod list_sql;
mod pages;
mod related;
mod related_index;
mod related_memory;
mod relating;
mod schema;
mod term_counts;

pub use analysis::{EntityCount, StaleAnalysis};
pub use pages::MAX_PAGE_ATTEMPTS;
pub use related::Grouping;

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::model::{Analysis, Article, FeedId, FeedItem, StoryId, Validators};

/// Errors from the cache.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The cache file could not be opened or is not a Byline cache.
    #[error(
        "cannot open the cache at {path} ({source}); check that the file is a Byline cache and its folder is writable"
    )]
    Open {
        path: String,
        source: rusqlite::Error,
    },
    /// The folder that holds the cache could not be created.
    #[error(
        "cannot create the cache folder {path} ({source}); check its permissions or choose another --data-dir"
    )]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    /// The cache was written by a newer Byline whose schema this one does not know.
    #[error(
        "the cache at {path} was written by a newer Byline (schema {found}, this one knows {known}); upgrade Byline"
    )]
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    /// The disk (or the cache's page limit) is full; the write was rolled back.
    #[error("{0}")]
    Full(String),
    /// The disk refused to read or write the cache (full past what SQLite
    /// can tell, over a quota or a file size limit, or failing); the write
    /// was rolled back.
    #[error("{0}")]
    Disk(String),
    /// The fetcher's writer thread stopped before answering.
    #[error("the cache writer stopped unexpectedly")]
    Gone,
    /// Any other SQLite error (its message is part of this one, so it is
    /// not also given as the source, which would print it twice).
    #[error("cache error: {0}")]
    Sql(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(err: rusqlite::Error) -> Self {
        if err.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            StoreError::Full(
                "the cache is full (its disk, or its size limit, was reached), so the last change \
                 was not saved; free some disk space and try again"
                    .to_owned(),
            )
        } else if err.sqlite_error_code() == Some(rusqlite::ErrorCode::SystemIoFailure) {
            StoreError::Disk(
                "the disk refused a write or read of the cache (it may be full, over a quota or \
                 failing), so the last change was not saved; free some disk space or check the \
                 disk, then try again"
                    .to_owned(),
            )
        } else {
            StoreError::Sql(err)
        }
    }
}

/// What a feed fetch brought, to be stored in one transaction.
#[derive(Debug, Clone, Default)]
pub struct FeedUpdate {
    /// The feed's own title.
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub site_url: Option<String>,
    /// Validators to send next time.
    pub validators: Validators,
    /// Where a permanent redirect said the feed now lives.
    pub moved_to: Option<String>,
    /// The items, in feed order.
    pub items: Vec<FeedItem>,
    /// The text of each item (parallel to `items`) from the feed's own HTML,
    /// with its analysis, stored with a new or refreshed story in the same
    /// transaction.
    pub texts: Vec<Option<StoryText>>,
    /// Whether each new story with a URL gets its page fetched next: its
    /// related stories then wait for the page's text (see
    /// [`Store::store_text`] and [`Store::store_page_error`]) rather than
    /// being found twice.
    pub pages_follow: bool,
}

/// A story's text with its analysis, stored together so a story is never
/// left with text but no entities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryText {
    pub article: Article,
    pub analysis: Analysis,
    /// The analyser version that made `analysis`.
    pub analyzer_version: i64,
    /// The shingles of the article's text, when the caller made them (the
    /// store makes them itself otherwise).
    pub shingles: Option<crate::relate::TextShingles>,
}

/// What storing a feed fetch did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoredFeed {
    /// Stories that were not in the cache before, in feed order.
    pub new: Vec<StoryId>,
    /// The new stories with the index of the item each came from.
    pub new_items: Vec<(usize, StoryId)>,
    /// Stories already cached (this feed or another) that the feed carried again.
    pub seen: usize,
    /// Known stories whose feed HTML changed while no page was extracted yet;
    /// the caller re-extracts their feed text as it does for new ones.
    pub refreshed: Vec<StoryId>,
}

/// A story whose page should be fetched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageJob {
    /// The story whose page this is.
    pub id: StoryId,
    /// The story's URL, to fetch.
    pub url: String,
}

/// Which stories a list shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// Full-text search (FTS5 syntax is escaped: words are matched as typed,
    /// all of them, in title or text; a query with no letter or digit filters nothing).
    pub search: Option<String>,
    /// Only stories not read yet.
    pub unread_only: bool,
    /// Only starred stories.
    pub starred_only: bool,
    /// Only stories this feed carries (including those another feed stored first).
    pub feed: Option<FeedId>,
    /// Only stories naming this person: the canonical name, or its last
    /// word ("Okonkwo-Reyes"), in any case.
    pub person: Option<String>,
    /// Only stories about this country or a place in it: an ISO alpha-2
    /// code, or a country's canonical name.
    pub country: Option<String>,
    /// Only stories naming this organisation (canonical name, any case).
    pub org: Option<String>,
    /// At most this many rows; all when `None`.
    pub limit: Option<usize>,
    /// One row per duplicate group (its first copy, with the group's
    /// `copies`) instead of one per story.
    pub collapse_copies: bool,
}

/// A connection to the cache.
///
/// Each process (or task) opens its own; SQLite's WAL mode lets one write
/// while the others read, and the busy timeout makes writers queue instead
/// of failing.
pub struct Store {
    conn: Connection,
    /// Whether marking a story read or unread marks its copies too.
    copies_share_read: bool,
    /// Shingles of recently related texts (see relating.rs).
    shingles: relating::ShingleMemo,
}

/// How long a statement waits for another connection's write lock.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

impl Store {
    /// Opens (creating if needed) the cache file and migrates it.
    ///
    /// The parent folder is created when missing, so a first run needs no setup.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let shown = path.display().to_string();
        if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent).map_err(|source| StoreError::CreateDir {
                path: parent.display().to_string(),
                source,
            })?;
        }
        let open_err = |source| StoreError::Open {
            path: shown.clone(),
            source,
        };
        let mut conn = Connection::open(path).map_err(open_err)?;
        configure(&conn).map_err(open_err)?;
        let mode = use_wal(&conn).map_err(open_err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!("the cache at {shown} runs in {mode} journal mode, not WAL");
        }
        schema::migrate(&mut conn, &shown)?;
        Ok(Store {
            conn,
            copies_share_read: true,
            shingles: relating::ShingleMemo::default(),
        })
    }

    /// Opens a fresh in-memory cache, for tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let open_err = |source| StoreError::Open {
            path: ":memory:".to_owned(),
            source,
        };
        let mut conn = Connection::open_in_memory().map_err(open_err)?;
        configure(&conn).map_err(open_err)?;
        schema::migrate(&mut conn, ":memory:")?;
        Ok(Store {
            conn,
            copies_share_read: true,
            shingles: relating::ShingleMemo::default(),
        })
    }

    /// Returns the schema version this build writes (`PRAGMA user_version`).
    ///
    /// Tests and diagnostics compare it with what a cache file holds.
    pub fn schema_version() -> i64 {
        schema::known_version()
    }

    /// Returns the journal mode in use ("wal" for a file cache).
    ///
    /// Lets tests and `byline` diagnostics confirm that readers never block the writer.
    pub fn journal_mode(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?)
    }

    /// Returns a number that changes whenever another connection (another
    /// process, or another `Store` in this one) has committed to the cache
    /// since this connection last asked (`PRAGMA data_version`).
    ///
    /// The reader polls it to notice a cron `byline fetch`: it costs no
    /// query of the tables, and neither reads nor this connection's own
    /// writes change it, so a change always means someone else wrote.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Runs SQLite's integrity check and the full-text index's own check,
    /// and returns the verdict ("ok" when both are sound).
    ///
    /// Used by tests after a failed write to prove the cache stayed consistent,
    /// and that the search index still matches the stories.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let mut lines = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<_>, _>>()?;
        // Rank 1 also compares the index with the `stories` rows it was built from.
        if let Err(err) = self.conn.execute(
            "INSERT INTO stories_fts (stories_fts, rank) VALUES ('integrity-check', 1)",
            [],
        ) {
            lines.retain(|l| l != "ok");
            lines.push(format!(
                "the search index does not match the stories: {err}"
            ));
        }
        Ok(lines.join("\n"))
    }

    /// Caps this connection's cache file at `pages` pages and returns the cap
    /// SQLite applied (never below the current size).
    ///
    /// A write that would grow the file past it fails with [`StoreError::Full`],
    /// which is how tests simulate a full disk.
    pub fn set_max_page_count(&self, pages: u32) -> Result<u32, StoreError> {
        Ok(self
            .conn
            .query_row(&format!("PRAGMA max_page_count = {pages}"), [], |r| {
                r.get(0)
            })?)
    }

    /// Tunes this connection for a run of many writes (the fetcher's
    /// writer thread): a page cache large enough that the indexes a run
    /// writes into stay in memory (2 MB by default, and a full-page fetch
    /// of 10,000 stories spent a fifth of its writer time reading pages
    /// back), and a WAL checkpoint every 40 MB instead of every 4 MB.
    pub fn tune_for_writing(&self) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "cache_size", -WRITER_CACHE_KB)?;
        self.conn
            .pragma_update(None, "wal_autocheckpoint", WRITER_CHECKPOINT_PAGES)?;
        Ok(())
    }

    /// Chooses whether [`Store::set_read`] marks a story's copies (its
    /// duplicate group) with it; on by default (config `related.mark_copies_read`).
    pub fn set_copies_share_read(&mut self, share: bool) {
        self.copies_share_read = share;
    }

    /// Starts a write transaction that takes the write lock at once.
    ///
    /// `BEGIN IMMEDIATE` avoids the deadlock of two readers that both try to
    /// upgrade to writers; the busy timeout then makes the second one wait.
    fn write_tx(&mut self) -> Result<Transaction<'_>, StoreError> {
        begin(&mut self.conn)
    }
}

/// The writer thread's page cache, in KiB (see [`Store::tune_for_writing`]).
const WRITER_CACHE_KB: i64 = 16_384;
/// WAL pages after which the writer's commits checkpoint.
const WRITER_CHECKPOINT_PAGES: i64 = 10_000;

/// Starts a write transaction, taking the write lock at once.
fn begin(conn: &mut Connection) -> Result<Transaction<'_>, StoreError> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// How long opening a cache keeps trying while another process holds the
/// lock that switching a new cache to WAL needs.
const WAL_SWITCH_TIMEOUT: Duration = Duration::from_secs(30);

/// Puts the cache in WAL mode (a no-op when it already is) and returns the
/// journal mode in force.
///
/// Switching a new cache to WAL needs a lock that SQLite does not wait for
/// through the busy timeout, so two processes that create the cache at once
/// (two `byline fetch` on a first run) would see "database is locked";
/// a busy answer is retried here instead, for up to [`WAL_SWITCH_TIMEOUT`].
fn use_wal(conn: &Connection) -> rusqlite::Result<String> {
    let deadline = std::time::Instant::now() + WAL_SWITCH_TIMEOUT;
    let mut pause = Duration::from_millis(2);
    loop {
        let mode = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0))
            .and_then(|mode| {
                if mode.eq_ignore_ascii_case("wal") {
                    Ok(mode)
                } else {
                    conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                }
            });
        match mode {
            Err(err) if is_busy(&err) && std::time::Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

/// Tells whether an error is another connection's lock, worth waiting out.
fn is_busy(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

/// Sets the per-connection options every cache connection needs.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // The related-stories index alone runs a few dozen distinct statements.
    conn.set_prepared_statement_cache_capacity(160);
    Ok(())
}

/// Converts a time to the stored form: Unix microseconds.
fn to_micros(t: DateTime<Utc>) -> i64 {
    t.timestamp_micros()
}

/// Converts a stored time back; values this module wrote are always in range.
fn from_micros(v: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(v).unwrap_or(DateTime::UNIX_EPOCH)
}

/// Converts an optional stored time back.
fn from_micros_opt(v: Option<i64>) -> Option<DateTime<Utc>> {
    v.map(from_micros)
}
