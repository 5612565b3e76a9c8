//! Named entities on CoNLL-2003 (Reuters news, 1996): people, places and
//! organisations, found by the corpus's entity finder and merger.
//!
//! Each `-DOCSTART-` block is one article; its tokenised sentences are
//! joined back into text (no space before punctuation or `'s`) and passed
//! as paragraphs to `entities::find_in_paragraphs`, then merged with
//! `entities::resolve` so a mention takes its entity's final kind.
//!
//! Scoring is micro exact-span-and-type F1 over PER, LOC and ORG: Person →
//! PER, Country and Place → LOC, Organisation and Media → ORG; Weapon and
//! Other are not scored, nor are demonyms ("German" is MISC in CoNLL).
//! MISC gold spans are ignored: they are not gold, and a prediction on
//! exactly a MISC span is left out of both sides.
//!
//! Develop: `eng.train` and `eng.testa`; held out: `eng.testb` and
//! CoNLL++ (`conllpp.txt`, Reuters news of 2020), to report on, never to
//! tune to. `CROSSREAD_EVAL_VERBOSE=1` lists misses and false positives
//! on the develop files.

use super::{prf, Data, Split};
use crossread_corpus::document::EntityKind;
use crossread_corpus::entities;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

const DEVELOP: &[&str] = &["eng.train", "eng.testa"];
const HELD_OUT: &[&str] = &["eng.testb"];
const CONLLPP: &str = "conllpp.txt";
const TYPES: [&str; 3] = ["PER", "LOC", "ORG"];
const PEERS: &[(&str, f64)] = &[
    ("rule-style baseline", 59.6),
    ("trained taggers", 92.0),
    ("trained taggers (best)", 94.0),
];

pub fn run(path: &Path, split: Split) -> Result<(), String> {
    let data = Data::open(path, "conll2003")?;
    println!(
        "Named entities: CoNLL-2003, PER/LOC/ORG exact span and type, MISC ignored \
         (ShuhengL/acl2023_conllpp at {})",
        data.commit()
    );
    let folder = data.folder("dataset")?;
    let verbose = std::env::var("CROSSREAD_EVAL_VERBOSE").is_ok_and(|v| v == "1");
    let mut sets: Vec<(String, Vec<String>, bool)> = Vec::new();
    if split.develop() {
        for f in DEVELOP {
            sets.push((
                format!("develop {f}"),
                vec![format!("non_tabular_conll/{f}")],
                verbose,
            ));
        }
        let both = DEVELOP.iter().map(|f| format!("non_tabular_conll/{f}"));
        sets.push(("develop (both)".into(), both.collect(), false));
    }
    if split.held_out() {
        for f in HELD_OUT {
            sets.push((
                format!("held out {f}"),
                vec![format!("non_tabular_conll/{f}")],
                false,
            ));
        }
        sets.push((format!("held out {CONLLPP}"), vec![CONLLPP.into()], false));
    }
    println!(
        "{:<24} {:>5} {:>6}  {:>17}  {:>17}  {:>17}  {:>17}",
        "", "docs", "gold", "PER P/R/F1", "LOC P/R/F1", "ORG P/R/F1", "all P/R/F1"
    );
    for (name, files, verbose) in sets {
        let mut counts = Counts::default();
        for file in &files {
            let path = folder.join(file);
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            for doc in read_conll(&text) {
                counts.docs += 1;
                score(&doc, &mut counts, verbose);
            }
        }
        counts.print(&name);
    }
    for (peer, f1) in PEERS {
        println!(
            "{peer:<24} {:>5} {:>6}  {:>74.1}   (published, CoNLL-2003 test)",
            "", "", f1
        );
    }
    Ok(())
}

/// One sentence: its tokens and their gold tags (IOB1).
struct Sentence {
    tokens: Vec<String>,
    tags: Vec<String>,
}

