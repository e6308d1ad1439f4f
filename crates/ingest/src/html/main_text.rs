//! The main text of a page: the article's paragraphs without the page around them.
//!
//! ## What it handles
//! The page is flattened into blocks of running text (a paragraph, a heading, a list item,
//! the text of a `<div>` written with `<br>` breaks), each with the share of its characters
//! that sit inside links. Subtrees that never hold the article are left out whole: scripts,
//! styles, forms, navigation, `<aside>`, `<footer>`, `<header>`, figure captions, hidden
//! elements, and elements whose class or id names page furniture (comments, share bars,
//! related links, newsletters, cookie notices, ads, sidebars) unless it also names the
//! article or holds half of the page's readable text (a layout box around article and
//! sidebar, classed "has_sidebar", is no sidebar). Every paragraph of some length then votes for the elements above it: fully
//! for its parent, half for its grandparent, a third further up, weighted by its length and
//! its commas (prose has commas, menus do not). The winner is the element with the most
//! votes, discounted by the share of its text inside links and weighted by what its tag,
//! class, id and `itemprop` say (`<article>`, `articleBody`, "story", "content" up;
//! "comment", "sidebar" down). Its blocks, and those of siblings that score close to it
//! (an article split over several containers), are the main text, without blocks that are
//! mostly links.
//!
//! ## What it does not
//! Run scripts: a page that builds its text in JavaScript has none here. Tell a teaser list
//! of other articles inside the article container from the article (the text cleaning's
//! related-link rules catch most of them).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};

/// Elements whose subtree never holds the article text.
pub(super) const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
    "aside",
    "footer",
    "header",
    "figcaption",
    "menu",
    "dialog",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "img",
    "head",
    "label",
];

/// Elements that start and end a block of running text.
const BLOCK: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "td",
    "th",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "table",
    "tr",
    "tbody",
    "body",
    "figure",
    "address",
    "center",
    "details",
    "summary",
    "hr",
    "br",
];

/// Words in a class or id that name page furniture.
const FURNITURE: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "promo",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "cookie",
    "consent",
    "gdpr",
    "banner",
    "advert",
    "sponsor",
    "sidebar",
    "widget",
    "footer",
    "masthead",
    "breadcrumb",
    "menu",
    "nav",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "disqus",
    "byline",
    "author-bio",
    "tags",
    "tag-list",
    "most-read",
    "mostread",
    "trending",
    "read-more",
    "readmore",
    "more-stories",
    "print-only",
    "skip",
    "toolbar",
    "rating",
    "caption",
    "credit",
    "meta",
];

/// [`FURNITURE`], to look words up in.
static FURNITURE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| FURNITURE.iter().copied().collect());

/// Words in a class or id that name the article itself.
const ARTICLE: &[&str] = &[
    "article", "story", "content", "entry", "post", "body", "text", "main", "blog", "news",
];

struct Block {
    /// The element the block belongs to (its nearest block-level ancestor).
    owner: NodeId,
    tag: &'static str,
    text: String,
    link_chars: usize,
}

