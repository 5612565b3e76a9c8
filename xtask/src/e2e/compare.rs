//! The compare view in the browser: the coverage matrix, one thread side by
//! side, figures that disagree, two articles aligned, and links that
//! reproduce a comparison. Expectations come from the analysed seeds.

use super::{ensure, texts, wait_for_heading, Case, Context};
use crossread_corpus::{Claim, Corpus, Document, Number, Stance, Thread};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};

pub const CASES: &[Case] = &[
    (
        "compare: the matrix shows every thread × outlet cell's presence, stance and count",
        matrix_matches_the_seeds,
    ),
    (
        "compare: a matrix cell opens its thread, and Back returns to the matrix",
        cell_opens_the_thread,
    ),
    (
        "compare: the ballistic-missile thread gives each reporting outlet a column of its claims",
        ballistic_missiles_side_by_side,
    ),
    (
        "compare: figures that disagree for the same counted thing are flagged",
        number_disagreement_is_flagged,
    ),
    (
        "compare: pickers put outlets and articles in the URL; deep links survive a reload",
        deep_links_reproduce_comparisons,
    ),
    (
        "compare: phone width: no horizontal page scroll in the matrix, a thread or a pair",
        compare_fits_a_phone,
    ),
];

fn outlet_name(document: &Document) -> String {
    document.outlet_label()
}

/// Outlets by their first publication date, undated last, then by name.
fn outlets_by_date(corpus: &Corpus) -> Vec<String> {
    let mut first: BTreeMap<String, Option<i64>> = BTreeMap::new();
    for document in &corpus.documents {
        let day = document.published.map(|p| p.first_day_number());
        let entry = first.entry(outlet_name(document)).or_insert(day);
        *entry = match (*entry, day) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    let mut outlets: Vec<(String, Option<i64>)> = first.into_iter().collect();
    outlets.sort_by_key(|(_, day)| (day.is_none(), *day));
    outlets.into_iter().map(|(name, _)| name).collect()
}

/// The thread's claims by outlet.
fn claims_by_outlet<'a>(corpus: &'a Corpus, thread: &Thread) -> BTreeMap<String, Vec<&'a Claim>> {
    let mut by_outlet: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for claim in corpus
        .claims
        .iter()
        .filter(|c| thread.claims.contains(&c.id))
    {
        if let Some(document) = corpus.documents.iter().find(|d| d.id == claim.doc) {
            by_outlet
                .entry(outlet_name(document))
                .or_default()
                .push(claim);
        }
    }
    by_outlet
}

/// The most frequent stance; ties go to the first listed.
fn dominant(claims: &[&Claim]) -> Option<Stance> {
    let mut counts: BTreeMap<Stance, usize> = BTreeMap::new();
    for claim in claims {
        *counts.entry(claim.stance).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(stance, _)| stance)
}

fn ballistic_thread(corpus: &Corpus) -> Result<&Thread, String> {
    corpus
        .threads
        .iter()
        .find(|t| {
            let about = format!("{} {}", t.id, t.label).to_lowercase();
            about.contains("iran") && about.contains("russia") && about.contains("ballistic")
        })
        .ok_or_else(|| "no Iran → Russia ballistic-missile thread in the seeds".to_string())
}

fn wait_for_matrix(context: &Context) -> Result<(), String> {
    let rows = context.corpus.threads.len();
    context
        .browser
        .session
        .wait_for(
            "the coverage matrix",
            &format!(
                "return document.querySelectorAll('table.coverage tbody tr[data-thread]').length === {rows};"
            ),
        )
        .map(drop)
}

