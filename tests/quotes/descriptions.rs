//! Speakers named by a description: "said his attorney, Jo Doe", "the
//! Spaniard said".

use super::*;

#[test]
fn the_name_after_a_description_speaks() {
    let text = "Justice Marta Ilves wrote separately. \"It is a first step,\" Ilves wrote.\n\n\
                \"My client was stopped for a broken taillight,\" said his attorney, Nadia Okoro. \
                \"Today the court said that was wrong.\"";
    assert_eq!(
        speakers_of(text),
        vec![
            Some("Marta Ilves".to_string()),
            Some("Nadia Okoro".to_string()),
            Some("Nadia Okoro".to_string())
        ]
    );
    let text = "\"We will appeal,\" said the company's lawyer, Tomas Riedel.";
    assert_eq!(speakers_of(text), vec![Some("Tomas Riedel".to_string())]);
}

#[test]
fn a_demonym_for_one_person_is_the_last_person_named() {
    let text = "City manager Pep Alcaraz said his team had lost control. \
                \"We played 45 good minutes,\" the Spaniard said.";
    assert_eq!(speakers_of(text), vec![Some("Pep Alcaraz".to_string())]);
    let text = "Coach Ingrid Solberg was calm. \"We will be back,\" said the Norwegian.";
    assert_eq!(speakers_of(text), vec![Some("Ingrid Solberg".to_string())]);
}

#[test]
fn a_demonym_in_the_plural_is_no_person() {
    let text = "Ana Ruiz flew to Moscow. \"No,\" the Russians said.";
    assert_eq!(speakers_of(text), vec![Some("Russia".to_string())]);
}
