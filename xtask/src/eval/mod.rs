//! `cargo xtask eval`: the analysis measured on public benchmarks of real
//! news, fetched by the developer (never committed) and passed by path.
//! Each figure is printed next to the published figures of the best peers
//! on the same data. Not part of `cargo xtask test`: CI has no network.
//!
//! A path may be a plain folder or a bare git directory (as a fetched
//! snapshot arrives); from a git directory the files needed are extracted
//! into `target/eval-data/` and the data's commit is printed.

mod captures;
mod entities;
mod extraction;
mod pages;
mod sentences;
mod speakers;
mod threads;
mod times;
mod trafilatura;

use std::path::{Path, PathBuf};
use std::process::Command;

const HELP: &str = "\
cargo xtask eval [--split develop|held-out|all] SET=PATH ...

  ecb-gold=PATH   shanybar/event_entity_coref_ecb_plus (cybulska setup: sentences, gold event clusters)
  ecb-text=PATH   anastasia-zhukova/uCDCR (ECBplus-prep/ECB+/<topic>/<doc>.xml: full article texts)
                  both together: event threads on ECB+ (develop: topics 1-35, held out: 36-45)
                  CROSSREAD_EVAL_VERBOSE=1 prints each topic's threads, CROSSREAD_EVAL_TOPIC=N one topic
  pysbd=PATH      nipunsadvilkar/pySBD (tests/lang/test_english.py): the 48 English golden rules for sentences
  tempeval=PATH   qiangning/StructTempRel-EMNLP17 (TempEval-3 TimeML): DATE values
                  (develop: TBAQ-cleaned TimeBank and AQUAINT, held out: te3-platinum)
  conll=PATH      ShuhengL/acl2023_conllpp (dataset/: CoNLL-2003 and CoNLL++): named entities,
                  PER/LOC/ORG exact-span F1 (develop: eng.train, eng.testa; held out: eng.testb,
                  conllpp.txt); CROSSREAD_EVAL_VERBOSE=1 lists develop misses and false positives
  readability=PATH  mozilla/readability (test/test-pages: saved pages with expected article text)
                  body word-shingle F1, refusals, headline/byline/date agreement (all develop);
                  the same pages as text captures (.txt) against a keep-everything baseline
                  (held out: every 5th site by name)
                  CROSSREAD_EVAL_VERBOSE=1 prints each page
  trafilatura=PATH  adbar/trafilatura (tests/evaldata.json, tests/cache, tests/eval): saved pages with
                  snippets the text must and must not contain, scored as trafilatura's
                  tests/evaluate.py (precision, recall, accuracy, F over snippets)
                  (held out: pages whose file name's FNV-1a hash is 4 mod 5)
                  CROSSREAD_EVAL_VERBOSE=1 prints each develop page
  extraction=PATH  scrapinghub/article-extraction-benchmark (html/*.html.gz, ground-truth.json):
                  181 real article pages, body word-shingle F1 scored as its evaluate.py, as saved
                  pages and as text captures (held out: all; only totals are printed)
  polnear=PATH    networkdynamics/PolNeAR (brat attributions): direct-quote P/R/F1 and speaker accuracy
                  (develop: train and dev, held out: test); CROSSREAD_EVAL_VERBOSE=1 lists misses

  --split develop   only the parts to develop on (default)
  --split held-out  only the held-out parts: report, never tune
  --split all       both";

/// Which parts of a benchmark to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    Develop,
    HeldOut,
    All,
}

impl Split {
    pub fn develop(self) -> bool {
        matches!(self, Split::Develop | Split::All)
    }
    pub fn held_out(self) -> bool {
        matches!(self, Split::HeldOut | Split::All)
    }
    /// The parts this split measures, develop first.
    pub fn parts<T>(self, develop: T, held_out: T) -> Vec<T> {
        let mut parts = Vec::new();
        if self.develop() {
            parts.push(develop);
        }
        if self.held_out() {
            parts.push(held_out);
        }
        parts
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut split = Split::Develop;
    let mut ecb_gold: Option<PathBuf> = None;
    let mut ecb_text: Option<PathBuf> = None;
    let mut pysbd: Option<PathBuf> = None;
    let mut tempeval: Option<PathBuf> = None;
    let mut readability: Option<PathBuf> = None;
    let mut conll: Option<PathBuf> = None;
    let mut polnear: Option<PathBuf> = None;
    let mut trafilatura: Option<PathBuf> = None;
    let mut extraction: Option<PathBuf> = None;
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        match arg {
            "--split" => {
                i += 1;
                split = match args.get(i).map(String::as_str) {
                    Some("develop") => Split::Develop,
                    Some("held-out") => Split::HeldOut,
                    Some("all") => Split::All,
                    other => {
                        return Err(format!(
                            "--split takes develop, held-out or all, not {other:?}"
                        ))
                    }
                };
            }
            "-h" | "--help" => {
                println!("{HELP}");
                return Ok(());
            }
            _ => match arg.split_once('=') {
                Some(("ecb-gold", p)) => ecb_gold = Some(PathBuf::from(p)),
                Some(("ecb-text", p)) => ecb_text = Some(PathBuf::from(p)),
                Some(("pysbd", p)) => pysbd = Some(PathBuf::from(p)),
                Some(("tempeval", p)) => tempeval = Some(PathBuf::from(p)),
                Some(("readability", p)) => readability = Some(PathBuf::from(p)),
                Some(("conll", p)) => conll = Some(PathBuf::from(p)),
                Some(("polnear", p)) => polnear = Some(PathBuf::from(p)),
                Some(("trafilatura", p)) => trafilatura = Some(PathBuf::from(p)),
                Some(("extraction", p)) => extraction = Some(PathBuf::from(p)),
                _ => return Err(format!("unknown argument {arg:?}\n\n{HELP}")),
            },
        }
        i += 1;
    }
    let mut measured = false;
    if let (Some(gold), Some(text)) = (&ecb_gold, &ecb_text) {
        threads::run(gold, text, split)?;
        measured = true;
    }
    if let Some(path) = &pysbd {
        sentences::run(path)?;
        measured = true;
    }
    if let Some(path) = &tempeval {
        times::run(path, split)?;
        measured = true;
    }
    if let Some(pages) = &readability {
        pages::run(pages, split)?;
        measured = true;
    }
    if let Some(path) = &trafilatura {
        trafilatura::run(path, split)?;
        measured = true;
    }
    if let Some(path) = &extraction {
        extraction::run(path, split)?;
        measured = true;
    }
    if let Some(path) = &conll {
        entities::run(path, split)?;
        measured = true;
    }
    if let Some(path) = &polnear {
        speakers::run(path, split)?;
        measured = true;
    }
    if !measured {
        return Err(format!("no data given\n\n{HELP}"));
    }
    Ok(())
}

/// XML's five predefined entities back to their characters (`&amp;`
/// last, so `&amp;lt;` stays `&lt;`).
pub fn unescape_xml(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// A benchmark's files: a folder, or a bare git directory read at HEAD.
pub struct Data {
    root: PathBuf,
    git: bool,
    name: String,
}

impl Data {
    pub fn open(path: &Path, name: &str) -> Result<Data, String> {
        let git = path.join("objects").is_dir() && path.join("HEAD").is_file();
        if !git && !path.is_dir() {
            return Err(format!(
                "{}: not a folder or a git directory",
                path.display()
            ));
        }
        Ok(Data {
            root: path.to_path_buf(),
            git,
            name: name.to_string(),
        })
    }

    /// The data's commit, or "working copy" for a plain folder.
    pub fn commit(&self) -> String {
        if !self.git {
            return "working copy".into();
        }
        git(&self.root, &["rev-parse", "HEAD"]).map_or_else(|e| e, |s| s.trim().to_string())
    }

    /// A folder holding `sub` as files: the folder itself, or `sub`
    /// extracted from the git directory once.
    pub fn folder(&self, sub: &str) -> Result<PathBuf, String> {
        if !self.git {
            return Ok(self.root.join(sub));
        }
        let commit = self.commit();
        let out = crate::root().join("target/eval-data").join(format!(
            "{}-{}",
            self.name,
            &commit[..commit.len().min(12)]
        ));
        if !out.join(sub).exists() {
            std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
            let archive = Command::new("git")
                .arg("--git-dir")
                .arg(&self.root)
                .args(["archive", "--format=tar", "HEAD", sub])
                .output()
                .map_err(|e| format!("git archive: {e}"))?;
            if !archive.status.success() {
                return Err(format!(
                    "{}: git archive {sub}: {}",
                    self.root.display(),
                    String::from_utf8_lossy(&archive.stderr)
                ));
            }
            let tar = out.join("data.tar");
            std::fs::write(&tar, &archive.stdout).map_err(|e| format!("{}: {e}", tar.display()))?;
            let status = Command::new("tar")
                .arg("-xf")
                .arg(&tar)
                .arg("-C")
                .arg(&out)
                .status()
                .map_err(|e| format!("tar: {e}"))?;
            let _ = std::fs::remove_file(&tar);
            if !status.success() {
                return Err(format!("tar could not extract {sub}"));
            }
        }
        Ok(out.join(sub))
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("--git-dir")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("git: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Precision, recall and F1 from counts.
pub fn prf(true_pos: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = if predicted == 0 {
        0.0
    } else {
        true_pos as f64 / predicted as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        true_pos as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}
