//! Property tests of the URL parser, the one parser of outside input in the
//! app: any string may arrive in the location hash.
#![cfg(not(target_arch = "wasm32"))]

use crossread::view_state::ViewState;
use proptest::prelude::*;

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
        "%[0-9A-Fa-f]{0,2}",
        "[0-9]{1,22}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
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
}
