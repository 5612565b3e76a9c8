//! The data model of an ingested corpus. It is serialised two ways: as JSON
//! (schema `crossread/1`, documented in `docs/schema.md`) by the CLI, and as
//! postcard bytes embedded in the app. Fields are only ever added.

use crate::date::{PartialDate, Precision};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The JSON schema name. Later versions add fields; none are renamed.
pub const SCHEMA: &str = "crossread/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema: String,
    pub documents: Vec<Document>,
    /// Every entity named in the corpus, one per real-world referent,
    /// sorted by `id`.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Every direct quotation, in document and text order.
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// Every claim (a sentence or clause of the body), in document and text
    /// order.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Claims about the same event across articles, sorted by `id`.
    #[serde(default)]
    pub threads: Vec<Thread>,
    /// Every time expression found, in document and text order (the body's
    /// paragraphs, then the headline and the standfirst).
    #[serde(default)]
    pub times: Vec<TimeExpression>,
    /// What a lenient build went past, in file-name order: files that
    /// cannot be read, and a catalog or catalog entries that cannot be used.
    #[serde(default)]
    pub skipped: Vec<Skipped>,
}

/// An input left out of a lenient build, with its problem in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    pub file: String,
    pub problem: String,
}

impl Corpus {
    /// A corpus with no documents and no analysis.
    pub fn empty() -> Self {
        Corpus {
            schema: SCHEMA.to_string(),
            documents: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            claims: Vec::new(),
            threads: Vec::new(),
            times: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// The document with this id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}

/// The order of a library: by publication date, newest first; undated
/// documents go last, and ties keep corpus (file name) order.
pub fn newest_first(documents: &[Document]) -> Vec<&Document> {
    let mut sorted: Vec<&Document> = documents.iter().collect();
    sorted.sort_by(|a, b| match (&a.published, &b.published) {
        (Some(x), Some(y)) => y
            .first_day_number()
            .cmp(&x.first_day_number())
            .then(y.cmp(x)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    sorted
}

impl Default for Corpus {
    fn default() -> Self {
        Self::empty()
    }
}

/// A place in the text. `start` and `end` are **byte offsets** into
/// `documents[doc].paragraphs[paragraph]` (UTF-8, always on character
/// boundaries), so `&paragraph[start..end]` is the exact text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// One real-world referent: a person, a state, a place, a body, an outlet or
/// a weapon system, with every spelling it was found under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable identifier: `kind:slug-of-the-name`, e.g. `person:antony-blinken`.
    pub id: String,
    /// The canonical name (from a gazetteer, else the most frequent full form).
    pub name: String,
    pub kind: EntityKind,
    /// Every other surface form found, sorted (surname, short form,
    /// abbreviation, demonym, near-spelling).
    pub aliases: Vec<String>,
    /// Number of mentions in the corpus.
    pub mentions: usize,
    /// Titles and roles found next to a person ("CIA Director"), sorted.
    pub roles: Vec<String>,
    /// For a capital, a seat of government or an institution that stands for
    /// a state ("Tehran", "the Kremlin"): the id of that state's entity.
    /// The two stay separate entities.
    pub stands_for: Option<String>,
    /// Ids of the documents that mention it, sorted.
    pub docs: Vec<String>,
    /// Every mention, in document and text order.
    pub spans: Vec<Mention>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    pub doc: String,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// The text as written.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityKind {
    Person,
    Country,
    Place,
    Organisation,
    Media,
    Weapon,
    /// A capitalised name no rule could type.
    Other,
}

impl Entity {
    /// An entity with no mentions, aliases or roles yet.
    pub fn new(id: String, name: String, kind: EntityKind) -> Entity {
        Entity {
            id,
            name,
            kind,
            aliases: Vec::new(),
            mentions: 0,
            roles: Vec::new(),
            stands_for: None,
            docs: Vec::new(),
            spans: Vec::new(),
        }
    }
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Media => "media",
            EntityKind::Weapon => "weapon",
            EntityKind::Other => "other",
        }
    }
}

/// A direct quotation and who said it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// `doc#qN`.
    pub id: String,
    pub doc: String,
    /// The speaker as written or resolved ("Kahl", "one senior Eastern
    /// European official"); a pronoun is replaced by the person it stands for.
    pub speaker: Option<String>,
    pub speaker_entity: Option<String>,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// Where the quoted words are (inside the marks).
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    /// A fragment quoted inside a sentence rather than a whole utterance.
    pub partial: bool,
    /// The quote runs on to the next paragraph (no closing mark).
    pub continues: bool,
}

/// Who stands behind a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AttributionKind {
    /// A named person or body.
    Named,
    /// Unnamed people: "officials said", "a senior official".
    Anonymous,
    /// Another outlet or agency: "according to the WSJ", "Tasnim reported".
    Media,
    /// The article's own voice.
    Outlet,
}

impl AttributionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::Named => "named",
            AttributionKind::Anonymous => "anonymous",
            AttributionKind::Media => "media",
            AttributionKind::Outlet => "outlet",
        }
    }
}

