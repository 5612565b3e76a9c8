//! The corpus embedded by `build.rs`, decoded once on first use.

use crossread_corpus::Corpus;
use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

/// The analysed corpus. Decoding cannot fail for bytes this build wrote; if
/// it ever does, the app shows an empty corpus and the console says why.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        postcard::from_bytes(EMBEDDED).unwrap_or_else(|error| {
            gloo::console::error!(format!("the embedded corpus cannot be decoded: {error}"));
            Corpus { schema: crossread_corpus::SCHEMA.to_string(), documents: Vec::new() }
        })
    })
}

/// Size of the embedded data in bytes, for the page footer and budgets.
pub fn embedded_bytes() -> usize {
    EMBEDDED.len()
}
