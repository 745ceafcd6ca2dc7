//! Finds quoted spans: curly and straight marks, paragraphs that re-open a
//! running quote, and recovery from unbalanced marks at paragraph ends.

/// One quotation as byte offsets into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the first quoted character.
    pub start: usize,
    /// Byte offset just past the last quoted character.
    pub end: usize,
    /// Byte offset just past the closing mark.
    pub close: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
}

/// Tells whether a straight `"` opens a quote, judging by its neighbours.
fn straight_opens(prev: Option<char>, next: Option<char>) -> bool {
    let prev_ok = match prev {
        None => true,
        Some(p) => p.is_whitespace() || "([{—–-/:".contains(p),
    };
    let next_ok = next.is_some_and(|n| !n.is_whitespace());
    prev_ok && next_ok
}

/// Returns the first non-blank character after byte offset `from`.
fn next_non_blank(text: &str, from: usize) -> Option<(usize, char)> {
    text[from..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (from + i, c))
}

/// Returns every quotation in text order; marks inside a double quote (nested
/// single quotes) belong to it.
pub(super) fn quote_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    // (byte offset of the opening mark, kind)
    let mut open: Option<(usize, Kind)> = None;
    // A running quote continues at this byte offset (its re-opening mark).
    let mut reopen_at: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        let here = prev;
        prev = Some(c);
        if reopen_at.is_some_and(|r| r > i) {
            continue;
        }
        if reopen_at == Some(i) {
            reopen_at = None;
            continue;
        }
        if c == '\n' {
            if let Some((_, Kind::Double)) = open {
                match next_non_blank(text, i) {
                    Some((j, '“' | '"' | '«')) => reopen_at = Some(j),
                    _ => open = None, // unbalanced: drop it and recover
                }
            } else {
                open = None;
            }
            continue;
        }
        let opens_double = c == '“' || c == '«' || (c == '"' && straight_opens(here, next));
        let closes_double = c == '”' || c == '»' || (c == '"' && !straight_opens(here, next));
        match open {
            None if opens_double => open = Some((i, Kind::Double)),
            None if c == '‘' && next.is_some_and(|n| !n.is_whitespace()) => {
                open = Some((i, Kind::Single));
            }
            Some((o, Kind::Double)) if closes_double => {
                push(&mut spans, text, o, i, i + c.len_utf8());
                open = None;
            }
            // A second opening curly mark before any close: the first was stray.
            Some((_, Kind::Double)) if c == '“' => open = Some((i, Kind::Double)),
            Some((o, Kind::Single)) if c == '’' && !next.is_some_and(char::is_alphanumeric) => {
                push(&mut spans, text, o, i, i + c.len_utf8());
                open = None;
            }
            // A double mark inside a single quote: the single one was an apostrophe.
            Some((_, Kind::Single)) if opens_double => open = Some((i, Kind::Double)),
            _ => {}
        }
    }
    spans
}

/// Adds a span unless it holds no words.
fn push(spans: &mut Vec<Span>, text: &str, open: usize, end: usize, close: usize) {
    let start = open + text[open..].chars().next().map_or(1, char::len_utf8);
    if text[start..end].chars().any(char::is_alphanumeric) {
        spans.push(Span {
            open,
            start,
            end,
            close,
        });
    }
}
