//! `cargo xtask bench`: what a reader downloads and waits for, against the
//! budgets below, on the seeds and on generated larger corpora (README:
//! Budgets; docs/scale.md). Figures print as they are measured. Timings live
//! here and never in tests: they vary from run to run.

use crate::browser::Browser;
use crate::server::StaticServer;
use crate::DistOptions;
use crossread_corpus::parts::LIBRARY_PAGE;
use crossread_corpus::source_dir::read_source_dir;
use crossread_corpus::{build_corpus_in_parallel, Corpus, Strictness};
use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

const KB: f64 = 1024.0;
const MB: f64 = 1024.0 * 1024.0;

/// Budgets for the seeds build (the target: wasm under 400 KB gzip).
const SEEDS_WASM_GZIP_KB: f64 = 400.0;
/// What readers' own articles (the importer) may add to a first visit.
const IMPORTER_GROWTH_GZIP_KB: f64 = 15.0;
const SEEDS_TOTAL_GZIP_KB: f64 = 450.0;
const SEEDS_FIRST_RENDER_MS: f64 = 500.0;
const SEEDS_JS_HEAP_MB: f64 = 10.0;
const SEEDS_WASM_MEMORY_MB: f64 = 16.0;
/// Budgets for a 2,000-article build: what a reader on a mid-range phone
/// on 4G can wait for (about 1 MB gzip is a few seconds).
const LARGE_TOTAL_GZIP_KB: f64 = 1024.0;
const LARGE_FIRST_RENDER_MS: f64 = 1000.0;
const LARGE_WASM_MEMORY_MB: f64 = 64.0;
/// Issue 16: the timeline's first render at 10,000 articles within 1 s
/// (counts per period stand in for the claims when there are too many).
const LARGE_TIMELINE_RENDER_MS: f64 = 1000.0;
/// Issue 16, a chunked site of 10,000 articles (100,000): the first visit,
/// and what opening an article and a first explorer search fetch.
const CHUNKED_FIRST_VISIT_GZIP_KB: f64 = 400.0;
const HUGE_FIRST_VISIT_GZIP_KB: f64 = 700.0;
const CHUNKED_ARTICLE_GZIP_KB: f64 = 50.0;
const CHUNKED_SEARCH_GZIP_KB: f64 = 100.0;
/// Wasm memory after a search and three articles (issue 16).
const CHUNKED_MEMORY_IN_USE_MB: f64 = 40.0;
const HUGE_MEMORY_IN_USE_MB: f64 = 80.0;
const HUGE_SEARCH_GZIP_KB: f64 = 300.0;
/// Lighthouse targets (issue 7): performance at least 95, the rest 100.
const LIGHTHOUSE_PERFORMANCE_MIN: f64 = 95.0;
const LIGHTHOUSE_OTHER_MIN: f64 = 100.0;
/// The library's LCP within 10% of a static page holding the same text.
const LCP_RATIO_MAX: f64 = 1.10;
/// Loads per figure; the median is printed.
const LOADS: usize = 5;
/// Corpus sizes measured besides the seeds, unless `--sizes` says otherwise.
const DEFAULT_SIZES: &[usize] = &[2000];

