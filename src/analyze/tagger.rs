//! A named-entity tagger: a greedy averaged perceptron over hashed features
//! (word, shape, affixes, neighbours, gazetteer word classes), labelling
//! each token O, or B-/I- of PER, ORG, LOC or MISC.
//!
//! The weights ship in `assets/tagger/weights.bin`, trained by
//! `cargo run --release --example train_tagger` on the TRAIN-OK corpora of
//! `../shared/data/ner-train` (see README, Development). Only tokens that can
//! start or continue a name are scored, which keeps the tagger fast.

pub mod features;
pub mod hash;
pub mod lexicon;
pub mod tokens;
pub mod train;

use std::sync::OnceLock;

use features::{Context, LABELS, MAX_FEATURES, allowed};
pub use tokens::{Shape, Tok, tokenize};

/// The kinds of name the tagger finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Per,
    Org,
    Loc,
    Misc,
}

impl Kind {
    /// Returns the kind a label (1..=8) begins or continues.
    pub fn of_label(label: u8) -> Option<Kind> {
        match label {
            1 | 2 => Some(Kind::Per),
            3 | 4 => Some(Kind::Org),
            5 | 6 => Some(Kind::Loc),
            7 | 8 => Some(Kind::Misc),
            _ => None,
        }
    }

    /// Returns the B- label of the kind.
    pub fn begin(self) -> u8 {
        match self {
            Kind::Per => 1,
            Kind::Org => 3,
            Kind::Loc => 5,
            Kind::Misc => 7,
        }
    }
}

/// A run of tokens the tagger labelled as one name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First token and one past the last.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// The weight file's layout: magic, then buckets and scale, then
/// `buckets * LABELS` little-endian i16 weights.
const MAGIC: &[u8; 4] = b"BYT1";

/// A trained model.
#[derive(Debug)]
pub struct Model {
    buckets: usize,
    weights: Vec<i16>,
}

impl Model {
    /// Reads a model written by [`train::Trainer::to_bytes`]; `None` when
    /// the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        if bytes.get(..4)? != MAGIC {
            return None;
        }
        let buckets = u32::from_le_bytes(bytes.get(4..8)?.try_into().ok()?) as usize;
        let data = bytes.get(8..)?;
        if data.len() != buckets * LABELS * 2 || !buckets.is_power_of_two() {
            return None;
        }
        let weights = data
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]))
            .collect();
        Some(Model { buckets, weights })
    }

    fn scores(&self, feats: &[u64], out: &mut [i32; LABELS]) {
        *out = [0; LABELS];
        let mask = self.buckets - 1;
        for &f in feats {
            let row = (f as usize & mask) * LABELS;
            for (s, &w) in out.iter_mut().zip(&self.weights[row..row + LABELS]) {
                *s += i32::from(w);
            }
        }
    }

    /// Labels every token of `ctx` (0 = O, then B-/I- pairs per [`Kind`]).
    pub fn label(&self, ctx: &Context) -> Vec<u8> {
        let mut labels = vec![0u8; ctx.toks.len()];
        let mut feats = [0u64; MAX_FEATURES];
        let mut scores = [0i32; LABELS];
        let (mut prev, mut prev2) = (0u8, 0u8);
        for (i, tok) in ctx.toks.iter().enumerate() {
            if tok.line_start {
                (prev, prev2) = (0, 0);
            }
            let label = if ctx.scored(i, prev) {
                let n = ctx.features(i, prev, prev2, &mut feats);
                self.scores(&feats[..n], &mut scores);
                best(&scores, prev)
            } else {
                0
            };
            labels[i] = label;
            prev2 = prev;
            prev = label;
        }
        labels
    }
}

/// The highest-scoring label allowed after `prev`.
fn best<T: PartialOrd + Copy>(scores: &[T; LABELS], prev: u8) -> u8 {
    let mut top = 0usize;
    for l in 1..LABELS {
        if allowed(prev, l) && scores[l] > scores[top] {
            top = l;
        }
    }
    top as u8
}

/// Returns the shipped model, read at first use (`None` if the asset is broken).
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Model::from_bytes(include_bytes!("../../assets/tagger/weights.bin")))
        .as_ref()
}

/// Tags a tokenised text with the shipped model; returns the labels and the
/// context (word classes per token) for the resolvers.
pub fn tag<'a>(text: &'a str, toks: &'a [Tok]) -> (Vec<u8>, Context<'a>) {
    let ctx = Context::new(text, toks, lexicon::get());
    let labels = model().map_or_else(|| vec![0; toks.len()], |m| m.label(&ctx));
    (labels, ctx)
}

/// Groups labels into spans.
pub fn spans(labels: &[u8]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<Span> = None;
    for (i, &l) in labels.iter().enumerate() {
        let kind = Kind::of_label(l);
        let continues = l % 2 == 0 && open.is_some_and(|s| Some(s.kind) == kind);
        if continues {
            if let Some(s) = open.as_mut() {
                s.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        open = kind.map(|kind| Span {
            start: i,
            end: i + 1,
            kind,
        });
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_group_into_spans() {
        let s = spans(&[0, 1, 2, 0, 3, 4, 4, 5, 1, 0]);
        let kinds: Vec<(usize, usize, Kind)> = s.iter().map(|s| (s.start, s.end, s.kind)).collect();
        assert_eq!(
            kinds,
            [
                (1, 3, Kind::Per),
                (4, 7, Kind::Org),
                (7, 8, Kind::Loc),
                (8, 9, Kind::Per)
            ]
        );
    }

    #[test]
    fn the_shipped_model_loads_and_finds_a_plain_name() {
        assert!(model().is_some());
        let text = "The minister met Angela Fischer in Berlin on Monday.";
        let toks = tokenize(text);
        let (labels, _) = tag(text, &toks);
        let found: Vec<(Kind, &str)> = spans(&labels)
            .iter()
            .map(|s| (s.kind, &text[toks[s.start].b0..toks[s.end - 1].b1]))
            .collect();
        assert!(found.contains(&(Kind::Per, "Angela Fischer")), "{found:?}");
    }
}
