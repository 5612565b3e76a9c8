//! Event threads on stories the rules never saw: three small multi-outlet
//! corpora written for these tests (`tests/corpora/`): two earthquakes a
//! week apart with two looting arrests, a product recall contested
//! between a company and its regulator beside a team's and a player's
//! boycotts, and an awards show naming its host, told with a past show's
//! and the next show's dates. No word of these stories is in any rule.

use crossread_corpus::{build_corpus, Corpus, SourceFile, Thread};
use std::path::Path;

fn corpus(name: &str) -> Corpus {
    corpus_in_order(name, false)
}

fn corpus_in_order(name: &str, reversed: bool) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpora")
        .join(name);
    let mut files = Vec::new();
    let mut catalog = None;
    for entry in std::fs::read_dir(&dir).expect("test corpus folder") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("readable");
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        if file == "catalog.toml" {
            catalog = Some(String::from_utf8(bytes).expect("utf-8 catalog"));
        } else {
            files.push(SourceFile { name: file, bytes });
        }
    }
    files.sort_by(|a, b| a.name.cmp(&b.name));
    if reversed {
        files.reverse();
    }
    build_corpus(files, catalog.as_deref()).expect("the test corpus builds")
}

fn thread_with<'a>(corpus: &'a Corpus, claim_words: &str) -> Option<&'a Thread> {
    let claim = corpus
        .claims
        .iter()
        .find(|c| c.text.contains(claim_words))
        .unwrap_or_else(|| panic!("no claim with {claim_words:?}"));
    let id = claim.thread.as_ref()?;
    corpus.threads.iter().find(|t| &t.id == id)
}

#[test]
fn two_earthquakes_a_week_apart_are_two_threads_each_across_outlets() {
    let c = corpus("quake");
    let first = thread_with(&c, "magnitude 6.1 earthquake struck").expect("first quake thread");
    let second = thread_with(&c, "magnitude 5.4 earthquake struck").expect("second quake thread");
    assert_ne!(first.id, second.id);
    // The second quake's report recalls the first ("a week after a quake
    // near Padang killed at least 14 people"): that claim tells the first
    // quake too, while its own thread stays the second quake.
    assert_eq!(
        first.docs,
        [
            "harbour-times-first",
            "harbour-times-second",
            "valley-gazette-first"
        ]
    );
    assert_eq!(
        second.docs,
        ["harbour-times-second", "northern-post-second"]
    );
    let recall = c
        .claims
        .iter()
        .find(|c| c.text.contains("a week after a quake near Padang"))
        .expect("the recalling claim");
    assert_eq!(recall.thread.as_deref(), Some(second.id.as_str()));
    assert!(recall.threads.contains(&first.id), "{:?}", recall.threads);
    let first_only: Vec<&str> = c
        .claims
        .iter()
        .filter(|x| x.doc == "harbour-times-second" && x.threads.contains(&first.id))
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(first_only.len(), 1, "{first_only:?}");
    // Labels are headlines or phrases of the text, not keywords.
    assert_eq!(
        first.label,
        "6.1 earthquake strikes Sumatra, killing at least 12"
    );
    assert_eq!(second.label, "New quake damages bridge in Sumatra");
    // The other outlet's account of the first quake joins it.
    assert_eq!(
        thread_with(&c, "At least 14 people died").map(|t| &t.id),
        Some(&first.id)
    );
    // Background is no account of the event.
    assert_eq!(thread_with(&c, "Pacific Ring of Fire"), None);
}

#[test]
fn two_arrests_of_two_people_stay_apart() {
    let c = corpus("quake");
    let budi = thread_with(&c, "arrested Budi Santoso");
    let dewi = thread_with(&c, "arrested Dewi Lestari");
    assert!(budi.is_none() || budi.map(|t| &t.id) != dewi.map(|t| &t.id));
    assert!(c
        .threads
        .iter()
        .all(|t| !(t.docs.contains(&"city-tribune-arrests".to_string())
            && t.docs.contains(&"morning-ledger-arrests".to_string()))));
}

#[test]
fn a_contested_claim_shares_one_thread_with_its_denial() {
    let c = corpus("recall");
    let company = thread_with(&c, "it had voluntarily recalled").expect("recall thread");
    let regulator = thread_with(&c, "contradicting the company").expect("denial in a thread");
    assert_eq!(company.id, regulator.id);
    assert_eq!(
        company.docs,
        [
            "daily-ledger-recall",
            "evening-courier-recall",
            "river-news-recall"
        ]
    );
    assert_eq!(company.label, "Brightwell Foods recalls baby formula");
}

#[test]
fn a_teams_boycott_and_a_players_boycott_stay_apart_and_a_match_is_alone() {
    let c = corpus("recall");
    let team = thread_with(&c, "will boycott the cup final");
    let player = thread_with(&c, "he would boycott the national team");
    assert!(team.is_none() || team.map(|t| &t.id) != player.map(|t| &t.id));
    assert_eq!(thread_with(&c, "Rovers beat United"), None);
}

#[test]
fn threads_are_the_same_whatever_the_order_of_files() {
    let a = corpus_in_order("recall", false);
    let b = corpus_in_order("recall", true);
    assert_eq!(a.threads, b.threads);
    assert_eq!(a.claims, b.claims);
}

#[test]
fn articles_without_an_outlet_are_each_their_own_and_say_what_they_lack() {
    let c = corpus("recall");
    let unknown: Vec<_> = c.documents.iter().filter(|d| d.outlet.is_none()).collect();
    assert_eq!(unknown.len(), 2);
    assert_eq!(
        unknown[0].outlet_label(),
        "river-news-recall.txt (outlet unknown)"
    );
    assert_ne!(unknown[0].outlet_label(), unknown[1].outlet_label());
    assert_eq!(unknown[0].missing_facts().len(), 1);
    assert!(unknown[0].missing_facts()[0].starts_with("no outlet"));
    let dated = c.documents.iter().find(|d| d.outlet.is_some()).unwrap();
    assert_eq!(dated.outlet_label(), dated.outlet.clone().unwrap());
    assert!(dated.missing_facts().is_empty());
}

#[test]
fn headlines_are_claims_in_their_events_thread_and_marked_as_such() {
    let c = corpus("recall");
    let headline = c
        .claims
        .iter()
        .find(|cl| {
            cl.doc == "evening-courier-recall" && cl.part == crossread_corpus::Part::Headline
        })
        .expect("the headline is a claim");
    assert_eq!(
        headline.text,
        "Regulator says Brightwell recall was ordered, not voluntary"
    );
    assert_eq!(headline.paragraph, 0);
    let recall = thread_with(&c, "it had voluntarily recalled").unwrap();
    assert!(headline.threads.contains(&recall.id));
    assert!(headline.entities.iter().any(|e| e.contains("brightwell")));
}

#[test]
fn a_lead_recalling_a_past_show_or_naming_the_next_still_joins_the_news_of_the_day() {
    // All three report the academy naming its host on Saturday; one lead
    // recalls the show of February, another gives next March's date.
    // Days months from the day of publication do not date the news.
    let c = corpus("award");
    let thread = thread_with(&c, "will host the show again").expect("the host story has a thread");
    assert_eq!(
        thread.docs,
        ["coast-herald-host", "metro-star-host", "stage-daily-host"]
    );
}
