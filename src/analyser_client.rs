//! The page's side of the analyser Web Worker (`src/bin/analyser.rs`, whose
//! documentation gives the messages). The worker is started on the first
//! batch, never on page load, and kept for later batches.

use crossread_corpus::Corpus;
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

/// The loader Trunk writes for the worker, beside `index.html`.
const WORKER_URL: &str = "./crossread-analyser_loader.js";

/// What the worker said about one file.
#[derive(Clone, Debug, PartialEq)]
pub struct FileReport {
    pub index: usize,
    /// `Ok(headline)` or `Err(message naming the file)`.
    pub outcome: Result<String, String>,
}

/// A finished batch.
pub struct BatchResult {
    pub corpus: Corpus,
    pub cancelled: bool,
    /// Problems that are not about one file (e.g. the catalog).
    pub errors: Vec<String>,
}

/// One file for the worker.
pub struct FileToAnalyse {
    pub name: String,
    pub bytes: Rc<[u8]>,
}

struct Pending {
    on_progress: Box<dyn Fn(FileReport)>,
    resolve: js_sys::Function,
}

struct Client {
    worker: Worker,
    next_id: Cell<u32>,
    pending: RefCell<BTreeMap<u32, Pending>>,
    /// Resolves to `true` on the worker's `ready` message, or to
    /// `{failed: message}` if the worker cannot start.
    ready: Promise,
    _handlers: Vec<Closure<dyn FnMut(JsValue)>>,
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
}

/// Analyses `files` joined to the documents of `site` (a postcard-encoded
/// corpus, as embedded in the app) with `catalog` as reader facts.
/// `on_progress` hears about each file as it is done; `on_start` gets the
/// batch id for [`cancel`]. Resolves when the whole corpus is analysed.
pub async fn analyse(
    files: &[FileToAnalyse],
    site: &[u8],
    catalog: &str,
    on_start: impl FnOnce(u32),
    on_progress: impl Fn(FileReport) + 'static,
) -> Result<BatchResult, String> {
    let done = run_batch(files, site, catalog, "postcard", on_start, on_progress).await?;
    let bytes = Uint8Array::new(&get(&done, "corpus")).to_vec();
    let corpus: Corpus = postcard::from_bytes(&bytes)
        .map_err(|e| format!("the analysed corpus could not be read ({e})"))?;
    let errors = Array::from(&get(&done, "errors"))
        .iter()
        .filter_map(|e| e.as_string())
        .collect();
    Ok(BatchResult {
        corpus,
        cancelled: get(&done, "cancelled").as_bool().unwrap_or(false),
        errors,
    })
}

/// The same analysis as [`analyse`], as `crossread/1` JSON text (the page
/// itself has no JSON writer for a whole corpus: that stays in the worker,
/// out of the first download).
pub async fn analyse_to_json(
    files: &[FileToAnalyse],
    site: &[u8],
    catalog: &str,
) -> Result<String, String> {
    let done = run_batch(files, site, catalog, "json", |_| {}, |_| {}).await?;
    get(&done, "corpus")
        .as_string()
        .ok_or_else(|| "the analyser sent no JSON".to_string())
}

async fn run_batch(
    files: &[FileToAnalyse],
    site: &[u8],
    catalog: &str,
    format: &str,
    on_start: impl FnOnce(u32),
    on_progress: impl Fn(FileReport) + 'static,
) -> Result<JsValue, String> {
    let client = client()?;
    let ready = JsFuture::from(client.ready.clone())
        .await
        .unwrap_or(JsValue::UNDEFINED);
    if ready != JsValue::TRUE {
        return Err(describe("the analyser could not start", &ready));
    }
    let id = client.next_id.get();
    client.next_id.set(id + 1);
    let (promise, resolve) = deferred();
    client.pending.borrow_mut().insert(
        id,
        Pending {
            on_progress: Box::new(on_progress),
            resolve,
        },
    );
    let list = Array::new();
    for file in files {
        list.push(&object(&[
            ("name", file.name.as_str().into()),
            ("bytes", Uint8Array::from(&*file.bytes).into()),
        ]));
    }
    let request = object(&[
        ("type", "analyse".into()),
        ("id", id.into()),
        ("files", list.into()),
        ("site", Uint8Array::from(site).into()),
        ("catalog", catalog.into()),
        ("facts", "reader".into()),
        ("format", format.into()),
    ]);
    client
        .worker
        .post_message(&request)
        .map_err(|e| describe("the files could not be sent to the analyser", &e))?;
    on_start(id);
    let done = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
    if get(&done, "type").as_string().as_deref() != Some("done") {
        return Err(describe("the analysis failed", &done));
    }
    Ok(done)
}

