//! Keeps a reader's added files in this browser's IndexedDB, so they stay
//! across reloads until removed. Used by the analyser worker, which owns
//! the reader's files; works in a window too. The raw files and the facts set for them
//! are stored, not the analysis: every load analyses them again with the
//! site's own corpus, so a rebuilt site never shows stale results.

use crate::js_message::{get, object, text};
use crate::reader_articles::{AddedFile, ReaderFacts};
use js_sys::{Array, Promise, Reflect, Uint8Array};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

/// The database and object store, named in the page so a reader can find
/// them in the browser's storage tools.
pub const DATABASE: &str = "crossread";
pub const STORE: &str = "added-articles";

/// Every stored file, in the order they were added.
pub async fn load() -> Result<Vec<AddedFile>, String> {
    let database = open().await?;
    let store = transaction(&database, IdbTransactionMode::Readonly)?
        .object_store(STORE)
        .map_err(|e| fail("the stored articles could not be read", &e))?;
    let request = store
        .get_all()
        .map_err(|e| fail("the stored articles could not be read", &e))?;
    let records = wait(&request).await;
    database.close();
    let records = Array::from(&records?);
    let mut files: Vec<AddedFile> = records
        .iter()
        .filter_map(|record| {
            Some(AddedFile {
                name: text(&record, "name")?,
                bytes: Rc::from(Uint8Array::new(&get(&record, "bytes")).to_vec()),
                facts: ReaderFacts {
                    outlet: text(&record, "outlet").unwrap_or_default(),
                    published: text(&record, "published").unwrap_or_default(),
                    authors: text(&record, "authors").unwrap_or_default(),
                },
                order: get(&record, "order").as_f64().unwrap_or(0.0),
            })
        })
        .collect();
    files.sort_by(|a, b| a.order.total_cmp(&b.order));
    Ok(files)
}

/// Stores `files`, replacing any with the same names.
pub async fn save(files: &[AddedFile]) -> Result<(), String> {
    let database = open().await?;
    let transaction = transaction(&database, IdbTransactionMode::Readwrite)?;
    let store = object_store(&transaction)?;
    for file in files {
        let record = object(&[
            ("name", file.name.as_str().into()),
            ("bytes", Uint8Array::from(&*file.bytes).into()),
            ("outlet", file.facts.outlet.as_str().into()),
            ("published", file.facts.published.as_str().into()),
            ("authors", file.facts.authors.as_str().into()),
            ("order", file.order.into()),
        ]);
        store
            .put(&record)
            .map_err(|e| fail(&format!("{} could not be stored", file.name), &e))?;
    }
    let saved = completed(&transaction).await;
    database.close();
    saved
}

/// Forgets the file called `name`.
pub async fn remove(name: &str) -> Result<(), String> {
    let database = open().await?;
    let transaction = transaction(&database, IdbTransactionMode::Readwrite)?;
    object_store(&transaction)?
        .delete(&name.into())
        .map_err(|e| fail(&format!("{name} could not be removed"), &e))?;
    let removed = completed(&transaction).await;
    database.close();
    removed
}

/// Forgets every stored file.
pub async fn clear() -> Result<(), String> {
    let database = open().await?;
    let transaction = transaction(&database, IdbTransactionMode::Readwrite)?;
    object_store(&transaction)?
        .clear()
        .map_err(|e| fail("the stored articles could not be removed", &e))?;
    let cleared = completed(&transaction).await;
    database.close();
    cleared
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = Reflect::get(&js_sys::global(), &"indexedDB".into())
        .ok()
        .and_then(|f| f.dyn_into::<web_sys::IdbFactory>().ok())
        .ok_or("this browser does not offer IndexedDB storage here (a private window or a file:// page may block it)")?;
    let request = factory
        .open_with_u32(DATABASE, 1)
        .map_err(|e| fail("the browser storage could not be opened", &e))?;
    let on_upgrade = Closure::once_into_js(move |event: web_sys::Event| {
        let database = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok());
        if let Some(database) = database {
            if !database.object_store_names().contains(STORE) {
                let parameters = web_sys::IdbObjectStoreParameters::new();
                parameters.set_key_path(&"name".into());
                let _ = database.create_object_store_with_optional_parameters(STORE, &parameters);
            }
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    let database = wait(&request).await?;
    database
        .dyn_into::<IdbDatabase>()
        .map_err(|e| fail("the browser storage could not be opened", &e))
}

fn transaction(database: &IdbDatabase, mode: IdbTransactionMode) -> Result<IdbTransaction, String> {
    database
        .transaction_with_str_and_mode(STORE, mode)
        .map_err(|e| fail("the browser storage could not be used", &e))
}

fn object_store(transaction: &IdbTransaction) -> Result<IdbObjectStore, String> {
    transaction
        .object_store(STORE)
        .map_err(|e| fail("the browser storage could not be used", &e))
}

/// The result of a request, once it succeeds.
async fn wait(request: &IdbRequest) -> Result<JsValue, String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let on_success = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or_default());
        });
        let failed = request.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map_err(|e| fail("the browser storage refused the request", &e))
}

/// Waits until a write transaction is committed.
async fn completed(transaction: &IdbTransaction) -> Result<(), String> {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        let on_error = Closure::once_into_js(move |_: web_sys::Event| {
            let error = failed.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or_default());
        });
        transaction.set_oncomplete(Some(on_complete.unchecked_ref()));
        transaction.set_onerror(Some(on_error.clone().unchecked_ref()));
        transaction.set_onabort(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| fail("the browser storage did not save the change", &e))
}

fn fail(what: &str, error: &JsValue) -> String {
    let detail = error
        .as_string()
        .or_else(|| get(error, "message").as_string())
        .filter(|d| !d.is_empty());
    match detail {
        Some(detail) => format!("{what} ({detail})"),
        None => what.to_string(),
    }
}
