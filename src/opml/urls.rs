//! newsboat `urls` files: `URL tag "tag two" "~Custom title"` per line.
//!
//! `query:`, `exec:` and `filter:` lines are reported and skipped; nothing
//! in an import file ever becomes a command.

use super::{Collector, ImportError, ImportReport, SkipReason};

/// Parses a newsboat `urls` file.
pub(super) fn parse(text: &str) -> Result<ImportReport, ImportError> {
    let mut collector = Collector::default();
    let mut content_lines = 0;
    let mut recognised = 0;
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        content_lines += 1;
        let tokens = tokenize(trimmed);
        let Some((first, rest)) = tokens.split_first() else {
            continue;
        };
        let lower = first.to_ascii_lowercase();
        let special = [
            ("query:", SkipReason::Query),
            ("exec:", SkipReason::Exec),
            ("filter:", SkipReason::Filter),
        ]
        .into_iter()
        .find(|(prefix, _)| lower.starts_with(prefix));
        if let Some((_, reason)) = special {
            recognised += 1;
            collector.skip(line, reason);
            continue;
        }
        if url::Url::parse(first).is_ok() {
            recognised += 1;
        }
        let mut title = None;
        let mut tags = Vec::new();
        for token in rest {
            if let Some(t) = token.strip_prefix('~') {
                title = Some(t.to_owned());
            } else {
                // A `!tag` hides the feed in newsboat; here it is a plain tag.
                tags.push(token.strip_prefix('!').unwrap_or(token).to_owned());
            }
        }
        collector.add(line, first, title.as_deref(), tags);
    }
    if content_lines > 0 && recognised == 0 {
        return Err(ImportError::Unrecognized);
    }
    Ok(collector.report)
}

/// Splits a line on white space; double quotes group words, and a backslash
/// inside quotes escapes the next character.
fn tokenize(line: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = line.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let mut token = String::new();
        if c == '"' {
            chars.next();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => token.extend(chars.next()),
                    c => token.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() {
                    break;
                }
                token.push(c);
                chars.next();
            }
        }
        tokens.push(token);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_quotes_and_escapes() {
        assert_eq!(
            tokenize(r#"https://a.example/x  news "two words" "~Say \"hi\"""#),
            vec!["https://a.example/x", "news", "two words", "~Say \"hi\""]
        );
    }
}
