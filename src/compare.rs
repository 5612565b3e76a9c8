//! How each outlet told the same story, computed from the analysed corpus:
//! which outlets reported which event thread (the coverage matrix), their
//! claims about one thread aligned by what they say, the differences between
//! them, whom each outlet quoted, the words of each headline, and two
//! articles aligned sentence by sentence. Plain functions, tested natively;
//! the components in `components/compare*.rs` only render the results.

use crate::explore::outlet_of;
use crate::search::{merge_ranges, stem, tokenize};
use crossread_corpus::parts::facets::STANCES;
use crossread_corpus::parts::ThreadIndex;
use crossread_corpus::{AttributionKind, Claim, Corpus, Document, Number, Quote, Stance, Thread};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// An outlet and the articles it published in the corpus, oldest first.
/// A syndicated copy counts as its original outlet's reporting.
#[derive(Debug, Clone, PartialEq)]
pub struct Outlet<'a> {
    pub name: String,
    /// Its articles (none when a big site's thread index names the outlet).
    pub documents: Vec<&'a Document>,
    /// Hosts that carried copies of its articles (MSN, a reprint), sorted.
    pub hosts: Vec<String>,
}

impl Outlet<'_> {
    /// Hosts that carried copies of this outlet's articles.
    pub fn hosts(&self) -> Vec<&str> {
        self.hosts.iter().map(String::as_str).collect()
    }

    fn publishes(&self, doc: &str) -> bool {
        self.documents.iter().any(|d| d.id == doc)
    }
}

/// Every outlet, ordered by its first publication date (undated last), then
/// by name. `chosen` keeps only those outlets; empty keeps all.
pub fn outlets<'a>(corpus: &'a Corpus, chosen: &BTreeSet<String>) -> Vec<Outlet<'a>> {
    let mut by_name: BTreeMap<String, Vec<&Document>> = BTreeMap::new();
    for document in &corpus.documents {
        by_name
            .entry(outlet_of(document))
            .or_default()
            .push(document);
    }
    let mut outlets: Vec<Outlet> = by_name
        .into_iter()
        .filter(|(name, _)| chosen.is_empty() || chosen.contains(name))
        .map(|(name, mut documents)| {
            documents.sort_by_key(|d| date_key(d));
            let hosts: BTreeSet<&str> = documents.iter().filter_map(|d| d.via.as_deref()).collect();
            Outlet {
                name,
                hosts: hosts.into_iter().map(str::to_string).collect(),
                documents,
            }
        })
        .collect();
    outlets.sort_by_key(|o| o.documents.first().map(|d| date_key(d)));
    outlets
}

/// Sorts dated before undated, then by first day, then by precision.
fn date_key(document: &Document) -> (bool, i64, Option<crossread_corpus::PartialDate>) {
    match document.published {
        Some(date) => (false, date.first_day_number(), Some(date)),
        None => (true, 0, None),
    }
}

/// One thread × outlet cell: how many of the outlet's claims belong to the
/// thread, and with which stances.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    pub claims: usize,
    pub stances: BTreeMap<Stance, usize>,
}

impl Coverage {
    pub fn reported(&self) -> bool {
        self.claims > 0
    }

    /// The most frequent stance; a tie goes to the stance listed first
    /// (asserted, expected, hedged, denied, unconfirmed).
    pub fn dominant(&self) -> Option<Stance> {
        self.stances
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(stance, _)| *stance)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CoverageRow<'a> {
    pub thread: &'a Thread,
    /// The thread's claims (its list of them may be left out).
    pub claims: usize,
    /// One cell per outlet, in the matrix's outlet order.
    pub cells: Vec<Coverage>,
}

impl CoverageRow<'_> {
    pub fn outlets_reporting(&self) -> usize {
        self.cells.iter().filter(|c| c.reported()).count()
    }
}

/// Event threads × outlets.
#[derive(Debug, Clone, PartialEq, yoke::Yokeable)]
pub struct CoverageMatrix<'a> {
    pub outlets: Vec<Outlet<'a>>,
    /// Threads reported by the most outlets first, then by claim count and
    /// label.
    pub rows: Vec<CoverageRow<'a>>,
    /// For each outlet, its claims in no event thread: what only its own
    /// article reports.
    pub unthreaded: Vec<usize>,
}

pub fn coverage<'a>(corpus: &'a Corpus, chosen: &BTreeSet<String>) -> CoverageMatrix<'a> {
    let outlets = outlets(corpus, chosen);
    let claims = claims_by_id(corpus);
    let mut rows: Vec<CoverageRow> = corpus
        .threads
        .iter()
        .map(|thread| {
            let mut cells = vec![Coverage::default(); outlets.len()];
            for claim in thread
                .claims
                .iter()
                .filter_map(|id| claims.get(id.as_str()))
            {
                if let Some(at) = outlets.iter().position(|o| o.publishes(&claim.doc)) {
                    cells[at].claims += 1;
                    *cells[at].stances.entry(claim.stance).or_default() += 1;
                }
            }
            CoverageRow {
                thread,
                claims: thread.claims.len(),
                cells,
            }
        })
        .collect();
    sort_rows(&mut rows);
    let unthreaded = outlets
        .iter()
        .map(|o| {
            corpus
                .claims
                .iter()
                .filter(|c| c.threads.is_empty() && o.publishes(&c.doc))
                .count()
        })
        .collect();
    CoverageMatrix {
        outlets,
        rows,
        unthreaded,
    }
}

/// Threads reported by the most outlets first, then by claim count and
/// label.
fn sort_rows(rows: &mut [CoverageRow]) {
    rows.sort_by(|a, b| {
        b.outlets_reporting()
            .cmp(&a.outlets_reporting())
            .then(b.claims.cmp(&a.claims))
            .then(a.thread.label.cmp(&b.thread.label))
    });
}

