use crate::search::split_highlights;
use crate::time_marks::{split_times, TimeMark};
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

/// Text with its time expressions as focusable elements that show their
/// resolved date on hover and focus (style: `.time`), and some ranges
/// wrapped in `<mark>`, split where they cross an expression's edge.
/// The date in words is the element's description: `aria-describedby`
/// names the element with id `mark.id`, which the caller renders. Always
/// rendered as text.
pub fn timed_text(text: &str, times: &[TimeMark], ranges: &[Range<usize>]) -> Html {
    let spans: Vec<Range<usize>> = times.iter().map(|t| t.range.clone()).collect();
    let pieces = |pieces: Vec<(&str, bool)>| -> Html {
        pieces
            .into_iter()
            .map(|(piece, marked)| {
                let piece = piece.to_string();
                if marked {
                    html! { <mark>{ piece }</mark> }
                } else {
                    html! { <>{ piece }</> }
                }
            })
            .collect()
    };
    split_times(text, &spans, ranges)
        .into_iter()
        .map(|segment| match segment.time.and_then(|i| times.get(i)) {
            Some(mark) => html! {
                <span class="time" tabindex="0" data-date={mark.date.clone()}
                    aria-describedby={mark.id.clone()}>
                    { pieces(segment.pieces) }
                </span>
            },
            None => pieces(segment.pieces),
        })
        .collect()
}
