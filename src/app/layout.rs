//! Where each pane goes for a terminal size: shared by `App` (page sizes,
//! scroll bounds) and `ui::draw`, so both agree.

use ratatui::layout::Rect;

use super::Pane;

/// Below this width only one pane is shown at a time.
pub const NARROW: u16 = 80;
/// Width of the feed sidebar on wide terminals.
const SIDEBAR: u16 = 26;
/// Width of the story list beside an open article on wide terminals.
const LIST_BESIDE_READER: u16 = 38;

/// The screen areas of the visible panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The feed sidebar, when visible.
    pub feeds: Option<Rect>,
    /// The story list, when visible.
    pub stories: Option<Rect>,
    /// The article, when visible.
    pub reader: Option<Rect>,
    /// The search input line, while typing a search.
    pub search: Option<Rect>,
    /// The status bar (last line).
    pub status: Rect,
}

/// Returns the pane areas for a screen `area`.
pub fn panes(area: Rect, focus: Pane, reader_open: bool, searching: bool) -> Panes {
    let status_y = area.y + area.height.saturating_sub(1);
    let status = Rect::new(area.x, status_y, area.width, area.height.min(1));
    let mut body_height = area.height.saturating_sub(1);
    let search = searching.then(|| {
        body_height = body_height.saturating_sub(1);
        Rect::new(area.x, area.y + body_height, area.width, 1)
    });
    let body = Rect::new(area.x, area.y, area.width, body_height);
    let mut panes = Panes {
        status,
        search,
        ..Panes::default()
    };
    if area.width < NARROW {
        match focus {
            Pane::Feeds => panes.feeds = Some(body),
            Pane::Stories => panes.stories = Some(body),
            Pane::Reader => panes.reader = Some(body),
        }
        return panes;
    }
    let (left_width, left_is_feeds) = if reader_open && focus != Pane::Feeds {
        (LIST_BESIDE_READER, false)
    } else {
        (SIDEBAR, true)
    };
    let left = Rect::new(body.x, body.y, left_width.min(body.width), body.height);
    let right = Rect::new(
        body.x + left.width,
        body.y,
        body.width - left.width,
        body.height,
    );
    if left_is_feeds {
        panes.feeds = Some(left);
        panes.stories = Some(right);
    } else {
        panes.stories = Some(left);
        panes.reader = Some(right);
    }
    panes
}

/// Returns the inside of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Rect::new(
        area.x + 1,
        area.y + 1,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    )
}
