//! The corpus catalog: publication facts a text does not state (who reported
//! it, who hosted the copy, when, where), written by whoever assembles the
//! corpus. TOML, one `[[article]]` table per file:
//!
//! ```toml
//! [[article]]
//! file = "000_example.txt"
//! outlet = "Business Insider"
//! via = "Business Insider India"
//! published = "2024-09-17"
//! url = "https://example.com/story"
//! notes = ["Date approximate (±1 day), from events the piece reports."]
//! ```

use crate::date::PartialDate;
use crate::error::{IngestError, Problem};
use serde::Deserialize;

/// The conventional catalog file name inside a seeds directory.
pub const CATALOG_FILE: &str = "catalog.toml";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    pub entries: Vec<CatalogEntry>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogEntry {
    pub file: String,
    pub outlet: Option<String>,
    pub via: Option<String>,
    pub headline: Option<String>,
    pub authors: Option<Vec<String>>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    pub notes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    #[serde(default)]
    article: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    file: String,
    outlet: Option<String>,
    via: Option<String>,
    headline: Option<String>,
    authors: Option<Vec<String>>,
    published: Option<String>,
    url: Option<String>,
    #[serde(default)]
    notes: Vec<String>,
}

impl Catalog {
    /// Parses catalog text; `name` is used in error messages.
    pub fn parse(name: &str, text: &str) -> Result<Catalog, IngestError> {
        let error = |problem| IngestError {
            file: name.to_string(),
            problem,
        };
        let raw: RawCatalog = toml::from_str(text)
            .map_err(|e| error(Problem::CatalogSyntax(e.message().to_string())))?;
        let mut entries: Vec<CatalogEntry> = Vec::with_capacity(raw.article.len());
        for entry in raw.article {
            let field_error = |field: &str, message: String| {
                error(Problem::CatalogField {
                    field: format!("{}.{field}", entry.file),
                    message,
                })
            };
            if entries.iter().any(|e| e.file == entry.file) {
                return Err(field_error("file", "the file is described twice".into()));
            }
            let published = match entry.published.as_deref() {
                Some(text) => Some(PartialDate::parse_iso(text).ok_or_else(|| {
                    field_error(
                        "published",
                        format!(
                            "{text:?} is not an ISO 8601 date such as 2024, 2024-09 or 2024-09-17"
                        ),
                    )
                })?),
                None => None,
            };
            if let Some(url) = entry
                .url
                .as_deref()
                .filter(|u| !u.starts_with("http://") && !u.starts_with("https://"))
            {
                return Err(field_error(
                    "url",
                    format!("{url:?} is not an http(s) address"),
                ));
            }
            entries.push(CatalogEntry {
                file: entry.file.clone(),
                outlet: non_blank(entry.outlet),
                via: non_blank(entry.via),
                headline: non_blank(entry.headline),
                authors: entry.authors,
                published,
                url: non_blank(entry.url),
                notes: entry.notes,
            });
        }
        Ok(Catalog { entries })
    }

    pub fn entry(&self, file: &str) -> Option<&CatalogEntry> {
        self.entries.iter().find(|e| e.file == file)
    }
}

fn non_blank(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_entries() {
        let catalog = Catalog::parse(
            "catalog.toml",
            "[[article]]\nfile = \"a.txt\"\noutlet = \"CNN\"\npublished = \"2022-11-01\"\n",
        )
        .unwrap();
        let entry = catalog.entry("a.txt").unwrap();
        assert_eq!(entry.outlet.as_deref(), Some("CNN"));
        assert_eq!(entry.published.unwrap().to_string(), "2022-11-01");
    }

    #[test]
    fn malformed_toml_names_the_catalog() {
        let error = Catalog::parse("catalog.toml", "[[article]\nfile=").unwrap_err();
        assert_eq!(error.file, "catalog.toml");
        assert!(matches!(error.problem, Problem::CatalogSyntax(_)));
    }

    #[test]
    fn unknown_fields_and_bad_dates_are_errors() {
        assert!(Catalog::parse("c", "[[article]]\nfile = \"a.txt\"\npublisher = \"x\"\n").is_err());
        let error = Catalog::parse(
            "c",
            "[[article]]\nfile = \"a.txt\"\npublished = \"17/09/2024\"\n",
        )
        .unwrap_err();
        assert!(error.to_string().contains("a.txt.published"), "{error}");
    }

    #[test]
    fn duplicate_entries_are_errors() {
        let text = "[[article]]\nfile = \"a.txt\"\n[[article]]\nfile = \"a.txt\"\n";
        assert!(Catalog::parse("c", text)
            .unwrap_err()
            .to_string()
            .contains("twice"));
    }
}
