//! The bundled demo stories, loaded into an empty cache so the first run
//! shows real content without a network.
//!
//! Each outlet is one TOML file under `assets/demo/`, compiled in with
//! `include_str!` and parsed at run time. A story body is plain text:
//! paragraphs are separated by a blank line and links are written
//! `[anchor](https://…)`; the markup is stripped and each link keeps the
//! offsets of its anchor in [`Article::text`].

use chrono::{DateTime, Utc};
use serde::Deserialize;

use crate::model::{Article, FeedItem, FeedSource, Link};

/// The outlet files, in the order their feeds are shown.
const OUTLET_FILES: [(&str, &str); 5] = [
    (
        "harbor-wire.toml",
        include_str!("../assets/demo/harbor-wire.toml"),
    ),
    (
        "meridian-post.toml",
        include_str!("../assets/demo/meridian-post.toml"),
    ),
    (
        "northgate-times.toml",
        include_str!("../assets/demo/northgate-times.toml"),
    ),
    (
        "the-lantern.toml",
        include_str!("../assets/demo/the-lantern.toml"),
    ),
    (
        "cobalt-daily.toml",
        include_str!("../assets/demo/cobalt-daily.toml"),
    ),
];

const DEFAULT_FEEDS: &str = include_str!("../assets/feeds.opml");

/// One demo outlet with its stories.
#[derive(Debug, Clone)]
pub struct DemoOutlet {
    /// The outlet as a feed (its URL uses the `demo:` scheme).
    pub source: FeedSource,
    /// The outlet's stories, each as its feed item and its article.
    pub stories: Vec<(FeedItem, Article)>,
}

