//! The mouse: the wheel scrolls the pane under the pointer, a click selects
//! a row, a second click on it opens it.

use super::*;
use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Msg {
    Msg::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn the_wheel_scrolls_and_clicks_select_then_open() {
    let source = fixtures();
    let mut app = started(&source);
    // The story list starts at column 26 (after the sidebar), rows below its border.
    app.update(mouse(MouseEventKind::ScrollDown, 50, 5));
    app.update(mouse(MouseEventKind::ScrollDown, 50, 5));
    assert_eq!(app.list.selected, 2);
    app.update(mouse(MouseEventKind::ScrollUp, 50, 5));
    assert_eq!(selected(&app), StoryId(101));

    // Row 4 of the screen is the list's fourth row (the border is row 0).
    assert!(
        app.update(mouse(MouseEventKind::Down(MouseButton::Left), 50, 4))
            .is_empty()
    );
    assert_eq!(selected(&app), StoryId(104));
    let effects = app.update(mouse(MouseEventKind::Down(MouseButton::Left), 50, 4));
    assert!(effects.contains(&Effect::Load(Query::Story(StoryId(104)), RequestId(3))));
    settle(&mut app, effects, &source);
    assert_eq!(app.focus, Pane::Reader);

    // Back to the list, a click in the sidebar selects a feed; a second
    // one shows it.
    press(&mut app, "q");
    let effects = app.update(mouse(MouseEventKind::Down(MouseButton::Left), 5, 2));
    assert!(effects.is_empty());
    assert_eq!(app.feed_cursor, 1);
    let effects = app.update(mouse(MouseEventKind::Down(MouseButton::Left), 5, 2));
    settle(&mut app, effects, &source);
    assert_eq!(app.filter.feed, Some(FeedId(1)));
    assert_eq!(app.list.rows.len(), 2);
}
