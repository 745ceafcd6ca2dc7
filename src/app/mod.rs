//! The reader's state and its one entry point, [`App::update`].
//!
//! `App` never touches SQL, tokio or the terminal: messages come in (keys,
//! loaded data, fetch events), state changes, and [`Effect`]s go out for the
//! runtime (or the headless runner, or a test) to perform.

mod apply;
pub mod article;
mod events;
mod filters;
pub mod layout;
pub mod list;
mod messages;
mod mouse;
pub mod picker;
pub mod reader;
pub mod refresh;
pub mod wrap;

use chrono::{DateTime, Utc};
use crossterm::event::KeyEventKind;
use ratatui::layout::Rect;

use crate::keymap::{KeyChord, Keymap};
use crate::model::{FeedState, StoryId};
use crate::store::ListQuery;
pub use filters::SavedFilter;
use list::StoryList;
pub use messages::{Effect, FetchCmd, Loaded, Msg, Query, RequestId, StoryDetail};
use picker::Picker;
use reader::Reader;
use refresh::Refresh;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    /// The feed sidebar.
    Feeds,
    /// The story list.
    #[default]
    Stories,
    /// The article.
    Reader,
}

/// The whole state of the reader.
#[derive(Debug, Clone)]
pub struct App {
    /// The clock used for ages ("3h"); injected so tests are stable.
    pub now: DateTime<Utc>,
    /// The key bindings.
    pub keymap: Keymap,
    /// The palette it is drawn in (`mono` also under `NO_COLOR`).
    pub palette: crate::ui::theme::Palette,
    /// The terminal size (width, height).
    pub size: (u16, u16),
    /// Which pane has the keyboard.
    pub focus: Pane,
    /// The feeds shown in the sidebar.
    pub feeds: Vec<FeedState>,
    /// The sidebar cursor: 0 is "All stories", then one per feed.
    pub feed_cursor: usize,
    /// The story list.
    pub list: StoryList,
    /// The active filter of the story list.
    pub filter: ListQuery,
    /// The open article, if any.
    pub reader: Option<Reader>,
    /// The search being typed, while the search line is open.
    pub search_input: Option<String>,
    /// The entity picker, while it is open.
    pub picker: Option<Picker>,
    /// The saved filters of the config, shown in the sidebar after the feeds.
    pub saved: Vec<SavedFilter>,
    /// The saved filter the list shows, if one was chosen.
    pub active_saved: Option<usize>,
    /// Whether the help overlay is shown.
    pub help: bool,
    /// The first help line shown when the keys do not all fit.
    pub help_scroll: usize,
    /// The background refresh.
    pub refresh: Refresh,
    /// A one-line notice for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// Unread stories in the whole list, when only its first rows are loaded.
    pub unread_total: Option<u64>,
    /// Rows the list asks for; grows as the cursor nears the end.
    list_limit: usize,
    /// Whether the loaded rows are the whole list (fewer came than asked).
    list_complete: bool,
    /// The filter of the last list load, to know when the limit starts over.
    loaded_filter: ListQuery,
    pending_keys: Vec<KeyChord>,
    next_request: u64,
    want_feeds: Option<RequestId>,
    want_stories: Option<RequestId>,
    want_story: Option<RequestId>,
    want_entities: Option<RequestId>,
    want_counts: Option<RequestId>,
    want_unread: Option<RequestId>,
    /// The cache changed while the reader's own refresh ran; the list is
    /// reloaded once when it ends.
    changed_during_refresh: bool,
    dirty: bool,
    quitting: bool,
}

/// How the help overlay sets out its keys on a terminal: one column inside
/// a frame, or two side by side on a wide terminal when one does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HelpLayout {
    pub columns: usize,
    /// Lines per column.
    pub rows: usize,
    /// Lines the frame has room for.
    pub room: usize,
}

impl HelpLayout {
    /// Lays out `entries` keys on a terminal of `(width, height)`.
    pub fn of(entries: usize, (width, height): (u16, u16)) -> HelpLayout {
        let room = usize::from(height.saturating_sub(2)).max(1);
        let columns = if entries > room && width >= 100 { 2 } else { 1 };
        HelpLayout {
            columns,
            rows: entries.div_ceil(columns),
            room,
        }
    }
}

impl App {
    /// Returns an app with nothing loaded; call [`App::start`] for the first loads.
    pub fn new(keymap: Keymap, now: DateTime<Utc>, size: (u16, u16)) -> App {
        App {
            now,
            keymap,
            palette: crate::ui::theme::Palette::Dark,
            size,
            focus: Pane::Stories,
            feeds: Vec::new(),
            feed_cursor: 0,
            list: StoryList::default(),
            filter: ListQuery::default(),
            reader: None,
            search_input: None,
            picker: None,
            saved: Vec::new(),
            active_saved: None,
            help: false,
            help_scroll: 0,
            refresh: Refresh::default(),
            message: None,
            unread_total: None,
            list_limit: list::PAGE,
            list_complete: true,
            loaded_filter: ListQuery::default(),
            pending_keys: Vec::new(),
            next_request: 0,
            want_feeds: None,
            want_stories: None,
            want_story: None,
            want_entities: None,
            want_counts: None,
            want_unread: None,
            changed_during_refresh: false,
            dirty: true,
            quitting: false,
        }
    }

    /// Returns the loads that fill the first screen: the stories first (the
    /// cache answers in order, so the first frame waits for nothing else),
    /// then the feeds and the saved filters' unread counts.
    pub fn start(&mut self) -> Vec<Effect> {
        let mut effects = vec![self.load_stories(), self.load_feeds()];
        effects.extend(self.load_counts());
        effects
    }

