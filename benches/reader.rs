//! The reader at scale: a cache of 100,000 analysed stories (built once
//! with the store's own APIs and kept under the target dir), then the
//! first frame (open the cache, load the feeds and the first page of the
//! list, draw), a person and a country filter applied (load, update,
//! draw), and one frame of scrolling a long list.
//!
//! `BYLINE_BENCH_STORIES` changes the size; the cache is rebuilt when its
//! story count differs. At 100k the first run spends a few minutes building
//! it (about 650 MB under target/tmp). Stories are distinct (a large
//! vocabulary drawn unevenly), except that one in ten is a copy of the
//! previous outlet's, so copy groups are collapsed as in a real cache.

use std::hint::black_box;
use std::path::PathBuf;

use byline::app::{App, Effect, Loaded, Msg, Query};
use byline::keymap::Keymap;
use byline::model::{Analysis, Article, Entity, EntityKind, FeedItem, FeedSource, Mention};
use byline::runtime::load;
use byline::store::{FeedUpdate, ListQuery, Store, StoryText};
use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const FEEDS: usize = 100;
const WORDS: &[&str] = &[
    "minister",
    "said",
    "on",
    "tuesday",
    "that",
    "the",
    "talks",
    "would",
    "resume",
    "after",
    "a",
    "pause",
    "of",
    "two",
    "weeks",
    "while",
    "officials",
    "in",
    "the",
    "capital",
    "warned",
    "markets",
    "rose",
    "sharply",
    "as",
    "traders",
    "weighed",
    "new",
    "figures",
    "from",
    "the",
    "central",
    "bank",
    "which",
    "kept",
    "rates",
    "unchanged",
    "for",
    "a",
    "third",
    "month",
    "flooding",
    "forced",
    "thousands",
    "to",
    "leave",
    "their",
    "homes",
    "along",
    "river",
]; // 50 words
const GIVEN: &[&str] = &[
    "Amara", "Boris", "Chen", "Dalia", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jun", "Kofi",
    "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq",
];
const SURNAMES: &[&str] = &[
    "Okafor", "Petrov", "Wang", "Haddad", "Nwosu", "Karimi", "Jovic", "Sato", "Ivanov", "Park",
    "Mensah", "Berg", "Silva", "Rahman", "Aziz", "Sharma", "Dubois", "Garcia", "Lund", "Khan",
    "Moreau", "Novak", "Tanaka", "Costa", "Yilmaz",
];
const COUNTRIES: &[(&str, &str)] = &[
    ("United States", "US"),
    ("China", "CN"),
    ("Russia", "RU"),
    ("Ukraine", "UA"),
    ("United Kingdom", "GB"),
    ("France", "FR"),
    ("Germany", "DE"),
    ("Japan", "JP"),
    ("India", "IN"),
    ("Brazil", "BR"),
    ("Nigeria", "NG"),
    ("Kenya", "KE"),
    ("South Korea", "KR"),
    ("North Korea", "KP"),
    ("Iran", "IR"),
    ("Israel", "IL"),
    ("Turkey", "TR"),
    ("Mexico", "MX"),
    ("Peru", "PE"),
    ("Indonesia", "ID"),
];

/// A small deterministic generator, so every build holds the same cache.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    /// Returns an index below `n`: half the time uniform, half the time
    /// log-uniform (small ones far more often), as news names a few people
    /// and countries a lot and most rarely.
    fn skewed(&mut self, n: usize) -> usize {
        let r = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        if self.next().is_multiple_of(2) {
            return (r * n as f64) as usize % n;
        }
        ((n as f64).powf(r) as usize).saturating_sub(1) % n
    }
}

/// People in the pool: given name × surname × an optional second surname.
const PEOPLE: usize = 5000;

fn person(i: usize) -> String {
    let pairs = GIVEN.len() * SURNAMES.len();
    let name = format!(
        "{} {}",
        GIVEN[i % GIVEN.len()],
        SURNAMES[(i / GIVEN.len()) % SURNAMES.len()]
    );
    match i / pairs {
        0 => name,
        k => format!("{name}-{}", SURNAMES[k % SURNAMES.len()]),
    }
}

/// Distinct words the stories draw from, besides the common ones.
const VOCABULARY: usize = 60_000;
const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "san", "vel", "dor", "pra", "ni", "zu", "bel", "cor", "fa", "gim",
    "hol", "ja", "kru", "lan", "mor", "nes", "ost", "pel", "qui", "ros", "sta", "tun", "ul", "vin",
    "wes", "yar",
];

/// The `i`th word of the vocabulary: three syllables, or four past 27,000.
fn word(i: usize) -> String {
    let n = SYLLABLES.len();
    let mut w: String = [i % n, (i / n) % n, (i / (n * n)) % n]
        .iter()
        .map(|&k| SYLLABLES[k])
        .collect();
    if i >= n * n * n {
        w.push_str(SYLLABLES[(i / (n * n * n)) % n]);
    }
    w
}

