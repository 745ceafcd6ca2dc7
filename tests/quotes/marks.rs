//! Quote marks: where quotations open and close (paragraphs, nesting,
//! unbalanced and mixed marks) and the offsets they are given.

use super::*;

#[test]
fn a_quote_over_several_paragraphs_is_one_quotation() {
    let text = "Judge Lena Moreau said:\n\n\
                “The first point is simple.\n\n\
                “The second point is harder, and it decides the case.”\n\n\
                The court adjourned.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert!(qs[0].text.starts_with("The first point"));
    assert!(qs[0].text.ends_with("decides the case."));
    assert_eq!(qs[0].speaker.as_deref(), Some("Lena Moreau"));
}

#[test]
fn nested_single_quotes_stay_inside_the_quotation() {
    let text = "“He told me ‘go home’ and left,” Priya Raman said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "He told me ‘go home’ and left,");
    assert_eq!(qs[0].speaker.as_deref(), Some("Priya Raman"));
}

#[test]
fn short_partial_quotes_are_found() {
    let text = "Karl Jensen called the plan “reckless” and left the room.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "reckless");
    assert_eq!(qs[0].speaker.as_deref(), Some("Karl Jensen"));
}

#[test]
fn an_unbalanced_mark_does_not_hide_the_next_quote() {
    let same_paragraph =
        "The sign read “closed for repairs. Later, “We reopen in June,” said Noor Haddad.";
    let qs = quotes(same_paragraph);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "We reopen in June,");
    assert_eq!(qs[0].speaker.as_deref(), Some("Noor Haddad"));

    let next_paragraph = "The sign read \"closed for repairs.\n\n\
                          The owner, Noor Haddad, said the shop would \"reopen in June.\"";
    let qs = quotes(next_paragraph);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "reopen in June.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Noor Haddad"));
}

#[test]
fn offsets_count_characters_not_bytes() {
    let text = "Zoë Ångström visited Düsseldorf. “Ça va très bien,” Ångström said.";
    let qs = quotes(text);
    assert_eq!(qs.len(), 1);
    assert_eq!(covered(text, &qs[0]), "Ça va très bien,");
    assert_eq!(covered(text, &qs[0]), qs[0].text);
    assert_eq!(qs[0].speaker.as_deref(), Some("Zoë Ångström"));
}

#[test]
fn text_without_quotes_gives_nothing() {
    assert!(quotes("The council met on Tuesday and adjourned early.").is_empty());
    assert!(quotes("").is_empty());
}

#[test]
fn a_third_mark_closing_a_nested_quote_keeps_the_attribution() {
    let text = "''They keep saying 'this is special,''' Mr. Okoro said.";
    assert_eq!(speakers(&quotes(text)), vec![Some("Okoro")]);
}

#[test]
fn hostile_text_does_not_panic() {
    for text in [
        "''' ''' '''",
        "“,” said",
        "said “",
        "— ” —",
        "Mr. “x” who, said: “",
        "“a” , , , said by",
        "\n\n“\n\n”\n\n:",
    ] {
        let _ = quotes(text);
    }
}

#[test]
fn a_straight_mark_left_open_is_not_continued_by_a_curly_one() {
    // A block quote's paragraph opened with a straight mark and never
    // closed; the next paragraph's curly quote is a quote of its own.
    let text = "\"Mara was asleep by then.\n\n“Here she comes,” Ilse Berg said. “At last.”";
    let qs = quotes(text);
    let said: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(said, vec!["Here she comes,", "At last."]);
    assert_eq!(speakers(&qs), vec![Some("Ilse Berg"), Some("Ilse Berg")]);
    // The same marks, both curly, are one quote over two paragraphs.
    let text = "“Mara was asleep by then.\n\n“Here she comes,” Ilse Berg said.";
    let said: Vec<String> = quotes(text).into_iter().map(|q| q.text).collect();
    assert_eq!(said.len(), 1);
    assert!(said[0].starts_with("Mara was asleep"));
}
