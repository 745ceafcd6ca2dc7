//! The word tests the name rules share: initials, particles, titles
//! before a name, and the words that can or cannot be part of one.

use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{Shape, Tok};

/// Words that cannot be part of a person's name.
pub(super) const NOT_NAME: u32 = flag::ORG_END
    | flag::ORG_START
    | flag::COUNTRY
    | flag::DEMONYM
    | flag::CALENDAR
    | flag::TITLE
    | flag::COMMON;

pub(super) fn initial(text: &str, t: &Tok) -> bool {
    let w = &text[t.b0..t.b1];
    match t.shape {
        Shape::Abbrev => w.chars().count() == 2,
        Shape::Dotted => w.chars().all(|c| c == '.' || c.is_uppercase()),
        _ => false,
    }
}

/// Whether token `i` is a title written before a name. A title that is
/// also a common surname ("King", "Judge") counts only where no name word
/// runs into it: "Cambodia's King Norodom Sihanouk", not "Stephen King".
pub(super) fn word_flags_title(text: &str, toks: &[Tok], flags: &[u32], i: usize) -> bool {
    let f = super::super::name::word_flags(text, toks, flags, i);
    let after_name = i > 0 && name_word(&toks[i - 1]) && adjacent(toks, i - 1);
    f & flag::TITLE != 0
        && (f & (flag::GIVEN_COMMON | flag::SURNAME_COMMON) == 0
            || f & flag::GIVEN_COMMON == 0 && !after_name && toks[i].shape == Shape::Title)
        && !matches!(toks[i].shape, Shape::Upper)
}

pub(super) fn adjacent(toks: &[Tok], i: usize) -> bool {
    !toks[i + 1].line_start && toks[i + 1].b0 <= toks[i].b1 + 1
}

/// Tells whether token `k` is a lower-case particle of a name ("bin",
/// "von", "da"); a scorecard's "st" (stumped) is none.
pub(super) fn particle(text: &str, toks: &[Tok], flags: &[u32], k: usize) -> bool {
    toks[k].shape == Shape::Lower
        && flags[k] & flag::PARTICLE != 0
        && &text[toks[k].b0..toks[k].b1] != "st"
}

pub(super) fn name_word(t: &Tok) -> bool {
    matches!(t.shape, Shape::Title | Shape::Compound) && !t.caps_line
}

/// Capitalised nouns that follow a person's name without being part of it
/// ("the Obama Administration", "the Monroe Doctrine").
pub(super) const AFTER_A_NAME: [&str; 16] = [
    "administration",
    "campaign",
    "regime",
    "era",
    "doctrine",
    "presidency",
    "camp",
    "years",
    "aides",
    "allies",
    "loyalists",
    "supporters",
    "government",
    "family",
    "foundation",
    "rule",
];

/// Tells whether `word` is one of the nouns in [`AFTER_A_NAME`].
pub(super) fn after_a_name(word: &str) -> bool {
    AFTER_A_NAME.iter().any(|w| w.eq_ignore_ascii_case(word))
}
