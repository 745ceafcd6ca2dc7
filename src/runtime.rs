//! The only place where tokio and crossterm meet the [`App`]: the event
//! loop that draws when something changed and performs the app's effects.
//!
//! Loads and flag writes run on the blocking pool against a read connection;
//! a refresh runs `fetch::run::run` with its own writer connection and
//! reports back through `FetchEvent`s. Nothing here ever awaits a fetch.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::Context as _;
use chrono::Utc;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture, EventStream};
use futures_util::StreamExt as _;
use ratatui::DefaultTerminal;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::app::{App, Effect, FetchCmd, Msg, SavedFilter};
use crate::config::FetchConfig;
use crate::fetch::http::HttpClient;
use crate::fetch::run::{self, FetchEvent};
use crate::fetch::writer;
use crate::keymap::Keymap;
use crate::model::FeedId;
use crate::store::{Store, StoreError};

mod cache;

use cache::{BROKEN, cache_worker};
pub use cache::{load, write};

/// What the reader needs to run.
pub struct RuntimeOptions {
    /// The cache file.
    pub cache: PathBuf,
    /// The followed feeds (ids in the cache), which a refresh fetches.
    pub feeds: Vec<FeedId>,
    /// How to fetch when the user refreshes.
    pub fetch: FetchConfig,
    /// The key bindings (defaults with the `[keys]` table applied).
    pub keymap: Keymap,
    /// The palette to draw in (`mono` when `NO_COLOR` is set).
    pub palette: crate::ui::theme::Palette,
    /// Reports mouse clicks and wheel to the reader (config `ui.mouse`);
    /// off leaves the mouse to the terminal, to select text.
    pub mouse: bool,
    /// Starts a refresh as soon as the reader is up.
    pub refresh_on_start: bool,
    /// The saved filters of the config, for the sidebar.
    pub saved: Vec<SavedFilter>,
    /// Marking one copy of a story read marks its copies too (`[related]`).
    pub mark_copies_read: bool,
}

/// How often ages ("3h") are redrawn while nothing else happens.
const TICK: Duration = Duration::from_secs(60);
/// How long quitting waits for a running refresh to stop.
const SHUTDOWN: Duration = Duration::from_secs(2);

/// Runs the reader on the terminal until the user quits; the terminal is
/// restored on return, on error and on panic.
pub fn run(options: RuntimeOptions) -> anyhow::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    // init() also installs a panic hook that restores the terminal first;
    // the hook set after it stops mouse reporting before that.
    let mut terminal = ratatui::init();
    if options.mouse {
        let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    }
    let restore_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        restore_hook(info);
    }));
    let result = runtime.block_on(event_loop(&mut terminal, options));
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

async fn event_loop(terminal: &mut DefaultTerminal, options: RuntimeOptions) -> anyhow::Result<()> {
    let mut store = Store::open(&options.cache).with_context(|| {
        format!(
            "Byline cannot open its cache at {}",
            options.cache.display()
        )
    })?;
    store.set_copies_share_read(options.mark_copies_read);
    let size = terminal.size().context("cannot read the terminal size")?;
    let mut app = App::new(
        options.keymap.clone(),
        Utc::now(),
        (size.width, size.height),
    );
    app.palette = options.palette;
    app.saved = options.saved.clone();

    let (msg_tx, mut msg_rx) = mpsc::unbounded_channel::<Msg>();
    let mut performer = Performer {
        cache_jobs: cache_worker(store, msg_tx.clone()),
        cache: options.cache.clone(),
        feeds: options.feeds.clone(),
        fetch: options.fetch.clone(),
        msg_tx,
        refresh: None,
    };
    let mut effects = app.start();
    if options.refresh_on_start {
        effects.extend(app.apply(crate::action::Action::Refresh));
    }
    for effect in effects {
        performer.perform(effect);
    }

    let mut input = EventStream::new();
    let mut tick = tokio::time::interval(TICK);
    let mut shown_links = Vec::new();
    loop {
        if app.take_dirty() {
            let frame = terminal
                .draw(|f| crate::ui::draw(f, &app))
                .context("cannot draw on the terminal")?;
            let links = crate::ui::hyperlinks::hyperlinks(&app);
            if !links.is_empty() || !shown_links.is_empty() {
                let bytes = crate::ui::hyperlinks::osc8_bytes(&shown_links, &links, frame.buffer);
                let mut out = std::io::stdout().lock();
                out.write_all(&bytes)
                    .and_then(|()| out.flush())
                    .context("cannot draw the links on the terminal")?;
            }
            shown_links = links;
        }
        let msg = tokio::select! {
            event = input.next() => match event {
                Some(Ok(event)) => match Msg::from_terminal(event) {
                    Some(msg) => msg,
                    None => continue,
                },
                Some(Err(e)) => return Err(e).context("cannot read keys from the terminal"),
                None => break,
            },
            Some(msg) = msg_rx.recv() => msg,
            _ = tick.tick() => Msg::Tick(Utc::now()),
        };
        for effect in app.update(msg) {
            performer.perform(effect);
        }
        if app.quitting() {
            break;
        }
    }
    performer.shutdown().await;
    Ok(())
}

