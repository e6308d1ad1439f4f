//! What the extraction never reads, left out of a page before it is parsed.
//!
//! Half the bytes of a news page are inline JavaScript and CSS, and most of the rest are
//! attributes (image sources, tracking data, inline SVG paths) in start tags. The parser
//! reads all of them a character at a time into a tree that the extraction then ignores.
//! This pass finds tags and the contents of `<script>` and `<style>` elements the way the
//! HTML standard's tokenizer does, and writes the page again with those contents empty and
//! each start tag holding only the attributes that are read later ([`KEPT`]); the tree the
//! parser builds from it is the same, element for element and text for text, but for the
//! code's text, the dropped attributes and the drawings' insides.
//!
//! ## What it handles
//! Quoted and unquoted attribute values (a `>` inside `data-x=">"` is no tag end),
//! self-closing tags, comments (`<!-- <script> -->` is no script, `<!-->` is a whole
//! comment), doctypes and bogus comments, and the elements whose contents are text, not
//! markup: `<title>`, `<textarea>`, `<iframe>`, `<noscript>` (scripting is on in the
//! parser), `<xmp>`, `<noembed>`, `<noframes>`, whose contents are passed on unread. An end
//! tag must be the element's own name followed by a space, `/` or `>` (`</scripts` ends
//! nothing). JSON-LD scripts keep their contents: the metadata reader reads them. The
//! attributes that steer the tree builder itself (`type` on `<input>`, `color`, `face` and
//! `size` on `<font>`, `encoding` on `<annotation-xml>`) are kept. Inline SVG drawings,
//! which the extraction skips whole, are emptied where they hold nothing that would end
//! the drawing early in the tree builder (an HTML tag such as `<p>` inside one, a comment).
//! Navigation bars, sidebars and footers, which the extraction passes over whole, are
//! emptied where their contents are plain markup closed in order ([`PLAIN`]); their text
//! stays, in one `<span>`, so that the page's text count is the same.
//!
//! ## What it does not
//! Follow the parser into SVG and MathML, where `<style>` holds markup (its contents are
//! dropped all the same; the extraction skips those subtrees whole), or into a frameset.
//! Where a script's text holds `<!--` followed by `<script` (the standard's "double
//! escaped" state, in which the first `</script>` ends nothing), and after a `<plaintext>`
//! tag, the rest of the page is left as it is.

use std::borrow::Cow;
use std::ops::Range;

use memchr::{memchr, memmem};

use super::main_text::SKIP;

/// Attributes read after parsing: by the main-text scoring (`class`, `id`, `itemprop`,
/// `style`, `hidden`, `aria-hidden`), the metadata reader (`content`, `property`, `name`,
/// `type`, `datetime`, `rel`, `lang`; `href` only on `<link>`) and the tree builder.
pub(crate) const KEPT: &[&str] = &[
    "class",
    "id",
    "itemprop",
    "style",
    "hidden",
    "aria-hidden",
    "content",
    "property",
    "name",
    "type",
    "datetime",
    "rel",
    "lang",
    "color",
    "face",
    "size",
    "encoding",
];

