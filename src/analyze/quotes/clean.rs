//! Cleans the name of a person as a recogniser or a capitalised run gives
//! it: sentence openers and descriptions glued to the front ("If Obama",
//! "Democrat Jane Roe", "Whip John Doe"), words glued to the end ("Jane
//! Roe of"), and places mistaken for people ("Palm Beach").

use super::lexicon::{country_name, is_given_name, is_place, is_speech_verb, is_surname, is_title};
use super::names::{is_role_noun, is_stop, strip, trim_to_name};
use foldhash::HashSet;

/// The lower-case words a text uses, to tell a capitalised common word
/// ("Meanwhile", "Regarding") from a name.
pub(super) type LowerWords<'a> = HashSet<&'a str>;

/// Tells whether the text also writes `word` in lower case.
fn used_lower(word: &str, lower: &LowerWords<'_>) -> bool {
    let l = word.to_lowercase();
    lower.contains(l.as_str())
}

/// Tells whether a word can open a name: a given name, or a word the text
/// never writes in lower case (and that is no sentence opener).
fn opens_name(word: &str, next: Option<&str>, left: usize, lower: &LowerWords<'_>) -> bool {
    if is_given_name(word) {
        return true;
    }
    let l = word.to_lowercase();
    let surname = is_surname(word);
    if is_stop(&l) || is_title(&l) || (l.ends_with("ing") && !surname) || is_speech_verb(&l) {
        return false;
    }
    // "Whip John Doe", "Kentuckian Jo Doe", "Real John Doe": a word before
    // a given name and a surname is a description.
    let before_given = next.is_some_and(is_given_name);
    // "New Jane Doe": a common word before a full name, even one that is
    // also somebody's surname.
    if left >= 3 && (is_role_noun(word) || (before_given && !surname) || used_lower(word, lower)) {
        return false;
    }
    !used_lower(word, lower) || surname
}

/// Tells whether a word describes where someone is from ("Texas-based",
/// "Korean-born"): the name starts after it.
fn origin(word: &str) -> bool {
    ["-based", "-born", "-area", "-bred", "-native"]
        .iter()
        .any(|s| word.ends_with(s))
}

/// Tells whether `word` names a kind of venue or event, which no surname
/// in wire copy is ("Square", "Stadium", "Breakfast").
fn is_venue(word: &str) -> bool {
    const VENUES: [&str; 21] = [
        "airport",
        "avenue",
        "awards",
        "boulevard",
        "bowl",
        "breakfast",
        "cathedral",
        "championship",
        "championships",
        "conference",
        "festival",
        "garden",
        "gardens",
        "museum",
        "olympics",
        "plaza",
        "square",
        "stadium",
        "summit",
        "theater",
        "theatre",
    ];
    VENUES.iter().any(|v| v.eq_ignore_ascii_case(word))
}

