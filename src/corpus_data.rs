//! The corpus the app shows: the one embedded by `build.rs`, or that one
//! merged with a reader's own articles (see [`crate::reader_articles`]).
//!
//! A chunked site (`build.rs`, [`FETCHES`]) embeds nothing: [`start`] loads
//! its library index before the app mounts, and views load the rest (an
//! article's pack, the whole analysed corpus) with [`use_data_file`]; see
//! `crossread_corpus::parts` and `docs/scale.md`.
//!
//! Corpora are [`Shared`] by the views that show them: a corpus that a
//! reader's change of their own articles replaces (one per added batch,
//! removal or edit) is freed once no view holds it. The embedded corpus
//! and the data files loaded are kept for the page's life, as the site
//! and the reader's visits need them again.

use crate::explore::ExploreIndex;
use crate::shared::Shared;
use crossread_corpus::parts::{
    self, FacetIndex, Layout, LibraryIndex, ThreadFacets, ThreadIndex, WordShard, LIBRARY_PAGE,
};
use crossread_corpus::Corpus;
use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};
use std::sync::OnceLock;
use yew::prelude::*;

/// The corpus `build.rs` wrote: in the wasm, embedded (empty in a chunked
/// site's: see `build.rs`).
#[cfg(target_arch = "wasm32")]
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

/// Native builds (the prerenderer and tests, which run where they were
/// built) read the corpus from the build's output instead of linking it
/// in: at 100,000 articles it is over a gigabyte, which the compiler would
/// copy into the binary and the process would keep beside the decoded
/// corpus.
#[cfg(not(target_arch = "wasm32"))]
fn read_built_corpus() -> Result<Vec<u8>, String> {
    let path = concat!(env!("OUT_DIR"), "/corpus.postcard");
    std::fs::read(path).map_err(|e| format!("The built corpus {path} cannot be read ({e})."))
}

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

/// What runs when a data file's fetch ends, for a view waiting for it.
type Waiting = Box<dyn FnOnce()>;

