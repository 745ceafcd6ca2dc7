//! Headline, byline and publication time from meta tags, JSON-LD and the
//! page itself, and the wire dateline that opens the first paragraph.

use super::chrome::class_id;
use super::dom::{Dom, NodeData, NodeId};
use crate::sanitize::clean_line;
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde_json::Value;

/// What the page says about its article, outside the body text.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// The headline.
    pub title: Option<String>,
    /// The byline, without "By".
    pub author: Option<String>,
    /// The publication time.
    pub published: Option<DateTime<Utc>>,
}

#[derive(Default)]
struct Found {
    og_title: Option<String>,
    h1: Option<String>,
    title_tag: Option<String>,
    meta_author: Option<String>,
    ld_author: Option<String>,
    byline: Option<String>,
    meta_date: Option<DateTime<Utc>>,
    ld_date: Option<DateTime<Utc>>,
    time_date: Option<DateTime<Utc>>,
}

/// Reads headline, byline and date from the whole page.
pub fn page_meta(dom: &Dom) -> PageMeta {
    let mut f = Found::default();
    for id in 1..dom.nodes.len() {
        match dom.tag(id) {
            "meta" => read_meta(dom, id, &mut f),
            "script" if dom.attr(id, "type").is_some_and(|t| t.contains("ld+json")) => {
                if let Ok(v) = serde_json::from_str::<Value>(&dom.text(id)) {
                    read_ld(&v, &mut f, 0);
                }
            }
            "time" if f.time_date.is_none() => {
                f.time_date = dom.attr(id, "datetime").and_then(parse_date);
            }
            "h1" if f.h1.is_none() => f.h1 = non_empty(clean_line(&dom.text(id))),
            "title" if f.title_tag.is_none() => f.title_tag = non_empty(clean_line(&dom.text(id))),
            _ => {
                if f.byline.is_none() && is_byline_node(dom, id) {
                    f.byline = non_empty(strip_by(&clean_line(&dom.text(id))));
                }
            }
        }
    }
    PageMeta {
        title: f.h1.or(f.og_title).or(f.title_tag),
        author: f.ld_author.or(f.meta_author).or(f.byline),
        published: f.meta_date.or(f.ld_date).or(f.time_date),
    }
}

fn is_byline_node(dom: &Dom, id: NodeId) -> bool {
    if !matches!(dom.nodes[id].data, NodeData::Element { .. }) {
        return false;
    }
    if dom.attr(id, "rel") == Some("author") || dom.attr(id, "itemprop") == Some("author") {
        return true;
    }
    let names = class_id(dom, id);
    names.contains("byline") || names.split_whitespace().any(|t| t == "author")
}

fn read_meta(dom: &Dom, id: NodeId, f: &mut Found) {
    let key = dom
        .attr(id, "property")
        .or_else(|| dom.attr(id, "name"))
        .or_else(|| dom.attr(id, "itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(content) = dom.attr(id, "content") else {
        return;
    };
    match key.as_str() {
        "og:title" if f.og_title.is_none() => f.og_title = non_empty(clean_line(content)),
        "author" | "article:author" | "dc.creator" | "byl"
            if f.meta_author.is_none() && !content.contains("://") =>
        {
            f.meta_author = non_empty(strip_by(&clean_line(content)));
        }
        "article:published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "dc.date"
        | "dc.date.issued"
        | "date"
        | "parsely-pub-date"
        | "sailthru.date"
            if f.meta_date.is_none() =>
        {
            f.meta_date = parse_date(content);
        }
        _ => {}
    }
}

fn read_ld(v: &Value, f: &mut Found, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| read_ld(i, f, depth + 1)),
        Value::Object(map) => {
            if f.ld_date.is_none() {
                f.ld_date = map
                    .get("datePublished")
                    .and_then(Value::as_str)
                    .and_then(parse_date);
            }
            if f.ld_author.is_none() {
                f.ld_author = map.get("author").and_then(author_name);
            }
            if let Some(g) = map.get("@graph") {
                read_ld(g, f, depth + 1);
            }
        }
        _ => {}
    }
}

fn author_name(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(strip_by(&clean_line(s))),
        Value::Object(m) => m.get("name").and_then(author_name),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(author_name).collect();
            non_empty(names.join(", "))
        }
        _ => None,
    }
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Removes a leading "By" from a byline.
fn strip_by(s: &str) -> String {
    let t = s.trim();
    for p in ["By ", "by ", "BY "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim().to_owned();
        }
    }
    t.to_owned()
}

/// Parses the date formats pages use: RFC 3339, without a zone (read as
/// UTC), with a `+0000` zone, or a bare date.
pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%.f%z"] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return Some(d.with_timezone(&Utc));
        }
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(d.and_utc());
        }
    }
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc())
}

/// Returns the dateline that opens `first` ("WASHINGTON (Reuters) — ..."
/// gives "WASHINGTON", "SEOUL, South Korea — ..." gives "SEOUL, South Korea").
pub fn dateline(first: &str) -> Option<String> {
    let head: String = first.chars().take(80).collect();
    let (place, rest) = split_at_dash(&head)?;
    let place = match place.find('(') {
        Some(p) if place.trim_end().ends_with(')') => place[..p].trim_end(),
        _ => place.trim_end(),
    };
    if rest.trim().is_empty() || place.is_empty() {
        return None;
    }
    let mut parts = place.splitn(2, ", ");
    let city = parts.next()?;
    if !is_caps_place(city) {
        return None;
    }
    if let Some(region) = parts.next() {
        let ok = region.split(' ').count() <= 4
            && region
                .split(' ')
                .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
        if !ok {
            return None;
        }
    }
    Some(place.to_owned())
}

/// Splits at the first " — ", " – ", " - " or "—".
fn split_at_dash(s: &str) -> Option<(&str, &str)> {
    let mut best: Option<(usize, usize)> = None;
    for pat in [" — ", " – ", " - ", " -- ", "—", "–"] {
        if let Some(p) = s.find(pat)
            && best.is_none_or(|(b, _)| p < b)
        {
            best = Some((p, pat.len()));
        }
    }
    let (p, len) = best?;
    Some((&s[..p], &s[p + len..]))
}

/// True for "WASHINGTON", "NEW YORK", "ST. PAUL": 1–4 words in capitals.
fn is_caps_place(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && words.len() <= 4
        && s.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_wire_datelines() {
        assert_eq!(
            dateline("WASHINGTON (Reuters) — The talks resumed.").as_deref(),
            Some("WASHINGTON")
        );
        assert_eq!(
            dateline("SEOUL, South Korea — A ferry sank.").as_deref(),
            Some("SEOUL, South Korea")
        );
        assert_eq!(dateline("The talks — at last — resumed."), None);
        assert_eq!(dateline("NATO said on Monday - that"), None);
    }

    #[test]
    fn parses_page_dates() {
        let want = "2025-03-10T15:40:00Z";
        for s in [
            "2025-03-10T15:40:00Z",
            "2025-03-10T16:40:00+0100",
            "2025-03-10T15:40:00",
        ] {
            assert_eq!(
                parse_date(s)
                    .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                    .as_deref(),
                Some(want)
            );
        }
    }
}
