//! Saved web pages on Mozilla Readability's test pages: the body text
//! Crossread keeps from each `source.html`, against the article text of its
//! `expected.html`, and the headline, byline and date against
//! `expected-metadata.json`.
//!
//! Each page is ingested as a reader's saved page is
//! (`crossread_corpus::ingest(NAME.html, bytes, None)`, the path of
//! `crossread analyze PAGE.html`). The kept body is the standfirst and the
//! paragraphs, without the headline: Readability's expected text starts
//! below the title, and a standfirst is part of it when the page puts it
//! in the article.
//!
//! Word-shingle F1: lower-cased word tokens (runs of letters and digits),
//! shingles of 4 consecutive words counted as multisets (a paragraph kept
//! twice counts twice); a text shorter than 4 words is one shingle.
//! Precision = shared / kept, recall = shared / expected; the mean is over
//! pages (a refused page scores 0), micro sums the counts of all pages.
//! Readability's tests are a public development set: every page is
//! "develop" for the saved pages. The same pages' text captures
//! (`captures.rs`) hold out every fifth site.

use super::captures::{self, CaptureTotals};
use super::{prf, Data, Split};
use crossread_corpus::{ingest, Document};
use std::collections::HashMap;

const PAGES_DIR: &str = "test/test-pages";

/// Peers' published word-shingle F1 on a public extraction benchmark (a
/// different page set: 181 real article pages).
const PEERS: &[(&str, f64)] = &[
    ("trafilatura", 0.958),
    ("Readability.js", 0.947),
    ("best Rust crate", 0.884),
];

#[derive(Default)]
struct Totals {
    pages: usize,
    refused: Vec<(String, String)>,
    shared: usize,
    kept: usize,
    expected: usize,
    sum_p: f64,
    sum_r: f64,
    sum_f: f64,
    titles: usize,
    titles_agree: usize,
    bylines: usize,
    bylines_agree: usize,
    dates: usize,
    dates_agree: usize,
}

pub fn run(path: &std::path::Path, split: Split) -> Result<(), String> {
    let data = Data::open(path, "readability")?;
    let dir = data.folder(PAGES_DIR)?;
    let verbose = std::env::var("CROSSREAD_EVAL_VERBOSE").is_ok_and(|v| v == "1");
    let mut sites: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    sites.sort();
    println!("Saved web pages on Mozilla Readability's test pages (develop: all)");
    println!("  data: mozilla/readability @ {}", data.commit());
    let mut totals = Totals::default();
    let mut develop = CaptureTotals::default();
    let mut held = CaptureTotals::default();
    for (index, site) in sites.iter().enumerate() {
        let name = site
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let read = |file: &str| {
            std::fs::read(site.join(file)).map_err(|e| format!("{}: {e}", site.display()))
        };
        let source = read("source.html")?;
        let expected = String::from_utf8_lossy(&read("expected.html")?).into_owned();
        let metadata: serde_json::Value =
            serde_json::from_slice(&read("expected-metadata.json").unwrap_or_default())
                .unwrap_or_default();
        let gold_text = markup_text(&expected);
        let held_out = captures::held_out(index);
        if held_out && split.held_out() {
            let _ = held.add(&name, &source, &gold_text);
        } else if !held_out && split.develop() {
            let scored = develop.add(&name, &source, &gold_text);
            if verbose {
                match scored {
                    Ok((p, r, f, kept, gold)) => println!(
                        "  capture {name:<32} P {p:.3} R {r:.3} F1 {f:.3} kept {kept} expected {gold}"
                    ),
                    Err(e) => println!("  capture {name:<32} refused: {e}"),
                }
            }
        }
        if !split.develop() {
            continue;
        }
        totals.pages += 1;
        let gold = shingles(&gold_text);
        let gold_count: usize = gold.values().sum();
        totals.expected += gold_count;
        let document = match ingest(&format!("{name}.html"), &source, None) {
            Ok(document) => document,
            Err(e) => {
                if verbose {
                    println!("  {name:<40} refused: {e}");
                }
                totals.refused.push((name, e.to_string()));
                continue;
            }
        };
        let kept = shingles(&body_text(&document));
        let kept_count: usize = kept.values().sum();
        let shared: usize = kept
            .iter()
            .map(|(s, n)| (*n).min(gold.get(s).copied().unwrap_or(0)))
            .sum();
        let (p, r, f) = prf(shared, kept_count, gold_count);
        totals.shared += shared;
        totals.kept += kept_count;
        totals.sum_p += p;
        totals.sum_r += r;
        totals.sum_f += f;
        if verbose {
            println!("  {name:<40} P {p:.3} R {r:.3} F1 {f:.3}");
        }
        totals.agreement(&document, &metadata);
    }
    if split.develop() {
        totals.print();
        develop.print("develop (4 sites in 5)");
    }
    if split.held_out() {
        held.print("held out (every 5th site)");
    }
    Ok(())
}

