//! The reader's time expressions (issue 14): each is a focusable mark that
//! shows its resolved date in words on hover and focus.

use super::{ensure, wait_for_heading, Case, Context};
use crossread_corpus::date::MONTH_NAMES as MONTHS;
use crossread_corpus::{Part, TimeExpression};
use serde_json::json;

pub const CASES: &[Case] = &[(
    "reader: every time expression of the body is marked; Tab reaches one and focus shows its date in words",
    time_expressions_show_their_dates,
)];

/// The words expected for a day, a month or a year (the forms checked
/// here), or for no value.
fn expected_words(value: Option<&str>) -> Option<String> {
    let Some(value) = value else {
        return Some("date not resolved".to_string());
    };
    let parts: Vec<&str> = value.split('-').collect();
    let month = |m: &str| -> Option<&str> {
        MONTHS
            .get(m.parse::<usize>().ok()?.checked_sub(1)?)
            .copied()
    };
    match parts.as_slice() {
        [year] if year.len() == 4 => Some(year.to_string()),
        [year, m] if m.len() == 2 => Some(format!("{} {year}", month(m)?)),
        [year, m, day] => Some(format!("{} {} {year}", day.parse::<u32>().ok()?, month(m)?)),
        _ => None,
    }
}

fn time_expressions_show_their_dates(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let body_times = |doc: &str| -> Vec<&TimeExpression> {
        corpus
            .times
            .iter()
            .filter(|t| t.doc == doc && t.part == Part::Body)
            .collect()
    };
    // An article whose first body expression has a day, month or year
    // value; the most expressions first.
    let mut candidates: Vec<_> = corpus
        .documents
        .iter()
        .map(|d| (d, body_times(&d.id)))
        .filter(|(_, times)| {
            times
                .first()
                .is_some_and(|t| t.value.is_some() && expected_words(t.value.as_deref()).is_some())
        })
        .collect();
    candidates.sort_by_key(|(_, times)| std::cmp::Reverse(times.len()));
    let (document, times) = candidates
        .into_iter()
        .next()
        .ok_or("no article of the seeds has a dated time expression in its body")?;
    let first = times[0];
    let words = expected_words(first.value.as_deref()).unwrap_or_default();
    let session = &context.browser.session;
    context.open(&format!("#/article/{}", document.id))?;
    wait_for_heading(context, &document.headline)?;

    let marked = session.eval(
        "return Array.from(document.querySelectorAll('.reader .body .time')).map(e => e.textContent);",
        json!([]),
    )?;
    let marked: Vec<&str> = marked
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let expected: Vec<&str> = times.iter().map(|t| t.text.as_str()).collect();
    ensure(marked == expected, || {
        format!(
            "{}: the body marks {} time expressions {marked:?}, the corpus has {} {expected:?}",
            document.id,
            marked.len(),
            expected.len()
        )
    })?;
    // The body's text is unchanged by the marks.
    let paragraphs = super::texts(context, ".reader .body p")?;
    ensure(paragraphs == document.paragraphs, || {
        format!("{}: marking the times changed the body's text", document.id)
    })?;

    // Tab from the top of the page until the first one has focus.
    let is_first =
        "return document.activeElement === document.querySelector('.reader .body .time');";
    let mut reached = false;
    for _ in 0..60 {
        session.press_keys("\u{E004}")?;
        if session.eval(is_first, json!([]))?.as_bool() == Some(true) {
            reached = true;
            break;
        }
    }
    ensure(reached, || {
        format!(
            "sixty Tab presses never focused the time expression “{}”",
            first.text
        )
    })?;
    let shown = session.eval(
        "const e = document.activeElement; \
         const id = e.getAttribute('aria-describedby'); \
         const described = id && document.getElementById(id); \
         const after = getComputedStyle(e, '::after'); \
         return [e.dataset.date || '', described ? described.textContent : '', after.content, after.display, e.matches(':focus-visible')];",
        json!([]),
    )?;
    let shown: Vec<serde_json::Value> = shown.as_array().cloned().unwrap_or_default();
    let text = |i: usize| {
        shown
            .get(i)
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    ensure(text(0) == words, || {
        format!(
            "“{}” ({:?}) has the date {:?}, expected {words:?}",
            first.text,
            first.value,
            text(0)
        )
    })?;
    ensure(text(1) == words, || {
        format!(
            "“{}” is described as {:?}, expected {words:?}",
            first.text,
            text(1)
        )
    })?;
    ensure(
        text(2) == format!("\"{words}\"") && text(3) != "none",
        || {
            format!(
                "focus on “{}” shows {:?} (display {:?}), expected {words:?}",
                first.text,
                text(2),
                text(3)
            )
        },
    )?;
    ensure(shown.get(4).and_then(|v| v.as_bool()) == Some(true), || {
        format!(
            "“{}” has focus from the keyboard but no focus ring",
            first.text
        )
    })
}
