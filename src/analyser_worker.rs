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
//! - `add`, `files: [File | {text}]`: read, check and add files (pasted
//!   text is named after its first line).
//! - `remove`, `name`; `remove-all`.
//! - `set-facts`, `name`, `outlet`, `published`, `authors`.
//! - `dismiss`: forget the last task's report.
//! - `export`, `what: "json" | "tar"`: the merged corpus as `crossread/1`
//!   JSON, or the reader's files and their catalog as a seeds archive.
//!
//! The worker keeps the task's state and answers each library command
//! with `{type: "view", id, busy, files: [name], status, list, reset,
//! corpus?}`: the status and "Your articles" panels as element trees
//! ([`crate::importer_view`], rendered by [`crate::view_tree`]; `null`
//! when there is none), sent when the task starts, at most every 40 ms
//! while it runs, and when it ends; `corpus` (postcard) when the corpus
//! changed, `reset` when no added file is left. An `export` answers
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
use crate::importer_view::{list_view, status_view, Listed, Node, Task};
use crate::js_message::{get, object};
use crate::reader_articles::{
    check_before_reading, pasted_name, reader_catalog, AddedFile, ReaderFacts,
};
use crossread_corpus::bundle::seeds_archive;
use crossread_corpus::charset::label_not_decoded_here;
use crossread_corpus::ingest::check_text;
use crossread_corpus::{Batch, Corpus, Document, Format, Problem, Provenance};
use js_sys::{Array, Uint8Array};
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageChannel, MessageEvent, TextDecoder};

