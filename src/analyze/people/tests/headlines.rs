//! Unit tests of names on title-case lines (title_case.rs).

use super::{assert_only_person, people};

#[test]
fn a_headline_verb_after_a_name_is_no_part_of_it() {
    let text = "Marisol Okafor Hammers Wells Fargo Chief Over Fees\n\n\
                Marisol Okafor spoke on Tuesday in the river town, where she met farmers.";
    assert_only_person(
        text,
        "Marisol Okafor",
        &["Marisol Okafor", "Marisol Okafor"],
    );
}

#[test]
fn a_headline_word_before_a_name_is_no_part_of_it() {
    let text = "Senator Paints Rival As The New Marisol Okafor\n\n\
                Four years ago the party ran against Marisol Okafor, and it worked.";
    let found = people(text);
    assert!(
        found.iter().all(|(name, _)| !name.starts_with("New")),
        "{found:?}"
    );
    let okafor = found.iter().find(|(name, _)| name == "Marisol Okafor");
    assert_eq!(okafor.map(|p| p.1.len()), Some(2), "{found:?}");
}

#[test]
fn a_headline_surname_in_a_longer_run_is_the_person_of_the_prose() {
    let text = "Defiant Brenner Rejects The Budget Deal\n\n\
                Harold Brenner told reporters on Monday that he would not sign it.";
    assert_only_person(text, "Harold Brenner", &["Brenner", "Harold Brenner"]);
}

#[test]
fn names_in_prose_are_left_as_written() {
    // Only title-case lines are narrowed: in a sentence, capitals mark
    // where a name ends ("Marisol Okafor Ruiz" is her full name).
    let text = "Marisol Okafor Ruiz arrived in the capital on Monday.\n\n\
                Marisol Okafor Ruiz met the minister, and the two spoke for an hour.";
    let found = people(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Marisol Okafor Ruiz");
}
