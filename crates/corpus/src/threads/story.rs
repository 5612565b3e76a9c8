//! Articles that report the same event, and the claims that tell it.
//!
//! Two reports of one event share its names and words far more than two
//! reports of two events of the same kind do ([`super::similar`]: weighted
//! profiles of whole articles, leads counting double, joined by average
//! similarity so loose links cannot chain two stories). Articles stay apart
//! when their dates, magnitudes or the people they are about tell them
//! apart. The words and names that two or more of a story's articles share
//! are the event's *core*; every claim of those articles that repeats the
//! core (a name and a word of it, or two of its words) tells part of that
//! event and joins its thread.
//!
//! Linear in the number of articles: each is compared only with articles
//! sharing one of its most telling keys.

use super::cluster::{self, Cluster};
use super::signature::Signature;
use super::similar;
use crate::document::{Claim, Part};
use std::collections::{BTreeMap, BTreeSet};

/// Claims naming a person that make the person the article's subject.
const MAIN_PERSON_MENTIONS: usize = 2;
/// Claims of an article read as its lead.
const LEAD_CLAIMS: usize = 3;
/// Days either side of the day a lead states: leads of one story may date
/// different steps of it (the death and its announcement, the crash and
/// the arrest), so stories are told apart by days more than a week apart.
const LEAD_DAY_SLACK: i64 = 2;

/// Days between the publication of two articles about the same person
/// for them to tell the same news (the same or the next day, as time
/// zones have it; see [`similar::cohesive`]).
const SAME_NEWS_DAYS: i64 = 1;

/// Days between a day a lead states and the article's publication for
/// the day to date the article's event (see [`is_news_of_the_day`]).
const NEWS_DAYS: i64 = 10;

/// One event that several articles report.
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
/// `doc_of[i]` is claim i's article (0..n). Articles are compared on up to
/// `workers` threads (the same stories on any number).
pub fn stories(
    claims: &[Claim],
    sigs: &[Signature],
    doc_of: &[usize],
    workers: usize,
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
    let lead_len: Vec<usize> = lead_claims.iter().map(Vec::len).collect();
    let titles: Vec<bool> = claims.iter().map(|c| c.part != Part::Body).collect();
    let profiles = similar::profiles(sigs, &claims_of_doc, &lead_len);
    let day: Vec<i64> = leads.iter().map(cluster::effective_day).collect();
    let main: Vec<BTreeSet<String>> = claims_of_doc
        .iter()
        .map(|members| main_people(members, sigs))
        .collect();
    let published: Vec<Option<i64>> = leads.iter().map(|l| l.published).collect();
    let same_news = |a: usize, b: usize| {
        !main[a].is_disjoint(&main[b])
            && matches!((published[a], published[b]), (Some(x), Some(y)) if (x - y).abs() <= SAME_NEWS_DAYS)
    };
    let links = similar::cohesive(
        similar::links(&profiles, &day, workers),
        &profiles,
        &same_news,
    );
    // What keeps articles apart (see `story_facts`).
    let facts: Vec<cluster::Facts> = leads
        .iter()
        .zip(&claims_of_doc)
        .map(|(lead, members)| story_facts(lead, members, sigs))
        .collect();
    let groups = cluster::group_facts(&links, facts, &ids, &none);
    let found = groups
        .into_iter()
        .map(|group| story(&titles, &group, &leads, &lead_claims, &claims_of_doc, sigs))
        .filter(|s| s.claims.len() >= 2)
        .collect();
    (found, leads.iter().map(cluster::participants).collect())
}

