//! Names with particles and family names written first, and the first
//! word of a quotation.

use super::{assert_only_person, people};

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
fn the_first_word_of_a_quotation_is_no_one() {
    let text = "Pieter Berg called the paper careful. \
                \"Stellar activity can mimic these features,\" he said.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Pieter Berg"]);
}
