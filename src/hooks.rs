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
