//! Duplicate detection: word shingles, MinHash bands to find candidates
//! cheaply, and an exact overlap check to confirm them.
//!
//! A republished or lightly reworded copy keeps most pairs of neighbouring
//! content words (a swapped synonym breaks only the two pairs it sits in,
//! a moved sentence only the pairs at its edges) and nearly all of its
//! names and numbers. Two stories about the same event share names but
//! word pairs far less; two template-built stories share word pairs but
//! not names and numbers. A duplicate needs both.

use super::tokens::{hash, words};

/// MinHash values per story; [`BANDS`] bands of [`ROWS`] values each.
const HASHES: usize = BANDS * ROWS;
/// LSH bands: a pair of stories is a candidate when one band matches.
pub const BANDS: usize = 12;
/// Values per band: with 2, a pair sharing half its shingles meets in
/// some band with probability 1 - (1 - 0.5²)¹² ≈ 0.97.
const ROWS: usize = 2;

/// Fewest word pairs a text needs before it can be judged a copy: a
/// headline or a two-sentence summary says too little.
pub const MIN_SHINGLES: usize = 30;
/// Share of the shorter text's word pairs the other must hold.
pub const MIN_CONTAINMENT: f32 = 0.5;
/// Share of names and numbers the two texts must have in common (Jaccard).
pub const MIN_SPECIFIC: f32 = 0.45;
/// A rewording that swapped many words keeps its names and numbers: with
/// this share of them in common, [`MIN_REWORDED`] of the word pairs will do.
pub const SAME_NAMES: f32 = 0.8;
/// Share of word pairs enough for a copy whose names and numbers all match.
pub const MIN_REWORDED: f32 = 0.3;

/// The shingle sets of one text, sorted and without repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shingles {
    /// Hashes of neighbouring content-word pairs.
    pub pairs: Vec<u64>,
    /// Hashes of names and numbers (specific words).
    pub specific: Vec<u64>,
}

impl Shingles {
    /// Builds the shingle sets of a text.
    pub fn of(text: &str) -> Shingles {
        let words = words(text);
        let content: Vec<&str> = words
            .iter()
            .filter(|w| w.is_content())
            .map(|w| w.folded.as_str())
            .collect();
        let mut pairs: Vec<u64> = content.windows(2).map(hash).collect();
        let mut specific: Vec<u64> = words
            .iter()
            .filter(|w| w.is_specific())
            .map(|w| hash(&[w.folded.as_str()]))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        specific.sort_unstable();
        specific.dedup();
        Shingles { pairs, specific }
    }

    /// Returns whether the text is long enough to be judged a copy.
    pub fn judgeable(&self) -> bool {
        self.pairs.len() >= MIN_SHINGLES
    }

    /// Returns the LSH band keys of the text's MinHash signature, or none
    /// when the text is too short to be judged.
    pub fn bands(&self) -> Vec<u32> {
        if !self.judgeable() {
            return Vec::new();
        }
        let mut mins = [u64::MAX; HASHES];
        for &h in &self.pairs {
            for (k, min) in mins.iter_mut().enumerate() {
                let v = mix(h ^ SEEDS[k]);
                if v < *min {
                    *min = v;
                }
            }
        }
        mins.chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let mut key = mix(band as u64 + 1);
                for r in rows {
                    key = mix(key ^ r);
                }
                // The top bit is kept clear so the key fits SQLite's i64 as is.
                (key >> 33) as u32
            })
            .collect()
    }

    /// Returns how much of a copy of each other the two texts are (the
    /// share of the shorter one's word pairs found in the other), or
    /// `None` when they are not copies.
    pub fn copy_score(&self, other: &Shingles) -> Option<f32> {
        if !self.judgeable() || !other.judgeable() {
            return None;
        }
        let shared = overlap(&self.pairs, &other.pairs) as f32;
        let containment = shared / self.pairs.len().min(other.pairs.len()) as f32;
        let names = overlap(&self.specific, &other.specific) as f32;
        let union = (self.specific.len() + other.specific.len()) as f32 - names;
        let specific = if union == 0.0 { 1.0 } else { names / union };
        let copy = (containment >= MIN_CONTAINMENT && specific >= MIN_SPECIFIC)
            || (containment >= MIN_REWORDED && specific >= SAME_NAMES);
        copy.then_some(containment)
    }
}