fn story(
    titles: &[bool],
    group: &Cluster,
    leads: &[Signature],
    lead_claims: &[Vec<usize>],
    claims_of_doc: &[Vec<usize>],
    sigs: &[Signature],
) -> Story {
    let core = core_keys(&group.claims, claims_of_doc, sigs);
    let dated: Vec<Signature> = group
        .claims
        .iter()
        .map(|&d| dated_to_the_month(&leads[d]))
        .collect();
    let lead_facts = merged(dated.iter());
    // Only the story's own articles are read: linear in the corpus.
    let mut claims: Vec<usize> = group
        .claims
        .iter()
        .flat_map(|&d| claims_of_doc[d].iter().copied())
        .filter(|&i| {
            let told = if titles[i] {
                names_the_core(&sigs[i], &core)
            } else {
                tells(&sigs[i], &core)
            };
            told && !cluster::dates_apart(&dated_to_the_month(&sigs[i]), &lead_facts)
        })
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

/// Claims of later articles that retell an earlier story: the trial's
/// report recalls the shooting, a verdict recalls the crime. Each pair is
/// (claim, story) for a story that is not the claim's own. A claim retells
/// a story when it names one of the story's names and two of its words,
/// its article was published after every dated article of the story,
/// at least half of whose articles are dated (without dates a retelling
/// cannot be told from a second event of the same kind), and any day, week or month it states falls within the
/// story's days of publication, give or take [`RETOLD_SLACK_DAYS`]. Candidates come from the story cores' names, so the
/// cost is linear in the claims.
pub fn retellings(
    stories: &[Story],
    sigs: &[Signature],
    doc_of: &[usize],
    own: &[Option<usize>],
) -> Vec<(usize, usize)> {
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (n, story) in stories.iter().enumerate() {
        for key in story.core.iter().filter(|k| k.contains(':')) {
            by_name.entry(key.as_str()).or_default().push(n);
        }
    }
    // A name in many stories' cores ("the president") tells none of them.
    by_name.retain(|_, found| found.len() <= MAX_STORIES_PER_NAME);
    let spans: Vec<Option<(i64, i64)>> = stories.iter().map(|s| days_of(s, sigs, doc_of)).collect();
    let mut out = Vec::new();
    for (i, sig) in sigs.iter().enumerate() {
        let Some(published) = sig.published else {
            continue;
        };
        let mut candidates: Vec<usize> = sig
            .anchors
            .iter()
            .filter_map(|a| by_name.get(a.id.as_str()))
            .flatten()
            .copied()
            .filter(|&n| own[doc_of[i]] != Some(n))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for n in candidates {
            let Some((first, last)) = spans[n] else {
                continue;
            };
            let words = sig
                .stems
                .iter()
                .filter(|s| stories[n].core.contains(*s))
                .count();
            let stated_within = dated_to_the_month(sig).stated.is_none_or(|(a, b)| {
                a <= last + RETOLD_SLACK_DAYS && b + RETOLD_SLACK_DAYS >= first
            });
            if words >= 2 && published > last && stated_within {
                out.push((i, n));
            }
        }
    }
    out
}

/// Days a retelling's stated date may fall outside the story's days.
const RETOLD_SLACK_DAYS: i64 = 3;
/// Stories a name may belong to and still bring a claim to them (keeps
/// the cost linear in the claims).
const MAX_STORIES_PER_NAME: usize = 32;

/// First and last publication day of a story's dated articles, when at
/// least half its articles are dated: the days of one dated report among
/// many undated ones are not the story's days (the undated ones may be a
/// year older), and a claim published later would retell it only for
/// telling an event of the same kind.
fn days_of(story: &Story, sigs: &[Signature], doc_of: &[usize]) -> Option<(i64, i64)> {
    let dated: BTreeSet<usize> = story
        .claims
        .iter()
        .filter(|&&i| sigs[i].published.is_some())
        .map(|&i| doc_of[i])
        .collect();
    if 2 * dated.len() < story.docs.len() {
        return None;
    }
    let days = story.claims.iter().filter_map(|&i| sigs[i].published);
    Some((days.clone().min()?, days.max()?))
}

/// What tells two articles' stories apart: a day the lead states (a week
/// at most: a year or month in a lead is most often background), the
/// publication date, magnitudes, and the people each is about when the
/// other never names them. Not every person named: reports of one event
/// quote different lawyers, officials and witnesses.
fn story_facts(lead: &Signature, members: &[usize], sigs: &[Signature]) -> cluster::Facts {
    let dates = Signature {
        stated: lead
            .stated
            .filter(|(a, b)| b - a <= 7)
            .filter(|&span| is_news_of_the_day(span, lead.published))
            .map(|(a, b)| (a - LEAD_DAY_SLACK, b + LEAD_DAY_SLACK)),
        published: lead.published,
        magnitudes: lead.magnitudes.clone(),
        ..Signature::default()
    };
    let named = main_and_named(members, sigs);
    cluster::Facts::of_article(&dates, named.0, named.1)
}

/// The people an article is about: taking part (not only speaking) in
/// the most of its claims, two at least.
fn main_people(members: &[usize], sigs: &[Signature]) -> BTreeSet<String> {
    main_and_named(members, sigs).0
}

/// An article's main people, and every person it names as taking part.
fn main_and_named(members: &[usize], sigs: &[Signature]) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut count: std::collections::BTreeMap<&str, usize> = Default::default();
    for &i in members {
        for a in sigs[i]
            .anchors
            .iter()
            .filter(|a| !a.speaker && cluster::takes_part(a))
        {
            *count.entry(a.id.as_str()).or_default() += 1;
        }
    }
    let most = count.values().copied().max().unwrap_or(0);
    let main = count
        .iter()
        .filter(|(_, &n)| n >= MAIN_PERSON_MENTIONS && n == most)
        .map(|(id, _)| id.to_string())
        .collect();
    let named = count.keys().map(|id| id.to_string()).collect();
    (main, named)
}

