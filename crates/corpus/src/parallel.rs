//! Per-document work spread over threads, for native builds only.
//!
//! Why: the per-document stages of the analysis dominate its time and each
//! reads one document, so a build on several cores can share them out.
//! Threads exist only with the `parallel` feature, which the build script,
//! the CLI and the benchmarks enable; the page's wasm build never has it
//! and runs the same stages one document after another. Each thread takes
//! one contiguous run of the items and the runs are joined in order, so
//! the result is the same as the sequential map's, whatever the number of
//! threads.

/// `f` applied to every item, results in the items' order, on up to
/// `workers` threads (one without the `parallel` feature).
#[cfg(feature = "parallel")]
pub(crate) fn map_in_order<T, R, F>(items: &[T], workers: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    if workers <= 1 || items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    let run = items.len().div_ceil(workers);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(run)
            .map(|chunk| scope.spawn(|| chunk.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// `f` applied to every item, results in the items' order.
#[cfg(not(feature = "parallel"))]
pub(crate) fn map_in_order<T, R, F>(items: &[T], _workers: usize, f: F) -> Vec<R>
where
    F: Fn(&T) -> R,
{
    items.iter().map(f).collect()
}

#[cfg(all(test, feature = "parallel"))]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order_whatever_the_number_of_threads() {
        let items: Vec<usize> = (0..103).collect();
        let sequential = map_in_order(&items, 1, |i| i * 2);
        for workers in [2, 3, 8, 200] {
            assert_eq!(map_in_order(&items, workers, |i| i * 2), sequential);
        }
    }
}
