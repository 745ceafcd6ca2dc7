//! Feed parsing on arbitrary bytes: no panic, no more items than asked for.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = byline::fetch::feed::parse(data, None, "http://fuzz.example/feed", 50);
    if let Ok(feed) = parsed {
        assert!(feed.items.len() <= 50);
    }
});
