//! Organisations named by their cues rather than by the tagger: a
//! capitalised run ending in an organisation word ("… Association") or
//! headed by one ("Bank of …", "Office for …"), and a
//! company named as what is traded ("Pirelli shares rose", "shares of BYD").

use super::{is_tail, word_at};
use crate::analyze::tagger::lexicon::flag;
use crate::analyze::tagger::{Kind, Shape, Span, Tok};

/// Capitalised runs ending in an organisation word ("Korea International
/// Trade Association"), and runs headed by one before "of" or "for"
/// ("Office for Budget Responsibility", "Bank of England" before "Governor
/// Andrew Bailey"); each holds the tagger's organisation pieces of it.
pub(super) fn by_org_word(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    spans: &[Span],
) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // A person or other name the tagger read stops a run; its place and
    // organisation pieces do not ("Korea", "Association").
    let kinds_at = |i: usize| {
        spans
            .iter()
            .filter(move |s| s.start <= i && i < s.end)
            .map(|s| s.kind)
    };
    let tagged = |i: usize| kinds_at(i).any(|k| !matches!(k, Kind::Loc | Kind::Org));
    let org_piece = |i: usize| kinds_at(i).any(|k| k == Kind::Org);
    let mut i = 0;
    while i < toks.len() {
        if !matches!(toks[i].shape, Shape::Title | Shape::Upper | Shape::Compound)
            || toks[i].caps_line
        {
            i += 1;
            continue;
        }
        // Neither "The" nor a title before "of" is part of the name ("The
        // Associated Press", "CEO of Harbor Restaurant Association").
        let title_of = flags[i] & flag::TITLE != 0
            && toks
                .get(i + 1)
                .is_some_and(|t| matches!(word_at(text, t), "of" | "for"));
        if (word_at(text, &toks[i]) == "The" || title_of || described(text, &toks[i]))
            && toks.get(i + 1).is_some_and(|t| t.b0 == toks[i].b1 + 1)
        {
            i += 1 + usize::from(title_of);
            continue;
        }
        let mut end = i + 1;
        let mut last_cap = i;
        while end < toks.len() {
            let t = &toks[end];
            let w = word_at(text, t);
            let cap = matches!(t.shape, Shape::Title | Shape::Upper | Shape::Compound);
            let joiner = matches!(w, "of" | "for" | "and" | "&" | "on");
            if !(cap || joiner) || t.b0 > toks[end - 1].b1 + 1 {
                break;
            }
            if cap {
                last_cap = end;
            }
            end += 1;
        }
        let end = last_cap + 1;
        let opens_sentence = toks[i].sent_start && flags[i] & flag::COMMON != 0;
        // "The IMF and World Bank": two names, which the tagger's pieces
        // keep; but one common word after "of" and "and" ends the name
        // ("Institute of Science and Technology", not "Bank of England and
        // Federal Reserve" or "Department of Energy and NASA").
        let joined = (i..end).any(|k| {
            let fields = k + 2 == end
                && (i..k).any(|j| matches!(word_at(text, &toks[j]), "of" | "for"))
                && flags[k - 1] & (flag::COUNTRY | flag::CITY) == 0
                && toks[k + 1].shape == Shape::Title
                && flags[k + 1] & (flag::COMMON | flag::ORG_END) != 0;
            matches!(word_at(text, &toks[k]), "and" | "&") && !fields
        });
        let tagged = |k: usize| tagged(k) || joined && org_piece(k);
        // A legal form makes a firm of whatever the tagger read ("Leonardo
        // SpA"), but not of two names ("Bayer AG and BASF SE"), nor of the
        // common words before it ("Shares of", "Rival").
        let legal = !joined && super::is_legal_form(text, &toks[last_cap]);
        let mut from = i;
        if legal {
            while from + 2 < end && flags[from] & flag::COMMON != 0 {
                from += 1 + usize::from(word_at(text, &toks[from + 1]) == "of");
            }
        }
        if end - from >= 2
            && (flags[last_cap] & flag::ORG_END != 0 || is_tail(text, &toks[last_cap]))
            && (!(from..end).any(tagged) || legal)
            && !opens_sentence
        {
            out.push((from, end));
        } else if let Some((head, e)) = headed(text, toks, flags, i, end)
            && !(i..e).any(tagged)
            && (!opens_sentence || head == i)
        {
            out.push((i, e));
            i = e;
            continue;
        }
        // A common word opening a sentence may open a run before a name
        // ("Shares of Leonardo SpA rose").
        i = if opens_sentence { i + 1 } else { end };
    }
    out
}