/// The main text of a parsed page, one block of running text per element.
pub fn main_text(doc: &Html) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut open = Open::default();
    let sizes = Sizes::of(doc);
    walk(doc.tree.root(), &mut blocks, &mut open, false, &sizes);
    open.flush(&mut blocks);
    if blocks.is_empty() {
        return Vec::new();
    }

    let parent = |id: NodeId| doc.tree.get(id).and_then(|n| n.parent()).map(|p| p.id());
    let (chars, votes) = votes(doc, &blocks);
    let scores: HashMap<NodeId, f64> = votes
        .iter()
        .map(|(&id, &v)| {
            let (c, l) = chars.get(&id).copied().unwrap_or((0, 0));
            let density = if c == 0 { 0.0 } else { l as f64 / c as f64 };
            (id, v * (1.0 - density) * weight(doc, id))
        })
        .collect();
    let score = |id: NodeId| scores.get(&id).copied().unwrap_or(0.0);
    let Some(best) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(&id, _)| id)
    else {
        // No paragraph of any length: the page's text blocks as they are.
        return blocks
            .into_iter()
            .filter(|b| b.link_chars * 2 < b.text.chars().count())
            .map(|b| b.text)
            .collect();
    };
    // An article split over several containers (a chunk per screenful, ads between them)
    // has its prose spread over cousins of the winner: climb while the element above holds
    // clearly more prose.
    let mut prose: HashMap<NodeId, usize> = HashMap::new();
    for b in &blocks {
        let len = b.text.chars().count();
        if len >= 25 && b.link_chars * 3 < len && b.tag != "li" {
            let mut at = Some(b.owner);
            while let Some(id) = at {
                *prose.entry(id).or_default() += len;
                at = parent(id);
            }
        }
    }
    let prose_of = |id: NodeId| prose.get(&id).copied().unwrap_or(0);
    let is_root = |id: NodeId| match doc.tree.get(id).map(|n| n.value()) {
        Some(Node::Element(e)) => matches!(e.name(), "body" | "html"),
        _ => true,
    };
    let mut best = best;
    'climb: loop {
        // Up to four levels: wrappers around each chunk add no prose of their own.
        let mut up = best;
        for _ in 0..4 {
            match parent(up) {
                Some(p) if !is_root(p) => up = p,
                _ => break 'climb,
            }
            if prose_of(up) as f64 >= prose_of(best) as f64 * 1.5 {
                best = up;
                continue 'climb;
            }
        }
        break;
    }
    let best_score = score(best);
    // Siblings that score close to the winner hold more of the article.
    let mut chosen = vec![best];
    if let Some(p) = parent(best).and_then(|p| doc.tree.get(p)) {
        for sibling in p.children().filter(|c| c.id() != best) {
            if score(sibling.id()) >= (best_score * 0.2).max(10.0) {
                chosen.push(sibling.id());
            }
        }
    }
    let inside = |mut id: NodeId| loop {
        if chosen.contains(&id) {
            return true;
        }
        match parent(id) {
            Some(p) => id = p,
            None => return false,
        }
    };
    blocks
        .into_iter()
        .filter(|b| b.tag != "h1" && inside(b.owner))
        .filter(|b| {
            let len = b.text.chars().count().max(1);
            (b.link_chars as f64) / (len as f64) <= 0.5
        })
        .map(|b| b.text)
        .collect()
}

/// Characters and link characters under each element, and the votes each element has
/// from the paragraphs below it.
type Votes = (HashMap<NodeId, (usize, usize)>, HashMap<NodeId, f64>);

/// Each paragraph of some length votes for the elements above it: fully for its parent,
/// half for its grandparent, a third further up, weighted by its length and its commas.
fn votes(doc: &Html, blocks: &[Block]) -> Votes {
    // Parents, for voting up the tree.
    let parent = |id: NodeId| doc.tree.get(id).and_then(|n| n.parent()).map(|p| p.id());
    // Characters and link characters under each element.
    let mut chars: HashMap<NodeId, (usize, usize)> = HashMap::new();
    let mut votes: HashMap<NodeId, f64> = HashMap::new();
    for b in blocks {
        let len = b.text.chars().count();
        let mut at = Some(b.owner);
        while let Some(id) = at {
            let e = chars.entry(id).or_default();
            e.0 += len;
            e.1 += b.link_chars;
            at = parent(id);
        }
        if len < 25 || !matches!(b.tag, "p" | "pre" | "blockquote" | "td" | "div" | "dd") {
            continue;
        }
        let commas = b.text.matches([',', '，', '、']).count() as f64;
        let score = 1.0 + commas + (len as f64 / 100.0).min(3.0);
        let mut at = parent(b.owner);
        for level in 0..4 {
            let Some(id) = at else { break };
            let share = match level {
                0 => 1.0,
                1 => 0.5,
                _ => 1.0 / (level as f64 + 1.0),
            };
            *votes.entry(id).or_default() += score * share;
            at = parent(id);
        }
        // A paragraph in a div of its own also votes for that div.
        if b.tag == "div" {
            *votes.entry(b.owner).or_default() += score;
        }
    }
    (chars, votes)
}

