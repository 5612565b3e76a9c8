use crate::added_articles::AddedArticles;
use crate::components::add_articles::{add_articles, worker_panel};
use crate::corpus_data::{
    is_library_index, library_page, library_pages, loaded, prerendered_articles, use_data_file,
    CorpusRef, DataFile,
};
use crate::format;
use crate::hooks::Navigator;
use crate::view_state::{article_page_file, ViewState};
use crossread_corpus::{newest_first, Document};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The corpus shown and the reader's own articles.
    pub articles: AddedArticles,
}

/// Every article in the corpus, newest first (undated ones last), a page
/// at a time ([`library_page`]); a chunked site fetches each page after
/// the first when the reader asks for it.
#[function_component(Library)]
pub fn library(props: &Props) -> Html {
    let articles = &props.articles;
    let page = library_page();
    let shown = use_state(|| page);
    let navigator = use_context::<Navigator>();
    let pages = LoadedPages::of(&articles.corpus, *shown, page);
    let listing = Listing::of(&articles.corpus, &pages);
    let data = use_data_file(listing.missing.clone());
    let hidden = listing.total.saturating_sub((*shown).min(listing.total));
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + page))
    };
    let added = listing
        .documents
        .iter()
        .filter(|d| articles.is_added(d))
        .count();
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title" tabindex="-1">{ "Library" }</h1>
            <p class="lede">{ lede(listing.total, added) }</p>
            <ol class="article-list">
                { for listing.entries(*shown, articles).map(|(document, added, page)| library_entry(document, added, page, navigator.clone())) }
            </ol>
            {
                match data {
                    DataFile::Loading => html! {
                        <p class="more-articles" role="status">{ "Loading more articles…" }</p>
                    },
                    DataFile::Failed(problem, retry) => html! {
                        <div class="notice data-failed" role="alert">
                            <p>{ format!("Crossread could not load more articles: {problem}.") }</p>
                            <button type="button" onclick={retry.reform(|_: MouseEvent| ())}>{ "Retry" }</button>
                        </div>
                    },
                    _ if hidden > 0 => html! {
                        <p class="more-articles">
                            <button type="button" onclick={more}>{ format!("Show {} more (of {hidden} not shown)", hidden.min(page)) }</button>
                        </p>
                    },
                    _ => Html::default(),
                }
            }
            if cfg!(feature = "importer") {
                { add_articles(articles) }
                { worker_panel(articles, articles.list.as_ref()) }
            }
        </section>
    }
}

/// A chunked site's library pages after the first (which its library
/// index holds) that list `wanted` entries, as far as they are loaded.
#[derive(Default)]
struct LoadedPages {
    pages: Vec<CorpusRef>,
    /// Articles in the whole corpus.
    total: usize,
    /// The next page needed, not loaded.
    missing: Option<String>,
}

impl LoadedPages {
    /// None loaded or needed unless `corpus` is a chunked site's library
    /// index.
    fn of(corpus: &CorpusRef, wanted: usize, page: usize) -> Option<LoadedPages> {
        let (total, files) = is_library_index(corpus).then(library_pages).flatten()?;
        let mut loaded_pages = LoadedPages {
            total,
            ..LoadedPages::default()
        };
        for file in files.iter().take(wanted.div_ceil(page).saturating_sub(1)) {
            match loaded(file) {
                Some(part) => loaded_pages.pages.push(part),
                None => {
                    loaded_pages.missing = Some(file.clone());
                    break;
                }
            }
        }
        Some(loaded_pages)
    }
}

/// What the library can list: the corpus's documents newest first, or,
/// for a chunked site's library index, its pages loaded so far.
struct Listing<'a> {
    documents: Vec<&'a Document>,
    /// Articles in the whole corpus.
    total: usize,
    /// The next library page needed to list `wanted` entries, not loaded.
    missing: Option<String>,
}

impl<'a> Listing<'a> {
    /// The first `shown` entries: each document, whether the reader added
    /// it, and whether it has a prerendered page (the site's newest
    /// [`prerendered_articles`] do; a reader's own never).
    fn entries<'s>(
        &'s self,
        shown: usize,
        articles: &'s AddedArticles,
    ) -> impl Iterator<Item = (&'a Document, bool, bool)> + 's {
        let prerendered = prerendered_articles();
        let mut site_articles = 0;
        self.documents.iter().take(shown).map(move |&document| {
            let added = articles.is_added(document);
            let page = !added && site_articles < prerendered;
            site_articles += usize::from(!added);
            (document, added, page)
        })
    }

    fn of(corpus: &'a CorpusRef, pages: &'a Option<LoadedPages>) -> Listing<'a> {
        let Some(pages) = pages else {
            let documents = newest_first(&corpus.documents);
            return Listing {
                total: documents.len(),
                documents,
                missing: None,
            };
        };
        // The index holds the first page, already newest first.
        let documents = (corpus.documents.iter())
            .chain(pages.pages.iter().flat_map(|part| &part.documents))
            .collect();
        Listing {
            documents,
            total: pages.total,
            missing: pages.missing.clone(),
        }
    }
}

fn lede(total: usize, added: usize) -> String {
    let articles = format::count(total, "article", "articles");
    match added {
        0 => format!("{articles} on the same story, as each outlet told it."),
        added => format!("{articles}, {added} of them added by you."),
    }
}

/// The link points at the article's prerendered page, which works without
/// JavaScript and in a new tab (or, for an article without one, at its
/// view in the app); a plain click stays in the app.
fn open_in_app(navigator: Option<Navigator>, id: &str) -> Callback<MouseEvent> {
    let target = ViewState::article(id);
    Callback::from(move |event: MouseEvent| {
        let modified = event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || event.alt_key()
            || event.button() != 0;
        if let (Some(navigator), false) = (&navigator, modified) {
            event.prevent_default();
            navigator.push(&target);
        }
    })
}

/// The article's prerendered page if it has one, else its view in the app.
fn article_link(document: &Document, page: bool) -> String {
    if page {
        article_page_file(&document.id)
    } else {
        format!("index.html{}", ViewState::article(&document.id).to_hash())
    }
}

/// One article of the list: `added` by the reader, with a prerendered
/// `page` to link to or not.
fn library_entry(
    document: &Document,
    added: bool,
    page: bool,
    navigator: Option<Navigator>,
) -> Html {
    let outlet = document
        .outlet
        .clone()
        .unwrap_or_else(|| "Unknown outlet".to_string());
    let date = document.published.as_ref().map(format::date);
    html! {
        <li class={classes!("article-entry", added.then_some("added"))} data-doc={document.id.clone()}>
            <h2 class="headline">
                <a href={article_link(document, page)} onclick={open_in_app(navigator, &document.id)}>{ &document.headline }</a>
            </h2>
            <p class="meta">
                <span class="outlet">{ outlet }</span>
                { " · " }
                {
                    match date {
                        Some(date) => html! { <time datetime={document.published.map(|d| d.to_string())}>{ date }</time> },
                        None => html! { <span class="undated">{ "undated" }</span> },
                    }
                }
                { " · " }
                <span class="words">{ format::count(document.word_count, "word", "words") }</span>
            </p>
            if added {
                <p class="added-mark">{ "Added by you" }</p>
            }
            if let Some(via) = &document.via {
                <p class="syndication">{ format!("Syndicated copy, hosted by {via}") }</p>
            }
        </li>
    }
}