/// The seeds directory the build uses (`$CROSSREAD_SEEDS` or `seeds/`).
pub fn seeds_dir() -> PathBuf {
    std::env::var_os("CROSSREAD_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| crate::root().join("seeds"))
}

/// The corpus analysed from the seeds, as the build script sees it.
pub fn seeds_corpus() -> Result<Corpus, String> {
    corpus_of(&seeds_dir())
}

/// The seed files and catalog text, as the build reads them.
pub fn seeds_source() -> Result<crossread_corpus::source_dir::SourceDir, String> {
    read_source_dir(&seeds_dir())
}

/// The corpus of a seeds directory, analysed on every core as the build
/// script does it.
pub fn corpus_of(dir: &Path) -> Result<Corpus, String> {
    let source = read_source_dir(dir)?;
    let workers = std::thread::available_parallelism().unwrap_or(std::num::NonZeroUsize::MIN);
    build_corpus_in_parallel(
        source.files,
        source.catalog.as_deref(),
        Strictness::Strict,
        workers,
    )
    .map_err(|e| e.to_string())
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    let _ = encoder.write_all(bytes);
    encoder.finish().map(|v| v.len()).unwrap_or(0)
}

/// One figure against its budget: `PASS` or `OVER`.
pub fn budget(label: &str, value: f64, unit: &str, limit: f64, higher_is_better: bool) -> bool {
    let pass = if higher_is_better {
        value >= limit
    } else {
        value <= limit
    };
    let sign = if higher_is_better { "≥" } else { "≤" };
    let unit = if unit.is_empty() {
        String::new()
    } else {
        format!(" {unit}")
    };
    println!(
        "  {:<4}  {label}: {value:.1}{unit} (budget {sign} {limit}{unit})",
        if pass { "PASS" } else { "OVER" }
    );
    pass
}

pub fn run(args: &[String]) -> Result<(), String> {
    // `--generated-only`: the generated corpora without the seeds' part
    // (a long run at 100,000 articles).
    let generated_only = args.iter().any(|a| a == "--generated-only");
    let args: Vec<String> = (args.iter())
        .filter(|a| *a != "--generated-only")
        .cloned()
        .collect();
    let sizes: Vec<usize> = match args.as_slice() {
        [] => DEFAULT_SIZES.to_vec(),
        [flag, list] if flag == "--sizes" => list
            .split(',')
            .filter(|n| !n.trim().is_empty())
            .map(|n| n.trim().parse().map_err(|_| format!("not a size: {n}")))
            .collect::<Result<_, _>>()?,
        _ => {
            return Err(
                "usage: cargo xtask bench [--sizes 500,2000,5000] [--generated-only] (--sizes \"\": seeds only)"
                    .into(),
            )
        }
    };
    let mut over = 0;
    if !generated_only {
        over += bench_seeds()?;
    }
    for size in sizes {
        over += bench_generated(size)?;
    }
    println!();
    if over == 0 {
        println!("Every figure is within its budget.");
    } else {
        println!("{over} figure(s) over budget (see OVER above).");
    }
    Ok(())
}

/// The seeds' site against its budgets: the figures over budget.
fn bench_seeds() -> Result<usize, String> {
    let mut over = 0;
    println!("\n== Seeds: build ==");
    let started = Instant::now();
    let dist = crate::dist()?;
    println!(
        "  build (trunk, release): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let corpus = seeds_corpus()?;
    let sizes_seen = transfer_sizes(&dist, true)?;
    over += usize::from(!budget(
        "wasm gzip",
        sizes_seen.wasm.1 / KB,
        "KB",
        SEEDS_WASM_GZIP_KB,
        false,
    ));
    over += usize::from(!budget(
        "total gzip",
        sizes_seen.total.1 / KB,
        "KB",
        SEEDS_TOTAL_GZIP_KB,
        false,
    ));
    let single = crate::single_file::write(&dist)?;
    let single_bytes = std::fs::read(&single).map_err(|e| format!("{}: {e}", single.display()))?;
    println!(
        "  one-file build: {:.0} KB raw, {:.0} KB gzip",
        single_bytes.len() as f64 / KB,
        gzip_len(&single_bytes) as f64 / KB
    );

    let site = with_static_library(&dist, &corpus)?;
    let server = serve(&site)?;
    let base = format!("http://127.0.0.1:{}/", server.port());
    println!("\n== Seeds: load in headless Chromium (median of {LOADS}) ==");
    let load = measure_load(&base, &corpus)?;
    over += usize::from(!budget(
        "first render of the library",
        load.first_render_ms,
        "ms",
        SEEDS_FIRST_RENDER_MS,
        false,
    ));
    println!(
        "  library re-render after a hash change: {:.1} ms",
        load.rerender_ms
    );
    over += usize::from(!budget(
        "JS heap after load",
        load.js_heap / MB,
        "MB",
        SEEDS_JS_HEAP_MB,
        false,
    ));
    over += usize::from(!budget(
        "wasm memory after load",
        load.wasm_memory / MB,
        "MB",
        SEEDS_WASM_MEMORY_MB,
        false,
    ));

    let timeline = measure_timeline_render(&base)?;
    over += usize::from(!budget(
        "first render of the timeline",
        timeline.ms,
        "ms",
        SEEDS_FIRST_RENDER_MS,
        false,
    ));
    timeline.print_chart();

    println!("\n== Seeds: explorer, input to updated DOM ==");
    let explorer = crate::bench_explore::measure(&base)?;
    over += crate::bench_explore::print(&explorer, crate::bench_explore::SEEDS_BUDGET_MS);

    println!("\n== Seeds: Lighthouse (default mobile throttling) ==");
    let first = corpus
        .documents
        .first()
        .ok_or("the seeds corpus is empty")?;
    let views = [
        ("library", base.clone()),
        (
            "reader",
            format!("{base}{}", crate::article_page_file(&first.id)),
        ),
        (
            "static page with the library's text",
            format!("{base}{STATIC_LIBRARY}"),
        ),
    ];
    let mut lcp = Vec::new();
    for (view, url) in &views {
        let report = crate::lighthouse::run(url)?;
        println!("  {view}: LCP {:.0} ms", report.lcp_ms);
        if !view.starts_with("static") {
            for (category, score) in &report.scores {
                let min = if category == "Performance" {
                    LIGHTHOUSE_PERFORMANCE_MIN
                } else {
                    LIGHTHOUSE_OTHER_MIN
                };
                over += usize::from(!budget(
                    &format!("{view}: {category}"),
                    *score,
                    "",
                    min,
                    true,
                ));
            }
            if !report.failing.is_empty() {
                println!("        audits below 0.9: {}", report.failing.join("; "));
            }
        }
        lcp.push(report.lcp_ms);
    }
    // Lighthouse simulates LCP from one observed load, which moves from
    // run to run: the ratio compares medians of three runs.
    let median_lcp = |index: usize| -> Result<f64, String> {
        let mut runs = vec![lcp[index]];
        for _ in 0..2 {
            runs.push(crate::lighthouse::run(&views[index].1)?.lcp_ms);
        }
        runs.sort_by(f64::total_cmp);
        println!(
            "  {}: LCP runs {:.0} / {:.0} / {:.0} ms, median {:.0} ms",
            views[index].0, runs[0], runs[1], runs[2], runs[1]
        );
        Ok(runs[1])
    };
    let ratio = median_lcp(0)? / median_lcp(2)?;
    over += usize::from(!budget(
        "LCP library ÷ static page (medians of 3)",
        ratio,
        "",
        LCP_RATIO_MAX,
        false,
    ));
    drop(server);

    over += importer_figures(&dist, sizes_seen.total.1)?;
    Ok(over)
}

/// Builds, measures and prints a generated corpus of `size` articles; the
/// number of figures over budget.
fn bench_generated(size: usize) -> Result<usize, String> {
    println!("\n== {size} generated articles ==");
    let started = Instant::now();
    let seeds = crate::corpus_gen::generate(size)?;
    println!("  generation: {:.1} s", started.elapsed().as_secs_f64());
    println!(
        "  native analysis ({} files, the command-line tool on every core): {:.1} s",
        size,
        time_analysis(&seeds)?
    );
    let out = crate::root()
        .join("target")
        .join(format!("bench-dist-{size}"));
    let started = Instant::now();
    crate::dist_into(
        &out,
        &DistOptions {
            seeds: Some(seeds.clone()),
            ..DistOptions::default()
        },
    )?;
    println!(
        "  build (trunk, release): {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let sizes = transfer_sizes(&out, true)?;
    let mut over = 0;
    let large = size >= 2000;
    let chunked = out.join("data").is_dir();
    let corpus = match chunked {
        true => listed_in(&out)?,
        false => corpus_of(&seeds)?,
    };
    if chunked {
        over += chunk_figures(&out, size, sizes.total.1)?;
    } else if large {
        over += usize::from(!budget(
            "total gzip",
            sizes.total.1 / KB,
            "KB",
            LARGE_TOTAL_GZIP_KB,
            false,
        ));
    }
    let server = serve(&out)?;
    let base = format!("http://127.0.0.1:{}/", server.port());
    let load = measure_load(&base, &corpus)?;
    println!(
        "  library re-render after a hash change: {:.1} ms",
        load.rerender_ms
    );
    println!("  JS heap after load: {:.1} MB", load.js_heap / MB);
    if large {
        over += usize::from(!budget(
            "first render of the library",
            load.first_render_ms,
            "ms",
            LARGE_FIRST_RENDER_MS,
            false,
        ));
        over += usize::from(!budget(
            "wasm memory after load",
            load.wasm_memory / MB,
            "MB",
            LARGE_WASM_MEMORY_MB,
            false,
        ));
    } else {
        println!(
            "  first render of the library: {:.0} ms",
            load.first_render_ms
        );
        println!("  wasm memory after load: {:.1} MB", load.wasm_memory / MB);
    }
    match measure_timeline_render(&base) {
        Ok(timeline) => {
            over += usize::from(!budget(
                "first render of the timeline",
                timeline.ms,
                "ms",
                LARGE_TIMELINE_RENDER_MS,
                false,
            ));
            timeline.print_chart();
        }
        // A page that blocks its main thread past WebDriver's script timeout.
        Err(error) => {
            println!("  OVER  first render of the timeline: none within the browser's script timeout ({error})");
            over += 1;
        }
    }
    if chunked {
        let (ms, rows) = measure_compare_render(&base)?;
        println!("  first render of compare's matrix (the thread index): {ms:.1} ms, {rows} event rows listed");
        let (memory, searched) = measure_memory_in_use(&base, &corpus)?;
        over += search_figure(&out, &searched, size)?;
        over += usize::from(!budget(
            "wasm memory after a search and three articles",
            memory / MB,
            "MB",
            if size >= 100_000 {
                HUGE_MEMORY_IN_USE_MB
            } else {
                CHUNKED_MEMORY_IN_USE_MB
            },
            false,
        ));
    }
    let explorer = crate::bench_explore::measure(&base)?;
    // A chunked site's explorer works the same way at any size.
    let budget_ms = if chunked {
        crate::bench_explore::CHUNKED_BUDGET_MS
    } else if large {
        crate::bench_explore::LARGE_BUDGET_MS
    } else {
        crate::bench_explore::SEEDS_BUDGET_MS
    };
    over += crate::bench_explore::print(&explorer, budget_ms);
    let report = crate::lighthouse::run(&base)?;
    let scores: Vec<String> = report
        .scores
        .iter()
        .map(|(c, s)| format!("{c} {s:.0}"))
        .collect();
    println!(
        "  Lighthouse, library: {}; LCP {:.0} ms",
        scores.join(", "),
        report.lcp_ms
    );
    Ok(over)
}

/// What the browser measurements need of a corpus (its documents as the
/// library lists them), the rest freed and handed back to the system
/// before the site is built: at 100,000 articles the whole analysis holds
/// gigabytes, and the site's build analyses the corpus again.
/// Times the analysis of `dir` in a process of its own (the command-line
/// tool, built first): the site build that follows analyses the corpus
/// again, and at 100,000 articles two analyses (17.5 GB each at the peak)
/// do not fit on the machine, nor does one beside the memory that this
/// process would keep after the first.
fn time_analysis(dir: &Path) -> Result<f64, String> {
    let root = crate::root();
    // The dev profile, as the build script and xtask run the analysis
    // (the corpus crate optimised at level 2): the release profile
    // optimises for the wasm's size.
    let args = ["build", "--quiet", "--package", "crossread-corpus"];
    crate::shell::run(
        "cargo",
        &[&args[..], &["--features", "parallel", "--bin", "crossread"]].concat(),
        &root,
    )?;
    let tool = root.join("target").join("debug").join("crossread");
    let started = Instant::now();
    let status = std::process::Command::new(&tool)
        .args(["check", "--strict", "--seeds"])
        .arg(dir)
        .stdout(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("{}: {e}", tool.display()))?;
    match status.success() {
        true => Ok(started.elapsed().as_secs_f64()),
        false => Err(format!(
            "crossread check --seeds {} failed ({status})",
            dir.display()
        )),
    }
}

/// A chunked site's articles as its library lists them (newest first,
/// metadata only), read from its library index and pages.
fn listed_in(dist: &Path) -> Result<Corpus, String> {
    use crossread_corpus::parts::LibraryIndex;
    let data = dist.join("data");
    let read = |name: &str| std::fs::read(data.join(name)).map_err(|e| format!("{name}: {e}"));
    let index_name = (std::fs::read_dir(&data).map_err(|e| e.to_string())?)
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with("library-"))
        .ok_or("no library index")?;
    let index: LibraryIndex =
        postcard::from_bytes(&read(&index_name)?).map_err(|e| format!("{index_name}: {e}"))?;
    let mut documents = index.library.documents.clone();
    for page in 1..index.page_count() {
        let name = index
            .page_file(page)
            .ok_or("a library page without a name")?;
        let part: Corpus =
            postcard::from_bytes(&read(&name)?).map_err(|e| format!("{name}: {e}"))?;
        documents.extend(part.documents);
    }
    Ok(Corpus {
        documents,
        ..Corpus::empty()
    })
}

/// A chunked site's data files against the budgets of issue 16: the
/// first visit (library page, code, library index) and the largest
/// article pack; and, for reading, the explorer's facet index and search
/// shards, the thread index and the threads' files that compare and
/// timeline fetch, and the whole analysis (a timeline of every thread
/// filtered by entity, words or dates, and a reader's own articles
/// analysed with the site's). The number of figures
/// over budget.
fn chunk_figures(dist: &Path, size: usize, first_visit_gzip: f64) -> Result<usize, String> {
    let huge = size >= 100_000;
    let mut packs = (0usize, 0.0f64);
    let mut pages = (0usize, 0.0f64);
    let mut full = 0.0;
    let (mut facets, mut facet_threads, mut words) = (0.0, 0.0, (0usize, 0.0f64));
    let (mut threads, mut thread_files) = (0.0, Vec::new());
    for entry in std::fs::read_dir(dist.join("data")).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
        let gz = gzip_len(&bytes) as f64;
        if name.starts_with("pack-") {
            packs = (packs.0 + 1, packs.1.max(gz));
        } else if name.starts_with("list-") {
            pages = (pages.0 + 1, pages.1.max(gz));
        } else if name.starts_with("corpus-") {
            full = gz;
        } else if name.starts_with("facets-") {
            facets = gz;
        } else if name.starts_with("facetthreads-") {
            facet_threads = gz;
        } else if name.starts_with("words-") {
            words = (words.0 + 1, words.1.max(gz));
        } else if name.starts_with("threads-") {
            threads = gz;
        } else if name.starts_with("thread-") {
            thread_files.push(gz);
        }
    }
    thread_files.sort_by(f64::total_cmp);
    let median = thread_files
        .get(thread_files.len() / 2)
        .copied()
        .unwrap_or(0.0);
    let largest = thread_files.last().copied().unwrap_or(0.0);
    println!(
        "  compare and timeline: the thread index {:.1} KB gzip; {} thread files, median {:.1} KB, largest {:.1} KB gzip",
        threads / KB,
        thread_files.len(),
        median / KB,
        largest / KB
    );
    println!(
        "  data files: {} packs, {} more library pages (largest {:.1} KB gzip), the explorer's facet index {:.1} KB gzip and its event threads {:.1} KB gzip (fetched for a thread filter or on request), {} search shards (largest {:.1} KB gzip), the whole analysis (a timeline of every thread filtered by entity, words or dates; a reader's own articles) {:.1} KB gzip",
        packs.0,
        pages.0,
        pages.1 / KB,
        facets / KB,
        facet_threads / KB,
        words.0,
        words.1 / KB,
        full / KB
    );
    let mut over = usize::from(!budget(
        "first visit (library page, code, library index)",
        first_visit_gzip / KB,
        "KB gzip",
        if huge {
            HUGE_FIRST_VISIT_GZIP_KB
        } else {
            CHUNKED_FIRST_VISIT_GZIP_KB
        },
        false,
    ));
    over += usize::from(!budget(
        "opening an article (its pack, largest)",
        packs.1 / KB,
        "KB gzip",
        CHUNKED_ARTICLE_GZIP_KB,
        false,
    ));
    Ok(over)
}

/// What the explorer's first search fetched (data file names, the library
/// index excepted), gzip bytes from the built files, against its budget.
fn search_figure(dist: &Path, fetched: &[String], size: usize) -> Result<usize, String> {
    let mut total = 0.0;
    for name in fetched.iter().filter(|n| !n.starts_with("library-")) {
        let path = dist.join("data").join(name);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        total += gzip_len(&bytes) as f64;
    }
    let kinds: BTreeSet<&str> = fetched.iter().filter_map(|n| n.split('-').next()).collect();
    println!(
        "  the first search fetched {} data files ({kinds:?})",
        fetched.len()
    );
    Ok(usize::from(!budget(
        "first explorer search, cold (its data files)",
        total / KB,
        "KB gzip",
        if size >= 100_000 {
            HUGE_SEARCH_GZIP_KB
        } else {
            CHUNKED_SEARCH_GZIP_KB
        },
        false,
    )))
}

/// (raw, gzip) bytes.
struct TransferSizes {
    wasm: (f64, f64),
    total: (f64, f64),
}

/// The importer: what it adds to a first visit (the site built without
/// it, compared), and its worker's cost when a reader adds articles. The
/// number of figures over budget.
fn importer_figures(dist: &Path, with_importer_gzip: f64) -> Result<usize, String> {
    println!("\n== Importer: first visit with and without it ==");
    let out = crate::root().join("target/bench-no-importer");
    crate::dist_into(
        &out,
        &DistOptions {
            importer: false,
            ..DistOptions::default()
        },
    )?;
    let without = transfer_sizes(&out, false)?.total.1;
    println!(
        "  first visit (library page and what it loads): {:.1} KB gzip without the importer, {:.1} KB gzip with it",
        without / KB,
        with_importer_gzip / KB
    );
    let mut over = usize::from(!budget(
        "first visit growth from the importer",
        (with_importer_gzip - without) / KB,
        "KB gzip",
        IMPORTER_GROWTH_GZIP_KB,
        false,
    ));
    over += crate::bench_analyser::run(dist, &crate::corpus_gen::generate(100)?)?;
    Ok(over)
}

/// Each file a first visit downloads, raw and gzip (printed if `print`).
fn transfer_sizes(dist: &Path, print: bool) -> Result<TransferSizes, String> {
    let mut entries: Vec<_> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            // Not downloaded by a visit to the library: host configuration,
            // the miss page, the offline file, the other pages (one per
            // article) and the importer, loaded only when a reader adds
            // articles.
            !matches!(
                name.as_str(),
                crate::hosting::HEADERS_FILE
                    | crate::hosting::NOT_FOUND_PAGE
                    | crate::single_file::FILE_NAME
            ) && !name.starts_with("article-")
                && !crate::bench_analyser::is_importer_file(&name)
                && e.path().is_file()
        })
        .collect();
    // A chunked site's first visit also fetches its library index.
    if let Ok(data) = std::fs::read_dir(dist.join("data")) {
        entries.extend(
            data.flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with("library-")),
        );
    }
    entries.sort_by_key(|e| e.file_name());
    let mut sizes = TransferSizes {
        wasm: (0.0, 0.0),
        total: (0.0, 0.0),
    };
    for entry in entries {
        let bytes = std::fs::read(entry.path()).map_err(|e| e.to_string())?;
        let (raw, gz) = (bytes.len() as f64, gzip_len(&bytes) as f64);
        sizes.total = (sizes.total.0 + raw, sizes.total.1 + gz);
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".wasm") {
            sizes.wasm = (sizes.wasm.0 + raw, sizes.wasm.1 + gz);
        }
        if !print {
            continue;
        }
        println!(
            "  {:>9.1} KB raw {:>9.1} KB gzip  {name}",
            raw / KB,
            gz / KB
        );
    }
    if !print {
        return Ok(sizes);
    }
    println!(
        "  {:>9.1} KB raw {:>9.1} KB gzip  total",
        sizes.total.0 / KB,
        sizes.total.1 / KB
    );
    Ok(sizes)
}

