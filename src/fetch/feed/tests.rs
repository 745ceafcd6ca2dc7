//! The four feed formats, from fixtures written for Byline.

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn date(s: &str) -> Option<DateTime<Utc>> {
    Some(
        DateTime::parse_from_rfc3339(s)
            .expect("a valid test date")
            .with_timezone(&Utc),
    )
}

#[test]
fn rss_1_0_items_get_links_keys_authors_and_dates() {
    let feed = parse(
        &fixture("rss10.rdf"),
        None,
        "https://wire.example.org/rss",
        100,
    )
    .expect("the fixture parses");
    assert_eq!(feed.title.as_deref(), Some("Harbour Town Wire"));
    assert_eq!(feed.site_url.as_deref(), Some("https://wire.example.org/"));
    assert_eq!(feed.items.len(), 2);
    let strike = &feed.items[0];
    assert_eq!(strike.title, "Ferry crews vote to strike over night shifts");
    assert_eq!(
        strike.url.as_deref(),
        Some("https://wire.example.org/2025/ferry-strike?utm_source=rss")
    );
    assert_eq!(
        strike.canonical_url.as_deref(),
        Some("https://wire.example.org/2025/ferry-strike")
    );
    assert_eq!(strike.author.as_deref(), Some("Mira Castellanos"));
    assert_eq!(strike.published, date("2025-03-10T06:15:00Z"));
    // RSS 1.0 items have no guid: the key comes from the link.
    assert!(strike.key.starts_with("byline:"), "{}", strike.key);
    let lighthouse = &feed.items[1];
    assert_eq!(
        lighthouse.url.as_deref(),
        Some("https://wire.example.org/2025/lighthouse")
    );
    assert_eq!(
        lighthouse.summary_html.as_deref(),
        Some("The keeper's cottage now holds a café.")
    );
    assert_eq!(lighthouse.published, None);
    assert_ne!(strike.key, lighthouse.key);
}

#[test]
fn rss_0_91_is_read() {
    let feed = parse(
        &fixture("rss091.xml"),
        None,
        "http://gazette.example.net/rss.xml",
        100,
    )
    .expect("the fixture parses");
    assert_eq!(feed.title.as_deref(), Some("Valley Gazette"));
    let titles: Vec<&str> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Bridge repairs finish two weeks early",
            "Library extends its opening hours"
        ]
    );
    assert_eq!(
        feed.items[0].summary_html.as_deref(),
        Some("Traffic returns to the river crossing on Monday.")
    );
    assert_eq!(feed.items[1].summary_html, None);
}

#[test]
fn atom_entries_keep_ids_resolve_relative_links_and_join_authors() {
    let feed = parse(
        &fixture("atom.xml"),
        None,
        "https://ledger.example.com/atom.xml",
        100,
    )
    .expect("the fixture parses");
    assert_eq!(feed.title.as_deref(), Some("Northern Ledger"));
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://ledger.example.com/")
    );
    let tram = &feed.items[0];
    assert_eq!(tram.key, "tag:ledger.example.com,2025:tram");
    assert_eq!(
        tram.url.as_deref(),
        Some("https://ledger.example.com/stories/tram-line#top")
    );
    assert_eq!(
        tram.canonical_url.as_deref(),
        Some("https://ledger.example.com/stories/tram-line")
    );
    assert_eq!(tram.author.as_deref(), Some("Jonas Lindqvist, Aiko Tanabe"));
    assert_eq!(tram.published, date("2025-03-11T07:30:00Z"));
    assert_eq!(tram.summary_html.as_deref(), Some("A vote of 31 to 12."));
    assert_eq!(
        tram.content_html.as_deref(),
        Some("<p>The council voted <b>31 to 12</b>.</p>")
    );
    // No <published>: the update time stands in.
    assert_eq!(feed.items[1].published, date("2025-03-10T17:00:00Z"));
}

#[test]
fn json_feed_items_are_read() {
    let feed = parse(
        &fixture("feed.json"),
        Some("application/feed+json"),
        "https://coastline.example.com/feed.json",
        100,
    )
    .expect("the fixture parses");
    assert_eq!(feed.title.as_deref(), Some("Coastline Daily"));
    assert_eq!(
        feed.site_url.as_deref(),
        Some("https://coastline.example.com/")
    );
    let tides = &feed.items[0];
    assert_eq!(tides.key, "cd-2025-0042");
    assert_eq!(tides.title, "Record tides expected this weekend");
    assert_eq!(
        tides.canonical_url.as_deref(),
        Some("https://coastline.example.com/tides?page=2")
    );
    assert_eq!(tides.author.as_deref(), Some("Priya Raman"));
    assert_eq!(tides.published, date("2025-03-09T12:00:00Z"));
    assert_eq!(
        tides.content_html.as_deref(),
        Some("<p>Forecasters warn of <em>unusually</em> high water.</p>")
    );
    assert_eq!(feed.items[1].key, "cd-2025-0043");
}

