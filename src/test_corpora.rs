//! The corpora native tests run the views on: the seeds (embedded) and the
//! small multi-outlet stories of `tests/corpora`, whole or cut into a big
//! site's data files. Compare and timelines of a big site are checked here
//! against the same views of the whole corpus.

use crossread_corpus::parts::{data_files, DataFile, Layout, LibraryIndex, ThreadIndex};
use crossread_corpus::Corpus;

/// The corpus of a folder of `tests/corpora`, with its catalog.
pub fn test_corpus(name: &str) -> Corpus {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpora")
        .join(name);
    let mut files: Vec<crossread_corpus::SourceFile> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| crossread_corpus::SourceFile {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(&path).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name));
    let catalog = std::fs::read_to_string(dir.join("catalog.toml")).ok();
    crossread_corpus::build_corpus(files, catalog.as_deref()).unwrap()
}

/// The seeds and the three unrelated stories.
pub fn every_test_corpus() -> Vec<Corpus> {
    let seeds = crate::corpus_data::corpus().unwrap().clone();
    let others = ["quake", "recall", "award"].map(test_corpus);
    std::iter::once(seeds).chain(others).collect()
}

/// A big site's data files of `corpus`, as the page fetches them.
pub struct Site {
    pub files: Vec<DataFile>,
    pub library: LibraryIndex,
}

impl Site {
    pub fn of(corpus: &Corpus) -> Site {
        Site::cut(corpus, Layout::default())
    }

    pub fn cut(corpus: &Corpus, layout: Layout) -> Site {
        let files = data_files(corpus, layout).unwrap();
        let library = postcard::from_bytes(&files.last().unwrap().bytes).unwrap();
        Site { files, library }
    }

    /// Data file `name`, decoded.
    pub fn decode<T: serde::de::DeserializeOwned>(&self, name: &str) -> T {
        let file = self.files.iter().find(|f| f.name == name);
        postcard::from_bytes(&file.unwrap_or_else(|| panic!("no {name}")).bytes).unwrap()
    }

    pub fn threads(&self) -> ThreadIndex {
        self.decode(&self.library.threads)
    }
}

#[cfg(test)]
mod big_site {
    use super::*;
    use crate::compare::{compare_thread, coverage, coverage_from_index};
    use crate::filters::Filters;
    use crate::timeline::lanes::LaneFolds;
    use crate::timeline::{Layout as ChartLayout, Timeline};
    use std::collections::BTreeSet;

    /// Rows as the matrix shows them: thread, claims, and per outlet its
    /// claims and dominant stance.
    fn rows(matrix: &crate::compare::CoverageMatrix) -> Vec<String> {
        let outlets = matrix
            .outlets
            .iter()
            .map(|o| format!("{} {:?}", o.name, o.hosts));
        let rows = matrix.rows.iter().map(|row| {
            let cells = row.cells.iter().map(|c| (c.claims, c.stances.clone()));
            format!(
                "{} {} {:?}",
                row.thread.id,
                row.claims,
                cells.collect::<Vec<_>>()
            )
        });
        let lone = std::iter::once(format!("{:?}", matrix.unthreaded));
        outlets.chain(rows).chain(lone).collect()
    }

    #[test]
    fn the_thread_index_gives_the_coverage_matrix_of_the_whole_corpus() {
        for corpus in every_test_corpus() {
            let index = Site::of(&corpus).threads();
            let first = index.outlets.first().map(|o| o.name.clone());
            for chosen in [BTreeSet::new(), first.into_iter().collect()] {
                let whole = coverage(&corpus, &chosen);
                assert!(!whole.rows.is_empty(), "a test corpus has threads");
                assert_eq!(rows(&coverage_from_index(&index, &chosen)), rows(&whole));
            }
        }
    }