fn serve(dir: &Path) -> Result<StaticServer, String> {
    let policy = crate::hosting::served_policy(dir)?;
    StaticServer::start_with_headers(
        dir,
        "/",
        0,
        vec![("Content-Security-Policy".into(), policy)],
    )
}

const STATIC_LIBRARY: &str = "static-library.html";

/// A copy of `dist` plus a plain HTML page with the library's text and the
/// site's stylesheet: the LCP that prerendered HTML could reach.
fn with_static_library(dist: &Path, corpus: &Corpus) -> Result<PathBuf, String> {
    let site = crate::root()
        .join("target")
        .join("bench")
        .join("seeds-site");
    if site.exists() {
        std::fs::remove_dir_all(&site).map_err(|e| format!("{}: {e}", site.display()))?;
    }
    std::fs::create_dir_all(&site).map_err(|e| format!("{}: {e}", site.display()))?;
    let mut css = String::new();
    for entry in std::fs::read_dir(dist)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        std::fs::copy(entry.path(), site.join(&name)).map_err(|e| format!("{name}: {e}"))?;
        if name.ends_with(".css") {
            css = name;
        }
    }
    let mut items = String::new();
    for d in &corpus.documents {
        let date = d
            .published
            .as_ref()
            .map_or("undated".to_string(), |p| p.to_string());
        items.push_str(&format!(
            "<li class=\"article-entry\"><h2 class=\"headline\"><a href=\"./#/article/{}\">{}</a></h2><p class=\"meta\">{} · {date} · {} words</p></li>\n",
            escape(&d.id),
            escape(&d.headline),
            escape(d.outlet.as_deref().unwrap_or("Unknown outlet")),
            d.word_count
        ));
    }
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\" /><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" /><title>Crossread: how outlets reported the same news</title><meta name=\"description\" content=\"Compare how different news outlets reported the same events.\" /><link rel=\"icon\" href=\"data:,\" /><link rel=\"stylesheet\" href=\"./{css}\" /></head>\n<body><header class=\"site-header\"><a class=\"brand\" href=\"./\">Crossread</a></header><main id=\"main\"><section class=\"library\"><h1>Library</h1><p class=\"lede\">{} articles on the same story, as each outlet told it.</p><ol class=\"article-list\">\n{items}</ol></section></main></body></html>\n",
        corpus.documents.len()
    );
    crate::hosting::write(&site.join(STATIC_LIBRARY), &page)?;
    Ok(site)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Medians over [`LOADS`] fresh loads of the library.
