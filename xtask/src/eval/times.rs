//! Time expressions on TempEval-3 (TimeML news with a creation date):
//! every DATE expression of the gold annotation against the corpus's
//! `times`, found through the public analysis path with the creation date
//! as the publication date.
//!
//! Scoring follows the TempEval-3 "value" figure as HeidelTime reports
//! it: a predicted expression counts when its span overlaps a gold DATE
//! expression (relaxed match) and its value is the gold value. Only DATE
//! is scored: a prediction overlapping a gold DURATION, TIME or SET
//! expression is left out of both sides (those types are not exported).
//!
//! Develop: `Training/TBAQ-cleaned/{TimeBank,AQUAINT}`; held out:
//! `Evaluation/te3-platinum`, to report on, never to tune to.

use super::{prf, Data, Split};
use crossread_corpus::{analyse, Document, Part, PartialDate};
use std::collections::BTreeMap;
use std::path::Path;

const DEVELOP: &[&str] = &[
    "data/TempEval3/Training/TBAQ-cleaned/TimeBank",
    "data/TempEval3/Training/TBAQ-cleaned/AQUAINT",
];
const HELD_OUT: &str = "data/TempEval3/Evaluation/te3-platinum";

/// Published value F1 on the TempEval-3 test set (all timex types).
const PEERS: &[(&str, f64)] = &[("HeidelTime", 77.6), ("SUTime", 67.4)];

pub fn run(path: &Path, split: Split) -> Result<(), String> {
    let data = Data::open(path, "tempeval3")?;
    println!(
        "Time expressions: TempEval-3, DATE value F1 (qiangning/StructTempRel-EMNLP17 at {})",
        data.commit()
    );
    println!(
        "{:<24} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7}",
        "", "docs", "gold", "span F1", "value P", "value R", "value F1"
    );
    let mut sets: Vec<(&str, Vec<&str>)> = Vec::new();
    if split.develop() {
        sets.push(("develop TimeBank", vec![DEVELOP[0]]));
        sets.push(("develop AQUAINT", vec![DEVELOP[1]]));
        sets.push(("develop (both)", DEVELOP.to_vec()));
    }
    if split.held_out() {
        sets.push(("held out te3-platinum", vec![HELD_OUT]));
    }
    for (name, folders) in sets {
        let mut counts = Counts::default();
        for folder in folders {
            let dir = data.folder(folder)?;
            let mut files: Vec<_> = std::fs::read_dir(&dir)
                .map_err(|e| format!("{}: {e}", dir.display()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "tml"))
                .collect();
            files.sort();
            for file in files {
                let tml = std::fs::read_to_string(&file)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
                let article = read_tml(&tml)
                    .ok_or_else(|| format!("{}: no TEXT or creation time", file.display()))?;
                let name = file.file_name().map(|n| n.to_string_lossy().into_owned());
                counts.add(&score(&article, name.as_deref().unwrap_or("?")));
            }
        }
        counts.print(name);
    }
    for (peer, f1) in PEERS {
        println!(
            "{:<24} {:>6} {:>6} {:>7} {:>7} {:>7} {:>7.1}   (published, TempEval-3 test, all types)",
            peer, "", "", "", "", "", f1
        );
    }
    Ok(())
}

#[derive(Default)]
struct Counts {
    docs: usize,
    gold: usize,
    predicted: usize,
    span_gold: usize,
    span_predicted: usize,
    value_gold: usize,
    value_predicted: usize,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.docs += other.docs;
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.span_gold += other.span_gold;
        self.span_predicted += other.span_predicted;
        self.value_gold += other.value_gold;
        self.value_predicted += other.value_predicted;
    }

    fn print(&self, name: &str) {
        let (_, _, span_f) = f1(self.span_predicted, self.span_gold, self);
        let (vp, vr, vf) = f1(self.value_predicted, self.value_gold, self);
        println!(
            "{name:<24} {:>6} {:>6} {:>7.1} {:>7.1} {:>7.1} {:>7.1}",
            self.docs,
            self.gold,
            100.0 * span_f,
            100.0 * vp,
            100.0 * vr,
            100.0 * vf
        );
    }
}

