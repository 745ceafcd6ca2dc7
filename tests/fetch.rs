//! The fetcher against a loopback server: HTTP behaviour and feed parsing.

mod support;

use std::time::Duration;

use byline::config::FetchConfig;
use byline::fetch::feed::{self, FeedError};
use byline::fetch::http::{Body, FeedResponse, FetchError, HttpClient};
use byline::model::{ParsedFeed, Validators};
use chrono::{TimeDelta, Utc};
use support::{Reply, TestServer};

const RSS: &str = "application/rss+xml";

fn config() -> FetchConfig {
    FetchConfig {
        connect_timeout: 5.0,
        timeout: 10.0,
        max_feed_bytes: 1024 * 1024,
        max_page_bytes: 1024 * 1024,
        max_retry_wait: 2.0,
        ..FetchConfig::default()
    }
}

fn client() -> HttpClient {
    HttpClient::new(&config()).unwrap()
}

/// An RSS 2.0 document around these `<item>`s.
fn rss(items: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>Test Wire</title><link>https://wire.example.com/</link>{items}</channel></rss>"
    )
}

async fn body(client: &HttpClient, url: &str) -> Result<Body, FetchError> {
    match client.get_feed(url, &Validators::default()).await? {
        FeedResponse::Body(body) => Ok(body),
        FeedResponse::NotModified => panic!("unexpected 304 without validators"),
    }
}

async fn fetch_err(srv: &TestServer, path: &str) -> FetchError {
    body(&client(), &srv.url(path)).await.unwrap_err()
}

/// Serves `reply`, fetches it and parses it as a feed.
async fn serve_and_parse(reply: Reply) -> Result<ParsedFeed, FeedError> {
    let srv = TestServer::start();
    srv.route("/feed", reply);
    let b = body(&client(), &srv.url("/feed")).await.unwrap();
    feed::parse(&b.bytes, b.content_type.as_deref(), &b.final_url, 100)
}

