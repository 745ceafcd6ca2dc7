//! Organisations: the tagger's organisation names and capitalised names
//! ending in an organisation word ("... Association"), resolved within the
//! story: repeated names, acronyms defined in parentheses ("International
//! Atomic Energy Agency (IAEA)"), initials of a name used in the story, a
//! few well-known short forms (U.N. → United Nations), and shortened names
//! ("the Security Council" after "United Nations Security Council").
//!
//! A government ministry is an organisation of its own ("Defense
//! Ministry"), without the country that may open its name.

mod acronyms;
mod cues;
mod tails;

pub use acronyms::full_name;
pub(crate) use acronyms::well_known;
pub(crate) use cues::{firm_apposition, shares_moved};
pub(crate) use tails::{is_legal_form, is_legal_form_word, is_tail};

use crate::analyze::cover::Cover;
use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{Kind, Shape, Span, Tok};
use foldhash::HashMap;

/// One organisation mention: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct OrgMention {
    pub start: usize,
    pub end: usize,
    /// Index into [`Resolved::orgs`].
    pub org: usize,
}

/// The organisations of one story and their mentions, in text order.
#[derive(Debug, Default)]
pub struct Resolved {
    /// Canonical names.
    pub orgs: Vec<String>,
    pub mentions: Vec<OrgMention>,
}