    /// Returns true once if the screen needs drawing since the last call.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    /// Returns true once the user asked to quit.
    pub fn quitting(&self) -> bool {
        self.quitting
    }

    /// Returns the key sequence typed so far when it is an unfinished binding ("g").
    pub fn pending_keys(&self) -> &[KeyChord] {
        &self.pending_keys
    }

    /// Applies one message and returns what must happen outside.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(key) if key.kind == KeyEventKind::Release => Vec::new(),
            Msg::Key(key) => {
                self.dirty = true;
                self.message = None;
                self.on_key(key)
            }
            Msg::Mouse(event) => {
                self.dirty = true;
                self.message = None;
                self.on_mouse(event)
            }
            Msg::Resize(w, h) => {
                self.dirty = true;
                self.size = (w, h);
                let height = self.list_height();
                self.list.move_by(0, height);
                Vec::new()
            }
            Msg::Fetch(event) => {
                self.dirty = true;
                self.on_fetch(&event)
            }
            Msg::FetchEnded { error } => {
                self.dirty = true;
                self.refresh.finish(error);
                self.on_refresh_ended()
            }
            Msg::CacheChanged => self.on_cache_changed(),
            Msg::Loaded { req, data } => self.on_loaded(req, data),
            Msg::Tick(now) => {
                self.dirty = true;
                self.now = now;
                Vec::new()
            }
            Msg::Notice(text) => {
                self.dirty = true;
                self.message = Some(crate::sanitize::clean_line(&text));
                Vec::new()
            }
        }
    }

    /// Returns the help lines that do not fit the terminal (0 when all do).
    pub fn help_overflow(&self) -> usize {
        let layout = HelpLayout::of(self.keymap.help_entries().len(), self.size);
        layout.rows.saturating_sub(layout.room)
    }

    /// Returns the pane areas for the current size and state.
    pub fn panes(&self) -> layout::Panes {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        layout::panes(
            area,
            self.focus,
            self.reader.is_some(),
            self.search_input.is_some(),
        )
    }

    /// Returns the open article laid out for the reader pane's width.
    pub fn article_lines(&self) -> Vec<article::Line> {
        match self.reader.as_ref().and_then(|r| r.detail.as_deref()) {
            Some(detail) => article::layout(detail, self.reader_size().0, self.now),
            None => Vec::new(),
        }
    }

    /// Returns the (width, height) of the reader pane's text area; the last
    /// inner line is kept for the focus line.
    pub fn reader_size(&self) -> (usize, usize) {
        let area = self.panes().reader.map(layout::inner).unwrap_or_else(|| {
            let full = Rect::new(0, 0, self.size.0, self.size.1.saturating_sub(1));
            layout::inner(full)
        });
        (
            usize::from(area.width.saturating_sub(2)).max(10),
            usize::from(area.height.saturating_sub(1)).max(1),
        )
    }

    /// Returns the number of rows the story list shows (as if it were
    /// visible, on a narrow screen where another pane has the focus).
    fn list_height(&self) -> usize {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        let panes = layout::panes(area, Pane::Stories, false, self.search_input.is_some());
        let rows = self.panes().stories.or(panes.stories).map(layout::inner);
        usize::from(rows.unwrap_or_default().height).max(1)
    }

    fn request(&mut self) -> RequestId {
        self.next_request += 1;
        RequestId(self.next_request)
    }

    fn load_feeds(&mut self) -> Effect {
        let req = self.request();
        self.want_feeds = Some(req);
        Effect::Load(Query::Feeds, req)
    }

    /// Returns the unread stories of the whole list: counted by the cache
    /// when only the first rows are loaded, else counted here.
    pub fn unread(&self) -> u64 {
        match (self.list_complete, self.unread_total) {
            (false, Some(total)) => total,
            _ => self.list.unread() as u64,
        }
    }

    /// Reloads the list for the current filter from its first row (for a
    /// filter set from outside, as benchmarks do).
    pub fn reload_list(&mut self) -> Vec<Effect> {
        self.list.selected = 0;
        self.list.offset = 0;
        vec![self.load_stories()]
    }

    /// Asks for the list's first rows; a changed filter starts again from
    /// one page, the same filter keeps the rows already shown.
    fn load_stories(&mut self) -> Effect {
        if self.filter != self.loaded_filter {
            self.list_limit = list::PAGE;
            self.loaded_filter = self.filter.clone();
        }
        let req = self.request();
        self.want_stories = Some(req);
        // One row per copy group; counts and marks cover every copy.
        let query = ListQuery {
            limit: Some(self.list_limit),
            collapse_copies: true,
            ..self.filter.clone()
        };
        Effect::Load(Query::Stories(query), req)
    }

    /// Asks for more rows when the cursor comes near the last loaded one
    /// and the list has more; the limit doubles, so a long scroll costs
    /// a few loads, not one per page.
    fn load_more_if_near_end(&mut self) -> Vec<Effect> {
        let near = self.list.selected + 2 * self.list_height() >= self.list.rows.len();
        if self.list_complete || !near || self.want_stories.is_some() {
            return Vec::new();
        }
        self.list_limit = self.list_limit.saturating_mul(2);
        vec![self.load_stories()]
    }

    /// Asks the cache how many rows of the whole list are unread (a copy
    /// group is one row, as in the list).
    fn load_unread_total(&mut self) -> Effect {
        let req = self.request();
        self.want_unread = Some(req);
        let query = ListQuery {
            unread_only: true,
            limit: None,
            collapse_copies: true,
            ..self.filter.clone()
        };
        Effect::Load(Query::Counts(vec![query]), req)
    }

    fn load_story(&mut self, id: StoryId) -> Effect {
        let req = self.request();
        self.want_story = Some(req);
        Effect::Load(Query::Story(id), req)
    }
}
