//! The analyser Web Worker (`crossread-analyser`, started from
//! `src/bin/analyser.rs`): the corpus analysis of a reader's own files, off
//! the page's thread and out of its first download. It owns the reader's
//! files: it reads them, keeps them in IndexedDB ([`crate::browser_store`])
//! and analyses them with the site's articles; the page only shows what it
//! reports (see [`crate::analyser_client`]).
//!
//! Messages are plain objects; wait for `{type: "ready"}` before posting.
//! Every command carries an `id`, echoed in the answers.
//!
//! Library commands (the page's "Your articles"); each takes `site`, the
//! site's corpus as postcard bytes (a `Uint8Array`), whose documents are
//! analysed with the reader's:
//! - `restore`: analyse the files kept in this browser.
//! - `add`, `files: [File | {name, text}]`: read, check and add files.
//! - `remove`, `name`; `remove-all`.
//! - `set-facts`, `name`, `outlet`, `published`, `authors`.
//! - `export`, `what: "json" | "tar"`: the merged corpus as `crossread/1`
//!   JSON, or the reader's files and their catalog as a seeds archive.
//!
//! Answers: `{type: "progress", id, index, total, file, ok, headline?,
//! error?}` per added file (`index` among the files of that `add`), then
//! `{type: "library", id, files: [{name, outlet, published, authors}],
//! corpus?: Uint8Array (postcard; absent when no file is left),
//! cancelled, errors: [string]}`; `{type: "library", id, unchanged: true,
//! errors}` when a command changed nothing (facts that cannot be read); or
//! `{type: "export", id, name, mime, data}`.
//!
//! The batch command (tools and benchmarks): `{type: "analyse", id, files:
//! [{name, bytes | text}], catalog?: TOML, facts?: "catalog" | "reader",
//! documents?: JSON array of documents, site?: postcard corpus, format?:
//! "json" | "postcard"}` answers `progress` per file, then `{type: "done",
//! id, cancelled, errors, corpus}` (JSON text or postcard bytes).
//!
//! `{type: "cancel", id}` stops an `add` or `analyse` before its next file.

use crate::browser_store;
use crate::js_message::{get, object};
use crate::reader_articles::{check_before_reading, reader_catalog, AddedFile, ReaderFacts};
use crossread_corpus::bundle::seeds_archive;
use crossread_corpus::{Batch, Corpus, Document, Provenance};
use js_sys::{Array, Uint8Array};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent};

thread_local! {
    /// Batches asked to stop.
    static CANCELLED: RefCell<BTreeSet<u32>> = const { RefCell::new(BTreeSet::new()) };
    /// The reader's files, once read from storage.
    static FILES: RefCell<Option<Vec<AddedFile>>> = const { RefCell::new(None) };
}

/// Starts answering messages.
pub fn start() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
        let kind = get(&data, "type").as_string().unwrap_or_default();
        match kind.as_str() {
            "cancel" => {
                CANCELLED.with(|c| c.borrow_mut().insert(id));
            }
            "analyse" => wasm_bindgen_futures::spawn_local(analyse_batch(id, data)),
            "restore" | "add" | "remove" | "remove-all" | "set-facts" | "export" => {
                wasm_bindgen_futures::spawn_local(library_command(kind, id, data))
            }
            other => post(
                "error",
                id,
                &[("message", format!("unknown message type {other:?}").into())],
            ),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    post("ready", 0, &[]);
}

fn was_cancelled(id: u32) -> bool {
    CANCELLED.with(|c| c.borrow().contains(&id))
}

/// One file's outcome, posted as `progress`.
fn post_progress(id: u32, index: usize, total: usize, file: &str, outcome: Result<&str, &str>) {
    let mut fields: Vec<(&str, JsValue)> = vec![
        ("index", index.into()),
        ("total", total.into()),
        ("file", file.into()),
        ("ok", outcome.is_ok().into()),
    ];
    match outcome {
        Ok(headline) => fields.push(("headline", headline.into())),
        Err(error) => fields.push(("error", error.into())),
    }
    post("progress", id, &fields);
}