/// Precision over predictions and recall over gold, each with its own
/// count of matches (several predictions may overlap one gold expression).
fn f1(predicted_ok: usize, gold_ok: usize, c: &Counts) -> (f64, f64, f64) {
    let (p, _, _) = prf(predicted_ok, c.predicted, c.gold);
    let (_, r, _) = prf(gold_ok, c.predicted, c.gold);
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// A TimeML article: the text with tags stripped, its creation date and
/// the gold time expressions (byte spans into the text).
struct Article {
    text: String,
    created: Option<PartialDate>,
    gold: Vec<Timex>,
}

struct Timex {
    start: usize,
    end: usize,
    kind: String,
    value: String,
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let len = tag[at..].find('"')?;
    Some(tag[at..at + len].to_string())
}

fn read_tml(tml: &str) -> Option<Article> {
    let dct = tml
        .split("<TIMEX3")
        .find(|t| t.contains("functionInDocument=\"CREATION_TIME\""))
        .and_then(|t| attribute(t, "value"))?;
    let created = PartialDate::parse_iso(dct.get(..10).unwrap_or(&dct));
    let body = tml.split_once("<TEXT>")?.1.split_once("</TEXT>")?.0;
    let mut text = String::new();
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        text.push_str(&super::unescape_xml(&rest[..lt]));
        let gt = rest[lt..].find('>')? + lt;
        let tag = &rest[lt + 1..gt];
        if tag.starts_with("TIMEX3") {
            open = Some((
                text.len(),
                attribute(tag, "type").unwrap_or_default(),
                attribute(tag, "value").unwrap_or_default(),
            ));
        } else if tag == "/TIMEX3" {
            if let Some((start, kind, value)) = open.take() {
                gold.push(Timex {
                    start,
                    end: text.len(),
                    kind,
                    value,
                });
            }
        }
        rest = &rest[gt + 1..];
    }
    text.push_str(&super::unescape_xml(rest));
    Some(Article {
        text,
        created,
        gold,
    })
}

/// Paragraphs of the text (split at blank lines, line breaks inside a
/// paragraph made spaces) with the byte offset where each starts.
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

fn document(id: &str, paragraphs: Vec<String>, published: Option<PartialDate>) -> Document {
    Document {
        id: id.to_string(),
        file: format!("{id}.tml"),
        outlet: None,
        via: None,
        headline: String::new(),
        dek: None,
        summary: Vec::new(),
        authors: Vec::new(),
        published,
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

fn score(article: &Article, file: &str) -> Counts {
    let paras = paragraphs(&article.text);
    let starts: Vec<usize> = paras.iter().map(|(s, _)| *s).collect();
    let doc = document(
        "tml",
        paras.into_iter().map(|(_, p)| p).collect(),
        article.created,
    );
    let corpus = analyse(vec![doc]);
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let dates: Vec<&Timex> = article.gold.iter().filter(|t| t.kind == "DATE").collect();
    let others: Vec<&Timex> = article.gold.iter().filter(|t| t.kind != "DATE").collect();
    let predicted: Vec<(usize, usize, Option<String>)> = corpus
        .times
        .iter()
        .filter(|t| t.part == Part::Body)
        .map(|t| {
            (
                starts[t.paragraph] + t.start,
                starts[t.paragraph] + t.end,
                t.value.clone(),
            )
        })
        .filter(|&(s, e, _)| {
            dates.iter().any(|g| overlaps((s, e), (g.start, g.end)))
                || !others.iter().any(|g| overlaps((s, e), (g.start, g.end)))
        })
        .collect();
    let verbose = std::env::var_os("CROSSREAD_EVAL_VERBOSE").is_some();
    let shown = |s: usize, e: usize| article.text.get(s..e).unwrap_or("?").replace('\n', " ");
    let mut c = Counts {
        docs: 1,
        gold: dates.len(),
        predicted: predicted.len(),
        ..Counts::default()
    };
    for g in &dates {
        let hits: Vec<_> = predicted
            .iter()
            .filter(|p| overlaps((p.0, p.1), (g.start, g.end)))
            .collect();
        c.span_gold += usize::from(!hits.is_empty());
        let right = hits
            .iter()
            .any(|p| p.2.as_deref() == Some(g.value.as_str()));
        c.value_gold += usize::from(right);
        if verbose && !right {
            let found: Vec<String> = hits
                .iter()
                .map(|p| format!("{:?}={}", shown(p.0, p.1), p.2.as_deref().unwrap_or("null")))
                .collect();
            println!(
                "  miss {file}: {:?} gold {} found [{}]",
                shown(g.start, g.end),
                g.value,
                found.join(", ")
            );
        }
    }
    for p in &predicted {
        let golds: Vec<_> = dates
            .iter()
            .filter(|g| overlaps((p.0, p.1), (g.start, g.end)))
            .collect();
        c.span_predicted += usize::from(!golds.is_empty());
        c.value_predicted += usize::from(
            golds
                .iter()
                .any(|g| p.2.as_deref() == Some(g.value.as_str())),
        );
        if verbose && golds.is_empty() {
            println!(
                "  extra {file}: {:?}={}",
                shown(p.0, p.1),
                p.2.as_deref().unwrap_or("null")
            );
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeml_tags_are_stripped_and_spans_kept() {
        let tml = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT>\n<TEXT>\nSales <EVENT eid=\"e1\">rose</EVENT> in <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1997-10\">October</TIMEX3> &amp; more.\n\nNext.\n</TEXT>";
        let a = read_tml(tml).unwrap();
        assert_eq!(a.created, PartialDate::parse_iso("1998-01-08"));
        assert_eq!(&a.text[a.gold[0].start..a.gold[0].end], "October");
        assert_eq!(a.gold[0].value, "1997-10");
        let paras = paragraphs(&a.text);
        assert_eq!(paras[0].1, "Sales rose in October & more.");
        assert_eq!(&a.text[paras[1].0..paras[1].0 + 5], "Next.");
    }
}
