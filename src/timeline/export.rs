//! The timeline's claims as CSV (RFC 4180) and JSON, for a reader to take
//! away. One row per claim, with the same columns in both formats.

use crate::explore::{outlet_of, source_label};
use crate::timeline::precision_name;
use crate::view_state::ViewState;
use crossread_corpus::{Claim, Corpus};
use serde::Serialize;

/// One claim as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportedClaim {
    pub claim: String,
    pub document: String,
    pub outlet: String,
    pub headline: String,
    pub published: Option<String>,
    pub event_date: Option<String>,
    pub event_date_precision: String,
    pub event_date_text: Option<String>,
    /// Event thread ids, separated by "; " in CSV.
    pub threads: Vec<String>,
    pub stance: String,
    pub stance_cue: Option<String>,
    pub source: String,
    pub source_kind: String,
    /// Innermost source first, the outlet last.
    pub chain: Vec<String>,
    pub text: String,
    /// The sentence in the reader, as a link relative to the site.
    pub reader_link: String,
}

const COLUMNS: [&str; 16] = [
    "claim",
    "document",
    "outlet",
    "headline",
    "published",
    "event_date",
    "event_date_precision",
    "event_date_text",
    "threads",
    "stance",
    "stance_cue",
    "source",
    "source_kind",
    "chain",
    "text",
    "reader_link",
];

impl ExportedClaim {
    pub fn new(corpus: &Corpus, claim: &Claim) -> ExportedClaim {
        let document = corpus.document(&claim.doc);
        ExportedClaim {
            claim: claim.id.clone(),
            document: claim.doc.clone(),
            outlet: document.map(outlet_of).unwrap_or_default(),
            headline: document.map(|d| d.headline.clone()).unwrap_or_default(),
            published: document.and_then(|d| d.published).map(|d| d.to_string()),
            event_date: claim.event_date.map(|d| d.to_string()),
            event_date_precision: precision_name(claim.event_date_precision).to_string(),
            event_date_text: claim.event_date_text.clone(),
            threads: claim.threads.clone(),
            stance: claim.stance.as_str().to_string(),
            stance_cue: claim.stance_cue.clone(),
            source: claim.attribution.clone(),
            source_kind: source_label(claim.attribution_kind).to_string(),
            chain: claim.chain.iter().map(|s| s.name.clone()).collect(),
            text: claim.text.clone(),
            reader_link: ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id)
                .to_hash(),
        }
    }

    fn fields(&self) -> [String; 16] {
        let optional = |v: &Option<String>| v.clone().unwrap_or_default();
        [
            self.claim.clone(),
            self.document.clone(),
            self.outlet.clone(),
            self.headline.clone(),
            optional(&self.published),
            optional(&self.event_date),
            self.event_date_precision.clone(),
            optional(&self.event_date_text),
            self.threads.join("; "),
            self.stance.clone(),
            optional(&self.stance_cue),
            self.source.clone(),
            self.source_kind.clone(),
            self.chain.join(" > "),
            self.text.clone(),
            self.reader_link.clone(),
        ]
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// CSV with a header row and CRLF line ends (RFC 4180).
pub fn to_csv(rows: &[ExportedClaim]) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for row in rows {
        let fields: Vec<String> = row.fields().iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A JSON array of objects, one per claim, keyed by the CSV's column names.
pub fn to_json(rows: &[ExportedClaim]) -> String {
    serde_json::to_string_pretty(rows).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::corpus;

    fn sample() -> ExportedClaim {
        let corpus = corpus().unwrap();
        let mut row = ExportedClaim::new(corpus, &corpus.claims[0]);
        row.text = "He said, \"no\"\nthen left\r\n.".to_string();
        row
    }

    /// Splits RFC 4180 CSV into records of fields.
    fn parse_csv(text: &str) -> Vec<Vec<String>> {
        let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
        let mut chars = text.chars().peekable();
        let mut quoted = false;
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => record.push(std::mem::take(&mut field)),
                (false, '\r') => {}
                (false, '\n') => {
                    record.push(std::mem::take(&mut field));
                    records.push(std::mem::take(&mut record));
                }
                (false, c) => field.push(c),
            }
        }
        records
    }

    #[test]
    fn csv_quotes_commas_quotes_and_line_breaks() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\rhere"), "\"cr\rhere\"");
    }

    #[test]
    fn csv_round_trips_through_a_parser() {
        let row = sample();
        let csv = to_csv(std::slice::from_ref(&row));
        assert!(csv.starts_with("claim,document,outlet,"));
        let records = parse_csv(&csv);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0], COLUMNS);
        assert_eq!(records[1], row.fields());
    }

    #[test]
    fn every_claim_exports_to_csv_and_json() {
        let corpus = corpus().unwrap();
        let rows: Vec<ExportedClaim> = corpus
            .claims
            .iter()
            .map(|c| ExportedClaim::new(corpus, c))
            .collect();
        assert_eq!(parse_csv(&to_csv(&rows)).len(), rows.len() + 1);
        let json: serde_json::Value = serde_json::from_str(&to_json(&rows)).unwrap();
        let array = json.as_array().unwrap();
        assert_eq!(array.len(), rows.len());
        assert_eq!(array[0]["claim"], rows[0].claim);
        assert_eq!(array[0].as_object().unwrap().len(), COLUMNS.len());
        for column in COLUMNS {
            assert!(array[0].get(column).is_some(), "{column}");
        }
    }

    #[test]
    fn json_escapes_quotes_and_line_breaks() {
        let row = sample();
        let json = to_json(std::slice::from_ref(&row));
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed[0]["text"], row.text);
    }
}
