//! Context rules: which gazetteer candidates a name in running text may be,
//! judging by capitalisation and the words around it.

use super::Hit;
use super::gazetteer::{Cand, Gazetteer, NATION, REGION, Source};
use super::lexicon;
use super::tokens::{Caps, Tokens};

/// Whether tokens `i` and `i + 1` may belong to one name: only a single
/// space or hyphen between them (or ". " after an initial, as in "S. Korea",
/// or after "St", "Ft" or "Mt", as in "St. Louis").
pub(super) fn joined(toks: &Tokens, text: &str, i: usize) -> bool {
    let (a, b) = (&toks.toks[i], &toks.toks[i + 1]);
    match &text[a.b1..b.b0] {
        // "People's Republic of China", "Martha's Vineyard".
        " " | "-" | "'s " | "\u{2019}s " => true,
        ". " => a.c1 - a.c0 == 1 || matches!(&text[a.b0..a.b1], "St" | "Ft" | "Mt"),
        _ => false,
    }
}

/// Whether only spaces (no punctuation or line break) separate `i` and `i + 1`.
fn spaced(toks: &Tokens, text: &str, i: usize) -> bool {
    let (a, b) = (&toks.toks[i], &toks.toks[i + 1]);
    let gap = &text[a.b1..b.b0];
    !gap.is_empty() && gap.chars().all(|c| c == ' ')
}

fn prev(toks: &Tokens, text: &str, i: usize) -> Option<usize> {
    let p = i.checked_sub(1)?;
    spaced(toks, text, p).then_some(p)
}

fn next(toks: &Tokens, text: &str, last: usize) -> Option<usize> {
    let n = last + 1;
    (n < toks.toks.len() && !toks.toks[last].possessive && spaced(toks, text, last)).then_some(n)
}

fn capitalised(toks: &Tokens, i: usize) -> bool {
    matches!(toks.toks[i].caps, Caps::Title | Caps::Upper)
}

/// Whether the single word at token `i` reads as a person's name ("Michael
/// Jordan", "Chad Johnson", "MaliVai Washington").
pub(super) fn looks_like_person(gaz: &Gazetteer, toks: &Tokens, text: &str, i: usize) -> bool {
    let key = toks.key(i);
    let given = gaz.given.contains(key);
    if let Some(p) = prev(toks, text, i) {
        let pk = toks.key(p);
        if toks.toks[p].caps == Caps::Title {
            if gaz.given.contains(pk) && !gaz.not_first_names.contains(pk) {
                return true;
            }
            let surname = given || gaz.surnames.contains(key);
            if surname
                && !toks.toks[p].sent_start
                && !gaz.not_first_names.contains(pk)
                && !gaz.first.contains_key(pk)
            {
                return true;
            }
        }
    }
    if !given {
        return false;
    }
    next(toks, text, i).is_some_and(|n| {
        toks.toks[n].caps == Caps::Title
            && (gaz.surnames.contains(toks.key(n)) || gaz.given.contains(toks.key(n)))
    })
}

/// Words after a country's possessive that show the country is meant
/// ("Jordan's King Abdullah", "Chad's president"), even where a person of
/// that name is in the story.
const RULERS: &[&str] = &[
    "king",
    "queen",
    "emir",
    "president",
    "prime",
    "foreign",
    "defence",
    "defense",
    "crown",
    "government",
    "army",
    "military",
    "parliament",
    "capital",
    "embassy",
    "ambassador",
];

/// Tells whether a word in lower case is one of [`RULERS`].
pub(crate) fn is_ruler(lower: &str) -> bool {
    RULERS.contains(&lower)
}

/// Whether token `i`, a lone name in the possessive, is followed by a word
/// in [`RULERS`].
pub(super) fn ruler_follows(toks: &Tokens, text: &str, i: usize) -> bool {
    // The gap holds the "'s": one word follows, on the same line.
    toks.toks[i].possessive
        && toks.toks.get(i + 1).is_some_and(|n| {
            !text[toks.toks[i].b1..n.b0].contains('\n') && RULERS.contains(&toks.key(i + 1))
        })
}

/// Whether the name at tokens `i..=last` is part of an organisation's name
/// ("Japan Airlines", "Bank of Japan").
fn inside_org(gaz: &Gazetteer, toks: &Tokens, text: &str, i: usize, last: usize) -> bool {
    if let Some(n) = next(toks, text, last)
        && capitalised(toks, n)
        && gaz.org_tails.contains(toks.key(n))
    {
        return true;
    }
    let Some(of) = prev(toks, text, i) else {
        return false;
    };
    if toks.key(of) != "of" {
        return false;
    }
    prev(toks, text, of)
        .is_some_and(|h| capitalised(toks, h) && gaz.org_heads.contains(toks.key(h)))
}

