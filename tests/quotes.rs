//! Quotations and their speakers, on sentences written for these tests.

use byline::analyze::quotes::find_quotes;
use byline::model::{Entity, EntityKind, Mention, Quote};

fn quotes(text: &str) -> Vec<Quote> {
    find_quotes(text, &[])
}

/// Returns the characters a quote's offsets cover.
fn covered(text: &str, q: &Quote) -> String {
    text.chars().skip(q.start).take(q.end - q.start).collect()
}

fn speakers(qs: &[Quote]) -> Vec<Option<&str>> {
    qs.iter().map(|q| q.speaker.as_deref()).collect()
}

/// Returns the speakers the whole analysis gives the text's quotes, where
/// the recogniser's people are known.
fn speakers_of(text: &str) -> Vec<Option<String>> {
    byline::analyze::analyze(text)
        .quotes
        .into_iter()
        .map(|q| q.speaker)
        .collect()
}

#[test]
fn finds_name_said_after_a_curly_quote() {
    let text = "“The bridge will open in May,” Tomas Lindqvist said on Monday.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "The bridge will open in May,");
    assert_eq!(qs[0].speaker.as_deref(), Some("Tomas Lindqvist"));
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Person));
}

#[test]
fn finds_inverted_attribution_with_a_title() {
    let text = "\"We will not sign this treaty,\" said Foreign Minister Amara Okonkwo-Reyes.";
    let qs = quotes(text);
    assert_eq!(speakers(&qs), vec![Some("Amara Okonkwo-Reyes")]);
}

#[test]
fn finds_speaker_before_a_colon() {
    let text = "Helena Brandt said: “Nobody warned the farmers.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "Nobody warned the farmers.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Helena Brandt"));
}

#[test]
fn finds_according_to() {
    let text = "The port is “running at half speed,” according to Rafael da Costa.";
    let qs = quotes(text);
    assert_eq!(speakers(&qs), vec![Some("Rafael da Costa")]);
}

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
fn finds_an_organisation_speaker() {
    let text = "“The border stays closed,” the Interior Ministry said in a statement.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].speaker.as_deref(), Some("Interior Ministry"));
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Org));

    let unnamed = quotes("“No one was hurt,” the ministry said.");
    assert_eq!(unnamed[0].speaker_kind, Some(EntityKind::Org));
}

#[test]
fn a_quote_over_several_paragraphs_is_one_quotation() {
    let text = "Judge Lena Moreau said:\n\n\
                “The first point is simple.\n\n\
                “The second point is harder, and it decides the case.”\n\n\
                The court adjourned.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert!(qs[0].text.starts_with("The first point"));
    assert!(qs[0].text.ends_with("decides the case."));
    assert_eq!(qs[0].speaker.as_deref(), Some("Lena Moreau"));
}

#[test]
fn nested_single_quotes_stay_inside_the_quotation() {
    let text = "“He told me ‘go home’ and left,” Priya Raman said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "He told me ‘go home’ and left,");
    assert_eq!(qs[0].speaker.as_deref(), Some("Priya Raman"));
}

#[test]
fn short_partial_quotes_are_found() {
    let text = "Karl Jensen called the plan “reckless” and left the room.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "reckless");
    assert_eq!(qs[0].speaker.as_deref(), Some("Karl Jensen"));
}

#[test]
fn an_unbalanced_mark_does_not_hide_the_next_quote() {
    let same_paragraph =
        "The sign read “closed for repairs. Later, “We reopen in June,” said Noor Haddad.";
    let qs = quotes(same_paragraph);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "We reopen in June,");
    assert_eq!(qs[0].speaker.as_deref(), Some("Noor Haddad"));

    let next_paragraph = "The sign read \"closed for repairs.\n\n\
                          The owner, Noor Haddad, said the shop would \"reopen in June.\"";
    let qs = quotes(next_paragraph);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "reopen in June.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Noor Haddad"));
}

#[test]
fn offsets_count_characters_not_bytes() {
    let text = "Zoë Ångström visited Düsseldorf. “Ça va très bien,” Ångström said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(covered(text, &qs[0]), "Ça va très bien,");
    assert_eq!(covered(text, &qs[0]), qs[0].text);
    assert_eq!(qs[0].speaker.as_deref(), Some("Zoë Ångström"));
}

#[test]
fn a_quote_split_around_the_attribution_keeps_its_speaker() {
    let text = "“The harvest failed,” said Mr. Tobias Frank, “and prices will rise.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(
        speakers(&qs),
        vec![Some("Tobias Frank"), Some("Tobias Frank")]
    );
}

