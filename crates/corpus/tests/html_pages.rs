//! Saved web pages (`.html`): the article's text and metadata, checked
//! against the plain text of the same article; chrome set aside with
//! reasons; scripts never shown; malformed markup never panics.

use crossread_corpus::{
    build_corpus, ingest, Document, Problem, Provenance, RemovalReason, SourceFile,
};
use proptest::prelude::*;

const PAGE: &[u8] = include_bytes!("pages/ports-reopen.html");
const TEXT: &[u8] = include_bytes!("pages/ports-reopen.txt");

fn page() -> Document {
    ingest("ports-reopen.html", PAGE, None).expect("the saved page is ingested")
}

fn removed(document: &Document, reason: RemovalReason) -> Vec<&str> {
    document.removed(reason).collect()
}

#[test]
fn saved_page_and_plain_text_give_the_same_headline_and_body() {
    let html = page();
    let text = ingest("ports-reopen.txt", TEXT, None).unwrap();
    assert_eq!(html.headline, "Ports reopen after week-long strike");
    assert_eq!(html.headline, text.headline);
    assert_eq!(html.paragraphs, text.paragraphs);
    assert_eq!(html.paragraphs.len(), 4);
    assert_eq!(html.dek, text.dek);
    assert_eq!(html.authors, text.authors);
    assert_eq!(html.word_count, text.word_count);
}

#[test]
fn metadata_comes_from_the_markup_with_its_provenance() {
    let html = page();
    assert_eq!(html.id, "ports-reopen");
    assert_eq!(html.outlet.as_deref(), Some("The Harbour Times"));
    assert_eq!(
        html.url.as_deref(),
        Some("https://harbourtimes.example/2021/06/02/ports-reopen")
    );
    assert_eq!(
        html.published.map(|d| d.to_string()).as_deref(),
        Some("2021-06-02T09:15-03:00")
    );
    assert_eq!(html.authors, ["Ana Lima", "Tom Reed"]);
    for field in ["headline", "outlet", "url", "published", "authors"] {
        assert_eq!(
            html.provenance.get(field),
            Some(&Provenance::HtmlMeta),
            "{field}"
        );
    }
    assert_eq!(html.provenance.get("dek"), Some(&Provenance::Text));
}

#[test]
fn chrome_is_set_aside_with_reasons_and_scripts_never_show() {
    let html = page();
    let everything = format!("{:?} {:?}", html.paragraphs, html.boilerplate);
    for never in [
        "Injected by a script",
        "style text",
        "dataLayer",
        "NewsArticle",
    ] {
        assert!(!everything.contains(never), "{never} leaked: {everything}");
    }
    assert!(removed(&html, RemovalReason::SiteBanner)[0].starts_with("We use cookies"));
    let navigation = removed(&html, RemovalReason::Navigation).join(" / ");
    for chrome in [
        "Skip to content",
        "World",
        "Share on Facebook",
        "Topics:",
        "All rights reserved",
    ] {
        assert!(navigation.contains(chrome), "{chrome} not in {navigation}");
    }
    assert_eq!(
        removed(&html, RemovalReason::Caption),
        ["Container ships wait at anchor off Santos on Sunday."]
    );
    assert_eq!(
        removed(&html, RemovalReason::Comments),
        [
            "Comments (2)",
            "Finally! About time.",
            "Who pays for the delays?"
        ]
    );
    let related = removed(&html, RemovalReason::Related).join(" / ");
    assert!(related.contains("Strike enters sixth day") && related.contains("Most read"));
    assert_eq!(
        removed(&html, RemovalReason::Promo),
        ["Get the morning briefing"]
    );
    assert_eq!(removed(&html, RemovalReason::SectionLabel), ["Business"]);
    assert_eq!(removed(&html, RemovalReason::Byline).len(), 1);
    assert_eq!(removed(&html, RemovalReason::Dateline), ["June 2, 2021"]);
}

#[test]
fn the_catalog_still_applies_and_disagreements_are_conflicts() {
    let catalog = "[[article]]\nfile = \"ports-reopen.html\"\noutlet = \"Harbour Times Online\"\nnotes = [\"Saved from a browser.\"]\n";
    let corpus = build_corpus(
        vec![SourceFile {
            name: "ports-reopen.html".into(),
            bytes: PAGE.to_vec(),
        }],
        Some(catalog),
    )
    .unwrap();
    let document = &corpus.documents[0];
    assert_eq!(document.outlet.as_deref(), Some("Harbour Times Online"));
    assert_eq!(
        document.provenance.get("outlet"),
        Some(&Provenance::Catalog)
    );
    assert_eq!(document.conflicts[0].text, "The Harbour Times");
    assert_eq!(document.notes, ["Saved from a browser."]);
    assert!(!corpus.claims.is_empty());
}

