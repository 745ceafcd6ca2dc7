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
        "President Felix Tshisekedi has urged Washington to help with security.",
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

#[test]
fn a_region_named_in_lower_case_copy_keeps_its_town_or_region() {
    for (text, place) in [
        (
            "Russian forces shelled the Kharkiv region overnight.",
            "Kharkiv",
        ),
        ("Airstrikes hit Idlib province on Sunday.", "Idlib"),
        ("Flooding in Lagos state displaced thousands.", "Lagos"),
    ] {
        let found = entities(text);
        assert!(
            found
                .iter()
                .any(|(k, n)| *k == EntityKind::Place && n == place),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn a_region_that_is_also_a_name_or_a_word_is_the_region_only_where_a_place_is_meant() {
    let found = entities("Kent said the team had played well.");
    assert_eq!(found, [(EntityKind::Person, "Kent".into())]);
    let found = entities("Vladimir Guerrero hit a home run in the ninth inning.");
    assert_eq!(found, [(EntityKind::Person, "Vladimir Guerrero".into())]);
    assert!(entities("Champagne sales fell last year.").is_empty());
    let found = entities("Police in Kent arrested two men.");
    assert!(
        found.contains(&(EntityKind::Place, "Kent".into())),
        "{found:?}"
    );
}

#[test]
fn a_capital_that_qualifies_a_noun_or_hosts_its_own_council_is_the_city() {
    for text in [
        "The mayor urged Paris residents to use public transport.",
        "The support from London fans was incredible, the coach said.",
        "The council in Ottawa cut bus routes.",
    ] {
        let found = entities(text);
        assert!(
            found.iter().all(|(k, _)| *k != EntityKind::Country),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn the_words_of_a_countrys_name_are_nobodys() {
    // "Trinidad" and "Sierra" are given names, "Tobago" read alone an
    // organisation: inside the country's name they are its words.
    let found = entities("Trinidad and Tobago beat Sierra Leone 2-1 on Sunday.");
    assert_eq!(
        found,
        [
            (EntityKind::Country, "Trinidad and Tobago".into()),
            (EntityKind::Country, "Sierra Leone".into())
        ],
        "{found:?}"
    );
}

#[test]
fn an_organisation_ends_before_the_country_it_ran_into() {
    let found = entities(
        "The Ministry of Foreign Affairs of the People's Republic of China said the visit \
         was a provocation.",
    );
    assert_eq!(
        found,
        [
            (EntityKind::Country, "China".into()),
            (EntityKind::Org, "Ministry of Foreign Affairs".into())
        ],
        "{found:?}"
    );
}

#[test]
fn a_given_name_after_in_is_the_place_and_before_a_particle_the_person() {
    let found = entities("Florence Parker will star in the film, which is set in Florence.");
    assert!(
        found.contains(&(EntityKind::Place, "Florence".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityKind::Person, "Florence Parker".into())),
        "{found:?}"
    );
    // "Frans" is also Dutch for France; before "van" it is a given name.
    let found = entities("The minister met Frans van der Meer, the head of the bankers.");
    assert_eq!(
        found,
        [(EntityKind::Person, "Frans van der Meer".into())],
        "{found:?}"
    );
}
