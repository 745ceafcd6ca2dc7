//! The help overlay, generated from the keymap so remapped keys show as
//! they are.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::{Theme, centred, pad, pane_block};
use crate::app::{App, HelpLayout};

/// Draws the overlay centred over `area`: one column of keys when they
/// fit the height, two side by side on a wide terminal otherwise, and one
/// column scrolled to `app.help_scroll` on a small one.
pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let entries = app.keymap.help_entries();
    let key_width = entries
        .iter()
        .map(|(keys, _)| keys.chars().count())
        .max()
        .unwrap_or(0)
        .min(16);
    let HelpLayout {
        columns,
        rows: per_column,
        room,
    } = HelpLayout::of(entries.len(), (area.width, area.height));
    let column_width = if columns == 1 { 64 } else { 50 };
    let overflow = per_column.saturating_sub(room);
    let first = app.help_scroll.min(overflow);
    let lines: Vec<Line> = (first..per_column.min(first + room))
        .map(|row| {
            let mut spans = Vec::new();
            for column in 0..columns {
                let Some((keys, what)) = entries.get(column * per_column + row) else {
                    continue;
                };
                spans.push(Span::styled(
                    format!(" {} ", pad(keys, key_width)),
                    theme.accent(),
                ));
                let text_width = column_width - key_width - 2;
                let text = if column + 1 < columns {
                    pad(what, text_width)
                } else {
                    (*what).to_owned()
                };
                spans.push(Span::raw(text));
            }
            Line::from(spans)
        })
        .collect();
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let width = u16::try_from(column_width * columns + 2).unwrap_or(u16::MAX);
    let rect = centred(area, width, height);
    frame.render_widget(Clear, rect);
    let title = if overflow == 0 {
        "Keys (any key closes)".to_owned()
    } else {
        let last = (first + room).min(per_column);
        format!(
            "Keys {}-{last} of {per_column} (j/k scroll, other keys close)",
            first + 1
        )
    };
    let block = pane_block(title, true, theme);
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}
