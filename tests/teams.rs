//! Sports clubs named after places, through the whole analysis, on
//! sentences written for these tests.

use byline::analyze::analyze;
use byline::model::{Entity, EntityKind};

/// The kinds of the entities with a mention at the first `written` in `text`.
fn kinds_at(text: &str, entities: &[Entity], written: &str) -> Vec<EntityKind> {
    let at = text.find(written).map(|b| text[..b].chars().count());
    entities
        .iter()
        .filter(|e| e.mentions.iter().any(|m| Some(m.start) == at))
        .map(|e| e.kind)
        .collect()
}

const MATCH_REPORT: &str = "SOCCER - LATE GOAL SINKS LEEDS .\n\
    Coventry's Martin Dolan scored in the last minute as his side beat the \
    league leaders 2-1 on Saturday.\n\
    The striker, who joined the club from Norwich in the close season, has \
    now scored in every round of the cup.\n\
    In Coventry, the fans stayed long after the final whistle, and the coach \
    praised a squad that had lost its captain to injury before the match.";

#[test]
fn a_city_whose_player_is_named_is_a_club_in_a_sports_story() {
    let a = analyze(MATCH_REPORT);
    assert_eq!(
        kinds_at(MATCH_REPORT, &a.entities, "Coventry's"),
        [EntityKind::Org],
        "{:?}",
        a.entities
    );
    assert!(
        a.entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name == "Martin Dolan"),
        "{:?}",
        a.entities
    );
}

#[test]
fn the_city_where_the_game_was_played_stays_a_place() {
    let a = analyze(MATCH_REPORT);
    let venue = a
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Place && e.mentions.iter().any(|m| m.text == "Coventry"));
    assert_eq!(
        venue.and_then(|e| e.country.as_deref()),
        Some("GB"),
        "{:?}",
        a.entities
    );
}

#[test]
fn outside_sport_a_citys_mayor_is_not_a_club() {
    let a = analyze(
        "Coventry's mayor opened the new library on Monday, and the council \
         said the building would stay open late on weekdays.",
    );
    assert!(
        !a.entities
            .iter()
            .any(|e| e.kind == EntityKind::Org && e.name.contains("Coventry")),
        "{:?}",
        a.entities
    );
}

#[test]
fn a_place_and_a_plural_nickname_are_a_club() {
    let text = "Washington Commanders quarterback Ray Okafor threw two touchdowns. \
                The Leeds Rhinos won in the rain.";
    let a = analyze(text);
    let orgs: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Org)
        .map(|e| e.name.as_str())
        .collect();
    assert!(orgs.contains(&"Washington Commanders"), "{:?}", a.entities);
    assert!(orgs.contains(&"Leeds Rhinos"), "{:?}", a.entities);
    assert!(
        a.entities
            .iter()
            .all(|e| !matches!(e.kind, EntityKind::Place | EntityKind::Country)),
        "{:?}",
        a.entities
    );
    // Land and treaties after a place are no clubs.
    let a = analyze("Fighting in the Golan Heights went on.");
    assert_eq!(a.entities[0].kind, EntityKind::Place);
}
