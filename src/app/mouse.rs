//! The mouse: the wheel scrolls the pane under the pointer, a click selects
//! the row under it (a click on the selected row opens it, as `enter` does).

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::{App, Effect, Pane, layout};

/// Lines the wheel scrolls an article by, per notch.
const WHEEL_LINES: isize = 3;

impl App {
    pub(super) fn on_mouse(&mut self, event: MouseEvent) -> Vec<Effect> {
        if self.help || self.picker.is_some() || self.search_input.is_some() {
            return Vec::new();
        }
        let at = Position::new(event.column, event.row);
        let panes = self.panes();
        let under = [
            (Pane::Feeds, panes.feeds),
            (Pane::Stories, panes.stories),
            (Pane::Reader, panes.reader),
        ]
        .into_iter()
        .find_map(|(pane, rect)| rect.filter(|r| r.contains(at)).map(|r| (pane, r)));
        let Some((pane, rect)) = under else {
            return Vec::new();
        };
        match event.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                self.focus = pane;
                let step = if pane == Pane::Reader { WHEEL_LINES } else { 1 };
                let down = event.kind == MouseEventKind::ScrollDown;
                self.move_by(if down { step } else { -step })
            }
            MouseEventKind::Down(MouseButton::Left) => self.click(pane, rect, at),
            _ => Vec::new(),
        }
    }

    /// Selects the row under a click; a click on the selected row opens it.
    fn click(&mut self, pane: Pane, rect: Rect, at: Position) -> Vec<Effect> {
        self.focus = pane;
        let inner = layout::inner(rect);
        if !inner.contains(at) {
            return Vec::new();
        }
        let row = usize::from(at.y - inner.y);
        match pane {
            Pane::Feeds => {
                let index = row.min(self.feeds.len() + self.saved.len());
                if index == self.feed_cursor {
                    return self.apply(crate::action::Action::Open);
                }
                self.feed_cursor = index;
                Vec::new()
            }
            Pane::Stories => {
                let index = self.list.offset + row;
                if index >= self.list.rows.len() {
                    return Vec::new();
                }
                if index == self.list.selected {
                    return self.apply(crate::action::Action::Open);
                }
                let height = self.list_height();
                self.list.select(index, height);
                self.load_more_if_near_end()
            }
            Pane::Reader => Vec::new(),
        }
    }
}
