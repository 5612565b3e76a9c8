use crate::components::highlighted::Highlighted;
use crate::components::stance_badge::stance_badge;
use crate::corpus_data::use_data_file;
use crate::corpus_data::{embedded, explore_index, library_page, library_page_file, pack_of};
use crate::corpus_data::{CorpusRef, DataFile, Loaded};
use crate::explore::{source_label, ResultsAs};
use crate::filters::Filters;
use crate::format;
use crate::search::{tokenize, Query};
use crate::view_state::ViewState;
use crossread_corpus::{Claim, Document};
use yew::prelude::*;

/// Results shown at first; more on request.
const PAGE: usize = 50;

/// Articles whose claims a big site shows at first, and more on request:
/// each fetches its pack.
const PAGE_OF_PACKS: usize = 10;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    /// The matches are positions in the library (newest first, a chunked
    /// site's explorer index), not in `corpus`: each is shown from its
    /// page of the library.
    #[prop_or_default]
    pub from_library: bool,
    /// Indices into `corpus.documents` or `corpus.claims`.
    pub matches: Vec<usize>,
    pub results_as: ResultsAs,
    pub query: String,
    /// Every filter, the query's included: a big site's claims are
    /// checked against them in their articles' packs.
    pub filters: Filters,
    pub selected: Option<String>,
}

