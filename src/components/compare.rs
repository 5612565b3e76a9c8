use crate::compare::{
    compare_thread, coverage, coverage_from_index, framing, index_outlets, outlets, voices,
    OutletOrder,
};
use crate::components::compare_article_picker::{self, article_picker};
use crate::components::compare_framing::headline_framing;
use crate::components::compare_matrix::CoverageTable;
use crate::components::compare_outlet_picker::{self, outlet_picker};
use crate::components::compare_pair::ArticlePair;
use crate::components::compare_thread::thread_columns;
use crate::components::compare_voices::voices_by_outlet;
use crate::corpus_data::{is_library_index, CorpusRef, ThreadsRef};
use crate::hooks::Navigator;
use crate::shared::Held;
use crate::view_state::{Page, ViewState};
use crossread_corpus::{Corpus, Document, Thread};
use std::collections::BTreeSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    pub state: ViewState,
    /// A big site's thread index, when `corpus` is not the whole analysis
    /// but the library index (the overview comes from the thread index)
    /// or a thread file (one thread's claims).
    #[prop_or_default]
    pub threads: Option<ThreadsRef>,
}

/// What the compare URL asks for, checked against the corpus.
enum Mode<'a> {
    Overview,
    Thread(&'a Thread),
    Pair(&'a Document, &'a Document),
    /// A pair not yet complete: the picker alone.
    PickPair,
}

