//! Takes off a person span the words the tagger took in that are not the
//! name: roles, affixed origins, titles, a trailing "of" and place, and a
//! noun that follows a name ("Administration").

use super::words::{NOT_NAME, adjacent, after_a_name, name_word, word_flags_title};
use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{Shape, Span, Tok};

/// Words of a role or a party written before a name like a title, which
/// the tagger takes into the name: "Democrat Walter Mondale", "Fullback
/// Andre Joubert". They are not titles of address, so the tagger's lexicon
/// (a trained feature) does not list them.
const ROLES: &[&str] = &[
    "democrat",
    "republican",
    "fullback",
    "halfback",
    "scrum-half",
    "fly-half",
    "quarterback",
    "winger",
    "pitcher",
    "outfielder",
    "infielder",
    "shortstop",
    "catcher",
    "batsman",
    "bowler",
    "all-rounder",
    "jockey",
    "veteran",
    "rookie",
    "dissident",
    "deposed",
    "co-author",
    "co-founder",
    "striker",
    "midfielder",
    "goalkeeper",
    "defender",
];

/// Takes off a person span what is not the name: a lower-case word at its
/// start that is not a particle ("st Kaluwitharana" in a cricket card), a
/// role ("Fullback Andre Joubert"), a word like "Brazilian-born" or
/// "Ex-Yankee", a title; and a trailing "of" and country after a name of
/// two words or more ("Peter Nicol of France", not "Duke of Edinburgh").
pub(super) fn trim(text: &str, toks: &[Tok], flags: &[u32], countries: &[bool], s: &mut Span) {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    while s.end - s.start >= 2 {
        let w = word(s.start);
        let lower_word =
            toks[s.start].shape == Shape::Lower && flags[s.start] & flag::PARTICLE == 0;
        let role = ROLES.iter().any(|r| r.eq_ignore_ascii_case(w));
        let (head, tail) = w.split_once('-').unwrap_or((w, ""));
        let affixed = head.eq_ignore_ascii_case("ex")
            || tail.eq_ignore_ascii_case("born")
            || tail.eq_ignore_ascii_case("based");
        let title = word_flags_title(text, toks, flags, s.start)
            && name_word(&toks[s.start + 1])
            && flags[s.start + 1] & flag::TITLE == 0;
        if lower_word || role || affixed || title {
            s.start += 1;
        } else {
            break;
        }
    }
    let place = |k: usize| countries[k] || flags[k] & (flag::COUNTRY | flag::CITY) != 0;
    if let Some(of) = (s.start + 1..s.end).find(|&k| word(k) == "of")
        && (of + 1..s.end).all(place)
        && of - s.start >= 2
        && (s.start..of).any(|k| flags[k] & flag::TITLE == 0)
    {
        s.end = of;
    }
    // "the Obama Administration", "the Monroe Doctrine": the noun after
    // the name is not part of it.
    while s.end - s.start >= 2 && after_a_name(word(s.end - 1)) {
        s.end -= 1;
    }
}

/// Whether a one-word person span is no one: a word no list of names
/// holds that modifies the capitalised title after it ("Foreign Minister
/// Penny Wong", "Chief Financial Officer Colette Kress"; not "Obama adviser
/// David Axelrod") or that no name can hold (a common word, a word of
/// organisations' names: "Federal workers").
pub(super) fn no_one(text: &str, toks: &[Tok], flags: &[u32], s: &Span) -> bool {
    let named = flag::GIVEN
        | flag::GIVEN_COMMON
        | flag::SURNAME
        | flag::SURNAME_COMMON
        | flag::SURNAME_FIRST;
    if s.end - s.start != 1 || flags[s.start] & named != 0 {
        return false;
    }
    let before_title = s.end < toks.len()
        && adjacent(toks, s.start)
        && toks[s.end].shape == Shape::Title
        && super::super::name::word_flags(text, toks, flags, s.end) & flag::TITLE != 0;
    before_title || flags[s.start] & NOT_NAME != 0
}
