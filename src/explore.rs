//! The explorer's engine: which articles and claims fit the filters, and how
//! many would fit each facet value (live counts). Built once from the
//! corpus; a run is a linear pass over precomputed stems and facet values,
//! so it stays within a frame on thousands of articles.

use crate::filters::{Filters, SOURCE_KINDS, STANCES};
use crate::search::{tokenize, CompiledQuery, Query, Vocabulary};
use crossread_corpus::parts::facets::{
    source_bit, stance_bit, ArticleFacets, FacetEntity, FacetIndex, FacetThread,
};
use crossread_corpus::parts::words::searched_text;
use crossread_corpus::parts::{ThreadFacets, WordShard};
use crossread_corpus::{AttributionKind, Corpus, EntityKind, PartialDate, Stance};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

/// Whether results are listed as articles or as claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsAs {
    #[default]
    Articles,
    Claims,
}

/// Facet values of one searchable item (an article or a claim), as small
/// integers: outlets, entities and threads are interned in [`Names`];
/// stances and source kinds are bit sets over `STANCES` and `SOURCE_KINDS`.
#[derive(Debug, Default, Clone)]
struct Item {
    published: Option<PartialDate>,
    stems: Vec<u32>,
    outlet: u32,
    entities: Vec<u32>,
    threads: Vec<u32>,
    stances: u8,
    sources: u8,
    has_quote: bool,
    has_number: bool,
}

/// An article's item from its facet values (`lone`: the id of
/// [`NO_THREAD`]).
fn article_item(facets: &ArticleFacets, lone: u32) -> Item {
    let mut threads = facets.threads.clone();
    if facets.lone_claims {
        threads.push(lone);
    }
    Item {
        published: facets.published,
        stems: Vec::new(),
        outlet: facets.outlet,
        entities: facets.entities.clone(),
        threads,
        stances: facets.stances,
        sources: facets.sources,
        has_quote: facets.has_quote,
        has_number: facets.has_number,
    }
}

/// Every stem of a query: its loose words and its phrases' words.
fn query_stems(query: &Query) -> impl Iterator<Item = &str> {
    (query.words.iter())
        .chain(query.phrases.iter().flatten())
        .map(String::as_str)
}

/// Interned facet values.
#[derive(Debug, Default, Clone)]
struct Names {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        id
    }

    /// Ids of the chosen names; a name unknown to the corpus matches nothing.
    fn chosen(&self, names: &BTreeSet<String>) -> Option<Vec<u32>> {
        (!names.is_empty()).then(|| {
            names
                .iter()
                .filter_map(|n| self.ids.get(n).copied())
                .collect()
        })
    }

    /// Non-zero counts by name.
    fn counts(&self, counts: &[usize]) -> BTreeMap<String, usize> {
        counts
            .iter()
            .enumerate()
            .filter(|(_, &n)| n > 0)
            .map(|(id, &n)| (self.names[id].clone(), n))
            .collect()
    }
}

/// Non-zero counts of a fixed list of values.
fn counts_of<T: Copy + Ord>(values: &[T], counts: &[usize]) -> BTreeMap<T, usize> {
    values
        .iter()
        .zip(counts)
        .filter(|(_, &n)| n > 0)
        .map(|(v, &n)| (*v, n))
        .collect()
}

pub struct ExploreIndex {
    vocabulary: Vocabulary,
    outlets: Names,
    entities: Names,
    threads: Names,
    articles: Vec<Item>,
    claims: Vec<Item>,
    /// What the facets list: every outlet, entity and thread, with names;
    /// and the search index's shards, for an index that looks its
    /// searches up.
    labels: FacetIndex,
    /// The items have no words of their own: a search's matches come
    /// from the search index's shards ([`Self::look_up`]).
    looks_up: bool,
}

/// Facet value → number of results it would give, other facets applied.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    pub outlets: BTreeMap<String, usize>,
    pub entities: BTreeMap<String, usize>,
    pub threads: BTreeMap<String, usize>,
    pub stances: BTreeMap<Stance, usize>,
    pub sources: BTreeMap<AttributionKind, usize>,
    pub has_quote: usize,
    pub has_number: usize,
}

