//! The explorer's facet index: for every article, the facet values it
//! carries (outlet, entities, event threads, stances and kinds of source of
//! its claims, whether it quotes or gives a number, its date) as small
//! integers, with the names they stand for. A big site's explorer lists
//! counts and results from this file and the word shards of a search
//! (`words.rs`) without fetching any article; a small site's explorer
//! builds the same index from its embedded corpus.
//!
//! A big site ships the event threads' facet as a file of its own
//! ([`ThreadFacets`], split off by [`FacetIndex::split_threads`]): at
//! 100,000 generated articles it is most of the index (thousands of
//! threads, some holding half the articles), and a search needs it only
//! once a reader filters by thread or asks for the threads' counts.

use crate::document::{AttributionKind, Corpus, Document, EntityKind, Stance};
use crate::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The order of stances in [`ArticleFacets::stances`]' bits.
pub const STANCES: [Stance; 5] = [
    Stance::Asserted,
    Stance::Expected,
    Stance::Hedged,
    Stance::Denied,
    Stance::Unconfirmed,
];

/// The order of kinds of source in [`ArticleFacets::sources`]' bits.
pub const SOURCE_KINDS: [AttributionKind; 4] = [
    AttributionKind::Named,
    AttributionKind::Anonymous,
    AttributionKind::Media,
    AttributionKind::Outlet,
];

/// A stance's bit in [`ArticleFacets::stances`].
pub fn stance_bit(stance: Stance) -> u8 {
    1 << STANCES.iter().position(|s| *s == stance).unwrap_or(0)
}

/// A kind of source's bit in [`ArticleFacets::sources`].
pub fn source_bit(kind: AttributionKind) -> u8 {
    1 << SOURCE_KINDS.iter().position(|s| *s == kind).unwrap_or(0)
}

/// An entity as a facet shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetEntity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub mentions: u32,
}

/// An event thread as a facet shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetThread {
    pub id: String,
    pub label: String,
}

/// One article's facet values: indices into [`FacetIndex`]'s lists
/// (sorted, no repeats), bit sets over [`STANCES`] and [`SOURCE_KINDS`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleFacets {
    pub outlet: u32,
    pub entities: Vec<u32>,
    pub threads: Vec<u32>,
    pub stances: u8,
    pub sources: u8,
    pub has_quote: bool,
    pub has_number: bool,
    /// Some claim of the article is in no event thread.
    pub lone_claims: bool,
    pub published: Option<PartialDate>,
}

/// Every article's facet values, in the order the index was built for
/// (a big site's: the library's, newest first), and the names they point
/// to; `words` names the search index's shards.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetIndex {
    pub outlets: Vec<String>,
    pub entities: Vec<FacetEntity>,
    pub threads: Vec<FacetThread>,
    #[serde(with = "columns")]
    pub articles: Vec<ArticleFacets>,
    /// The search index: each shard's first word stem and content hash,
    /// in stem order (empty when the index is built for the page itself).
    pub words: Vec<(String, u64)>,
    /// The event threads' facet when it is a file of its own: `threads`
    /// and the articles' `threads` are then empty until it is joined.
    pub thread_part: Option<ThreadPart>,
}

/// Where a facet index's split-off thread facet is, and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPart {
    /// The data file's content hash ([`super::thread_facets_file`]).
    pub hash: u64,
    /// How many event threads it lists.
    pub threads: u32,
}

/// The event threads' facet of a [`FacetIndex`], split off: the threads
/// and, for each article of the index (in its order), the threads it is
/// in. Travels as each thread's articles, by gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadFacets {
    pub threads: Vec<FacetThread>,
    #[serde(with = "columns::by_value")]
    pub articles: Vec<Vec<u32>>,
}

impl FacetIndex {
    /// The data file of the search shard that would hold `stem`.
    pub fn shard_file(&self, stem: &str) -> Option<String> {
        let at = super::words::shard_for(
            &self.words,
            |(first, _): &(String, u64)| first.as_str(),
            stem,
        )?;
        Some(super::words_file(self.words[at].1))
    }

    /// The index of `documents` (the corpus's, in the order wanted) with
    /// the entities, threads, quotes and claims of `corpus`.
    pub fn build(corpus: &Corpus, documents: &[&Document]) -> FacetIndex {
        let at: HashMap<&str, usize> = (documents.iter().enumerate())
            .map(|(i, d)| (d.id.as_str(), i))
            .collect();
        let mut index = FacetIndex::default();
        let mut outlets: HashMap<String, u32> = HashMap::new();
        for document in documents {
            let outlet = document.outlet_label();
            let next = outlets.len() as u32;
            let id = *outlets.entry(outlet.clone()).or_insert_with(|| {
                index.outlets.push(outlet);
                next
            });
            index.articles.push(ArticleFacets {
                outlet: id,
                published: document.published,
                ..ArticleFacets::default()
            });
        }
        index.add_entities(corpus, &at);
        index.add_claims(corpus, &at);
        for article in &mut index.articles {
            for values in [&mut article.entities, &mut article.threads] {
                values.sort_unstable();
                values.dedup();
            }
        }
        index
    }