/// The articles of a CoNLL file (first column the token, last the tag).
fn read_conll(text: &str) -> Vec<Vec<Sentence>> {
    let mut docs: Vec<Vec<Sentence>> = Vec::new();
    let mut doc: Vec<Sentence> = Vec::new();
    let mut sentence = Sentence {
        tokens: Vec::new(),
        tags: Vec::new(),
    };
    let flush = |sentence: &mut Sentence, doc: &mut Vec<Sentence>| {
        if !sentence.tokens.is_empty() {
            doc.push(std::mem::replace(
                sentence,
                Sentence {
                    tokens: Vec::new(),
                    tags: Vec::new(),
                },
            ));
        }
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        match fields.as_slice() {
            [] => flush(&mut sentence, &mut doc),
            [first, ..] if *first == "-DOCSTART-" => {
                flush(&mut sentence, &mut doc);
                if !doc.is_empty() {
                    docs.push(std::mem::take(&mut doc));
                }
            }
            [token, .., tag] => {
                sentence.tokens.push((*token).to_string());
                sentence.tags.push((*tag).to_string());
            }
            [_] => {}
        }
    }
    flush(&mut sentence, &mut doc);
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Gold spans of a sentence: `(first token, end token, type)`.
fn gold_spans(tags: &[String]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, kind) = tag.split_once('-').unwrap_or(("O", ""));
        let continues = prefix == "I" && open.as_ref().is_some_and(|(_, k)| k == kind);
        if continues {
            continue;
        }
        if let Some((start, k)) = open.take() {
            out.push((start, i, k));
        }
        if prefix != "O" {
            open = Some((i, kind.to_string()));
        }
    }
    if let Some((start, k)) = open {
        out.push((start, tags.len(), k));
    }
    out
}

/// Tokens joined back into text, with each token's byte span.
fn detokenise(tokens: &[String]) -> (String, Vec<(usize, usize)>) {
    const NO_SPACE_BEFORE: &[&str] = &[
        ",", ".", ";", ":", "!", "?", ")", "]", "'s", "'S", "n't", "%", "'re", "'ve", "'ll", "'d",
        "'m", "'",
    ];
    let mut text = String::new();
    let mut spans = Vec::with_capacity(tokens.len());
    let mut open_quote = false;
    let mut glue_next = false;
    for token in tokens {
        let is_quote = token == "\"";
        let closing = is_quote && open_quote;
        let glue = glue_next || NO_SPACE_BEFORE.contains(&token.as_str()) || closing;
        if !text.is_empty() && !glue {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(token);
        spans.push((start, text.len()));
        glue_next = token == "(" || token == "[" || (is_quote && !open_quote);
        if is_quote {
            open_quote = !open_quote;
        }
    }
    (text, spans)
}

fn conll_type(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("PER"),
        EntityKind::Country | EntityKind::Place => Some("LOC"),
        EntityKind::Organisation | EntityKind::Media => Some("ORG"),
        EntityKind::Weapon | EntityKind::Other => None,
    }
}

#[derive(Default)]
struct Counts {
    docs: usize,
    /// Per type: (true positives, predicted, gold).
    by_type: BTreeMap<&'static str, (usize, usize, usize)>,
}

impl Counts {
    fn print(&self, name: &str) {
        let cell = |(tp, pred, gold): (usize, usize, usize)| {
            let (p, r, f) = prf(tp, pred, gold);
            format!("{:>5.1} {:>5.1} {:>5.1}", 100.0 * p, 100.0 * r, 100.0 * f)
        };
        let mut all = (0, 0, 0);
        let mut cells = Vec::new();
        for t in TYPES {
            let c = self.by_type.get(t).copied().unwrap_or_default();
            all = (all.0 + c.0, all.1 + c.1, all.2 + c.2);
            cells.push(cell(c));
        }
        // The counts behind "all", so that a figure at a threshold can be
        // checked exactly.
        println!(
            "{name:<24} {:>5} {:>6}  {}  {}  {}  {}  (right {}, found {}, gold {}: F1 {:.4})",
            self.docs,
            all.2,
            cells[0],
            cells[1],
            cells[2],
            cell(all),
            all.0,
            all.1,
            all.2,
            prf(all.0, all.1, all.2).2
        );
    }
}

