use crate::compare::FigureComparison;
use crate::view_state::ViewState;
use yew::prelude::*;

/// Figures several sides (outlets or articles, named by `sides` in order)
/// give for the same counted thing, with the ones that disagree marked in
/// words.
pub fn figures_table(figures: &[FigureComparison], sides: &[String], caption: &str) -> Html {
    if figures.is_empty() {
        return html! {
            <p class="empty-state">{ "No counted thing is given a figure by more than one of them." }</p>
        };
    }
    html! {
        <div class="compare-scroll" tabindex="0" role="region" aria-label={caption.to_string()}>
            <table class="figures">
                <caption>{ caption }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ "Counted" }</th>
                        { for sides.iter().map(|side| html! { <th scope="col">{ side }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for figures.iter().map(|figure| html! {
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
