//! A speaker named with an organisation after the name: the person speaks,
//! not the organisation that ends the phrase before the verb.

use super::super::lexicon::is_title;
use super::super::people::{People, Speaker};
use super::super::tokens::Tok;
use super::{lower, subject};
use crate::model::EntityKind;

/// Tells whether a lower-case word joins the words of a name and its
/// affiliation ("of the", "for", "and").
pub(in crate::analyze::quotes) fn joins_affiliation(t: &Tok<'_>) -> bool {
    matches!(
        lower(t).as_str(),
        "of" | "the" | "for" | "at" | "on" | "and" | "&"
    )
}

/// Reads "Gov. Jeb Bush of Florida", "Kim Soo-ah of the governing People
/// Power Party" and "Jo Doe of the Center for Arms Control Studies"
/// backwards from `j`, the first word of the capitalised run before the
/// verb: the person before "of", when there is one.
pub(super) fn person_of(win: &[Tok<'_>], j: usize, people: &People) -> Option<Speaker> {
    (j.saturating_sub(12)..j)
        .rev()
        .take_while(|&k| {
            win[k].is_word() && (j - k <= 4 || win[k].is_cap() || joins_affiliation(&win[k]))
        })
        .filter(|&k| win[k].text == "of" && k >= 1)
        .filter(|&k| win[k - 1].is_cap() && !is_title(&lower(&win[k - 1])))
        .find_map(|k| match subject(win, k, people) {
            s @ Some((Some(_), Some(EntityKind::Person))) => s,
            _ => None,
        })
}

/// Reads "Sam Lau, the communications director for the Iowa Democratic
/// Party" or "Nate Silver, the polling guru who founded the site" backwards
/// from `j`: an apposition whose closing comma is missing, so the person
/// before its opening comma speaks.
pub(super) fn unclosed_apposition(win: &[Tok<'_>], j: usize, people: &People) -> Option<Speaker> {
    let c = (j.saturating_sub(9)..j)
        .rev()
        .take_while(|&k| win[k].text == "," || (win[k].is_word() && !win[k].is_cap()))
        .find(|&k| win[k].text == ",")?;
    if c >= 1
        && win[c - 1].is_cap()
        && match lower(&win[c + 1]).as_str() {
            "the" | "a" | "an" | "its" => true,
            // "Bannon, who Beck called": "who" is then the object.
            "who" => win
                .get(c + 2)
                .is_some_and(|t| !t.is_cap() && !is_subject_pronoun(t)),
            _ => false,
        }
        && let Some(s @ (Some(_), Some(EntityKind::Person))) = subject(win, c, people)
    {
        return Some(s);
    }
    None
}

fn is_subject_pronoun(t: &Tok<'_>) -> bool {
    matches!(
        lower(t).as_str(),
        "he" | "she" | "they" | "we" | "i" | "you" | "it"
    )
}
