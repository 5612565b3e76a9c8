//! Browser unit tests: the app rendered by Yew into a real DOM in headless
//! Chromium (`cargo xtask test` runs them with wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use crossread::added_articles::AddedArticles;
use crossread::compare::coverage;
use crossread::components::compare::Compare;
use crossread::components::compare_matrix::ROWS;
use crossread::components::library::Library;
use crossread::components::reader::{ArticleView, Reader};
use crossread::components::timeline::TimelineView;
use crossread::corpus_data::{corpus, embedded, CorpusRef};
use crossread::hooks::{use_navigation, Navigator};
use crossread::timeline::aggregate::{MARK_LIMIT, MAX_COLUMNS};
use crossread::view_state::ViewState;
use crossread::App;
use crossread_corpus::parts::LIBRARY_PAGE as PAGE;
use crossread_corpus::{Claim, Corpus, Document, Thread};
use gloo::timers::future::TimeoutFuture;
use std::collections::BTreeSet;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

async fn settle() {
    TimeoutFuture::new(30).await;
}

#[wasm_bindgen_test]
async fn library_shows_every_embedded_article() {
    gloo::utils::window().location().set_hash("#/").unwrap();
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    let corpus = corpus().unwrap();
    let mut shown = texts(&root, ".article-entry .headline");
    let mut expected: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| d.headline.clone())
        .collect();
    shown.sort();
    expected.sort();
    assert_eq!(shown, expected);
    app.destroy();
}

#[wasm_bindgen_test]
async fn reader_follows_hash_changes_and_back_to_library() {
    let corpus = corpus().unwrap();
    let document = &corpus.documents[1];
    gloo::utils::window()
        .location()
        .set_hash(&ViewState::article(&document.id).to_hash())
        .unwrap();
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    assert_eq!(
        texts(&root, "main h1"),
        std::slice::from_ref(&document.headline)
    );
    assert_eq!(texts(&root, ".reader .body p"), document.paragraphs);

    gloo::utils::window().location().set_hash("#/").unwrap();
    settle().await;
    assert_eq!(texts(&root, "main h1"), ["Library"]);
    app.destroy();
}

#[wasm_bindgen_test]
async fn markup_in_an_article_is_shown_as_inert_text() {
    let text = "Council vote <img src=x onerror=alert(1)> delayed\n\nMembers said <b>no</b> to the plan on Monday.\nThe <i>mayor</i> objected.";
    let document = crossread_corpus::ingest("payload.txt", text.as_bytes(), None).unwrap();
    let corpus = CorpusRef::new(Corpus {
        documents: vec![document],
        ..corpus().unwrap().clone()
    });
    let article = ArticleView::find(&corpus, "payload", None).unwrap();
    let root = fresh_root();
    // The markup is set aside from the article's text and listed, as text,
    // with the parts removed from the page.
    let mut state = ViewState::article("payload");
    state.show_removed = true;
    let props = yew::props!(crossread::components::reader::Props { article, state });
    let app = yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(root.query_selector_all("img, b, i").unwrap().length(), 0);
    assert_eq!(texts(&root, "h1"), ["Council vote delayed"]);
    assert!(!texts(&root, ".body p").concat().contains('<'));
    assert!(texts(&root, ".body p")[0].contains("Members said no to the plan"));
    let removed = texts(&root, ".removed-text").concat();
    assert!(
        removed.contains("<img src=x onerror=alert(1)>"),
        "{removed}"
    );
    app.destroy();
}

/// Few enough marks drawn one by one that the seeds' claims are counted.
const LOW_MARK_LIMIT: usize = 6;

#[derive(Properties, PartialEq)]
struct RoutedTimelineProps {
    corpus: CorpusRef,
    mark_limit: usize,
}

/// The timeline view as the app shows it: state from the URL hash, and a
/// navigator that writes it back.
#[function_component(RoutedTimeline)]
fn routed_timeline(props: &RoutedTimelineProps) -> Html {
    let (hash, navigator) = use_navigation("");
    let (state, _) = ViewState::from_hash(&hash);
    html! {
        <ContextProvider<Navigator> context={navigator}>
            <TimelineView corpus={props.corpus.clone()} {state} mark_limit={props.mark_limit} />
        </ContextProvider<Navigator>>
    }
}

/// Marks the seeds' timeline draws: a claim with a date in each of its
/// event threads' lanes, or in the lane of claims without one.
fn dated_claim_thread_pairs(corpus: &Corpus) -> usize {
    corpus
        .claims
        .iter()
        .filter(|c| c.event_date.is_some())
        .map(|c| c.threads.len().max(1))
        .sum()
}

fn elements(root: &Element, selector: &str) -> Vec<Element> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn number(element: &Element, attribute: &str) -> i64 {
    element
        .get_attribute(attribute)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {attribute} on {}", element.outer_html()))
}

