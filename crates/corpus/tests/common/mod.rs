//! Helpers shared by the entity tests.

use crossread_corpus::document::EntityKind;
use crossread_corpus::entities;

/// Every mention of an article (one paragraph per line) with the kind of
/// the entity it was merged into.
pub fn kinds(paragraphs: &[&str]) -> Vec<(String, EntityKind)> {
    let raw = entities::find_in_paragraphs(paragraphs);
    let (found, resolved) = entities::resolve(&[("doc".to_string(), raw)], &[]);
    resolved
        .iter()
        .flatten()
        .map(|m| {
            let kind = found
                .iter()
                .find(|e| e.id == m.entity)
                .map_or(EntityKind::Other, |e| e.kind);
            (m.raw.text.clone(), kind)
        })
        .collect()
}

pub fn has(found: &[(String, EntityKind)], text: &str, kind: EntityKind) -> bool {
    found.iter().any(|(t, k)| t == text && *k == kind)
}

#[track_caller]
pub fn assert_kind(paragraphs: &[&str], text: &str, kind: EntityKind) {
    let found = kinds(paragraphs);
    assert!(has(&found, text, kind), "{text} as {kind:?} in {found:?}");
}
