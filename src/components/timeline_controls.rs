use crate::format;
use crate::timeline::scale::Window;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub window: Window,
    /// Where zooming is centred (the selected mark, else the middle).
    pub anchor: f64,
    /// The window that shows every mark.
    pub whole: Window,
    pub on_window: Callback<Window>,
}

/// Zoom and pan buttons and the visible range in words.
#[function_component(TimelineControls)]
pub fn timeline_controls(props: &Props) -> Html {
    let button = |label: &'static str, name: &'static str, next: Window| {
        let on_window = props.on_window.clone();
        let disabled = next == props.window;
        html! {
            <button type="button" class="toggle" aria-label={name} title={name} {disabled}
                onclick={Callback::from(move |_| on_window.emit(next))}>{ label }</button>
        }
    };
    let (start, end) = props.window.to_dates();
    let w = props.window;
    html! {
        <div class="timeline-controls" role="group" aria-label="Visible range">
            { button("−", "Zoom out", w.zoom(2.0, props.anchor)) }
            { button("+", "Zoom in", w.zoom(0.5, props.anchor)) }
            { button("←", "Earlier", w.pan(-0.5)) }
            { button("→", "Later", w.pan(0.5)) }
            { button("Show all", "Show all marks", props.whole) }
            <p class="timeline-range" aria-live="polite">
                { format!("{} to {}", format::date(&start), format::date(&end)) }
            </p>
        </div>
    }
}
