use crate::format;
use crossread_corpus::Document;
use yew::prelude::*;

/// Publication facts with where each came from, and catalog conflicts.
pub fn article_meta(document: &Document) -> Html {
    let source = |field: &str| {
        document
            .provenance
            .get(field)
            .map(|p| format::provenance(*p))
    };
    let row = |label: &'static str, field: &str, value: Option<String>| {
        let value = value?;
        Some(html! {
            <div class="meta-row">
                <dt>{ label }</dt>
                <dd>
                    { value }
                    if let Some(source) = source(field) {
                        <span class="provenance">{ format!(" ({source})") }</span>
                    }
                </dd>
            </div>
        })
    };
    let authors = (!document.authors.is_empty()).then(|| document.authors.join(", "));
    let rows = [
        row("Outlet", "outlet", document.outlet.clone()),
        row("Copy hosted by", "via", document.via.clone()),
        row(
            "Published",
            "published",
            document.published.as_ref().map(format::date),
        ),
        row(
            "Updated",
            "updated",
            document.updated.as_ref().map(format::date),
        ),
        row("By", "authors", authors),
        row("Address", "url", document.url.clone()),
        row("Language", "language", document.language.clone()),
    ];
    html! {
        <section class="article-meta" aria-label="Publication facts">
            <dl>{ for rows.into_iter().flatten() }</dl>
            if document.is_syndicated() {
                <p class="syndication">
                    { format!("This is {}'s reporting in a copy hosted by {}.",
                        document.outlet.as_deref().unwrap_or("the outlet"),
                        document.via.as_deref().unwrap_or_default()) }
                </p>
            }
            { for document.conflicts.iter().map(|c| html! {
                <p class="conflict" role="note">
                    { format!("The catalog gives {} as “{}”, but the text says “{}”; the catalog's value is shown.", c.field, c.catalog, c.text) }
                </p>
            }) }
            { for document.notes.iter().map(|note| html! { <p class="catalog-note">{ note }</p> }) }
        </section>
    }
}
