//! Grouping claims of different articles into events.
//!
//! Two claims from different articles are *linked* when they name a common
//! person, body or place and share words for what happened, and nothing
//! tells them apart: different dates stated for them, different people
//! taking part, different magnitudes. Links are taken strongest first and
//! join two groups only when the groups themselves do not conflict, so one
//! loose link cannot chain two earthquakes a week apart into one.
//!
//! Linear, not all-pairs: candidate pairs come from buckets of claims that
//! name the same entity, each bucket sorted by date and compared within a
//! sliding window, so a name that a thousand claims share costs a thousand
//! windows, not a million pairs.

use super::pairs::{strongest_first, window_pairs};
use super::signature::{Anchor, Signature};
use crate::document::EntityKind;
use std::collections::{BTreeMap, BTreeSet};

/// Claims compared with each neighbour this far along a sorted bucket.
const WINDOW: usize = 48;
/// A link needs this much shared evidence (anchor weights + shared stems).
pub const MIN_SCORE: f32 = 4.0;
/// Stated dates further apart than this (days) are two events.
const STATED_GAP_DAYS: i64 = 3;
/// Articles published further apart than this (days) report two events
/// unless the text states a date.
const PUBLISHED_GAP_DAYS: i64 = 31;
/// Magnitudes that differ by this much measure two events.
const MAGNITUDE_GAP: f64 = 0.3;

/// A group of linked claims from at least two articles.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Claim indices, ascending.
    pub claims: Vec<usize>,
    /// For each claim of `claims`, how many links it has in the group.
    pub degree: Vec<usize>,
}

/// What a claim's article leads with.
#[derive(Debug, Clone, Default)]
pub struct Lead {
    /// The story (event several articles lead with), if any.
    pub story: Option<usize>,
    /// People the lead names as taking part.
    pub people: BTreeSet<String>,
}

/// Groups claims; `doc_of[i]` is claim i's article, `preset[i]` a group it
/// already belongs to (an event frame), which never merges with another,
/// and `lead[i]` what its article leads with, if known: claims of articles
/// that lead with two different events, or with different people, are not
/// linked.
pub fn cluster(
    sigs: &[Signature],
    doc_of: &[usize],
    preset: &[Option<String>],
    lead: &[Lead],
    min_score: f32,
    workers: usize,
) -> Vec<Cluster> {
    let links = candidate_links(sigs, doc_of, min_score, workers);
    group(&links, sigs, doc_of, preset, lead)
}

/// Groups items by scored links (strongest first, as
/// [`candidate_links`] orders them), never joining two groups that
/// conflict; `sigs[i]` holds what tells item i apart from others.
pub fn group(
    links: &[(f32, usize, usize)],
    sigs: &[Signature],
    doc_of: &[usize],
    preset: &[Option<String>],
    lead: &[Lead],
) -> Vec<Cluster> {
    let facts = sigs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut f = Facts::of(s);
            f.preset = preset.get(i).cloned().flatten();
            if let Some(l) = lead.get(i) {
                f.story = l.story;
                f.lead_people = l.people.clone();
            }
            f
        })
        .collect();
    group_facts(links, facts, doc_of, preset)
}

/// [`group`] with each item's facts given.
pub fn group_facts(
    links: &[(f32, usize, usize)],
    facts: Vec<Facts>,
    doc_of: &[usize],
    preset: &[Option<String>],
) -> Vec<Cluster> {
    let n = facts.len();
    let mut groups = Groups::new(facts, preset);
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for &(_, a, b) in links {
        // A link inside one group (joined now or before) counts for the
        // group's most central claim.
        if groups.join(a, b) || groups.find(a) == groups.find(b) {
            kept.push((a, b));
        }
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        members.entry(groups.find(i)).or_default().push(i);
    }
    let mut degree = vec![0usize; n];
    for &(a, b) in &kept {
        degree[a] += 1;
        degree[b] += 1;
    }
    members
        .into_values()
        .filter(|claims| {
            let docs: BTreeSet<usize> = claims.iter().map(|&i| doc_of[i]).collect();
            docs.len() >= 2 && claims.iter().any(|&i| degree[i] > 0)
        })
        .map(|claims| Cluster {
            degree: claims.iter().map(|&i| degree[i]).collect(),
            claims,
        })
        .collect()
}

