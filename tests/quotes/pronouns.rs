//! Pronouns, roles and short names resolved to the person the story named.

use super::*;

#[test]
fn resolves_a_surname_to_the_full_name_used_earlier() {
    let text = "Foreign Minister Amara Okonkwo-Reyes arrived in Lagos.\n\n\
                “We came to listen,” Okonkwo-Reyes said.";
    let qs = quotes(text);
    assert_eq!(speakers(&qs), vec![Some("Amara Okonkwo-Reyes")]);
}

#[test]
fn resolves_pronouns_to_the_last_person_of_that_gender() {
    let text = "Margaret Osei met David Kowalski at the summit.\n\n\
                “The talks were useful,” she said.\n\n\
                “We disagree on tariffs,” he added.";
    let qs = quotes(text);
    assert_eq!(
        speakers(&qs),
        vec![Some("Margaret Osei"), Some("David Kowalski")]
    );
}

#[test]
fn a_pronoun_takes_the_person_just_named_even_when_no_name_shows_a_gender() {
    // "Naim" tells no gender; "Tomas" does, but two sentences back.
    let text = "Prime Minister Tomas Brandt did not comment on Sunday. \
                In Oslo, the movement's leader, Naim Haddad, said the group would not yield. \
                “Our answer has not changed,” he said.";
    assert_eq!(speakers_of(text), [Some("Naim Haddad".to_owned())]);
    // Named in the same sentence, the person whose gender fits keeps it.
    let text = "Tomas Brandt spoke after Naim Haddad had left the hall. \
                “Our answer has not changed,” he said.";
    assert_eq!(speakers_of(text), [Some("Tomas Brandt".to_owned())]);
}

#[test]
fn a_pronoun_skips_the_names_inside_the_quotation() {
    // The coach names a player inside his quote; "he" is still the coach.
    let text = "Coach Marek Olsen spoke to reporters after training on Friday. \
                “I want everyone to come and see Daniel Okafor play on Sunday,” he said.";
    assert_eq!(speakers_of(text), [Some("Marek Olsen".to_owned())]);
    // Names inside an earlier quotation are skipped too.
    let text = "Marek Olsen said: “Daniel Okafor trained well this week.” \
                Asked about the weather, “It will not matter,” he said.";
    let found = speakers_of(text);
    assert_eq!(
        found.last(),
        Some(&Some("Marek Olsen".to_owned())),
        "{found:?}"
    );
    // Only a person of unknown gender named long before is outside the
    // quotations; the woman quoted is the one "she" can be.
    let text = "Envoy Osman Farouk left the talks in March. The talks resumed in May. \
                Bill Dunmore said: “Helen Marsh worked hard for this.” \
                Asked about the vote, “We will see,” she said.";
    let found = speakers_of(text);
    assert_eq!(
        found.last(),
        Some(&Some("Helen Marsh".to_owned())),
        "{found:?}"
    );
    // An inch mark opens no quotation that would hide the engineer.
    let text = "Coach Tom Hill watched from the stands. The 12\" pipe burst as engineer \
                John Doe arrived. \"It held up,\" he said.";
    assert_eq!(speakers_of(text), [Some("John Doe".to_owned())]);
}

#[test]
fn two_people_sharing_a_surname_stay_two_people() {
    let text = "Anna Berg runs the farm with her brother, Lars Berg.\n\n\
                “The soil is tired,” Anna Berg said.\n\n\
                “We rotate the fields,” Lars Berg said.\n\n\
                “Next year we rest the east field,” she added.";
    assert_eq!(
        speakers(&quotes(text)),
        vec![Some("Anna Berg"), Some("Lars Berg"), Some("Anna Berg")]
    );
}

#[test]
fn pronouns_resolve_through_recogniser_mentions() {
    let text = "Selin Aydın met Jonas Weber.\n\n“We agreed on nothing,” she said.";
    let people = [
        entity(text, EntityKind::Person, "Selin Aydın", &["Selin Aydın"]),
        entity(text, EntityKind::Person, "Jonas Weber", &["Jonas Weber"]),
    ];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Selin Aydın")]
    );
}

#[test]
fn a_bare_surname_prefers_the_person_with_that_surname() {
    let text = "Donors joined the Varga Victory fund this week.\n\n\
                Mayor Petra Varga thanked them.\n\n\
                “This fund is for the city,” Ms. Varga said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Petra Varga")]);
}