/// The head word and end of a name in the run `i..end` made of an
/// organisation word, "of" or "for", and capitalised words ("Bank of
/// England", "Office for Budget Responsibility"); the name stops before a
/// title or a day ("… Governor Andrew Bailey", "… Wednesday").
fn headed(text: &str, toks: &[Tok], flags: &[u32], i: usize, end: usize) -> Option<(usize, usize)> {
    let head = (i..end.saturating_sub(2)).find(|&k| {
        flags[k] & flag::ORG_END != 0 && matches!(word_at(text, &toks[k + 1]), "of" | "for")
    })?;
    let mut e = head + 2;
    while e < end && flags[e] & (flag::TITLE | flag::CALENDAR) == 0 {
        e += 1;
    }
    while e > head + 2 && !toks[e - 1].shape.capitalised() {
        e -= 1;
    }
    (e > head + 2).then_some((head, e))
}

/// Whether a word describes what follows it rather than naming it: a
/// lower-case part after a hyphen ("Texas-based", "State-owned",
/// "France-registered").
pub(super) fn described(text: &str, t: &Tok) -> bool {
    word_at(text, t)
        .rsplit_once('-')
        .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
}

/// Companies named as what is traded or called a company: "Pirelli shares
/// rose", "Nvidia, the chipmaker," (up to four capitalised words before the
/// cue, whatever the tagger read them as, a country's name first at most),
/// and "Shares of BYD fell", "sold shares of Rivian Automotive" (up to five
/// capitalised words or ampersands, the first not read by the tagger as a
/// person, that no list knows as a country or a town).
pub(super) fn traded(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    spans: &[Span],
) -> Vec<(usize, usize)> {
    let described = |k: usize| described(text, &toks[k]);
    // A town's name may be part of a company's ("Boston Scientific",
    // "Toyota Motor") before the cue; after "shares of" it is none.
    let part = |k: usize| {
        matches!(toks[k].shape, Shape::Title | Shape::Upper | Shape::Compound)
            && flags[k] & (flag::COUNTRY | flag::DEMONYM | flag::CALENDAR) == 0
            && !described(k)
    };
    let name = |k: usize| part(k) && flags[k] & flag::CITY == 0;
    let read = |k: usize| {
        spans
            .iter()
            .any(|s| s.start <= k && k < s.end && matches!(s.kind, Kind::Per | Kind::Org))
    };
    // "Douglas & Lomason Co": an ampersand joins the words of one name.
    let joins = |k: usize| word_at(text, &toks[k]) == "&" && k + 1 < toks.len() && name(k + 1);
    let mut out = Vec::new();
    // "Pirelli shares rose", "Nvidia, the chipmaker,": the run of names
    // before the cue, whatever the tagger read it as.
    for i in 1..toks.len() {
        let called = firm_apposition(text, toks, flags, i);
        if !called && !shares_moved(text, toks, i) {
            continue;
        }
        let mut start = i;
        while start > 0
            && i - start < 4
            && (part(start - 1) || (start >= 2 && joins(start - 1) && part(start - 2)))
            && !toks[start].line_start
        {
            start -= 1;
        }
        // A town alone is a market ("Tokyo shares fell").
        if i - start == 1 && flags[start] & flag::CITY != 0 {
            continue;
        }
        // A country's name opens a company's ("Japan Tobacco shares"), but
        // not where it is a place ("in Japan Sony shares rose").
        let country = |k: usize| flags[k] & flag::COUNTRY != 0 && toks[k].shape == Shape::Title;
        let placed = |k: usize| {
            k > 0 && PLACING.contains(&word_at(text, &toks[k - 1]).to_lowercase().as_str())
        };
        if start < i
            && start > 0
            && country(start - 1)
            && !placed(start - 1)
            && !toks[start].line_start
        {
            start -= 1;
        }
        // The tagger's organisation that runs into the words stands
        // ("Bank of America shares rose").
        let within_org = spans
            .iter()
            .any(|s| s.kind == Kind::Org && s.start < start && start < s.end);
        if within_org {
            continue;
        }
        // "Bank shares fell" and "Tech shares rose" are sectors: a lone
        // word opening a sentence is a company only when the tagger or the
        // surname list reads it as a name, and a lone common word never is one.
        let opens = start == 0
            || toks[start].line_start
            || matches!(
                word_at(text, &toks[start - 1]),
                "." | "!" | "?" | "“" | "\""
            );
        let lone_ok = flags[start] & (flag::COMMON | flag::ORG_END | flag::ORG_START) == 0
            && (!opens || called || read(start) || flags[start] & flag::SURNAME != 0);
        if start < i && (i - start > 1 || lone_ok) {
            out.push((start, i));
        }
    }
    for i in 2..toks.len() {
        let cue = word_at(text, &toks[i - 2]).eq_ignore_ascii_case("shares")
            && word_at(text, &toks[i - 1]) == "of";
        // The tagger's organisation may stop short ("Crown" of "Crown
        // Resorts"): the longer run then holds it (see `resolve`).
        let person = || {
            spans
                .iter()
                .any(|s| s.start <= i && i < s.end && s.kind == Kind::Per)
        };
        if !cue || !name(i) || person() {
            continue;
        }
        let mut end = i + 1;
        while end < toks.len()
            && end - i < 5
            && (name(end) || joins(end))
            && toks[end].b0 <= toks[end - 1].b1 + 1
        {
            end += 1;
        }
        out.push((i, end));
    }
    out
}

