//! End to end on a story the rules never saw: the site built from
//! `tests/corpora/quake` (two earthquakes a week apart and two looting
//! arrests, five outlets, written for the tests) instead of the seeds.
//! The compare matrix must have rows that several outlets report, one
//! event must compare side by side, and the timeline must draw dated lanes
//! for its threads, which collapse and show alone on demand. The site is
//! built chunked (its corpus as data files fetched on demand), so the
//! library, reader, prerendering and chunked cases run here too.

use super::{ensure, wait_for_heading, Case, Context, SUB_PATH};
use crate::browser::Browser;
use crate::server::StaticServer;
use crossread_corpus::{Corpus, Thread};
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The corpus the site of these cases is built from.
pub fn corpus_dir() -> PathBuf {
    crate::root().join("tests/corpora/quake")
}

const CASES: &[Case] = &[
    (
        "any story: the compare matrix has a row per thread, with several outlets per event",
        matrix_has_events_across_outlets,
    ),
    (
        "any story: claims in no thread show as “only in X” per outlet and open in the explorer",
        unthreaded_claims_stay_visible,
    ),
    (
        "any story: one earthquake compares side by side across its outlets",
        one_event_side_by_side,
    ),
    (
        "any story: the timeline counts every dated claim in a lane per thread, from the thread index alone",
        timeline_counts_dated_lanes,
    ),
    (
        "any story: a timeline narrowed to one outlet counts its claims from the thread index alone",
        timeline_of_one_outlet_counts_from_the_index,
    ),
    (
        "any story: a lane collapses by keyboard (counts gone, URL kept, Back undoes it) and shows alone, its claims drawn from its thread's file",
        lane_collapses_and_shows_alone,
    ),
    (
        "any story: a timeline of two threads draws their claims from their two files, not the whole analysis",
        two_threads_from_their_files,
    ),
];

/// Serves the site built from [`corpus_dir`] and runs the cases.
pub fn run(dist: &Path) -> Result<(), String> {
    let corpus = crate::bench::corpus_of(&corpus_dir())?;
    ensure(corpus.threads.len() >= 2, || {
        format!(
            "the test corpus should hold two threads, has {:?}",
            labels(&corpus)
        )
    })?;
    let server = StaticServer::start(dist, SUB_PATH, 0)?;
    let base = format!("http://127.0.0.1:{}{SUB_PATH}", server.port());
    let context = Context {
        browser: Browser::start(1280, 900)?,
        base,
        corpus,
        library_page: super::chunked::LIBRARY_PAGE,
        prerendered: super::chunked::PRERENDERED_ARTICLES,
    };
    super::chunked::set_dist(dist);
    let mut failures = super::run_cases(&context, CASES)?;
    // The site is chunked (see `crate::any_story`): the library and reader
    // cases of the seeds' suite and the chunked site's own cases run on it.
    failures.extend(super::run_cases(&context, super::FOUNDATION)?);
    failures.extend(super::run_cases(&context, super::prerender::CASES)?);
    failures.extend(super::run_cases(&context, super::chunked::CASES)?);
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} end-to-end case(s) failed on another story",
            failures.len()
        ))
    }
}

fn labels(corpus: &Corpus) -> Vec<&str> {
    corpus.threads.iter().map(|t| t.label.as_str()).collect()
}

/// The first earthquake's thread: the one its 6.1-magnitude claim is in.
fn first_quake(corpus: &Corpus) -> Result<&Thread, String> {
    let claim = corpus
        .claims
        .iter()
        .find(|c| c.text.contains("magnitude 6.1"))
        .ok_or("no 6.1-magnitude claim in the test corpus")?;
    let id = claim.thread.as_ref().ok_or("the 6.1 claim has no thread")?;
    corpus
        .threads
        .iter()
        .find(|t| &t.id == id)
        .ok_or_else(|| format!("no thread {id}"))
}

pub(super) fn eval_strings(context: &Context, script: &str) -> Result<Vec<String>, String> {
    Ok(context
        .browser
        .session
        .eval(script, json!([]))?
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default())
}

