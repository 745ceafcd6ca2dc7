//! A second chance for a feed whose author fields trip feed-rs.
//!
//! feed-rs splits an author field into name and e-mail with byte offsets
//! that land inside a multi-byte character when the address touches one
//! ("jo@news.example.com”"), and panics. The retry hides the `@` of every
//! address in person fields behind U+FF20 FULLWIDTH COMMERCIAL AT, which
//! the parser does not take for an address, and [`restore`] turns it back in
//! the names that come out. Nothing else in the document changes.

/// Stands in for `@` inside person fields during the retry.
const STAND_IN: char = '\u{FF20}';

/// XML elements whose text feed-rs reads as "name <email>" (by local name,
/// any prefix: RSS author/managingEditor/webMaster, dc:creator,
/// itunes:author and itunes:owner, Atom author).
const PERSON_ELEMENTS: [&str; 5] = ["author", "creator", "managingEditor", "webMaster", "owner"];

/// The document with the `@` of person fields replaced; `None` when it
/// holds no such field, so a retry would fail the same way.
pub(super) fn defuse(doc: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(doc).ok()?;
    if text.trim_start().starts_with('{') {
        return defuse_json(text).map(String::into_bytes);
    }
    let out = defuse_xml(text);
    (out != text).then(|| out.into_bytes())
}

/// Turns the stand-in back into `@` in a name read from a defused document.
pub(super) fn restore(name: &str) -> String {
    name.replace(STAND_IN, "@")
}

fn defuse_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let name_len = rest[1..]
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')))
            .map_or(rest.len() - 1, |n| n);
        let qname = &rest[1..1 + name_len];
        let local = qname.rsplit(':').next().unwrap_or(qname);
        let Some(tag_end) = rest.find('>') else { break };
        if name_len == 0 || !PERSON_ELEMENTS.contains(&local) || rest[..tag_end].ends_with('/') {
            out.push_str(&rest[..=tag_end]);
            rest = &rest[tag_end + 1..];
            continue;
        }
        out.push_str(&rest[..=tag_end]);
        rest = &rest[tag_end + 1..];
        let close = format!("</{qname}");
        let body_len = rest.find(&close).unwrap_or(rest.len());
        out.push_str(&defuse_markup(&rest[..body_len]));
        rest = &rest[body_len..];
    }
    out.push_str(rest);
    out
}

/// Replaces `@` in element text, whether written out or as a character
/// reference (`&#64;`, `&#x40;`, `&commat;`).
fn defuse_markup(body: &str) -> String {
    let mut out = String::with_capacity(body.len() + 8);
    let mut rest = body;
    while let Some(at) = rest.find(['@', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('@') {
            out.push(STAND_IN);
            rest = &rest[1..];
            continue;
        }
        let reference = rest.find(';').map(|end| &rest[..=end]);
        match reference.filter(|r| is_at_reference(r)) {
            Some(r) => {
                out.push(STAND_IN);
                rest = &rest[r.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Tells whether `r` (from `&` to `;`) is a reference to `@`.
fn is_at_reference(r: &str) -> bool {
    let inner = &r[1..r.len() - 1];
    if inner == "commat" {
        return true;
    }
    let Some(number) = inner.strip_prefix('#') else {
        return false;
    };
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16),
        None => number.parse::<u32>(),
    };
    value == Ok(u32::from('@'))
}

/// JSON Feed: author names at the top and in each item (`author` in 1.0,
/// `authors` in 1.1); the document is written again from the parsed value.
fn defuse_json(text: &str) -> Option<String> {
    let original: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut doc = original.clone();
    defuse_json_authors(&mut doc);
    if let Some(items) = doc.get_mut("items").and_then(|i| i.as_array_mut()) {
        items.iter_mut().for_each(defuse_json_authors);
    }
    (doc != original).then(|| doc.to_string())
}

fn defuse_json_authors(holder: &mut serde_json::Value) {
    let Some(holder) = holder.as_object_mut() else {
        return;
    };
    for (key, value) in holder.iter_mut() {
        match (key.as_str(), value) {
            ("author", person) => defuse_json_name(person),
            ("authors", serde_json::Value::Array(people)) => {
                people.iter_mut().for_each(defuse_json_name);
            }
            _ => {}
        }
    }
}

fn defuse_json_name(person: &mut serde_json::Value) {
    if let Some(serde_json::Value::String(name)) = person.get_mut("name") {
        *name = name.replace('@', &STAND_IN.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defused(doc: &str) -> String {
        String::from_utf8(defuse(doc.as_bytes()).expect("something to defuse")).unwrap()
    }

    #[test]
    fn only_person_fields_lose_their_at_signs() {
        let doc = "<rss><channel><managingEditor>jo@x.example</managingEditor>\
                   <item><link>http://u@x.example/a</link><dc:creator>a&#64;b.example</dc:creator>\
                   <author><![CDATA[c&#x40;d.example]]></author><description>e@f.example &amp; g</description></item>\
                   <itunes:owner><itunes:email>h@i.example</itunes:email></itunes:owner></channel></rss>";
        assert_eq!(
            defused(doc),
            "<rss><channel><managingEditor>jo\u{FF20}x.example</managingEditor>\
             <item><link>http://u@x.example/a</link><dc:creator>a\u{FF20}b.example</dc:creator>\
             <author><![CDATA[c\u{FF20}d.example]]></author><description>e@f.example &amp; g</description></item>\
             <itunes:owner><itunes:email>h\u{FF20}i.example</itunes:email></itunes:owner></channel></rss>"
        );
    }

    #[test]
    fn a_document_without_addresses_in_person_fields_gives_no_retry() {
        assert_eq!(
            defuse(b"<rss><author>Jo Lee</author><link>a@b.example</link></rss>"),
            None
        );
        assert_eq!(defuse(b"<author/>"), None);
        assert_eq!(
            defuse(b"{\"items\": [{\"author\": {\"name\": \"Jo\"}}]}"),
            None
        );
    }

    #[test]
    fn json_feed_author_names_in_both_versions_are_defused() {
        let doc = r#"{"author": {"name": "jo@x.example"}, "items": [
            {"authors": [{"name": "a@b.example"}, {"name": "Kim"}], "url": "http://u@x.example/"}]}"#;
        let out: serde_json::Value = serde_json::from_str(&defused(doc)).unwrap();
        assert_eq!(out["author"]["name"], "jo\u{FF20}x.example");
        assert_eq!(out["items"][0]["authors"][0]["name"], "a\u{FF20}b.example");
        assert_eq!(out["items"][0]["authors"][1]["name"], "Kim");
        assert_eq!(out["items"][0]["url"], "http://u@x.example/");
    }

    #[test]
    fn restore_gives_the_address_back() {
        assert_eq!(restore("jo\u{FF20}x.example”x"), "jo@x.example”x");
    }
}
