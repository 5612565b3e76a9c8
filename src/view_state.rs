//! The URL is the serialised view state: `ViewState::from_hash` and
//! `ViewState::to_hash` are the only places that know the URL format, so
//! links, back/forward and reloads all work from one place.
//!
//! Hash routing, so any static host serves every view without rewrites:
//!
//! | view | hash |
//! |---|---|
//! | library | `#/` |
//! | reader | `#/article/<id>?removed=1&p=3&sel=<claim id>&q=<search>` |
//! | explorer | `#/explore?q=..&outlet=A,B&entity=..&thread=..&stance=..&source=..&has=quote,number&from=2023-01&to=2024&as=claims&sel=..` |
//! | compare | `#/compare?focus=<thread>&outlet=..&order=name` or `#/compare?a=<doc>&b=<doc>` |
//! | timeline | `#/timeline?view=2022-10..2024-10&focus=<thread>&lanes=collapsed&lanes-shown=300&collapse=<lane>,..&expand=<lane>,..&sel=<claim id>` plus the explorer's filters |
//!
//! List values are comma-separated and each value is percent-encoded.
//!
//! The `thread=` value `none` stands for claims in no event thread (thread
//! ids always hold a colon).
//!
//! On the timeline, the explorer's `thread=` filter is also the choice of
//! lanes: "only this thread" sets it to one thread, so there is one lane.
//! Collapsed lanes are kept as the difference from a base
//! ([`LaneFolds`](crate::timeline::lanes::LaneFolds)): `lanes=` is
//! `collapsed` or `expanded` after "Collapse all" / "Expand all" and absent
//! for the automatic rule; `collapse=` and `expand=` name lanes (thread ids,
//! `unthreaded` for claims without a thread) set against it.

use crate::compare::OutletOrder;
use crate::explore::ResultsAs;
use crate::filters::{source_from_str, stance_from_str, Filters};
use crate::timeline::lanes::{FoldBase, LaneFolds, LANES_SHOWN};
use crossread_corpus::PartialDate;
use std::collections::BTreeSet;

/// Which page is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Library,
    Article { id: String },
    Explore,
    Compare,
    Timeline,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ViewState {
    pub page: Page,
    /// Reader: list what ingestion removed from the page.
    pub show_removed: bool,
    /// Reader: paragraph to bring into view.
    pub paragraph: Option<usize>,
    /// The selected item: a claim id (reader, timeline, compare) or a
    /// result id (explorer).
    pub selected: Option<String>,
    /// Explorer and timeline filters; the reader uses `filters.text` to
    /// highlight search matches.
    pub filters: Filters,
    pub results_as: ResultsAs,
    /// Compare and timeline: the event thread in focus.
    pub focus: Option<String>,
    /// Compare: two articles side by side.
    pub pair: Option<(String, String)>,
    /// Timeline: the visible date range.
    pub window: Option<(PartialDate, PartialDate)>,
    /// Compare: the order of the matrix's outlet columns.
    pub outlet_order: OutletOrder,
    /// Timeline: which lanes are collapsed.
    pub lanes: LaneFolds,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            page: Page::Library,
            show_removed: false,
            paragraph: None,
            selected: None,
            filters: Filters::default(),
            results_as: ResultsAs::Articles,
            focus: None,
            pair: None,
            window: None,
            outlet_order: OutletOrder::Date,
            lanes: LaneFolds::default(),
        }
    }
}

/// What was wrong with a URL that had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlRepair(pub String);

impl ViewState {
    pub fn library() -> Self {
        ViewState::default()
    }

    pub fn on(page: Page) -> Self {
        ViewState {
            page,
            ..ViewState::default()
        }
    }

    pub fn article(id: &str) -> Self {
        Self::on(Page::Article { id: id.to_string() })
    }

    /// The reader at one claim: its paragraph in view, its sentence marked.
    pub fn claim_in_reader(doc: &str, paragraph: usize, claim: &str) -> Self {
        ViewState {
            paragraph: Some(paragraph),
            selected: Some(claim.to_string()),
            ..Self::article(doc)
        }
    }

    /// The timeline with the lane of `thread` only, expanded, and its
    /// claim history told: the explorer's thread filter set to it.
    pub fn only_thread(&self, thread: &str) -> Self {
        let mut next = self.clone();
        next.filters.threads = BTreeSet::from([thread.to_string()]);
        next.focus = Some(thread.to_string());
        // A lone lane is never collapsed by the automatic rule.
        next.lanes = next.lanes.with_lane(thread, false, false);
        next
    }

