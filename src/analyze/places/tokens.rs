//! A fast word tokeniser that keeps byte and char offsets and a normalised
//! form of every word, so gazetteer keys are slices of one buffer.

/// How a word is capitalised as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Caps {
    /// Starts with a lower-case letter ("china").
    Lower,
    /// Starts with a capital and has lower-case letters ("China", "McCain").
    Title,
    /// Has letters and none is lower-case ("CHINA", "U.S.").
    Upper,
    /// Starts with a digit or another character.
    Other,
}

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// Byte range in the text.
    pub b0: usize,
    pub b1: usize,
    /// Char range in the text (Unicode scalar values).
    pub c0: usize,
    pub c1: usize,
    /// Range of the normalised form in [`Tokens::norm`].
    pub n0: usize,
    pub n1: usize,
    pub caps: Caps,
    /// Whether the word opens a sentence or a line.
    pub sent_start: bool,
    /// Whether a possessive "'s" follows the word.
    pub possessive: bool,
}

/// The words of a text and their normalised forms joined by single spaces.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    pub toks: Vec<Token>,
    pub norm: String,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

impl Tokens {
    /// Returns the normalised form of token `i`.
    pub fn key(&self, i: usize) -> &str {
        let t = &self.toks[i];
        &self.norm[t.n0..t.n1]
    }

    /// Returns the normalised key of tokens `i..i + n`.
    pub fn phrase(&self, i: usize, n: usize) -> &str {
        &self.norm[self.toks[i].n0..self.toks[i + n - 1].n1]
    }
}

/// Splits `text` into words: runs of letters and digits, keeping inner
/// apostrophes ("d'Ivoire") and the dots of initialisms ("U.S."), leaving
/// out a possessive "'s". Normalised forms are lower-case without dots.
pub(super) fn tokenize(text: &str) -> Tokens {
    let mut out = Tokens {
        toks: Vec::with_capacity(text.len() / 5),
        norm: String::with_capacity(text.len()),
    };
    let mut it = text.char_indices().peekable();
    let mut ci = 0usize;
    let mut sent_start = true;
    while let Some(&(b, c)) = it.peek() {
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '!' | '?' | '\n' | ':' | ';') {
                sent_start = true;
            }
            it.next();
            ci += 1;
            continue;
        }
        let (b0, c0) = (b, ci);
        if !out.norm.is_empty() {
            out.norm.push(' ');
        }
        let n0 = out.norm.len();
        let mut lower = false;
        let first = c;
        let mut b1 = b;
        let mut dotted = false;
        let mut possessive = false;
        while let Some(&(b, c)) = it.peek() {
            if c.is_alphanumeric() {
                lower |= c.is_lowercase();
                out.norm.extend(c.to_lowercase());
            } else if c == '.' || is_apostrophe(c) {
                let rest = &text[b + c.len_utf8()..];
                let mut r = rest.chars();
                let next = r.next();
                let after = r.next();
                let inner = next.is_some_and(char::is_alphanumeric);
                if is_apostrophe(c) {
                    let poss = matches!(next, Some('s' | 'S'))
                        && !after.is_some_and(char::is_alphanumeric);
                    if poss {
                        possessive = true;
                        break;
                    }
                    if !inner {
                        break;
                    }
                    out.norm.push('\'');
                } else if inner && (b1 - b0) <= 3 {
                    dotted = true;
                } else if dotted && (b1 - b0) <= 6 {
                    // The closing dot of an initialism ("U.S.").
                    it.next();
                    ci += 1;
                    b1 = b + 1;
                    break;
                } else {
                    break;
                }
            } else {
                break;
            }
            it.next();
            ci += 1;
            b1 = b + c.len_utf8();
        }
        let c1 = ci;
        if possessive {
            // Skip the "'s" itself.
            it.next();
            it.next();
            ci += 2;
        }
        let caps = if first.is_lowercase() {
            Caps::Lower
        } else if !first.is_uppercase() {
            Caps::Other
        } else if lower {
            Caps::Title
        } else {
            Caps::Upper
        };
        out.toks.push(Token {
            b0,
            b1,
            c0,
            c1,
            n0,
            n1: out.norm.len(),
            caps,
            sent_start,
            possessive,
        });
        sent_start = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initialisms_possessives_and_apostrophes() {
        let t = tokenize("The U.S. and Côte d'Ivoire's envoys.");
        let keys: Vec<&str> = (0..t.toks.len()).map(|i| t.key(i)).collect();
        assert_eq!(keys, ["the", "us", "and", "côte", "d'ivoire", "envoys"]);
        assert!(t.toks[4].possessive);
        assert_eq!(t.toks[1].caps, Caps::Upper);
        assert_eq!((t.toks[1].c0, t.toks[1].c1), (4, 8));
    }
}
