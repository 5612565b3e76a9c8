use crate::components::article_meta::article_meta;
use crate::components::highlighted::timed_text;
use crate::components::removed_list::removed_list;
use crate::corpus_data::CorpusRef;
use crate::format;
use crate::hooks::Navigator;
use crate::search::{tokenize, Query};
use crate::shared::Held;
use crate::time_marks::{readable_date, TimeMark};
use crate::view_state::ViewState;
use crossread_corpus::{Claim, Document, Part, TimeExpression};
use std::ops::Range;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub article: Held<ArticleView<'static>>,
    pub state: ViewState,
}

/// An article as the reader shows it.
#[derive(yoke::Yokeable)]
pub struct ArticleView<'a> {
    pub document: &'a Document,
    /// The claim to mark, if the link pointed at one.
    pub claim: Option<&'a Claim>,
    /// The document's time expressions, in document and text order.
    pub times: Vec<&'a TimeExpression>,
}

impl ArticleView<'static> {
    /// Article `id` of `corpus` with claim `selected` marked (if it is
    /// one of the article's), held with the corpus; None if the corpus
    /// does not hold the article.
    pub fn find(
        corpus: &CorpusRef,
        id: &str,
        selected: Option<&str>,
    ) -> Option<Held<ArticleView<'static>>> {
        Held::try_of(corpus, |corpus| {
            let document = corpus.document(id)?;
            let claim = (selected.and_then(|s| corpus.claims.iter().find(|c| c.id == s)))
                .filter(|c| c.doc == document.id);
            let times = (corpus.times.iter())
                .filter(|t| t.doc == document.id)
                .collect();
            Some(ArticleView {
                document,
                claim,
                times,
            })
        })
    }
}

/// One article: headline, dek, publication facts, clean body, and on demand
/// the page chrome that was removed.
#[function_component(Reader)]
pub fn reader(props: &Props) -> Html {
    let ArticleView {
        document,
        claim,
        times,
    } = props.article.get();
    let (document, claim) = (*document, *claim);
    let navigator = use_context::<Navigator>();
    let toggle_removed = {
        let next = ViewState {
            show_removed: !props.state.show_removed,
            ..props.state.clone()
        };
        Callback::from(move |_| {
            if let Some(navigator) = &navigator {
                navigator.push(&next);
            }
        })
    };
    let query = Query::parse(&props.state.filters.text);
    let paragraph = props.state.paragraph;
    let marks = time_marks(times, &document.id);
    use_effect_with(paragraph, |paragraph| scroll_to_paragraph(*paragraph));
    let removed_label = format!(
        "{} the {} removed from the page",
        if props.state.show_removed {
            "Hide"
        } else {
            "Show"
        },
        format::count(document.boilerplate.len(), "part", "parts")
    );
    html! {
        <article class="reader" data-doc={document.id.clone()}>
            <header lang={document.language.clone()}>
                <h1 tabindex="-1">{ part_text(&document.headline, claim, &marks, Part::Headline) }</h1>
                if let Some(dek) = &document.dek {
                    <p class="dek">{ part_text(dek, claim, &marks, Part::Standfirst) }</p>
                }
                if !document.summary.is_empty() {
                    <ul class="summary" aria-label="Summary">
                        { for document.summary.iter().map(|point| html! { <li>{ point }</li> }) }
                    </ul>
                }
            </header>
            { article_meta(document) }
            <div class="body" lang={document.language.clone()}>
                { for document.paragraphs.iter().enumerate().map(|(index, text)| {
                    let class = classes!("paragraph", (Some(index) == paragraph).then_some("target"));
                    let mut ranges = query.highlights(&tokenize(text));
                    if let Some(claim) = claim.filter(|c| c.part == Part::Body && c.paragraph == index) {
                        ranges = std::iter::once(claim.start..claim.end).collect();
                    }
                    html! {
                        <p id={format!("p-{index}")} {class}>
                            <span>{ timed_text(text, &marks_in(&marks, Part::Body, index), &ranges) }</span>
                        </p>
                    }
                }) }
            </div>
            if !marks.is_empty() {
                // The dates in words, read as the descriptions of the
                // marked expressions.
                <div class="time-dates" hidden=true>
                    { for marks.iter().map(|(_, _, mark)| html! {
                        <span id={mark.id.clone()}>{ mark.date.clone() }</span>
                    }) }
                </div>
            }
            <section class="removed" aria-label="Removed from the page">
                <button type="button" class="toggle" aria-expanded={props.state.show_removed.to_string()}
                    aria-controls="removed-list" onclick={toggle_removed}>
                    { removed_label }
                </button>
                if props.state.show_removed {
                    { removed_list(&document.boilerplate) }
                }
            </section>
        </article>
    }
}

/// Where each time expression stands (part, paragraph) and its mark; the
/// ids are the expressions' places in the document, so unique on the page.
type PlacedMark = (Part, usize, TimeMark);

fn time_marks(times: &[&TimeExpression], doc: &str) -> Vec<PlacedMark> {
    times
        .iter()
        .filter(|t| t.doc == doc)
        .enumerate()
        .map(|(index, t)| {
            let mark = TimeMark {
                range: t.start..t.end,
                id: format!("time-{index}"),
                date: readable_date(t.value.as_deref()),
            };
            (t.part, t.paragraph, mark)
        })
        .collect()
}

fn marks_in(marks: &[PlacedMark], part: Part, paragraph: usize) -> Vec<TimeMark> {
    marks
        .iter()
        .filter(|(p, index, _)| *p == part && (part != Part::Body || *index == paragraph))
        .map(|(_, _, mark)| mark.clone())
        .collect()
}

/// A headline or standfirst, with its time expressions, and the claim
/// marked when the claim is it. Their spans index the trimmed text.
fn part_text(text: &str, claim: Option<&Claim>, marks: &[PlacedMark], part: Part) -> Html {
    let ranges: Vec<Range<usize>> = claim
        .filter(|c| c.part == part)
        .map(|claim| claim.start..claim.end)
        .into_iter()
        .collect();
    html! { <span>{ timed_text(text.trim(), &marks_in(marks, part, 0), &ranges) }</span> }
}

fn scroll_to_paragraph(paragraph: Option<usize>) {
    let Some(index) = paragraph else { return };
    if let Some(element) = gloo::utils::document().get_element_by_id(&format!("p-{index}")) {
        element.scroll_into_view();
    }
}
