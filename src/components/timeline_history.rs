use crate::corpus_data::CorpusRef;
use crate::timeline::history::claim_history;
use crate::timeline::Timeline;

use crate::components::stance_badge::stance_badge;
use std::rc::Rc;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    pub timeline: Rc<Timeline<'static>>,
    /// The thread whose history is told.
    pub thread: Option<String>,
    /// Another thread was chosen.
    pub on_choose: Callback<String>,
}

/// A thread's claims in the order they were reported, as a narrative whose
/// steps link to their sentences.
#[function_component(TimelineHistory)]
pub fn timeline_history(props: &Props) -> Html {
    let threads: Vec<_> = props
        .timeline
        .lanes
        .iter()
        .filter_map(|l| l.thread)
        .collect();
    let Some(thread) = props
        .thread
        .as_deref()
        .and_then(|id| threads.iter().find(|t| t.id == id))
        .copied()
    else {
        return html! {};
    };
    let shown =
        |claim: &crossread_corpus::Claim| props.timeline.claims.iter().any(|c| c.id == claim.id);
    let steps = claim_history(props.corpus.get(), thread, shown);
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
                { for steps.iter().map(|step| html! {
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
        </section>
    }
}
