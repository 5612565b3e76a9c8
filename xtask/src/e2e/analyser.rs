//! The analyser Web Worker (issue 9) started from the served site as the
//! page will start it: good files come back analysed by the same code as
//! the build, a bad file gets a message naming it without stopping the
//! others, progress comes per file, and a batch can be cancelled.

use super::{ensure, Case, Context};
use crate::bench_analyser::{analyse_in_worker, Drive};
use crossread_corpus::{Batch, Provenance, SourceFile};
use serde_json::Value;

pub const CASES: &[Case] = &[
    (
        "analyser worker: two good files analysed as natively, a binary file named in its error, progress per file",
        good_and_bad_files,
    ),
    (
        "analyser worker: a cancelled batch stops between files",
        cancel_between_files,
    ),
];

const TEXT: &str = "Ports reopen after week-long strike\n\nBy Ana Lima\n\nCargo moved again at the port of Santos on Monday, after dockworkers voted to accept a 9% pay rise, officials said.\nShipping lines said delays would last into July.\n";
const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Floods close schools in Lagos | Daily</title>
<meta property="og:site_name" content="The Daily Example"><script>document.write('never')</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Floods close schools in Lagos</h1>
<p>Schools across Lagos shut on Monday after heavy rain flooded roads, the state government said.</p>
<p>&ldquo;More rain is expected this week,&rdquo; the weather agency said.</p></article></body></html>"#;

fn files() -> Vec<SourceFile> {
    vec![
        SourceFile {
            name: "ports.txt".into(),
            bytes: TEXT.as_bytes().to_vec(),
        },
        SourceFile {
            name: "scan.txt".into(),
            bytes: vec![0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 1, 2, 3],
        },
        SourceFile {
            name: "floods.html".into(),
            bytes: PAGE.as_bytes().to_vec(),
        },
    ]
}

fn messages_of<'a>(result: &'a Value, kind: &str) -> Vec<&'a Value> {
    result["messages"]
        .as_array()
        .map(|all| all.iter().filter(|m| m["type"] == kind).collect())
        .unwrap_or_default()
}

fn good_and_bad_files(context: &Context) -> Result<(), String> {
    context.open("")?;
    let drive = Drive {
        format: "json",
        keep_corpus: true,
        cancel: false,
    };
    let result = analyse_in_worker(&context.browser.session, &files(), &drive)?;
    let progress = messages_of(&result, "progress");
    let names: Vec<&str> = progress.iter().filter_map(|m| m["file"].as_str()).collect();
    ensure(names == ["ports.txt", "scan.txt", "floods.html"], || {
        format!("progress messages for {names:?}")
    })?;
    ensure(
        progress
            .iter()
            .enumerate()
            .all(|(i, m)| m["index"] == i && m["total"] == 3),
        || format!("progress indexes or totals are wrong: {progress:?}"),
    )?;
    let bad = progress[1];
    let error = bad["error"].as_str().unwrap_or_default();
    ensure(
        bad["ok"] == false && error.starts_with("scan.txt: ") && error.contains("binary"),
        || format!("the bad file's message does not name it: {bad}"),
    )?;
    let headlines: Vec<&str> = progress
        .iter()
        .filter(|m| m["ok"] == true)
        .filter_map(|m| m["headline"].as_str())
        .collect();
    ensure(
        headlines
            == [
                "Ports reopen after week-long strike",
                "Floods close schools in Lagos",
            ],
        || format!("headlines {headlines:?}"),
    )?;
    let done = messages_of(&result, "done");
    let done = done.first().ok_or("no done message")?;
    ensure(done["cancelled"] == false, || {
        "reported as cancelled".into()
    })?;
    // The same files through the same code natively give the same bytes.
    let (mut batch, _) = Batch::new(None, Provenance::Catalog, Vec::new());
    for file in files() {
        let _ = batch.add(&file.name, &file.bytes);
    }
    let expected = serde_json::to_string(&batch.finish()).map_err(|e| e.to_string())?;
    let corpus = done["corpus"].as_str().unwrap_or_default();
    ensure(corpus == expected, || {
        format!(
            "the worker's corpus differs from the native analysis ({} vs {} bytes)",
            corpus.len(),
            expected.len()
        )
    })?;
    ensure(
        corpus.contains("\"file\":\"floods.html\"") && !corpus.contains("never"),
        || "the saved page was not read, or its script text leaked".into(),
    )
}

fn cancel_between_files(context: &Context) -> Result<(), String> {
    context.open("")?;
    let many: Vec<SourceFile> = (0..20)
        .map(|n| SourceFile {
            name: format!("ports-{n:02}.txt"),
            bytes: TEXT.as_bytes().to_vec(),
        })
        .collect();
    let drive = Drive {
        format: "postcard",
        keep_corpus: false,
        cancel: true,
    };
    let result = analyse_in_worker(&context.browser.session, &many, &drive)?;
    let progress = messages_of(&result, "progress").len();
    let done = messages_of(&result, "done");
    let done = done.first().ok_or("no done message")?;
    ensure(done["cancelled"] == true && progress < many.len(), || {
        format!("cancel did not stop the batch: {progress} files analysed, done = {done}")
    })?;
    ensure(done["corpus_length"].as_u64().unwrap_or(0) > 0, || {
        "a cancelled batch returned no corpus of the files done so far".into()
    })
}
