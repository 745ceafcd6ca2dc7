//! Text → analysis: entities, quotes, signatures. Pure functions, no I/O;
//! the only shared state is the gazetteer, loaded once from `assets/`.
//!
//! Offsets everywhere count Unicode scalar values in the analysed text.

pub mod places;
pub mod quotes;

use crate::model::{Entity, Quote};

/// Everything the analysis finds in one story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
}

/// Analyses a story's text (paragraphs joined by a blank line).
pub fn analyze(text: &str) -> Analysis {
    let entities = places::find_places(text);
    let quotes = quotes::find_quotes(text, &entities);
    Analysis { entities, quotes }
}
