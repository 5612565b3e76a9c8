//! Accessibility audits: axe-core, injected into a page in headless Chromium,
//! must find no violations. The end-to-end cases can call
//! [`assert_no_axe_violations`] on any view they reach; [`check`] walks
//! every view of the built site (library, each reader with and without the
//! removed list) in the light and the dark colour scheme.

use crate::browser::Browser;
use crate::server::StaticServer;
use crate::webdriver::Session;
use serde_json::{json, Value};
use std::path::Path;
use std::sync::OnceLock;

/// axe-core's browser bundle, installed on first use (pinned in `npm.rs`).
fn axe_source() -> Result<&'static str, String> {
    static SOURCE: OnceLock<Result<String, String>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let package = crate::npm::ensure_package(crate::npm::AXE_CORE)?;
            crate::hosting::read(&package.join("axe.min.js"))
        })
        .as_deref()
        .map_err(Clone::clone)
}

/// Runs axe-core on the current page of `session` and fails with a readable
/// list of every violation (rule, impact, the first few elements and why).
/// `view` names the page in the message.
pub fn assert_no_axe_violations(session: &Session, view: &str) -> Result<(), String> {
    let violations = axe_violations(session)?;
    if violations.is_empty() {
        return Ok(());
    }
    let listed: Vec<String> = violations
        .iter()
        .map(|v| {
            let nodes: Vec<&str> = v["nodes"]
                .as_array()
                .map(|n| n.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            format!(
                "{} ({}): {}\n            {}",
                v["id"].as_str().unwrap_or("?"),
                v["impact"].as_str().unwrap_or("?"),
                v["help"].as_str().unwrap_or(""),
                nodes.join("\n            ")
            )
        })
        .collect();
    Err(format!(
        "axe-core found {} violation(s) in {view}:\n          {}",
        violations.len(),
        listed.join("\n          ")
    ))
}

/// The violations axe-core reports for the current page, as JSON objects
/// with `id`, `impact`, `help` and `nodes` (selector and failure summary).
pub fn axe_violations(session: &Session) -> Result<Vec<Value>, String> {
    let loaded = session.eval("return typeof window.axe === 'object';", json!([]))?;
    if loaded != json!(true) {
        session.eval(axe_source()?, json!([]))?;
    }
    let result = session.eval_async(
        "const done = arguments[arguments.length - 1];
         axe.run(document, { resultTypes: ['violations'] })
           .then((r) => done(r.violations.map((v) => ({
             id: v.id, impact: v.impact, help: v.help,
             nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ')),
           }))))
           .catch((e) => done({ error: String(e) }));",
        json!([]),
    )?;
    match result {
        Value::Array(violations) => Ok(violations),
        other => Err(format!("axe-core did not run: {other}")),
    }
}

/// Every view of the built site, audited in both colour schemes.
pub fn check(dist: &Path) -> Result<(), String> {
    let corpus = crate::bench::seeds_corpus()?;
    let server = StaticServer::start(dist, crate::e2e::SUB_PATH, 0)?;
    let base = format!("http://127.0.0.1:{}{}", server.port(), crate::e2e::SUB_PATH);
    let browser = Browser::start(1280, 900)?;
    let session = &browser.session;

    // The audit must be able to fail: an image without a text alternative
    // is a violation axe-core always reports.
    browser.open_app(&base)?;
    session.wait_for("the library", "return document.querySelector('main h1');")?;
    session.eval(
        "const img = document.createElement('img'); img.src = 'data:,'; document.querySelector('main').append(img);",
        json!([]),
    )?;
    let probe = axe_violations(session)?;
    if !probe.iter().any(|v| v["id"] == "image-alt") {
        return Err(format!(
            "axe-core missed a planted image without alt text (got {probe:?})"
        ));
    }

    let mut views = vec![("the library".to_string(), String::new())];
    for document in &corpus.documents {
        views.push((
            format!("the reader of {}", document.id),
            format!("#/article/{}", document.id),
        ));
        views.push((
            format!("the reader of {} with the removed list", document.id),
            format!("#/article/{}?removed=1", document.id),
        ));
    }
    views.extend(other_views(&corpus));
    let mut failures = Vec::new();
    for scheme in ["light", "dark"] {
        session.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )?;
        for (name, hash) in &views {
            browser.open_app(&format!("{base}{hash}"))?;
            session.wait_for(name, "return document.querySelector('main h1');")?;
            if hash.contains("removed=1") {
                session.wait_for(
                    "the removed list",
                    "return document.querySelector('#removed-list');",
                )?;
            }
            let view = format!("{name} ({scheme} scheme)");
            match assert_no_axe_violations(session, &view) {
                Ok(()) => println!("  ok    no axe-core violations in {view}"),
                Err(message) => {
                    println!("  FAIL  {message}");
                    failures.push(view);
                }
            }
        }
        let view = format!("the library with your articles and a refused file ({scheme} scheme)");
        match with_added_articles(&browser, &base, &view) {
            Ok(()) => println!("  ok    no axe-core violations in {view}"),
            Err(message) => {
                println!("  FAIL  {message}");
                failures.push(view);
            }
        }
    }
    let errors = session.console_errors()?;
    if !errors.is_empty() {
        failures.push(format!("console errors during the audit: {errors:?}"));
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "accessibility violations in {} view(s): {}",
            failures.len(),
            failures.join(", ")
        ))
    }
}