/// The coverage matrix of a big site, from its thread index: the same
/// rows, cells and order as [`coverage`] of the whole corpus, without it.
pub fn coverage_from_index<'a>(
    index: &'a ThreadIndex,
    chosen: &BTreeSet<String>,
) -> CoverageMatrix<'a> {
    let kept: Vec<usize> = (0..index.outlets.len())
        .filter(|&at| chosen.is_empty() || chosen.contains(&index.outlets[at].name))
        .collect();
    let column: HashMap<u32, usize> = (kept.iter().enumerate())
        .map(|(column, &at)| (at as u32, column))
        .collect();
    let mut rows: Vec<CoverageRow> = (index.threads.iter())
        .map(|summary| {
            let mut cells = vec![Coverage::default(); kept.len()];
            for (outlet, stances) in &summary.cells {
                let Some(&at) = column.get(outlet) else {
                    continue;
                };
                for (stance, &n) in STANCES.iter().zip(stances).filter(|(_, &n)| n > 0) {
                    cells[at].claims += n as usize;
                    cells[at].stances.insert(*stance, n as usize);
                }
            }
            CoverageRow {
                thread: &summary.thread,
                claims: summary.claims as usize,
                cells,
            }
        })
        .collect();
    sort_rows(&mut rows);
    CoverageMatrix {
        outlets: index_outlets(index, chosen),
        rows,
        unthreaded: kept
            .iter()
            .map(|&at| index.unthreaded[at] as usize)
            .collect(),
    }
}

/// A big site's outlets as its thread index lists them, in [`outlets`]'s
/// order, without their articles.
pub fn index_outlets<'a>(index: &ThreadIndex, chosen: &BTreeSet<String>) -> Vec<Outlet<'a>> {
    (index.outlets.iter())
        .filter(|o| chosen.is_empty() || chosen.contains(&o.name))
        .map(|o| Outlet {
            name: o.name.clone(),
            documents: Vec::new(),
            hosts: o.hosts.clone(),
        })
        .collect()
}

/// How the coverage matrix orders its outlet columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OutletOrder {
    /// First publication, oldest first (undated last).
    #[default]
    Date,
    /// Name, A to Z.
    Name,
    /// Most events reported first.
    Events,
}

impl OutletOrder {
    pub const ALL: [OutletOrder; 3] = [OutletOrder::Date, OutletOrder::Name, OutletOrder::Events];

    pub fn as_str(self) -> &'static str {
        match self {
            OutletOrder::Date => "date",
            OutletOrder::Name => "name",
            OutletOrder::Events => "events",
        }
    }

    pub fn parse(text: &str) -> Option<OutletOrder> {
        OutletOrder::ALL.into_iter().find(|o| o.as_str() == text)
    }

    /// Reader-facing words for a control.
    pub fn label(self) -> &'static str {
        match self {
            OutletOrder::Date => "first publication",
            OutletOrder::Name => "name",
            OutletOrder::Events => "events reported",
        }
    }
}

impl<'a> CoverageMatrix<'a> {
    /// Reorders the outlet columns (and every row's cells with them).
    pub fn ordered(mut self, order: OutletOrder) -> Self {
        let reported = |at: usize| self.rows.iter().filter(|r| r.cells[at].reported()).count();
        let mut columns: Vec<usize> = (0..self.outlets.len()).collect();
        match order {
            OutletOrder::Date => {}
            OutletOrder::Name => {
                columns.sort_by_key(|&at| self.outlets[at].name.to_lowercase());
            }
            OutletOrder::Events => columns.sort_by_key(|&at| std::cmp::Reverse(reported(at))),
        }
        self.outlets = columns.iter().map(|&at| self.outlets[at].clone()).collect();
        for row in &mut self.rows {
            row.cells = columns.iter().map(|&at| row.cells[at].clone()).collect();
        }
        self.unthreaded = columns.iter().map(|&at| self.unthreaded[at]).collect();
        self
    }

    /// Rows several outlets report, then rows one outlet (or none of
    /// those chosen) reports: these are grouped apart.
    pub fn split_by_reach(&self) -> (Vec<&CoverageRow<'a>>, Vec<&CoverageRow<'a>>) {
        self.rows.iter().partition(|r| r.outlets_reporting() >= 2)
    }
}

fn claims_by_id(corpus: &Corpus) -> HashMap<&str, &Claim> {
    corpus.claims.iter().map(|c| (c.id.as_str(), c)).collect()
}

/// How firmly a stance puts a claim forward, for "stronger" and "weaker".
/// A denial is the weakest support for the event it denies.
pub fn certainty(stance: Stance) -> u8 {
    match stance {
        Stance::Asserted => 4,
        Stance::Expected => 3,
        Stance::Hedged => 2,
        Stance::Unconfirmed => 1,
        Stance::Denied => 0,
    }
}

/// Words too common to say what a sentence is about.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "ha",
    "has",
    "have",
    "had",
    "it",
    "its",
    "that",
    "this",
    "which",
    "who",
    "their",
    "they",
    "them",
    "there",
    "than",
    "not",
    "no",
    "into",
    "also",
    "would",
    "could",
    "can",
    "will",
    "may",
    "might",
    "said",
    "say",
    "says",
    "according",
    "after",
    "before",
    "about",
    "more",
    "such",
    "if",
    "so",
    "do",
    "did",
    "does",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "us",
    "i",
    "you",
    "any",
    "all",
    "other",
    "what",
    "when",
    "while",
    "since",
    "over",
    "some",
    "these",
    "those",
    "one",
    "out",
    "up",
];

fn content_stems(text: &str) -> Vec<String> {
    tokenize(text)
        .into_iter()
        .map(|t| t.stem)
        .filter(|s| !STOP_WORDS.contains(&s.as_str()))
        .collect()
}

/// What a claim is compared by: its content words, its entities and what its
/// numbers count.
#[derive(Debug, Clone, Default)]
struct Features {
    stems: BTreeSet<String>,
    entities: BTreeSet<String>,
    counted: BTreeSet<String>,
}

impl Features {
    fn of(text: &str, entities: &[String], numbers: &[&Number]) -> Features {
        Features {
            stems: content_stems(text).into_iter().collect(),
            entities: entities.iter().cloned().collect(),
            counted: numbers.iter().map(|n| counted_thing(n)).collect(),
        }
    }
}

/// The thing a number counts or measures, in a form that lets "drones" and
/// "drone" meet.
pub fn counted_thing(number: &Number) -> String {
    let unit = if number.unit.is_empty() {
        &number.counts
    } else {
        &number.unit
    };
    stem(&unit.to_lowercase())
}

/// Similarity of texts in a set: shared content words weighted by how rare
/// they are in the set (words every text uses say little), plus shared
/// entities and shared counted things.
struct Similarity {
    weights: HashMap<String, f64>,
}

impl Similarity {
    fn new(features: &[&Features]) -> Similarity {
        let mut frequency: HashMap<&str, usize> = HashMap::new();
        for f in features {
            for stem in &f.stems {
                *frequency.entry(stem).or_default() += 1;
            }
        }
        let n = features.len().max(1) as f64;
        let weights = frequency
            .into_iter()
            .map(|(stem, df)| (stem.to_string(), (1.0 + n / df as f64).ln()))
            .collect();
        Similarity { weights }
    }

