//! People and organisations: tag the text once, resolve persons and
//! organisations within the story, and settle the places the tagger or the
//! sports context shows to be part of a person's or an organisation's name.

mod clubs;
mod firms;
mod overlaps;

use crate::analyze::cover::Cover;
use crate::analyze::{orgs, people, tagger, teams};
use crate::model::{Entity, EntityKind, Mention};
use foldhash::{HashMap, HashSet};

/// Finds the people and organisations of a text, and removes from `places`
/// the mentions that lie inside one of their names ("Dynamo Moscow",
/// "Paris Hilton") or that name a sports club.
pub fn find_names(text: &str, places: &mut Vec<Entity>) -> Vec<Entity> {
    let toks = tagger::tokenize(text);
    let (labels, ctx) = tagger::tag(text, &toks);
    let spans = defer_to_places(&toks, &tagger::spans(&labels), places);
    let spans = name_before_place(text, &toks, spans, places);
    let spans = place_opens_name(&toks, &ctx.flags, spans, places);
    let spans = org_takes_place(text, &toks, spans, places);
    let spans = firms::before_legal_forms(text, &toks, spans);
    let spans = clubs::place_and_nickname(text, &toks, &ctx.flags, spans, places);
    let mut spans = name_of_place(text, &toks, spans, places);
    // A known organisation's name is nobody's ("Lebanon's Hezbollah said").
    let known = orgs::well_known(text, &toks);
    if !known.is_empty() {
        spans.retain(|s| {
            s.kind != tagger::Kind::Per || !known.iter().any(|&(a, b)| a <= s.start && s.end <= b)
        });
    }
    let countries = cover_of(
        &toks,
        places
            .iter()
            .filter(|p| p.kind == EntityKind::Country)
            .flat_map(|p| &p.mentions),
    );
    let found = people::resolve(text, &toks, &ctx.flags, &spans, &countries);
    let mut taken = Cover::new(toks.len());
    for m in &found.mentions {
        taken.mark(m.start, m.end);
    }
    let mut org_found = orgs::resolve(text, &toks, &ctx.flags, &spans, &taken, &countries, known);
    teams::clubs(text, &toks, &ctx.flags, &taken, places, &mut org_found);
    let mention = |start: usize, end: usize| Mention {
        start: toks[start].c0,
        end: toks[end - 1].c1,
        text: text[toks[start].b0..toks[end - 1].b1].to_string(),
    };
    let mut out: Vec<Entity> = found
        .people
        .iter()
        .map(|p| entity(EntityKind::Person, &p.name))
        .collect();
    for m in &found.mentions {
        out[m.person].mentions.push(mention(m.start, m.end));
    }
    let base = out.len();
    out.extend(org_found.orgs.iter().map(|n| entity(EntityKind::Org, n)));
    for m in &org_found.mentions {
        out[base + m.org].mentions.push(mention(m.start, m.end));
    }
    out.retain(|e| !e.mentions.is_empty());
    overlaps::people_inside_places(&toks, &ctx.flags, places, &mut out);
    firms::not_people(&mut out);
    overlaps::orgs_that_are_places(places, &mut out);
    overlaps::drop_places_inside(places, &out);
    out
}

/// The places module knows places better than the tagger: a person or
/// organisation span that is exactly a place name is dropped ("WASHINGTON"
/// in a dateline), and a person span that opens with one loses it ("U.S.
/// Cardinal Bernardin"). Longer names keep the place inside them.
fn defer_to_places(
    toks: &[tagger::Tok],
    spans: &[tagger::Span],
    places: &[Entity],
) -> Vec<tagger::Span> {
    let tok_at = |c: usize| tok_at(toks, c);
    let place_spans: HashSet<(usize, usize)> = places
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| (tok_at(m.start), tok_at(m.end))))
        .collect();
    // Country mentions by their first token, each list in the order the
    // places list them (the first fitting one wins, as before).
    let mut country_at: HashMap<usize, Vec<usize>> = HashMap::default();
    for p in places.iter().filter(|p| p.kind == EntityKind::Country) {
        for m in &p.mentions {
            country_at
                .entry(tok_at(m.start))
                .or_default()
                .push(tok_at(m.end));
        }
    }
    // Countries of more than one word: a name read inside one is a word
    // of the country's name ("Trinidad and Tobago", "Sierra Leone").
    let long_countries: Vec<(usize, usize)> = country_at
        .iter()
        .flat_map(|(&s, ends)| ends.iter().map(move |&e| (s, e)))
        .filter(|&(s, e)| e >= s + 2)
        .collect();
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        let mut s = *s;
        // A place span stays one, and keeps the rules from reading its
        // words as a name ("Nova Scotia", where Nova is a given name).
        if s.kind != tagger::Kind::Loc
            && (place_spans.contains(&(s.start, s.end))
                || long_countries
                    .iter()
                    .any(|&(cs, ce)| cs <= s.start && s.end <= ce))
        {
            continue;
        }
        if s.kind == tagger::Kind::Per
            && let Some(&e) = country_at
                .get(&s.start)
                .and_then(|ends| ends.iter().find(|&&pe| pe < s.end))
        {
            s.start = e;
        }
        out.push(s);
    }
    out
}

