use crate::format;
use crate::timeline::lanes::LaneFolds;
use crate::view_state::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: ViewState,
    /// Lanes on the chart.
    pub lanes: usize,
    /// Of those, collapsed.
    pub collapsed: usize,
    pub on_lanes: Callback<LaneFolds>,
}

/// Controls for every lane at once: collapse or expand all, back to the
/// automatic choice, and back to every thread after "only this thread".
#[function_component(TimelineLanes)]
pub fn timeline_lanes(props: &Props) -> Html {
    let folds = &props.state.lanes;
    let button = |label: &'static str, next: LaneFolds, disabled: bool| {
        let on_lanes = props.on_lanes.clone();
        html! {
            <button type="button" class="toggle" {disabled}
                onclick={Callback::from(move |_| on_lanes.emit(next.clone()))}>{ label }</button>
        }
    };
    let all_shut = props.collapsed == props.lanes;
    let threads = &props.state.filters.threads;
    html! {
        <div class="timeline-lanes" role="group" aria-label="Lanes">
            <p class="lane-count" aria-live="polite">
                { format!("{}, {} collapsed", format::count(props.lanes, "lane", "lanes"), props.collapsed) }
            </p>
            { button("Collapse all", LaneFolds::all(true), all_shut) }
            { button("Expand all", LaneFolds::all(false), props.collapsed == 0) }
            if !folds.is_default() {
                { button("Reset lanes", LaneFolds::default(), false) }
            }
            if !threads.is_empty() {
                <a class="every-thread" href={props.state.every_thread().to_hash()}>
                    { format!("Show every thread (now {})", format::count(threads.len(), "thread", "threads")) }
                </a>
            }
        </div>
    }
}
