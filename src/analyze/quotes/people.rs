//! Names people and organisations in the text, and resolves a speaker phrase
//! ("Okonkwo-Reyes", "she", "the ministry") to the fullest name used.

use super::lexicon::{
    Gender, country_name, given_name_gender, honorific_gender, is_org_word, is_particle,
    is_person_title, is_title,
};
use super::tokens::Tok;
use crate::model::{Entity, EntityKind};
use std::collections::HashSet;

/// A person the text names in full.
#[derive(Debug, Clone)]
struct Person {
    /// The fullest form used ("Amara Okonkwo-Reyes").
    name: String,
    first: String,
    last: String,
    gender: Option<Gender>,
    /// Whether a given name or a title shows that this is a person.
    sure: bool,
}

/// The people of one text and where each is named.
#[derive(Debug, Default)]
pub(super) struct People {
    persons: Vec<Person>,
    /// (byte offset, index into `persons`), in text order.
    mentions: Vec<(usize, usize)>,
    /// Every given name and surname of `persons`, so unknown words skip the search.
    words: HashSet<String>,
}

/// A resolved speaker: canonical name (when known) and kind.
pub(super) type Speaker = (Option<String>, Option<EntityKind>);

/// Capitalised words that open sentences rather than names.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "when",
    "if",
    "as",
    "after",
    "before",
    "while",
    "yet",
    "so",
    "then",
    "it",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "by",
    "from",
    "with",
    "of",
    "to",
    "also",
    "asked",
    "still",
    "now",
    "even",
    "though",
    "although",
    "because",
    "since",
    "until",
    "meanwhile",
    "however",
    "instead",
    "during",
    "under",
    "over",
    "about",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
];

fn is_stop(lower: &str) -> bool {
    STOP.contains(&lower)
}

/// Strips leading stop words and titles; returns the rest and any gender a
/// title implied, and whether a title that only people carry was present.
fn strip<'a>(words: &[&'a str]) -> (Vec<&'a str>, Option<Gender>, bool) {
    let mut gender = None;
    let mut titled = false;
    let mut i = 0;
    // The last word is never a title ("Mr. King").
    while i + 1 < words.len() {
        let lower = words[i].to_lowercase();
        if is_stop(&lower) && !titled {
            i += 1;
        } else if is_title(&lower) {
            gender = gender.or(honorific_gender(&lower));
            titled |= is_person_title(&lower);
            i += 1;
        } else {
            break;
        }
    }
    // A title later in the run ("Massachusetts Sen. Elizabeth Warren") starts the name.
    let mut rest = &words[i..];
    if let Some(t) = rest.iter().rposition(|w| is_title(&w.to_lowercase()))
        && t + 1 < rest.len()
    {
        let lower = rest[t].to_lowercase();
        gender = gender.or(honorific_gender(&lower));
        titled |= is_person_title(&lower);
        rest = &rest[t + 1..];
    }
    (rest.to_vec(), gender, titled)
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Tells whether the phrase names an organisation.
fn is_org(words: &[&str]) -> bool {
    words.iter().any(|w| is_org_word(&w.to_lowercase()))
        || (words.len() == 1 && is_acronym(words[0]))
}

/// Tells whether `toks[at..]` is one or more particles and then a
/// capitalised word ("von der Heide").
pub(super) fn particles_then_name(toks: &[Tok<'_>], at: usize) -> bool {
    let mut j = at;
    while toks
        .get(j)
        .is_some_and(|t| is_particle(&t.text.to_lowercase()))
    {
        j += 1;
    }
    j > at && toks.get(j).is_some_and(Tok::is_cap)
}

/// Strips a possessive ending ("Trump's"), telling whether there was one.
pub(super) fn unpossess(word: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return (stem, true);
        }
    }
    (word, false)
}

/// Returns the runs of capitalised words (with particles and initials inside).
pub(super) fn cap_runs<'a>(toks: &[Tok<'a>]) -> Vec<(usize, Vec<&'a str>)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_cap() {
            i += 1;
            continue;
        }
        let start = toks[i].start;
        let (first, mut done) = unpossess(toks[i].text);
        let mut words = vec![first];
        let mut j = i + 1;
        while j < toks.len() && !done {
            let t = toks[j];
            if t.is_cap() {
                let (w, possessive) = unpossess(t.text);
                words.push(w);
                done = possessive;
            } else if particles_then_name(toks, j) {
                words.push(t.text);
            } else {
                break;
            }
            j += 1;
        }
        runs.push((start, words));
        i = j;
    }
    runs
}

impl People {
    /// Collects the people named in the text and every place each is named.
    pub(super) fn collect(toks: &[Tok<'_>], entities: &[Entity]) -> People {
        let mut people = People::default();
        for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
            let words: Vec<&str> = e.name.split_whitespace().collect();
            people.register(&words, None, true);
        }
        let runs = cap_runs(toks);
        for (pos, words) in &runs {
            let (rest, gender, titled) = strip(words);
            let lone_title = rest.len() == 1 && is_title(&rest[0].to_lowercase());
            if rest.is_empty() || rest.len() > 5 || lone_title || is_org(&rest) {
                continue;
            }
            if country_name(&rest.join(" ")).is_some() {
                continue;
            }
            let given = given_name_gender(rest[0]);
            if rest.len() >= 2 || titled {
                let sure = titled || given.is_some();
                if rest.len() >= 2 {
                    let idx = people.register(&rest, gender.or(given), sure);
                    people.mentions.push((*pos, idx));
                    continue;
                }
            }
            let found = people.find_single(rest[0], *pos);
            // "President Obama" names a person even when no full name came first.
            let found = found.or_else(|| titled.then(|| people.register(&rest, gender, true)));
            if let Some(idx) = found {
                people.mentions.push((*pos, idx));
                if let Some(g) = gender {
                    people.persons[idx].gender.get_or_insert(g);
                }
            }
        }
        people
    }

