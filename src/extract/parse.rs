//! A small, forgiving HTML parser that builds the arena tree.
//!
//! It is not spec-complete: it knows void and raw-text elements, closes
//! paragraphs, list items and table cells implicitly, and ignores stray end
//! tags. That is enough to find an article and much faster than a full tree
//! builder. Only the attributes the extractor reads are kept.

use super::dom::{Node, NodeData, NodeId, ROOT};
use super::entities::decode_entities;
use memchr::memchr;

const KEPT_ATTRS: &[&str] = &[
    "class",
    "id",
    "href",
    "content",
    "property",
    "name",
    "itemprop",
    "datetime",
    "role",
    "type",
    "rel",
    "hidden",
    "aria-hidden",
    "style",
];

/// Elements that never have children.
fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements whose content is text up to their end tag, not markup.
fn is_raw_text(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
    )
}

/// Tags whose start closes an open `<p>`.
fn closes_p(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "ul"
            | "li"
            | "dd"
            | "dt"
    )
}

/// Tags that bound the search for an element to close implicitly.
const SCOPE: &[&str] = &["html", "table", "td", "th", "button", "object", "template"];

/// Deepest nesting kept; deeper elements become siblings instead.
const MAX_DEPTH: usize = 1024;

/// How far down the stack an end tag or an implied close looks.
const MAX_SEARCH: usize = 256;

/// Parses `html` into the nodes of a tree; index 0 is the root.
pub fn build(html: &str) -> Vec<Node> {
    let mut b = Builder {
        nodes: vec![Node {
            parent: ROOT,
            children: Vec::new(),
            data: NodeData::Element {
                tag: "#root".into(),
                attrs: Vec::new(),
            },
        }],
        stack: vec![ROOT],
    };
    b.run(html);
    b.nodes
}

struct Builder {
    nodes: Vec<Node>,
    stack: Vec<NodeId>,
}

