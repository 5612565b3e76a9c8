use crate::timeline::{describe, glyph, Glyph, PlacedMark, GLYPH_RADIUS};
use crate::view_state::ViewState;
use yew::prelude::*;

/// The SVG path of a stance glyph centred on (x, y).
pub fn glyph_path(shape: Glyph, x: f64, y: f64) -> String {
    let r = GLYPH_RADIUS;
    match shape {
        Glyph::Disc => format!(
            "M{:.2} {y:.2}a{r} {r} 0 1 0 {:.2} 0a{r} {r} 0 1 0 {:.2} 0Z",
            x - r,
            2.0 * r,
            -2.0 * r
        ),
        Glyph::Arrowhead => format!(
            "M{:.2} {:.2}L{:.2} {y:.2}L{:.2} {:.2}Z",
            x - r,
            y - r,
            x + r,
            x - r,
            y + r
        ),
        Glyph::Diamond => format!(
            "M{x:.2} {:.2}L{:.2} {y:.2}L{x:.2} {:.2}L{:.2} {y:.2}Z",
            y - r,
            x + r,
            y + r,
            x - r
        ),
        Glyph::Cross => format!(
            "M{:.2} {:.2}L{:.2} {:.2}M{:.2} {:.2}L{:.2} {:.2}",
            x - r,
            y - r,
            x + r,
            y + r,
            x + r,
            y - r,
            x - r,
            y + r
        ),
        Glyph::OpenSquare => {
            let s = r - 1.0;
            format!(
                "M{:.2} {:.2}h{:.2}v{:.2}h{:.2}Z",
                x - s,
                y - s,
                2.0 * s,
                2.0 * s,
                -2.0 * s
            )
        }
    }
}

/// The CSS class of a glyph (filled, outlined or stroked).
pub fn glyph_class(shape: Glyph) -> &'static str {
    match shape {
        Glyph::Disc => "glyph disc",
        Glyph::Arrowhead => "glyph arrowhead",
        Glyph::Diamond => "glyph diamond",
        Glyph::Cross => "glyph cross",
        Glyph::OpenSquare => "glyph open-square",
    }
}

/// One claim on the chart: a link to its sentence in the reader, drawn as
/// its stance glyph (over a bar when the date is a span), with a dashed
/// line to when it was reported.
pub fn mark_view(placed: &PlacedMark, colour: usize, selected: bool) -> Html {
    let mark = placed.mark;
    let claim = mark.claim;
    let href = ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id).to_hash();
    let shape = glyph(claim.stance);
    let y = placed.y;
    let date = claim.event_date.map(|d| d.to_string()).unwrap_or_default();
    html! {
        <a key={mark.key()} {href} class={classes!("mark", format!("outlet-{colour}"), selected.then_some("selected"))}
            aria-label={describe(mark)}
            data-mark={mark.key()} data-claim={claim.id.clone()} data-thread={mark.thread.map(|t| t.id.clone()).unwrap_or_default()}
            data-date={date} data-precision={crate::timeline::precision_name(claim.event_date_precision)}
            data-start-day={mark.first_day.to_string()} data-end-day={mark.last_day.to_string()}
            data-stance={claim.stance.as_str()} data-outlet={mark.outlet.clone()}>
            if let Some(reported) = placed.reported_x {
                <line class="reported-link" x1={fmt(placed.x)} y1={fmt(y)} x2={fmt(reported)} y2={fmt(y)} />
                <line class="reported-tick" x1={fmt(reported)} y1={fmt(y - 5.0)} x2={fmt(reported)} y2={fmt(y + 5.0)} />
            }
            if mark.is_span() {
                <rect class="span" x={fmt(placed.x_start)} y={fmt(y - 3.5)}
                    width={fmt(placed.x_end - placed.x_start)} height="7" rx="2" />
            }
            if selected {
                <circle class="selection-ring" cx={fmt(placed.x)} cy={fmt(y)} r="8.5" />
            }
            <path class={glyph_class(shape)} d={glyph_path(shape, placed.x, y)} />
        </a>
    }
}

/// Coordinates to two decimals, enough for a 960-unit drawing.
pub fn fmt(value: f64) -> String {
    format!("{value:.2}")
}
