use crate::components::timeline_mark::{fmt, mark_view};
use crate::timeline::aggregate::{short_count, Period, MARK_LIMIT};
use crate::timeline::lanes::LaneFolds;
use crate::timeline::scale::{ticks, Window};
use crate::timeline::{
    Layout, OutletPalette, PlacedCount, PlacedLane, TimelineRef, Towards, AXIS_HEIGHT, CHART_WIDTH,
    LANE_LABEL, PLOT_LEFT, PLOT_RIGHT,
};
use crate::view_state::ViewState;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, SvgElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub timeline: TimelineRef,
    pub palette: Rc<OutletPalette>,
    pub window: Window,
    /// The selected claim id.
    pub selected: Option<String>,
    /// The thread whose history is told below the chart.
    pub focus: Option<String>,
    /// A mark got keyboard focus: select its claim.
    pub on_select: Callback<String>,
    /// The pointer is over a mark (its key) or left the chart (`None`).
    pub on_hover: Callback<Option<String>>,
    /// Zoom or pan by keyboard.
    pub on_window: Callback<Window>,
    /// The page's state, for the "only this thread" links and the
    /// collapsed lanes.
    pub state: ViewState,
    /// A lane was collapsed or expanded.
    pub on_lanes: Callback<LaneFolds>,
    /// Most marks drawn one by one; above it, counts per period.
    #[prop_or(MARK_LIMIT)]
    pub mark_limit: usize,
}

/// Most ticks the axis shows: about one per 90 drawing units.
const MAX_TICKS: usize = 10;

/// The timeline as SVG: an axis, one band per lane, and the marks, or,
/// when the window holds too many, their counts per period (links that zoom
/// into their period). Keys: arrows move between marks (or pan when the
/// chart itself or a count has focus), + and − zoom. Each lane's label is a
/// button that collapses or expands it, followed by a link to that lane
/// alone.
#[function_component(TimelineChart)]
pub fn timeline_chart(props: &Props) -> Html {
    let folds = &props.state.lanes;
    let limit = props.mark_limit;
    let layout = Layout::with_limit(props.timeline.get(), props.window, folds, limit);
    let scale = layout.scale;
    let height = layout.height;
    let onkeydown = {
        let timeline = props.timeline.clone();
        let window = props.window;
        let on_window = props.on_window.clone();
        let folds = folds.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.ctrl_key() || event.meta_key() || event.alt_key() {
                return;
            }
            let layout = Layout::with_limit(timeline.get(), window, &folds, limit);
            let on_mark = mark_key(&event);
            let anchor = on_mark
                .as_deref()
                .and_then(|key| layout.find(key))
                .map(|m| (m.mark.first_day, m.mark.last_day))
                .or_else(|| count_days(&event))
                .map(|(first, last)| {
                    (first.max(window.first_day) + last.min(window.last_day) + 1) as f64 / 2.0
                })
                .unwrap_or_else(|| window.middle());
            let towards = match event.key().as_str() {
                "+" | "=" => {
                    on_window.emit(window.zoom(0.5, anchor));
                    None
                }
                "-" | "_" => {
                    on_window.emit(window.zoom(2.0, anchor));
                    None
                }
                "ArrowLeft" if on_mark.is_none() => {
                    on_window.emit(window.pan(-0.25));
                    None
                }
                "ArrowRight" if on_mark.is_none() => {
                    on_window.emit(window.pan(0.25));
                    None
                }
                "ArrowLeft" => Some(Towards::Earlier),
                "ArrowRight" => Some(Towards::Later),
                "ArrowUp" => Some(Towards::LaneAbove),
                "ArrowDown" => Some(Towards::LaneBelow),
                _ => return,
            };
            event.prevent_default();
            let next = on_mark
                .zip(towards)
                .and_then(|(key, towards)| layout.neighbour(&key, towards))
                .map(|m| m.mark.key());
            if let Some(next) = next {
                focus_mark(&next);
            }
        })
    };
    let onfocusin = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: FocusEvent| {
            if let Some(claim) = target_attribute(&event, "data-claim") {
                on_select.emit(claim);
            }
        })
    };
    let onmouseover = {
        let on_hover = props.on_hover.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(key) = target_attribute(&event, "data-mark") {
                on_hover.emit(Some(key));
            }
        })
    };
    let onmouseleave = {
        let on_hover = props.on_hover.clone();
        Callback::from(move |_: MouseEvent| on_hover.emit(None))
    };
    html! {
        <div class="timeline-chart" role="region" tabindex="0"
            aria-label="Timeline chart. Arrow keys move between marks; on the chart itself, left and right pan; plus and minus zoom."
            {onkeydown} {onfocusin} {onmouseover} {onmouseleave}>
            <svg class="timeline-svg" viewBox={format!("0 0 {CHART_WIDTH} {}", fmt(height))} role="group"
                aria-labelledby="timeline-title"
                width={CHART_WIDTH.to_string()} height={fmt(height)}
                data-first-day={scale.window.first_day.to_string()} data-last-day={scale.window.last_day.to_string()}
                data-plot-left={PLOT_LEFT.to_string()} data-plot-right={PLOT_RIGHT.to_string()}>
                <g class="axis" aria-hidden="true">
                    { for ticks(scale.window, MAX_TICKS).into_iter().map(|tick| {
                        let x = scale.x(tick.day as f64);
                        html! {
                            <g class="tick" key={tick.day.to_string()}>
                                <line x1={fmt(x)} x2={fmt(x)} y1={fmt(AXIS_HEIGHT - 8.0)} y2={fmt(height)} />
                                <text x={fmt(x + 3.0)} y="16">{ tick.label }</text>
                            </g>
                        }
                    }) }
                </g>
                { for layout.lanes.iter().map(|lane| lane_view(props, lane, layout.period)) }
            </svg>
        </div>
    }
}