/// Waits (up to two seconds) until the chart has counts or marks.
async fn chart_drawn(root: &Element) {
    for _ in 0..100 {
        if !elements(root, ".timeline-svg a.count, .timeline-svg a.mark").is_empty() {
            return;
        }
        TimeoutFuture::new(20).await;
    }
    panic!("the timeline chart drew neither counts nor marks");
}

#[wasm_bindgen_test]
async fn a_window_with_too_many_marks_draws_counts_that_zoom_into_claims() {
    let corpus = corpus().unwrap();
    let window = gloo::utils::window();
    window
        .location()
        .set_hash("#/timeline?lanes=expanded")
        .unwrap();
    let root = fresh_root();
    let props = RoutedTimelineProps {
        corpus: embedded().unwrap(),
        mark_limit: LOW_MARK_LIMIT,
    };
    let app = yew::Renderer::<RoutedTimeline>::with_root_and_props(root.clone(), props).render();
    chart_drawn(&root).await;

    // Every lane counts its claims per period instead of drawing them, and
    // the counts add up to every (claim, event thread) pair with a date:
    // the default window shows them all.
    assert!(elements(&root, ".timeline-svg a.mark").is_empty());
    let counts = elements(&root, ".timeline-svg a.count");
    let counted: i64 = counts.iter().map(|c| number(c, "data-count")).sum();
    let pairs = dated_claim_thread_pairs(corpus);
    assert!(pairs > LOW_MARK_LIMIT);
    assert_eq!(counted as usize, pairs);
    let lanes = elements(&root, ".timeline-svg .lane");
    for lane in &lanes {
        let label = texts(lane, ".lane-label").concat();
        let in_lane = elements(lane, "a.count");
        assert!(
            !in_lane.is_empty() && in_lane.len() <= MAX_COLUMNS,
            "{label}"
        );
        for count in in_lane {
            // Its name says how many, when and where; its text is the count.
            let name = count.get_attribute("aria-label").unwrap();
            let n = number(&count, "data-count");
            let claims = if n == 1 { "claim" } else { "claims" };
            assert!(name.starts_with(&format!("{n} {claims}, ")), "{name}");
            assert!(name.ends_with(&format!(", {label}")), "{name}");
            assert_eq!(texts(&count, "text").concat(), n.to_string());
            // A link, reached by Tab.
            assert!(count.get_attribute("href").is_some(), "{name}");
            let link: web_sys::SvgElement = count.clone().dyn_into().unwrap();
            link.focus().unwrap();
            assert_eq!(
                gloo::utils::document().active_element().as_ref(),
                Some(&count)
            );
        }
    }
    // No element per claim: the chart stays as small as its counts.
    let drawn = root.query_selector_all(".timeline-svg *").unwrap().length() as usize;
    let ceiling = 32 + 12 * lanes.len() + 3 * counts.len();
    assert!(
        drawn <= ceiling,
        "{drawn} SVG elements for {} counts",
        counts.len()
    );
    // The table lists the same counts.
    let rows: Vec<i64> = elements(&root, ".timeline-table tbody tr")
        .iter()
        .map(|r| number(r, "data-count"))
        .collect();
    assert_eq!(rows.len(), counts.len());
    assert_eq!(rows.iter().sum::<i64>(), counted);

    // Choosing the smallest count narrows the window (in the URL) until its
    // claims are drawn one by one.
    let mut chosen = None;
    for _ in 0..6 {
        let counts = elements(&root, ".timeline-svg a.count");
        let Some(count) = counts.iter().min_by_key(|c| number(c, "data-count")) else {
            break;
        };
        let lane = count.closest(".lane").unwrap().unwrap();
        let days = (
            number(count, "data-start-day"),
            number(count, "data-end-day"),
        );
        chosen = Some((
            lane.get_attribute("data-lane"),
            days,
            number(count, "data-count"),
        ));
        let href = count.get_attribute("href").unwrap();
        // A click on the link itself: the browser follows it.
        let click = web_sys::MouseEvent::new("click").unwrap();
        count.dispatch_event(&click).unwrap();
        for _ in 0..100 {
            if window.location().hash().unwrap() == href {
                break;
            }
            TimeoutFuture::new(20).await;
        }
        assert_eq!(window.location().hash().unwrap(), href);
        assert!(href.contains("view="), "{href}");
        settle().await;
        chart_drawn(&root).await;
    }
    assert!(
        elements(&root, ".timeline-svg a.count").is_empty(),
        "still counting after six steps"
    );
    let (lane, (first, last), n) = chosen.unwrap();
    let marks = elements(
        &root,
        &format!(
            ".timeline-svg .lane[data-lane='{}'] a.mark",
            lane.unwrap_or_default()
        ),
    );
    let in_period = marks
        .iter()
        .filter(|m| {
            let (start, end) = (number(m, "data-start-day"), number(m, "data-end-day"));
            start <= last && end >= first
        })
        .count();
    assert!(
        in_period as i64 >= n,
        "{in_period} marks for a count of {n}"
    );
    let all = elements(&root, ".timeline-svg a.mark").len();
    assert!(all > 0 && all <= LOW_MARK_LIMIT, "{all} marks drawn");
    app.destroy();
}

