//! Articles that tell the same story, by everything they say.
//!
//! A lead alone is a few sentences; two reports of one event often open on
//! different details (the victim, the rescue, the police statement). Read
//! whole, they share the names and words of the event far more than two
//! reports of two events of the same kind do. Each article becomes a
//! weighted profile of its content stems and names (a word or name counts
//! more when few articles use it, counting the corpus together with
//! ordinary English, [`super::background`]; lead sentences count twice),
//! and two articles are similar by the cosine of their profiles, the
//! classic measure of topic detection and tracking.
//!
//! Linear, not all-pairs: an article is compared only with the articles
//! that share one of its most telling keys, within a window of neighbours
//! sorted by date.

use super::background::{self, BACKGROUND_DOCS};
use super::pairs::{strongest_first, window_pairs};
use super::signature::Signature;
use std::collections::BTreeMap;

/// Keys of an article that bring it into comparison with others.
const TOP_KEYS: usize = 10;
/// Articles compared with each neighbour this far along a sorted bucket.
const WINDOW: usize = 32;
/// A name weighs this much more than a word.
const NAME_WEIGHT: f32 = 2.0;
/// Lead claims (headline and first sentences) weigh this much more.
const LEAD_WEIGHT: f32 = 2.0;
/// Weaker links are not worth considering; what joins is decided by the
/// groups' mean similarity ([`cohesive`]).
const MIN_LINK: f32 = 0.05;

/// An article's keys with their weights, sorted by key; unit length. Keys
/// are numbered in their alphabetical order over the corpus, so profiles
/// compare by integers in the order the words would.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    keys: Vec<(u32, f32)>,
}

/// The profiles of every article: `claims_of_doc[d]` are article d's
/// claims in text order, `leads[d]` how many of them open it.
pub fn profiles(sigs: &[Signature], claims_of_doc: &[Vec<usize>], leads: &[usize]) -> Vec<Profile> {
    let counts: Vec<BTreeMap<&str, f32>> = claims_of_doc
        .iter()
        .zip(leads)
        .map(|(members, &lead)| key_counts(sigs, members, lead))
        .collect();
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &counts {
        for k in c.keys() {
            *df.entry(k).or_default() += 1;
        }
    }
    let n = counts.len() as f32 + BACKGROUND_DOCS;
    // Each key once: its number and weight over the corpus (idf).
    let keys: BTreeMap<&str, (u32, f32)> = (df.iter().enumerate())
        .map(|(id, (k, &docs))| {
            let seen = docs as f32 + BACKGROUND_DOCS * background::doc_share(k);
            let idf = (1.0 + n / seen).ln();
            (*k, (id as u32, idf * weight_of(k)))
        })
        .collect();
    counts
        .iter()
        .map(|c| {
            let mut keys: Vec<(u32, f32)> = c
                .iter()
                .map(|(k, tf)| {
                    let (id, weight) = keys[k];
                    (id, (1.0 + tf.ln()) * weight)
                })
                .collect();
            let norm = keys
                .iter()
                .map(|(_, w)| w * w)
                .sum::<f32>()
                .sqrt()
                .max(1e-6);
            for k in &mut keys {
                k.1 /= norm;
            }
            Profile { keys }
        })
        .collect()
}

/// Names are `kind:slug`; stems have no colon.
fn weight_of(key: &str) -> f32 {
    if key.contains(':') {
        NAME_WEIGHT
    } else {
        1.0
    }
}

/// How often an article uses each stem and name (at least 1 per use).
fn key_counts<'a>(sigs: &'a [Signature], members: &[usize], lead: usize) -> BTreeMap<&'a str, f32> {
    let mut counts: BTreeMap<&str, f32> = BTreeMap::new();
    for (k, &i) in members.iter().enumerate() {
        let w = if k < lead { LEAD_WEIGHT } else { 1.0 };
        for key in sigs[i].event_keys() {
            *counts.entry(key).or_default() += w;
        }
    }
    counts
}

