use crate::compare::Outlet;
use std::collections::BTreeSet;
use yew::prelude::*;

pub struct Props<'a> {
    /// Every outlet, oldest first.
    pub outlets: &'a [Outlet<'a>],
    pub chosen: &'a BTreeSet<String>,
    /// Called with the outlet switched on or off.
    pub on_toggle: Callback<String>,
    pub on_all: Callback<()>,
}

/// Checkboxes choosing which outlets to compare; none chosen means all.
pub fn outlet_picker(props: Props) -> Html {
    html! {
        <fieldset class="outlet-picker">
            <legend>{ "Outlets to compare (none chosen: all)" }</legend>
            <ul>
                { for props.outlets.iter().enumerate().map(|(index, outlet)| {
                    let id = format!("compare-outlet-{index}");
                    let name = outlet.name.clone();
                    let on_toggle = props.on_toggle.clone();
                    let hosts = outlet.hosts();
                    html! {
                        <li>
                            <input type="checkbox" id={id.clone()} data-value={outlet.name.clone()}
                                checked={props.chosen.contains(&outlet.name)}
                                onchange={Callback::from(move |_| on_toggle.emit(name.clone()))} />
                            <label for={id}>
                                { &outlet.name }
                                if !hosts.is_empty() {
                                    <span class="host">{ format!(" (copy via {})", hosts.join(", ")) }</span>
                                }
                            </label>
                        </li>
                    }
                }) }
            </ul>
            if !props.chosen.is_empty() {
                <button type="button" class="link-button" onclick={{
                    let on_all = props.on_all.clone();
                    Callback::from(move |_| on_all.emit(()))
                }}>{ "Compare all outlets" }</button>
            }
        </fieldset>
    }
}
