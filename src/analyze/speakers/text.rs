//! Where a name occurs in a story's text, as whole words: by a scan in a
//! short text, through an index of word starts in a long one.

use foldhash::HashMap;

/// Bytes of text from which [`Text`] indexes its words.
pub(super) const INDEXED_TEXT: usize = 64 * 1024;

/// A story's text with, built on first use, where each word starts: a
/// story may ask where many names occur, and one scan of a long text per
/// name is slow.
pub(super) struct Text<'a> {
    text: &'a str,
    starts: std::cell::OnceCell<HashMap<&'a str, Vec<(usize, usize)>>>,
}

impl<'a> Text<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Text {
            text,
            starts: std::cell::OnceCell::new(),
        }
    }

    /// Returns (byte, char) offsets where the letters and digits `key`
    /// start a word: from the index in a long text, by a scan in a short
    /// one (where building the index costs more than the scans it saves).
    fn starts(&self, key: &str) -> Vec<(usize, usize)> {
        let text = self.text;
        if key.is_empty() {
            return Vec::new();
        }
        if text.len() < INDEXED_TEXT {
            let (mut byte, mut chars) = (0, 0);
            let mut out = Vec::new();
            for (k, _) in text.match_indices(key) {
                let before = text[..k].chars().next_back();
                let after = text[k + key.len()..].chars().next();
                if before.is_some_and(char::is_alphanumeric)
                    || after.is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                chars += text[byte..k].chars().count();
                byte = k;
                out.push((k, chars));
            }
            return out;
        }
        let index = self.starts.get_or_init(|| {
            let mut index: HashMap<&str, Vec<(usize, usize)>> = HashMap::default();
            let mut run: Option<(usize, usize)> = None;
            for (char_at, (byte, c)) in text.char_indices().enumerate() {
                match (run, c.is_alphanumeric()) {
                    (None, true) => run = Some((byte, char_at)),
                    (Some((b, ch)), false) => {
                        index.entry(&text[b..byte]).or_default().push((b, ch));
                        run = None;
                    }
                    _ => {}
                }
            }
            if let Some((b, ch)) = run {
                index.entry(&text[b..]).or_default().push((b, ch));
            }
            index
        });
        index.get(key).cloned().unwrap_or_default()
    }
}

/// Returns the char ranges (and the words as written) where `name` occurs
/// in `text` as whole words, with any run of white space (a no-break
/// space, a line break) between its words.
pub(super) fn occurrences<'a>(t: &Text<'a>, name: &str) -> Vec<(usize, usize, &'a str)> {
    let text = t.text;
    let mut ws = name.split_whitespace();
    let Some(head) = ws.next() else {
        return Vec::new();
    };
    let rest: Vec<&str> = ws.collect();
    let key_end = head
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(head.len(), |(i, _)| i);
    let mut out = Vec::new();
    for (k, char_at) in t.starts(&head[..key_end]) {
        if !text[k..].starts_with(head) {
            continue;
        }
        let mut end = k + head.len();
        for w in &rest {
            let after = &text[end..];
            let gap = after.len() - after.trim_start().len();
            if gap == 0 || !after[gap..].starts_with(w) {
                end = 0;
                break;
            }
            end += gap + w.len();
        }
        if end == 0
            || text[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let written = &text[k..end];
        out.push((char_at, char_at + written.chars().count(), written));
    }
    out
}
