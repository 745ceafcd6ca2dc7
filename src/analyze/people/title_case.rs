//! Names on title-case lines. A headline or subheading that capitalises
//! every word ("Lee Park Slams Budget Plan", "Jo Doe As The New Lee Park")
//! hides where a name ends, so the tagger often runs a name into the words
//! around it. Where the rest of the story names the same person in plain
//! prose, the name on the title-case line is narrowed to that person's
//! words ("Lee Park", "Park").

use super::name::{Name, surname_keys};
use crate::analyze::tagger::Tok;
use crate::analyze::title_case::{on_line, title_case_lines};
use foldhash::HashSet;

/// Marks the tokens that lie on title-case lines.
pub(super) fn title_case_tokens(text: &str, toks: &[Tok]) -> Vec<bool> {
    let lines = title_case_lines(text);
    toks.iter().map(|t| on_line(&lines, t.b0)).collect()
}

/// Narrows every name of two words or more that lies on a title-case line
/// and matches no name written elsewhere to the longest run of its words
/// that does: a full name of the story's prose, or the surname of one.
pub(super) fn narrow(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    names: Vec<Name>,
    title_case: &[bool],
) -> Vec<Name> {
    let on_title_line = |n: &Name| title_case[n.start];
    let plain: Vec<Name> = names
        .iter()
        .filter(|n| !on_title_line(n) && n.end - n.start >= 2)
        .copied()
        .collect();
    if plain.is_empty() || !names.iter().any(on_title_line) {
        return names;
    }
    let surnames: HashSet<u64> = plain
        .iter()
        .flat_map(|n| surname_keys(text, toks, flags, n))
        .collect();
    let known = |a: usize, b: usize| {
        if b - a == 1 {
            return surnames.contains(&toks[a].hash);
        }
        let sub = Name {
            start: a,
            end: b,
            gender: None,
        };
        plain.iter().any(|p| p.same_person(&sub, text, toks))
    };
    names
        .into_iter()
        .map(|n| {
            let len = n.end - n.start;
            if !on_title_line(&n) || len < 2 || known(n.start, n.end) {
                return n;
            }
            let run = (1..len).rev().find_map(|k| {
                (n.start..=n.end - k)
                    .find(|&a| known(a, a + k))
                    .map(|a| (a, a + k))
            });
            match run.and_then(|(a, b)| Name::clean(text, toks, flags, &[], a, b)) {
                Some(narrowed) => narrowed,
                None => n,
            }
        })
        .collect()
}
