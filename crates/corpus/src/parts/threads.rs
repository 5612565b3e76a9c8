//! Compare and timelines of a big site without the whole analysis: the
//! thread index (`threads-<hash>.bin`) says, for every event thread, how
//! many claims each outlet gave it and with which stances (the compare
//! matrix) and how many claims fall on which days (the timeline's counts);
//! the thread files (`thread-<hash>.bin`) hold threads' claims whole, with
//! the articles, quotes and names they point to, a few small threads a
//! file.

use super::facets::STANCES;
use super::{encode, file_name, metadata_only, named, Sink};
use crate::date::covered_days;
use crate::document::{Claim, Corpus, Document, Entity, Thread};
use crate::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The name prefix of the thread index.
pub const THREADS: &str = "threads";
/// The name prefix of a file of threads' claims.
pub const THREAD: &str = "thread";
/// Threads go into one file until it holds this many claims (a bigger
/// thread has a file of its own), so that a site with thousands of small
/// threads stays under hosts' file limits.
pub const THREAD_FILE_CLAIMS: usize = 512;

/// Claims of one outlet and stance whose event covers the same days,
/// counted (so that a timeline narrowed to some outlets or stances is
/// counted from the index too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Tally {
    pub first_day: i32,
    pub last_day: i32,
    /// Its outlet's position in [`ThreadIndex::outlets`] ([`NO_OUTLET`]:
    /// an article the corpus does not hold).
    pub outlet: u32,
    /// Its stance's position in [`STANCES`].
    pub stance: u8,
    pub claims: u32,
}

/// [`Tally::outlet`] of a claim whose article is not in the corpus.
pub const NO_OUTLET: u32 = u32::MAX;

/// An outlet as compare lists it: its name, the hosts that carried copies
/// of its articles, and its first publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletSummary {
    pub name: String,
    pub hosts: Vec<String>,
    pub first_published: Option<PartialDate>,
}

/// One event thread as the overviews need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadSummary {
    /// The thread, its lists of claims and documents left out (see
    /// `claims` and `docs` for how many).
    pub thread: Thread,
    pub claims: u32,
    pub docs: u32,
    /// Per outlet (its position in [`ThreadIndex::outlets`]) that gave
    /// the thread claims: how many with each stance, in [`STANCES`] order.
    pub cells: Vec<(u32, [u32; STANCES.len()])>,
    /// Its dated claims by the days their event covers, earliest first.
    pub days: Vec<Tally>,
    /// The first and last publication day of its claims' articles.
    pub reported: Option<(i32, i32)>,
    /// The content hash of the file holding its claims.
    pub file: u64,
}

impl ThreadSummary {
    /// The data file that holds this thread's claims.
    pub fn file_name(&self) -> String {
        file_name(THREAD, self.file)
    }
}

/// Every event thread's coverage and claim dates, in the corpus's thread
/// order, with the outlets in compare's order (first publication, undated
/// last, then name).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ThreadIndex {
    pub outlets: Vec<OutletSummary>,
    pub threads: Vec<ThreadSummary>,
    /// Per outlet, its claims in no event thread.
    pub unthreaded: Vec<u32>,
    /// Dated claims in no event thread, by the days their event covers.
    pub unthreaded_days: Vec<Tally>,
    /// The first and last publication day of those claims' articles.
    pub unthreaded_reported: Option<(i32, i32)>,
    /// Claims with no event date.
    pub undated: u32,
    /// Claims in the corpus.
    pub claims: u32,
    /// Per outlet (as [`Self::outlets`]), its claims with each stance (in
    /// [`STANCES`] order): all of them, and those with no event date.
    pub outlet_claims: Vec<[u32; STANCES.len()]>,
    pub outlet_undated: Vec<[u32; STANCES.len()]>,
}

impl ThreadIndex {
    /// The summary of thread `id`.
    pub fn thread(&self, id: &str) -> Option<&ThreadSummary> {
        self.threads.iter().find(|t| t.thread.id == id)
    }
}

