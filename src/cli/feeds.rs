//! `byline feeds`, `byline import` and `byline export`.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use serde::Serialize;

use super::json::time;
use super::output::{print, print_json};
use super::{Context, Outcome};
use crate::config::FeedConfig;
use crate::model::FeedState;
use crate::sanitize::clean_line;

/// One feed in `feeds --json`.
#[derive(Debug, Serialize)]
struct FeedJson {
    id: i64,
    url: String,
    title: String,
    tags: Vec<String>,
    last_fetch: Option<String>,
    last_success: Option<String>,
    last_error: Option<String>,
    moved_to: Option<String>,
    retry_at: Option<String>,
    stories: u64,
    unread: u64,
}

impl From<FeedState> for FeedJson {
    fn from(f: FeedState) -> Self {
        FeedJson {
            id: f.id.0,
            url: f.url,
            title: f.title,
            tags: f.tags,
            last_fetch: f.last_fetch.map(time),
            last_success: f.last_success.map(time),
            last_error: f.last_error,
            moved_to: f.moved_to,
            retry_at: f.retry_at.map(time),
            stories: f.stories,
            unread: f.unread,
        }
    }
}

/// Runs `byline feeds`: the followed feeds with their state.
pub fn show(ctx: &Context, json: bool) -> anyhow::Result<Outcome> {
    let mut store = ctx.open_store()?;
    let followed = ctx.sync_feeds(&mut store)?;
    let states = store.feeds()?;
    let states: Vec<FeedState> = followed
        .iter()
        .filter_map(|(id, _)| states.iter().find(|s| s.id == *id).cloned())
        .collect();
    if json {
        let feeds: Vec<FeedJson> = states.into_iter().map(FeedJson::from).collect();
        print_json(&feeds)?;
    } else {
        print(&format_feeds(&states))?;
    }
    Ok(Outcome::Ok)
}

fn format_feeds(states: &[FeedState]) -> String {
    let mut out = String::new();
    for f in states {
        let fetched = f.last_fetch.map_or_else(
            || "never fetched".to_owned(),
            |t| format!("fetched {}", t.format("%Y-%m-%d %H:%M")),
        );
        let _ = writeln!(
            out,
            "{}  <{}>\n    {} stories, {} unread, {fetched}",
            clean_line(&f.title),
            clean_line(&f.url),
            f.stories,
            f.unread
        );
        if let Some(error) = &f.last_error {
            let _ = writeln!(out, "    error: {}", clean_line(error));
        }
        if let Some(moved) = &f.moved_to {
            let _ = writeln!(
                out,
                "    moved permanently to <{}>: update the config",
                clean_line(moved)
            );
        }
    }
    out
}

/// Runs `byline import FILE`: appends the feeds the config does not have yet.
pub fn import(ctx: &Context, file: &Path) -> anyhow::Result<Outcome> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let report = crate::opml::parse_import_report(&text)
        .with_context(|| format!("cannot import {}", file.display()))?;
    for skipped in &report.skipped {
        eprintln!(
            "note: line {} skipped: {}",
            skipped.line,
            clean_line(&skipped.reason.to_string())
        );
    }
    let feeds = report.feeds;
    let existing: Vec<String> = ctx.config.feeds.iter().map(|f| f.url.clone()).collect();
    let total = feeds.len();
    let new: Vec<FeedConfig> = feeds
        .into_iter()
        .filter(|f| !existing.contains(&f.url))
        .map(|f| FeedConfig {
            url: f.url,
            title: f.title,
            tags: f.tags,
        })
        .collect();
    let path = &ctx.paths.config;
    if !new.is_empty() {
        append_feeds(path, &new)?;
    }
    let mut note = format!(
        "Imported {} new feeds into {} ({} were already there).\n",
        new.len(),
        path.display(),
        total - new.len()
    );
    if !ctx.config_found {
        note.push_str(
            "The config file is new, so it lists only the imported feeds; the bundled default feeds no longer apply.\n",
        );
    }
    print(&note)?;
    Ok(Outcome::Ok)
}

/// Appends `[[feeds]]` tables to the config file (created if missing),
/// keeping what the file already says, comments included.
fn append_feeds(path: &Path, feeds: &[FeedConfig]) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Tables<'a> {
        feeds: &'a [FeedConfig],
    }
    let mut text = std::fs::read_to_string(path).unwrap_or_default();
    if text.is_empty() {
        text.push_str("# Byline configuration; see config.example.toml for every option.\n");
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push('\n');
    text.push_str(&toml::to_string(&Tables { feeds })?);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the config folder {}", dir.display()))?;
    }
    let tmp = path.with_extension("toml.tmp");
    std::fs::write(&tmp, text).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// Runs `byline export`: the followed feeds as OPML on stdout.
pub fn export(ctx: &Context) -> anyhow::Result<Outcome> {
    print(&crate::opml::write_opml(&ctx.feed_sources()))?;
    Ok(Outcome::Ok)
}
