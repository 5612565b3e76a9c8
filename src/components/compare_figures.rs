use crate::compare::FigureComparison;
use crate::view_state::ViewState;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub figures: Vec<FigureComparison<'static>>,
    /// The name of each side (an outlet or an article), in order.
    pub sides: Vec<String>,
    pub caption: AttrValue,
}

/// Figures several sides give for the same counted thing, with the ones
/// that disagree marked in words.
#[function_component(FiguresTable)]
pub fn figures_table(props: &Props) -> Html {
    if props.figures.is_empty() {
        return html! {
            <p class="empty-state">{ "No counted thing is given a figure by more than one of them." }</p>
        };
    }
    html! {
        <div class="compare-scroll" tabindex="0" role="region" aria-label={props.caption.clone()}>
            <table class="figures">
                <caption>{ props.caption.clone() }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Counted" }</th>
                        { for props.sides.iter().map(|side| html! { <th scope="col">{ side }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.figures.iter().map(|figure| html! {
                        <tr class={classes!("figure-row", figure.differ.then_some("differs"))} data-counted={figure.counted.clone()}>
                            <th scope="row">
                                { &figure.counted }
                                <span class={classes!("difference", (!figure.differ).then_some("agrees"))}>
                                    { if figure.differ { "numbers differ" } else { "same figures" } }
                                </span>
                            </th>
                            { for figure.figures.iter().map(|side| html! {
                                <td>
                                    if side.is_empty() {
                                        <span class="absent">{ "no figure" }</span>
                                    }
                                    <ul class="plain">
                                        { for side.iter().map(|(number, claim)| html! {
                                            <li>
                                                <a class="figure" href={ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id).to_hash()}>
                                                    { format!("{} {}", number.text, number.counts) }
                                                </a>
                                            </li>
                                        }) }
                                    </ul>
                                </td>
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
