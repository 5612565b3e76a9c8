//! Event threads on ECB+ (cross-document event coreference in news).
//!
//! Each ECB+ topic holds articles on two different events of the same
//! kind (two rehab check-ins, two earthquakes). Every article of a topic is
//! analysed as one corpus, from its full text (one paragraph per sentence,
//! so a claim's paragraph is the ECB+ sentence number); no outlet and no
//! date are given, as with a reader's bare files.
//!
//! Measured pairwise over the annotated sentences that hold a gold event
//! mention, for each pair from different articles of one topic: same gold
//! event cluster → should share a thread (recall), different → apart
//! (precision). "Hard pairs" are pairs from the topic's two different
//! events: the share of them put in one thread is printed. The same pairs
//! are scored for the same-head-word baseline (two sentences share an
//! event when a gold event mention of each has the same head word), the
//! sentence-level reading of the published same-lemma baseline. "One
//! thread per event" scores the ceiling of article-level grouping: every
//! sentence of an article in its event's thread, by the gold split.

use super::{prf, Data, Split};
use crossread_corpus::{analyse, Corpus, Document};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const GOLD_DIR: &str = "data/interim/cybulska_setup";
const TEXT_DIR: &str = "ECBplus-prep/ECB+";

/// An annotated sentence: its gold event clusters and mention head words,
/// and its text (from the sentence file) to find it in the analysed article.
#[derive(Default)]
struct Sentence {
    chains: BTreeSet<String>,
    heads: BTreeSet<String>,
    text: String,
}

#[derive(Default)]
struct Counts {
    topics: usize,
    docs: usize,
    sentences: usize,
    gold: usize,
    predicted: usize,
    true_pos: usize,
    hard: usize,
    hard_merged: usize,
    base_predicted: usize,
    base_true_pos: usize,
    base_hard_merged: usize,
    threads: usize,
    /// Pairs from articles on the same event (the ceiling of putting
    /// every sentence of an article in its event's one thread).
    oracle_predicted: usize,
    oracle_true_pos: usize,
    with_thread: usize,
    /// Same-event pairs missed because a sentence is in no thread.
    missed_unthreaded: usize,
}

pub fn run(gold: &Path, text: &Path, split: Split) -> Result<(), String> {
    let gold = Data::open(gold, "ecb-gold")?;
    let text = Data::open(text, "ecb-text")?;
    let gold_dir = gold.folder(GOLD_DIR)?;
    let text_dir = text.folder(TEXT_DIR)?;
    println!(
        "Event threads on ECB+ (pairs of annotated sentences from different articles of a topic)"
    );
    println!(
        "  data: shanybar/event_entity_coref_ecb_plus @ {}, anastasia-zhukova/uCDCR @ {}",
        gold.commit(),
        text.commit()
    );
    println!(
        "  {:<22} {:>6} {:>5} {:>9} {:>10} {:>6} {:>6} {:>6} {:>12}",
        "part", "topics", "docs", "sentences", "gold pairs", "P", "R", "F1", "hard merged"
    );
    let parts = split.parts(
        ("develop (topics 1-35)", vec!["Train", "Dev"]),
        ("held out (36-45)", vec!["Test"]),
    );
    for (name, files) in parts {
        let mut counts = Counts::default();
        for file in files {
            measure(&gold_dir, &text_dir, file, &mut counts)?;
        }
        print_row(name, &counts);
    }
    println!("  Peers (mention-level CoNLL F1 with gold mentions, same data): same-lemma baseline 76.4, best models 80-86.");
    println!("  Target (issue): pairwise F1 >= 0.75 with at most 5% of hard pairs merged.");
    Ok(())
}

