use crossread_corpus::{Claim, Stance};
use yew::prelude::*;

/// A stance as the coloured badge every view uses, with `label` as its
/// words (the stance's name, or a phrase such as "confirmed").
pub fn stance_badge(stance: Stance, label: &str) -> Html {
    html! {
        <span class={classes!("stance", format!("stance-{}", stance.as_str()))}>{ label.to_string() }</span>
    }
}

/// A claim's stance badge and the words that set it, if any.
pub fn claim_stance(claim: &Claim) -> Html {
    html! {
        <>
            { stance_badge(claim.stance, claim.stance.as_str()) }
            if let Some(cue) = &claim.stance_cue {
                { format!(" (“{cue}”)") }
            }
        </>
    }
}
