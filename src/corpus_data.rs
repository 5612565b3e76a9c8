//! The corpus the app shows: the one embedded by `build.rs`, or that one
//! merged with a reader's own articles (see [`crate::reader_articles`]).
//!
//! A chunked site (`build.rs`, [`FETCHES`]) embeds nothing: [`start`] loads
//! its library index before the app mounts, and views load the rest (an
//! article's pack, the whole analysed corpus) with [`use_data_file`]; see
//! `crossread_corpus::parts` and `docs/scale.md`.
//!
//! Views borrow documents and claims for as long as the page lives
//! (`&'static`), so a corpus, once shown, is kept until the page closes:
//! [`CorpusRef::keep`] moves it to the heap for good. Only a reader's
//! change of their own articles makes a new one (one per added batch,
//! removal or edit), so the memory kept grows with those changes, not with
//! use; a reload starts again from one.

use crate::explore::ExploreIndex;
use crossread_corpus::parts::{Layout, LibraryIndex, LIBRARY_PAGE};
use crossread_corpus::Corpus;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use std::sync::OnceLock;
use yew::prelude::*;

/// Empty in a chunked site's wasm (see `build.rs`).
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

/// The site's corpus was built as data files (`build.rs`): the prerenderer
/// writes them.
pub const CHUNKED_SITE: bool = cfg!(crossread_chunked);

/// This app fetches the site's corpus instead of embedding it.
pub const FETCHES: bool = cfg!(all(crossread_chunked, target_arch = "wasm32"));

/// The `<meta name>` by which a chunked site's pages name their library
/// index (written by the prerenderer).
pub const DATA_META: &str = "crossread-data";

/// The folder of the data files, next to `index.html`.
pub const DATA_DIR: &str = "data";

static LIBRARY: OnceLock<LibraryIndex> = OnceLock::new();
/// A chunked site's layout when no index is loaded: set by its
/// prerenderer, so that its pages list and link what the app will.
static LAYOUT: OnceLock<Layout> = OnceLock::new();

thread_local! {
    /// Data files loaded so far, by name: article packs and the whole corpus.
    static LOADED: RefCell<BTreeMap<String, CorpusRef>> = const { RefCell::new(BTreeMap::new()) };
    /// Data files being fetched.
    static LOADING: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    /// Data files whose last fetch failed, with the problem; cleared by Retry.
    static FAILED: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// A corpus the app shows. Equal when it is the same corpus (a pointer
/// comparison: props and memo keys compare in constant time).
#[derive(Clone, Copy, Debug)]
pub struct CorpusRef(&'static Corpus);

impl PartialEq for CorpusRef {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl std::ops::Deref for CorpusRef {
    type Target = Corpus;
    fn deref(&self) -> &Corpus {
        self.0
    }
}

impl CorpusRef {
    /// Keeps `corpus` for the rest of the page's life (see the module
    /// documentation).
    pub fn keep(corpus: Corpus) -> CorpusRef {
        CorpusRef(Box::leak(Box::new(corpus)))
    }

    pub fn get(self) -> &'static Corpus {
        self.0
    }
}

/// The analysed corpus built into the site. Decoding cannot fail for bytes
/// this build wrote; if it ever does, the app says so instead of showing an
/// empty page.
pub fn embedded() -> Result<CorpusRef, &'static str> {
    if FETCHES {
        return LIBRARY
            .get()
            .map(|index| CorpusRef(&index.library))
            .ok_or("The site's library index is not loaded.");
    }
    static CORPUS: OnceLock<Result<Corpus, String>> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            postcard::from_bytes(EMBEDDED)
                .map_err(|e| format!("The embedded corpus cannot be read ({e})."))
        })
        .as_ref()
        .map(CorpusRef)
        .map_err(String::as_str)
}

/// The embedded corpus as postcard bytes, as the analyser worker takes it
/// (empty in a chunked site: see [`full_url`]).
pub fn embedded_bytes() -> &'static [u8] {
    EMBEDDED
}

/// Whether `corpus` is a chunked site's library index (documents without
/// text or analysis), not a corpus the views can show whole.
pub fn is_library_index(corpus: CorpusRef) -> bool {
    FETCHES
        && LIBRARY
            .get()
            .is_some_and(|index| std::ptr::eq(&index.library, corpus.0))
}

/// The data file holding article `id` of a chunked site (if there is
/// such an article: the pack is found from the id alone).
pub fn pack_of(id: &str) -> Option<String> {
    LIBRARY.get()?.pack_of(id)
}

/// Library entries a page lists (and each "Show more" adds).
pub fn library_page() -> usize {
    LIBRARY
        .get()
        .map(|index| index.page_size)
        .or_else(|| LAYOUT.get().map(|layout| layout.page_size))
        .unwrap_or(LIBRARY_PAGE)
        .max(1)
}

/// How many of the site's newest articles have a prerendered page: all
/// of them unless a chunked site says otherwise.
pub fn prerendered_articles() -> usize {
    LIBRARY
        .get()
        .map(|index| index.prerendered)
        .or_else(|| LAYOUT.get().map(|layout| layout.prerendered))
        .unwrap_or(usize::MAX)
}

/// Sets [`library_page`] and [`prerendered_articles`] for a chunked
/// site's prerenderer (before the first render).
pub fn set_layout(layout: Layout) {
    let _ = LAYOUT.set(layout);
}

/// A chunked site's whole library: how many articles, and the data file
/// of each page after the first (which the library index holds).
pub fn library_pages() -> Option<(usize, Vec<String>)> {
    let index = LIBRARY.get()?;
    let files = (1..index.page_count()).filter_map(|page| index.page_file(page));
    Some((index.total, files.collect()))
}