    fn score(&self, a: &Features, b: &Features) -> f64 {
        let weight = |s: &String| self.weights.get(s).copied().unwrap_or(1.0);
        let total: f64 = a.stems.iter().chain(&b.stems).map(weight).sum();
        let shared: f64 = a.stems.intersection(&b.stems).map(weight).sum();
        let words = if total > 0.0 {
            2.0 * shared / total
        } else {
            0.0
        };
        let jaccard = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
            let union = x.union(y).count();
            if union == 0 {
                0.0
            } else {
                x.intersection(y).count() as f64 / union as f64
            }
        };
        0.7 * words
            + 0.2 * jaccard(&a.entities, &b.entities)
            + 0.1 * jaccard(&a.counted, &b.counted)
    }
}

/// A visible difference between the claims of one aligned row.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// Figures for the same counted thing disagree.
    NumbersDiffer { counted: String },
    /// One outlet puts it more firmly than another.
    StanceDiffers {
        stronger: Vec<(String, Stance)>,
        weaker: Vec<(String, Stance)>,
    },
    /// The outlets rely on different kinds of source.
    SourcesDiffer(Vec<(String, AttributionKind)>),
    /// Only one outlet says this.
    OnlyIn(String),
}

/// Claims from different outlets that say the same thing; at most one
/// claim per outlet.
#[derive(Debug, Clone, PartialEq)]
pub struct AlignedRow<'a> {
    /// One entry per outlet, in the comparison's outlet order.
    pub claims: Vec<Option<&'a Claim>>,
    pub differences: Vec<Difference>,
}

/// Figures that several outlets (or both articles) give for one counted
/// thing.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureComparison<'a> {
    pub counted: String,
    /// Per side (outlet or article): the numbers with the claim they are in.
    pub figures: Vec<Vec<(&'a Number, &'a Claim)>>,
    pub differ: bool,
}

/// One event thread told by several outlets.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadComparison<'a> {
    pub thread: &'a Thread,
    /// The outlets that report the thread (of those chosen).
    pub outlets: Vec<Outlet<'a>>,
    pub rows: Vec<AlignedRow<'a>>,
    pub figures: Vec<FigureComparison<'a>>,
    /// Claims of the thread not aligned: beyond [`ALIGNED_CLAIMS`], those
    /// of the older articles.
    pub left_out: usize,
}

/// Claims that score at least this much are taken to say the same thing.
const SAME_CLAIM: f64 = 0.15;

pub fn compare_thread<'a>(
    corpus: &'a Corpus,
    thread: &'a Thread,
    chosen: &BTreeSet<String>,
) -> ThreadComparison<'a> {
    compare_at_most(corpus, thread, chosen, ALIGNED_CLAIMS)
}

/// [`compare_thread`] aligning at most `limit` claims.
fn compare_at_most<'a>(
    corpus: &'a Corpus,
    thread: &'a Thread,
    chosen: &BTreeSet<String>,
    limit: usize,
) -> ThreadComparison<'a> {
    let by_id = claims_by_id(corpus);
    let all_outlets = outlets(corpus, chosen);
    let mut columns: Vec<(Outlet, Vec<&Claim>)> = all_outlets
        .into_iter()
        .map(|outlet| {
            let claims = thread
                .claims
                .iter()
                .filter_map(|id| by_id.get(id.as_str()).copied())
                .filter(|c| outlet.publishes(&c.doc))
                .collect();
            (outlet, claims)
        })
        .collect();
    columns.retain(|(_, claims): &(Outlet, Vec<&Claim>)| !claims.is_empty());
    let left_out = keep_newest(&mut columns, limit);

    // Every claim as (column, claim), with its features.
    let items: Vec<(usize, &Claim)> = columns
        .iter()
        .enumerate()
        .flat_map(|(col, (_, claims))| claims.iter().map(move |c| (col, *c)))
        .collect();
    let features: Vec<Features> = items
        .iter()
        .map(|(_, c)| {
            let entities: Vec<String> = c
                .entities
                .iter()
                .filter(|e| {
                    Some(*e) != thread.subject.as_ref() && Some(*e) != thread.object.as_ref()
                })
                .cloned()
                .collect();
            Features::of(&c.text, &entities, &c.numbers.iter().collect::<Vec<_>>())
        })
        .collect();
    let groups = aligned_groups(&items, &features);
    let names: Vec<String> = columns.iter().map(|(o, _)| o.name.clone()).collect();
    let mut rows: Vec<(usize, usize, AlignedRow)> = groups
        .into_iter()
        .map(|members| {
            let mut claims = vec![None; columns.len()];
            for &k in &members {
                claims[items[k].0] = Some(items[k].1);
            }
            let first = members.iter().copied().min().unwrap_or(0);
            let differences = row_differences(&names, &claims);
            (
                members.len(),
                first,
                AlignedRow {
                    claims,
                    differences,
                },
            )
        })
        .collect();
    // Claims several outlets share first, then each outlet's own in its
    // column and text order.
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let figures = compare_figures(
        columns
            .iter()
            .map(|(_, claims)| claims.clone())
            .collect::<Vec<_>>(),
    );
    ThreadComparison {
        thread,
        outlets: columns.into_iter().map(|(o, _)| o).collect(),
        rows: rows.into_iter().map(|(_, _, row)| row).collect(),
        figures,
        left_out,
    }
}

/// Most claims one comparison aligns: every pair of them is scored, so a
/// thread of tens of thousands of claims (a big site's long-running story)
/// would stall the page; above it, the newest articles' claims are aligned
/// and the rest counted.
pub const ALIGNED_CLAIMS: usize = 600;

/// Keeps at most `limit` claims across the columns, taking in turn from
/// each outlet its claims of its newest articles first (each column then
/// back in text order); returns how many were left out.
fn keep_newest(columns: &mut [(Outlet, Vec<&Claim>)], limit: usize) -> usize {
    let total: usize = columns.iter().map(|(_, claims)| claims.len()).sum();
    if total <= limit {
        return 0;
    }
    // An outlet's documents are oldest first: rank claims newest first.
    let newest_first: Vec<Vec<usize>> = (columns.iter())
        .map(|(outlet, claims)| {
            let age = |doc: &str| outlet.documents.iter().position(|d| d.id == doc);
            let mut order: Vec<usize> = (0..claims.len()).collect();
            order.sort_by_key(|&at| std::cmp::Reverse(age(&claims[at].doc)));
            order
        })
        .collect();
    let mut kept: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); columns.len()];
    let (mut taken, mut round) = (0, 0);
    while taken < limit {
        let before = taken;
        for (column, order) in newest_first.iter().enumerate() {
            if let Some(&at) = order.get(round).filter(|_| taken < limit) {
                kept[column].insert(at);
                taken += 1;
            }
        }
        if taken == before {
            break;
        }
        round += 1;
    }
    for ((_, claims), kept) in columns.iter_mut().zip(kept) {
        *claims = kept.into_iter().map(|at| claims[at]).collect();
    }
    total - taken
}

