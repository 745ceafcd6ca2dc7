//! The gazetteer tables of `assets/gazetteer/`, compiled in once and read by
//! every analysis module (see `assets/gazetteer/build.py` for the columns).

pub(super) const COUNTRIES: &str = include_str!("../../assets/gazetteer/countries.tsv");
pub(super) const COUNTRY_ALIASES: &str = include_str!("../../assets/gazetteer/country_aliases.tsv");
pub(super) const PLACES: &str = include_str!("../../assets/gazetteer/places.tsv");
pub(super) const US_STATES: &str = include_str!("../../assets/gazetteer/us_states.tsv");
pub(super) const REGIONS: &str = include_str!("../../assets/gazetteer/regions.tsv");
pub(super) const GIVEN_NAMES: &str = include_str!("../../assets/gazetteer/given_names.tsv");
pub(super) const SURNAMES: &str = include_str!("../../assets/gazetteer/surnames.tsv");

/// Returns the data rows of a table, each split into its columns; the `#`
/// header line and blank lines are skipped.
pub(super) fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}