fn story(rng: &mut Lcg, n: usize) -> (String, StoryText) {
    // About 4.5 kB, a wire story's length: rows spill onto overflow pages
    // as real ones do.
    // Two words in five are common ones, the rest from a large vocabulary
    // drawn unevenly, so stories differ as real ones do (the related-story
    // index finds few copies and small events, not one event of all).
    let words: Vec<String> = (0..800)
        .map(|_| match rng.next() % 5 {
            0 | 1 => WORDS[rng.next() % WORDS.len()].to_owned(),
            _ => word(rng.skewed(VOCABULARY)),
        })
        .collect();
    let title = format!("{} {} {} {} {n}", words[2], words[3], words[4], words[5]);
    let paragraphs: Vec<String> = words.chunks(60).map(|c| c.join(" ")).collect();
    let mut entities = Vec::new();
    let mention = |at: usize| Mention {
        start: at,
        end: at + 4,
        text: "name".to_owned(),
    };
    for k in 0..4 {
        entities.push(Entity {
            kind: EntityKind::Person,
            name: person(rng.skewed(PEOPLE)),
            country: None,
            salience: (rng.next() % 100) as f32 / 100.0,
            mentions: vec![mention(k * 10)],
        });
    }
    for k in 0..3 {
        let (name, code) = COUNTRIES[rng.skewed(COUNTRIES.len())];
        entities.push(Entity {
            kind: EntityKind::Country,
            name: name.to_owned(),
            country: Some(code.to_owned()),
            salience: (rng.next() % 100) as f32 / 100.0,
            mentions: vec![mention(100 + k * 10)],
        });
    }
    entities.push(Entity {
        kind: EntityKind::Org,
        name: format!("{} Holdings", SURNAMES[rng.skewed(SURNAMES.len())]),
        country: None,
        salience: 0.3,
        mentions: vec![mention(200)],
    });
    // The same (kind, name) twice in one story is one entity.
    entities.sort_by(|a, b| a.name.cmp(&b.name));
    entities.dedup_by(|a, b| a.name == b.name && a.kind == b.kind);
    let text = StoryText {
        shingles: None,
        article: Article {
            paragraphs,
            ..Article::default()
        },
        analysis: Analysis {
            entities,
            quotes: Vec::new(),
        },
        analyzer_version: byline::analyze::VERSION,
    };
    (title, text)
}

/// Returns the bench cache, building it when it is missing or of another size.
fn cache(stories: usize) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("reader-v2-{stories}.db"));
    if let Ok(store) = Store::open(&path)
        && store.story_count().ok() == Some(stories as u64)
    {
        return path;
    }
    let _ = std::fs::remove_file(&path);
    eprintln!(
        "building a cache of {stories} stories at {}",
        path.display()
    );
    let mut store = Store::open(&path).expect("the bench cache opens");
    let mut rng = Lcg(42);
    let start = Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap();
    let per_feed = stories.div_ceil(FEEDS);
    let mut n = 0;
    let mut earlier: Vec<(String, StoryText)> = Vec::new();
    for f in 0..FEEDS {
        let feed = store
            .upsert_feed(&FeedSource {
                url: format!("https://outlet{f}.example/feed.xml"),
                title: Some(format!("Outlet {f}")),
                tags: Vec::new(),
            })
            .expect("feed");
        let mut items = Vec::new();
        let mut texts = Vec::new();
        let mut made = Vec::new();
        for i in 0..per_feed.min(stories - n) {
            // One story in ten is the previous outlet's, republished: the
            // list shows it once, with its copies.
            let (title, text) = match earlier.get(i) {
                Some(copy) if i % 10 == 9 => copy.clone(),
                _ => story(&mut rng, n),
            };
            made.push((title.clone(), text.clone()));
            let url = format!("https://outlet{f}.example/story/{n}");
            items.push(FeedItem {
                key: url.clone(),
                url: Some(url.clone()),
                canonical_url: Some(url),
                title,
                published: Some(start + Duration::minutes((n * 5) as i64)),
                summary_html: Some(format!("<p>{}</p>", text.article.paragraphs[0])),
                ..FeedItem::default()
            });
            texts.push(Some(text));
            n += 1;
        }
        let update = FeedUpdate {
            items,
            texts,
            ..FeedUpdate::default()
        };
        store.store_feed(feed, &update, Utc::now()).expect("stored");
        earlier = made;
    }
    path
}

/// Performs the app's loads against the store until none are left.
fn settle(app: &mut App, store: &Store, effects: Vec<Effect>) {
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        if let Effect::Load(query, req) = effect {
            let data = load(store, &query);
            queue.extend(app.update(Msg::Loaded { req, data }));
        }
    }
}