struct LoadFigures {
    first_render_ms: f64,
    rerender_ms: f64,
    js_heap: f64,
    wasm_memory: f64,
}

/// Installed before any page script: notes when the app's first view is in
/// the DOM and keeps the wasm exports (for its memory).
const LOAD_PROBE: &str = "(() => {
  const t = (window.__crossreadBench = {});
  addEventListener('TrunkApplicationStarted', (e) => { t.wasm = e.detail.wasm; });
  new MutationObserver((_, o) => {
    if (!t.rendered && document.querySelector('.article-entry')) { t.rendered = performance.now(); o.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
})();";

/// A browser that runs `probe` in every page before the page's own
/// scripts.
fn probed_browser(args: &[&str], probe: &str) -> Result<Browser, String> {
    let browser = Browser::start_with_args(1280, 900, args)?;
    browser.session.cdp("Page.enable", json!({}))?;
    browser.session.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": probe }),
    )?;
    Ok(browser)
}

fn measure_load(base: &str, corpus: &Corpus) -> Result<LoadFigures, String> {
    let browser = probed_browser(&["--enable-precise-memory-info"], LOAD_PROBE)?;
    let session = &browser.session;
    // The library lists its first page of entries (`LIBRARY_PAGE`).
    let count = corpus.documents.len().min(LIBRARY_PAGE);
    let first = corpus.documents.first().ok_or("empty corpus")?;
    let mut samples: Vec<[f64; 4]> = Vec::new();
    for _ in 0..LOADS {
        browser.open(base)?;
        session.wait_for(
            "the library",
            &format!("const b = window.__crossreadBench; return b && b.rendered && b.wasm && document.querySelectorAll('.article-entry').length === {count};"),
        )?;
        let figures = session.eval(
            "const b = window.__crossreadBench;
             return [b.rendered, performance.memory.usedJSHeapSize, b.wasm.memory.buffer.byteLength];",
            json!([]),
        )?;
        let rerender = session.eval_async(
            "const [hash, count, done] = arguments;
             const ready = () => document.querySelectorAll('.article-entry').length === count;
             const away = () => !document.querySelector('.article-entry');
             let start = 0;
             const back = () => {
               if (ready()) { done(performance.now() - start); } else { requestAnimationFrame(back); }
             };
             const leave = () => {
               if (!away()) { return requestAnimationFrame(leave); }
               start = performance.now();
               location.hash = '#/';
               requestAnimationFrame(back);
             };
             location.hash = hash;
             requestAnimationFrame(leave);",
            json!([format!("#/article/{}", first.id), count]),
        )?;
        let number = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
        samples.push([
            number(&figures[0]),
            number(&rerender),
            number(&figures[1]),
            number(&figures[2]),
        ]);
    }
    let median = |i: usize| {
        let mut values: Vec<f64> = samples.iter().map(|s| s[i]).collect();
        values.sort_by(|a, b| a.total_cmp(b));
        values[values.len() / 2]
    };
    Ok(LoadFigures {
        first_render_ms: median(0),
        rerender_ms: median(1),
        js_heap: median(2),
        wasm_memory: median(3),
    })
}

