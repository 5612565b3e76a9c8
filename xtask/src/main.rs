//! `cargo xtask <task>`: every project task in Rust, so it runs wherever
//! cargo does. See `cargo xtask help`.

mod audit;
mod bench;
mod bench_analyser;
mod bench_explore;
mod browser;
mod corpus_gen;
mod e2e;
mod eval;
mod hosting;
mod lighthouse;
mod npm;
mod robustness;
mod server;
mod shell;
mod single_file;
mod tools;
mod webdriver;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task>

  setup                 install what the build and tests need (skips what is present)
  serve [--port N]      build the site and serve it at http://127.0.0.1:8080
  dist [--single-file] [--strict]
                        write the static site to dist/ (relative URLs: works under any sub-path);
                        --single-file also writes dist/crossread.html, one file that works from disk;
                        a seed file that cannot be read is skipped with a warning, unless --strict
  test                  run every check and test, then print a summary
  e2e [FILTER]          build dist/ and run the end-to-end browser tests (those whose name contains FILTER)
  site-checks           build dist/ and run only the hosting, one-file, audit and robustness checks
  bench [--sizes N,..]  sizes, load figures and Lighthouse scores against budgets, on the seeds
                        and on generated corpora of N articles (default 2000; README: Budgets)
  bench-importer        only the importer's figures: worker sizes, 5 and 100 articles analysed
  e2e-story             build the site from tests/corpora/quake and run the end-to-end cases for another story
  eval SET=PATH ...     the analysis on public benchmarks fetched by hand (see `cargo xtask eval --help`)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => tools::ensure_all(),
        Some("serve") => serve(&args[1..]),
        Some("dist") => dist_task(&args[1..]),
        Some("test") => test(),
        Some("e2e") => dist().and_then(|dist| e2e::run(&dist, args.get(1).map(String::as_str))),
        Some("site-checks") => dist().and_then(|dist| site_checks(&dist)),
        Some("bench") => bench::run(&args[1..]),
        Some("eval") => eval::run(&args[1..]),
        Some("e2e-story") => any_story(),
        Some("bench-importer") => dist()
            .and_then(|dist| bench_analyser::run(&dist, &corpus_gen::generate(100)?).map(drop)),
        Some("help" | "-h" | "--help") | None => {
            println!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown task {other:?}\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the site from another story's corpus and runs its end-to-end
/// cases.
fn any_story() -> Result<(), String> {
    let options = DistOptions {
        seeds: Some(e2e::any_story::corpus_dir()),
        strict: true,
        // Far below the threshold, so forced: the end-to-end run on a
        // chunked site (docs/scale.md).
        chunked: Some(true),
        // Several packs even for a few articles.
        articles_per_pack: Some(e2e::chunked::ARTICLES_PER_PACK),
        // The library in pages of a few.
        library_page: Some(e2e::chunked::LIBRARY_PAGE),
        // Some articles without a page of their own.
        prerendered_articles: Some(e2e::chunked::PRERENDERED_ARTICLES),
        // A file per thread, so that several threads load several files.
        thread_file_claims: Some(1),
        ..DistOptions::default()
    };
    let dist = dist_into(&root().join("target/any-story/dist"), &options)?;
    e2e::any_story::run(&dist)
}

/// The workspace root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Builds the release site into `dist/` and returns its path.
pub fn dist() -> Result<PathBuf, String> {
    dist_into(&root().join("dist"), &DistOptions::default())
}

/// Builds the release site into `dist/`, refusing a bad seed file.
fn strict_dist() -> Result<PathBuf, String> {
    let options = DistOptions {
        strict: true,
        ..DistOptions::default()
    };
    dist_into(&root().join("dist"), &options)
}

/// How a site is built: every build (the site, test and bench variants)
/// goes through [`dist_into`], so they differ only in these choices.
pub struct DistOptions {
    /// Seeds directory to embed instead of `$CROSSREAD_SEEDS` or `seeds/`.
    pub seeds: Option<PathBuf>,
    /// Cargo features of the app (test-only probes).
    pub features: Vec<&'static str>,
    /// See [`hosting::finish`].
    pub strict_csp: bool,
    /// Readers can add their own articles (the app's default feature
    /// `importer`); off only to measure what it adds to a first visit.
    pub importer: bool,
    /// One seed file that cannot be read stops the build
    /// (`CROSSREAD_STRICT=1` for `build.rs`) instead of being skipped.
    pub strict: bool,
    /// Ship the corpus as data files fetched on demand (`Some(true)`), or
    /// embedded in the wasm (`Some(false)`, as the one-file build needs);
    /// `None` lets `build.rs` choose by the number of articles
    /// (`CROSSREAD_CHUNKED`).
    pub chunked: Option<bool>,
    /// Articles per data pack of a chunked site (`None`: the default 8).
    pub articles_per_pack: Option<usize>,
    /// Entries per library page of a chunked site (`None`: the default
    /// 100).
    pub library_page: Option<usize>,
    /// Articles of a chunked site with a prerendered page (`None`: the
    /// default 5,000).
    pub prerendered_articles: Option<usize>,
    /// Claims that fill a thread file of a chunked site (`None`: the
    /// default 512).
    pub thread_file_claims: Option<usize>,
}

impl Default for DistOptions {
    fn default() -> Self {
        DistOptions {
            seeds: None,
            features: Vec::new(),
            strict_csp: true,
            importer: true,
            strict: false,
            chunked: None,
            articles_per_pack: None,
            library_page: None,
            prerendered_articles: None,
            thread_file_claims: None,
        }
    }
}

/// Builds the release site into `out` and returns its path.
pub fn dist_into(out: &Path, options: &DistOptions) -> Result<PathBuf, String> {
    tools::ensure_build_tools()?;
    let out_arg = out.to_string_lossy().into_owned();
    let features = options.features.join(",");
    let mut args = vec![
        "build",
        "--release",
        "--offline",
        "--public-url",
        "./",
        "--dist",
        &out_arg,
    ];
    if !features.is_empty() {
        args.extend(["--features", &features]);
    }
    if !options.importer {
        args.push("--no-default-features");
    }
    let seeds = options
        .seeds
        .as_ref()
        .map(|s| s.to_string_lossy().into_owned());
    let mut env: Vec<(&str, &str)> = seeds
        .as_deref()
        .map(|s| ("CROSSREAD_SEEDS", s))
        .into_iter()
        .collect();
    if options.strict {
        env.push(("CROSSREAD_STRICT", "1"));
    }
    let per_pack = options.articles_per_pack.map(|n| n.to_string());
    if let Some(n) = &per_pack {
        env.push(("CROSSREAD_ARTICLES_PER_PACK", n));
    }
    let library_page = options.library_page.map(|n| n.to_string());
    if let Some(n) = &library_page {
        env.push(("CROSSREAD_LIBRARY_PAGE", n));
    }
    let prerendered = options.prerendered_articles.map(|n| n.to_string());
    if let Some(n) = &prerendered {
        env.push(("CROSSREAD_PRERENDERED_ARTICLES", n));
    }
    let thread_file = options.thread_file_claims.map(|n| n.to_string());
    if let Some(n) = &thread_file {
        env.push(("CROSSREAD_THREAD_FILE_CLAIMS", n));
    }
    match options.chunked {
        Some(true) => env.push(("CROSSREAD_CHUNKED", "1")),
        Some(false) => env.push(("CROSSREAD_CHUNKED", "0")),
        None => {}
    }
    shell::run_with_env("trunk", &args, &root(), &env)?;
    start_app_after_first_paint(out)?;
    hosting::finish(out, options.strict_csp)?;
    prerender(out, &env, options.importer)?;
    Ok(out.to_path_buf())
}

/// Trunk's loader imports the app while the page is parsed, so on a fast
/// connection the wasm runs before the prerendered text is first painted,
/// and page-load metrics count the wasm download. Importing after the first
/// contentful paint keeps the text first; the app then hydrates it as
/// before. (After one frame was not enough: Lighthouse's simulated LCP
/// flipped between 0.9 and 1.3 s with the order of paint and import.)
fn start_app_after_first_paint(out: &Path) -> Result<(), String> {
    let index = out.join("index.html");
    let html = hosting::read(&index)?;
    let deferred = deferred_loader(&html).ok_or_else(|| {
        format!(
            "{}: Trunk's loader (`import init, * as bindings from '…'`) was not found",
            index.display()
        )
    })?;
    hosting::write(&index, &deferred)
}

/// Waits until the browser has recorded the first contentful paint (so
/// page-load metrics never see the app's download before the text), or
/// for one frame where paint timing is missing, or 2 s at most (a page
/// opened in a background tab paints late).
const AFTER_FIRST_PAINT: &str = "await new Promise((resolve) => {
  const go = () => setTimeout(resolve);
  const painted = (entries) => entries.some((e) => e.name === 'first-contentful-paint');
  setTimeout(resolve, 2000);
  if (typeof PerformanceObserver === 'undefined' || painted(performance.getEntriesByType('paint'))) {
    requestAnimationFrame(go);
    return;
  }
  new PerformanceObserver((list, observer) => {
    if (painted(list.getEntries())) { observer.disconnect(); go(); }
  }).observe({ type: 'paint' });
});";

