//! Saved web pages on a public article extraction benchmark
//! (`scrapinghub/article-extraction-benchmark`: 181 real article pages from
//! many sites, `html/<id>.html.gz`, with the article body checked by hand in
//! `ground-truth.json`). No rule was written on these pages: the whole set
//! is held out, and only its totals are printed.
//!
//! Scored as the benchmark's `evaluate.py`: word tokens are runs of word
//! characters (letters, digits, `_`; case kept), shingles of 4 tokens
//! counted as multisets (a text shorter than 4 tokens is one shingle); per
//! page, true and false positives and false negatives are divided by their
//! sum so that long pages weigh no more than short ones; precision is the
//! mean over pages that kept something, recall the mean over pages with a
//! body, F1 their harmonic mean; accuracy is the share of pages whose kept
//! text has exactly the body's tokens. A refused page keeps nothing.
//!
//! Each page is ingested as a reader's saved page (`NAME.html`); the text
//! scored is the standfirst and the paragraphs, as for Readability's pages
//! (`pages.rs`). The same pages are also rendered to text captures by the
//! independent renderer of `captures.rs` and ingested as `.txt` files,
//! beside the whole capture kept (keep-everything baseline).

use super::{captures, Data, Split};
use crossread_corpus::ingest;
use std::collections::HashMap;
use std::io::Read;

/// Published figures on these 181 pages (the benchmark's README, "Results
/// of the latest evaluation"): name, F1, precision, recall.
const PEERS: &[(&str, f64, f64, f64)] = &[
    ("rs_trafilatura 9261e08", 0.970, 0.951, 0.990),
    ("go_trafilatura ae7ea06", 0.960, 0.940, 0.980),
    ("trafilatura 2.0.0", 0.958, 0.938, 0.978),
    ("readability_js 0.6.0", 0.947, 0.914, 0.982),
    ("readability-lxml 0.8.4.1", 0.922, 0.913, 0.931),
    (
        "readable_readability 0.4.0 (best crates.io crate)",
        0.884,
        0.886,
        0.881,
    ),
    ("dom_smoothie 0.14.0", 0.865, 0.785, 0.963),
    ("html-text (all visible text)", 0.665, 0.500, 0.994),
];

/// One page's normalised (true positive, false positive, false negative).
type Counts = (f64, f64, f64);

#[derive(Default)]
struct Scores {
    pages: Vec<Counts>,
    exact: usize,
    refused: Vec<String>,
}

impl Scores {
    fn add(&mut self, gold: &str, kept: &str) {
        self.pages.push(shingle_match(gold, kept));
        if tokens(gold) == tokens(kept) {
            self.exact += 1;
        }
    }

    fn refuse(&mut self, gold: &str, problem: String) {
        self.add(gold, "");
        self.refused.push(problem);
    }

    /// (F1, precision, recall, accuracy)
    fn figures(&self) -> (f64, f64, f64, f64) {
        // Precision is over what was kept (tp against fp), recall over the
        // body (tp against fn): the same mean with the two errors swapped.
        let mean_over = |swap: bool| {
            let scores: Vec<f64> = (self.pages.iter())
                .map(|&(tp, fp, fn_)| if swap { (tp, fn_, fp) } else { (tp, fp, fn_) })
                .filter(|(tp, other, _)| tp + other > 0.0)
                .map(|(tp, other, third)| ratio(tp, other, third))
                .collect();
            scores.iter().sum::<f64>() / scores.len().max(1) as f64
        };
        let (precision, recall) = (mean_over(false), mean_over(true));
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let accuracy = self.exact as f64 / self.pages.len().max(1) as f64;
        (f1, precision, recall, accuracy)
    }

    fn print(&self, label: &str) {
        let (f1, p, r, a) = self.figures();
        println!(
            "  {label:<34} pages {:>3}, refused {:>2}: F1 {f1:.3}  precision {p:.3}  recall {r:.3}  accuracy {a:.3}",
            self.pages.len(),
            self.refused.len()
        );
        for problem in &self.refused {
            println!("    refused: {problem}");
        }
    }
}

