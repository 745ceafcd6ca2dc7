//! Short forms of organisation names: the comparison key of a written form
//! ("U.N." and "UN" are one key), and the few short forms whose full name
//! wire copy takes as known.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use crate::analyze::tagger::{Shape, Tok};

/// Returns the comparison key of a written name: upper case, no dots or spaces.
pub(super) fn key(written: &str) -> String {
    written
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\n'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Short forms and the full names they stand for: bodies of states,
/// news agencies and public agencies that wire copy names by their
/// initials alone, and a few agencies' names without one (""). Each full
/// name is written the American way; the British spelling is read as the
/// same name (see [`american`]). Short forms that name other things as
/// often ("SEC" the football conference, "EPA" the photo agency) are left
/// out.
const KNOWN: &[(&str, &str)] = &[
    ("UN", "United Nations"),
    ("EU", "European Union"),
    ("UNSC", "United Nations Security Council"),
    ("UNHCR", "United Nations High Commissioner for Refugees"),
    ("IMF", "International Monetary Fund"),
    ("WHO", "World Health Organization"),
    ("WTO", "World Trade Organization"),
    ("WFP", "World Food Program"),
    ("FAO", "Food and Agriculture Organization"),
    ("ILO", "International Labor Organization"),
    ("IAEA", "International Atomic Energy Agency"),
    ("IEA", "International Energy Agency"),
    ("ICJ", "International Court of Justice"),
    ("IOC", "International Olympic Committee"),
    ("ICRC", "International Committee of the Red Cross"),
    ("NATO", "North Atlantic Treaty Organization"),
    ("OPEC", "Organization of the Petroleum Exporting Countries"),
    (
        "OSCE",
        "Organization for Security and Cooperation in Europe",
    ),
    (
        "OECD",
        "Organization for Economic Cooperation and Development",
    ),
    ("OAS", "Organization of American States"),
    ("PLO", "Palestine Liberation Organization"),
    ("ASEAN", "Association of Southeast Asian Nations"),
    ("ECOWAS", "Economic Community of West African States"),
    ("GCC", "Gulf Cooperation Council"),
    ("ECB", "European Central Bank"),
    ("ADB", "Asian Development Bank"),
    ("AP", "Associated Press"),
    ("AFP", "Agence France-Presse"),
    ("UPI", "United Press International"),
    ("KCNA", "Korean Central News Agency"),
    ("FBI", "Federal Bureau of Investigation"),
    ("CIA", "Central Intelligence Agency"),
    ("NSA", "National Security Agency"),
    ("FDA", "Food and Drug Administration"),
    ("CDC", "Centers for Disease Control and Prevention"),
    ("FAA", "Federal Aviation Administration"),
    ("FCC", "Federal Communications Commission"),
    ("FEMA", "Federal Emergency Management Agency"),
    ("NTSB", "National Transportation Safety Board"),
    ("IRS", "Internal Revenue Service"),
    ("DEA", "Drug Enforcement Administration"),
    ("NHS", "National Health Service"),
    // State news agencies and papers that wire copy quotes by name alone.
    ("", "Xinhua"),
    ("", "Yonhap"),
    ("", "Kyodo"),
    ("", "Interfax"),
    ("", "People's Daily"),
    ("UNICEF", "United Nations Children's Fund"),
    ("IPCC", "Intergovernmental Panel on Climate Change"),
    ("CERN", "European Organization for Nuclear Research"),
    ("DHS", "Department of Homeland Security"),
    ("TSMC", "Taiwan Semiconductor Manufacturing Co"),
    (
        "UNRWA",
        "United Nations Relief and Works Agency for Palestine Refugees in the Near East",
    ),
    // Armed groups, parties and parliaments that copy names alone, and
    // whose names the tagger, knowing no such word, reads as people.
    ("", "Hezbollah"),
    ("", "Houthis"),
    ("", "Taliban"),
    ("", "Islamic State"),
    ("", "Boko Haram"),
    ("", "Hayat Tahrir al-Sham"),
    ("", "Muslim Brotherhood"),
    ("", "Sinn Fein"),
    ("", "Fine Gael"),
    ("", "Fianna Fail"),
    ("", "Plaid Cymru"),
    ("", "Bundestag"),
    ("", "Knesset"),
    ("", "Amnesty International"),
    ("", "Human Rights Watch"),
    ("", "National People's Congress"),
    ("", "National Rally"),
    ("", "Saudi Aramco"),
    ("", "Delta Air Lines"),
];

/// The full name "the Fed" stands for.
const FED: &str = "Federal Reserve";

/// Returns a name with the British spellings of organisation words made
/// American ("Organisation" → "Organization", "Co-operation" →
/// "Cooperation", "Labour" → "Labor", "Programme" → "Program") and a curly
/// apostrophe straight, so that both spellings of a known name are one
/// name. Most words have none of these and are returned as they are, with
/// no copy: every capitalised word of a text passes here.
fn american(name: &str) -> Cow<'_, str> {
    const BRITISH: [&str; 5] = ["’", "Organisation", "Co-operation", "Labour", "Programme"];
    if !BRITISH.iter().any(|b| name.contains(b)) {
        return Cow::Borrowed(name);
    }
    Cow::Owned(
        name.replace('’', "'")
            .replace("Organisation", "Organization")
            .replace("Co-operation", "Cooperation")
            .replace("Labour Organization", "Labor Organization")
            .replace("Programme", "Program"),
    )
}

