//! End to end on a chunked site (`docs/scale.md`): the corpus ships as
//! data files fetched on demand instead of inside the wasm. These cases
//! run on the site built from another story with chunking forced (see
//! `any_story`), next to the library and reader cases of the seeds' suite
//! and the other story's compare and timeline cases.

use super::{ensure, texts, wait_for_heading, Case, Context};
use crossread_corpus::parts::LibraryIndex;
use crossread_corpus::{newest_first, Corpus};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// Articles per pack in the site these cases run on, so that its few
/// articles span several packs.
pub const ARTICLES_PER_PACK: usize = 2;

/// Library entries per page in that site, so that its library comes in
/// several pages.
pub const LIBRARY_PAGE: usize = 2;

/// Articles with a prerendered page in that site: the others open in the
/// app only.
pub const PRERENDERED_ARTICLES: usize = 4;

/// The built site the cases run on (they move data files aside to make a
/// fetch fail).
static DIST: OnceLock<PathBuf> = OnceLock::new();

pub const CASES: &[Case] = &[
    (
        "chunked: the first visit fetches the library index only, and the wasm holds no corpus",
        first_visit_fetches_the_index_only,
    ),
    (
        "chunked: opening an article fetches its pack, not the whole corpus",
        an_article_fetches_its_pack,
    ),
    (
        "chunked: an article page whose pack fails offers Retry, which shows the article",
        failed_pack_offers_retry,
    ),
    (
        "chunked: the library comes a page at a time (a failed page offers Retry); old articles open in the app",
        library_comes_in_pages,
    ),
    (
        "chunked: the explorer lists a search's claims article by article from their packs, never the whole analysis",
        explorer_lists_claims_from_packs,
    ),
    (
        "chunked: two articles compared sentence by sentence fetch their packs, not the whole analysis",
        a_pair_fetches_its_packs,
    ),
    (
        "chunked: an explorer search fetches the facet index and its word's shard, not the analysis, and lists the articles from the library's pages",
        explorer_looks_words_up,
    ),
    (
        "chunked: a search shard that fails offers Retry, which shows the results",
        failed_shard_offers_retry,
    ),
    (
        "chunked: the explorer's event threads come on demand: a button fetches their facet (Retry if it fails) and counts each thread; a thread in a link fetches it by itself",
        explorer_threads_on_demand,
    ),
    (
        "chunked: a failed data fetch shows a notice with Retry, which recovers",
        failed_fetch_offers_retry,
    ),
    (
        "chunked: a library index that fails to load keeps the text and offers Retry",
        failed_index_keeps_the_text,
    ),
    (
        "chunked: a pasted article is analysed with the site's, whose articles then open whole",
        own_article_joins_the_site,
    ),
];

/// A reader's own text, written for this test.
const PASTED: &str = "Ferry service suspended after harbour crane collapse\n\nThe harbour authority suspended all ferry crossings on Tuesday after a loading crane collapsed onto the main pier. \"Nobody was hurt, but the pier is closed until engineers inspect it,\" said harbour master Ilse Brandt.\n";

pub fn set_dist(dist: &Path) {
    let _ = DIST.set(dist.to_path_buf());
}

fn data_dir() -> Result<PathBuf, String> {
    DIST.get()
        .map(|d| d.join("data"))
        .ok_or_else(|| "the chunked site's folder is not known".to_string())
}

/// The data files whose names start with `prefix`.
fn data_files(prefix: &str) -> Result<Vec<PathBuf>, String> {
    let dir = data_dir()?;
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix) && n.ends_with(".bin"))
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The data files the page has fetched so far (their names).
pub(super) fn fetched(context: &Context) -> Result<Vec<String>, String> {
    super::any_story::eval_strings(
        context,
        "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('/data/')).map(n => n.split('/').pop());",
    )
}

