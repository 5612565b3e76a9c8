use crate::corpus_data::CorpusRef;
use crate::timeline::export::{to_csv, to_json, ExportedClaim};
use crossread_corpus::Claim;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    /// The claims in view and the undated ones listed.
    pub claims: Vec<&'static Claim>,
}

/// Buttons that save the timeline's claims as CSV or JSON, made in the
/// page: nothing is sent anywhere.
#[function_component(TimelineDownloads)]
pub fn timeline_downloads(props: &Props) -> Html {
    let save = |format: &'static str| {
        let (corpus, claims) = (props.corpus.get(), props.claims.clone());
        Callback::from(move |_: MouseEvent| {
            let rows: Vec<ExportedClaim> = claims
                .iter()
                .map(|c| ExportedClaim::new(corpus, c))
                .collect();
            let (text, mime) = match format {
                "csv" => (to_csv(&rows), "text/csv;charset=utf-8"),
                _ => (to_json(&rows), "application/json"),
            };
            crate::download::save_text(&text, mime, &format!("crossread-timeline.{format}"));
        })
    };
    let count = crate::format::count(props.claims.len(), "claim", "claims");
    html! {
        <div class="timeline-downloads" role="group" aria-label="Download">
            <button type="button" class="toggle" onclick={save("csv")}>{ format!("Download {count} as CSV") }</button>
            <button type="button" class="toggle" onclick={save("json")}>{ format!("Download {count} as JSON") }</button>
        </div>
    }
}
