//! The default corpus, embedded for the integration tests.

use crossread_corpus::SourceFile;

pub const SEEDS: [(&str, &[u8]); 5] = [
    (
        "000_49cd1af24962e648.txt",
        include_bytes!("../../../../seeds/000_49cd1af24962e648.txt"),
    ),
    (
        "001_4f741bc833aec211.txt",
        include_bytes!("../../../../seeds/001_4f741bc833aec211.txt"),
    ),
    (
        "002_c7b22896c97e37f5.txt",
        include_bytes!("../../../../seeds/002_c7b22896c97e37f5.txt"),
    ),
    (
        "003_4515de411049973c.txt",
        include_bytes!("../../../../seeds/003_4515de411049973c.txt"),
    ),
    (
        "004_f2c2528c8148c4b4.txt",
        include_bytes!("../../../../seeds/004_f2c2528c8148c4b4.txt"),
    ),
];

pub const CATALOG: &str = include_str!("../../../../seeds/catalog.toml");

pub fn seed_files() -> Vec<SourceFile> {
    SEEDS
        .iter()
        .map(|(name, bytes)| SourceFile {
            name: name.to_string(),
            bytes: bytes.to_vec(),
        })
        .collect()
}
