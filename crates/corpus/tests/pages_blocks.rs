//! Blocks of a saved page told from the article by their shape and their
//! heading (rule `RelatedHeading` in `html/blocks.rs`), on pages written for the
//! test.

use crossread_corpus::RemovalReason;

mod ferry_page;
use ferry_page::{page, reason_of, BODY};

#[test]
fn a_related_heading_sets_aside_the_teasers_it_heads() {
    let document = page(&format!(
        "<div class=\"story\">{BODY}</div>\
         <div class=\"box\"><h3>More on this story</h3>\
         <div><a href=\"/a\">Harbour dues go up again</a></div>\
         <div>The small fishing boats pay twice as much as last year.</div>\
         <div><a href=\"/b\">Lifeboat crew rescues two kayakers</a></div></div>\
         <p>Printed in the Island Post, page four, on the day the fares rose and the council met to discuss them.</p>"
    ));
    assert_eq!(document.paragraphs.len(), 4, "{document:?}");
    for teaser in ["Harbour dues", "The small fishing", "Lifeboat crew"] {
        assert!(
            document
                .boilerplate
                .iter()
                .any(|r| r.reason == RemovalReason::Related && r.text.starts_with(teaser)),
            "{teaser}: {document:?}"
        );
    }
}

#[test]
fn a_related_heading_over_paragraphs_of_prose_leaves_them() {
    let more = "<p>Fuel has cost the company a third more since the autumn, its accounts show, and the winter was long.</p>\
        <p>The company's chair said fares would fall again once the new, lighter boats arrive next year.</p>";
    let document = page(&format!("<div>{BODY}<h3>Read more</h3>{more}</div>"));
    assert_eq!(document.paragraphs.len(), 5, "{document:?}");
}

#[test]
fn a_block_of_links_between_dates_and_blurbs_is_set_aside() {
    let teasers = "<div class=\"box\">\
        <div><a href=\"/a\">Harbour dues go up again for the small fishing boats</a></div><div>2 May</div>\
        <div><a href=\"/b\">Lifeboat crew rescues two kayakers off the point</a></div><div>1 May</div>\
        <div><a href=\"/c\">New timetable for the winter ferries is out</a></div><div>30 April</div></div>";
    let document = page(&format!("<div>{BODY}</div>{teasers}"));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert!(document
        .boilerplate
        .iter()
        .any(|r| r.reason == RemovalReason::Related && r.text.starts_with("Lifeboat crew")));
}

#[test]
fn an_article_that_is_a_list_of_links_keeps_them() {
    let links = "<div><a href=\"/a\">Harbour dues go up again for the small fishing boats</a></div><div>via the Island Post</div>\
        <div><a href=\"/b\">Lifeboat crew rescues two kayakers off the point</a></div><div>via the Coast Herald</div>\
        <div><a href=\"/c\">New timetable for the winter ferries is out</a></div><div>via the Ferry News</div>";
    let document = page(&format!(
        "<article><p>What we read this week, in three links and a word.</p>{links}</article>"
    ));
    assert!(
        document
            .paragraphs
            .iter()
            .any(|p| p.starts_with("Lifeboat crew")),
        "{document:?}"
    );
}

#[test]
fn the_article_holding_the_h1_wins_over_a_longer_slider_of_teasers() {
    let teaser = |n: usize| {
        format!(
            "<div><a href=\"/t{n}\">Story {n}: the council argues about the harbour, the fares and the winter timetable, again.</a></div>"
        )
    };
    let slider: String = (0..8).map(teaser).collect();
    let html = format!(
        "<!doctype html><html><body>\
         <article class=\"story\"><h1>Ferry fares rise</h1>{BODY}</article>\
         <article class=\"more\"><h3>Analysis and interviews</h3>{slider}</article></body></html>"
    );
    let document = crossread_corpus::ingest("fares.html", html.as_bytes(), None).unwrap();
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert!(document.paragraphs[0].starts_with("The ferry company"));
    assert_eq!(
        ferry_page::reason_of(&document, "Story 3"),
        Some(RemovalReason::Related)
    );
}

#[test]
fn headings_that_name_other_stories_set_aside_the_teasers_they_head() {
    for heading in [
        "Other Opinion Columns",
        "More Sports News",
        "Las más leídas",
        "Most viewed",
    ] {
        let document = page(&format!(
            "<div class=\"story\">{BODY}</div>\
             <div class=\"box\"><h3>{heading}</h3>\
             <div><a href=\"/a\">Harbour dues go up again</a></div>\
             <div>The small fishing boats pay twice as much as last year.</div>\
             <div><a href=\"/b\">Lifeboat crew rescues two kayakers</a></div></div>"
        ));
        assert_eq!(document.paragraphs.len(), 3, "{heading}: {document:?}");
        assert_eq!(
            reason_of(&document, "The small fishing"),
            Some(RemovalReason::Related),
            "{heading}: {document:?}"
        );
    }
    // A subhead that starts like one but names no kind of piece heads
    // the article's own lines.
    for heading in [
        "More rain expected",
        "Top scorers",
        "Top picks",
        "Featured photos",
    ] {
        let document = page(&format!(
            "<div class=\"story\">{BODY}<h3>{heading}</h3>\
             <p>The small fishing boats pay twice as much as last year.</p></div>"
        ));
        assert_eq!(document.paragraphs.len(), 5, "{heading}: {document:?}");
    }
}
