//! `cargo xtask dist --single-file`: one HTML file with the wasm, its
//! JavaScript glue and the styles inlined, for reading offline by opening
//! the file from disk. A `file://` page cannot fetch modules or wasm, so the
//! glue (wasm-bindgen `--target web`, as Trunk emits it) becomes part of an
//! inline module script without its `export`s, and the wasm travels as
//! base64 inside it. The page keeps a strict policy of its own: only its two
//! inline blocks, by hash, and nothing from anywhere else.

use crate::browser::Browser;
use crate::hosting::{self, read};
use base64::Engine;
use serde_json::json;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "crossread.html";

/// Writes `dist/crossread.html` from a built `dist/` and returns its path.
pub fn write(dist: &Path) -> Result<PathBuf, String> {
    if dist.join("data").is_dir() {
        return Err(format!(
            "{} was built chunked (its corpus in data files, which a page opened from a file cannot fetch); `cargo xtask dist --single-file` builds one that embeds it",
            dist.display()
        ));
    }
    let index = read(&dist.join("index.html"))?;
    // The loader script names the glue and the wasm (the preload links that
    // also name them are dropped from prerendered pages).
    let js_href = quoted_after(&index, "import('").or_else(|_| quoted_after(&index, "from '"))?;
    let wasm_href = quoted_after(&index, "module_or_path: '")?;
    let glue = read(&dist.join(js_href))?;
    let wasm_path = dist.join(wasm_href);
    let wasm = std::fs::read(&wasm_path)
        .map_err(|e| format!("cannot read {}: {e}", wasm_path.display()))?;
    let script = format!(
        "{}\n{{\nconst wasm = await __wbg_init({{ module_or_path: Uint8Array.from(atob(\"{}\"), (c) => c.charCodeAt(0)) }});\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n}}\n",
        without_exports(&glue)?,
        base64::engine::general_purpose::STANDARD.encode(&wasm)
    );
    if script.contains("</script") {
        return Err("the glue contains a closing script tag; it cannot be inlined".into());
    }
    let mut page = index.clone();
    // Every stylesheet, in page order, becomes one inline style block.
    let mut css = String::new();
    while let Ok(href) = link_href(&page, "rel=\"stylesheet\"") {
        css.push_str(&read(&dist.join(href))?);
        css.push('\n');
        page = without_element(&page, "<link", "rel=\"stylesheet\"", ">")?;
    }
    if css.contains("</style") {
        return Err("a stylesheet contains a closing tag; it cannot be inlined".into());
    }
    for marker in ["rel=\"modulepreload\"", "type=\"application/wasm\""] {
        if let Ok(without) = without_element(&page, "<link", marker, ">") {
            page = without;
        }
    }
    page = without_element(&page, "<script", "type=\"module\"", "</script>")?;
    let head_end = page
        .find("</head>")
        .ok_or("dist/index.html has no </head>")?;
    page.insert_str(
        head_end,
        &format!("<style>{css}</style>\n<script type=\"module\">{script}</script>\n"),
    );
    let policy = hosting::self_contained_policy(&[script.as_str()], &[css.as_str()]);
    let page = hosting::with_meta_policy(&page, &policy);
    let out = dist.join(FILE_NAME);
    hosting::write(&out, &page)?;
    Ok(out)
}

/// The `'`-quoted file name right after `prefix` (in Trunk's loader script),
/// without `./`.
fn quoted_after<'a>(html: &'a str, prefix: &str) -> Result<&'a str, String> {
    let start = html
        .find(prefix)
        .ok_or_else(|| format!("dist/index.html has no {prefix:?} (not Trunk's loader?)"))?;
    let rest = &html[start + prefix.len()..];
    let end = rest
        .find('\'')
        .ok_or("unterminated file name in Trunk's loader")?;
    Ok(rest[..end].trim_start_matches("./"))
}

/// The `href` of the `<link>` whose tag contains `marker`, without `./`.
fn link_href<'a>(html: &'a str, marker: &str) -> Result<&'a str, String> {
    html.match_indices("<link")
        .map(|(at, _)| &html[at..at + html[at..].find('>').unwrap_or(0)])
        .find(|tag| tag.contains(marker))
        .and_then(|tag| tag.split("href=\"").nth(1))
        .and_then(|rest| rest.split('"').next())
        .map(|href| href.trim_start_matches("./"))
        .ok_or_else(|| format!("dist/index.html has no <link {marker}> (not Trunk's output?)"))
}

/// `html` without the first element that starts with `open`, has `marker`
/// in its opening tag and ends with `close`.
fn without_element(html: &str, open: &str, marker: &str, close: &str) -> Result<String, String> {
    for (at, _) in html.match_indices(open) {
        let tag_end = at + html[at..].find('>').unwrap_or(0);
        if html[at..tag_end].contains(marker) {
            let end = html[at..]
                .find(close)
                .map(|e| at + e + close.len())
                .ok_or_else(|| format!("unclosed {open} {marker} in dist/index.html"))?;
            return Ok(format!("{}{}", &html[..at], &html[end..]));
        }
    }
    Err(format!("dist/index.html has no {open} {marker}"))
}

