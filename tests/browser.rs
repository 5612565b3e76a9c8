//! Browser unit tests: the app rendered by Yew into a real DOM in headless
//! Chromium (`cargo xtask test` runs them with wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

use crossread::components::reader::Reader;
use crossread::corpus_data::corpus;
use crossread::view_state::ViewState;
use crossread::App;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

async fn settle() {
    TimeoutFuture::new(30).await;
}

#[wasm_bindgen_test]
async fn library_shows_every_embedded_article() {
    gloo::utils::window().location().set_hash("#/").unwrap();
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    let corpus = corpus().unwrap();
    let mut shown = texts(&root, ".article-entry .headline");
    let mut expected: Vec<String> = corpus
        .documents
        .iter()
        .map(|d| d.headline.clone())
        .collect();
    shown.sort();
    expected.sort();
    assert_eq!(shown, expected);
    app.destroy();
}

#[wasm_bindgen_test]
async fn reader_follows_hash_changes_and_back_to_library() {
    let corpus = corpus().unwrap();
    let document = &corpus.documents[1];
    gloo::utils::window()
        .location()
        .set_hash(&ViewState::article(&document.id).to_hash())
        .unwrap();
    let root = fresh_root();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    assert_eq!(texts(&root, "main h1"), [document.headline.clone()]);
    assert_eq!(texts(&root, ".reader .body p"), document.paragraphs);

    gloo::utils::window().location().set_hash("#/").unwrap();
    settle().await;
    assert_eq!(texts(&root, "main h1"), ["Library"]);
    app.destroy();
}

#[wasm_bindgen_test]
async fn markup_in_an_article_is_shown_as_inert_text() {
    let text = "Council vote <img src=x onerror=alert(1)> delayed\n\nMembers said <b>no</b> to the plan on Monday.\nThe <i>mayor</i> objected.";
    let document = crossread_corpus::ingest("payload.txt", text.as_bytes(), None).unwrap();
    let document: &'static _ = Box::leak(Box::new(document));
    let root = fresh_root();
    // The markup is set aside from the article's text and listed, as text,
    // with the parts removed from the page.
    let mut state = ViewState::article("payload");
    state.show_removed = true;
    let props = yew::props!(crossread::components::reader::Props { document, state });
    let app = yew::Renderer::<Reader>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(root.query_selector_all("img, b, i").unwrap().length(), 0);
    assert_eq!(texts(&root, "h1"), ["Council vote delayed"]);
    assert!(!texts(&root, ".body p").concat().contains('<'));
    assert!(texts(&root, ".body p")[0].contains("Members said no to the plan"));
    let removed = texts(&root, ".removed-text").concat();
    assert!(
        removed.contains("<img src=x onerror=alert(1)>"),
        "{removed}"
    );
    app.destroy();
}
