//! The hostile feed of the escape-code tests: titles, authors, bodies, link
//! URLs and its page carry ESC, CSI, OSC (OSC 8 hyperlinks, OSC 52
//! clipboard writes, window titles), C1 controls, DEL and bidi overrides;
//! and the check that printed text carries none of them.

use byline::sanitize::is_unsafe;

use super::home::text;
use super::{Reply, TestServer};

/// Every kind of hostile sequence, around a word that must survive.
pub fn hostile(word: &str) -> String {
    format!(
        "\u{1b}[31m{word}\u{1b}[0m \u{1b}]8;;http://evil.example/\u{7}link\u{1b}]8;;\u{7} \
         \u{1b}]52;c;cm0gLXJmIH4=\u{7}\u{1b}]0;pwned\u{1b}\\ \u{9b}2J\u{9d}0;title\u{9c} \
         x\u{7f}y \u{202e}txet\u{202c} \u{2066}iso\u{2069} \u{1b}c"
    )
}

/// Text that shows a hostile sequence was cut short and left residue, or
/// was printed escaped (JSON) instead of removed.
pub const RESIDUE: [&str; 12] = [
    "[31m", "]8;;", "]52;", "]0;", "0;title", "\\u001b", "\\u009b", "\\u009d", "\\u007f",
    "\\u202e", "\\u2066", "\\u0007",
];

/// Fails unless `bytes`, as text, hold no unsafe character and no
/// `RESIDUE`. A link may keep a sequence percent-encoded ("%1B]52;"), which
/// no terminal reads as one: residue right after an encoded ESC or C1
/// introducer is part of such a link.
pub fn assert_clean(bytes: &[u8], what: &str) {
    let shown = text(bytes);
    if let Some(c) = shown.chars().find(|&c| is_unsafe(c)) {
        panic!("{what} printed U+{:04X}: {shown:?}", c as u32);
    }
    assert_no_residue(&shown, what);
}

/// Fails if `shown` holds a `RESIDUE` that is not part of a percent-encoded
/// link (see `assert_clean`).
pub fn assert_no_residue(shown: &str, what: &str) {
    for residue in RESIDUE {
        for (at, _) in shown.match_indices(residue) {
            let before = &shown[..at];
            let encoded = ["%1B", "%C2%9B", "%C2%9D"]
                .iter()
                .any(|e| before.ends_with(e));
            assert!(encoded, "{what} printed {residue:?}: {shown}");
        }
    }
}

/// Serves the hostile feed at `/h.rss` and its first story's page.
pub fn serve(srv: &TestServer) {
    srv.route("/h.rss", Reply::ok("application/rss+xml", feed_xml(srv)));
    srv.route(
        "/story/h.html",
        Reply::ok("text/html; charset=utf-8", page_html()),
    );
}

/// An item link that carries an OSC 52 clipboard write and, were it ever
/// handed to a shell, three ways to run `touch pwned`.
pub fn bait_link(srv: &TestServer) -> String {
    format!(
        "{}?q=\u{1b}]52;c;eA==\u{7}&r=$(touch${{IFS}}pwned)`touch${{IFS}}pwned`;touch${{IFS}}pwned",
        srv.url("/story/k.html")
    )
}

/// The feed: a story whose page is `page_html`, and a newer one whose link
/// is `bait_link`.
pub fn feed_xml(srv: &TestServer) -> String {
    let link = srv.url("/story/h.html");
    let bait = bait_link(srv).replace('&', "&amp;");
    let author = hostile("Castellanos");
    let body = hostile("Summary").replace('&', "&amp;");
    format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>\
         <title>{}</title><link>http://wire.example/{}</link>\
         <item><title>{}</title><link>{link}</link><guid>h-1</guid><dc:creator>Mira {author}</dc:creator>\
         <pubDate>Mon, 09 Mar 2026 08:00:00 GMT</pubDate>\
         <description>&lt;p&gt;{body} with Chile.&lt;/p&gt;</description></item>\
         <item><title>{}</title><link>{bait}</link><guid>h-2</guid>\
         <pubDate>Mon, 09 Mar 2026 09:00:00 GMT</pubDate>\
         <description>Toll roads reopen in Peru.</description></item>\
         </channel></rss>\n",
        hostile("Wire"),
        hostile("home"),
        hostile("Markets"),
        hostile("Tolls"),
    )
}

/// The page of the feed's first story: a headline, byline, paragraphs,
/// links (one `javascript:`, one with an escape in its address) and a
/// caption, each carrying `hostile` sequences.
pub fn page_html() -> String {
    format!(
        r#"<html><head><title>{t}</title></head><body><article><h1>{t}</h1>
<p class="byline">By {a}</p>
<p>Dock workers in Chile went back to work on Monday, {b}, and the port reopened.</p>
<p>"We expect more ships," said Mira Castellanos. Read <a href="https://wire.example/a?x=&#27;[5m&#155;&#7;">{l}</a>
and <a href="javascript:alert(1)">this</a> and <a href="https://wire.example/b{esc}[2J">that</a>.</p>
<figure><img src="/p.jpg"><figcaption>{c}</figcaption></figure>
</article></body></html>"#,
        t = hostile("Markets"),
        a = hostile("Castellanos"),
        b = hostile("meanwhile"),
        l = hostile("the report"),
        c = hostile("Cranes"),
        esc = '\u{1b}',
    )
}
