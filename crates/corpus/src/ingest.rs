//! Ingestion of one article file and of a whole corpus: input checks,
//! normalisation, separating the body from page chrome, header metadata,
//! and the merge with the catalog (recording where each value came from).
//! Plain text, Markdown and saved web pages all end up as lines of text
//! that go through the same segmentation, so a saved page and the plain
//! text of the same article give the same headline and body.

use crate::batch::Batch;
use crate::catalog::CatalogEntry;
use crate::chrome::markup::{self, Cleaned};
use crate::chrome::{self, bullet_text, classify_line};
use crate::date::PartialDate;
use crate::document::{
    count_words, Conflict, Corpus, Document, Provenance, RemovalReason, Removed, Skipped,
};
use crate::error::{CorpusError, IngestError, Problem};
use crate::header::{parse_aggregator_byline, parse_byline_with_date, parse_dateline};
use crate::html;
use crate::normalize::{self, word_count};
use crate::page_state;
use std::collections::{BTreeMap, BTreeSet};

/// Largest article file accepted. Long-form features run to 100 KB of text;
/// anything past 2 MiB is a wrong file, not an article.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// One input file, as read by the caller (CLI, build script or page).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// File extensions read as articles (compared without case).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// How an article file is read, decided by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`: plain text; markup in it is set aside (`chrome::markup`),
    /// and a whole saved page is read as one.
    Text,
    /// `.md`: plain text whose heading marks (`# `) and emphasis are dropped.
    Markdown,
    /// `.html`, `.htm`: a saved web page, parsed (never run).
    Html,
}

impl Format {
    /// The format of a file name, or `None` for an extension not read.
    pub fn of(name: &str) -> Option<Format> {
        let (_, extension) = name.rsplit_once('.')?;
        match extension.to_ascii_lowercase().as_str() {
            "txt" => Some(Format::Text),
            "md" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }
}

/// Checks that bytes are an article text and returns them as `&str`: not
/// too large, not empty, not binary, UTF-8. Markup in a text is not a
/// problem: it is set aside when the text is read (`chrome::markup`).
pub fn check_text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, IngestError> {
    let fail = |problem| {
        Err(IngestError {
            file: name.to_string(),
            problem,
        })
    };
    if bytes.len() > MAX_FILE_BYTES {
        return fail(Problem::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fail(Problem::Empty);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) if looks_binary(bytes) => return fail(Problem::Binary),
        Err(e) => {
            return fail(Problem::NotUtf8 {
                byte_offset: e.valid_up_to(),
            })
        }
    };
    if looks_binary(bytes) {
        return fail(Problem::Binary);
    }
    Ok(text)
}

fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    sample.contains(&0) || controls * 100 > sample.len().max(1)
}

/// Ingests one article. `entry` is its catalog entry, if any.
pub fn ingest(
    name: &str,
    bytes: &[u8],
    entry: Option<&CatalogEntry>,
) -> Result<Document, IngestError> {
    ingest_with(name, bytes, entry, Provenance::Catalog)
}

/// Ingests one article whose facts (`entry`) come from `facts`: the
/// catalog, or a reader who typed them in the page (`Provenance::Reader`).
pub fn ingest_with(
    name: &str,
    bytes: &[u8],
    entry: Option<&CatalogEntry>,
    facts: Provenance,
) -> Result<Document, IngestError> {
    let format = Format::of(name).ok_or_else(|| IngestError {
        file: name.to_string(),
        problem: Problem::UnsupportedExtension,
    })?;
    let decoded;
    let text = match check_text(name, bytes) {
        Err(e) if format == Format::Html && matches!(e.problem, Problem::NotUtf8 { .. }) => {
            decoded = crate::charset::legacy_html(bytes).ok_or(e)?;
            // Checked again as decoded: the page's worker checks the text
            // the browser decoded, so both refuse the same files.
            check_text(name, decoded.as_bytes())?
        }
        checked => checked?,
    };
    let page = match read_as(format, text) {
        Format::Html => html_page(text),
        Format::Text => capture_page(markup::set_aside(text)),
        Format::Markdown => segment_cleaned(markdown(markup::set_aside(text))),
    };
    if page.paragraphs.is_empty() {
        return Err(IngestError {
            file: name.to_string(),
            problem: Problem::NoText {
                found: without_body(&page),
            },
        });
    }
    Ok(merge(name, page, entry, facts))
}

