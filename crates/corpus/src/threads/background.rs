//! How common a word is in news in general, so that the words two
//! articles share are weighed by more than the corpus at hand.
//!
//! A reader's corpus is often a few dozen articles. Counted over so few,
//! a word every English text uses ("people", "told", "year") looks as
//! telling as the event's own words when it happens to appear in only a
//! few of them. Each stem therefore also gets the share of news articles
//! expected to contain it, from general English word frequencies
//! (`data/word_frequency.txt`), and a profile's weights count the corpus
//! as if it held [`BACKGROUND_DOCS`] more articles of ordinary English
//! (see [`super::similar::profiles`]).

use crate::stem::stem;
use std::collections::HashMap;
use std::sync::OnceLock;

const WORD_FREQUENCY: &str = include_str!("../../data/word_frequency.txt");

/// Articles of ordinary English the corpus is counted with.
pub const BACKGROUND_DOCS: f32 = 100.0;

/// Words in a typical news article, to turn a word's frequency into the
/// share of articles that use it.
const ARTICLE_WORDS: f64 = 500.0;

/// The share of news articles expected to use a stem (0 for names, which
/// carry a colon, and for words too rare to be listed).
pub fn doc_share(key: &str) -> f32 {
    if key.contains(':') {
        return 0.0;
    }
    shares().get(key).copied().unwrap_or(0.0)
}

fn shares() -> &'static HashMap<String, f32> {
    static SHARES: OnceLock<HashMap<String, f32>> = OnceLock::new();
    SHARES.get_or_init(|| shares_of(WORD_FREQUENCY))
}

/// Each stem's share of articles: the frequencies of its word forms add
/// up, and a word used f times per word of text appears in an article of
/// [`ARTICLE_WORDS`] words with probability 1 - e^(-f·words).
fn shares_of(list: &str) -> HashMap<String, f32> {
    let mut per_stem: HashMap<String, f64> = HashMap::new();
    for (zipf, words) in listed_words(list) {
        let frequency = 10f64.powf(zipf - 9.0);
        for word in words {
            *per_stem.entry(stem(word)).or_default() += frequency;
        }
    }
    per_stem
        .into_iter()
        .map(|(s, f)| (s, (1.0 - (-f * ARTICLE_WORDS).exp()) as f32))
        .collect()
}

/// The lines of the list: a Zipf value and its words (comments skipped).
fn listed_words(text: &str) -> impl Iterator<Item = (f64, std::str::SplitWhitespace<'_>)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let zipf = parts.next()?.parse::<f64>().ok()?;
            Some((zipf, parts))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_in_most_articles_and_rare_ones_in_few() {
        assert!(doc_share("the") > 0.99);
        assert!(doc_share(&stem("people")) > 0.3);
        let quake = doc_share(&stem("earthquake"));
        assert!(quake > 0.0 && quake < 0.05, "{quake}");
        assert_eq!(doc_share("person:jane-doe"), 0.0);
        assert_eq!(doc_share("zzyzx"), 0.0);
    }

    #[test]
    fn word_forms_add_up_under_their_stem() {
        let shares = shares_of("# a comment\n4.0 resign resigns\n4.0 tremor\n");
        assert_eq!(shares.len(), 2);
        let one = 1.0 - (-1e-5 * ARTICLE_WORDS).exp();
        let two = 1.0 - (-2e-5 * ARTICLE_WORDS).exp();
        assert!((f64::from(shares["tremor"]) - one).abs() < 1e-6);
        assert!((f64::from(shares[&stem("resigns")]) - two).abs() < 1e-6);
    }
}