/// Performs effects; owns the cache worker's queue and the running refresh.
struct Performer {
    cache_jobs: std::sync::mpsc::Sender<Effect>,
    cache: PathBuf,
    feeds: Vec<FeedId>,
    fetch: FetchConfig,
    msg_tx: mpsc::UnboundedSender<Msg>,
    refresh: Option<JoinHandle<()>>,
}

impl Performer {
    fn perform(&mut self, effect: Effect) {
        match effect {
            Effect::Load(..)
            | Effect::SetRead { .. }
            | Effect::SetStarred { .. }
            | Effect::MarkAllRead(_) => {
                // The worker ends only when this sender is dropped, so a
                // failed send means it panicked: say so instead of hanging.
                if self.cache_jobs.send(effect).is_err() {
                    let _ = self.msg_tx.send(Msg::Notice(BROKEN.to_owned()));
                }
            }
            Effect::Fetch(FetchCmd::RefreshAll) => {
                if self.refresh.as_ref().is_some_and(|t| !t.is_finished()) {
                    return;
                }
                let (cache, config) = (self.cache.clone(), self.fetch.clone());
                let feeds = self.feeds.clone();
                let done = self.msg_tx.clone();
                self.refresh = Some(tokio::spawn(async move {
                    // Progress and the end travel on one channel, so the end
                    // can never overtake the last events.
                    let (events, mut progress) = mpsc::unbounded_channel();
                    let forward = {
                        let done = done.clone();
                        tokio::spawn(async move {
                            while let Some(event) = progress.recv().await {
                                let _ = done.send(Msg::Fetch(event));
                            }
                        })
                    };
                    let error = refresh(cache, feeds, config, events)
                        .await
                        .err()
                        .map(|e| format!("{e:#}"));
                    let _ = forward.await;
                    let _ = done.send(Msg::FetchEnded { error });
                }));
            }
            Effect::OpenUrl(url) => {
                if let Err(e) = open_in_browser(&url) {
                    let _ = self.msg_tx.send(Msg::Notice(e));
                }
            }
            Effect::Quit => {}
        }
    }

    /// Stops a running refresh (each feed is stored in its own transaction,
    /// so nothing half-written is left) and waits a moment for it.
    async fn shutdown(self) {
        if let Some(task) = self.refresh {
            task.abort();
            let _ = tokio::time::timeout(SHUTDOWN, task).await;
        }
    }
}

/// Fetches every feed in the cache once, reporting through `events`.
async fn refresh(
    cache: PathBuf,
    feeds: Vec<FeedId>,
    config: FetchConfig,
    events: mpsc::UnboundedSender<FetchEvent>,
) -> anyhow::Result<()> {
    let (store, jobs) = tokio::task::spawn_blocking(move || -> Result<_, StoreError> {
        let store = Store::open(&cache)?;
        let jobs = run::feed_jobs(&store, &feeds)?;
        Ok((store, jobs))
    })
    .await
    .context("the refresh could not start")??;
    let client = HttpClient::new(&config).context("cannot set up HTTP")?;
    let (writer, writer_thread) = writer::spawn(store);
    let result = run::run(client, writer, &config, jobs, config.pages, events).await;
    // The writer thread ends once every handle is gone; join it off the runtime.
    let _ = tokio::task::spawn_blocking(move || writer_thread.finish()).await;
    result.context("the refresh stopped because the cache failed")?;
    Ok(())
}

/// Opens an http(s) URL with `$BROWSER` (a program name, never a shell
/// command line) or `xdg-open`.
fn open_in_browser(url: &str) -> Result<(), String> {
    let browser = std::env::var("BROWSER")
        .ok()
        .filter(|b| !b.trim().is_empty())
        .unwrap_or_else(|| "xdg-open".to_owned());
    let mut child = Command::new(&browser)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            format!(
                "Byline could not start the browser {browser}: {e}; set BROWSER to one that works."
            )
        })?;
    // Reap the child when it exits so it does not linger as a zombie.
    std::thread::spawn(move || child.wait());
    Ok(())
}
