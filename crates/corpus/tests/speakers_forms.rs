//! Speakers of direct quotations through the public analysis path, on
//! invented sentences: one test per rule of `quotes::speaker`.

use crossread_corpus::{analyse, Document};
use std::collections::BTreeMap;

fn document(paragraphs: &[&str]) -> Document {
    Document {
        id: "d".into(),
        file: "d.txt".into(),
        outlet: None,
        via: None,
        headline: String::new(),
        dek: None,
        summary: Vec::new(),
        authors: Vec::new(),
        published: None,
        url: None,
        provenance: BTreeMap::new(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        boilerplate: Vec::new(),
        conflicts: Vec::new(),
        notes: Vec::new(),
        word_count: 0,
    }
}

/// (quoted words, speaker) of every quote of the paragraphs.
fn speakers(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
    analyse(vec![document(paragraphs)])
        .quotes
        .into_iter()
        .map(|q| (q.text, q.speaker))
        .collect()
}

/// The speaker of the quote whose words start with `start`.
fn speaker_of(paragraphs: &[&str], start: &str) -> Option<String> {
    let all = speakers(paragraphs);
    all.iter()
        .find(|(text, _)| text.starts_with(start))
        .unwrap_or_else(|| panic!("no quote {start:?} in {all:?}"))
        .1
        .clone()
}

#[test]
fn debug_print() {
    for p in [
        "\"We cut taxes for the rich and nothing changed,\" Obama said. \"Or, instead, they blame the poor for it.\"",
        "The ferry may stay closed while the governor talks to the unions, Marla Quist said. \"The other problem is the cost of the repairs.\"",
    ] {
        println!("{:?}", speakers(&[p]));
    }
}
