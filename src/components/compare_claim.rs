use crate::components::stance_badge::claim_stance;
use crate::explore::source_label;
use crate::format;
use crate::view_state::ViewState;
use crossread_corpus::{Claim, Part};
use yew::prelude::*;

/// One claim in a comparison: its words (linking to the exact sentence in
/// the reader), stance, source chain, numbers and event date.
pub fn claim_card(claim: &Claim) -> Html {
    let reader = ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id).to_hash();
    let chain = claim
        .chain
        .iter()
        .map(|s| s.name.as_str())
        .collect::<Vec<_>>()
        .join(" → ");
    let numbers = claim
        .numbers
        .iter()
        .map(|n| n.text.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let when = claim
        .event_date
        .as_ref()
        .map(|date| match &claim.event_date_text {
            Some(text) => format!("{} (“{text}”)", format::date(date)),
            None => format!("{} (publication date)", format::date(date)),
        });
    html! {
        <div class="claim-card" data-claim={claim.id.clone()}>
            if let Some(part) = part_name(claim.part) {
                <span class="part-badge">{ part }</span>
            }
            <a class="claim-text" href={reader}>{ &claim.text }</a>
            <dl class="claim-facts">
                <div>
                    <dt>{ "Stance" }</dt>
                    <dd>
                        { claim_stance(claim) }
                    </dd>
                </div>
                <div>
                    <dt>{ "Source" }</dt>
                    <dd>{ format!("{}: {chain}", source_label(claim.attribution_kind)) }</dd>
                </div>
                if !numbers.is_empty() {
                    <div><dt>{ "Numbers" }</dt><dd class="claim-numbers">{ numbers }</dd></div>
                }
                if let Some(when) = when {
                    <div><dt>{ "When" }</dt><dd>{ when }</dd></div>
                }
            </dl>
        </div>
    }
}

/// What a claim from outside the body is, for a badge.
pub fn part_name(part: Part) -> Option<&'static str> {
    match part {
        Part::Body => None,
        Part::Headline => Some("Headline"),
        Part::Standfirst => Some("Standfirst"),
    }
}