async fn library_command(kind: String, id: u32, data: JsValue) {
    let mut errors: Vec<String> = Vec::new();
    let site = site_documents(&data, &mut errors);
    let mut files = match FILES.with(|f| f.borrow().clone()) {
        Some(files) => files,
        None => browser_store::load().await.unwrap_or_else(|problem| {
            errors.push(format!("Your stored articles could not be read: {problem}"));
            Vec::new()
        }),
    };
    let mut first_new = files.len();
    let mut store_result: Result<(), String> = Ok(());
    let mut places = Places::default();
    match kind.as_str() {
        "add" => {
            let (new, new_places) = read_files(id, &get(&data, "files")).await;
            files.extend(new);
            places = new_places;
        }
        "remove" => {
            let name = get(&data, "name").as_string().unwrap_or_default();
            files.retain(|f| f.name != name);
            first_new = files.len();
            store_result = browser_store::remove(&name).await;
        }
        "remove-all" => {
            files.clear();
            first_new = 0;
            store_result = browser_store::clear().await;
        }
        "set-facts" => {
            let name = get(&data, "name").as_string().unwrap_or_default();
            let text = |key: &str| get(&data, key).as_string().unwrap_or_default();
            let facts = ReaderFacts {
                outlet: text("outlet"),
                published: text("published"),
                authors: text("authors"),
            };
            match facts.catalog_entry(&name) {
                Err(problem) => {
                    // Nothing changes: no new analysis, no new corpus.
                    errors.push(format!("{name}: {problem}"));
                    let fields = [("unchanged", true.into()), ("errors", strings(&errors))];
                    post("library", id, &fields);
                    return;
                }
                Ok(_) => {
                    if let Some(position) = files.iter().position(|f| f.name == name) {
                        files[position].facts = facts;
                        let one = &files[position..=position];
                        store_result = browser_store::save(one).await;
                    }
                }
            }
        }
        "export" => {
            export(
                id,
                &get(&data, "what").as_string().unwrap_or_default(),
                site,
                &files,
            );
            return;
        }
        _ => {}
    }
    if let Err(problem) = store_result {
        errors.push(format!(
            "This browser's storage refused the change: {problem}"
        ));
    }
    let outcome = analyse_files(id, site, &files, first_new, &places).await;
    CANCELLED.with(|c| c.borrow_mut().remove(&id));
    let Some((corpus, accepted)) = outcome else {
        // Cancelled: nothing from this batch is kept.
        FILES.with(|f| {
            let mut kept = f.borrow_mut();
            if kept.is_none() {
                *kept = Some(files[..first_new].to_vec());
            }
        });
        post_library(id, &files[..first_new], None, true, &errors);
        return;
    };
    // A new file that fails is not kept (its progress said why). A kept
    // file that fails now (say the site gained an article with its id) is
    // named, stays in the list and in storage, and is back in the corpus
    // once the reason is gone.
    let mut shown: Vec<AddedFile> = Vec::new();
    let mut new_files: Vec<AddedFile> = Vec::new();
    for (index, (file, result)) in files.iter().zip(&accepted).enumerate() {
        match result {
            Ok(()) if index >= first_new => new_files.push(file.clone()),
            Ok(()) => shown.push(file.clone()),
            Err(problem) if index < first_new => {
                errors.push(problem.clone());
                shown.push(file.clone());
            }
            Err(_) => {}
        }
    }
    if !new_files.is_empty() {
        if let Err(problem) = browser_store::save(&new_files).await {
            errors.push(format!(
                "The new articles are shown but this browser's storage did not keep them: {problem}"
            ));
        }
    }
    shown.extend(new_files);
    FILES.with(|f| *f.borrow_mut() = Some(shown.clone()));
    let corpus = (!shown.is_empty()).then_some(corpus);
    post_library(id, &shown, corpus.as_ref(), false, &errors);
}

/// The site's documents from the command's `site` bytes.
fn site_documents(data: &JsValue, errors: &mut Vec<String>) -> Vec<Document> {
    let site = get(data, "site");
    if !site.is_instance_of::<Uint8Array>() {
        return Vec::new();
    }
    match postcard::from_bytes::<Corpus>(&Uint8Array::new(&site).to_vec()) {
        Ok(corpus) => corpus.documents,
        Err(e) => {
            errors.push(format!("The site's articles could not be read ({e})."));
            Vec::new()
        }
    }
}