/// `evaluate.py`'s precision (`tp / (tp + other)`), and its recall with
/// the arguments swapped; 1 when nothing was wrong either way.
fn ratio(tp: f64, other: f64, third: f64) -> f64 {
    if other == 0.0 && third == 0.0 {
        1.0
    } else if tp == 0.0 && other == 0.0 {
        0.0
    } else {
        tp / (tp + other)
    }
}

pub fn run(path: &std::path::Path, split: Split) -> Result<(), String> {
    if !split.held_out() {
        println!(
            "Article extraction benchmark: held out as a whole (run with --split held-out or all)"
        );
        return Ok(());
    }
    let data = Data::open(path, "extraction")?;
    let root = data.folder("html")?;
    let truth_path = data.folder("ground-truth.json")?;
    let truth_text = std::fs::read_to_string(&truth_path)
        .map_err(|e| format!("{}: {e}", truth_path.display()))?;
    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_str(&truth_text).map_err(|e| format!("ground-truth.json: {e}"))?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages = Scores::default();
    let mut texts = Scores::default();
    let mut everything = Scores::default();
    for id in ids {
        let gold = truth[id]
            .get("articleBody")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        let source = read_gz(&root.join(format!("{id}.html.gz")))?;
        match ingest(&format!("{id}.html"), &source, None) {
            Ok(document) => pages.add(gold, &super::pages::body_text(&document)),
            Err(e) => pages.refuse(gold, format!("{id}.html: {e}")),
        }
        let capture = captures::render(&String::from_utf8_lossy(&source));
        everything.add(gold, &capture);
        match ingest(&format!("{id}.txt"), capture.as_bytes(), None) {
            Ok(document) => texts.add(gold, &super::pages::body_text(&document)),
            Err(e) => texts.refuse(gold, format!("{id}.txt: {e}")),
        }
    }
    println!("Article bodies on a public extraction benchmark (181 real pages; held out: all)");
    println!(
        "  data: scrapinghub/article-extraction-benchmark @ {}",
        data.commit()
    );
    pages.print("saved pages (.html)");
    texts.print("text captures (.txt)");
    everything.print("text captures, keep everything");
    println!("  peers' published figures on the same pages (F1, precision, recall):");
    for (name, f1, p, r) in PEERS {
        println!("    {name:<52} F1 {f1:.3}  precision {p:.3}  recall {r:.3}");
    }
    Ok(())
}

fn read_gz(path: &std::path::Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(bytes)
}

/// Runs of word characters, as Python's `\w+` finds them.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let words = tokens(text);
    let mut counts = HashMap::new();
    if words.is_empty() {
        return counts;
    }
    for window in words.windows(4.min(words.len())) {
        *counts.entry(window.to_vec()).or_insert(0) += 1;
    }
    counts
}

fn shingle_match(gold: &str, kept: &str) -> Counts {
    let gold = shingles(gold);
    let kept = shingles(kept);
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for key in gold
        .keys()
        .chain(kept.keys().filter(|k| !gold.contains_key(*k)))
    {
        let g = gold.get(key).copied().unwrap_or(0) as f64;
        let k = kept.get(key).copied().unwrap_or(0) as f64;
        tp += g.min(k);
        fp += (k - g).max(0.0);
        fn_ += (g - k).max(0.0);
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        (tp / sum, fp / sum, fn_ / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingles_keep_case_and_short_texts() {
        let s = shingles("A b c d A b c d");
        assert_eq!(s.get(&vec!["A", "b", "c", "d"]), Some(&2));
        assert_eq!(s.values().sum::<usize>(), 5);
        assert_eq!(shingles("two words").get(&vec!["two", "words"]), Some(&1));
        assert!(shingles(" .. ").is_empty());
    }

    #[test]
    fn scores_follow_the_benchmark() {
        let mut scores = Scores::default();
        // Half the kept shingles are the body's; all of the body is kept.
        scores.add(
            "one two three four five",
            "one two three four five six seven",
        );
        // A refused page: no precision, recall 0.
        scores.refuse("alpha beta gamma delta", "refused".into());
        let (f1, p, r, a) = scores.figures();
        assert!((p - 0.5).abs() < 1e-9, "{p}");
        assert!((r - 0.5).abs() < 1e-9, "{r}");
        assert!((f1 - 0.5).abs() < 1e-9);
        assert_eq!(a, 0.0);
    }
}
