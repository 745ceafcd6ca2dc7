//! The speaker after a speech verb: "said Foreign Minister X", "said the
//! ministry", "according to X", and the descriptions and possessives that
//! sit before such a name.

use super::super::lexicon::{
    country_name, is_given_name, is_govt_noun, is_org_noun, is_speech_verb, is_title,
};
use super::super::names::{is_stop, particles_then_name, unpossess};
use super::super::people::{People, Speaker};
use super::super::roles::role_of;
use super::super::tokens::Tok;
use super::described::described_name;
use super::{ROLES, lower, nominal, org_of, pronoun};
use crate::model::EntityKind;

/// Reads the speaker that follows a verb: "said Foreign Minister X",
/// "said the ministry", "according to X".
pub(in crate::analyze::quotes) fn object(
    win: &[Tok<'_>],
    from: usize,
    people: &People,
) -> Option<Speaker> {
    let mut i = from;
    if win.get(i).is_some_and(|t| t.text == "to") {
        i += 1;
    }
    // "said his attorney, Michelle Okafor": the name after its description.
    if let Some(k) = described_name(win, i) {
        return object(win, k, people);
    }
    let t = *win.get(i)?;
    let w = lower(&t);
    if let Some(s) = pronoun(&w, t.start, people) {
        return Some(s);
    }
    // Lower-case determiners and titles before a name ("the", "foreign minister").
    while win.get(i).is_some_and(|t| {
        !t.is_cap() && (is_title(&lower(t)) || matches!(lower(t).as_str(), "the" | "a" | "an"))
    }) {
        i += 1;
    }
    // "said former secretary of state Jane Roe": a title's "of" and the
    // lower-case words of its field.
    if i > from && win.get(i).is_some_and(|t| t.text == "of") && is_title(&lower(&win[i - 1])) {
        let mut k = i + 1 + usize::from(win.get(i + 1).is_some_and(|t| t.text == "the"));
        let field = k;
        while k < win.len().min(field + 3)
            && win[k].is_word()
            && !win[k].is_cap()
            && !NOT_MODIFIERS.contains(&lower(&win[k]).as_str())
        {
            k += 1;
        }
        if k > field && win.get(k).is_some_and(Tok::is_cap) {
            i = k;
        }
    }
    // "said retired neurosurgeon Ben Carson": a name after its description.
    if win.get(i).is_some_and(|t| !t.is_cap())
        && let Some(k) = modifiers_then_cap(win, i)
    {
        i = k;
    }
    let t = *win.get(i)?;
    if t.is_cap() {
        let mut j = i + 1;
        // "the Florida senator", "the New York businessman": a role after
        // capitalised modifiers is a nominal speaker.
        let det = |k: usize| lower(&win[k]) == "the";
        let start = if det(i) {
            Some(i + 1)
        } else {
            (i > from && det(i - 1)).then_some(i)
        };
        if let Some(mut k) = start {
            while k < win.len().min(i + 4) && win[k].is_cap() {
                k += 1;
            }
            if win
                .get(k)
                .is_some_and(|r| !r.is_cap() && r.is_word() && role_of(r.text).is_some())
            {
                return nominal(win, k, people);
            }
        }
        while j < win.len() && (win[j].is_cap() || particles_then_name(win, j) || org_of(win, j)) {
            j += 1;
        }
        // "said Secretary of State Jane Roe", "Speaker of the House Jo Doe":
        // titles, "of" and a place, then the name.
        if win.get(j).is_some_and(|t| t.text == "of")
            && win[i..j].iter().all(|t| is_title(&lower(t)))
        {
            let k = j + 1 + usize::from(win.get(j + 1).is_some_and(|t| t.text == "the"));
            if win.get(k).is_some_and(Tok::is_cap) {
                return object(win, k, people);
            }
        }
        // "said MSNBC host Chris Matthews", "said Montclair State University
        // political scientist Brigid Harrison": the name after the role;
        // a past tense there is a verb ("Trump attacked Clinton, saying").
        if let Some(k) = modifiers_then_cap(win, j)
            && !win[j..k].iter().any(|t| lower(t).ends_with("ed"))
        {
            return object(win, k, people);
        }
        // "said Nigeria's foreign minister, Amara Okonkwo-Reyes": the name
        // after the possessive and its role.
        if unpossess(win[j - 1].text).1 {
            let next = (j..win.len().min(j + 6)).find(|&k| win[k].is_cap());
            let between_ok = next.is_some_and(|k| {
                win[j..k].iter().all(|t| {
                    let l = lower(t);
                    t.text == "," || is_title(&l) || ROLES.contains(&l.as_str())
                })
            });
            if let (Some(k), true) = (next, between_ok) {
                return object(win, k, people);
            }
        }
        // "said Russia's foreign ministry": a government speaks for its country.
        if unpossess(win[j - 1].text).1
            && let Some(country) = govt_after(win, j, people)
        {
            return Some(country);
        }
        let words: Vec<&str> = win[i..j].iter().map(|t| t.text).collect();
        return Some(people.phrase(&words, t.start));
    }
    if is_org_noun(&lower(&t)) {
        return Some((None, Some(EntityKind::Org)));
    }
    None
}

/// Words that end a description before a name ("a spokesman for X" is not
/// X speaking).
pub(in crate::analyze::quotes) const NOT_MODIFIERS: &[&str] = &[
    "for", "of", "in", "on", "at", "to", "with", "by", "from", "and", "or", "who", "which", "that",
    "when", "as", "after", "before", "about", "than", "but", "said", "says", "during", "since",
    "while", "into", "over", "under", "through", "against", "among", "amid", "across", "behind",
    "near", "if", "because", "where", "whose", "whom", "until",
];

/// Returns the index of the capitalised word after one to three lower-case
/// words of description at `j` ("political scientist", "host"), when the
/// capitalised words there start a person's name.
pub(in crate::analyze::quotes) fn modifiers_then_cap(win: &[Tok<'_>], j: usize) -> Option<usize> {
    // A number joined by a slash or a dash is a modifier too ("9/11 widow").
    let joiner = |k: usize| {
        matches!(win[k].text, "/" | "-")
            && k > j
            && win[k - 1].text.starts_with(|c: char| c.is_ascii_digit())
    };
    let k =
        (j..win.len().min(j + 6)).find(|&k| !(win[k].is_word() || joiner(k)) || win[k].is_cap())?;
    let described = k > j
        && win[k].is_cap()
        && win[j..k].iter().all(|t| {
            let l = lower(t);
            !NOT_MODIFIERS.contains(&l.as_str()) && !is_speech_verb(&l)
        });
    let named = win.get(k + 1).is_some_and(Tok::is_cap)
        || is_given_name(win[k].text)
        || !is_stop(&lower(&win[k]));
    (described && named).then_some(k)
}

/// Reads "Russia's foreign ministry" from the possessive at `j - 1`: the
/// country, when a government noun follows it.
fn govt_after(win: &[Tok<'_>], j: usize, people: &People) -> Option<Speaker> {
    let owner = win.get(j.checked_sub(1)?)?;
    let head = (j..win.len().min(j + 3)).find(|&k| is_govt_noun(&lower(&win[k])))?;
    if win[j..head].iter().any(Tok::is_cap) {
        return None;
    }
    country_of(owner, people).map(|c| (Some(c), Some(EntityKind::Country)))
}

/// The country a token names ("Russia's", "British", "Seoul"), by the
/// story's country mentions or the country list.
pub(in crate::analyze::quotes) fn country_of(t: &Tok<'_>, people: &People) -> Option<String> {
    if let Some((EntityKind::Country, name)) = people.known_at(t.start) {
        return Some(name.to_string());
    }
    country_name(unpossess(t.text).0).map(str::to_string)
}