/// Asks the worker to stop batch `id` before its next file.
pub fn cancel(id: u32) {
    CLIENT.with(|client| {
        if let Some(client) = &*client.borrow() {
            let message = object(&[("type", "cancel".into()), ("id", id.into())]);
            let _ = client.worker.post_message(&message);
        }
    });
}

fn client() -> Result<Rc<Client>, String> {
    if let Some(client) = CLIENT.with(|c| c.borrow().clone()) {
        return Ok(client);
    }
    // Browsers refuse workers to pages opened from a file (the one-file
    // build); say so instead of a bare security error.
    if gloo::utils::window().location().protocol().ok().as_deref() == Some("file:") {
        return Err("adding articles needs the site served over http(s) (for example `cargo xtask serve`, or any static host): a page opened from a file cannot start the analyser".into());
    }
    let worker =
        Worker::new(WORKER_URL).map_err(|e| describe("the analyser could not be started", &e))?;
    let (ready, resolve_ready) = deferred();
    let ready_resolver = resolve_ready.clone();
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let data = event.unchecked_into::<MessageEvent>().data();
        let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
        match get(&data, "type").as_string().as_deref() {
            Some("ready") => {
                let _ = ready_resolver.call1(&JsValue::NULL, &JsValue::TRUE);
            }
            Some("progress") => with_pending(id, |pending| {
                (pending.on_progress)(file_report(&data));
            }),
            Some("done") | Some("error") => {
                let finished = CLIENT.with(|c| {
                    c.borrow()
                        .as_ref()
                        .and_then(|client| client.pending.borrow_mut().remove(&id))
                });
                if let Some(pending) = finished {
                    let _ = pending.resolve.call1(&JsValue::NULL, &data);
                }
            }
            _ => {}
        }
    });
    // A worker that cannot load (no such file, or a page opened from
    // file://) fires `error` instead of ever being ready.
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let message = Reflect::get(&event, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "its script could not be loaded".into());
        gloo::console::error!(format!("The analyser worker failed: {message}"));
        let failure = object(&[("failed", message.into())]);
        let _ = resolve_ready.call1(&JsValue::NULL, &failure);
        CLIENT.with(|c| {
            if let Some(client) = c.borrow_mut().take() {
                for (_, pending) in std::mem::take(&mut *client.pending.borrow_mut()) {
                    let _ = pending.resolve.call1(&JsValue::NULL, &failure);
                }
            }
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let client = Rc::new(Client {
        worker,
        next_id: Cell::new(1),
        pending: RefCell::default(),
        ready,
        _handlers: vec![on_message, on_error],
    });
    CLIENT.with(|c| *c.borrow_mut() = Some(client.clone()));
    Ok(client)
}

fn with_pending(id: u32, f: impl FnOnce(&Pending)) {
    CLIENT.with(|c| {
        if let Some(client) = &*c.borrow() {
            if let Some(pending) = client.pending.borrow().get(&id) {
                f(pending);
            }
        }
    });
}

fn file_report(data: &JsValue) -> FileReport {
    let index = get(data, "index").as_f64().unwrap_or(0.0) as usize;
    let outcome = if get(data, "ok").as_bool().unwrap_or(false) {
        Ok(get(data, "headline").as_string().unwrap_or_default())
    } else {
        Err(get(data, "error")
            .as_string()
            .unwrap_or_else(|| "the file could not be analysed".into()))
    };
    FileReport { index, outcome }
}

/// A promise and the function that resolves it.
fn deferred() -> (Promise, js_sys::Function) {
    let mut resolver = None;
    let promise = Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
    // The executor runs synchronously, so the resolver is set.
    (promise, resolver.unwrap_or_else(js_sys::Function::default))
}

fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn describe(what: &str, error: &JsValue) -> String {
    let detail = error
        .as_string()
        .or_else(|| get(error, "message").as_string())
        .or_else(|| get(error, "failed").as_string());
    match detail {
        Some(detail) => format!("{what}: {detail}"),
        None => what.to_string(),
    }
}