#[tokio::test]
async fn conditional_get_round_trips_the_validators() {
    let srv = TestServer::start();
    let date = "Mon, 10 Mar 2025 12:00:00 GMT";
    srv.route(
        "/feed.xml",
        Reply::ok(RSS, rss("<item><guid>a</guid><title>A</title></item>"))
            .etag("\"v1\"")
            .last_modified(date),
    );
    let client = client();
    let first = body(&client, &srv.url("/feed.xml")).await.unwrap();
    assert_eq!(first.validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(first.validators.last_modified.as_deref(), Some(date));
    let second = client.get_feed(&srv.url("/feed.xml"), &first.validators).await.unwrap();
    assert_eq!(second, FeedResponse::NotModified);
    let sent = srv.last_request_headers("/feed.xml").unwrap();
    assert_eq!(sent["if-none-match"], "\"v1\"");
    assert_eq!(sent["if-modified-since"], date);
}

#[tokio::test]
async fn a_404_is_named_in_words() {
    let srv = TestServer::start();
    let err = fetch_err(&srv, "/missing.xml").await;
    assert_eq!(err.to_string(), "the server answered 404 Not Found");
    assert_eq!(err.status_code(), Some(404));
}

#[tokio::test]
async fn a_500_is_named_in_words() {
    let srv = TestServer::start();
    srv.route("/feed", Reply::status(500));
    let err = fetch_err(&srv, "/feed").await;
    assert_eq!(err.to_string(), "the server answered 500 Internal Server Error");
}

#[tokio::test]
async fn a_short_retry_after_is_waited_for_once() {
    let srv = TestServer::start();
    let ok = Reply::ok(RSS, rss("<item><guid>r</guid><title>Back</title></item>"));
    srv.route_sequence("/feed", vec![Reply::retry_after(429, "1"), ok]);
    let b = body(&client(), &srv.url("/feed")).await.unwrap();
    assert!(String::from_utf8_lossy(&b.bytes).contains("Back"));
    assert_eq!(srv.hits("/feed"), 2);
}

#[tokio::test]
async fn a_long_retry_after_fails_with_the_retry_time() {
    let srv = TestServer::start();
    let later = Utc::now() + TimeDelta::hours(2);
    let http_date = later.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    srv.route("/dated", Reply::retry_after(503, &http_date));
    srv.route("/seconds", Reply::retry_after(429, "3600"));

    let err = fetch_err(&srv, "/dated").await;
    let at = err.retry_at().expect("the error carries the retry time");
    assert!((at - later).num_seconds().abs() <= 1, "{at} vs {later}");
    assert!(err.to_string().starts_with("the server answered 503 Service Unavailable and asks to retry after"));
    assert_eq!(srv.hits("/dated"), 1);

    let err = fetch_err(&srv, "/seconds").await;
    let at = err.retry_at().expect("the error carries the retry time");
    assert!(at > Utc::now() + TimeDelta::minutes(59));
    assert_eq!(srv.hits("/seconds"), 1);
}

#[tokio::test]
async fn a_body_that_never_ends_times_out() {
    let srv = TestServer::start();
    srv.route("/slow", Reply::trickle(RSS));
    let client = HttpClient::new(&FetchConfig {
        timeout: 1.0,
        ..config()
    })
    .unwrap();
    let err = body(&client, &srv.url("/slow")).await.unwrap_err();
    assert_eq!(err, FetchError::Timeout { secs: 1.0 });
    assert_eq!(err.to_string(), "timed out after 1 s");
}

#[tokio::test]
async fn a_50_mb_body_is_too_large() {
    let srv = TestServer::start();
    srv.route("/big", Reply::huge(RSS, 50 * 1024 * 1024));
    let err = fetch_err(&srv, "/big").await;
    assert_eq!(err.to_string(), "the feed is larger than the 1 MiB limit");
}

#[tokio::test]
async fn a_page_over_its_cap_is_too_large() {
    let srv = TestServer::start();
    srv.route("/page", Reply::huge("text/html", 3 * 1024 * 1024));
    let err = client().get_page(&srv.url("/page")).await.unwrap_err();
    assert_eq!(err.to_string(), "the page is larger than the 1 MiB limit");
}

#[tokio::test]
async fn a_gzip_bomb_stops_at_the_cap() {
    let srv = TestServer::start();
    srv.route("/bomb", Reply::gzip_bomb(RSS));
    let err = fetch_err(&srv, "/bomb").await;
    assert!(matches!(err, FetchError::TooLarge { what: "feed", .. }), "{err:?}");
}

#[tokio::test]
async fn a_redirect_loop_is_reported() {
    let srv = TestServer::start();
    srv.route("/a", Reply::redirect(302, "/b"));
    srv.route("/b", Reply::redirect(302, "/a"));
    let err = fetch_err(&srv, "/a").await;
    assert_eq!(err.to_string(), format!("the redirects loop back to {}", srv.url("/a")));
}

#[tokio::test]
async fn too_many_redirects_are_reported() {
    let srv = TestServer::start();
    for i in 0..7 {
        srv.route(&format!("/r{i}"), Reply::redirect(307, &format!("/r{}", i + 1)));
    }
    let err = fetch_err(&srv, "/r0").await;
    assert_eq!(err.to_string(), "redirected more than 5 times");
}

#[tokio::test]
async fn a_permanent_redirect_records_where_the_feed_moved() {
    let srv = TestServer::start();
    srv.route("/old.xml", Reply::redirect(301, "/new.xml"));
    srv.route("/temp.xml", Reply::redirect(302, "/new.xml"));
    srv.route("/new.xml", Reply::ok(RSS, rss("")));
    let client = client();
    let moved = body(&client, &srv.url("/old.xml")).await.unwrap();
    assert_eq!(moved.moved_to.as_deref(), Some(srv.url("/new.xml").as_str()));
    assert_eq!(moved.final_url, srv.url("/new.xml"));
    let temporary = body(&client, &srv.url("/temp.xml")).await.unwrap();
    assert_eq!(temporary.moved_to, None);
    assert_eq!(temporary.final_url, srv.url("/new.xml"));
}

#[tokio::test]
async fn only_http_addresses_are_fetched() {
    let err = body(&client(), "file:///etc/passwd").await.unwrap_err();
    assert!(matches!(err, FetchError::NotHttp { .. }), "{err:?}");
}

#[tokio::test]
async fn a_refused_connection_says_so() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let err = body(&client(), &format!("http://127.0.0.1:{port}/feed")).await.unwrap_err();
    assert_eq!(err.to_string(), "could not connect: connection refused");
}

#[tokio::test]
async fn invalid_xml_gives_the_parser_reason() {
    let broken = rss("<item><title>Unclosed</item>");
    let err = serve_and_parse(Reply::ok(RSS, broken)).await.unwrap_err();
    let text = err.to_string();
    assert!(text.starts_with("the feed is not valid XML: "), "{text}");
    assert!(text.len() > "the feed is not valid XML: ".len() + 5, "{text}");
}

#[tokio::test]
async fn an_html_page_is_not_a_feed() {
    let page = "<!DOCTYPE html>\n<html><head><title>Home</title></head><body><p>Hi</p></body></html>";
    let err = serve_and_parse(Reply::ok("text/html; charset=utf-8", page)).await.unwrap_err();
    assert_eq!(err, FeedError::HtmlPage);
    assert!(err.to_string().contains("a web page, not a feed"));
}

#[tokio::test]
async fn a_windows_1252_feed_declared_utf8_keeps_its_characters() {
    let mut doc = Vec::new();
    doc.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>");
    doc.extend_from_slice(b"<title>Caf\xe9 Society</title><item><guid>c1</guid>");
    doc.extend_from_slice(b"<title>\x93Caf\xe9\x94 reopens \x96 it\x92s back</title></item></channel></rss>");
    let parsed = serve_and_parse(Reply::ok("application/rss+xml; charset=utf-8", doc)).await.unwrap();
    assert_eq!(parsed.title.as_deref(), Some("Café Society"));
    assert_eq!(parsed.items[0].title, "\u{201c}Café\u{201d} reopens \u{2013} it\u{2019}s back");
}

