//! Direct quotations and their speakers on PolNeAR (news on the 2016 US
//! election, seven publishers, brat standoff attributions: Source, Cue and
//! Content spans joined by a relation).
//!
//! Each article is analysed alone through the public path
//! (`crossread_corpus::analyse` on one document whose paragraphs are the
//! text's blank-line blocks) and `corpus.quotes` is compared with the gold
//! attributions. Where an article has several annotators' versions the
//! one whose annotator code sorts first is used, for every article.
//!
//! Measures:
//! - Quote detection. A gold direct quote is a passage between quotation
//!   marks, of two words or more, inside the Content of a gold attribution
//!   (single quoted words and quoted titles outside any Content are not
//!   gold). A Crossread quote is right when its span overlaps a gold
//!   quote; recall counts gold quotes overlapped by some Crossread quote.
//! - Speaker accuracy, over the detected gold quotes whose gold source is
//!   named: the source of the innermost attribution whose Content holds
//!   the quote has a capitalised word, not a function word, that is not
//!   merely the first word of a sentence ("Officials said" is not named).
//!   Pronoun and absent sources are left out: PolNeAR has no gold
//!   coreference. The speaker is right when it shares a word with the
//!   gold source's name: the last run of capitalised words before any
//!   apposition or relative clause, so "campaign manager Ann Reyes, a
//!   lawyer at Smith & Co" is matched by "Reyes" or "Ann Reyes" and not by
//!   "Smith"; wrong when it is given and does not; none when Crossread
//!   gives no speaker.
//!
//! Develop: `data/train` and `data/dev`; held out: `data/test`, to report
//! once, never to tune to.

use super::{prf, Data, Split};
use crossread_corpus::{analyse, Document};
use std::collections::BTreeMap;
use std::path::Path;

/// Published source F1 on PolNeAR, all attributions, exact spans.
const PEERS: &[(&str, &str)] = &[("rule-based", "10.7"), ("CRF", "50.6"), ("BERT", "81-83")];

pub fn run(path: &Path, split: Split) -> Result<(), String> {
    let data = Data::open(path, "polnear")?;
    println!(
        "Direct quotes and speakers: PolNeAR (networkdynamics/PolNeAR at {})",
        data.commit()
    );
    println!(
        "{:<18} {:>5} {:>5} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "", "docs", "gold", "P", "R", "F1", "named", "right", "wrong", "none"
    );
    let sets = split.parts(
        ("develop", vec!["data/train", "data/dev"]),
        ("held out test", vec!["data/test"]),
    );
    for (name, folders) in sets {
        let mut counts = Counts::default();
        for folder in folders {
            // Text and attributions only (the CoreNLP files are not needed).
            let texts = data.folder(&format!("{folder}/text"))?;
            let anns = data.folder(&format!("{folder}/attributions"))?;
            for (stem, text, ann) in articles(&texts, &anns)? {
                counts.add(&score(&stem, &text, &ann));
            }
        }
        counts.print(name);
    }
    for (peer, f1) in PEERS {
        println!(
            "{peer:<18} source F1 {f1} (published: all attributions, exact spans; a harder task)"
        );
    }
    Ok(())
}

/// Every article of a split folder with its first annotator's file.
fn articles(texts: &Path, ann_dir: &Path) -> Result<Vec<(String, String, String)>, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut anns: BTreeMap<String, std::path::PathBuf> = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    for file in files {
        let name = file.file_stem().map(|s| s.to_string_lossy().into_owned());
        let Some((stem, _annotator)) = name.as_deref().and_then(|n| n.rsplit_once('_')) else {
            continue;
        };
        anns.entry(stem.to_string()).or_insert(file);
    }
    let mut out = Vec::new();
    for (stem, ann) in anns {
        let text_file = texts.join(format!("{stem}.txt"));
        if !text_file.is_file() {
            continue;
        }
        out.push((stem, read(&text_file)?, read(&ann)?));
    }
    Ok(out)
}

