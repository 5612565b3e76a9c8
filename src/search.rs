//! Full-text search for readers: case- and accent-insensitive, matching word
//! stems ("missile" finds "missiles"), with quoted phrases. Text is cut into
//! tokens that remember their byte span, so matches can be highlighted in
//! the original text.

use std::collections::HashMap;
use std::ops::Range;

pub use crossread_corpus::search_text::{fold, tokenize, Token};
pub use crossread_corpus::stem::stem;

/// A parsed search: loose words (all must occur) and quoted phrases.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub words: Vec<String>,
    pub phrases: Vec<Vec<String>>,
}

impl Query {
    /// `ballistic "north korea" shells` → words [ballist, shell], phrase [north, korea].
    pub fn parse(text: &str) -> Query {
        let mut query = Query::default();
        for (index, part) in text.split('"').enumerate() {
            let stems: Vec<String> = tokenize(part).into_iter().map(|t| t.stem).collect();
            if index % 2 == 1 && stems.len() > 1 {
                query.phrases.push(stems);
            } else {
                query.words.extend(stems);
            }
        }
        query.words.sort();
        query.words.dedup();
        query
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// Every word and phrase occurs in the tokens.
    pub fn matches(&self, tokens: &[Token]) -> bool {
        self.words
            .iter()
            .all(|word| tokens.iter().any(|t| &t.stem == word))
            && self
                .phrases
                .iter()
                .all(|phrase| phrase_at(tokens, phrase).next().is_some())
    }

    /// Byte ranges to highlight: each matching word, each phrase occurrence.
    pub fn highlights(&self, tokens: &[Token]) -> Vec<Range<usize>> {
        let mut ranges: Vec<Range<usize>> = tokens
            .iter()
            .filter(|t| self.words.contains(&t.stem))
            .map(|t| t.span.clone())
            .collect();
        for phrase in &self.phrases {
            ranges.extend(
                phrase_at(tokens, phrase)
                    .map(|at| tokens[at].span.start..tokens[at + phrase.len() - 1].span.end),
            );
        }
        merge_ranges(ranges)
    }
}

fn phrase_at<'a>(tokens: &'a [Token], phrase: &'a [String]) -> impl Iterator<Item = usize> + 'a {
    let n = phrase.len();
    (0..tokens.len().saturating_sub(n.saturating_sub(1))).filter(move |&at| {
        n > 0
            && tokens[at..at + n]
                .iter()
                .zip(phrase)
                .all(|(t, p)| &t.stem == p)
    })
}

/// Sorts and merges overlapping ranges.
pub fn merge_ranges(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Cuts `text` into (piece, highlighted) runs for rendering with `<mark>`.
pub fn split_highlights<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in ranges {
        let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        if start > at {
            pieces.push((&text[at..start], false));
        }
        if end > start {
            pieces.push((&text[start..end], true));
        }
        at = end;
    }
    if at < text.len() {
        pieces.push((&text[at..], false));
    }
    pieces
}

/// Interns stems as small integers so matching is integer comparison.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    pub fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(stem.to_string(), id);
        id
    }

    pub fn get(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }
}

/// A query translated to stem ids; `None` if some word never occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompiledQuery {
    pub words: Vec<u32>,
    pub phrases: Vec<Vec<u32>>,
}

impl CompiledQuery {
    pub fn compile(query: &Query, vocabulary: &Vocabulary) -> Option<CompiledQuery> {
        let ids = |stems: &[String]| {
            stems
                .iter()
                .map(|s| vocabulary.get(s))
                .collect::<Option<Vec<u32>>>()
        };
        Some(CompiledQuery {
            words: ids(&query.words)?,
            phrases: query
                .phrases
                .iter()
                .map(|p| ids(p))
                .collect::<Option<Vec<_>>>()?,
        })
    }

    /// `stems` is a text's sequence of stem ids.
    pub fn matches(&self, stems: &[u32]) -> bool {
        self.words.iter().all(|w| stems.contains(w))
            && self
                .phrases
                .iter()
                .all(|p| !p.is_empty() && stems.windows(p.len()).any(|w| w == p.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.stem).collect()
    }

    #[test]
    fn singular_and_plural_meet() {
        for (a, b) in [
            ("missile", "missiles"),
            ("delivery", "deliveries"),
            ("supply", "supplies"),
            ("supplied", "supplying"),
            ("drone", "drones"),
            ("shipment", "shipments"),
            ("sanction", "sanctioned"),
            ("hundred", "hundreds"),
            ("speed", "speeds"),
            ("planned", "plans"),
            ("shipping", "ships"),
            ("denied", "denies"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
    }

    #[test]
    fn short_words_and_numbers_are_kept() {
        assert_eq!(stem("us"), "us");
        assert_eq!(stem("gas"), "gas");
        assert_eq!(stem("2022"), "2022");
        assert_ne!(stem("news"), stem("new"));
    }

    #[test]
    fn folding_ignores_case_accents_and_curly_apostrophes() {
        assert_eq!(stems("Zolfaghār CAFÉ"), stems("zolfaghar cafe"));
        assert_eq!(stems("Iran’s"), stems("Iran's"));
        assert_eq!(stems("Iran’s"), ["iran"]);
    }

    #[test]
    fn tokens_keep_byte_spans_into_the_original() {
        let text = "Café owners’ “strike”";
        for token in tokenize(text) {
            assert!(
                text.is_char_boundary(token.span.start) && text.is_char_boundary(token.span.end)
            );
        }
        assert_eq!(&text[tokenize(text)[0].span.clone()], "Café");
    }

    #[test]
    fn all_words_must_occur() {
        let tokens = tokenize("Iran sent ballistic missiles to Russia.");
        assert!(Query::parse("missile russia").matches(&tokens));
        assert!(!Query::parse("missile korea").matches(&tokens));
    }

    #[test]
    fn quoted_phrases_must_be_consecutive() {
        let tokens = tokenize("North Korea sent shells; South Korea did not.");
        assert!(Query::parse("\"north korea\"").matches(&tokens));
        assert!(!Query::parse("\"korea sent\" \"north shells\"").matches(&tokens));
        assert!(Query::parse("\"Korea sent\"").matches(&tokens));
    }

    #[test]
    fn highlights_cover_words_and_phrases() {
        let text = "Ballistic missiles from North Korea.";
        let query = Query::parse("missile \"north korea\"");
        let ranges = query.highlights(&tokenize(text));
        let marked: Vec<&str> = ranges.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, ["missiles", "North Korea"]);
        let pieces = split_highlights(text, &ranges);
        assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text);
    }

    #[test]
    fn compiled_queries_agree_with_plain_matching() {
        let mut vocabulary = Vocabulary::default();
        let text = "Iran denied sending drones to Russia";
        let ids: Vec<u32> = tokenize(text)
            .iter()
            .map(|t| vocabulary.intern(&t.stem))
            .collect();
        for q in ["drone", "\"to russia\"", "iran \"sent drones\"", "deny"] {
            let query = Query::parse(q);
            let compiled = CompiledQuery::compile(&query, &vocabulary);
            assert_eq!(
                compiled.is_some_and(|c| c.matches(&ids)),
                query.matches(&tokenize(text)),
                "{q}"
            );
        }
    }
}
