//! Recognises page chrome (navigation, banners, share bars, rails, ads) by
//! tag, ARIA role, visibility and class/id names.

use super::dom::{Dom, NodeId};
use aho_corasick::AhoCorasick;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A fixed word list searched as substrings, with one automaton for speed.
struct Words {
    list: &'static [&'static str],
    automaton: Option<AhoCorasick>,
}

impl Words {
    fn new(list: &'static [&'static str]) -> Words {
        Words {
            list,
            automaton: AhoCorasick::new(list).ok(),
        }
    }

    /// True when `s` contains one of the words.
    fn in_(&self, s: &str) -> bool {
        match &self.automaton {
            Some(ac) => ac.is_match(s),
            None => self.list.iter().any(|w| s.contains(w)),
        }
    }
}

static STRONG: LazyLock<Words> = LazyLock::new(|| Words::new(STRONG_CHROME));
static WEAK: LazyLock<Words> = LazyLock::new(|| Words::new(WEAK_CHROME));
static GOOD: LazyLock<Words> = LazyLock::new(|| Words::new(POSITIVE));
static BAD: LazyLock<Words> = LazyLock::new(|| Words::new(NEGATIVE));

/// Tags whose content is never article text.
const DEAD_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "iframe", "button", "select",
    "input", "textarea", "nav", "footer", "aside", "header", "object", "embed", "canvas", "video",
    "audio", "map", "dialog", "menu", "title", "math",
];

/// ARIA roles of page furniture.
const DEAD_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
    "alert",
];

/// Class/id fragments that mark chrome even next to words like "content".
const STRONG_CHROME: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "sign-up",
    "popular",
    "most-read",
    "mostread",
    "most_read",
    "trending",
    "related",
    "recommend",
    "outbrain",
    "taboola",
    "disqus",
    "comment",
    "advert",
    "adslot",
    "ad-slot",
    "ad-container",
    "ad-wrapper",
    "ad-unit",
    "adunit",
    "dfp",
    "gpt-ad",
    "google-ad",
    "sponsor",
    "promo",
    "breadcrumb",
    "byline",
    "author-bio",
    "read-more",
    "readmore",
    "more-stories",
    "next-article",
    "follow-us",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "skip-link",
    "modal",
    "popup",
    "overlay",
    "toolbar",
    "pagination",
    "tags",
    "topics",
    "keywords",
    "caption",
    "credit",
    "timestamp",
    "dateline-",
    "print-",
    "masthead",
    "navbar",
    "widget",
    "shoutbox",
    "skyscraper",
    "agegate",
    "rss",
    "next-prev",
    "prev-next",
    "recent",
    "author",
    "meta",
];

/// Class/id fragments that mark chrome unless a positive word is also present.
const WEAK_CHROME: &[&str] = &[
    "header",
    "footer",
    "menu",
    "nav",
    "sidebar",
    "rail",
    "banner",
    "extra",
    "supplement",
    "community",
    "remark",
    "pager",
    "combx",
    "aside",
];

/// Class/id fragments of the article's own containers.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog",
];

/// Class/id fragments that lower a container's score.
const NEGATIVE: &[&str] = &[
    "hidden",
    "banner",
    "combx",
    "comment",
    "foot",
    "footer",
    "footnote",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "tool",
    "widget",
];

/// Returns the lower-cased class and id of an element, space separated;
/// borrowed when they are already lower case, which is the common case.
pub fn class_id(dom: &Dom, id: NodeId) -> Cow<'_, str> {
    let lower = |s: &str| !s.bytes().any(|b| b.is_ascii_uppercase());
    match (dom.attr(id, "class"), dom.attr(id, "id")) {
        (None, None) => Cow::Borrowed(""),
        (Some(c), None) if lower(c) => Cow::Borrowed(c),
        (None, Some(i)) if lower(i) => Cow::Borrowed(i),
        (c, i) => {
            let mut s = String::new();
            s.push_str(c.unwrap_or(""));
            s.push(' ');
            s.push_str(i.unwrap_or(""));
            s.make_ascii_lowercase();
            Cow::Owned(s)
        }
    }
}

/// True for elements that never hold readable text (scripts, styles,
/// embedded media, the document head).
pub fn is_never_text(dom: &Dom, id: NodeId) -> bool {
    matches!(
        dom.tag(id),
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "title"
            | "math"
            | "select"
            | "textarea"
            | "button"
    )
}

/// True when the element (and so its whole subtree) is page chrome.
pub fn is_chrome(dom: &Dom, id: NodeId) -> bool {
    let tag = dom.tag(id);
    if tag.is_empty() || matches!(tag, "html" | "body" | "#root" | "article" | "main") {
        return false;
    }
    if DEAD_TAGS.contains(&tag) || is_hidden(dom, id) {
        return true;
    }
    if dom
        .attr(id, "role")
        .is_some_and(|r| DEAD_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    let names = class_id(dom, id);
    !names.is_empty() && names_are_chrome(&names)
}

/// True when a class/id string names page chrome.
fn names_are_chrome(names: &str) -> bool {
    for token in names.split(|c: char| c.is_ascii_whitespace()) {
        if token.is_empty() {
            continue;
        }
        // An embedded post ("social-embed") is quoted in the story itself.
        if token.contains("embed") {
            continue;
        }
        if is_ad_token(token) || STRONG.in_(token) {
            return true;
        }
    }
    WEAK.in_(names) && !GOOD.in_(names)
}

/// True for class tokens that name an ad slot ("ad", "ads", "ad-top", "top-ad").
fn is_ad_token(token: &str) -> bool {
    token
        .split(['-', '_'])
        .any(|p| matches!(p, "ad" | "ads" | "adv" | "advertisement" | "advertising"))
}

fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some() {
        return true;
    }
    if dom.attr(id, "aria-hidden") == Some("true") {
        return true;
    }
    dom.attr(id, "style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Returns a score bonus for containers whose names say "article" and a
/// penalty for those that say "sidebar" or "comments".
pub fn class_weight(dom: &Dom, id: NodeId) -> f32 {
    let names = class_id(dom, id);
    if names.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if BAD.in_(&names) && !names.contains("embed") {
        w -= 25.0;
    }
    if GOOD.in_(&names) {
        w += 25.0;
    }
    w
}

/// True for a class/id string that names a photo caption.
pub fn names_caption(names: &str) -> bool {
    names.contains("caption")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strong_names_win_weak_names_yield_to_content() {
        assert!(names_are_chrome("share-bar article"));
        assert!(names_are_chrome("ad top"));
        assert!(names_are_chrome("site-header"));
        assert!(!names_are_chrome("article-header content"));
        assert!(!names_are_chrome("article-body"));
        assert!(!names_are_chrome("headline"));
        assert!(!names_are_chrome("loaded"));
    }
}
