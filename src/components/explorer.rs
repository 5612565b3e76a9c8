use crate::components::explore_results::ExploreResults;
use crate::components::facet_group::FacetGroup;
use crate::corpus_data::{
    explore_index, loaded_words, use_data_file, use_data_files, CorpusRef, DataFile, IndexRef,
    Loaded,
};

use crate::explore::{FacetOptions, ResultsAs};
use crate::filters::{source_from_str, stance_from_str, Filters};
use crate::format;
use crate::hooks::Navigator;
use crate::search::Query;
use crate::view_state::ViewState;
use crossread_corpus::PartialDate;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    /// A chunked site's explorer index: facets of every article, its
    /// searches looked up in the search index's shards, its results
    /// listed from the library's pages. `None`: the index of `corpus`.
    #[prop_or_default]
    pub index: Option<IndexRef>,
    pub state: ViewState,
}

/// Which facet a checkbox belongs to.
#[derive(Clone, Copy)]
enum Facet {
    Outlet,
    Entity,
    Thread,
    Stance,
    Source,
    Has,
}

/// The state with one facet value switched on or off.
fn toggled(state: &ViewState, facet: Facet, key: &str) -> ViewState {
    fn flip<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
        if !set.remove(&value) {
            set.insert(value);
        }
    }
    let mut next = ViewState {
        selected: None,
        ..state.clone()
    };
    let f = &mut next.filters;
    match facet {
        Facet::Outlet => flip(&mut f.outlets, key.to_string()),
        Facet::Entity => flip(&mut f.entities, key.to_string()),
        Facet::Thread => flip(&mut f.threads, key.to_string()),
        Facet::Stance => stance_from_str(key)
            .into_iter()
            .for_each(|s| flip(&mut f.stances, s)),
        Facet::Source => source_from_str(key)
            .into_iter()
            .for_each(|s| flip(&mut f.sources, s)),
        Facet::Has if key == "quote" => f.has_quote = !f.has_quote,
        Facet::Has => f.has_number = !f.has_number,
    }
    next
}

/// How a big site's explorer lists claims: its facet index knows
/// articles, so it counts them and lists each one's matching claims.
const BY_ARTICLE: &str = " (counted by article; each lists its claims that match)";

