//! Related stories end to end: copies (republished, retitled, reworded),
//! events (other outlets, a follow-up; a same-topic story elsewhere kept
//! apart), incremental relating against a full rebuild, links to cached
//! stories, read marking across copies, and the JSON of `show` and `list`
//! through the binary on a real cache.
//!
//! The stories are our own, in tests/fixtures/related/stories.toml.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use byline::model::{Article, FeedId, FeedItem, FeedSource, Link, Relation, StoryId};
use byline::store::{FeedUpdate, ListQuery, Store, StoryText};

mod support;

#[derive(Deserialize)]
struct Fixture {
    story: Vec<Fix>,
}

#[derive(Deserialize, Clone)]
struct Fix {
    slug: String,
    feed: String,
    published: String,
    title: String,
    event: String,
    duplicate_of: Option<String>,
    body: String,
    link: Option<LinkFix>,
}

#[derive(Deserialize, Clone)]
struct LinkFix {
    text: String,
    to: String,
}

fn fixtures() -> Vec<Fix> {
    let text = std::fs::read_to_string("tests/fixtures/related/stories.toml").expect("fixture");
    toml::from_str::<Fixture>(&text)
        .expect("fixture parses")
        .story
}

fn host(feed: &str) -> String {
    feed.to_lowercase().replace(' ', "")
}

fn url_of(stories: &[Fix], slug: &str) -> String {
    let s = stories.iter().find(|s| s.slug == slug).expect("slug");
    format!("https://{}.example/2026/03/{}", host(&s.feed), s.slug)
}

/// The story as the extractor would hand it over, links with offsets.
fn article(stories: &[Fix], s: &Fix) -> Article {
    let paragraphs: Vec<String> = s
        .body
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();
    let mut article = Article {
        title: Some(s.title.clone()),
        paragraphs,
        ..Article::default()
    };
    if let Some(link) = &s.link {
        let text = article.text();
        let at = text.find(&link.text).expect("anchor in body");
        let start = text[..at].chars().count();
        article.links.push(Link {
            text: link.text.clone(),
            // Tracking noise: the link still points at the cached story.
            url: format!("{}?utm_source=newsletter", url_of(stories, &link.to)),
            start,
            end: start + link.text.chars().count(),
        });
    }
    article
}

/// Stores one story with its text and analysis in one feed transaction,
/// as a fetch does; returns the new story's id.
fn store_analysed(
    store: &mut Store,
    feed: FeedId,
    item: FeedItem,
    article: Article,
) -> Vec<StoryId> {
    let text = StoryText {
        shingles: None,
        analysis: byline::analyze::analyze(&article.text()),
        article,
        analyzer_version: byline::analyze::VERSION,
    };
    let update = FeedUpdate {
        items: vec![item],
        texts: vec![Some(text)],
        ..FeedUpdate::default()
    };
    store
        .store_feed(feed, &update, Utc::now())
        .expect("store")
        .new
}

/// Stores each story the way a fetch does (story, text and analysis in
/// the feed's transaction), in fixture order; returns slug → id.
fn load(store: &mut Store, stories: &[Fix]) -> HashMap<String, StoryId> {
    let mut ids = HashMap::new();
    for s in stories {
        let feed = store
            .upsert_feed(&FeedSource {
                url: format!("https://{}.example/feed", host(&s.feed)),
                title: Some(s.feed.clone()),
                tags: Vec::new(),
            })
            .expect("feed");
        let url = url_of(stories, &s.slug);
        let published: DateTime<Utc> = s.published.parse().expect("date");
        let item = FeedItem {
            key: url.clone(),
            url: Some(url.clone()),
            canonical_url: Some(url),
            title: s.title.clone(),
            published: Some(published),
            ..FeedItem::default()
        };
        let stored = store_analysed(store, feed, item, article(stories, s));
        ids.insert(s.slug.clone(), stored[0]);
    }
    ids
}

fn loaded() -> (Store, Vec<Fix>, HashMap<String, StoryId>) {
    let mut store = Store::open_in_memory().expect("store");
    let stories = fixtures();
    let ids = load(&mut store, &stories);
    (store, stories, ids)
}

