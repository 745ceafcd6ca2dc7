//! Short forms of organisation names: the comparison key of a written form
//! ("U.N." and "UN" are one key), and the few short forms whose full name
//! wire copy takes as known.

use crate::analyze::tagger::{Shape, Tok};

/// Returns the comparison key of a written name: upper case, no dots or spaces.
pub(super) fn key(written: &str) -> String {
    written
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\n'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Short forms and the full names they stand for.
const KNOWN: &[(&str, &str)] = &[
    ("UN", "United Nations"),
    ("EU", "European Union"),
    ("UNSC", "United Nations Security Council"),
    ("IMF", "International Monetary Fund"),
    ("WHO", "World Health Organization"),
    ("WTO", "World Trade Organization"),
    ("IAEA", "International Atomic Energy Agency"),
    ("ECB", "European Central Bank"),
    ("FBI", "Federal Bureau of Investigation"),
    ("CIA", "Central Intelligence Agency"),
    ("ASEAN", "Association of Southeast Asian Nations"),
];

/// Returns the full name a short form stands for, when it is a known one.
pub(super) fn known(key: &str) -> Option<&'static str> {
    KNOWN.iter().find(|(k, _)| *k == key).map(|&(_, full)| full)
}

/// Finds the known short forms and full names the tagger may miss ("U.N.",
/// "United Nations"), as token ranges.
pub(super) fn well_known(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let t = &toks[i];
        if matches!(t.shape, Shape::Upper | Shape::Dotted)
            && !t.caps_line
            && known(&key(word(i))).is_some()
        {
            out.push((i, i + 1));
            continue;
        }
        if t.shape != Shape::Title {
            continue;
        }
        let w = word(i);
        for (_, full) in KNOWN {
            if !full.starts_with(w) {
                continue;
            }
            let n = full.split(' ').count();
            if i + n <= toks.len() && full.split(' ').zip(i..i + n).all(|(w, k)| word(k) == w) {
                out.push((i, i + n));
            }
        }
    }
    out
}

/// The canonical form of a written organisation name: a known short form
/// or a known name in capitals takes the full name ("U.N." and "UNITED
/// NATIONS" are "United Nations"), and so does a known short form opening
/// a longer name ("U.N. Security Council").
pub(super) fn canonical(written: &str) -> String {
    let words: Vec<&str> = written.split_whitespace().collect();
    if let Some(full) = known(&key(written)) {
        return full.to_string();
    }
    if let Some((_, full)) = KNOWN
        .iter()
        .find(|(_, full)| full.eq_ignore_ascii_case(&words.join(" ")))
    {
        return full.to_string();
    }
    if words.len() >= 2
        && let Some(full) = known(&key(words[0]))
        && words[0].chars().all(|c| c.is_uppercase() || c == '.')
    {
        return format!("{full} {}", words[1..].join(" "));
    }
    words.join(" ")
}
