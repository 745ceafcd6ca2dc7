//! Unit tests of person finding and story-level resolution, on our own
//! sentences, through the whole analysis (tagger, rules, resolution).

use crate::analyze::analyze;
use crate::model::EntityKind;

mod headlines;
mod particles;
mod repairs;
mod titles;
mod world_names;

/// Returns (canonical name, mention texts) of every person in `text`.
fn people(text: &str) -> Vec<(String, Vec<String>)> {
    analyze(text)
        .entities
        .into_iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| (e.name, e.mentions.into_iter().map(|m| m.text).collect()))
        .collect()
}

fn person<'a>(found: &'a [(String, Vec<String>)], name: &str) -> &'a [String] {
    found
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, m)| m.as_slice())
        .unwrap_or_else(|| panic!("no person {name:?} in {found:?}"))
}

/// Asserts that `text` names the person `name` with these mentions.
fn assert_mentions(text: &str, name: &str, mentions: &[&str]) {
    let found = people(text);
    assert_eq!(person(&found, name), mentions, "{found:?}");
}

/// Asserts that `name`, with these mentions, is the one person `text` names.
fn assert_only_person(text: &str, name: &str, mentions: &[&str]) {
    let found = people(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(person(&found, name), mentions, "{found:?}");
}

#[test]
fn title_short_form_and_possessive_are_one_person_with_the_fullest_name() {
    let text = "President Harold Brenner arrived in Lisbon on Tuesday.\n\n\
                Brenner met the mayor. Brenner's aides said the talks went well.";
    assert_only_person(
        text,
        "Harold Brenner",
        &["Harold Brenner", "Brenner", "Brenner"],
    );
}

#[test]
fn mention_offsets_count_chars_and_cover_the_short_forms() {
    let text = "Zoë Marchetti spoke. Later Marchetti left.";
    let a = analyze(text);
    let e = a
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .expect("a person");
    let chars: Vec<char> = text.chars().collect();
    for m in &e.mentions {
        let written: String = chars[m.start..m.end].iter().collect();
        assert_eq!(written, m.text);
    }
    assert_eq!(e.mentions.len(), 2);
}

#[test]
fn surname_first_names_keep_their_family_name_as_the_short_form() {
    assert_mentions(
        "Chinese leader Xi Jinping met officials on Monday. Xi said trade would grow.",
        "Xi Jinping",
        &["Xi Jinping", "Xi"],
    );
}

#[test]
fn two_people_sharing_a_surname_stay_two_and_short_forms_go_to_the_nearest() {
    let text = "Kim Tae-hoon, the defence minister, spoke first. Kim Soo-ah, an opposition \
                lawmaker, answered him. Kim said the budget was too small.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(&"Kim Tae-hoon") && names.contains(&"Kim Soo-ah"),
        "{found:?}"
    );
    // The lone "Kim" follows Kim Soo-ah, the last Kim named.
    assert_eq!(person(&found, "Kim Soo-ah").len(), 2, "{found:?}");
    assert_eq!(person(&found, "Kim Tae-hoon").len(), 1, "{found:?}");
}

#[test]
fn initials_belong_to_the_name() {
    assert_mentions(
        "The envoy, Margaret L. Okafor, told reporters the vote was close. Okafor smiled.",
        "Margaret L. Okafor",
        &["Margaret L. Okafor", "Okafor"],
    );
}

#[test]
fn hyphenated_and_particle_surnames_link_their_short_forms() {
    let text = "Grace Okonkwo-Reyes chaired the panel. Okonkwo-Reyes later left.\n\n\
                Commission chief Ursula von der Leyen replied. Von der Leyen did not elaborate.";
    let found = people(text);
    assert_eq!(person(&found, "Grace Okonkwo-Reyes").len(), 2, "{found:?}");
    let vdl = person(&found, "Ursula von der Leyen");
    assert_eq!(vdl.len(), 2, "{found:?}");
    assert!(vdl[1].ends_with("Leyen"));
}

