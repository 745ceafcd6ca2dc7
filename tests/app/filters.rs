//! Filtering by person, country and organisation: the picker, combined
//! filters, clearing, `enter` on the article's focus, and saved filters.

use super::*;
use byline::app::SavedFilter;
use byline::app::reader::Focus;
use byline::model::EntityKind;
use byline::store::ListQuery;

fn ids(app: &App) -> Vec<i64> {
    app.list.rows.iter().map(|r| r.row.id.0).collect()
}

/// Returns the one story load among the effects.
fn story_query(effects: &[Effect]) -> ListQuery {
    let found: Vec<&ListQuery> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Load(Query::Stories(q), _) => Some(q),
            _ => None,
        })
        .collect();
    assert_eq!(found.len(), 1, "one list load expected: {effects:?}");
    found[0].clone()
}

#[test]
fn two_keys_open_the_person_picker_and_choosing_filters_by_salience() {
    let source = fixtures();
    let mut app = started(&source);
    let effects = press(&mut app, "f p");
    let [Effect::Load(Query::Entities(EntityKind::Person), _)] = effects.as_slice() else {
        panic!("f p should ask for the people: {effects:?}");
    };
    assert!(app.picker.as_ref().unwrap().entries.is_none(), "loading");
    settle(&mut app, effects, &source);
    let picker = app.picker.as_ref().unwrap();
    let entries = picker.entries.as_ref().unwrap();
    assert_eq!(entries[0].name, "Marta Ionescu");
    assert_eq!(entries[0].stories, 2);

    // Typing narrows (letters are text here, not keys); nothing matches "zz".
    press(&mut app, "i o n z z");
    assert!(app.picker.as_ref().unwrap().current().is_none());
    press(&mut app, "backspace backspace");
    assert_eq!(
        app.picker.as_ref().unwrap().current().unwrap().name,
        "Marta Ionescu"
    );
    let effects = press(&mut app, "enter");
    let query = story_query(&effects);
    assert_eq!(query.person.as_deref(), Some("Marta Ionescu"));
    settle(&mut app, effects, &source);
    assert!(app.picker.is_none());
    // 105 is older than 101 but about her more: salience 0.9 against 0.8.
    assert_eq!(ids(&app), [105, 101]);
    assert_eq!(app.chips().len(), 1);
}

#[test]
fn person_and_country_combine_and_one_key_clears_both() {
    let source = fixtures();
    let mut app = started(&source);
    let effects = press(&mut app, "f c");
    settle(&mut app, effects, &source);
    let effects = press(&mut app, "r o m enter");
    assert_eq!(story_query(&effects).country.as_deref(), Some("Romania"));
    settle(&mut app, effects, &source);
    // Romania's most central stories first: 105 (0.7), 101 (Constanța 0.6), 102 (0.4).
    assert_eq!(ids(&app), [105, 101, 102]);

    let effects = press(&mut app, "f p");
    settle(&mut app, effects, &source);
    let effects = press(&mut app, "enter");
    let query = story_query(&effects);
    assert_eq!(query.person.as_deref(), Some("Marta Ionescu"));
    assert_eq!(query.country.as_deref(), Some("Romania"), "filters combine");
    settle(&mut app, effects, &source);
    assert_eq!(ids(&app), [105, 101]);
    let kinds: Vec<EntityKind> = app.chips().iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [EntityKind::Person, EntityKind::Country]);

    let effects = press(&mut app, "x");
    let query = story_query(&effects);
    assert!(query.person.is_none() && query.country.is_none());
    settle(&mut app, effects, &source);
    assert_eq!(ids(&app), [103, 101, 105, 104, 102, 106]);
    assert!(app.chips().is_empty());
    assert!(press(&mut app, "x").is_empty(), "nothing left to clear");
}

#[test]
fn an_answer_for_a_closed_or_reopened_picker_is_dropped() {
    let source = fixtures();
    let mut app = started(&source);
    let first = press(&mut app, "f p");
    press(&mut app, "esc");
    let second = press(&mut app, "f o");
    let (Effect::Load(_, old), Effect::Load(query, new)) = (&first[0], &second[0]) else {
        panic!("each picker asks for its entries");
    };
    let people = source.load(&Query::Entities(EntityKind::Person)).unwrap();
    app.update(Msg::Loaded {
        req: *old,
        data: people,
    });
    assert!(app.picker.as_ref().unwrap().entries.is_none());
    let orgs = source.load(query).unwrap();
    app.update(Msg::Loaded {
        req: *new,
        data: orgs,
    });
    let entries = app.picker.as_ref().unwrap().entries.clone().unwrap();
    let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Calvera Shipping"]);
    assert_eq!(entries[0].stories, 2);
}

