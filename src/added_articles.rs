//! The corpus a reader sees: the site's own articles plus the ones they
//! added, shared with every view by context. The analyser worker owns the
//! reader's files (reading, storage, analysis); this module sends it what
//! the reader asks for and shows what it answers. Every change re-analyses
//! the whole corpus, so entities and event threads span every article.
//!
//! One task runs at a time; while it runs, only Cancel is taken.

use crate::analyser_client::{self, Answer, Command};
use crate::corpus_data::CorpusRef;
use crate::js_message::get;
use crate::reader_articles::{ReaderFacts, ReaderFile};
use crossread_corpus::{Corpus, Document};
use js_sys::{Array, Uint8Array};
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
    /// The reader's files, in the order added.
    pub files: Rc<Vec<ReaderFile>>,
    /// The current or last task; `None` once dismissed.
    pub task: Rc<Option<Task>>,
    pub request: Callback<Request>,
}

impl AddedArticles {
    /// Whether `document` came from the reader's files.
    pub fn is_added(&self, document: &Document) -> bool {
        self.files.iter().any(|f| f.name == document.file)
    }

    /// The site's own articles only: the build without the importer.
    pub fn site_only(corpus: CorpusRef) -> AddedArticles {
        AddedArticles {
            corpus,
            files: Rc::default(),
            task: Rc::default(),
            request: Callback::noop(),
        }
    }

    pub fn is_busy(&self) -> bool {
        self.task
            .as_ref()
            .as_ref()
            .is_some_and(|t| t.running.is_some())
    }
}

