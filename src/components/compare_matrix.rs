use crate::compare::{Coverage, CoverageMatrix, CoverageRow, OutletOrder};
use crate::components::stance_badge::stance_badge;
use crate::explore::{ResultsAs, NO_THREAD};
use crate::format;
use crate::shared::Held;
use crate::view_state::{Page, ViewState};
use std::collections::BTreeSet;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Event rows shown at first in each group (several outlets, one outlet);
/// more on request, as the explorer's results.
pub const ROWS: usize = 50;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub matrix: Held<CoverageMatrix<'static>>,
    /// Kept in the links, so a thread opens with the same outlets.
    pub chosen: BTreeSet<String>,
    pub order: OutletOrder,
    pub on_order: Callback<OutletOrder>,
}

/// Event threads × outlets as a table; every cell links to the thread's
/// side-by-side comparison. A big corpus's many threads come [`ROWS`] at a
/// time per group.
#[function_component(CoverageTable)]
pub fn coverage_table(props: &Props) -> Html {
    let matrix = props.matrix.get();
    let shown_shared = use_state(|| ROWS);
    let shown_single = use_state(|| ROWS);
    let link = |thread: &str| {
        let mut state = ViewState::on(Page::Compare);
        state.focus = Some(thread.to_string());
        state.filters.outlets = props.chosen.clone();
        state.to_hash()
    };
    let (shared, single) = matrix.split_by_reach();
    let columns = matrix.outlets.len() + 1;
    let row_view = |row: &CoverageRow| {
        let href = link(&row.thread.id);
        html! {
            <tr data-thread={row.thread.id.clone()}>
                <th scope="row">
                    <a href={href.clone()}>{ &row.thread.label }</a>
                    <span class="row-note">{ format!("{} of {}", row.outlets_reporting(), format::count(matrix.outlets.len(), "outlet", "outlets")) }</span>
                </th>
                { for matrix.outlets.iter().zip(&row.cells).map(|(outlet, cell)| {
                    cell_view(cell, &outlet.name, &row.thread.label, &href)
                }) }
            </tr>
        }
    };
    let on_order = {
        let on_order = props.on_order.clone();
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(order) = OutletOrder::parse(&value) {
                on_order.emit(order);
            }
        })
    };
    html! {
        <>
        <p class="matrix-controls">
            <label for="outlet-order">{ "Order outlets by " }</label>
            <select id="outlet-order" onchange={on_order}>
                { for OutletOrder::ALL.iter().map(|order| html! {
                    <option value={order.as_str()} selected={*order == props.order}>{ order.label() }</option>
                }) }
            </select>
        </p>
        <div class="compare-scroll" tabindex="0" role="region" aria-labelledby="coverage-caption">
            <table class="coverage">
                <caption id="coverage-caption">
                    { format!("Who reported which event: one row per event thread, those told by several outlets first; one column per outlet (by {}). Each cell gives the main stance and the number of claims, or says the outlet did not report it.", props.order.label()) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Event" }</th>
                        { for matrix.outlets.iter().map(|outlet| {
                            let hosts = outlet.hosts();
                            html! {
                                <th scope="col" data-outlet={outlet.name.clone()}>
                                    { &outlet.name }
                                    if !hosts.is_empty() {
                                        <span class="host">{ format!("copy via {}", hosts.join(", ")) }</span>
                                    }
                                </th>
                            }
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for shared.iter().take(*shown_shared).map(|row| row_view(row)) }
                    { more_rows(&shown_shared, shared.len(), columns) }
                </tbody>
                if !single.is_empty() {
                    <tbody class="single-outlet">
                        <tr class="group-head">
                            <th scope="rowgroup" colspan={columns.to_string()}>
                                { format!("Told by one outlet only ({})", single.len()) }
                            </th>
                        </tr>
                        { for single.iter().take(*shown_single).map(|row| row_view(row)) }
                        { more_rows(&shown_single, single.len(), columns) }
                    </tbody>
                }
                if matrix.unthreaded.iter().any(|&n| n > 0) {
                    <tbody class="unthreaded">
                        <tr class="unthreaded-row">
                            <th scope="row">
                                { "In no event thread" }
                                <span class="row-note">{ "what only that outlet's article says" }</span>
                            </th>
                            { for matrix.outlets.iter().zip(&matrix.unthreaded).map(|(outlet, &n)| {
                                unthreaded_cell(&outlet.name, n)
                            }) }
                        </tr>
                    </tbody>
                }
            </table>
        </div>
        </>
    }
}

/// A row with a button that shows [`ROWS`] more of a group's `total`
/// rows, when some are hidden.
fn more_rows(shown: &UseStateHandle<usize>, total: usize, columns: usize) -> Html {
    let remaining = total.saturating_sub(**shown);
    if remaining == 0 {
        return Html::default();
    }
    let onclick = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + ROWS))
    };
    html! {
        <tr class="more-rows">
            <td colspan={columns.to_string()}>
                <button type="button" {onclick}>
                    { format!("Show {} more events (of {remaining} not shown)", remaining.min(ROWS)) }
                </button>
            </td>
        </tr>
    }
}

/// An outlet's claims in no event thread, linked to the explorer listing
/// them.
fn unthreaded_cell(outlet: &str, claims: usize) -> Html {
    if claims == 0 {
        return html! { <td class="omitted" data-outlet={outlet.to_string()}><span class="cell-text">{ "none" }</span></td> };
    }
    let mut state = ViewState::on(Page::Explore);
    state.filters.outlets = [outlet.to_string()].into();
    state.filters.threads = [NO_THREAD.to_string()].into();
    state.results_as = ResultsAs::Claims;
    html! {
        <td class="only-here" data-outlet={outlet.to_string()} data-claims={claims.to_string()}>
            <a class="cell-link" href={state.to_hash()}>
                <span class="visually-hidden">{ format!("In no event thread, {outlet}: ") }</span>
                { format!("only in {outlet}: {}", format::count(claims, "claim", "claims")) }
            </a>
        </td>
    }
}

fn cell_view(cell: &Coverage, outlet: &str, thread: &str, href: &str) -> Html {
    let context =
        html! { <span class="visually-hidden">{ format!("{thread}, {outlet}: ") }</span> };
    let Some(stance) = cell.dominant() else {
        return html! {
            <td class="omitted" data-outlet={outlet.to_string()} data-reported="false">
                <a class="cell-link" href={href.to_string()}>{ context }{ "not reported" }</a>
            </td>
        };
    };
    let others: Vec<String> = cell
        .stances
        .iter()
        .filter(|(s, _)| **s != stance)
        .map(|(s, n)| format!("{} {n}", s.as_str()))
        .collect();
    html! {
        <td class="reported" data-outlet={outlet.to_string()} data-reported="true" data-stance={stance.as_str()}>
            <a class="cell-link" href={href.to_string()}>
                { context }
                { stance_badge(stance, stance.as_str()) }
                <span class="cell-count">{ format::count(cell.claims, "claim", "claims") }</span>
                if !others.is_empty() {
                    <span class="cell-others">{ format!("also {}", others.join(", ")) }</span>
                }
            </a>
        </td>
    }
}
