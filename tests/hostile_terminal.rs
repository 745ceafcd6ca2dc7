//! The reader in a real terminal on the hostile feed of `tests/hostile.rs`.
//! Every byte it writes to the pseudo-terminal is read back as a terminal
//! would: the only sequences are the ones a reader draws with (cursor,
//! colours, modes, and OSC 8 hyperlinks to http(s) addresses it wrote
//! itself), and the text between them carries no control character, no
//! bidi override and no residue of what the feed sent. Opening a story
//! whose link is shell bait hands the link to `$BROWSER` as one argument;
//! nothing runs it.
//!
//! Nothing here sleeps on a clock alone: every step waits for visible
//! output or a file, with a generous bound.

#![allow(clippy::unwrap_used)]

mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use byline::sanitize::is_unsafe;
use byline::store::{ListQuery, Store};
use support::TestServer;
use support::home::{Home, text};
use support::hostile::assert_no_residue;
use support::pty::{Pty, STEP};

/// What a terminal reads in the reader's output.
struct Terminal {
    /// The payload of each OSC sequence, in order.
    osc: Vec<String>,
    /// The text between the sequences.
    text: String,
}

/// Splits `seen` into sequences and text; fails on any escape sequence a
/// reader has no reason to send (a reset, a device control string, a
/// privacy message, a broken CSI).
fn read_as_terminal(seen: &[u8]) -> Terminal {
    let mut osc = Vec::new();
    let mut text = Vec::new();
    let mut at = 0;
    while at < seen.len() {
        if seen[at] != 0x1b {
            text.push(seen[at]);
            at += 1;
            continue;
        }
        let context = || String::from_utf8_lossy(&seen[at..(at + 40).min(seen.len())]).into_owned();
        match seen.get(at + 1) {
            Some(b'[') => {
                let body = &seen[at + 2..];
                let end = body
                    .iter()
                    .position(|c| (0x40..=0x7e).contains(c))
                    .unwrap_or_else(|| panic!("an unfinished CSI: {:?}", context()));
                assert!(
                    body[..end].iter().all(|c| (0x20..=0x3f).contains(c)),
                    "a CSI with a foreign byte: {:?}",
                    context()
                );
                at += 2 + end + 1;
            }
            Some(b']') => {
                let body = &seen[at + 2..];
                let bel = body.iter().position(|&c| c == 0x07).map(|i| (i, 1));
                let st = support::pty::find(body, b"\x1b\\").map(|i| (i, 2));
                let (end, closer) = bel
                    .into_iter()
                    .chain(st)
                    .min()
                    .unwrap_or_else(|| panic!("an unfinished OSC: {:?}", context()));
                osc.push(String::from_utf8_lossy(&body[..end]).into_owned());
                at += 2 + end + closer;
            }
            Some(b'(' | b')') => at += 3,
            Some(b'=' | b'>' | b'7' | b'8') => at += 2,
            _ => panic!(
                "the reader wrote a sequence it never draws with: {:?}",
                context()
            ),
        }
    }
    Terminal {
        osc,
        text: String::from_utf8_lossy(&text).into_owned(),
    }
}

/// Writes a `$BROWSER` that records its arguments, one a line, next to it.
fn recording_browser(dir: &Path) -> std::path::PathBuf {
    let script = dir.join("browser.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\nprintf '%s' \"$#\" > \"$0.argc\"\n\
         for a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$0.tmp\"\nmv \"$0.tmp\" \"$0.args\"\n",
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

/// Waits until `path` exists.
fn wait_for_file(path: &Path) {
    let deadline = Instant::now() + STEP;
    while !path.exists() {
        assert!(
            Instant::now() < deadline,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_reader_writes_no_sequence_a_feed_sent_and_opens_links_without_a_shell() {
    let srv = TestServer::start();
    support::hostile::serve(&srv);
    let home = Home::with_feeds(&[srv.url("/h.rss")]);
    let fetch = home.run(&["fetch"]);
    assert!(fetch.status.success(), "{}", text(&fetch.stderr));
    let store = Store::open(&home.cache()).unwrap();
    let bait_url = store
        .list(&ListQuery::default())
        .unwrap()
        .into_iter()
        .find(|row| row.title.contains("Tolls"))
        .and_then(|row| row.url)
        .expect("the bait story and its link are cached");
    drop(store);

    let root = home.config().parent().unwrap().to_owned();
    let browser = recording_browser(&root);
    let mut pty = Pty::reader_with(&home.config(), &home.data(), &[("BROWSER", &browser)]);
    pty.screen.forbid(&["pwned", "could not start the browser"]);
    // The newest story, under the cursor, is the one with the bait link.
    pty.screen.wait_for_text("Tolls");
    pty.press(b"o");
    wait_for_file(&browser.with_extension("sh.args"));
    // The other story, read: its page's links become hyperlinks.
    pty.press(b"j\r");
    pty.screen.wait_for_text("Dock workers in Chile");
    let mark = pty.screen.wait_for("\x1b]8;;https://wire.example/", 0);
    pty.press(b"G");
    let mark = pty.screen.wait_for_text("Cranes").max(mark);
    pty.press(b"q"); // closes the story; the next q quits
    let seen = pty.quit_and_check_restored(mark);

    // One argument, the link as cached; nothing a shell would have run ran.
    let argc = std::fs::read_to_string(browser.with_extension("sh.argc")).unwrap();
    let args = std::fs::read_to_string(browser.with_extension("sh.args")).unwrap();
    assert_eq!(
        (argc.as_str(), args.as_str()),
        ("1", format!("{bait_url}\n").as_str())
    );
    assert!(args.contains("$(touch${IFS}pwned)"), "{args}");
    let made: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("pwned"))
        .collect();
    assert!(made.is_empty(), "a shell ran the link: {made:?}");

    let terminal = read_as_terminal(&seen);
    let mut opened = 0;
    for osc in &terminal.osc {
        let url = osc
            .strip_prefix("8;;")
            .unwrap_or_else(|| panic!("the reader wrote an OSC other than a hyperlink: {osc:?}"));
        if url.is_empty() {
            continue; // a hyperlink's closer
        }
        opened += 1;
        assert!(
            url.starts_with("https://wire.example/") && url.chars().all(|c| c.is_ascii_graphic()),
            "a hyperlink to anything but the article's own http(s) links: {url:?}"
        );
    }
    assert!(opened > 0, "the article's links were written as hyperlinks");
    let unsafe_char = terminal
        .text
        .chars()
        .find(|&c| is_unsafe(c) && !matches!(c, '\r' | '\n' | '\t' | '\u{8}'));
    assert_eq!(unsafe_char, None, "the terminal got {unsafe_char:?}");
    assert_no_residue(&terminal.text, "the reader");
}
