//! Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed) → [`ParsedFeed`].

use crate::model::ParsedFeed;

/// Why a document is not a usable feed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FeedError {
    #[error("stub")]
    Stub,
}

/// Parses a feed from raw bytes. `feed_url` resolves relative links;
/// at most `max_items` items are kept.
pub fn parse(
    bytes: &[u8],
    content_type: Option<&str>,
    feed_url: &str,
    max_items: usize,
) -> Result<ParsedFeed, FeedError> {
    todo!("{} {content_type:?} {feed_url} {max_items}", bytes.len())
}