/// The page with the contents of its scripts (but JSON-LD) and style sheets left out, and
/// its start tags holding only the attributes in [`KEPT`].
pub(crate) fn pruned(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out = String::new();
    // The first byte not yet copied into `out`.
    let mut kept = 0;
    let mut attrs = Vec::new();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &b[i..]) {
        let at = i + lt;
        let Some(next) = scan(b, at, &mut attrs) else {
            break;
        };
        // The tag, where its copy goes on, where the scan goes on, and the text that stands
        // for emptied furniture.
        let (tag, after, resume, filler) = match next {
            Next::At(n) => {
                i = n;
                continue;
            }
            Next::Stop => break,
            Next::Tag(tag) => {
                if let Some(end) = svg_end(b, at, tag) {
                    // A drawing's elements are never read.
                    (tag, end, end, None)
                } else if let Some((end, text)) = furniture_end(b, at, tag) {
                    // Nor a navigation bar's, but for how much text it holds.
                    (tag, end, end, Some(text))
                } else {
                    (tag, tag.end, tag.end, None)
                }
            }
            Next::Text { tag, name, end } => {
                let code = matches!(name, "script" | "style") && !keeps_contents(b, &attrs);
                if code && name == "script" && double_escaped(&b[tag.end..end]) {
                    break;
                }
                // Text elements' contents are passed over, and dropped when code.
                (tag, if code { end } else { tag.end }, end, None)
            }
        };
        let name = &html[at + 1..tag.name_end];
        let wanted = |a: &Attr| {
            let n = &b[a.name.clone()];
            named(KEPT, n).is_some()
                || n.eq_ignore_ascii_case(b"href") && name.eq_ignore_ascii_case("link")
        };
        let all_wanted = attrs.iter().all(wanted);
        if !all_wanted || after != tag.end {
            out.push_str(&html[kept..at]);
            if all_wanted {
                out.push_str(&html[at..tag.end]);
            } else {
                out.push('<');
                out.push_str(name);
                for a in attrs.iter().filter(|a| wanted(a)) {
                    out.push(' ');
                    out.push_str(&html[a.whole.clone()]);
                }
                out.push_str(if tag.self_closing { "/>" } else { ">" });
            }
            if let Some(text) = filler.filter(|t| !t.is_empty()) {
                out.push_str("<span>");
                out.push_str(&text);
                out.push_str("</span>");
            }
            kept = after;
        }
        i = resume;
    }
    if kept == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[kept..]);
    Cow::Owned(out)
}

/// One attribute of a start tag: its name, and the name with its value as written.
struct Attr {
    name: Range<usize>,
    whole: Range<usize>,
}

/// A start tag read: where its name ends, where the tag ends, and whether it closes
/// itself (`<br/>`). Its attributes are in the scan's buffer.
#[derive(Clone, Copy)]
struct Tag {
    name_end: usize,
    end: usize,
    self_closing: bool,
}

/// Where the tokenizer goes on from after the `<` at some position.
enum Next {
    /// On at this byte, in the data state.
    At(usize),
    /// A start tag of an element whose contents are markup.
    Tag(Tag),
    /// A start tag of an element whose contents are text, up to `end` (its end tag, or the
    /// end of the page).
    Text {
        tag: Tag,
        name: &'static str,
        end: usize,
    },
    /// The rest of the page is text (`<plaintext>`), or the scan cannot follow it.
    Stop,
}

/// Elements whose contents the tokenizer reads as text up to their own end tag.
const TEXT_ELEMENTS: &[&str] = &[
    "script", "style", "title", "textarea", "iframe", "noscript", "xmp", "noembed", "noframes",
];

/// What follows the `<` at `at`; `None` where the page ends inside the markup. A start
/// tag's attributes are left in `attrs`.
fn scan(b: &[u8], at: usize, attrs: &mut Vec<Attr>) -> Option<Next> {
    let rest = &b[at + 1..];
    let to_gt = |from: usize| memchr(b'>', &b[from..]).map(|e| Next::At(from + e + 1));
    match rest.first().copied() {
        Some(b'!') if rest.starts_with(b"!--") => {
            let body = at + 4;
            if b[body..].starts_with(b">") {
                return Some(Next::At(body + 1));
            }
            if b[body..].starts_with(b"->") {
                return Some(Next::At(body + 2));
            }
            comment_end(&b[body..]).map(|e| Next::At(body + e))
        }
        // Doctype, CDATA outside foreign content, processing instruction: to the next `>`.
        Some(b'!' | b'?') => to_gt(at + 1),
        Some(b'/') => match rest.get(1) {
            Some(c) if c.is_ascii_alphabetic() => {
                tag_end(b, name_end(b, at + 2), attrs).map(|(end, _)| Next::At(end))
            }
            Some(b'>') => Some(Next::At(at + 3)),
            Some(_) => to_gt(at + 2),
            None => None,
        },
        Some(c) if c.is_ascii_alphabetic() => {
            let name_at = at + 1;
            let name_end = name_end(b, name_at);
            let (end, self_closing) = tag_end(b, name_end, attrs)?;
            let tag = Tag {
                name_end,
                end,
                self_closing,
            };
            let name = &b[name_at..name_end];
            if name.eq_ignore_ascii_case(b"plaintext") {
                return Some(Next::Stop);
            }
            let Some(text) = named(TEXT_ELEMENTS, name) else {
                return Some(Next::Tag(tag));
            };
            Some(Next::Text {
                tag,
                name: text,
                end: end_tag(b, end, text).unwrap_or(b.len()),
            })
        }
        // A `<` before anything else is text.
        Some(_) => Some(Next::At(at + 1)),
        None => None,
    }
}

