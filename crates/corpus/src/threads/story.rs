//! Articles that lead with the same event, and the claims that tell it.
//!
//! News is written lead first: the headline and the first sentences say
//! what happened, to whom, where and when. Two articles whose leads name
//! the same people, bodies or places and share the words for what happened
//! (and whose dates, people and magnitudes do not tell them apart) report
//! one event. Their shared words and names are the event's *core*; every
//! claim of those articles that repeats the core (a name and a word of it,
//! or two of its words) tells part of that event and joins its thread.
//!
//! Leads are compared exactly as claims are ([`super::cluster`]), one lead
//! per article, so this stays linear in the number of articles.

use super::cluster::{self, Cluster};
use super::signature::Signature;
use crate::document::Claim;
use std::collections::BTreeSet;

/// Claims of an article read as its lead.
const LEAD_CLAIMS: usize = 3;
/// Leads hold more words than a claim: their link needs more evidence.
const LEAD_MIN_SCORE: f32 = 8.0;

/// One event that several articles lead with.
pub struct Story {
    /// Its articles.
    pub docs: Vec<usize>,
    /// Claim indices that tell it, ascending.
    pub claims: Vec<usize>,
    /// Lead claims of its articles (a subset of `claims`), for the label.
    pub leads: Vec<usize>,
    /// How many other articles' leads each lead claim's article linked to.
    pub degree: Vec<usize>,
    /// Stems and names its articles' leads share.
    pub core: BTreeSet<String>,
    /// Its articles, most linked first (for a headline as label).
    pub central_docs: Vec<usize>,
}

/// The stories of a corpus, and the people each article's lead names;
/// `doc_of[i]` is claim i's article (0..n).
pub fn stories(
    claims: &[Claim],
    sigs: &[Signature],
    doc_of: &[usize],
) -> (Vec<Story>, Vec<BTreeSet<String>>) {
    let docs = doc_of.iter().copied().max().map_or(0, |m| m + 1);
    let mut lead_claims: Vec<Vec<usize>> = vec![Vec::new(); docs];
    let mut claims_of_doc: Vec<Vec<usize>> = vec![Vec::new(); docs];
    for (i, &d) in doc_of.iter().enumerate() {
        claims_of_doc[d].push(i);
        let headline = claims[i].part.is_headline();
        if headline || lead_claims[d].len() < LEAD_CLAIMS {
            lead_claims[d].push(i);
        }
    }
    let leads: Vec<Signature> = lead_claims
        .iter()
        .map(|members| merged(members.iter().map(|&i| &sigs[i])))
        .collect();
    let ids: Vec<usize> = (0..docs).collect();
    let none: Vec<Option<String>> = vec![None; docs];
    let found = cluster::cluster(&leads, &ids, &none, &[], LEAD_MIN_SCORE)
        .into_iter()
        .map(|group| story(&group, &leads, &lead_claims, &claims_of_doc, sigs))
        .filter(|s| s.claims.len() >= 2)
        .collect();
    (found, leads.iter().map(cluster::participants).collect())
}

fn story(
    group: &Cluster,
    leads: &[Signature],
    lead_claims: &[Vec<usize>],
    claims_of_doc: &[Vec<usize>],
    sigs: &[Signature],
) -> Story {
    let core = core_keys(&group.claims, leads);
    let lead_facts = merged(group.claims.iter().map(|&d| &leads[d]));
    // Only the story's own articles are read: linear in the corpus.
    let mut claims: Vec<usize> = group
        .claims
        .iter()
        .flat_map(|&d| claims_of_doc[d].iter().copied())
        .filter(|&i| tells(&sigs[i], &core) && !cluster::dates_apart(&sigs[i], &lead_facts))
        .collect();
    claims.sort_unstable();
    let mut story_leads = Vec::new();
    let mut degree = Vec::new();
    for (k, &d) in group.claims.iter().enumerate() {
        for &i in &lead_claims[d] {
            if claims.binary_search(&i).is_ok() {
                story_leads.push(i);
                degree.push(group.degree[k]);
            }
        }
    }
    let mut central_docs: Vec<(usize, usize)> = group
        .claims
        .iter()
        .zip(&group.degree)
        .map(|(&d, &n)| (n, d))
        .collect();
    central_docs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    Story {
        docs: group.claims.clone(),
        claims,
        leads: story_leads,
        degree,
        core,
        central_docs: central_docs.into_iter().map(|(_, d)| d).collect(),
    }
}

/// Stems and names that two or more of the articles' leads share.
fn core_keys(docs: &[usize], leads: &[Signature]) -> BTreeSet<String> {
    let mut seen: std::collections::BTreeMap<&str, usize> = Default::default();
    for &d in docs {
        for key in leads[d].stems.iter().chain(
            leads[d]
                .anchors
                .iter()
                .filter(|a| a.weight() >= 1.5)
                .map(|a| &a.id),
        ) {
            *seen.entry(key.as_str()).or_default() += 1;
        }
    }
    seen.into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(k, _)| k.to_string())
        .collect()
}

/// Does the claim repeat the event's core: a name and a word of it, or
/// two of its words?
fn tells(sig: &Signature, core: &BTreeSet<String>) -> bool {
    let words = sig.stems.iter().filter(|s| core.contains(*s)).count();
    let names = sig.anchors.iter().filter(|a| core.contains(&a.id)).count();
    (names >= 1 && words >= 1) || words >= 2
}

/// One signature for several claims: every stem and name, the first
/// stated date, the publication date.
fn merged<'a>(sigs: impl Iterator<Item = &'a Signature>) -> Signature {
    let mut out = Signature::default();
    for s in sigs {
        out.stems.extend(s.stems.iter().cloned());
        for a in &s.anchors {
            if !out.anchors.iter().any(|b| b.id == a.id) {
                out.anchors.push(a.clone());
            }
        }
        out.stated = out.stated.or(s.stated);
        out.published = out.published.or(s.published);
        out.magnitudes.extend(s.magnitudes.iter().cloned());
    }
    out.stems.sort();
    out.stems.dedup();
    out.anchors.sort();
    out
}
