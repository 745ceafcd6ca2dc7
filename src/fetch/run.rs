//! One fetch run: every feed concurrently, then each new story's page,
//! extracted and stored, with progress reported as [`FetchEvent`]s.
//!
//! Feed tasks and page tasks share one [`HttpClient`] (which enforces the
//! global and per-host limits) and one [`Writer`] thread (which owns SQLite).
//! Parsing and extraction run on the blocking pool, bounded to the cores.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use tokio::sync::{Semaphore, mpsc};
use tokio::task::JoinSet;

use crate::analyze;
use crate::config::FetchConfig;
use crate::extract;
use crate::fetch::feed;
use crate::fetch::http::{FeedResponse, HttpClient};
use crate::fetch::limits::StoryLimits;
use crate::fetch::writer::Writer;
use crate::model::{Article, FeedId, StoryId, Validators};
use crate::relate;
use crate::store::{FeedUpdate, PageJob, Store, StoreError, StoryText};

/// A feed to fetch in this run.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedJob {
    pub id: FeedId,
    pub url: String,
    /// The name shown in progress and errors.
    pub title: String,
    pub validators: Validators,
    /// A server asked us not to come back before this time.
    pub retry_at: Option<DateTime<Utc>>,
}

/// What happened, as it happens: the progress bar and the TUI status bar
/// are drawn from these.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchEvent {
    /// A run started with this many feeds.
    Started { feeds: usize },
    /// A feed answered and its items were stored.
    FeedStored { feed: FeedId, new: usize },
    /// A feed answered 304 Not Modified.
    FeedUnchanged { feed: FeedId },
    /// A feed failed; what was stored before stays.
    FeedFailed {
        feed: FeedId,
        title: String,
        error: String,
    },
    /// Pages were added to the queue.
    PagesQueued(usize),
    /// A page was fetched and its article stored.
    PageStored { story: StoryId },
    /// A page failed; the story keeps the feed's own text.
    PageFailed { story: StoryId, error: String },
}

/// The totals of a run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunSummary {
    pub feeds: usize,
    pub feeds_updated: usize,
    pub feeds_unchanged: usize,
    pub feeds_failed: usize,
    pub new_stories: usize,
    pub pages_stored: usize,
    pub pages_failed: usize,
    pub elapsed: Duration,
}

/// Returns the jobs for the followed `feeds` (ids in the cache, in order),
/// with their validators and Retry-After times.
pub fn feed_jobs(store: &Store, feeds: &[FeedId]) -> Result<Vec<FeedJob>, StoreError> {
    let states = store.feeds()?;
    feeds
        .iter()
        .filter_map(|id| states.iter().find(|s| s.id == *id))
        .map(|state| {
            Ok(FeedJob {
                id: state.id,
                url: state.url.clone(),
                title: state.title.clone(),
                validators: store.validators(state.id)?,
                retry_at: state.retry_at,
            })
        })
        .collect()
}

/// Returns an article with its analysis, made by this build's analyser;
/// the headline (the feed's, else the page's own) weighs in the salience.
/// When the store will relate the story by this text (`related_by_it`),
/// its shingles are made here too, off the writer thread.
pub fn analyzed(article: Article, headline: Option<&str>, related_by_it: bool) -> StoryText {
    let headline = headline.or(article.title.as_deref()).unwrap_or_default();
    let text = article.text();
    let analysis = analyze::analyze_story(headline, &text);
    StoryText {
        shingles: related_by_it.then(|| relate::TextShingles::of(&text)),
        article,
        analysis,
        analyzer_version: analyze::VERSION,
    }
}

/// Analyses again, in batches on the blocking pool, every stored story whose
/// analysis an older analyser made; returns how many were redone.
async fn reanalyze_stale(writer: &Writer, cpu: &Semaphore) -> Result<usize, StoreError> {
    const BATCH: usize = 256;
    let mut done = 0;
    loop {
        let stale = writer.stale_analyses(analyze::VERSION, BATCH).await?;
        if stale.is_empty() {
            return Ok(done);
        }
        let analyses = {
            let _permit = cpu.acquire().await;
            tokio::task::spawn_blocking(move || {
                stale
                    .into_iter()
                    .map(|s| (s.id, analyze::analyze_story(&s.title, &s.text)))
                    .collect::<Vec<_>>()
            })
            .await
            .map_err(|_| StoreError::Gone)?
        };
        done += analyses.len();
        writer.analyses(analyses, analyze::VERSION).await?;
    }
}

