//! Blocks of a saved page told from the article by their shape and their
//! heading (rule `RelatedHeading` in `html.rs`), on pages written for the
//! test.

use crossread_corpus::{ingest, Document, RemovalReason};

const BODY: &str = "<p>The ferry company raised its spring fares by a tenth on Monday, citing the price of fuel.</p>\
<p>Islanders who cross daily said the rise would cost them more than a week's wages over the year.</p>\
<p>The council will ask the company to keep a cheaper ticket for pupils and for patients.</p>";

fn page(body: &str) -> Document {
    let html = format!("<!doctype html><html><body><h1>Ferry fares rise</h1>{body}</body></html>");
    ingest("fares.html", html.as_bytes(), None).expect("the page holds an article")
}

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
