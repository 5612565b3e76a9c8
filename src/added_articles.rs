//! The corpus a reader sees: the site's own articles plus the ones they
//! added, shared with every view by context. Adding, removing or editing
//! the facts of an added article re-analyses the whole corpus in the
//! analyser worker, so entities and event threads span every article.
//!
//! One task runs at a time; while it runs, only Cancel is taken.

use crate::analyser_client::{self, FileReport, FileToAnalyse};
use crate::browser_store;
use crate::corpus_data::{embedded_bytes, CorpusRef};
use crate::reader_articles::{check_before_reading, reader_catalog, AddedFile, ReaderFacts};
use crossread_corpus::Document;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What the page shows and what a reader can ask of it.
#[derive(Clone, PartialEq)]
pub struct AddedArticles {
    pub corpus: CorpusRef,
    /// The reader's files, in the order added.
    pub files: Rc<Vec<AddedFile>>,
    pub task: Rc<Task>,
    pub request: Callback<Request>,
}

impl AddedArticles {
    /// Whether `document` came from the reader's files.
    pub fn is_added(&self, document: &Document) -> bool {
        self.files.iter().any(|f| f.name == document.file)
    }

    pub fn is_busy(&self) -> bool {
        matches!(*self.task, Task::Working { .. })
    }
}

/// Something a reader asked for.
pub enum Request {
    Add(Vec<Candidate>),
    Remove(String),
    RemoveAll,
    SetFacts(String, ReaderFacts),
    Cancel,
    Dismiss,
}

/// A file to add: picked or dropped, or pasted text.
pub enum Candidate {
    File(web_sys::File),
    Pasted { name: String, text: String },
}

/// The current or last task and how its files fared.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Task {
    #[default]
    Idle,
    Working {
        title: String,
        batch: Option<u32>,
        rows: Vec<FileRow>,
    },
    Finished {
        title: String,
        rows: Vec<FileRow>,
        /// Problems not tied to one file row.
        errors: Vec<String>,
    },
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
    corpus: CorpusRef,
    files: Rc<Vec<AddedFile>>,
    task: Rc<Task>,
}

enum Change {
    Start {
        title: String,
        rows: Vec<FileRow>,
    },
    Batch(u32),
    Progress {
        row: usize,
        status: FileStatus,
    },
    Finish {
        title: String,
        corpus: Option<(CorpusRef, Rc<Vec<AddedFile>>)>,
        errors: Vec<String>,
    },
    Dismiss,
}

impl Reducible for Model {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        let task = Rc::make_mut(&mut next.task);
        match change {
            Change::Start { title, rows } => {
                *task = Task::Working {
                    title,
                    batch: None,
                    rows,
                }
            }
            Change::Batch(id) => {
                if let Task::Working { batch, .. } = task {
                    *batch = Some(id);
                }
            }
            Change::Progress { row, status } => {
                if let Task::Working { rows, .. } = task {
                    if let Some(r) = rows.get_mut(row) {
                        r.status = status;
                    }
                }
            }
            Change::Finish {
                title,
                corpus,
                errors,
            } => {
                let rows = match std::mem::take(task) {
                    Task::Working { rows, .. } => rows,
                    _ => Vec::new(),
                };
                *task = Task::Finished {
                    title,
                    rows,
                    errors,
                };
                if let Some((corpus, files)) = corpus {
                    next.corpus = corpus;
                    next.files = files;
                }
            }
            Change::Dismiss => *task = Task::Idle,
        }
        Rc::new(next)
    }
}

type Dispatcher = UseReducerDispatcher<Model>;

/// The shared state; restores the reader's stored files after the first
/// render (so a prerendered page hydrates unchanged).
#[hook]
pub fn use_added_articles(embedded: CorpusRef) -> AddedArticles {
    let model = use_reducer(|| Model {
        corpus: embedded,
        files: Rc::default(),
        task: Rc::default(),
    });
    {
        let dispatcher = model.dispatcher();
        use_effect_with((), move |_| {
            if cfg!(feature = "importer") {
                wasm_bindgen_futures::spawn_local(restore(dispatcher, embedded));
            }
        });
    }
    let request = if !cfg!(feature = "importer") {
        Callback::noop()
    } else {
        let snapshot = (*model).clone();
        let dispatcher = model.dispatcher();
        Callback::from(move |request: Request| {
            let working = match &*snapshot.task {
                Task::Working { batch, .. } => Some(*batch),
                _ => None,
            };
            match (request, working) {
                (Request::Cancel, Some(Some(id))) => analyser_client::cancel(id),
                (Request::Dismiss, None) => dispatcher.dispatch(Change::Dismiss),
                (_, Some(_)) | (Request::Cancel, None) => {}
                (request, None) => {
                    let (dispatcher, files) = (dispatcher.clone(), snapshot.files.clone());
                    wasm_bindgen_futures::spawn_local(perform(
                        request, dispatcher, embedded, files,
                    ));
                }
            }
        })
    };
    AddedArticles {
        corpus: model.corpus,
        files: model.files.clone(),
        task: model.task.clone(),
        request,
    }
}