fn matrix_matches_the_seeds(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    context.open("#/compare")?;
    wait_for_heading(context, "Compare")?;
    wait_for_matrix(context)?;
    let columns = texts(context, "table.coverage thead th[data-outlet]")?;
    let heads: Vec<String> = context
        .browser
        .session
        .eval(
            "return Array.from(document.querySelectorAll('table.coverage thead th[data-outlet]')).map(t => t.dataset.outlet);",
            json!([]),
        )?
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
        .unwrap_or_default();
    let expected = outlets_by_date(corpus);
    ensure(heads == expected, || {
        format!("outlet columns {heads:?} ({columns:?}), expected in date order {expected:?}")
    })?;
    let cells = context.browser.session.eval(
        "return Array.from(document.querySelectorAll('table.coverage tbody tr[data-thread] td')).map(td => [td.closest('tr').dataset.thread, td.dataset.outlet, td.dataset.reported, td.dataset.stance || '', td.textContent, td.querySelector('a') ? td.querySelector('a').getAttribute('href') : '']);",
        json!([]),
    )?;
    let cells: Vec<Vec<String>> = cells
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    r.as_array()
                        .map(|c| {
                            c.iter()
                                .map(|v| v.as_str().unwrap_or("").to_string())
                                .collect()
                        })
                        .unwrap_or_default()
                })
                .collect()
        })
        .unwrap_or_default();
    ensure(cells.len() == corpus.threads.len() * expected.len(), || {
        format!(
            "{} cells, expected {} threads × {} outlets",
            cells.len(),
            corpus.threads.len(),
            expected.len()
        )
    })?;
    for thread in &corpus.threads {
        let by_outlet = claims_by_outlet(corpus, thread);
        for outlet in &expected {
            let cell = cells
                .iter()
                .find(|c| c[0] == thread.id && &c[1] == outlet)
                .ok_or_else(|| format!("no cell for {} × {outlet}", thread.id))?;
            let claims = by_outlet.get(outlet).cloned().unwrap_or_default();
            let text = &cell[4];
            let place = format!("{} × {outlet}", thread.label);
            ensure(
                cell[5].contains(&format!("focus={}", crate::url_component(&thread.id))),
                || format!("{place}: the cell links to {:?}, not the thread", cell[5]),
            )?;
            match dominant(&claims) {
                None => ensure(cell[2] == "false" && text.contains("not reported"), || {
                    format!("{place}: should say “not reported”, shows {text:?}")
                })?,
                Some(stance) => {
                    let count = format!(
                        "{} {}",
                        claims.len(),
                        if claims.len() == 1 { "claim" } else { "claims" }
                    );
                    ensure(
                        cell[2] == "true"
                            && cell[3] == stance.as_str()
                            && text.contains(stance.as_str())
                            && text.contains(&count),
                        || {
                            format!(
                                "{place}: expected {} and “{count}”, shows {text:?}",
                                stance.as_str()
                            )
                        },
                    )?
                }
            }
        }
    }
    let caption = texts(context, "table.coverage caption")?;
    ensure(!caption.is_empty(), || "the matrix has no caption".into())?;
    let scoped = context.browser.session.eval(
        "return Array.from(document.querySelectorAll('table.coverage th')).every(th => th.getAttribute('scope'));",
        json!([]),
    )?;
    ensure(scoped == json!(true), || {
        "every header cell of the matrix needs a scope".into()
    })
}

fn cell_opens_the_thread(context: &Context) -> Result<(), String> {
    let thread = ballistic_thread(&context.corpus)?;
    context.open("#/compare")?;
    wait_for_matrix(context)?;
    let outlet = claims_by_outlet(&context.corpus, thread)
        .into_keys()
        .next()
        .ok_or("the thread has no outlet")?;
    context.browser.session.click(&format!(
        "tr[data-thread={}] td[data-outlet={}] a",
        json!(thread.id),
        json!(outlet)
    ))?;
    wait_for_thread(context, thread)?;
    let hash = context
        .browser
        .session
        .eval("return location.hash;", json!([]))?;
    ensure(
        hash.as_str()
            .is_some_and(|h| h.contains(&format!("focus={}", crate::url_component(&thread.id)))),
        || format!("the thread is not in the URL: {hash}"),
    )?;
    context.browser.session.back()?;
    wait_for_matrix(context)
}