/// What a file without body text shows instead, for the refusal.
fn without_body(page: &Page) -> String {
    let headline = page
        .headline
        .as_deref()
        .map(|h| format!("a headline ({h:?})"));
    let chrome: Vec<&Removed> = page
        .removed
        .iter()
        .filter(|r| r.reason != RemovalReason::Headline)
        .collect();
    if chrome.is_empty() {
        return match headline {
            Some(h) => format!("the only text is {h}"),
            None => "every line is blank".to_string(),
        };
    }
    let mut counts: Vec<(RemovalReason, usize)> = Vec::new();
    for removed in &chrome {
        match counts.iter_mut().find(|(r, _)| *r == removed.reason) {
            Some((_, n)) => *n += 1,
            None => counts.push((removed.reason, 1)),
        }
    }
    counts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let parts: Vec<String> = counts
        .iter()
        .take(3)
        .map(|(reason, n)| format!("{n} {}", reason.describe()))
        .collect();
    let chrome = format!(
        "{} lines of page chrome ({})",
        chrome.len(),
        parts.join(", ")
    );
    match headline {
        Some(h) => format!("only {h} and {chrome}"),
        None => format!("only {chrome}"),
    }
}

/// How a file is read: as its extension says, except that a text that is
/// a whole saved page (it opens with `<!doctype html` or `<html>`) is read
/// as the page it is.
fn read_as(format: Format, text: &str) -> Format {
    if markup::is_whole_page(text) {
        Format::Html
    } else {
        format
    }
}

/// The text of a file as lines, before page chrome is told from body text
/// (for `crossread sentences`): a saved page's visible text without the
/// parts its markup marks as chrome; a text's lines without its markup.
pub fn text_lines(name: &str, bytes: &[u8]) -> Result<Vec<String>, IngestError> {
    let text = check_text(name, bytes)?;
    Ok(
        match read_as(Format::of(name).unwrap_or(Format::Text), text) {
            Format::Html => html::extract(text)
                .lines
                .into_iter()
                .filter(|l| l.removed.is_none())
                .map(|l| l.text)
                .collect(),
            Format::Markdown => markdown(markup::set_aside(text)).text_lines(),
            Format::Text => markup::set_aside(text).text_lines(),
        },
    )
}

/// Markdown read as text: heading marks and emphasis asterisks go, the
/// words stay.
fn markdown(text: Cleaned) -> Cleaned {
    let mut out = Cleaned::default();
    for (line, reason) in text.lines.into_iter().zip(text.reasons) {
        let line = match reason {
            Some(_) => line,
            None => markdown_line(line),
        };
        if !line.is_empty() {
            out.lines.push(line);
            out.reasons.push(reason);
        }
    }
    out
}

fn markdown_line(line: String) -> String {
    let line = match line.trim_start_matches('#') {
        rest if rest.len() < line.len() && line.len() - rest.len() <= 6 => rest.trim().to_string(),
        _ => line,
    };
    line.replace("**", "").replace("__", "")
}

/// A saved page: its text blocks go through the same segmentation as a
/// plain text, with the blocks its markup marks as chrome already set
/// aside; then its metadata fills the fields (provenance `html-meta`).
fn html_page(text: &str) -> Page {
    let saved = html::extract(text);
    let headline_at = saved.headline_line();
    let mut lines = Vec::with_capacity(saved.lines.len() + 1);
    let mut preset = Vec::with_capacity(saved.lines.len() + 1);
    if headline_at.is_none() {
        if let Some(headline) = &saved.meta.headline {
            lines.push(headline.clone());
            preset.push(None);
        }
    }
    for (at, line) in saved.lines.into_iter().enumerate() {
        let reason = if Some(at) == headline_at {
            None
        } else if headline_at.is_some_and(|h| at < h) {
            // Above the headline of a saved page is only site furniture.
            line.removed.or_else(|| {
                classify_line(&line.text).or(Some(if chrome::is_section_label(&line.text) {
                    RemovalReason::SectionLabel
                } else {
                    RemovalReason::Navigation
                }))
            })
        } else {
            line.removed
        };
        lines.push(line.text);
        preset.push(reason);
    }
    let meta = saved.meta;
    let page = body_from_data(segment_with(lines, preset), &meta);
    // A page whose one text is prose taken for a headline: that text is
    // its body, as for a plain text.
    let mut page = headline_that_is_prose(page);
    if meta.headline.is_some() {
        page = prose_above_the_body(page);
    }
    let mut set = |field: &'static str, present: bool| {
        if present {
            page.from_markup.insert(field);
        }
        present
    };
    if set("headline", meta.headline.is_some()) {
        page.headline = meta.headline;
    }
    if set("published", meta.published.is_some()) {
        page.published = meta.published;
    }
    if set("authors", !meta.authors.is_empty()) {
        page.authors = meta.authors;
    }
    if set("url", meta.url.is_some()) {
        page.url = meta.url;
    }
    if set("outlet", meta.outlet.is_some()) {
        page.outlet = meta.outlet;
    }
    page.updated = meta.updated;
    page.language = meta.language;
    page
}

/// The article a page states as data when its markup prints less of it:
/// JSON-LD `articleBody` when it is fuller (`FullerArticleBody`), and for a
/// page built by scripts, whose markup holds no article text, JSON-LD
/// `articleBody`, else the state data its scripts carry (read, never run).
fn body_from_data(mut page: Page, meta: &html::PageMeta) -> Page {
    let headline = meta.headline.as_deref();
    if let Some(body) = meta.article_body.as_deref() {
        if fuller_article_body(&page.paragraphs, body) {
            page.paragraphs = segment(json_ld_lines(headline, body)).paragraphs;
        }
    }
    if page.paragraphs.is_empty() {
        let body = meta.article_body.clone().or_else(|| {
            (meta.state_scripts.iter()).find_map(|script| page_state::article_from_state(script))
        });
        if let Some(body) = body {
            page = segment(json_ld_lines(headline, &body));
        }
    }
    page
}