/// How a claim is put forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stance {
    /// Stated as fact or as having happened.
    Asserted,
    /// Planned, in preparation, foreseen.
    Expected,
    /// Reportedly, might, likely, believed.
    Hedged,
    /// A party denies it.
    Denied,
    /// No evidence, no information, yet to be confirmed or finalised.
    Unconfirmed,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserted => "asserted",
            Stance::Expected => "expected",
            Stance::Hedged => "hedged",
            Stance::Denied => "denied",
            Stance::Unconfirmed => "unconfirmed",
        }
    }
}

/// One link of an attribution chain, innermost source first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub name: String,
    pub kind: AttributionKind,
    pub entity: Option<String>,
}

/// A quantity found in a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Number {
    /// The text as written ("approximately 1,000", "11 of the 14").
    pub text: String,
    /// The value (the lower bound of a range; a round figure for "several
    /// dozen" or "millions").
    pub value: f64,
    /// What it counts or measures: the head noun ("weapons", "miles", "%",
    /// "USD"); empty when nothing follows.
    pub unit: String,
    /// The words after the number that name what is counted
    /// ("short-range ballistic missiles").
    pub counts: String,
    pub approx: Approx,
    /// Upper bound of a range ("between 125 and 435": 435).
    pub max: Option<f64>,
    /// The whole a part is taken from ("11 of the 14": 14).
    pub of_total: Option<f64>,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Approx {
    Exact,
    /// "about", "approximately", "around", "some", "an estimated".
    About,
    /// "more than", "over", "at least".
    AtLeast,
    /// "fewer than", "up to", "nearly", "almost".
    AtMost,
    /// "between 125 and 435", "125 to 435".
    Range,
    /// "several dozen", "millions of", "hundreds of".
    Vague,
}

/// A time expression resolved against the publication date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRef {
    pub text: String,
    pub date: PartialDate,
    pub precision: Precision,
    /// Resolved against the publication date ("last week"), not written out.
    pub relative: bool,
    /// "since 2022": the event runs from this date on.
    pub since: bool,
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
}

/// A time expression of an article with its value as TIMEX3 writes it,
/// for readers and tools to check or reuse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeExpression {
    pub doc: String,
    /// Index into `paragraphs` for the body; 0 in a headline or standfirst.
    pub paragraph: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `2013-03-22`, `2013-03`, `2013-W11`, `2013-SU`, `2013-Q1`, `2013`,
    /// `199` (a decade); `None` when it cannot be resolved (a relative
    /// expression and no publication date).
    pub value: Option<String>,
    /// Where it stands: the body, the headline or the standfirst.
    pub part: Part,
}

/// A sentence or clause of an article, with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `doc#cN`.
    pub id: String,
    pub doc: String,
    /// The sentence or clause.
    pub text: String,
    pub paragraph: usize,
    /// Index of the sentence in the paragraph.
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// Who stands behind it: the innermost source's name.
    pub attribution: String,
    pub attribution_kind: AttributionKind,
    pub attribution_entity: Option<String>,
    /// Innermost source first, the article's outlet last
    /// (official, WSJ, Essanews).
    pub chain: Vec<Source>,
    pub stance: Stance,
    /// The words that decided the stance ("no evidence"), if any.
    pub stance_cue: Option<String>,
    /// When the event described happened or is expected; the publication
    /// date when the text gives no time.
    pub event_date: Option<PartialDate>,
    pub event_date_precision: Option<Precision>,
    /// The time expression used, or `None` when `event_date` is the
    /// publication date.
    pub event_date_text: Option<String>,
    /// Ids of the entities mentioned or standing behind it, sorted.
    pub entities: Vec<String>,
    pub numbers: Vec<Number>,
    pub times: Vec<TimeRef>,
    /// Ids of quotes inside the claim.
    pub quotes: Vec<String>,
    /// The claim's main event thread.
    pub thread: Option<String>,
    /// Every thread the claim belongs to (one claim can name several
    /// deliveries), sorted; contains `thread`.
    pub threads: Vec<String>,
    /// Where in the article it stands: the body (`paragraph` indexes
    /// `paragraphs`), the headline or the standfirst (spans index
    /// `headline` or `dek`, `paragraph` is 0).
    #[serde(default)]
    pub part: Part,
}

