//! Where names and places meet once both are found: people read inside a
//! town's name, organisations that are a region's name, and places inside
//! a person's or an organisation's name.

use super::tok_at;
use crate::analyze::reach::Reach;
use crate::analyze::tagger;
use crate::model::{Entity, EntityKind, Mention};
use foldhash::HashSet;

/// Drops the people whose every mention lies inside a place name of more
/// than one word and opens with no given name: "Eau Claire", "Quang Ngai"
/// read as a person's name are the city. "Benito Juárez" stays a person
/// (and a city), and so does "Paris Hilton", a longer name around a place.
pub(super) fn people_inside_places(
    toks: &[tagger::Tok],
    flags: &[u32],
    places: &[Entity],
    out: &mut Vec<Entity>,
) {
    use tagger::lexicon::flag;
    let long: Vec<&Mention> = places
        .iter()
        .flat_map(|p| &p.mentions)
        .filter(|m| m.text.contains(char::is_whitespace))
        .collect();
    if long.is_empty() {
        return;
    }
    let inside = |m: &Mention| {
        let given = flags
            .get(tok_at(toks, m.start))
            .is_some_and(|f| f & flag::GIVEN != 0);
        !given && long.iter().any(|p| p.start <= m.start && m.end <= p.end)
    };
    out.retain(|e| e.kind != EntityKind::Person || !e.mentions.iter().all(inside));
}

/// Drops the organisation mentions that are exactly a place name of more
/// than one word: "West Bank" ends in an organisation word, and the
/// organisation rules read it as a bank. A one-word name the rules made
/// an organisation stays one ("Zurich" the insurer).
pub(super) fn orgs_that_are_places(places: &[Entity], out: &mut Vec<Entity>) {
    let spans: HashSet<(usize, usize)> = places
        .iter()
        .flat_map(|p| &p.mentions)
        .filter(|m| m.text.contains(char::is_whitespace))
        .map(|m| (m.start, m.end))
        .collect();
    if spans.is_empty() {
        return;
    }
    for e in out.iter_mut().filter(|e| e.kind == EntityKind::Org) {
        e.mentions.retain(|m| !spans.contains(&(m.start, m.end)));
    }
    out.retain(|e| !e.mentions.is_empty());
}

/// Drops city mentions inside a person's or an organisation's name
/// ("Paris Hilton"), country mentions inside a longer organisation name
/// ("Bank of Japan"), and country mentions that are a person's name or
/// part of it; a country named on its own stays.
pub(super) fn drop_places_inside(places: &mut Vec<Entity>, names: &[Entity]) {
    let span = |m: &Mention| (m.start, m.end);
    let all = Reach::new(names.iter().flat_map(|e| e.mentions.iter().map(span)));
    let orgs = Reach::new(
        names
            .iter()
            .filter(|e| e.kind == EntityKind::Org)
            .flat_map(|e| e.mentions.iter().map(span)),
    );
    let people = Reach::new(
        names
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .flat_map(|e| e.mentions.iter().map(span)),
    );
    for p in places.iter_mut() {
        let city = p.kind == EntityKind::Place;
        p.mentions.retain(|m| {
            if city {
                !all.contains(m.start, m.end, false)
            } else {
                // "Angie Drobnic Holan" and then "Holan said": a country's
                // name in another language that is a person's surname here.
                !orgs.contains(m.start, m.end, true) && !people.contains(m.start, m.end, false)
            }
        });
    }
    places.retain(|p| !p.mentions.is_empty());
}