fn print_row(name: &str, c: &Counts) {
    let (p, r, f) = prf(c.true_pos, c.predicted, c.gold);
    let hard = |merged: usize| {
        if c.hard == 0 {
            0.0
        } else {
            100.0 * merged as f64 / c.hard as f64
        }
    };
    println!(
        "  {:<22} {:>6} {:>5} {:>9} {:>10} {:>6.3} {:>6.3} {:>6.3} {:>11.1}%",
        name,
        c.topics,
        c.docs,
        c.sentences,
        c.gold,
        p,
        r,
        f,
        hard(c.hard_merged)
    );
    let (bp, br, bf) = prf(c.base_true_pos, c.base_predicted, c.gold);
    println!(
        "  {:<22} {:>6} {:>5} {:>9} {:>10} {:>6.3} {:>6.3} {:>6.3} {:>11.1}%",
        "  same-head baseline",
        "",
        "",
        "",
        "",
        bp,
        br,
        bf,
        hard(c.base_hard_merged)
    );
    println!("  {:<22} threads found: {}", "", c.threads);
    let (op, or, of) = prf(c.oracle_true_pos, c.oracle_predicted, c.gold);
    println!(
        "  {:<22} sentences in a thread: {} of {}",
        "", c.with_thread, c.sentences
    );
    let missed = c.gold - c.true_pos;
    println!(
        "  {:<22} same-event pairs missed: {} ({} with a sentence in no thread, {} in different threads)",
        "",
        missed,
        c.missed_unthreaded,
        missed - c.missed_unthreaded
    );
    println!(
        "  {:<22} {:>6} {:>5} {:>9} {:>10} {:>6.3} {:>6.3} {:>6.3}",
        "  one thread per event", "", "", "", "", op, or, of
    );
}

/// Annotated sentences of one split file, by topic, document and sentence.
type Gold = BTreeMap<u32, BTreeMap<String, BTreeMap<usize, Sentence>>>;

fn read_gold(gold_dir: &Path, file: &str) -> Result<Gold, String> {
    let path = gold_dir.join(format!("ECB_{file}_Event_gold_mentions.json"));
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mentions: Vec<serde_json::Value> =
        serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut gold: Gold = BTreeMap::new();
    for m in mentions {
        let doc = m["doc_id"].as_str().unwrap_or_default().to_string();
        let Some(topic) = doc.split('_').next().and_then(|t| t.parse::<u32>().ok()) else {
            continue;
        };
        let sent = m["sent_id"].as_u64().unwrap_or_default() as usize;
        let chain = m["coref_chain"].as_str().unwrap_or_default().to_string();
        let head = m["tokens_str"]
            .as_str()
            .unwrap_or_default()
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_lowercase();
        let s = gold
            .entry(topic)
            .or_default()
            .entry(doc)
            .or_default()
            .entry(sent)
            .or_default();
        s.chains.insert(chain);
        s.heads.insert(crossread_corpus::stem::stem(&head));
    }
    let path = gold_dir.join(format!("ECB_{file}_corpus.txt"));
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut words: BTreeMap<(String, usize), Vec<String>> = BTreeMap::new();
    for line in raw.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if let [doc, sent, _, word, ..] = f.as_slice() {
            if let Ok(sent) = sent.parse::<usize>() {
                words
                    .entry((doc.to_string(), sent))
                    .or_default()
                    .push(word.to_string());
            }
        }
    }
    for docs in gold.values_mut() {
        for (doc, sentences) in docs.iter_mut() {
            for (sent, s) in sentences.iter_mut() {
                if let Some(w) = words.get(&(doc.clone(), *sent)) {
                    s.text = detokenise(w);
                }
            }
        }
    }
    Ok(gold)
}