fn first_visit_fetches_the_index_only(context: &Context) -> Result<(), String> {
    let packs = data_files("pack-")?;
    let expected_packs = context.corpus.documents.len().div_ceil(ARTICLES_PER_PACK);
    ensure(packs.len() == expected_packs, || {
        format!("{} pack files, expected {expected_packs}", packs.len())
    })?;
    ensure(data_files("corpus-")?.len() == 1, || {
        "expected one whole-corpus file".into()
    })?;
    let dist = DIST.get().ok_or("no site folder")?;
    let paragraph = (context.corpus.documents.iter())
        .flat_map(|d| &d.paragraphs)
        .max_by_key(|p| p.len())
        .ok_or("the corpus has no paragraph")?;
    let wasm = std::fs::read(largest_wasm(dist)?).map_err(|e| e.to_string())?;
    ensure(!contains(&wasm, paragraph.as_bytes()), || {
        format!("the app's wasm embeds the text “{paragraph}”: it should hold code only")
    })?;
    context.open("")?;
    wait_for_heading(context, "Library")?;
    let fetched = fetched(context)?;
    ensure(
        fetched.len() == 1 && fetched[0].starts_with("library-"),
        || format!("the library should fetch its index only, fetched {fetched:?}"),
    )
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The app's wasm (the largest; the worker's is smaller).
fn largest_wasm(dist: &Path) -> Result<PathBuf, String> {
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "wasm"))
        .max_by_key(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
        .map(|e| e.path())
        .ok_or_else(|| format!("no wasm in {}", dist.display()))
}

fn an_article_fetches_its_pack(context: &Context) -> Result<(), String> {
    // The oldest entry of the library's first page.
    let newest = newest_first(&context.corpus.documents);
    let document = newest[LIBRARY_PAGE - 1];
    context.open("")?;
    context
        .browser
        .session
        .click(&format!(".article-entry[data-doc='{}'] a", document.id))?;
    wait_for_heading(context, &document.headline)?;
    let paragraphs = texts(context, ".reader .body p")?;
    ensure(paragraphs == document.paragraphs, || {
        format!("{}: the reader shows {paragraphs:?}", document.id)
    })?;
    let fetched = fetched(context)?;
    let packs = fetched.iter().filter(|n| n.starts_with("pack-")).count();
    ensure(
        packs == 1 && !fetched.iter().any(|n| n.starts_with("corpus-")),
        || format!("opening one article fetched {fetched:?}"),
    )
}

/// The pack file holding the corpus's document `index`.
fn pack_file_of(context: &Context, index: usize) -> Result<PathBuf, String> {
    let id = &context.corpus.documents[index].id;
    let packs = data_files("pack-")?;
    packs
        .into_iter()
        .find(|pack| {
            std::fs::read(pack)
                .ok()
                .and_then(|bytes| postcard::from_bytes::<Corpus>(&bytes).ok())
                .is_some_and(|part| part.document(id).is_some())
        })
        .ok_or_else(|| format!("no pack holds {id}"))
}

fn failed_pack_offers_retry(context: &Context) -> Result<(), String> {
    // The oldest article with a page of its own.
    let documents = context.prerendered_documents();
    let document = *documents.last().ok_or("no prerendered article")?;
    let index = (context.corpus.documents.iter())
        .position(|d| d.id == document.id)
        .ok_or("the article is not in the corpus")?;
    let pack = pack_file_of(context, index)?;
    // The prerendered page: hydration cannot wait for its pack, so the app
    // renders afresh with the notice.
    let page = crate::article_page_file(&document.id);
    fails_then_recovers(
        context,
        &pack,
        "main .data-failed",
        || context.open(&page),
        || {
            wait_for_heading(context, &document.headline)?;
            let paragraphs = texts(context, ".reader .body p")?;
            ensure(paragraphs == document.paragraphs, || {
                format!(
                    "{}: after Retry the reader shows {paragraphs:?}",
                    document.id
                )
            })
        },
    )
}

fn explorer_lists_claims_from_packs(context: &Context) -> Result<(), String> {
    let word = SEARCHED;
    let expected = context
        .corpus
        .claims
        .iter()
        .filter(|c| c.text.to_lowercase().contains(word))
        .count();
    ensure(expected > 0, || {
        format!("no claim of the corpus says {word}")
    })?;
    context.open(&format!("#/explore?as=claims&q={word}"))?;
    context.browser.session.wait_for(
        "the explorer's claims",
        &format!("return document.querySelectorAll('.result-list .claim-result .result-link').length === {expected} && !document.querySelector('.result.loading');"),
    )?;
    let marks = texts(context, ".result-list mark")?;
    ensure(
        !marks.is_empty() && marks.iter().all(|m| m.to_lowercase().starts_with(word)),
        || format!("highlights should be “{word}”: {marks:?}"),
    )?;
    let articles = articles_saying(context, word).len();
    let summary = texts(context, ".result-count")?.join(" ");
    ensure(
        summary.starts_with(&format!("{articles} articles match (counted by article")),
        || format!("the summary says “{summary}”"),
    )?;
    let fetched = fetched(context)?;
    let count_of = |prefix: &str| fetched.iter().filter(|n| n.starts_with(prefix)).count();
    ensure(
        count_of("corpus-") == 0 && count_of("facets-") == 1 && count_of("pack-") > 0,
        || format!("listing claims fetched {fetched:?}"),
    )
}

