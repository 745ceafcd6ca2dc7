//! The status bar: unread count, the active filter, refresh progress or its
//! outcome, and one-line notices.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, truncate};
use crate::app::App;
use crate::app::refresh::Outcome;
use crate::app::wrap::str_width;
use crate::sanitize::clean_line;

/// Width of the refresh gauge's bar, in cells.
const GAUGE: usize = 12;

/// Draws the status bar in `area` (one line).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let width = usize::from(area.width);
    let mut left = vec![Span::raw(format!(" {} unread", app.unread()))];
    for filter in filters(app) {
        left.push(Span::raw(format!(" · {filter}")));
    }
    let chips = app.chips();
    for chip in &chips {
        left.push(Span::raw(" "));
        left.push(Span::styled(
            format!("[{}]", truncate(&clean_line(&chip.name), 24)),
            theme
                .entity(chip.kind)
                .add_modifier(ratatui::style::Modifier::BOLD),
        ));
    }
    if !chips.is_empty() {
        left.push(Span::styled(" x clears", theme.dim()));
    }
    if let Some(message) = &app.message {
        left.push(Span::raw("  "));
        left.push(Span::styled(clean_line(message), theme.accent()));
    }
    let mut right = refresh(app, theme);
    if !app.pending_keys().is_empty() {
        let keys: Vec<String> = app.pending_keys().iter().map(ToString::to_string).collect();
        right.insert(
            0,
            Span::styled(format!("{} … ", keys.join(" ")), theme.accent()),
        );
    }
    right.push(Span::styled(" ? help ", theme.dim()));
    let right_width: usize = right.iter().map(|s| str_width(&s.content)).sum();
    let left_text: String = left.iter().map(|s| s.content.as_ref()).collect();
    let left_room = width.saturating_sub(right_width);
    let mut spans = if str_width(&left_text) > left_room {
        vec![Span::raw(truncate(&left_text, left_room))]
    } else {
        left
    };
    let used: usize = spans.iter().map(|s| str_width(&s.content)).sum();
    spans.push(Span::raw(" ".repeat(left_room.saturating_sub(used))));
    spans.extend(right);
    frame.render_widget(
        Paragraph::new(Line::from(spans)).style(theme.status()),
        area,
    );
}

fn filters(app: &App) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(saved) = app.active_saved.and_then(|i| app.saved.get(i)) {
        out.push(format!("saved: {}", truncate(&clean_line(&saved.name), 20)));
    }
    if let Some(feed) = app
        .filter
        .feed
        .and_then(|id| app.feeds.iter().find(|f| f.id == id))
    {
        out.push(format!("feed: {}", truncate(&clean_line(&feed.title), 20)));
    }
    if app.filter.unread_only {
        out.push("unread only".to_owned());
    }
    if let Some(search) = &app.filter.search {
        out.push(format!("search: {}", truncate(&clean_line(search), 20)));
    }
    out
}

fn refresh<'a>(app: &App, theme: &Theme) -> Vec<Span<'a>> {
    let r = &app.refresh;
    if r.running {
        let filled = ((r.ratio() * GAUGE as f64).round() as usize).min(GAUGE);
        let mut text = format!(
            "{}{} {}/{} feeds",
            "█".repeat(filled),
            "░".repeat(GAUGE - filled),
            r.feeds_done,
            r.feeds_total
        );
        if r.pages_queued > 0 {
            text.push_str(&format!(", {}/{} pages", r.pages_done, r.pages_queued));
        }
        return vec![
            Span::styled("Refreshing ", theme.accent()),
            Span::raw(text),
            Span::raw(" "),
        ];
    }
    match &r.last {
        Some(Outcome::Offline) => vec![Span::styled("offline: no feed answered ", theme.warning())],
        Some(Outcome::SomeFailed(n)) => {
            let feeds = if *n == 1 { "feed" } else { "feeds" };
            vec![Span::styled(
                format!("{n} {feeds} failed "),
                theme.warning(),
            )]
        }
        Some(Outcome::Stopped(e)) => vec![Span::styled(
            format!("refresh stopped: {} ", truncate(&clean_line(e), 40)),
            theme.warning(),
        )],
        Some(Outcome::Done) | None => Vec::new(),
    }
}
