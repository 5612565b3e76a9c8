//! Files added to a corpus one at a time: a bad file is reported and
//! skipped instead of stopping the batch, files already in the corpus can
//! join the analysis, and the caller decides between files whether to go on
//! (the Web Worker checks for cancellation there). A corpus build
//! ([`crate::build_corpus_with`]) is a batch of every file in name order,
//! strict or lenient about the files it skips.
//!
//! Documents are analysed in file-name order, whatever the order they were
//! added in.

use crate::catalog::{Catalog, CatalogEntry, CATALOG_FILE};
use crate::document::{Corpus, Document, Provenance};
use crate::error::{IngestError, Problem};
use crate::ingest::{ingest_with, SourceFile};
use crate::parallel::map_in_order;
use std::collections::{HashMap, HashSet};

/// Files being added to a corpus.
#[derive(Debug, Clone)]
pub struct Batch {
    catalog: Catalog,
    /// Each file's first catalog entry: a corpus of 100,000 files looks
    /// entries up by name, not by scanning the catalog for each.
    by_file: HashMap<String, usize>,
    facts: Provenance,
    documents: Vec<Document>,
    /// The documents' ids, which must stay unique.
    ids: HashSet<String>,
}

impl Batch {
    /// A batch whose catalog facts come from `facts` (the catalog, or a
    /// reader: `Provenance::Reader`), joining `existing` documents (already
    /// ingested, e.g. the site's own corpus). A catalog that cannot be read
    /// is returned as the error, and the batch goes on without it.
    pub fn new(
        catalog_text: Option<&str>,
        facts: Provenance,
        existing: Vec<Document>,
    ) -> (Batch, Option<IngestError>) {
        let (catalog, problem) = match catalog_text.map(|t| Catalog::parse(CATALOG_FILE, t)) {
            Some(Ok(catalog)) => (catalog, None),
            Some(Err(error)) => (Catalog::default(), Some(error)),
            None => (Catalog::default(), None),
        };
        let mut by_file = HashMap::new();
        for (at, entry) in catalog.entries.iter().enumerate() {
            by_file.entry(entry.file.clone()).or_insert(at);
        }
        let batch = Batch {
            catalog,
            by_file,
            facts,
            ids: existing.iter().map(|d| d.id.clone()).collect(),
            documents: existing,
        };
        (batch, problem)
    }

    /// Ingests one file. A file whose id (its name without extension) is
    /// already in the corpus is refused: ids are what links point to.
    pub fn add(&mut self, name: &str, bytes: &[u8]) -> Result<&Document, IngestError> {
        let document = ingest_with(name, bytes, self.entry(name), self.facts)?;
        self.accept(name, document)
    }

    /// Ingests every file on `workers` threads (each file is read on its
    /// own), then adds them in `files`' order as [`Batch::add`] would;
    /// returns the problems, in that order.
    pub(crate) fn add_all(&mut self, files: &[SourceFile], workers: usize) -> Vec<IngestError> {
        let ingested = map_in_order(files, workers, |file| {
            ingest_with(&file.name, &file.bytes, self.entry(&file.name), self.facts)
        });
        let mut problems = Vec::new();
        for (file, result) in files.iter().zip(ingested) {
            if let Err(problem) = result.and_then(|d| self.accept(&file.name, d).map(|_| ())) {
                problems.push(problem);
            }
        }
        problems
    }

    fn entry(&self, name: &str) -> Option<&CatalogEntry> {
        self.by_file.get(name).map(|&at| &self.catalog.entries[at])
    }

    fn accept(&mut self, name: &str, document: Document) -> Result<&Document, IngestError> {
        if !self.ids.insert(document.id.clone()) {
            return Err(IngestError {
                file: name.to_string(),
                problem: Problem::AlreadyInCorpus { id: document.id },
            });
        }
        self.documents.push(document);
        Ok(&self.documents[self.documents.len() - 1])
    }

    /// The catalog's entries for files not among `names`.
    pub fn entries_without_file(&self, names: &[&str]) -> Vec<IngestError> {
        let names: HashSet<&str> = names.iter().copied().collect();
        self.catalog
            .entries
            .iter()
            .filter(|entry| !names.contains(entry.file.as_str()))
            .map(|entry| IngestError {
                file: entry.file.clone(),
                problem: Problem::CatalogEntryWithoutFile,
            })
            .collect()
    }

    /// Number of documents so far (existing and added).
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// Analyses every document together, in file-name order.
    pub fn finish(self) -> Corpus {
        self.finish_with_workers(1)
    }

    /// [`Batch::finish`] with the per-document analysis on `workers`
    /// threads (native callers only); the same corpus, byte for byte.
    #[cfg(feature = "parallel")]
    pub fn finish_in_parallel(self, workers: std::num::NonZeroUsize) -> Corpus {
        self.finish_with_workers(workers.get())
    }

    pub(crate) fn finish_with_workers(mut self, workers: usize) -> Corpus {
        self.documents.sort_by(|a, b| a.file.cmp(&b.file));
        crate::analysis::analyse_with_workers(self.documents, workers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{build_corpus, SourceFile};

    const A: &[u8] = b"Ports reopen after strike\n\nCargo moved again at the port on Monday, officials said.\nShips queued for days.";
    const B: &[u8] = b"<h1>Floods close schools</h1><p>Schools shut in Lagos on Monday after heavy rain.</p><p>More rain is due.</p>";

    #[test]
    fn a_batch_equals_the_build_for_the_same_files() {
        let catalog = "[[article]]\nfile = \"b.html\"\noutlet = \"Daily\"\n";
        let (mut batch, problem) = Batch::new(Some(catalog), Provenance::Catalog, Vec::new());
        assert!(problem.is_none());
        batch.add("b.html", B).unwrap();
        batch.add("a.txt", A).unwrap();
        let built = build_corpus(
            vec![
                SourceFile {
                    name: "a.txt".into(),
                    bytes: A.to_vec(),
                },
                SourceFile {
                    name: "b.html".into(),
                    bytes: B.to_vec(),
                },
            ],
            Some(catalog),
        )
        .unwrap();
        assert_eq!(batch.finish(), built);
    }

    #[test]
    fn a_bad_file_is_reported_and_the_others_go_through() {
        let (mut batch, _) = Batch::new(None, Provenance::Reader, Vec::new());
        let error = batch.add("bad.txt", b"\x00\x01\x02").unwrap_err();
        assert_eq!(error.to_string().split(':').next(), Some("bad.txt"));
        batch.add("a.txt", A).unwrap();
        let again = batch.add("a.md", A).unwrap_err();
        assert_eq!(again.problem, Problem::AlreadyInCorpus { id: "a".into() });
        assert_eq!(batch.finish().documents.len(), 1);
    }

    #[test]
    fn reader_facts_have_reader_provenance() {
        let catalog = "[[article]]\nfile = \"a.txt\"\noutlet = \"Port News\"\n";
        let (mut batch, _) = Batch::new(Some(catalog), Provenance::Reader, Vec::new());
        let document = batch.add("a.txt", A).unwrap();
        assert_eq!(document.provenance.get("outlet"), Some(&Provenance::Reader));
    }

    #[test]
    fn an_unreadable_catalog_is_reported_and_the_batch_goes_on() {
        let (mut batch, problem) = Batch::new(Some("[[article]"), Provenance::Catalog, Vec::new());
        assert_eq!(problem.unwrap().file, CATALOG_FILE);
        assert!(batch.add("a.txt", A).is_ok());
    }
}
