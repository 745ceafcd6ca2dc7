//! Trains the named-entity tagger shipped in `assets/tagger/` from the
//! TRAIN-OK corpora in `../shared/data/ner-train` (wikigold, BTC, WNUT-17,
//! GUM news); see NOTICE for their licences. Run by hand, in two steps (the
//! common-word list is compiled into the tagger's features):
//!
//! ```sh
//! cargo run --release --example train_tagger -- --words
//! cargo run --release --example train_tagger
//! ```
//!
//! `--data DIR` names another corpus folder; `--holdout` keeps the last
//! wikigold and GUM documents out of training and reports span F1 on them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use byline::analyze::tagger::train::Trainer;
use byline::analyze::tagger::{self, Kind};

/// One training document: sentences of words, and a label per word.
struct Doc {
    sentences: Vec<Vec<String>>,
    labels: Vec<u8>,
}

const BUCKETS: usize = 1 << 18;
const EPOCHS: usize = 10;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = args
        .iter()
        .position(|a| a == "--data")
        .and_then(|k| args.get(k + 1))
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ner-train"));
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/tagger");
    let mut docs = Vec::new();
    let wikigold = read_columns(&data.join("wikigold/wikigold.conll.txt"), ' ', true)?;
    let btc = ["a", "b", "e", "f", "g", "h"]
        .iter()
        .map(|s| read_columns(&data.join(format!("btc/{s}.conll")), '\t', false))
        .collect::<Result<Vec<_>>>()?;
    let wnut = read_columns(&data.join("wnut17/wnut17train.conll"), '\t', false)?;
    let gum = read_gum(&data.join("gum_news"))?;
    let holdout = args.iter().any(|a| a == "--holdout");
    let mut held = Vec::new();
    for (k, d) in wikigold.into_iter().enumerate() {
        if holdout && k % 10 == 0 {
            held.push(d)
        } else {
            docs.push(d)
        }
    }
    for (k, d) in gum.into_iter().enumerate() {
        if holdout && k % 6 == 0 {
            held.push(d)
        } else {
            docs.push(d)
        }
    }
    docs.extend(btc.into_iter().flatten());
    docs.extend(wnut);
    if args.iter().any(|a| a == "--words") {
        return write_common_words(&docs, &assets.join("common_words.txt"));
    }
    // Headlines and datelines come in capitals: teach the model those too.
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let upper: Vec<Doc> = docs
        .iter()
        .filter(|_| next(&mut rng).is_multiple_of(8))
        .map(|d| Doc {
            sentences: d
                .sentences
                .iter()
                .map(|s| s.iter().map(|w| w.to_uppercase()).collect())
                .collect(),
            labels: d.labels.clone(),
        })
        .collect();
    docs.extend(upper);
    let mut trainer = Trainer::new(BUCKETS);
    let mut order: Vec<usize> = (0..docs.len()).collect();
    for epoch in 0..EPOCHS {
        for k in (1..order.len()).rev() {
            order.swap(k, (next(&mut rng) % (k as u64 + 1)) as usize);
        }
        let (mut seen, mut wrong) = (0, 0);
        for &k in &order {
            let (s, w) = trainer.train_doc(&docs[k].sentences, &docs[k].labels);
            seen += s;
            wrong += w;
        }
        eprintln!("epoch {epoch}: {wrong} of {seen} scored tokens wrong");
    }
    let bytes = trainer.to_bytes();
    if holdout {
        let model = tagger::Model::from_bytes(&bytes).context("model round trip")?;
        report(&model, &held);
        return Ok(());
    }
    std::fs::write(assets.join("weights.bin"), &bytes)?;
    eprintln!("wrote {} bytes", bytes.len());
    Ok(())
}

