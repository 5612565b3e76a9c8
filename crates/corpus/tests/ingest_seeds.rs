//! Ingestion of the five seed articles: every removed block and every
//! extracted field, checked against what a reader sees in the files; and the
//! corpus-level handling of bad input.

use crossread_corpus::{
    build_corpus, Corpus, Document, Problem, Provenance, RemovalReason, SourceFile,
};
use proptest::prelude::*;

mod seeds;
use seeds::{seed_files, CATALOG, SEEDS};

fn corpus() -> Corpus {
    build_corpus(seed_files(), Some(CATALOG)).expect("the seeds are a valid corpus")
}

fn doc(corpus: &Corpus, prefix: &str) -> Document {
    corpus
        .documents
        .iter()
        .find(|d| d.id.starts_with(prefix))
        .cloned()
        .expect("seed present")
}

fn removed(document: &Document) -> Vec<(RemovalReason, &str)> {
    document
        .boilerplate
        .iter()
        .map(|r| (r.reason, r.text.as_str()))
        .collect()
}

fn provenance(document: &Document, field: &str) -> Option<Provenance> {
    document.provenance.get(field).copied()
}

#[test]
fn documents_come_in_file_name_order_with_ids_from_file_names() {
    let ids: Vec<String> = corpus().documents.iter().map(|d| d.id.clone()).collect();
    assert_eq!(
        ids,
        SEEDS
            .iter()
            .map(|(n, _)| n.trim_end_matches(".txt").to_string())
            .collect::<Vec<_>>()
    );
}

#[test]
fn business_insider_summary_bullets_and_catalog_facts() {
    let d = doc(&corpus(), "000");
    assert_eq!(d.headline, "Russia is after more Iranian and North Korean missiles to help it tip the balance in Ukraine, experts say");
    assert_eq!(d.summary.len(), 2);
    assert!(d.summary[1].starts_with("Sergei Shoigu's visit came just days after"));
    assert_eq!(d.dek, None);
    assert_eq!(d.paragraphs.len(), 16);
    assert!(d.paragraphs[0].starts_with("A close Putin ally visited Iran this week"));
    assert!(d.paragraphs[15].ends_with("after a surprise attack last month."));
    assert_eq!(d.outlet.as_deref(), Some("Business Insider"));
    assert_eq!(d.via.as_deref(), Some("Business Insider India"));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2024-09-17")
    );
    assert_eq!(provenance(&d, "published"), Some(Provenance::Catalog));
    assert_eq!(provenance(&d, "headline"), Some(Provenance::Text));
    assert!(d.authors.is_empty());
    assert_eq!(d.notes.len(), 1);
}

#[test]
fn newsweek_on_msn_banner_byline_caption_and_trailing_chrome() {
    let d = doc(&corpus(), "001");
    assert_eq!(
        d.headline,
        "Russia Desperate for Iran, North Korea Help With Missiles, Drones: U.S."
    );
    let reasons: Vec<RemovalReason> = removed(&d).iter().map(|(r, _)| *r).collect();
    use RemovalReason::*;
    assert_eq!(
        reasons,
        [SiteBanner, Headline, Byline, Caption, Related, Promo, Tracking]
    );
    assert!(removed(&d)[3].1.contains("Carl Court/Getty Images"));
    assert_eq!(d.outlet.as_deref(), Some("Newsweek"));
    assert_eq!(provenance(&d, "outlet"), Some(Provenance::Text));
    assert_eq!(d.via.as_deref(), Some("MSN"));
    assert_eq!(provenance(&d, "via"), Some(Provenance::Text));
    assert_eq!(d.authors, ["David Brennan"]);
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2023-01-17")
    );
    assert_eq!(provenance(&d, "published"), Some(Provenance::Text));
    assert_eq!(d.paragraphs.len(), 15);
    assert!(d
        .paragraphs
        .last()
        .unwrap()
        .contains("so that Ukraine will win."));
    assert!(d
        .paragraphs
        .iter()
        .all(|p| !p.contains("Getty") && !p.contains("beacon")));
}

