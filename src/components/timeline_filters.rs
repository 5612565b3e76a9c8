use crate::corpus_data::CorpusRef;
use crate::explore::ResultsAs;
use crate::filters::Filters;
use crate::format;
use crate::view_state::{Page, ViewState};

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    pub filters: Filters,
    /// Claims on the timeline after the filters.
    pub shown: usize,
    /// Claims in the whole corpus (a big site's thread file holds some).
    pub total: usize,
}

/// Which explorer filters narrow the timeline, with links to change or
/// clear them.
#[function_component(TimelineFilters)]
pub fn timeline_filters(props: &Props) -> Html {
    let f = &props.filters;
    let total = props.total;
    let explorer = ViewState {
        filters: f.clone(),
        results_as: ResultsAs::Claims,
        ..ViewState::on(Page::Explore)
    };
    if f.is_empty() {
        return html! {
            <p class="timeline-filters">
                { format!("All {} of the corpus. ", format::count(total, "claim", "claims")) }
                <a href={explorer.to_hash()}>{ "Narrow them in the explorer" }</a>
                { "; its filters apply here." }
            </p>
        };
    }
    let thread_label = |id: &String| {
        props
            .corpus
            .threads
            .iter()
            .find(|t| &t.id == id)
            .map(|t| t.label.clone())
            .unwrap_or_else(|| id.clone())
    };
    let entity_name = |id: &String| {
        props
            .corpus
            .entities
            .iter()
            .find(|e| &e.id == id)
            .map(|e| e.name.clone())
            .unwrap_or_else(|| id.clone())
    };
    let mut chosen: Vec<String> = Vec::new();
    if !f.text.is_empty() {
        chosen.push(format!("search “{}”", f.text));
    }
    chosen.extend(f.outlets.iter().map(|o| format!("outlet {o}")));
    chosen.extend(
        f.threads
            .iter()
            .map(|t| format!("thread {}", thread_label(t))),
    );
    chosen.extend(
        f.entities
            .iter()
            .map(|e| format!("mentions {}", entity_name(e))),
    );
    chosen.extend(f.stances.iter().map(|s| format!("stance {}", s.as_str())));
    chosen.extend(
        f.sources
            .iter()
            .map(|s| crate::explore::source_label(*s).to_lowercase()),
    );
    if f.has_quote {
        chosen.push("has a direct quote".to_string());
    }
    if f.has_number {
        chosen.push("has a number".to_string());
    }
    if let Some(from) = &f.from {
        chosen.push(format!("published from {}", format::date(from)));
    }
    if let Some(to) = &f.to {
        chosen.push(format!("published until {}", format::date(to)));
    }
    html! {
        <div class="timeline-filters" role="status">
            <p>
                { format!("{} of {total} claims match the explorer's filters: ", props.shown) }
                <span class="chosen">{ chosen.join("; ") }</span>
                { "." }
            </p>
            <p>
                <a href={explorer.to_hash()}>{ "Change the filters in the explorer" }</a>
                { " · " }
                <a href={ViewState::on(Page::Timeline).to_hash()}>{ "Show all claims" }</a>
            </p>
        </div>
    }
}
