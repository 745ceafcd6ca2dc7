//! Checks on a cache after a crash or a failed write.

use byline::store::{ListQuery, Store};

/// Checks every story is whole: text with a current analysis holding
/// entities and quotes, or no text and at most its headline's analysis (no
/// quotes, no mentions). Tests that use it give every text a country and a
/// quote, so an analysis without them is half stored.
pub fn assert_no_half_story(store: &Store, context: &str) {
    for row in store.list(&ListQuery::default()).expect("list") {
        let story = store.story(row.id).expect("story").expect("listed");
        let analysis = store.analysis(row.id).expect("analysis");
        if story.text.is_empty() {
            let text_found = analysis.is_some_and(|(a, _)| {
                !a.quotes.is_empty() || a.entities.iter().any(|e| !e.mentions.is_empty())
            });
            assert!(
                !text_found,
                "{context}: story {:?} has a text's analysis but no text",
                row.id
            );
            continue;
        }
        let (analysis, version) = analysis
            .unwrap_or_else(|| panic!("{context}: story {:?} has text but no analysis", row.id));
        assert_eq!(version, byline::analyze::VERSION, "{context}");
        assert!(
            !analysis.entities.is_empty() && !analysis.quotes.is_empty(),
            "{context}: story {:?} has text without its entities or quotes: {analysis:?}",
            row.id
        );
    }
}
