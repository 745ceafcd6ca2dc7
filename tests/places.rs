//! Countries and places found in sentences written for these tests.

use byline::analyze::places::find_places;
use byline::model::{Entity, EntityKind};

fn codes(text: &str) -> Vec<(EntityKind, String, String)> {
    find_places(text)
        .into_iter()
        .map(|e| (e.kind, e.name, e.country.unwrap_or_default()))
        .collect()
}

fn find<'a>(entities: &'a [Entity], code: &str) -> Option<&'a Entity> {
    entities
        .iter()
        .find(|e| e.country.as_deref() == Some(code) && e.kind == EntityKind::Country)
}

fn has_code(text: &str, code: &str) -> bool {
    find_places(text)
        .iter()
        .any(|e| e.country.as_deref() == Some(code))
}

#[test]
fn demonyms_name_their_country() {
    let found = find_places("North Korean officials met Iraqi and Dutch diplomats.");
    let kp = find(&found, "KP").map(|e| e.name.as_str());
    assert_eq!(kp, Some("North Korea"));
    assert_eq!(
        find(&found, "KP").map(|e| e.mentions[0].text.as_str()),
        Some("North Korean")
    );
    assert!(find(&found, "IQ").is_some());
    assert!(
        find(&found, "NL").is_some(),
        "Dutch is the Netherlands: {found:?}"
    );
}

#[test]
fn capitals_stand_for_the_state_when_they_act() {
    let found = find_places("Pyongyang said the talks were over, and the Kremlin denied any role.");
    assert!(find(&found, "KP").is_some(), "{found:?}");
    assert!(find(&found, "RU").is_some(), "{found:?}");
    let found = find_places("Washington warned Beijing on Monday.");
    assert!(find(&found, "US").is_some(), "{found:?}");
    // A capital as a location stays a city, still carrying its code.
    let found = find_places("The summit was held in Hanoi last year.");
    let hanoi = found.iter().find(|e| e.name == "Hanoi");
    assert_eq!(
        hanoi.map(|e| (e.kind, e.country.as_deref())),
        Some((EntityKind::Place, Some("VN")))
    );
}

#[test]
fn short_forms_and_careless_lower_case() {
    assert!(has_code(
        "The U.S. and the UK signed a deal with the UAE.",
        "US"
    ));
    assert!(has_code(
        "The U.S. and the UK signed a deal with the UAE.",
        "GB"
    ));
    assert!(has_code(
        "The U.S. and the UK signed a deal with the UAE.",
        "AE"
    ));
    let found = find_places("officials in the united states were not told.");
    let us = find(&found, "US").map(|e| e.mentions[0].text.clone());
    assert_eq!(us.as_deref(), Some("united states"));
    // "us" the pronoun is nothing.
    assert!(find_places("They told us about it.").is_empty());
}

#[test]
fn words_that_only_look_like_places() {
    assert!(!has_code("Michael Jordan scored 40 points.", "JO"));
    assert!(!has_code("Jordan Peterson gave a talk in the hall.", "JO"));
    assert!(!has_code("Chad Johnson caught the ball.", "TD"));
    assert!(!has_code("We ate turkey served on fine china.", "TR"));
    assert!(!has_code("We ate turkey served on fine china.", "CN"));
    // Another language's name of a country, inside a nickname or a name.
    assert!(!has_code(
        "Thatcher, dubbed the \"Iron Lady\", spoke.",
        "IR"
    ));
    assert!(has_code(
        "Turkey and China traded goods with Jordan and Chad.",
        "TR"
    ));
    assert!(has_code(
        "Turkey and China traded goods with Jordan and Chad.",
        "JO"
    ));
    assert!(has_code(
        "Turkey and China traded goods with Jordan and Chad.",
        "TD"
    ));
}

#[test]
fn names_and_words_that_other_languages_spell_like_a_country_are_not_it() {
    let text = "Sales at McDonald's rose in March. Here is why: Kerry Poole and \
                Tom Douglas shine at the counter, and new laws helped.";
    for code in ["HM", "GB", "IE", "PL", "IM", "CN", "LA"] {
        assert!(!has_code(text, code), "{code} in {:?}", codes(text));
    }
    // The countries' own names and the UK's nations still count.
    let text = "Poland, Ireland and the Isle of Man met England and Wales.";
    for code in ["PL", "IE", "IM", "GB"] {
        assert!(
            has_code(text, code),
            "{code} missing from {:?}",
            codes(text)
        );
    }
}

#[test]
fn a_state_in_wire_style_is_named_in_full() {
    let found = codes("The plant in Fresno, Calif., and the one in Albany, N.Y., closed.");
    let places: Vec<&str> = found.iter().map(|(_, name, _)| name.as_str()).collect();
    assert!(places.contains(&"California"), "{found:?}");
    assert!(places.contains(&"New York"), "{found:?}");
    assert!(!places.iter().any(|p| p.ends_with('.')), "{found:?}");
}

