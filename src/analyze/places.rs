//! Countries and places: names, short forms, demonyms, capitals and cities,
//! each with its ISO 3166-1 alpha-2 code.
//!
//! The text is split into words once; at each capitalised word the longest
//! gazetteer phrase starting there is looked up (keys are slices of one
//! normalised buffer, so matching allocates nothing per word). Context rules
//! then drop names that are people ("Michael Jordan"), parts of organisation
//! names ("Bank of Japan") or common words, and decide whether a capital
//! stands for its state ("Pyongyang said").

mod context;
pub(crate) use context::is_ruler;
mod dealings;
mod gazetteer;
mod lexicon;
mod tokens;

use foldhash::HashMap;

use crate::model::{Entity, EntityKind, Mention};
use gazetteer::{Cand, Gazetteer, Source};
use tokens::{Caps, Tokens};

/// One accepted name in the text.
#[derive(Debug, Clone, Copy)]
struct Hit {
    /// First token and number of tokens.
    tok: usize,
    len: usize,
    /// The candidates the name has, and the one chosen.
    cands: &'static [Cand],
    chosen: usize,
    /// Whether the name was read as the state rather than a capital city.
    as_state: bool,
    /// An extra char after the last token (the dot of "Calif.").
    dot: bool,
}

/// Returns the countries and places the text names, one entity per country
/// or place with all its mentions.
pub fn find_places(text: &str) -> Vec<Entity> {
    let gaz = gazetteer::get();
    let toks = tokens::tokenize(text);
    let mut hits = Vec::new();
    // Words already read as a person's name: later lone uses are that person.
    let mut people: Vec<&str> = Vec::new();
    // Names seen followed by a score: sports teams wherever they occur.
    let mut teams: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < toks.toks.len() {
        match match_at(gaz, &toks, text, i, &mut people, &mut teams) {
            Ok(hit) => {
                i += hit.len;
                hits.push(hit);
            }
            Err(skip) => i += skip,
        }
    }
    if !teams.is_empty() {
        hits.retain(|h| {
            let national = matches!(h.cands[h.chosen].source, Source::Country | Source::Demonym);
            national
                || context::dateline_before_date(&toks, text, h.tok, h.len)
                || context::dateline_region(&toks, text, h.tok)
                || !teams.contains(&toks.phrase(h.tok, h.len))
        });
    }
    resolve_ambiguous(gaz, &toks, text, &mut hits);
    entities(gaz, &toks, text, &hits)
}

/// Finds the longest name that starts at token `i`; when there is none, or
/// the context rejects it, returns how many tokens to skip.
fn match_at<'t>(
    gaz: &'static Gazetteer,
    toks: &'t Tokens,
    text: &str,
    i: usize,
    people: &mut Vec<&'t str>,
    teams: &mut Vec<&'t str>,
) -> Result<Hit, usize> {
    let t = &toks.toks[i];
    if t.caps == Caps::Other {
        return Err(1);
    }
    let max = usize::from(*gaz.first.get(toks.key(i)).ok_or(1usize)?);
    let mut run = 1;
    while run < max && i + run < toks.toks.len() && context::joined(toks, text, i + run - 1) {
        run += 1;
    }
    for n in (1..=run).rev() {
        let Some(cands) = gaz.phrases.get(toks.phrase(i, n)) else {
            continue;
        };
        // "the Kharkiv region", "Lagos state": a capitalised name followed
        // by a lower-case word other than a particle is the shorter name.
        let lowered = t.caps != Caps::Lower
            && (i + 1..i + n)
                .any(|k| toks.toks[k].caps == Caps::Lower && !gaz.particles.contains(toks.key(k)));
        if lowered {
            continue;
        }
        // A leading "The" belongs to a name only for cities ("The Hague").
        if toks.key(i) == "the" && cands.first().is_none_or(|c| c.source != Source::City) {
            continue;
        }
        // "Hurricane Milton": a storm's name, not the town in Utah.
        if n == 1
            && matches!(toks.key(i), "hurricane" | "typhoon" | "cyclone" | "storm")
            && i + 1 < toks.toks.len()
            && context::joined(toks, text, i)
            && toks.toks[i + 1].caps == Caps::Title
        {
            return Err(2);
        }
        if n == 1 && t.caps != Caps::Upper && !context::ruler_follows(toks, text, i) {
            let key = toks.key(i);
            // "Florence Pugh … set in Florence": after a locative word the
            // person's given name is the place.
            let located = i > 0
                && &text[toks.toks[i - 1].b1..t.b0] == " "
                && toks.toks[i - 1].caps == Caps::Lower
                && matches!(toks.key(i - 1), "in" | "at" | "near" | "outside");
            if people.contains(&key) && !located {
                return Err(1);
            }
            if context::looks_like_person(gaz, toks, text, i) {
                people.push(key);
                return Err(1);
            }
        }
        // The longest known name wins even when it is rejected here:
        // "SAN DIEGO 4" is a team, and "SAN" alone is then no place either.
        return context::accept(gaz, toks, text, i, n, cands).map_err(|why| {
            if why == context::Reject::Team {
                teams.push(toks.phrase(i, n));
            }
            n
        });
    }
    Err(1)
}

