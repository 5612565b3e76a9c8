use crate::explore::source_label;
use crate::timeline::aggregate::{Period, MARK_LIMIT};
use crate::timeline::lanes::LaneFolds;
use crate::timeline::scale::Window;
use crate::timeline::{event_date_words, precision_name, Layout, PlacedCount, TimelineRef};
use crate::view_state::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub timeline: TimelineRef,
    pub window: Window,
    /// Collapsed lanes: their marks are left out, as on the chart.
    pub lanes: LaneFolds,
    /// As the chart's: above it, the table lists counts too.
    #[prop_or(MARK_LIMIT)]
    pub mark_limit: usize,
}

/// The marks in view as a table, earliest first: the chart's accessible
/// alternative, so it lists what the chart draws (not collapsed lanes),
/// counts per period when the chart draws counts.
#[function_component(TimelineTable)]
pub fn timeline_table(props: &Props) -> Html {
    let layout = Layout::with_limit(
        props.timeline.get(),
        props.window,
        &props.lanes,
        props.mark_limit,
    );
    if let Some(period) = layout.period {
        let mut counts: Vec<&PlacedCount> = layout.counts().collect();
        counts.sort_by_key(|c| (c.count.first_day, c.lane));
        return counts_table(&layout, &counts, period);
    }
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

/// The chart's counts as a table: period, event thread, claims.
fn counts_table(layout: &Layout, counts: &[&PlacedCount], period: Period) -> Html {
    html! {
        <details class="timeline-table">
            <summary>{ format!("Table of the {} counts in view", counts.len()) }</summary>
            <div class="table-scroll" role="region" aria-label="Timeline table" tabindex="0">
                <table>
                    <caption>{ format!("Claims in the visible range, counted per {} and event thread", period.as_str()) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Period" }</th>
                            <th scope="col">{ "Event thread" }</th>
                            <th scope="col">{ "Claims" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for counts.iter().map(|placed| {
                            let lane = layout.lanes[placed.lane].lane;
                            let count = placed.count;
                            html! {
                                <tr key={format!("{}|{}", lane.fold_id(), count.first_day)} data-count={count.marks.to_string()}>
                                    <td>{ period.name(count.first_day) }</td>
                                    <td>{ lane.label() }</td>
                                    <td>{ count.marks }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
