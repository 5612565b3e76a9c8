//! The claim timeline, computed as plain data so it is tested natively:
//! one lane per event thread, a mark per claim at its event date (a span
//! when the date is only known to the week, month, season or year), the
//! publication date it is linked to, and where every mark is drawn.
//! Components only turn this into SVG.

pub mod aggregate;
pub mod export;
pub mod history;
pub mod lanes;
pub mod scale;

use crate::corpus_data::{explore_index, CorpusRef};
use crate::explore::{outlet_of, ResultsAs};
use crate::filters::Filters;
use aggregate::{Count, Period, MARK_LIMIT};
pub use crossread_corpus::date::covered_days;
use crossread_corpus::date::Precision;
use crossread_corpus::parts::facets::STANCES;
use crossread_corpus::parts::threads::Tally;
use crossread_corpus::parts::ThreadIndex;
use crossread_corpus::{Claim, Corpus, Document, PartialDate, Stance, Thread};
use lanes::{collapsed_by_rule, LaneFolds, UNTHREADED};
use scale::{Scale, Window};
use std::collections::{BTreeMap, BTreeSet};

/// Number of outlet colours (`--outlet-0` .. `--outlet-7` in the CSS).
pub const OUTLET_COLOURS: usize = 8;

/// Drawing units of the chart (the SVG's viewBox width is `CHART_WIDTH`).
pub const CHART_WIDTH: f64 = 960.0;
pub const PLOT_LEFT: f64 = 16.0;
pub const PLOT_RIGHT: f64 = CHART_WIDTH - 16.0;
pub const AXIS_HEIGHT: f64 = 30.0;
pub const LANE_LABEL: f64 = 20.0;
pub const ROW_HEIGHT: f64 = 16.0;
pub const LANE_GAP: f64 = 8.0;
/// A collapsed lane: its label row and a thin density strip under it, less
/// than the label row and one row of marks of an expanded lane.
pub const COLLAPSED_HEIGHT: f64 = LANE_LABEL + 8.0;
/// Width of a density strip's bins: about one glyph.
pub const DENSITY_BIN: f64 = 2.0 * GLYPH_RADIUS;
/// Half the width of a stance glyph.
pub const GLYPH_RADIUS: f64 = 5.0;
/// Free space kept between two marks drawn on the same row.
const MARK_GAP: f64 = 3.0;
/// A lane drawn as counts: one row for the bars and their labels.
pub const COUNT_ROW: f64 = 32.0;
/// The tallest count bar (the largest count in the chart) and the lowest.
pub const COUNT_BAR: f64 = 16.0;
const COUNT_BAR_MIN: f64 = 3.0;

/// The claims (indices into `corpus.claims`) that the explorer's
/// `filters` let through. With no filter that is every claim, found without
/// building the explorer's index, which takes about a second at thousands
/// of articles.
pub fn claims_matching(corpus: &CorpusRef, filters: &Filters) -> Vec<usize> {
    if filters.is_empty() {
        return (0..corpus.claims.len()).collect();
    }
    explore_index(corpus)
        .run(filters, ResultsAs::Claims)
        .matches
}

/// Colours by outlet: every outlet of the corpus, sorted by name, takes the
/// next colour of a fixed palette, so a colour means the same outlet in
/// every view and after any filter.
#[derive(Debug, Clone, PartialEq)]
pub struct OutletPalette {
    outlets: Vec<String>,
}

impl OutletPalette {
    pub fn new(corpus: &Corpus) -> OutletPalette {
        OutletPalette::of(corpus.documents.iter().map(outlet_of))
    }

    /// The palette of a big site's outlets, as its thread index names
    /// them: the same colours as the whole corpus's.
    pub fn of_index(index: &ThreadIndex) -> OutletPalette {
        OutletPalette::of(index.outlets.iter().map(|o| o.name.clone()))
    }

    fn of(names: impl Iterator<Item = String>) -> OutletPalette {
        let outlets: BTreeSet<String> = names.collect();
        OutletPalette {
            outlets: outlets.into_iter().collect(),
        }
    }

    /// The colour number (0..[`OUTLET_COLOURS`]) of an outlet.
    pub fn colour(&self, outlet: &str) -> usize {
        self.outlets.iter().position(|o| o == outlet).unwrap_or(0) % OUTLET_COLOURS
    }

    pub fn outlets(&self) -> &[String] {
        &self.outlets
    }
}

/// How a stance is drawn, so it reads without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// Asserted: a filled circle.
    Disc,
    /// Expected: a triangle pointing forward in time.
    Arrowhead,
    /// Hedged: a diamond.
    Diamond,
    /// Denied: a cross.
    Cross,
    /// Unconfirmed: an open square.
    OpenSquare,
}

pub fn glyph(stance: Stance) -> Glyph {
    match stance {
        Stance::Asserted => Glyph::Disc,
        Stance::Expected => Glyph::Arrowhead,
        Stance::Hedged => Glyph::Diamond,
        Stance::Denied => Glyph::Cross,
        Stance::Unconfirmed => Glyph::OpenSquare,
    }
}

/// A claim drawn in one lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark<'a> {
    pub claim: &'a Claim,
    pub document: Option<&'a Document>,
    pub outlet: String,
    /// The thread of the lane it is drawn in (`None`: no event thread).
    pub thread: Option<&'a Thread>,
    pub first_day: i64,
    pub last_day: i64,
    /// The day the article was published, if known.
    pub published_day: Option<i64>,
}

impl Mark<'_> {
    /// Unique among marks: a claim about two events is drawn in two lanes.
    pub fn key(&self) -> String {
        format!(
            "{}|{}",
            self.thread.map(|t| t.id.as_str()).unwrap_or(""),
            self.claim.id
        )
    }

    pub fn is_span(&self) -> bool {
        self.last_day > self.first_day
    }

    /// The publication date is drawn apart from the event, linked to it,
    /// when it falls outside the days the event covers.
    pub fn reported_apart(&self) -> Option<i64> {
        self.published_day
            .filter(|&p| p < self.first_day || p > self.last_day)
    }
}

/// One event thread and the claims about it, earliest first: each drawn
/// as a mark, or in a big site's first view, only counted from its thread
/// index (`tallies`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lane<'a> {
    pub thread: Option<&'a Thread>,
    pub marks: Vec<Mark<'a>>,
    /// Claims counted by the days their event covers, not loaded: a lane
    /// with tallies is drawn as counts at any zoom.
    pub tallies: Vec<Tally>,
    /// The first and last publication day of the tallied claims.
    pub reported: Option<(i64, i64)>,
}

