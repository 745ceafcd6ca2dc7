//! Word lists the quote finder needs: speech verbs, titles, organisation
//! words, given names with their usual gender, and country names.

use crate::analyze::tables::{COUNTRIES, GIVEN_NAMES, PLACES, SURNAMES, US_STATES, rows};
use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

/// The grammatical gender a name or pronoun suggests: the people module's.
pub(super) use crate::analyze::people::Gender;

/// Verbs that introduce reported speech, in the forms wire copy uses.
const SPEECH_VERBS: &str = include_str!("words/speech_verbs.txt");

/// Titles and honorifics dropped from the front of a name.
const TITLES: &str = include_str!("words/titles.txt");

/// Titles that only people carry.
const PERSON_TITLES: &str = include_str!("words/person_titles.txt");

/// Words that make a capitalised phrase an organisation ("Foreign Ministry").
const ORG_WORDS: &str = include_str!("words/org_words.txt");

/// Lower-case nouns that name an organisation speaker ("the ministry said").
const ORG_NOUNS: &str = include_str!("words/org_nouns.txt");

/// Particles that may sit inside a person's name.
const PARTICLES: &str = include_str!("words/particles.txt");

/// Reads a word list: words separated by white space, `#` lines are comments.
fn set(list: &'static str) -> HashSet<&'static str> {
    list.lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::split_whitespace)
        .collect()
}

/// Tells whether the lower-cased word introduces reported speech.
pub(super) fn is_speech_verb(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(SPEECH_VERBS)).contains(lower)
}

/// Tells whether the lower-cased word is a title or honorific.
pub(crate) fn is_title(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(TITLES)).contains(lower)
}

/// Tells whether the lower-cased title is one only people carry ("Sen.",
/// "Judge"), unlike "National" or "Former".
pub(crate) fn is_person_title(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(PERSON_TITLES)).contains(lower)
}

/// Tells whether the lower-cased word marks an organisation name.
pub(super) fn is_org_word(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(ORG_WORDS)).contains(lower)
}

/// Tells whether the lower-cased word is an organisation noun.
pub(super) fn is_org_noun(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(ORG_NOUNS)).contains(lower)
}

/// Tells whether the lower-cased noun names a government body that speaks
/// for its country ("Russia's embassy", "the British government").
pub(super) fn is_govt_noun(lower: &str) -> bool {
    matches!(
        lower,
        "ministry"
            | "government"
            | "embassy"
            | "treasury"
            | "delegation"
            | "cabinet"
            | "presidency"
            | "mission"
            | "consulate"
            | "administration"
            | "office"
    )
}

/// Returns the country a seat of government speaks for ("the Kremlin",
/// "the White House", "Downing Street"), as the country list names it.
pub(super) fn seat_country(phrase: &str) -> Option<&'static str> {
    let code = match phrase {
        "Kremlin" => "RU",
        "White House" => "US",
        "State Department" => "US",
        "Downing Street" | "Foreign Office" | "Whitehall" => "GB",
        "Elysee" | "Élysée" | "Elysée" | "Quai d'Orsay" => "FR",
        "Blue House" => "KR",
        "Zhongnanhai" => "CN",
        _ => return None,
    };
    country_by_code(code)
}

/// Returns the short name of the country with this ISO code.
fn country_by_code(code: &str) -> Option<&'static str> {
    rows(COUNTRIES)
        .find(|r| r.first() == Some(&code))
        .and_then(|r| r.get(1).copied())
}

/// Tells whether the lower-cased word is a name particle ("von", "al").
pub(super) fn is_particle(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(PARTICLES)).contains(lower)
}

/// Tells whether a word in any case is a name particle ("van", "Al"),
/// copying it to lower case only when it has a capital: most words tried
/// here are the lower-case words after a name.
pub(super) fn is_particle_any_case(word: &str) -> bool {
    if word.chars().any(char::is_uppercase) {
        is_particle(&word.to_lowercase())
    } else {
        is_particle(word)
    }
}

/// Tells whether the name list knows the word, as written, as a given name.
pub(super) fn is_given_name(name: &str) -> bool {
    static G: OnceLock<HashSet<&'static str>> = OnceLock::new();
    G.get_or_init(|| {
        rows(GIVEN_NAMES)
            .filter_map(|r| r.first().copied())
            .collect()
    })
    .contains(name)
}

