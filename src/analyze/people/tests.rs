//! Unit tests of person finding and story-level resolution, on our own
//! sentences, through the whole analysis (tagger, rules, resolution).

use crate::analyze::analyze;
use crate::model::EntityKind;

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

// Names on title-case lines (title_case.rs).

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

#[test]
fn an_initial_and_a_country_word_are_the_country_not_a_person() {
    // "N. Korea" is North Korea, and the "Korea" of "North Korea" is no
    // person's surname.
    let text = "World leaders denounce N. Korea test; Amsel and others vow consequences.\n\n\
                The council condemned North Korea's latest test, said Mira Amsel.";
    let found = people(text);
    assert!(found.iter().all(|(n, _)| !n.contains("Korea")), "{found:?}");
    assert_eq!(person(&found, "Mira Amsel"), ["Amsel", "Mira Amsel"]);
}

#[test]
fn a_name_run_into_a_place_ends_before_the_place() {
    let text = "Ted Cruz spoke on Monday.\n\n\
                It was quiet at the Ted Cruz South Carolina victory party.";
    assert_only_person(text, "Ted Cruz", &["Ted Cruz", "Ted Cruz"]);
    let a = analyze(text);
    let place = a.entities.iter().find(|e| e.name == "South Carolina");
    assert_eq!(
        place.and_then(|p| p.country.as_deref()),
        Some("US"),
        "{a:?}"
    );
}

#[test]
fn a_surname_that_is_a_foreign_name_of_a_country_is_the_person() {
    // "Holan" names the Netherlands in some languages.
    let text = "Misinformation spreads fast online, said Angie Drobnic Holan, the site's editor.\n\n\
                \"If you think the moon landing was fake, you can find people just like you,\" Holan said.";
    let a = analyze(text);
    assert!(
        a.entities.iter().all(|e| e.kind != EntityKind::Country),
        "{a:?}"
    );
    assert_only_person(
        text,
        "Angie Drobnic Holan",
        &["Angie Drobnic Holan", "Holan"],
    );
    assert_eq!(a.quotes[0].speaker.as_deref(), Some("Angie Drobnic Holan"));
}

#[test]
fn a_title_inside_the_tagged_span_starts_the_name() {
    let text = "Oregon Sen. Marta Lindqvist spoke first. If Mr. Odum wins, Lindqvist said, \
                the party splits.\n\nDemocratic Rep. Jo Anne Pike of Nevada disagreed with Odum.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        person(&found, "Marta Lindqvist"),
        ["Marta Lindqvist", "Lindqvist"],
        "{names:?}"
    );
    assert!(names.contains(&"Jo Anne Pike"), "{names:?}");
    assert!(
        names
            .iter()
            .all(|n| !n.contains('.') && !n.starts_with("If ")),
        "{names:?}"
    );
}

#[test]
fn a_given_name_after_other_capitalised_words_starts_the_name() {
    let text = "Senate Majority Whip Ana Cordero spoke on Monday. Public Advocate Tomas Reyes \
                agreed with Cordero. J. Robert Oakes wrote the report.\n\nFollow Lena Marsh on Twitter.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "Ana Cordero",
        "Tomas Reyes",
        "J. Robert Oakes",
        "Lena Marsh",
    ] {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert_eq!(names.len(), 4, "{names:?}");
}

#[test]
fn a_word_that_opens_a_clause_is_no_part_of_the_name_after_it() {
    let text = "Senator Amos Okafor and Helen Brenner met on Monday.\n\n\
                If Okafor wins the vote, the coalition holds. Although Brenner objected, \
                the bill passed. What Okafor wants is time, aides said. Maybe Brenner will \
                run again. Why Okafor left early was not clear. As Brenner spoke, the hall emptied.";
    let found = people(text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        person(&found, "Amos Okafor"),
        ["Amos Okafor", "Okafor", "Okafor", "Okafor"]
    );
    assert_eq!(
        person(&found, "Helen Brenner"),
        ["Helen Brenner", "Brenner", "Brenner", "Brenner"]
    );
}

/// A headline whose tagged span is all titles at the very end of the text
/// once panicked (an index one past the last word).
#[test]
fn a_span_of_titles_at_the_end_of_the_text_is_no_name() {
    let text = "Mara Quill Went On A \u{201c}Really Long Walk\u{201d} With The President";
    let found = people(text);
    assert!(
        found.iter().all(|(n, _)| !n.contains("President")),
        "{found:?}"
    );
}

