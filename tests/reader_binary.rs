//! The real binary on a temporary cache of analysed stories: `byline
//! screen` through the filter flows, and the reader in a real
//! pseudo-terminal (`support::pty`), where the user filters by a person
//! through the picker, or watches a separate `byline fetch` (a cron job)
//! add stories, and quits, and the terminal is left as it was found:
//! alternate screen left, cursor shown, raw mode off.
//!
//! Nothing here sleeps: every step waits for visible output, with a
//! generous bound so a loaded machine only makes it slower.

#![allow(clippy::unwrap_used)]

mod support;

use std::process::Command;
use std::time::Duration;

use byline::model::{Analysis, Article, Entity, EntityKind, FeedItem, FeedSource, Mention};
use byline::store::{FeedUpdate, Store, StoryText};
use chrono::{TimeZone, Utc};
use support::home::{Home, text};
use support::pty::Pty;
use support::{TestServer, farm};

/// Writes a cache with three analysed stories, two naming Amaru Quispe,
/// two about Peru and one about Chile.
fn cache_with_people(dir: &std::path::Path) {
    let mut store = Store::open(&dir.join("cache.db")).unwrap();
    let feed = store
        .upsert_feed(&FeedSource {
            url: "https://andes.example/feed.xml".to_owned(),
            title: Some("Andes Desk".to_owned()),
            tags: Vec::new(),
        })
        .unwrap();
    let stories = [
        (
            "a",
            "Lima water board approves new reservoir",
            Some("Amaru Quispe"),
            ("Peru", "PE"),
        ),
        (
            "b",
            "Copper exports rise for a third month",
            None,
            ("Chile", "CL"),
        ),
        (
            "c",
            "Reservoir contract goes to tender",
            Some("Amaru Quispe"),
            ("Peru", "PE"),
        ),
    ];
    let items: Vec<FeedItem> = stories
        .iter()
        .enumerate()
        .map(|(i, (key, title, _, _))| FeedItem {
            key: (*key).to_owned(),
            url: Some(format!("https://andes.example/{key}")),
            canonical_url: Some(format!("https://andes.example/{key}")),
            title: (*title).to_owned(),
            published: Some(
                Utc.with_ymd_and_hms(2026, 3, 10, 8 + i as u32, 0, 0)
                    .unwrap(),
            ),
            ..FeedItem::default()
        })
        .collect();
    let update = FeedUpdate {
        items,
        ..FeedUpdate::default()
    };
    let stored = store.store_feed(feed, &update, Utc::now()).unwrap();
    for (index, id) in stored.new_items {
        let (_, title, person, (country, code)) = stories[index];
        let text = format!("{title}. The board met on Monday.");
        let entity = |kind, name: &str, code: Option<&str>| Entity {
            kind,
            name: name.to_owned(),
            country: code.map(str::to_owned),
            salience: 0.8,
            mentions: vec![Mention {
                start: 0,
                end: 4,
                text: text.chars().take(4).collect(),
            }],
        };
        let mut entities = vec![entity(EntityKind::Country, country, Some(code))];
        entities.extend(person.map(|name| entity(EntityKind::Person, name, None)));
        let story = StoryText {
            shingles: None,
            article: Article {
                paragraphs: vec![text],
                ..Article::default()
            },
            analysis: Analysis {
                entities,
                quotes: Vec::new(),
            },
            analyzer_version: byline::analyze::VERSION,
        };
        store
            .store_text(id, &story, byline::model::TextSource::Page)
            .unwrap();
    }
}

/// Runs `byline screen` on the cache with these keys; returns the screen.
fn screen(dir: &std::path::Path, keys: &str) -> String {
    let config = dir.join("config.toml");
    std::fs::write(&config, "[fetch]\npages = false\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("--config")
        .arg(&config)
        .arg("--data-dir")
        .arg(dir)
        .args(["screen", "--size", "100x20", "--keys", keys])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn byline_screen_filters_by_person_country_both_and_clears() {
    let dir = tempfile::tempdir().unwrap();
    cache_with_people(dir.path());
    let titles = |text: &str| {
        ["Lima water board", "Copper exports", "Reservoir contract"]
            .into_iter()
            .filter(|t| text.contains(t))
            .count()
    };
    let person = screen(dir.path(), "f p q u i s enter");
    assert!(person.contains("[Amaru Quispe]"), "{person}");
    assert!(!person.contains("Copper exports") && titles(&person) == 2);
    let country = screen(dir.path(), "f c c h i enter");
    assert!(country.contains("[Chile]") && country.contains("Copper exports"));
    assert_eq!(titles(&country), 1);
    let both = screen(dir.path(), "f p a m a enter f c c h enter");
    assert_eq!(titles(&both), 0, "no story has Quispe in Chile:\n{both}");
    assert!(both.contains("Press x to clear them"));
    let cleared = screen(dir.path(), "f p a m a enter f c c h enter x");
    assert_eq!(titles(&cleared), 3);
}

#[test]
fn the_reader_filters_by_a_person_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    cache_with_people(dir.path());
    // A config without feeds: the background refresh has nothing to fetch.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[fetch]\npages = false\n").unwrap();
    let mut pty = Pty::reader(&config, dir.path());

    // The first frame lists the cache (raw mode is on once it is drawn).
    let mark = pty.screen.wait_for("Reservoir contract goes to tender", 0);
    pty.press(b"fp");
    let mark = pty.screen.wait_for("Filter by people", mark);
    let mark = pty.screen.wait_for("2 stories", mark);
    pty.press(b"quis\r");
    let mark = pty.screen.wait_for("[Amaru Quispe]", mark);
    // The list now holds her two stories; the copper story is gone from it.
    let filtered = String::from_utf8_lossy(&pty.screen.seen[mark..]).into_owned();
    assert!(!filtered.contains("Copper exports"), "{filtered}");
    assert!(
        support::pty::find(&pty.screen.seen, b"\x1b[?1000h").is_some(),
        "the reader takes the mouse by default"
    );
    pty.quit_and_check_restored(mark);
}

#[test]
fn with_the_mouse_off_the_reader_leaves_it_to_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    cache_with_people(dir.path());
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[fetch]\npages = false\n\n[ui]\nmouse = false\ntheme = \"light\"\n",
    )
    .unwrap();
    let mut pty = Pty::reader(&config, dir.path());
    // Mouse reporting would have been asked for before this first frame.
    let mark = pty.screen.wait_for("Reservoir contract goes to tender", 0);
    assert!(
        support::pty::find(&pty.screen.seen, b"\x1b[?1000h").is_none(),
        "mouse reporting was never turned on"
    );
    pty.quit_and_check_restored(mark);
}