/// Re-reads names with several codes ("Georgia": GE or the US state) in the
/// light of the codes the rest of the text names without doubt: a name
/// followed by its state or country ("Birmingham, Alabama") is the one
/// there, and otherwise a city gives way to a namesake in a country the
/// story names when the one chosen lies in a country it never names and is
/// less than three times larger (not "Birmingham" or "Geneva" in a story
/// that names only the US).
fn resolve_ambiguous(gaz: &Gazetteer, toks: &Tokens, text: &str, hits: &mut [Hit]) {
    let code = |c: &Cand| gaz.targets[c.target as usize].code.as_str();
    let ambiguous = |h: &Hit| h.cands.iter().any(|c| code(c) != code(&h.cands[h.chosen]));
    // A country's name that towns elsewhere share is that country ("Costa
    // Rica", also towns in Brazil and Mexico); one a US state shares
    // ("Georgia") stays in doubt.
    let national = |h: &Hit| {
        matches!(h.cands[h.chosen].source, Source::Country | Source::Demonym)
            && h.cands
                .iter()
                .all(|c| code(c) == code(&h.cands[h.chosen]) || c.source == Source::City)
    };
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for h in hits.iter().filter(|h| !ambiguous(h) || national(h)) {
        *counts.entry(code(&h.cands[h.chosen])).or_default() += 1;
    }
    // "Birmingham, Alabama", "Córdoba, Spain." (not "In Paris, U.S.
    // officials", "in London, Canada's envoy": the region ends a phrase).
    let located: Vec<Option<usize>> = (0..hits.len())
        .map(|k| {
            let h = &hits[k];
            let n = hits.get(k + 1).filter(|n| {
                let end = toks.toks[h.tok + h.len - 1].b1;
                let last = &toks.toks[n.tok + n.len - 1];
                let after = text[last.b1 + usize::from(n.dot)..].chars().next();
                n.tok == h.tok + h.len
                    && text[end..toks.toks[n.tok].b0].trim_end() == ","
                    && !last.possessive
                    && after.is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | ')' | '\n'))
            })?;
            // The region may have namesakes ("London, Ontario", where
            // Ontario is also a Californian city): its first reading as a
            // region that holds a town of this name wins.
            n.cands
                .iter()
                .filter(|c| matches!(c.source, Source::State | Source::Country | Source::Alias))
                .find_map(|r| h.cands.iter().position(|c| code(c) == code(r)))
        })
        .collect();
    // A name located once is that place wherever the story names it
    // alone, before or after ("Birmingham" after "Birmingham, Alabama").
    let mut named_there: HashMap<*const Cand, usize> = HashMap::default();
    for (h, k2) in hits.iter().zip(&located) {
        if let Some(k2) = *k2 {
            named_there.entry(h.cands.as_ptr()).or_insert(k2);
        }
    }
    for k in 0..hits.len() {
        let h = hits[k];
        // Only a different country moves a name read alone: "Washington,
        // D.C." leaves "Washington said" the state.
        // Nor when the story names the country of its own reading
        // ("Paris, Texas" beside "the French culture minister in Paris").
        let elsewhere = named_there
            .get(&h.cands.as_ptr())
            .copied()
            .filter(|&k2| code(&h.cands[k2]) != code(&h.cands[h.chosen]))
            .filter(|_| counts.get(code(&h.cands[h.chosen])).copied().unwrap_or(0) == 0);
        if let Some(k2) = located[k].or(elsewhere) {
            hits[k].chosen = k2;
            hits[k].as_state = false;
            continue;
        }
        let chosen = h.cands[h.chosen];
        if counts.get(code(&chosen)).copied().unwrap_or(0) > 0 {
            continue;
        }
        let better = h.cands.iter().enumerate().find(|(_, c)| {
            let n = counts.get(code(c)).copied().unwrap_or(0);
            let region = matches!(c.source, Source::State | Source::Country);
            // A region gives way to a town in a country the story names
            // ("Acre" in an Israeli story). A capital does not: "Vienna" in
            // a story that names only the US is still Austria's.
            // Nor a capital: "San Jose" in a Costa Rican story is theirs.
            let city = matches!(c.source, Source::City | Source::Capital)
                && (chosen.source == Source::State
                    || chosen.source == Source::City
                        && u64::from(c.population) * 3 >= u64::from(chosen.population));
            n > 0 && (region || city) && chosen.source <= Source::City
        });
        if let Some((k2, _)) = better {
            hits[k].chosen = k2;
            hits[k].as_state = false;
        }
    }
}