fn deferred_loader(html: &str) -> Option<String> {
    const STATIC_IMPORT: &str = "import init, * as bindings from '";
    let start = html.find(STATIC_IMPORT)?;
    let rest = &html[start + STATIC_IMPORT.len()..];
    let end = rest.find("';")?;
    let glue = &rest[..end];
    let dynamic = format!("{AFTER_FIRST_PAINT}\nconst bindings = await import('{glue}');\nconst init = bindings.default;");
    Some(format!("{}{dynamic}{}", &html[..start], &rest[end + 2..]))
}

/// Fills the built pages with the app's HTML (library, and one page per
/// article) so text shows before the wasm loads; see `src/bin/prerender.rs`.
/// A native dev build: it compiles fast and renders thousands of pages in
/// seconds.
fn prerender(out: &Path, env: &[(&str, &str)], importer: bool) -> Result<(), String> {
    let out_arg = out.to_string_lossy().into_owned();
    let mut args = vec!["run", "--quiet", "--package", "crossread"];
    if !importer {
        args.push("--no-default-features");
    }
    args.extend([
        "--features",
        "prerender",
        "--bin",
        "crossread-prerender",
        "--",
        &out_arg,
    ]);
    shell::run_with_env("cargo", &args, &root(), env)
}

/// The prerendered page of an article in `dist/`; mirrors
/// `crossread::view_state::article_page_file`, which names the files.
pub fn article_page_file(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("article-{safe}.html")
}

