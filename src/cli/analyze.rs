//! `byline analyze`: a text or web page through the pipeline, without the cache.

use std::io::Read;
use std::path::Path;

use anyhow::Context as _;

use super::Outcome;
use super::json::ArticleJson;
use super::output::{print, print_json};
use crate::extract;
use crate::model::Article;
use crate::sanitize::clean_text;

/// Runs `byline analyze [FILE|-] [--html] [--url URL] [--json]`.
pub fn run(
    file: Option<&Path>,
    html: bool,
    url: Option<&str>,
    json: bool,
) -> anyhow::Result<Outcome> {
    let bytes = read_input(file)?;
    let article = if html {
        let page = extract::decode_html(&bytes, None);
        extract::extract_article(&page, url)
    } else {
        plain_article(&String::from_utf8_lossy(&bytes))
    };
    let mut view = ArticleJson::from_article(article, url.map(str::to_owned));
    // A page's headline is read with its text, as a fetched story's is.
    let headline = view.title.as_deref().unwrap_or_default();
    let analysis = crate::analyze::analyze_story(headline, &view.text);
    view.entities = analysis.entities;
    view.quotes = analysis.quotes;
    if json {
        print_json(&view)?;
    } else {
        let mut out = String::new();
        if let Some(title) = &view.title {
            out.push_str(title);
            out.push_str("\n\n");
        }
        out.push_str(&view.text);
        out.push('\n');
        print(&out)?;
    }
    Ok(Outcome::Ok)
}

/// Reads the file, or standard input for `-` or no file.
fn read_input(file: Option<&Path>) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    match file {
        Some(path) if path != Path::new("-") => {
            bytes =
                std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        }
        _ => {
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
        }
    }
    Ok(bytes)
}

/// Treats plain text as an article whose `text` is the input itself, cleaned
/// of control characters, so offsets map straight back to the input.
fn plain_article(text: &str) -> Article {
    Article {
        paragraphs: vec![clean_text(text)],
        ..Article::default()
    }
}
