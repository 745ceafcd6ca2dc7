//! The feed sidebar: "All stories", each feed with its unread count, then
//! the saved filters of the config with theirs.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use super::{Theme, pad, pane_block};
use crate::app::{App, Pane, layout};
use crate::sanitize::clean_line;

/// Draws the sidebar in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Feeds;
    let inner_width = usize::from(layout::inner(area).width);
    let total: u64 = app.feeds.iter().map(|f| f.unread).sum();
    let mut items = vec![row(
        "All stories",
        total,
        false,
        app.filter.feed.is_none() && app.active_saved.is_none(),
        inner_width,
        theme,
    )];
    for feed in &app.feeds {
        let active = app.filter.feed == Some(feed.id) && app.active_saved.is_none();
        let failed = feed.last_error.is_some();
        items.push(row(
            &clean_line(&feed.title),
            feed.unread,
            failed,
            active,
            inner_width,
            theme,
        ));
    }
    for (i, saved) in app.saved.iter().enumerate() {
        items.push(row(
            &format!("⌕ {}", clean_line(&saved.name)),
            saved.unread.unwrap_or(0),
            false,
            app.active_saved == Some(i),
            inner_width,
            theme,
        ));
    }
    let list = List::new(items)
        .block(pane_block("Feeds".to_owned(), focused, theme))
        .highlight_style(theme.cursor(focused));
    let mut state = ListState::default().with_selected(Some(app.feed_cursor));
    frame.render_stateful_widget(list, area, &mut state);
}

fn row<'a>(
    title: &str,
    unread: u64,
    failed: bool,
    active: bool,
    width: usize,
    theme: &Theme,
) -> ListItem<'a> {
    let count = if unread > 0 {
        unread.to_string()
    } else {
        String::new()
    };
    let marker = match (active, failed) {
        (true, _) => "›",
        (false, true) => "!",
        (false, false) => " ",
    };
    let name_width = width.saturating_sub(count.len() + 2);
    let name_style = if active {
        theme.unread()
    } else {
        ratatui::style::Style::new()
    };
    let marker_style = if failed {
        theme.warning()
    } else {
        theme.accent()
    };
    ListItem::new(Line::from(vec![
        Span::styled(marker.to_owned(), marker_style),
        Span::styled(pad(title, name_width), name_style),
        Span::raw(" "),
        Span::styled(count, theme.dim()),
    ]))
}