fn matrix_has_events_across_outlets(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    context.open("#/compare")?;
    wait_for_heading(context, "Compare")?;
    let rows = corpus.threads.len();
    context.browser.session.wait_for(
        "the coverage matrix",
        &format!("return document.querySelectorAll('table.coverage tbody tr[data-thread]').length === {rows};"),
    )?;
    // Per row: the thread and how many outlets reported it.
    let reported = eval_strings(
        context,
        "return Array.from(document.querySelectorAll('table.coverage tbody tr[data-thread]')).map(tr => tr.dataset.thread + ' ' + tr.querySelectorAll('td[data-reported=\"true\"]').length);",
    )?;
    let quake = first_quake(corpus)?;
    // One cell per outlet: a later report by the same outlet that recalls
    // the quake does not add a column.
    let quake_outlets: BTreeSet<String> = corpus
        .documents
        .iter()
        .filter(|d| quake.docs.contains(&d.id))
        .map(|d| d.outlet_label())
        .collect();
    ensure(quake_outlets.len() >= 2, || {
        format!("the first quake has one outlet only: {quake_outlets:?}")
    })?;
    let expected = format!("{} {}", quake.id, quake_outlets.len());
    ensure(reported.contains(&expected), || {
        format!(
            "matrix rows {reported:?} should include {expected:?} (threads {:?})",
            labels(corpus)
        )
    })?;
    let columns = eval_strings(
        context,
        "return Array.from(document.querySelectorAll('table.coverage thead th[data-outlet]')).map(t => t.dataset.outlet);",
    )?;
    let outlets: BTreeSet<String> = corpus.documents.iter().map(|d| d.outlet_label()).collect();
    ensure(
        columns.iter().cloned().collect::<BTreeSet<_>>() == outlets,
        || format!("outlet columns {columns:?}, expected {outlets:?}"),
    )?;
    fetched_only(context, &["library-", "threads-"], "the coverage matrix")
}

/// The page fetched one data file of each kind in `kinds` (name
/// prefixes) and nothing else: never the whole analysis.
fn fetched_only(context: &Context, kinds: &[&str], view: &str) -> Result<(), String> {
    let mut fetched = super::chunked::fetched(context)?;
    fetched.sort();
    let kinds_fetched: Vec<&str> = fetched
        .iter()
        .map(|name| &name[..name.find('-').map_or(name.len(), |at| at + 1)])
        .collect();
    let mut expected = kinds.to_vec();
    expected.sort();
    ensure(kinds_fetched == expected, || {
        format!("{view} should fetch {expected:?}, fetched {fetched:?}")
    })
}

/// The matrix's last row counts each outlet's claims in no thread; a
/// count opens the explorer listing exactly those claims.
fn unthreaded_claims_stay_visible(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for claim in corpus.claims.iter().filter(|c| c.threads.is_empty()) {
        if let Some(doc) = corpus.documents.iter().find(|d| d.id == claim.doc) {
            *expected.entry(doc.outlet_label()).or_default() += 1;
        }
    }
    ensure(!expected.is_empty(), || {
        "the test corpus should have claims in no thread".into()
    })?;
    context.open("#/compare")?;
    wait_for_heading(context, "Compare")?;
    context.browser.session.wait_for(
        "the no-thread row",
        "return !!document.querySelector('tr.unthreaded-row');",
    )?;
    let cells = eval_strings(
        context,
        "return Array.from(document.querySelectorAll('tr.unthreaded-row td[data-claims]')).map(td => td.dataset.outlet + '|' + td.dataset.claims + '|' + td.textContent);",
    )?;
    let mut shown: BTreeMap<String, usize> = BTreeMap::new();
    for cell in &cells {
        let parts: Vec<&str> = cell.split('|').collect();
        let (outlet, count) = (parts[0], parts[1].parse::<usize>().unwrap_or(0));
        ensure(parts[2].contains(&format!("only in {outlet}")), || {
            format!("cell {cell:?} should say “only in {outlet}”")
        })?;
        shown.insert(outlet.to_string(), count);
    }
    ensure(shown == expected, || {
        format!("no-thread counts {shown:?}, expected {expected:?}")
    })?;
    let (outlet, count) = expected.iter().next().ok_or("no outlet")?;
    context.browser.session.click(&format!(
        "tr.unthreaded-row td[data-outlet={}] a",
        json!(outlet)
    ))?;
    context.browser.session.wait_for(
        "the explorer with the outlet's claims in no thread",
        &format!(
            "return location.hash.startsWith('#/explore') && location.hash.includes('thread=none') && document.querySelectorAll('.result-link').length === {count};"
        ),
    )?;
    Ok(())
}