/// Returns the usual gender of a given name, when the name list knows the
/// name and one gender clearly carries it: by the tagger lexicon's rule,
/// so a name both genders carry often ("Dana", "Leslie") has none.
pub(super) fn given_name_gender(name: &str) -> Option<Gender> {
    if is_given_name(name) {
        crate::analyze::people::gender(name)
    } else {
        None
    }
}

/// Returns the gender a full name's given name tells: none when the name
/// reads family name first ("Kim Jong Un", "Lee Jae-myung": "Kim" and
/// "Lee" are family names there, not the given names of "Kim Kardashian").
pub(super) fn name_gender(words: &[&str]) -> Option<Gender> {
    use crate::analyze::tagger::lexicon::{self, flag};
    let lx = lexicon::get();
    let family_first = words.len() >= 2
        && lx.word(words[0]) & flag::SURNAME_FIRST != 0
        && (words.len() == 3 || words[1].contains('-'))
        && words[1..]
            .iter()
            .all(|w| lx.word(w) & flag::GIVEN_COMMON == 0);
    if family_first {
        return None;
    }
    given_name_gender(words.first()?)
}

/// Tells whether the training corpora write the word mostly in lower case
/// ("hours", "back", "ever"): a common word, whatever its case here.
pub(super) fn is_common_word(word: &str) -> bool {
    use crate::analyze::tagger::lexicon::{self, flag};
    lexicon::get().word(word) & flag::COMMON != 0
}

/// Tells whether the word is a surname the surname list knows ("Baker").
pub(super) fn is_surname(name: &str) -> bool {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| rows(SURNAMES).filter_map(|r| r.first().copied()).collect())
        .contains(name)
}

/// Tells whether a phrase names a place: a US state, or a town of the
/// gazetteer when the phrase has more than one word (single words such as
/// "Obama" or "Carson" are towns and surnames both).
pub(super) fn is_place(phrase: &str) -> bool {
    static S: OnceLock<(HashSet<&'static str>, HashSet<&'static str>)> = OnceLock::new();
    let (states, towns) = S.get_or_init(|| {
        let states = rows(US_STATES).filter_map(|r| r.first().copied()).collect();
        let towns = rows(PLACES)
            .filter_map(|r| r.first().copied())
            .filter(|n| n.contains(' '))
            .collect();
        (states, towns)
    });
    states.contains(phrase) || towns.contains(phrase)
}

/// Returns the gender an honorific implies ("Mrs." is female).
pub(super) fn honorific_gender(lower: &str) -> Option<Gender> {
    match lower {
        "mr." | "mr" | "sir" | "king" | "prince" | "lord" | "congressman" | "spokesman"
        | "chairman" => Some(Gender::Male),
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "queen" | "princess" | "lady" | "dame"
        | "congresswoman" | "spokeswoman" | "chairwoman" => Some(Gender::Female),
        _ => None,
    }
}

/// Returns the gender a word of kinship or a gendered noun tells of the
/// person it stands beside ("his sister Kim Yo Jong", "Kim Yo Jong, the
/// sister of …", "the actress Ana Ruiz").
pub(super) fn kin_gender(lower: &str) -> Option<Gender> {
    match lower {
        "brother" | "father" | "son" | "husband" | "widower" | "uncle" | "nephew"
        | "grandfather" | "grandson" | "boyfriend" | "businessman" | "actor" => Some(Gender::Male),
        "sister" | "mother" | "daughter" | "wife" | "widow" | "aunt" | "niece" | "grandmother"
        | "granddaughter" | "girlfriend" | "businesswoman" | "actress" => Some(Gender::Female),
        _ => None,
    }
    .or_else(|| honorific_gender(lower))
}

/// Returns the short name of a country named by its name or an alias.
pub(super) fn country_name(phrase: &str) -> Option<&'static str> {
    static C: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    C.get_or_init(|| {
        let mut map = HashMap::default();
        for cols in rows(COUNTRIES) {
            let Some(&name) = cols.get(1) else { continue };
            map.insert(name, name);
            // A capital speaks for its government ("Seoul said").
            for capital in cols.get(3).map_or("", |c| c).split('|') {
                if !capital.is_empty() {
                    map.entry(capital).or_insert(name);
                }
            }
            if let Some(official) = cols.get(2) {
                map.insert(official, name);
            }
            for alias in cols
                .get(5)
                .map_or("", |a| a)
                .split('|')
                .filter(|a| !a.is_empty())
            {
                map.insert(alias, name);
            }
        }
        map
    })
    .get(phrase)
    .copied()
}
