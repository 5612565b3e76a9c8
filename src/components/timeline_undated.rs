use crate::timeline::TimelineRef;
use crate::view_state::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Its undated claims are listed.
    pub timeline: TimelineRef,
}

/// Most undated claims listed: a big corpus has thousands, which the
/// downloads hold in full.
pub const UNDATED_LISTED: usize = 200;

/// Claims with no event date: they cannot be placed, so they are listed
/// (the first [`UNDATED_LISTED`]; the downloads have them all).
#[function_component(TimelineUndated)]
pub fn timeline_undated(props: &Props) -> Html {
    let claims = &props.timeline.get().undated;
    if claims.is_empty() {
        return html! {};
    }
    let more = claims.len().saturating_sub(UNDATED_LISTED);
    html! {
        <section class="timeline-undated" aria-labelledby="undated-title">
            <h2 id="undated-title">{ crate::format::count(claims.len(), "claim without a date", "claims without a date") }</h2>
            <ul>
                { for claims.iter().take(UNDATED_LISTED).map(|claim| {
                    let href = ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id).to_hash();
                    html! {
                        <li data-claim={claim.id.clone()}>
                            <a {href}>{ &claim.text }</a>
                            <span class="meta">{ format!(" · {} · {}", claim.stance.as_str(), claim.attribution) }</span>
                        </li>
                    }
                }) }
            </ul>
            if more > 0 {
                <p class="hint">{ format!("The first {UNDATED_LISTED} are listed; {} more {} in the CSV and JSON downloads.", more, if more == 1 { "is" } else { "are" }) }</p>
            }
        </section>
    }
}