/// The outcome of one run: matching items (indices into `corpus.documents`
/// or `corpus.claims`, in corpus order) and the live counts.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub matches: Vec<usize>,
    pub counts: FacetCounts,
    /// Items left out only because they have no publication date.
    pub undated_hidden: usize,
}

const FACETS: usize = 8;
const TEXT: usize = 0;
const OUTLET: usize = 1;
const ENTITY: usize = 2;
const THREAD: usize = 3;
const STANCE: usize = 4;
const SOURCE: usize = 5;
const HAS_QUOTE: usize = 6;
const HAS_NUMBER: usize = 7;

/// Counts while a run goes, indexed like the interned names.
struct Tally {
    outlets: Vec<usize>,
    entities: Vec<usize>,
    threads: Vec<usize>,
    stances: [usize; 5],
    sources: [usize; 4],
    has_quote: usize,
    has_number: usize,
}

impl Tally {
    /// Adds an item to every facet (`only: None`, the item fits all
    /// filters) or to the one facet it fails (what choosing a value there
    /// would add).
    fn add(&mut self, item: &Item, only: Option<usize>) {
        let wanted = |facet: usize| only.is_none_or(|o| o == facet);
        if wanted(OUTLET) {
            self.outlets[item.outlet as usize] += 1;
        }
        if wanted(ENTITY) {
            item.entities
                .iter()
                .for_each(|&e| self.entities[e as usize] += 1);
        }
        if wanted(THREAD) {
            item.threads
                .iter()
                .for_each(|&t| self.threads[t as usize] += 1);
        }
        if wanted(STANCE) {
            (0..5)
                .filter(|i| item.stances & (1 << i) != 0)
                .for_each(|i| self.stances[i] += 1);
        }
        if wanted(SOURCE) {
            (0..4)
                .filter(|i| item.sources & (1 << i) != 0)
                .for_each(|i| self.sources[i] += 1);
        }
        if wanted(HAS_QUOTE) && item.has_quote {
            self.has_quote += 1;
        }
        if wanted(HAS_NUMBER) && item.has_number {
            self.has_number += 1;
        }
    }
}

impl ExploreIndex {
    /// The index of a whole corpus: articles and claims, with their words.
    pub fn build(corpus: &Corpus) -> ExploreIndex {
        let documents: Vec<&crossread_corpus::Document> = corpus.documents.iter().collect();
        let mut index = ExploreIndex::from_facets(FacetIndex::build(corpus, &documents));
        let mut vocabulary = Vocabulary::default();
        let mut intern = |text: &str| {
            tokenize(text)
                .iter()
                .map(|t| vocabulary.intern(&t.stem))
                .collect::<Vec<u32>>()
        };
        for (article, document) in index.articles.iter_mut().zip(&documents) {
            article.stems = intern(&searched_text(document));
        }
        let doc_index: HashMap<&str, usize> = (documents.iter().enumerate())
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        for claim in &corpus.claims {
            let Some(&doc) = doc_index.get(claim.doc.as_str()) else {
                continue;
            };
            let item = Item {
                published: index.articles[doc].published,
                stems: intern(&claim.text),
                outlet: index.articles[doc].outlet,
                entities: (claim.entities.iter())
                    .map(|e| index.entities.intern(e))
                    .collect(),
                threads: if claim.threads.is_empty() {
                    vec![index.threads.intern(NO_THREAD)]
                } else {
                    claim
                        .threads
                        .iter()
                        .map(|t| index.threads.intern(t))
                        .collect()
                },
                stances: stance_bit(claim.stance),
                sources: source_bit(claim.attribution_kind),
                has_quote: !claim.quotes.is_empty(),
                has_number: !claim.numbers.is_empty(),
            };
            index.claims.push(item);
        }
        index.vocabulary = vocabulary;
        index.looks_up = false;
        index
    }

