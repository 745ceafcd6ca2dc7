//! Speakers named by a description: "said his attorney, Jo Doe".

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
fn a_name_that_goes_on_into_a_clause_is_no_description() {
    // "Reuters reported" is who reported the lawyer's words, not the lawyer.
    let text = "Ana Ruiz lost the case. \"We will appeal,\" said her lawyer, Reuters reported.";
    assert_ne!(speakers_of(text), vec![Some("Reuters".to_string())]);
}

#[test]
fn a_participles_phrase_between_commas_is_skipped_to_its_subject() {
    let text = "South African President Cyril Ramaphosa rejected the claim. \
                \"We will not be bullied,\" Ramaphosa said.\n\n\
                The president, speaking in Durban, added: \"The constitution is clear.\"";
    assert_eq!(
        speakers_of(text),
        vec![
            Some("Cyril Ramaphosa".to_string()),
            Some("Cyril Ramaphosa".to_string())
        ]
    );
}
