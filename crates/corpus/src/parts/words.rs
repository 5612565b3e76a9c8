//! A big site's search index, cut into shards of whole word stems in stem
//! order (in the manner of Pagefind), so that a search fetches only the
//! shards of its words: for each stem, the articles (positions in the facet
//! index, `facets.rs`) whose headline, standfirst, summary or text hold it.

use crate::document::Document;
use crate::search_text::tokenize;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Postings a shard holds at least (the last one excepted), so that a
/// search of a word or two stays a few tens of kilobytes.
pub const SHARD_POSTINGS: usize = 16_384;

/// Shards a site has at most: a bigger corpus makes bigger shards rather
/// than more files.
pub const MAX_SHARDS: usize = 1_000;

/// Stems in order, each with the positions of the articles that hold it,
/// ascending, stored as the gaps between them (small numbers, a byte each
/// in postcard's varints).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordShard {
    pub words: Vec<(String, Vec<u32>)>,
}

impl WordShard {
    /// The articles holding `stem`, ascending; `None` if no article does.
    pub fn articles(&self, stem: &str) -> Option<Vec<u32>> {
        let at = self
            .words
            .binary_search_by(|(word, _)| word.as_str().cmp(stem))
            .ok()?;
        let mut position = 0;
        let gaps = &self.words[at].1;
        Some(
            gaps.iter()
                .enumerate()
                .map(|(i, &gap)| {
                    position = if i == 0 { gap } else { position + gap };
                    position
                })
                .collect(),
        )
    }
}

/// The words of an article the search reads, as the page's explorer reads
/// them: headline, standfirst, summary and paragraphs.
pub fn searched_text(document: &Document) -> String {
    let mut text = document.headline.clone();
    for paragraph in (document.dek.iter())
        .chain(&document.summary)
        .chain(&document.paragraphs)
    {
        text.push('\n');
        text.push_str(paragraph);
    }
    text
}

/// The search index of `documents`, cut into shards in stem order.
pub fn shards(documents: &[&Document]) -> Vec<WordShard> {
    let mut postings: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (at, document) in documents.iter().enumerate() {
        for token in tokenize(&searched_text(document)) {
            let list = postings.entry(token.stem).or_default();
            if list.last() != Some(&(at as u32)) {
                list.push(at as u32);
            }
        }
    }
    let total: usize = postings.values().map(Vec::len).sum();
    let per_shard = SHARD_POSTINGS.max(total.div_ceil(MAX_SHARDS));
    let mut shards = Vec::new();
    let (mut shard, mut size) = (WordShard::default(), 0);
    for (stem, list) in postings {
        size += list.len();
        shard.words.push((stem, gaps(&list)));
        if size >= per_shard {
            shards.push(std::mem::take(&mut shard));
            size = 0;
        }
    }
    if !shard.words.is_empty() {
        shards.push(shard);
    }
    shards
}

fn gaps(positions: &[u32]) -> Vec<u32> {
    let mut last = 0;
    (positions.iter().enumerate())
        .map(|(i, &p)| {
            let gap = if i == 0 { p } else { p - last };
            last = p;
            gap
        })
        .collect()
}

/// Which of `shards` (in stem order; `first` gives a shard's first stem)
/// would hold `stem`: the last one starting at or before it.
pub fn shard_for<T>(shards: &[T], first: impl Fn(&T) -> &str, stem: &str) -> Option<usize> {
    shards.partition_point(|s| first(s) <= stem).checked_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(headline: &str, text: &str) -> Document {
        Document {
            id: headline.to_lowercase(),
            file: String::new(),
            outlet: None,
            via: None,
            headline: headline.to_string(),
            dek: None,
            summary: Vec::new(),
            authors: Vec::new(),
            published: None,
            updated: None,
            url: None,
            language: None,
            provenance: Default::default(),
            paragraphs: vec![text.to_string()],
            boilerplate: Vec::new(),
            conflicts: Vec::new(),
            notes: Vec::new(),
            word_count: 0,
        }
    }

    #[test]
    fn each_stem_lists_the_articles_that_hold_any_form_of_it() {
        let docs = [
            document("Floods close roads", "Rescuers used boats."),
            document("Bridge reopens", "The flood receded; roads reopened."),
            document("Ferry delayed", "Storms delayed the ferry."),
        ];
        let refs: Vec<&Document> = docs.iter().collect();
        let shards = shards(&refs);
        assert_eq!(shards.len(), 1, "a small corpus is one shard");
        let of = |word: &str| shards[0].articles(&crate::stem::stem(word));
        assert_eq!(of("floods"), Some(vec![0, 1]));
        assert_eq!(of("road"), Some(vec![0, 1]));
        assert_eq!(of("ferries"), Some(vec![2]));
        assert_eq!(of("volcano"), None);
    }

    #[test]
    fn shards_cut_between_stems_and_are_found_by_their_first_stem() {
        let docs: Vec<Document> = (0..SHARD_POSTINGS / 4)
            .map(|i| {
                document(
                    &format!("Report {i}"),
                    "alpha beta gamma delta epsilon zeta",
                )
            })
            .collect();
        let refs: Vec<&Document> = docs.iter().collect();
        let shards = shards(&refs);
        assert!(shards.len() > 1, "{} shards", shards.len());
        fn first(s: &WordShard) -> &str {
            s.words[0].0.as_str()
        }
        for stem in ["alpha", "gamma", "zeta", "report"] {
            let at = shard_for(&shards, first, stem).expect(stem);
            let found = shards[at].articles(stem).expect(stem);
            assert_eq!(found.len(), docs.len(), "{stem}");
            assert_eq!(found.last(), Some(&(docs.len() as u32 - 1)));
        }
        assert_eq!(shard_for(&shards, first, ""), None, "before the first stem");
    }
}
