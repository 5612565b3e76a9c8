//! Saved web pages on trafilatura's evaluation set (`tests/evaldata.json`
//! with the pages in `tests/cache/` and `tests/eval/`): for each page,
//! snippets the extracted text must contain ("with") and must not contain
//! ("without").
//!
//! Scored as trafilatura's `tests/eval_common.py` does: the text and each
//! snippet are whitespace-normalised (runs of whitespace to one space,
//! trimmed); a "with" snippet found in the text is a true positive, one
//! missing a false negative; a "without" snippet found is a false
//! positive, one missing a true negative. Counts are summed over pages
//! (micro): precision = tp / (tp + fp), recall = tp / (tp + fn), accuracy
//! = (tp + tn) / all, F = 2 tp / (2 tp + fp + fn). A refused page scores
//! as empty text (every "with" missed, every "without" absent), as a
//! failing library does there. A page is looked up in `tests/cache/`
//! first, then `tests/eval/`, as `resolve` does.
//!
//! The text scored is what the reader sees: headline, standfirst and body
//! paragraphs (trafilatura's own text output holds the title too when the
//! page repeats it in the article).
//!
//! Split: a page whose file name's FNV-1a hash is 4 modulo 5 is held out
//! (about one in five, fixed by the name alone); the rest is develop.

use super::{Data, Split};
use crossread_corpus::ingest;

/// trafilatura's published figures on this benchmark, from its
/// `docs/evaluation.rst`, "Results (2026-08-04)" (990 documents):
/// name, precision, recall, accuracy, F.
const PEERS: &[(&str, f64, f64, f64, f64)] = &[
    ("trafilatura 2.2.0 (standard)", 0.906, 0.943, 0.923, 0.924),
    ("trafilatura 2.2.0 (precision)", 0.925, 0.915, 0.921, 0.920),
    ("magic-html 0.1.8", 0.887, 0.891, 0.889, 0.889),
    ("justext 3.0.2 (custom)", 0.864, 0.859, 0.862, 0.862),
    ("news-please 1.6.16", 0.932, 0.758, 0.852, 0.836),
    ("readability-lxml 0.8.4.1", 0.898, 0.764, 0.839, 0.826),
    ("goose3 3.1.22", 0.936, 0.714, 0.833, 0.810),
    ("baseline (text markup)", 0.767, 0.869, 0.803, 0.815),
];

#[derive(Default)]
struct Counts {
    pages: usize,
    refused: Vec<(String, String)>,
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn add(&mut self, (tp, fp, fn_, tn): (usize, usize, usize, usize)) {
        self.tp += tp;
        self.fp += fp;
        self.fn_ += fn_;
        self.tn += tn;
    }

    fn print(&self, label: &str) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let a = ratio(self.tp + self.tn, self.tp + self.tn + self.fp + self.fn_);
        let f = ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_);
        println!(
            "  {label}: pages {}, refused {}; {} text & {} boilerplate snippets; \
             precision {p:.3} recall {r:.3} accuracy {a:.3} F {f:.3}",
            self.pages,
            self.refused.len(),
            self.tp + self.fn_,
            self.fp + self.tn
        );
        for (name, problem) in &self.refused {
            println!("    refused {name}: {problem}");
        }
    }
}

pub fn run(path: &std::path::Path, split: Split) -> Result<(), String> {
    let data = Data::open(path, "trafilatura")?;
    let tests = data.folder("tests")?;
    let json = std::fs::read(tests.join("evaldata.json"))
        .map_err(|e| format!("{}: {e}", tests.display()))?;
    let items: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(&json).map_err(|e| format!("evaldata.json: {e}"))?;
    let verbose = std::env::var("CROSSREAD_EVAL_VERBOSE").is_ok_and(|v| v == "1");
    println!("Saved web pages on trafilatura's evaluation set (snippets with/without)");
    println!("  data: adbar/trafilatura @ {}", data.commit());
    let mut develop = Counts::default();
    let mut held = Counts::default();
    let mut urls: Vec<&String> = items.keys().collect();
    urls.sort();
    for url in urls {
        let item = &items[url];
        let file = item["file"].as_str().unwrap_or_default();
        let held_out = held_out(file);
        let counts = match (held_out, split.held_out(), split.develop()) {
            (true, true, _) => &mut held,
            (false, _, true) => &mut develop,
            _ => continue,
        };
        let page = ["cache", "eval"]
            .iter()
            .map(|sub| tests.join(sub).join(file))
            .find(|p| p.is_file())
            .ok_or_else(|| format!("{url}: page not found: {file}"))?;
        let bytes = std::fs::read(&page).map_err(|e| format!("{}: {e}", page.display()))?;
        counts.pages += 1;
        let text = match ingest(file, &bytes, None) {
            Ok(document) => {
                let mut text = document.headline.clone();
                text.push('\n');
                text.push_str(&super::pages::body_text(&document));
                Some(text)
            }
            Err(e) => {
                counts.refused.push((file.to_string(), e.to_string()));
                None
            }
        };
        let scored = score(item, text.as_deref());
        counts.add(scored);
        if verbose && !held_out {
            println!(
                "  {file:<50} with {}/{} without-found {}/{}",
                scored.0,
                scored.0 + scored.2,
                scored.1,
                scored.1 + scored.3
            );
            let text = text.as_deref().map(norm).unwrap_or_default();
            for snippet in item["without"].as_array().into_iter().flatten() {
                let snippet = norm(snippet.as_str().unwrap_or_default());
                if text.contains(&snippet) {
                    println!("    kept boilerplate: {snippet:?}");
                }
            }
            for snippet in item["with"].as_array().into_iter().flatten() {
                let snippet = norm(snippet.as_str().unwrap_or_default());
                if !text.contains(&snippet) {
                    println!("    missed text: {snippet:?}");
                }
            }
        }
    }
    if split.develop() {
        develop.print("develop (file-name hash not 4 mod 5)");
    }
    if split.held_out() {
        held.print("held out (file-name hash 4 mod 5)");
    }
    println!("  peers' published figures on all 990 pages (trafilatura docs/evaluation.rst, results of 2026-08-04):");
    for (name, p, r, a, f) in PEERS {
        println!("    {name:<32} precision {p:.3} recall {r:.3} accuracy {a:.3} F {f:.3}");
    }
    Ok(())
}

/// One page's (tp, fp, fn, tn), as `count_item` in trafilatura's
/// `tests/eval_common.py`.
fn score(item: &serde_json::Value, text: Option<&str>) -> (usize, usize, usize, usize) {
    let snippets = |key: &str| -> Vec<String> {
        item[key]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str()).map(norm).collect())
            .unwrap_or_default()
    };
    let with = snippets("with");
    let without = snippets("without");
    let text = text.map(norm);
    let found = |list: &[String]| match &text {
        Some(t) => list.iter().filter(|s| t.contains(s.as_str())).count(),
        None => 0,
    };
    let tp = found(&with);
    let fp = found(&without);
    (tp, fp, with.len() - tp, without.len() - fp)
}

/// Runs of whitespace to one space, trimmed (Python's `\s` and `strip`).
fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The fixed held-out fifth: FNV-1a of the file name, 4 modulo 5.
fn held_out(file: &str) -> bool {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in file.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash % 5 == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_score_as_trafilatura_counts_them() {
        let item = serde_json::json!({"with": ["a  b", "c"], "without": ["x", "d\ne"]});
        assert_eq!(score(&item, Some("a b d e")), (1, 1, 1, 1));
        assert_eq!(score(&item, None), (0, 0, 2, 2));
    }
}