#[test]
fn text_without_quotes_gives_nothing() {
    assert!(quotes("The council met on Tuesday and adjourned early.").is_empty());
    assert!(quotes("").is_empty());
}

#[test]
fn organisation_names_keep_their_of() {
    let text = "“Rates will stay where they are,” said the Bank of England.";
    let qs = quotes(text);
    assert_eq!(qs[0].speaker.as_deref(), Some("Bank of England"));
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Org));
}

#[test]
fn a_capital_speaks_for_its_country() {
    let text = "“The exercise is routine,” Canberra said.";
    let qs = quotes(text);
    assert_eq!(qs[0].speaker.as_deref(), Some("Australia"));
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Country));
}

#[test]
fn a_participle_after_a_comma_gives_the_clause_subject() {
    let text = "Mayor Ilse Varga rejected the transit plan on Monday, saying, “It costs too much.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ilse Varga")]);
}

#[test]
fn opening_phrases_before_the_subject_are_skipped() {
    let text =
        "On Thursday, after weeks of silence, Greta Lund endorsed the plan, saying: “It is time.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Greta Lund")]);
}

#[test]
fn a_name_before_a_colon_speaks() {
    let text =
        "The low turnout did not surprise pollster Dana Whitfield: “Rain keeps voters home.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Dana Whitfield")]);
    let headline =
        "Whitfield: ‘Rain Keeps Voters Home’\n\nPollster Dana Whitfield spoke on Monday.";
    assert_eq!(speakers(&quotes(headline)), vec![Some("Dana Whitfield")]);
}

#[test]
fn a_signature_line_below_the_quote_names_the_speaker() {
    let text = "“Keep the libraries open on Sundays.”\n\n— Ruth Ambler, Leeds.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ruth Ambler")]);
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
fn seats_of_government_speak_for_their_country() {
    let qs = quotes("The Kremlin dismissed the report as “fiction.”");
    assert_eq!(speakers(&qs), vec![Some("Russia")]);
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Country));
    let qs = quotes("“We have no comment at this time,” the White House said.");
    assert_eq!(speakers(&qs), vec![Some("United States")]);
}

#[test]
fn a_country_s_ministry_or_embassy_speaks_for_the_country() {
    let qs = quotes("Norway's foreign ministry said the claims were “baseless.”");
    assert_eq!(speakers(&qs), vec![Some("Norway")]);
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Country));
    let qs = quotes("Chile's embassy in Madrid said the visit was “routine.”");
    assert_eq!(speakers(&qs), vec![Some("Chile")]);
}

#[test]
fn a_quote_that_ends_its_sentence_keeps_its_own_speaker() {
    let text = "Helga Moritz called the delay “regrettable.” The agency said it would publish a timetable.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Helga Moritz")]);
}

#[test]
fn a_party_and_state_tag_does_not_end_the_sentence() {
    let text = "“We need the votes,” Rep. Dora Klein, D-Ill., said. \
                “It will pass,” said Walt Brenner of Cambridge, Mass., on Friday.";
    assert_eq!(
        speakers(&quotes(text)),
        vec![Some("Dora Klein"), Some("Walt Brenner")]
    );
}

#[test]
fn a_partial_quote_belongs_to_the_named_subject() {
    let text = "Chancellor Ingrid Solberg defended the “difficult but fair” budget.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ingrid Solberg")]);
}

#[test]
fn weekdays_are_not_speakers() {
    let text = "On Tuesday, the board announced “a pause.”";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_ne!(qs[0].speaker.as_deref(), Some("Tuesday"));
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

/// An entity as the recogniser hands it over, with char offsets of each mention.
fn entity(text: &str, kind: EntityKind, name: &str, written: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for w in written {
        for (byte, _) in text.match_indices(w) {
            let start = text[..byte].chars().count();
            mentions.push(Mention {
                start,
                end: start + w.chars().count(),
                text: (*w).to_string(),
            });
        }
    }
    Entity {
        kind,
        name: name.to_string(),
        country: None,
        salience: 0.5,
        mentions,
    }
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
fn org_entities_from_the_recogniser_give_canonical_names() {
    let text = "Ölüdeniz was calm. “Aid is blocked at the border,” the U.N. said.";
    let orgs = [entity(text, EntityKind::Org, "United Nations", &["U.N."])];
    let qs = find_quotes(text, &orgs);
    assert_eq!(speakers(&qs), vec![Some("United Nations")]);
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Org));
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
fn who_after_a_name_is_that_person() {
    let text = "''Sales are flat,'' said Ms. Quist, who runs a bakery, noting that prices had ''doubled.''";
    let qs = quotes(text);
    assert_eq!(speakers(&qs), vec![Some("Quist"), Some("Quist")]);
}

#[test]
fn a_third_mark_closing_a_nested_quote_keeps_the_attribution() {
    let text = "''They keep saying 'this is special,''' Mr. Okoro said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Okoro")]);
}

