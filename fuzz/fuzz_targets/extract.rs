//! Page decoding and extraction on arbitrary bytes: no panic, and every
//! link's offsets lie within the article's text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = byline::extract::decode_html(data, None);
    let article = byline::extract::extract_article(&html, Some("https://fuzz.example/a"));
    let chars = article.text().chars().count();
    for link in &article.links {
        assert!(link.start <= link.end && link.end <= chars, "{link:?}");
    }
});