#[test]
fn groups_and_firms_that_share_a_towns_name_are_no_place() {
    let text = "The minister met Hamas officials, then Toyota and Nokia executives.";
    for code in ["DE", "JP", "FI"] {
        assert!(!has_code(text, code), "{code} in {:?}", codes(text));
    }
}

#[test]
fn a_country_that_is_a_given_name_before_a_surname_is_a_person() {
    let people = |text: &str| -> Vec<String> {
        byline::analyze::analyze(text)
            .entities
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name)
            .collect()
    };
    let text = "Director Jordan Vossberg said the film was personal.";
    assert_eq!(people(text), ["Jordan Vossberg"]);
    let entities = byline::analyze::analyze(text).entities;
    assert!(find(&entities, "JO").is_none(), "{entities:?}");
    // The same words as countries in the same text stay countries.
    let text = "Jordan Vossberg and Chad Wrobleski left Jordan for Chad.";
    assert_eq!(people(text), ["Jordan Vossberg", "Chad Wrobleski"]);
    let jordan = find(&find_places(text), "JO").map(|e| e.mentions.len());
    assert_eq!(jordan, Some(2), "both in the places pass");
    let entities = byline::analyze::analyze(text).entities;
    let mentions = |code: &str| find(&entities, code).map_or(0, |e| e.mentions.len());
    assert_eq!((mentions("JO"), mentions("TD")), (1, 1), "{entities:?}");
}

#[test]
fn georgia_follows_the_story() {
    let us =
        codes("The governor of Georgia spoke in Atlanta. Georgia voters and Texas voters agreed.");
    assert!(
        us.iter()
            .any(|(k, n, c)| *k == EntityKind::Place && n == "Georgia" && c == "US"),
        "{us:?}"
    );
    assert!(!us.iter().any(|(_, _, c)| c == "GE"), "{us:?}");
    let ge = codes("Georgia and Armenia signed a pact in Tbilisi.");
    assert!(
        ge.iter().any(|(_, n, c)| n == "Georgia" && c == "GE"),
        "{ge:?}"
    );
}

#[test]
fn a_state_office_after_georgia_makes_it_the_state() {
    for text in [
        "Georgia Governor Brian Kemp signed the bill on Tuesday.",
        "Georgia Gov. Brian Kemp signed the bill.",
        "Georgia Sen. Jon Ossoff voted against it.",
    ] {
        let found = codes(text);
        assert!(
            found
                .iter()
                .any(|(k, n, c)| *k == EntityKind::Place && n == "Georgia" && c == "US"),
            "{text}: {found:?}"
        );
        assert!(!has_code(text, "GE"), "{text}: {found:?}");
    }
    // The country's president and lawmakers are still the country's.
    assert!(has_code(
        "Georgia President Salome Zourabichvili spoke on Monday.",
        "GE"
    ));
    assert!(has_code(
        "Georgia lawmakers passed the foreign agents bill despite protests.",
        "GE"
    ));
}

#[test]
fn dateline_in_capitals() {
    let found = find_places("SEOUL, Nov 26 - Talks resumed on Thursday.");
    let seoul = found.iter().find(|e| e.country.as_deref() == Some("KR"));
    assert_eq!(seoul.map(|e| e.mentions[0].text.as_str()), Some("SEOUL"));
}

