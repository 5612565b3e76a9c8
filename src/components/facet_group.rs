use crate::explore::FacetOption;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub name: AttrValue,
    pub legend: AttrValue,
    pub options: Vec<FacetOption>,
    /// Called with the key of the value toggled.
    pub on_toggle: Callback<String>,
    /// Show this many values before a "show all" button (0: all).
    #[prop_or(0)]
    pub visible: usize,
}

/// A facet as a group of checkboxes with live counts. A value with no hits
/// stays visible, disabled, so readers see what the data holds.
#[function_component(FacetGroup)]
pub fn facet_group(props: &Props) -> Html {
    let expanded = use_state(|| false);
    let limit = if props.visible == 0 || *expanded {
        usize::MAX
    } else {
        props.visible
    };
    let shown: Vec<&FacetOption> = props
        .options
        .iter()
        .enumerate()
        .filter(|(i, o)| *i < limit || o.checked)
        .map(|(_, o)| o)
        .collect();
    let hidden = props.options.len() - shown.len();
    html! {
        <fieldset class="facet" data-facet={props.name.clone()}>
            <legend>{ props.legend.clone() }</legend>
            <ul>
                { for shown.into_iter().map(|option| {
                    let id = format!("facet-{}-{}", props.name, option.key);
                    let key = option.key.clone();
                    let on_toggle = props.on_toggle.clone();
                    let disabled = option.count == 0 && !option.checked;
                    html! {
                        <li class={classes!(disabled.then_some("empty"))}>
                            <input type="checkbox" id={id.clone()} data-value={option.key.clone()}
                                checked={option.checked} {disabled}
                                onchange={Callback::from(move |_| on_toggle.emit(key.clone()))} />
                            <label for={id}>
                                <span class="facet-label">{ &option.label }</span>
                                <span class="facet-count">{ option.count }</span>
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if hidden > 0 || (*expanded && props.visible > 0 && props.options.len() > props.visible) {
                <button type="button" class="link-button" onclick={{
                    let expanded = expanded.clone();
                    Callback::from(move |_| expanded.set(!*expanded))
                }}>
                    { if *expanded { "Show fewer".to_string() } else { format!("Show all {}", props.options.len()) } }
                </button>
            }
        </fieldset>
    }
}