fn a_pair_fetches_its_packs(context: &Context) -> Result<(), String> {
    // The first and last articles (in two packs when there are several).
    let documents = &context.corpus.documents;
    let (left, right) = (&documents[0], &documents[documents.len() - 1]);
    let (a, b) = (
        crate::url_component(&left.id),
        crate::url_component(&right.id),
    );
    context.open(&format!("#/compare?a={a}&b={b}"))?;
    context.browser.session.wait_for(
        "the two articles sentence by sentence",
        "return document.querySelector('.sentence-rows .sentence-row');",
    )?;
    let sides = texts(context, ".sentence-row .cell-outlet")?;
    let outlet = |d: &crossread_corpus::Document| d.outlet_label();
    ensure(
        sides.iter().any(|s| s.starts_with(&outlet(left)))
            && sides.iter().any(|s| s.starts_with(&outlet(right))),
        || format!("the pair shows sides {sides:?}"),
    )?;
    let expected = ([0, documents.len() - 1].into_iter())
        .map(|i| pack_file_of(context, i))
        .collect::<Result<std::collections::BTreeSet<PathBuf>, String>>()?;
    let fetched = fetched(context)?;
    let packs = fetched.iter().filter(|n| n.starts_with("pack-")).count();
    ensure(
        packs == expected.len() && !fetched.iter().any(|n| n.starts_with("corpus-")),
        || format!("comparing two articles fetched {fetched:?}, expected the packs {expected:?}"),
    )
}

/// A word the explorer's cases search for, and the headlines of the
/// articles whose searched text holds it (any form).
const SEARCHED: &str = "magnitude";

fn articles_saying(context: &Context, word: &str) -> Vec<String> {
    use crossread_corpus::parts::words::searched_text;
    use crossread_corpus::search_text::tokenize;
    let stem = crossread_corpus::stem::stem(word);
    let mut headlines: Vec<String> = (context.corpus.documents.iter())
        .filter(|d| tokenize(&searched_text(d)).iter().any(|t| t.stem == stem))
        .map(|d| d.headline.clone())
        .collect();
    headlines.sort();
    headlines
}

fn explorer_looks_words_up(context: &Context) -> Result<(), String> {
    let expected = articles_saying(context, SEARCHED);
    let total = context.corpus.documents.len();
    ensure(!expected.is_empty() && expected.len() < total, || {
        format!(
            "{} of {total} articles say {SEARCHED}: the case needs some, not all",
            expected.len()
        )
    })?;
    context.open(&format!("#/explore?q={SEARCHED}"))?;
    let count = expected.len();
    context.browser.session.wait_for(
        "the explorer's articles",
        &format!("return document.querySelectorAll('.result-list .result-link').length === {count} && !document.querySelector('.result.loading');"),
    )?;
    let mut shown = texts(context, ".result-list .result-link")?;
    shown.sort();
    ensure(shown == expected, || {
        format!("the explorer lists {shown:?}, expected {expected:?}")
    })?;
    let summary = texts(context, ".result-count")?.join(" ");
    ensure(
        summary.starts_with(&format!("{count} articles match")),
        || format!("the summary says “{summary}”"),
    )?;
    let fetched = fetched(context)?;
    let count_of = |prefix: &str| fetched.iter().filter(|n| n.starts_with(prefix)).count();
    ensure(
        count_of("facets-") == 1
            && count_of("words-") == 1
            && count_of("corpus-") == 0
            && count_of("pack-") == 0,
        || format!("one search fetched {fetched:?}"),
    )
}

