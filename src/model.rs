//! Plain data handed from one stage of the pipeline to the next.
//!
//! Nothing here does I/O; every type is owned data that can be sent across
//! threads and serialised.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Identifies a feed row in the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FeedId(pub i64);

/// Identifies a story row in the cache; the `id` of the JSON contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StoryId(pub i64);

/// A feed as the user configured it (config file or OPML import).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FeedSource {
    /// The URL the feed is fetched from.
    pub url: String,
    /// A title the user chose; the feed's own title is used when absent.
    pub title: Option<String>,
    /// Free-form tags, kept through OPML import and export.
    pub tags: Vec<String>,
}

/// One item parsed out of a feed document, before it is stored.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FeedItem {
    /// A stable key for the item within its feed: the guid or Atom id when the
    /// feed gives one, otherwise derived from link, title and date. Never random.
    pub key: String,
    /// The item's link as the feed gives it (absolute, sanitised).
    pub url: Option<String>,
    /// The link with tracking parameters and fragments removed; two feeds that
    /// carry the same story share it.
    pub canonical_url: Option<String>,
    /// The headline, as plain text (markup and control characters removed).
    pub title: String,
    /// The author or authors, as plain text.
    pub author: Option<String>,
    /// When the item was published (or updated); `None` when missing or absurd.
    pub published: Option<DateTime<Utc>>,
    /// The summary or description, still HTML.
    pub summary_html: Option<String>,
    /// The full content (`content:encoded`, Atom `<content>`), still HTML.
    pub content_html: Option<String>,
}

/// A parsed feed document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedFeed {
    /// The feed's own title.
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub site_url: Option<String>,
    /// Items in document order, duplicates (same key) removed.
    pub items: Vec<FeedItem>,
    /// Entries left out because the document listed more than the
    /// item limit allows (0 when it did not).
    pub left_out: usize,
}

/// A link inside an article's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The anchor text as it appears in the article.
    pub text: String,
    /// The absolute http(s) URL the link points to.
    pub url: String,
    /// Offset of the anchor text in the article `text`, in Unicode scalar values.
    pub start: usize,
    /// End offset (exclusive) of the anchor text, in Unicode scalar values.
    pub end: usize,
}

/// The article extracted from a web page or from a feed's own content.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Article {
    /// The headline found on the page.
    pub title: Option<String>,
    /// The byline, without "By".
    pub author: Option<String>,
    /// Publication time found on the page (meta tags, JSON-LD, `<time>`).
    pub published: Option<DateTime<Utc>>,
    /// The dateline ("WASHINGTON") when the first paragraph opens with one.
    pub dateline: Option<String>,
    /// Body paragraphs, in order, as plain text; the dateline stays in the first.
    pub paragraphs: Vec<String>,
    /// Photo captions, kept apart from the body.
    pub captions: Vec<String>,
    /// In-text links with offsets into [`Article::text`].
    pub links: Vec<Link>,
}

impl Article {
    /// Returns the body as one string: paragraphs joined by a blank line.
    ///
    /// Link offsets and every later analysis offset refer to this string.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Where a stored story's text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSource {
    /// Only the feed's own summary or content is known so far.
    Feed,
    /// The article was extracted from the story's web page.
    Page,
    /// The story ships with Byline (demo set).
    Demo,
}

/// A story as the cache holds it, with its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: StoryId,
    pub feed_id: FeedId,
    /// The title of the feed that first stored the story.
    pub feed_title: String,
    pub url: Option<String>,
    pub title: String,
    pub author: Option<String>,
    /// Publication time; the first-seen time when the feed gave none.
    pub published: DateTime<Utc>,
    /// When Byline first stored the story.
    pub first_seen: DateTime<Utc>,
    pub dateline: Option<String>,
    /// Paragraphs joined by a blank line.
    pub text: String,
    pub captions: Vec<String>,
    pub links: Vec<Link>,
    pub text_source: TextSource,
    pub read: bool,
    pub starred: bool,
}

/// One row of a story list: what `list` and the story list pane show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRow {
    pub id: StoryId,
    pub title: String,
    pub feed: String,
    pub url: Option<String>,
    pub published: DateTime<Utc>,
    pub read: bool,
    pub starred: bool,
    /// The event this story shares with other stories, if any.
    #[serde(default)]
    pub event: Option<i64>,
    /// The first cached copy, when this story is a republication of it.
    #[serde(default)]
    pub duplicate_of: Option<StoryId>,
    /// Stories in this story's duplicate group, itself included (1 when it
    /// has no copies); a collapsed list shows one row per group with it.
    #[serde(default = "one")]
    pub copies: u32,
}

fn one() -> u32 {
    1
}

/// A feed with its fetch state, as `byline feeds` shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeedState {
    pub id: FeedId,
    pub url: String,
    /// The configured title, else the feed's own, else the URL.
    pub title: String,
    pub tags: Vec<String>,
    pub site_url: Option<String>,
    /// When the feed was last attempted.
    pub last_fetch: Option<DateTime<Utc>>,
    /// When the feed last answered with a feed or a 304.
    pub last_success: Option<DateTime<Utc>>,
    /// The last error, one sentence; `None` when the last attempt worked.
    pub last_error: Option<String>,
    /// Where a permanent redirect said the feed now lives.
    pub moved_to: Option<String>,
    /// A server asked us to wait until then; the next run skips the feed before it.
    pub retry_at: Option<DateTime<Utc>>,
    pub stories: u64,
    pub unread: u64,
}

/// Conditional-GET validators remembered for a feed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Country,
    /// A city or region; carries the code of its country.
    Place,
    Org,
}

/// Where an entity is named in a story's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Offset in Unicode scalar values into the story's `text`.
    pub start: usize,
    pub end: usize,
    /// The words as written ("Kim", "North Korean").
    pub text: String,
}

/// A person, country, place or organisation a story names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The canonical name: the fullest form the story uses.
    pub name: String,
    /// ISO 3166-1 alpha-2 code for countries and places.
    pub country: Option<String>,
    /// How central the entity is to the story, 0 to 1.
    pub salience: f32,
    pub mentions: Vec<Mention>,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The canonical name of the speaker, when known.
    pub speaker: Option<String>,
    pub speaker_kind: Option<EntityKind>,
}

/// How two stories are related.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// The same story, republished or lightly reworded.
    Duplicate,
    Related,
}

/// Another cached story related to this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub id: StoryId,
    pub title: String,
    pub score: f32,
    pub relation: Relation,
}

/// Everything the analysis finds in one story's text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
}
