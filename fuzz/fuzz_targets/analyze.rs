//! `byline analyze` on arbitrary bytes: read as UTF-8 lossily and cleaned
//! of control characters, as the command does, and also uncleaned, as a
//! library caller may pass it; each also with its first line as the
//! headline. No panic, and every offset lies within the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check(text: &str) {
    check_story("", text);
    // The first line as a headline, as a fetched story has one.
    let (title, rest) = text.split_once('\n').unwrap_or(("", text));
    check_story(title, rest);
}

fn check_story(title: &str, text: &str) {
    let analysis = byline::analyze::analyze_story(title, text);
    let chars = text.chars().count();
    let spans = analysis
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .chain(analysis.quotes.iter().map(|q| (q.start, q.end)));
    for (start, end) in spans {
        assert!(start <= end && end <= chars, "{start}..{end} of {chars}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&byline::sanitize::clean_text(&text));
    check(&text);
});