fn measure(
    gold_dir: &Path,
    text_dir: &Path,
    file: &str,
    counts: &mut Counts,
) -> Result<(), String> {
    let gold = read_gold(gold_dir, file)?;
    for (topic, docs) in &gold {
        if let Ok(only) = std::env::var("CROSSREAD_EVAL_TOPIC") {
            if only != topic.to_string() {
                continue;
            }
        }
        let mut documents = Vec::new();
        for doc in docs.keys() {
            let path = text_dir.join(topic.to_string()).join(format!("{doc}.xml"));
            let xml =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            // As a reader's text file: one line per sentence, so the header
            // rules see the headline and date lines that ECB+ articles carry.
            let sentences = sentences_of(&xml);
            let text = sentences.join("\n\n");
            let name = format!("{doc}.txt");
            let document = crossread_corpus::ingest(&name, text.as_bytes(), None)
                .unwrap_or_else(|_| document(doc, &sentences));
            documents.push(document);
        }
        let corpus = analyse(documents);
        counts.topics += 1;
        counts.docs += docs.len();
        counts.threads += corpus.threads.len();
        let before = (
            counts.gold,
            counts.predicted,
            counts.true_pos,
            counts.hard,
            counts.hard_merged,
            counts.missed_unthreaded,
        );
        score_topic(&corpus, docs, counts);
        if std::env::var_os("CROSSREAD_EVAL_VERBOSE").is_some() {
            let (g, p, t) = (
                counts.gold - before.0,
                counts.predicted - before.1,
                counts.true_pos - before.2,
            );
            let (pp, r, f) = prf(t, p, g);
            println!(
                "    topic {topic}: P {pp:.2} R {r:.2} F1 {f:.2}, hard merged {}/{}, missed {} ({} unthreaded)",
                counts.hard_merged - before.4,
                counts.hard - before.3,
                (g - t),
                counts.missed_unthreaded - before.5
            );
            for t in &corpus.threads {
                println!("      {} [{}]", t.label, t.docs.join(" "));
            }
        }
    }
    Ok(())
}

fn score_topic(
    corpus: &Corpus,
    docs: &BTreeMap<String, BTreeMap<usize, Sentence>>,
    counts: &mut Counts,
) {
    let mut items: Vec<(&str, &Sentence, BTreeSet<&str>)> = Vec::new();
    for (doc, sentences) in docs {
        let paragraphs = corpus
            .documents
            .iter()
            .find(|d| d.id == *doc)
            .map_or(&[][..], |d| &d.paragraphs[..]);
        let headline = corpus
            .documents
            .iter()
            .find(|d| d.id == *doc)
            .map(|d| d.headline.as_str());
        for s in sentences.values() {
            // The sentence is a paragraph, or the headline or standfirst
            // (part, 0); the sentence files and the articles differ in
            // quotes and apostrophes, so letters and digits are compared.
            let key = letters(&s.text);
            let at = paragraphs.iter().position(|p| letters(p) == key);
            let dek = corpus
                .documents
                .iter()
                .find(|d| d.id == *doc)
                .and_then(|d| d.dek.as_deref());
            let part = if at.is_some() {
                crossread_corpus::Part::Body
            } else if headline.map(letters) == Some(key.clone()) {
                crossread_corpus::Part::Headline
            } else if dek.map(letters) == Some(key.clone()) {
                crossread_corpus::Part::Standfirst
            } else {
                crossread_corpus::Part::Body
            };
            let at = at.unwrap_or(0);
            let threads: BTreeSet<&str> = corpus
                .claims
                .iter()
                .filter(|c| c.doc == *doc && c.part == part && c.paragraph == at)
                .filter(|_| {
                    part != crossread_corpus::Part::Body
                        || paragraphs.get(at).map(|p| letters(p)) == Some(key.clone())
                })
                .flat_map(|c| c.threads.iter().map(String::as_str))
                .collect();
            items.push((doc.as_str(), s, threads));
        }
    }
    counts.sentences += items.len();
    counts.with_thread += items.iter().filter(|i| !i.2.is_empty()).count();
    for (i, a) in items.iter().enumerate() {
        for b in &items[i + 1..] {
            if a.0 == b.0 {
                continue;
            }
            let gold = !a.1.chains.is_disjoint(&b.1.chains);
            let predicted = !a.2.is_disjoint(&b.2);
            let base = !a.1.heads.is_disjoint(&b.1.heads);
            let hard = a.0.ends_with("plus") != b.0.ends_with("plus");
            counts.gold += usize::from(gold);
            counts.predicted += usize::from(predicted);
            counts.true_pos += usize::from(gold && predicted);
            counts.missed_unthreaded +=
                usize::from(gold && !predicted && (a.2.is_empty() || b.2.is_empty()));
            counts.base_predicted += usize::from(base);
            counts.base_true_pos += usize::from(gold && base);
            counts.hard += usize::from(hard);
            counts.hard_merged += usize::from(hard && predicted);
            counts.base_hard_merged += usize::from(hard && base);
            counts.oracle_predicted += usize::from(!hard);
            counts.oracle_true_pos += usize::from(!hard && gold);
        }
    }
}

