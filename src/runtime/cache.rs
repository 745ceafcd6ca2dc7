//! The cache worker: the thread that owns the reader's connection, answers
//! the app's loads and performs its flag writes in order, and watches for
//! other processes' commits (a cron `byline fetch`).

use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::app::{Effect, Loaded, Msg, Query, StoryDetail};
use crate::store::{Store, StoreError};

/// How often the cache worker asks whether another process (a cron
/// `byline fetch`) wrote to the cache; one cheap pragma, no table read.
const WATCH: Duration = Duration::from_secs(2);

pub(super) const BROKEN: &str =
    "The cache connection broke after an earlier error; restart Byline.";

/// Starts the thread that owns the read connection and performs loads and
/// flag writes one at a time, in the order the app asked for them: a load
/// that follows a write sees it, and nothing blocks the event loop.
///
/// Every [`WATCH`] it also asks whether another connection committed since
/// the last look, and tells the app with `Msg::CacheChanged`; its own flag
/// writes never count. The answer travels on the same channel as the
/// loads, after any load that ran before the look.
pub(super) fn cache_worker(
    mut store: Store,
    msg_tx: mpsc::UnboundedSender<Msg>,
) -> std::sync::mpsc::Sender<Effect> {
    let (jobs, queue) = std::sync::mpsc::channel::<Effect>();
    std::thread::spawn(move || {
        let mut pending = std::collections::VecDeque::new();
        let mut watch = Watch::new(&store);
        loop {
            let effect = match pending.pop_front() {
                Some(effect) => Some(effect),
                None => match queue.recv_timeout(watch.until_next()) {
                    Ok(effect) => Some(effect),
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => None,
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                },
            };
            if watch.changed(&store) && msg_tx.send(Msg::CacheChanged).is_err() {
                break;
            }
            let Some(effect) = effect else {
                continue;
            };
            pending.extend(queue.try_iter());
            if superseded(&effect, &pending) {
                continue;
            }
            let msg = match effect {
                Effect::Load(query, req) => Some(Msg::Loaded {
                    req,
                    data: load(&store, &query),
                }),
                other => write(&mut store, &other)
                    .err()
                    .map(|e| Msg::Notice(format!("Byline could not save the change: {e}"))),
            };
            if let Some(msg) = msg
                && msg_tx.send(msg).is_err()
            {
                break;
            }
        }
    });
    jobs
}

/// When the cache worker last asked the cache's `data_version`, and what
/// it was.
struct Watch {
    seen: Option<i64>,
    next: Instant,
}

impl Watch {
    /// Starts watching from the cache as it is now (the app's first loads
    /// run after this, so they see everything written before).
    fn new(store: &Store) -> Watch {
        Watch {
            seen: store.data_version().ok(),
            next: Instant::now() + WATCH,
        }
    }

    /// Returns how long until the next look.
    fn until_next(&self) -> Duration {
        self.next.saturating_duration_since(Instant::now())
    }

    /// Returns true when it is time to look and another connection has
    /// committed since the last look. A failed look counts as no change:
    /// the loads report a broken cache themselves.
    fn changed(&mut self, store: &Store) -> bool {
        let now = Instant::now();
        if now < self.next {
            return false;
        }
        self.next = now + WATCH;
        let Ok(version) = store.data_version() else {
            return false;
        };
        let changed = self.seen.is_some_and(|seen| seen != version);
        self.seen = Some(version);
        changed
    }
}

/// Returns true when `effect` is a load whose answer the app will drop: a
/// later load for the same pane is already queued (the app only keeps the
/// answer to its newest request), so a burst of keys costs one query.
fn superseded(effect: &Effect, pending: &std::collections::VecDeque<Effect>) -> bool {
    let Effect::Load(query, _) = effect else {
        return false;
    };
    pending.iter().any(|later| match (query, later) {
        (Query::Stories(_), Effect::Load(Query::Stories(_), _))
        | (Query::Feeds, Effect::Load(Query::Feeds, _))
        | (Query::Story(_), Effect::Load(Query::Story(_), _))
        | (Query::Entities(_), Effect::Load(Query::Entities(_), _)) => true,
        // Counts answer two different askers (the saved filters, the
        // list's unread total): never skipped.
        _ => false,
    })
}

/// Answers a query from the cache.
pub fn load(store: &Store, query: &Query) -> Loaded {
    let result: Result<Loaded, StoreError> = match query {
        Query::Feeds => store.feeds().map(Loaded::Feeds),
        Query::Stories(q) => store.list(q).map(Loaded::Stories),
        Query::Story(id) => load_story(store, *id),
        Query::Entities(kind) => store.entity_index(Some(*kind)).map(Loaded::Entities),
        Query::Counts(queries) => queries
            .iter()
            .map(|q| store.count(q))
            .collect::<Result<Vec<_>, _>>()
            .map(Loaded::Counts),
    };
    result.unwrap_or_else(|e| Loaded::Failed(format!("Byline could not read the cache: {e}")))
}

/// Reads one story with its analysis and which of its links are cached.
fn load_story(store: &Store, id: crate::model::StoryId) -> Result<Loaded, StoreError> {
    let Some(story) = store.story(id)? else {
        return Ok(Loaded::Story(None));
    };
    // A stale or missing analysis is made afresh for display; the next
    // fetch stores it.
    let analysis =
        crate::analyze::current_or_fresh(store.analysis(story.id)?, &story.title, &story.text);
    let urls: Vec<Option<String>> = story
        .links
        .iter()
        .map(|l| crate::fetch::url_norm::canonical_url(&l.url))
        .collect();
    let cached_links = store
        .stories_by_canonical_url(&urls)?
        .into_iter()
        .map(|found| found.filter(|&other| other != story.id))
        .collect();
    let related = store.related(story.id)?;
    Ok(Loaded::Story(Some(Box::new(StoryDetail {
        story,
        entities: analysis.entities,
        quotes: analysis.quotes,
        related,
        cached_links,
    }))))
}

/// Performs a flag write (`SetRead`, `SetStarred`, `MarkAllRead`); other
/// effects are ignored.
pub fn write(store: &mut Store, effect: &Effect) -> Result<(), StoreError> {
    match effect {
        Effect::SetRead { id, read } => store.set_read(*id, *read),
        Effect::SetStarred { id, starred } => store.set_starred(*id, *starred),
        Effect::MarkAllRead(query) => store.mark_read(query).map(|_| ()),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::RequestId;
    use crate::model::StoryId;
    use crate::store::ListQuery;

    #[test]
    fn only_a_load_followed_by_one_for_the_same_pane_is_skipped() {
        let stories = |n| Effect::Load(Query::Stories(ListQuery::default()), RequestId(n));
        let counts = |n| Effect::Load(Query::Counts(Vec::new()), RequestId(n));
        let write = Effect::SetRead {
            id: StoryId(1),
            read: true,
        };
        let later = std::collections::VecDeque::from([write.clone(), stories(2), counts(3)]);
        assert!(superseded(&stories(1), &later));
        assert!(!superseded(&counts(1), &later), "counts are never skipped");
        assert!(!superseded(&write, &later), "writes always run");
        let story = Effect::Load(Query::Story(StoryId(7)), RequestId(1));
        assert!(!superseded(&story, &later));
    }
}