#[test]
fn foreign_policy_dek_byline_promo_captions_dateline_topic_box_and_source_line() {
    let d = doc(&corpus(), "002");
    assert_eq!(d.headline, "Iran Doubles Down on Arms for Russia");
    assert_eq!(d.dek.as_deref(), Some("Despite fresh salvos of Western sanctions, Tehran and Moscow are buddying up on defense ties."));
    assert_eq!(d.authors, ["Robbie Gramer"]);
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2023-03-03T12:36")
    );
    assert_eq!(
        d.url.as_deref(),
        Some("https://foreignpolicy.com/2023/03/03/russia-iran-drones-uav-ukraine-war-military-cooperation-sanctions/")
    );
    assert_eq!(provenance(&d, "url"), Some(Provenance::Text));
    use RemovalReason::*;
    let reasons: Vec<RemovalReason> = removed(&d).iter().map(|(r, _)| *r).collect();
    assert_eq!(
        reasons,
        [
            Headline, Dek, Byline, Promo, Duplicate, Caption, Dateline, Related, Related, Related,
            SourceLine
        ]
    );
    assert_eq!(removed(&d)[7].1, "Russia’s War in Ukraine");
    assert_eq!(d.paragraphs.len(), 8);
    assert!(d.paragraphs[0].starts_with("Iran is doubling down on military support"));
    assert!(d.paragraphs[7].starts_with("Russia and Iran’s military alliance"));
    assert!(d
        .paragraphs
        .iter()
        .all(|p| !p.contains("MORE ON THIS TOPIC") && !p.contains("Subscribe")));
}

#[test]
fn essanews_glued_section_label_duplicated_caption_credit_and_dateline_with_zone() {
    let d = doc(&corpus(), "003");
    assert_eq!(d.headline, "Russia's imminent missile purchases from Iran draw US concern amid ongoing Ukraine conflict");
    use RemovalReason::*;
    let removed = removed(&d);
    assert_eq!(removed[0], (SectionLabel, "News"));
    let reasons: Vec<RemovalReason> = removed.iter().map(|(r, _)| *r).collect();
    assert_eq!(
        reasons,
        [
            SectionLabel,
            Headline,
            RepeatedHeadline,
            Caption,
            Duplicate,
            Credit,
            Dateline,
            Related
        ]
    );
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2024-01-04T13:36-05:00")
    );
    assert_eq!(d.paragraphs.len(), 7);
    assert!(
        d.paragraphs.contains(&"New Missiles".to_string()),
        "crossheads stay in the body"
    );
    assert_eq!(d.outlet.as_deref(), Some("Essanews"));
    assert_eq!(provenance(&d, "outlet"), Some(Provenance::Catalog));
}

#[test]
fn cnn_on_egypt_independent_section_label_nbsp_lines_and_trailing_navigation() {
    let d = doc(&corpus(), "004");
    assert!(d
        .headline
        .starts_with("Iran is preparing to send additional weapons"));
    use RemovalReason::*;
    let reasons: Vec<RemovalReason> = removed(&d).iter().map(|(r, _)| *r).collect();
    assert_eq!(reasons, [SectionLabel, Headline, Related, Navigation]);
    assert_eq!(d.paragraphs.len(), 9);
    assert!(d
        .paragraphs
        .iter()
        .all(|p| !p.trim().is_empty() && !p.contains('\u{a0}')));
    assert!(d.paragraphs[8]
        .starts_with("Some background: Last week, Secretary of State Antony Blinken"));
    assert_eq!(
        (d.outlet.as_deref(), d.via.as_deref()),
        (Some("CNN"), Some("Egypt Independent"))
    );
}

#[test]
fn no_visible_text_is_lost() {
    // Every visible character of a seed is in the body, the removed parts or
    // the lifted fields, in order within each.
    for document in corpus().documents {
        let (_, bytes) = SEEDS.iter().find(|(n, _)| *n == document.file).unwrap();
        let original: String = String::from_utf8_lossy(bytes)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let mut kept: Vec<String> = document.paragraphs.clone();
        kept.extend(document.boilerplate.iter().map(|r| r.text.clone()));
        let kept_chars: usize = kept
            .iter()
            .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        assert_eq!(
            kept_chars,
            original.chars().count(),
            "{}: characters lost or duplicated",
            document.file
        );
        for part in kept {
            let compact: String = part.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(
                original.contains(&compact),
                "{}: {part:?} is not in the file",
                document.file
            );
        }
    }
}

#[test]
fn a_catalog_value_that_disagrees_with_the_text_is_reported() {
    let catalog = "[[article]]\nfile = \"001_4f741bc833aec211.txt\"\noutlet = \"Newsweak\"\npublished = \"2023-01-18\"\n";
    let corpus = build_corpus(seed_files(), Some(catalog)).unwrap();
    let d = doc(&corpus, "001");
    let fields: Vec<&str> = d.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["outlet", "published"]);
    assert_eq!(d.outlet.as_deref(), Some("Newsweak"));
    assert_eq!(provenance(&d, "outlet"), Some(Provenance::Catalog));
}

