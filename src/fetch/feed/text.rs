//! Plain one-line text from feed fields that may carry markup, and stable
//! item keys.

use crate::sanitize::clean_line;

/// Returns `s` as one line of plain text: tags dropped, character references
/// decoded, control characters and escape sequences removed.
///
/// Feeds often put `<b>` or `&amp;amp;` in titles; a headline is shown as
/// text, so markup must not survive. References are decoded after the tags
/// are gone, so an escaped `&lt;b&gt;` stays visible as the text `<b>`.
pub(crate) fn plain_line(s: &str) -> String {
    clean_line(&decode_entities(&strip_tags(s)))
}

/// Removes anything that looks like a tag: `<` followed by a letter, `/`,
/// `!` or `?`, up to the next `>`. A lone `<` ("5 < 6") is kept.
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let is_tag = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        match (is_tag, after.find('>')) {
            (true, Some(gt)) => {
                // A tag separates words: "<br>" between two words is a space.
                out.push(' ');
                rest = &after[gt + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes numeric references and the named ones headlines use.
fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let decoded = after
            .find(';')
            .filter(|&semi| semi <= 10)
            .and_then(|semi| Some((entity(&after[..semi])?, semi)));
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201c}',
        "rdquo" => '\u{201d}',
        "hellip" => '\u{2026}',
        "eacute" => 'é',
        "euro" => '€',
        "pound" => '£',
        "copy" => '©',
        _ => return None,
    })
}

/// Returns a stable 64-bit FNV-1a hash of `parts`, each followed by a zero
/// byte so ("ab", "c") and ("a", "bc") differ.
///
/// `DefaultHasher` is seeded at random per process, which would give an item
/// a new key on every run.
pub(crate) fn stable_hash(parts: &[&str]) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(PRIME);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_lose_tags_and_gain_their_characters() {
        assert_eq!(
            plain_line(
                "<b>Talks</b> &amp; trade:<br/>the &ldquo;deal&rdquo; &#8212; 5 < 6 &bogus;"
            ),
            "Talks & trade: the \u{201c}deal\u{201d} \u{2014} 5 < 6 &bogus;"
        );
        assert_eq!(plain_line("a&#27;[31mb"), "ab");
        assert_eq!(plain_line("&lt;script&gt; is text"), "<script> is text");
    }

    #[test]
    fn the_hash_is_stable_and_separates_parts() {
        assert_eq!(stable_hash(&["a"]), stable_hash(&["a"]));
        assert_eq!(stable_hash(&[""]), 0xaf63_bd4c_8601_b7df);
        assert_ne!(stable_hash(&["ab", "c"]), stable_hash(&["a", "bc"]));
    }
}
