//! Names people and organisations in the text, and resolves a speaker phrase
//! ("Okonkwo-Reyes", "she", "the ministry") to the fullest name used.

use super::clean::{LowerWords, person_name};
use super::lexicon::{
    Gender, country_name, is_given_name, is_person_title, is_surname, is_title, kin_gender,
    name_gender,
};
use super::names::{cap_runs, unpossess};
use super::roles::roles_at;
use super::tokens::Tok;

mod marks;
mod phrase;
mod runs;
use crate::analyze::reach::Reach;
use crate::analyze::title_case::{on_line, title_case_lines};
use crate::model::{Entity, EntityKind};
use foldhash::HashSet;
use marks::{quoted_spans, sentence_ends};

/// A person the text names in full.
#[derive(Debug, Clone)]
struct Person {
    /// The fullest form used ("Amara Okonkwo-Reyes").
    name: String,
    first: String,
    last: String,
    gender: Option<Gender>,
    /// Whether a given name or a title shows that this is a person.
    sure: bool,
}

/// The people of one text and where each is named.
#[derive(Debug, Default)]
pub(super) struct People<'a> {
    persons: Vec<Person>,
    /// (byte offset, index into `persons`), in text order.
    mentions: Vec<(usize, usize)>,
    /// Every given name and surname of `persons`, so unknown words skip the search.
    words: HashSet<String>,
    /// Mentions of the story's other entities (countries, places, orgs) as
    /// byte ranges with their kind and canonical name, in text order.
    known: Vec<(usize, usize, EntityKind, String)>,
    /// Last words of capitalised runs that the text also writes in lower
    /// case ("tower" for "Trump Tower"): common words, not surnames.
    common: HashSet<String>,
    /// Every word the text writes in lower case.
    lower: LowerWords<'a>,
    /// (index into `persons`, role) for the roles written around a name.
    roles: HashSet<(usize, String)>,
    /// Byte ranges of the title-case lines (headlines, subheadings).
    title_lines: Vec<(usize, usize)>,
    /// Byte offsets of the marks that end a sentence outside quotation
    /// marks, and of line breaks, in text order.
    sentence_ends: Vec<usize>,
    /// Byte ranges inside double quotation marks, in text order.
    quoted: Vec<(usize, usize)>,
    /// Byte offsets of the mentions in `known` that a story is told to
    /// ("told Reuters"), which are no speaker an organisation noun means.
    audience: HashSet<usize>,
}