/// Pages from earlier runs picked up at the start of a run, at most.
const PENDING_PAGES: usize = 100_000;

/// Fetches every feed in `feeds` (and, when `pages`, every new or pending
/// story's page), storing through `writer` and reporting through `events`.
///
/// Per-feed and per-page failures are events and counts, never errors; the
/// result is an error only when the cache itself fails.
pub async fn run(
    client: HttpClient,
    writer: Writer,
    config: &FetchConfig,
    feeds: Vec<FeedJob>,
    pages: bool,
    events: mpsc::UnboundedSender<FetchEvent>,
) -> Result<RunSummary, StoreError> {
    let started = Instant::now();
    let cpu = Arc::new(Semaphore::new(
        std::thread::available_parallelism().map_or(2, |n| n.get()),
    ));
    // Parsed feeds wait for the one writer; a few ready are enough to keep
    // it busy, and more would only hold their texts in memory.
    let unstored = Arc::new(Semaphore::new(cpu.available_permits() * 2));
    let (page_tx, page_rx) = mpsc::unbounded_channel::<PageJob>();
    let mut summary = RunSummary {
        feeds: feeds.len(),
        ..RunSummary::default()
    };

    let _ = events.send(FetchEvent::Started { feeds: feeds.len() });
    reanalyze_stale(&writer, &cpu).await?;
    if pages {
        let pending = writer.page_jobs(PENDING_PAGES).await?;
        if !pending.is_empty() {
            let _ = events.send(FetchEvent::PagesQueued(pending.len()));
        }
        for job in pending {
            let _ = page_tx.send(job);
        }
    }
    let page_worker = tokio::spawn(fetch_pages(
        client.clone(),
        writer.clone(),
        cpu.clone(),
        page_rx,
        events.clone(),
        config.concurrency.max(1) * 4,
        StoryLimits::of(config),
    ));

    let mut tasks = JoinSet::new();
    for job in feeds {
        let ctx = FeedCtx {
            client: client.clone(),
            writer: writer.clone(),
            cpu: cpu.clone(),
            unstored: unstored.clone(),
            max_items: config.max_items,
            limits: StoryLimits::of(config),
            pages: pages.then(|| page_tx.clone()),
            events: events.clone(),
        };
        tasks.spawn(fetch_feed(ctx, job));
    }
    drop(page_tx);

    let mut store_error = None;
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(Ok(FeedOutcome::Stored(new))) => {
                summary.feeds_updated += 1;
                summary.new_stories += new;
            }
            Ok(Ok(FeedOutcome::Capped(new))) => {
                summary.feeds_failed += 1;
                summary.new_stories += new;
            }
            Ok(Ok(FeedOutcome::Unchanged)) => summary.feeds_unchanged += 1,
            Ok(Ok(FeedOutcome::Failed)) => summary.feeds_failed += 1,
            Ok(Err(e)) => {
                summary.feeds_failed += 1;
                store_error.get_or_insert(e);
            }
            Err(_) => summary.feeds_failed += 1,
        }
    }
    let pages_done = page_worker.await.unwrap_or_default();
    summary.pages_stored = pages_done.stored;
    summary.pages_failed = pages_done.failed;
    if let Some(e) = store_error.or(pages_done.store_error) {
        return Err(e);
    }
    if summary.new_stories > 0 {
        // Real news has arrived: the demo stories have done their job.
        writer.remove_demo().await?;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

struct FeedCtx {
    client: HttpClient,
    writer: Writer,
    cpu: Arc<Semaphore>,
    /// Held from parsing a feed until the writer has stored it.
    unstored: Arc<Semaphore>,
    max_items: usize,
    limits: StoryLimits,
    pages: Option<mpsc::UnboundedSender<PageJob>>,
    events: mpsc::UnboundedSender<FetchEvent>,
}

enum FeedOutcome {
    Stored(usize),
    /// Stored this many new stories, but the feed listed more items than
    /// the limit keeps: a per-feed error.
    Capped(usize),
    Unchanged,
    Failed,
}

async fn fetch_feed(ctx: FeedCtx, job: FeedJob) -> Result<FeedOutcome, StoreError> {
    if let Some(until) = job.retry_at.filter(|t| *t > Utc::now()) {
        let error = format!(
            "the server asked Byline to wait until {}; skipped this time",
            until.format("%Y-%m-%d %H:%M UTC")
        );
        return report_failure(&ctx, &job, error, Some(until)).await;
    }
    let body = match ctx.client.get_feed(&job.url, &job.validators).await {
        Ok(FeedResponse::NotModified) => {
            ctx.writer.not_modified(job.id).await?;
            let _ = ctx.events.send(FetchEvent::FeedUnchanged { feed: job.id });
            return Ok(FeedOutcome::Unchanged);
        }
        Ok(FeedResponse::Body(body)) => body,
        Err(e) => return report_failure(&ctx, &job, e.to_string(), e.retry_at()).await,
    };

    let (max_items, limits) = (ctx.max_items, ctx.limits);
    let pages_follow = ctx.pages.is_some();
    let _unstored = ctx.unstored.acquire().await;
    let parsed = {
        let _permit = ctx.cpu.acquire().await;
        tokio::task::spawn_blocking(move || {
            let parsed = feed::parse(
                &body.bytes,
                body.content_type.as_deref(),
                &body.final_url,
                max_items,
            )
            .map_err(|e| e.to_string())?;
            let mut texts = Vec::with_capacity(parsed.items.len());
            for (index, item) in parsed.items.iter().enumerate() {
                let html = item
                    .content_html
                    .as_deref()
                    .or(item.summary_html.as_deref());
                let article = html.map(|h| extract::article_from_fragment(h, item.url.as_deref()));
                if let Some(error) = article.as_ref().and_then(|a| limits.too_long(a)) {
                    return Err(format!("item {} is too long: {error}", index + 1));
                }
                // A story with no text is analysed by its headline alone,
                // so a filter finds it by the people and countries named
                // there (the extracted captions and links go with the text).
                let article = match article.filter(|a| !a.paragraphs.is_empty()) {
                    Some(a) => Some(a),
                    None => (!item.title.trim().is_empty()).then(Article::default),
                };
                // A story whose page follows is related by the page's text.
                let text = article
                    .map(|a| analyzed(a, Some(&item.title), !(pages_follow && item.url.is_some())));
                if let Some(error) = text
                    .as_ref()
                    .and_then(|t| limits.too_many_names(&t.analysis))
                {
                    return Err(format!("item {} {error}", index + 1));
                }
                texts.push(text);
            }
            Ok((parsed, texts, body.validators, body.moved_to))
        })
        .await
    };
    let (parsed, texts, validators, moved_to) = match parsed {
        Ok(Ok(done)) => done,
        Ok(Err(error)) => return report_failure(&ctx, &job, error, None).await,
        Err(_) => {
            let error = "the feed could not be parsed (the parser crashed)".to_owned();
            return report_failure(&ctx, &job, error, None).await;
        }
    };

    let urls: Vec<Option<String>> = parsed.items.iter().map(|i| i.url.clone()).collect();
    let (kept, left_out) = (parsed.items.len(), parsed.left_out);
    let update = FeedUpdate {
        title: parsed.title,
        site_url: parsed.site_url,
        validators,
        moved_to,
        items: parsed.items,
        texts,
        pages_follow,
    };
    let stored = ctx.writer.feed(job.id, update).await?;
    let new = stored.new.len();
    let _ = ctx
        .events
        .send(FetchEvent::FeedStored { feed: job.id, new });
    if let Some(pages) = &ctx.pages {
        let jobs: Vec<PageJob> = stored
            .new_items
            .iter()
            .filter_map(|&(index, id)| {
                let url = urls.get(index).cloned().flatten()?;
                Some(PageJob { id, url })
            })
            .collect();
        if !jobs.is_empty() {
            let _ = ctx.events.send(FetchEvent::PagesQueued(jobs.len()));
        }
        for job in jobs {
            let _ = pages.send(job);
        }
    }
    if left_out > 0 {
        // What fitted is stored; the feed still fails, so the user learns
        // that it lists more than the limit keeps.
        let error = format!(
            "the feed lists {} items, more than fetch.max_items allows; the first {kept} were kept",
            kept + left_out
        );
        report_failure(&ctx, &job, error, None).await?;
        return Ok(FeedOutcome::Capped(new));
    }
    Ok(FeedOutcome::Stored(new))
}

async fn report_failure(
    ctx: &FeedCtx,
    job: &FeedJob,
    error: String,
    retry_at: Option<DateTime<Utc>>,
) -> Result<FeedOutcome, StoreError> {
    tracing::warn!(
        "feed {} failed: {}",
        crate::sanitize::clean_line(&job.url),
        crate::sanitize::clean_line(&error)
    );
    ctx.writer
        .feed_error(job.id, error.clone(), retry_at)
        .await?;
    let _ = ctx.events.send(FetchEvent::FeedFailed {
        feed: job.id,
        title: job.title.clone(),
        error,
    });
    Ok(FeedOutcome::Failed)
}

/// What the page worker did: pages stored and failed, and the first cache
/// error (a full disk), which fails the run like a feed's would.
#[derive(Default)]
struct PagesDone {
    stored: usize,
    failed: usize,
    store_error: Option<StoreError>,
}

/// Fetches and extracts pages as they are queued.
async fn fetch_pages(
    client: HttpClient,
    writer: Writer,
    cpu: Arc<Semaphore>,
    mut queue: mpsc::UnboundedReceiver<PageJob>,
    events: mpsc::UnboundedSender<FetchEvent>,
    in_flight: usize,
    limits: StoryLimits,
) -> PagesDone {
    // Bounded so fetched pages never pile up in memory waiting for a core.
    let mut tasks = JoinSet::new();
    let mut done = PagesDone::default();
    let mut tally = |outcome: Option<Result<bool, StoreError>>| match outcome {
        Some(Ok(true)) => done.stored += 1,
        Some(Ok(false)) => done.failed += 1,
        Some(Err(e)) => {
            done.store_error.get_or_insert(e);
        }
        None => {}
    };
    loop {
        tokio::select! {
            job = queue.recv(), if tasks.len() < in_flight => match job {
                Some(job) => {
                    let page = fetch_page(client.clone(), writer.clone(), cpu.clone(), job, events.clone(), limits);
                    tasks.spawn(page);
                }
                None => break,
            },
            Some(joined) = tasks.join_next(), if !tasks.is_empty() => tally(joined.ok()),
        }
    }
    while let Some(joined) = tasks.join_next().await {
        tally(joined.ok());
    }
    done
}

/// Fetches one page; returns whether it was stored, or the cache's error
/// (the page stays to fetch; the next run retries it).
async fn fetch_page(
    client: HttpClient,
    writer: Writer,
    cpu: Arc<Semaphore>,
    job: PageJob,
    events: mpsc::UnboundedSender<FetchEvent>,
    limits: StoryLimits,
) -> Result<bool, StoreError> {
    let outcome = match client.get_page(&job.url).await {
        Ok(body) => {
            let _permit = cpu.acquire().await;
            let base = body.final_url.clone();
            let text = tokio::task::spawn_blocking(move || {
                let html = extract::decode_html(&body.bytes, body.content_type.as_deref());
                let article = extract::extract_article(&html, Some(&base));
                if let Some(error) = limits.too_long(&article) {
                    return Err(format!("the page is too long: {error}"));
                }
                let text = analyzed(article, None, true);
                match limits.too_many_names(&text.analysis) {
                    Some(error) => Err(format!("the page {error}")),
                    None => Ok(text),
                }
            })
            .await;
            match text {
                Ok(Ok(t)) if !t.article.paragraphs.is_empty() => Ok(t),
                Ok(Ok(_)) => Err("no article text was found on the page".to_owned()),
                Ok(Err(error)) => Err(error),
                Err(_) => Err("the page could not be extracted (the extractor crashed)".to_owned()),
            }
        }
        Err(e) => Err(e.to_string()),
    };
    match outcome {
        Ok(text) => {
            writer.text(job.id, text).await?;
            let _ = events.send(FetchEvent::PageStored { story: job.id });
            Ok(true)
        }
        Err(error) => {
            writer.page_error(job.id, error.clone()).await?;
            let _ = events.send(FetchEvent::PageFailed {
                story: job.id,
                error,
            });
            Ok(false)
        }
    }
}