#[test]
fn a_generational_suffix_ends_the_name_and_the_surname_before_it_links() {
    let text = "Marcus Odell Reyes Jr. spoke in Tulsa. Reyes said the march would go on.\n\n\
                Harold Pike Jr. and Harold Pike met on Monday. Pike Jr. left first.";
    let found = people(text);
    assert_eq!(
        person(&found, "Marcus Odell Reyes Jr."),
        ["Marcus Odell Reyes Jr.", "Reyes"]
    );
    // Father and son stay two people; the son's short form is his.
    assert_eq!(
        person(&found, "Harold Pike Jr."),
        ["Harold Pike Jr.", "Pike Jr."]
    );
    assert_eq!(person(&found, "Harold Pike"), ["Harold Pike"]);
    assert!(found.iter().all(|(n, _)| n != "Jr."), "{found:?}");
}

#[test]
fn a_name_the_tagger_ends_before_a_title_word_and_a_suffix_runs_on() {
    let text = "Martin Luther King Jr. spoke in Memphis. King said the march would go on.";
    assert_mentions(
        text,
        "Martin Luther King Jr.",
        &["Martin Luther King Jr.", "King"],
    );
}

#[test]
fn a_name_in_headline_capitals_is_not_the_canonical_one() {
    let text = "HAROLD BRENNER VISITS OHIO\n\nHarold Brenner spoke in Ohio on Monday. Brenner said \
                he would return.";
    assert_mentions(
        text,
        "Harold Brenner",
        &["HAROLD BRENNER", "Harold Brenner", "Brenner"],
    );
}

#[test]
fn abbreviated_titles_are_no_people_of_their_own() {
    let text = "The panel heard Lena Varga, Atty. Gen. Marcus Thorne, \
                Asst. Supt. Ronan Pike, Det. Sgt. Ivy Moss and Pvt. Omar Hale.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Lena Varga",
            "Marcus Thorne",
            "Ronan Pike",
            "Ivy Moss",
            "Omar Hale"
        ],
        "{found:?}"
    );
}

#[test]
fn a_given_name_that_is_also_a_towns_stays_in_the_name() {
    let text = "The bloc's envoy, Kaja Keller, said talks would go on. \
                Keller flies to Tallinn on Monday.";
    assert_only_person(text, "Kaja Keller", &["Kaja Keller", "Keller"]);
    let places: Vec<String> = analyze(text)
        .entities
        .into_iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.name)
        .collect();
    assert_eq!(places, ["Tallinn"]);
}

#[test]
fn a_lawmakers_party_and_state_is_no_person() {
    let text = "Rep. Dana Whitfield, R-Texas, said she would oppose it. \
                Sen. Omar Reyes, D-N.M., and Sen. Lee Park, I-Vt., voted no.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Dana Whitfield", "Omar Reyes", "Lee Park"],
        "{found:?}"
    );
}

#[test]
fn a_given_name_read_alone_takes_the_surname_after_it() {
    // The tagger reads "Elon" as the person and stops before "Musk".
    let text = "Tesla boss Elon Musk declined to comment on the report.";
    assert_only_person(text, "Elon Musk", &["Elon Musk"]);
}

#[test]
fn a_name_the_rules_find_runs_on_over_its_particle() {
    // The tagger misses the name; the rules find "Luiz Inacio" and the
    // particle and surname go with it.
    let text = "The envoy, Luiz Inacio da Silva, said the talks would resume.";
    assert_only_person(text, "Luiz Inacio da Silva", &["Luiz Inacio da Silva"]);
}

#[test]
fn a_lone_surname_skips_a_person_introduced_as_someones_kin() {
    let text = "North Korean leader Kim Jong Un oversaw the test, state media said, \
                as his sister Kim Yo Jong warned Seoul. Kim expressed satisfaction.";
    let found = people(text);
    assert_eq!(person(&found, "Kim Jong Un").len(), 2, "{found:?}");
    assert_eq!(person(&found, "Kim Yo Jong").len(), 1, "{found:?}");
    // A title in capitals is no kin: "Sister Mary Walsh" is a nun.
    let text = "Mayor Anne Walsh opened the shelter. Sister Mary Walsh, who runs it, \
                thanked her. Walsh said the city would pay.";
    assert_eq!(person(&people(text), "Mary Walsh").len(), 2);
    // With no one else of that name, the kin takes it.
    let text = "The minister's brother, Omar Haddad, was released. Haddad thanked the court.";
    assert_eq!(person(&people(text), "Omar Haddad").len(), 2);
}

#[test]
fn a_noun_after_a_name_is_not_part_of_it() {
    // The tagger reads "Obama Administration" as a person.
    let text = "Officials in the Obama Administration said the plan was sound.";
    assert_only_person(text, "Obama", &["Obama"]);
}
