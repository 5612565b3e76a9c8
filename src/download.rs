//! Saves something made in the page as a file: a Blob, an object URL and a
//! temporary link. Nothing is sent anywhere.

use wasm_bindgen::{JsCast, JsValue};

/// Saves `text` as the file `name`.
pub fn save_text(text: &str, mime: &str, name: &str) {
    save(&JsValue::from_str(text), mime, name);
}

/// Saves `data` (a string, or bytes as a `Uint8Array`) as the file `name`.
pub fn save(data: &JsValue, mime: &str, name: &str) {
    if let Err(error) = try_save(&js_sys::Array::of1(data), mime, name) {
        gloo::console::error!(format!("The download could not be made: {error:?}"));
    }
}

fn try_save(parts: &js_sys::Array, mime: &str, name: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&link)?;
    link.click();
    body.remove_child(&link)?;
    web_sys::Url::revoke_object_url(&url)
}
