use crate::compare::Voices;
use crate::explore::source_label;
use crate::format;
use crate::view_state::ViewState;
use yew::prelude::*;

/// Whose voice each outlet's story carries: the kinds of source its claims
/// rest on (a table), then each speaker with the words quoted.
pub fn voices_by_outlet(voices: &[Voices]) -> Html {
    let kinds: Vec<_> = crate::filters::SOURCE_KINDS.to_vec();
    html! {
        <>
            <div class="compare-scroll" tabindex="0" role="region" aria-labelledby="sources-caption">
                <table class="sources">
                    <caption id="sources-caption">{ "Claims by kind of source, per outlet" }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ "Outlet" }</th>
                            { for kinds.iter().map(|k| html! { <th scope="col">{ source_label(*k) }</th> }) }
                            <th scope="col">{ "Outlets it cites" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for voices.iter().map(|v| html! {
                            <tr data-outlet={v.outlet.clone()}>
                                <th scope="row">{ &v.outlet }</th>
                                { for v.sources.iter().map(|(_, n)| html! { <td class="number">{ n }</td> }) }
                                <td>{ if v.cited_media.is_empty() { "none".to_string() } else { v.cited_media.join(", ") } }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="voices">
                { for voices.iter().map(|v| html! {
                    <section class="outlet-voices" data-outlet={v.outlet.clone()} aria-label={format!("Quoted by {}", v.outlet)}>
                        <h3>{ format!("Quoted by {}", v.outlet) }</h3>
                        if v.speakers.is_empty() {
                            <p class="absent">{ "No direct quotes." }</p>
                        }
                        <ul class="speakers">
                            { for v.speakers.iter().map(|speaker| html! {
                                <li>
                                    <span class="speaker">{ format!("{} ({})", speaker.name, format::count(speaker.quotes.len(), "quote", "quotes")) }</span>
                                    <ul class="plain">
                                        { for speaker.quotes.iter().map(|quote| {
                                            let href = ViewState { paragraph: Some(quote.paragraph), ..ViewState::article(&quote.doc) }.to_hash();
                                            html! { <li><a class="quote" {href}>{ format!("“{}”", quote.text) }</a></li> }
                                        }) }
                                    </ul>
                                </li>
                            }) }
                        </ul>
                    </section>
                }) }
            </div>
        </>
    }
}
