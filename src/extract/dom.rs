//! The arena tree a page is parsed into, and the ways to read it.

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// The root node's index: a synthetic element that holds the document.
pub const ROOT: NodeId = 0;

/// One node of the tree.
#[derive(Debug)]
pub struct Node {
    /// The parent node; the root is its own parent.
    pub parent: NodeId,
    /// Children in document order.
    pub children: Vec<NodeId>,
    /// What the node holds.
    pub data: NodeData,
}

/// The content of a node.
#[derive(Debug)]
pub enum NodeData {
    /// An element with its lower-cased tag name and kept attributes.
    Element {
        tag: Box<str>,
        attrs: Vec<(Box<str>, String)>,
    },
    /// Text with entities decoded (white space not yet collapsed).
    Text(String),
}

/// A parsed document.
#[derive(Debug)]
pub struct Dom {
    /// Every node; index 0 is the root.
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parses `html` into a tree.
    pub fn parse(html: &str) -> Dom {
        Dom {
            nodes: super::parse::build(html),
        }
    }

    /// Returns the tag name of an element, or `""` for text.
    pub fn tag(&self, id: NodeId) -> &str {
        match &self.nodes[id].data {
            NodeData::Element { tag, .. } => tag,
            NodeData::Text(_) => "",
        }
    }

    /// Returns the value of attribute `name` on an element.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        match &self.nodes[id].data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| &**k == name)
                .map(|(_, v)| v.as_str()),
            NodeData::Text(_) => None,
        }
    }

    /// Returns the ids of `id` and all its descendants in document order.
    pub fn descendants(&self, id: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            out.push(n);
            stack.extend(self.nodes[n].children.iter().rev());
        }
        out
    }

    /// Appends the raw text of `id`'s subtree to `out`.
    ///
    /// Iterative, so a page with absurdly deep nesting cannot overflow the stack.
    pub fn text_into(&self, id: NodeId, out: &mut String) {
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                NodeData::Text(t) => out.push_str(t),
                NodeData::Element { .. } => stack.extend(self.nodes[n].children.iter().rev()),
            }
        }
    }

    /// Returns the raw text of `id`'s subtree.
    pub fn text(&self, id: NodeId) -> String {
        let mut s = String::new();
        self.text_into(id, &mut s);
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closes_paragraphs_implicitly_and_skips_scripts() {
        let dom = Dom::parse(
            "<div><p>One<p>Two &amp; <b>bold</b><div>Three</div><script>if (a<b) x()</script></div>",
        );
        let div = dom.nodes[ROOT].children[0];
        let tags: Vec<&str> = dom.nodes[div]
            .children
            .iter()
            .map(|&c| dom.tag(c))
            .collect();
        assert_eq!(tags, ["p", "p", "div", "script"]);
        assert_eq!(dom.text(dom.nodes[div].children[1]), "Two & bold");
    }
}