#[test]
fn at_most_max_items_are_kept() {
    let feed = parse(
        &fixture("atom.xml"),
        None,
        "https://ledger.example.com/atom.xml",
        1,
    )
    .expect("the fixture parses");
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].title, "Council approves the new tram line");
    let all = parse(
        &fixture("atom.xml"),
        None,
        "https://ledger.example.com/atom.xml",
        100,
    )
    .expect("the fixture parses");
    assert_eq!(feed.left_out, all.items.len() - 1);
    assert_eq!(all.left_out, 0);
}

/// Items repeated past the limit are not counted as left out: the feed
/// lists three distinct items, not five.
#[test]
fn repeats_past_the_limit_are_not_counted_as_left_out() {
    let item = |g: &str| {
        format!(
            "<item><title>Story {g}</title><link>https://w.example/{g}</link><guid>{g}</guid></item>"
        )
    };
    let items: String = ["a", "b", "c", "c", "b"].iter().map(|g| item(g)).collect();
    let rss = format!("<rss version=\"2.0\"><channel><title>W</title>{items}</channel></rss>");
    let feed = parse(rss.as_bytes(), None, "https://w.example/rss", 2).expect("parses");
    assert_eq!(feed.items.len(), 2);
    assert_eq!(feed.left_out, 1);
}

#[test]
fn a_json_document_that_is_not_a_feed_is_refused() {
    let err = parse(b"{\"hello\": 1}", None, "https://x.example/", 10).expect_err("not a feed");
    assert!(matches!(err, FeedError::InvalidJson { .. }), "{err:?}");
}

/// A JSON Feed with a value of the wrong type: serde's message would quote
/// the value Rust-escaped, sequences and all, into the stored and logged
/// error; the error says what was expected and where, not what was sent.
#[test]
fn a_json_error_does_not_repeat_the_feeds_values() {
    let json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Quay\", \
                \"items\": \"\\u001b[31mRed\\u001b]0;pwned\\u0007 \u{9b}2J \u{202e}Bidi\"}";
    let err = parse(json.as_bytes(), None, "https://x.example/", 10).expect_err("items is no list");
    let shown = err.to_string();
    assert!(matches!(err, FeedError::InvalidJson { .. }), "{shown}");
    assert!(shown.contains("expected a sequence at line 1"), "{shown}");
    for residue in ["[31m", "]0;", "pwned", "\\u{", "Red", "Bidi", "2J"] {
        assert!(!shown.contains(residue), "{residue:?} in {shown}");
    }
}

/// A parser's message that quotes a long stretch of the document stays one
/// short line.
#[test]
fn a_parser_message_quoting_the_document_is_cut_short() {
    let long = "v".repeat(100_000);
    let json = format!("{{\"version\": \"https://jsonfeed.org/version/{long}\", \"items\": []}}");
    let rss = format!("<rss version=\"2.0\"><channel><title>t</title></chan{long}></rss>");
    for doc in [json, rss] {
        let err = parse(doc.as_bytes(), None, "https://x.example/", 10).expect_err("broken");
        let shown = err.to_string();
        assert!(
            shown.chars().count() < 260,
            "{} chars: {}",
            shown.len(),
            &shown[..300]
        );
        assert!(shown.starts_with("the feed is not"), "{shown}");
    }
}

/// feed-rs 3.0 panics on an address that touches a non-ASCII character in a
/// person field; the feed still gives every item, authors included.
#[test]
fn an_address_next_to_a_curly_quote_in_person_fields_loses_nothing() {
    let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\" \
        xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel><title>Quay Wire</title>\
        <managingEditor>desk@quay.example&#8221;x</managingEditor>\
        <item><title>Tide gates close early</title><link>http://quay.example/a</link>\
        <author>“ana@quay.example”</author></item>\
        <item><title>Night ferry returns</title><link>http://quay.example/b</link>\
        <dc:creator>Bo Lind «bo@quay.example»</dc:creator></item></channel></rss>";
    let feed = parse(rss.as_bytes(), None, "http://quay.example/rss", 10).expect("the feed parses");
    assert_eq!(feed.title.as_deref(), Some("Quay Wire"));
    let titles: Vec<_> = feed.items.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Tide gates close early", "Night ferry returns"]);
    assert_eq!(feed.items[0].author.as_deref(), Some("“ana@quay.example”"));
    assert_eq!(
        feed.items[1].author.as_deref(),
        Some("Bo Lind «bo@quay.example»")
    );
}

#[test]
fn a_json_feed_author_address_next_to_a_quote_mark_loses_nothing() {
    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Quay Wire",
        "items": [{"id": "q1", "url": "http://quay.example/c", "title": "Harbour fees rise",
                   "authors": [{"name": "“desk@quay.example”"}]}]}"#;
    let feed =
        parse(json.as_bytes(), None, "http://quay.example/feed.json", 10).expect("the feed parses");
    assert_eq!(feed.items.len(), 1);
    assert_eq!(feed.items[0].title, "Harbour fees rise");
    assert_eq!(feed.items[0].author.as_deref(), Some("“desk@quay.example”"));
}
