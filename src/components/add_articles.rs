//! View functions (not components: each component costs the first download
//! a few KB) for a reader's own articles: the add controls, the list of
//! added files with their facts, and the task status.

use crate::added_articles::{AddedArticles, FileRow, FileStatus, Request};
use crate::browser_store;
use crate::format;
use crate::reader_articles::{pasted_name, ReaderFacts, ReaderFile};
use crate::view_state::ViewState;
use crossread_corpus::Document;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Files a reader can add: several at once from a picker, by dropping them
/// on the page (see `hooks::use_file_drop`), or pasted text.
pub fn add_articles(articles: &AddedArticles) -> Html {
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
                request.emit(Request::Add(files));
            }
        })
    };
    let on_paste = {
        let request = articles.request.clone();
        let taken: Vec<String> = articles
            .corpus
            .documents
            .iter()
            .map(|d| d.file.clone())
            .collect();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = form_of(&event) else {
                return;
            };
            let text = field(&form, "text");
            if text.trim().is_empty() {
                return;
            }
            let taken: Vec<&str> = taken.iter().map(String::as_str).collect();
            let name = pasted_name(&text, &taken);
            form.reset();
            request.emit(Request::Paste { name, text });
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

/// The reader's added articles: each with its facts form and a Remove
/// button, Remove all, and downloads of the merged corpus and of the added
/// texts with their catalog.
pub fn added_list(articles: &AddedArticles) -> Html {
    if articles.files.is_empty() {
        return html! {};
    }
    let busy = articles.is_busy();
    let ask = |request: fn(String) -> Request, name: &str| {
        let (emit, name) = (articles.request.clone(), name.to_string());
        Callback::from(move |_: MouseEvent| emit.emit(request(name.clone())))
    };
    let entries = articles.files.iter().enumerate().map(|(index, file)| {
        let document = articles.corpus.get().documents.iter().find(|d| d.file == file.name);
        html! {
            <li class="added-entry" data-file={file.name.clone()}>
                <p class="added-heading">
                    {
                        match document {
                            Some(d) => html! { <a href={ViewState::article(&d.id).to_hash()}>{ &d.headline }</a> },
                            None => html! { <span>{ "Not in the corpus (see the message above)" }</span> },
                        }
                    }
                    <span class="file-name">{ format!(" · {}", file.name) }</span>
                </p>
                { facts_form(articles, index, file, document) }
                <button type="button" class="toggle" disabled={busy} onclick={ask(Request::Remove, &file.name)}
                    aria-label={format!("Remove {}", file.name)}>{ "Remove" }</button>
            </li>
        }
    });
    html! {
        <section class="added-articles" aria-labelledby="added-title">
            <h2 id="added-title">{ format!("Your articles ({})", articles.files.len()) }</h2>
            <p class="hint">{ "Where a text does not say who published it, when, or who wrote it, set it here: it is used as the catalog would be, marked as set by you." }</p>
            <ul class="added-list">{ for entries }</ul>
            <div class="added-actions" role="group" aria-label="Your articles">
                <button type="button" class="toggle" onclick={ask(|_| Request::Download("json"), "")}>{ "Download the analysed corpus (JSON)" }</button>
                <button type="button" class="toggle" onclick={ask(|_| Request::Download("tar"), "")}>{ "Download your texts and catalog (.tar)" }</button>
                <button type="button" class="toggle danger" disabled={busy} onclick={ask(|_| Request::RemoveAll, "")}>{ "Remove all added articles" }</button>
            </div>
        </section>
    }
}

/// Outlet, publication date and authors of one added file, as the reader
/// sets them. The placeholders show what the analysis found. The analyser
/// checks them: a date it cannot read is refused, naming the file and what
/// was typed.
fn facts_form(
    articles: &AddedArticles,
    index: usize,
    file: &ReaderFile,
    document: Option<&Document>,
) -> Html {
    let onsubmit = {
        let (request, name) = (articles.request.clone(), file.name.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(form) = form_of(&event) else {
                return;
            };
            let facts = ReaderFacts {
                outlet: field(&form, "outlet"),
                published: field(&form, "published"),
                authors: field(&form, "authors"),
            };
            request.emit(Request::SetFacts(name.clone(), facts));
        })
    };
    let field = |key: &str, label: &str, value: &str, said: Option<String>| {
        let placeholder = said.unwrap_or_else(|| "not stated".into());
        let id = format!("facts-{index}-{key}");
        html! {
            <div class="fact-field">
                <label for={id.clone()}>{ label }</label>
                <input {id} name={key.to_string()} type="text" value={value.to_string()} {placeholder} />
            </div>
        }
    };
    html! {
        <form class="reader-facts" {onsubmit} aria-label={format!("Facts for {}", file.name)}>
            { field("outlet", "Outlet", &file.facts.outlet, document.and_then(|d| d.outlet.clone())) }
            { field("published", "Published (YYYY-MM-DD)", &file.facts.published, document.and_then(|d| d.published.map(|p| p.to_string()))) }
            { field("authors", "Authors (separate with ;)", &file.facts.authors, document.map(|d| d.authors.join("; ")).filter(|a| !a.is_empty())) }
            <button type="submit" class="toggle" disabled={articles.is_busy()}>{ "Save facts" }</button>
        </form>
    }
}