/// Rule `FullerArticleBody`: a page that prints only the start of its
/// article (the rest loaded by scripts, or behind a wall) while its JSON-LD
/// `articleBody` holds all of it is read from `articleBody`: when that text
/// has twice the words of the printed paragraphs and 100 more, and either
/// holds the opening words of the first printed paragraph (the same
/// article) or the page prints under 60 words (a summary above a wall).
fn fuller_article_body(paragraphs: &[String], body: &str) -> bool {
    const SUMMARY_WORDS: usize = 60;
    let printed: usize = paragraphs.iter().map(|p| word_count(p)).sum();
    let declared = word_count(body);
    if printed == 0 || declared < 2 * printed || declared < printed + 100 {
        return false;
    }
    let opening: Vec<&str> = paragraphs[0].split_whitespace().take(8).collect();
    let body_words: Vec<&str> = body.split_whitespace().collect();
    printed < SUMMARY_WORDS
        || !opening.is_empty()
            && body_words
                .windows(opening.len())
                .any(|w| w == opening.as_slice())
}

/// A page built by scripts holds its article in JSON-LD `articleBody`
/// only: its paragraphs (at line breaks) under the page's headline.
fn json_ld_lines(headline: Option<&str>, body: &str) -> Vec<String> {
    headline
        .into_iter()
        .map(str::to_string)
        .chain(normalize::lines(body))
        .collect()
}

/// What a corpus build does with an input it cannot use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Any problem stops the build; all of them are reported together.
    Strict,
    /// A file that cannot be read is skipped and recorded with its problem
    /// in [`Corpus::skipped`], as are a catalog or catalog entries that
    /// cannot be used; the build fails only when no article can be read.
    Lenient,
}

/// Ingests every file in name order, merges the catalog and analyses the
/// documents; any problem stops it (see [`build_corpus_with`]).
pub fn build_corpus(
    files: Vec<SourceFile>,
    catalog_text: Option<&str>,
) -> Result<Corpus, CorpusError> {
    build_corpus_with(files, catalog_text, Strictness::Strict)
}

/// Ingests every file in name order through a [`Batch`], which skips the
/// files it cannot read, and analyses the documents together.
pub fn build_corpus_with(
    files: Vec<SourceFile>,
    catalog_text: Option<&str>,
    strictness: Strictness,
) -> Result<Corpus, CorpusError> {
    build_corpus_with_workers(files, catalog_text, strictness, 1)
}

/// [`build_corpus_with`] with the per-document analysis on `workers`
/// threads (native callers pick the number, e.g. from
/// `std::thread::available_parallelism`); the same corpus, byte for byte.
#[cfg(feature = "parallel")]
pub fn build_corpus_in_parallel(
    files: Vec<SourceFile>,
    catalog_text: Option<&str>,
    strictness: Strictness,
    workers: std::num::NonZeroUsize,
) -> Result<Corpus, CorpusError> {
    build_corpus_with_workers(files, catalog_text, strictness, workers.get())
}

fn build_corpus_with_workers(
    mut files: Vec<SourceFile>,
    catalog_text: Option<&str>,
    strictness: Strictness,
    workers: usize,
) -> Result<Corpus, CorpusError> {
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let (mut batch, catalog_problem) = Batch::new(catalog_text, Provenance::Catalog, Vec::new());
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    let mut problems: Vec<IngestError> = catalog_problem.into_iter().collect();
    problems.extend(batch.entries_without_file(&names));
    problems.extend(batch.add_all(&files, workers));
    let failed = match strictness {
        Strictness::Strict => !problems.is_empty(),
        Strictness::Lenient => batch.is_empty(),
    };
    if failed {
        return Err(CorpusError { problems });
    }
    let mut corpus = batch.finish_with_workers(workers);
    corpus.skipped = problems.iter().map(Skipped::from).collect();
    Ok(corpus)
}

/// What the page itself says, before the catalog is consulted.
#[derive(Debug, Default)]
struct Page {
    headline: Option<String>,
    dek: Option<String>,
    summary: Vec<String>,
    authors: Vec<String>,
    published: Option<PartialDate>,
    updated: Option<PartialDate>,
    language: Option<String>,
    outlet: Option<String>,
    via: Option<String>,
    url: Option<String>,
    paragraphs: Vec<String>,
    removed: Vec<Removed>,
    /// Fields read from a saved page's markup rather than its text.
    from_markup: BTreeSet<&'static str>,
}

/// Lines before the body that can only be header or chrome. A header rarely
/// runs past a dozen lines; the scan also stops at two plain lines in a row,
/// which is where the body starts.
const HEADER_WINDOW: usize = 14;

