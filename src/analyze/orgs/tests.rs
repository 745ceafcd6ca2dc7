//! Unit tests of organisation finding and linking, on our own sentences.

use crate::analyze::analyze;
use crate::model::EntityKind;

fn orgs(text: &str) -> Vec<(String, Vec<String>)> {
    analyze(text)
        .entities
        .into_iter()
        .filter(|e| e.kind == EntityKind::Org)
        .map(|e| (e.name, e.mentions.into_iter().map(|m| m.text).collect()))
        .collect()
}

/// Returns the canonical names of the organisations in `text`.
fn org_names(text: &str) -> Vec<String> {
    orgs(text).into_iter().map(|(n, _)| n).collect()
}

#[test]
fn an_acronym_defined_in_parentheses_links_later_uses() {
    let text = "The Caspian Fisheries Regulatory Authority (CFRA) issued new quotas. \
                CFRA inspectors will check every port.";
    let found = orgs(text);
    let cfra = found
        .iter()
        .find(|(n, _)| n == "Caspian Fisheries Regulatory Authority")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(
        cfra.1.iter().filter(|m| *m == "CFRA").count(),
        2,
        "{found:?}"
    );
}

#[test]
fn known_short_forms_take_the_full_name() {
    let text = "The United Nations called for calm. A U.N. spokesman said the UN team was ready.";
    let found = orgs(text);
    let un: Vec<_> = found
        .iter()
        .filter(|(n, _)| n == "United Nations")
        .collect();
    assert_eq!(un.len(), 1, "{found:?}");
    assert!(un[0].1.len() >= 3, "{found:?}");
}

#[test]
fn names_ending_in_an_organisation_word_are_organisations() {
    let text = "Officials from the Danube Shipping Association met on Monday.";
    let names = org_names(text);
    assert!(
        names.contains(&"Danube Shipping Association".to_string()),
        "{names:?}"
    );
}

#[test]
fn a_government_ministry_is_an_organisation_without_its_country() {
    let text = "Norway's Foreign Ministry summoned the envoy on Thursday. \
                The Russian Defense Ministry said it had no comment. \
                The North Korean Trade Ministry was silent.";
    assert_eq!(
        org_names(text),
        ["Foreign Ministry", "Defense Ministry", "Trade Ministry"]
    );
}

#[test]
fn a_place_inside_an_organisation_name_is_no_place() {
    let a = analyze("Traders at the Chicago Board of Trade sold corn, the Bank of Japan said.");
    let places: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| matches!(e.kind, EntityKind::Place | EntityKind::Country))
        .flat_map(|e| e.mentions.iter().map(|m| m.text.as_str()))
        .collect();
    assert!(places.is_empty(), "{places:?}");
}

#[test]
fn a_city_club_in_a_match_report_is_an_organisation_not_a_place() {
    let text = "Leicester beat Norwich 2-1 in the league on Saturday. The striker scored twice \
                and the coach praised the defence after the match, a win that lifts \
                Leicester to third. Norwich fans left early.";
    let a = analyze(text);
    let places: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .map(|e| e.name.as_str())
        .collect();
    assert!(
        !places.contains(&"Leicester") && !places.contains(&"Norwich"),
        "{places:?}"
    );
    let names = org_names(text);
    assert!(names.contains(&"Leicester".to_string()), "{names:?}");
}

#[test]
fn a_city_outside_sport_stays_a_place() {
    let text = "Flooding closed roads in Leicester on Saturday, and the council opened shelters.";
    let a = analyze(text);
    assert!(
        a.entities
            .iter()
            .any(|e| e.kind == EntityKind::Place && e.name == "Leicester")
    );
}

#[test]
fn a_name_does_not_run_on_over_a_date() {
    // "on Friday" is when, not part of the council's name; "Council on
    // Foreign Relations" is a name.
    let text = "The Harbour Oversight Council on Friday fined the port. The Council on \
                Foreign Relations said nothing.";
    let names = org_names(text);
    assert!(
        names.contains(&"Harbour Oversight Council".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"Council on Foreign Relations".to_string()),
        "{names:?}"
    );
    assert!(names.iter().all(|n| !n.contains("Friday")), "{names:?}");
}

