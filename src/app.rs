//! The root component: reads the view state from the URL and shows a page.

#[cfg(feature = "importer")]
use crate::added_articles::use_added_articles;
use crate::added_articles::{AddedArticles, Request};
use crate::components::add_articles::import_status;
use crate::components::compare::Compare;
use crate::components::explorer::Explorer;
use crate::components::library::Library;
use crate::components::reader::{ArticleView, Reader};
use crate::components::site_header::SiteHeader;
use crate::components::timeline::TimelineView;
use crate::corpus_data::{
    embedded, pack_of, use_data_files, CorpusRef, DataFile, IndexRef, Loaded, ThreadsRef,
};
use crate::hooks::{use_file_drop, use_navigation, Navigator};
use crate::shared::Held;
use crate::view_state::{Page, ViewState};
use crossread_corpus::parts;
use yew::prelude::*;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The view a prerendered page shows (`#/article/<id>`), used while the
    /// URL has no hash; empty for the library.
    #[prop_or_default]
    pub route: AttrValue,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The embedded corpus decodes the same way on every render, so this
    // early return never changes the order of the hooks below.
    let embedded = match embedded() {
        Ok(corpus) => corpus,
        Err(message) => {
            return html! {
                <main id="main"><h1>{ "Crossread cannot start" }</h1><p role="alert">{ message }</p></main>
            }
        }
    };
    let (hash, navigator) = use_navigation(&props.route);
    #[cfg(feature = "importer")]
    let articles = use_added_articles(embedded);
    #[cfg(not(feature = "importer"))]
    let articles = AddedArticles::site_only(embedded);
    {
        let request = articles.request.clone();
        use_file_drop(Callback::from(move |files: Vec<web_sys::File>| {
            request.emit(Request::Add(files))
        }));
    }
    let first_render = use_mut_ref(|| true);
    let mut view = resolve(&articles, &hash);
    let needed = missing_files(&articles, &view.state);
    let what = data_wanted(needed.first().map(String::as_str), &view.state.page);
    // Compare and timeline tell the library index or a thread file from
    // the whole analysis by the thread index beside it.
    let thread_data = (needed.first().map(|name| parts::kind_of(name)))
        .is_some_and(|kind| kind == parts::THREADS || kind == parts::THREAD);
    let data = use_data_files(needed.clone());
    // Arriving data changes the view as a page change does.
    let settled = !matches!(data, DataFile::Loading | DataFile::Failed(..));
    use_effect_with((view.state.page.clone(), settled), move |_| {
        // A fresh load keeps the browser's own focus; later page changes
        // move focus to the new heading, as a page load would.
        if !std::mem::replace(&mut *first_render.borrow_mut(), false) {
            focus_main_heading();
        }
    });
    match &data {
        DataFile::Ready(Loaded::Corpus(part)) => {
            // Several threads' files are shown as one corpus.
            view.corpus = crate::corpus_data::merged_parts(&needed).unwrap_or(part.clone());
            if let Page::Article { id } = &view.state.page {
                view.article = ArticleView::find(part, id, view.state.selected.as_deref());
            }
        }
        DataFile::Ready(Loaded::Explorer(index)) => view.index = Some(index.clone()),
        _ => {}
    }
    if thread_data {
        view.threads = crate::corpus_data::threads_index();
    }
    if let (Page::Article { id }, true) = (&view.state.page, view.article.is_none() && settled) {
        // No pack of a chunked site holds it, or the one its id names
        // does not.
        view.not_found(id.clone(), articles.busy);
    }
    let body = if settled {
        page_body(&view, &articles)
    } else {
        data_status(&data, what)
    };
    let status = if cfg!(feature = "importer") {
        import_status(&articles)
    } else {
        Html::default()
    };
    html! {
        <ContextProvider<Navigator> context={navigator}>
            <SiteHeader current={view.state.page.clone()} />
            <main id="main" tabindex="-1">
                { status }
                { for view.notices.iter().map(|notice| html! { <p class="notice" role="status">{ notice }</p> }) }
                { body }
            </main>
            <footer class="site-footer">
                <p>{ "Crossread · the site's articles were analysed when it was built, yours in this page; nothing you do here leaves your browser." }</p>
            </footer>
        </ContextProvider<Navigator>>
    }
}

