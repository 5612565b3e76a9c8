use crossread_corpus::Removed;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub removed: &'static [Removed],
}

/// What ingestion took out of the captured page, in page order, with why.
#[function_component(RemovedList)]
pub fn removed_list(props: &Props) -> Html {
    html! {
        <ol class="removed-list" id="removed-list">
            { for props.removed.iter().map(|item| html! {
                <li>
                    <span class="reason">{ item.reason.describe() }</span>
                    <span class="removed-text">{ &item.text }</span>
                </li>
            }) }
        </ol>
    }
}
