//! `crossread`: the command-line face of the corpus crate. All file-system
//! work happens here; the library only sees bytes.

use crossread_corpus::ingest::text_lines;
use crossread_corpus::source_dir::read_source_dir;
use crossread_corpus::{analyse, ingest, Corpus, CorpusError, Format, SourceFile, Strictness};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
usage:
  crossread export --seeds DIR [--strict]  print the analysed corpus as JSON (schema crossread/1)
  crossread check  --seeds DIR [--strict]  validate a corpus and print a short report
  crossread sentences [--json] [FILE|-] print one sentence per line (--json: with byte spans)
  crossread analyze [FILE|-]            print the JSON corpus of one article (stdin for - or no FILE)

FILE is plain text (.txt, or any other name), Markdown (.md) or a saved web
page (.html, .htm); standard input is read as a web page when it starts with
<!DOCTYPE html> or <html>, else as text.

A file of the corpus that cannot be read (empty, not UTF-8, binary, too
large, no article text) is skipped with a message naming it, and the rest is
built; --strict refuses the whole corpus instead.";

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
            let corpus = load(&args[1..])?;
            for skipped in &corpus.skipped {
                eprintln!("crossread: skipped {}: {}", skipped.file, skipped.problem);
            }
            let json = serde_json::to_string_pretty(&corpus).map_err(|e| e.to_string())?;
            write_stdout(&format!("{json}\n"))
        }
        "check" => {
            let corpus = load(&args[1..])?;
            write_stdout(&report(&corpus))
        }
        "sentences" => sentences(&args[1..]),
        "analyze" | "analyse" => {
            let (name, bytes) = read_input(&args[1..])?;
            let corpus = analyse_one(&name, &bytes)?;
            let json = serde_json::to_string_pretty(&corpus).map_err(|e| e.to_string())?;
            write_stdout(&format!("{json}\n"))
        }
        "-h" | "--help" | "help" => write_stdout(&format!("{USAGE}\n")),
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
}

/// Reads FILE, or standard input for "-" or no file. Returns a name for
/// messages and the bytes.
fn read_input(args: &[String]) -> Result<(String, Vec<u8>), String> {
    let files: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if let Some(flag) = args.iter().find(|a| a.starts_with("--") && *a != "--json") {
        return Err(format!("unknown option {flag:?}\n{USAGE}"));
    }
    match files.as_slice() {
        [] => read_stdin(),
        [path] if path.as_str() == "-" => read_stdin(),
        [path] => {
            let bytes = std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
            let name = Path::new(path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.to_string());
            Ok((name, bytes))
        }
        _ => Err(format!("expected at most one FILE\n{USAGE}")),
    }
}

fn read_stdin() -> Result<(String, Vec<u8>), String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input: cannot read: {e}"))?;
    let name = if looks_like_a_web_page(&bytes) {
        "stdin.html"
    } else {
        "stdin.txt"
    };
    Ok((name.to_string(), bytes))
}

/// A saved page starts with a doctype or an `<html>` tag (after a BOM,
/// blank space or comments).
fn looks_like_a_web_page(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The name a file is ingested under: its own when its extension is read
/// as an article, else read as plain text.
fn article_name(name: &str) -> String {
    if Format::of(name).is_some() {
        name.to_string()
    } else {
        format!("{name}.txt")
    }
}

/// Ingests and analyses one article as a corpus of one.
fn analyse_one(name: &str, bytes: &[u8]) -> Result<Corpus, String> {
    let document = ingest(&article_name(name), bytes, None).map_err(|e| e.to_string())?;
    Ok(analyse(vec![document]))
}

#[derive(serde::Serialize)]
struct SentenceOut<'a> {
    paragraph: usize,
    sentence: usize,
    /// Byte offsets into the paragraph.
    start: usize,
    end: usize,
    text: &'a str,
}

/// `crossread sentences`: the input's text split into sentences. The text
/// is checked like an article (UTF-8, not binary; markup in a text set
/// aside),
/// normalised into paragraphs (one per line), but not stripped of page
/// chrome; a saved page gives its visible text minus what its markup marks
/// as chrome (navigation, share bars, comments).
fn sentences(args: &[String]) -> Result<(), String> {
    let json = args.iter().any(|a| a == "--json");
    let (name, bytes) = read_input(args)?;
    let paragraphs = text_lines(&article_name(&name), &bytes).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        for (s, span) in crossread_corpus::sentences::split(paragraph)
            .iter()
            .enumerate()
        {
            let text = paragraph.get(span.start..span.end).unwrap_or_default();
            out.push(SentenceOut {
                paragraph: p,
                sentence: s,
                start: span.start,
                end: span.end,
                text,
            });
        }
    }
    let mut text = String::new();
    if json {
        text = serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?;
        text.push('\n');
    } else {
        for s in &out {
            text.push_str(s.text);
            text.push('\n');
        }
    }
    write_stdout(&text)
}

/// Writes to standard output; a closed pipe (`| head`) is not an error.
fn write_stdout(text: &str) -> Result<(), String> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("standard output: {e}"))
        }
        _ => Ok(()),
    }
}