/// A plain text, which may be a capture of a web page's visible text: its
/// markup is already set aside; the lines around the article that look like
/// page chrome are set aside next.
fn capture_page(text: Cleaned) -> Page {
    let prose: Vec<String> = text
        .lines
        .iter()
        .zip(&text.reasons)
        .filter(|(_, reason)| reason.is_none())
        .map(|(line, _)| line.clone())
        .collect();
    // Each line is read by the line rules once, for both passes.
    let prose_rules: Vec<Option<RemovalReason>> = prose.iter().map(|l| classify_line(l)).collect();
    let found = chrome::capture::set_aside_classified(&prose, &prose_rules);
    let mut prose_rules = prose_rules.into_iter();
    let line_rules: Vec<Option<RemovalReason>> = text
        .reasons
        .iter()
        .map(|markup| {
            markup
                .is_none()
                .then(|| prose_rules.next().flatten())
                .flatten()
        })
        .collect();
    if found.iter().all(Option::is_none) {
        return headline_that_is_prose(segment_classified(text.lines, text.reasons, line_rules));
    }
    let all_chrome = found.iter().all(Option::is_some);
    let mut found = found.into_iter();
    let preset = text
        .reasons
        .iter()
        .map(|markup| markup.or_else(|| found.next().flatten()))
        .collect();
    let page = segment_classified(text.lines.clone(), preset, line_rules.clone());
    if page.paragraphs.is_empty() && !all_chrome {
        // The body run was all header: read the text as it is.
        return headline_that_is_prose(segment_classified(text.lines, text.reasons, line_rules));
    }
    page
}

/// A text that is one paragraph and nothing else has no headline: the
/// paragraph taken for one (two sentences, a closing full stop, or longer
/// than any headline) is its body.
fn headline_that_is_prose(mut page: Page) -> Page {
    let Some(headline) = page.headline.as_deref() else {
        return page;
    };
    // Headlines do not end with a full stop; a sentence of six words or
    // more that does is the text's one paragraph.
    let full_stop = headline.ends_with('.') && !headline.ends_with("..");
    if page.paragraphs.is_empty()
        && (longer_than_a_headline(headline) || word_count(headline) >= 6 && full_stop)
    {
        let text = page.headline.take().unwrap_or_default();
        let repeats = page
            .removed
            .iter()
            .filter(|r| r.reason == RemovalReason::RepeatedHeadline && r.text == text)
            .count();
        page.removed.retain(|r| {
            !(matches!(
                r.reason,
                RemovalReason::Headline | RemovalReason::RepeatedHeadline
            ) && r.text == text)
        });
        page.paragraphs = vec![text; repeats + 1];
    }
    page
}

/// Rule `ProseIsNoHeadline`: on a page that declares its headline, a
/// paragraph of prose the segmenter took for the headline (30 words or
/// more, or 12 and two sentences: the `<h1>` was set aside as chrome) is
/// the article's first paragraph.
fn prose_above_the_body(mut page: Page) -> Page {
    if page.headline.as_deref().is_some_and(longer_than_a_headline) {
        let text = page.headline.take().unwrap_or_default();
        page.removed
            .retain(|r| !(r.reason == RemovalReason::Headline && r.text == text));
        page.paragraphs.insert(0, text);
    }
    page
}

/// Prose, not a headline: 30 words or more, or 12 and two sentences.
fn longer_than_a_headline(text: &str) -> bool {
    let words = word_count(text);
    let sentences = text.contains(". ") || text.contains("? ");
    words >= 30 || words >= 12 && sentences
}

fn segment(lines: Vec<String>) -> Page {
    let preset = vec![None; lines.len()];
    segment_with(lines, preset)
}

/// Segments a text whose markup is set aside.
fn segment_cleaned(text: Cleaned) -> Page {
    segment_with(text.lines, text.reasons)
}

/// Segments lines some of which are already known to be chrome (`preset`,
/// from a saved page's markup).
fn segment_with(lines: Vec<String>, preset: Vec<Option<RemovalReason>>) -> Page {
    let line_rules = lines
        .iter()
        .zip(&preset)
        .map(|(l, known)| known.is_none().then(|| classify_line(l)).flatten())
        .collect();
    segment_classified(lines, preset, line_rules)
}

