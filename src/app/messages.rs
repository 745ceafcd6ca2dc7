//! What goes in and out of the app: messages, the effects it asks for, the
//! queries it loads and their answers.

use chrono::{DateTime, Utc};
use crossterm::event::{KeyEvent, KeyEventKind};

use crate::fetch::run::FetchEvent;
use crate::model::{Entity, EntityKind, FeedState, Quote, Related, Story, StoryId, StoryRow};
use crate::store::{EntityCount, ListQuery};

/// Identifies one load request, so an answer to an older request is dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

/// What to read from the cache.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// Every feed with its unread count.
    Feeds,
    /// The story list for a filter.
    Stories(ListQuery),
    /// One story with its analysis.
    Story(StoryId),
    /// The entity index of one kind, with story counts, for the picker.
    Entities(EntityKind),
    /// How many stories each list would show (the saved filters' unread counts).
    Counts(Vec<ListQuery>),
}

/// A command for the fetcher.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchCmd {
    /// Fetches every feed (and new stories' pages).
    RefreshAll,
}

/// Something the app asks the outside world to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Reads from the cache and answers with `Msg::Loaded` carrying the same id.
    Load(Query, RequestId),
    /// Sends a command to the fetcher; progress comes back as `Msg::Fetch`.
    Fetch(FetchCmd),
    /// Stores a story's read flag.
    SetRead {
        /// The story.
        id: StoryId,
        /// The new flag.
        read: bool,
    },
    /// Stores a story's starred flag.
    SetStarred {
        /// The story.
        id: StoryId,
        /// The new flag.
        starred: bool,
    },
    /// Marks every story of a list read (the whole list, also the rows not
    /// loaded yet).
    MarkAllRead(ListQuery),
    /// Opens an http(s) URL (already checked) in the browser.
    OpenUrl(String),
    /// Ends the program.
    Quit,
}

/// A story with everything the analysis found in it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoryDetail {
    /// The story and its text.
    pub story: Story,
    /// People, countries, places and organisations, with mentions.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Quotations with their speakers.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Other cached stories about the same news.
    #[serde(default)]
    pub related: Vec<Related>,
    /// For each of the story's links, the cached story it points to, if any.
    #[serde(default)]
    pub cached_links: Vec<Option<StoryId>>,
}

/// The answer to a [`Query`].
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// The feeds, for the sidebar.
    Feeds(Vec<FeedState>),
    /// The story list.
    Stories(Vec<StoryRow>),
    /// One story; `None` when it is no longer cached.
    Story(Option<Box<StoryDetail>>),
    /// The entity index of the kind asked for.
    Entities(Vec<EntityCount>),
    /// One count per list asked for, in order.
    Counts(Vec<u64>),
    /// The cache could not answer; one sentence.
    Failed(String),
}

/// Everything that can happen to the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// A key was pressed.
    Key(KeyEvent),
    /// The mouse was used (wheel or click).
    Mouse(crossterm::event::MouseEvent),
    /// The terminal was resized to (width, height).
    Resize(u16, u16),
    /// The fetcher reported progress.
    Fetch(FetchEvent),
    /// The refresh ended; `error` says why when it stopped early.
    FetchEnded {
        /// Why the refresh stopped early, one sentence; `None` when it ran through.
        error: Option<String>,
    },
    /// The answer to a `Load` effect.
    Loaded {
        /// The request this answers.
        req: RequestId,
        /// The answer.
        data: Loaded,
    },
    /// The clock moved on (ages are redrawn).
    Tick(DateTime<Utc>),
    /// Another connection (a cron `byline fetch`, the reader's own refresh)
    /// committed to the cache since the last look.
    CacheChanged,
    /// Something outside failed in a way the user should know; one sentence.
    Notice(String),
}

impl Msg {
    /// Returns the message for a terminal event, or `None` for events the
    /// reader ignores (mouse moves and drags, focus, key releases).
    pub fn from_terminal(event: crossterm::event::Event) -> Option<Msg> {
        use crossterm::event::{Event, MouseButton, MouseEventKind};
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => Some(Msg::Key(key)),
            Event::Mouse(mouse)
                if matches!(
                    mouse.kind,
                    MouseEventKind::ScrollDown
                        | MouseEventKind::ScrollUp
                        | MouseEventKind::Down(MouseButton::Left)
                ) =>
            {
                Some(Msg::Mouse(mouse))
            }
            Event::Resize(w, h) => Some(Msg::Resize(w, h)),
            _ => None,
        }
    }
}
