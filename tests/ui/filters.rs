//! The filter flows as `byline screen` runs them (the real update and draw
//! on a test backend): person, country, combined, cleared, saved filters,
//! and following a cached link or a related story.

use super::*;
use byline::app::SavedFilter;
use byline::store::ListQuery;

fn screen_with_saved(keys: &str, saved: Vec<SavedFilter>) -> String {
    let source = fixtures();
    headless::run(&HeadlessScript {
        saved,
        ..script(&source, 100, 30, keys)
    })
    .unwrap()
}

/// Returns the story titles listed, top to bottom (the list pane's rows).
fn listed(text: &str) -> Vec<&'static str> {
    let titles = [
        "Markets rally",
        "Port strike ends",
        "Romanian port strike",
        "東京で桜が満開",
        "Shipping backlog",
        "Council delays",
    ];
    text.lines()
        .filter_map(|line| titles.into_iter().find(|t| line.contains(t)))
        .collect()
}

#[test]
fn person_picker_lists_people_with_story_counts() {
    let text = screen(100, 30, "f p i o n");
    assert!(text.contains("Filter by people"), "{text}");
    assert!(text.contains("> ion"), "{text}");
    let row = text.lines().find(|l| l.contains("Marta Ionescu")).unwrap();
    assert!(row.contains("2 stories"), "{row}");
    insta::assert_snapshot!(text);
}

#[test]
fn person_filter_lists_her_stories_most_central_first_with_a_chip() {
    let text = screen(100, 30, "f p m a r t a enter");
    assert_eq!(listed(&text), ["Romanian port strike", "Port strike ends"]);
    let status = text.lines().last().unwrap();
    assert!(status.contains("[Marta Ionescu]"), "{status}");
    assert!(status.contains("x clears"), "{status}");
    insta::assert_snapshot!(text);
}

#[test]
fn country_filter_counts_places_in_the_country() {
    let text = screen(100, 30, "f c r o enter");
    assert_eq!(
        listed(&text),
        [
            "Romanian port strike",
            "Port strike ends",
            "Shipping backlog"
        ]
    );
    assert!(text.lines().last().unwrap().contains("[Romania]"));
    let bulgaria = screen(100, 30, "f c b u l enter");
    assert_eq!(listed(&bulgaria), ["Shipping backlog"]);
}

#[test]
fn combined_filters_narrow_and_x_clears_them() {
    let both = screen(100, 30, "f c b u l enter f p m a r enter");
    assert!(listed(&both).is_empty(), "nobody named Marta in Bulgaria");
    assert!(both.contains("No stories match these filters. Press x to clear them."));
    let status = both.lines().last().unwrap();
    assert!(status.contains("[Marta Ionescu]") && status.contains("[Bulgaria]"));
    insta::assert_snapshot!(both);

    let cleared = screen(100, 30, "f c b u l enter f p m a r enter x");
    assert_eq!(listed(&cleared).len(), 6);
    assert!(!cleared.lines().last().unwrap().contains('['));
}

#[test]
fn enter_on_a_name_in_the_article_filters_by_it() {
    // Open the port strike story, step to its first person, press enter.
    let text = screen(100, 30, "j enter } } } } } enter");
    assert_eq!(listed(&text), ["Romanian port strike", "Port strike ends"]);
    assert!(text.lines().last().unwrap().contains("[Marta Ionescu]"));
}

#[test]
fn saved_filters_sit_in_the_sidebar_with_unread_counts() {
    let saved = vec![SavedFilter {
        name: "Black Sea shipping".to_owned(),
        query: ListQuery {
            org: Some("Calvera Shipping".to_owned()),
            country: Some("RO".to_owned()),
            ..ListQuery::default()
        },
        unread: None,
    }];
    let sidebar = screen_with_saved("tab j j j j", saved.clone());
    let row = sidebar
        .lines()
        .find(|l| l.contains("Black Sea shipping"))
        .unwrap();
    // 101 is unread, 102 was read already.
    let sidebar_part = row.split("││").next().unwrap();
    assert!(sidebar_part.ends_with(" 1"), "{row}");
    insta::assert_snapshot!(sidebar);
    let chosen = screen_with_saved("tab j j j j enter", saved);
    assert_eq!(listed(&chosen), ["Port strike ends", "Shipping backlog"]);
    assert!(chosen.contains("saved: Black Sea shipping"));
}

#[test]
fn following_a_cached_link_and_a_related_story() {
    let link = screen(100, 30, "j enter l");
    assert!(link.contains("Link [1] to a cached story · enter opens it"));
    let opened = screen(100, 30, "j enter l enter");
    assert!(opened.contains("Freight agents expect the queue of ships"));

    let related = screen(100, 30, "j enter l l l");
    assert!(related.contains("Related 1/2: Romanian port strike over after pay deal"));
    let opened = screen(100, 30, "j enter l l l enter");
    assert!(opened.contains("agreement would hold."), "{opened}");
    insta::assert_snapshot!(opened);
}
