//! Walks the article's nodes and writes paragraphs, captions and links.
//!
//! White space is collapsed while writing, so each paragraph is already what
//! `clean_line` would make of it and link offsets stay exact.

use super::body::{Stats, is_inline};
use super::boilerplate::{is_boilerplate, is_byline, is_list_intro};
use super::chrome::{class_id, class_weight, names_caption};
use super::dom::{Dom, NodeData, NodeId};
use crate::model::Link;
use crate::sanitize::{clean_line, clean_text, safe_http_url};
use url::Url;

/// What the walk produced.
#[derive(Debug, Default)]
pub struct Body {
    /// Paragraphs in document order.
    pub paragraphs: Vec<String>,
    /// Photo captions.
    pub captions: Vec<String>,
    /// Links with offsets into the paragraphs joined by a blank line.
    pub links: Vec<Link>,
}

/// How strict the walk is about what counts as article text.
#[derive(Clone, Copy)]
pub struct Mode {
    /// Skip link lists and negatively named boxes inside the article.
    pub clean_containers: bool,
}

/// The kind of block a paragraph came from.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Para,
    Heading,
    Item,
    Other,
}

/// A paragraph written but not yet placed: links are relative to it.
struct Staged {
    text: String,
    links: Vec<Link>,
    all_link: bool,
}

struct Writer<'a> {
    base: Option<&'a Url>,
    body: Body,
    buf: String,
    buf_chars: usize,
    link_chars: usize,
    space: bool,
    kind: Kind,
    staged: Vec<Staged>,
    pending: Vec<Link>,
    open_link: Option<(Option<String>, Option<usize>, String)>,
}

/// Writes the text of `roots` (and their subtrees) into paragraphs.
pub fn write(dom: &Dom, stats: &Stats, roots: &[NodeId], base: Option<&Url>, mode: Mode) -> Body {
    let mut w = Writer {
        base,
        body: Body::default(),
        buf: String::new(),
        buf_chars: 0,
        link_chars: 0,
        space: false,
        kind: Kind::Other,
        staged: Vec::new(),
        pending: Vec::new(),
        open_link: None,
    };
    // (node, exiting)
    let mut stack: Vec<(NodeId, bool)> = roots.iter().rev().map(|&r| (r, false)).collect();
    while let Some((id, exiting)) = stack.pop() {
        let tag = dom.tag(id);
        if exiting {
            match tag {
                "a" => w.close_link(),
                t if !is_inline(t) => w.flush(),
                _ => {}
            }
            continue;
        }
        match &dom.nodes[id].data {
            NodeData::Text(t) => {
                if !stats.dead[id] {
                    w.push_text(t);
                }
                continue;
            }
            NodeData::Element { .. } => {}
        }
        if is_caption(dom, id, tag) {
            let c = clean_line(&dom.text(id));
            if !c.is_empty() && !w.body.captions.contains(&c) {
                w.body.captions.push(c);
            }
            continue;
        }
        if stats.dead[id] || matches!(tag, "h1" | "img" | "picture") {
            continue;
        }
        if tag == "br" {
            w.flush();
            continue;
        }
        if mode.clean_containers && is_junk_container(dom, stats, id, tag) {
            continue;
        }
        if tag == "figure" {
            // Only the caption of a figure is kept, apart from the body.
            for c in dom.descendants(id) {
                if dom.tag(c) == "figcaption" {
                    stack.push((c, false));
                }
            }
            continue;
        }
        if !is_inline(tag) {
            w.flush();
            w.kind = match tag {
                "p" => Kind::Para,
                "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
                "li" | "dd" | "dt" => Kind::Item,
                _ => w.kind,
            };
        } else if tag == "a" {
            w.open_link(dom.attr(id, "href"));
        }
        stack.push((id, true));
        for &c in dom.nodes[id].children.iter().rev() {
            stack.push((c, false));
        }
    }
    w.flush();
    w.finish()
}

fn is_caption(dom: &Dom, id: NodeId, tag: &str) -> bool {
    tag == "figcaption" || (tag != "figure" && names_caption(&class_id(dom, id)))
}

/// Adds the photo captions found under `root` (outside chrome) to `body`.
pub fn add_captions(dom: &Dom, stats: &Stats, root: NodeId, body: &mut Body) {
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let tag = dom.tag(id);
        if tag.is_empty() {
            continue;
        }
        if is_caption(dom, id, tag) {
            let c = clean_line(&dom.text(id));
            if !c.is_empty() && !body.captions.contains(&c) {
                body.captions.push(c);
            }
            continue;
        }
        if stats.dead[id] {
            continue;
        }
        stack.extend(dom.nodes[id].children.iter().rev());
    }
}

