use crate::corpus_data::CorpusRef;
use crate::explore::ResultsAs;
use crate::filters::Filters;
use crate::timeline::history::claim_history;
use crate::timeline::TimelineRef;
use crate::view_state::{Page, ViewState};

use crate::components::stance_badge::stance_badge;
use std::collections::BTreeSet;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    pub timeline: TimelineRef,
    /// The thread whose history is told.
    pub thread: Option<String>,
    /// Another thread was chosen.
    pub on_choose: Callback<String>,
}

/// Most steps of a history told: a big thread has thousands of claims.
pub const HISTORY_STEPS: usize = 200;

/// A thread's claims in the order they were reported, as a narrative whose
/// steps link to their sentences (the first [`HISTORY_STEPS`]).
#[function_component(TimelineHistory)]
pub fn timeline_history(props: &Props) -> Html {
    let timeline = props.timeline.get();
    let threads: Vec<_> = timeline.lanes.iter().filter_map(|l| l.thread).collect();
    let Some(thread) = props
        .thread
        .as_deref()
        .and_then(|id| threads.iter().find(|t| t.id == id))
        .copied()
    else {
        return html! {};
    };
    let on_timeline: BTreeSet<&str> = timeline.claims.iter().map(|c| c.id.as_str()).collect();
    let steps = claim_history(&props.corpus, thread, |claim| {
        on_timeline.contains(claim.id.as_str())
    });
    let more = steps.len().saturating_sub(HISTORY_STEPS);
    let every_claim = ViewState {
        filters: Filters {
            threads: BTreeSet::from([thread.id.clone()]),
            ..Filters::default()
        },
        results_as: ResultsAs::Claims,
        ..ViewState::on(Page::Explore)
    }
    .to_hash();
    let onchange = {
        let on_choose = props.on_choose.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_choose.emit(select.value());
        })
    };
    html! {
        <section class="claim-history" aria-labelledby="history-title" data-thread={thread.id.clone()}>
            <h2 id="history-title">{ format!("Claim history: {}", thread.label) }</h2>
            <label for="history-thread">{ "Event thread" }</label>
            <select id="history-thread" {onchange}>
                { for threads.iter().map(|t| html! {
                    <option value={t.id.clone()} selected={t.id == thread.id}>{ &t.label }</option>
                }) }
            </select>
            <ol class="history-steps">
                { for steps.iter().take(HISTORY_STEPS).map(|step| html! {
                    <li data-claim={step.claim.id.clone()} data-stance={step.claim.stance.as_str()}>
                        <a href={step.link()}>
                            <time>{ step.month() }</time>{ " " }
                            <strong class="history-outlet">{ &step.outlet }</strong>
                            { ": " }
                            { stance_badge(step.claim.stance, &step.says()) }
                        </a>
                    </li>
                }) }
            </ol>
            if more > 0 {
                <p class="hint">
                    { format!("The first {HISTORY_STEPS} steps are told, of {}. ", steps.len()) }
                    <a href={every_claim}>{ "Every claim of this thread in the explorer" }</a>
                </p>
            }
        </section>
    }
}
