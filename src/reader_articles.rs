//! A reader's own articles: the files they added in the page and the facts
//! they set for them. Plain Rust (tested natively); the analyser worker
//! ([`crate::analyser_worker`]) keeps them in IndexedDB
//! ([`crate::browser_store`]) and analyses them.

use crossread_corpus::ingest::{Format, MAX_FILE_BYTES};
use crossread_corpus::{Catalog, CatalogEntry, IngestError, PartialDate, Problem};
use std::rc::Rc;

/// One file a reader added, as kept in this browser.
#[derive(Clone, Debug, PartialEq)]
pub struct AddedFile {
    /// The file name; the article's id is this name without its extension.
    pub name: String,
    pub bytes: Rc<[u8]>,
    pub facts: ReaderFacts,
    /// Where it sorts among the reader's files: increasing with the time
    /// it was added (the worker sets it; the analysis never reads it).
    pub order: f64,
}

/// Publication facts a reader set for a file, as typed ("" = not set).
/// They are the catalog's fields, with provenance `reader`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReaderFacts {
    pub outlet: String,
    /// An ISO 8601 date: `2024`, `2024-09` or `2024-09-17`.
    pub published: String,
    /// Several authors separated by `;` or ` and `.
    pub authors: String,
}

impl ReaderFacts {
    pub fn is_empty(&self) -> bool {
        self.outlet.trim().is_empty()
            && self.published.trim().is_empty()
            && self.authors.trim().is_empty()
    }

    /// The catalog entry these facts make for `file`, or what is wrong
    /// with them (only the date can be wrong).
    pub fn catalog_entry(&self, file: &str) -> Result<CatalogEntry, String> {
        let published = match self.published.trim() {
            "" => None,
            date => Some(PartialDate::parse_iso(date).ok_or_else(|| {
                format!("“{date}” is not a date such as 2024, 2024-09 or 2024-09-17")
            })?),
        };
        let authors: Vec<String> = self
            .authors
            .split(';')
            .flat_map(|part| part.split(" and "))
            .map(|name| name.trim().to_string())
            .filter(|name| !name.is_empty())
            .collect();
        let outlet = self.outlet.trim();
        Ok(CatalogEntry {
            file: file.to_string(),
            outlet: (!outlet.is_empty()).then(|| outlet.to_string()),
            authors: (!authors.is_empty()).then_some(authors),
            published,
            ..CatalogEntry::default()
        })
    }
}

/// The catalog of every file with facts set: what the analyser reads as
/// reader facts, and the `catalog.toml` of a download.
pub fn reader_catalog(files: &[AddedFile]) -> Catalog {
    let entries = files
        .iter()
        .filter(|file| !file.facts.is_empty())
        .filter_map(|file| file.facts.catalog_entry(&file.name).ok())
        .collect();
    Catalog { entries }
}

/// What can be said about a file before reading it: an extension that is
/// not an article, or a size over the limit (such a file is never read
/// into memory). The message names the file, as ingestion's errors do.
pub fn check_before_reading(name: &str, size: f64) -> Result<(), String> {
    let problem = if Format::of(name).is_none() {
        Problem::UnsupportedExtension
    } else if size > MAX_FILE_BYTES as f64 {
        Problem::TooLarge {
            bytes: size as usize,
            limit: MAX_FILE_BYTES,
        }
    } else {
        return Ok(());
    };
    Err(IngestError {
        file: name.to_string(),
        problem,
    }
    .to_string())
}

/// A file name for pasted text: `pasted-` and the first words of its first
/// line, made unique among `taken`.
pub fn pasted_name(text: &str, taken: &[&str]) -> String {
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut slug = String::new();
    for word in first_line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase));
    }
    let stem = if slug.is_empty() {
        "pasted".to_string()
    } else {
        format!("pasted-{slug}")
    };
    let stem_taken = |candidate: &str| {
        taken.iter().any(|t| {
            let t_stem = t.rsplit_once('.').map_or(*t, |(s, _)| s);
            t_stem == candidate
        })
    };
    let mut candidate = stem.clone();
    let mut n = 2;
    while stem_taken(&candidate) {
        candidate = format!("{stem}-{n}");
        n += 1;
    }
    format!("{candidate}.txt")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, facts: ReaderFacts) -> AddedFile {
        AddedFile {
            name: name.into(),
            bytes: Rc::from(&b"text"[..]),
            facts,
            order: 0.0,
        }
    }

    #[test]
    fn facts_become_a_catalog_entry_with_authors_split() {
        let facts = ReaderFacts {
            outlet: " The Port Gazette ".into(),
            published: "2024-09".into(),
            authors: "Ana Lima and Joe Bloggs; Kim Park".into(),
        };
        let entry = facts.catalog_entry("a.txt").unwrap();
        assert_eq!(entry.outlet.as_deref(), Some("The Port Gazette"));
        assert_eq!(entry.published.unwrap().to_string(), "2024-09");
        assert_eq!(
            entry.authors.unwrap(),
            vec!["Ana Lima", "Joe Bloggs", "Kim Park"]
        );
    }

    #[test]
    fn a_bad_date_is_refused_with_the_text_typed() {
        let facts = ReaderFacts {
            published: "17/09/2024".into(),
            ..ReaderFacts::default()
        };
        let message = facts.catalog_entry("a.txt").unwrap_err();
        assert!(message.contains("17/09/2024"), "{message}");
    }

    #[test]
    fn the_catalog_holds_only_files_with_facts_and_parses_back() {
        let files = [
            file("a.txt", ReaderFacts::default()),
            file(
                "b.html",
                ReaderFacts {
                    outlet: "Daily \"Quoted\" News".into(),
                    ..ReaderFacts::default()
                },
            ),
        ];
        let catalog = reader_catalog(&files);
        assert_eq!(catalog.entries.len(), 1);
        assert_eq!(catalog.entries[0].file, "b.html");
        let text = catalog.to_toml();
        assert_eq!(Catalog::parse("catalog.toml", &text).unwrap(), catalog);
    }

    #[test]
    fn oversized_and_unsupported_files_are_named_before_reading() {
        assert!(check_before_reading("a.txt", 10.0).is_ok());
        let big = check_before_reading("big.txt", 3.0 * 1024.0 * 1024.0).unwrap_err();
        assert!(
            big.starts_with("big.txt:") && big.contains("limit"),
            "{big}"
        );
        let pdf = check_before_reading("scan.pdf", 10.0).unwrap_err();
        assert!(pdf.starts_with("scan.pdf:"), "{pdf}");
    }

    #[test]
    fn pasted_text_gets_a_unique_name_from_its_first_line() {
        let text = "\n  Floods close 40 schools in Lagos, officials say\nBody.";
        assert_eq!(
            pasted_name(text, &[]),
            "pasted-floods-close-40-schools-in-lagos.txt"
        );
        assert_eq!(
            pasted_name(text, &["pasted-floods-close-40-schools-in-lagos.md"]),
            "pasted-floods-close-40-schools-in-lagos-2.txt"
        );
        assert_eq!(pasted_name("  ", &["pasted.txt"]), "pasted-2.txt");
        assert_eq!(
            pasted_name("Überraschung in Köln", &[]),
            "pasted-überraschung-in-köln.txt"
        );
    }
}
