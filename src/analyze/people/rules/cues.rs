//! Names the tagger missed, found by what follows them: two or three
//! capitalised words no list knows before a speech verb ("Geert Wilders
//! said"), a verb people do ("Jasprit Bumrah took eight wickets"), or
//! "of" and a country ("Jannik Sinner of Italy").

use super::words::{NOT_NAME, adjacent, name_word};
use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{Kind, Shape, Span, Tok};

/// Past-tense verbs whose subject, when two unknown capitalised words, is
/// far more often a person than a firm the tagger missed.
const DEEDS: &[&str] = &[
    "took", "won", "scored", "beat", "finished", "failed", "resigned", "died", "married",
    "pleaded", "admitted", "thanked", "tweeted", "posted", "wrote", "spoke", "met", "visited",
];

/// Returns the token spans `(start, end)` of the names the cues show.
pub(super) fn cued_names(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    spans: &[Span],
    countries: &[bool],
) -> Vec<(usize, usize)> {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    let mut out = Vec::new();
    for i in 0..toks.len() {
        if !name_word(&toks[i]) || (i > 0 && name_word(&toks[i - 1]) && adjacent(toks, i - 1)) {
            continue;
        }
        // A particle joined to a later word ("Abdul-Rahman al-Mutairi").
        let word_ok = |k: usize| {
            name_word(&toks[k])
                || k > i && toks[k].shape == Shape::Particle && word(k).contains('-')
        };
        let mut end = i;
        while end < toks.len()
            && end - i < 3
            && word_ok(end)
            && flags[end] & (NOT_NAME | flag::CITY | flag::PLACE_WORD) == 0
            && !countries[end]
            && (end == i || adjacent(toks, end - 1))
        {
            end += 1;
        }
        let verb = end < toks.len()
            && toks[end].shape == Shape::Lower
            && (flags[end] & flag::SPEECH != 0 || DEEDS.contains(&word(end)))
            && adjacent(toks, end - 1);
        // "Jannik Sinner of Italy": the surname may be a common word.
        let mut of_end = i + 1;
        let surname_ok = |k: usize| {
            name_word(&toks[k])
                && !countries[k]
                && flags[k] & (NOT_NAME & !flag::COMMON | flag::CITY | flag::PLACE_WORD) == 0
        };
        if i + 1 < toks.len() && adjacent(toks, i) && surname_ok(i + 1) {
            of_end = i + 2;
        }
        let of_country = flags[i] & (NOT_NAME | flag::CITY | flag::PLACE_WORD) == 0
            && !countries[i]
            && of_end == i + 2
            && of_end + 1 < toks.len()
            && word(of_end) == "of"
            && countries[of_end + 1];
        let end = if of_country { of_end } else { end };
        if end - i >= 2 && (verb || of_country) && pieces(spans, i, end) {
            out.push((i, end));
        }
    }
    out
}

/// Whether the tagger read nothing of `start..end` as a person and at most
/// single words of it as something else ("Fumio" read as an organisation):
/// a name it read whole as a firm stays one ("Goldman Sachs said").
pub(super) fn pieces(spans: &[Span], start: usize, end: usize) -> bool {
    spans
        .iter()
        .filter(|s| s.start < end && start < s.end)
        .all(|s| s.kind != Kind::Per && s.end - s.start == 1)
}
