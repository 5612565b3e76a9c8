use crate::search::split_highlights;
use std::ops::Range;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub text: AttrValue,
    /// Byte ranges to mark, sorted and not overlapping.
    pub ranges: Vec<Range<usize>>,
    #[prop_or_default]
    pub class: Classes,
}

/// Text with some ranges wrapped in `<mark>`; always rendered as text.
#[function_component(Highlighted)]
pub fn highlighted(props: &Props) -> Html {
    html! {
        <span class={props.class.clone()}>
            { for split_highlights(&props.text, &props.ranges).into_iter().map(|(piece, marked)| {
                if marked { html! { <mark>{ piece }</mark> } } else { html! { <>{ piece }</> } }
            }) }
        </span>
    }
}