/// Groups of items (column, claim) that say the same thing, at most one
/// per column: the closest pairs first, two groups merging only when no
/// column would then have two claims in one group. Each group's members in
/// item order, groups by their first member.
fn aligned_groups(items: &[(usize, &Claim)], features: &[Features]) -> Vec<Vec<usize>> {
    let similarity = Similarity::new(&features.iter().collect::<Vec<_>>());
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if items[i].0 != items[j].0 {
                let score = similarity.score(&features[i], &features[j]);
                if score >= SAME_CLAIM {
                    pairs.push((score, i, j));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    // Each group is named by one of its members; a group's members and
    // columns are kept with that member.
    let mut group: Vec<usize> = (0..items.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..items.len()).map(|k| vec![k]).collect();
    let mut columns: Vec<BTreeSet<usize>> = items.iter().map(|(c, _)| [*c].into()).collect();
    for (_, i, j) in pairs {
        let (gi, gj) = (group[i], group[j]);
        if gi == gj || !columns[gi].is_disjoint(&columns[gj]) {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &k in &moved {
            group[k] = gi;
        }
        members[gi].extend(moved);
        let moved = std::mem::take(&mut columns[gj]);
        columns[gi].extend(moved);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, g) in group.iter().enumerate() {
        groups.entry(*g).or_default().push(k);
    }
    groups.into_values().collect()
}

fn row_differences(names: &[String], claims: &[Option<&Claim>]) -> Vec<Difference> {
    let present: Vec<(&String, &Claim)> = names
        .iter()
        .zip(claims)
        .filter_map(|(name, claim)| claim.map(|c| (name, c)))
        .collect();
    let mut differences = Vec::new();
    if let [(name, _)] = present.as_slice() {
        if names.len() > 1 {
            differences.push(Difference::OnlyIn((*name).clone()));
        }
        return differences;
    }
    for figure in compare_figures(present.iter().map(|(_, c)| vec![*c]).collect()) {
        if figure.differ {
            differences.push(Difference::NumbersDiffer {
                counted: figure.counted,
            });
        }
    }
    let strongest = present.iter().map(|(_, c)| certainty(c.stance)).max();
    let weakest = present.iter().map(|(_, c)| certainty(c.stance)).min();
    if strongest != weakest {
        let side = |level: Option<u8>| {
            present
                .iter()
                .filter(|(_, c)| Some(certainty(c.stance)) == level)
                .map(|(n, c)| ((*n).clone(), c.stance))
                .collect()
        };
        differences.push(Difference::StanceDiffers {
            stronger: side(strongest),
            weaker: side(weakest),
        });
    }
    let kinds: BTreeSet<AttributionKind> =
        present.iter().map(|(_, c)| c.attribution_kind).collect();
    if kinds.len() > 1 {
        differences.push(Difference::SourcesDiffer(
            present
                .iter()
                .map(|(n, c)| ((*n).clone(), c.attribution_kind))
                .collect(),
        ));
    }
    differences
}

/// Figures for each counted thing that at least two sides give; `differ`
/// when the sides' values (or ranges) are not the same.
fn compare_figures<'a>(sides: Vec<Vec<&'a Claim>>) -> Vec<FigureComparison<'a>> {
    let mut by_thing: BTreeMap<String, Vec<Vec<(&Number, &Claim)>>> = BTreeMap::new();
    for (side, claims) in sides.iter().enumerate() {
        for claim in claims {
            for number in &claim.numbers {
                let figures = by_thing
                    .entry(counted_thing(number))
                    .or_insert_with(|| vec![Vec::new(); sides.len()]);
                figures[side].push((number, *claim));
            }
        }
    }
    by_thing
        .into_iter()
        .filter(|(thing, figures)| {
            !thing.is_empty() && figures.iter().filter(|f| !f.is_empty()).count() >= 2
        })
        .map(|(_, figures)| {
            let values = |side: &Vec<(&Number, &Claim)>| {
                let mut v: Vec<(u64, u64)> = side
                    .iter()
                    .map(|(n, _)| (n.value.to_bits(), n.max.unwrap_or(n.value).to_bits()))
                    .collect();
                v.sort();
                v.dedup();
                v
            };
            let given: Vec<Vec<(u64, u64)>> = figures
                .iter()
                .filter(|f| !f.is_empty())
                .map(values)
                .collect();
            let differ = given.windows(2).any(|w| w[0] != w[1]);
            let counted = figures
                .iter()
                .flatten()
                .map(|(n, _)| {
                    if n.unit.is_empty() {
                        &n.counts
                    } else {
                        &n.unit
                    }
                })
                .next()
                .map(|unit| unit.to_lowercase())
                .unwrap_or_default();
            FigureComparison {
                counted,
                figures,
                differ,
            }
        })
        .collect()
}

/// A speaker and the words an outlet quoted.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker<'a> {
    pub name: String,
    pub quotes: Vec<&'a Quote>,
}

/// Whose voice an outlet's story carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Voices<'a> {
    pub outlet: String,
    pub speakers: Vec<Speaker<'a>>,
    /// Claims by kind of source, in `SOURCE_KINDS` order.
    pub sources: Vec<(AttributionKind, usize)>,
    /// Other outlets and agencies it cites (from attribution chains).
    pub cited_media: Vec<String>,
}

