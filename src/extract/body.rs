//! Finds the article's container: every text block scores its ancestors by
//! length and commas, link-heavy containers are discounted, and the best
//! container's siblings that look like article text join it.

use super::chrome::{class_weight, is_chrome, is_never_text};
use super::dom::{Dom, NodeData, NodeId, ROOT};

/// Per-node facts computed in one pass over the tree.
pub struct Stats {
    /// The node or one of its ancestors is chrome.
    pub dead: Vec<bool>,
    /// Characters of visible text in the subtree (white space runs count one).
    pub text_len: Vec<u32>,
    /// Characters of that text inside links.
    pub link_len: Vec<u32>,
    /// Commas in the subtree's text.
    pub commas: Vec<u32>,
    /// The element has a block-level element among its children.
    pub has_block: Vec<bool>,
}

/// True for inline elements: they never split a paragraph.
pub fn is_inline(tag: &str) -> bool {
    matches!(
        tag,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "big"
            | "cite"
            | "code"
            | "data"
            | "del"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "ins"
            | "kbd"
            | "label"
            | "mark"
            | "nobr"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "img"
            | "picture"
            | "source"
            | "wbr"
    )
}

impl Stats {
    /// Computes the facts for every node, using `chrome` to detect chrome.
    pub fn compute(dom: &Dom, chrome: bool) -> Stats {
        let n = dom.nodes.len();
        let mut dead = vec![false; n];
        let mut in_link = vec![false; n];
        for id in 1..n {
            let p = dom.nodes[id].parent;
            dead[id] = dead[p] || is_never_text(dom, id) || (chrome && is_chrome(dom, id));
            in_link[id] = in_link[p] || dom.tag(id) == "a";
        }
        let mut s = Stats {
            dead,
            text_len: vec![0; n],
            link_len: vec![0; n],
            commas: vec![0; n],
            has_block: vec![false; n],
        };
        for id in (1..n).rev() {
            if s.dead[id] {
                continue;
            }
            if let NodeData::Text(t) = &dom.nodes[id].data {
                let (len, commas) = measure(t);
                s.text_len[id] = len;
                s.commas[id] = commas;
                if in_link[id] {
                    s.link_len[id] = len;
                }
            }
            let p = dom.nodes[id].parent;
            s.text_len[p] += s.text_len[id];
            s.link_len[p] += s.link_len[id];
            s.commas[p] += s.commas[id];
            let tag = dom.tag(id);
            if !tag.is_empty() && !is_inline(tag) && tag != "br" {
                s.has_block[p] = true;
            }
        }
        s
    }

    /// Share of the subtree's text that sits inside links.
    pub fn link_density(&self, id: NodeId) -> f32 {
        let t = self.text_len[id];
        if t == 0 {
            0.0
        } else {
            self.link_len[id] as f32 / t as f32
        }
    }
}

/// Counts visible characters (white space runs as one) and commas.
fn measure(t: &str) -> (u32, u32) {
    let mut len = 0;
    let mut commas = 0;
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && len > 0 {
            len += 1;
        }
        space = false;
        len += 1;
        if matches!(c, ',' | '，' | '、') {
            commas += 1;
        }
    }
    (len, commas)
}

/// Returns the nodes that hold the article, in document order; empty when
/// the page has no text block long enough to be an article.
pub fn article_region(dom: &Dom, stats: &Stats) -> Vec<NodeId> {
    let n = dom.nodes.len();
    let mut score = vec![0f32; n];
    let mut seen = vec![false; n];
    let mut candidates = Vec::new();
    for id in 1..n {
        if stats.dead[id] || !is_text_block(dom, stats, id) && !is_loose_text(dom, stats, id) {
            continue;
        }
        let len = stats.text_len[id];
        if len < 25 {
            continue;
        }
        let points = 1.0 + stats.commas[id] as f32 + (len as f32 / 100.0).min(3.0);
        let mut anc = dom.nodes[id].parent;
        for level in 0..5 {
            if anc == ROOT {
                break;
            }
            if !seen[anc] {
                seen[anc] = true;
                score[anc] = initial_score(dom, anc);
                candidates.push(anc);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc] += points / div;
            anc = dom.nodes[anc].parent;
        }
    }
    let mut best: Option<(NodeId, f32)> = None;
    for &c in &candidates {
        score[c] *= 1.0 - stats.link_density(c);
        if best.is_none_or(|(_, s)| score[c] > s) {
            best = Some((c, score[c]));
        }
    }
    let Some((mut top, top_score)) = best else {
        return Vec::new();
    };
    top = climb(dom, stats, &score, &candidates, top, top_score);
    siblings(dom, stats, &score, top)
}