#[test]
fn an_institutes_name_keeps_its_closing_word() {
    let names = |text: &str| -> Vec<String> { orgs(text).into_iter().map(|(n, _)| n).collect() };
    assert_eq!(
        names("Ha Min-seo teaches at the University of North Korean Studies."),
        ["University of North Korean Studies"]
    );
    assert_eq!(
        names("A paper from the Institute for Maritime Studies drew replies."),
        ["Institute for Maritime Studies"]
    );
    assert_eq!(
        names("The Council on Baltic Relations met in Riga."),
        ["Council on Baltic Relations"]
    );
}

#[test]
fn an_acronym_is_not_repeated_by_a_title_case_word() {
    let text = "The SEC fined two banks on Monday. \
                Sec. Lena Varga said the fines were fair, and the SEC agreed.";
    let found = orgs(text);
    let sec = found
        .iter()
        .find(|(n, _)| n == "SEC")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(sec.1, ["SEC", "SEC"], "{found:?}");
}

#[test]
fn a_firms_boss_leaves_the_firm_its_name() {
    let names = org_names("Kestrel boss Ana Ruiz declined to comment on the results.");
    assert_eq!(names, ["Kestrel"]);
}

#[test]
fn a_name_the_tagger_ends_on_its_joiner_runs_on() {
    let names = |text: &str| -> Vec<String> { orgs(text).into_iter().map(|(n, _)| n).collect() };
    // The tagger reads "Asan Institute for" and stops.
    assert_eq!(
        names("The Asan Institute for Policy Studies published the survey on Monday."),
        ["Asan Institute for Policy Studies"]
    );
}

#[test]
fn a_company_named_by_its_shares_is_an_organisation() {
    let names = |text: &str| -> Vec<String> { orgs(text).into_iter().map(|(n, _)| n).collect() };
    assert_eq!(
        names("Shares of BYD fell 3% in Hong Kong on Monday."),
        ["BYD"]
    );
    assert_eq!(
        names("Investors sold shares of Rivian Automotive after the recall."),
        ["Rivian Automotive"]
    );
    assert!(names("He bought shares of the company in May.").is_empty());
}

#[test]
fn a_known_short_form_and_either_spelling_of_its_name_are_one_organisation() {
    let text = "The North Atlantic Treaty Organisation met in Brussels. NATO ministers agreed, \
                and the Organisation for Economic Co-operation and Development and the OECD's \
                economists welcomed it.";
    let found = orgs(text);
    let nato = found
        .iter()
        .find(|(n, _)| n == "North Atlantic Treaty Organization")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(
        nato.1,
        ["North Atlantic Treaty Organisation", "NATO"],
        "{found:?}"
    );
    let oecd = found
        .iter()
        .find(|(n, _)| n == "Organization for Economic Cooperation and Development")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(oecd.1.len(), 2, "{found:?}");
    assert_eq!(
        found.len(),
        2,
        "no piece of a name is an organisation: {found:?}"
    );
}

#[test]
fn a_longer_name_holds_the_known_short_form_inside_it() {
    let found = orgs("The U.N. Security Council met. The United Nations Security Council voted.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "United Nations Security Council");
    assert_eq!(found[0].1.len(), 2, "{found:?}");
}

#[test]
fn the_fed_is_the_central_bank_but_not_a_verb_or_a_cup() {
    let found = orgs("Traders said the Fed would wait. The farmer fed the cows.");
    assert_eq!(
        found,
        [("Federal Reserve".to_string(), vec!["Fed".to_string()])]
    );
    assert!(
        orgs("She played in the Fed Cup final in Prague.")
            .iter()
            .all(|(n, _)| n != "Federal Reserve")
    );
}

#[test]
fn a_name_whose_shares_moved_is_a_company_not_a_person() {
    let a = analyze("Traders said Hyundai Motor shares jumped while Castellane shares fell.");
    let names = |kind: EntityKind| -> Vec<String> {
        a.entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone())
            .collect()
    };
    assert_eq!(names(EntityKind::Org), ["Hyundai Motor", "Castellane"]);
    assert!(names(EntityKind::Person).is_empty(), "{:?}", a.entities);
    // A verb keeps the person; a sector is no company.
    let a = analyze("Maria Alvarez shares her view. Bank shares fell on Monday.");
    let people: Vec<&str> = a
        .entities
        .iter()
        .map(|e| (e.kind, e.name.as_str()))
        .filter(|(k, _)| *k == EntityKind::Person)
        .map(|(_, n)| n)
        .collect();
    assert_eq!(people, ["Maria Alvarez"]);
    assert!(
        a.entities.iter().all(|e| e.kind != EntityKind::Org),
        "{:?}",
        a.entities
    );
}

