//! Two processes on one cache: two `byline fetch` at once, a reader
//! (`byline list`, `show`, plain `byline`) running while a fetch writes,
//! and the reader writing read and starred flags while a fetch writes.
//! Nobody may see "database is locked", every exit code must be right, no
//! story may be lost or doubled, and the reader must see the new stories.

mod support;

use std::collections::BTreeSet;
use std::process::{Child, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use byline::store::{ListQuery, Store};
use support::home::{Home, text};
use support::{TestServer, farm};

const FEEDS: usize = 8;
const ITEMS: usize = 10;

/// A farm of `FEEDS` feeds with `ITEMS` items each, every item with a page.
fn farm() -> (TestServer, Vec<String>) {
    farm_with_pages_taking(Duration::from_millis(5))
}

/// The same farm, each page answered after `delay`.
fn farm_with_pages_taking(delay: Duration) -> (TestServer, Vec<String>) {
    let srv = TestServer::start();
    let mut urls = Vec::new();
    for f in 0..FEEDS {
        let items = (0..ITEMS).map(|i| {
            let title = format!("Harbour story {i} of wire {f}");
            (i, title, format!("Summary of harbour story {i}."))
        });
        let xml = farm::rss(&srv, f, items);
        for i in 0..ITEMS {
            let html = format!(
                "<html><body><article><h1>Harbour story {i} of wire {f}</h1>\
                 <p>Cranes in Rotterdam loaded {i} ships before noon on Tuesday, the operator of wire {f} said.</p>\
                 <p>Unions said the new shift pattern had been agreed after a month of talks with the port.</p>\
                 </article></body></html>"
            );
            farm::serve_page(&srv, f, i, html, delay);
        }
        urls.push(farm::serve_feed(
            &srv,
            f,
            xml,
            Duration::from_millis(3 * f as u64),
        ));
    }
    (srv, urls)
}

/// Fails when a process showed the user SQLite's lock errors.
fn assert_no_lock_error(out: &Output, what: &str) {
    for stream in [&out.stdout, &out.stderr] {
        let shown = text(stream).to_lowercase();
        assert!(
            !shown.contains("locked") && !shown.contains("busy"),
            "{what} showed a lock error: {shown}"
        );
    }
}

fn spawn_fetch(home: &Home) -> Child {
    home.command(&["fetch"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn byline fetch")
}

fn assert_all_stored_once(home: &Home) {
    let store = Store::open(&home.cache()).expect("cache");
    assert_eq!(store.integrity_check().expect("check"), "ok");
    assert_eq!(
        store.story_count().expect("count"),
        (FEEDS * ITEMS) as u64,
        "no story lost or doubled"
    );
    assert!(
        store.page_jobs(1000).expect("jobs").is_empty(),
        "every page stored"
    );
    for row in store.list(&ListQuery::default()).expect("list") {
        let story = store.story(row.id).expect("story").expect("listed");
        assert!(
            story.text.contains("Cranes in Rotterdam"),
            "{:?} has its page text: {}",
            row.id,
            story.text
        );
    }
}

#[test]
fn two_fetches_at_once_both_finish_and_store_everything_once() {
    let (_srv, urls) = farm();
    let home = Home::with_feeds(&urls);
    let first = spawn_fetch(&home);
    let second = spawn_fetch(&home);
    for (n, child) in [first, second].into_iter().enumerate() {
        let out = child.wait_with_output().expect("fetch ends");
        assert_no_lock_error(&out, &format!("fetch {n}"));
        assert_eq!(
            out.status.code(),
            Some(0),
            "fetch {n}: {}{}",
            text(&out.stdout),
            text(&out.stderr)
        );
    }
    assert_all_stored_once(&home);
}

#[test]
fn a_reader_runs_while_a_fetch_writes_and_sees_the_new_stories() {
    let (_srv, urls) = farm();
    let home = Arc::new(Home::with_feeds(&urls[..1]));
    // The cache exists with one feed's stories; the user has one open.
    let seeded = home.run(&["fetch", "--feeds-only"]);
    assert!(seeded.status.success(), "{}", text(&seeded.stderr));
    home.follow(&urls, "");

    let writing = Arc::new(AtomicBool::new(true));
    let reader = {
        let (home, writing) = (Arc::clone(&home), Arc::clone(&writing));
        std::thread::spawn(move || {
            let mut seen = Vec::new();
            let mut rounds = 0;
            // At least a few rounds, and on until a round that started
            // after the fetch had ended.
            loop {
                let ended = !writing.load(Ordering::SeqCst);
                for args in [
                    &["list", "--json"][..],
                    &["show", "1", "--json"],
                    &["show", "1"],
                    &["list", "--unread"],
                    &["feeds", "--json"],
                    &[],
                ] {
                    let out = home.run(args);
                    assert_no_lock_error(&out, &format!("{args:?}"));
                    assert_eq!(
                        out.status.code(),
                        Some(0),
                        "{args:?}: {}",
                        text(&out.stderr)
                    );
                    if args == ["list", "--json"] {
                        let rows: serde_json::Value =
                            serde_json::from_slice(&out.stdout).expect("valid JSON");
                        seen.push(rows.as_array().map_or(0, Vec::len));
                    }
                }
                rounds += 1;
                if ended && rounds >= 3 {
                    return seen;
                }
            }
        })
    };
    let out = spawn_fetch(&home).wait_with_output().expect("fetch ends");
    writing.store(false, Ordering::SeqCst);
    assert_no_lock_error(&out, "fetch");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let seen = reader.join().expect("the reader never failed");

    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(
        seen.last().copied(),
        Some(FEEDS * ITEMS),
        "the reader's last list has every new story: {seen:?}"
    );
    assert_all_stored_once(&home);
}

/// Returns `(id, read, starred)` of every listed story.
fn flags(home: &Home) -> Vec<(u64, bool, bool)> {
    let rows = home.json(&["list", "--json"]);
    rows.as_array()
        .expect("an array")
        .iter()
        .map(|r| {
            let flag = |k: &str| r[k].as_bool().unwrap_or_else(|| panic!("{k} in {r}"));
            (r["id"].as_u64().expect("id"), flag("read"), flag("starred"))
        })
        .collect()
}

/// Returns the stories whose pages are still to fetch.
fn pages_to_fetch(home: &Home) -> BTreeSet<u64> {
    let store = Store::open(&home.cache()).expect("cache");
    let jobs = store.page_jobs(1000).expect("jobs");
    jobs.into_iter().map(|j| j.id.0 as u64).collect()
}

#[test]
fn flags_the_reader_writes_while_a_fetch_writes_are_kept() {
    // Slow pages keep the fetch writing for two seconds or more.
    let (_srv, urls) = farm_with_pages_taking(Duration::from_millis(100));
    let home = Home::with_feeds(&urls[..1]);
    let seeded = home.run(&["fetch", "--feeds-only"]);
    assert!(seeded.status.success(), "{}", text(&seeded.stderr));
    home.follow(&urls, "");
    // The reader stars the top story before the fetch starts.
    let star = home.run(&["screen", "--keys", "s"]);
    assert!(star.status.success(), "{}", text(&star.stderr));
    let starred: Vec<u64> = flags(&home)
        .into_iter()
        .filter_map(|(id, _, s)| s.then_some(id))
        .collect();
    assert_eq!(starred.len(), 1, "one story starred");

    // Mark everything read, round after round, while the fetch stores the
    // new feeds' stories, then once more when a quarter of the pages are
    // stored; the rest of the pages are stored after the last mark.
    let fetch = spawn_fetch(&home);
    let waiting = loop {
        let listed = flags(&home).len();
        let out = home.run(&["screen", "--keys", "A"]);
        assert_no_lock_error(&out, "screen A");
        assert!(out.status.success(), "{}", text(&out.stderr));
        let waiting = pages_to_fetch(&home);
        if listed == FEEDS * ITEMS && waiting.len() <= FEEDS * ITEMS * 3 / 4 {
            break waiting;
        }
    };
    let out = fetch.wait_with_output().expect("fetch ends");
    assert_no_lock_error(&out, "fetch");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        !waiting.is_empty(),
        "every page was stored before the last mark: nothing tested"
    );

    assert_all_stored_once(&home);
    let last = flags(&home);
    assert_eq!(last.len(), FEEDS * ITEMS);
    for (id, read, star) in last {
        // Every story was listed when the last mark ran; those in `waiting`
        // got their page after it.
        assert!(
            read,
            "story {id} lost its read flag (page after the mark: {})",
            waiting.contains(&id)
        );
        assert_eq!(star, starred.contains(&id), "story {id}'s star");
    }
}