    /// The timeline with every thread's lane again (other filters kept).
    pub fn every_thread(&self) -> Self {
        let mut next = self.clone();
        next.filters.threads.clear();
        next
    }

    /// Parses a location hash (with or without the leading `#`). Anything it
    /// cannot read is dropped and reported, never an error.
    pub fn from_hash(hash: &str) -> (ViewState, Option<UrlRepair>) {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .map(percent_decode)
            .collect();
        let mut repairs = Vec::new();
        let page = match segments.as_slice() {
            [] => Page::Library,
            [kind, id] if kind == "article" && !id.is_empty() => Page::Article { id: id.clone() },
            [kind] if kind == "explore" => Page::Explore,
            [kind] if kind == "compare" => Page::Compare,
            [kind] if kind == "timeline" => Page::Timeline,
            _ => {
                repairs.push(format!(
                    "the address “{}” is not a view of this site",
                    percent_decode(path)
                ));
                Page::Library
            }
        };
        let mut state = ViewState::on(page);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            if !state.apply(key, value) {
                repairs.push(format!(
                    "the setting “{}” was not understood",
                    percent_decode(pair)
                ));
            }
        }
        let repair = (!repairs.is_empty()).then(|| {
            UrlRepair(format!(
                "{}; it was ignored.",
                capitalise(&repairs.join("; "))
            ))
        });
        (state, repair)
    }

    /// Applies one query parameter; false if it is not understood.
    fn apply(&mut self, key: &str, value: &str) -> bool {
        let list = || {
            value
                .split(',')
                .filter(|v| !v.is_empty())
                .map(percent_decode)
        };
        let date = |text: &str| PartialDate::parse_iso(&percent_decode(text));
        let filters = &mut self.filters;
        match key {
            "removed" if value == "1" => self.show_removed = true,
            "p" => match value.parse() {
                Ok(p) => self.paragraph = Some(p),
                Err(_) => return false,
            },
            "sel" if !value.is_empty() => self.selected = Some(percent_decode(value)),
            "q" => filters.text = percent_decode(value),
            "outlet" => filters.outlets.extend(list()),
            "entity" => filters.entities.extend(list()),
            "thread" => filters.threads.extend(list()),
            "stance" => match list()
                .map(|s| stance_from_str(&s))
                .collect::<Option<BTreeSet<_>>>()
            {
                Some(stances) => filters.stances.extend(stances),
                None => return false,
            },
            "source" => match list()
                .map(|s| source_from_str(&s))
                .collect::<Option<BTreeSet<_>>>()
            {
                Some(sources) => filters.sources.extend(sources),
                None => return false,
            },
            "has" => {
                for item in list() {
                    match item.as_str() {
                        "quote" => filters.has_quote = true,
                        "number" => filters.has_number = true,
                        _ => return false,
                    }
                }
            }
            "from" => match date(value) {
                Some(d) => filters.from = Some(d),
                None => return false,
            },
            "to" => match date(value) {
                Some(d) => filters.to = Some(d),
                None => return false,
            },
            "as" => match value {
                "claims" => self.results_as = ResultsAs::Claims,
                "articles" => self.results_as = ResultsAs::Articles,
                _ => return false,
            },
            "focus" if !value.is_empty() => self.focus = Some(percent_decode(value)),
            "order" => match OutletOrder::parse(value) {
                Some(order) => self.outlet_order = order,
                None => return false,
            },
            "a" | "b" if !value.is_empty() => {
                let (mut a, mut b) = self.pair.take().unwrap_or_default();
                *(if key == "a" { &mut a } else { &mut b }) = percent_decode(value);
                self.pair = Some((a, b));
            }
            "lanes" => match FoldBase::parse(value) {
                Some(base) => self.lanes.base = base,
                None => return false,
            },
            "lanes-shown" => match value.parse() {
                Ok(shown) if shown > LANES_SHOWN => self.lanes.shown = Some(shown),
                _ => return false,
            },
            "collapse" => self.lanes.collapsed.extend(list()),
            "expand" => self.lanes.expanded.extend(list()),
            "view" => {
                let range = percent_decode(value);
                match range
                    .split_once("..")
                    .and_then(|(a, b)| Some((date(a)?, date(b)?)))
                {
                    Some((start, end)) if start <= end => self.window = Some((start, end)),
                    _ => return false,
                }
            }
            _ => return false,
        }
        true
    }

    /// The hash for this state, starting with `#`.
    pub fn to_hash(&self) -> String {
        let mut hash = match &self.page {
            Page::Library => "#/".to_string(),
            Page::Article { id } => format!("#/article/{}", percent_encode(id)),
            Page::Explore => "#/explore".to_string(),
            Page::Compare => "#/compare".to_string(),
            Page::Timeline => "#/timeline".to_string(),
        };
        let mut params: Vec<String> = Vec::new();
        let mut push = |key: &str, value: String| params.push(format!("{key}={value}"));
        let join = |values: &mut dyn Iterator<Item = &str>| {
            values.map(percent_encode).collect::<Vec<_>>().join(",")
        };
        let f = &self.filters;
        if !f.text.is_empty() {
            push("q", percent_encode(&f.text));
        }
        for (key, values) in [
            ("outlet", &f.outlets),
            ("entity", &f.entities),
            ("thread", &f.threads),
        ] {
            if !values.is_empty() {
                push(key, join(&mut values.iter().map(String::as_str)));
            }
        }
        if !f.stances.is_empty() {
            push("stance", join(&mut f.stances.iter().map(|s| s.as_str())));
        }
        if !f.sources.is_empty() {
            push("source", join(&mut f.sources.iter().map(|s| s.as_str())));
        }
        let has: Vec<&str> = [(f.has_quote, "quote"), (f.has_number, "number")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        if !has.is_empty() {
            push("has", has.join(","));
        }
        if let Some(from) = f.from {
            push("from", from.to_string());
        }
        if let Some(to) = f.to {
            push("to", to.to_string());
        }
        if self.results_as == ResultsAs::Claims {
            push("as", "claims".to_string());
        }
        if let Some(focus) = &self.focus {
            push("focus", percent_encode(focus));
        }
        if self.outlet_order != OutletOrder::Date {
            push("order", self.outlet_order.as_str().to_string());
        }
        if let Some((a, b)) = &self.pair {
            if !a.is_empty() {
                push("a", percent_encode(a));
            }
            if !b.is_empty() {
                push("b", percent_encode(b));
            }
        }
        if let Some((start, end)) = &self.window {
            push("view", format!("{start}..{end}"));
        }
        let lanes = &self.lanes;
        if lanes.base != FoldBase::Auto {
            push("lanes", lanes.base.as_str().to_string());
        }
        if let Some(shown) = lanes.shown.filter(|&n| n > LANES_SHOWN) {
            push("lanes-shown", shown.to_string());
        }
        for (key, values) in [("collapse", &lanes.collapsed), ("expand", &lanes.expanded)] {
            if !values.is_empty() {
                push(key, join(&mut values.iter().map(String::as_str)));
            }
        }
        if self.show_removed {
            push("removed", "1".to_string());
        }
        if let Some(p) = self.paragraph {
            push("p", p.to_string());
        }
        if let Some(selected) = &self.selected {
            push("sel", percent_encode(selected));
        }
        if !params.is_empty() {
            hash.push('?');
            hash.push_str(&params.join("&"));
        }
        hash
    }
}

