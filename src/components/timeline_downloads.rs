use crate::timeline::export::{to_csv, to_json, ExportedClaim};
use crossread_corpus::{Claim, Corpus};
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: &'static Corpus,
    /// The claims in view and the undated ones listed.
    pub claims: Vec<&'static Claim>,
}

/// Buttons that save the timeline's claims as CSV or JSON, made in the
/// page: nothing is sent anywhere.
#[function_component(TimelineDownloads)]
pub fn timeline_downloads(props: &Props) -> Html {
    let save = |format: &'static str| {
        let (corpus, claims) = (props.corpus, props.claims.clone());
        Callback::from(move |_: MouseEvent| {
            let rows: Vec<ExportedClaim> = claims
                .iter()
                .map(|c| ExportedClaim::new(corpus, c))
                .collect();
            let (text, mime) = match format {
                "csv" => (to_csv(&rows), "text/csv;charset=utf-8"),
                _ => (to_json(&rows), "application/json"),
            };
            if let Err(error) = download(&text, mime, &format!("crossread-timeline.{format}")) {
                gloo::console::error!(format!("The download could not be made: {error:?}"));
            }
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

/// Saves text as a file: a Blob, an object URL and a temporary link.
fn download(text: &str, mime: &str, name: &str) -> Result<(), JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let parts = JsValue::from(vec![JsValue::from_str(text)]);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&link)?;
    link.click();
    body.remove_child(&link)?;
    web_sys::Url::revoke_object_url(&url)
}
