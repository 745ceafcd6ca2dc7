//! The gazetteer: country, state and city names from `assets/gazetteer/`,
//! loaded once into hash maps keyed by normalised word sequences.

use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

use super::lexicon::{
    EXTRA, LOCATIVES, NAME_PARTICLES, NOT_FIRST_NAMES, NOT_PLACES, ORG_HEADS, ORG_TAILS,
    STATE_NAMES, STATE_VERBS,
};
use super::tokens::tokenize;
use crate::model::EntityKind;

use crate::analyze::tables::{
    COUNTRIES, COUNTRY_ALIASES as ALIASES, GIVEN_NAMES as GIVEN, PLACES, REGIONS, SURNAMES,
    US_STATES as STATES, rows,
};

/// Where a name comes from; earlier sources win over later ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Source {
    /// A country's name or short form.
    Country,
    /// A nationality word ("North Korean", "Iraqis").
    Demonym,
    /// A seat of power that always stands for its state ("the Kremlin").
    Seat,
    /// A capital city.
    Capital,
    /// A US state, or a wire-service abbreviation of one.
    State,
    /// A city of the GeoNames table.
    City,
    /// A variant spelling of a country name, or a region such as Scotland.
    Alias,
}

/// One thing a name can refer to.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cand {
    /// Index into [`Gazetteer::targets`].
    pub target: u32,
    /// For a capital, the city as a place; otherwise `u32::MAX`.
    pub city: u32,
    pub source: Source,
    /// A city's population; for an alias, [`NATION`] when it names a nation
    /// that plays as a national side (Scotland), else 0.
    pub population: u32,
    /// The table writes the name in capitals ("UAE"): only capitals match.
    pub all_caps: bool,
    /// The name is an abbreviation that must be followed by a full stop.
    pub needs_dot: bool,
}

/// The `population` of an alias that names a nation within a country.
pub(super) const NATION: u32 = 1;

/// The population slot of a region of another country than the US
/// (`assets/gazetteer/regions.tsv`), which the context rules read more
/// warily than a US state.
pub(super) const REGION: u32 = u32::MAX - 1;

/// An entity a name resolves to.
#[derive(Debug, Clone)]
pub(super) struct Target {
    pub kind: EntityKind,
    pub name: String,
    pub code: String,
}

/// All names, keyed by their normalised word sequence.
#[derive(Debug, Default)]
pub(super) struct Gazetteer {
    pub phrases: HashMap<String, Vec<Cand>>,
    /// The longest phrase (in words) that starts with a given word.
    pub first: HashMap<String, u8>,
    pub targets: Vec<Target>,
    target_ids: HashMap<(EntityKind, String, String), u32>,
    /// Lower-case first names common enough to read a place name as a person.
    pub given: HashSet<String>,
    /// Lower-case common surnames.
    pub surnames: HashSet<String>,
    pub not_places: HashSet<&'static str>,
    /// The word lists of [`super::lexicon`], as sets.
    pub org_heads: HashSet<&'static str>,
    pub org_tails: HashSet<&'static str>,
    pub state_verbs: HashSet<&'static str>,
    pub locatives: HashSet<&'static str>,
    pub particles: HashSet<&'static str>,
    pub not_first_names: HashSet<&'static str>,
}

