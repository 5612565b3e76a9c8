//! The analysis on several threads gives the corpus of the analysis on one,
//! byte for byte, for the seeds and the test corpora.
#![cfg(all(feature = "parallel", feature = "fs"))]

use crossread_corpus::source_dir::read_source_dir;
use crossread_corpus::{build_corpus_in_parallel, build_corpus_with, Strictness};
use std::num::NonZeroUsize;
use std::path::Path;

fn postcard_bytes_both_ways(dir: &str) -> (Vec<u8>, Vec<Vec<u8>>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(dir);
    let source = read_source_dir(&dir).expect("a readable corpus directory");
    let catalog = source.catalog.as_deref();
    let one = build_corpus_with(source.files.clone(), catalog, Strictness::Lenient)
        .expect("a corpus on one thread");
    let several = [2, 3, 7].map(|n| {
        let workers = NonZeroUsize::new(n).expect("a positive number");
        let corpus =
            build_corpus_in_parallel(source.files.clone(), catalog, Strictness::Lenient, workers)
                .expect("a corpus on several threads");
        postcard::to_allocvec(&corpus).expect("an encodable corpus")
    });
    let one = postcard::to_allocvec(&one).expect("an encodable corpus");
    (one, several.to_vec())
}

#[test]
fn threads_do_not_change_a_byte_of_any_corpus() {
    for dir in [
        "seeds",
        "tests/corpora/quake",
        "tests/corpora/recall",
        "tests/corpora/award",
    ] {
        let (one, several) = postcard_bytes_both_ways(dir);
        for bytes in several {
            assert!(bytes == one, "{dir}: the corpus differs on several threads");
        }
    }
}
