//! Event signatures: the weighted words of a story's title and lead and
//! the entities Analysis found, and the centroids of events built from them.
//!
//! Weights here are term counts; the store multiplies them by an inverse
//! document frequency from its own index when it compares, so words that
//! every cached story uses count for little.

use super::tokens::{Words, hash, words};
use crate::model::{Entity, EntityKind};

/// A term id: the low 31 bits of the word's hash (fits SQLite's integer
/// in five bytes; collisions among a cache's words are rare and harmless).
pub type Term = u32;

/// Terms a story keeps in its signature (title first, then entities, then lead).
pub const STORY_TERMS: usize = 20;
/// Terms an event's centroid keeps (its most frequent).
pub const EVENT_TERMS: usize = 48;
/// Words of the text read as the lead.
const LEAD_WORDS: usize = 40;
/// A title word counts this many times a lead word.
const TITLE_WEIGHT: f32 = 2.0;
/// A person or organisation counts this many times a lead word.
const NAME_WEIGHT: f32 = 2.0;

/// A sparse vector: (term, weight) sorted by term, without repeats.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Vector(pub Vec<(Term, f32)>);

fn term_of(word: &str) -> Term {
    (hash(&[word]) & 0x7fff_ffff) as Term
}

/// Returns a story's event terms with their counts.
///
/// Title and lead words are content words (stop words dropped, plurals
/// folded); persons and organisations are one term each (their canonical
/// name), countries and places one term per country code, so "Pyongyang"
/// and "North Korea" agree.
pub fn story_terms(title: &str, text: &str, entities: &[Entity]) -> Vector {
    let mut weighted: Vec<(Term, f32, usize)> = Vec::new();
    let mut add = |term: Term, weight: f32, rank: &mut usize| {
        if let Some(t) = weighted.iter_mut().find(|t| t.0 == term) {
            t.1 += weight;
        } else {
            weighted.push((term, weight, *rank));
            *rank += 1;
        }
    };
    let mut rank = 0;
    for w in words(title).iter().filter(|w| w.is_content()) {
        add(term_of(&w.folded), TITLE_WEIGHT, &mut rank);
    }
    for e in entities {
        let (key, weight) = match (e.kind, &e.country) {
            (EntityKind::Person | EntityKind::Org, _) => {
                (format!("@{}", e.name.to_lowercase()), NAME_WEIGHT)
            }
            (EntityKind::Country | EntityKind::Place, Some(code)) => (format!("#{code}"), 1.0),
            _ => continue,
        };
        add(
            term_of(&key),
            weight * e.salience.clamp(0.25, 1.0),
            &mut rank,
        );
    }
    for w in Words::new(text).filter(|w| w.is_content()).take(LEAD_WORDS) {
        add(term_of(&w.folded), 1.0, &mut rank);
    }
    // Keep the heaviest terms, earliest first among equals.
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
    weighted.truncate(STORY_TERMS);
    let mut v: Vec<(Term, f32)> = weighted.into_iter().map(|(t, w, _)| (t, w)).collect();
    v.sort_by_key(|t| t.0);
    Vector(v)
}

impl Vector {
    /// Returns the vector with each weight multiplied by `idf(term)`,
    /// scaled to length 1.
    pub fn weighed(&self, idf: impl Fn(Term) -> f32) -> Vector {
        let mut v: Vec<(Term, f32)> = self.0.iter().map(|&(t, w)| (t, w * idf(t))).collect();
        let norm = v.iter().map(|t| t.1 * t.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            v.iter_mut().for_each(|t| t.1 /= norm);
        }
        Vector(v)
    }

    /// Returns the dot product (the cosine, for two unit vectors).
    pub fn dot(&self, other: &Vector) -> f32 {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// Adds `other` scaled by `sign` (1 adds a member, -1 takes it away),
    /// then keeps the `cap` heaviest terms.
    pub fn add(&mut self, other: &Vector, sign: f32, cap: usize) {
        let mut merged: Vec<(Term, f32)> = Vec::with_capacity(self.0.len() + other.0.len());
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x.0 == y.0 => {
                    i += 1;
                    j += 1;
                    (x.0, x.1 + sign * y.1)
                }
                (Some(x), Some(y)) if x.0 < y.0 => {
                    i += 1;
                    *x
                }
                (Some(x), None) => {
                    i += 1;
                    *x
                }
                (_, Some(y)) => {
                    j += 1;
                    (y.0, sign * y.1)
                }
                (None, None) => break,
            };
            if next.1 > 1e-3 {
                merged.push(next);
            }
        }
        if merged.len() > cap {
            merged.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            merged.truncate(cap);
            merged.sort_by_key(|t| t.0);
        }
        self.0 = merged;
    }

    /// Returns the `n` heaviest terms (ties by term), the ones an index posts.
    pub fn top(&self, n: usize) -> Vec<Term> {
        let mut v = self.0.clone();
        v.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        v.into_iter().take(n).map(|t| t.0).collect()
    }

    /// Encodes the vector for the cache: per term, 4 bytes of id and 4 of weight.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.0.len() * 8);
        for &(t, w) in &self.0 {
            out.extend_from_slice(&t.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Decodes what [`Vector::encode`] wrote; a truncated tail is dropped.
    pub fn decode(bytes: &[u8]) -> Vector {
        Vector(
            bytes
                .chunks_exact(8)
                .map(|c| {
                    let t = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
                    let w = f32::from_le_bytes([c[4], c[5], c[6], c[7]]);
                    (t, w)
                })
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, code: &str) -> Entity {
        Entity {
            kind: EntityKind::Place,
            name: name.to_owned(),
            country: Some(code.to_owned()),
            salience: 1.0,
            mentions: Vec::new(),
        }
    }

    #[test]
    fn title_words_weigh_double_and_places_meet_their_country() {
        let v = story_terms("Storm floods Valmora", "The storm closed schools.", &[]);
        let storm = v.0.iter().find(|t| t.0 == term_of("storm")).map(|t| t.1);
        assert_eq!(storm, Some(3.0));
        let a = story_terms("", "", &[place("Lisbon", "PT")]);
        let b = story_terms("", "", &[place("Porto", "PT")]);
        assert_eq!(a, b);
    }

    #[test]
    fn cosine_of_unit_vectors() {
        let a = story_terms("Ferry strike halts crossings", "", &[]).weighed(|_| 1.0);
        let b = story_terms("Ferry strike ends", "", &[]).weighed(|_| 1.0);
        assert!((a.dot(&a) - 1.0).abs() < 1e-5);
        let ab = a.dot(&b);
        assert!(ab > 0.3 && ab < 0.9, "{ab}");
    }

    #[test]
    fn centroid_adds_takes_away_caps_and_round_trips() {
        let a = story_terms("Ferry strike halts crossings", "", &[]);
        let b = story_terms("Ferry strike ends", "", &[]);
        let mut c = Vector::default();
        c.add(&a, 1.0, 100);
        c.add(&b, 1.0, 100);
        assert_eq!(c.top(1), vec![term_of("ferry").min(term_of("strike"))]);
        c.add(&b, -1.0, 100);
        assert_eq!(c, a);
        c.add(&b, 1.0, 2);
        assert_eq!(c.0.len(), 2);
        assert_eq!(Vector::decode(&c.encode()), c);
    }
}
