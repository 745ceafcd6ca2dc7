//! Anonymous sources. Wire copy introduces a source it may not name ("A
//! Senate aide, who asked not to be named, said …") and then quotes them
//! ("…,” the aide said; "…,” he said). Those quotes have no speaker: the
//! attribution's noun or pronoun points back to the unnamed source, not to
//! the last person named before it.

use crate::model::{Entity, Quote};

/// Phrases that mark a source as unnamed.
const MARKERS: [&str; 9] = [
    "not to be named",
    "not to be identified",
    "condition of anonymity",
    "declined to give his name",
    "declined to give her name",
    "declined to give their name",
    "declined to be named",
    "requested anonymity",
    "without giving his name",
];

/// How far back (in bytes) an introduction is looked for: about two
/// paragraphs of wire copy.
const REACH: usize = 700;

/// Clears the speaker of every quote attributed to an anonymous source:
/// the sentence that ends with the quote's attribution marks its source as
/// unnamed ("…,” said a woman who asked not to be named), or such a source
/// was introduced after the speaker's last mention up to that sentence's end.
pub(super) fn unname(text: &str, entities: &[Entity], quotes: &mut [Quote]) {
    // Wire copy writes these phrases in lower case, even opening a
    // sentence ("Speaking on condition of anonymity"); the text is not
    // copied to lower case for the rare exception.
    let marks: Vec<usize> = MARKERS
        .iter()
        .flat_map(|m| text.match_indices(m).map(|(b, _)| b))
        .collect();
    if marks.is_empty() {
        return;
    }
    let bytes = crate::analyze::char_byte_offsets(text);
    let byte = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    for q in quotes.iter_mut() {
        let Some(speaker) = q.speaker.as_deref() else {
            continue;
        };
        let (start, end) = (byte(q.start), byte(q.end));
        let close = sentence_end(text, end);
        let named: Vec<usize> = entities
            .iter()
            .filter(|e| e.name == speaker)
            .flat_map(|e| &e.mentions)
            .map(|m| byte(m.start))
            .filter(|&b| b < close)
            .collect();
        // Named in the attribution itself ("…,” Graham said, while an
        // aide who asked not to be named …): that person speaks.
        let in_attribution = named.iter().any(|&b| b >= end);
        let last_named = named.iter().copied().max();
        let unnamed = !in_attribution
            && marks.iter().any(|&m| {
                let introduced = m < close && m + REACH >= start;
                introduced && last_named.is_none_or(|n| n < m)
            });
        if unnamed {
            (q.speaker, q.speaker_kind) = (None, None);
        }
    }
}

/// Returns the byte offset where the sentence holding byte `from` ends: a
/// full stop followed by white space, a line break, or the text's end. The
/// dot of a short capitalised abbreviation ("Sen.", "Gov.", "Dr.") ends
/// no sentence.
fn sentence_end(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let abbreviation = |i: usize| {
        let word = rest[..i]
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        word.starts_with(char::is_uppercase) && word.chars().count() <= 4
    };
    let stop = rest
        .char_indices()
        .skip(1)
        .find(|&(i, c)| {
            c == '\n'
                || c == '.' && rest[i + 1..].starts_with(char::is_whitespace) && !abbreviation(i)
        })
        .map_or(rest.len(), |(i, _)| i);
    from + stop
}
