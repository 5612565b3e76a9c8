//! Analysis of the five seed articles, checked against what a reader finds
//! in them: speakers, sources, stances, quantities, dates, merged entities
//! and the cross-article threads. Plus determinism and never panicking.

use crossread_corpus::{
    analyse, build_corpus, ingest, Approx, AttributionKind, Claim, Corpus, EntityKind, Stance,
};
use proptest::prelude::*;
use std::sync::OnceLock;

mod seeds;
use seeds::{seed_files, CATALOG, SEEDS};

fn build() -> Corpus {
    build_corpus(seed_files(), Some(CATALOG)).expect("the seeds are valid")
}

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(build)
}

/// The claim of document `doc` (id prefix) whose text contains `words`.
fn claim(doc: &str, words: &str) -> &'static Claim {
    corpus()
        .claims
        .iter()
        .find(|c| c.doc.starts_with(doc) && c.text.contains(words))
        .unwrap_or_else(|| panic!("no claim in {doc} containing {words:?}"))
}

fn thread_of(label: &str) -> &'static crossread_corpus::Thread {
    corpus()
        .threads
        .iter()
        .find(|t| t.label == label)
        .unwrap_or_else(|| {
            panic!(
                "no thread {label:?}; have {:?}",
                corpus()
                    .threads
                    .iter()
                    .map(|t| &t.label)
                    .collect::<Vec<_>>()
            )
        })
}

#[test]
fn kahl_is_the_speaker_of_the_desperation_quote_in_001() {
    let q = corpus()
        .quotes
        .iter()
        .find(|q| q.doc.starts_with("001") && q.text.starts_with("Frankly speaking"))
        .expect("the Kahl quote");
    assert_eq!(q.speaker.as_deref(), Some("Kahl"));
    assert_eq!(q.speaker_entity.as_deref(), Some("person:colin-kahl"));
    assert!(!q.partial);
}

#[test]
fn she_said_resolves_to_sherman_in_001() {
    let q = corpus()
        .quotes
        .iter()
        .find(|q| q.doc.starts_with("001") && q.text.starts_with("The mobilization of 500,000"))
        .unwrap();
    assert_eq!(q.speaker_entity.as_deref(), Some("person:wendy-sherman"));
    // The quote continued after the attribution keeps its speaker.
    let next = corpus()
        .quotes
        .iter()
        .find(|q| q.text.starts_with("I suspect"))
        .unwrap();
    assert_eq!(next.speaker_entity.as_deref(), Some("person:wendy-sherman"));
}

#[test]
fn burns_told_cbs_news_and_keeps_speaking_in_002() {
    let partial = corpus()
        .quotes
        .iter()
        .find(|q| q.text.starts_with("moving at a pretty fast clip"))
        .unwrap();
    assert_eq!(
        partial.speaker_entity.as_deref(),
        Some("person:william-burns")
    );
    assert!(partial.partial);
    let cont = corpus()
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Russia is proposing"))
        .unwrap();
    assert_eq!(cont.speaker_entity.as_deref(), Some("person:william-burns"));
    let c = claim("002", "moving at a pretty fast clip");
    assert_eq!(c.attribution_kind, AttributionKind::Named);
    let chain: Vec<&str> = c.chain.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(chain, ["William Burns", "CBS News", "Foreign Policy"]);
}

#[test]
fn a_senior_eastern_european_official_is_an_anonymous_speaker_in_002() {
    let q = corpus()
        .quotes
        .iter()
        .find(|q| q.text.contains("unholy alliance"))
        .unwrap();
    assert_eq!(
        q.speaker.as_deref(),
        Some("one senior Eastern European official")
    );
    assert_eq!(q.speaker_entity, None);
    let c = claim("002", "unholy alliance");
    assert_eq!(c.attribution_kind, AttributionKind::Anonymous);
}