thread_local! {
    /// Batches asked to stop.
    static CANCELLED: RefCell<BTreeSet<u32>> = const { RefCell::new(BTreeSet::new()) };
    /// The reader's files, once read from storage.
    static FILES: RefCell<Option<Vec<AddedFile>>> = const { RefCell::new(None) };
    /// The corpus of the site's and the reader's articles last analysed.
    static CORPUS: RefCell<Option<Corpus>> = const { RefCell::new(None) };
    /// The task shown in the status panel.
    static TASK: RefCell<Option<Task>> = const { RefCell::new(None) };
    /// When the view was last sent (ms).
    static LAST_VIEW: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
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
            "restore" | "add" | "remove" | "remove-all" | "set-facts" | "export" | "dismiss" => {
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
    if kind == "dismiss" {
        TASK.with(|t| *t.borrow_mut() = None);
        post_view(id, false, false);
        return;
    }
    let site = match site_documents(&data).await {
        Ok(site) => site,
        Err(problem) => return site_unavailable(id, &kind, problem),
    };
    let mut errors: Vec<String> = Vec::new();
    let mut files = match FILES.with(|f| f.borrow().clone()) {
        Some(files) => files,
        None => browser_store::load().await.unwrap_or_else(|problem| {
            errors.push(format!("Your stored articles could not be read: {problem}"));
            Vec::new()
        }),
    };
    let name = get(&data, "name").as_string().unwrap_or_default();
    let mut first_new = files.len();
    let mut rows: Vec<String> = Vec::new();
    let title = match kind.as_str() {
        "add" => {
            // Pasted text comes without a name: it is named after its first
            // line, unique among the site's and the reader's files.
            let mut taken: Vec<String> = site.iter().map(|d| d.file.clone()).collect();
            taken.extend(files.iter().map(|f| f.name.clone()));
            for item in Array::from(&get(&data, "files")).iter() {
                let name = match get(&item, "name").as_string() {
                    Some(name) => name,
                    None => {
                        let text = get(&item, "text").as_string().unwrap_or_default();
                        let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
                        let name = pasted_name(&text, &taken);
                        let _ = js_sys::Reflect::set(&item, &"name".into(), &name.as_str().into());
                        name
                    }
                };
                taken.push(name.clone());
                rows.push(name);
            }
            match rows.as_slice() {
                [one] => format!("Adding {one}"),
                many => format!("Adding {} files", many.len()),
            }
        }
        "remove" => format!("Removed {name}"),
        "remove-all" => "Removed every added article".to_string(),
        "set-facts" => format!("Facts set for {name}"),
        "export" => String::new(),
        _ => format!("Loaded {} from this browser", files.len()),
    };
    if kind != "export" {
        TASK.with(|t| {
            *t.borrow_mut() = Some(Task {
                title,
                running: true,
                rows: rows.into_iter().map(|name| (name, None)).collect(),
                errors: Vec::new(),
            })
        });
        post_view(id, false, false);
    }
    let mut store_result: Result<(), String> = Ok(());
    let mut places: Vec<usize> = Vec::new();
    match kind.as_str() {
        "add" => {
            let (new, new_places) = read_files(&get(&data, "files")).await;
            files.extend(new);
            places = new_places;
        }
        "remove" => {
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
            let text = |key: &str| get(&data, key).as_string().unwrap_or_default();
            let facts = ReaderFacts {
                outlet: text("outlet"),
                published: text("published"),
                authors: text("authors"),
            };
            if let Err(problem) = facts.catalog_entry(&name) {
                // Nothing changes: no new analysis, no new corpus.
                errors.push(format!("{name}: {problem}"));
                end_task(errors);
                post_view(id, false, false);
                return;
            }
            if let Some(position) = files.iter().position(|f| f.name == name) {
                files[position].facts = facts;
                store_result = browser_store::save(&files[position..=position]).await;
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
        errors.push("Cancelled: nothing from this batch was added.".into());
        end_task(errors);
        post_view(id, false, false);
        return;
    };
    // A new file that fails is not kept (its row says why). A kept file
    // that fails now (say the site gained an article with its id) is
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
    let reset = shown.is_empty();
    FILES.with(|f| *f.borrow_mut() = Some(shown));
    CORPUS.with(|c| *c.borrow_mut() = (!reset).then_some(corpus));
    end_task(errors);
    post_view(id, true, reset);
}

fn end_task(errors: Vec<String>) {
    TASK.with(|t| {
        if let Some(task) = t.borrow_mut().as_mut() {
            task.running = false;
            task.errors.extend(errors);
        }
    });
}

/// One file of an `add` is done: its row is updated, and the view is sent
/// at most every 40 ms.
fn report_row(id: u32, place: usize, outcome: Result<&str, &str>) {
    TASK.with(|t| {
        if let Some(row) = t
            .borrow_mut()
            .as_mut()
            .and_then(|task| task.rows.get_mut(place))
        {
            row.1 = Some(outcome.map(str::to_string).map_err(str::to_string));
        }
    });
    let now = js_sys::Date::now();
    if now - LAST_VIEW.with(|l| l.get()) >= 40.0 {
        post_view(id, false, false);
    }
}

/// Sends the page what to show: the status and "Your articles" panels,
/// the names of the reader's files, whether a task runs, and (with
/// `send_corpus`) the merged corpus, or `reset` when no file is left.
fn post_view(id: u32, send_corpus: bool, reset: bool) {
    LAST_VIEW.with(|l| l.set(js_sys::Date::now()));
    let (status, busy) = TASK.with(|t| {
        let task = t.borrow();
        let status = task.as_ref().map(|task| tree(&status_view(task)));
        (
            status.unwrap_or(JsValue::NULL),
            task.as_ref().is_some_and(|t| t.running),
        )
    });
    let files = FILES.with(|f| f.borrow().clone()).unwrap_or_default();
    let list = CORPUS.with(|c| {
        let corpus = c.borrow();
        let listed: Vec<Listed> = files
            .iter()
            .map(|f| Listed {
                name: &f.name,
                facts: &f.facts,
                document: corpus
                    .as_ref()
                    .and_then(|c| c.documents.iter().find(|d| d.file == f.name)),
            })
            .collect();
        list_view(&listed, busy)
            .map(|n| tree(&n))
            .unwrap_or(JsValue::NULL)
    });
    let names: Array = files
        .iter()
        .map(|f| JsValue::from(f.name.as_str()))
        .collect();
    let mut fields: Vec<(&str, JsValue)> = vec![
        ("busy", busy.into()),
        ("files", names.into()),
        ("status", status),
        ("list", list),
        ("reset", reset.into()),
    ];
    if send_corpus && !reset {
        let bytes = CORPUS.with(|c| c.borrow().as_ref().map(postcard::to_allocvec));
        if let Some(Ok(bytes)) = bytes {
            fields.push(("corpus", Uint8Array::from(bytes.as_slice()).into()));
        }
    }
    post("view", id, &fields);
}

/// A [`Node`] as the page's [`crate::view_tree::render`] reads it.
fn tree(node: &Node) -> JsValue {
    match node {
        Node::Text(text) => JsValue::from(text.as_str()),
        Node::Element {
            tag,
            attributes,
            children,
        } => {
            let pairs: Array = attributes
                .iter()
                .map(|(k, v)| JsValue::from(Array::of2(&(*k).into(), &v.as_str().into())))
                .collect();
            let kids: Array = children.iter().map(tree).collect();
            Array::of3(&(*tag).into(), &pairs, &kids).into()
        }
    }
}

/// The site's documents from the command's `site`: postcard bytes, or
/// the URL of a chunked site's whole corpus, fetched once and kept. A
/// command without `site` has none.
async fn site_documents(data: &JsValue) -> Result<Vec<Document>, String> {
    let site = get(data, "site");
    let bytes = if let Some(url) = site.as_string() {
        fetched_site(&url)
            .await
            .map_err(|problem| format!("The site's articles could not be loaded: {problem}."))?
    } else if site.is_instance_of::<Uint8Array>() {
        Rc::new(Uint8Array::new(&site).to_vec())
    } else {
        return Ok(Vec::new());
    };
    postcard::from_bytes::<Corpus>(&bytes)
        .map(|corpus| corpus.documents)
        .map_err(|e| format!("The site's articles could not be read ({e})."))
}

/// Without the site's articles nothing is analysed or stored (a corpus of
/// the reader's articles alone would hide the site's): the task ends with
/// the problem, and the reader can try again.
fn site_unavailable(id: u32, kind: &str, problem: String) {
    if kind == "export" {
        post_library_error(id, &problem);
        return;
    }
    TASK.with(|t| {
        *t.borrow_mut() = Some(Task {
            title: "Your articles were not changed".to_string(),
            running: false,
            rows: Vec::new(),
            errors: vec![problem],
        })
    });
    post_view(id, false, false);
}

/// The bytes at `url`, fetched on first use.
async fn fetched_site(url: &str) -> Result<Rc<Vec<u8>>, String> {
    thread_local! {
        static SITE: RefCell<Option<(String, Rc<Vec<u8>>)>> = const { RefCell::new(None) };
    }
    let kept = SITE.with(|s| s.borrow().clone());
    if let Some((_, bytes)) = kept.filter(|(kept_url, _)| kept_url == url) {
        return Ok(bytes);
    }
    let bytes = Rc::new(crate::fetch::data_file(url).await?);
    SITE.with(|s| *s.borrow_mut() = Some((url.to_string(), bytes.clone())));
    Ok(bytes)
}

/// Reads the files of an `add`: a `File` (checked for size and extension
/// before it is read) or `{name, text}`. A file that cannot be read gets
/// its row's message now and is left out; the others come with their
/// place (row) in the `add`, for their outcome after analysis.
async fn read_files(list: &JsValue) -> (Vec<AddedFile>, Vec<usize>) {
    let list = Array::from(list);
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
            Err(problem) => TASK.with(|t| {
                if let Some(row) = t
                    .borrow_mut()
                    .as_mut()
                    .and_then(|task| task.rows.get_mut(index))
                {
                    row.1 = Some(Err(problem));
                }
            }),
        }
    }
    (files, places)
}

/// Analyses the site's documents with `files`. File `first_new + k` fills
/// row `places[k]` of the task and can be cancelled before. Returns the
/// corpus and each file's outcome, or `None` if cancelled.
async fn analyse_files(
    id: u32,
    site: Vec<Document>,
    files: &[AddedFile],
    first_new: usize,
    places: &[usize],
) -> Option<(Corpus, Vec<Result<(), String>>)> {
    let catalog = reader_catalog(files).to_toml();
    let (mut batch, _) = Batch::new(Some(&catalog), Provenance::Reader, site);
    let mut accepted = Vec::with_capacity(files.len());
    for (index, file) in files.iter().enumerate() {
        let place = index.checked_sub(first_new).and_then(|k| places.get(k));
        if place.is_some() && was_cancelled(id) {
            return None;
        }
        let result = batch
            .add(&file.name, &decoded(&file.name, &file.bytes))
            .map(|document| document.headline.clone())
            .map_err(|e| e.to_string());
        if let Some(&place) = place {
            report_row(id, place, result.as_deref().map_err(String::as_str));
            yield_to_messages().await;
        }
        accepted.push(result.map(drop));
    }
    Some((batch.finish(), accepted))
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
            // The corpus the page shows, as analysed last; analysed again
            // only if this worker has not analysed the reader's files yet.
            let json = CORPUS.with(|c| c.borrow().as_ref().map(serde_json::to_string_pretty));
            let json = json.unwrap_or_else(|| {
                let catalog = reader_catalog(files).to_toml();
                let (mut batch, _) = Batch::new(Some(&catalog), Provenance::Reader, site);
                for file in files {
                    // Files that fail are not in the corpus the page shows either.
                    let _ = batch.add(&file.name, &decoded(&file.name, &file.bytes));
                }
                serde_json::to_string_pretty(&batch.finish())
            });
            json.map(|json| ("crossread-corpus.json", "application/json", json.into()))
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
    match site_documents(&request).await {
        Ok(site) => existing.extend(site),
        Err(problem) => errors.push(problem),
    }
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
        match batch.add(&name, &decoded(&name, &file_bytes(&file))) {
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

/// A saved page in a legacy encoding that the corpus crate leaves to its
/// caller (GBK, Shift_JIS, KOI8-R, ...: `charset::label_not_decoded_here`),
/// decoded by the browser's `TextDecoder` as UTF-8 bytes; the build decodes
/// it with `encoding_rs`, the same WHATWG standard. Any other file, or a
/// label the browser does not know, is left as it is (ingestion refuses it
/// as before). The reader's stored file keeps its own bytes.
fn decoded<'a>(name: &str, bytes: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
    let label = Some(name)
        .filter(|name| Format::of(name) == Some(Format::Html))
        .filter(|name| {
            check_text(name, bytes).is_err_and(|e| matches!(e.problem, Problem::NotUtf8 { .. }))
        })
        .and_then(|_| label_not_decoded_here(bytes));
    let text = label.and_then(|label| {
        let decoder = TextDecoder::new_with_label(&label).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    });
    match text {
        Some(text) => text.into_bytes().into(),
        None => bytes.into(),
    }
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
