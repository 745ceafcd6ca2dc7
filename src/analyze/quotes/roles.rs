//! The roles people carry in the text ("Sen. Jane Roe", "Roe, the state's
//! senior senator"), so that "the senator said" names the senator rather
//! than whoever was named last.

use super::lexicon::is_title;
use super::tokens::Tok;

/// Role nouns that describe a person in an apposition or a nominal
/// speaker ("the businessman said") besides the titles.
const ROLE_NOUNS: &[&str] = &[
    "businessman",
    "businesswoman",
    "billionaire",
    "candidate",
    "nominee",
    "lawmaker",
    "official",
    "spokesperson",
    "economist",
    "analyst",
    "strategist",
    "lawyer",
    "attorney",
    "professor",
    "author",
    "actor",
    "actress",
    "singer",
    "coach",
    "host",
    "anchor",
    "founder",
    "executive",
    "chief",
    "manager",
    "adviser",
    "advisor",
    "aide",
    "frontrunner",
    "front-runner",
    "republican",
    "democrat",
    "incumbent",
    "challenger",
    "pastor",
    "rabbi",
    "priest",
    "activist",
    "researcher",
    "scientist",
    "doctor",
    "physician",
    "surgeon",
    "neurosurgeon",
    "mogul",
    "tycoon",
    "star",
    "veteran",
];

/// Returns the role a word names, in one spelling per role ("Sen." and
/// "senator" are both "senator"), when it names one.
pub(super) fn role_of(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let role = match lower.as_str() {
        "sen." | "sen" | "sens." | "senator" | "senators" => "senator",
        "gov." | "gov" | "governor" => "governor",
        "rep." | "rep" | "reps." | "representative" | "congressman" | "congresswoman"
        | "congressmember" => "congressman",
        "pres." | "president" => "president",
        "gen." | "general" => "general",
        "spokesman" | "spokeswoman" | "spokesperson" => "spokesman",
        "nominee" | "candidate" => "candidate",
        "front-runner" | "frontrunner" => "frontrunner",
        "businessman" | "businesswoman" | "billionaire" | "mogul" | "tycoon" => "businessman",
        "democrat" | "democratic" => "democrat",
        "republican" | "gop" => "republican",
        "dr." | "dr" | "doctor" | "physician" => "doctor",
        "prof." | "professor" => "professor",
        "mr." | "mrs." | "ms." | "mr" | "mrs" | "ms" | "miss" | "former" | "vice" | "deputy"
        | "acting" | "interim" | "first" | "state" | "u.s." | "national" => return None,
        l if ROLE_NOUNS.contains(&l) || is_title(l) => l,
        _ => return None,
    };
    Some(role.to_string())
}

/// Returns the roles written around the name at token `k`: titles before
/// it and in it ("former Gov. Jane Roe"), and the role nouns of an
/// apposition after it ("Jane Roe, the former governor, …").
pub(super) fn roles_at(toks: &[Tok<'_>], k: usize) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    let from = k.saturating_sub(3);
    let mut end = k;
    while end < toks.len() && end < k + 6 && (toks[end].is_cap() || end == k) {
        end += 1;
    }
    roles.extend(
        toks[from..end]
            .iter()
            .filter(|t| t.is_word())
            .filter_map(|t| role_of(t.text)),
    );
    // Title-case words before the name that are not titles break nothing:
    // "Florida Sen. Jane Roe" is a senator.
    let appos = toks.get(end).is_some_and(|t| t.text == ",")
        && toks
            .get(end + 1)
            .is_some_and(|t| matches!(t.text, "the" | "a" | "an"));
    if appos {
        roles.extend(
            toks[end + 2..toks.len().min(end + 8)]
                .iter()
                .take_while(|t| t.is_word())
                .filter(|t| !t.is_cap())
                .filter_map(|t| role_of(t.text)),
        );
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::{role_of, roles_at};
    use crate::analyze::quotes::tokens::tokenize;

    #[test]
    fn titles_and_abbreviations_are_one_role() {
        assert_eq!(role_of("Sen.").as_deref(), Some("senator"));
        assert_eq!(role_of("senator").as_deref(), Some("senator"));
        assert_eq!(role_of("Mr."), None);
    }

    #[test]
    fn roles_come_from_titles_and_appositions() {
        let toks = tokenize("Yesterday former Gov. Ana Lisboa, the businesswoman, spoke.");
        let k = toks.iter().position(|t| t.text == "Gov.").unwrap_or(0);
        let roles = roles_at(&toks, k);
        assert!(roles.contains(&"governor".to_string()));
        assert!(roles.contains(&"businessman".to_string()));
    }
}
