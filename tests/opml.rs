//! OPML and newsboat `urls` import, OPML export, on fixtures in
//! `tests/fixtures/opml/`.

use byline::model::FeedSource;
use byline::opml::{
    ImportError, SkipReason, Skipped, parse_import, parse_import_report, write_opml,
};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/opml/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn feed(url: &str, title: Option<&str>, tags: &[&str]) -> FeedSource {
    FeedSource {
        url: url.to_owned(),
        title: title.map(str::to_owned),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
    }
}

#[test]
fn opml_folders_and_categories_become_tags() {
    let feeds = parse_import(&fixture("folders.opml"));
    assert_eq!(
        feeds,
        Ok(vec![
            feed("https://gazette.example/rss", Some("Untagged Gazette"), &[]),
            feed(
                "https://courier.example/feed.xml",
                Some("The Alpine Courier & Review"),
                &["News", "Europe", "Science"],
            ),
            feed(
                "https://bulletin.example/atom",
                Some("Harbour Bulletin"),
                &["News", "Europe", "shipping", "ports", "weekly"],
            ),
            feed("https://plain.example/feed", None, &["News"]),
            feed(
                "https://labnotes.example/rss?lang=en&full=1",
                Some("Lab Notes"),
                &["Science", "physics", "space"],
            ),
        ])
    );
}

#[test]
fn opml_1_0_with_lowercase_attributes_is_read() {
    assert_eq!(
        parse_import(&fixture("opml1.opml")),
        Ok(vec![feed(
            "http://nightshift.example/podcast.rss",
            Some("Night Shift Radio"),
            &["Radio"],
        )])
    );
}

#[test]
fn newsboat_urls_give_tags_titles_and_skip_commands() {
    let report = parse_import_report(&fixture("newsboat_urls"));
    let Ok(report) = report else {
        panic!("{report:?}");
    };
    assert_eq!(
        report.feeds,
        vec![
            feed("https://gazette.example/rss", None, &[]),
            feed(
                "https://courier.example/feed.xml",
                Some("Alpine Courier (weekend)"),
                &["europe", "long reads", "duplicates"],
            ),
            feed(
                "https://bulletin.example/atom",
                Some("Harbour \"Daily\" Bulletin"),
                &["shipping", "hidden"],
            ),
            feed("http://plain.example/feed", Some("Plain"), &[]),
        ]
    );
    assert_eq!(
        report.skipped,
        vec![
            Skipped {
                line: 7,
                reason: SkipReason::Query
            },
            Skipped {
                line: 8,
                reason: SkipReason::Exec
            },
            Skipped {
                line: 9,
                reason: SkipReason::Filter
            },
            Skipped {
                line: 10,
                reason: SkipReason::NotHttp("javascript:alert(1)".into()),
            },
        ]
    );
    assert!(SkipReason::Exec.to_string().contains("never"));
    // The URL inside a filter line is not imported either.
    assert!(report.feeds.iter().all(|f| !f.url.contains("filtered")));
}

#[test]
fn hostile_opml_is_cleaned_and_non_http_urls_are_skipped() {
    let report = parse_import_report(&fixture("hostile.opml"));
    let Ok(report) = report else {
        panic!("{report:?}");
    };
    assert_eq!(
        report.feeds,
        vec![feed(
            "https://evil.example/rss",
            Some("Evil Feed txt.exe"),
            &["Red Folder", "ab", "c"],
        )]
    );
    let reasons: Vec<String> = report
        .skipped
        .iter()
        .map(|s| s.reason.to_string())
        .collect();
    assert_eq!(reasons.len(), 4, "{reasons:?}");
    assert!(reasons[0].contains("javascript:alert(document.cookie)"));
    assert!(reasons[1].contains("file:///etc/passwd"));
    assert!(reasons.iter().all(|r| r.ends_with("is not an http(s) URL")));
    assert!(reasons.iter().all(|r| !r.contains('\u{1b}')));
}

#[test]
fn malformed_xml_names_the_line() {
    let err = parse_import(&fixture("malformed.opml"));
    let Err(ImportError::Malformed { line, .. }) = &err else {
        panic!("{err:?}");
    };
    assert_eq!(*line, 7);
    let message = err.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("line 7"), "{message}");
}

#[test]
fn truncated_xml_is_reported_not_imported_partly() {
    let err = parse_import(&fixture("truncated.opml"));
    let Err(ImportError::Malformed { message, .. }) = &err else {
        panic!("{err:?}");
    };
    assert!(message.contains("closed"), "{message}");
}

#[test]
fn files_that_are_neither_opml_nor_urls_are_refused_clearly() {
    assert_eq!(
        parse_import(&fixture("not_opml.xml")),
        Err(ImportError::NotOpml { root: "rss".into() })
    );
    let err = parse_import(&fixture("shopping_list.txt"));
    assert_eq!(err, Err(ImportError::Unrecognized));
    let message = err.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("neither OPML nor a newsboat urls file"),
        "{message}"
    );
    // An empty urls file is valid and simply has no feeds.
    assert_eq!(parse_import("# nothing yet\n\n"), Ok(vec![]));
}

#[test]
fn export_then_import_gives_back_the_same_feeds() {
    let feeds = vec![
        feed(
            "https://a.example/rss",
            Some("Tom & Jerry's \"News\" <daily>"),
            &["Cartoons & more", "fun"],
        ),
        feed("https://b.example/feed?x=1&y=2", None, &[]),
        feed(
            "https://c.example/atom",
            Some("Zürich Zeitung — Ausland"),
            &["Europe", "German", "Daily news"],
        ),
        feed(
            "https://d.example/rss",
            Some("Second in folder"),
            &["Cartoons & more"],
        ),
        feed("https://e.example/rss", Some("Untagged"), &[]),
        feed("https://f.example/rss", None, &["a/b folder, with comma"]),
    ];
    let xml = write_opml(&feeds);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assert!(xml.contains("<opml version=\"2.0\">"));
    assert!(xml.contains("text=\"Cartoons &amp; more\""));
    assert!(!xml.contains("<daily>"));
    // Folder order follows the first tag's first appearance; untagged feeds
    // come first, so compare as sets of feeds.
    let mut back = parse_import(&xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    let mut want = feeds.clone();
    back.sort_by(|a, b| a.url.cmp(&b.url));
    want.sort_by(|a, b| a.url.cmp(&b.url));
    assert_eq!(back, want);
}

#[test]
fn reexporting_an_import_is_stable() {
    let first = parse_import(&fixture("folders.opml")).unwrap_or_default();
    let xml = write_opml(&first);
    let second = parse_import(&xml).unwrap_or_default();
    assert_eq!(write_opml(&second), xml);
    let mut a = first.clone();
    let mut b = second;
    a.sort_by(|x, y| x.url.cmp(&y.url));
    b.sort_by(|x, y| x.url.cmp(&y.url));
    assert_eq!(a, b);
}

#[test]
fn default_feeds_file_parses() {
    let text = include_str!("../assets/feeds.opml");
    let report = parse_import_report(text).unwrap_or_default();
    assert_eq!(report.skipped, vec![]);
    assert_eq!(report.feeds, byline::demo::default_feeds());
    assert_eq!(report.feeds.len(), 10);
}