/// The outlets of `documents`, in compare's order: by first publication
/// (dated before undated, then day, then precision), then by name.
pub fn outlet_summaries(documents: &[Document]) -> Vec<OutletSummary> {
    let mut by_name: BTreeMap<String, (BTreeSet<String>, Option<PartialDate>)> = BTreeMap::new();
    for document in documents {
        let (hosts, first) = by_name.entry(document.outlet_label()).or_default();
        hosts.extend(document.via.clone());
        if let Some(date) = document.published {
            if first.is_none_or(|f| date_key(date) < date_key(f)) {
                *first = Some(date);
            }
        }
    }
    let mut outlets: Vec<OutletSummary> = (by_name.into_iter())
        .map(|(name, (hosts, first_published))| OutletSummary {
            name,
            hosts: hosts.into_iter().collect(),
            first_published,
        })
        .collect();
    outlets.sort_by_key(|o| (o.first_published.is_none(), o.first_published.map(date_key)));
    outlets
}

fn date_key(date: PartialDate) -> (i64, PartialDate) {
    (date.first_day_number(), date)
}

/// The thread index of `corpus` and the thread files it names (threads
/// gathered until a file holds `file_claims` claims), written into
/// `files`; returns the index's file name.
pub(super) fn write_threads(
    corpus: &Corpus,
    files: &mut Sink,
    file_claims: usize,
) -> Result<String, String> {
    let outlets = outlet_summaries(&corpus.documents);
    let at: HashMap<&str, u32> = (outlets.iter().enumerate())
        .map(|(i, o)| (o.name.as_str(), i as u32))
        .collect();
    let documents: HashMap<&str, &Document> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let outlet_of = |claim: &Claim| {
        let document = documents.get(claim.doc.as_str())?;
        at.get(document.outlet_label().as_str()).copied()
    };
    let published = |claim: &Claim| {
        let document = documents.get(claim.doc.as_str())?;
        Some(document.published?.first_day_number() as i32)
    };
    let claims: HashMap<&str, &Claim> = corpus.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let hashes = write_thread_files(corpus, files, file_claims)?;
    let mut index = ThreadIndex {
        unthreaded: vec![0; outlets.len()],
        claims: corpus.claims.len() as u32,
        outlet_claims: vec![[0; STANCES.len()]; outlets.len()],
        outlet_undated: vec![[0; STANCES.len()]; outlets.len()],
        ..ThreadIndex::default()
    };
    for (thread, file) in corpus.threads.iter().zip(hashes) {
        let mut summary = Summary::default();
        for claim in thread
            .claims
            .iter()
            .filter_map(|id| claims.get(id.as_str()))
        {
            summary.add(claim, outlet_of(claim), published(claim));
        }
        index.threads.push(summary.finish(thread, file));
    }
    let mut lone = Summary::default();
    for claim in &corpus.claims {
        let undated = claim.event_date.is_none();
        index.undated += u32::from(undated);
        let outlet = outlet_of(claim);
        if let Some(outlet) = outlet {
            let stance = stance_at(claim.stance);
            index.outlet_claims[outlet as usize][stance] += 1;
            index.outlet_undated[outlet as usize][stance] += u32::from(undated);
        }
        if claim.threads.is_empty() {
            if let Some(outlet) = outlet {
                index.unthreaded[outlet as usize] += 1;
            }
            lone.add(claim, outlet, published(claim));
        }
    }
    index.unthreaded_days = tallies(&lone.days);
    index.unthreaded_reported = lone.reported;
    index.outlets = outlets;
    let file = named(THREADS, encode(&index)?);
    let name = file.name.clone();
    files(file)?;
    Ok(name)
}

/// A thread's counts as its claims are added.
#[derive(Default)]
struct Summary {
    cells: BTreeMap<u32, [u32; STANCES.len()]>,
    /// Claims by (first day, last day, outlet, stance).
    days: BTreeMap<(i32, i32, u32, u8), u32>,
    reported: Option<(i32, i32)>,
    claims: u32,
}

impl Summary {
    fn add(&mut self, claim: &Claim, outlet: Option<u32>, published: Option<i32>) {
        self.claims += 1;
        let stance = stance_at(claim.stance);
        if let Some(outlet) = outlet {
            self.cells.entry(outlet).or_default()[stance] += 1;
        }
        if let Some(date) = &claim.event_date {
            let (first, last) = covered_days(date, claim.event_date_precision);
            let key = (
                first as i32,
                last as i32,
                outlet.unwrap_or(NO_OUTLET),
                stance as u8,
            );
            *self.days.entry(key).or_default() += 1;
            if let Some(day) = published {
                let (low, high) = self.reported.unwrap_or((day, day));
                self.reported = Some((low.min(day), high.max(day)));
            }
        }
    }

