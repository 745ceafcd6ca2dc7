//! OPML 1.0 and 2.0 documents: outlines with `xmlUrl` are feeds, the
//! outlines around them are folders and become tags.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::{Collector, ImportError, ImportReport};

/// The attributes of one `<outline>` that matter for import.
#[derive(Default)]
struct Outline {
    text: Option<String>,
    title: Option<String>,
    xml_url: Option<String>,
    category: Option<String>,
}

/// Parses an OPML document.
pub(super) fn parse(text: &str) -> Result<ImportReport, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut collector = Collector::default();
    // One entry per open element: the folder name when it is a folder outline.
    let mut open: Vec<Option<String>> = Vec::new();
    let mut seen_root = false;
    loop {
        let event = reader.read_event().map_err(|e| ImportError::Malformed {
            line: line_at(text, reader.error_position()),
            message: e.to_string(),
        })?;
        let line = line_at(text, reader.buffer_position());
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_empty = matches!(event, Event::Empty(_));
                if !seen_root {
                    check_root(e)?;
                    seen_root = true;
                }
                let folder = if e.local_name().as_ref() == "outline" {
                    let outline = read_outline(e, text, reader.buffer_position())?;
                    handle_outline(&mut collector, &open, outline, line)
                } else {
                    None
                };
                if !is_empty {
                    open.push(folder);
                }
            }
            Event::End(_) => {
                open.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(ImportError::Unrecognized);
    }
    if !open.is_empty() {
        return Err(ImportError::Malformed {
            line: line_at(text, text.len() as u64),
            message: "the document ends before every element is closed".into(),
        });
    }
    Ok(collector.report)
}

/// Adds the outline's feed, if it has one; returns its folder name when it
/// is a folder (no `xmlUrl`).
fn handle_outline(
    collector: &mut Collector,
    open: &[Option<String>],
    outline: Outline,
    line: usize,
) -> Option<String> {
    let Some(url) = outline.xml_url.filter(|u| !u.trim().is_empty()) else {
        return outline.title.or(outline.text);
    };
    let mut tags: Vec<String> = open.iter().flatten().cloned().collect();
    if let Some(category) = &outline.category {
        tags.extend(
            category
                .split([',', '/'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from),
        );
    }
    // `text` equal to the URL is what exporters write for an untitled feed.
    let title = outline
        .title
        .or(outline.text.filter(|t| t.trim() != url.trim()));
    collector.add(line, &url, title.as_deref(), tags);
    None
}

fn check_root(e: &BytesStart<'_>) -> Result<(), ImportError> {
    let name = e.local_name();
    if name.as_ref().eq_ignore_ascii_case("opml") {
        Ok(())
    } else {
        Err(ImportError::NotOpml {
            root: crate::sanitize::clean_line(name.as_ref()),
        })
    }
}

fn read_outline(e: &BytesStart<'_>, text: &str, pos: u64) -> Result<Outline, ImportError> {
    let mut outline = Outline::default();
    for attr in e.attributes() {
        let attr = attr.map_err(|err| ImportError::Malformed {
            line: line_at(text, pos),
            message: err.to_string(),
        })?;
        let value = attr
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| ImportError::Malformed {
                line: line_at(text, pos),
                message: err.to_string(),
            })?
            .into_owned();
        let key = attr.key.local_name();
        let slot = match key.as_ref() {
            k if k.eq_ignore_ascii_case("text") => &mut outline.text,
            k if k.eq_ignore_ascii_case("title") => &mut outline.title,
            k if k.eq_ignore_ascii_case("xmlUrl") => &mut outline.xml_url,
            k if k.eq_ignore_ascii_case("category") => &mut outline.category,
            _ => continue,
        };
        *slot = Some(value);
    }
    Ok(outline)
}

/// Returns the 1-based line holding byte `pos` of `text`.
fn line_at(text: &str, pos: u64) -> usize {
    let pos = usize::try_from(pos).unwrap_or(usize::MAX).min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}
