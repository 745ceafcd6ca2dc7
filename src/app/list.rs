//! The story list pane's state: rows, the cursor and the scroll offset.
//!
//! The cursor follows a story id, not a row number, so stories arriving from
//! a refresh never move what the reader is looking at; those that arrive
//! above the screen are counted until scrolled to, so they are not missed.

use std::collections::BTreeSet;

use crate::model::{StoryId, StoryRow};

/// Rows the list loads at first; more load as the cursor nears the end.
pub const PAGE: usize = 500;

/// One row of the story list as the pane shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    /// The story the row stands for.
    pub row: StoryRow,
    /// How many cached copies (the same story from several outlets) the row
    /// stands for.
    pub copies: usize,
}

impl From<StoryRow> for ListRow {
    fn from(row: StoryRow) -> Self {
        ListRow {
            copies: row.copies as usize,
            row,
        }
    }
}

/// The story list: rows, the selected row and the first visible row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryList {
    /// The rows, newest first.
    pub rows: Vec<ListRow>,
    /// Index of the selected row (0 when the list is empty).
    pub selected: usize,
    /// Index of the first visible row.
    pub offset: usize,
    /// Stories that arrived above the first visible row and have not been
    /// scrolled to yet.
    fresh_above: BTreeSet<StoryId>,
}

impl StoryList {
    /// Returns the selected row, if any.
    pub fn current(&self) -> Option<&ListRow> {
        self.rows.get(self.selected)
    }

    /// Returns the selected row for changing its flags.
    pub fn current_mut(&mut self) -> Option<&mut ListRow> {
        self.rows.get_mut(self.selected)
    }

    /// Returns the row of story `id`, for changing its flags.
    pub fn find_mut(&mut self, id: StoryId) -> Option<&mut ListRow> {
        self.rows.iter_mut().find(|r| r.row.id == id)
    }

    /// Returns how many rows are unread.
    pub fn unread(&self) -> usize {
        self.rows.iter().filter(|r| !r.row.read).count()
    }

    /// Replaces the rows, keeping the same story selected at the same screen
    /// row when it is still listed, and the same row index otherwise.
    pub fn replace(&mut self, rows: Vec<StoryRow>, height: usize) {
        let keep = self.current().map(|r| r.row.id);
        let screen_row = self.selected.saturating_sub(self.offset);
        let before: BTreeSet<StoryId> = self.rows.iter().map(|r| r.row.id).collect();
        self.rows = rows.into_iter().map(ListRow::from).collect();
        let found = keep.and_then(|id| self.rows.iter().position(|r| r.row.id == id));
        match found {
            Some(index) => {
                self.selected = index;
                self.offset = index.saturating_sub(screen_row);
            }
            None => self.selected = self.selected.min(self.rows.len().saturating_sub(1)),
        }
        self.keep_visible(height);
        if !before.is_empty() {
            let offset = self.offset.min(self.rows.len());
            let arrived = self.rows[..offset]
                .iter()
                .map(|r| r.row.id)
                .filter(|id| !before.contains(id));
            self.fresh_above.extend(arrived);
            self.forget_seen();
        }
    }

    /// Returns how many stories arrived above the screen since it was last
    /// scrolled up to them.
    pub fn new_above(&self) -> usize {
        self.fresh_above.len()
    }

    /// Forgets the arrivals that are on screen now (or gone from the list).
    fn forget_seen(&mut self) {
        if self.fresh_above.is_empty() {
            return;
        }
        let above: BTreeSet<StoryId> = self.rows[..self.offset.min(self.rows.len())]
            .iter()
            .map(|r| r.row.id)
            .collect();
        self.fresh_above.retain(|id| above.contains(id));
    }

    /// Moves the cursor by `delta` rows, clamped to the list.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        let last = self.rows.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.keep_visible(height);
    }

    /// Selects row `index` (clamped).
    pub fn select(&mut self, index: usize, height: usize) {
        self.selected = index.min(self.rows.len().saturating_sub(1));
        self.keep_visible(height);
    }

    /// Scrolls just enough for the cursor to be on screen.
    fn keep_visible(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.forget_seen();
    }
}
