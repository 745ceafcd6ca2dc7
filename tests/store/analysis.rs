//! The analysis in the cache: stored with the text, the entity index, the
//! person/country/org filters, and stale analyses found again.

use super::*;
use byline::model::{Analysis, Entity, EntityKind, Mention, Quote};
use byline::store::StoryText;

fn entity(kind: EntityKind, name: &str, country: Option<&str>, salience: f32) -> Entity {
    Entity {
        kind,
        name: name.to_owned(),
        country: country.map(str::to_owned),
        salience,
        mentions: vec![Mention {
            start: 0,
            end: 3,
            text: name.chars().take(3).collect(),
        }],
    }
}

/// Stores three stories: one about North Korea quoting Kim Jong Un, one
/// in Seoul (a place in KR), one naming the United Nations.
fn three_analysed_stories() -> (Store, Vec<StoryId>) {
    let mut store = Store::open_in_memory().unwrap();
    let feed = store
        .upsert_feed(&source("https://a.example/rss", None))
        .unwrap();
    let items = vec![
        item("k", "Missile launch", Some(at(8, 0))),
        item("s", "Seoul market", Some(at(9, 0))),
        item("u", "Assembly vote", Some(at(10, 0))),
    ];
    let analyses = [
        Analysis {
            entities: vec![
                entity(EntityKind::Person, "Kim Jong Un", None, 0.9),
                entity(EntityKind::Country, "North Korea", Some("KP"), 0.8),
            ],
            quotes: vec![Quote {
                text: "We will respond".to_owned(),
                start: 1,
                end: 16,
                speaker: Some("Kim Jong Un".to_owned()),
                speaker_kind: Some(EntityKind::Person),
            }],
        },
        Analysis {
            entities: vec![entity(EntityKind::Place, "Seoul", Some("KR"), 0.5)],
            quotes: vec![],
        },
        Analysis {
            entities: vec![
                entity(EntityKind::Org, "United Nations", None, 0.7),
                entity(EntityKind::Person, "Kim Min-jun", None, 0.2),
            ],
            quotes: vec![],
        },
    ];
    let texts = analyses
        .into_iter()
        .map(|analysis| {
            Some(StoryText {
                shingles: None,
                article: article(&["Some text."]),
                analysis,
                analyzer_version: 3,
            })
        })
        .collect();
    let update = FeedUpdate {
        texts,
        ..fetch(items)
    };
    let stored = store.store_feed(feed, &update, at(11, 0)).unwrap();
    (store, stored.new)
}

#[test]
fn a_new_storys_analysis_is_stored_with_it() {
    let (store, ids) = three_analysed_stories();
    let (analysis, version) = store.analysis(ids[0]).unwrap().expect("analysed");
    assert_eq!(version, 3);
    assert_eq!(analysis.entities.len(), 2);
    assert_eq!(
        analysis.entities[0].name, "Kim Jong Un",
        "most salient first"
    );
    assert_eq!(analysis.quotes[0].speaker.as_deref(), Some("Kim Jong Un"));
    assert_eq!(analysis.entities[1].country.as_deref(), Some("KP"));
}