/// The part of an article a claim comes from.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    #[default]
    Body,
    Headline,
    Standfirst,
}

impl Part {
    pub fn is_headline(self) -> bool {
        self == Part::Headline
    }
}

/// Claims from one or more articles about the same event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thread {
    /// `action:subject>object:item`, e.g. `supply:iran>russia:ballistic-missiles`.
    pub id: String,
    /// "Iran → Russia: ballistic missiles".
    pub label: String,
    /// `supply`, `visit`, `sanction`, ...
    pub action: String,
    /// Entity id of who acts (supplies, visits, sanctions).
    pub subject: Option<String>,
    /// Entity id of who receives or is acted on.
    pub object: Option<String>,
    /// What is supplied ("ballistic missiles"), if anything.
    pub item: Option<String>,
    /// Claim ids, in document and text order.
    pub claims: Vec<String>,
    /// Document ids, sorted.
    pub docs: Vec<String>,
    /// Earliest and latest event dates of its claims.
    pub first_date: Option<PartialDate>,
    pub last_date: Option<PartialDate>,
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
    /// When the outlet last changed the article, if it says so (later than
    /// `published`).
    pub updated: Option<PartialDate>,
    pub url: Option<String>,
    /// The language the page declares (a BCP 47 tag: "en", "pt-BR").
    pub language: Option<String>,
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
    /// Readers' comments under a saved web page.
    Comments,
    /// Markup in a plain text (tags, a script or style and its code, an
    /// embedded frame), never read as prose.
    Markup,
    /// A social network's post embedded in a plain text, with its words.
    EmbeddedPost,
    /// A block the site leaves out when the page is printed (`no-print`,
    /// `d-print-none`): its own chrome, by its own account.
    NotPrinted,
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
            RemovalReason::Comments => "reader comments",
            RemovalReason::Markup => "embedded markup",
            RemovalReason::EmbeddedPost => "embedded post",
            RemovalReason::NotPrinted => "left out of print by the site",
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
    /// The texts set aside from the document for `reason`, in order.
    pub fn removed(&self, reason: RemovalReason) -> impl Iterator<Item = &str> {
        self.boilerplate
            .iter()
            .filter(move |r| r.reason == reason)
            .map(|r| r.text.as_str())
    }

    /// The outlet's name as views group articles by it: the outlet, or for
    /// an article whose outlet is unknown its own name from its file
    /// ("notes.txt (outlet unknown)"), so two such articles are never
    /// merged into one outlet.
    pub fn outlet_label(&self) -> String {
        match &self.outlet {
            Some(outlet) => outlet.clone(),
            None => format!("{} (outlet unknown)", self.file),
        }
    }

    /// What the analysis cannot do for this article for lack of facts:
    /// empty when outlet and date are known.
    pub fn missing_facts(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.outlet.is_none() {
            out.push("no outlet: shown as its own column, named after its file");
        }
        if self.published.is_none() {
            out.push("no publication date: no place on the timeline unless a claim states its date; relative dates (\"on Monday\", \"last week\") stay unresolved");
        }
        out
    }

    /// The text a claim's spans index: a body paragraph, the headline or
    /// the standfirst.
    pub fn part_text(&self, part: Part, paragraph: usize) -> Option<&str> {
        match part {
            Part::Body => self.paragraphs.get(paragraph).map(String::as_str),
            Part::Headline => Some(self.headline.trim()),
            Part::Standfirst => self.dek.as_deref().map(str::trim),
        }
    }

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