    fn finish(self, thread: &Thread, file: u64) -> ThreadSummary {
        ThreadSummary {
            thread: Thread {
                claims: Vec::new(),
                docs: Vec::new(),
                ..thread.clone()
            },
            claims: self.claims,
            docs: thread.docs.len() as u32,
            cells: self.cells.into_iter().collect(),
            days: tallies(&self.days),
            reported: self.reported,
            file,
        }
    }
}

fn tallies(days: &BTreeMap<(i32, i32, u32, u8), u32>) -> Vec<Tally> {
    (days.iter())
        .map(|(&(first_day, last_day, outlet, stance), &claims)| Tally {
            first_day,
            last_day,
            outlet,
            stance,
            claims,
        })
        .collect()
}

/// A stance's position in [`STANCES`].
fn stance_at(stance: crate::document::Stance) -> usize {
    STANCES.iter().position(|&s| s == stance).unwrap_or(0)
}

/// Where a corpus's items are, by id, so that a thread file is made in
/// time proportional to what it holds.
struct Lookup<'a> {
    claims: HashMap<&'a str, usize>,
    documents: HashMap<&'a str, usize>,
    quotes: HashMap<&'a str, usize>,
    entities: HashMap<&'a str, usize>,
}

impl<'a> Lookup<'a> {
    fn of(corpus: &'a Corpus) -> Self {
        fn at<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, usize> {
            items.iter().enumerate().map(|(i, x)| (id(x), i)).collect()
        }
        Lookup {
            claims: at(&corpus.claims, |c| c.id.as_str()),
            documents: at(&corpus.documents, |d| d.id.as_str()),
            quotes: at(&corpus.quotes, |q| q.id.as_str()),
            entities: at(&corpus.entities, |e| e.id.as_str()),
        }
    }
}

/// The items of `ids` (found by `map`, their positions in `items`), in
/// `items`' order, each once.
fn picked<'a, 'i, T>(
    items: &'a [T],
    map: &HashMap<&str, usize>,
    ids: impl Iterator<Item = &'i str>,
) -> Vec<&'a T> {
    let found: BTreeSet<usize> = ids.filter_map(|id| map.get(id).copied()).collect();
    found.into_iter().map(|at| &items[at]).collect()
}

/// Writes the thread files: threads in corpus order, gathered into a file
/// until it holds `file_claims` claims. Returns each thread's file's
/// content hash.
fn write_thread_files(
    corpus: &Corpus,
    files: &mut Sink,
    file_claims: usize,
) -> Result<Vec<u64>, String> {
    let lookup = Lookup::of(corpus);
    let mut hashes = Vec::new();
    let mut group: Vec<&Thread> = Vec::new();
    let mut held = 0;
    for (at, thread) in corpus.threads.iter().enumerate() {
        group.push(thread);
        held += thread.claims.len();
        if held >= file_claims || at + 1 == corpus.threads.len() {
            let file = named(THREAD, encode(&thread_part(corpus, &lookup, &group))?);
            let hash = super::content_hash(&file.bytes);
            hashes.extend(group.iter().map(|_| hash));
            files(file)?;
            (group, held) = (Vec::new(), 0);
        }
    }
    Ok(hashes)
}

/// The corpus part of `threads`: the threads whole, their claims in corpus
/// order, the articles those come from (metadata and standfirst, no text),
/// the quotes the claims carry and the entities they name (without their
/// mentions, which the reader's packs hold).
fn thread_part(corpus: &Corpus, lookup: &Lookup, threads: &[&Thread]) -> Corpus {
    let ids = threads
        .iter()
        .flat_map(|t| t.claims.iter().map(String::as_str));
    let claims = picked(&corpus.claims, &lookup.claims, ids);
    let quote_ids = claims
        .iter()
        .flat_map(|c| c.quotes.iter().map(String::as_str));
    let quotes = picked(&corpus.quotes, &lookup.quotes, quote_ids);
    let doc_ids = claims.iter().map(|c| c.doc.as_str());
    let documents = picked(&corpus.documents, &lookup.documents, doc_ids);
    let named = (claims.iter())
        .flat_map(|c| c.entities.iter().chain(&c.attribution_entity))
        .chain(quotes.iter().filter_map(|q| q.speaker_entity.as_ref()))
        .map(String::as_str);
    let docs: BTreeSet<&str> = documents.iter().map(|d| d.id.as_str()).collect();
    Corpus {
        entities: (picked(&corpus.entities, &lookup.entities, named).into_iter())
            .map(|entity| entity_in(entity, &docs))
            .collect(),
        documents: (documents.iter())
            .map(|d| Document {
                dek: d.dek.clone(),
                ..metadata_only(d)
            })
            .collect(),
        quotes: quotes.into_iter().cloned().collect(),
        claims: claims.into_iter().cloned().collect(),
        threads: threads.iter().map(|&t| t.clone()).collect(),
        ..Corpus::empty()
    }
}

