//! The data model of an ingested corpus. It is serialised two ways: as JSON
//! (schema `crossread/1`, documented in `docs/schema.md`) by the CLI, and as
//! postcard bytes embedded in the app. Fields are only ever added.

use crate::date::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The JSON schema name. Later versions add fields; none are renamed.
pub const SCHEMA: &str = "crossread/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema: String,
    pub documents: Vec<Document>,
}

/// One article: its clean body, the metadata found for it, and everything
/// that was removed from the captured page, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: the file name without its extension.
    pub id: String,
    pub file: String,
    /// Who reported it (the original outlet, even for a syndicated copy).
    pub outlet: Option<String>,
    /// Who hosted the captured copy, when it is not the outlet.
    pub via: Option<String>,
    pub headline: String,
    pub dek: Option<String>,
    /// Summary bullets printed above the body ("key points").
    pub summary: Vec<String>,
    pub authors: Vec<String>,
    pub published: Option<PartialDate>,
    pub url: Option<String>,
    /// Field name to where its value came from.
    pub provenance: BTreeMap<String, Provenance>,
    /// The clean body, one entry per paragraph, in order.
    pub paragraphs: Vec<String>,
    /// Everything that is not body text, in page order.
    pub boilerplate: Vec<Removed>,
    /// Places where the catalog and the text disagree.
    pub conflicts: Vec<Conflict>,
    /// Free-text remarks from the catalog (e.g. how a date was established).
    pub notes: Vec<String>,
    pub word_count: usize,
}

/// Where a metadata value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Provenance {
    /// Found in the article text itself.
    Text,
    /// Stated in the corpus catalog.
    Catalog,
    /// Set by a reader in the page.
    Reader,
    /// Read from a saved web page's metadata.
    HtmlMeta,
}

/// A piece of the captured page that is not article body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    pub reason: RemovalReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RemovalReason {
    /// A browser or site notice ("You are using an older browser").
    SiteBanner,
    /// Subscription, sign-in or trial prompts.
    Promo,
    /// A section label such as "World" or "News".
    SectionLabel,
    /// The headline, printed again.
    RepeatedHeadline,
    /// The headline, recognised and moved to `headline`.
    Headline,
    /// The standfirst, moved to `dek`.
    Dek,
    /// Summary bullets, moved to `summary`.
    Summary,
    /// The byline, moved to `authors`.
    Byline,
    /// The dateline, moved to `published`.
    Dateline,
    /// An image caption.
    Caption,
    /// An image credit ("Getty Images", "©").
    Credit,
    /// A caption or line printed twice.
    Duplicate,
    /// "Related articles", "More on this topic" and the links that follow.
    Related,
    /// Navigation leftovers ("Back to top").
    Navigation,
    /// Tracking pixels and other invisible page parts.
    Tracking,
    /// "Content retrieved from: URL" and similar lines, moved to `url`.
    SourceLine,
}

impl RemovalReason {
    /// Words a reader understands.
    pub fn describe(self) -> &'static str {
        match self {
            RemovalReason::SiteBanner => "site banner",
            RemovalReason::Promo => "subscription promo",
            RemovalReason::SectionLabel => "section label",
            RemovalReason::RepeatedHeadline => "headline printed again",
            RemovalReason::Headline => "headline",
            RemovalReason::Dek => "standfirst",
            RemovalReason::Summary => "summary bullet",
            RemovalReason::Byline => "byline",
            RemovalReason::Dateline => "dateline",
            RemovalReason::Caption => "image caption",
            RemovalReason::Credit => "image credit",
            RemovalReason::Duplicate => "duplicated line",
            RemovalReason::Related => "related-content block",
            RemovalReason::Navigation => "page navigation",
            RemovalReason::Tracking => "tracking pixel text",
            RemovalReason::SourceLine => "source line",
        }
    }
}

/// A catalog value that disagrees with what the text states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub field: String,
    pub text: String,
    pub catalog: String,
}

impl Document {
    /// The copy is hosted by someone other than the outlet that reported it.
    pub fn is_syndicated(&self) -> bool {
        self.via.is_some()
    }
}

pub fn count_words(paragraphs: &[String]) -> usize {
    paragraphs
        .iter()
        .map(|p| {
            p.split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum()
}