/// Scored links between claims of different articles, strongest first
/// (ties by claim order, so the result is deterministic), found on up to
/// `workers` threads.
fn candidate_links(
    sigs: &[Signature],
    doc_of: &[usize],
    min_score: f32,
    workers: usize,
) -> Vec<(f32, usize, usize)> {
    let mut buckets: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, sig) in sigs.iter().enumerate() {
        for a in sig.anchors.iter().filter(|a| a.weight() >= 1.5) {
            buckets.entry(a.id.as_str()).or_default().push(i);
        }
    }
    // What keeps claims apart, read once per claim, not once per pair.
    let facts: Vec<Facts> = sigs.iter().map(Facts::of).collect();
    let buckets: Vec<Vec<usize>> = (buckets.into_values())
        .map(|mut bucket| {
            bucket.sort_by_key(|&i| (effective_day(&sigs[i]), i));
            bucket
        })
        .collect();
    let links = window_pairs(&buckets, WINDOW, workers, |a, b| {
        if doc_of[a] == doc_of[b] {
            return None;
        }
        evidence(&sigs[a], &sigs[b]).filter(|&s| s >= min_score && !conflict(&facts[a], &facts[b]))
    });
    strongest_first(links)
}

pub(super) fn effective_day(sig: &Signature) -> i64 {
    sig.stated
        .map(|s| s.0)
        .or(sig.published)
        .unwrap_or(i64::MIN)
}

/// The strength of the evidence that two claims report one event, or
/// `None` when they do not or cannot.
pub fn link(a: &Signature, b: &Signature) -> Option<f32> {
    evidence(a, b).filter(|_| !conflict(&Facts::of(a), &Facts::of(b)))
}

/// What two claims share (names, then words), or `None` when it is not
/// enough to link them; conflicts are not checked.
fn evidence(a: &Signature, b: &Signature) -> Option<f32> {
    let shared: Vec<&Anchor> = a
        .anchors
        .iter()
        .filter(|x| b.anchors.iter().any(|y| y.id == x.id))
        .collect();
    if !shared.iter().any(|x| x.weight() >= 1.5) {
        return None;
    }
    let shared_stems = sorted_overlap(&a.stems, &b.stems);
    if shared_stems == 0 {
        return None;
    }
    let shortest = a.stems.len().min(b.stems.len()).max(1);
    let overlap = shared_stems as f32 / shortest as f32;
    let score = shared.iter().map(|x| x.weight()).sum::<f32>() + shared_stems as f32;
    let enough = score >= MIN_SCORE && (shared_stems >= 2 || overlap >= 0.5);
    enough.then_some(score)
}

/// How many words of `a` are in `b`, both sorted, in one walk through
/// both (this is asked of every pair of claims in a window).
fn sorted_overlap(a: &[String], b: &[String]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
            }
        }
    }
    shared
}

/// What keeps two claims or two groups apart.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// People taking part (named, not only speaking).
    people: BTreeSet<String>,
    /// Every person named, when more than `people` (an article's main
    /// people are `people`; the others it names only in passing).
    named: BTreeSet<String>,
    stated: Vec<(i64, i64)>,
    /// Earliest and latest publication among claims with no stated date.
    published: Option<(i64, i64)>,
    magnitudes: Vec<(String, f64)>,
    preset: Option<String>,
    story: Option<usize>,
    lead_people: BTreeSet<String>,
}

impl Facts {
    /// What keeps an article's story apart: its main people (`people`),
    /// everyone it names, and the dates and magnitudes of `sig`.
    pub fn of_article(sig: &Signature, people: BTreeSet<String>, named: BTreeSet<String>) -> Facts {
        Facts {
            people,
            named,
            ..Facts::of(sig)
        }
    }

    fn of(sig: &Signature) -> Facts {
        Facts {
            people: sig
                .anchors
                .iter()
                .filter(|a| !a.speaker && takes_part(a))
                .map(|a| a.id.clone())
                .collect(),
            stated: sig.stated.into_iter().collect(),
            published: match sig.stated {
                Some(_) => None,
                None => sig.published.map(|d| (d, d)),
            },
            magnitudes: sig.magnitudes.clone(),
            named: BTreeSet::new(),
            preset: None,
            story: None,
            lead_people: BTreeSet::new(),
        }
    }