impl Lane<'_> {
    /// Its claims, drawn or counted.
    pub fn claims(&self) -> usize {
        self.marks.len()
            + self
                .tallies
                .iter()
                .map(|t| t.claims as usize)
                .sum::<usize>()
    }

    /// Its claims as first day, last day and how many: one per mark, one
    /// per tally.
    pub fn spans(&self) -> impl Iterator<Item = (i64, i64, usize)> + '_ {
        let marks = self.marks.iter().map(|m| (m.first_day, m.last_day, 1));
        let tallies = (self.tallies.iter()).map(|t| {
            (
                i64::from(t.first_day),
                i64::from(t.last_day),
                t.claims as usize,
            )
        });
        marks.chain(tallies)
    }

    /// Whether some of its claims are counted only.
    pub fn is_counted(&self) -> bool {
        !self.tallies.is_empty()
    }

    pub fn label(&self) -> &str {
        self.thread
            .map(|t| t.label.as_str())
            .unwrap_or("Claims without an event thread")
    }

    pub fn thread_id(&self) -> &str {
        self.thread.map(|t| t.id.as_str()).unwrap_or("")
    }

    /// How the URL names this lane when it is collapsed or expanded.
    pub fn fold_id(&self) -> &str {
        self.thread.map(|t| t.id.as_str()).unwrap_or(UNTHREADED)
    }
}

/// Everything the timeline shows for a set of claims.
#[derive(Debug, Clone, PartialEq, yoke::Yokeable)]
pub struct Timeline<'a> {
    pub lanes: Vec<Lane<'a>>,
    /// Claims with no event date: listed, never dropped.
    pub undated: Vec<&'a Claim>,
    /// The claims on the timeline, in corpus order.
    pub claims: Vec<&'a Claim>,
    /// Claims with no event date that are counted, not listed (a big
    /// site's first timeline).
    pub undated_count: usize,
    /// Claims counted, not listed in `claims` (each once, also when it is
    /// in several threads' lanes).
    pub counted_claims: usize,
}

/// Which counted claims a timeline from the thread index keeps: those of
/// the outlets and stances the filters choose (the only filters it can
/// apply: [`counts_from_index`]).
struct CountedClaims {
    /// Per outlet of the index: whether it is chosen.
    outlets: Vec<bool>,
    /// Per stance, in [`STANCES`] order: whether it is chosen.
    stances: [bool; STANCES.len()],
}

impl CountedClaims {
    fn new(index: &ThreadIndex, filters: &Filters) -> Self {
        let outlets = (index.outlets.iter())
            .map(|o| filters.outlets.is_empty() || filters.outlets.contains(&o.name))
            .collect();
        let stances = STANCES.map(|s| filters.stances.is_empty() || filters.stances.contains(&s));
        CountedClaims { outlets, stances }
    }

    fn narrowed(&self) -> bool {
        self.outlets.contains(&false) || self.stances.contains(&false)
    }

    fn has(&self, tally: &Tally) -> bool {
        let outlet = self.outlets.get(tally.outlet as usize);
        // A claim of no known outlet stays unless outlets are chosen.
        let outlet = outlet.copied().unwrap_or(!self.outlets.contains(&false));
        outlet && self.stances[usize::from(tally.stance)]
    }

    /// The claims of chosen outlets and stances among `per_outlet`.
    fn sum(&self, per_outlet: &[[u32; STANCES.len()]]) -> u32 {
        (per_outlet.iter().zip(&self.outlets))
            .filter(|(_, &chosen)| chosen)
            .flat_map(|(stances, _)| stances.iter().zip(&self.stances))
            .filter(|(_, &chosen)| chosen)
            .map(|(claims, _)| claims)
            .sum()
    }
}

/// Whether a big site's timeline of `filters` is counted from its thread
/// index: no filter, or only outlets and stances.
pub fn counts_from_index(filters: &Filters) -> bool {
    Filters {
        outlets: Default::default(),
        stances: Default::default(),
        ..filters.clone()
    }
    .is_empty()
}

/// A timeline held with the corpus or thread index it shows (memoised
/// across renders and passed to the chart, table and history).
pub type TimelineRef = crate::shared::Held<Timeline<'static>>;

/// Earliest story first; claims without a thread last.
fn sort_lanes(lanes: &mut [Lane]) {
    lanes.sort_by_key(|lane| {
        (
            lane.thread.is_none(),
            lane.spans().map(|(first, _, _)| first).min(),
            lane.label().to_string(),
        )
    });
}

