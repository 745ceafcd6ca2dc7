//! Where the text's quotation marks open and close, and where its
//! sentences end outside them: what the resolvers of pronouns and roles
//! read, so a name inside a quotation is not taken for its speaker.

use super::super::tokens::Tok;

/// Returns where sentences end outside quotation marks (a full stop inside
/// a quote ends none of the story's sentences), and every line break.
pub(super) fn sentence_ends(toks: &[Tok<'_>]) -> Vec<usize> {
    let mut inside = false;
    let mut ends = Vec::new();
    for t in toks {
        match t.text {
            "\n" => {
                inside = false;
                ends.push(t.start);
            }
            "\"" => inside = !inside,
            "\u{201c}" => inside = true,
            "\u{201d}" => inside = false,
            _ if t.ends_sentence() && !inside => ends.push(t.start),
            _ => {}
        }
    }
    ends
}

/// Returns the byte ranges between an opening and a closing double
/// quotation mark, in text order. A line break (or the end of the text)
/// closes an open quotation, so an unbalanced mark hides at most the rest
/// of its paragraph; a straight mark right after a digit is an inch mark
/// ("a 12" pipe") and opens or closes nothing.
pub(super) fn quoted_spans(toks: &[Tok<'_>]) -> Vec<(usize, usize)> {
    let mut open: Option<usize> = None;
    let mut spans = Vec::new();
    let mut after_digit = false;
    for t in toks {
        let inch = t.text == "\"" && after_digit;
        after_digit = t.text.ends_with(|c: char| c.is_ascii_digit());
        if inch {
            continue;
        }
        match (t.text, open) {
            ("\n" | "\u{201d}" | "\"", Some(start)) => {
                spans.push((start, t.start));
                open = None;
            }
            ("\u{201c}" | "\"", None) => open = Some(t.start),
            _ => {}
        }
    }
    spans.extend(open.map(|start| (start, usize::MAX)));
    spans
}

/// Tells whether byte `at` lies inside one of `spans` (sorted, disjoint).
pub(super) fn is_quoted(spans: &[(usize, usize)], at: usize) -> bool {
    let k = spans.partition_point(|s| s.1 <= at);
    spans.get(k).is_some_and(|s| s.0 < at)
}