/// Speakers with their quotes and the kinds of source each outlet relied
/// on, over `documents` (a thread's articles or all of them), limited to
/// `claims` when given (a thread's claims).
pub fn voices<'a>(
    corpus: &'a Corpus,
    outlets: &[Outlet<'a>],
    claims: Option<&BTreeSet<&str>>,
) -> Vec<Voices<'a>> {
    outlets
        .iter()
        .map(|outlet| {
            let in_scope = |c: &&Claim| {
                outlet.publishes(&c.doc) && claims.is_none_or(|s| s.contains(c.id.as_str()))
            };
            let outlet_claims: Vec<&Claim> = corpus.claims.iter().filter(in_scope).collect();
            let quote_ids: BTreeSet<&str> = outlet_claims
                .iter()
                .flat_map(|c| c.quotes.iter().map(String::as_str))
                .collect();
            let mut speakers: Vec<Speaker> = Vec::new();
            for quote in corpus.quotes.iter().filter(|q| {
                outlet.publishes(&q.doc) && (claims.is_none() || quote_ids.contains(q.id.as_str()))
            }) {
                let name = speaker_name(corpus, quote);
                match speakers.iter_mut().find(|s| s.name == name) {
                    Some(speaker) => speaker.quotes.push(quote),
                    None => speakers.push(Speaker {
                        name,
                        quotes: vec![quote],
                    }),
                }
            }
            let sources = crate::filters::SOURCE_KINDS
                .iter()
                .map(|kind| {
                    let n = outlet_claims
                        .iter()
                        .filter(|c| c.attribution_kind == *kind)
                        .count();
                    (*kind, n)
                })
                .collect();
            let cited: BTreeSet<String> = outlet_claims
                .iter()
                .flat_map(|c| c.chain.iter())
                .filter(|s| s.kind == AttributionKind::Media && s.name != outlet.name)
                .map(|s| s.name.clone())
                .collect();
            Voices {
                outlet: outlet.name.clone(),
                speakers,
                sources,
                cited_media: cited.into_iter().collect(),
            }
        })
        .collect()
}

/// The speaker's canonical name when known, else as written.
fn speaker_name(corpus: &Corpus, quote: &Quote) -> String {
    quote
        .speaker_entity
        .as_ref()
        .and_then(|id| corpus.entities.iter().find(|e| &e.id == id))
        .map(|e| e.name.clone())
        .or_else(|| quote.speaker.clone())
        .unwrap_or_else(|| "Unattributed".to_string())
}

/// A headline and dek with the words only this article's headline uses.
#[derive(Debug, Clone, PartialEq)]
pub struct Framing<'a> {
    pub outlet: String,
    pub document: &'a Document,
    /// Byte ranges of the distinctive words in the headline and the dek.
    pub headline_terms: Vec<Range<usize>>,
    pub dek_terms: Vec<Range<usize>>,
    /// The distinctive words as written, once each, in order.
    pub key_terms: Vec<String>,
}

/// Headlines and deks side by side; a key term is a content word that no
/// other compared headline or dek uses.
pub fn framing<'a>(outlets: &[Outlet<'a>], documents: Option<&BTreeSet<&str>>) -> Vec<Framing<'a>> {
    let chosen: Vec<(&Outlet, &Document)> = outlets
        .iter()
        .flat_map(|o| o.documents.iter().map(move |d| (o, *d)))
        .filter(|(_, d)| documents.is_none_or(|s| s.contains(d.id.as_str())))
        .collect();
    let words = |d: &Document| -> BTreeSet<String> {
        let mut text = d.headline.clone();
        if let Some(dek) = &d.dek {
            text.push(' ');
            text.push_str(dek);
        }
        content_stems(&text).into_iter().collect()
    };
    let all: Vec<BTreeSet<String>> = chosen.iter().map(|(_, d)| words(d)).collect();
    chosen
        .iter()
        .enumerate()
        .map(|(i, (outlet, document))| {
            let others: BTreeSet<&String> = all
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .flat_map(|(_, w)| w.iter())
                .collect();
            let mut key_terms: Vec<String> = Vec::new();
            let mut distinctive = |text: &str| {
                let ranges: Vec<Range<usize>> = tokenize(text)
                    .into_iter()
                    .filter(|t| {
                        !STOP_WORDS.contains(&t.stem.as_str())
                            && !others.contains(&t.stem)
                            && all.len() > 1
                    })
                    .map(|t| t.span)
                    .collect();
                for range in &ranges {
                    let word = text[range.clone()].to_string();
                    if !key_terms.iter().any(|k| k.eq_ignore_ascii_case(&word)) {
                        key_terms.push(word);
                    }
                }
                merge_ranges(ranges)
            };
            let headline_terms = distinctive(&document.headline);
            let dek_terms = document
                .dek
                .as_deref()
                .map(&mut distinctive)
                .unwrap_or_default();
            Framing {
                outlet: outlet.name.clone(),
                document,
                headline_terms,
                dek_terms,
                key_terms,
            }
        })
        .collect()
}

/// A sentence of an article: its claims (one, or several clauses) and text.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence<'a> {
    pub text: &'a str,
    pub paragraph: usize,
    pub claims: Vec<&'a Claim>,
}

impl Sentence<'_> {
    /// The claim a link to the reader marks.
    pub fn first_claim(&self) -> &Claim {
        self.claims[0]
    }
}

/// The sentences of a document, from its claims, in text order.
pub fn sentences<'a>(corpus: &'a Corpus, document: &'a Document) -> Vec<Sentence<'a>> {
    let mut grouped: BTreeMap<(usize, usize), Vec<&Claim>> = BTreeMap::new();
    // The body's sentences; headline and standfirst are compared apart.
    for claim in corpus
        .claims
        .iter()
        .filter(|c| c.doc == document.id && c.part == crossread_corpus::Part::Body)
    {
        grouped
            .entry((claim.paragraph, claim.sentence))
            .or_default()
            .push(claim);
    }
    grouped
        .into_iter()
        .filter_map(|((paragraph, _), claims)| {
            let text = document.paragraphs.get(paragraph)?;
            let start = claims.iter().map(|c| c.start).min()?;
            let end = claims.iter().map(|c| c.end).max()?;
            Some(Sentence {
                text: text.get(start..end)?,
                paragraph,
                claims,
            })
        })
        .collect()
}

/// Two sentences (or one, unmatched) side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct SentencePair<'a> {
    pub left: Option<Sentence<'a>>,
    pub right: Option<Sentence<'a>>,
    pub similarity: f64,
    /// For close pairs: byte ranges of the words each side does not share.
    pub left_changes: Vec<Range<usize>>,
    pub right_changes: Vec<Range<usize>>,
    /// Things both sentences count with different figures.
    pub numbers_differ: Vec<String>,
}

impl SentencePair<'_> {
    pub fn is_close(&self) -> bool {
        self.similarity >= CLOSE_SENTENCES
    }
}

