//! The tagger's tokens: words, numbers and single punctuation marks with
//! byte and char offsets, a hash of the lower-cased form and a shape class.
//!
//! Raw text and pre-split training sentences give the same tokens, so the
//! features a model was trained on are the features it sees in a story.

use super::hash::word_hash;

/// The written form of a token, as classes the tagger can generalise over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Shape {
    /// "said", "of".
    Lower = 0,
    /// "Trump", "Paris".
    Title,
    /// "NATO", "PARIS".
    Upper,
    /// A single capital letter: "A", "J".
    Letter,
    /// An initial or abbreviation with its dot: "J.", "Mr.", "Inc.".
    Abbrev,
    /// Letters with inner dots: "U.S.", "U.N.".
    Dotted,
    /// Digits, with or without inner punctuation: "1996", "3.5", "2-1".
    Number,
    /// Letters and digits mixed: "G7", "3M".
    Mixed,
    /// A punctuation mark or symbol.
    Punct,
    /// Capitalised with inner capitals or hyphens: "McCain", "Okonkwo-Reyes".
    Compound,
    /// A possessive ending: "'s".
    Possessive,
    /// A lower-case particle joined to a name: "al-Assad", "d'Estaing".
    Particle,
    /// Lower-case with a hyphen: "London-based".
    LowerHyphen,
}

impl Shape {
    /// Whether the shape starts with a capital letter (a name may start here).
    pub fn capitalised(self) -> bool {
        matches!(
            self,
            Shape::Title
                | Shape::Upper
                | Shape::Letter
                | Shape::Abbrev
                | Shape::Dotted
                | Shape::Compound
                | Shape::Particle
        )
    }
}

/// One token of a text.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte range in the text.
    pub b0: usize,
    pub b1: usize,
    /// Char range in the text (Unicode scalar values).
    pub c0: usize,
    pub c1: usize,
    /// Hash of the lower-cased form.
    pub hash: u64,
    pub shape: Shape,
    /// Whether the token opens a sentence or a line.
    pub sent_start: bool,
    /// Whether the token opens a line (names never run over a line break).
    pub line_start: bool,
    /// Whether the token's line has no lower-case letter (a headline in capitals).
    pub caps_line: bool,
}

/// Abbreviations that keep their full stop ("Mr.", "Inc.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "lt", "col", "sen", "rep", "gov", "inc",
    "corp", "co", "ltd", "no", "vs", "capt", "sgt", "prof", "rev", "adm", "maj", "cmdr", "supt",
    "det", "mt", "ft", "bros", "plc", "fla", "calif", "mich", "ill", "mass", "wash", "tex", "ariz",
    "conn", "pa", "va", "md", "nev", "ore", "okla", "ky", "tenn", "ala", "ga", "minn", "wis",
];

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits raw text into tokens.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut new_line = true;
    while i < chars.len() {
        let (b, c) = chars[i];
        if c.is_whitespace() {
            new_line |= c == '\n';
            i += 1;
            continue;
        }
        let end = token_end(&chars, i);
        let b1 = chars.get(end).map_or(text.len(), |&(b, _)| b);
        push(&mut out, text, (b, b1), (i, end), new_line);
        new_line = false;
        i = end;
    }
    finish(text, &mut out);
    out
}

/// Builds tokens from words already split (training sentences), one
/// sentence per line, words joined by single spaces; returns the text too.
pub fn from_words<S: AsRef<str>>(sentences: &[Vec<S>]) -> (String, Vec<Tok>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for sent in sentences {
        for (k, w) in sent.iter().enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let b0 = text.len();
            text.push_str(w.as_ref());
            spans.push((b0, text.len(), k == 0));
        }
        text.push('\n');
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut c = 0;
    let mut last_b = 0;
    for (b0, b1, first) in spans {
        c += text[last_b..b0].chars().count();
        let n = text[b0..b1].chars().count();
        push(&mut out, &text, (b0, b1), (c, c + n), first);
        c += n;
        last_b = b1;
    }
    finish(&text, &mut out);
    (text, out)
}

