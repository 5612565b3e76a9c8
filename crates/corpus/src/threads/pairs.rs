//! Candidate pairs without all pairs: items that share a key go into a
//! bucket, each bucket sorted (by date), and each item is compared with
//! the few that follow it. The comparisons are independent, so a native
//! build shares them among its threads (`crate::parallel`); the caller
//! sorts the pairs found, so the result does not depend on the number of
//! threads.

use crate::parallel::map_in_order;

/// Items of one bucket whose followers one unit of work compares.
const UNIT: usize = 256;

/// Every pair `(score, a, b)` (a < b) of items at most `window` apart in
/// a sorted bucket that `score` accepts, in no particular order (a pair
/// in two buckets is found twice); on up to `workers` threads.
pub fn window_pairs<F>(
    buckets: &[Vec<usize>],
    window: usize,
    workers: usize,
    score: F,
) -> Vec<(f32, usize, usize)>
where
    F: Fn(usize, usize) -> Option<f32> + Sync,
{
    // Work in units of equal size, so that one big bucket (a name every
    // article uses) is shared out too.
    let units: Vec<(&[usize], usize)> = (buckets.iter())
        .flat_map(|bucket| {
            (0..bucket.len())
                .step_by(UNIT)
                .map(move |start| (bucket.as_slice(), start))
        })
        .collect();
    let found = map_in_order(&units, workers, |&(bucket, start)| {
        let mut pairs = Vec::new();
        for k in start..(start + UNIT).min(bucket.len()) {
            let a = bucket[k];
            for &b in bucket.iter().skip(k + 1).take(window) {
                if let Some(s) = score(a, b) {
                    pairs.push((s, a.min(b), a.max(b)));
                }
            }
        }
        pairs
    });
    found.into_iter().flatten().collect()
}

/// Strongest first, ties by the items' order; each pair once.
pub fn strongest_first(mut pairs: Vec<(f32, usize, usize)>) -> Vec<(f32, usize, usize)> {
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    pairs.dedup_by(|x, y| x.1 == y.1 && x.2 == y.2);
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_the_same_on_any_number_of_threads_and_stay_in_the_window() {
        let buckets: Vec<Vec<usize>> = vec![(0..1_000).collect(), (500..700).rev().collect()];
        let score =
            |a: usize, b: usize| (!(a + b).is_multiple_of(3)).then_some(((a * b) % 7) as f32);
        let one = strongest_first(window_pairs(&buckets, 5, 1, score));
        assert_eq!(one, strongest_first(window_pairs(&buckets, 5, 3, score)));
        assert!(one.iter().all(|&(_, a, b)| a < b && b - a <= 5));
        // The first bucket alone gives each item its next five.
        let first = window_pairs(&buckets[..1], 5, 2, |_, _| Some(1.0));
        assert_eq!(
            first.len(),
            (0..1_000).map(|k: usize| (999 - k).min(5)).sum::<usize>()
        );
    }
}