/// New stories a separate `byline fetch` brings: `NEW` items of one feed,
/// each with a page.
const NEW: usize = 4;

/// Serves a feed of `NEW` stories with pages; returns its URL. They were
/// published the day before the cached ones, so the list shows them below
/// the rows on screen: stories that sort above the first visible row stay
/// above it (the view never moves under the reader), counted as unread.
fn wire_with_new_stories(srv: &TestServer) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire 0</title>\n",
    );
    for i in 0..NEW {
        let link = srv.url(&format!("/s/0/{i}.html"));
        xml.push_str(&format!(
            "<item><title>Harbour story {i} of wire 0</title><link>{link}</link>\
             <guid>f0-{i}</guid><pubDate>Mon, 09 Mar 2026 0{i}:00:00 GMT</pubDate>\
             <description>Summary of harbour story {i}.</description></item>\n"
        ));
        let html = format!(
            "<html><body><article><h1>Harbour story {i} of wire 0</h1>\
             <p>Cranes in Rotterdam loaded {i} ships before noon on Tuesday, the port said.</p>\
             <p>Unions said the new shift pattern had been agreed after a month of talks.</p>\
             </article></body></html>"
        );
        farm::serve_page(srv, 0, i, html, Duration::ZERO);
    }
    xml.push_str("</channel></rss>\n");
    farm::serve_feed(srv, 0, xml, Duration::ZERO)
}

#[test]
fn the_open_reader_shows_stories_a_separate_fetch_stores() {
    let srv = TestServer::start();
    let feed = wire_with_new_stories(&srv);
    // The reader follows no feed, so only the other process brings stories.
    let home = Home::with_feeds(&[]);
    cache_with_people(&home.data());
    let mut pty = Pty::reader(&home.config(), &home.data());
    pty.screen
        .forbid(&["locked", "busy", "error", "could not", "cannot"]);
    pty.screen
        .wait_for_text("Reservoir contract goes to tender");
    pty.screen.wait_for_text(" 3 unread");

    // A cron job: the same cache, a config that follows the wire.
    home.follow(&[feed], "");
    let out = home.run(&["fetch"]);
    for stream in [&out.stdout, &out.stderr] {
        let shown = text(stream).to_lowercase();
        assert!(
            !shown.contains("locked") && !shown.contains("busy"),
            "{shown}"
        );
    }
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    // No key is pressed: the reader notices the write by itself.
    let mark = pty.screen.wait_for_text(&format!(" {} unread", 3 + NEW));
    let mark = mark.max(pty.screen.wait_for_text("Harbour story 0 of wire 0"));
    let screen = pty.screen.text();
    for i in 0..NEW {
        assert!(
            screen.contains(&format!("Harbour story {i} of wire 0")),
            "{screen}"
        );
    }
    // The cursor (▸) is still on the story it was on, in the top row.
    let cursor = screen.lines().find(|l| l.contains('▸')).unwrap_or_default();
    assert!(
        cursor.contains("Reservoir contract goes to tender"),
        "{screen}"
    );
    let shown = text(&pty.screen.seen).to_lowercase();
    assert!(!shown.contains("locked"), "the reader wrote a lock error");
    pty.quit_and_check_restored(mark);

    let store = Store::open(&home.cache()).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert_eq!(store.story_count().unwrap(), (3 + NEW) as u64);
    assert!(
        store.page_jobs(100).unwrap().is_empty(),
        "every page stored"
    );
    let query = byline::store::ListQuery {
        search: Some("Rotterdam".to_owned()),
        ..Default::default()
    };
    assert_eq!(store.list(&query).unwrap().len(), NEW, "with its page text");
}