#[test]
fn copies_point_at_the_first_copy_and_events_follow_the_truth() {
    let (store, stories, ids) = loaded();
    let mut events: BTreeMap<String, BTreeSet<Option<i64>>> = BTreeMap::new();
    for s in &stories {
        let g = store.grouping(ids[&s.slug]).expect("grouping");
        assert_eq!(
            g.duplicate_of,
            s.duplicate_of.as_ref().map(|d| ids[d]),
            "duplicate_of of {}",
            s.slug
        );
        if s.event.is_empty() {
            assert_eq!(g.event, None, "{} stands alone", s.slug);
        } else {
            assert!(g.event.is_some(), "{} has an event", s.slug);
            events.entry(s.event.clone()).or_default().insert(g.event);
        }
    }
    // One event per label, and different labels never share one.
    assert!(events.values().all(|e| e.len() == 1), "{events:?}");
    let distinct: BTreeSet<_> = events.values().flatten().collect();
    assert_eq!(distinct.len(), events.len(), "{events:?}");
}

#[test]
fn related_lists_copies_first_then_the_same_event() {
    let (store, _, ids) = loaded();
    let related = store.related(ids["strike"]).expect("related");
    let kinds: Vec<(StoryId, Relation)> = related.iter().map(|r| (r.id, r.relation)).collect();
    for copy in ["republished", "retitled", "reworded"] {
        assert!(
            kinds.contains(&(ids[copy], Relation::Duplicate)),
            "{copy}: {kinds:?}"
        );
    }
    assert!(
        kinds.contains(&(ids["follow-up"], Relation::Related)),
        "{kinds:?}"
    );
    assert!(
        !kinds
            .iter()
            .any(|k| k.0 == ids["greece"] || k.0 == ids["museum"])
    );
    let first_related = kinds.iter().position(|k| k.1 == Relation::Related);
    let last_copy = kinds.iter().rposition(|k| k.1 == Relation::Duplicate);
    assert!(last_copy < first_related, "{kinds:?}");
    assert!(
        related
            .windows(2)
            .all(|w| w[0].relation != w[1].relation || w[0].score >= w[1].score)
    );
    assert!(related.iter().all(|r| r.score > 0.0 && r.score <= 1.0));
}

/// One story's place in the index: its event partners, first copy and
/// related list.
type Standing = (
    StoryId,
    Vec<StoryId>,
    Option<StoryId>,
    Vec<(StoryId, Relation)>,
);

/// Every story's standing, by id.
fn snapshot(store: &Store, ids: &[StoryId]) -> Vec<Standing> {
    let groupings: Vec<_> = ids
        .iter()
        .map(|id| store.grouping(*id).expect("grouping"))
        .collect();
    ids.iter()
        .zip(&groupings)
        .map(|(id, g)| {
            let partners = ids
                .iter()
                .zip(&groupings)
                .filter(|(_, o)| g.event.is_some() && o.event == g.event)
                .map(|(o, _)| *o)
                .collect();
            let related = store
                .related(*id)
                .expect("related")
                .into_iter()
                .map(|r| (r.id, r.relation))
                .collect();
            (*id, partners, g.duplicate_of, related)
        })
        .collect()
}

#[test]
fn storing_one_by_one_gives_what_a_full_rebuild_gives() {
    let mut store = Store::open_in_memory().expect("store");
    // The demo outlets and our stories, interleaved by outlet, make events
    // that merge and copies found late.
    let mut ids: Vec<StoryId> = Vec::new();
    for outlet in byline::demo::demo_set() {
        let feed = store.upsert_feed(&outlet.source).expect("feed");
        for (item, article) in outlet.stories {
            ids.extend(store_analysed(&mut store, feed, item, article));
        }
    }
    let stories = fixtures();
    ids.extend(load(&mut store, &stories).values().copied());
    ids.sort();
    let incremental = snapshot(&store, &ids);
    assert!(
        incremental.iter().any(|s| s.2.is_some()),
        "some copies found"
    );
    assert_eq!(store.rebuild_related().expect("rebuild"), ids.len());
    assert_eq!(snapshot(&store, &ids), incremental);
}

#[test]
fn marking_one_copy_read_marks_its_group_unless_configured_not_to() {
    let (mut store, _, ids) = loaded();
    let read = |store: &Store, slug: &str| {
        store
            .list(&ListQuery::default())
            .expect("list")
            .into_iter()
            .find(|r| r.id == ids[slug])
            .map(|r| r.read)
    };
    store.set_read(ids["reworded"], true).expect("read");
    for slug in ["strike", "republished", "retitled", "reworded"] {
        assert_eq!(read(&store, slug), Some(true), "{slug}");
    }
    assert_eq!(read(&store, "follow-up"), Some(false));
    store.set_copies_share_read(false);
    store.set_read(ids["strike"], false).expect("unread");
    assert_eq!(read(&store, "strike"), Some(false));
    assert_eq!(read(&store, "retitled"), Some(true));
}

