//! Feed documents (RSS 0.9x/1.0/2.0, Atom, JSON Feed) → [`ParsedFeed`].
//!
//! The bytes are first made UTF-8 (see `charset`), then parsed by feed-rs;
//! every string that leaves this module is sanitised for the terminal.

mod charset;
mod defuse;
mod guard;
#[cfg(test)]
mod tests;
mod text;

use std::collections::HashSet;

use chrono::{DateTime, TimeDelta, Utc};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use crate::fetch::url_norm::canonical_url;
use crate::model::{FeedItem, ParsedFeed};
use crate::sanitize::{clean_line, clean_text, safe_http_url};
use text::{plain_line, stable_hash};

/// Why a document is not a usable feed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FeedError {
    /// An HTML page came back where a feed was expected.
    #[error("the address returned a web page, not a feed; use the site's RSS or Atom link instead")]
    HtmlPage,
    /// The XML is broken; `reason` is the parser's.
    #[error("the feed is not valid XML: {reason}")]
    InvalidXml { reason: String },
    /// The JSON is broken or is not a JSON Feed.
    #[error("the feed is not a valid JSON Feed: {reason}")]
    InvalidJson { reason: String },
    /// Well-formed, but neither RSS, Atom nor JSON Feed.
    #[error("the document is not an RSS, Atom or JSON feed")]
    NotAFeed,
    /// The feed parser failed on the document (a bug in feed-rs that this
    /// feed trips); `reason` is its message.
    #[error("the feed parser failed on this feed: {reason}")]
    ParserFault { reason: String },
}

/// Parses a feed from raw bytes. `feed_url` resolves relative links;
/// at most `max_items` items are kept, and `left_out` counts the distinct
/// items past them.
///
/// Items keep document order; an item whose key repeats an earlier one is
/// dropped, so the first copy wins.
pub fn parse(
    bytes: &[u8],
    content_type: Option<&str>,
    feed_url: &str,
    max_items: usize,
) -> Result<ParsedFeed, FeedError> {
    let utf8 = charset::drop_late_declarations(charset::to_utf8(bytes, content_type));
    if looks_like_html(&utf8, content_type) {
        return Err(FeedError::HtmlPage);
    }
    let (feed, defused) = parse_guarded(&utf8)?;
    let person = |name: &str| {
        if defused {
            plain_line(&defuse::restore(name))
        } else {
            plain_line(name)
        }
    };
    let base = url::Url::parse(feed_url).ok();
    let resolve = |href: &str| resolve_link(base.as_ref(), href);

    let latest = Utc::now() + TimeDelta::days(2);
    let mut seen = HashSet::new();
    let mut items = Vec::new();
    let mut left_out = 0;
    for entry in feed.entries {
        let url = pick_link(&entry.links).and_then(&resolve);
        let title = entry
            .title
            .as_ref()
            .map(|t| plain_line(&t.content))
            .unwrap_or_default();
        let published = entry
            .published
            .or(entry.updated)
            .filter(|d| plausible_date(*d, latest));
        let guid = clean_line(&entry.id);
        let key = if guid.is_empty() {
            derived_key(url.as_deref(), &title, published, &entry)
        } else {
            guid
        };
        if !seen.insert(key.clone()) {
            continue;
        }
        // Past the limit, only count the distinct items left out.
        if items.len() >= max_items {
            left_out += 1;
            continue;
        }
        let author = entry
            .authors
            .iter()
            .filter_map(|p| p.name.as_deref().or(p.email.as_deref()))
            .map(person)
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
        items.push(FeedItem {
            key,
            canonical_url: url.as_deref().and_then(canonical_url),
            url,
            title,
            author: (!author.is_empty()).then_some(author),
            published,
            summary_html: entry
                .summary
                .map(|t| clean_text(&t.content))
                .filter(|s| !s.trim().is_empty()),
            content_html: entry
                .content
                .and_then(|c| c.body)
                .map(|b| clean_text(&b))
                .filter(|s| !s.trim().is_empty()),
        });
    }
    Ok(ParsedFeed {
        title: feed
            .title
            .map(|t| plain_line(&t.content))
            .filter(|t| !t.is_empty()),
        site_url: pick_link(&feed.links).and_then(resolve),
        items,
        left_out,
    })
}

/// Runs feed-rs under [`guard::run`]. When it panics, the document is
/// parsed once more with the addresses in its person fields defused (the
/// one panic known in feed-rs 3.0); the flag tells that this happened.
fn parse_guarded(doc: &[u8]) -> Result<(feed_rs::model::Feed, bool), FeedError> {
    // An empty id from the generator marks an item without guid/id, so the
    // key can be derived here instead of feed-rs's random UUID fallback.
    let parse = |doc: &[u8]| {
        let parser = feed_rs::parser::Builder::new()
            .id_generator(|_, _, _| String::new())
            .build();
        guard::run(|| parser.parse(doc))
    };
    let fault = |p: guard::Panicked| FeedError::ParserFault {
        reason: reason(&p.message),
    };
    match parse(doc) {
        Ok(result) => result.map(|f| (f, false)).map_err(|e| describe(e, doc)),
        Err(panicked) => {
            let Some(defused) = defuse::defuse(doc) else {
                return Err(fault(panicked));
            };
            match parse(&defused).map_err(fault)? {
                Ok(feed) => Ok((feed, true)),
                Err(e) => Err(describe(e, doc)),
            }
        }
    }
}

