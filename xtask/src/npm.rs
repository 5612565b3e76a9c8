//! Node packages the audits and the benchmark need (axe-core, Lighthouse),
//! installed per package and pinned version under `target/npm/`, so a fresh
//! machine gets exactly these versions and nothing lands in the repository
//! or in the global npm prefix.

use crate::shell::run;
use std::path::PathBuf;

/// axe-core, the accessibility rules the end-to-end tests inject.
pub const AXE_CORE: (&str, &str) = ("axe-core", "4.14.1");
/// Lighthouse, run by `cargo xtask bench`. Its package asks for Node 22,
/// but it runs under this project's Node 20 (npm only warns).
pub const LIGHTHOUSE: (&str, &str) = ("lighthouse", "13.5.0");

/// The installed package directory (`.../node_modules/<name>`), installing
/// `name@version` first if it is missing.
pub fn ensure_package((name, version): (&str, &str)) -> Result<PathBuf, String> {
    let prefix = crate::root()
        .join("target")
        .join("npm")
        .join(format!("{name}@{version}"));
    let package = prefix.join("node_modules").join(name);
    if package.join("package.json").is_file() {
        return Ok(package);
    }
    std::fs::create_dir_all(&prefix).map_err(|e| format!("{}: {e}", prefix.display()))?;
    let spec = format!("{name}@{version}");
    run(
        "npm",
        &[
            "install",
            "--no-save",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
            "--prefix",
            ".",
            &spec,
        ],
        &prefix,
    )
    .map_err(|e| format!("cannot install {spec} (needs Node.js, npm and the npm registry): {e}"))?;
    if package.join("package.json").is_file() {
        Ok(package)
    } else {
        Err(format!(
            "npm reported success but {} is missing",
            package.display()
        ))
    }
}
