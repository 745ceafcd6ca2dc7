//! Every speaker names an entity, on our own sentences, through the whole
//! analysis.

use crate::analyze::analyze;
use crate::model::EntityKind::Person;
use crate::model::{Analysis, Entity, EntityKind, Mention, Quote};

/// Checks the contract on `a`: every speaker is the canonical name of an
/// entity of the speaker's kind; returns the speakers in quote order.
fn speakers(a: &Analysis) -> Vec<Option<String>> {
    for q in &a.quotes {
        if let Some(s) = &q.speaker {
            assert!(
                a.entities
                    .iter()
                    .any(|e| &e.name == s && Some(e.kind) == q.speaker_kind),
                "speaker {s:?} is no entity: {:?}",
                a.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
            );
        }
    }
    a.quotes.iter().map(|q| q.speaker.clone()).collect()
}

#[test]
fn occurrences_are_whole_words_counted_in_chars() {
    let text = "Über Zaw Win, Zaw Winter and Zaw Win.";
    let found = super::text::occurrences(&super::text::Text::new(text), "Zaw Win");
    assert_eq!(found, [(5, 12, "Zaw Win"), (29, 36, "Zaw Win")]);
    // A long text is read through its index of words, to the same answer.
    let pad = "é ".repeat(super::text::INDEXED_TEXT);
    let long = format!("{pad}{text}");
    let n = pad.chars().count();
    let found = super::text::occurrences(&super::text::Text::new(&long), "Zaw Win");
    assert_eq!(
        found,
        [(n + 5, n + 12, "Zaw Win"), (n + 29, n + 36, "Zaw Win")]
    );
}

#[test]
fn names_match_by_last_word_and_compatible_first_words() {
    use super::same_name;
    assert!(same_name("Newt Gingrich", "Gingrich"));
    assert!(same_name("J. Ruiz", "Jorge Ruiz"));
    assert!(same_name("Harold Pike Jr.", "Harold Pike"));
    assert!(same_name("Pike's", "Ana Pike"));
    assert!(!same_name("Ana Pike", "Jorge Pike"));
    assert!(!same_name("Ana Pike", "Ana Pikes"));
    assert!(same_name("Christopher Stevens", "J. Christopher Stevens"));
}

#[test]
fn a_speaker_every_quote_gives_is_an_entity_or_none() {
    let text = "Monks marched through Mandalay on Sunday.\n\n\
                \u{201c}We will not stop,\u{201d} Thet Naing Oo said. \u{201c}Never,\u{201d} \
                Amos Okafor told reporters.\n\n\
                \u{201c}It is late,\u{201d} Okafor said. \u{201c}Go home,\u{201d} Thanks said.";
    let a = analyze(text);
    let found = speakers(&a);
    assert!(
        found.iter().flatten().any(|s| s == "Amos Okafor"),
        "{found:?}"
    );
    assert!(found.iter().flatten().all(|s| s != "Thanks"), "{found:?}");
}

/// An entity of `kind` with a mention at each `(start, text)`.
fn entity(kind: EntityKind, name: &str, at: &[(usize, &str)]) -> Entity {
    Entity {
        kind,
        name: name.into(),
        country: None,
        salience: 0.0,
        mentions: at
            .iter()
            .map(|&(start, t)| Mention {
                start,
                end: start + t.chars().count(),
                text: t.into(),
            })
            .collect(),
    }
}

fn quote(start: usize, speaker: &str, kind: EntityKind) -> Quote {
    Quote {
        text: String::new(),
        start,
        end: start,
        speaker: Some(speaker.into()),
        speaker_kind: Some(kind),
    }
}

fn names(entities: &[Entity]) -> Vec<(&str, Vec<(usize, &str)>)> {
    entities
        .iter()
        .map(|e| {
            let m = e
                .mentions
                .iter()
                .map(|m| (m.start, m.text.as_str()))
                .collect();
            (e.name.as_str(), m)
        })
        .collect()
}

#[test]
fn a_fuller_name_in_an_attribution_widens_the_entity_and_its_mention() {
    let text = "Vukovic spoke first. \"Soon,\" said Mirela Vukovic on Monday.";
    let mut entities = vec![entity(
        Person,
        "Vukovic",
        &[(0, "Vukovic"), (41, "Vukovic")],
    )];
    let mut quotes = [
        quote(21, "Vukovic", Person),
        quote(21, "Mirela Vukovic", Person),
    ];
    super::link(text, &mut entities, &mut quotes);
    assert_eq!(
        names(&entities),
        [(
            "Mirela Vukovic",
            vec![(0, "Vukovic"), (34, "Mirela Vukovic")]
        )]
    );
    let said: Vec<_> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(said, [Some("Mirela Vukovic"), Some("Mirela Vukovic")]);
}

#[test]
fn a_name_the_tagger_cut_short_is_taken_over_by_the_speakers_name() {
    let text = "Laurence H. Tribe wrote: \"No.\"";
    let mut entities = vec![entity(Person, "Laurence H.", &[(0, "Laurence H.")])];
    let mut quotes = [
        quote(25, "Laurence H.", Person),
        quote(25, "Laurence H. Tribe", Person),
    ];
    super::link(text, &mut entities, &mut quotes);
    assert_eq!(
        names(&entities),
        [("Laurence H. Tribe", vec![(0, "Laurence H. Tribe")])]
    );
    assert!(
        quotes
            .iter()
            .all(|q| q.speaker.as_deref() == Some("Laurence H. Tribe"))
    );
}