#[test]
fn the_list_shows_a_copy_group_once_but_a_feed_keeps_the_copy_it_carries() {
    let (mut store, stories, ids) = loaded();
    let rows = |store: &Store, query: ListQuery| -> Vec<StoryId> {
        let query = ListQuery {
            collapse_copies: true,
            ..query
        };
        store
            .list(&query)
            .expect("list")
            .iter()
            .map(|r| r.id)
            .collect()
    };
    let all = rows(&store, ListQuery::default());
    assert_eq!(all.len(), stories.len() - 3, "three copies of one story");
    assert!(
        all.contains(&ids["strike"]),
        "the first copy stands for them"
    );
    for copy in ["republished", "retitled", "reworded"] {
        assert!(!all.contains(&ids[copy]), "{copy}");
    }

    // Coastline Post republished the strike story: its own list still has it.
    let coastline = store
        .feeds()
        .expect("feeds")
        .into_iter()
        .find(|f| f.title == "Coastline Post")
        .expect("the feed")
        .id;
    let in_feed = ListQuery {
        feed: Some(coastline),
        ..ListQuery::default()
    };
    let mut own = rows(&store, in_feed.clone());
    own.sort();
    let mut expected = vec![ids["republished"], ids["own-report"]];
    expected.sort();
    assert_eq!(own, expected);

    // Unread counts count rows, as the list shows them.
    let unread = |store: &Store, query: ListQuery| {
        store
            .count(&ListQuery {
                unread_only: true,
                collapse_copies: true,
                ..query
            })
            .expect("count")
    };
    assert_eq!(unread(&store, ListQuery::default()), all.len() as u64);
    assert_eq!(unread(&store, in_feed.clone()), 2);
    store.set_read(ids["strike"], true).expect("read");
    assert_eq!(unread(&store, ListQuery::default()), all.len() as u64 - 1);
    assert_eq!(
        unread(&store, in_feed),
        1,
        "the copy was marked with its group"
    );
}

#[test]
fn a_related_line_in_a_page_stays_a_link() {
    let html = "<html><body><article><h1>Ferry crews strike</h1>\
        <p>Ferry crews walked off the job on Tuesday after talks over night-shift pay collapsed, halting every crossing of the strait.</p>\
        <p>RELATED: <a href=\"https://wire.example/2026/03/02/ferry-talks\">Ferry talks stall over pay</a></p>\
        <p>The union said crews would stay out until the allowance cut in January was restored, and the operator called the walkout reckless.</p>\
        </article></body></html>";
    let article = byline::extract::extract_article(html, Some("https://wire.example/a"));
    let text = article.text();
    assert!(
        text.contains("RELATED: Ferry talks stall over pay"),
        "{text}"
    );
    let link = article.links.first().expect("the link is kept");
    assert_eq!(link.url, "https://wire.example/2026/03/02/ferry-talks");
    let anchor: String = text
        .chars()
        .skip(link.start)
        .take(link.end - link.start)
        .collect();
    assert_eq!(anchor, "Ferry talks stall over pay");
}

/// Runs the binary on a cache folder.
fn byline(data: &Path, args: &[&str]) -> String {
    String::from_utf8(support::home::run_on_data(data, args)).expect("utf-8")
}

fn json(data: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&byline(data, args)).expect("json")
}