fn one_event_side_by_side(context: &Context) -> Result<(), String> {
    let quake = first_quake(&context.corpus)?;
    context.open(&format!("#/compare?focus={}", quake.id))?;
    context.browser.session.wait_for(
        "the thread's aligned claims",
        "return document.querySelectorAll('.aligned-row').length > 0;",
    )?;
    let title = eval_strings(
        context,
        "return [document.querySelector('#thread-title').textContent];",
    )?;
    ensure(title.iter().any(|t| t.contains(&quake.label)), || {
        format!("thread title {title:?}, expected {:?}", quake.label)
    })?;
    let heads = eval_strings(
        context,
        "return Array.from(new Set(Array.from(document.querySelectorAll('.aligned-cell')).map(c => c.dataset.outlet)));",
    )?;
    let outlets: BTreeSet<String> = quake
        .docs
        .iter()
        .filter_map(|d| context.corpus.documents.iter().find(|x| &x.id == d))
        .map(|d| d.outlet_label())
        .collect();
    ensure(
        heads.iter().cloned().collect::<BTreeSet<_>>() == outlets,
        || format!("side-by-side columns {heads:?}, expected {outlets:?}"),
    )?;
    let shared = eval_strings(
        context,
        "return Array.from(document.querySelectorAll('.aligned-row')).map(r => r.dataset.outlets);",
    )?;
    ensure(
        shared.iter().any(|n| n.parse::<usize>().unwrap_or(0) >= 2),
        || format!("no row told by two outlets: {shared:?}"),
    )?;
    fetched_only(
        context,
        &["library-", "threads-", "thread-"],
        "one thread compared",
    )
}

/// Per thread, its claims with an event date: what its lane counts.
fn dated_claims(corpus: &Corpus) -> BTreeMap<String, u64> {
    let mut dated = BTreeMap::new();
    for claim in corpus.claims.iter().filter(|c| c.event_date.is_some()) {
        for thread in &claim.threads {
            *dated.entry(thread.clone()).or_default() += 1;
        }
    }
    dated
}

fn timeline_of_one_outlet_counts_from_the_index(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    // The outlet of the last article: some of its claims are dated.
    let outlet = corpus.documents.last().ok_or("no article")?.outlet_label();
    let of_outlet = |claim: &&crossread_corpus::Claim| {
        corpus
            .document(&claim.doc)
            .is_some_and(|d| d.outlet_label() == outlet)
    };
    let mut expected: BTreeMap<String, u64> = BTreeMap::new();
    for claim in corpus
        .claims
        .iter()
        .filter(of_outlet)
        .filter(|c| c.event_date.is_some())
    {
        for thread in &claim.threads {
            *expected.entry(thread.clone()).or_default() += 1;
        }
    }
    ensure(!expected.is_empty(), || {
        format!("{outlet} has no dated claim in a thread")
    })?;
    context.open(&format!(
        "#/timeline?outlet={}",
        crate::url_component(&outlet)
    ))?;
    context.browser.session.wait_for(
        "the timeline's counts",
        "return document.querySelectorAll('.timeline-svg a.count').length > 0;",
    )?;
    let mut counted = BTreeMap::new();
    for thread in corpus.threads.iter().map(|t| &t.id) {
        let count = lane_counts(context, thread)?.0;
        if count > 0 {
            counted.insert(thread.clone(), count);
        }
    }
    ensure(counted == expected, || {
        format!("{outlet}'s claims counted per lane {counted:?}, expected {expected:?}")
    })?;
    fetched_only(
        context,
        &["library-", "threads-"],
        "a timeline of one outlet",
    )
}

fn timeline_counts_dated_lanes(context: &Context) -> Result<(), String> {
    context.open("#/timeline")?;
    context.browser.session.wait_for(
        "the timeline's counts",
        "return document.querySelectorAll('.timeline-svg a.count').length > 0;",
    )?;
    let mut counted = BTreeMap::new();
    for thread in context.corpus.threads.iter().map(|t| &t.id) {
        counted.insert(thread.clone(), lane_counts(context, thread)?.0);
    }
    let expected = dated_claims(&context.corpus);
    ensure(counted == expected, || {
        format!("claims counted per lane {counted:?}, expected {expected:?}")
    })?;
    ensure(mark_counts(context, "")?.1 == 0, || {
        "the first timeline of a big site counts claims, it draws none".into()
    })?;
    fetched_only(context, &["library-", "threads-"], "the first timeline")
}

/// Marks drawn in a lane, and in the whole chart.
fn mark_counts(context: &Context, lane: &str) -> Result<(u64, u64), String> {
    let counts = context.browser.session.eval(
        "const all = document.querySelectorAll('.timeline-svg a.mark').length; \
         const lane = Array.from(document.querySelectorAll('.timeline-svg .lane')).find(l => l.dataset.lane === arguments[0]); \
         return [lane ? lane.querySelectorAll('a.mark').length : -1, all];",
        json!([lane]),
    )?;
    let count = |i: usize| counts.get(i).and_then(|v| v.as_u64()).unwrap_or(0);
    Ok((count(0), count(1)))
}

