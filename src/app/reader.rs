//! The article pane's state: which story, how far it is scrolled, and which
//! quote, entity mention or link has the focus.

use super::StoryDetail;
use super::article::{self, Line};
use crate::model::StoryId;

/// What inside the article has the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// Nothing; `o` opens the story itself.
    #[default]
    None,
    /// A quote, by index into `StoryDetail::quotes`.
    Quote(usize),
    /// An entity mention, by index into [`article::mention_order`].
    Mention(usize),
    /// A link, by index into `Story::links`.
    Link(usize),
    /// A related story, by index into `StoryDetail::related`.
    Related(usize),
}

/// The open article.
#[derive(Debug, Clone, PartialEq)]
pub struct Reader {
    /// The story being read.
    pub id: StoryId,
    /// The story and its analysis; `None` while it loads.
    pub detail: Option<Box<StoryDetail>>,
    /// The first visible line.
    pub scroll: usize,
    /// What has the focus.
    pub focus: Focus,
}

impl Reader {
    /// Returns a reader waiting for story `id` to load.
    pub fn new(id: StoryId) -> Reader {
        Reader {
            id,
            detail: None,
            scroll: 0,
            focus: Focus::None,
        }
    }

    /// Scrolls by `delta` lines within an article of `total` lines shown in
    /// `height` lines.
    pub fn scroll_by(&mut self, delta: isize, total: usize, height: usize) {
        let max = total.saturating_sub(height.max(1));
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    /// Moves the focus to the next (`forward`) or previous item of a kind
    /// and scrolls it into view; returns false when there is none.
    pub fn cycle(&mut self, kind: FocusKind, forward: bool, lines: &[Line], height: usize) -> bool {
        let Some(detail) = &self.detail else {
            return false;
        };
        let count = match kind {
            FocusKind::Quote => detail.quotes.len(),
            FocusKind::Mention => article::mention_order(detail).len(),
            FocusKind::Link => detail.story.links.len() + detail.related.len(),
        };
        if count == 0 {
            return false;
        }
        let current = match (kind, self.focus) {
            (FocusKind::Quote, Focus::Quote(i))
            | (FocusKind::Mention, Focus::Mention(i))
            | (FocusKind::Link, Focus::Link(i)) => Some(i),
            (FocusKind::Link, Focus::Related(i)) => Some(detail.story.links.len() + i),
            _ => None,
        };
        let next = match (current, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(i), true) => (i + 1) % count,
            (Some(i), false) => (i + count - 1) % count,
        };
        self.focus = match kind {
            FocusKind::Quote => Focus::Quote(next),
            FocusKind::Mention => Focus::Mention(next),
            // Links first, then the related stories after them.
            FocusKind::Link => match next.checked_sub(detail.story.links.len()) {
                Some(related) => Focus::Related(related),
                None => Focus::Link(next),
            },
        };
        let focus = self.focus;
        let line = article::find_line(lines, |m| match kind {
            FocusKind::Quote => m.quote == Some(next),
            FocusKind::Mention => m.entity.is_some_and(|(_, i)| i == next),
            FocusKind::Link => match focus {
                Focus::Related(r) => m.related == Some(r),
                _ => m.link == Some(next),
            },
        });
        if let Some(line) = line
            && (line < self.scroll || line >= self.scroll + height.max(1))
        {
            // Put the target a third of the way down, so context shows above it.
            self.scroll = line.saturating_sub(height / 3);
        }
        true
    }
}

/// The kinds of things the focus can cycle through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FocusKind {
    /// Quotations.
    Quote,
    /// Entity mentions.
    Mention,
    /// In-text links, then related stories.
    Link,
}
