//! `crossread`: the command-line face of the corpus crate. All file-system
//! work happens here; the library only sees bytes.

use crossread_corpus::source_dir::read_source_dir;
use crossread_corpus::{build_corpus, Corpus};
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

/// Reads and ingests a seeds directory.
fn load(dir: &Path) -> Result<Corpus, String> {
    let source = read_source_dir(dir)?;
    build_corpus(source.files, source.catalog.as_deref()).map_err(|e| e.to_string().trim_end().to_string())
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