    /// Adds a full name (or lengthens a known one) and returns its index.
    fn register(&mut self, words: &[&str], gender: Option<Gender>, sure: bool) -> usize {
        let first = words[0].to_string();
        let last = words[words.len() - 1].to_string();
        let name = words.join(" ");
        if let Some(idx) = self
            .persons
            .iter()
            .position(|p| p.last == last && (p.first == first || initial_of(&p.first, &first)))
        {
            let p = &mut self.persons[idx];
            if name.len() > p.name.len() {
                p.name = name;
                p.first = first.clone();
                self.words.insert(first);
            }
            p.gender = p.gender.or(gender);
            p.sure |= sure;
            return idx;
        }
        self.words.insert(first.clone());
        self.words.insert(last.clone());
        self.persons.push(Person {
            name,
            first,
            last,
            gender,
            sure,
        });
        self.persons.len() - 1
    }

    /// Finds the person a single name refers to: the one with that surname
    /// (or given name) named most recently before `pos`, else the first.
    fn find_single(&self, word: &str, pos: usize) -> Option<usize> {
        if !self.words.contains(word) {
            return None;
        }
        let matches = |i: usize| {
            let p = &self.persons[i];
            p.last == word || p.first == word
        };
        self.mentions
            .iter()
            .rev()
            .find(|&&(at, i)| at < pos && matches(i))
            .map(|&(_, i)| i)
            .or_else(|| (0..self.persons.len()).find(|&i| self.persons[i].last == word))
    }

    /// Resolves a pronoun to the last person named before `pos` whose gender
    /// fits.
    pub(super) fn pronoun(&self, gender: Gender, pos: usize) -> Speaker {
        self.nearest(Some(gender), pos)
    }

    /// Resolves a role ("the president", "the spokeswoman") to the last person
    /// named before `pos` whose gender fits, if the role implies one.
    pub(super) fn nearest(&self, gender: Option<Gender>, pos: usize) -> Speaker {
        let fits = |i: usize| {
            let p = &self.persons[i];
            match gender {
                Some(g) => p.gender == Some(g) || (p.gender.is_none() && p.sure),
                None => p.sure,
            }
        };
        let found = self
            .mentions
            .iter()
            .rev()
            .find(|&&(at, i)| at < pos && fits(i))
            .map(|&(_, i)| self.persons[i].name.clone());
        match found {
            Some(name) => (Some(name), Some(EntityKind::Person)),
            None => (None, Some(EntityKind::Person)),
        }
    }

    /// Resolves a capitalised speaker phrase to a canonical name and kind.
    pub(super) fn phrase(&self, words: &[&str], pos: usize) -> Speaker {
        let (rest, gender, _) = strip(words);
        if rest.len() == 1 && is_title(&rest[0].to_lowercase()) {
            return self.nearest(gender.or(honorific_gender(&rest[0].to_lowercase())), pos);
        }
        if rest.is_empty() {
            let named: Vec<&str> = words
                .iter()
                .copied()
                .skip_while(|w| is_stop(&w.to_lowercase()))
                .collect();
            if is_org(&named) {
                return (Some(named.join(" ")), Some(EntityKind::Org));
            }
            return (None, None);
        }
        let joined = rest.join(" ");
        if let Some(country) = country_name(&joined) {
            return (Some(country.to_string()), Some(EntityKind::Country));
        }
        if is_org(&rest) {
            let named: Vec<&str> = words
                .iter()
                .copied()
                .skip_while(|w| is_stop(&w.to_lowercase()))
                .collect();
            return (Some(named.join(" ")), Some(EntityKind::Org));
        }
        // "de la Cruz" and "Da Silveira" are short forms too.
        let core: Vec<&str> = rest
            .iter()
            .copied()
            .skip_while(|w| is_particle(&w.to_lowercase()))
            .collect();
        let idx = if core.len() == 1 {
            self.find_single(core[0], pos)
        } else {
            let (first, last) = (rest[0], rest[rest.len() - 1]);
            self.persons
                .iter()
                .position(|p| p.last == last && (p.first == first || initial_of(&p.first, first)))
        };
        let name = idx.map_or(joined, |i| self.persons[i].name.clone());
        (Some(name), Some(EntityKind::Person))
    }
}

/// Tells whether `short` is an initial ("B.") of `full`, or the other way.
fn initial_of(a: &str, b: &str) -> bool {
    let ini = |s: &str| s.trim_end_matches('.').chars().count() == 1;
    let head = |s: &str| s.chars().next();
    (ini(a) || ini(b)) && head(a) == head(b)
}
