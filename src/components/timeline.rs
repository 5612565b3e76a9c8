use crate::components::timeline_chart::TimelineChart;
use crate::components::timeline_controls::TimelineControls;
use crate::components::timeline_detail::TimelineDetail;
use crate::components::timeline_downloads::TimelineDownloads;
use crate::components::timeline_filters::TimelineFilters;
use crate::components::timeline_history::TimelineHistory;
use crate::components::timeline_lanes::TimelineLanes;
use crate::components::timeline_legend::TimelineLegend;
use crate::components::timeline_table::TimelineTable;
use crate::components::timeline_undated::TimelineUndated;
use crate::corpus_data::{is_library_index, CorpusRef, ThreadsRef};

use crate::hooks::Navigator;
use crate::shared::Held;
use crate::timeline::aggregate::MARK_LIMIT;
use crate::timeline::lanes::{LaneFolds, LANES_SHOWN};
use crate::timeline::scale::Window;
use crate::timeline::{claims_matching, Layout, OutletPalette, Timeline, TimelineRef};
use crate::view_state::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    pub state: ViewState,
    /// Most marks the chart draws one by one; above it, counts per period
    /// (lowered by the browser tests, which have only the seeds' claims).
    #[prop_or(MARK_LIMIT)]
    pub mark_limit: usize,
    /// A big site's thread index, when `corpus` is not the whole analysis
    /// but the library index (the timeline then counts claims from the
    /// thread index) or a thread's file (that thread's claims).
    #[prop_or_default]
    pub threads: Option<ThreadsRef>,
}

/// What a big site's first timeline leaves to a thread's own: it counts
/// every claim, and loads one thread's to draw them.
const BIG_SITE_TIMELINE: &str = "This site is large: the chart counts the claims of every thread per period. Choose “Only this thread” on a lane to see its claims one by one, with the thread's claim history and downloads.";