/// Reads the files of an `add`: a `File` (checked for size and extension
/// before it is read) or `{name, text}`. A file that cannot be read gets
/// its `progress` now and is left out; the others come with their place
/// in the `add`, for their `progress` after analysis.
async fn read_files(id: u32, list: &JsValue) -> (Vec<AddedFile>, Places) {
    let list = Array::from(list);
    let total = list.length() as usize;
    let mut files = Vec::new();
    let mut places = Vec::new();
    for (index, item) in list.iter().enumerate() {
        let name = get(&item, "name")
            .as_string()
            .unwrap_or_else(|| format!("file {}", index + 1));
        let bytes: Result<Vec<u8>, String> = match item.dyn_ref::<web_sys::File>() {
            Some(file) => match check_before_reading(&name, file.size()) {
                Err(problem) => Err(problem),
                Ok(()) => JsFuture::from(file.array_buffer())
                    .await
                    .map(|buffer| Uint8Array::new(&buffer).to_vec())
                    .map_err(|_| format!("{name}: the browser could not read the file")),
            },
            None => Ok(get(&item, "text")
                .as_string()
                .unwrap_or_default()
                .into_bytes()),
        };
        match bytes {
            Ok(bytes) => {
                places.push(index);
                files.push(AddedFile {
                    name,
                    bytes: Rc::from(bytes),
                    facts: ReaderFacts::default(),
                    // Later than any kept file, in the order given.
                    order: js_sys::Date::now() + index as f64 / 1000.0,
                });
            }
            Err(problem) => post_progress(id, index, total, &name, Err(&problem)),
        }
    }
    (
        files,
        Places {
            of_new: places,
            total,
        },
    )
}

/// Where the new files of an `add` sit in it (files that could not be
/// read are not analysed), and how many files it had.
#[derive(Default)]
struct Places {
    of_new: Vec<usize>,
    total: usize,
}

/// Analyses the site's documents with `files`. Files from `first_new` on
/// get a `progress` message each and can be cancelled between. Returns
/// the corpus and each file's outcome, or `None` if cancelled.
async fn analyse_files(
    id: u32,
    site: Vec<Document>,
    files: &[AddedFile],
    first_new: usize,
    places: &Places,
) -> Option<(Corpus, Vec<Result<(), String>>)> {
    let catalog = reader_catalog(files).to_toml();
    let (mut batch, _) = Batch::new(Some(&catalog), Provenance::Reader, site);
    let mut accepted = Vec::with_capacity(files.len());
    for (index, file) in files.iter().enumerate() {
        let place = index
            .checked_sub(first_new)
            .and_then(|k| places.of_new.get(k));
        if place.is_some() && was_cancelled(id) {
            return None;
        }
        let result = batch
            .add(&file.name, &file.bytes)
            .map(|document| document.headline.clone())
            .map_err(|e| e.to_string());
        if let Some(&place) = place {
            let outcome = result.as_deref().map_err(String::as_str);
            post_progress(id, place, places.total, &file.name, outcome);
            yield_to_messages().await;
        }
        accepted.push(result.map(drop));
    }
    Some((batch.finish(), accepted))
}

fn post_library(
    id: u32,
    files: &[AddedFile],
    corpus: Option<&Corpus>,
    cancelled: bool,
    errors: &[String],
) {
    let list: Array = files
        .iter()
        .map(|f| {
            object(&[
                ("name", f.name.as_str().into()),
                ("outlet", f.facts.outlet.as_str().into()),
                ("published", f.facts.published.as_str().into()),
                ("authors", f.facts.authors.as_str().into()),
            ])
        })
        .collect();
    let mut fields: Vec<(&str, JsValue)> = vec![
        ("files", list.into()),
        ("cancelled", cancelled.into()),
        ("errors", strings(errors)),
    ];
    if let Some(corpus) = corpus {
        match postcard::to_allocvec(corpus) {
            Ok(bytes) => fields.push(("corpus", Uint8Array::from(bytes.as_slice()).into())),
            Err(e) => fields.push((
                "errors",
                strings(&[format!("The corpus could not be sent ({e}).")]),
            )),
        }
    }
    post("library", id, &fields);
}

