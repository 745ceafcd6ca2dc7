//! Unit tests of the rules that repair the tagger's names (rules.rs and
//! name.rs): spans run into places, titles inside spans, given names,
//! suffixes, particles and the words around a name.

use super::{analyze, assert_mentions, assert_only_person, people, person};
use crate::model::EntityKind;

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
fn a_given_name_no_list_holds_opens_a_name_of_three_words() {
    // "Ahmed", "Manuel" and "Ali" are known given names; the words before
    // them are given names too, which the name lists lack.
    let text = "President Bola Ahmed Tinubu visited Lagos. Former President Andrés Manuel \
                López Obrador wrote a letter, and the party's chairman, Gohar Ali Khan, \
                spoke. Justices Clarence Thomas and Samuel Alito dissented.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Bola Ahmed Tinubu",
            "Andrés Manuel López Obrador",
            "Gohar Ali Khan",
            "Clarence Thomas",
            "Samuel Alito"
        ]
    );
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

#[test]
fn a_surname_that_reads_as_a_plural_is_a_surname_after_a_given_name() {
    // "Alders" ends like "New Yorkers", but a given name opens the name.
    assert_only_person(
        "Maria Alders, a nurse in Leeds, said the ward was full. Alders had worked there for years.",
        "Maria Alders",
        &["Maria Alders", "Alders"],
    );
    assert!(people("Frustrated Parents rallied outside.").is_empty());
    // Nor where the given name is a word or a place and the plural a noun.
    assert!(people("Grace Ministers met in June. Jordan Travelers were stranded.").is_empty());
}

#[test]
fn the_surname_he_after_a_title_opens_a_name_but_the_pronoun_does_not() {
    let text = "Chinese envoy He Yadong told reporters the talks would resume. \
                He said they had been useful.";
    assert_only_person(text, "He Yadong", &["He Yadong"]);
    // Right after a title, the pronoun before a verb is still no name.
    assert!(people("Asked about it, the minister He said nothing.").is_empty());
}

#[test]
fn a_name_after_a_title_runs_on_over_the_towns_inside_it() {
    // "San" and "Suu" are towns in the gazetteer; the name is one person's.
    let text = "Myanmar leader Aung San Suu Kyi met the envoy on Monday.";
    assert_only_person(text, "Aung San Suu Kyi", &["Aung San Suu Kyi"]);
    let a = analyze(text);
    assert!(
        a.entities.iter().all(|e| e.kind != EntityKind::Place),
        "{:?}",
        a.entities
    );
}

#[test]
fn a_crown_prince_is_a_title_and_no_organisation() {
    let text = "Saudi Crown Prince Mohammed bin Salman met the envoy. \
                Crown Prince Hussein of Jordan spoke later.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Mohammed bin Salman", "Hussein"], "{found:?}");
    let a = analyze(text);
    assert!(
        a.entities.iter().all(|e| e.kind != EntityKind::Org),
        "{:?}",
        a.entities
    );
    assert!(
        a.entities
            .iter()
            .any(|e| e.kind == EntityKind::Country && e.country.as_deref() == Some("SA")),
        "{:?}",
        a.entities
    );
    // An organisation named after the crown keeps it.
    let a = analyze("Shares of Crown Resorts fell on Monday.");
    let names: Vec<(EntityKind, &str)> = a
        .entities
        .iter()
        .map(|e| (e.kind, e.name.as_str()))
        .collect();
    assert_eq!(names, [(EntityKind::Org, "Crown Resorts")]);
}

#[test]
fn a_regnal_number_ends_a_monarchs_name_and_the_title_goes() {
    assert_only_person(
        "King Abdullah II of Jordan visited the hospital. Abdullah spoke briefly.",
        "Abdullah II",
        &["Abdullah II", "Abdullah"],
    );
    assert_only_person(
        "Pope Leo XIV met the pilgrims in the square.",
        "Leo XIV",
        &["Leo XIV"],
    );
}

#[test]
fn a_word_that_modifies_a_title_is_no_one() {
    for (text, name) in [
        (
            "\"We have made progress,\" said Foreign Minister Tamsin Oduya. \"But more is needed.\"",
            "Tamsin Oduya",
        ),
        (
            "Chief Financial Officer Colette Varga said the forecast held.",
            "Colette Varga",
        ),
    ] {
        let found = people(text);
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, [name], "{text}");
    }
}

#[test]
fn a_common_word_opening_a_quote_is_no_one() {
    let found = people("\"Federal workers and their families lose,\" Ilse Brandt said.");
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Ilse Brandt"]);
}

#[test]
fn a_role_before_a_name_is_not_part_of_it() {
    for text in [
        "Co-author Rohan Mehra of the institute said the data were clean.",
        "Striker Rohan Mehra scored twice.",
    ] {
        let found = people(text);
        let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["Rohan Mehra"], "{text}");
    }
}
