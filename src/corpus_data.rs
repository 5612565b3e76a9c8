//! The corpus embedded by `build.rs`, decoded once on first use.

use crossread_corpus::Corpus;
use std::sync::OnceLock;

static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.postcard"));

/// The analysed corpus. Decoding cannot fail for bytes this build wrote; if
/// it ever does, the app says so instead of showing an empty page.
pub fn corpus() -> Result<&'static Corpus, &'static str> {
    static CORPUS: OnceLock<Result<Corpus, String>> = OnceLock::new();
    CORPUS
        .get_or_init(|| {
            postcard::from_bytes(EMBEDDED)
                .map_err(|e| format!("The embedded corpus cannot be read ({e})."))
        })
        .as_ref()
        .map_err(String::as_str)
}

/// The explorer's search and facet index over the embedded corpus, built
/// on first use.
pub fn explore_index() -> Option<&'static crate::explore::ExploreIndex> {
    static INDEX: OnceLock<Option<crate::explore::ExploreIndex>> = OnceLock::new();
    INDEX
        .get_or_init(|| corpus().ok().map(crate::explore::ExploreIndex::build))
        .as_ref()
}
