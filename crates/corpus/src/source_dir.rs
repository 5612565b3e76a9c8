//! Reading a seeds directory from disk: the only file-system code of the
//! crate, behind the `fs` feature so the wasm build never carries it. Used by
//! the `crossread` CLI and by the app's build script.

use crate::catalog::CATALOG_FILE;
use crate::ingest::SourceFile;
use std::path::{Path, PathBuf};

/// The article files and catalog text of one directory.
pub struct SourceDir {
    pub files: Vec<SourceFile>,
    pub catalog: Option<String>,
    /// Every path read, for build scripts that rerun when one changes.
    pub paths: Vec<PathBuf>,
}

pub use crate::ingest::ARTICLE_EXTENSIONS;

/// Reads every article file (sorted by name) and the catalog of `dir`.
pub fn read_source_dir(dir: &Path) -> Result<SourceDir, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read the directory: {e}", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let is_article = path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| {
                ARTICLE_EXTENSIONS
                    .iter()
                    .any(|known| ext.eq_ignore_ascii_case(known))
            });
        if is_article && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(format!(
            "{}: no article files (.txt, .md, .html, .htm) found",
            dir.display()
        ));
    }
    let mut files = Vec::with_capacity(paths.len());
    for path in &paths {
        let bytes =
            std::fs::read(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push(SourceFile { name, bytes });
    }
    let catalog_path = dir.join(CATALOG_FILE);
    let catalog = match std::fs::read(&catalog_path) {
        Ok(bytes) => {
            paths.push(catalog_path.clone());
            Some(
                String::from_utf8(bytes)
                    .map_err(|_| format!("{}: the catalog is not UTF-8", catalog_path.display()))?,
            )
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: cannot read: {e}", catalog_path.display())),
    };
    Ok(SourceDir {
        files,
        catalog,
        paths,
    })
}