/// A person span that runs on into a place name ("the Ted Cruz South
/// Carolina victory party") ends before the place when the words before it
/// are a name the story writes on its own elsewhere; "George Washington"
/// and "Paris Hilton" stay whole, since nobody is called "George" alone.
fn name_before_place(
    text: &str,
    toks: &[tagger::Tok],
    mut spans: Vec<tagger::Span>,
    places: &[Entity],
) -> Vec<tagger::Span> {
    use tagger::Kind;
    let tok_at = |c: usize| tok_at(toks, c);
    let words = |s: usize, e: usize| &text[toks[s].b0..toks[e - 1].b1];
    let persons: HashSet<&str> = spans
        .iter()
        .filter(|s| s.kind == Kind::Per && s.end - s.start >= 2)
        .map(|s| words(s.start, s.end))
        .collect();
    if persons.is_empty() {
        return spans;
    }
    // The place mentions by the token they end at: (first token, end).
    let mut ending: HashMap<usize, Vec<usize>> = HashMap::default();
    for m in places.iter().flat_map(|p| &p.mentions) {
        ending
            .entry(tok_at(m.end))
            .or_default()
            .push(tok_at(m.start));
    }
    for s in spans.iter_mut().filter(|s| s.kind == Kind::Per) {
        let Some(starts) = ending.get(&s.end) else {
            continue;
        };
        if let Some(&ps) = starts
            .iter()
            .find(|&&ps| ps >= s.start + 2 && persons.contains(words(s.start, ps)))
        {
            s.end = ps;
        }
    }
    spans
}

/// A person span of two words or more that runs on over "of" and a place
/// the places module found ends before "of": "state Sen. Denise Jordan of
/// Macon", where the tagger's lexicon knows Macon as no town. "Duke of
/// Edinburgh" keeps its "of", which follows a single word.
fn name_of_place(
    text: &str,
    toks: &[tagger::Tok],
    mut spans: Vec<tagger::Span>,
    places: &[Entity],
) -> Vec<tagger::Span> {
    let of_at =
        |s: &tagger::Span| (s.start + 2..s.end).find(|&k| &text[toks[k].b0..toks[k].b1] == "of");
    let with_of = |s: &tagger::Span| s.kind == tagger::Kind::Per && of_at(s).is_some();
    if !spans.iter().any(with_of) {
        return spans;
    }
    let place = cover_of(toks, places.iter().flat_map(|p| &p.mentions));
    for s in spans.iter_mut().filter(|s| with_of(s)) {
        if let Some(of) = of_at(s)
            && (of + 1..s.end).all(|k| place[k])
        {
            s.end = of;
        }
    }
    spans
}

/// A one-word person span right after a one-word town ("Kaja Kallas", where
/// Kaja is also a town in Burkina Faso), or after a country whose name is
/// also a given name ("Jordan Peele", "Chad Kroeger"), is one name with it:
/// the tagger gave the place its word, and the place yields it (see
/// [`drop_places_inside`]). Other countries and capitals keep their word
/// ("Kremlin Peskov" is no name).
fn place_opens_name(
    toks: &[tagger::Tok],
    flags: &[u32],
    mut spans: Vec<tagger::Span>,
    places: &[Entity],
) -> Vec<tagger::Span> {
    use tagger::lexicon::flag;
    use tagger::{Kind, Shape};
    let tok_at = |c: usize| tok_at(toks, c);
    // The first tokens of one-word town mentions and of one-word country
    // mentions that are also a given name.
    let towns: HashSet<usize> = places
        .iter()
        .flat_map(|p| p.mentions.iter().map(move |m| (p.kind, m)))
        .map(|(kind, m)| (kind, tok_at(m.start), tok_at(m.end)))
        .filter(|&(kind, s, e)| {
            e == s + 1
                && (kind == EntityKind::Place
                    || kind == EntityKind::Country
                        && flags.get(s).is_some_and(|f| f & flag::GIVEN != 0))
        })
        .map(|(_, s, _)| s)
        .collect();
    for s in spans.iter_mut().filter(|s| s.kind == Kind::Per) {
        let Some(before) = s.start.checked_sub(1) else {
            continue;
        };
        let (town, name) = (&toks[before], &toks[s.start]);
        if s.end == s.start + 1
            && towns.contains(&before)
            && town.shape == Shape::Title
            && !name.line_start
            && name.b0 == town.b1 + 1
        {
            s.start = before;
        }
    }
    spans
}