    fn absorb(&mut self, other: Facts) {
        self.people.extend(other.people);
        self.named.extend(other.named);
        for s in other.stated {
            if !self.stated.contains(&s) {
                self.stated.push(s);
            }
        }
        self.published = match (self.published, other.published) {
            (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
            (a, b) => a.or(b),
        };
        self.magnitudes.extend(other.magnitudes);
        self.preset = self.preset.take().or(other.preset);
        self.story = self.story.or(other.story);
        self.lead_people.extend(other.lead_people);
    }
}

/// People a signature names as taking part.
pub fn participants(sig: &Signature) -> BTreeSet<String> {
    Facts::of(sig).people
}

/// A person, or an untyped name of two or three words ("Budi Santoso"),
/// which is most often a person no list knows.
pub(super) fn takes_part(a: &Anchor) -> bool {
    match a.kind {
        EntityKind::Person => true,
        EntityKind::Other => {
            let words =
                a.id.split_once(':')
                    .map_or(&a.id[..], |(_, r)| r)
                    .split('-')
                    .count();
            (2..=3).contains(&words)
        }
        _ => false,
    }
}

fn gap(a: (i64, i64), b: (i64, i64)) -> i64 {
    (b.0 - a.1).max(a.0 - b.1).max(0)
}

fn conflict(a: &Facts, b: &Facts) -> bool {
    different_frames(a, b)
        || different_stories(a, b)
        || different_people(a, b)
        || different_dates(a, b)
        || different_magnitudes(a, b)
}

/// Two events already told apart by their frames.
fn different_frames(a: &Facts, b: &Facts) -> bool {
    matches!((&a.preset, &b.preset), (Some(x), Some(y)) if x != y)
}

/// From articles that lead with two different events.
fn different_stories(a: &Facts, b: &Facts) -> bool {
    matches!((a.story, b.story), (Some(x), Some(y)) if x != y)
}

/// Each names people taking part, and none in common: two arrests of two
/// people, one actor's rehab and another's. For articles, each one's main
/// people must be missing from everything the other names.
/// The same for the people their articles lead with ("Police arrested X"
/// and, later, "She was held ...").
fn different_people(a: &Facts, b: &Facts) -> bool {
    let apart = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
        !x.is_empty() && !y.is_empty() && x.is_disjoint(y)
    };
    let unnamed_by = |x: &Facts, y: &Facts| y.named.is_empty() || x.people.is_disjoint(&y.named);
    (apart(&a.people, &b.people) && unnamed_by(a, b) && unnamed_by(b, a))
        || apart(&a.lead_people, &b.lead_people)
}

/// Do the two claims' dates say they are two events?
pub fn dates_apart(a: &Signature, b: &Signature) -> bool {
    different_dates(&Facts::of(a), &Facts::of(b))
}

/// Stated dates days apart, or (without stated dates) articles a month
/// apart: two visits, two earthquakes.
fn different_dates(a: &Facts, b: &Facts) -> bool {
    // Two groups with several stated days are one event when any of
    // their days meet (the crash and, two days later, the arrest).
    let stated = !a.stated.is_empty()
        && !b.stated.is_empty()
        && a.stated
            .iter()
            .all(|x| b.stated.iter().all(|y| gap(*x, *y) > STATED_GAP_DAYS));
    let published = match (a.published, b.published) {
        (Some(x), Some(y)) => gap(x, y) > PUBLISHED_GAP_DAYS,
        _ => false,
    };
    stated || published
}

/// "A 6.1 earthquake" and "a 5.4 earthquake".
fn different_magnitudes(a: &Facts, b: &Facts) -> bool {
    a.magnitudes.iter().any(|(unit, x)| {
        b.magnitudes
            .iter()
            .any(|(u, y)| u == unit && (x - y).abs() >= MAGNITUDE_GAP)
    })
}

/// Union-find over claims, each root holding its group's facts.
struct Groups {
    parent: Vec<usize>,
    facts: Vec<Option<Facts>>,
}