/// [`segment_with`] for lines the line rules already read: `line_rules[at]`
/// is `classify_line(&lines[at])` wherever `preset[at]` is `None`.
fn segment_classified(
    lines: Vec<String>,
    preset: Vec<Option<RemovalReason>>,
    line_rules: Vec<Option<RemovalReason>>,
) -> Page {
    let mut reasons: Vec<Option<RemovalReason>> = preset
        .iter()
        .zip(line_rules)
        .map(|(known, rules)| known.or(rules))
        .collect();
    mark_neighbours(&lines, &mut reasons);
    let mut page = Page::default();
    let mut removed: Vec<(usize, Removed)> = Vec::new();
    let remove = |removed: &mut Vec<(usize, Removed)>, at: usize, text: &str, reason| {
        removed.push((
            at,
            Removed {
                text: text.to_string(),
                reason,
            },
        ));
    };

    // Headline: the first plain line, after any section label.
    let mut cursor = 0;
    let mut headline_at = None;
    while cursor < lines.len() && headline_at.is_none() {
        let line = &lines[cursor];
        if reasons[cursor].is_none() {
            let next_plain = (cursor + 1..lines.len()).find(|&i| reasons[i].is_none());
            if chrome::is_section_label(line) && next_plain.is_some() {
                reasons[cursor] = Some(RemovalReason::SectionLabel);
            } else if let Some((label, rest)) =
                chrome::split_glued_section_label(line).filter(|(_, rest)| {
                    next_plain.is_some_and(|n| lines[n] == *rest) || word_count(rest) >= 4
                })
            {
                remove(&mut removed, cursor, label, RemovalReason::SectionLabel);
                remove(&mut removed, cursor, rest, RemovalReason::Headline);
                page.headline = Some(rest.to_string());
                reasons[cursor] = Some(RemovalReason::Headline);
                headline_at = Some(cursor);
            } else {
                page.headline = Some(line.clone());
                reasons[cursor] = Some(RemovalReason::Headline);
                headline_at = Some(cursor);
            }
        }
        if let Some(reason) = reasons[cursor].filter(|_| headline_at != Some(cursor)) {
            remove(&mut removed, cursor, line, reason);
        }
        if headline_at == Some(cursor) && removed.last().is_none_or(|(at, _)| *at != cursor) {
            remove(&mut removed, cursor, line, RemovalReason::Headline);
        }
        cursor += 1;
    }

    // Header zone: bullets, bylines, datelines, captions, a standfirst. A
    // standfirst sits between the headline and the byline or dateline; a
    // plain line after those starts the body.
    let mut plain_run: Vec<usize> = Vec::new();
    let mut dek_lines = Vec::new();
    let mut saw_metadata = false;
    // Lines set aside by markup do not count against the window.
    let mut window_end = cursor;
    let mut counted = 0;
    while window_end < lines.len() && counted < HEADER_WINDOW {
        counted += usize::from(preset[window_end].is_none());
        window_end += 1;
    }
    for at in cursor..window_end {
        let line = &lines[at];
        if reasons[at].is_some() {
            continue;
        }
        if page.headline.as_deref() == Some(line.as_str()) {
            reasons[at] = Some(RemovalReason::RepeatedHeadline);
        } else if let Some(point) = bullet_text(line).filter(|_| plain_run.is_empty()) {
            page.summary.push(point.to_string());
            reasons[at] = Some(RemovalReason::Summary);
        } else if let Some((names, date)) = parse_byline_with_date(line) {
            page.authors = names;
            if page.published.is_none() {
                page.published = date;
            }
            reasons[at] = Some(RemovalReason::Byline);
        } else if let Some(byline) = parse_aggregator_byline(line) {
            page.outlet = Some(byline.outlet);
            page.published = Some(byline.published);
            page.authors = byline.authors;
            reasons[at] = Some(RemovalReason::Byline);
        } else if let Some(date) = parse_dateline(line) {
            page.published = Some(date);
            reasons[at] = Some(RemovalReason::Dateline);
        } else {
            if saw_metadata || !page.summary.is_empty() {
                break;
            }
            plain_run.push(at);
            if plain_run.len() >= 2 {
                break;
            }
            continue;
        }
        saw_metadata |= reasons[at] != Some(RemovalReason::Summary);
        dek_lines.append(&mut plain_run);
    }
    let dek_is_standfirst =
        dek_lines.len() <= 2 && dek_lines.iter().all(|&at| word_count(&lines[at]) <= 60);
    if dek_is_standfirst && !dek_lines.is_empty() {
        let dek: Vec<&str> = dek_lines.iter().map(|&at| lines[at].as_str()).collect();
        page.dek = Some(dek.join(" "));
        for &at in &dek_lines {
            reasons[at] = Some(RemovalReason::Dek);
        }
    }

    for at in cursor..lines.len() {
        match reasons[at] {
            Some(reason) => {
                if reason == RemovalReason::SourceLine && page.url.is_none() {
                    page.url = chrome::source_url(&lines[at]);
                }
                if reason == RemovalReason::SiteBanner {
                    page.via = page.via.take().or_else(|| host_named_in_banner(&lines[at]));
                }
                remove(&mut removed, at, &lines[at], reason);
            }
            None => page.paragraphs.push(lines[at].clone()),
        }
    }
    for at in 0..cursor.min(lines.len()) {
        if reasons[at] == Some(RemovalReason::SiteBanner) {
            page.via = page.via.take().or_else(|| host_named_in_banner(&lines[at]));
        }
        // An address printed above the headline, as saved captures carry.
        if reasons[at] == Some(RemovalReason::SourceLine) && page.url.is_none() {
            page.url = chrome::source_url(&lines[at]);
        }
    }
    removed.sort_by_key(|(at, _)| *at);
    page.removed = removed.into_iter().map(|(_, r)| r).collect();
    page
}