#[test]
fn according_to_the_wsj_is_a_media_attribution_with_a_chain_in_003() {
    let c = claim("003", "yet to be finalized");
    assert_eq!(c.attribution_kind, AttributionKind::Media);
    assert_eq!(
        c.attribution_entity.as_deref(),
        Some("media:wall-street-journal")
    );
    let chain: Vec<&str> = c.chain.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(chain, ["Wall Street Journal", "Essanews"]);
    assert_eq!(c.stance, Stance::Unconfirmed);
    // An official quoted by the WSJ, reported by Essanews.
    let c = claim("003", "We assess that Russia intends");
    assert_eq!(c.attribution_kind, AttributionKind::Anonymous);
    let chain: Vec<(&str, AttributionKind)> =
        c.chain.iter().map(|s| (s.name.as_str(), s.kind)).collect();
    assert_eq!(
        chain,
        [
            ("A US official", AttributionKind::Anonymous),
            ("Wall Street Journal", AttributionKind::Media),
            ("Essanews", AttributionKind::Outlet)
        ]
    );
}

#[test]
fn tasnim_citing_a_lawmaker_is_a_three_link_chain_in_001() {
    let c = claim("001", "Tasnim news agency reported");
    let chain: Vec<&str> = c.chain.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(chain, ["an Iranian lawmaker", "Tasnim", "Newsweek"]);
    assert_eq!(c.stance, Stance::Expected);
}

#[test]
fn officials_who_told_cnn_are_anonymous_in_004() {
    let c = claim("004", "approximately 1,000");
    assert_eq!(c.attribution_kind, AttributionKind::Anonymous);
    assert!(c
        .attribution
        .starts_with("officials from a western country"));
    assert_eq!(c.chain.last().map(|s| s.name.as_str()), Some("CNN"));
}

#[test]
fn quantities_keep_their_approximation_and_unit() {
    let n = &claim("004", "approximately 1,000").numbers[0];
    assert_eq!(
        (n.text.as_str(), n.value, n.unit.as_str(), n.approx),
        ("approximately 1,000", 1000.0, "weapons", Approx::About)
    );
    let n = &claim("004", "about 450 drones").numbers[0];
    assert_eq!(
        (n.value, n.unit.as_str(), n.approx),
        (450.0, "drones", Approx::About)
    );
    let n = &claim("004", "more than 300").numbers[0];
    assert_eq!((n.value, n.approx), (300.0, Approx::AtLeast));
    let n = &claim("002", "11 of the 14").numbers[0];
    assert_eq!(
        (n.value, n.of_total, n.unit.as_str()),
        (11.0, Some(14.0), "drones")
    );
    let n = claim("003", "between 125 and 435")
        .numbers
        .iter()
        .find(|n| n.approx == Approx::Range)
        .unwrap();
    assert_eq!(
        (n.value, n.max, n.unit.as_str()),
        (125.0, Some(435.0), "miles")
    );
    let n = &claim("003", "several dozen").numbers[0];
    assert_eq!(
        (n.text.as_str(), n.approx, n.unit.as_str()),
        ("several dozen", Approx::Vague, "missiles")
    );
    let n = &claim("000", "millions of shells").numbers[0];
    assert_eq!((n.approx, n.unit.as_str()), (Approx::Vague, "shells"));
}

#[test]
fn relative_dates_resolve_against_publication() {
    // "in December" in an article of 4 January 2024.
    let c = claim("003", "in December");
    assert_eq!(
        c.event_date.map(|d| d.to_string()).as_deref(),
        Some("2023-12")
    );
    // "last week" in an article of 17 September 2024: the week of the 9th.
    let c = claim("000", "Blinken said");
    assert_eq!(c.event_date_text.as_deref(), Some("last week"));
    assert_eq!(
        c.event_date.map(|d| d.to_string()).as_deref(),
        Some("2024-09-09")
    );
    assert_eq!(
        c.event_date_precision,
        Some(crossread_corpus::date::Precision::Week)
    );
    // "in spring", looking forward.
    let c = claim("003", "could be expected in spring");
    assert_eq!(
        c.event_date.map(|d| d.to_string()).as_deref(),
        Some("2024-03")
    );
    assert_eq!(
        c.event_date_precision,
        Some(crossread_corpus::date::Precision::Season)
    );
    // "on Tuesday" is the publication day itself.
    let c = claim("000", "Sergei Shoigu met with");
    assert_eq!(
        c.event_date.map(|d| d.to_string()).as_deref(),
        Some("2024-09-17")
    );
    // "in September" from January 2023.
    let c = claim("001", "announced in September");
    assert_eq!(
        c.event_date.map(|d| d.to_string()).as_deref(),
        Some("2022-09")
    );
}

