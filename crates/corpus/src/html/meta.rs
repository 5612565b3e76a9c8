//! What a saved page states about itself in its markup: headline, dates,
//! authors, address, outlet, language, and the JSON-LD and state data of
//! pages built by scripts (rules `DeclaredTitle`, `CorroboratedTitle`,
//! `VisibleHeadline`; docs/rules.md, "Metadata").

use super::{Line, PageMeta};
use crate::date::PartialDate;
use crate::normalize::collapse_whitespace;
use std::collections::BTreeSet;

#[derive(Default)]
pub(super) struct RawMeta {
    /// The best title a meta tag states: its rank in [`TITLE_META`],
    /// whether a `property` stated it, and the text.
    pub(super) meta_title: Option<(usize, bool, String)>,
    pub(super) title: Option<String>,
    pub(super) site_name: Option<String>,
    pub(super) canonical: Option<String>,
    pub(super) og_url: Option<String>,
    pub(super) published: Option<String>,
    pub(super) modified: Option<String>,
    pub(super) time_datetime: Option<String>,
    /// `<html lang>`, else `content-language`.
    pub(super) language: Option<String>,
    /// The authors the best-ranked meta tag of [`AUTHOR_META`] states: its
    /// rank, whether a `property` stated them, and the names.
    pub(super) authors: Option<(usize, bool, Vec<String>)>,
    /// The text of elements the page marks as its author (`rel=author`,
    /// `itemprop=author`) above the article's first paragraph: rule
    /// `MarkedAuthor` (set by the page's reader when it ends).
    pub(super) marked_authors: Vec<String>,
    pub(super) json_ld: Vec<String>,
    pub(super) state_scripts: Vec<String>,
}