/// Wasm memory (bytes) once a reader has searched the explorer and read
/// three articles, in one page: what a chunked site keeps of what it
/// fetched; and the data files the search fetched (names).
fn measure_memory_in_use(base: &str, corpus: &Corpus) -> Result<(f64, Vec<String>), String> {
    let browser = probed_browser(&[], LOAD_PROBE)?;
    let session = &browser.session;
    browser.open_app(&format!("{base}#/explore?q=missile"))?;
    session.wait_for(
        "the explorer's results",
        "return document.querySelector('.result-count') && document.querySelector('.result-list .result-link') && !document.querySelector('.result.loading');",
    )?;
    let fetched = session.eval(
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/data/')).map(n => n.split('/').pop());",
        json!([]),
    )?;
    let fetched: Vec<String> = (fetched.as_array().into_iter().flatten())
        .filter_map(|n| n.as_str().map(str::to_string))
        .collect();
    let step = corpus.documents.len() / 3;
    for at in [0, step, 2 * step] {
        let document = &corpus.documents[at];
        session.eval(
            "location.hash = arguments[0];",
            json!([format!("#/article/{}", document.id)]),
        )?;
        session.wait_for(
            "the article",
            &format!(
                "const h = document.querySelector('main h1'); return h && h.textContent.trim() === {} && document.querySelector('.reader .body p');",
                json!(document.headline)
            ),
        )?;
    }
    let bytes = session.eval(
        "return window.__crossreadBench.wasm.memory.buffer.byteLength;",
        json!([]),
    )?;
    let memory = bytes
        .as_f64()
        .ok_or_else(|| format!("no wasm memory figure: {bytes}"))?;
    Ok((memory, fetched))
}