#[derive(Default)]
struct Counts {
    docs: usize,
    gold: usize,
    predicted: usize,
    predicted_ok: usize,
    gold_found: usize,
    named: usize,
    right: usize,
    wrong: usize,
    none: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.docs += o.docs;
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.predicted_ok += o.predicted_ok;
        self.gold_found += o.gold_found;
        self.named += o.named;
        self.right += o.right;
        self.wrong += o.wrong;
        self.none += o.none;
    }

    fn print(&self, name: &str) {
        let (p, _, _) = prf(self.predicted_ok, self.predicted, self.gold);
        let (_, r, _) = prf(self.gold_found, self.predicted, self.gold);
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        let pct = |n: usize| 100.0 * n as f64 / self.named.max(1) as f64;
        println!(
            "{name:<18} {:>5} {:>5} {:>6.1} {:>6.1} {:>6.1} {:>6} {:>5.1}% {:>5.1}% {:>5.1}%",
            self.docs,
            self.gold,
            100.0 * p,
            100.0 * r,
            100.0 * f,
            self.named,
            pct(self.right),
            pct(self.wrong),
            pct(self.none)
        );
        println!(
            "{:<18} quotes found {} of {}, Crossread quotes {} ({} right); speakers right {}, wrong {}, none {} of {} named",
            "", self.gold_found, self.gold, self.predicted, self.predicted_ok, self.right, self.wrong, self.none, self.named
        );
    }
}

/// A gold attribution: its Source and Content as byte spans.
struct Gold {
    source: Vec<(usize, usize)>,
    content: Vec<(usize, usize)>,
}

/// Byte offset of every char offset (brat counts characters).
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    out.push(text.len());
    out
}

fn read_ann(ann: &str, text: &str) -> Vec<Gold> {
    let bytes = byte_offsets(text);
    let at = |c: usize| bytes.get(c).copied().unwrap_or(text.len());
    let mut spans: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let Some((_, ranges)) = body.split_once(' ') else {
                continue;
            };
            let parsed: Vec<(usize, usize)> = ranges
                .split(';')
                .filter_map(|r| {
                    let (a, b) = r.trim().split_once(' ')?;
                    Some((at(a.parse().ok()?), at(b.parse().ok()?)))
                })
                .collect();
            spans.insert(id, parsed);
        }
    }
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if !id.starts_with('E') {
            continue;
        }
        let role = |name: &str| -> Vec<(usize, usize)> {
            body.split(' ')
                .filter_map(|part| part.split_once(':'))
                .filter(|(r, _)| r.trim_end_matches(char::is_numeric) == name)
                .flat_map(|(_, t)| spans.get(t).cloned().unwrap_or_default())
                .collect()
        };
        out.push(Gold {
            source: role("Source"),
            content: role("Content"),
        });
    }
    out
}

fn is_open(c: char) -> bool {
    matches!(c, '"' | '“')
}

/// Passages between quotation marks of two words or more.
fn quoted_passages(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (at, c) in text.char_indices() {
        let closes = match c {
            '”' => true,
            '"' => open.is_some(),
            _ => false,
        };
        if closes {
            if let Some(s) = open.take() {
                out.push((s, at));
            }
            continue;
        }
        if is_open(c) {
            open = Some(at + c.len_utf8());
        }
        if c == '\n' && text[at + 1..].starts_with('\n') {
            // A quote running over paragraphs closes at the blank line.
            if let Some(s) = open.take() {
                out.push((s, at));
            }
        }
    }
    out.retain(|&(s, e)| text[s..e].split_whitespace().count() >= 2);
    out
}

/// Paragraphs (blank-line blocks, inner line breaks made spaces) with
/// the byte offset each starts at.
fn paragraphs(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    for block in text.split("\n\n") {
        let trimmed = block.trim_start();
        let start = at + (block.len() - trimmed.len());
        let trimmed = trimmed.trim_end();
        if !trimmed.is_empty() {
            out.push((start, trimmed.replace('\n', " ")));
        }
        at += block.len() + 2;
    }
    out
}