/// A sentence's letters and digits, lower-cased.
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The sentences of an ECB+ XML document, detokenised.
fn sentences_of(xml: &str) -> Vec<String> {
    let mut sentences: Vec<Vec<String>> = Vec::new();
    for line in xml.lines() {
        let Some(rest) = line.trim().strip_prefix("<token ") else {
            continue;
        };
        let Some(sent) = attribute(rest, "sentence").and_then(|s| s.parse::<usize>().ok()) else {
            continue;
        };
        let Some(word) = rest
            .split_once('>')
            .and_then(|(_, w)| w.strip_suffix("</token>"))
        else {
            continue;
        };
        while sentences.len() <= sent {
            sentences.push(Vec::new());
        }
        sentences[sent].push(super::unescape_xml(word));
    }
    sentences.iter().map(|words| detokenise(words)).collect()
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[at..].find('"')? + at;
    Some(&tag[at..end])
}

/// Words back to text: no space before closing punctuation and clitics,
/// none after opening brackets, straight double quotes alternate.
fn detokenise(words: &[String]) -> String {
    // A URL line (the articles' first line) was split at every punctuation.
    if words.first().is_some_and(|w| w.starts_with("http")) {
        return words.concat();
    }
    let mut out = String::new();
    let mut open_quote = false;
    let mut glue_next = false;
    for w in words {
        let w = w.as_str();
        let closing = matches!(
            w,
            "." | ","
                | ";"
                | ":"
                | "!"
                | "?"
                | ")"
                | "]"
                | "%"
                | "'s"
                | "n't"
                | "'re"
                | "'ve"
                | "'ll"
                | "'d"
                | "'m"
                | "'"
        ) || (w == "\"" && open_quote);
        // A clock or a slashed date was split too: "10 : 24", "8 / 2 / 13".
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let in_number = matches!(w, ":" | "/") && out.ends_with(|c: char| c.is_ascii_digit());
        let after_number_mark = (out.ends_with(':') || out.ends_with('/'))
            && out
                .trim_end_matches([':', '/'])
                .ends_with(|c: char| c.is_ascii_digit())
            && digits(w.trim_end_matches(|c: char| c.is_alphabetic()));
        // And a decimal or a thousands group: "5 . 6", "120 , 000".
        let after_point = out.ends_with('.')
            && out
                .trim_end_matches('.')
                .ends_with(|c: char| c.is_ascii_digit())
            && digits(w);
        let after_comma = out.ends_with(',')
            && out
                .trim_end_matches(',')
                .ends_with(|c: char| c.is_ascii_digit())
            && digits(w)
            && w.len() == 3;
        let after_number_mark = after_number_mark || after_point || after_comma;
        if !out.is_empty() && !closing && !glue_next && !in_number && !after_number_mark {
            out.push(' ');
        }
        glue_next = matches!(w, "(" | "[" | "$") || (w == "\"" && !open_quote);
        if w == "\"" {
            open_quote = !open_quote;
        }
        out.push_str(w);
    }
    out
}

fn document(id: &str, sentences: &[String]) -> Document {
    Document {
        id: id.to_string(),
        file: format!("{id}.xml"),
        outlet: None,
        via: None,
        headline: String::new(),
        dek: None,
        summary: Vec::new(),
        authors: Vec::new(),
        published: None,
        url: None,
        provenance: BTreeMap::new(),
        paragraphs: sentences.to_vec(),
        boilerplate: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        updated: None,
        language: None,
        word_count: 0,
    }
}
