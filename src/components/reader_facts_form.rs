use crate::added_articles::{AddedArticles, Request};
use crate::reader_articles::ReaderFacts;
use crossread_corpus::Document;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Unique prefix for the fields' ids.
    pub id: AttrValue,
    /// The added file these facts are for.
    pub name: AttrValue,
    pub facts: ReaderFacts,
    /// The article as analysed, for what the text itself says.
    pub document: Option<&'static Document>,
}

/// Outlet, publication date and authors of one added file, as the reader
/// sets them. The placeholders show what the text itself gave.
#[function_component(ReaderFactsForm)]
pub fn reader_facts_form(props: &Props) -> Html {
    let articles = use_context::<AddedArticles>();
    let (outlet, published, authors) = (use_node_ref(), use_node_ref(), use_node_ref());
    let problem = use_state(|| None::<String>);
    let onsubmit = {
        let (outlet, published, authors) = (outlet.clone(), published.clone(), authors.clone());
        let (problem, name) = (problem.clone(), props.name.to_string());
        let request = articles.as_ref().map(|a| a.request.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let value = |node: &NodeRef| {
                node.cast::<HtmlInputElement>()
                    .map(|i| i.value())
                    .unwrap_or_default()
            };
            let facts = ReaderFacts {
                outlet: value(&outlet),
                published: value(&published),
                authors: value(&authors),
            };
            match facts.catalog_entry(&name) {
                Err(message) => problem.set(Some(message)),
                Ok(_) => {
                    problem.set(None);
                    if let Some(request) = &request {
                        request.emit(Request::SetFacts(name.clone(), facts));
                    }
                }
            }
        })
    };
    let said = |text: Option<String>| {
        text.map(|t| format!("from the text: {t}"))
            .unwrap_or_else(|| "not stated".into())
    };
    let document = props.document;
    let field = |key: &str, label: &str, node: &NodeRef, value: &str, placeholder: String| {
        let id = format!("{}-{key}", props.id);
        html! {
            <div class="fact-field">
                <label for={id.clone()}>{ label }</label>
                <input id={id} ref={node.clone()} type="text" value={value.to_string()} {placeholder} />
            </div>
        }
    };
    let error_id = format!("{}-error", props.id);
    html! {
        <form class="reader-facts" onsubmit={onsubmit} aria-label={format!("Facts for {}", props.name)}
            aria-describedby={problem.is_some().then(|| error_id.clone())}>
            { field("outlet", "Outlet", &outlet, &props.facts.outlet, said(document.and_then(|d| d.outlet.clone()))) }
            { field("published", "Published (YYYY-MM-DD)", &published, &props.facts.published, said(document.and_then(|d| d.published.map(|p| p.to_string())))) }
            { field("authors", "Authors (separate with ;)", &authors, &props.facts.authors, said(document.map(|d| d.authors.join("; ")).filter(|a| !a.is_empty()))) }
            <button type="submit" class="toggle" disabled={articles.as_ref().is_none_or(|a| a.is_busy())}>{ "Save facts" }</button>
            if let Some(message) = &*problem {
                <p id={error_id} class="import-error" role="alert">{ message }</p>
            }
        </form>
    }
}
