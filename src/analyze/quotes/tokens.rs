//! Splits text into words and punctuation with byte offsets, once, so the
//! attribution rules look at tokens instead of scanning characters.

/// One word, punctuation mark or paragraph break.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// The token as written.
    pub text: &'a str,
}

impl Tok<'_> {
    /// Tells whether the token is a word (starts with a letter or digit).
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// Tells whether the token is a word that starts with a capital letter.
    pub fn is_cap(&self) -> bool {
        let text = ["al-", "el-", "ad-", "ash-", "as-"]
            .iter()
            .find_map(|p| self.text.strip_prefix(p))
            .unwrap_or(self.text);
        text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Tells whether the token is a paragraph break.
    pub fn is_break(&self) -> bool {
        self.text == "\n"
    }

    /// Tells whether the token ends a sentence.
    pub fn ends_sentence(&self) -> bool {
        matches!(self.text, "." | "!" | "?" | "\n")
    }
}

/// Abbreviations that keep their full stop (so it does not end a sentence).
const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm", "Prof",
    "Rev", "St", "Jr", "Sr", "Mt", "Ft", "Corp", "Inc", "Co", "Maj", "Cmdr", "Amb", "Pres", "Sens",
    "Reps", "Gens", "Supt", "Insp", "Det", "Cpl", "Pvt", "Brig", "Lt.Gen", "Atty", "Asst", "Sec",
];

/// US state abbreviations in wire style ("Cambridge, Mass., said").
const ABBREV_STATES: &[&str] = &[
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Tells whether a word is a party and state tag ("R-Ky", "D-Ill"), whose
/// full stop does not end the sentence.
fn party_state(word: &str) -> bool {
    let mut parts = word.splitn(2, '-');
    let party = parts.next().unwrap_or("");
    let state = parts.next().unwrap_or("");
    matches!(party, "R" | "D" | "I") && ABBREV_STATES.contains(&state)
}

fn joins_word(c: char) -> bool {
    c == '-' || c == '\'' || c == '’' || c == '.'
}

/// Splits the text into tokens; white space is dropped except newlines, which
/// become one break token per run.
pub(super) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' {
            if !toks.last().is_some_and(|t: &Tok<'_>| t.is_break()) {
                toks.push(Tok {
                    start: i,
                    text: "\n",
                });
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            toks.push(Tok {
                start: i,
                text: &text[i..i + c.len_utf8()],
            });
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                chars.next();
            } else if joins_word(d) {
                let after = text[j + d.len_utf8()..].chars().next();
                // "said.Trump" is two words run together, "U.S." one.
                let run_on = d == '.'
                    && text[i..j].chars().last().is_some_and(char::is_lowercase)
                    && after.is_some_and(char::is_uppercase);
                if after.is_some_and(char::is_alphanumeric) && !run_on {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = &text[i..end];
        // Keep the full stop of a title or an initial.
        if bytes.get(end) == Some(&b'.') {
            let initial = word.chars().count() == 1 && c.is_uppercase();
            let dotted = word.contains('.');
            let state = ABBREV_STATES.contains(&word) || party_state(word);
            if initial || dotted || state || ABBREV.contains(&word) {
                chars.next();
                end += 1;
            }
        }
        toks.push(Tok {
            start: i,
            text: &text[i..end],
        });
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::tokenize;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn party_tags_and_state_abbreviations_keep_their_full_stop() {
        assert_eq!(
            words("Klein, D-Ill., of Boston, Mass., said"),
            [
                "Klein", ",", "D-Ill.", ",", "of", "Boston", ",", "Mass.", ",", "said"
            ]
        );
    }

    #[test]
    fn words_run_together_at_a_full_stop_are_split() {
        assert_eq!(
            words("he said.Then U.S. aid"),
            ["he", "said", ".", "Then", "U.S.", "aid"]
        );
    }
}