/// Claim timelines: when each claim's event happened and when it was
/// reported, one lane per event thread, with a thread's claim history.
#[function_component(TimelineView)]
pub fn timeline_view(props: &Props) -> Html {
    let corpus = &props.corpus;
    let state = &props.state;
    let navigator = use_context::<Navigator>();
    let hovered = use_state(|| None::<String>);
    let threads = props.threads.clone();
    // A big site's first timeline counts claims from its thread index.
    let from_index = threads.clone().filter(|_| is_library_index(corpus));
    let palette = use_memo(
        (corpus.clone(), threads.clone()),
        |(corpus, threads)| match threads {
            Some(index) => OutletPalette::of_index(index),
            None => OutletPalette::new(corpus),
        },
    );
    let held = use_memo(
        (corpus.clone(), from_index.clone(), state.filters.clone()),
        |(corpus, from_index, filters)| -> TimelineRef {
            if let Some(index) = from_index {
                return Held::of(index, |index| Timeline::from_index(index, filters));
            }
            let matches = claims_matching(corpus, filters);
            Held::of(corpus, |corpus| {
                Timeline::build(corpus, &matches, &filters.threads)
            })
        },
    );
    let timeline = held.get();
    let total = threads
        .as_ref()
        .map_or(corpus.claims.len(), |index| index.claims as usize);
    let whole = timeline.default_window();
    let window = state
        .window
        .as_ref()
        .map(Window::from_dates)
        .unwrap_or(whole);
    let limit = props.mark_limit;
    let layout = Layout::with_limit(timeline, window, &state.lanes, limit);
    let selected = state
        .selected
        .as_deref()
        .and_then(|id| corpus.claims.iter().find(|c| c.id == id));
    let anchor = selected
        .and_then(|c| layout.find_claim(&c.id))
        .map(|m| {
            let (first, last) = (
                m.mark.first_day.max(window.first_day),
                m.mark.last_day.min(window.last_day),
            );
            (first + last + 1) as f64 / 2.0
        })
        .unwrap_or_else(|| window.middle());
    let pointed = hovered
        .as_deref()
        .and_then(|key| layout.find(key))
        .map(|m| m.mark.claim)
        .or(selected)
        .map(|claim| claim.id.clone());
    // The thread in focus, else the one with the most claims.
    let focus = state.focus.clone().or_else(|| {
        timeline
            .lanes
            .iter()
            .filter(|l| l.thread.is_some())
            .max_by_key(|l| l.claims())
            .map(|l| l.thread_id().to_string())
    });

    let go = move |next: ViewState, replace: bool| {
        if let Some(navigator) = &navigator {
            if replace {
                navigator.replace(&next)
            } else {
                navigator.push(&next)
            }
        }
    };
    let with_window = |replace: bool| {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |next: Window| {
            go(
                ViewState {
                    window: Some(next.to_dates()),
                    ..state.clone()
                },
                replace,
            )
        })
    };
    let on_select = {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |claim: String| {
            if state.selected.as_deref() != Some(claim.as_str()) {
                go(
                    ViewState {
                        selected: Some(claim),
                        ..state.clone()
                    },
                    true,
                )
            }
        })
    };
    let on_hover = {
        let hovered = hovered.clone();
        Callback::from(move |key: Option<String>| hovered.set(key))
    };
    let on_choose = {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |thread: String| {
            go(
                ViewState {
                    focus: Some(thread),
                    ..state.clone()
                },
                false,
            )
        })
    };
    let on_lanes = {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |lanes: LaneFolds| {
            go(
                ViewState {
                    lanes,
                    ..state.clone()
                },
                false,
            )
        })
    };
    let (hidden, folded, unshown) = (layout.hidden, layout.folded, layout.unshown);
    // Too many to draw (a timeline from the thread index is counted at any
    // zoom, and says so itself).
    let counted = layout
        .period
        .filter(|_| from_index.is_none())
        .map(|period| {
            (
                period,
                layout.counts().map(|c| c.count.marks).sum::<usize>(),
            )
        });
    let collapsed = layout.lanes.iter().filter(|l| l.collapsed).count();
    html! {
        <section class="timeline" aria-labelledby="timeline-title">
            <h1 id="timeline-title" tabindex="-1">{ "Timelines" }</h1>
            <p class="lede">
                { "Each claim sits at the date of the event it describes, in the lane of its event thread; a dashed line leads to when it was reported. Colour is the outlet, shape the stance." }
            </p>
            <TimelineFilters corpus={corpus.clone()} filters={state.filters.clone()} shown={timeline.claim_count()} {total} />
            <TimelineControls {window} {anchor} {whole} on_window={with_window(false)} />
            <TimelineLegend palette={palette.clone()} />
            <TimelineLanes state={state.clone()} lanes={layout.lanes.len()} {collapsed} on_lanes={on_lanes.clone()} />
            if timeline.lanes.is_empty() {
                <p class="empty-state">{ "No dated claim matches these filters." }</p>
            } else {
                <TimelineChart timeline={(*held).clone()} palette={palette.clone()} {window}
                    selected={state.selected.clone()} focus={focus.clone()}
                    {on_select} {on_hover} on_window={with_window(true)}
                    state={state.clone()} on_lanes={on_lanes.clone()} mark_limit={limit} />
            }
            if let Some((period, marks)) = counted {
                <p class="hint timeline-counted">{ format!(
                    "{} in view, more than the chart draws one by one ({limit}): each bar counts a lane's claims in one {}. Choose a bar, zoom in or show one thread to see the claims.",
                    crate::format::count(marks, "mark", "marks"), period.as_str()
                ) }</p>
            }
            if unshown > 0 {
                <p class="more-lanes">
                    <button type="button" class="toggle" onclick={{
                        let (on_lanes, more) = (on_lanes.clone(), state.lanes.with_more_lanes());
                        Callback::from(move |_: MouseEvent| on_lanes.emit(more.clone()))
                    }}>
                        { format!("Show {} more lanes (of {unshown} not drawn)", unshown.min(LANES_SHOWN)) }
                    </button>
                </p>
            }
            if folded > 0 {
                <p class="hint">{ format!("{} in collapsed lanes; expand a lane to see them.", crate::format::count(folded, "mark is", "marks are")) }</p>
            }
            if hidden > 0 {
                <p class="hint">{ format!("{} outside the visible range; zoom out or pan to see them.", crate::format::count(hidden, "mark lies", "marks lie")) }</p>
            }
            if from_index.is_some() {
                <p class="hint big-site-hint">{ BIG_SITE_TIMELINE }</p>
                <TimelineTable timeline={(*held).clone()} {window} lanes={state.lanes.clone()} mark_limit={limit} />
                if timeline.undated_count > 0 {
                    <p class="hint">{ format!("{} no event date; show one thread to list its own.", crate::format::count(timeline.undated_count, "claim has", "claims have")) }</p>
                }
            } else {
                <TimelineDetail corpus={corpus.clone()} claim={pointed} />
                <TimelineDownloads corpus={corpus.clone()} timeline={(*held).clone()} {window} />
                <TimelineHistory corpus={corpus.clone()} timeline={(*held).clone()} thread={focus} {on_choose} />
                <TimelineTable timeline={(*held).clone()} {window} lanes={state.lanes.clone()} mark_limit={limit} />
                <TimelineUndated timeline={(*held).clone()} />
            }
        </section>
    }
}
