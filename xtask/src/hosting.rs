//! What a static host needs beyond Trunk's output, applied to every built
//! site: a `404.html` for hosts that serve one on a miss (GitHub Pages and
//! the like), and a strict Content-Security-Policy. Trunk loads the app with
//! an inline module script, so the policy allows exactly that script by its
//! SHA-256 hash instead of `'unsafe-inline'`. The policy goes into
//! `_headers` (read by Netlify- and Cloudflare-style hosts) and into a
//! `<meta http-equiv>` in `index.html` for hosts that cannot set headers.

use crate::browser::Browser;
use crate::server::StaticServer;
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::path::Path;

pub const NOT_FOUND_PAGE: &str = "404.html";
pub const HEADERS_FILE: &str = "_headers";

/// Adds the hosting files to a freshly built `dist` directory. `strict_csp`
/// is false only for test builds that must see what the app itself does
/// with hostile text, without the policy's safety net.
pub fn finish(dist: &Path, strict_csp: bool) -> Result<(), String> {
    write(&dist.join(NOT_FOUND_PAGE), &not_found_page())?;
    if !strict_csp {
        return Ok(());
    }
    let index_path = dist.join("index.html");
    let index = read(&index_path)?;
    let scripts = inline_elements(&index, "script");
    let styles = inline_elements(&index, "style");
    let served = site_policy(&scripts, &styles, Delivery::Header);
    let meta = site_policy(&scripts, &styles, Delivery::Meta);
    write(&index_path, &with_meta_policy(&index, &meta))?;
    write(
        &dist.join(HEADERS_FILE),
        &format!(
            "/*\n  Content-Security-Policy: {served}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n"
        ),
    )
}

/// How a policy reaches the browser: some directives only work as a header
/// (`frame-ancestors` in a `<meta>` is ignored with a console error).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    Header,
    Meta,
}

/// The policy for the served site: its own files, the hashed inline code,
/// compiled WebAssembly, and nothing from elsewhere.
pub fn site_policy(scripts: &[&str], styles: &[&str], delivery: Delivery) -> String {
    let mut directives = vec![
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{}", hashes(scripts)),
        format!("style-src 'self'{}", hashes(styles)),
        "img-src 'self' data:".into(),
        "connect-src 'self'".into(),
        "object-src 'none'".into(),
        "base-uri 'none'".into(),
        "form-action 'none'".into(),
    ];
    if delivery == Delivery::Header {
        directives.push("frame-ancestors 'none'".into());
    }
    directives.join("; ")
}

/// The policy for a page that must not load anything at all (the one-file
/// build, the 404 page): only the hashed inline code runs.
pub fn self_contained_policy(scripts: &[&str], styles: &[&str]) -> String {
    let script_src = if scripts.is_empty() {
        "script-src 'none'".to_string()
    } else {
        format!("script-src 'wasm-unsafe-eval'{}", hashes(scripts))
    };
    let style_src = if styles.is_empty() {
        "style-src 'none'".to_string()
    } else {
        format!("style-src{}", hashes(styles))
    };
    [
        "default-src 'none'",
        &script_src,
        &style_src,
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    .join("; ")
}

/// ` 'sha256-…'` for each inline block, as CSP hashes them (the exact text
/// between the tags).
fn hashes(blocks: &[&str]) -> String {
    blocks
        .iter()
        .map(|block| {
            let digest = Sha256::digest(block.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect()
}

/// The text of every inline `<tag>` element (scripts with a `src` excluded).
/// Enough for the HTML Trunk and this crate write, not a general parser.
pub fn inline_elements<'a>(html: &'a str, tag: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{tag}"), format!("</{tag}>"));
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(head_end) = after.find('>') else {
            break;
        };
        let head = &after[..head_end];
        let body = &after[head_end + 1..];
        let Some(body_end) = body.find(&close) else {
            break;
        };
        if !head.contains(" src=") {
            found.push(&body[..body_end]);
        }
        rest = &body[body_end + close.len()..];
    }
    found
}

/// `html` with a CSP `<meta>` right after the charset declaration (it must
/// precede everything it governs), replacing an earlier one.
pub fn with_meta_policy(html: &str, policy: &str) -> String {
    let html = without_meta_policy(html);
    let tag = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\" />");
    let anchor = [
        "<meta charset=\"utf-8\" />",
        "<meta charset=\"utf-8\">",
        "<head>",
    ]
    .iter()
    .find_map(|a| html.find(a).map(|at| at + a.len()))
    .unwrap_or(0);
    format!("{}{tag}{}", &html[..anchor], &html[anchor..])
}

fn without_meta_policy(html: &str) -> String {
    let marker = "<meta http-equiv=\"Content-Security-Policy\"";
    match html.find(marker) {
        Some(start) => {
            let end = html[start..]
                .find('>')
                .map_or(html.len(), |e| start + e + 1);
            let start = html[..start].trim_end_matches([' ', '\n']).len();
            format!("{}{}", &html[..start], &html[end..])
        }
        None => html.to_string(),
    }
}

/// The page a host shows for an address that is not a file. Views live in
/// the URL hash, so a miss is a mistyped path: send the reader home.
fn not_found_page() -> String {
    let policy = self_contained_policy(&[], &[]);
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="{policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Page not found · Crossread</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <main>
      <h1>Page not found</h1>
      <p>There is nothing at this address. Every article is reached from
      <a href="./">the Crossread library</a>; links to an article end in
      <code>#/article/…</code>.</p>
    </main>
  </body>
</html>
"#
    )
}