fn wait_for_thread(context: &Context, thread: &Thread) -> Result<(), String> {
    context
        .browser
        .session
        .wait_for(
            &format!("the comparison of {}", thread.label),
            &format!(
                "return document.querySelector('.thread-comparison[data-thread={}] .claim-card');",
                json!(thread.id)
            ),
        )
        .map(drop)
}

/// Claim ids shown in each outlet's column.
fn columns(context: &Context) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let value = context.browser.session.eval(
        "return Array.from(document.querySelectorAll('.aligned-cell .claim-card')).map(c => [c.closest('.aligned-cell').dataset.outlet, c.dataset.claim]);",
        json!([]),
    )?;
    let mut shown: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for pair in value.as_array().into_iter().flatten() {
        let (Some(outlet), Some(claim)) = (pair[0].as_str(), pair[1].as_str()) else {
            continue;
        };
        shown
            .entry(outlet.to_string())
            .or_default()
            .insert(claim.to_string());
    }
    Ok(shown)
}

fn column_heads(context: &Context) -> Result<Vec<String>, String> {
    texts(context, ".aligned-head p")
}

fn ballistic_missiles_side_by_side(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let thread = ballistic_thread(corpus)?;
    context.open(&format!(
        "#/compare?focus={}",
        crate::url_component(&thread.id)
    ))?;
    wait_for_thread(context, thread)?;
    let expected: BTreeMap<String, BTreeSet<String>> = claims_by_outlet(corpus, thread)
        .into_iter()
        .map(|(outlet, claims)| (outlet, claims.iter().map(|c| c.id.clone()).collect()))
        .collect();
    let shown = columns(context)?;
    ensure(shown == expected, || {
        format!("columns show {shown:?}, the thread has {expected:?}")
    })?;
    let heads = column_heads(context)?;
    let order: Vec<String> = outlets_by_date(corpus)
        .into_iter()
        .filter(|o| expected.contains_key(o))
        .collect();
    ensure(
        heads.len() == order.len()
            && heads
                .iter()
                .zip(&order)
                .all(|(h, o)| h.starts_with(o.as_str())),
        || format!("column heads {heads:?}, expected {order:?}"),
    )?;
    // Rows say in words what is shared and what is not.
    let rows = context.browser.session.eval(
        "return Array.from(document.querySelectorAll('.aligned-row')).map(r => [Number(r.dataset.outlets), r.querySelector('.differences').textContent]);",
        json!([]),
    )?;
    for row in rows.as_array().into_iter().flatten() {
        let (outlets, words) = (row[0].as_u64().unwrap_or(0), row[1].as_str().unwrap_or(""));
        let fine = if outlets == 1 {
            words.contains("only in ")
        } else {
            words.contains(&format!("told by {outlets} outlets"))
        };
        ensure(fine || expected.len() == 1, || {
            format!("a row of {outlets} outlet(s) says {words:?}")
        })?;
    }
    // Each claim links to its exact sentence in the reader.
    let links = context.browser.session.eval(
        "return Array.from(document.querySelectorAll('.claim-card')).map(c => [c.dataset.claim, c.querySelector('a.claim-text').getAttribute('href')]);",
        json!([]),
    )?;
    for link in links.as_array().into_iter().flatten() {
        let id = link[0].as_str().unwrap_or("");
        let claim = corpus
            .claims
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| format!("unknown claim {id}"))?;
        let href = format!(
            "#/article/{}?p={}&sel={}",
            crate::url_component(&claim.doc),
            claim.paragraph,
            crate::url_component(&claim.id)
        );
        ensure(link[1].as_str() == Some(href.as_str()), || {
            format!("{id} links to {}, expected {href}", link[1])
        })?;
    }
    Ok(())
}

