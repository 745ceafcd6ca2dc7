//! The bounds on an article page, end to end through `byline fetch`: a
//! page that inflates past `max_page_bytes` (a gzip bomb), one that is
//! simply too large, and one that redirects more than `max_redirects`
//! times. Each fails alone, with the limit named in the story's page
//! error; its story keeps the feed's own text; the good page beside them
//! is stored; and a page failing is no feed failing (the run exits 0).

mod support;

use byline::model::StoryId;
use byline::store::Store;
use support::home::Home;
use support::{Reply, TestServer};

/// The feed: one item per page path, each with a summary of its own.
fn feed(srv: &TestServer, pages: &[&str]) -> String {
    let items: String = pages
        .iter()
        .enumerate()
        .map(|(i, path)| {
            format!(
                "<item><title>Story {i}</title><link>{}</link><guid>g{i}</guid>\
                 <pubDate>Mon, 09 Mar 2026 0{i}:00:00 GMT</pubDate>\
                 <description>Summary {i} from the feed.</description></item>",
                srv.url(path)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Pages</title>{items}</channel></rss>"
    )
}

#[test]
fn a_page_past_a_bound_fails_alone_and_its_story_keeps_the_feed_text() {
    let srv = TestServer::start();
    srv.route("/bomb.html", Reply::gzip_bomb("text/html"));
    srv.route("/huge.html", Reply::huge("text/html", 3 * 1024 * 1024));
    for hop in 1..=7 {
        srv.route(
            &format!("/hop/{hop}.html"),
            Reply::redirect(302, &format!("/hop/{}.html", hop + 1)),
        );
    }
    srv.route(
        "/good.html",
        Reply::ok(
            "text/html",
            "<html><body><article><h1>Story 3</h1><p>Ferries to the islands ran again on \
             Monday after the storm, the harbour office in Split said.</p></article></body></html>",
        ),
    );
    let pages = ["/bomb.html", "/huge.html", "/hop/1.html", "/good.html"];
    srv.route(
        "/pages.rss",
        Reply::ok("application/rss+xml", feed(&srv, &pages)),
    );
    let home = Home::with_feeds(&[]);
    home.follow(
        &[srv.url("/pages.rss")],
        "max_page_bytes = 1048576\nmax_redirects = 5\n",
    );

    home.fetch_with_pages("1 pages extracted, 3 failed");

    let store = Store::open(&home.cache()).expect("cache");
    assert_eq!(store.integrity_check().expect("check"), "ok");
    let rows = store
        .list(&byline::store::ListQuery::default())
        .expect("list");
    assert_eq!(rows.len(), 4);
    let id_of = |title: &str| -> StoryId {
        rows.iter()
            .find(|r| r.title == title)
            .unwrap_or_else(|| panic!("{title} is listed"))
            .id
    };
    for (i, words) in [
        (0, "the page is larger than the 1 MiB limit"),
        (1, "the page is larger than the 1 MiB limit"),
        (2, "redirected more than 5 times"),
    ] {
        let id = id_of(&format!("Story {i}"));
        let (_, error) = store.page_attempts(id).expect("attempts");
        let error = error.unwrap_or_default();
        assert!(error.contains(words), "story {i}: {error:?}");
        let story = store.story(id).expect("story").expect("stored");
        assert_eq!(
            story.text,
            format!("Summary {i} from the feed."),
            "story {i}"
        );
    }
    let good = store
        .story(id_of("Story 3"))
        .expect("story")
        .expect("stored");
    assert!(
        good.text.contains("Ferries to the islands"),
        "{}",
        good.text
    );
}
