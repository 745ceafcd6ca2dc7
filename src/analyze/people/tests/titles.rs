//! Titles before a name, initials after one, and a role before a name the
//! tagger read as an organisation.

use super::{assert_only_person, people};

#[test]
fn a_royal_title_before_an_arab_name_is_no_part_of_it() {
    let text = "Saudi Foreign Minister Prince Faisal bin Farhan met his Iranian counterpart.";
    assert_only_person(text, "Faisal bin Farhan", &["Faisal bin Farhan"]);
}

#[test]
fn dotted_initials_stay_in_the_name() {
    let text = "Defense lawyer J.D. Abernathy told jurors the case was thin. \
                Abernathy then sat down.";
    assert_only_person(text, "J.D. Abernathy", &["J.D. Abernathy", "Abernathy"]);
    // A country's initials before a title are still no part of it.
    let found = people("U.S. Ambassador Linda Thomas-Greenfield spoke first.");
    assert_eq!(found[0].0, "Linda Thomas-Greenfield", "{found:?}");
}

#[test]
fn two_capitals_after_an_abbreviated_title_are_initials() {
    let text = "Illinois Gov. JB Pritzker, speaking to reporters, declined to take sides. \
                Pritzker left early.";
    assert_only_person(text, "JB Pritzker", &["JB Pritzker", "Pritzker"]);
}

#[test]
fn a_name_after_a_lower_case_role_is_a_person() {
    let found = people("Liverpool coach Arne Slot praised the supporters.");
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Arne Slot"]);
}

#[test]
fn a_title_that_is_no_given_name_before_two_words_goes() {
    // "Coach" is also a surname, but no given name.
    let text = "Coach Frédéric Fontang said the player was \"physically fine\".";
    assert_only_person(text, "Frédéric Fontang", &["Frédéric Fontang"]);
    let found = crate::analyze::analyze(text);
    assert_eq!(found.quotes[0].speaker.as_deref(), Some("Frédéric Fontang"));
}

#[test]
fn a_role_before_a_full_name_and_a_hyphenated_description_are_no_part_of_it() {
    assert_only_person(
        "Chief Executive Meirzhan Yussupov said output would fall.",
        "Meirzhan Yussupov",
        &["Meirzhan Yussupov"],
    );
    assert_only_person(
        "Actor-politician Vijay said he would walk alone.",
        "Vijay",
        &["Vijay"],
    );
    // A hyphenated given name keeps its second capital.
    assert_only_person(
        "Jean-Pierre Raffarin said the vote was lost.",
        "Jean-Pierre Raffarin",
        &["Jean-Pierre Raffarin"],
    );
}

#[test]
fn a_hyphenated_given_name_in_lower_case_is_no_description() {
    assert_only_person(
        "Ha-seong Kim hit a home run on Sunday.",
        "Ha-seong Kim",
        &["Ha-seong Kim"],
    );
}
