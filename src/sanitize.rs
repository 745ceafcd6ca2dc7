//! Removes what a stranger's text could use to take over a terminal.
//!
//! Every string that comes from the network passes through here at ingest,
//! and the reader passes it through again at render.

/// Returns true for characters that must never reach a terminal: C0 controls
/// (except tab and newline), DEL, C1 controls, and bidirectional overrides,
/// embeddings and isolates.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{061c}')
}

/// Returns `s` without terminal escape sequences or unsafe characters.
///
/// An ESC starts a sequence that is dropped whole (CSI up to its final byte,
/// OSC/DCS/APC/PM/SOS up to BEL or ST), so no printable residue such as
/// `[31m` is left behind. Tabs and newlines are kept; carriage returns become
/// newlines when alone and vanish before a newline.
pub fn clean_text(s: &str) -> String {
    if !s.chars().any(|c| is_unsafe(c) || c == '\r') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Returns `s` cleaned and folded onto one line: every run of white space
/// (newlines included) becomes one space, and the ends are trimmed.
pub fn clean_line(s: &str) -> String {
    let cleaned = clean_text(s);
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Returns the URL when it is safe to store and open: absolute http(s), no
/// white space or control characters after cleaning. Anything else
/// (`javascript:`, `data:`, `file:`) gives `None`.
pub fn safe_http_url(raw: &str) -> Option<String> {
    let cleaned = clean_line(raw);
    let parsed = url::Url::parse(&cleaned).ok()?;
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

fn skip_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string(chars),
        // Two-character sequences (ESC c, ESC 7, ESC ( B ...): drop the
        // intermediates and the final byte.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while let Some(&n) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&n) {
                    break;
                }
            }
        }
        _ => {}
    }
}

fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    // Parameter and intermediate bytes, then one final byte in 0x40..=0x7e.
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    // Up to BEL, ST (ESC \) or the 8-bit ST; an unterminated string runs to the end.
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => return,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_csi_osc_and_c1_sequences_whole() {
        let hostile = "Red\u{1b}[31m alert\u{1b}]0;owned\u{7} now\u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\ \u{9b}2J!";
        assert_eq!(clean_text(hostile), "Red alert nowlink !");
    }

    #[test]
    fn drops_bidi_overrides_and_del() {
        assert_eq!(clean_text("abc\u{202e}fed\u{2066}x\u{7f}"), "abcfedx");
    }

    #[test]
    fn keeps_newlines_and_tabs_and_folds_carriage_returns() {
        assert_eq!(clean_text("a\r\nb\rc\td"), "a\nb\nc\td");
        assert_eq!(clean_line("  a \n\t b  "), "a b");
    }

    #[test]
    fn accepts_only_http_urls() {
        assert_eq!(
            safe_http_url(" https://example.com/a b").as_deref(),
            Some("https://example.com/a%20b")
        );
        assert_eq!(
            safe_http_url("https://example.com/a").as_deref(),
            Some("https://example.com/a")
        );
        assert_eq!(safe_http_url("javascript:alert(1)"), None);
        assert_eq!(safe_http_url("jav\u{1b}[0mascript:alert(1)"), None);
        assert_eq!(safe_http_url("data:text/html,hi"), None);
    }
}