/// Percent-encodes a value for a URL hash parameter, as the app does.
pub fn url_component(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn dist_task(args: &[String]) -> Result<(), String> {
    let known = ["--single-file", "--strict"];
    if let Some(other) = args.iter().find(|a| !known.contains(&a.as_str())) {
        return Err(format!(
            "unknown option {other:?}\nusage: cargo xtask dist [--single-file] [--strict]"
        ));
    }
    let options = DistOptions {
        strict: args.iter().any(|a| a == "--strict"),
        // One file cannot fetch data files: it embeds the corpus.
        chunked: args.iter().any(|a| a == "--single-file").then_some(false),
        ..DistOptions::default()
    };
    let dist = dist_into(&root().join("dist"), &options)?;
    if args.iter().any(|a| a == "--single-file") {
        let file = single_file::write(&dist)?;
        println!("wrote {}", file.display());
    }
    Ok(())
}

type SiteCheck = (&'static str, fn(&Path) -> Result<(), String>);

/// The checks of the shipped site beyond the app's own end-to-end cases.
const SITE_CHECKS: &[SiteCheck] = &[
    (
        "hosting: strict CSP header, 404 page (Chromium)",
        hosting::check,
    ),
    (
        "one-file build opened from file:// (Chromium)",
        single_file::check,
    ),
    (
        "accessibility: axe-core on every view, light and dark (Chromium)",
        audit::check,
    ),
    (
        "robustness: payload corpus renders as text, panic notice (Chromium)",
        robustness::check,
    ),
];

fn site_checks(dist: &Path) -> Result<(), String> {
    let failed: Vec<String> = SITE_CHECKS
        .iter()
        .filter_map(|(name, check)| {
            println!("\n==> {name}");
            check(dist).err().map(|e| format!("{name}: {e}"))
        })
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(failed.join("\n"))
    }
}

fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, port] if flag == "--port" => port
            .parse()
            .map_err(|_| format!("not a port number: {port}"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".into()),
    };
    let dist = dist()?;
    let server = server::StaticServer::start(&dist, "/", port)?;
    println!(
        "Crossread is at http://127.0.0.1:{}/ (Ctrl-C to stop)",
        server.port()
    );
    server.wait();
    Ok(())
}

