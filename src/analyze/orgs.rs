//! Organisations: the tagger's organisation names and capitalised names
//! ending in an organisation word ("... Association"), resolved within the
//! story: repeated names, acronyms defined in parentheses ("International
//! Atomic Energy Agency (IAEA)"), initials of a name used in the story, a
//! few well-known short forms (U.N. → United Nations), and shortened names
//! ("the Security Council" after "United Nations Security Council").
//!
//! A government ministry is not an organisation here: the story's truth
//! counts it as its country (the places module reads those).

mod acronyms;

use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{Kind, Shape, Span, Tok};

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
/// person, which no organisation may claim.
pub fn resolve(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    spans: &[Span],
    taken: &[bool],
) -> Resolved {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    let mut cands: Vec<(usize, usize)> = spans
        .iter()
        .filter(|s| s.kind == Kind::Org)
        .filter_map(|s| {
            clean(
                text,
                toks,
                flags,
                s.start,
                run_on(text, toks, s.start, s.end),
            )
        })
        .collect();
    cands.extend(by_org_word(text, toks, flags, spans));
    cands.extend(acronyms::well_known(text, toks));
    cands.retain(|&(s, e)| !(s..e).any(|i| taken[i]) && !is_ministry(text, toks, s, e));
    cands.sort_unstable();
    cands.dedup();
    let mut out = Resolved::default();
    let mut seqs: Vec<Vec<u64>> = Vec::new();
    let mut aliases: Vec<(String, usize)> = Vec::new();
    for &(s, e) in &cands {
        let seq: Vec<u64> = (s..e).map(|i| toks[i].hash).collect();
        let key = acronyms::key(&text[toks[s].b0..toks[e - 1].b1]);
        let org = seqs
            .iter()
            .position(|q| *q == seq || (seq.len() >= 2 && q.ends_with(&seq)))
            .or_else(|| aliases.iter().find(|(a, _)| *a == key).map(|&(_, o)| o))
            .or_else(|| (e - s == 1).then(|| initials_of(&key, &out.orgs)).flatten());
        let org = match org {
            Some(o) => o,
            None => {
                let name = acronyms::canonical(&text[toks[s].b0..toks[e - 1].b1]);
                if let Some(o) = out.orgs.iter().position(|n| *n == name) {
                    o
                } else {
                    out.orgs.push(name);
                    seqs.push(seq.clone());
                    out.orgs.len() - 1
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
            aliases.push((acronyms::key(word_at(text, a)), org));
        }
        out.mentions.push(OrgMention {
            start: s,
            end: e,
            org,
        });
    }
    // Later uses the tagger missed: the same words, or a defined short form.
    let covered = |i: usize, m: &[OrgMention]| m.iter().any(|m| m.start <= i && i < m.end);
    let mut extra = Vec::new();
    for i in 0..toks.len() {
        if !toks[i].shape.capitalised() || taken[i] || covered(i, &out.mentions) {
            continue;
        }
        let key = acronyms::key(word(i));
        if let Some(&(_, org)) = aliases.iter().find(|(a, _)| *a == key) {
            extra.push(OrgMention {
                start: i,
                end: i + 1,
                org,
            });
            continue;
        }
        for (org, seq) in seqs.iter().enumerate() {
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

fn word_at<'t>(text: &'t str, t: &Tok) -> &'t str {
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
    let press = e > s && PRESS.contains(&word_at(text, &toks[e - 1]).to_lowercase().as_str());
    while s < e
        && word_at(text, &toks[s]).eq_ignore_ascii_case("the")
        && !(press && word_at(text, &toks[s]) == "The")
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
/// ("Asan Institute for Policy Studies").
fn run_on(text: &str, toks: &[Tok], s: usize, mut e: usize) -> usize {
    loop {
        let joiner = e + 1 < toks.len()
            && matches!(word_at(text, &toks[e]), "of" | "for" | "on")
            && toks[e].b0 == toks[e - 1].b1 + 1;
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

/// Whether a name is a government ministry ("Foreign Ministry", "Ministry of Defence").
fn is_ministry(text: &str, toks: &[Tok], s: usize, e: usize) -> bool {
    (s..e).any(|i| word_at(text, &toks[i]).eq_ignore_ascii_case("ministry"))
}

/// Capitalised runs ending in an organisation word that the tagger did not
/// label ("Korea International Trade Association").
fn by_org_word(text: &str, toks: &[Tok], flags: &[u32], spans: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let tagged = |i: usize| {
        spans
            .iter()
            .any(|s| s.start <= i && i < s.end && s.kind != Kind::Loc)
    };
    let mut i = 0;
    while i < toks.len() {
        if !matches!(toks[i].shape, Shape::Title | Shape::Upper | Shape::Compound)
            || toks[i].caps_line
        {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let mut last_cap = i;
        while end < toks.len() {
            let t = &toks[end];
            let w = word_at(text, t);
            let cap = matches!(t.shape, Shape::Title | Shape::Upper | Shape::Compound);
            let joiner = matches!(w, "of" | "for" | "and" | "&" | "on");
            if !(cap || joiner) || t.b0 > toks[end - 1].b1 + 1 {
                break;
            }
            if cap {
                last_cap = end;
            }
            end += 1;
        }
        let end = last_cap + 1;
        if end - i >= 2
            && flags[last_cap] & flag::ORG_END != 0
            && !(i..end).any(tagged)
            && !(toks[i].sent_start && flags[i] & flag::COMMON != 0)
        {
            out.push((i, end));
        }
        i = end;
    }
    out
}

/// The organisation whose capitalised words' initials spell `key` ("IAEA").
fn initials_of(key: &str, orgs: &[String]) -> Option<usize> {
    if key.len() < 2 {
        return None;
    }
    orgs.iter().position(|name| {
        let initials: String = name
            .split([' ', '-'])
            .filter(|w| w.starts_with(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .collect();
        initials.len() >= 2 && initials.eq_ignore_ascii_case(key)
    })
}

#[cfg(test)]
mod tests;
