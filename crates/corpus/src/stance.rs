//! Stance: how a claim is put forward, from cue words in the clause
//! (`data/cues.txt`).
//!
//! Why: "Iran has sent missiles", "Iran is preparing to send missiles" and
//! "there is no evidence Iran has sent missiles" are three different
//! claims about one event; the thread view shows how each outlet put it.
//!
//! Precedence when several cues occur: denied > unconfirmed > hedged
//! (reportedly, might, likely, believed) > expected (will, preparing,
//! plans, could be expected) > weak hedge (would, could, believe) >
//! asserted. A denial followed by an admission ("denied ... but later
//! admitted") is asserted.

use crate::document::Stance;
use crate::lexicon::lexicon;

/// The stance of a clause given as lower-case words, with the cue phrase.
pub fn classify(words: &[String]) -> (Stance, Option<String>) {
    let lex = lexicon();
    let find = |section: &str| -> Option<(usize, String)> {
        let phrases = lex.cues(section);
        (0..words.len()).find_map(|at| phrases.at(words, at).map(|p| (at, p.join(" "))))
    };
    if let Some((at, cue)) = find("denied") {
        let admitted = words[at..].iter().any(|w| {
            matches!(
                w.as_str(),
                "admitted" | "acknowledged" | "conceded" | "confirmed"
            )
        });
        if !admitted {
            return (Stance::Denied, Some(cue));
        }
        return (Stance::Asserted, Some("admitted".into()));
    }
    if let Some((_, cue)) = find("unconfirmed") {
        return (Stance::Unconfirmed, Some(cue));
    }
    // "could be expected", "may soon": the expectation wins over a modal.
    // "the new expected shipment": an adjective, not a plan.
    let expected = find("expected").filter(|(at, cue)| {
        !(cue == "expected"
            && *at > 0
            && matches!(
                words[*at - 1].as_str(),
                "the" | "a" | "an" | "new" | "this" | "that" | "its" | "their"
            ))
    });
    // "The WSJ reports that ...": a reporting verb, not hearsay; "reports
    // that" hedges only as a noun ("numerous reports that").
    let hedged = find("hedged").filter(|(at, cue)| {
        cue != "reports that"
            || *at > 0
                && matches!(
                    words[*at - 1].as_str(),
                    "numerous"
                        | "recent"
                        | "unconfirmed"
                        | "media"
                        | "press"
                        | "news"
                        | "earlier"
                        | "to"
                        | "of"
                        | "multiple"
                        | "conflicting"
                        | "are"
                        | "were"
                        | "been"
                        | "several"
                        | "some"
                        | "denied"
                )
    });
    match (hedged, expected) {
        (Some((h, hc)), Some((e, ec))) => {
            let modal_before_expectation =
                matches!(hc.as_str(), "may" | "might") && e > h && e - h <= 3;
            if modal_before_expectation {
                return (Stance::Expected, Some(ec));
            }
            return (Stance::Hedged, Some(hc));
        }
        (Some((_, hc)), None) => return (Stance::Hedged, Some(hc)),
        (None, Some((_, ec))) => return (Stance::Expected, Some(ec)),
        (None, None) => {}
    }
    if let Some((_, cue)) = find("weak-hedge") {
        return (Stance::Hedged, Some(cue));
    }
    (Stance::Asserted, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stance(text: &str) -> Stance {
        let words: Vec<String> = crate::text::tokenize(text)
            .iter()
            .map(|t| t.text.to_lowercase())
            .collect();
        classify(&words).0
    }

    #[test]
    fn an_intention_or_a_refusal_to_come_is_expected_not_denied() {
        for text in [
            "Striker Ana Lima will not play until her contract is renewed.",
            "The union will not return to work before the vote.",
            "The club said it will not pay the fee.",
        ] {
            assert_eq!(stance(text), Stance::Expected, "{text}");
        }
    }

    #[test]
    fn facts_plans_hedges_denials_and_gaps() {
        assert_eq!(
            stance("The army sent 40 tanks to the border last week."),
            Stance::Asserted
        );
        assert_eq!(
            stance("The ministry is preparing to send more tanks."),
            Stance::Expected
        );
        assert_eq!(
            stance("The first deliveries could be expected in spring."),
            Stance::Expected
        );
        assert_eq!(
            stance("The army has reportedly sent tanks."),
            Stance::Hedged
        );
        assert_eq!(
            stance("The buyer might also be interested in jets."),
            Stance::Hedged
        );
        assert_eq!(
            stance("The government has denied sending troops."),
            Stance::Denied
        );
        assert_eq!(
            stance("There is no evidence that the deal went ahead."),
            Stance::Unconfirmed
        );
        assert_eq!(
            stance("The sale is yet to be finalized."),
            Stance::Unconfirmed
        );
        assert_eq!(
            stance("An official said they didn't have any information to provide."),
            Stance::Unconfirmed
        );
    }

    #[test]
    fn reports_that_hedges_only_as_a_noun() {
        assert_eq!(
            stance("The Herald reports that the mayor resigned."),
            Stance::Asserted
        );
        assert_eq!(
            stance("There were reports that the mayor resigned."),
            Stance::Hedged
        );
    }

    #[test]
    fn an_expected_thing_is_not_an_expectation() {
        assert_eq!(
            stance("The ministry did not comment on the expected vote."),
            Stance::Asserted
        );
    }

    #[test]
    fn a_denial_then_an_admission_is_asserted() {
        assert_eq!(
            stance("It initially denied the sale but later admitted it had sent a few."),
            Stance::Asserted
        );
    }

    #[test]
    fn officials_believing_in_a_future_delivery_expect_it() {
        assert_eq!(
            stance("Officials believe the weapons will be delivered by December."),
            Stance::Expected
        );
    }
}
