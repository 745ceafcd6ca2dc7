//! Stable hashes for words and features: the shipped weights are indexed by
//! them, so they must never change without retraining.

/// Hashes a word's lower-cased form (FNV-1a over its UTF-8 bytes).
pub fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut step = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| step(b.to_ascii_lowercase()));
        return h;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        c.encode_utf8(&mut buf).bytes().for_each(&mut step);
    }
    h
}

/// Combines a feature template number with up to two values into one hash.
pub fn mix(template: u64, a: u64, b: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a;
    h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ b;
    h = (h ^ (h >> 32)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 29)
}