/// Resolves organisation names; `taken` marks tokens already read as a
/// person, which no organisation may claim, and `known` holds the spans of
/// known names ([`well_known`]), which the caller has already read.
pub fn resolve(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    spans: &[Span],
    taken: &[bool],
    countries: &[bool],
    mut known: Vec<(usize, usize)>,
) -> Resolved {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    let mut cands: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| s.kind == Kind::Org)
        .filter_map(|s| {
            let e = run_on(text, toks, flags, s.start, s.end);
            clean(text, toks, flags, s.start, with_tail(text, toks, e))
        })
        .collect();
    // Of two names one inside the other, the longer wins ("Office for
    // National Statistics" over "Statistics", "U.N. Security Council" over
    // "Security Council").
    let mut by_word = cues::by_org_word(text, toks, flags, spans);
    let within = |c: (usize, usize), t: (usize, usize)| t != c && t.0 <= c.0 && c.1 <= t.1;
    by_word.retain(|&t| !cands.iter().any(|&c| within(t, c)));
    cands.retain(|&c| !by_word.iter().any(|&t| within(c, t)));
    cands.extend(by_word);
    // A company named by its cue holds the tagger's shorter reading of it
    // ("Toyota Motor shares" over "Toyota").
    let traded = cues::traded(text, toks, flags, spans);
    cands.retain(|&c| !traded.iter().any(|&t| within(c, t)));
    cands.extend(traded);
    // A known name read whole wins over the tagger's pieces of it, and a
    // longer name holds the known one inside it ("U.N. Security Council").
    let overlap = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1 && a != b;
    cands.retain(|&c| {
        !known
            .iter()
            .any(|&k| overlap(c, k) && k.1 - k.0 >= c.1 - c.0)
    });
    known.retain(|&k| {
        !cands
            .iter()
            .any(|&c| overlap(c, k) && c.0 <= k.0 && k.1 <= c.1)
    });
    cands.extend(known);
    // "Russian Defense Ministry": the country is not part of a ministry's
    // name, as it is of "British Airways".
    for (s, e) in cands.iter_mut() {
        let ministry = (*s + 1..*e).find(|&k| word(k).eq_ignore_ascii_case("ministry"));
        if let Some(m) = ministry
            && let Some(k) =
                (*s..m).rfind(|&k| countries[k] || flags[k] & (flag::COUNTRY | flag::DEMONYM) != 0)
            && k + 1 < m
        {
            *s = k + 1;
        }
    }
    cands.retain(|&(s, e)| !(s..e).any(|i| taken[i]));
    cands.sort_unstable();
    cands.dedup();
    let mut out = Resolved::default();
    // Each organisation's word hashes, in order of first use, with maps
    // from its words and every ending of two words or more of them, from
    // a canonical name and from initials to the first organisation with it.
    let mut seqs: Vec<Vec<u64>> = Vec::new();
    // Whether each organisation is one word in capitals ("SEC"), which a
    // word in title case ("Sec.", a title) does not repeat.
    let mut acronym: Vec<bool> = Vec::new();
    let mut endings: HashMap<Vec<u64>, usize> = HashMap::default();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    let mut aliases: HashMap<String, usize> = HashMap::default();
    for &(s, e) in &cands {
        let seq: Vec<u64> = (s..e).map(|i| toks[i].hash).collect();
        let key = acronyms::key(&text[toks[s].b0..toks[e - 1].b1]);
        let org = endings
            .get(&seq)
            .or_else(|| aliases.get(&key))
            .copied()
            .or_else(|| {
                (e - s == 1 && key.len() >= 2)
                    .then(|| by_initials.get(&key.to_ascii_lowercase()).copied())
                    .flatten()
            });
        let org = match org {
            Some(o) => o,
            None => {
                let name = acronyms::canonical(&text[toks[s].b0..toks[e - 1].b1]);
                if let Some(&o) = by_name.get(&name) {
                    o
                } else {
                    let o = out.orgs.len();
                    endings.entry(seq.clone()).or_insert(o);
                    for k in 1..seq.len().saturating_sub(1) {
                        endings.entry(seq[k..].to_vec()).or_insert(o);
                    }
                    let initials = initials(&name);
                    if initials.len() >= 2 {
                        by_initials.entry(initials).or_insert(o);
                    }
                    by_name.insert(name.clone(), o);
                    // "Apple" after "Apple Inc.", "JPMorgan Chase" after
                    // "JPMorgan Chase & Co": the name without its legal form.
                    let mut stem = e;
                    while stem > s + 1
                        && (is_legal_form(text, &toks[stem - 1])
                            || matches!(word(stem - 1), "&" | ","))
                    {
                        stem -= 1;
                    }
                    let place = flag::COUNTRY | flag::DEMONYM | flag::CITY;
                    if stem < e && !(stem == s + 1 && flags[s] & place != 0) {
                        aliases
                            .entry(acronyms::key(&text[toks[s].b0..toks[stem - 1].b1]))
                            .or_insert(o);
                    }
                    // "Aramco" after "Saudi Aramco", "DHS" after "U.S.
                    // Department of Homeland Security": the name without
                    // the country before it.
                    let national = flag::COUNTRY | flag::DEMONYM;
                    let generic = flag::COMMON | flag::ORG_END | flag::ORG_START | flag::TITLE;
                    if e - s >= 2
                        && (flags[s] & national != 0 || matches!(word(s), "U.S." | "US" | "U.K."))
                        && (e - s > 2 || flags[s + 1] & generic == 0)
                    {
                        let rest = &text[toks[s + 1].b0..toks[e - 1].b1];
                        aliases.entry(acronyms::key(rest)).or_insert(o);
                        by_name.entry(acronyms::canonical(rest)).or_insert(o);
                    }
                    out.orgs.push(name);
                    seqs.push(seq);
                    acronym.push(e == s + 1 && toks[s].shape == Shape::Upper);
                    o
                }
            }
        };
        // "(IAEA)" right after the name defines a short form.
        if toks.get(e).is_some_and(|t| word_at(text, t) == "(")
            && let (Some(a), Some(close)) = (toks.get(e + 1), toks.get(e + 2))
            && word_at(text, close) == ")"
            && matches!(
                a.shape,
                Shape::Upper | Shape::Dotted | Shape::Mixed | Shape::Compound
            )
        {
            aliases
                .entry(acronyms::key(word_at(text, a)))
                .or_insert(org);
        }
        out.mentions.push(OrgMention {
            start: s,
            end: e,
            org,
        });
    }
    // Later uses the tagger missed: the same words, or a defined short form.
    let mut covered = Cover::new(toks.len());
    for m in &out.mentions {
        covered.mark(m.start, m.end);
    }
    // The organisations by their first word, in order.
    let mut opening: HashMap<u64, Vec<usize>> = HashMap::default();
    for (org, seq) in seqs.iter().enumerate() {
        opening.entry(seq[0]).or_default().push(org);
    }
    let mut extra = Vec::new();
    for i in 0..toks.len() {
        if !toks[i].shape.capitalised() || taken[i] || covered[i] {
            continue;
        }
        let key = acronyms::key(word(i));
        if let Some(&org) = aliases.get(&key) {
            extra.push(OrgMention {
                start: i,
                end: i + 1,
                org,
            });
            continue;
        }
        for &org in opening.get(&toks[i].hash).into_iter().flatten() {
            if acronym[org] && toks[i].shape != Shape::Upper {
                continue;
            }
            let seq = &seqs[org];
            let end = i + seq.len();
            if end <= toks.len() && toks[i..end].iter().map(|t| t.hash).eq(seq.iter().copied()) {
                extra.push(OrgMention { start: i, end, org });
                break;
            }
        }
    }
    out.mentions.extend(extra);
    out.mentions.sort_by_key(|m| m.start);
    out
}