/// The mark a key event came from, if any.
fn mark_key(event: &KeyboardEvent) -> Option<String> {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.get_attribute("data-mark"))
}

/// The days of the count a key event came from, if any.
fn count_days(event: &KeyboardEvent) -> Option<(i64, i64)> {
    let element = event.target()?.dyn_into::<Element>().ok()?;
    let day = |name: &str| element.get_attribute(name)?.parse::<i64>().ok();
    element.has_attribute("data-count").then_some(())?;
    Some((day("data-start-day")?, day("data-end-day")?))
}

/// An attribute of the mark the event happened in.
fn target_attribute(event: &impl AsRef<Event>, name: &str) -> Option<String> {
    let element = event.as_ref().target()?.dyn_into::<Element>().ok()?;
    element
        .closest("[data-mark]")
        .ok()
        .flatten()?
        .get_attribute(name)
}

fn focus_mark(key: &str) {
    let Ok(marks) = gloo::utils::document().query_selector_all(".timeline-chart [data-mark]")
    else {
        return;
    };
    let found = (0..marks.length())
        .filter_map(|i| marks.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .find(|e| e.get_attribute("data-mark").as_deref() == Some(key));
    if let Some(element) = found.and_then(|e| e.dyn_into::<SvgElement>().ok()) {
        let _ = element.focus();
    }
}

/// One lane: its band, its header, and its marks (or their counts) or,
/// collapsed, its density strip.
fn lane_view(props: &Props, lane: &PlacedLane, period: Option<Period>) -> Html {
    let thread = lane.lane.thread_id().to_string();
    let focused = props.focus.as_deref() == Some(thread.as_str()) && !thread.is_empty();
    let selected = props.selected.as_deref();
    html! {
        <g class={classes!("lane", focused.then_some("focused"), lane.collapsed.then_some("collapsed"))}
            key={lane.lane.fold_id().to_string()} data-thread={thread} data-lane={lane.lane.fold_id().to_string()}
            data-collapsed={lane.collapsed.to_string()}>
            <rect class="lane-band" x="0" y={fmt(lane.top)} width={CHART_WIDTH.to_string()} height={fmt(lane.height)} />
            { lane_header(props, lane) }
            { for lane.marks.iter().map(|placed| {
                let colour = props.palette.colour(&placed.mark.outlet);
                mark_view(placed, colour, selected == Some(placed.mark.claim.id.as_str()))
            }) }
            if let Some(period) = period {
                { for lane.counts.iter().map(|count| count_view(props, lane, count, period)) }
            }
            { density_strip(lane) }
        </g>
    }
}

/// A lane's claims in one period, counted: a bar as tall as the count is
/// large, the count written above it. A link that zooms into its period,
/// or, when the window is already that narrow, shows the lane alone.
fn count_view(props: &Props, lane: &PlacedLane, placed: &PlacedCount, period: Period) -> Html {
    let count = placed.count;
    let threads = &props.state.filters.threads;
    let href = match count.zoomed(props.window) {
        Some(window) => Some(
            ViewState {
                window: Some(window.to_dates()),
                ..props.state.clone()
            }
            .to_hash(),
        ),
        None => lane
            .lane
            .thread
            .filter(|t| !(threads.len() == 1 && threads.contains(&t.id)))
            .map(|t| {
                ViewState {
                    window: Some(props.window.to_dates()),
                    ..props.state.only_thread(&t.id)
                }
                .to_hash()
            }),
    };
    // Without a link a count is still reached by Tab and read out.
    let (tabindex, role) = match href {
        Some(_) => (None, None),
        None => (Some("0"), Some("img")),
    };
    html! {
        <a class="count" {href} {tabindex} {role} aria-label={count.describe(period, lane.lane.label())}
            data-count={count.marks.to_string()} data-period={period.as_str()}
            data-start-day={count.first_day.to_string()} data-end-day={count.last_day.to_string()}>
            <rect class="count-bar" x={fmt(placed.x_start)} y={fmt(placed.top)}
                width={fmt(placed.x_end - placed.x_start)} height={fmt(placed.bottom - placed.top)} rx="1.5" />
            <text class="count-label" x={fmt(placed.x())} y={fmt(placed.top - 3.0)} text-anchor="middle"
                aria-hidden="true">{ short_count(count.marks) }</text>
        </a>
    }
}

/// The lane's label as a disclosure button (SVG has no `<button>`, so a
/// focusable `<a>` with the button role that answers Enter and Space),
/// then "only this thread" unless the lane is already shown alone.
fn lane_header(props: &Props, lane: &PlacedLane) -> Html {
    let collapsed = lane.collapsed;
    let toggle = {
        let next =
            props
                .state
                .lanes
                .with_lane(lane.lane.fold_id(), !collapsed, lane.collapsed_by_rule);
        let on_lanes = props.on_lanes.clone();
        move || on_lanes.emit(next.clone())
    };
    let onclick = {
        let toggle = toggle.clone();
        Callback::from(move |_: MouseEvent| toggle())
    };
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        if matches!(event.key().as_str(), "Enter" | " ") {
            event.prevent_default();
            toggle();
        }
    });
    let count = crate::format::count(lane.lane.claims(), "claim", "claims");
    let threads = &props.state.filters.threads;
    let only = lane
        .lane
        .thread
        .filter(|t| !(threads.len() == 1 && threads.contains(&t.id)))
        .map(|t| props.state.only_thread(&t.id).to_hash());
    html! {
        <text class="lane-head" x={fmt(PLOT_LEFT)} y={fmt(lane.top + 14.0)}>
            <a class="lane-toggle" role="button" tabindex="0" aria-expanded={(!collapsed).to_string()}
                aria-label={format!("{}, {count}", lane.lane.label())} {onclick} {onkeydown}>
                <tspan class="chevron" aria-hidden="true">{ if collapsed { "▸ " } else { "▾ " } }</tspan>
                <tspan class="lane-label">{ lane.lane.label() }</tspan>
                <tspan>{ format!(" ({})", lane.lane.claims()) }</tspan>
            </a>
            if let Some(href) = only {
                <a class="lane-only" {href} aria-label={format!("Only this thread: {}", lane.lane.label())}>
                    <tspan dx="14">{ "Only this thread" }</tspan>
                </a>
            }
        </text>
    }
}

/// A collapsed lane's marks in the window, as bins darker where more
/// marks fall; decoration, as the header says how many claims there are.
fn density_strip(lane: &PlacedLane) -> Html {
    let most = lane.density.iter().map(|b| b.marks).max().unwrap_or(1) as f64;
    let y = lane.top + LANE_LABEL;
    html! {
        if !lane.density.is_empty() {
            <g class="density" aria-hidden="true">
                { for lane.density.iter().map(|bin| html! {
                    <rect x={fmt(bin.x_start)} y={fmt(y)} width={fmt(bin.x_end - bin.x_start)} height="5"
                        fill-opacity={format!("{:.2}", 0.45 + 0.55 * bin.marks as f64 / most)} />
                }) }
            </g>
        }
    }
}