/// Records when the timeline's chart first appears (it is drawn by the app,
/// not prerendered), in ms since navigation start, and what it holds then:
/// SVG elements, counts per period and single marks.
const TIMELINE_PROBE: &str = "(() => {
  new MutationObserver((_, o) => {
    const svg = document.querySelector('.timeline-svg');
    if (!svg) return;
    o.disconnect();
    window.__timelineRendered = performance.now();
    const count = document.querySelector('.timeline-svg a.count');
    window.__timelineChart = [svg.querySelectorAll('*').length, svg.querySelectorAll('a.count').length,
      svg.querySelectorAll('a.mark').length, count ? count.dataset.period : ''];
  }).observe(document, { childList: true, subtree: true });
})();";

/// The timeline's first render: its time and what the chart drew.
struct TimelineRender {
    ms: f64,
    svg_elements: u64,
    counts: u64,
    marks: u64,
    period: String,
}

impl TimelineRender {
    fn print_chart(&self) {
        let drawn = if self.counts > 0 {
            format!("{} counts per {}", self.counts, self.period)
        } else {
            format!("{} marks", self.marks)
        };
        println!(
            "  timeline chart at first render: {drawn}, {} SVG elements",
            self.svg_elements
        );
    }
}

/// Records when compare's coverage matrix first appears, and its rows.
const COMPARE_PROBE: &str = "(() => {
  new MutationObserver((_, o) => {
    const table = document.querySelector('table.coverage');
    if (!table) return;
    o.disconnect();
    window.__compareRendered = performance.now();
    window.__compareRows = table.querySelectorAll('tr[data-thread]').length;
  }).observe(document, { childList: true, subtree: true });
})();";

