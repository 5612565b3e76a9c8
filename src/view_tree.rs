//! Renders a panel the analyser worker described ([`crate::importer_view`])
//! as Yew nodes. Only the tags and attributes listed here are made; text is
//! always a text node; links may only point into the app (`#/…`). Clicks on
//! `data-action` buttons and submits of `data-action` forms are the
//! panel's only behaviour, handled by the caller through one delegated
//! listener (see [`action_of`]).

use crate::js_message::get;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue};
use yew::virtual_dom::{VTag, VText};
use yew::Html;

const TAGS: &[&str] = &[
    "section", "h2", "p", "ul", "li", "span", "a", "div", "form", "label", "input", "button",
    "progress",
];
const ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "role",
    "aria-label",
    "aria-labelledby",
    "aria-busy",
    "data-file",
    "data-action",
    "data-name",
    "for",
    "name",
    "type",
    "placeholder",
    "max",
    "value",
    "disabled",
    "href",
];

/// A tree as the worker sends it: a string is a text; an element is
/// `[tag, [[name, value], …], [child, …]]`.
pub fn render(node: &JsValue) -> Html {
    if let Some(text) = node.as_string() {
        return VText::new(text).into();
    }
    let parts = Array::from(node);
    let tag_name = parts.get(0).as_string().unwrap_or_default();
    let Some(tag_name) = TAGS.iter().find(|t| **t == tag_name) else {
        return Html::default();
    };
    let mut tag = VTag::new(*tag_name);
    for pair in Array::from(&parts.get(1)).iter() {
        let pair = Array::from(&pair);
        let (name, value) = (pair.get(0).as_string(), pair.get(1).as_string());
        let (Some(name), Some(value)) = (name, value) else {
            continue;
        };
        let Some(name) = ATTRIBUTES.iter().find(|a| **a == name) else {
            continue;
        };
        if *name == "href" && !value.starts_with("#/") {
            continue;
        }
        if *name == "value" && *tag_name == "input" {
            tag.set_value(Some(value));
        } else {
            tag.add_attribute(name, value);
        }
    }
    for child in Array::from(&parts.get(2)).iter() {
        tag.add_child(render(&child));
    }
    tag.into()
}

/// The `data-action` (and `data-name`) of the element an event came from,
/// or of the nearest element around it that has one.
pub fn action_of(event: &web_sys::Event) -> Option<(String, String, web_sys::Element)> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let element = target.closest("[data-action]").ok()??;
    let action = element.get_attribute("data-action")?;
    let name = element.get_attribute("data-name").unwrap_or_default();
    Some((action, name, element))
}

/// The value of a form's field called `name`.
pub fn field(form: &web_sys::Element, name: &str) -> String {
    form.query_selector(&format!("[name={name}]"))
        .ok()
        .flatten()
        .map(|element| get(&element, "value"))
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}
