//! A capital named as a party to a state's dealings stands for its state:
//! "relations with Washington", "urged Washington to act", "as Washington
//! presses Mexico". A visit, a flight or a stay is a place ("visited
//! Washington", "in Washington"), and so is a capital that qualifies the
//! noun after it ("urged Paris residents").

use super::tokens::{Caps, Tokens};

/// Nouns of dealings between states, read before "with", "from" or
/// "between" and a capital.
const DEALINGS: &[&str] = &[
    "relations",
    "ties",
    "tensions",
    "talks",
    "deal",
    "dispute",
    "negotiations",
    "agreement",
    "rift",
    "row",
    "feud",
    "pressure",
    "backing",
    "support",
    "aid",
    "sanctions",
    "demands",
];

/// Verbs whose object, when it is a capital, is a state: what is offered,
/// urged, pressed or accused is a government, not a town.
const VERBS_ON_STATES: &[&str] = &[
    "urged",
    "urges",
    "pressed",
    "presses",
    "pressured",
    "accused",
    "accuses",
    "warned",
    "warns",
    "blamed",
    "blames",
    "criticised",
    "criticized",
    "lobbied",
    "courted",
    "angered",
    "rebuked",
    "asked",
    "asks",
    "told",
];

/// Verbs after a capital that only a state does, beyond the shared list
/// of the places lexicon ("Washington presses Mexico").
const STATE_DOINGS: &[&str] = &[
    "presses",
    "pressed",
    "pushes",
    "pushed",
    "cut",
    "cuts",
    "seeks",
    "sought",
    "vowed",
    "vows",
    "signed",
    "signs",
    "approved",
    "blamed",
    "criticised",
    "criticized",
    "tries",
    "tried",
    "launched",
    "launches",
    "summoned",
    "summons",
    "expelled",
    "expels",
    "recalled",
    "retaliated",
    "ratified",
    "vetoed",
    "joined",
];

/// Nouns of a town's own life, which a capital's possessive names as the
/// town ("Beirut's southern suburbs", "Jakarta's governor"), unlike
/// "Moscow's decision".
const TOWN_NOUNS: &[&str] = &[
    "suburbs",
    "suburb",
    "outskirts",
    "streets",
    "governor",
    "mayor",
    "residents",
    "airport",
    "airports",
    "port",
    "centre",
    "center",
    "downtown",
    "district",
    "districts",
    "neighbourhood",
    "neighborhood",
    "neighbourhoods",
    "neighborhoods",
    "metro",
    "subway",
    "traffic",
    "hospitals",
    "skyline",
    "population",
    "council",
    "zoo",
    "marathon",
    "police",
    "roads",
    "slums",
    "air",
    "smog",
];

/// Whether a town noun follows the capital's possessive at token `last`,
/// after at most two lower-case words ("Beirut's southern suburbs").
pub(super) fn town_noun_follows(toks: &Tokens, last: usize) -> bool {
    (last + 1..toks.toks.len().min(last + 4))
        .take_while(|&k| toks.toks[k].caps == Caps::Lower)
        .any(|k| TOWN_NOUNS.contains(&toks.key(k)))
}

/// Whether the capital at tokens `i..=last` is a party to dealings: after a
/// noun of dealings and "with", "from" or "between", after a verb that acts
/// on states, or before a verb only a state does. `prev` and `next` give
/// the word before and after on the same line, if any.
pub(super) fn party_to_dealings(
    toks: &Tokens,
    prev: impl Fn(usize) -> Option<usize>,
    next: Option<usize>,
    i: usize,
) -> bool {
    let lower = |k: usize| toks.toks[k].caps == Caps::Lower;
    let before = prev(i).filter(|&p| lower(p));
    // The capital ends its phrase: no noun follows that it would qualify
    // ("urged Paris residents", "support from London fans").
    let alone = next.is_none_or(|k| {
        !lower(k)
            || matches!(
                toks.key(k),
                "to" | "that"
                    | "of"
                    | "over"
                    | "for"
                    | "on"
                    | "against"
                    | "into"
                    | "about"
                    | "and"
                    | "or"
                    | "in"
                    | "after"
                    | "before"
                    | "which"
            )
    });
    let dealing = alone
        && before.is_some_and(|p| {
            matches!(toks.key(p), "with" | "from" | "between")
                && prev(p).is_some_and(|q| lower(q) && DEALINGS.contains(&toks.key(q)))
        });
    let acted_on = alone && before.is_some_and(|p| VERBS_ON_STATES.contains(&toks.key(p)));
    // "The council in Ottawa cut bus routes": a town's own body acts.
    let located = before.is_some_and(|p| matches!(toks.key(p), "in" | "at" | "near" | "from"));
    let acts = !located && next.is_some_and(|k| lower(k) && STATE_DOINGS.contains(&toks.key(k)));
    dealing || acted_on || acts
}
