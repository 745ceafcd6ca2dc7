//! Render tests: the real update loop and `ui::draw` on a 100x30
//! `TestBackend`, with fixture stories and a fixed clock.

#![allow(clippy::unwrap_used)]

#[path = "ui/filters.rs"]
mod filters;

use byline::app::article::{self, line_width};
use byline::app::{App, Effect, Msg};
use byline::headless::{self, Fixtures, HeadlessScript, Source};
use byline::keymap::KeyChord;
use byline::keymap::Keymap;
use byline::ui::theme::Palette;
use chrono::{DateTime, TimeZone, Utc};
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 12, 0, 0).unwrap()
}

fn fixtures() -> Fixtures {
    Fixtures::from_json(include_str!("fixtures/tui/stories.json")).unwrap()
}

fn screen(width: u16, height: u16, keys: &str) -> String {
    let source = fixtures();
    headless::run(&script(&source, width, height, keys)).unwrap()
}

/// Returns a script over `source` with the defaults the tests share.
fn script<'a>(source: &'a Fixtures, width: u16, height: u16, keys: &str) -> HeadlessScript<'a> {
    HeadlessScript {
        width,
        height,
        keys: keys.to_owned(),
        now: now(),
        palette: Palette::Dark,
        keymap: Keymap::default(),
        saved: Vec::new(),
        every_frame: false,
        source,
    }
}

/// Answers loads from the fixtures until none are left.
fn settle(app: &mut App, effects: Vec<Effect>, source: &Fixtures) {
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        if let Effect::Load(query, req) = effect {
            let data = source.load(&query).unwrap();
            queue.extend(app.update(Msg::Loaded { req, data }));
        }
    }
}

/// Returns the app after the keys, and its terminal after one draw.
fn drawn(keys: &str, palette: Palette) -> (App, Terminal<TestBackend>) {
    let source = fixtures();
    let mut app = App::new(Keymap::default(), now(), (100, 30));
    app.palette = palette;
    let effects = app.start();
    settle(&mut app, effects, &source);
    for key in keys.split_whitespace() {
        let chord = KeyChord::parse(key).unwrap();
        let effects = app.update(Msg::Key(KeyEvent::new(chord.code, chord.mods)));
        settle(&mut app, effects, &source);
    }
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| byline::ui::draw(f, &app)).unwrap();
    (app, terminal)
}

#[test]
fn story_list() {
    insta::assert_snapshot!(screen(100, 30, ""));
}

#[test]
fn article_with_entities_quotes_links_captions() {
    insta::assert_snapshot!(screen(100, 30, "j enter ]"));
}

#[test]
fn article_end_with_link_list_and_related() {
    insta::assert_snapshot!(screen(100, 30, "j enter G"));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let text = screen(100, 30, "?");
    assert!(text.contains("g g, home"));
    insta::assert_snapshot!(text);
}

#[test]
fn help_taller_than_the_terminal_scrolls_to_its_last_key() {
    let first = screen(60, 20, "?");
    assert!(first.contains("move down"), "{first}");
    assert!(!first.contains("this help"), "{first}");
    assert!(first.contains("j/k scroll"), "{first}");
    let last = screen(60, 20, "? G");
    assert!(last.contains("this help"), "{last}");
    assert!(!last.contains("move down"), "{last}");
    let back = screen(60, 20, "? G k g g");
    assert!(back.contains("move down"), "{back}");
    // Any other key still closes it.
    let closed = screen(60, 20, "? G x");
    assert!(!closed.contains("Keys"), "{closed}");
}

#[test]
fn narrow_terminal_shows_one_pane() {
    let list = screen(60, 20, "");
    assert!(!list.contains("Feeds"));
    insta::assert_snapshot!("narrow_list", list);
    insta::assert_snapshot!("narrow_article", screen(60, 20, "j enter"));
    insta::assert_snapshot!("narrow_feeds", screen(60, 20, "tab"));
}

#[test]
fn refresh_gauge_and_search_line() {
    let source = fixtures();
    let text = headless::run(&script(&source, 100, 30, "R / t r a m")).unwrap();
    assert!(text.starts_with("effect: Fetch(RefreshAll)\n"));
    assert!(text.contains("Refreshing ░░░░░░░░░░░░ 0/3 feeds"));
    assert!(text.contains("Search: tram"));
}

#[test]
fn colours_mark_entities_and_no_color_uses_modifiers_only() {
    // The first letter of a person's name in the article, in a palette.
    let person = |palette| {
        let (_, terminal) = drawn("j enter", palette);
        let buffer = terminal.backend().buffer();
        let text = headless::screen_text(buffer);
        let (row, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains("Marta Ionescu told"))
            .unwrap();
        let col = line[..line.find("Marta").unwrap()].chars().count();
        let cell = buffer[(col as u16, row as u16)].clone();
        assert_eq!(cell.symbol(), "M");
        cell.fg
    };
    assert_eq!(person(Palette::Dark), Color::LightCyan);
    assert_eq!(
        person(Palette::Light),
        Color::Cyan,
        "the light palette's deep colours"
    );

    let (_, terminal) = drawn("j enter", Palette::Mono);
    let buffer = terminal.backend().buffer();
    assert!(
        buffer
            .content
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
        "NO_COLOR must not set any colour"
    );
    insta::assert_debug_snapshot!("no_color_article", buffer);
}

#[test]
fn hostile_story_renders_without_escapes_bidi_or_script_links() {
    let (_, terminal) = drawn("enter l", Palette::Dark);
    let text = headless::screen_text(terminal.backend().buffer());
    for bad in [
        "\u{1b}",
        "\u{7}",
        "\u{202e}",
        "\u{202c}",
        "pwned",
        "]8;;",
        "evil.example",
        "javascript",
    ] {
        assert!(!text.contains(bad), "{bad:?} reached the screen:\n{text}");
    }
    assert!(text.contains("Markets rally on hopes of rate cut"));
    assert!(text.contains("Shares rose sharply on Tuesday. Traders cheered."));
    assert!(text.contains("this link[1]"));
    assert!(text.contains("(not a web link)"));
    insta::assert_snapshot!(text);
}

