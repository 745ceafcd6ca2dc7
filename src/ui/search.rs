//! The search line shown while a search is typed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Theme;
use crate::app::App;
use crate::sanitize::clean_line;

/// Draws the search input in `area` (one line).
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let input = clean_line(app.search_input.as_deref().unwrap_or_default());
    let line = Line::from(vec![
        Span::styled(" Search: ", theme.accent()),
        Span::raw(input),
        Span::styled("█", theme.dim()),
        Span::styled("   enter to search, esc to cancel", theme.dim()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
