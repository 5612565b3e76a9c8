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
use std::collections::BTreeSet;

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
}

#[derive(Default)]
struct State {
    stack: Vec<Open>,
    /// Elements not pushed because the stack was full; their end tags are
    /// ignored until the count is back to zero.
    overflow: usize,
    line: String,
    /// Bytes of `line` written inside a link opened in the line (a link
    /// left open by broken markup does not make what follows a link).
    line_linked: usize,
    /// Elements opened before the current line began.
    line_first_element: usize,
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
struct RawMeta {
    /// The best title a meta tag states: its rank in [`TITLE_META`],
    /// whether a `property` stated it, and the text.
    meta_title: Option<(usize, bool, String)>,
    title: Option<String>,
    site_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    time_datetime: Option<String>,
    /// `<html lang>`, else `content-language`.
    language: Option<String>,
    authors: Vec<String>,
    json_ld: Vec<String>,
    state_scripts: Vec<String>,
}

/// Meta tags that state the article's title, most trusted first: Dublin
/// Core and Open Graph before the generic `title` and Twitter's and
/// Parse.ly's copies (the order Readability reads them in).
const TITLE_META: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// A meta `name` as a key: lower case, no spaces, `DC.title` as `dc:title`.
fn meta_name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c == '.' {
                ':'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

impl RawMeta {
    /// One meta tag's statement (`key` as [`meta_name_key`] gives it).
    fn meta_entry(&mut self, key: &str, is_property: bool, content: &str) {
        if let Some(rank) = TITLE_META.iter().position(|k| *k == key) {
            // A better-ranked key wins; for the same key a `property`
            // (RDFa, Open Graph's own form) wins over a `name`.
            let better = self
                .meta_title
                .as_ref()
                .is_none_or(|(r, p, _)| rank < *r || rank == *r && is_property && !p);
            if better {
                self.meta_title = Some((rank, is_property, content.to_string()));
            }
            return;
        }
        let slot = match key {
            "og:site_name" => &mut self.site_name,
            "og:url" => &mut self.og_url,
            "article:published_time" => &mut self.published,
            "article:modified_time" | "og:updated_time" => &mut self.modified,
            "author" | "article:author" => {
                if !content.starts_with("http") && !self.authors.iter().any(|a| a == content) {
                    self.authors.push(content.to_string());
                }
                return;
            }
            _ => return,
        };
        slot.get_or_insert_with(|| content.to_string());
    }
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
        let raw_kind = match name {
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
        if context != Context::Plain {
            self.flush();
        }
        if main {
            self.container_open = Some(self.containers);
            self.containers += 1;
        }
        self.elements += 1;
        self.stack.push(Open {
            name: name.to_string(),
            context,
            element: self.elements,
            main,
        });
        TokenSinkResult::Continue
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
            .any(|o| o.context != Context::Plain || o.main);
        if closes_special {
            self.flush();
        }
        if self.stack.drain(at..).any(|open| open.main) {
            self.container_open = None;
        }
    }

    fn text(&mut self, text: &str) {
        match &mut self.raw {
            Some(Raw::Title(buffer) | Raw::JsonLd(buffer) | Raw::State(buffer)) => {
                buffer.push_str(text)
            }
            Some(Raw::Skip) => {}
            None => {
                if self.context() != Context::Silent {
                    let first = self.line_first_element;
                    if self
                        .stack
                        .iter()
                        .any(|o| o.name == "a" && o.element > first)
                    {
                        self.line_linked += text.trim().len();
                    }
                    self.line.push_str(text);
                }
            }
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
        self.lines.push(Line {
            text,
            removed: chrome.first().map(|m| m.reason),
            heading,
            container,
            chrome,
            all_link,
            linked,
            ancestors: self.stack.iter().map(|o| o.element).collect(),
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
        let meta = self.page_meta();
        let mut lines = self.lines;
        NamedChrome::keep_article(&mut lines);
        keep_main_container(&mut lines);
        set_aside_related_blocks(&mut lines);
        set_aside_link_blocks(&mut lines);
        set_aside_link_lists(&mut lines);
        set_aside_labelled_links(&mut lines);
        set_aside_labels_of_chrome(&mut lines);
        SavedPage { lines, meta }
    }

    fn page_meta(&self) -> PageMeta {
        let raw = &self.meta;
        let json_ld = raw
            .json_ld
            .iter()
            .find_map(|text| JsonLdArticle::parse(text))
            .unwrap_or_default();
        let headings: Vec<&str> = (self.lines.iter())
            .filter(|l| l.heading)
            .map(|l| l.text.as_str())
            .collect();
        // The first heading that reads as a headline, else the first.
        let h1 = (headings.iter())
            .find(|h| crate::normalize::word_count(h) > 4)
            .or(headings.first())
            .map(|h| h.to_string());
        let declared = corroborated_title(
            [
                json_ld.headline,
                raw.meta_title.as_ref().map(|(_, _, t)| t.clone()),
            ],
            raw.title
                .as_deref()
                .into_iter()
                .chain(headings.iter().copied()),
        );
        let headline = declared_title(declared, h1, raw.title.as_deref())
            .map(|title| as_the_page_shows(title, &headings));
        let published = [&raw.published, &json_ld.published, &raw.time_datetime]
            .into_iter()
            .flatten()
            .find_map(|text| parse_meta_date(text));
        let updated = [&raw.modified, &json_ld.modified]
            .into_iter()
            .flatten()
            .find_map(|text| parse_meta_date(text));
        let mut authors = raw.authors.clone();
        if authors.is_empty() {
            authors = json_ld.authors;
        }
        PageMeta {
            headline: headline.filter(|h| !h.is_empty()),
            published,
            authors: authors.iter().flat_map(|a| split_authors(a)).collect(),
            url: raw
                .canonical
                .clone()
                .or_else(|| raw.og_url.clone())
                .or(json_ld.url)
                .filter(|u| u.starts_with("http")),
            outlet: raw.site_name.clone().or(json_ld.publisher),
            article_body: json_ld.body,
            updated,
            language: raw.language.clone(),
            state_scripts: raw.state_scripts.clone(),
        }
    }
}

/// Why an element's text is not body text, from its name, role, class and
/// id. Inside the main content a `<header>` is the article's own header
/// (headline, byline), not the site's.
fn element_context(tag: &Tag, inside_main: bool) -> Context {
    let name: &str = &tag.name;
    let hidden = attr(tag, "hidden").is_some()
        || attr(tag, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || attr(tag, "style").is_some_and(styled_hidden);
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
    reason_from_names(tag).map_or(Context::Plain, Context::Named)
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
                prose_words(&line.text)
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

/// A line this much link text is a link, not prose.
const LINK_LINE: f32 = 0.9;

/// Lines that are links and nothing else, two or more in a row (a list of
/// other stories, a menu the page did not mark as one), are set aside as
/// related links, as Readability and trafilatura weigh link density. A
/// page whose only prose is links keeps them.
fn set_aside_link_lists(lines: &mut [Line]) {
    let is_link = |l: &Line| l.removed.is_none() && !l.heading && l.all_link;
    let mut in_list = vec![false; lines.len()];
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|l| is_link(l)).count();
        if run >= 2 {
            in_list[k..k + run].fill(true);
        }
        k += run.max(1);
    }
    let prose_left = lines
        .iter()
        .zip(&in_list)
        .any(|(l, &listed)| !listed && l.removed.is_none() && prose_words(&l.text) > 0);
    if !prose_left {
        return;
    }
    for (line, _) in lines.iter_mut().zip(&in_list).filter(|(_, &listed)| listed) {
        line.removed = Some(RemovalReason::Related);
    }
}

/// Rule `RelatedHeading`: a heading that opens a block of other stories
/// ("Related articles", "Mehr zum Thema": `chrome::is_related_marker`)
/// sets aside the block it heads, the lines after it inside the smallest
/// element that holds both it and the line below it, when that block reads
/// as teasers (each line a link or at most [`TEASER_WORDS`] words) and is
/// not the article (under half the page's prose).
fn set_aside_related_blocks(lines: &mut [Line]) {
    let total: usize = lines
        .iter()
        .filter(|l| l.removed.is_none())
        .map(|l| prose_words(&l.text))
        .sum();
    for at in 0..lines.len().saturating_sub(1) {
        if lines[at].heading || !crate::chrome::is_related_marker(&lines[at].text) {
            continue;
        }
        let Some(end) = headed_block_end(lines, at) else {
            continue;
        };
        let part = &lines[at + 1..end];
        let teasers = part
            .iter()
            .all(|l| l.all_link || crate::normalize::word_count(&l.text) <= TEASER_WORDS);
        let prose: usize = part
            .iter()
            .filter(|l| l.removed.is_none())
            .map(|l| prose_words(&l.text))
            .sum();
        if teasers && 2 * prose < total {
            for line in lines[at..end]
                .iter_mut()
                .filter(|l| l.removed.is_none() && !l.heading)
            {
                line.removed = Some(RemovalReason::Related);
            }
        }
    }
}

/// The end of the block a heading at `at` heads: the lines after it inside
/// the smallest element that holds both the heading and the line below it,
/// when the heading is that element's first line (a heading in the middle
/// of a page's text heads no box).
fn headed_block_end(lines: &[Line], at: usize) -> Option<usize> {
    let below = &lines.get(at + 1)?.ancestors;
    let block = *lines[at]
        .ancestors
        .iter()
        .rev()
        .find(|e| below.contains(e))?;
    if at > 0 && lines[at - 1].ancestors.contains(&block) {
        return None;
    }
    let inside = lines[at + 1..]
        .iter()
        .take_while(|l| l.ancestors.contains(&block))
        .count();
    Some(at + 1 + inside)
}

/// Words a teaser's line may hold: a headline and a short blurb.
const TEASER_WORDS: usize = 25;

/// Rule `LinkBlock`: an element whose open lines are mostly link text
/// (at least [`LINK_BLOCK_SHARE`] of its bytes inside links, over
/// [`LINK_BLOCK_LINES`] lines or more) and that holds under half the
/// page's prose is a list of other stories or a menu, even where its links
/// alternate with dates and blurbs (which `set_aside_link_lists` misses).
fn set_aside_link_blocks(lines: &mut [Line]) {
    let open = |l: &Line| l.removed.is_none() && !l.heading;
    let total: usize = lines
        .iter()
        .filter(|l| open(l))
        .map(|l| prose_words(&l.text))
        .sum();
    // Per element: (lines, bytes, linked bytes, prose words).
    let mut stats: std::collections::BTreeMap<usize, (usize, usize, usize, usize)> =
        std::collections::BTreeMap::new();
    for line in lines.iter().filter(|l| open(l)) {
        let prose = prose_words(&line.text);
        for element in &line.ancestors {
            let entry = stats.entry(*element).or_default();
            entry.0 += 1;
            entry.1 += line.text.len();
            entry.2 += line.linked.min(line.text.len());
            entry.3 += prose;
        }
    }
    let is_link_block = |&(n, bytes, linked, prose): &(usize, usize, usize, usize)| {
        n >= LINK_BLOCK_LINES
            && linked as f32 >= LINK_BLOCK_SHARE * bytes as f32
            && 2 * prose < total
    };
    for line in lines
        .iter_mut()
        .filter(|l| open(l) && l.container.is_none())
    {
        let in_block = line
            .ancestors
            .iter()
            .any(|e| stats.get(e).is_some_and(is_link_block));
        if in_block {
            line.removed = Some(RemovalReason::Related);
        }
    }
}

/// Lines an element needs to be a block of links.
const LINK_BLOCK_LINES: usize = 4;
/// Share of an element's text inside links that makes it a block of links.
const LINK_BLOCK_SHARE: f32 = 0.6;

/// Rule `LabelOfChrome`: a label of up to four words ending in a colon
/// ("Tags:", "Share:", "Supported by:") over links or chrome, or with
/// nothing below it, is chrome as what it labels is. A label over text
/// ("Ingredients:" above a list) stays.
fn set_aside_labels_of_chrome(lines: &mut [Line]) {
    for at in 0..lines.len() {
        let line = &lines[at];
        let label = line.removed.is_none()
            && !line.heading
            && line.text.ends_with(':')
            && crate::normalize::word_count(&line.text) <= 4;
        if !label {
            continue;
        }
        let below = lines[at + 1..].first();
        let labels_chrome = below.is_none_or(|l| l.removed.is_some() || l.all_link);
        if labels_chrome {
            let reason = below.and_then(|l| l.removed);
            lines[at].removed = Some(reason.unwrap_or(RemovalReason::Navigation));
        }
    }
}

/// Rule `LabelThenLink`: "MIRA: Port strike ends", "Read also: ...": a
/// label of up to four words (not a date) and a colon, then a link of four
/// words or more and nothing else, is a teaser for another story.
fn set_aside_labelled_links(lines: &mut [Line]) {
    for line in lines
        .iter_mut()
        .filter(|l| l.removed.is_none() && !l.heading)
    {
        let Some((label, rest)) = line.text.split_once(':') else {
            continue;
        };
        let rest = rest.trim();
        let words = |t: &str| crate::normalize::word_count(t);
        let link_is_rest =
            line.linked as f32 >= LINK_LINE * rest.len() as f32 && line.linked <= rest.len() + 1;
        let label_is_word = !label.contains(|c: char| c.is_ascii_digit());
        if (1..=4).contains(&words(label)) && label_is_word && words(rest) >= 4 && link_is_rest {
            line.removed = Some(RemovalReason::Related);
        }
    }
}

/// Words of a line that reads as running text (a sentence of some length),
/// else 0: menus, labels and link lists hold no prose.
fn prose_words(text: &str) -> usize {
    let words = crate::normalize::word_count(text);
    if words >= 10 && text.contains(['.', '!', '?', ',', '。', '，']) {
        words
    } else {
        0
    }
}

/// Chrome named by its class or id: `share-bar`, `cookie-banner`,
/// `comments`, `newsletter-signup`, `related-stories`, a `sidebar` or a
/// `site-footer`, the author's `bio` box, a sidebar's `textwidget`.
/// Camel-case names (`relatedArticles`) are read word by word. (`teaser`
/// and `widget` are not chrome words: sites call their article's lead a
/// teaser, and page builders wrap every block, the article's included, in
/// widgets.)
fn reason_from_names(tag: &Tag) -> Option<RemovalReason> {
    let names = [attr(tag, "class"), attr(tag, "id")];
    let parts = names
        .iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .flat_map(camel_case_words)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>();
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
            _ => continue,
        };
        found.get_or_insert(reason);
    }
    found
}

/// Rule `AuthorBox`: a box about the writer (`author-box`, `about-author`,
/// `author-description`) under or beside the article: the author's name
/// alone (`author`, a byline) is not such a box.
fn is_author_box(parts: &[String]) -> bool {
    const BOX_WORDS: &[&str] = &["box", "bio", "about", "description", "desc", "profile"];
    parts.iter().any(|p| p == "author") && parts.iter().any(|p| BOX_WORDS.contains(&p.as_str()))
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

fn is_main_container(tag: &Tag) -> bool {
    matches!(&*tag.name, "article" | "main")
        || attr(tag, "role").is_some_and(|r| r.trim().eq_ignore_ascii_case("main"))
        || attr(tag, "itemprop").is_some_and(|p| p.trim() == "articleBody")
}

/// When the page marks its main content, text outside the container with
/// the most words is chrome: other `<article>`s are related stories,
/// anything else is site furniture. The `<h1>` stays wherever it is.
fn keep_main_container(lines: &mut [Line]) {
    let mut words: Vec<(usize, usize)> = Vec::new();
    for line in lines.iter().filter(|l| l.removed.is_none()) {
        if let Some(c) = line.container {
            let count = crate::normalize::word_count(&line.text);
            match words.iter_mut().find(|(id, _)| *id == c) {
                Some((_, n)) => *n += count,
                None => words.push((c, count)),
            }
        }
    }
    let Some(main) = words
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map(|(id, _)| *id)
    else {
        return;
    };
    if prose_outside_outweighs(lines, main) {
        return;
    }
    for line in lines.iter_mut() {
        if line.removed.is_none() && !line.heading && line.container != Some(main) {
            line.removed = Some(if line.container.is_some() {
                RemovalReason::Related
            } else {
                RemovalReason::Navigation
            });
        }
    }
}

/// Rule `UnmarkedArticle`: a page may mark only its teasers or sidebar
/// posts as `<article>`s while its own text stands outside them. When the
/// prose outside every container outweighs the prose of the largest one,
/// that container is not the article, and nothing is set aside for being
/// outside it.
fn prose_outside_outweighs(lines: &[Line], main: usize) -> bool {
    let prose = |inside: &dyn Fn(&Line) -> bool| -> usize {
        lines
            .iter()
            .filter(|l| l.removed.is_none() && inside(l))
            .map(|l| prose_words(&l.text))
            .sum()
    };
    let outside = prose(&|l| l.container.is_none());
    outside > prose(&|l| l.container == Some(main))
}

/// The article fields of the page's JSON-LD (schema.org `NewsArticle` and
/// kin), used where the meta tags are silent.
#[derive(Default)]
struct JsonLdArticle {
    headline: Option<String>,
    body: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
}

impl JsonLdArticle {
    fn parse(text: &str) -> Option<JsonLdArticle> {
        let value: serde_json::Value = serde_json::from_str(unwrapped_script(text)).ok()?;
        let article = find_article(&value, 0)?;
        let string = |v: Option<&serde_json::Value>| {
            v.and_then(serde_json::Value::as_str)
                .map(collapse_whitespace)
                .filter(|s| !s.is_empty())
        };
        let name_of = |v: &serde_json::Value| match v {
            serde_json::Value::String(_) => string(Some(v)),
            _ => string(v.get("name")),
        };
        let authors = match article.get("author") {
            Some(serde_json::Value::Array(list)) => list.iter().filter_map(name_of).collect(),
            Some(one) => name_of(one).into_iter().collect(),
            None => Vec::new(),
        };
        let url = string(article.get("url")).or_else(|| {
            article
                .get("mainEntityOfPage")
                .and_then(|m| string(Some(m)).or_else(|| string(m.get("@id"))))
        });
        Some(JsonLdArticle {
            headline: string(article.get("headline")),
            body: article
                .get("articleBody")
                .and_then(serde_json::Value::as_str)
                .map(str::trim)
                .filter(|b| !b.is_empty())
                .map(str::to_string),
            published: string(article.get("datePublished")),
            modified: string(article.get("dateModified")),
            authors,
            publisher: article.get("publisher").and_then(name_of),
            url,
        })
    }
}

/// A script's data without the wrappers pages put around it for old
/// parsers: `<![CDATA[ ... ]]>` and `<!-- ... -->`.
fn unwrapped_script(text: &str) -> &str {
    let mut text = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.trim();
            text = text.strip_suffix(close).unwrap_or(text).trim();
        }
    }
    text
}

/// The first object with a `headline`, searching arrays and `@graph`.
fn find_article(value: &serde_json::Value, depth: usize) -> Option<&serde_json::Value> {
    if depth > 4 {
        return None;
    }
    match value {
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        serde_json::Value::Object(map) => {
            if map
                .get("headline")
                .is_some_and(serde_json::Value::is_string)
            {
                Some(value)
            } else {
                map.get("@graph").and_then(|g| find_article(g, depth + 1))
            }
        }
        _ => None,
    }
}

/// Machine dates as pages write them: `2024-09-17`, `2024-09-17T13:36:00Z`,
/// `2024-09-17T13:36:00.000+02:00`, `2024-09-17 13:36:00+0200`. Seconds are
/// dropped (dates are kept to the minute).
pub fn parse_meta_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    let date = text.get(..10).unwrap_or(text);
    let Some(rest) = text.get(10..).filter(|r| !r.is_empty()) else {
        return PartialDate::parse_iso(date);
    };
    let rest = rest.strip_prefix(['T', ' ']).unwrap_or(rest);
    let clock = rest.get(..5).filter(|c| c.as_bytes().get(2) == Some(&b':'));
    let offset_at = rest
        .char_indices()
        .skip(5)
        .find(|(_, c)| matches!(c, 'Z' | 'z' | '+' | '-'))
        .map(|(i, _)| i);
    let offset = match offset_at.map(|at| &rest[at..]) {
        Some("Z" | "z") => "Z".to_string(),
        Some(o) if o.len() == 5 && !o.contains(':') => format!("{}:{}", &o[..3], &o[3..]),
        Some(o) if o.len() == 3 => format!("{o}:00"),
        Some(o) => o.to_string(),
        None => String::new(),
    };
    clock
        .and_then(|clock| PartialDate::parse_iso(&format!("{date}T{clock}{offset}")))
        .or_else(|| PartialDate::parse_iso(date))
}

/// "Jane Doe and John Roe", "Jane Doe, John Roe", "By Jane Doe".
fn split_authors(text: &str) -> Vec<String> {
    let text = text.strip_prefix("By ").unwrap_or(text);
    text.split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// Rule `DeclaredTitle`: the headline is the title the page declares for
/// its article (JSON-LD `headline`, then the meta tags of [`TITLE_META`]),
/// as Readability and trafilatura read it: a page's `<h1>` is as often the
/// site's name, the blog's or a section's. Without one, the `<title>` less
/// the site's name, unless that is shorter than [`SHORT_TITLE`] characters
/// (a site's name) while the `<h1>` reads as a headline (more than four
/// words; Readability's bounds); without a `<title>`, the `<h1>`.
fn declared_title(
    declared: Option<String>,
    h1: Option<String>,
    title: Option<&str>,
) -> Option<String> {
    let title = title.map(title_without_site).filter(|t| !t.is_empty());
    let title_is_short = title
        .as_ref()
        .is_some_and(|t| t.chars().count() < SHORT_TITLE);
    let h1_is_headline = h1
        .as_ref()
        .is_some_and(|h| crate::normalize::word_count(h) > 4);
    if title_is_short && h1_is_headline {
        return declared.or(h1);
    }
    declared.or(title).or(h1)
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

/// A language tag as pages write it ("en", "en-GB", "pt_BR"), checked
/// for shape (letters, then subtags of letters or digits); anything else
/// ("{{lang}}", a sentence) is no language.
fn language_tag(text: &str) -> Option<String> {
    let tag = text.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let primary = parts.next()?;
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (primary_ok && rest_ok).then_some(tag)
}

/// Rule `CorroboratedTitle`: of the titles a page declares (JSON-LD
/// `headline`, then the meta tags), the first that its `<title>` or an
/// `<h1>` shares at least half the words of; none if neither does (the
/// `<title>` or `<h1>` then stands), the first if the page shows neither
/// (or only ones too short to be a headline).
/// A declared title that nothing on the page repeats is often the page's
/// description.
fn corroborated_title<'a>(
    declared: [Option<String>; 2],
    shown: impl Iterator<Item = &'a str>,
) -> Option<String> {
    let words = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    // Only a title or heading long enough to be a headline can gainsay one.
    let shown: Vec<BTreeSet<String>> = shown
        .filter(|text| text.chars().count() >= SHORT_TITLE)
        .map(words)
        .filter(|seen| seen.len() >= MIN_SHARED_WORDS)
        .collect();
    if shown.is_empty() {
        let [first, second] = declared;
        return first.or(second);
    }
    let repeated = |title: &String| {
        let wanted = words(title);
        shown.iter().any(|seen| {
            let common = wanted.intersection(seen).count();
            common > 0 && common * 2 >= wanted.len()
        })
    };
    declared.into_iter().flatten().find(repeated)
}

/// Rule `VisibleHeadline`: the declared title as the page shows it. An
/// `<h1>` that holds most of the declared title's words, or most of whose
/// words are in it and cover half of it, is the same headline as printed
/// (an SEO or `<title>` form adds or drops words, changes case or
/// punctuation): the reader sees, and the text says, the `<h1>`. An
/// `<h1>` that shares few words (the site's name, a section) is not it.
fn as_the_page_shows(declared: String, headings: &[&str]) -> String {
    let words = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let wanted = words(&declared);
    let same_headline = |heading: &&&str| {
        let seen = words(heading);
        let common = wanted.intersection(&seen).count();
        let most_of = |set: &BTreeSet<String>| common * 10 >= set.len() * 7;
        let half_of = |set: &BTreeSet<String>| common * 2 >= set.len();
        common >= MIN_SHARED_WORDS && (most_of(&wanted) || (most_of(&seen) && half_of(&wanted)))
    };
    headings
        .iter()
        .find(same_headline)
        .map_or(declared, |heading| heading.to_string())
}

/// Words a title and an `<h1>` must share to be told the same headline.
const MIN_SHARED_WORDS: usize = 3;

/// Characters under which a `<title>` names a site, not an article
/// (Readability's bound).
const SHORT_TITLE: usize = 15;

/// "Ports reopen after strike | Example Times" → "Ports reopen after strike".
fn title_without_site(title: &str) -> String {
    for separator in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some((head, site)) = title.rsplit_once(separator) {
            if crate::normalize::word_count(site) <= 4 && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}
