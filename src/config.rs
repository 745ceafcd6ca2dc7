//! The configuration file and the folders Byline uses.
//!
//! `config.example.toml` documents every option and is parsed in a test; the
//! defaults below are the values it shows.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::FeedSource;
use crate::ui::theme::Palette;

/// Errors reading the configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the config file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("the config file {path} is not valid: {message}")]
    Invalid { path: String, message: String },
    #[error("cannot find a home folder for Byline's data; set BYLINE_DATA_DIR or pass --data-dir")]
    NoHome,
}

/// The whole configuration.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub struct Config {
    /// Feeds to fetch, in the order they are shown.
    pub feeds: Vec<FeedConfig>,
    pub fetch: FetchConfig,
    pub related: RelatedConfig,
    pub ui: UiConfig,
    /// Key bindings: action name (snake_case) → chord or chords ("g g", "f, ctrl-s").
    pub keys: BTreeMap<String, String>,
    /// Saved filters, shown in the reader's sidebar with their unread counts.
    pub filters: Vec<FilterConfig>,
}

/// One `[[filters]]` table: a named list by person, country, organisation
/// or words; the conditions given all apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub struct FilterConfig {
    /// The name shown in the sidebar.
    pub name: String,
    /// Stories naming this person (full name or surname).
    #[serde(default)]
    pub person: Option<String>,
    /// Stories about this country (ISO code or name) or a place in it.
    #[serde(default)]
    pub country: Option<String>,
    /// Stories naming this organisation.
    #[serde(default)]
    pub org: Option<String>,
    /// Stories containing all these words.
    #[serde(default)]
    pub search: Option<String>,
}

/// One `[[feeds]]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub struct FeedConfig {
    pub url: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
}

impl From<&FeedConfig> for FeedSource {
    fn from(f: &FeedConfig) -> Self {
        FeedSource {
            url: f.url.clone(),
            title: f.title.clone(),
            tags: f.tags.clone(),
        }
    }
}

/// The `[fetch]` table: how hard Byline may pull on the network, and the
/// bounds on what a feed or page may send.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub struct FetchConfig {
    /// Requests in flight at once, over all hosts.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// Seconds to wait for a connection.
    pub connect_timeout: f64,
    /// Seconds one request may take from start to the last byte.
    pub timeout: f64,
    /// Seconds one feed or page may take in all: every redirect hop and a
    /// Retry-After wait (time queued for a free connection does not count).
    pub total_timeout: f64,
    /// Largest feed document accepted, in bytes, after decompression.
    pub max_feed_bytes: u64,
    /// Largest article page accepted, in bytes, after decompression.
    pub max_page_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// Items kept from one feed document (the first ones).
    pub max_items: usize,
    /// Paragraphs one story's text may have; a feed item or page with more
    /// fails (the feed, or the page, reports it).
    pub max_paragraphs: usize,
    /// Distinct people, countries, places and organisations one story's
    /// analysis may name; a feed item or page with more fails like one past
    /// `max_paragraphs`.
    pub max_entities: usize,
    /// Mentions of them one story's analysis may hold, over all its
    /// entities; past it, the same failure.
    pub max_mentions: usize,
    /// Longest wait honoured for a 429/503 Retry-After within one run, in
    /// seconds; a longer one defers the feed to a later run.
    pub max_retry_wait: f64,
    /// Fetch each new story's web page and extract the article.
    pub pages: bool,
    /// The User-Agent header; empty means Byline's own.
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            concurrency: 16,
            per_host: 4,
            connect_timeout: 10.0,
            timeout: 30.0,
            total_timeout: 60.0,
            max_feed_bytes: 10 * 1024 * 1024,
            max_page_bytes: 5 * 1024 * 1024,
            max_redirects: 5,
            max_items: 1000,
            max_paragraphs: 2000,
            max_entities: 1000,
            max_mentions: 20_000,
            max_retry_wait: 5.0,
            pages: true,
            user_agent: String::new(),
        }
    }
}

