//! The SQLite cache, exercised on real files in a temporary folder.

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
fn one_canonical_url_in_two_feeds_is_one_story_with_one_read_state() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store
        .upsert_feed(&source("https://a.example/rss", Some("Alpha Wire")))
        .unwrap();
    let b = store
        .upsert_feed(&source("https://b.example/rss", None))
        .unwrap();
    let first = store
        .store_feed(
            a,
            &fetch(vec![item("a-guid", "Summit opens", None)]),
            at(8, 0),
        )
        .unwrap();
    // Feed B has its own key and tracking junk in the link, but the same canonical URL.
    let mut copy = item("b-guid", "Summit opens in Hanoi", None);
    copy.url = Some("https://news.example/a-guid?utm_source=b".to_owned());
    copy.canonical_url = Some("https://news.example/a-guid".to_owned());
    let second = store.store_feed(b, &fetch(vec![copy]), at(9, 0)).unwrap();
    assert_eq!(first.new.len(), 1);
    assert!(second.new.is_empty());
    assert_eq!(second.seen, 1);
    assert_eq!(store.story_count().unwrap(), 1);

    let story = store.story(first.new[0]).unwrap().unwrap();
    assert_eq!(story.feed_title, "Alpha Wire");
    assert_eq!(
        story.title, "Summit opens",
        "another feed does not retitle it"
    );
    let counts = |s: &Store| {
        s.feeds()
            .unwrap()
            .iter()
            .map(|f| (f.stories, f.unread))
            .collect::<Vec<_>>()
    };
    assert_eq!(counts(&store), vec![(1, 1), (1, 1)]);
    assert_eq!(
        ids(
            &store,
            &ListQuery {
                feed: Some(b),
                ..ListQuery::default()
            }
        ),
        vec![first.new[0].0]
    );

    store.set_read(first.new[0], true).unwrap();
    assert_eq!(counts(&store), vec![(1, 0), (1, 0)]);
}

#[test]
fn a_known_key_is_refreshed_without_touching_flags() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let twice = vec![item("k1", "Draft", None), item("k1", "Draft again", None)];
    let first = store.store_feed(feed, &fetch(twice), at(8, 0)).unwrap();
    assert_eq!((first.new.len(), first.seen), (1, 1));
    let id = first.new[0];
    store.set_read(id, true).unwrap();
    store.set_starred(id, true).unwrap();

    let mut changed = item("k1", "Final headline", Some(at(7, 30)));
    changed.content_html = Some("<p>The whole story.</p>".to_owned());
    let again = store
        .store_feed(feed, &fetch(vec![changed.clone()]), at(9, 0))
        .unwrap();
    assert!(again.new.is_empty());
    assert_eq!(again.refreshed, vec![id]);
    let story = store.story(id).unwrap().unwrap();
    assert_eq!(story.title, "Final headline");
    assert_eq!(
        story.published,
        at(7, 30),
        "a date the first fetch lacked is filled in"
    );
    assert!(story.read && story.starred);
    assert_eq!(
        store.feed_html(id).unwrap().as_deref(),
        Some("<p>The whole story.</p>")
    );

    // Once the page is extracted, the feed's HTML no longer matters.
    store
        .store_article(id, &article(&["From the page."]), TextSource::Page)
        .unwrap();
    changed.content_html = Some("<p>Edited.</p>".to_owned());
    let third = store
        .store_feed(feed, &fetch(vec![changed]), at(10, 0))
        .unwrap();
    assert!(third.refreshed.is_empty());
    assert_eq!(store.story(id).unwrap().unwrap().text, "From the page.");
    assert_eq!(store.story_count().unwrap(), 1);
}

#[test]
fn a_missing_date_falls_back_to_first_seen_until_the_page_gives_one() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let id = store
        .store_feed(
            feed,
            &fetch(vec![item("undated", "No date", None)]),
            at(11, 15),
        )
        .unwrap()
        .new[0];
    let story = store.story(id).unwrap().unwrap();
    assert_eq!(
        (story.published, story.first_seen),
        (at(11, 15), at(11, 15))
    );
    assert!(store.published_is_first_seen(id).unwrap());

    let mut page = article(&["BERLIN (AP) — Text."]);
    page.published = Some(at(6, 0));
    page.author = Some("Jane Doe".to_owned());
    page.dateline = Some("BERLIN".to_owned());
    store.store_article(id, &page, TextSource::Page).unwrap();
    let story = store.story(id).unwrap().unwrap();
    assert_eq!(story.published, at(6, 0));
    assert!(!store.published_is_first_seen(id).unwrap());
    assert_eq!(story.author.as_deref(), Some("Jane Doe"));
    assert_eq!(story.dateline.as_deref(), Some("BERLIN"));
    assert_eq!(story.text_source, TextSource::Page);
}