impl<'a> Timeline<'a> {
    /// The timeline of `claims` (indices into `corpus.claims`, e.g. the
    /// explorer's matches). A claim gets a mark in the lane of each thread
    /// it belongs to; claims without a thread share a last lane. When
    /// `threads` is not empty, only those threads get lanes.
    pub fn build(corpus: &'a Corpus, claims: &[usize], threads: &BTreeSet<String>) -> Self {
        let documents: BTreeMap<&str, &Document> = corpus
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d))
            .collect();
        let thread_by_id: BTreeMap<&str, &Thread> =
            corpus.threads.iter().map(|t| (t.id.as_str(), t)).collect();
        let mut lanes: BTreeMap<Option<&str>, Vec<Mark>> = BTreeMap::new();
        let mut undated = Vec::new();
        let mut listed = Vec::new();
        for claim in claims.iter().filter_map(|&i| corpus.claims.get(i)) {
            listed.push(claim);
            let Some(date) = &claim.event_date else {
                undated.push(claim);
                continue;
            };
            let (first_day, last_day) = covered_days(date, claim.event_date_precision);
            let document = documents.get(claim.doc.as_str()).copied();
            let mut lane_threads: Vec<Option<&str>> = claim
                .threads
                .iter()
                .map(|t| t.as_str())
                .filter(|t| threads.is_empty() || threads.contains(*t))
                .map(Some)
                .collect();
            if claim.threads.is_empty() && threads.is_empty() {
                lane_threads.push(None);
            }
            for lane in lane_threads {
                lanes.entry(lane).or_default().push(Mark {
                    claim,
                    document,
                    outlet: document.map(outlet_of).unwrap_or_default(),
                    thread: lane.and_then(|id| thread_by_id.get(id).copied()),
                    first_day,
                    last_day,
                    published_day: document
                        .and_then(|d| d.published.as_ref())
                        .map(PartialDate::first_day_number),
                });
            }
        }
        let mut lanes: Vec<Lane> = lanes
            .into_values()
            .map(|mut marks| {
                marks.sort_by_key(|m| (m.first_day, m.last_day));
                Lane {
                    thread: marks.first().and_then(|m| m.thread),
                    marks,
                    ..Lane::default()
                }
            })
            .collect();
        sort_lanes(&mut lanes);
        Timeline {
            lanes,
            undated,
            claims: listed,
            undated_count: 0,
            counted_claims: 0,
        }
    }

    /// A big site's first timeline, from its thread index: a lane per
    /// thread with dated claims (and one for claims in no thread), each
    /// counted, none loaded. The same lanes, in the same order, with the
    /// same counts as [`Timeline::build`] of every claim. Narrowed by
    /// `filters` to some outlets or stances ([`counts_from_index`]), it
    /// counts theirs; a lane then keeps its whole thread's publication
    /// span, so the default window may be wider.
    pub fn from_index(index: &'a ThreadIndex, filters: &Filters) -> Self {
        let reported = |range: Option<(i32, i32)>| range.map(|(a, b)| (i64::from(a), i64::from(b)));
        let counted = CountedClaims::new(index, filters);
        let lane = |thread, days: &[Tally], span| Lane {
            thread,
            tallies: days.iter().filter(|t| counted.has(t)).copied().collect(),
            reported: reported(span),
            ..Lane::default()
        };
        let threads = (index.threads.iter())
            .map(|summary| lane(Some(&summary.thread), &summary.days, summary.reported));
        let lone = lane(None, &index.unthreaded_days, index.unthreaded_reported);
        let mut lanes: Vec<Lane> = threads
            .chain(std::iter::once(lone))
            .filter(|lane| !lane.tallies.is_empty())
            .collect();
        sort_lanes(&mut lanes);
        let (claims, undated) = match counted.narrowed() {
            false => (index.claims, index.undated),
            true => (
                counted.sum(&index.outlet_claims),
                counted.sum(&index.outlet_undated),
            ),
        };
        Timeline {
            lanes,
            undated: Vec::new(),
            claims: Vec::new(),
            undated_count: undated as usize,
            counted_claims: claims as usize,
        }
    }

    /// Claims on the timeline, listed or counted.
    pub fn claim_count(&self) -> usize {
        self.claims.len() + self.counted_claims
    }

    /// Whether its claims are counted only (a big site's first timeline).
    pub fn is_counted(&self) -> bool {
        self.lanes.iter().any(Lane::is_counted)
    }

    /// The first and last day of any event or publication drawn.
    pub fn extent(&self) -> Option<(i64, i64)> {
        let marks = self.lanes.iter().flat_map(|l| &l.marks).flat_map(|m| {
            [Some(m.first_day), Some(m.last_day), m.published_day]
                .into_iter()
                .flatten()
        });
        let counted = self.lanes.iter().flat_map(|lane| {
            let reported = lane.reported.into_iter().flat_map(|(a, b)| [a, b]);
            (lane.tallies.iter())
                .flat_map(|t| [i64::from(t.first_day), i64::from(t.last_day)])
                .chain(reported)
        });
        let days = marks.chain(counted);
        let (mut first, mut last) = (i64::MAX, i64::MIN);
        for day in days {
            first = first.min(day);
            last = last.max(day);
        }
        (first <= last).then_some((first, last))
    }

    /// The window shown when the URL names none: all marks, with a margin.
    pub fn default_window(&self) -> Window {
        match self.extent() {
            Some((first, last)) => Window::around(first, last),
            None => Window::around(0, 0),
        }
    }

    /// The lane of a thread, if it has one.
    /// The claims with a mark in `window` (collapsed lanes included:
    /// collapsing tidies the chart, it does not filter) and the undated
    /// ones, in corpus order: what the downloads save.
    pub fn claims_in(&self, window: Window) -> Vec<&'a Claim> {
        let shown: BTreeSet<&str> = (self.lanes.iter())
            .flat_map(|l| &l.marks)
            .filter(|m| window.overlaps(m.first_day, m.last_day))
            .map(|m| m.claim)
            .chain(self.undated.iter().copied())
            .map(|c| c.id.as_str())
            .collect();
        (self.claims.iter().copied())
            .filter(|c| shown.contains(c.id.as_str()))
            .collect()
    }

    pub fn lane_of(&self, thread: &str) -> Option<&Lane<'a>> {
        self.lanes.iter().find(|l| l.thread_id() == thread)
    }

    /// Per lane, in lane order: whether the automatic rule collapses it.
    pub fn collapsed_by_rule(&self) -> Vec<bool> {
        collapsed_by_rule(&self.lanes)
    }

    /// Per lane, in lane order: whether it is collapsed under `folds`.
    pub fn collapsed(&self, folds: &LaneFolds) -> Vec<bool> {
        self.lanes
            .iter()
            .zip(self.collapsed_by_rule())
            .map(|(lane, by_rule)| folds.is_collapsed(lane.fold_id(), by_rule))
            .collect()
    }
}

/// A mark placed on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedMark<'t, 'a> {
    pub mark: &'t Mark<'a>,
    pub lane: usize,
    pub row: usize,
    /// The event's days, clipped to the window.
    pub x_start: f64,
    pub x_end: f64,
    /// Where the stance glyph sits: the middle of the day, or of the
    /// visible part of a span.
    pub x: f64,
    pub y: f64,
    /// Where the publication date is drawn, clipped to the window, when it
    /// lies apart from the event.
    pub reported_x: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLane<'t, 'a> {
    pub lane: &'t Lane<'a>,
    pub top: f64,
    pub height: f64,
    /// Drawn as one short band: no marks, only `density`.
    pub collapsed: bool,
    /// What the automatic rule says for this lane, so a toggle records
    /// only a choice against it.
    pub collapsed_by_rule: bool,
    /// Empty when collapsed.
    pub marks: Vec<PlacedMark<'t, 'a>>,
    /// Where a collapsed lane's marks in the window fall; empty when
    /// expanded.
    pub density: Vec<DensityBin>,
    /// The lane's marks in the window counted per period, when the window
    /// holds too many to draw; then `marks` is empty.
    pub counts: Vec<PlacedCount>,
}