/// Scores one article: its sentences are its paragraphs.
fn score(doc: &[Sentence], counts: &mut Counts, verbose: bool) {
    let texts: Vec<(String, Vec<(usize, usize)>)> =
        doc.iter().map(|s| detokenise(&s.tokens)).collect();
    let paragraphs: Vec<&str> = texts.iter().map(|(t, _)| t.as_str()).collect();
    let raw = entities::find_in_paragraphs(&paragraphs);
    let (found, resolved) = entities::resolve(&[("doc".to_string(), raw)], &[]);
    let kinds: HashMap<&str, EntityKind> = found.iter().map(|e| (e.id.as_str(), e.kind)).collect();
    // Predicted spans per sentence: (first token, end token, type).
    let mut predicted: Vec<Vec<(usize, usize, &'static str)>> = vec![Vec::new(); doc.len()];
    for m in resolved.iter().flatten() {
        if m.raw.adjective {
            continue;
        }
        let kind = kinds.get(m.entity.as_str()).copied().and_then(conll_type);
        let Some(kind) = kind.or(verbose.then_some("untyped")) else {
            continue;
        };
        let spans = &texts[m.raw.paragraph].1;
        let first = spans.iter().position(|s| s.0 == m.raw.start);
        let last = spans.iter().position(|s| s.1 == m.raw.end);
        // A span inside a token ("Russia" in "Russia-Iran") never matches.
        let (first, end) = match (first, last) {
            (Some(a), Some(b)) if b >= a => (a, b + 1),
            _ => (usize::MAX, usize::MAX),
        };
        predicted[m.raw.paragraph].push((first, end, kind));
    }
    for (n, sentence) in doc.iter().enumerate() {
        let gold = gold_spans(&sentence.tags);
        let misc: Vec<(usize, usize)> = gold
            .iter()
            .filter(|g| g.2 == "MISC")
            .map(|g| (g.0, g.1))
            .collect();
        let gold: Vec<(usize, usize, &str)> = gold
            .iter()
            .filter_map(|g| TYPES.iter().find(|t| **t == g.2).map(|t| (g.0, g.1, *t)))
            .collect();
        let preds: Vec<(usize, usize, &'static str)> = predicted[n]
            .iter()
            .copied()
            .filter(|p| !misc.contains(&(p.0, p.1)) && p.2 != "untyped")
            .collect();
        if verbose {
            for p in predicted[n]
                .iter()
                .filter(|p| p.2 == "untyped" && p.0 != usize::MAX)
            {
                let g = gold
                    .iter()
                    .find(|g| (g.0, g.1) == (p.0, p.1))
                    .map_or("O", |g| g.2);
                let g = if misc.contains(&(p.0, p.1)) {
                    "MISC"
                } else {
                    g
                };
                println!("  UNTYPED {g} {}", sentence.tokens[p.0..p.1].join(" "));
            }
        }
        for t in TYPES {
            let entry = counts.by_type.entry(t).or_default();
            let p: Vec<_> = preds.iter().filter(|p| p.2 == t).collect();
            let g: Vec<_> = gold.iter().filter(|g| g.2 == t).collect();
            entry.0 += p
                .iter()
                .filter(|p| g.iter().any(|g| (g.0, g.1) == (p.0, p.1)))
                .count();
            entry.1 += p.len();
            entry.2 += g.len();
        }
        if verbose {
            print_errors(&sentence.tokens, &texts[n].0, &gold, &preds);
        }
    }
}

/// Misses and false positives of one sentence, for development.
fn print_errors(
    tokens: &[String],
    text: &str,
    gold: &[(usize, usize, &str)],
    preds: &[(usize, usize, &'static str)],
) {
    let words = |a: usize, b: usize| {
        if a == usize::MAX {
            "(inside a token)".to_string()
        } else {
            tokens[a..b].join(" ")
        }
    };
    let mut lines = Vec::new();
    for g in gold {
        if !preds.iter().any(|p| (p.0, p.1, p.2) == (g.0, g.1, g.2)) {
            let got = preds
                .iter()
                .find(|p| p.0 < g.1 && g.0 < p.1)
                .map_or("-".to_string(), |p| format!("{} {}", p.2, words(p.0, p.1)));
            lines.push(format!("  MISS {} {}   got {got}", g.2, words(g.0, g.1)));
        }
    }
    for p in preds {
        if !gold.iter().any(|g| (p.0, p.1, p.2) == (g.0, g.1, g.2)) {
            let overlaps = gold.iter().any(|g| p.0 < g.1 && g.0 < p.1);
            if !overlaps {
                lines.push(format!("  FP {} {}", p.2, words(p.0, p.1)));
            }
        }
    }
    if !lines.is_empty() {
        println!("{text}");
        for l in lines {
            println!("{l}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_spans_and_detokenised_offsets() {
        let tags: Vec<String> = ["I-PER", "I-PER", "O", "B-PER", "I-LOC", "I-LOC"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            gold_spans(&tags),
            vec![
                (0, 2, "PER".into()),
                (3, 4, "PER".into()),
                (4, 6, "LOC".into())
            ]
        );
        let tokens: Vec<String> = [
            "Ann", "'s", "dog", "(", "Rex", ")", "said", "\"", "hi", "\"", ".",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (text, spans) = detokenise(&tokens);
        assert_eq!(text, "Ann's dog (Rex) said \"hi\".");
        assert_eq!(&text[spans[4].0..spans[4].1], "Rex");
    }
}
