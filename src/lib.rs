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
pub mod fetch;
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
/// holds; otherwise the prerendered markup is replaced. A chunked site
/// first loads its library index (and the article the URL opens), so the
/// first render matches the prerendered page; the prerendered text stays
/// readable meanwhile, and a failed load says so with a Retry button.
pub fn start() {
    if corpus_data::FETCHES {
        wasm_bindgen_futures::spawn_local(start_with_data());
    } else {
        mount();
    }
}

async fn start_with_data() {
    if let Err(problem) = corpus_data::load_library().await {
        start_failed(&problem);
        return;
    }
    let (state, _) = view_state::ViewState::from_hash(&hooks::current_hash());
    let route = gloo::utils::document()
        .body()
        .and_then(|b| b.get_attribute("data-route"))
        .unwrap_or_default();
    let (prerendered, _) = view_state::ViewState::from_hash(&route);
    for page in [state.page, prerendered.page] {
        if let view_state::Page::Article { id } = page {
            // A failed pack shows in the reader with its own Retry.
            if let Some(pack) = corpus_data::pack_of(&id) {
                let _ = corpus_data::load(&pack).await;
            }
        }
    }
    mount();
}

/// Says that the site's data could not be loaded, above the prerendered
/// text, with a button that tries again.
fn start_failed(problem: &str) {
    let document = gloo::utils::document();
    let (Some(body), Ok(notice), Ok(text), Ok(button)) = (
        document.body(),
        document.create_element("div"),
        document.create_element("p"),
        document.create_element("button"),
    ) else {
        return;
    };
    notice.set_class_name("notice data-failed");
    let _ = notice.set_attribute("role", "alert");
    text.set_text_content(Some(&format!(
        "Crossread could not load this site's data: {problem}. The page shows its text only; check the connection and try again."
    )));
    button.set_text_content(Some("Retry"));
    let _ = button.set_attribute("type", "button");
    let _ = notice.append_child(&text);
    let _ = notice.append_child(&button);
    let _ = body.insert_before(&notice, body.first_child().as_ref());
    let retry = notice.clone();
    gloo::events::EventListener::once(&button, "click", move |_| {
        retry.remove();
        start();
    })
    .forget();
}

fn mount() {
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
