//! A full disk, simulated with SQLite's `max_page_count` on the fetch's own
//! cache connection, driven through the library's fetch run, and a disk
//! that refuses writes, simulated with a file size limit on `byline fetch`
//! itself: the run fails with one clear sentence and the cache stays
//! consistent.

mod support;

use byline::config::FetchConfig;
use byline::fetch::http::HttpClient;
use byline::fetch::run::{self, RunSummary};
use byline::fetch::writer;
use byline::model::FeedSource;
use byline::store::{Store, StoreError};
use support::home::{Home, text};
use support::whole::assert_no_half_story;
use support::{TestServer, farm};

use std::time::Duration;

const FEEDS: usize = 4;
const ITEMS: usize = 12;

/// Text long enough that a few stories fill a cache capped near its size.
fn paragraphs() -> String {
    (0..30)
        .map(|n| {
            format!(
                "<p>Paragraph {n}: dock workers in Chile loaded copper onto ships all week. \
                 \"We expect more ships this winter,\" said Mira Castellanos, the director of the port.</p>"
            )
        })
        .collect()
}

/// A farm whose feeds carry their own long text and whose pages are long too.
fn farm() -> (TestServer, Vec<String>) {
    let srv = TestServer::start();
    let body = paragraphs();
    let escaped = body
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let mut urls = Vec::new();
    for f in 0..FEEDS {
        let items =
            (0..ITEMS).map(|i| (i, format!("Copper story {i} of wire {f}"), escaped.clone()));
        let xml = farm::rss(&srv, f, items);
        for i in 0..ITEMS {
            let html = format!(
                "<html><body><article><h1>Copper story {i}</h1>{body}{body}</article></body></html>"
            );
            farm::serve_page(&srv, f, i, html, Duration::ZERO);
        }
        urls.push(farm::serve_feed(&srv, f, xml, Duration::ZERO));
    }
    (srv, urls)
}

fn config() -> FetchConfig {
    FetchConfig {
        timeout: 5.0,
        max_retry_wait: 0.0,
        ..FetchConfig::default()
    }
}

/// One fetch run through the library on `store`, as `byline fetch` does it.
fn fetch(store: Store, urls: &[String], pages: bool) -> Result<RunSummary, StoreError> {
    let mut store = store;
    let ids: Vec<_> = urls
        .iter()
        .map(|url| {
            store
                .upsert_feed(&FeedSource {
                    url: url.clone(),
                    title: None,
                    tags: Vec::new(),
                })
                .expect("feed row")
        })
        .collect();
    let jobs = run::feed_jobs(&store, &ids).expect("jobs");
    let client = HttpClient::new(&config()).expect("client");
    let (writer, thread) = writer::spawn(store);
    let (events, _rx) = tokio::sync::mpsc::unbounded_channel();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let result = runtime.block_on(run::run(client, writer, &config(), jobs, pages, events));
    drop(runtime);
    thread.finish();
    result
}

