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
pub mod shared;
#[cfg(test)]
mod test_corpora;
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
        let (route, hydrate) = hydration();
        mount(route, hydrate);
    }
}

async fn start_with_data() {
    if let Err(problem) = corpus_data::load_library().await {
        start_failed(&problem);
        return;
    }
    // The article on screen first: the prerendered one if the app hydrates
    // it, else the one the URL asks for. Its pack comes before the first
    // render, so a hydrated reader matches the prerendered one; if it
    // fails, the app renders afresh and the reader offers Retry.
    let (route, hydrate) = hydration();
    let shown = if hydrate {
        route.clone()
    } else {
        hooks::current_hash()
    };
    let (state, _) = view_state::ViewState::from_hash(&shown);
    let mut hydrate = hydrate;
    if let view_state::Page::Article { id } = state.page {
        if let Some(pack) = corpus_data::pack_of(&id) {
            hydrate &= corpus_data::load(&pack).await.is_ok();
        }
    }
    mount(route, hydrate);
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

/// The route of the prerendered page, and whether the app hydrates it:
/// when the URL asks for the view it holds.
fn hydration() -> (String, bool) {
    let Some(body) = gloo::utils::document().body() else {
        return (String::new(), false);
    };
    let route = body.get_attribute("data-route").unwrap_or_default();
    let hash = hooks::current_hash();
    let hydrate = body.has_attribute("data-prerendered") && (hash.is_empty() || hash == route);
    (route, hydrate)
}

/// Renders the app on `<body>`, hydrating the prerendered markup of
/// `route` if `hydrate` (see [`hydration`]), else replacing it.
fn mount(route: String, hydrate: bool) {
    let Some(body) = gloo::utils::document().body() else {
        return;
    };
    let props = AppProps {
        route: route.into(),
    };
    let renderer = yew::Renderer::<App>::with_root_and_props(body.clone().into(), props);
    if hydrate {
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
