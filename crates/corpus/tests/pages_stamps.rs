//! Time stamps between a saved page's headline and its article (rule
//! `StampAboveArticle` in `html/stamps.rs`), on small pages written for
//! the test.

use crossread_corpus::RemovalReason;

mod ferry_page;
use ferry_page::{page, reason_of, BODY};

#[test]
fn a_labelled_stamp_under_the_headline_is_a_dateline() {
    let document = page(&format!(
        "<p class=\"meta\">Updated: 11.04.2020, 10:27 | Harbour</p>{BODY}"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert_eq!(
        reason_of(&document, "Updated:"),
        Some(RemovalReason::Dateline)
    );
}

#[test]
fn a_stamp_with_a_byline_and_a_reading_time_is_a_dateline() {
    let document = page(&format!(
        "<div>By Ana Lima Feb 8, 2020 5 min read</div>{BODY}"
    ));
    assert_eq!(document.paragraphs.len(), 3, "{document:?}");
    assert_eq!(
        reason_of(&document, "By Ana"),
        Some(RemovalReason::Dateline)
    );
}

/// A subtitle that holds a date among many words is the article's own.
#[test]
fn a_subtitle_with_a_date_stays() {
    let document = page(&format!(
        "<p>Bern, 17.08.2007 - Speech by the minister at the summit of the towns, Basel</p>{BODY}"
    ));
    assert_eq!(document.paragraphs.len(), 4, "{document:?}");
}

/// A breadcrumb that ends in the headline does not make the `<h1>` a
/// repeat (the breadcrumb is): the stamp below it is set aside, and the
/// article's first paragraph is not taken for the headline.
#[test]
fn under_a_repeated_headline_the_first_paragraph_stays() {
    let html = format!(
        "<!doctype html><html><body><p>Ferry fares rise</p><h1>Ferry fares rise</h1>\
         <p>Ana Lima March 9, 2017</p>{BODY}</body></html>"
    );
    let document = crossread_corpus::ingest("fares.html", html.as_bytes(), None).unwrap();
    assert!(
        document.paragraphs[0].starts_with("The ferry company"),
        "{document:?}"
    );
    assert_eq!(document.headline, "Ferry fares rise");
    assert!(
        (document.boilerplate.iter()).any(|r| r.text.starts_with("Ana Lima")),
        "{document:?}"
    );
}
