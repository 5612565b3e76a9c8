//! A reader's own articles (issue 9), through the page as a reader uses
//! it: the file input, paste, drop; progress and messages; every view;
//! a reload; the facts form; removal; downloads.

use super::{ensure, sorted_headlines, texts, Case, Context};
use crossread_corpus::bundle::read_seeds_archive;
use crossread_corpus::ingest::{build_corpus, ingest_with, SourceFile};
use crossread_corpus::Provenance;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub const CASES: &[Case] = &[
    (
        "your articles: two files from the file input join the library, explorer and compare, stay after a reload, and are removed one by one and all at once",
        add_reload_remove,
    ),
    (
        "your articles: a batch with a binary file and a huge file names each bad file and adds the good ones; a script in a text is set aside and never runs; nothing added before is lost; markup is listed as removed, as text",
        bad_files_in_a_batch,
    ),
    (
        "your articles: a long import shows progress per file and can be cancelled; nothing from it is kept",
        cancel_a_long_import,
    ),
    (
        "your articles: pasted text and dropped files are added; facts set in the page have provenance reader; the downloads rebuild the same corpus",
        paste_drop_facts_downloads,
    ),
];

/// Two reports of one event by two outlets: one plain text, one saved page.
const STRIKE_TEXT: &str = "Dockworkers end strike at Santos port\n\nBy Ana Lima\n\nDockworkers at the port of Santos voted on Monday to end a nine-day strike after accepting a 9% pay rise, the union said.\nShipping lines said about 40 ships were still waiting to berth and delays could last into July.\n\"We got what we asked for,\" union leader Carla Mendes told reporters.\n";
const STRIKE_PAGE: &str = r#"<!DOCTYPE html><html><head><title>Santos strike over as dockworkers accept pay deal | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times"><meta property="article:published_time" content="2025-06-03T09:00:00Z">
<script>window.parent.document.title = 'ran'</script></head>
<body><nav><a href="/">Home</a> <a href="/ports">Ports</a></nav><article><h1>Santos strike over as dockworkers accept pay deal</h1>
<p>The nine-day strike at the port of Santos ended on Monday when dockworkers accepted a pay rise of 9%, according to the union.</p>
<p>Port officials said dozens of ships may wait for up to two weeks, and exporters warned that coffee shipments could be delayed.</p></article>
<footer>Share this story</footer></body></html>"#;
/// Markup inside a text: shown as typed, never made into elements.
const MARKUP_TEXT: &str = "Council delays vote on <b>bus fares</b>\n\nThe city council postponed its vote on <i>bus fares</i> to next month, the mayor's office said on Tuesday.\nA spokesperson said the <u>new budget</u> was not ready.\n";
const SCRIPT_TEXT: &str = "Budget row\n\n<script>document.title='ran'</script>\nThe finance minister said the budget would pass.\n";
const PASTED: &str = "Wildfire forces evacuations near Valparaiso\n\nFirefighters ordered about 2,000 residents to leave their homes near Valparaiso on Friday as a wildfire spread, officials said.\n";

/// Writes the test files where the browser can pick them up.
fn write_files(files: &[(&str, &[u8])]) -> Result<Vec<PathBuf>, String> {
    let dir = Path::new("target/e2e-own-articles");
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let dir = dir.canonicalize().map_err(|e| e.to_string())?;
    files
        .iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(path)
        })
        .collect()
}

/// The headline the build-time code gives a file.
fn headline(name: &str, bytes: &[u8]) -> Result<String, String> {
    ingest_with(name, bytes, None, Provenance::Reader)
        .map(|d| d.headline)
        .map_err(|e| e.to_string())
}

/// Opens the library with no added articles stored.
pub(crate) fn start_empty(context: &Context) -> Result<(), String> {
    context.open("")?;
    let session = &context.browser.session;
    session.eval_async(
        "const done = arguments[arguments.length - 1];
         localStorage.clear();
         const request = indexedDB.deleteDatabase('crossread');
         request.onsuccess = () => done(true); request.onerror = () => done(String(request.error));
         request.onblocked = () => done('blocked');",
        json!([]),
    )?;
    session.refresh()?;
    context.open("")?;
    session
        .wait_for(
            "no task under way",
            "return !document.querySelector('.import-status.working') && !document.querySelector('#add-files').disabled;",
        )
        .map(drop)
}

