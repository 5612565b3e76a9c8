//! The claim timeline in the browser: every mark's lane, date, position and
//! stance against the analysed corpus, spans for month-precision dates, the
//! ballistic-missile claim history, keyboard use, deep links, filters and
//! the downloads.

use super::{ensure, texts, wait_for_heading, Case, Context};
use crossread_corpus::date::Precision;
use crossread_corpus::{Claim, Corpus, PartialDate};
use serde_json::{json, Value};
use std::collections::BTreeSet;

pub const CASES: &[Case] = &[
    (
        "timeline: each mark sits in its thread's lane, at its event date, shaped by its stance",
        marks_match_the_corpus,
    ),
    (
        "timeline: month-precision dates are drawn as spans covering the month",
        months_are_spans,
    ),
    (
        "timeline: the ballistic-missile claim history is told in reporting order",
        ballistic_missile_history,
    ),
    (
        "timeline: keyboard only: Tab to a mark, arrows move, + zooms, Enter opens the reader",
        keyboard_only,
    ),
    (
        "timeline: a deep link restores range and selection after a reload; Back undoes a pan",
        deep_link_restores_range_and_selection,
    ),
    (
        "timeline: explorer filters apply; table, downloads and undated list show the same claims",
        filters_table_and_downloads,
    ),
];

const MISSILES: &str = "supply:iran>russia:ballistic-missiles";

/// The days an event date covers, worked out here independently of the app.
fn covered(claim: &Claim) -> Option<(i64, i64)> {
    let date = claim.event_date?;
    let first = date.first_day_number();
    let last = match claim.event_date_precision {
        Some(Precision::Week) => first + 6,
        Some(Precision::Season) => {
            let month = u32::from(date.month.unwrap_or(1)) + 3;
            let (year, month) = if month > 12 {
                (date.year + 1, month - 12)
            } else {
                (date.year, month)
            };
            PartialDate::month(year, month as u8)?.first_day_number() - 1
        }
        _ => date.last_day_number(),
    };
    Some((first, last))
}

/// The (claim, lane) pairs the chart must draw: a lane per thread of the
/// claim, or the no-thread lane ("").
fn expected_marks(corpus: &Corpus, keep: impl Fn(&Claim) -> bool) -> BTreeSet<(String, String)> {
    corpus
        .claims
        .iter()
        .filter(|c| c.event_date.is_some() && keep(c))
        .flat_map(|c| {
            let lanes: Vec<String> = if c.threads.is_empty() {
                vec![String::new()]
            } else {
                c.threads.clone()
            };
            lanes.into_iter().map(|t| (c.id.clone(), t))
        })
        .collect()
}

/// Every mark as the page draws it.
fn marks(context: &Context) -> Result<Vec<Value>, String> {
    let value = context.browser.session.eval(
        "const svg = document.querySelector('.timeline-svg');
         return Array.from(svg.querySelectorAll('a.mark')).map(a => {
           const glyph = a.querySelector('.glyph').getBBox();
           const span = a.querySelector('.span');
           const band = a.closest('.lane').querySelector('.lane-band').getBBox();
           return {
             key: a.dataset.mark, claim: a.dataset.claim, thread: a.dataset.thread,
             lane: a.closest('.lane').dataset.thread, date: a.dataset.date,
             precision: a.dataset.precision, stance: a.dataset.stance,
             start: Number(a.dataset.startDay), end: Number(a.dataset.endDay),
             x: glyph.x + glyph.width / 2, y: glyph.y + glyph.height / 2,
             band_top: band.y, band_bottom: band.y + band.height,
             span_x: span ? span.x.baseVal.value : null,
             span_width: span ? span.width.baseVal.value : null,
             label: a.getAttribute('aria-label'), href: a.getAttribute('href'),
             selected: a.classList.contains('selected'),
           };
         });",
        json!([]),
    )?;
    value
        .as_array()
        .cloned()
        .ok_or_else(|| format!("no marks: {value}"))
}