/// Returns the known full name a written full name is, in either
/// spelling and in any case ("UNITED NATIONS", "World Food Programme").
fn known_full(written: &str) -> Option<&'static str> {
    let spelled = american(written);
    KNOWN
        .iter()
        .find(|(_, full)| full.eq_ignore_ascii_case(&spelled))
        .map(|&(_, full)| full)
}

/// Returns the full name a short form stands for, when it is a known one.
pub(super) fn known(key: &str) -> Option<&'static str> {
    if key.is_empty() {
        return None;
    }
    KNOWN.iter().find(|(k, _)| *k == key).map(|&(_, full)| full)
}

/// Returns the known full name an organisation filter stands for: the
/// full name of a known short form in any case or with dots ("nato",
/// "U.N."), or a known full name in its British spelling; `None` for any
/// other name, which stands for itself.
pub fn full_name(written: &str) -> Option<&'static str> {
    let written = written.trim();
    if written.eq_ignore_ascii_case("fed") {
        return Some(FED);
    }
    known(&key(written)).or_else(|| known_full(written))
}

/// Finds the known short forms and full names the tagger may miss ("U.N.",
/// "United Nations", "North Atlantic Treaty Organisation", "the Fed"), as
/// token ranges.
pub(crate) fn well_known(text: &str, toks: &[Tok]) -> Vec<(usize, usize)> {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let t = &toks[i];
        if matches!(t.shape, Shape::Upper | Shape::Dotted)
            && !t.caps_line
            && known(&key(word(i))).is_some()
        {
            out.push((i, i + 1));
            continue;
        }
        if t.shape != Shape::Title {
            continue;
        }
        let w = word(i);
        // "the Fed": the central bank, not a verb, nor "the Fed Cup".
        if w == "Fed"
            && i > 0
            && word(i - 1).eq_ignore_ascii_case("the")
            && toks.get(i + 1).is_none_or(|n| !n.shape.capitalised())
        {
            out.push((i, i + 1));
            continue;
        }
        // The longest known name that starts here ("United Nations
        // Security Council" over "United Nations").
        let Some(fulls) = by_opening().get(american(w).as_ref()) else {
            continue;
        };
        let end = fulls
            .iter()
            .filter_map(|full| spelled_at(text, toks, i, full))
            .max();
        if let Some(end) = end {
            out.push((i, end));
        }
    }
    out
}

/// Returns the known full names by each of their openings that ends where
/// a word does ("United", "United Nations", "Al" of "Al-Jazeera"), so that
/// a capitalised word is looked up once rather than tried against every
/// known name.
fn by_opening() -> &'static HashMap<&'static str, Vec<&'static str>> {
    static MAP: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for &(_, full) in KNOWN {
            let ends = full.match_indices([' ', '\'', '-']).map(|(at, _)| at);
            for end in ends.chain([full.len()]) {
                map.entry(&full[..end]).or_default().push(full);
            }
        }
        map
    })
}

/// Returns the end of the tokens from `i` that spell `full` (in either
/// spelling, on one line), if they do.
fn spelled_at(text: &str, toks: &[Tok], i: usize, full: &str) -> Option<usize> {
    let words = full.split(' ').count();
    // A hyphen or an apostrophe may make more tokens than words.
    for end in i + words..=(i + 2 * words).min(toks.len()) {
        if toks[end - 1].line_start && end - 1 > i {
            return None;
        }
        let written = text[toks[i].b0..toks[end - 1].b1].split_whitespace();
        let written: Vec<&str> = written.collect();
        let joined = written.join(" ");
        let spelled = american(&joined);
        if spelled == full {
            return Some(end);
        }
        if spelled.len() > full.len() + 2 {
            return None;
        }
    }
    None
}

/// The canonical form of a written organisation name: a known short form,
/// or a known name in capitals or in its British spelling, takes the full
/// name ("U.N." and "UNITED NATIONS" are "United Nations"), and so does
/// "U.N." or "EU" opening a longer name ("U.N. Security Council").
pub(super) fn canonical(written: &str) -> String {
    let words: Vec<&str> = written.split_whitespace().collect();
    if written == "Fed" {
        return FED.to_string();
    }
    if let Some(full) = known(&key(written)) {
        return full.to_string();
    }
    if let Some(full) = known_full(&words.join(" ")) {
        return full.to_string();
    }
    // Only the bodies with bodies of their own: "AP Moller-Maersk" is no
    // Associated Press.
    if words.len() >= 2
        && matches!(key(words[0]).as_str(), "UN" | "EU")
        && let Some(full) = known(&key(words[0]))
        && words[0].chars().all(|c| c.is_uppercase() || c == '.')
    {
        return format!("{full} {}", words[1..].join(" "));
    }
    words.join(" ")
}