/// The explorer, compare and timeline views, in their main states.
fn other_views(corpus: &crossread_corpus::Corpus) -> Vec<(String, String)> {
    let mut views = vec![
        ("the explorer".to_string(), "#/explore".to_string()),
        (
            "the explorer, claims searched and filtered".to_string(),
            "#/explore?q=missiles&as=claims&stance=expected,hedged".to_string(),
        ),
        ("the compare overview".to_string(), "#/compare".to_string()),
        ("the timelines".to_string(), "#/timeline".to_string()),
    ];
    if let Some(thread) = corpus.threads.iter().max_by_key(|t| t.docs.len()) {
        let id = crate::url_component(&thread.id);
        views.push((
            "one event compared".to_string(),
            format!("#/compare?focus={id}"),
        ));
        views.push((
            "one event's timeline".to_string(),
            format!("#/timeline?focus={id}"),
        ));
    }
    if let [a, b, ..] = corpus.documents.as_slice() {
        let pair = format!(
            "#/compare?a={}&b={}",
            crate::url_component(&a.id),
            crate::url_component(&b.id)
        );
        views.push(("two articles compared".to_string(), pair));
    }
    if let Some(claim) = corpus.claims.first() {
        let selected = format!("#/timeline?sel={}", crate::url_component(&claim.id));
        views.push(("a timeline with a claim selected".to_string(), selected));
    }
    views
}

/// The library once a reader added a pasted text and dropped a binary
/// file: the list of their articles with its forms, and the task's
/// messages. Everything added is removed again afterwards.
fn with_added_articles(browser: &Browser, base: &str, view: &str) -> Result<(), String> {
    let session = &browser.session;
    browser.open_app(base)?;
    session.eval(
        "document.querySelector('.paste').open = true;
         document.querySelector('#paste-text').value = 'Bridge reopens after repairs\\n\\nThe city bridge reopened to traffic on Monday after six weeks of repairs, officials said.';",
        json!([]),
    )?;
    session.click(".paste button[type=submit]")?;
    session.wait_for(
        "the pasted article",
        "return document.querySelectorAll('.added-entry').length === 1 && !document.querySelector('.import-status.working');",
    )?;
    session.eval(
        "const transfer = new DataTransfer();
         transfer.items.add(new File([new Uint8Array([0, 1, 2, 3, 255])], 'scan.txt'));
         document.querySelector('main').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));",
        json!([]),
    )?;
    session.wait_for(
        "the refused file's message",
        "return document.querySelector('.import-status [role=alert] .import-row.failed');",
    )?;
    let audited = assert_no_axe_violations(session, view);
    session.click(".added-actions .danger")?;
    session.wait_for(
        "every added article removed",
        "return !document.querySelector('.added-entry') && !document.querySelector('.import-status.working');",
    )?;
    audited
}