thread_local! {
    /// The articles of a chunked site's library index, as a corpus.
    static LIBRARY_CORPUS: OnceCell<CorpusRef> = const { OnceCell::new() };
    /// Data files loaded so far, by name: article packs, library pages,
    /// the whole corpus, the explorer's index and search shards.
    static LOADED: RefCell<BTreeMap<String, Loaded>> = const { RefCell::new(BTreeMap::new()) };
    /// Data files being fetched, each with what to run when its fetch
    /// ends (one callback per view waiting for it).
    static LOADING: RefCell<BTreeMap<String, Vec<Waiting>>> = const { RefCell::new(BTreeMap::new()) };
    /// Data files whose last fetch failed, with the problem; cleared by Retry.
    static FAILED: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// A corpus the app shows.
pub type CorpusRef = Shared<Corpus>;

/// A chunked site's thread index (compare's matrix and the timeline's
/// counts).
pub type ThreadsRef = Shared<ThreadIndex>;

/// The explorer's index of a chunked site, decoded from its facet index
/// file. Equal when it is the same index (a pointer comparison).
#[derive(Clone)]
pub struct IndexRef(pub Rc<ExploreIndex>);

impl PartialEq for IndexRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A data file, decoded.
#[derive(Clone, PartialEq)]
pub enum Loaded {
    /// An article pack, a page of the library, or the whole corpus.
    Corpus(CorpusRef),
    /// The explorer's facet index; under the name of its split-off event
    /// threads' facet, the index joined with it (see [`join_threads`]).
    Explorer(IndexRef),
    /// A shard of the search index.
    Words(Rc<WordShard>),
    /// The thread index.
    Threads(ThreadsRef),
}

/// Decodes data file `name` as what its name says it is.
fn decode(name: &str, bytes: &[u8]) -> Result<Loaded, String> {
    let unreadable =
        |e: postcard::Error| format!("{name} is not a part of this site's corpus ({e})");
    Ok(match parts::kind_of(name) {
        parts::FACETS => {
            let facets = postcard::from_bytes::<FacetIndex>(bytes).map_err(unreadable)?;
            Loaded::Explorer(IndexRef(Rc::new(ExploreIndex::from_facets(facets))))
        }
        parts::FACET_THREADS => join_threads(
            name,
            postcard::from_bytes::<ThreadFacets>(bytes).map_err(unreadable)?,
        )?,
        parts::WORDS => Loaded::Words(Rc::new(
            postcard::from_bytes::<WordShard>(bytes).map_err(unreadable)?,
        )),
        parts::THREADS => Loaded::Threads(ThreadsRef::new(
            postcard::from_bytes::<ThreadIndex>(bytes).map_err(unreadable)?,
        )),
        _ => Loaded::Corpus(CorpusRef::new(
            postcard::from_bytes::<Corpus>(bytes).map_err(unreadable)?,
        )),
    })
}

/// The explorer's index joined with its event threads' facet `part`
/// (data file `name`). The joined index also takes the facet index's
/// place, so that views asking for it from now on get the threads too and
/// the index without them is freed once no view holds it.
fn join_threads(name: &str, part: ThreadFacets) -> Result<Loaded, String> {
    let facets = facets_name().ok_or("this site has no explorer index")?;
    let Some(Loaded::Explorer(index)) = loaded_file(&facets) else {
        return Err(format!("{name} came before the explorer's index"));
    };
    let joined = index
        .0
        .with_threads(part)
        .map_err(|e| format!("{name}: {e}"))?;
    let joined = Loaded::Explorer(IndexRef(Rc::new(joined)));
    LOADED.with(|loaded| loaded.borrow_mut().insert(facets, joined.clone()));
    Ok(joined)
}

/// The analysed corpus built into the site. Decoding cannot fail for bytes
/// this build wrote; if it ever does, the app says so instead of showing an
/// empty page.
pub fn embedded() -> Result<CorpusRef, &'static str> {
    if FETCHES {
        return LIBRARY_CORPUS
            .with(|library| library.get().cloned())
            .ok_or("The site's library index is not loaded.");
    }
    thread_local! {
        static CORPUS: OnceCell<Result<CorpusRef, &'static str>> = const { OnceCell::new() };
    }
    CORPUS.with(|corpus| {
        corpus
            .get_or_init(|| {
                embedded_corpus()
                    .map(CorpusRef::new)
                    .map_err(|message| &*Box::leak(message.into_boxed_str()))
            })
            .clone()
    })
}

#[cfg(target_arch = "wasm32")]
fn embedded_corpus() -> Result<Corpus, String> {
    decode_corpus(EMBEDDED)
}

#[cfg(not(target_arch = "wasm32"))]
fn embedded_corpus() -> Result<Corpus, String> {
    decode_corpus(&read_built_corpus()?)
}

fn decode_corpus(bytes: &[u8]) -> Result<Corpus, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("The embedded corpus cannot be read ({e})."))
}

/// The embedded corpus as postcard bytes, as the analyser worker takes it
/// (empty in a chunked site: see [`full_url`]).
pub fn embedded_bytes() -> &'static [u8] {
    #[cfg(target_arch = "wasm32")]
    return EMBEDDED;
    // Natively (no worker to post it to), read once if ever asked.
    #[cfg(not(target_arch = "wasm32"))]
    {
        static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
        BYTES.get_or_init(|| read_built_corpus().unwrap_or_default())
    }
}

