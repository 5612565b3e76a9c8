//! The explorer's facet index: for every article, the facet values it
//! carries (outlet, entities, event threads, stances and kinds of source of
//! its claims, whether it quotes or gives a number, its date) as small
//! integers, with the names they stand for. A big site's explorer lists
//! counts and results from this file and the word shards of a search
//! (`words.rs`) without fetching any article; a small site's explorer
//! builds the same index from its embedded corpus.

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
    pub articles: Vec<ArticleFacets>,
    /// The search index: each shard's first word stem and content hash,
    /// in stem order (empty when the index is built for the page itself).
    pub words: Vec<(String, u64)>,
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
