//! Every quote's speaker is an entity of its story. The contract says a
//! speaker is an entity's canonical name or null, so that "everything
//! quoting X" is a filter on the entity index. The quote finder reads
//! names of its own from the attribution ("Win Htein said"); this pass
//! links each one to the entity it names, widens an entity to the fuller
//! name the attribution gives, makes a new entity of a name the tagger
//! missed, and drops a speaker that is no name at all ("Thanks").

mod anonymous;
mod text;

use crate::analyze::people::{is_suffix, opens_clause};
use crate::analyze::quotes::initial_of;
use crate::analyze::tagger::lexicon::{self, flag};
use crate::model::{Entity, EntityKind, Mention, Quote};
use foldhash::HashMap;
use text::{Text, occurrences};

/// Links every quote's speaker to an entity (adding or widening one when
/// the text names it), or clears it.
pub fn link(text: &str, entities: &mut Vec<Entity>, quotes: &mut [Quote]) {
    let raw = text;
    let text = Text::new(text);
    let mut renamed: HashMap<String, String> = HashMap::default();
    let mut settled: HashMap<(String, EntityKind), Option<String>> = HashMap::default();
    let mut kinds = kinds_by_name(entities);
    for q in quotes.iter_mut() {
        let (Some(speaker), Some(kind)) = (q.speaker.clone(), q.speaker_kind) else {
            (q.speaker, q.speaker_kind) = (None, None);
            continue;
        };
        if let Some(known) = kinds.get(&speaker) {
            // "Lee County said": the speaker is the entity of that name,
            // whatever kind the attribution suggested.
            if !known.contains(&kind) {
                q.speaker_kind = known.first().copied();
            }
            continue;
        }
        // A speaker resolved once is resolved alike for its later quotes
        // (each resolution scans the text), unless it chose between people
        // by where the quote is.
        let key = (speaker, kind);
        let found = match settled.get(&key) {
            Some(found) => found.clone(),
            None => {
                let (found, by_place) =
                    resolve(&text, entities, &key.0, kind, q.start, &mut renamed);
                kinds = kinds_by_name(entities);
                if !by_place {
                    settled.insert(key, found.clone());
                }
                found
            }
        };
        match found {
            Some(name) => q.speaker = Some(name),
            None => (q.speaker, q.speaker_kind) = (None, None),
        }
    }
    // A quote linked earlier to an entity that was widened or taken in
    // since names it by its new name, and takes that entity's kind.
    for q in quotes.iter_mut() {
        for _ in 0..renamed.len() {
            match q.speaker.as_ref().and_then(|s| renamed.get(s)) {
                Some(new) => q.speaker = Some(new.clone()),
                None => break,
            }
        }
        let Some(known) = q.speaker.as_ref().map(|s| kinds.get(s)) else {
            continue;
        };
        match known {
            Some(known) if q.speaker_kind.is_some_and(|k| known.contains(&k)) => {}
            Some(known) => q.speaker_kind = known.first().copied(),
            None => (q.speaker, q.speaker_kind) = (None, None),
        }
    }
    anonymous::unname(raw, entities, quotes);
}

/// Returns the kinds of entity each name is the canonical name of.
fn kinds_by_name(entities: &[Entity]) -> HashMap<String, Vec<EntityKind>> {
    let mut kinds: HashMap<String, Vec<EntityKind>> = HashMap::default();
    for e in entities {
        kinds.entry(e.name.clone()).or_default().push(e.kind);
    }
    kinds
}

