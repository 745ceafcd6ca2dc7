//! Quotations and their speakers, on sentences written for these tests.
//! One file per concern; the helpers here serve them all.

use byline::analyze::quotes::find_quotes;
use byline::model::{Entity, EntityKind, Mention, Quote};

mod anonymous;
mod attribution;
mod descriptions;
mod institutions;
mod marks;
mod names;
mod pronouns;

fn quotes(text: &str) -> Vec<Quote> {
    find_quotes(text, &[])
}

/// Returns the characters a quote's offsets cover.
fn covered(text: &str, q: &Quote) -> String {
    text.chars().skip(q.start).take(q.end - q.start).collect()
}

fn speakers(qs: &[Quote]) -> Vec<Option<&str>> {
    qs.iter().map(|q| q.speaker.as_deref()).collect()
}

/// Returns the speakers the whole analysis gives the text's quotes, where
/// the recogniser's people are known.
fn speakers_of(text: &str) -> Vec<Option<String>> {
    byline::analyze::analyze(text)
        .quotes
        .into_iter()
        .map(|q| q.speaker)
        .collect()
}

/// An entity as the recogniser hands it over, with char offsets of each mention.
fn entity(text: &str, kind: EntityKind, name: &str, written: &[&str]) -> Entity {
    let mut mentions = Vec::new();
    for w in written {
        for (byte, _) in text.match_indices(w) {
            let start = text[..byte].chars().count();
            mentions.push(Mention {
                start,
                end: start + w.chars().count(),
                text: (*w).to_string(),
            });
        }
    }
    Entity {
        kind,
        name: name.to_string(),
        country: None,
        salience: 0.5,
        mentions,
    }
}
