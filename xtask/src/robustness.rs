//! Hostile input and failure, end to end: a corpus whose texts carry HTML
//! and script payloads must render them as inert, visible text, and a panic
//! in the app must leave a readable message instead of a dead page. Both
//! need their own build (a payload corpus, and the `panic-probe` feature
//! that panics on `#/panic-probe`; production builds lack that feature).
//! That build has no CSP: the policy would block the payloads anyway and
//! hide what the app itself does with them.

use crate::browser::Browser;
use crate::server::StaticServer;
use crate::DistOptions;
use crossread_corpus::build_corpus;
use crossread_corpus::source_dir::read_source_dir;
use serde_json::json;
use std::path::Path;

/// The payload corpus. Ingestion sets the markup of a text aside (reason
/// `markup`), so the payloads reach the app as the reader's list of removed
/// parts, and what stays in the text (`javascript:` words) as paragraphs.
const PAYLOAD_SEEDS: &[(&str, &str)] = &[
    (
        "000_payload.txt",
        include_str!("robustness/000_payload.txt"),
    ),
    (
        "001_payload.txt",
        include_str!("robustness/001_payload.txt"),
    ),
    ("catalog.toml", include_str!("robustness/catalog.toml")),
];

/// Elements or attributes that would mean a payload became markup.
const LIVE_MARKUP: &str = "
    const body = document.body;
    // The app's own paste box is a <details>; no corpus text is shown there.
    const tags = [...body.querySelectorAll('img, svg, iframe, script, object, embed, details, b')]
        .filter((e) => !e.closest('.add-articles'));
    const handlers = [...body.querySelectorAll('*')]
        .filter((e) => [...e.attributes].some((a) => a.name.startsWith('on')));
    const links = body.querySelectorAll('a[href^=\"javascript\" i]');
    return [...tags, ...handlers, ...links].map((e) => e.outerHTML.slice(0, 120))
        .concat(window.crossreadPwned === undefined ? [] : ['a payload ran: ' + window.crossreadPwned]);";

pub fn check(_dist: &Path) -> Result<(), String> {
    let work = crate::root().join("target").join("robustness");
    let seeds = work.join("seeds");
    std::fs::create_dir_all(&seeds).map_err(|e| format!("{}: {e}", seeds.display()))?;
    for (name, text) in PAYLOAD_SEEDS {
        crate::hosting::write(&seeds.join(name), text)?;
    }
    let source = read_source_dir(&seeds)?;
    let corpus =
        build_corpus(source.files, source.catalog.as_deref()).map_err(|e| e.to_string())?;
    let dist = crate::dist_into(
        &work.join("dist"),
        &DistOptions {
            seeds: Some(seeds),
            features: vec!["panic-probe"],
            strict_csp: false,
            importer: true,
            strict: true,
            ..DistOptions::default()
        },
    )?;
    let server = StaticServer::start(&dist, crate::e2e::SUB_PATH, 0)?;
    let base = format!("http://127.0.0.1:{}{}", server.port(), crate::e2e::SUB_PATH);
    let browser = Browser::start(1280, 900)?;
    let session = &browser.session;

    // Every text that looks like markup, and where it must show as text.
    let mut expected: Vec<(String, String)> = Vec::new();
    for document in &corpus.documents {
        let reader = format!("#/article/{}", document.id);
        expected.push((String::new(), document.headline.clone()));
        if let Some(outlet) = &document.outlet {
            expected.push((String::new(), outlet.clone()));
        }
        expected.push((reader.clone(), document.headline.clone()));
        for paragraph in &document.paragraphs {
            expected.push((reader.clone(), paragraph.clone()));
        }
        let removed = format!("{reader}?removed=1");
        for part in &document.boilerplate {
            expected.push((removed.clone(), part.text.clone()));
        }
    }
    expected.retain(|(_, text)| text.contains('<') || text.contains("javascript:"));
    if expected.len() < 6 {
        return Err(format!(
            "ingestion dropped the payloads, so this test would prove nothing: {expected:?}"
        ));
    }
    let mut hashes: Vec<&str> = expected.iter().map(|(h, _)| h.as_str()).collect();
    hashes.sort();
    hashes.dedup();
    for hash in hashes {
        browser.open_app(&format!("{base}{hash}"))?;
        session.wait_for("the page", "return document.querySelector('main h1');")?;
        let view = if hash.is_empty() { "the library" } else { hash };
        if let Some(dialog) = session.open_dialog()? {
            return Err(format!("{view}: a payload opened a dialog: {dialog}"));
        }
        let live = session.eval(LIVE_MARKUP, json!([]))?;
        if live.as_array().is_some_and(|l| !l.is_empty()) {
            return Err(format!("{view}: payload text became live markup: {live}"));
        }
        let visible = session.eval("return document.body.innerText;", json!([]))?;
        let visible = visible.as_str().unwrap_or("");
        for (_, text) in expected.iter().filter(|(h, _)| h == hash) {
            if !visible.contains(text.as_str()) {
                return Err(format!("{view}: the text {text:?} is not shown literally"));
            }
        }
        println!("  ok    payloads in {view} show as text and nothing runs");
    }
    let errors = session.console_errors()?;
    if !errors.is_empty() {
        return Err(format!(
            "console errors with the payload corpus: {errors:?}"
        ));
    }

    browser.open(&format!("{base}#/panic-probe"))?;
    let notice = session.wait_for(
        "the panic notice",
        "const n = document.querySelector('[role=alert].panic-notice'); return n && n.innerText;",
    )?;
    let notice = notice.as_str().unwrap_or("");
    if !notice.contains("Reload") || !notice.contains("deliberate panic") {
        return Err(format!(
            "the panic notice does not explain itself: {notice:?}"
        ));
    }
    let errors = session.console_errors()?;
    if !errors.iter().any(|e| e.contains("deliberate panic")) {
        return Err(format!(
            "the panic was not logged to the console: {errors:?}"
        ));
    }
    println!("  ok    a panic shows a readable notice: {notice:?}");
    Ok(())
}