/// The glue as a plain script: `export { … }` lines dropped, `export`
/// keywords removed. An `import` would need a file, so it is refused.
fn without_exports(glue: &str) -> Result<String, String> {
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        if line.starts_with("import ") {
            return Err(format!("the wasm-bindgen glue imports a file: {line}"));
        }
        if line.starts_with("export {") {
            continue;
        }
        out.push_str(line.strip_prefix("export ").unwrap_or(line));
        out.push('\n');
    }
    if !out.contains("async function __wbg_init(") {
        return Err("the wasm-bindgen glue has no __wbg_init (a different wasm-bindgen?)".into());
    }
    Ok(out)
}

/// Opens the one file alone, copied away from the rest of `dist/`, via
/// `file://` in headless Chromium: every headline is listed, a deep link
/// opens its article, nothing else is requested and the console stays clean.
pub fn check(dist: &Path) -> Result<(), String> {
    let corpus = crate::bench::seeds_corpus()?;
    let built = write(dist)?;
    let alone = crate::root().join("target").join("single-file-check");
    std::fs::create_dir_all(&alone).map_err(|e| format!("{}: {e}", alone.display()))?;
    let file = alone.join(FILE_NAME);
    std::fs::copy(&built, &file).map_err(|e| format!("cannot copy {}: {e}", built.display()))?;
    let url = format!("file://{}", file.display());
    let browser = Browser::start(1280, 900)?;
    let session = &browser.session;

    browser.open(&url)?;
    let count = corpus.documents.len();
    session
        .wait_for(
            "the library in the one-file build",
            &format!("return document.querySelectorAll('.article-entry').length === {count};"),
        )
        .map_err(|e| format!("{e}; console: {:?}", session.console_errors()))?;
    let mut shown: Vec<String> = serde_json::from_value(session.eval(
        "return Array.from(document.querySelectorAll('.article-entry .headline')).map(e => e.textContent.trim());",
        json!([]),
    )?)
    .map_err(|e| e.to_string())?;
    let mut expected: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| d.headline.clone())
        .collect();
    shown.sort();
    expected.sort();
    if shown != expected {
        return Err(format!(
            "one-file build lists {shown:?}, expected {expected:?}"
        ));
    }
    let requests = session.eval(
        "return performance.getEntriesByType('resource').map(e => e.name);",
        json!([]),
    )?;
    if requests.as_array().is_some_and(|r| !r.is_empty()) {
        return Err(format!(
            "the one-file build requested other files: {requests}"
        ));
    }
    for document in &corpus.documents {
        browser.open(&format!("{url}#/article/{}", document.id))?;
        session.wait_for(
            &format!("the article {} in the one-file build", document.id),
            &format!(
                "const h = document.querySelector('main h1'); return h && h.textContent.trim() === {};",
                json!(document.headline)
            ),
        )?;
    }
    // Adding articles needs a worker, which a file:// page cannot start:
    // the page says so instead of failing in silence.
    browser.open(&url)?;
    session.eval(
        "document.querySelector('.paste').open = true; document.querySelector('#paste-text').value = 'A headline\\n\\nA body sentence.';",
        json!([]),
    )?;
    session.click(".paste button[type=submit]")?;
    session.wait_for(
        "the message that adding articles needs http(s)",
        "return Array.from(document.querySelectorAll('[role=alert]')).some((e) => e.textContent.includes('served over http'));",
    )?;
    let errors = session.console_errors()?;
    if !errors.is_empty() {
        return Err(format!("console errors in the one-file build: {errors:?}"));
    }
    println!(
        "  ok    {} ({} KB) opened from file:// lists {count} headlines, opens each deep link, and says adding articles needs http(s)",
        FILE_NAME,
        std::fs::metadata(&file)
            .map(|m| m.len() / 1024)
            .unwrap_or(0)
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_are_removed_and_imports_refused() {
        let glue = "function a() {}\nasync function __wbg_init(m) {}\nexport function b() {}\nexport { a, __wbg_init as default };\n";
        let plain = without_exports(glue).unwrap();
        assert!(!plain.contains("export"), "{plain}");
        assert!(plain.contains("function b()"));
        assert!(without_exports("import x from './y.js';\n").is_err());
    }

    #[test]
    fn links_are_found_by_marker() {
        let html = r#"<link rel="stylesheet" href="./app-1.css" integrity="x"/><link rel="preload" href="./a_bg.wasm" as="fetch" type="application/wasm">"#;
        assert_eq!(link_href(html, "rel=\"stylesheet\"").unwrap(), "app-1.css");
        assert_eq!(
            link_href(html, "type=\"application/wasm\"").unwrap(),
            "a_bg.wasm"
        );
        let stripped = without_element(html, "<link", "rel=\"stylesheet\"", ">").unwrap();
        assert!(!stripped.contains("app-1.css"));
    }
}
