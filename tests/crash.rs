//! `byline fetch` SIGKILLed at 50 points spread over its runs, against a
//! loopback farm that publishes new stories every round.
//!
//! The kill points come from a seeded sequence over the run's observable
//! work (stories stored plus pages stored, counted in the cache), not from
//! sleeps. After each kill the cache must pass its integrity check, every
//! story must be whole (text and analysis together, or neither), the read
//! and starred flags set before must hold; and the next fetch left to end
//! (every fifth round) must finish the work of the killed runs before it.
//! A second test kills fresh runs at their earliest visible points (the
//! data folder, the cache file, the schema, the first stories), where the
//! seeded points never land.

mod support;

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use byline::model::StoryId;
use byline::store::{ListQuery, Store};
use rusqlite::{Connection, OpenFlags};
use support::home::{Home, text};
use support::whole::assert_no_half_story;
use support::{TestServer, farm};

const FEEDS: usize = 6;
/// New items each feed publishes per round.
const PER_ROUND: usize = 2;
const ROUNDS: usize = 50;
/// Rounds between two fetches that are not killed (each run loads the
/// analyser's tables, the slowest part of a short run).
const COMPLETE_EVERY: usize = 5;

/// The page of item `i` of feed `f`: a country and a quote in the article,
/// so a stored page always comes with entities and quotes.
fn page(f: usize, i: usize) -> String {
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>Port story {i} of feed {f}</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Port story {i} of feed {f}</h1>
<p>Dock workers in Chile returned to the cranes on Monday after a week of talks, page {i} of feed {f} reports.</p>
<p>"We expect more ships this winter than last," said Mira Castellanos, the director of the port, to reporters.</p>
<p>Shipping lines said the harvest season would keep the terminals busy until the end of February.</p>
</article><footer>Follow us for more news.</footer></body></html>"#
    )
}

/// Feed `f` with its first `count` items, newest first. Even feeds carry
/// their own text (with a country and a quote), odd ones none, so stories
/// start both with and without text.
fn feed(srv: &TestServer, f: usize, count: usize) -> String {
    let description = if f.is_multiple_of(2) {
        "&lt;p&gt;Dockers in Peru went back to work. &amp;quot;The strike is over,&amp;quot; said Ana Ruiz, a union leader.&lt;/p&gt;"
    } else {
        ""
    };
    let items = (0..count).rev().map(|i| {
        (
            i,
            format!("Port story {i} of feed {f}"),
            description.to_owned(),
        )
    });
    farm::rss(srv, f, items)
}

/// Publishes round `round`: every feed with its items so far, and their pages.
fn publish(srv: &TestServer, round: usize) {
    let count = PER_ROUND * (round + 1);
    for f in 0..FEEDS {
        // Feeds answer at different times, so their stores spread over the run.
        let delay = Duration::from_millis(4 * f as u64);
        farm::serve_feed(srv, f, feed(srv, f, count), delay);
        for i in count - PER_ROUND..count {
            let delay = Duration::from_millis(6 + (i % 3) as u64 * 4);
            farm::serve_page(srv, f, i, page(f, i), delay);
        }
    }
}

/// The addresses of the farm's `FEEDS` feeds.
fn feed_urls(srv: &TestServer) -> Vec<String> {
    (0..FEEDS)
        .map(|f| srv.url(&format!("/f/{f}.rss")))
        .collect()
}

/// Work the cache shows done: stories stored plus pages stored.
fn work_done(conn: &Connection) -> Option<u64> {
    conn.query_row(
        "SELECT (SELECT count(*) FROM stories) + (SELECT count(*) FROM stories WHERE page_done = 1)",
        [],
        |r| r.get::<_, i64>(0),
    )
    .ok()
    .map(|n| n as u64)
}

/// Starts `byline fetch` and SIGKILLs it once `target` units of work are in
/// the cache; returns whether it was still running when killed.
fn kill_at(home: &Home, target: u64) -> bool {
    let conn = open_read_only(&home.cache());
    home.fetch_killed_when(|| work_done(&conn).is_some_and(|n| n >= target))
}

fn assert_flags(store: &Store, flags: &HashMap<StoryId, (bool, bool)>, context: &str) {
    let rows = store.list(&ListQuery::default()).expect("list");
    let now: HashMap<StoryId, (bool, bool)> =
        rows.iter().map(|r| (r.id, (r.read, r.starred))).collect();
    for (id, expected) in flags {
        assert_eq!(now.get(id), Some(expected), "{context}: flags of {id:?}");
    }
}

/// A seeded spread of kill points over `1..=span` (an LCG, so the same
/// points every run).
fn kill_points(seed: u64, span: u64) -> impl Iterator<Item = u64> {
    let mut state = seed;
    std::iter::repeat_with(move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        1 + (state >> 33) % span
    })
}

