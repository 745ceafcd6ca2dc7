//! Turns a feed document in any charset into UTF-8 that says it is UTF-8.
//!
//! feed-rs honours the XML declaration, but a Windows-1252 feed that claims
//! (or is assumed) to be UTF-8 makes it fail or lose characters. So the
//! document is decoded here and handed on as UTF-8 with its declaration fixed.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Returns the document as UTF-8 bytes whose XML declaration (if any) says
/// UTF-8.
///
/// The charset is taken from a byte-order mark, else the XML declaration,
/// else the `Content-Type` charset. A document declared or assumed UTF-8 that
/// is not valid UTF-8 keeps its valid runs, and each stray byte is read as
/// Windows-1252 (the usual culprit, and a superset of Latin-1's printables).
pub(crate) fn to_utf8<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, [u8]> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Cow::Owned(declare_utf8(&text).into_owned().into_bytes());
    }
    let declared = xml_declared_label(bytes)
        .or_else(|| content_type.and_then(charset_param))
        .and_then(|label| Encoding::for_label(label.as_bytes()));
    match declared {
        // A UTF-16 label without a BOM cannot be right for a document whose
        // declaration was readable as ASCII; treat it as UTF-8.
        Some(enc) if enc != UTF_8 && enc.is_ascii_compatible() => {
            let (text, _) = enc.decode_without_bom_handling(bytes);
            Cow::Owned(declare_utf8(&text).into_owned().into_bytes())
        }
        _ => match std::str::from_utf8(bytes) {
            Ok(text) => match declare_utf8(text) {
                Cow::Borrowed(_) => Cow::Borrowed(bytes),
                Cow::Owned(fixed) => Cow::Owned(fixed.into_bytes()),
            },
            Err(_) => Cow::Owned(declare_utf8(&repair_utf8(bytes)).into_owned().into_bytes()),
        },
    }
}

/// Decodes mostly-UTF-8 bytes: valid runs stay, each invalid byte is read as
/// Windows-1252.
fn repair_utf8(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(chunk.invalid());
            out.push_str(&text);
        }
    }
    out
}

/// Returns the `encoding` named by an XML declaration at the very start.
fn xml_declared_label(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    let head = String::from_utf8_lossy(head);
    let (start, end) = declaration_span(&head)?;
    let decl = &head[start..end];
    let (value_start, value_end) = encoding_value_span(decl)?;
    Some(decl[value_start..value_end].trim().to_owned())
}

/// How far into a document feed-rs's XML reader (quick-xml) can still
/// switch charsets: a declaration naming a charset that ends later makes
/// it panic (`set_encoding` after its 64-byte detection prefix is drained).
const SWITCH_WINDOW: usize = 64;

/// Returns `text` with its XML declaration's encoding set to UTF-8
/// (borrowed when there is nothing to change).
///
/// A declaration that would end past [`SWITCH_WINDOW`] is replaced whole by
/// a plain UTF-8 one: which `encoding` quick-xml reads in a long, odd one
/// (`xencoding="utf-8" encoding="windows-1252"`) need not be the one found
/// here, and the text is UTF-8 by now, so nothing else in it matters.
fn declare_utf8(text: &str) -> Cow<'_, str> {
    let Some((start, end)) = declaration_span(text) else {
        return Cow::Borrowed(text);
    };
    let decl = &text[start..end];
    let (fixed, fixed_end) = match encoding_value_span(decl) {
        Some((vs, ve)) if decl[vs..ve].trim().eq_ignore_ascii_case("utf-8") => {
            (Cow::Borrowed(text), end)
        }
        Some((vs, ve)) => {
            let mut out = String::with_capacity(text.len());
            out.push_str(&text[..start + vs]);
            out.push_str("UTF-8");
            out.push_str(&text[start + ve..]);
            (Cow::Owned(out), end - (ve - vs) + "UTF-8".len())
        }
        None => (Cow::Borrowed(text), end),
    };
    if fixed_end <= SWITCH_WINDOW {
        return fixed;
    }
    let plain = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    Cow::Owned(format!("{}{plain}{}", &text[..start], &text[end..]))
}

/// Byte span of `<?xml ... ?>` when the document opens with one (after
/// white space).
fn declaration_span(text: &str) -> Option<(usize, usize)> {
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with("<?xml") {
        return None;
    }
    let end = text[start..].find("?>")? + start + 2;
    Some((start, end))
}