impl Groups {
    fn new(facts: Vec<Facts>, preset: &[Option<String>]) -> Groups {
        let mut groups = Groups {
            parent: (0..facts.len()).collect(),
            facts: facts.into_iter().map(Some).collect(),
        };
        // Claims of one frame start as one group.
        let mut first_of: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, p) in preset.iter().enumerate() {
            if let Some(p) = p {
                match first_of.get(p.as_str()) {
                    Some(&root) => groups.union(root, i),
                    None => {
                        first_of.insert(p.as_str(), i);
                    }
                }
            }
        }
        groups
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        let (keep, drop) = (ra.min(rb), ra.max(rb));
        let moved = self.facts[drop].take().unwrap_or_default();
        if let Some(f) = self.facts[keep].as_mut() {
            f.absorb(moved);
        }
        self.parent[drop] = keep;
    }

    /// Joins the groups of `a` and `b` unless they conflict; true if joined.
    fn join(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return false;
        }
        let apart = match (&self.facts[ra], &self.facts[rb]) {
            (Some(x), Some(y)) => conflict(x, y),
            _ => true,
        };
        if apart {
            return false;
        }
        self.union(ra, rb);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_overlap_counts_what_a_search_of_each_word_counts() {
        let list =
            |words: &[&str]| -> Vec<String> { words.iter().map(|w| w.to_string()).collect() };
        let cases = [
            (list(&[]), list(&["port"])),
            (
                list(&["port", "reopen", "strike"]),
                list(&["dock", "port", "strike"]),
            ),
            (list(&["a", "a", "b"]), list(&["a", "b", "b", "c"])),
            (list(&["z"]), list(&["a", "b"])),
        ];
        for (a, b) in cases {
            let searched = a.iter().filter(|s| b.binary_search(s).is_ok()).count();
            assert_eq!(sorted_overlap(&a, &b), searched, "{a:?} {b:?}");
        }
    }

    fn sig(stems: &[&str], anchors: &[(&str, EntityKind)], stated: Option<i64>) -> Signature {
        Signature {
            stems: {
                let mut s: Vec<String> = stems.iter().map(|s| s.to_string()).collect();
                s.sort();
                s
            },
            anchors: anchors
                .iter()
                .map(|(id, kind)| Anchor {
                    id: id.to_string(),
                    kind: *kind,
                    speaker: false,
                })
                .collect(),
            stated: stated.map(|d| (d, d)),
            ..Signature::default()
        }
    }

    #[test]
    fn groups_whose_stated_days_meet_are_not_told_apart_by_their_other_days() {
        let day = |d: i64| Facts::of(&sig(&["crash"], &[], Some(d)));
        let mut crash_and_arrest = day(100);
        crash_and_arrest.absorb(day(104));
        assert!(!different_dates(&crash_and_arrest, &day(101)));
        assert!(!different_dates(&crash_and_arrest, &day(106)));
        assert!(different_dates(&crash_and_arrest, &day(120)));
        assert!(different_dates(&day(100), &day(104)));
    }

    #[test]
    fn a_shared_person_and_shared_words_link() {
        let a = sig(
            &["resign", "minist"],
            &[("person:ana", EntityKind::Person)],
            None,
        );
        let b = sig(
            &["resign", "cabinet"],
            &[("person:ana", EntityKind::Person)],
            None,
        );
        assert!(link(&a, &b).is_some());
    }

    #[test]
    fn a_shared_country_alone_does_not_link() {
        let a = sig(
            &["flood", "river"],
            &[("country:chad", EntityKind::Country)],
            None,
        );
        let b = sig(
            &["flood", "river"],
            &[("country:chad", EntityKind::Country)],
            None,
        );
        assert_eq!(link(&a, &b), None);
    }

    #[test]
    fn stated_dates_a_week_apart_keep_two_events_apart() {
        let place = [("place:padang", EntityKind::Place)];
        let a = sig(&["earthquak", "strike", "magnitud"], &place, Some(100));
        let b = sig(&["earthquak", "strike", "magnitud"], &place, Some(107));
        assert_eq!(link(&a, &b), None);
        let c = sig(&["earthquak", "strike", "magnitud"], &place, Some(101));
        assert!(link(&a, &c).is_some());
    }

    #[test]
    fn different_people_in_the_same_act_stay_apart() {
        let police = ("organisation:leeds-police", EntityKind::Organisation);
        let a = sig(
            &["arrest", "suspect"],
            &[police, ("person:a", EntityKind::Person)],
            None,
        );
        let b = sig(
            &["arrest", "suspect"],
            &[police, ("person:b", EntityKind::Person)],
            None,
        );
        assert_eq!(link(&a, &b), None);
    }

    #[test]
    fn a_loose_link_cannot_chain_two_groups_with_different_dates() {
        let org = [("organisation:club", EntityKind::Organisation)];
        let sigs = vec![
            sig(&["boycott", "final"], &org, Some(10)),
            sig(&["boycott", "final"], &org, Some(10)),
            sig(&["boycott", "final"], &org, Some(30)),
            sig(&["boycott", "final"], &org, Some(30)),
            sig(&["boycott", "final"], &org, None),
        ];
        let clusters = cluster(
            &sigs,
            &[0, 1, 2, 3, 4],
            &[None, None, None, None, None],
            &[],
            MIN_SCORE,
            1,
        );
        assert_eq!(clusters.len(), 2);
        assert!(clusters
            .iter()
            .all(|c| !(c.claims.contains(&0) && c.claims.contains(&2))));
    }
}