    /// The index of a facet index's articles (a big site's explorer):
    /// no claims, and no words of their own, so a search's matches come
    /// from the search index ([`Self::run_looked_up`]).
    pub fn from_facets(facets: FacetIndex) -> ExploreIndex {
        let names = |names: &mut dyn Iterator<Item = &str>| {
            let mut interned = Names::default();
            names.for_each(|name| {
                interned.intern(name);
            });
            interned
        };
        let mut threads = names(&mut facets.threads.iter().map(|t| t.id.as_str()));
        let lone = threads.intern(NO_THREAD);
        let articles = (facets.articles.iter())
            .map(|a| article_item(a, lone))
            .collect();
        ExploreIndex {
            vocabulary: Vocabulary::default(),
            outlets: names(&mut facets.outlets.iter().map(String::as_str)),
            entities: names(&mut facets.entities.iter().map(|e| e.id.as_str())),
            threads,
            articles,
            claims: Vec::new(),
            labels: FacetIndex {
                articles: Vec::new(),
                ..facets
            },
            looks_up: true,
        }
    }

    /// The data file of the event threads' facet, while this index (a
    /// big site's) has not got it: without it the index knows no thread.
    pub fn thread_file(&self) -> Option<String> {
        (self.labels.thread_part).map(|part| crossread_corpus::parts::thread_facets_file(part.hash))
    }

    /// How many event threads the facet of [`Self::thread_file`] lists.
    pub fn threads_not_loaded(&self) -> Option<u32> {
        self.labels.thread_part.map(|part| part.threads)
    }

    /// This index (a big site's, without its threads) with the event
    /// threads' facet of its articles; an error if `part` was made for
    /// another index.
    pub fn with_threads(&self, part: ThreadFacets) -> Result<ExploreIndex, String> {
        if !self.looks_up || self.labels.thread_part.is_none() {
            return Err("this explorer index has its event threads already".into());
        }
        part.check(self.articles.len())?;
        let lone_before = self.threads.ids.get(NO_THREAD).copied();
        let mut threads = Names::default();
        part.threads.iter().for_each(|t| {
            threads.intern(&t.id);
        });
        let lone = threads.intern(NO_THREAD);
        let articles = (self.articles.iter().zip(part.articles))
            .map(|(item, mut ids)| {
                if lone_before.is_some_and(|l| item.threads.contains(&l)) {
                    ids.push(lone);
                }
                Item {
                    threads: ids,
                    ..item.clone()
                }
            })
            .collect();
        Ok(ExploreIndex {
            vocabulary: Vocabulary::default(),
            outlets: self.outlets.clone(),
            entities: self.entities.clone(),
            threads,
            articles,
            claims: Vec::new(),
            labels: FacetIndex {
                threads: part.threads,
                thread_part: None,
                ..self.labels.clone()
            },
            looks_up: true,
        })
    }

    /// Whether a search's matches come from the search index's shards
    /// (a big site's explorer), where a quoted phrase matches articles
    /// holding all its words, not only side by side.
    pub fn looks_up_words(&self) -> bool {
        self.looks_up
    }

    /// The search shards (data file names) that hold the words of
    /// `query`; none for an index with words of its own.
    pub fn word_files(&self, query: &Query) -> Vec<String> {
        if !self.looks_up {
            return Vec::new();
        }
        let mut files: Vec<String> = query_stems(query)
            .filter_map(|stem| self.labels.shard_file(stem))
            .collect();
        files.sort();
        files.dedup();
        files
    }

    /// The articles holding every word of `query` (a phrase's words
    /// anywhere), read from the shards that `shard` gives by file name;
    /// `None` while one of them is not at hand.
    pub fn look_up(
        &self,
        query: &Query,
        shard: impl Fn(&str) -> Option<Rc<WordShard>>,
    ) -> Option<BTreeSet<usize>> {
        let mut found: Option<BTreeSet<usize>> = None;
        for stem in query_stems(query) {
            let articles: BTreeSet<usize> = match self.labels.shard_file(stem) {
                None => BTreeSet::new(),
                Some(file) => (shard(&file)?.articles(stem).unwrap_or_default())
                    .into_iter()
                    .map(|a| a as usize)
                    .collect(),
            };
            found = Some(match found {
                None => articles,
                Some(so_far) => so_far.intersection(&articles).copied().collect(),
            });
        }
        Some(found.unwrap_or_default())
    }

    /// The items (articles or claims) that `filters` let through, and
    /// the live counts.
    pub fn run(&self, filters: &Filters, results_as: ResultsAs) -> Outcome {
        self.run_looked_up(filters, results_as, None)
    }

