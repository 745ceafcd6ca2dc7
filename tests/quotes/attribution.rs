//! Where the attribution stands: after or before the quotation, across
//! a colon, an apposition, a participle or a split quotation.

use super::*;

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
fn a_parenthesised_tag_and_an_apposition_before_the_verb() {
    let text = "“They would get them,” Rep. Ann Ferris (D-Ore.), a panel member, said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ann Ferris")]);
}

#[test]
fn the_subject_of_a_clause_ending_in_a_colon_speaks() {
    let text = "Senator Ruth Okafor delivered a warning to Tomas Berg: “Stop the attacks.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ruth Okafor")]);
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
fn a_partial_quote_belongs_to_the_named_subject() {
    let text = "Chancellor Ingrid Solberg defended the “difficult but fair” budget.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Ingrid Solberg")]);
}

#[test]
fn a_colon_opens_a_new_clause_and_common_words_are_no_subjects() {
    let text = "The Update: Greta Holm defends ‘local values.’";
    assert_eq!(speakers(&quotes(text)), vec![Some("Greta Holm")]);
    let text = "Olaf Berg met the mayor. Hours later, Olaf Berg told reporters, “It went well.”";
    assert_eq!(speakers(&quotes(text)), vec![Some("Olaf Berg")]);
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
fn a_participle_after_said_belongs_to_the_one_who_said() {
    let text = "Ines Duarte and Tomas Ruiz met the press.\n\n\
                Duarte and the mayor will meet next week, Ruiz said, adding, \
                “They need to sit down and talk.”";
    assert_eq!(speakers_of(text), [Some("Tomas Ruiz".to_string())]);
    // The one who said it, not the one whose words they report.
    let text = "Tomas Ruiz and Ines Duarte met the press.\n\n\
                Ruiz told reporters that Duarte said the plan was dead, adding, \
                “We will fix it.”";
    assert_eq!(speakers_of(text), [Some("Tomas Ruiz".to_string())]);
}

#[test]
fn and_added_after_a_long_opening_phrase_keeps_the_one_who_said() {
    let text = "Marek Lazaro was arrested in 2014.\n\n\
                In a wide-ranging, in-prison interview with journalist Dana Whitfield \
                last year, Lazaro said he welcomed extradition and added, “I will plead \
                guilty, no problem.”";
    assert_eq!(speakers_of(text), [Some("Marek Lazaro".to_string())]);
}

#[test]
fn a_participle_after_a_preposition_is_the_clause_subjects() {
    // The name inside the apposition is not the one speaking.
    let text = "Carla Mendes and Bernard Sandoval spoke at the rally.\n\n\
                Mendes, herself a Sandoval supporter during the primary, incurred a \
                wave of boos upon saying, “The count is not over.”";
    assert_eq!(speakers_of(text), [Some("Carla Mendes".to_string())]);
    // An object before the participle is the one speaking.
    let text = "Tomas Ruiz and Carla Mendes met.\n\n\
                Ruiz said he remembered her saying, “We will win.”";
    assert_eq!(speakers_of(text), [Some("Carla Mendes".to_string())]);
}

#[test]
fn a_quote_later_in_the_clause_of_a_partial_quote_keeps_its_speaker() {
    // The words between the two quotations have no subject of their own:
    // not "Hale's", the name among them.
    let text = "Tomas Ruiz and Ines Hale spoke.\n\n\
                Ruiz called it “premature” to back Hale's campaign for mayor while \
                adding on housing, “I have no doubt her heart is in the right place.”";
    assert_eq!(
        speakers_of(text),
        [
            Some("Tomas Ruiz".to_string()),
            Some("Tomas Ruiz".to_string())
        ]
    );
}

#[test]
fn a_quote_closed_by_a_comma_ends_its_clause() {
    let text = "Wendell Okafor writes a column.\n\n\
                From his speech to his call for a “border force,” Okafor described \
                the plan as a “caricature of policy.”";
    assert_eq!(speakers_of(text)[1], Some("Wendell Okafor".to_string()));
}

#[test]
fn a_day_between_the_subject_and_its_verb() {
    let text = "Mayor Tamsin Okoro opened the bridge.\n\n\
                Okoro on Thursday said, “It took nine years.”\n\n\
                “We are proud of it,” Okoro later Friday night told reporters.";
    let want = Some("Tamsin Okoro".to_string());
    assert_eq!(speakers_of(text), [want.clone(), want.clone()]);
    let text = "Mayor Tamsin Okoro opened the bridge.\n\n\
                “We are proud of it,” Okoro later Friday night told reporters.";
    assert_eq!(speakers_of(text), [want]);
    // The one written to is not the one speaking.
    let text = "Mayor Tamsin Okoro opened the bridge.\n\n\
                The groups who wrote to her on Thursday say they are “concerned about the tolls.”";
    assert_eq!(speakers_of(text), [None]);
}

#[test]
fn an_apposition_left_open_before_the_verb_leaves_the_person_the_speaker() {
    let text = "“The county needs a plan for its rural voters,” Wendell Okafor, the \
                pollster who founded the survey tweeted on Wednesday.";
    assert_eq!(speakers_of(text), [Some("Wendell Okafor".to_string())]);
    let text = "“She says different things to different crowds,” Carla Mendes, who \
                is chairman of Our Harbour Fund said in a statement.";
    assert_eq!(speakers_of(text), [Some("Carla Mendes".to_string())]);
    // "who" followed by a subject is the object of its clause.
    let text = "Carla Mendes met Tomas Ruiz.\n\n\
                Mendes turned on Ruiz, who Mendes on Wednesday called “a disgrace.”";
    assert_eq!(speakers_of(text), [Some("Carla Mendes".to_string())]);
    let text = "Mayor Carla Mendes met Tomas Ruiz.\n\n\
                She turned on Ruiz, who she called “a disgrace.”";
    assert_eq!(speakers_of(text), [Some("Carla Mendes".to_string())]);
    // An opening phrase that ends in a comma is no apposition.
    let text = "Tomas Ruiz spoke.\n\n\
                Asked about Ruiz, the spokesman for the party said, “We disagree.”";
    assert_eq!(speakers_of(text), [None]);
}