async fn restore(dispatcher: Dispatcher, embedded: CorpusRef) {
    let files = match browser_store::load().await {
        Ok(files) if files.is_empty() => return,
        Ok(files) => files,
        Err(problem) => {
            // Storage unavailable: nothing to restore, say why once.
            gloo::console::warn!(format!("Added articles could not be read: {problem}"));
            return;
        }
    };
    let title = format!(
        "Loading your {} from this browser",
        crate::format::count(files.len(), "added article", "added articles")
    );
    dispatcher.dispatch(Change::Start {
        title: title.clone(),
        rows: Vec::new(),
    });
    let outcome = analyse_all(&dispatcher, embedded, &files, files.len()).await;
    finish(&dispatcher, title, outcome, files, Vec::new());
}

async fn perform(
    request: Request,
    dispatcher: Dispatcher,
    embedded: CorpusRef,
    files: Rc<Vec<AddedFile>>,
) {
    match request {
        Request::Add(candidates) => add(dispatcher, embedded, files, candidates).await,
        Request::Remove(name) => {
            let kept: Vec<AddedFile> = files.iter().filter(|f| f.name != name).cloned().collect();
            let title = format!("Removed {name}");
            dispatcher.dispatch(Change::Start {
                title: format!("Removing {name}"),
                rows: Vec::new(),
            });
            let stored = browser_store::remove(&name).await;
            let outcome = analyse_all(&dispatcher, embedded, &kept, kept.len()).await;
            let errors = stored.err().into_iter().collect();
            finish(&dispatcher, title, outcome, kept, errors);
        }
        Request::RemoveAll => {
            dispatcher.dispatch(Change::Start {
                title: "Removing every added article".into(),
                rows: Vec::new(),
            });
            let stored = browser_store::clear().await;
            let outcome = analyse_all(&dispatcher, embedded, &[], 0).await;
            let errors = stored.err().into_iter().collect();
            finish(
                &dispatcher,
                "Removed every added article".into(),
                outcome,
                Vec::new(),
                errors,
            );
        }
        Request::SetFacts(name, facts) => {
            let mut edited: Vec<AddedFile> = files.to_vec();
            let Some(position) = edited.iter().position(|f| f.name == name) else {
                return;
            };
            edited[position].facts = facts;
            dispatcher.dispatch(Change::Start {
                title: format!("Applying your facts to {name}"),
                rows: Vec::new(),
            });
            let stored = browser_store::save(&edited[position..=position], position).await;
            let outcome = analyse_all(&dispatcher, embedded, &edited, edited.len()).await;
            let errors = stored.err().into_iter().collect();
            finish(
                &dispatcher,
                format!("Facts set for {name}"),
                outcome,
                edited,
                errors,
            );
        }
        Request::Cancel | Request::Dismiss => {}
    }
}

async fn add(
    dispatcher: Dispatcher,
    embedded: CorpusRef,
    files: Rc<Vec<AddedFile>>,
    candidates: Vec<Candidate>,
) {
    let names: Vec<String> = candidates
        .iter()
        .map(|c| match c {
            Candidate::File(file) => file.name(),
            Candidate::Pasted { name, .. } => name.clone(),
        })
        .collect();
    let title = format!(
        "Adding {}",
        crate::format::count(names.len(), "file", "files")
    );
    let rows = names
        .iter()
        .map(|name| FileRow {
            name: name.clone(),
            status: FileStatus::Waiting,
        })
        .collect();
    dispatcher.dispatch(Change::Start {
        title: title.clone(),
        rows,
    });
    // Read what can be read; a file refused here never reaches the worker.
    let mut readable: Vec<(usize, AddedFile)> = Vec::new();
    for (row, candidate) in candidates.into_iter().enumerate() {
        match read(candidate).await {
            Ok(file) => readable.push((row, file)),
            Err(message) => dispatcher.dispatch(Change::Progress {
                row,
                status: FileStatus::Failed { message },
            }),
        }
    }
    let mut all: Vec<AddedFile> = files.to_vec();
    let first_new = all.len();
    all.extend(readable.iter().map(|(_, f)| f.clone()));
    let rows_of_new: Vec<usize> = readable.iter().map(|(row, _)| *row).collect();
    let outcome = analyse_batch(&dispatcher, embedded, &all, first_new, rows_of_new).await;
    let mut errors = Vec::new();
    let mut kept = files.to_vec();
    if let Ok(analysed) = &outcome {
        let accepted = |index: &usize| analysed.reports.get(*index).is_some_and(|r| r.is_ok());
        let new: Vec<AddedFile> = (first_new..all.len())
            .filter(accepted)
            .map(|index| all[index].clone())
            .collect();
        if let Err(problem) = browser_store::save(&new, first_new).await {
            errors.push(format!(
                "The new articles are shown but not kept in this browser: {problem}"
            ));
        }
        kept.extend(new);
    }
    finish(&dispatcher, title, outcome, kept, errors);
}

