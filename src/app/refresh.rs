//! The state of a background refresh, built from `FetchEvent`s, for the
//! status bar's gauge.

use crate::fetch::run::FetchEvent;

/// How the last refresh ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Every feed answered.
    Done,
    /// Some feeds failed; what worked is shown.
    SomeFailed(usize),
    /// No feed answered: most likely offline.
    Offline,
    /// The refresh stopped (the cache failed); the reason, one sentence.
    Stopped(String),
}

/// Progress of the running refresh, and how the last one ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Refresh {
    /// True while a refresh runs.
    pub running: bool,
    /// Feeds in this refresh.
    pub feeds_total: usize,
    /// Feeds that answered or failed so far.
    pub feeds_done: usize,
    /// Feeds that failed so far.
    pub feeds_failed: usize,
    /// Pages queued for extraction so far.
    pub pages_queued: usize,
    /// Pages fetched or failed so far.
    pub pages_done: usize,
    /// How the last finished refresh ended.
    pub last: Option<Outcome>,
}

impl Refresh {
    /// Starts counting a refresh of `feeds` feeds.
    pub fn start(&mut self, feeds: usize) {
        *self = Refresh {
            running: true,
            feeds_total: feeds,
            last: self.last.take(),
            ..Refresh::default()
        };
    }

    /// Counts one event.
    pub fn on(&mut self, event: &FetchEvent) {
        match event {
            FetchEvent::Started { feeds } => self.feeds_total = *feeds,
            FetchEvent::FeedStored { .. } | FetchEvent::FeedUnchanged { .. } => {
                self.feeds_done += 1;
            }
            FetchEvent::FeedFailed { .. } => {
                self.feeds_done += 1;
                self.feeds_failed += 1;
            }
            FetchEvent::PagesQueued(n) => self.pages_queued += n,
            FetchEvent::PageStored { .. } | FetchEvent::PageFailed { .. } => self.pages_done += 1,
        }
        self.feeds_total = self.feeds_total.max(self.feeds_done);
    }

    /// Ends the refresh; `error` is why it stopped early, if it did.
    pub fn finish(&mut self, error: Option<String>) {
        self.running = false;
        self.last = Some(match error {
            Some(e) => Outcome::Stopped(e),
            None if self.feeds_done > 0 && self.feeds_failed == self.feeds_done => Outcome::Offline,
            None if self.feeds_failed > 0 => Outcome::SomeFailed(self.feeds_failed),
            None => Outcome::Done,
        });
    }

    /// Returns the share of the work done, 0 to 1 (feeds, then pages).
    pub fn ratio(&self) -> f64 {
        let total = self.feeds_total + self.pages_queued;
        if total == 0 {
            return 0.0;
        }
        ((self.feeds_done + self.pages_done) as f64 / total as f64).min(1.0)
    }
}
