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
