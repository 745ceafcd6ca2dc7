//! `byline` (the reader) and `byline screen` (the reader on a test backend).

use std::io::IsTerminal;

use anyhow::{Context as _, bail};
use chrono::Utc;

use super::{Context, Outcome};
use crate::app::SavedFilter;
use crate::headless::{self, HeadlessScript, StoreSource};
use crate::keymap::Keymap;
use crate::runtime::{self, RuntimeOptions};
use crate::store::ListQuery;
use crate::ui::theme::Palette;

/// Runs `byline`: the reader on the terminal, with a background refresh.
/// When stdout is not a terminal (a pipe, a script) it prints the story list
/// instead, as `byline list` would.
pub fn run(ctx: &Context) -> anyhow::Result<Outcome> {
    if !std::io::stdout().is_terminal() {
        return super::list::plain_first_run(ctx);
    }
    let keymap = keymap(ctx)?;
    let mut store = ctx.open_store()?;
    super::context::load_demo_if_empty(&mut store)?;
    let feeds = ctx
        .sync_feeds(&mut store)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    drop(store);
    runtime::run(RuntimeOptions {
        cache: ctx.paths.cache(),
        feeds,
        fetch: ctx.config.fetch.clone(),
        keymap,
        palette: palette(ctx),
        mouse: ctx.config.ui.mouse,
        refresh_on_start: true,
        saved: saved_filters(ctx),
        mark_copies_read: ctx.config.related.mark_copies_read,
    })?;
    Ok(Outcome::Ok)
}

/// Runs `byline screen --size WxH --keys "..."`: the real update and draw on
/// a test backend over the cache, printing the final screen (or every frame).
pub fn screen(ctx: &Context, size: &str, keys: &str, every_frame: bool) -> anyhow::Result<Outcome> {
    let (width, height) = parse_size(size)?;
    let keymap = keymap(ctx)?;
    let mut store = ctx.open_store()?;
    super::context::load_demo_if_empty(&mut store)?;
    ctx.sync_feeds(&mut store)?;
    let source = StoreSource::new(store);
    let text = headless::run(&HeadlessScript {
        width,
        height,
        keys: keys.to_owned(),
        now: Utc::now(),
        palette: palette(ctx),
        keymap,
        saved: saved_filters(ctx),
        every_frame,
        source: &source,
    })?;
    super::output::print(&text)?;
    Ok(Outcome::Ok)
}

/// Returns the default keymap with the config's `[keys]` applied.
fn keymap(ctx: &Context) -> anyhow::Result<Keymap> {
    Keymap::with_overrides(&ctx.config.keys).with_context(|| {
        format!(
            "the [keys] table of {} is not valid",
            ctx.paths.config.display()
        )
    })
}

/// Returns the config's `[[filters]]` as the sidebar's saved filters.
fn saved_filters(ctx: &Context) -> Vec<SavedFilter> {
    let text = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    ctx.config
        .filters
        .iter()
        .map(|f| SavedFilter {
            name: f.name.clone(),
            query: ListQuery {
                person: text(&f.person),
                country: text(&f.country),
                org: text(&f.org),
                search: text(&f.search),
                ..ListQuery::default()
            },
            unread: None,
        })
        .collect()
}

/// Returns the configured palette, or `mono` when `NO_COLOR` is set to
/// anything (no-color.org).
fn palette(ctx: &Context) -> Palette {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Palette::Mono
    } else {
        ctx.config.ui.theme
    }
}

/// Parses "100x30" into (width, height).
fn parse_size(size: &str) -> anyhow::Result<(u16, u16)> {
    let parsed = size
        .split_once(['x', 'X'])
        .and_then(|(w, h)| Some((w.trim().parse::<u16>().ok()?, h.trim().parse::<u16>().ok()?)));
    match parsed {
        Some((w, h)) if (20..=1000).contains(&w) && (5..=1000).contains(&h) => Ok((w, h)),
        _ => bail!(
            "--size must be WIDTHxHEIGHT with a width of 20 to 1000 and a height of 5 to 1000, like 100x30; got {size:?}"
        ),
    }
}