#[test]
fn a_shared_surname_goes_to_the_person_named_last_before_the_quote() {
    let text = "Ana Pike met Jorge Pike. Later Ana Pike left. \"Fine,\" Pike said.";
    let mut entities = vec![
        entity(Person, "Ana Pike", &[(0, "Ana Pike"), (31, "Ana Pike")]),
        entity(Person, "Jorge Pike", &[(13, "Jorge Pike")]),
    ];
    let mut quotes = [quote(46, "Pike", Person)];
    super::link(text, &mut entities, &mut quotes);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Ana Pike"));
    assert_eq!(entities.len(), 2);
}

#[test]
fn a_speaker_that_is_no_name_or_runs_over_a_place_is_dropped() {
    let text = "\"Yes,\" Preceded said. \"No,\" Amara Lisbon said in Lisbon.";
    let place = entity(
        EntityKind::Place,
        "Lisbon",
        &[(34, "Lisbon"), (49, "Lisbon")],
    );
    let mut entities = vec![place.clone()];
    let mut quotes = [
        quote(0, "Preceded", Person),
        quote(23, "Amara Lisbon", Person),
    ];
    super::link(text, &mut entities, &mut quotes);
    assert_eq!(entities, [place]);
    assert!(
        quotes
            .iter()
            .all(|q| q.speaker.is_none() && q.speaker_kind.is_none())
    );
}

#[test]
fn a_speaker_named_like_an_entity_of_another_kind_takes_its_kind() {
    let text = "Lee County voted. \"No,\" Lee County said.";
    let place = entity(
        EntityKind::Place,
        "Lee County",
        &[(0, "Lee County"), (24, "Lee County")],
    );
    let mut entities = vec![place.clone()];
    let mut quotes = [quote(18, "Lee County", Person)];
    super::link(text, &mut entities, &mut quotes);
    assert_eq!(entities, [place]);
    assert_eq!(quotes[0].speaker.as_deref(), Some("Lee County"));
    assert_eq!(quotes[0].speaker_kind, Some(EntityKind::Place));
}

#[test]
fn a_name_the_tagger_missed_becomes_an_entity_with_its_mentions() {
    let text = "\"We stay,\" Win Htein said. Win Htein, 74, was jailed in 2019.";
    let mut entities = Vec::new();
    let mut quotes = [quote(0, "Win Htein", Person)];
    super::link(text, &mut entities, &mut quotes);
    assert_eq!(
        names(&entities),
        [("Win Htein", vec![(11, "Win Htein"), (27, "Win Htein")])]
    );
    assert_eq!(quotes[0].speaker.as_deref(), Some("Win Htein"));
}

#[test]
fn a_speaker_is_not_linked_to_a_misread_name_nor_widened_by_a_suffix() {
    let text = "Supporters Carson cheered. \"Go,\" Carson said. Ned Pike III and Ned Pike met. \
                \"Hi,\" Ned Pike III said. Jo Ruiz of Lima and Ruiz left. \"Bye,\" Ruiz said.";
    let carson = text.find("Supporters").unwrap_or(0);
    let pike = text.find("Ned Pike and").unwrap_or(0);
    let ruiz = text.find("Jo Ruiz").unwrap_or(0);
    let mut entities = vec![
        entity(
            Person,
            "Supporters Carson",
            &[(carson, "Supporters Carson")],
        ),
        entity(Person, "Ned Pike", &[(pike, "Ned Pike")]),
        entity(Person, "Jo Ruiz of Lima", &[(ruiz, "Jo Ruiz of Lima")]),
    ];
    let mut quotes = [
        quote(27, "Carson", Person),
        quote(70, "Ned Pike III", Person),
    ];
    super::link(text, &mut entities, &mut quotes);
    let said: Vec<_> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(said, [Some("Carson"), Some("Ned Pike")]);
    assert!(
        entities.iter().any(|e| e.name == "Carson"),
        "{:?}",
        names(&entities)
    );
}

#[test]
fn a_speaker_inside_a_longer_name_or_spelled_out_is_that_entity() {
    // The attribution's reading stopped short of the name the tagger found.
    let text = "The suspect spoke. \"No,\" said Ravi Lal Dutt. The FBI agreed.";
    let dutt = text.find("Ravi Lal Dutt").unwrap_or(0);
    let fbi = text.chars().count() - "FBI agreed.".len();
    let mut entities = vec![
        entity(Person, "Ravi Lal Dutt", &[(dutt, "Ravi Lal Dutt")]),
        entity(EntityKind::Org, "FBI", &[(fbi, "FBI")]),
    ];
    let mut quotes = [
        quote(19, "Ravi Lal", Person),
        quote(19, "Federal Bureau of Investigation", EntityKind::Org),
    ];
    super::link(text, &mut entities, &mut quotes);
    let said: Vec<_> = quotes.iter().map(|q| q.speaker.as_deref()).collect();
    assert_eq!(said, [Some("Ravi Lal Dutt"), Some("FBI")]);
}

#[test]
fn a_name_split_by_a_no_break_space_is_still_found() {
    let text = "\"Wow,\" mused Stu\u{a0}Birkett. Later Stu Birkett left.";
    let mut entities = Vec::new();
    let mut quotes = [quote(0, "Stu Birkett", Person)];
    super::link(text, &mut entities, &mut quotes);
    assert_eq!(
        names(&entities),
        [(
            "Stu Birkett",
            vec![(13, "Stu\u{a0}Birkett"), (32, "Stu Birkett")]
        )]
    );
}
