//! Which lanes of the timeline are collapsed to a one-line band. A
//! reader's choice is kept as the difference from a base rule, so a link
//! stays short and a lane nobody touched follows the rule when the filters
//! change the lanes.
//!
//! The automatic rule: a timeline of up to [`OPEN_LANES`] lanes shows every
//! lane in full. A bigger one (real corpora have 20 to 60 event threads)
//! expands only the [`OPEN_LANES`] threads with the most claims and
//! collapses the rest, and always the lane of claims without an event
//! thread, which is the least readable as a story. Ties keep lane order
//! (earliest story first).

use super::Lane;
use std::cmp::Reverse;
use std::collections::BTreeSet;

/// Most lanes the automatic rule expands.
pub const OPEN_LANES: usize = 8;

/// Lanes the chart draws at first, and each "Show more lanes" adds: a
/// corpus of thousands of event threads would otherwise draw tens of
/// thousands of SVG elements (about 13 a lane, collapsed or not).
pub const LANES_SHOWN: usize = 150;

/// How the lane of claims without an event thread is named in the URL.
/// Thread ids are `action:...`, always with a colon, so this never clashes.
pub const UNTHREADED: &str = "unthreaded";

/// Where every lane starts before a reader's own choices.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FoldBase {
    /// The automatic rule (see the module docs).
    #[default]
    Auto,
    AllExpanded,
    AllCollapsed,
}

impl FoldBase {
    pub fn as_str(self) -> &'static str {
        match self {
            FoldBase::Auto => "auto",
            FoldBase::AllExpanded => "expanded",
            FoldBase::AllCollapsed => "collapsed",
        }
    }

    pub fn parse(text: &str) -> Option<FoldBase> {
        [
            FoldBase::Auto,
            FoldBase::AllExpanded,
            FoldBase::AllCollapsed,
        ]
        .into_iter()
        .find(|base| base.as_str() == text)
    }
}

/// The reader's lane choices: a base and the lanes (by [`Lane::fold_id`])
/// set the other way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaneFolds {
    pub base: FoldBase,
    /// Lanes collapsed whatever the base says.
    pub collapsed: BTreeSet<String>,
    /// Lanes expanded whatever the base says; wins over `collapsed`.
    pub expanded: BTreeSet<String>,
    /// How many lanes are drawn, in lane order, when the reader asked for
    /// more than [`LANES_SHOWN`].
    pub shown: Option<usize>,
}

impl LaneFolds {
    /// Every lane one way, forgetting single choices.
    pub fn all(collapsed: bool) -> LaneFolds {
        LaneFolds {
            base: if collapsed {
                FoldBase::AllCollapsed
            } else {
                FoldBase::AllExpanded
            },
            ..LaneFolds::default()
        }
    }

    pub fn is_default(&self) -> bool {
        *self == LaneFolds::default()
    }

    /// How many lanes the chart draws.
    pub fn shown(&self) -> usize {
        self.shown.unwrap_or(LANES_SHOWN).max(1)
    }

    /// These choices with [`LANES_SHOWN`] more lanes drawn.
    pub fn with_more_lanes(&self) -> LaneFolds {
        LaneFolds {
            shown: Some(self.shown() + LANES_SHOWN),
            ..self.clone()
        }
    }

    /// Whether a lane is collapsed; `by_rule` is what the automatic rule
    /// says for it.
    pub fn is_collapsed(&self, lane: &str, by_rule: bool) -> bool {
        if self.expanded.contains(lane) {
            return false;
        }
        if self.collapsed.contains(lane) {
            return true;
        }
        match self.base {
            FoldBase::Auto => by_rule,
            FoldBase::AllExpanded => false,
            FoldBase::AllCollapsed => true,
        }
    }

    /// These choices with one lane set to `collapse`, recorded only when
    /// the base would set it otherwise.
    pub fn with_lane(&self, lane: &str, collapse: bool, by_rule: bool) -> LaneFolds {
        let mut next = self.clone();
        next.collapsed.remove(lane);
        next.expanded.remove(lane);
        if next.is_collapsed(lane, by_rule) != collapse {
            let set = if collapse {
                &mut next.collapsed
            } else {
                &mut next.expanded
            };
            set.insert(lane.to_string());
        }
        next
    }
}

/// The automatic rule, one answer per lane in lane order: true when the
/// lane starts collapsed.
pub fn collapsed_by_rule(lanes: &[Lane]) -> Vec<bool> {
    if lanes.len() <= OPEN_LANES {
        return vec![false; lanes.len()];
    }
    let mut threads: Vec<usize> = (0..lanes.len())
        .filter(|&i| lanes[i].thread.is_some())
        .collect();
    // A stable sort: equal counts keep the earlier story first.
    threads.sort_by_key(|&i| Reverse(lanes[i].claims()));
    let open: BTreeSet<usize> = threads.into_iter().take(OPEN_LANES).collect();
    (0..lanes.len()).map(|i| !open.contains(&i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_choice_is_kept_only_against_the_base() {
        let folds = LaneFolds::default();
        let shut = folds.with_lane("a:b", true, false);
        assert!(shut.is_collapsed("a:b", false));
        assert_eq!(shut.collapsed, BTreeSet::from(["a:b".to_string()]));
        // Collapsing a lane the rule already collapses records nothing.
        assert!(folds.with_lane("a:b", true, true).is_default());
        // And opening it again returns to the default.
        assert!(shut.with_lane("a:b", false, false).is_default());
    }

    #[test]
    fn all_collapsed_keeps_lanes_opened_after_it() {
        let folds = LaneFolds::all(true).with_lane("a:b", false, false);
        assert!(!folds.is_collapsed("a:b", true));
        assert!(folds.is_collapsed("c:d", false));
        assert_eq!(folds.expanded.len(), 1);
        assert!(!LaneFolds::all(false).is_collapsed("c:d", true));
    }

    #[test]
    fn base_names_round_trip() {
        for base in [
            FoldBase::Auto,
            FoldBase::AllExpanded,
            FoldBase::AllCollapsed,
        ] {
            assert_eq!(FoldBase::parse(base.as_str()), Some(base));
        }
        assert_eq!(FoldBase::parse("open"), None);
    }
}
