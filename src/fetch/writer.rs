//! The fetcher's single writer: a thread that owns the write [`Store`] and
//! performs every write of a run in order, so fetch tasks never block on SQLite.
//! Feeds or pages queued one behind another share a transaction.

use std::sync::mpsc;
use std::thread;

use chrono::{DateTime, Utc};
use tokio::sync::oneshot;

use crate::model::{Analysis, FeedId, StoryId, TextSource};
use crate::store::{FeedUpdate, PageJob, StaleAnalysis, Store, StoreError, StoredFeed, StoryText};

/// One write, with a reply channel where the caller needs the result.
enum Write {
    Feed {
        feed: FeedId,
        update: Box<FeedUpdate>,
        reply: oneshot::Sender<Result<StoredFeed, StoreError>>,
    },
    NotModified {
        feed: FeedId,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    FeedError {
        feed: FeedId,
        error: String,
        retry_at: Option<DateTime<Utc>>,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    Text {
        id: StoryId,
        text: Box<StoryText>,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    Analyses {
        analyses: Vec<(StoryId, Analysis)>,
        version: i64,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    Stale {
        version: i64,
        limit: usize,
        reply: oneshot::Sender<Result<Vec<StaleAnalysis>, StoreError>>,
    },
    PageError {
        id: StoryId,
        error: String,
        reply: oneshot::Sender<Result<(), StoreError>>,
    },
    RemoveDemo {
        reply: oneshot::Sender<Result<usize, StoreError>>,
    },
    PageJobs {
        limit: usize,
        reply: oneshot::Sender<Result<Vec<PageJob>, StoreError>>,
    },
}

/// A handle to the writer thread; cloning it shares the thread.
#[derive(Clone)]
pub struct Writer {
    tx: mpsc::Sender<Write>,
}

/// The writer thread; joining it returns the store.
pub struct WriterThread {
    handle: thread::JoinHandle<Store>,
}

impl WriterThread {
    /// Waits until every handle is dropped and the thread has written
    /// everything, and returns the store.
    pub fn finish(self) -> Option<Store> {
        self.handle.join().ok()
    }
}

/// Writes of one kind stored together in one transaction: one commit (and
/// one full-text index flush) for many stories instead of one each. The
/// stories of a batch share most of the index pages they dirty, so a larger
/// batch writes less WAL: a full-page fetch of 10,000 stories wrote 1.47 GB
/// of WAL at 32 and 1.11 GB at 128.
const BATCH: usize = 128;

/// Starts the writer thread on `store`.
pub fn spawn(mut store: Store) -> (Writer, WriterThread) {
    if let Err(e) = store.tune_for_writing() {
        tracing::warn!("the cache could not be tuned for writing: {e}");
    }
    let (tx, rx) = mpsc::channel::<Write>();
    let handle = thread::Builder::new()
        .name("byline-writer".to_owned())
        .spawn(move || {
            let mut next: Option<Write> = None;
            while let Some(write) = next.take().or_else(|| rx.recv().ok()) {
                // Feeds and pages already queued behind this one join its batch.
                let mut batch = vec![write];
                while batch.len() < BATCH {
                    match rx.try_recv() {
                        Ok(w) if same_kind(&batch[0], &w) => batch.push(w),
                        Ok(w) => {
                            next = Some(w);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                perform(&mut store, batch);
            }
            store
        })
        // As `thread::spawn` does: without a thread there is no fetch to run.
        .expect("the system could not start the writer thread");
    (Writer { tx }, WriterThread { handle })
}

/// Whether two writes can share a transaction.
fn same_kind(a: &Write, b: &Write) -> bool {
    matches!(
        (a, b),
        (Write::Feed { .. }, Write::Feed { .. }) | (Write::Text { .. }, Write::Text { .. })
    )
}

/// Performs a batch of writes of one kind. A batch that fails is written
/// again one write at a time, so each caller gets its own write's result.
fn perform(store: &mut Store, batch: Vec<Write>) {
    let unwritten = match batch.as_slice() {
        [_] => Err(batch),
        [Write::Feed { .. }, ..] => store_feeds(store, batch),
        [Write::Text { .. }, ..] => store_texts(store, batch),
        _ => Err(batch),
    };
    if let Err(batch) = unwritten {
        for write in batch {
            perform_one(store, write);
        }
    }
}

/// Stores a batch of feeds in one transaction and answers each caller;
/// gives the batch back when the transaction failed.
// A closed reply channel means the caller gave up; the write itself stands.
fn store_feeds(store: &mut Store, batch: Vec<Write>) -> Result<(), Vec<Write>> {
    let fetches: Vec<(FeedId, &FeedUpdate)> = batch
        .iter()
        .filter_map(|w| match w {
            Write::Feed { feed, update, .. } => Some((*feed, update.as_ref())),
            _ => None,
        })
        .collect();
    let Ok(stored) = store.store_feeds(&fetches, Utc::now()) else {
        return Err(batch);
    };
    for (write, stored) in batch.into_iter().zip(stored) {
        if let Write::Feed { reply, .. } = write {
            let _ = reply.send(Ok(stored));
        }
    }
    Ok(())
}

/// Stores a batch of page texts in one transaction and answers each
/// caller; gives the batch back when the transaction failed.
fn store_texts(store: &mut Store, batch: Vec<Write>) -> Result<(), Vec<Write>> {
    let texts: Vec<(StoryId, &StoryText)> = batch
        .iter()
        .filter_map(|w| match w {
            Write::Text { id, text, .. } => Some((*id, text.as_ref())),
            _ => None,
        })
        .collect();
    if store.store_texts(&texts, TextSource::Page).is_err() {
        return Err(batch);
    }
    for write in batch {
        if let Write::Text { reply, .. } = write {
            let _ = reply.send(Ok(()));
        }
    }
    Ok(())
}

/// Performs one write in its own transaction.
// A closed reply channel means the caller gave up; the write itself stands.
fn perform_one(store: &mut Store, write: Write) {
    match write {
        Write::Feed {
            feed,
            update,
            reply,
        } => {
            let _ = reply.send(store.store_feed(feed, &update, Utc::now()));
        }
        Write::NotModified { feed, reply } => {
            let _ = reply.send(store.store_not_modified(feed, Utc::now()));
        }
        Write::FeedError {
            feed,
            error,
            retry_at,
            reply,
        } => {
            let _ = reply.send(store.store_feed_error(feed, &error, Utc::now(), retry_at));
        }
        Write::Text { id, text, reply } => {
            let _ = reply.send(store.store_text(id, &text, TextSource::Page));
        }
        Write::Analyses {
            analyses,
            version,
            reply,
        } => {
            let _ = reply.send(store.store_analyses(&analyses, version));
        }
        Write::Stale {
            version,
            limit,
            reply,
        } => {
            let _ = reply.send(store.stale_analyses(version, limit));
        }
        Write::PageError { id, error, reply } => {
            let _ = reply.send(store.store_page_error(id, &error));
        }
        Write::RemoveDemo { reply } => {
            let _ = reply.send(store.remove_demo());
        }
        Write::PageJobs { limit, reply } => {
            let _ = reply.send(store.page_jobs(limit));
        }
    }
}

/// The writer thread stopped before answering (it panicked).
fn gone() -> StoreError {
    StoreError::Gone
}

impl Writer {
    async fn ask<T>(
        &self,
        make: impl FnOnce(oneshot::Sender<Result<T, StoreError>>) -> Write,
    ) -> Result<T, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.tx.send(make(reply)).map_err(|_| gone())?;
        answer.await.map_err(|_| gone())?
    }

    /// Stores a fetched feed in one transaction.
    pub async fn feed(&self, feed: FeedId, update: FeedUpdate) -> Result<StoredFeed, StoreError> {
        let update = Box::new(update);
        self.ask(|reply| Write::Feed {
            feed,
            update,
            reply,
        })
        .await
    }

    /// Records a 304.
    pub async fn not_modified(&self, feed: FeedId) -> Result<(), StoreError> {
        self.ask(|reply| Write::NotModified { feed, reply }).await
    }

    /// Records a failed feed.
    pub async fn feed_error(
        &self,
        feed: FeedId,
        error: String,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<(), StoreError> {
        self.ask(|reply| Write::FeedError {
            feed,
            error,
            retry_at,
            reply,
        })
        .await
    }

    /// Stores an article extracted from a story's page, with its analysis.
    pub async fn text(&self, id: StoryId, text: StoryText) -> Result<(), StoreError> {
        let text = Box::new(text);
        self.ask(|reply| Write::Text { id, text, reply }).await
    }

    /// Stores fresh analyses of stories already stored.
    pub async fn analyses(
        &self,
        analyses: Vec<(StoryId, Analysis)>,
        version: i64,
    ) -> Result<(), StoreError> {
        self.ask(|reply| Write::Analyses {
            analyses,
            version,
            reply,
        })
        .await
    }

    /// Returns stories whose analysis is older than `version`.
    pub async fn stale_analyses(
        &self,
        version: i64,
        limit: usize,
    ) -> Result<Vec<StaleAnalysis>, StoreError> {
        self.ask(|reply| Write::Stale {
            version,
            limit,
            reply,
        })
        .await
    }

    /// Records a page that could not be fetched or held no article.
    pub async fn page_error(&self, id: StoryId, error: String) -> Result<(), StoreError> {
        self.ask(|reply| Write::PageError { id, error, reply })
            .await
    }

    /// Removes the bundled demo stories; returns how many went.
    pub async fn remove_demo(&self) -> Result<usize, StoreError> {
        self.ask(|reply| Write::RemoveDemo { reply }).await
    }

    /// Returns stories whose page is still to fetch.
    pub async fn page_jobs(&self, limit: usize) -> Result<Vec<PageJob>, StoreError> {
        self.ask(|reply| Write::PageJobs { limit, reply }).await
    }
}