#[test]
fn a_datelines_region_is_a_place_even_when_its_team_plays() {
    let text = "ARLINGTON, Texas (AP) - The Texas Rangers beat Cleveland on Friday.\n\
                Texas 5 Cleveland 3\n\
                BIRMINGHAM, England - England beat Pakistan by 107 runs.\n\
                England 292 Pakistan 185";
    let found = find_places(text);
    let texas = found.iter().find(|e| e.name == "Texas");
    let mentions: Vec<&str> = texas
        .map(|e| e.mentions.iter().map(|m| m.text.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(mentions, ["Texas"], "only the dateline's Texas: {found:?}");
    assert_eq!(texas.and_then(|e| e.country.as_deref()), Some("US"));
    assert_eq!(texas.map(|e| e.mentions[0].start), Some(11));
    assert!(has_code(text, "GB"), "{found:?}");
    // Without the dateline, a team's state is not a place.
    assert!(!has_code(
        "The Texas Rangers won.\nTexas 5 Cleveland 3",
        "US"
    ));
}

#[test]
fn offsets_count_chars_after_non_ascii_text() {
    let text = "Café owners in Zürich — «très fâchés» — blamed Germany’s rules.";
    let found = find_places(text);
    let de = find(&found, "DE").map(|e| e.mentions[0].clone());
    let m = de.expect("Germany is found");
    let slice: String = text.chars().skip(m.start).take(m.end - m.start).collect();
    assert_eq!(slice, "Germany");
    assert_eq!(m.text, "Germany");
}

#[test]
fn one_entity_per_country_with_all_mentions_and_possessives() {
    let text = "France's president spoke.\n\nLater, French ministers said France would act.";
    let found = find_places(text);
    let fr: Vec<&Entity> = found
        .iter()
        .filter(|e| e.country.as_deref() == Some("FR"))
        .collect();
    assert_eq!(fr.len(), 1, "{found:?}");
    let mentions: Vec<&str> = fr[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(mentions, ["France", "French", "France"]);
    assert!(fr[0].salience > 0.0 && fr[0].salience <= 1.0);
}

#[test]
fn places_carry_their_country() {
    let found = codes("Protests spread from Lyon to Marseille and across Texas.");
    assert!(
        found.contains(&(EntityKind::Place, "Lyon".into(), "FR".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityKind::Place, "Texas".into(), "US".into())),
        "{found:?}"
    );
}

#[test]
fn home_nations_with_a_score_are_national_sides_and_still_places() {
    let found = codes("Wales 2 Scotland 1\nNorthern Ireland 0 Estonia 0");
    for name in ["Wales", "Scotland", "Northern Ireland"] {
        assert!(
            found.iter().any(|(_, n, c)| n == name && c == "GB"),
            "{name}: {found:?}"
        );
    }
    // A town with a score is still a club.
    assert!(!has_code("Dundee 3 Falkirk 1", "GB"));
}

#[test]
fn seats_of_government_stand_for_their_state() {
    assert!(has_code(
        "The White House said the visit would go ahead.",
        "US"
    ));
    assert!(has_code("Downing Street declined to comment.", "GB"));
    assert!(!has_code(
        "They painted a small white house by the lake.",
        "US"
    ));
}

#[test]
fn a_country_in_the_possessive_before_its_ruler_is_the_country_beside_a_namesake() {
    // The story names Michael Jordan first: a lone "Jordan" is his, but
    // "Jordan's King" is the kingdom's.
    let text = "Michael Jordan's foundation gave $2 million, while Jordan's King Abdullah II \
                visited the hospital. Jordan said he was proud.";
    let a = byline::analyze::analyze(text);
    let jordan = find(&a.entities, "JO").expect("the country");
    let at: Vec<&str> = jordan.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(at, ["Jordan"], "{:?}", a.entities);
    assert_eq!(
        jordan.mentions[0].start,
        text.find("Jordan's King").unwrap()
    );
    let person = a
        .entities
        .iter()
        .find(|e| e.name == "Michael Jordan")
        .expect("the player");
    assert_eq!(person.mentions.len(), 2, "{:?}", person.mentions);
}

#[test]
fn a_town_written_without_its_diacritics_or_after_st_is_found() {
    let found = codes("Floods cut roads in Quang Ngai and Da Nang.");
    assert!(
        found.contains(&(EntityKind::Place, "Quang Ngai".into(), "VN".into())),
        "{found:?}"
    );
    let found = codes("Residents of St. Louis said the river kept rising.");
    assert!(
        found.iter().any(|(k, n, c)| *k == EntityKind::Place
            && n.starts_with("St")
            && n.ends_with("Louis")
            && c == "US"),
        "{found:?}"
    );
}

#[test]
fn a_town_before_based_is_where_something_is() {
    let found = codes("Shares of Chicago-based Crestline Foods fell, and Chinese-made parts rose.");
    assert!(
        found.contains(&(EntityKind::Place, "Chicago".into(), "US".into())),
        "{found:?}"
    );
    assert!(!found.iter().any(|(_, _, c)| c == "CN"), "{found:?}");
}

#[test]
fn a_capital_after_a_locative_is_the_city() {
    let found = codes("A family flying from Dublin to Rome has had its trip cancelled.");
    assert!(
        found.contains(&(EntityKind::Place, "Rome".into(), "IT".into())),
        "{found:?}"
    );
    let found = codes("Airlines cut schedules at Paris and Lyon airports.");
    assert!(
        found.contains(&(EntityKind::Place, "Paris".into(), "FR".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&(EntityKind::Place, "Lyon".into(), "FR".into())),
        "{found:?}"
    );
    // Acting, or in a diplomatic sense, it is still the state.
    for text in [
        "Rome has rejected the plan.",
        "Officials in Rome said the plan failed.",
    ] {
        assert_eq!(
            codes(text),
            [(EntityKind::Country, "Italy".into(), "IT".into())]
        );
    }
}
