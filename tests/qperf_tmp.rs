#[test]
fn perf() {
    let dir = "/work/shared/data/quotes-dev/polnear/data/dev/text";
    let mut arts = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        arts.push(std::fs::read_to_string(e.unwrap().path()).unwrap());
    }
    let arts: Vec<String> = (0..10).flat_map(|_| arts.clone()).collect();
    let tokens: usize = arts.iter().map(|t| t.split_whitespace().count()).sum();
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for a in &arts {
        n += byline::analyze::quotes::find_quotes(a, &[]).len();
    }
    let s = t0.elapsed().as_secs_f64();
    eprintln!(
        "tokens {tokens} quotes {n} secs {s:.3} tok/s {:.0}",
        tokens as f64 / s
    );
}
