//! Training: an averaged perceptron with greedy decoding, the same features
//! and gating as [`super::Model::label`]. Run by `examples/train_tagger.rs`;
//! nothing here reads files.

use super::features::{Context, LABELS, MAX_FEATURES, allowed};
use super::lexicon;
use super::tokens::from_words;
use super::{MAGIC, best};

/// Accumulates perceptron weights over training documents.
pub struct Trainer {
    buckets: usize,
    weights: Vec<f32>,
    /// Sum of update × time, for the averaged weights.
    stamped: Vec<f32>,
    time: f32,
}

impl Trainer {
    /// A trainer with `buckets` (a power of two) hashed feature rows.
    pub fn new(buckets: usize) -> Trainer {
        let buckets = buckets.next_power_of_two();
        Trainer {
            buckets,
            weights: vec![0.0; buckets * LABELS],
            stamped: vec![0.0; buckets * LABELS],
            time: 1.0,
        }
    }

    fn update(&mut self, feats: &[u64], label: usize, delta: f32) {
        let mask = self.buckets - 1;
        for &f in feats {
            let k = (f as usize & mask) * LABELS + label;
            self.weights[k] += delta;
            self.stamped[k] += delta * self.time;
        }
    }

    /// Trains on one document (sentences of words with their gold labels,
    /// 0 = O, 1/2 B-/I-PER, 3/4 ORG, 5/6 LOC, 7/8 MISC); returns the
    /// number of scored tokens and how many were wrong.
    pub fn train_doc(&mut self, sentences: &[Vec<String>], gold: &[u8]) -> (usize, usize) {
        let (text, toks) = from_words(sentences);
        let ctx = Context::new(&text, &toks, lexicon::get());
        let mut feats = [0u64; MAX_FEATURES];
        let (mut prev, mut prev2) = (0u8, 0u8);
        let (mut seen, mut wrong) = (0, 0);
        let mask = self.buckets - 1;
        for (i, &g) in gold.iter().enumerate().take(toks.len()) {
            if toks[i].line_start {
                (prev, prev2) = (0, 0);
            }
            if !ctx.scored(i, prev) {
                prev2 = prev;
                prev = 0;
                continue;
            }
            let g = if allowed(prev, usize::from(g)) {
                g
            } else {
                g - 1
            };
            let n = ctx.features(i, prev, prev2, &mut feats);
            let mut scores = [0f32; LABELS];
            for &f in &feats[..n] {
                let row = (f as usize & mask) * LABELS;
                for (s, w) in scores.iter_mut().zip(&self.weights[row..row + LABELS]) {
                    *s += w;
                }
            }
            let guess = best(&scores, prev);
            seen += 1;
            if guess != g {
                wrong += 1;
                self.update(&feats[..n], usize::from(g), 1.0);
                self.update(&feats[..n], usize::from(guess), -1.0);
            }
            self.time += 1.0;
            prev2 = prev;
            prev = guess;
        }
        (seen, wrong)
    }

    /// Returns the averaged weights, quantised, in the shipped format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let avg: Vec<f32> = self
            .weights
            .iter()
            .zip(&self.stamped)
            .map(|(w, s)| w - s / self.time)
            .collect();
        let max = avg.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        // Keep headroom: thirty features of full weight must not overflow i32 sums.
        let scale = 32767.0 / max;
        let mut out = Vec::with_capacity(8 + avg.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.buckets as u32).to_le_bytes());
        for w in avg {
            out.extend_from_slice(&((w * scale).round() as i16).to_le_bytes());
        }
        out
    }
}
