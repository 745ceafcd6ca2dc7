//! Sources the story may not name: their quotes have no speaker.

use super::*;

fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn a_noun_or_pronoun_after_an_unnamed_source_names_no_one() {
    let text = "Senator Ruth Calder said the bill was dead. \"We are done,\" Calder said.\n\n\
                A Senate aide, who asked not to be named because talks were continuing, \
                said leaders were discussing a compromise. \"Nobody wants to blink first,\" \
                the aide said.\n\n\
                A nurse who declined to give her name said she had started at 19. \
                \"My back is finished,\" she said.";
    assert_eq!(speakers_of(text), vec![some("Ruth Calder"), None, None]);
}

#[test]
fn a_source_unnamed_in_the_attribution_itself_names_no_one() {
    let text = "Transport Minister Paul Varenne urged calm.\n\n\
                \"We were supposed to be in Lisbon by lunchtime,\" said a woman travelling \
                with two children, who asked not to be named.";
    assert_eq!(speakers_of(text), vec![None]);
}

#[test]
fn a_person_named_after_the_unnamed_source_speaks_again() {
    let text = "A diplomat, speaking on condition of anonymity, said talks had stalled.\n\n\
                Foreign Minister Anna Lindqvist disagreed. \"There is still time,\" she said.";
    assert_eq!(speakers_of(text), vec![some("Anna Lindqvist")]);
}

#[test]
fn a_speaker_named_in_the_attribution_keeps_the_quote() {
    let text = "An aide, who asked not to be named, said talks were continuing. \
                \"We are close,\" said Sen. Ruth Calder, the majority leader.\n\n\
                \"It's over,\" Calder said, while another senator, who spoke on condition \
                of anonymity, said the vote would slip.";
    assert_eq!(
        speakers_of(text),
        vec![some("Ruth Calder"), some("Ruth Calder")]
    );
}