fn reader(c: &mut Criterion) {
    let stories = std::env::var("BYLINE_BENCH_STORIES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let path = cache(stories);
    let size = (160, 48);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("test backend");
    let now = Utc::now();
    let mut group = c.benchmark_group(format!("reader_{stories}"));
    group.sample_size(20);

    // The runtime's cache worker answers loads in order and the loop draws
    // as soon as one arrives: the first frame is the list's first page.
    group.bench_function("first_frame", |b| {
        b.iter(|| {
            let store = Store::open(&path).expect("open");
            let mut app = App::new(Keymap::default(), now, size);
            let mut effects = app.start();
            let first = effects.remove(0);
            settle(&mut app, &store, vec![first]);
            terminal.draw(|f| byline::ui::draw(f, &app)).expect("draw");
            black_box(app.list.rows.len())
        })
    });
    // Everything the start asks for: the list, the feeds with their counts,
    // the whole list's unread count; then a frame.
    group.bench_function("start_complete", |b| {
        b.iter(|| {
            let store = Store::open(&path).expect("open");
            let mut app = App::new(Keymap::default(), now, size);
            let effects = app.start();
            settle(&mut app, &store, effects);
            terminal.draw(|f| byline::ui::draw(f, &app)).expect("draw");
            black_box(app.feeds.len())
        })
    });

    let store = Store::open(&path).expect("open");
    let rows = store
        .count(&ListQuery {
            collapse_copies: true,
            ..ListQuery::default()
        })
        .expect("count");
    eprintln!("{stories} stories make {rows} list rows (copies collapsed)");
    assert!(
        rows as f64 >= 0.8 * stories as f64,
        "the bench cache is made of distinct stories"
    );
    // The most named person and country (the slowest filters), and a
    // country of middling coverage.
    let nth = |kind, n: usize| match load(&store, &Query::Entities(kind)) {
        Loaded::Entities(list) => list[n.min(list.len() - 1)].clone(),
        other => panic!("no entity index: {other:?}"),
    };
    let (who, country) = (nth(EntityKind::Person, 0), nth(EntityKind::Country, 0));
    let middling = nth(EntityKind::Country, 5);
    eprintln!(
        "filters: {} ({} stories), {} ({} stories), {} ({} stories)",
        who.name, who.stories, country.name, country.stories, middling.name, middling.stories
    );
    // Opening a picker: the entity index of one kind with story counts.
    for (name, kind) in [
        ("picker_people", EntityKind::Person),
        ("picker_countries", EntityKind::Country),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| black_box(load(&store, &Query::Entities(kind))))
        });
    }
    let mut app = App::new(Keymap::default(), now, size);
    let effects = app.start();
    settle(&mut app, &store, effects);
    for (name, query) in [
        (
            "filter_person",
            ListQuery {
                person: Some(who.name.clone()),
                ..ListQuery::default()
            },
        ),
        (
            "filter_country",
            ListQuery {
                country: country.country.clone(),
                ..ListQuery::default()
            },
        ),
        (
            "filter_country_middling",
            ListQuery {
                country: middling.country.clone(),
                ..ListQuery::default()
            },
        ),
        (
            "filter_person_and_country",
            ListQuery {
                person: Some(who.name.clone()),
                country: country.country.clone(),
                ..ListQuery::default()
            },
        ),
    ] {
        // Applying a filter: the list load it emits, its answer, a frame.
        // The whole list's unread count, asked for next, arrives after the
        // frame (the status bar shows the page's count until then).
        let mut count = None;
        group.bench_function(name, |b| {
            b.iter(|| {
                app.filter = query.clone();
                let effects = app.reload_list();
                let Some(Effect::Load(query, req)) = effects.into_iter().next() else {
                    panic!("a filter loads the list");
                };
                let data = load(&store, &query);
                count = app.update(Msg::Loaded { req, data }).into_iter().next();
                terminal.draw(|f| byline::ui::draw(f, &app)).expect("draw");
                black_box(app.list.rows.len())
            })
        });
        if let Some(Effect::Load(query, _)) = count {
            group.bench_function(format!("{name}_unread_count"), |b| {
                b.iter(|| black_box(load(&store, &query)))
            });
        }
    }

    app.filter = ListQuery::default();
    let effects = app.reload_list();
    settle(&mut app, &store, effects);
    let down = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    group.bench_function("scroll_frame", |b| {
        b.iter(|| {
            // One row down and one frame; more rows load as the end nears.
            let effects = app.update(Msg::Key(down));
            settle(&mut app, &store, effects);
            terminal.draw(|f| byline::ui::draw(f, &app)).expect("draw");
            black_box(app.list.selected)
        })
    });
    eprintln!(
        "scrolled to row {} of {} loaded",
        app.list.selected,
        app.list.rows.len()
    );
    group.finish();
}

criterion_group!(benches, reader);
criterion_main!(benches);
