//! Names headed by an organisation word before "of" or "for", and names
//! after "The" opening a sentence.

use super::org_names;

#[test]
fn an_office_for_a_remit_is_one_organisation() {
    for text in [
        "According to the Office for Fiscal Oversight, borrowing will rise.",
        "Office for Fiscal Oversight figures showed a gap.",
        "Yesterday the Office for Fiscal Oversight said borrowing rose.",
    ] {
        assert_eq!(org_names(text), ["Office for Fiscal Oversight"], "{text}");
    }
}

#[test]
fn a_bank_of_a_country_stops_before_its_governors_title() {
    let text = "Bank of Ruritania Governor Petra Vollmer said rates would fall.";
    assert_eq!(org_names(text), ["Bank of Ruritania"]);
}

#[test]
fn a_ministry_of_something_is_one_organisation() {
    let text = "The Ministry of Fisheries said the quota would stand.";
    assert_eq!(org_names(text), ["Ministry of Fisheries"]);
}

#[test]
fn names_joined_by_and_after_of_stay_apart() {
    let text = "The Bank of Ruritania and Federal Reserve met.";
    assert_eq!(org_names(text), ["Bank of Ruritania", "Federal Reserve"]);
    let text = "The Department of Energy and NASA signed the deal.";
    assert_eq!(org_names(text), ["Department of Energy", "NASA"]);
}

#[test]
fn the_opening_a_sentence_is_not_part_of_the_name() {
    let text = "The Caspian Grain Traders Association said exports would rise.";
    assert_eq!(org_names(text), ["Caspian Grain Traders Association"]);
}

#[test]
fn a_person_after_of_is_not_an_organisation() {
    let text = "The Office of Maria Lindqvist issued a statement.";
    let found = org_names(text);
    assert!(!found.iter().any(|n| n.contains("Lindqvist")), "{found:?}");
}

#[test]
fn two_names_joined_by_and_stay_two() {
    let found = org_names("The IMF and World Bank warned of risks to growth.");
    assert!(found.contains(&"World Bank".to_string()), "{found:?}");
    assert!(!found.iter().any(|n| n.contains(" and ")), "{found:?}");
}

#[test]
fn a_bank_of_a_country_stops_before_a_day() {
    let text = "The Bank of Ruritania Wednesday kept rates on hold.";
    assert_eq!(org_names(text), ["Bank of Ruritania"]);
}