/// True for an element whose text forms paragraphs of its own.
fn is_text_block(dom: &Dom, stats: &Stats, id: NodeId) -> bool {
    match dom.tag(id) {
        "p" | "pre" | "td" => true,
        "div" | "section" | "article" | "span" | "font" | "center" => !stats.has_block[id],
        _ => false,
    }
}

/// True for text lying directly in a block that also holds other blocks
/// (a `<div>` with text between `<br>`s and a few `<p>`s).
fn is_loose_text(dom: &Dom, stats: &Stats, id: NodeId) -> bool {
    if !matches!(dom.nodes[id].data, NodeData::Text(_)) {
        return false;
    }
    let p = dom.nodes[id].parent;
    stats.has_block[p] && !is_inline(dom.tag(p))
}

fn initial_score(dom: &Dom, id: NodeId) -> f32 {
    let base = match dom.tag(id) {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + class_weight(dom, id)
}

/// Moves from the best container to a common ancestor when several nearly
/// as good containers sit under it (an article split into several boxes).
fn climb(
    dom: &Dom,
    stats: &Stats,
    score: &[f32],
    candidates: &[NodeId],
    top: NodeId,
    top_score: f32,
) -> NodeId {
    let close: Vec<NodeId> = candidates
        .iter()
        .copied()
        .filter(|&c| c != top && score[c] >= top_score * 0.75)
        .collect();
    let mut top = top;
    if close.len() >= 3 {
        let mut anc = dom.nodes[top].parent;
        while anc != ROOT && dom.tag(anc) != "body" {
            let inside = close.iter().filter(|&&c| is_ancestor(dom, anc, c)).count();
            if inside >= 3 {
                top = anc;
                break;
            }
            anc = dom.nodes[anc].parent;
        }
    }
    // A container that is its parent's only child says nothing on its own.
    loop {
        let p = dom.nodes[top].parent;
        if p == ROOT || dom.tag(p) == "body" {
            break;
        }
        let live = dom.nodes[p]
            .children
            .iter()
            .filter(|&&c| !stats.dead[c] && stats.text_len[c] > 0)
            .count();
        if live != 1 {
            break;
        }
        top = p;
    }
    top
}

fn is_ancestor(dom: &Dom, anc: NodeId, mut node: NodeId) -> bool {
    while node != ROOT {
        if node == anc {
            return true;
        }
        node = dom.nodes[node].parent;
    }
    false
}

/// Returns the top container plus those of its siblings that read like
/// article text.
fn siblings(dom: &Dom, stats: &Stats, score: &[f32], top: NodeId) -> Vec<NodeId> {
    let parent = dom.nodes[top].parent;
    if parent == ROOT {
        return vec![top];
    }
    let threshold = (score[top] * 0.2).max(10.0);
    let top_class = dom.attr(top, "class").unwrap_or("");
    let mut out = Vec::new();
    for &s in &dom.nodes[parent].children {
        if s == top {
            out.push(s);
            continue;
        }
        if stats.dead[s] || stats.text_len[s] == 0 {
            continue;
        }
        let mut bonus = 0.0;
        if !top_class.is_empty() && dom.attr(s, "class") == Some(top_class) {
            bonus = score[top] * 0.2;
        }
        if score[s] + bonus >= threshold {
            out.push(s);
            continue;
        }
        if dom.tag(s) == "p" || matches!(dom.nodes[s].data, NodeData::Text(_)) {
            let len = stats.text_len[s];
            let ld = stats.link_density(s);
            let text = dom.text(s);
            let ends = text.trim_end().ends_with(['.', '!', '?', '"', '”']);
            if (len > 80 && ld < 0.25) || (len > 0 && ld == 0.0 && ends) {
                out.push(s);
            }
        }
    }
    out
}
