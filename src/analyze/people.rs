//! People: the tagger's person names, cleaned of titles, resolved within the
//! story so that every person has one canonical name (the fullest form the
//! story uses) and every mention, down to a lone "Trump's", points to it.
//!
//! Resolution, in order: full names (two words or more) are grouped when
//! they share a surname and compatible given names ("Donald Trump",
//! "Donald J. Trump"); then every lone word that is a known person's
//! surname (or the first word of a surname-first name such as "Xi
//! Jinping") becomes a mention of the nearest such person before it (after
//! it when none is before), so two people who share a surname stay two.

mod name;
mod rules;
mod title_case;

use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{Kind, Shape, Span, Tok};
pub use name::{Gender, gender};
use name::{Name, surname_keys};
pub(crate) use name::{is_suffix, opens_clause};

/// One person mention: tokens `start..end`.
#[derive(Debug, Clone, Copy)]
pub struct PersonMention {
    pub start: usize,
    pub end: usize,
    /// Index of the person in [`Resolved::people`].
    pub person: usize,
}

/// A person of the story.
#[derive(Debug, Clone)]
pub struct Person {
    /// The canonical name.
    pub name: String,
    pub gender: Option<Gender>,
}

/// The people of one story with their mentions, in text order.
#[derive(Debug, Default)]
pub struct Resolved {
    pub people: Vec<Person>,
    pub mentions: Vec<PersonMention>,
}

/// Resolves the tagger's person spans of a text (and the lone surnames it
/// missed) into people; `countries` marks the tokens of country names.
pub fn resolve(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    spans: &[Span],
    countries: &[bool],
) -> Resolved {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    // Where the tagger itself began a person's name, before any repair.
    let mut opened = vec![false; toks.len()];
    for s in spans.iter().filter(|s| s.kind == Kind::Per) {
        opened[s.start] = true;
    }
    let spans = rules::repair(text, toks, flags, spans, countries);
    // "Douglas & Lomason" is a firm, not two people, and so is a name
    // whose shares rose or that an apposition calls a company.
    let firm = |s: usize, e: usize| {
        let amp = |i: usize| i < toks.len() && word(i) == "&";
        (s > 0 && amp(s - 1))
            || amp(e)
            || crate::analyze::orgs::shares_moved(text, toks, e)
            || (flags[s] & flag::GIVEN == 0 || e - s == 1)
                && crate::analyze::orgs::firm_apposition(text, toks, flags, e)
    };
    let names: Vec<Name> = spans
        .iter()
        .filter(|s| s.kind == Kind::Per && !firm(s.start, s.end))
        .filter_map(|s| Name::clean(text, toks, flags, &opened, s.start, s.end))
        .collect();
    let title_case = title_case::title_case_tokens(text, toks);
    let mut names = title_case::narrow(text, toks, flags, names, &title_case);
    let mut out = Resolved::default();
    // Full names first: each group of compatible full names is one person.
    let mut full: Vec<(usize, Name)> = Vec::new();
    // Whether each person is introduced as someone's kin ("his sister Kim
    // Yo Jong"), by index into `out.people`.
    let mut kin: Vec<bool> = Vec::new();
    for n in names.iter().filter(|n| n.end - n.start >= 2) {
        let same = full.iter().position(|(_, f)| f.same_person(n, text, toks));
        match same {
            Some(k) => {
                // The fullest form, but never a headline's capitals over
                // the prose's ("DONALD TRUMP" above "Donald Trump").
                let (new, old) = (n.shouted(text, toks), full[k].1.shouted(text, toks));
                let longer = n.len_chars(toks) > full[k].1.len_chars(toks);
                if old && !new || old == new && longer {
                    let person = full[k].0;
                    out.people[person].name = n.text(text, toks);
                    out.people[person].gender = out.people[person].gender.or(n.gender);
                    full[k].1 = *n;
                }
            }
            None => {
                out.people.push(Person {
                    name: n.text(text, toks),
                    gender: n.gender,
                });
                kin.push(kin_before(text, toks, n.start));
                full.push((out.people.len() - 1, *n));
            }
        }
    }
    // Surname keys of every full name, for the lone words.
    let mut keys: Vec<(u64, usize)> = Vec::new();
    // A first word that is another full name's surname is no key of this
    // one: "Trump Tower" read as a name takes no lone "Trump".
    let surnames: foldhash::HashSet<u64> = full
        .iter()
        .map(|(_, n)| toks[n.surname(text, toks)].hash)
        .collect();
    for (person, n) in &full {
        let own = toks[n.surname(text, toks)].hash;
        for k in surname_keys(text, toks, flags, n) {
            if k != own && k == toks[n.start].hash && surnames.contains(&k) {
                continue;
            }
            keys.push((k, *person));
        }
    }
    // Lone words: capitalised words that are a known surname, outside
    // every longer name.
    let mut busy = vec![false; toks.len()];
    for n in names.iter().filter(|n| n.end - n.start >= 2) {
        busy[n.start..n.end].iter_mut().for_each(|b| *b = true);
    }
    for s in spans
        .iter()
        .filter(|s| s.kind != Kind::Per && s.end - s.start >= 2)
    {
        busy[s.start..s.end].iter_mut().for_each(|b| *b = true);
    }
    for n in names.iter().filter(|n| n.end - n.start == 1) {
        busy[n.start] = true;
    }
    let key_set: foldhash::HashSet<u64> = keys.iter().map(|&(k, _)| k).collect();
    // A surname inside a longer capitalised run names something else
    // ("Labor Day", "El Al", "Jackson Hole").
    let joined =
        |a: usize, b: usize| b < toks.len() && !toks[b].line_start && toks[b].b0 == toks[a].b1 + 1;
    let word_of_run = |k: usize| {
        toks[k].shape == Shape::Title && !countries[k] && !key_set.contains(&toks[k].hash)
    };
    let lone_from = names.len();
    for i in 0..toks.len() {
        let in_run = toks[i].shape == Shape::Title
            && ((i > 0 && joined(i - 1, i) && word_of_run(i - 1) && !toks[i - 1].sent_start)
                || (joined(i, i + 1) && word_of_run(i + 1)));
        // A country's possessive before its ruler is no one's surname
        // ("Jordan's King Abdullah" after "Michael Jordan").
        let ruled = countries[i]
            && toks
                .get(i + 1)
                .is_some_and(|t| t.shape == Shape::Possessive)
            && i + 2 < toks.len()
            && crate::analyze::places::is_ruler(&word(i + 2).to_lowercase());
        if busy[i]
            || ruled
            || !toks[i].shape.capitalised()
            || !key_set.contains(&toks[i].hash)
            || firm(i, i + 1)
            || in_run
        {
            continue;
        }
        // Two surnames side by side ("Suu Kyi", "García Harfuch") are one
        // short name, not two lone ones.
        if let Some(prev) = names[lone_from..]
            .last_mut()
            .filter(|p| p.end == i && i > 0 && joined(i - 1, i))
        {
            prev.end = i + 1;
            continue;
        }
        names.push(Name::single(i, flags, toks));
    }
    names.sort_by_key(|n| n.start);
    for n in &names {
        let person = if n.end - n.start >= 2 {
            full.iter()
                .find(|(_, f)| f.same_person(n, text, toks))
                .map(|(p, _)| *p)
        } else {
            nearest(&keys, &kin, &out.mentions, toks[n.start].hash, n.start)
        };
        // "Gohar" after "Gohar Ali Khan", "Anutin" after "Anutin
        // Charnvirakul": a given name no list knows, which copy from many
        // countries uses alone, is the one full name it opens. A name the
        // lists know ("Donald") stays apart, as before.
        let person = person.or_else(|| {
            let known = flag::GIVEN
                | flag::GIVEN_COMMON
                | flag::SURNAME
                | flag::SURNAME_COMMON
                | flag::TITLE
                | flag::COMMON;
            // Nor a word that opens an organisation's name ("Pirelli" of
            // "Pirelli SpA").
            let h = toks[n.start].hash;
            let opens_org = spans
                .iter()
                .any(|s| s.kind == Kind::Org && toks[s.start].hash == h);
            if n.end - n.start != 1 || flags[n.start] & known != 0 || opens_org {
                return None;
            }
            // Not a firm read as a full name ("Pirelli Cables").
            let firmish = flag::ORG_END | flag::ORG_START | flag::COMMON;
            let mut opens = full.iter().filter(|(_, f)| {
                f.end - f.start >= 2
                    && toks[f.start].hash == h
                    && (f.start + 1..f.end).all(|k| flags[k] & firmish == 0)
            });
            match (opens.next(), opens.next()) {
                (Some((p, _)), None) => Some(*p),
                _ => None,
            }
        });
        let person = match person {
            Some(p) => p,
            None => {
                // A lone name no full name explains: a person of its own,
                // shared by its later uses.
                out.people.push(Person {
                    name: word(n.start).to_string(),
                    gender: n.gender,
                });
                keys.push((toks[n.start].hash, out.people.len() - 1));
                kin.push(false);
                out.people.len() - 1
            }
        };
        out.mentions.push(PersonMention {
            start: n.start,
            end: n.end,
            person,
        });
    }
    out
}