/// A count of one lane's marks in one period, placed on the chart: a bar
/// across the period (clipped to the window), as tall as its count is
/// large next to the largest, with the count written above it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlacedCount {
    pub count: Count,
    pub lane: usize,
    pub x_start: f64,
    pub x_end: f64,
    /// The top of the bar; it ends at `bottom`.
    pub top: f64,
    pub bottom: f64,
}

impl PlacedCount {
    /// The middle of the bar, where its label is written.
    pub fn x(&self) -> f64 {
        (self.x_start + self.x_end) / 2.0
    }
}

/// A stretch of a collapsed lane's strip and how many of its marks fall
/// there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DensityBin {
    pub x_start: f64,
    pub x_end: f64,
    pub marks: usize,
}

/// The chart's geometry for one window: lanes stacked under the axis, and
/// marks that would overlap moved to further rows of their lane.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout<'t, 'a> {
    pub scale: Scale,
    pub lanes: Vec<PlacedLane<'t, 'a>>,
    pub height: f64,
    /// Marks of expanded lanes outside the window.
    pub hidden: usize,
    /// Marks in the window that collapsed lanes do not draw.
    pub folded: usize,
    /// Lanes past the ones drawn ([`LaneFolds::shown`]).
    pub unshown: usize,
    /// Set when expanded lanes hold more marks in the window than the chart
    /// draws one by one: they are counted per this period instead.
    pub period: Option<Period>,
}

impl<'t, 'a> Layout<'t, 'a> {
    /// The layout of a window, drawing marks one by one up to
    /// [`MARK_LIMIT`] in expanded lanes and counting them above it.
    pub fn new(timeline: &'t Timeline<'a>, window: Window, folds: &LaneFolds) -> Self {
        Layout::with_limit(timeline, window, folds, MARK_LIMIT)
    }

    /// [`Layout::new`] with another limit (the browser tests draw counts
    /// with the seeds' few marks).
    pub fn with_limit(
        timeline: &'t Timeline<'a>,
        window: Window,
        folds: &LaneFolds,
        limit: usize,
    ) -> Self {
        let scale = Scale {
            window,
            left: PLOT_LEFT,
            right: PLOT_RIGHT,
        };
        let by_rule = timeline.collapsed_by_rule();
        let shown = folds.shown().min(timeline.lanes.len());
        let lanes = &timeline.lanes[..shown];
        let collapsed: Vec<bool> = lanes
            .iter()
            .zip(&by_rule)
            .map(|(lane, &by_rule)| folds.is_collapsed(lane.fold_id(), by_rule))
            .collect();
        let in_window: usize = lanes
            .iter()
            .zip(&collapsed)
            .filter(|(_, &collapsed)| !collapsed)
            .map(|(lane, _)| {
                (lane.spans())
                    .filter(|&(first, last, _)| window.overlaps(first, last))
                    .map(|(_, _, claims)| claims)
                    .sum::<usize>()
            })
            .sum();
        let counted_only = timeline.is_counted();
        let period = (in_window > limit || counted_only).then(|| Period::for_window(window));
        let counts: Vec<Vec<Count>> = lanes
            .iter()
            .zip(&collapsed)
            .map(|(lane, &collapsed)| match period {
                Some(period) if !collapsed => aggregate::counts(lane.spans(), window, period),
                _ => Vec::new(),
            })
            .collect();
        let largest = counts.iter().flatten().map(|c| c.marks).max().unwrap_or(1);
        let mut layout = Layout {
            scale,
            lanes: Vec::new(),
            height: AXIS_HEIGHT,
            hidden: 0,
            folded: 0,
            unshown: timeline.lanes.len() - shown,
            period,
        };
        for (index, (lane, lane_counts)) in lanes.iter().zip(counts).enumerate() {
            let mut placed = if collapsed[index] {
                layout.fold_lane(lane)
            } else if period.is_some() {
                layout.count_lane(lane, index, lane_counts, largest)
            } else {
                layout.place_lane(lane, index)
            };
            placed.collapsed_by_rule = by_rule[index];
            layout.height += placed.height + LANE_GAP;
            layout.lanes.push(placed);
        }
        layout
    }

    /// An expanded lane drawn as counts, at the bottom of the layout so far.
    fn count_lane(
        &mut self,
        lane: &'t Lane<'a>,
        index: usize,
        counts: Vec<Count>,
        largest: usize,
    ) -> PlacedLane<'t, 'a> {
        let (scale, top) = (self.scale, self.height);
        let window = scale.window;
        self.hidden += (lane.spans())
            .filter(|&(first, last, _)| !window.overlaps(first, last))
            .map(|(_, _, claims)| claims)
            .sum::<usize>();
        let bottom = top + LANE_LABEL + COUNT_ROW - 2.0;
        let counts = counts
            .into_iter()
            .map(|count| {
                let share = (count.marks as f64 / largest.max(1) as f64).sqrt();
                let x_start = scale.clamp(scale.x(count.first_day as f64));
                let x_end = scale.clamp(scale.x(count.last_day as f64 + 1.0));
                PlacedCount {
                    count,
                    lane: index,
                    // A sliver of space between neighbouring periods.
                    x_start: x_start + 0.5,
                    x_end: (x_end - 0.5).max(x_start + 1.5),
                    top: bottom - COUNT_BAR_MIN - (COUNT_BAR - COUNT_BAR_MIN) * share,
                    bottom,
                }
            })
            .collect();
        PlacedLane {
            lane,
            top,
            height: LANE_LABEL + COUNT_ROW,
            collapsed: false,
            collapsed_by_rule: false,
            marks: Vec::new(),
            density: Vec::new(),
            counts,
        }
    }