#[test]
fn who_after_a_name_is_that_person() {
    let text = "''Sales are flat,'' said Ms. Quist, who runs a bakery, noting that prices had ''doubled.''";
    let qs = quotes(text);
    assert_eq!(speakers(&qs), vec![Some("Quist"), Some("Quist")]);
}

#[test]
fn nominal_speakers_resolve_to_the_person_with_that_role() {
    let text = "Sen. Mira Kovac met Gov. Peter Lund and Tom Reyes on Monday.\n\n\
                “We have a deal,” the senator said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Mira Kovac")]);
    let text = "Gov. Peter Lund met Sen. Mira Kovac.\n\nThe Ohio senator likes “hard bargains.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Mira Kovac")]);
}

#[test]
fn an_honorific_before_a_title_word_makes_it_a_surname() {
    let text = "Lucia Moreno thanked Mr. Bishop.\n\n“It is done,” Mr. Bishop said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Bishop")]);
}

#[test]
fn a_pronoun_skips_a_recognised_name_that_is_no_one() {
    // The recogniser took "the Harrow Bowl" for a person: no known
    // given name, no known surname, never written as "Bowl" alone, and
    // after an article.
    let text = "Tilda Marsh spoke on Monday. Critics of the Harrow Bowl scheme stayed away.\n\n\
                “It works,” she said.";
    let people = [
        entity(text, EntityKind::Person, "Tilda Marsh", &["Tilda Marsh"]),
        entity(text, EntityKind::Person, "Harrow Bowl", &["Harrow Bowl"]),
    ];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Tilda Marsh")]
    );
}

#[test]
fn a_given_name_both_genders_carry_takes_either_pronoun() {
    // "Dana" is given to women and men alike: "he" after Dana Okafor is
    // Dana Okafor, not the man named paragraphs before.
    let text = "Peter Lindqvist opened the hearing on Monday morning. The committee then \
                took evidence from the families of the victims for several hours, and \
                the chairman read out the letters that had reached his office over the \
                summer before the vote was finally called late in the afternoon.\n\n\
                “They are wrong,” said Dana Okafor, a farmer from the valley.\n\n\
                “We will wait no longer,” he said.";
    assert_eq!(
        speakers(&quotes(text)),
        vec![Some("Dana Okafor"), Some("Dana Okafor")]
    );
}

#[test]
fn a_pronoun_prefers_a_fitting_gender_named_just_before_an_unknown_one() {
    // Nothing tells Brodsky's gender; Clara Jensen, named a few words
    // earlier, is the "she" who speaks.
    let text = "Zoltan Brodsky lost the race in 2012.\n\n\
                On Monday, Clara Jensen leaned in, painting her rival as a Brodsky copy. \
                “Why won't he release his returns?” she said.";
    let people = [
        entity(
            text,
            EntityKind::Person,
            "Zoltan Brodsky",
            &["Zoltan Brodsky", "Brodsky"],
        ),
        entity(text, EntityKind::Person, "Clara Jensen", &["Clara Jensen"]),
    ];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Clara Jensen")]
    );
    // Named long enough after her, the person of unknown gender is the
    // nearer reading.
    let text = "Clara Jensen chaired the meeting. The agenda ran to eleven items, from \
                the harbour budget and the ferry timetable to the new school roof, and \
                the minutes of the last session took most of the first hour to approve \
                before anyone turned to the business of the evening.\n\n\
                Zoltan Brodsky rose to speak. “We cannot wait,” she said.";
    let people = [
        entity(text, EntityKind::Person, "Clara Jensen", &["Clara Jensen"]),
        entity(
            text,
            EntityKind::Person,
            "Zoltan Brodsky",
            &["Zoltan Brodsky"],
        ),
    ];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Zoltan Brodsky")]
    );
}

#[test]
fn a_title_before_a_surname_makes_it_a_person_for_pronouns() {
    let text = "President Mbeki condemned the test.\n\n\
                “We will never accept it,” he said.";
    let people = [entity(text, EntityKind::Person, "Mbeki", &["Mbeki"])];
    assert_eq!(speakers(&find_quotes(text, &people)), vec![Some("Mbeki")]);
}

#[test]
fn an_opening_clause_without_a_comma_leaves_the_pronoun_after_it_the_speaker() {
    let text = "Judge Alma Reyes listened for an hour. Then the court took a recess.\n\n\
                When she returned she began by saying, “I do not think a prison term is needed.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Alma Reyes")]);
}