/// Span of the value of the `encoding` attribute of a declaration
/// (`<?xml ... ?>`), read attribute by attribute as quick-xml reads it, so
/// that neither `xencoding="…"` nor a value naming "encoding" is taken for it.
fn encoding_value_span(decl: &str) -> Option<(usize, usize)> {
    let b = decl.as_bytes();
    let skip_space = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let mut i = "<?xml".len();
    loop {
        let name_start = skip_space(i);
        i = name_start;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'?'))
        {
            i += 1;
        }
        let name = &b[name_start..i];
        i = skip_space(i);
        if name.is_empty() || b.get(i) != Some(&b'=') {
            return None;
        }
        i = skip_space(i + 1);
        let quote = *b.get(i).filter(|q| matches!(q, b'"' | b'\''))?;
        let value_start = i + 1;
        let value_end = value_start + memchr::memchr(quote, &b[value_start..])?;
        if name == b"encoding" {
            return Some((value_start, value_end));
        }
        i = value_end + 1;
    }
}

/// Returns the `charset=` parameter of a Content-Type header.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_owned())
    })
}

/// Turns every XML declaration after the document's start into a harmless
/// processing instruction (`<?xml` becomes `<?_ml`, same length).
///
/// A declaration is only valid first. A later one that names a charset
/// makes feed-rs's XML reader panic (quick-xml's `set_encoding` after its
/// prefix buffer is drained), and by now the document is UTF-8 anyway.
pub(crate) fn drop_late_declarations(doc: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    let lead = doc.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let late: Vec<usize> = doc
        .windows(6)
        .enumerate()
        .filter(|&(i, w)| {
            i > lead
                && w[..5].eq_ignore_ascii_case(b"<?xml")
                && (w[5].is_ascii_whitespace() || w[5] == b'?')
        })
        .map(|(i, _)| i)
        .collect();
    if late.is_empty() {
        return doc;
    }
    let mut out = doc.into_owned();
    for i in late {
        out[i + 2] = b'_';
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf8(bytes: &[u8], ct: Option<&str>) -> String {
        String::from_utf8(to_utf8(bytes, ct).into_owned()).expect("the output is UTF-8")
    }

    #[test]
    fn windows_1252_declared_as_utf8_is_repaired() {
        let doc = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><t>caf\xe9 \x93hi\x94</t>";
        assert_eq!(
            utf8(doc, None),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?><t>caf\u{e9} \u{201c}hi\u{201d}</t>"
        );
    }

    #[test]
    fn a_declared_latin1_document_is_decoded_and_redeclared() {
        let doc = b"<?xml version='1.0' encoding='ISO-8859-1'?><t>na\xefve</t>";
        assert_eq!(
            utf8(doc, None),
            "<?xml version='1.0' encoding='UTF-8'?><t>na\u{ef}ve</t>"
        );
    }

    #[test]
    fn the_http_charset_applies_without_a_declaration() {
        let doc = b"<t>\xe9t\xe9</t>";
        assert_eq!(
            utf8(doc, Some("text/xml; charset=\"windows-1252\"")),
            "<t>\u{e9}t\u{e9}</t>"
        );
    }

    #[test]
    fn valid_utf8_is_left_alone() {
        let doc = "<?xml version=\"1.0\"?><t>café</t>".as_bytes();
        assert!(matches!(to_utf8(doc, None), Cow::Borrowed(_)));
    }

    #[test]
    fn a_bom_wins() {
        let mut doc = vec![0xFF, 0xFE];
        for unit in "<t>é</t>".encode_utf16() {
            doc.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(utf8(&doc, Some("text/xml; charset=utf-8")), "<t>é</t>");
    }

    /// Found by the feed fuzzer (twice): feed-rs panicked on a declaration
    /// ending past quick-xml's charset window, as written or once its
    /// encoding was rewritten, whose first "encoding" is not the attribute
    /// quick-xml reads, so the charset it switched to was still Windows-1252.
    #[test]
    fn a_long_declaration_with_a_decoy_encoding_is_made_plain() {
        for decoy in ["xencoding=\"utf-8\"", "xencoding=\"\""] {
            for pad in 0..12 {
                let decl = format!(
                    "<?xml version=\"1.0\" {decoy} encoding=\"windows-1252\"{}?>",
                    " ".repeat(pad)
                );
                let mut doc = decl.clone().into_bytes();
                doc.extend_from_slice(
                    b"<rss version=\"2.0\"><channel><title>Caf\xe9</title>\
                      <item><title>One</title><guid>1</guid></item></channel></rss>",
                );
                let feed = crate::fetch::feed::parse(&doc, None, "http://a.example/", 5);
                let feed = feed.unwrap_or_else(|e| panic!("{decl}: {e}"));
                assert_eq!(feed.title.as_deref(), Some("Caf\u{e9}"), "{decl}");
                assert_eq!(feed.items.len(), 1, "{decl}");
            }
        }
        let long = b"<?xml version=\"1.0\" standalone=\"yes\" xencoding=\"utf-8\" encoding=\"windows-1252\"?><t/>";
        assert_eq!(
            utf8(long, None),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t/>"
        );
    }
}
