//! A big corpus as data files a static site fetches on demand
//! (`docs/scale.md`): a small library index first, the articles in packs
//! of a few, the explorer's facet index and search shards (`facets.rs`,
//! `words.rs`), and the whole analysed corpus for the views that need every
//! claim. Each article part is itself a [`Corpus`] (or holds one), so the
//! app shows a part with the same code as the whole.
//!
//! Pure bytes in, bytes out: the caller writes the files. Names carry a
//! hash of their content, so a host can cache them forever and the same
//! corpus always gives the same names and bytes.

use crate::document::{newest_first, Claim, Corpus, Document, Quote, TimeExpression};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

mod compact;
pub mod facets;
pub mod threads;
pub mod words;

pub use facets::{FacetIndex, ThreadFacets};
pub use threads::{ThreadIndex, THREAD, THREADS};
pub use words::WordShard;

/// How many articles share one pack file by default: opening an article
/// fetches its pack (a few articles, a few tens of KB compressed), and a
/// corpus of 100,000 articles stays under 20,000 files.
pub const ARTICLES_PER_PACK: usize = 8;

/// Above this many articles a site build writes data files instead of
/// embedding the corpus in the app (a flag can force either way).
pub const CHUNK_ABOVE_ARTICLES: usize = 100;

/// Library entries listed at first (and in the library index), and added
/// by each "Show more": the library of a big corpus arrives a page at a
/// time.
pub const LIBRARY_PAGE: usize = 100;

/// A chunked site prerenders a page (readable without JavaScript) for its
/// newest this-many articles; older ones open in the app. With packs of 8
/// and library pages of 100, a site of 100,000 articles is then about
/// 18,500 files, under the 20,000 that some static hosts allow.
pub const PRERENDERED_ARTICLES: usize = 5_000;

/// The first file the app fetches: the newest page of the library, how
/// to find every article's pack without a list of every article, and the
/// names of the other files.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LibraryIndex {
    /// The corpus with its newest `page_size` documents (see
    /// [`newest_first`]), each with its metadata only: no paragraphs,
    /// removed parts, summary, conflicts or notes, and no analysis.
    pub library: Corpus,
    /// Documents in the whole corpus.
    pub total: usize,
    pub page_size: usize,
    /// The rest of the library, `page_size` documents a file, newest
    /// first: [`Self::page_file`].
    #[serde(with = "compact::hashes")]
    pub pages: Vec<u64>,
    /// The packs: articles ordered by [`id_key`], `per_pack` a pack
    /// (never splitting one [`pack_key`]); `pack_keys[p]` is the first
    /// pack key of pack `p` and `packs[p]` its content hash, 32 bits
    /// ([`Self::pack_of`]). Every first visit downloads both lists: at
    /// 10,000 articles 24-bit keys as gaps and 32-bit hashes take about
    /// 7 KB gzip where full keys and 64-bit hashes took 17 KB.
    #[serde(with = "compact::sorted_keys")]
    pub pack_keys: Vec<u32>,
    #[serde(with = "compact::hashes")]
    pub packs: Vec<u32>,
    /// The whole analysed corpus's file name.
    pub full: String,
    /// The explorer's facet index's file name ([`FacetIndex`], articles
    /// newest first as in the library, with the search index's shards).
    pub facets: String,
    /// The thread index's file name ([`ThreadIndex`]: compare's matrix
    /// and the timeline's counts, with each thread's file).
    pub threads: String,
    /// How many of the newest articles have a prerendered page.
    pub prerendered: usize,
}

impl LibraryIndex {
    /// The pack file that would hold article `id`: found from the id alone,
    /// so a link to any article needs no list of them all. (The pack may
    /// not hold it, if no such article exists.)
    pub fn pack_of(&self, id: &str) -> Option<String> {
        let key = pack_key(id);
        let at = self.pack_keys.partition_point(|&first| first <= key);
        let hash = self.packs.get(at.checked_sub(1)?)?;
        Some(pack_file(*hash))
    }

