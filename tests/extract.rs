//! Article extraction: each test checks one rule on a page written for it.

use byline::extract::{article_from_fragment, decode_html, extract_article};
use byline::model::Article;

const PAGE_URL: &str = "https://www.example-ledger.test/business/pilots-strike";

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/extract/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
}

fn extract_fixture(name: &str) -> Article {
    let html = decode_html(&fixture(name), None);
    extract_article(&html, Some(PAGE_URL))
}

fn wire_story() -> Article {
    extract_fixture("wire_story.html")
}

fn assert_absent(article: &Article, phrase: &str) {
    let text = article.text();
    assert!(!text.contains(phrase), "{phrase:?} leaked into:\n{text}");
}

#[test]
fn keeps_the_story_paragraphs_in_order() {
    let a = wire_story();
    assert_eq!(a.paragraphs.len(), 10, "{:#?}", a.paragraphs);
    assert!(a.paragraphs[0].starts_with("PORT ALDER, Westmark (Tidewater Wire) — Harbour pilots"));
    assert!(a.paragraphs[2].starts_with("“Nobody wanted this to last so long,”"));
    assert_eq!(
        a.paragraphs[3], "Backlog could take weeks",
        "subheads are kept"
    );
    assert!(
        a.paragraphs[5].starts_with("The port will run around the clock"),
        "blockquotes are kept"
    );
    assert_eq!(
        a.paragraphs[7], "Fuel tankers will be brought in first.",
        "list items are kept"
    );
}

#[test]
fn drops_navigation_and_masthead() {
    let a = wire_story();
    assert_absent(&a, "Politics");
    assert_absent(&a, "The Tidewater Ledger");
}

#[test]
fn drops_cookie_banner() {
    assert_absent(&wire_story(), "We use cookies");
}

#[test]
fn drops_share_bar() {
    assert_absent(&wire_story(), "Share on Social");
}

#[test]
fn drops_most_popular_rail() {
    let a = wire_story();
    assert_absent(&a, "Most popular");
    assert_absent(&a, "rye bread");
}

#[test]
fn drops_newsletter_box() {
    let a = wire_story();
    assert_absent(&a, "newsletter");
    assert_absent(&a, "morning briefing");
}

#[test]
fn drops_footer() {
    let a = wire_story();
    assert_absent(&a, "Follow us");
    assert_absent(&a, "All rights reserved");
}

#[test]
fn drops_related_box_but_keeps_related_line_in_body() {
    let a = wire_story();
    assert_absent(&a, "Freight rates jump");
    assert_eq!(
        a.paragraphs.last().map(String::as_str),
        Some("RELATED: Earlier talks collapsed over night shifts")
    );
}

#[test]
fn drops_ad_slot() {
    assert_absent(&wire_story(), "Advertisement");
}

#[test]
fn keeps_captions_apart_from_the_body() {
    let a = wire_story();
    assert_eq!(
        a.captions,
        ["Container ships wait at anchor outside Port Alder on Sunday."]
    );
    assert_absent(&a, "Container ships wait");
}

#[test]
fn finds_headline_byline_dateline_and_time() {
    let a = wire_story();
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour pilots end strike after pay deal")
    );
    assert_eq!(a.author.as_deref(), Some("Mara Velloso"));
    assert_eq!(a.dateline.as_deref(), Some("PORT ALDER, Westmark"));
    let published = a.published.map(|d| d.to_rfc3339());
    assert_eq!(published.as_deref(), Some("2025-03-10T15:40:00+00:00"));
    assert_absent(&a, "Harbour pilots end strike");
    assert_absent(&a, "By Mara");
}

#[test]
fn finds_datelines_without_an_agency() {
    let html = "<article><p>SEOUL, South Korea — A ferry carrying 120 passengers ran aground near the southern coast on Friday, the coast guard said.</p><p>Nobody was hurt, officials said, and all the passengers were taken to the port by fishing boats.</p></article>";
    let a = extract_article(html, None);
    assert_eq!(a.dateline.as_deref(), Some("SEOUL, South Korea"));
    assert!(a.paragraphs[0].starts_with("SEOUL, South Korea — A ferry"));
}

#[test]
fn resolves_links_with_offsets_into_the_text() {
    let a = wire_story();
    let text = a.text();
    let urls: Vec<&str> = a.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(
        urls,
        [
            "https://www.example-ledger.test/business/pilot-safety-review",
            "https://www.example-ledger.test/business/earlier-talks",
        ]
    );
    for link in &a.links {
        let slice: String = text
            .chars()
            .skip(link.start)
            .take(link.end - link.start)
            .collect();
        assert_eq!(slice, link.text);
    }
    assert_eq!(a.links[0].text, "review of night shifts");
}

#[test]
fn splits_at_br_and_flattens_nested_markup() {
    let html = "<div class=\"article-body\"><p>The first line of the <b>report <i>said</i></b> that costs rose sharply last year.<br>The second line said they would fall again, according to the ministry.</p><p>Another paragraph with a <span><a href=\"/x\">nested <em>link</em></a></span> ends here, the minister added.</p></div>";
    let a = extract_article(html, Some("https://news.example.test/a/b"));
    assert_eq!(
        a.paragraphs,
        [
            "The first line of the report said that costs rose sharply last year.",
            "The second line said they would fall again, according to the ministry.",
            "Another paragraph with a nested link ends here, the minister added.",
        ]
    );
    assert_eq!(a.links[0].text, "nested link");
    assert_eq!(a.links[0].url, "https://news.example.test/x");
    let text = a.text();
    let slice: String = text.chars().skip(a.links[0].start).take(11).collect();
    assert_eq!(slice, "nested link");
}

