//! Another process (a cron `byline fetch`) writes to the cache while the
//! reader is open: `Msg::CacheChanged` reloads the list, the feeds and the
//! saved filters' counts, and the new stories never move the cursor or
//! what the list shows.

use super::*;
use byline::app::SavedFilter;
use byline::model::FeedState;
use byline::store::ListQuery;

fn feed(unread: u64) -> FeedState {
    FeedState {
        id: FeedId(1),
        url: "https://harbour.example/rss".to_owned(),
        title: "Harbour Wire".to_owned(),
        tags: Vec::new(),
        site_url: None,
        last_fetch: None,
        last_success: None,
        last_error: None,
        moved_to: None,
        retry_at: None,
        stories: unread,
        unread,
    }
}

/// Answers every load as a cache holding the stories `rows` would; returns
/// the kinds of query answered, in order.
fn answer(app: &mut App, effects: Vec<Effect>, rows: &[StoryRow]) -> Vec<&'static str> {
    let mut queue = std::collections::VecDeque::from(effects);
    let mut asked = Vec::new();
    while let Some(effect) = queue.pop_front() {
        let Effect::Load(query, req) = effect else {
            panic!("only loads were expected: {effect:?}");
        };
        let (kind, data) = match query {
            Query::Stories(_) => ("stories", Loaded::Stories(rows.to_vec())),
            Query::Feeds => ("feeds", Loaded::Feeds(vec![feed(rows.len() as u64)])),
            Query::Counts(qs) => ("counts", Loaded::Counts(vec![rows.len() as u64; qs.len()])),
            other => panic!("unexpected load {other:?}"),
        };
        asked.push(kind);
        queue.extend(app.update(Msg::Loaded { req, data }));
    }
    asked
}

/// Returns the story on the list's first visible row.
fn top_row(app: &App) -> StoryId {
    app.list.rows[app.list.offset].row.id
}

fn opened_with(rows: &[StoryRow]) -> App {
    let mut app = App::new(Keymap::default(), now(), (100, 12));
    app.saved = vec![SavedFilter {
        name: "Harbour".to_owned(),
        query: ListQuery {
            search: Some("harbour".to_owned()),
            ..ListQuery::default()
        },
        unread: None,
    }];
    let first = app.start();
    answer(&mut app, first, rows);
    app
}

#[test]
fn stories_written_by_another_process_appear_without_moving_the_cursor() {
    let rows: Vec<StoryRow> = (1..=20).rev().map(|i| row(i, 100 - i)).collect();
    let mut app = opened_with(&rows);
    press(&mut app, "j j j j j j j j j j j j");
    let (cursor, screen_row, top) = (
        selected(&app),
        app.list.selected - app.list.offset,
        top_row(&app),
    );
    assert_ne!(top, StoryId(20), "the list is scrolled");
    assert_eq!(cursor, StoryId(8));
    assert_eq!(app.unread(), 20);

    let effects = app.update(Msg::CacheChanged);
    let mut fresh: Vec<StoryRow> = (21..=23).rev().map(|i| row(i, 0)).collect();
    fresh.extend(rows);
    let asked = answer(&mut app, effects, &fresh);
    assert_eq!(
        asked,
        ["feeds", "stories", "counts"],
        "the same reloads as a refresh"
    );
    assert_eq!(app.list.rows.len(), 23);
    assert_eq!(selected(&app), cursor, "the cursor stays on its story");
    assert_eq!(app.list.selected - app.list.offset, screen_row);
    assert_eq!(top_row(&app), top, "the same stories stay on screen");
    assert_eq!(app.unread(), 23);
    assert_eq!(app.feeds[0].unread, 23);
    assert_eq!(app.saved[0].unread, Some(23));
    assert!(app.take_dirty());
}

#[test]
fn changes_during_the_readers_own_refresh_reload_once_when_it_ends() {
    let rows: Vec<StoryRow> = (1..=5).rev().map(|i| row(i, 100 - i)).collect();
    let mut app = opened_with(&rows);
    assert_eq!(press(&mut app, "R"), [Effect::Fetch(FetchCmd::RefreshAll)]);
    // The refresh's own commits change the cache at every look; it reloads
    // by itself for each feed that brought stories.
    assert!(app.update(Msg::CacheChanged).is_empty());
    assert!(app.update(Msg::CacheChanged).is_empty());
    app.update(Msg::Fetch(FetchEvent::FeedUnchanged { feed: FeedId(1) }));
    // When it ends, whatever else was written is loaded, once.
    let mut fresh = vec![row(6, 0)];
    fresh.extend(rows.iter().cloned());
    let effects = app.update(Msg::FetchEnded { error: None });
    assert_eq!(answer(&mut app, effects, &fresh).len(), 3);
    assert_eq!(app.list.rows.len(), 6);
    assert_eq!(app.unread(), 6);
    assert!(
        press(&mut app, "R").len() == 1 && app.update(Msg::FetchEnded { error: None }).is_empty(),
        "a refresh during which nothing else changed ends without a reload"
    );
    // After the refresh, a change reloads at once again.
    assert_eq!(app.update(Msg::CacheChanged).len(), 3);
}

/// Returns the story list's title line as drawn at the app's size.
fn list_title(app: &App) -> String {
    let (w, h) = app.size;
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("test backend");
    terminal.draw(|f| byline::ui::draw(f, app)).expect("draw");
    let buffer = terminal.backend().buffer();
    (0..w).map(|x| buffer[(x, 0)].symbol()).collect()
}

#[test]
fn stories_that_arrive_above_the_screen_are_counted_until_scrolled_to() {
    let rows: Vec<StoryRow> = (1..=20).rev().map(|i| row(i, 100 - i)).collect();
    let mut app = opened_with(&rows);
    assert_eq!(selected(&app), StoryId(20), "the reader is at the top");
    assert!(!list_title(&app).contains("new above"));

    let effects = app.update(Msg::CacheChanged);
    let mut fresh: Vec<StoryRow> = (21..=23).rev().map(|i| row(i, 0)).collect();
    fresh.extend(rows.iter().cloned());
    answer(&mut app, effects, &fresh);
    assert_eq!(selected(&app), StoryId(20), "the cursor did not move");
    assert_eq!(top_row(&app), StoryId(20), "nor what the screen shows");
    assert_eq!(app.list.new_above(), 3);
    assert!(
        list_title(&app).contains("3 new above ↑"),
        "{}",
        list_title(&app)
    );

    press(&mut app, "k");
    assert_eq!(selected(&app), StoryId(21));
    assert_eq!(app.list.new_above(), 2, "one of them is on screen now");
    press(&mut app, "g g");
    assert_eq!(selected(&app), StoryId(23));
    assert_eq!(app.list.new_above(), 0);
    assert!(
        !list_title(&app).contains("new above"),
        "{}",
        list_title(&app)
    );

    // Stories that arrive below the screen, or on it, are not counted.
    let effects = app.update(Msg::CacheChanged);
    let mut older = fresh.clone();
    older.push(row(24, 500));
    answer(&mut app, effects, &older);
    assert_eq!(app.list.new_above(), 0);
}
