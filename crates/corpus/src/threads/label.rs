//! Labels for threads found by linking claims: a phrase cut from the text
//! of the group's most central claim, from the first to the last word that
//! other articles share ("Tara Reid checked into rehab"), never a bag of
//! keywords.

use super::signature::Signature;
use crate::document::Claim;
use crate::text::{tokenize, Tok};
use std::collections::{BTreeMap, BTreeSet};

/// Longest label, in words, before it is cut with an ellipsis.
const MAX_WORDS: usize = 12;

/// Stems and entity ids that at least two articles of the group use.
pub fn shared_keys(members: &[usize], sigs: &[Signature], claims: &[Claim]) -> BTreeSet<String> {
    let mut docs_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for &i in members {
        let doc = claims[i].doc.as_str();
        for s in &sigs[i].stems {
            docs_of.entry(s.as_str()).or_default().insert(doc);
        }
        for a in &sigs[i].anchors {
            docs_of.entry(a.id.as_str()).or_default().insert(doc);
        }
    }
    docs_of
        .into_iter()
        .filter(|(_, d)| d.len() >= 2)
        .map(|(k, _)| k.to_string())
        .collect()
}

/// The claim that best stands for the group: a headline if there is one,
/// else the most linked claim, then the shortest.
pub fn representative(members: &[usize], degree: &[usize], claims: &[Claim]) -> usize {
    let mut best = 0;
    for k in 1..members.len() {
        let (a, b) = (&claims[members[k]], &claims[members[best]]);
        let key = |c: &Claim, d: usize| {
            (
                !c.part.is_headline(),
                std::cmp::Reverse(d),
                c.text.split_whitespace().count(),
            )
        };
        if key(a, degree[k]) < key(b, degree[best]) {
            best = k;
        }
    }
    members[best]
}

/// The label: the span of the claim's text between its first and last
/// shared word or name, tidied.
pub fn label(claim: &Claim, sig: &Signature, shared: &BTreeSet<String>) -> String {
    let marks: Vec<(usize, usize)> = sig
        .stem_spans
        .iter()
        .chain(sig.anchor_spans.iter())
        .filter(|(_, _, key)| shared.contains(key))
        .map(|&(s, e, _)| (s, e))
        .collect();
    let text = claim.text.as_str();
    let (start, end) = match (
        marks.iter().map(|m| m.0).min(),
        marks.iter().map(|m| m.1).max(),
    ) {
        (Some(s), Some(e)) if s < e && e <= text.len() => (s, e),
        _ => (0, text.len()),
    };
    tidy(text.get(start..end).unwrap_or(text))
}

/// Does a headline name the event: two of its core words or names'
/// words? Then it is the best label there is.
pub fn headline_fits(headline: &str, core: &BTreeSet<String>) -> bool {
    // Names count by their words: "place:padang" is "padang".
    let name_words: BTreeSet<String> = core
        .iter()
        .filter_map(|k| k.split_once(':'))
        .flat_map(|(_, rest)| rest.split('-').map(str::to_string))
        .collect();
    let words = tokenize(headline)
        .iter()
        .filter(|t| {
            super::signature::content_stem(t.text).is_some_and(|s| core.contains(&s))
                || name_words.contains(&crate::text::slug(t.text))
        })
        .count();
    words >= 2 && headline.split_whitespace().count() <= 16
}

/// Cuts a phrase to [`MAX_WORDS`], drops unbalanced quotes and closing
/// punctuation, and capitalises it.
fn tidy(phrase: &str) -> String {
    let tokens: Vec<Tok> = tokenize(phrase);
    let words = tokens.iter().filter(|t| t.is_word()).count();
    let mut out = if words > MAX_WORDS {
        let cut = tokens
            .iter()
            .filter(|t| t.is_word())
            .nth(MAX_WORDS - 1)
            .map_or(phrase.len(), |t| t.end);
        format!("{}…", phrase[..cut].trim_end())
    } else {
        phrase.to_string()
    };
    out = out
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '“' | '”' | ',' | ';' | ':' | '.' | '(' | ')')
        })
        .to_string();
    let mut chars = out.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_phrases_are_cut_and_quotes_trimmed() {
        assert_eq!(tidy("“the port will reopen"), "The port will reopen");
        let long =
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen";
        assert_eq!(
            tidy(long),
            "One two three four five six seven eight nine ten eleven twelve…"
        );
    }
}
