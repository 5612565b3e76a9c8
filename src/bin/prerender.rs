//! Writes the library and every reader view as static HTML into a built
//! `dist/`, so text is on screen before the wasm arrives and readable with
//! JavaScript off. The app hydrates these pages (see `crossread::start`).
//!
//! usage: crossread-prerender DIST_DIR

use crossread::corpus_data::corpus;
use crossread::view_state::{article_page_file, ViewState};
use crossread::{App, AppProps};
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
    write(&index, &page(&template, "", None))?;
    for document in &corpus.documents {
        let route = ViewState::article(&document.id).to_hash();
        let path = dist.join(article_page_file(&document.id));
        write(&path, &page(&template, &route, Some(&document.headline)))?;
    }
    Ok(corpus.documents.len() + 1)
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

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
