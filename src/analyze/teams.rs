//! Sports clubs named after places: in a sports story, a city or region
//! that plays ("Leicestershire beat Somerset", "against Karlsruhe", "joined
//! Newcastle") is a club, an organisation, and so is every other mention of
//! it in that story. National teams stay their country.

use crate::analyze::orgs::{OrgMention, Resolved};
use crate::analyze::tagger::Tok;
use crate::analyze::tagger::lexicon::flag;
use crate::model::{Entity, EntityKind};

/// Words before a place that make it a side in a match.
const BEFORE: &[&str] = &["v", "vs", "vs.", "against", "beat", "beating", "defeated", "joined", "join", "joining"];
/// Words after a place that make it a side in a match.
const AFTER: &[&str] = &["beat", "beats", "drew", "draw", "lost", "won", "captain", "coach", "manager", "striker", "midfielder", "goalkeeper", "defender", "side", "team", "player", "players", "fans", "supporters", "closed"];

/// Moves the places that are clubs from `places` to `orgs`.
pub fn clubs(text: &str, toks: &[Tok], flags: &[u32], places: &mut Vec<Entity>, orgs: &mut Resolved) {
    let sport_words = flags.iter().filter(|f| *f & flag::SPORT != 0).count();
    if sport_words < 6 || sport_words * 40 < toks.len() {
        return;
    }
    let word = |i: usize| text[toks[i].b0..toks[i].b1].to_lowercase();
    let tok_at = |c: usize| toks.partition_point(|t| t.c0 < c);
    let mut k = 0;
    while k < places.len() {
        let p = &places[k];
        let plays = p.kind == EntityKind::Place
            && p.mentions.iter().any(|m| {
                let (s, e) = (tok_at(m.start), tok_at(m.end));
                let before = s > 0 && BEFORE.contains(&word(s - 1).as_str());
                let after = toks.get(e).is_some_and(|_| {
                    let w = word(e);
                    AFTER.contains(&w.as_str()) || (w == "'s" && toks.get(e + 1).is_some_and(|_| AFTER.contains(&word(e + 1).as_str())))
                });
                before || after
            });
        if !plays {
            k += 1;
            continue;
        }
        let club = places.remove(k);
        orgs.orgs.push(club.name.clone());
        let org = orgs.orgs.len() - 1;
        for m in &club.mentions {
            orgs.mentions.push(OrgMention { start: tok_at(m.start), end: tok_at(m.end), org });
        }
    }
    orgs.mentions.sort_by_key(|m| m.start);
}