/// One step of `cargo xtask test`.
struct Step {
    name: &'static str,
    outcome: Result<(), String>,
    seconds: f64,
}

fn test() -> Result<(), String> {
    let root = root();
    let mut steps: Vec<Step> = Vec::new();
    let mut step = |name: &'static str, work: &mut dyn FnMut() -> Result<(), String>| {
        println!("\n==> {name}");
        let started = std::time::Instant::now();
        let outcome = work();
        if let Err(message) = &outcome {
            eprintln!("FAILED: {name}: {message}");
        }
        steps.push(Step {
            name,
            outcome,
            seconds: started.elapsed().as_secs_f64(),
        });
    };
    step("install missing tools", &mut tools::ensure_all);
    step("formatting (cargo fmt --check)", &mut || {
        shell::run("cargo", &["fmt", "--all", "--", "--check"], &root)
    });
    step("lints (cargo clippy -D warnings)", &mut || {
        shell::run(
            "cargo",
            &[
                "clippy",
                "--workspace",
                "--all-features",
                "--all-targets",
                "--quiet",
                "--",
                "-D",
                "warnings",
            ],
            &root,
        )
    });
    step(
        "native tests (cargo test --workspace --all-features)",
        &mut || {
            // Property tests explore freely under a plain `cargo test`; the
            // suite fixes their seed so that a run is reproducible.
            shell::run_with_env(
                "cargo",
                &["test", "--workspace", "--all-features", "--quiet"],
                &root,
                &[("PROPTEST_RNG_SEED", "20261202")],
            )
        },
    );
    step(
        "browser unit tests (wasm-bindgen-test, headless Chromium)",
        &mut || {
            shell::run_with_env(
                "cargo",
                &[
                    "test",
                    "--package",
                    "crossread",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--test",
                    "browser",
                    "--test",
                    "analysis_in_browser",
                ],
                &root,
                &[("CHROMEDRIVER", tools::CHROMEDRIVER)],
            )
        },
    );
    let mut dist_path = None;
    // The seeds are built strictly, so a bad seed fails the suite.
    step(
        "static site build (trunk build --release; seeds read strictly)",
        &mut || strict_dist().map(|d| dist_path = Some(d)),
    );
    step(
        "end-to-end tests (dist/ under a sub-path, Chromium via chromedriver)",
        &mut || match &dist_path {
            Some(dist) => e2e::run(dist, None),
            None => Err("skipped: the site did not build".into()),
        },
    );
    step(
        "end-to-end on another story, chunked (site built from tests/corpora/quake)",
        &mut any_story,
    );
    let dist_path = &dist_path;
    for (name, check) in SITE_CHECKS {
        step(name, &mut || match dist_path {
            Some(dist) => check(dist),
            None => Err("skipped: the site did not build".to_string()),
        });
    }
    println!("\n==== Summary ====");
    for s in &steps {
        let status = if s.outcome.is_ok() { "ok  " } else { "FAIL" };
        println!("{status}  {:>6.1}s  {}", s.seconds, s.name);
    }
    let failed = steps.iter().filter(|s| s.outcome.is_err()).count();
    if failed == 0 {
        println!("All {} steps passed.", steps.len());
        Ok(())
    } else {
        Err(format!("{failed} of {} steps failed", steps.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_imports_the_app_after_the_first_frame() {
        let html = "<script type=\"module\">\nimport init, * as bindings from './app-1.js';\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });\n</script>";
        let deferred = deferred_loader(html).unwrap();
        assert!(!deferred.contains("import init"));
        assert!(deferred.contains("requestAnimationFrame"));
        assert!(deferred.contains("const bindings = await import('./app-1.js');\nconst init = bindings.default;\nconst wasm = await init({ module_or_path: './app-1_bg.wasm' });"));
        assert_eq!(deferred_loader("<p>no loader</p>"), None);
    }
}
