//! Escape codes end to end: one feed (and its page, and an imported OPML)
//! whose titles, authors, bodies, link URLs and folder titles carry ESC,
//! CSI, OSC (OSC 8 hyperlinks, OSC 52 clipboard writes, window titles), C1
//! controls, DEL and bidi overrides. After `byline fetch`, nothing stored
//! and no byte printed by any command, nor the log, carries one of them.
//! The feed is `support::hostile`'s; the reader in a real terminal, and
//! the browser it starts, are in `hostile_terminal.rs`.

mod support;

use byline::sanitize::is_unsafe;
use byline::store::{ListQuery, Store};
use support::home::{Home, text};
use support::hostile::{assert_clean, feed_xml, hostile, page_html};
use support::{Reply, TestServer};

fn opml(url: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head><title>{}</title></head><body>\
         <outline text=\"{}\"><outline text=\"{}\" title=\"{}\" xmlUrl=\"{url}\" category=\"{}\"/></outline>\
         </body></opml>\n",
        hostile("List"),
        hostile("Folder"),
        hostile("Imported"),
        hostile("Imported"),
        hostile("tag"),
    )
}

#[test]
fn no_command_prints_a_control_sequence_a_feed_sent() {
    let srv = TestServer::start();
    support::hostile::serve(&srv);
    srv.route(
        "/again.rss",
        Reply::ok("application/rss+xml", feed_xml(&srv)),
    );
    // A broken feed whose error, naming its bytes, goes to the log.
    srv.route(
        "/broken.rss",
        Reply::ok(
            "application/rss+xml",
            format!("<rss><channel><title>{}</title><item>", hostile("Broken")),
        ),
    );
    // A JSON Feed whose value of the wrong type the parser's message would
    // quote, escaped as text, into the stored error and the log.
    srv.route(
        "/broken.json",
        Reply::ok(
            "application/feed+json",
            "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Quay\", \"items\": \
             \"\\u001b[31mRed\\u001b]0;pwned\\u0007 \u{9b}2J \u{202e}txet\u{202c}\"}",
        ),
    );
    let home = Home::with_feeds(&[
        srv.url("/h.rss"),
        srv.url("/broken.rss"),
        srv.url("/broken.json"),
    ]);
    let opml_file = home.data().with_extension("opml");
    std::fs::write(&opml_file, opml(&srv.url("/again.rss"))).expect("write OPML");
    let import = home.run(&["import", opml_file.to_str().expect("utf-8 path")]);
    assert!(import.status.success(), "{}", text(&import.stderr));
    assert_clean(&import.stdout, "import");
    assert_clean(&import.stderr, "import (stderr)");

    let fetch = home.run(&["fetch"]);
    assert_eq!(fetch.status.code(), Some(3), "{}", text(&fetch.stderr));
    assert_clean(&fetch.stdout, "fetch");
    assert_clean(&fetch.stderr, "fetch (stderr)");

    // Stored clean.
    let store = Store::open(&home.cache()).expect("cache");
    let rows = store.list(&ListQuery::default()).expect("list");
    assert_eq!(
        rows.len(),
        2,
        "each story is one story, though two feeds list it"
    );
    let (markets, tolls) = if rows[0].title.contains("Markets") {
        (rows[0].id, rows[1].id)
    } else {
        (rows[1].id, rows[0].id)
    };
    let story = store.story(markets).expect("story").expect("stored");
    let bait = store.story(tolls).expect("story").expect("stored");
    assert!(bait.title.contains("Tolls"), "{}", bait.title);
    // The item link keeps its sequence only percent-encoded ("%1B]52;"),
    // and the rest as written: what a shell would run is still there, so
    // the browser test below can show that nothing runs it.
    let bait_url = bait.url.clone().expect("the bait story has a link");
    assert!(!bait_url.chars().any(is_unsafe), "{bait_url:?}");
    assert!(
        bait_url.starts_with(&srv.url("/story/k.html?q=%1B]52;"))
            && bait_url.ends_with("$(touch${IFS}pwned)`touch${IFS}pwned`;touch${IFS}pwned"),
        "{bait_url}"
    );
    let mut stored = vec![
        story.title.clone(),
        story.feed_title.clone(),
        story.text.clone(),
    ];
    stored.extend(story.author.clone());
    stored.extend(story.captions.clone());
    for link in &story.links {
        stored.push(link.text.clone());
        stored.push(link.url.clone());
        assert!(
            link.url.starts_with("https://"),
            "only http(s) links: {}",
            link.url
        );
    }
    for feed in store.feeds().expect("feeds") {
        stored.push(feed.title.clone());
        stored.extend(feed.last_error.clone());
    }
    for value in &stored {
        assert_clean(value.as_bytes(), "the cache");
    }
    // A link keeps its sequences percent-encoded ("%1B[31m"), which no
    // terminal reads as one; no raw control character may be left.
    let feeds = store.feeds().expect("feeds");
    let urls = feeds.iter().filter_map(|f| f.site_url.as_deref());
    for url in urls.chain(story.url.as_deref()).chain(bait.url.as_deref()) {
        assert!(!url.chars().any(is_unsafe), "the cache keeps {url:?}");
    }
    assert!(
        feeds
            .iter()
            .any(|f| f.site_url.as_deref().is_some_and(|u| u.contains("home"))),
        "the site link was kept"
    );
    assert!(story.title.contains("Markets"), "{}", story.title);
    drop(store);

    let id = markets.0.to_string();
    let bait_id = tolls.0.to_string();
    let commands: [&[&str]; 15] = [
        &[],
        &["list"],
        &["list", "--json"],
        &["list", "--search", "Markets"],
        &["show", &id],
        &["show", &id, "--json"],
        &["show", &bait_id],
        &["show", &bait_id, "--json"],
        &["feeds"],
        &["feeds", "--json"],
        &["entities"],
        &["entities", "--json"],
        &["export"],
        // "j": the second row is the story with the hostile page.
        &["screen", "--size", "100x30", "--keys", "j enter"],
        &[
            "screen",
            "--size",
            "60x20",
            "--keys",
            "j enter j j tab G",
            "--every-frame",
        ],
    ];
    for args in commands {
        let out = home.run(args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert_clean(&out.stdout, &format!("{args:?}"));
        assert_clean(&out.stderr, &format!("{args:?} (stderr)"));
    }
    // The reader drew the hostile page, and the words around the
    // sequences are still shown.
    let drawn = text(
        &home
            .run(&["screen", "--size", "100x30", "--keys", "j enter"])
            .stdout,
    );
    assert!(drawn.contains("Dock workers"), "{drawn}");
    let shown = text(&home.run(&["show", &id]).stdout);
    assert!(
        shown.contains("Markets") && shown.contains("meanwhile"),
        "{shown}"
    );
    let exported = text(&home.run(&["export"]).stdout);
    assert!(exported.contains("Imported"), "{exported}");

    let log = std::fs::read(home.data().join("byline.log")).expect("a log was written");
    let logged = text(&log);
    assert!(
        logged.contains("broken.rss") && logged.contains("broken.json failed"),
        "both broken feeds were logged: {logged}"
    );
    assert_clean(&log, "byline.log");
}

/// Runs `byline analyze` with `args`, `input` on standard input.
fn analyze(home: &Home, args: &[&str], input: &str) -> std::process::Output {
    use std::io::Write as _;
    use std::process::Stdio;
    let mut child = home
        .command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn byline analyze");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("analyze ends")
}

/// Checks that every mention and quote of an `analyze --json` answer names
/// the characters of `text` it says it spans.
fn assert_offsets_fit(answer: &serde_json::Value, what: &str) {
    let all: Vec<char> = answer["text"].as_str().expect("text").chars().collect();
    let spans = answer["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .flat_map(|e| e["mentions"].as_array().expect("mentions").iter())
        .chain(answer["quotes"].as_array().expect("quotes"));
    let mut count = 0;
    for span in spans {
        let (start, end) = (span["start"].as_u64(), span["end"].as_u64());
        let (start, end) = (start.expect("start") as usize, end.expect("end") as usize);
        assert!(start <= end && end <= all.len(), "{what}: {span}");
        let named: String = all[start..end].iter().collect();
        assert_eq!(Some(named.as_str()), span["text"].as_str(), "{what}");
        count += 1;
    }
    assert!(count >= 3, "{what} found names and a quote: {answer}");
}

#[test]
fn analyze_prints_no_control_sequence_and_its_offsets_fit_the_text() {
    let home = Home::with_feeds(&[]);
    let plain = format!(
        "{} In Santiago, Mira Castellanos said: \u{201c}{}, and we will stay.\u{201d}\n\n{} Chile.",
        hostile("Dock workers struck."),
        hostile("We expect more ships"),
        hostile("Castellanos went home to"),
    );
    let page = page_html();
    let runs: [(&[&str], &str); 4] = [
        (&["analyze", "--json", "-"], &plain),
        (&["analyze", "-"], &plain),
        (&["analyze", "--html", "--json", "-"], &page),
        (&["analyze", "--html", "-"], &page),
    ];
    for (args, input) in runs {
        let out = analyze(&home, args, input);
        let what = format!("{args:?}");
        assert!(out.status.success(), "{what}: {}", text(&out.stderr));
        assert_clean(&out.stdout, &what);
        assert_clean(&out.stderr, &what);
        assert!(
            text(&out.stdout).contains("Castellanos"),
            "{what} kept the words"
        );
        if args.contains(&"--json") {
            let answer: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
            assert_offsets_fit(&answer, &what);
        }
    }
}

/// An address written right against a quote mark in an author field panics
/// the feed parser (feed-rs 3.0); through `byline fetch` the feed still
/// gives every story with its author, and no panic message is printed.
#[test]
fn an_author_field_that_trips_the_parser_loses_no_story() {
    let srv = TestServer::start();
    let page = |n: &str| {
        format!(
            "<html><body><article><h1>Lock {n}</h1><p>The canal lock number {n} reopened on \
             Tuesday after repairs, the harbour office said, and barges queued from dawn.</p>\
             </article></body></html>"
        )
    };
    srv.route("/s/1.html", Reply::ok("text/html", page("one")));
    srv.route("/s/2.html", Reply::ok("text/html", page("two")));
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Canal Desk</title>\
         <managingEditor>desk@canal.example&#8221;</managingEditor>\
         <item><title>Lock one reopens</title><link>{}</link><guid>c-1</guid>\
         <author>“ana@canal.example”</author></item>\
         <item><title>Lock two reopens</title><link>{}</link><guid>c-2</guid></item>\
         </channel></rss>",
        srv.url("/s/1.html"),
        srv.url("/s/2.html"),
    );
    srv.route("/canal.rss", Reply::ok("application/rss+xml", feed));
    let home = Home::with_feeds(&[srv.url("/canal.rss")]);
    let fetch = home.run(&["fetch"]);
    let stderr = text(&fetch.stderr);
    assert!(fetch.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let store = Store::open(&home.cache()).expect("cache");
    let mut stories: Vec<(String, Option<String>)> = store
        .list(&ListQuery::default())
        .expect("list")
        .into_iter()
        .map(|row| {
            let story = store.story(row.id).expect("story").expect("stored");
            (story.title, story.author)
        })
        .collect();
    stories.sort();
    assert_eq!(
        stories,
        [
            (
                "Lock one reopens".to_owned(),
                Some("“ana@canal.example”".to_owned())
            ),
            ("Lock two reopens".to_owned(), None),
        ]
    );
}