    /// Each lane's thread, claims, and counts per period in `window`.
    fn counted(timeline: &Timeline, window: crate::timeline::scale::Window) -> Vec<String> {
        let open = LaneFolds::default();
        let layout = ChartLayout::with_limit(timeline, window, &open, 0);
        (layout.lanes.iter())
            .map(|placed| {
                let counts = placed
                    .counts
                    .iter()
                    .map(|c| (c.count.first_day, c.count.marks));
                let head = format!("{} {}", placed.lane.fold_id(), placed.lane.claims());
                format!(
                    "{head} {:?} {}",
                    counts.collect::<Vec<_>>(),
                    placed.collapsed
                )
            })
            .collect()
    }

    #[test]
    fn the_thread_index_gives_the_timeline_counts_of_every_claim() {
        for corpus in every_test_corpus() {
            let index = Site::of(&corpus).threads();
            for filters in by_outlet_and_stance(&corpus) {
                let shown = crate::corpus_data::CorpusRef::new(corpus.clone());
                let matches = crate::timeline::claims_matching(&shown, &filters);
                let whole = Timeline::build(&corpus, &matches, &BTreeSet::new());
                let counted_only = Timeline::from_index(&index, &filters);
                assert!(counted_only.is_counted() && !whole.is_counted());
                // Narrowed, a lane keeps its thread's publication span: the
                // window may be wider, never narrower.
                let (wide, window) = (counted_only.default_window(), whole.default_window());
                match filters == Filters::default() {
                    true => assert_eq!(wide, window),
                    false => assert!(
                        wide.first_day <= window.first_day && wide.last_day >= window.last_day
                    ),
                }
                assert_eq!(counted_only.undated_count, whole.undated.len());
                assert_eq!(counted_only.claim_count(), whole.claim_count());
                let window = whole.default_window();
                let (first, last) = whole.extent().unwrap();
                let narrow = crate::timeline::scale::Window::new(first, (first + 40).min(last));
                for window in [window, narrow] {
                    let (index_counts, claims_counts) =
                        (counted(&counted_only, window), counted(&whole, window));
                    assert_eq!(index_counts, claims_counts, "{filters:?}");
                }
            }
        }
    }

    /// No filter, then an outlet, a stance, and both, as some dated claim
    /// of `corpus` meets them.
    fn by_outlet_and_stance(corpus: &Corpus) -> Vec<Filters> {
        let dated = corpus
            .claims
            .iter()
            .rev()
            .find(|c| c.event_date.is_some())
            .unwrap();
        let outlet = corpus.document(&dated.doc).unwrap().outlet_label();
        let outlets: BTreeSet<String> = [outlet].into();
        let stances: BTreeSet<crossread_corpus::Stance> = [dated.stance].into();
        vec![
            Filters::default(),
            Filters {
                outlets: outlets.clone(),
                ..Filters::default()
            },
            Filters {
                stances: stances.clone(),
                ..Filters::default()
            },
            Filters {
                outlets,
                stances,
                ..Filters::default()
            },
        ]
    }

    /// What the thread view shows: its outlets, each row's claims and
    /// differences, and the figures compared.
    fn aligned(comparison: &crate::compare::ThreadComparison) -> Vec<String> {
        let outlets = comparison.outlets.iter().map(|o| o.name.clone());
        let rows = comparison.rows.iter().map(|row| {
            let claims = row.claims.iter().map(|c| c.map(|c| c.id.as_str()));
            format!("{:?} {:?}", claims.collect::<Vec<_>>(), row.differences)
        });
        let figures = (comparison.figures.iter())
            .map(|f| format!("{} {} {}", f.counted, f.differ, f.figures.len()));
        outlets.chain(rows).chain(figures).collect()
    }

