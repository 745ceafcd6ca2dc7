//! Reading capitalised runs as people's names, and the register of the
//! people a text names: adding a full name, and finding the person a
//! single name refers to.

use super::super::clean::{LowerWords, person_name};
use super::super::lexicon::{
    Gender, country_name, is_given_name, is_surname, is_title, name_gender,
};
use super::super::names::{initial_of, is_org, is_stop, strip, trim_to_name};
use super::{People, Person, surname_first};

impl People<'_> {
    /// Reads one run of capitalised words as a person's name, when it is one.
    pub(super) fn read_run(
        &mut self,
        pos: usize,
        words: &[&str],
        role: bool,
        lower: &LowerWords<'_>,
    ) {
        let (rest, gender, titled) = strip(words);
        // A lower-case title before the run ("chief executive Yoon Da-hye")
        // makes a full name sure, never a lone word ("former Florida governor").
        let titled = titled || (role && rest.len() >= 2);
        // "Justice Against Fraud Act": a title before a stop word is no name.
        if titled && rest.first().is_some_and(|w| is_stop(&w.to_lowercase())) {
            return;
        }
        let Some(rest) = person_name(trim_to_name(&rest), lower) else {
            return;
        };
        let rest = rest.as_slice();
        // "Mr. Bishop" is a surname, "Bishop" alone a title.
        let lone_title = rest.len() == 1 && is_title(&rest[0].to_lowercase()) && gender.is_none();
        if rest.is_empty() || rest.len() > 5 || lone_title || is_org(rest) {
            return;
        }
        if is_stop(&rest[0].to_lowercase()) || country_name(&rest.join(" ")).is_some() {
            return;
        }
        // "Orlando July", "Trump Wednesday": a date after the name is no part of it.
        let keep = rest.len()
            - rest
                .iter()
                .rev()
                .take_while(|w| is_stop(&w.to_lowercase()))
                .count();
        let rest = &rest[..keep.max(1)];
        let given = name_gender(rest);
        // "Glenn Beck Blasts Drudge for …" in a headline that is not quite
        // title case: a run that opens with a full name the story knows
        // goes on past that name.
        if let Some(idx) = self.opening_name(rest) {
            self.mentions.push((pos, idx));
            return;
        }
        // "Jo Doe Speaks Out" on a title-case line: capitals there do not
        // show where a name ends, so the line names only the people the
        // prose names, by the longest run of words that finds one.
        if rest.len() >= 2 && !titled && self.on_title_line(pos) {
            if let Some(idx) = self.within(rest, 1, pos) {
                self.mentions.push((pos, idx));
            }
            return;
        }
        if rest.len() >= 2 {
            // "Trump Tower" when the story also writes "the tower": a word
            // the text uses in lower case is no surname, unless it is a known one.
            let last = rest[rest.len() - 1];
            if !titled && self.common.contains(&last.to_lowercase()) && !is_surname(last) {
                return;
            }
            let idx = self.register(rest, gender.or(given), titled || is_given_name(rest[0]));
            self.mentions.push((pos, idx));
            return;
        }
        let found = self.find_single(rest[0], pos, gender);
        // "President Obama" names a person even when no full name came first.
        let found = found.or_else(|| titled.then(|| self.register(rest, gender, true)));
        if let Some(idx) = found {
            self.mentions.push((pos, idx));
            if let Some(g) = gender {
                self.persons[idx].gender.get_or_insert(g);
            }
        }
    }

    /// Finds the person that the longest run of `words`, of `shortest`
    /// words or more, names: for a phrase on a title-case line ("Jo Doe
    /// Speaks Out", "The New Jo Doe").
    pub(super) fn within(&self, words: &[&str], shortest: usize, pos: usize) -> Option<usize> {
        (shortest.max(1)..=words.len())
            .rev()
            .find_map(|k| words.windows(k).find_map(|w| self.lookup(w, pos, None)))
    }

    /// Returns the person, named in full and sure to be one, whose name
    /// opens the run `words` and is shorter than it.
    pub(super) fn opening_name(&self, words: &[&str]) -> Option<usize> {
        (2..words.len()).rev().find_map(|k| {
            let head = &words[..k];
            self.persons.iter().position(|p| {
                p.sure
                    && p.first == head[0]
                    && p.last == head[k - 1]
                    && p.name.split(' ').eq(head.iter().copied())
            })
        })
    }

    /// Adds a full name (or lengthens a known one) and returns its index.
    pub(super) fn register(&mut self, words: &[&str], gender: Option<Gender>, sure: bool) -> usize {
        let first = words[0].to_string();
        let last = words[words.len() - 1].to_string();
        let name = words.join(" ");
        if let Some(idx) = self
            .persons
            .iter()
            .position(|p| p.last == last && (p.first == first || initial_of(&p.first, &first)))
        {
            let p = &mut self.persons[idx];
            if name.len() > p.name.len() {
                p.name = name;
                p.first = first.clone();
                self.words.insert(first);
            }
            p.gender = p.gender.or(gender);
            p.sure |= sure;
            return idx;
        }
        self.words.insert(first.clone());
        self.words.insert(last.clone());
        self.persons.push(Person {
            name,
            first,
            last,
            gender,
            sure,
        });
        self.persons.len() - 1
    }

    /// Finds the person a single name refers to: the one with that surname
    /// named most recently before `pos` (else the first), or the one with
    /// that given name named most recently. An honorific's `gender` ("Mrs.
    /// Clinton") passes over those of the other gender, unless no one else
    /// has the name (a given name's gender can mislead: "Lou Jiwei").
    pub(super) fn find_single(
        &self,
        word: &str,
        pos: usize,
        gender: Option<Gender>,
    ) -> Option<usize> {
        if !self.words.contains(word) {
            return None;
        }
        let recent = |hit: &dyn Fn(&Person) -> bool| {
            self.mentions
                .iter()
                .rev()
                .find(|&&(at, i)| at < pos && hit(&self.persons[i]))
                .map(|&(_, i)| i)
        };
        // A surname first ("Trump" is Donald Trump, not the "Trump Victory"
        // fund), then a given name that is one ("Hillary").
        let find = |fits: &dyn Fn(&Person) -> bool| {
            recent(&|p| p.last == word && fits(p))
                .or_else(|| self.persons.iter().position(|p| p.last == word && fits(p)))
                .or_else(|| {
                    recent(&|p| p.first == word && (p.sure || surname_first(p, word)) && fits(p))
                })
        };
        find(&|p| gender.is_none() || p.gender.is_none() || p.gender == gender)
            .or_else(|| find(&|_| true))
    }
}