/// The error a user reads: one sentence that says the disk is full and
/// what to do.
fn assert_one_clear_sentence(err: &StoreError) {
    let message = err.to_string();
    assert!(matches!(err, StoreError::Full(_)), "{err:?}");
    assert!(
        message.contains("full") && message.contains("free some disk space"),
        "{message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
    assert_eq!(message.matches(". ").count(), 0, "one sentence: {message}");
    assert!(!message.to_lowercase().contains("sqlite"), "{message}");
}

fn open(dir: &tempfile::TempDir) -> Store {
    Store::open(&dir.path().join("cache.db")).expect("cache")
}

#[test]
fn a_disk_full_while_storing_feeds_fails_the_run_and_keeps_the_cache_whole() {
    let (_srv, urls) = farm();
    let dir = tempfile::tempdir().expect("dir");
    let store = open(&dir);
    // No room beyond what the empty cache holds.
    store.set_max_page_count(1).expect("cap");

    let err = fetch(store, &urls, false).expect_err("the cache is full");
    assert_one_clear_sentence(&err);

    let store = open(&dir);
    assert_eq!(store.integrity_check().expect("check"), "ok");
    assert_no_half_story(&store, "after a full disk");
    // Without the cap, the next fetch stores everything.
    fetch(store, &urls, false).expect("room again");
    let store = open(&dir);
    assert_eq!(store.story_count().expect("count"), (FEEDS * ITEMS) as u64);
    assert_no_half_story(&store, "after the next fetch");
}

#[test]
fn a_disk_full_while_storing_pages_fails_the_run_and_keeps_the_cache_whole() {
    let (_srv, urls) = farm();
    let dir = tempfile::tempdir().expect("dir");
    fetch(open(&dir), &urls, false).expect("feeds stored");
    let store = open(&dir);
    let before = store.page_jobs(1000).expect("jobs").len();
    assert_eq!(before, FEEDS * ITEMS);
    // A little room: some pages fit, the rest do not.
    let size = file_pages(&dir);
    store.set_max_page_count(size + 8).expect("cap");

    let err = fetch(store, &urls, true).expect_err("the cache is full");
    assert_one_clear_sentence(&err);

    let store = open(&dir);
    assert_eq!(store.integrity_check().expect("check"), "ok");
    assert_no_half_story(&store, "after a full disk");
    assert!(
        !store.page_jobs(1000).expect("jobs").is_empty(),
        "pages that did not fit are still to fetch"
    );
    fetch(store, &urls, true).expect("room again");
    let store = open(&dir);
    assert!(store.page_jobs(1000).expect("jobs").is_empty());
    assert_no_half_story(&store, "after the next fetch");
}

/// The cache file's size in pages, with what the WAL adds.
fn file_pages(dir: &tempfile::TempDir) -> u32 {
    let conn = rusqlite::Connection::open(dir.path().join("cache.db")).expect("open");
    conn.query_row("PRAGMA page_count", [], |r| r.get(0))
        .expect("page count")
}

/// Runs `byline fetch` on `home` with its files limited to `kb` KiB
/// (`ulimit -f`, SIGXFSZ ignored so a write past it fails as on a full
/// disk or a quota, instead of killing the process).
fn fetch_limited(home: &Home, kb: u32) -> std::process::Output {
    let fetch = home.command(&["fetch"]);
    let mut limited = std::process::Command::new("bash");
    limited
        .arg("-c")
        .arg(format!(
            "ulimit -f {kb} && trap '' XFSZ && exec \"$0\" \"$@\""
        ))
        .arg(fetch.get_program())
        .args(fetch.get_args());
    for (key, value) in fetch.get_envs() {
        match value {
            Some(v) => limited.env(key, v),
            None => limited.env_remove(key),
        };
    }
    limited.output().expect("bash runs byline fetch")
}

#[test]
fn a_fetch_the_disk_refuses_fails_in_one_sentence_and_the_next_one_finishes() {
    let (_srv, urls) = farm();
    let home = Home::with_feeds(&urls);
    // No room for the cache at all, then room for part of the stories.
    for kb in [64, 600] {
        let out = fetch_limited(&home, kb);
        let said = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{kb} KiB: {said}");
        assert!(
            said.starts_with("error: ") && said.trim_end().lines().count() == 1,
            "one line: {said}"
        );
        assert!(said.contains("free some disk space"), "{said}");
        for jargon in ["sqlite", "Error code", "disk I/O error"] {
            assert!(!said.contains(jargon), "{jargon:?} in {said}");
        }
        let store = Store::open(&home.cache()).expect("cache");
        assert_eq!(store.integrity_check().expect("check"), "ok");
        assert_no_half_story(&store, &format!("after a refused write at {kb} KiB"));
    }
    let out = home.run(&["fetch"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let store = Store::open(&home.cache()).expect("cache");
    assert_eq!(store.story_count().expect("count"), (FEEDS * ITEMS) as u64);
    assert!(store.page_jobs(1000).expect("jobs").is_empty());
    assert_no_half_story(&store, "after the next fetch");
}