/// Whether `corpus` is a chunked site's library index (documents without
/// text or analysis), not a corpus the views can show whole.
pub fn is_library_index(corpus: &CorpusRef) -> bool {
    FETCHES && LIBRARY_CORPUS.with(|library| library.get() == Some(corpus))
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

/// The data file of page `page` of a chunked site's library (page 0 is
/// in the library index).
pub fn library_page_file(page: usize) -> Option<String> {
    LIBRARY.get()?.page_file(page)
}

/// The data file to show article `id` from: the whole corpus once it is
/// loaded, else the article's pack.
pub fn file_for_article(id: &str) -> Option<String> {
    full_name()
        .filter(|full| loaded(full).is_some())
        .or_else(|| pack_of(id))
}

/// The data file of a chunked site's explorer index.
pub fn facets_name() -> Option<String> {
    LIBRARY.get().map(|index| index.facets.clone())
}

/// The data file of a chunked site's thread index.
pub fn threads_name() -> Option<String> {
    LIBRARY.get().map(|index| index.threads.clone())
}

/// A chunked site's thread index, once loaded.
pub fn threads_index() -> Option<ThreadsRef> {
    match loaded_file(&threads_name()?)? {
        Loaded::Threads(index) => Some(index),
        _ => None,
    }
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

/// A corpus data file already loaded.
pub fn loaded(name: &str) -> Option<CorpusRef> {
    match loaded_file(name)? {
        Loaded::Corpus(corpus) => Some(corpus),
        _ => None,
    }
}

/// The loaded thread files `names` as one corpus when there are several
/// (a timeline of several threads), made once per set and kept as data
/// files are; None for fewer than two, or while one is not loaded.
pub fn merged_parts(names: &[String]) -> Option<CorpusRef> {
    thread_local! {
        static MERGED: RefCell<BTreeMap<Vec<String>, CorpusRef>> = const { RefCell::new(BTreeMap::new()) };
    }
    if names.len() < 2 {
        return None;
    }
    if let Some(found) = MERGED.with(|m| m.borrow().get(names).cloned()) {
        return Some(found);
    }
    let parts: Vec<CorpusRef> = names
        .iter()
        .map(|name| loaded(name))
        .collect::<Option<_>>()?;
    let parts: Vec<&Corpus> = parts.iter().map(|part| &**part).collect();
    let merged = CorpusRef::new(parts::threads::merge_parts(&parts));
    MERGED.with(|m| m.borrow_mut().insert(names.to_vec(), merged.clone()));
    Some(merged)
}

/// A search shard already loaded.
pub fn loaded_words(name: &str) -> Option<Rc<WordShard>> {
    match loaded_file(name)? {
        Loaded::Words(shard) => Some(shard),
        _ => None,
    }
}

fn loaded_file(name: &str) -> Option<Loaded> {
    LOADED.with(|loaded| loaded.borrow().get(name).cloned())
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
    // One page of entries: the copy views share is small.
    let library = CorpusRef::new(index.library.clone());
    LIBRARY_CORPUS.with(|cell| cell.set(library).ok());
    let _ = LIBRARY.set(index);
    Ok(())
}

/// Fetches data file `name` (an article pack, a page of the library, the
/// whole corpus, the explorer's index or a search shard) and keeps it for
/// the rest of the page's life (once, even if two fetches of it overlap).
pub async fn load(name: &str) -> Result<Loaded, String> {
    if let Some(file) = loaded_file(name) {
        return Ok(file);
    }
    let bytes = crate::fetch::data_file(&format!("{DATA_DIR}/{name}")).await?;
    if let Some(file) = loaded_file(name) {
        return Ok(file);
    }
    let file = decode(name, &bytes)?;
    LOADED.with(|loaded| loaded.borrow_mut().insert(name.to_string(), file.clone()));
    Ok(file)
}

/// Starts fetching `name` unless it is loaded or failed (a failure waits
/// for Retry); `done` runs when the fetch ends, also when another view
/// started it.
fn start_loading(name: String, done: impl FnOnce() + 'static) {
    let settled = loaded_file(&name).is_some() || FAILED.with(|f| f.borrow().contains_key(&name));
    if settled {
        return;
    }
    let started = LOADING.with(|l| {
        let mut loading = l.borrow_mut();
        let started = loading.contains_key(&name);
        loading
            .entry(name.clone())
            .or_default()
            .push(Box::new(done));
        started
    });
    if started {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = load(&name).await;
        let waiting = LOADING.with(|l| l.borrow_mut().remove(&name));
        if let Err(problem) = outcome {
            FAILED.with(|f| f.borrow_mut().insert(name, problem));
        }
        waiting.into_iter().flatten().for_each(|done| done());
    });
}

/// A data file a view needs, as far as it has come.
#[derive(Clone, PartialEq)]
pub enum DataFile {
    /// Nothing to load: the view shows the corpus it has.
    NotNeeded,
    Ready(Loaded),
    Loading,
    /// The fetch failed: the message, and what starts it again.
    Failed(String, Callback<()>),
}

/// Loads data file `name` (if any) and says how far it has come; a failed
/// load is tried again by the callback in [`DataFile::Failed`].
#[hook]
pub fn use_data_file(name: Option<String>) -> DataFile {
    let all = use_data_files(name.iter().cloned().collect());
    match (name.and_then(|n| loaded_file(&n)), all) {
        (_, DataFile::NotNeeded) => DataFile::NotNeeded,
        (Some(file), DataFile::Ready(_)) => DataFile::Ready(file),
        (_, other) => other,
    }
}

/// Loads every data file of `names` and says how far they have come
/// together: ready (with the first) once all are, failed if one failed
/// (Retry fetches the failed ones again), else loading.
#[hook]
pub fn use_data_files(names: Vec<String>) -> DataFile {
    let attempt = use_state(|| 0u32);
    let update = use_force_update();
    use_effect_with((names.clone(), *attempt), move |(names, _)| {
        for name in names {
            let update = update.clone();
            start_loading(name.clone(), move || update.force_update());
        }
    });
    let Some(first) = names.first() else {
        return DataFile::NotNeeded;
    };
    let failed: Vec<(String, String)> = FAILED.with(|f| {
        let failed = f.borrow();
        (names.iter())
            .filter_map(|n| failed.get(n).map(|p| (n.clone(), p.clone())))
            .collect()
    });
    if let Some((_, problem)) = failed.first() {
        let problem = problem.clone();
        let retry = Callback::from(move |()| {
            FAILED.with(|f| {
                let mut f = f.borrow_mut();
                failed.iter().for_each(|(name, _)| {
                    f.remove(name);
                });
            });
            attempt.set(*attempt + 1);
        });
        return DataFile::Failed(problem, retry);
    }
    match names.iter().all(|n| loaded_file(n).is_some()) {
        true => loaded_file(first).map_or(DataFile::Loading, DataFile::Ready),
        false => DataFile::Loading,
    }
}

/// The embedded corpus itself, kept for good (tests and the prerenderer).
pub fn corpus() -> Result<&'static Corpus, &'static str> {
    thread_local! {
        static KEPT: OnceCell<&'static Corpus> = const { OnceCell::new() };
    }
    let corpus = embedded()?;
    Ok(KEPT.with(|kept| *kept.get_or_init(|| &**Box::leak(Box::new(corpus)))))
}

/// Explorer indexes kept: the corpus's, or the packs a page of a big
/// site's claims comes from (several results share a pack). More than a
/// page's packs (`explore_results::PAGE_OF_PACKS`, 10): with 8 kept, each
/// filter change rebuilt all ten in turn, each evicting the next one due.
const INDEXES_KEPT: usize = 24;

/// The explorer's search and facet index over `corpus` (the whole corpus,
/// or an article pack), built on first use. The indexes of the last
/// [`INDEXES_KEPT`] corpora asked for are kept.
pub fn explore_index(corpus: &CorpusRef) -> Rc<ExploreIndex> {
    thread_local! {
        // Each corpus by a handle that does not keep it: a corpus replaced
        // by a reader's articles is freed even if its index is kept.
        static INDEXES: RefCell<Vec<(Weak<Corpus>, Rc<ExploreIndex>)>> = const { RefCell::new(Vec::new()) };
    }
    INDEXES.with(|kept| {
        let mut kept = kept.borrow_mut();
        // The indexes of corpora freed since go too.
        kept.retain(|(built_for, _)| built_for.strong_count() > 0);
        if let Some((_, index)) = kept.iter().find(|(built_for, _)| corpus.is(built_for)) {
            return index.clone();
        }
        let index = Rc::new(ExploreIndex::build(corpus));
        if kept.len() == INDEXES_KEPT {
            kept.remove(0);
        }
        kept.push((corpus.downgrade(), index.clone()));
        index
    })
}
