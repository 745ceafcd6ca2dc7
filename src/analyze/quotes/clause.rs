//! Where an attribution sits around a quotation: the words after it
//! (`", she said."`), before it (`Smith said: "`), the clause that
//! introduces it (`Smith bristled, saying, "`), a signature line
//! (`— Jane Doe`), or the last speaker named in the paragraphs before.

use super::attrib::{
    NOT_INVERTED, NOT_MODIFIERS, WINDOW, find_verb, is_quote_mark, lower, modifiers_then_cap,
    object, pronoun, subject,
};
use super::names::is_stop;
use super::people::{People, Speaker};
use super::tokens::Tok;
pub(super) use edges::pronoun_after;
use edges::{affiliated_name, passive, sentence_before, tail};

mod edges;
mod subject;
use crate::model::EntityKind;
use subject::clause_subject;

/// Words that may follow a verb that closes an attribution ("said on
/// Friday", "said in a statement", "asked, smiling").
const CLOSERS: &[&str] = &[
    "on",
    "in",
    "at",
    "as",
    "after",
    "before",
    "during",
    "while",
    "when",
    "later",
    "then",
    "of",
    "about",
    "to",
    "from",
    "with",
    "by",
    "yesterday",
    "today",
    "tonight",
    "last",
    "this",
    "earlier",
    "afterward",
    "afterwards",
    "again",
    "also",
    "too",
    "through",
    "via",
    "over",
    "during",
    "once",
];

