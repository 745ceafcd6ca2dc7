//! The SQLite cache, exercised on real files in a temporary folder and in memory.
//!
//! File-level behaviour (reopening, migrations, two connections, a full disk)
//! is here; story identity and queries are in `tests/store/`.

#![allow(clippy::unwrap_used)]

#[path = "store/analysis.rs"]
mod analysis;
#[path = "store/identity.rs"]
mod identity;
#[path = "store/queries.rs"]
mod queries;

use std::path::PathBuf;

use byline::model::{Article, FeedId, FeedItem, FeedSource, StoryId, TextSource, Validators};
use byline::store::{FeedUpdate, ListQuery, Store, StoreError};
use chrono::{DateTime, TimeZone, Utc};

/// Returns 10 March 2025 at `hour`:`minute` UTC.
fn at(hour: u32, minute: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 3, 10, hour, minute, 0).unwrap()
}

fn item(key: &str, title: &str, published: Option<DateTime<Utc>>) -> FeedItem {
    let url = format!("https://news.example/{key}");
    FeedItem {
        key: key.to_owned(),
        url: Some(url.clone()),
        canonical_url: Some(url),
        title: title.to_owned(),
        published,
        summary_html: Some(format!("<p>Summary of {title}.</p>")),
        ..FeedItem::default()
    }
}

fn fetch(items: Vec<FeedItem>) -> FeedUpdate {
    FeedUpdate {
        title: Some("Own Title".to_owned()),
        items,
        ..FeedUpdate::default()
    }
}

fn source(url: &str, title: Option<&str>) -> FeedSource {
    FeedSource {
        url: url.to_owned(),
        title: title.map(str::to_owned),
        tags: vec!["world".to_owned()],
    }
}

fn article(paragraphs: &[&str]) -> Article {
    Article {
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Article::default()
    }
}

fn temp_cache() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested").join("folder").join("cache.db");
    (dir, path)
}

fn ids(store: &Store, query: &ListQuery) -> Vec<i64> {
    store.list(query).unwrap().iter().map(|r| r.id.0).collect()
}

/// The ids a full-text search for `q` lists, in list order.
fn searched(store: &Store, q: &str) -> Vec<i64> {
    ids(
        store,
        &ListQuery {
            search: Some(q.to_owned()),
            ..ListQuery::default()
        },
    )
}

#[test]
fn reopening_keeps_stories_and_flags_in_wal_mode() {
    let (_dir, path) = temp_cache();
    let id = {
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.journal_mode().unwrap(), "wal");
        let feed = store
            .upsert_feed(&source("https://a.example/rss", None))
            .unwrap();
        let stored = store
            .store_feed(
                feed,
                &fetch(vec![item("a1", "Talks resume", Some(at(9, 0)))]),
                at(10, 0),
            )
            .unwrap();
        store.set_starred(stored.new[0], true).unwrap();
        stored.new[0]
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.journal_mode().unwrap(), "wal");
    let story = store.story(id).unwrap().unwrap();
    assert_eq!(story.title, "Talks resume");
    assert_eq!(story.feed_title, "Own Title");
    assert_eq!(story.published, at(9, 0));
    assert_eq!(story.first_seen, at(10, 0));
    assert!(story.starred && !story.read);
}

#[test]
fn two_connections_creating_one_cache_at_once_both_open_it() {
    // Two `byline fetch` on a first run: both create the cache file, switch
    // it to WAL and migrate it at the same moment. SQLite answers some of
    // those steps with "database is locked" at once instead of waiting.
    let dir = tempfile::tempdir().unwrap();
    for round in 0..150 {
        let path = dir.path().join(format!("cache-{round}.db"));
        let start = std::sync::Arc::new(std::sync::Barrier::new(2));
        let openers: Vec<_> = (0..2)
            .map(|_| {
                let (path, start) = (path.clone(), std::sync::Arc::clone(&start));
                std::thread::spawn(move || {
                    start.wait();
                    Store::open(&path).map(|s| s.journal_mode().unwrap())
                })
            })
            .collect();
        for opener in openers {
            let mode = opener.join().unwrap().map_err(|e| e.to_string());
            assert_eq!(mode, Ok("wal".to_owned()), "round {round}");
        }
        assert_eq!(Store::open(&path).unwrap().story_count().unwrap(), 0);
    }
}

#[test]
fn migrations_are_idempotent_and_a_newer_schema_is_refused() {
    let (_dir, path) = temp_cache();
    for _ in 0..3 {
        let mut store = Store::open(&path).unwrap();
        store
            .upsert_feed(&source("https://a.example/rss", None))
            .unwrap();
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, Store::schema_version());
    let feeds: i64 = conn
        .query_row("SELECT COUNT(*) FROM feeds", [], |r| r.get(0))
        .unwrap();
    assert_eq!(feeds, 1);

    conn.pragma_update(None, "user_version", version + 1)
        .unwrap();
    drop(conn);
    let err = Store::open(&path).err().unwrap();
    assert!(
        matches!(err, StoreError::TooNew { found, known, .. } if found == version + 1 && known == version)
    );
    assert!(err.to_string().contains("upgrade Byline"), "{err}");
}

