//! The real binary on a temporary cache of analysed stories: `byline
//! screen` through the filter flows, and the reader in a real
//! pseudo-terminal (util-linux `script` provides it), where the user filters
//! by a person through the picker and quits, and the terminal is left as it
//! was found: alternate screen left, cursor shown, raw mode off.
//!
//! Nothing here sleeps: every step waits for visible output, with a
//! generous bound so a loaded machine only makes it slower.

#![allow(clippy::unwrap_used)]

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use byline::model::{Analysis, Article, Entity, EntityKind, FeedItem, FeedSource, Mention};
use byline::store::{FeedUpdate, Store, StoryText};
use chrono::{TimeZone, Utc};

/// How long one step may take before the test gives up.
const STEP: Duration = Duration::from_secs(60);

/// The terminal's output so far, fed by a thread reading the pty.
struct Screen {
    rx: mpsc::Receiver<Vec<u8>>,
    seen: Vec<u8>,
    ended: bool,
}

impl Screen {
    /// Waits until `needle` appears after byte `from`; returns where it ends.
    fn wait_for(&mut self, needle: &str, from: usize) -> usize {
        let deadline = Instant::now() + STEP;
        loop {
            if let Some(at) = find(&self.seen[from.min(self.seen.len())..], needle.as_bytes()) {
                return from + at + needle.len();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(chunk) => self.seen.extend(chunk),
                Err(_) => panic!(
                    "{needle:?} never appeared; the terminal showed:\n{}",
                    String::from_utf8_lossy(&self.seen)
                ),
            }
        }
    }

    /// Waits until the program (and the shell around it) has ended.
    fn wait_for_end(&mut self) {
        let deadline = Instant::now() + STEP;
        while !self.ended {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(chunk) => self.seen.extend(chunk),
                Err(mpsc::RecvTimeoutError::Disconnected) => self.ended = true,
                Err(mpsc::RecvTimeoutError::Timeout) => panic!("the reader did not quit"),
            }
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

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
    let reader = format!(
        "stty rows 30 cols 100; '{}' --config '{}' --data-dir '{}'; echo; echo EXIT=$?; stty -a",
        env!("CARGO_BIN_EXE_byline"),
        config.display(),
        dir.path().display()
    );
    let mut child = Command::new("script")
        .args(["-q", "-e", "-f", "-c", &reader, "/dev/null"])
        .env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("util-linux `script` runs the reader in a pseudo-terminal");
    let mut keys = child.stdin.take().unwrap();
    let mut output = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    let pump = std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = output.read(&mut chunk) {
            if n == 0 || tx.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = Screen {
        rx,
        seen: Vec::new(),
        ended: false,
    };

    // The first frame lists the cache (raw mode is on once it is drawn).
    let mark = screen.wait_for("Reservoir contract goes to tender", 0);
    keys.write_all(b"fp").unwrap();
    keys.flush().unwrap();
    let mark = screen.wait_for("Filter by people", mark);
    let mark = screen.wait_for("2 stories", mark);
    keys.write_all(b"quis\r").unwrap();
    keys.flush().unwrap();
    let mark = screen.wait_for("[Amaru Quispe]", mark);
    // The list now holds her two stories; the copper story is gone from it.
    let filtered = String::from_utf8_lossy(&screen.seen[mark..]).into_owned();
    assert!(!filtered.contains("Copper exports"), "{filtered}");
    keys.write_all(b"q").unwrap();
    keys.flush().unwrap();
    let end = screen.wait_for("EXIT=", mark);
    screen.wait_for_end();
    drop(keys);
    child.wait().unwrap();
    pump.join().unwrap();

    let tail = &screen.seen[mark..end];
    assert!(
        find(tail, b"\x1b[?1049l").is_some(),
        "the alternate screen was left"
    );
    assert!(find(tail, b"\x1b[?25h").is_some(), "the cursor is shown");
    assert!(
        find(tail, b"\x1b[?1000l").is_some(),
        "mouse reporting is off"
    );
    let after = String::from_utf8_lossy(&screen.seen[end..]).into_owned();
    assert!(after.starts_with('0'), "the reader exited 0: {after}");
    let modes: Vec<&str> = after.split_whitespace().collect();
    for mode in ["icanon", "echo", "isig"] {
        assert!(
            modes.contains(&mode),
            "raw mode is off ({mode} is set again): {after}"
        );
    }
}