/// The seeds directory and `--strict` of `export` and `check`.
fn corpus_args(args: &[String]) -> Result<(PathBuf, Strictness), String> {
    let strict = args.iter().any(|a| a == "--strict");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--strict").collect();
    let strictness = if strict {
        Strictness::Strict
    } else {
        Strictness::Lenient
    };
    match rest.as_slice() {
        [flag, dir] if *flag == "--seeds" => Ok((PathBuf::from(dir), strictness)),
        _ => Err(format!("expected --seeds DIR [--strict]\n{USAGE}")),
    }
}

/// Reads and ingests a seeds directory.
fn load(args: &[String]) -> Result<Corpus, String> {
    let (dir, strictness) = corpus_args(args)?;
    let source = read_source_dir(&dir)?;
    build(source.files, source.catalog.as_deref(), strictness)
        .map_err(|e| e.to_string().trim_end().to_string())
}

/// The corpus build, on every core when built with the `parallel` feature.
#[cfg(feature = "parallel")]
fn build(
    files: Vec<SourceFile>,
    catalog: Option<&str>,
    strictness: Strictness,
) -> Result<Corpus, CorpusError> {
    let workers = std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN);
    crossread_corpus::build_corpus_in_parallel(files, catalog, strictness, workers)
}

#[cfg(not(feature = "parallel"))]
fn build(
    files: Vec<SourceFile>,
    catalog: Option<&str>,
    strictness: Strictness,
) -> Result<Corpus, CorpusError> {
    crossread_corpus::build_corpus_with(files, catalog, strictness)
}

fn report(corpus: &Corpus) -> String {
    let mut out = skipped_report(corpus);
    // Claims and quotes counted per article once: a scan of them for each
    // article grows with the square of the corpus.
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for claim in &corpus.claims {
        counts.entry(claim.doc.as_str()).or_default().0 += 1;
    }
    for quote in &corpus.quotes {
        counts.entry(quote.doc.as_str()).or_default().1 += 1;
    }
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
        let (claims, quotes) = counts.get(doc.id.as_str()).copied().unwrap_or_default();
        out.push_str(&format!("    {claims} claims, {quotes} quotes\n"));
        for conflict in &doc.conflicts {
            out.push_str(&format!(
                "    warning: catalog {} {:?} disagrees with the text {:?}\n",
                conflict.field, conflict.catalog, conflict.text
            ));
        }
    }
    out.push_str(&missing_facts_report(corpus));
    out.push_str(&analysis_report(corpus));
    out
}

/// How many articles were read, and what was skipped with its problem.
fn skipped_report(corpus: &Corpus) -> String {
    let read = corpus.documents.len();
    if corpus.skipped.is_empty() {
        return format!("{read} articles, all valid\n");
    }
    let mut out = format!(
        "{read} articles read; {} skipped (--strict refuses the corpus instead):\n",
        corpus.skipped.len()
    );
    for skipped in &corpus.skipped {
        out.push_str(&format!(
            "  skipped {}: {}\n",
            skipped.file, skipped.problem
        ));
    }
    out
}

/// Articles that lack an outlet or a date, and what that costs.
fn missing_facts_report(corpus: &Corpus) -> String {
    let lacking: Vec<_> = corpus
        .documents
        .iter()
        .filter(|d| !d.missing_facts().is_empty())
        .collect();
    if lacking.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "{} of {} articles lack facts (add them to catalog.toml):\n",
        lacking.len(),
        corpus.documents.len()
    );
    for doc in lacking {
        for cost in doc.missing_facts() {
            out.push_str(&format!("  {}: {cost}\n", doc.file));
        }
    }
    out
}

fn counts<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut map: BTreeMap<&str, usize> = BTreeMap::new();
    for item in items {
        *map.entry(item).or_default() += 1;
    }
    map.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn analysis_report(corpus: &Corpus) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{} entities ({})\n",
        corpus.entities.len(),
        counts(corpus.entities.iter().map(|e| e.kind.as_str()))
    ));
    let attributed = corpus.quotes.iter().filter(|q| q.speaker.is_some()).count();
    out.push_str(&format!(
        "{} quotes ({attributed} with a speaker, {} with a speaker entity)\n",
        corpus.quotes.len(),
        corpus
            .quotes
            .iter()
            .filter(|q| q.speaker_entity.is_some())
            .count()
    ));
    out.push_str(&format!(
        "{} claims (stance: {}; attribution: {})\n",
        corpus.claims.len(),
        counts(corpus.claims.iter().map(|c| c.stance.as_str())),
        counts(corpus.claims.iter().map(|c| c.attribution_kind.as_str()))
    ));
    let threaded = corpus.claims.iter().filter(|c| c.thread.is_some()).count();
    let cross = corpus.threads.iter().filter(|t| t.docs.len() > 1).count();
    out.push_str(&format!(
        "{} threads ({cross} across articles; {threaded} claims in a thread)\n",
        corpus.threads.len()
    ));
    for t in &corpus.threads {
        out.push_str(&format!(
            "  {}  {} claims from {} articles\n",
            t.label,
            t.claims.len(),
            t.docs.len()
        ));
    }
    out
}
