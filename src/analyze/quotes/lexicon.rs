//! Word lists the quote finder needs: speech verbs, titles, organisation
//! words, given names with their usual gender, and country names.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The grammatical gender a name or pronoun suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

/// Verbs that introduce reported speech, in the forms wire copy uses.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "asked",
    "asks",
    "warned",
    "warns",
    "wrote",
    "writes",
    "stated",
    "states",
    "declared",
    "declares",
    "noted",
    "notes",
    "insisted",
    "insists",
    "explained",
    "explains",
    "argued",
    "argues",
    "claimed",
    "claims",
    "acknowledged",
    "admitted",
    "announced",
    "replied",
    "replies",
    "responded",
    "recalled",
    "recalls",
    "continued",
    "complained",
    "predicted",
    "suggested",
    "conceded",
    "tweeted",
    "posted",
    "testified",
    "urged",
    "vowed",
    "promised",
    "pledged",
    "cautioned",
    "observed",
    "remarked",
    "contended",
    "maintained",
    "emphasized",
    "emphasised",
    "stressed",
    "shouted",
    "joked",
    "called",
    "described",
    "agreed",
    "concluded",
    "quipped",
    "boasted",
    "lamented",
    "charged",
    "countered",
    "added",
    "recounted",
    "reiterated",
    "mused",
    "snapped",
    "wondered",
    "thundered",
    "exclaimed",
    "whispered",
    "demanded",
    "conceded",
    "confirmed",
    "denied",
    "blasted",
    "scoffed",
    "chided",
    "pleaded",
    "proclaimed",
    "retorted",
    "summed",
    "telling",
    "saying",
    "adding",
    "writing",
    "asking",
    "warning",
    "calling",
    "describing",
    "noting",
    "explaining",
];

/// Titles and honorifics dropped from the front of a name.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defense",
    "defence",
    "secretary",
    "finance",
    "interior",
    "health",
    "dr.",
    "dr",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "miss",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "gen.",
    "general",
    "lt.",
    "col.",
    "colonel",
    "capt.",
    "captain",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "judge",
    "justice",
    "mayor",
    "chief",
    "ambassador",
    "commissioner",
    "director",
    "professor",
    "prof.",
    "sheikh",
    "speaker",
    "premier",
    "attorney",
    "deputy",
    "former",
    "sgt.",
    "adm.",
    "admiral",
    "rev.",
    "cardinal",
    "bishop",
    "lord",
    "lady",
    "sir",
    "dame",
    "crown",
    "presidential",
    "candidate",
    "nominee",
    "sens.",
    "reps.",
    "state",
    "democratic",
    "republican",
    "democrat",
    "gop",
    "u.s.",
    "spokesman",
    "spokeswoman",
    "lawmaker",
    "congressman",
    "congresswoman",
    "leader",
    "majority",
    "minority",
    "whip",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "executive",
    "officer",
    "emir",
    "ayatollah",
    "maj.",
    "cmdr.",
    "supt.",
    "det.",
    "sergeant",
    "inspector",
    "detective",
    "superintendent",
    "first",
    "lady",
    "acting",
    "interim",
    "opposition",
    "trade",
    "economy",
    "justice",
    "agriculture",
    "education",
    "energy",
    "labor",
    "labour",
    "treasury",
    "homeland",
    "security",
    "national",
    "adviser",
    "advisor",
    "press",
    "white",
    "house",
];

