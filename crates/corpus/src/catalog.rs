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
use std::fmt::Write;

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
        let mut files = std::collections::HashSet::new();
        for entry in raw.article {
            let field_error = |field: &str, message: String| {
                error(Problem::CatalogField {
                    field: format!("{}.{field}", entry.file),
                    message,
                })
            };
            if !files.insert(entry.file.clone()) {
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

    /// Writes the catalog as TOML text that [`Catalog::parse`] reads back to
    /// an equal catalog: one `[[article]]` table per entry, in order, with
    /// absent fields and empty notes left out. Same catalog, same text.
    ///
    /// Equality holds for any catalog `parse` can produce, dates included at
    /// every precision. Values it cannot produce are written as they are,
    /// and `parse` trims or rejects them: text fields with surrounding
    /// spaces or blank ones, non-http(s) URLs, a file described twice,
    /// years outside 0000–9999, a UTC offset without a time.
    /// The text ends in a newline, so catalogs written one after another
    /// still read as one catalog.
    pub fn to_toml(&self) -> String {
        let mut out =
            String::from("# Crossread catalog: publication facts for the files beside it.\n");
        for entry in &self.entries {
            out.push_str("\n[[article]]\n");
            write_field(&mut out, "file", &entry.file);
            if let Some(outlet) = &entry.outlet {
                write_field(&mut out, "outlet", outlet);
            }
            if let Some(via) = &entry.via {
                write_field(&mut out, "via", via);
            }
            if let Some(headline) = &entry.headline {
                write_field(&mut out, "headline", headline);
            }
            if let Some(authors) = &entry.authors {
                write_list(&mut out, "authors", authors);
            }
            if let Some(published) = &entry.published {
                write_field(&mut out, "published", &published.to_string());
            }
            if let Some(url) = &entry.url {
                write_field(&mut out, "url", url);
            }
            if !entry.notes.is_empty() {
                write_list(&mut out, "notes", &entry.notes);
            }
        }
        out
    }
}

/// `key = "value"` and a newline.
fn write_field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    push_basic_string(out, value);
    out.push('\n');
}

/// `key = ["a", "b"]` and a newline.
fn write_list(out: &mut String, key: &str, values: &[String]) {
    out.push_str(key);
    out.push_str(" = [");
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_basic_string(out, value);
    }
    out.push_str("]\n");
}

