//! Finds who a quotation is attributed to: "X said", "said X", "X said: …",
//! "according to X", pronouns and organisation nouns.

use super::lexicon::{Gender, is_org_noun, is_org_word, is_particle, is_speech_verb, is_title};
use super::people::{People, Speaker, particles_then_name, unpossess};
use super::tokens::Tok;
use crate::model::EntityKind;

/// Words that may sit between a subject and its speech verb.
const AUX: &[&str] = &[
    "also",
    "has",
    "had",
    "have",
    "later",
    "then",
    "previously",
    "once",
    "recently",
    "would",
    "will",
    "reportedly",
    "further",
    "is",
    "was",
    "repeatedly",
    "again",
    "earlier",
    "quickly",
    "simply",
    "just",
    "flatly",
    "publicly",
    "privately",
    "often",
    "has",
    "never",
    "may",
    "might",
    "could",
    "did",
    "does",
    "had",
    "subsequently",
    "first",
    "last",
    "already",
];

/// Role nouns that sit between an organisation and a name ("CNN host X").
const ROLES: &[&str] = &[
    "host",
    "anchor",
    "columnist",
    "writer",
    "analyst",
    "strategist",
    "correspondent",
    "reporter",
    "economist",
    "lawyer",
    "widow",
    "aide",
    "official",
    "pollster",
    "editor",
    "founder",
    "member",
    "activist",
    "researcher",
    "professor",
    "student",
    "voter",
];

/// Speech verbs whose following noun is the listener or the thing said,
/// never an inverted speaker ("told reporters", "asking her").
const NOT_INVERTED: &[&str] = &[
    "told",
    "tells",
    "telling",
    "asking",
    "saying",
    "adding",
    "writing",
    "calling",
    "called",
    "calls",
    "describing",
    "described",
    "urged",
    "denied",
    "confirmed",
    "blasted",
    "chided",
    "charged",
    "warning",
    "noting",
    "explaining",
    "reads",
    "reports",
    "reported",
];

/// The most words an attribution window looks at.
const WINDOW: usize = 40;

