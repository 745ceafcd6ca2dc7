//! Names that more than one town or country bears ("Birmingham", "Paris",
//! "Geneva"): which one a story means, from what the story says beside
//! them. Sentences written for these tests.

use byline::analyze::places::find_places;
use byline::model::EntityKind;

fn codes(text: &str) -> Vec<(EntityKind, String, String)> {
    find_places(text)
        .into_iter()
        .map(|e| (e.kind, e.name, e.country.unwrap_or_default()))
        .collect()
}

#[test]
fn a_city_followed_by_its_state_or_country_is_the_one_there() {
    let found = codes("Police in Birmingham, Alabama, said the road was closed.");
    assert!(
        found.contains(&(EntityKind::Place, "Birmingham".into(), "US".into())),
        "{found:?}"
    );
    let found = codes("Firefighters in Córdoba, Spain, fought the blaze.");
    assert!(
        found.contains(&(EntityKind::Place, "Córdoba".into(), "ES".into())),
        "{found:?}"
    );
}

#[test]
fn a_city_keeps_its_country_beside_a_far_smaller_namesake() {
    // The story names the US, but Birmingham is England's, three times
    // the size of Alabama's.
    let found = codes(
        "Police in Birmingham said a man was arrested after a flight from the United States.",
    );
    assert!(
        found.contains(&(EntityKind::Place, "Birmingham".into(), "GB".into())),
        "{found:?}"
    );
    let found = codes("Officials in Texas said the senator had flown to Paris.");
    assert!(
        found.contains(&(EntityKind::Place, "Paris".into(), "FR".into())),
        "{found:?}"
    );
}

#[test]
fn a_country_after_a_comma_is_a_locator_only_at_a_phrase_end() {
    let found = codes("In Paris, U.S. officials said the talks were productive.");
    assert!(
        found.contains(&(EntityKind::Place, "Paris".into(), "FR".into())),
        "{found:?}"
    );
}

#[test]
fn a_famous_city_keeps_its_country_beside_a_small_namesake() {
    let found = codes("U.S. and Iranian envoys met in Geneva on Monday.");
    assert!(
        found.contains(&(EntityKind::Place, "Geneva".into(), "CH".into())),
        "{found:?}"
    );
}

#[test]
fn a_town_located_once_is_that_town_wherever_the_story_names_it_alone() {
    // Alone, "Birmingham" is England's; the story says which it means once.
    let text = "Birmingham council met on Monday. The mayor of Birmingham, Alabama, \
                said the storm had passed, and crews in Birmingham cleared roads.";
    let places = find_places(text);
    let birmingham: Vec<_> = places.iter().filter(|e| e.name == "Birmingham").collect();
    assert_eq!(birmingham.len(), 1, "{places:?}");
    assert_eq!(birmingham[0].country.as_deref(), Some("US"));
    assert_eq!(birmingham[0].mentions.len(), 3);
    // A name located in its own country keeps what its context made it:
    // "Washington said" stays the state beside "Washington, D.C.".
    let found =
        codes("Talks in Washington, D.C., ended on Monday. Washington said the deal was near.");
    assert!(
        found.contains(&(EntityKind::Country, "United States".into(), "US".into())),
        "{found:?}"
    );
}

#[test]
fn provinces_and_states_of_other_countries_are_places_there() {
    let found = codes(
        "Floods hit Lagos State and KwaZulu-Natal, while fires burned in Pará and \
         Tamil Nadu, and Ontario and Nova Scotia sent crews.",
    );
    for (name, code) in [
        ("Lagos State", "NG"),
        ("KwaZulu-Natal", "ZA"),
        ("Pará", "BR"),
        ("Tamil Nadu", "IN"),
        ("Ontario", "CA"),
        ("Nova Scotia", "CA"),
    ] {
        assert!(
            found.contains(&(EntityKind::Place, name.into(), code.into())),
            "{name} in {found:?}"
        );
    }
}

#[test]
fn a_region_gives_way_to_a_town_in_the_country_the_story_names() {
    // "Acre" is a Brazilian state and an Israeli city; "Ontario" a
    // Canadian province and a Californian city.
    let found = codes("Police in Acre, in northern Israel, said the road was shut.");
    assert!(
        found.contains(&(EntityKind::Place, "Acre".into(), "IL".into())),
        "{found:?}"
    );
    let found = codes("The firm is based in London, Ontario, and sells across Canada.");
    assert!(
        found.contains(&(EntityKind::Place, "London".into(), "CA".into())),
        "{found:?}"
    );
}

#[test]
fn a_capital_gives_way_too_in_the_country_the_story_names() {
    // "Costa Rica" is also a town in Brazil and in Mexico, and still names
    // the country; "San Jose" is then its capital, not California's city.
    let found = codes("Costa Rica's president faced protests from opponents in San Jose.");
    assert!(
        found.contains(&(EntityKind::Place, "San Jose".into(), "CR".into())),
        "{found:?}"
    );
}

#[test]
fn a_state_after_a_county_is_the_us_state() {
    let found = codes("Jurors in Fulton County, Georgia, heard the case.");
    assert_eq!(
        found,
        [(EntityKind::Place, "Georgia".into(), "US".into())],
        "{found:?}"
    );
    // Alone it is still the country.
    let found = codes("Troops left Georgia on Friday.");
    assert_eq!(found[0].2, "GE", "{found:?}");
}

#[test]
fn a_storms_name_is_no_town() {
    // Hurricane is a town in Utah.
    let found = codes("Florida's governor declared an emergency ahead of Hurricane Milton.");
    assert_eq!(
        found,
        [(EntityKind::Place, "Florida".into(), "US".into())],
        "{found:?}"
    );
    let found = codes("He moved to Hurricane, Utah, in 2010.");
    assert!(
        found.contains(&(EntityKind::Place, "Hurricane".into(), "US".into())),
        "{found:?}"
    );
}
