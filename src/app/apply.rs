//! What each [`Action`] does to the app: the one place intents become state
//! changes and effects.

use super::reader::{FocusKind, Reader};
use super::{App, Effect, FetchCmd, Pane};
use crate::action::Action;
use crate::model::{EntityKind, StoryId};
use crate::sanitize::safe_http_url;
use crate::store::ListQuery;

impl App {
    /// Applies a user intent and returns the effects it needs.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        if self.help && !matches!(action, Action::Quit) {
            // Moving keys scroll an overlay taller than the terminal.
            let most = self.help_overflow();
            if most > 0 {
                let scroll = |by: isize, from: usize| from.saturating_add_signed(by).min(most);
                let page = isize::try_from(self.size.1.saturating_sub(3).max(1)).unwrap_or(1);
                let moved = match action {
                    Action::MoveDown => Some(scroll(1, self.help_scroll)),
                    Action::MoveUp => Some(scroll(-1, self.help_scroll)),
                    Action::PageDown => Some(scroll(page, self.help_scroll)),
                    Action::PageUp => Some(scroll(-page, self.help_scroll)),
                    Action::GoTop => Some(0),
                    Action::GoBottom => Some(most),
                    _ => None,
                };
                if let Some(to) = moved {
                    self.help_scroll = to;
                    return Vec::new();
                }
            }
            // Any other key closes the overlay; only the help key and back are consumed.
            self.help = false;
            if matches!(action, Action::ToggleHelp | Action::Back) {
                return Vec::new();
            }
        }
        match action {
            Action::MoveDown => self.move_by(1),
            Action::MoveUp => self.move_by(-1),
            Action::PageDown => self.move_by(self.page()),
            Action::PageUp => self.move_by(-self.page()),
            Action::GoTop => self.move_by(isize::MIN / 2),
            Action::GoBottom => self.move_by(isize::MAX / 2),
            Action::Open => self.open(),
            Action::Back => self.back(),
            Action::Quit => {
                self.quitting = true;
                vec![Effect::Quit]
            }
            Action::SwitchPane => {
                self.switch_pane();
                // The saved filters' counts are fresh whenever the sidebar shows.
                match self.focus {
                    Pane::Feeds => self.load_counts().into_iter().collect(),
                    _ => Vec::new(),
                }
            }
            Action::Search => {
                self.search_input = Some(self.filter.search.clone().unwrap_or_default());
                Vec::new()
            }
            Action::ToggleUnreadOnly => {
                self.filter.unread_only = !self.filter.unread_only;
                vec![self.load_stories()]
            }
            Action::ToggleStar => self.toggle_star(),
            Action::ToggleRead => self.toggle_read(),
            Action::MarkAllRead => self.mark_all_read(),
            Action::NextUnread => self.next_unread(),
            Action::Refresh => self.refresh_all(),
            Action::OpenInBrowser => self.open_in_browser(),
            Action::NextLink => self.cycle(FocusKind::Link, true),
            Action::NextQuote => self.cycle(FocusKind::Quote, true),
            Action::PrevQuote => self.cycle(FocusKind::Quote, false),
            Action::NextEntity => self.cycle(FocusKind::Mention, true),
            Action::PrevEntity => self.cycle(FocusKind::Mention, false),
            Action::PickPerson => self.open_picker(EntityKind::Person),
            Action::PickCountry => self.open_picker(EntityKind::Country),
            Action::PickOrg => self.open_picker(EntityKind::Org),
            Action::ClearFilters => self.clear_filters(),
            Action::ToggleHelp => {
                self.help = true;
                self.help_scroll = 0;
                Vec::new()
            }
        }
    }

    fn page(&self) -> isize {
        let height = match self.focus {
            Pane::Reader => self.reader_size().1,
            _ => self.list_height(),
        };
        isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1)
    }

    pub(super) fn move_by(&mut self, delta: isize) -> Vec<Effect> {
        match self.focus {
            Pane::Feeds => {
                let last = self.feeds.len() + self.saved.len();
                self.feed_cursor = self.feed_cursor.saturating_add_signed(delta).min(last);
            }
            Pane::Stories => {
                let height = self.list_height();
                self.list.move_by(delta, height);
                return self.load_more_if_near_end();
            }
            Pane::Reader => {
                let total = self.article_lines().len();
                let height = self.reader_size().1;
                if let Some(reader) = &mut self.reader {
                    reader.scroll_by(delta, total, height);
                }
            }
        }
        Vec::new()
    }

    fn open(&mut self) -> Vec<Effect> {
        match self.focus {
            Pane::Feeds => {
                if let Some(saved) = self.feed_cursor.checked_sub(self.feeds.len() + 1) {
                    return self.select_saved(saved);
                }
                self.leave_saved();
                self.filter.feed = self
                    .feed_cursor
                    .checked_sub(1)
                    .and_then(|i| self.feeds.get(i))
                    .map(|f| f.id);
                self.focus = Pane::Stories;
                self.list.selected = 0;
                self.list.offset = 0;
                vec![self.load_stories()]
            }
            Pane::Stories => match self.list.current().map(|r| r.row.id) {
                Some(id) => self.open_story(id),
                None => Vec::new(),
            },
            Pane::Reader => self.act_on_focus(),
        }
    }

    pub(super) fn open_story(&mut self, id: StoryId) -> Vec<Effect> {
        // A story opened from another (a link, a related story) takes the
        // list's cursor along when the list holds it.
        if let Some(index) = self.list.rows.iter().position(|r| r.row.id == id) {
            let height = self.list_height();
            self.list.select(index, height);
        }
        self.reader = Some(Reader::new(id));
        self.focus = Pane::Reader;
        let mut effects = vec![self.load_story(id)];
        effects.extend(self.set_read(id, true));
        effects
    }

    fn back(&mut self) -> Vec<Effect> {
        if self.reader.is_some() && self.focus == Pane::Reader {
            self.reader = None;
            self.focus = Pane::Stories;
            return Vec::new();
        }
        if self.filter.search.is_some() {
            self.filter.search = None;
            return vec![self.load_stories()];
        }
        self.quitting = true;
        vec![Effect::Quit]
    }

    fn switch_pane(&mut self) {
        let wide = self.size.0 >= super::layout::NARROW;
        self.focus = match (self.focus, self.reader.is_some(), wide) {
            (Pane::Stories, true, true) => Pane::Reader,
            (Pane::Reader, _, true) => Pane::Stories,
            (Pane::Stories, true, false) => Pane::Reader,
            (Pane::Stories, false, _) => Pane::Feeds,
            (Pane::Reader, _, false) => Pane::Feeds,
            (Pane::Feeds, _, _) => Pane::Stories,
        };
    }

    /// Returns the story the flag keys act on: the open one in the reader,
    /// otherwise the one under the cursor.
    fn target(&self) -> Option<StoryId> {
        match (&self.reader, self.focus) {
            (Some(reader), Pane::Reader) => Some(reader.id),
            _ => self.list.current().map(|r| r.row.id),
        }
    }

    fn set_read(&mut self, id: StoryId, read: bool) -> Vec<Effect> {
        let Some(row) = self.list.find_mut(id) else {
            return vec![Effect::SetRead { id, read }];
        };
        if row.row.read == read {
            return Vec::new();
        }
        row.row.read = read;
        if let Some(total) = &mut self.unread_total {
            *total = if read {
                total.saturating_sub(1)
            } else {
                *total + 1
            };
        }
        let feed = row.row.feed.clone();
        if let Some(state) = self.feeds.iter_mut().find(|f| f.title == feed) {
            state.unread = if read {
                state.unread.saturating_sub(1)
            } else {
                state.unread + 1
            };
        }
        if let Some(reader) = self.reader.as_mut().filter(|r| r.id == id)
            && let Some(detail) = &mut reader.detail
        {
            detail.story.read = read;
        }
        vec![Effect::SetRead { id, read }]
    }

    fn toggle_read(&mut self) -> Vec<Effect> {
        let Some(id) = self.target() else {
            return Vec::new();
        };
        let read = self
            .list
            .rows
            .iter()
            .find(|r| r.row.id == id)
            .map(|r| r.row.read);
        let detail_read = self
            .reader
            .as_ref()
            .and_then(|r| r.detail.as_ref())
            .map(|d| d.story.read);
        match read.or(detail_read) {
            Some(read) => self.set_read(id, !read),
            None => Vec::new(),
        }
    }

    fn toggle_star(&mut self) -> Vec<Effect> {
        let Some(id) = self.target() else {
            return Vec::new();
        };
        let row = self.list.find_mut(id);
        let starred = match row {
            Some(row) => {
                row.row.starred = !row.row.starred;
                row.row.starred
            }
            None => match self.reader.as_ref().and_then(|r| r.detail.as_ref()) {
                Some(detail) => !detail.story.starred,
                None => return Vec::new(),
            },
        };
        if let Some(detail) = self.reader.as_mut().and_then(|r| r.detail.as_mut())
            && detail.story.id == id
        {
            detail.story.starred = starred;
        }
        vec![Effect::SetStarred { id, starred }]
    }

    fn mark_all_read(&mut self) -> Vec<Effect> {
        if !self.list_complete {
            // Only the first rows are loaded: the cache marks the whole list.
            let total = self.unread();
            for row in &mut self.list.rows {
                row.row.read = true;
            }
            self.unread_total = Some(0);
            self.message = Some(format!("Marked {total} stories read."));
            let query = ListQuery {
                limit: None,
                ..self.filter.clone()
            };
            let mut effects = vec![Effect::MarkAllRead(query), self.load_feeds()];
            effects.extend(self.load_counts());
            return effects;
        }
        let unread: Vec<StoryId> = self
            .list
            .rows
            .iter()
            .filter(|r| !r.row.read)
            .map(|r| r.row.id)
            .collect();
        let effects: Vec<Effect> = unread
            .into_iter()
            .flat_map(|id| self.set_read(id, true))
            .collect();
        self.message = Some(format!("Marked {} stories read.", effects.len()));
        effects
    }

    fn next_unread(&mut self) -> Vec<Effect> {
        let count = self.list.rows.len();
        let start = self.list.selected;
        let found = (1..=count)
            .map(|step| (start + step) % count.max(1))
            .find(|&i| self.list.rows.get(i).is_some_and(|r| !r.row.read));
        let Some(index) = found else {
            self.message = Some("No unread stories left in this list.".to_owned());
            return Vec::new();
        };
        let height = self.list_height();
        self.list.select(index, height);
        if self.reader.is_some() {
            let id = self.list.rows[index].row.id;
            return self.open_story(id);
        }
        Vec::new()
    }

    fn refresh_all(&mut self) -> Vec<Effect> {
        if self.refresh.running {
            self.message = Some("A refresh is already running.".to_owned());
            return Vec::new();
        }
        self.refresh.start(self.feeds.len());
        vec![Effect::Fetch(FetchCmd::RefreshAll)]
    }

    pub(super) fn open_in_browser(&mut self) -> Vec<Effect> {
        let raw = match (&self.reader, self.focus) {
            (Some(reader), Pane::Reader) => {
                let detail = reader.detail.as_deref();
                match reader.focus {
                    super::reader::Focus::Link(i) => detail
                        .and_then(|d| d.story.links.get(i))
                        .map(|l| l.url.clone()),
                    _ => detail.and_then(|d| d.story.url.clone()),
                }
            }
            _ => self.list.current().and_then(|r| r.row.url.clone()),
        };
        let Some(raw) = raw else {
            self.message = Some("This story has no web address to open.".to_owned());
            return Vec::new();
        };
        match safe_http_url(&raw) {
            Some(url) => vec![Effect::OpenUrl(url)],
            None => {
                self.message = Some(
                    "That link is not a web (http) address, so Byline will not open it.".to_owned(),
                );
                Vec::new()
            }
        }
    }

    fn cycle(&mut self, kind: FocusKind, forward: bool) -> Vec<Effect> {
        if self.reader.is_none() {
            return Vec::new();
        }
        self.focus = Pane::Reader;
        let lines = self.article_lines();
        let height = self.reader_size().1;
        let found = self
            .reader
            .as_mut()
            .is_some_and(|r| r.cycle(kind, forward, &lines, height));
        if !found {
            let what = match kind {
                FocusKind::Quote => "quotes",
                FocusKind::Mention => "people, places or organisations",
                FocusKind::Link => "links or related stories",
            };
            self.message = Some(format!("This story has no {what}."));
        }
        Vec::new()
    }
}
