//! `byline analyze` on arbitrary bytes: read as UTF-8 lossily and cleaned
//! of control characters, as the command does, and also uncleaned, as a
//! library caller may pass it. No panic, and every offset lies within the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn check(text: &str) {
    let analysis = byline::analyze::analyze(text);
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
