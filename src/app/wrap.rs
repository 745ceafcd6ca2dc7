//! Word wrapping by display width, for text with a mark on every character.
//!
//! Widths come from `unicode-width`, so CJK and emoji take two columns; a
//! line may break between two wide characters, after a space, or inside a
//! word that is wider than the line.

use unicode_width::UnicodeWidthChar;

/// Returns the display width of a character (0 for combining marks).
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Returns the display width of a string.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Wraps `chars` (each with its mark) to `width` columns.
///
/// White space separates words and is dropped at line ends; wide characters
/// may start a new line on their own. Every line is at most `width` wide
/// (a zero width is treated as one column).
pub fn wrap<M: Clone>(chars: &[(char, M)], width: usize) -> Vec<Vec<(char, M)>> {
    let width = width.max(1);
    let mut lines: Vec<Vec<(char, M)>> = Vec::new();
    let mut line: Vec<(char, M)> = Vec::new();
    let mut used = 0;
    let mut pending_space: Option<(char, M)> = None;
    for token in tokens(chars) {
        if token.len() == 1 && token[0].0.is_whitespace() {
            if !line.is_empty() {
                pending_space = Some((' ', token[0].1.clone()));
            }
            continue;
        }
        let token_width: usize = token.iter().map(|(c, _)| char_width(*c)).sum();
        let space = usize::from(pending_space.is_some());
        if used + space + token_width > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            used = 0;
            pending_space = None;
        }
        if let Some(space) = pending_space.take() {
            line.push(space);
            used += 1;
        }
        for (c, mark) in token {
            let w = char_width(*c);
            if used + w > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push((*c, mark.clone()));
            used += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Splits into words, single spaces and single wide characters; combining
/// characters stay with what precedes them.
fn tokens<M>(chars: &[(char, M)]) -> Vec<&[(char, M)]> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, (c, _)) in chars.iter().enumerate() {
        let w = char_width(*c);
        let breaks_before = c.is_whitespace() || w == 2;
        if breaks_before && i > start {
            out.push(&chars[start..i]);
            start = i;
        }
        let breaks_after = c.is_whitespace() || w == 2;
        if breaks_after && !next_is_zero_width(chars, i) {
            out.push(&chars[start..=i]);
            start = i + 1;
        }
    }
    if start < chars.len() {
        out.push(&chars[start..]);
    }
    out
}

fn next_is_zero_width<M>(chars: &[(char, M)], i: usize) -> bool {
    chars
        .get(i + 1)
        .is_some_and(|(c, _)| char_width(*c) == 0 && !c.is_whitespace())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Vec<(char, ())> {
        s.chars().map(|c| (c, ())).collect()
    }

    fn text(lines: &[Vec<(char, ())>]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.iter().map(|(c, _)| *c).collect())
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        let lines = wrap(&plain("the quick brown fox jumps"), 10);
        assert_eq!(text(&lines), ["the quick", "brown fox", "jumps"]);
    }

    #[test]
    fn breaks_long_words_and_cjk_by_width() {
        let lines = wrap(&plain("abcdefghij"), 4);
        assert_eq!(text(&lines), ["abcd", "efgh", "ij"]);
        let lines = wrap(&plain("東京都は晴れ"), 5);
        assert_eq!(text(&lines), ["東京", "都は", "晴れ"]);
        for line in &lines {
            assert!(line.iter().map(|(c, _)| char_width(*c)).sum::<usize>() <= 5);
        }
    }

    #[test]
    fn keeps_combining_marks_with_their_letter() {
        let lines = wrap(&plain("cafe\u{301} ole"), 5);
        assert_eq!(text(&lines), ["cafe\u{301}", "ole"]);
    }
}
