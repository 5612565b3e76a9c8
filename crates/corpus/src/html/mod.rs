//! Saved web pages (`.html`, `.htm`): the article's visible text as lines,
//! each marked with why it is not body text when it is page chrome, plus
//! the page's metadata (`og:title`, `article:published_time`, author,
//! canonical address, site name).
//!
//! Why a tokenizer and not a DOM: html5ever's tokenizer follows the HTML
//! standard (character references, comments, CDATA, raw text in `<script>`
//! and `<style>`), so any page a browser can read is read the same way,
//! while the element stack kept here is linear in the input (html5ever's
//! full tree builder is quadratic on deeply nested markup). Nothing is ever
//! executed: script and style contents are raw text that is dropped, except
//! JSON-LD, which is parsed as data for metadata fallbacks. Measurements
//! and the choice of crate: `docs/rules.md`, "Saved web pages".

use crate::date::PartialDate;
use crate::document::RemovalReason;
use crate::normalize::collapse_whitespace;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

mod blocks;
mod meta;
mod stamps;

use blocks::{
    keep_main_container, prose_words, set_aside_below_article, set_aside_labelled_links,
    set_aside_labels_of_chrome, set_aside_link_blocks, set_aside_link_lists,
    set_aside_related_blocks, LINK_LINE,
};
pub use meta::parse_meta_date;
use meta::{language_tag, meta_name_key, RawMeta};

/// One block of visible text, in page order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub text: String,
    /// Why the block is page chrome (a `<nav>`, a share bar, comments...),
    /// or `None` for text that may be article body.
    pub removed: Option<RemovalReason>,
    /// The text of an `<h1>`.
    pub heading: bool,
    /// Which main-content container (`<article>`, `<main>`, `role=main`,
    /// `itemprop=articleBody`) holds the line, numbered in page order.
    container: Option<usize>,
    /// The elements that make the line chrome, outermost first: the first
    /// that stands decides `removed` (see `NamedChrome`).
    chrome: Vec<ChromeMark>,
    /// Nearly all its text is inside links (see [`LINK_LINE`]).
    all_link: bool,
    /// Bytes of its text inside links.
    linked: usize,
    /// The numbers of the elements open around it, outermost first.
    ancestors: Vec<usize>,
    /// Its words of running text ([`blocks::prose_words`]), counted once
    /// for every rule that weighs a block by its prose.
    prose: usize,
}

/// An element that marks its text as chrome, and whether only its class or
/// id said so (a name can mislead; a tag or role does not).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ChromeMark {
    element: usize,
    reason: RemovalReason,
    by_name: bool,
}

/// Metadata a saved page states in its markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The title the page declares (JSON-LD `headline`, `dc:title`,
    /// `og:title`, ...), else `<title>` without a trailing " | Site name",
    /// else the `<h1>` (rule `DeclaredTitle`).
    pub headline: Option<String>,
    pub published: Option<PartialDate>,
    pub authors: Vec<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// JSON-LD `articleBody`: the article's text as the page's scripts
    /// would show it, for pages whose markup holds no body.
    pub article_body: Option<String>,
    /// `article:modified_time`, `og:updated_time`, else JSON-LD
    /// `dateModified`.
    pub updated: Option<PartialDate>,
    /// `<html lang>`, else `<meta http-equiv="content-language">`.
    pub language: Option<String>,
    /// Inline scripts that may carry the page's state data, for pages
    /// whose markup and JSON-LD hold no body (see `page_state`).
    pub state_scripts: Vec<String>,
}

/// What a saved page holds: its text blocks and its metadata.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavedPage {
    pub lines: Vec<Line>,
    pub meta: PageMeta,
}

impl SavedPage {
    /// The line of the page's headline (see [`blocks::headline_line`]).
    pub fn headline_line(&self) -> Option<usize> {
        blocks::headline_line(&self.lines, self.meta.headline.as_deref())
    }
}

/// Reads a saved page. Never fails: whatever the markup, the result is the
/// text a browser would show, minus chrome.
pub fn extract(html: &str) -> SavedPage {
    let tokenizer = Tokenizer::new(Reader::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(html.into());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.state.into_inner().finish()
}

/// Elements whose content is never shown as text.
const SILENT: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "title",
    "textarea",
    "select",
    "button",
    "video",
    "audio",
    "map",
    "head",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "dialog",
];

/// Elements a `<head>` may hold: any other closes it.
const HEAD_CONTENT: &[&str] = &[
    "base", "basefont", "bgsound", "head", "html", "link", "meta", "noscript", "script", "style",
    "template", "title",
];