#[test]
fn search_matches_typed_words_in_title_and_text() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let items = vec![
        item("1", "Floods hit Valencia", Some(at(1, 0))),
        item("2", "Markets rally", Some(at(2, 0))),
    ];
    let new = store.store_feed(feed, &fetch(items), at(3, 0)).unwrap().new;
    store
        .store_article(
            new[1],
            &article(&["Traders cheered in Valencia.", "Shares rose."]),
            TextSource::Feed,
        )
        .unwrap();
    let search = |q: &str| {
        ids(
            &store,
            &ListQuery {
                search: Some(q.to_owned()),
                ..ListQuery::default()
            },
        )
    };
    assert_eq!(search("valencia"), vec![new[1].0, new[0].0]);
    assert_eq!(search("Valencia shares"), vec![new[1].0]);
    assert_eq!(search("floods"), vec![new[0].0]);
    assert!(search("tsunami").is_empty());
    for hostile in [
        "\"",
        "\"Valencia",
        "rally*",
        "-markets",
        "title:floods",
        "a OR (b",
        "NEAR(",
        "*",
        "-",
    ] {
        assert!(
            store
                .list(&ListQuery {
                    search: Some(hostile.to_owned()),
                    ..ListQuery::default()
                })
                .is_ok(),
            "{hostile}"
        );
    }
    assert_eq!(search("\"Valencia\""), vec![new[1].0, new[0].0]);
}

#[test]
fn list_is_newest_first_with_limit_and_filters() {
    let mut store = Store::open_in_memory().unwrap();
    let a = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let b = store
        .upsert_feed(&source("https://b.example/rss", None))
        .unwrap();
    let new_a = store
        .store_feed(
            a,
            &fetch(vec![
                item("a1", "A1", Some(at(1, 0))),
                item("a2", "A2", Some(at(5, 0))),
            ]),
            at(6, 0),
        )
        .unwrap()
        .new;
    // Two stories at the same minute: the later id comes first.
    let new_b = store
        .store_feed(
            b,
            &fetch(vec![
                item("b1", "B1", Some(at(3, 0))),
                item("b2", "B2", Some(at(3, 0))),
            ]),
            at(6, 0),
        )
        .unwrap()
        .new;
    let all = ListQuery::default();
    assert_eq!(
        ids(&store, &all),
        vec![new_a[1].0, new_b[1].0, new_b[0].0, new_a[0].0]
    );
    assert_eq!(
        ids(
            &store,
            &ListQuery {
                limit: Some(2),
                ..all.clone()
            }
        ),
        vec![new_a[1].0, new_b[1].0]
    );
    assert_eq!(
        ids(
            &store,
            &ListQuery {
                feed: Some(a),
                ..all.clone()
            }
        ),
        vec![new_a[1].0, new_a[0].0]
    );

    store.set_read(new_a[1], true).unwrap();
    store.set_starred(new_b[0], true).unwrap();
    let unread = ListQuery {
        unread_only: true,
        ..all.clone()
    };
    assert_eq!(
        ids(&store, &unread),
        vec![new_b[1].0, new_b[0].0, new_a[0].0]
    );
    let starred = ListQuery {
        starred_only: true,
        ..all.clone()
    };
    assert_eq!(ids(&store, &starred), vec![new_b[0].0]);
    let rows = store
        .list(&ListQuery {
            limit: Some(1),
            ..all
        })
        .unwrap();
    assert_eq!(
        (rows[0].title.as_str(), rows[0].feed.as_str(), rows[0].read),
        ("A2", "Own Title", true)
    );
    assert_eq!(rows[0].published, at(5, 0));
}