fn next(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

/// Maps a corpus tag to our labels (IOB1 tags become IOB2 by `fix_iob`).
fn label(tag: &str) -> u8 {
    let (prefix, kind) = tag.split_once('-').unwrap_or(("", tag));
    let kind = match kind {
        "PER" | "person" => Kind::Per,
        "ORG" | "corporation" | "group" => Kind::Org,
        "LOC" | "location" => Kind::Loc,
        "MISC" | "product" | "creative-work" => Kind::Misc,
        _ => return 0,
    };
    kind.begin() + u8::from(prefix == "I")
}

/// Turns an I- that opens a name into a B-.
fn fix_iob(labels: &mut [u8]) {
    for k in 0..labels.len() {
        let l = labels[k];
        if l != 0 && l.is_multiple_of(2) {
            let prev = if k == 0 { 0 } else { labels[k - 1] };
            if prev != l && prev != l - 1 {
                labels[k] = l - 1;
            }
        }
    }
}

/// Reads "word TAG" files; documents split at -DOCSTART- when `docstart`,
/// otherwise every sentence (a tweet) is a document.
fn read_columns(path: &Path, sep: char, docstart: bool) -> Result<Vec<Doc>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut docs = Vec::new();
    let mut doc = Doc {
        sentences: Vec::new(),
        labels: Vec::new(),
    };
    let mut sent: Vec<String> = Vec::new();
    let flush = |doc: &mut Doc, sent: &mut Vec<String>, docs: &mut Vec<Doc>, end_doc: bool| {
        if !sent.is_empty() {
            doc.sentences.push(std::mem::take(sent));
        }
        if end_doc && !doc.sentences.is_empty() {
            fix_iob(&mut doc.labels);
            docs.push(std::mem::replace(
                doc,
                Doc {
                    sentences: Vec::new(),
                    labels: Vec::new(),
                },
            ));
        }
    };
    for line in text.lines() {
        if line.starts_with("-DOCSTART-") {
            flush(&mut doc, &mut sent, &mut docs, true);
            continue;
        }
        let Some((word, tag)) = line.trim_end().rsplit_once(sep) else {
            flush(&mut doc, &mut sent, &mut docs, !docstart);
            continue;
        };
        if word.is_empty() {
            continue;
        }
        sent.push(word.to_string());
        doc.labels.push(label(tag.trim()));
    }
    flush(&mut doc, &mut sent, &mut docs, true);
    Ok(docs)
}

/// Reads the GUM news documents: named mentions (spans holding a proper
/// noun) of persons, organisations and places. A country acting as an agent
/// is an organisation in GUM; a mention linked to a place-like identity stays LOC.
fn read_gum(dir: &Path) -> Result<Vec<Doc>> {
    let mut docs = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path)?;
        let mut doc = Doc {
            sentences: Vec::new(),
            labels: Vec::new(),
        };
        let mut sent = Vec::new();
        // Open mentions: (entity id, kind, first token index, has a proper noun).
        let mut open: Vec<(String, Option<Kind>, usize, bool)> = Vec::new();
        let mut spans: Vec<(usize, usize, Kind)> = Vec::new();
        for line in text.lines() {
            if line.is_empty() {
                if !sent.is_empty() {
                    doc.sentences.push(std::mem::take(&mut sent));
                }
                continue;
            }
            if line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
                continue;
            }
            let tok = doc.labels.len();
            sent.push(cols[1].to_string());
            doc.labels.push(0);
            let propn = cols[3] == "PROPN";
            for o in open.iter_mut() {
                o.3 |= propn;
            }
            let Some(ent) = cols[9].split('|').find_map(|f| f.strip_prefix("Entity=")) else {
                continue;
            };
            let mut rest = ent;
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('(') {
                    let end = r.find(['(', ')']).unwrap_or(r.len());
                    let body = &r[..end];
                    let mut parts = body.split('-');
                    let id = parts.next().unwrap_or("").to_string();
                    let kind = match parts.next() {
                        Some("person") => Some(Kind::Per),
                        Some("organization") => Some(Kind::Org),
                        Some("place") => Some(Kind::Loc),
                        _ => None,
                    };
                    let kind = if kind == Some(Kind::Org) && looks_like_place(body) {
                        Some(Kind::Loc)
                    } else {
                        kind
                    };
                    open.push((id, kind, tok, propn));
                    rest = &r[end..];
                    if let Some(r2) = rest.strip_prefix(')') {
                        // "(12-person-...)" closes on the same token.
                        if let Some((_, Some(k), s, true)) = open.pop() {
                            spans.push((s, tok + 1, k));
                        }
                        rest = r2;
                    }
                } else {
                    let end = rest.find(')').unwrap_or(rest.len());
                    let id = &rest[..end];
                    if let Some(pos) = open.iter().rposition(|o| o.0 == id) {
                        let (_, k, s, p) = open.remove(pos);
                        if let (Some(k), true) = (k, p) {
                            spans.push((s, tok + 1, k));
                        }
                    }
                    rest = rest.get(end + 1..).unwrap_or("");
                }
            }
        }
        if !sent.is_empty() {
            doc.sentences.push(sent);
        }
        // The innermost names win: a person inside an organisation's name stays.
        spans.sort_by_key(|&(s, e, _)| std::cmp::Reverse(e - s));
        let words: Vec<&String> = doc.sentences.iter().flatten().collect();
        for (s, e, k) in spans {
            // Only capitalised spans are names ("the country" is not).
            let cap = words[s].starts_with(char::is_uppercase);
            if !cap {
                continue;
            }
            doc.labels[s] = k.begin();
            for l in &mut doc.labels[s + 1..e] {
                *l = k.begin() + 1;
            }
        }
        docs.push(doc);
    }
    Ok(docs)
}