/// Returns the canonical name `speaker` stands for, changing `entities`
/// when the text names a person or organisation they lack, and whether
/// the answer depends on where the quote is (two people share the name).
fn resolve(
    text: &Text,
    entities: &mut Vec<Entity>,
    speaker: &str,
    kind: EntityKind,
    at: usize,
    renamed: &mut HashMap<String, String>,
) -> (Option<String>, bool) {
    if matches!(kind, EntityKind::Country | EntityKind::Place) {
        let found = entities
            .iter()
            .find(|e| {
                matches!(e.kind, EntityKind::Country | EntityKind::Place)
                    && e.mentions.iter().any(|m| m.text == speaker)
            })
            .map(|e| e.name.clone());
        return (found, false);
    }
    let spots = occurrences(text, speaker);
    // "Robert Lewis" said, of "Robert Lewis Dear": every occurrence lies
    // inside the mentions of one entity of the kind.
    let holder = |(start, end): (usize, usize)| {
        entities.iter().position(|e| {
            e.kind == kind && e.mentions.iter().any(|m| m.start <= start && end <= m.end)
        })
    };
    if let Some(first) = spots.first().and_then(|&(s, e, _)| holder((s, e)))
        && spots.iter().all(|&(s, e, _)| holder((s, e)) == Some(first))
    {
        return (Some(entities[first].name.clone()), false);
    }
    // An organisation the attribution spells out ("Federal Bureau of
    // Investigation") that the text writes as its acronym ("FBI").
    if kind == EntityKind::Org && spots.is_empty() {
        let acronym: String = speaker
            .split_whitespace()
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        if acronym.chars().count() >= 2 {
            let owner = entities
                .iter()
                .find(|e| e.kind == kind && e.mentions.iter().any(|m| m.text == acronym));
            return (owner.map(|e| e.name.clone()), false);
        }
    }
    let same: Vec<usize> = (0..entities.len())
        .filter(|&i| {
            let e = &entities[i];
            e.kind == kind && same_name(speaker, &e.name) && !misread(&e.name, kind)
        })
        .collect();
    let found = match same[..] {
        [one] if parts(speaker).len() > parts(&entities[one].name).len() => {
            let old = entities[one].name.clone();
            let to = claim(text, entities, one, speaker, renamed);
            Some(to.map_or(old, |i| entities[i].name.clone()))
        }
        [one] => Some(entities[one].name.clone()),
        [] if name_like(text, speaker, kind) => {
            entities.push(Entity {
                kind,
                name: speaker.to_owned(),
                country: None,
                salience: 0.0,
                mentions: Vec::new(),
            });
            let new = entities.len() - 1;
            let taken = claim(text, entities, new, speaker, renamed);
            if taken.is_none() {
                entities.pop();
            }
            taken.map(|_| speaker.to_owned())
        }
        [] => None,
        // Two people share the surname: the one named last before the quote.
        _ => {
            let nearest = same.iter().map(|&i| &entities[i]).max_by_key(|e| {
                e.mentions
                    .iter()
                    .map(|m| m.start)
                    .filter(|&s| s <= at)
                    .max()
            });
            return (nearest.map(|e| e.name.clone()), true);
        }
    };
    (found, false)
}

/// Gives entity `to` a mention at every whole-word occurrence of `name`
/// and names it so, taking over the mentions of its own kind that lie
/// inside one; an entity left without mentions is gone, recorded as
/// renamed. An occurrence that overlaps another kind's mention, or runs
/// partly over one, is not taken. Returns the entity's index when some
/// occurrence was taken, and changes nothing when none was.
fn claim(
    text: &Text,
    entities: &mut Vec<Entity>,
    to: usize,
    name: &str,
    renamed: &mut HashMap<String, String>,
) -> Option<usize> {
    let kind = entities[to].kind;
    let mut taken = Vec::new();
    for (start, end, written) in occurrences(text, name) {
        let overlaps = |m: &Mention| m.start < end && start < m.end;
        let free = entities.iter().enumerate().all(|(i, e)| {
            e.mentions.iter().filter(|m| overlaps(m)).all(|m| {
                // An organisation's name holds places ("New Hampshire
                // Union Leader"); a person's name takes in none.
                let kin = i == to || e.kind == kind || kind == EntityKind::Org;
                kin && start <= m.start && m.end <= end
            })
        });
        if free {
            taken.push((start, end, written));
        }
    }
    if taken.is_empty() {
        return None;
    }
    for &(start, end, written) in &taken {
        for e in entities.iter_mut() {
            e.mentions.retain(|m| !(m.start < end && start < m.end));
        }
        entities[to].mentions.push(Mention {
            start,
            end,
            text: written.to_owned(),
        });
    }
    entities[to].mentions.sort_by_key(|m| m.start);
    if entities[to].name != name {
        let old = std::mem::replace(&mut entities[to].name, name.to_owned());
        renamed.insert(old, name.to_owned());
    }
    for e in entities.iter().filter(|e| e.mentions.is_empty()) {
        renamed.insert(e.name.clone(), name.to_owned());
    }
    entities.retain(|e| !e.mentions.is_empty());
    entities
        .iter()
        .position(|e| e.name == name && e.kind == kind)
}

