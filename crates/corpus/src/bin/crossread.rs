//! `crossread`: the command-line face of the corpus crate. All file-system
//! work happens here; the library only sees bytes.

use crossread_corpus::catalog::CATALOG_FILE;
use crossread_corpus::{build_corpus, Corpus, SourceFile};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  crossread export --seeds DIR    print the analysed corpus as JSON (schema crossread/1)
  crossread check  --seeds DIR    validate a corpus and print a short report";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("crossread: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let command = args.first().ok_or_else(|| USAGE.to_string())?;
    match command.as_str() {
        "export" => {
            let corpus = load(&seeds_dir(&args[1..])?)?;
            let json = serde_json::to_string_pretty(&corpus).map_err(|e| e.to_string())?;
            println!("{json}");
            Ok(())
        }
        "check" => {
            let corpus = load(&seeds_dir(&args[1..])?)?;
            print!("{}", report(&corpus));
            Ok(())
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
}

fn seeds_dir(args: &[String]) -> Result<PathBuf, String> {
    match args {
        [flag, dir] if flag == "--seeds" => Ok(PathBuf::from(dir)),
        _ => Err(format!("expected --seeds DIR\n{USAGE}")),
    }
}

/// Reads every article file and the catalog of a seeds directory.
pub fn load(dir: &Path) -> Result<Corpus, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read the directory: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        let is_article = path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"));
        if !is_article || !path.is_file() {
            continue;
        }
        let bytes =
            std::fs::read(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push(SourceFile { name, bytes });
    }
    if files.is_empty() {
        return Err(format!("{}: no .txt article files found", dir.display()));
    }
    let catalog_path = dir.join(CATALOG_FILE);
    let catalog = match std::fs::read(&catalog_path) {
        Ok(bytes) => Some(
            String::from_utf8(bytes)
                .map_err(|_| format!("{}: the catalog is not UTF-8", catalog_path.display()))?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: cannot read: {e}", catalog_path.display())),
    };
    build_corpus(files, catalog.as_deref()).map_err(|e| e.to_string().trim_end().to_string())
}

fn report(corpus: &Corpus) -> String {
    let mut out = format!("{} articles, all valid\n", corpus.documents.len());
    for doc in &corpus.documents {
        let date = doc
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        let outlet = doc.outlet.as_deref().unwrap_or("unknown outlet");
        out.push_str(&format!(
            "  {}  {date}  {outlet}  {} paragraphs, {} words, {} removed\n",
            doc.file,
            doc.paragraphs.len(),
            doc.word_count,
            doc.boilerplate.len()
        ));
        for conflict in &doc.conflicts {
            out.push_str(&format!(
                "    warning: catalog {} {:?} disagrees with the text {:?}\n",
                conflict.field, conflict.catalog, conflict.text
            ));
        }
    }
    out
}