/// The data file to show article `id` from: the whole corpus once it is
/// loaded, else the article's pack.
pub fn file_for_article(id: &str) -> Option<String> {
    full_name()
        .filter(|full| loaded(full).is_some())
        .or_else(|| pack_of(id))
}

/// The data file of a chunked site's whole analysed corpus.
pub fn full_name() -> Option<String> {
    LIBRARY.get().map(|index| index.full.clone())
}

/// The absolute URL of the whole corpus's data file, for the analyser
/// worker (which needs the site's articles whole to analyse a reader's
/// with them).
pub fn full_url() -> Option<String> {
    let base = gloo::utils::document().base_uri().ok().flatten()?;
    let relative = format!("{DATA_DIR}/{}", full_name()?);
    web_sys::Url::new_with_base(&relative, &base)
        .ok()
        .map(|url| url.href())
}

/// A data file already loaded.
pub fn loaded(name: &str) -> Option<CorpusRef> {
    LOADED.with(|loaded| loaded.borrow().get(name).copied())
}

/// Fetches and keeps the library index named by the page's `<meta>`.
pub async fn load_library() -> Result<(), String> {
    if LIBRARY.get().is_some() {
        return Ok(());
    }
    let name = gloo::utils::document()
        .query_selector(&format!("meta[name=\"{DATA_META}\"]"))
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .ok_or("this page does not name the site's data file")?;
    let bytes = crate::fetch::data_file(&format!("{DATA_DIR}/{name}")).await?;
    let index = postcard::from_bytes::<LibraryIndex>(&bytes)
        .map_err(|e| format!("{name}: not a library index of this site ({e})"))?;
    let _ = LIBRARY.set(index);
    Ok(())
}

/// Fetches data file `name` (an article pack, a page of the library or the
/// whole corpus) and keeps it for the rest of the page's life (once, even
/// if two fetches of it overlap).
pub async fn load(name: &str) -> Result<CorpusRef, String> {
    if let Some(corpus) = loaded(name) {
        return Ok(corpus);
    }
    let bytes = crate::fetch::data_file(&format!("{DATA_DIR}/{name}")).await?;
    if let Some(corpus) = loaded(name) {
        return Ok(corpus);
    }
    let corpus = postcard::from_bytes::<Corpus>(&bytes)
        .map_err(|e| format!("{name} is not a part of this site's corpus ({e})"))?;
    let corpus = CorpusRef::keep(corpus);
    LOADED.with(|loaded| loaded.borrow_mut().insert(name.to_string(), corpus));
    Ok(corpus)
}

/// Starts fetching `name` unless it is loaded, on its way, or failed (a
/// failure waits for Retry); `done` runs when the fetch ends.
fn start_loading(name: String, done: impl FnOnce() + 'static) {
    let busy = loaded(&name).is_some()
        || LOADING.with(|l| l.borrow().contains(&name))
        || FAILED.with(|f| f.borrow().contains_key(&name));
    if busy {
        return;
    }
    LOADING.with(|l| l.borrow_mut().insert(name.clone()));
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = load(&name).await;
        LOADING.with(|l| l.borrow_mut().remove(&name));
        if let Err(problem) = outcome {
            FAILED.with(|f| f.borrow_mut().insert(name, problem));
        }
        done();
    });
}

/// A data file a view needs, as far as it has come.
#[derive(Clone, PartialEq)]
pub enum DataFile {
    /// Nothing to load: the view shows the corpus it has.
    NotNeeded,
    Ready(CorpusRef),
    Loading,
    /// The fetch failed: the message, and what starts it again.
    Failed(String, Callback<()>),
}

/// Loads data file `name` (if any) and says how far it has come; a failed
/// load is tried again by the callback in [`DataFile::Failed`].
#[hook]
pub fn use_data_file(name: Option<String>) -> DataFile {
    let attempt = use_state(|| 0u32);
    let update = use_force_update();
    use_effect_with((name.clone(), *attempt), move |(name, _)| {
        if let Some(name) = name.clone() {
            start_loading(name, move || update.force_update());
        }
    });
    let Some(name) = name else {
        return DataFile::NotNeeded;
    };
    if let Some(corpus) = loaded(&name) {
        return DataFile::Ready(corpus);
    }
    match FAILED.with(|f| f.borrow().get(&name).cloned()) {
        Some(problem) => {
            let retry = Callback::from(move |()| {
                FAILED.with(|f| f.borrow_mut().remove(&name));
                attempt.set(*attempt + 1);
            });
            DataFile::Failed(problem, retry)
        }
        None => DataFile::Loading,
    }
}

/// The embedded corpus itself (tests and the prerenderer).
pub fn corpus() -> Result<&'static Corpus, &'static str> {
    embedded().map(CorpusRef::get)
}

/// The explorer's search and facet index over `corpus`, built on first use.
/// Only the index of the corpus asked for last is kept.
pub fn explore_index(corpus: CorpusRef) -> Rc<ExploreIndex> {
    thread_local! {
        static INDEX: RefCell<Option<(CorpusRef, Rc<ExploreIndex>)>> = const { RefCell::new(None) };
    }
    INDEX.with(|slot| {
        let mut slot = slot.borrow_mut();
        match &*slot {
            Some((built_for, index)) if *built_for == corpus => index.clone(),
            _ => {
                let index = Rc::new(ExploreIndex::build(corpus.get()));
                *slot = Some((corpus, index.clone()));
                index
            }
        }
    })
}