/// A day a lead states dates the article's event when it falls near the
/// day the article was published: news is of the last days. A day
/// months before ("hosted the show in February") is background, a day
/// months ahead ("the ceremony on March 2") is what comes next. Without
/// a publication date nothing tells the event's day from background (or
/// from the day a page was saved), so such a lead's days keep no stories
/// apart.
fn is_news_of_the_day((first, last): (i64, i64), published: Option<i64>) -> bool {
    published.is_some_and(|p| first <= p + NEWS_DAYS && last + NEWS_DAYS >= p)
}

/// Stems and names that two or more of the articles share.
fn core_keys(docs: &[usize], claims_of_doc: &[Vec<usize>], sigs: &[Signature]) -> BTreeSet<String> {
    let mut seen: std::collections::BTreeMap<&str, usize> = Default::default();
    for &d in docs {
        let keys: BTreeSet<&str> = claims_of_doc[d]
            .iter()
            .flat_map(|&i| sigs[i].event_keys())
            .collect();
        for key in keys {
            *seen.entry(key).or_default() += 1;
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

/// A headline or standfirst sums up its article: one word or name of the
/// story's core is enough for it to join.
fn names_the_core(sig: &Signature, core: &BTreeSet<String>) -> bool {
    sig.stems.iter().any(|s| core.contains(s)) || sig.anchors.iter().any(|a| core.contains(&a.id))
}

/// The claim's stated date if it is a day, a week or a month: a decade or
/// a year ("swam to stardom in the 1940s") is background, not the event's
/// date.
fn dated_to_the_month(sig: &Signature) -> Signature {
    Signature {
        stated: sig.stated.filter(|(a, b)| b - a <= 31),
        published: sig.published,
        ..Signature::default()
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::signature::Anchor;
    use crate::document::EntityKind;

    fn said(words: &[&str], name: &str, published: Option<i64>) -> Signature {
        Signature {
            stems: words.iter().map(|w| w.to_string()).collect(),
            anchors: vec![Anchor {
                id: name.to_string(),
                kind: EntityKind::Organisation,
                speaker: false,
            }],
            published,
            ..Signature::default()
        }
    }

    /// Three reports of a ferry's recall, then a later report that tells of
    /// a recall by the same maker: with one report of three dated, the
    /// story's days are unknown and the later report may tell a second
    /// recall; with two of three dated, it recalls the story.
    #[test]
    fn a_story_mostly_undated_takes_no_retellings() {
        let name = "organisation:harbour-lines";
        let words = ["recal", "ferri", "hull"];
        let story = |claims: Vec<usize>| Story {
            docs: vec![0, 1, 2],
            claims,
            leads: Vec::new(),
            degree: Vec::new(),
            core: words
                .iter()
                .map(|w| w.to_string())
                .chain([name.to_string()])
                .collect(),
            central_docs: vec![0, 1, 2],
        };
        let later = said(&words, name, Some(400));
        let doc_of = [0, 1, 2, 3];
        let own = [Some(0), Some(0), Some(0), None];
        let one_dated = vec![
            said(&words, name, Some(100)),
            said(&words, name, None),
            said(&words, name, None),
            later.clone(),
        ];
        assert!(retellings(&[story(vec![0, 1, 2])], &one_dated, &doc_of, &own).is_empty());
        let two_dated = vec![
            said(&words, name, Some(100)),
            said(&words, name, Some(101)),
            said(&words, name, None),
            later,
        ];
        assert_eq!(
            retellings(&[story(vec![0, 1, 2])], &two_dated, &doc_of, &own),
            [(3, 0)]
        );
    }

    #[test]
    fn a_lead_day_dates_the_news_only_near_a_known_publication_day() {
        let day = |d: i64| (d, d);
        assert!(is_news_of_the_day(day(100), Some(102)));
        assert!(!is_news_of_the_day(day(100), Some(100 + NEWS_DAYS + 1)));
        assert!(!is_news_of_the_day(day(400), Some(100)));
        // Undated: the day may be background or the day a page was saved.
        assert!(!is_news_of_the_day(day(100), None));
    }
}