/// A TOML basic string: quoted, with `"`, `\` and control characters escaped.
fn push_basic_string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < '\u{20}' || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
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

    fn entry(file: &str) -> CatalogEntry {
        CatalogEntry {
            file: file.to_string(),
            ..CatalogEntry::default()
        }
    }

    fn round_trip(catalog: &Catalog) -> Catalog {
        let text = catalog.to_toml();
        Catalog::parse("catalog.toml", &text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    #[test]
    fn writes_fields_in_order_and_leaves_out_absent_ones() {
        let catalog = Catalog {
            entries: vec![
                CatalogEntry {
                    file: "000_a.txt".into(),
                    outlet: Some("CNN".into()),
                    via: Some("Yahoo News".into()),
                    headline: Some("A headline".into()),
                    authors: Some(vec!["Ann Lee".into(), "Bo Chen".into()]),
                    published: PartialDate::parse_iso("2024-09-17"),
                    url: Some("https://example.com/a".into()),
                    notes: vec!["Date approximate.".into()],
                },
                entry("001_b.txt"),
            ],
        };
        let expected = r#"# Crossread catalog: publication facts for the files beside it.

[[article]]
file = "000_a.txt"
outlet = "CNN"
via = "Yahoo News"
headline = "A headline"
authors = ["Ann Lee", "Bo Chen"]
published = "2024-09-17"
url = "https://example.com/a"
notes = ["Date approximate."]

[[article]]
file = "001_b.txt"
"#;
        assert_eq!(catalog.to_toml(), expected);
        assert_eq!(round_trip(&catalog), catalog);
    }

    #[test]
    fn an_empty_catalog_is_just_the_comment() {
        let catalog = Catalog::default();
        assert_eq!(
            catalog.to_toml(),
            "# Crossread catalog: publication facts for the files beside it.\n"
        );
        assert_eq!(round_trip(&catalog), catalog);
    }

    #[test]
    fn tricky_strings_round_trip() {
        let control: String = (0u8..0x20).chain([0x7f]).map(char::from).collect();
        let tricky = [
            "say \"hi\"",
            r"C:\path\to\file",
            "\\\"",
            "line one\nline two\r\n\ttabbed",
            "café “quoted” 北京 📰👍🏽",
            "\u{80}\u{9f}\u{a0}\u{2028}\u{feff}",
            r#"'single' and '''triple''' and """"#,
            "# not a comment = [[article]]",
            r"\u0041 stays six characters",
            &control,
        ];
        let catalog = Catalog {
            entries: tricky
                .iter()
                .enumerate()
                .map(|(i, text)| CatalogEntry {
                    file: format!("{i} {text}"),
                    outlet: Some(format!("x{text}x")),
                    via: Some(format!("v{text}v")),
                    headline: Some(format!("h{text}h")),
                    authors: Some(vec![text.to_string(), String::new()]),
                    published: None,
                    url: Some(format!("https://example.com/{text}x")),
                    notes: vec![text.to_string(), String::new()],
                })
                .collect(),
        };
        let text = catalog.to_toml();
        assert!(
            !text
                .chars()
                .any(|c| (c < ' ' && c != '\n') || c == '\u{7f}'),
            "control characters are escaped: {text:?}"
        );
        assert!(text.contains(r"\b\t\n\u000B\f\r\u000E"), "{text}");
        assert!(text.contains(r"\u001F\u007F"), "{text}");
        assert!(text.contains(r#"say \"hi\""#) && text.contains(r"C:\\path"));
        assert_eq!(round_trip(&catalog), catalog);
    }

    #[test]
    fn empty_authors_differ_from_no_authors() {
        let catalog = Catalog {
            entries: vec![
                CatalogEntry {
                    authors: Some(vec![]),
                    ..entry("a.txt")
                },
                entry("b.txt"),
            ],
        };
        assert!(catalog.to_toml().contains("authors = []\n"));
        let read = round_trip(&catalog);
        assert_eq!(read.entry("a.txt").unwrap().authors, Some(vec![]));
        assert_eq!(read.entry("b.txt").unwrap().authors, None);
    }

    #[test]
    fn dates_round_trip_at_every_precision() {
        let day = PartialDate::day(2024, 2, 29).unwrap();
        let timed = day.with_time(0, 5).unwrap();
        let with_offset = |minutes| PartialDate {
            offset_minutes: Some(minutes),
            ..timed
        };
        let dates = [
            PartialDate::year(2024),
            PartialDate::year(0),
            PartialDate::year(9999),
            PartialDate::month(2024, 9).unwrap(),
            day,
            timed,
            with_offset(0),
            with_offset(-300),
            with_offset(330),
            with_offset(-30),
        ];
        for date in dates {
            assert_eq!(PartialDate::parse_iso(&date.to_string()), Some(date));
        }
        let catalog = Catalog {
            entries: dates
                .iter()
                .enumerate()
                .map(|(i, date)| CatalogEntry {
                    published: Some(*date),
                    ..entry(&format!("{i}.txt"))
                })
                .collect(),
        };
        assert_eq!(round_trip(&catalog), catalog);
    }

    #[test]
    fn catalogs_written_one_after_another_read_as_one() {
        let first = Catalog {
            entries: vec![entry("a.txt"), entry("b.txt")],
        };
        let second = Catalog {
            entries: vec![CatalogEntry {
                outlet: Some("BBC".into()),
                notes: vec!["n".into()],
                ..entry("c.txt")
            }],
        };
        let joined = Catalog::parse("c", &(first.to_toml() + &second.to_toml())).unwrap();
        let mut expected = first.entries.clone();
        expected.extend(second.entries.clone());
        assert_eq!(joined.entries, expected);
        let empty = Catalog::default().to_toml();
        let text = empty.clone() + &second.to_toml() + &empty;
        assert_eq!(Catalog::parse("c", &text).unwrap(), second);
    }

    mod properties {
        use super::*;
        use crate::date::days_in_month;
        use proptest::prelude::*;

        /// Any date `parse_iso` accepts. Offsets go to ±99:59, all that two
        /// hour digits can show.
        fn date() -> impl Strategy<Value = PartialDate> {
            let offset = proptest::option::of(-5999i16..=5999);
            let parts = (0i32..=9999, 1u8..=12, 1u8..=31, 0u8..24, 0u8..60, offset);
            (parts, 0..4).prop_map(|((year, month, day, hour, minute, offset), precision)| {
                let day = day.min(days_in_month(year, month));
                match precision {
                    0 => PartialDate::year(year),
                    1 => PartialDate::month(year, month).unwrap(),
                    2 => PartialDate::day(year, month, day).unwrap(),
                    _ => PartialDate {
                        offset_minutes: offset,
                        ..PartialDate::day(year, month, day)
                            .unwrap()
                            .with_time(hour, minute)
                            .unwrap()
                    },
                }
            })
        }

        /// A text field as `parse` leaves it: trimmed and not blank.
        fn text() -> impl Strategy<Value = Option<String>> {
            proptest::option::of(any::<String>()).prop_map(non_blank)
        }

        fn catalog_entry() -> impl Strategy<Value = CatalogEntry> {
            let url = proptest::option::of(any::<String>())
                .prop_map(|u| u.map(|u| format!("https://{u}").trim_end().to_string()));
            let strings = || proptest::collection::vec(any::<String>(), 0..3);
            (
                any::<String>(),
                (text(), text(), text()),
                proptest::option::of(strings()),
                proptest::option::of(date()),
                url,
                strings(),
            )
                .prop_map(
                    |(file, (outlet, via, headline), authors, published, url, notes)| {
                        CatalogEntry {
                            file,
                            outlet,
                            via,
                            headline,
                            authors,
                            published,
                            url,
                            notes,
                        }
                    },
                )
        }

        /// A catalog `parse` could have produced: no file described twice.
        fn catalog() -> impl Strategy<Value = Catalog> {
            proptest::collection::vec(catalog_entry(), 0..5).prop_map(|mut entries| {
                let mut seen = std::collections::HashSet::new();
                entries.retain(|e| seen.insert(e.file.clone()));
                Catalog { entries }
            })
        }

        proptest! {
            #[test]
            fn dates_round_trip(date in date()) {
                prop_assert_eq!(PartialDate::parse_iso(&date.to_string()), Some(date));
            }

            #[test]
            fn catalogs_round_trip(catalog in catalog()) {
                let text = catalog.to_toml();
                prop_assert_eq!(&text, &catalog.to_toml());
                let read = Catalog::parse("catalog.toml", &text);
                prop_assert_eq!(read.as_ref().ok(), Some(&catalog), "{:?}\n{}", read, text);
            }
        }
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
