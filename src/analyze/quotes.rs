//! Quotations and who said them.
//!
//! The text is scanned once for quote marks ([`scan`]) and once into tokens
//! ([`tokens`]); each quotation then looks for its attribution in the words
//! right after it, then right before it ([`attrib`]), and speaker phrases are
//! resolved to the fullest name the text uses ([`people`]).

mod attrib;
mod clause;
mod clean;
mod lexicon;
mod names;
mod people;
mod roles;
mod scan;
mod tokens;

use crate::model::{Entity, EntityKind, Quote};
pub(crate) use lexicon::is_person_title;
pub(crate) use lexicon::is_title as is_role;
pub(crate) use names::initial_of;
use people::{People, Speaker};

/// Returns the quotations in the text with their speakers, in text order.
///
/// Offsets count Unicode scalar values. A quotation with no attribution of
/// its own inherits the speaker of the quotation just before it when that
/// one ended in the same or the previous paragraph, as wire copy does when a
/// speaker goes on talking.
pub fn find_quotes(text: &str, entities: &[Entity]) -> Vec<Quote> {
    let spans = scan::quote_spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let toks = tokens::tokenize(text);
    let people = People::collect(text, &toks, entities);
    let tok_at = |byte: usize| toks.partition_point(|t| t.start < byte);
    let mut quotes = Vec::with_capacity(spans.len());
    // (closing byte, speaker) of every quotation so far.
    let mut spoken: Vec<(usize, Speaker)> = Vec::with_capacity(spans.len());
    let mut counter = CharCounter::new(text);
    for span in &spans {
        let found = clause::pronoun_after(&toks, tok_at(span.close))
            .and_then(|gender| goes_on(text, &people, &spoken, span, gender))
            .or_else(|| clause::after(&toks, tok_at(span.close), &people))
            .or_else(|| clause::before(&toks, tok_at(span.open), &people));
        let speaker = match found {
            Some(s) => s,
            None => match spoken.last() {
                Some((close, s)) if paragraph_gap(text, *close, span.open) <= 1 => s.clone(),
                _ => (None, None),
            },
        };
        spoken.push((span.close, speaker.clone()));
        let start = counter.chars_to(span.start);
        let end = counter.chars_to(span.end);
        quotes.push(Quote {
            text: text[span.start..span.end].to_string(),
            start,
            end,
            speaker: speaker.0,
            speaker_kind: speaker.1,
        });
    }
    quotes
}

/// Returns the speaker that a pronoun right after the quotation `span`
/// ("“…,” he said") goes on with: the person who spoke the quotation just
/// before it, in the same or the previous paragraph, when no one else is
/// named in between and their gender allows it. One whose gender is unknown
/// does not take it from a person of the pronoun's gender who spoke just
/// before them, as in a dialogue.
fn goes_on(
    text: &str,
    people: &People,
    spoken: &[(usize, Speaker)],
    span: &scan::Span,
    gender: lexicon::Gender,
) -> Option<Speaker> {
    let ((close, (name, kind)), earlier) = spoken.split_last()?;
    let name = name
        .as_deref()
        .filter(|_| *kind == Some(EntityKind::Person))?;
    if paragraph_gap(text, *close, span.open) > 1
        || !people.goes_on(name, gender, *close, span.close)
    {
        return None;
    }
    let dialogue = people.gender_of(name).is_none()
        && earlier.iter().rev().take(2).any(|(c, (other, k))| {
            *k == Some(EntityKind::Person)
                && paragraph_gap(text, *c, span.open) <= 3
                && other
                    .as_deref()
                    .is_some_and(|o| o != name && people.gender_of(o) == Some(gender))
        });
    (!dialogue).then(|| (Some(name.to_string()), Some(EntityKind::Person)))
}

/// Counts the paragraph breaks (runs of newlines) between two byte offsets.
fn paragraph_gap(text: &str, from: usize, to: usize) -> usize {
    let between = text.get(from..to).unwrap_or("");
    between
        .split('\n')
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .count()
        .max(usize::from(between.contains('\n')))
}

/// Turns increasing byte offsets into char offsets in one pass.
struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(text: &'a str) -> Self {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Returns the char offset of `byte`, which must not be below the last one asked.
    fn chars_to(&mut self, byte: usize) -> usize {
        if byte >= self.byte {
            self.chars += self.text[self.byte..byte].chars().count();
        } else {
            self.chars -= self.text[byte..self.byte].chars().count();
        }
        self.byte = byte;
        self.chars
    }
}