/// Elements whose content is foreign (SVG, MathML): no raw text inside.
const FOREIGN: &[&str] = &["svg", "math"];

/// Elements that end a line of text where they start and end.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements with no end tag: never pushed on the element stack.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen",
];

/// Text a link may hold and still make the lines inside it link text
/// (rule `LinkCard`): a teaser's headline and blurb.
const LINK_CARD_BYTES: usize = 400;

/// Deeper nesting than this is not tracked (its text still counts, in its
/// ancestors' context): keeps hostile markup linear.
const MAX_DEPTH: usize = 512;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Nothing special: may be body text.
    Plain,
    /// Never shown (scripts, styles, hidden parts, form controls).
    Silent,
    /// Page chrome, kept for the reader with the reason.
    Chrome(RemovalReason),
    /// Page chrome by its class or id only: stands unless the element
    /// holds the article (see `NamedChrome`).
    Named(RemovalReason),
}

struct Open {
    name: String,
    context: Context,
    /// The element's number in page order.
    element: usize,
    /// Opens a main-content container.
    main: bool,
    /// Marks its text as the article's author (rule `MarkedAuthor`).
    author: bool,
    /// For an `<a>` that is a link (rule `LinkCard`), where it opened.
    link: Option<LinkOpen>,
}

/// Where a link opened (rule `LinkCard`): the page's text bytes read and
/// lines ended so far, and whether it began its line.
#[derive(Debug, Clone, Copy)]
struct LinkOpen {
    text_read: usize,
    lines: usize,
    begins_line: bool,
}

#[derive(Default)]
struct State {
    stack: Vec<Open>,
    /// Elements not pushed because the stack was full; their end tags are
    /// ignored until the count is back to zero.
    overflow: usize,
    line: String,
    /// Bytes of `line` written inside a link (rule `LinkCard`).
    line_linked: usize,
    /// Bytes of visible text read so far.
    text_read: usize,
    /// Elements opened before the current line began.
    line_first_element: usize,
    /// The open elements marked as naming the author, outermost first.
    author_marks: Vec<AuthorMark>,
    /// Names marked as the author, each with the number of lines read
    /// before it ended (rule `MarkedAuthor`).
    marked: Vec<(String, usize)>,
    lines: Vec<Line>,
    /// Main-content containers opened so far.
    containers: usize,
    /// Elements opened so far.
    elements: usize,
    container_open: Option<usize>,
    raw: Option<Raw>,
    meta: RawMeta,
}

/// Raw text being collected (the tokenizer delivers it in pieces).
enum Raw {
    Title(String),
    JsonLd(String),
    /// An inline script that may carry the page's state data (read by
    /// `page_state`, never run).
    State(String),
    Skip,
}

#[derive(Default)]
struct Reader {
    state: RefCell<State>,
}