impl<'a> Mode<'a> {
    /// The mode the URL asks for, with a notice for each id `corpus` does
    /// not know.
    fn of(corpus: &'a Corpus, state: &ViewState, notices: &mut Vec<String>) -> Mode<'a> {
        let find_doc = |id: &str| corpus.document(id);
        if let Some(id) = &state.focus {
            match corpus.threads.iter().find(|t| &t.id == id) {
                Some(thread) => Mode::Thread(thread),
                None => {
                    notices.push(format!(
                        "There is no event thread “{id}” in this corpus; here are all events instead."
                    ));
                    Mode::Overview
                }
            }
        } else if let Some((a, b)) = &state.pair {
            let unknown: Vec<&String> = [a, b]
                .into_iter()
                .filter(|id| !id.is_empty() && find_doc(id).is_none())
                .collect();
            for id in unknown {
                notices.push(format!(
                    "There is no article “{id}” in this corpus; choose another."
                ));
            }
            match (find_doc(a), find_doc(b)) {
                (Some(left), Some(right)) if left.id != right.id => Mode::Pair(left, right),
                (Some(_), Some(_)) => {
                    notices.push("Choose two different articles.".to_string());
                    Mode::PickPair
                }
                _ => Mode::PickPair,
            }
        } else {
            Mode::Overview
        }
    }
}

/// How outlets told the same story: the coverage matrix, one thread side by
/// side, or two articles sentence by sentence. All state is in the URL.
#[function_component(Compare)]
pub fn compare(props: &Props) -> Html {
    let navigator = use_context::<Navigator>();
    let corpus: &Corpus = &props.corpus;
    let state = &props.state;
    let chosen = state.filters.outlets.clone();
    let mut notices = Vec::new();
    let mode = Mode::of(corpus, state, &mut notices);

    let go = move |next: ViewState| {
        if let Some(navigator) = &navigator {
            navigator.push(&next);
        }
    };
    let on_toggle = {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |outlet: String| {
            let mut next = state.clone();
            if !next.filters.outlets.remove(&outlet) {
                next.filters.outlets.insert(outlet);
            }
            go(next)
        })
    };
    let on_all = {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |_| {
            let mut next = state.clone();
            next.filters.outlets.clear();
            go(next)
        })
    };
    let on_pair = {
        let (state, go) = (state.clone(), go.clone());
        Callback::from(move |(a, b): (String, String)| {
            go(ViewState {
                pair: Some((a, b)),
                focus: None,
                ..ViewState::on(state.page.clone())
            })
        })
    };
    let overview = {
        let mut next = ViewState::on(Page::Compare);
        next.filters.outlets = chosen.clone();
        next.to_hash()
    };
    // A big site's overview comes from its thread index.
    let index = props.threads.as_ref();
    let from_index = index.filter(|_| is_library_index(&props.corpus));
    let every_outlet = match index {
        Some(index) => index_outlets(index, &BTreeSet::new()),
        None => outlets(corpus, &BTreeSet::new()),
    };
    let picked = outlets(corpus, &chosen);
    let picker = outlet_picker(compare_outlet_picker::Props {
        outlets: &every_outlet,
        chosen: &chosen,
        on_toggle,
        on_all,
    });
    let (pair_left, pair_right) = state.pair.clone().unwrap_or_default();
    let documents: Vec<&Document> = picked.iter().flat_map(|o| o.documents.clone()).collect();
    let article_picker = article_picker(compare_article_picker::Props {
        documents: &documents,
        left: &pair_left,
        right: &pair_right,
        on_change: on_pair,
    });
    let back = html! { <p class="back"><a href={overview}>{ "← All events and outlets" }</a></p> };

    let body = match mode {
        Mode::Thread(thread) => {
            let comparison = compare_thread(corpus, thread, &chosen);
            let claims: BTreeSet<&str> = thread.claims.iter().map(String::as_str).collect();
            let docs: BTreeSet<&str> = thread.docs.iter().map(String::as_str).collect();
            let voices = voices(corpus, &comparison.outlets, Some(&claims));
            let framings = framing(&comparison.outlets, Some(&docs));
            html! {
                <>
                    { back }
                    { picker }
                    <section class="thread-comparison" aria-labelledby="thread-title" data-thread={thread.id.clone()}>
                        <h2 id="thread-title">{ &thread.label }</h2>
                        { thread_columns(&comparison) }
                    </section>
                    { voices_and_framing("Who each outlet quoted on this event", &voices, &framings) }
                    if index.is_some() {
                        <section class="article-pair" aria-labelledby="pair-title">
                            <h2 id="pair-title">{ "Article against article" }</h2>
                            { article_picker }
                        </section>
                    }
                </>
            }
        }
        Mode::Pair(left, right) => html! {
            <>
                { back }
                <section class="article-pair" aria-labelledby="pair-title">
                    <h2 id="pair-title">{ "Article against article" }</h2>
                    { article_picker }
                    <ArticlePair corpus={props.corpus.clone()} left={left.id.clone()} right={right.id.clone()} />
                </section>
            </>
        },
        Mode::PickPair => html! {
            <>
                { back }
                <section class="article-pair" aria-labelledby="pair-title">
                    <h2 id="pair-title">{ "Article against article" }</h2>
                    { article_picker }
                    <p class="hint">{ "Choose two articles to see their sentences side by side." }</p>
                </section>
            </>
        },
        Mode::Overview => {
            let order = state.outlet_order;
            let matrix = match from_index {
                Some(index) => Held::of(index, |index| {
                    coverage_from_index(index, &chosen).ordered(order)
                }),
                None => Held::of(&props.corpus, |corpus| {
                    coverage(corpus, &chosen).ordered(order)
                }),
            };
            let on_order = {
                let (state, go) = (state.clone(), go.clone());
                Callback::from(move |order: OutletOrder| {
                    go(ViewState {
                        outlet_order: order,
                        ..state.clone()
                    })
                })
            };
            let coverage_table = html! {
                <section aria-labelledby="coverage-title">
                    <h2 id="coverage-title">{ "Coverage of each event" }</h2>
                    <CoverageTable {matrix} chosen={chosen.clone()} order={state.outlet_order} {on_order} />
                </section>
            };
            if from_index.is_some() {
                return html! {
                    <section class="compare" aria-labelledby="compare-title">
                        <h1 id="compare-title" tabindex="-1">{ "Compare" }</h1>
                        { for notices.iter().map(|n| html! { <p class="notice" role="status">{ n }</p> }) }
                        { picker }
                        { coverage_table }
                        <p class="hint big-site-hint">{ BIG_SITE_OVERVIEW }</p>
                    </section>
                };
            }
            let voices = voices(corpus, &picked, None);
            let framings = framing(&picked, None);
            html! {
                <>
                    { picker }
                    { coverage_table }
                    { voices_and_framing("Who each outlet quoted", &voices, &framings) }
                    <section class="article-pair" aria-labelledby="pair-title">
                        <h2 id="pair-title">{ "Article against article" }</h2>
                        { article_picker }
                    </section>
                </>
            }
        }
    };
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <h1 id="compare-title" tabindex="-1">{ "Compare" }</h1>
            { for notices.iter().map(|n| html! { <p class="notice" role="status">{ n }</p> }) }
            { body }
        </section>
    }
}

/// What a big site's overview leaves to the thread view: it loads one
/// thread's claims, not every article's.
const BIG_SITE_OVERVIEW: &str = "Choose an event to see what each outlet said about it, whom it quoted, how it framed it, and to set two of its articles side by side.";

/// Who each outlet quoted, then headlines and framing: shown for one event
/// and for the whole corpus alike.
fn voices_and_framing(
    voices_heading: &'static str,
    voices: &[crate::compare::Voices],
    framings: &[crate::compare::Framing],
) -> Html {
    html! {
        <>
            <section aria-labelledby="voices-title">
                <h2 id="voices-title">{ voices_heading }</h2>
                { voices_by_outlet(voices) }
            </section>
            <section aria-labelledby="framing-title">
                <h2 id="framing-title">{ "Headlines and framing" }</h2>
                { headline_framing(framings) }
            </section>
        </>
    }
}