/// Waits until the task shown is finished and returns its rows' classes
/// and texts by file name.
/// The rows of the task that added `paths`, once it has finished. The
/// previous task's finished rows stay on screen until the worker's first
/// view of the new one, so the rows must be this task's files.
fn finished_rows(
    context: &Context,
    paths: &[&Path],
) -> Result<Vec<(String, String, String)>, String> {
    let session = &context.browser.session;
    let mut names: Vec<String> = paths
        .iter()
        .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    session.wait_for(
        "the task to finish",
        &format!(
            "const rows = Array.from(document.querySelectorAll('.import-row')).map(r => r.dataset.file).sort(); \
             return document.querySelector('.import-status') && !document.querySelector('.import-status.working') \
             && JSON.stringify(rows) === JSON.stringify({});",
            serde_json::to_string(&names).unwrap_or_default()
        ),
    )?;
    let rows = session.eval(
        "return Array.from(document.querySelectorAll('.import-row')).map(r => [r.dataset.file, r.classList.contains('added') ? 'added' : r.classList.contains('failed') ? 'failed' : 'waiting', r.textContent]);",
        json!([]),
    )?;
    Ok(rows
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    let text = |i: usize| r[i].as_str().unwrap_or_default().to_string();
                    (text(0), text(1), text(2))
                })
                .collect()
        })
        .unwrap_or_default())
}

fn added_headlines(context: &Context) -> Result<Vec<String>, String> {
    let mut shown = texts(context, ".article-entry.added .headline")?;
    shown.sort();
    Ok(shown)
}

/// Pastes `text` into the "Paste a text" form and submits it.
pub(crate) fn paste(context: &Context, text: &str) -> Result<(), String> {
    let session = &context.browser.session;
    session.eval(
        "document.querySelector('.paste').open = true; document.querySelector('#paste-text').value = arguments[0];",
        json!([text]),
    )?;
    session.click(".paste button[type=submit]").map(drop)
}

pub(crate) fn wait_for_added(context: &Context, count: usize) -> Result<(), String> {
    context
        .browser
        .session
        .wait_for(
            &format!("{count} added articles in the library"),
            &format!("return document.querySelectorAll('.article-entry.added').length === {count} && !document.querySelector('.import-status.working');"),
        )
        .map(drop)
}

