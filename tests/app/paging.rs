//! A long list loads one page at first and more as the cursor nears the
//! end; the unread count and "mark all read" cover the whole list.

use super::*;

/// Answers list loads from `total` stories, as the cache would with the
/// query's limit, and counts with the unread total.
fn answer(app: &mut App, effects: Vec<Effect>, total: i64) -> Vec<Effect> {
    let mut queue = std::collections::VecDeque::from(effects);
    let mut others = Vec::new();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Load(Query::Stories(q), req) => {
                let limit = q.limit.unwrap_or(usize::MAX) as i64;
                let rows = (1..=total.min(limit)).map(|i| row(i, i)).collect();
                queue.extend(app.update(Msg::Loaded {
                    req,
                    data: Loaded::Stories(rows),
                }));
            }
            Effect::Load(Query::Counts(qs), req) => {
                assert!(qs.iter().all(|q| q.unread_only && q.limit.is_none()));
                queue.extend(app.update(Msg::Loaded {
                    req,
                    data: Loaded::Counts(vec![total as u64; qs.len()]),
                }));
            }
            other => others.push(other),
        }
    }
    others
}

#[test]
fn a_long_list_loads_a_page_then_more_near_the_end() {
    let mut app = App::new(Keymap::default(), now(), (100, 30));
    let effects = app.start();
    let first = effects
        .iter()
        .find_map(|e| match e {
            Effect::Load(Query::Stories(q), _) => q.limit,
            _ => None,
        })
        .unwrap();
    assert_eq!(first, byline::app::list::PAGE);
    answer(&mut app, effects, 5000);
    assert_eq!(app.list.rows.len(), first);
    assert_eq!(app.unread(), 5000, "the cache counts the rows not loaded");

    // Paging down to near the last loaded row asks for twice as many.
    let mut asked = None;
    while asked.is_none() {
        let effects = press(&mut app, "pagedown");
        asked = effects.iter().find_map(|e| match e {
            Effect::Load(Query::Stories(q), _) => q.limit,
            _ => None,
        });
        if asked.is_some() {
            let before = selected(&app);
            answer(&mut app, effects, 5000);
            assert_eq!(selected(&app), before, "the cursor stays on its story");
        }
    }
    assert_eq!(asked, Some(2 * first));
    assert!(app.list.selected + 60 >= first);
    assert_eq!(app.list.rows.len(), 2 * first);

    // Reading one story lowers the whole list's count.
    let effects = press(&mut app, "r");
    assert_eq!(effects.len(), 1);
    assert_eq!(app.unread(), 4999);

    // Mark all read marks the whole list in the cache, not just the rows shown.
    let effects = press(&mut app, "A");
    let Some(Effect::MarkAllRead(query)) = effects.first() else {
        panic!("the whole list is marked in the cache: {effects:?}");
    };
    assert_eq!(query.limit, None);
    assert_eq!(app.unread(), 0);
    assert_eq!(app.message.as_deref(), Some("Marked 4999 stories read."));
}
