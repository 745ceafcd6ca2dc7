//! The headline read with the story (src/analyze/headline.rs), on headlines
//! and texts written for these tests: what the headline alone names, a
//! headline's short name joined to the text's person, offsets that still
//! point into the text, and a fetched headline-only story found by filters.

mod support;

use byline::analyze::analyze_story;
use byline::model::{Analysis, Entity, EntityKind};
use support::home::{Home, text};
use support::{Reply, TestServer};

fn entity<'a>(a: &'a Analysis, kind: EntityKind, name: &str) -> Option<&'a Entity> {
    a.entities.iter().find(|e| e.kind == kind && e.name == name)
}

fn names(a: &Analysis, kind: EntityKind) -> Vec<&str> {
    a.entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_str())
        .collect()
}

/// Checks that every mention and quote of `a` spells out its words in `text`.
fn offsets_point_into(a: &Analysis, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let at = |s: usize, e: usize| chars[s..e].iter().collect::<String>();
    for e in &a.entities {
        for m in &e.mentions {
            assert_eq!(at(m.start, m.end), m.text, "{}", e.name);
        }
    }
    for q in &a.quotes {
        assert!(at(q.start, q.end).contains(&q.text), "{q:?}");
    }
}

#[test]
fn a_story_with_only_a_headline_names_its_countries() {
    let a = analyze_story("North Korean missile falls near Japan, Seoul says", "");
    let codes: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Country)
        .filter_map(|e| e.country.as_deref())
        .collect();
    for code in ["KP", "JP", "KR"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    assert!(a.entities.iter().all(|e| e.mentions.is_empty()));
    let kp = a
        .entities
        .iter()
        .find(|e| e.country.as_deref() == Some("KP"));
    assert!(kp.is_some_and(|e| e.salience >= 0.4), "{kp:?}");
}

#[test]
fn a_sentence_case_headline_names_people_a_title_case_one_cannot() {
    let a = analyze_story("Ada Okafor concedes the runoff in Lagos", "");
    assert_eq!(names(&a, EntityKind::Person), ["Ada Okafor"]);
    assert!(entity(&a, EntityKind::Place, "Lagos").is_some(), "{a:?}");

    // Capitals on every word hide where a name ends: no person from it.
    let a = analyze_story("Navy Seizes Tanker At Rebel-Held Port In Libya", "");
    assert!(names(&a, EntityKind::Person).is_empty(), "{a:?}");
    assert!(names(&a, EntityKind::Org).is_empty(), "{a:?}");
    assert!(entity(&a, EntityKind::Country, "Libya").is_some(), "{a:?}");
}

#[test]
fn the_headlines_short_name_is_the_texts_person() {
    let text = "Ada Okafor conceded the runoff on Sunday.\n\n\
                \"We fought hard,\" she told supporters in Lagos.";
    let a = analyze_story("Okafor concedes in Lagos", text);
    assert_eq!(names(&a, EntityKind::Person), ["Ada Okafor"]);
    let okafor = entity(&a, EntityKind::Person, "Ada Okafor").expect("Okafor");
    assert_eq!(okafor.mentions.len(), 1, "{okafor:?}");
    assert!(okafor.salience >= 0.75, "{}", okafor.salience);
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Ada Okafor"));
    offsets_point_into(&a, text);
}

#[test]
fn a_quote_in_the_headline_is_no_quote_of_the_text() {
    let text = "The minister, Maria Kowalczyk, spoke on Monday.\n\n\
                \"The budget holds,\" Kowalczyk said.";
    let a = analyze_story("Kowalczyk: 'The budget holds'", text);
    assert_eq!(a.quotes.len(), 1, "{:?}", a.quotes);
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Maria Kowalczyk"));
    offsets_point_into(&a, text);
}

#[test]
fn no_headline_gives_the_texts_own_analysis() {
    let text = "The minister, Maria Kowalczyk, met Ada Okafor in Lagos.";
    let a = analyze_story("", text);
    let b = analyze_story("   ", text);
    assert_eq!(a, b);
    assert_eq!(
        names(&a, EntityKind::Person),
        ["Maria Kowalczyk", "Ada Okafor"]
    );
    offsets_point_into(&a, text);
}

#[test]
fn a_fetched_story_with_only_a_headline_is_found_by_its_country_and_person() {
    let srv = TestServer::start();
    srv.route(
        "/wire.rss",
        Reply::ok(
            "application/rss+xml",
            "<rss version=\"2.0\"><channel><title>Wire</title>\
             <item><title>North Korean missile falls near Japan, Seoul says</title>\
             <guid>1</guid></item>\
             <item><title>Ada Okafor concedes the runoff in Lagos</title><guid>2</guid>\
             <description></description></item>\
             </channel></rss>",
        ),
    );
    let home = Home::with_feeds(&[srv.url("/wire.rss")]);
    let out = home.run(&["fetch", "--feeds-only"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let titles = |args: &[&str]| -> Vec<String> {
        let list = home.json(&[&["list", "--json"], args].concat());
        let rows = list.as_array().expect("array").iter();
        rows.map(|s| s["title"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(
        titles(&["--country", "KP"]),
        ["North Korean missile falls near Japan, Seoul says"]
    );
    assert_eq!(titles(&["--country", "Japan"]).len(), 1);
    assert_eq!(
        titles(&["--person", "Ada Okafor"]),
        ["Ada Okafor concedes the runoff in Lagos"]
    );
    let list = home.json(&["list", "--json", "--person", "Ada Okafor"]);
    let id = list[0]["id"].as_i64().expect("id").to_string();
    let story = home.json(&["show", &id, "--json"]);
    assert_eq!(story["text"], "");
    let people = story["entities"].as_array().expect("entities");
    assert!(
        people
            .iter()
            .any(|e| e["name"] == "Ada Okafor" && e["mentions"] == serde_json::json!([])),
        "{story}"
    );
}

#[test]
fn analyze_reads_a_pages_headline_as_fetch_does() {
    let home = Home::with_feeds(&[]);
    let page = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(
        page.path(),
        "<html><head><title>Wire</title></head><body><article>\
         <h1>Pyongyang test-fires a missile</h1>\
         <p>The launch came on Tuesday morning, officials said, and the missile \
         flew east for about ten minutes before it fell into the sea.</p>\
         <p>Neighbours called an emergency meeting for later in the week.</p>\
         </article></body></html>",
    )
    .expect("page written");
    let path = page.path().to_str().expect("a UTF-8 path");
    let story = home.json(&["analyze", "--html", "--json", path]);
    assert!(
        !story["text"]
            .as_str()
            .unwrap_or_default()
            .contains("Pyongyang")
    );
    let kp = story["entities"]
        .as_array()
        .expect("entities")
        .iter()
        .find(|e| e["country"] == "KP")
        .unwrap_or_else(|| panic!("no KP in {story}"));
    assert_eq!(kp["mentions"], serde_json::json!([]));
}
