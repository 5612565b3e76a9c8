use crate::added_articles::{AddedArticles, Candidate, Request};
use crate::browser_store;
use crate::reader_articles::pasted_name;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Files a reader can add: several at once from a picker, by dropping them
/// on the page (see `hooks::use_file_drop`), or pasted text.
#[function_component(AddArticles)]
pub fn add_articles() -> Html {
    let articles = use_context::<AddedArticles>().filter(|_| cfg!(feature = "importer"));
    let Some(articles) = articles else {
        return html! {};
    };
    let pasted = use_node_ref();
    let busy = articles.is_busy();
    let on_pick = {
        let request = articles.request.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let files = input
                .files()
                .map(|list| files_of(&list))
                .unwrap_or_default();
            // Cleared, so choosing the same file again is a new change.
            input.set_value("");
            if !files.is_empty() {
                request.emit(Request::Add(
                    files.into_iter().map(Candidate::File).collect(),
                ));
            }
        })
    };
    let on_paste = {
        let (request, pasted) = (articles.request.clone(), pasted.clone());
        let taken: Vec<String> = articles
            .corpus
            .documents
            .iter()
            .map(|d| d.file.clone())
            .collect();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(area) = pasted.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let text = area.value();
            if text.trim().is_empty() {
                return;
            }
            let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            let name = pasted_name(&text, &taken);
            area.set_value("");
            request.emit(Request::Add(vec![Candidate::Pasted { name, text }]));
        })
    };
    html! {
        <section class="add-articles" aria-labelledby="add-title">
            <h2 id="add-title">{ "Add your own articles" }</h2>
            <p class="hint">
                { "Plain text (.txt), Markdown (.md) or web pages saved from a browser (.html, .htm), up to 2 MiB each. They are analysed here, in this page, with the rest of the library; nothing is uploaded. " }
                { format!("They stay in this browser's storage (IndexedDB database “{}”, on this device only) until you remove them.", browser_store::DATABASE) }
            </p>
            <div class="add-controls">
                <label class="file-button" for="add-files">{ "Choose files…" }</label>
                <input id="add-files" class="visually-hidden" type="file" multiple=true disabled={busy}
                    accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html" onchange={on_pick} />
                <span class="hint">{ "or drop files anywhere on this page." }</span>
            </div>
            <details class="paste">
                <summary>{ "Paste a text" }</summary>
                <form onsubmit={on_paste}>
                    <label for="paste-text">{ "Article text (headline on the first line)" }</label>
                    <textarea id="paste-text" ref={pasted} rows="8" />
                    <button type="submit" class="toggle" disabled={busy}>{ "Add pasted text" }</button>
                </form>
            </details>
        </section>
    }
}

/// The files of a picker or a drop.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads `files` off a drop event.
pub fn dropped_files(event: &web_sys::DragEvent) -> Vec<web_sys::File> {
    event
        .data_transfer()
        .and_then(|transfer| transfer.files())
        .map(|list| files_of(&list))
        .unwrap_or_default()
}

/// Whether a drag carries files (not text or a link from the page).
pub fn drags_files(event: &web_sys::Event) -> bool {
    event
        .dyn_ref::<web_sys::DragEvent>()
        .and_then(|e| e.data_transfer())
        .map(|transfer| {
            transfer
                .types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}