#[test]
fn an_attribution_ending_in_a_colon_belongs_to_the_next_quote() {
    let text =
        "''We fled,'' Ms. Haddad said. ''We are safe now.'' Mr. Lind said: ''It was the war.''";
    assert_eq!(
        speakers(&quotes(text)),
        vec![Some("Haddad"), Some("Haddad"), Some("Lind")]
    );
}

#[test]
fn a_speaker_after_a_comma_closes_a_long_sentence() {
    let text = "“The recovery is real,” even if it is slow in rural areas and small towns, said Ingrid Solberg.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ingrid Solberg")]);
    let text = "“It will pass,” the long story of the bill in this chamber, Marek Nowak says.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Marek Nowak")]);
}

#[test]
fn the_one_who_asks_speaks_in_a_passive() {
    let text = "Okafor was asked by host Dana Whitfield, who moderated, “Will you run again?”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Dana Whitfield")]);
    // "said by telephone" is no passive.
    let text = "“We lost,” Mr. Daniel Ruiz, now retired in Leeds, said by telephone.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Daniel Ruiz")]);
}

#[test]
fn a_title_of_a_place_before_a_name() {
    let text = "“Talks resume,” said Secretary of State Amara Lindqvist.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Amara Lindqvist")]);
    let text = "Speaker of the House Rep. Tomas Berg (R-Ohio) said “the votes are there.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Tomas Berg")]);
}

#[test]
fn a_colon_opens_a_new_clause_and_common_words_are_no_subjects() {
    let text = "The Update: Greta Holm defends ‘local values.’";
    assert_eq!(speakers(&quotes(text)), vec![Some("Greta Holm")]);
    let text = "Olaf Berg met the mayor. Hours later, Olaf Berg told reporters, “It went well.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Olaf Berg")]);
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
fn a_capitalised_word_inside_a_name_is_no_verb() {
    let text = "“Their aim is clear,” Lena Moss, a former United States envoy, said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Lena Moss")]);
}

#[test]
fn a_parenthesised_tag_and_an_apposition_before_the_verb() {
    let text = "“They would get them,” Rep. Ann Ferris (D-Ore.), a panel member, said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ann Ferris")]);
}

#[test]
fn an_honorific_before_a_title_word_makes_it_a_surname() {
    let text = "Lucia Moreno thanked Mr. Bishop.\n\n“It is done,” Mr. Bishop said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Bishop")]);
}

#[test]
fn the_owner_of_a_report_speaks() {
    let text = "“Growth will slow,” the OECD report stated.";
    let orgs = [entity(text, EntityKind::Org, "OECD", &["OECD"])];
    assert_eq!(speakers(&find_quotes(text, &orgs)), vec![Some("OECD")]);
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
fn hostile_text_does_not_panic() {
    for text in [
        "''' ''' '''",
        "“,” said",
        "said “",
        "— ” —",
        "Mr. “x” who, said: “",
        "“a” , , , said by",
        "\n\n“\n\n”\n\n:",
    ] {
        let _ = quotes(text);
    }
}

#[test]
fn the_subject_of_a_clause_ending_in_a_colon_speaks() {
    let text = "Senator Ruth Okafor delivered a warning to Tomas Berg: “Stop the attacks.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ruth Okafor")]);
}

#[test]
fn an_owner_before_a_name_is_not_part_of_it() {
    let text = "“It was a rout,” Harbor News's Dana Whitfield said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Dana Whitfield")]);
}

#[test]
fn a_sentence_that_only_attributes_gives_the_next_quote_its_speaker() {
    let text = "“We lost.” Ola Berg said in a statement. “There are no ballots left.”";
    assert_eq!(
        speakers(&quotes(text)),
        vec![Some("Ola Berg"), Some("Ola Berg")]
    );
    // A sentence that reports something of its own does not.
    let text = "Mira Holt spoke first. Ola Berg said the count was over. “We lost.”";
    assert_ne!(speakers(&quotes(text)), vec![Some("Ola Berg")]);
}