/// Whether a GUM entity's identity link is a country or city title.
fn looks_like_place(body: &str) -> bool {
    let identity = body.rsplit('-').next().unwrap_or("");
    let lx = tagger::lexicon::get();
    let f = lx.word(&identity.replace('_', " "));
    f & (tagger::lexicon::flag::COUNTRY | tagger::lexicon::flag::CITY) != 0
        || [
            "North_Korea",
            "South_Korea",
            "United_States",
            "United_Kingdom",
        ]
        .contains(&identity)
}

/// Writes the words the corpora use mostly in lower case, one a line.
fn write_common_words(docs: &[Doc], path: &Path) -> Result<()> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::new();
    for d in docs {
        for s in &d.sentences {
            for (k, w) in s.iter().enumerate() {
                if !w.chars().all(char::is_alphabetic) || w.chars().count() < 2 {
                    continue;
                }
                let e = counts.entry(w.to_lowercase()).or_default();
                if w.starts_with(char::is_lowercase) {
                    e.0 += 1;
                } else if k > 0 {
                    e.1 += 1;
                }
            }
        }
    }
    let mut words: Vec<&String> = counts
        .iter()
        .filter(|(_, (lower, cap))| *lower >= 3 && *lower >= 4 * *cap)
        .map(|(w, _)| w)
        .collect();
    words.sort();
    let mut out = String::from(
        "# Words the TRAIN-OK NER corpora write mostly in lower case (examples/train_tagger.rs --words).\n",
    );
    for w in words {
        out.push_str(w);
        out.push('\n');
    }
    std::fs::write(path, out)?;
    eprintln!("wrote {}", path.display());
    Ok(())
}

/// Prints span F1 per kind on held-out documents.
fn report(model: &tagger::Model, docs: &[Doc]) {
    let mut counts: HashMap<&str, (u32, u32, u32)> = HashMap::new();
    for d in docs {
        let (text, toks) = tagger::tokens::from_words(&d.sentences);
        let ctx = tagger::features::Context::new(&text, &toks, tagger::lexicon::get());
        let pred = tagger::spans(&model.label(&ctx));
        let gold = tagger::spans(&d.labels);
        for (name, kind) in [("PER", Kind::Per), ("ORG", Kind::Org), ("LOC", Kind::Loc)] {
            let p: Vec<_> = pred.iter().filter(|s| s.kind == kind).collect();
            let g: Vec<_> = gold.iter().filter(|s| s.kind == kind).collect();
            let tp = p.iter().filter(|s| g.contains(s)).count() as u32;
            let e = counts.entry(name).or_default();
            e.0 += tp;
            e.1 += p.len() as u32;
            e.2 += g.len() as u32;
        }
    }
    for (name, (tp, p, g)) in counts {
        let pr = f64::from(tp) / f64::from(p.max(1));
        let rc = f64::from(tp) / f64::from(g.max(1));
        eprintln!(
            "{name}: P {pr:.3} R {rc:.3} F1 {:.3} (gold {g})",
            2.0 * pr * rc / (pr + rc).max(1e-9)
        );
    }
}
