//! OPML and newsboat `urls` files in, OPML out. Pure functions.
//!
//! Every title and tag passes through [`clean_line`] and every URL through
//! [`safe_http_url`]: an import file is a stranger's text like any feed.

mod urls;
mod xml;

use crate::model::FeedSource;
use crate::sanitize::{clean_line, safe_http_url};

/// Why an import file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    /// The file looks like XML but is not well-formed.
    #[error(
        "the OPML file is not well-formed XML at line {line} ({message}); fix it or export it again"
    )]
    Malformed {
        /// The 1-based line where the parser stopped.
        line: usize,
        /// What the XML parser reported.
        message: String,
    },
    /// The file is XML whose root is not `<opml>`.
    #[error(
        "the file is XML but its root element is <{root}>, not <opml>; import an OPML file or a newsboat urls file"
    )]
    NotOpml {
        /// The name of the root element found.
        root: String,
    },
    /// The file is neither XML nor a list of feed URLs.
    #[error(
        "the file is neither OPML nor a newsboat urls file (no line starts with a feed URL); check that you chose the right file"
    )]
    Unrecognized,
}

/// Why one line or outline of an import file did not become a feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// A newsboat `query:` feed, which is a saved search, not a feed.
    Query,
    /// A newsboat `exec:` feed; Byline never runs commands from an import.
    Exec,
    /// A newsboat `filter:` feed; Byline never runs commands from an import.
    Filter,
    /// A URL that is not absolute http(s) (`javascript:`, `file:`, garbage).
    NotHttp(String),
}

impl std::fmt::Display for SkipReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SkipReason::Query => f.write_str("a query feed is a saved search, not a feed"),
            SkipReason::Exec => {
                f.write_str("an exec feed would run a command, which Byline never does")
            }
            SkipReason::Filter => {
                f.write_str("a filter feed would run a command, which Byline never does")
            }
            SkipReason::NotHttp(url) => write!(f, "{url:?} is not an http(s) URL"),
        }
    }
}

/// One entry of an import file that was left out, with where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The 1-based line of the entry.
    pub line: usize,
    /// Why it was left out.
    pub reason: SkipReason,
}

/// What an import found: the feeds, and the entries it left out.
///
/// The CLI prints the skipped count so a user learns that `exec:` lines were
/// ignored rather than silently dropped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReport {
    /// Feeds in file order, each URL once.
    pub feeds: Vec<FeedSource>,
    /// Entries that were not imported.
    pub skipped: Vec<Skipped>,
}

/// Reads feeds from an OPML document or a newsboat `urls` file (detected
/// from the content).
pub fn parse_import(text: &str) -> Result<Vec<FeedSource>, ImportError> {
    parse_import_report(text).map(|r| r.feeds)
}

/// Reads an import file like [`parse_import`] and also reports the entries
/// it skipped (`query:`, `exec:`, `filter:` lines, non-http URLs).
pub fn parse_import_report(text: &str) -> Result<ImportReport, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('<') {
        xml::parse(text)
    } else {
        urls::parse(text)
    }
}

/// Writes feeds as an OPML 2.0 document, tags as nested outlines.
///
/// Feeds are grouped in one folder outline per first tag (in order of first
/// appearance); the other tags go in the `category` attribute, so importing
/// the result gives back the same feeds, titles and tags. A tag after the
/// first that contains `,` or `/` is split on import, as OPML readers do.
pub fn write_opml(feeds: &[FeedSource]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>Byline feeds</title>\n  </head>\n  <body>\n",
    );
    let mut folders: Vec<&str> = Vec::new();
    for feed in feeds {
        match feed.tags.first() {
            Some(tag) if !folders.contains(&tag.as_str()) => folders.push(tag),
            _ => {}
        }
    }
    for feed in feeds.iter().filter(|f| f.tags.is_empty()) {
        write_feed(&mut out, feed, "    ");
    }
    for folder in folders {
        let name = escape(folder);
        out.push_str(&format!("    <outline text=\"{name}\" title=\"{name}\">\n"));
        for feed in feeds
            .iter()
            .filter(|f| f.tags.first().map(String::as_str) == Some(folder))
        {
            write_feed(&mut out, feed, "      ");
        }
        out.push_str("    </outline>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn write_feed(out: &mut String, feed: &FeedSource, indent: &str) {
    let url = escape(&feed.url);
    out.push_str(indent);
    out.push_str("<outline type=\"rss\"");
    match &feed.title {
        Some(title) => {
            let title = escape(title);
            out.push_str(&format!(" text=\"{title}\" title=\"{title}\""));
        }
        // No title attribute: the importer reads `text == xmlUrl` as "untitled".
        None => out.push_str(&format!(" text=\"{url}\"")),
    }
    out.push_str(&format!(" xmlUrl=\"{url}\""));
    if feed.tags.len() > 1 {
        out.push_str(&format!(
            " category=\"{}\"",
            escape(&feed.tags[1..].join(","))
        ));
    }
    out.push_str("/>\n");
}

/// Escapes text for a double-quoted XML attribute; tabs and newlines become
/// character references so attribute normalisation keeps them.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// Collects feeds, dropping repeated URLs and cleaning titles and tags.
#[derive(Default)]
struct Collector {
    report: ImportReport,
}

impl Collector {
    /// Adds a feed, or records why it was skipped.
    fn add(&mut self, line: usize, raw_url: &str, title: Option<&str>, tags: Vec<String>) {
        let Some(url) = safe_http_url(raw_url) else {
            self.skip(line, SkipReason::NotHttp(clean_line(raw_url)));
            return;
        };
        let title = title.map(clean_line).filter(|t| !t.is_empty());
        let mut clean_tags: Vec<String> = Vec::new();
        for tag in tags.iter().map(|t| clean_line(t)) {
            if !tag.is_empty() && !clean_tags.contains(&tag) {
                clean_tags.push(tag);
            }
        }
        if let Some(existing) = self.report.feeds.iter_mut().find(|f| f.url == url) {
            // The same feed in two folders: one feed with both tags.
            for tag in clean_tags {
                if !existing.tags.contains(&tag) {
                    existing.tags.push(tag);
                }
            }
            return;
        }
        self.report.feeds.push(FeedSource {
            url,
            title,
            tags: clean_tags,
        });
    }

    fn skip(&mut self, line: usize, reason: SkipReason) {
        self.report.skipped.push(Skipped { line, reason });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
    }

    #[test]
    fn untitled_feed_round_trips_as_untitled() {
        let feeds = vec![FeedSource {
            url: "https://example.com/feed".into(),
            title: None,
            tags: vec![],
        }];
        assert_eq!(parse_import(&write_opml(&feeds)), Ok(feeds));
    }
}