#[test]
fn show_and_list_carry_events_copies_related_and_link_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    let stories = fixtures();
    let ids = {
        let mut store = Store::open(&data.join("cache.db")).expect("cache");
        load(&mut store, &stories)
    };
    let id = |slug: &str| ids[slug].0;

    let copy = json(&data, &["show", &id("retitled").to_string(), "--json"]);
    assert_eq!(copy["duplicate_of"], id("strike"));
    assert!(copy["event"].is_i64());
    let related = copy["related"].as_array().expect("related");
    assert_eq!(related[0]["relation"], "duplicate");
    assert!(
        related
            .iter()
            .any(|r| r["id"] == id("strike") && r["relation"] == "duplicate")
    );
    assert!(
        related
            .iter()
            .all(|r| r["title"].is_string() && r["score"].is_number())
    );

    let own = json(&data, &["show", &id("own-report").to_string(), "--json"]);
    assert_eq!(own["duplicate_of"], serde_json::Value::Null);
    assert_eq!(own["event"], copy["event"]);
    assert_eq!(own["links"][0]["story_id"], id("strike"));
    let alone = json(&data, &["show", &id("museum").to_string(), "--json"]);
    assert_eq!(alone["event"], serde_json::Value::Null);
    assert_eq!(alone["related"], serde_json::json!([]));

    // list --json keeps every story, copies included, each with its fields.
    let listed = json(&data, &["list", "--json"]);
    let listed = listed.as_array().expect("array");
    assert_eq!(listed.len(), stories.len());
    for s in &stories {
        let row = listed
            .iter()
            .find(|r| r["id"] == id(&s.slug))
            .expect("listed");
        let want = s.duplicate_of.as_ref().map(|d| id(d));
        assert_eq!(row["duplicate_of"].as_i64(), want, "{}", s.slug);
        assert_eq!(row["event"].is_null(), s.event.is_empty(), "{}", s.slug);
    }

    // Plain list: one row per duplicate group, with the number of copies.
    let plain = byline(&data, &["list"]);
    let rows: Vec<&str> = plain.lines().collect();
    assert_eq!(rows.len(), stories.len() - 3, "{plain}");
    let first = rows
        .iter()
        .find(|l| l.trim_start().starts_with(&format!("{} ", id("strike"))))
        .expect("the first copy is listed");
    assert!(first.ends_with("(4 copies)"), "{first}");
    for copy in ["republished", "retitled", "reworded"] {
        assert!(
            !rows
                .iter()
                .any(|l| l.trim_start().starts_with(&format!("{} ", id(copy))))
        );
    }
}

#[derive(Deserialize)]
struct DemoTruth {
    story: Vec<DemoStory>,
}

#[derive(Deserialize)]
struct DemoStory {
    url: String,
    event: String,
    duplicate_of: Option<String>,
}

#[test]
fn demo_stories_get_their_events_and_copies() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("data");
    byline(&data, &[]); // the first run loads the demo set
    let listed = json(&data, &["list", "--json"]);
    let listed = listed.as_array().expect("array");
    let truth: DemoTruth = toml::from_str(
        &std::fs::read_to_string("tests/fixtures/demo_expected.toml").expect("truth"),
    )
    .expect("truth parses");
    let row = |url: &str| {
        listed
            .iter()
            .find(|r| r["url"] == url)
            .unwrap_or_else(|| panic!("{url} listed"))
    };
    let mut events: BTreeMap<&str, BTreeSet<Option<i64>>> = BTreeMap::new();
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &truth.story {
        let r = row(&s.url);
        let want = s.duplicate_of.as_deref().map(|u| row(u)["id"].clone());
        assert_eq!(
            r["duplicate_of"],
            want.unwrap_or(serde_json::Value::Null),
            "{}",
            s.url
        );
        events
            .entry(&s.event)
            .or_default()
            .insert(r["event"].as_i64());
        *sizes.entry(&s.event).or_default() += 1;
    }
    for (label, found) in &events {
        assert_eq!(found.len(), 1, "{label} is one event: {found:?}");
        let alone = sizes[label] == 1;
        assert_eq!(found.contains(&None), alone, "{label}: {found:?}");
    }
    let distinct: BTreeSet<_> = events.values().flatten().flatten().collect();
    assert_eq!(
        distinct.len(),
        events.values().filter(|e| !e.contains(&None)).count()
    );
}

/// A wire story carried by two outlets, long enough to be judged a copy.
const WIRE: &str = "The harbour authority in Valdera closed the northern shipping lane on \
    Tuesday after a cargo vessel lost power near the breakwater, leaving dozens of ferries \
    waiting outside the port while tugboats towed the stricken ship toward the repair docks. \
    Officials said the closure would last until engineers inspected the damaged seawall, and \
    fishermen complained that the delay cost them a full day of catches during the busiest \
    month of the season. Port director Amara Velik promised compensation for the ferry \
    operators and said divers would survey the channel floor before traffic resumed.";

#[test]
fn a_fetch_with_pages_relates_each_story_by_its_page_or_its_feed_text() {
    let srv = support::TestServer::start();
    let page = format!(
        "<html><head><title>Lane closed</title></head><body><article><h1>Lane closed</h1>\
         <p>{WIRE}</p></article></body></html>"
    );
    let feeds: Vec<String> = (0..2)
        .map(|f| {
            let title = format!("Shipping lane closed after vessel loses power ({f})");
            let xml = support::farm::rss(&srv, f, [(0, title, WIRE.to_owned())]);
            support::farm::serve_feed(&srv, f, xml, std::time::Duration::ZERO)
        })
        .collect();
    // The first outlet's page answers; the second's is gone, so that story
    // keeps (and is related by) its feed text.
    support::farm::serve_page(&srv, 0, 0, page, std::time::Duration::ZERO);
    srv.route("/s/1/0.html", support::Reply::status(404));
    let home = support::home::Home::with_feeds(&feeds);
    home.run(&["fetch"]);

    let listed = home.json(&["list", "--json"]);
    let stories = listed.as_array().expect("a list");
    assert_eq!(stories.len(), 2, "{listed}");
    assert!(stories.iter().all(|s| s["event"].is_i64()), "{listed}");
    assert_eq!(stories[0]["event"], stories[1]["event"], "{listed}");
    let copies: Vec<&serde_json::Value> = stories
        .iter()
        .filter(|s| s["duplicate_of"].is_i64())
        .collect();
    assert_eq!(copies.len(), 1, "one story is the other's copy: {listed}");
}

