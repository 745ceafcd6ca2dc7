//! Names with particles and family names written first, a surname before
//! a role, and the two surnames of Spanish names.

use super::{analyze, assert_only_person, people};

#[test]
fn a_family_name_written_first_opens_the_name() {
    let text = "Nguyen Thi Lan, a 47-year-old tailor, carried her fabrics upstairs. \
                \"The water comes higher every year,\" Lan said.";
    assert_only_person(text, "Nguyen Thi Lan", &["Nguyen Thi Lan", "Lan"]);
}

#[test]
fn two_particles_go_with_the_name_the_tagger_cut_short() {
    let text = "Pieter van der Berg, a planetary scientist, called the paper careful. \
                Van der Berg noted that red dwarfs flare.";
    assert_only_person(
        text,
        "Pieter van der Berg",
        &["Pieter van der Berg", "Van der Berg"],
    );
}

#[test]
fn a_surname_before_a_lower_case_role_stays_a_person() {
    let found = people("Former Brenner adviser Dana Axelby said no.");
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"Brenner"), "{names:?}");
    assert!(names.contains(&"Dana Axelby"), "{names:?}");
}

#[test]
fn the_first_of_two_surnames_or_both_are_the_person_later() {
    assert_only_person(
        "Security Minister Omar García Harfuch said the troops would stay. \
         García Harfuch added that more would come.",
        "Omar García Harfuch",
        &["Omar García Harfuch", "García Harfuch"],
    );
    assert_only_person(
        "Rocío Méndez Ibarra, a shop owner, lost her store. Méndez said she would rebuild.",
        "Rocío Méndez Ibarra",
        &["Rocío Méndez Ibarra", "Méndez"],
    );
}

#[test]
fn a_given_name_no_list_knows_alone_is_the_full_name_it_opens() {
    let found = analyze(
        "Thai Prime Minister Anutin Charnvirakul opened his campaign on Saturday in \
         Buriram. \"We will win every seat,\" Anutin told supporters.",
    );
    let people: Vec<_> = found
        .entities
        .iter()
        .filter(|e| e.kind == crate::model::EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 1, "{people:?}");
    assert_eq!(people[0].name, "Anutin Charnvirakul");
    assert_eq!(people[0].mentions.len(), 2);
    assert_eq!(
        found.quotes[0].speaker.as_deref(),
        Some("Anutin Charnvirakul")
    );
}
