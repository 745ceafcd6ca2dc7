//! Runs the real reader (`App::update` + `ui::draw`) on a `TestBackend`:
//! a key script in, the final screen out as text. `byline screen` and the
//! UI tests use it; no terminal is needed.

use std::cell::RefCell;

use anyhow::Context as _;
use chrono::{DateTime, Utc};
use crossterm::event::KeyEvent;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::app::{App, Effect, Loaded, Msg, Query, SavedFilter};
use crate::keymap::{KeyChord, Keymap};

mod fixtures;
pub use fixtures::Fixtures;

/// Answers the app's loads and takes its writes; the lead backs it with the
/// real store, tests with [`Fixtures`].
pub trait Source {
    /// Answers one query.
    fn load(&self, query: &Query) -> anyhow::Result<Loaded>;

    /// Performs a write (`SetRead`, `SetStarred`); the default ignores it.
    fn write(&self, effect: &Effect) -> anyhow::Result<()> {
        let _ = effect;
        Ok(())
    }
}

/// What to run: the screen size, the keys, the clock and where data comes from.
pub struct HeadlessScript<'a> {
    /// Screen width in cells.
    pub width: u16,
    /// Screen height in cells.
    pub height: u16,
    /// Keys separated by spaces, as the keymap writes them ("j j enter / r u s t enter").
    pub keys: String,
    /// The clock for ages.
    pub now: DateTime<Utc>,
    /// The palette to draw in.
    pub palette: crate::ui::theme::Palette,
    /// The key bindings.
    pub keymap: Keymap,
    /// The saved filters shown in the sidebar.
    pub saved: Vec<SavedFilter>,
    /// Prints a `--- after <key> ---` frame after every key, not only the last.
    pub every_frame: bool,
    /// Answers loads and takes writes.
    pub source: &'a dyn Source,
}

/// Replays the script and returns the network effects (one `effect: …`
/// line each) followed by the final screen as text.
pub fn run(script: &HeadlessScript) -> anyhow::Result<String> {
    let keys = script
        .keys
        .split_whitespace()
        .map(|k| KeyChord::parse(k).map(|c| (k, c)))
        .collect::<Result<Vec<_>, _>>()
        .context("the --keys script has a key Byline does not know")?;
    let mut app = App::new(
        script.keymap.clone(),
        script.now,
        (script.width, script.height),
    );
    app.palette = script.palette;
    app.saved = script.saved.clone();
    let mut terminal = Terminal::new(TestBackend::new(script.width, script.height))
        .context("cannot create the test screen")?;
    let mut out = String::new();
    let first = app.start();
    perform(&mut app, first, script.source, &mut out)?;
    for (text, chord) in keys {
        if app.quitting() {
            break;
        }
        let effects = app.update(Msg::Key(KeyEvent::new(chord.code, chord.mods)));
        perform(&mut app, effects, script.source, &mut out)?;
        if script.every_frame {
            terminal.draw(|f| crate::ui::draw(f, &app))?;
            out.push_str(&format!("--- after {text} ---\n"));
            out.push_str(&screen_text(terminal.backend().buffer()));
        }
    }
    if !script.every_frame {
        terminal.draw(|f| crate::ui::draw(f, &app))?;
        out.push_str(&screen_text(terminal.backend().buffer()));
    }
    Ok(out)
}

/// Performs effects until none are left: loads are answered at once,
/// writes go to the source, network effects are printed.
fn perform(
    app: &mut App,
    effects: Vec<Effect>,
    source: &dyn Source,
    out: &mut String,
) -> anyhow::Result<()> {
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Load(query, req) => {
                let data = source.load(&query)?;
                queue.extend(app.update(Msg::Loaded { req, data }));
            }
            Effect::SetRead { .. } | Effect::SetStarred { .. } | Effect::MarkAllRead(_) => {
                source.write(&effect)?;
            }
            Effect::Fetch(cmd) => out.push_str(&format!("effect: Fetch({cmd:?})\n")),
            Effect::OpenUrl(url) => out.push_str(&format!("effect: OpenUrl({url})\n")),
            Effect::Quit => {}
        }
    }
    Ok(())
}

/// Returns a buffer as text, one line per row, trailing spaces trimmed;
/// the cell hidden behind a wide character is skipped.
pub fn screen_text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            let width = crate::app::wrap::str_width(symbol).max(1);
            x += u16::try_from(width).unwrap_or(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Answers from the real cache, so `byline screen` shows what the reader would.
pub struct StoreSource {
    store: RefCell<crate::store::Store>,
}

impl StoreSource {
    /// Returns a source reading (and writing flags to) this cache.
    pub fn new(store: crate::store::Store) -> StoreSource {
        StoreSource {
            store: RefCell::new(store),
        }
    }
}

impl Source for StoreSource {
    fn load(&self, query: &Query) -> anyhow::Result<Loaded> {
        Ok(crate::runtime::load(&self.store.borrow(), query))
    }

    fn write(&self, effect: &Effect) -> anyhow::Result<()> {
        crate::runtime::write(&mut self.store.borrow_mut(), effect)
            .context("Byline could not save a read or starred flag")
    }
}
