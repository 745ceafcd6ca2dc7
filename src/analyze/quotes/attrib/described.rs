//! Speakers a story names by a description before the name it describes
//! ("said his attorney, Michelle Okafor").

use super::super::tokens::Tok;
use super::{NOT_MODIFIERS, lower};

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
    if !(comma && win.get(k + 1).is_some_and(Tok::is_cap)) {
        return None;
    }
    // The name ends the clause: not "said his lawyer, Reuters reported".
    let mut e = k + 1;
    while win.get(e).is_some_and(Tok::is_cap) {
        e += 1;
    }
    win.get(e).is_none_or(|t| !t.is_word()).then_some(k + 1)
}