/// The `[ui]` table: how the reader looks and what it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub struct UiConfig {
    /// The palette: `dark`, `light` or `mono` (`NO_COLOR` always gives mono).
    pub theme: Palette,
    /// Whether the reader takes mouse clicks and the wheel; off leaves the
    /// mouse to the terminal (selecting text).
    pub mouse: bool,
}

impl Default for UiConfig {
    fn default() -> Self {
        UiConfig {
            theme: Palette::Dark,
            mouse: true,
        }
    }
}

/// The `[related]` table: how copies of one story behave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(test, serde(deny_unknown_fields))]
pub struct RelatedConfig {
    /// Marking one copy of a story read (or unread) marks all its copies.
    pub mark_copies_read: bool,
}

impl Default for RelatedConfig {
    fn default() -> Self {
        RelatedConfig {
            mark_copies_read: true,
        }
    }
}

impl FetchConfig {
    /// Returns the User-Agent to send.
    pub fn user_agent(&self) -> String {
        if self.user_agent.trim().is_empty() {
            format!(
                "Byline/{} (terminal news reader; +https://github.com/byline-reader/byline)",
                env!("CARGO_PKG_VERSION")
            )
        } else {
            self.user_agent.clone()
        }
    }
}

impl Config {
    /// Parses a config file's text; `path` names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.display().to_string(),
            message: describe_toml_error(text, &e),
        })
    }

    /// Reads the config file at `path`.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Config::parse(&text, path)
    }

    /// Returns the configured feeds as sources.
    pub fn sources(&self) -> Vec<FeedSource> {
        self.feeds.iter().map(FeedSource::from).collect()
    }
}

/// Turns a TOML error into "line N, column M: what is wrong".
fn describe_toml_error(text: &str, err: &toml::de::Error) -> String {
    let what = err.message().trim_end_matches('.').to_owned();
    match err.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {column}: {what}")
        }
        None => what,
    }
}

/// Where Byline keeps its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The config file (it may not exist).
    pub config: PathBuf,
    /// Whether the config file was named by `--config` or `BYLINE_CONFIG`.
    pub config_explicit: bool,
    /// The folder for the cache.
    pub data_dir: PathBuf,
}

impl Paths {
    /// Resolves the paths from the command line (which already folded in the
    /// environment variables) and the XDG base directories.
    pub fn resolve(
        config: Option<PathBuf>,
        data_dir: Option<PathBuf>,
    ) -> Result<Paths, ConfigError> {
        use etcetera::BaseStrategy;
        let base = || etcetera::choose_base_strategy().map_err(|_| ConfigError::NoHome);
        let config_explicit = config.is_some();
        let config = match config {
            Some(p) => p,
            None => base()?.config_dir().join("byline").join("config.toml"),
        };
        let data_dir = match data_dir {
            Some(p) => p,
            None => base()?.data_dir().join("byline"),
        };
        Ok(Paths {
            config,
            config_explicit,
            data_dir,
        })
    }

    /// Returns the cache database file.
    pub fn cache(&self) -> PathBuf {
        self.data_dir.join("cache.db")
    }

    /// Returns the log file.
    pub fn log(&self) -> PathBuf {
        self.data_dir.join("byline.log")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_config_parses_and_shows_the_defaults() {
        let text = include_str!("../config.example.toml");
        let config = Config::parse(text, Path::new("config.example.toml")).expect("example parses");
        assert_eq!(config.fetch, FetchConfig::default());
        assert!(!config.feeds.is_empty());
        assert!(config.feeds.iter().all(|f| f.url.starts_with("https://")));
        let filter = config.filters.first().expect("the example saves a filter");
        assert!(filter.person.is_some() && filter.country.is_some());
    }

    #[test]
    fn a_bad_value_names_line_column_and_the_problem() {
        let text = "[fetch]\nconcurrency = \"many\"\n";
        let err = Config::parse(text, Path::new("/tmp/c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("/tmp/c.toml"), "{err}");
        assert!(err.contains("line 2"), "{err}");
        assert!(err.contains("invalid type"), "{err}");
    }

    #[test]
    fn a_feed_without_url_is_reported() {
        let text = "[[feeds]]\ntitle = \"x\"\n";
        let err = Config::parse(text, Path::new("c.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("missing field `url`"), "{err}");
    }
}
