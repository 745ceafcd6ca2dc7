//! Decoding + extraction throughput over real pages.
//!
//! Reads the gzipped pages in `$BYLINE_EXTRACTION_DIR` (default
//! `../shared/data/extraction/html`); without them it benches the crate's
//! own fixtures so `cargo bench` works anywhere. Pages are decompressed
//! before timing; the throughput is reported in pages per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};

fn load_pages() -> (Vec<Vec<u8>>, &'static str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("BYLINE_EXTRACTION_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/data/extraction/html"));
    let mut pages = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths
            .iter()
            .filter(|p| p.to_string_lossy().ends_with(".gz"))
        {
            let mut bytes = Vec::new();
            let file = std::fs::File::open(path).expect("opening a benchmark page");
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .expect("decompressing a benchmark page");
            pages.push(bytes);
        }
    }
    if !pages.is_empty() {
        return (pages, "corpus");
    }
    let fixtures = root.join("tests/fixtures/extract");
    for entry in std::fs::read_dir(fixtures).expect("reading the fixture folder") {
        let path = entry.expect("listing a fixture").path();
        pages.push(std::fs::read(path).expect("reading a fixture"));
    }
    (pages, "fixtures")
}

fn bench_extract(c: &mut Criterion) {
    let (pages, source) = load_pages();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.sample_size(10);
    group.bench_function(format!("decode_and_extract_{source}"), |b| {
        b.iter(|| {
            for page in &pages {
                let html = byline::extract::decode_html(black_box(page), None);
                black_box(byline::extract::extract_article(&html, None));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
