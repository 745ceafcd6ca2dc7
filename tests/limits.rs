//! The bounds a feed cannot push past that tests/fetch.rs does not already
//! cover: the total time of one feed over its redirects and Retry-After
//! wait, the nesting depth of a feed document, and the paragraphs, entities
//! and mentions of one story. Each one hit is a per-feed (or per-page) error
//! that names the limit, and the rest of the run goes on. A page past its
//! size or redirect bound is in `page_limits.rs`.

mod support;

use std::time::Duration;

use byline::config::FetchConfig;
use byline::fetch::http::{FetchError, HttpClient};
use byline::model::Validators;
use support::home::{Home, text};
use support::{Reply, TestServer};

const RSS: &str = "application/rss+xml";

fn feed(title: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title>\
         <item><title>One</title><guid>1</guid></item></channel></rss>"
    )
}

/// Fetches the feed served at `path` beside a good one, with `limits` in
/// the `[fetch]` table, and checks that the run exits 3 for that feed
/// alone: it shows `error` and keeps `stories`, the good feed its story.
/// Returns the home and the two feed URLs, for runs with other limits.
fn fails_beside_a_good_feed(
    srv: &TestServer,
    path: &str,
    limits: &str,
    error: &str,
    stories: u64,
) -> (Home, [String; 2]) {
    srv.route("/good.rss", Reply::ok(RSS, feed("Good")));
    let home = Home::with_feeds(&[]);
    let urls = [srv.url(path), srv.url("/good.rss")];
    home.follow(&urls, limits);
    let out = home.run(&["fetch", "--feeds-only"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let feeds = home.json(&["feeds", "--json"]);
    let rows = feeds.as_array().expect("array");
    assert_eq!(rows[0]["last_error"], error);
    assert_eq!(rows[0]["stories"], stories, "{feeds}");
    assert!(
        rows[1]["last_error"].is_null() && rows[1]["stories"] == 1,
        "{feeds}"
    );
    (home, urls)
}

/// A chain of `hops` redirects, each answered after `delay`, ending in a feed.
fn slow_chain(srv: &TestServer, hops: usize, delay: Duration) -> String {
    for n in 0..hops {
        srv.route(
            &format!("/hop/{n}"),
            Reply::redirect(302, &format!("/hop/{}", n + 1)).delay(delay),
        );
    }
    srv.route(&format!("/hop/{hops}"), Reply::ok(RSS, feed("End")));
    srv.url("/hop/0")
}

fn client(total: f64) -> HttpClient {
    HttpClient::new(&FetchConfig {
        timeout: 5.0,
        total_timeout: total,
        max_redirects: 10,
        ..FetchConfig::default()
    })
    .expect("client")
}

#[tokio::test]
async fn slow_redirect_hops_are_bounded_in_total_not_only_each() {
    let srv = TestServer::start();
    // Each hop is well within the 5 s request limit; together they are not.
    let url = slow_chain(&srv, 6, Duration::from_millis(300));
    let err = client(1.0)
        .get_feed(&url, &Validators::default())
        .await
        .expect_err("over the total");
    assert!(matches!(err, FetchError::TotalTimeout { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "took more than 1 s in all (over its redirects and retries)"
    );
    assert!(srv.hits("/hop/6") == 0, "the chain was cut before its end");

    // With room for the whole chain, the same feed is fetched.
    let fine = client(10.0).get_feed(&url, &Validators::default()).await;
    assert!(fine.is_ok(), "{fine:?}");
}

#[tokio::test]
async fn a_retry_after_wait_counts_against_the_total() {
    let srv = TestServer::start();
    srv.route_sequence(
        "/busy",
        vec![Reply::retry_after(503, "2"), Reply::ok(RSS, feed("Busy"))],
    );
    let client = HttpClient::new(&FetchConfig {
        total_timeout: 1.0,
        max_retry_wait: 5.0,
        ..FetchConfig::default()
    })
    .expect("client");
    let err = client
        .get_feed(&srv.url("/busy"), &Validators::default())
        .await
        .expect_err("the wait does not fit");
    assert!(matches!(err, FetchError::RetryLater { .. }), "{err:?}");
    assert_eq!(srv.hits("/busy"), 1, "no waiting past the total");
}

#[test]
fn a_feed_over_its_total_time_fails_alone() {
    let srv = TestServer::start();
    let slow = slow_chain(&srv, 6, Duration::from_millis(300));
    srv.route("/good.rss", Reply::ok(RSS, feed("Good")));
    let home = Home::with_feeds(&[]);
    home.follow(
        &[slow.clone(), srv.url("/good.rss")],
        "total_timeout = 1.0\nmax_redirects = 10\n",
    );
    let out = home.run(&["fetch", "--feeds-only"]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    let feeds = home.json(&["feeds", "--json"]);
    let error_of = |url: &str| {
        feeds
            .as_array()
            .expect("array")
            .iter()
            .find(|f| f["url"] == url)
            .map(|f| f["last_error"].clone())
            .expect("the feed is listed")
    };
    assert_eq!(
        error_of(&slow),
        "took more than 1 s in all (over its redirects and retries)"
    );
    assert!(error_of(&srv.url("/good.rss")).is_null());
}

#[test]
fn a_feed_listing_more_items_than_the_limit_keeps_the_first_and_fails() {
    let srv = TestServer::start();
    let items: String = (1..=8)
        .map(|n| format!("<item><title>Item {n}</title><guid>i{n}</guid></item>"))
        .collect();
    srv.route(
        "/many.rss",
        Reply::ok(
            RSS,
            format!("<rss version=\"2.0\"><channel><title>Many</title>{items}</channel></rss>"),
        ),
    );
    let (home, urls) = fails_beside_a_good_feed(
        &srv,
        "/many.rss",
        "max_items = 5\n",
        "the feed lists 8 items, more than fetch.max_items allows; the first 5 were kept",
        5,
    );
    let mut titles: Vec<String> = home
        .json(&["list", "--json"])
        .as_array()
        .expect("array")
        .iter()
        .map(|row| row["title"].as_str().unwrap_or_default().to_owned())
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        ["Item 1", "Item 2", "Item 3", "Item 4", "Item 5", "One"]
    );

    // Within the limit, the whole feed is stored and the error is gone.
    home.follow(&urls, "max_items = 8\n");
    assert!(home.run(&["fetch", "--feeds-only"]).status.success());
    let feeds = home.json(&["feeds", "--json"]);
    assert!(feeds[0]["last_error"].is_null(), "{feeds}");
    assert_eq!(feeds[0]["stories"], 8, "{feeds}");
}

/// A feed whose item holds `depth` elements nested in an element no reader
/// knows, with a text at the bottom.
fn nested(depth: usize) -> String {
    format!(
        "<rss version=\"2.0\"><channel><title>Nested</title>\
         <item><title>Deep</title><guid>d</guid><x-extra>{}bottom{}</x-extra></item>\
         </channel></rss>",
        "<x-n>".repeat(depth),
        "</x-n>".repeat(depth)
    )
}

#[test]
fn a_feed_nested_past_the_depth_bound_fails_alone_and_one_within_it_is_stored() {
    let srv = TestServer::start();
    srv.route("/nested.rss", Reply::ok(RSS, nested(70_000)));
    let (home, urls) = fails_beside_a_good_feed(
        &srv,
        "/nested.rss",
        "",
        "the feed is not valid XML: document nests elements deeper than the supported limit of 65535",
        0,
    );

    // Just within the bound: parsed without exhausting the stack, and stored.
    srv.route("/nested.rss", Reply::ok(RSS, nested(65_000)));
    home.follow(&urls, "");
    let out = home.run(&["fetch", "--feeds-only"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let titles = home.json(&["list", "--json"]);
    assert!(
        titles
            .as_array()
            .expect("array")
            .iter()
            .any(|s| s["title"] == "Deep"),
        "{titles}"
    );
}

fn paragraphs(n: usize) -> String {
    (0..n)
        .map(|i| format!("<p>Paragraph {i} of a story that goes on and on about the harbour.</p>"))
        .collect()
}

#[test]
fn a_feed_item_with_too_many_paragraphs_fails_its_feed_alone() {
    let srv = TestServer::start();
    let long = paragraphs(30).replace('<', "&lt;").replace('>', "&gt;");
    srv.route(
        "/long.rss",
        Reply::ok(
            RSS,
            format!(
                "<rss version=\"2.0\"><channel><title>Long</title>\
                 <item><title>Short</title><guid>s</guid><description>Fine.</description></item>\
                 <item><title>Long</title><guid>l</guid><description>{long}</description></item>\
                 </channel></rss>"
            ),
        ),
    );
    let (home, urls) = fails_beside_a_good_feed(
        &srv,
        "/long.rss",
        "max_paragraphs = 20\n",
        "item 2 is too long: it has 30 paragraphs, more than the max_paragraphs limit of 20",
        0,
    );

    // Within the limit, the same feed is stored.
    home.follow(&urls, "max_paragraphs = 30\n");
    assert!(home.run(&["fetch", "--feeds-only"]).status.success());
}

#[test]
fn a_page_with_too_many_paragraphs_fails_and_the_story_keeps_the_feed_text() {
    let srv = TestServer::start();
    let link = srv.url("/long.html");
    srv.route(
        "/f.rss",
        Reply::ok(
            RSS,
            format!(
                "<rss version=\"2.0\"><channel><title>F</title><item><title>Long page</title>\
                 <link>{link}</link><guid>p</guid><description>The feed's own summary.</description></item>\
                 </channel></rss>"
            ),
        ),
    );
    srv.route(
        "/long.html",
        Reply::ok(
            "text/html",
            format!(
                "<html><body><article><h1>Long page</h1>{}</article></body></html>",
                paragraphs(40)
            ),
        ),
    );
    let home = Home::with_feeds(&[]);
    home.follow(&[srv.url("/f.rss")], "max_paragraphs = 25\n");
    home.fetch_with_pages("0 pages extracted, 1 failed");
    let story = home.json(&["show", "1", "--json"]);
    assert_eq!(story["text"], "The feed's own summary.");
    let store = byline::store::Store::open(&home.cache()).expect("cache");
    let (_, error) = store
        .page_attempts(byline::model::StoryId(1))
        .expect("attempts");
    assert_eq!(
        error.as_deref(),
        Some(
            "the page is too long: it has 40 paragraphs, more than the max_paragraphs limit of 25"
        )
    );
}

/// A story naming `n` distinct countries, one to a sentence.
fn countries(n: usize) -> String {
    const NAMES: &[&str] = &[
        "France", "Chile", "Germany", "Japan", "Brazil", "Kenya", "Canada", "Mexico", "India",
        "Egypt", "Norway", "Peru", "Spain", "Vietnam", "Ghana", "Poland",
    ];
    assert!(n <= NAMES.len());
    NAMES[..n]
        .iter()
        .map(|c| format!("<p>The delegation from {c} arrived at the harbour on Monday.</p>"))
        .collect()
}

#[test]
fn a_feed_item_naming_too_many_entities_fails_its_feed_alone() {
    let srv = TestServer::start();
    let crowded = countries(12).replace('<', "&lt;").replace('>', "&gt;");
    srv.route(
        "/crowded.rss",
        Reply::ok(
            RSS,
            format!(
                "<rss version=\"2.0\"><channel><title>Crowded</title>\
                 <item><title>Short</title><guid>s</guid><description>Fine.</description></item>\
                 <item><title>Summit</title><guid>c</guid><description>{crowded}</description></item>\
                 </channel></rss>"
            ),
        ),
    );
    let (home, urls) = fails_beside_a_good_feed(
        &srv,
        "/crowded.rss",
        "max_entities = 8\n",
        "item 2 names 12 distinct people, places and organisations, \
         more than the max_entities limit of 8",
        0,
    );

    // Mentions in all are bounded too.
    home.follow(&urls, "max_entities = 12\nmax_mentions = 11\n");
    assert_eq!(home.run(&["fetch", "--feeds-only"]).status.code(), Some(3));
    assert_eq!(
        home.json(&["feeds", "--json"])[0]["last_error"],
        "item 2 mentions people, places and organisations 12 times, \
         more than the max_mentions limit of 11"
    );

    // Within the limits, the same feed is stored.
    home.follow(&urls, "max_entities = 12\nmax_mentions = 12\n");
    assert!(home.run(&["fetch", "--feeds-only"]).status.success());
}

#[test]
fn a_page_naming_too_many_entities_fails_and_the_story_keeps_the_feed_text() {
    let srv = TestServer::start();
    let link = srv.url("/crowded.html");
    srv.route(
        "/f.rss",
        Reply::ok(
            RSS,
            format!(
                "<rss version=\"2.0\"><channel><title>F</title><item><title>Summit</title>\
                 <link>{link}</link><guid>p</guid><description>The feed's own summary.</description></item>\
                 </channel></rss>"
            ),
        ),
    );
    srv.route(
        "/crowded.html",
        Reply::ok(
            "text/html",
            format!(
                "<html><body><article><h1>Summit</h1>{}</article></body></html>",
                countries(16)
            ),
        ),
    );
    let home = Home::with_feeds(&[]);
    home.follow(&[srv.url("/f.rss")], "max_entities = 10\n");
    home.fetch_with_pages("0 pages extracted, 1 failed");
    let story = home.json(&["show", "1", "--json"]);
    assert_eq!(story["text"], "The feed's own summary.");
    let store = byline::store::Store::open(&home.cache()).expect("cache");
    let (_, error) = store
        .page_attempts(byline::model::StoryId(1))
        .expect("attempts");
    assert_eq!(
        error.as_deref(),
        Some(
            "the page names 16 distinct people, places and organisations, \
             more than the max_entities limit of 10"
        )
    );
}
