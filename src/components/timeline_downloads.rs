use crate::corpus_data::CorpusRef;
use crate::timeline::export::{to_csv, to_json, ExportedClaim};
use crate::timeline::scale::Window;
use crate::timeline::TimelineRef;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    /// Its claims in `window` and the undated ones listed are saved.
    pub timeline: TimelineRef,
    pub window: Window,
}

/// Buttons that save the timeline's claims as CSV or JSON, made in the
/// page: nothing is sent anywhere.
#[function_component(TimelineDownloads)]
pub fn timeline_downloads(props: &Props) -> Html {
    let save = |format: &'static str| {
        let (corpus, timeline, window) =
            (props.corpus.clone(), props.timeline.clone(), props.window);
        Callback::from(move |_: MouseEvent| {
            let rows: Vec<ExportedClaim> = (timeline.get().claims_in(window).into_iter())
                .map(|c| ExportedClaim::new(&corpus, c))
                .collect();
            let (text, mime) = match format {
                "csv" => (to_csv(&rows), "text/csv;charset=utf-8"),
                _ => (to_json(&rows), "application/json"),
            };
            crate::download::save_text(&text, mime, &format!("crossread-timeline.{format}"));
        })
    };
    let claims = props.timeline.get().claims_in(props.window).len();
    let count = crate::format::count(claims, "claim", "claims");
    html! {
        <div class="timeline-downloads" role="group" aria-label="Download">
            <button type="button" class="toggle" onclick={save("csv")}>{ format!("Download {count} as CSV") }</button>
            <button type="button" class="toggle" onclick={save("json")}>{ format!("Download {count} as JSON") }</button>
        </div>
    }
}