/// Search and facets over articles and claims, all state in the URL.
#[function_component(Explorer)]
pub fn explorer(props: &Props) -> Html {
    let navigator = use_context::<Navigator>();
    let state = &props.state;
    let index = match &props.index {
        Some(index) => index.clone(),
        None => IndexRef(explore_index(&props.corpus)),
    };
    // A big site's event threads' facet is a file of its own, fetched for
    // a thread filter or when the reader asks for the threads' counts.
    let threads_asked = use_state(|| false);
    let thread_file =
        (index.0.thread_file()).filter(|_| *threads_asked || !state.filters.threads.is_empty());
    let thread_facet = use_data_file(thread_file);
    let index = match &thread_facet {
        DataFile::Ready(Loaded::Explorer(joined)) => joined.clone(),
        _ => index,
    };
    let query = Query::parse(&state.filters.text);
    let shards = use_data_files(index.0.word_files(&query));
    // The results wait for what they are computed from: the search's
    // shards, and the threads' facet when a thread is chosen.
    let threads_missing = index.0.thread_file().is_some() && !state.filters.threads.is_empty();
    const WORDS: (&str, &str) = ("the search index", "Looking up the words…");
    const THREADS: (&str, &str) = ("the event threads", "Loading the event threads…");
    let results = match (&shards, threads_missing) {
        (DataFile::Failed(..), _) | (_, false) => Pending::from(&shards, WORDS),
        (_, true) => Pending::from(&thread_facet, THREADS),
    };
    // The search's matches are looked up once its shards are at hand, and
    // again only when the index, the filters or that state change.
    let ready = results.is_none();
    let outcome = use_memo(
        (
            index.clone(),
            state.filters.clone(),
            state.results_as,
            ready,
        ),
        |(index, filters, results_as, _)| {
            let query = Query::parse(&filters.text);
            let looked_up = (index.0.looks_up_words())
                .then(|| index.0.look_up(&query, loaded_words))
                .flatten();
            // A big site's index holds articles only: its claims are
            // listed from the matching articles' packs.
            let items = match index.0.looks_up_words() {
                true => ResultsAs::Articles,
                false => *results_as,
            };
            (index.0).run_looked_up(filters, items, looked_up.as_ref())
        },
    );
    let options = FacetOptions::build(&index.0, &outcome, &state.filters);
    let example = use_memo(index.clone(), |index| {
        crate::explore::search_example(&index.0)
    });
    use_explorer_keys(state.clone(), navigator.clone());

    let go = {
        let navigator = navigator.clone();
        move |next: ViewState, replace: bool| {
            if let Some(navigator) = &navigator {
                if replace {
                    navigator.replace(&next)
                } else {
                    navigator.push(&next)
                }
            }
        }
    };
    let on_toggle = |facet: Facet| {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |key: String| go(toggled(&state, facet, &key), false))
    };
    let on_search = {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = ViewState {
                selected: None,
                ..state.clone()
            };
            next.filters.text = input.value();
            go(next, true)
        })
    };
    let on_date = |is_from: bool| {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let mut next = ViewState {
                selected: None,
                ..state.clone()
            };
            let date = PartialDate::parse_iso(&input.value());
            if is_from {
                next.filters.from = date;
            } else {
                next.filters.to = date;
            }
            go(next, false)
        })
    };
    let on_results_as = |results_as: ResultsAs| {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |_: Event| {
            go(
                ViewState {
                    results_as,
                    selected: None,
                    ..state.clone()
                },
                false,
            )
        })
    };
    let clear_all = {
        let go = go.clone();
        Callback::from(move |_: MouseEvent| {
            go(ViewState::on(crate::view_state::Page::Explore), false)
        })
    };
    let by_article = index.0.looks_up_words() && state.results_as == ResultsAs::Claims;
    let unit = match state.results_as {
        ResultsAs::Claims if !by_article => ("claim", "claims"),
        _ => ("article", "articles"),
    };
    let mut summary = format!(
        "{} match",
        format::count(outcome.matches.len(), unit.0, unit.1)
    );
    if outcome.matches.len() == 1 {
        summary = format!("1 {} matches", unit.0);
    }
    if by_article {
        summary.push_str(BY_ARTICLE);
    }
    if outcome.undated_hidden > 0 {
        summary.push_str(&format!(
            "; {} without a publication date {} left out by the date range",
            format::count(outcome.undated_hidden, unit.0, unit.1),
            if outcome.undated_hidden == 1 {
                "is"
            } else {
                "are"
            }
        ));
    }
    let date_value = |date: Option<PartialDate>| {
        date.map(|d| d.date_only())
            .filter(|d| d.day.is_some())
            .map(|d| d.to_string())
    };
    let active = state.filters.active_count();

    html! {
        <section class="explorer" aria-labelledby="explore-title">
            <h1 id="explore-title" tabindex="-1">{ "Explore" }</h1>
            <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <label for="search-input">{ "Search articles and claims" }</label>
                <input id="search-input" type="search" autocomplete="off" spellcheck="false"
                    placeholder={(*example).clone()}
                    value={state.filters.text.clone()} oninput={on_search}
                    aria-describedby="search-help" />
                <p id="search-help" class="hint">
                    { if index.0.looks_up_words() {
                        "Words match any form (report, reports, reported). In this large collection a quoted phrase finds articles holding all its words, not only side by side; list claims for exact phrases. Keys: / search · j/k or ↑/↓ move · Enter open · Esc clear."
                    } else {
                        "Words match any form (report, reports, reported); use quotes for a phrase. Keys: / search · j/k or ↑/↓ move · Enter open · Esc clear."
                    } }
                </p>
            </form>
            <div class="explore-layout">
                <details class="facets" open=true>
                    <summary>{ if active > 0 { format!("Filters ({active} chosen)") } else { "Filters".to_string() } }</summary>
                    if active > 0 || !state.filters.text.is_empty() {
                        <button type="button" class="toggle clear-all" onclick={clear_all}>{ "Clear all filters" }</button>
                    }
                    <FacetGroup name="outlet" legend="Outlet" options={options.outlets.clone()} on_toggle={on_toggle(Facet::Outlet)} />
                    <fieldset class="facet dates">
                        <legend>{ "Published" }</legend>
                        <label for="date-from">{ "From" }</label>
                        <input id="date-from" type="date" value={date_value(state.filters.from)} onchange={on_date(true)} />
                        <label for="date-to">{ "To" }</label>
                        <input id="date-to" type="date" value={date_value(state.filters.to)} onchange={on_date(false)} />
                    </fieldset>
                    { match index.0.threads_not_loaded() {
                        None => html! {
                            <FacetGroup name="thread" legend="Event thread" options={options.threads.clone()} on_toggle={on_toggle(Facet::Thread)} visible={8} />
                        },
                        Some(count) => thread_facet_to_load(count, &thread_facet, threads_asked.clone()),
                    } }
                    <FacetGroup name="stance" legend="Stance" options={options.stances.clone()} on_toggle={on_toggle(Facet::Stance)} />
                    <FacetGroup name="source" legend="Who is the source" options={options.sources.clone()} on_toggle={on_toggle(Facet::Source)} />
                    <FacetGroup name="has" legend="Evidence" options={options.has.clone()} on_toggle={on_toggle(Facet::Has)} />
                    { for options.entities.iter().map(|(label, entity_options)| html! {
                        <FacetGroup name={format!("entity-{}", label.to_lowercase().replace(' ', "-"))} legend={*label}
                            options={entity_options.clone()} on_toggle={on_toggle(Facet::Entity)} visible={8} />
                    }) }
                </details>
                <div class="results">
                    <fieldset class="results-as">
                        <legend>{ "List results as" }</legend>
                        <input type="radio" id="as-articles" name="results-as" checked={state.results_as == ResultsAs::Articles}
                            onchange={on_results_as(ResultsAs::Articles)} />
                        <label for="as-articles">{ "Articles" }</label>
                        <input type="radio" id="as-claims" name="results-as" checked={state.results_as == ResultsAs::Claims}
                            onchange={on_results_as(ResultsAs::Claims)} />
                        <label for="as-claims">{ "Claims" }</label>

                    </fieldset>
                    { match results {
                        Some(Pending::Loading(what)) => html! {
                            <p class="result-count" role="status" aria-live="polite">{ what }</p>
                        },
                        Some(Pending::Failed(what, problem, retry)) => html! {
                            <div class="notice data-failed" role="alert">
                                <p>{ format!("Crossread could not load {what}: {problem}. Check the connection and try again.") }</p>
                                <button type="button" onclick={retry.reform(|_: MouseEvent| ())}>{ "Retry" }</button>
                            </div>
                        },
                        None => html! {
                            <>
                                <p class="result-count" role="status" aria-live="polite" aria-atomic="true">{ summary }</p>
                                <ExploreResults corpus={props.corpus.clone()} from_library={index.0.looks_up_words()}
                                    matches={outcome.matches.clone()} results_as={state.results_as}
                                    query={state.filters.text.clone()} filters={state.filters.clone()}
                                    selected={state.selected.clone()} />
                            </>
                        },
                    } }
                </div>
            </div>
        </section>
    }
}

