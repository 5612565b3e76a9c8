use crate::explore::source_label;
use crate::timeline::lanes::LaneFolds;
use crate::timeline::scale::Window;
use crate::timeline::{event_date_words, precision_name, Layout, Timeline};
use crate::view_state::ViewState;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub timeline: Rc<Timeline<'static>>,
    pub window: Window,
    /// Collapsed lanes: their marks are left out, as on the chart.
    pub lanes: LaneFolds,
}

/// The marks in view as a table, earliest first: the chart's accessible
/// alternative, so it lists what the chart draws (not collapsed lanes).
#[function_component(TimelineTable)]
pub fn timeline_table(props: &Props) -> Html {
    let layout = Layout::new(&props.timeline, props.window, &props.lanes);
    let mut marks: Vec<_> = layout.marks().collect();
    marks.sort_by_key(|m| (m.mark.first_day, m.mark.last_day, m.lane));
    html! {
        <details class="timeline-table">
            <summary>{ format!("Table of the {} marks in view", marks.len()) }</summary>
            <div class="table-scroll" role="region" aria-label="Timeline table" tabindex="0">
                <table>
                    <caption>{ "Claims in the visible range, by event date" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Event date" }</th>
                            <th scope="col">{ "Precision" }</th>
                            <th scope="col">{ "Outlet" }</th>
                            <th scope="col">{ "Event thread" }</th>
                            <th scope="col">{ "Stance" }</th>
                            <th scope="col">{ "Source" }</th>
                            <th scope="col">{ "Claim" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for marks.iter().map(|placed| {
                            let mark = placed.mark;
                            let claim = mark.claim;
                            let href = ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id).to_hash();
                            html! {
                                <tr key={mark.key()} data-mark={mark.key()}>
                                    <td>{ claim.event_date.as_ref().map(|d| event_date_words(d, claim.event_date_precision)).unwrap_or_default() }</td>
                                    <td>{ precision_name(claim.event_date_precision) }</td>
                                    <td>{ &mark.outlet }</td>
                                    <td>{ mark.thread.map(|t| t.label.as_str()).unwrap_or("none") }</td>
                                    <td class={format!("stance stance-{}", claim.stance.as_str())}>{ claim.stance.as_str() }</td>
                                    <td>{ format!("{}: {}", source_label(claim.attribution_kind), claim.attribution) }</td>
                                    <td><a {href}>{ &claim.text }</a></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
