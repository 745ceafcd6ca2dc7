//! Property tests: feed parsing, page extraction and analysis on arbitrary
//! bytes and strings, and on soups of the tokens real documents are made
//! of. None may panic; every offset they give must lie within the text, on
//! a character (offsets count Unicode scalar values), and name the words
//! it claims to.

use byline::analyze;
use byline::extract;
use byline::fetch::feed;
use byline::model::Article;
use byline::sanitize::is_unsafe;
use proptest::prelude::*;

/// Cases per property: enough to find the common failures, few enough for
/// CI; `PROPTEST_CASES` asks for more in a longer run by hand.
fn cases(n: u32) -> ProptestConfig {
    let wanted = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok());
    ProptestConfig {
        cases: wanted.unwrap_or(n),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Words and marks of wire copy, with the characters that break offsets:
/// multi-byte letters, combining marks, emoji, CJK, controls, quotes.
const WORDS: &[&str] = &[
    "Kim Jong Un",
    "said",
    "Mira",
    "Castellanos",
    "the",
    "President",
    "of",
    "France",
    "Chile",
    "United Nations",
    "Georgia",
    "Jordan",
    "Paris",
    "told",
    "reporters",
    "according",
    "to",
    "he",
    "she",
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    ",",
    ".",
    ";",
    ":",
    "—",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    "é",
    "e\u{301}",
    "İstanbul",
    "ß",
    "👩‍👩‍👧",
    "北京",
    "Ελλάδα",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{0}",
    "\t",
    "Mr.",
    "U.S.",
    "O'Neil",
    "McDonald",
    "von",
    "der",
    "Leyen",
    "Al-Sisi",
    " ",
];

/// Tags and entities of news pages, well formed or not.
const HTML: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"story-body\">",
    "</div>",
    "<article>",
    "</article>",
    "<h1>",
    "</h1>",
    "<a href=\"/x\">",
    "<a href=\"javascript:alert(1)\">",
    "<a href='https://a.example/é'>",
    "</a>",
    "<br>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "&#xD800;",
    "&#99999999;",
    "&nbsp;",
    "&",
    "<",
    ">",
    "=",
    "\"",
    "<figure><figcaption>",
    "</figcaption></figure>",
    "<nav>",
    "<table><tr><td>",
    "<p class=\"byline\">By ",
    "<time datetime=\"2026-11-24T10:00:00Z\">",
    "<meta charset=\"utf-8\">",
    "<li>",
    "<ul>",
    "<b>",
    "<i>",
    "<svg>",
    "<math>",
    "<template>",
    "<textarea>",
    "<title>",
];

/// Pieces of RSS, Atom and JSON feeds.
const FEED: &[&str] = &[
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
    "<?xml version=\"1.0\" encoding=\"windows-1252\"?>",
    "<rss version=\"2.0\">",
    "</rss>",
    "<channel>",
    "</channel>",
    "<item>",
    "</item>",
    "<title>",
    "</title>",
    "<link>",
    "</link>",
    "http://a.example/s/1",
    "javascript:alert(1)",
    "<guid>",
    "</guid>",
    "<pubDate>",
    "</pubDate>",
    "Tue, 24 Nov 2026 10:00:00 GMT",
    "Mon, 01 Jan 0001 00:00:00 GMT",
    "<description>",
    "</description>",
    "&lt;p&gt;",
    "<![CDATA[<p>x</p>]]>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "</feed>",
    "<entry>",
    "</entry>",
    "<id>",
    "</id>",
    "<content type=\"html\">",
    "</content>",
    "<author><name>",
    "</name></author>",
    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"J\",\"items\":[",
    "{\"id\":\"1\",\"url\":\"http://a.example/j\",\"content_html\":\"<p>x</p>\"}",
    "]}",
    ",",
    "\u{1b}]8;;http://evil.example/\u{7}",
    "\u{9b}",
    "é",
    "\u{feff}",
    "&#x1b;",
    "&amp;",
];

fn soup(tokens: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(tokens), 0..max).prop_map(|parts| parts.concat())
}

/// Arbitrary text, or text made of news words and marks.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        soup(WORDS, 80),
        (soup(WORDS, 40), any::<String>()).prop_map(|(a, b)| a + &b)
    ]
}

/// The characters of `text` from `start` to `end`, when that range is in it.
fn chars(text: &[char], start: usize, end: usize) -> Option<String> {
    (start <= end && end <= text.len()).then(|| text[start..end].iter().collect())
}

fn check_analysis(text: &str) -> Result<(), TestCaseError> {
    check_story("", text)?;
    // The same input as a headline line and a text, as a fetched story.
    let (title, rest) = text.split_once('\n').unwrap_or(("", text));
    check_story(title, rest)
}