/// The entry of `list` that `name` is, ASCII case aside.
fn named(list: &[&'static str], name: &[u8]) -> Option<&'static str> {
    list.iter()
        .copied()
        .find(|t| name.eq_ignore_ascii_case(t.as_bytes()))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Where a tag name starting at `from` ends.
fn name_end(b: &[u8], from: usize) -> usize {
    from + b[from..]
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .unwrap_or(b.len() - from)
}

/// The byte after the `>` that ends a tag whose attributes start at `at`, read as the
/// tokenizer reads attributes (quoted values may hold `>`), and whether the tag closes
/// itself; the attributes go into `attrs`.
fn tag_end(b: &[u8], mut at: usize, attrs: &mut Vec<Attr>) -> Option<(usize, bool)> {
    attrs.clear();
    let skip_space = |at: &mut usize| {
        while *at < b.len() && is_space(b[*at]) {
            *at += 1;
        }
    };
    loop {
        let mut self_closing = false;
        while at < b.len() && (is_space(b[at]) || b[at] == b'/') {
            self_closing = b[at] == b'/';
            at += 1;
        }
        let start = at;
        match b.get(at)? {
            b'>' => return Some((at + 1, self_closing)),
            // A name's first character may be `=`.
            _ => at += 1,
        }
        while at < b.len() && !(is_space(b[at]) || matches!(b[at], b'/' | b'>' | b'=')) {
            at += 1;
        }
        let name = start..at;
        let mut value_end = at;
        skip_space(&mut at);
        if b.get(at) == Some(&b'=') {
            at += 1;
            skip_space(&mut at);
            match *b.get(at)? {
                q @ (b'"' | b'\'') => at += 1 + memchr(q, &b[at + 1..])? + 1,
                b'>' => {}
                _ => {
                    while at < b.len() && !is_space(b[at]) && b[at] != b'>' {
                        at += 1;
                    }
                }
            }
            value_end = at;
        }
        attrs.push(Attr {
            name: name.clone(),
            whole: name.start..value_end,
        });
    }
}

/// Start tags that end an SVG drawing early in the tree builder (the HTML standard's
/// "breakout" tags in foreign content), with `font`, which does so with some attributes.
const BREAKOUT: &[&str] = &[
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
    "font",
];

/// Where the contents of an `<svg>` start tag at `at` end (at its `</svg`), where they are
/// drawing alone: no comment, no CDATA and no tag that would end the drawing early. `None`
/// for other tags, and for drawings that the tree builder would not read as one.
fn svg_end(b: &[u8], at: usize, tag: Tag) -> Option<usize> {
    if tag.self_closing || !b[at + 1..tag.name_end].eq_ignore_ascii_case(b"svg") {
        return None;
    }
    let end = end_tag(b, tag.end, "svg")?;
    let inner = &b[tag.end..end];
    let mut from = 0;
    while let Some(lt) = memchr(b'<', &inner[from..]) {
        let at = from + lt + 1;
        let name_at = at + usize::from(inner.get(at) == Some(&b'/'));
        let name = &inner[name_at..name_end(inner, name_at)];
        if inner.get(at) == Some(&b'!') || named(BREAKOUT, name).is_some() {
            return None;
        }
        from = at;
    }
    Some(end)
}

/// Elements the extraction passes over whole, whatever they hold (they are in
/// [`SKIP`]), that are emptied here when what they hold is plain: the navigation bar,
/// sidebar and footer.
const FURNITURE_ELEMENTS: &[&str] = &["nav", "aside", "footer", "menu"];

/// Elements that may stand inside emptied furniture: markup the tree builder keeps inside
/// the furniture element when every one is closed in order (no table, form, heading of the
/// page, time, metadata or script, which other parts read or which reach outside).
const PLAIN: &[&str] = &[
    "a", "abbr", "b", "br", "button", "cite", "div", "em", "h2", "h3", "h4", "h5", "h6", "hr", "i",
    "img", "input", "label", "li", "ol", "p", "picture", "small", "source", "span", "strong",
    "sub", "sup", "u", "ul", "wbr",
];

/// Elements without contents or end tag.
const VOID: &[&str] = &["br", "hr", "img", "input", "source", "wbr"];

/// Where the contents of a furniture start tag at `at` end (at its end tag), with the text
/// that the page's text count reads in them, each piece trimmed as the count trims it;
/// `None` for other tags, and for contents that are not plain: an element not in [`PLAIN`],
/// an end tag out of order, a comment, a drawing, or text that is not plainly text.
fn furniture_end(b: &[u8], at: usize, tag: Tag) -> Option<(usize, String)> {
    let name = &b[at + 1..tag.name_end];
    let own = named(FURNITURE_ELEMENTS, name)?;
    if tag.self_closing {
        return None;
    }
    let mut open: Vec<&'static str> = vec![own];
    let mut text = String::new();
    let mut attrs = Vec::new();
    let mut i = tag.end;
    loop {
        let lt = i + memchr(b'<', &b[i..])?;
        // The page's text count leaves out text right inside a skipped element.
        if !SKIP.contains(open.last()?) {
            let run = std::str::from_utf8(&b[i..lt]).ok()?.trim();
            text.push_str(run);
        }
        let (closing, name_at) = match b.get(lt + 1)? {
            b'/' => (true, lt + 2),
            c if c.is_ascii_alphabetic() => (false, lt + 1),
            _ => return None,
        };
        let end = name_end(b, name_at);
        let name = &b[name_at..end];
        let (after, self_closing) = tag_end(b, end, &mut attrs)?;
        if closing {
            if !name.eq_ignore_ascii_case(open.pop()?.as_bytes()) {
                return None;
            }
            if open.is_empty() {
                return Some((lt, text));
            }
        } else {
            let element = named(PLAIN, name)?;
            // `<div/>` opens a div all the same.
            match (VOID.contains(&element), self_closing) {
                (true, _) => {}
                (false, false) => open.push(element),
                (false, true) => return None,
            }
        }
        i = after;
    }
}

/// Where the comment whose text starts `body` ends: after `-->` or `--!>`.
fn comment_end(body: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(d) = memmem::find(&body[from..], b"--") {
        let at = from + d + 2;
        match body.get(at) {
            Some(b'>') => return Some(at + 1),
            Some(b'!') if body.get(at + 1) == Some(&b'>') => return Some(at + 2),
            Some(_) => from = from + d + 1,
            None => return None,
        }
    }
    None
}

/// Where the end tag `</name` (followed by a space, `/` or `>`) first starts at or after
/// `from`.
fn end_tag(b: &[u8], from: usize, name: &str) -> Option<usize> {
    let n = name.len();
    let mut at = from;
    while let Some(d) = memmem::find(&b[at..], b"</") {
        let start = at + d;
        let after = start + 2 + n;
        if b.len() >= after
            && b[start + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && b.get(after)
                .is_none_or(|&c| is_space(c) || c == b'/' || c == b'>')
        {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// True for a `<script>` whose contents are read later: JSON-LD.
fn keeps_contents(b: &[u8], attrs: &[Attr]) -> bool {
    attrs.iter().any(|a| {
        b[a.name.clone()].eq_ignore_ascii_case(b"type")
            && b[a.whole.clone()]
                .windows(7)
                .any(|w| w.eq_ignore_ascii_case(b"ld+json"))
    })
}

/// True when a script's text holds `<!--` and after it `<script`: the tokenizer's double
/// escaped state, where the end tag found is not the script's end.
fn double_escaped(text: &[u8]) -> bool {
    let Some(open) = memmem::find(text, b"<!--") else {
        return false;
    };
    text[open..]
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"<script"))
}

#[cfg(test)]
mod tests {
    use super::pruned;

    #[test]
    fn code_and_unread_attributes_are_left_out_where_the_tokenizer_finds_them() {
        let cases: &[(&str, &str)] = &[
            (
                "<p>a</p><script>var x = 1 < 2;</script><p>b</p>",
                "<p>a</p><script></script><p>b</p>",
            ),
            (
                "<STYLE type=text/css>p{}</STYLE >x",
                "<STYLE type=text/css></STYLE >x",
            ),
            // Quoted values may hold `>`; only the attributes read later stay.
            (
                "<script src=\"a>b\" data-x='>' type=module>js</script>",
                "<script type=module></script>",
            ),
            (
                "<div data-src=\"x.jpg\" CLASS='story body' id=main hidden>t</div>",
                "<div CLASS='story body' id=main hidden>t</div>",
            ),
            ("<img src=a.jpg alt=\"A\"/><br/>", "<img/><br/>"),
            // An unquoted value ending in `/` does not close its tag.
            ("<a href=x/>t</a>", "<a>t</a>"),
            (
                "<link rel=canonical href=\"https://x.test/a\"><a href=b>",
                "<link rel=canonical href=\"https://x.test/a\"><a>",
            ),
            ("<p =x class=a onclick=f()>", "<p class=a>"),
            ("<input type = hidden value=1>", "<input type = hidden>"),
            // JSON-LD is read by the metadata reader.
            (
                "<script type=\"application/ld+json\">{\"a\":1}</script><script>x</script>",
                "<script type=\"application/ld+json\">{\"a\":1}</script><script></script>",
            ),
            // `</scripts` is not the end tag; the page's end is.
            ("<script>a</scripts>b", "<script>"),
            ("<script>a</script/>b", "<script></script/>b"),
            // Start tags in comments, attributes and text-only elements are text.
            (
                "<!-- <script> -->x<style>y</style>",
                "<!-- <script> -->x<style></style>",
            ),
            ("<!--><script>x</script>", "<!--><script></script>"),
            ("<!-- a --!><style>y</style>", "<!-- a --!><style></style>"),
            ("<a title='<script>'>x</a>", "<a>x</a>"),
            (
                "<title><script>t</title><p data-x=1>b",
                "<title><script>t</title><p>b",
            ),
            (
                "<textarea><img src=x></textarea>",
                "<textarea><img src=x></textarea>",
            ),
            (
                "<noscript><img src=x></noscript>",
                "<noscript><img src=x></noscript>",
            ),
            (
                "<div class=a=b>x</div><style>s</style>",
                "<div class=a=b>x</div><style></style>",
            ),
            ("a < b <3 <style>s</style>", "a < b <3 <style></style>"),
            (
                "<?xml x?><!DOCTYPE html><style>s</style>",
                "<?xml x?><!DOCTYPE html><style></style>",
            ),
            (
                "</div class=\">\"><style>s</style>",
                "</div class=\">\"><style></style>",
            ),
            // Double escaped: the page is left as it is from there on.
            (
                "<style>s</style><script><!-- <script>x</script> y</script>z",
                "<style></style><script><!-- <script>x</script> y</script>z",
            ),
            // Old pages hide scripts in comments; without a nested script that is no bar.
            ("<script><!-- x() //--></script>", "<script></script>"),
            ("<plaintext><style>s</style>", "<plaintext><style>s</style>"),
            ("<p>unclosed <a href=\"x", "<p>unclosed <a href=\"x"),
            ("no markup", "no markup"),
            // Drawings are emptied, unless an HTML tag inside would end them early.
            (
                "<svg viewBox=\"0 0 9 9\"><path d=\"M0\"/><title>i</title></svg><p>x",
                "<svg></svg><p>x",
            ),
            ("<svg><g><p>x</g></svg>", "<svg><g><p>x</g></svg>"),
            ("<svg><g></P></g></svg>", "<svg><g></P></g></svg>"),
            ("<svg/><p>x</p>", "<svg/><p>x</p>"),
            // Plain furniture keeps only the text the page's text count reads.
            (
                "<nav class=\"top\"> x <ul><li><a href=\"/\"> Home </a></li><li>News<br></li></ul></nav><p>y",
                "<nav class=\"top\"><span>HomeNews</span></nav><p>y",
            ),
            ("<footer><p>&copy; 2026</footer>", "<footer><p>&copy; 2026</footer>"),
            ("<aside><h1>Site</h1></aside>", "<aside><h1>Site</h1></aside>"),
            ("<nav><div/></nav><p>x", "<nav><div/></nav><p>x"),
            ("<nav><b><p>x</b></p></nav>", "<nav><b><p>x</b></p></nav>"),
            ("<nav><!-- x --></nav>", "<nav><!-- x --></nav>"),
            ("<aside><button>Go</button></aside>", "<aside></aside>"),
        ];
        for (page, expected) in cases {
            assert_eq!(pruned(page), *expected, "{page}");
        }
    }

    #[test]
    fn the_parsed_page_differs_only_in_what_is_not_read() {
        let page = "<html><head><title>T</title><style>p { color: red }</style>\
                    <script>document.write('<p>no</p>')</script></head>\
                    <body><p>One, two.</p><script>if (a < b) {}</script>\
                    <div data-x=\"<style>\" class=story><p>Three.</p><img src=a.jpg>\
                    <svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><b>x</b></svg></div>\
                    <table><input type=hidden name=a><tr><td>Four.</td></tr></table></body></html>";
        let before = scraper::Html::parse_document(page);
        let after = scraper::Html::parse_document(&pruned(page));
        let text = |d: &scraper::Html| -> Vec<String> {
            d.root_element()
                .descendants()
                .filter_map(|n| match n.value() {
                    // Each element at its depth, with the attributes read later.
                    scraper::Node::Element(e) => Some(format!(
                        "{} {} {:?} {:?}",
                        n.ancestors().count(),
                        e.name(),
                        e.attr("class"),
                        e.attr("type")
                    )),
                    scraper::Node::Text(t)
                        if !matches!(
                            n.parent()
                                .and_then(|p| p.value().as_element().map(|e| e.name())),
                            Some("script" | "style")
                        ) =>
                    {
                        Some(t.to_string())
                    }
                    _ => None,
                })
                .collect()
        };
        assert_eq!(text(&before), text(&after));
        let html = after.html();
        assert!(
            !html.contains("color: red") && !html.contains("a.jpg"),
            "{html}"
        );
    }

    #[test]
    fn only_what_the_extraction_skips_whole_is_emptied_as_furniture() {
        for f in super::FURNITURE_ELEMENTS {
            assert!(super::SKIP.contains(f), "{f}");
        }
    }

    #[test]
    fn emptied_furniture_leaves_the_page_around_it_and_its_text_count() {
        let page = "<body><nav><ul><li><a href=/>Home</a></li><li><b>World</b> news</li>\
                    </ul><button>Menu</button></nav><article><p>One.</p>\
                    <aside class=box><p>See <i>also</i> this.</p></aside><p>Two.</p></article>\
                    <footer><div><span>About us</span></div></footer></body>";
        let pruned = pruned(page);
        assert!(!pruned.contains("<li>"), "{pruned}");
        let before = scraper::Html::parse_document(page);
        let after = scraper::Html::parse_document(&pruned);
        // Elements outside the furniture, each at its depth.
        let outside = |d: &scraper::Html| -> Vec<String> {
            d.root_element()
                .descendants()
                .filter(|n| {
                    !n.ancestors().any(|a| {
                        a.value()
                            .as_element()
                            .is_some_and(|e| super::FURNITURE_ELEMENTS.contains(&e.name()))
                    })
                })
                .filter_map(|n| {
                    let e = n.value().as_element()?;
                    Some(format!("{} {}", n.ancestors().count(), e.name()))
                })
                .collect()
        };
        assert_eq!(outside(&before), outside(&after));
        let count = |d: &scraper::Html| super::super::main_text::readable_chars(d.tree.root());
        assert_eq!(count(&before), count(&after));
    }
}