/// Why a bundled demo file could not be read; always a bug in `assets/`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DemoError {
    /// A demo file is not valid TOML or lacks a field.
    #[error("the demo file {file} is not valid: {message}")]
    Invalid {
        /// The file name under `assets/demo/`.
        file: String,
        /// What the TOML parser reported.
        message: String,
    },
    /// A story's date is not an RFC 3339 time.
    #[error("the demo story {slug} has a bad date {date:?}; write it as 2026-11-17T08:30:00Z")]
    BadDate {
        /// The story's slug.
        slug: String,
        /// The date as written.
        date: String,
    },
    /// A story body has a `[` link opening that never closes.
    #[error("the demo story {slug} has an unclosed link in paragraph {paragraph}")]
    BadLink {
        /// The story's slug.
        slug: String,
        /// The 1-based paragraph.
        paragraph: usize,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OutletFile {
    name: String,
    slug: String,
    domain: String,
    #[serde(default)]
    story: Vec<StoryFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoryFile {
    slug: String,
    published: String,
    title: String,
    author: Option<String>,
    dateline: Option<String>,
    #[serde(default)]
    captions: Vec<String>,
    body: String,
}

/// Returns the demo set, parsed from `assets/demo/`.
pub fn demo_set() -> Vec<DemoOutlet> {
    // Invariant: the files are compiled in, and tests/demo.rs proves that
    // `try_demo_set` parses every one of them.
    #[allow(clippy::expect_used)]
    try_demo_set().expect("the bundled demo set parses (checked by tests/demo.rs)")
}

/// Returns the demo set, or the first error in the bundled files.
///
/// [`demo_set`] relies on this succeeding; the tests call it directly so a
/// broken asset fails with a readable message.
pub fn try_demo_set() -> Result<Vec<DemoOutlet>, DemoError> {
    OUTLET_FILES
        .iter()
        .map(|(file, text)| parse_outlet(file, text))
        .collect()
}

/// Returns the default feeds from `assets/feeds.opml`.
pub fn default_feeds() -> Vec<FeedSource> {
    // An unreadable bundled file leaves the list empty rather than failing a
    // first run; tests/opml.rs proves the bundled file parses.
    crate::opml::parse_import(DEFAULT_FEEDS).unwrap_or_default()
}

fn parse_outlet(file: &str, text: &str) -> Result<DemoOutlet, DemoError> {
    let outlet: OutletFile = toml::from_str(text).map_err(|e| DemoError::Invalid {
        file: file.to_owned(),
        message: e.message().to_owned(),
    })?;
    let source = FeedSource {
        url: format!("demo:{}", outlet.slug),
        title: Some(outlet.name.clone()),
        tags: vec!["demo".to_owned()],
    };
    let stories = outlet
        .story
        .iter()
        .map(|s| parse_story(&outlet, s))
        .collect::<Result<_, _>>()?;
    Ok(DemoOutlet { source, stories })
}

fn parse_story(outlet: &OutletFile, story: &StoryFile) -> Result<(FeedItem, Article), DemoError> {
    let published = DateTime::parse_from_rfc3339(&story.published)
        .map_err(|_| DemoError::BadDate {
            slug: story.slug.clone(),
            date: story.published.clone(),
        })?
        .with_timezone(&Utc);
    let url = format!(
        "https://{}/{}/{}",
        outlet.domain,
        published.format("%Y/%m/%d"),
        story.slug
    );
    let mut paragraphs = Vec::new();
    let mut links = Vec::new();
    let mut offset = 0;
    for (index, raw) in split_paragraphs(&story.body).iter().enumerate() {
        if index > 0 {
            offset += 2; // the "\n\n" that Article::text puts between paragraphs
        }
        let (plain, mut found) = strip_links(raw, offset).ok_or_else(|| DemoError::BadLink {
            slug: story.slug.clone(),
            paragraph: index + 1,
        })?;
        offset += plain.chars().count();
        paragraphs.push(plain);
        links.append(&mut found);
    }
    let item = FeedItem {
        key: url.clone(),
        url: Some(url.clone()),
        canonical_url: Some(url),
        title: story.title.clone(),
        author: story.author.clone(),
        published: Some(published),
        summary_html: paragraphs
            .first()
            .map(|p| format!("<p>{}</p>", escape_html(p))),
        content_html: None,
    };
    let article = Article {
        title: Some(story.title.clone()),
        author: story.author.clone(),
        published: Some(published),
        dateline: story.dateline.clone(),
        paragraphs,
        captions: story.captions.clone(),
        links,
    };
    Ok((item, article))
}

/// Splits a body on blank lines, joining the lines of a paragraph with a space.
fn split_paragraphs(body: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in body.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs
}

/// Removes `[anchor](url)` markup from a paragraph, returning the plain text
/// and the links with offsets counted from `base`; `None` when a link is
/// left open.
fn strip_links(raw: &str, base: usize) -> Option<(String, Vec<Link>)> {
    let mut plain = String::with_capacity(raw.len());
    let mut links = Vec::new();
    let mut chars_out = 0;
    let mut rest = raw;
    while let Some(open) = rest.find('[') {
        let before = &rest[..open];
        plain.push_str(before);
        chars_out += before.chars().count();
        let after = &rest[open + 1..];
        let close = after.find("](")?;
        let anchor = &after[..close];
        let tail = &after[close + 2..];
        let end = tail.find(')')?;
        let start = base + chars_out;
        let len = anchor.chars().count();
        links.push(Link {
            text: anchor.to_owned(),
            url: tail[..end].to_owned(),
            start,
            end: start + len,
        });
        plain.push_str(anchor);
        chars_out += len;
        rest = &tail[end + 1..];
    }
    plain.push_str(rest);
    Some((plain, links))
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_link_markup_and_counts_scalar_values() {
        let (plain, links) =
            strip_links("Café [Seoul talks](https://a.example/x) ended.", 10).unwrap_or_default();
        assert_eq!(plain, "Café Seoul talks ended.");
        assert_eq!(links.len(), 1);
        assert_eq!((links[0].start, links[0].end), (15, 26));
        assert_eq!(links[0].url, "https://a.example/x");
    }

    #[test]
    fn reports_an_unclosed_link() {
        assert_eq!(strip_links("a [b](https://x", 0), None);
    }

    #[test]
    fn joins_wrapped_lines_and_splits_on_blank_lines() {
        assert_eq!(
            split_paragraphs("one\n  two\n\n\nthree\n"),
            vec!["one two".to_owned(), "three".to_owned()]
        );
    }
}
