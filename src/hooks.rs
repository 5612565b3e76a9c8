//! Reusable hooks: the URL hash as state, and navigation that updates it.

use crate::view_state::ViewState;
use yew::prelude::*;

/// Moves between views by changing the URL hash. `push` adds a history
/// entry (a reader's deliberate step); `replace` does not (typing in the
/// search box, moving a selection), so Back skips keystrokes.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    hash: UseStateHandle<String>,
}

impl Navigator {
    pub fn push(&self, state: &ViewState) {
        self.go(state, false);
    }

    pub fn replace(&self, state: &ViewState) {
        self.go(state, true);
    }

    fn go(&self, state: &ViewState, replace: bool) {
        let hash = state.to_hash();
        if *self.hash == hash {
            return;
        }
        if let Ok(history) = gloo::utils::window().history() {
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if replace {
                history.replace_state_with_url(&null, "", Some(&hash))
            } else {
                history.push_state_with_url(&null, "", Some(&hash))
            };
        }
        self.hash.set(hash);
    }
}

/// The current `location.hash` and a navigator. The hash follows links,
/// back/forward and edits of the address bar. `route` is the view of a
/// prerendered page, used while the URL has no hash.
#[hook]
pub fn use_navigation(route: &str) -> (String, Navigator) {
    let route = route.to_string();
    let hash = use_state(move || {
        Some(current_hash())
            .filter(|h| !h.is_empty())
            .unwrap_or(route)
    });
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listeners: Vec<gloo::events::EventListener> = ["hashchange", "popstate"]
                .into_iter()
                .map(|event| {
                    let hash = hash.clone();
                    gloo::events::EventListener::new(&window, event, move |_| {
                        hash.set(current_hash())
                    })
                })
                .collect();
            move || drop(listeners)
        });
    }
    ((*hash).clone(), Navigator { hash })
}

/// The location hash; empty outside a browser (the prerenderer).
pub fn current_hash() -> String {
    if !cfg!(target_arch = "wasm32") {
        return String::new();
    }
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Files dropped anywhere on the page go to `on_files`. While files are
/// dragged over the page, `<html>` has the class `dropping` (styled as a
/// drop target); other drags (text, links) are left to the browser.
#[hook]
pub fn use_file_drop(on_files: Callback<Vec<web_sys::File>>) {
    // The listeners live for the page; they call the newest callback.
    let latest = use_mut_ref(|| on_files.clone());
    *latest.borrow_mut() = on_files;
    use_effect_with((), move |_| {
        let listeners = cfg!(feature = "importer").then(|| file_drop_listeners(latest));
        move || std::mem::drop(listeners)
    });
}

fn file_drop_listeners(
    latest: std::rc::Rc<std::cell::RefCell<Callback<Vec<web_sys::File>>>>,
) -> [gloo::events::EventListener; 3] {
    use crate::components::add_articles::{drags_files, dropped_files};
    use wasm_bindgen::JsCast;
    let window = gloo::utils::window();
    let mark = |on: bool| {
        if let Some(root) = gloo::utils::document().document_element() {
            let _ = root.class_list().toggle_with_force("dropping", on);
        }
    };
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    let over =
        gloo::events::EventListener::new_with_options(&window, "dragover", options, move |event| {
            if drags_files(event) {
                event.prevent_default();
                mark(true);
            }
        });
    let leave = gloo::events::EventListener::new(&window, "dragleave", move |event| {
        let left_page = event
            .dyn_ref::<web_sys::DragEvent>()
            .is_some_and(|e| e.related_target().is_none());
        if left_page {
            mark(false);
        }
    });
    let drop =
        gloo::events::EventListener::new_with_options(&window, "drop", options, move |event| {
            if !drags_files(event) {
                return;
            }
            event.prevent_default();
            mark(false);
            if let Some(drag) = event.dyn_ref::<web_sys::DragEvent>() {
                let files = dropped_files(drag);
                if !files.is_empty() {
                    latest.borrow().emit(files);
                }
            }
        });
    [over, leave, drop]
}
