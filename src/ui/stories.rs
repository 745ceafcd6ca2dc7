//! The story list: unread mark, star, title, outlet, age, and a badge when
//! a row stands for several outlets' copies of one story.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{HighlightSpacing, List, ListItem, ListState, Paragraph};

use super::{Theme, pad, pane_block, truncate};
use crate::app::article::age;
use crate::app::list::ListRow;
use crate::app::wrap::str_width;
use crate::app::{App, Pane, layout};
use crate::sanitize::clean_line;

/// Draws the story list in `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let focused = app.focus == Pane::Stories;
    let block = pane_block(title(app), focused, theme);
    if app.list.rows.is_empty() {
        let hint = if !app.chips().is_empty() {
            "No stories match these filters. Press x to clear them."
        } else if app.filter.search.is_some() || app.filter.unread_only {
            "No stories match. Press q to clear the search or u to show read stories."
        } else {
            "No stories yet. Press R to fetch the feeds."
        };
        let text = Paragraph::new(hint)
            .style(theme.dim())
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(block);
        frame.render_widget(text, area);
        return;
    }
    // One column goes to the cursor mark, so plain-text dumps show the cursor too.
    let width = usize::from(layout::inner(area).width).saturating_sub(1);
    // Only the visible rows become items, so a frame costs the same at row
    // 10 as at row 100,000.
    let height = usize::from(layout::inner(area).height);
    let first = app.list.offset.min(app.list.selected);
    let items: Vec<ListItem> = app
        .list
        .rows
        .iter()
        .skip(first)
        .take(height.max(1) + app.list.selected.saturating_sub(first))
        .map(|row| ListItem::new(row_line(row, app, width, theme)))
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_symbol("▸")
        .highlight_spacing(HighlightSpacing::Always)
        .highlight_style(theme.cursor(focused));
    let mut state = ListState::default()
        .with_selected(Some(app.list.selected - first))
        .with_offset(app.list.offset - first);
    frame.render_stateful_widget(list, area, &mut state);
}

fn title(app: &App) -> String {
    let feed = app
        .filter
        .feed
        .and_then(|id| app.feeds.iter().find(|f| f.id == id));
    let saved = app.active_saved.and_then(|i| app.saved.get(i));
    let mut title = match (saved, feed) {
        (Some(saved), _) => truncate(&clean_line(&saved.name), 20),
        (None, Some(feed)) => truncate(&clean_line(&feed.title), 20),
        (None, None) => "All stories".to_owned(),
    };
    let fresh = app.list.new_above();
    if fresh > 0 {
        title.push_str(&format!(" · {fresh} new above ↑"));
    }
    if !app.chips().is_empty() {
        title.push_str(" · most central first");
    }
    if let Some(search) = &app.filter.search {
        title.push_str(&format!(" · “{}”", truncate(&clean_line(search), 16)));
    }
    if app.filter.unread_only {
        title.push_str(" · unread");
    }
    title
}

fn row_line<'a>(item: &ListRow, app: &App, width: usize, theme: &Theme) -> Line<'a> {
    let row = &item.row;
    let unread = if row.read { " " } else { "●" };
    let star = if row.starred { "★" } else { " " };
    let badge = if item.copies > 1 {
        format!(" +{} outlets", item.copies - 1)
    } else {
        String::new()
    };
    let feed_width = (width / 4).clamp(6, 18);
    let feed = truncate(&clean_line(&row.feed), feed_width);
    let when = format!("{:>4}", age(row.published, app.now));
    let right = format!("{badge} {} {when}", pad(&feed, feed_width));
    let title_width = width.saturating_sub(3 + str_width(&right));
    let title_style = if row.read {
        ratatui::style::Style::new()
    } else {
        theme.unread()
    };
    Line::from(vec![
        Span::styled(unread.to_owned(), theme.accent()),
        Span::styled(star.to_owned(), theme.accent()),
        Span::raw(" "),
        Span::styled(pad(&clean_line(&row.title), title_width), title_style),
        Span::styled(badge, theme.accent()),
        Span::styled(format!(" {} {when}", pad(&feed, feed_width)), theme.dim()),
    ])
}
