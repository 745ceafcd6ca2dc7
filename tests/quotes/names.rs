//! Speaker names: titles, particles, descriptions and headline runs
//! around them, and the recogniser's people.

use super::*;

#[test]
fn keeps_name_particles() {
    let text = "“It is late,” said Ursula von der Heide. “Too late,” added Omar al-Hakim.";
    let qs = quotes(text);
    assert_eq!(
        speakers(&qs),
        vec![Some("Ursula von der Heide"), Some("Omar al-Hakim")]
    );
}

#[test]
fn descriptions_before_a_name_are_not_part_of_it() {
    let text = "“Prices will fall,” said Lakeside Community College economist Marta Quill. \
                “It works,” said retired engineer Paul Vance. \
                “We are ready,” Harbour Rowing Club captain Ines Duarte said. \
                “Nobody called us,” said 9/11 responder Oskar Brandt. \
                “Fix the levee,” said 24-year-old nurse Lena Ortiz.";
    assert_eq!(
        speakers(&quotes(text)),
        vec![
            Some("Marta Quill"),
            Some("Paul Vance"),
            Some("Ines Duarte"),
            Some("Oskar Brandt"),
            Some("Lena Ortiz")
        ]
    );
}

#[test]
fn weekdays_are_not_speakers() {
    let text = "On Tuesday, the board announced “a pause.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_ne!(qs[0].speaker.as_deref(), Some("Tuesday"));
}

#[test]
fn person_entities_from_the_recogniser_give_canonical_names() {
    let text = "Dr. Mensah-Bonsu arrived late. “We start now,” Mensah-Bonsu said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Mensah-Bonsu")]);
    let people = [entity(
        text,
        EntityKind::Person,
        "Kwame Mensah-Bonsu",
        &["Mensah-Bonsu"],
    )];
    let qs = find_quotes(text, &people);
    assert_eq!(speakers(&qs), vec![Some("Kwame Mensah-Bonsu")]);
}

#[test]
fn a_run_ending_in_a_common_word_is_not_a_person() {
    // "Lund Tower" is a building: the story writes "the tower" too.
    let text = "Erik Holm spoke outside Lund Tower on Monday. The tower opened in 1990.\n\n\
                “We will restore it,” he said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Erik Holm")]);
}

#[test]
fn recogniser_names_lose_openers_and_descriptions() {
    let text = "If Halvard Brekke wins, the port reopens.\n\n“We are ready,” he said.";
    let people = [entity(
        text,
        EntityKind::Person,
        "If Halvard Brekke",
        &["If Halvard Brekke"],
    )];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Halvard Brekke")]
    );
}

#[test]
fn a_place_the_recogniser_took_for_a_person_is_not_a_speaker() {
    let text = "Lotte Brandsma campaigned in New Hampshire on Monday.\n\n“It went well,” she said.";
    let people = [
        entity(
            text,
            EntityKind::Person,
            "Lotte Brandsma",
            &["Lotte Brandsma"],
        ),
        entity(
            text,
            EntityKind::Person,
            "New Hampshire",
            &["New Hampshire"],
        ),
    ];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Lotte Brandsma")]
    );
}

#[test]
fn a_title_of_a_place_before_a_name() {
    let text = "“Talks resume,” said Secretary of State Amara Lindqvist.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Amara Lindqvist")]);
    let text = "Speaker of the House Rep. Tomas Berg (R-Ohio) said “the votes are there.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Tomas Berg")]);
}

#[test]
fn a_capitalised_word_inside_a_name_is_no_verb() {
    let text = "“Their aim is clear,” Lena Moss, a former United States envoy, said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Lena Moss")]);
}

#[test]
fn a_headline_run_is_the_full_name_it_starts_with() {
    let text = "Voters Cheer As The New Karin Lindqvist Arrives\n\n\
                Karin Lindqvist arrived on Monday.\n\n“I am home,” she said.";
    let people = [
        entity(
            text,
            EntityKind::Person,
            "New Karin Lindqvist",
            &["New Karin Lindqvist"],
        ),
        entity(
            text,
            EntityKind::Person,
            "Karin Lindqvist",
            &["Karin Lindqvist arrived"],
        ),
    ];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Karin Lindqvist")]
    );
}

#[test]
fn an_owner_before_a_name_is_not_part_of_it() {
    let text = "“It was a rout,” Harbor News's Dana Whitfield said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Dana Whitfield")]);
}

#[test]
fn a_headline_verb_after_a_known_name() {
    let text = "Varga Slams Critics: ‘We Stay.’\n\nPetra Varga spoke on Monday.";
    let people = [entity(
        text,
        EntityKind::Person,
        "Petra Varga",
        &["Petra Varga", "Varga"],
    )];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Petra Varga")]
    );
}