#[test]
fn blinken_spelled_two_ways_is_one_person() {
    let blinken: Vec<_> = corpus()
        .entities
        .iter()
        .filter(|e| e.name.contains("Blinken"))
        .collect();
    assert_eq!(blinken.len(), 1);
    assert_eq!(blinken[0].kind, EntityKind::Person);
    assert!(blinken[0].aliases.iter().any(|a| a == "Anthony Blinken"));
    assert_eq!(blinken[0].docs.len(), 2);
}

#[test]
fn surnames_merge_with_full_names_and_roles_are_kept() {
    let kahl = corpus()
        .entities
        .iter()
        .find(|e| e.id == "person:colin-kahl")
        .unwrap();
    assert!(kahl.aliases.contains(&"Kahl".to_string()));
    assert!(kahl
        .roles
        .iter()
        .any(|r| r.contains("Under Secretary of Defense")));
    let burns = corpus()
        .entities
        .iter()
        .find(|e| e.id == "person:william-burns")
        .unwrap();
    assert_eq!(burns.roles, ["CIA Director"]);
    assert!(corpus()
        .entities
        .iter()
        .any(|e| e.id == "person:vladimir-putin" && e.aliases.contains(&"Putin".to_string())));
}

#[test]
fn tehran_and_the_kremlin_stand_for_their_states_without_merging() {
    let tehran = corpus()
        .entities
        .iter()
        .find(|e| e.name == "Tehran")
        .unwrap();
    assert_eq!(tehran.kind, EntityKind::Place);
    assert_eq!(tehran.stands_for.as_deref(), Some("country:iran"));
    let kremlin = corpus()
        .entities
        .iter()
        .find(|e| e.name == "Kremlin")
        .unwrap();
    assert_eq!(kremlin.stands_for.as_deref(), Some("country:russia"));
    let iran = corpus()
        .entities
        .iter()
        .find(|e| e.id == "country:iran")
        .unwrap();
    assert!(!iran.aliases.iter().any(|a| a == "Tehran"));
}

#[test]
fn dprk_is_north_korea() {
    let nk = corpus()
        .entities
        .iter()
        .find(|e| e.id == "country:north-korea")
        .unwrap();
    assert!(nk.aliases.iter().any(|a| a == "DPRK"));
    assert!(nk.docs.iter().any(|d| d.starts_with("003")));
    assert!(!corpus().entities.iter().any(|e| e.name == "DPRK"));
}

#[test]
fn wsj_and_the_wall_street_journal_are_one_outlet() {
    let wsj = corpus()
        .entities
        .iter()
        .find(|e| e.id == "media:wall-street-journal")
        .unwrap();
    assert!(wsj.aliases.iter().any(|a| a == "WSJ"));
    assert!(wsj.mentions >= 5);
}

#[test]
fn the_ballistic_missile_thread_spans_four_articles_with_their_stances() {
    let t = thread_of("Iran → Russia: ballistic missiles");
    for doc in ["000", "001", "003", "004"] {
        assert!(
            t.docs.iter().any(|d| d.starts_with(doc)),
            "{doc} missing from {:?}",
            t.docs
        );
    }
    let in_thread = |c: &Claim| c.threads.contains(&t.id);
    // 000: Blinken states it as done.
    let c = claim("000", "Blinken said that Iran had sent");
    assert!(in_thread(c));
    assert_eq!(c.stance, Stance::Asserted);
    assert_eq!(c.attribution_kind, AttributionKind::Named);
    // 001: no evidence Iran has complied.
    let c = claim("001", "no evidence");
    assert!(in_thread(c));
    assert_eq!(c.stance, Stance::Unconfirmed);
    // 003: negotiations, expected deliveries.
    let c = claim("003", "could be expected in spring");
    assert!(in_thread(c));
    assert!(matches!(c.stance, Stance::Expected | Stance::Hedged));
    // 004: preparing to send.
    let c = claim("004", "Iran is preparing to send");
    assert!(in_thread(c));
    assert_eq!(c.stance, Stance::Expected);
    assert_eq!(c.thread.as_deref(), Some(t.id.as_str()));
}