    /// [`Self::run`], the search's matches given by `looked_up` (the
    /// articles the search index lists for its words) when the items have
    /// no words of their own.
    pub fn run_looked_up(
        &self,
        filters: &Filters,
        results_as: ResultsAs,
        looked_up: Option<&BTreeSet<usize>>,
    ) -> Outcome {
        let items = match results_as {
            ResultsAs::Articles => &self.articles,
            ResultsAs::Claims => &self.claims,
        };
        let query = Query::parse(&filters.text);
        // A word that never occurs anywhere means nothing can match.
        let compiled =
            (!query.is_empty()).then(|| CompiledQuery::compile(&query, &self.vocabulary));
        let text_fits = |index: usize, item: &Item| match (&compiled, looked_up) {
            (None, _) => true,
            (Some(_), Some(found)) => found.contains(&index),
            (Some(compiled), None) => compiled.as_ref().is_some_and(|c| c.matches(&item.stems)),
        };
        let outlets = self.outlets.chosen(&filters.outlets);
        let entities = self.entities.chosen(&filters.entities);
        let threads = self.threads.chosen(&filters.threads);
        let stances = filters
            .stances
            .iter()
            .fold(0, |bits, s| bits | stance_bit(*s));
        let sources = filters
            .sources
            .iter()
            .fold(0, |bits, s| bits | source_bit(*s));
        // An empty choice lets everything through; otherwise any chosen value does.
        let any_of = |chosen: &Option<Vec<u32>>, values: &[u32]| {
            chosen
                .as_ref()
                .is_none_or(|c| c.iter().any(|v| values.contains(v)))
        };
        let mut tally = Tally {
            outlets: vec![0; self.outlets.names.len()],
            entities: vec![0; self.entities.names.len()],
            threads: vec![0; self.threads.names.len()],
            stances: [0; 5],
            sources: [0; 4],
            has_quote: 0,
            has_number: 0,
        };
        let mut outcome = Outcome::default();
        for (index, item) in items.iter().enumerate() {
            let published = item.published.as_ref();
            if !filters.date_fits(published) {
                if published.is_none() {
                    outcome.undated_hidden += 1;
                }
                continue;
            }
            let pass = [
                text_fits(index, item),
                any_of(&outlets, &[item.outlet]),
                any_of(&entities, &item.entities),
                any_of(&threads, &item.threads),
                stances == 0 || item.stances & stances != 0,
                sources == 0 || item.sources & sources != 0,
                !filters.has_quote || item.has_quote,
                !filters.has_number || item.has_number,
            ];
            let mut failing = (0..FACETS).filter(|&f| !pass[f]);
            match (failing.next(), failing.next()) {
                (None, _) => {
                    outcome.matches.push(index);
                    tally.add(item, None);
                }
                (Some(only), None) if only != TEXT => tally.add(item, Some(only)),
                _ => {}
            }
        }
        outcome.counts = FacetCounts {
            outlets: self.outlets.counts(&tally.outlets),
            entities: self.entities.counts(&tally.entities),
            threads: self.threads.counts(&tally.threads),
            stances: counts_of(&STANCES, &tally.stances),
            sources: counts_of(&SOURCE_KINDS, &tally.sources),
            has_quote: tally.has_quote,
            has_number: tally.has_number,
        };
        outcome
    }
}

/// One value of a facet, as shown to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    /// Stable key, used in the URL and for `data-value`.
    pub key: String,
    pub label: String,
    pub count: usize,
    pub checked: bool,
}

/// Every facet's options for one outcome, in display order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FacetOptions {
    pub outlets: Vec<FacetOption>,
    /// Entity groups by kind label ("People", "Countries", ...).
    pub entities: Vec<(&'static str, Vec<FacetOption>)>,
    pub threads: Vec<FacetOption>,
    pub stances: Vec<FacetOption>,
    pub sources: Vec<FacetOption>,
    pub has: Vec<FacetOption>,
}

