//! The bundled demo set: it parses, it is internally consistent, and the
//! analysis truth in `tests/fixtures/demo_expected.toml` matches it.

use std::collections::{BTreeMap, HashSet};

use byline::demo::{DemoOutlet, default_feeds, try_demo_set};
use byline::model::{Article, FeedItem};
use chrono::{TimeZone, Utc};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    story: Vec<ExpectedStory>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedStory {
    url: String,
    event: String,
    duplicate_of: Option<String>,
    persons: Vec<String>,
    countries: Vec<String>,
    #[serde(default)]
    countries_optional: Vec<String>,
    #[serde(default)]
    not_countries: Vec<String>,
    places: Vec<String>,
    orgs: Vec<String>,
    quotes: Vec<ExpectedQuote>,
    #[serde(default)]
    not_quotes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedQuote {
    speaker: Option<String>,
    kind: String,
    starts: String,
}

fn demo() -> Vec<DemoOutlet> {
    match try_demo_set() {
        Ok(set) => set,
        Err(e) => panic!("{e}"),
    }
}

fn stories() -> Vec<(FeedItem, Article)> {
    demo().into_iter().flat_map(|o| o.stories).collect()
}

fn expected() -> Expected {
    let text = include_str!("fixtures/demo_expected.toml");
    toml::from_str(text).unwrap_or_else(|e| panic!("demo_expected.toml: {e}"))
}

fn story_url(item: &FeedItem) -> String {
    item.url.clone().unwrap_or_default()
}

#[test]
fn the_set_parses_into_five_outlets_of_about_24_stories() {
    let set = demo();
    assert_eq!(set.len(), 5);
    let total: usize = set.iter().map(|o| o.stories.len()).sum();
    assert!((22..=26).contains(&total), "{total} stories");
    for outlet in &set {
        assert!(
            outlet.source.url.starts_with("demo:"),
            "{}",
            outlet.source.url
        );
        assert!(outlet.source.title.is_some());
        assert!(
            outlet.stories.len() >= 4,
            "{} has {} stories",
            outlet.source.url,
            outlet.stories.len()
        );
    }
    // demo_set() is the non-failing front door over the same data.
    assert_eq!(byline::demo::demo_set().len(), 5);
}

#[test]
fn keys_and_urls_are_unique_and_follow_the_outlet_pattern() {
    let mut keys = HashSet::new();
    let mut urls = HashSet::new();
    for outlet in demo() {
        for (item, article) in &outlet.stories {
            assert!(keys.insert(item.key.clone()), "duplicate key {}", item.key);
            let url = story_url(item);
            assert!(urls.insert(url.clone()), "duplicate url {url}");
            assert_eq!(item.canonical_url.as_deref(), Some(url.as_str()));
            let date = item.published.map(|d| d.format("/%Y/%m/%d/").to_string());
            assert!(url.contains(&date.unwrap_or_default()), "{url}");
            assert!(
                url.starts_with("https://") && url.contains(".example/"),
                "{url}"
            );
            assert_eq!(article.title.as_deref(), Some(item.title.as_str()));
            assert_eq!(article.published, item.published);
        }
    }
}

#[test]
fn stories_look_like_wire_copy() {
    let first = Utc.with_ymd_and_hms(2026, 11, 17, 0, 0, 0).single();
    let last = Utc.with_ymd_and_hms(2026, 11, 26, 0, 0, 0).single();
    for (item, article) in stories() {
        let url = story_url(&item);
        let n = article.paragraphs.len();
        assert!((5..=12).contains(&n), "{url} has {n} paragraphs");
        assert!(item.published >= first && item.published < last, "{url}");
        assert!(item.author.is_some(), "{url} has no byline");
        let dateline = article.dateline.clone().unwrap_or_default();
        assert!(
            article.paragraphs[0].starts_with(&format!("{dateline} "))
                || article.paragraphs[0].starts_with(&format!("{dateline},")),
            "{url}: first paragraph does not open with its dateline {dateline}"
        );
        let summary = item.summary_html.unwrap_or_default();
        assert!(
            summary.starts_with("<p>") && summary.contains(&dateline),
            "{url}"
        );
        assert!(
            article
                .text()
                .chars()
                .all(|c| !byline::sanitize::is_unsafe(c))
        );
    }
}

#[test]
fn every_link_offset_matches_its_anchor() {
    let mut links = 0;
    let mut internal = 0;
    let urls: HashSet<String> = stories().iter().map(|(i, _)| story_url(i)).collect();
    for (item, article) in stories() {
        let text: Vec<char> = article.text().chars().collect();
        for link in &article.links {
            let anchor: String = text[link.start..link.end].iter().collect();
            assert_eq!(anchor, link.text, "in {}", story_url(&item));
            assert!(!link.text.contains('[') && !link.text.contains(']'));
            assert!(
                byline::sanitize::safe_http_url(&link.url).is_some(),
                "{}",
                link.url
            );
            links += 1;
            if urls.contains(&link.url) {
                internal += 1;
            }
        }
        assert!(
            !article.text().contains("]("),
            "markup left in {}",
            story_url(&item)
        );
    }
    assert!(links >= 6, "{links} links");
    assert!(internal >= 3, "{internal} links to other demo stories");
}

#[test]
fn expected_file_covers_every_story_and_names_only_real_urls() {
    let all = stories();
    let by_url: BTreeMap<String, Article> =
        all.iter().map(|(i, a)| (story_url(i), a.clone())).collect();
    let expected = expected();
    let listed: Vec<&String> = expected.story.iter().map(|s| &s.url).collect();
    assert_eq!(listed.len(), by_url.len(), "one entry per story");
    for url in by_url.keys() {
        assert!(
            listed.contains(&url),
            "{url} missing from demo_expected.toml"
        );
    }
    for story in &expected.story {
        assert!(by_url.contains_key(&story.url), "unknown url {}", story.url);
        if let Some(dup) = &story.duplicate_of {
            assert!(by_url.contains_key(dup), "unknown duplicate_of {dup}");
            let original = expected.story.iter().find(|s| &s.url == dup);
            assert_eq!(original.map(|s| &s.event), Some(&story.event));
        }
    }
}

#[test]
fn expected_names_and_quotes_occur_in_the_text() {
    let all = stories();
    for story in expected().story {
        let Some((_, article)) = all.iter().find(|(i, _)| story_url(i) == story.url) else {
            panic!("unknown url {}", story.url);
        };
        let text = article.text();
        for name in &story.persons {
            assert!(text.contains(name.as_str()), "{name} not in {}", story.url);
        }
        // A place may only appear in the upper-case dateline.
        let lower = text.to_lowercase();
        for place in &story.places {
            assert!(
                lower.contains(&place.to_lowercase()),
                "{place} not in {}",
                story.url
            );
        }
        for quote in &story.quotes {
            let opened = ['“', '"', '‘', '\'']
                .iter()
                .any(|mark| text.contains(&format!("{mark}{}", quote.starts)));
            assert!(
                opened,
                "no quote opens with {:?} in {}",
                quote.starts, story.url
            );
            assert!(["person", "org", "country", "none"].contains(&quote.kind.as_str()));
            assert_eq!(
                quote.speaker.is_none(),
                quote.kind == "none",
                "{}",
                story.url
            );
            if quote.kind == "person" {
                let speaker = quote.speaker.clone().unwrap_or_default();
                assert!(story.persons.contains(&speaker), "{speaker} not a person");
            }
        }
        for phrase in &story.not_quotes {
            assert!(text.contains(phrase.as_str()));
        }
        let codes = story.countries.iter().chain(&story.countries_optional);
        for code in codes.chain(&story.not_countries) {
            assert!(code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()));
        }
        assert!(
            !story.countries.is_empty(),
            "{} names no country",
            story.url
        );
        assert!(
            !story.orgs.is_empty(),
            "{} names no organisation",
            story.url
        );
    }
}

