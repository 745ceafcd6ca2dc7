//! The bounds on one story a feed or page controls: its paragraphs, and
//! the entities and mentions its analysis holds. A feed item past one fails
//! its feed; a page past one fails and the story keeps the feed's own text.

use crate::config::FetchConfig;
use crate::model::{Analysis, Article};

/// The per-story limits of the `[fetch]` table (`max_paragraphs`,
/// `max_entities`, `max_mentions`; see [`FetchConfig`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryLimits {
    pub max_paragraphs: usize,
    pub max_entities: usize,
    pub max_mentions: usize,
}

impl StoryLimits {
    /// Returns the limits `config` sets.
    pub fn of(config: &FetchConfig) -> Self {
        StoryLimits {
            max_paragraphs: config.max_paragraphs,
            max_entities: config.max_entities,
            max_mentions: config.max_mentions,
        }
    }

    /// Says why an article is past the paragraph limit, or `None` when it
    /// is not. Checked before analysis, which would read every paragraph.
    pub fn too_long(&self, article: &Article) -> Option<String> {
        let (n, max) = (article.paragraphs.len(), self.max_paragraphs);
        (n > max)
            .then(|| format!("it has {n} paragraphs, more than the max_paragraphs limit of {max}"))
    }

    /// Says how an analysis names more entities, or holds more mentions,
    /// than the limits allow ("names 40 distinct …"; the caller puts the
    /// item or the page before it), or `None` when it is within them.
    pub fn too_many_names(&self, analysis: &Analysis) -> Option<String> {
        let entities = analysis.entities.len();
        if entities > self.max_entities {
            return Some(format!(
                "names {entities} distinct people, places and organisations, \
                 more than the max_entities limit of {}",
                self.max_entities
            ));
        }
        let mentions: usize = analysis.entities.iter().map(|e| e.mentions.len()).sum();
        (mentions > self.max_mentions).then(|| {
            format!(
                "mentions people, places and organisations {mentions} times, \
                 more than the max_mentions limit of {}",
                self.max_mentions
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, EntityKind, Mention};

    fn limits(max_entities: usize, max_mentions: usize) -> StoryLimits {
        StoryLimits {
            max_paragraphs: 10,
            max_entities,
            max_mentions,
        }
    }

    fn analysis(entities: usize, mentions_each: usize) -> Analysis {
        let entity = |i: usize| Entity {
            kind: EntityKind::Person,
            name: format!("Person {i}"),
            country: None,
            salience: 0.5,
            mentions: (0..mentions_each)
                .map(|m| Mention {
                    start: m,
                    end: m + 1,
                    text: "P".to_owned(),
                })
                .collect(),
        };
        Analysis {
            entities: (0..entities).map(entity).collect(),
            quotes: Vec::new(),
        }
    }

    #[test]
    fn the_limits_are_inclusive() {
        assert_eq!(limits(3, 6).too_many_names(&analysis(3, 2)), None);
        let article = Article {
            paragraphs: vec![String::new(); 10],
            ..Article::default()
        };
        assert_eq!(limits(3, 6).too_long(&article), None);
    }

    #[test]
    fn too_many_entities_names_the_limit() {
        assert_eq!(
            limits(3, 100).too_many_names(&analysis(4, 1)).as_deref(),
            Some(
                "names 4 distinct people, places and organisations, \
                 more than the max_entities limit of 3"
            )
        );
    }

    #[test]
    fn too_many_mentions_names_the_limit() {
        assert_eq!(
            limits(10, 5).too_many_names(&analysis(2, 3)).as_deref(),
            Some(
                "mentions people, places and organisations 6 times, \
                 more than the max_mentions limit of 5"
            )
        );
    }
}
