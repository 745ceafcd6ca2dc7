//! `byline fetch` end to end against a loopback server started by each test:
//! feeds and pages stored, failures reported per feed, conditional GET,
//! cross-feed duplicates, hostile text, and a crash mid-fetch.

mod support;

use std::process::Output;

use byline::model::StoryId;
use byline::store::{ListQuery, Store};
use support::home::{Home, text};
use support::{Reply, TestServer};

fn stderr(out: &Output) -> String {
    text(&out.stderr)
}

fn open_store(home: &Home) -> Store {
    Store::open(&home.cache()).expect("cache opens")
}

/// An RSS 2.0 document with items `(title, link, guid, description)`.
fn rss(title: &str, items: &[(&str, &str, &str, &str)]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{title}</title><link>http://example.com/</link>\n"
    );
    for (title, link, guid, description) in items {
        xml.push_str(&format!(
            "<item><title>{title}</title><link>{link}</link><guid>{guid}</guid><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate><description>{description}</description></item>\n"
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

/// A news page with chrome around the article.
fn page(headline: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>{headline} | Example Wire</title></head>
<body><div class="cookie-banner"><p>We use cookies to improve your experience of this site.</p><button>Accept</button></div>
<nav class="site-nav"><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>{headline}</h1><p class="byline">By Mira Castellanos</p>
<figure><img src="/p.jpg"><figcaption>Harbour cranes at dawn. Photograph: Example Wire</figcaption></figure>
<div class="story-body">{body}</div></article>
<aside class="most-popular"><h2>Most popular</h2><ol><li><a href="/x">Another story entirely about nothing</a></li><li><a href="/y">Yet another unrelated popular story</a></li></ol></aside></main>
<footer><p>Follow us on social media for more news every day.</p><p>&copy; 2026 Example Wire</p></footer></body></html>"#
    )
}

const PARAGRAPHS: [&str; 3] = [
    "The port authority in Valparaiso said on Tuesday that container traffic rose for the third month in a row, helped by copper shipments.",
    "Dock workers, who had threatened a strike in October, accepted a new contract last week after talks mediated by the labour ministry.",
    "Shipping lines expect the busy season to last until February, when the harvest of fruit for export begins in the central valleys.",
];

fn feeds_by_url(home: &Home) -> std::collections::HashMap<String, serde_json::Value> {
    home.json(&["feeds", "--json"])
        .as_array()
        .expect("array")
        .iter()
        .map(|f| (f["url"].as_str().expect("url").to_owned(), f.clone()))
        .collect()
}

#[test]
fn fetch_stores_every_working_feed_and_reports_each_failure() {
    let srv = TestServer::start();
    let items: Vec<(String, String)> = (1..=3)
        .map(|n| {
            (
                format!("Port traffic rises, part {n}"),
                srv.url(&format!("/story/{n}.html")),
            )
        })
        .collect();
    let item_refs: Vec<(&str, &str, &str, &str)> = items
        .iter()
        .map(|(t, l)| {
            (
                t.as_str(),
                l.as_str(),
                l.as_str(),
                "A short summary from the feed.",
            )
        })
        .collect();
    srv.route(
        "/good.rss",
        Reply::ok("application/rss+xml", rss("Good Wire", &item_refs)),
    );
    for n in 1..=3 {
        srv.route(
            &format!("/story/{n}.html"),
            Reply::ok(
                "text/html; charset=utf-8",
                page(&format!("Port traffic rises, part {n}"), &PARAGRAPHS),
            ),
        );
    }
    srv.route("/missing.rss", Reply::status(404));
    srv.route("/error.rss", Reply::status(500));
    srv.route(
        "/broken.rss",
        Reply::ok(
            "application/rss+xml",
            "<rss><channel><title>Broken</title><item><title>x</item></channel>",
        ),
    );
    srv.route(
        "/page.rss",
        Reply::ok("text/html", page("Not a feed", &PARAGRAPHS)),
    );
    srv.route("/endless.rss", Reply::trickle("application/rss+xml"));
    srv.route(
        "/huge.rss",
        Reply::huge("application/rss+xml", 50 * 1024 * 1024),
    );
    srv.route("/bomb.rss", Reply::gzip_bomb("application/rss+xml"));
    srv.route("/loop.rss", Reply::redirect(302, "/loop.rss"));
    srv.route("/busy.rss", Reply::retry_after(429, "7200"));
    let paths = [
        "/good.rss",
        "/missing.rss",
        "/error.rss",
        "/broken.rss",
        "/page.rss",
        "/endless.rss",
        "/huge.rss",
        "/bomb.rss",
        "/loop.rss",
        "/busy.rss",
    ];
    let urls: Vec<String> = paths.iter().map(|p| srv.url(p)).collect();
    let home = Home::with_feeds(&[]);
    // A short limit, so the never-ending feed is cut off soon.
    home.follow(&urls, "timeout = 1.0\n");

    let out = home.run(&["fetch"]);
    assert_eq!(
        out.status.code(),
        Some(3),
        "some feeds failed: {}",
        stderr(&out)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("3 new stories") && summary.contains("9 failed"),
        "{summary}"
    );
    assert!(summary.contains("3 pages extracted"), "{summary}");

    let feeds = feeds_by_url(&home);
    let good = &feeds[&urls[0]];
    assert!(good["last_error"].is_null(), "{good}");
    assert_eq!(good["stories"], 3);
    assert_eq!(good["title"], "Good Wire");
    let error_of = |path: &str| {
        feeds[&srv.url(path)]["last_error"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    };
    assert!(
        error_of("/missing.rss").contains("404"),
        "{}",
        error_of("/missing.rss")
    );
    assert!(
        error_of("/error.rss").contains("500"),
        "{}",
        error_of("/error.rss")
    );
    assert!(!error_of("/broken.rss").is_empty());
    assert!(
        error_of("/page.rss").contains("web page"),
        "{}",
        error_of("/page.rss")
    );
    for (path, words) in [
        ("/endless.rss", "timed out"),
        ("/huge.rss", "larger than"),
        ("/bomb.rss", "larger than"),
        ("/loop.rss", "redirect"),
        ("/busy.rss", "retry after"),
    ] {
        assert!(error_of(path).contains(words), "{path}: {}", error_of(path));
    }
    assert!(!feeds[&srv.url("/busy.rss")]["retry_at"].is_null());
    // Every failure is one line in `byline feeds` too.
    let plain = String::from_utf8_lossy(&home.run(&["feeds"]).stdout).into_owned();
    assert_eq!(plain.matches("    error: ").count(), 9, "{plain}");

    let list = home.json(&["list", "--json"]);
    let rows = list.as_array().expect("array");
    assert_eq!(rows.len(), 3);
    let id = rows[0]["id"].as_i64().expect("id").to_string();
    let story = home.json(&["show", &id, "--json"]);
    let text = story["text"].as_str().expect("text");
    assert!(text.contains("container traffic rose"), "{text}");
    assert!(text.contains("\n\nDock workers"), "{text}");
    assert!(
        !text.contains("cookies") && !text.contains("Most popular") && !text.contains("Follow us"),
        "{text}"
    );
    assert_eq!(
        story["captions"][0],
        "Harbour cranes at dawn. Photograph: Example Wire"
    );
    assert_eq!(story["author"], "Mira Castellanos");
}

#[test]
fn a_second_fetch_is_conditional_and_changes_nothing() {
    let srv = TestServer::start();
    let link = srv.url("/story/1.html");
    let feed = rss("Wire", &[("Harbour reopens", &link, &link, "Summary.")]);
    srv.route(
        "/feed.rss",
        Reply::ok("application/rss+xml", feed).etag("\"v1\""),
    );
    srv.route(
        "/story/1.html",
        Reply::ok("text/html", page("Harbour reopens", &PARAGRAPHS)),
    );
    let home = Home::with_feeds(&[srv.url("/feed.rss")]);

    assert!(home.run(&["fetch"]).status.success());
    let out = home.run(&["fetch"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("0 new stories") && summary.contains("1 unchanged"),
        "{summary}"
    );
    let headers = srv.last_request_headers("/feed.rss").expect("a request");
    assert_eq!(
        headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(srv.hits("/story/1.html"), 1, "the page is fetched once");
}

#[test]
fn the_same_story_from_two_feeds_is_one_story_with_one_read_state() {
    let srv = TestServer::start();
    let link = srv.url("/story/shared.html");
    let tracked = format!("{link}?utm_source=rss&amp;utm_medium=feed");
    srv.route(
        "/a.rss",
        Reply::ok(
            "application/rss+xml",
            rss("A", &[("Shared story", &link, "a-1", "From A.")]),
        ),
    );
    srv.route(
        "/b.rss",
        Reply::ok(
            "application/rss+xml",
            rss("B", &[("Shared story (B)", &tracked, "b-1", "From B.")]),
        ),
    );
    srv.route(
        "/story/shared.html",
        Reply::ok("text/html", page("Shared story", &PARAGRAPHS)),
    );
    let home = Home::with_feeds(&[srv.url("/a.rss"), srv.url("/b.rss")]);
    assert!(home.run(&["fetch", "--feeds-only"]).status.success());

    let list = home.json(&["list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    let id = StoryId(list[0]["id"].as_i64().expect("id"));
    open_store(&home).set_read(id, true).expect("mark read");
    for feed in feeds_by_url(&home).values() {
        assert_eq!(feed["stories"], 1, "{feed}");
        assert_eq!(feed["unread"], 0, "{feed}");
    }
}

#[test]
fn hostile_text_is_stored_and_printed_without_terminal_controls() {
    let srv = TestServer::start();
    let link = srv.url("/story/h.html");
    let title = "Markets \u{1b}[31mcrash\u{1b}[0m \u{1b}]8;;http://evil.example/\u{7}click\u{1b}]8;;\u{7} \u{202e}txet\u{9b}2J now";
    let feed = rss(
        "Wire \u{1b}]0;pwned\u{7}",
        &[(title, &link, "h-1", "Body \u{1b}[2J text.")],
    );
    srv.route("/h.rss", Reply::ok("application/rss+xml", feed));
    let home = Home::with_feeds(&[srv.url("/h.rss")]);
    assert!(home.run(&["fetch", "--feeds-only"]).status.success());

    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["feeds"],
        vec!["feeds", "--json"],
        vec!["show", "1"],
        vec!["show", "1", "--json"],
    ] {
        let out = home.run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            !text
                .chars()
                .any(|c| byline::sanitize::is_unsafe(c) && c != '\n'),
            "{args:?} printed a control character: {text:?}"
        );
        assert!(
            !text.contains("\\u001b") && !text.contains("\\u202e"),
            "{args:?}: {text}"
        );
    }
    let story = home.json(&["show", "1", "--json"]);
    assert_eq!(story["title"], "Markets crash click txet now");
}

#[test]
fn a_failed_page_keeps_the_feeds_own_text() {
    let srv = TestServer::start();
    let link = srv.url("/story/gone.html");
    let feed = rss(
        "Wire",
        &[(
            "Gone page",
            &link,
            "g-1",
            "&lt;p&gt;The summary the feed carried.&lt;/p&gt;",
        )],
    );
    srv.route("/g.rss", Reply::ok("application/rss+xml", feed));
    srv.route("/story/gone.html", Reply::status(404));
    let home = Home::with_feeds(&[srv.url("/g.rss")]);
    let out = home.run(&["fetch"]);
    assert!(
        out.status.success(),
        "a page failure is not a feed failure: {}",
        stderr(&out)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 failed"));
    let story = home.json(&["show", "1", "--json"]);
    assert_eq!(story["text"], "The summary the feed carried.");
}

#[test]
fn sigkill_mid_fetch_keeps_the_cache_intact_and_the_next_fetch_finishes() {
    let srv = TestServer::start();
    let mut urls = Vec::new();
    for f in 0..12 {
        let items: Vec<(String, String, String)> = (0..10)
            .map(|i| {
                let link = srv.url(&format!("/s/{f}/{i}.html"));
                (
                    format!("Story {i} of feed {f}"),
                    link.clone(),
                    format!("f{f}-{i}"),
                )
            })
            .collect();
        let refs: Vec<(&str, &str, &str, &str)> = items
            .iter()
            .map(|(t, l, g)| (t.as_str(), l.as_str(), g.as_str(), "Summary."))
            .collect();
        srv.route(
            &format!("/f/{f}.rss"),
            Reply::ok("application/rss+xml", rss(&format!("Feed {f}"), &refs)),
        );
        for i in 0..10 {
            let reply = Reply::ok(
                "text/html",
                page(&format!("Story {i} of feed {f}"), &PARAGRAPHS),
            )
            .delay(std::time::Duration::from_millis(40));
            srv.route(&format!("/s/{f}/{i}.html"), reply);
        }
        urls.push(srv.url(&format!("/f/{f}.rss")));
    }

    // First, half the feeds; the reader marks some stories read and starred.
    let home = Home::with_feeds(&urls[..6]);
    assert!(home.run(&["fetch", "--feeds-only"]).status.success());
    let (read, starred) = {
        let mut store = open_store(&home);
        let rows = store.list(&ListQuery::default()).expect("list");
        assert_eq!(rows.len(), 60);
        let read: Vec<StoryId> = rows.iter().step_by(3).map(|r| r.id).collect();
        let starred: Vec<StoryId> = rows.iter().step_by(7).map(|r| r.id).collect();
        for id in &read {
            store.set_read(*id, true).expect("read");
        }
        for id in &starred {
            store.set_starred(*id, true).expect("star");
        }
        (read, starred)
    };

    // Then all feeds with pages, killed once some pages are stored.
    home.follow(&urls, "");
    let db = home.cache();
    let killed_mid_run = home.fetch_killed_when(|| {
        // Every feed stored, and some but not all pages.
        Store::open(&db).is_ok_and(|s| {
            s.story_count().is_ok_and(|n| n == 120)
                && s.page_jobs(1000)
                    .is_ok_and(|p| p.len() < 115 && !p.is_empty())
        })
    });
    assert!(killed_mid_run, "the fetch was still running when killed");

    let store = open_store(&home);
    assert_eq!(store.integrity_check().expect("check"), "ok");
    let rows = store.list(&ListQuery::default()).expect("list");
    for row in &rows {
        assert_eq!(
            row.read,
            read.contains(&row.id),
            "read flag of {:?}",
            row.id
        );
        assert_eq!(
            row.starred,
            starred.contains(&row.id),
            "starred flag of {:?}",
            row.id
        );
    }
    drop(store);

    let out = home.run(&["fetch"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = open_store(&home);
    assert_eq!(store.story_count().expect("count"), 120);
    assert!(
        store.page_jobs(1000).expect("jobs").is_empty(),
        "every page was fetched"
    );
    let rows = store.list(&ListQuery::default()).expect("list");
    assert!(rows.iter().filter(|r| r.read).count() == read.len());
}

#[test]
fn the_demo_stories_give_way_once_real_news_arrives() {
    let srv = TestServer::start();
    let link = srv.url("/story/real.html");
    srv.route(
        "/r.rss",
        Reply::ok(
            "application/rss+xml",
            rss("Real", &[("Real news", &link, "r-1", "Real.")]),
        ),
    );
    let home = Home::with_feeds(&[srv.url("/r.rss")]);
    assert!(
        home.run(&[]).status.success(),
        "the first run loads the demo set"
    );
    let demo = home
        .json(&["list", "--json"])
        .as_array()
        .map_or(0, Vec::len);
    assert!(demo >= 20, "{demo} demo stories");

    assert!(home.run(&["fetch", "--feeds-only"]).status.success());
    let list = home.json(&["list", "--json"]);
    let titles: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert_eq!(titles, ["Real news"]);
}