#[test]
fn a_name_run_into_a_title_case_headline_is_the_prose_name() {
    let text = "Petra Varga Hammers Harbor Bank Chief: ‘Fees Are Theft’\n\n\
                Petra Varga spoke on Monday.";
    let people = [
        entity(
            text,
            EntityKind::Person,
            "Petra Varga Hammers Harbor Bank",
            &["Petra Varga Hammers Harbor Bank"],
        ),
        entity(
            text,
            EntityKind::Person,
            "Petra Varga",
            &["Petra Varga spoke"],
        ),
    ];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Petra Varga")]
    );
}

#[test]
fn a_surname_ending_like_a_plural_role_follows_a_given_name() {
    // "Leenders" ends like "lenders", but after "Ryan" it is a surname.
    let text = "“I will never buy one again,” said Ryan Leenders, 30, a machinist.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ryan Leenders")]);
    // A plural role alone is still no one.
    let text = "“Close the plant,” said Lenders.";
    assert_eq!(speakers(&quotes(text)), vec![None]);
}

#[test]
fn a_lower_case_title_with_its_field_comes_before_the_name() {
    let text =
        "“We will win this,” said former secretary of state Ines Calder, who praised the voters.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ines Calder")]);
}

#[test]
fn a_description_before_a_name_and_its_apposition_after_the_quote() {
    let text = "“This is a strong report,” the economist Jared Bernholm, a former adviser \
                to the treasury, wrote on his blog.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Jared Bernholm")]);
}

#[test]
fn a_capitalised_common_word_opening_the_sentence_is_no_speaker() {
    // "Hours" and "Immediately" open the sentence; the story never writes
    // them in lower case, but they are common words, not names.
    let text = "Hours later, Okafor returned the favour, telling reporters, “We are old friends.”\n\n\
                Immediately after the vote, Ines Quaresma issued a statement, “The count was fair.”";
    assert_eq!(
        speakers(&quotes(text)),
        vec![Some("Okafor"), Some("Ines Quaresma")]
    );
}

#[test]
fn a_headline_run_that_opens_with_a_known_name_is_that_person() {
    // Not quite title case ("for", "to", "in"), so capitals run the name
    // into the verb after it; the speaker is still the person named.
    let text = "Glenn Okafor Blasts Harbor Plan for Mocking His Fleet, Quotes Scripture to \
                Urge Voters to ‘Turn Away’ in Court\n\n\
                The fishing leader Glenn Okafor spoke on Friday.\n\n\
                He explained the headline by saying: “They laughed at the boats.”";
    let people = [entity(
        text,
        EntityKind::Person,
        "Glenn Okafor",
        &["Glenn Okafor"],
    )];
    let found = find_quotes(text, &people);
    assert_eq!(
        speakers(&found),
        vec![Some("Glenn Okafor"), Some("Glenn Okafor")],
        "{found:?}"
    );
}

#[test]
fn a_church_title_is_no_part_of_the_speakers_name() {
    let text = "“We pray for peace,” said Archbishop Levon Arakelian of the Patriarchate of \
                Jerusalem. “We have waited long,” Reverend Ada Okoro added.";
    assert_eq!(
        speakers(&quotes(text)),
        vec![Some("Levon Arakelian"), Some("Ada Okoro")]
    );
}

#[test]
fn a_surname_that_is_also_a_title_stays_the_name_after_an_opening_word() {
    // "King" is a title too; "Today Mr. King" is still Mr. King, not a
    // person called "Today Mr. King" who would then take "Mr. King said".
    let text = "Larry King hosts a show on a cable network.\n\n\
                Today Mr. King is back on the air.\n\n\
                “They pay us a lot of money,” Mr. King said.";
    assert_eq!(speakers_of(text), [Some("Larry King".to_string())]);
    assert_eq!(speakers(&quotes(text)), [Some("Larry King")]);
}

#[test]
fn words_that_open_a_sentence_are_no_part_of_a_name() {
    let text = "Larry King and Ed Schultz host shows on the network.\n\n\
                Both King and Schultz say nobody edits them.\n\n\
                “They pay us a lot of money,” Mr. King said. Yesterday Schultz \
                agreed: “It is a job.”";
    assert_eq!(
        speakers_of(text),
        [
            Some("Larry King".to_string()),
            Some("Ed Schultz".to_string())
        ]
    );
}

#[test]
fn a_surname_that_is_a_country_is_the_person_where_no_country_is_meant() {
    let text = "American Tyler Jordan finished third. \
                \"I came here hoping for the top 10,\" Jordan said.";
    assert_eq!(speakers_of(text), vec![Some("Tyler Jordan".to_string())]);
    // Where the story names the country, it speaks.
    let text = "Jordan's King Abdullah met the envoys. \"We are ready,\" Jordan said.";
    assert_eq!(speakers_of(text), vec![Some("Jordan".to_string())]);
}