/// Picks the link that points at the story (or site): the first without a
/// `rel` or with `rel="alternate"`, else the first that is not `self`.
fn pick_link(links: &[feed_rs::model::Link]) -> Option<&str> {
    let alternate =
        |l: &&feed_rs::model::Link| matches!(l.rel.as_deref(), None | Some("alternate"));
    links
        .iter()
        .find(alternate)
        .or_else(|| links.iter().find(|l| l.rel.as_deref() != Some("self")))
        .map(|l| l.href.as_str())
}

/// Makes a link absolute against the feed URL, and safe.
fn resolve_link(base: Option<&url::Url>, href: &str) -> Option<String> {
    let href = href.trim();
    let absolute = match base.and_then(|b| b.join(href).ok()) {
        Some(url) => url.to_string(),
        None => href.to_owned(),
    };
    safe_http_url(&absolute)
}

/// A key for an item without guid: its link, else its title and date (else
/// its summary), hashed with a stable hash so it is the same on every run.
fn derived_key(
    url: Option<&str>,
    title: &str,
    published: Option<DateTime<Utc>>,
    entry: &feed_rs::model::Entry,
) -> String {
    let hash = match url {
        Some(url) => stable_hash(&["link", url]),
        None => {
            let date = published.map(|d| d.to_rfc3339()).unwrap_or_default();
            let summary = entry.summary.as_ref().map_or("", |t| t.content.as_str());
            stable_hash(&["title", title, &date, summary])
        }
    };
    format!("byline:{hash:016x}")
}

/// Rejects dates from before feeds existed (year 0001, the Unix epoch used
/// as "unknown") and from the far future.
fn plausible_date(date: DateTime<Utc>, latest: DateTime<Utc>) -> bool {
    let earliest = DateTime::from_timestamp(631_152_000, 0).unwrap_or(DateTime::UNIX_EPOCH); // 1990-01-01
    date > earliest && date <= latest
}

/// Tells whether the document is an HTML page rather than a feed.
fn looks_like_html(doc: &[u8], content_type: Option<&str>) -> bool {
    let head = String::from_utf8_lossy(&doc[..doc.len().min(1024)]).to_ascii_lowercase();
    let start = head.trim_start();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return true;
    }
    let is_feed = ["<rss", "<feed", "<rdf:rdf", "<rdf"]
        .iter()
        .any(|t| head.contains(t))
        || start.starts_with('{');
    let html_type =
        content_type.is_some_and(|ct| ct.trim().to_ascii_lowercase().starts_with("text/html"));
    !is_feed && (html_type || head.contains("<html") || head.contains("<body"))
}

/// Turns feed-rs's error into a sentence; a document with no feed root that
/// looks like HTML further in is reported as a web page.
fn describe(err: ParseFeedError, doc: &[u8]) -> FeedError {
    match err {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => {
            let lower = String::from_utf8_lossy(doc).to_ascii_lowercase();
            if lower.contains("<html") {
                FeedError::HtmlPage
            } else {
                FeedError::NotAFeed
            }
        }
        ParseFeedError::ParseError(kind) => FeedError::InvalidXml {
            reason: reason(&kind.to_string()),
        },
        ParseFeedError::XmlReader(e) => {
            let message = e.to_string();
            FeedError::InvalidXml {
                reason: reason(message.strip_prefix("Parser error: ").unwrap_or(&message)),
            }
        }
        ParseFeedError::IoError(e) => FeedError::InvalidXml {
            reason: reason(&e.to_string()),
        },
        ParseFeedError::JsonSerde(e) => FeedError::InvalidJson {
            reason: json_reason(&e),
        },
        ParseFeedError::JsonUnsupportedVersion(v) => FeedError::InvalidJson {
            reason: format!("version {} is not supported", reason(&v)),
        },
    }
}

/// Characters of a parser's message kept in a feed's error: the message
/// may quote the document, and the error is stored, listed and logged.
const MAX_REASON: usize = 160;

/// Returns a parser's message as one clean line of at most [`MAX_REASON`]
/// characters.
fn reason(message: &str) -> String {
    let line = clean_line(message);
    match line.char_indices().nth(MAX_REASON) {
        Some((cut, _)) => format!("{}…", line[..cut].trim_end()),
        None => line,
    }
}

/// Describes a JSON error without the feed's own values: serde quotes a
/// value of the wrong type Rust-escaped ("string \"\\u{1b}[31m…\""), which
/// no cleaning can tell from text, so a data error keeps only what was
/// expected and where.
fn json_reason(e: &serde_json::Error) -> String {
    let message = e.to_string();
    if e.classify() != serde_json::error::Category::Data || message.starts_with("missing field") {
        return reason(&message);
    }
    let at = format!(" at line {} column {}", e.line(), e.column());
    let message = message.strip_suffix(&at).unwrap_or(&message);
    match message.rsplit_once(", expected ") {
        Some((_, expected)) => reason(&format!("expected {expected}{at}")),
        None => format!("a value does not fit the JSON Feed format{at}"),
    }
}