#[test]
fn cjk_and_emoji_wrap_within_the_width() {
    let source = fixtures();
    let Ok(byline::app::Loaded::Story(Some(detail))) =
        source.load(&byline::app::Query::Story(byline::model::StoryId(104)))
    else {
        panic!("story 104 is in the fixtures");
    };
    for width in [17, 30, 41] {
        let lines = article::layout(&detail, width, now());
        assert!(
            lines.iter().all(|l| line_width(l) <= width),
            "a line is wider than {width}"
        );
        let body: String = lines
            .iter()
            .flat_map(|l| l.iter().map(|(s, _)| s.as_str()))
            .collect();
        assert!(body.contains("東京都心では今日、桜が満開になりました。"));
        assert!(body.contains("🌸🎉"));
    }
    let text = screen(100, 30, "j j j enter");
    assert!(text.contains("東京で桜が満開 🌸 Cherry blossoms peak in Tokyo"));
    insta::assert_snapshot!(text);
}

#[test]
fn a_story_published_this_minute_is_just_now_and_an_older_one_hours_ago() {
    let source = fixtures();
    let Ok(byline::app::Loaded::Story(Some(mut detail))) =
        source.load(&byline::app::Query::Story(byline::model::StoryId(104)))
    else {
        panic!("story 104 is in the fixtures");
    };
    let text = |detail: &byline::app::StoryDetail| -> String {
        article::layout(detail, 80, now())
            .iter()
            .flat_map(|l| l.iter().map(|(s, _)| s.as_str()))
            .collect()
    };
    detail.story.published = now();
    let fresh = text(&detail);
    assert!(
        fresh.contains("(just now)") && !fresh.contains("ago"),
        "{fresh}"
    );
    detail.story.published = now() - chrono::Duration::hours(3);
    assert!(text(&detail).contains("(3h ago)"));
}

#[test]
fn offline_refresh_is_shown_as_state_in_the_status_bar() {
    let (mut app, mut terminal) = drawn("R", Palette::Dark);
    for feed in 1..=3 {
        app.update(Msg::Fetch(byline::fetch::run::FetchEvent::FeedFailed {
            feed: byline::model::FeedId(feed),
            title: "Harbour Wire".to_owned(),
            error: "could not connect".to_owned(),
        }));
    }
    app.update(Msg::FetchEnded { error: None });
    terminal.draw(|f| byline::ui::draw(f, &app)).unwrap();
    let text = headless::screen_text(terminal.backend().buffer());
    let status = text.lines().last().unwrap();
    assert!(status.contains("4 unread"), "{status}");
    assert!(status.contains("offline: no feed answered"), "{status}");
    assert!(
        text.contains("Markets rally"),
        "cached stories stay on screen"
    );
}

#[test]
fn headless_prints_a_frame_after_each_key_when_asked() {
    let source = fixtures();
    let text = headless::run(&HeadlessScript {
        palette: Palette::Mono,
        every_frame: true,
        ..script(&source, 60, 8, "j o")
    })
    .unwrap();
    let after_j = text.find("--- after j ---").unwrap();
    let after_o = text.find("--- after o ---").unwrap();
    let effect = text
        .find("effect: OpenUrl(https://news.example/101)")
        .unwrap();
    assert!(after_j < effect && effect < after_o);
    assert_eq!(text.lines().count(), 1 + 2 * (1 + 8));
}

#[test]
fn a_row_standing_for_several_copies_shows_a_badge() {
    let (mut app, mut terminal) = drawn("", Palette::Dark);
    app.list.rows[1].copies = 3;
    terminal.draw(|f| byline::ui::draw(f, &app)).unwrap();
    let text = headless::screen_text(terminal.backend().buffer());
    let row = text.lines().nth(2).unwrap();
    assert!(row.contains("Port strike ends"), "{row}");
    assert!(row.contains("+2 outlets"), "{row}");
}

#[test]
fn osc8_hyperlinks_cover_http_links_only() {
    use byline::ui::hyperlinks::{hyperlinks, osc8_bytes};
    let (app, terminal) = drawn("j enter", Palette::Dark);
    let buffer = terminal.backend().buffer();
    let links = hyperlinks(&app);
    assert!(!links.is_empty());
    assert!(links.iter().all(|l| l.url.starts_with("https://")));
    // Each hyperlink lies on the cells that show the link's text.
    let first = links
        .iter()
        .find(|l| l.url == "https://transport.example/agreement")
        .unwrap();
    let cells: String = (first.x..first.x + first.width)
        .map(|x| buffer[(x, first.y)].symbol())
        .collect();
    assert!(cells.ends_with("[1]"), "{cells:?}");
    let bytes = String::from_utf8(osc8_bytes(&[], &links, buffer)).unwrap();
    assert!(bytes.contains("\u{1b}]8;;https://transport.example/agreement\u{1b}\\"));
    // Between the escapes, the same text is printed again.
    assert!(byline::sanitize::clean_line(&bytes).contains(&cells));

    // The hostile story's only link is javascript: it never gets one.
    let (app, terminal) = drawn("enter l", Palette::Dark);
    assert!(hyperlinks(&app).is_empty());
    let bytes = String::from_utf8(osc8_bytes(&links, &[], terminal.backend().buffer())).unwrap();
    assert!(
        !bytes.contains("]8;"),
        "old links are printed again without one"
    );
    assert!(!bytes.contains("javascript"));
}