/// True for a box inside the article that is a list of links or named like
/// furniture rather than text.
fn is_junk_container(dom: &Dom, stats: &Stats, id: NodeId, tag: &str) -> bool {
    if !matches!(
        tag,
        "ul" | "ol" | "div" | "section" | "table" | "dl" | "form"
    ) {
        return false;
    }
    let ld = stats.link_density(id);
    let commas = stats.commas[id];
    (ld > 0.33 && commas < 10) || (ld > 0.2 && class_weight(dom, id) < 0.0)
}

impl Writer<'_> {
    fn push_text(&mut self, raw: &str) {
        let clean = clean_text(raw);
        for c in clean.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && self.buf_chars > 0 {
                self.push_char(' ');
            }
            self.space = false;
            if let Some((_, start @ None, _)) = &mut self.open_link {
                *start = Some(self.buf_chars);
            }
            self.push_char(c);
        }
    }

    fn push_char(&mut self, c: char) {
        self.buf.push(c);
        self.buf_chars += 1;
        if let Some((_, Some(_), text)) = &mut self.open_link {
            text.push(c);
            self.link_chars += 1;
        }
    }

    fn open_link(&mut self, href: Option<&str>) {
        let url = href.and_then(|h| {
            let h = h.trim();
            match self.base {
                Some(b) => b.join(h).ok().and_then(|u| safe_http_url(u.as_str())),
                None => safe_http_url(h),
            }
        });
        self.open_link = Some((url, None, String::new()));
    }

    fn close_link(&mut self) {
        let Some((url, start, text)) = self.open_link.take() else {
            return;
        };
        let text = text.trim_end().to_owned();
        if let (Some(url), Some(start)) = (url, start)
            && !text.is_empty()
        {
            let end = start + text.chars().count();
            self.pending.push(Link {
                text,
                url,
                start,
                end,
            });
        }
    }

    /// Ends the current paragraph, keeping it unless it is boilerplate.
    fn flush(&mut self) {
        if self.open_link.is_some() {
            // A block inside a link: end the link's text here.
            let href = self.open_link.as_ref().and_then(|l| l.0.clone());
            self.close_link();
            self.open_link = Some((href, None, String::new()));
        }
        let buf = std::mem::take(&mut self.buf);
        let chars = std::mem::replace(&mut self.buf_chars, 0);
        let link_chars = std::mem::replace(&mut self.link_chars, 0);
        let links = std::mem::take(&mut self.pending);
        let kind = std::mem::replace(&mut self.kind, Kind::Other);
        self.space = false;
        if chars == 0 || !self.keeps(&buf, chars, link_chars, kind) {
            return;
        }
        let line = clean_line(&buf);
        // The line equals the buffer unless sanitising changed it; offsets
        // would be wrong then, so the links are dropped.
        let links = if line == buf { links } else { Vec::new() };
        self.staged.push(Staged {
            text: line,
            links,
            all_link: kind == Kind::Para && link_chars * 10 >= chars * 9,
        });
    }

    /// Drops runs of link-only paragraphs ("You may also like" lists) and
    /// sets the links' offsets into the joined text.
    fn finish(mut self) -> Body {
        let n = self.staged.len();
        let mut keep = vec![true; n];
        let mut i = 0;
        while i < n {
            let mut j = i;
            while j < n && self.staged[j].all_link {
                j += 1;
            }
            if j - i >= 2 {
                keep[i..j].iter_mut().for_each(|k| *k = false);
                if i > 0 && is_list_intro(&self.staged[i - 1].text) {
                    keep[i - 1] = false;
                }
            }
            i = j.max(i + 1);
        }
        let mut offset = 0;
        for (staged, keep) in self.staged.into_iter().zip(keep) {
            if !keep {
                continue;
            }
            if !self.body.paragraphs.is_empty() {
                offset += 2;
            }
            for mut l in staged.links {
                l.start += offset;
                l.end += offset;
                self.body.links.push(l);
            }
            offset += staged.text.chars().count();
            self.body.paragraphs.push(staged.text);
        }
        self.body
    }

    fn keeps(&self, text: &str, chars: usize, link_chars: usize, kind: Kind) -> bool {
        let density = link_chars as f32 / chars as f32;
        if density > 0.8 && kind != Kind::Para {
            return false;
        }
        if self.staged.is_empty() && chars < 80 && is_byline(text) {
            return false;
        }
        !is_boilerplate(text)
    }
}
