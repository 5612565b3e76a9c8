//! `cargo xtask <task>`: every project task in Rust, so it runs wherever
//! cargo does. See `cargo xtask help`.

mod bench;
mod browser;
mod e2e;
mod server;
mod shell;
mod tools;
mod webdriver;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

const HELP: &str = "\
cargo xtask <task>

  setup                 install what the build and tests need (skips what is present)
  serve [--port N]      build the site and serve it at http://127.0.0.1:8080
  dist                  write the static site to dist/ (relative URLs: works under any sub-path)
  test                  run every check and test, then print a summary
  e2e                   build dist/ and run only the end-to-end browser tests
  bench                 print sizes and timings (see README: Budgets)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => tools::ensure_all(),
        Some("serve") => serve(&args[1..]),
        Some("dist") => dist().map(|_| ()),
        Some("test") => test(),
        Some("e2e") => dist().and_then(|dist| e2e::run(&dist)),
        Some("bench") => bench::run(),
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

/// The workspace root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Builds the release site into `dist/` and returns its path.
pub fn dist() -> Result<PathBuf, String> {
    tools::ensure_build_tools()?;
    let dist = root().join("dist");
    shell::run(
        "trunk",
        &[
            "build",
            "--release",
            "--offline",
            "--public-url",
            "./",
            "--dist",
            "dist",
        ],
        &root(),
    )?;
    Ok(dist)
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
                "--all-targets",
                "--quiet",
                "--",
                "-D",
                "warnings",
            ],
            &root,
        )
    });
    step("native tests (cargo test --workspace)", &mut || {
        shell::run("cargo", &["test", "--workspace", "--quiet"], &root)
    });
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
                ],
                &root,
                &[("CHROMEDRIVER", tools::CHROMEDRIVER)],
            )
        },
    );
    let mut dist_path = None;
    step("static site build (trunk build --release)", &mut || {
        dist().map(|d| dist_path = Some(d))
    });
    step(
        "end-to-end tests (dist/ under a sub-path, Chromium via chromedriver)",
        &mut || match &dist_path {
            Some(dist) => e2e::run(dist),
            None => Err("skipped: the site did not build".into()),
        },
    );

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
