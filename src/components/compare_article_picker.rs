use crate::explore::outlet_of;
use crate::format;
use crossread_corpus::Document;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

pub struct Props<'a> {
    pub documents: &'a [&'a Document],
    /// The chosen article ids (empty: none chosen).
    pub left: &'a str,
    pub right: &'a str,
    /// Called with both ids after either choice changes.
    pub on_change: Callback<(String, String)>,
}

/// Two selects choosing the articles to set side by side.
pub fn article_picker(props: Props) -> Html {
    let select = |id: &'static str, label: &'static str, is_left: bool| {
        let chosen = if is_left { props.left } else { props.right };
        let other = if is_left { props.right } else { props.left }.to_string();
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let other = other.to_string();
            on_change.emit(if is_left {
                (value, other)
            } else {
                (other, value)
            });
        });
        html! {
            <div class="article-select">
                <label for={id}>{ label }</label>
                <select {id} {onchange}>
                    <option value="" selected={chosen.is_empty()}>{ "Choose an article" }</option>
                    { for props.documents.iter().map(|d| {
                        let date = d.published.as_ref().map(format::date).unwrap_or_else(|| "undated".to_string());
                        html! {
                            <option value={d.id.clone()} selected={chosen == d.id}>
                                { format!("{} · {date}: {}", outlet_of(d), d.headline) }
                            </option>
                        }
                    }) }
                </select>
            </div>
        }
    };
    html! {
        <form class="article-picker" aria-label="Articles to set side by side"
            onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { select("pair-a", "First article", true) }
            { select("pair-b", "Second article", false) }
        </form>
    }
}