/// The `Content-Security-Policy` value a built site's `_headers` asks for.
pub fn served_policy(dist: &Path) -> Result<String, String> {
    let headers = read(&dist.join(HEADERS_FILE))?;
    headers
        .lines()
        .find_map(|line| line.trim().strip_prefix("Content-Security-Policy:"))
        .map(|value| value.trim().to_string())
        .ok_or_else(|| format!("{HEADERS_FILE} in {} has no policy", dist.display()))
}

/// Serves `dist/` under a sub-path with the policy from `_headers` as a
/// real header (the `<meta>` copy applies too) and checks in headless
/// Chromium that the library and a reader work with no console errors, that
/// the policy really refuses inline script (so a violation would have been
/// seen), and that a mistyped address gets the 404 page leading home.
pub fn check(dist: &Path) -> Result<(), String> {
    let corpus = crate::bench::seeds_corpus()?;
    let policy = served_policy(dist)?;
    if policy.contains("unsafe-inline") || !policy.contains("'sha256-") {
        return Err(format!("the policy is not strict: {policy}"));
    }
    if !read(&dist.join("index.html"))?.contains("http-equiv=\"Content-Security-Policy\"") {
        return Err("dist/index.html carries no policy for hosts without headers".into());
    }
    let server = StaticServer::start_with_headers(
        dist,
        crate::e2e::SUB_PATH,
        0,
        vec![("Content-Security-Policy".into(), policy)],
    )?;
    let base = format!("http://127.0.0.1:{}{}", server.port(), crate::e2e::SUB_PATH);
    let browser = Browser::start(1280, 900)?;
    let session = &browser.session;

    browser.open_app(&base)?;
    let count = corpus.documents.len();
    session.wait_for(
        "the library under the policy",
        &format!("return document.querySelectorAll('.article-entry').length === {count};"),
    )?;
    let document = corpus
        .documents
        .iter()
        .max_by_key(|d| d.boilerplate.len())
        .ok_or("the corpus is empty")?;
    browser.open_app(&format!("{base}#/article/{}", document.id))?;
    session.wait_for(
        "the reader under the policy",
        "return document.querySelector('.reader .toggle');",
    )?;
    session.click(".reader .toggle")?;
    session.wait_for(
        "the removed list under the policy",
        "return document.querySelectorAll('#removed-list li').length > 0;",
    )?;
    let errors = session.console_errors()?;
    if !errors.is_empty() {
        return Err(format!("console errors under the policy: {errors:?}"));
    }
    println!(
        "  ok    library and reader run under `{}` with no console errors",
        served_policy(dist)?
    );

    let injected = session.eval(
        "const s = document.createElement('script'); s.textContent = 'window.crossreadInjected = 1;'; document.head.append(s); return window.crossreadInjected === undefined;",
        json!([]),
    )?;
    let errors = session.console_errors()?;
    if injected != json!(true) || !errors.iter().any(|e| e.contains("Content Security Policy")) {
        return Err(format!(
            "an injected inline script was not refused with a reported violation (refused: {injected}, console: {errors:?})"
        ));
    }
    println!("  ok    an injected inline script is refused and the violation is reported");

    browser.open(&format!("{base}no-such-page"))?;
    session.wait_for(
        "the 404 page",
        "const h = document.querySelector('h1'); return h && h.textContent === 'Page not found';",
    )?;
    session.click("main a")?;
    session.wait_for(
        "the library, reached from the 404 page",
        &format!("return document.querySelectorAll('.article-entry').length === {count};"),
    )?;
    let errors = session.console_errors()?;
    // The miss itself is logged as a failed request; nothing else may be.
    if let Some(other) = errors.iter().find(|e| !e.contains("404")) {
        return Err(format!("console error around the 404 page: {other}"));
    }
    println!("  ok    a mistyped address shows {NOT_FOUND_PAGE}, whose link leads to the library");
    Ok(())
}

pub fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

pub fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_found_and_external_ones_skipped() {
        let html = r#"<script type="module">boot()</script><script src="a.js"></script><script>x</script>"#;
        assert_eq!(inline_elements(html, "script"), ["boot()", "x"]);
    }

    #[test]
    fn hash_matches_the_csp_example() {
        // The CSP specification's own example: sha256 of `alert('Hello, world.');`.
        assert_eq!(
            hashes(&["alert('Hello, world.');"]),
            " 'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn site_policy_allows_no_inline_script_by_name() {
        let policy = site_policy(&["boot()"], &[], Delivery::Header);
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("'sha256-") && policy.contains("frame-ancestors 'none'"));
        let meta = site_policy(&["boot()"], &[], Delivery::Meta);
        assert!(!meta.contains("frame-ancestors"), "{meta}");
    }

    #[test]
    fn meta_policy_follows_the_charset_and_replaces_an_old_one() {
        let html = "<head>\n    <meta charset=\"utf-8\" />\n    <title>t</title>";
        let once = with_meta_policy(html, "default-src 'none'");
        let twice = with_meta_policy(&once, "default-src 'self'");
        assert_eq!(twice.matches("Content-Security-Policy").count(), 1);
        assert!(twice.contains("<meta charset=\"utf-8\" />\n    <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'\" />\n    <title>"), "{twice}");
    }
}