fn words(list: &'static str) -> HashSet<&'static str> {
    list.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Returns the gazetteer, building it on first use.
pub(super) fn get() -> &'static Gazetteer {
    static GAZ: OnceLock<Gazetteer> = OnceLock::new();
    GAZ.get_or_init(build)
}

fn is_caps_name(name: &str) -> bool {
    name.chars().any(char::is_alphabetic) && !name.chars().any(char::is_lowercase)
}

impl Gazetteer {
    fn target(&mut self, kind: EntityKind, name: &str, code: &str) -> u32 {
        let key = (kind, name.to_string(), code.to_string());
        if let Some(&id) = self.target_ids.get(&key) {
            return id;
        }
        let id = self.targets.len() as u32;
        self.targets.push(Target {
            kind,
            name: name.to_string(),
            code: code.to_string(),
        });
        self.target_ids.insert(key, id);
        id
    }

    fn add(&mut self, name: &str, target: u32, source: Source, population: u32) {
        self.add_full(name, target, u32::MAX, source, population);
    }

    fn add_full(&mut self, name: &str, target: u32, city: u32, source: Source, population: u32) {
        let name = name.trim();
        let name = match source {
            Source::Country | Source::Alias => name.strip_prefix("The ").unwrap_or(name),
            _ => name,
        };
        if name.is_empty() {
            return;
        }
        let toks = tokenize(name);
        let n = toks.toks.len();
        if n == 0 || n > 8 || (n == 1 && source == Source::City && toks.norm.chars().count() < 3) {
            return;
        }
        let key = toks.norm.clone();
        // The list of words that are no places keeps out towns named like
        // seats of power ("White House", Massachusetts), not the seats.
        if source != Source::Seat && self.not_places.contains(key.as_str()) {
            return;
        }
        let all_caps =
            is_caps_name(name) && name.chars().filter(|c| c.is_alphabetic()).count() <= 4;
        let needs_dot = name.ends_with('.') && !key.contains(' ') && toks.toks[0].b1 < name.len();
        let first = toks.key(0).to_string();
        let slot = self.first.entry(first).or_insert(0);
        *slot = (*slot).max(n as u8);
        self.phrases.entry(key).or_default().push(Cand {
            target,
            city,
            source,
            population,
            all_caps,
            needs_dot,
        });
    }

    /// Tells whether a one-word alias from the sanctions lists' spellings is
    /// also a person's name or an everyday word ("McDonald" for the Heard
    /// and McDonald Islands, "Poole" for Poland, "Kerry" for Ireland, "Here"
    /// for Britain): in news it names far more people and things than the
    /// country. A country's own names and demonyms come from its row, and a
    /// city of that name from the places table, so none is lost.
    fn is_loose_alias(&self, alias: &str) -> bool {
        use crate::analyze::tagger::lexicon::{self, flag};
        let lower = alias.to_lowercase();
        !alias.contains([' ', '-'])
            && (is_caps_name(alias)
                || self.given.contains(&lower)
                || self.surnames.contains(&lower)
                || lexicon::get().word(alias) & flag::COMMON != 0)
    }
}

fn build() -> Gazetteer {
    let mut g = Gazetteer {
        not_places: words(NOT_PLACES),
        org_heads: words(ORG_HEADS),
        org_tails: words(ORG_TAILS),
        state_verbs: words(STATE_VERBS),
        locatives: words(LOCATIVES),
        particles: words(NAME_PARTICLES),
        not_first_names: words(NOT_FIRST_NAMES),
        ..Gazetteer::default()
    };
    let mut names: HashMap<String, String> = HashMap::default();
    for r in rows(COUNTRIES) {
        let [code, name, official, capitals, demonyms, aliases, un, ..] = r[..] else {
            continue;
        };
        // UN members first where names are shared ("Dutch": NL, not BQ).
        let rank = if un == "1" { 2 } else { 1 };
        let canonical = match code {
            "TR" => "Turkey",
            _ => name,
        };
        names.insert(code.to_string(), canonical.to_string());
        let t = g.target(EntityKind::Country, canonical, code);
        for n in [name, official].into_iter().chain(aliases.split('|')) {
            g.add(n, t, Source::Country, rank);
        }
        for d in demonyms.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            g.add(d, t, Source::Demonym, rank);
            if !d.ends_with('s') && !d.ends_with("ese") && !d.ends_with("sh") && !d.ends_with("ch")
            {
                g.add(&format!("{d}s"), t, Source::Demonym, rank);
            }
        }
        for c in capitals.split('|').map(str::trim).filter(|c| !c.is_empty()) {
            let city = g.target(EntityKind::Place, c, code);
            g.add_full(c, t, city, Source::Capital, u32::MAX);
        }
    }
    for &(name, code, how) in EXTRA {
        let canonical = names.get(code).cloned().unwrap_or_else(|| name.to_string());
        let t = g.target(EntityKind::Country, &canonical, code);
        match how {
            'd' => {
                g.add(name, t, Source::Demonym, u32::MAX);
                g.add(&format!("{name}s"), t, Source::Demonym, u32::MAX);
            }
            's' => g.add(name, t, Source::Seat, u32::MAX),
            'k' => {
                let city = g.target(EntityKind::Place, name, code);
                g.add_full(name, t, city, Source::Capital, u32::MAX);
            }
            'a' => {
                let full = STATE_NAMES
                    .iter()
                    .find(|(short, _)| *short == name)
                    .map_or(name, |(_, full)| full);
                let p = g.target(EntityKind::Place, full, code);
                g.add(name, p, Source::State, u32::MAX);
            }
            _ => g.add(name, t, Source::Country, u32::MAX),
        }
    }
    for r in rows(STATES) {
        if let [name, _postal, ..] = r[..] {
            let t = g.target(EntityKind::Place, name, "US");
            g.add(name, t, Source::State, u32::MAX);
        }
    }
    for r in rows(PLACES) {
        let [name, code, pop, ..] = r[..] else {
            continue;
        };
        if is_caps_name(name) || name.chars().count() < 3 {
            continue;
        }
        let population = pop.parse().unwrap_or(0);
        let t = g.target(EntityKind::Place, name, code);
        g.add(name, t, Source::City, population);
    }
    for r in rows(GIVEN) {
        if let [name, _, freq, ..] = r[..]
            && freq.parse::<f32>().unwrap_or(0.0) >= 0.005
        {
            g.given.insert(name.to_lowercase());
        }
    }
    for r in rows(SURNAMES) {
        if let [name, freq, ..] = r[..]
            && freq.parse::<f32>().unwrap_or(0.0) >= 0.002
        {
            g.surnames.insert(name.to_lowercase());
        }
    }
    // States, provinces and regions of other countries: places, each with
    // its country's code, read like the US states.
    for r in rows(REGIONS) {
        let [name, code, ref rest @ ..] = r[..] else {
            continue;
        };
        let t = g.target(EntityKind::Place, name, code);
        g.add(name, t, Source::State, REGION);
        for alias in rest.iter().flat_map(|a| a.split('|')) {
            g.add(alias, t, Source::State, REGION);
        }
    }
    for r in rows(ALIASES) {
        let [alias, code, ..] = r[..] else {
            continue;
        };
        // The UK's nations field national sides.
        let nation = matches!(alias, "England" | "Scotland" | "Wales" | "Northern Ireland");
        if alias.chars().count() < 4
            || !alias
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
            || (!nation && g.is_loose_alias(alias))
        {
            continue;
        }
        let t = match code.split_once('-') {
            Some((country, _)) => g.target(EntityKind::Place, alias, country),
            None => match names.get(code) {
                Some(n) => {
                    let n = n.clone();
                    g.target(EntityKind::Country, &n, code)
                }
                None => continue,
            },
        };
        g.add(alias, t, Source::Alias, u32::from(nation) * NATION);
    }
    for cands in g.phrases.values_mut() {
        cands.sort_by(|a, b| {
            a.source
                .cmp(&b.source)
                .then(b.population.cmp(&a.population))
        });
        cands.shrink_to_fit();
    }
    // The tables live as long as the process: what only building needed
    // goes, and no table keeps room to grow.
    g.target_ids = HashMap::default();
    g.phrases.shrink_to_fit();
    g.first.shrink_to_fit();
    g.targets.shrink_to_fit();
    g
}
