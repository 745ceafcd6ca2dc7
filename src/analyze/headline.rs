//! The headline read with the story. The analysis runs over the headline
//! and the text as one document, so a person the headline names is the
//! text's person ("Okafor" in the headline, "Ada Okafor" in the text) and
//! a story with a headline and no text still names its people and
//! countries. Offsets refer to `text` only: mentions and quotes in the
//! headline are dropped, and an entity the headline alone names is kept
//! with no mentions when it is trustworthy there.

use std::borrow::Cow;

use super::title_case::title_case_lines;
use crate::model::{Entity, EntityKind, Quote};

/// The headline and the text as one document.
pub(super) struct Joined<'a> {
    pub doc: Cow<'a, str>,
    /// The text's first offset in `doc`, in chars (0 without a headline).
    pub shift: usize,
    /// Whether the headline capitalises nearly every word, where capitals
    /// no longer show where a name ends.
    pub title_case: bool,
}

/// Joins a headline (made one line) and the text with a blank line, the
/// way paragraphs are joined.
pub(super) fn join<'a>(title: &str, text: &'a str) -> Joined<'a> {
    let line = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return Joined {
            doc: Cow::Borrowed(text),
            shift: 0,
            title_case: false,
        };
    }
    let shift = line.chars().count() + 2;
    let title_case = !title_case_lines(&line).is_empty();
    Joined {
        doc: Cow::Owned(format!("{line}\n\n{text}")),
        shift,
        title_case,
    }
}

/// Takes the headline out of an analysis of [`Joined::doc`]: moves every
/// offset back to `text`, drops the headline's mentions and quotes, and
/// drops entities only the headline names unless [`trusted`]. Returns,
/// per entity kept, whether the headline names it.
pub(super) fn split(
    joined: &Joined<'_>,
    entities: &mut Vec<Entity>,
    quotes: &mut Vec<Quote>,
) -> Vec<bool> {
    let shift = joined.shift;
    let mut in_title = Vec::with_capacity(entities.len());
    entities.retain_mut(|e| {
        let before = e.mentions.len();
        e.mentions.retain(|m| m.start >= shift);
        let named = e.mentions.len() < before;
        for m in &mut e.mentions {
            m.start -= shift;
            m.end -= shift;
        }
        let keep = !e.mentions.is_empty() || (named && trusted(e, joined.title_case));
        if keep {
            in_title.push(named);
        }
        keep
    });
    quotes.retain_mut(|q| {
        if q.start < shift {
            return false;
        }
        q.start -= shift;
        q.end -= shift;
        true
    });
    for q in quotes.iter_mut() {
        let known = q.speaker.as_deref().is_some_and(|s| {
            entities
                .iter()
                .any(|e| e.name == s && Some(e.kind) == q.speaker_kind)
        });
        if !known {
            q.speaker = None;
            q.speaker_kind = None;
        }
    }
    in_title
}

/// Tells whether an entity the headline alone names is kept. Countries and
/// places come from the gazetteer and hold in any case. On a title-case
/// headline ("Navy Seizes Tanker At Port") capitals say nothing, so people
/// and organisations found there are left out; in a sentence-case one they
/// are as sure as in prose.
fn trusted(e: &Entity, title_case: bool) -> bool {
    match e.kind {
        EntityKind::Country | EntityKind::Place => true,
        EntityKind::Person | EntityKind::Org => !title_case,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_with_a_blank_line_and_counts_the_shift_in_chars() {
        let j = join("Débat  sur\nla loi", "Text.");
        assert_eq!(j.doc, "Débat sur la loi\n\nText.");
        assert_eq!(j.shift, "Débat sur la loi".chars().count() + 2);
        assert!(!j.title_case);
        assert!(join("Navy Seizes Tanker At Port", "").title_case);
        let bare = join("  ", "Text.");
        assert_eq!((bare.doc.as_ref(), bare.shift), ("Text.", 0));
    }
}
