//! Analyses the seeds directory at build time and embeds the result.
//!
//! Reads `seeds/` (or `$CROSSREAD_SEEDS`), runs the whole corpus pipeline and
//! writes the corpus as postcard bytes to `$OUT_DIR/corpus.postcard`, which
//! `src/corpus_data.rs` includes. A file that cannot be read is skipped with
//! a `cargo:warning` naming it and its problem (and recorded in the corpus);
//! with `CROSSREAD_STRICT=1` (`cargo xtask dist --strict`, and
//! `cargo xtask test`) any bad input stops the build instead.
//!
//! A corpus of more than [`CHUNK_ABOVE_ARTICLES`] article files (or any
//! corpus with `CROSSREAD_CHUNKED=1`; never with `CROSSREAD_CHUNKED=0`) is
//! *chunked*: the wasm embeds nothing (cfg `crossread_chunked`), so its
//! build does not analyse the corpus, and fetches the data files that the
//! prerender step writes (`docs/scale.md`); native builds (the
//! prerenderer, tests) analyse it and read the whole corpus from
//! `$OUT_DIR` when they run.

use crossread_corpus::parts::CHUNK_ABOVE_ARTICLES;
use crossread_corpus::source_dir::{read_source_dir, SourceDir};
use crossread_corpus::{build_corpus_in_parallel, Corpus, Strictness};
use std::io::Write;
use std::num::NonZeroUsize;
use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=CROSSREAD_SEEDS");
    println!("cargo:rerun-if-env-changed=CROSSREAD_STRICT");
    println!("cargo:rerun-if-env-changed=CROSSREAD_CHUNKED");
    println!("cargo::rustc-check-cfg=cfg(crossread_chunked)");
    let manifest_dir = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let seeds = std::env::var_os("CROSSREAD_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir.join("seeds"));
    // A directory path makes cargo rerun when any file inside it changes,
    // including files added or removed.
    println!("cargo:rerun-if-changed={}", seeds.display());
    let source = read_source_dir(&seeds).unwrap_or_else(|message| fail(&message));
    for path in &source.paths {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let chunked = chunked(source.files.len());
    if chunked {
        println!("cargo:rustc-cfg=crossread_chunked");
    }
    let wasm = std::env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("corpus.postcard");
    let file =
        std::fs::File::create(&out).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
    // A chunked site's wasm embeds nothing, so its build skips the
    // analysis: the prerenderer's native build analyses the corpus once
    // and writes the data files from it.
    if !(chunked && wasm) {
        // Written as it is encoded: a big corpus's bytes are never all in
        // memory beside the corpus.
        let corpus = analyse(source);
        let written = postcard::to_io(&corpus, std::io::BufWriter::new(file))
            .map_err(|e| e.to_string())
            .and_then(|mut writer| writer.flush().map_err(|e| e.to_string()));
        if let Err(e) = written {
            fail(&format!(
                "cannot write the corpus to {}: {e}",
                out.display()
            ));
        }
    }
}

/// The whole corpus pipeline on every core the machine offers (the output
/// does not depend on it), each skipped file printed.
fn analyse(source: SourceDir) -> Corpus {
    let workers = std::thread::available_parallelism().unwrap_or(NonZeroUsize::MIN);
    let corpus = build_corpus_in_parallel(
        source.files,
        source.catalog.as_deref(),
        strictness(),
        workers,
    )
    .unwrap_or_else(|e| fail(&e.to_string()));
    for skipped in &corpus.skipped {
        println!(
            "cargo:warning=skipped {}: {}",
            skipped.file,
            skipped.problem.replace('\n', " ")
        );
    }
    corpus
}

/// `CROSSREAD_STRICT=1` (or any value but `0` and empty) refuses the whole
/// corpus for one bad file.
fn strictness() -> Strictness {
    match std::env::var("CROSSREAD_STRICT") {
        Ok(value) if !value.is_empty() && value != "0" => Strictness::Strict,
        _ => Strictness::Lenient,
    }
}

/// Whether the site fetches its data (see the module documentation),
/// from the number of article files: known before any analysis, so the
/// wasm and native builds agree.
fn chunked(files: usize) -> bool {
    match std::env::var("CROSSREAD_CHUNKED").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => files > CHUNK_ABOVE_ARTICLES,
    }
}

fn fail(message: &str) -> ! {
    eprintln!("crossread: cannot build the embedded corpus from the seeds directory:\n{message}");
    std::process::exit(1);
}