/// Words that make a capitalised phrase an organisation ("Foreign Ministry").
const ORG_WORDS: &[&str] = &[
    "ministry",
    "department",
    "government",
    "party",
    "agency",
    "commission",
    "council",
    "committee",
    "police",
    "army",
    "military",
    "office",
    "court",
    "bank",
    "association",
    "union",
    "institute",
    "university",
    "corp",
    "corp.",
    "inc",
    "inc.",
    "company",
    "group",
    "campaign",
    "times",
    "post",
    "news",
    "press",
    "reuters",
    "service",
    "administration",
    "foundation",
    "board",
    "bureau",
    "organization",
    "organisation",
    "network",
    "center",
    "centre",
    "coalition",
    "federation",
    "fund",
    "authority",
    "parliament",
    "congress",
    "senate",
    "pentagon",
    "kremlin",
    "journal",
    "guard",
    "forces",
    "navy",
    "embassy",
    "club",
    "league",
    "cabinet",
    "tribune",
    "herald",
    "magazine",
    "television",
    "radio",
    "agency",
    "watch",
    "alliance",
    "movement",
    "front",
    "brigade",
    "brigades",
    "ltd",
    "llc",
    "project",
    "coalition",
    "society",
    "house",
    "hospital",
    "school",
    "college",
    "church",
    "airlines",
    "motors",
    "systems",
    "inc.",
    "nations",
    "commission",
    "prosecutors",
    "spokesperson",
    "statement",
    "daily",
    "gazette",
];

/// Lower-case nouns that name an organisation speaker ("the ministry said").
const ORG_NOUNS: &[&str] = &[
    "ministry",
    "government",
    "department",
    "agency",
    "company",
    "police",
    "army",
    "military",
    "campaign",
    "administration",
    "committee",
    "commission",
    "council",
    "court",
    "embassy",
    "firm",
    "group",
    "party",
    "prosecutors",
    "office",
    "statement",
    "report",
    "newspaper",
    "network",
    "organization",
    "organisation",
    "union",
    "bank",
    "board",
    "authorities",
    "spokesperson",
    "regime",
    "cabinet",
    "white",
];

/// Particles that may sit inside a person's name.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "da", "de", "del", "della", "di", "du", "la", "le", "al", "bin",
    "ibn", "el", "dos", "das", "ter", "ten", "y", "st.",
];

fn set(words: &'static [&'static str]) -> HashSet<&'static str> {
    words.iter().copied().collect()
}

/// Tells whether the lower-cased word introduces reported speech.
pub(super) fn is_speech_verb(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(SPEECH_VERBS)).contains(lower)
}

/// Tells whether the lower-cased word is a title or honorific.
pub(super) fn is_title(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(TITLES)).contains(lower)
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

/// Tells whether the lower-cased word is a name particle ("von", "al").
pub(super) fn is_particle(lower: &str) -> bool {
    static S: OnceLock<HashSet<&str>> = OnceLock::new();
    S.get_or_init(|| set(PARTICLES)).contains(lower)
}

/// Returns the usual gender of a given name, when the name list knows it.
pub(super) fn given_name_gender(name: &str) -> Option<Gender> {
    static G: OnceLock<HashMap<&'static str, Gender>> = OnceLock::new();
    G.get_or_init(|| {
        let raw = include_str!("../../../assets/gazetteer/given_names.tsv");
        let mut best: HashMap<&str, (Gender, f64)> = HashMap::new();
        for line in raw.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(n), Some(g), Some(f)) = (cols.next(), cols.next(), cols.next()) else {
                continue;
            };
            let gender = if g == "f" {
                Gender::Female
            } else {
                Gender::Male
            };
            let freq: f64 = f.parse().unwrap_or(0.0);
            let entry = best.entry(n).or_insert((gender, freq));
            if freq > entry.1 {
                *entry = (gender, freq);
            }
        }
        best.into_iter().map(|(n, (g, _))| (n, g)).collect()
    })
    .get(name)
    .copied()
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

/// Returns the short name of a country named by its name or an alias.
pub(super) fn country_name(phrase: &str) -> Option<&'static str> {
    static C: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    C.get_or_init(|| {
        let raw = include_str!("../../../assets/gazetteer/countries.tsv");
        let mut map = HashMap::new();
        for line in raw.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let Some(&name) = cols.get(1) else { continue };
            map.insert(name, name);
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