/// A thing both sides count with different sets of figures: (counted
/// thing, a number text from each side).
fn disagreement(left: &[&Claim], right: &[&Claim]) -> Option<(String, String, String)> {
    let figures = |claims: &[&Claim], unit: &str| {
        let numbers: Vec<&Number> = claims
            .iter()
            .flat_map(|c| &c.numbers)
            .filter(|n| n.unit.to_lowercase() == unit)
            .collect();
        let mut values: Vec<(u64, u64)> = numbers
            .iter()
            .map(|n| (n.value.to_bits(), n.max.unwrap_or(n.value).to_bits()))
            .collect();
        values.sort();
        values.dedup();
        (numbers.first().map(|n| n.text.clone()), values)
    };
    let units: BTreeSet<String> = left
        .iter()
        .flat_map(|c| &c.numbers)
        .map(|n| n.unit.to_lowercase())
        .filter(|u| !u.is_empty())
        .collect();
    units.into_iter().find_map(|unit| {
        let (a, left_values) = figures(left, &unit);
        let (b, right_values) = figures(right, &unit);
        (!right_values.is_empty() && left_values != right_values)
            .then(|| Some((unit.clone(), a?, b?)))
            .flatten()
    })
}

fn flagged_rows(context: &Context) -> Result<Vec<String>, String> {
    texts(context, ".figure-row.differs")
}

fn number_disagreement_is_flagged(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    // Within a thread, when two outlets give different figures.
    for thread in &corpus.threads {
        let by_outlet: Vec<Vec<&Claim>> = claims_by_outlet(corpus, thread).into_values().collect();
        for (i, left) in by_outlet.iter().enumerate() {
            for right in &by_outlet[i + 1..] {
                if let Some((unit, a, b)) = disagreement(left, right) {
                    context.open(&format!(
                        "#/compare?focus={}",
                        crate::url_component(&thread.id)
                    ))?;
                    wait_for_thread(context, thread)?;
                    let rows = flagged_rows(context)?;
                    return ensure(
                        rows.iter().any(|r| {
                            r.contains(&a) && r.contains(&b) && r.contains("numbers differ")
                        }),
                        || {
                            format!(
                                "{}: {unit} “{a}” vs “{b}” not flagged; flagged rows {rows:?}",
                                thread.label
                            )
                        },
                    );
                }
            }
        }
    }
    // The seeds have none inside a thread: two articles counting the same
    // thing differently, in the article-against-article view.
    let claims_of =
        |d: &Document| -> Vec<&Claim> { corpus.claims.iter().filter(|c| c.doc == d.id).collect() };
    for (i, left) in corpus.documents.iter().enumerate() {
        for right in &corpus.documents[i + 1..] {
            if let Some((unit, a, b)) = disagreement(&claims_of(left), &claims_of(right)) {
                context.open(&format!(
                    "#/compare?a={}&b={}",
                    crate::url_component(&left.id),
                    crate::url_component(&right.id)
                ))?;
                context.browser.session.wait_for(
                    "the aligned sentences",
                    "return document.querySelector('.sentence-rows .sentence-row');",
                )?;
                let rows = flagged_rows(context)?;
                return ensure(
                    rows.iter()
                        .any(|r| r.contains(&a) && r.contains(&b) && r.contains("numbers differ")),
                    || {
                        format!(
                            "{} vs {}: {unit} “{a}” vs “{b}” not flagged; flagged rows {rows:?}",
                            left.id, right.id
                        )
                    },
                );
            }
        }
    }
    Err("no two outlets in the seeds give different figures for the same thing".into())
}

fn checked_outlets(context: &Context) -> Result<Value, String> {
    context.browser.session.eval(
        "return Array.from(document.querySelectorAll('.outlet-picker input:checked')).map(i => i.dataset.value);",
        json!([]),
    )
}