/// Meta tags that state the article's title, most trusted first: Dublin
/// Core and Open Graph before the generic `title` and Twitter's and
/// Parse.ly's copies (the order Readability reads them in).
const TITLE_META: &[&str] = &[
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// Meta tags that state the article's author, most trusted first (the
/// order Readability reads them in): Dublin Core, the generic `author`,
/// Parse.ly's copy, Open Graph's `article:author` (when it is a name, not
/// a profile's address).
const AUTHOR_META: &[&str] = &[
    "dc:creator",
    "dcterm:creator",
    "author",
    "parsely-author",
    "article:author",
];

/// A meta `name` as a key: lower case, no spaces, `DC.title` as `dc:title`.
pub(super) fn meta_name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c == '.' {
                ':'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

impl RawMeta {
    /// One meta tag's statement (`key` as [`meta_name_key`] gives it).
    pub(super) fn meta_entry(&mut self, key: &str, is_property: bool, content: &str) {
        if let Some(rank) = TITLE_META.iter().position(|k| *k == key) {
            // A better-ranked key wins; for the same key a `property`
            // (RDFa, Open Graph's own form) wins over a `name`.
            let better = self
                .meta_title
                .as_ref()
                .is_none_or(|(r, p, _)| rank < *r || rank == *r && is_property && !p);
            if better {
                self.meta_title = Some((rank, is_property, content.to_string()));
            }
            return;
        }
        let slot = match key {
            "og:site_name" => &mut self.site_name,
            "og:url" => &mut self.og_url,
            "article:published_time" => &mut self.published,
            "article:modified_time" | "og:updated_time" => &mut self.modified,
            _ => {
                if let Some(rank) = AUTHOR_META.iter().position(|k| *k == key) {
                    self.author_entry(rank, is_property, content);
                }
                return;
            }
        };
        slot.get_or_insert_with(|| content.to_string());
    }
}

impl RawMeta {
    /// An author a meta tag states: a better-ranked key replaces the names
    /// found so far, and for the same key a `property` replaces a `name`;
    /// the same key stated again adds a name.
    fn author_entry(&mut self, rank: usize, is_property: bool, content: &str) {
        if content.starts_with("http") {
            return;
        }
        match &mut self.authors {
            Some((r, p, names)) if *r == rank && *p == is_property => {
                if !names.iter().any(|a| a == content) {
                    names.push(content.to_string());
                }
            }
            Some((r, p, _)) if *r < rank || *r == rank && *p => {}
            slot => *slot = Some((rank, is_property, vec![content.to_string()])),
        }
    }

    /// The facts of the page, once its lines are read.
    pub(super) fn page_meta(&self, lines: &[Line]) -> PageMeta {
        let raw = self;
        let mut articles = (raw.json_ld.iter()).filter_map(|text| JsonLdArticle::parse(text));
        let mut json_ld = articles.next().unwrap_or_default();
        // A page may describe itself (`WebPage`, with a headline) before
        // its article: the body is the first that any of them holds, and
        // the other scripts are read only to find it.
        if json_ld.body.is_none() {
            json_ld.body = articles.find_map(|a| a.body);
        }
        let headings: Vec<&str> = (lines.iter())
            .filter(|l| l.heading)
            .map(|l| l.text.as_str())
            .collect();
        // The first heading that reads as a headline, else the first.
        let h1 = (headings.iter())
            .find(|h| crate::normalize::word_count(h) > 4)
            .or(headings.first())
            .map(|h| h.to_string());
        let declared = corroborated_title(
            [
                json_ld.headline,
                raw.meta_title.as_ref().map(|(_, _, t)| t.clone()),
            ],
            raw.title
                .as_deref()
                .into_iter()
                .chain(headings.iter().copied()),
        );
        let headline = declared_title(declared, h1, raw.title.as_deref())
            .map(|title| as_the_page_shows(title, &headings));
        let published = [&raw.published, &json_ld.published, &raw.time_datetime]
            .into_iter()
            .flatten()
            .find_map(|text| parse_meta_date(text));
        let updated = [&raw.modified, &json_ld.modified]
            .into_iter()
            .flatten()
            .find_map(|text| parse_meta_date(text));
        let mut authors = (raw.authors.as_ref())
            .map(|(_, _, names)| names.clone())
            .unwrap_or_default();
        if authors.is_empty() {
            authors = json_ld.authors;
        }
        if authors.is_empty() {
            authors = raw.marked_authors.clone();
        }
        PageMeta {
            headline: headline.filter(|h| !h.is_empty()),
            published,
            authors: distinct(authors.iter().flat_map(|a| split_authors(a)).collect()),
            url: raw
                .canonical
                .clone()
                .or_else(|| raw.og_url.clone())
                .or(json_ld.url)
                .filter(|u| u.starts_with("http")),
            outlet: raw.site_name.clone().or(json_ld.publisher),
            article_body: json_ld.body,
            updated,
            language: raw.language.clone(),
            state_scripts: raw.state_scripts.clone(),
        }
    }
}

#[derive(Default)]
struct JsonLdArticle {
    headline: Option<String>,
    body: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
}

impl JsonLdArticle {
    fn parse(text: &str) -> Option<JsonLdArticle> {
        let value: serde_json::Value = serde_json::from_str(unwrapped_script(text)).ok()?;
        let article = find_article(&value, 0)?;
        let string = |v: Option<&serde_json::Value>| {
            v.and_then(serde_json::Value::as_str)
                .map(collapse_whitespace)
                .filter(|s| !s.is_empty())
        };
        let name_of = |v: &serde_json::Value| match v {
            serde_json::Value::String(_) => string(Some(v)),
            _ => string(v.get("name")),
        };
        let authors = match article.get("author") {
            Some(serde_json::Value::Array(list)) => list.iter().filter_map(name_of).collect(),
            Some(one) => name_of(one).into_iter().collect(),
            None => Vec::new(),
        };
        let url = string(article.get("url")).or_else(|| {
            article
                .get("mainEntityOfPage")
                .and_then(|m| string(Some(m)).or_else(|| string(m.get("@id"))))
        });
        Some(JsonLdArticle {
            headline: string(article.get("headline")),
            body: article
                .get("articleBody")
                .and_then(serde_json::Value::as_str)
                .map(str::trim)
                .filter(|b| !b.is_empty())
                .map(str::to_string),
            published: string(article.get("datePublished")),
            modified: string(article.get("dateModified")),
            authors,
            publisher: article.get("publisher").and_then(name_of),
            url,
        })
    }
}

/// A script's data without the wrappers pages put around it for old
/// parsers: `<![CDATA[ ... ]]>` and `<!-- ... -->`.
fn unwrapped_script(text: &str) -> &str {
    let mut text = text.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
        if let Some(inner) = text.strip_prefix(open) {
            text = inner.trim();
            text = text.strip_suffix(close).unwrap_or(text).trim();
        }
    }
    text
}

/// The first object with a `headline`, searching arrays and `@graph`.
fn find_article(value: &serde_json::Value, depth: usize) -> Option<&serde_json::Value> {
    if depth > 4 {
        return None;
    }
    match value {
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_article(v, depth + 1)),
        serde_json::Value::Object(map) => {
            let text = |key: &str| map.get(key).is_some_and(serde_json::Value::is_string);
            if text("headline") || text("articleBody") {
                Some(value)
            } else {
                map.get("@graph").and_then(|g| find_article(g, depth + 1))
            }
        }
        _ => None,
    }
}