#[test]
fn arabic_particle_names_link_the_short_form_without_the_particle() {
    assert_mentions(
        "Syrian leader Bashar al-Assad spoke on Sunday. Assad blamed foreign powers.",
        "Bashar al-Assad",
        &["Bashar al-Assad", "Assad"],
    );
}

#[test]
fn titles_and_honorifics_are_left_out_of_the_name() {
    let text = "Mr. Dennis Halloway and Sen. Rita Castellanos disagreed on Friday.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"Dennis Halloway"), "{found:?}");
    assert!(names.contains(&"Rita Castellanos"), "{found:?}");
}

#[test]
fn a_firm_named_after_people_is_not_a_person() {
    let text = "Shares of Harlow & Pettigrew rose on Monday after the merger.";
    assert!(people(text).is_empty(), "{:?}", people(text));
}

#[test]
fn genders_come_from_titles_and_given_names() {
    use super::{Gender, gender};
    assert_eq!(gender("Mary Wexford"), Some(Gender::Female));
    assert_eq!(gender("John Wexford"), Some(Gender::Male));
    assert_eq!(gender("Xq Wexford"), None);
}

#[test]
fn a_lone_initial_runs_into_the_surname_after_it() {
    assert_mentions(
        "Harwick 212 ( R. Fenmore 5-41 ) , Dunmoor 180",
        "R. Fenmore",
        &["R. Fenmore"],
    );
}

#[test]
fn a_king_before_a_name_is_a_title_but_a_surname_after_one() {
    assert_mentions(
        "Zembla's King Oskar Valdren opened the new bridge.",
        "Oskar Valdren",
        &["Oskar Valdren"],
    );
    assert_mentions(
        "Stephen King signed copies in Leeds.",
        "Stephen King",
        &["Stephen King"],
    );
}

#[test]
fn a_role_or_party_before_a_name_is_not_part_of_it() {
    let text = "Republican Dana Whitcombe voted against the bill.\n\
                Fullback Rory Callan scored twice after the break.\n\
                Ex-Ranger Milo Farrant and Chilean-born Ines Valdivia both signed.";
    let found = people(text);
    for name in [
        "Dana Whitcombe",
        "Rory Callan",
        "Milo Farrant",
        "Ines Valdivia",
    ] {
        assert!(found.iter().any(|(n, _)| n == name), "{name}: {found:?}");
    }
    assert!(
        !found.iter().any(|(n, _)| n.contains("Republican")
            || n.contains("Fullback")
            || n.contains("Ex-")
            || n.contains("-born")),
        "{found:?}"
    );
}

#[test]
fn a_country_after_of_is_where_the_player_is_from() {
    let found = people("Seeded third, Tomas Brandt of Austria lost in four sets.");
    assert!(found.iter().any(|(n, _)| n == "Tomas Brandt"), "{found:?}");
    let found = people("The Duke of Edinburgh opened the new wing.");
    assert!(
        !found.iter().any(|(n, _)| n == "Duke"),
        "a title and its seat stay one name: {found:?}"
    );
}

#[test]
fn a_town_that_is_a_first_name_before_a_surname_is_a_person() {
    let a = analyze("Former goalkeeper Dominique Castaing will coach the club next season.");
    assert!(
        !a.entities
            .iter()
            .any(|e| e.country.as_deref() == Some("DM")),
        "Dominique is not Dominica here: {:?}",
        a.entities
    );
    assert!(
        a.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name == "Dominique Castaing"),
        "{:?}",
        a.entities
    );
}

#[test]
fn a_plural_noun_ends_no_name() {
    for text in [
        "The 29 New Brightoners hurt in the storm were bystanders. Harold Brenner said so.",
        "The 12 New Englanders on board were safe, Harold Brenner said.",
    ] {
        let found = people(text);
        assert!(
            found.iter().all(|(n, _)| !n.ends_with("ers")),
            "{text:?}: {found:?}"
        );
        person(&found, "Harold Brenner");
    }
    // A surname that reads as a plural is still a name.
    assert_mentions(
        "Marta Winters spoke first. Winters said little.",
        "Marta Winters",
        &["Marta Winters", "Winters"],
    );
}
