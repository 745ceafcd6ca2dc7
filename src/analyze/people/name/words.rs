//! What single words tell about a person's name: the gender a given name
//! or title shows, titles, honorifics, clause openers, generational
//! suffixes, and words that describe a name's bearer rather than name them.

use crate::analyze::tagger::hash::word_hash;
use crate::analyze::tagger::lexicon::{self, flag};
use crate::analyze::tagger::{Shape, Tok};

/// A person's gender as the text or the census names show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Returns the gender a given name (the first word of `name`) usually has.
pub fn gender(name: &str) -> Option<Gender> {
    from_flags(lexicon::get().word(name.split_whitespace().next()?))
}

pub(super) fn from_flags(f: u32) -> Option<Gender> {
    if f & flag::MALE != 0 {
        Some(Gender::Male)
    } else if f & flag::FEMALE != 0 {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Honorifics that show a gender.
pub(super) fn title_gender(word: &str) -> Option<Gender> {
    match word.trim_end_matches('.').to_lowercase().as_str() {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "sheikh" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => Some(Gender::Female),
        _ => None,
    }
}

/// The flags of a token, reading "Mr." as "mr".
pub(crate) fn word_flags(text: &str, toks: &[Tok], flags: &[u32], i: usize) -> u32 {
    let f = flags[i];
    let w = &text[toks[i].b0..toks[i].b1];
    if f == 0 && w.ends_with('.') {
        return lexicon::get().get(word_hash(w.trim_end_matches('.')));
    }
    f
}

/// Tells whether token `i` is two capitals after an abbreviated title:
/// initials written without their dots ("Gov. JB Pritzker").
pub(crate) fn caps_initials(text: &str, toks: &[Tok], flags: &[u32], i: usize) -> bool {
    let word = |k: usize| &text[toks[k].b0..toks[k].b1];
    toks[i].shape == Shape::Upper
        && word(i).len() == 2
        && i > 0
        && word(i - 1).ends_with('.')
        && toks[i].b0 == toks[i - 1].b1 + 1
        && is_title(word_flags(text, toks, flags, i - 1))
}

/// Tells whether a word with these flags is a title ("Sen.", "Governor")
/// and no common given name or surname as well.
pub(super) fn is_title(f: u32) -> bool {
    f & flag::TITLE != 0 && f & (flag::GIVEN_COMMON | flag::SURNAME_COMMON) == 0
}

/// Tells whether a word is a US lawmaker's party and state in wire style
/// ("R-Texas", "D-N.Y.", "I-Vt.").
pub(super) fn is_party_state(w: &str) -> bool {
    let mut chars = w.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && chars.next() == Some('-')
        && chars.next().is_some_and(char::is_uppercase)
}

/// Tells whether a word is an honorific written before a surname.
pub(super) fn is_honorific(w: &str) -> bool {
    matches!(w, "Mr." | "Mrs." | "Ms.")
}

/// Tells whether a word opens a clause or a sentence and is never the
/// first word of a name ("If Okafor wins", "Although Brenner objected",
/// "By Jo Pike" over a story). Kept out of the tagger's lexicon, whose
/// flags are features of the trained model.
pub(crate) fn opens_clause(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "if" | "although"
            | "though"
            | "what"
            | "why"
            | "how"
            | "when"
            | "whenever"
            | "where"
            | "while"
            | "whether"
            | "because"
            | "since"
            | "unless"
            | "until"
            | "as"
            | "after"
            | "before"
            | "once"
            | "maybe"
            | "perhaps"
            | "but"
            | "and"
            | "or"
            | "yet"
            | "then"
            | "thus"
            | "still"
            | "even"
            | "unlike"
            | "despite"
            | "without"
            | "by"
            | "that"
            | "this"
            | "which"
            | "whom"
            | "whose"
    )
}

/// Tells whether a word is a generational suffix or a regnal number
/// ("Jr.", "III", "Leo XIV"), which ends a name but is not its surname.
pub(crate) fn is_suffix(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "Jr" | "Sr"
            | "JR"
            | "SR"
            | "II"
            | "III"
            | "IV"
            | "VI"
            | "VII"
            | "VIII"
            | "IX"
            | "XI"
            | "XII"
            | "XIII"
            | "XIV"
            | "XV"
            | "XVI"
    )
}

/// Whether a capitalised word before a name describes its bearer rather
/// than names them: a word the lexicon knows as a common word, a title, a
/// place or an organisation's, a role ("Whip", "Justices"), or a verb that opens a
/// story's footer ("Follow").
pub(super) fn describes(text: &str, toks: &[Tok], flags: &[u32], k: usize) -> bool {
    let known = flag::COMMON
        | flag::TITLE
        | flag::ORG_START
        | flag::ORG_END
        | flag::DEMONYM
        | flag::COUNTRY
        | flag::CITY
        | flag::CALENDAR
        | flag::PLACE_WORD
        | flag::SPEECH;
    // Verbs that open a line before a name in a story's footer ("Follow
    // Pam Key on Twitter"), which the lexicon's common words leave out.
    const FOOTER_VERBS: &[&str] = &[
        "follow",
        "contact",
        "email",
        "e-mail",
        "reach",
        "watch",
        "listen",
        "subscribe",
        "meet",
        "thank",
        "thanks",
    ];
    let lower = text[toks[k].b0..toks[k].b1].to_lowercase();
    flags[k] & known != 0
        || crate::analyze::quotes::is_role(&lower)
        || lower
            .strip_suffix('s')
            .is_some_and(crate::analyze::quotes::is_role)
        || FOOTER_VERBS.contains(&lower.as_str())
}
