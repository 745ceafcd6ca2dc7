#[test]
fn dbg() {
    let text = std::fs::read_to_string("/tmp/dbg.txt").unwrap();
    let p = byline::analyze::places::find_places(&text);
    for e in &p {
        println!(
            "PLACE {:?} {} {:?}",
            e.kind,
            e.name,
            e.mentions.iter().map(|m| &m.text).collect::<Vec<_>>()
        );
    }
    let toks = byline::analyze::tagger::tokenize(&text);
    let (tags, ctx) = byline::analyze::tagger::tag(&text, &toks);
    for (i, t) in toks.iter().enumerate() {
        println!(
            "TOK {i} {:?} {:?} {:b}",
            &text[t.b0..t.b1],
            t.shape,
            ctx.flags[i]
        );
    }
    for s in byline::analyze::tagger::spans(&tags) {
        println!("SPAN {:?}", s);
    }
}
