use crate::components::stance_badge::claim_stance;
use crate::corpus_data::CorpusRef;
use crate::explore::{outlet_of, source_label};
use crate::format;
use crate::timeline::event_date_words;
use crate::view_state::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    /// The id of the claim pointed at or selected, if any.
    pub claim: Option<String>,
}

/// The claim under the pointer or keyboard focus: its words, outlet and
/// dates, stance and the chain of sources, with a link to the reader.
#[function_component(TimelineDetail)]
pub fn timeline_detail(props: &Props) -> Html {
    let corpus = &props.corpus;
    let claim = (props.claim.as_deref()).and_then(|id| corpus.claims.iter().find(|c| c.id == id));
    let Some(claim) = claim else {
        return html! {
            <aside class="timeline-detail empty" aria-label="Claim details">
                <p>{ "Point at a mark, or Tab to one, to see its claim, source and stance here." }</p>
            </aside>
        };
    };
    let document = corpus.document(&claim.doc);
    let outlet = document.map(outlet_of).unwrap_or_default();
    let published = document
        .and_then(|d| d.published.as_ref())
        .map(|d| format::date(&d.date_only()))
        .unwrap_or_else(|| "an unknown date".to_string());
    let when = match (&claim.event_date, &claim.event_date_text) {
        (Some(date), Some(text)) => format!(
            "{} (“{text}”)",
            event_date_words(date, claim.event_date_precision)
        ),
        (Some(date), None) => format!(
            "{} (no time given; the publication date)",
            event_date_words(date, claim.event_date_precision)
        ),
        (None, _) => "undated".to_string(),
    };
    let chain: Vec<&str> = claim.chain.iter().map(|s| s.name.as_str()).collect();
    let threads: Vec<&str> = claim
        .threads
        .iter()
        .filter_map(|id| corpus.threads.iter().find(|t| &t.id == id))
        .map(|t| t.label.as_str())
        .collect();
    let href = ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id).to_hash();
    html! {
        <aside class="timeline-detail" aria-label="Claim details" data-claim={claim.id.clone()}>
            <blockquote class="detail-claim">{ &claim.text }</blockquote>
            <dl>
                <dt>{ "Reported" }</dt><dd>{ format!("{outlet}, {published}") }</dd>
                <dt>{ "Event date" }</dt><dd>{ when }</dd>
                <dt>{ "Stance" }</dt>
                <dd>
                    { claim_stance(claim) }
                </dd>
                <dt>{ "Source" }</dt>
                <dd>{ format!("{}: {}", source_label(claim.attribution_kind), claim.attribution) }
                    if chain.len() > 1 {
                        <span class="chain">{ format!(" · chain: {}", chain.join(" → ")) }</span>
                    }
                </dd>
                if !threads.is_empty() {
                    <dt>{ "Event threads" }</dt><dd>{ threads.join("; ") }</dd>
                }
            </dl>
            <a {href}>{ "Open in the reader" }</a>
        </aside>
    }
}