/// Checks a story's analysis: offsets name their words in `text` (never in
/// the headline), saliences lie in 0..=1, and every speaker is an entity.
fn check_story(title: &str, text: &str) -> Result<(), TestCaseError> {
    let analysis = analyze::analyze_story(title, text);
    let all: Vec<char> = text.chars().collect();
    for entity in &analysis.entities {
        prop_assert!((0.0..=1.0).contains(&entity.salience), "{entity:?}");
        for m in &entity.mentions {
            let named = chars(&all, m.start, m.end);
            prop_assert!(
                named.is_some(),
                "mention {m:?} outside a {}-char text",
                all.len()
            );
            prop_assert_eq!(named.as_deref(), Some(m.text.as_str()), "mention {:?}", m);
        }
    }
    for q in &analysis.quotes {
        let quoted = chars(&all, q.start, q.end);
        prop_assert!(
            quoted.is_some(),
            "quote {q:?} outside a {}-char text",
            all.len()
        );
        prop_assert_eq!(quoted.as_deref(), Some(q.text.as_str()), "quote {:?}", q);
        // The contract: a speaker is the canonical name of an entity of
        // its kind, or null with no kind.
        prop_assert_eq!(
            q.speaker.is_some(),
            q.speaker_kind.is_some(),
            "quote {:?}",
            q
        );
        if let Some(speaker) = &q.speaker {
            prop_assert!(
                analysis
                    .entities
                    .iter()
                    .any(|e| &e.name == speaker && Some(e.kind) == q.speaker_kind),
                "speaker {:?} is no entity of the story: {:?}",
                q,
                analysis.entities
            );
        }
    }
    Ok(())
}

fn check_article(article: &Article) -> Result<(), TestCaseError> {
    let text = article.text();
    let all: Vec<char> = text.chars().collect();
    for link in &article.links {
        let anchor = chars(&all, link.start, link.end);
        prop_assert!(
            anchor.is_some(),
            "link {link:?} outside a {}-char text",
            all.len()
        );
        prop_assert_eq!(
            anchor.as_deref(),
            Some(link.text.as_str()),
            "link {:?}",
            link
        );
        prop_assert!(
            link.url.starts_with("http://") || link.url.starts_with("https://"),
            "only http(s) links are kept: {}",
            link.url
        );
    }
    for shown in article.paragraphs.iter().chain(&article.captions) {
        prop_assert!(!shown.chars().any(is_unsafe), "{shown:?}");
    }
    check_analysis(&text)
}

