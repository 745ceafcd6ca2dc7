//! The entity picker overlay: what was typed, then the matching people
//! (or countries, or organisations) with their story counts.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

use super::{Theme, centred, pad, pane_block, truncate};
use crate::app::layout;
use crate::app::picker::Picker;
use crate::sanitize::clean_line;

/// Draws the picker centred over `area`.
pub fn draw(frame: &mut Frame, area: Rect, picker: &Picker, theme: &Theme) {
    let rect = centred(area, 60, area.height.saturating_sub(4).max(6));
    frame.render_widget(Clear, rect);
    let title = format!("Filter by {} (enter chooses, esc closes)", picker.noun());
    frame.render_widget(pane_block(title, true, theme), rect);
    let inner = layout::inner(rect);
    let width = usize::from(inner.width);
    let input = Line::from(vec![
        Span::styled(" > ", theme.accent()),
        Span::raw(clean_line(&picker.input)),
        Span::styled("█", theme.dim()),
    ]);
    frame.render_widget(
        Paragraph::new(input),
        Rect::new(inner.x, inner.y, inner.width, inner.height.min(1)),
    );
    let list_area = Rect::new(
        inner.x,
        inner.y + 1,
        inner.width,
        inner.height.saturating_sub(1),
    );
    let Some(entries) = &picker.entries else {
        frame.render_widget(Paragraph::new(" Loading…").style(theme.dim()), list_area);
        return;
    };
    let matches = picker.matches();
    if matches.is_empty() {
        let hint = if entries.is_empty() {
            format!(" No {} in the cache yet.", picker.noun())
        } else {
            format!(" No {} match; backspace widens.", picker.noun())
        };
        frame.render_widget(Paragraph::new(hint).style(theme.dim()), list_area);
        return;
    }
    let items: Vec<ListItem> = matches
        .iter()
        .filter_map(|&i| entries.get(i))
        .map(|entry| {
            let count = match entry.stories {
                1 => "1 story".to_owned(),
                n => format!("{n} stories"),
            };
            let code = entry
                .country
                .as_deref()
                .map(|c| format!(" ({})", clean_line(c)))
                .unwrap_or_default();
            let name_width = width.saturating_sub(count.len() + 4);
            let name = truncate(&format!("{}{code}", clean_line(&entry.name)), name_width);
            ListItem::new(Line::from(vec![
                Span::styled(pad(&name, name_width), theme.entity(entry.kind)),
                Span::raw(" "),
                Span::styled(count, theme.dim()),
            ]))
        })
        .collect();
    let list = List::new(items)
        .highlight_symbol("▸ ")
        .highlight_spacing(ratatui::widgets::HighlightSpacing::Always)
        .highlight_style(theme.cursor(true));
    let mut state = ListState::default().with_selected(Some(picker.selected));
    frame.render_stateful_widget(list, list_area, &mut state);
}