fn document(id: &str, paragraphs: Vec<String>) -> Document {
    Document {
        id: id.to_string(),
        file: format!("{id}.txt"),
        outlet: None,
        via: None,
        headline: String::new(),
        dek: None,
        summary: Vec::new(),
        authors: Vec::new(),
        published: None,
        url: None,
        provenance: BTreeMap::new(),
        paragraphs,
        boilerplate: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        updated: None,
        language: None,
        word_count: 0,
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Words of a name without possessives and outer punctuation.
fn name_words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .map(|w| {
            let w = w.trim_end_matches("’s").trim_end_matches("'s");
            w.trim_matches(|c: char| !c.is_alphanumeric())
        })
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

const FUNCTION: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "you",
    "and",
    "of",
    "in",
    "on",
    "at",
    "for",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "rep",
    "gov",
    "president",
    "but",
    "as",
    "so",
    "some",
    "many",
    "one",
];

/// Titles that "of" can follow ("Secretary of State").
const TITLES: &[&str] = &[
    "secretary",
    "minister",
    "governor",
    "mayor",
    "director",
    "chairman",
    "chair",
    "head",
    "president",
    "speaker",
    "leader",
    "chief",
    "attorney",
    "department",
    "university",
    "institute",
    "house",
    "board",
    "bureau",
    "office",
    "council",
    "committee",
    "league",
    "association",
    "society",
    "center",
    "centre",
    "school",
    "college",
    "court",
    "bank",
];

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && !FUNCTION.contains(&w.to_lowercase().as_str())
}

/// Whether the byte `at` starts a sentence (after . ! ? or a paragraph).
fn starts_sentence(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| c.is_whitespace() || is_open(c));
    before.is_empty() || before.ends_with(['.', '!', '?', '\n', ':', '”', '"'])
}

/// The gold source's name: its last run of capitalised words, when the
/// source is named at all.
fn gold_name(text: &str, source: &[(usize, usize)]) -> Option<Vec<String>> {
    let mut runs: Vec<Vec<String>> = Vec::new();
    let mut run: Vec<String> = Vec::new();
    let mut named = false;
    for &(s, e) in source {
        // The head before an apposition or a relative clause: "Ann Reyes,
        // a spokeswoman", "Ann Reyes (D-Ohio)", "Ann Reyes — who ...".
        let head = text[s..e]
            .find([',', '(', '—', '–'])
            .or_else(|| text[s..e].find(" who "))
            .map_or(e, |cut| s + cut);
        let e = if head > s { head } else { e };
        // "Sen. Ann Reyes of Ohio": the name before "of", unless that is a
        // title ("Secretary of State Ann Reyes").
        let e = match text[s..e].find(" of ") {
            Some(cut)
                if text[s..s + cut].split_whitespace().last().is_some_and(|w| {
                    let w = w.trim_end_matches(['.', ',']);
                    capitalised(w) && !TITLES.contains(&w.to_lowercase().as_str())
                }) =>
            {
                s + cut
            }
            _ => e,
        };
        let mut at = s;
        for raw in text[s..e].split_inclusive(char::is_whitespace) {
            let here = at;
            at += raw.len();
            for w in name_words(raw) {
                if capitalised(&w) {
                    let lower_elsewhere = text.contains(&format!(" {} ", w.to_lowercase()));
                    if !(starts_sentence(text, here) && lower_elsewhere) {
                        named = true;
                    }
                    run.push(w.to_lowercase());
                } else if !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
            }
        }
    }
    if !run.is_empty() {
        runs.push(run);
    }
    if !named {
        return None;
    }
    runs.pop()
}