#[test]
fn other_deliveries_get_their_own_threads() {
    let nk = thread_of("North Korea → Russia: ballistic missiles");
    assert!(nk.docs.iter().any(|d| d.starts_with("003")));
    let jets = thread_of("Russia → Iran: fighter jets");
    assert!(
        jets.docs.iter().any(|d| d.starts_with("001"))
            && jets.docs.iter().any(|d| d.starts_with("002"))
    );
    // North Korea's denial sits in the ammunition thread.
    let c = claim("001", "North Korea has denied");
    assert_eq!(c.stance, Stance::Denied);
    assert!(c
        .threads
        .iter()
        .any(|t| t == "supply:north-korea>russia:ammunition"));
    // Two visits months apart are two events.
    assert_ne!(
        claim("000", "Sergei Shoigu met with").thread,
        claim("003", "visited an Iranian missile test site").thread
    );
}

#[test]
fn unrelated_claims_stay_out_of_threads() {
    assert_eq!(claim("001", "Newsweek has contacted").thread, None);
    assert_eq!(claim("000", "Kursk").thread, None);
    assert_eq!(claim("001", "300,000 new recruits").thread, None);
}

#[test]
fn iran_denial_and_admission_are_separate_clauses() {
    let denied = claim("001", "Iran also initially denied");
    assert_eq!(denied.stance, Stance::Denied);
    let admitted = claim("001", "but later admitted");
    assert_eq!(admitted.stance, Stance::Asserted);
    assert_eq!(
        admitted.event_date.map(|d| d.to_string()).as_deref(),
        Some("2022-02-24")
    );
}

