//! Story identity: one story per (feed, key) or canonical URL, refreshes,
//! and the first-seen date.

use super::*;

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
    let search = |q: &str| searched(&store, q);
    assert_eq!(search("final"), vec![id.0]);
    assert!(
        search("draft").is_empty(),
        "the old title left the search index"
    );
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
    assert_eq!(store.integrity_check().unwrap(), "ok");
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