    /// Page `page` of the library (page 0 is [`Self::library`] itself).
    pub fn page_file(&self, page: usize) -> Option<String> {
        let hash = self.pages.get(page.checked_sub(1)?)?;
        Some(file_name(LIST, *hash))
    }

    /// How many pages the library has.
    pub fn page_count(&self) -> usize {
        self.pages.len() + 1
    }
}

/// Where an article sorts among the packs: a hash of its id, so that
/// anyone with the id can find its pack by a binary search of
/// [`LibraryIndex::pack_keys`].
pub fn id_key(id: &str) -> u32 {
    (mixed(content_hash(id.as_bytes())) >> 32) as u32
}

/// A hash's bits mixed so that its top bits depend on every byte hashed
/// (SplitMix64's finalizer): FNV-1a alone barely changes its top bits for
/// ids that differ in their last characters, and packs are cut by the top
/// bits of [`id_key`].
fn mixed(hash: u64) -> u64 {
    let hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    let hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
}

/// Which packs an article may be in: the top 24 bits of its [`id_key`]. A
/// pack never splits the articles of one pack key, so a binary search of
/// the packs' first pack keys finds any article's pack. Fewer bits make
/// the list of first keys smaller (their gaps), more keep packs near
/// their size (at 100,000 articles one key in 168 is taken).
pub fn pack_key(id: &str) -> u32 {
    pack_key_of(id_key(id))
}

/// The pack key of an [`id_key`].
fn pack_key_of(id_key: u32) -> u32 {
    id_key >> 8
}

/// A 64-bit hash folded to 32 bits.
fn fold(hash: u64) -> u32 {
    (hash ^ (hash >> 32)) as u32
}

/// The name of the pack of content hash `hash` ([`content_hash`] folded
/// to 32 bits: a pack's name changes with its content but for a chance
/// of one in four billion, and the library index that lists every pack
/// stays small).
fn pack_file(hash: u32) -> String {
    format!("{PACK}-{hash:08x}.bin")
}

const PACK: &str = "pack";
const LIST: &str = "list";
/// The name prefix of the explorer's facet index file.
pub const FACETS: &str = "facets";
/// The name prefix of the facet index's event threads, split off.
pub const FACET_THREADS: &str = "facetthreads";
/// The name prefix of the search index's shards.
pub const WORDS: &str = "words";

/// The kind of a data file: its name's prefix ([`FACETS`],
/// [`FACET_THREADS`], [`WORDS`],
/// [`THREADS`], [`THREAD`], `pack`, `list`, `corpus`, `library`).
pub fn kind_of(name: &str) -> &str {
    name.split('-').next().unwrap_or(name)
}

/// One data file: its name (relative to the data folder) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// How a corpus is cut into data files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Articles in a pack (at least one).
    pub per_pack: usize,
    /// Library entries in a page (at least one).
    pub page_size: usize,
    /// Articles with a prerendered page, newest first.
    pub prerendered: usize,
    /// Claims that fill a thread file ([`threads::THREAD_FILE_CLAIMS`]).
    pub thread_file_claims: usize,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            per_pack: ARTICLES_PER_PACK,
            page_size: LIBRARY_PAGE,
            prerendered: PRERENDERED_ARTICLES,
            thread_file_claims: threads::THREAD_FILE_CLAIMS,
        }
    }
}

/// The data files of `corpus` cut as `layout` says (tests ask for small
/// packs and pages), the library index last (its name is the one the app
/// is told).
pub fn data_files(corpus: &Corpus, layout: Layout) -> Result<Vec<DataFile>, String> {
    let mut files = Vec::new();
    write_data_files(corpus, layout, &mut |file| {
        files.push(file);
        Ok(())
    })?;
    Ok(files)
}

/// Where data files go as they are made: a big corpus's files are
/// written one by one rather than held together.
pub type Sink<'a> = dyn FnMut(DataFile) -> Result<(), String> + 'a;