#[tokio::test]
async fn items_without_guid_get_the_same_key_every_time() {
    let doc = rss(
        "<item><title>Linked</title><link>https://wire.example.com/a</link></item>\
         <item><title>Bare</title><pubDate>Mon, 10 Mar 2025 12:00:00 GMT</pubDate></item>",
    );
    let first = serve_and_parse(Reply::ok(RSS, doc.clone())).await.unwrap();
    let second = feed::parse(doc.as_bytes(), None, "https://wire.example.com/rss", 100).unwrap();
    let keys = |f: &ParsedFeed| f.items.iter().map(|i| i.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&first), keys(&second));
    assert_eq!(first.items.len(), 2);
    assert_ne!(first.items[0].key, first.items[1].key);
    assert!(first.items.iter().all(|i| !i.key.is_empty()));
}

#[tokio::test]
async fn a_repeated_guid_keeps_the_first_item() {
    let doc = rss(
        "<item><guid>dup</guid><title>First</title></item>\
         <item><guid>other</guid><title>Other</title></item>\
         <item><guid>dup</guid><title>Second</title></item>",
    );
    let parsed = serve_and_parse(Reply::ok(RSS, doc)).await.unwrap();
    let titles: Vec<&str> = parsed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["First", "Other"]);
}

#[tokio::test]
async fn absurd_or_broken_dates_become_none() {
    let doc = rss(
        "<item><guid>1</guid><title>Zero</title><pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate></item>\
         <item><guid>2</guid><title>Future</title><pubDate>Fri, 01 Jan 2999 00:00:00 GMT</pubDate></item>\
         <item><guid>3</guid><title>Junk</title><pubDate>last Tuesday-ish</pubDate></item>\
         <item><guid>4</guid><title>Good</title><pubDate>Mon, 10 Mar 2025 12:00:00 GMT</pubDate></item>",
    );
    let parsed = serve_and_parse(Reply::ok(RSS, doc)).await.unwrap();
    let dates: Vec<_> = parsed.items.iter().map(|i| i.published).collect();
    assert_eq!(&dates[..3], &[None, None, None]);
    assert_eq!(dates[3].map(|d| d.to_rfc3339()).as_deref(), Some("2025-03-10T12:00:00+00:00"));
}

#[tokio::test]
async fn escape_sequences_and_bidi_overrides_are_stripped() {
    let title = "Red\u{1b}[31m alert \u{1b}]8;;https://evil.example/\u{7}click\u{1b}]8;;\u{7} \u{202e}txet";
    let doc = rss(&format!(
        "<item><guid>x</guid><title>{title}</title><author>Ann\u{1b}[2J Lee</author>\
         <description>body\u{1b}]0;owned\u{7} text</description></item>"
    ));
    let parsed = serve_and_parse(Reply::ok(RSS, doc)).await.unwrap();
    let item = &parsed.items[0];
    assert_eq!(item.title, "Red alert click txet");
    assert_eq!(item.author.as_deref(), Some("Ann Lee"));
    assert_eq!(item.summary_html.as_deref(), Some("body text"));
}

#[tokio::test]
async fn requests_to_one_host_stay_within_the_per_host_limit() {
    let srv = TestServer::start();
    let paths: Vec<String> = (0..12).map(|i| format!("/p{i}")).collect();
    for p in &paths {
        srv.route(p, Reply::ok(RSS, rss("")).delay(Duration::from_millis(100)));
    }
    let client = HttpClient::new(&FetchConfig {
        per_host: 3,
        concurrency: 16,
        ..config()
    })
    .unwrap();
    let fetches = paths.iter().map(|p| {
        let client = client.clone();
        let url = srv.url(p);
        async move { body(&client, &url).await }
    });
    let results = futures_util::future::join_all(fetches).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    let max = srv.max_in_flight();
    assert!((1..=3).contains(&max), "{max} requests were in flight at once");
}

#[tokio::test]
async fn a_gzip_encoded_feed_is_decoded() {
    let doc = rss("<item><guid>g</guid><title>Squeezed</title></item>");
    let parsed = serve_and_parse(Reply::gzip(RSS, doc)).await.unwrap();
    assert_eq!(parsed.items[0].title, "Squeezed");
}

#[tokio::test]
async fn the_user_agent_and_accept_encoding_are_sent() {
    let srv = TestServer::start();
    srv.route("/feed", Reply::ok(RSS, rss("")));
    body(&client(), &srv.url("/feed")).await.unwrap();
    let sent = srv.last_request_headers("/feed").unwrap();
    assert_eq!(sent["user-agent"], FetchConfig::default().user_agent());
    assert!(sent["user-agent"].starts_with("Byline/"));
    assert!(sent["accept-encoding"].contains("gzip"), "{sent:?}");

    let custom = HttpClient::new(&FetchConfig {
        user_agent: "MyReader/2".into(),
        ..config()
    })
    .unwrap();
    body(&custom, &srv.url("/feed")).await.unwrap();
    assert_eq!(srv.last_request_headers("/feed").unwrap()["user-agent"], "MyReader/2");
}
