//! Armed groups, parties and parliaments that copy names alone, which the
//! tagger, knowing no such word, would read as people.

use super::org_names;
use crate::analyze::analyze;
use crate::model::EntityKind;

#[test]
fn a_known_group_is_an_organisation_and_nobody() {
    let text = "Lebanon's Hezbollah said it fired rockets. Hezbollah later denied it. \
                Fine Gael and Plaid Cymru traded blows, and Islamic State claimed nothing.";
    let a = analyze(text);
    assert!(
        a.entities.iter().all(|e| e.kind != EntityKind::Person),
        "{:?}",
        a.entities
    );
    let mut names = org_names(text);
    names.sort();
    assert_eq!(
        names,
        ["Fine Gael", "Hezbollah", "Islamic State", "Plaid Cymru"]
    );
    let hezbollah = a.entities.iter().find(|e| e.name == "Hezbollah");
    assert_eq!(hezbollah.map(|e| e.mentions.len()), Some(2));
}

#[test]
fn a_known_agency_by_its_initials_takes_its_full_name() {
    assert_eq!(
        org_names("UNICEF said two million children were at risk."),
        ["United Nations Children's Fund"]
    );
}

#[test]
fn a_name_without_the_country_before_it_is_the_same_organisation() {
    let text = "Saudi Aramco said profit fell. Aramco shares slipped.";
    assert_eq!(org_names(text), ["Saudi Aramco"]);
    let found = super::orgs(
        "The U.S. Department of Homeland Security said it had deported 1,200 people. \
         DHS officials declined to comment.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.len(), 2, "{found:?}");
    // A generic word left alone is no short name ("Railways across Europe").
    let found =
        super::orgs("Russian Railways said trains were late. Railways across Europe were hit.");
    assert_eq!(found[0].1.len(), 1, "{found:?}");
}
