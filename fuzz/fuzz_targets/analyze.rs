//! `byline analyze` on arbitrary bytes (read as UTF-8, lossily, as the
//! command does): no panic, and every offset lies within the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = byline::analyze::analyze(&text);
    let chars = text.chars().count();
    let spans = analysis
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| (m.start, m.end)))
        .chain(analysis.quotes.iter().map(|q| (q.start, q.end)));
    for (start, end) in spans {
        assert!(start <= end && end <= chars, "{start}..{end} of {chars}");
    }
});