/// Longer than a caption: over 60 words, or 30 and two sentences or more
/// (a lead paragraph above a photo's credit).
fn reads_as_paragraph(line: &str) -> bool {
    let words = word_count(line);
    let inner_ends = [". ", "! ", "? "]
        .iter()
        .map(|end| line.matches(end).count())
        .sum::<usize>();
    words > 60 || words >= 30 && inner_ends >= 1 && line.trim_end().ends_with(['.', '!', '?'])
}

/// Rules that need a line's neighbours: duplicated lines, captions above a
/// credit, and the links that follow a "Related" heading.
fn mark_neighbours(lines: &[String], reasons: &mut [Option<RemovalReason>]) {
    for at in 1..lines.len() {
        // A caption or teaser printed twice; a paragraph longer than any
        // caption (60 words) printed twice is the article's own text. A
        // line that repeats chrome (a breadcrumb ending in the headline)
        // is not the repeat: the chrome is.
        let words = word_count(&lines[at]);
        let above_is_text = matches!(reasons[at - 1], None | Some(RemovalReason::Duplicate));
        if reasons[at].is_none()
            && above_is_text
            && lines[at] == lines[at - 1]
            && (3..=60).contains(&words)
        {
            reasons[at] = Some(RemovalReason::Duplicate);
        }
    }
    let first_plain = reasons.iter().position(Option::is_none);
    for at in 1..lines.len() {
        // A bare credit ("Photo: © Reuters | Ana Lima") belongs to the
        // caption above it; a credit line that carries its own caption
        // ("Passengers wait. Photo: Lena Berg") leaves the line above alone.
        if reasons[at] != Some(RemovalReason::Credit) || word_count(&lines[at]) > 6 {
            continue;
        }
        let mut above = at;
        while above > 0 {
            above -= 1;
            let is_caption = Some(above) != first_plain
                && !reads_as_paragraph(&lines[above])
                && matches!(reasons[above], None | Some(RemovalReason::Duplicate));
            if !is_caption {
                break;
            }
            if reasons[above].is_none() {
                reasons[above] = Some(RemovalReason::Caption);
            }
            if above == 0 || lines[above - 1] != lines[above] {
                break;
            }
        }
    }
    for at in 0..lines.len() {
        if reasons[at] != Some(RemovalReason::Related) {
            continue;
        }
        let rest_is_links = lines[at + 1..].iter().all(|l| word_count(l) <= 15);
        if rest_is_links {
            for reason in reasons[at + 1..].iter_mut().filter(|r| r.is_none()) {
                *reason = Some(RemovalReason::Related);
            }
        } else {
            // A topic box inside the body: its title and blurb sit just above.
            let mut above = at;
            while above > 0
                && at - above < 3
                && reasons[above - 1].is_none()
                && word_count(&lines[above - 1]) <= 8
            {
                above -= 1;
                reasons[above] = Some(RemovalReason::Related);
            }
        }
    }
}

/// "... for the best MSN experience." names the host of the copy.
fn host_named_in_banner(line: &str) -> Option<String> {
    let lower = line.to_lowercase();
    let end = lower.find(" experience")?;
    let start = lower[..end].rfind("best ")? + "best ".len();
    let host = line[start..end].trim();
    (!host.is_empty() && word_count(host) <= 3).then(|| host.to_string())
}