#[test]
fn two_connections_write_and_read_at_once() {
    let (_dir, path) = temp_cache();
    let mut writer = Store::open(&path).unwrap();
    let mut reader = Store::open(&path).unwrap();
    let feed = writer
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let first = writer
        .store_feed(
            feed,
            &fetch(vec![item("seed", "Seed", Some(at(0, 0)))]),
            at(0, 0),
        )
        .unwrap();

    let fetcher = std::thread::spawn(move || {
        for round in 0..40u32 {
            let items = (0..25)
                .map(|n| item(&format!("r{round}-{n}"), "Wire", Some(at(round % 24, n))))
                .collect();
            writer
                .store_feed(feed, &fetch(items), at(12, round))
                .unwrap();
        }
        writer
    });
    for round in 0..150 {
        reader.set_read(first.new[0], round % 2 == 0).unwrap();
        reader
            .list(&ListQuery {
                limit: Some(20),
                ..ListQuery::default()
            })
            .unwrap();
        reader.feeds().unwrap();
        let mut other = Store::open(&path).unwrap();
        other.set_starred(first.new[0], true).unwrap();
    }
    let writer = fetcher.join().unwrap();
    assert_eq!(writer.story_count().unwrap(), 1001);
    assert_eq!(reader.feeds().unwrap()[0].stories, 1001);
    let seed = reader.story(first.new[0]).unwrap().unwrap();
    assert!(seed.starred && !seed.read);
}

#[test]
fn the_data_version_changes_only_when_another_connection_commits() {
    let (_dir, path) = temp_cache();
    let mut writer = Store::open(&path).unwrap();
    let mut reader = Store::open(&path).unwrap();
    let feed = writer
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let start = reader.data_version().unwrap();
    let stored = writer
        .store_feed(
            feed,
            &fetch(vec![item("one", "One", Some(at(1, 0)))]),
            at(1, 0),
        )
        .unwrap();
    let after_write = reader.data_version().unwrap();
    assert_ne!(after_write, start, "the other connection's commit shows");

    // Reading (on either side) and asking again change nothing.
    reader.list(&ListQuery::default()).unwrap();
    reader.feeds().unwrap();
    writer.story_count().unwrap();
    assert_eq!(reader.data_version().unwrap(), after_write);
    // Nor does the reader's own write: only others' commits count, and the
    // writer sees this one.
    let writer_before = writer.data_version().unwrap();
    reader.set_read(stored.new[0], true).unwrap();
    assert_eq!(reader.data_version().unwrap(), after_write);
    assert_ne!(writer.data_version().unwrap(), writer_before);
}

#[test]
fn a_full_cache_rolls_back_the_fetch_and_stays_consistent() {
    let (_dir, path) = temp_cache();
    let mut store = Store::open(&path).unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let kept = store
        .store_feed(
            feed,
            &fetch(vec![item("kept", "Kept", Some(at(1, 0)))]),
            at(1, 0),
        )
        .unwrap()
        .new[0];
    store.set_starred(kept, true).unwrap();
    let cap = store.set_max_page_count(1).unwrap();
    assert!(cap > 1, "SQLite never caps below the current size");

    let big = (0..400)
        .map(|n| {
            let mut it = item(&format!("big{n}"), "Big", Some(at(2, 0)));
            it.content_html = Some(format!("<p>{}</p>", "words ".repeat(400)));
            it
        })
        .collect();
    let err = store.store_feed(feed, &fetch(big), at(2, 0)).err().unwrap();
    assert!(matches!(err, StoreError::Full(_)), "{err}");
    assert!(err.to_string().contains("free some disk space"), "{err}");

    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.story_count().unwrap(), 1);
    assert_eq!(
        store.feeds().unwrap()[0].last_fetch,
        Some(at(1, 0)),
        "the feed row rolled back too"
    );
    assert!(store.story(kept).unwrap().unwrap().starred);
    store.set_read(kept, true).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert!(store.story(kept).unwrap().unwrap().read);
    assert!(store.story(StoryId(kept.0 + 1)).unwrap().is_none());
}

#[test]
fn the_integrity_check_notices_a_search_index_out_of_step() {
    let (_dir, path) = temp_cache();
    let mut store = Store::open(&path).unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let items = vec![item("a", "Harbour reopens", None)];
    store.store_feed(feed, &fetch(items), at(1, 0)).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");

    // Another program edits a title behind the cache's back.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE stories SET title = 'Airport closes'", [])
        .unwrap();
    let verdict = store.integrity_check().unwrap();
    assert!(verdict.contains("search index"), "{verdict}");
}

#[test]
fn a_file_that_is_not_a_cache_is_refused_with_a_clear_sentence() {
    let (dir, _) = temp_cache();
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "Shopping list: bread, milk, eggs, coffee, apples.\n".repeat(200),
    )
    .unwrap();
    let err = Store::open(&path).err().unwrap();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("notes.txt") && message.contains("Byline cache"),
        "{message}"
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("Shopping list")
    );
}
