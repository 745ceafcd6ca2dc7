//! One written person name: its tokens without titles, its surname and
//! given-name parts, and the gender its given name or title shows.

mod words;

pub use words::{Gender, gender};
pub(in crate::analyze::people) use words::{caps_initials, word_flags};
use words::{describes, from_flags, is_honorific, is_party_state, is_title, title_gender};
pub(crate) use words::{is_suffix, opens_clause};

use crate::analyze::tagger::hash::word_hash;
use crate::analyze::tagger::lexicon::{self, flag};
use crate::analyze::tagger::{Shape, Tok};

/// A person name as written: tokens `start..end`, titles left out.
#[derive(Debug, Clone, Copy)]
pub(super) struct Name {
    pub start: usize,
    pub end: usize,
    pub gender: Option<Gender>,
}

impl Name {
    /// Cleans a tagged span: drops leading titles, articles and clause
    /// openers ("If", "Although") and trailing marks; `None` when nothing
    /// is left. `opened` marks the tokens where the tagger began a person's
    /// name (it may be empty).
    pub fn clean(
        text: &str,
        toks: &[Tok],
        flags: &[u32],
        opened: &[bool],
        mut start: usize,
        mut end: usize,
    ) -> Option<Name> {
        let mut gender = None;
        while start < end {
            let w = &text[toks[start].b0..toks[start].b1];
            let f = word_flags(text, toks, flags, start);
            // A title that is also a name ("Prince") is one before a given
            // name ("Prince Mohammed bin Salman", not "Prince Fielder"),
            // and "Crown" is one before it.
            let next_title =
                start + 2 < end && word_flags(text, toks, flags, start + 1) & flag::TITLE != 0;
            let after_crown = start > 0 && &text[toks[start - 1].b0..toks[start - 1].b1] == "Crown";
            // So is one before a name and a regnal number ("King Abdullah II").
            let regnal = start + 2 < end && is_suffix(&text[toks[end - 1].b0..toks[end - 1].b1]);
            // So is one before a name with a particle ("Prince Faisal bin
            // Farhan"): a name in the Arab or Dutch manner follows.
            let particle = || (start + 2..end - 1).any(|k| flags[k] & flag::PARTICLE != 0);
            // And one that is no given name before two more words ("Coach
            // Frédéric Fontang", where "Coach" is also a surname).
            let two_more = start + 2 < end
                && (flags[start + 1] & flag::GIVEN != 0
                    || particle()
                    || f & flag::GIVEN_COMMON == 0 && toks[start + 1].shape == Shape::Title);
            // A role no name list holds before two more words ("Chief
            // Executive Meirzhan Yussupov"), a title only people carry
            // before one ("Mullah Baradar", "Monsignor Tighe"), or a
            // hyphenated description
            // ("Actor-politician Vijay", where "politician" is a common word;
            // "Ha-seong Kim" and "Jean-marie Dupont" keep their given name).
            let named = flag::GIVEN | flag::GIVEN_COMMON | flag::SURNAME | flag::SURNAME_COMMON;
            // So is a title that is also a given name before a name with a
            // particle ("Sultan Haitham bin Tariq").
            let role = start + 1 < end && {
                let lower = w.to_lowercase();
                crate::analyze::quotes::is_role(&lower)
                    && (f & named == 0
                        && (start + 2 < end || crate::analyze::quotes::is_person_title(&lower))
                        || start + 3 < end
                            && crate::analyze::quotes::is_person_title(&lower)
                            && particle())
            };
            let described = start + 1 < end
                && w.split_once('-').is_some_and(|(_, tail)| {
                    let f = lexicon::get().word(tail);
                    tail.starts_with(char::is_lowercase) && f & flag::COMMON != 0 && f & named == 0
                });
            let title = is_title(f)
                || f & flag::TITLE != 0 && start + 1 < end && (after_crown || regnal || two_more)
                || w == "Crown" && next_title
                || role
                || described;
            // "U.S. Ambassador ...", "British envoy ...": the country is no
            // part of the name. A country's name that is also a common first
            // name ("Dominique", "Chad") stays unless a title follows it:
            // where it names the country, the places found have already
            // taken it off the span. Dotted capitals are a country's or an
            // organisation's only where known or before a title: initials
            // ("J.D. Vance") are the name's own.
            let dotted = toks[start].shape == Shape::Dotted
                && start + 1 < end
                && (f & flag::COUNTRY != 0
                    || matches!(w, "U.N." | "E.U." | "U.S." | "U.K.")
                    || word_flags(text, toks, flags, start + 1) & flag::TITLE != 0);
            let country = end - start >= 2
                && (dotted
                    || f & flag::DEMONYM != 0
                    || f & flag::COUNTRY != 0
                        && (f & flag::GIVEN_COMMON == 0
                            || word_flags(text, toks, flags, start + 1) & flag::TITLE != 0));
            let opener = opens_clause(w);
            if title || country || opener || w.eq_ignore_ascii_case("the") || is_honorific(w) {
                gender = gender.or(title_gender(w));
                start += 1;
            } else {
                break;
            }
        }
        while end > start && matches!(toks[end - 1].shape, Shape::Punct | Shape::Possessive) {
            end -= 1;
        }
        // Titles only ("With The President" at the end of a text), or a
        // lawmaker's party and state ("R-Texas").
        if start == end || end == start + 1 && is_party_state(&text[toks[start].b0..toks[start].b1])
        {
            return None;
        }
        // "Martin Luther King Jr.": a name the tagger ended before a
        // capitalised word and a generational suffix runs on over both.
        let next = |i: usize| i < toks.len() && toks[i].b0 == toks[i - 1].b1 + 1;
        let word = |i: usize| &text[toks[i].b0..toks[i].b1];
        if next(end) && toks[end].shape == Shape::Title && next(end + 1) {
            if is_suffix(word(end + 1)) {
                end += 2;
            }
        } else if next(end) && is_suffix(word(end)) {
            end += 1;
        }
        // "Florida Sen. Marco Rubio", "If Mr. Trump": a title later in the
        // span, before at least one more word, starts the name.
        if let Some(t) = (start + 1..end.saturating_sub(1)).rev().find(|&i| {
            let w = &text[toks[i].b0..toks[i].b1];
            is_honorific(w) || (w.ends_with('.') && is_title(word_flags(text, toks, flags, i)))
        }) {
            gender = gender.or(title_gender(&text[toks[t].b0..toks[t].b1]));
            start = t + 1;
        }
        // "Majority Whip John Cornyn", "Follow Pam Key": in three words or
        // more that open with neither a given name nor an initial ("M.
        // Stanton Evans"), a given name followed by one more word or
        // more starts the name, unless the tagger began the name before
        // it at a word no list knows ("Bola Ahmed Tinubu", "Gohar Ali
        // Khan"): a given name no list holds. A known word or a role
        // before a given name describes ("Public Advocate", "Whip").
        let initial = {
            let w = &text[toks[start].b0..toks[start].b1];
            w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 2
        };
        // A family name written first opens its name ("Nguyen Thi Lan").
        let family_first = flags[start] & flag::SURNAME_FIRST != 0;
        if end - start >= 3 && flags[start] & flag::GIVEN == 0 && !initial && !family_first {
            // "Wilfried Van Moer", "Zine al-Abidine Ben Ali": a particle
            // that is also a given name starts no name.
            let given = (start + 1..end - 1).find(|&i| {
                flags[i] & flag::GIVEN != 0
                    && flags[i] & flag::PARTICLE == 0
                    && toks[i].shape == Shape::Title
            });
            let opened_at = |k: usize| opened.get(k).copied().unwrap_or(false);
            if let Some(i) = given
                && (start..i).all(|k| !opened_at(k) || describes(text, toks, flags, k))
            {
                start = i;
            }
        }
        if start == end {
            return None;
        }
        // A word of an organisation or a place name ("Survey", "County")
        // is never part of a person's name.
        let initials_first =
            |i: usize| i == start && end - start >= 2 && caps_initials(text, toks, flags, i);
        let foreign = (start..end).any(|i| {
            let f = flags[i];
            (f & (flag::ORG_END | flag::PLACE_WORD) != 0
                && f & (flag::GIVEN_COMMON | flag::SURNAME_COMMON) == 0)
                || crate::analyze::orgs::is_tail(text, &toks[i])
                || toks[i].shape == Shape::Upper
                    && !toks[i].caps_line
                    && !is_suffix(&text[toks[i].b0..toks[i].b1])
                    && !initials_first(i)
        });
        // A lone word English writes in lower case is no name ("Campaigners").
        let common = end - start == 1
            && flags[start]
                & (flag::COMMON | flag::TITLE | flag::CALENDAR | flag::DEMONYM | flag::COUNTRY)
                != 0;
        // "Geological Survey", "Defense Ministry": the name of an organisation.
        let org_follows = end < toks.len()
            && toks[end].b0 == toks[end - 1].b1 + 1
            && matches!(toks[end].shape, Shape::Title | Shape::Upper)
            && flags[end] & flag::ORG_END != 0;
        // "New Yorkers", "Frustrated Parents": a last word that reads as
        // a plural noun, and that no name list knows, ends no one's name.
        let last = &text[toks[end - 1].b0..toks[end - 1].b1];
        // After a given name it is a surname all the same ("Maria Alders"),
        // unless the given name is a word or a place ("Grace Ministers",
        // "Jordan Travelers") or the plural's singular is a word ("Lily
        // Growers" is read by "grower").
        let singular = last.trim_end_matches('s').to_lowercase();
        let given_first = end - start >= 2
            && flags[start] & flag::GIVEN != 0
            && flags[start] & (flag::COMMON | flag::COUNTRY | flag::CITY) == 0
            && lexicon::get().word(&singular) & (flag::COMMON | flag::TITLE) == 0;
        // Two unknown words are a name all the same ("Geert Wilders"):
        // a plural needs a word before it or a known singular.
        let wordish = flag::COMMON
            | flag::DEMONYM
            | flag::COUNTRY
            | flag::CITY
            | flag::TITLE
            | flag::PLACE_WORD
            | flag::CALENDAR;
        let plural = !given_first
            && flags[end - 1] & (flag::GIVEN | flag::SURNAME) == 0
            && last.len() >= 5
            && ["ers", "ans", "ats", "ents", "ants", "ists", "ites"]
                .iter()
                .any(|s| last.ends_with(s))
            && (end - start == 1
                || !(start..end - 1).all(|k| {
                    toks[k].shape == Shape::Title
                        && flags[k] & wordish == 0
                        && (flags[k] & flag::SURNAME_COMMON == 0 || flags[k] & flag::GIVEN != 0)
                })
                || lexicon::get().word(&singular) & (flag::COMMON | flag::TITLE) != 0);
        // "Hurricane Helene", "Storm Daniel", "Typhoon Yagi": a storm's name.
        let storm = |k: usize| {
            matches!(
                &text[toks[k].b0..toks[k].b1],
                "Hurricane" | "Typhoon" | "Cyclone" | "Storm" | "Superstorm"
            )
        };
        let storm_name =
            end - start == 2 && storm(start) || end - start == 1 && start > 0 && storm(start - 1);
        // "Labour Day", "Independence Day": a holiday, unless a given name
        // opens it ("Doris Day").
        let holiday = end - start >= 2
            && &text[toks[end - 1].b0..toks[end - 1].b1] == "Day"
            && flags[start] & flag::GIVEN == 0;
        if foreign || common || org_follows || plural || storm_name || holiday {
            return None;
        }
        let gender = gender.or_else(|| from_flags(flags[start]));
        Some(Name { start, end, gender })
    }

