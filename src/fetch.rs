//! Fetching a chunked site's data files (`crate::corpus_data`), in the page
//! and in the analyser worker alike.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Response, Window, WorkerGlobalScope};

/// The bytes at `url` (relative to the page or the worker's script), or a
/// message naming the file and what went wrong.
pub async fn data_file(url: &str) -> Result<Vec<u8>, String> {
    let name = url.rsplit('/').next().unwrap_or(url);
    let network = |_| format!("{name} could not be fetched (the network request failed)");
    let response = JsFuture::from(request(url)?).await.map_err(network)?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| format!("{name}: the answer was not an HTTP response"))?;
    if !response.ok() {
        return Err(format!(
            "{name} could not be fetched (the server answered {} {})",
            response.status(),
            response.status_text()
        ));
    }
    let body = response
        .array_buffer()
        .map_err(|_| format!("{name}: its body could not be read"))?;
    let buffer = JsFuture::from(body).await.map_err(network)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Starts the request from the page or from a worker.
fn request(url: &str) -> Result<Promise, String> {
    let global = js_sys::global();
    if let Some(window) = global.dyn_ref::<Window>() {
        return Ok(window.fetch_with_str(url));
    }
    if let Some(worker) = global.dyn_ref::<WorkerGlobalScope>() {
        return Ok(worker.fetch_with_str(url));
    }
    Err("this page cannot fetch files".to_string())
}
