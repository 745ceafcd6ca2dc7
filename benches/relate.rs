//! Relating stories at scale: storing one new story into a cache of
//! `BYLINE_BENCH_STORIES` stories (100,000 by default) and relating it
//! (its copies, event and related list); a full rebuild of the index over
//! the whole cache and the index's size per story are timed once and printed.
//!
//! The stories are synthetic wire copy made here: events of one to a few
//! dozen stories told with shared and own words, some republished word for
//! word, spread over a few months.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeZone, Utc};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

use byline::model::{Analysis, Article, FeedItem, FeedSource};
use byline::store::{FeedUpdate, Store, StoryText};

/// A small deterministic generator (xorshift), so every run builds the same cache.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A word made of syllables: a vocabulary of tens of thousands of words.
fn word(rng: &mut Rng, vocab: usize) -> String {
    const SYL: [&str; 24] = [
        "ka", "lo", "mi", "ra", "ten", "vo", "sil", "dar", "ne", "po", "qua", "ri", "sha", "tor",
        "ul", "ven", "wa", "xi", "yo", "zen", "bel", "cor", "fin", "gal",
    ];
    let mut n = rng.below(vocab);
    let mut w = String::new();
    for _ in 0..3 {
        w.push_str(SYL[n % SYL.len()]);
        n /= SYL.len();
    }
    w
}

fn sentence(rng: &mut Rng, topic: &[String], words: usize) -> String {
    let mut s: Vec<String> = Vec::with_capacity(words);
    for k in 0..words {
        if rng.below(3) == 0 {
            s.push(topic[rng.below(topic.len())].clone());
        } else if k % 4 == 0 {
            s.push("the".to_owned());
        } else {
            s.push(word(rng, 12_000));
        }
    }
    let mut text = s.join(" ");
    text.push('.');
    text
}

/// Returns `n` stories: (published, title, body).
fn stories(n: usize) -> Vec<(DateTime<Utc>, String, String)> {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let start = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let size = 1 + rng.below(12);
        let topic: Vec<String> = (0..8).map(|_| word(&mut rng, 60_000)).collect();
        let at = start + chrono::Duration::minutes((out.len() as i64) * 2);
        let mut first_body = String::new();
        for k in 0..size.min(n - out.len()) {
            let title = sentence(&mut rng, &topic, 9);
            let body = if k > 0 && rng.below(5) == 0 {
                first_body.clone()
            } else {
                (0..6)
                    .map(|_| sentence(&mut rng, &topic, 18))
                    .collect::<Vec<_>>()
                    .join("\n\n")
            };
            if k == 0 {
                first_body = body.clone();
            }
            out.push((at + chrono::Duration::minutes(k as i64 * 40), title, body));
        }
    }
    out
}

fn store_one(
    store: &mut Store,
    feed: byline::model::FeedId,
    key: usize,
    story: &(DateTime<Utc>, String, String),
) {
    let (published, title, body) = story;
    let url = format!("https://bench.example/{key}");
    let article = Article {
        title: Some(title.clone()),
        paragraphs: body.split("\n\n").map(str::to_owned).collect(),
        ..Article::default()
    };
    let update = FeedUpdate {
        items: vec![FeedItem {
            key: url.clone(),
            url: Some(url.clone()),
            canonical_url: Some(url),
            title: title.clone(),
            published: Some(*published),
            ..FeedItem::default()
        }],
        texts: vec![Some(StoryText {
            shingles: None,
            article,
            analysis: Analysis::default(),
            analyzer_version: byline::analyze::VERSION,
        })],
        ..FeedUpdate::default()
    };
    let _ = store.store_feed(feed, &update, Utc::now());
}

fn relate(c: &mut Criterion) {
    let n: usize = std::env::var("BYLINE_BENCH_STORIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let mut store = Store::open(&dir.path().join("cache.db")).unwrap_or_else(|e| panic!("{e}"));
    let feed = store
        .upsert_feed(&FeedSource {
            url: "https://bench.example/feed".to_owned(),
            title: Some("Bench".to_owned()),
            tags: Vec::new(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    let all = stories(n + 1000);
    let started = Instant::now();
    for (k, story) in all.iter().take(n).enumerate() {
        store_one(&mut store, feed, k, story);
    }
    eprintln!(
        "stored {n} stories in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let bytes = store.related_index_bytes().unwrap_or(0);
    eprintln!(
        "related index: {bytes} bytes, {:.0} bytes per story",
        bytes as f64 / n as f64
    );

    // One full rebuild takes seconds at this size: timed once, not sampled.
    let started = Instant::now();
    let related = store.rebuild_related().unwrap_or(0);
    eprintln!(
        "full rebuild of {related} stories: {:.2} s on one core",
        started.elapsed().as_secs_f64()
    );

    let mut group = c.benchmark_group("relate");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    let mut next = n;
    group.bench_function("store one story into the cache", |b| {
        b.iter_batched(
            || {
                next += 1;
                next
            },
            |k| store_one(&mut store, feed, k, black_box(&all[k % all.len()])),
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, relate);
criterion_main!(benches);
