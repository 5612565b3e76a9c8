//! Installs the toolchain the build and the tests need, each only when it is
//! missing or at the wrong version (see `README.md`, "Requirements").

use crate::shell::{output, run, run_with_env};
use std::path::Path;

pub const TRUNK_VERSION: &str = "0.21.14";
/// Must equal the `wasm-bindgen` version pinned in `Cargo.toml`.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";
pub const BINARYEN_VERSION: &str = "132";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub fn ensure_all() -> Result<(), String> {
    ensure_build_tools()?;
    ensure_browser()
}

/// What `trunk build --release --offline` needs.
pub fn ensure_build_tools() -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
    )?;
    // Not --locked: one of its locked dependencies is newer than the registry copy.
    ensure_cargo_tool(
        "wasm-bindgen",
        WASM_BINDGEN_VERSION,
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            WASM_BINDGEN_VERSION,
        ],
    )?;
    ensure_wasm_opt()
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run(
        "rustup",
        &["target", "add", "wasm32-unknown-unknown"],
        Path::new("."),
    )
}

fn ensure_cargo_tool(binary: &str, version: &str, install_args: &[&str]) -> Result<(), String> {
    let current = output(binary, &["--version"]).unwrap_or_default();
    if current
        .split_whitespace()
        .any(|word| word.trim_start_matches('v') == version)
    {
        return Ok(());
    }
    println!(
        "{binary} {version} is missing (found: {:?}); installing it, this takes a few minutes",
        current.trim()
    );
    run("cargo", install_args, Path::new("."))
}

fn ensure_wasm_opt() -> Result<(), String> {
    let current = output("wasm-opt", &["--version"]).unwrap_or_default();
    if current.contains(&format!("version_{BINARYEN_VERSION}")) {
        return Ok(());
    }
    let package = format!("binaryen@{BINARYEN_VERSION}");
    run("npm", &["install", "--global", &package], Path::new("."))
}

/// Chromium and chromedriver from Debian's packages.
pub fn ensure_browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let as_root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let (program, prefix): (&str, &[&str]) = if as_root {
        ("apt-get", &[])
    } else {
        ("sudo", &["apt-get"])
    };
    fn with<'a>(prefix: &[&'a str], args: &[&'a str]) -> Vec<&'a str> {
        [prefix, args].concat()
    }
    let env = [("DEBIAN_FRONTEND", "noninteractive")];
    run_with_env(
        program,
        &with(prefix, &["update", "-qq"]),
        Path::new("."),
        &env,
    )?;
    run_with_env(
        program,
        &with(
            prefix,
            &["install", "-y", "-qq", "chromium", "chromium-driver"],
        ),
        Path::new("."),
        &env,
    )
}
