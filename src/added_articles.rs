//! The corpus a reader sees: the site's own articles plus the ones they
//! added, shared with every view. The analyser worker owns the reader's
//! files and the state of the task on them (reading, storage, analysis,
//! progress, and the markup of the status and "Your articles" panels); this
//! module sends it what the reader asks for and keeps what it answers, so
//! the first download carries as little of the importer as possible.
//!
//! One task runs at a time; while it runs, only Cancel is taken.

use crate::analyser_client::{self, Answer, Command};
use crate::corpus_data::CorpusRef;
use crate::js_message::get;
use crate::reader_articles::ReaderFacts;
use crossread_corpus::{Corpus, Document};
use js_sys::{Array, Uint8Array};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// Set in `localStorage` while the reader has added articles, so a page
/// load starts the worker only for readers who have some.
const HAS_ADDED: &str = "crossread.added-articles";

/// What the page shows and what a reader can ask of it.
#[derive(Clone, PartialEq)]
pub struct AddedArticles {
    pub corpus: CorpusRef,
    /// The names of the reader's files.
    pub files: Rc<Vec<String>>,
    pub busy: bool,
    /// The worker's status and "Your articles" panels, if any.
    pub status: Option<JsValue>,
    pub list: Option<JsValue>,
    /// A problem the page met itself (the worker cannot start, files given
    /// while a task runs).
    pub notice: Rc<Option<String>>,
    pub request: Callback<Request>,
}

impl AddedArticles {
    /// The site's own articles only: the build without the importer.
    pub fn site_only(corpus: CorpusRef) -> AddedArticles {
        AddedArticles {
            corpus,
            files: Rc::default(),
            busy: false,
            status: None,
            list: None,
            notice: Rc::default(),
            request: Callback::noop(),
        }
    }

    /// Whether `document` came from the reader's files.
    pub fn is_added(&self, document: &Document) -> bool {
        self.files.contains(&document.file)
    }
}

/// Something a reader asked for.
pub enum Request {
    /// Picked or dropped files.
    Add(Vec<web_sys::File>),
    /// Pasted text (the analyser names it after its first line).
    Paste(String),
    Remove(String),
    RemoveAll,
    SetFacts(String, ReaderFacts),
    /// `"json"` or `"tar"`.
    Download(&'static str),
    Cancel,
    Dismiss,
}

#[derive(Clone, PartialEq)]
struct Model {
    embedded: CorpusRef,
    corpus: CorpusRef,
    files: Rc<Vec<String>>,
    busy: bool,
    status: Option<JsValue>,
    list: Option<JsValue>,
    notice: Rc<Option<String>>,
}

enum Change {
    View(JsValue),
    Notice(Option<String>),
}

impl Reducible for Model {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::Notice(notice) => next.notice = Rc::new(notice),
            Change::View(data) => {
                next.busy = get(&data, "busy").is_truthy();
                let panel =
                    |value: JsValue| (!value.is_null() && !value.is_undefined()).then_some(value);
                next.status = panel(get(&data, "status"));
                next.list = panel(get(&data, "list"));
                next.files = Rc::new(
                    Array::from(&get(&data, "files"))
                        .iter()
                        .filter_map(|f| f.as_string())
                        .collect(),
                );
                if get(&data, "reset").is_truthy() {
                    next.corpus = next.embedded.clone();
                }
                match corpus_of(&get(&data, "corpus")) {
                    Ok(Some(corpus)) => next.corpus = CorpusRef::new(corpus),
                    Ok(None) => {}
                    Err(problem) => next.notice = Rc::new(Some(problem)),
                }
            }
        }
        Rc::new(next)
    }
}

/// The corpus in a `view` answer, if it brings one.
fn corpus_of(value: &JsValue) -> Result<Option<Corpus>, String> {
    if value.is_undefined() {
        return Ok(None);
    }
    postcard::from_bytes(&Uint8Array::new(value).to_vec())
        .map(Some)
        .map_err(|e| format!("The analysed corpus could not be read ({e})."))
}