/// [`data_files`] handed to `files` one at a time, in the same order;
/// returns the library index's name.
pub fn write_data_files(
    corpus: &Corpus,
    layout: Layout,
    files: &mut Sink,
) -> Result<String, String> {
    let (per_pack, page_size) = (layout.per_pack.max(1), layout.page_size.max(1));
    let (pack_keys, packs) = write_packs(corpus, per_pack, files)?;
    let newest = newest_first(&corpus.documents);
    let mut pages = newest.chunks(page_size).map(|page| Corpus {
        documents: page.iter().map(|d| metadata_only(d)).collect(),
        ..Corpus::empty()
    });
    let library = Corpus {
        skipped: corpus.skipped.clone(),
        ..pages.next().unwrap_or_default()
    };
    let mut page_hashes = Vec::new();
    for page in pages {
        let file = named(LIST, encode(&page)?);
        page_hashes.push(content_hash(&file.bytes));
        files(file)?;
    }
    let facets = write_explorer_index(&newest, files, corpus)?;
    let threads = threads::write_threads(corpus, files, layout.thread_file_claims.max(1))?;
    let full = named("corpus", encode(corpus)?);
    let index = LibraryIndex {
        library,
        total: corpus.documents.len(),
        page_size,
        pages: page_hashes,
        pack_keys,
        packs,
        full: full.name.clone(),
        facets,
        threads,
        prerendered: layout.prerendered,
    };
    files(full)?;
    let library = named("library", encode(&index)?);
    let name = library.name.clone();
    files(library)?;
    Ok(name)
}

/// Writes the packs into `files`: the articles in [`id_key`] order,
/// `per_pack` at a time, a pack growing past that rather than split two
/// articles of one [`pack_key`]. Returns each pack's first pack key and
/// content hash.
fn write_packs(
    corpus: &Corpus,
    per_pack: usize,
    files: &mut Sink,
) -> Result<(Vec<u32>, Vec<u32>), String> {
    let by_doc = ByDoc::of(corpus);
    let mut order: Vec<(u32, usize)> = (corpus.documents.iter().enumerate())
        .map(|(at, d)| (id_key(&d.id), at))
        .collect();
    order.sort_unstable();
    let (mut keys, mut hashes) = (Vec::new(), Vec::new());
    let mut start = 0;
    while start < order.len() {
        let mut end = (start + per_pack).min(order.len());
        let key_at = |at: usize| pack_key_of(order[at].0);
        while end < order.len() && key_at(end) == key_at(end - 1) {
            end += 1;
        }
        let members: Vec<usize> = order[start..end].iter().map(|&(_, at)| at).collect();
        let bytes = encode(&by_doc.pack(corpus, &members))?;
        let hash = fold(content_hash(&bytes));
        keys.push(key_at(start));
        hashes.push(hash);
        files(DataFile {
            name: pack_file(hash),
            bytes,
        })?;
        start = end;
    }
    Ok((keys, hashes))
}

/// Writes the search index's shards and the facet index of `newest` (the
/// library's order) into `files`; returns the facet index's name.
fn write_explorer_index(
    newest: &[&Document],
    files: &mut Sink,
    corpus: &Corpus,
) -> Result<String, String> {
    let mut index = FacetIndex::build(corpus, newest);
    for shard in words::shards(newest) {
        let first = shard.words.first().map(|(stem, _)| stem.clone());
        let file = named(WORDS, encode(&shard)?);
        index
            .words
            .push((first.unwrap_or_default(), content_hash(&file.bytes)));
        files(file)?;
    }
    // The thread facet travels apart: a search needs it only for a
    // thread filter or the threads' counts (`facets.rs`). A corpus
    // without threads keeps its (empty) facet in the index.
    if !index.threads.is_empty() {
        let part = index.split_threads();
        let threads = named(FACET_THREADS, encode(&part)?);
        index.thread_part = Some(facets::ThreadPart {
            hash: content_hash(&threads.bytes),
            threads: part.threads.len() as u32,
        });
        files(threads)?;
    }
    let file = named(FACETS, encode(&index)?);
    let name = file.name.clone();
    files(file)?;
    Ok(name)
}