/// Tells whether `toks[k]` is a quote mark; a lone `'` is an apostrophe
/// ("the families' homes"), a pair `''` is a quote mark.
fn is_quote_mark(toks: &[Tok<'_>], k: usize) -> bool {
    match toks[k].text {
        "\"" | "“" | "”" | "«" | "»" | "‘" => true,
        "'" => {
            let pair =
                |j: Option<usize>| j.and_then(|j| toks.get(j)).is_some_and(|t| t.text == "'");
            pair(k.checked_sub(1)) || pair(Some(k + 1))
        }
        _ => false,
    }
}

fn lower(t: &Tok<'_>) -> String {
    t.text.to_lowercase()
}

/// Returns the index of the speech verb (or of "according" in "according
/// to") in `win`, the last one when `last` is set.
fn find_verb(win: &[Tok<'_>], last: bool) -> Option<usize> {
    let is_verb = |i: usize| {
        let w = lower(&win[i]);
        is_speech_verb(&w) || (w == "according" && win.get(i + 1).is_some_and(|t| t.text == "to"))
    };
    if last {
        (0..win.len()).rev().find(|&i| is_verb(i))
    } else {
        (0..win.len()).find(|&i| is_verb(i))
    }
}

/// Tells whether `win[k]` is the "of" inside an organisation's name
/// ("Bank of England", "Confederation of British Industry").
fn org_of(win: &[Tok<'_>], k: usize) -> bool {
    win[k].text == "of"
        && k > 0
        && is_org_word(&lower(&win[k - 1]))
        && win.get(k + 1).is_some_and(Tok::is_cap)
}

/// Resolves a pronoun, when the word is one.
fn pronoun(word: &str, pos: usize, people: &People) -> Option<Speaker> {
    match word {
        "he" | "him" => Some(people.pronoun(Gender::Male, pos)),
        "she" | "her" => Some(people.pronoun(Gender::Female, pos)),
        "they" | "we" | "i" | "it" | "you" | "who" => Some((None, None)),
        _ => None,
    }
}

/// Reads the speaker that precedes a verb: the words `win[..v]`, read backwards.
fn subject(win: &[Tok<'_>], v: usize, people: &People) -> Option<Speaker> {
    let mut i = v;
    while i > 0 && AUX.contains(&lower(&win[i - 1]).as_str()) {
        i -= 1;
    }
    // A parenthesis: "Rep. Gwen Moore (D-Wis.) said".
    if i > 0 && win[i - 1].text == ")" {
        i = (0..i - 1).rev().take(10).find(|&j| win[j].text == "(")?;
    }
    // An apposition: "Smith, the minister of X, said": the leftmost name
    // followed by a comma that resolves to a person, else the nearest.
    if i > 0 && win[i - 1].text == "," {
        let commas: Vec<usize> = (1..i)
            .filter(|&j| win[j].text == "," && (win[j - 1].is_cap() || win[j - 1].text == ")"))
            .collect();
        let person = commas.iter().copied().find(|&j| {
            let s = subject(win, j, people);
            matches!(s, Some((Some(_), Some(EntityKind::Person))))
        });
        i = person.or(commas.last().copied())?;
    }
    if i == 0 {
        return None;
    }
    let t = win[i - 1];
    let w = lower(&t);
    if let Some(s) = pronoun(&w, t.start, people) {
        return Some(s);
    }
    if t.is_cap() {
        let mut j = i - 1;
        while j > 0
            && (win[j - 1].is_cap() || is_particle(&lower(&win[j - 1])) || org_of(win, j - 1))
        {
            j -= 1;
        }
        let words: Vec<&str> = win[j..i].iter().map(|t| t.text).collect();
        return Some(people.phrase(&words, t.start));
    }
    if is_org_noun(&w) {
        return Some((None, Some(EntityKind::Org)));
    }
    nominal(win, i - 1, people)
}

/// Resolves a role noun ("the spokeswoman said") to the last person named.
fn nominal(win: &[Tok<'_>], head: usize, people: &People) -> Option<Speaker> {
    let t = win[head];
    if !t.is_word() || t.is_cap() {
        return None;
    }
    let det = (head.saturating_sub(4)..head).any(|j| {
        matches!(
            lower(&win[j]).as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "one"
        )
    });
    if !det {
        return None;
    }
    let w = lower(&t);
    let gender = if w.ends_with("woman")
        || matches!(w.as_str(), "wife" | "mother" | "daughter" | "sister")
    {
        Some(Gender::Female)
    } else if w.ends_with("man") || matches!(w.as_str(), "husband" | "father" | "son" | "brother") {
        Some(Gender::Male)
    } else {
        None
    };
    Some(people.nearest(gender, t.start))
}

/// Reads the speaker that follows a verb: "said Foreign Minister X",
/// "said the ministry", "according to X".
fn object(win: &[Tok<'_>], from: usize, people: &People) -> Option<Speaker> {
    let mut i = from;
    if win.get(i).is_some_and(|t| t.text == "to") {
        i += 1;
    }
    let t = *win.get(i)?;
    let w = lower(&t);
    if let Some(s) = pronoun(&w, t.start, people) {
        return Some(s);
    }
    // Lower-case determiners and titles before a name ("the", "foreign minister").
    while win.get(i).is_some_and(|t| {
        !t.is_cap() && (is_title(&lower(t)) || matches!(lower(t).as_str(), "the" | "a" | "an"))
    }) {
        i += 1;
    }
    let t = *win.get(i)?;
    if t.is_cap() {
        let mut j = i + 1;
        while j < win.len() && (win[j].is_cap() || particles_then_name(win, j) || org_of(win, j)) {
            j += 1;
        }
        // "said MSNBC host Chris Matthews": the name after the role.
        if let (Some(role), Some(next)) = (win.get(j), win.get(j + 1))
            && !role.is_cap()
            && role.is_word()
            && (is_title(&lower(role)) || ROLES.contains(&lower(role).as_str()))
            && next.is_cap()
        {
            return object(win, j + 1, people);
        }
        // "said Nigeria's foreign minister, Amara Okonkwo-Reyes": the name
        // after the possessive and its role.
        if unpossess(win[j - 1].text).1 {
            let next = (j..win.len().min(j + 6)).find(|&k| win[k].is_cap());
            let between_ok = next.is_some_and(|k| {
                win[j..k].iter().all(|t| {
                    let l = lower(t);
                    t.text == "," || is_title(&l) || ROLES.contains(&l.as_str())
                })
            });
            if let (Some(k), true) = (next, between_ok) {
                return object(win, k, people);
            }
        }
        let words: Vec<&str> = win[i..j].iter().map(|t| t.text).collect();
        return Some(people.phrase(&words, t.start));
    }
    if is_org_noun(&lower(&t)) {
        return Some((None, Some(EntityKind::Org)));
    }
    None
}

/// Finds an attribution in the words after a quotation (`", she said."`).
pub(super) fn after(toks: &[Tok<'_>], from: usize, people: &People) -> Option<Speaker> {
    let mut end = from;
    let mut depth = 0usize;
    while end < toks.len() && end - from < WINDOW {
        let t = &toks[end];
        if is_quote_mark(toks, end) || t.is_break() {
            break;
        }
        end += 1;
        match t.text {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if t.ends_sentence() && depth == 0 => break,
            _ => {}
        }
    }
    let win = &toks[from..end];
    // A dash and a name with no verb: "… ” — Pamela Padilla".
    if let [dash, first, ..] = win
        && matches!(dash.text, "—" | "―" | "–" | "-")
        && first.is_cap()
        && find_verb(win, false).is_none()
    {
        return object(win, 1, people);
    }
    let v = find_verb(win, false)?;
    // Far from the quote only after a name and its apposition.
    let lead = usize::from(win.first().is_some_and(|t| t.text == ","));
    let apposition = win.get(lead).is_some_and(Tok::is_cap)
        && win[lead..v].iter().any(|t| t.text == "," || t.text == "(");
    if v > 8 && !apposition {
        return None;
    }
    let words_before = win[..v].iter().filter(|t| t.is_word()).count();
    if words_before > 0 {
        subject(win, v, people)
    } else {
        inverted(win, v, people)
    }
}

/// Finds an attribution in the words before a quotation (`X said: "`).
pub(super) fn before(toks: &[Tok<'_>], to: usize, people: &People) -> Option<Speaker> {
    // "Smith said:" closing the paragraph before the quote.
    let to = if to >= 2 && toks[to - 1].is_break() && toks[to - 2].text == ":" {
        to - 1
    } else {
        to
    };
    let mut start = to;
    while start > 0 && to - start < WINDOW {
        let t = &toks[start - 1];
        if is_quote_mark(toks, start - 1) || t.ends_sentence() {
            break;
        }
        start -= 1;
    }
    let win = &toks[start..to];
    let v = find_verb(win, true)?;
    subject(win, v, people).or_else(|| inverted(win, v, people))
}

/// Reads an inverted speaker after the verb at `v`, for verbs that invert.
fn inverted(win: &[Tok<'_>], v: usize, people: &People) -> Option<Speaker> {
    if NOT_INVERTED.contains(&lower(&win[v]).as_str()) {
        return None;
    }
    object(win, v + 1, people)
}