#[test]
fn every_span_slices_its_paragraph_exactly() {
    let c = corpus();
    let paragraph = |doc: &str, p: usize| -> &str {
        &c.documents.iter().find(|d| d.id == doc).unwrap().paragraphs[p]
    };
    for claim in &c.claims {
        // A headline's or standfirst's spans index that part.
        let doc = c.documents.iter().find(|d| d.id == claim.doc).unwrap();
        let text = doc.part_text(claim.part, claim.paragraph).unwrap();
        assert_eq!(&text[claim.start..claim.end], claim.text);
        for n in &claim.numbers {
            assert_eq!(&text[n.start..n.end], n.text);
        }
        for t in &claim.times {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }
    // Every article's headline is a claim, marked as such.
    for doc in &c.documents {
        assert!(
            c.claims
                .iter()
                .any(|cl| cl.doc == doc.id && cl.part == crossread_corpus::Part::Headline),
            "{} has no headline claim",
            doc.id
        );
    }
    for q in &c.quotes {
        assert_eq!(
            &paragraph(&q.doc, q.paragraph)[q.start..q.end].trim(),
            &q.text
        );
    }
    for e in &c.entities {
        assert_eq!(e.mentions, e.spans.len());
        for m in &e.spans {
            assert_eq!(&paragraph(&m.doc, m.paragraph)[m.start..m.end], m.text);
        }
    }
}

#[test]
fn every_reference_points_to_something_that_exists() {
    let c = corpus();
    let entity = |id: &str| c.entities.iter().any(|e| e.id == id);
    for claim in &c.claims {
        assert!(claim.entities.iter().all(|id| entity(id)), "{claim:?}");
        for t in &claim.threads {
            assert!(c.threads.iter().any(|x| &x.id == t));
        }
        for s in &claim.chain {
            assert!(s.entity.as_deref().is_none_or(entity), "{s:?}");
        }
    }
    for q in &c.quotes {
        assert!(q.speaker_entity.as_deref().is_none_or(entity));
    }
    for e in &c.entities {
        assert!(e.stands_for.as_deref().is_none_or(entity));
    }
    for t in &c.threads {
        assert!(t
            .claims
            .iter()
            .all(|id| c.claims.iter().any(|cl| &cl.id == id)));
    }
}

#[test]
fn exporting_twice_gives_identical_bytes() {
    let a = serde_json::to_string_pretty(&build()).unwrap();
    let b = serde_json::to_string_pretty(&build()).unwrap();
    assert_eq!(a, b);
    let a = postcard::to_allocvec(&build()).unwrap();
    let b = postcard::to_allocvec(&build()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn postcard_and_json_round_trip() {
    let corpus = corpus();
    let bytes = postcard::to_allocvec(corpus).unwrap();
    let back: Corpus = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(&back, corpus);
    let json = serde_json::to_string(corpus).unwrap();
    let back: Corpus = serde_json::from_str(&json).unwrap();
    assert_eq!(back.claims.len(), corpus.claims.len());
}

#[test]
fn analysing_one_document_alone_works_like_in_a_corpus() {
    let (name, bytes) = SEEDS[4];
    let doc = ingest(name, bytes, None).unwrap();
    let one = analyse(vec![doc]);
    assert!(one
        .claims
        .iter()
        .any(|c| c.text.contains("approximately 1,000")));
    assert!(one
        .threads
        .iter()
        .any(|t| t.label == "Iran → Russia: ballistic missiles"));
}

/// Found by the property test below: a one-line text whose only claim is its
/// headline. The claim's span indexes the headline, not paragraph 0.
#[test]
fn every_claim_span_indexes_the_text_of_its_part() {
    let doc = ingest("x.txt", "À:A a\r0".as_bytes(), None).unwrap();
    let corpus = analyse(vec![doc]);
    assert!(!corpus.claims.is_empty());
    for c in &corpus.claims {
        let text = corpus.documents[0].part_text(c.part, c.paragraph).unwrap();
        assert!(text.get(c.start..c.end).is_some(), "{c:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_text_makes_the_analysis_panic(paragraphs in proptest::collection::vec(".{0,200}", 1..6)) {
        let text = paragraphs.join("\n");
        if let Ok(doc) = ingest("x.txt", text.as_bytes(), None) {
            let corpus = analyse(vec![doc]);
            for c in &corpus.claims {
                let text = corpus.documents[0].part_text(c.part, c.paragraph);
                prop_assert!(text.and_then(|t| t.get(c.start..c.end)).is_some(), "{:?}", c);
            }
        }
    }

    #[test]
    fn newsy_fragments_do_not_make_the_analysis_panic(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "\"", "“", "”", "’s", "U.S.", "Gen.", "No.", "Sept.", "said", "told CNN", "according to",
                "the WSJ", "Iran", "Tehran", "—", "–", "•", "between", "and", "of the", "11", "1,000",
                "several dozen", "millions of", "last week", "on Monday", "in December", "since 2022",
                "will", "denied", "no evidence", "reportedly", "sent", "missiles", "to Russia", "from",
                ",", ".", "?", "(DPRK)", "she", "Ana Lima", "Su-35", "Iranian-made", "Russia-Iran", "é", "😀",
            ]),
            0..60,
        )
    ) {
        let text = format!("Headline here\n{}", parts.join(" "));
        if let Ok(doc) = ingest("x.txt", text.as_bytes(), None) {
            let _ = analyse(vec![doc]);
        }
    }
}

#[test]
fn every_time_expression_is_exported_with_its_exact_text() {
    let corpus = corpus();
    assert!(!corpus.times.is_empty());
    for t in &corpus.times {
        let doc = corpus.document(&t.doc).expect("document of a time");
        let source = match t.part {
            crossread_corpus::Part::Body => doc.paragraphs[t.paragraph].as_str(),
            crossread_corpus::Part::Headline => doc.headline.trim(),
            crossread_corpus::Part::Standfirst => doc.dek.as_deref().unwrap_or("").trim(),
        };
        assert_eq!(&source[t.start..t.end], t.text, "{t:?}");
    }
    // Every claim's time is among the exported ones, with a value.
    for c in corpus
        .claims
        .iter()
        .filter(|c| c.part == crossread_corpus::Part::Body)
    {
        for t in &c.times {
            assert!(
                corpus.times.iter().any(|e| e.doc == c.doc
                    && e.paragraph == t.paragraph
                    && e.start == t.start
                    && e.value.is_some()),
                "{t:?}"
            );
        }
    }
    let json = serde_json::to_string(&corpus).unwrap();
    let mut old: serde_json::Value = serde_json::from_str(&json).unwrap();
    old.as_object_mut().unwrap().remove("times");
    let loaded: crossread_corpus::Corpus = serde_json::from_value(old).unwrap();
    assert!(loaded.times.is_empty());
}