#[test]
fn the_set_has_the_shapes_the_analysis_needs() {
    let expected = expected();
    let mut events: BTreeMap<&str, Vec<&ExpectedStory>> = BTreeMap::new();
    for story in &expected.story {
        events.entry(&story.event).or_default().push(story);
    }
    let sizes: Vec<usize> = events.values().map(Vec::len).collect();
    assert!((7..=10).contains(&events.len()), "{} events", events.len());
    assert!(sizes.iter().filter(|&&n| n == 1).count() >= 2, "singletons");
    assert!(
        sizes.iter().filter(|&&n| n >= 3).count() >= 4,
        "widely covered events"
    );
    let dups = expected
        .story
        .iter()
        .filter(|s| s.duplicate_of.is_some())
        .count();
    assert_eq!(dups, 2, "one reworded and one near-verbatim republication");
    assert!(
        expected
            .story
            .iter()
            .any(|s| s.not_countries.contains(&"GE".to_owned())),
        "Georgia the US state"
    );
}

#[test]
fn default_feeds_are_public_http_feeds_with_tags() {
    let feeds = default_feeds();
    assert!((8..=12).contains(&feeds.len()), "{} feeds", feeds.len());
    for feed in &feeds {
        assert!(feed.url.starts_with("https://"), "{}", feed.url);
        assert!(feed.title.is_some(), "{}", feed.url);
        assert_eq!(feed.tags.first().map(String::as_str), Some("World"));
    }
    assert!(
        feeds
            .iter()
            .any(|f| f.url == "https://feeds.bbci.co.uk/news/world/rss.xml")
    );
}
