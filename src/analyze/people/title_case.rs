//! Names on title-case lines. A headline or subheading that capitalises
//! every word ("Lee Park Slams Budget Plan", "Jo Doe As The New Lee Park")
//! hides where a name ends, so the tagger often runs a name into the words
//! around it. Where the rest of the story names the same person in plain
//! prose, the name on the title-case line is narrowed to that person's
//! words ("Lee Park", "Park").

use super::name::{Name, surname_keys};
use crate::analyze::tagger::{Shape, Tok};
use foldhash::HashSet;

/// Marks the tokens of lines that capitalise (nearly) every word: at least
/// three words, four in five of them capitalised.
pub(super) fn title_case_tokens(toks: &[Tok]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    let mut from = 0;
    while from < toks.len() {
        let to = from
            + 1
            + toks[from + 1..]
                .iter()
                .take_while(|t| !t.line_start)
                .count();
        let words = toks[from..to]
            .iter()
            .filter(|t| !matches!(t.shape, Shape::Punct | Shape::Possessive | Shape::Number));
        let (mut all, mut caps) = (0, 0);
        for t in words {
            all += 1;
            caps += usize::from(t.shape.capitalised());
        }
        if all >= 3 && caps * 5 >= all * 4 {
            out[from..to].iter_mut().for_each(|b| *b = true);
        }
        from = to;
    }
    out
}

/// Narrows every name of two words or more that lies on a title-case line
/// and matches no name written elsewhere to the longest run of its words
/// that does: a full name of the story's prose, or the surname of one.
pub(super) fn narrow(
    text: &str,
    toks: &[Tok],
    flags: &[u32],
    names: Vec<Name>,
    title_case: &[bool],
) -> Vec<Name> {
    let on_title_line = |n: &Name| title_case[n.start];
    let plain: Vec<Name> = names
        .iter()
        .filter(|n| !on_title_line(n) && n.end - n.start >= 2)
        .copied()
        .collect();
    if plain.is_empty() || !names.iter().any(on_title_line) {
        return names;
    }
    let surnames: HashSet<u64> = plain
        .iter()
        .flat_map(|n| surname_keys(text, toks, flags, n))
        .collect();
    let known = |a: usize, b: usize| {
        if b - a == 1 {
            return surnames.contains(&toks[a].hash);
        }
        let sub = Name {
            start: a,
            end: b,
            gender: None,
        };
        plain.iter().any(|p| p.same_person(&sub, text, toks))
    };
    names
        .into_iter()
        .map(|n| {
            let len = n.end - n.start;
            if !on_title_line(&n) || len < 2 || known(n.start, n.end) {
                return n;
            }
            let run = (1..len).rev().find_map(|k| {
                (n.start..=n.end - k)
                    .find(|&a| known(a, a + k))
                    .map(|a| (a, a + k))
            });
            match run.and_then(|(a, b)| Name::clean(text, toks, flags, a, b)) {
                Some(narrowed) => narrowed,
                None => n,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;
    use crate::model::EntityKind;

    /// (canonical name, mention texts) of every person in `text`.
    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        analyze(text)
            .entities
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| (e.name, e.mentions.into_iter().map(|m| m.text).collect()))
            .collect()
    }

    #[test]
    fn a_headline_verb_after_a_name_is_no_part_of_it() {
        let text = "Marisol Okafor Hammers Wells Fargo Chief Over Fees\n\n\
                    Marisol Okafor spoke on Tuesday in the river town, where she met farmers.";
        let found = people(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Marisol Okafor");
        assert_eq!(found[0].1, ["Marisol Okafor", "Marisol Okafor"]);
    }

    #[test]
    fn a_headline_word_before_a_name_is_no_part_of_it() {
        let text = "Senator Paints Rival As The New Marisol Okafor\n\n\
                    Four years ago the party ran against Marisol Okafor, and it worked.";
        let found = people(text);
        assert!(
            found.iter().all(|(name, _)| !name.starts_with("New")),
            "{found:?}"
        );
        let okafor = found.iter().find(|(name, _)| name == "Marisol Okafor");
        assert_eq!(okafor.map(|p| p.1.len()), Some(2), "{found:?}");
    }

    #[test]
    fn a_headline_surname_in_a_longer_run_is_the_person_of_the_prose() {
        let text = "Defiant Brenner Rejects The Budget Deal\n\n\
                    Harold Brenner told reporters on Monday that he would not sign it.";
        let found = people(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Harold Brenner");
        assert_eq!(found[0].1, ["Brenner", "Harold Brenner"]);
    }

    #[test]
    fn names_in_prose_are_left_as_written() {
        // Only title-case lines are narrowed: in a sentence, capitals mark
        // where a name ends ("Marisol Okafor Ruiz" is her full name).
        let text = "Marisol Okafor Ruiz arrived in the capital on Monday.\n\n\
                    Marisol Okafor Ruiz met the minister, and the two spoke for an hour.";
        let found = people(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Marisol Okafor Ruiz");
    }
}
