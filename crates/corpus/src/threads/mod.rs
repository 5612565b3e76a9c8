//! Event threads: claims from different articles about the same event,
//! grouped and labelled.
//!
//! Why: the product's question is "how did each outlet report *this*
//! event?"; a thread is that event, and its claims are the answers.
//!
//! One mechanism, three sources of evidence:
//! - [`story`]: articles whose leads (headline and first claims) report one
//!   event form a story; every claim of theirs that repeats the event's
//!   core joins its thread, labelled with a headline that names it.
//! - [`signature`] + [`cluster`]: for any story. Each claim is reduced to
//!   whom and where it names, its content words, its stated date and
//!   magnitudes; claims of different articles that share a person, body
//!   or place and words for what happened are linked, strongest first,
//!   unless dates, people, magnitudes, frames, stories or the people their
//!   leads name tell them apart. Groups spanning two or more articles are
//!   threads (unless they lie inside one story), labelled with a phrase of
//!   their most central claim ([`label`]).
//! - [`frames`]: typed transfers, visits and sanctions between states
//!   ("Iran → Russia: ballistic missiles"), which read direction from the
//!   verb. A frame's claims start as one group, keep the frame's label,
//!   and two frames never merge; linked claims without a frame join it.

mod background;
pub mod cluster;
pub mod frames;
pub mod label;
mod pairs;
pub mod signature;
pub mod similar;
pub mod story;

pub use frames::{frames, Frame, Party};
pub use signature::{signature, ClauseFacts, ClauseMention, Signature};

use crate::document::{Claim, EntityKind, Thread};
use crate::text::slug;
use std::collections::BTreeMap;

/// Builds every thread and sets each claim's `thread` and `threads`.
/// `frames[i]` and `sigs[i]` belong to `claims[i]`; claims come in
/// document and text order. Candidate pairs are scored on up to `workers`
/// threads; the threads are the same on any number.
pub fn build(
    claims: &mut [Claim],
    frames: Vec<Vec<Frame>>,
    sigs: &[Signature],
    name_of: &dyn Fn(&str) -> String,
    headline_of: &dyn Fn(&str) -> Option<String>,
    workers: usize,
) -> Vec<Thread> {
    let mut threads: BTreeMap<String, Thread> = frames::build(claims, frames, name_of)
        .into_iter()
        .map(|t| (t.id.clone(), t))
        .collect();
    // Articles numbered in claim order.
    let mut doc_names: Vec<String> = Vec::new();
    let doc_of: Vec<usize> = claims
        .iter()
        .map(|c| {
            if doc_names.last() != Some(&c.doc) {
                doc_names.push(c.doc.clone());
            }
            doc_names.len() - 1
        })
        .collect();
    let preset: Vec<Option<String>> = claims.iter().map(|c| c.thread.clone()).collect();
    // Events that articles report, then events that only claims share.
    let docs = Docs {
        names: &doc_names,
        of_claim: &doc_of,
    };
    let found = add_stories(claims, sigs, &docs, headline_of, &mut threads, workers);
    add_claim_groups(
        claims,
        sigs,
        &doc_of,
        &preset,
        &found,
        &mut threads,
        workers,
    );
    fill(&mut threads, claims);
    threads.into_values().collect()
}

/// What the stories found tell the claim groups.
struct Found {
    /// Each claim's story, when it tells one.
    in_story: Vec<Option<usize>>,
    /// What each claim's article leads with.
    leads: Vec<cluster::Lead>,
    /// Each story's thread id.
    ids: Vec<String>,
}

/// Articles by number: their ids, and each claim's article.
struct Docs<'a> {
    names: &'a [String],
    of_claim: &'a [usize],
}

/// A thread per story (labelled with a headline that names it when one
/// does).
fn add_stories(
    claims: &mut [Claim],
    sigs: &[Signature],
    docs: &Docs,
    headline_of: &dyn Fn(&str) -> Option<String>,
    threads: &mut BTreeMap<String, Thread>,
    workers: usize,
) -> Found {
    let mut in_story: Vec<Option<usize>> = vec![None; claims.len()];
    let mut doc_story: Vec<Option<usize>> = vec![None; docs.names.len()];
    let (stories, lead_people) = story::stories(claims, sigs, docs.of_claim, workers);
    let mut ids = Vec::with_capacity(stories.len());
    for (n, s) in stories.iter().enumerate() {
        for &d in &s.docs {
            doc_story[d] = Some(n);
        }
        let group = cluster::Cluster {
            claims: s.leads.clone(),
            degree: s.degree.clone(),
        };
        let headline = s
            .central_docs
            .iter()
            .filter_map(|&d| headline_of(&docs.names[d]))
            .find(|h| label::headline_fits(h, &s.core));
        let mut thread = new_thread(&group, sigs, claims, threads);
        if let Some(h) = headline {
            thread.label = h;
            thread.id = unique_id(&thread.label, threads);
        }
        let id = thread.id.clone();
        threads.insert(id.clone(), thread);
        for &i in &s.claims {
            in_story[i] = Some(n);
            join(&mut claims[i], &id);
        }
        ids.push(id);
    }
    // Later articles that recall a story's event tell it too.
    for (i, n) in story::retellings(&stories, sigs, docs.of_claim, &doc_story) {
        join(&mut claims[i], &ids[n]);
    }
    let leads = docs
        .of_claim
        .iter()
        .map(|&d| cluster::Lead {
            story: doc_story[d],
            people: lead_people[d].clone(),
        })
        .collect();
    Found {
        in_story,
        leads,
        ids,
    }
}

