//! Feed documents served by the loopback server, fetched and parsed.

use super::*;

#[tokio::test]
async fn invalid_xml_gives_the_parser_reason() {
    let broken = rss("<item><title>Unclosed</item>");
    let err = serve_and_parse(Reply::ok(RSS, broken))
        .await
        .expect_err("the feed is refused");
    let text = err.to_string();
    assert!(text.starts_with("the feed is not valid XML: "), "{text}");
    assert!(
        text.len() > "the feed is not valid XML: ".len() + 5,
        "{text}"
    );
}

#[tokio::test]
async fn an_html_page_is_not_a_feed() {
    let page =
        "<!DOCTYPE html>\n<html><head><title>Home</title></head><body><p>Hi</p></body></html>";
    let err = serve_and_parse(Reply::ok("text/html; charset=utf-8", page))
        .await
        .expect_err("the feed is refused");
    assert_eq!(err, FeedError::HtmlPage);
    assert!(err.to_string().contains("a web page, not a feed"));
}

#[tokio::test]
async fn a_windows_1252_feed_declared_utf8_keeps_its_characters() {
    let mut doc = Vec::new();
    doc.extend_from_slice(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>",
    );
    doc.extend_from_slice(b"<title>Caf\xe9 Society</title><item><guid>c1</guid>");
    doc.extend_from_slice(
        b"<title>\x93Caf\xe9\x94 reopens \x96 it\x92s back</title></item></channel></rss>",
    );
    let parsed = serve_and_parse(Reply::ok("application/rss+xml; charset=utf-8", doc))
        .await
        .expect("the feed parses");
    assert_eq!(parsed.title.as_deref(), Some("Café Society"));
    assert_eq!(
        parsed.items[0].title,
        "\u{201c}Café\u{201d} reopens \u{2013} it\u{2019}s back"
    );
}

#[tokio::test]
async fn items_without_guid_get_the_same_key_every_time() {
    let doc = rss(
        "<item><title>Linked</title><link>https://wire.example.com/a</link></item>\
         <item><title>Bare</title><pubDate>Mon, 10 Mar 2025 12:00:00 GMT</pubDate></item>",
    );
    let first = serve_and_parse(Reply::ok(RSS, doc.clone()))
        .await
        .expect("the feed parses");
    let second = feed::parse(doc.as_bytes(), None, "https://wire.example.com/rss", 100)
        .expect("the feed parses");
    let keys = |f: &ParsedFeed| f.items.iter().map(|i| i.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&first), keys(&second));
    assert_eq!(first.items.len(), 2);
    assert_ne!(first.items[0].key, first.items[1].key);
    assert!(first.items.iter().all(|i| !i.key.is_empty()));
}

#[tokio::test]
async fn a_repeated_guid_keeps_the_first_item() {
    let doc = rss("<item><guid>dup</guid><title>First</title></item>\
         <item><guid>other</guid><title>Other</title></item>\
         <item><guid>dup</guid><title>Second</title></item>");
    let parsed = serve_and_parse(Reply::ok(RSS, doc))
        .await
        .expect("the feed parses");
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
    let parsed = serve_and_parse(Reply::ok(RSS, doc))
        .await
        .expect("the feed parses");
    let dates: Vec<_> = parsed.items.iter().map(|i| i.published).collect();
    assert_eq!(&dates[..3], &[None, None, None]);
    assert_eq!(
        dates[3].map(|d| d.to_rfc3339()).as_deref(),
        Some("2025-03-10T12:00:00+00:00")
    );
}

#[tokio::test]
async fn escape_sequences_and_bidi_overrides_are_stripped() {
    let title =
        "Red\u{1b}[31m alert \u{1b}]8;;https://evil.example/\u{7}click\u{1b}]8;;\u{7} \u{202e}txet";
    let doc = rss(&format!(
        "<item><guid>x</guid><title>{title}</title><author>Ann\u{1b}[2J Lee</author>\
         <description>body\u{1b}]0;owned\u{7} text</description></item>"
    ));
    let parsed = serve_and_parse(Reply::ok(RSS, doc))
        .await
        .expect("the feed parses");
    let item = &parsed.items[0];
    assert_eq!(item.title, "Red alert click txet");
    assert_eq!(item.author.as_deref(), Some("Ann Lee"));
    assert_eq!(item.summary_html.as_deref(), Some("body text"));
}

#[tokio::test]
async fn a_gzip_encoded_feed_is_decoded() {
    let doc = rss("<item><guid>g</guid><title>Squeezed</title></item>");
    let parsed = serve_and_parse(Reply::gzip(RSS, doc))
        .await
        .expect("the feed parses");
    assert_eq!(parsed.items[0].title, "Squeezed");
}

#[tokio::test]
async fn a_declared_latin1_feed_is_honoured() {
    let mut doc = Vec::new();
    doc.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\">");
    doc.extend_from_slice(b"<channel><title>Z\xfcrich Notes</title><item><guid>z1</guid>");
    doc.extend_from_slice(b"<title>Gr\xfc\xdfe aus Z\xfcrich</title></item></channel></rss>");
    let parsed = serve_and_parse(Reply::ok("text/xml", doc))
        .await
        .expect("the feed parses");
    assert_eq!(parsed.title.as_deref(), Some("Zürich Notes"));
    assert_eq!(parsed.items[0].title, "Grüße aus Zürich");
}
