//! A thread's claim history: who said what about the event, and how sure
//! they sounded, in the order it was reported ("2022-11 CNN: expected,
//! according to officials → 2023-01 Newsweek: unconfirmed (“no evidence”)
//! → …"). Generated from the claims; each step links to its sentence.

use crate::explore::outlet_of;
use crate::view_state::ViewState;
use crossread_corpus::{AttributionKind, Claim, Corpus, Document, PartialDate, Thread};
use std::collections::BTreeMap;

/// One claim in a thread's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryStep<'a> {
    pub claim: &'a Claim,
    pub outlet: String,
    /// When it was reported (the article's publication date), else the
    /// event date.
    pub reported: Option<PartialDate>,
}

impl HistoryStep<'_> {
    /// "2022-11", the month it was reported.
    pub fn month(&self) -> String {
        match self.reported {
            Some(PartialDate {
                year,
                month: Some(month),
                ..
            }) => format!("{year:04}-{month:02}"),
            Some(date) => date.year.to_string(),
            None => "undated".to_string(),
        }
    }

    /// "expected (“is preparing”), according to officials …".
    pub fn says(&self) -> String {
        let claim = self.claim;
        let stance = claim.stance.as_str();
        let mut words = match claim.stance_cue.as_deref() {
            Some(cue) if !cue.eq_ignore_ascii_case(stance) => format!("{stance} (“{cue}”)"),
            _ => stance.to_string(),
        };
        let source = &claim.attribution;
        match claim.attribution_kind {
            AttributionKind::Outlet => {}
            AttributionKind::Named | AttributionKind::Anonymous => {
                words.push_str(&format!(", according to {source}"))
            }
            AttributionKind::Media => words.push_str(&format!(", citing {source}")),
        }
        // Intermediaries between the source and the outlet: official → WSJ → outlet.
        let between: Vec<&str> = claim
            .chain
            .iter()
            .skip(1)
            .take(claim.chain.len().saturating_sub(2))
            .map(|s| s.name.as_str())
            .collect();
        if !between.is_empty() {
            words.push_str(&format!(" via {}", between.join(" via ")));
        }
        words
    }

    /// The whole step: "2022-11 CNN: expected, according to officials".
    pub fn summary(&self) -> String {
        format!("{} {}: {}", self.month(), self.outlet, self.says())
    }

    /// The reader at this claim's sentence.
    pub fn link(&self) -> String {
        ViewState::claim_in_reader(&self.claim.doc, self.claim.paragraph, &self.claim.id).to_hash()
    }
}

/// The history of `thread` told by the claims that pass `shown`, ordered by
/// when they were reported, then by event date, then as written.
pub fn claim_history<'a>(
    corpus: &'a Corpus,
    thread: &Thread,
    shown: impl Fn(&Claim) -> bool,
) -> Vec<HistoryStep<'a>> {
    // Found by id through a map: a big thread has thousands of claims.
    let documents: BTreeMap<&str, &Document> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), d))
        .collect();
    let mut steps: Vec<(usize, HistoryStep)> = corpus
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.threads.contains(&thread.id) && shown(c))
        .map(|(order, claim)| {
            let document = documents.get(claim.doc.as_str()).copied();
            let step = HistoryStep {
                claim,
                outlet: document.map(outlet_of).unwrap_or_default(),
                reported: document
                    .and_then(|d| d.published)
                    .or(claim.event_date)
                    .map(|d| d.date_only()),
            };
            (order, step)
        })
        .collect();
    steps.sort_by_key(|(order, step)| {
        (
            step.reported.map(|d| d.first_day_number()),
            step.claim.event_date.map(|d| d.first_day_number()),
            *order,
        )
    });
    steps.into_iter().map(|(_, step)| step).collect()
}

/// The history as one line of text, steps joined by arrows.
pub fn narrative(steps: &[HistoryStep]) -> String {
    steps
        .iter()
        .map(HistoryStep::summary)
        .collect::<Vec<_>>()
        .join(" → ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::corpus;

    const MISSILES: &str = "supply:iran>russia:ballistic-missiles";

    fn thread(id: &str) -> &'static Thread {
        corpus()
            .unwrap()
            .threads
            .iter()
            .find(|t| t.id == id)
            .unwrap()
    }

    #[test]
    fn the_history_tells_every_claim_in_reporting_order() {
        let corpus = corpus().unwrap();
        let thread = thread(MISSILES);
        let steps = claim_history(corpus, thread, |_| true);
        assert_eq!(steps.len(), thread.claims.len());
        let days: Vec<i64> = steps
            .iter()
            .map(|s| s.reported.unwrap().first_day_number())
            .collect();
        assert!(days.windows(2).all(|w| w[0] <= w[1]), "{days:?}");
        let line = narrative(&steps);
        let first = &steps[0];
        assert!(line.starts_with(&first.summary()), "{line}");
        assert_eq!(line.matches(" → ").count(), steps.len() - 1);
        for step in &steps {
            assert!(step.summary().contains(&step.outlet));
            assert!(step.says().starts_with(step.claim.stance.as_str()));
            assert!(step
                .link()
                .starts_with(&format!("#/article/{}", step.claim.doc)));
        }
    }

    #[test]
    fn sources_are_named_with_their_intermediaries() {
        let corpus = corpus().unwrap();
        let steps = claim_history(corpus, thread(MISSILES), |_| true);
        for step in &steps {
            let says = step.says();
            match step.claim.attribution_kind {
                AttributionKind::Outlet => assert!(!says.contains("according to"), "{says}"),
                AttributionKind::Media => assert!(says.contains("citing"), "{says}"),
                _ => assert!(says.contains(&step.claim.attribution), "{says}"),
            }
            if step.claim.chain.len() > 2 {
                assert!(says.contains(&step.claim.chain[1].name), "{says}");
            }
        }
    }

    #[test]
    fn hidden_claims_leave_the_history() {
        let corpus = corpus().unwrap();
        let steps = claim_history(corpus, thread(MISSILES), |c| {
            c.stance == crossread_corpus::Stance::Expected
        });
        assert!(!steps.is_empty());
        assert!(steps
            .iter()
            .all(|s| s.claim.stance == crossread_corpus::Stance::Expected));
    }

    #[test]
    fn months_read_like_the_issue() {
        let corpus = corpus().unwrap();
        let steps = claim_history(corpus, thread(MISSILES), |_| true);
        assert!(steps.iter().all(|s| s.month().len() == 7), "YYYY-MM");
    }
}
