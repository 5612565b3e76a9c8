//! View functions (not components: each component costs the first download
//! a few KB) for a reader's own articles: the add controls, and the panels
//! the analyser worker describes (status, "Your articles").

use crate::added_articles::{AddedArticles, Request};
use crate::browser_store;
use crate::reader_articles::ReaderFacts;
use crate::view_tree;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Files a reader can add: several at once from a picker, by dropping them
/// on the page (see `hooks::use_file_drop`), or pasted text.
pub fn add_articles(articles: &AddedArticles) -> Html {
    let busy = articles.busy;
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
                request.emit(Request::Add(files));
            }
        })
    };
    let on_paste = {
        let request = articles.request.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = form_of(&event) else {
                return;
            };
            let text = view_tree::field(&form, "text");
            if !text.trim().is_empty() {
                form.reset();
                request.emit(Request::Paste(text));
            }
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
                    <textarea id="paste-text" name="text" rows="8" />
                    <button type="submit" class="toggle" disabled={busy}>{ "Add pasted text" }</button>
                </form>
            </details>
        </section>
    }
}

/// A panel the analyser worker described (the task status or "Your
/// articles"), with its buttons and forms handled here: every `data-action`
/// becomes a request.
pub fn worker_panel(articles: &AddedArticles, tree: Option<&JsValue>) -> Html {
    let Some(tree) = tree else {
        return Html::default();
    };
    let on_click = {
        let request = articles.request.clone();
        Callback::from(move |event: MouseEvent| {
            let Some((action, name, _)) = view_tree::action_of(&event) else {
                return;
            };
            request.emit(match action.as_str() {
                "cancel" => Request::Cancel,
                "dismiss" => Request::Dismiss,
                "remove" => Request::Remove(name),
                "remove-all" => Request::RemoveAll,
                "download-json" => Request::Download("json"),
                "download-tar" => Request::Download("tar"),
                _ => return,
            })
        })
    };
    let on_submit = {
        let request = articles.request.clone();
        Callback::from(move |event: SubmitEvent| {
            let Some((action, name, form)) = view_tree::action_of(&event) else {
                return;
            };
            event.prevent_default();
            if action == "set-facts" {
                let facts = ReaderFacts {
                    outlet: view_tree::field(&form, "outlet"),
                    published: view_tree::field(&form, "published"),
                    authors: view_tree::field(&form, "authors"),
                };
                request.emit(Request::SetFacts(name, facts));
            }
        })
    };
    html! {
        <div class="worker-panel" onclick={on_click} onsubmit={on_submit}>{ view_tree::render(tree) }</div>
    }
}

/// The worker's status panel and any problem the page met itself.
pub fn import_status(articles: &AddedArticles) -> Html {
    html! {
        <>
            if let Some(notice) = articles.notice.as_ref() {
                <p class="notice import-error" role="alert">{ notice }</p>
            }
            { worker_panel(articles, articles.status.as_ref()) }
        </>
    }
}

fn form_of(event: &SubmitEvent) -> Option<web_sys::HtmlFormElement> {
    event.target_dyn_into::<web_sys::HtmlFormElement>()
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