/// Time to first render of `#/compare`'s matrix, median of `LOADS`
/// loads, and the event rows it lists.
fn measure_compare_render(base: &str) -> Result<(f64, u64), String> {
    let (ms, browser) = median_render(base, "#/compare", COMPARE_PROBE, "__compareRendered")?;
    let rows = browser
        .session
        .eval("return window.__compareRows;", json!([]))?;
    Ok((ms, rows.as_u64().unwrap_or(0)))
}

/// The median over `LOADS` loads of `route` of the time its probe
/// records in `window[mark]`, and the browser after the last load.
fn median_render(
    base: &str,
    route: &str,
    probe: &str,
    mark: &str,
) -> Result<(f64, Browser), String> {
    let browser = probed_browser(&[], probe)?;
    let mut samples = Vec::with_capacity(LOADS);
    for _ in 0..LOADS {
        browser.open(&format!("{base}{route}"))?;
        let value = (browser.session).wait_for(route, &format!("return window.{mark};"))?;
        samples.push(
            value
                .as_f64()
                .ok_or_else(|| format!("no time for {route}"))?,
        );
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    Ok((samples[samples.len() / 2], browser))
}

/// Time to first render of `#/timeline` in headless Chromium, median of
/// `LOADS` loads, with the chart of the last load.
fn measure_timeline_render(base: &str) -> Result<TimelineRender, String> {
    let (ms, browser) = median_render(base, "#/timeline", TIMELINE_PROBE, "__timelineRendered")?;
    let chart = browser
        .session
        .eval("return window.__timelineChart;", json!([]))?;
    let number = |i: usize| chart[i].as_u64().unwrap_or(0);
    Ok(TimelineRender {
        ms,
        svg_elements: number(0),
        counts: number(1),
        marks: number(2),
        period: chart[3].as_str().unwrap_or("").to_string(),
    })
}
