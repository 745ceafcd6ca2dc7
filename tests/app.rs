//! Update tests: keys and messages in, state and effects out. No terminal,
//! no store: loads are answered from the fixture stories.

#![allow(clippy::unwrap_used)]

#[path = "app/filters.rs"]
mod filters;
#[path = "app/mouse.rs"]
mod mouse;
#[path = "app/paging.rs"]
mod paging;
#[path = "app/watch.rs"]
mod watch;

use std::collections::BTreeMap;

use byline::app::refresh::Outcome;
use byline::app::{App, Effect, FetchCmd, Loaded, Msg, Pane, Query, RequestId};
use byline::fetch::run::FetchEvent;
use byline::headless::{Fixtures, Source};
use byline::keymap::{KeyChord, Keymap};
use byline::model::{FeedId, StoryId, StoryRow};
use chrono::{DateTime, Duration, TimeZone, Utc};
use crossterm::event::KeyEvent;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap()
}

fn fixtures() -> Fixtures {
    Fixtures::from_json(include_str!("fixtures/tui/stories.json")).unwrap()
}

/// Answers loads from the fixtures until none are left; returns every other effect.
fn settle(app: &mut App, effects: Vec<Effect>, source: &Fixtures) -> Vec<Effect> {
    let mut queue = std::collections::VecDeque::from(effects);
    let mut out = Vec::new();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Load(query, req) => {
                let data = source.load(&query).unwrap();
                queue.extend(app.update(Msg::Loaded { req, data }));
            }
            other => out.push(other),
        }
    }
    out
}

fn started(source: &Fixtures) -> App {
    let mut app = App::new(Keymap::default(), now(), (100, 30));
    let first = app.start();
    assert!(settle(&mut app, first, source).is_empty());
    app
}

/// Presses the keys (space separated, keymap syntax) and returns the raw effects.
fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys.split_whitespace() {
        let chord = KeyChord::parse(key).unwrap();
        effects.extend(app.update(Msg::Key(KeyEvent::new(chord.code, chord.mods))));
    }
    effects
}

fn selected(app: &App) -> StoryId {
    app.list.current().unwrap().row.id
}

fn row(id: i64, minutes_ago: i64) -> StoryRow {
    StoryRow {
        id: StoryId(id),
        title: format!("Story {id}"),
        feed: "Harbour Wire".to_owned(),
        url: Some(format!("https://news.example/{id}")),
        published: now() - Duration::minutes(minutes_ago),
        read: false,
        starred: false,
        event: None,
        duplicate_of: None,
        copies: 1,
    }
}

#[test]
fn start_loads_feeds_and_stories_newest_first() {
    let source = fixtures();
    let mut app = App::new(Keymap::default(), now(), (100, 30));
    let effects = app.start();
    // The list first: the cache answers in order and the first frame needs it.
    assert!(matches!(effects[0], Effect::Load(Query::Stories(_), _)));
    assert!(matches!(effects[1], Effect::Load(Query::Feeds, _)));
    settle(&mut app, effects, &source);
    assert_eq!(app.feeds.len(), 3);
    let ids: Vec<i64> = app.list.rows.iter().map(|r| r.row.id.0).collect();
    assert_eq!(ids, [103, 101, 105, 104, 102, 106]);
    assert_eq!(app.list.rows[0].copies, 1);
}

#[test]
fn moving_and_opening_marks_the_story_read() {
    let source = fixtures();
    let mut app = started(&source);
    press(&mut app, "j j k");
    assert_eq!(selected(&app), StoryId(101));
    let effects = press(&mut app, "enter");
    assert!(effects.contains(&Effect::Load(Query::Story(StoryId(101)), RequestId(3))));
    assert!(effects.contains(&Effect::SetRead {
        id: StoryId(101),
        read: true
    }));
    settle(&mut app, effects, &source);
    assert_eq!(app.focus, Pane::Reader);
    let reader = app.reader.as_ref().unwrap();
    assert_eq!(reader.detail.as_ref().unwrap().story.id, StoryId(101));
    assert!(app.list.current().unwrap().row.read);
    // Harbour Wire had two unread stories; one is now read.
    assert_eq!(app.feeds[0].unread, 1);
    press(&mut app, "q");
    assert!(app.reader.is_none());
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
    assert!(app.quitting());
}

