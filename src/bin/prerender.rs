//! Writes the library and the reader view of every article (a chunked
//! site: of its newest `parts::PRERENDERED_ARTICLES`) as static HTML into
//! a built `dist/`, so text is on screen before the wasm arrives and
//! readable with JavaScript off. The app hydrates these pages (see
//! `crossread::start`).
//! A chunked site's data files (`crossread_corpus::parts`) are written here
//! too, into `data/`, and every page names the library index in a `<meta>`.
//!
//! usage: crossread-prerender DIST_DIR

use crossread::corpus_data::{corpus, set_layout, CHUNKED_SITE, DATA_DIR, DATA_META};
use crossread::view_state::{article_page_file, ViewState};
use crossread::{App, AppProps};
use crossread_corpus::parts::{write_data_files as data_files_into, Layout};
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dist) = std::env::args().nth(1) else {
        eprintln!("usage: crossread-prerender DIST_DIR");
        return ExitCode::FAILURE;
    };
    match prerender(Path::new(&dist)) {
        Ok(pages) => {
            println!("prerendered {pages} pages into {dist}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("crossread-prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(dist: &Path) -> Result<usize, String> {
    let index = dist.join("index.html");
    let template =
        std::fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    if !template.contains("<body></body>") {
        return Err(format!(
            "{}: expected an empty <body></body> to fill (already prerendered?)",
            index.display()
        ));
    }
    let corpus = corpus().map_err(str::to_string)?;
    let mut template = without_preloads(&template);
    if CHUNKED_SITE {
        let layout = layout();
        set_layout(layout);
        let library = write_data_files(dist, corpus, layout)?;
        let meta = format!("<meta name=\"{DATA_META}\" content=\"{library}\" />\n  </head>");
        template = template.replacen("</head>", &meta, 1);
    }
    write(&index, &page(&template, "", None))?;
    let prerendered = crossread::corpus_data::prerendered_articles();
    let documents = crossread_corpus::newest_first(&corpus.documents);
    for document in documents.iter().take(prerendered) {
        let route = ViewState::article(&document.id).to_hash();
        let path = dist.join(article_page_file(&document.id));
        write(&path, &page(&template, &route, Some(&document.headline)))?;
    }
    Ok(documents.len().min(prerendered) + 1)
}

/// Writes the corpus's data files into `dist/data/` and returns the name
/// of the library index.
fn write_data_files(
    dist: &Path,
    corpus: &crossread_corpus::Corpus,
    layout: Layout,
) -> Result<String, String> {
    let folder = dist.join(DATA_DIR);
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    data_files_into(corpus, layout, &mut |file| {
        let path = folder.join(&file.name);
        std::fs::write(&path, &file.bytes).map_err(|e| format!("{}: {e}", path.display()))
    })
}

/// How the data files are cut: [`Layout::default`], unless
/// `CROSSREAD_ARTICLES_PER_PACK`, `CROSSREAD_LIBRARY_PAGE`,
/// `CROSSREAD_PRERENDERED_ARTICLES` or `CROSSREAD_THREAD_FILE_CLAIMS` ask
/// for less (end-to-end tests, so that a small corpus spans several packs,
/// library pages and thread files, and some of its articles have no page
/// of their own).
fn layout() -> Layout {
    let number = |name: &str| std::env::var(name).ok().and_then(|n| n.parse().ok());
    let default = Layout::default();
    Layout {
        per_pack: number("CROSSREAD_ARTICLES_PER_PACK").unwrap_or(default.per_pack),
        page_size: number("CROSSREAD_LIBRARY_PAGE").unwrap_or(default.page_size),
        prerendered: number("CROSSREAD_PRERENDERED_ARTICLES").unwrap_or(default.prerendered),
        thread_file_claims: number("CROSSREAD_THREAD_FILE_CLAIMS")
            .unwrap_or(default.thread_file_claims),
    }
}

fn write(path: &Path, html: &str) -> Result<(), String> {
    std::fs::write(path, html).map_err(|e| format!("{}: {e}", path.display()))
}

/// The template with the app's HTML for `route` in its body.
fn page(template: &str, route: &str, title: Option<&str>) -> String {
    let props = AppProps {
        route: route.to_string().into(),
    };
    let body =
        futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render());
    let mut html = template.replacen(
        "<body></body>",
        &format!(
            "<body data-prerendered data-route=\"{}\">{body}</body>",
            escape(route)
        ),
        1,
    );
    if let (Some(title), Some(start), Some(end)) =
        (title, html.find("<title>"), html.find("</title>"))
    {
        html.replace_range(
            start + "<title>".len()..end,
            &format!("{} · Crossread", escape(title)),
        );
    }
    html
}

/// Drops Trunk's `<link rel="preload">`/`modulepreload` of the wasm and its
/// glue: with the text already in the page, they only compete with the
/// stylesheet for bandwidth and delay the first paint; the module script
/// still fetches both as soon as the page is parsed.
fn without_preloads(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link") {
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if !(tag.contains("rel=\"preload\"") || tag.contains("rel=\"modulepreload\"")) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preloads_go_and_other_links_stay() {
        let head = r#"<link rel="stylesheet" href="./a.css"/><link rel="modulepreload" href="./x.js"><link rel="preload" href="./x_bg.wasm" as="fetch"><link rel="icon" href="data:,">"#;
        assert_eq!(
            without_preloads(head),
            r#"<link rel="stylesheet" href="./a.css"/><link rel="icon" href="data:,">"#
        );
    }
}