/// Claims counted in a lane's bars, and in the whole chart's.
fn lane_counts(context: &Context, lane: &str) -> Result<(u64, u64), String> {
    let counts = context.browser.session.eval(
        "const sum = (root) => Array.from(root.querySelectorAll('a.count')).reduce((n, a) => n + Number(a.dataset.count), 0); \
         const lane = Array.from(document.querySelectorAll('.timeline-svg .lane')).find(l => l.dataset.lane === arguments[0]); \
         return [lane ? sum(lane) : 0, sum(document.querySelector('.timeline-svg'))];",
        json!([lane]),
    )?;
    let count = |i: usize| counts.get(i).and_then(|v| v.as_u64()).unwrap_or(0);
    Ok((count(0), count(1)))
}

/// A script true when the lane's button says `expanded` ("true"/"false").
fn lane_is(lane: &str, expanded: &str) -> String {
    format!(
        "const t = document.querySelector({}); return !!t && t.getAttribute('aria-expanded') === {};",
        json!(lane_toggle(lane)),
        json!(expanded)
    )
}

fn lane_toggle(lane: &str) -> String {
    format!(
        ".timeline-svg .lane[data-lane={}] .lane-toggle",
        json!(lane)
    )
}

fn lane_collapses_and_shows_alone(context: &Context) -> Result<(), String> {
    let quake = &first_quake(&context.corpus)?.id;
    let session = &context.browser.session;
    context.open("#/timeline")?;
    session.wait_for("the quake's lane, expanded", &lane_is(quake, "true"))?;
    let (in_lane, total) = lane_counts(context, quake)?;
    ensure(in_lane > 0, || format!("the lane {quake} counts no claim"))?;
    // Keyboard only: focus the lane's button and press Enter.
    session.eval(
        "document.querySelector(arguments[0]).focus();",
        json!([lane_toggle(quake)]),
    )?;
    session.press_keys("\u{E007}")?;
    session.wait_for("the lane to collapse", &lane_is(quake, "false"))?;
    let (left, now) = lane_counts(context, quake)?;
    ensure(left == 0 && now == total - in_lane, || {
        format!("collapsed, the lane counts {left} claims and the chart {now} (were {in_lane} of {total})")
    })?;
    let hash = eval_strings(context, "return [decodeURIComponent(location.hash)];")?;
    ensure(
        hash.iter()
            .any(|h| h.contains(&format!("collapse={quake}"))),
        || format!("the URL {hash:?} does not name the collapsed lane {quake}"),
    )?;
    session.back()?;
    session.wait_for("Back to expand the lane", &lane_is(quake, "true"))?;
    ensure(lane_counts(context, quake)? == (in_lane, total), || {
        "Back did not bring the lane's counts back".to_string()
    })?;
    session.click(&format!(
        ".timeline-svg .lane[data-lane={}] .lane-only",
        json!(quake)
    ))?;
    session.wait_for(
        "the quake's lane alone, its claims drawn",
        "return document.querySelectorAll('.timeline-svg .lane').length === 1 && document.querySelectorAll('.timeline-svg a.mark').length > 0;",
    )?;
    let shown = eval_strings(
        context,
        "return Array.from(document.querySelectorAll('.timeline-svg .lane')).map(l => l.dataset.lane).concat([decodeURIComponent(location.hash)]);",
    )?;
    ensure(
        shown.len() == 2 && &shown[0] == quake && shown[1].contains(&format!("thread={quake}")),
        || format!("lanes and URL {shown:?}, expected the lane {quake} alone"),
    )?;
    ensure(mark_counts(context, quake)?.0 == in_lane, || {
        format!("the lane shown alone should draw its {in_lane} counted claims")
    })?;
    // Same page: the thread index, then the thread's own file.
    fetched_only(
        context,
        &["library-", "threads-", "thread-"],
        "a thread shown alone",
    )
}

fn two_threads_from_their_files(context: &Context) -> Result<(), String> {
    let dated = dated_claims(&context.corpus);
    let threads: Vec<&String> = dated.keys().take(2).collect();
    ensure(threads.len() == 2, || {
        format!("the test corpus should have two dated threads: {dated:?}")
    })?;
    let listed = threads.iter().map(|t| t.as_str()).collect::<Vec<_>>();
    context.open(&format!("#/timeline?thread={}", listed.join(",")))?;
    context.browser.session.wait_for(
        "both threads' claims",
        "return document.querySelectorAll('.timeline-svg .lane').length === 2 && document.querySelectorAll('.timeline-svg a.mark').length > 0;",
    )?;
    for thread in threads {
        let drawn = mark_counts(context, thread)?.0;
        ensure(drawn == dated[thread], || {
            format!(
                "the lane {thread} draws {drawn} claims, expected {}",
                dated[thread]
            )
        })?;
    }
    // The site is built with a file per thread.
    fetched_only(
        context,
        &["library-", "threads-", "thread-", "thread-"],
        "a timeline of two threads",
    )
}
