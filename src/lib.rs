//! Crossread's web app: renders the corpus analysed at build time.
//!
//! The app only renders and holds UI state; everything it shows was computed
//! by `crossread-corpus`. UI state lives in the URL hash ([`view_state`]), so
//! every view is a link that works on any static host.

pub mod added_articles;
pub mod analyser_client;
pub mod analyser_worker;
pub mod app;
pub mod browser_store;
pub mod compare;
pub mod components;
pub mod corpus_data;
pub mod download;
pub mod explore;
pub mod filters;
pub mod format;
pub mod hooks;
pub mod importer_view;
pub mod js_message;
pub mod reader_articles;
pub mod search;
pub mod time_marks;
pub mod timeline;
pub mod view_state;
pub mod view_tree;

pub use app::{App, AppProps};

/// Mounts the app on `<body>`. A prerendered page (see
/// `src/bin/prerender.rs`) is hydrated when the URL asks for the view it
/// holds; otherwise the prerendered markup is replaced.
pub fn start() {
    let Some(body) = gloo::utils::document().body() else {
        return;
    };
    let route = body.get_attribute("data-route").unwrap_or_default();
    let hash = hooks::current_hash();
    let prerendered = body.has_attribute("data-prerendered");
    let props = AppProps {
        route: route.clone().into(),
    };
    let renderer = yew::Renderer::<App>::with_root_and_props(body.clone().into(), props);
    if prerendered && (hash.is_empty() || hash == route) {
        renderer.hydrate();
    } else {
        body.set_text_content(None);
        renderer.render();
    }
    // Says the page is live (not only prerendered text), for tests and
    // scripts that must not act on the static page.
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-app", "running");
    }
}
