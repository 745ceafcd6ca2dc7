//! Reading names from capitalised words: sentence openers, titles,
//! particles, possessives, initials, and where a person's name starts in a
//! longer run ("Texas-based Matt Mackowiak").

use super::lexicon::{
    Gender, honorific_gender, is_given_name, is_org_word, is_particle_any_case, is_person_title,
    is_surname, is_title,
};
use super::tokens::Tok;

/// Capitalised words that open sentences rather than names.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "when",
    "if",
    "as",
    "after",
    "before",
    "while",
    "yet",
    "so",
    "then",
    "it",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "by",
    "from",
    "with",
    "of",
    "to",
    "also",
    "asked",
    "still",
    "now",
    "even",
    "though",
    "although",
    "because",
    "since",
    "until",
    "meanwhile",
    "unless",
    "whether",
    "whatever",
    "whenever",
    "wherever",
    "whoever",
    "thus",
    "hence",
    "perhaps",
    "maybe",
    "what",
    "why",
    "how",
    "where",
    "which",
    "dear",
    "however",
    "instead",
    "during",
    "under",
    "over",
    "about",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "i'm",
    "i'll",
    "i've",
    "i'd",
    "i’m",
    "i’ll",
    "i’ve",
    "i’d",
    "against",
    "into",
    "without",
    "between",
    "among",
    "through",
    "across",
    "toward",
    "towards",
    "upon",
    "both",
    "each",
    "either",
    "neither",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(super) fn is_stop(lower: &str) -> bool {
    STOP.contains(&lower)
}

/// Strips leading stop words and titles; returns the rest and any gender a
/// title implied, and whether a title that only people carry was present.
pub(super) fn strip<'a>(words: &[&'a str]) -> (Vec<&'a str>, Option<Gender>, bool) {
    let mut gender = None;
    let mut titled = false;
    let mut i = 0;
    // The last word is never a title ("Mr. King").
    while i + 1 < words.len() {
        let lower = words[i].to_lowercase();
        if is_stop(&lower) && !titled {
            i += 1;
        } else if is_title(&lower) {
            gender = gender.or(honorific_gender(&lower));
            titled |= is_person_title(&lower);
            i += 1;
        } else {
            break;
        }
    }
    // A title later in the run ("Massachusetts Sen. Elizabeth Warren") starts
    // the name; the last word is a name even when it is a title too ("Today
    // Mr. King").
    let mut rest = &words[i..];
    if let Some(t) = rest[..rest.len().saturating_sub(1)]
        .iter()
        .rposition(|w| is_title(&w.to_lowercase()))
    {
        let lower = rest[t].to_lowercase();
        gender = gender.or(honorific_gender(&lower));
        titled |= is_person_title(&lower);
        rest = &rest[t + 1..];
    }
    (rest.to_vec(), gender, titled)
}

pub(super) fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// Tells whether the phrase names an organisation.
pub(super) fn is_org(words: &[&str]) -> bool {
    words.iter().any(|w| is_org_word(&w.to_lowercase()))
        || (words.len() == 1 && is_acronym(words[0]))
}

/// Tells whether `toks[at..]` is one or more particles and then a
/// capitalised word ("von der Heide").
pub(super) fn particles_then_name(toks: &[Tok<'_>], at: usize) -> bool {
    let mut j = at;
    while toks.get(j).is_some_and(|t| is_particle_any_case(t.text)) {
        j += 1;
    }
    j > at && toks.get(j).is_some_and(Tok::is_cap)
}

/// Strips a possessive ending ("Trump's"), telling whether there was one.
pub(super) fn unpossess(word: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return (stem, true);
        }
    }
    (word, false)
}