/// The name of the split-off event threads' facet of content hash `hash`.
pub fn thread_facets_file(hash: u64) -> String {
    file_name(FACET_THREADS, hash)
}

/// The name of the search index's shard of content hash `hash`.
pub fn words_file(hash: u64) -> String {
    file_name(WORDS, hash)
}

/// A document reduced to what the library lists: id, file, headline,
/// outlet and host, date and word count.
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
        updated: None,
        language: None,
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

    /// The documents at `members` of `corpus`, whole, with their quotes,
    /// claims and time expressions: what the reader shows of an article.
    fn pack(&self, corpus: &Corpus, members: &[usize]) -> Corpus {
        let documents: Vec<Document> = (members.iter())
            .filter_map(|&at| corpus.documents.get(at).cloned())
            .collect();
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
        name: file_name(prefix, content_hash(&bytes)),
        bytes,
    }
}

fn file_name(prefix: &str, hash: u64) -> String {
    format!("{prefix}-{hash:016x}.bin")
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

    fn layout(per_pack: usize, page_size: usize) -> Layout {
        Layout {
            per_pack,
            page_size,
            ..Layout::default()
        }
    }

    fn decode<T: serde::de::DeserializeOwned>(files: &[DataFile], name: &str) -> T {
        let file = files.iter().find(|f| f.name == name).expect(name);
        postcard::from_bytes(&file.bytes).unwrap()
    }

    #[test]
    fn every_article_is_whole_in_the_pack_its_id_names() {
        let corpus = corpus_of(ARTICLES_PER_PACK + 3);
        let files = data_files(&corpus, Layout::default()).unwrap();
        let index: LibraryIndex = postcard::from_bytes(&files.last().unwrap().bytes).unwrap();
        assert_eq!(index.packs.len(), 2);
        for document in &corpus.documents {
            let id = &document.id;
            let pack: Corpus = decode(&files, &index.pack_of(id).unwrap());
            assert_eq!(pack.document(id), Some(document));
            let claims = |c: &Corpus| c.claims.iter().filter(|x| &x.doc == id).count();
            assert!(claims(&corpus) > 0);
            assert_eq!(claims(&pack), claims(&corpus));
        }
        let sizes =
            (index.packs.iter()).map(|&h| decode::<Corpus>(&files, &pack_file(h)).documents.len());
        assert_eq!(sizes.collect::<Vec<_>>(), vec![ARTICLES_PER_PACK, 3]);
        let unknown = index.pack_of("no-such-article").unwrap();
        assert!(decode::<Corpus>(&files, &unknown)
            .document("no-such-article")
            .is_none());
        let full: Corpus = decode(&files, &index.full);
        assert_eq!(full, corpus);
    }

    #[test]
    fn the_library_comes_a_page_at_a_time_newest_first_without_text() {
        let corpus = corpus_of(7);
        let files = data_files(&corpus, layout(2, 3)).unwrap();
        // 4 packs, 2 further pages, a search shard, the facet index and
        // its threads, the thread index and the file of its threads (all
        // small), the whole corpus and the library index.
        assert_eq!(files.len(), 4 + 2 + 1 + 2 + 2 + 2);
        let index: LibraryIndex = postcard::from_bytes(&files.last().unwrap().bytes).unwrap();
        assert_eq!(
            (index.total, index.page_size, index.page_count()),
            (7, 3, 3)
        );
        let mut listed = index.library.documents.clone();
        for page in 1..index.page_count() {
            let part: Corpus = decode(&files, &index.page_file(page).unwrap());
            assert!(part.claims.is_empty());
            listed.extend(part.documents);
        }
        assert_eq!(index.page_file(index.page_count()), None);
        assert!(listed.iter().all(|d| d.paragraphs.is_empty()));
        assert!(index.library.claims.is_empty());
        let ids = |documents: Vec<&Document>| documents.iter().map(|d| d.id.clone()).collect();
        let expected: Vec<String> = ids(newest_first(&corpus.documents));
        assert_eq!(ids(listed.iter().collect()), expected);
    }

    #[test]
    fn the_explorer_index_follows_the_library_order_and_names_its_shards() {
        let corpus = corpus_of(7);
        let files = data_files(&corpus, layout(2, 3)).unwrap();
        let index: LibraryIndex = postcard::from_bytes(&files.last().unwrap().bytes).unwrap();
        let facets: FacetIndex = decode(&files, &index.facets);
        let newest = newest_first(&corpus.documents);
        assert_eq!(facets.articles.len(), 7);
        for (facet, document) in facets.articles.iter().zip(&newest) {
            assert_eq!(facet.published, document.published);
            assert_eq!(
                facets.outlets[facet.outlet as usize],
                document.outlet_label()
            );
        }
        assert!(!facets.words.is_empty());
        for (first, hash) in &facets.words {
            let shard: WordShard = decode(&files, &words_file(*hash));
            assert_eq!(facets.shard_file(first), Some(words_file(*hash)));
            assert_eq!(&shard.words[0].0, first);
        }
        // The threads come apart, and join back into the whole index.
        assert!(facets.threads.is_empty());
        let part = facets.thread_part.unwrap();
        let threads: ThreadFacets = decode(&files, &thread_facets_file(part.hash));
        assert!(!corpus.threads.is_empty());
        assert_eq!(part.threads as usize, corpus.threads.len());
        let mut joined = facets.clone();
        joined.join_threads(threads).unwrap();
        let whole = FacetIndex {
            words: facets.words.clone(),
            ..FacetIndex::build(&corpus, &newest)
        };
        assert_eq!(joined, whole);
    }

    #[test]
    fn a_corpus_without_threads_keeps_its_empty_thread_facet_in_the_index() {
        let mut corpus = corpus_of(3);
        corpus.threads.clear();
        corpus.claims.iter_mut().for_each(|c| c.threads.clear());
        let files = data_files(&corpus, Layout::default()).unwrap();
        let index: LibraryIndex = postcard::from_bytes(&files.last().unwrap().bytes).unwrap();
        let facets: FacetIndex = decode(&files, &index.facets);
        assert_eq!(facets.thread_part, None);
        assert!(facets.articles.iter().all(|a| a.lone_claims));
        assert!(!files.iter().any(|f| kind_of(&f.name) == FACET_THREADS));
    }

    #[test]
    fn ids_that_differ_in_their_last_characters_spread_over_the_pack_keys() {
        // Ids as a corpus's files name them: the top 16 bits of 100,000
        // of them spread as evenly as chance would (1.5 a value), so
        // their top 24 bits, the pack keys, hardly ever repeat.
        let mut per_value = vec![0u32; 1 << 16];
        let mut keys = std::collections::HashSet::new();
        for n in 0..100_000 {
            let key = pack_key(&format!("g{n:05}_{:03}", n % 5));
            per_value[(key >> 8) as usize] += 1;
            keys.insert(key);
        }
        assert!(
            per_value.iter().max() <= Some(&12),
            "{:?}",
            per_value.iter().max()
        );
        let used = per_value.iter().filter(|&&n| n > 0).count();
        assert!(used > 48_000, "{used} of 65,536 values used");
        assert!(keys.len() > 99_000, "{} distinct pack keys", keys.len());
    }

    #[test]
    fn names_follow_content_and_repeat_for_the_same_corpus() {
        let corpus = corpus_of(3);
        let once = data_files(&corpus, Layout::default()).unwrap();
        assert_eq!(once, data_files(&corpus, Layout::default()).unwrap());
        assert!(once.iter().all(|f| f.name.ends_with(".bin")));
        let other = data_files(&corpus_of(4), Layout::default()).unwrap();
        assert_ne!(once.last().unwrap().name, other.last().unwrap().name);
        assert_eq!(content_hash(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(content_hash(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
