//! Speakers that are organisations, governments and countries.

use super::*;

#[test]
fn finds_an_organisation_speaker() {
    let text = "“The border stays closed,” the Interior Ministry said in a statement.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].speaker.as_deref(), Some("Interior Ministry"));
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Org));

    let unnamed = quotes("“No one was hurt,” the ministry said.");
    assert_eq!(unnamed[0].speaker_kind, Some(EntityKind::Org));
}

#[test]
fn organisation_names_keep_their_of() {
    let text = "“Rates will stay where they are,” said the Bank of England.";
    let qs = quotes(text);
    assert_eq!(qs[0].speaker.as_deref(), Some("Bank of England"));
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Org));
}

#[test]
fn a_capital_speaks_for_its_country() {
    let text = "“The exercise is routine,” Canberra said.";
    let qs = quotes(text);
    assert_eq!(qs[0].speaker.as_deref(), Some("Australia"));
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Country));
}

#[test]
fn seats_of_government_speak_for_their_country() {
    let qs = quotes("The Kremlin dismissed the report as “fiction.”");
    assert_eq!(speakers(&qs), vec![Some("Russia")]);
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Country));
    let qs = quotes("“We have no comment at this time,” the White House said.");
    assert_eq!(speakers(&qs), vec![Some("United States")]);
}

#[test]
fn a_country_s_ministry_or_embassy_speaks_for_the_country() {
    let qs = quotes("Norway's foreign ministry said the claims were “baseless.”");
    assert_eq!(speakers(&qs), vec![Some("Norway")]);
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Country));
    let qs = quotes("Chile's embassy in Madrid said the visit was “routine.”");
    assert_eq!(speakers(&qs), vec![Some("Chile")]);
}

#[test]
fn org_entities_from_the_recogniser_give_canonical_names() {
    let text = "Ölüdeniz was calm. “Aid is blocked at the border,” the U.N. said.";
    let orgs = [entity(text, EntityKind::Org, "United Nations", &["U.N."])];
    let qs = find_quotes(text, &orgs);
    assert_eq!(speakers(&qs), vec![Some("United Nations")]);
    assert_eq!(qs[0].speaker_kind, Some(EntityKind::Org));
}

#[test]
fn the_owner_of_a_report_speaks() {
    let text = "“Growth will slow,” the OECD report stated.";
    let orgs = [entity(text, EntityKind::Org, "OECD", &["OECD"])];
    assert_eq!(speakers(&find_quotes(text, &orgs)), vec![Some("OECD")]);
}

#[test]
fn an_organisation_noun_names_the_organisation_before_it() {
    // The noun in the organisation's name, however far back in the story.
    let text = "The Harbor Trades Council, the port's main employers' lobby, \
                backed the plan on Monday.\n\n\
                \"Investors need rules that do not change,\" the council said.";
    assert_eq!(
        speakers_of(text),
        vec![Some("Harbor Trades Council".to_string())]
    );
    // "The company" is the company named just before.
    let text = "Kestrel Motor said on Wednesday its profit fell 18%.\n\n\
                \"The impact of tariffs is significant,\" the company said in a statement.";
    assert_eq!(speakers_of(text), vec![Some("Kestrel Motor".to_string())]);
    // A kind of group says it is an organisation; a bare group may be a crowd.
    let text = "Amnesty International said eight people were shot.\n\n\
                \"It must stop,\" the rights group said.";
    assert_eq!(
        speakers_of(text),
        vec![Some("Amnesty International".to_string())]
    );
    let text = "The crowd rallied at Temple University on Tuesday.\n\n\
                \"Power to the people!\" the group shouted.";
    assert_eq!(speakers_of(text), vec![None]);
}

#[test]
fn an_organisation_noun_skips_agencies_and_audiences() {
    // Reuters reported it and Harbor Radio was told: neither is the company.
    let text = "Northwind Freight Corp cut 300 jobs, Reuters reported.\n\n\
                \"We regret the decision,\" the company said.";
    assert_eq!(
        speakers_of(text),
        vec![Some("Northwind Freight Corp".to_string())]
    );
    let text = "The mayor spoke to Harbor Radio on Monday.\n\n\
                \"We regret the decision,\" the company said.";
    assert_eq!(speakers_of(text), vec![None]);
    // "A group called …" is no group the story named.
    let text = "Northwind Freight Corp cut 300 jobs.\n\n\
                A message read \"Save our jobs,\" a group called the Dock Union said.";
    assert_ne!(
        speakers_of(text),
        vec![Some("Northwind Freight Corp".to_string())]
    );
}
