//! What a reader has narrowed the corpus down to. Shared by the explorer
//! and the timeline; serialised into the URL by `view_state`.

use crossread_corpus::{AttributionKind, PartialDate, Stance};
use std::collections::BTreeSet;

/// Stances and kinds of source in the order the facets list them (and
/// the facet index stores their bits).
pub use crossread_corpus::parts::facets::{SOURCE_KINDS, STANCES};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Full-text search, as typed.
    pub text: String,
    pub outlets: BTreeSet<String>,
    /// Entity ids.
    pub entities: BTreeSet<String>,
    /// Event thread ids.
    pub threads: BTreeSet<String>,
    pub stances: BTreeSet<Stance>,
    pub sources: BTreeSet<AttributionKind>,
    pub has_quote: bool,
    pub has_number: bool,
    /// Publication date range, inclusive, at any precision.
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// Number of facet values chosen (search text not included).
    pub fn active_count(&self) -> usize {
        self.outlets.len()
            + self.entities.len()
            + self.threads.len()
            + self.stances.len()
            + self.sources.len()
            + usize::from(self.has_quote)
            + usize::from(self.has_number)
            + usize::from(self.from.is_some())
            + usize::from(self.to.is_some())
    }

    /// True when a date (or undated, `None`) falls in the chosen range.
    pub fn date_fits(&self, date: Option<&PartialDate>) -> bool {
        if self.from.is_none() && self.to.is_none() {
            return true;
        }
        let Some(date) = date else { return false };
        let after_start = self
            .from
            .is_none_or(|from| date.last_day_number() >= from.first_day_number());
        let before_end = self
            .to
            .is_none_or(|to| date.first_day_number() <= to.last_day_number());
        after_start && before_end
    }
}

pub fn stance_from_str(text: &str) -> Option<Stance> {
    STANCES.into_iter().find(|s| s.as_str() == text)
}

pub fn source_from_str(text: &str) -> Option<AttributionKind> {
    SOURCE_KINDS.into_iter().find(|s| s.as_str() == text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse_iso(text).unwrap()
    }

    #[test]
    fn date_ranges_include_overlapping_partial_dates() {
        let filters = Filters {
            from: Some(date("2023-01")),
            to: Some(date("2023-12-31")),
            ..Filters::default()
        };
        assert!(filters.date_fits(Some(&date("2023-03-03T12:36"))));
        assert!(filters.date_fits(Some(&date("2023"))));
        assert!(!filters.date_fits(Some(&date("2024-01-04"))));
        assert!(
            !filters.date_fits(None),
            "undated articles fall outside any range"
        );
        assert!(Filters::default().date_fits(None));
    }

    #[test]
    fn stance_and_source_names_round_trip() {
        for stance in STANCES {
            assert_eq!(stance_from_str(stance.as_str()), Some(stance));
        }
        for source in SOURCE_KINDS {
            assert_eq!(source_from_str(source.as_str()), Some(source));
        }
    }
}