#[test]
fn he_said_after_a_quote_goes_on_with_its_speaker() {
    // The mayor's gender is unknown ("Tamsin" is in no name list), the
    // developer's is not; "he said" right after the mayor spoke is still
    // the mayor, as no one else is named in between.
    let text = "Mayor Tamsin Okoro answered critics of developer Robert Hale on Friday.\n\n\
                “People look at the plan and say ‘what a mess’,” Okoro told a town \
                meeting.\n\n\
                “But usually we end up doing fine,” he said.";
    assert_eq!(
        speakers_of(text),
        [
            Some("Tamsin Okoro".to_string()),
            Some("Tamsin Okoro".to_string())
        ]
    );
}

#[test]
fn he_said_does_not_go_on_past_another_name_or_a_gender() {
    // Someone else named between the quotations takes the pronoun as before.
    let text = "Mayor Tamsin Okoro spoke first.\n\n\
                “We will build it,” Okoro said. Developer Robert Hale listened.\n\n\
                “It will cost more,” he said.";
    assert_eq!(speakers_of(text)[1], Some("Robert Hale".to_string()));
    // A speaker whose title shows her gender does not take "he".
    let text = "Robert Hale and Mrs. Tamsin Okoro spoke.\n\n\
                “We will build it,” Mrs. Okoro said.\n\n\
                “It will cost more,” he said.";
    assert_eq!(speakers_of(text)[1], Some("Robert Hale".to_string()));
}

#[test]
fn an_honorific_picks_the_person_of_its_gender_among_those_sharing_a_surname() {
    let text = "Hanna Lindqvist and her husband, Erik Lindqvist, toured the mill.\n\n\
                Erik Lindqvist spoke first.\n\n\
                “We will reopen it,” Mrs. Lindqvist said.\n\n\
                “Not before spring,” Mr. Lindqvist said.";
    let want = [Some("Hanna Lindqvist"), Some("Erik Lindqvist")];
    assert_eq!(speakers(&quotes(text)), want);
    assert_eq!(
        speakers_of(text),
        want.map(|s| s.map(str::to_string)).to_vec()
    );
}

#[test]
fn an_honorific_that_fits_no_one_still_finds_the_name() {
    // "Lou" is a woman's given name in the census list; "Mr. Lou" is still
    // the finance minister, the only Lou of the story.
    let text = "Finance Minister Lou Jiwei spoke in Beijing.\n\n\
                “The whole world applauded,” Mr. Lou said.";
    assert_eq!(speakers(&quotes(text)), [Some("Lou Jiwei")]);
}

#[test]
fn a_family_name_first_tells_no_gender_but_an_apposition_of_kinship_does() {
    // "Kim" is a woman's given name in "Kim Kardashian", a family name in
    // "Kim Jong Un"; "the sister of" says who "she" is.
    let text = "Kim Yo Jong, the powerful sister of leader Kim Jong Un, said the North \
                had no interest in talks. “Seoul should stop dreaming,” she said.";
    assert_eq!(speakers_of(text), [Some("Kim Yo Jong".to_string())]);
    let text = "Kim Tae Chol, the younger brother of envoy Kim Hae Jin, said the talks had failed. \
                “Nothing was agreed,” he said.";
    assert_eq!(speakers_of(text), [Some("Kim Tae Chol".to_string())]);
    // A list after the name is no apposition: "his wife" is someone else.
    let text = "Kim Jong Un, his wife and top aides watched the test. \
                “This is a great day,” he said.";
    assert_eq!(speakers_of(text), [Some("Kim Jong Un".to_string())]);
    // A given name still tells its gender.
    let text = "Kim Halvorsen met Bruno Tessaro in the lobby. “It went well,” she said.";
    assert_eq!(speakers_of(text), [Some("Kim Halvorsen".to_string())]);
}

#[test]
fn an_unnamed_source_is_no_one_the_story_named() {
    // "a senior official", "one aide": the story does not name them, so
    // the quotation is not the last named person's.
    let text = "President Mara Quist met union leaders on Monday.\n\n\
                “Nothing was agreed,” a senior administration official said, speaking on \
                condition of anonymity.\n\n\
                “We will try again,” one aide said.";
    assert_eq!(speakers_of(text), [None, None]);
    // A role with "the" is the person the story gave it.
    let text = "Mara Quist, the union's spokeswoman, spoke first.\n\n\
                “Nothing was agreed,” the spokeswoman said.";
    assert_eq!(speakers_of(text), [Some("Mara Quist".to_string())]);
}