fn merge(name: &str, page: Page, entry: Option<&CatalogEntry>, facts: Provenance) -> Document {
    let mut provenance = BTreeMap::new();
    let mut conflicts = Vec::new();
    let empty = CatalogEntry::default();
    let entry = entry.unwrap_or(&empty);
    let mut pick = |field: &str,
                    text: Option<String>,
                    catalog: Option<String>,
                    agree: &dyn Fn(&str, &str) -> bool| {
        let own = if page.from_markup.contains(field) {
            Provenance::HtmlMeta
        } else {
            Provenance::Text
        };
        let value = match (text, catalog) {
            (Some(t), Some(c)) if agree(&t, &c) => Some((t, own)),
            (Some(t), Some(c)) => {
                conflicts.push(Conflict {
                    field: field.to_string(),
                    text: t,
                    catalog: c.clone(),
                });
                Some((c, facts))
            }
            (Some(t), None) => Some((t, own)),
            (None, Some(c)) => Some((c, facts)),
            (None, None) => None,
        };
        value.map(|(v, source)| {
            provenance.insert(field.to_string(), source);
            v
        })
    };
    let same_words = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let same_url = |a: &str, b: &str| a.trim_end_matches('/') == b.trim_end_matches('/');
    let same_date = |a: &str, b: &str| match (PartialDate::parse_iso(a), PartialDate::parse_iso(b))
    {
        (Some(a), Some(b)) => a.agrees_with(&b),
        _ => a == b,
    };
    let outlet = pick("outlet", page.outlet, entry.outlet.clone(), &same_words);
    let via = pick("via", page.via, entry.via.clone(), &same_words)
        .filter(|v| outlet.as_deref() != Some(v.as_str()));
    let headline = pick(
        "headline",
        page.headline,
        entry.headline.clone(),
        &same_words,
    )
    .unwrap_or_default();
    let url = pick("url", page.url, entry.url.clone(), &same_url);
    let published = pick(
        "published",
        page.published.map(|d| d.to_string()),
        entry.published.map(|d| d.to_string()),
        &same_date,
    )
    .and_then(|d| PartialDate::parse_iso(&d));
    let authors_text = (!page.authors.is_empty()).then(|| page.authors.join("; "));
    let authors_catalog = entry.authors.as_ref().map(|a| a.join("; "));
    let authors = pick("authors", authors_text, authors_catalog, &same_words)
        .map(|a| {
            a.split("; ")
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    // No outlet named anywhere: the host of the stated address, with the
    // address's provenance ("hindustantimes.com").
    let outlet = outlet.or_else(|| {
        let host = url_host(url.as_deref()?)?;
        let source = provenance.get("url").cloned()?;
        provenance.insert("outlet".to_string(), source);
        Some(host)
    });
    if page.dek.is_some() {
        provenance.insert("dek".to_string(), Provenance::Text);
    }
    if via.as_deref().is_none_or(str::is_empty) {
        provenance.remove("via");
    }
    let id = name
        .rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string();
    let updated = page_only_fact(
        "updated",
        later_than(page.updated, published),
        &mut provenance,
    );
    let language = page_only_fact("language", page.language, &mut provenance);
    Document {
        id,
        file: name.to_string(),
        outlet,
        via,
        headline,
        dek: page.dek,
        summary: page.summary,
        authors,
        published,
        updated,
        url,
        language,
        provenance,
        word_count: count_words(&page.paragraphs),
        paragraphs: page.paragraphs,
        boilerplate: page.removed,
        conflicts,
        notes: entry.notes.clone(),
    }
}

/// A fact only a saved page's markup states (the catalog has no such
/// field): kept with provenance `html-meta`.
fn page_only_fact<T>(
    field: &str,
    value: Option<T>,
    provenance: &mut BTreeMap<String, Provenance>,
) -> Option<T> {
    if value.is_some() {
        provenance.insert(field.to_string(), Provenance::HtmlMeta);
    }
    value
}

/// An update date is one only when it is later than publication (pages
/// often repeat the publication time as their "modified" time).
fn later_than(updated: Option<PartialDate>, published: Option<PartialDate>) -> Option<PartialDate> {
    let updated = updated?;
    match published {
        Some(published) if updated <= published || updated.agrees_with(&published) => None,
        _ => Some(updated),
    }
}

/// The host of an http(s) address, without `www.`: "hindustantimes.com".
pub fn url_host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-'))
    .then_some(host)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_legacy_page_too_large_once_decoded_is_refused_as_the_page_refuses_it() {
        let mut page = b"<meta charset=windows-1252><p>Caf".to_vec();
        // Each byte is two in UTF-8: under the limit as saved, over it read.
        page.extend(std::iter::repeat_n(0xE9, super::MAX_FILE_BYTES * 2 / 3));
        let refused = super::ingest("big.html", &page, None).unwrap_err();
        assert!(
            matches!(refused.problem, super::Problem::TooLarge { bytes, .. } if bytes > super::MAX_FILE_BYTES),
            "{refused}"
        );
    }

    use super::*;

    #[test]
    fn a_first_paragraph_without_words_never_breaks_the_json_ld_check() {
        let body = "The ferry company raised its fares. ".repeat(40);
        let wordless = vec!["—".to_string(), "Fares rise again on Monday.".to_string()];
        assert!(fuller_article_body(&wordless, &body));
        let empty = vec![String::new(), "x ".repeat(70)];
        assert!(!fuller_article_body(&empty, &body));
        assert!(!fuller_article_body(&[], &body));
    }

    fn page(text: &str) -> Page {
        segment(normalize::lines(text))
    }

    #[test]
    fn headline_survives_glued_section_label() {
        let p = page("NewsFloods close schools in Lagos\n\nFloods close schools in Lagos\n\nSchools shut on Monday after heavy rain.\nThe city said more rain was due.");
        assert_eq!(p.headline.as_deref(), Some("Floods close schools in Lagos"));
        assert_eq!(
            p.removed[0],
            Removed {
                text: "News".into(),
                reason: RemovalReason::SectionLabel
            }
        );
        assert!(p
            .removed
            .iter()
            .any(|r| r.reason == RemovalReason::RepeatedHeadline));
        assert_eq!(p.paragraphs.len(), 2);
    }

    #[test]
    fn standalone_section_label_is_not_the_headline() {
        let p = page("Politics\n\nParliament passes budget\n\nThe budget passed by 301 votes to 250 on Tuesday night.\nThe opposition voted against it.");
        assert_eq!(p.headline.as_deref(), Some("Parliament passes budget"));
        assert_eq!(p.removed[0].reason, RemovalReason::SectionLabel);
    }

    #[test]
    fn dek_byline_and_dateline_are_lifted_from_the_header() {
        let p = page("Ports reopen after strike\n\nDockworkers accepted a pay deal late on Sunday.\n\nBy Ana Lima\n\nJUNE 2, 2021, 9:15 AM\n\nCargo moved again at the port on Monday.\nShipping lines said delays would last a week.");
        assert_eq!(
            p.dek.as_deref(),
            Some("Dockworkers accepted a pay deal late on Sunday.")
        );
        assert_eq!(p.authors, ["Ana Lima"]);
        assert_eq!(p.published.unwrap().to_string(), "2021-06-02T09:15");
        assert_eq!(p.paragraphs.len(), 2);
    }

    #[test]
    fn a_bare_address_names_the_outlet_and_a_byline_carries_the_date() {
        let text = "http://www.harbour-times.example/world/quake-123.html\n\nQuake hits the coast\n\nBy Jane Doe | Fri, 25 Aug, 2023 - 19:17\n\nA strong earthquake hit the coast on Friday, officials said.\nThe port was closed.";
        let doc = ingest("quake.txt", text.as_bytes(), None).unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("harbour-times.example"));
        assert_eq!(doc.provenance.get("outlet"), Some(&Provenance::Text));
        assert_eq!(
            doc.url.as_deref(),
            Some("http://www.harbour-times.example/world/quake-123.html")
        );
        assert_eq!(doc.authors, ["Jane Doe"]);
        assert_eq!(doc.published.unwrap().to_string(), "2023-08-25T19:17");
        assert_eq!(doc.headline, "Quake hits the coast");
        assert_eq!(
            url_host("https://news.example.org:8080/a?b=c").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(url_host("ftp://x.org"), None);
    }

    #[test]
    fn no_dek_when_the_body_starts_right_after_the_headline() {
        let p = page("Ports reopen after strike\n\nCargo moved again at the port on Monday.\nShipping lines said delays would last a week.");
        assert_eq!(p.dek, None);
        assert_eq!(p.paragraphs.len(), 2);
    }

    #[test]
    fn summary_bullets_are_lifted() {
        let p = page("Ports reopen\n- Dockworkers accepted a deal.\n- Cargo moves again.\nThe strike ended on Sunday.\nShips queued for days.");
        assert_eq!(
            p.summary,
            ["Dockworkers accepted a deal.", "Cargo moves again."]
        );
        assert_eq!(
            p.paragraphs,
            ["The strike ended on Sunday.", "Ships queued for days."]
        );
    }

    #[test]
    fn trailing_related_block_is_removed_whole() {
        let p = page("Ports reopen\n\nThe strike ended on Sunday.\nShips queued for days.\nRelated Articles\nPort strike: what we know\nBack to top button");
        assert_eq!(
            p.paragraphs,
            ["The strike ended on Sunday.", "Ships queued for days."]
        );
        let reasons: Vec<_> = p.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            &reasons[1..],
            [
                RemovalReason::Related,
                RemovalReason::Related,
                RemovalReason::Navigation
            ]
        );
    }

    #[test]
    fn caption_above_a_credit_is_removed() {
        let p = page("Ports reopen\n\nA ship leaves the harbour.\nA ship leaves the harbour.\nPhoto: © Reuters | Ana Lima\n\nThe strike ended on Sunday.\nShips queued for days.");
        let reasons: Vec<_> = p.removed.iter().map(|r| r.reason).collect();
        assert_eq!(
            reasons,
            [
                RemovalReason::Headline,
                RemovalReason::Caption,
                RemovalReason::Duplicate,
                RemovalReason::Credit
            ]
        );
    }

    #[test]
    fn banner_names_the_host() {
        assert_eq!(
            host_named_in_banner("Please use a supported version for the best MSN experience.")
                .as_deref(),
            Some("MSN")
        );
    }

    #[test]
    fn checks_reject_bad_bytes_with_the_file_name() {
        let problem = |bytes: &[u8]| check_text("x.txt", bytes).unwrap_err().problem;
        assert_eq!(problem(b""), Problem::Empty);
        assert_eq!(problem(b" \n\t "), Problem::Empty);
        assert_eq!(
            problem(b"ok \xff\xfe here"),
            Problem::NotUtf8 { byte_offset: 3 }
        );
        assert_eq!(problem(b"\x00\x01\x02binary"), Problem::Binary);
        assert!(matches!(
            problem(&vec![b'a'; MAX_FILE_BYTES + 1]),
            Problem::TooLarge { .. }
        ));
        assert_eq!(
            check_text("x.txt", b"Prices rose 3% as x < y and y > z.").unwrap(),
            "Prices rose 3% as x < y and y > z."
        );
    }
}
