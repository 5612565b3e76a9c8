use crate::compare::{Difference, ThreadComparison, ALIGNED_CLAIMS};
use crate::components::compare_claim::claim_card;
use crate::components::compare_figures::figures_table;
use crate::format;
use yew::prelude::*;

/// One event thread side by side: a column per outlet, claims that say the
/// same thing on one row, differences named in words.
pub fn thread_columns(comparison: &ThreadComparison) -> Html {
    let thread = comparison.thread;
    let dates = match (&thread.first_date, &thread.last_date) {
        (Some(a), Some(b)) if a != b => {
            format!(", events dated {} to {}", format::date(a), format::date(b))
        }
        (Some(a), _) => format!(", events dated {}", format::date(a)),
        _ => String::new(),
    };
    let names: Vec<String> = comparison.outlets.iter().map(|o| o.name.clone()).collect();
    if comparison.outlets.is_empty() {
        return html! {
            <p class="empty-state">{ "None of the chosen outlets reported this event. Choose other outlets above." }</p>
        };
    }
    html! {
        <>
            <p class="lede">
                { format!("{} reported by {}{dates}.",
                    format::count(comparison.rows.iter().map(|r| r.claims.iter().flatten().count()).sum(), "claim", "claims"),
                    format::count(comparison.outlets.len(), "outlet", "outlets")) }
            </p>
            if comparison.left_out > 0 {
                <p class="hint thread-left-out">{ format!(
                    "Side by side, at most {ALIGNED_CLAIMS} claims are aligned: those of each outlet's newest articles, in turn. {} from older articles {} left out; choose fewer outlets above to see more of each.",
                    format::count(comparison.left_out, "claim", "claims"),
                    if comparison.left_out == 1 { "is" } else { "are" }
                ) }</p>
            }
            <div class="aligned-head" aria-hidden="true">
                { for comparison.outlets.iter().map(|outlet| html! { <p>{ outlet_title(&outlet.name, &outlet.hosts()) }</p> }) }
            </div>
            <ol class="aligned-rows" aria-label="Claims aligned across outlets">
                { for comparison.rows.iter().map(|row| {
                    let shared = row.claims.iter().flatten().count();
                    html! {
                        <li class="aligned-row" data-outlets={shared.to_string()}>
                            <p class="differences">
                                if shared > 1 {
                                    <span class="agreement">{ format!("told by {}", format::count(shared, "outlet", "outlets")) }</span>
                                }
                                { for row.differences.iter().map(|d| html! { <span class="difference">{ describe(d) }</span> }) }
                            </p>
                            <div class="aligned-cells">
                                { for comparison.outlets.iter().zip(&row.claims).map(|(outlet, claim)| html! {
                                    <div class={classes!("aligned-cell", claim.is_none().then_some("empty"))} data-outlet={outlet.name.clone()}>
                                        <p class="cell-outlet">{ &outlet.name }</p>
                                        { match claim {
                                            Some(claim) => claim_card(claim),
                                            None => html! { <p class="absent">{ "not in this outlet's report" }</p> },
                                        } }
                                    </div>
                                }) }
                            </div>
                        </li>
                    }
                }) }
            </ol>
            <h3>{ "Figures" }</h3>
            { figures_table(&comparison.figures, &names, "Figures each outlet gives in this event's claims") }
        </>
    }
}

/// "CNN (copy via Egypt Independent)".
pub fn outlet_title(name: &str, hosts: &[&str]) -> String {
    if hosts.is_empty() {
        name.to_string()
    } else {
        format!("{name} (copy via {})", hosts.join(", "))
    }
}

fn describe(difference: &Difference) -> String {
    let list = |items: &[(String, crossread_corpus::Stance)]| {
        items
            .iter()
            .map(|(outlet, stance)| format!("{outlet} ({})", stance.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match difference {
        Difference::NumbersDiffer { counted } => format!("numbers differ: {counted}"),
        Difference::StanceDiffers { stronger, weaker } => {
            format!("stronger in {}; weaker in {}", list(stronger), list(weaker))
        }
        Difference::SourcesDiffer(sources) => format!(
            "sources differ: {}",
            sources
                .iter()
                .map(|(outlet, kind)| format!(
                    "{outlet}: {}",
                    crate::explore::source_label(*kind).to_lowercase()
                ))
                .collect::<Vec<_>>()
                .join("; ")
        ),
        Difference::OnlyIn(outlet) => format!("only in {outlet}"),
    }
}