#[test]
fn enter_on_a_highlighted_name_filters_by_it() {
    let source = fixtures();
    let mut app = started(&source);
    let effects = press(&mut app, "j enter");
    settle(&mut app, effects, &source);
    // The first name in the text is the dateline's Romania, a country.
    press(&mut app, "}");
    assert_eq!(app.reader.as_ref().unwrap().focus, Focus::Mention(0));
    let effects = press(&mut app, "enter");
    assert_eq!(story_query(&effects).country.as_deref(), Some("Romania"));
    settle(&mut app, effects, &source);
    assert!(app.reader.is_none(), "the filtered list shows");
    assert_eq!(app.focus, Pane::Stories);
    assert_eq!(ids(&app), [105, 101, 102]);

    // A place filters by its country: Constanța is in RO.
    let effects = press(&mut app, "j enter");
    settle(&mut app, effects, &source);
    press(&mut app, "} }");
    let effects = press(&mut app, "enter");
    assert_eq!(story_query(&effects).country.as_deref(), Some("RO"));
}

#[test]
fn enter_follows_a_link_to_a_cached_story_and_a_related_story() {
    let source = fixtures();
    let mut app = started(&source);
    let effects = press(&mut app, "j enter");
    settle(&mut app, effects, &source);
    let detail = app.reader.as_ref().unwrap().detail.clone().unwrap();
    assert_eq!(detail.cached_links, [Some(StoryId(102)), None]);

    press(&mut app, "l");
    let effects = press(&mut app, "enter");
    assert!(effects.contains(&Effect::Load(Query::Story(StoryId(102)), RequestId(4))));
    settle(&mut app, effects, &source);
    assert_eq!(app.reader.as_ref().unwrap().id, StoryId(102));

    // The list's cursor followed to 102; back at 101 for the related stories.
    assert_eq!(selected(&app), StoryId(102));
    press(&mut app, "q g g j");
    let effects = press(&mut app, "enter");
    settle(&mut app, effects, &source);
    // Two links, then the related stories: the third `l` is 105.
    press(&mut app, "l l l");
    assert_eq!(app.reader.as_ref().unwrap().focus, Focus::Related(0));
    let effects = press(&mut app, "enter");
    settle(&mut app, effects, &source);
    assert_eq!(app.reader.as_ref().unwrap().id, StoryId(105));
    assert_eq!(app.focus, Pane::Reader);
    // The second link is not cached: enter sends it to the browser.
    press(&mut app, "q g g enter l l");
    let effects = press(&mut app, "enter");
    assert!(
        effects.is_empty(),
        "story 103's link is javascript: and never opens"
    );
}

#[test]
fn saved_filters_show_unread_counts_and_filter_the_list() {
    let source = fixtures();
    let mut app = App::new(Keymap::default(), now(), (100, 30));
    app.saved = vec![SavedFilter {
        name: "Ionescu in Romania".to_owned(),
        query: ListQuery {
            person: Some("Ionescu".to_owned()),
            country: Some("RO".to_owned()),
            ..ListQuery::default()
        },
        unread: None,
    }];
    let effects = app.start();
    let counts = effects.iter().find_map(|e| match e {
        Effect::Load(Query::Counts(queries), _) => Some(queries.clone()),
        _ => None,
    });
    assert!(counts.unwrap()[0].unread_only, "the sidebar counts unread");
    settle(&mut app, effects, &source);
    assert_eq!(app.saved[0].unread, Some(2));

    // All stories, three feeds, then the saved filter.
    press(&mut app, "tab j j j j");
    let effects = press(&mut app, "enter");
    assert_eq!(story_query(&effects).person.as_deref(), Some("Ionescu"));
    settle(&mut app, effects, &source);
    assert_eq!(app.active_saved, Some(0));
    assert_eq!(ids(&app), [105, 101]);
    // Reading one lowers the count the next time the sidebar shows.
    let effects = press(&mut app, "enter");
    for effect in &effects {
        source.write(effect).unwrap();
    }
    settle(&mut app, effects, &source);
    let effects = press(&mut app, "q tab");
    settle(&mut app, effects, &source);
    assert_eq!(app.saved[0].unread, Some(1));
    // x leaves the saved filter for the whole list.
    press(&mut app, "tab");
    let effects = press(&mut app, "x");
    settle(&mut app, effects, &source);
    assert_eq!(app.active_saved, None);
    assert_eq!(app.list.rows.len(), 6);
}
