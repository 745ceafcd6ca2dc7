//! Words for relating stories: lowercased runs of letters and digits, with
//! the function words and newsroom boilerplate that every story shares
//! left out, and plurals folded so "talks" meets "talk".

use std::sync::LazyLock;

/// Words too common in news copy to say what a story is about.
const STOPWORDS: &str = "a about above after again against ago all also am among an and any \
    are around as at be became because been before being below between both but by can \
    could did do does doing down during each early even few for from further had has have \
    having he her here hers herself him himself his how i if in into is it its itself just \
    last late latest least less like made make makes many may me might more most much must \
    my near new news next no nor not now of off on once one only or other our ours out over \
    own per report reports s said same say says she should since so some still such than \
    that the their theirs them then there these they this those through to too under until \
    up upon us very via vs was we were what when where whether which while who whom whose \
    why will with would yet you your update updates live video watch photos breaking \
    monday tuesday wednesday thursday friday saturday sunday week today yesterday tomorrow \
    day days year years time told according added two three first";

/// The stop words' hashes, sorted: every word of every story is looked up.
static STOP: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut hashes: Vec<u64> = STOPWORDS.split_whitespace().map(|w| hash(&[w])).collect();
    hashes.sort_unstable();
    hashes
});

/// Returns whether a lowercased word is a stop word.
pub fn is_stopword(word: &str) -> bool {
    STOP.binary_search(&hash(&[word])).is_ok()
}

/// One word of a text, as written and in its folded form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word as it appears in the text.
    pub raw: &'a str,
    /// Lowercased, plural folded.
    pub folded: String,
    /// Whether it opens a sentence (so its capital says nothing).
    pub sentence_start: bool,
}

impl Word<'_> {
    /// Returns whether the word is a name or a number: capitalised inside
    /// a sentence, or holding a digit. Rewording keeps these.
    pub fn is_specific(&self) -> bool {
        let first = self.raw.chars().next().unwrap_or(' ');
        first.is_ascii_digit()
            || self.raw.chars().any(|c| c.is_ascii_digit())
            || (!self.sentence_start && first.is_uppercase())
    }

    /// Returns whether the word carries content (not a stop word).
    pub fn is_content(&self) -> bool {
        !is_stopword(&self.folded)
    }
}

/// Splits a text into words: maximal runs of letters and digits; an
/// apostrophe inside a word ("Korea's", "don't") ends it and drops the rest.
pub fn words(text: &str) -> Vec<Word<'_>> {
    Words::new(text).collect()
}

/// The words of a text one at a time (see [`words`]), for callers that
/// need only the first few.
pub struct Words<'a> {
    text: &'a str,
    chars: std::str::CharIndices<'a>,
    done: bool,
    sentence_start: bool,
    skip_tail: bool,
    start: Option<usize>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str) -> Words<'a> {
        Words {
            text,
            chars: text.char_indices(),
            done: false,
            sentence_start: true,
            skip_tail: false,
            start: None,
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = Word<'a>;

    fn next(&mut self) -> Option<Word<'a>> {
        while !self.done {
            let (i, c) = self.chars.next().unwrap_or_else(|| {
                self.done = true;
                (self.text.len(), ' ')
            });
            if c.is_alphanumeric() {
                if self.start.is_none() && !self.skip_tail {
                    self.start = Some(i);
                }
                continue;
            }
            let mut word = None;
            if let Some(s) = self.start.take() {
                let raw = &self.text[s..i];
                word = Some(Word {
                    raw,
                    folded: fold(raw),
                    sentence_start: self.sentence_start,
                });
                self.sentence_start = false;
                self.skip_tail = c == '\'' || c == '’';
                if self.skip_tail {
                    return word;
                }
            }
            if !(c == '\'' || c == '’') {
                self.skip_tail = false;
            }
            if matches!(c, '.' | '!' | '?' | ':' | '\n' | '"' | '“' | '”') {
                self.sentence_start = true;
            }
            if word.is_some() {
                return word;
            }
        }
        None
    }
}

/// Lowercases a word and folds a plain English plural ("talks" → "talk",
/// "cities" → "city"), leaving short words and "-ss" endings alone.
pub fn fold(raw: &str) -> String {
    let mut w = if raw.is_ascii() {
        raw.to_ascii_lowercase()
    } else {
        raw.to_lowercase()
    };
    let n = w.chars().count();
    if n > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.pop();
    }
    w
}

/// A stable 64-bit hash (FNV-1a), so signatures stored in the cache mean
/// the same in every process and every build.
pub fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (n, part) in parts.iter().enumerate() {
        if n > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    // A final mix spreads FNV's weak low bits for MinHash and banding.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_folds_and_marks_names() {
        let ws = words("Lisbon's mayor met Ana Ruiz. Talks on 12 ferries resumed.");
        let folded: Vec<&str> = ws.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(
            folded,
            [
                "lisbon", "mayor", "met", "ana", "ruiz", "talk", "on", "12", "ferry", "resumed"
            ]
        );
        let specific: Vec<&str> = ws
            .iter()
            .filter(|w| w.is_specific())
            .map(|w| w.raw)
            .collect();
        // "Lisbon" and "Talks" open sentences; names inside one and numbers count.
        assert_eq!(specific, ["Ana", "Ruiz", "12"]);
    }

    #[test]
    fn stop_words_and_plurals() {
        assert!(is_stopword("the") && is_stopword("says"));
        assert!(!is_stopword("ferry"));
        assert_eq!(fold("Glass"), "glass");
        assert_eq!(fold("bus"), "bus");
        assert_eq!(fold("Bonds"), "bond");
    }

    #[test]
    fn hash_is_stable_and_separates_parts() {
        assert_eq!(hash(&["ferry"]), hash(&["ferry"]));
        assert_ne!(hash(&["ab", "c"]), hash(&["a", "bc"]));
    }
}
