use crate::components::timeline_mark::{glyph_class, glyph_path};
use crate::filters::STANCES;
use crate::timeline::{glyph, OutletPalette};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub palette: Rc<OutletPalette>,
}

/// What the colours (outlets) and shapes (stances) mean.
#[function_component(TimelineLegend)]
pub fn timeline_legend(props: &Props) -> Html {
    let swatch = |class: String, path: String, shape: &'static str| {
        html! {
            <svg class={classes!("swatch", class)} viewBox="0 0 14 14" width="14" height="14" aria-hidden="true">
                <path class={shape} d={path} />
            </svg>
        }
    };
    html! {
        <div class="timeline-legend">
            <ul aria-label="Outlet colours">
                { for props.palette.outlets().iter().map(|outlet| html! {
                    <li>
                        { swatch(format!("outlet-{}", props.palette.colour(outlet)), glyph_path(crate::timeline::Glyph::Disc, 7.0, 7.0), "glyph disc") }
                        { outlet }
                    </li>
                }) }
            </ul>
            <ul aria-label="Stance shapes">
                { for STANCES.iter().map(|stance| {
                    let shape = glyph(*stance);
                    html! {
                        <li>
                            { swatch("stance-key".to_string(), glyph_path(shape, 7.0, 7.0), glyph_class(shape)) }
                            { stance.as_str() }
                        </li>
                    }
                }) }
                <li>
                    <svg class="swatch stance-key" viewBox="0 0 28 14" width="28" height="14" aria-hidden="true">
                        <rect class="span" x="1" y="3.5" width="26" height="7" rx="2" />
                    </svg>
                    { "date known to the week, month, season or year" }
                </li>
                <li>
                    <svg class="swatch stance-key" viewBox="0 0 28 14" width="28" height="14" aria-hidden="true">
                        <line class="reported-link" x1="2" y1="7" x2="26" y2="7" />
                        <line class="reported-tick" x1="26" y1="2" x2="26" y2="12" />
                    </svg>
                    { "when it was reported, if later or earlier" }
                </li>
            </ul>
        </div>
    }
}
