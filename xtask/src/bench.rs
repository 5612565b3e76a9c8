//! `cargo xtask bench`: sizes and timings, printed as figures.

use crossread_corpus::source_dir::read_source_dir;
use crossread_corpus::{build_corpus, Corpus};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write;
use std::path::PathBuf;

/// The seeds directory the build uses (`$CROSSREAD_SEEDS` or `seeds/`).
pub fn seeds_dir() -> PathBuf {
    std::env::var_os("CROSSREAD_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::root().join("seeds"))
}

/// The corpus analysed from the seeds, as the build script sees it.
pub fn seeds_corpus() -> Result<Corpus, String> {
    let source = read_source_dir(&seeds_dir())?;
    build_corpus(source.files, source.catalog.as_deref()).map_err(|e| e.to_string())
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

pub fn run() -> Result<(), String> {
    let dist = crate::dist()?;
    println!("\n== Transfer size of dist/ (seeds) ==");
    let mut total = (0, 0);
    let mut entries: Vec<_> = std::fs::read_dir(&dist)
        .map_err(|e| e.to_string())?
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes);
        total = (total.0 + bytes.len(), total.1 + gz);
        println!(
            "{:>10} B raw {:>10} B gzip  {}",
            bytes.len(),
            gz,
            entry.file_name().to_string_lossy()
        );
    }
    println!("{:>10} B raw {:>10} B gzip  total", total.0, total.1);
    Ok(())
}