#[test]
fn filters_find_stories_by_person_country_and_org() {
    let (store, ids) = three_analysed_stories();
    let query = |f: fn(&mut ListQuery)| {
        let mut q = ListQuery::default();
        f(&mut q);
        store
            .list(&q)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(query(|q| q.person = Some("kim jong un".into())), [ids[0]]);
    assert_eq!(query(|q| q.person = Some("Min-jun".into())), [ids[2]]);
    assert_eq!(query(|q| q.country = Some("kp".into())), [ids[0]]);
    assert_eq!(query(|q| q.country = Some("North Korea".into())), [ids[0]]);
    assert_eq!(
        query(|q| q.country = Some("KR".into())),
        [ids[1]],
        "a place counts for its country"
    );
    assert_eq!(query(|q| q.org = Some("united nations".into())), [ids[2]]);
    assert_eq!(
        query(|q| q.org = Some("U.N.".into())),
        [ids[2]],
        "a known short form stands for the full name"
    );
    assert!(query(|q| q.org = Some("United".into())).is_empty());
    assert!(
        query(|q| q.person = Some("Kim".into())).is_empty(),
        "a bare first word is not a surname"
    );
    let both = query(|q| {
        q.person = Some("Kim Jong Un".into());
        q.country = Some("KP".into());
    });
    assert_eq!(both, [ids[0]], "filters combine");
}

#[test]
fn the_entity_index_counts_stories_per_entity() {
    let (mut store, ids) = three_analysed_stories();
    // A second story naming Kim Jong Un.
    store
        .store_analysis(
            ids[1],
            &Analysis {
                entities: vec![entity(EntityKind::Person, "Kim Jong Un", None, 0.3)],
                quotes: vec![],
            },
            3,
        )
        .unwrap();
    let people = store.entity_index(Some(EntityKind::Person)).unwrap();
    assert_eq!(people[0].name, "Kim Jong Un");
    assert_eq!(people[0].stories, 2);
    assert!(people.iter().all(|e| e.kind == EntityKind::Person));
    // Re-analysing story 1 replaced its Seoul entity.
    let all = store.entity_index(None).unwrap();
    assert!(!all.iter().any(|e| e.name == "Seoul"), "{all:?}");
}

#[test]
fn stories_analysed_by_an_older_analyser_are_found_again() {
    let (mut store, ids) = three_analysed_stories();
    assert!(store.stale_analyses(3, 10).unwrap().is_empty());
    let stale: Vec<StoryId> = store
        .stale_analyses(4, 10)
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(stale, ids);
    store
        .store_analyses(&[(ids[0], Analysis::default())], 4)
        .unwrap();
    assert_eq!(store.stale_analyses(4, 10).unwrap().len(), 2);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

/// A story to store: its feed key, its time if known, its entities.
type Named<'a> = (&'a str, Option<DateTime<Utc>>, Vec<Entity>);

/// Stores stories with the given analyses and publication times (`None`:
/// the time is not known yet, so it is the time first seen, 12:00).
fn stories_with(store: &mut Store, items: &[Named<'_>]) -> Vec<StoryId> {
    stories_in(store, "https://c.example/rss", items)
}

/// Stores stories as [`stories_with`] does, in the feed at `url`.
fn stories_in(store: &mut Store, url: &str, items: &[Named<'_>]) -> Vec<StoryId> {
    let feed = store.upsert_feed(&source(url, None)).unwrap();
    let update = FeedUpdate {
        texts: items
            .iter()
            .map(|(_, _, entities)| {
                Some(StoryText {
                    shingles: None,
                    article: article(&["Some text."]),
                    analysis: Analysis {
                        entities: entities.clone(),
                        quotes: vec![],
                    },
                    analyzer_version: 3,
                })
            })
            .collect(),
        ..fetch(
            items
                .iter()
                .map(|(key, published, _)| item(key, &format!("Story {key}"), *published))
                .collect(),
        )
    };
    store.store_feed(feed, &update, at(12, 0)).unwrap().new
}

#[test]
fn a_country_filter_ranks_by_the_countrys_most_central_mention_then_newest() {
    let mut store = Store::open_in_memory().unwrap();
    let country = |c: &str, s: f32| entity(EntityKind::Country, "North Korea", Some(c), s);
    let place = |n: &str, c: &str, s: f32| entity(EntityKind::Place, n, Some(c), s);
    let ids = stories_with(
        &mut store,
        &[
            // Named once in passing, but its capital leads the story.
            (
                "a",
                Some(at(8, 0)),
                vec![country("KP", 0.3), place("Pyongyang", "KP", 0.9)],
            ),
            ("b", Some(at(9, 0)), vec![country("KP", 0.5)]),
            ("c", Some(at(10, 0)), vec![country("KP", 0.5)]),
            ("d", Some(at(11, 0)), vec![place("Seoul", "KR", 0.9)]),
            // Its time is learnt later, from the feed.
            ("e", None, vec![place("Wonsan", "KP", 0.4)]),
        ],
    );
    let (a, b, c, e) = (ids[0], ids[1], ids[2], ids[4]);
    let list = |store: &Store, q: ListQuery| -> Vec<StoryId> {
        store.list(&q).unwrap().iter().map(|r| r.id).collect()
    };
    let kp = |limit: Option<usize>| ListQuery {
        country: Some("North Korea".into()),
        limit,
        ..ListQuery::default()
    };
    assert_eq!(
        list(&store, kp(None)),
        [a, c, b, e],
        "most central first, the tie newest first"
    );
    assert_eq!(
        list(&store, kp(Some(2))),
        [a, c],
        "a page is the list's head"
    );
    // A page of a large country is read from its index in order, not sorted.
    let plan = store.list_plan(&kp(Some(2))).unwrap().join("\n");
    assert!(
        plan.contains("story_countries_rank") && !plan.contains("TEMP B-TREE"),
        "{plan}"
    );
    assert_eq!(store.count(&kp(None)).unwrap(), 4);
    assert!(!list(&store, kp(None)).contains(&ids[3]), "Seoul is in KR");

    // Re-analysed, e ties with b and c and is the newest (first seen at
    // noon); then the feed gives its real time, the oldest of the three.
    store
        .store_analysis(
            e,
            &Analysis {
                entities: vec![country("KP", 0.5)],
                quotes: vec![],
            },
            3,
        )
        .unwrap();
    assert_eq!(list(&store, kp(None)), [a, e, c, b]);
    let feed = store
        .upsert_feed(&source("https://c.example/rss", None))
        .unwrap();
    let dated = fetch(vec![item("e", "Story e", Some(at(8, 30)))]);
    store.store_feed(feed, &dated, at(13, 0)).unwrap();
    assert_eq!(list(&store, kp(None)), [a, c, b, e], "ties newest first");
    store.set_read(c, true).unwrap();
    let unread = ListQuery {
        unread_only: true,
        ..kp(None)
    };
    assert_eq!(list(&store, unread.clone()), [a, b, e]);
    assert_eq!(store.count(&unread).unwrap(), 3);

    // Re-analysed without its capital, a falls to its passing mention.
    store
        .store_analysis(
            a,
            &Analysis {
                entities: vec![country("KP", 0.3)],
                quotes: vec![],
            },
            3,
        )
        .unwrap();
    assert_eq!(list(&store, kp(None)), [c, b, e, a]);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_cache_from_before_the_country_index_gets_it_when_opened() {
    let (_dir, path) = temp_cache();
    let ids = {
        let mut store = Store::open(&path).unwrap();
        let place = |n: &str, c: &str, s: f32| entity(EntityKind::Place, n, Some(c), s);
        stories_with(
            &mut store,
            &[
                ("a", Some(at(8, 0)), vec![place("Kaesong", "KP", 0.2)]),
                (
                    "b",
                    Some(at(9, 0)),
                    vec![place("Pyongyang", "KP", 0.6), place("Sinuiju", "KP", 0.1)],
                ),
                ("c", Some(at(10, 0)), vec![place("Busan", "KR", 0.6)]),
            ],
        )
    };
    // What schema version 3 had: the entity index, no country index, no
    // kept counts.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP TABLE country_stories; ALTER TABLE entities DROP COLUMN stories;
         DROP TRIGGER story_countries_published; DROP TABLE story_countries;
         PRAGMA user_version = 3;",
    )
    .unwrap();
    drop(conn);

    let store = Store::open(&path).unwrap();
    let kp: Vec<StoryId> = store
        .list(&ListQuery {
            country: Some("kp".into()),
            ..ListQuery::default()
        })
        .unwrap()
        .iter()
        .map(|r| r.id)
        .collect();
    assert_eq!(
        kp,
        [ids[1], ids[0]],
        "by each story's most central KP place"
    );
    let places = store.entity_index(Some(EntityKind::Place)).unwrap();
    assert_eq!(places.len(), 4);
    assert!(places.iter().all(|p| p.stories == 1), "{places:?}");
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn the_pickers_counts_follow_stories_as_they_come_and_go() {
    let mut store = Store::open_in_memory().unwrap();
    let person = |n: &str| entity(EntityKind::Person, n, None, 0.5);
    let country = entity(EntityKind::Country, "North Korea", Some("KP"), 0.5);
    let place = entity(EntityKind::Place, "Pyongyang", Some("KP"), 0.5);
    let demo = stories_in(
        &mut store,
        "demo:northgate",
        &[
            (
                "a",
                Some(at(8, 0)),
                vec![person("Kim Jong Un"), country.clone()],
            ),
            (
                "b",
                Some(at(9, 0)),
                vec![person("Kim Jong Un"), place.clone()],
            ),
        ],
    );
    stories_with(
        &mut store,
        &[(
            "c",
            Some(at(10, 0)),
            vec![person("Ri Son Gwon"), place.clone()],
        )],
    );
    let counts = |store: &Store, kind| -> Vec<(String, u64)> {
        store
            .entity_index(Some(kind))
            .unwrap()
            .into_iter()
            .map(|e| (e.name, e.stories))
            .collect()
    };
    let named = |n: &str, k: u64| (n.to_owned(), k);
    assert_eq!(
        counts(&store, EntityKind::Person),
        [named("Kim Jong Un", 2), named("Ri Son Gwon", 1)]
    );
    assert_eq!(
        counts(&store, EntityKind::Country),
        [named("North Korea", 3)],
        "a country counts the stories about it, through its places too"
    );
    // Re-analysed, story a no longer names Kim Jong Un.
    store
        .store_analysis(
            demo[0],
            &Analysis {
                entities: vec![country],
                quotes: vec![],
            },
            3,
        )
        .unwrap();
    assert_eq!(
        counts(&store, EntityKind::Person)[0],
        named("Kim Jong Un", 1)
    );
    // The demo stories go when real news arrives, and their counts with them.
    assert_eq!(store.remove_demo().unwrap(), 2);
    assert_eq!(
        counts(&store, EntityKind::Person),
        [named("Ri Son Gwon", 1)]
    );
    assert_eq!(
        counts(&store, EntityKind::Country),
        [named("North Korea", 1)],
        "story c is still about North Korea, through its capital"
    );
    assert_eq!(counts(&store, EntityKind::Place), [named("Pyongyang", 1)]);
}
