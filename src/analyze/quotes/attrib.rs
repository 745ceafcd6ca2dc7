//! Finds who a quotation is attributed to: "X said", "said X", "X said: …",
//! "according to X", pronouns and organisation nouns.

use super::lexicon::{Gender, is_govt_noun, is_org_noun, is_org_word, is_particle, is_speech_verb};
use super::people::{People, Speaker};
use super::roles::role_of;
use super::tokens::Tok;
use crate::model::EntityKind;

mod affiliation;
mod described;
mod object;
pub(super) use affiliation::joins_affiliation;
use affiliation::{person_of, unclosed_apposition};
pub(super) use object::{NOT_MODIFIERS, country_of, modifiers_then_cap, object};

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

/// Tells whether a lower-case word names a day of the week.
fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Tells whether a word may sit between a subject and its verb ("also",
/// "has", "jokingly").
fn is_aux(word: &str) -> bool {
    AUX.contains(&word) || (word.len() > 5 && word.ends_with("ly"))
}

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
pub(super) const NOT_INVERTED: &[&str] = &[
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
pub(super) const WINDOW: usize = 40;

/// Tells whether `toks[k]` is a quote mark; a lone `'` is an apostrophe
/// ("the families' homes"), a pair `''` is a quote mark.
pub(super) fn is_quote_mark(toks: &[Tok<'_>], k: usize) -> bool {
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

pub(super) fn lower(t: &Tok<'_>) -> String {
    t.text.to_lowercase()
}

/// Returns the index of the speech verb (or of "according" in "according
/// to") in `win`, the last one when `last` is set.
pub(super) fn find_verb(win: &[Tok<'_>], last: bool) -> Option<usize> {
    let is_verb = |i: usize| {
        let w = lower(&win[i]);
        // "United States", "Post Reports": a capitalised word inside a name.
        let in_name = win[i].is_cap() && i > 0 && win[i - 1].is_cap();
        if in_name && !matches!(w.as_str(), "says" | "said") {
            return false;
        }
        let next = |word: &str| win.get(i + 1).is_some_and(|t| t.text == word);
        let after_next = |word: &str| win.get(i + 2).is_some_and(|t| t.text == word);
        is_speech_verb(&w)
            || (w == "according" && next("to"))
            || (matches!(w.as_str(), "shot" | "fired" | "hit") && next("back"))
            || (matches!(w.as_str(), "pointed" | "points") && next("out"))
            || (matches!(w.as_str(), "went" | "goes") && next("on") && !after_next("to"))
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
pub(super) fn pronoun(word: &str, pos: usize, people: &People) -> Option<Speaker> {
    match word {
        "he" | "him" => Some(people.pronoun(Gender::Male, pos)),
        "she" | "her" => Some(people.pronoun(Gender::Female, pos)),
        "it" => Some(match people.org_it(pos) {
            Some(org) => (Some(org.to_string()), Some(EntityKind::Org)),
            None => (None, None),
        }),
        "they" | "we" | "i" | "you" | "who" => Some((None, None)),
        _ => None,
    }
}

/// Reads the speaker that precedes a verb: the words `win[..v]`, read backwards.
pub(super) fn subject(win: &[Tok<'_>], v: usize, people: &People) -> Option<Speaker> {
    let mut i = v;
    while i > 0 && is_aux(&lower(&win[i - 1])) {
        i -= 1;
    }
    // A day between the subject and its verb: "Smith on Thursday said",
    // "Smith later Thursday night told".
    if i > 1
        && matches!(
            lower(&win[i - 1]).as_str(),
            "morning" | "afternoon" | "evening" | "night"
        )
        && is_weekday(&lower(&win[i - 2]))
    {
        i -= 1;
    }
    if i > 1 && is_weekday(&lower(&win[i - 1])) && !win[i - 2].is_cap() {
        let mut k = i - 1;
        while k > 0 && (lower(&win[k - 1]) == "on" || is_aux(&lower(&win[k - 1]))) {
            k -= 1;
        }
        // "the groups who wrote to her on Thursday say": an object is no subject.
        if k > 0
            && !matches!(
                lower(&win[k - 1]).as_str(),
                "her" | "him" | "them" | "us" | "me"
            )
        {
            i = k;
        }
    }
    // A parenthesis: "Rep. Gwen Moore (D-Wis.) said".
    if i > 0 && win[i - 1].text == ")" {
        i = (0..i - 1).rev().take(10).find(|&j| win[j].text == "(")?;
    }
    // A participle's phrase between commas: "The president, speaking in
    // Durban, added": the subject stands before it.
    if i > 1
        && win[i - 1].text == ","
        && let Some(c) = (i.saturating_sub(10)..i - 1)
            .rev()
            .find(|&c| win[c].text == ",")
        && win
            .get(c + 1)
            .is_some_and(|t| !t.is_cap() && t.text.ends_with("ing"))
        && c > 0
        && win[c + 1..i - 1].iter().all(|t| t.is_word())
    {
        i = c;
    }
    // An apposition: "Smith, the minister of X, said": the leftmost name
    // followed by a comma that resolves to a person, else the nearest.
    if i > 0 && win[i - 1].text == "," {
        // "Of Ortiz, Brandt, who backs Vega, said": a name after a
        // preposition is no subject.
        let preposition = |k: usize| {
            matches!(
                lower(&win[k]).as_str(),
                "of" | "about" | "for" | "to" | "with" | "on"
            )
        };
        let after_preposition = |j: usize| {
            let k = (0..j)
                .rev()
                .find(|&k| !win[k].is_cap())
                .map_or(0, |k| k + 1);
            // A sentence's first word is capitalised: "Of Ortiz, …".
            (k > 0 && preposition(k - 1)) || (k < j && preposition(k))
        };
        let commas: Vec<usize> = (1..i)
            .filter(|&j| win[j].text == "," && (win[j - 1].is_cap() || win[j - 1].text == ")"))
            .filter(|&j| !after_preposition(j))
            .collect();
        let person = commas.iter().copied().find(|&j| {
            let s = subject(win, j, people);
            matches!(s, Some((Some(_), Some(EntityKind::Person))))
        });
        // Read again from there: "Jo Doe (R-Ohio), a member, said".
        return subject(win, person.or(commas.last().copied())?, people);
    }
    if i == 0 {
        return None;
    }
    let t = win[i - 1];
    let w = lower(&t);
    // "Smith, who chairs the panel, said": the name before "who".
    if w == "who" && i >= 3 && win[i - 2].text == "," && win[i - 3].is_cap() {
        return subject(win, i - 2, people);
    }
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
        // "Gov. Jeb Bush of Florida said", "Sam Lau, the spokesman for the
        // Iowa Democratic Party said": the person before the organisation.
        if let Some(s) = person_of(win, j, people).or_else(|| unclosed_apposition(win, j, people)) {
            return Some(s);
        }
        // "Russia's embassy in Brussels said": the embassy speaks.
        if j >= 2
            && matches!(win[j - 1].text, "in" | "at" | "to")
            && is_govt_noun(&lower(&win[j - 2]))
        {
            return subject(win, j - 1, people);
        }
        let words: Vec<&str> = win[j..i].iter().map(|t| t.text).collect();
        return Some(people.phrase(&words, t.start));
    }
    if is_org_noun(&w) || is_govt_noun(&w) {
        let govt = govt_before(win, i - 1, people);
        // "the IMF report said", "Ryan's office said": the name before the noun.
        let owner = (i >= 2 && win[i - 2].is_cap())
            .then(|| subject(win, i - 1, people))
            .flatten()
            .filter(|s| s.0.is_some());
        // "the council said", not "a group called …".
        let definite = (i.saturating_sub(4)..i - 1)
            .rev()
            .find(|&j| matches!(lower(&win[j]).as_str(), "the" | "a" | "an" | "its"))
            .is_some_and(|j| lower(&win[j]) == "the");
        let named = || {
            let kind = i >= 2
                && matches!(
                    lower(&win[i - 2]).as_str(),
                    "rights"
                        | "advocacy"
                        | "lobby"
                        | "militant"
                        | "rebel"
                        | "environmental"
                        | "activist"
                        | "campaign"
                );
            // "the company said", "the rights group said" right after an
            // organisation, with no one named since: that organisation, as
            // "it said" would be.
            let generic = matches!(
                w.as_str(),
                "company" | "firm" | "organization" | "organisation"
            ) || w == "group" && kind;
            definite
                .then(|| {
                    people
                        .org_before(&w, kind, t.start)
                        .or_else(|| generic.then(|| people.org_generic(&w, t.start)).flatten())
                })
                .flatten()
                .map(|o| (Some(o.to_string()), Some(EntityKind::Org)))
        };
        return Some(
            govt.or(owner)
                .or_else(named)
                .unwrap_or((None, Some(EntityKind::Org))),
        );
    }
    nominal(win, i - 1, people)
}

/// Reads "Russia's foreign ministry" or "the British government" backwards
/// from the government noun at `head`: the country it speaks for.
fn govt_before(win: &[Tok<'_>], head: usize, people: &People) -> Option<Speaker> {
    if !is_govt_noun(&lower(&win[head])) {
        return None;
    }
    let owner = (head.saturating_sub(3)..head)
        .rev()
        .find(|&k| win[k].is_cap())?;
    country_of(&win[owner], people).map(|c| (Some(c), Some(EntityKind::Country)))
}

/// Nouns for the sources a story does not name when it writes them with
/// "a" or "one" ("a senior official", "one aide").
const ANONYMOUS: &[&str] = &[
    "official",
    "source",
    "aide",
    "adviser",
    "advisor",
    "insider",
    "friend",
    "person",
    "man",
    "woman",
    "witness",
    "resident",
    "staffer",
    "strategist",
    "operative",
    "diplomat",
    "spokesman",
    "spokeswoman",
    "spokesperson",
];

/// Resolves a role noun ("the spokeswoman said") to the last person named.
pub(super) fn nominal(win: &[Tok<'_>], head: usize, people: &People) -> Option<Speaker> {
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
    // "a senior official said", "one aide said": someone the story does
    // not name, not the last person it named.
    let indefinite = (head.saturating_sub(4)..head)
        .rev()
        .find(|&j| {
            matches!(
                lower(&win[j]).as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "one"
            )
        })
        .is_some_and(|j| matches!(lower(&win[j]).as_str(), "a" | "an" | "one"));
    if indefinite && ANONYMOUS.contains(&w.as_str()) {
        return Some((None, Some(EntityKind::Person)));
    }
    let gender = if w.ends_with("woman")
        || matches!(w.as_str(), "wife" | "mother" | "daughter" | "sister")
    {
        Some(Gender::Female)
    } else if w.ends_with("man") || matches!(w.as_str(), "husband" | "father" | "son" | "brother") {
        Some(Gender::Male)
    } else {
        None
    };
    if let Some(role) = role_of(&w)
        && let Some(s) = people.nearest_role(&role, gender, t.start)
    {
        return Some(s);
    }
    Some(people.nearest(gender, t.start))
}