fn score(stem: &str, text: &str, ann: &str) -> Counts {
    let golds = read_ann(ann, text);
    let paras = paragraphs(text);
    let starts: Vec<usize> = paras.iter().map(|(s, _)| *s).collect();
    let corpus = analyse(vec![document(
        "doc",
        paras.into_iter().map(|(_, p)| p).collect(),
    )]);
    let predicted: Vec<((usize, usize), Option<String>)> = corpus
        .quotes
        .iter()
        .map(|q| {
            let base = starts[q.paragraph];
            ((base + q.start, base + q.end), q.speaker.clone())
        })
        .collect();
    // Gold quotes: passages inside a Content, with the innermost one.
    let mut gold: Vec<((usize, usize), &Gold)> = Vec::new();
    for passage in quoted_passages(text) {
        let holder = golds
            .iter()
            .filter(|g| g.content.iter().any(|&c| overlaps(passage, c)))
            .min_by_key(|g| g.content.iter().map(|c| c.1 - c.0).sum::<usize>());
        if let Some(g) = holder {
            gold.push((passage, g));
        }
    }
    let verbose = std::env::var_os("CROSSREAD_EVAL_VERBOSE").is_some();
    let shown = |s: usize, e: usize| {
        let t: String = text[s..e].replace('\n', " ");
        if t.chars().count() > 70 {
            let head: String = t.chars().take(70).collect();
            format!("{head}…")
        } else {
            t
        }
    };
    let window = |s: usize, e: usize| {
        let mut a = s.saturating_sub(160);
        while !text.is_char_boundary(a) {
            a += 1;
        }
        let mut b = (e + 160).min(text.len());
        while !text.is_char_boundary(b) {
            b += 1;
        }
        text[a..b].replace('\n', " ")
    };
    let context = std::env::var_os("CROSSREAD_EVAL_CONTEXT").is_some();
    let mut c = Counts {
        docs: 1,
        gold: gold.len(),
        predicted: predicted.len(),
        ..Counts::default()
    };
    for (span, _) in &predicted {
        let ok = gold.iter().any(|(g, _)| overlaps(*span, *g));
        c.predicted_ok += usize::from(ok);
        if verbose && !ok {
            println!("  extra {stem}: {:?}", shown(span.0, span.1));
        }
    }
    for (span, g) in &gold {
        let found: Vec<&Option<String>> = predicted
            .iter()
            .filter(|(p, _)| overlaps(*p, *span))
            .map(|(_, s)| s)
            .collect();
        if found.is_empty() {
            if verbose {
                println!("  missed {stem}: {:?}", shown(span.0, span.1));
            }
            continue;
        }
        c.gold_found += 1;
        let Some(name) = gold_name(text, &g.source) else {
            continue;
        };
        c.named += 1;
        let speaker = found.iter().find_map(|s| s.as_deref());
        let gold_text: Vec<String> = g.source.iter().map(|&(s, e)| shown(s, e)).collect();
        match speaker {
            None => {
                c.none += 1;
                if verbose {
                    println!(
                        "  none {stem}: {:?} gold {:?}",
                        shown(span.0, span.1),
                        gold_text.join(" … ")
                    );
                    if context {
                        println!("      | {}", window(span.0, span.1));
                    }
                }
            }
            Some(s) => {
                let words: Vec<String> = name_words(s)
                    .iter()
                    .filter(|w| capitalised(w))
                    .map(|w| w.to_lowercase())
                    .collect();
                if words.iter().any(|w| name.contains(w)) {
                    c.right += 1;
                } else {
                    c.wrong += 1;
                    if verbose {
                        println!(
                            "  wrong {stem}: {:?} said {s:?}, gold {:?}",
                            shown(span.0, span.1),
                            gold_text.join(" … ")
                        );
                        if context {
                            println!("      | {}", window(span.0, span.1));
                        }
                    }
                }
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_char_offsets_become_byte_offsets() {
        let text = "“Go now,” Ana Reyes said.";
        let ann = "T1\tSource 10 19\tAna Reyes\nT2\tContent 1 8\tGo now,\nE1\tAttribution:T3 Source:T1 Content:T2\n";
        let g = read_ann(ann, text);
        assert_eq!(g.len(), 1);
        assert_eq!(&text[g[0].source[0].0..g[0].source[0].1], "Ana Reyes");
        assert_eq!(quoted_passages(text), [(3, 10)]);
    }

    #[test]
    fn named_sources_and_their_names() {
        let text = "Officials said it. The officials said so. campaign manager Ann Reyes said.";
        assert_eq!(gold_name(text, &[(0, 9)]), None);
        let s = text.find("campaign").unwrap();
        assert_eq!(
            gold_name(text, &[(s, s + 27)]),
            Some(vec!["ann".to_string(), "reyes".to_string()])
        );
    }
}