/// Words that introduce a person as someone's kin.
const KIN: [&str; 16] = [
    "sister",
    "brother",
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "niece",
    "nephew",
    "cousin",
    "uncle",
    "aunt",
    "widow",
    "grandson",
    "granddaughter",
];

/// Tells whether the name at token `at` follows a word of kinship ("his
/// sister Kim Yo Jong", "her husband, Bill Doe").
fn kin_before(text: &str, toks: &[Tok], at: usize) -> bool {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    let k = match at.checked_sub(1) {
        Some(c) if word(c) == "," => c.checked_sub(1),
        before => before,
    };
    // Lower case only: "Sister Mary Walsh" is a nun, "Father Doe" a priest.
    k.is_some_and(|k| KIN.contains(&word(k)))
}

/// The person a lone surname at token `at` names: the one of that surname
/// mentioned last before it, else the first one after it. A person the
/// story introduced as someone's kin is named in full, as wire copy names
/// a leader's sister or a president's son, so the lone surname goes to
/// the others when there are others.
fn nearest(
    keys: &[(u64, usize)],
    kin: &[bool],
    mentions: &[PersonMention],
    h: u64,
    at: usize,
) -> Option<usize> {
    let mut candidates: Vec<usize> = keys
        .iter()
        .filter(|&&(k, _)| k == h)
        .map(|&(_, p)| p)
        .collect();
    let named = |p: &usize| !kin.get(*p).copied().unwrap_or(false);
    if candidates.iter().any(named) {
        candidates.retain(named);
    }
    match candidates.as_slice() {
        [] => None,
        [one] => Some(*one),
        many => mentions
            .iter()
            .rev()
            .find(|m| m.start < at && many.contains(&m.person))
            .map(|m| m.person)
            .or(Some(many[0])),
    }
}

/// Whether a word is a title or honorific (never part of a name).
pub fn is_title(flags: u32) -> bool {
    flags & flag::TITLE != 0
}

#[cfg(test)]
mod tests;
