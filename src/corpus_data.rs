//! The corpus the app shows: the one embedded by `build.rs`, or that one
//! merged with a reader's own articles (see [`crate::reader_articles`]).
//!
//! Views borrow documents and claims for as long as the page lives
//! (`&'static`), so a corpus, once shown, is kept until the page closes:
//! [`CorpusRef::keep`] moves it to the heap for good. Only a reader's
//! change of their own articles makes a new one (one per added batch,
//! removal or edit), so the memory kept grows with those changes, not with
//! use; a reload starts again from one.

use crate::explore::ExploreIndex;
use crossread_corpus::Corpus;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

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

/// The embedded corpus as postcard bytes, as the analyser worker takes it.
pub fn embedded_bytes() -> &'static [u8] {
    EMBEDDED
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