fn add_reload_remove(context: &Context) -> Result<(), String> {
    start_empty(context)?;
    let session = &context.browser.session;
    let paths = write_files(&[
        ("santos-strike.txt", STRIKE_TEXT.as_bytes()),
        ("harbour-times-santos.html", STRIKE_PAGE.as_bytes()),
    ])?;
    let mut expected = vec![
        headline("santos-strike.txt", STRIKE_TEXT.as_bytes())?,
        headline("harbour-times-santos.html", STRIKE_PAGE.as_bytes())?,
    ];
    expected.sort();
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    session.choose_files("#add-files", &paths)?;
    let rows = finished_rows(context, &paths)?;
    ensure(
        rows.len() == 2 && rows.iter().all(|(_, class, _)| class == "added"),
        || format!("progress rows {rows:?}, expected both files added"),
    )?;
    wait_for_added(context, 2)?;
    ensure(added_headlines(context)? == expected, || {
        format!(
            "added headlines {:?}, expected {expected:?}",
            added_headlines(context)
        )
    })?;
    let total = texts(context, ".article-entry")?.len();
    ensure(total == context.corpus.documents.len() + 2, || {
        format!("the library lists {total} articles, expected the site's and the two added")
    })?;
    // The saved page's script never ran.
    let title = session.eval("return document.title;", json!([]))?;
    ensure(title != "ran", || "a script from an added page ran".into())?;

    // Explorer: a word only the added texts use finds both.
    context.open("#/explore?q=dockworkers")?;
    session.wait_for(
        "explorer results for an added word",
        "return document.querySelectorAll('.result').length > 0;",
    )?;
    let mut found: Vec<String> = texts(context, ".result .result-link")?;
    found.sort();
    ensure(found == expected, || {
        format!("explorer found {found:?} for “dockworkers”, expected {expected:?}")
    })?;

    // Compare: the two added articles side by side (after a page load, the
    // stored files are analysed again first), and their outlet listed.
    context.open("#/compare?a=santos-strike&b=harbour-times-santos")?;
    session
        .wait_for(
            "both added articles in the compare pair",
            &format!(
                "const pair = document.querySelector('.article-pair'); return pair && {}.every(h => pair.textContent.includes(h));",
                json!(expected)
            ),
        )
        .map_err(|e| {
            let shown = texts(context, ".article-pair").unwrap_or_default();
            format!("{e}: {shown:?}")
        })?;
    context.open("#/compare")?;
    session.wait_for(
        "the outlet picker",
        "return document.body.textContent.includes('Harbour Times');",
    )?;

    // Timelines: the added texts state no date, so their claims are listed
    // as undated (they would be placed if a date were set).
    context.open("#/timeline")?;
    session.wait_for(
        "the added claims among the undated ones",
        "const u = document.querySelector('.timeline-undated'); return u && u.textContent.includes('Santos');",
    )?;

    // A reload analyses the stored files again.
    session.refresh()?;
    context.open("")?;
    wait_for_added(context, 2)?;
    ensure(added_headlines(context)? == expected, || {
        "after a reload the added articles differ".into()
    })?;

    // Remove one, reload, remove all, reload.
    session.click("[aria-label='Remove santos-strike.txt']")?;
    wait_for_added(context, 1)?;
    session.refresh()?;
    context.open("")?;
    wait_for_added(context, 1)?;
    let left = added_headlines(context)?;
    ensure(
        left == [headline(
            "harbour-times-santos.html",
            STRIKE_PAGE.as_bytes(),
        )?],
        || format!("after removing one, left {left:?}"),
    )?;
    session.click(".added-actions .danger")?;
    wait_for_added(context, 0)?;
    session.refresh()?;
    context.open("")?;
    let mut shown = texts(context, ".article-entry .headline")?;
    shown.sort();
    ensure(shown == sorted_headlines(&context.corpus), || {
        format!("after removing all, the library shows {shown:?}")
    })?;
    let stored = session.eval_async(
        "const done = arguments[arguments.length - 1];
         const open = indexedDB.open('crossread');
         open.onsuccess = () => { const db = open.result;
           if (!db.objectStoreNames.contains('added-articles')) { db.close(); return done(0); }
           const r = db.transaction('added-articles').objectStore('added-articles').count();
           r.onsuccess = () => { db.close(); done(r.result); }; };
         open.onerror = () => done(-1);",
        json!([]),
    )?;
    ensure(stored == json!(0), || {
        format!("IndexedDB still holds {stored} files after Remove all")
    })
}