/// The search shard that holds `word`.
fn shard_of(word: &str) -> Result<PathBuf, String> {
    use crossread_corpus::parts::facets::FacetIndex;
    let index = library_index()?;
    let file = data_dir()?.join(&index.facets);
    let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let facets: FacetIndex =
        postcard::from_bytes(&bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    let stem = crossread_corpus::stem::stem(word);
    let file = (facets.shard_file(&stem)).ok_or_else(|| format!("no shard holds {stem}"))?;
    Ok(data_dir()?.join(file))
}

fn failed_shard_offers_retry(context: &Context) -> Result<(), String> {
    let count = articles_saying(context, SEARCHED).len();
    fails_then_recovers(
        context,
        &shard_of(SEARCHED)?,
        ".results .data-failed",
        || context.open(&format!("#/explore?q={SEARCHED}")),
        || {
            context.browser.session.wait_for(
                "the results after Retry",
                &format!("return document.querySelectorAll('.result-list .result-link').length === {count} && !document.querySelector('.data-failed');"),
            )?;
            Ok(())
        },
    )
}

/// The thread facet's options the explorer shows first for a search of
/// [`SEARCHED`]: each thread's label and how many articles saying the
/// word have a claim in it, most first, then those in no thread.
fn thread_counts_expected(context: &Context) -> Vec<String> {
    use crossread_corpus::parts::words::searched_text;
    use crossread_corpus::search_text::tokenize;
    let stem = crossread_corpus::stem::stem(SEARCHED);
    let corpus = &context.corpus;
    let saying: BTreeSet<&str> = (corpus.documents.iter())
        .filter(|d| tokenize(&searched_text(d)).iter().any(|t| t.stem == stem))
        .map(|d| d.id.as_str())
        .collect();
    let articles_in = |fits: &dyn Fn(&crossread_corpus::Claim) -> bool| {
        let docs = (corpus.claims.iter())
            .filter(|c| saying.contains(c.doc.as_str()) && fits(c))
            .map(|c| c.doc.as_str());
        docs.collect::<BTreeSet<&str>>().len()
    };
    let mut threads: Vec<(usize, &str)> = (corpus.threads.iter())
        .map(|t| {
            (
                articles_in(&|c| c.threads.contains(&t.id)),
                t.label.as_str(),
            )
        })
        .collect();
    threads.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let alone = articles_in(&|c| c.threads.is_empty());
    let mut shown: Vec<String> = threads
        .iter()
        .map(|(n, label)| format!("{label} {n}"))
        .collect();
    if alone > 0 {
        shown.push(format!("In no event thread (only in its article) {alone}"));
    }
    shown.truncate(8);
    shown
}

fn explorer_threads_on_demand(context: &Context) -> Result<(), String> {
    let index = library_index()?;
    let file = data_dir()?.join(&index.facets);
    let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let facets: crossread_corpus::parts::FacetIndex =
        postcard::from_bytes(&bytes).map_err(|e| format!("{}: {e}", file.display()))?;
    let part = facets
        .thread_part
        .ok_or("the facet index holds its threads")?;
    let part_file = data_dir()?.join(crossread_corpus::parts::thread_facets_file(part.hash));
    let threads = context.corpus.threads.len();
    let button = "fieldset[data-facet=thread] button.show-threads";
    context.open(&format!("#/explore?q={SEARCHED}"))?;
    context.browser.session.wait_for(
        "the button that loads the event threads",
        &format!("const b = document.querySelector({}); return b && b.textContent === 'Show {threads} event threads with counts' && document.querySelector('.result-list .result-link');", serde_json::json!(button)),
    )?;
    let fetched_threads = || -> Result<usize, String> {
        let fetched = fetched(context)?;
        Ok(fetched
            .iter()
            .filter(|n| n.starts_with("facetthreads-"))
            .count())
    };
    ensure(fetched_threads()? == 0, || {
        "a search fetched the event threads".into()
    })?;
    let options = "fieldset[data-facet=thread] li label";
    fails_then_recovers(
        context,
        &part_file,
        "fieldset[data-facet=thread] .data-failed",
        || context.browser.session.click(button),
        || {
            context.browser.session.wait_for(
                "the event threads with counts",
                &format!(
                    "return document.querySelectorAll({}).length > 0;",
                    serde_json::json!(options)
                ),
            )?;
            Ok(())
        },
    )?;
    let shown: Vec<String> = super::any_story::eval_strings(
        context,
        &format!("return [...document.querySelectorAll({})].map(l => l.querySelector('.facet-label').textContent + ' ' + l.querySelector('.facet-count').textContent);", serde_json::json!(options)),
    )?;
    let expected = thread_counts_expected(context);
    ensure(shown == expected, || {
        format!("the thread facet shows {shown:?}, expected {expected:?}")
    })?;
    // A link naming a thread: the facet comes with the results, once.
    let thread = &context.corpus.threads[0];
    let articles: BTreeSet<&str> = (context.corpus.claims.iter())
        .filter(|c| c.threads.contains(&thread.id))
        .map(|c| c.doc.as_str())
        .collect();
    context.open(&format!("#/explore?thread={}", thread.id))?;
    context.browser.session.wait_for(
        "the articles of one thread",
        &format!("return document.querySelectorAll('.result-list .result-link').length === {} && document.querySelector('fieldset[data-facet=thread] input:checked');", articles.len()),
    )?;
    ensure(fetched_threads()? == 1, || {
        format!("a link to a thread fetched {:?}", fetched(context))
    })
}

/// Moves `file` aside while `during` runs, then puts it back.
fn without_file(
    file: &Path,
    during: impl FnOnce(&dyn Fn() -> Result<(), String>) -> Result<(), String>,
) -> Result<(), String> {
    let aside = file.with_extension("aside");
    std::fs::rename(file, &aside).map_err(|e| format!("{}: {e}", file.display()))?;
    let restore = || std::fs::rename(&aside, file).map_err(|e| format!("{}: {e}", file.display()));
    let outcome = during(&restore);
    if aside.exists() {
        restore()?;
    }
    outcome
}

/// The browser logs the deliberate miss as an error; any other error
/// fails the case (the log is drained, so later errors still count).
fn only_the_missing_file_logged(context: &Context, file: &Path) -> Result<(), String> {
    let name = file
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let errors = context.browser.session.console_errors()?;
    ensure(
        !errors.is_empty() && errors.iter().all(|e| e.contains(name) && e.contains("404")),
        || format!("expected only the 404 of {name} in the console, got {errors:?}"),
    )
}

fn failed_fetch_offers_retry(context: &Context) -> Result<(), String> {
    let index = data_files("threads-")?
        .into_iter()
        .next()
        .ok_or("no thread index file")?;
    fails_then_recovers(
        context,
        &index,
        "main .data-failed",
        || context.open("#/timeline"),
        || {
            wait_for_heading(context, "Timelines")?;
            ensure(texts(context, ".data-failed")?.is_empty(), || {
                "the notice stays after a successful retry".into()
            })
        },
    )
}

fn failed_index_keeps_the_text(context: &Context) -> Result<(), String> {
    let index = data_files("library-")?
        .into_iter()
        .next()
        .ok_or("no library index")?;
    let count = context.corpus.documents.len().min(context.library_page);
    fails_then_recovers(
        context,
        &index,
        ".data-failed",
        || {
            context.browser.open(&context.base)?;
            context.browser.session.wait_for(
                "the prerendered library",
                "return document.querySelector('.data-failed');",
            )?;
            let entries = texts(context, ".article-entry")?.len();
            ensure(entries == count, || {
                format!("the prerendered library shows {entries} articles, not its first {count}")
            })
        },
        || {
            context.browser.session.wait_for(
                "the app to start after Retry",
                "return document.documentElement.dataset.app === 'running' && !document.querySelector('.data-failed');",
            )?;
            Ok(())
        },
    )
}

/// The library of the site, as its index and pages list it.
fn library_index() -> Result<LibraryIndex, String> {
    let file = data_files("library-")?
        .into_iter()
        .next()
        .ok_or("no library index")?;
    let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    postcard::from_bytes(&bytes).map_err(|e| format!("{}: {e}", file.display()))
}

fn library_comes_in_pages(context: &Context) -> Result<(), String> {
    let index = library_index()?;
    let expected: Vec<String> = newest_first(&context.corpus.documents)
        .iter()
        .map(|d| d.id.clone())
        .collect();
    ensure(index.page_count() > 2, || {
        format!(
            "the site's library has {} pages; the case needs 3 or more",
            index.page_count()
        )
    })?;
    let listed = || {
        super::any_story::eval_strings(
            context,
            "return [...document.querySelectorAll('.article-entry')].map(e => e.dataset.doc);",
        )
    };
    context.open("")?;
    wait_for_heading(context, "Library")?;
    ensure(listed()? == expected[..LIBRARY_PAGE], || {
        format!(
            "the first page lists {:?}, expected the newest {LIBRARY_PAGE} of {expected:?}",
            listed()
        )
    })?;
    let page = data_dir()?.join(index.page_file(1).ok_or("no second page")?);
    fails_then_recovers(
        context,
        &page,
        ".library .data-failed",
        || context.browser.session.click(".more-articles button"),
        || {
            context.browser.session.wait_for(
                "the second page of the library",
                &format!(
                    "return document.querySelectorAll('.article-entry').length === {};",
                    2 * LIBRARY_PAGE
                ),
            )?;
            Ok(())
        },
    )?;
    super::show_every_entry(context)?;
    ensure(listed()? == expected, || {
        format!(
            "the whole library lists {:?}, expected {expected:?}",
            listed()
        )
    })?;
    let fetched = fetched(context)?;
    ensure(
        !fetched
            .iter()
            .any(|n| n.starts_with("pack-") || n.starts_with("corpus-")),
        || format!("listing the library fetched {fetched:?}"),
    )?;
    // The newest articles link to their prerendered pages, the others to
    // their view in the app, which a new tab opens.
    let links = super::any_story::eval_strings(
        context,
        "return [...document.querySelectorAll('.article-entry .headline a')].map(a => a.getAttribute('href'));",
    )?;
    let expected_links: Vec<String> = (expected.iter().enumerate())
        .map(|(at, id)| {
            if at < PRERENDERED_ARTICLES {
                crate::article_page_file(id)
            } else {
                format!("index.html#/article/{id}")
            }
        })
        .collect();
    ensure(links == expected_links, || {
        format!("the library links {links:?}, expected {expected_links:?}")
    })?;
    let oldest = newest_first(&context.corpus.documents)
        .pop()
        .ok_or("an empty corpus")?;
    context.open(&format!("index.html#/article/{}", oldest.id))?;
    wait_for_heading(context, &oldest.headline)?;
    let paragraphs = texts(context, ".reader .body p")?;
    ensure(paragraphs == oldest.paragraphs, || {
        format!("{}: the reader shows {paragraphs:?}", oldest.id)
    })?;
    Ok(())
}

/// Moves `file` aside, does `provoke`, which must end in a notice
/// (`notice`, a selector) with a Retry button and the file's 404 as the
/// console's only error; then puts the file back, presses Retry and checks
/// `recovered`.
fn fails_then_recovers(
    context: &Context,
    file: &Path,
    notice: &str,
    provoke: impl FnOnce() -> Result<(), String>,
    recovered: impl FnOnce() -> Result<(), String>,
) -> Result<(), String> {
    without_file(file, |restore| {
        provoke()?;
        context.browser.session.wait_for(
            &format!("a notice of the failed fetch ({notice})"),
            &format!(
                "const n = document.querySelector({}); return n && n.getAttribute('role') === 'alert' && n.querySelector('button') && n.textContent.includes('404') && !document.querySelector('.panic-notice');",
                serde_json::json!(notice)
            ),
        )?;
        only_the_missing_file_logged(context, file)?;
        restore()?;
        context.browser.session.click(&format!("{notice} button"))?;
        recovered()
    })
}

fn own_article_joins_the_site(context: &Context) -> Result<(), String> {
    super::own_articles::start_empty(context)?;
    let session = &context.browser.session;
    super::own_articles::paste(context, PASTED)?;
    let count = context.corpus.documents.len() + 1;
    // An undated article lists last: after every page of the library.
    session.wait_for(
        "the pasted article analysed with the site's",
        &format!("const l = document.querySelector('.library .lede'); return l && l.textContent.startsWith('{count} articles, 1 of them added by you') && !document.querySelector('.import-status.working');"),
    )?;
    super::show_every_entry(context)?;
    super::own_articles::wait_for_added(context, 1)?;
    let entries = texts(context, ".article-entry")?.len();
    let outcome = ensure(entries == count, || {
        format!("the library lists {entries} articles, expected {count}")
    })
    .and_then(|()| {
        let document = context.document(1);
        session.click(&format!(".article-entry[data-doc='{}'] a", document.id))?;
        wait_for_heading(context, &document.headline)?;
        let paragraphs = texts(context, ".reader .body p")?;
        ensure(paragraphs == document.paragraphs, || {
            format!("{}: the reader shows {paragraphs:?}", document.id)
        })
    });
    super::own_articles::start_empty(context)?;
    outcome
}