/// Reads a candidate's bytes, after the checks that need no reading.
async fn read(candidate: Candidate) -> Result<AddedFile, String> {
    let (name, bytes): (String, Rc<[u8]>) = match candidate {
        Candidate::Pasted { name, text } => (name, Rc::from(text.into_bytes())),
        Candidate::File(file) => {
            let name = file.name();
            check_before_reading(&name, file.size())?;
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .map_err(|_| format!("{name}: the browser could not read the file"))?;
            (name, Rc::from(js_sys::Uint8Array::new(&buffer).to_vec()))
        }
    };
    Ok(AddedFile {
        name,
        bytes,
        facts: ReaderFacts::default(),
    })
}

/// Per file of a batch: `Ok(headline)` or the error naming it.
type Reports = Vec<Result<String, String>>;

/// A finished analysis: the new corpus, each file's outcome, and problems
/// to report besides the rows shown (a kept file that now fails, say
/// because the site gained an article with its id, is named, not dropped
/// in silence).
struct Analysed {
    corpus: CorpusRef,
    reports: Reports,
    problems: Vec<String>,
}

/// Analyses the site's articles and `files`; no row is shown for any file.
async fn analyse_all(
    dispatcher: &Dispatcher,
    embedded: CorpusRef,
    files: &[AddedFile],
    first_shown: usize,
) -> Result<Analysed, String> {
    analyse_batch(dispatcher, embedded, files, first_shown, Vec::new()).await
}

/// Analyses the site's articles and `files` together. Progress on file
/// `first_shown + k` updates row `rows[k]`. A cancelled batch changes
/// nothing and says so.
async fn analyse_batch(
    dispatcher: &Dispatcher,
    embedded: CorpusRef,
    files: &[AddedFile],
    first_shown: usize,
    rows: Vec<usize>,
) -> Result<Analysed, String> {
    if files.is_empty() {
        return Ok(Analysed {
            corpus: embedded,
            reports: Vec::new(),
            problems: Vec::new(),
        });
    }
    let catalog = reader_catalog(files).to_toml();
    let to_analyse = files_to_analyse(files);
    let reports: Rc<RefCell<Reports>> =
        Rc::new(RefCell::new(vec![Err("not analysed".into()); files.len()]));
    let on_progress = {
        let (dispatcher, reports) = (dispatcher.clone(), reports.clone());
        move |report: FileReport| {
            if let Some(slot) = reports.borrow_mut().get_mut(report.index) {
                *slot = report.outcome.clone();
            }
            let Some(&row) = report
                .index
                .checked_sub(first_shown)
                .and_then(|k| rows.get(k))
            else {
                return;
            };
            let status = match report.outcome {
                Ok(headline) => FileStatus::Added { headline },
                Err(message) => FileStatus::Failed { message },
            };
            dispatcher.dispatch(Change::Progress { row, status });
        }
    };
    let on_start = {
        let dispatcher = dispatcher.clone();
        move |id| dispatcher.dispatch(Change::Batch(id))
    };
    let result = analyser_client::analyse(
        &to_analyse,
        embedded_bytes(),
        &catalog,
        on_start,
        on_progress,
    )
    .await?;
    if result.cancelled {
        return Err("Cancelled: nothing was changed.".into());
    }
    let reports = reports.take();
    // The worker's list repeats each file's error; keep the others, and
    // those of kept files (no row shows them).
    let file_errors: Vec<&String> = reports.iter().filter_map(|r| r.as_ref().err()).collect();
    let mut problems: Vec<String> = result
        .errors
        .iter()
        .filter(|e| !file_errors.contains(e))
        .cloned()
        .collect();
    problems.extend(
        reports[..first_shown]
            .iter()
            .filter_map(|r| r.clone().err()),
    );
    Ok(Analysed {
        corpus: CorpusRef::keep(result.corpus),
        reports,
        problems,
    })
}

/// Ends the task: shows `files` analysed into `outcome`'s corpus, or
/// keeps everything as it was if the analysis failed or was cancelled.
fn finish(
    dispatcher: &Dispatcher,
    title: String,
    outcome: Result<Analysed, String>,
    files: Vec<AddedFile>,
    mut errors: Vec<String>,
) {
    let corpus = match outcome {
        Ok(analysed) => {
            errors.extend(analysed.problems);
            Some((analysed.corpus, Rc::new(files)))
        }
        Err(problem) => {
            errors.push(problem);
            None
        }
    };
    dispatcher.dispatch(Change::Finish {
        title,
        corpus,
        errors,
    });
}

fn files_to_analyse(files: &[AddedFile]) -> Vec<FileToAnalyse> {
    files
        .iter()
        .map(|f| FileToAnalyse {
            name: f.name.clone(),
            bytes: f.bytes.clone(),
        })
        .collect()
}

/// The corpus a reader sees (the site's articles and `files`) as
/// `crossread/1` JSON, written by the analyser worker.
pub async fn corpus_json(files: &[AddedFile]) -> Result<String, String> {
    let catalog = reader_catalog(files).to_toml();
    analyser_client::analyse_to_json(&files_to_analyse(files), embedded_bytes(), &catalog).await
}
