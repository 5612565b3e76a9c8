//! The page's side of the analyser Web Worker ([`crate::analyser_worker`]
//! documents the messages). The worker starts on the first command, never
//! on page load, and stays for later ones; what it answers goes to the
//! listener given with the command. No analysis, storage or file reading
//! happens on the page's side.

use crate::corpus_data::embedded_bytes;
use crate::js_message::{get, object};
use js_sys::{Array, Reflect, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

/// The loader Trunk writes for the worker, beside `index.html`.
const WORKER_URL: &str = "./crossread-analyser_loader.js";

/// A command for the worker's library of the reader's files.
pub enum Command {
    Restore,
    /// Files from a picker or a drop, and pasted texts.
    Add(Vec<web_sys::File>, Vec<String>),
    Remove(String),
    RemoveAll,
    SetFacts {
        name: String,
        outlet: String,
        published: String,
        authors: String,
    },
    /// `"json"` (the merged corpus) or `"tar"` (the reader's files).
    Export(&'static str),
    /// Forget the last task's report.
    Dismiss,
    /// Stops the batch with this id before its next file.
    Cancel(u32),
}

/// A message from the worker, with the id of the command it answers.
pub struct Answer {
    pub id: u32,
    pub kind: String,
    pub data: JsValue,
}

struct Client {
    worker: Worker,
    ready: Cell<bool>,
    /// Commands posted before the worker was ready.
    waiting: RefCell<Vec<JsValue>>,
    listener: RefCell<Callback<Answer>>,
    next_id: Cell<u32>,
    _handlers: [Closure<dyn FnMut(JsValue)>; 2],
}

thread_local! {
    static CLIENT: RefCell<Option<Rc<Client>>> = const { RefCell::new(None) };
}

/// Sends `command`; answers go to `listener`, or to the last one given.
/// Returns the command's id.
pub fn send(command: Command, listener: Option<Callback<Answer>>) -> Result<u32, String> {
    let client = client(listener)?;
    let mut id = client.next_id.get();
    client.next_id.set(id + 1);
    let is_cancel = matches!(command, Command::Cancel(_));
    let message = match command {
        Command::Restore => object(&[("type", "restore".into())]),
        Command::Add(files, pasted) => {
            let list = Array::new();
            for file in files {
                list.push(&file);
            }
            for text in pasted {
                list.push(&object(&[("text", text.into())]));
            }
            object(&[("type", "add".into()), ("files", list.into())])
        }
        Command::Remove(name) => object(&[("type", "remove".into()), ("name", name.into())]),
        Command::RemoveAll => object(&[("type", "remove-all".into())]),
        Command::SetFacts {
            name,
            outlet,
            published,
            authors,
        } => object(&[
            ("type", "set-facts".into()),
            ("name", name.into()),
            ("outlet", outlet.into()),
            ("published", published.into()),
            ("authors", authors.into()),
        ]),
        Command::Export(what) => object(&[("type", "export".into()), ("what", what.into())]),
        Command::Dismiss => object(&[("type", "dismiss".into())]),
        Command::Cancel(batch) => {
            id = batch;
            object(&[("type", "cancel".into())])
        }
    };
    let _ = Reflect::set(&message, &"id".into(), &id.into());
    if !is_cancel {
        // A chunked site embeds no corpus: the worker fetches the whole
        // one itself (once), off the page's thread.
        let site: JsValue = match crate::corpus_data::full_url() {
            Some(url) if crate::corpus_data::FETCHES => url.into(),
            _ => Uint8Array::from(embedded_bytes()).into(),
        };
        let _ = Reflect::set(&message, &"site".into(), &site);
    }
    if client.ready.get() {
        client
            .worker
            .post_message(&message)
            .map_err(|_| "the files could not be sent to the analyser".to_string())?;
    } else {
        client.waiting.borrow_mut().push(message);
    }
    Ok(id)
}

fn client(listener: Option<Callback<Answer>>) -> Result<Rc<Client>, String> {
    if let Some(client) = CLIENT.with(|c| c.borrow().clone()) {
        if let Some(listener) = listener {
            *client.listener.borrow_mut() = listener;
        }
        return Ok(client);
    }
    // Browsers refuse workers to pages opened from a file (the one-file
    // build); say so instead of a bare security error.
    if gloo::utils::window().location().protocol().ok().as_deref() == Some("file:") {
        return Err("adding articles needs the site served over http(s) (for example `cargo xtask serve`, or any static host): a page opened from a file cannot start the analyser".into());
    }
    let worker =
        Worker::new(WORKER_URL).map_err(|_| "the analyser could not be started".to_string())?;
    let on_message = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let data = event.unchecked_into::<MessageEvent>().data();
        let kind = get(&data, "type").as_string().unwrap_or_default();
        let Some(client) = CLIENT.with(|c| c.borrow().clone()) else {
            return;
        };
        if kind == "ready" {
            client.ready.set(true);
            for message in client.waiting.take() {
                let _ = client.worker.post_message(&message);
            }
            return;
        }
        let id = get(&data, "id").as_f64().unwrap_or(0.0) as u32;
        let listener = client.listener.borrow().clone();
        listener.emit(Answer { id, kind, data });
    });
    // A worker that cannot load fires `error` instead of ever being ready;
    // the task waiting for it is told, and the next command starts afresh.
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let detail = get(&event, "message").as_string().unwrap_or_default();
        if let Some(client) = CLIENT.with(|c| c.borrow_mut().take()) {
            let listener = client.listener.borrow().clone();
            let id = client.next_id.get().saturating_sub(1);
            let message = format!("the analyser stopped ({detail})");
            listener.emit(Answer {
                id,
                kind: "error".into(),
                data: object(&[("message", message.into())]),
            });
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let client = Rc::new(Client {
        worker,
        ready: Cell::new(false),
        waiting: RefCell::default(),
        listener: RefCell::new(listener.unwrap_or_else(Callback::noop)),
        next_id: Cell::new(1),
        _handlers: [on_message, on_error],
    });
    CLIENT.with(|c| *c.borrow_mut() = Some(client.clone()));
    Ok(client)
}
