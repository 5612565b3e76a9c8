//! End-to-end tests: the built `dist/` served under a sub-path on loopback,
//! driven in real headless Chromium through chromedriver, checked against
//! the corpus analysed from the same seeds.
//!
//! Cases live in one file per view (`e2e/<view>.rs`), each exporting `CASES`.

mod analyser;
pub mod any_story;
pub mod chunked;
mod compare;
mod explore;
mod own_articles;
pub mod prerender;
mod reader;
mod timeline;

use crate::browser::Browser;
use crate::server::StaticServer;
use crossread_corpus::{Corpus, Document};
use serde_json::json;
use std::path::Path;

/// The site is served here, not at `/`, to prove relative URLs work.
pub const SUB_PATH: &str = "/static/sites/crossread/";

pub struct Context {
    pub browser: Browser,
    pub base: String,
    pub corpus: Corpus,
    /// Library entries listed before "Show more" in the site under test.
    pub library_page: usize,
    /// How many of its newest articles have a prerendered page.
    pub prerendered: usize,
}

pub type Case = (&'static str, fn(&Context) -> Result<(), String>);

pub const FOUNDATION: &[Case] = &[
    (
        "library lists every headline with outlet, date and syndication",
        library_lists_every_article,
    ),
    (
        "a deep link opens the right reader view, and survives a reload",
        deep_links_open_the_reader,
    ),
    (
        "clicking a headline opens it and Back returns to the library",
        click_and_back,
    ),
    (
        "the removed-chrome toggle lists what was removed, with reasons, and is in the URL",
        removed_toggle,
    ),
    (
        "a malformed or stale URL is repaired with a notice",
        malformed_urls_are_repaired,
    ),
    (
        "keyboard only: Tab reaches a headline, Enter opens it",
        keyboard_opens_an_article,
    ),
    (
        "phone width: no horizontal scrolling in any view",
        phone_width_has_no_horizontal_scroll,
    ),
];

/// Runs every case, or those whose name contains `only`.
pub fn run(dist: &Path, only: Option<&str>) -> Result<(), String> {
    let corpus = crate::bench::seeds_corpus()?;
    let server = StaticServer::start(dist, SUB_PATH, 0)?;
    let base = format!("http://127.0.0.1:{}{SUB_PATH}", server.port());
    let browser = Browser::start(1280, 900)?;
    let context = Context {
        browser,
        base,
        corpus,
        library_page: crossread_corpus::parts::LIBRARY_PAGE,
        prerendered: usize::MAX,
    };
    console_capture_works(&context)?;
    let cases = [
        FOUNDATION,
        reader::CASES,
        explore::CASES,
        prerender::CASES,
        compare::CASES,
        timeline::CASES,
        analyser::CASES,
        own_articles::CASES,
    ];
    let chosen: Vec<Case> = cases
        .iter()
        .flat_map(|c| c.iter())
        .filter(|(name, _)| only.is_none_or(|only| name.contains(only)))
        .copied()
        .collect();
    let total = chosen.len();
    let failures = run_cases(&context, &chosen)?;
    context
        .browser
        .save_screenshot(&format!("{}#/", context.base), 1280, 900, "library")?;
    if failures.is_empty() {
        println!("  all {total} end-to-end cases passed");
        Ok(())
    } else {
        Err(format!("{} end-to-end case(s) failed", failures.len()))
    }
}

/// Runs cases in order, printing each outcome and any console error
/// raised during it; returns the names of those that failed.
pub fn run_cases(context: &Context, cases: &[Case]) -> Result<Vec<&'static str>, String> {
    let mut failures = Vec::new();
    for (name, case) in cases {
        match case(context) {
            Ok(()) => println!("  ok    {name}"),
            Err(message) => {
                println!("  FAIL  {name}\n        {message}");
                failures.push(*name);
            }
        }
        let errors = context.browser.session.console_errors()?;
        if !errors.is_empty() {
            println!("  FAIL  no console errors during: {name}\n        {errors:?}");
            failures.push("console errors");
        }
    }
    Ok(failures)
}

/// The "no console errors" check below can fail: prove it sees an error.
fn console_capture_works(context: &Context) -> Result<(), String> {
    context.open("")?;
    context
        .browser
        .session
        .eval("console.error('crossread-e2e-probe');", json!([]))?;
    let errors = context.browser.session.console_errors()?;
    ensure(
        errors.iter().any(|e| e.contains("crossread-e2e-probe")),
        || {
            format!("the browser console is not captured (got {errors:?}), so console errors would go unseen")
        },
    )
}

