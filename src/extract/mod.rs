//! Web page → article: body paragraphs, headline, byline, dateline,
//! published time, captions and in-text links, with page chrome dropped.
//! Pure functions, no I/O.

use crate::model::Article;

/// Decodes a page's bytes to text using, in order, a byte-order mark, the
/// `Content-Type` charset, a `<meta charset>` / `http-equiv` declaration in
/// the first KiB, and UTF-8 with a Windows-1252 fallback for invalid bytes.
pub fn decode_html(bytes: &[u8], content_type: Option<&str>) -> String {
    todo!("{} {content_type:?}", bytes.len())
}

/// Extracts the article from a whole web page; `page_url` resolves relative
/// links. A page with no recognisable article gives an empty `paragraphs`.
pub fn extract_article(html: &str, page_url: Option<&str>) -> Article {
    todo!("{} {page_url:?}", html.len())
}

/// Turns an HTML fragment (a feed's summary or content) into an article
/// body: paragraphs, captions and links; headline and byline stay empty.
pub fn article_from_fragment(html: &str, base_url: Option<&str>) -> Article {
    todo!("{} {base_url:?}", html.len())
}
