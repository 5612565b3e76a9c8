//! Crossread's corpus crate: turns news articles (plain text as captured from
//! web pages, Markdown, or saved `.html` pages) into clean documents and structured evidence.
//!
//! Everything here is pure: bytes and strings in, data out. No file system,
//! no clock, no threads, no web APIs, so the same code runs in the build
//! script, in the `crossread` CLI and, compiled to wasm32, in the page.
//! (Two features are for native callers only: `fs` reads a seeds directory,
//! `parallel` spreads the per-document analysis over threads, e.g.
//! [`build_corpus_in_parallel`], with the same output byte for byte.)
//!
//! Pipeline: [`ingest`] (one file: checks, normalisation, chrome removal,
//! header metadata, catalog merge) then [`build_corpus`] (every file, stable
//! order, corpus-wide analysis by [`analyse`], which the page can also call
//! on documents it ingested itself).
//!
//! Analysis stages, one module each: [`sentences`], [`entities`],
//! [`quotes`], [`attribution`], [`stance`], [`numbers`], [`time`],
//! [`claims`], [`threads`], orchestrated by [`analysis`]; word lists and
//! gazetteers live in `data/` ([`lexicon`]). Rules and limits:
//! `docs/rules.md`; JSON fields: `docs/schema.md`. All spans are byte
//! offsets into a document's paragraph strings.

pub mod analysis;
pub mod attribution;
pub mod batch;
pub mod bundle;
pub mod catalog;
pub mod charset;
pub mod chrome;
pub mod claims;
pub mod date;
pub mod document;
pub mod entities;
pub mod error;
pub mod header;
pub mod html;
pub mod ingest;
pub mod lexicon;
pub mod normalize;
pub mod numbers;
pub mod page_state;
mod parallel;
pub mod parts;
pub mod quotes;
pub mod search_text;
pub mod sentences;
#[cfg(feature = "fs")]
pub mod source_dir;
pub mod stance;
pub mod stem;
pub mod text;
pub mod threads;
pub mod time;
pub mod truecase;

pub use analysis::analyse;
#[cfg(feature = "parallel")]
pub use analysis::analyse_in_parallel;
pub use batch::Batch;
pub use bundle::{read_seeds_archive, seeds_archive};
pub use catalog::{Catalog, CatalogEntry};
pub use date::PartialDate;
pub use document::{
    newest_first, Approx, AttributionKind, Claim, Corpus, Document, Entity, EntityKind, Mention,
    Number, Part, Provenance, Quote, RemovalReason, Removed, Skipped, Source, Span, Stance, Thread,
    TimeExpression, TimeRef, SCHEMA,
};
pub use error::{CorpusError, IngestError, Problem};
#[cfg(feature = "parallel")]
pub use ingest::build_corpus_in_parallel;
pub use ingest::{
    build_corpus, build_corpus_with, ingest, ingest_with, Format, SourceFile, Strictness,
    ARTICLE_EXTENSIONS, MAX_FILE_BYTES,
};