/// Every row of the related-stories index, table by table, read through a
/// second connection to the cache file.
fn index_tables(path: &Path) -> Vec<Vec<Vec<String>>> {
    let conn = rusqlite::Connection::open(path).expect("second connection");
    [
        "SELECT story_id, published, event, duplicate_of, hex(terms) FROM relate_stories ORDER BY 1",
        "SELECT term, df FROM relate_terms ORDER BY 1",
        "SELECT id, first, last, size, hex(centroid) FROM relate_events ORDER BY 1",
        "SELECT term, event FROM relate_event_terms ORDER BY 1, 2",
        "SELECT band, story FROM relate_bands ORDER BY 1, 2",
        "SELECT story, other, score, duplicate FROM relate_links ORDER BY 1, 2",
    ]
    .iter()
    .map(|sql| {
        let mut stmt = conn.prepare(sql).expect("query");
        let columns = stmt.column_count();
        stmt.query_map([], |r| {
            (0..columns)
                .map(|k| {
                    r.get::<_, rusqlite::types::Value>(k)
                        .map(|v| format!("{v:?}"))
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .expect("rows")
        .collect::<Result<Vec<_>, _>>()
        .expect("values")
    })
    .collect()
}

#[test]
fn a_full_rebuild_writes_the_index_that_storing_one_by_one_wrote() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cache.db");
    let mut store = Store::open(&path).expect("store");
    for outlet in byline::demo::demo_set() {
        let feed = store.upsert_feed(&outlet.source).expect("feed");
        for (item, article) in outlet.stories {
            store_analysed(&mut store, feed, item, article);
        }
    }
    load(&mut store, &fixtures());
    let incremental = index_tables(&path);
    assert!(
        incremental.iter().all(|rows| !rows.is_empty()),
        "every table has rows"
    );
    store.rebuild_related().expect("rebuild");
    let rebuilt = index_tables(&path);
    for (k, (a, b)) in incremental.iter().zip(&rebuilt).enumerate() {
        assert_eq!(a, b, "table {k}");
    }
}

/// (term, events posted under it), ordered by term.
type Counts = Vec<(i64, i64)>;

/// The `relate_terms` rows from 2^32 up that count, per term, the events
/// posted under it, and the counts the postings themselves give.
fn posted_counts(path: &Path) -> (Counts, Counts) {
    let conn = rusqlite::Connection::open(path).expect("second connection");
    let rows = |sql: &str| -> Counts {
        let mut stmt = conn.prepare(sql).expect("query");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("values")
    };
    (
        rows(
            "SELECT term - 4294967296, df FROM relate_terms WHERE term >= 4294967296 AND df > 0 ORDER BY 1",
        ),
        rows("SELECT term, COUNT(*) FROM relate_event_terms GROUP BY term ORDER BY 1"),
    )
}

#[test]
fn each_terms_event_count_is_the_events_posted_under_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cache.db");
    let mut store = Store::open(&path).expect("store");
    load(&mut store, &fixtures());
    let (kept, counted) = posted_counts(&path);
    assert!(!counted.is_empty());
    assert_eq!(kept, counted, "after storing one by one");
    store.rebuild_related().expect("rebuild");
    let (kept, counted) = posted_counts(&path);
    assert_eq!(kept, counted, "after a rebuild");

    // A cache from before the counts were kept gets them when opened.
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("second connection");
    conn.execute_batch(
        "DELETE FROM relate_terms WHERE term >= 4294967296; PRAGMA user_version = 5;",
    )
    .expect("the old schema");
    drop(conn);
    assert_eq!(posted_counts(&path).0, []);
    let store = Store::open(&path).expect("store");
    let (kept, counted) = posted_counts(&path);
    assert_eq!(kept, counted, "after the migration");
    assert_eq!(store.integrity_check().expect("check"), "ok");
}