/// The matching articles or claims, each linking to its place in the reader.
#[function_component(ExploreResults)]
pub fn explore_results(props: &Props) -> Html {
    let page = match (props.results_as, props.from_library) {
        (ResultsAs::Claims, true) => PAGE_OF_PACKS,
        _ => PAGE,
    };
    let pages = use_state(|| 1);
    let limit = *pages * page;
    let query = Query::parse(&props.query);
    if props.matches.is_empty() {
        return html! {
            <p class="empty-state">
                { "Nothing matches. Try fewer words, a shorter phrase, or clear a filter (Esc clears the search)." }
            </p>
        };
    }
    let shown = props.matches.iter().take(limit);
    let items: Html = match props.results_as {
        ResultsAs::Articles if props.from_library => shown
            .map(|&at| {
                html! {
                    <LibraryResult key={at} {at} query={props.query.clone()} selected={props.selected.clone()} />
                }
            })
            .collect(),
        ResultsAs::Claims if props.from_library => shown
            .map(|&at| {
                html! {
                    <LibraryClaims key={at} {at} filters={props.filters.clone()} selected={props.selected.clone()} />
                }
            })
            .collect(),
        ResultsAs::Articles => shown
            .filter_map(|&i| props.corpus.documents.get(i))
            .map(|document| {
                article_result(document, &query, &props.query, props.selected.as_deref())
            })
            .collect(),
        ResultsAs::Claims => shown
            .filter_map(|&i| props.corpus.claims.get(i))
            .map(|claim| {
                let document = props.corpus.document(&claim.doc);
                claim_result(
                    claim,
                    document,
                    &query,
                    &props.query,
                    props.selected.as_deref(),
                )
            })
            .collect(),
    };
    let remaining = props.matches.len().saturating_sub(limit);
    html! {
        <>
            <ol class="result-list">{ items }</ol>
            if remaining > 0 {
                <button type="button" class="toggle" onclick={{
                    let pages = pages.clone();
                    Callback::from(move |_| pages.set(*pages + 1))
                }}>{ format!("Show {} more (of {remaining})", remaining.min(page)) }</button>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LibraryResultProps {
    /// Position in the library, newest first.
    at: usize,
    query: String,
    selected: Option<String>,
}

/// A chunked site's matching article, shown from its page of the library
/// (fetched when needed: a loading line, or a notice with Retry).
#[function_component(LibraryResult)]
fn library_result(props: &LibraryResultProps) -> Html {
    let data = use_listing(props.at);
    if let Some(pending) = pending(&data) {
        return pending;
    }
    match part_of(&data)
        .as_ref()
        .and_then(|part| part.documents.get(props.at % library_page()))
    {
        Some(document) => {
            let query = Query::parse(&props.query);
            article_result(document, &query, &props.query, props.selected.as_deref())
        }
        None => Html::default(),
    }
}

#[derive(Properties, PartialEq)]
struct LibraryClaimsProps {
    /// The article's position in the library, newest first.
    at: usize,
    filters: Filters,
    selected: Option<String>,
}

/// A chunked site's matching article, as its claims that match: the
/// facet index matched the article (each of its facets is met by some
/// claim), its pack says which claims meet them all together. Shown once
/// its page of the library and then its pack are fetched (a loading line,
/// or a notice with Retry).
#[function_component(LibraryClaims)]
fn library_claims(props: &LibraryClaimsProps) -> Html {
    let listed = use_listing(props.at);
    let at = props.at % library_page();
    let id = part_of(&listed).and_then(|part| Some(part.documents.get(at)?.id.clone()));
    let packed = use_data_file(id.as_deref().and_then(pack_of));
    let pack = match &packed {
        DataFile::Ready(Loaded::Corpus(pack)) => Some(pack.clone()),
        _ => None,
    };
    let matches = use_memo((pack.clone(), props.filters.clone()), |(pack, filters)| {
        (pack.as_ref())
            .map(|pack| explore_index(pack).run(filters, ResultsAs::Claims).matches)
            .unwrap_or_default()
    });
    if let Some(pending) = pending(&listed).or_else(|| pending(&packed)) {
        return pending;
    }
    let (Some(pack), Some(id)) = (pack, id) else {
        return Html::default();
    };
    let query = Query::parse(&props.filters.text);
    (matches.iter().filter_map(|&i| pack.claims.get(i)))
        .filter(|claim| claim.doc == id)
        .map(|claim| {
            let document = pack.document(&claim.doc);
            let selected = props.selected.as_deref();
            claim_result(claim, document, &query, &props.filters.text, selected)
        })
        .collect()
}

/// The page of a chunked site's library that lists position `at` (newest
/// first), fetched when needed: its data file as far as it has come.
#[hook]
fn use_listing(at: usize) -> DataFile {
    let page = at / library_page();
    use_data_file((page > 0).then(|| library_page_file(page)).flatten())
}

/// The corpus a library page's data file gives (the first page is the
/// library index itself).
fn part_of(data: &DataFile) -> Option<CorpusRef> {
    match data {
        DataFile::NotNeeded => embedded().ok(),
        DataFile::Ready(Loaded::Corpus(part)) => Some(part.clone()),
        _ => None,
    }
}

/// What a result shows while its data file is on its way or failed: a
/// loading line, or a notice with Retry; None once it is at hand.
fn pending(data: &DataFile) -> Option<Html> {
    match data {
        DataFile::Failed(problem, retry) => Some(html! {
            <li class="result notice" role="alert">
                { format!("This result could not be loaded: {problem}. ") }
                <button type="button" onclick={retry.reform(|_: MouseEvent| ())}>{ "Retry" }</button>
            </li>
        }),
        DataFile::Loading => Some(html! { <li class="result loading">{ "Loading…" }</li> }),
        _ => None,
    }
}

fn article_result(document: &Document, query: &Query, text: &str, selected: Option<&str>) -> Html {
    let (paragraph, snippet) = document
        .paragraphs
        .iter()
        .enumerate()
        .find(|(_, p)| !query.is_empty() && query.matches(&tokenize(p)))
        .or_else(|| {
            document
                .paragraphs
                .first()
                .map(|p| (0, p))
                .filter(|_| query.is_empty())
        })
        .map(|(i, p)| (Some(i), Some(p.clone())))
        .unwrap_or((None, document.dek.clone()));
    let target = ViewState {
        paragraph,
        filters: crate::filters::Filters {
            text: text.to_string(),
            ..Default::default()
        },
        ..ViewState::article(&document.id)
    };
    let date = document
        .published
        .as_ref()
        .map(format::date)
        .unwrap_or_else(|| "undated".to_string());
    let is_selected = selected == Some(document.id.as_str());
    html! {
        <li class={classes!("result", is_selected.then_some("selected"))}>
            <a class="result-link" data-key={document.id.clone()} href={target.to_hash()}>
                <Highlighted text={document.headline.clone()} ranges={query.highlights(&tokenize(&document.headline))} />
            </a>
            <p class="meta">{ format!("{} · {date} · {}", crate::explore::outlet_of(document), format::count(document.word_count, "word", "words")) }</p>
            if let Some(snippet) = snippet {
                <p class="snippet">
                    <Highlighted text={snippet.clone()} ranges={query.highlights(&tokenize(&snippet))} />
                </p>
            }
        </li>
    }
}

fn claim_result(
    claim: &Claim,
    document: Option<&Document>,
    query: &Query,
    text: &str,
    selected: Option<&str>,
) -> Html {
    let mut target = ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id);
    target.filters.text = text.to_string();
    let outlet = document.map(crate::explore::outlet_of).unwrap_or_default();
    let date = document
        .and_then(|d| d.published.as_ref())
        .map(format::date)
        .unwrap_or_else(|| "undated".to_string());
    let is_selected = selected == Some(claim.id.as_str());
    html! {
        <li class={classes!("result", "claim-result", is_selected.then_some("selected"))}>
            <a class="result-link" data-key={claim.id.clone()} href={target.to_hash()}>
                <Highlighted text={claim.text.clone()} ranges={query.highlights(&tokenize(&claim.text))} />
            </a>
            <p class="meta">
                { format!("{outlet} · {date} · ") }
                { stance_badge(claim.stance, claim.stance.as_str()) }
                { format!(" · {}: {}", source_label(claim.attribution_kind), claim.attribution) }
            </p>
        </li>
    }
}
