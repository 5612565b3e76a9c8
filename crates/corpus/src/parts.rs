//! A big corpus as data files a static site fetches on demand
//! (`docs/scale.md`): a small library index first, the articles in packs
//! of a few, and the whole analysed corpus for the views that need every
//! claim. Each part is itself a [`Corpus`] (or holds one), so the app shows
//! a part with the same code as the whole.
//!
//! Pure bytes in, bytes out: the caller writes the files. Names carry a
//! hash of their content, so a host can cache them forever and the same
//! corpus always gives the same names and bytes.

use crate::document::{Claim, Corpus, Document, Quote, TimeExpression};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// How many articles share one pack file by default: opening an article
/// fetches its pack (a few articles, a few tens of KB compressed), and a
/// corpus of 100,000 articles stays under 20,000 files.
pub const ARTICLES_PER_PACK: usize = 8;

/// Above this many articles a site build writes data files instead of
/// embedding the corpus in the app (a flag can force either way).
pub const CHUNK_ABOVE_ARTICLES: usize = 100;

/// The first file the app fetches: every article's metadata (no text), and
/// the names of the other files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryIndex {
    /// The corpus with each document's metadata only: no paragraphs,
    /// removed parts, summary, conflicts or notes, and no analysis.
    pub library: Corpus,
    /// Pack file names, in order; pack `p` holds documents
    /// `p * per_pack ..` of `library.documents`.
    pub packs: Vec<String>,
    pub per_pack: usize,
    /// The whole analysed corpus's file name.
    pub full: String,
}

impl LibraryIndex {
    /// The pack file holding the document at `index` in `library`.
    pub fn pack_of(&self, index: usize) -> Option<&str> {
        self.packs
            .get(index / self.per_pack.max(1))
            .map(String::as_str)
    }
}

/// One data file: its name (relative to the data folder) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The data files of `corpus` with `per_pack` articles in a pack (at least
/// one; [`ARTICLES_PER_PACK`] unless a test asks for fewer), the library
/// index last (its name is the one the app is told).
pub fn data_files(corpus: &Corpus, per_pack: usize) -> Result<Vec<DataFile>, String> {
    let per_pack = per_pack.max(1);
    let by_doc = ByDoc::of(corpus);
    let mut files = Vec::new();
    let mut packs = Vec::new();
    for start in (0..corpus.documents.len()).step_by(per_pack) {
        let end = (start + per_pack).min(corpus.documents.len());
        let file = named("pack", encode(&by_doc.pack(corpus, start..end))?);
        packs.push(file.name.clone());
        files.push(file);
    }
    let full = named("corpus", encode(corpus)?);
    let index = LibraryIndex {
        library: library_part(corpus),
        packs,
        per_pack,
        full: full.name.clone(),
    };
    files.push(full);
    files.push(named("library", encode(&index)?));
    Ok(files)
}

/// `corpus` with every document reduced to what the library lists: id,
/// file, headline, outlet and host, date and word count.
pub fn library_part(corpus: &Corpus) -> Corpus {
    Corpus {
        documents: corpus.documents.iter().map(metadata_only).collect(),
        skipped: corpus.skipped.clone(),
        ..Corpus::empty()
    }
}

fn metadata_only(document: &Document) -> Document {
    Document {
        id: document.id.clone(),
        file: document.file.clone(),
        outlet: document.outlet.clone(),
        via: document.via.clone(),
        headline: document.headline.clone(),
        published: document.published,
        word_count: document.word_count,
        dek: None,
        summary: Vec::new(),
        authors: Vec::new(),
        url: None,
        provenance: BTreeMap::new(),
        paragraphs: Vec::new(),
        boilerplate: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
    }
}

/// A corpus's quotes, claims and time expressions by document, grouped
/// once so that packing is linear in the corpus.
struct ByDoc<'a> {
    quotes: HashMap<&'a str, Vec<&'a Quote>>,
    claims: HashMap<&'a str, Vec<&'a Claim>>,
    times: HashMap<&'a str, Vec<&'a TimeExpression>>,
}

impl<'a> ByDoc<'a> {
    fn of(corpus: &'a Corpus) -> Self {
        ByDoc {
            quotes: grouped(&corpus.quotes, |q| &q.doc),
            claims: grouped(&corpus.claims, |c| &c.doc),
            times: grouped(&corpus.times, |t| &t.doc),
        }
    }

