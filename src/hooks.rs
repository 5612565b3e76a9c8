//! Reusable hooks.

use yew::prelude::*;

/// The current `location.hash`, updated on every `hashchange` (links,
/// back/forward, edits of the address bar).
#[hook]
pub fn use_location_hash() -> String {
    let hash = use_state(current_hash);
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    hash.set(current_hash());
                });
            move || drop(listener)
        });
    }
    (*hash).clone()
}

pub fn current_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Replaces the hash without adding a history entry (used to repair URLs).
pub fn replace_hash(hash: &str) {
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Navigates to a hash, adding a history entry.
pub fn push_hash(hash: &str) {
    let _ = gloo::utils::window().location().set_hash(hash);
}