/// What an element's tag, class, id and `itemprop` say about it holding the article.
fn weight(doc: &Html, id: NodeId) -> f64 {
    let Some(Node::Element(e)) = doc.tree.get(id).map(|n| n.value()) else {
        return 1.0;
    };
    let mut w = 1.0;
    match e.name() {
        "article" => w *= 1.3,
        "main" => w *= 1.1,
        "body" => w *= 0.8,
        _ => {}
    }
    if e.attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w *= 1.5;
    }
    let names = class_and_id(e);
    if ARTICLE.iter().any(|a| names.contains(a)) {
        w *= 1.25;
    }
    if FURNITURE.iter().any(|f| names.contains(f)) {
        w *= 0.5;
    }
    w
}

fn class_and_id(e: &scraper::node::Element) -> String {
    let mut s = e.attr("class").unwrap_or("").to_ascii_lowercase();
    s.push(' ');
    s.push_str(&e.attr("id").unwrap_or("").to_ascii_lowercase());
    s
}

/// True when an element's subtree is page furniture and cannot hold the article.
/// Why an element's subtree is left out: never article text, or named as furniture.
#[derive(PartialEq)]
enum Skip {
    Keep,
    Always,
    Named,
}

fn skipped(e: &scraper::node::Element) -> Skip {
    match skip_reason(e) {
        Some(true) => Skip::Always,
        Some(false) => Skip::Named,
        None => Skip::Keep,
    }
}

/// `Some(true)` for subtrees that never hold the article, `Some(false)` for ones whose
/// class or id names page furniture, `None` otherwise.
fn skip_reason(e: &scraper::node::Element) -> Option<bool> {
    let name = e.name();
    if SKIP.contains(&name) {
        return Some(true);
    }
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return Some(true);
    }
    if let Some(style) = e.attr("style") {
        let style = style.replace(' ', "").to_ascii_lowercase();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return Some(true);
        }
    }
    if matches!(name, "html" | "body" | "article" | "main") {
        return None;
    }
    if e.attr("itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        return None;
    }
    let names = class_and_id(e);
    // Whole words of a class or id ("related-links", "share_bar"), so "shared-content"
    // is not a share bar.
    let words: Vec<&str> = names
        .split(|c: char| c.is_whitespace() || c == '_')
        .filter(|w| !w.is_empty())
        .collect();
    // A word names furniture as it is or in the plural ("comments"), alone or as a
    // hyphenated part ("share-bar", "site-footer").
    let names_furniture = |w: &str| {
        let furniture = &*FURNITURE_SET;
        furniture.contains(w)
            || w.match_indices('-')
                .any(|(at, _)| furniture.contains(&w[..at]) || furniture.contains(&w[at + 1..]))
    };
    let furniture = words
        .iter()
        .any(|w| names_furniture(w) || w.strip_suffix('s').is_some_and(names_furniture));
    let article = words
        .iter()
        .any(|w| ARTICLE.iter().any(|a| w.contains(a)) && !w.contains("related"));
    (furniture && !article).then_some(false)
}

/// The block being gathered.
#[derive(Default)]
struct Open {
    owner: Option<(NodeId, &'static str)>,
    text: String,
    link_chars: usize,
}

impl Open {
    fn flush(&mut self, blocks: &mut Vec<Block>) {
        let text = self.text.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some((owner, tag)) = self.owner {
            if !text.is_empty() {
                blocks.push(Block {
                    owner,
                    tag,
                    text,
                    link_chars: self.link_chars,
                });
            }
        }
        self.text.clear();
        self.link_chars = 0;
    }
}

fn block_tag(name: &str) -> Option<&'static str> {
    BLOCK.iter().copied().find(|b| *b == name)
}

