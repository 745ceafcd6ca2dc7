//! The bundled demo stories, loaded into an empty cache so the first run
//! shows real content without a network.

use crate::model::{Article, FeedItem, FeedSource};

/// One demo outlet with its stories.
#[derive(Debug, Clone)]
pub struct DemoOutlet {
    /// The outlet as a feed (its URL uses the `demo:` scheme).
    pub source: FeedSource,
    /// The outlet's stories, each as its feed item and its article.
    pub stories: Vec<(FeedItem, Article)>,
}

/// Returns the demo set, parsed from `assets/demo/`.
pub fn demo_set() -> Vec<DemoOutlet> {
    todo!()
}

/// Returns the default feeds from `assets/feeds.opml`.
pub fn default_feeds() -> Vec<FeedSource> {
    todo!()
}