#[test]
fn sigkill_at_fifty_points_never_leaves_a_half_story_or_loses_a_flag() {
    let srv = TestServer::start();
    let urls = feed_urls(&srv);
    let home = Home::with_feeds(&urls);
    // The reader's flags, set between rounds, must survive every kill.
    let mut flags: HashMap<StoryId, (bool, bool)> = HashMap::new();
    publish(&srv, 0);
    let first = home.run(&["fetch"]);
    assert!(first.status.success(), "{}", text(&first.stderr));

    let per_round = (FEEDS * PER_ROUND * 2) as u64;
    let mut killed_mid_run = 0;
    for (round, point) in (1..=ROUNDS).zip(kill_points(0x5eed, per_round)) {
        {
            let mut store = Store::open(&home.cache()).expect("cache");
            for (n, row) in store
                .list(&ListQuery::default())
                .expect("list")
                .iter()
                .enumerate()
            {
                let wanted = (n % 3 == round % 3, n % 5 == round % 5);
                if flags.get(&row.id) != Some(&wanted) {
                    store.set_read(row.id, wanted.0).expect("read");
                    store.set_starred(row.id, wanted.1).expect("star");
                    flags.insert(row.id, wanted);
                }
            }
        }
        publish(&srv, round);
        let before = work_done(&open_read_only(&home.cache())).expect("count");
        let context = format!("round {round}, killed after {point} units");
        if kill_at(&home, before + point) {
            killed_mid_run += 1;
        }

        let store = Store::open(&home.cache()).expect("the killed cache opens");
        assert_eq!(store.integrity_check().expect("check"), "ok", "{context}");
        assert_no_half_story(&store, &context);
        assert_flags(&store, &flags, &context);
        drop(store);

        // Every fifth round, a fetch that is left to finish must complete
        // the work of the killed runs before it.
        if round.is_multiple_of(COMPLETE_EVERY) {
            assert_complete(&home, round, &flags, &context);
        }
    }
    // A point after the run's last unit only lets it end; most must not.
    assert!(
        killed_mid_run >= ROUNDS * 4 / 5,
        "only {killed_mid_run} of {ROUNDS} kills landed mid-run"
    );
}

/// Runs `byline fetch` to the end and checks every published story is
/// stored whole, with its page, once.
fn assert_complete(
    home: &Home,
    round: usize,
    flags: &HashMap<StoryId, (bool, bool)>,
    context: &str,
) {
    let out = home.run(&["fetch"]);
    assert!(out.status.success(), "{context}: {}", text(&out.stderr));
    let store = Store::open(&home.cache()).expect("cache");
    let expected = (FEEDS * PER_ROUND * (round + 1)) as u64;
    assert_eq!(store.story_count().expect("count"), expected, "{context}");
    assert!(
        store.page_jobs(1000).expect("jobs").is_empty(),
        "{context}: the next fetch stores every page"
    );
    assert_no_half_story(&store, context);
    assert_flags(&store, flags, context);
    let pages_stored = work_done(&open_read_only(&home.cache())).expect("count") - expected;
    assert_eq!(pages_stored, expected, "{context}: every page stored once");
}

fn open_read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("cache opens")
}

/// A named point of a run, seen from outside the process.
type KillPoint = (&'static str, fn(&Home) -> bool);

/// Returns the cache's schema version, if the file exists and can be read.
fn schema_version(path: &Path) -> Option<i64> {
    if !path.exists() {
        return None;
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).ok()?;
    conn.query_row("PRAGMA user_version", [], |r| r.get(0)).ok()
}

#[test]
fn a_fetch_killed_while_it_creates_the_cache_leaves_one_the_next_fetch_completes() {
    let srv = TestServer::start();
    let urls = feed_urls(&srv);
    publish(&srv, 0);
    // The earliest points a run can be seen at, each on a fresh home: its
    // data folder made, the cache file made, the schema written, the first
    // feed's stories in.
    let points: [KillPoint; 4] = [
        ("data folder", |h| h.data().exists()),
        ("cache file", |h| h.cache().exists()),
        ("schema", |h| {
            schema_version(&h.cache()).is_some_and(|v| v > 0)
        }),
        ("first stories", |h| {
            schema_version(&h.cache()).is_some_and(|v| v > 0)
                && work_done(&open_read_only(&h.cache())).is_some_and(|n| n > 0)
        }),
    ];
    for (what, ready) in points {
        let home = Home::with_feeds(&urls);
        let context = format!("killed once the {what} was there");
        assert!(
            home.fetch_killed_when(|| ready(&home)),
            "{context}: the fetch had ended"
        );
        assert!(ready(&home), "{context}: the point was never reached");
        if home.cache().exists() {
            let store = Store::open(&home.cache()).expect("the killed cache opens");
            assert_eq!(store.integrity_check().expect("check"), "ok", "{context}");
            assert_no_half_story(&store, &context);
        }
        assert_complete(&home, 0, &HashMap::new(), &context);
    }
}