    /// Takes the event threads' facet out of the index (for a file of its
    /// own, whose content hash the caller records in `thread_part`).
    pub fn split_threads(&mut self) -> ThreadFacets {
        ThreadFacets {
            threads: std::mem::take(&mut self.threads),
            articles: (self.articles.iter_mut())
                .map(|a| std::mem::take(&mut a.threads))
                .collect(),
        }
    }

    /// Puts a split-off thread facet back; an error (the index unchanged)
    /// if it was made for a different number of articles or names a
    /// thread it does not list.
    pub fn join_threads(&mut self, part: ThreadFacets) -> Result<(), String> {
        part.check(self.articles.len())?;
        for (article, threads) in self.articles.iter_mut().zip(part.articles) {
            article.threads = threads;
        }
        self.threads = part.threads;
        self.thread_part = None;
        Ok(())
    }

    fn add_entities(&mut self, corpus: &Corpus, at: &HashMap<&str, usize>) {
        for entity in &corpus.entities {
            let id = self.entities.len() as u32;
            self.entities.push(FacetEntity {
                id: entity.id.clone(),
                name: entity.name.clone(),
                kind: entity.kind,
                mentions: entity.mentions as u32,
            });
            for doc in entity.docs.iter().filter_map(|d| at.get(d.as_str())) {
                self.articles[*doc].entities.push(id);
            }
        }
    }

    fn add_claims(&mut self, corpus: &Corpus, at: &HashMap<&str, usize>) {
        let threads: HashMap<&str, u32> = (corpus.threads.iter().enumerate())
            .map(|(i, t)| (t.id.as_str(), i as u32))
            .collect();
        self.threads = (corpus.threads.iter())
            .map(|t| FacetThread {
                id: t.id.clone(),
                label: t.label.clone(),
            })
            .collect();
        for quote in &corpus.quotes {
            if let Some(&doc) = at.get(quote.doc.as_str()) {
                self.articles[doc].has_quote = true;
            }
        }
        for claim in &corpus.claims {
            let Some(&doc) = at.get(claim.doc.as_str()) else {
                continue;
            };
            let article = &mut self.articles[doc];
            let ids = claim.threads.iter().filter_map(|t| threads.get(t.as_str()));
            article.threads.extend(ids);
            article.lone_claims |= claim.threads.is_empty();
            article.stances |= stance_bit(claim.stance);
            article.sources |= source_bit(claim.attribution_kind);
            article.has_number |= !claim.numbers.is_empty();
        }
    }
}

impl ThreadFacets {
    /// Whether the part fits an index of `articles` articles.
    pub fn check(&self, articles: usize) -> Result<(), String> {
        if self.articles.len() != articles {
            return Err(format!(
                "the event threads' facet is for {} articles, the index has {articles}",
                self.articles.len()
            ));
        }
        let known = self.threads.len() as u32;
        match self.articles.iter().flatten().any(|&t| t >= known) {
            true => Err("the event threads' facet names a thread it does not list".into()),
            false => Ok(()),
        }
    }
}

/// The articles' facets as they travel: column by column (every article's
/// outlet, then every article's stances, ...). An article's entities are
/// given by their distances from the one before; threads, as each
/// thread's articles by their distances. The same values one record per
/// article compress far worse: the 10,000 generated articles' 33.5 KB
/// gzip fall to about 24 KB. Entities are kept per article because most
/// name few articles each: at 100,000 articles their lists by entity took
/// 46 KB gzip, by article 17 KB (`docs/scale.md`).
mod columns {
    use super::{ArticleFacets, PartialDate, SOURCE_KINDS};
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    const QUOTE: u8 = 1 << 4;
    const NUMBER: u8 = 1 << 5;
    const LONE: u8 = 1 << 6;
    const SOURCES: u8 = QUOTE - 1;
    const _: () = assert!(SOURCE_KINDS.len() <= 4, "sources share a byte with flags");

    #[derive(Serialize, Deserialize)]
    struct Columns {
        outlets: Vec<u32>,
        stances: Vec<u8>,
        /// Sources' bits, and [`QUOTE`], [`NUMBER`], [`LONE`].
        flags: Vec<u8>,
        published: Vec<Option<PartialDate>>,
        /// For each article, the gaps between the entities it names.
        entities: Vec<Vec<u32>>,
        /// For each thread, the gaps between the articles in it.
        threads: Vec<Vec<u32>>,
    }

