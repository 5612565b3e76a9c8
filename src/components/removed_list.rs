use crossread_corpus::Removed;
use yew::prelude::*;

/// What ingestion took out of the captured page, in page order, with why.
pub fn removed_list(removed: &[Removed]) -> Html {
    html! {
        <ol class="removed-list" id="removed-list">
            { for removed.iter().map(|item| html! {
                <li>
                    <span class="reason">{ item.reason.describe() }</span>
                    <span class="removed-text">{ &item.text }</span>
                </li>
            }) }
        </ol>
    }
}