#[test]
fn but_added_keeps_the_clause_subject() {
    let text = "Greeting supporters, Ana Lisboa, 70, said it was early but added, “We have won.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ana Lisboa")]);
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
fn a_straight_mark_left_open_is_not_continued_by_a_curly_one() {
    // A block quote's paragraph opened with a straight mark and never
    // closed; the next paragraph's curly quote is a quote of its own.
    let text = "\"Mara was asleep by then.\n\n“Here she comes,” Ilse Berg said. “At last.”";
    let qs = quotes(text);
    let said: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(said, vec!["Here she comes,", "At last."]);
    assert_eq!(speakers(&qs), vec![Some("Ilse Berg"), Some("Ilse Berg")]);
    // The same marks, both curly, are one quote over two paragraphs.
    let text = "“Mara was asleep by then.\n\n“Here she comes,” Ilse Berg said.";
    let said: Vec<String> = quotes(text).into_iter().map(|q| q.text).collect();
    assert_eq!(said.len(), 1);
    assert!(said[0].starts_with("Mara was asleep"));
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
fn a_participle_without_a_comma_gives_its_subject() {
    // The name right before the participle speaks ...
    let text = "The advert ends with footage of Lars Ekberg saying during the debate, \
                “That makes me smart,” when Maja Holm attacked him.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Lars Ekberg")]);
    // ... else the subject of the clause, not the name it attacks.
    let text =
        "Lars Ekberg attacked Maja Holm over her vote on the dam, saying, “She is reckless.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Lars Ekberg")]);
    let text = "Lars Ekberg issued a statement on Tuesday saying, “It is unfortunate.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Lars Ekberg")]);
}

#[test]
fn a_clause_after_a_quote_is_no_attribution_unless_one_follows_it() {
    let text = "Lars Ekberg defended the tax plan, saying, “That makes me smart,” \
                when Maja Holm blasted him.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Lars Ekberg")]);
    let text = "Ines Calder opened the debate.\n\n\
                “Many would call that a defeat” if she lost by less, said Omar Haddad, an analyst.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Omar Haddad")]);
    let text = "Omar Haddad spoke first.\n\n\
                “I want to wait” before discussing specifics, he said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Omar Haddad")]);
}

#[test]
fn a_partial_quote_whose_sentence_runs_on_before_its_attribution() {
    let text = "Ines Calder leads the count.\n\n\
                “It seems extremely unlikely” that Omar Haddad can catch Ines Calder, \
                said Steve Elmqvist, a party strategist.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Steve Elmqvist")]);
    let text = "“This will be a challenge” for Ines Calder, said Mira Kunz.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Mira Kunz")]);
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
fn a_clause_after_an_inverted_name_is_not_a_second_name() {
    let text = "“We will rebuild the bridge,” said former transport minister Lena Osei \
                during the second Harbour Council debate.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Lena Osei")]);
}

#[test]
fn a_speech_verb_in_the_infinitive_gives_the_name_before_it() {
    let text = "“The river is rising,” Tomas Berg said.\n\n\
                The hearing was so calm that Mr. Halvorsen was moved to say, “I have never seen a quieter room.”";
    assert_eq!(
        speakers(&quotes(text)),
        vec![Some("Tomas Berg"), Some("Halvorsen")]
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
fn an_opening_clause_without_a_comma_leaves_the_pronoun_after_it_the_speaker() {
    let text = "Judge Alma Reyes listened for an hour. Then the court took a recess.\n\n\
                When she returned she began by saying, “I do not think a prison term is needed.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Alma Reyes")]);
}

#[test]
fn a_speaker_with_a_long_affiliation_after_the_quote_is_the_person() {
    let text = "North Korea tested a rocket on Monday.\n\n\
                “The launch site has been busy for weeks,” Jorge Alvarez of the Pacific \
                Center for Arms Control Studies wrote in December.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Jorge Alvarez")]);
}

#[test]
fn an_apposition_missing_its_closing_comma_leaves_the_person_the_speaker() {
    let text = "Sam Ortega, the spokesman for the Ohio Democratic Party said: “We are ready.”";
    let party = [entity(
        text,
        EntityKind::Org,
        "Ohio Democratic Party",
        &["Ohio Democratic Party"],
    )];
    assert_eq!(
        speakers(&find_quotes(text, &party)),
        vec![Some("Sam Ortega")]
    );
}

#[test]
fn an_attribution_that_opens_the_next_quote_is_not_the_one_before() {
    let text = "“She is clever. I would hire her,” the banker Nina Brandt said of Vega. \
                “But as mayor, her plans worry me.” Of Ortiz, Brandt, who backs a third \
                candidate, said, “He frightens me.”";
    let people = [
        entity(
            text,
            EntityKind::Person,
            "Nina Brandt",
            &["Nina Brandt", "Brandt"],
        ),
        entity(text, EntityKind::Person, "Vega", &["Vega"]),
        entity(text, EntityKind::Person, "Ortiz", &["Ortiz"]),
    ];
    assert_eq!(
        speakers(&find_quotes(text, &people)),
        vec![Some("Nina Brandt"); 3]
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