    /// A collapsed lane at the bottom of the layout so far.
    fn fold_lane(&mut self, lane: &'t Lane<'a>) -> PlacedLane<'t, 'a> {
        let window = self.scale.window;
        let mut bins: BTreeMap<i64, usize> = BTreeMap::new();
        for (first, last, claims) in lane.spans() {
            if !window.overlaps(first, last) {
                continue;
            }
            self.folded += claims;
            let x_start = self.scale.clamp(self.scale.x(first as f64));
            let x_end = self.scale.clamp(self.scale.x(last as f64 + 1.0));
            let bin = (((x_start + x_end) / 2.0 - PLOT_LEFT) / DENSITY_BIN).floor() as i64;
            *bins.entry(bin).or_default() += claims;
        }
        let density = bins
            .into_iter()
            .map(|(bin, marks)| {
                let x_start = PLOT_LEFT + bin as f64 * DENSITY_BIN;
                DensityBin {
                    x_start,
                    x_end: (x_start + DENSITY_BIN).min(PLOT_RIGHT),
                    marks,
                }
            })
            .collect();
        PlacedLane {
            lane,
            top: self.height,
            height: COLLAPSED_HEIGHT,
            collapsed: true,
            collapsed_by_rule: true,
            marks: Vec::new(),
            density,
            counts: Vec::new(),
        }
    }

    /// An expanded lane at the bottom of the layout so far, its marks on
    /// as many rows as they need not to overlap.
    fn place_lane(&mut self, lane: &'t Lane<'a>, index: usize) -> PlacedLane<'t, 'a> {
        let (scale, top) = (self.scale, self.height);
        let mut rows: Vec<f64> = Vec::new();
        let mut marks = Vec::new();
        for mark in &lane.marks {
            if !scale.window.overlaps(mark.first_day, mark.last_day) {
                self.hidden += 1;
                continue;
            }
            let x_start = scale.clamp(scale.x(mark.first_day as f64));
            let x_end = scale.clamp(scale.x(mark.last_day as f64 + 1.0));
            let x = (x_start + x_end) / 2.0;
            let reported_x = mark
                .reported_apart()
                .map(|day| scale.clamp(scale.x(day as f64 + 0.5)));
            let reach = reported_x.into_iter().chain([x_start, x - GLYPH_RADIUS]);
            let left = reach.fold(f64::MAX, f64::min);
            let right = reported_x
                .into_iter()
                .chain([x_end, x + GLYPH_RADIUS])
                .fold(f64::MIN, f64::max);
            let row = match rows.iter().position(|&end| end + MARK_GAP <= left) {
                Some(row) => row,
                None => {
                    rows.push(f64::MIN);
                    rows.len() - 1
                }
            };
            rows[row] = right;
            marks.push(PlacedMark {
                mark,
                lane: index,
                row,
                x_start,
                x_end,
                x,
                y: top + LANE_LABEL + ROW_HEIGHT * (row as f64 + 0.5),
                reported_x,
            });
        }
        PlacedLane {
            lane,
            top,
            height: LANE_LABEL + ROW_HEIGHT * rows.len().max(1) as f64,
            collapsed: false,
            collapsed_by_rule: false,
            marks,
            density: Vec::new(),
            counts: Vec::new(),
        }
    }

    pub fn marks(&self) -> impl Iterator<Item = &PlacedMark<'t, 'a>> {
        self.lanes.iter().flat_map(|l| &l.marks)
    }

    /// Every count drawn, lane by lane (empty unless `period` is set).
    pub fn counts(&self) -> impl Iterator<Item = &PlacedCount> {
        self.lanes.iter().flat_map(|l| &l.counts)
    }

    pub fn find(&self, key: &str) -> Option<&PlacedMark<'t, 'a>> {
        self.marks().find(|m| m.mark.key() == key)
    }

    /// The first mark of a claim, for a selection that names only the claim.
    pub fn find_claim(&self, claim: &str) -> Option<&PlacedMark<'t, 'a>> {
        self.marks().find(|m| m.mark.claim.id == claim)
    }

    /// Where a keyboard move from the mark `key` lands.
    pub fn neighbour(&self, key: &str, towards: Towards) -> Option<&PlacedMark<'t, 'a>> {
        let current = self.find(key)?;
        let lane = &self.lanes[current.lane];
        let in_lane = lane.marks.iter().position(|m| m.mark.key() == key)?;
        match towards {
            Towards::Earlier => in_lane.checked_sub(1).and_then(|i| lane.marks.get(i)),
            Towards::Later => lane.marks.get(in_lane + 1),
            Towards::LaneAbove | Towards::LaneBelow => {
                let lanes: Vec<&PlacedLane> = if towards == Towards::LaneAbove {
                    self.lanes[..current.lane].iter().rev().collect()
                } else {
                    self.lanes[current.lane + 1..].iter().collect()
                };
                lanes
                    .into_iter()
                    .find(|l| !l.marks.is_empty())
                    .and_then(|l| {
                        l.marks.iter().min_by(|a, b| {
                            (a.x - current.x).abs().total_cmp(&(b.x - current.x).abs())
                        })
                    })
            }
        }
    }
}

/// Arrow-key moves between marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Towards {
    Earlier,
    Later,
    LaneAbove,
    LaneBelow,
}

/// The words a screen reader says for a mark: outlet, stance, source,
/// event date and when it was reported.
pub fn describe(mark: &Mark) -> String {
    let claim = mark.claim;
    let when = claim
        .event_date
        .as_ref()
        .map(|d| event_date_words(d, claim.event_date_precision))
        .unwrap_or_else(|| "undated".to_string());
    let reported = mark
        .document
        .and_then(|d| d.published.as_ref())
        .map(|d| format!(", reported {}", crate::format::date(&d.date_only())))
        .unwrap_or_default();
    format!(
        "{}, {}, source: {}; {when}{reported}",
        if mark.outlet.is_empty() {
            "Unknown outlet"
        } else {
            &mark.outlet
        },
        claim.stance.as_str(),
        claim.attribution,
    )
}

/// "1 Nov 2022", "Mar 2024 (season)", "week of 9 Sep 2024".
pub fn event_date_words(date: &PartialDate, precision: Option<Precision>) -> String {
    match precision.unwrap_or_else(|| date.precision()) {
        Precision::Week => format!("week of {}", crate::format::date(date)),
        Precision::Season => format!("{} (season)", crate::format::date(date)),
        _ => crate::format::date(date),
    }
}

