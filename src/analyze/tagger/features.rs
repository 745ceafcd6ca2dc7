//! Feature extraction: for one token, the hashed features an averaged
//! perceptron scores (word, shape, affixes, neighbours, word classes, the
//! labels already given, and whether the story writes the word in lower case).

use std::collections::HashSet;

use super::hash::mix;
use super::lexicon::{Lexicon, flag};
use super::tokens::{Shape, Tok};

/// Number of labels: O, then B- and I- for PER, ORG, LOC, MISC.
pub const LABELS: usize = 9;
/// The most features one token has.
pub const MAX_FEATURES: usize = 32;

/// A text's tokens with what every feature needs precomputed.
pub struct Context<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// Word-class flags per token.
    pub flags: Vec<u32>,
    /// Hashes of words the text writes in lower case somewhere.
    lower: HashSet<u64, BuildIdentity>,
}

/// Hashes are already well mixed: use them as they are.
#[derive(Default, Clone, Copy)]
pub struct BuildIdentity;

/// The hasher of [`BuildIdentity`].
#[derive(Default)]
pub struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = Identity;
    fn build_hasher(&self) -> Identity {
        Identity(0)
    }
}

impl<'a> Context<'a> {
    /// Precomputes word classes and the lower-case vocabulary of the text.
    pub fn new(text: &'a str, toks: &'a [Tok], lexicon: &Lexicon) -> Self {
        let flags = toks.iter().map(|t| lexicon.get(t.hash)).collect();
        let lower = toks
            .iter()
            .filter(|t| t.shape == Shape::Lower)
            .map(|t| t.hash)
            .collect();
        Context {
            text,
            toks,
            flags,
            lower,
        }
    }

    fn word(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.text[t.b0..t.b1]
    }

    /// Whether token `i` is scored at all; every other token is `O`.
    ///
    /// Names start with a capital (or a particle such as "al-"); a
    /// lower-case word or a mark only continues one ("Bank of England",
    /// "Procter & Gamble", "Ursula von der Leyen").
    pub fn scored(&self, i: usize, prev: u8) -> bool {
        let t = &self.toks[i];
        if t.shape.capitalised() {
            return true;
        }
        let joiner = match t.shape {
            Shape::Lower => {
                self.flags[i] & flag::PARTICLE != 0
                    || self.word(i) == "of"
                    || self.word(i) == "and"
                    || self.word(i) == "the"
                    || self.word(i) == "for"
            }
            Shape::Punct => self.word(i) == "&",
            _ => false,
        };
        if !joiner {
            return false;
        }
        let next_cap = self.toks.get(i + 1).is_some_and(|n| n.shape.capitalised());
        prev != 0 || (t.shape == Shape::Lower && self.flags[i] & flag::PARTICLE != 0 && next_cap)
    }

    /// Writes the features of token `i` given the two labels before it;
    /// returns how many there are.
    pub fn features(&self, i: usize, prev: u8, prev2: u8, out: &mut [u64; MAX_FEATURES]) -> usize {
        let toks = self.toks;
        let t = &toks[i];
        let none = 0x5151_5151u64;
        let h = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j as usize >= toks.len() {
                none
            } else {
                toks[j as usize].hash
            }
        };
        let shape = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j as usize >= toks.len() {
                99
            } else {
                toks[j as usize].shape as u64
            }
        };
        let fl = |k: isize| -> u64 {
            let j = i as isize + k;
            if j < 0 || j as usize >= toks.len() {
                0
            } else {
                u64::from(self.flags[j as usize])
            }
        };
        let caps_ctx = u64::from(t.sent_start) | u64::from(t.caps_line) << 1;
        let (p, p2) = (u64::from(prev), u64::from(prev2));
        let word = self.word(i);
        let mut n = 0;
        let mut put = |f: u64| {
            if n < MAX_FEATURES {
                out[n] = f;
                n += 1;
            }
        };
        put(mix(1, p, 0));
        put(mix(2, h(0), 0));
        put(mix(3, shape(0), caps_ctx));
        put(mix(4, affix(word, true), 0));
        put(mix(5, affix(word, false), 0));
        put(mix(6, h(-1), 0));
        put(mix(7, h(1), 0));
        put(mix(8, h(-2), 0));
        put(mix(9, h(2), 0));
        put(mix(10, shape(-1) << 8 | shape(1), u64::from(t.caps_line)));
        put(mix(11, p, p2));
        put(mix(12, p, shape(0)));
        put(mix(13, h(-1), h(0)));
        put(mix(14, h(0), h(1)));
        put(mix(15, fl(0), caps_ctx));
        put(mix(16, fl(-1), shape(-1)));
        put(mix(17, fl(1), shape(1)));
        put(mix(18, p, h(0)));
        let len = (t.c1 - t.c0).min(8) as u64;
        put(mix(19, len, shape(0)));
        let f0 = self.flags[i];
        for bit in 0..18 {
            if f0 & (1 << bit) != 0 {
                put(mix(20, bit, caps_ctx));
            }
        }
        if t.shape.capitalised() && self.lower.contains(&t.hash) {
            put(mix(21, u64::from(t.sent_start), u64::from(t.caps_line)));
        }
        put(mix(22, p, fl(1)));
        put(mix(23, shape(0), shape(1)));
        n
    }
}

/// Hashes the last (or first) three chars of a word, lower-cased.
fn affix(word: &str, suffix: bool) -> u64 {
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let mut h = if suffix { 77u64 } else { 78u64 };
    let mut push = |c: char| h = mix(h, u64::from(u32::from(lower(c))), 0);
    if suffix {
        word.chars().rev().take(3).for_each(&mut push);
    } else {
        word.chars().take(3).for_each(&mut push);
    }
    h
}

/// Whether `label` may follow `prev` (an I- only continues its own type).
pub fn allowed(prev: u8, label: usize) -> bool {
    label == 0 || label % 2 == 1 || usize::from(prev) + 1 == label || usize::from(prev) == label
}