fn check_feed(bytes: &[u8], max_items: usize) -> Result<(), TestCaseError> {
    if let Ok(parsed) = feed::parse(
        bytes,
        Some("application/xml"),
        "http://a.example/feed",
        max_items,
    ) {
        prop_assert!(parsed.items.len() <= max_items);
        for item in &parsed.items {
            prop_assert!(!item.title.chars().any(is_unsafe), "{:?}", item.title);
            prop_assert!(!item.key.is_empty());
            if let Some(author) = &item.author {
                prop_assert!(!author.chars().any(is_unsafe), "{author:?}");
            }
            if let Some(url) = &item.url {
                prop_assert!(
                    url.starts_with("http://") || url.starts_with("https://"),
                    "{url}"
                );
            }
        }
        if let Some(title) = &parsed.title {
            prop_assert!(!title.chars().any(is_unsafe), "{title:?}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn analysis_offsets_name_their_words(title in text(), text in text()) {
        check_analysis(&text)?;
        check_story(&title, &text)?;
    }

    #[test]
    fn analysis_of_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        // What `byline analyze` does with a file that is not UTF-8 (and
        // the same text uncleaned, as a library caller may pass it).
        let text = String::from_utf8_lossy(&bytes);
        check_analysis(&byline::sanitize::clean_text(&text))?;
        check_analysis(&text)?;
    }
}

proptest! {
    #![proptest_config(cases(128))]

    #[test]
    fn extraction_of_any_page_keeps_offsets_in_its_text(
        html in prop_oneof![soup(HTML, 120), (soup(HTML, 60), soup(WORDS, 60)).prop_map(|(a, b)| {
            a.chars().zip(b.chars().chain(std::iter::repeat(' '))).flat_map(|(x, y)| [x, y]).collect()
        }), any::<String>()]
    ) {
        check_article(&extract::extract_article(&html, Some("https://news.example/a/b.html")))?;
        check_article(&extract::article_from_fragment(&html, None))?;
    }

    #[test]
    fn decoding_and_extracting_arbitrary_bytes_never_panics(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        content_type in prop::sample::select(&["text/html", "text/html; charset=shift_jis", "text/html; charset=bogus", ""][..]),
    ) {
        let html = extract::decode_html(&bytes, Some(content_type).filter(|c| !c.is_empty()));
        check_article(&extract::extract_article(&html, Some("http://a.example/")))?;
    }

    #[test]
    fn feed_parsing_never_panics_and_stores_no_controls(
        bytes in prop_oneof![
            soup(FEED, 60).prop_map(String::into_bytes),
            (soup(FEED, 30), soup(WORDS, 20)).prop_map(|(a, b)| (a + &b).into_bytes()),
            prop::collection::vec(any::<u8>(), 0..400),
        ],
        max_items in 1usize..5,
    ) {
        check_feed(&bytes, max_items)?;
    }
}

/// What a person field of a feed may hold: names, addresses, marks and
/// non-ASCII letters right against them, written out or as references.
const PERSON: &[&str] = &[
    "Ana", " ", "Lind", "“", "”", "&#8221;", "«", "»", "é", "日", "<", ">", "(", ")", "[",
    "mailto:", ",", "&amp;", "&#64;",
];

/// A person field: an address (or not) with anything either side of it.
fn person_field() -> impl Strategy<Value = String> {
    let address = prop::sample::select(
        &[
            "",
            "ana@news.example.com",
            "a.b&#64;x.example",
            "e@é.example",
        ][..],
    );
    (soup(PERSON, 6), address, soup(PERSON, 6)).prop_map(|(a, b, c)| a + b + &c)
}

proptest! {
    #![proptest_config(cases(256))]

    /// Every field that feed-rs splits into name and address, in RSS and
    /// JSON Feed: the feed always parses with its one item.
    #[test]
    fn any_person_field_keeps_the_feed_and_its_item(person in person_field()) {
        let xml = person.replace('<', "&lt;").replace('>', "&gt;");
        let rss = format!(
            "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
             xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"><channel><title>T</title>\
             <managingEditor>{xml}</managingEditor><webMaster>{xml}</webMaster>\
             <itunes:author>{xml}</itunes:author>\
             <itunes:owner><itunes:name>{xml}</itunes:name><itunes:email>{xml}</itunes:email></itunes:owner>\
             <item><title>One</title><guid>1</guid><author>{xml}</author><dc:creator>{xml}</dc:creator></item>\
             </channel></rss>"
        );
        let parsed = feed::parse(rss.as_bytes(), None, "http://a.example/", 5);
        prop_assert!(parsed.is_ok(), "{:?}", parsed);
        prop_assert_eq!(parsed.map(|f| f.items.len()).ok(), Some(1));
        let name = serde_json::Value::String(person.replace("&#64;", "@")).to_string();
        let json = format!(
            "{{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \
             \"authors\": [{{\"name\": {name}}}], \
             \"items\": [{{\"id\": \"1\", \"title\": \"One\", \"author\": {{\"name\": {name}}}}}]}}"
        );
        let parsed = feed::parse(json.as_bytes(), None, "http://a.example/", 5);
        prop_assert!(parsed.is_ok(), "{:?}", parsed);
        prop_assert_eq!(parsed.map(|f| f.items.len()).ok(), Some(1));
    }
}

/// Found by the feed property: feed-rs panicked on an XML declaration that
/// names a charset after some content.
#[test]
fn a_late_xml_declaration_is_a_parse_error_not_a_panic() {
    let doc = "<![CDATA[<p>x</p>]]><?xml version=\"1.0\" encoding=\"windows-1252\"?>";
    assert!(
        feed::parse(
            doc.as_bytes(),
            Some("application/xml"),
            "http://a.example/",
            5
        )
        .is_err()
    );
    let late = "<rss version=\"2.0\"><channel><title>T</title><?XML version=\"1.0\" encoding=\"latin1\"?>\
                <item><title>One</title><guid>1</guid></item></channel></rss>";
    let parsed = feed::parse(late.as_bytes(), None, "http://a.example/", 5).expect("a feed");
    assert_eq!(parsed.items.len(), 1);
}

/// The files of one fuzz target's corpus (fuzz/corpus/TARGET).
fn corpus(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus is in the repository")
        .map(|entry| {
            let path = entry.expect("a corpus entry").path();
            let bytes = std::fs::read(&path).expect("a corpus file");
            (path.display().to_string(), bytes)
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
}

/// Replays the fuzzers' corpora through the same checks as the properties,
/// so CI catches a regression on an input a fuzzer once found.
#[test]
fn the_fuzz_corpora_pass_every_check() {
    let failed = |name: &str, e: TestCaseError| panic!("{name}: {e}");
    for (name, bytes) in corpus("feed") {
        check_feed(&bytes, 50).unwrap_or_else(|e| failed(&name, e));
    }
    for (name, bytes) in corpus("extract") {
        let html = extract::decode_html(&bytes, None);
        check_article(&extract::extract_article(
            &html,
            Some("https://fuzz.example/a"),
        ))
        .unwrap_or_else(|e| failed(&name, e));
    }
    for (name, bytes) in corpus("analyze") {
        let text = String::from_utf8_lossy(&bytes);
        check_analysis(&byline::sanitize::clean_text(&text)).unwrap_or_else(|e| failed(&name, e));
        check_analysis(&text).unwrap_or_else(|e| failed(&name, e));
    }
}
