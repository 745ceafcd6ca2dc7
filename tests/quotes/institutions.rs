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
fn an_organisation_noun_names_the_organisation_that_holds_it() {
    // The noun in the organisation's name, however far back in the story.
    let text = "The Harbor Trades Council, the port's main employers' lobby, \
                backed the plan on Monday.\n\n\
                \"Investors need rules that do not change,\" the council said.";
    assert_eq!(
        speakers_of(text),
        vec![Some("Harbor Trades Council".to_string())]
    );
    // A kind of group is an organisation named so; a bare group may be a crowd.
    let text = "The Caspian Rights Group said eight people were shot.\n\n\
                \"It must stop,\" the rights group said.";
    assert_eq!(
        speakers_of(text),
        vec![Some("Caspian Rights Group".to_string())]
    );
    let text = "Northwind Banking Group said it would cut jobs. Protesters gathered outside.\n\n\
                \"Shame on you,\" the group chanted.";
    assert_eq!(speakers_of(text), vec![None]);
}

#[test]
fn the_company_is_not_whichever_organisation_was_named_last() {
    // A court, a regulator or a newspaper is as often the last one named.
    let text = "Northwind Freight Corp lost its appeal at the European Court of Justice, \
                the Financial Times reported.\n\n\
                \"We are disappointed,\" the company said.";
    let said = speakers_of(text);
    assert!(
        !said.contains(&Some("European Court of Justice".to_string()))
            && !said.contains(&Some("Financial Times".to_string())),
        "{said:?}"
    );
}

#[test]
fn it_is_the_organisation_named_last() {
    let text = "The Securities and Exchange Commission filed a civil suit on Monday. \
                Investors lost money in what it called \"a years-long scheme to deceive.\"\n\n\
                Senator Ruth Calder welcomed the suit. \"It is overdue,\" she said. \
                \"We need more of it,\" it said.";
    assert_eq!(
        speakers_of(text),
        vec![
            Some("Securities and Exchange Commission".to_string()),
            Some("Ruth Calder".to_string()),
            None
        ]
    );
}

#[test]
fn the_company_right_after_an_organisation_is_that_organisation() {
    let text = "Quillfield Foods Inc. said it would build a plant near Columbus. \
                \"Ohio is a great place to do business,\" the company said.";
    assert_eq!(
        speakers_of(text),
        vec![Some("Quillfield Foods Inc.".to_string())]
    );
    let text = "The Caspian Human Rights Council said 300 people were detained. \
                \"This is a crackdown,\" the rights group said.";
    assert_eq!(
        speakers_of(text),
        vec![Some("Caspian Human Rights Council".to_string())]
    );
    // A source named by "according to" is one too.
    let text = "According to the Caspian Human Rights Council, 300 people were detained. \
                \"This is a crackdown,\" the rights group said.";
    assert_eq!(
        speakers_of(text),
        vec![Some("Caspian Human Rights Council".to_string())]
    );
    // With a person named since, the company is not guessed.
    let text = "Quillfield Foods Inc. said it would build a plant. Analyst Jo Pike doubted it. \
                \"It is a good site,\" the company said.";
    assert_eq!(speakers_of(text), vec![None]);
}
