//! Clubs named by a place and a plural nickname: "the Kansas City Chiefs",
//! "Washington Commanders quarterback …". The place is part of the club's
//! name, not where the story is.

use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{self, Kind, Shape};
use crate::model::Entity;

/// Roles that follow a club's name ("Chiefs coach Andy Reid").
const ROLES: &[&str] = &[
    "quarterback",
    "coach",
    "manager",
    "striker",
    "pitcher",
    "forward",
    "guard",
    "captain",
    "owner",
    "defender",
    "midfielder",
    "goalkeeper",
    "player",
    "star",
    "rookie",
    "receiver",
    "shortstop",
    "fans",
];

/// Plurals after a place that name no club: treaties, events and land
/// ("the Geneva Conventions", "the Tokyo Olympics", "the Golan Heights").
const NOT_CLUBS: &[&str] = &[
    "Conventions",
    "Accords",
    "Agreements",
    "Protocols",
    "Talks",
    "Olympics",
    "Games",
    "Riots",
    "Attacks",
    "Trials",
    "Islands",
    "Isles",
    "Heights",
    "Hills",
    "Mountains",
    "Falls",
    "Springs",
    "Rapids",
    "Plains",
    "Keys",
    "Highlands",
    "Lowlands",
    "Alps",
    "Mines",
    "Lakes",
    "Docks",
    "Gardens",
    "Courts",
    "Towers",
];

/// Returns the spans with an organisation span over each place mention
/// followed by a plural nickname, after "the" or before a player's role;
/// spans the club's name overlaps give way.
pub(super) fn place_and_nickname(
    text: &str,
    toks: &[tagger::Tok],
    flags: &[u32],
    mut spans: Vec<tagger::Span>,
    places: &[Entity],
) -> Vec<tagger::Span> {
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    let joined = |a: usize| super::joined(toks, a);
    let mut clubs = Vec::new();
    for m in places.iter().flat_map(|p| &p.mentions) {
        let (ps, pe) = (super::tok_at(toks, m.start), super::tok_at(toks, m.end));
        if pe >= toks.len() || pe == ps || !joined(pe - 1) {
            continue;
        }
        let nick = &toks[pe];
        let w = word(pe);
        let plural = nick.shape == Shape::Title
            && w.len() >= 4
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !NOT_CLUBS.contains(&w)
            && flags[pe] & (flag::COUNTRY | flag::DEMONYM | flag::CITY) == 0;
        if !plural {
            continue;
        }
        let the = ps > 0 && word(ps - 1).eq_ignore_ascii_case("the");
        let role = toks
            .get(pe + 1)
            .is_some_and(|t| t.shape == Shape::Lower && ROLES.contains(&word(pe + 1)));
        if the || role {
            clubs.push((ps, pe + 1));
        }
    }
    if clubs.is_empty() {
        return spans;
    }
    spans.retain(|s| !clubs.iter().any(|&(a, b)| s.start < b && a < s.end));
    spans.extend(clubs.into_iter().map(|(start, end)| tagger::Span {
        start,
        end,
        kind: Kind::Org,
    }));
    spans.sort_by_key(|s| s.start);
    spans
}