/// The view of a page whose data is at hand.
fn page_body(view: &ResolvedView, articles: &AddedArticles) -> Html {
    let state = view.state.clone();
    let corpus = view.corpus.clone();
    match (&view.state.page, &view.article) {
        (Page::Article { .. }, Some(article)) => {
            html! { <Reader article={article.clone()} {state} /> }
        }
        (Page::Explore, _) => {
            html! { <Explorer {corpus} index={view.index.clone()} {state} /> }
        }
        (Page::Compare, _) => {
            html! { <Compare {corpus} threads={view.threads.clone()} {state} /> }
        }
        (Page::Timeline, _) => {
            html! { <TimelineView {corpus} threads={view.threads.clone()} {state} /> }
        }
        _ => html! { <Library articles={articles.clone()} /> },
    }
}

/// The data files a view needs and the app has not got: in a chunked
/// site, an article's pack; the explorer's index (for its articles, and
/// its claims listed from their articles' packs); the thread index for
/// compare's overview and the timeline's counts; the files of the threads
/// compared, or chosen on the timeline (whatever the other filters); the
/// packs of two articles compared (unless the whole corpus is at hand
/// already in each case); or the whole corpus for the views that use
/// every claim. None once a reader's own articles were analysed with the
/// site's (the analyser worker then gives the whole corpus).
fn missing_files(articles: &AddedArticles, state: &ViewState) -> Vec<String> {
    use crate::corpus_data::{facets_name, full_name, loaded, threads_name};
    if !crate::corpus_data::is_library_index(&articles.corpus) {
        return Vec::new();
    }
    let full_at_hand = full_name().filter(|full| loaded(full).is_some());
    let filters = &state.filters;
    let file = match &state.page {
        Page::Article { id } => crate::corpus_data::file_for_article(id),
        // Claims too: a big site lists them article by article, from the
        // packs of the articles its facet index matches.
        Page::Explore => full_at_hand.or_else(facets_name),
        Page::Compare | Page::Timeline if full_at_hand.is_some() => full_at_hand,
        Page::Compare if state.pair.is_some() => {
            return pair_packs(state).unwrap_or_else(|| full_name().into_iter().collect())
        }
        Page::Compare if state.pair.is_none() => {
            // A thread the index does not know: the overview says so.
            let thread = state.focus.iter();
            return thread_files(thread).unwrap_or_else(|| threads_name().into_iter().collect());
        }
        Page::Timeline if crate::timeline::counts_from_index(filters) => threads_name(),
        // The threads' own files hold every claim a timeline of them
        // can show, whatever the other filters.
        Page::Timeline if !filters.threads.is_empty() => {
            return thread_files(filters.threads.iter())
                .unwrap_or_else(|| full_name().into_iter().collect());
        }
        Page::Compare | Page::Timeline => full_name(),
        Page::Library => None,
    };
    file.into_iter().collect()
}

/// The packs of the two articles compared sentence by sentence (one if
/// they share it); None unless both are chosen.
fn pair_packs(state: &ViewState) -> Option<Vec<String>> {
    let (a, b) = state.pair.as_ref()?;
    let pack = |id: &String| {
        Some(id)
            .filter(|id| !id.is_empty())
            .and_then(|id| pack_of(id))
    };
    let mut packs = vec![pack(a)?, pack(b)?];
    packs.dedup();
    Some(packs)
}

