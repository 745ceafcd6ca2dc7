//! The help overlay, generated from the keymap so remapped keys show as
//! they are.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Theme, centred, pad, pane_block};
use crate::app::App;

/// Draws the overlay centred over `area`.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let entries = app.keymap.help_entries();
    let key_width = entries
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0)
        .min(20);
    let lines: Vec<Line> = entries
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!(" {} ", pad(keys, key_width)), theme.accent()),
                Span::raw(*what),
            ])
        })
        .collect();
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let rect = centred(area, 64, height);
    frame.render_widget(Clear, rect);
    let block = pane_block("Keys (any key closes)".to_owned(), true, theme);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