/// Several thread files as one corpus part: each item once, in the whole
/// corpus's order (documents, entities and threads by id, claims and
/// quotes by article, then by their number within it), so that views of
/// several threads show them as they would from the whole corpus.
pub fn merge_parts(parts: &[&Corpus]) -> Corpus {
    fn union<T: Clone, K: Ord>(
        parts: &[&Corpus],
        items: impl Fn(&Corpus) -> &[T],
        key: impl Fn(&T) -> K,
    ) -> Vec<T> {
        let mut all: BTreeMap<K, T> = BTreeMap::new();
        for part in parts {
            for item in items(part) {
                all.entry(key(item)).or_insert_with(|| item.clone());
            }
        }
        all.into_values().collect()
    }
    let mut entities = union(parts, |c| &c.entities, |e| e.id.clone());
    // Each file lists an entity's documents among its own.
    for entity in &mut entities {
        let docs = (parts.iter())
            .flat_map(|p| p.entities.iter().filter(|e| e.id == entity.id))
            .flat_map(|e| e.docs.iter().cloned());
        entity.docs = docs.collect::<BTreeSet<String>>().into_iter().collect();
    }
    Corpus {
        documents: union(parts, |c| &c.documents, |d| d.id.clone()),
        entities,
        quotes: union(parts, |c| &c.quotes, |q| numbered(&q.id, "#q")),
        claims: union(parts, |c| &c.claims, |c| numbered(&c.id, "#c")),
        threads: union(parts, |c| &c.threads, |t| t.id.clone()),
        ..Corpus::empty()
    }
}

/// `doc#c12` as (`doc`, 12): claims and quotes are numbered in text order.
fn numbered(id: &str, mark: &str) -> (String, u64) {
    match id.rsplit_once(mark) {
        Some((doc, n)) => (doc.to_string(), n.parse().unwrap_or(u64::MAX)),
        None => (id.to_string(), u64::MAX),
    }
}

/// An entity as a thread file holds it: its documents among `docs`, and no
/// mentions.
fn entity_in(entity: &Entity, docs: &BTreeSet<&str>) -> Entity {
    Entity {
        docs: (entity.docs.iter())
            .filter(|d| docs.contains(d.as_str()))
            .cloned()
            .collect(),
        spans: Vec::new(),
        ..entity.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thread(n: usize, claims: usize) -> Thread {
        Thread {
            id: format!("event:t{n}"),
            label: format!("Thread {n}"),
            action: "event".to_string(),
            subject: None,
            object: None,
            item: None,
            claims: (0..claims).map(|c| format!("t{n}#c{c}")).collect(),
            docs: Vec::new(),
            first_date: None,
            last_date: None,
        }
    }

    #[test]
    fn small_threads_share_a_file_and_a_big_one_has_its_own() {
        let sizes = [100, 200, 300, 2_000, 50, 60];
        let corpus = Corpus {
            threads: (sizes.iter().enumerate())
                .map(|(n, &c)| thread(n, c))
                .collect(),
            ..Corpus::empty()
        };
        let mut files = Vec::new();
        let mut keep = |file| {
            files.push(file);
            Ok(())
        };
        let hashes = write_thread_files(&corpus, &mut keep, THREAD_FILE_CLAIMS).unwrap();
        // 100 + 200 + 300 reach 512 together; 2,000 alone; the last two
        // are what is left.
        assert_eq!(files.len(), 3);
        let groups: Vec<usize> = hashes
            .iter()
            .map(|h| {
                files
                    .iter()
                    .position(|f| f.name == file_name(THREAD, *h))
                    .unwrap()
            })
            .collect();
        assert_eq!(groups, [0, 0, 0, 1, 2, 2]);
        let part: Corpus = postcard::from_bytes(&files[0].bytes).unwrap();
        let ids: Vec<&str> = part.threads.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["event:t0", "event:t1", "event:t2"]);
    }
}