impl TokenSink for Reader {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return state.start(&tag),
                TagKind::EndTag => state.end(&tag.name),
            },
            Token::CharacterTokens(text) => state.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a str> {
    tag.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

impl State {
    fn context(&self) -> Context {
        if self.stack.iter().any(|o| o.context == Context::Silent) {
            Context::Silent
        } else {
            Context::Plain
        }
    }

    /// The open elements that mark their text as chrome, outermost first.
    fn chrome_marks(&self) -> Vec<ChromeMark> {
        self.stack
            .iter()
            .filter_map(|open| {
                let (reason, by_name) = match open.context {
                    Context::Chrome(reason) => (reason, false),
                    Context::Named(reason) => (reason, true),
                    _ => return None,
                };
                Some(ChromeMark {
                    element: open.element,
                    reason,
                    by_name,
                })
            })
            .collect()
    }

    /// The number of the main-content container the text is in (only the
    /// outermost one is numbered: nested ones are part of it).
    fn container(&self) -> Option<usize> {
        self.container_open
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        self.collect_meta(tag);
        if !HEAD_CONTENT.contains(&name) {
            self.close_head();
        }
        // Inside `<svg>` and `<math>` a `<title>` or `<style>` is an
        // element like any other, often self-closed (`<title/>`), never
        // raw text (the HTML standard's foreign content).
        let foreign = self
            .stack
            .iter()
            .any(|o| FOREIGN.contains(&o.name.as_str()));
        let raw_kind = match name {
            _ if foreign => None,
            "script" => Some(RawKind::ScriptData),
            "style" | "noscript" | "iframe" | "noembed" | "noframes" | "xmp" => {
                Some(RawKind::Rawtext)
            }
            "title" | "textarea" => Some(RawKind::Rcdata),
            _ => None,
        };
        if let Some(kind) = raw_kind.filter(|_| !tag.self_closing || name != "script") {
            let script_type = attr(tag, "type").map(|t| t.trim().to_ascii_lowercase());
            let is_json_ld =
                name == "script" && script_type.as_deref() == Some("application/ld+json");
            self.raw = Some(if name == "title" && self.meta.title.is_none() {
                Raw::Title(String::new())
            } else if is_json_ld {
                Raw::JsonLd(String::new())
            } else if name == "script" && may_hold_state(tag, script_type.as_deref()) {
                Raw::State(String::new())
            } else {
                Raw::Skip
            });
            // Raw text elements get no stack entry: their end tag closes them.
            return TokenSinkResult::RawData(kind);
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
        if VOID.contains(&name) || tag.self_closing {
            return TokenSinkResult::Continue;
        }
        if self.stack.len() >= MAX_DEPTH {
            self.overflow += 1;
            return TokenSinkResult::Continue;
        }
        let context = element_context(tag, self.container().is_some());
        let main = is_main_container(tag) && self.container().is_none();
        if splits_line(context, name) {
            self.flush();
        }
        if main {
            self.container_open = Some(self.containers);
            self.containers += 1;
        }
        self.elements += 1;
        let author = marks_author(tag);
        if author {
            self.author_marks.push(AuthorMark::default());
        }
        self.stack.push(Open {
            name: name.to_string(),
            context,
            element: self.elements,
            main,
            author,
            link: is_link(tag).then(|| LinkOpen {
                text_read: self.text_read,
                lines: self.lines.len(),
                begins_line: self.line.trim().is_empty(),
            }),
        });
        TokenSinkResult::Continue
    }

    /// Rule `HeadEndsAtBody`: a `<head>` left open (a page that closes
    /// it with `</header>`) ends at the first element that cannot be in
    /// it, as a browser's parser ends it; its text would otherwise be
    /// unseen.
    fn close_head(&mut self) {
        if let Some(at) = self.stack.iter().position(|o| o.name == "head") {
            self.flush();
            self.stack.truncate(at);
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(raw) = self.raw.take() {
            match raw {
                Raw::Title(text) => self.meta.title = Some(collapse_whitespace(&text)),
                Raw::JsonLd(text) => self.meta.json_ld.push(text),
                Raw::State(text) => self.meta.state_scripts.push(text),
                Raw::Skip => {}
            }
            return;
        }
        if BLOCKS.contains(&name) {
            self.flush();
        }
        if self.overflow > 0 {
            self.overflow -= 1;
            return;
        }
        let Some(at) = self.stack.iter().rposition(|o| o.name == name) else {
            return;
        };
        let closes_special = self.stack[at..]
            .iter()
            .any(|o| splits_line(o.context, &o.name) || o.main);
        if closes_special {
            self.flush();
        }
        let (mut main, mut authors) = (false, 0);
        while self.stack.len() > at {
            let Some(open) = self.stack.pop() else { break };
            main |= open.main;
            authors += usize::from(open.author);
            if let Some(link) = open.link {
                self.close_link_card(open.element, link);
            }
        }
        if main {
            self.container_open = None;
        }
        for _ in 0..authors {
            self.close_author_mark();
        }
    }

    /// The innermost element marked as the author ends: its text is the
    /// author's name when it reads as one and no element inside it named
    /// the author already (a byline "By Jane Roe, 2 May" around a link
    /// "Jane Roe" gives the link's name).
    fn close_author_mark(&mut self) {
        let Some(mark) = self.author_marks.pop() else {
            return;
        };
        let mut named = mark.named_inside;
        if !named {
            let text = collapse_whitespace(&mark.text);
            let name = byline_name(&text);
            if is_author_name(name) && self.context() == Context::Plain {
                self.marked.push((name.to_string(), self.lines.len()));
                named = true;
            }
        }
        if let Some(outer) = self.author_marks.last_mut() {
            outer.named_inside |= named;
        }
    }

    fn text(&mut self, text: &str) {
        match &mut self.raw {
            Some(Raw::Title(buffer) | Raw::JsonLd(buffer) | Raw::State(buffer)) => {
                buffer.push_str(text)
            }
            Some(Raw::Skip) => {}
            None => {
                for mark in &mut self.author_marks {
                    mark.text.push_str(text);
                }
                if self.context() != Context::Silent {
                    let bytes = text.trim().len();
                    self.text_read += bytes;
                    if self.inside_link() {
                        self.line_linked += bytes;
                    }
                    self.line.push_str(text);
                }
            }
        }
    }

    /// Whether text now read is link text: inside a link opened in the
    /// current line. (A link that holds whole lines is judged when it
    /// closes, by `close_link_card`.)
    fn inside_link(&self) -> bool {
        let first = self.line_first_element;
        self.stack
            .iter()
            .any(|o| o.link.is_some() && o.element > first)
    }

    /// Rule `LinkCard`: a link that holds whole lines (a teaser card: an
    /// image block, then a headline and a blurb, all one `<a>`) and closes
    /// holding no more than [`LINK_CARD_BYTES`] of text makes those lines
    /// link text: every line that began inside it, and the line it opened
    /// in when it began that line. A link inside a paragraph, closed or
    /// left open until the paragraph ends, never makes the paragraph a
    /// link; one left open until the page ends holds far more than a card.
    fn close_link_card(&mut self, element: usize, link: LinkOpen) {
        if self.text_read - link.text_read > LINK_CARD_BYTES {
            return;
        }
        let skip = usize::from(!link.begins_line);
        for line in self.lines[link.lines..].iter_mut().skip(skip) {
            line.linked = line.text.len();
            line.all_link = true;
        }
        // The current line began inside the link (a block ended in it).
        if self.line_first_element >= element {
            self.line_linked = self.line.trim().len();
        }
    }

    /// Ends the current line of text, in the context of the open elements.
    fn flush(&mut self) {
        let text = collapse_whitespace(&self.line);
        let linked = self.line_linked;
        self.line.clear();
        self.line_linked = 0;
        self.line_first_element = self.elements;
        if text.is_empty() {
            return;
        }
        let heading = self.stack.iter().any(|o| o.name == "h1");
        if self.context() == Context::Silent {
            return;
        }
        let chrome = self.chrome_marks();
        let container = self.container();
        let all_link = linked as f32 >= LINK_LINE * text.len() as f32;
        let prose = prose_words(&text);
        self.lines.push(Line {
            text,
            removed: chrome.first().map(|m| m.reason),
            heading,
            container,
            chrome,
            all_link,
            linked,
            ancestors: self.stack.iter().map(|o| o.element).collect(),
            prose,
        });
    }

    fn collect_meta(&mut self, tag: &Tag) {
        match &*tag.name {
            "meta" => {
                let Some(content) = attr(tag, "content").map(collapse_whitespace) else {
                    return;
                };
                if content.is_empty() {
                    return;
                }
                let http_equiv = attr(tag, "http-equiv").map(str::trim);
                if http_equiv.is_some_and(|h| h.eq_ignore_ascii_case("content-language")) {
                    if let Some(lang) = language_tag(&content) {
                        self.meta.language.get_or_insert(lang);
                    }
                }
                let properties = attr(tag, "property")
                    .into_iter()
                    .flat_map(str::split_whitespace);
                let keys = properties
                    .map(|key| (key.to_ascii_lowercase(), true))
                    .chain(attr(tag, "name").map(|n| (meta_name_key(n), false)));
                for (key, is_property) in keys {
                    self.meta.meta_entry(&key, is_property, &content);
                }
            }
            "html" => {
                if let Some(lang) = attr(tag, "lang").and_then(language_tag) {
                    self.meta.language.get_or_insert(lang);
                }
            }
            "link" => {
                let canonical = attr(tag, "rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if let Some(href) = attr(tag, "href").filter(|_| canonical) {
                    self.meta.canonical.get_or_insert(href.trim().to_string());
                }
            }
            "time" => {
                if let Some(datetime) = attr(tag, "datetime") {
                    self.meta
                        .time_datetime
                        .get_or_insert(datetime.trim().to_string());
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> SavedPage {
        self.flush();
        self.meta.marked_authors = marked_above_article(&self.marked, &self.lines);
        let meta = self.meta.page_meta(&self.lines);
        let mut lines = self.lines;
        keep_article_in_open_chrome(&mut lines);
        NamedChrome::keep_article(&mut lines);
        keep_main_container(&mut lines);
        set_aside_related_blocks(&mut lines);
        set_aside_link_blocks(&mut lines);
        set_aside_link_lists(&mut lines);
        set_aside_labelled_links(&mut lines);
        set_aside_labels_of_chrome(&mut lines);
        if let Some(first) = set_aside_below_article(&mut lines) {
            stamps::set_aside_stamps_above(&mut lines, first);
        }
        SavedPage { lines, meta }
    }
}

/// Why an element's text is not body text, from its name, role, class and
/// id. Inside the main content a `<header>` is the article's own header
/// (headline, byline), not the site's.
fn element_context(tag: &Tag, inside_main: bool) -> Context {
    let name: &str = &tag.name;
    let hidden = attr(tag, "hidden").is_some()
        || attr(tag, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || attr(tag, "style").is_some_and(styled_hidden)
        || attr(tag, "class").is_some_and(for_screen_readers);
    if SILENT.contains(&name) || hidden {
        return Context::Silent;
    }
    // A form is a search box or a sign-up prompt, unless the site wraps
    // its whole page in one (ASP.NET pages, a search form left unclosed):
    // judged as a name is (`NamedChrome`).
    if name == "form" {
        return Context::Named(RemovalReason::Promo);
    }
    if is_main_container(tag) {
        return Context::Plain;
    }
    let by_name = match name {
        "nav" => Some(RemovalReason::Navigation),
        "header" if !inside_main => Some(RemovalReason::Navigation),
        "footer" => Some(RemovalReason::Navigation),
        "aside" => Some(RemovalReason::Related),
        "figcaption" => Some(RemovalReason::Caption),
        _ => None,
    };
    let by_role = || {
        let role = attr(tag, "role")?.trim().to_ascii_lowercase();
        match role.as_str() {
            "navigation" | "banner" | "contentinfo" | "search" | "menu" | "menubar" => {
                Some(RemovalReason::Navigation)
            }
            "complementary" => Some(RemovalReason::Related),
            "dialog" | "alertdialog" => Some(RemovalReason::SiteBanner),
            _ => None,
        }
    };
    if let Some(reason) = by_name.or_else(by_role) {
        return Context::Chrome(reason);
    }
    // The page's own wrappers carry site-wide classes (`ads-enabled`,
    // `paywall`, `social-share-on`) that say nothing about their text.
    if matches!(name, "html" | "body") {
        return Context::Plain;
    }
    match reason_from_names(tag) {
        // A print-hidden mark inside a line ("[citation needed]", an
        // icon) is dropped unseen rather than cut the paragraph in two.
        Some(RemovalReason::NotPrinted) if !BLOCKS.contains(&name) => Context::Silent,
        Some(reason) => Context::Named(reason),
        None => Context::Plain,
    }
}

/// Whether an element in `context` ends the line of text where it starts
/// and ends: chrome does, so its text stands apart; a hidden element
/// inside a line (a screen reader's label, a print-hidden mark) does not,
/// as nothing of it is shown.
fn splits_line(context: Context, name: &str) -> bool {
    match context {
        Context::Plain => false,
        Context::Silent => BLOCKS.contains(&name),
        _ => true,
    }
}

/// An inline style that hides the element: `display: none`,
/// `visibility: hidden`.
fn styled_hidden(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style
        .split(';')
        .any(|d| d == "display:none" || d == "visibility:hidden")
}

/// Rule `ScreenReaderText`: the classes that frameworks and themes give
/// text meant for screen readers only, drawn off the screen ("Headline:"
/// before a headline, "opens in a new window", "Share on X"): a reader who
/// looks at the page never sees it.
fn for_screen_readers(class: &str) -> bool {
    const CLASSES: &[&str] = &[
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "screenreader-only",
        "element-invisible",
        "u-visually-hidden",
        "a11y-hidden",
    ];
    class
        .split_ascii_whitespace()
        .any(|c| CLASSES.iter().any(|k| c.eq_ignore_ascii_case(k)))
}

/// Rule `NamedChrome`: an element called chrome only by its class or id
/// (`share-wrapper`, `ad-container`, `promo-layout`) that holds most of the
/// page's prose is the article's wrapper, not chrome. Comments stay
/// comments whatever their length.
struct NamedChrome;

impl NamedChrome {
    /// Share of the page's prose words an element must hold to be the
    /// article's wrapper.
    const ARTICLE_SHARE: f64 = 0.5;

    /// An element named an ad or promo (`section--ads`, a slot for ads
    /// beside a paragraph) that holds this many prose words, and this share
    /// of the page's, is a part of the article: ads are not paragraphs.
    const PROMO_PART_WORDS: usize = 60;
    const PROMO_PART_SHARE: f64 = 0.15;

    fn holds_article(reason: RemovalReason, words: usize, total: usize) -> bool {
        let share = words as f64 / total as f64;
        share >= Self::ARTICLE_SHARE
            || reason == RemovalReason::Promo
                && words >= Self::PROMO_PART_WORDS
                && share >= Self::PROMO_PART_SHARE
    }

    fn keep_article(lines: &mut [Line]) {
        let prose = |line: &Line| {
            if line.chrome.iter().any(|m| !m.by_name) {
                0
            } else {
                line.prose
            }
        };
        let total: usize = lines.iter().map(prose).sum();
        if total == 0 {
            return;
        }
        let mut held: Vec<(ChromeMark, usize)> = Vec::new();
        for line in lines.iter() {
            let words = prose(line);
            for mark in line.chrome.iter().filter(|m| m.by_name) {
                match held.iter_mut().find(|(m, _)| m.element == mark.element) {
                    Some((_, n)) => *n += words,
                    None => held.push((*mark, words)),
                }
            }
        }
        let wrappers: Vec<usize> = held
            .into_iter()
            .filter(|(mark, n)| Self::holds_article(mark.reason, *n, total))
            .map(|(mark, _)| mark.element)
            .collect();
        if wrappers.is_empty() {
            return;
        }
        for line in lines.iter_mut() {
            line.chrome.retain(|m| {
                !(m.by_name && m.reason != RemovalReason::Comments && wrappers.contains(&m.element))
            });
            line.removed = line.chrome.first().map(|m| m.reason);
        }
    }
}

/// Rule `ChromeLeftOpen`: an element marked chrome by its tag or role
/// (`<header>`, `<aside>`, `role=banner`) that holds the page's `<h1>` and
/// at least half of its prose wraps the article: an end tag the page
/// forgot (a `<header>` never closed), or a tag misused for the article's
/// column. Its text is judged by the marks inside it; comments stay
/// comments.
fn keep_article_in_open_chrome(lines: &mut [Line]) {
    let total: usize = lines.iter().map(|l| l.prose).sum();
    // Per element marked by tag or role: (prose words, holds the `<h1>`).
    let mut held: std::collections::BTreeMap<usize, (usize, bool)> = Default::default();
    for line in lines.iter() {
        let words = line.prose;
        for mark in line.chrome.iter().filter(|m| !m.by_name) {
            let (n, h1) = held.entry(mark.element).or_default();
            (*n, *h1) = (*n + words, *h1 || line.heading);
        }
    }
    let wrappers: Vec<usize> = held
        .into_iter()
        .filter(|&(_, (n, h1))| h1 && total > 0 && 2 * n >= total)
        .map(|(e, _)| e)
        .collect();
    if wrappers.is_empty() {
        return;
    }
    for line in lines.iter_mut() {
        line.chrome.retain(|m| {
            m.by_name || m.reason == RemovalReason::Comments || !wrappers.contains(&m.element)
        });
        line.removed = line.chrome.first().map(|m| m.reason);
    }
}

/// The text of an open element marked as naming the author.
#[derive(Default)]
struct AuthorMark {
    text: String,
    /// An element inside it gave the author's name.
    named_inside: bool,
}

/// Rule `MarkedAuthor`: an element the page marks as naming its author,
/// by the link relation `author`, the microdata property `author`, or a
/// class or id that calls it the byline or the author (`byline`,
/// `pb-byline`, `author-name`, `byauthor`; a box about the author is not
/// one), as Readability finds bylines.
fn marks_author(tag: &Tag) -> bool {
    let has = |name: &str| {
        attr(tag, name).is_some_and(|v| {
            v.split_ascii_whitespace()
                .any(|w| w.eq_ignore_ascii_case("author"))
        })
    };
    has("rel") || has("itemprop") || named_byline(tag)
}

/// Class and id words that name a byline or the author's name.
const BYLINE_NAMES: &[&str] = &[
    "byline",
    "byauthor",
    "author",
    "authorname",
    "auteur",
    "autor",
    "autore",
];

fn named_byline(tag: &Tag) -> bool {
    let parts = name_words(tag);
    !is_author_box(&parts) && parts.iter().any(|p| BYLINE_NAMES.contains(&p.as_str()))
}

/// Words that open a byline before the name ("By Jane Roe", "par Jean
/// Roy", "von Eva Maier").
const BYLINE_WORDS: &[&str] = &["by", "par", "von", "por", "door", "di", "przez"];

/// A byline's text as a name: without the word that opens it, the date
/// that follows it ("By Ana Lima March 11, 2015 3:46 PM") and the
/// punctuation that closes it.
fn byline_name(text: &str) -> &str {
    let text = before_date(text);
    let text = text.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')');
    let opens_byline = |word: &str| {
        let word = word.trim_end_matches(':').to_lowercase();
        BYLINE_WORDS.contains(&word.as_str())
    };
    if opens_byline(text) {
        return "";
    }
    let rest = text
        .split_once(' ')
        .filter(|(first, _)| opens_byline(first));
    rest.map_or(text, |(_, name)| name.trim_start())
}

/// The marked authors' names that end above the article's first
/// paragraph of prose (at least [`PROSE_WORDS`] words, not chrome), where
/// a byline stands; names marked further down belong to other articles
/// listed beside or below it. Of those, the first byline: the first name
/// and the names marked in the same line, as Readability takes the
/// first; teasers for other stories further down carry their own.
fn marked_above_article(marked: &[(String, usize)], lines: &[Line]) -> Vec<String> {
    let first_prose = lines
        .iter()
        .position(|l| l.removed.is_none() && l.text.split_whitespace().count() >= PROSE_WORDS)
        .unwrap_or(lines.len());
    let above: Vec<&(String, usize)> = marked
        .iter()
        .filter(|(_, at)| *at <= first_prose + 1)
        .collect();
    let Some(first) = above.iter().map(|(_, at)| *at).min() else {
        return Vec::new();
    };
    let mut names: Vec<String> = Vec::new();
    for (name, at) in above {
        if *at == first && !names.contains(name) {
            names.push(name.clone());
        }
    }
    names
}

/// Words of a line that make it a paragraph of prose.
const PROSE_WORDS: usize = 25;

/// A marked author's text that reads as a name: one to six words, no
/// digits, not a link's address or a prompt ("More from this author").
fn is_author_name(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=6).contains(&words)
        && !text
            .chars()
            .any(|c| c.is_ascii_digit() || c == '@' || c == '/')
        && text.chars().next().is_some_and(char::is_uppercase)
        && !text.to_lowercase().contains("author")
}

/// Chrome named by its class or id: `share-bar`, `cookie-banner`,
/// `comments`, `newsletter-signup`, `related-stories`, a `sidebar` or a
/// `site-footer`, the author's `bio` box, a sidebar's `textwidget`.
/// Camel-case names (`relatedArticles`) are read word by word. (`teaser`
/// and `widget` are not chrome words: sites call their article's lead a
/// teaser, and page builders wrap every block, the article's included, in
/// widgets.) A class that keeps the block off the printed page (rule
/// `NotPrinted`) is the reason only when the names give none: a
/// `comments d-print-none` block stays comments.
fn reason_from_names(tag: &Tag) -> Option<RemovalReason> {
    let not_printed = || {
        attr(tag, "class")
            .is_some_and(not_printed)
            .then_some(RemovalReason::NotPrinted)
    };
    named_reason(tag).or_else(not_printed)
}

/// The reason the words of an element's class and id give.
fn named_reason(tag: &Tag) -> Option<RemovalReason> {
    let parts = name_words(tag);
    if is_author_box(&parts) {
        return Some(RemovalReason::Related);
    }
    let mut found = None;
    for part in parts {
        let reason = match part.as_str() {
            "cookie" | "cookies" | "consent" | "gdpr" => RemovalReason::SiteBanner,
            "comment" | "comments" | "disqus" | "replies" => RemovalReason::Comments,
            "share" | "sharing" | "sharebar" | "social" | "breadcrumb" | "breadcrumbs"
            | "navbar" | "menu" | "skip" | "pagination" => RemovalReason::Navigation,
            "newsletter" | "subscribe" | "subscription" | "paywall" | "signup" | "promo" | "ad"
            | "ads" | "advert" | "advertisement" | "sponsored" => RemovalReason::Promo,
            "related" | "recommended" | "recirculation" | "outbrain" | "taboola" | "trending"
            | "sidebar" | "bio" | "biography" | "authorbox" | "textwidget" => {
                RemovalReason::Related
            }
            "footer" => RemovalReason::Navigation,
            "caption" | "figcaption" => RemovalReason::Caption,
            "credit" | "credits" => RemovalReason::Credit,
            compound if names_other_pieces(compound) => RemovalReason::Related,
            _ => continue,
        };
        found.get_or_insert(reason);
    }
    found
}

/// Rule `NotPrinted`: the classes that keep a block off the printed page
/// (`noprint`, `no-print`, `hidden-print`, `d-print-none`): a site that
/// prints its article without them says they are not the article.
fn not_printed(class: &str) -> bool {
    const NAMES: &[&str] = &[
        "noprint",
        "unoprint",
        "hiddenprint",
        "printhidden",
        "dprintnone",
        "printnone",
        "notprint",
        "noprinting",
        "hideprint",
        "printhide",
        "hideonprint",
    ];
    class.split_ascii_whitespace().any(|c| {
        // The class's letters and digits, lower-cased: `d-print-none`
        // reads `dprintnone`.
        let key = c
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| b.to_ascii_lowercase());
        NAMES.iter().any(|name| key.clone().eq(name.bytes()))
    })
}

/// An `<a>` that is a link: one with an address, or one with no name or
/// id (a script's link); a bare anchor (`<a name="top">`) is none.
fn is_link(tag: &Tag) -> bool {
    tag.name.as_ref() == "a"
        && (attr(tag, "href").is_some() || attr(tag, "name").is_none() && attr(tag, "id").is_none())
}

/// A name written as one word that joins a pointer elsewhere and a kind
/// of piece: `relatedposts` (WordPress's related posts), `morestories`,
/// `recommendedarticles`. (`relatedness` is no such name, nor
/// `morecontent`.)
fn names_other_pieces(part: &str) -> bool {
    const POINTERS: &[&str] = &["related", "recommended", "similar"];
    const PIECES: &[&str] = &[
        "posts", "post", "articles", "article", "stories", "story", "content", "links", "news",
        "items", "entries", "videos",
    ];
    // "More" before content (`morecontent`) is a "read more" expander
    // holding the rest of the article.
    const MORE_PIECES: &[&str] = &["posts", "articles", "stories", "news", "videos", "links"];
    let other = POINTERS.iter().any(|pointer| {
        part.strip_prefix(pointer)
            .is_some_and(|rest| PIECES.contains(&rest))
    });
    other
        || part
            .strip_prefix("more")
            .is_some_and(|rest| MORE_PIECES.contains(&rest))
}

/// The words of an element's class and id, lower-cased, camel case read
/// word by word.
fn name_words(tag: &Tag) -> Vec<String> {
    let names = [attr(tag, "class"), attr(tag, "id")];
    names
        .iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .flat_map(camel_case_words)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Rule `AuthorBox`: a box about the writer (`author-box`, `about-author`,
/// `author-description`) under or beside the article: the author's name
/// alone (`author`, a byline) is not such a box.
fn is_author_box(parts: &[String]) -> bool {
    const BOX_WORDS: &[&str] = &["box", "bio", "about", "description", "desc", "profile"];
    parts.iter().any(|p| p == "author") && parts.iter().any(|p| BOX_WORDS.contains(&p.as_str()))
}

/// The text before the first word of a date: a figure, or a month's
/// name before a figure ("April Ryan" keeps its first name).
fn before_date(text: &str) -> &str {
    let words: Vec<(usize, &str)> = text
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .collect();
    let has_digit = |w: &str| w.contains(|c: char| c.is_ascii_digit());
    let date_at = (0..words.len()).find(|&i| {
        let (_, word) = words[i];
        let month_then_figure = crate::date::month_from_name(word.trim_end_matches(',')).is_some()
            && words.get(i + 1).is_some_and(|(_, next)| has_digit(next));
        has_digit(word) || month_then_figure
    });
    match date_at {
        Some(i) if i > 0 => text[..words[i].0].trim_end(),
        _ => text,
    }
}

/// A class name's words when written in camel case (`relatedArticles`,
/// `SidebarBox`): the word itself, then its parts (each lower-case run with
/// the capital before it).
fn camel_case_words(word: &str) -> impl Iterator<Item = &str> {
    let starts: Vec<usize> = word
        .char_indices()
        .filter(|&(at, c)| at > 0 && c.is_ascii_uppercase())
        .filter(|&(at, _)| word[..at].ends_with(|p: char| p.is_ascii_lowercase()))
        .map(|(at, _)| at)
        .collect();
    let parts: Vec<&str> = if starts.is_empty() {
        Vec::new()
    } else {
        let mut bounds = vec![0];
        bounds.extend(&starts);
        bounds.push(word.len());
        bounds.windows(2).map(|w| &word[w[0]..w[1]]).collect()
    };
    std::iter::once(word).chain(parts)
}

/// An element that marks the page's main content: `<article>`, `<main>`,
/// `role=main`, `itemprop=articleBody`.
fn is_main_container(tag: &Tag) -> bool {
    matches!(&*tag.name, "article" | "main")
        || attr(tag, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        || attr(tag, "itemprop").is_some_and(|p| p.trim() == "articleBody")
}

/// A script that may hold state data: JSON (`application/json`, a
/// `__NEXT_DATA__`-style block) or an inline classic script (no `src`),
/// whose text `page_state` checks for a `window.X = {…}` assignment.
fn may_hold_state(tag: &Tag, script_type: Option<&str>) -> bool {
    match script_type {
        Some("application/json") => true,
        None | Some("" | "text/javascript") => attr(tag, "src").is_none(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_after_a_byline_is_not_part_of_the_name() {
        assert_eq!(
            byline_name("By Ana Lima March 11, 2015 3:46 PM"),
            "Ana Lima"
        );
        assert_eq!(byline_name("by Tomas Berg 22 Dec 2016"), "Tomas Berg");
        assert_eq!(byline_name("April Ryan"), "April Ryan");
    }
}