    /// A lone word, widened over the particles before it ("von der Leyen").
    pub fn single(i: usize, flags: &[u32], toks: &[Tok]) -> Name {
        let mut start = i;
        while start > 0
            && toks[start - 1].shape == Shape::Lower
            && flags[start - 1] & flag::PARTICLE != 0
            && toks[start - 1].b1 + 1 >= toks[start].b0
        {
            start -= 1;
        }
        Name {
            start,
            end: i + 1,
            gender: None,
        }
    }

    pub fn text(&self, text: &str, toks: &[Tok]) -> String {
        let s = &text[toks[self.start].b0..toks[self.end - 1].b1];
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Whether the name is written in capitals ("DONALD TRUMP" in a
    /// headline).
    pub fn shouted(&self, text: &str, toks: &[Tok]) -> bool {
        let written = &text[toks[self.start].b0..toks[self.end - 1].b1];
        let mut letters = written.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek().is_some() && letters.all(char::is_uppercase) && written.len() >= 4
    }

    pub fn len_chars(&self, toks: &[Tok]) -> usize {
        toks[self.end - 1].c1 - toks[self.start].c0
    }

    /// Returns the token of the surname: the last word, or the word before
    /// a generational suffix ("King" of "Martin Luther King Jr.").
    pub fn surname(&self, text: &str, toks: &[Tok]) -> usize {
        let last = self.end - 1;
        if last > self.start && is_suffix(&text[toks[last].b0..toks[last].b1]) {
            last - 1
        } else {
            last
        }
    }

    /// Whether two full names are the same person: the same surname, the
    /// same generational suffix or none ("Donald Trump Jr." is not
    /// "Donald Trump"), and compatible first words (equal, an initial of
    /// the other, or a particle).
    pub fn same_person(&self, other: &Name, text: &str, toks: &[Tok]) -> bool {
        let (a, b) = (self.surname(text, toks), other.surname(text, toks));
        let suffix = |n: &Name, s: usize| (s + 1 < n.end).then(|| toks[n.end - 1].hash);
        if toks[a].hash != toks[b].hash || suffix(self, a) != suffix(other, b) {
            return false;
        }
        // "Trump Jr.": a surname with its suffix is any of that name.
        if a == self.start || b == other.start {
            return true;
        }
        // "García Harfuch" of "Omar García Harfuch": two surnames alone.
        let (short, long, ls) = if a - self.start == 1 {
            (self, other, b)
        } else {
            (other, self, a)
        };
        // A longer run is a headline's words, not one name ("Hillary
        // Clinton Slams Donald Trump").
        if short.surname(text, toks) == short.start + 1
            && ls >= long.start + 2
            && ls <= long.start + 3
            && toks[short.start].hash == toks[ls - 1].hash
        {
            return true;
        }
        let first = |n: &Name| &text[toks[n.start].b0..toks[n.start].b1];
        let (a, b) = (first(self), first(other));
        if a.eq_ignore_ascii_case(b) {
            return true;
        }
        let initial = |x: &str, y: &str| {
            let x = x.trim_end_matches('.');
            x.chars().count() == 1 && y.starts_with(x)
        };
        let particle = |x: &str| lexicon::get().word(x) & flag::PARTICLE != 0;
        initial(a, b) || initial(b, a) || particle(a) || particle(b)
    }
}

/// The word hashes a lone mention of this person may have: the surname,
/// the surname without an "al-" style prefix, the first word of a
/// surname-first name ("Xi" of "Xi Jinping"), and the first of two
/// surnames ("Méndez" of "Rocío Méndez Ibarra").
pub(super) fn surname_keys(text: &str, toks: &[Tok], flags: &[u32], n: &Name) -> Vec<u64> {
    let last = n.surname(text, toks);
    let mut keys = vec![toks[last].hash];
    let w = &text[toks[last].b0..toks[last].b1];
    if let Some((pre, rest)) = w.split_once(['-', '\'', '\u{2019}'])
        && lexicon::get().word(pre) & flag::PARTICLE != 0
    {
        keys.push(word_hash(rest));
    }
    let surname_first = flags[n.start] & flag::SURNAME_FIRST != 0
        && n.end - n.start <= 3
        && (n.start + 1..n.end)
            .all(|i| flags[i] & (flag::GIVEN_COMMON | flag::SURNAME_COMMON) == 0);
    if surname_first {
        keys.push(toks[n.start].hash);
    }
    // "Méndez" of "Rocío Méndez Ibarra": the first of two surnames, which
    // Spanish and Portuguese copy uses alone. A given name there stays
    // none ("Luther" of "Martin Luther King").
    if last >= n.start + 2
        && toks[last - 1].shape == Shape::Title
        && flags[last - 1]
            & (flag::GIVEN | flag::GIVEN_COMMON | flag::PARTICLE | flag::TITLE | flag::COMMON)
            == 0
    {
        keys.push(toks[last - 1].hash);
    }
    // "Lula" of "Luiz Inácio Lula da Silva": the word before the
    // surname's particle, after the given names, is the name copy uses.
    let particle = |k: usize| flags[k] & flag::PARTICLE != 0 && toks[k].shape == Shape::Lower;
    if last >= n.start + 3
        && particle(last - 1)
        && toks[last - 2].shape == Shape::Title
        && !particle(last - 3)
        && flags[last - 2] & (flag::TITLE | flag::COMMON | flag::PARTICLE) == 0
    {
        keys.push(toks[last - 2].hash);
    }
    // "Anwar" of "Anwar Ibrahim", "Anutin" of "Anutin Charnvirakul": a
    // first word no list knows as a given name, a common word or a place,
    // which Malay, Thai and Indonesian copy uses alone for the person.
    let unknown = flag::GIVEN
        | flag::GIVEN_COMMON
        | flag::SURNAME_COMMON
        | flag::TITLE
        | flag::COMMON
        | flag::COUNTRY
        | flag::CITY
        | flag::DEMONYM
        | flag::ORG_END
        | flag::ORG_START
        | flag::PARTICLE
        | flag::SURNAME_FIRST;
    if n.end - n.start == 2 && toks[n.start].shape == Shape::Title && flags[n.start] & unknown == 0
    {
        keys.push(toks[n.start].hash);
    }
    keys
}