/// Nouns after two sides of an armed conflict written side by side
/// ("Israel Hamas war"); talks and deals are left out, as a company's
/// name may stand before them ("the China Evergrande talks").
const BETWEEN_SIDES: &[&str] = &[
    "war",
    "conflict",
    "ceasefire",
    "truce",
    "fighting",
    "clashes",
    "hostilities",
];

/// A place written right before an organisation's name, or after its
/// "of", belongs to it: "Chicago Board of Trade", "News Agency of Nigeria".
fn org_takes_place(
    text: &str,
    toks: &[tagger::Tok],
    mut spans: Vec<tagger::Span>,
    places: &[Entity],
) -> Vec<tagger::Span> {
    use tagger::Kind;
    let tok_at = |c: usize| tok_at(toks, c);
    let mut place_spans: Vec<(usize, usize)> = places
        .iter()
        .flat_map(|p| p.mentions.iter().map(|m| (tok_at(m.start), tok_at(m.end))))
        .collect();
    place_spans.extend(
        spans
            .iter()
            .filter(|s| s.kind == Kind::Loc)
            .map(|s| (s.start, s.end)),
    );
    let countries: HashSet<(usize, usize)> = places
        .iter()
        .filter(|p| p.kind == EntityKind::Country)
        .flat_map(|p| p.mentions.iter().map(|m| (tok_at(m.start), tok_at(m.end))))
        .collect();
    let joined = |a: usize| joined(toks, a);
    // The first place span (in the order above) ending, and starting, at
    // each token.
    let mut ending: HashMap<usize, (usize, usize)> = HashMap::default();
    let mut starting: HashMap<usize, (usize, usize)> = HashMap::default();
    for &(ps, pe) in &place_spans {
        if ps < pe {
            ending.entry(pe).or_insert((ps, pe));
        }
        starting.entry(ps).or_insert((ps, pe));
    }
    let mut absorbed: HashSet<(usize, usize)> = HashSet::default();
    for s in spans.iter_mut().filter(|s| s.kind == Kind::Org) {
        // "Israel Hamas war": a country and a one-word side, not "Israel
        // Hamas" ("the Chicago Board of Trade" keeps its town).
        let sides = s.end == s.start + 1
            && toks
                .get(s.end)
                .is_some_and(|t| BETWEEN_SIDES.contains(&&text[t.b0..t.b1]));
        if let Some(&(ps, pe)) = ending
            .get(&s.start)
            .filter(|&&(ps, pe)| joined(pe - 1) && !(sides && countries.contains(&(ps, pe))))
        {
            absorbed.insert((ps, pe));
            s.start = ps;
        }
        let of = s.end < toks.len()
            && &text[toks[s.end].b0..toks[s.end].b1] == "of"
            && joined(s.end - 1)
            && joined(s.end);
        if of && let Some(&(ps, pe)) = starting.get(&(s.end + 1)) {
            absorbed.insert((ps, pe));
            s.end = pe;
        }
    }
    spans.retain(|s| !(s.kind == Kind::Loc && absorbed.contains(&(s.start, s.end))));
    // An organisation's name that runs into a place's and stops inside it
    // ends before the place: "Ministry of Foreign Affairs of the People"
    // of "the People's Republic of China" is the ministry.
    for s in spans.iter_mut().filter(|s| s.kind == Kind::Org) {
        let Some(ps) = place_spans
            .iter()
            .filter(|&&(ps, pe)| s.start < ps && ps < s.end && s.end < pe)
            .map(|&(ps, _)| ps)
            .min()
        else {
            continue;
        };
        let mut e = ps;
        while e > s.start + 1 && matches!(&text[toks[e - 1].b0..toks[e - 1].b1], "of" | "the") {
            e -= 1;
        }
        s.end = e;
    }
    spans
}

/// Whether token `a + 1` follows token `a` after one space on the same line.
fn joined(toks: &[tagger::Tok], a: usize) -> bool {
    a + 1 < toks.len() && !toks[a + 1].line_start && toks[a + 1].b0 == toks[a].b1 + 1
}

/// Marks the tokens the mentions cover.
fn cover_of<'m>(toks: &[tagger::Tok], mentions: impl Iterator<Item = &'m Mention>) -> Cover {
    let mut cover = Cover::new(toks.len());
    for m in mentions {
        cover.mark(tok_at(toks, m.start), tok_at(toks, m.end));
    }
    cover
}

/// Returns the index of the first token that starts at or after char `c`.
fn tok_at(toks: &[tagger::Tok], c: usize) -> usize {
    toks.partition_point(|t| t.c0 < c)
}

fn entity(kind: EntityKind, name: &str) -> Entity {
    Entity {
        kind,
        name: name.to_string(),
        country: None,
        salience: 0.0,
        mentions: Vec::new(),
    }
}
