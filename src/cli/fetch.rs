//! `byline fetch`: one run of the fetcher with a progress bar on a TTY and
//! a summary line at the end.

use std::cell::Cell;
use std::io::IsTerminal;

use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tokio::sync::mpsc;

use super::output::print;
use super::{Context, Outcome};
use crate::fetch::http::HttpClient;
use crate::fetch::run::{self, FetchEvent, RunSummary};
use crate::fetch::writer;
use crate::sanitize::clean_line;

/// Runs `byline fetch [--feeds-only]`.
pub fn run(ctx: &Context, feeds_only: bool) -> anyhow::Result<Outcome> {
    let mut store = ctx.open_store()?;
    // A cache from before the related-stories index gets it built once.
    if store.related_missing()? {
        store.rebuild_related()?;
    }
    let followed = ctx.sync_feeds(&mut store)?;
    if followed.is_empty() {
        anyhow::bail!(
            "no feeds are configured; add [[feeds]] tables to {} or run `byline import FILE`",
            ctx.paths.config.display()
        );
    }
    let ids: Vec<_> = followed.iter().map(|(id, _)| *id).collect();
    let jobs = run::feed_jobs(&store, &ids)?;
    let pages = ctx.config.fetch.pages && !feeds_only;
    let client = HttpClient::new(&ctx.config.fetch).context("cannot set up HTTP")?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;

    let (writer, writer_thread) = writer::spawn(store);
    let progress = Progress::new(jobs.len() as u64);
    let (tx, mut rx) = mpsc::unbounded_channel();
    let config = ctx.config.fetch.clone();
    let result = runtime.block_on(async {
        let fetch = run::run(client, writer, &config, jobs, pages, tx);
        tokio::pin!(fetch);
        loop {
            tokio::select! {
                Some(event) = rx.recv() => progress.on(&event),
                result = &mut fetch => break result,
            }
        }
    });
    while let Ok(event) = rx.try_recv() {
        progress.on(&event);
    }
    progress.finish();
    drop(runtime);
    writer_thread.finish();
    let summary = result.context("the fetch stopped because the cache failed")?;
    print(&summary_line(&summary, pages))?;
    Ok(if summary.feeds_failed > 0 {
        Outcome::SomeFeedsFailed
    } else {
        Outcome::Ok
    })
}

/// Returns the one-line summary printed at the end of a run.
fn summary_line(s: &RunSummary, pages: bool) -> String {
    let mut line = format!(
        "Fetched {} feeds in {:.1} s: {} new stories, {} updated, {} unchanged, {} failed",
        s.feeds,
        s.elapsed.as_secs_f64(),
        s.new_stories,
        s.feeds_updated,
        s.feeds_unchanged,
        s.feeds_failed
    );
    if pages {
        line.push_str(&format!(
            "; {} pages extracted, {} failed",
            s.pages_stored, s.pages_failed
        ));
    }
    line.push_str(".\n");
    line
}

/// The progress bar (on a TTY only) and the per-feed failure lines.
struct Progress {
    bar: ProgressBar,
    pages_queued: Cell<usize>,
    pages_done: Cell<usize>,
}

impl Progress {
    fn new(feeds: u64) -> Progress {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(feeds), target);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {wide_bar} {pos}/{len} feeds {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Progress {
            bar,
            pages_queued: Cell::new(0),
            pages_done: Cell::new(0),
        }
    }

    fn on(&self, event: &FetchEvent) {
        match event {
            FetchEvent::Started { feeds } => self.bar.set_length(*feeds as u64),
            FetchEvent::FeedStored { .. } | FetchEvent::FeedUnchanged { .. } => self.bar.inc(1),
            FetchEvent::FeedFailed { title, error, .. } => {
                self.bar.inc(1);
                self.bar.suspend(|| {
                    eprintln!("warning: {}: {}", clean_line(title), clean_line(error));
                });
            }
            FetchEvent::PagesQueued(n) => {
                self.pages_queued.set(self.pages_queued.get() + n);
                self.show_pages();
            }
            FetchEvent::PageStored { .. } | FetchEvent::PageFailed { .. } => {
                self.pages_done.set(self.pages_done.get() + 1);
                self.show_pages();
            }
        }
    }

    fn show_pages(&self) {
        self.bar.set_message(format!(
            "{}/{} pages",
            self.pages_done.get(),
            self.pages_queued.get()
        ));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