/// Returns the last words of the runs that also occur in lower case.
fn lower_case_uses(toks: &[Tok<'_>], runs: &[(usize, usize, Vec<&str>)]) -> HashSet<String> {
    let wanted: HashSet<String> = runs
        .iter()
        .filter(|r| r.2.len() >= 2)
        .filter_map(|r| r.2.last().map(|w| w.to_lowercase()))
        .collect();
    if wanted.is_empty() {
        return wanted;
    }
    toks.iter()
        .filter(|t| t.is_word() && !t.is_cap() && wanted.contains(t.text))
        .map(|t| t.text.to_string())
        .collect()
}

/// A resolved speaker: canonical name (when known) and kind.
pub(super) type Speaker = (Option<String>, Option<EntityKind>);

/// Tells whether a person's name reads surname first ("Choi Jin-ho",
/// "Yoon Da-hye"): a hyphenated given name with a lower-case second part
/// after a first word that is no known given name.
fn surname_first(p: &Person, word: &str) -> bool {
    let hyphenated = p
        .last
        .split_once('-')
        .is_some_and(|(_, b)| b.chars().next().is_some_and(char::is_lowercase));
    hyphenated || (!is_given_name(word) && is_surname(word))
}

/// Turns the char offsets of the entities' mentions into byte ranges:
/// (start, end, entity index), sorted by start.
fn mention_bytes(text: &str, entities: &[Entity]) -> Vec<(usize, usize, usize)> {
    let mut spans: Vec<(usize, usize, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    if spans.is_empty() {
        return spans;
    }
    let bytes = crate::analyze::char_byte_offsets(text);
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    for s in &mut spans {
        *s = (at(s.0), at(s.1), s.2);
    }
    spans.sort_unstable();
    spans
}

impl<'a> People<'a> {
    /// Collects the people named in the text and every place each is named.
    ///
    /// Person entities from the recogniser come first, with their canonical
    /// names and mentions; capitalised runs the recogniser did not claim are
    /// then read as names too, so the finder also works on its own. A run
    /// that lies inside a country or organisation mention is never a person.
    pub(super) fn collect(text: &str, toks: &[Tok<'a>], entities: &[Entity]) -> People<'a> {
        let mut people = People::default();
        let mut claimed: Vec<(usize, usize)> = Vec::new();
        let mut person_of: Vec<Option<usize>> = vec![None; entities.len()];
        let lower: LowerWords<'a> = toks
            .iter()
            .filter(|t| t.is_word() && !t.is_cap())
            .map(|t| t.text)
            .collect();
        // The recogniser's people, cleaned ("If Obama" is Obama); a place
        // it took for a person ("Palm Beach") is a place.
        let mut place_of = vec![false; entities.len()];
        people.title_lines = title_case_lines(text);
        people.sentence_ends = sentence_ends(toks);
        people.quoted = quoted_spans(toks);
        let headline = match people.title_lines.first() {
            Some(&(0, end)) => text[..end].chars().count(),
            _ => 0,
        };
        let mut doubtful = Vec::new();
        let spans = mention_bytes(text, entities);
        let place_words: HashSet<&str> = spans
            .iter()
            .filter(|m| matches!(entities[m.2].kind, EntityKind::Place | EntityKind::Country))
            .filter_map(|m| text.get(m.0..m.1))
            .filter_map(|s| s.split_whitespace().next_back())
            .map(|w| unpossess(w).0)
            .collect();
        for (i, e) in entities.iter().enumerate() {
            if e.kind == EntityKind::Person {
                let words: Vec<&str> = e.name.split_whitespace().collect();
                match person_name(&words, &lower) {
                    Some(mut words) => {
                        // "Jane Roe Slams Critics" in a title-case headline.
                        if words.len() > 2
                            && e.mentions.iter().all(|m| m.end <= headline)
                            && is_given_name(words[0])
                        {
                            words.truncate(2);
                        }
                        let gender = name_gender(&words);
                        // "N. Korea", "African American": a word of a place name
                        // ends no one's name.
                        let last = words[words.len() - 1];
                        if place_words.contains(last) && !is_surname(last) && !is_given_name(last) {
                            place_of[i] = true;
                            continue;
                        }
                        if words.len() == 1 || !is_given_name(words[0]) {
                            doubtful.push((i, words));
                            continue;
                        }
                        person_of[i] = Some(people.register(&words, gender, true));
                    }
                    None => place_of[i] = true,
                }
            }
        }
        // "Bernie" or "Absent Sanders" is the one person named in full with
        // that given name or surname, when there is one.
        // "The New Jane Roe" in a headline is Jane Roe.
        for (i, words) in doubtful {
            let word = words[words.len() - 1];
            let hits: Vec<usize> = (0..people.persons.len())
                .filter(|&p| {
                    let p = &people.persons[p];
                    let suffix = words.len() > 2 && p.first == words[1];
                    p.sure
                        && p.name.contains(' ')
                        && ((p.last == word && (words.len() <= 2 || suffix))
                            || (words.len() == 1 && p.first == word))
                })
                .collect();
            person_of[i] = Some(match hits[..] {
                [one] => one,
                _ => {
                    let gender = name_gender(&words);
                    // "the Super Bowl", "the 1991 Nobel Peace Prize winner",
                    // "Super Bowl 50": a recogniser's person written as a
                    // common noun is, with neither a known given name nor a
                    // known surname, and a last word the story never writes
                    // alone, not sure enough to take a pronoun.
                    let last = words[words.len() - 1];
                    let alone = entities[i]
                        .mentions
                        .iter()
                        .any(|m| unpossess(&m.text).0 == last);
                    let article = |w: &str| matches!(w.to_lowercase().as_str(), "the" | "a" | "an");
                    let number = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
                    let as_noun = spans.iter().filter(|s| s.2 == i).any(|&(start, end, _)| {
                        let mut before = text[..start].split_whitespace().rev();
                        let after_article = before.next().is_some_and(|w| {
                            article(w) || (number(w) && before.next().is_some_and(article))
                        });
                        after_article || text[end..].split_whitespace().next().is_some_and(number)
                    });
                    let sure = is_given_name(words[0])
                        || (words.len() > 1 && (is_surname(last) || alone || !as_noun));
                    people.register(&words, gender, sure)
                }
            });
        }
        for (start, end, i) in spans {
            // Place names double as surnames ("Warren", "Lincoln"): only
            // countries and organisations keep a run from being a person.
            if entities[i].kind != EntityKind::Place && !place_of[i] {
                claimed.push((start, end));
            }
            match person_of[i] {
                Some(idx) => {
                    // The recogniser strips titles: "Mrs. Okafor" still tells her
                    // gender, and so do "his sister Kim" and "Kim, the sister of".
                    let before = text[..start].split_whitespace().next_back();
                    let before = before.map(|w| w.to_lowercase());
                    if let Some(g) = before
                        .as_deref()
                        .and_then(kin_gender)
                        .or_else(|| apposed_gender(&text[end..]))
                    {
                        people.persons[idx].gender.get_or_insert(g);
                    }
                    // "President Obama" is a person, sure enough for a pronoun.
                    if before.as_deref().is_some_and(is_person_title) {
                        people.persons[idx].sure = true;
                    }
                    people.mentions.push((start, idx));
                }
                None => {
                    let e = &entities[i];
                    let kind = if place_of[i] {
                        EntityKind::Place
                    } else {
                        e.kind
                    };
                    let name = match kind {
                        EntityKind::Country | EntityKind::Place => {
                            country_name(&e.name).map_or_else(|| e.name.clone(), str::to_string)
                        }
                        _ => e.name.clone(),
                    };
                    // "told Reuters", "spoke to CNN": the audience. "According
                    // to Amnesty International" names a source, which a later
                    // "the rights group said" may name again.
                    let mut before = text[..start].split_whitespace().rev();
                    let heard = before
                        .next()
                        .is_some_and(|w| matches!(w, "told" | "telling" | "tells" | "to"))
                        && before
                            .next()
                            .is_none_or(|w| !w.eq_ignore_ascii_case("according"));
                    if heard {
                        people.audience.insert(start);
                    }
                    people.known.push((start, end, kind, name));
                }
            }
        }
        // A run that is all inside one mention is that entity ("North Korea").
        let claimed = Reach::new(claimed);
        let covered = |from: usize, to: usize| claimed.contains(from, to, false);
        let runs = cap_runs(toks);
        people.common = lower_case_uses(toks, &runs);
        for (from, to, words) in &runs {
            if !covered(*from, *to) {
                // "chief executive Yoon Da-hye": a lower-case title before the run.
                let at = toks.partition_point(|t| t.start < *from);
                let role =
                    at > 0 && !toks[at - 1].is_cap() && is_title(&toks[at - 1].text.to_lowercase());
                people.read_run(*from, words, role, &lower);
            }
        }
        people.mentions.sort_unstable();
        people.mentions.dedup_by_key(|m| m.0);
        for &(pos, idx) in &people.mentions {
            let k = toks.partition_point(|t| t.start < pos);
            for role in roles_at(toks, k) {
                people.roles.insert((idx, role));
            }
        }
        people.lower = lower;
        people
    }

    /// Tells whether the text also writes this word in lower case ("Back"
    /// opening a sentence is the word "back", not a name).
    pub(super) fn used_lower(&self, word: &str) -> bool {
        self.lower.contains(word.to_lowercase().as_str())
    }

    /// Tells whether some person of the text has this word, as written, in
    /// their name.
    pub(super) fn in_a_name(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// Tells whether byte `pos` lies on a title-case line.
    fn on_title_line(&self, pos: usize) -> bool {
        on_line(&self.title_lines, pos)
    }

    /// Returns the organisation or country mention that starts or ends at
    /// `pos` and is as long as the phrase `words`, with its canonical name.
    fn known_spanning(&self, pos: usize, words: &[&str]) -> Option<(EntityKind, &str)> {
        let len = words
            .iter()
            .map(|w| w.len() + 1)
            .sum::<usize>()
            .saturating_sub(1);
        self.known
            .iter()
            .filter(|k| matches!(k.2, EntityKind::Org | EntityKind::Country))
            .find(|k| {
                (k.0 == pos || k.1 == pos + words.last().map_or(0, |w| w.len()))
                    && k.1 - k.0 + 1 >= len
            })
            .map(|k| (k.2, k.3.as_str()))
    }

    /// Returns the country the story names last before `pos`.
    pub(super) fn country_before(&self, pos: usize) -> Option<&str> {
        self.known
            .iter()
            .rev()
            .find(|k| k.0 < pos && k.2 == EntityKind::Country)
            .map(|k| k.3.as_str())
    }

    /// Returns the country, place or organisation mention that covers `pos`.
    pub(super) fn known_at(&self, pos: usize) -> Option<(EntityKind, &str)> {
        let i = self.known.partition_point(|k| k.0 <= pos);
        let k = self.known[..i].last()?;
        (pos < k.1).then_some((k.2, k.3.as_str()))
    }
}

/// Returns the gender an apposition right after a name tells ("Kim Yo
/// Jong, the powerful sister of …", "Ana Ruiz, his widow,"): a word of
/// kinship or a gendered title within its first four words that ends the
/// apposition or goes on with "of".
fn apposed_gender(after: &str) -> Option<Gender> {
    let rest = after.strip_prefix(',')?;
    let mut words = rest.split_whitespace().take(4);
    let first = words.next()?.to_lowercase();
    if !matches!(
        first.as_str(),
        "the" | "a" | "his" | "her" | "their" | "its"
    ) {
        return None;
    }
    let words: Vec<String> = words.map(str::to_lowercase).collect();
    for (k, w) in words.iter().enumerate() {
        let bare = w.trim_end_matches([',', '.', ';']);
        // The apposition ends with the word, or goes on with "of": not a
        // list ("Kim Jong Un, his wife and top aides").
        let ends = bare.len() != w.len() || words.get(k + 1).is_some_and(|n| n == "of");
        if let Some(g) = kin_gender(bare).filter(|_| ends) {
            return Some(g);
        }
        if bare.len() != w.len() || matches!(bare, "of" | "for" | "to" | "who") {
            return None;
        }
    }
    None
}