/// Words that make the country after them a place ("in Japan Sony
/// shares rose").
const PLACING: &[&str] = &[
    "in", "at", "from", "to", "of", "for", "across", "on", "into", "within", "outside",
];

/// Verbs a company's shares do in market reports.
const MOVES: &[&str] = &[
    "rose", "fell", "jumped", "climbed", "gained", "added", "advanced", "rallied", "surged",
    "soared", "slid", "dropped", "lost", "declined", "eased", "slipped", "tumbled", "plunged",
    "sank", "slumped", "closed", "ended", "opened", "traded", "were", "have", "had",
];

/// Tells whether the words from token `i` are "shares" or "stock" followed
/// by what shares do ("shares rose", "stock fell"), so that the name right
/// before them is a company ("Pirelli shares rose"), not a person: "shares
/// his view" is a verb.
pub(crate) fn shares_moved(text: &str, toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| word_at(text, t));
    i > 0
        && matches!(word(i), "shares" | "stock")
        && MOVES.contains(&word(i + 1))
        && toks[i].b0 == toks[i - 1].b1 + 1
}

/// Nouns an apposition uses for a company ("Nvidia, the chipmaker,"), and
/// no one's trade ("a coal miner", "a crane operator" are people).
const FIRM_NOUNS: &[&str] = &[
    "company",
    "firm",
    "chipmaker",
    "carmaker",
    "automaker",
    "retailer",
    "lender",
    "insurer",
    "airline",
    "startup",
    "start-up",
    "conglomerate",
    "manufacturer",
    "brewer",
    "broadcaster",
    "supplier",
    "distributor",
    "utility",
    "drugmaker",
];

/// Tells whether the words from token `e` are an apposition that calls
/// what comes before it a company: a comma, an article, at most three
/// words that describe (no "for" or "of") and a company noun that ends the
/// apposition ("Nvidia, the chipmaker, said", "Brightwater, a British water
/// company,"; not "Jane Doe, a spokeswoman for the company,").
pub(crate) fn firm_apposition(text: &str, toks: &[Tok], flags: &[u32], e: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| word_at(text, t));
    if word(e) != "," || !matches!(word(e + 1), "the" | "a" | "an") {
        return false;
    }
    // Words between: lower case, or a country's ("a Danish wind developer").
    let plain = |j: usize| {
        (matches!(toks[j].shape, Shape::Lower | Shape::LowerHyphen)
            && !matches!(word(j), "for" | "of" | "at" | "with" | "the" | "and" | "to"))
            || flags[j] & (flag::DEMONYM | flag::COUNTRY) != 0
    };
    (e + 2..e + 6).any(|k| {
        FIRM_NOUNS.contains(&word(k))
            && matches!(word(k + 1), "," | "." | ";" | "that" | "which")
            && (e + 2..k).all(plain)
    })
}
