//! The explorer in the browser: facets, search, highlighting, URL state,
//! history and keyboard use, checked against counts taken straight from the
//! analysed corpus.

use super::{ensure, texts, wait_for_heading, Case, Context};
use crossread_corpus::Stance;
use serde_json::json;

pub const CASES: &[Case] = &[
    (
        "explorer: each facet narrows the results to exactly the matching items",
        each_facet_narrows,
    ),
    (
        "explorer: search finds word stems and quoted phrases, and highlights them",
        search_stems_and_phrases,
    ),
    (
        "explorer: a link reproduces the view, and Back/Forward step through filters",
        links_and_history,
    ),
    (
        "explorer: a malformed explorer URL is repaired with a notice",
        malformed_explorer_url,
    ),
    (
        "explorer: keyboard only: / search, arrows and j/k, Enter opens, Esc clears",
        keyboard_only,
    ),
];

fn count_text(context: &Context) -> Result<String, String> {
    Ok(texts(context, ".result-count")?.join(" "))
}

/// Waits until the live region announces `n` results.
fn wait_for_count(context: &Context, n: usize) -> Result<(), String> {
    let script = format!(
        "const s = document.querySelector('.result-count'); return s && s.textContent.startsWith('{n} ');"
    );
    context
        .browser
        .session
        .wait_for(&format!("{n} results"), &script)
        .map(drop)
        .map_err(|e| {
            format!(
                "{e}; the page says {:?}",
                count_text(context).unwrap_or_default()
            )
        })
}

fn click_facet(context: &Context, facet: &str, value: &str) -> Result<(), String> {
    let selector = format!(
        "fieldset[data-facet^='{facet}'] input[data-value={}]",
        json!(value)
    );
    context.browser.session.click(&selector)
}

fn each_facet_narrows(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let outlet = corpus.documents[0]
        .outlet
        .clone()
        .ok_or("first seed has no outlet")?;
    context.open("#/explore")?;
    wait_for_count(context, corpus.documents.len())?;
    click_facet(context, "outlet", &outlet)?;
    let expected = corpus
        .documents
        .iter()
        .filter(|d| d.outlet.as_deref() == Some(outlet.as_str()))
        .count();
    wait_for_count(context, expected)?;

    // Claims: stance, source, thread, evidence; AND across facets.
    context.open("#/explore?as=claims")?;
    wait_for_count(context, corpus.claims.len())?;
    let stance = Stance::Expected;
    click_facet(context, "stance", stance.as_str())?;
    let with_stance: Vec<_> = corpus
        .claims
        .iter()
        .filter(|c| c.stance == stance)
        .collect();
    wait_for_count(context, with_stance.len())?;
    let kind = with_stance
        .first()
        .ok_or("no expected claims")?
        .attribution_kind;
    click_facet(context, "source", kind.as_str())?;
    let both = with_stance
        .iter()
        .filter(|c| c.attribution_kind == kind)
        .count();
    wait_for_count(context, both)?;
    let disabled: Vec<String> = texts(context, "fieldset[data-facet='stance'] li.empty label")?;
    let zero = [
        Stance::Asserted,
        Stance::Expected,
        Stance::Hedged,
        Stance::Denied,
        Stance::Unconfirmed,
    ]
    .into_iter()
    .filter(|s| {
        !corpus
            .claims
            .iter()
            .any(|c| c.stance == *s && c.attribution_kind == kind)
    })
    .count();
    ensure(disabled.len() == zero, || {
        format!("{zero} stances should be shown disabled, got {disabled:?}")
    })?;

    let thread = corpus
        .threads
        .iter()
        .max_by_key(|t| t.claims.len())
        .ok_or("no threads")?;
    context.open(&format!(
        "#/explore?as=claims&thread={}",
        crate::url_component(&thread.id)
    ))?;
    wait_for_count(
        context,
        corpus
            .claims
            .iter()
            .filter(|c| c.threads.contains(&thread.id))
            .count(),
    )?;
    context.open("#/explore?as=claims&has=quote")?;
    wait_for_count(
        context,
        corpus
            .claims
            .iter()
            .filter(|c| !c.quotes.is_empty())
            .count(),
    )?;
    context.open("#/explore?as=claims&has=number")?;
    wait_for_count(
        context,
        corpus
            .claims
            .iter()
            .filter(|c| !c.numbers.is_empty())
            .count(),
    )?;

    let entity = corpus
        .entities
        .iter()
        .max_by_key(|e| e.docs.len())
        .ok_or("no entities")?;
    context.open(&format!(
        "#/explore?entity={}",
        crate::url_component(&entity.id)
    ))?;
    wait_for_count(context, entity.docs.len())?;

    context.open("#/explore?from=2023-01-01&to=2023-12-31")?;
    let in_2023 = corpus
        .documents
        .iter()
        .filter(|d| d.published.is_some_and(|p| p.year == 2023))
        .count();
    wait_for_count(context, in_2023)
}

fn claims_containing(context: &Context, needle: &str) -> usize {
    context
        .corpus
        .claims
        .iter()
        .filter(|c| c.text.to_lowercase().contains(needle))
        .count()
}