/// Tells whether the verb at `v` goes on to report a clause or an object of
/// its own rather than closing the attribution; verbs of asking and telling
/// take their listener ("Todd asked the candidate").
fn reports_more(win: &[Tok<'_>], v: usize) -> bool {
    if matches!(lower(&win[v]).as_str(), "told" | "tells" | "asked" | "asks") {
        return false;
    }
    win.get(v + 1).is_some_and(|t| {
        let w = lower(t);
        let date = t.is_cap() && is_stop(&w);
        t.is_word() && !CLOSERS.contains(&w.as_str()) && !w.ends_with("ly") && !date
    })
}

/// Finds an attribution in the words after a quotation (`", she said."`).
pub(super) fn after(toks: &[Tok<'_>], from: usize, people: &People) -> Option<Speaker> {
    // Two marks close the quote and a third, touching them, the quote
    // nested at its very end: the attribution comes after the third.
    let mut from = from;
    while from > 0
        && toks.get(from).is_some_and(|t| {
            let p = toks[from - 1];
            matches!(t.text, "'" | "’")
                && matches!(p.text, "'" | "’" | "”" | "\"")
                && t.start == p.start + p.text.len()
        })
    {
        from += 1;
    }
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
    // A signature on the line below: "…”\n\n— Bernie Sanders."
    if end == from
        && toks.get(from).is_some_and(Tok::is_break)
        && let Some(s) = signature(toks, from + 1, people)
    {
        return Some(s);
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
    // "“…,” when Clinton blasted him": a clause of its own, not the
    // quote's attribution ("as Smith put it" is one); the attribution may
    // follow it ("“…” if she loses, said Jo Doe", "… before the vote, he
    // said"). "After all, he says" is no such clause.
    let subordinate = win
        .get(lead)
        .is_some_and(|t| SUBORDINATORS.contains(&lower(t).as_str()))
        && win.get(lead + 1).is_none_or(|t| t.text != "all");
    // "“…” that Doe can win, said Jo Roe", "“…” for Doe, said Jo Roe": a
    // partial quote's sentence runs on, then the attribution.
    let runs_on = v > lead + 1
        && win.get(lead).is_some_and(|t| {
            t.is_word()
                && !t.is_cap()
                && NOT_MODIFIERS.contains(&lower(t).as_str())
                && pronoun(&lower(t), t.start, people).is_none()
        });
    if runs_on && win[v - 1].text == "," {
        return inverted(win, v, people);
    }
    if subordinate && v > lead + 1 {
        return if win[v - 1].text == "," {
            inverted(win, v, people)
        } else if v >= 2 && win[v - 2].text == "," {
            subject(win, v, people)
        } else {
            None
        };
    }
    // "… ,” the economist Jo Doe, a former adviser, wrote": a description
    // may come before the name.
    let named = win.get(lead).is_some_and(Tok::is_cap) || modifiers_then_cap(win, lead).is_some();
    let apposition = named && win[lead..v].iter().any(|t| t.text == "," || t.text == "(");
    if v > 8 && !apposition && !tail(win, v) && !affiliated_name(win, lead, v) {
        return None;
    }
    // A quote that ends its sentence is followed by a new one, not by its
    // attribution, when the verb goes on to report something of its own
    // (“….” He also said Trump's plan …); “….” Smith said on Friday is fine.
    let closed = (0..from)
        .rev()
        .find(|&k| !is_quote_mark(toks, k) && !matches!(toks[k].text, "'" | "’"))
        .is_some_and(|k| matches!(toks[k].text, "." | "!" | "?"));
    if closed && v > 0 && reports_more(win, v) {
        return None;
    }
    // “….” Smith said: “…” or “….” Of Doe, Smith said, “…”: the
    // attribution introduces the next quote.
    let introduces = match win.last().map(|t| t.text) {
        Some(":") => true,
        Some(",") => end < toks.len() && is_quote_mark(toks, end),
        _ => false,
    };
    if closed && introduces {
        return None;
    }
    // “…,” Smith was asked by Jones: the one who asks speaks.
    if passive(win, v) {
        return object(win, v + 2, people);
    }
    let words_before = win[..v].iter().filter(|t| t.is_word()).count();
    if words_before > 0 {
        // "…” about the plan, said Jo Doe": no subject, then inverted.
        subject(win, v, people).or_else(|| inverted(win, v, people))
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
    // The words before stop at an earlier quotation inside the same clause
    // ("Gore called it “premature” while adding, “"): its subject is not
    // among them. One that closed with a comma ended its clause ("“… force,”
    // Will described Trump as a “").
    let mid_sentence = start > 1
        && is_quote_mark(toks, start - 1)
        && !toks[start - 2].ends_sentence()
        && !matches!(toks[start - 2].text, "," | ":" | ";");
    let intro = win.last().is_some_and(|t| matches!(t.text, "," | ":"));
    if let Some(v) = find_verb(win, true) {
        // "Christie bristled at the question, saying, “": the clause's subject speaks.
        let participle = v > 0 && lower(&win[v]).ends_with("ing");
        let found = if passive(win, v) {
            // "Smith was asked by host Jo Doe, “": the one who asks speaks.
            object(win, v + 2, people)
        } else if participle && win[v - 1].text == "," {
            // "They meet next week, Spicer said, adding, “": the one who
            // said what the participle adds to.
            speaker_of_verb_before(win, v - 1, people)
                .or_else(|| clause_subject(&win[..v - 1], people))
        } else if participle {
            // "footage of Trump saying, “": the name before the participle;
            // "Smith issued a statement Tuesday saying, “", "Silverman, a
            // Sanders fan, drew boos upon saying, “": the clause's subject.
            let linked = matches!(
                lower(&win[v - 1]).as_str(),
                "upon" | "on" | "after" | "before" | "while" | "by" | "without" | "in" | "when"
            );
            match subject(win, v, people) {
                s @ Some((Some(_), Some(EntityKind::Person))) if !linked => s,
                _ if mid_sentence => None,
                _ => clause_subject(&win[..v], people),
            }
        } else {
            infinitive(win, v, people)
                .or_else(|| subject(win, v, people))
                .or_else(|| inverted(win, v, people))
        };
        // "Jo Doe, 70, said it was early but added, “": the clause's subject.
        let joined = v > 0 && matches!(lower(&win[v - 1]).as_str(), "but" | "and");
        let found = match found {
            Some((None, _)) | None if joined => speaker_of_verb_before(win, v - 1, people)
                .or_else(|| clause_subject(&win[..v - 1], people)),
            f => f,
        };
        if found.is_some() {
            return found;
        }
    }
    // "Jo Doe said in a statement. “…”": the sentence before the quote
    // attributes it when its verb reports nothing of its own.
    if win.is_empty()
        && start > 1
        && toks[start - 1].text == "."
        && let Some(s) = sentence_before(toks, start - 1, people)
    {
        return Some(s);
    }
    // "Jo Doe delivered a message to Smith: “": a named subject of a
    // clause that ends in a colon speaks.
    if win.len() > 4
        && win.last().is_some_and(|t| t.text == ":")
        && let Some(s @ (Some(_), Some(EntityKind::Person))) =
            clause_subject(&win[..win.len() - 1], people)
    {
        return Some(s);
    }
    // "Hannity interjected: “", "Ryan: ‘": the name before the colon.
    if win.last().is_some_and(|t| t.text == ":")
        && let Some(s) = name_before(win, win.len() - 1, people)
    {
        return Some(s);
    }
    // The sentence's subject is before the earlier quotation; the speaker
    // of that one goes on (see find_quotes).
    if mid_sentence {
        return None;
    }
    if intro {
        return clause_subject(&win[..win.len() - 1], people);
    }
    // A partial quote inside a sentence ("Trump defended “New York values”"):
    // the sentence's subject, when it is named.
    clause_subject(win, people).filter(|s| s.0.is_some())
}

/// Returns the named speaker of the first speech verb in `win[..end]`
/// ("Lazar said he welcomed it and added, “": Lazar), not of a verb it
/// reports ("Trump told reporters that Clinton said …, adding": Trump).
fn speaker_of_verb_before(win: &[Tok<'_>], end: usize, people: &People) -> Option<Speaker> {
    let said = find_verb(&win[..end], false)?;
    subject(win, said, people).filter(|s| s.0.is_some())
}

/// Words that open a clause of its own after a quotation ("“…,” when
/// Smith objected").
const SUBORDINATORS: &[&str] = &[
    "when", "while", "after", "before", "because", "until", "since", "if", "though", "although",
    "whereas", "once", "unless",
];

/// Reads the subject of a speech verb in the infinitive: "Trump was
/// prompted to say, “", "Doe went on to say, “": the name before the
/// verbs that lead to it.
fn infinitive(win: &[Tok<'_>], v: usize, people: &People) -> Option<Speaker> {
    if v < 2 || lower(&win[v - 1]) != "to" {
        return None;
    }
    let mut j = v - 1;
    while j > 0 && v - 1 - j < 3 && win[j - 1].is_word() && !win[j - 1].is_cap() {
        j -= 1;
    }
    if j == v - 1 || j == 0 || !win[j - 1].is_cap() {
        return None;
    }
    subject(win, j, people).filter(|s| s.0.is_some())
}

/// Reads the name right before `at` ("Sen. Jane Roe: “"): a capitalised
/// run, possibly after a description ("pollster Dan Shaw").
fn name_before(win: &[Tok<'_>], at: usize, people: &People) -> Option<Speaker> {
    let last = at.checked_sub(1)?;
    if !win[last].is_cap() {
        return None;
    }
    let mut j = last;
    while j > 0 && (win[j - 1].is_cap() || win[j - 1].text == "." && j >= 2 && win[j - 2].is_cap())
    {
        j -= 1;
    }
    let words: Vec<&str> = win[j..at].iter().map(|t| t.text).collect();
    Some(people.phrase(&words, win[last].start))
}

/// Reads a signature line opening at `at`: a dash, then a name.
fn signature(toks: &[Tok<'_>], at: usize, people: &People) -> Option<Speaker> {
    let dash = toks.get(at)?;
    if !matches!(dash.text, "—" | "―" | "–" | "-") || !toks.get(at + 1).is_some_and(Tok::is_cap)
    {
        return None;
    }
    let end = (at + 1..toks.len().min(at + 8))
        .find(|&k| matches!(toks[k].text, "," | "." | "\n"))
        .unwrap_or(toks.len().min(at + 8));
    object(&toks[at..end], 1, people)
}

/// Reads an inverted speaker after the verb at `v`, for verbs that invert.
fn inverted(win: &[Tok<'_>], v: usize, people: &People) -> Option<Speaker> {
    if NOT_INVERTED.contains(&lower(&win[v]).as_str()) {
        return None;
    }
    object(win, v + 1, people)
}