/// The thread index while it is not loaded, then the files that hold
/// `threads` (none: the index itself); None if the index does not know
/// one of them.
fn thread_files<'a>(threads: impl Iterator<Item = &'a String>) -> Option<Vec<String>> {
    let index_name = crate::corpus_data::threads_name()?;
    let Some(index) = crate::corpus_data::threads_index() else {
        return Some(vec![index_name]);
    };
    let files = threads
        .map(|id| Some(index.thread(id)?.file_name()))
        .collect::<Option<std::collections::BTreeSet<String>>>()?;
    if files.is_empty() {
        return Some(vec![index_name]);
    }
    Some(files.into_iter().collect())
}

/// What the data file `name` holds, as a loading notice names it.
fn data_wanted(name: Option<&str>, page: &Page) -> &'static str {
    match (page, name.map(parts::kind_of)) {
        (Page::Article { .. }, _) => "this article",
        (_, Some(parts::FACETS)) => "the explorer's index",
        (_, Some(parts::THREADS)) => "the event threads",
        (_, Some(parts::THREAD)) => "this event thread's claims",
        _ => "the analysis of every article",
    }
}

/// A data file on its way, or one that failed with a Retry button.
fn data_status(data: &DataFile, what: &str) -> Html {
    match data {
        DataFile::Failed(problem, retry) => {
            let retry = retry.reform(|_: MouseEvent| ());
            // A file that arrived but cannot be read will not mend itself.
            let advice = if problem.contains("could not be fetched") {
                "Check the connection and try again."
            } else {
                "The site may be half-published; try again later."
            };
            html! {
                <div class="notice data-failed" role="alert">
                    <h1 tabindex="-1">{ format!("Crossread could not load {what}") }</h1>
                    <p>{ format!("{problem}. {advice}") }</p>
                    <button type="button" onclick={retry}>{ "Retry" }</button>
                </div>
            }
        }
        _ => html! {
            <div class="data-loading" role="status">
                <h1 tabindex="-1">{ format!("Loading {what}…") }</h1>
            </div>
        },
    }
}

/// The view a URL asks for, checked against the corpus.
struct ResolvedView {
    corpus: CorpusRef,
    /// A chunked site's explorer index, when the explorer shows it.
    index: Option<IndexRef>,
    /// A chunked site's thread index, when compare or the timeline shows
    /// it or a thread's file.
    threads: Option<ThreadsRef>,
    state: ViewState,
    /// The article the reader shows, once found.
    article: Option<Held<ArticleView<'static>>>,
    notices: Vec<String>,
}

fn resolve(articles: &AddedArticles, hash: &str) -> ResolvedView {
    let corpus = articles.corpus.clone();
    let (state, repair) = ViewState::from_hash(hash);
    let notices: Vec<String> = repair.map(|r| r.0).into_iter().collect();
    let mut view = ResolvedView {
        corpus: corpus.clone(),
        index: None,
        threads: None,
        state: state.clone(),
        article: None,
        notices,
    };
    if let Page::Article { id } = &state.page {
        view.article = ArticleView::find(&corpus, id, state.selected.as_deref());
        // A chunked site's library index lists its newest articles only:
        // the article's pack says whether it exists (see `missing_file`).
        if view.article.is_none() && !crate::corpus_data::is_library_index(&corpus) {
            view.not_found(id.clone(), articles.busy);
        }
    }
    view
}

impl ResolvedView {
    /// The URL names an article the corpus does not hold: the library,
    /// with a notice (none while a reader's own articles are analysed
    /// again after a reload: theirs are not there yet).
    fn not_found(&mut self, id: String, busy: bool) {
        if !busy {
            self.notices.push(format!(
                "There is no article “{id}” in this corpus; here is the library instead."
            ));
        }
        self.state = ViewState::library();
        self.article = None;
    }
}

/// Moves keyboard and screen-reader focus to the new page's heading.
fn focus_main_heading() {
    use wasm_bindgen::JsCast;
    let heading = gloo::utils::document()
        .query_selector("main h1")
        .ok()
        .flatten();
    if let Some(heading) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = heading.focus();
    }
}