/// The readable text of the whole page, to weigh an element's share of it against.
struct Sizes {
    total: usize,
}

/// Characters of readable text under a node (not that of scripts and style sheets).
pub(super) fn readable_chars(node: NodeRef<Node>) -> usize {
    node.descendants()
        .filter_map(|n| match n.value() {
            Node::Text(t) => {
                let code = n.parent().is_some_and(
                    |p| matches!(p.value(), Node::Element(e) if SKIP.contains(&e.name())),
                );
                (!code).then(|| t.trim().chars().count())
            }
            _ => None,
        })
        .sum()
}

impl Sizes {
    fn of(doc: &Html) -> Sizes {
        Sizes {
            total: readable_chars(doc.tree.root()),
        }
    }

    /// True when an element holds at least half of the page's text: a layout container,
    /// whatever its class says ("penci_sidebar" on the box around article and sidebar).
    /// Counted only for the few elements named as furniture.
    fn holds_most(&self, node: NodeRef<Node>) -> bool {
        readable_chars(node) * 2 >= self.total
    }
}

/// What is left to do in the walk over the page: a node to read, or the end of an
/// element whose children were read before it.
enum Step<'a> {
    /// Read this node (and, through further steps, its children).
    Node(NodeRef<'a, Node>, bool),
    /// A block element ends: flush its text, and the block around it is open again.
    EndBlock(Option<(NodeId, &'static str)>),
    /// An inline element ends: a space after it unless it is one of the elements that
    /// run on into the next word.
    EndInline(bool),
}

/// Flattens the page under `root` into blocks of running text, in document order. The
/// walk keeps its own stack of steps rather than recursing, so a deep page costs no
/// call stack.
fn walk(
    root: NodeRef<Node>,
    blocks: &mut Vec<Block>,
    open: &mut Open,
    in_link: bool,
    sizes: &Sizes,
) {
    let mut steps: Vec<Step> = root
        .children()
        .rev()
        .map(|c| Step::Node(c, in_link))
        .collect();
    while let Some(step) = steps.pop() {
        let (child, in_link) = match step {
            Step::Node(child, in_link) => (child, in_link),
            Step::EndBlock(outer) => {
                open.flush(blocks);
                open.owner = outer;
                continue;
            }
            Step::EndInline(space) => {
                if space {
                    open.text.push(' ');
                }
                continue;
            }
        };
        match child.value() {
            Node::Text(t) => {
                let text: &str = t;
                if in_link {
                    open.link_chars += text
                        .split_whitespace()
                        .map(|w| w.chars().count() + 1)
                        .sum::<usize>();
                }
                open.text.push_str(text);
            }
            Node::Element(e) => {
                match skipped(e) {
                    Skip::Always => continue,
                    Skip::Named if !sizes.holds_most(child) => continue,
                    _ => {}
                }
                let name = e.name();
                let inner_link = match block_tag(name) {
                    Some("br" | "hr") => {
                        // A line break ends a block of text written with breaks.
                        open.flush(blocks);
                        continue;
                    }
                    Some(tag) => {
                        steps.push(Step::EndBlock(open.owner));
                        open.flush(blocks);
                        open.owner = Some((child.id(), tag));
                        in_link
                    }
                    None => {
                        if open.owner.is_none() {
                            open.owner = Some((child.id(), "div"));
                        }
                        let runs_on = matches!(name, "span" | "a" | "em" | "strong" | "b" | "i");
                        steps.push(Step::EndInline(!runs_on));
                        in_link || name == "a"
                    }
                };
                steps.extend(child.children().rev().map(|c| Step::Node(c, inner_link)));
            }
            _ => {}
        }
    }
}
