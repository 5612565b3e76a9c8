use crate::view_state::{Page, ViewState};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub current: Page,
}

/// Site title and main navigation.
#[function_component(SiteHeader)]
pub fn site_header(props: &Props) -> Html {
    let current = |page: &Page| (props.current == *page).then_some("page");
    let links = [
        (Page::Library, "Library"),
        (Page::Explore, "Explore"),
        (Page::Compare, "Compare"),
        (Page::Timeline, "Timelines"),
    ];
    html! {
        <header class="site-header">
            <a class="brand" href={ViewState::library().to_hash()}>{ "Crossread" }</a>
            <nav aria-label="Main">
                <ul>
                    { for links.into_iter().map(|(page, label)| html! {
                        <li><a href={ViewState::on(page.clone()).to_hash()} aria-current={current(&page)}>{ label }</a></li>
                    }) }
                </ul>
            </nav>
        </header>
    }
}