/// How the current or last task on the reader's articles went, shown on
/// every page: progress per file and Cancel while it runs; what was added
/// and each file's problem afterwards.
pub fn import_status(articles: &AddedArticles) -> Html {
    let Some(task) = articles.task.as_ref() else {
        return Html::default();
    };
    let working = task.running.is_some();
    let rows = &task.rows;
    let done = rows
        .iter()
        .filter(|r| r.status != FileStatus::Waiting)
        .count();
    let added = rows
        .iter()
        .filter(|r| matches!(r.status, FileStatus::Added { .. }))
        .count();
    let mut summary = String::new();
    if !working && !rows.is_empty() {
        summary = format!("{} added", format::count(added, "article", "articles"));
        if done > added {
            summary.push_str(&format!(
                ", {} not added",
                format::count(done - added, "file", "files")
            ));
        }
        summary.push('.');
    }
    let alarming = !working && (done > added || !task.errors.is_empty());
    let (label, request): (&str, fn() -> Request) = if working {
        ("Cancel", || Request::Cancel)
    } else {
        ("Dismiss", || Request::Dismiss)
    };
    let onclick = {
        let emit = articles.request.clone();
        Callback::from(move |_: MouseEvent| emit.emit(request()))
    };
    html! {
        <section class={classes!("import-status", working.then_some("working"))} aria-labelledby="import-title" aria-busy={working.to_string()}>
            <h2 id="import-title">{ &task.title }{ if working { "…" } else { "" } }</h2>
            if working && !rows.is_empty() {
                <progress max={rows.len().to_string()} value={done.to_string()} aria-labelledby="import-title"></progress>
            }
            <div role={if alarming { "alert" } else { "status" }}>
                if !summary.is_empty() { <p>{ summary }</p> }
                <ul class="import-rows">{ for rows.iter().map(row) }</ul>
                { for task.errors.iter().map(|e| html! { <p class="import-error">{ e }</p> }) }
            </div>
            <button type="button" class="toggle" {onclick}>{ label }</button>
        </section>
    }
}

fn row(row: &FileRow) -> Html {
    let (class, text) = match &row.status {
        FileStatus::Waiting => ("waiting", "waiting"),
        FileStatus::Added { headline } => ("added", headline.as_str()),
        // Errors name their file; the row already does.
        FileStatus::Failed { message } => (
            "failed",
            message
                .strip_prefix(&format!("{}: ", row.name))
                .unwrap_or(message),
        ),
    };
    let text = if class == "added" {
        format!("added: “{text}”")
    } else {
        text.to_string()
    };
    html! {
        <li class={classes!("import-row", class)} data-file={row.name.clone()}>
            <span class="import-file">{ &row.name }</span>{ " " }<span class="import-outcome">{ text }</span>
        </li>
    }
}

fn form_of(event: &SubmitEvent) -> Option<web_sys::HtmlFormElement> {
    event.target_dyn_into::<web_sys::HtmlFormElement>()
}

/// The value of a form's field called `name` (an input or a textarea).
fn field(form: &web_sys::HtmlFormElement, name: &str) -> String {
    form.query_selector(&format!("[name={name}]"))
        .ok()
        .flatten()
        .and_then(|element| js_sys::Reflect::get(&element, &JsValue::from_str("value")).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
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
