use crate::added_articles::AddedArticles;
use crate::components::add_articles::{add_articles, worker_panel};
use crate::format;
use crate::hooks::Navigator;
use crate::view_state::{article_page_file, ViewState};
use crossread_corpus::Document;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The corpus shown and the reader's own articles.
    pub articles: AddedArticles,
}

/// Entries listed at first (and prerendered); more on request. A big
/// corpus's library stays quick to load and to read.
pub const PAGE: usize = 100;

/// Every article in the corpus, newest first (undated ones last), [`PAGE`]
/// at a time.
#[function_component(Library)]
pub fn library(props: &Props) -> Html {
    let articles = &props.articles;
    let shown = use_state(|| PAGE);
    let documents = newest_first(&articles.corpus.get().documents);
    let hidden = documents.len().saturating_sub(*shown);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <section class="library" aria-labelledby="library-title">
            <h1 id="library-title" tabindex="-1">{ "Library" }</h1>
            <p class="lede">{ lede(documents.len(), documents.iter().filter(|d| articles.is_added(d)).count()) }</p>
            <ol class="article-list">
                { for documents.iter().take(*shown).map(|&document| html! { <LibraryEntry {document} added={articles.is_added(document)} /> }) }
            </ol>
            if hidden > 0 {
                <p class="more-articles">
                    <button type="button" onclick={more}>{ format!("Show {} more (of {hidden} not shown)", hidden.min(PAGE)) }</button>
                </p>
            }
            if cfg!(feature = "importer") {
                { add_articles(articles) }
                { worker_panel(articles, articles.list.as_ref()) }
            }
        </section>
    }
}

fn lede(total: usize, added: usize) -> String {
    let articles = format::count(total, "article", "articles");
    match added {
        0 => format!("{articles} on the same story, as each outlet told it."),
        added => format!("{articles}, {added} of them added by you."),
    }
}

/// Sorts by publication date, newest first; undated articles go last, and
/// ties keep corpus (file name) order.
pub fn newest_first(documents: &[Document]) -> Vec<&Document> {
    let mut sorted: Vec<&Document> = documents.iter().collect();
    sorted.sort_by(|a, b| match (&a.published, &b.published) {
        (Some(x), Some(y)) => y
            .first_day_number()
            .cmp(&x.first_day_number())
            .then(y.cmp(x)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    sorted
}

#[derive(Properties, PartialEq)]
struct EntryProps {
    document: &'static Document,
    /// Added by the reader in this browser.
    added: bool,
}

/// The link points at the article's prerendered page, which works without
/// JavaScript and in a new tab; a plain click stays in the app instead.
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

#[function_component(LibraryEntry)]
fn library_entry(props: &EntryProps) -> Html {
    let navigator = use_context::<Navigator>();
    let added = props.added;
    let document = props.document;
    let outlet = document
        .outlet
        .clone()
        .unwrap_or_else(|| "Unknown outlet".to_string());
    let date = document.published.as_ref().map(format::date);
    html! {
        <li class={classes!("article-entry", added.then_some("added"))} data-doc={document.id.clone()}>
            <h2 class="headline">
                <a href={article_page_file(&document.id)} onclick={open_in_app(navigator, &document.id)}>{ &document.headline }</a>
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