fn has_added() -> bool {
    let storage = gloo::utils::window().local_storage().ok().flatten();
    storage.is_some_and(|s| s.get_item(HAS_ADDED).ok().flatten().is_some())
}

fn set_has_added(count: u32) {
    if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
        let _ = match count {
            0 => storage.remove_item(HAS_ADDED),
            n => storage.set_item(HAS_ADDED, &n.to_string()),
        };
    }
}

/// The shared state. Restores the reader's stored files after the first
/// render (so a prerendered page hydrates unchanged), starting the worker
/// only if this browser has some.
#[hook]
pub fn use_added_articles(embedded: CorpusRef) -> AddedArticles {
    let model = use_reducer(|| Model {
        corpus: embedded.clone(),
        embedded,
        files: Rc::default(),
        busy: false,
        status: None,
        list: None,
        notice: Rc::default(),
    });
    // The id of the last command, for Cancel.
    let last = use_mut_ref(|| Cell::new(0u32));
    let listener = {
        let dispatcher = model.dispatcher();
        Callback::from(move |answer: Answer| match answer.kind.as_str() {
            "view" => {
                let files = get(&answer.data, "files");
                if !get(&answer.data, "busy").is_truthy() {
                    set_has_added(Array::from(&files).length());
                }
                dispatcher.dispatch(Change::View(answer.data));
            }
            "export" => {
                let text = |key: &str| get(&answer.data, key).as_string().unwrap_or_default();
                crate::download::save(&get(&answer.data, "data"), &text("mime"), &text("name"));
            }
            "error" => {
                let message = get(&answer.data, "message").as_string().unwrap_or_default();
                dispatcher.dispatch(Change::Notice(Some(format!(
                    "Nothing was changed: {message}"
                ))));
            }
            _ => {}
        })
    };
    let run = {
        let (dispatcher, last) = (model.dispatcher(), last.clone());
        move |command: Command| {
            dispatcher.dispatch(Change::Notice(None));
            match analyser_client::send(command, Some(listener.clone())) {
                Ok(id) => last.borrow().set(id),
                Err(problem) => dispatcher.dispatch(Change::Notice(Some(problem))),
            }
        }
    };
    {
        let run = run.clone();
        use_effect_with((), move |_| {
            if cfg!(feature = "importer") && has_added() {
                run(Command::Restore);
            }
        });
    }
    let request = if !cfg!(feature = "importer") {
        Callback::noop()
    } else {
        let (busy, dispatcher) = (model.busy, model.dispatcher());
        Callback::from(move |request: Request| {
            if busy {
                let refused = match request {
                    Request::Cancel => {
                        let _ = analyser_client::send(Command::Cancel(last.borrow().get()), None);
                        return;
                    }
                    // Files given meanwhile are named, not lost in silence.
                    Request::Add(files) => files.iter().map(web_sys::File::name).collect(),
                    Request::Paste(_) => vec!["the pasted text".to_string()],
                    _ => return,
                };
                let names: Vec<String> = refused;
                dispatcher.dispatch(Change::Notice(Some(format!(
                    "Not added, as another task was running: {}. Add them again once it ends.",
                    names.join(", ")
                ))));
                return;
            }
            run(match request {
                Request::Add(files) => Command::Add(files, Vec::new()),
                Request::Paste(text) => Command::Add(Vec::new(), vec![text]),
                Request::Remove(name) => Command::Remove(name),
                Request::RemoveAll => Command::RemoveAll,
                Request::SetFacts(name, facts) => Command::SetFacts {
                    name,
                    outlet: facts.outlet,
                    published: facts.published,
                    authors: facts.authors,
                },
                Request::Download(what) => Command::Export(what),
                Request::Dismiss => Command::Dismiss,
                Request::Cancel => return,
            })
        })
    };
    AddedArticles {
        corpus: model.corpus.clone(),
        files: model.files.clone(),
        busy: model.busy,
        status: model.status.clone(),
        list: model.list.clone(),
        notice: model.notice.clone(),
        request,
    }
}