/// Threads of linked claims: a group with a frame's claims joins that
/// frame's thread, a group that reaches into one story only (and no other)
/// is part of that story, any other group is a thread of its own.
fn add_claim_groups(
    claims: &mut [Claim],
    sigs: &[Signature],
    doc_of: &[usize],
    preset: &[Option<String>],
    found: &Found,
    threads: &mut BTreeMap<String, Thread>,
    workers: usize,
) {
    let in_story = &found.in_story;
    let groups = cluster::cluster(
        sigs,
        doc_of,
        preset,
        &found.leads,
        cluster::MIN_SCORE,
        workers,
    );
    for group in groups {
        let frame = group.claims.iter().find_map(|&i| preset[i].clone());
        let mut stories = group.claims.iter().filter_map(|&i| in_story[i]);
        let one_story = stories.next().filter(|&n| stories.all(|m| m == n));
        let id = match (frame, one_story) {
            (Some(id), _) => id,
            // Linked to one story's claims (and no other's): it tells that
            // story; claims already in it stay as they are.
            (None, Some(n)) => found.ids[n].clone(),
            (None, None) => {
                let thread = new_thread(&group, sigs, claims, threads);
                let id = thread.id.clone();
                threads.insert(id.clone(), thread);
                id
            }
        };
        for &i in &group.claims {
            join(&mut claims[i], &id);
        }
    }
}

/// Adds a thread to a claim (its main one if it had none).
fn join(claim: &mut Claim, id: &str) {
    if !claim.threads.iter().any(|t| t == id) {
        claim.threads.push(id.to_string());
        claim.threads.sort();
    }
    if claim.thread.is_none() {
        claim.thread = Some(id.to_string());
    }
}

/// A thread for a group no frame describes.
fn new_thread(
    group: &cluster::Cluster,
    sigs: &[Signature],
    claims: &[Claim],
    taken: &BTreeMap<String, Thread>,
) -> Thread {
    let shared = label::shared_keys(&group.claims, sigs, claims);
    let rep = label::representative(&group.claims, &group.degree, claims);
    let text = label::label(&claims[rep], &sigs[rep], &shared);
    let id = unique_id(&text, taken);
    // Who acts: the first shared person or body the central claim names.
    let subject = sigs[rep]
        .anchor_spans
        .iter()
        .map(|(_, _, id)| id)
        .find(|id| {
            shared.contains(*id)
                && sigs[rep].anchors.iter().any(|a| {
                    &a.id == *id && matches!(a.kind, EntityKind::Person | EntityKind::Organisation)
                })
        })
        .cloned();
    Thread {
        id,
        label: text,
        action: "event".into(),
        subject,
        object: None,
        item: None,
        claims: Vec::new(),
        docs: Vec::new(),
        first_date: None,
        last_date: None,
    }
}

/// `event:<slug of the label>`, numbered when taken.
fn unique_id(label: &str, taken: &BTreeMap<String, Thread>) -> String {
    let base: String = format!("event:{}", slug(label)).chars().take(72).collect();
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains_key(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Fills each thread's claims (in claim order), documents and date span
/// from the claims that name it.
fn fill(threads: &mut BTreeMap<String, Thread>, claims: &[Claim]) {
    for t in threads.values_mut() {
        t.claims.clear();
        t.docs.clear();
        t.first_date = None;
        t.last_date = None;
    }
    for claim in claims {
        for id in &claim.threads {
            let Some(t) = threads.get_mut(id) else {
                continue;
            };
            t.claims.push(claim.id.clone());
            t.docs.push(claim.doc.clone());
            if let Some(d) = claim.event_date {
                if t.first_date
                    .is_none_or(|f| d.first_day_number() < f.first_day_number())
                {
                    t.first_date = Some(d);
                }
                if t.last_date
                    .is_none_or(|l| d.last_day_number() > l.last_day_number())
                {
                    t.last_date = Some(d);
                }
            }
        }
    }
    for t in threads.values_mut() {
        t.docs.sort();
        t.docs.dedup();
    }
}