/// Two articles aligned sentence by sentence.
#[derive(Debug, Clone, PartialEq, yoke::Yokeable)]
pub struct ArticleAlignment<'a> {
    pub rows: Vec<SentencePair<'a>>,
    /// Figures both articles give for the same counted thing.
    pub figures: Vec<FigureComparison<'a>>,
}

/// Sentences that score at least this much are shown side by side.
const MATCHED_SENTENCES: f64 = 0.25;
/// Matched sentences this close get a word-level comparison.
const CLOSE_SENTENCES: f64 = 0.45;

pub fn align_articles<'a>(
    corpus: &'a Corpus,
    left: &'a Document,
    right: &'a Document,
) -> ArticleAlignment<'a> {
    let (a, b) = (sentences(corpus, left), sentences(corpus, right));
    let features = |s: &Sentence| {
        let entities: Vec<String> = s.claims.iter().flat_map(|c| c.entities.clone()).collect();
        let numbers: Vec<&Number> = s.claims.iter().flat_map(|c| c.numbers.iter()).collect();
        Features::of(s.text, &entities, &numbers)
    };
    let fa: Vec<Features> = a.iter().map(features).collect();
    let fb: Vec<Features> = b.iter().map(features).collect();
    let similarity = Similarity::new(&fa.iter().chain(&fb).collect::<Vec<_>>());
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, x) in fa.iter().enumerate() {
        for (j, y) in fb.iter().enumerate() {
            let score = similarity.score(x, y);
            if score >= MATCHED_SENTENCES {
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut match_of_a: Vec<Option<(usize, f64)>> = vec![None; a.len()];
    let mut b_taken = vec![false; b.len()];
    for (score, i, j) in pairs {
        if match_of_a[i].is_none() && !b_taken[j] {
            match_of_a[i] = Some((j, score));
            b_taken[j] = true;
        }
    }
    // Rows follow the left article; a right sentence with no match comes
    // after the row holding the right sentence before it.
    let mut after: BTreeMap<Option<usize>, Vec<usize>> = BTreeMap::new();
    let mut last_matched: Option<usize> = None;
    let row_of_b: BTreeMap<usize, usize> = match_of_a
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|(j, _)| (j, i)))
        .collect();
    for j in 0..b.len() {
        match row_of_b.get(&j) {
            Some(&i) => last_matched = Some(i),
            None => after.entry(last_matched).or_default().push(j),
        }
    }
    let only_right = |j: usize| SentencePair {
        left: None,
        right: Some(b[j].clone()),
        similarity: 0.0,
        left_changes: Vec::new(),
        right_changes: Vec::new(),
        numbers_differ: Vec::new(),
    };
    let mut rows: Vec<SentencePair> = after
        .get(&None)
        .into_iter()
        .flatten()
        .map(|&j| only_right(j))
        .collect();
    for (i, sentence) in a.iter().enumerate() {
        let mut row = SentencePair {
            left: Some(sentence.clone()),
            right: None,
            similarity: 0.0,
            left_changes: Vec::new(),
            right_changes: Vec::new(),
            numbers_differ: Vec::new(),
        };
        if let Some((j, score)) = match_of_a[i] {
            row.right = Some(b[j].clone());
            row.similarity = score;
            if score >= CLOSE_SENTENCES {
                (row.left_changes, row.right_changes) = word_changes(sentence.text, b[j].text);
            }
            row.numbers_differ =
                compare_figures(vec![sentence.claims.clone(), b[j].claims.clone()])
                    .into_iter()
                    .filter(|f| f.differ)
                    .map(|f| f.counted)
                    .collect();
        }
        rows.push(row);
        rows.extend(
            after
                .get(&Some(i))
                .into_iter()
                .flatten()
                .map(|&j| only_right(j)),
        );
    }
    let side = |document: &Document| {
        corpus
            .claims
            .iter()
            .filter(|c| c.doc == document.id)
            .collect::<Vec<_>>()
    };
    ArticleAlignment {
        rows,
        figures: compare_figures(vec![side(left), side(right)]),
    }
}

