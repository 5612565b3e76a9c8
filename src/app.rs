//! The root component: reads the view state from the URL and shows a page.

use crate::components::library::Library;
use crate::components::reader::Reader;
use crate::components::site_header::SiteHeader;
use crate::corpus_data::corpus;
use crate::hooks::use_location_hash;
use crate::view_state::{Page, ViewState};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let hash = use_location_hash();
    let corpus = corpus();
    let (mut state, repair) = ViewState::from_hash(&hash);
    let mut notices: Vec<String> = repair.map(|r| r.0).into_iter().collect();
    let document = match &state.page {
        Page::Article { id } => match corpus.documents.iter().find(|d| &d.id == id) {
            Some(document) => Some(document),
            None => {
                notices.push(format!("There is no article “{id}” in this corpus; here is the library instead."));
                state = ViewState::library();
                None
            }
        },
        Page::Library => None,
    };
    let first_render = use_mut_ref(|| true);
    use_effect_with(state.page.clone(), move |_| {
        // A fresh load keeps the browser's own focus; later page changes
        // move focus to the new heading, as a page load would.
        if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
            focus_main_heading();
        }
    });

    html! {
        <>
            <SiteHeader current={state.page.clone()} />
            <main id="main" tabindex="-1">
                { for notices.iter().map(|notice| html! { <p class="notice" role="status">{ notice }</p> }) }
                {
                    match document {
                        Some(document) => html! { <Reader {document} state={state.clone()} /> },
                        None => html! { <Library documents={corpus.documents.as_slice()} /> },
                    }
                }
            </main>
            <footer class="site-footer">
                <p>{ "Crossread · all analysis happened when this site was built; nothing you do here leaves your browser." }</p>
            </footer>
        </>
    }
}

/// Moves keyboard and screen-reader focus to the new page's heading, as a
/// full page load would.
fn focus_main_heading() {
    use wasm_bindgen::JsCast;
    let heading = gloo::utils::document().query_selector("main h1").ok().flatten();
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = heading.focus();
    }
}