/// Answers an `export`: made from the kept files, whatever the page shows.
fn export(id: u32, what: &str, site: Vec<Document>, files: &[AddedFile]) {
    let made: Result<(&str, &str, JsValue), String> = match what {
        "tar" => {
            let contents: Vec<(String, Vec<u8>)> = files
                .iter()
                .map(|f| (f.name.clone(), f.bytes.to_vec()))
                .collect();
            seeds_archive("crossread-added", &contents, &reader_catalog(files)).map(|tar| {
                let data = Uint8Array::from(tar.as_slice()).into();
                ("crossread-added.tar", "application/x-tar", data)
            })
        }
        _ => {
            let catalog = reader_catalog(files).to_toml();
            let (mut batch, _) = Batch::new(Some(&catalog), Provenance::Reader, site);
            for file in files {
                // Files that fail are not in the corpus the page shows either.
                let _ = batch.add(&file.name, &file.bytes);
            }
            serde_json::to_string_pretty(&batch.finish())
                .map(|json| ("crossread-corpus.json", "application/json", json.into()))
                .map_err(|e| e.to_string())
        }
    };
    match made {
        Ok((name, mime, data)) => post(
            "export",
            id,
            &[("name", name.into()), ("mime", mime.into()), ("data", data)],
        ),
        Err(problem) => {
            post_library_error(id, &format!("The download could not be made: {problem}"))
        }
    }
}

fn post_library_error(id: u32, problem: &str) {
    post("error", id, &[("message", problem.into())]);
}

/// The batch command: files in, analysed corpus out, nothing kept.
async fn analyse_batch(id: u32, request: JsValue) {
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
    existing.extend(site_documents(&request, &mut errors));
    let catalog = get(&request, "catalog").as_string();
    let (mut batch, problem) = Batch::new(catalog.as_deref(), facts, existing);
    errors.extend(problem.map(|p| p.to_string()));
    let files = Array::from(&get(&request, "files"));
    let total = files.length() as usize;
    let mut cancelled = false;
    for (index, file) in files.iter().enumerate() {
        if was_cancelled(id) {
            cancelled = true;
            break;
        }
        let name = get(&file, "name")
            .as_string()
            .unwrap_or_else(|| format!("file {}", index + 1));
        match batch.add(&name, &file_bytes(&file)) {
            Ok(document) => {
                let headline = document.headline.clone();
                post_progress(id, index, total, &name, Ok(&headline));
            }
            Err(error) => {
                let error = error.to_string();
                post_progress(id, index, total, &name, Err(&error));
                errors.push(error);
            }
        }
        // Let a "cancel" message in before the next file.
        yield_to_messages().await;
    }
    cancelled |= CANCELLED.with(|c| c.borrow_mut().remove(&id));
    let corpus = batch.finish();
    let encoded: Result<JsValue, String> = match get(&request, "format").as_string().as_deref() {
        Some("postcard") => postcard::to_allocvec(&corpus)
            .map(|bytes| Uint8Array::from(bytes.as_slice()).into())
            .map_err(|e| e.to_string()),
        _ => serde_json::to_string(&corpus)
            .map(JsValue::from)
            .map_err(|e| e.to_string()),
    };
    match encoded {
        Ok(corpus) => post(
            "done",
            id,
            &[
                ("cancelled", cancelled.into()),
                ("errors", strings(&errors)),
                ("corpus", corpus),
            ],
        ),
        Err(e) => post_library_error(id, &format!("cannot encode the corpus: {e}")),
    }
}

/// A file's bytes: `bytes` (Uint8Array or ArrayBuffer) or `text` (sent as
/// UTF-8). Anything else is empty, which ingestion reports as an empty file.
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
/// messages already queued (a cancel) run first; unlike `setTimeout(0)` it
/// is never clamped to 4 ms.
async fn yield_to_messages() {
    let Ok(channel) = MessageChannel::new() else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        channel.port1().set_onmessage(Some(&resolve));
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
    channel.port1().close();
}

fn strings(list: &[String]) -> JsValue {
    list.iter()
        .map(|s| JsValue::from(s.as_str()))
        .collect::<Array>()
        .into()
}

fn post(kind: &str, id: u32, fields: &[(&str, JsValue)]) {
    let mut all: Vec<(&str, JsValue)> = vec![("type", kind.into()), ("id", id.into())];
    all.extend(fields.iter().cloned());
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let _ = scope.post_message(&object(&all));
}
