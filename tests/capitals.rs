//! A capital stands for its state when the state acts ("Beijing launched
//! drills") and is the town when the town's own life is meant ("Beirut's
//! southern suburbs", "Jakarta's governor"), on sentences written here.

use byline::analyze::places::find_places;
use byline::model::EntityKind;

fn kinds(text: &str) -> Vec<(EntityKind, String)> {
    find_places(text)
        .into_iter()
        .map(|e| (e.kind, e.name))
        .collect()
}

#[test]
fn a_capitals_possessive_before_a_towns_noun_is_the_town() {
    for (text, town) in [
        ("Strikes hit Beirut's southern suburbs overnight.", "Beirut"),
        ("Jakarta's governor said the city would sink.", "Jakarta"),
        ("Lima's mayor closed the old market.", "Lima"),
    ] {
        let found = kinds(text);
        assert_eq!(found, [(EntityKind::Place, town.into())], "{text:?}");
    }
    // Before another noun it is still the state.
    let found = kinds("Moscow's decision angered its neighbours.");
    assert_eq!(found, [(EntityKind::Country, "Russia".into())]);
}

#[test]
fn a_capital_that_launches_or_joins_is_the_state() {
    for (text, state) in [
        ("Beijing launched military drills on Monday.", "China"),
        ("Stockholm joined the alliance in March.", "Sweden"),
        ("Canberra recalled its ambassador.", "Australia"),
    ] {
        let found = kinds(text);
        assert_eq!(found, [(EntityKind::Country, state.into())], "{text:?}");
    }
    // A town's own body acts in it: still the town.
    let found = kinds("The council in Ottawa launched a bus plan.");
    assert_eq!(found, [(EntityKind::Place, "Ottawa".into())]);
}

#[test]
fn a_capital_that_seats_a_body_is_the_town() {
    for (text, town) in [
        (
            "The junta in Niamey said the border would reopen.",
            "Niamey",
        ),
        (
            "The Federal Chancellery in Bern said turnout was high.",
            "Bern",
        ),
        (
            "The royal palace in Rabat said the king was resting.",
            "Rabat",
        ),
    ] {
        let found = kinds(text);
        assert!(
            found.contains(&(EntityKind::Place, town.into())),
            "{text:?}: {found:?}"
        );
        assert!(
            found.iter().all(|(k, _)| *k != EntityKind::Country),
            "{text:?}: {found:?}"
        );
    }
    // Officials stand for their state.
    let found = kinds("Officials in Moscow said the talks would go on.");
    assert_eq!(found, [(EntityKind::Country, "Russia".into())]);
}

#[test]
fn a_countrys_name_with_a_possessive_inside_is_read_whole() {
    let codes = |text: &str| -> Vec<String> {
        find_places(text)
            .into_iter()
            .filter_map(|e| e.country)
            .collect()
    };
    assert_eq!(
        codes("Envoys of the People's Republic of China walked out."),
        ["CN"]
    );
    assert_eq!(
        codes("The Democratic People's Republic of Korea fired a missile."),
        ["KP"]
    );
}
