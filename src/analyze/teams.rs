//! Sports clubs named after places: in a sports story, a city or region
//! that plays ("Leicestershire beat Somerset", "against Karlsruhe", "joined
//! Newcastle", "Birmingham's Gary Breen") is a club, an organisation, and so
//! is every other mention of it in that story. National teams stay their country.

use crate::analyze::orgs::{OrgMention, Resolved};
use crate::analyze::tagger::Tok;
use crate::analyze::tagger::lexicon::flag;
use crate::model::{Entity, EntityKind};

/// Words before a place that make it a side in a match.
const BEFORE: &[&str] = &[
    "v",
    "vs",
    "vs.",
    "against",
    "beat",
    "beating",
    "defeated",
    "joined",
    "join",
    "joining",
    "dismiss",
    "dismissed",
    "over",
    "rivals",
    "hopefuls",
    "leaders",
    "visiting",
    "hosts",
    "face",
    "faces",
    "facing",
];
/// Words after a place that make it a side in a match.
const AFTER: &[&str] = &[
    "beat",
    "beats",
    "drew",
    "draw",
    "lost",
    "won",
    "captain",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "goalkeeper",
    "defender",
    "side",
    "team",
    "player",
    "players",
    "fans",
    "supporters",
    "closed",
    "skipper",
    "batsman",
    "bowler",
    "all-rounder",
    "forward",
    "winger",
    "pitcher",
    "teammate",
    "team-mate",
    "squad",
];

/// Words between a place and a result verb: "Milwaukee has won".
const AUXILIARY: &[&str] = &["has", "have", "had", "were", "was"];

/// Sports words beyond the tagger's sports class (which is a feature of
/// the trained tagger and so stays as it was trained): they count towards
/// the story being about sport.
const MORE_SPORT: &[&str] = &[
    "captain",
    "captaincy",
    "skipper",
    "squad",
    "footballer",
    "qualifier",
    "batsman",
    "bowler",
    "all-rounder",
    "wicket",
    "homer",
    "homered",
    "pitcher",
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "baseball",
    "basketball",
    "hockey",
    "playoff",
    "playoffs",
    "quarterfinal",
    "quarter-final",
    "semi-final",
    "stadium",
    "referee",
    "unbeaten",
    "relegation",
    "premiership",
];

/// Home nations play as national sides, like countries.
const NATIONS: &[&str] = &[
    "england",
    "scotland",
    "wales",
    "ireland",
    "northern ireland",
];

/// Moves the mentions of places that are clubs from `places` to `orgs`.
/// A region mentioned for its country ("Leicestershire" for the United
/// Kingdom) counts as a place here; the country's own name does not.
pub fn clubs(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    taken: &[bool],
    places: &mut Vec<Entity>,
    orgs: &mut Resolved,
) {
    let word = |i: usize| text[toks[i].b0..toks[i].b1].to_lowercase();
    let sport_words = (0..toks.len())
        .filter(|&i| {
            let w = &text[toks[i].b0..toks[i].b1];
            flags[i] & flag::SPORT != 0 || MORE_SPORT.iter().any(|s| s.eq_ignore_ascii_case(w))
        })
        .count();
    if sport_words < 4 || sport_words * 50 < toks.len() {
        return;
    }
    let tok_at = |c: usize| toks.partition_point(|t| t.c0 < c);
    let lexicon = crate::analyze::tagger::lexicon::get();
    let regional = |e: &Entity, m: &crate::model::Mention| {
        let t = m.text.to_lowercase();
        let k = tok_at(m.start);
        let dateline =
            k < toks.len() && toks[k].line_start && !m.text.chars().any(char::is_lowercase);
        !NATIONS.contains(&t.as_str())
            && !dateline
            && (e.kind == EntityKind::Place
                || (e.kind == EntityKind::Country
                    && !t.eq_ignore_ascii_case(&e.name)
                    && (m.text.chars().count() > 4 || m.text.chars().any(char::is_lowercase))
                    && m.text
                        .split_whitespace()
                        .all(|w| lexicon.word(w) & (flag::COUNTRY | flag::DEMONYM) == 0)))
    };
    let plays = |s: usize, e: usize| {
        let before = s > 0 && BEFORE.contains(&word(s - 1).as_str());
        let after = e < toks.len() && {
            let w = word(e);
            let next = |k: usize| k < toks.len() && AFTER.contains(&word(k).as_str());
            AFTER.contains(&w.as_str())
                || (w == "'s" && (next(e + 1) || taken.get(e + 1) == Some(&true)))
                || (AUXILIARY.contains(&w.as_str()) && next(e + 1))
        };
        before || after
    };
    let mut teams: Vec<String> = Vec::new();
    for p in places.iter() {
        for m in &p.mentions {
            let t = m.text.to_lowercase();
            if regional(p, m) && !teams.contains(&t) && plays(tok_at(m.start), tok_at(m.end)) {
                teams.push(t);
            }
        }
    }
    if teams.is_empty() {
        return;
    }
    // Sides listed with a side are sides: "Essex, Derbyshire and Surrey".
    let spans: Vec<(String, usize, usize)> = places
        .iter()
        .flat_map(|p| {
            p.mentions
                .iter()
                .filter(|m| regional(p, m))
                .map(|m| (m.text.to_lowercase(), tok_at(m.start), tok_at(m.end)))
        })
        .collect();
    let listed = |i: usize| matches!(word(i).as_str(), "," | "and" | "or");
    loop {
        let before = teams.len();
        for (t, s, e) in &spans {
            if teams.contains(t) {
                continue;
            }
            let next_to = |k: usize| {
                spans
                    .iter()
                    .any(|(u, a, b)| teams.contains(u) && (*b == k || *a == k))
            };
            let left = *s >= 2 && listed(s - 1) && next_to(s - 1);
            let right = *e + 1 < toks.len() && listed(*e) && next_to(e + 1);
            if left || right {
                teams.push(t.clone());
            }
        }
        if teams.len() == before {
            break;
        }
    }
    let first_org = orgs.orgs.len();
    for p in places.iter_mut() {
        let kind = p.kind;
        let name_of = p.name.clone();
        p.mentions.retain(|m| {
            let t = m.text.to_lowercase();
            let Some(k) = teams.iter().position(|x| *x == t) else {
                return true;
            };
            let probe = Entity {
                kind,
                name: name_of.clone(),
                country: None,
                salience: 0.0,
                mentions: Vec::new(),
            };
            // "In Seattle, ..." is where the game was played.
            let at = tok_at(m.start);
            if !regional(&probe, m) || (at > 0 && word(at - 1) == "in") {
                return true;
            }
            let name = club_name(&teams[k], &m.text);
            let org = match orgs.orgs[first_org..]
                .iter()
                .position(|n| n.eq_ignore_ascii_case(&name))
            {
                Some(o) => first_org + o,
                None => {
                    orgs.orgs.push(name);
                    orgs.orgs.len() - 1
                }
            };
            let start = tok_at(m.start).min(toks.len().saturating_sub(1));
            let end = tok_at(m.end).clamp(start + 1, toks.len());
            orgs.mentions.push(OrgMention { start, end, org });
            false
        });
    }
    places.retain(|p| !p.mentions.is_empty());
    orgs.mentions.sort_by_key(|m| m.start);
}

/// The club's name as written in running text ("Leicestershire", not the
/// headline's "LEICESTERSHIRE").
fn club_name(lower: &str, written: &str) -> String {
    if written.chars().any(char::is_lowercase) {
        return written.to_string();
    }
    lower
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
