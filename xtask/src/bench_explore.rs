//! Explorer latency in headless Chromium: time from an input (typing in the
//! search box, ticking a facet) to the updated result count in the DOM, and
//! to the next frame. Figures only; budgets are printed, never asserted in
//! tests.

use crate::browser::Browser;
use serde_json::{json, Value};

/// One frame at 60 Hz: the aim on the seeds.
pub const SEEDS_BUDGET_MS: f64 = 16.0;
/// The aim at 2,000 articles embedded.
pub const LARGE_BUDGET_MS: f64 = 50.0;
/// Issue 16's budget for a chunked site's explorer (at 10,000 articles,
/// its shards loaded); its claims come from the matching articles' packs.
pub const CHUNKED_BUDGET_MS: f64 = 100.0;

const RUNS: usize = 15;

/// Runs one input `RUNS` times, alternating two values that give different
/// results, and returns the times (ms) to the first DOM change under
/// `.results` and to the next frame. A run with no change within a second
/// gives NaN, which fails the measurement.
const MEASURE: &str = r#"
const [kind, values, runs, done] = arguments;
const wait = () => new Promise(resolve => {
  const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
  observer.observe(document.querySelector('.results'), { subtree: true, childList: true, characterData: true });
});
const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve(performance.now())));
(async () => {
  const dom = [], painted = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const changed = wait();
    if (kind === 'search') {
      const input = document.querySelector('#search-input');
      input.value = values[i % 2];
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    } else {
      document.querySelector(values[0]).click();
    }
    const updated = await Promise.race([changed, new Promise(r => setTimeout(() => r(NaN), 1000))]);
    const next = await frame();
    dom.push(updated - started);
    painted.push(next - started);
    await frame();
  }
  done({ dom, painted });
})();
"#;

pub struct Figures {
    pub label: String,
    pub dom_median: f64,
    pub dom_max: f64,
    pub frame_median: f64,
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

fn numbers(value: &Value, key: &str) -> Vec<f64> {
    value[key]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// Measures the explorer served at `base` (ending in `/`).
pub fn measure(base: &str) -> Result<Vec<Figures>, String> {
    let browser = Browser::start(1280, 900)?;
    let cases: [(&str, &str, Value); 3] = [
        (
            "search (articles)",
            "#/explore",
            json!(["missile", "drones"]),
        ),
        (
            "search (claims)",
            "#/explore?as=claims",
            json!(["ballistic", "\"north korea\""]),
        ),
        (
            "facet click (claims, stance)",
            "#/explore?as=claims",
            json!(["fieldset[data-facet=stance] input[data-value=expected]"]),
        ),
    ];
    let mut figures = Vec::new();
    for (label, hash, values) in cases {
        browser.open(&format!("{base}{hash}"))?;
        browser.session.wait_for(
            "the explorer",
            "return document.querySelector('.result-count');",
        )?;
        let kind = if label.starts_with("search") {
            "search"
        } else {
            "click"
        };
        let result = browser
            .session
            .eval_async(MEASURE, json!([kind, values, RUNS]))?;
        let (mut dom, mut painted) = (numbers(&result, "dom"), numbers(&result, "painted"));
        if dom.iter().any(|v| v.is_nan()) || dom.is_empty() {
            return Err(format!(
                "{label}: the result count did not change after an input"
            ));
        }
        let dom_max = dom.iter().copied().fold(0.0, f64::max);
        figures.push(Figures {
            label: label.to_string(),
            dom_median: median(&mut dom),
            dom_max,
            frame_median: median(&mut painted),
        });
    }
    Ok(figures)
}

/// Prints the figures against a budget; returns how many are over.
pub fn print(figures: &[Figures], budget_ms: f64) -> usize {
    let mut over = 0;
    for f in figures {
        let verdict = if f.dom_median <= budget_ms {
            "PASS"
        } else {
            "OVER"
        };
        over += usize::from(f.dom_median > budget_ms);
        println!(
            "  explorer {}: input→DOM median {:.1} ms (max {:.1}), →next frame {:.1} ms  [{verdict} ≤ {budget_ms} ms]",
            f.label, f.dom_median, f.dom_max, f.frame_median
        );
    }
    over
}