/// Machine dates as pages write them: `2024-09-17`, `2024-09-17T13:36:00Z`,
/// `2024-09-17T13:36:00.000+02:00`, `2024-09-17 13:36:00+0200`. Seconds are
/// dropped (dates are kept to the minute).
pub fn parse_meta_date(text: &str) -> Option<PartialDate> {
    let text = text.trim();
    let date = text.get(..10).unwrap_or(text);
    let Some(rest) = text.get(10..).filter(|r| !r.is_empty()) else {
        return PartialDate::parse_iso(date);
    };
    let rest = rest.strip_prefix(['T', ' ']).unwrap_or(rest);
    let clock = rest.get(..5).filter(|c| c.as_bytes().get(2) == Some(&b':'));
    let offset_at = rest
        .char_indices()
        .skip(5)
        .find(|(_, c)| matches!(c, 'Z' | 'z' | '+' | '-'))
        .map(|(i, _)| i);
    let offset = match offset_at.map(|at| &rest[at..]) {
        Some("Z" | "z") => "Z".to_string(),
        Some(o) if o.len() == 5 && !o.contains(':') => format!("{}:{}", &o[..3], &o[3..]),
        Some(o) if o.len() == 3 => format!("{o}:00"),
        Some(o) => o.to_string(),
        None => String::new(),
    };
    clock
        .and_then(|clock| PartialDate::parse_iso(&format!("{date}T{clock}{offset}")))
        .or_else(|| PartialDate::parse_iso(date))
}

