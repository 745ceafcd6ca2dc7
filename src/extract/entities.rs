//! Decodes HTML character references (`&amp;`, `&#8217;`, `&eacute;`).
//!
//! Only the named references that news pages actually use are known; an
//! unknown name is left as written, which is what a reader would expect.

use std::borrow::Cow;

const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200c}'),
    ("zwj", '\u{200d}'),
    ("shy", '\u{ad}'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("prime", '′'),
    ("Prime", '″'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("times", '×'),
    ("divide", '÷'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("dagger", '†'),
    ("iexcl", '¡'),
    ("iquest", '¿'),
    ("ordm", 'º'),
    ("ordf", 'ª'),
    ("micro", 'µ'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("szlig", 'ß'),
    ("aacute", 'á'),
    ("Aacute", 'Á'),
    ("agrave", 'à'),
    ("Agrave", 'À'),
    ("acirc", 'â'),
    ("Acirc", 'Â'),
    ("atilde", 'ã'),
    ("Atilde", 'Ã'),
    ("auml", 'ä'),
    ("Auml", 'Ä'),
    ("aring", 'å'),
    ("Aring", 'Å'),
    ("aelig", 'æ'),
    ("AElig", 'Æ'),
    ("ccedil", 'ç'),
    ("Ccedil", 'Ç'),
    ("eacute", 'é'),
    ("Eacute", 'É'),
    ("egrave", 'è'),
    ("Egrave", 'È'),
    ("ecirc", 'ê'),
    ("Ecirc", 'Ê'),
    ("euml", 'ë'),
    ("Euml", 'Ë'),
    ("iacute", 'í'),
    ("Iacute", 'Í'),
    ("igrave", 'ì'),
    ("Igrave", 'Ì'),
    ("icirc", 'î'),
    ("Icirc", 'Î'),
    ("iuml", 'ï'),
    ("Iuml", 'Ï'),
    ("ntilde", 'ñ'),
    ("Ntilde", 'Ñ'),
    ("oacute", 'ó'),
    ("Oacute", 'Ó'),
    ("ograve", 'ò'),
    ("Ograve", 'Ò'),
    ("ocirc", 'ô'),
    ("Ocirc", 'Ô'),
    ("otilde", 'õ'),
    ("Otilde", 'Õ'),
    ("ouml", 'ö'),
    ("Ouml", 'Ö'),
    ("oslash", 'ø'),
    ("Oslash", 'Ø'),
    ("uacute", 'ú'),
    ("Uacute", 'Ú'),
    ("ugrave", 'ù'),
    ("Ugrave", 'Ù'),
    ("ucirc", 'û'),
    ("Ucirc", 'Û'),
    ("uuml", 'ü'),
    ("Uuml", 'Ü'),
    ("yacute", 'ý'),
    ("yuml", 'ÿ'),
    ("scaron", 'š'),
    ("Scaron", 'Š'),
    ("zcaron", 'ž'),
    ("Zcaron", 'Ž'),
    ("oelig", 'œ'),
    ("OElig", 'Œ'),
];

/// Entities a browser also accepts without the closing semicolon.
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// Windows-1252 meanings of numeric references 0x80..=0x9F, as browsers do.
const C1_AS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Returns `s` with character references replaced by their characters.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Parses the reference after a `&`; returns the character and the bytes used.
fn reference(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        let (hex, start) = match b.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = b[start..]
            .iter()
            .take_while(|c| {
                if hex {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 || digits > 8 {
            return None;
        }
        let n = u32::from_str_radix(&s[start..start + digits], if hex { 16 } else { 10 }).ok()?;
        let c = match n {
            0x80..=0x9f => C1_AS_1252[(n - 0x80) as usize],
            0 => '\u{fffd}',
            _ => char::from_u32(n).unwrap_or('\u{fffd}'),
        };
        let mut used = start + digits;
        if b.get(used) == Some(&b';') {
            used += 1;
        }
        return Some((c, used));
    }
    let len = b.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    if len == 0 || len > 8 {
        return None;
    }
    let name = &s[..len];
    let &(_, c) = NAMED.iter().find(|(n, _)| *n == name)?;
    if b.get(len) == Some(&b';') {
        Some((c, len + 1))
    } else if LEGACY.contains(&name) {
        Some((c, len))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_named_numeric_and_leaves_unknown() {
        assert_eq!(
            decode_entities("AT&amp;T &#8220;hi&#x201D; caf&eacute; &bogus; &#150; R&D"),
            "AT&T “hi” café &bogus; – R&D"
        );
    }
}
