//! What every command needs: the paths, the config and the cache.

use std::path::PathBuf;

use anyhow::Context as _;

use crate::config::{Config, Paths};
use crate::model::{FeedId, FeedSource};
use crate::store::Store;

/// The resolved paths and configuration of one invocation.
pub struct Context {
    pub paths: Paths,
    pub config: Config,
    /// Whether a config file was read (otherwise the default feeds apply).
    pub config_found: bool,
}

impl Context {
    /// Resolves paths and reads the config file. A missing config file is
    /// fine at the default location (the default feeds apply) and an error
    /// when it was named explicitly.
    pub fn new(config: Option<PathBuf>, data_dir: Option<PathBuf>) -> anyhow::Result<Context> {
        let paths = Paths::resolve(config, data_dir)?;
        let (config, config_found) = if paths.config.exists() || paths.config_explicit {
            (Config::load(&paths.config)?, true)
        } else {
            (Config::default(), false)
        };
        Ok(Context {
            paths,
            config,
            config_found,
        })
    }

    /// Returns the feeds to follow: the config's, or the bundled defaults
    /// when there is no config file.
    pub fn feed_sources(&self) -> Vec<FeedSource> {
        if self.config_found {
            self.config.sources()
        } else {
            crate::demo::default_feeds()
        }
    }

    /// Opens the cache, creating it on first use.
    pub fn open_store(&self) -> anyhow::Result<Store> {
        let path = self.paths.cache();
        let mut store = Store::open(&path).with_context(|| {
            format!(
                "Byline needs a writable cache; check the folder {} or pass --data-dir",
                self.paths.data_dir.display()
            )
        })?;
        store.set_copies_share_read(self.config.related.mark_copies_read);
        Ok(store)
    }

    /// Makes sure every followed feed has a row in the cache and returns
    /// their ids with their sources, in config order.
    pub fn sync_feeds(&self, store: &mut Store) -> anyhow::Result<Vec<(FeedId, FeedSource)>> {
        self.feed_sources()
            .into_iter()
            .map(|source| Ok((store.upsert_feed(&source)?, source)))
            .collect()
    }
}

/// Fills an empty cache with the bundled demo stories; returns how many
/// were loaded (0 when the cache already had stories).
pub fn load_demo_if_empty(store: &mut Store) -> anyhow::Result<usize> {
    use crate::model::TextSource;
    use crate::store::FeedUpdate;
    if store.story_count()? > 0 {
        return Ok(0);
    }
    let mut loaded = 0;
    for outlet in crate::demo::demo_set() {
        let feed = store.upsert_feed(&outlet.source)?;
        let (items, articles): (Vec<_>, Vec<_>) = outlet.stories.into_iter().unzip();
        let update = FeedUpdate {
            title: outlet.source.title.clone(),
            items,
            ..FeedUpdate::default()
        };
        let stored = store.store_feed(feed, &update, chrono::Utc::now())?;
        for (index, id) in stored.new_items {
            if let Some(article) = articles.get(index) {
                let headline = update.items.get(index).map(|item| item.title.as_str());
                let text = crate::fetch::run::analyzed(article.clone(), headline, true);
                store.store_text(id, &text, TextSource::Demo)?;
                loaded += 1;
            }
        }
    }
    Ok(loaded)
}
