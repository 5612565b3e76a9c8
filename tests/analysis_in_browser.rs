//! The analysis compiled to wasm gives exactly the build-time corpus: the
//! seeds analysed here, in headless Chromium, serialise to the same JSON as
//! the corpus `build.rs` embedded (issue 9: a reader's files analysed in
//! the page match the build). Run with
//! `cargo test -p crossread --target wasm32-unknown-unknown --test analysis_in_browser`.
#![cfg(target_arch = "wasm32")]

use crossread_corpus::{build_corpus, Batch, Provenance, SourceFile};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEEDS: [(&str, &[u8]); 5] = [
    (
        "000_49cd1af24962e648.txt",
        include_bytes!("../seeds/000_49cd1af24962e648.txt"),
    ),
    (
        "001_4f741bc833aec211.txt",
        include_bytes!("../seeds/001_4f741bc833aec211.txt"),
    ),
    (
        "002_c7b22896c97e37f5.txt",
        include_bytes!("../seeds/002_c7b22896c97e37f5.txt"),
    ),
    (
        "003_4515de411049973c.txt",
        include_bytes!("../seeds/003_4515de411049973c.txt"),
    ),
    (
        "004_f2c2528c8148c4b4.txt",
        include_bytes!("../seeds/004_f2c2528c8148c4b4.txt"),
    ),
];
const CATALOG: &str = include_str!("../seeds/catalog.toml");

fn embedded_json() -> String {
    let corpus = crossread::corpus_data::corpus().expect("the embedded corpus decodes");
    serde_json::to_string(corpus).expect("the corpus serialises")
}

#[wasm_bindgen_test]
fn seeds_analysed_in_wasm_equal_the_embedded_build_time_corpus() {
    let files = SEEDS
        .iter()
        .map(|(name, bytes)| SourceFile {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        })
        .collect();
    let corpus = build_corpus(files, Some(CATALOG)).expect("the seeds are valid");
    assert_eq!(serde_json::to_string(&corpus).unwrap(), embedded_json());
}

#[wasm_bindgen_test]
fn the_worker_batch_in_wasm_equals_the_embedded_corpus_too() {
    let (mut batch, problem) = Batch::new(Some(CATALOG), Provenance::Catalog, Vec::new());
    assert!(problem.is_none());
    // Out of order, as a reader might pick them.
    for (name, bytes) in SEEDS.iter().rev() {
        batch.add(name, bytes).expect("a seed is a valid article");
    }
    assert_eq!(
        serde_json::to_string(&batch.finish()).unwrap(),
        embedded_json()
    );
}