/// A text's shingles with the hash of the text they were made from, so a
/// store can tell whether they still belong to a story's stored text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextShingles {
    pub text_hash: u64,
    pub shingles: std::sync::Arc<Shingles>,
}

impl TextShingles {
    /// Shingles `text` (pure, so the fetcher does it off the writer thread).
    pub fn of(text: &str) -> TextShingles {
        TextShingles {
            text_hash: text_hash(text),
            shingles: std::sync::Arc::new(Shingles::of(text)),
        }
    }
}

/// The hash that names a text in [`TextShingles`].
pub fn text_hash(text: &str) -> u64 {
    hash(&[text])
}

/// Counts the values two sorted lists share.
fn overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A 64-bit finaliser (splitmix64): one hash function per seed.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Fixed seeds, one per MinHash function.
const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut k = 0;
    let mut s: u64 = 0x5851_f42d_4c95_7f2d;
    while k < HASHES {
        s = s
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seeds[k] = s;
        k += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Ferry crews in Valmora walked off the job on Tuesday after talks \
        with the harbour authority collapsed over night-shift pay. The strike halted 14 \
        routes across the Brisk Strait and stranded about 3,200 passengers, officials said. \
        Union leader Tomas Heller said crews would stay out until the authority restored the \
        allowance it cut in March. The authority said it had offered a 4 percent rise and \
        called the walkout reckless. Freight lorries queued for hours at the Portreve \
        terminal, where the last sailing left before dawn.";

    #[test]
    fn a_republished_copy_is_a_copy() {
        let a = Shingles::of(STORY);
        let b = Shingles::of(&format!("{STORY} Reporting by a staff writer."));
        assert!(a.copy_score(&b).is_some_and(|s| s > 0.95));
        let (ba, bb) = (a.bands(), b.bands());
        assert_eq!(ba.len(), BANDS);
        assert!(ba.iter().zip(&bb).any(|(x, y)| x == y));
    }

    #[test]
    fn a_reworded_reordered_copy_is_a_copy() {
        let reworded = "Union leader Tomas Heller said crews would remain out until the \
            authority restored the allowance it slashed in March. Ferry crews in Valmora \
            walked off the job on Tuesday after negotiations with the harbour authority \
            collapsed over night-shift pay. The stoppage halted 14 routes across the Brisk \
            Strait and stranded about 3,200 travellers, officials said. The authority said \
            it had offered a 4 percent rise and called the walkout reckless. Freight lorries \
            queued for hours at the Portreve terminal, where the final sailing left before dawn.";
        let score = Shingles::of(STORY).copy_score(&Shingles::of(reworded));
        assert!(score.is_some_and(|s| s > 0.6), "{score:?}");
    }

    #[test]
    fn another_story_on_the_same_subject_is_not_a_copy() {
        let other = "Ferry crews in Valmora returned to work on Friday after the harbour \
            authority agreed to restore the night-shift allowance, ending a three-day strike. \
            Tomas Heller, the union leader, called the deal a victory for every crew member. \
            Services on the Brisk Strait resumed at noon, and the Portreve terminal cleared \
            its backlog of freight by evening. The authority said the settlement would cost \
            about 2 million a year and would be paid for by higher port fees.";
        assert_eq!(Shingles::of(STORY).copy_score(&Shingles::of(other)), None);
    }

    #[test]
    fn a_headline_is_too_short_to_judge() {
        let title = Shingles::of("Ferry crews strike in Valmora over pay");
        assert!(!title.judgeable());
        assert!(title.bands().is_empty());
        assert_eq!(title.copy_score(&title), None);
    }
}
