//! The subject of the clause that introduces a quotation ("On Thursday,
//! after the vote, Warren said", "As the economist Jane Roe put it"),
//! past the words that open a clause before it.

use super::super::attrib::{nominal, object, pronoun};
use super::super::lexicon::{is_common_word, is_given_name, is_speech_verb, is_surname, is_title};
use super::super::people::{People, Speaker};
use super::super::tokens::Tok;
use super::lower;
use crate::model::EntityKind;

/// Words that open a clause before its subject ("On Thursday, after the
/// vote, Warren said"): the clause's subject comes after the next comma.
const OPENERS: &[&str] = &[
    "on",
    "in",
    "at",
    "after",
    "before",
    "when",
    "while",
    "during",
    "since",
    "speaking",
    "asked",
    "with",
    "for",
    "despite",
    "though",
    "although",
    "if",
    "unlike",
    "like",
    "earlier",
    "later",
    "then",
    "once",
    "last",
    "this",
    "still",
    "instead",
    "meanwhile",
    "now",
    "today",
    "yesterday",
    "however",
    "moreover",
    "indeed",
    "again",
    "separately",
    "afterward",
    "afterwards",
    "from",
    "addressing",
    "writing",
    "responding",
    "pressed",
    "by",
    "under",
    "over",
    "outside",
    "inside",
];

/// Words that join clauses and may open one ("But Warren said").
const JOINERS: &[&str] = &["but", "and", "so", "yet", "or", "also", "then", "still"];

/// Reads the subject of the clause in `win` (which opens a sentence or
/// follows a quotation): the speaker of a quote the clause introduces.
pub(super) fn clause_subject(win: &[Tok<'_>], people: &People) -> Option<Speaker> {
    // "The Latest: Smith defends …": a colon opens a new clause.
    let win = match win.iter().rposition(|t| t.text == ":") {
        Some(c) if c + 1 < win.len() => &win[c + 1..],
        _ => win,
    };
    let mut k = 0;
    loop {
        let w = lower(win.get(k)?);
        // "Hours later, Smith …", "Back in 1999, …", "Adding, “…": a
        // capitalised common word is no subject.
        let common = win[k].is_cap()
            && !JOINERS.contains(&w.as_str())
            && !OPENERS.contains(&w.as_str())
            && !matches!(
                w.as_str(),
                "as" | "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "one"
                    | "he"
                    | "she"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "it"
                    | "who"
            )
            && !is_given_name(win[k].text)
            && (is_speech_verb(&w)
                || (w.ends_with("ing") && !is_surname(win[k].text))
                || (people.used_lower(&w) && !is_surname(win[k].text))
                || (is_common_word(&w) && !is_title(&w) && !people.in_a_name(win[k].text)));
        if common {
            k = (k + 1..win.len().min(k + 8)).find(|&j| win[j].text == ",")? + 1;
        } else if JOINERS.contains(&w.as_str()) || win[k].text == "," {
            k += 1;
        } else if w == "as" {
            // "As the economist Jane Roe put it, “": the name after "as".
            k += 1;
            break;
        } else if OPENERS.contains(&w.as_str()) {
            let Some(comma) = (k + 1..win.len()).find(|&j| win[j].text == ",") else {
                // "When she returned she began by saying, “": no comma
                // closes the opening clause; the last subject pronoun
                // opens the main one.
                return win[k + 1..].iter().rev().find_map(|t| {
                    let w = lower(t);
                    matches!(w.as_str(), "he" | "she" | "they" | "we" | "i")
                        .then(|| pronoun(&w, t.start, people))
                        .flatten()
                });
            };
            k = comma + 1;
            // "In Birmingham, Alabama, on Saturday, Smith said": a place list.
            while win.get(k).is_some_and(|t| {
                t.is_cap()
                    && matches!(
                        people.known_at(t.start),
                        Some((EntityKind::Place | EntityKind::Country, _))
                    )
            }) && win.get(k + 1).is_some_and(|t| t.text == ",")
            {
                k += 2;
            }
        } else {
            break;
        }
    }
    let t = *win.get(k)?;
    if let Some(s) = pronoun(&lower(&t), t.start, people) {
        return Some(s);
    }
    if let Some(s) = object(win, k, people) {
        return Some(s);
    }
    let det = matches!(
        lower(&t).as_str(),
        "the" | "a" | "an" | "his" | "her" | "one"
    );
    let head = (k + 1..win.len().min(k + 4)).find(|&j| win[j].is_word())?;
    if det {
        nominal(win, head, people)
    } else {
        None
    }
}