/// Returns the runs of capitalised words (with particles and initials
/// inside): the byte range each covers and its words.
pub(super) fn cap_runs<'a>(toks: &[Tok<'a>]) -> Vec<(usize, usize, Vec<&'a str>)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_cap() {
            i += 1;
            continue;
        }
        let start = toks[i].start;
        let (first, mut done) = unpossess(toks[i].text);
        let mut words = vec![first];
        let mut j = i + 1;
        while j < toks.len() && !done {
            let t = toks[j];
            if t.is_cap() {
                let (w, possessive) = unpossess(t.text);
                words.push(w);
                done = possessive;
            } else if particles_then_name(toks, j) {
                words.push(t.text);
            } else {
                break;
            }
            j += 1;
        }
        let last = toks[j - 1];
        runs.push((start, last.start + last.text.len(), words));
        i = j;
    }
    runs
}

/// Tells whether `short` is an initial ("B.") of `full`, or the other way.
pub(crate) fn initial_of(a: &str, b: &str) -> bool {
    let ini = |s: &str| s.trim_end_matches('.').chars().count() == 1;
    let head = |s: &str| s.chars().next();
    (ini(a) || ini(b)) && head(a) == head(b)
}

/// Tells whether a word is a title, also when hyphenated ("Secretary-Treasurer").
fn is_title_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    is_title(&lower) || lower.split('-').any(is_title)
}

/// Tells whether a capitalised word looks like a role or a description
/// ("Pollster", "Billionaire", "Republican", "South Korean-born") rather
/// than a name: an English ending or a sentence opener, and neither a given
/// name nor a known surname ("Baker" stays a name, so does "Mehmet").
pub(super) fn is_role_noun(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "er", "ist", "ant", "ent", "or", "ian", "an", "aire", "man", "woman", "ies", "born", "ed",
        "al", "ic", "ive",
    ];
    let lower = word.to_lowercase();
    (is_stop(&lower) || ENDINGS.iter().any(|s| lower.ends_with(s)))
        && !is_given_name(word)
        && !is_surname(word)
}

/// Cuts a long run of capitalised words to the person's name at its end:
/// "United Auto Workers Secretary-Treasurer Gary Casteel" → "Gary Casteel",
/// "Texas-based Matt Mackowiak" → "Matt Mackowiak". Wire copy stacks
/// employers, places and roles before a name; the name is the last two or
/// three words, starting at a given name or after the last title.
pub(super) fn trim_to_name<'a, 'b>(words: &'b [&'a str]) -> &'b [&'a str] {
    if words.len() < 2 {
        return words;
    }
    if let Some(t) = words
        .iter()
        .rposition(|w| is_title_word(w) || w.contains("-based"))
        && t + 1 < words.len()
        && t > 0
    {
        return trim_to_name(&words[t + 1..]);
    }
    // An organisation ("CNN Jake Tapper") or a role noun opening the
    // sentence ("Pollster Dana Whitfield") before a given name.
    let org_first = words[..words.len() - 2].iter().any(|w| is_org(&[w]));
    if (org_first || is_role_noun(words[0])) && words.len() >= 3 && !is_given_name(words[0]) {
        let from = words.len().saturating_sub(3).max(1);
        if let Some(g) = (from..words.len() - 1).find(|&g| is_given_name(words[g])) {
            return &words[g..];
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::trim_to_name;

    #[test]
    fn long_runs_are_cut_to_the_name_at_their_end() {
        let run = [
            "Harbour",
            "Rowing",
            "Club",
            "Secretary-Treasurer",
            "Ines",
            "Duarte",
        ];
        assert_eq!(trim_to_name(&run), ["Ines", "Duarte"]);
        assert_eq!(
            trim_to_name(&["Leeds-based", "Paul", "Vance"]),
            ["Paul", "Vance"]
        );
    }

    #[test]
    fn ordinary_names_are_kept_whole() {
        assert_eq!(
            trim_to_name(&["Mary", "Ann", "Holt"]),
            ["Mary", "Ann", "Holt"]
        );
        assert_eq!(trim_to_name(&["Okonkwo-Reyes"]), ["Okonkwo-Reyes"]);
    }
}