    #[test]
    fn a_threads_file_compares_and_draws_it_as_the_whole_corpus_does() {
        for corpus in every_test_corpus() {
            let site = Site::of(&corpus);
            let index = site.threads();
            for summary in &index.threads {
                let part: Corpus = site.decode(&summary.file_name());
                let thread = part.threads.iter().find(|t| t.id == summary.thread.id);
                let whole_thread = corpus.threads.iter().find(|t| t.id == summary.thread.id);
                assert_eq!(
                    thread, whole_thread,
                    "the thread file holds its thread whole"
                );
                let (thread, whole_thread) = (thread.unwrap(), whole_thread.unwrap());
                let chosen = BTreeSet::new();
                assert_eq!(
                    aligned(&compare_thread(&part, thread, &chosen)),
                    aligned(&compare_thread(&corpus, whole_thread, &chosen))
                );
                for filters in narrowed(&corpus, &thread.id) {
                    assert_eq!(
                        marks_of(&part, &filters),
                        marks_of(&corpus, &filters),
                        "{filters:?}"
                    );
                }
            }
        }
    }

    /// Thread `id` alone, then with each other kind of filter as one of
    /// its claims meets it (outlet, stance, source, quote, a word).
    fn narrowed(corpus: &Corpus, id: &str) -> Vec<Filters> {
        let alone = Filters {
            threads: [id.to_string()].into(),
            ..Filters::default()
        };
        let claim = corpus
            .claims
            .iter()
            .find(|c| c.threads.iter().any(|t| t == id));
        let Some(claim) = claim else {
            return vec![alone];
        };
        let outlet = corpus.document(&claim.doc).map(|d| d.outlet_label());
        let word = (claim.text.split(|c: char| !c.is_alphanumeric())).max_by_key(|w| w.len());
        let with = |change: &dyn Fn(&mut Filters)| {
            let mut filters = alone.clone();
            change(&mut filters);
            filters
        };
        vec![
            with(&|f| f.outlets = outlet.iter().cloned().collect()),
            with(&|f| f.stances = [claim.stance].into()),
            with(&|f| f.sources = [claim.attribution_kind].into()),
            with(&|f| f.has_quote = true),
            with(&|f| f.text = word.unwrap_or_default().to_string()),
            alone,
        ]
    }

    /// The marks a timeline of `filters` draws (lane and claim, days,
    /// outlet), then the claims it lists as undated.
    fn marks_of(corpus: &Corpus, filters: &Filters) -> Vec<String> {
        let shown = crate::corpus_data::CorpusRef::new(corpus.clone());
        let matches = crate::timeline::claims_matching(&shown, filters);
        let timeline = Timeline::build(&shown, &matches, &filters.threads);
        let marks = (timeline.lanes.iter().flat_map(|l| &l.marks))
            .map(|m| format!("{} {} {} {}", m.key(), m.first_day, m.last_day, m.outlet));
        let undated = timeline.undated.iter().map(|c| c.id.clone());
        marks.chain(undated).collect()
    }

    #[test]
    fn several_threads_files_draw_their_threads_as_the_whole_corpus_does() {
        use crossread_corpus::parts::threads::merge_parts;
        for corpus in every_test_corpus() {
            let one_each = Layout {
                thread_file_claims: 1,
                ..Layout::default()
            };
            let site = Site::cut(&corpus, one_each);
            let index = site.threads();
            let files: BTreeSet<String> = index.threads.iter().map(|t| t.file_name()).collect();
            assert_eq!(files.len(), corpus.threads.len(), "a file per thread");
            // The two threads with most claims, each from its own file.
            let mut biggest: Vec<_> = index.threads.iter().collect();
            biggest.sort_by_key(|t| std::cmp::Reverse(t.claims));
            if biggest.len() < 2 {
                continue;
            }
            let parts: Vec<Corpus> = (biggest[..2].iter())
                .map(|t| site.decode(&t.file_name()))
                .collect();
            let merged = merge_parts(&parts.iter().collect::<Vec<_>>());
            let filters = Filters {
                threads: biggest[..2].iter().map(|t| t.thread.id.clone()).collect(),
                ..Filters::default()
            };
            let drawn = marks_of(&merged, &filters);
            assert!(!drawn.is_empty());
            assert_eq!(drawn, marks_of(&corpus, &filters));
        }
    }

