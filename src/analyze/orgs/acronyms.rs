//! Short forms of organisation names: the comparison key of a written form
//! ("U.N." and "UN" are one key), and the few short forms whose full name
//! wire copy takes as known.

/// Returns the comparison key of a written name: upper case, no dots or spaces.
pub(super) fn key(written: &str) -> String {
    written
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '\n'))
        .flat_map(char::to_uppercase)
        .collect()
}

/// Short forms and the full names they stand for.
const KNOWN: &[(&str, &str)] = &[
    ("UN", "United Nations"),
    ("EU", "European Union"),
    ("UNSC", "United Nations Security Council"),
    ("IMF", "International Monetary Fund"),
    ("WHO", "World Health Organization"),
    ("WTO", "World Trade Organization"),
    ("IAEA", "International Atomic Energy Agency"),
    ("ECB", "European Central Bank"),
    ("FBI", "Federal Bureau of Investigation"),
    ("CIA", "Central Intelligence Agency"),
    ("ASEAN", "Association of Southeast Asian Nations"),
];

/// Returns the full name a short form stands for, when it is a known one.
pub(super) fn known(key: &str) -> Option<&'static str> {
    KNOWN.iter().find(|(k, _)| *k == key).map(|&(_, full)| full)
}
