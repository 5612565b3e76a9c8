//! `crossread-analyser`: the corpus analysis as a Web Worker, so a reader's
//! own files are analysed in the page by the same `crossread-corpus` code as
//! the build, without freezing the page. Trunk builds it from
//! `<link data-trunk rel="rust" data-bin="crossread-analyser"
//! data-type="worker" data-loader-shim />` into
//! `crossread-analyser_loader.js` (+ `.js`, `_bg.wasm`), which nothing
//! loads until the page starts `new Worker("./crossread-analyser_loader.js")`.
//!
//! Messages (plain objects; wait for `ready` before posting):
//!
//! - in `{type: "analyse", id, files: [{name, bytes: Uint8Array | ArrayBuffer}
//!   or {name, text}], catalog?: TOML string, facts?: "catalog" | "reader",
//!   documents?: JSON array of documents already in the corpus,
//!   site?: Uint8Array, a postcard-encoded corpus whose documents join too
//!   (the page sends the site's embedded corpus as it is),
//!   format?: "json" | "postcard"}`
//! - in `{type: "cancel", id}`: stops the batch before its next file.
//! - out `{type: "ready"}` once, when the worker can take batches.
//! - out `{type: "progress", id, index, total, file, ok, document?, headline?,
//!   error?}` after each file; `error` names the file.
//! - out `{type: "done", id, cancelled, errors: [string], corpus}`: the
//!   analysed corpus (JSON `crossread/1` string, or postcard bytes as a
//!   `Uint8Array`) of `documents` plus every good file; on cancel, of the
//!   files done so far.

#[cfg(target_arch = "wasm32")]
fn main() {
    worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "crossread-analyser runs in a browser Web Worker: build the site with `cargo xtask dist`"
    );
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use crossread_corpus::{Batch, Document, Provenance};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use std::cell::RefCell;
    use std::collections::BTreeSet;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

    /// Batches asked to stop.
    type Cancelled = Rc<RefCell<BTreeSet<u32>>>;

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let cancelled: Cancelled = Rc::default();
        let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
            match get(&data, "type").as_string().as_deref() {
                Some("analyse") => {
                    cancelled.borrow_mut().remove(&id);
                    wasm_bindgen_futures::spawn_local(run(id, data, cancelled.clone()));
                }
                Some("cancel") => {
                    cancelled.borrow_mut().insert(id);
                }
                other => post(&message(
                    "error",
                    id,
                    &[("message", format!("unknown message type {other:?}").into())],
                )),
            }
        });
        scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        onmessage.forget();
        post(&message("ready", 0, &[]));
    }

    async fn run(id: u32, request: JsValue, cancelled: Cancelled) {
        let facts = match get(&request, "facts").as_string().as_deref() {
            Some("reader") => Provenance::Reader,
            _ => Provenance::Catalog,
        };
        let mut errors: Vec<String> = Vec::new();
        let mut existing: Vec<Document> = match get(&request, "documents").as_string() {
            Some(json) => serde_json::from_str(&json).unwrap_or_else(|e| {
                errors.push(format!("documents: not a JSON array of documents ({e})"));
                Vec::new()
            }),
            None => Vec::new(),
        };
        let site = get(&request, "site");
        if site.is_instance_of::<Uint8Array>() {
            let bytes = Uint8Array::new(&site).to_vec();
            match postcard::from_bytes::<crossread_corpus::Corpus>(&bytes) {
                Ok(corpus) => existing.extend(corpus.documents),
                Err(e) => errors.push(format!("site: not a postcard corpus ({e})")),
            }
        }
        let catalog = get(&request, "catalog").as_string();
        let (mut batch, problem) = Batch::new(catalog.as_deref(), facts, existing);
        errors.extend(problem.map(|p| p.to_string()));
        let files: Array = get(&request, "files").dyn_into().unwrap_or_default();
        let total = files.length();
        let mut was_cancelled = false;
        for index in 0..total {
            if cancelled.borrow().contains(&id) {
                was_cancelled = true;
                break;
            }
            let file = files.get(index);
            let name = get(&file, "name")
                .as_string()
                .unwrap_or_else(|| format!("file {}", index + 1));
            let bytes = file_bytes(&file);
            let mut fields: Vec<(&str, JsValue)> = vec![
                ("index", index.into()),
                ("total", total.into()),
                ("file", name.as_str().into()),
            ];
            match batch.add(&name, &bytes) {
                Ok(document) => {
                    fields.push(("ok", true.into()));
                    fields.push(("document", document.id.as_str().into()));
                    fields.push(("headline", document.headline.as_str().into()));
                }
                Err(error) => {
                    let error = error.to_string();
                    fields.push(("ok", false.into()));
                    fields.push(("error", error.as_str().into()));
                    errors.push(error);
                }
            }
            post(&message("progress", id, &fields));
            // Let a "cancel" message in before the next file.
            yield_to_messages().await;
        }
        was_cancelled |= cancelled.borrow_mut().remove(&id);
        let corpus = batch.finish();
        let encoded: Result<JsValue, String> = match get(&request, "format").as_string().as_deref()
        {
            Some("postcard") => postcard::to_allocvec(&corpus)
                .map(|bytes| Uint8Array::from(bytes.as_slice()).into())
                .map_err(|e| e.to_string()),
            _ => serde_json::to_string(&corpus)
                .map(JsValue::from)
                .map_err(|e| e.to_string()),
        };
        let errors_js: Array = errors.iter().map(|e| JsValue::from(e.as_str())).collect();
        match encoded {
            Ok(corpus) => post(&message(
                "done",
                id,
                &[
                    ("cancelled", was_cancelled.into()),
                    ("errors", errors_js.into()),
                    ("corpus", corpus),
                ],
            )),
            Err(e) => post(&message(
                "error",
                id,
                &[("message", format!("cannot encode the corpus: {e}").into())],
            )),
        }
    }

    /// A file's bytes: `bytes` (Uint8Array or ArrayBuffer) or `text`
    /// (pasted text, sent as UTF-8). Anything else is empty, which ingestion
    /// reports as an empty file.
    fn file_bytes(file: &JsValue) -> Vec<u8> {
        let bytes = get(file, "bytes");
        if bytes.is_instance_of::<Uint8Array>() || bytes.is_instance_of::<js_sys::ArrayBuffer>() {
            return Uint8Array::new(&bytes).to_vec();
        }
        get(file, "text")
            .as_string()
            .map(String::into_bytes)
            .unwrap_or_default()
    }

    /// Waits for one round trip through a `MessageChannel`: a task, so
    /// messages already queued (a cancel) run first; unlike `setTimeout(0)`
    /// it is never clamped to 4 ms.
    async fn yield_to_messages() {
        let Ok(channel) = MessageChannel::new() else {
            return;
        };
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&JsValue::NULL);
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        channel.port1().close();
    }

    fn get(object: &JsValue, key: &str) -> JsValue {
        Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn message(kind: &str, id: u32, fields: &[(&str, JsValue)]) -> JsValue {
        let object = Object::new();
        let _ = Reflect::set(&object, &"type".into(), &kind.into());
        let _ = Reflect::set(&object, &"id".into(), &id.into());
        for (key, value) in fields {
            let _ = Reflect::set(&object, &(*key).into(), value);
        }
        object.into()
    }

    fn post(message: &JsValue) {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let _ = scope.post_message(message);
    }
}