/// Something a reader asked for.
pub enum Request {
    /// Picked or dropped files.
    Add(Vec<web_sys::File>),
    /// Pasted text, with the file name it gets.
    Paste {
        name: String,
        text: String,
    },
    Remove(String),
    RemoveAll,
    SetFacts(String, ReaderFacts),
    /// `"json"` or `"tar"`.
    Download(&'static str),
    Cancel,
    Dismiss,
}

/// The current or last task and how its files fared.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Task {
    pub title: String,
    /// The id of the worker command while it runs; `None` once finished.
    pub running: Option<u32>,
    /// The files of an `add`, in the order given.
    pub rows: Vec<FileRow>,
    /// Problems not tied to one file row.
    pub errors: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FileRow {
    pub name: String,
    pub status: FileStatus,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FileStatus {
    Waiting,
    Added { headline: String },
    Failed { message: String },
}

#[derive(Clone, PartialEq)]
struct Model {
    embedded: CorpusRef,
    corpus: CorpusRef,
    files: Rc<Vec<ReaderFile>>,
    task: Rc<Option<Task>>,
}

enum Change {
    Start {
        title: String,
        batch: u32,
        rows: Vec<FileRow>,
    },
    Failed(String),
    /// Files given while another task ran.
    Refused(Vec<String>),
    /// `progress` answers, in order.
    Progress(Vec<Answer>),
    Answer(Answer),
    Dismiss,
}

impl Reducible for Model {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        if matches!(&change, Change::Progress(list) if list.is_empty()) {
            return self;
        }
        let mut next = (*self).clone();
        let slot = Rc::make_mut(&mut next.task);
        match change {
            Change::Start { title, batch, rows } => {
                *slot = Some(Task {
                    title,
                    running: Some(batch),
                    rows,
                    errors: Vec::new(),
                })
            }
            Change::Dismiss => *slot = None,
            Change::Failed(problem) => finish(slot, vec![problem]),
            Change::Refused(names) => {
                if let Some(task) = slot {
                    task.errors.push(format!(
                        "Not added, as another task was running: {}. Add them again once it ends.",
                        names.join(", ")
                    ));
                }
            }
            Change::Progress(answers) => {
                if let Some(task) = slot {
                    let running = task.running;
                    for answer in answers.iter().filter(|a| running == Some(a.id)) {
                        progress(task, &answer.data);
                    }
                }
            }
            Change::Answer(answer) => {
                let data = &answer.data;
                let running = slot.as_ref().and_then(|t| t.running) == Some(answer.id);
                match answer.kind.as_str() {
                    "library" if running => {
                        let mut errors = strings(&get(data, "errors"));
                        if get(data, "unchanged").is_truthy() {
                            // The corpus shown stays.
                        } else if get(data, "cancelled").is_truthy() {
                            errors.push("Cancelled: nothing from this batch was added.".into());
                        } else {
                            next.files = Rc::new(files_of(&get(data, "files")));
                            match corpus_of(&get(data, "corpus")) {
                                Ok(Some(corpus)) => next.corpus = CorpusRef::keep(corpus),
                                Ok(None) => next.corpus = next.embedded,
                                Err(problem) => errors.push(problem),
                            }
                        }
                        finish(Rc::make_mut(&mut next.task), errors);
                    }
                    "error" => {
                        let message = get(data, "message").as_string().unwrap_or_default();
                        finish(slot, vec![format!("Nothing was changed: {message}")]);
                    }
                    _ => {}
                }
            }
        }
        Rc::new(next)
    }
}

/// Ends the task, keeping its rows.
fn finish(slot: &mut Option<Task>, errors: Vec<String>) {
    let task = slot.get_or_insert_with(Task::default);
    task.running = None;
    task.errors.extend(errors);
}

fn progress(task: &mut Task, data: &JsValue) {
    let index = get(data, "index").as_f64().unwrap_or(-1.0);
    let Some(row) = task.rows.get_mut(index as usize).filter(|_| index >= 0.0) else {
        return;
    };
    row.status = if get(data, "ok").is_truthy() {
        FileStatus::Added {
            headline: get(data, "headline").as_string().unwrap_or_default(),
        }
    } else {
        FileStatus::Failed {
            message: get(data, "error").as_string().unwrap_or_default(),
        }
    };
}

fn strings(list: &JsValue) -> Vec<String> {
    Array::from(list)
        .iter()
        .filter_map(|s| s.as_string())
        .collect()
}

fn files_of(list: &JsValue) -> Vec<ReaderFile> {
    Array::from(list)
        .iter()
        .map(|file| {
            let text = |key: &str| get(&file, key).as_string().unwrap_or_default();
            ReaderFile {
                name: text("name"),
                facts: ReaderFacts {
                    outlet: text("outlet"),
                    published: text("published"),
                    authors: text("authors"),
                },
            }
        })
        .collect()
}

/// The corpus in a `library` answer; `None` when no added file is left.
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

/// Side effects of an answer: downloads, and the flag for the next load.
fn on_answer(answer: &Answer) {
    match answer.kind.as_str() {
        "export" => {
            let text = |key: &str| get(&answer.data, key).as_string().unwrap_or_default();
            crate::download::save(&get(&answer.data, "data"), &text("mime"), &text("name"));
        }
        "library" => {
            let files = get(&answer.data, "files");
            if Array::is_array(&files) {
                set_has_added(Array::from(&files).length());
            }
        }
        _ => {}
    }
}

/// The shared state. Restores the reader's stored files after the first
/// render (so a prerendered page hydrates unchanged), starting the worker
/// only if this browser has some.
#[hook]
pub fn use_added_articles(embedded: CorpusRef) -> AddedArticles {
    let model = use_reducer(|| Model {
        embedded,
        corpus: embedded,
        files: Rc::default(),
        task: Rc::default(),
    });
    // Progress is shown in batches, at most one render per 40 ms however
    // fast files come, so the page (and its Cancel button) stays responsive.
    let pending = use_mut_ref(Vec::<Answer>::new);
    let listener = {
        let dispatcher = model.dispatcher();
        Callback::from(move |answer: Answer| {
            on_answer(&answer);
            if answer.kind == "progress" {
                let first = pending.borrow().is_empty();
                pending.borrow_mut().push(answer);
                if first {
                    let (pending, dispatcher) = (pending.clone(), dispatcher.clone());
                    gloo::timers::callback::Timeout::new(40, move || {
                        dispatcher.dispatch(Change::Progress(pending.take()))
                    })
                    .forget();
                }
                return;
            }
            // Progress not shown yet comes before the end of its task.
            dispatcher.dispatch(Change::Progress(pending.take()));
            dispatcher.dispatch(Change::Answer(answer));
        })
    };
    let run = {
        let (dispatcher, listener) = (model.dispatcher(), listener.clone());
        move |command: Command, title: String, rows: Vec<FileRow>| match analyser_client::send(
            command,
            Some(listener.clone()),
        ) {
            Ok(batch) => dispatcher.dispatch(Change::Start { title, batch, rows }),
            Err(problem) => {
                dispatcher.dispatch(Change::Start {
                    title,
                    batch: 0,
                    rows,
                });
                dispatcher.dispatch(Change::Failed(problem));
            }
        }
    };
    {
        let run = run.clone();
        use_effect_with((), move |_| {
            if cfg!(feature = "importer") && has_added() {
                let title = "Loading your added articles from this browser".to_string();
                run(Command::Restore, title, Vec::new());
            }
        });
    }
    let request = if !cfg!(feature = "importer") {
        Callback::noop()
    } else {
        let (task, dispatcher) = (model.task.clone(), model.dispatcher());
        Callback::from(move |request: Request| {
            if let Some(batch) = task.as_ref().as_ref().and_then(|t| t.running) {
                match request {
                    Request::Cancel => {
                        let _ = analyser_client::send(Command::Cancel(batch), None);
                    }
                    // Files dropped meanwhile are named, not lost in silence.
                    Request::Add(files) => {
                        let names: Vec<String> = files.iter().map(web_sys::File::name).collect();
                        dispatcher.dispatch(Change::Refused(names));
                    }
                    Request::Paste { name, .. } => dispatcher.dispatch(Change::Refused(vec![name])),
                    _ => {}
                }
                return;
            }
            perform(request, &run, &listener, &dispatcher);
        })
    };
    AddedArticles {
        corpus: model.corpus,
        files: model.files.clone(),
        task: model.task.clone(),
        request,
    }
}

fn perform(
    request: Request,
    run: &impl Fn(Command, String, Vec<FileRow>),
    listener: &Callback<Answer>,
    dispatcher: &UseReducerDispatcher<Model>,
) {
    let rows_for = |names: Vec<String>| -> Vec<FileRow> {
        names
            .into_iter()
            .map(|name| FileRow {
                name,
                status: FileStatus::Waiting,
            })
            .collect()
    };
    let count = |n: usize| crate::format::count(n, "file", "files");
    match request {
        Request::Add(files) => {
            let names: Vec<String> = files.iter().map(web_sys::File::name).collect();
            let title = format!("Adding {}", count(names.len()));
            run(Command::Add(files, Vec::new()), title, rows_for(names));
        }
        Request::Paste { name, text } => {
            let title = format!("Adding {name}");
            run(
                Command::Add(Vec::new(), vec![(name.clone(), text)]),
                title,
                rows_for(vec![name]),
            );
        }
        Request::Remove(name) => {
            let title = format!("Removed {name}");
            run(Command::Remove(name), title, Vec::new());
        }
        Request::RemoveAll => {
            run(
                Command::RemoveAll,
                "Removed every added article".into(),
                Vec::new(),
            );
        }
        Request::SetFacts(name, facts) => {
            let title = format!("Facts set for {name}");
            let command = Command::SetFacts {
                name,
                outlet: facts.outlet,
                published: facts.published,
                authors: facts.authors,
            };
            run(command, title, Vec::new());
        }
        Request::Download(what) => {
            // Not a task: the page stays usable while the file is made.
            let listener = Some(listener.clone());
            if let Err(problem) = analyser_client::send(Command::Export(what), listener) {
                dispatcher.dispatch(Change::Failed(problem));
            }
        }
        Request::Dismiss => dispatcher.dispatch(Change::Dismiss),
        Request::Cancel => {}
    }
}