pub(super) fn word_at<'t>(text: &'t str, t: &Tok) -> &'t str {
    &text[t.b0..t.b1]
}

/// Words that end a newspaper's name, which keeps its "The".
const PRESS: &[&str] = &[
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "daily",
    "guardian",
    "telegraph",
    "economist",
    "independent",
    "lantern",
];

/// Drops a leading "the" (kept for newspapers: "The Northgate Times"),
/// trailing marks and joiners from a tagged span, and a lone word English
/// writes in lower case ("Treasury" alone is no name).
fn clean(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    mut s: usize,
    mut e: usize,
) -> Option<(usize, usize)> {
    while e > s
        && (matches!(toks[e - 1].shape, Shape::Punct | Shape::Possessive)
            || matches!(
                word_at(text, &toks[e - 1]),
                "of" | "for" | "and" | "on" | "the"
            ))
    {
        e -= 1;
    }
    // "Saudi Crown Prince …": a title, not an organisation.
    let royal = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(word_at(text, t), "Prince" | "Princess"))
    };
    if (s..e).any(|k| word_at(text, &toks[k]) == "Crown" && royal(k + 1)) {
        return None;
    }
    let press = e > s && PRESS.contains(&word_at(text, &toks[e - 1]).to_lowercase().as_str());
    // "Lagos-based Meridian Capital": where the firm is, not its name.
    while s < e
        && (word_at(text, &toks[s]).eq_ignore_ascii_case("the")
            && !(press && word_at(text, &toks[s]) == "The")
            || cues::described(text, &toks[s]))
    {
        s += 1;
    }
    if e == s + 1
        && flags[s] & (flag::COMMON | flag::ORG_END | flag::ORG_START) != 0
        && toks[s].shape == Shape::Title
    {
        return None;
    }
    (s < e).then_some((s, e))
}

/// Joins an organisation's name that runs on over "of", "for" or "on"
/// ("Asan Institute for Policy Studies"), but not over a date ("the
/// Security Council on Friday").
fn run_on(text: &str, toks: &[Tok], flags: &[u32], s: usize, mut e: usize) -> usize {
    // The tagger sometimes ends the name on the joiner itself ("Asan
    // Institute for"): read on from the joiner, unless a country follows
    // ("Karlsruhe of Germany" is a club and where it is from).
    if e > s + 1
        && matches!(word_at(text, &toks[e - 1]), "of" | "for" | "on")
        && flags.get(e).is_some_and(|f| f & flag::COUNTRY == 0)
    {
        e -= 1;
    }
    loop {
        let joiner = e + 1 < toks.len()
            && matches!(word_at(text, &toks[e]), "of" | "for" | "on")
            && toks[e].b0 == toks[e - 1].b1 + 1
            && flags[e + 1] & flag::CALENDAR == 0;
        if !joiner
            || !matches!(
                toks[e + 1].shape,
                Shape::Title | Shape::Upper | Shape::Compound
            )
            || toks[e + 1].line_start
        {
            return e;
        }
        let mut k = e + 1;
        while k < toks.len()
            && matches!(toks[k].shape, Shape::Title | Shape::Upper | Shape::Compound)
            && !toks[k].line_start
            && toks[k].b0 == toks[k - 1].b1 + 1
        {
            k += 1;
        }
        if k - s > 10 {
            return e;
        }
        e = k;
    }
}

/// Extends a name ending before token `e` over the tail words right after it.
fn with_tail(text: &str, toks: &[Tok], mut e: usize) -> usize {
    while e > 0
        && toks
            .get(e)
            .is_some_and(|t| is_tail(text, t) && !t.line_start && t.b0 == toks[e - 1].b1 + 1)
    {
        e += 1;
    }
    e
}

/// The initials of a name's capitalised words, in lower case ("United
/// Nations" → "un"), to match a short form.
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| w.starts_with(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests;