/// Returns the person's name in `words`, cleaned, or `None` when the words
/// do not name a person.
pub(super) fn person_name<'a>(words: &[&'a str], lower: &LowerWords<'_>) -> Option<Vec<&'a str>> {
    let words: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !w.is_empty() && w.chars().any(char::is_alphanumeric))
        .collect();
    let (rest, _, _) = strip(&words);
    let mut name: Vec<&str> = trim_to_name(&rest).to_vec();
    if let Some(o) = name.iter().rposition(|w| origin(w)) {
        name.drain(..=o);
    }
    // "Clark County Sheriff Joe Doe", "Fox Chris Doe": the name starts at a
    // given name that follows a word of another kind.
    let initial = |w: &str| w.trim_end_matches('.').chars().count() == 1;
    if let Some(g) = (1..name.len()).rev().find(|&g| {
        let before = name[g - 1];
        is_given_name(name[g])
            && !is_given_name(before)
            && !initial(before)
            && (2..=3).contains(&(name.len() - g))
    }) {
        name.drain(..g);
    }
    while !name.is_empty() && !opens_name(name[0], name.get(1).copied(), name.len(), lower) {
        name.remove(0);
    }
    // "Jane Roe of", "Jane Roe In": a word of the next phrase.
    while name.len() >= 2 && {
        let l = name[name.len() - 1].to_lowercase();
        is_stop(&l) || (l.len() <= 3 && name[name.len() - 1].chars().all(char::is_lowercase))
    } {
        name.pop();
    }
    let first = *name.first()?;
    let last = *name.last()?;
    // "Super Bowl", "Trump Tower": a last word the text writes in lower
    // case is a common noun, unless it is a known surname.
    if name.len() >= 2 && used_lower(last, lower) && !is_surname(last) {
        return None;
    }
    // "Madison Square Garden", "the Christian Monitor Breakfast": a venue
    // or an event ends no one's name, whatever words open it.
    if name.len() >= 2 && is_venue(last) {
        return None;
    }
    // "N. Korea", "African American", "Sponsors": a country, a demonym or
    // a plural role noun ends no one's name; after a given name the last
    // word is a surname ("Ryan Leenders").
    let nation = country_name(last).is_some() && !is_given_name(last);
    let after_given = name.len() >= 2 && is_given_name(first);
    let plural = !after_given
        && last
            .strip_suffix('s')
            .is_some_and(|stem| !stem.ends_with('s') && is_role_noun(stem));
    if !is_surname(last) && (nation || plural) {
        return None;
    }
    let joined = name.join(" ");
    let given = is_given_name(first);
    if !given && (is_place(&joined) || country_name(&joined).is_some()) {
        // "Washington" and "Lincoln" are surnames as well as places.
        if name.len() > 1 || !is_surname(first) {
            return None;
        }
    }
    Some(name)
}

#[cfg(test)]
mod tests {
    use super::{LowerWords, person_name};

    fn clean(name: &str, text_lower: &[&'static str]) -> Option<String> {
        let lower: LowerWords<'_> = text_lower.iter().copied().collect();
        let words: Vec<&str> = name.split_whitespace().collect();
        person_name(&words, &lower).map(|n| n.join(" "))
    }

    #[test]
    fn openers_and_descriptions_come_off_the_front() {
        assert_eq!(clean("If Obama", &[]).as_deref(), Some("Obama"));
        assert_eq!(
            clean("Meanwhile Dana Whitfield", &[]).as_deref(),
            Some("Dana Whitfield")
        );
        assert_eq!(
            clean("Regarding Okafor", &["regarding"]).as_deref(),
            Some("Okafor")
        );
        assert_eq!(
            clean("Whip Peter Lindqvist", &[]).as_deref(),
            Some("Peter Lindqvist")
        );
        assert_eq!(
            clean("Democrat Helen Brandt", &[]).as_deref(),
            Some("Helen Brandt")
        );
    }

    #[test]
    fn words_of_the_next_phrase_come_off_the_end() {
        assert_eq!(
            clean("Marta Kowalczyk of", &[]).as_deref(),
            Some("Marta Kowalczyk")
        );
    }

    #[test]
    fn ordinary_names_stay_whole() {
        assert_eq!(
            clean("Reinhold Vasquez", &["said"]).as_deref(),
            Some("Reinhold Vasquez")
        );
        assert_eq!(
            clean("Mary Ann Holt", &["mary"]).as_deref(),
            Some("Mary Ann Holt")
        );
    }

    #[test]
    fn common_words_are_no_names() {
        assert_eq!(clean("Smiling", &[]), None);
        assert_eq!(clean("Hours", &["hours"]), None);
        assert_eq!(clean("Harbour Stadium", &["stadium"]), None);
        assert_eq!(clean("Madison Square Garden", &[]), None);
        assert_eq!(clean("Christian Monitor Breakfast", &[]), None);
        assert_eq!(
            clean("New Tomas Weir", &["new"]).as_deref(),
            Some("Tomas Weir")
        );
        assert_eq!(clean("Voters", &[]), None);
        assert_eq!(
            clean("Harbour County Warden Tomas Weir", &[]).as_deref(),
            Some("Tomas Weir")
        );
        assert_eq!(
            clean("Leeds-born Tomas Weir", &[]).as_deref(),
            Some("Tomas Weir")
        );
    }

    #[test]
    fn places_are_not_people() {
        assert_eq!(clean("New Hampshire", &[]), None);
        assert_eq!(clean("Boca Raton", &[]), None);
    }
}