fn deep_links_reproduce_comparisons(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let session = &context.browser.session;
    let thread = ballistic_thread(corpus)?;
    let reporting: Vec<String> = outlets_by_date(corpus)
        .into_iter()
        .filter(|o| claims_by_outlet(corpus, thread).contains_key(o))
        .take(2)
        .collect();
    let outlets = reporting
        .iter()
        .map(|o| crate::url_component(o))
        .collect::<Vec<_>>()
        .join(",");
    let hash = format!(
        "#/compare?outlet={outlets}&focus={}",
        crate::url_component(&thread.id)
    );
    context.open(&hash)?;
    let check = || -> Result<(), String> {
        wait_for_thread(context, thread)?;
        let heads = column_heads(context)?;
        ensure(
            heads.len() == reporting.len()
                && heads
                    .iter()
                    .zip(&reporting)
                    .all(|(h, o)| h.starts_with(o.as_str())),
            || format!("columns {heads:?}, the link asks for {reporting:?}"),
        )?;
        let checked = checked_outlets(context)?;
        ensure(checked == json!(reporting), || {
            format!("outlet picker shows {checked}, the link asks for {reporting:?}")
        })
    };
    check()?;
    session.refresh()?;
    check()?;

    // The outlet picker writes the URL.
    let last = outlets_by_date(corpus).pop().ok_or("no outlets")?;
    context.open("#/compare")?;
    wait_for_matrix(context)?;
    session.click(&format!(".outlet-picker input[data-value={}]", json!(last)))?;
    session.wait_for(
        "one outlet column",
        "return document.querySelectorAll('table.coverage thead th[data-outlet]').length === 1;",
    )?;
    let url = session.eval("return location.hash;", json!([]))?;
    ensure(
        url.as_str()
            .is_some_and(|h| h.contains(&format!("outlet={}", crate::url_component(&last)))),
        || format!("the chosen outlet is not in the URL: {url}"),
    )?;

    // The article picker writes the pair; a reload keeps it.
    let (a, b) = (
        &corpus.documents[0].id,
        &corpus.documents[corpus.documents.len() - 1].id,
    );
    context.open("#/compare")?;
    wait_for_matrix(context)?;
    for (select, id) in [("#pair-a", a), ("#pair-b", b)] {
        session.eval(
            "const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true}));",
            json!([select, id]),
        )?;
    }
    let pair_shown = || {
        session.wait_for(
            "two articles side by side",
            &format!(
                "return document.querySelector('.sentence-row') && document.querySelector('#pair-a').value === {} && document.querySelector('#pair-b').value === {};",
                json!(a),
                json!(b)
            ),
        )
    };
    pair_shown()?;
    let url = session.eval("return location.hash;", json!([]))?;
    ensure(
        url.as_str().is_some_and(|h| {
            h.contains(&format!("a={}", crate::url_component(a)))
                && h.contains(&format!("b={}", crate::url_component(b)))
        }),
        || format!("the pair is not in the URL: {url}"),
    )?;
    session.refresh()?;
    pair_shown().map(drop)
}

fn compare_fits_a_phone(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let thread = ballistic_thread(corpus)?;
    let (a, b) = (&corpus.documents[0].id, &corpus.documents[1].id);
    let views = [
        "#/compare".to_string(),
        format!("#/compare?focus={}", crate::url_component(&thread.id)),
        format!(
            "#/compare?a={}&b={}",
            crate::url_component(a),
            crate::url_component(b)
        ),
    ];
    context.browser.session.set_window_size(375, 800)?;
    let result = views.iter().try_for_each(|hash| {
        context.open(hash)?;
        context.browser.session.wait_for(
            "the comparison",
            "return document.querySelector('.compare table, .compare .sentence-row');",
        )?;
        let overflow = context.browser.session.eval(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            json!([]),
        )?;
        let widest = context.browser.session.eval(
            "const w = document.documentElement.clientWidth; return Array.from(document.querySelectorAll('main *')).filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('.compare-scroll')).slice(0, 3).map(e => e.tagName + '.' + e.className).join(', ');",
            json!([]),
        )?;
        ensure(overflow.as_i64() == Some(0), || {
            format!("{hash} scrolls sideways by {overflow} px at 375 px ({widest})")
        })
    });
    context.browser.session.set_window_size(1280, 900)?;
    result
}
