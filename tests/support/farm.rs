//! A farm of RSS feeds and story pages on a [`TestServer`]: feed `f` lives
//! at `/f/{f}.rss`, and its item `i` links to the page `/s/{f}/{i}.html`
//! with the guid `f{f}-{i}`.

use std::time::Duration;

use super::{Reply, TestServer};

/// Returns the RSS document of feed `f` with `items`: (index, title,
/// description as escaped XML), in the order given.
pub fn rss(
    srv: &TestServer,
    f: usize,
    items: impl IntoIterator<Item = (usize, String, String)>,
) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Wire {f}</title><link>http://farm.example/</link>\n"
    );
    for (i, title, description) in items {
        let link = srv.url(&format!("/s/{f}/{i}.html"));
        xml.push_str(&format!(
            "<item><title>{title}</title><link>{link}</link><guid>f{f}-{i}</guid><description>{description}</description></item>\n"
        ));
    }
    xml.push_str("</channel></rss>\n");
    xml
}

/// Serves feed `f` (answered after `delay`) and returns its URL.
pub fn serve_feed(srv: &TestServer, f: usize, xml: String, delay: Duration) -> String {
    let path = format!("/f/{f}.rss");
    srv.route(&path, Reply::ok("application/rss+xml", xml).delay(delay));
    srv.url(&path)
}

/// Serves the page of item `i` of feed `f` (answered after `delay`).
pub fn serve_page(srv: &TestServer, f: usize, i: usize, html: String, delay: Duration) {
    srv.route(
        &format!("/s/{f}/{i}.html"),
        Reply::ok("text/html; charset=utf-8", html).delay(delay),
    );
}
