//! Text → analysis: entities, quotes, signatures. Pure functions, no I/O;
//! the only shared state is the gazetteer, loaded once from `assets/`.
//!
//! Offsets everywhere count Unicode scalar values in the analysed text.

mod cover;
mod headline;
pub mod names;
pub mod orgs;
pub mod people;
pub mod places;
pub mod quotes;
mod reach;
pub mod salience;
mod speakers;
mod tables;
pub mod tagger;
mod teams;
mod title_case;

pub use crate::model::Analysis;

/// The analyser's version, stored with each analysis: a cache analysed by
/// an older version is analysed again instead of showing stale results.
/// Raise it whenever a change alters what the analysis finds.
pub const VERSION: i64 = 50;

/// Analyses a story's text (paragraphs joined by a blank line) without its
/// headline; see [`analyze_story`].
pub fn analyze(text: &str) -> Analysis {
    analyze_story("", text)
}

/// Analyses a story: its headline (`title`, may be empty) is read with the
/// text (see headline.rs) and weighs in the salience of the entities it
/// names; offsets refer to `text` only.
///
/// People and organisations are found before quotes, which read them.
pub fn analyze_story(title: &str, text: &str) -> Analysis {
    let joined = headline::join(title, text);
    let doc = joined.doc.as_ref();
    let mut entities = places::find_places(doc);
    let names = names::find_names(doc, &mut entities);
    entities.extend(names);
    let mut quotes = quotes::find_quotes(doc, &entities);
    speakers::link(doc, &mut entities, &mut quotes);
    let in_title = headline::split(&joined, &mut entities, &mut quotes);
    salience::score(&mut entities, &in_title, title, text);
    Analysis { entities, quotes }
}

/// Returns the byte offset of every char of `text`, and the text's length
/// after them, so that a char offset (as the contract counts them) maps to
/// a byte offset by indexing.
pub(crate) fn char_byte_offsets(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// Returns the stored analysis when this analyser made it, else analyses
/// the story afresh (a reader shows current results even before the next
/// fetch stores them).
pub fn current_or_fresh(stored: Option<(Analysis, i64)>, title: &str, text: &str) -> Analysis {
    match stored {
        Some((analysis, version)) if version == VERSION => analysis,
        _ => analyze_story(title, text),
    }
}