#[test]
fn the_first_list_page_is_an_indexed_query() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let items = (0..300)
        .map(|n| item(&format!("s{n}"), "Story", Some(at(n % 24, n % 60))))
        .collect();
    store.store_feed(feed, &fetch(items), at(12, 0)).unwrap();
    for query in [
        ListQuery {
            limit: Some(50),
            ..ListQuery::default()
        },
        ListQuery {
            limit: Some(50),
            unread_only: true,
            ..ListQuery::default()
        },
    ] {
        let plan = store.list_plan(&query).unwrap().join("\n");
        assert!(plan.contains("stories_published"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
}

#[test]
fn page_jobs_offer_each_page_until_done_or_failed_three_times() {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let mut no_link = item("nolink", "No link", Some(at(1, 0)));
    no_link.url = None;
    no_link.canonical_url = None;
    let items = vec![
        item("new", "Newer", Some(at(9, 0))),
        no_link,
        item("old", "Older", Some(at(2, 0))),
    ];
    let new = store
        .store_feed(feed, &fetch(items), at(10, 0))
        .unwrap()
        .new;
    let (newer, older) = (new[0], new[2]);
    let jobs = |s: &Store| {
        s.page_jobs(10)
            .unwrap()
            .iter()
            .map(|j| j.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(jobs(&store), vec![older, newer]);
    assert_eq!(
        store.page_jobs(1).unwrap()[0].url,
        "https://news.example/old"
    );

    // Feed text alone leaves the page to fetch; an extracted page ends it.
    store
        .store_article(newer, &article(&["Feed text."]), TextSource::Feed)
        .unwrap();
    assert_eq!(jobs(&store), vec![older, newer]);
    store
        .store_article(newer, &article(&["Page text."]), TextSource::Page)
        .unwrap();
    store
        .store_article(newer, &article(&["Late feed text."]), TextSource::Feed)
        .unwrap();
    assert_eq!(store.story(newer).unwrap().unwrap().text, "Page text.");
    assert_eq!(jobs(&store), vec![older]);

    for attempt in 1..=3 {
        assert_eq!(jobs(&store), vec![older]);
        store
            .store_page_error(older, "the server answered 503")
            .unwrap();
        assert_eq!(store.page_attempts(older).unwrap().0, attempt);
    }
    assert!(jobs(&store).is_empty());
    assert_eq!(
        store.page_attempts(older).unwrap().1.as_deref(),
        Some("the server answered 503")
    );
}

#[test]
fn feeds_report_titles_errors_and_validators() {
    let mut store = Store::open_in_memory().unwrap();
    let named = store
        .upsert_feed(&source("https://a.example/rss", Some("Mine")))
        .unwrap();
    let bare = store
        .upsert_feed(&source("https://b.example/rss", None))
        .unwrap();
    let own = store
        .upsert_feed(&source("https://c.example/rss", None))
        .unwrap();
    assert_eq!(
        store
            .upsert_feed(&source("https://a.example/rss", Some("Renamed")))
            .unwrap(),
        named
    );
    let update = FeedUpdate {
        validators: Validators {
            etag: Some("\"v1\"".to_owned()),
            last_modified: None,
        },
        moved_to: Some("https://c.example/feed".to_owned()),
        ..fetch(vec![])
    };
    store.store_feed(own, &update, at(8, 0)).unwrap();
    store.store_feed(named, &fetch(vec![]), at(8, 0)).unwrap();
    store
        .store_feed_error(
            bare,
            "the server answered 429\u{1b}[31m",
            at(8, 5),
            Some(at(9, 0)),
        )
        .unwrap();

    let feeds = store.feeds().unwrap();
    let titles: Vec<_> = feeds.iter().map(|f| f.title.as_str()).collect();
    assert_eq!(titles, ["Renamed", "https://b.example/rss", "Own Title"]);
    assert_eq!(feeds[0].tags, ["world"]);
    assert_eq!(
        feeds[1].last_error.as_deref(),
        Some("the server answered 429")
    );
    assert_eq!(
        (
            feeds[1].last_fetch,
            feeds[1].last_success,
            feeds[1].retry_at
        ),
        (Some(at(8, 5)), None, Some(at(9, 0)))
    );
    assert_eq!(feeds[2].moved_to.as_deref(), Some("https://c.example/feed"));
    assert_eq!(
        store.validators(own).unwrap().etag.as_deref(),
        Some("\"v1\"")
    );
    assert_eq!(
        store.validators(FeedId(999)).unwrap(),
        Validators::default()
    );

    store.store_not_modified(bare, at(9, 30)).unwrap();
    let feeds = store.feeds().unwrap();
    assert_eq!(
        (feeds[1].last_error.clone(), feeds[1].retry_at),
        (None, None)
    );
    assert_eq!(feeds[1].last_success, Some(at(9, 30)));
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
    for round in 0..40 {
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
