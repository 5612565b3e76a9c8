use crate::compare::{align_articles, ArticleAlignment, Sentence, SentencePair};
use crate::components::compare_figures::figures_table;
use crate::components::highlighted::Highlighted;
use crate::corpus_data::CorpusRef;
use crate::explore::outlet_of;
use crate::format;
use crate::shared::Held;
use crate::view_state::ViewState;
use crossread_corpus::Document;
use std::ops::Range;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub corpus: CorpusRef,
    /// The articles' ids: two different articles of `corpus`.
    pub left: AttrValue,
    pub right: AttrValue,
}

/// Two articles sentence by sentence: similar sentences side by side, the
/// words that differ marked in close pairs, the rest flagged as unique.
#[function_component(ArticlePair)]
pub fn article_pair(props: &Props) -> Html {
    let held = use_memo(
        (
            props.corpus.clone(),
            props.left.clone(),
            props.right.clone(),
        ),
        |(corpus, left, right)| -> Option<Held<ArticleAlignment<'static>>> {
            Held::try_of(corpus, |corpus| {
                let (left, right) = (corpus.document(left)?, corpus.document(right)?);
                Some(align_articles(corpus, left, right))
            })
        },
    );
    let corpus = &props.corpus;
    let found = (corpus.document(&props.left), corpus.document(&props.right));
    let (Some(alignment), (Some(left), Some(right))) = (held.as_ref().as_ref(), found) else {
        return Html::default();
    };
    let alignment = alignment.get();
    let name = |d: &Document| {
        let date = d
            .published
            .as_ref()
            .map(format::date)
            .unwrap_or_else(|| "undated".to_string());
        format!("{} ({date})", outlet_of(d))
    };
    let (left_name, right_name) = (name(left), name(right));
    let matched = alignment
        .rows
        .iter()
        .filter(|r| r.left.is_some() && r.right.is_some())
        .count();
    html! {
        <>
            <p class="lede">
                { format!("{} of {left_name}'s sentences have a similar sentence in {right_name}; {} are close enough to compare word by word (differing words marked).",
                    matched, alignment.rows.iter().filter(|r| r.is_close()).count()) }
            </p>
            <h3>{ "Figures both give" }</h3>
            { figures_table(&alignment.figures, &[left_name.clone(), right_name.clone()], "Figures both articles give for the same counted thing") }
            <h3>{ "Sentence by sentence" }</h3>
            <ol class="sentence-rows" aria-label="Sentences aligned by similarity">
                { for alignment.rows.iter().map(|row| sentence_row(row, &left_name, &right_name)) }
            </ol>
        </>
    }
}

fn sentence_row(row: &SentencePair, left_name: &str, right_name: &str) -> Html {
    let (kind, label) = match (&row.left, &row.right) {
        (Some(_), Some(_)) if row.is_close() => {
            ("close", "close match: differing words marked".to_string())
        }
        (Some(_), Some(_)) => ("similar", "similar".to_string()),
        (Some(_), None) => ("unique", format!("only in {left_name}")),
        _ => ("unique", format!("only in {right_name}")),
    };
    html! {
        <li class={classes!("sentence-row", kind)}>
            <p class="differences">
                <span class={classes!(if kind == "unique" { "difference" } else { "agreement" })}>{ label }</span>
                { for row.numbers_differ.iter().map(|counted| html! {
                    <span class="difference">{ format!("numbers differ: {counted}") }</span>
                }) }
            </p>
            <div class="aligned-cells">
                { side(row.left.as_ref(), &row.left_changes, left_name, "left") }
                { side(row.right.as_ref(), &row.right_changes, right_name, "right") }
            </div>
        </li>
    }
}

fn side(
    sentence: Option<&Sentence>,
    changes: &[Range<usize>],
    name: &str,
    which: &'static str,
) -> Html {
    html! {
        <div class={classes!("aligned-cell", sentence.is_none().then_some("empty"))} data-side={which}>
            <p class="cell-outlet">{ name }</p>
            { match sentence {
                Some(sentence) => {
                    let claim = sentence.first_claim();
                    let href = ViewState::claim_in_reader(&claim.doc, claim.paragraph, &claim.id).to_hash();
                    html! {
                        <a class="sentence" {href}>
                            <Highlighted text={sentence.text.to_string()} ranges={changes.to_vec()} />
                        </a>
                    }
                }
                None => html! { <p class="absent">{ "no similar sentence" }</p> },
            } }
        </div>
    }
}