impl Totals {
    fn agreement(&mut self, document: &Document, metadata: &serde_json::Value) {
        let field = |key: &str| {
            metadata
                .get(key)
                .and_then(serde_json::Value::as_str)
                .map(fold)
                .filter(|s| !s.is_empty())
        };
        if let Some(title) = field("title") {
            self.titles += 1;
            if fold(&document.headline) == title {
                self.titles_agree += 1;
            }
        }
        if let Some(byline) = field("byline") {
            self.bylines += 1;
            let authors = document.authors.iter().map(|a| fold(a)).collect::<Vec<_>>();
            if !authors.is_empty() && authors.iter().all(|a| byline.contains(a.as_str())) {
                self.bylines_agree += 1;
            } else if std::env::var("CROSSREAD_EVAL_VERBOSE").is_ok_and(|v| v == "1") {
                println!("    byline {byline:?}, found {authors:?}");
            }
        }
        if let Some(date) = field("publishedTime") {
            self.dates += 1;
            let ours = document.published.map(|d| d.to_string());
            if ours.is_some_and(|d| d.get(..10) == date.get(..10)) {
                self.dates_agree += 1;
            }
        }
    }

    fn print(&self) {
        let n = self.pages.max(1) as f64;
        let (p, r, f) = prf(self.shared, self.kept, self.expected);
        println!("  pages {}, refused {}", self.pages, self.refused.len());
        println!(
            "  body word-shingle F1 (4-word shingles, multisets): micro P {p:.3} R {r:.3} F1 {f:.3}; \
             mean over pages P {:.3} R {:.3} F1 {:.3}",
            self.sum_p / n,
            self.sum_r / n,
            self.sum_f / n
        );
        let share =
            |a: usize, b: usize| format!("{a}/{b} ({:.0}%)", 100.0 * a as f64 / b.max(1) as f64);
        println!(
            "  headline = expected title: {}; byline names found: {}; published date: {}",
            share(self.titles_agree, self.titles),
            share(self.bylines_agree, self.bylines),
            share(self.dates_agree, self.dates)
        );
        let peers: Vec<String> = PEERS.iter().map(|(n, f)| format!("{n} {f:.3}")).collect();
        println!(
            "  peers' published F1 on another public benchmark (181 real pages): {}",
            peers.join(", ")
        );
        for (name, problem) in &self.refused {
            println!("  refused {name}: {problem}");
        }
    }
}

/// What the reader sees as the article below its headline.
pub(super) fn body_text(document: &Document) -> String {
    let mut text = document.dek.clone().unwrap_or_default();
    for paragraph in &document.paragraphs {
        text.push('\n');
        text.push_str(paragraph);
    }
    text
}

/// Lower case, whitespace collapsed.
fn fold(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub(super) fn shingles(text: &str) -> HashMap<String, usize> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut counts = HashMap::new();
    if words.is_empty() {
        return counts;
    }
    if words.len() < 4 {
        *counts.entry(words.join(" ")).or_insert(0) += 1;
        return counts;
    }
    for window in words.windows(4) {
        *counts.entry(window.join(" ")).or_insert(0) += 1;
    }
    counts
}

/// The text of the expected markup: tags and comments dropped (a block
/// boundary is a space), character references decoded.
pub(super) fn markup_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
        } else if rest.starts_with('<') {
            out.push(' ');
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
        } else {
            let end = rest.find(';').filter(|&e| e <= 10);
            let decoded = end.and_then(|e| entity(&rest[1..e]));
            match (end, decoded) {
                (Some(e), Some(c)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(value);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_text_drops_tags_and_decodes_references() {
        assert_eq!(
            fold(&markup_text(
                "<p>Tom &amp; Jerry<!-- x --></p><p>don&#x2019;t</p>"
            )),
            "tom & jerry don’t"
        );
    }

    #[test]
    fn shingles_count_repeats() {
        let s = shingles("a b c d a b c d");
        assert_eq!(s.get("a b c d"), Some(&2));
        assert_eq!(s.values().sum::<usize>(), 5);
        assert_eq!(shingles("Two words").get("two words"), Some(&1));
    }
}