/// Whether a locative word ("in", "from") or a line start precedes token
/// `i`, or "and" after a located place ("at Marseille and Lyon").
fn located(gaz: &Gazetteer, toks: &Tokens, text: &str, i: usize) -> bool {
    let locative = |p: usize| is_locative(gaz, toks, p);
    if let Some(p) = prev(toks, text, i) {
        let listed = || {
            matches!(toks.key(p), "and" | "or")
                && prev(toks, text, p).is_some_and(|q| {
                    capitalised(toks, q)
                        && gaz.phrases.contains_key(toks.key(q))
                        && prev(toks, text, q).is_some_and(locative)
                })
        };
        return locative(p) || listed();
    }
    dateline(toks, text, i) || dateline_region(toks, text, i)
}

/// Whether token `p` is a lower-case locative word ("in", "from", "near").
fn is_locative(gaz: &Gazetteer, toks: &Tokens, p: usize) -> bool {
    toks.toks[p].caps == Caps::Lower && gaz.locatives.contains(toks.key(p))
}

/// Whether tokens `i..i + n` are a dateline followed by a date or a comma
/// ("NEW YORK 1996-08-30", "SEOUL, Nov 26"), not a line of a sports table.
pub(super) fn dateline_before_date(toks: &Tokens, text: &str, i: usize, n: usize) -> bool {
    let last = &toks.toks[i + n - 1];
    let rest = text[last.b1..].trim_start_matches(' ');
    let year = rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit);
    dateline(toks, text, i) && (rest.starts_with(',') || year)
}

/// Whether token `i` names a dateline's region: it follows the dateline's
/// city in capitals and a comma ("ARLINGTON, Texas", "FARMINGTON HILLS,
/// Mich."), where a place is meant whatever the story says of teams.
pub(super) fn dateline_region(toks: &Tokens, text: &str, i: usize) -> bool {
    let Some(mut p) = i.checked_sub(1) else {
        return false;
    };
    if text[toks.toks[p].b1..toks.toks[i].b0].trim() != "," {
        return false;
    }
    while toks.toks[p].caps == Caps::Upper {
        if dateline(toks, text, p) {
            return true;
        }
        match p.checked_sub(1) {
            Some(q) if spaced(toks, text, q) => p = q,
            _ => return false,
        }
    }
    false
}

/// Whether token `i` opens a line in capitals, as a dateline ("SEOUL") does.
pub(super) fn dateline(toks: &Tokens, text: &str, i: usize) -> bool {
    let line_start = text[..toks.toks[i].b0]
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .all(char::is_whitespace);
    line_start && toks.toks[i].caps == Caps::Upper
}

/// Why a name was not taken as a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reject {
    /// A score follows it: a sports team, and so are its other mentions.
    Team,
    /// Anything else (case, person, organisation, common word).
    Other,
}

