//! Reading and writing the plain JavaScript objects that the page, the
//! analyser worker and IndexedDB pass around.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// A field of an object; `undefined` if it has none.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A string field, if it is a string.
pub fn text(object: &JsValue, key: &str) -> Option<String> {
    get(object, key).as_string()
}

/// An object with these fields.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}
