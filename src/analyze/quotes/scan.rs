//! Finds quoted spans: curly and straight marks (and the `''` of some wire
//! services), quotes nested in quotes, paragraphs that re-open a running
//! quote, and recovery from unbalanced marks at paragraph ends.

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

/// What one character (or a `''` pair) does to the quote state.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Opens a double quote; the mark is this many bytes long.
    Open(usize),
    /// Closes a double quote; the mark is this many bytes long.
    Close(usize),
    /// Opens a single quote (only outside double quotes).
    OpenSingle,
    /// Closes a single quote.
    CloseSingle,
    None,
}

/// Tells whether a straight mark opens a quote, judging by its neighbours.
fn straight_opens(prev: Option<char>, next: Option<char>) -> bool {
    let prev_ok = match prev {
        None => true,
        Some(p) => p.is_whitespace() || "([{—–-/:".contains(p),
    };
    let next_ok = next.is_some_and(|n| !n.is_whitespace());
    prev_ok && next_ok
}

/// Classifies the character at byte `i`.
fn mark(text: &str, i: usize, c: char, prev: Option<char>) -> Mark {
    let rest = &text[i + c.len_utf8()..];
    let next = rest.chars().next();
    match c {
        '“' | '«' | '„' => Mark::Open(c.len_utf8()),
        '”' | '»' => Mark::Close(c.len_utf8()),
        '"' if straight_opens(prev, next) => Mark::Open(1),
        '"' => Mark::Close(1),
        '\'' if next == Some('\'') => {
            let after = rest[1..].chars().next();
            if straight_opens(prev, after) {
                Mark::Open(2)
            } else {
                Mark::Close(2)
            }
        }
        '‘' if next.is_some_and(|n| !n.is_whitespace()) => Mark::OpenSingle,
        '’' if !next.is_some_and(char::is_alphanumeric) => Mark::CloseSingle,
        _ => Mark::None,
    }
}

/// Returns the first non-blank character after byte offset `from`.
fn next_non_blank(text: &str, from: usize) -> Option<(usize, char)> {
    text[from..]
        .char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map(|(i, c)| (from + i, c))
}

/// Returns every quotation in text order. Quotes nested inside another
/// belong to it; when a paragraph ends with a quote still open and the next
/// paragraph does not re-open it, the open mark was stray: the quotes nested
/// after it are kept and scanning goes on.
pub(super) fn quote_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    // Opening marks still open: (byte offset, mark length).
    let mut stack: Vec<(usize, usize)> = Vec::new();
    // Quotes closed inside an open one, kept in case the outer one was stray.
    let mut inner: Vec<Span> = Vec::new();
    let mut single: Option<usize> = None;
    let mut skip_to = 0;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let here = prev;
        prev = Some(c);
        if i < skip_to {
            continue;
        }
        if c == '\n' {
            single = None;
            if !stack.is_empty() {
                // A paragraph re-opens a running quote with the mark that
                // opened it: a straight mark left open before a curly one
                // ("Jo slept.\n\n“Here,” she said) was stray.
                let straight = text[stack[0].0..].starts_with('"');
                let reopens = |c: char| (c == '"') == straight;
                match next_non_blank(text, i) {
                    Some((j, c @ ('“' | '"' | '«'))) if reopens(c) => {
                        stack.truncate(1);
                        skip_to = j + 1;
                    }
                    Some((j, '\'')) if text[j + 1..].starts_with('\'') => {
                        stack.truncate(1);
                        skip_to = j + 2;
                    }
                    _ => {
                        stack.clear();
                        spans.append(&mut inner);
                    }
                }
            }
            continue;
        }
        match mark(text, i, c, here) {
            Mark::Open(len) => {
                single = None;
                stack.push((i, len));
                skip_to = i + len;
            }
            Mark::Close(len) => {
                if let Some((o, olen)) = stack.pop() {
                    let span = make(text, o, olen, i, len);
                    if stack.is_empty() {
                        inner.clear();
                        spans.extend(span);
                    } else {
                        inner.extend(span);
                    }
                }
                skip_to = i + len;
            }
            Mark::OpenSingle if stack.is_empty() => single = Some(i),
            Mark::CloseSingle if stack.is_empty() => {
                if let Some(o) = single.take() {
                    spans.extend(make(text, o, '‘'.len_utf8(), i, c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    if !stack.is_empty() {
        spans.append(&mut inner);
    }
    spans.sort_by_key(|s| s.open);
    spans
}

/// Builds a span unless it holds no words.
fn make(text: &str, open: usize, open_len: usize, end: usize, close_len: usize) -> Option<Span> {
    let start = open + open_len;
    text[start..end]
        .chars()
        .any(char::is_alphanumeric)
        .then_some(Span {
            open,
            start,
            end,
            close: end + close_len,
        })
}
