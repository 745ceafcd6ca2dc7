//! Names as copy from many countries writes them: honorifics no name list
//! holds, a first word used alone, given names before a surname with a
//! particle, and two words no list knows.

use super::{assert_mentions, assert_only_person, people};

#[test]
fn an_honorific_before_a_name_is_no_part_of_it() {
    for (text, name) in [
        (
            "Mullah Abdul Basir Zadran said the talks would resume.",
            "Abdul Basir Zadran",
        ),
        (
            "Monsignor Aurelio Castelli said the archive would open.",
            "Aurelio Castelli",
        ),
        (
            "Datuk Seri Rahimah Kassim said the budget would pass.",
            "Rahimah Kassim",
        ),
        (
            "Alhaji Musa Danladi said the count was fair.",
            "Musa Danladi",
        ),
        (
            "Baroness Edwina Thorncroft said the bill was flawed.",
            "Edwina Thorncroft",
        ),
        (
            "Administrator Colleen Varga said the launch would go ahead.",
            "Colleen Varga",
        ),
        (
            "Sultan Khalid bin Rashid hosted the envoys on Monday.",
            "Khalid bin Rashid",
        ),
    ] {
        let found = people(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].0, name, "{text:?}");
    }
    // Before a lone surname too, when only people carry the title.
    assert_mentions(
        "Mullah Abdul Basir Zadran spoke first. Later Mullah Zadran left.",
        "Abdul Basir Zadran",
        &["Abdul Basir Zadran", "Zadran"],
    );
}

#[test]
fn a_first_word_no_list_knows_is_the_person_alone() {
    // Malay and Thai copy names a person by the first word of two.
    assert_only_person(
        "Prime Minister Anwar Ibrahim opened the summit. Anwar said trade would grow.",
        "Anwar Ibrahim",
        &["Anwar Ibrahim", "Anwar"],
    );
    assert_only_person(
        "Minister Srisuda Wongchai met farmers on Monday. Srisuda said prices would rise.",
        "Srisuda Wongchai",
        &["Srisuda Wongchai", "Srisuda"],
    );
}

#[test]
fn the_word_before_a_surnames_particle_is_the_person_alone() {
    assert_only_person(
        "Coach Carlos Alberto Moreira da Costa named his squad on Monday. \
         Moreira said the team was ready.",
        "Carlos Alberto Moreira da Costa",
        &["Carlos Alberto Moreira da Costa", "Moreira"],
    );
}

#[test]
fn a_place_after_of_is_no_given_name() {
    let found = people("Archbishop of Canterbury Justin Welby resigned on Tuesday.");
    assert_eq!(found[0].0, "Justin Welby", "{found:?}");
}

#[test]
fn two_words_no_list_knows_are_a_name_though_the_last_ends_like_a_plural() {
    let found = people("Dutch far-right leader Geert Wilders said the coalition was over.");
    assert_eq!(found[0].0, "Geert Wilders", "{found:?}");
    // A word before the plural still makes it none ("New Englanders").
    assert!(people("The New Brightoners and S. African Afrikaners met.").is_empty());
}

#[test]
fn unknown_words_before_a_speech_verb_are_a_person() {
    for (text, name) in [
        (
            "Geert Wilders said the coalition was over.",
            "Geert Wilders",
        ),
        (
            "Abdul-Rahman al-Mutairi said the ministry would respond.",
            "Abdul-Rahman al-Mutairi",
        ),
        (
            "Fumio Kishida announced his resignation on Wednesday.",
            "Fumio Kishida",
        ),
    ] {
        let found = people(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].0, name, "{text:?}");
    }
}

#[test]
fn storms_and_holidays_are_no_people() {
    let text = "Hurricane Odalys made landfall on Tuesday. Storm Wendell hit the coast. \
                Unions marched on Labour Day, and Doris Day sang.";
    let found = people(text);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Doris Day"]);
}

#[test]
fn a_countrys_possessive_opens_a_name_of_two_words() {
    let found = people("Brazil's Jair Bolsonaro was charged with plotting a coup.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Jair Bolsonaro");
    // Not a firm's name, nor one word alone.
    assert!(people("China's Evergrande Group defaulted. Japan's Toshiba fell.").is_empty());
}

#[test]
fn a_family_name_first_opens_a_name_at_the_start_of_a_text() {
    assert_mentions(
        "Yoon Suk Yeol was impeached by parliament on Saturday. Yoon's lawyers objected.",
        "Yoon Suk Yeol",
        &["Yoon Suk Yeol", "Yoon"],
    );
}

#[test]
fn unknown_words_before_of_and_a_country_or_a_deed_are_a_person() {
    // "Sinner" is an English word, and still a surname here.
    let found = people("Jannik Sinner of Italy won the final in straight sets.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Jannik Sinner");
    let found = people("The match swung late. Tendai Chikwanha scored twice in ten minutes.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "Tendai Chikwanha");
    // A firm's name the tagger reads whole stays a firm.
    assert!(people("Goldman Sachs said profits rose.").is_empty());
}