/// Returns the char index just past the token that starts at `i`.
fn token_end(chars: &[(usize, char)], i: usize) -> usize {
    let c = chars[i].1;
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    if is_apostrophe(c)
        && matches!(at(i + 1), Some('s' | 'S'))
        && !at(i + 2).is_some_and(char::is_alphanumeric)
    {
        return i + 2;
    }
    if !c.is_alphanumeric() {
        return i + 1;
    }
    let mut k = i + 1;
    let mut letters = 1usize;
    let mut dotted = false;
    while let Some(c) = at(k) {
        if c.is_alphanumeric() {
            k += 1;
            letters += 1;
            continue;
        }
        let next = at(k + 1);
        let inner = next.is_some_and(char::is_alphanumeric);
        if is_apostrophe(c) {
            // "Trump's": the possessive is a token of its own.
            let poss =
                matches!(next, Some('s' | 'S')) && !at(k + 2).is_some_and(char::is_alphanumeric);
            if inner && !poss {
                k += 1;
                continue;
            }
            break;
        }
        if c == '-' || c == '/' || c == ',' || c == ':' {
            let digits = at(k - 1).is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            if c == '-' && inner || digits {
                k += 1;
                continue;
            }
            break;
        }
        if c == '.' {
            if inner && (letters <= 1 || at(k - 1).is_some_and(|p| p.is_ascii_digit())) {
                // "U.S", "3.5"
                dotted = letters <= 1;
                k += 1;
                letters = 0;
                continue;
            }
            let single_cap = k - i == 1 && chars[i].1.is_uppercase();
            let abbrev = || {
                let lower: String = chars[i..k]
                    .iter()
                    .flat_map(|&(_, c)| c.to_lowercase())
                    .collect();
                ABBREVIATIONS.contains(&lower.as_str())
            };
            if dotted || single_cap || (k - i <= 5 && abbrev()) {
                return k + 1;
            }
        }
        break;
    }
    k
}

fn push(
    out: &mut Vec<Tok>,
    text: &str,
    (b0, b1): (usize, usize),
    (c0, c1): (usize, usize),
    nl: bool,
) {
    let word = &text[b0..b1];
    // A full stop ends a sentence, except after a list number ("1. Lars").
    let n = out.len();
    let list_number = n >= 2 && out[n - 2].shape == Shape::Number && out[n - 2].line_start;
    let prev_ends = out
        .last()
        .is_some_and(|p: &Tok| matches!(&text[p.b0..p.b1], "." | "!" | "?" | ":" | ";"))
        && !(list_number && &text[out[n - 1].b0..out[n - 1].b1] == ".");
    let quote_after_end = out.len() >= 2 && {
        let p = &out[out.len() - 1];
        p.shape == Shape::Punct
            && p.sent_start
            && !text[p.b0..p.b1].starts_with(|c: char| c.is_alphanumeric())
    };
    out.push(Tok {
        b0,
        b1,
        c0,
        c1,
        hash: word_hash(word),
        shape: shape(word),
        sent_start: nl || out.is_empty() || prev_ends || quote_after_end,
        line_start: nl || out.is_empty(),
        caps_line: false,
    });
}

/// Marks the tokens of lines written without lower-case letters.
fn finish(text: &str, toks: &mut [Tok]) {
    let mut start = 0;
    while start < toks.len() {
        let line_end = text[toks[start].b0..]
            .find('\n')
            .map_or(text.len(), |k| k + toks[start].b0);
        let end = start + toks[start..].partition_point(|t| t.b0 < line_end);
        let words = toks[start..end]
            .iter()
            .filter(|t| t.shape != Shape::Punct)
            .count();
        let caps = words >= 2
            && !text[toks[start].b0..toks[end - 1].b1]
                .chars()
                .any(char::is_lowercase);
        for t in &mut toks[start..end] {
            t.caps_line = caps;
        }
        start = end.max(start + 1);
    }
}