impl Context {
    /// Opens a view and waits until the app runs: the prerendered page is
    /// on screen earlier, and the app starts after its first paint.
    pub fn open(&self, hash: &str) -> Result<(), String> {
        self.browser.open_app(&format!("{}{hash}", self.base))
    }

    /// The headlines the library lists first (prerendered, and before
    /// "Show more"), sorted.
    pub fn first_headlines(&self) -> Vec<String> {
        let mut headlines: Vec<String> = crossread_corpus::newest_first(&self.corpus.documents)
            .iter()
            .take(self.library_page)
            .map(|d| d.headline.clone())
            .collect();
        headlines.sort();
        headlines
    }

    /// The articles with a prerendered page, newest first.
    pub fn prerendered_documents(&self) -> Vec<&Document> {
        let mut documents = crossread_corpus::newest_first(&self.corpus.documents);
        documents.truncate(self.prerendered);
        documents
    }

    pub fn document(&self, index: usize) -> &Document {
        &self.corpus.documents[index % self.corpus.documents.len()]
    }
}

pub fn texts(context: &Context, selector: &str) -> Result<Vec<String>, String> {
    texts_in(&context.browser.session, selector)
}

/// The trimmed text of every element matching `selector`.
pub fn texts_in(
    session: &crate::webdriver::Session,
    selector: &str,
) -> Result<Vec<String>, String> {
    let value = session.eval(
        "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent.trim());",
        json!([selector]),
    )?;
    Ok(value
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default())
}

/// Every headline of the corpus, sorted (the library's order is by date).
pub fn sorted_headlines(corpus: &Corpus) -> Vec<String> {
    let mut headlines: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| d.headline.clone())
        .collect();
    headlines.sort();
    headlines
}

pub fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<(), String> {
    if condition {
        Ok(())
    } else {
        Err(message())
    }
}

pub fn wait_for_heading(context: &Context, heading: &str) -> Result<(), String> {
    context
        .browser
        .session
        .wait_for(
            &format!("the heading “{heading}”"),
            &format!("const h = document.querySelector('main h1'); return h && h.textContent.trim() === {};", json!(heading)),
        )
        .map(drop)
}

/// Presses the library's "Show more" until it lists every entry (a big
/// corpus's library comes a page at a time).
pub(crate) fn show_every_entry(context: &Context) -> Result<(), String> {
    wait_for_heading(context, "Library")?;
    while !texts(context, ".more-articles button")?.is_empty() {
        let before = texts(context, ".article-entry")?.len();
        context.browser.session.click(".more-articles button")?;
        context.browser.session.wait_for(
            "the next page of the library",
            &format!("return document.querySelectorAll('.article-entry').length > {before};"),
        )?;
    }
    Ok(())
}

fn library_lists_every_article(context: &Context) -> Result<(), String> {
    context.open("")?;
    let count = context.corpus.documents.len();
    show_every_entry(context)?;
    context.browser.session.wait_for(
        "the library entries",
        &format!("return document.querySelectorAll('.article-entry').length === {count};"),
    )?;
    let mut shown = texts(context, ".article-entry .headline")?;
    shown.sort();
    let expected = sorted_headlines(&context.corpus);
    ensure(shown == expected, || {
        format!("headlines shown {shown:?}, expected {expected:?}")
    })?;
    for document in &context.corpus.documents {
        let entry = texts(
            context,
            &format!(".article-entry[data-doc='{}']", document.id),
        )?
        .join(" ");
        if let Some(outlet) = &document.outlet {
            ensure(entry.contains(outlet.as_str()), || {
                format!(
                    "entry for {} lacks its outlet {outlet}: {entry}",
                    document.id
                )
            })?;
        }
        let words = format!("{} words", document.word_count);
        ensure(entry.contains(&words), || {
            format!("entry for {} lacks “{words}”: {entry}", document.id)
        })?;
        let syndicated = entry.contains("Syndicated copy");
        ensure(syndicated == document.via.is_some(), || {
            format!(
                "entry for {}: syndication note shown = {syndicated}, via = {:?}",
                document.id, document.via
            )
        })?;
    }
    Ok(())
}