/// Cosine of two profiles.
pub fn cosine(a: &Profile, b: &Profile) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.keys.len() && j < b.keys.len() {
        match a.keys[i].0.cmp(&b.keys[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a.keys[i].1 * b.keys[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Pairs of articles at least [`MIN_LINK`] similar, strongest first (ties
/// by article order); `day[d]` orders each bucket. On up to `workers`
/// threads.
pub fn links(profiles: &[Profile], day: &[i64], workers: usize) -> Vec<(f32, usize, usize)> {
    let mut buckets: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (d, p) in profiles.iter().enumerate() {
        let mut top: Vec<&(u32, f32)> = p.keys.iter().collect();
        top.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        for (key, _) in top.into_iter().take(TOP_KEYS) {
            buckets.entry(*key).or_default().push(d);
        }
    }
    let buckets: Vec<Vec<usize>> = (buckets.into_values())
        .map(|mut bucket| {
            bucket.sort_by_key(|&d| (day[d], d));
            bucket
        })
        .collect();
    let pairs = window_pairs(&buckets, WINDOW, workers, |a, b| {
        Some(cosine(&profiles[a], &profiles[b])).filter(|&score| score >= MIN_LINK)
    });
    strongest_first(pairs)
}

/// Members of a group compared when two groups meet (the first ones, so
/// the cost of a join is bounded whatever the group's size).
const SAMPLE: usize = 24;
/// Two groups join when their articles are on average this similar...
const MIN_MEAN: f32 = 0.25;
/// ... or this similar when articles of both are about the same person
/// on the same days ([`cohesive`]) ...
const MIN_MEAN_SAME_NEWS: f32 = 0.15;
/// ... and a lone article joins a group at a far lower bar: its one link is
/// all the evidence there is, and a report left alone is a thread lost.
const MIN_MEAN_ALONE: f32 = 0.075;

/// The links that keep groups cohesive: taken strongest first, a link
/// between two groups is kept only when their articles are, on average,
/// similar enough (average linkage), so a chain of loose links cannot join
/// two stories of the same kind. Two groups with articles about the same
/// person published within a day of each other (`same_news`) need less:
/// reports of one person's news of the day that open on different details
/// are rarely two events.
pub fn cohesive(
    links: Vec<(f32, usize, usize)>,
    profiles: &[Profile],
    same_news: &dyn Fn(usize, usize) -> bool,
) -> Vec<(f32, usize, usize)> {
    let mut root: Vec<usize> = (0..profiles.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..profiles.len()).map(|d| vec![d]).collect();
    let mut sampled: Vec<Profile> = profiles.to_vec();
    let mut kept = Vec::new();
    let mut rejected: BTreeMap<(usize, usize), (usize, usize)> = BTreeMap::new();
    for (score, a, b) in links {
        let (ra, rb) = (root[a], root[b]);
        if ra != rb {
            // Two groups already found apart stay apart until one grows.
            let pair = (ra.min(rb), ra.max(rb));
            let sizes = (members[pair.0].len(), members[pair.1].len());
            if rejected.get(&pair) == Some(&sizes) {
                continue;
            }
            let alone = members[ra].len().min(members[rb].len()) == 1;
            let need = if alone {
                MIN_MEAN_ALONE
            } else if same_news_in(&members[ra], &members[rb], same_news) {
                MIN_MEAN_SAME_NEWS
            } else {
                MIN_MEAN
            };
            let pairs = members[ra].len().min(SAMPLE) * members[rb].len().min(SAMPLE);
            let mean = cosine(&sampled[ra], &sampled[rb]) / pairs.max(1) as f32;
            if mean < need {
                rejected.insert(pair, sizes);
                continue;
            }
            let (keep, gone) = if members[ra].len() >= members[rb].len() {
                (ra, rb)
            } else {
                (rb, ra)
            };
            let moved = std::mem::take(&mut members[gone]);
            for &d in &moved {
                root[d] = keep;
            }
            let room = SAMPLE.saturating_sub(members[keep].len());
            for &d in moved.iter().take(room) {
                sampled[keep] = sampled[keep].plus(&profiles[d]);
            }
            sampled[gone] = Profile::default();
            members[keep].extend(moved);
        }
        kept.push((score, a, b));
    }
    kept
}

impl Profile {
    /// The sum of two profiles (no longer of unit length): a group's
    /// sampled members summed, whose cosine with another group's sum is
    /// the sum of every cross pair's cosine.
    fn plus(&self, other: &Profile) -> Profile {
        let (a, b) = (&self.keys, &other.keys);
        let mut keys = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x.0 == y.0 => {
                    keys.push((x.0, x.1 + y.1));
                    (i, j) = (i + 1, j + 1);
                }
                (Some(x), Some(y)) if x.0 < y.0 => {
                    keys.push(*x);
                    i += 1;
                }
                (Some(x), None) => {
                    keys.push(*x);
                    i += 1;
                }
                (_, Some(y)) => {
                    keys.push(*y);
                    j += 1;
                }
                (None, None) => break,
            }
        }
        Profile { keys }
    }
}

/// Does an article of one group tell the same news as one of the other
/// (see [`cohesive`])?
fn same_news_in(a: &[usize], b: &[usize], same_news: &dyn Fn(usize, usize) -> bool) -> bool {
    a.iter()
        .take(SAMPLE)
        .any(|&x| b.iter().take(SAMPLE).any(|&y| same_news(x, y)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stem::stem;

    fn article(words: &[&str]) -> Signature {
        Signature {
            stems: words.iter().map(|w| stem(w)).collect(),
            ..Signature::default()
        }
    }

    /// Keys as a corpus numbers them, in alphabetical order.
    const POLICE: u32 = 0;
    const RESCUE: u32 = 1;

    fn profile(keys: &[(u32, f32)]) -> Profile {
        Profile {
            keys: keys.to_vec(),
        }
    }

    /// Two pairs of reports, each pair close, the pairs a fifth alike (one
    /// opens on the rescue, the other on the police): apart in general,
    /// one story when they are about the same person on the same days.
    #[test]
    fn groups_about_one_person_on_the_same_days_join_at_a_lower_bar() {
        let rescue = profile(&[(RESCUE, 1.0)]);
        let police = profile(&[(POLICE, 0.98), (RESCUE, 0.2)]);
        let profiles = vec![rescue.clone(), rescue, police.clone(), police];
        let links = vec![(1.0, 0, 1), (1.0, 2, 3), (0.2, 1, 2)];
        assert_eq!(cohesive(links.clone(), &profiles, &|_, _| false).len(), 2);
        assert_eq!(cohesive(links, &profiles, &|_, _| true).len(), 3);
    }

    /// In a corpus of three, the four everyday words two articles share
    /// would outweigh the two words of the event two others share; counted
    /// against ordinary English, the event's words tell more.
    #[test]
    fn rare_shared_words_outweigh_everyday_ones_in_a_small_corpus() {
        let sigs = vec![
            article(&["tremor", "aftershock", "people", "said", "year", "told"]),
            article(&["tremor", "aftershock", "rescuers"]),
            article(&["people", "said", "year", "told", "home"]),
        ];
        let claims_of_doc = vec![vec![0], vec![1], vec![2]];
        let p = profiles(&sigs, &claims_of_doc, &[1, 1, 1]);
        let same_event = cosine(&p[0], &p[1]);
        let everyday = cosine(&p[0], &p[2]);
        assert!(same_event > 1.5 * everyday, "{same_event} vs {everyday}");
    }
}