#[wasm_bindgen_test]
async fn a_corpus_with_thousands_of_claims_is_counted_at_the_app_s_limit() {
    // The seeds' claims copied until their marks pass the app's own limit.
    let seeds = corpus().unwrap();
    let copies = MARK_LIMIT / dated_claim_thread_pairs(seeds) + 1;
    let claims: Vec<Claim> = (0..copies)
        .flat_map(|n| {
            seeds.claims.iter().map(move |c| Claim {
                id: format!("{}~{n}", c.id),
                ..c.clone()
            })
        })
        .collect();
    let big = Corpus {
        claims,
        ..seeds.clone()
    };
    let marks = dated_claim_thread_pairs(&big);
    assert!(marks > MARK_LIMIT);
    gloo::utils::window()
        .location()
        .set_hash("#/timeline?lanes=expanded")
        .unwrap();
    let root = fresh_root();
    let props = RoutedTimelineProps {
        corpus: CorpusRef::new(big),
        mark_limit: MARK_LIMIT,
    };
    let app = yew::Renderer::<RoutedTimeline>::with_root_and_props(root.clone(), props).render();
    chart_drawn(&root).await;
    assert!(elements(&root, ".timeline-svg a.mark").is_empty());
    let counts = elements(&root, ".timeline-svg a.count");
    let counted: i64 = counts.iter().map(|c| number(c, "data-count")).sum();
    assert_eq!(counted as usize, marks);
    let lanes = elements(&root, ".timeline-svg .lane").len();
    let drawn = root.query_selector_all(".timeline-svg *").unwrap().length() as usize;
    assert!(
        drawn <= 32 + lanes * (12 + 3 * MAX_COLUMNS),
        "{drawn} SVG elements for {marks} marks in {lanes} lanes"
    );
    app.destroy();
}

#[derive(Properties, PartialEq)]
struct RoutedCompareProps {
    corpus: CorpusRef,
}

/// The compare view with its state from the URL hash.
#[function_component(RoutedCompare)]
fn routed_compare(props: &RoutedCompareProps) -> Html {
    let (hash, navigator) = use_navigation("");
    let (state, _) = ViewState::from_hash(&hash);
    html! {
        <ContextProvider<Navigator> context={navigator}>
            <Compare corpus={props.corpus.clone()} {state} />
        </ContextProvider<Navigator>>
    }
}

#[wasm_bindgen_test]
async fn a_matrix_of_many_threads_shows_them_fifty_at_a_time() {
    // The seeds' threads copied until more rows than shown are reported
    // by several outlets.
    let seeds = corpus().unwrap();
    let shared_per_copy = coverage(seeds, &BTreeSet::new()).split_by_reach().0.len();
    assert!(shared_per_copy > 0);
    let copies = ROWS / shared_per_copy + 2;
    let threads: Vec<Thread> = (0..copies)
        .flat_map(|n| {
            seeds.threads.iter().map(move |t| Thread {
                id: format!("{}~{n}", t.id),
                ..t.clone()
            })
        })
        .collect();
    let big = Corpus {
        threads,
        ..seeds.clone()
    };
    let matrix = coverage(&big, &BTreeSet::new());
    let (shared, single) = matrix.split_by_reach();
    let (shared, single) = (shared.len(), single.len());
    assert!(shared > ROWS, "{shared} rows reported by several outlets");
    gloo::utils::window()
        .location()
        .set_hash("#/compare")
        .unwrap();
    let root = fresh_root();
    let props = RoutedCompareProps {
        corpus: CorpusRef::new(big),
    };
    let app = yew::Renderer::<RoutedCompare>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let rows = || elements(&root, "table.coverage tr[data-thread]").len();
    assert_eq!(rows(), ROWS + single.min(ROWS));
    let more = elements(&root, "table.coverage .more-rows button");
    assert_eq!(more.len(), 1 + usize::from(single > ROWS));
    more[0].dyn_ref::<web_sys::HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(rows(), shared.min(2 * ROWS) + single.min(ROWS));
    app.destroy();
}

#[derive(Properties, PartialEq)]
struct LibraryProps {
    corpus: CorpusRef,
}

#[function_component(RoutedLibrary)]
fn routed_library(props: &LibraryProps) -> Html {
    let (_, navigator) = use_navigation("");
    html! {
        <ContextProvider<Navigator> context={navigator}>
            <Library articles={AddedArticles::site_only(props.corpus.clone())} />
        </ContextProvider<Navigator>>
    }
}