/// By default a timeline of more than eight lanes shows the eight busiest
/// threads in full and folds the rest, the lane without a thread first;
/// a folded lane draws no marks.
fn default_lanes_fold_beyond_the_busiest(context: &Context) -> Result<(), String> {
    context.open("#/timeline")?;
    wait_for_chart(context)?;
    let lanes = context.browser.session.eval(
        "return Array.from(document.querySelectorAll('.timeline-svg .lane')).map(g => [
           g.dataset.thread, g.dataset.collapsed, g.querySelectorAll('a.mark').length]);",
        json!([]),
    )?;
    let lanes: Vec<(String, bool, u64)> = lanes
        .as_array()
        .ok_or("no lanes")?
        .iter()
        .map(|l| {
            (
                l[0].as_str().unwrap_or("").to_string(),
                l[1].as_str() == Some("true"),
                l[2].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let open = lanes.iter().filter(|l| !l.1).count();
    ensure(lanes.len() > 8 && open == 8, || {
        format!("{} lanes, {open} open: {lanes:?}", lanes.len())
    })?;
    ensure(lanes.iter().all(|l| !l.1 || l.2 == 0), || {
        format!("a folded lane draws marks: {lanes:?}")
    })?;
    ensure(lanes.iter().any(|l| l.0.is_empty() && l.1), || {
        format!("the lane without a thread is open: {lanes:?}")
    })
}

/// The chart's scale, read from the SVG.
struct Scale {
    first_day: f64,
    last_day: f64,
    left: f64,
    right: f64,
}

impl Scale {
    fn read(context: &Context) -> Result<Scale, String> {
        let value = context.browser.session.eval(
            "const d = document.querySelector('.timeline-svg').dataset;
             return [d.firstDay, d.lastDay, d.plotLeft, d.plotRight].map(Number);",
            json!([]),
        )?;
        let n = |i: usize| value[i].as_f64().ok_or(format!("no scale: {value}"));
        Ok(Scale {
            first_day: n(0)?,
            last_day: n(1)?,
            left: n(2)?,
            right: n(3)?,
        })
    }

    fn x(&self, day: f64) -> f64 {
        self.left
            + (day - self.first_day) / (self.last_day - self.first_day + 1.0)
                * (self.right - self.left)
    }
}

fn wait_for_chart(context: &Context) -> Result<(), String> {
    wait_for_heading(context, "Timelines")?;
    context
        .browser
        .session
        .wait_for(
            "the timeline marks",
            "return document.querySelectorAll('.timeline-svg a.mark').length > 0;",
        )
        .map(drop)
}

fn claim<'c>(context: &'c Context, id: &str) -> Result<&'c Claim, String> {
    context
        .corpus
        .claims
        .iter()
        .find(|c| c.id == id)
        .ok_or_else(|| format!("the page shows claim {id}, which the corpus lacks"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 0.6
}

fn marks_match_the_corpus(context: &Context) -> Result<(), String> {
    default_lanes_fold_beyond_the_busiest(context)?;
    context.open("#/timeline?lanes=expanded")?;
    wait_for_chart(context)?;
    let scale = Scale::read(context)?;
    let shown = marks(context)?;
    let drawn: BTreeSet<(String, String)> = shown
        .iter()
        .map(|m| {
            (
                m["claim"].as_str().unwrap_or("").to_string(),
                m["lane"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expected = expected_marks(&context.corpus, |_| true);
    ensure(drawn == expected && shown.len() == expected.len(), || {
        format!(
            "marks drawn ≠ claim/thread pairs: missing {:?}, extra {:?}",
            expected.difference(&drawn).collect::<Vec<_>>(),
            drawn.difference(&expected).collect::<Vec<_>>()
        )
    })?;
    for mark in &shown {
        let id = mark["claim"].as_str().unwrap_or("");
        let claim = claim(context, id)?;
        let (first, last) = covered(claim).ok_or("a mark for an undated claim")?;
        let date = claim.event_date.map(|d| d.to_string()).unwrap_or_default();
        ensure(mark["thread"] == mark["lane"], || {
            format!(
                "{id}: drawn in lane {} but says {}",
                mark["lane"], mark["thread"]
            )
        })?;
        ensure(mark["date"] == json!(date), || {
            format!("{id}: data-date {} ≠ event date {date}", mark["date"])
        })?;
        ensure(mark["stance"] == json!(claim.stance.as_str()), || {
            format!(
                "{id}: stance {} ≠ {}",
                mark["stance"],
                claim.stance.as_str()
            )
        })?;
        ensure(
            mark["start"] == json!(first) && mark["end"] == json!(last),
            || {
                format!(
                    "{id}: days {}..{} ≠ {first}..{last}",
                    mark["start"], mark["end"]
                )
            },
        )?;
        let x = mark["x"].as_f64().unwrap_or(f64::NAN);
        let centre = scale.x((first + last + 1) as f64 / 2.0);
        ensure(close(x, centre), || {
            format!("{id}: glyph at x {x:.2}, its date {date} is at {centre:.2}")
        })?;
        let y = mark["y"].as_f64().unwrap_or(f64::NAN);
        ensure(
            y > mark["band_top"].as_f64().unwrap_or(f64::MAX)
                && y < mark["band_bottom"].as_f64().unwrap_or(f64::MIN),
            || format!("{id}: glyph outside its lane's band"),
        )?;
        let label = mark["label"].as_str().unwrap_or("");
        ensure(
            label.contains(claim.stance.as_str()) && label.contains(&claim.attribution),
            || format!("{id}: accessible name {label:?} lacks stance or source"),
        )?;
    }
    Ok(())
}

fn months_are_spans(context: &Context) -> Result<(), String> {
    let monthly = context
        .corpus
        .claims
        .iter()
        .find(|c| c.event_date_precision == Some(Precision::Month))
        .ok_or("no month-precision claim in the corpus")?;
    let date = monthly.event_date.ok_or("no date")?;
    let (first, last) = (date.first_day_number(), date.last_day_number());
    let before = PartialDate::from_day_number(first - 40);
    let after = PartialDate::from_day_number(last + 40);
    for hash in [
        "#/timeline".to_string(),
        format!("#/timeline?view={before}..{after}"),
    ] {
        context.open(&hash)?;
        wait_for_chart(context)?;
        let scale = Scale::read(context)?;
        let shown = marks(context)?;
        let mark = shown
            .iter()
            .find(|m| m["claim"] == json!(monthly.id))
            .ok_or_else(|| format!("{hash}: no mark for {}", monthly.id))?;
        let x = mark["span_x"]
            .as_f64()
            .ok_or("a month is drawn as a point")?;
        let width = mark["span_width"].as_f64().unwrap_or(0.0);
        let (from, to) = (scale.x(first as f64), scale.x(last as f64 + 1.0));
        ensure(close(x, from) && close(x + width, to), || {
            format!(
                "{hash}: {} ({date}) spans x {x:.2}..{:.2}, the month is {from:.2}..{to:.2}",
                monthly.id,
                x + width
            )
        })?;
        ensure(mark["precision"] == json!("month"), || {
            format!("precision {}", mark["precision"])
        })?;
    }
    // Day-precision marks are points.
    let points = marks(context)?
        .into_iter()
        .filter(|m| m["precision"] == json!("day") && !m["span_x"].is_null())
        .count();
    ensure(points == 0, || {
        format!("{points} day-precision marks are drawn as spans")
    })
}

fn ballistic_missile_history(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let thread = corpus
        .threads
        .iter()
        .find(|t| t.id == MISSILES)
        .ok_or("the seeds have no Iran → Russia ballistic-missile thread")?;
    context.open(&format!(
        "#/timeline?focus={}",
        crate::url_component(MISSILES)
    ))?;
    wait_for_chart(context)?;
    let published = |c: &Claim| {
        corpus
            .documents
            .iter()
            .find(|d| d.id == c.doc)
            .and_then(|d| d.published)
    };
    let mut expected: Vec<(usize, &Claim)> = corpus
        .claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.threads.contains(&thread.id))
        .collect();
    expected.sort_by_key(|(i, c)| {
        (
            published(c).or(c.event_date).map(|d| d.first_day_number()),
            c.event_date.map(|d| d.first_day_number()),
            *i,
        )
    });
    let steps = context.browser.session.eval(
        "return Array.from(document.querySelectorAll('.history-steps li')).map(li => ({
           claim: li.dataset.claim, stance: li.dataset.stance,
           text: li.textContent.trim(), href: li.querySelector('a').getAttribute('href') }));",
        json!([]),
    )?;
    let steps = steps.as_array().cloned().unwrap_or_default();
    let order: Vec<&str> = steps.iter().filter_map(|s| s["claim"].as_str()).collect();
    let wanted: Vec<&str> = expected.iter().map(|(_, c)| c.id.as_str()).collect();
    ensure(order == wanted, || {
        format!("history order {order:?}, expected {wanted:?}")
    })?;
    let heading = texts(context, "#history-title")?.join("");
    ensure(heading.contains(&thread.label), || {
        format!("history heading {heading:?} lacks {:?}", thread.label)
    })?;
    let mut months = Vec::new();
    for (step, (_, claim)) in steps.iter().zip(&expected) {
        let text = step["text"].as_str().unwrap_or("");
        let document = corpus
            .documents
            .iter()
            .find(|d| d.id == claim.doc)
            .ok_or("unknown document")?;
        let outlet = document.outlet.clone().unwrap_or_default();
        let date = published(claim)
            .or(claim.event_date)
            .ok_or("undated step")?;
        let month = format!("{:04}-{:02}", date.year, date.month.unwrap_or(1));
        ensure(
            text.starts_with(&format!("{month} {outlet}: {}", claim.stance.as_str())),
            || {
                format!(
                    "step {text:?} should start “{month} {outlet}: {}”",
                    claim.stance.as_str()
                )
            },
        )?;
        ensure(
            step["href"].as_str().is_some_and(|h| {
                h.starts_with(&format!("#/article/{}", claim.doc)) && h.contains("sel=")
            }),
            || format!("step {text:?} links to {}", step["href"]),
        )?;
        months.push(month);
    }
    ensure(months.windows(2).all(|w| w[0] <= w[1]), || {
        format!("steps out of date order: {months:?}")
    })?;
    // Following a step opens the reader at its sentence.
    let (_, first) = expected[0];
    context.browser.session.click(".history-steps li a")?;
    let headline = &corpus
        .documents
        .iter()
        .find(|d| d.id == first.doc)
        .ok_or("unknown document")?
        .headline;
    wait_for_heading(context, headline)?;
    context.browser.session.wait_for(
        "the claim marked in the reader",
        "return document.querySelector('.reader mark');",
    )?;
    Ok(())
}

fn active_mark(context: &Context) -> Result<Value, String> {
    context.browser.session.eval(
        "const a = document.activeElement;
         return a && a.dataset && a.dataset.mark ? { key: a.dataset.mark, claim: a.dataset.claim,
           lane: a.closest('.lane').dataset.thread, start: Number(a.dataset.startDay) } : null;",
        json!([]),
    )
}

fn hash(context: &Context) -> Result<String, String> {
    Ok(context
        .browser
        .session
        .eval("return location.hash;", json!([]))?
        .as_str()
        .unwrap_or("")
        .to_string())
}

fn keyboard_only(context: &Context) -> Result<(), String> {
    let session = &context.browser.session;
    context.open("#/timeline")?;
    wait_for_chart(context)?;
    let mut first = Value::Null;
    for _ in 0..40 {
        session.press_keys("\u{E004}")?; // Tab
        first = active_mark(context)?;
        if !first.is_null() {
            break;
        }
    }
    ensure(!first.is_null(), || {
        "forty Tabs never reached a mark".into()
    })?;
    let first_claim = first["claim"].as_str().unwrap_or("").to_string();
    session.wait_for(
        "the focused mark's claim in the URL",
        &format!(
            "return location.hash.includes('sel={}');",
            crate::url_component(&first_claim)
        ),
    )?;
    let detail = texts(context, ".timeline-detail blockquote")?.join("");
    ensure(detail == claim(context, &first_claim)?.text, || {
        format!("the detail panel shows {detail:?}, not the focused claim")
    })?;
    session.press_keys("\u{E014}")?; // ArrowRight: next mark in the lane
    let next = active_mark(context)?;
    ensure(
        next["lane"] == first["lane"]
            && next["key"] != first["key"]
            && next["start"].as_f64() >= first["start"].as_f64(),
        || format!("→ from {first} went to {next}"),
    )?;
    session.press_keys("\u{E012}")?; // ArrowLeft: back
    let back = active_mark(context)?;
    ensure(back["key"] == first["key"], || {
        format!("← after → should return to {first}, got {back}")
    })?;
    session.press_keys("\u{E015}")?; // ArrowDown: the next lane
    let below = active_mark(context)?;
    ensure(!below.is_null() && below["lane"] != first["lane"], || {
        format!("↓ from {first} went to {below}")
    })?;
    let scale = Scale::read(context)?;
    session.press_keys("+")?;
    session.wait_for(
        "the zoomed-in range in the URL",
        "return location.hash.includes('view=');",
    )?;
    let zoomed = Scale::read(context)?;
    let (before, after) = (
        scale.last_day - scale.first_day + 1.0,
        zoomed.last_day - zoomed.first_day + 1.0,
    );
    ensure((after - before / 2.0).abs() <= 1.0, || {
        format!("+ should halve the range: {before} days → {after}")
    })?;
    let target = active_mark(context)?;
    ensure(target["key"] == below["key"], || {
        format!("zooming moved focus from {below} to {target}")
    })?;
    let claim_id = target["claim"].as_str().unwrap_or("").to_string();
    let claim = claim(context, &claim_id)?;
    let headline = context
        .corpus
        .documents
        .iter()
        .find(|d| d.id == claim.doc)
        .ok_or("unknown document")?
        .headline
        .clone();
    session.press_keys("\u{E007}")?; // Enter
    wait_for_heading(context, &headline)?;
    let reader = hash(context)?;
    ensure(
        reader.contains(&format!("sel={}", crate::url_component(&claim_id))),
        || format!("the reader URL {reader} does not select {claim_id}"),
    )?;
    session.back()?;
    wait_for_chart(context)?;
    let restored = marks(context)?
        .into_iter()
        .filter(|m| m["selected"] == json!(true))
        .filter_map(|m| m["claim"].as_str().map(str::to_string))
        .collect::<BTreeSet<_>>();
    ensure(restored == BTreeSet::from([claim_id.clone()]), || {
        format!("after Back the selection should be {claim_id}, is {restored:?}")
    })
}

fn deep_link_restores_range_and_selection(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let from = PartialDate::parse_iso("2023-01").ok_or("date")?;
    let to = PartialDate::parse_iso("2024-03").ok_or("date")?;
    let chosen = corpus
        .claims
        .iter()
        .filter(|c| {
            covered(c).is_some_and(|(first, last)| {
                first >= from.first_day_number() && last <= to.last_day_number()
            })
        })
        .max_by_key(|c| c.threads.len())
        .ok_or("no claim dated in 2023 – March 2024")?;
    let link = format!(
        "#/timeline?view=2023-01..2024-03&sel={}",
        crate::url_component(&chosen.id)
    );
    context.open(&link)?;
    for attempt in ["opened", "reloaded"] {
        wait_for_chart(context)?;
        let scale = Scale::read(context)?;
        ensure(
            scale.first_day == from.first_day_number() as f64
                && scale.last_day == to.last_day_number() as f64,
            || {
                format!(
                    "{attempt}: the range is days {}..{}",
                    scale.first_day, scale.last_day
                )
            },
        )?;
        let selected: BTreeSet<String> = marks(context)?
            .into_iter()
            .filter(|m| m["selected"] == json!(true))
            .filter_map(|m| m["claim"].as_str().map(str::to_string))
            .collect();
        ensure(selected == BTreeSet::from([chosen.id.clone()]), || {
            format!(
                "{attempt}: selected marks {selected:?}, expected {}",
                chosen.id
            )
        })?;
        let detail = texts(context, ".timeline-detail blockquote")?.join("");
        ensure(detail == chosen.text, || {
            format!("{attempt}: detail shows {detail:?}")
        })?;
        let range = texts(context, ".timeline-range")?.join("");
        ensure(range == "1 Jan 2023 to 31 Mar 2024", || {
            format!("{attempt}: range reads {range:?}")
        })?;
        context.browser.session.refresh()?;
    }
    // A pan button is a step in history: Back returns to the linked range.
    wait_for_chart(context)?;
    context
        .browser
        .session
        .click(".timeline-controls button[aria-label='Later']")?;
    context.browser.session.wait_for(
        "the panned range",
        "return !location.hash.includes('view=2023-01..2024-03');",
    )?;
    let panned = Scale::read(context)?;
    ensure(panned.first_day > from.first_day_number() as f64, || {
        "Later did not move the range later".into()
    })?;
    context.browser.session.back()?;
    context.browser.session.wait_for(
        "the linked range after Back",
        &format!(
            "return document.querySelector('.timeline-svg').dataset.firstDay === '{}';",
            from.first_day_number()
        ),
    )?;
    let overview = format!("#/timeline?focus={}", crate::url_component(MISSILES));
    context.browser.save_screenshot(
        &format!("{}{overview}", context.base),
        1280,
        900,
        "timeline",
    )
}

fn filters_table_and_downloads(context: &Context) -> Result<(), String> {
    let corpus = &context.corpus;
    let session = &context.browser.session;
    context.open("#/timeline?stance=denied,unconfirmed")?;
    wait_for_chart(context)?;
    let keep = |c: &Claim| c.stance.as_str() == "denied" || c.stance.as_str() == "unconfirmed";
    let expected = expected_marks(corpus, keep);
    let shown = marks(context)?;
    let drawn: BTreeSet<(String, String)> = shown
        .iter()
        .map(|m| {
            (
                m["claim"].as_str().unwrap_or("").to_string(),
                m["lane"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    ensure(drawn == expected, || {
        format!("filtered marks {drawn:?}, expected {expected:?}")
    })?;
    let summary = texts(context, ".timeline-filters")?.join(" ");
    ensure(
        summary.contains("stance denied") && summary.contains("stance unconfirmed"),
        || format!("active filters not shown: {summary:?}"),
    )?;
    let explorer = session.eval(
        "return document.querySelector('.timeline-filters a').getAttribute('href');",
        json!([]),
    )?;
    ensure(
        explorer
            .as_str()
            .is_some_and(|h| h.starts_with("#/explore") && h.contains("stance=denied,unconfirmed")),
        || format!("the explorer link {explorer} drops the filters"),
    )?;

    // The table lists the same marks.
    let rows = session.eval(
        "return Array.from(document.querySelectorAll('.timeline-table tbody tr')).map(r => r.dataset.mark);",
        json!([]),
    )?;
    let rows: BTreeSet<String> = rows
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let keys: BTreeSet<String> = shown
        .iter()
        .filter_map(|m| m["key"].as_str().map(str::to_string))
        .collect();
    ensure(rows == keys, || {
        format!("table rows {rows:?} ≠ chart marks {keys:?}")
    })?;

    // Undated claims are listed, never dropped.
    let undated = corpus
        .claims
        .iter()
        .filter(|c| c.event_date.is_none() && keep(c))
        .count();
    let listed = texts(context, ".timeline-undated li")?.len();
    ensure(listed == undated, || {
        format!("{listed} undated claims listed, the corpus has {undated}")
    })?;

    // Downloads: catch the Blob the page makes and read it back.
    session.eval(
        "window.__blobs = [];
         const make = URL.createObjectURL.bind(URL);
         URL.createObjectURL = b => { window.__blobs.push(b); return make(b); };
         HTMLAnchorElement.prototype.click = function () {};",
        json!([]),
    )?;
    session.click(".timeline-downloads button:nth-of-type(1)")?;
    session.click(".timeline-downloads button:nth-of-type(2)")?;
    let files = session.eval_async(
        "const done = arguments[arguments.length - 1];
         Promise.all(window.__blobs.map(b => b.text().then(t => [b.type, t]))).then(done);",
        json!([]),
    )?;
    let claims: BTreeSet<&str> = expected.iter().map(|(c, _)| c.as_str()).collect();
    let csv = files[0][1].as_str().unwrap_or("");
    ensure(
        files[0][0]
            .as_str()
            .is_some_and(|t| t.starts_with("text/csv"))
            && csv.starts_with("claim,document,outlet,"),
        || format!("the CSV download is {:?}", files[0]),
    )?;
    let json_text = files[1][1].as_str().unwrap_or("");
    let rows: Value = serde_json::from_str(json_text).map_err(|e| format!("JSON download: {e}"))?;
    let exported: BTreeSet<&str> = rows
        .as_array()
        .map(|a| a.iter().filter_map(|r| r["claim"].as_str()).collect())
        .unwrap_or_default();
    ensure(exported == claims, || {
        format!("JSON download has {exported:?}, the timeline shows {claims:?}")
    })?;
    for claim in &claims {
        ensure(csv.contains(&format!("\r\n{claim},")), || {
            format!("the CSV download lacks {claim}")
        })?;
    }

    // Phone width: the chart scrolls inside its region, the page does not.
    session.set_window_size(375, 800)?;
    let result = (|| {
        context.open("#/timeline")?;
        wait_for_chart(context)?;
        let overflow = session.eval(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
            json!([]),
        )?;
        ensure(overflow.as_i64() == Some(0), || {
            format!("the timeline scrolls sideways by {overflow} px at 375 px")
        })
    })();
    session.set_window_size(1280, 900)?;
    result
}
