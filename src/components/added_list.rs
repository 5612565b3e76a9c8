use crate::added_articles::{corpus_json, AddedArticles, Request};
use crate::components::reader_facts_form::ReaderFactsForm;
use crate::download;
use crate::reader_articles::reader_catalog;
use crate::view_state::ViewState;
use crossread_corpus::bundle::seeds_archive;
use yew::prelude::*;

/// The reader's added articles: each with its facts form and a Remove
/// button, Remove all, and downloads of the merged corpus and of the added
/// texts with their catalog.
#[function_component(AddedList)]
pub fn added_list() -> Html {
    let articles = use_context::<AddedArticles>().filter(|_| cfg!(feature = "importer"));
    let Some(articles) = articles else {
        return html! {};
    };
    if articles.files.is_empty() {
        return html! {};
    }
    let busy = articles.is_busy();
    let remove = |name: String| {
        let request = articles.request.clone();
        Callback::from(move |_: MouseEvent| request.emit(Request::Remove(name.clone())))
    };
    let remove_all = {
        let request = articles.request.clone();
        Callback::from(move |_: MouseEvent| request.emit(Request::RemoveAll))
    };
    let save_corpus = {
        let files = articles.files.clone();
        Callback::from(move |_: MouseEvent| {
            let files = files.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match corpus_json(&files).await {
                    Ok(json) => {
                        download::save_text(&json, "application/json", "crossread-corpus.json")
                    }
                    Err(e) => {
                        gloo::console::error!(format!("The corpus could not be written: {e}"))
                    }
                }
            })
        })
    };
    let save_texts = {
        let files = articles.files.clone();
        Callback::from(move |_: MouseEvent| {
            let contents: Vec<(String, Vec<u8>)> = files
                .iter()
                .map(|f| (f.name.clone(), f.bytes.to_vec()))
                .collect();
            match seeds_archive("crossread-added", &contents, &reader_catalog(&files)) {
                Ok(tar) => download::save_bytes(&tar, "application/x-tar", "crossread-added.tar"),
                Err(e) => gloo::console::error!(format!("The archive could not be made: {e}")),
            }
        })
    };
    let entries = articles.files.iter().map(|file| {
        let document = articles.corpus.get().documents.iter().find(|d| d.file == file.name);
        let id = format!("facts-{}", articles.files.iter().position(|f| f.name == file.name).unwrap_or(0));
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
                <ReaderFactsForm {id} name={file.name.clone()} facts={file.facts.clone()} {document} />
                <button type="button" class="toggle" disabled={busy} onclick={remove(file.name.clone())}
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
                <button type="button" class="toggle" onclick={save_corpus}>{ "Download the analysed corpus (JSON)" }</button>
                <button type="button" class="toggle" onclick={save_texts}>{ "Download your texts and catalog (.tar)" }</button>
                <button type="button" class="toggle danger" disabled={busy} onclick={remove_all}>{ "Remove all added articles" }</button>
            </div>
        </section>
    }
}