fn bad_files_in_a_batch(context: &Context) -> Result<(), String> {
    start_empty(context)?;
    let session = &context.browser.session;
    let first = write_files(&[("santos-strike.txt", STRIKE_TEXT.as_bytes())])?;
    session.choose_files("#add-files", &[first[0].as_path()])?;
    wait_for_added(context, 1)?;
    let binary: &[u8] = &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe, 1, 2, 3];
    let big = vec![b'a'; 3 * 1024 * 1024];
    let batch = write_files(&[
        ("scan.txt", binary),
        ("budget-row.txt", SCRIPT_TEXT.as_bytes()),
        ("huge.txt", &big),
        ("council-fares.txt", MARKUP_TEXT.as_bytes()),
    ])?;
    let paths: Vec<&Path> = batch.iter().map(PathBuf::as_path).collect();
    session.choose_files("#add-files", &paths)?;
    let rows = finished_rows(context, &paths)?;
    let row = |name: &str| rows.iter().find(|(file, _, _)| file == name).cloned();
    for (name, clue) in [("scan.txt", "binary"), ("huge.txt", "limit")] {
        let Some((_, class, text)) = row(name) else {
            return Err(format!("no progress row for {name}: {rows:?}"));
        };
        ensure(
            class == "failed" && text.contains(name) && text.contains(clue),
            || {
                format!("{name}: row {class} “{text}”, expected a failure naming the file and saying “{clue}”")
            },
        )?;
    }
    for name in ["council-fares.txt", "budget-row.txt"] {
        ensure(row(name).is_some_and(|r| r.1 == "added"), || {
            format!("the good file {name} was not added: {rows:?}")
        })?;
    }
    let alert = session.eval(
        "return document.querySelector('.import-status [role=alert]') !== null;",
        json!([]),
    )?;
    ensure(alert == json!(true), || {
        "the failures are not announced as an alert".into()
    })?;
    wait_for_added(context, 3)?;
    let title = session.eval("return document.title;", json!([]))?;
    ensure(title != "ran", || "a script in an added text ran".into())?;
    // The markup is set aside: listed as removed, as text, never elements.
    context.open("#/article/council-fares?removed=1")?;
    session.wait_for("the added article", "return document.querySelector('main h1') && document.querySelector('main h1').textContent.includes('Council delays vote on bus fares');")?;
    let markup = session.eval(
        "const main = document.querySelector('main'); const removed = main.querySelector('.removed-list'); return [removed !== null && removed.textContent.includes('<i> </i>'), main.querySelector('.body').textContent.includes('<'), main.querySelectorAll('article.reader b, article.reader i, article.reader u').length];",
        json!([]),
    )?;
    ensure(markup == json!([true, false, 0]), || {
        format!(
            "markup in a text should be listed as removed text and make no elements, got {markup}"
        )
    })
}

