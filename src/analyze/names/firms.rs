//! Firms the tagger or the rules read as people: a name before a legal
//! form ("Hugo Boss AG"), and a lone word that opens a firm's name.

use crate::analyze::orgs::is_legal_form;
use crate::analyze::tagger::{self, Kind, Shape};
use crate::model::{Entity, EntityKind, Mention};
use foldhash::HashMap;

/// A person span followed, on the same line and with no more than one
/// capitalised word between, by a legal form is the firm that bears the
/// name ("Hugo Boss AG", "Robert Bosch GmbH"): it becomes an organisation
/// span that ends with the form. So does an organisation span the tagger
/// ended before a trade word ("Quillfield" of "Quillfield Foods Inc.").
pub(super) fn before_legal_forms(
    text: &str,
    toks: &[tagger::Tok],
    mut spans: Vec<tagger::Span>,
) -> Vec<tagger::Span> {
    let joined = |a: usize| super::joined(toks, a);
    let mut firms = Vec::new();
    for (k, s) in spans
        .iter_mut()
        .enumerate()
        .filter(|(_, s)| matches!(s.kind, Kind::Per | Kind::Org))
    {
        let org = s.kind == Kind::Org;
        let mut e = s.end;
        if toks
            .get(e)
            .is_some_and(|t| t.shape == Shape::Title && !is_legal_form(text, t))
            && joined(e - 1)
        {
            e += 1;
        }
        // The form ends the name: "Taylor Swift Limited Edition", "Peter
        // Lim SE Asia" are no firms, nor is a form that may be a person's
        // initials ("Jane Doe AB").
        let ends = toks
            .get(e + 1)
            .is_none_or(|t| !t.shape.capitalised() || !joined(e));
        let initials = !org
            && toks
                .get(e)
                .is_some_and(|t| matches!(&text[t.b0..t.b1], "AB" | "SE" | "SA" | "Co"));
        if toks.get(e).is_some_and(|t| is_legal_form(text, t)) && joined(e - 1) && ends && !initials
        {
            s.kind = Kind::Org;
            s.end = e + 1;
            firms.push((k, s.start, s.end));
        }
    }
    // The words the firm's name took from other spans are its own.
    let mut k = 0;
    spans.retain(|s| {
        k += 1;
        !firms
            .iter()
            .any(|&(f, a, b)| f != k - 1 && s.start < b && a < s.end)
    });
    spans
}

/// A one-word "person" whose word opens an organisation's name in the same
/// story is that organisation, shortened ("Jones" after "Jones Medical").
pub(super) fn not_people(entities: &mut Vec<Entity>) {
    // Each first word to the first organisation it opens.
    let mut firms: HashMap<String, usize> = HashMap::default();
    for (k, e) in entities.iter().enumerate() {
        if e.kind == EntityKind::Org && e.name.contains(' ') {
            let first = e.name.split(' ').next().unwrap_or_default();
            firms.entry(first.to_string()).or_insert(k);
        }
    }
    let mut moved: Vec<(usize, Vec<Mention>)> = Vec::new();
    for e in entities
        .iter_mut()
        .filter(|e| e.kind == EntityKind::Person && !e.name.contains(' '))
    {
        if let Some(&k) = firms.get(&e.name) {
            moved.push((k, std::mem::take(&mut e.mentions)));
        }
    }
    for (k, ms) in moved {
        entities[k].mentions.extend(ms);
        entities[k].mentions.sort_by_key(|m| m.start);
    }
    entities.retain(|e| !e.mentions.is_empty());
}
