//! Drawing: [`draw`] paints the whole screen from `&App` and nothing else.
//!
//! One file per panel; every string from the network goes through
//! `sanitize::clean_line`/`clean_text` here, again, before it is drawn.

pub mod feeds;
pub mod help;
pub mod hyperlinks;
pub mod picker;
pub mod reader;
pub mod search;
pub mod status;
pub mod stories;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

use crate::app::App;
use crate::app::wrap::{char_width, str_width};
pub use theme::Theme;

/// Draws the whole screen for the app's state.
pub fn draw(frame: &mut Frame, app: &App) {
    let theme = Theme::new(app.palette);
    let area = frame.area();
    let panes = crate::app::layout::panes(
        area,
        app.focus,
        app.reader.is_some(),
        app.search_input.is_some(),
    );
    if let Some(rect) = panes.feeds {
        feeds::draw(frame, rect, app, &theme);
    }
    if let Some(rect) = panes.stories {
        stories::draw(frame, rect, app, &theme);
    }
    if let Some(rect) = panes.reader {
        reader::draw(frame, rect, app, &theme);
    }
    if let Some(rect) = panes.search {
        search::draw(frame, rect, app, &theme);
    }
    status::draw(frame, panes.status, app, &theme);
    if let Some(open) = &app.picker {
        picker::draw(frame, area, open, &theme);
    }
    if app.help {
        help::draw(frame, area, app, &theme);
    }
}

/// Returns a pane's bordered block with a title.
fn pane_block<'a>(title: String, focused: bool, theme: &Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border(focused))
        .title(Line::from(Span::raw(format!(" {title} "))))
}

/// Returns `s` cut to `width` columns, with "…" when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Returns `s` padded with spaces to `width` columns (cut first if longer).
pub fn pad(s: &str, width: usize) -> String {
    let cut = truncate(s, width);
    let fill = width.saturating_sub(str_width(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

/// Returns a rectangle of at most `width` x `height` centred in `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}
