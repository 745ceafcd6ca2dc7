//! Whole-analysis throughput (places, countries, quotes and speakers) over
//! real article text: the bundled demo stories, and the extraction
//! benchmark's article bodies when `../shared` is beside the checkout.
//! Throughput is reported in whitespace-separated tokens per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Read;
use std::path::Path;

fn texts() -> Vec<String> {
    let mut texts: Vec<String> = byline::demo::demo_set()
        .into_iter()
        .flat_map(|outlet| {
            outlet
                .stories
                .into_iter()
                .map(|(_, article)| article.text())
        })
        .collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/extraction/html");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.filter_map(Result::ok) {
            let mut bytes = Vec::new();
            let Ok(file) = std::fs::File::open(entry.path()) else {
                continue;
            };
            if flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .is_ok()
            {
                let html = byline::extract::decode_html(&bytes, None);
                texts.push(byline::extract::extract_article(&html, None).text());
            }
        }
    }
    texts
}

fn analyze(c: &mut Criterion) {
    let texts = texts();
    let tokens: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    // Load the gazetteer outside the timing: it happens once per process.
    black_box(byline::analyze::analyze("Warm-up in Paris, France."));
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Elements(tokens as u64));
    group.sample_size(10);
    group.bench_function(format!("{} texts, {tokens} tokens", texts.len()), |b| {
        b.iter(|| {
            for text in &texts {
                black_box(byline::analyze::analyze(black_box(text)));
            }
        })
    });
    // The same texts run together into one long text of about a megabyte:
    // the analysis must stay linear in the length of a story (its rules
    // once compared every name with every other, 2.9 s for 2 MB).
    let mut long = String::new();
    while long.len() < 1_000_000 {
        for text in &texts {
            long.push_str(text);
            long.push_str("\n\n");
        }
    }
    let long_tokens = long.split_whitespace().count();
    group.throughput(Throughput::Elements(long_tokens as u64));
    group.bench_function(
        format!("one text of {} KB, {long_tokens} tokens", long.len() / 1024),
        |b| b.iter(|| black_box(byline::analyze::analyze(black_box(&long)))),
    );
    group.finish();
}

criterion_group!(benches, analyze);
criterion_main!(benches);
