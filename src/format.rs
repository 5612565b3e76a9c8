//! Formatting for readers: dates at their precision, counts, provenance.

use crossread_corpus::date::Precision;
use crossread_corpus::{PartialDate, Provenance};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "17 Sep 2024", "Sep 2024", "2024", "3 Mar 2023, 12:36".
pub fn date(date: &PartialDate) -> String {
    let month = date.month.map(|m| MONTHS[usize::from(m.clamp(1, 12)) - 1]);
    match (date.precision(), month, date.day) {
        (Precision::Time, Some(month), Some(day)) => {
            let (h, m) = date.time.unwrap_or_default();
            format!("{day} {month} {}, {h:02}:{m:02}", date.year)
        }
        (Precision::Day, Some(month), Some(day)) => format!("{day} {month} {}", date.year),
        (_, Some(month), _) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    }
}

pub fn provenance(source: Provenance) -> &'static str {
    match source {
        Provenance::Text => "from the text",
        Provenance::Catalog => "from the catalog",
        Provenance::Reader => "set by you",
        Provenance::HtmlMeta => "from the page's metadata",
    }
}

pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_at_their_precision() {
        assert_eq!(
            date(&PartialDate::parse_iso("2024-09-17").unwrap()),
            "17 Sep 2024"
        );
        assert_eq!(
            date(&PartialDate::parse_iso("2024-09").unwrap()),
            "Sep 2024"
        );
        assert_eq!(
            date(&PartialDate::parse_iso("2023-03-03T12:36").unwrap()),
            "3 Mar 2023, 12:36"
        );
    }
}
