//! Speakers a story names by a description: a demonym for a person ("the
//! Spaniard said") and a description before the name it describes ("said
//! his attorney, Michelle Okafor").

use super::super::lexicon::{Gender, country_name, seat_country};
use super::super::people::{People, Speaker};
use super::super::tokens::Tok;
use super::{NOT_MODIFIERS, lower};
use crate::model::EntityKind;

/// Reads "the Spaniard", "the Frenchwoman" at token `k` (after "the"), a
/// speaker by itself: one person of that country, the last person named. A country's name, a seat
/// of government and a demonym that may be plural ("the Russians", "the
/// Chinese", "the British") are no single person.
pub(super) fn demonym_person(win: &[Tok<'_>], k: usize, people: &People) -> Option<Speaker> {
    let t = win[k];
    let the = k > 0 && lower(&win[k - 1]) == "the";
    let plural = ["s", "ese", "sh", "ch"].iter().any(|e| t.text.ends_with(e));
    let word = t.text.chars().all(char::is_alphabetic);
    if !the || !word || plural || country_name(t.text).is_some() || seat_country(t.text).is_some() {
        return None;
    }
    let (kind, _) = people.known_at(t.start)?;
    if kind != EntityKind::Country {
        return None;
    }
    let gender = if t.text.ends_with("woman") {
        Some(Gender::Female)
    } else if t.text.ends_with("man") {
        Some(Gender::Male)
    } else {
        None
    };
    Some(people.nearest(gender, t.start))
}

/// Returns the index of the name after a description that opens with a
/// determiner and ends in a comma: "his attorney, Michelle Okafor", "the
/// company's lawyer, Tomas Riedel" (one to four lower-case words).
pub(super) fn described_name(win: &[Tok<'_>], i: usize) -> Option<usize> {
    let det = win.get(i).map(lower)?;
    if !matches!(det.as_str(), "his" | "her" | "their" | "its" | "the") {
        return None;
    }
    let mut k = i + 1;
    while k < win.len().min(i + 5)
        && win[k].is_word()
        && !win[k].is_cap()
        && !NOT_MODIFIERS.contains(&lower(&win[k]).as_str())
    {
        k += 1;
    }
    let comma = k > i + 1 && win.get(k).is_some_and(|t| t.text == ",");
    (comma && win.get(k + 1).is_some_and(Tok::is_cap)).then_some(k + 1)
}
