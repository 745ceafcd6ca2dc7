//! The entity picker: a fuzzy-narrowed list of the people (or countries, or
//! organisations) in the cache with their story counts, opened by two keys
//! and closed by choosing one, which filters the story list.

use crate::model::EntityKind;
use crate::store::EntityCount;

/// How many matches the picker keeps after narrowing (the pane shows fewer).
const MAX_MATCHES: usize = 200;

/// The open picker.
#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    /// What it lists: people, countries or organisations.
    pub kind: EntityKind,
    /// What the user typed to narrow the list.
    pub input: String,
    /// The entity index for `kind`, most named first; `None` while it loads.
    pub entries: Option<Vec<EntityCount>>,
    /// The highlighted match (index into [`Picker::matches`]).
    pub selected: usize,
}

impl Picker {
    /// Returns a picker of `kind` waiting for its entries.
    pub fn new(kind: EntityKind) -> Picker {
        Picker {
            kind,
            input: String::new(),
            entries: None,
            selected: 0,
        }
    }

    /// Returns the entries matching the input, best first: indexes into `entries`.
    ///
    /// Empty input keeps the index order (most stories first).
    pub fn matches(&self) -> Vec<usize> {
        let Some(entries) = &self.entries else {
            return Vec::new();
        };
        let mut scored: Vec<(i64, usize)> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| fuzzy_score(&self.input, &e.name).map(|s| (s, i)))
            .collect();
        // Stable: equal scores keep the most-named-first order.
        scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
        scored.truncate(MAX_MATCHES);
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// Returns the highlighted entry, if any matches.
    pub fn current(&self) -> Option<&EntityCount> {
        let index = *self.matches().get(self.selected)?;
        self.entries.as_ref()?.get(index)
    }

    /// Moves the highlight by `delta`, clamped to the matches.
    pub fn move_by(&mut self, delta: isize) {
        let last = self.matches().len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Adds a typed character; the highlight goes back to the best match.
    pub fn push(&mut self, c: char) {
        self.input.push(c);
        self.selected = 0;
    }

    /// Removes the last typed character.
    pub fn pop(&mut self) {
        self.input.pop();
        self.selected = 0;
    }

    /// Returns what the picker lists, as a plural noun for its title.
    pub fn noun(&self) -> &'static str {
        match self.kind {
            EntityKind::Person => "people",
            EntityKind::Country | EntityKind::Place => "countries",
            EntityKind::Org => "organisations",
        }
    }
}

/// Scores how well `query` matches `name`, or `None` when it does not.
///
/// Every query character must appear in the name in order, ignoring case
/// (a subsequence, so "mion" finds "Marta Ionescu"). Matches at the start of
/// a word and runs of consecutive characters score higher; a gap costs a
/// little, so "ion" ranks "Ionescu" above "Bastion Holdings".
pub fn fuzzy_score(query: &str, name: &str) -> Option<i64> {
    let query: Vec<char> = query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    if query.is_empty() {
        return Some(0);
    }
    let name: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
    let mut score = 0;
    let mut at = 0;
    let mut previous: Option<usize> = None;
    for q in query {
        let found = (at..name.len()).find(|&i| name[i] == q)?;
        let word_start = found == 0 || !name[found - 1].is_alphanumeric();
        score += 1;
        if word_start {
            score += 8;
        }
        match previous {
            Some(p) if p + 1 == found => score += 5,
            Some(p) => score -= i64::try_from((found - p).min(10)).unwrap_or(10),
            None => score -= i64::try_from(found.min(10)).unwrap_or(10),
        }
        previous = Some(found);
        at = found + 1;
    }
    Some(score)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, stories: u64) -> EntityCount {
        EntityCount {
            kind: EntityKind::Person,
            name: name.to_owned(),
            country: None,
            stories,
        }
    }

    #[test]
    fn a_subsequence_in_any_case_matches() {
        assert!(fuzzy_score("mion", "Marta Ionescu").is_some());
        assert!(fuzzy_score("IONESCU", "Marta Ionescu").is_some());
        assert!(fuzzy_score("xyz", "Marta Ionescu").is_none());
        assert!(
            fuzzy_score("nm", "Marta Ionescu").is_none(),
            "order matters"
        );
    }

    #[test]
    fn word_starts_rank_first_and_ties_keep_story_counts() {
        let mut picker = Picker::new(EntityKind::Person);
        picker.entries = Some(vec![
            entry("Bastion Holdings", 9),
            entry("Paul Ionita", 4),
            entry("Marta Ionescu", 3),
        ]);
        assert_eq!(picker.matches(), [0, 1, 2], "no input: most named first");
        picker.push('i');
        picker.push('o');
        picker.push('n');
        assert_eq!(picker.matches(), [1, 2, 0]);
        picker.push('e');
        assert_eq!(
            picker.current().map(|e| e.name.as_str()),
            Some("Marta Ionescu")
        );
        picker.move_by(5);
        assert_eq!(picker.selected, 0, "only one match is left");
    }
}