impl FacetOptions {
    pub fn build(index: &ExploreIndex, outcome: &Outcome, filters: &Filters) -> FacetOptions {
        let labels = &index.labels;
        let counts = &outcome.counts;
        let option = |key: &str, label: &str, count: usize, checked: bool| FacetOption {
            key: key.to_string(),
            label: label.to_string(),
            count,
            checked,
        };
        let outlets: BTreeSet<&str> = labels.outlets.iter().map(String::as_str).collect();
        let outlets = outlets
            .into_iter()
            .map(|o| {
                option(
                    o,
                    o,
                    counts.outlets.get(o).copied().unwrap_or(0),
                    filters.outlets.contains(o),
                )
            })
            .collect();
        let by_count = |options: &mut Vec<FacetOption>| {
            options.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        };
        let mut entities = Vec::new();
        for (kinds, label) in ENTITY_GROUPS {
            let mut options: Vec<FacetOption> = labels
                .entities
                .iter()
                .filter(|e| kinds.contains(&e.kind))
                .map(|e| {
                    let count = counts.entities.get(&e.id).copied().unwrap_or(0);
                    option(&e.id, &e.name, count, filters.entities.contains(&e.id))
                })
                .collect();
            by_count(&mut options);
            if !options.is_empty() {
                entities.push((*label, options));
            }
        }
        let mut threads: Vec<FacetOption> = labels
            .threads
            .iter()
            .map(|t: &FacetThread| {
                option(
                    &t.id,
                    &t.label,
                    counts.threads.get(&t.id).copied().unwrap_or(0),
                    filters.threads.contains(&t.id),
                )
            })
            .collect();
        by_count(&mut threads);
        // Claims only their own article reports, last.
        let alone = counts.threads.get(NO_THREAD).copied().unwrap_or(0);
        let chosen = filters.threads.contains(NO_THREAD);
        if alone > 0 || chosen {
            threads.push(option(NO_THREAD, NO_THREAD_LABEL, alone, chosen));
        }
        let stances = STANCES
            .iter()
            .map(|s| {
                option(
                    s.as_str(),
                    s.as_str(),
                    counts.stances.get(s).copied().unwrap_or(0),
                    filters.stances.contains(s),
                )
            })
            .collect();
        let sources = SOURCE_KINDS
            .iter()
            .map(|s| {
                let count = counts.sources.get(s).copied().unwrap_or(0);
                option(
                    s.as_str(),
                    source_label(*s),
                    count,
                    filters.sources.contains(s),
                )
            })
            .collect();
        let has = vec![
            option(
                "quote",
                "Has a direct quote",
                counts.has_quote,
                filters.has_quote,
            ),
            option(
                "number",
                "Has a number",
                counts.has_number,
                filters.has_number,
            ),
        ];
        FacetOptions {
            outlets,
            entities,
            threads,
            stances,
            sources,
            has,
        }
    }
}

/// The thread filter's value for claims in no event thread (thread ids
/// always hold a colon, so it never names a thread).
pub const NO_THREAD: &str = "none";
pub const NO_THREAD_LABEL: &str = "In no event thread (only in its article)";

const ENTITY_GROUPS: &[(&[EntityKind], &str)] = &[
    (&[EntityKind::Person], "People"),
    (
        &[EntityKind::Country, EntityKind::Place],
        "Countries and places",
    ),
    (&[EntityKind::Organisation], "Organisations"),
    (&[EntityKind::Media], "Media"),
    (&[EntityKind::Weapon], "Weapon systems"),
];

/// Reader-facing name of a kind of source.
pub fn source_label(kind: AttributionKind) -> &'static str {
    match kind {
        AttributionKind::Named => "Named source",
        AttributionKind::Anonymous => "Anonymous source",
        AttributionKind::Media => "Another outlet",
        AttributionKind::Outlet => "The outlet itself",
    }
}

/// An example search drawn from the corpus shown: the most mentioned
/// name (not an outlet), quoted when it has several words ("\"padang\""), so
/// the search box never suggests another story.
pub fn search_example(index: &ExploreIndex) -> String {
    let best = (index.labels.entities.iter())
        .filter(|e| !matches!(e.kind, EntityKind::Media | EntityKind::Weapon))
        .max_by(|a: &&FacetEntity, b| a.mentions.cmp(&b.mentions).then(b.name.cmp(&a.name)));
    match best {
        Some(e) if e.name.contains(' ') => format!("\"{}\"", e.name.to_lowercase()),
        Some(e) => e.name.to_lowercase(),
        None => "a word or \"a phrase\"".to_string(),
    }
}