#[test]
fn key_sequences_and_remapped_keys_resolve() {
    let source = fixtures();
    let mut app = started(&source);
    press(&mut app, "G");
    assert_eq!(selected(&app), StoryId(106));
    press(&mut app, "g");
    assert_eq!(
        selected(&app),
        StoryId(106),
        "g alone waits for a second key"
    );
    press(&mut app, "g");
    assert_eq!(selected(&app), StoryId(103));

    let mut table = BTreeMap::new();
    table.insert("toggle_star".to_owned(), "f".to_owned());
    app.keymap = Keymap::with_overrides(&table).unwrap();
    assert_eq!(
        press(&mut app, "f"),
        [Effect::SetStarred {
            id: StoryId(103),
            starred: true
        }]
    );
    assert!(press(&mut app, "s").is_empty());
}

#[test]
fn stale_loaded_answers_are_dropped() {
    let source = fixtures();
    let mut app = started(&source);
    let first = press(&mut app, "u");
    let second = press(&mut app, "u");
    let (Effect::Load(_, old), Effect::Load(_, new)) = (&first[0], &second[0]) else {
        panic!("u should reload the list: {first:?} {second:?}");
    };
    app.update(Msg::Loaded {
        req: *old,
        data: Loaded::Stories(vec![row(1, 5)]),
    });
    assert_eq!(app.list.rows.len(), 6, "the older answer changed the list");
    app.update(Msg::Loaded {
        req: *new,
        data: Loaded::Stories(vec![row(1, 5)]),
    });
    assert_eq!(app.list.rows.len(), 1);
}

#[test]
fn new_stories_keep_the_cursor_on_the_same_story_and_screen_row() {
    let mut app = App::new(Keymap::default(), now(), (100, 12));
    let effects = app.start();
    let Effect::Load(_, req) = effects[0] else {
        panic!("no story load");
    };
    let rows: Vec<StoryRow> = (1..=20).rev().map(|i| row(i, 100 - i)).collect();
    app.update(Msg::Loaded {
        req,
        data: Loaded::Stories(rows.clone()),
    });
    press(&mut app, "j j j j j j j j j j j j");
    let before = (selected(&app), app.list.selected - app.list.offset);
    assert_eq!(before.0, StoryId(8));

    app.update(Msg::Fetch(FetchEvent::FeedUnchanged { feed: FeedId(2) }));
    let effects = app.update(Msg::Fetch(FetchEvent::FeedStored {
        feed: FeedId(1),
        new: 3,
    }));
    let req = effects
        .iter()
        .find_map(|e| match e {
            Effect::Load(Query::Stories(_), req) => Some(*req),
            _ => None,
        })
        .expect("new stories reload the list");
    let mut fresh: Vec<StoryRow> = (21..=23).rev().map(|i| row(i, 0)).collect();
    fresh.extend(rows);
    app.update(Msg::Loaded {
        req,
        data: Loaded::Stories(fresh),
    });
    assert_eq!(selected(&app), StoryId(8));
    assert_eq!(app.list.selected - app.list.offset, before.1);
    assert_eq!(app.list.selected, 15);
}

#[test]
fn search_emits_a_load_with_the_typed_words() {
    let source = fixtures();
    let mut app = started(&source);
    assert!(press(&mut app, "/ p o r t").is_empty());
    assert_eq!(app.search_input.as_deref(), Some("port"));
    let effects = press(&mut app, "enter");
    let [Effect::Load(Query::Stories(query), _)] = effects.as_slice() else {
        panic!("enter should load the search: {effects:?}");
    };
    assert_eq!(query.search.as_deref(), Some("port"));
    settle(&mut app, effects, &source);
    let ids: Vec<i64> = app.list.rows.iter().map(|r| r.row.id.0).collect();
    assert_eq!(ids, [101, 105], "whole words only: not 'report' or 'ports'");
    // Back clears the search before it quits.
    let effects = press(&mut app, "esc");
    assert!(
        matches!(effects.as_slice(), [Effect::Load(Query::Stories(q), _)] if q.search.is_none())
    );
}

