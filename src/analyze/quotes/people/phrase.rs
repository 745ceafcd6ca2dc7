//! Resolves a pronoun, a role or a capitalised speaker phrase ("Okonkwo-Reyes", "Mr. King",
//! "the Treasury") to the fullest name the text uses and its kind.

use super::super::clean::person_name;
use super::super::lexicon::{
    Gender, country_name, honorific_gender, is_given_name, is_govt_noun, is_particle_any_case,
    is_speech_verb, is_surname, is_title, seat_country,
};
use super::super::names::{initial_of, is_org, is_stop, strip, trim_to_name, unpossess};
use super::marks::is_quoted;
use super::{People, Speaker};
use crate::analyze::title_case::on_line;
use crate::model::EntityKind;

/// How many bytes a person of unknown gender must be named after the last
/// person whose gender fits a pronoun to take the pronoun instead.
const UNKNOWN_LEAD: usize = 200;

impl People<'_> {
    /// Resolves a capitalised speaker phrase to a canonical name and kind.
    pub(in crate::analyze::quotes) fn phrase(&self, words: &[&str], pos: usize) -> Speaker {
        // The recogniser's organisations and countries, by their canonical names.
        if let Some((kind, name)) = self.known_spanning(pos, words) {
            return (Some(name.to_string()), Some(kind));
        }
        // "Fox's Chris Doe", "Leeds's Evening Post": the name after the owner.
        let words = match words[..words.len().saturating_sub(1)]
            .iter()
            .rposition(|w| unpossess(w).1)
        {
            Some(k) => &words[k + 1..],
            None => words,
        };
        let words: Vec<&str> = words.iter().map(|w| unpossess(w).0).collect();
        let words = words.as_slice();
        let named: Vec<&str> = words
            .iter()
            .copied()
            .skip_while(|w| is_stop(&w.to_lowercase()))
            .collect();
        if let Some(country) = seat_country(&named.join(" ")) {
            return (Some(country.to_string()), Some(EntityKind::Country));
        }
        let (rest, gender, _) = strip(words);
        let rest = trim_to_name(&rest).to_vec();
        // "the Treasury said": a lone government noun speaks for the country
        // the story last named.
        if rest.len() == 1 && is_govt_noun(&rest[0].to_lowercase()) {
            return match self.country_before(pos) {
                Some(c) => (Some(c.to_string()), Some(EntityKind::Country)),
                None => (Some(named.join(" ")), Some(EntityKind::Org)),
            };
        }
        // "the Chancellor said" is a role, "Mr. King said" a surname.
        let honorific = words
            .iter()
            .any(|w| honorific_gender(&w.to_lowercase()).is_some() && w.len() <= 4);
        if rest.len() == 1 && is_title(&rest[0].to_lowercase()) && !honorific {
            return self.nearest(gender.or(honorific_gender(&rest[0].to_lowercase())), pos);
        }
        if rest.is_empty() {
            if is_org(&named) {
                return (Some(named.join(" ")), Some(EntityKind::Org));
            }
            return (None, None);
        }
        if rest.len() == 1 && is_stop(&rest[0].to_lowercase()) {
            return (None, None);
        }
        let joined = rest.join(" ");
        if let Some(country) = country_name(&joined).or_else(|| seat_country(&joined)) {
            // "Jordan said" after "Tyler Jordan", where the places found
            // no country: the person.
            let person = match self.known_at(pos) {
                Some((EntityKind::Country, _)) => None,
                _ => self.lookup(&rest, pos, gender),
            };
            return match person {
                Some(i) => (Some(self.persons[i].name.clone()), Some(EntityKind::Person)),
                None => (Some(country.to_string()), Some(EntityKind::Country)),
            };
        }
        // "Jo Doe Hammers Harbor Bank" on a title-case line is Jo Doe, not
        // a bank: a full name of the prose inside it comes first.
        let title_line = self.on_title_line(pos);
        if title_line && let Some(i) = self.within(&rest, 2, pos) {
            return (Some(self.persons[i].name.clone()), Some(EntityKind::Person));
        }
        if is_org(&rest) {
            return (Some(named.join(" ")), Some(EntityKind::Org));
        }
        if let Some(i) = self.lookup(&rest, pos, gender) {
            return (Some(self.persons[i].name.clone()), Some(EntityKind::Person));
        }
        if title_line && let Some(i) = self.within(&rest, 1, pos) {
            return (Some(self.persons[i].name.clone()), Some(EntityKind::Person));
        }
        // "Jo Doe Slams Critics" in a headline: the person it starts with.
        if let Some(k) = (1..rest.len().min(3))
            .find(|&k| rest[k].ends_with('s') && !is_surname(rest[k]) && !is_given_name(rest[k]))
            && let Some(i) = self.lookup(&rest[..k], pos, None)
        {
            return (Some(self.persons[i].name.clone()), Some(EntityKind::Person));
        }
        // No one the text names: a place ("Berea said" is no person), or
        // the name cleaned of openers and descriptions ("Back", "Hours").
        if let Some((EntityKind::Place, _)) = self.known_at(pos) {
            return (Some(rest.join(" ")), Some(EntityKind::Place));
        }
        if honorific && rest.len() == 1 {
            return (Some(rest[0].to_string()), Some(EntityKind::Person));
        }
        let Some(clean) = person_name(&rest, &self.lower) else {
            return (None, None);
        };
        if let [w] = clean[..] {
            let l = w.to_lowercase();
            if is_stop(&l) || is_speech_verb(&l) || (self.used_lower(w) && !is_surname(w)) {
                return (None, None);
            }
        }
        if clean.len() < rest.len()
            && let Some(i) = self.lookup(&clean, pos, gender)
        {
            return (Some(self.persons[i].name.clone()), Some(EntityKind::Person));
        }
        (Some(clean.join(" ")), Some(EntityKind::Person))
    }

    /// Finds the person a name refers to: a surname or given name alone
    /// (of a person whose gender fits an honorific's, when one was written),
    /// or a first and last name.
    pub(super) fn lookup(
        &self,
        rest: &[&str],
        pos: usize,
        gender: Option<Gender>,
    ) -> Option<usize> {
        // "de la Cruz" and "Da Silveira" are short forms too.
        let core: Vec<&str> = rest
            .iter()
            .copied()
            .skip_while(|w| is_particle_any_case(w))
            .collect();
        if core.len() == 1 {
            self.find_single(core[0], pos, gender)
        } else {
            let (first, last) = (*rest.first()?, *rest.last()?);
            self.persons
                .iter()
                .position(|p| p.last == last && (p.first == first || initial_of(&p.first, first)))
        }
    }

    /// Resolves a pronoun to the last person named before `pos` whose gender
    /// fits.
    pub(in crate::analyze::quotes) fn pronoun(&self, gender: Gender, pos: usize) -> Speaker {
        self.nearest(Some(gender), pos)
    }

    /// Resolves a role ("the president", "the spokeswoman") to the last person
    /// named before `pos` whose gender fits, if the role implies one.
    pub(in crate::analyze::quotes) fn nearest(
        &self,
        gender: Option<Gender>,
        pos: usize,
    ) -> Speaker {
        // A name inside a quotation is what was said, not who said it
        // ("“I hope you enjoy the Super Bowl,” he said"): such names count
        // only when no name outside one fits, or when the one outside is a
        // person of unknown gender named before the previous sentence and
        // a person quoted fits the pronoun.
        let fits = |&(_, i): &(usize, usize)| gender.is_some() && self.persons[i].gender == gender;
        let found = match self.nearest_of(gender, pos, true) {
            Some(o) if fits(&o) || o.0 >= self.window(pos) => Some(o),
            outside => {
                let any = self.nearest_of(gender, pos, false);
                any.filter(fits).or(outside).or(any)
            }
        }
        .map(|(_, i)| self.persons[i].name.clone());
        match found {
            Some(name) => (Some(name), Some(EntityKind::Person)),
            None => (None, Some(EntityKind::Person)),
        }
    }

    /// Tells whether `name`, who spoke the quotation that closed at `from`,
    /// goes on speaking as the pronoun of `gender` at `pos`: no name or
    /// title of theirs says otherwise, and no one else is named outside
    /// quotation marks in between ("“…,” Obama told a meeting. “…,” he
    /// said" after Donald Trump was named: Obama).
    pub(in crate::analyze::quotes) fn goes_on(
        &self,
        name: &str,
        gender: Gender,
        from: usize,
        pos: usize,
    ) -> bool {
        let Some(idx) = self.persons.iter().position(|p| p.name == name) else {
            return false;
        };
        if self.persons[idx].gender.is_some_and(|g| g != gender) {
            return false;
        }
        let a = self.mentions.partition_point(|m| m.0 < from);
        // A quotation may start before the last speaker's words end (a
        // quote mark inside an attribution): nobody is named in between.
        let b = self.mentions.partition_point(|m| m.0 < pos).max(a);
        self.mentions[a..b]
            .iter()
            .all(|&(at, i)| i == idx || is_quoted(&self.quoted, at))
    }

    /// Returns the gender a name or title shows for the person of this
    /// canonical name.
    pub(in crate::analyze::quotes) fn gender_of(&self, name: &str) -> Option<Gender> {
        self.persons.iter().find(|p| p.name == name)?.gender
    }

    /// Returns where the sentence before the one holding `pos` starts.
    fn window(&self, pos: usize) -> usize {
        let k = self.sentence_ends.partition_point(|&e| e < pos);
        k.checked_sub(2).map_or(0, |j| self.sentence_ends[j])
    }

    /// The last person named before `pos` whose gender fits (see
    /// `nearest`), among the names outside quotations when `skip_quoted`.
    fn nearest_of(
        &self,
        gender: Option<Gender>,
        pos: usize,
        skip_quoted: bool,
    ) -> Option<(usize, usize)> {
        let end = self.mentions.partition_point(|m| m.0 < pos);
        let before = || {
            self.mentions[..end]
                .iter()
                .rev()
                .filter(move |m| !skip_quoted || !is_quoted(&self.quoted, m.0))
        };
        match gender {
            None => before().find(|&&(_, i)| self.persons[i].sure).copied(),
            Some(g) => {
                // A person whose gender no name or title shows fits any
                // pronoun, but not over one whose gender fits, named just
                // before ("Clinton leaned in, painting Trump as a Romney
                // caricature. … she said" is Clinton).
                // Nor over one the sentence before and the pronoun's own do
                // not name, when it names the other ("Netanyahu did not
                // comment. In Beirut, Naim Qassem said … . "…," he said").
                let open = |i: usize| self.persons[i].gender.is_none() && self.persons[i].sure;
                let shown = before().find(|&&(_, i)| self.persons[i].gender == Some(g));
                let unknown = before().find(|&&(_, i)| open(i));
                let window = self.window(pos);
                match (unknown, shown) {
                    (Some(&u), Some(&s))
                        if u.0 > s.0
                            && (u.0 - s.0 > UNKNOWN_LEAD || s.0 < window && u.0 >= window) =>
                    {
                        Some(u)
                    }
                    (Some(&u), None) => Some(u),
                    (_, s) => s.copied(),
                }
            }
        }
    }

    /// Resolves a role ("the senator") to the last person named before
    /// `pos` with that role written around a name, when there is one.
    pub(in crate::analyze::quotes) fn nearest_role(
        &self,
        role: &str,
        gender: Option<Gender>,
        pos: usize,
    ) -> Option<Speaker> {
        if self.roles.is_empty() {
            return None;
        }
        let end = self.mentions.partition_point(|m| m.0 < pos);
        let key = |i: usize| (i, role.to_string());
        self.mentions[..end]
            .iter()
            .rev()
            .find(|&&(_, i)| {
                let g = self.persons[i].gender;
                self.roles.contains(&key(i)) && (gender.is_none() || g.is_none() || g == gender)
            })
            .map(|&(_, i)| (Some(self.persons[i].name.clone()), Some(EntityKind::Person)))
    }

    /// Resolves an organisation noun ("the council said") to the last
    /// organisation named before `pos` whose name holds the noun ("Business
    /// Coordinating Council"); a group only when `kind_of_group` says what
    /// kind ("the rights group", not "the group chanted"). A news agency, an
    /// organisation the story is told to and a name on a title-case line
    /// are none. "The company" alone names no one: the last organisation
    /// named is as often a regulator, an exchange or a newspaper.
    pub(in crate::analyze::quotes) fn org_before(
        &self,
        noun: &str,
        kind_of_group: bool,
        pos: usize,
    ) -> Option<&str> {
        if noun == "group" && !kind_of_group {
            return None;
        }
        let holds = |name: &str| name.split(' ').any(|w| w.eq_ignore_ascii_case(noun));
        self.orgs_named_before(pos)
            .filter(|name| !name.contains(" Of "))
            .find(|name| holds(name))
    }

    /// The organisations named in the 1,500 bytes before `pos`, nearest
    /// first, that may speak: no news agency, no organisation the story is
    /// told to and none on a title-case line.
    fn orgs_named_before(&self, pos: usize) -> impl Iterator<Item = &str> {
        self.known
            .iter()
            .rev()
            .filter(move |k| k.0 < pos && k.2 == EntityKind::Org && !is_news_agency(&k.3))
            .filter(|k| !self.audience.contains(&k.0) && !on_line(&self.title_lines, k.0))
            .take_while(move |k| pos - k.0 <= 1500)
            .map(|k| k.3.as_str())
    }

    /// Resolves a generic noun ("the company said", "the rights group
    /// said") to an organisation named before `pos`, with no person named
    /// since: the nearest company by its legal form for "company" and
    /// "firm", else the one organisation named in the last 1,500 bytes.
    /// Two or more leave it open: a court or a newspaper is as often the
    /// last one named.
    pub(in crate::analyze::quotes) fn org_generic(&self, noun: &str, pos: usize) -> Option<&str> {
        let cands: Vec<&str> = self.orgs_named_before(pos).collect();
        let first = self
            .known
            .iter()
            .rev()
            .find(|k| k.0 < pos && k.2 == EntityKind::Org)?;
        if self.mentions.iter().any(|&(b, _)| first.0 < b && b < pos) {
            return None;
        }
        let firm = |name: &str| {
            name.rsplit(' ')
                .next()
                .is_some_and(crate::analyze::orgs::is_legal_form_word)
        };
        if matches!(noun, "company" | "firm")
            && let Some(c) = cands.iter().find(|c| firm(c))
        {
            return Some(c);
        }
        let one = cands.first()?;
        cands.iter().all(|c| c == one).then_some(*one)
    }

    /// Resolves "it" ("…,” it said; "what it called") to the organisation
    /// named last before `pos`, within about two sentences and with no
    /// person named since: a company, agency or government body is the
    /// only speaker wire copy calls "it".
    pub(in crate::analyze::quotes) fn org_it(&self, pos: usize) -> Option<&str> {
        let last = self
            .known
            .iter()
            .rev()
            .filter(|k| k.0 < pos && !self.audience.contains(&k.0))
            .find(|k| matches!(k.2, EntityKind::Org | EntityKind::Person))?;
        let person_since = self.mentions.iter().any(|&(b, _)| last.0 < b && b < pos);
        (last.2 == EntityKind::Org
            && !person_since
            && pos - last.0 <= 400
            && !is_news_agency(&last.3)
            && !on_line(&self.title_lines, last.0))
        .then_some(last.3.as_str())
    }
}

/// Tells whether an organisation's canonical name is a news agency's.
fn is_news_agency(name: &str) -> bool {
    matches!(
        name,
        "Reuters"
            | "Associated Press"
            | "Agence France-Presse"
            | "Bloomberg"
            | "Xinhua"
            | "Yonhap"
            | "Kyodo"
            | "Interfax"
            | "TASS"
            | "Anadolu"
            | "Bernama"
            | "Press Trust of India"
    )
}
