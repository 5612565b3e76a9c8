use crate::compare::Framing;
use crate::components::highlighted::Highlighted;
use crate::format;
use crate::view_state::ViewState;
use yew::prelude::*;

/// Headlines and deks side by side, the words only one of them uses marked.
pub fn headline_framing(framings: &[Framing]) -> Html {
    html! {
        <>
            <p class="hint">{ "Marked words appear in no other headline or standfirst shown here." }</p>
            <ul class="framings">
                { for framings.iter().map(|f| {
                    let document = f.document;
                    let date = document.published.as_ref().map(format::date).unwrap_or_else(|| "undated".to_string());
                    html! {
                        <li class="framing" data-doc={document.id.clone()}>
                            <p class="meta">{ format!("{} · {date}", f.outlet) }</p>
                            <p class="framing-headline">
                                <a href={ViewState::article(&document.id).to_hash()}>
                                    <Highlighted text={document.headline.clone()} ranges={f.headline_terms.clone()} />
                                </a>
                            </p>
                            if let Some(dek) = &document.dek {
                                <p class="dek"><Highlighted text={dek.clone()} ranges={f.dek_terms.clone()} /></p>
                            }
                            <p class="key-terms">
                                { if f.key_terms.is_empty() {
                                    "Key terms: none of its own".to_string()
                                } else {
                                    format!("Key terms: {}", f.key_terms.join(", "))
                                } }
                            </p>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