#[test]
fn a_short_form_that_opens_another_name_is_not_expanded() {
    let names = org_names("AP Moller-Maersk shares fell 4% in Copenhagen.");
    assert_eq!(names, ["AP Moller-Maersk"]);
    // AP style writes "Program": one name with the British spelling.
    let found = orgs("The World Food Programme warned. The World Food Program and the WFP agreed.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "World Food Program");
    assert_eq!(found[0].1.len(), 3, "{found:?}");
}

#[test]
fn agencies_known_by_name_are_found_in_either_apostrophe() {
    for text in [
        "China's state-run People's Daily newspaper called it a mistake, Xinhua said.",
        "It ran in People’s Daily on Monday, and Xinhua carried it.",
    ] {
        let names = org_names(text);
        assert_eq!(names, ["People's Daily", "Xinhua"], "{text}");
    }
}

#[test]
fn two_sides_written_side_by_side_are_not_one_organisation() {
    let a = analyze("The Israel Hamas war entered its third year on Sunday.");
    let names: Vec<(EntityKind, &str)> = a
        .entities
        .iter()
        .map(|e| (e.kind, e.name.as_str()))
        .collect();
    assert!(
        names.contains(&(EntityKind::Country, "Israel")),
        "{names:?}"
    );
    assert!(names.contains(&(EntityKind::Org, "Hamas")), "{names:?}");
    // A place before an organisation's name still belongs to it, before
    // talks as anywhere.
    for (text, name) in [
        (
            "The Cairo Stock Exchange fell on Sunday.",
            "Cairo Stock Exchange",
        ),
        ("The China Evergrande talks collapsed.", "China Evergrande"),
        (
            "The Chicago Board of Trade talks resumed.",
            "Chicago Board of Trade",
        ),
    ] {
        let names = org_names(text);
        assert_eq!(names, [name], "{text}");
    }
}

#[test]
fn a_company_whose_shares_moved_is_named_whole() {
    for (text, want) in [
        (
            "Traders said Japan Tobacco shares rose on Monday.",
            vec!["Japan Tobacco"],
        ),
        (
            "Boston Scientific shares fell 3%.",
            vec!["Boston Scientific"],
        ),
        ("Toyota Motor shares ended higher.", vec!["Toyota Motor"]),
        ("Bank of America shares rose.", vec!["Bank of America"]),
        (
            "Shares of Crown Resorts fell on Monday.",
            vec!["Crown Resorts"],
        ),
        // A country after "in" is where, and a town alone is a market.
        (
            "In Japan Sony shares rose while Tokyo shares fell.",
            vec!["Sony"],
        ),
    ] {
        let names = org_names(text);
        assert_eq!(names, want, "{text}");
    }
}

#[test]
fn a_name_an_apposition_calls_a_company_is_an_organisation() {
    let a = analyze(
        "Veltrona, the chipmaker, said revenue rose. Its chief executive, Ana Ruiz, \
         said demand was strong, and Brightwater, a British water company, agreed.",
    );
    let of = |kind: EntityKind| -> Vec<String> {
        a.entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone())
            .collect()
    };
    assert_eq!(of(EntityKind::Org), ["Veltrona", "Brightwater"]);
    assert_eq!(of(EntityKind::Person), ["Ana Ruiz"]);
    // A person's apposition about a company, or a trade, keeps the person.
    for text in [
        "Ana Ruiz, the company's founder, said it was a good year.",
        "Jane Doe, a spokeswoman for the company, said the plan was on track.",
        "Dave Jones, a coal miner, said the pit would close.",
    ] {
        let a = analyze(text);
        assert!(
            !a.entities.is_empty() && a.entities.iter().all(|e| e.kind == EntityKind::Person),
            "{text}: {:?}",
            a.entities
        );
    }
}

mod forms;
mod groups;
mod headed;