/// Groups hits into entities: one per country code, one per place.
fn entities(gaz: &Gazetteer, toks: &Tokens, text: &str, hits: &[Hit]) -> Vec<Entity> {
    let first_par_end = text.find("\n\n").unwrap_or(text.len());
    let mut out: Vec<Entity> = Vec::new();
    let mut lead: Vec<bool> = Vec::new();
    let mut index: HashMap<u32, usize> = HashMap::default();
    for h in hits {
        let cand = &h.cands[h.chosen];
        let target = if cand.source == Source::Capital && !h.as_state {
            cand.city
        } else {
            cand.target
        };
        let Some(t) = gaz.targets.get(target as usize) else {
            continue;
        };
        let (a, b) = (&toks.toks[h.tok], &toks.toks[h.tok + h.len - 1]);
        let (b1, c1) = if h.dot {
            (b.b1 + 1, b.c1 + 1)
        } else {
            (b.b1, b.c1)
        };
        let mention = Mention {
            start: a.c0,
            end: c1,
            text: text[a.b0..b1].to_string(),
        };
        let k = *index.entry(target).or_insert_with(|| {
            out.push(Entity {
                kind: t.kind,
                name: t.name.clone(),
                country: Some(t.code.clone()),
                salience: 0.0,
                mentions: Vec::new(),
            });
            lead.push(false);
            out.len() - 1
        });
        out[k].mentions.push(mention);
        lead[k] |= a.b0 < first_par_end;
    }
    for (e, lead) in out.iter_mut().zip(lead) {
        let count = e.mentions.len() as f32;
        let base = if lead { 0.5 } else { 0.1 };
        let weight = if e.kind == EntityKind::Country {
            1.0
        } else {
            0.8
        };
        e.salience = ((base + 0.5 * (1.0 - 1.0 / (1.0 + count / 2.0))) * weight).min(1.0);
    }
    out
}
