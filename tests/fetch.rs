//! The fetcher against a loopback server: HTTP behaviour and feed parsing.

mod support;

#[path = "fetch/parsing.rs"]
mod parsing;

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
    HttpClient::new(&config()).expect("the test config builds a client")
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
    body(&client(), &srv.url(path))
        .await
        .expect_err("the fetch fails")
}

/// Serves `reply`, fetches it and parses it as a feed.
async fn serve_and_parse(reply: Reply) -> Result<ParsedFeed, FeedError> {
    let srv = TestServer::start();
    srv.route("/feed", reply);
    let b = body(&client(), &srv.url("/feed"))
        .await
        .expect("the fetch succeeds");
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
    let first = body(&client, &srv.url("/feed.xml"))
        .await
        .expect("the fetch succeeds");
    assert_eq!(first.validators.etag.as_deref(), Some("\"v1\""));
    assert_eq!(first.validators.last_modified.as_deref(), Some(date));
    let second = client
        .get_feed(&srv.url("/feed.xml"), &first.validators)
        .await
        .expect("the conditional fetch succeeds");
    assert_eq!(second, FeedResponse::NotModified);
    let sent = srv
        .last_request_headers("/feed.xml")
        .expect("a request arrived");
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
    assert_eq!(
        err.to_string(),
        "the server answered 500 Internal Server Error"
    );
}

#[tokio::test]
async fn a_short_retry_after_is_waited_for_once() {
    let srv = TestServer::start();
    let ok = Reply::ok(RSS, rss("<item><guid>r</guid><title>Back</title></item>"));
    srv.route_sequence("/feed", vec![Reply::retry_after(429, "1"), ok]);
    let b = body(&client(), &srv.url("/feed"))
        .await
        .expect("the fetch succeeds");
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
    assert!(
        err.to_string()
            .starts_with("the server answered 503 Service Unavailable and asks to retry after")
    );
    assert_eq!(srv.hits("/dated"), 1);

    let err = fetch_err(&srv, "/seconds").await;
    let at = err.retry_at().expect("the error carries the retry time");
    assert!(at > Utc::now() + TimeDelta::minutes(59));
    assert_eq!(srv.hits("/seconds"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_never_ends_times_out() {
    let srv = TestServer::start();
    srv.route("/slow", Reply::trickle(RSS));
    let client = HttpClient::new(&FetchConfig {
        timeout: 1.0,
        ..config()
    })
    .expect("the client builds");
    let err = body(&client, &srv.url("/slow"))
        .await
        .expect_err("the fetch fails");
    assert_eq!(err, FetchError::Timeout { secs: 1.0 });
    assert_eq!(err.to_string(), "timed out after 1 s");
    // The client hung up, so the server's endless reply must have stopped.
    // The wait blocks this thread, so the runtime's other worker closes the
    // connection.
    drop(client);
    assert!(tokio::task::block_in_place(
        || srv.wait_until_idle(Duration::from_secs(10))
    ));
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
    let err = client()
        .get_page(&srv.url("/page"))
        .await
        .expect_err("the fetch fails");
    assert_eq!(err.to_string(), "the page is larger than the 1 MiB limit");
}

#[tokio::test]
async fn a_gzip_bomb_stops_at_the_cap() {
    let srv = TestServer::start();
    srv.route("/bomb", Reply::gzip_bomb(RSS));
    let err = fetch_err(&srv, "/bomb").await;
    assert!(
        matches!(err, FetchError::TooLarge { what: "feed", .. }),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_redirect_loop_is_reported() {
    let srv = TestServer::start();
    srv.route("/a", Reply::redirect(302, "/b"));
    srv.route("/b", Reply::redirect(302, "/a"));
    let err = fetch_err(&srv, "/a").await;
    assert_eq!(
        err.to_string(),
        format!("the redirects loop back to {}", srv.url("/a"))
    );
}

#[tokio::test]
async fn too_many_redirects_are_reported() {
    let srv = TestServer::start();
    for i in 0..7 {
        srv.route(
            &format!("/r{i}"),
            Reply::redirect(307, &format!("/r{}", i + 1)),
        );
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
    let moved = body(&client, &srv.url("/old.xml"))
        .await
        .expect("the fetch succeeds");
    assert_eq!(
        moved.moved_to.as_deref(),
        Some(srv.url("/new.xml").as_str())
    );
    assert_eq!(moved.final_url, srv.url("/new.xml"));
    let temporary = body(&client, &srv.url("/temp.xml"))
        .await
        .expect("the fetch succeeds");
    assert_eq!(temporary.moved_to, None);
    assert_eq!(temporary.final_url, srv.url("/new.xml"));
}

#[tokio::test]
async fn only_http_addresses_are_fetched() {
    let err = body(&client(), "file:///etc/passwd")
        .await
        .expect_err("the fetch fails");
    assert!(matches!(err, FetchError::NotHttp { .. }), "{err:?}");
}

#[tokio::test]
async fn a_refused_connection_says_so() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("a bound port has an address")
        .port();
    let err = body(&client(), &format!("http://127.0.0.1:{port}/feed"))
        .await
        .expect_err("nothing listens there");
    assert_eq!(err.to_string(), "could not connect: connection refused");
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
    .expect("the client builds");
    let fetches = paths.iter().map(|p| {
        let client = client.clone();
        let url = srv.url(p);
        async move { body(&client, &url).await }
    });
    let results = futures_util::future::join_all(fetches).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    let max = srv.max_in_flight();
    assert!(
        (1..=3).contains(&max),
        "{max} requests were in flight at once"
    );
}

#[tokio::test]
async fn the_user_agent_and_accept_encoding_are_sent() {
    let srv = TestServer::start();
    srv.route("/feed", Reply::ok(RSS, rss("")));
    body(&client(), &srv.url("/feed"))
        .await
        .expect("the fetch succeeds");
    let sent = srv
        .last_request_headers("/feed")
        .expect("a request arrived");
    assert_eq!(sent["user-agent"], FetchConfig::default().user_agent());
    assert!(sent["user-agent"].starts_with("Byline/"));
    assert!(sent["accept-encoding"].contains("gzip"), "{sent:?}");

    let custom = HttpClient::new(&FetchConfig {
        user_agent: "MyReader/2".into(),
        ..config()
    })
    .expect("the client builds");
    body(&custom, &srv.url("/feed"))
        .await
        .expect("the fetch succeeds");
    assert_eq!(
        srv.last_request_headers("/feed")
            .expect("a request arrived")["user-agent"],
        "MyReader/2"
    );
}

#[test]
fn dropping_the_test_server_ends_its_endless_replies() {
    use std::io::{Read, Write};
    let srv = TestServer::start();
    srv.route("/slow", Reply::trickle(RSS));
    let mut conn = std::net::TcpStream::connect(srv.addr()).expect("the server accepts");
    conn.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a read time-out can be set");
    conn.write_all(b"GET /slow HTTP/1.1\r\nHost: test\r\n\r\n")
        .expect("the request is sent");
    let mut first = [0u8; 64];
    let n = conn.read(&mut first).expect("the reply starts");
    assert!(first[..n].starts_with(b"HTTP/1.1 200 OK"));
    drop(srv);
    // The reply ends (EOF) instead of trickling on; a time-out would be an error.
    let mut rest = Vec::new();
    conn.read_to_end(&mut rest)
        .expect("the server closes the connection");
}
