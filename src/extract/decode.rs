//! Bytes → text: finds a page's character encoding and decodes it.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many leading bytes are searched for a `<meta>` charset declaration.
const META_WINDOW: usize = 1024;

/// Decodes `bytes` following the BOM, then `content_type`'s charset, then a
/// meta declaration, then UTF-8 with a per-byte Windows-1252 fallback.
///
/// A page whose bytes are valid UTF-8 with multi-byte sequences is read as
/// UTF-8 even when it declares a legacy encoding: such sequences almost
/// never occur by chance, while wrong declarations are common.
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> String {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    let declared = content_type.and_then(charset_in).or_else(|| {
        charset_in(&String::from_utf8_lossy(
            &bytes[..bytes.len().min(META_WINDOW)],
        ))
    });
    match declared {
        Some(enc) if enc != UTF_8 && !looks_like_utf8(bytes) => {
            enc.decode_without_bom_handling(bytes).0.into_owned()
        }
        _ => utf8_with_fallback(bytes),
    }
}

/// Returns the encoding named after the first `charset=` in `s`.
fn charset_in(s: &str) -> Option<&'static Encoding> {
    let lower = s.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = lower[at + 7..].trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest.as_bytes()[..end])
}

/// True when `bytes` is valid UTF-8 and holds at least one non-ASCII character.
fn looks_like_utf8(bytes: &[u8]) -> bool {
    !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok()
}

/// Decodes valid UTF-8 runs as UTF-8 and every invalid byte as Windows-1252,
/// so a page that mixes the two (or lies about being UTF-8) reads right.
fn utf8_with_fallback(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` was just validated, so this never falls back.
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len()).max(1);
                out.push_str(&WINDOWS_1252.decode_without_bom_handling(&bad[..n]).0);
                rest = &bad[n..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_declared_as_utf8_still_reads_right() {
        let bytes = b"<meta charset=\"utf-8\"><p>\x93Caf\xe9\x94 \xe2\x80\x94 ok</p>";
        assert_eq!(
            decode(bytes, None),
            "<meta charset=\"utf-8\"><p>“Café” — ok</p>"
        );
    }

    #[test]
    fn follows_content_type_then_meta() {
        let latin = b"<p>caf\xe9</p>";
        assert_eq!(
            decode(latin, Some("text/html; charset=ISO-8859-1")),
            "<p>café</p>"
        );
        let meta = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xf0\xd2\xc9</p>";
        assert!(decode(meta, None).ends_with("<p>При</p>"));
    }
}