#[test]
fn reads_windows_1252_page_declared_as_utf8() {
    let a = extract_fixture("cp1252_declared_utf8.html");
    assert_eq!(
        a.title.as_deref(),
        Some("Café owners cheer new terrace rules")
    );
    assert!(
        a.paragraphs[0].starts_with(
            "LYON, France — Owners of the “Café du Pont” welcomed the city’s decision"
        )
    );
    assert!(a.paragraphs[1].contains("Renée Pascal"));
}

#[test]
fn reads_meta_charset_page() {
    let a = extract_fixture("meta_charset_latin1.html");
    assert!(a.paragraphs[0].starts_with("The naïve plan for the façade"));
}

#[test]
fn content_type_charset_wins_over_guessing() {
    let html = decode_html(b"<p>Z\xfcrich</p>", Some("text/html; charset=windows-1252"));
    assert_eq!(html, "<p>Zürich</p>");
}

#[test]
fn page_without_article_gives_no_paragraphs() {
    let a = extract_fixture("no_article.html");
    assert!(a.paragraphs.is_empty(), "{:#?}", a.paragraphs);
    assert!(a.links.is_empty());
    assert!(extract_article("", None).paragraphs.is_empty());
    assert!(
        extract_article("<<<>>></p></div><a href=", None)
            .paragraphs
            .is_empty()
    );
}

#[test]
fn removes_escape_sequences_bidi_overrides_and_unsafe_links() {
    let a = extract_fixture("hostile.html");
    let text = a.text();
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert!(!text.contains('\u{202e}'));
    assert!(!text.contains("owned"));
    assert!(text.starts_with("Officials said the vote would go ahead on Friday"));
    let urls: Vec<&str> = a.links.iter().map(|l| l.url.as_str()).collect();
    assert_eq!(urls, ["https://example.test/ok"]);
    assert!(text.contains("click here"), "the anchor text stays as text");
}

#[test]
fn fragment_gives_paragraphs_captions_and_links() {
    let html = "<p>Markets <a href=\"/m\">rallied</a> on Friday.</p><script>x()</script><figure><img src=\"a.jpg\"><figcaption>Traders at work.</figcaption></figure><p>Oil fell.</p>";
    let a = article_from_fragment(html, Some("https://wire.example.test/feed"));
    assert_eq!(a.paragraphs, ["Markets rallied on Friday.", "Oil fell."]);
    assert_eq!(a.captions, ["Traders at work."]);
    assert_eq!(a.links[0].url, "https://wire.example.test/m");
    assert_eq!((a.links[0].start, a.links[0].end), (8, 15));
    assert_eq!(a.title, None);
}

#[test]
fn plain_text_fragment_splits_on_blank_lines() {
    let a = article_from_fragment("First  line\nstill first.\n\nSecond &amp; last.", None);
    assert_eq!(a.paragraphs, ["First line still first.", "Second & last."]);
}

#[test]
fn drops_wire_credits_and_follow_lines_inside_the_body() {
    let html = "<article><div class=\"article-body\">\
        <p>BERLIN (Tidewater Wire) — The city council approved a new tram line on Thursday after two years of debate over its route.</p>\
        <p>Construction is due to start next spring and should take four years, officials said, at a cost of about 300 million euros.</p>\
        <p>Follow Lena Brandt on Twitter for more from the council chamber.</p>\
        <p>(Reporting by Lena Brandt; Editing by Tom Aske)</p>\
        </div></article>";
    let a = extract_article(html, None);
    assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
    assert_eq!(a.dateline.as_deref(), Some("BERLIN"));
}

#[test]
fn drops_runs_of_link_only_paragraphs() {
    let html = "<article>\
        <p>The museum reopened on Saturday after a two-year renovation that doubled the size of its galleries and added a library.</p>\
        <p>Visitors queued around the block before the doors opened, and the first tickets sold out within an hour, staff said.</p>\
        <p>You may also like:</p>\
        <p><a href=\"/a\">Ten quiet museums to visit this winter</a></p>\
        <p><a href=\"/b\">The library that never closes</a></p>\
        </article>";
    let a = extract_article(html, Some("https://news.example.test/"));
    assert_eq!(a.paragraphs.len(), 2, "{:#?}", a.paragraphs);
    assert!(a.links.is_empty());
}

#[test]
fn survives_truncated_and_deeply_nested_pages() {
    let page = String::from_utf8(fixture("wire_story.html")).unwrap_or_default();
    let mut cut = 0;
    while cut < page.len() {
        if page.is_char_boundary(cut) {
            let _ = extract_article(&page[..cut], Some(PAGE_URL));
        }
        cut += 97;
    }
    let deep = format!("<h1>{}Deep headline", "<span><div>".repeat(5_000));
    let a = extract_article(&deep, None);
    assert_eq!(a.title.as_deref(), Some("Deep headline"));
}
