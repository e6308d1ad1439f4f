//! Parsing a page with its nesting bounded.
//!
//! ## What it handles
//! The HTML standard's tree builder (html5ever, building `scraper`'s tree) does work in
//! proportion to the stack of open elements for many tags: a page of 200,000 nested
//! `<div>`s or `<b>`s takes it hours, and every walk over the tree after it pays for the
//! depth too. [`parse`] feeds the page to the parser a piece at a time through a tree sink
//! that notes how deep each node lands, and stops as soon as one lands deeper than the
//! bound ([`crate::MAX_HTML_DEPTH`]): the page is then refused, having cost no more than
//! the piece that went past the bound.
//!
//! ## What it does not
//! Measure the depth that the tree builder's reparenting (the adoption agency's moves of
//! whole subtrees) gives the nodes already placed: the next node placed under them is
//! measured.

use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// How many bytes the parser is given at a time: the most it may read past the bound.
const PIECE: usize = 16 << 10;

/// The page parsed, or `Err(depth)` with the depth of a node past `limit`.
pub(super) fn parse(html: &str, limit: usize) -> Result<Html, usize> {
    let deepest = Rc::new(Cell::new(0));
    let sink = Bounded {
        inner: HtmlTreeSink::new(Html::new_document()),
        deepest: deepest.clone(),
        limit,
    };
    let mut parser = html5ever::driver::parse_document(sink, Default::default());
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PIECE);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        if deepest.get() > limit {
            return Err(deepest.get());
        }
    }
    let doc = parser.finish();
    match deepest.get() {
        d if d > limit => Err(d),
        _ => Ok(doc),
    }
}

/// `scraper`'s tree sink, noting the depth at which each node is placed.
struct Bounded {
    inner: HtmlTreeSink,
    /// The deepest a node has been placed (the document is at 0).
    deepest: Rc<Cell<usize>>,
    /// Depths are counted up to one past this.
    limit: usize,
}

impl Bounded {
    /// How deep a node is (its ancestors), counted to one past the limit.
    fn depth(&self, id: NodeId) -> usize {
        let html = self.inner.0.borrow();
        html.tree
            .get(id)
            .map_or(0, |n| n.ancestors().take(self.limit + 1).count())
    }

    /// Notes a node placed at `depth`.
    fn placed(&self, depth: usize) {
        if depth > self.deepest.get() {
            self.deepest.set(depth);
        }
    }
}

impl TreeSink for Bounded {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a>
        = <HtmlTreeSink as TreeSink>::ElemName<'a>
    where
        Self: 'a;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        if matches!(child, NodeOrText::AppendNode(_)) {
            self.placed(self.depth(*parent) + 1);
        }
        self.inner.append(parent, child)
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if matches!(child, NodeOrText::AppendNode(_)) {
            self.placed(self.depth(*element).max(self.depth(*prev_element) + 1));
        }
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }

    fn mark_script_already_started(&self, node: &NodeId) {
        self.inner.mark_script_already_started(node)
    }

    fn pop(&self, node: &NodeId) {
        self.inner.pop(node)
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        if matches!(new_node, NodeOrText::AppendNode(_)) {
            self.placed(self.depth(*sibling));
        }
        self.inner.append_before_sibling(sibling, new_node)
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.placed(self.depth(*new_parent) + 1);
        self.inner.reparent_children(node, new_parent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_past_the_bound_stops_the_parse() {
        for tag in ["div", "b", "table", "blockquote", "span"] {
            let page = format!(
                "<html><body>{}<p>Deep text.</p>{}</body></html>",
                format!("<{tag}>").repeat(5_000),
                format!("</{tag}>").repeat(5_000)
            );
            let depth = parse(&page, 100).err();
            // Tables nested in tables are closed by the tree builder: siblings, not deep.
            if tag == "table" {
                continue;
            }
            assert!(depth.is_some_and(|d| d > 100), "{tag}: {depth:?}");
        }
        let shallow = format!("<html><body>{}</body></html>", "<p>Text.</p>".repeat(5_000));
        assert!(parse(&shallow, 100).is_ok());
    }

    #[test]
    fn the_tree_is_the_one_scraper_builds() {
        let page = "<html><head><title>T</title></head><body><p>One<b>two<i>three</p>four</b>\
                    <table><tr><td>x</td></tr><p>y</table></body></html>";
        let ours = parse(page, 512).unwrap();
        assert_eq!(ours.html(), Html::parse_document(page).html());
    }
}
