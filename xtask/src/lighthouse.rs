//! Lighthouse (npm, pinned in `npm.rs`) against a loopback URL in headless
//! Chromium with its default mobile throttling: category scores and the
//! largest contentful paint, for `cargo xtask bench`.

use crate::npm::{ensure_package, LIGHTHOUSE};
use serde_json::Value;

/// What the benchmark reads from one Lighthouse report.
pub struct Report {
    /// (category title, score 0-100), in report order.
    pub scores: Vec<(String, f64)>,
    pub lcp_ms: f64,
    /// Audits that did not pass, with their titles: why a score is below 100.
    pub failing: Vec<String>,
}

/// Chromium flags for this closed, root-run, headless environment.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --no-first-run --disable-sync";

pub fn run(url: &str) -> Result<Report, String> {
    let package = ensure_package(LIGHTHOUSE)?;
    let out = crate::root()
        .join("target")
        .join("bench")
        .join("lighthouse.json");
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let output = std::process::Command::new("node")
        .arg(package.join("cli").join("index.js"))
        .arg(url)
        .arg("--output=json")
        .arg(format!("--output-path={}", out.display()))
        .arg("--quiet")
        .arg(format!("--chrome-flags={CHROME_FLAGS}"))
        .env("CHROME_PATH", crate::tools::CHROMIUM)
        .output()
        .map_err(|e| format!("cannot start node for Lighthouse: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "Lighthouse failed on {url}: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    let report: Value = serde_json::from_str(&crate::hosting::read(&out)?)
        .map_err(|e| format!("Lighthouse wrote invalid JSON: {e}"))?;
    if let Some(error) = report["runtimeError"]["message"].as_str() {
        return Err(format!("Lighthouse could not measure {url}: {error}"));
    }
    let scores = report["categories"]
        .as_object()
        .map(|categories| {
            categories
                .values()
                .map(|c| {
                    (
                        c["title"].as_str().unwrap_or("?").to_string(),
                        c["score"].as_f64().unwrap_or(0.0) * 100.0,
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let failing = report["audits"]
        .as_object()
        .map(|audits| {
            audits
                .values()
                .filter(|a| a["score"].as_f64().is_some_and(|s| s < 0.9))
                .filter(|a| {
                    matches!(
                        a["scoreDisplayMode"].as_str(),
                        Some("binary" | "numeric" | "metricSavings")
                    )
                })
                .filter_map(|a| a["title"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    Ok(Report {
        scores,
        lcp_ms: report["audits"]["largest-contentful-paint"]["numericValue"]
            .as_f64()
            .unwrap_or(f64::NAN),
        failing,
    })
}