/// A name's words lower-cased without marks or a possessive, generational
/// suffixes left out.
fn parts(name: &str) -> Vec<String> {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1 && words.last().is_some_and(|w| is_suffix(w)) {
        words.pop();
    }
    words
        .into_iter()
        .map(|w| {
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            w.chars()
                .filter(|c| c.is_alphanumeric() || *c == '-')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether two names can be the same person or organisation: the same
/// last word, and first words that agree (or one is an initial) when both
/// have one, or the shorter name's words ending the longer's
/// ("Christopher Stevens" of "J. Christopher Stevens").
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (parts(a), parts(b));
    if a.last().is_none() || a.last() != b.last() {
        return false;
    }
    if a.len() < 2 || b.len() < 2 || a.ends_with(&b) || b.ends_with(&a) {
        return true;
    }
    a[0] == b[0] || initial_of(&a[0], &b[0])
}

/// Whether an entity's name opens with a word that is no part of a name
/// ("Supporters Carson"), or is a person's name run on into an
/// affiliation ("Patrick Murray of Monmouth"): a speaker is not linked to
/// such a misreading.
fn misread(name: &str, kind: EntityKind) -> bool {
    if kind == EntityKind::Person && name.contains(" of ") {
        return true;
    }
    let mut ws = name.split_whitespace();
    let (Some(first), Some(_)) = (ws.next(), ws.next()) else {
        return false;
    };
    opens_clause(first) || no_name_word(first, true)
}

/// Whether a capitalised word reads as no name: a common word, title,
/// demonym, month or place word that no name list knows, or, for a word
/// standing alone (`alone`), a word shaped like an adverb, a verb form,
/// an abstract noun or a plural.
fn no_name_word(word: &str, alone: bool) -> bool {
    let f = lexicon::get().word(word.trim_end_matches('.'));
    if f & (flag::GIVEN | flag::SURNAME) != 0 {
        return false;
    }
    let not_name = flag::COMMON
        | flag::TITLE
        | flag::CALENDAR
        | flag::DEMONYM
        | flag::COUNTRY
        | flag::PLACE_WORD
        | if alone { flag::CITY } else { 0 };
    let lower = word.to_lowercase();
    let shaped = ["ly", "ed", "ing", "ous", "ism", "ness", "ment", "tion"]
        .iter()
        .any(|s| lower.ends_with(s))
        || lower.len() >= 4
            && lower.ends_with('s')
            && !["ss", "us", "is"].iter().any(|s| lower.ends_with(s));
    f & not_name != 0 || alone && shaped
}

/// Whether a speaker the quote finder read is a name worth an entity:
/// capitalised words and no headline in capitals; a lone word that is no
/// common word, is not shaped like one, and that the text never writes in
/// lower case; a person's longer name that opens with a given name or an
/// initial, or else has no common word, title, demonym or place word and
/// no plural noun at its end.
fn name_like(text: &Text, name: &str, kind: EntityKind) -> bool {
    let ws: Vec<&str> = name.split_whitespace().collect();
    if ws.is_empty() || ws.len() > 5 || opens_clause(ws[0]) {
        return false;
    }
    let lx = lexicon::get();
    let flags = |w: &str| lx.word(w.trim_end_matches('.'));
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).collect::<Vec<_>>();
    for w in &ws {
        let letters = letters(w);
        let Some(first) = letters.first() else {
            return false;
        };
        if flags(w) & flag::PARTICLE != 0 && first.is_lowercase() {
            continue;
        }
        // Capitals: an acronym that names an organisation ("FBI"), never
        // a person nor a headline.
        let capitals = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let acronym = kind == EntityKind::Org && ws.len() == 1 && letters.len() <= 5;
        if !first.is_uppercase() || capitals && !acronym {
            return false;
        }
    }
    if let [word] = ws[..] {
        return !no_name_word(word, true) && occurrences(text, &word.to_lowercase()).is_empty();
    }
    if kind == EntityKind::Person {
        let opens_name = flags(ws[0]) & flag::GIVEN != 0 || letters(ws[0]).len() == 1;
        if !opens_name && ws.iter().any(|w| no_name_word(w, false)) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests;