#[test]
fn a_catalog_value_that_agrees_with_the_text_keeps_text_provenance() {
    let catalog = "[[article]]\nfile = \"002_c7b22896c97e37f5.txt\"\npublished = \"2023-03-03\"\n";
    let d = doc(&build_corpus(seed_files(), Some(catalog)).unwrap(), "002");
    assert!(d.conflicts.is_empty());
    assert_eq!(provenance(&d, "published"), Some(Provenance::Text));
    assert_eq!(
        d.published.map(|p| p.to_string()).as_deref(),
        Some("2023-03-03T12:36"),
        "the more precise value wins"
    );
}

#[test]
fn every_problem_in_a_corpus_is_reported_with_its_file() {
    let mut files = seed_files();
    files.push(SourceFile {
        name: "empty.txt".into(),
        bytes: Vec::new(),
    });
    files.push(SourceFile {
        name: "latin1.txt".into(),
        bytes: b"Caf\xe9 owners protest".to_vec(),
    });
    files.push(SourceFile {
        name: "page.txt".into(),
        bytes: b"<html><body><script>x()</script></body></html>".to_vec(),
    });
    let catalog = format!("{CATALOG}\n[[article]]\nfile = \"missing.txt\"\n");
    let error = build_corpus(files, Some(&catalog)).unwrap_err();
    let found: Vec<(String, Problem)> = error
        .problems
        .iter()
        .map(|p| (p.file.clone(), p.problem.clone()))
        .collect();
    assert_eq!(found.len(), 4, "{error}");
    assert!(found.contains(&("missing.txt".into(), Problem::CatalogEntryWithoutFile)));
    assert!(found.contains(&("empty.txt".into(), Problem::Empty)));
    assert!(found.contains(&("latin1.txt".into(), Problem::NotUtf8 { byte_offset: 3 })));
    // A whole page saved as a text is read as a page; this one has no text.
    assert!(found
        .iter()
        .any(|(file, p)| file == "page.txt" && matches!(p, Problem::NoText { .. })));
    let message = error.to_string();
    assert!(
        message.contains("empty.txt: the file is empty"),
        "{message}"
    );
}

#[test]
fn a_malformed_catalog_is_reported_by_name() {
    let error = build_corpus(seed_files(), Some("[[article]\nfile = ")).unwrap_err();
    assert_eq!(error.problems[0].file, "catalog.toml");
    assert!(matches!(
        error.problems[0].problem,
        Problem::CatalogSyntax(_)
    ));
}

#[test]
fn the_same_seeds_give_byte_identical_data() {
    let first = postcard::to_allocvec(&corpus()).unwrap();
    let mut reversed = seed_files();
    reversed.reverse();
    let second = postcard::to_allocvec(&build_corpus(reversed, Some(CATALOG)).unwrap()).unwrap();
    assert_eq!(first, second);
    let json_a = serde_json::to_string(&corpus()).unwrap();
    let json_b = serde_json::to_string(&corpus()).unwrap();
    assert_eq!(json_a, json_b);
}

#[test]
fn the_embedded_form_round_trips() {
    let corpus = corpus();
    let bytes = postcard::to_allocvec(&corpus).unwrap();
    let decoded: Corpus = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(decoded, corpus);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn ingestion_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = crossread_corpus::ingest("fuzz.txt", &bytes, None);
    }

    #[test]
    fn ingestion_never_panics_on_arbitrary_text(text in "(\\PC|\\n|\\r|\u{a0}){0,600}") {
        let _ = crossread_corpus::ingest("fuzz.txt", text.as_bytes(), None);
    }

    #[test]
    fn ingestion_never_panics_on_mutated_seeds(seed in 0usize..5, cut in 0usize..4000, insert in "\\PC{0,40}") {
        let text = String::from_utf8_lossy(SEEDS[seed].1).into_owned();
        let at = (0..=cut.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let mutated = format!("{}{insert}{}", &text[..at], &text[at..]);
        let _ = crossread_corpus::ingest("fuzz.txt", mutated.as_bytes(), None);
    }

    #[test]
    fn catalog_parsing_never_panics(text in "\\PC{0,300}") {
        let _ = crossread_corpus::Catalog::parse("catalog.toml", &text);
    }
}