fn deep_links_open_the_reader(context: &Context) -> Result<(), String> {
    for document in &context.corpus.documents {
        context.open(&format!("#/article/{}", document.id))?;
        wait_for_heading(context, &document.headline)?;
        let paragraphs = texts(context, ".reader .body p")?;
        ensure(paragraphs == document.paragraphs, || {
            format!(
                "{}: body shows {} paragraphs, corpus has {}",
                document.id,
                paragraphs.len(),
                document.paragraphs.len()
            )
        })?;
    }
    let last = context.document(context.corpus.documents.len() - 1);
    context.browser.session.refresh()?;
    wait_for_heading(context, &last.headline)
}

fn click_and_back(context: &Context) -> Result<(), String> {
    // An entry of the library's first page.
    let newest = crossread_corpus::newest_first(&context.corpus.documents);
    let document = newest[2.min(context.library_page - 1)];
    context.open("")?;
    context.browser.session.wait_for(
        "the library",
        "return document.querySelector('.article-entry a');",
    )?;
    context
        .browser
        .session
        .click(&format!(".article-entry[data-doc='{}'] a", document.id))?;
    wait_for_heading(context, &document.headline)?;
    context.browser.session.back()?;
    wait_for_heading(context, "Library")
}

fn removed_toggle(context: &Context) -> Result<(), String> {
    let document = context
        .corpus
        .documents
        .iter()
        .max_by_key(|d| d.boilerplate.len())
        .ok_or("the corpus is empty")?;
    context.open(&format!("#/article/{}", document.id))?;
    wait_for_heading(context, &document.headline)?;
    ensure(texts(context, "#removed-list li")?.is_empty(), || {
        "removed list shown before the toggle".into()
    })?;
    context.browser.session.click(".reader .toggle")?;
    let count = document.boilerplate.len();
    context.browser.session.wait_for(
        "the removed list",
        &format!("return document.querySelectorAll('#removed-list li').length === {count};"),
    )?;
    let items = texts(context, "#removed-list li")?;
    for (item, removed) in items.iter().zip(&document.boilerplate) {
        ensure(
            item.contains(removed.reason.describe()) && item.contains(removed.text.as_str()),
            || {
                format!(
                    "removed item {item:?} does not show {:?} ({})",
                    removed.text,
                    removed.reason.describe()
                )
            },
        )?;
    }
    let url = context
        .browser
        .session
        .eval("return location.hash;", json!([]))?;
    ensure(
        url.as_str().is_some_and(|h| h.contains("removed=1")),
        || format!("toggle not in the URL: {url}"),
    )?;
    context.browser.session.refresh()?;
    context.browser.session.wait_for(
        "the removed list after reload",
        &format!("return document.querySelectorAll('#removed-list li').length === {count};"),
    )?;
    Ok(())
}

fn malformed_urls_are_repaired(context: &Context) -> Result<(), String> {
    for hash in ["#/no/such/view?zoom=3", "#/article/not-an-article-id"] {
        context.open(hash)?;
        wait_for_heading(context, "Library")?;
        let notices = texts(context, ".notice")?;
        ensure(notices.len() == 1, || {
            format!("{hash}: expected one notice, got {notices:?}")
        })?;
    }
    Ok(())
}

fn keyboard_opens_an_article(context: &Context) -> Result<(), String> {
    context.open("")?;
    context.browser.session.wait_for(
        "the library",
        "return document.querySelector('.article-entry a');",
    )?;
    let first = texts(context, ".article-entry .headline")?
        .into_iter()
        .next()
        .ok_or("no entries")?;
    // Tab through the page until the first headline link has focus.
    for _ in 0..10 {
        context.browser.session.press_keys("\u{E004}")?;
        let focused = context.browser.session.eval(
            "return document.activeElement.textContent.trim();",
            json!([]),
        )?;
        if focused.as_str() == Some(first.as_str()) {
            context.browser.session.press_keys("\u{E007}")?;
            return wait_for_heading(context, &first);
        }
    }
    Err(format!(
        "ten Tab presses never focused the headline link “{first}”"
    ))
}

fn phone_width_has_no_horizontal_scroll(context: &Context) -> Result<(), String> {
    context.browser.session.set_window_size(375, 800)?;
    let document = context.document(2);
    let views = [
        String::new(),
        format!("#/article/{}?removed=1", document.id),
    ];
    let result = views.iter().try_for_each(|hash| {
        context.open(hash)?;
        context
            .browser
            .session
            .wait_for("the page", "return document.querySelector('main h1');")?;
        let overflow = context.browser.session.eval(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            json!([]),
        )?;
        ensure(overflow.as_i64() == Some(0), || {
            format!("view {hash:?} scrolls sideways by {overflow} px at 375 px")
        })
    });
    context.browser.session.set_window_size(1280, 900)?;
    result
}