/// "Jane Doe and John Roe", "Jane Doe, John Roe", "By Jane Doe".
fn split_authors(text: &str) -> Vec<String> {
    let text = text.strip_prefix("By ").unwrap_or(text);
    text.split([',', ';'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| part.split(" & "))
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect()
}

/// Each name once, in order.
fn distinct(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for name in names {
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// Rule `DeclaredTitle`: the headline is the title the page declares for
/// its article (JSON-LD `headline`, then the meta tags of [`TITLE_META`]),
/// as Readability and trafilatura read it: a page's `<h1>` is as often the
/// site's name, the blog's or a section's. Without one, the `<title>` less
/// the site's name, unless that is shorter than [`SHORT_TITLE`] characters
/// (a site's name) while the `<h1>` reads as a headline (more than four
/// words; Readability's bounds); without a `<title>`, the `<h1>`.
fn declared_title(
    declared: Option<String>,
    h1: Option<String>,
    title: Option<&str>,
) -> Option<String> {
    let title = title.map(title_without_site).filter(|t| !t.is_empty());
    let title_is_short = title
        .as_ref()
        .is_some_and(|t| t.chars().count() < SHORT_TITLE);
    let h1_is_headline = h1
        .as_ref()
        .is_some_and(|h| crate::normalize::word_count(h) > 4);
    if title_is_short && h1_is_headline {
        return declared.or(h1);
    }
    declared.or(title).or(h1)
}

/// A language tag as pages write it ("en", "en-GB", "pt_BR"), checked
/// for shape (letters, then subtags of letters or digits); anything else
/// ("{{lang}}", a sentence) is no language.
pub(super) fn language_tag(text: &str) -> Option<String> {
    let tag = text.trim().replace('_', "-");
    let mut parts = tag.split('-');
    let primary = parts.next()?;
    let primary_ok =
        (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    let rest_ok =
        parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
    (primary_ok && rest_ok).then_some(tag)
}

/// Rule `CorroboratedTitle`: of the titles a page declares (JSON-LD
/// `headline`, then the meta tags), the first that its `<title>` or an
/// `<h1>` shares at least half the words of; none if neither does (the
/// `<title>` or `<h1>` then stands), the first if the page shows neither
/// (or only ones too short to be a headline).
/// A declared title that nothing on the page repeats is often the page's
/// description.
fn corroborated_title<'a>(
    declared: [Option<String>; 2],
    shown: impl Iterator<Item = &'a str>,
) -> Option<String> {
    // Only a title or heading long enough to be a headline can gainsay one.
    let shown: Vec<BTreeSet<String>> = shown
        .filter(|text| text.chars().count() >= SHORT_TITLE)
        .map(title_words)
        .filter(|seen| seen.len() >= MIN_SHARED_WORDS)
        .collect();
    if shown.is_empty() {
        let [first, second] = declared;
        return first.or(second);
    }
    let repeated = |title: &String| {
        let wanted = title_words(title);
        shown.iter().any(|seen| {
            let common = wanted.intersection(seen).count();
            common > 0 && common * 2 >= wanted.len()
        })
    };
    declared.into_iter().flatten().find(repeated)
}

/// Rule `VisibleHeadline`: the declared title as the page shows it. An
/// `<h1>` that holds most of the declared title's words, or most of whose
/// words are in it and cover half of it, is the same headline as printed
/// (an SEO or `<title>` form adds or drops words, changes case or
/// punctuation): the reader sees, and the text says, the `<h1>`. An
/// `<h1>` that shares few words (the site's name, a section) is not it.
fn as_the_page_shows(declared: String, headings: &[&str]) -> String {
    let wanted = title_words(&declared);
    let same_headline = |heading: &&&str| {
        let seen = title_words(heading);
        let common = wanted.intersection(&seen).count();
        let most_of = |set: &BTreeSet<String>| common * 10 >= set.len() * 7;
        let half_of = |set: &BTreeSet<String>| common * 2 >= set.len();
        common >= MIN_SHARED_WORDS && (most_of(&wanted) || (most_of(&seen) && half_of(&wanted)))
    };
    headings
        .iter()
        .find(same_headline)
        .map_or(declared, |heading| heading.to_string())
}

/// A title's words, lower-cased, for comparing two forms of a headline.
fn title_words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words a title and an `<h1>` must share to be told the same headline.
const MIN_SHARED_WORDS: usize = 3;

/// Characters under which a `<title>` names a site, not an article
/// (Readability's bound).
const SHORT_TITLE: usize = 15;

/// "Ports reopen after strike | Example Times" → "Ports reopen after strike".
fn title_without_site(title: &str) -> String {
    for separator in [" | ", " – ", " — ", " - ", " :: "] {
        if let Some((head, site)) = title.rsplit_once(separator) {
            if crate::normalize::word_count(site) <= 4 && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}