#[test]
fn open_in_browser_refuses_anything_but_http() {
    let source = fixtures();
    let mut app = started(&source);
    // The first story's own URL is javascript:.
    assert!(press(&mut app, "o").is_empty());
    assert!(app.message.as_deref().unwrap().contains("not a web"));
    let effects = press(&mut app, "enter");
    settle(&mut app, effects, &source);
    // Its only link is javascript: too.
    assert!(press(&mut app, "l o").is_empty());

    press(&mut app, "q j");
    assert_eq!(
        press(&mut app, "o"),
        [Effect::OpenUrl("https://news.example/101".to_owned())]
    );
    let effects = press(&mut app, "enter");
    settle(&mut app, effects, &source);
    assert_eq!(
        press(&mut app, "l l o"),
        [Effect::OpenUrl("https://port.example/report".to_owned())]
    );
}

#[test]
fn quotes_and_entities_take_the_focus_in_text_order() {
    let source = fixtures();
    let mut app = started(&source);
    let effects = press(&mut app, "j enter");
    settle(&mut app, effects, &source);
    use byline::app::reader::Focus;
    press(&mut app, "]");
    assert_eq!(app.reader.as_ref().unwrap().focus, Focus::Quote(0));
    press(&mut app, "] ]");
    assert_eq!(
        app.reader.as_ref().unwrap().focus,
        Focus::Quote(0),
        "quotes wrap around"
    );
    press(&mut app, "[");
    assert_eq!(app.reader.as_ref().unwrap().focus, Focus::Quote(1));
    press(&mut app, "} }");
    // The dateline names Romania before anyone else; then Constanța.
    let detail = app.reader.as_ref().unwrap().detail.clone().unwrap();
    let order = byline::app::article::mention_order(&detail);
    assert_eq!(detail.entities[order[0].0].name, "Romania");
    assert_eq!(detail.entities[order[1].0].name, "Constanța");
    assert_eq!(app.reader.as_ref().unwrap().focus, Focus::Mention(1));
}

#[test]
fn refresh_reports_progress_and_offline_as_state() {
    let source = fixtures();
    let mut app = started(&source);
    assert_eq!(press(&mut app, "R"), [Effect::Fetch(FetchCmd::RefreshAll)]);
    assert!(press(&mut app, "R").is_empty(), "one refresh at a time");
    assert_eq!(app.refresh.feeds_total, 3);
    for feed in 1..=3 {
        app.update(Msg::Fetch(FetchEvent::FeedFailed {
            feed: FeedId(feed),
            title: "x".to_owned(),
            error: "could not connect".to_owned(),
        }));
    }
    assert_eq!(app.refresh.feeds_done, 3);
    app.update(Msg::FetchEnded { error: None });
    assert!(!app.refresh.running);
    assert_eq!(app.refresh.last, Some(Outcome::Offline));
    assert_eq!(app.list.rows.len(), 6, "the cached stories stay");
}

#[test]
fn mark_all_read_and_next_unread() {
    let source = fixtures();
    let mut app = started(&source);
    press(&mut app, "n");
    assert_eq!(selected(&app), StoryId(101));
    press(&mut app, "n n");
    assert_eq!(selected(&app), StoryId(104));
    let effects = press(&mut app, "A");
    assert_eq!(effects.len(), 4);
    assert_eq!(app.list.unread(), 0);
    assert!(app.feeds.iter().all(|f| f.unread == 0));
    press(&mut app, "n");
    assert_eq!(
        app.message.as_deref(),
        Some("No unread stories left in this list.")
    );
}
