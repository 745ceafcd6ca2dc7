//! Relating cached stories: duplicates, events and related lists. Pure
//! functions over a story's title, text and analysis; no I/O, no SQL.
//!
//! - **Duplicates** ([`shingles`]): the same story republished, retitled or
//!   lightly reworded. MinHash bands over word-pair shingles find the
//!   candidates; an exact overlap of word pairs *and* of names and numbers
//!   confirms them.
//! - **Events** ([`terms`]): stories about the same news event share title
//!   and lead words and the people, organisations and countries Analysis
//!   found. A story joins the event whose centroid it is closest to, when
//!   close enough and inside [`WINDOW_DAYS`]; two events whose centroids
//!   meet are merged; a story close to none starts its own.
//!
//! The store keeps the index (term frequencies, event centroids, postings,
//! bands) and applies these rules one story at a time, so storing a story
//! relates it from indexed lookups, and a rebuild replays the same steps.

pub mod shingles;
pub mod terms;
pub mod tokens;

pub use shingles::{Shingles, TextShingles};
pub use terms::{Term, Vector};

use crate::model::Entity;

/// Cosine between a story and an event centroid at which the story joins it.
pub const JOIN_EVENT: f32 = 0.2;
/// Cosine between two event centroids at which they become one event.
pub const MERGE_EVENTS: f32 = 0.25;
/// Events of at most this many stories merge at [`JOIN_EVENT`], as their
/// stories would have joined the other had they come later.
pub const SMALL_EVENT: usize = 3;
/// Days between a story and the nearest end of an event for it to join;
/// a follow-up two days later still belongs.
pub const WINDOW_DAYS: i64 = 4;
/// Cosine between two stories for the second to be listed as related.
pub const MIN_RELATED: f32 = 0.15;
/// Related stories kept per story (its best; the list shown also holds
/// the stories that keep it in theirs).
pub const LINKS_PER_STORY: usize = 6;
/// Candidate events scored in full per story.
pub const CANDIDATE_EVENTS: usize = 12;
/// Band mates whose texts are compared with a new story's, at most.
pub const COPY_CANDIDATES: usize = 6;
/// Terms of an event centroid posted in the index.
pub const POSTED_TERMS: usize = 12;

/// What the index needs to know of a story to relate it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Signature {
    /// Event terms with their counts (see [`terms::story_terms`]).
    pub terms: Vector,
    /// LSH band keys of the text (empty when too short to judge copies).
    pub bands: Vec<u32>,
}

/// Builds a story's signature from its title, text and entities, and the
/// text's shingles (which confirm copies among the band mates).
pub fn signature(title: &str, text: &str, entities: &[Entity], shingles: &Shingles) -> Signature {
    Signature {
        terms: terms::story_terms(title, text, entities),
        bands: shingles.bands(),
    }
}

/// Stories without the term assumed besides the cache's own, so that in
/// a small cache a word five of its five stories share still counts: a
/// prior that a large cache outweighs.
const PRIOR_STORIES: f32 = 100.0;

/// Stories a term may count as found in, per event that posts it.
const STORIES_PER_EVENT: f32 = 3.0;

/// Inverse document frequency of a term found in `df` of `n` stories
/// (the story being related included, so `df >= 1`) and posted by
/// `events` events.
///
/// A term counts as found in at most [`STORIES_PER_EVENT`] stories per
/// event that posts it (one event at least), plus one: what tells events
/// apart is how many events a word spans, not how many stories. An
/// event's own word ("Titanfall", "Snowden") is in most of its stories,
/// and a plain story count would weigh it the less the larger its event
/// grows, until its follow-ups no longer find it.
pub fn idf(df: u32, events: u32, n: u32) -> f32 {
    let df = (df.max(1) as f32).min(1.0 + STORIES_PER_EVENT * events.max(1) as f32);
    ((n as f32 + PRIOR_STORIES) / df).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_terms_weigh_more() {
        assert!(idf(1, 0, 1000) > idf(100, 40, 1000));
        assert!(idf(1000, 1000, 1000) >= 0.0);
        assert!(idf(1, 0, 1) > 0.0);
    }

    #[test]
    fn a_word_of_one_large_event_outweighs_a_word_spread_over_many() {
        // Found in as many stories; one event posts the first, thirty the second.
        assert!(idf(90, 1, 1000) > idf(90, 30, 1000));
        // A word no event posts counts as posted by one.
        assert_eq!(idf(9, 0, 1000), idf(9, 1, 1000));
        assert!(idf(4, 0, 1000) < idf(1, 0, 1000));
        // A rare word counts by its stories.
        assert!(idf(2, 2, 1000) > idf(5, 2, 1000));
    }

    #[test]
    fn a_headline_has_terms_but_no_bands() {
        let s = signature(
            "Ferry strike halts Brisk Strait crossings",
            "",
            &[],
            &Shingles::of(""),
        );
        assert_eq!(s.terms.0.len(), 6);
        assert!(s.bands.is_empty());
    }
}
