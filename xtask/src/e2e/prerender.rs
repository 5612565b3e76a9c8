//! Content before code: the library and reader pages are prerendered into
//! `dist/`, readable with JavaScript off, and hydrated (not re-drawn) when
//! the wasm arrives.

use super::{ensure, texts, texts_in, wait_for_heading, Case, Context};
use crate::browser::Browser;
use serde_json::json;

pub const CASES: &[Case] = &[
    (
        "prerendered: the library and every reader page read with JavaScript off",
        readable_without_javascript,
    ),
    (
        "prerendered: pages are hydrated once the wasm arrives, with no duplicated content",
        hydrated_in_place,
    ),
];

fn readable_without_javascript(context: &Context) -> Result<(), String> {
    let browser = Browser::start_with_args(1280, 900, &["--blink-settings=scriptEnabled=false"])?;
    // With scripts off, WebDriver's own scripts still run (they are not page scripts).
    let static_texts = |selector: &str| texts_in(&browser.session, selector);
    browser.open(&context.base)?;
    let mut shown = static_texts(".article-entry .headline")?;
    shown.sort();
    let expected = context.first_headlines();
    ensure(shown == expected, || {
        format!("JS off: library shows {shown:?}")
    })?;
    let started = browser
        .session
        .eval("return typeof window.wasmBindings;", json!([]))?;
    ensure(started == json!("undefined"), || {
        format!("scripts were not off: wasmBindings is {started}")
    })?;
    for document in context.prerendered_documents() {
        browser.open(&format!(
            "{}{}",
            context.base,
            crate::article_page_file(&document.id)
        ))?;
        let heading = static_texts("main h1")?;
        ensure(heading == [document.headline.clone()], || {
            format!("JS off: {} shows {heading:?}", document.id)
        })?;
        let paragraphs = static_texts(".reader .body p")?;
        ensure(paragraphs == document.paragraphs, || {
            format!("JS off: {} body differs", document.id)
        })?;
    }
    // Without JavaScript, the library's links lead to those pages.
    browser.open(&context.base)?;
    let first = crossread_corpus::newest_first(&context.corpus.documents)[0];
    browser
        .session
        .click(&format!(".article-entry[data-doc='{}'] a", first.id))?;
    let heading = static_texts("main h1")?;
    ensure(heading == [first.headline.clone()], || {
        format!("JS off: the library link led to {heading:?}")
    })
}

/// Counts element nodes removed from the page after it was parsed: a
/// hydration adopts the prerendered elements; a re-render would replace them.
const REMOVAL_PROBE: &str = "window.__removedElements = 0;
new MutationObserver(records => records.forEach(r => r.removedNodes.forEach(n => {
  if (n.nodeType === 1) window.__removedElements += 1;
}))).observe(document, { childList: true, subtree: true });";

fn hydrated_in_place(context: &Context) -> Result<(), String> {
    let probe = Browser::start(1280, 900)?;
    probe.session.cdp("Page.enable", json!({}))?;
    probe.session.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": REMOVAL_PROBE }),
    )?;
    for page in [
        "".to_string(),
        crate::article_page_file(&context.prerendered_documents()[1].id),
    ] {
        probe.open(&format!("{}{page}", context.base))?;
        probe.session.wait_for(
            "the wasm to start",
            "return typeof window.wasmBindings === 'object';",
        )?;
        probe.session.wait_for(
            "the first render",
            "return document.querySelector('main h1');",
        )?;
        let removed = probe
            .session
            .eval("return window.__removedElements;", json!([]))?;
        ensure(removed == json!(0), || {
            format!("page {page:?}: {removed} prerendered elements were replaced, not hydrated")
        })?;
    }

    let session = &context.browser.session;
    let count = context.corpus.documents.len().min(context.library_page);
    context.open("")?;
    session.wait_for(
        "the wasm to start",
        "return typeof window.wasmBindings === 'object';",
    )?;
    wait_for_heading(context, "Library")?;
    let shape = session.eval(
        "return [document.querySelectorAll('main').length, document.querySelectorAll('header.site-header').length, document.querySelectorAll('.article-entry').length];",
        json!([]),
    )?;
    ensure(shape == json!([1, 1, count]), || {
        format!("after hydration [main, header, entries] = {shape}")
    })?;

    let documents = context.prerendered_documents();
    let document = documents[3.min(documents.len() - 1)];
    context.browser.open(&format!(
        "{}{}",
        context.base,
        crate::article_page_file(&document.id)
    ))?;
    session.wait_for(
        "the wasm to start",
        "return typeof window.wasmBindings === 'object';",
    )?;
    wait_for_heading(context, &document.headline)?;
    // Interactive: the removed-parts toggle responds.
    session.click(".reader .toggle")?;
    session.wait_for(
        "the removed list",
        &format!(
            "return document.querySelectorAll('#removed-list li').length === {};",
            document.boilerplate.len()
        ),
    )?;
    let mains = texts(context, "main h1")?;
    ensure(mains.len() == 1, || {
        format!("duplicated content after hydration: {mains:?}")
    })
}
