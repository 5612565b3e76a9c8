use crate::view_state::{Page, ViewState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub current: Page,
}

/// Site title and main navigation.
#[function_component(SiteHeader)]
pub fn site_header(props: &Props) -> Html {
    let library_current = (props.current == Page::Library).then_some("page");
    html! {
        <header class="site-header">
            <a class="brand" href={ViewState::library().to_hash()}>{ "Crossread" }</a>
            <nav aria-label="Main">
                <ul>
                    <li><a href={ViewState::library().to_hash()} aria-current={library_current}>{ "Library" }</a></li>
                </ul>
            </nav>
        </header>
    }
}
