//! Web page → article: body paragraphs, headline, byline, dateline,
//! published time, captions and in-text links, with page chrome dropped.
//! Pure functions, no I/O.

mod body;
mod boilerplate;
mod chrome;
mod decode;
mod dom;
mod entities;
mod meta;
mod parse;
mod text;

use crate::model::Article;
use crate::sanitize::clean_line;
use body::Stats;
use dom::{Dom, ROOT};
use text::Mode;
use url::Url;

/// A body shorter than this (in characters) makes the extractor try again
/// without dropping boxes by their class names.
const RETRY_BELOW: usize = 250;

/// Decodes a page's bytes to text using, in order, a byte-order mark, the
/// `Content-Type` charset, a `<meta charset>` / `http-equiv` declaration in
/// the first KiB, and UTF-8 with a Windows-1252 fallback for invalid bytes.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    decode::decode(bytes, content_type)
}

/// Extracts the article from a whole web page; `page_url` resolves relative
/// links. A page with no recognisable article gives an empty `paragraphs`.
pub fn extract_article(html: &str, page_url: Option<&str>) -> Article {
    let dom = Dom::parse(html);
    let base = page_url.and_then(|u| Url::parse(u).ok());
    let meta = meta::page_meta(&dom);
    let mut body = body_of(&dom, base.as_ref(), true);
    if chars(&body.paragraphs) < RETRY_BELOW {
        let loose = body_of(&dom, base.as_ref(), false);
        if chars(&loose.paragraphs) > chars(&body.paragraphs) * 2 {
            body = loose;
        }
    }
    let dateline = body.paragraphs.first().and_then(|p| meta::dateline(p));
    Article {
        title: meta.title,
        author: meta.author,
        published: meta.published,
        dateline,
        paragraphs: body.paragraphs,
        captions: body.captions,
        links: body.links,
    }
}

fn body_of(dom: &Dom, base: Option<&Url>, chrome: bool) -> text::Body {
    let stats = Stats::compute(dom, chrome);
    let region = body::article_region(dom, &stats);
    let mode = Mode {
        clean_containers: true,
    };
    let mut body = text::write(dom, &stats, &region, base, mode);
    if let Some(&first) = region.first() {
        text::add_captions(dom, &stats, caption_root(dom, first), &mut body);
    }
    body
}

/// Returns the `<article>` around the body, or the body's parent: captions
/// often sit beside the text rather than inside it.
fn caption_root(dom: &Dom, node: dom::NodeId) -> dom::NodeId {
    let mut n = node;
    while n != ROOT {
        if dom.tag(n) == "article" {
            return n;
        }
        n = dom.nodes[n].parent;
    }
    dom.nodes[node].parent
}

fn chars(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|p| p.chars().count()).sum()
}

/// Turns an HTML fragment (a feed's summary or content) into an article
/// body: paragraphs, captions and links; headline and byline stay empty.
pub fn article_from_fragment(html: &str, base_url: Option<&str>) -> Article {
    if !html.contains('<') {
        let paragraphs = html
            .split("\n\n")
            .map(|p| clean_line(&entities::decode_entities(p)))
            .filter(|p| !p.is_empty())
            .collect();
        return Article {
            paragraphs,
            ..Article::default()
        };
    }
    let dom = Dom::parse(html);
    let base = base_url.and_then(|u| Url::parse(u).ok());
    let stats = Stats::compute(&dom, false);
    let mode = Mode {
        clean_containers: false,
    };
    let body = text::write(&dom, &stats, &[ROOT], base.as_ref(), mode);
    Article {
        paragraphs: body.paragraphs,
        captions: body.captions,
        links: body.links,
        ..Article::default()
    }
}