#[test]
fn a_page_without_h1_takes_og_title_then_title() {
    let page = b"<html><head><title>Floods close schools | Daily</title><meta property=\"og:title\" content=\"Floods close schools in Lagos\"></head><body><p>Schools shut on Monday after heavy rain in the city.</p><p>The city said more rain was due.</p></body></html>";
    let document = ingest("floods.htm", page, None).unwrap();
    assert_eq!(document.headline, "Floods close schools in Lagos");
    assert_eq!(document.paragraphs.len(), 2);
    let page = b"<title>Floods close schools | Daily</title><p>Schools shut on Monday after heavy rain in the city.</p><p>The city said more rain was due.</p>";
    let document = ingest("floods.HTML", page, None).unwrap();
    assert_eq!(document.headline, "Floods close schools");
    assert_eq!(
        document.provenance.get("headline"),
        Some(&Provenance::HtmlMeta)
    );
}

#[test]
fn json_ld_fills_what_the_meta_tags_do_not_state() {
    let page = br#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":"NewsArticle","headline":"Ports reopen","datePublished":"2021-06-02","author":{"name":"Ana Lima"},"publisher":{"name":"Harbour Times"},"mainEntityOfPage":{"@id":"https://example.com/p"}}]}</script><p>Cargo moved again at the port on Monday.</p><p>Ships queued for days.</p>"#;
    let document = ingest("p.html", page, None).unwrap();
    assert_eq!(document.headline, "Ports reopen");
    assert_eq!(document.authors, ["Ana Lima"]);
    assert_eq!(document.outlet.as_deref(), Some("Harbour Times"));
    assert_eq!(document.url.as_deref(), Some("https://example.com/p"));
    assert_eq!(document.published.unwrap().to_string(), "2021-06-02");
}

#[test]
fn a_whole_page_saved_as_a_text_is_read_as_the_page_it_is() {
    let as_text = ingest("ports-reopen.txt", PAGE, None).unwrap();
    let as_page = page();
    assert_eq!(as_text.headline, as_page.headline);
    assert_eq!(as_text.paragraphs, as_page.paragraphs);
    assert_eq!(as_text.boilerplate, as_page.boilerplate);
    assert_eq!(as_text.file, "ports-reopen.txt");
    assert!(as_text.paragraphs.iter().all(|p| !p.contains('<')));
}

#[test]
fn pages_without_text_and_unknown_files_are_refused_by_name() {
    let error = ingest("x.txt", b"<p>Hi</p><script>alert(1)</script>", None).unwrap_err();
    assert!(matches!(error.problem, Problem::NoText { .. }), "{error}");
    assert!(error.to_string().starts_with("x.txt: "));
    let error = ingest("x.html", b"<script>alert(1)</script><nav>Home</nav>", None).unwrap_err();
    assert!(matches!(error.problem, Problem::NoText { .. }));
    assert!(error.to_string().contains("page chrome"), "{error}");
    assert!(error.to_string().starts_with("x.html: "));
    let error = ingest("x.pdf", b"%PDF", None).unwrap_err();
    assert_eq!(error.problem, Problem::UnsupportedExtension);
    assert!(error.to_string().contains(".html"));
    let error = ingest("x.html", b"\x00\x01binary<p>", None).unwrap_err();
    assert_eq!(error.problem, Problem::Binary);
}

#[test]
fn markdown_headings_and_emphasis_are_read_as_text() {
    let document = ingest(
        "note.md",
        b"# Ports reopen after strike\n\nCargo moved again at the port on **Monday**.\n\nShips queued for days.\n",
        None,
    )
    .unwrap();
    assert_eq!(document.headline, "Ports reopen after strike");
    assert_eq!(
        document.paragraphs,
        [
            "Cargo moved again at the port on Monday.",
            "Ships queued for days."
        ]
    );
}

#[test]
fn deep_nesting_is_read_in_linear_time() {
    let mut page = "<div>".repeat(200_000);
    page.push_str("<h1>Deep</h1><p>Text at the bottom of a very deep page.</p>");
    let started = std::time::Instant::now();
    let document = ingest("deep.html", page.as_bytes(), None).unwrap();
    assert_eq!(document.headline, "Deep");
    assert!(started.elapsed().as_secs() < 10);
}

fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<".to_string()),
        Just(">".to_string()),
        Just("</".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<h1>".to_string()),
        Just("<script>".to_string()),
        Just("</script>".to_string()),
        Just("<!--".to_string()),
        Just("-->".to_string()),
        Just("<article>".to_string()),
        Just("<nav class='share'>".to_string()),
        Just("</nav>".to_string()),
        Just("&amp".to_string()),
        Just("&#x110000;".to_string()),
        Just("&#0;".to_string()),
        Just("<table><td>".to_string()),
        Just("<svg><style>".to_string()),
        Just("<meta property=og:title content=".to_string()),
        Just("<time datetime='2024-13-99T99:99:99+99:99'>".to_string()),
        Just("<script type=application/ld+json>{\"headline\":".to_string()),
        Just("<![CDATA[".to_string()),
        Just(format!(
            "<script type=application/ld+json>{{\"headline\":\"H\",\"articleBody\":\"{}\"}}</script>",
            "The fares rose again. ".repeat(60)
        )),
        Just("<p>—</p>".to_string()),
        Just("<p>The council met on Monday to discuss the fares, the timetable and the boats, and said it would ask the company for a cheaper ticket.</p>".to_string()),
        Just("<span class=sr-only>".to_string()),
        Just("<div class=credit>© Agency</div>".to_string()),
        Just("\"".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ]
}

proptest! {
    #[test]
    fn malformed_html_never_panics(pieces in proptest::collection::vec(html_piece(), 0..40)) {
        let page = pieces.concat();
        let _ = ingest("page.html", page.as_bytes(), None);
        let _ = crossread_corpus::html::extract(&page);
    }

    #[test]
    fn any_text_never_panics_as_a_page(text in "\\PC{0,300}") {
        let _ = ingest("page.html", text.as_bytes(), None);
    }
}

#[test]
fn a_page_declaring_latin1_or_windows_1250_is_decoded_and_others_are_refused() {
    let body = "<p>Die Gemeinde hat am Montag beschlossen, die alte Br\u{fc}cke \u{fc}ber den Fluss zu erneuern, weil sie seit Jahren gesperrt ist.</p>\
                <p>Die Arbeiten sollen im Fr\u{fc}hjahr beginnen und drei Monate dauern, sagte die B\u{fc}rgermeisterin.</p>";
    let latin1 = |declared: &str| -> Vec<u8> {
        format!("<html><head><meta charset=\"{declared}\"><title>Br\u{fc}cke</title></head><body><article><h1>Neue Br\u{fc}cke</h1>{body}</article></body></html>")
            .chars()
            .map(|c| u8::try_from(u32::from(c)).unwrap())
            .collect()
    };
    let document = ingest("bruecke.html", &latin1("iso-8859-1"), None).unwrap();
    assert!(document.paragraphs[0].contains("Brücke über den Fluss"));
    let central = ingest("bruecke.html", &latin1("windows-1250"), None).unwrap();
    assert!(central.paragraphs[0].contains("Brücke über den Fluss"));
    let refused = ingest("bruecke.html", &latin1("x-unknown"), None).unwrap_err();
    assert!(matches!(refused.problem, Problem::NotUtf8 { .. }));
    let text = ingest("bruecke.txt", &latin1("iso-8859-1"), None).unwrap_err();
    assert!(matches!(text.problem, Problem::NotUtf8 { .. }));
}

/// Paragraph `n` of an invented report, for the JSON-LD tests.
fn report(n: usize) -> String {
    format!("On day {n} of the dispute the ferry company kept its spring fares a tenth higher, citing the price of fuel.")
}

#[test]
fn a_page_printing_a_summary_reads_its_whole_article_from_json_ld() {
    let body = (1..=12).map(report).collect::<Vec<_>>().join("\\n");
    let html = format!(
        "<html><head>\
         <script type=\"application/ld+json\">{{\"@type\":\"WebPage\",\"headline\":\"Fares rise\"}}</script>\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Fares rise\",\"articleBody\":\"{body}\"}}</script>\
         </head><body><h1>Fares rise</h1><p>Islanders face dearer crossings this spring, the company says.</p>\
         <div class=\"paywall\">Subscribe to read the full story.</div></body></html>"
    );
    let document = ingest("fares.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.paragraphs.len(), 12, "{document:?}");
    assert_eq!(document.paragraphs[0], report(1));
    // The page's chrome is still set aside with its reason.
    assert!(document
        .removed(RemovalReason::Promo)
        .any(|t| t.starts_with("Subscribe")));
}

#[test]
fn a_printed_article_is_kept_when_json_ld_holds_no_more() {
    let printed: String = (1..=4).map(|n| format!("<p>{}</p>", report(n))).collect();
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"Fares rise\",\
         \"articleBody\":\"A short description of the story, written for search engines and nothing else, here.\"}}</script>\
         </head><body><h1>Fares rise</h1>{printed}</body></html>"
    );
    let document = ingest("fares.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.paragraphs.len(), 4, "{document:?}");
    assert_eq!(document.paragraphs[3], report(4));
}
