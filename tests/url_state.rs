//! Property tests of the URL parser, the one parser of outside input in the
//! app: any string may arrive in the location hash.
#![cfg(not(target_arch = "wasm32"))]

use crossread::timeline::lanes::{FoldBase, LaneFolds, LANES_SHOWN};
use crossread::view_state::{Page, ViewState};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Hash-like strings: mostly the URL's own punctuation and escapes, so the
/// interesting paths of the parser are reached, plus arbitrary text.
fn hash_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("#".to_string()),
        Just("/".to_string()),
        Just("?".to_string()),
        Just("&".to_string()),
        Just("=".to_string()),
        Just("%".to_string()),
        Just("+".to_string()),
        Just("article".to_string()),
        Just("removed=1".to_string()),
        Just("p=".to_string()),
        Just("timeline".to_string()),
        Just("lanes=collapsed".to_string()),
        Just("lanes=expanded".to_string()),
        Just("lanes=".to_string()),
        Just("collapse=".to_string()),
        Just("expand=".to_string()),
        Just("thread=".to_string()),
        Just(",".to_string()),
        Just("unthreaded".to_string()),
        "%[0-9A-Fa-f]{0,2}",
        "[0-9]{1,22}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
}

/// Lane and thread names: thread-id punctuation, the URL's own, and any text.
fn lane_names() -> impl Strategy<Value = BTreeSet<String>> {
    let name = prop_oneof![
        Just("unthreaded".to_string()),
        "[a-z]{1,6}:[a-z>, %&=]{0,10}",
        any::<String>(),
    ];
    prop::collection::btree_set(
        name.prop_filter("names are not empty", |n| !n.is_empty()),
        0..4,
    )
}

fn fold_base() -> impl Strategy<Value = FoldBase> {
    prop_oneof![
        Just(FoldBase::Auto),
        Just(FoldBase::AllExpanded),
        Just(FoldBase::AllCollapsed),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn from_hash_never_panics_on_arbitrary_text(hash in any::<String>()) {
        let _ = ViewState::from_hash(&hash);
    }

    #[test]
    fn every_parsed_state_round_trips_through_to_hash(hash in hash_like()) {
        let (state, _) = ViewState::from_hash(&hash);
        let (again, repair) = ViewState::from_hash(&state.to_hash());
        prop_assert_eq!(&again, &state, "via {}", state.to_hash());
        prop_assert_eq!(repair, None);
    }

    #[test]
    fn any_article_id_round_trips(id in any::<String>(), removed: bool, paragraph in proptest::option::of(any::<usize>())) {
        prop_assume!(!id.is_empty());
        let state = ViewState { show_removed: removed, paragraph, ..ViewState::article(&id) };
        let (parsed, repair) = ViewState::from_hash(&state.to_hash());
        prop_assert_eq!(parsed, state);
        prop_assert_eq!(repair, None);
    }

    #[test]
    fn any_lane_choice_round_trips(
        base in fold_base(),
        collapsed in lane_names(),
        expanded in lane_names(),
        threads in lane_names(),
        shown in proptest::option::of(LANES_SHOWN + 1..100_000),
    ) {
        let mut state = ViewState::on(Page::Timeline);
        state.lanes = LaneFolds { base, collapsed, expanded, shown };
        state.filters.threads = threads;
        let (parsed, repair) = ViewState::from_hash(&state.to_hash());
        prop_assert_eq!(parsed, state);
        prop_assert_eq!(repair, None);
    }
}
