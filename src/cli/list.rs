//! `byline list`, `byline show`, `byline entities`, and the plain story list
//! `byline` prints when its output is not a terminal.

use std::fmt::Write as _;

use anyhow::{Context as _, bail};

use super::json::{ListItemJson, StoryJson};
use super::output::{print, print_json};
use super::{Context, ListArgs, Outcome};
use crate::model::{EntityKind, Story, StoryId, StoryRow};
use crate::sanitize::{clean_line, clean_text};
use crate::store::ListQuery;

/// Stories shown by plain `list` when no `--limit` is given.
const DEFAULT_LIMIT: usize = 50;

/// Runs `byline list`.
pub fn list(ctx: &Context, args: &ListArgs) -> anyhow::Result<Outcome> {
    let store = ctx.open_store()?;
    let query = ListQuery {
        search: args.search.clone(),
        person: args.person.clone(),
        country: args.country.clone(),
        org: args.org.clone(),
        unread_only: args.unread,
        limit: Some(
            args.limit
                .unwrap_or(if args.json { usize::MAX } else { DEFAULT_LIMIT }),
        ),
        // JSON keeps every story; a person reads one row per duplicate group.
        collapse_copies: !args.json,
        ..ListQuery::default()
    };
    let rows = store.list(&query)?;
    if args.json {
        let items = rows
            .into_iter()
            .map(|row| {
                let analysis = store.analysis(row.id)?.map(|(a, _)| a).unwrap_or_default();
                Ok(ListItemJson::new(row, &analysis))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        print_json(&items)?;
    } else if rows.is_empty() {
        // Nothing on stdout, so a script reads an empty list; a person
        // reads why on stderr.
        if store.story_count()? == 0 {
            eprintln!(
                "note: the cache has no stories yet; run `byline fetch` to fetch your feeds, \
                 or `byline` to open the reader with the demo stories"
            );
        } else {
            eprintln!("note: no story matches; `byline list` without filters shows them all");
        }
    } else {
        print(&format_rows(&rows))?;
    }
    Ok(Outcome::Ok)
}

/// Runs `byline show ID`.
pub fn show(ctx: &Context, id: i64, json: bool) -> anyhow::Result<Outcome> {
    let store = ctx.open_store()?;
    let story = store.story(StoryId(id))?.with_context(|| {
        format!("there is no story {id} in the cache; `byline list` shows the ids")
    })?;
    if json {
        // A story analysed by an older analyser is analysed afresh here
        // (without writing: `show` only reads); the next fetch stores it.
        let analysis =
            crate::analyze::current_or_fresh(store.analysis(story.id)?, &story.title, &story.text);
        let mut out = StoryJson::new(story, analysis);
        let grouping = store.grouping(out.id)?;
        out.related = store.related(out.id)?;
        out.event = grouping.event;
        out.duplicate_of = grouping.duplicate_of;
        for link in &mut out.article.links {
            if let Some(url) = crate::fetch::url_norm::canonical_url(&link.url) {
                link.story_id = store.story_by_url(&url)?.filter(|id| *id != out.id);
            }
        }
        print_json(&out)?;
    } else {
        print(&format_story(&story))?;
    }
    Ok(Outcome::Ok)
}

/// One entry of `entities --json`.
#[derive(serde::Serialize)]
struct EntityJson {
    kind: EntityKind,
    name: String,
    country: Option<String>,
    stories: u64,
}

/// Runs `byline entities`: the entity index with story counts, most named first.
pub fn entities(ctx: &Context, kind: Option<&str>, json: bool) -> anyhow::Result<Outcome> {
    let kind = match kind {
        Some("person") => Some(EntityKind::Person),
        Some("country") => Some(EntityKind::Country),
        Some("org") => Some(EntityKind::Org),
        Some(other) => bail!("--kind must be person, country or org, not {other:?}"),
        None => None,
    };
    let index = ctx.open_store()?.entity_index(kind)?;
    if json {
        let entries: Vec<EntityJson> = index
            .into_iter()
            .map(|e| EntityJson {
                kind: e.kind,
                name: e.name,
                country: e.country,
                stories: e.stories,
            })
            .collect();
        print_json(&entries)?;
    } else {
        let mut out = String::new();
        for e in &index {
            let code = e
                .country
                .as_deref()
                .map(|c| format!(" ({c})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{:>6}  {:<8} {}{code}",
                e.stories,
                format!("{:?}", e.kind).to_lowercase(),
                clean_line(&e.name)
            );
        }
        print(&out)?;
    }
    Ok(Outcome::Ok)
}

/// Runs `byline` when stdout is not a terminal: fills an empty cache with
/// the demo stories and prints the story list and the unread count.
pub fn plain_first_run(ctx: &Context) -> anyhow::Result<Outcome> {
    let mut store = ctx.open_store()?;
    let loaded = super::context::load_demo_if_empty(&mut store)?;
    let rows = store.list(&ListQuery {
        limit: Some(DEFAULT_LIMIT),
        collapse_copies: true,
        ..ListQuery::default()
    })?;
    let unread = store.unread_count()?;
    let mut text = format_rows(&rows);
    let _ = writeln!(text, "\n{unread} unread");
    if loaded > 0 {
        let _ = writeln!(
            text,
            "Loaded {loaded} demo stories. `byline fetch` fetches your feeds; `byline show ID` reads a story."
        );
    }
    print(&text)?;
    Ok(Outcome::Ok)
}

/// Formats story rows as aligned text lines: id, unread mark, date, feed, title.
fn format_rows(rows: &[StoryRow]) -> String {
    let mut out = String::new();
    for row in rows {
        let mark = if row.read { ' ' } else { 'N' };
        let feed: String = clean_line(&row.feed).chars().take(18).collect();
        let copies = if row.copies > 1 {
            format!("  ({} copies)", row.copies)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{:>6} {mark} {}  {feed:<18}  {}{copies}",
            row.id.0,
            row.published.format("%Y-%m-%d %H:%M"),
            clean_line(&row.title)
        );
    }
    out
}

/// Formats a story for reading in a terminal: header, body, captions, links.
fn format_story(story: &Story) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", clean_line(&story.title));
    let mut meta = vec![clean_line(&story.feed_title)];
    if let Some(author) = &story.author {
        meta.push(clean_line(author));
    }
    meta.push(story.published.format("%Y-%m-%d %H:%M UTC").to_string());
    let _ = writeln!(out, "{}", meta.join(" · "));
    if let Some(url) = &story.url {
        let _ = writeln!(out, "{}", clean_line(url));
    }
    for paragraph in story.text.split("\n\n") {
        let _ = write!(out, "\n{}\n", clean_text(paragraph));
    }
    for caption in &story.captions {
        let _ = write!(out, "\n[Photo] {}\n", clean_line(caption));
    }
    if !story.links.is_empty() {
        out.push_str("\nLinks:\n");
        for (n, link) in story.links.iter().enumerate() {
            let _ = writeln!(
                out,
                "[{}] {} <{}>",
                n + 1,
                clean_line(&link.text),
                clean_line(&link.url)
            );
        }
    }
    out
}