    pub fn serialize<S: Serializer>(articles: &[ArticleFacets], to: S) -> Result<S::Ok, S::Error> {
        let flags = |a: &ArticleFacets| {
            (a.sources & SOURCES)
                | if a.has_quote { QUOTE } else { 0 }
                | if a.has_number { NUMBER } else { 0 }
                | if a.lone_claims { LONE } else { 0 }
        };
        Columns {
            outlets: articles.iter().map(|a| a.outlet).collect(),
            stances: articles.iter().map(|a| a.stances).collect(),
            flags: articles.iter().map(flags).collect(),
            published: articles.iter().map(|a| a.published).collect(),
            entities: articles.iter().map(|a| gaps(&a.entities)).collect(),
            threads: postings(articles.iter().map(|a| &a.threads)),
        }
        .serialize(to)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Vec<ArticleFacets>, D::Error> {
        let columns = Columns::deserialize(from)?;
        let count = columns.outlets.len();
        let lengths = [
            columns.stances.len(),
            columns.flags.len(),
            columns.published.len(),
            columns.entities.len(),
        ];
        if lengths.iter().any(|&n| n != count) {
            return Err(D::Error::custom("facet columns of different lengths"));
        }
        let threads = spread(&columns.threads, count).map_err(D::Error::custom)?;
        let entities = (columns.entities.iter())
            .map(|g| undo_gaps(g))
            .collect::<Result<Vec<_>, _>>()
            .map_err(D::Error::custom)?;
        let articles = (0..count)
            .zip(entities.into_iter().zip(threads))
            .map(|(at, (entities, threads))| {
                let flags = columns.flags[at];
                ArticleFacets {
                    outlet: columns.outlets[at],
                    entities,
                    threads,
                    stances: columns.stances[at],
                    sources: flags & SOURCES,
                    has_quote: flags & QUOTE != 0,
                    has_number: flags & NUMBER != 0,
                    lone_claims: flags & LONE != 0,
                    published: columns.published[at],
                }
            })
            .collect();
        Ok(articles)
    }

    /// Each article's values (sorted, no repeats) as a list of articles
    /// per value, each article given by its distance from the one before.
    pub mod by_value {
        use super::*;

        #[derive(Serialize, Deserialize)]
        struct ByValue {
            articles: u32,
            postings: Vec<Vec<u32>>,
        }

        pub fn serialize<S: Serializer>(rows: &[Vec<u32>], to: S) -> Result<S::Ok, S::Error> {
            ByValue {
                articles: rows.len() as u32,
                postings: postings(rows.iter()),
            }
            .serialize(to)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Vec<Vec<u32>>, D::Error> {
            let by_value = ByValue::deserialize(from)?;
            spread(&by_value.postings, by_value.articles as usize).map_err(D::Error::custom)
        }
    }

    /// Sorted values as distances from the one before (the first from 0).
    fn gaps(values: &[u32]) -> Vec<u32> {
        let mut last = 0;
        (values.iter())
            .map(|&v| {
                let gap = v - last;
                last = v;
                gap
            })
            .collect()
    }

    /// The inverse of [`gaps`]; an error for values out of order.
    fn undo_gaps(gaps: &[u32]) -> Result<Vec<u32>, &'static str> {
        let mut at = 0u32;
        (gaps.iter().enumerate())
            .map(|(n, &gap)| {
                at = match n {
                    0 => gap,
                    _ => (at.checked_add(gap).filter(|_| gap > 0))
                        .ok_or("facet values out of order")?,
                };
                Ok(at)
            })
            .collect()
    }

    /// Each value's articles (values are indices below the largest one
    /// used), as gaps from the previous article (the first from 0).
    fn postings<'a>(rows: impl Iterator<Item = &'a Vec<u32>> + Clone) -> Vec<Vec<u32>> {
        let count = (rows.clone().flatten().max()).map_or(0, |&v| v as usize + 1);
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); count];
        let mut last = vec![0u32; count];
        for (at, row) in rows.enumerate() {
            for &value in row {
                let value = value as usize;
                lists[value].push(at as u32 - last[value]);
                last[value] = at as u32;
            }
        }
        lists
    }

    /// The inverse of [`postings`] for `count` articles: each article's
    /// values, in order; an error for postings that do not fit.
    fn spread(lists: &[Vec<u32>], count: usize) -> Result<Vec<Vec<u32>>, &'static str> {
        let mut rows = vec![Vec::new(); count];
        for (value, gaps) in lists.iter().enumerate() {
            for at in undo_gaps(gaps).map_err(|_| "facet postings out of order")? {
                let row = (rows.get_mut(at as usize))
                    .ok_or("a facet names an article past the index's end")?;
                row.push(value as u32);
            }
        }
        Ok(rows)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn postings_that_do_not_fit_the_articles_are_an_error_not_a_panic() {
            assert!(spread(&[vec![0, 5]], 2).is_err());
            assert!(spread(&[vec![1, 0]], 2).is_err());
            assert!(spread(&[vec![0, u32::MAX]], 2).is_err());
            assert_eq!(
                spread(&[vec![1], vec![0, 1]], 2),
                Ok(vec![vec![1], vec![0, 1]])
            );
            assert!(undo_gaps(&[3, 0]).is_err());
            assert!(undo_gaps(&[u32::MAX, 1]).is_err());
            assert_eq!(undo_gaps(&gaps(&[2, 3, 9])), Ok(vec![2, 3, 9]));
        }

        #[test]
        fn columns_of_different_lengths_are_refused() {
            let columns = Columns {
                outlets: vec![0, 0],
                stances: vec![1],
                flags: vec![0, 0],
                published: vec![None, None],
                entities: vec![Vec::new(), vec![1]],
                threads: Vec::new(),
            };
            let bytes = postcard::to_allocvec(&columns).unwrap();
            let mut from = postcard::Deserializer::from_bytes(&bytes);
            assert!(deserialize(&mut from).is_err());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(outlet: u32, entities: &[u32], threads: &[u32], flags: u8) -> ArticleFacets {
        ArticleFacets {
            outlet,
            entities: entities.to_vec(),
            threads: threads.to_vec(),
            stances: flags,
            sources: flags & 0b1010,
            has_quote: flags & 1 != 0,
            has_number: flags & 2 != 0,
            lone_claims: flags & 4 != 0,
            published: flags.is_multiple_of(3).then(|| PartialDate {
                year: 2020 + i32::from(flags),
                month: Some(3),
                day: None,
                time: None,
                offset_minutes: None,
            }),
        }
    }

    fn index(articles: Vec<ArticleFacets>) -> FacetIndex {
        FacetIndex {
            outlets: vec!["Daily".into(), "Herald".into()],
            articles,
            words: vec![("port".into(), 7)],
            ..FacetIndex::default()
        }
    }

    #[test]
    fn the_articles_travel_column_by_column_and_come_back_the_same() {
        let sent = index(vec![
            article(0, &[0, 3], &[1], 0),
            article(1, &[], &[], 7),
            article(1, &[3], &[0, 1, 4], 9),
            article(0, &[0, 1, 2, 3], &[4], 30),
        ]);
        let bytes = postcard::to_allocvec(&sent).unwrap();
        let back: FacetIndex = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(back, sent);
        let empty = index(Vec::new());
        let back: FacetIndex =
            postcard::from_bytes(&postcard::to_allocvec(&empty).unwrap()).unwrap();
        assert_eq!(back, empty);
    }

    #[test]
    fn the_thread_facet_splits_off_and_joins_back_whole() {
        let mut whole = index(vec![
            article(0, &[0], &[1], 0),
            article(1, &[], &[], 7),
            article(1, &[3], &[0, 1], 9),
        ]);
        whole.threads = vec![
            FacetThread {
                id: "t0".into(),
                label: "Pier closed".into(),
            },
            FacetThread {
                id: "t1".into(),
                label: "Crane collapse".into(),
            },
        ];
        let mut split = whole.clone();
        let part = split.split_threads();
        assert!(split.threads.is_empty());
        assert!(split.articles.iter().all(|a| a.threads.is_empty()));
        assert_eq!(part.articles, [vec![1], vec![], vec![0, 1]]);
        let sent: ThreadFacets =
            postcard::from_bytes(&postcard::to_allocvec(&part).unwrap()).unwrap();
        assert_eq!(sent, part);
        split.thread_part = Some(ThreadPart {
            hash: 1,
            threads: 2,
        });
        split.join_threads(sent).unwrap();
        assert_eq!(split, whole);
    }

    #[test]
    fn a_thread_facet_made_for_another_index_is_refused() {
        let mut facets = index(vec![article(0, &[], &[], 0); 2]);
        let short = ThreadFacets {
            threads: vec![FacetThread {
                id: "t0".into(),
                label: "Pier".into(),
            }],
            articles: vec![vec![0]],
        };
        assert!(facets.join_threads(short).is_err());
        let unknown = ThreadFacets {
            threads: Vec::new(),
            articles: vec![vec![0], Vec::new()],
        };
        assert!(facets.join_threads(unknown).is_err());
        assert_eq!(facets, index(vec![article(0, &[], &[], 0); 2]));
    }
}
