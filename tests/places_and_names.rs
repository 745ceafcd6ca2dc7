//! Where a place's name meets a person's or an organisation's, through the
//! whole analysis, on sentences written for these tests.

use byline::analyze::analyze;
use byline::model::EntityKind;

fn entities(text: &str) -> Vec<(EntityKind, String)> {
    analyze(text)
        .entities
        .into_iter()
        .map(|e| (e.kind, e.name))
        .collect()
}

#[test]
fn a_town_of_two_words_is_no_person() {
    for (text, town) in [
        (
            "The plants in Green Bay and Eau Claire will stay open.",
            "Eau Claire",
        ),
        ("Flooding hit Quang Ngai on Monday.", "Quang Ngai"),
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(EntityKind::Place, town.into())),
            "{found:?}"
        );
        assert!(
            !found.iter().any(|(k, _)| *k == EntityKind::Person),
            "{found:?}"
        );
    }
}

#[test]
fn a_person_a_town_is_named_after_stays_a_person() {
    let found = entities("She is the first Indigenous chief justice since Benito Juárez.");
    assert!(
        found.contains(&(EntityKind::Person, "Benito Juárez".into())),
        "{found:?}"
    );
}

#[test]
fn a_word_describing_a_firm_is_not_part_of_its_name() {
    let found = entities("Lagos-based Meridian Capital said rates would rise.");
    assert!(
        found.contains(&(EntityKind::Org, "Meridian Capital".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityKind::Place, "Lagos".into())),
        "{found:?}"
    );
    let found = entities("State-owned Sinopec Group said output rose.");
    assert!(
        found.contains(&(EntityKind::Org, "Sinopec Group".into())),
        "{found:?}"
    );
}

#[test]
fn a_name_then_of_and_a_town_is_the_person_from_the_town() {
    let found = entities("State Sen. Denise Jordan of Macon said the vote was close.");
    assert!(
        found.contains(&(EntityKind::Person, "Denise Jordan".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityKind::Place, "Macon".into())),
        "{found:?}"
    );
    // A title of one word keeps its "of".
    let found = entities("The Duke of Edinburgh opened the hall.");
    assert!(
        found.contains(&(EntityKind::Person, "Duke of Edinburgh".into())),
        "{found:?}"
    );
}

#[test]
fn a_region_named_like_a_person_or_a_bank_is_the_region() {
    let found = entities("Clinics in Nova Scotia and settlers in the West Bank were counted.");
    assert!(
        found.contains(&(EntityKind::Place, "Nova Scotia".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityKind::Place, "West Bank".into())),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|(k, _)| *k != EntityKind::Person && *k != EntityKind::Org),
        "{found:?}"
    );
}

#[test]
fn a_capital_in_a_states_dealings_is_the_state() {
    for text in [
        "Pretoria wants to repair relations with Washington after the row.",
        "President Felix Tshisekedi has offered Washington access to minerals.",
        "The deployment comes as Washington presses Mexico to do more.",
    ] {
        let found = entities(text);
        assert!(
            found.contains(&(EntityKind::Country, "United States".into())),
            "{text}: {found:?}"
        );
        assert!(
            !found.contains(&(EntityKind::Place, "Washington".into())),
            "{text}: {found:?}"
        );
    }
    // A visit is to the city.
    let found = entities("The minister visited Washington on Monday.");
    assert!(
        found.contains(&(EntityKind::Place, "Washington".into())),
        "{found:?}"
    );
}