    /// The documents `range` of `corpus`, whole, with their quotes, claims
    /// and time expressions: what the reader shows of an article.
    fn pack(&self, corpus: &Corpus, range: Range<usize>) -> Corpus {
        let documents = corpus.documents.get(range).unwrap_or_default().to_vec();
        Corpus {
            quotes: collect(&self.quotes, &documents),
            claims: collect(&self.claims, &documents),
            times: collect(&self.times, &documents),
            documents,
            ..Corpus::empty()
        }
    }
}

fn grouped<'a, T>(
    items: &'a [T],
    doc: impl Fn(&'a T) -> &'a String,
) -> HashMap<&'a str, Vec<&'a T>> {
    let mut map: HashMap<&str, Vec<&T>> = HashMap::new();
    for item in items {
        map.entry(doc(item).as_str()).or_default().push(item);
    }
    map
}

/// The items of `documents`, in document order.
fn collect<T: Clone>(map: &HashMap<&str, Vec<&T>>, documents: &[Document]) -> Vec<T> {
    documents
        .iter()
        .filter_map(|d| map.get(d.id.as_str()))
        .flat_map(|items| items.iter().map(|&item| item.clone()))
        .collect()
}

fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(value).map_err(|e| format!("cannot encode a data file: {e}"))
}

/// `prefix-<16 hex digits of the content's hash>.bin`.
fn named(prefix: &str, bytes: Vec<u8>) -> DataFile {
    DataFile {
        name: format!("{prefix}-{:016x}.bin", content_hash(&bytes)),
        bytes,
    }
}

/// FNV-1a, 64 bits: stable across builds and platforms (a file name, not
/// a security measure).
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Corpus;

    fn corpus_of(count: usize) -> Corpus {
        let files = (0..count)
            .map(|i| crate::ingest::SourceFile {
                name: format!("story-{i:02}.txt"),
                bytes: format!(
                        "Headline number {i} about a bridge\n\nThe council said on Monday that bridge {i} would close for repairs. \"It is unsafe,\" said Mayor Ana Ruiz.\n"
                )
                .into_bytes(),
            })
            .collect();
        crate::ingest::build_corpus(files, None).expect("corpus")
    }

    #[test]
    fn packs_hold_whole_articles_with_their_claims_and_the_library_holds_none() {
        let corpus = corpus_of(ARTICLES_PER_PACK + 3);
        assert_eq!(data_files(&corpus, 2).unwrap().len(), 6 + 2);
        let files = data_files(&corpus, ARTICLES_PER_PACK).unwrap();
        let index: LibraryIndex = postcard::from_bytes(&files.last().unwrap().bytes).unwrap();
        assert_eq!(index.packs.len(), 2);
        assert!(index
            .library
            .documents
            .iter()
            .all(|d| d.paragraphs.is_empty()));
        assert!(index.library.claims.is_empty());
        assert_eq!(index.library.documents.len(), corpus.documents.len());
        let last = corpus.documents.len() - 1;
        let pack_name = index.pack_of(last).unwrap();
        let pack = files.iter().find(|f| f.name == pack_name).unwrap();
        let pack: Corpus = postcard::from_bytes(&pack.bytes).unwrap();
        assert_eq!(pack.documents.len(), 3);
        let id = &corpus.documents[last].id;
        assert_eq!(pack.document(id), corpus.document(id));
        let claims = |c: &Corpus| c.claims.iter().filter(|x| &x.doc == id).count();
        assert!(claims(&corpus) > 0);
        assert_eq!(claims(&pack), claims(&corpus));
        let full = files.iter().find(|f| f.name == index.full).unwrap();
        assert_eq!(postcard::from_bytes::<Corpus>(&full.bytes).unwrap(), corpus);
    }

    #[test]
    fn names_follow_content_and_repeat_for_the_same_corpus() {
        let corpus = corpus_of(3);
        let once = data_files(&corpus, ARTICLES_PER_PACK).unwrap();
        assert_eq!(once, data_files(&corpus, ARTICLES_PER_PACK).unwrap());
        assert!(once.iter().all(|f| f.name.ends_with(".bin")));
        let other = data_files(&corpus_of(4), ARTICLES_PER_PACK).unwrap();
        assert_ne!(once.last().unwrap().name, other.last().unwrap().name);
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
