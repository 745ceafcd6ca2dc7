//! Salience: how central an entity is to the story, from 0 to 1. A name in
//! the headline counts most, then a first mention in the lead paragraph,
//! then how often the story names it, so a filter ranks stories about a
//! person above stories that mention them once.

use crate::model::Entity;

/// Scores every entity of a story; `title` may be empty. `named` tells,
/// per entity, whether the analysis found it in the headline; one whose
/// name or mention is a word of the headline counts as well.
pub fn score(entities: &mut [Entity], named: &[bool], title: &str, text: &str) {
    let lead_end = char_offset(text, text.find("\n\n").unwrap_or(text.len()));
    let title_lower = title.to_lowercase();
    for (i, e) in entities.iter_mut().enumerate() {
        let in_title = named.get(i).copied().unwrap_or(false)
            || !title.is_empty()
                && (contains_word(&title_lower, &e.name.to_lowercase())
                    || e.mentions
                        .iter()
                        .any(|m| contains_word(&title_lower, &m.text.to_lowercase())));
        let first = e
            .mentions
            .iter()
            .map(|m| m.start)
            .min()
            .unwrap_or(usize::MAX);
        let n = e.mentions.len() as f32;
        let lead = if first < lead_end {
            0.3
        } else if first < lead_end.saturating_mul(3) {
            0.12
        } else {
            0.0
        };
        let freq = 0.35 * (1.0 - 1.0 / (1.0 + (n - 1.0).max(0.0) / 2.0));
        let title_part = if in_title { 0.4 } else { 0.0 };
        e.salience = (0.05 + title_part + lead + freq).min(1.0);
    }
}

/// Whether `needle` occurs in `hay` as whole words.
fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(k, _)| {
        let before = hay[..k]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after = hay[k + needle.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before && after
    })
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, Mention};

    fn entity(name: &str, starts: &[usize]) -> Entity {
        Entity {
            kind: EntityKind::Person,
            name: name.into(),
            country: None,
            salience: 0.0,
            mentions: starts
                .iter()
                .map(|&s| Mention {
                    start: s,
                    end: s + 3,
                    text: name.split(' ').next_back().unwrap_or("").into(),
                })
                .collect(),
        }
    }

    #[test]
    fn headline_and_lead_and_repetition_rank_above_a_passing_mention() {
        let text = format!(
            "Ana Brolin spoke first.\n\n{}",
            "More words here. ".repeat(40)
        );
        let mut es = vec![
            entity("Ana Brolin", &[0, 300, 400, 500]),
            entity("Tor Ekdal", &[600]),
        ];
        score(&mut es, &[], "Brolin wins the vote", &text);
        assert!(es[0].salience > 0.8, "{}", es[0].salience);
        assert!(es[1].salience < 0.2, "{}", es[1].salience);
        let mut untitled = vec![entity("Ana Brolin", &[0, 300, 400, 500])];
        score(&mut untitled, &[], "", &text);
        assert!(untitled[0].salience < es[0].salience && untitled[0].salience > 0.5);
    }

    #[test]
    fn headline_words_match_whole_words_only() {
        assert!(contains_word("brolin wins", "brolin"));
        assert!(!contains_word("brolins win", "brolin"));
    }
}
