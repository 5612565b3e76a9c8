//! Scale benchmark: ingestion and analysis of synthetic corpora of 5, 500,
//! 2,000 and 5,000 articles, made by replicating the seed articles with
//! varied people, outlets and publication dates. Prints the total time of
//! a build on every core, the analysis alone on one thread and on every
//! core (checking both give the same corpus), and the cost per article for
//! each size, so growth can be read off.
//!
//! Run: `cargo run --release -p crossread-corpus --features parallel
//! --example scale` (optional arguments: the sizes, e.g. `-- 5 50 500`).

use crossread_corpus::{
    analyse, analyse_in_parallel, build_corpus_in_parallel, ingest, SourceFile, Strictness,
};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Instant;

/// Surnames swapped in so that copies do not all merge into one person.
const SURNAMES: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Mensah",
    "Ivanova",
    "Silva",
    "Novak",
    "Rahimi",
    "Castillo",
    "Nguyen",
    "Petrov",
    "Dubois",
    "Adeyemi",
    "Horvat",
    "Sato",
];
const OUTLETS: &[&str] = &[
    "Daily Ledger",
    "Evening Courier",
    "Morning Star",
    "Harbour Times",
    "Valley Gazette",
    "Northern Post",
    "City Tribune",
    "Coastal Herald",
];

fn seeds() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the seeds directory") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            out.push((name, std::fs::read_to_string(&path).expect("a UTF-8 seed")));
        }
    }
    out.sort();
    out
}

/// `n` articles: copy `k` of seed `s` with its people renamed, its own
/// outlet and a publication date spread over four years.
fn synthetic(n: usize, seeds: &[(String, String)]) -> (Vec<SourceFile>, String) {
    let people = [
        "Kahl",
        "Sherman",
        "Burns",
        "Shoigu",
        "Lammy",
        "Budanov",
        "Pezeshkian",
    ];
    let mut files = Vec::with_capacity(n);
    let mut catalog = String::new();
    for k in 0..n {
        let (name, text) = &seeds[k % seeds.len()];
        let mut text = text.clone();
        if k >= seeds.len() {
            for (i, person) in people.iter().enumerate() {
                let replacement = SURNAMES[(k + i * 5) % SURNAMES.len()];
                text = text.replace(person, replacement);
            }
        }
        let file = format!("{k:05}_{name}");
        let day = 1 + (k * 7) % 28;
        let month = 1 + (k / 3) % 12;
        let year = 2021 + (k / 36) % 4;
        catalog.push_str(&format!(
            "[[article]]\nfile = \"{file}\"\noutlet = \"{}\"\npublished = \"{year}-{month:02}-{day:02}\"\n\n",
            OUTLETS[k % OUTLETS.len()]
        ));
        files.push(SourceFile {
            name: file,
            bytes: text.into_bytes(),
        });
    }
    (files, catalog)
}

fn main() {
    let sizes: Vec<usize> = {
        let args: Vec<usize> = std::env::args()
            .skip(1)
            .filter_map(|a| a.parse().ok())
            .collect();
        if args.is_empty() {
            vec![5, 500, 2000, 5000]
        } else {
            args
        }
    };
    let seeds = seeds();
    let workers = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    println!(
        "{:>6}  {:>10}  {:>12}  {:>12}  {:>12}  {:>9}  {:>7}  {:>8}",
        "docs",
        "total ms",
        "analyse 1 ms",
        format!("analyse {workers} ms"),
        "µs/article",
        "entities",
        "claims",
        "threads"
    );
    for n in sizes {
        let (files, catalog) = synthetic(n, &seeds);
        // Ingestion + analysis, as `crossread export` does it.
        let started = Instant::now();
        let corpus =
            build_corpus_in_parallel(files.clone(), Some(&catalog), Strictness::Strict, workers)
                .expect("a valid synthetic corpus");
        let total = started.elapsed();
        // Analysis alone, on the same documents, on one thread and on all.
        let documents: Vec<_> = files
            .iter()
            .filter_map(|f| ingest(&f.name, &f.bytes, None).ok())
            .collect();
        let started = Instant::now();
        let analysed = analyse(documents.clone());
        let sequential = started.elapsed();
        let started = Instant::now();
        let in_parallel = analyse_in_parallel(documents, workers);
        let parallel = started.elapsed();
        assert_eq!(analysed.claims.len(), corpus.claims.len());
        assert!(analysed == in_parallel, "threads changed the corpus");
        println!(
            "{:>6}  {:>10.1}  {:>12.1}  {:>12.1}  {:>12.1}  {:>9}  {:>7}  {:>8}",
            n,
            total.as_secs_f64() * 1e3,
            sequential.as_secs_f64() * 1e3,
            parallel.as_secs_f64() * 1e3,
            total.as_secs_f64() * 1e6 / n as f64,
            corpus.entities.len(),
            corpus.claims.len(),
            corpus.threads.len()
        );
    }
}