/// The outlet name used as a facet value.
pub fn outlet_of(document: &crossread_corpus::Document) -> String {
    document.outlet_label()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_example_comes_from_the_corpus_shown() {
        let text = "Floods hit Porto Alegre\n\nFloods closed roads in Porto Alegre on Monday, officials said.\n\nRescuers in Porto Alegre used boats.\n";
        let corpus = crossread_corpus::build_corpus(
            vec![crossread_corpus::SourceFile {
                name: "floods.txt".into(),
                bytes: text.as_bytes().to_vec(),
            }],
            None,
        )
        .unwrap();
        assert_eq!(
            search_example(&ExploreIndex::build(&corpus)),
            "\"porto alegre\""
        );
        let seeds = ExploreIndex::build(crate::corpus_data::corpus().unwrap());
        assert!(!search_example(&seeds).contains("missile"));
    }
    use crate::corpus_data::corpus;
    use crate::test_corpora::test_corpus;

    fn run(filters: &Filters, results_as: ResultsAs) -> Outcome {
        let corpus = corpus().unwrap();
        ExploreIndex::build(corpus).run(filters, results_as)
    }

    fn with_text(text: &str) -> Filters {
        Filters {
            text: text.to_string(),
            ..Filters::default()
        }
    }

    #[test]
    fn no_filters_list_everything() {
        let corpus = corpus().unwrap();
        assert_eq!(
            run(&Filters::default(), ResultsAs::Articles).matches.len(),
            corpus.documents.len()
        );
        assert_eq!(
            run(&Filters::default(), ResultsAs::Claims).matches.len(),
            corpus.claims.len()
        );
    }

    #[test]
    fn search_matches_stems_case_and_accents() {
        let corpus = corpus().unwrap();
        let plural = run(&with_text("MISSILES"), ResultsAs::Claims).matches;
        let singular = run(&with_text("missile"), ResultsAs::Claims).matches;
        assert_eq!(plural, singular);
        assert!(!plural.is_empty());
        for &index in &plural {
            assert!(corpus.claims[index].text.to_lowercase().contains("missile"));
        }
        assert!(run(&with_text("zzzqqq"), ResultsAs::Articles)
            .matches
            .is_empty());
    }

    #[test]
    fn phrases_need_their_words_in_order() {
        let corpus = corpus().unwrap();
        let phrase = run(&with_text("\"ballistic missiles\""), ResultsAs::Claims).matches;
        assert!(!phrase.is_empty());
        for &index in &phrase {
            assert!(corpus.claims[index]
                .text
                .to_lowercase()
                .contains("ballistic missile"));
        }
        assert!(run(&with_text("\"missiles ballistic\""), ResultsAs::Claims)
            .matches
            .is_empty());
    }

    #[test]
    fn a_facet_counts_as_if_its_own_choice_were_open() {
        let corpus = corpus().unwrap();
        let cnn = Filters {
            outlets: ["CNN".to_string()].into(),
            ..Filters::default()
        };
        let outcome = run(&cnn, ResultsAs::Articles);
        assert_eq!(outcome.matches.len(), 1);
        assert_eq!(
            corpus.documents[outcome.matches[0]].outlet.as_deref(),
            Some("CNN")
        );
        // Other outlets still show what choosing them would add.
        assert_eq!(outcome.counts.outlets.get("Newsweek"), Some(&1));
        assert_eq!(
            outcome.counts.outlets.values().sum::<usize>(),
            corpus.documents.len()
        );
    }

    #[test]
    fn facets_and_across_or_within() {
        let corpus = corpus().unwrap();
        let two = Filters {
            outlets: ["CNN".to_string(), "Newsweek".to_string()].into(),
            ..Filters::default()
        };
        assert_eq!(run(&two, ResultsAs::Articles).matches.len(), 2);
        let narrowed = Filters {
            stances: [Stance::Denied].into(),
            ..two
        };
        let claims = run(&narrowed, ResultsAs::Claims).matches;
        for &index in &claims {
            let claim = &corpus.claims[index];
            assert_eq!(claim.stance, Stance::Denied);
            let outlet = corpus
                .documents
                .iter()
                .find(|d| d.id == claim.doc)
                .and_then(|d| d.outlet.clone());
            assert!(matches!(outlet.as_deref(), Some("CNN" | "Newsweek")));
        }
    }

    #[test]
    fn the_no_thread_value_lists_exactly_the_claims_in_no_thread() {
        let corpus = corpus().unwrap();
        let alone = Filters {
            threads: [NO_THREAD.to_string()].into(),
            ..Filters::default()
        };
        let outcome = run(&alone, ResultsAs::Claims);
        let expected: Vec<usize> = (0..corpus.claims.len())
            .filter(|&i| corpus.claims[i].threads.is_empty())
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(outcome.matches, expected);
        let options = FacetOptions::build(&ExploreIndex::build(corpus), &outcome, &alone);
        let last = options.threads.last().unwrap();
        assert_eq!(
            (last.key.as_str(), last.count, last.checked),
            (NO_THREAD, expected.len(), true)
        );
    }

    #[test]
    fn claim_counts_add_up_per_stance() {
        let corpus = corpus().unwrap();
        let outcome = run(&Filters::default(), ResultsAs::Claims);
        assert_eq!(
            outcome.counts.stances.values().sum::<usize>(),
            corpus.claims.len()
        );
        for (stance, count) in &outcome.counts.stances {
            assert_eq!(
                *count,
                corpus.claims.iter().filter(|c| c.stance == *stance).count()
            );
        }
    }

    #[test]
    fn date_range_keeps_overlapping_articles() {
        let filters = Filters {
            from: crossread_corpus::PartialDate::parse_iso("2023"),
            to: crossread_corpus::PartialDate::parse_iso("2023"),
            ..Filters::default()
        };
        assert_eq!(run(&filters, ResultsAs::Articles).matches.len(), 2);
    }

    /// A chunked site's explorer, from its data files: the facet index
    /// joined with its event threads, and every search shard, as the page
    /// would fetch them.
    fn chunked(corpus: &Corpus) -> (ExploreIndex, BTreeMap<String, Rc<WordShard>>) {
        let (index, shards, threads) = chunked_without_threads(corpus);
        (index.with_threads(threads).unwrap(), shards)
    }

    /// [`chunked`] before the threads' facet is joined, and that facet.
    fn chunked_without_threads(
        corpus: &Corpus,
    ) -> (
        ExploreIndex,
        BTreeMap<String, Rc<WordShard>>,
        crossread_corpus::parts::ThreadFacets,
    ) {
        use crossread_corpus::parts::{data_files, Layout, LibraryIndex};
        let files = data_files(corpus, Layout::default()).unwrap();
        let bytes = |name: &str| &files.iter().find(|f| f.name == name).unwrap().bytes;
        let library: LibraryIndex = postcard::from_bytes(&files.last().unwrap().bytes).unwrap();
        let facets: FacetIndex = postcard::from_bytes(bytes(&library.facets)).unwrap();
        let shards = (files.iter())
            .filter(|f| f.name.starts_with("words-"))
            .map(|f| {
                (
                    f.name.clone(),
                    Rc::new(postcard::from_bytes(&f.bytes).unwrap()),
                )
            })
            .collect();
        let index = ExploreIndex::from_facets(facets);
        let threads = postcard::from_bytes(bytes(&index.thread_file().unwrap())).unwrap();
        (index, shards, threads)
    }

    #[test]
    fn a_chunked_sites_explorer_counts_all_but_threads_before_their_facet_comes() {
        for corpus in [corpus().unwrap().clone(), test_corpus("quake")] {
            let whole = ExploreIndex::build(&corpus);
            let (index, shards, threads) = chunked_without_threads(&corpus);
            assert_eq!(
                index.threads_not_loaded(),
                Some(corpus.threads.len() as u32)
            );
            let filters = Filters {
                has_quote: true,
                ..with_text("said")
            };
            let query = Query::parse(&filters.text);
            let found = index.look_up(&query, |name| shards.get(name).cloned());
            let outcome = index.run_looked_up(&filters, ResultsAs::Articles, found.as_ref());
            let expected = whole.run(&filters, ResultsAs::Articles);
            assert_eq!(outcome.matches.len(), expected.matches.len());
            let without_threads = |counts: &FacetCounts| FacetCounts {
                threads: BTreeMap::new(),
                ..counts.clone()
            };
            assert_eq!(
                without_threads(&outcome.counts),
                without_threads(&expected.counts)
            );
            let options = FacetOptions::build(&index, &outcome, &filters);
            assert!(options.threads.iter().all(|o| o.key == NO_THREAD));
            let joined = index.with_threads(threads.clone()).unwrap();
            assert_eq!(
                (joined.thread_file(), joined.threads_not_loaded()),
                (None, None)
            );
            assert!(
                joined.with_threads(threads.clone()).is_err(),
                "joined twice"
            );
            let other = ThreadFacets {
                articles: Vec::new(),
                ..threads
            };
            assert!(index.with_threads(other).is_err(), "made for another index");
        }
    }

    #[test]
    fn a_chunked_sites_explorer_finds_and_counts_what_the_whole_corpus_does() {
        for corpus in [
            corpus().unwrap().clone(),
            test_corpus("quake"),
            test_corpus("recall"),
        ] {
            let whole = ExploreIndex::build(&corpus);
            let (index, shards) = chunked(&corpus);
            assert!(index.looks_up_words() && !whole.looks_up_words());
            let newest = crossread_corpus::newest_first(&corpus.documents);
            let entity = corpus.entities.first().map(|e| e.id.clone());
            let thread = corpus.threads.first().map(|t| t.id.clone());
            let mut cases = vec![Filters::default()];
            for text in ["said", "police", "the", "zzzqqq", "reported 2024", "ferry"] {
                cases.push(with_text(text));
            }
            cases.push(Filters {
                entities: entity.into_iter().collect(),
                stances: [Stance::Asserted].into(),
                ..with_text("said")
            });
            cases.push(Filters {
                threads: thread.into_iter().collect(),
                has_quote: true,
                ..Filters::default()
            });
            cases.push(Filters {
                threads: [NO_THREAD.to_string()].into(),
                from: PartialDate::parse_iso("2023"),
                ..Filters::default()
            });
            for filters in &cases {
                let expected = whole.run(filters, ResultsAs::Articles);
                let query = Query::parse(&filters.text);
                let found = index.look_up(&query, |name| shards.get(name).cloned());
                let outcome = index.run_looked_up(filters, ResultsAs::Articles, found.as_ref());
                let ids = |matches: &[usize], order: &dyn Fn(usize) -> String| {
                    matches
                        .iter()
                        .map(|&m| order(m))
                        .collect::<BTreeSet<String>>()
                };
                assert_eq!(
                    ids(&outcome.matches, &|m| newest[m].id.clone()),
                    ids(&expected.matches, &|m| corpus.documents[m].id.clone()),
                    "{filters:?}"
                );
                assert_eq!(outcome.counts, expected.counts, "{filters:?}");
                assert_eq!(outcome.undated_hidden, expected.undated_hidden);
                let shown = |index: &ExploreIndex| FacetOptions::build(index, &expected, filters);
                assert_eq!(shown(&index), shown(&whole));
            }
            assert_eq!(search_example(&index), search_example(&whole));
        }
    }

    #[test]
    fn a_chunked_sites_phrase_finds_its_words_anywhere() {
        let corpus = corpus().unwrap();
        let (index, shards) = chunked(corpus);
        let phrase = with_text("\"missiles ballistic\"");
        let query = Query::parse(&phrase.text);
        assert_eq!(index.word_files(&query).len(), 2.min(shards.len()));
        let found = index.look_up(&query, |name| shards.get(name).cloned());
        let loose = index.run_looked_up(&phrase, ResultsAs::Articles, found.as_ref());
        let words =
            ExploreIndex::build(corpus).run(&with_text("missiles ballistic"), ResultsAs::Articles);
        assert!(!loose.matches.is_empty());
        assert_eq!(loose.matches.len(), words.matches.len());
        assert_eq!(index.look_up(&query, |_| None), None, "a shard not at hand");
    }
}
