//! Word classes the tagger and the name resolvers share: given names and
//! surnames (census tables), countries, cities, titles, organisation words,
//! and common English words (derived from the training corpora), all keyed
//! by the word hash of [`super::hash::word_hash`].

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features::BuildIdentity;
use super::hash::word_hash;
use crate::analyze::tables::{COUNTRIES, GIVEN_NAMES, PLACES, SURNAMES, US_STATES, rows};

/// Bit flags of a word.
pub mod flag {
    pub const GIVEN: u32 = 1;
    pub const GIVEN_COMMON: u32 = 1 << 1;
    pub const MALE: u32 = 1 << 2;
    pub const FEMALE: u32 = 1 << 3;
    pub const SURNAME: u32 = 1 << 4;
    pub const SURNAME_COMMON: u32 = 1 << 5;
    pub const COUNTRY: u32 = 1 << 6;
    pub const CITY: u32 = 1 << 7;
    pub const TITLE: u32 = 1 << 8;
    pub const ORG_END: u32 = 1 << 9;
    pub const ORG_START: u32 = 1 << 10;
    pub const COMMON: u32 = 1 << 11;
    pub const PARTICLE: u32 = 1 << 12;
    pub const SURNAME_FIRST: u32 = 1 << 13;
    pub const CALENDAR: u32 = 1 << 14;
    pub const DEMONYM: u32 = 1 << 15;
    pub const SPEECH: u32 = 1 << 16;
    pub const SPORT: u32 = 1 << 17;
    pub const PLACE_WORD: u32 = 1 << 18;
}

/// Titles and roles written before a name; never part of it.
pub const TITLES: &str = "president vice prime minister secretary chancellor mr mrs ms miss \
    dr sir dame lord lady king queen prince princess pope sheikh emir senator sen rep \
    representative gov governor mayor judge justice general gen lt col colonel capt captain \
    admiral adm sgt sergeant commander cmdr chief ambassador envoy spokesman spokeswoman \
    spokesperson director chairman chairwoman ceo coach manager striker midfielder defender \
    goalkeeper premier leader professor prof rev reverend father bishop archbishop cardinal \
    rabbi imam ayatollah officer inspector detective superintendent supt deputy commissioner \
    counsel attorney lawyer analyst economist aide adviser advisor rival champion compatriot \
    teammate opponent veteran former late acting interim incoming outgoing maj major \
    lieutenant marshal field president-elect congressman congresswoman lawmaker \
    legislator candidate nominee actor actress singer writer author director-general \
    secretary-general chairperson founder owner trainer skipper captain batsman bowler \
    seed dictator strongman mp assistant associate undersecretary under-secretary \
    vice-president vice-chairman major-general lieutenant-general brigadier-general \
    brigadier lieutenant-colonel broker trader dealer strategist banker pres amb insp det \
    atty asst cpl pvt brig boss";

/// Words that end organisation names ("Acme Inc", "Labour Party").
pub const ORG_ENDS: &str = "inc corp corporation co ltd llc plc ag sa nv gmbh group holdings \
    bank party ministry agency council committee commission association union federation \
    organisation organization institute university college school foundation company club fc \
    office department authority board bureau service services court parliament assembly \
    congress senate army navy police forces front movement league network news times post \
    journal airlines airways motors industries systems technologies telecom securities \
    exchange fund trust society church centre center hospital newsroom desk alliance \
    coalition brigade brigades guard command cabinet government tribunal corps reserve \
    commerce partners capital energy petroleum oil insurance bancorp communications \
    airline railways press broadcasting television radio daily herald tribune gazette \
    institution foundation conference academy survey confederation \
    programme program";

/// Words that open organisation names ("Ministry of Defence", "Bank of Japan").
pub const ORG_STARTS: &str = "ministry department bank university council federation \
    association national royal international united federal central democratic republican \
    social institute commission committee office agency union organisation organization \
    board court house supreme general world european american british";

/// Lower-case particles inside names ("von der Leyen", "bin Salman").
pub const PARTICLES: &str = "von van der den de da di du del della la le al el bin ibn bint \
    abu ben dos das do ter ten st";

/// Family names written first ("Xi Jinping", "Kim Jong Un", "Nguyen Van An").
pub const SURNAME_FIRST_WORDS: &str = "kim lee park choi jung jeong kang cho yoon jang lim han oh \
    seo shin kwon hwang ahn yoo hong jeon ko moon son bae baek heo nam roh noh ri xi li wang \
    zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo gao lin luo zheng liang xie \
    tang feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu ye cheng wei su lu ding \
    ren shen yao jin hou qian qin fu wen mao kong bo hun nguyen tran pham hoang phan vu dang \
    bui ngo duong ly";

/// Words that end place names ("Bryan County", "Red River").
pub const PLACE_WORDS: &str = "county province state river island islands valley district \
    region peninsula mountains mountain lake sea ocean bay gulf strait street avenue square";