impl Builder {
    fn run(&mut self, html: &str) {
        let bytes = html.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let Some(lt) = memchr(b'<', &bytes[i..]).map(|o| o + i) else {
                self.text(&html[i..]);
                break;
            };
            if lt > i {
                self.text(&html[i..lt]);
            }
            i = self.markup(html, lt);
        }
    }

    /// Handles the markup starting at `lt` (a `<`) and returns where to go on.
    fn markup(&mut self, html: &str, lt: usize) -> usize {
        let bytes = html.as_bytes();
        let next = bytes.get(lt + 1).copied().unwrap_or(0);
        if next == b'!' {
            if bytes[lt..].starts_with(b"<!--") {
                return find(bytes, lt + 4, b"-->").map_or(bytes.len(), |e| e + 3);
            }
            return memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1);
        }
        if next == b'?' {
            return memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |e| lt + e + 1);
        }
        if next == b'/' && bytes.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
            let (name, end) = read_name(bytes, lt + 2);
            let close = memchr(b'>', &bytes[end..]).map_or(bytes.len(), |e| end + e + 1);
            self.end_tag(&name);
            return close;
        }
        if !next.is_ascii_alphabetic() {
            self.text("<");
            return lt + 1;
        }
        let (name, mut i) = read_name(bytes, lt + 1);
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && !matches!(bytes[i], b'=' | b'>' | b'/')
            {
                i += 1;
            }
            let key = &html[start..i];
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = "";
            if bytes.get(i) == Some(&b'=') {
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e);
                        value = &html[i + 1..end];
                        i = (end + 1).min(bytes.len());
                    }
                    _ => {
                        let s = i;
                        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && bytes[i] != b'>'
                        {
                            i += 1;
                        }
                        value = &html[s..i];
                    }
                }
            }
            if key.len() <= 11
                && let Some(k) = KEPT_ATTRS.iter().find(|k| k.eq_ignore_ascii_case(key))
                && !attrs.iter().any(|(a, _): &(Box<str>, String)| &**a == *k)
            {
                attrs.push(((*k).into(), decode_entities(value).into_owned()));
            }
        }
        let raw = is_raw_text(&name);
        self.start_tag(name.clone(), attrs, self_closing);
        if raw && !self_closing {
            let end = find_end_tag(bytes, i, &name).unwrap_or(bytes.len());
            if end > i {
                let t = &html[i..end];
                let text = if name == "title" || name == "textarea" {
                    decode_entities(t).into_owned()
                } else {
                    t.to_owned()
                };
                self.push_text(text);
            }
            self.end_tag(&name);
            return memchr(b'>', &bytes[end..]).map_or(bytes.len(), |e| end + e + 1);
        }
        i
    }

    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(ROOT)
    }

    fn tag_of(&self, id: NodeId) -> &str {
        match &self.nodes[id].data {
            NodeData::Element { tag, .. } => tag,
            NodeData::Text(_) => "",
        }
    }

    fn text(&mut self, raw: &str) {
        let t = decode_entities(raw);
        self.push_text(t.into_owned());
    }

    fn push_text(&mut self, t: String) {
        let parent = self.current();
        if let Some(&last) = self.nodes[parent].children.last()
            && let NodeData::Text(prev) = &mut self.nodes[last].data
        {
            prev.push_str(&t);
            return;
        }
        let id = self.nodes.len();
        self.nodes.push(Node {
            parent,
            children: Vec::new(),
            data: NodeData::Text(t),
        });
        self.nodes[parent].children.push(id);
    }

    /// Pops the stack down to (and including) the innermost open `tag` if it
    /// is open within scope, stopping at any of `bounds`.
    /// Stack positions to search for an element to close, innermost first;
    /// bounded so that pages full of unclosed tags still parse in linear time.
    fn search_range(&self) -> std::iter::Rev<std::ops::Range<usize>> {
        let low = self.stack.len().saturating_sub(MAX_SEARCH).max(1);
        (low..self.stack.len()).rev()
    }

    fn close_in_scope(&mut self, tags: &[&str], bounds: &[&str]) {
        for pos in self.search_range() {
            let t = self.tag_of(self.stack[pos]);
            if tags.contains(&t) {
                self.stack.truncate(pos);
                return;
            }
            if bounds.contains(&t) {
                return;
            }
        }
    }

    fn start_tag(&mut self, name: String, attrs: Vec<(Box<str>, String)>, self_closing: bool) {
        match name.as_str() {
            "li" => self.close_in_scope(&["li"], &["ul", "ol", "table", "td", "th", "html"]),
            "dd" | "dt" => self.close_in_scope(&["dd", "dt"], &["dl", "table", "td", "th", "html"]),
            "td" | "th" => self.close_in_scope(&["td", "th"], &["tr", "table", "html"]),
            "tr" => self.close_in_scope(&["tr"], &["table", "html"]),
            "option" => self.close_in_scope(&["option"], &["select", "html"]),
            "a" => self.close_in_scope(&["a"], SCOPE),
            _ => {}
        }
        if closes_p(&name) {
            self.close_in_scope(&["p"], SCOPE);
        }
        if name.len() == 2 && name.starts_with('h') && matches!(name.as_bytes()[1], b'1'..=b'6') {
            let top = self.tag_of(self.current());
            if top.len() == 2 && top.starts_with('h') && top != "hr" {
                self.stack.pop();
            }
        }
        let parent = self.current();
        let id = self.nodes.len();
        let void = is_void(&name);
        self.nodes.push(Node {
            parent,
            children: Vec::new(),
            data: NodeData::Element {
                tag: name.into_boxed_str(),
                attrs,
            },
        });
        self.nodes[parent].children.push(id);
        // Only void elements and foreign (svg) self-closing tags stay empty.
        if !void && (!self_closing || closes_p(self.tag_of(id))) && self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
    }

    fn end_tag(&mut self, name: &str) {
        if name == "br" {
            self.start_tag("br".to_owned(), Vec::new(), true);
            return;
        }
        if matches!(name, "body" | "html") {
            return;
        }
        for pos in self.search_range() {
            if self.tag_of(self.stack[pos]) == name {
                self.stack.truncate(pos);
                return;
            }
        }
    }
}

/// Reads a tag name at `i`, lower-cased; returns it and the index after it.
fn read_name(bytes: &[u8], mut i: usize) -> (String, usize) {
    let start = i;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'>' | b'/') {
        i += 1;
    }
    let name = String::from_utf8_lossy(&bytes[start..i]).to_ascii_lowercase();
    (name, i)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(bytes.get(from..)?, needle).map(|p| p + from)
}

/// Finds the `</name` that ends a raw-text element, ignoring case.
fn find_end_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(bytes, i, b"</") {
        let after = p + 2;
        let candidate = bytes.get(after..after + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(after + name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'>' | b'/'))
        {
            return Some(p);
        }
        i = after;
    }
    None
}