    /// The claims a big site's explorer lists for `filters`: each article
    /// its facet index matches (a search's articles looked up in the word
    /// shards), then that article's claims its pack's index lets through.
    fn claims_by_article(site: &Site, filters: &Filters) -> BTreeSet<String> {
        use crate::explore::{ExploreIndex, ResultsAs};
        use crate::search::Query;
        let index = ExploreIndex::from_facets(site.decode(&site.library.facets));
        let index = match index.thread_file() {
            Some(file) if !filters.threads.is_empty() => {
                index.with_threads(site.decode(&file)).unwrap()
            }
            _ => index,
        };
        let query = Query::parse(&filters.text);
        let looked_up = index.look_up(&query, |file| Some(std::rc::Rc::new(site.decode(file))));
        let articles = index.run_looked_up(filters, ResultsAs::Articles, looked_up.as_ref());
        let library = &site.library;
        let mut claims = BTreeSet::new();
        for at in articles.matches {
            let (page, size) = (at / library.page_size, library.page_size);
            let listed: Corpus = match library.page_file(page) {
                Some(file) => site.decode(&file),
                None => library.library.clone(),
            };
            let id = &listed.documents[at % size].id;
            let pack: Corpus = site.decode(&library.pack_of(id).unwrap());
            let found = ExploreIndex::build(&pack).run(filters, ResultsAs::Claims);
            let found = found.matches.iter().map(|&i| &pack.claims[i]);
            claims.extend(found.filter(|c| &c.doc == id).map(|c| c.id.clone()));
        }
        claims
    }

    #[test]
    fn a_big_site_lists_the_claims_the_whole_corpus_s_explorer_lists() {
        use crate::explore::{ExploreIndex, ResultsAs};
        use crossread_corpus::{AttributionKind, Stance};
        for corpus in every_test_corpus() {
            let site = Site::cut(
                &corpus,
                Layout {
                    page_size: 2,
                    ..Layout::default()
                },
            );
            let whole = ExploreIndex::build(&corpus);
            let middle = &corpus.claims[corpus.claims.len() / 2];
            let counting = corpus.claims.iter().find(|c| !c.numbers.is_empty());
            let word = middle
                .text
                .split(|c: char| !c.is_alphanumeric())
                .max_by_key(|w| w.len());
            // A thread, and the stance of one of its claims with another.
            let threaded = corpus
                .claims
                .iter()
                .find(|c| !c.threads.is_empty())
                .unwrap();
            let thread = threaded.threads[0].clone();
            let stances = [threaded.stance, Stance::Denied];
            let mut cases = vec![
                Filters::default(),
                Filters {
                    has_quote: true,
                    ..Filters::default()
                },
                Filters {
                    sources: [middle.attribution_kind, AttributionKind::Anonymous].into(),
                    ..Filters::default()
                },
                Filters {
                    text: word.unwrap().to_string(),
                    ..Filters::default()
                },
                Filters {
                    threads: [thread].into(),
                    stances: stances.into(),
                    ..Filters::default()
                },
            ];
            cases.extend(counting.map(|claim| Filters {
                has_number: true,
                stances: [claim.stance].into(),
                ..Filters::default()
            }));
            // The outlet of an article that quotes someone.
            let quoting = corpus.claims.iter().find(|c| !c.quotes.is_empty());
            cases.extend(
                (quoting.and_then(|c| corpus.document(&c.doc)))
                    .and_then(|d| d.outlet.clone())
                    .map(|outlet| Filters {
                        outlets: [outlet].into(),
                        has_quote: true,
                        ..Filters::default()
                    }),
            );
            for filters in cases {
                let expected: BTreeSet<String> = (whole.run(&filters, ResultsAs::Claims).matches)
                    .iter()
                    .map(|&i| corpus.claims[i].id.clone())
                    .collect();
                assert!(
                    !expected.is_empty(),
                    "{filters:?}: the case needs some claims"
                );
                assert_eq!(claims_by_article(&site, &filters), expected, "{filters:?}");
            }
        }
    }
}
