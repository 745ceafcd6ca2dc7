//! Gazetteer rules that repair the tagger's person spans: initials before
//! a surname belong to the name ("A. Dale"), and a common given name
//! followed by one or two unknown capitalised words is a person even where
//! the tagger read an organisation ("Andrei Olhovskiy").

use crate::analyze::cover::Cover;
use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{Kind, Shape, Span, Tok};
use foldhash::HashSet;

mod cues;
mod trim;
mod words;
use trim::trim;
use words::{NOT_NAME, adjacent, after_a_name, initial, name_word, particle, word_flags_title};

/// Returns the spans with person names repaired; `countries` marks the
/// tokens of country names.
pub(super) fn repair(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    spans: &[Span],
    countries: &[bool],
) -> Vec<Span> {
    let mut out: Vec<Span> = spans.to_vec();
    for s in out.iter_mut() {
        if after_a_role(text, toks, flags, s) {
            s.kind = Kind::Per;
        }
    }
    let spans = &out.clone();
    let mut add = Vec::new();
    // Token masks keep every overlap test local, so a long text costs in
    // proportion to its length, not to its length times its names.
    let mut per_mask = Cover::new(toks.len());
    let mut other_mask = Cover::new(toks.len());
    for s in spans {
        match s.kind {
            Kind::Per => per_mask.mark(s.start, s.end),
            _ => other_mask.mark(s.start, s.end),
        }
    }
    let tagged = |a: usize, b: usize| other_mask.any(a, b) || per_mask.any(a, b);
    let mut added = Cover::new(toks.len());
    let word = |i: usize| &text[toks[i].b0..toks[i].b1];
    for i in 0..toks.len() {
        let caps_initials = super::name::caps_initials(text, toks, flags, i);
        if !caps_initials
            && (per_mask.any(i, i + 1) || i > 0 && name_word(&toks[i - 1]) && adjacent(toks, i - 1))
        {
            continue;
        }
        let given = name_word(&toks[i])
            && flags[i] & flag::GIVEN_COMMON != 0
            && flags[i] & (NOT_NAME | flag::CITY) == 0;
        let starts = given || initial(text, &toks[i]) || caps_initials;
        if !starts {
            continue;
        }
        let mut end = i + 1;
        while end < toks.len()
            && end - i < 4
            && (initial(text, &toks[end]) || name_word(&toks[end]))
            && adjacent(toks, end - 1)
        {
            end += 1;
        }
        // "N. Korea" is the country the places found.
        let last_ok = end - i >= 2
            && name_word(&toks[end - 1])
            && (i + 1..end).all(|k| flags[k] & NOT_NAME == 0)
            && !(i..end).all(|k| countries[k]);
        let free_after =
            end >= toks.len() || !(toks[end].shape.capitalised() && adjacent(toks, end - 1));
        if last_ok && free_after {
            added.mark(i, end);
            add.push(Span {
                start: i,
                end,
                kind: Kind::Per,
            });
        }
    }
    // Unknown names of one to three words before a country in brackets,
    // as results lists write athletes: "Ana Brolin ( Sweden )".
    for i in 0..toks.len() {
        if !name_word(&toks[i]) || (i > 0 && name_word(&toks[i - 1]) && adjacent(toks, i - 1)) {
            continue;
        }
        let mut end = i;
        while end < toks.len()
            && end - i < 3
            && (name_word(&toks[end]) || initial(text, &toks[end]))
            && flags[end] & NOT_NAME == 0
            && !countries[end]
        {
            end += 1;
        }
        let bracket = end > i && end + 2 < toks.len() && word(end) == "(" && countries[end + 1];
        if bracket && !per_mask.any(i, end) && !added.any(i, end) {
            added.mark(i, end);
            add.push(Span {
                start: i,
                end,
                kind: Kind::Per,
            });
        }
    }
    // Two or three capitalised words no list knows, inside a sentence and
    // untagged, read as a person's name when one of them is a known name.
    for i in 0..toks.len() {
        let opens =
            !toks[i].sent_start || flags[i] & (flag::SURNAME_FIRST | flag::GIVEN_COMMON) != 0;
        let after_name = i > 0 && name_word(&toks[i - 1]) && adjacent(toks, i - 1);
        if !name_word(&toks[i]) || !opens || after_name {
            continue;
        }
        let mut end = i;
        while end < toks.len()
            && end - i < 3
            && name_word(&toks[end])
            && flags[end] & (NOT_NAME | flag::CITY) == 0
            && !countries[end]
            && (end == i || adjacent(toks, end - 1))
        {
            end += 1;
        }
        if end - i < 2 {
            continue;
        }
        let free_after =
            end >= toks.len() || !(toks[end].shape.capitalised() && adjacent(toks, end - 1));
        let known =
            (i..end).any(|k| flags[k] & (flag::GIVEN | flag::SURNAME | flag::SURNAME_FIRST) != 0);
        let taken = || tagged(i, end) || added.any(i, end);
        if end - i >= 2 && free_after && known && !taken() {
            added.mark(i, end);
            add.push(Span {
                start: i,
                end,
                kind: Kind::Per,
            });
        }
    }
    // Two or three capitalised words no list knows, before a speech or
    // action verb or "of" and a country ("Geert Wilders said", "Jannik
    // Sinner of Italy won").
    for (i, end) in cues::cued_names(text, toks, flags, spans, countries) {
        if !added.any(i, end) {
            added.mark(i, end);
            add.push(Span {
                start: i,
                end,
                kind: Kind::Per,
            });
        }
    }
    // After a title ("leader Xi Jinping"), one to four unknown or name
    // words are a person's name. The surname He is one before a given
    // name ("envoy He Yadong"), though the pronoun is a common word.
    for i in 1..toks.len() {
        // A country's possessive before two name words or more ("Brazil's
        // Jair Bolsonaro") is as good as a title.
        let owner = i >= 2 && toks[i - 1].shape == Shape::Possessive && countries[i - 2];
        let title = word_flags_title(text, toks, flags, i - 1) || owner;
        let surname_he = word(i) == "He"
            && i + 1 < toks.len()
            && adjacent(toks, i)
            && name_word(&toks[i + 1])
            && flags[i + 1] & (NOT_NAME | flag::CITY) == 0;
        if !title
            || !name_word(&toks[i])
            || !adjacent(toks, i - 1)
            || flags[i] & (NOT_NAME | flag::CITY) != 0 && !surname_he
            || countries[i]
        {
            continue;
        }
        let mut end = i + 1;
        while end < toks.len()
            && end - i < 4
            && adjacent(toks, end - 1)
            && (name_word(&toks[end]) || toks[end].shape == Shape::Particle)
            && flags[end] & NOT_NAME == 0
        {
            end += 1;
        }
        // The tagger's person cut short by a town's name inside the name
        // ("leader Aung San Suu Kyi", whose "San" and "Suu" are towns).
        let cut_short = end - i >= 3
            && per_mask.any(i, i + 1)
            && flags[end - 1] & flag::CITY == 0
            && (i + 1..end).all(|k| {
                !countries[k] && (!other_mask.any(k, k + 1) || flags[k] & flag::CITY != 0)
            });
        let firmish = || (i..end).any(|k| crate::analyze::orgs::is_tail(text, &toks[k]));
        let pieces = || cues::pieces(spans, i, end);
        if owner && (end - i < 2 || tagged(i, end) && !pieces() || firmish()) {
            continue;
        }
        if (!tagged(i, end) || cut_short) && !added.any(i, end) {
            added.mark(i, end);
            add.push(Span {
                start: i,
                end,
                kind: Kind::Per,
            });
        }
    }
    for s in out
        .iter_mut()
        .chain(add.iter_mut())
        .filter(|s| s.kind == Kind::Per)
    {
        // Initials run into a tagged surname: "A. Dale".
        while s.start > 0 && initial(text, &toks[s.start - 1]) && adjacent(toks, s.start - 1) {
            s.start -= 1;
        }
        // An unknown capitalised word right before a name is its given name,
        // and so is a given name that is also a country's ("Jordan Pike")
        // where the text does not name the country; particles go with it
        // ("Saeed bin Hamad", "Pieter van der Berg").
        loop {
            let p = s.start;
            // Up to two particles: "Pieter van der Berg".
            let mut q = p;
            while q >= 2 && p - q < 2 && particle(text, toks, flags, q - 1) && adjacent(toks, q - 1)
            {
                q -= 1;
            }
            if q == 0 || !name_word(&toks[q - 1]) || !adjacent(toks, q - 1) || countries[q - 1] {
                break;
            }
            let f = flags[q - 1];
            // Nor is a word of an organisation's or a place's name ("of
            // State John Kornblum"), which would make the name no name.
            let foreign = flag::ORG_END | flag::PLACE_WORD;
            let blocked = if f & flag::GIVEN != 0 {
                NOT_NAME & !flag::COUNTRY
            } else if f & (flag::GIVEN_COMMON | flag::SURNAME_COMMON) == 0 {
                NOT_NAME | flag::CITY | foreign
            } else {
                NOT_NAME | flag::CITY
            };
            if f & (blocked | flag::SPEECH) != 0 {
                break;
            }
            s.start = q - 1;
        }
        // Particles, initials and the surname after them: "Bashar al-Assad",
        // "Von der Leyen", "Saeed bin Hamad al-Nuaimi", "Renée A. Castellanos";
        // and the given name after a surname-first family name ("Yoon Da-hye").
        loop {
            let mut end = s.end;
            while end < toks.len() && adjacent(toks, end - 1) && particle(text, toks, flags, end) {
                end += 1;
            }
            while end < toks.len() && adjacent(toks, end - 1) && initial(text, &toks[end]) {
                end += 1;
            }
            let surname = end < toks.len()
                && adjacent(toks, end - 1)
                && (name_word(&toks[end]) || toks[end].shape == Shape::Particle)
                && flags[end] & (NOT_NAME | flag::SPEECH) == 0
                && !countries[end];
            // A name that ends in an initial goes on to the surname, even
            // when the tagger saw only the initial ("P. Simmons").
            let open_particle = particle(text, toks, flags, s.end - 1) && s.end - s.start >= 2
                || initial(text, &toks[s.end - 1]);
            let family_first = s.end - s.start == 1
                && flags[s.start] & flag::SURNAME_FIRST != 0
                && end < toks.len()
                && toks[end].shape == Shape::Compound;
            // A given name (or a word no list knows) that the tagger read
            // alone runs into the one name word after it, when that is no
            // town's and no noun of a term or a following ("Elon Musk
            // declined", not "the Obama Administration").
            let given_alone = s.end - s.start == 1
                && end == s.end
                && (flags[s.start] & flag::GIVEN != 0 || flags[s.start] == 0)
                && flags
                    .get(end)
                    .is_some_and(|f| f & (flag::CITY | flag::PLACE_WORD) == 0)
                && !after_a_name(word(end))
                && toks
                    .get(end + 1)
                    .is_none_or(|t| !(t.shape.capitalised() && adjacent(toks, end)));
            if surname
                && (end > s.end
                    || open_particle
                    || family_first
                    || given_alone
                    || toks[end].shape == Shape::Particle)
            {
                s.end = end + 1;
            } else {
                break;
            }
        }
    }
    // A short name the tagger read as a work or an event, ending in a word
    // it reads as a person elsewhere in the story, is that person.
    let per_words: HashSet<u64> = out
        .iter()
        .filter(|s| s.kind == Kind::Per)
        .map(|s| toks[s.end - 1].hash)
        .collect();
    for s in out
        .iter_mut()
        .filter(|s| s.kind == Kind::Misc && s.end - s.start <= 3)
    {
        let plain = (s.start..s.end).all(|k| name_word(&toks[k]) && flags[k] & NOT_NAME == 0);
        if plain && per_words.contains(&toks[s.end - 1].hash) {
            s.kind = Kind::Per;
        }
    }
    // A word the story reads as a person alone gives its full name where it
    // follows another name word: "Zoë Marchetti ... Marchetti said".
    let lone: HashSet<u64> = out
        .iter()
        .filter(|s| s.kind == Kind::Per && s.end - s.start == 1)
        .map(|s| toks[s.start].hash)
        .collect();
    // Names of two words or more, and of one, already read.
    let mut long = Cover::new(toks.len());
    let mut single = Cover::new(toks.len());
    for s in out.iter().chain(&add) {
        match s.end - s.start {
            1 => single.mark(s.start, s.end),
            _ => long.mark(s.start, s.end),
        }
    }
    for i in 1..toks.len() {
        if !lone.contains(&toks[i].hash) || !adjacent(toks, i - 1) {
            continue;
        }
        let p = i - 1;
        let given = name_word(&toks[p]) && flags[p] & (NOT_NAME | flag::CITY) == 0 && !countries[p];
        let busy = long.any(p, i + 1) || single.any(p, p + 1);
        if given && !busy {
            long.mark(p, i + 1);
            added.mark(p, i + 1);
            add.push(Span {
                start: p,
                end: i + 1,
                kind: Kind::Per,
            });
        }
    }
    out.retain(|s| !added.any(s.start, s.end));
    out.extend(add);
    // Widened names swallow the shorter spans they now overlap.
    out.sort_by_key(|s| std::cmp::Reverse(s.end - s.start));
    let mut kept: Vec<Span> = Vec::with_capacity(out.len());
    let mut kept_mask = Cover::new(toks.len());
    for s in out {
        if !kept_mask.any(s.start, s.end) {
            kept_mask.mark(s.start, s.end);
            kept.push(s);
        }
    }
    kept.sort_by_key(|s| s.start);
    for s in kept.iter_mut().filter(|s| s.kind == Kind::Per) {
        trim(text, toks, flags, countries, s);
    }
    kept.retain(|s| s.kind != Kind::Per || !trim::no_one(text, toks, flags, s));
    kept
}

/// Whether an organisation span is a person's name after a lower-case role
/// ("Liverpool coach Arne Slot", "the director Sofia Coppola"): two or
/// three capitalised words, none a word of organisations' or places' names.
fn after_a_role(text: &str, toks: &[Tok], flags: &[u32], s: &Span) -> bool {
    let placed = flag::ORG_END | flag::ORG_START | flag::COUNTRY | flag::CITY | flag::PLACE_WORD;
    s.kind == Kind::Org
        && (2..=3).contains(&(s.end - s.start))
        && s.start > 0
        && toks[s.start - 1].shape == Shape::Lower
        && adjacent(toks, s.start - 1)
        && super::name::word_flags(text, toks, flags, s.start - 1) & flag::TITLE != 0
        && (s.start..s.end).all(|k| name_word(&toks[k]) && flags[k] & placed == 0)
}
