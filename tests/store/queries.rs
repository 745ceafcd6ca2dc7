//! Reading the cache: lists, search, query plans, page jobs and feed state.

use super::*;

/// The search index is written at the end of each transaction (src/store/fts.rs):
/// a story added and retitled in one transaction, then given its page's text,
/// is found by its last title and text only, and the index stays in step.
#[test]
fn search_follows_a_story_retitled_and_rewritten_in_one_transaction() {
    let (_dir, path) = temp_cache();
    let mut store = Store::open(&path).unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let first = fetch(vec![
        item("k", "Harbour closes for storm", Some(at(1, 0))),
        item("j", "Rail strike ends", Some(at(1, 5))),
    ]);
    let second = fetch(vec![item(
        "k",
        "Harbour reopens after storm",
        Some(at(1, 0)),
    )]);
    let stored = store
        .store_feeds(&[(feed, &first), (feed, &second)], at(2, 0))
        .unwrap();
    let (harbour, rail) = (stored[0].new[0], stored[0].new[1]);
    store
        .store_article(
            harbour,
            &article(&["Ferries sailed at dawn.", "Crews cleared debris."]),
            TextSource::Page,
        )
        .unwrap();
    let search = |q: &str| searched(&store, q);
    assert_eq!(search("reopens"), vec![harbour.0]);
    assert!(search("closes").is_empty(), "the first title is gone");
    assert_eq!(search("ferries debris"), vec![harbour.0]);
    assert_eq!(search("storm"), vec![harbour.0]);
    assert_eq!(search("strike"), vec![rail.0]);
    assert_eq!(store.integrity_check().unwrap(), "ok");
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
    let search = |q: &str| searched(&store, q);
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
fn the_first_list_page_of_a_large_cache_is_an_indexed_query() {
    let (_dir, path) = temp_cache();
    let mut store = Store::open(&path).unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let items = vec![item("newest", "Newest", Some(at(23, 59)))];
    let newest = store
        .store_feed(feed, &fetch(items), at(23, 59))
        .unwrap()
        .new[0];
    // 100,000 older stories, written straight into the file: going through
    // `store_feed` would make this test slow, and the plan is what matters.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
         INSERT INTO stories (feed_id, title, published, published_from, first_seen, read)
         SELECT 1, 'Old story ' || i, i * 1000000, 'feed', i * 1000000, i % 2 FROM n;",
    )
    .unwrap();
    assert_eq!(store.story_count().unwrap(), 100_001);
    let first_page = |q: ListQuery| ListQuery {
        limit: Some(50),
        ..q
    };
    for query in [
        first_page(ListQuery::default()),
        first_page(ListQuery {
            unread_only: true,
            ..ListQuery::default()
        }),
        first_page(ListQuery {
            starred_only: true,
            ..ListQuery::default()
        }),
    ] {
        let plan = store.list_plan(&query).unwrap().join("\n");
        assert!(plan.contains("SCAN s USING INDEX stories_"), "{plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    }
    let rows = store.list(&first_page(ListQuery::default())).unwrap();
    assert_eq!(rows.len(), 50);
    assert_eq!(rows[0].id, newest);
    assert_eq!(rows[1].title, "Old story 100000");
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