/// Word-level comparison of two sentences: the words of each that are not
/// in the longest common sequence of words (compared by stem).
pub fn word_changes(left: &str, right: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let (a, b) = (tokenize(left), tokenize(right));
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i].stem == b[j].stem {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let (mut only_left, mut only_right) = (Vec::new(), Vec::new());
    while i < n && j < m {
        if a[i].stem == b[j].stem {
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            only_left.push(a[i].span.clone());
            i += 1;
        } else {
            only_right.push(b[j].span.clone());
            j += 1;
        }
    }
    only_left.extend(a[i..].iter().map(|t| t.span.clone()));
    only_right.extend(b[j..].iter().map(|t| t.span.clone()));
    (only_left, only_right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_reorder_with_their_cells_and_single_outlet_rows_group_apart() {
        let corpus = corpus().unwrap();
        let by_date = coverage(corpus, &BTreeSet::new());
        let by_name = by_date.clone().ordered(OutletOrder::Name);
        let names: Vec<&str> = by_name.outlets.iter().map(|o| o.name.as_str()).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| n.to_lowercase());
        assert_eq!(names, sorted);
        for (a, b) in by_date.rows.iter().zip(&by_name.rows) {
            for (at, outlet) in by_date.outlets.iter().enumerate() {
                let moved = by_name
                    .outlets
                    .iter()
                    .position(|o| o.name == outlet.name)
                    .unwrap();
                assert_eq!(a.cells[at], b.cells[moved]);
            }
        }
        let by_events = by_date.clone().ordered(OutletOrder::Events);
        let reach: Vec<usize> = (0..by_events.outlets.len())
            .map(|at| {
                by_events
                    .rows
                    .iter()
                    .filter(|r| r.cells[at].reported())
                    .count()
            })
            .collect();
        assert!(reach.windows(2).all(|w| w[0] >= w[1]), "{reach:?}");
        let (shared, single) = by_date.split_by_reach();
        assert_eq!(shared.len() + single.len(), corpus.threads.len());
        assert!(shared.iter().all(|r| r.outlets_reporting() >= 2));
        assert!(!single.is_empty() && single.iter().all(|r| r.outlets_reporting() <= 1));
        assert_eq!(OutletOrder::parse("events"), Some(OutletOrder::Events));
        assert_eq!(OutletOrder::parse("size"), None);
    }
    use crate::corpus_data::corpus;

    fn ballistic_missiles(corpus: &Corpus) -> &Thread {
        corpus
            .threads
            .iter()
            .find(|t| t.id.contains("iran>russia") && t.id.contains("ballistic"))
            .expect("the seeds have an Iran → Russia ballistic-missile thread")
    }

    #[test]
    fn outlets_are_in_publication_order_and_can_be_chosen() {
        let corpus = corpus().unwrap();
        let all = outlets(corpus, &BTreeSet::new());
        let names: BTreeSet<String> = corpus.documents.iter().map(outlet_of).collect();
        assert_eq!(all.len(), names.len());
        let firsts: Vec<i64> = all
            .iter()
            .filter_map(|o| o.documents[0].published.map(|p| p.first_day_number()))
            .collect();
        assert!(firsts.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");
        let chosen: BTreeSet<String> = [all[1].name.clone()].into();
        assert_eq!(outlets(corpus, &chosen), vec![all[1].clone()]);
    }

    #[test]
    fn syndicated_copies_count_for_their_outlet_with_the_host_noted() {
        let corpus = corpus().unwrap();
        let copy = corpus
            .documents
            .iter()
            .find(|d| d.is_syndicated())
            .expect("a syndicated seed");
        let all = outlets(corpus, &BTreeSet::new());
        let outlet = all
            .iter()
            .find(|o| Some(&o.name) == copy.outlet.as_ref())
            .unwrap();
        assert!(outlet.hosts().contains(&copy.via.as_deref().unwrap()));
        assert!(all
            .iter()
            .all(|o| Some(o.name.as_str()) != copy.via.as_deref()));
    }

    #[test]
    fn matrix_cells_count_each_outlets_claims_in_a_thread() {
        let corpus = corpus().unwrap();
        let matrix = coverage(corpus, &BTreeSet::new());
        assert_eq!(matrix.rows.len(), corpus.threads.len());
        for row in &matrix.rows {
            let total: usize = row.cells.iter().map(|c| c.claims).sum();
            assert_eq!(total, row.thread.claims.len(), "{}", row.thread.id);
            for (outlet, cell) in matrix.outlets.iter().zip(&row.cells) {
                let reports = row.thread.docs.iter().any(|d| outlet.publishes(d));
                assert_eq!(
                    cell.reported(),
                    reports,
                    "{} × {}",
                    row.thread.id,
                    outlet.name
                );
                assert_eq!(cell.dominant().is_some(), reports);
            }
        }
        let counts: Vec<usize> = matrix.rows.iter().map(|r| r.outlets_reporting()).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
        // Every claim is in a thread row or in its outlet's "no thread" count.
        let unthreaded: usize = matrix.unthreaded.iter().sum();
        let threaded = corpus
            .claims
            .iter()
            .filter(|c| !c.threads.is_empty())
            .count();
        assert!(unthreaded > 0);
        assert_eq!(unthreaded + threaded, corpus.claims.len());
        let by_name = matrix.clone().ordered(OutletOrder::Name);
        for (at, outlet) in matrix.outlets.iter().enumerate() {
            let moved = by_name.outlets.iter().position(|o| o.name == outlet.name);
            assert_eq!(by_name.unthreaded[moved.unwrap()], matrix.unthreaded[at]);
        }
    }

    #[test]
    fn dominant_stance_is_the_most_frequent_and_ties_go_to_the_first_listed() {
        let cell = Coverage {
            claims: 3,
            stances: [(Stance::Hedged, 2), (Stance::Asserted, 1)].into(),
        };
        assert_eq!(cell.dominant(), Some(Stance::Hedged));
        let tie = Coverage {
            claims: 2,
            stances: [(Stance::Unconfirmed, 1), (Stance::Expected, 1)].into(),
        };
        assert_eq!(tie.dominant(), Some(Stance::Expected));
    }

    #[test]
    fn thread_comparison_places_every_claim_once_in_its_outlets_column() {
        let corpus = corpus().unwrap();
        let thread = ballistic_missiles(corpus);
        let comparison = compare_thread(corpus, thread, &BTreeSet::new());
        let reporting: BTreeSet<String> = corpus
            .documents
            .iter()
            .filter(|d| thread.docs.contains(&d.id))
            .map(outlet_of)
            .collect();
        let shown: BTreeSet<String> = comparison.outlets.iter().map(|o| o.name.clone()).collect();
        assert_eq!(shown, reporting);
        let mut placed: Vec<&str> = Vec::new();
        for row in &comparison.rows {
            for (outlet, claim) in comparison.outlets.iter().zip(&row.claims) {
                if let Some(claim) = claim {
                    assert!(outlet.publishes(&claim.doc));
                    placed.push(&claim.id);
                }
            }
        }
        placed.sort();
        let mut expected: Vec<&str> = thread.claims.iter().map(String::as_str).collect();
        expected.sort();
        assert_eq!(placed, expected);
    }

    #[test]
    fn a_big_thread_aligns_each_outlets_newest_claims_and_counts_the_rest() {
        let corpus = corpus().unwrap();
        let thread = (corpus.threads.iter())
            .max_by_key(|t| (t.claims.len(), t.docs.len()))
            .unwrap();
        let whole = compare_thread(corpus, thread, &BTreeSet::new());
        assert_eq!(whole.left_out, 0);
        let total: usize = (whole.rows.iter())
            .map(|r| r.claims.iter().flatten().count())
            .sum();
        assert_eq!(total, thread.claims.len());
        let limit = 6;
        assert!(total > limit && whole.outlets.len() >= 2);
        let cut = compare_at_most(corpus, thread, &BTreeSet::new(), limit);
        let kept: Vec<&Claim> = (cut.rows.iter())
            .flat_map(|r| r.claims.iter().flatten().copied())
            .collect();
        assert_eq!((kept.len(), cut.left_out), (limit, total - limit));
        // Each outlet gives its newest articles' claims first: none kept
        // is older than one left out.
        let by_id = claims_by_id(corpus);
        for outlet in &whole.outlets {
            let age = |c: &&Claim| outlet.documents.iter().position(|d| d.id == c.doc);
            let (mine, dropped): (Vec<&Claim>, Vec<&Claim>) = (thread.claims.iter())
                .filter_map(|id| by_id.get(id.as_str()).copied())
                .filter(|c| outlet.publishes(&c.doc))
                .partition(|c| kept.iter().any(|k| k.id == c.id));
            assert!(!mine.is_empty(), "{} kept none", outlet.name);
            let oldest_kept = mine.iter().map(age).min().flatten();
            assert!(dropped.iter().map(age).all(|a| a <= oldest_kept));
        }
    }

    #[test]
    fn claims_align_by_what_they_say_not_by_position() {
        let corpus = corpus().unwrap();
        let thread = ballistic_missiles(corpus);
        let comparison = compare_thread(corpus, thread, &BTreeSet::new());
        let shared = comparison
            .rows
            .iter()
            .filter(|r| r.claims.iter().flatten().count() >= 2)
            .collect::<Vec<_>>();
        assert!(
            !shared.is_empty(),
            "some claims are told by several outlets"
        );
        for row in shared {
            let texts: Vec<Vec<String>> = row
                .claims
                .iter()
                .flatten()
                .map(|c| content_stems(&c.text))
                .collect();
            // Claims in one row share at least one content word.
            let first: BTreeSet<&String> = texts[0].iter().collect();
            assert!(texts[1..]
                .iter()
                .any(|t| t.iter().any(|s| first.contains(s))));
        }
        for row in comparison
            .rows
            .iter()
            .filter(|r| r.claims.iter().flatten().count() == 1)
        {
            assert!(matches!(
                row.differences.as_slice(),
                [Difference::OnlyIn(_)]
            ));
        }
    }

    #[test]
    fn rows_name_stance_and_source_differences() {
        let names = ["A".to_string(), "B".to_string()];
        let corpus = corpus().unwrap();
        let asserted = corpus
            .claims
            .iter()
            .find(|c| c.stance == Stance::Asserted && c.attribution_kind == AttributionKind::Named)
            .unwrap();
        let hedged = corpus
            .claims
            .iter()
            .find(|c| c.stance == Stance::Hedged && c.attribution_kind != AttributionKind::Named)
            .unwrap();
        let differences = row_differences(&names, &[Some(asserted), Some(hedged)]);
        assert!(differences.contains(&Difference::StanceDiffers {
            stronger: vec![("A".into(), Stance::Asserted)],
            weaker: vec![("B".into(), Stance::Hedged)],
        }));
        assert!(differences
            .iter()
            .any(|d| matches!(d, Difference::SourcesDiffer(_))));
    }

    #[test]
    fn figures_for_the_same_thing_differ_when_values_do() {
        let corpus = corpus().unwrap();
        let drones: Vec<&Claim> = corpus
            .claims
            .iter()
            .filter(|c| c.numbers.iter().any(|n| n.unit == "drones"))
            .collect();
        assert!(drones.len() >= 2, "the seeds count drones more than once");
        let values: BTreeSet<u64> = drones
            .iter()
            .flat_map(|c| c.numbers.iter().filter(|n| n.unit == "drones"))
            .map(|n| n.value.to_bits())
            .collect();
        let figures = compare_figures(drones.iter().map(|c| vec![*c]).collect());
        let drone = figures.iter().find(|f| f.counted == "drones").unwrap();
        assert_eq!(drone.differ, values.len() > 1);
        let same = compare_figures(vec![vec![drones[0]], vec![drones[0]]]);
        assert!(same.iter().all(|f| !f.differ));
    }

    #[test]
    fn voices_list_each_outlets_speakers_and_source_kinds() {
        let corpus = corpus().unwrap();
        let all = outlets(corpus, &BTreeSet::new());
        let voices = voices(corpus, &all, None);
        let quotes: usize = voices
            .iter()
            .flat_map(|v| v.speakers.iter().map(|s| s.quotes.len()))
            .sum();
        assert_eq!(quotes, corpus.quotes.len());
        let claims: usize = voices
            .iter()
            .flat_map(|v| v.sources.iter().map(|s| s.1))
            .sum();
        assert_eq!(claims, corpus.claims.len());
    }

    #[test]
    fn key_terms_are_words_no_other_headline_uses() {
        let corpus = corpus().unwrap();
        let all = outlets(corpus, &BTreeSet::new());
        let framings = framing(&all, None);
        assert_eq!(framings.len(), corpus.documents.len());
        for (i, f) in framings.iter().enumerate() {
            for term in &f.key_terms {
                let term_stem = stem(&term.to_lowercase());
                for (j, other) in framings.iter().enumerate().filter(|(j, _)| *j != i) {
                    let text = format!(
                        "{} {}",
                        other.document.headline,
                        other.document.dek.as_deref().unwrap_or("")
                    );
                    assert!(
                        !content_stems(&text).contains(&term_stem),
                        "{term} of headline {i} is also in headline {j}"
                    );
                }
            }
        }
        assert!(framings.iter().any(|f| !f.key_terms.is_empty()));
    }

    #[test]
    fn sentences_cover_every_body_claim_once() {
        let corpus = corpus().unwrap();
        for document in &corpus.documents {
            let claims: usize = sentences(corpus, document)
                .iter()
                .map(|s| s.claims.len())
                .sum();
            assert_eq!(
                claims,
                corpus
                    .claims
                    .iter()
                    .filter(|c| c.doc == document.id && c.part == crossread_corpus::Part::Body)
                    .count()
            );
        }
    }

    #[test]
    fn an_article_aligned_with_itself_matches_every_sentence() {
        let corpus = corpus().unwrap();
        let document = &corpus.documents[0];
        let alignment = align_articles(corpus, document, document);
        assert!(alignment.rows.iter().all(|r| {
            r.left.as_ref().map(|s| s.text) == r.right.as_ref().map(|s| s.text)
                && r.is_close()
                && r.left_changes.is_empty()
        }));
    }

    #[test]
    fn two_articles_keep_every_sentence_of_both() {
        let corpus = corpus().unwrap();
        let (a, b) = (&corpus.documents[1], &corpus.documents[4]);
        let alignment = align_articles(corpus, a, b);
        let left = alignment.rows.iter().filter(|r| r.left.is_some()).count();
        let right = alignment.rows.iter().filter(|r| r.right.is_some()).count();
        assert_eq!(left, sentences(corpus, a).len());
        assert_eq!(right, sentences(corpus, b).len());
        let in_order: Vec<usize> = alignment
            .rows
            .iter()
            .filter_map(|r| r.left.as_ref())
            .map(|s| s.paragraph)
            .collect();
        assert!(in_order.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn word_changes_mark_only_the_words_that_differ() {
        let left = "Iran sent about 450 drones to Russia.";
        let right = "Iran sent hundreds of drones to Russia.";
        let (l, r) = word_changes(left, right);
        let words = |text: &str, ranges: &[Range<usize>]| -> Vec<String> {
            ranges.iter().map(|x| text[x.clone()].to_string()).collect()
        };
        assert_eq!(words(left, &l), ["about", "450"]);
        assert_eq!(words(right, &r), ["hundreds", "of"]);
    }
}