/// Decides whether tokens `i..i + n`, whose phrase has `cands`, name a
/// place here, and which one.
pub(super) fn accept(
    gaz: &Gazetteer,
    toks: &Tokens,
    text: &str,
    i: usize,
    n: usize,
    cands: &'static [Cand],
) -> Result<Hit, Reject> {
    let span = &toks.toks[i..i + n];
    let last = i + n - 1;
    let upper = span.iter().all(|t| t.caps == Caps::Upper);
    let title = span.iter().enumerate().all(|(k, t)| {
        matches!(t.caps, Caps::Title | Caps::Upper)
            || (k > 0 && gaz.particles.contains(toks.key(i + k)))
    });
    let careless = n >= 2 && span.iter().all(|t| t.caps == Caps::Lower);
    if !title && !careless {
        return Err(Reject::Other);
    }
    if inside_org(gaz, toks, text, i, last) {
        return Err(Reject::Other);
    }
    // "Chinese-made", "Paris-style": an adjective, not a mention; but
    // "London-based" says where something is.
    let after = &text[span[n - 1].b1..];
    let mut chars = after.chars();
    if chars.next() == Some('-')
        && chars.next().is_some_and(char::is_lowercase)
        && !after[1..].starts_with("based")
    {
        return Err(Reject::Other);
    }
    let key = toks.key(i);
    // "Wang Donghai", "Dynamo Moscow": a city after a capitalised word that
    // is not a place or a title belongs to another name.
    let after_name = n == 1
        && prev(toks, text, i).is_some_and(|p| {
            let t = &toks.toks[p];
            let pk = toks.key(p);
            t.caps == Caps::Title
                && !t.sent_start
                && !gaz.not_first_names.contains(pk)
                && !gaz.phrases.contains_key(pk)
        });
    let common_name = n == 1 && (gaz.given.contains(key) || gaz.surnames.contains(key));
    let loc = located(gaz, toks, text, i);
    let next_tok = next(toks, text, last);
    let dot_follows = text[span[n - 1].b1..].starts_with('.');
    // A small number after a name is a score ("Chicago 4 Houston 3"): a team.
    let numeric_next = next_tok.is_some_and(|k| {
        let t = &toks.toks[k];
        t.caps == Caps::Other && t.c1 - t.c0 <= 3
    });
    // "Dominique Baratelli", "Iron Lady": a one-word alias (often a foreign
    // name of a country) before another capitalised word is part of a name.
    // A particle after one word opens a surname too ("Frans van der Meer").
    let name_follows = n == 1
        && next_tok.is_some_and(|k| {
            let key = toks.key(k);
            toks.toks[k].caps == Caps::Title
                && !gaz.not_first_names.contains(key)
                && !gaz.phrases.contains_key(key)
                || toks.toks[k].caps == Caps::Lower && matches!(key, "van" | "von" | "bin" | "ben")
        });
    // "Vladimir Makovsky", "Dominique Baratelli": a one-word town or a
    // foreign country name that is also a first name, or that is followed
    // by a surname, opens a person's name.
    let person_follows = name_follows
        && !loc
        && !upper
        && next_tok.is_some_and(|k| {
            !toks.toks[k].sent_start
                && (gaz.given.contains(key) || gaz.surnames.contains(toks.key(k)))
        });
    let found = cands.iter().position(|c| {
        if c.all_caps && !upper {
            return false;
        }
        if c.needs_dot && !dot_follows {
            return false;
        }
        if !title && c.source != Source::Country {
            return false;
        }
        match c.source {
            Source::City => {
                let pop = c.population;
                if n > 1 {
                    return !numeric_next;
                }
                let enough = if loc { pop >= 15_000 } else { pop >= 50_000 };
                let at_start = span[0].sent_start && span[0].caps == Caps::Title;
                enough
                    && !after_name
                    && !person_follows
                    && !numeric_next
                    && (!common_name || loc || pop >= 1_000_000)
                    && (!at_start || pop >= 300_000)
                    && (!upper || loc || pop >= 100_000)
            }
            Source::Alias => {
                (!numeric_next || c.population == NATION)
                    && !name_follows
                    && !gaz.given.contains(key)
            }
            Source::Capital => {
                !numeric_next
                    && !after_name
                    && !person_follows
                    && (!gaz.given.contains(key) || loc || upper)
            }
            // A country's own name keeps its place ("Chad"); another name
            // of it ("Dominique" for Dominica) gives way to the person.
            Source::Country => {
                !person_follows
                    || gaz.targets[c.target as usize]
                        .name
                        .eq_ignore_ascii_case(&text[span[0].b0..span[n - 1].b1])
            }
            // A region of another country whose one word is also a name
            // or a word of its own ("Kent said", "Victoria Nuland",
            // "Champagne sales") is the region only where a place is meant
            // ("in Kent", "across Victoria").
            Source::State if c.population == REGION && n == 1 => {
                !numeric_next && !after_name && !person_follows && (!common_name || loc || upper)
            }
            Source::State => !numeric_next,
            _ => true,
        }
    });
    // "Georgia Governor Brian Kemp": a word of a US state's government
    // after a name that is also a state's makes it the state.
    let state_office = next_tok.is_some_and(|k| lexicon::STATE_OFFICES.contains(&toks.key(k)));
    // "Fulton County, Georgia": a county or parish locates in a US state.
    let after_county = i.checked_sub(1).is_some_and(|p| {
        text[toks.toks[p].b1..toks.toks[i].b0].trim() == ","
            && capitalised(toks, p)
            && matches!(toks.key(p), "county" | "parish")
    });
    let found = match cands.iter().position(|c| c.source == Source::State) {
        Some(state) if (state_office || after_county) && title => Some(state),
        _ => found,
    };
    let Some(chosen) = found else {
        let national = matches!(cands[0].source, Source::Country | Source::Demonym);
        return Err(if numeric_next && !national {
            Reject::Team
        } else {
            Reject::Other
        });
    };
    let c = &cands[chosen];
    // "at Paris and Lyon airports", "flying from Dublin to Rome has …": a
    // capital in a list of places or at the end of a journey is the city
    // ("officials in Moscow said", "aid to Kyiv has slowed" are the state).
    let travelled = prev(toks, text, i).is_some_and(|p| {
        let key = toks.key(p);
        let listed = is_locative(gaz, toks, p)
            && next_tok.is_some_and(|k| matches!(toks.key(k), "and" | "or"));
        let journey = key == "to"
            && prev(toks, text, p)
                .and_then(|q| {
                    prev(toks, text, q).filter(|&f| capitalised(toks, q) && toks.key(f) == "from")
                })
                .is_some();
        // "the Federal Chancellery in Bern said", "the junta in Niamey
        // said": a body's seat, where "officials in Moscow" are the state.
        let seat = key == "in"
            && prev(toks, text, p).is_some_and(|q| {
                capitalised(toks, q) && !toks.toks[q].sent_start
                    || toks.toks[q].caps == Caps::Lower && lexicon::BODIES.contains(&toks.key(q))
            });
        listed || matches!(key, "at" | "near" | "via") || journey || seat
    });
    let as_state = match c.source {
        Source::Capital => {
            span[n - 1].possessive && !super::dealings::town_noun_follows(toks, i + n - 1)
                || !travelled
                    && (next_tok.is_some_and(|k| {
                        toks.toks[k].caps == Caps::Lower && gaz.state_verbs.contains(toks.key(k))
                    }) || super::dealings::party_to_dealings(
                        toks,
                        |k| prev(toks, text, k),
                        next_tok,
                        i,
                    ))
        }
        _ => true,
    };
    Ok(Hit {
        tok: i,
        len: n,
        cands,
        chosen,
        as_state,
        dot: c.needs_dot,
    })
}
