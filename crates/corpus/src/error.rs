//! Typed errors. Every error names the input it is about, so a reader with a
//! folder of a hundred files knows which one to fix.

use crate::document::Skipped;
use std::fmt;

/// What is wrong with one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    NotUtf8 {
        byte_offset: usize,
    },
    Binary,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    NoText {
        /// What the file shows instead, in the reader's words.
        found: String,
    },
    CatalogSyntax(String),
    CatalogEntryWithoutFile,
    CatalogField {
        field: String,
        message: String,
    },
    UnsupportedExtension,
    /// An added file whose id (its name without extension) is taken.
    AlreadyInCorpus {
        id: String,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Empty => write!(f, "the file is empty"),
            Problem::NotUtf8 { byte_offset } => write!(
                f,
                "the file is not UTF-8 text (invalid byte sequence at byte {byte_offset}); save it as UTF-8"
            ),
            Problem::Binary => write!(f, "the file looks binary (it holds NUL or control bytes), not an article text"),
            Problem::TooLarge { bytes, limit } => write!(
                f,
                "the file is {bytes} bytes, over the {limit}-byte limit for one article"
            ),
            Problem::NoText { found } => write!(f, "no article text was found: {found}"),
            Problem::CatalogSyntax(message) => write!(f, "the catalog is not valid TOML: {message}"),
            Problem::CatalogEntryWithoutFile => write!(f, "the catalog describes this file, but there is no such file in the corpus"),
            Problem::CatalogField { field, message } => write!(f, "catalog field `{field}`: {message}"),
            Problem::UnsupportedExtension => write!(f, "only .txt, .md, .html and .htm files are read as articles"),
            Problem::AlreadyInCorpus { id } => write!(f, "an article with the id {id:?} is already in the corpus; rename the file to add it"),
        }
    }
}

/// A problem with one named input (an article file or the catalog).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestError {
    pub file: String,
    pub problem: Problem,
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.problem)
    }
}

impl std::error::Error for IngestError {}

impl From<&IngestError> for Skipped {
    fn from(error: &IngestError) -> Skipped {
        Skipped {
            file: error.file.clone(),
            problem: error.problem.to_string(),
        }
    }
}

/// Every problem found in a corpus: all of them are reported at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorpusError {
    pub problems: Vec<IngestError>,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problems.len();
        writeln!(
            f,
            "{count} problem{} in the corpus:",
            if count == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            writeln!(f, "  {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CorpusError {}
