//! A company's legal form ends its name, whatever the words before it.

use super::org_names;

#[test]
fn a_legal_form_makes_a_company_of_a_given_name() {
    assert_eq!(
        org_names("Leonardo SpA said on Monday it would buy the unit."),
        ["Leonardo SpA"]
    );
    assert_eq!(
        org_names("Shares of Leonardo SpA rose 3% in Milan."),
        ["Leonardo SpA"]
    );
    assert_eq!(org_names("Equinor ASA cut its forecast."), ["Equinor ASA"]);
}

#[test]
fn a_legal_form_after_a_name_leaves_no_person() {
    let found = crate::analyze::analyze("Leonardo SpA said on Monday it would buy the unit.");
    assert!(
        found
            .entities
            .iter()
            .all(|e| e.kind != crate::model::EntityKind::Person),
        "{:?}",
        found.entities
    );
}

#[test]
fn two_firms_with_legal_forms_stay_two() {
    assert_eq!(
        org_names("Bayer AG and BASF SE fell in Frankfurt."),
        ["Bayer AG", "BASF SE"]
    );
    assert_eq!(
        org_names("MILAN (Reuters) - Shares of Leonardo SpA rose 4%."),
        ["Reuters", "Leonardo SpA"]
    );
}

#[test]
fn a_persons_name_before_a_legal_form_is_the_firm() {
    let found = crate::analyze::analyze(
        "Shares of Hugo Boss AG fell 3% on Monday, while Robert Bosch GmbH said it \
         would cut 2,000 jobs.",
    );
    let names = |kind| {
        found
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(crate::model::EntityKind::Org),
        ["Hugo Boss AG", "Robert Bosch GmbH"]
    );
    assert!(names(crate::model::EntityKind::Person).is_empty());
}

#[test]
fn legal_forms_of_many_countries_end_a_firms_name() {
    for name in [
        "Kazatomprom JSC",
        "Bank Islam Malaysia Bhd",
        "AngloGold Ashanti Plc",
        "Thames Valley Law LLP",
        "Tata Motors Limited",
    ] {
        assert_eq!(
            org_names(&format!("{name} said on Monday it would cut costs.")),
            [name]
        );
    }
}

#[test]
fn a_form_followed_by_a_capitalised_word_or_read_as_initials_makes_no_firm() {
    let found = crate::analyze::analyze(
        "The Taylor Swift Limited Edition album sold out, and an Australian SAS soldier \
         was charged.",
    );
    assert!(
        found
            .entities
            .iter()
            .all(|e| e.kind != crate::model::EntityKind::Org),
        "{:?}",
        found.entities
    );
}

#[test]
fn a_company_named_without_its_legal_form_is_the_same_company() {
    let found = super::orgs(
        "Quillfield Inc. reported record sales on Thursday. \
         Quillfield shares rose 2% in late trading.",
    );
    let quill: Vec<_> = found
        .iter()
        .filter(|(n, _)| n.starts_with("Quillfield"))
        .collect();
    assert_eq!(quill.len(), 1, "{found:?}");
    assert_eq!(quill[0].0, "Quillfield Inc.");
    assert_eq!(quill[0].1.len(), 2, "{found:?}");
    // A country before a legal form does not make the country a company.
    let found = super::org_names("Ghana Ltd. was founded in 1990. Ghana won the match.");
    assert_eq!(found, ["Ghana Ltd."]);
}

#[test]
fn a_trade_word_between_a_firms_name_and_its_legal_form_is_the_name() {
    // The tagger may read "Quillfield" and "Inc." apart, and "Foods" as
    // neither.
    assert_eq!(
        org_names("Quillfield Foods Inc. said it would build a plant near Columbus."),
        ["Quillfield Foods Inc."]
    );
}