/// Classifies a token's written form.
pub fn shape(word: &str) -> Shape {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Shape::Punct;
    };
    if is_apostrophe(first) && word.len() > 1 {
        return Shape::Possessive;
    }
    if !first.is_alphanumeric() {
        return Shape::Punct;
    }
    let (mut upper, mut lower, mut digit, mut dot, mut hyphen, mut inner_cap) =
        (0, 0, 0, false, false, false);
    for (k, c) in word.chars().enumerate() {
        if c.is_uppercase() {
            upper += 1;
            inner_cap |= k > 0 && lower > 0;
        } else if c.is_lowercase() {
            lower += 1;
        } else if c.is_numeric() {
            digit += 1;
        } else if c == '.' {
            dot = true;
        } else if c == '-' || is_apostrophe(c) {
            hyphen = true;
        }
    }
    if upper + lower == 0 {
        return if digit > 0 {
            Shape::Number
        } else {
            Shape::Punct
        };
    }
    if digit > 0 {
        return Shape::Mixed;
    }
    if first.is_lowercase() {
        let capital_part = word
            .split(|c: char| c == '-' || is_apostrophe(c))
            .nth(1)
            .is_some_and(|p| p.starts_with(char::is_uppercase));
        return match (hyphen, capital_part) {
            (true, true) => Shape::Particle,
            (true, false) => Shape::LowerHyphen,
            _ => Shape::Lower,
        };
    }
    if dot {
        return if word.trim_end_matches('.').contains('.') {
            Shape::Dotted
        } else {
            Shape::Abbrev
        };
    }
    if lower == 0 {
        return if upper == 1 {
            Shape::Letter
        } else {
            Shape::Upper
        };
    }
    if inner_cap || hyphen {
        return Shape::Compound;
    }
    Shape::Title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.b0..t.b1]).collect()
    }

    #[test]
    fn splits_possessives_and_punctuation_but_keeps_initials_and_abbreviations() {
        assert_eq!(
            words("Mr. J. Smith's U.S. firm, Acme Inc., rose 3.5%."),
            [
                "Mr.", "J.", "Smith", "'s", "U.S.", "firm", ",", "Acme", "Inc.", ",", "rose",
                "3.5", "%", "."
            ]
        );
        assert_eq!(
            words("al-Assad's d'Estaing"),
            ["al-Assad", "'s", "d'Estaing"]
        );
    }

    #[test]
    fn shapes_and_sentence_starts() {
        let text = "He met NATO.\nThe McCain-Reyes deal";
        let t = tokenize(text);
        let shapes: Vec<Shape> = t.iter().map(|t| t.shape).collect();
        use Shape::*;
        assert_eq!(shapes, [Title, Lower, Upper, Punct, Title, Compound, Lower]);
        assert!(t[0].sent_start && !t[2].sent_start && t[4].sent_start);
        assert_eq!(shape("al-Assad"), Particle);
    }

    #[test]
    fn pre_split_words_give_the_same_tokens_as_raw_text() {
        let (text, toks) = from_words(&[vec!["Trump", "'s", "visit", "."], vec!["BIG", "NEWS"]]);
        assert_eq!(text, "Trump 's visit .\nBIG NEWS\n");
        let raw = tokenize(&text);
        assert_eq!(toks.len(), raw.len());
        for (a, b) in toks.iter().zip(&raw) {
            assert_eq!(
                (a.b0, a.b1, a.c0, a.hash, a.shape),
                (b.b0, b.b1, b.c0, b.hash, b.shape)
            );
            assert_eq!((a.sent_start, a.caps_line), (b.sent_start, b.caps_line));
        }
        assert!(toks[4].caps_line && !toks[0].caps_line);
    }
}