/// Months and days: capitalised, never names.
pub const CALENDAR_WORDS: &str = "january february march april may june july august september \
    october november december monday tuesday wednesday thursday friday saturday sunday \
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun";

/// Speech verbs after a name ("X said").
pub const SPEECH_WORDS: &str = "said says told added asked argued warned wrote noted stated \
    explained insisted replied according announced";

/// Words of sports results and fixtures.
pub const SPORT_WORDS: &str = "beat beats beating defeated drew draw drawn lost won win wins \
    against v vs innings wickets runs goals goal scored match matches points league cup \
    season striker midfielder coach club champions championship semifinal final title \
    victory defeat halftime half-time seeded seed round tournament inning";

/// Words seen in lower case often in the training corpora (built by
/// `examples/train_tagger.rs`).
const COMMON_WORDS: &str = include_str!("../../../assets/tagger/common_words.txt");

/// The word-class table.
#[derive(Debug, Default)]
pub struct Lexicon {
    flags: HashMap<u64, u32, BuildIdentity>,
}

impl Lexicon {
    /// Returns the flags of the word with hash `h`.
    pub fn get(&self, h: u64) -> u32 {
        self.flags.get(&h).copied().unwrap_or(0)
    }

    /// Returns the flags of a word.
    pub fn word(&self, w: &str) -> u32 {
        self.get(word_hash(w))
    }

    fn add(&mut self, w: &str, f: u32) {
        *self.flags.entry(word_hash(w)).or_default() |= f;
    }

    fn add_list(&mut self, list: &str, f: u32) {
        for w in list.split_whitespace() {
            self.add(w, f);
        }
    }

    fn build() -> Lexicon {
        use flag::*;
        let mut lx = Lexicon::default();
        let mut genders: HashMap<&str, (f32, f32)> = HashMap::new();
        for r in rows(GIVEN_NAMES) {
            let (Some(name), Some(g), Some(freq)) = (r.first(), r.get(1), r.get(2)) else {
                continue;
            };
            let freq: f32 = freq.parse().unwrap_or(0.0);
            let e = genders.entry(name).or_default();
            if *g == "m" {
                e.0 += freq;
            } else {
                e.1 += freq;
            }
        }
        for (name, (m, f)) in genders {
            let mut fl = GIVEN;
            if m + f >= 0.01 {
                fl |= GIVEN_COMMON;
            }
            if m > 3.0 * f {
                fl |= MALE;
            } else if f > 3.0 * m {
                fl |= FEMALE;
            }
            lx.add(name, fl);
        }
        for r in rows(SURNAMES) {
            let (Some(name), Some(freq)) = (r.first(), r.get(1)) else {
                continue;
            };
            let freq: f32 = freq.parse().unwrap_or(0.0);
            lx.add(
                name,
                if freq >= 0.002 {
                    SURNAME | SURNAME_COMMON
                } else {
                    SURNAME
                },
            );
        }
        for r in rows(COUNTRIES) {
            for (col, f) in [(1, COUNTRY), (4, DEMONYM), (5, COUNTRY)] {
                for name in r.get(col).into_iter().flat_map(|c| c.split('|')) {
                    if !name.contains(' ') && !name.is_empty() {
                        lx.add(name, f);
                    }
                }
            }
        }
        for r in rows(PLACES) {
            let pop: u32 = r.get(2).and_then(|p| p.parse().ok()).unwrap_or(0);
            if let Some(name) = r.first().filter(|n| !n.contains(' '))
                && pop >= 100_000
            {
                lx.add(name, CITY);
            }
        }
        for r in rows(US_STATES) {
            if let Some(name) = r.first().filter(|n| !n.contains(' ')) {
                lx.add(name, CITY);
            }
        }
        lx.add_list(TITLES, TITLE);
        lx.add_list(ORG_ENDS, ORG_END);
        lx.add_list(ORG_STARTS, ORG_START);
        lx.add_list(PARTICLES, PARTICLE);
        lx.add_list(SURNAME_FIRST_WORDS, SURNAME_FIRST);
        lx.add_list(CALENDAR_WORDS, CALENDAR);
        lx.add_list(SPEECH_WORDS, SPEECH);
        lx.add_list(SPORT_WORDS, SPORT);
        lx.add_list(COMMON_WORDS, COMMON);
        lx.add_list(PLACE_WORDS, PLACE_WORD);
        lx
    }
}

/// Returns the word-class table, built at first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::build)
}

#[cfg(test)]
mod tests {
    use super::flag::*;
    use super::*;

    #[test]
    fn words_carry_their_classes() {
        let lx = get();
        assert_ne!(lx.word("Mary") & FEMALE, 0);
        assert_ne!(lx.word("JOHN") & MALE, 0);
        assert_ne!(lx.word("Smith") & SURNAME_COMMON, 0);
        assert_ne!(lx.word("France") & COUNTRY, 0);
        assert_ne!(lx.word("senator") & TITLE, 0);
        assert_ne!(lx.word("Xi") & SURNAME_FIRST, 0);
        assert_eq!(lx.word("Zqxv"), 0);
    }
}