fn search_stems_and_phrases(context: &Context) -> Result<(), String> {
    context.open("#/explore?as=claims")?;
    wait_for_count(context, context.corpus.claims.len())?;
    context.browser.session.click("#search-input")?;
    context.browser.session.press_keys("MISSILE")?;
    wait_for_count(context, claims_containing(context, "missile"))?;
    let marks = texts(context, ".result-list mark")?;
    ensure(
        !marks.is_empty()
            && marks
                .iter()
                .all(|m| m.to_lowercase().starts_with("missile")),
        || format!("highlights should be forms of “missile”: {marks:?}"),
    )?;
    // The reader opened from a result highlights the same word.
    context.browser.session.click(".result-list .result-link")?;
    context.browser.session.wait_for(
        "a highlight in the reader",
        "return document.querySelector('.reader mark');",
    )?;

    context.open("#/explore?as=claims&q=%22ballistic%20missiles%22")?;
    wait_for_count(context, claims_containing(context, "ballistic missile"))?;
    let marks = texts(context, ".result-list mark")?;
    ensure(
        marks
            .iter()
            .all(|m| m.to_lowercase().starts_with("ballistic missile")),
        || format!("a phrase is highlighted whole: {marks:?}"),
    )?;
    context.open("#/explore?q=zzzqqq")?;
    wait_for_count(context, 0)?;
    ensure(!texts(context, ".empty-state")?.is_empty(), || {
        "no empty-state message".into()
    })
}

fn links_and_history(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let hash = "#/explore?q=drones&stance=expected,asserted&as=claims";
    context.open(hash)?;
    let expected = corpus
        .claims
        .iter()
        .filter(|c| {
            matches!(c.stance, Stance::Expected | Stance::Asserted)
                && c.text.to_lowercase().contains("drone")
        })
        .count();
    wait_for_count(context, expected)?;
    let checked = context.browser.session.eval(
        "return [document.querySelector('#search-input').value, Array.from(document.querySelectorAll('fieldset[data-facet=stance] input:checked')).map(i => i.dataset.value).join(','), document.querySelector('#as-claims').checked];",
        json!([]),
    )?;
    ensure(
        checked == json!(["drones", "asserted,expected", true]),
        || format!("controls do not show the URL's state: {checked}"),
    )?;
    context.browser.session.refresh()?;
    wait_for_count(context, expected)?;

    // Two clicks, then Back and Forward.
    context.open("#/explore")?;
    wait_for_count(context, corpus.documents.len())?;
    let outlets: Vec<String> = corpus
        .documents
        .iter()
        .filter_map(|d| d.outlet.clone())
        .take(2)
        .collect();
    click_facet(context, "outlet", &outlets[0])?;
    wait_for_count(context, 1)?;
    click_facet(context, "outlet", &outlets[1])?;
    wait_for_count(context, 2)?;
    context.browser.session.back()?;
    wait_for_count(context, 1)?;
    context.browser.session.back()?;
    wait_for_count(context, corpus.documents.len())?;
    context
        .browser
        .session
        .eval("history.forward();", json!([]))?;
    wait_for_count(context, 1)
}

fn malformed_explorer_url(context: &Context) -> Result<(), String> {
    context.open("#/explore?stance=certain&outlet=CNN&from=yesterday")?;
    wait_for_heading(context, "Explore")?;
    let notice = texts(context, ".notice")?.join(" ");
    ensure(
        notice.contains("stance=certain") && notice.contains("from=yesterday"),
        || format!("notice: {notice:?}"),
    )?;
    wait_for_count(context, 1)
}

fn keyboard_only(context: &Context) -> Result<(), String> {
    let session = &context.browser.session;
    context.open("#/explore?as=claims")?;
    wait_for_count(context, context.corpus.claims.len())?;
    session.press_keys("/")?;
    let focused = session.eval("return document.activeElement.id;", json!([]))?;
    ensure(focused == json!("search-input"), || {
        format!("/ should focus the search box, focused {focused}")
    })?;
    session.press_keys("drone")?;
    wait_for_count(context, claims_containing(context, "drone"))?;
    session.press_keys("\u{E015}")?; // ArrowDown: into the results.
    session.press_keys("j")?;
    session.press_keys("k")?;
    session.press_keys("j")?;
    let key = session.eval("return document.activeElement.dataset.key;", json!([]))?;
    let second = session.eval(
        "return document.querySelectorAll('.result-link')[1].dataset.key;",
        json!([]),
    )?;
    ensure(key == second, || {
        format!("after ↓ j k j the second result should have focus: {key} vs {second}")
    })?;
    let hash = session.eval("return location.hash;", json!([]))?;
    ensure(hash.as_str().is_some_and(|h| h.contains("sel=")), || {
        format!("the selection is not in the URL: {hash}")
    })?;
    let claim_id = key.as_str().ok_or("no key")?.to_string();
    let claim = context
        .corpus
        .claims
        .iter()
        .find(|c| c.id == claim_id)
        .ok_or("unknown claim")?;
    let headline = context
        .corpus
        .documents
        .iter()
        .find(|d| d.id == claim.doc)
        .ok_or("unknown doc")?
        .headline
        .clone();
    session.press_keys("\u{E007}")?; // Enter
    wait_for_heading(context, &headline)?;
    session.back()?;
    wait_for_heading(context, "Explore")?;
    session.eval("document.activeElement.blur();", json!([]))?;
    session.press_keys("\u{E00C}")?; // Escape clears the search
    wait_for_count(context, context.corpus.claims.len())
}