fn paste_drop_facts_downloads(context: &Context) -> Result<(), String> {
    start_empty(context)?;
    let session = &context.browser.session;
    paste(context, PASTED)?;
    wait_for_added(context, 1)?;
    let pasted_headline = headline("pasted.txt", PASTED.as_bytes())?;
    ensure(
        added_headlines(context)? == [pasted_headline.clone()],
        || format!("pasted text shown as {:?}", added_headlines(context)),
    )?;
    // Drop: the same events a file dragged from the desktop fires.
    session.eval(
        "const transfer = new DataTransfer();
         transfer.items.add(new File([arguments[0]], 'santos-strike.txt', { type: 'text/plain' }));
         const target = document.querySelector('main');
         target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
         target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));",
        json!([STRIKE_TEXT]),
    )?;
    wait_for_added(context, 2)?;
    // Facts: the pasted text states no outlet or date.
    let form = ".added-entry[data-file^='pasted-'] .reader-facts";
    session.eval(
        &format!("const f = document.querySelector(\"{form}\"); f.querySelector('input[id$=outlet]').value = 'Coast Radio'; f.querySelector('input[id$=published]').value = '2025-02-14'; f.querySelector('input[id$=authors]').value = 'Rosa Díaz';"),
        json!([]),
    )?;
    session.click(&format!("{form} button[type=submit]"))?;
    session.wait_for(
        "the reader's outlet in the library",
        "return Array.from(document.querySelectorAll('.article-entry.added .outlet')).some(e => e.textContent.includes('Coast Radio')) && !document.querySelector('.import-status.working');",
    )?;
    // A bad date is refused, naming the file and what was typed; the
    // facts set before stay.
    session.eval(
        &format!("document.querySelector(\"{form} input[id$=published]\").value = '14/02/2025';"),
        json!([]),
    )?;
    session.click(&format!("{form} button[type=submit]"))?;
    session.wait_for(
        "the date error",
        "const e = document.querySelector('.import-status [role=alert]'); return e && e.textContent.includes('14/02/2025') && e.textContent.includes('pasted-');",
    )?;

    // Downloads, caught as the page makes them.
    let caught = |button: &str| -> Result<Value, String> {
        session.eval_async(
            "const done = arguments[arguments.length - 1];
             const original = URL.createObjectURL;
             URL.createObjectURL = (blob) => { URL.createObjectURL = original;
               blob.arrayBuffer().then(b => done(Array.from(new Uint8Array(b)))); return original(blob); };
             Array.from(document.querySelectorAll('.added-actions button')).find(b => b.textContent.includes(arguments[0])).click();",
            json!([button]),
        )
    };
    let bytes = |value: Value| -> Vec<u8> {
        value
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|b| b.as_u64().map(|b| b as u8))
                    .collect()
            })
            .unwrap_or_default()
    };
    let json_bytes = bytes(caught("JSON")?);
    let merged: crossread_corpus::Corpus = serde_json::from_slice(&json_bytes)
        .map_err(|e| format!("the JSON download is not a corpus: {e}"))?;
    let mut page_headlines = texts(context, ".article-entry .headline")?;
    page_headlines.sort();
    ensure(
        sorted_headlines(&merged) == page_headlines && merged.schema == "crossread/1",
        || format!("the JSON download holds {:?}", sorted_headlines(&merged)),
    )?;
    let pasted = merged
        .documents
        .iter()
        .find(|d| d.headline == pasted_headline)
        .ok_or("the pasted article is not in the download")?;
    ensure(
        pasted.outlet.as_deref() == Some("Coast Radio")
            && pasted.provenance.get("outlet") == Some(&Provenance::Reader)
            && pasted.authors == ["Rosa Díaz"],
        || {
            format!(
                "the reader's facts: outlet {:?} ({:?}), authors {:?}",
                pasted.outlet,
                pasted.provenance.get("outlet"),
                pasted.authors
            )
        },
    )?;
    // The archive is a seeds folder: with the site's own seeds it builds
    // the corpus the page shows.
    let archive = read_seeds_archive(&bytes(caught(".tar")?))?;
    let seeds = crate::bench::seeds_source()?;
    let mut sources = seeds.files;
    let mut catalog = seeds.catalog.unwrap_or_default();
    for (path, contents) in archive {
        let name = path.rsplit('/').next().unwrap_or(&path).to_string();
        if name == "catalog.toml" {
            catalog.push('\n');
            catalog.push_str(&String::from_utf8_lossy(&contents));
        } else {
            sources.push(SourceFile {
                name,
                bytes: contents,
            });
        }
    }
    let rebuilt = build_corpus(sources, Some(&catalog)).map_err(|e| e.to_string())?;
    ensure(sorted_headlines(&rebuilt) == page_headlines, || {
        format!(
            "the archive with the seeds builds {:?}",
            sorted_headlines(&rebuilt)
        )
    })?;
    let rebuilt_pasted = rebuilt
        .documents
        .iter()
        .find(|d| d.headline == pasted_headline);
    ensure(
        rebuilt_pasted.is_some_and(|d| {
            d.outlet.as_deref() == Some("Coast Radio")
                && d.published.map(|p| p.to_string()).as_deref() == Some("2025-02-14")
        }),
        || "the archive's catalog does not carry the reader's facts".into(),
    )?;
    session.click(".added-actions .danger")?;
    wait_for_added(context, 0)
}

fn cancel_a_long_import(context: &Context) -> Result<(), String> {
    start_empty(context)?;
    let session = &context.browser.session;
    // Long enough that Cancel lands mid-way on any machine.
    let dir = crate::corpus_gen::generate(300)?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    session.choose_files("#add-files", &paths)?;
    session.wait_for(
        "the import under way, with a progress bar",
        "return document.querySelector('.import-status.working progress') !== null;",
    )?;
    session.click(".import-status.working button")?;
    let rows = finished_rows(context, &paths)?;
    let waiting = rows.iter().filter(|r| r.1 == "waiting").count();
    let message = texts(context, ".import-status .import-error")?;
    ensure(
        rows.len() == paths.len() && waiting > 0 && message.iter().any(|m| m.contains("Cancelled")),
        || {
            format!(
                "after Cancel: {} rows, {waiting} not reached, messages {message:?}",
                rows.len()
            )
        },
    )?;
    ensure(texts(context, ".article-entry.added")?.is_empty(), || {
        "a cancelled import added articles".into()
    })?;
    session.refresh()?;
    context.open("")?;
    let total = texts(context, ".article-entry")?.len();
    ensure(total == context.corpus.documents.len(), || {
        format!("after a reload the library lists {total} articles: the cancelled files were kept")
    })
}
