//! The `crossread` command on a folder with one bad file: `check` and
//! `export` skip it with its problem and build the rest; `--strict` refuses
//! the folder naming the file. The texts are invented for these tests.

use std::path::PathBuf;
use std::process::{Command, Output};

const GOOD: &[u8] = b"Bridge closes for repairs\n\nThe old river bridge in Tarsk closed on Monday for six weeks of repairs, the city said.\nDrivers were told to use the ring road.\n";

/// A fresh folder holding a good article and a binary file.
fn folder(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bridge.txt"), GOOD).unwrap();
    std::fs::write(dir.join("scan.txt"), [0x89, b'P', b'N', b'G', 0, 0, 1, 2]).unwrap();
    dir
}

fn crossread(args: &[&str], dir: &PathBuf) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread"))
        .args(args)
        .arg("--seeds")
        .arg(dir)
        .output()
        .expect("the crossread binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_lists_the_skipped_file_with_its_problem() {
    let output = crossread(&["check"], &folder("cli-check"));
    let out = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(out.starts_with("1 articles read; 1 skipped"), "{out}");
    assert!(
        out.contains("skipped scan.txt: the file looks binary"),
        "{out}"
    );
    assert!(out.contains("bridge.txt"), "{out}");
}

#[test]
fn export_builds_the_rest_and_records_what_it_skipped() {
    let output = crossread(&["export"], &folder("cli-export"));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("skipped scan.txt: "));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1);
    assert_eq!(json["skipped"][0]["file"], "scan.txt");
}

#[test]
fn strict_refuses_the_folder_naming_the_file() {
    let dir = folder("cli-strict");
    for command in ["check", "export"] {
        let output = crossread(&[command, "--strict"], &dir);
        assert!(!output.status.success());
        assert!(output.stdout.is_empty());
        let err = text(&output.stderr);
        assert!(err.contains("scan.txt: the file looks binary"), "{err}");
    }
}

#[test]
fn a_reader_that_stops_reading_early_gets_no_panic() {
    // `crossread --help | head -1`: the pipe closes before the usage ends.
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
        .arg("--help")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("the CLI ends");
    let stderr = text(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.status.success(), "{stderr}");
}