/// What the results wait for: a data file loading (with the words to
/// show) or failed (what it is, the problem, and Retry).
enum Pending {
    Loading(&'static str),
    Failed(&'static str, String, Callback<()>),
}

impl Pending {
    /// How far data file(s) `file` have come, given what they hold and
    /// what to say while they load; None once at hand or not needed.
    fn from(file: &DataFile, (what, loading): (&'static str, &'static str)) -> Option<Pending> {
        match file {
            DataFile::Loading => Some(Pending::Loading(loading)),
            DataFile::Failed(problem, retry) => {
                Some(Pending::Failed(what, problem.clone(), retry.clone()))
            }
            DataFile::Ready(_) | DataFile::NotNeeded => None,
        }
    }
}

/// The event thread facet of a big site before its file is loaded: a
/// button that loads it (the facet lists thousands of threads there),
/// then its loading state or a failure with Retry.
fn thread_facet_to_load(count: u32, file: &DataFile, asked: UseStateHandle<bool>) -> Html {
    let threads = format::count(count as usize, "event thread", "event threads");
    let body = match file {
        DataFile::Loading => html! {
            <p class="hint" role="status">{ format!("Loading {threads}…") }</p>
        },
        DataFile::Failed(problem, retry) => html! {
            <div class="notice data-failed" role="alert">
                <p>{ format!("Crossread could not load the event threads: {problem}.") }</p>
                <button type="button" onclick={retry.reform(|_: MouseEvent| ())}>{ "Retry" }</button>
            </div>
        },
        _ => html! {
            <button type="button" class="toggle show-threads"
                onclick={Callback::from(move |_: MouseEvent| asked.set(true))}>
                { format!("Show {threads} with counts") }
            </button>
        },
    };
    html! {
        <fieldset class="facet" data-facet="thread">
            <legend>{ "Event thread" }</legend>
            { body }
        </fieldset>
    }
}

/// `/` focuses the search box; j/k and the arrow keys move between results
/// (the selection is kept in the URL); Esc clears the search, then the
/// filters. Enter follows the focused result's link.
#[hook]
fn use_explorer_keys(state: ViewState, navigator: Option<Navigator>) {
    let latest = use_mut_ref(|| (state.clone(), navigator.clone()));
    *latest.borrow_mut() = (state, navigator);
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        // Not passive: the handler calls preventDefault for the keys it owns.
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener = gloo::events::EventListener::new_with_options(
            &document,
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if event.ctrl_key() || event.meta_key() || event.alt_key() {
                    return;
                }
                let (state, navigator) = latest.borrow().clone();
                let Some(navigator) = navigator else { return };
                let in_text = event
                    .target()
                    .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                    .is_some_and(|input| {
                        matches!(input.type_().as_str(), "search" | "text" | "date")
                    });
                let key = event.key();
                match key.as_str() {
                    "/" if !in_text => {
                        event.prevent_default();
                        focus("#search-input");
                    }
                    "Escape" => {
                        let mut next = state.clone();
                        if !next.filters.text.is_empty() {
                            next.filters.text.clear();
                        } else {
                            next.filters = Filters::default();
                        }
                        next.selected = None;
                        navigator.push(&next);
                    }
                    "j" | "k" if !in_text => move_selection(&state, &navigator, key == "j", event),
                    "ArrowDown" | "ArrowUp" if !in_text || key == "ArrowDown" => {
                        move_selection(&state, &navigator, key == "ArrowDown", event)
                    }
                    _ => {}
                }
            },
        );
        move || drop(listener)
    });
}

fn result_links() -> Vec<HtmlElement> {
    let nodes = gloo::utils::document().query_selector_all(".result-list .result-link");
    let Ok(nodes) = nodes else { return Vec::new() };
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn move_selection(state: &ViewState, navigator: &Navigator, forward: bool, event: &KeyboardEvent) {
    let links = result_links();
    if links.is_empty() {
        return;
    }
    event.prevent_default();
    let current = links
        .iter()
        .position(|l| l.get_attribute("data-key") == state.selected);
    let next = match (current, forward) {
        (None, _) => 0,
        (Some(i), true) => (i + 1).min(links.len() - 1),
        (Some(i), false) => i.saturating_sub(1),
    };
    let _ = links[next].focus();
    let selected = links[next].get_attribute("data-key");
    navigator.replace(&ViewState {
        selected,
        ..state.clone()
    });
}

fn focus(selector: &str) {
    let element = gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten();
    if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}