#[wasm_bindgen_test]
async fn a_big_library_lists_a_page_of_articles_and_more_on_request() {
    // The seeds' documents copied to two and a half pages.
    let seeds = corpus().unwrap();
    let total = 2 * PAGE + PAGE / 2;
    let documents: Vec<Document> = (0..total)
        .map(|n| {
            let d = &seeds.documents[n % seeds.documents.len()];
            Document {
                id: format!("{}~{n}", d.id),
                ..d.clone()
            }
        })
        .collect();
    let big = Corpus {
        documents,
        ..seeds.clone()
    };
    let root = fresh_root();
    let props = LibraryProps {
        corpus: CorpusRef::new(big),
    };
    let app = yew::Renderer::<RoutedLibrary>::with_root_and_props(root.clone(), props).render();
    settle().await;
    let entries = || elements(&root, ".article-entry").len();
    let more = || elements(&root, ".more-articles button");
    assert_eq!(entries(), PAGE);
    assert!(texts(&root, ".more-articles button")[0]
        .contains(&format!("of {} not shown", total - PAGE)));
    for expected in [2 * PAGE, total] {
        more()[0].dyn_ref::<web_sys::HtmlElement>().unwrap().click();
        settle().await;
        assert_eq!(entries(), expected);
    }
    assert!(more().is_empty());
    app.destroy();
}

#[derive(Properties, PartialEq)]
struct ViewsProps {
    corpus: CorpusRef,
}

/// Each view of the app as the URL hash asks, over the corpus given.
#[function_component(RoutedViews)]
fn routed_views(props: &ViewsProps) -> Html {
    use crossread::components::explorer::Explorer;
    use crossread::view_state::Page;
    let (hash, navigator) = use_navigation("");
    let (state, _) = ViewState::from_hash(&hash);
    let corpus = props.corpus.clone();
    let view = match &state.page {
        Page::Article { id } => match ArticleView::find(&corpus, id, state.selected.as_deref()) {
            Some(article) => html! { <Reader {article} {state} /> },
            None => html! { <p>{ "no such article" }</p> },
        },
        Page::Compare => html! { <Compare {corpus} {state} /> },
        Page::Timeline => html! { <TimelineView {corpus} {state} /> },
        Page::Explore => html! { <Explorer {corpus} {state} /> },
        Page::Library => html! { <Library articles={AddedArticles::site_only(corpus)} /> },
    };
    html! {
        <ContextProvider<Navigator> context={navigator}>{ view }</ContextProvider<Navigator>>
    }
}

/// A corpus that a reader's own articles replace is freed once the views
/// show the new one: no view keeps what it borrowed from the old one (a
/// timeline, a comparison, an alignment, an article).
#[wasm_bindgen_test]
async fn every_view_frees_the_corpus_it_no_longer_shows() {
    let seeds = corpus().unwrap();
    let thread = &seeds.threads[0];
    let (left, right) = (&seeds.documents[0].id, &seeds.documents[1].id);
    let claim = &seeds.claims[0];
    use crossread::view_state::Page;
    let on = |page: Page, change: &dyn Fn(&mut ViewState)| {
        let mut state = ViewState::on(page);
        change(&mut state);
        state.to_hash()
    };
    let views = [
        "#/".to_string(),
        ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id).to_hash(),
        on(Page::Timeline, &|_| {}),
        on(Page::Timeline, &|s| {
            s.filters.threads.insert(thread.id.clone());
        }),
        on(Page::Compare, &|_| {}),
        on(Page::Compare, &|s| s.focus = Some(thread.id.clone())),
        on(Page::Compare, &|s| {
            s.pair = Some((left.clone(), right.clone()))
        }),
        on(Page::Explore, &|s| s.filters.text = "missiles".to_string()),
    ];
    for hash in views {
        gloo::utils::window().location().set_hash(&hash).unwrap();
        let first = CorpusRef::new(seeds.clone());
        let old = first.downgrade();
        let root = fresh_root();
        let props = ViewsProps { corpus: first };
        let mut app =
            yew::Renderer::<RoutedViews>::with_root_and_props(root.clone(), props).render();
        settle().await;
        let shown = root.text_content().unwrap_or_default();
        assert!(shown.len() > 200, "{hash}: {shown}");
        assert!(old.upgrade().is_some());
        app.update(ViewsProps {
            corpus: CorpusRef::new(seeds.clone()),
        });
        settle().await;
        assert_eq!(root.text_content().unwrap_or_default(), shown, "{hash}");
        assert!(
            old.upgrade().is_none(),
            "{hash}: the replaced corpus is still held"
        );
        app.destroy();
    }
}