/// The prerendered page of an article (`article-<id>.html`, next to
/// `index.html`), readable without JavaScript. Characters that are unsafe
/// in file names become `_`.
pub fn article_page_file(id: &str) -> String {
    let safe: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!("article-{safe}.html")
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Percent-encodes everything but unreserved URL characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes (and `+` as space); invalid escapes are kept as text.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[at] {
            b'%' if at + 2 < bytes.len() => match (hex(bytes[at + 1]), hex(bytes[at + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    at += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        at += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossread_corpus::{AttributionKind, Stance};

    fn date(text: &str) -> PartialDate {
        PartialDate::parse_iso(text).unwrap()
    }

    #[test]
    fn states_round_trip_through_the_hash() {
        let explore = ViewState {
            filters: Filters {
                text: "\"north korea\" shells, 50%".into(),
                outlets: ["CNN".to_string(), "Foreign, Policy".to_string()].into(),
                entities: ["iran".to_string()].into(),
                threads: ["supply:iran>russia:ballistic-missiles".to_string()].into(),
                stances: [Stance::Denied, Stance::Expected].into(),
                sources: [AttributionKind::Media].into(),
                has_quote: true,
                has_number: true,
                from: Some(date("2023-01")),
                to: Some(date("2024")),
            },
            results_as: ResultsAs::Claims,
            selected: Some("001#c4".into()),
            ..ViewState::on(Page::Explore)
        };
        let states = [
            ViewState::library(),
            ViewState::article("000_49cd1af24962e648"),
            ViewState {
                show_removed: true,
                paragraph: Some(3),
                ..ViewState::article("a b/ü")
            },
            ViewState::claim_in_reader("doc", 2, "doc#c7"),
            explore,
            ViewState {
                focus: Some("supply:iran>russia:drones".into()),
                ..ViewState::on(Page::Compare)
            },
            ViewState {
                pair: Some(("a".into(), "b".into())),
                ..ViewState::on(Page::Compare)
            },
            ViewState {
                outlet_order: OutletOrder::Events,
                ..ViewState::on(Page::Compare)
            },
            ViewState {
                window: Some((date("2022-10"), date("2024-10-01"))),
                ..ViewState::on(Page::Timeline)
            },
            ViewState {
                lanes: LaneFolds {
                    base: FoldBase::AllCollapsed,
                    collapsed: ["unthreaded".to_string()].into(),
                    expanded: ["event:a, b".to_string(), "x:y>z".to_string()].into(),
                    shown: Some(300),
                },
                filters: Filters {
                    threads: ["event:a, b".to_string()].into(),
                    ..Filters::default()
                },
                ..ViewState::on(Page::Timeline)
            },
        ];
        for state in states {
            let (parsed, repair) = ViewState::from_hash(&state.to_hash());
            assert_eq!(parsed, state, "{}", state.to_hash());
            assert_eq!(repair, None);
        }
    }

    #[test]
    fn only_this_thread_and_back_keep_the_other_settings() {
        let state = ViewState {
            filters: Filters {
                outlets: ["CNN".to_string()].into(),
                threads: ["a:b".to_string(), "c:d".to_string()].into(),
                ..Filters::default()
            },
            lanes: LaneFolds::all(true),
            window: Some((date("2023"), date("2024"))),
            ..ViewState::on(Page::Timeline)
        };
        let only = state.only_thread("c:d");
        assert_eq!(only.filters.threads, BTreeSet::from(["c:d".to_string()]));
        assert_eq!(only.focus.as_deref(), Some("c:d"));
        assert!(!only.lanes.is_collapsed("c:d", false));
        assert_eq!(
            (&only.filters.outlets, only.window),
            (&state.filters.outlets, state.window)
        );
        let back = only.every_thread();
        assert!(back.filters.threads.is_empty());
        assert_eq!(back.filters.outlets, state.filters.outlets);
    }

    #[test]
    fn an_unknown_lane_base_is_repaired() {
        let (state, repair) = ViewState::from_hash("#/timeline?lanes=open&collapse=a:b");
        assert_eq!(state.lanes.base, FoldBase::Auto);
        assert!(state.lanes.collapsed.contains("a:b"));
        assert!(repair.unwrap().0.contains("lanes=open"));
    }

    #[test]
    fn empty_and_bare_hashes_are_the_library() {
        assert_eq!(ViewState::from_hash("").0, ViewState::library());
        assert_eq!(ViewState::from_hash("#").0, ViewState::library());
        assert_eq!(ViewState::from_hash("#/").0, ViewState::library());
    }

    #[test]
    fn malformed_hash_is_repaired_with_a_notice() {
        let (state, repair) = ViewState::from_hash("#/nonsense/1/2?zoom=9");
        assert_eq!(state, ViewState::library());
        let notice = repair.unwrap().0;
        assert!(
            notice.contains("/nonsense/1/2") && notice.contains("zoom=9"),
            "{notice}"
        );
    }

    #[test]
    fn bad_values_are_dropped_but_good_ones_kept() {
        let (state, repair) = ViewState::from_hash(
            "#/explore?stance=asserted,sure&outlet=CNN&from=2024-13&as=claims&view=2024..2023",
        );
        assert!(state.filters.stances.is_empty());
        assert_eq!(state.filters.outlets, BTreeSet::from(["CNN".to_string()]));
        assert_eq!(state.filters.from, None);
        assert_eq!(state.window, None);
        assert_eq!(state.results_as, ResultsAs::Claims);
        let notice = repair.unwrap().0;
        assert!(
            notice.contains("stance=asserted,sure") && notice.contains("from=2024-13"),
            "{notice}"
        );
    }

    #[test]
    fn percent_decoding_never_panics_on_truncated_escapes() {
        for text in ["%", "%4", "%zz", "a%2", "%C3%A9", "%FF"] {
            let _ = percent_decode(text);
        }
        assert_eq!(percent_decode("%C3%A9t%C3%A9"), "été");
    }
}