/// The word for a date's precision.
pub fn precision_name(precision: Option<Precision>) -> &'static str {
    match precision {
        Some(Precision::Year) => "year",
        Some(Precision::Season) => "season",
        Some(Precision::Month) => "month",
        Some(Precision::Week) => "week",
        Some(Precision::Day) => "day",
        Some(Precision::Time) => "time",
        None => "none",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus_data::corpus;
    use crate::explore::ResultsAs;
    use crate::filters::Filters;
    use lanes::{LANES_SHOWN, OPEN_LANES};

    fn date(text: &str) -> PartialDate {
        PartialDate::parse_iso(text).unwrap()
    }

    /// Every lane expanded, so a test sees every mark.
    fn all_open() -> LaneFolds {
        LaneFolds::all(false)
    }

    fn all_claims() -> Vec<usize> {
        (0..corpus().unwrap().claims.len()).collect()
    }

    #[test]
    fn imprecise_dates_cover_their_whole_period() {
        let day = |t: &str| date(t).first_day_number();
        assert_eq!(
            covered_days(&date("2024-09-17"), Some(Precision::Day)),
            (day("2024-09-17"), day("2024-09-17"))
        );
        assert_eq!(
            covered_days(&date("2024-02"), Some(Precision::Month)),
            (day("2024-02-01"), day("2024-02-29"))
        );
        assert_eq!(
            covered_days(&date("2024-03"), Some(Precision::Season)),
            (day("2024-03-01"), day("2024-05-31"))
        );
        assert_eq!(
            covered_days(&date("2024-09-09"), Some(Precision::Week)),
            (day("2024-09-09"), day("2024-09-15"))
        );
        assert_eq!(
            covered_days(&date("2022"), Some(Precision::Year)),
            (day("2022-01-01"), day("2022-12-31"))
        );
        assert_eq!(
            covered_days(&date("2023-03-03T12:36"), None),
            (day("2023-03-03"), day("2023-03-03"))
        );
    }

    #[test]
    fn every_claim_thread_pair_gets_one_mark_and_no_claim_is_dropped() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let mut expected = 0;
        for claim in &corpus.claims {
            if claim.event_date.is_none() {
                assert!(timeline.undated.iter().any(|c| c.id == claim.id));
                continue;
            }
            expected += claim.threads.len().max(1);
            for thread in &claim.threads {
                let lane = timeline.lane_of(thread).expect("a lane per thread");
                assert_eq!(
                    lane.marks.iter().filter(|m| m.claim.id == claim.id).count(),
                    1
                );
            }
        }
        let drawn: usize = timeline.lanes.iter().map(|l| l.marks.len()).sum();
        assert_eq!(drawn, expected);
        assert_eq!(timeline.claims.len(), corpus.claims.len());
        let last = timeline.lanes.last().unwrap();
        assert!(
            last.thread.is_none() || corpus.claims.iter().all(|c| !c.threads.is_empty()),
            "claims without a thread come last"
        );
    }

    #[test]
    fn explorer_filters_choose_the_claims_and_lanes() {
        let corpus = corpus().unwrap();
        let thread = "supply:iran>russia:ballistic-missiles".to_string();
        let filters = Filters {
            threads: [thread.clone()].into(),
            stances: [Stance::Expected].into(),
            ..Filters::default()
        };
        let index = crate::explore::ExploreIndex::build(corpus);
        let matches = index.run(&filters, ResultsAs::Claims).matches;
        let timeline = Timeline::build(corpus, &matches, &filters.threads);
        assert_eq!(timeline.lanes.len(), 1);
        assert_eq!(timeline.lanes[0].thread_id(), thread);
        assert!(!timeline.lanes[0].marks.is_empty());
        for mark in &timeline.lanes[0].marks {
            assert_eq!(mark.claim.stance, Stance::Expected);
            assert!(mark.claim.threads.contains(&thread));
        }
    }

    #[test]
    fn marks_sit_at_their_event_and_link_to_their_publication() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let window = timeline.default_window();
        let layout = Layout::new(&timeline, window, &all_open());
        assert_eq!(layout.hidden, 0, "the default window shows every mark");
        let scale = layout.scale;
        for placed in layout.marks() {
            let mark = placed.mark;
            assert_eq!(placed.x_start, scale.x(mark.first_day as f64));
            assert_eq!(placed.x_end, scale.x(mark.last_day as f64 + 1.0));
            let lane = &layout.lanes[placed.lane];
            assert!(placed.y > lane.top && placed.y < lane.top + lane.height);
            match mark.reported_apart() {
                Some(day) => assert_eq!(placed.reported_x, Some(scale.x(day as f64 + 0.5))),
                None => assert_eq!(placed.reported_x, None),
            }
        }
        // A report that dates its event a year earlier is linked to it.
        assert!(layout
            .marks()
            .any(|m| m.reported_x.is_some_and(|r| r - m.x > 100.0)));
    }

    #[test]
    fn marks_on_one_row_never_overlap() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let layout = Layout::new(&timeline, timeline.default_window(), &all_open());
        for lane in &layout.lanes {
            for (i, a) in lane.marks.iter().enumerate() {
                for b in &lane.marks[i + 1..] {
                    if a.row == b.row {
                        let gap = (a.x - b.x).abs();
                        assert!(
                            gap >= 2.0 * GLYPH_RADIUS,
                            "{} {}",
                            a.mark.key(),
                            b.mark.key()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn zooming_in_hides_marks_outside_the_window() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let window = Window::from_dates(&(date("2023-01"), date("2023-01")));
        let layout = Layout::new(&timeline, window, &all_open());
        assert!(layout.hidden > 0);
        for placed in layout.marks() {
            assert!(window.overlaps(placed.mark.first_day, placed.mark.last_day));
            assert!(placed.x_start >= PLOT_LEFT && placed.x_end <= PLOT_RIGHT);
        }
    }

    #[test]
    fn arrow_keys_move_along_a_lane_and_across_lanes() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let layout = Layout::new(&timeline, timeline.default_window(), &all_open());
        let lane = layout.lanes.iter().find(|l| l.marks.len() > 2).unwrap();
        let first = lane.marks[0].mark.key();
        let second = layout.neighbour(&first, Towards::Later).unwrap();
        assert_eq!(second.mark.key(), lane.marks[1].mark.key());
        assert_eq!(
            layout
                .neighbour(&second.mark.key(), Towards::Earlier)
                .unwrap()
                .mark
                .key(),
            first
        );
        assert!(layout.neighbour(&first, Towards::Earlier).is_none());
        let below = layout.neighbour(&first, Towards::LaneBelow).unwrap();
        assert!(below.lane > lane.marks[0].lane);
        let above = layout
            .neighbour(&below.mark.key(), Towards::LaneAbove)
            .unwrap();
        assert!(above.lane < below.lane);
    }

    #[test]
    fn collapsing_a_lane_shrinks_the_chart_and_drops_its_marks() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let window = timeline.default_window();
        let open = Layout::new(&timeline, window, &all_open());
        let index = (0..open.lanes.len())
            .max_by_key(|&i| open.lanes[i].marks.len())
            .unwrap();
        let lane = &timeline.lanes[index];
        let folds = all_open().with_lane(lane.fold_id(), true, false);
        let folded = Layout::new(&timeline, window, &folds);
        let saved = open.lanes[index].height - COLLAPSED_HEIGHT;
        assert!(saved > 0.0);
        assert_eq!(folded.height, open.height - saved);
        assert!(folded.lanes[index].collapsed && folded.lanes[index].marks.is_empty());
        assert!(folded.marks().all(|m| m.lane != index));
        assert_eq!(
            folded.marks().count(),
            open.marks().count() - open.lanes[index].marks.len()
        );
        // The strip still counts every mark the lane has in the window.
        let in_strip: usize = folded.lanes[index].density.iter().map(|b| b.marks).sum();
        assert_eq!(in_strip, open.lanes[index].marks.len());
        assert_eq!(folded.folded, in_strip);
        // Lanes below it move up by what it saved.
        for (after, before) in folded.lanes.iter().zip(&open.lanes).skip(index + 1) {
            assert_eq!(after.top, before.top - saved);
        }
    }

    #[test]
    fn collapsing_every_lane_draws_no_mark() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let layout = Layout::new(&timeline, timeline.default_window(), &LaneFolds::all(true));
        assert_eq!(layout.marks().count(), 0);
        let lanes = timeline.lanes.len() as f64;
        assert_eq!(
            layout.height,
            AXIS_HEIGHT + lanes * (COLLAPSED_HEIGHT + LANE_GAP)
        );
        let marks: usize = timeline.lanes.iter().map(|l| l.marks.len()).sum();
        assert_eq!(layout.folded, marks);
        // With nothing drawn, arrow keys have nowhere to go.
        let any = timeline.lanes[0].marks[0].key();
        assert!(layout.neighbour(&any, Towards::Later).is_none());
    }

    #[test]
    fn a_timeline_draws_its_lanes_a_page_at_a_time() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let window = timeline.default_window();
        let total = timeline.lanes.len();
        assert!(total > 3, "the seeds give {total} lanes");
        let every = Layout::new(&timeline, window, &all_open());
        assert_eq!((every.lanes.len(), every.unshown), (total, 0));
        let two = LaneFolds {
            shown: Some(2),
            ..all_open()
        };
        let first = Layout::new(&timeline, window, &two);
        assert_eq!((first.lanes.len(), first.unshown), (2, total - 2));
        // The lanes drawn are the first ones, placed as in the whole chart.
        for (drawn, whole) in first.lanes.iter().zip(&every.lanes) {
            assert_eq!(drawn.lane.fold_id(), whole.lane.fold_id());
            assert_eq!((drawn.top, drawn.height), (whole.top, whole.height));
        }
        let more = two.with_more_lanes();
        assert_eq!(more.shown(), 2 + LANES_SHOWN);
        assert_eq!(Layout::new(&timeline, window, &more).unshown, 0);
        assert_eq!(LaneFolds::default().shown(), LANES_SHOWN);
    }

    /// Lanes with `counts[i]` marks each (the thread `t:i`), and a last
    /// lane of claims without a thread when `unthreaded` is true.
    fn lanes_of<'a>(threads: &'a [Thread], counts: &[usize], unthreaded: usize) -> Vec<Lane<'a>> {
        let corpus = corpus().unwrap();
        let mark = |thread| Mark {
            claim: &corpus.claims[0],
            document: None,
            outlet: String::new(),
            thread,
            first_day: 0,
            last_day: 0,
            published_day: None,
        };
        let mut lanes: Vec<Lane> = threads
            .iter()
            .zip(counts)
            .map(|(thread, &n)| Lane {
                thread: Some(thread),
                marks: vec![mark(Some(thread)); n],
                ..Lane::default()
            })
            .collect();
        if unthreaded > 0 {
            lanes.push(Lane {
                thread: None,
                marks: vec![mark(None); unthreaded],
                ..Lane::default()
            });
        }
        lanes
    }

    fn threads(n: usize) -> Vec<Thread> {
        let corpus = corpus().unwrap();
        (0..n)
            .map(|i| Thread {
                id: format!("t:{i}"),
                ..corpus.threads[0].clone()
            })
            .collect()
    }

    #[test]
    fn a_big_timeline_expands_the_eight_threads_with_most_claims() {
        let threads = threads(11);
        let counts = [3, 9, 1, 7, 7, 2, 8, 5, 1, 6, 4];
        let lanes = lanes_of(&threads, &counts, 50);
        let collapsed = collapsed_by_rule(&lanes);
        // Most claims: 9, 8, 7, 7, 6, 5, 4, 3; the lanes of 2, 1 and 1
        // claims and the lane without a thread (however big) collapse.
        let shut: Vec<usize> = (0..lanes.len()).filter(|&i| collapsed[i]).collect();
        assert_eq!(shut, vec![2, 5, 8, 11]);
        // Ties keep the earlier lane: of 9 lanes with one claim each, the
        // first 8 open.
        let lanes = lanes_of(&threads[..9], &[1; 9], 0);
        assert_eq!(
            collapsed_by_rule(&lanes),
            [vec![false; 8], vec![true]].concat()
        );
    }

    #[test]
    fn a_small_timeline_expands_every_lane() {
        let threads = threads(7);
        let lanes = lanes_of(&threads, &[1, 2, 3, 4, 5, 6, 7], 1);
        assert_eq!(lanes.len(), OPEN_LANES);
        assert_eq!(collapsed_by_rule(&lanes), vec![false; OPEN_LANES]);
    }

    #[test]
    fn more_marks_than_the_limit_are_drawn_as_counts_that_add_up() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let window = timeline.default_window();
        let drawn = Layout::new(&timeline, window, &all_open());
        assert_eq!(drawn.period, None, "the seeds' marks are drawn one by one");
        let limit = drawn.marks().count() - 1;
        let counted = Layout::with_limit(&timeline, window, &all_open(), limit);
        let period = counted.period.expect("one mark too many: counts");
        assert_eq!(period, aggregate::Period::for_window(window));
        assert_eq!(counted.marks().count(), 0);
        assert_eq!(counted.hidden, drawn.hidden);
        for (lane, open) in counted.lanes.iter().zip(&drawn.lanes) {
            let sum: usize = lane.counts.iter().map(|c| c.count.marks).sum();
            assert_eq!(sum, open.marks.len(), "{}", lane.lane.label());
            assert_eq!(lane.height, LANE_LABEL + COUNT_ROW);
            for count in &lane.counts {
                // Each mark of the lane lies in the period of its count.
                assert!(count.count.marks > 0);
                assert!(count.top < count.bottom && count.top > lane.top + LANE_LABEL);
                assert!(count.bottom < lane.top + lane.height);
                assert!(count.x_start >= PLOT_LEFT && count.x_end <= PLOT_RIGHT);
                assert!(count.x_start < count.x_end);
            }
            for placed in &open.marks {
                let day = aggregate::counted_day(placed.mark, window).unwrap();
                assert!(lane
                    .counts
                    .iter()
                    .any(|c| c.count.first_day <= day && day <= c.count.last_day));
            }
        }
        // The largest count has the tallest bar.
        let height = |c: &PlacedCount| c.bottom - c.top;
        let largest = counted.counts().max_by_key(|c| c.count.marks).unwrap();
        let tallest = counted.counts().map(height).fold(f64::MIN, f64::max);
        assert_eq!(height(largest), tallest);
        assert_eq!(tallest, COUNT_BAR);
    }

    #[test]
    fn zooming_into_a_count_draws_its_claims() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let window = timeline.default_window();
        let limit = 12;
        let counted = Layout::with_limit(&timeline, window, &all_open(), limit);
        assert!(counted.period.is_some());
        // A count whose period holds few enough marks for them to be drawn.
        let (count, zoomed) = counted
            .counts()
            .filter_map(|c| Some((c, c.count.zoomed(window)?)))
            .find(|(_, w)| {
                Layout::with_limit(&timeline, *w, &all_open(), limit)
                    .period
                    .is_none()
            })
            .expect("a count to zoom into");
        let inside = Layout::with_limit(&timeline, zoomed, &all_open(), limit);
        let lane = &inside.lanes[count.lane];
        assert!(lane.counts.is_empty());
        let in_period = lane
            .marks
            .iter()
            .filter(|m| {
                let day = aggregate::counted_day(m.mark, window).unwrap_or(i64::MIN);
                count.count.first_day <= day && day <= count.count.last_day
            })
            .count();
        assert_eq!(in_period, count.count.marks);
    }

    /// A lane of `n` marks spread over the days from `first` on, one a day.
    fn spread_lane(thread: &Thread, n: usize, first: i64, days: i64) -> Lane<'_> {
        let corpus = corpus().unwrap();
        let marks = (0..n as i64)
            .map(|i| Mark {
                claim: &corpus.claims[0],
                document: None,
                outlet: String::new(),
                thread: Some(thread),
                first_day: first + i % days,
                last_day: first + i % days,
                published_day: None,
            })
            .collect();
        Lane {
            thread: Some(thread),
            marks,
            ..Lane::default()
        }
    }

    #[test]
    fn a_corpus_of_tens_of_thousands_of_claims_draws_a_bounded_chart() {
        let threads = threads(4);
        let first = date("2021-01-01").first_day_number();
        let lanes = threads
            .iter()
            .map(|t| spread_lane(t, 10_000, first, 3 * 365))
            .collect();
        let timeline = Timeline {
            lanes,
            undated: Vec::new(),
            claims: Vec::new(),
            undated_count: 0,
            counted_claims: 0,
        };
        let window = timeline.default_window();
        let layout = Layout::new(&timeline, window, &all_open());
        assert_eq!(layout.period, Some(aggregate::Period::for_window(window)));
        assert_eq!(layout.marks().count(), 0);
        assert!(layout.counts().count() <= 4 * aggregate::MAX_COLUMNS);
        assert_eq!(
            layout.counts().map(|c| c.count.marks).sum::<usize>(),
            40_000
        );
        // A month of it, nine marks a day in each lane, is drawn one by one.
        let month = Window::from_dates(&(date("2022-05"), date("2022-05")));
        let layout = Layout::new(&timeline, month, &all_open());
        assert_eq!(layout.period, None);
        assert_eq!(layout.marks().count(), 4 * 31 * 9);
    }

    #[test]
    fn with_no_filter_every_claim_matches_as_the_explorer_says() {
        let corpus = &crate::corpus_data::embedded().unwrap();
        let everything = explore_index(corpus)
            .run(&Filters::default(), ResultsAs::Claims)
            .matches;
        assert_eq!(claims_matching(corpus, &Filters::default()), everything);
        assert_eq!(everything, all_claims());
        let denied = Filters {
            stances: [Stance::Denied].into(),
            ..Filters::default()
        };
        let matches = claims_matching(corpus, &denied);
        assert!(!matches.is_empty() && matches.len() < corpus.claims.len());
        assert!(matches
            .iter()
            .all(|&i| corpus.claims[i].stance == Stance::Denied));
    }

    #[test]
    fn outlet_colours_follow_outlet_order() {
        let corpus = corpus().unwrap();
        let palette = OutletPalette::new(corpus);
        let mut sorted = palette.outlets().to_vec();
        sorted.sort();
        assert_eq!(palette.outlets(), sorted.as_slice());
        for (i, outlet) in palette.outlets().iter().enumerate() {
            assert_eq!(palette.colour(outlet), i % OUTLET_COLOURS);
        }
    }

    #[test]
    fn a_mark_says_outlet_stance_source_and_dates() {
        let corpus = corpus().unwrap();
        let timeline = Timeline::build(corpus, &all_claims(), &BTreeSet::new());
        let mark = &timeline.lanes[0].marks[0];
        let words = describe(mark);
        assert!(words.starts_with(&mark.outlet), "{words}");
        assert!(words.contains(mark.claim.stance.as_str()), "{words}");
        assert!(words.contains(&mark.claim.attribution), "{words}");
        assert!(words.contains("reported"), "{words}");
    }
}
