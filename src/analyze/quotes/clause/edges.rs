//! Attributions at the edges of a quotation's sentence: a passive with its
//! agent, a speaker closing a long sentence after a comma, a sentence
//! before the quote that only attributes it, and a pronoun right after it.

use super::super::attrib::{WINDOW, find_verb, is_quote_mark, joins_affiliation, lower, subject};
use super::super::lexicon::{Gender, is_particle, is_speech_verb, is_title};
use super::super::people::{People, Speaker};
use super::super::tokens::Tok;
use super::reports_more;

/// Tells whether the verb at `v` is a passive with its agent ("was asked
/// by Jo Doe"), not "said by telephone".
pub(super) fn passive(win: &[Tok<'_>], v: usize) -> bool {
    v > 0
        && matches!(
            lower(&win[v - 1]).as_str(),
            "was" | "were" | "being" | "been" | "is"
        )
        && win.get(v + 1).is_some_and(|t| t.text == "by")
        && win
            .get(v + 2)
            .is_some_and(|t| t.is_cap() || matches!(t.text, "the" | "a" | "host" | "moderator"))
}

/// Reads the attribution of the sentence that ends with the full stop at
/// `stop`, when it is only an attribution ("Jo Doe said on Friday.").
pub(super) fn sentence_before(toks: &[Tok<'_>], stop: usize, people: &People) -> Option<Speaker> {
    let mut start = stop;
    while start > 0 && stop - start < WINDOW {
        let t = &toks[start - 1];
        if is_quote_mark(toks, start - 1) {
            return None;
        }
        if t.ends_sentence() {
            break;
        }
        start -= 1;
    }
    let win = &toks[start..stop];
    let v = find_verb(win, true)?;
    if v == 0 || reports_more(win, v) || win[v + 1..].iter().any(|t| lower(t) == "that") {
        return None;
    }
    subject(win, v, people).filter(|s| s.0.is_some())
}

/// Tells whether the verb at `v`, far from the quote, closes the quote's
/// sentence with a speaker of its own after a comma: `“…,” since the
/// votes were close, said Jane Roe` or `…, Roe says.`
pub(super) fn tail(win: &[Tok<'_>], v: usize) -> bool {
    let Some(comma) = (0..v).rev().find(|&k| win[k].text == ",") else {
        return false;
    };
    let between = &win[comma + 1..v];
    let named = between
        .iter()
        .all(|t| t.is_cap() || is_particle(&lower(t)) || is_title(&lower(t)));
    if between.is_empty() {
        win.get(v + 1).is_some_and(Tok::is_cap)
    } else {
        between.len() <= 5 && named && between.iter().any(Tok::is_cap)
    }
}

/// Tells whether the words from `lead` to the verb at `v` are one name
/// with its affiliation and nothing else: `“…,” Jo Doe of the Center for
/// Arms Control Studies wrote`, a long subject that is still the speaker.
pub(super) fn affiliated_name(win: &[Tok<'_>], lead: usize, v: usize) -> bool {
    let words = &win[lead..v];
    let joiner = |t: &Tok<'_>| joins_affiliation(t) || is_particle(&lower(t));
    words.len() >= 2
        && words[0].is_cap()
        && words[1].is_cap()
        && words.last().is_some_and(Tok::is_cap)
        && words.iter().all(|t| t.is_cap() || joiner(t))
}

/// Returns the gender of the pronoun that attributes the quotation whose
/// closing mark `from` follows: "“…,” he said", "“…” she added".
pub(in crate::analyze::quotes) fn pronoun_after(toks: &[Tok<'_>], from: usize) -> Option<Gender> {
    let k = from + usize::from(toks.get(from).is_some_and(|t| t.text == ","));
    let verb = toks.get(k + 1).is_some_and(|t| is_speech_verb(&lower(t)));
    match toks.get(k).map(lower).as_deref() {
        Some("he") if verb => Some(Gender::Male),
        Some("she") if verb => Some(Gender::Female),
        _ => None,
    }
}
